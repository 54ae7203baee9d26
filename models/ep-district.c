/* ep-district.c — a district: its publication rules, student groups,
 * glossary and schools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-district"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ep-district.h"
#include "ep-node-private.h"

struct _EpDistrict
{
  EP_NODE_HEADER;

  char       *id;
  char       *name;
  char       *language;
  guint       min_n;
  guint       min_cell;
  gboolean    suppression;
  gboolean    complementary;
  double      top_code;
  double      bottom_code;
  char       *marker;
  double      risk_ratio_threshold;
  guint       risk_ratio_periods;

  EpList *groups;
  EpList *glossary;
  EpList *schools;
  GHashTable *schools_by_id;   /* id → EpSchool (borrowed) */
};

G_DEFINE_FINAL_TYPE (EpDistrict, ep_district, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LANGUAGE,
  PROP_MIN_N,
  PROP_MIN_CELL,
  PROP_SUPPRESSION,
  PROP_COMPLEMENTARY,
  PROP_TOP_CODE,
  PROP_BOTTOM_CODE,
  PROP_MARKER,
  PROP_RISK_RATIO_THRESHOLD,
  PROP_RISK_RATIO_PERIODS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Publication rows are attributes of <publication>, written by ep-xml.c. */
static const EpField fields[] = {
  EP_F_STRING (EpDistrict, id, "id"),
  EP_F_TEXT_ALWAYS (EpDistrict, name, "name"),
  EP_F_STRING (EpDistrict, language, "language"),
  EP_F_UINT (EpDistrict, min_n, "min-n", 0, 100000, 10),
  EP_F_UINT (EpDistrict, min_cell, "min-cell", 0, 100000, 10),
  EP_F_BOOL (EpDistrict, suppression, "suppression", TRUE),
  EP_F_BOOL (EpDistrict, complementary, "complementary", TRUE),
  EP_F_DOUBLE (EpDistrict, top_code, "top-code", 0, 100, 95),
  EP_F_DOUBLE (EpDistrict, bottom_code, "bottom-code", 0, 100, 5),
  EP_F_STRING (EpDistrict, marker, "marker"),
  EP_F_DOUBLE (EpDistrict, risk_ratio_threshold, "risk-ratio-threshold", 0, 1000, 3),
  EP_F_UINT (EpDistrict, risk_ratio_periods, "risk-ratio-periods", 1, 100, 3),
};

static void
ep_district_dispose (GObject *object)
{
  EpDistrict *self = (EpDistrict *) object;

  g_clear_pointer (&self->schools_by_id, g_hash_table_unref);
  g_clear_object (&self->groups);
  g_clear_object (&self->glossary);
  g_clear_object (&self->schools);

  G_OBJECT_CLASS (ep_district_parent_class)->dispose (object);
}

static void
ep_district_finalize (GObject *object)
{
  ep_node_finalize_fields (object);
  G_OBJECT_CLASS (ep_district_parent_class)->finalize (object);
}

static void
ep_district_class_init (EpDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ep_district_dispose;
  object_class->finalize = ep_district_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);

  /**
   * EpDistrict::changed:
   * @self: the district
   * @object: the model object that changed (the district, a school, a plan…)
   *
   * Emitted after anything in the district changed: a property of any
   * object in it, a list, or an indicator's measurements. The application
   * follows it to track "modified" and to autosave.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
ep_district_init (EpDistrict *self)
{
  ep_node_init_fields (self);
  self->marker = g_strdup ("*");
  self->language = g_strdup ("en");

  self->groups = ep_list_new (EP_TYPE_STUDENT_GROUP);
  self->glossary = ep_list_new (EP_TYPE_GLOSSARY_TERM);
  self->schools = ep_list_new (EP_TYPE_SCHOOL);
  self->schools_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

EpDistrict *
ep_district_new (const char *name)
{
  return g_object_new (EP_TYPE_DISTRICT, "name", name, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, id, PROP_ID)
EP_DEFINE_STRING_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, name, PROP_NAME)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, guint, uint, min_n, PROP_MIN_N)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, guint, uint, min_cell, PROP_MIN_CELL)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, gboolean, boolean, suppression, PROP_SUPPRESSION)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, gboolean, boolean, complementary, PROP_COMPLEMENTARY)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, double, double, top_code, PROP_TOP_CODE)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, double, double, bottom_code, PROP_BOTTOM_CODE)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, double, double, risk_ratio_threshold, PROP_RISK_RATIO_THRESHOLD)
EP_DEFINE_SCALAR_ACCESSORS (EpDistrict, ep_district, EP_IS_DISTRICT, guint, uint, risk_ratio_periods, PROP_RISK_RATIO_PERIODS)

/**
 * ep_district_get_language:
 *
 * Returns: the language the district's texts are written in (a BCP 47
 *   tag such as "en"); translations carry other languages
 */
const char *
ep_district_get_language (EpDistrict *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return self->language;
}

void
ep_district_set_language (EpDistrict *self,
                          const char *language)
{
  g_return_if_fail (EP_IS_DISTRICT (self));
  ep_node_set_string (self, &self->language, language ? language : "en", properties[PROP_LANGUAGE]);
}

/**
 * ep_district_get_marker:
 *
 * Returns: what published tables show in place of a suppressed value
 */
const char *
ep_district_get_marker (EpDistrict *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return self->marker;
}

void
ep_district_set_marker (EpDistrict *self,
                        const char *marker)
{
  g_return_if_fail (EP_IS_DISTRICT (self));
  ep_node_set_string (self, &self->marker, marker ? marker : "*", properties[PROP_MARKER]);
}

/**
 * ep_district_get_groups:
 *
 * Returns: (transfer none): a #GListModel of #EpStudentGroup
 */
GListModel *
ep_district_get_groups (EpDistrict *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return G_LIST_MODEL (self->groups);
}

/**
 * ep_district_find_group:
 *
 * Returns: (transfer none) (nullable):
 */
EpStudentGroup *
ep_district_find_group (EpDistrict *self,
                        const char *id)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return ep_node_store_find (self->groups, "id", id);
}

