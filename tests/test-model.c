/* test-model.c — the model layer, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ep-indicator-private.h"
#include "ep-test-util.h"

typedef struct {
  guint    count;
  GObject *last;
} ChangeCounter;

static void
changed_cb (EpDistrict    *district,
            GObject       *object,
            ChangeCounter *counter)
{
  counter->count++;
  counter->last = object;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_district_defaults (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");

  g_assert_cmpstr (ep_district_get_name (district), ==, "Riverside");
  g_assert_cmpstr (ep_district_get_language (district), ==, "en");
  g_assert_cmpuint (ep_district_get_min_n (district), ==, 10);
  g_assert_cmpuint (ep_district_get_min_cell (district), ==, 10);
  g_assert_true (ep_district_get_suppression (district));
  g_assert_true (ep_district_get_complementary (district));
  g_assert_cmpfloat (ep_district_get_top_code (district), ==, 95);
  g_assert_cmpfloat (ep_district_get_bottom_code (district), ==, 5);
  g_assert_cmpstr (ep_district_get_marker (district), ==, "*");
  g_assert_cmpfloat (ep_district_get_risk_ratio_threshold (district), ==, 3.0);
  g_assert_cmpuint (ep_district_get_risk_ratio_periods (district), ==, 3);
}

static void
test_district_notify_once (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  guint notified = 0;

  g_signal_connect (district, "notify::min-n", G_CALLBACK (notify_count_cb), &notified);
  ep_district_set_min_n (district, 20);
  ep_district_set_min_n (district, 20);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (district, "min-n", 30, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (ep_district_get_min_n (district), ==, 30);
}

static void
test_district_changed_signal (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  g_autoptr(EpSchool) school = ep_school_new ("S1", "Lincoln Elementary");
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpIntervention) action = ep_intervention_new ();
  g_autoptr(EpIndicator) indicator = ep_indicator_new ("absence");
  ChangeCounter counter = { 0 };

  ep_district_add_standard_groups (district);
  g_signal_connect (district, "changed", G_CALLBACK (changed_cb), &counter);

  g_assert_true (ep_district_add_school (district, school, NULL));
  g_assert_cmpuint (counter.count, ==, 1);

  ep_school_add_plan (school, plan);
  g_assert_cmpuint (counter.count, ==, 2);
  g_assert_true (counter.last == G_OBJECT (school));

  ep_plan_add (plan, action);
  g_assert_cmpuint (counter.count, ==, 3);

  /* A property deep in the tree reaches the district, naming the object. */
  ep_intervention_set_owner (action, "Ms. Rivera");
  g_assert_cmpuint (counter.count, ==, 4);
  g_assert_true (counter.last == G_OBJECT (action));

  /* Setting the same value again is no change. */
  ep_intervention_set_owner (action, "Ms. Rivera");
  g_assert_cmpuint (counter.count, ==, 4);

  ep_school_add_indicator (school, indicator);
  g_assert_cmpuint (counter.count, ==, 5);
  g_assert_true (ep_indicator_set_count (indicator, "EL", "2024-25", 12, 40, NULL));
  g_assert_cmpuint (counter.count, ==, 6);
  g_assert_true (counter.last == G_OBJECT (indicator));

  ep_node_set_translation (plan, "statement", "es", "Menos ausencias");
  g_assert_cmpuint (counter.count, ==, 7);

  /* Once removed, the action no longer belongs to the district. */
  g_assert_true (ep_plan_remove (plan, action));
  g_assert_cmpuint (counter.count, ==, 8);
  ep_intervention_set_owner (action, "Mr. Okafor");
  g_assert_cmpuint (counter.count, ==, 8);
  g_assert_null (ep_node_get_parent (action));
}

