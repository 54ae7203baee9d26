/* ep-node.h — what every model object shares: its owner, change
 * propagation, per-language texts, and content kept from newer files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a property of a model object is stored and written to .eqplan.
 * Every model class describes its plain properties with a table of
 * EpField; the table installs the GObject properties, implements
 * get/set_property, and tells the .eqplan reader and writer what to do. */
typedef enum {
  EP_FIELD_STRING,   /* attribute, not translated (ids, names of people) */
  EP_FIELD_TEXT,     /* child element, may carry xml:lang translations */
  EP_FIELD_INT,
  EP_FIELD_UINT,
  EP_FIELD_DOUBLE,
  EP_FIELD_BOOLEAN,
  EP_FIELD_ENUM,
  EP_FIELD_DATE,     /* a GDate, ISO 8601 in files */
} EpFieldType;

typedef struct {
  const char  *name;      /* property name, and the XML attribute/element name */
  EpFieldType  type;
  gsize        offset;    /* into the instance struct */
  GType      (*enum_type) (void);
  double       minimum;
  double       maximum;
  double       default_value;
  guint        required : 1;   /* must be present in files */
  guint        no_xml : 1;     /* written by the class's own code */
} EpField;

const EpField *ep_node_class_get_fields        (GType        type,
                                                guint       *n_fields);
const EpField *ep_node_class_find_field        (GType        type,
                                                const char  *name);

gpointer       ep_node_get_parent              (gpointer     node);
void           ep_node_set_parent              (gpointer     node,
                                                gpointer     parent);
void           ep_node_changed                 (gpointer     node);

void           ep_node_set_translation         (gpointer     node,
                                                const char  *field,
                                                const char  *lang,
                                                const char  *text);
const char    *ep_node_get_translation         (gpointer     node,
                                                const char  *field,
                                                const char  *lang);
GPtrArray     *ep_node_list_translation_langs  (gpointer     node,
                                                const char  *field);

void           ep_node_add_foreign_attribute   (gpointer     node,
                                                const char  *qname,
                                                const char  *ns_uri,
                                                const char  *value);
void           ep_node_add_foreign_element     (gpointer     node,
                                                const char  *xml);
GPtrArray     *ep_node_get_foreign_attributes  (gpointer     node);
GPtrArray     *ep_node_get_foreign_elements    (gpointer     node);

gboolean       ep_node_set_field_from_string   (gpointer       node,
                                                const EpField *field,
                                                const char    *text,
                                                GError       **error);
char          *ep_node_dup_field_as_string     (gpointer       node,
                                                const EpField *field);

char          *ep_format_number                (double        value);
gboolean       ep_parse_number                 (const char   *text,
                                                double       *value);
gboolean       ep_parse_date                   (const char   *text,
                                                GDate        *date);
char          *ep_format_date                  (const GDate  *date);

G_END_DECLS
