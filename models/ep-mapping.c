/* ep-mapping.c — how the columns of a CSV file become measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mapping is kept as a small XML file in its own namespace, so that a
 * district reuses it every year:
 *
 *   <mapping xmlns="urn:equity-planner:mapping:1" version="1.0" layout="long">
 *     <name>…</name>
 *     <numbers rate-scale="fraction" decimal-mark="." negative-is-suppressed="false"/>
 *     <suppression blank="(blank)"><marker>*</marker>…</suppression>
 *     <columns>
 *       <column role="school-id">Location</column>
 *       <fixed role="indicator">dropout-rate</fixed>
 *     </columns>
 *     <groups standard-aliases="true">
 *       <group id="F" category="sex" label="Female"/>
 *       <alias label="Female Students" group="F"/>
 *     </groups>
 *     <indicators>
 *       <indicator id="dropout-rate" name="…" unit="percent" kind="lagging"
 *                  direction="lower-is-better"/>
 *       <alias label="Number" indicator="enrollment"/>
 *     </indicators>
 *     <periods><alias label="2011" period="2010-11"/></periods>
 *     <measures>                                   (wide files)
 *       <measure indicator="iss" group="BL">
 *         <numerator>SCH_DISCWODIS_ISS_BL_M</numerator>
 *         <numerator>SCH_DISCWODIS_ISS_BL_F</numerator>
 *         <denominator optional="true">SCH_ENR_BL_X</denominator>
 *       </measure>
 *     </measures>
 *   </mapping>
 *
 * It is read by ep-xml.c's hardened reader (no DOCTYPE, no entities, no
 * network) and written with the same escaping rules as plan files.
 */
#define G_LOG_DOMAIN "ep-mapping"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ep-enum-types.h"
#include "ep-mapping.h"
#include "ep-xml-private.h"

typedef struct {
  char     *column;
  gboolean  optional;
} ColumnRef;

typedef struct {
  char      *indicator;
  char      *group;
  GPtrArray *parts[EP_MAPPING_N_ROLES];   /* ColumnRef, for the measure roles */
} Measure;

typedef struct {
  char            *id;
  EpGroupCategory  category;
  char            *label;
} GroupDecl;

typedef struct {
  char            *id;
  char            *name;
  EpUnit           unit;
  EpIndicatorKind  kind;
  EpDirection      direction;
} IndicatorDecl;

typedef struct {
  char *label;
  char *id;
} Alias;

struct _EpMapping
{
  GObject          parent_instance;

  char            *name;
  char            *description;
  EpMappingLayout  layout;
  char            *columns[EP_MAPPING_N_ROLES];
  char            *fixed[EP_MAPPING_N_ROLES];
  EpRateScale      rate_scale;
  char             decimal_mark;
  gboolean         negative_is_suppressed;
  gboolean         standard_group_aliases;
  char            *blank_marker;
  GPtrArray       *markers;                          /* char* */
  GPtrArray       *aliases[EP_MAPPING_N_ROLES];      /* Alias*, in order */
  GHashTable      *alias_index[EP_MAPPING_N_ROLES];  /* folded label → id */
  GPtrArray       *groups;                           /* GroupDecl* */
  GPtrArray       *indicators;                       /* IndicatorDecl* */
  GPtrArray       *measures;                         /* Measure* */
};

G_DEFINE_FINAL_TYPE (EpMapping, ep_mapping, G_TYPE_OBJECT)
G_DEFINE_QUARK (ep-mapping-error-quark, ep_mapping_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_LAYOUT,
  PROP_RATE_SCALE,
  PROP_DECIMAL_MARK,
  PROP_NEGATIVE_IS_SUPPRESSED,
  PROP_BLANK_MARKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const role_names[EP_MAPPING_N_ROLES] = {
  "school-id", "school-name", "group", "indicator", "period",
  "numerator", "denominator", "rate", "value", "n",
};

static gboolean
is_measure_role (EpMappingRole role)
{
  return role >= EP_MAPPING_ROLE_NUMERATOR && role <= EP_MAPPING_ROLE_N;
}

const char *
ep_mapping_role_to_string (EpMappingRole role)
{
  g_return_val_if_fail (role < EP_MAPPING_N_ROLES, NULL);
  return role_names[role];
}

gboolean
ep_mapping_role_from_string (const char    *text,
                             EpMappingRole *role)
{
  for (guint i = 0; text && i < EP_MAPPING_N_ROLES; i++)
    if (g_str_equal (text, role_names[i]))
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

static void
column_ref_free (gpointer data)
{
  ColumnRef *ref = data;
  g_free (ref->column);
  g_free (ref);
}

static void
measure_free (gpointer data)
{
  Measure *m = data;
  g_free (m->indicator);
  g_free (m->group);
  for (guint i = 0; i < EP_MAPPING_N_ROLES; i++)
    g_clear_pointer (&m->parts[i], g_ptr_array_unref);
  g_free (m);
}

static void
group_decl_free (gpointer data)
{
  GroupDecl *g = data;
  g_free (g->id);
  g_free (g->label);
  g_free (g);
}

static void
indicator_decl_free (gpointer data)
{
  IndicatorDecl *d = data;
  g_free (d->id);
  g_free (d->name);
  g_free (d);
}

static void
alias_free (gpointer data)
{
  Alias *a = data;
  g_free (a->label);
  g_free (a->id);
  g_free (a);
}

static void
ep_mapping_finalize (GObject *object)
{
  EpMapping *self = (EpMapping *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->blank_marker, g_free);
  for (guint i = 0; i < EP_MAPPING_N_ROLES; i++)
    {
      g_clear_pointer (&self->columns[i], g_free);
      g_clear_pointer (&self->fixed[i], g_free);
      g_clear_pointer (&self->aliases[i], g_ptr_array_unref);
      g_clear_pointer (&self->alias_index[i], g_hash_table_unref);
    }
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);

  G_OBJECT_CLASS (ep_mapping_parent_class)->finalize (object);
}

static void
ep_mapping_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EpMapping *self = EP_MAPPING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, ep_mapping_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ep_mapping_get_description (self));
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, ep_mapping_get_layout (self));
      break;
    case PROP_RATE_SCALE:
      g_value_set_enum (value, ep_mapping_get_rate_scale (self));
      break;
    case PROP_DECIMAL_MARK:
      g_value_set_schar (value, ep_mapping_get_decimal_mark (self));
      break;
    case PROP_NEGATIVE_IS_SUPPRESSED:
      g_value_set_boolean (value, ep_mapping_get_negative_is_suppressed (self));
      break;
    case PROP_BLANK_MARKER:
      g_value_set_string (value, ep_mapping_get_blank_marker (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_mapping_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EpMapping *self = EP_MAPPING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ep_mapping_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ep_mapping_set_description (self, g_value_get_string (value));
      break;
    case PROP_LAYOUT:
      ep_mapping_set_layout (self, g_value_get_enum (value));
      break;
    case PROP_RATE_SCALE:
      ep_mapping_set_rate_scale (self, g_value_get_enum (value));
      break;
    case PROP_DECIMAL_MARK:
      ep_mapping_set_decimal_mark (self, g_value_get_schar (value));
      break;
    case PROP_NEGATIVE_IS_SUPPRESSED:
      ep_mapping_set_negative_is_suppressed (self, g_value_get_boolean (value));
      break;
    case PROP_BLANK_MARKER:
      ep_mapping_set_blank_marker (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_mapping_class_init (EpMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ep_mapping_finalize;
  object_class->get_property = ep_mapping_get_property;
  object_class->set_property = ep_mapping_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_LAYOUT] = g_param_spec_enum ("layout", NULL, NULL, EP_TYPE_MAPPING_LAYOUT,
                                               EP_MAPPING_LAYOUT_LONG, flags);
  properties[PROP_RATE_SCALE] = g_param_spec_enum ("rate-scale", NULL, NULL, EP_TYPE_RATE_SCALE,
                                                   EP_RATE_SCALE_PERCENT, flags);
  properties[PROP_DECIMAL_MARK] = g_param_spec_char ("decimal-mark", NULL, NULL, G_MININT8, G_MAXINT8,
                                                     '.', flags);
  properties[PROP_NEGATIVE_IS_SUPPRESSED] = g_param_spec_boolean ("negative-is-suppressed", NULL, NULL,
                                                                  FALSE, flags);
  properties[PROP_BLANK_MARKER] = g_param_spec_string ("blank-marker", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ep_mapping_init (EpMapping *self)
{
  self->decimal_mark = '.';
  self->markers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < EP_MAPPING_N_ROLES; i++)
    {
      self->aliases[i] = g_ptr_array_new_with_free_func (alias_free);
      self->alias_index[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->groups = g_ptr_array_new_with_free_func (group_decl_free);
  self->indicators = g_ptr_array_new_with_free_func (indicator_decl_free);
  self->measures = g_ptr_array_new_with_free_func (measure_free);
}

EpMapping *
ep_mapping_new (void)
{
  return g_object_new (EP_TYPE_MAPPING, NULL);
}

/* Accessors */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
ep_mapping_get_name (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  return self->name;
}

void
ep_mapping_set_name (EpMapping  *self,
                     const char *name)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ep_mapping_get_description (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  return self->description;
}

void
ep_mapping_set_description (EpMapping  *self,
                            const char *description)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

EpMappingLayout
ep_mapping_get_layout (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), EP_MAPPING_LAYOUT_LONG);
  return self->layout;
}

void
ep_mapping_set_layout (EpMapping       *self,
                       EpMappingLayout  layout)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  if (self->layout == layout)
    return;
  self->layout = layout;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

const char *
ep_mapping_get_column (EpMapping     *self,
                       EpMappingRole  role)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  g_return_val_if_fail (role < EP_MAPPING_N_ROLES, NULL);
  return self->columns[role];
}

void
ep_mapping_set_column (EpMapping     *self,
                       EpMappingRole  role,
                       const char    *column)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (role < EP_MAPPING_N_ROLES);
  set_string (&self->columns[role], column);
}

const char *
ep_mapping_get_fixed (EpMapping     *self,
                      EpMappingRole  role)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  g_return_val_if_fail (role < EP_MAPPING_N_ROLES, NULL);
  return self->fixed[role];
}

