/* ep-log-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-log-entry"

#include "config.h"

#include "ep-log-entry.h"
#include "ep-node-private.h"

struct _EpLogEntry
{
  EP_NODE_HEADER;

  GDate *date;
  EpLogKind kind;
  char *who;
  char *text;
};

G_DEFINE_FINAL_TYPE (EpLogEntry, ep_log_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_KIND,
  PROP_WHO,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  { "date", EP_FIELD_DATE, G_STRUCT_OFFSET (EpLogEntry, date), NULL, 0, 0, 0, 1, 0 },
  EP_F_ENUM (EpLogEntry, kind, "kind", ep_log_kind_get_type, EP_LOG_DECISION),
  EP_F_STRING (EpLogEntry, who, "who"),
  /* The entry's text is the element's content in .eqplan files. */
  { "text", EP_FIELD_STRING, G_STRUCT_OFFSET (EpLogEntry, text), NULL, 0, 0, 0, 0, 1 },
};

EP_NODE_CLASS_BOILERPLATE (EpLogEntry, ep_log_entry)

static void
ep_log_entry_class_init (EpLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_log_entry_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpLogEntry *
ep_log_entry_new (void)
{
  return g_object_new (EP_TYPE_LOG_ENTRY, NULL);
}

EP_DEFINE_DATE_ACCESSORS (EpLogEntry, ep_log_entry, EP_IS_LOG_ENTRY, date, PROP_DATE)
EP_DEFINE_SCALAR_ACCESSORS (EpLogEntry, ep_log_entry, EP_IS_LOG_ENTRY, EpLogKind, int, kind, PROP_KIND)
EP_DEFINE_STRING_ACCESSORS (EpLogEntry, ep_log_entry, EP_IS_LOG_ENTRY, who, PROP_WHO)
EP_DEFINE_STRING_ACCESSORS (EpLogEntry, ep_log_entry, EP_IS_LOG_ENTRY, text, PROP_TEXT)
