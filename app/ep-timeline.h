/* ep-timeline.h — the plan's actions on the cycle's calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EP_TYPE_TIMELINE (ep_timeline_get_type ())

G_DECLARE_FINAL_TYPE (EpTimeline, ep_timeline, EP, TIMELINE, GtkWidget)

GtkWidget *ep_timeline_new       (void);
void       ep_timeline_set_model (EpTimeline  *self,
                                  GListModel  *interventions);
void       ep_timeline_set_cycle (EpTimeline  *self,
                                  const char  *cycle);
void       ep_timeline_update    (EpTimeline  *self);

G_END_DECLS