void
ep_mapping_set_fixed (EpMapping     *self,
                      EpMappingRole  role,
                      const char    *value)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (role < EP_MAPPING_N_ROLES);
  set_string (&self->fixed[role], value);
}

EpRateScale
ep_mapping_get_rate_scale (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), EP_RATE_SCALE_PERCENT);
  return self->rate_scale;
}

void
ep_mapping_set_rate_scale (EpMapping   *self,
                           EpRateScale  scale)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  if (self->rate_scale == scale)
    return;
  self->rate_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_SCALE]);
}

char
ep_mapping_get_decimal_mark (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), '.');
  return self->decimal_mark;
}

void
ep_mapping_set_decimal_mark (EpMapping *self,
                             char       mark)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (mark == '.' || mark == ',');
  if (self->decimal_mark == mark)
    return;
  self->decimal_mark = mark;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIMAL_MARK]);
}

gboolean
ep_mapping_get_negative_is_suppressed (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), FALSE);
  return self->negative_is_suppressed;
}

/**
 * ep_mapping_set_negative_is_suppressed:
 *
 * Whether negative numbers in count columns are reserve codes (the CRDC's
 * −3, −5, −6, −8, −9, −11: not applicable, suppressed, missing), kept as
 * the marker of a suppressed cell.
 */
void
ep_mapping_set_negative_is_suppressed (EpMapping *self,
                                       gboolean   negative)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  if (self->negative_is_suppressed == !!negative)
    return;
  self->negative_is_suppressed = !!negative;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEGATIVE_IS_SUPPRESSED]);
}

const char *
ep_mapping_get_blank_marker (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  return self->blank_marker;
}

/**
 * ep_mapping_set_blank_marker:
 * @marker: (nullable): the marker that blank cells get, for files where a
 *   blank means suppressed; %NULL when a blank cell means no data
 */
void
ep_mapping_set_blank_marker (EpMapping  *self,
                             const char *marker)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  if (set_string (&self->blank_marker, marker && *marker ? marker : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK_MARKER]);
}

void
ep_mapping_add_marker (EpMapping  *self,
                       const char *marker)
{
  g_autofree char *m = NULL;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (marker != NULL);

  m = g_strstrip (g_strdup (marker));
  if (*m == '\0' || ep_mapping_is_marker (self, m))
    return;
  g_ptr_array_add (self->markers, g_steal_pointer (&m));
}

void
ep_mapping_remove_marker (EpMapping  *self,
                          const char *marker)
{
  g_autofree char *m = NULL;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (marker != NULL);

  m = g_strstrip (g_strdup (marker));
  for (guint i = 0; i < self->markers->len; i++)
    if (g_str_equal (g_ptr_array_index (self->markers, i), m))
      {
        g_ptr_array_remove_index (self->markers, i);
        return;
      }
}

/**
 * ep_mapping_add_standard_markers:
 *
 * Adds the markers state report cards use: "*", "**", "<10", "n<10", "--",
 * "—", "N/A", "NA", "LNE", ">95%", "<5%", "≥95%", "≤5%"; any text starting
 * with "<" or ">" followed by a number is also taken as a bound.
 */
void
ep_mapping_add_standard_markers (EpMapping *self)
{
  static const char * const standard[] = {
    "*", "**", "***", "<10", "n<10", "N<10", "--", "-", "—", "–", "N/A", "NA", "n/a",
    "LNE", ">95%", "<5%", "≥95%", "≤5%", ">95", "<5", "<3", "<5%", "<10%", ">90%", "DS",
    "S", "NR", "NS", "†", "‡",
  };

  g_return_if_fail (EP_IS_MAPPING (self));
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    ep_mapping_add_marker (self, standard[i]);
}

/**
 * ep_mapping_dup_markers:
 *
 * Returns: (transfer full): the markers, in the order added
 */
