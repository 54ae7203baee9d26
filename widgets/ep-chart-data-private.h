/* ep-chart-data-private.h — the chart data, shared with the renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-chart-data.h"

G_BEGIN_DECLS

struct _EpChartData {
  gatomicrefcount ref;
  EpChartKind     kind;
  EpUnit          unit;
  EpDirection     direction;
  EpChartMeasure  measure;
  char           *title;
  char           *subtitle;
  char           *notes;
  char           *period;
  char           *place;           /* school or district name */
  char           *indicator_name;
  char           *group_label;     /* TREND, GAP, ROLLUP: the group */
  char           *all_label;       /* "All students" */
  EpFigure        reference;       /* GROUPS: all students' rate; ROLLUP: the district's figure */
  char           *reference_hidden; /* shared: the marker standing for @reference */
  GArray         *items;           /* EpChartItem */

  /* TREND and GAP: the years on the x axis, and their period labels. */
  int             first_year, last_year;
  GHashTable     *year_labels;     /* year → "2024-25" */
  gboolean        has_plan;
  double          baseline, target;
  EpTrack         track;
  char           *track_text;

  /* SCORECARD */
  guint           n_leading;

  /* ROLLUP */
  double          threshold;
  guint           n_ranked;
  char           *missing_text;

  /* Geometry of the last render. */
  double          plot_x, plot_y, plot_w, plot_h, axis_min, axis_max;
  guint           n_pages;
};

void ep_chart_nice_range (double  lo,
                          double  hi,
                          guint   max_ticks,
                          double *axis_lo,
                          double *axis_hi,
                          double *step);

G_END_DECLS