void
ep_district_add_group (EpDistrict     *self,
                       EpStudentGroup *group)
{
  g_return_if_fail (EP_IS_DISTRICT (self));
  g_return_if_fail (EP_IS_STUDENT_GROUP (group));
  ep_node_store_insert (self, self->groups, G_MAXUINT, group);
}

gboolean
ep_district_remove_group (EpDistrict     *self,
                          EpStudentGroup *group)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), FALSE);
  return ep_node_store_remove (self, self->groups, group);
}

/**
 * ep_district_get_glossary:
 *
 * Returns: (transfer none): a #GListModel of #EpGlossaryTerm
 */
GListModel *
ep_district_get_glossary (EpDistrict *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return G_LIST_MODEL (self->glossary);
}

/**
 * ep_district_find_term:
 *
 * Returns: (transfer none) (nullable):
 */
EpGlossaryTerm *
ep_district_find_term (EpDistrict *self,
                       const char *id)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return ep_node_store_find (self->glossary, "id", id);
}

void
ep_district_add_term (EpDistrict     *self,
                      EpGlossaryTerm *term)
{
  g_return_if_fail (EP_IS_DISTRICT (self));
  g_return_if_fail (EP_IS_GLOSSARY_TERM (term));
  ep_node_store_insert (self, self->glossary, G_MAXUINT, term);
}

gboolean
ep_district_remove_term (EpDistrict     *self,
                         EpGlossaryTerm *term)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), FALSE);
  return ep_node_store_remove (self, self->glossary, term);
}

/**
 * ep_district_get_schools:
 *
 * Returns: (transfer none): a #GListModel of #EpSchool
 */
GListModel *
ep_district_get_schools (EpDistrict *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return G_LIST_MODEL (self->schools);
}

/**
 * ep_district_find_school:
 *
 * Returns: (transfer none) (nullable): the school with @id
 */
EpSchool *
ep_district_find_school (EpDistrict *self,
                         const char *id)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), NULL);
  return id ? g_hash_table_lookup (self->schools_by_id, id) : NULL;
}