static void
test_district_schools (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  g_autoptr(EpSchool) a = ep_school_new ("S1", "Lincoln");
  g_autoptr(EpSchool) b = ep_school_new ("S1", "Duplicate");
  g_autoptr(EpSchool) c = ep_school_new (NULL, "No id");
  g_autoptr(GError) error = NULL;

  g_assert_true (ep_district_add_school (district, a, &error));
  g_assert_no_error (error);
  g_assert_false (ep_district_add_school (district, b, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (ep_district_add_school (district, c, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (ep_district_find_school (district, "S1") == a);
  ep_school_set_id (a, "S9");
  g_assert_null (ep_district_find_school (district, "S1"));
  g_assert_true (ep_district_find_school (district, "S9") == a);

  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 1);
  g_assert_true (ep_district_remove_school (district, a));
  g_assert_null (ep_district_find_school (district, "S9"));
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 0);
  g_assert_false (ep_district_remove_school (district, a));
}

static void
test_district_standard_groups (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  guint race = 0;
  GListModel *groups;

  ep_district_add_standard_groups (district);
  ep_district_add_standard_groups (district);  /* idempotent */
  groups = ep_district_get_groups (district);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
      if (ep_student_group_get_category (group) == EP_GROUP_CATEGORY_RACE_ETHNICITY)
        race++;
    }
  /* The seven federal race/ethnicity categories. */
  g_assert_cmpuint (race, ==, 7);
  g_assert_cmpint (ep_student_group_get_category (ep_district_find_group (district, "EL")), ==,
                   EP_GROUP_CATEGORY_LANGUAGE);
}

static void
test_indicator_measurements (void)
{
  g_autoptr(EpIndicator) ind = ep_indicator_new ("suspension");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  EpMeasurement m;
  guint changes = 0;

  g_signal_connect (ind, "measurements-changed", G_CALLBACK (notify_count_cb), &changes);

  g_assert_true (ep_indicator_set_count (ind, "WH", "2024-25", 481, 24739, &error));
  g_assert_true (ep_indicator_set_count (ind, "BL", "2024-25", 805, 10202, &error));
  g_assert_true (ep_indicator_set_count (ind, "BL", "2023-24", 790, 10100, &error));
  g_assert_true (ep_indicator_set_suppressed (ind, "PI", "2024-25", "*", &error));
  g_assert_true (ep_indicator_set_value (ind, "all", "2024-25", 231.5, 38, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 5);
  g_assert_cmpuint (ep_indicator_get_n_measurements (ind), ==, 5);

  g_assert_true (ep_indicator_lookup (ind, "BL", "2024-25", &m));
  g_assert_cmpuint (m.numerator, ==, 805);
  g_assert_cmpuint (m.denominator, ==, 10202);
  g_assert_cmpuint (m.flags, ==, EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR);
  g_assert_cmpstr (m.group, ==, "BL");

  g_assert_true (ep_indicator_lookup (ind, "PI", "2024-25", &m));
  g_assert_true (m.flags & EP_MEASUREMENT_SUPPRESSED);
  g_assert_cmpstr (m.marker, ==, "*");
  g_assert_cmpuint (m.numerator, ==, 0);

  g_assert_true (ep_indicator_lookup (ind, "all", "2024-25", &m));
  g_assert_cmpfloat (m.value, ==, 231.5);
  g_assert_cmpuint (m.n, ==, 38);

  g_assert_false (ep_indicator_lookup (ind, "EL", "2024-25", NULL));

  /* Sorted by period, then group. */
  ep_indicator_get_nth (ind, 0, &m);
  g_assert_cmpstr (m.period, ==, "2023-24");
  ep_indicator_get_nth (ind, 1, &m);
  g_assert_cmpstr (m.group, ==, "BL");
  g_assert_cmpstr (m.period, ==, "2024-25");
  ep_indicator_get_nth (ind, 4, &m);
  g_assert_cmpstr (m.group, ==, "all");  /* "all" sorts after upper case */

  /* Replacing keeps one cell; the same value again is no change. */
  g_assert_true (ep_indicator_set_count (ind, "BL", "2024-25", 806, 10202, NULL));
  g_assert_true (ep_indicator_set_count (ind, "BL", "2024-25", 806, 10202, NULL));
  g_assert_cmpuint (changes, ==, 6);
  g_assert_cmpuint (ep_indicator_get_n_measurements (ind), ==, 5);

  /* A value cell replaced by another value reuses its slot. */
  g_assert_true (ep_indicator_set_value (ind, "all", "2024-25", 240.25, 40, NULL));
  g_assert_true (ep_indicator_lookup (ind, "all", "2024-25", &m));
  g_assert_cmpfloat (m.value, ==, 240.25);

  periods = ep_indicator_list_periods (ind);
  g_assert_cmpuint (periods->len, ==, 2);
  g_assert_cmpstr (periods->pdata[0], ==, "2023-24");
  groups = ep_indicator_list_groups (ind);
  g_assert_cmpuint (groups->len, ==, 4);

  g_assert_true (ep_indicator_remove_measurement (ind, "BL", "2023-24"));
  g_assert_false (ep_indicator_remove_measurement (ind, "BL", "2023-24"));
  g_assert_cmpuint (ep_indicator_get_n_measurements (ind), ==, 4);
}

static void
test_indicator_validation (void)
{
  g_autoptr(EpIndicator) ind = ep_indicator_new ("suspension");
  g_autoptr(GError) error = NULL;
  EpMeasurement bad;

  /* More students with the outcome than students counted. */
  g_assert_false (ep_indicator_set_count (ind, "EL", "2024-25", 45, 40, &error));
  g_assert_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“EL”"));
  g_assert_nonnull (strstr (error->message, "45"));
  g_clear_error (&error);

  /* A suppressed cell must not carry the number it hides. */
  bad = (EpMeasurement) { .group = "EL", .period = "2024-25", .marker = "*",
                          .flags = EP_MEASUREMENT_SUPPRESSED | EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR,
                          .numerator = 3, .denominator = 8 };
  g_assert_false (ep_indicator_set_measurement (ind, &bad, &error));
  g_assert_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);

  /* A suppressed cell needs its marker. */
  bad = (EpMeasurement) { .group = "EL", .period = "2024-25", .flags = EP_MEASUREMENT_SUPPRESSED };
  g_assert_false (ep_indicator_set_measurement (ind, &bad, &error));
  g_clear_error (&error);

  /* Value and counts at once. */
  bad = (EpMeasurement) { .group = "EL", .period = "2024-25",
                          .flags = EP_MEASUREMENT_HAS_VALUE | EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR,
                          .value = 3, .numerator = 1, .denominator = 2 };
  g_assert_false (ep_indicator_set_measurement (ind, &bad, &error));
  g_clear_error (&error);

  /* A numerator alone. */
  bad = (EpMeasurement) { .group = "EL", .period = "2024-25", .flags = EP_MEASUREMENT_HAS_NUMERATOR, .numerator = 1 };
  g_assert_false (ep_indicator_set_measurement (ind, &bad, &error));
  g_clear_error (&error);

  /* Not a finite number. */
  g_assert_false (ep_indicator_set_value (ind, "EL", "2024-25", NAN, 10, &error));
  g_clear_error (&error);
  g_assert_false (ep_indicator_set_value (ind, "EL", "2024-25", INFINITY, 10, &error));
  g_clear_error (&error);

  /* No group or period. */
  g_assert_false (ep_indicator_set_count (ind, "", "2024-25", 1, 2, &error));
  g_clear_error (&error);

  g_assert_cmpuint (ep_indicator_get_n_measurements (ind), ==, 0);

  /* Zero of zero is a count, not an error (rates handle it later). */
  g_assert_true (ep_indicator_set_count (ind, "EL", "2024-25", 0, 0, &error));
  g_assert_no_error (error);
}

static void
test_indicator_packed (void)
{
  g_autoptr(EpIndicator) ind = ep_indicator_new ("big");
  const guint n = 20 * 50;
  gsize size;

  for (guint p = 0; p < 50; p++)
    for (guint g = 0; g < 20; g++)
      {
        g_autofree char *group = g_strdup_printf ("G%02u", g);
        g_autofree char *period = g_strdup_printf ("P%03u", p);
        g_assert_true (ep_indicator_set_count (ind, group, period, g, 100, NULL));
      }
  g_assert_cmpuint (ep_indicator_get_n_measurements (ind), ==, n);
  /* 12 bytes a cell, plus the small name table and the object. */
  size = ep_indicator_get_memory_size (ind);
  g_assert_cmpuint (size, <=, n * 12 + 72 * sizeof (gpointer) + 512);
}

/* The limits of packing are errors, not silent truncation. */
static void
test_indicator_limits (void)
{
  g_autoptr(EpIndicator) ind = ep_indicator_new ("wide");
  g_autoptr(GError) error = NULL;
  guint added = 0;

  for (guint i = 0; i < 3000 && error == NULL; i++)
    {
      g_autofree char *period = g_strdup_printf ("P%04u", i);
      if (ep_indicator_set_count (ind, "G", period, 1, 2, &error))
        added++;
    }
  g_assert_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_TOO_MANY);
  g_assert_cmpuint (added, ==, 2046);   /* 2,047 names: one group, 2,046 periods */
  g_clear_error (&error);

  for (guint i = 0; i < 40 && error == NULL; i++)
    {
      g_autofree char *marker = g_strdup_printf ("<%u", i);
      ep_indicator_set_suppressed (ind, "G", "P0000", marker, &error);
    }
  g_assert_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_TOO_MANY);

  /* Everything before the limit is intact. */
  g_assert_cmpuint (ep_indicator_get_n_measurements (ind), ==, 2046);
}

