/* ep-node-private.h — helpers for the model classes' own code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-list.h"
#include "ep-node.h"

G_BEGIN_DECLS

/* Every model class starts its instance struct with EP_NODE_HEADER: the
 * GObject, then the borrowed pointer to the object that owns it. */
#define EP_NODE_HEADER GObject parent_instance; gpointer node_parent

typedef struct {
  EP_NODE_HEADER;
} EpNodeInstance;

/* Like g_intern_string(): the same bytes give the same pointer, kept for the
 * life of the process. Used for group names, periods, markers and ids that
 * repeat across thousands of indicators. Unlike GLib's quark table, whose
 * old blocks are dropped (and reported by LeakSanitizer) each time it grows,
 * the pool stays reachable. Thread-safe. */
const char *ep_intern (const char *s);

void     ep_node_class_install_fields (GObjectClass  *klass,
                                       const EpField *fields,
                                       guint          n_fields,
                                       GParamSpec   **pspecs);
void     ep_node_init_fields          (gpointer       node);
void     ep_node_finalize_fields      (gpointer       node);
void     ep_node_get_property         (GObject       *object,
                                       guint          prop_id,
                                       GValue        *value,
                                       GParamSpec    *pspec);
void     ep_node_set_property         (GObject       *object,
                                       guint          prop_id,
                                       const GValue  *value,
                                       GParamSpec    *pspec);
void     ep_node_store_insert         (gpointer       owner,
                                       EpList        *store,
                                       guint          position,
                                       gpointer       item);
gboolean ep_node_store_remove         (gpointer       owner,
                                       EpList        *store,
                                       gpointer       item);
gpointer ep_node_store_find           (EpList        *store,
                                       const char    *field_name,
                                       const char    *value);

gboolean ep_node_set_string           (gpointer       node,
                                       char         **field,
                                       const char    *value,
                                       GParamSpec    *pspec);
gboolean ep_node_set_int              (gpointer       node,
                                       int           *field,
                                       int            value,
                                       GParamSpec    *pspec);
gboolean ep_node_set_uint             (gpointer       node,
                                       guint         *field,
                                       guint          value,
                                       GParamSpec    *pspec);
gboolean ep_node_set_double           (gpointer       node,
                                       double        *field,
                                       double         value,
                                       GParamSpec    *pspec);
gboolean ep_node_set_boolean          (gpointer       node,
                                       gboolean      *field,
                                       gboolean       value,
                                       GParamSpec    *pspec);
gboolean ep_node_set_date             (gpointer       node,
                                       GDate        **field,
                                       const GDate   *value,
                                       GParamSpec    *pspec);

/* Field table rows. */
#define EP_F_STRING(T, f, name)  { name, EP_FIELD_STRING, G_STRUCT_OFFSET (T, f), NULL, 0, 0, 0, 0, 0 }
#define EP_F_ID(T, f, name)      { name, EP_FIELD_STRING, G_STRUCT_OFFSET (T, f), NULL, 0, 0, 0, 1, 0 }
#define EP_F_TEXT(T, f, name)    { name, EP_FIELD_TEXT, G_STRUCT_OFFSET (T, f), NULL, 0, 0, 0, 0, 0 }
/* A text the format requires: written (empty if need be) even when unset. */
#define EP_F_TEXT_ALWAYS(T, f, name) { name, EP_FIELD_TEXT, G_STRUCT_OFFSET (T, f), NULL, 0, 0, 0, 1, 0 }
#define EP_F_BOOL(T, f, name, d) { name, EP_FIELD_BOOLEAN, G_STRUCT_OFFSET (T, f), NULL, 0, 1, d, 0, 0 }
#define EP_F_INT(T, f, name, lo, hi, d) { name, EP_FIELD_INT, G_STRUCT_OFFSET (T, f), NULL, lo, hi, d, 0, 0 }
#define EP_F_UINT(T, f, name, lo, hi, d) { name, EP_FIELD_UINT, G_STRUCT_OFFSET (T, f), NULL, lo, hi, d, 0, 0 }
#define EP_F_DOUBLE(T, f, name, lo, hi, d) { name, EP_FIELD_DOUBLE, G_STRUCT_OFFSET (T, f), NULL, lo, hi, d, 0, 0 }
#define EP_F_ENUM(T, f, name, gtype, d) { name, EP_FIELD_ENUM, G_STRUCT_OFFSET (T, f), gtype, 0, 0, d, 0, 0 }
#define EP_F_DATE(T, f, name)    { name, EP_FIELD_DATE, G_STRUCT_OFFSET (T, f), NULL, 0, 0, 0, 0, 0 }

/* Typed accessors over a field: one getter and one setter per property. */
#define EP_DEFINE_STRING_ACCESSORS(T, t, CHECK, f, PROP) \
  const char *t##_get_##f (T *self) { g_return_val_if_fail (CHECK (self), NULL); return self->f; } \
  void t##_set_##f (T *self, const char *value) { g_return_if_fail (CHECK (self)); ep_node_set_string (self, &self->f, value, properties[PROP]); }
#define EP_DEFINE_SCALAR_ACCESSORS(T, t, CHECK, ctype, kind, f, PROP) \
  ctype t##_get_##f (T *self) { g_return_val_if_fail (CHECK (self), (ctype) 0); return self->f; } \
  void t##_set_##f (T *self, ctype value) { g_return_if_fail (CHECK (self)); ep_node_set_##kind (self, (gpointer) &self->f, value, properties[PROP]); }
#define EP_DEFINE_DATE_ACCESSORS(T, t, CHECK, f, PROP) \
  const GDate *t##_get_##f (T *self) { g_return_val_if_fail (CHECK (self), NULL); return self->f; } \
  void t##_set_##f (T *self, const GDate *value) { g_return_if_fail (CHECK (self)); ep_node_set_date (self, &self->f, value, properties[PROP]); }

/* The boilerplate every field-table class shares. */
#define EP_NODE_CLASS_BOILERPLATE(T, t) \
  static void t##_finalize (GObject *object) { ep_node_finalize_fields (object); G_OBJECT_CLASS (t##_parent_class)->finalize (object); } \
  static void t##_init (T *self) { ep_node_init_fields (self); }

G_END_DECLS
