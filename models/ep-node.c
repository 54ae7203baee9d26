/* ep-node.c — what every model object shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-node"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ep-node-private.h"

typedef struct {
  const EpField  *fields;
  guint           n_fields;
  GParamSpec    **pspecs;
} EpFieldTable;

typedef struct {
  GHashTable *translations;        /* "field\x1flang" → text */
  GPtrArray  *foreign_attributes;  /* triples: qname, ns uri, value */
  GPtrArray  *foreign_elements;    /* serialized XML */
} EpNodeExtra;

const char *
ep_intern (const char *s)
{
  static GMutex lock;
  static GHashTable *pool;
  const char *interned;

  if (s == NULL)
    return NULL;

  g_mutex_lock (&lock);
  if (G_UNLIKELY (pool == NULL))
    pool = g_hash_table_new (g_str_hash, g_str_equal);
  interned = g_hash_table_lookup (pool, s);
  if (interned == NULL)
    {
      char *copy = g_strdup (s);
      g_hash_table_add (pool, copy);
      interned = copy;
    }
  g_mutex_unlock (&lock);

  return interned;
}

static GQuark
field_table_quark (void)
{
  static GQuark q;
  if (G_UNLIKELY (q == 0))
    q = g_quark_from_static_string ("ep-node-fields");
  return q;
}

static GQuark
extra_quark (void)
{
  static GQuark q;
  if (G_UNLIKELY (q == 0))
    q = g_quark_from_static_string ("ep-node-extra");
  return q;
}

static const EpFieldTable *
lookup_table (GType type)
{
  /* The table is made by class_init: make sure it ran. Classes of static
   * types live as long as the program. */
  if (G_TYPE_IS_CLASSED (type) && g_type_class_peek (type) == NULL)
    g_type_class_unref (g_type_class_ref (type));

  for (; type != 0; type = g_type_parent (type))
    {
      const EpFieldTable *table = g_type_get_qdata (type, field_table_quark ());
      if (table != NULL)
        return table;
    }
  return NULL;
}

const EpField *
ep_node_class_get_fields (GType  type,
                          guint *n_fields)
{
  const EpFieldTable *table = lookup_table (type);

  *n_fields = table ? table->n_fields : 0;
  return table ? table->fields : NULL;
}

const EpField *
ep_node_class_find_field (GType       type,
                          const char *name)
{
  guint n;
  const EpField *fields = ep_node_class_get_fields (type, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/* Any property change of a model object is a change of its district: the
 * class hook does this without a signal connection on every object. */
static void
dispatch_properties_changed (GObject     *object,
                             guint        n_pspecs,
                             GParamSpec **pspecs)
{
  GObjectClass *parent = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  parent->dispatch_properties_changed (object, n_pspecs, pspecs);
  ep_node_changed (object);
}

void
ep_node_class_install_fields (GObjectClass  *klass,
                              const EpField *fields,
                              guint          n_fields,
                              GParamSpec   **pspecs)
{
  EpFieldTable *table = g_new0 (EpFieldTable, 1);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  klass->get_property = ep_node_get_property;
  klass->set_property = ep_node_set_property;
  klass->dispatch_properties_changed = dispatch_properties_changed;

  /* pspecs[0] is PROP_0 and stays NULL. */
  for (guint i = 0; i < n_fields; i++)
    {
      const EpField *f = &fields[i];
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case EP_FIELD_STRING:
        case EP_FIELD_TEXT:
          pspec = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;
        case EP_FIELD_INT:
          pspec = g_param_spec_int (f->name, NULL, NULL, (int) f->minimum, (int) f->maximum,
                                    (int) f->default_value, flags);
          break;
        case EP_FIELD_UINT:
          pspec = g_param_spec_uint (f->name, NULL, NULL, (guint) f->minimum, (guint) f->maximum,
                                     (guint) f->default_value, flags);
          break;
        case EP_FIELD_DOUBLE:
          pspec = g_param_spec_double (f->name, NULL, NULL, f->minimum, f->maximum,
                                       f->default_value, flags);
          break;
        case EP_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (f->name, NULL, NULL, f->default_value != 0, flags);
          break;
        case EP_FIELD_ENUM:
          pspec = g_param_spec_enum (f->name, NULL, NULL, f->enum_type (),
                                     (int) f->default_value, flags);
          break;
        case EP_FIELD_DATE:
          pspec = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_DATE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      pspecs[i + 1] = pspec;
    }

  g_object_class_install_properties (klass, n_fields + 1, pspecs);

  table->fields = fields;
  table->n_fields = n_fields;
  table->pspecs = pspecs;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), field_table_quark (), table);
}

