/* ep-chart.h — a chart of the district's figures, as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with the renderer of ep-chart-render.h (the same code as printing
 * and `eqplan chart`), in the widget's CSS colour and text direction.
 * Tooltips give the exact numbers; arrow keys move a focus ring between
 * bars and points (Page Up/Down turn the roll-up's pages); the context menu
 * (right click, Menu key, Shift+F10) offers chart.copy (PNG to the
 * clipboard) and chart.export (PNG, SVG or PDF). For assistive technology
 * it is an image whose description states every figure in words.
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-chart-data.h"
#include "ep-chart-enums.h"

G_BEGIN_DECLS

#define EP_TYPE_CHART (ep_chart_get_type ())

G_DECLARE_FINAL_TYPE (EpChart, ep_chart, EP, CHART, GtkWidget)

GtkWidget   *ep_chart_new            (void);

EpChartKind  ep_chart_get_kind       (EpChart     *self);
void         ep_chart_set_kind       (EpChart     *self,
                                      EpChartKind  kind);
EpDistrict  *ep_chart_get_district   (EpChart     *self);
void         ep_chart_set_district   (EpChart     *self,
                                      EpDistrict  *district);
EpSchool    *ep_chart_get_school     (EpChart     *self);
void         ep_chart_set_school     (EpChart     *self,
                                      EpSchool    *school);
const char  *ep_chart_get_indicator  (EpChart     *self);
void         ep_chart_set_indicator  (EpChart     *self,
                                      const char  *indicator);
const char  *ep_chart_get_period     (EpChart     *self);
void         ep_chart_set_period     (EpChart     *self,
                                      const char  *period);
/* The group of TREND, GAP and ROLLUP; NULL: the plan's problem group. */
const char  *ep_chart_get_group      (EpChart     *self);
void         ep_chart_set_group      (EpChart     *self,
                                      const char  *group);
EpPlan      *ep_chart_get_plan       (EpChart     *self);
void         ep_chart_set_plan       (EpChart     *self,
                                      EpPlan      *plan);
gboolean     ep_chart_get_shared     (EpChart     *self);
void         ep_chart_set_shared     (EpChart     *self,
                                      gboolean     shared);

/* What is shown: the figures (NULL with a message when there is nothing
 * to draw), the focused item (-1 for none) and the roll-up's page. */
EpChartData *ep_chart_get_data       (EpChart     *self);
const char  *ep_chart_get_message    (EpChart     *self);
int          ep_chart_get_focus_item (EpChart     *self);
void         ep_chart_set_focus_item (EpChart     *self,
                                      int          item);
guint        ep_chart_get_page       (EpChart     *self);

gboolean     ep_chart_export         (EpChart     *self,
                                      const char  *path,
                                      int          width,
                                      int          height,
                                      GError     **error);

G_END_DECLS
