/* ep-district-view.h — every school's plan in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_DISTRICT_VIEW (ep_district_view_get_type ())

G_DECLARE_FINAL_TYPE (EpDistrictView, ep_district_view, EP, DISTRICT_VIEW, GtkWidget)

GtkWidget  *ep_district_view_new          (void);
EpDistrict *ep_district_view_get_district (EpDistrictView *self);
void        ep_district_view_set_district (EpDistrictView *self,
                                           EpDistrict     *district);
GListModel *ep_district_view_get_model    (EpDistrictView *self);

/* The roll-up: its chart and its choosers (0 indicator, 1 group, 2 period). */
GtkWidget  *ep_district_view_get_chart    (EpDistrictView *self);
GtkDropDown *ep_district_view_get_rollup_chooser (EpDistrictView *self,
                                                  guint           which);
const char *ep_district_view_row_get_cell (gpointer        row,
                                           guint           column);

/* The values a row shows, for tests and the window. */
const char *ep_district_view_row_get_id    (gpointer row);
const char *ep_district_view_row_get_name  (gpointer row);
EpTrackState ep_district_view_row_get_track (gpointer row);

G_END_DECLS