static void
test_plan_lists (void)
{
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpIdea) a = ep_idea_new ();
  g_autoptr(EpIdea) b = ep_idea_new ();
  g_autoptr(EpLogEntry) entry = ep_log_entry_new ();
  g_autoptr(EpStudentGroup) stranger = ep_student_group_new ();

  ep_idea_set_id (a, "i1");
  ep_idea_set_id (b, "i2");
  ep_plan_add (plan, a);
  ep_plan_insert (plan, 0, b);
  ep_plan_add (plan, entry);

  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_ideas (plan)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_log (plan)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_interventions (plan)), ==, 0);
  {
    g_autoptr(EpIdea) first = g_list_model_get_item (ep_plan_get_ideas (plan), 0);
    g_assert_true (first == b);
  }
  g_assert_true (ep_plan_find_idea (plan, "i1") == a);
  g_assert_null (ep_plan_find_idea (plan, "i3"));
  g_assert_true (ep_node_get_parent (a) == (gpointer) plan);

  /* Items of other types have no list in a plan. */
  g_test_expect_message ("ep-plan", G_LOG_LEVEL_CRITICAL, "*store != NULL*");
  ep_plan_add (plan, stranger);
  g_test_assert_expected_messages ();

  g_assert_true (ep_plan_remove (plan, a));
  g_assert_false (ep_plan_remove (plan, a));
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_ideas (plan)), ==, 1);
}