#define FIELD_PTR(node, f) ((gpointer) ((guint8 *) (node) + (f)->offset))

void
ep_node_init_fields (gpointer node)
{
  guint n;
  const EpField *fields = ep_node_class_get_fields (G_OBJECT_TYPE (node), &n);

  for (guint i = 0; i < n; i++)
    {
      const EpField *f = &fields[i];
      gpointer p = FIELD_PTR (node, f);

      switch (f->type)
        {
        case EP_FIELD_INT:
        case EP_FIELD_ENUM:
          *(int *) p = (int) f->default_value;
          break;
        case EP_FIELD_UINT:
          *(guint *) p = (guint) f->default_value;
          break;
        case EP_FIELD_DOUBLE:
          *(double *) p = f->default_value;
          break;
        case EP_FIELD_BOOLEAN:
          *(gboolean *) p = f->default_value != 0;
          break;
        case EP_FIELD_STRING:
        case EP_FIELD_TEXT:
        case EP_FIELD_DATE:
        default:
          break;
        }
    }

}

void
ep_node_finalize_fields (gpointer node)
{
  guint n;
  const EpField *fields = ep_node_class_get_fields (G_OBJECT_TYPE (node), &n);

  for (guint i = 0; i < n; i++)
    {
      gpointer p = FIELD_PTR (node, &fields[i]);

      if (fields[i].type == EP_FIELD_STRING || fields[i].type == EP_FIELD_TEXT)
        g_clear_pointer ((char **) p, g_free);
      else if (fields[i].type == EP_FIELD_DATE)
        g_clear_pointer ((GDate **) p, g_date_free);
    }
}

void
ep_node_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  const EpFieldTable *table = lookup_table (G_OBJECT_TYPE (object));
  const EpField *f;
  gpointer p;

  if (table == NULL || prop_id == 0 || prop_id > table->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  f = &table->fields[prop_id - 1];
  p = FIELD_PTR (object, f);

  switch (f->type)
    {
    case EP_FIELD_STRING:
    case EP_FIELD_TEXT:
      g_value_set_string (value, *(char **) p);
      break;
    case EP_FIELD_INT:
      g_value_set_int (value, *(int *) p);
      break;
    case EP_FIELD_UINT:
      g_value_set_uint (value, *(guint *) p);
      break;
    case EP_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) p);
      break;
    case EP_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) p);
      break;
    case EP_FIELD_ENUM:
      g_value_set_enum (value, *(int *) p);
      break;
    case EP_FIELD_DATE:
      g_value_set_boxed (value, *(GDate **) p);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
