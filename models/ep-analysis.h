/* ep-analysis.h — the numbers of equity work: rates, gaps, risk ratios,
 * the 80% index, proportionality, successes needed, on-track status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One implementation for the app, the charts, the reports and `eqplan`.
 * Every figure either holds a value or says why it has none ("n < 20"),
 * never a 0 standing in for "unknown". Methods and their sources are in
 * docs/ANALYTICS.md.
 */
#pragma once

#include "ep-district.h"
#include "ep-indicator.h"
#include "ep-plan.h"
#include "ep-school.h"

G_BEGIN_DECLS

/**
 * EpReason:
 * @EP_REASON_OK: the figure has a value
 * @EP_REASON_NO_DATA: no measurement for this group and period
 * @EP_REASON_SUPPRESSED_AT_SOURCE: the source did not publish the number
 * @EP_REASON_ZERO_DENOMINATOR: the group has no students
 * @EP_REASON_BELOW_MIN_N: fewer students in the group than the minimum n
 * @EP_REASON_BELOW_MIN_CELL: fewer students with the outcome than the
 *   minimum cell size (risk ratios only, as in IDEA)
 * @EP_REASON_REFERENCE: the comparison group has no usable figure
 * @EP_REASON_REFERENCE_BELOW_MIN: the comparison group is below the
 *   minimum n or cell size
 * @EP_REASON_ZERO_REFERENCE: the comparison rate is zero, so a ratio has
 *   no value
 * @EP_REASON_NOT_APPLICABLE: the method does not apply (a ratio of mean
 *   scores, the reference group against itself, an alternate risk ratio
 *   when the ordinary one can be computed)
 * @EP_REASON_NO_LATER_PERIOD: a track needs a period after the baseline's,
 *   and the data have none yet
 */
typedef enum {
  EP_REASON_OK,
  EP_REASON_NO_DATA,
  EP_REASON_SUPPRESSED_AT_SOURCE,
  EP_REASON_ZERO_DENOMINATOR,
  EP_REASON_BELOW_MIN_N,
  EP_REASON_BELOW_MIN_CELL,
  EP_REASON_REFERENCE,
  EP_REASON_REFERENCE_BELOW_MIN,
  EP_REASON_ZERO_REFERENCE,
  EP_REASON_NOT_APPLICABLE,
  EP_REASON_NO_LATER_PERIOD,
} EpReason;

/**
 * EpFigure:
 * @value: the value, when @reason is %EP_REASON_OK
 * @reason: why there is no value, or %EP_REASON_OK
 * @limit: for the "below minimum" reasons, the minimum that was not met
 */
typedef struct {
  double   value;
  EpReason reason;
  guint    limit;
} EpFigure;

#define EP_FIGURE_OK(v)       ((EpFigure) { (v), EP_REASON_OK, 0 })
#define EP_FIGURE_NONE(r)     ((EpFigure) { 0.0, (r), 0 })

static inline gboolean
ep_figure_ok (const EpFigure *figure)
{
  return figure->reason == EP_REASON_OK;
}

char       *ep_figure_explain  (const EpFigure *figure);
char       *ep_figure_code     (const EpFigure *figure);

typedef enum {
  EP_REFERENCE_ALL,     /* all students, the group included */
  EP_REFERENCE_OTHERS,  /* all students but the group */
  EP_REFERENCE_GROUP,   /* a named group */
} EpReferenceKind;

typedef struct {
  EpReferenceKind kind;
  const char     *group;   /* for EP_REFERENCE_GROUP */
} EpReference;

gboolean    ep_reference_parse (const char     *text,
                                EpReference    *reference);

/* The district's settings the methods use. */
typedef struct {
  guint  min_n;             /* students in a group */
  guint  min_cell;          /* students with the outcome, for ratios */
  double threshold;         /* risk ratio flagged above this */
  guint  periods;           /* … for this many consecutive periods */
} EpAnalysisRules;

void        ep_analysis_rules_from_district (EpDistrict      *district,
                                             EpAnalysisRules *rules);