GStrv
ep_mapping_dup_markers (EpMapping *self)
{
  GStrv out;

  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);

  out = g_new0 (char *, self->markers->len + 1);
  for (guint i = 0; i < self->markers->len; i++)
    out[i] = g_strdup (g_ptr_array_index (self->markers, i));
  return out;
}

static gboolean
is_bound (const char *text)
{
  /* "<10", ">95%", "n<10", "≤5%": a comparison with a number. */
  const char *p = text;

  if (*p == 'n' || *p == 'N')
    p++;
  if (*p == '<' || *p == '>')
    p++;
  else if (g_str_has_prefix (p, "≤") || g_str_has_prefix (p, "≥"))
    p += strlen ("≤");
  else
    return FALSE;
  if (*p == '=')
    p++;
  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
    p++;
  if (*p == '%')
    p++;
  return *p == '\0';
}

gboolean
ep_mapping_is_marker (EpMapping  *self,
                      const char *text)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < self->markers->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->markers, i), text) == 0)
      return TRUE;
  /* Bounds count as markers when the mapping has any marker of the kind. */
  if (is_bound (text))
    for (guint i = 0; i < self->markers->len; i++)
      if (is_bound (g_ptr_array_index (self->markers, i)))
        return TRUE;
  return FALSE;
}

/* "  Hispanic   Students " → "hispanic students" */
static char *
fold_label (const char *label)
{
  g_autofree char *folded = g_utf8_casefold (label, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

void
ep_mapping_add_alias (EpMapping     *self,
                      EpMappingRole  role,
                      const char    *label,
                      const char    *id)
{
  Alias *alias;
  char *key;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (role < EP_MAPPING_N_ROLES);
  g_return_if_fail (label != NULL && id != NULL);

  key = fold_label (label);
  if (g_hash_table_contains (self->alias_index[role], key))
    {
      /* Replace: the last word wins. */
      for (guint i = 0; i < self->aliases[role]->len; i++)
        {
          Alias *a = g_ptr_array_index (self->aliases[role], i);
          g_autofree char *k = fold_label (a->label);
          if (g_str_equal (k, key))
            {
              g_ptr_array_remove_index (self->aliases[role], i);
              break;
            }
        }
    }
  alias = g_new0 (Alias, 1);
  alias->label = g_strdup (label);
  alias->id = g_strdup (id);
  g_ptr_array_add (self->aliases[role], alias);
  g_hash_table_replace (self->alias_index[role], key, alias->id);
}

/**
 * ep_mapping_remove_alias:
 *
 * Forgets the alias of @label (compared as lookups compare); the standard
 * group aliases stay.
 */
void
ep_mapping_remove_alias (EpMapping     *self,
                         EpMappingRole  role,
                         const char    *label)
{
  g_autofree char *key = NULL;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (role < EP_MAPPING_N_ROLES);
  g_return_if_fail (label != NULL);

  key = fold_label (label);
  if (!g_hash_table_remove (self->alias_index[role], key))
    return;
  for (guint i = 0; i < self->aliases[role]->len; i++)
    {
      Alias *a = g_ptr_array_index (self->aliases[role], i);
      g_autofree char *k = fold_label (a->label);

      if (g_str_equal (k, key))
        {
          g_ptr_array_remove_index (self->aliases[role], i);
          break;
        }
    }
}

static const struct {
  const char *id;
  const char *labels;   /* separated by | */
} standard_group_aliases[] = {
  { "all", "all|all students|total|overall|all grades|everyone|school total|district total|state total" },
  { "HI", "HI|hispanic|latino|latina|latinx|hispanic/latino|hispanic or latino|hispanic/latinx|"
          "hispanic or latino of any race|hispanic students|hispanic/latino of any race" },
  { "AM", "AM|AI|AIAN|american indian|american indian or alaska native|american indian/alaska native|"
          "american indian/alaskan native|native american|american indian students|native american students" },
  { "AS", "AS|asian|asian students|asian american" },
  { "BL", "BL|AA|B|black|african american|black or african american|black/african american|black students" },
  { "PI", "PI|HP|NHPI|pacific islander|native hawaiian or other pacific islander|"
          "native hawaiian/other pacific islander|native hawaiian/pacific islander|"
          "hawaiian/pacific islander|native hawaiian or pacific islander|pacific islander students" },
  { "WH", "WH|W|white|white students|caucasian" },
  { "TR", "TR|MR|two or more races|two or more|two or more races students|multiracial|multi-racial|"
          "multiple races|two or more race" },
  { "ED", "ED|economically disadvantaged|low income|low-income|frl|free/reduced lunch|"
          "free or reduced price lunch|socioeconomically disadvantaged" },
  { "EL", "EL|ELL|LEP|english learner|english learners|english language learners|"
          "limited english proficient|english learner students" },
  { "SWD", "SWD|IEP|students with disabilities|special education|students with disability|"
           "special education students|disabled" },
};

/**
 * ep_mapping_add_standard_group_aliases:
 *
 * Makes lookups also know the usual US labels of the standard groups
 * ("Hispanic/Latino", "Hispanic or Latino of any race", "HI" → HI; "LEP",
 * "ELL" → EL, …). Saved as `<groups standard-aliases="true">`.
 */
void
ep_mapping_add_standard_group_aliases (EpMapping *self)
{
  g_return_if_fail (EP_IS_MAPPING (self));
  self->standard_group_aliases = TRUE;
}

static gpointer
build_standard_groups (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (standard_group_aliases); i++)
    {
      g_auto(GStrv) labels = g_strsplit (standard_group_aliases[i].labels, "|", -1);
      for (guint j = 0; labels[j]; j++)
        g_hash_table_insert (table, fold_label (labels[j]), (gpointer) standard_group_aliases[i].id);
    }
  return table;
}

static const char *
lookup_standard_group (const char *folded)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *table = g_once (&once, build_standard_groups, NULL);

  return g_hash_table_lookup (table, folded);
}

/**
 * ep_mapping_lookup_alias:
 *
 * Returns: (nullable): the id @label stands for, or %NULL
 */
const char *
ep_mapping_lookup_alias (EpMapping     *self,
                         EpMappingRole  role,
                         const char    *label)
{
  g_autofree char *key = NULL;
  const char *id;

  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  g_return_val_if_fail (role < EP_MAPPING_N_ROLES, NULL);

  if (label == NULL)
    return NULL;
  key = fold_label (label);
  id = g_hash_table_lookup (self->alias_index[role], key);
  if (id == NULL && role == EP_MAPPING_ROLE_GROUP && self->standard_group_aliases)
    id = lookup_standard_group (key);
  return id;
}

void
ep_mapping_add_group (EpMapping       *self,
                      const char      *id,
                      EpGroupCategory  category,
                      const char      *label)
{
  GroupDecl *g;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (id != NULL && *id != '\0');

  g = g_new0 (GroupDecl, 1);
  g->id = g_strdup (id);
  g->category = category;
  g->label = g_strdup (label ? label : id);
  g_ptr_array_add (self->groups, g);
}

guint
ep_mapping_get_n_groups (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), 0);
  return self->groups->len;
}