ep_node_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  const EpFieldTable *table = lookup_table (G_OBJECT_TYPE (object));
  const EpField *f;
  gpointer p;

  if (table == NULL || prop_id == 0 || prop_id > table->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  f = &table->fields[prop_id - 1];
  p = FIELD_PTR (object, f);

  switch (f->type)
    {
    case EP_FIELD_STRING:
    case EP_FIELD_TEXT:
      ep_node_set_string (object, p, g_value_get_string (value), pspec);
      break;
    case EP_FIELD_INT:
      ep_node_set_int (object, p, g_value_get_int (value), pspec);
      break;
    case EP_FIELD_UINT:
      ep_node_set_uint (object, p, g_value_get_uint (value), pspec);
      break;
    case EP_FIELD_DOUBLE:
      ep_node_set_double (object, p, g_value_get_double (value), pspec);
      break;
    case EP_FIELD_BOOLEAN:
      ep_node_set_boolean (object, p, g_value_get_boolean (value), pspec);
      break;
    case EP_FIELD_ENUM:
      ep_node_set_int (object, p, g_value_get_enum (value), pspec);
      break;
    case EP_FIELD_DATE:
      ep_node_set_date (object, p, g_value_get_boxed (value), pspec);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
ep_node_set_string (gpointer     node,
                    char       **field,
                    const char  *value,
                    GParamSpec  *pspec)
{
  /* An empty text is no text: files and widgets treat them alike. */
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  if (pspec != NULL)
    g_object_notify_by_pspec (node, pspec);
  return TRUE;
}

#define DEFINE_SETTER(name, ctype)                                     \
  gboolean                                                             \
  ep_node_set_##name (gpointer node, ctype *field, ctype value,        \
                      GParamSpec *pspec)                               \
  {                                                                    \
    if (*field == value)                                               \
      return FALSE;                                                    \
    *field = value;                                                    \
    if (pspec != NULL)                                                 \
      g_object_notify_by_pspec (node, pspec);                          \
    return TRUE;                                                       \
  }

DEFINE_SETTER (int, int)
DEFINE_SETTER (uint, guint)
DEFINE_SETTER (double, double)
DEFINE_SETTER (boolean, gboolean)

gboolean
ep_node_set_date (gpointer      node,
                  GDate       **field,
                  const GDate  *value,
                  GParamSpec   *pspec)
{
  if (value != NULL && !g_date_valid (value))
    value = NULL;
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_date_compare (*field, value) == 0)
    return FALSE;
  g_clear_pointer (field, g_date_free);
  if (value != NULL)
    *field = g_date_copy (value);
  if (pspec != NULL)
    g_object_notify_by_pspec (node, pspec);
  return TRUE;
}

/* Only model objects (those with a field table) have the node header. */
static gboolean
is_node (gpointer node)
{
  return G_IS_OBJECT (node) && lookup_table (G_OBJECT_TYPE (node)) != NULL;
}

gpointer
ep_node_get_parent (gpointer node)
{
  g_return_val_if_fail (is_node (node), NULL);
  return ((EpNodeInstance *) node)->node_parent;
}

void
ep_node_set_parent (gpointer node,
                    gpointer parent)
{
  g_return_if_fail (is_node (node));
  /* The parent owns the child, so the back pointer is borrowed. */
  ((EpNodeInstance *) node)->node_parent = parent;
}

void
ep_node_changed (gpointer node)
{
  gpointer root = node;
  gpointer up;
  guint signal_id;

  while ((up = ((EpNodeInstance *) root)->node_parent) != NULL)
    root = up;

  signal_id = g_signal_lookup ("changed", G_OBJECT_TYPE (root));
  if (signal_id != 0)
    g_signal_emit (root, signal_id, 0, node);
}

/* Model lists are GListStores that only their owner changes, through
 * these two functions: they keep each item's parent pointer and report the
 * change, with no signal connection per list. */
void
ep_node_store_insert (gpointer  owner,
                      EpList   *store,
                      guint     position,
                      gpointer  item)
{
  ep_node_set_parent (item, owner);
  ep_list_insert (store, position, item);
  ep_node_changed (owner);
}

static EpNodeExtra *
get_extra (gpointer node)
{
  return g_object_get_qdata (node, extra_quark ());
}

static void
extra_free (gpointer data)
{
  EpNodeExtra *extra = data;

  g_clear_pointer (&extra->translations, g_hash_table_unref);
  g_clear_pointer (&extra->foreign_attributes, g_ptr_array_unref);
  g_clear_pointer (&extra->foreign_elements, g_ptr_array_unref);
  g_free (extra);
}

static EpNodeExtra *
ensure_extra (gpointer node)
{
  EpNodeExtra *extra = g_object_get_qdata (node, extra_quark ());

  if (extra == NULL)
    {
      extra = g_new0 (EpNodeExtra, 1);
      g_object_set_qdata_full (node, extra_quark (), extra, extra_free);
    }
  return extra;
}