typedef enum {
  EP_FLAG_DISPROPORTIONATE = 1 << 0,  /* risk ratio beyond the threshold this period */
  EP_FLAG_SUSTAINED        = 1 << 1,  /* … in this and the N − 1 periods before it */
  EP_FLAG_ALTERNATE        = 1 << 2,  /* the ratio is the alternate risk ratio */
  EP_FLAG_BELOW_80         = 1 << 3,  /* 80% index under 0.8 */
} EpFlags;

char       *ep_flags_to_string (guint flags);

/**
 * EpAnalysis:
 *
 * The setting of a calculation: the district (rules, group categories),
 * the reference group, the baseline period for changes, and optionally the
 * district-wide roll-up of the same indicator for alternate risk ratios.
 */
typedef struct {
  EpDistrict      *district;
  EpAnalysisRules  rules;
  EpReference      reference;
  const char      *baseline_period;     /* NULL: no change since baseline */
  EpIndicator     *district_indicator;  /* NULL: no alternate risk ratio */
  const char      *all_group;           /* set by ep_analysis_init() */
} EpAnalysis;

void        ep_analysis_init (EpAnalysis  *analysis,
                              EpDistrict  *district);

/**
 * EpGroupFigures:
 *
 * Everything the field computes for one group, one indicator, one period.
 * Rates are in the indicator's unit: percent (0–100) for percent and
 * rate-per-100 indicators, the score for mean scores; gaps are in the same
 * unit (percentage points for percents).
 */
typedef struct {
  const char   *group;
  const char   *period;
  gboolean      has_measurement;
  EpMeasurement measurement;
  EpFigure      rate;
  EpFigure      reference_rate;
  EpFigure      gap;               /* rate − reference rate */
  EpFigure      gap_change;        /* gap now − gap in the baseline period */
  EpFigure      risk_ratio;        /* against all other students here */
  EpFigure      alt_risk_ratio;    /* against all other students district-wide,
                                      when the comparison here is too small */
  EpFigure      index80;           /* favourable rate ÷ best group's in the category */
  EpFigure      proportionality;   /* share of the outcome ÷ share of students */
  EpFigure      successes_needed;  /* students to reach the reference rate */
  guint         flags;             /* EpFlags */
} EpGroupFigures;

void         ep_analysis_group     (const EpAnalysis *analysis,
                                    EpIndicator      *indicator,
                                    const char       *group,
                                    const char       *period,
                                    EpGroupFigures   *out);

EpFigure     ep_analysis_rate      (const EpAnalysis *analysis,
                                    EpIndicator      *indicator,
                                    const char       *group,
                                    const char       *period);

EpFigure     ep_analysis_weighted_risk_ratio (const EpAnalysis *analysis,
                                              EpIndicator      *indicator,
                                              const char       *group,
                                              const char       *period);

EpFigure     ep_analysis_successes_to_rate (EpIndicator *indicator,
                                            const char  *group,
                                            const char  *period,
                                            double       rate);

EpIndicator *ep_analysis_aggregate (EpDistrict *district,
                                    const char *indicator_id,
                                    guint      *n_omitted);

const char  *ep_analysis_all_group (EpDistrict *district);

int          ep_period_year        (const char *period);

typedef enum {
  EP_TRACK_UNKNOWN,   /* not enough in the plan or the data to say */
  EP_TRACK_AHEAD,     /* better than the straight path to the target */
  EP_TRACK_ON,        /* on the path (within 0.05 of it) */
  EP_TRACK_BEHIND,    /* worse than the path */
} EpTrackState;

/**
 * EpTrack:
 *
 * Where a plan's problem statement stands: the group's value in a period
 * against the straight path from the baseline to the target, and the value
 * the trend so far projects for the target year.
 */
typedef struct {
  EpTrackState state;
  EpReason     reason;            /* why UNKNOWN */
  const char  *period;            /* the period judged */
  EpFigure     current;           /* the group's value then */
  EpFigure     path;              /* the path's value then */
  EpFigure     projected;         /* least-squares trend at the target year */
  EpFigure     successes_to_target;
  int          baseline_year;
  int          target_year;
  int          year;
} EpTrack;

void         ep_analysis_track     (const EpAnalysis *analysis,
                                    EpSchool         *school,
                                    EpPlan           *plan,
                                    const char       *period,
                                    EpTrack          *out);

const char  *ep_track_state_to_string (EpTrackState state);

G_END_DECLS