const char *
ep_mapping_get_group (EpMapping        *self,
                      guint             i,
                      EpGroupCategory  *category,
                      const char      **label)
{
  GroupDecl *g;

  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  g_return_val_if_fail (i < self->groups->len, NULL);

  g = g_ptr_array_index (self->groups, i);
  if (category)
    *category = g->category;
  if (label)
    *label = g->label;
  return g->id;
}

void
ep_mapping_add_indicator (EpMapping       *self,
                          const char      *id,
                          const char      *name,
                          EpUnit           unit,
                          EpIndicatorKind  kind,
                          EpDirection      direction)
{
  IndicatorDecl *d;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (id != NULL && *id != '\0');

  d = g_new0 (IndicatorDecl, 1);
  d->id = g_strdup (id);
  d->name = g_strdup (name ? name : id);
  d->unit = unit;
  d->kind = kind;
  d->direction = direction;
  g_ptr_array_add (self->indicators, d);
}

guint
ep_mapping_get_n_indicators (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), 0);
  return self->indicators->len;
}

const char *
ep_mapping_get_indicator (EpMapping        *self,
                          guint             i,
                          const char      **name,
                          EpUnit           *unit,
                          EpIndicatorKind  *kind,
                          EpDirection      *direction)
{
  IndicatorDecl *d;

  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  g_return_val_if_fail (i < self->indicators->len, NULL);

  d = g_ptr_array_index (self->indicators, i);
  if (name)
    *name = d->name;
  if (unit)
    *unit = d->unit;
  if (kind)
    *kind = d->kind;
  if (direction)
    *direction = d->direction;
  return d->id;
}

guint
ep_mapping_add_measure (EpMapping  *self,
                        const char *indicator,
                        const char *group)
{
  Measure *m;

  g_return_val_if_fail (EP_IS_MAPPING (self), 0);
  g_return_val_if_fail (indicator != NULL && group != NULL, 0);

  m = g_new0 (Measure, 1);
  m->indicator = g_strdup (indicator);
  m->group = g_strdup (group);
  g_ptr_array_add (self->measures, m);
  return self->measures->len - 1;
}

void
ep_mapping_add_measure_column (EpMapping     *self,
                               guint          measure,
                               EpMappingRole  part,
                               const char    *column,
                               gboolean       optional)
{
  Measure *m;
  ColumnRef *ref;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (measure < self->measures->len);
  g_return_if_fail (is_measure_role (part));
  g_return_if_fail (column != NULL);

  m = g_ptr_array_index (self->measures, measure);
  if (m->parts[part] == NULL)
    m->parts[part] = g_ptr_array_new_with_free_func (column_ref_free);
  ref = g_new0 (ColumnRef, 1);
  ref->column = g_strdup (column);
  ref->optional = !!optional;
  g_ptr_array_add (m->parts[part], ref);
}

guint
ep_mapping_get_n_measures (EpMapping *self)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), 0);
  return self->measures->len;
}

void
ep_mapping_get_measure (EpMapping   *self,
                        guint        measure,
                        const char **indicator,
                        const char **group)
{
  Measure *m;

  g_return_if_fail (EP_IS_MAPPING (self));
  g_return_if_fail (measure < self->measures->len);

  m = g_ptr_array_index (self->measures, measure);
  if (indicator)
    *indicator = m->indicator;
  if (group)
    *group = m->group;
}

guint
ep_mapping_get_measure_n_columns (EpMapping     *self,
                                  guint          measure,
                                  EpMappingRole  part)
{
  Measure *m;

  g_return_val_if_fail (EP_IS_MAPPING (self), 0);
  g_return_val_if_fail (measure < self->measures->len, 0);
  g_return_val_if_fail (part < EP_MAPPING_N_ROLES, 0);

  m = g_ptr_array_index (self->measures, measure);
  return m->parts[part] ? m->parts[part]->len : 0;
}

const char *
ep_mapping_get_measure_column (EpMapping     *self,
                               guint          measure,
                               EpMappingRole  part,
                               guint          i,
                               gboolean      *optional)
{
  Measure *m;
  ColumnRef *ref;

  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);
  g_return_val_if_fail (measure < self->measures->len, NULL);
  g_return_val_if_fail (part < EP_MAPPING_N_ROLES, NULL);

  m = g_ptr_array_index (self->measures, measure);
  g_return_val_if_fail (m->parts[part] != NULL && i < m->parts[part]->len, NULL);
  ref = g_ptr_array_index (m->parts[part], i);
  if (optional)
    *optional = ref->optional;
  return ref->column;
}

static gboolean
has_role (EpMapping     *self,
          EpMappingRole  role)
{
  return self->columns[role] != NULL || self->fixed[role] != NULL;
}

static gboolean
parts_valid (gboolean num,
             gboolean den,
             gboolean rate,
             gboolean value,
             gboolean n)
{
  if (num)
    return den && !n;
  return rate || value;
}

/**
 * ep_mapping_validate:
 *
 * Checks that the mapping says enough to make measurements.
 */
