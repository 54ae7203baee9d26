/* ep-date-entry.h — a date typed in the user's locale, or picked from a
 * calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EP_TYPE_DATE_ENTRY (ep_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (EpDateEntry, ep_date_entry, EP, DATE_ENTRY, GtkWidget)

GtkWidget   *ep_date_entry_new      (void);
const GDate *ep_date_entry_get_date (EpDateEntry *self);
void         ep_date_entry_set_date (EpDateEntry *self,
                                     const GDate *date);
GtkEntry    *ep_date_entry_get_entry (EpDateEntry *self);

G_END_DECLS