static void
test_plan_problem (void)
{
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  guint notified = 0;

  g_assert_false (ep_plan_get_has_baseline (plan));
  g_signal_connect (plan, "notify::has-baseline", G_CALLBACK (notify_count_cb), &notified);
  ep_plan_set_baseline (plan, 0);   /* zero is a real baseline */
  g_assert_true (ep_plan_get_has_baseline (plan));
  g_assert_cmpfloat (ep_plan_get_baseline (plan), ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  ep_plan_clear_baseline (plan);
  g_assert_false (ep_plan_get_has_baseline (plan));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_false (ep_plan_get_has_reflection (plan));
  ep_plan_set_reflection_decision (plan, EP_DECISION_SCALE);
  g_assert_true (ep_plan_get_has_reflection (plan));
}

static void
test_school_plans (void)
{
  g_autoptr(EpSchool) school = ep_school_new ("S1", "Lincoln");
  g_autoptr(EpPlan) older = ep_plan_new ("2024-25");
  g_autoptr(EpPlan) newer = ep_plan_new ("2025-26");

  g_assert_null (ep_school_get_current_plan (school));
  ep_school_add_plan (school, newer);
  ep_school_add_plan (school, older);
  g_assert_true (ep_school_get_current_plan (school) == newer);
  g_assert_true (ep_school_find_plan (school, "2024-25") == older);
  g_assert_true (ep_school_remove_plan (school, newer));
  g_assert_true (ep_school_get_current_plan (school) == older);
}

/* Every field of every record type: the property reads back what was set,
 * and notifies exactly once per real change. */
static void
test_records_fields (void)
{
  GType types[] = {
    EP_TYPE_STUDENT_GROUP, EP_TYPE_GLOSSARY_TERM, EP_TYPE_LISTENING_SESSION,
    EP_TYPE_CHAMPION, EP_TYPE_IDEA, EP_TYPE_INTERVENTION, EP_TYPE_LOG_ENTRY,
    EP_TYPE_SCHOOL, EP_TYPE_INDICATOR, EP_TYPE_PLAN, EP_TYPE_DISTRICT,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GObject) object = g_object_new (types[t], NULL);
      guint n;
      const EpField *fields = ep_node_class_get_fields (types[t], &n);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          const EpField *f = &fields[i];
          g_autofree char *signal = g_strdup_printf ("notify::%s", f->name);
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          const char *text = NULL;
          guint notified = 0;
          gulong id = g_signal_connect (object, signal, G_CALLBACK (notify_count_cb), &notified);

          switch (f->type)
            {
            case EP_FIELD_STRING:
            case EP_FIELD_TEXT: text = "Señora Nguyễn — “quoted”"; break;
            case EP_FIELD_INT:
            case EP_FIELD_UINT: text = f->maximum >= 4 ? "4" : "1"; break;
            case EP_FIELD_DOUBLE: text = "12.5"; break;
            case EP_FIELD_BOOLEAN: text = f->default_value ? "false" : "true"; break;
            case EP_FIELD_DATE: text = "2025-09-12"; break;
            case EP_FIELD_ENUM:
              {
                g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
                text = klass->values[klass->n_values - 1].value_nick;
              }
              break;
            default:
              g_assert_not_reached ();
            }

          before = ep_node_dup_field_as_string (object, f);
          g_assert_true (ep_node_set_field_from_string (object, f, text, NULL));
          after = ep_node_dup_field_as_string (object, f);
          g_assert_cmpstr (after, ==, text);
          g_assert_cmpuint (notified, ==, g_strcmp0 (before, text) != 0 ? 1 : 0);
          g_assert_true (ep_node_set_field_from_string (object, f, text, NULL));
          g_assert_cmpuint (notified, <=, 1);
          g_signal_handler_disconnect (object, id);
        }
    }
}

