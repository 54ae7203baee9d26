/* ep-log-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_LOG_ENTRY (ep_log_entry_get_type ())

/**
 * EpLogEntry:
 *
 * A dated entry of the decision log: a decision, adjustment, outcome or feedback, and who made it.
 */
G_DECLARE_FINAL_TYPE (EpLogEntry, ep_log_entry, EP, LOG_ENTRY, GObject)

EpLogEntry *ep_log_entry_new (void);

const GDate *ep_log_entry_get_date (EpLogEntry *self);
void ep_log_entry_set_date (EpLogEntry *self, const GDate *date);
EpLogKind ep_log_entry_get_kind (EpLogEntry *self);
void ep_log_entry_set_kind (EpLogEntry *self, EpLogKind kind);
const char *ep_log_entry_get_who (EpLogEntry *self);
void ep_log_entry_set_who (EpLogEntry *self, const char *who);
const char *ep_log_entry_get_text (EpLogEntry *self);
void ep_log_entry_set_text (EpLogEntry *self, const char *text);

G_END_DECLS