void
ep_node_set_translation (gpointer    node,
                         const char *field,
                         const char *lang,
                         const char *text)
{
  EpNodeExtra *extra;
  char *key;

  g_return_if_fail (G_IS_OBJECT (node));
  g_return_if_fail (field != NULL);
  g_return_if_fail (lang != NULL && *lang != '\0');

  extra = ensure_extra (node);
  if (extra->translations == NULL)
    extra->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  key = g_strconcat (field, "\x1f", lang, NULL);
  if (text == NULL || *text == '\0')
    {
      gboolean removed = g_hash_table_remove (extra->translations, key);
      g_free (key);
      if (removed)
        ep_node_changed (node);
      return;
    }
  if (g_strcmp0 (g_hash_table_lookup (extra->translations, key), text) == 0)
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (extra->translations, key, g_strdup (text));
  ep_node_changed (node);
}

const char *
ep_node_get_translation (gpointer    node,
                         const char *field,
                         const char *lang)
{
  EpNodeExtra *extra;
  g_autofree char *key = NULL;

  g_return_val_if_fail (G_IS_OBJECT (node), NULL);

  extra = get_extra (node);
  if (extra == NULL || extra->translations == NULL || lang == NULL)
    return NULL;
  key = g_strconcat (field, "\x1f", lang, NULL);
  return g_hash_table_lookup (extra->translations, key);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
ep_node_list_translation_langs (gpointer    node,
                                const char *field)
{
  GPtrArray *langs = g_ptr_array_new_with_free_func (g_free);
  EpNodeExtra *extra = get_extra (node);
  gsize field_len = strlen (field);
  GHashTableIter iter;
  gpointer key;

  if (extra == NULL || extra->translations == NULL)
    return langs;

  g_hash_table_iter_init (&iter, extra->translations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *k = key;
      if (strncmp (k, field, field_len) == 0 && k[field_len] == '\x1f')
        g_ptr_array_add (langs, g_strdup (k + field_len + 1));
    }
  g_ptr_array_sort (langs, compare_strings);
  return langs;
}

void
ep_node_add_foreign_attribute (gpointer    node,
                               const char *qname,
                               const char *ns_uri,
                               const char *value)
{
  EpNodeExtra *extra = ensure_extra (node);

  if (extra->foreign_attributes == NULL)
    extra->foreign_attributes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extra->foreign_attributes, g_strdup (qname));
  g_ptr_array_add (extra->foreign_attributes, g_strdup (ns_uri ? ns_uri : ""));
  g_ptr_array_add (extra->foreign_attributes, g_strdup (value));
}

void
ep_node_add_foreign_element (gpointer    node,
                             const char *xml)
{
  EpNodeExtra *extra = ensure_extra (node);

  if (extra->foreign_elements == NULL)
    extra->foreign_elements = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extra->foreign_elements, g_strdup (xml));
}

GPtrArray *
ep_node_get_foreign_attributes (gpointer node)
{
  EpNodeExtra *extra = get_extra (node);
  return extra ? extra->foreign_attributes : NULL;
}

GPtrArray *
ep_node_get_foreign_elements (gpointer node)
{
  EpNodeExtra *extra = get_extra (node);
  return extra ? extra->foreign_elements : NULL;
}

/* Numbers in files: C locale, shortest text that reads back to the same
 * double, no NaN or infinity. */