static void
school_id_changed_cb (EpSchool   *school,
                      GParamSpec *pspec,
                      EpDistrict *self)
{
  GHashTableIter iter;
  gpointer value;

  /* Drop the old key, whatever it was, then index the new id. */
  g_hash_table_iter_init (&iter, self->schools_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == school)
      g_hash_table_iter_remove (&iter);
  if (ep_school_get_id (school) != NULL)
    g_hash_table_insert (self->schools_by_id, (gpointer) ep_intern (ep_school_get_id (school)), school);
}

/**
 * ep_district_add_school:
 *
 * Adds @school, whose id must be set and not used by another school.
 */
gboolean
ep_district_add_school (EpDistrict  *self,
                        EpSchool    *school,
                        GError     **error)
{
  return ep_district_insert_school (self, G_MAXUINT, school, error);
}

/* As ep_district_add_school(), at @position (G_MAXUINT: the end). */
gboolean
ep_district_insert_school (EpDistrict  *self,
                           guint        position,
                           EpSchool    *school,
                           GError     **error)
{
  const char *id;

  g_return_val_if_fail (EP_IS_DISTRICT (self), FALSE);
  g_return_val_if_fail (EP_IS_SCHOOL (school), FALSE);

  id = ep_school_get_id (school);
  if (id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("a school needs an id"));
      return FALSE;
    }
  if (g_hash_table_contains (self->schools_by_id, id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("there is already a school with the id “%s”"), id);
      return FALSE;
    }

  g_hash_table_insert (self->schools_by_id, (gpointer) ep_intern (id), school);
  g_signal_connect_object (school, "notify::id", G_CALLBACK (school_id_changed_cb), self, 0);
  ep_node_store_insert (self, self->schools, position, school);
  return TRUE;
}

gboolean
ep_district_remove_school (EpDistrict *self,
                           EpSchool   *school)
{
  g_return_val_if_fail (EP_IS_DISTRICT (self), FALSE);
  g_return_val_if_fail (EP_IS_SCHOOL (school), FALSE);

  if (!ep_list_find (self->schools, school, NULL))
    return FALSE;
  g_signal_handlers_disconnect_by_func (school, school_id_changed_cb, self);
  if (ep_school_get_id (school) != NULL)
    g_hash_table_remove (self->schools_by_id, ep_school_get_id (school));
  return ep_node_store_remove (self, self->schools, school);
}

/**
 * ep_district_add_standard_groups:
 *
 * Adds the groups of US federal reporting: all students, the seven
 * race/ethnicity categories, economically disadvantaged, English learners
 * and students with disabilities. Districts elsewhere define their own.
 */
void
ep_district_add_standard_groups (EpDistrict *self)
{
  static const struct {
    const char      *id;
    EpGroupCategory  category;
    const char      *label;
  } standard[] = {
    { "all", EP_GROUP_CATEGORY_ALL, N_("All students") },
    { "HI", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("Hispanic or Latino") },
    { "AM", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("American Indian or Alaska Native") },
    { "AS", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("Asian") },
    { "BL", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("Black or African American") },
    { "PI", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("Native Hawaiian or Other Pacific Islander") },
    { "WH", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("White") },
    { "TR", EP_GROUP_CATEGORY_RACE_ETHNICITY, N_("Two or more races") },
    { "ED", EP_GROUP_CATEGORY_INCOME, N_("Economically disadvantaged") },
    { "EL", EP_GROUP_CATEGORY_LANGUAGE, N_("English learners") },
    { "SWD", EP_GROUP_CATEGORY_DISABILITY, N_("Students with disabilities") },
  };

  g_return_if_fail (EP_IS_DISTRICT (self));

  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_autoptr(EpStudentGroup) group = NULL;

      if (ep_district_find_group (self, standard[i].id) != NULL)
        continue;
      group = ep_student_group_new ();
      ep_student_group_set_id (group, standard[i].id);
      ep_student_group_set_category (group, standard[i].category);
      ep_student_group_set_label (group, _(standard[i].label));
      ep_district_add_group (self, group);
    }
}