gboolean
ep_mapping_validate (EpMapping  *self,
                     GError    **error)
{
  g_return_val_if_fail (EP_IS_MAPPING (self), FALSE);

  if (!has_role (self, EP_MAPPING_ROLE_SCHOOL_ID) && !has_role (self, EP_MAPPING_ROLE_SCHOOL_NAME))
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("the mapping does not say which column holds the school id"));
      return FALSE;
    }
  if (!has_role (self, EP_MAPPING_ROLE_PERIOD))
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("the mapping does not say which column holds the period (school year), "
                     "nor gives a fixed period"));
      return FALSE;
    }
  if (self->layout == EP_MAPPING_LAYOUT_LONG)
    {
      if (!has_role (self, EP_MAPPING_ROLE_GROUP))
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("the mapping does not say which column holds the student group"));
          return FALSE;
        }
      if (!has_role (self, EP_MAPPING_ROLE_INDICATOR))
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("the mapping does not say which column holds the indicator, nor "
                         "gives a fixed indicator"));
          return FALSE;
        }
      if (!parts_valid (self->columns[EP_MAPPING_ROLE_NUMERATOR] != NULL,
                        self->columns[EP_MAPPING_ROLE_DENOMINATOR] != NULL,
                        self->columns[EP_MAPPING_ROLE_RATE] != NULL,
                        self->columns[EP_MAPPING_ROLE_VALUE] != NULL,
                        self->columns[EP_MAPPING_ROLE_N] != NULL) &&
          self->columns[EP_MAPPING_ROLE_RATE] == NULL && self->columns[EP_MAPPING_ROLE_VALUE] == NULL)
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("the mapping needs a numerator and a denominator column, or a "
                         "rate or value column"));
          return FALSE;
        }
    }
  else
    {
      if (self->measures->len == 0)
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("a mapping for a wide file needs at least one measure"));
          return FALSE;
        }
      for (guint i = 0; i < self->measures->len; i++)
        {
          Measure *m = g_ptr_array_index (self->measures, i);
          if (!parts_valid (m->parts[EP_MAPPING_ROLE_NUMERATOR] != NULL,
                            m->parts[EP_MAPPING_ROLE_DENOMINATOR] != NULL,
                            m->parts[EP_MAPPING_ROLE_RATE] != NULL,
                            m->parts[EP_MAPPING_ROLE_VALUE] != NULL,
                            m->parts[EP_MAPPING_ROLE_N] != NULL))
            {
              g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                           _("the measure of “%s” for group “%s” needs a numerator and a "
                             "denominator, or a rate or a value"), m->indicator, m->group);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Reading */

typedef struct {
  EpMapping  *mapping;
  GPtrArray  *stack;     /* element names, borrowed statics */
  int         measure;   /* current measure, -1 */
  gboolean    optional;  /* current column reference */
  EpMappingRole role;    /* current <column>/<fixed> role */
} Parse;

static const char *
attr (const char * const *names,
      const char * const *values,
      const char         *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static gboolean
check_attrs (const char         *element,
             const char * const *names,
             const char * const *allowed,
             GError            **error)
{
  for (guint i = 0; names[i]; i++)
    if (!g_strv_contains (allowed, names[i]))
      {
        g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                     _("<%s> has no attribute “%s”"), element, names[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
need_attr (const char  *element,
           const char  *name,
           const char  *value,
           GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("<%s> needs a non-empty “%s” attribute"), element, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_enum (GType        type,
            const char  *element,
            const char  *name,
            const char  *text,
            int         *out,
            GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v;

  if (text == NULL)
    return TRUE;
  v = g_enum_get_value_by_nick (klass, text);
  if (v == NULL)
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("“%s” is not a valid %s of <%s>"), text, name, element);
      return FALSE;
    }
  *out = v->value;
  return TRUE;
}

static gboolean
parse_bool (const char  *element,
            const char  *name,
            const char  *text,
            gboolean    *out,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "true"))
    *out = TRUE;
  else if (g_str_equal (text, "false"))
    *out = FALSE;
  else
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("%s of <%s> must be “true” or “false”, not “%s”"), name, element, text);
      return FALSE;
    }
  return TRUE;
}

static const char *
parent_of (Parse *p)
{
  return p->stack->len ? g_ptr_array_index (p->stack, p->stack->len - 1) : NULL;
}

