/* ep-chart-data.h — what a chart shows: the figures, in words and numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data layer of the charts (no Cairo, no GTK). An EpChartData is built
 * once from an EpChartSpec: every number in it comes from models/ep-analysis
 * (ep_analysis_group, ep_analysis_rate, ep_analysis_track,
 * ep_analysis_aggregate); a figure without a value keeps its reason ("n < 10")
 * and is drawn as a marked empty slot, never as 0. ep-chart-render.h draws
 * it; the widget (ep-chart.h) and `eqplan chart` use both.
 */
#pragma once

#include "ep-analysis.h"
#include "ep-models.h"

G_BEGIN_DECLS

/**
 * EpChartKind:
 * @EP_CHART_KIND_GROUPS: one indicator, one period, a bar per student group,
 *   the all-students rate as a reference line, gaps labelled, n under bars
 * @EP_CHART_KIND_TREND: "turn the curve": one group and all students over
 *   the periods, with the plan's baseline, target, straight path, projection
 *   and on-track state
 * @EP_CHART_KIND_GAP: the gap between one group and all students, period
 *   by period
 * @EP_CHART_KIND_SCORECARD: a small multiple per leading and lagging
 *   indicator of the school
 * @EP_CHART_KIND_MATRIX: the plan's ideas by impact and feasibility, the
 *   chosen ones highlighted
 * @EP_CHART_KIND_ROLLUP: every school of the district ranked by the group's
 *   gap or risk ratio, the threshold marked (paginated, see ep-chart-render.h)
 */
typedef enum {
  EP_CHART_KIND_GROUPS,
  EP_CHART_KIND_TREND,
  EP_CHART_KIND_GAP,
  EP_CHART_KIND_SCORECARD,
  EP_CHART_KIND_MATRIX,
  EP_CHART_KIND_ROLLUP,
} EpChartKind;

/**
 * EpChartMeasure:
 * @EP_CHART_MEASURE_AUTO: risk ratio for outcomes to avoid (lower is
 *   better), gap otherwise
 * @EP_CHART_MEASURE_GAP: the gap to all students, in the indicator's unit
 * @EP_CHART_MEASURE_RISK_RATIO: the risk ratio against all other students
 *   (the alternate ratio where the school's comparison group is too small)
 *
 * What the district roll-up ranks schools by.
 */
typedef enum {
  EP_CHART_MEASURE_AUTO,
  EP_CHART_MEASURE_GAP,
  EP_CHART_MEASURE_RISK_RATIO,
} EpChartMeasure;

#define EP_CHART_ERROR (ep_chart_error_quark ())

typedef enum {
  EP_CHART_ERROR_NOT_FOUND,       /* no such school, indicator or plan */
  EP_CHART_ERROR_NOT_SUPPORTED,   /* e.g. a shared scorecard */
  EP_CHART_ERROR_FORMAT,          /* unknown file suffix */
  EP_CHART_ERROR_WRITE,           /* the file could not be written */
} EpChartError;

/**
 * EpChartSpec:
 * @kind: what to draw
 * @district: the district (rules, groups, schools)
 * @school: the school; not used by %EP_CHART_KIND_ROLLUP
 * @indicator: the indicator id; not used by SCORECARD and MATRIX
 * @period: (nullable): the period; %NULL for the latest in the data
 * @plan: (nullable): the plan; %NULL for the school's current plan
 * @group: (nullable): the group for TREND, GAP, SCORECARD and ROLLUP; %NULL
 *   for the plan's problem group, or else the group furthest behind
 * @language: (nullable): language of group and indicator labels (their
 *   translations in the file); %NULL for the file's own
 * @measure: what the roll-up ranks by
 * @shared: apply publication suppression (for anything leaving the team):
 *   each number ep_publish_indicator() hides becomes a marked empty slot
 *   (#EpChartItem.hidden), a gap or ratio is withheld when the count of the
 *   group or of its comparison is, an n only shown when published, and
 *   tooltips carry no counts. Not available for %EP_CHART_KIND_SCORECARD.
 */
typedef struct {
  EpChartKind     kind;
  EpDistrict     *district;
  EpSchool       *school;
  const char     *indicator;
  const char     *period;
  EpPlan         *plan;
  const char     *group;
  const char     *language;
  EpChartMeasure  measure;
  gboolean        shared;
} EpChartSpec;