char *
ep_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  for (int precision = 6; precision <= 17; precision++)
    {
      char fmt[8];
      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

gboolean
ep_parse_number (const char *text,
                 double     *value)
{
  const char *p = text;
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  /* Only the plain decimal syntax: no hex, no "inf", no locale commas. */
  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (const char *q = p; *q; q++)
    if (!(g_ascii_isdigit (*q) || *q == '.' || *q == 'e' || *q == 'E' || *q == '-' || *q == '+'))
      return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
ep_parse_date (const char *text,
               GDate      *date)
{
  int y, m, d;
  char extra;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
ep_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gboolean
ep_node_set_field_from_string (gpointer       node,
                               const EpField *f,
                               const char    *text,
                               GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  double number;

  switch (f->type)
    {
    case EP_FIELD_STRING:
    case EP_FIELD_TEXT:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text);
      break;

    case EP_FIELD_INT:
    case EP_FIELD_UINT:
      if (!ep_parse_number (text, &number) || number != floor (number))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("“%s” is not a whole number"), text);
          return FALSE;
        }
      if (number < f->minimum || number > f->maximum)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("%s must be between %g and %g, not %s"),
                       f->name, f->minimum, f->maximum, text);
          return FALSE;
        }
      if (f->type == EP_FIELD_INT)
        {
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, (int) number);
        }
      else
        {
          g_value_init (&value, G_TYPE_UINT);
          g_value_set_uint (&value, (guint) number);
        }
      break;

    case EP_FIELD_DOUBLE:
      if (!ep_parse_number (text, &number))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("“%s” is not a number (write it like 12 or 30.5)"), text);
          return FALSE;
        }
      if (number < f->minimum || number > f->maximum)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("%s must be between %g and %g, not %s"),
                       f->name, f->minimum, f->maximum, text);
          return FALSE;
        }
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, number);
      break;

    case EP_FIELD_BOOLEAN:
      g_value_init (&value, G_TYPE_BOOLEAN);
      if (g_strcmp0 (text, "true") == 0)
        g_value_set_boolean (&value, TRUE);
      else if (g_strcmp0 (text, "false") == 0)
        g_value_set_boolean (&value, FALSE);
      else
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("“%s” must be true or false"), text);
          return FALSE;
        }
      break;

    case EP_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
        GEnumValue *ev = g_enum_get_value_by_nick (klass, text);

        if (ev == NULL)
          {
            g_autoptr(GString) allowed = g_string_new (NULL);
            for (guint i = 0; i < klass->n_values; i++)
              g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
            g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         _("“%s” is not a known %s (use one of: %s)"), text, f->name, allowed->str);
            return FALSE;
          }
        g_value_init (&value, f->enum_type ());
        g_value_set_enum (&value, ev->value);
      }
      break;

    case EP_FIELD_DATE:
      {
        GDate date;

        if (!ep_parse_date (text, &date))
          {
            g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         _("“%s” is not a date (write it as YYYY-MM-DD, e.g. 2025-09-12)"), text);
            return FALSE;
          }
        g_value_init (&value, G_TYPE_DATE);
        g_value_set_boxed (&value, &date);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_property (node, f->name, &value);
  return TRUE;
}

char *
ep_node_dup_field_as_string (gpointer       node,
                             const EpField *f)
{
  gpointer p = FIELD_PTR (node, f);

  switch (f->type)
    {
    case EP_FIELD_STRING:
    case EP_FIELD_TEXT:
      return g_strdup (*(char **) p);
    case EP_FIELD_INT:
      return g_strdup_printf ("%d", *(int *) p);
    case EP_FIELD_UINT:
      return g_strdup_printf ("%u", *(guint *) p);
    case EP_FIELD_DOUBLE:
      return ep_format_number (*(double *) p);
    case EP_FIELD_BOOLEAN:
      return g_strdup (*(gboolean *) p ? "true" : "false");
    case EP_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
        GEnumValue *ev = g_enum_get_value (klass, *(int *) p);
        return ev ? g_strdup (ev->value_nick) : NULL;
      }
    case EP_FIELD_DATE:
      return ep_format_date (*(GDate **) p);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

gboolean
ep_node_store_remove (gpointer  owner,
                      EpList   *store,
                      gpointer  item)
{
  if (store == NULL || !ep_list_find (store, item, NULL))
    return FALSE;
  ep_node_set_parent (item, NULL);
  ep_list_remove (store, item);
  ep_node_changed (owner);
  return TRUE;
}

gpointer
ep_node_store_find (EpList     *store,
                    const char *field_name,
                    const char *value)
{
  const EpField *f;
  guint n;

  if (store == NULL || value == NULL)
    return NULL;

  f = ep_node_class_find_field (g_list_model_get_item_type (G_LIST_MODEL (store)), field_name);
  g_return_val_if_fail (f != NULL && (f->type == EP_FIELD_STRING || f->type == EP_FIELD_TEXT), NULL);

  n = ep_list_length (store);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = ep_list_peek (store, i);
      const char *s = *(char **) FIELD_PTR (item, f);

      if (s != NULL && strcmp (s, value) == 0)
        return item;
    }
  return NULL;
}