static gboolean
parse_start (gpointer            user_data,
             const char         *element,
             const char * const *names,
             const char * const *values,
             GError            **error)
{
  Parse *p = user_data;
  EpMapping *m = p->mapping;
  const char *parent = parent_of (p);
  static const struct { const char *parent; const char *child; } allowed[] = {
    { NULL, "mapping" },
    { "mapping", "name" }, { "mapping", "description" }, { "mapping", "numbers" },
    { "mapping", "suppression" }, { "mapping", "columns" }, { "mapping", "groups" },
    { "mapping", "indicators" }, { "mapping", "periods" }, { "mapping", "measures" },
    { "suppression", "marker" },
    { "columns", "column" }, { "columns", "fixed" },
    { "groups", "group" }, { "groups", "alias" },
    { "indicators", "indicator" }, { "indicators", "alias" },
    { "periods", "alias" },
    { "measures", "measure" },
    { "measure", "numerator" }, { "measure", "denominator" }, { "measure", "rate" },
    { "measure", "value" }, { "measure", "n" },
  };
  const char *known = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_strcmp0 (allowed[i].parent, parent) == 0 && g_str_equal (allowed[i].child, element))
      known = allowed[i].child;
  if (known == NULL)
    {
      if (parent)
        g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                     _("<%s> is not allowed inside <%s>"), element, parent);
      else
        g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                     _("<%s> is not allowed here"), element);
      return FALSE;
    }
  g_ptr_array_add (p->stack, (gpointer) known);

  if (g_str_equal (element, "mapping"))
    {
      static const char * const ok[] = { "version", "layout", NULL };
      const char *version = attr (names, values, "version");
      const char *layout = attr (names, values, "layout");

      if (!check_attrs (element, names, ok, error))
        return FALSE;
      if (version && !(g_str_equal (version, "1") || g_str_has_prefix (version, "1.")))
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("this mapping is of version %s; this version of Equity Planner reads "
                         "version 1 mappings"), version);
          return FALSE;
        }
      if (layout == NULL || g_str_equal (layout, "long"))
        ep_mapping_set_layout (m, EP_MAPPING_LAYOUT_LONG);
      else if (g_str_equal (layout, "wide"))
        ep_mapping_set_layout (m, EP_MAPPING_LAYOUT_WIDE);
      else
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("layout must be “long” or “wide”, not “%s”"), layout);
          return FALSE;
        }
    }
  else if (g_str_equal (element, "numbers"))
    {
      static const char * const ok[] = { "rate-scale", "decimal-mark", "negative-is-suppressed", NULL };
      const char *scale = attr (names, values, "rate-scale");
      const char *mark = attr (names, values, "decimal-mark");

      if (!check_attrs (element, names, ok, error))
        return FALSE;
      if (scale == NULL || g_str_equal (scale, "percent"))
        m->rate_scale = EP_RATE_SCALE_PERCENT;
      else if (g_str_equal (scale, "fraction"))
        m->rate_scale = EP_RATE_SCALE_FRACTION;
      else
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("rate-scale must be “percent” or “fraction”, not “%s”"), scale);
          return FALSE;
        }
      if (mark != NULL && !g_str_equal (mark, ".") && !g_str_equal (mark, ","))
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("decimal-mark must be “.” or “,”, not “%s”"), mark);
          return FALSE;
        }
      m->decimal_mark = mark ? mark[0] : '.';
      return parse_bool (element, "negative-is-suppressed", attr (names, values, "negative-is-suppressed"),
                         &m->negative_is_suppressed, error);
    }
  else if (g_str_equal (element, "suppression"))
    {
      static const char * const ok[] = { "blank", NULL };
      if (!check_attrs (element, names, ok, error))
        return FALSE;
      ep_mapping_set_blank_marker (m, attr (names, values, "blank"));
    }
  else if (g_str_equal (element, "column") || g_str_equal (element, "fixed"))
    {
      static const char * const ok[] = { "role", NULL };
      const char *role = attr (names, values, "role");

      if (!check_attrs (element, names, ok, error) || !need_attr (element, "role", role, error))
        return FALSE;
      if (!ep_mapping_role_from_string (role, &p->role))
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("“%s” is not a column role; roles are school-id, school-name, group, "
                         "indicator, period, numerator, denominator, rate, value and n"), role);
          return FALSE;
        }
    }
  else if (g_str_equal (element, "groups"))
    {
      static const char * const ok[] = { "standard-aliases", NULL };
      if (!check_attrs (element, names, ok, error))
        return FALSE;
      return parse_bool (element, "standard-aliases", attr (names, values, "standard-aliases"),
                         &m->standard_group_aliases, error);
    }
  else if (g_str_equal (element, "group"))
    {
      static const char * const ok[] = { "id", "category", "label", NULL };
      const char *id = attr (names, values, "id");
      int category = EP_GROUP_CATEGORY_OTHER;

      if (!check_attrs (element, names, ok, error) || !need_attr (element, "id", id, error) ||
          !parse_enum (EP_TYPE_GROUP_CATEGORY, element, "category", attr (names, values, "category"),
                       &category, error))
        return FALSE;
      ep_mapping_add_group (m, id, category, attr (names, values, "label"));
    }
  else if (g_str_equal (element, "indicator"))
    {
      static const char * const ok[] = { "id", "name", "unit", "kind", "direction", NULL };
      const char *id = attr (names, values, "id");
      int unit = EP_UNIT_PERCENT, kind = EP_INDICATOR_LAGGING, direction = EP_DIRECTION_HIGHER_IS_BETTER;

      if (!check_attrs (element, names, ok, error) || !need_attr (element, "id", id, error) ||
          !parse_enum (EP_TYPE_UNIT, element, "unit", attr (names, values, "unit"), &unit, error) ||
          !parse_enum (EP_TYPE_INDICATOR_KIND, element, "kind", attr (names, values, "kind"), &kind, error) ||
          !parse_enum (EP_TYPE_DIRECTION, element, "direction", attr (names, values, "direction"),
                       &direction, error))
        return FALSE;
      ep_mapping_add_indicator (m, id, attr (names, values, "name"), unit, kind, direction);
    }
  else if (g_str_equal (element, "alias"))
    {
      const char *target_name = g_str_equal (parent, "groups") ? "group"
                              : g_str_equal (parent, "indicators") ? "indicator" : "period";
      EpMappingRole role = g_str_equal (parent, "groups") ? EP_MAPPING_ROLE_GROUP
                         : g_str_equal (parent, "indicators") ? EP_MAPPING_ROLE_INDICATOR
                         : EP_MAPPING_ROLE_PERIOD;
      const char * const ok[] = { "label", target_name, NULL };
      const char *label = attr (names, values, "label");
      const char *target = attr (names, values, target_name);

      if (!check_attrs (element, names, ok, error) || !need_attr (element, target_name, target, error))
        return FALSE;
      if (label == NULL)
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("<alias> needs a “label” attribute"));
          return FALSE;
        }
      ep_mapping_add_alias (m, role, label, target);
    }
  else if (g_str_equal (element, "measure"))
    {
      static const char * const ok[] = { "indicator", "group", NULL };
      const char *indicator = attr (names, values, "indicator");
      const char *group = attr (names, values, "group");

      if (!check_attrs (element, names, ok, error) ||
          !need_attr (element, "indicator", indicator, error) ||
          !need_attr (element, "group", group, error))
        return FALSE;
      p->measure = (int) ep_mapping_add_measure (m, indicator, group);
    }
  else if (g_str_equal (parent ? parent : "", "measure"))
    {
      static const char * const ok[] = { "optional", NULL };
      p->optional = FALSE;
      if (!check_attrs (element, names, ok, error))
        return FALSE;
      return parse_bool (element, "optional", attr (names, values, "optional"), &p->optional, error);
    }
  else if (names[0] != NULL)
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("<%s> has no attribute “%s”"), element, names[0]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_end (gpointer     user_data,
           const char  *element,
           const char  *text,
           GError     **error)
{
  Parse *p = user_data;
  EpMapping *m = p->mapping;
  static const char * const texts[] = {
    "name", "description", "marker", "column", "fixed",
    "numerator", "denominator", "rate", "value", "n", NULL,
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_ptr_array_set_size (p->stack, p->stack->len - 1);

  if (!g_strv_contains (texts, element))
    {
      if (*trimmed != '\0')
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("text is not allowed directly inside <%s>"), element);
          return FALSE;
        }
      if (g_str_equal (element, "measure"))
        p->measure = -1;
      return TRUE;
    }

  if (g_str_equal (element, "name"))
    ep_mapping_set_name (m, trimmed);
  else if (g_str_equal (element, "description"))
    ep_mapping_set_description (m, trimmed);
  else if (*trimmed == '\0')
    {
      g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                   _("<%s> is empty"), element);
      return FALSE;
    }
  else if (g_str_equal (element, "marker"))
    ep_mapping_add_marker (m, trimmed);
  else if (g_str_equal (element, "column"))
    {
      if (is_measure_role (p->role) && m->layout == EP_MAPPING_LAYOUT_WIDE)
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("in a wide mapping, %s columns are given in <measure> elements"),
                       role_names[p->role]);
          return FALSE;
        }
      ep_mapping_set_column (m, p->role, trimmed);
    }
  else if (g_str_equal (element, "fixed"))
    {
      if (is_measure_role (p->role))
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID,
                       _("a %s cannot be fixed; it comes from the file"), role_names[p->role]);
          return FALSE;
        }
      ep_mapping_set_fixed (m, p->role, trimmed);
    }
  else
    {
      EpMappingRole part;
      gboolean ok = ep_mapping_role_from_string (element, &part);

      g_assert (ok && p->measure >= 0);
      ep_mapping_add_measure_column (m, (guint) p->measure, part, trimmed, p->optional);
    }
  return TRUE;
}

/**
 * ep_mapping_read_bytes:
 * @display_name: how messages name the file
 *
 * Returns: (transfer full): the mapping, or %NULL with @error set; the
 *   message starts with "DISPLAY_NAME:LINE:COLUMN: "
 */
EpMapping *
ep_mapping_read_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(EpMapping) mapping = ep_mapping_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GError) local = NULL;
  Parse p = { mapping, stack, -1, FALSE, 0 };

  g_return_val_if_fail (bytes != NULL, NULL);

  display_name = display_name ? display_name : "(mapping)";
  if (!ep_xml_parse_small (bytes, display_name, EP_MAPPING_NAMESPACE, "mapping",
                           parse_start, parse_end, &p, error))
    return NULL;
  if (!ep_mapping_validate (mapping, &local))
    {
      g_set_error (error, local->domain, local->code, "%s: %s", display_name, local->message);
      return NULL;
    }
  return g_steal_pointer (&mapping);
}

/**
 * ep_mapping_read_file:
 *
 * Returns: (transfer full): the mapping, or %NULL with @error set
 */
EpMapping *
ep_mapping_read_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  in = g_file_read (file, cancellable, &local);
  if (in != NULL)
    /* One byte more than allowed: enough to tell a file too large. */
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (in), EP_XML_SMALL_MAX_SIZE + 1,
                                       cancellable, &local);
  if (bytes == NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", name, local->message);
      return NULL;
    }
  return ep_mapping_read_bytes (bytes, name, error);
}

/* Writing */

static void
append_text_element (GString    *out,
                     const char *indent,
                     const char *element,
                     const char *attrs,
                     const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (out, "%s<%s%s>%s</%s>\n", indent, element, attrs ? attrs : "", escaped, element);
}

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v ? v->value_nick : "";

  /* Enum classes stay alive once made: the nick stays valid. */
  g_type_class_unref (klass);
  return nick;
}

/**
 * ep_mapping_write_bytes:
 *
 * Returns: (transfer full): the mapping as XML
 */
