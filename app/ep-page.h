/* ep-page.h — a page of a school's plan: what the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE (ep_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (EpPage, ep_page, EP, PAGE, GtkWidget)

/**
 * EpPageClass:
 * @plan_changed: the district, school, plan or history was replaced:
 *   point the page's bindings at the new objects
 * @refresh: something in the district changed: recompute what the page
 *   derives (figures, counts, findings). Called from an idle, coalesced.
 * @focus_item: show and focus the row of @item (an action, a session…)
 */
struct _EpPageClass
{
  GtkWidgetClass parent_class;

  void (*plan_changed) (EpPage  *self);
  void (*refresh)      (EpPage  *self);
  void (*focus_item)   (EpPage  *self,
                        GObject *item);
};

EpDistrict *ep_page_get_district   (EpPage     *self);
void        ep_page_set_district   (EpPage     *self,
                                    EpDistrict *district);
EpSchool   *ep_page_get_school     (EpPage     *self);
void        ep_page_set_school     (EpPage     *self,
                                    EpSchool   *school);
EpPlan     *ep_page_get_plan       (EpPage     *self);
void        ep_page_set_plan       (EpPage     *self,
                                    EpPlan     *plan);
EpHistory  *ep_page_get_history    (EpPage     *self);
void        ep_page_set_history    (EpPage     *self,
                                    EpHistory  *history);

void        ep_page_set_context    (EpPage     *self,
                                    EpDistrict *district,
                                    EpSchool   *school,
                                    EpPlan     *plan,
                                    EpHistory  *history);
void        ep_page_refresh_now    (EpPage     *self);
void        ep_page_focus_item     (EpPage     *self,
                                    GObject    *item);
void        ep_page_fill_findings  (EpPage     *self,
                                    GtkBox     *box,
                                    EpPlanPage  page);
void        ep_page_today          (GDate      *today);
gboolean    ep_page_get_findings_deferred (EpPage *self);

G_END_DECLS