static void
test_field_errors (void)
{
  g_autoptr(EpIdea) idea = ep_idea_new ();
  g_autoptr(EpListeningSession) session = ep_listening_session_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ep_node_set_field_from_string (idea, ep_node_class_find_field (EP_TYPE_IDEA, "impact"), "6", &error));
  g_assert_nonnull (strstr (error->message, "between"));
  g_clear_error (&error);
  g_assert_false (ep_node_set_field_from_string (idea, ep_node_class_find_field (EP_TYPE_IDEA, "impact"), "2.5", &error));
  g_clear_error (&error);
  g_assert_false (ep_node_set_field_from_string (idea, ep_node_class_find_field (EP_TYPE_IDEA, "chosen"), "1", &error));
  g_assert_nonnull (strstr (error->message, "true or false"));
  g_clear_error (&error);
  g_assert_false (ep_node_set_field_from_string (session, ep_node_class_find_field (EP_TYPE_LISTENING_SESSION, "date"), "2025-02-30", &error));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);
  g_assert_cmpint (ep_idea_get_impact (idea), ==, 0);
  g_assert_false (ep_idea_get_chosen (idea));
  g_assert_null (ep_listening_session_get_date (session));
}

static void
test_translations (void)
{
  g_autoptr(EpGlossaryTerm) term = ep_glossary_term_new ();
  g_autoptr(GPtrArray) langs = NULL;

  ep_glossary_term_set_definition (term, "Each student gets what they need.");
  ep_node_set_translation (term, "definition", "es", "Cada estudiante recibe lo que necesita.");
  ep_node_set_translation (term, "definition", "ar", "يحصل كل طالب على ما يحتاجه.");
  ep_node_set_translation (term, "name", "es", "Equidad");

  g_assert_cmpstr (ep_node_get_translation (term, "definition", "es"), ==, "Cada estudiante recibe lo que necesita.");
  g_assert_null (ep_node_get_translation (term, "definition", "vi"));
  langs = ep_node_list_translation_langs (term, "definition");
  g_assert_cmpuint (langs->len, ==, 2);
  g_assert_cmpstr (langs->pdata[0], ==, "ar");
  g_assert_cmpstr (langs->pdata[1], ==, "es");

  ep_node_set_translation (term, "definition", "ar", "");
  g_assert_null (ep_node_get_translation (term, "definition", "ar"));
  g_assert_cmpstr (ep_glossary_term_get_definition (term), ==, "Each student gets what they need.");
}