/**
 * EpChartItem:
 * @label: what the item is: a group, a period, an indicator, an idea, a school
 * @detail: (nullable): a second line: the group of a small multiple, …
 * @tooltip: the exact numbers, for tooltips
 * @unit: the unit of @value (indicators differ in a scorecard)
 * @direction: whether higher or lower @value is better
 * @value: the figure drawn (a rate, a gap, a ratio, an idea's impact); its
 *   reason when it has no value
 * @reference: a second figure: all students' rate (GROUPS, SCORECARD), the
 *   gap (GROUPS), the idea's feasibility (MATRIX as value), …
 * @position: where along the x axis: a year (TREND, GAP), a feasibility
 * @n: students behind @value, 0 when unknown
 * @series: TREND: 0 the group, 1 all students, 2 the plan's baseline, target
 *   and projection
 * @highlighted: the plan's group, a chosen idea, a flagged school
 * @spark_group: SCORECARD: the group's EpFigure per period (of @spark_periods)
 * @spark_all: SCORECARD: all students' EpFigure per period
 * @hidden: (nullable): with @spec->shared, the marker printed instead of a
 *   number publication suppression withholds (the district's "*", a code
 *   such as "≥95%", the source's marker); @value then has no value
 * @x: (out): the item's box in the last render, in user units; @width is 0
 *   when it was not drawn (another page of the roll-up)
 *
 * One bar, point, small multiple, idea or school: the unit of keyboard
 * focus and tooltips.
 */
typedef struct {
  char      *label;
  char      *detail;
  char      *tooltip;
  EpUnit     unit;
  EpDirection direction;
  EpFigure   value;
  EpFigure   reference;
  double     position;
  guint      n;
  int        series;
  gboolean   highlighted;
  GArray    *spark_group;
  GArray    *spark_all;
  GPtrArray *spark_periods;
  char      *hidden;
  double     x, y, width, height;
} EpChartItem;

typedef struct _EpChartData EpChartData;

GQuark             ep_chart_error_quark         (void);
GType              ep_chart_data_get_type       (void) G_GNUC_CONST;

EpChartData       *ep_chart_data_new            (const EpChartSpec *spec,
                                                 GError           **error);
EpChartData       *ep_chart_data_ref            (EpChartData       *data);
void               ep_chart_data_unref          (EpChartData       *data);

EpChartKind        ep_chart_data_get_kind       (EpChartData       *data);
EpUnit             ep_chart_data_get_unit       (EpChartData       *data);
const char        *ep_chart_data_get_title      (EpChartData       *data);
const char        *ep_chart_data_get_subtitle   (EpChartData       *data);
const char        *ep_chart_data_get_notes      (EpChartData       *data);
const char        *ep_chart_data_get_period     (EpChartData       *data);
EpChartMeasure     ep_chart_data_get_measure    (EpChartData       *data);
guint              ep_chart_data_get_n_items    (EpChartData       *data);
EpChartItem       *ep_chart_data_get_item       (EpChartData       *data,
                                                 guint              position);
int                ep_chart_data_item_at        (EpChartData       *data,
                                                 double             x,
                                                 double             y);
char              *ep_chart_data_describe       (EpChartData       *data);
char              *ep_chart_item_explain        (const EpChartItem *item);
const char        *ep_chart_data_get_reference_hidden (EpChartData *data);

/* The geometry of the last render: the plot area and its value axis. */
void               ep_chart_data_get_plot_area  (EpChartData       *data,
                                                 double            *x,
                                                 double            *y,
                                                 double            *width,
                                                 double            *height,
                                                 double            *axis_min,
                                                 double            *axis_max);
guint              ep_chart_data_get_n_pages    (EpChartData       *data);

/* Helpers shared with the renderer and the tests. */
guint              ep_chart_nice_ticks          (double             lo,
                                                 double             hi,
                                                 guint              max_ticks,
                                                 double            *first,
                                                 double            *step);
char              *ep_chart_format_number       (double             value,
                                                 int                decimals);
char              *ep_chart_format_value        (EpUnit             unit,
                                                 double             value);
char              *ep_chart_format_gap          (EpUnit             unit,
                                                 double             gap);
char              *ep_chart_format_figure       (EpUnit             unit,
                                                 const EpFigure    *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpChartData, ep_chart_data_unref)

G_END_DECLS
