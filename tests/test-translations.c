/* test-translations.c — which plan texts exist in which language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ep-test-util.h"

static void
test_fallback (void)
{
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  gboolean fell_back = FALSE;

  ep_plan_set_statement (plan, "Fewer English learners miss school.");
  ep_node_set_translation (plan, "statement", "es", "Menos estudiantes de inglés faltan a la escuela.");

  g_assert_cmpstr (ep_text_for_language (plan, "statement", "es", &fell_back), ==,
                   "Menos estudiantes de inglés faltan a la escuela.");
  g_assert_false (fell_back);
  /* No Arabic version: the source, and the caller is told. */
  g_assert_cmpstr (ep_text_for_language (plan, "statement", "ar", &fell_back), ==,
                   "Fewer English learners miss school.");
  g_assert_true (fell_back);
  g_assert_cmpstr (ep_text_for_language (plan, "statement", NULL, &fell_back), ==,
                   "Fewer English learners miss school.");
  g_assert_false (fell_back);
  /* An empty field falls back to nothing, and is not "fallen back". */
  g_assert_null (ep_text_for_language (plan, "root-cause", "es", &fell_back));
  g_assert_false (fell_back);
}

static void
test_demo_coverage (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  EpSchool *school = ep_district_find_school (district, "060000100002");
  EpPlan *plan = ep_school_get_current_plan (school);
  g_autoptr(GPtrArray) texts = ep_translatables_for_plan (district, school, plan);
  guint missing_es = ep_translatables_count_missing (texts, "es");
  guint missing_so = ep_translatables_count_missing (texts, "so");
  gboolean has_statement = FALSE, has_group = FALSE;

  g_assert_cmpuint (texts->len, >, 20);
  for (guint i = 0; i < texts->len; i++)
    {
      EpTranslatable *t = texts->pdata[i];

      g_assert_nonnull (t->source);
      g_assert_cmpstr (t->source, !=, "");
      has_statement |= EP_IS_PLAN (t->node) && g_str_equal (t->field, "statement");
      has_group |= EP_IS_STUDENT_GROUP (t->node);
    }
  g_assert_true (has_statement);
  g_assert_true (has_group);
  /* The demo carries Spanish for part of the plan and no Somali. */
  g_assert_cmpuint (missing_es, <, texts->len);
  g_assert_cmpuint (missing_es, >, 0);
  g_assert_cmpuint (missing_so, ==, texts->len);

  /* Filling one through the history counts, and undo takes it back. */
  {
    g_autoptr(EpHistory) history = ep_history_new ();
    EpTranslatable *t = texts->pdata[0];

    ep_history_set_translation (history, t->node, t->field, "so", "Dugsiga");
    g_assert_cmpuint (ep_translatables_count_missing (texts, "so"), ==, texts->len - 1);
    ep_history_undo (history);
    g_assert_cmpuint (ep_translatables_count_missing (texts, "so"), ==, texts->len);
  }
}

/* Every language chooser's one table: each language named in its own
 * language (issue 14). */
static void
test_language_names (void)
{
  static const char * const expected[][2] = {
    { "es", "Español" }, { "ar", "العربية" }, { "vi", "Tiếng Việt" }, { "so", "Soomaali" },
    { "ht", "Kreyòl ayisyen" }, { "pt", "Português" },
  };

  g_assert_cmpuint (ep_languages_get_n (), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ep_language_native_name (expected[i][0]), ==, expected[i][1]);
  g_assert_true (g_str_has_prefix (ep_language_native_name ("zh-CN"), "中文"));
  g_assert_cmpstr (ep_language_native_name ("es-MX"), ==, "Español");
  g_assert_cmpstr (ep_language_native_name ("zh_CN"), ==, ep_language_native_name ("zh-CN"));
  g_assert_null (ep_language_native_name ("fr"));
  g_assert_null (ep_language_native_name (NULL));
  g_assert_cmpint (ep_languages_find ("ar"), ==, 1);
  g_assert_cmpstr (ep_languages_get_code (1), ==, "ar");
  g_assert_cmpstr (ep_languages_get_native_name (0), ==, "Español");
  g_assert_null (ep_languages_get_code (ep_languages_get_n ()));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translations/language-names", test_language_names);
  g_test_add_func ("/translations/fallback", test_fallback);
  g_test_add_func ("/translations/demo-coverage", test_demo_coverage);

  return g_test_run ();
}