static void
test_numbers (void)
{
  double v = 0;
  struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 12, "12" }, { -3, "-3" }, { 30.5, "30.5" }, { 0.1, "0.1" },
    { 1.0 / 3.0, "0.33333333333333331" }, { 1e-7, "9.9999999999999995e-08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = ep_format_number (cases[i].value);
      double back;

      g_assert_true (ep_parse_number (s, &back));
      g_assert_cmpfloat (back, ==, cases[i].value);
      if (cases[i].value == floor (cases[i].value) || cases[i].value == 30.5 || cases[i].value == 0.1)
        g_assert_cmpstr (s, ==, cases[i].text);
    }

  g_assert_false (ep_parse_number ("nan", &v));
  g_assert_false (ep_parse_number ("inf", &v));
  g_assert_false (ep_parse_number ("1e309", &v));
  g_assert_false (ep_parse_number ("1,5", &v));
  g_assert_false (ep_parse_number ("0x10", &v));
  g_assert_false (ep_parse_number ("", &v));
  g_assert_false (ep_parse_number (" 1", &v));
  g_assert_true (ep_parse_number ("2.5e1", &v));
  g_assert_cmpfloat (v, ==, 25);
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (ep_parse_date ("2025-09-12", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2025);
  g_assert_cmpint (g_date_get_month (&date), ==, 9);
  g_assert_cmpint (g_date_get_day (&date), ==, 12);
  text = ep_format_date (&date);
  g_assert_cmpstr (text, ==, "2025-09-12");

  g_assert_true (ep_parse_date ("2024-02-29", &date));
  g_assert_false (ep_parse_date ("2025-02-29", &date));
  g_assert_false (ep_parse_date ("2025-9-12", &date));
  g_assert_false (ep_parse_date ("12/09/2025", &date));
  g_assert_false (ep_parse_date ("2025-09-12T00:00", &date));
  g_assert_false (ep_parse_date ("", &date));
}

static void
test_synth_deterministic (void)
{
  g_autoptr(EpDistrict) a = ep_synth_district (12, 3, 7);
  g_autoptr(EpDistrict) b = ep_synth_district (12, 3, 7);
  g_autoptr(EpDistrict) c = ep_synth_district (12, 3, 8);
  g_autoptr(GBytes) ba = ep_xml_write_bytes (a);
  g_autoptr(GBytes) bb = ep_xml_write_bytes (b);
  g_autoptr(GBytes) bc = ep_xml_write_bytes (c);
  GListModel *schools = ep_district_get_schools (a);
  guint small = 0, suppressed = 0, cells = 0;

  g_assert_true (g_bytes_equal (ba, bb));
  g_assert_false (g_bytes_equal (ba, bc));
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 12);

  /* The district has what tests need: groups under the minimum n, cells
   * suppressed at source, and race groups that add up to all students. */
  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, s);
      EpIndicator *ind = ep_school_find_indicator (school, "suspension");
      const char *race[] = { "HI", "AM", "AS", "BL", "PI", "WH", "TR" };
      EpMeasurement all, m;
      guint32 num = 0, den = 0;

      g_assert_nonnull (ind);
      g_assert_true (ep_indicator_lookup (ind, "all", "2024-25", &all));
      for (guint g = 0; g < G_N_ELEMENTS (race); g++)
        if (ep_indicator_lookup (ind, race[g], "2024-25", &m))
          {
            num += m.numerator;
            den += m.denominator;
            if (m.denominator < 10)
              small++;
          }
      g_assert_cmpuint (num, ==, all.numerator);
      g_assert_cmpuint (den, ==, all.denominator);

      ind = ep_school_find_indicator (school, "ela-proficient");
      for (guint i = 0; i < ep_indicator_get_n_measurements (ind); i++)
        {
          ep_indicator_get_nth (ind, i, &m);
          cells++;
          if (m.flags & EP_MEASUREMENT_SUPPRESSED)
            suppressed++;
        }
    }
  g_assert_cmpuint (small, >, 0);
  g_assert_cmpuint (suppressed, >, 0);
  g_assert_cmpuint (suppressed, <, cells / 2);
}