GBytes *
ep_mapping_write_bytes (EpMapping *self)
{
  GString *out;

  g_return_val_if_fail (EP_IS_MAPPING (self), NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<mapping xmlns=\"%s\" version=\"1.0\" layout=\"%s\">\n",
                          EP_MAPPING_NAMESPACE,
                          self->layout == EP_MAPPING_LAYOUT_WIDE ? "wide" : "long");
  if (self->name)
    append_text_element (out, "  ", "name", NULL, self->name);
  if (self->description)
    append_text_element (out, "  ", "description", NULL, self->description);
  g_string_append_printf (out, "  <numbers rate-scale=\"%s\" decimal-mark=\"%c\" negative-is-suppressed=\"%s\"/>\n",
                          self->rate_scale == EP_RATE_SCALE_FRACTION ? "fraction" : "percent",
                          self->decimal_mark,
                          self->negative_is_suppressed ? "true" : "false");

  if (self->blank_marker)
    {
      g_autofree char *a = g_markup_printf_escaped (" blank=\"%s\"", self->blank_marker);
      g_string_append_printf (out, "  <suppression%s>\n", a);
    }
  else
    g_string_append (out, "  <suppression>\n");
  for (guint i = 0; i < self->markers->len; i++)
    append_text_element (out, "    ", "marker", NULL, g_ptr_array_index (self->markers, i));
  g_string_append (out, "  </suppression>\n");

  g_string_append (out, "  <columns>\n");
  for (guint r = 0; r < EP_MAPPING_N_ROLES; r++)
    {
      g_autofree char *a = g_strdup_printf (" role=\"%s\"", role_names[r]);
      if (self->columns[r])
        append_text_element (out, "    ", "column", a, self->columns[r]);
      if (self->fixed[r])
        append_text_element (out, "    ", "fixed", a, self->fixed[r]);
    }
  g_string_append (out, "  </columns>\n");

  g_string_append_printf (out, "  <groups standard-aliases=\"%s\">\n",
                          self->standard_group_aliases ? "true" : "false");
  for (guint i = 0; i < self->groups->len; i++)
    {
      GroupDecl *g = g_ptr_array_index (self->groups, i);
      g_autofree char *line = g_markup_printf_escaped ("    <group id=\"%s\" category=\"%s\" label=\"%s\"/>\n",
                                                       g->id, enum_nick (EP_TYPE_GROUP_CATEGORY, g->category),
                                                       g->label);
      g_string_append (out, line);
    }
  for (guint i = 0; i < self->aliases[EP_MAPPING_ROLE_GROUP]->len; i++)
    {
      Alias *a = g_ptr_array_index (self->aliases[EP_MAPPING_ROLE_GROUP], i);
      g_autofree char *line = g_markup_printf_escaped ("    <alias label=\"%s\" group=\"%s\"/>\n", a->label, a->id);
      g_string_append (out, line);
    }
  g_string_append (out, "  </groups>\n");

  g_string_append (out, "  <indicators>\n");
  for (guint i = 0; i < self->indicators->len; i++)
    {
      IndicatorDecl *d = g_ptr_array_index (self->indicators, i);
      g_autofree char *line =
        g_markup_printf_escaped ("    <indicator id=\"%s\" name=\"%s\" unit=\"%s\" kind=\"%s\" direction=\"%s\"/>\n",
                                 d->id, d->name, enum_nick (EP_TYPE_UNIT, d->unit),
                                 enum_nick (EP_TYPE_INDICATOR_KIND, d->kind),
                                 enum_nick (EP_TYPE_DIRECTION, d->direction));
      g_string_append (out, line);
    }
  for (guint i = 0; i < self->aliases[EP_MAPPING_ROLE_INDICATOR]->len; i++)
    {
      Alias *a = g_ptr_array_index (self->aliases[EP_MAPPING_ROLE_INDICATOR], i);
      g_autofree char *line = g_markup_printf_escaped ("    <alias label=\"%s\" indicator=\"%s\"/>\n", a->label, a->id);
      g_string_append (out, line);
    }
  g_string_append (out, "  </indicators>\n");

  if (self->aliases[EP_MAPPING_ROLE_PERIOD]->len > 0)
    {
      g_string_append (out, "  <periods>\n");
      for (guint i = 0; i < self->aliases[EP_MAPPING_ROLE_PERIOD]->len; i++)
        {
          Alias *a = g_ptr_array_index (self->aliases[EP_MAPPING_ROLE_PERIOD], i);
          g_autofree char *line = g_markup_printf_escaped ("    <alias label=\"%s\" period=\"%s\"/>\n", a->label, a->id);
          g_string_append (out, line);
        }
      g_string_append (out, "  </periods>\n");
    }

  if (self->measures->len > 0)
    {
      g_string_append (out, "  <measures>\n");
      for (guint i = 0; i < self->measures->len; i++)
        {
          Measure *m = g_ptr_array_index (self->measures, i);
          g_autofree char *line = g_markup_printf_escaped ("    <measure indicator=\"%s\" group=\"%s\">\n",
                                                           m->indicator, m->group);
          g_string_append (out, line);
          for (guint r = EP_MAPPING_ROLE_NUMERATOR; r <= EP_MAPPING_ROLE_N; r++)
            for (guint j = 0; m->parts[r] && j < m->parts[r]->len; j++)
              {
                ColumnRef *ref = g_ptr_array_index (m->parts[r], j);
                append_text_element (out, "      ", role_names[r],
                                     ref->optional ? " optional=\"true\"" : NULL, ref->column);
              }
          g_string_append (out, "    </measure>\n");
        }
      g_string_append (out, "  </measures>\n");
    }
  g_string_append (out, "</mapping>\n");
  return g_string_free_to_bytes (out);
}

