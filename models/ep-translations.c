/* ep-translations.c — which texts of a plan exist in which language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-translations"

#include "config.h"

#include "ep-node.h"
#include "ep-translations.h"

void
ep_translatable_free (EpTranslatable *translatable)
{
  if (translatable == NULL)
    return;
  g_clear_object (&translatable->node);
  g_free (translatable->source);
  g_free (translatable);
}

/* Adds every non-empty translatable text field of @node, in the order of
 * its class's fields. */
static void
add_node (GPtrArray *out,
          gpointer   node)
{
  guint n_fields = 0;
  const EpField *fields;

  if (node == NULL)
    return;
  fields = ep_node_class_get_fields (G_OBJECT_TYPE (node), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = NULL;
      EpTranslatable *t;

      if (fields[i].type != EP_FIELD_TEXT)
        continue;
      g_object_get (node, fields[i].name, &text, NULL);
      if (text == NULL || *g_strstrip (text) == '\0')
        continue;
      t = g_new0 (EpTranslatable, 1);
      t->node = g_object_ref (node);
      t->field = fields[i].name;
      t->source = g_steal_pointer (&text);
      g_ptr_array_add (out, t);
    }
}

static void
add_list (GPtrArray  *out,
          GListModel *list)
{
  for (guint i = 0, n = list ? g_list_model_get_n_items (list) : 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      add_node (out, item);
    }
}

/**
 * ep_translatables_for_plan:
 *
 * The texts a family-facing document about this plan can show: the
 * school's name, the plan's own texts and those of its listening sessions,
 * champions, ideas and actions, the problem indicator, the district's
 * student-group labels and glossary.
 *
 * Returns: (transfer full) (element-type EpTranslatable): in reading order
 */
GPtrArray *
ep_translatables_for_plan (EpDistrict *district,
                           EpSchool   *school,
                           EpPlan     *plan)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) ep_translatable_free);

  g_return_val_if_fail (district == NULL || EP_IS_DISTRICT (district), out);
  g_return_val_if_fail (school == NULL || EP_IS_SCHOOL (school), out);
  g_return_val_if_fail (plan == NULL || EP_IS_PLAN (plan), out);

  add_node (out, school);
  if (plan != NULL)
    {
      add_node (out, plan);
      if (school != NULL && ep_plan_get_problem_indicator (plan) != NULL)
        add_node (out, ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)));
      add_list (out, ep_plan_get_interventions (plan));
      add_list (out, ep_plan_get_listening_sessions (plan));
      add_list (out, ep_plan_get_ideas (plan));
      add_list (out, ep_plan_get_champions (plan));
    }
  if (district != NULL)
    {
      add_list (out, ep_district_get_groups (district));
      add_list (out, ep_district_get_glossary (district));
    }
  return out;
}

/**
 * ep_translatables_count_missing:
 *
 * Returns: how many of @translatables have no version in @language
 */
guint
ep_translatables_count_missing (GPtrArray  *translatables,
                                const char *language)
{
  guint missing = 0;

  g_return_val_if_fail (translatables != NULL, 0);

  for (guint i = 0; i < translatables->len; i++)
    {
      EpTranslatable *t = translatables->pdata[i];
      const char *text = ep_node_get_translation (t->node, t->field, language);

      if (text == NULL || *text == '\0')
        missing++;
    }
  return missing;
}

/**
 * ep_text_for_language:
 * @language: (nullable): a language code such as "es"; %NULL for the source
 * @fell_back: (out) (optional): set when the source text is returned
 *   because the field has no version in @language
 *
 * Returns: (nullable): the text to show in @language
 */
const char *
ep_text_for_language (gpointer    node,
                      const char *field,
                      const char *language,
                      gboolean   *fell_back)
{
  const char *text = NULL;
  const EpField *fields;
  guint n_fields = 0;

  g_return_val_if_fail (G_IS_OBJECT (node), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (language != NULL)
    text = ep_node_get_translation (node, field, language);
  if (fell_back != NULL)
    *fell_back = FALSE;
  if (text != NULL && *text != '\0')
    return text;

  /* The source text, owned by the object: reached through its field
   * table, without a copy. */
  text = NULL;
  fields = ep_node_class_get_fields (G_OBJECT_TYPE (node), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, field) && fields[i].type == EP_FIELD_TEXT)
      text = *(const char **) G_STRUCT_MEMBER_P (node, fields[i].offset);
  if (fell_back != NULL)
    *fell_back = language != NULL && text != NULL && *text != '\0';
  return text;
}
