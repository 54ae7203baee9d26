/* ep-plan-view.h — a school's plan, page by page through the cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_PLAN_VIEW (ep_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (EpPlanView, ep_plan_view, EP, PLAN_VIEW, GtkWidget)

GtkWidget  *ep_plan_view_new           (void);
EpDistrict *ep_plan_view_get_district  (EpPlanView  *self);
void        ep_plan_view_set_district  (EpPlanView  *self,
                                        EpDistrict  *district);
EpSchool   *ep_plan_view_get_school    (EpPlanView  *self);
void        ep_plan_view_set_school    (EpPlanView  *self,
                                        EpSchool    *school);
EpPlan     *ep_plan_view_get_plan      (EpPlanView  *self);
void        ep_plan_view_set_plan      (EpPlanView  *self,
                                        EpPlan      *plan);
EpHistory  *ep_plan_view_get_history   (EpPlanView  *self);
void        ep_plan_view_set_history   (EpPlanView  *self,
                                        EpHistory   *history);
const char *ep_plan_view_get_page_name (EpPlanView  *self);
void        ep_plan_view_show_page     (EpPlanView  *self,
                                        EpPlanPage   page,
                                        GObject     *item);
GtkWidget  *ep_plan_view_get_page      (EpPlanView  *self,
                                        EpPlanPage   page);

G_END_DECLS