/* A folder of .eqplan files: every school gathered, a broken file
 * reported with its position and left out, and changes noticed. */
static void
test_folder (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *contents = NULL;
  g_autofree char *a = g_build_filename (dir, "a-riverside.eqplan", NULL);
  g_autofree char *b = g_build_filename (dir, "b-broken.eqplan", NULL);
  g_autofree char *c = g_build_filename (dir, "c-other.eqplan", NULL);
  g_autofree char *d = g_build_filename (dir, "d-new.eqplan", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  EpFolderFile *broken;

  g_assert_true (g_file_get_contents (demo, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (a, contents, -1, NULL));
  g_assert_true (g_file_set_contents (b, "<?xml version=\"1.0\"?>\n<district", -1, NULL));
  g_assert_true (g_file_set_contents (c,
    "<?xml version=\"1.0\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>Other</name>\n"
    "  <school id=\"S9\"><name>Ninth</name></school>\n"
    "  <school id=\"060000100001\"><name>Same id as the demo's Lincoln</name></school>\n"
    "</district>\n", -1, NULL));

  district = ep_folder_read (folder, NULL, &files, &error);
  g_assert_no_error (error);
  g_assert_nonnull (district);
  g_assert_cmpstr (ep_district_get_name (district), ==, "Riverside Unified School District");
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 5);
  g_assert_nonnull (ep_district_find_school (district, "S9"));
  g_assert_cmpuint (files->len, ==, 3);
  broken = files->pdata[1];
  g_assert_nonnull (broken->error);
  g_assert_true (g_str_has_prefix (broken->error->message, b));
  g_assert_nonnull (strstr (broken->error->message, ":2:"));
  /* The duplicate school is reported, the other taken. */
  g_assert_cmpuint (((EpFolderFile *) files->pdata[2])->n_schools, ==, 1);
  g_assert_nonnull (((EpFolderFile *) files->pdata[2])->error);

  changed = ep_folder_changed (folder, files, NULL);
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);

  g_usleep (1100 * 1000);  /* etags carry whole seconds */
  g_assert_true (g_file_set_contents (c, "changed", -1, NULL));
  g_assert_true (g_file_set_contents (d, "new", -1, NULL));
  changed = ep_folder_changed (folder, files, NULL);
  g_assert_cmpuint (changed->len, ==, 2);

  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/district/defaults", test_district_defaults);
  g_test_add_func ("/model/district/notify-once", test_district_notify_once);
  g_test_add_func ("/model/district/changed-signal", test_district_changed_signal);
  g_test_add_func ("/model/district/schools", test_district_schools);
  g_test_add_func ("/model/district/standard-groups", test_district_standard_groups);
  g_test_add_func ("/model/indicator/measurements", test_indicator_measurements);
  g_test_add_func ("/model/indicator/validation", test_indicator_validation);
  g_test_add_func ("/model/indicator/packed", test_indicator_packed);
  g_test_add_func ("/model/indicator/limits", test_indicator_limits);
  g_test_add_func ("/model/plan/lists", test_plan_lists);
  g_test_add_func ("/model/plan/problem", test_plan_problem);
  g_test_add_func ("/model/school/plans", test_school_plans);
  g_test_add_func ("/model/records/fields", test_records_fields);
  g_test_add_func ("/model/records/field-errors", test_field_errors);
  g_test_add_func ("/model/node/translations", test_translations);
  g_test_add_func ("/model/node/numbers", test_numbers);
  g_test_add_func ("/model/node/dates", test_dates);
  g_test_add_func ("/model/synth/deterministic", test_synth_deterministic);

  g_test_add_func ("/model/folder", test_folder);

  return g_test_run ();
}