gboolean
ep_mapping_save (EpMapping     *self,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (EP_IS_MAPPING (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ep_mapping_write_bytes (self);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

/* Guessing */

/* "School_Name " → "schoolname" */
static char *
squash (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '%')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static int
find_header (const char * const *header,
             guint               n,
             const char * const *candidates,
             gboolean           *taken)
{
  for (guint c = 0; candidates[c]; c++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *s = NULL;

        if (taken[i] || header[i] == NULL)
          continue;
        s = squash (header[i]);
        if (g_str_equal (s, candidates[c]))
          return (int) i;
      }
  return -1;
}

static gboolean
header_has (const char * const *header,
            guint               n,
            const char         *name)
{
  for (guint i = 0; i < n; i++)
    if (header[i])
      {
        g_autofree char *h = g_strstrip (g_strdup (header[i]));
        if (g_ascii_strcasecmp (h, name) == 0)
          return TRUE;
      }
  return FALSE;
}

static void
guess_crdc (EpMapping          *m,
            const char * const *header,
            guint               n)
{
  static const struct { const char *crdc; const char *group; } races[] = {
    { "HI", "HI" }, { "AM", "AM" }, { "AS", "AS" }, { "HP", "PI" }, { "BL", "BL" },
    { "WH", "WH" }, { "TR", "TR" }, { "EL", "EL" }, { "IDEA", "SWD" },
  };

  m->layout = EP_MAPPING_LAYOUT_WIDE;
  ep_mapping_set_column (m, EP_MAPPING_ROLE_SCHOOL_ID, "COMBOKEY");
  ep_mapping_set_column (m, EP_MAPPING_ROLE_SCHOOL_NAME, header_has (header, n, "SCH_NAME") ? "SCH_NAME" : NULL);
  m->negative_is_suppressed = TRUE;
  ep_mapping_add_indicator (m, "enrollment", _("Enrollment"), EP_UNIT_COUNT,
                            EP_INDICATOR_LEADING, EP_DIRECTION_HIGHER_IS_BETTER);
  ep_mapping_add_indicator (m, "iss-wodis", _("In-school suspension (students without disabilities)"),
                            EP_UNIT_PERCENT, EP_INDICATOR_LAGGING, EP_DIRECTION_LOWER_IS_BETTER);
  for (guint i = 0; i < G_N_ELEMENTS (races); i++)
    {
      const char *sexes[] = { "M", "F", "X" };
      g_autofree char *probe = g_strdup_printf ("SCH_ENR_%s_M", races[i].crdc);
      guint enr, iss;

      if (!header_has (header, n, probe))
        continue;
      enr = ep_mapping_add_measure (m, "enrollment", races[i].group);
      for (guint s = 0; s < 3; s++)
        {
          g_autofree char *col = g_strdup_printf ("SCH_ENR_%s_%s", races[i].crdc, sexes[s]);
          ep_mapping_add_measure_column (m, enr, EP_MAPPING_ROLE_VALUE, col, s == 2);
        }
      g_free (probe);
      probe = g_strdup_printf ("SCH_DISCWODIS_ISS_%s_M", races[i].crdc);
      if (!header_has (header, n, probe))
        continue;
      iss = ep_mapping_add_measure (m, "iss-wodis", races[i].group);
      for (guint s = 0; s < 3; s++)
        {
          g_autofree char *num = g_strdup_printf ("SCH_DISCWODIS_ISS_%s_%s", races[i].crdc, sexes[s]);
          g_autofree char *den = g_strdup_printf ("SCH_ENR_%s_%s", races[i].crdc, sexes[s]);
          ep_mapping_add_measure_column (m, iss, EP_MAPPING_ROLE_NUMERATOR, num, s == 2);
          ep_mapping_add_measure_column (m, iss, EP_MAPPING_ROLE_DENOMINATOR, den, s == 2);
        }
    }
}

/**
 * ep_mapping_guess:
 * @header: the first row of the file
 *
 * Proposes a mapping from the column names ("school", "COMBOKEY", "group",
 * "year", "count", "percent", …), with the standard markers and group
 * aliases. Roles it could not place are left unset: check it with
 * ep_mapping_validate() and let the user complete it.
 *
 * Returns: (transfer full): a mapping
 */
EpMapping *
ep_mapping_guess (const char * const *header,
                  guint               n_columns)
{
  static const char * const school_id[] = {
    "schoolid", "schoolcode", "combokey", "ncessch", "schid", "schoolnumber", "locationcode",
    "dbn", "code", "districtcode", "leaid", "id", "schoolidentifier", "buildingcode", NULL };
  static const char * const school_name[] = {
    "schoolname", "schname", "school", "name", "location", "district", "districtname",
    "building", "campus", "institution", NULL };
  static const char * const group[] = {
    "group", "studentgroup", "subgroup", "studentsubgroup", "demographic", "raceethnicity",
    "race", "ethnicity", "category", "reportinggroup", NULL };
  static const char * const indicator[] = {
    "indicator", "measure", "metric", "subject", "outcome", "test", "assessment", NULL };
  static const char * const period[] = {
    "schoolyear", "year", "period", "timeframe", "academicyear", "yr", "term", "syear", NULL };
  static const char * const numerator[] = {
    "numerator", "count", "number", "numberofstudents", "nstudents", "students", "num", "met",
    "proficient", "suspended", "disciplined", NULL };
  static const char * const denominator[] = {
    "denominator", "enrollment", "enrolled", "tested", "total", "den", "population", "pop",
    "totalstudents", NULL };
  static const char * const rate[] = {
    "percent", "rate", "pct", "%", "percentage", "share", "proportion", NULL };
  static const char * const value[] = {
    "value", "data", "score", "mean", "average", "avg", "meanscore", NULL };
  static const char * const n_col[] = { "n", "ncount", "nsize", NULL };
  g_autofree gboolean *taken = NULL;
  EpMapping *m = ep_mapping_new ();
  struct { EpMappingRole role; const char * const *candidates; } order[] = {
    { EP_MAPPING_ROLE_SCHOOL_ID, school_id },
    { EP_MAPPING_ROLE_SCHOOL_NAME, school_name },
    { EP_MAPPING_ROLE_GROUP, group },
    { EP_MAPPING_ROLE_INDICATOR, indicator },
    { EP_MAPPING_ROLE_PERIOD, period },
    { EP_MAPPING_ROLE_NUMERATOR, numerator },
    { EP_MAPPING_ROLE_DENOMINATOR, denominator },
    { EP_MAPPING_ROLE_RATE, rate },
    { EP_MAPPING_ROLE_VALUE, value },
    { EP_MAPPING_ROLE_N, n_col },
  };

  ep_mapping_add_standard_markers (m);
  ep_mapping_add_standard_group_aliases (m);
  ep_mapping_set_name (m, _("Guessed mapping"));
  if (header == NULL || n_columns == 0)
    return m;

  if (header_has (header, n_columns, "COMBOKEY"))
    {
      guess_crdc (m, header, n_columns);
      return m;
    }

  taken = g_new0 (gboolean, n_columns);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      int col = find_header (header, n_columns, order[i].candidates, taken);
      if (col >= 0)
        {
          g_autofree char *name = g_strstrip (g_strdup (header[col]));
          taken[col] = TRUE;
          ep_mapping_set_column (m, order[i].role, name);
        }
    }
  /* A file with only a name column: the name is the id. */
  if (m->columns[EP_MAPPING_ROLE_SCHOOL_ID] == NULL && m->columns[EP_MAPPING_ROLE_SCHOOL_NAME] != NULL)
    ep_mapping_set_column (m, EP_MAPPING_ROLE_SCHOOL_ID, m->columns[EP_MAPPING_ROLE_SCHOOL_NAME]);
  /* Numerator without a denominator: it is a value (a count). */
  if (m->columns[EP_MAPPING_ROLE_NUMERATOR] && !m->columns[EP_MAPPING_ROLE_DENOMINATOR] &&
      !m->columns[EP_MAPPING_ROLE_VALUE])
    {
      ep_mapping_set_column (m, EP_MAPPING_ROLE_VALUE, m->columns[EP_MAPPING_ROLE_NUMERATOR]);
      ep_mapping_set_column (m, EP_MAPPING_ROLE_NUMERATOR, NULL);
    }
  /* Rates written 0–1 are the commoner in downloads with a "Data" column. */
  return m;
}
