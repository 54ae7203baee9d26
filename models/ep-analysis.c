/* ep-analysis.c — rates, gaps, risk ratios, indices, on-track status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The methods and their sources are described in docs/ANALYTICS.md; the
 * tests in tests/test-analysis.c work each through by hand.
 */
#define G_LOG_DOMAIN "ep-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ep-analysis.h"
#include "ep-node-private.h"

/* A group's numbers in one period, in a form every method can use:
 * rate = scale × num / den. For counts, num and den are the counts; for a
 * value with n, den = n and num = value × n / scale (the amount of outcome,
 * or the sum of scores). */
typedef struct {
  EpReason reason;
  gboolean counts;      /* num and den are exact whole numbers */
  gboolean weighted;    /* den is known (counts, or a value with n) */
  double   num;
  double   den;
  double   rate;
} Stat;

static double
unit_scale (EpIndicator *indicator)
{
  switch (ep_indicator_get_unit (indicator))
    {
    case EP_UNIT_PERCENT:
    case EP_UNIT_RATE_PER_100:
      return 100.0;
    case EP_UNIT_MEAN_SCORE:
    case EP_UNIT_COUNT:
    default:
      return 1.0;
    }
}

/* Whether ratios, shares and "students needed" make sense: the indicator
 * counts students with an outcome. */
static gboolean
unit_is_rate (EpIndicator *indicator)
{
  EpUnit unit = ep_indicator_get_unit (indicator);

  return unit == EP_UNIT_PERCENT || unit == EP_UNIT_RATE_PER_100;
}

static gboolean
higher_is_better (EpIndicator *indicator)
{
  return ep_indicator_get_direction (indicator) == EP_DIRECTION_HIGHER_IS_BETTER;
}

static Stat
stat_from_measurement (EpIndicator         *indicator,
                       const EpMeasurement *m)
{
  Stat s = { EP_REASON_OK, FALSE, FALSE, 0, 0, 0 };
  double scale = unit_scale (indicator);

  if (m->flags & EP_MEASUREMENT_SUPPRESSED)
    {
      s.reason = EP_REASON_SUPPRESSED_AT_SOURCE;
      return s;
    }
  if ((m->flags & EP_MEASUREMENT_HAS_NUMERATOR) && (m->flags & EP_MEASUREMENT_HAS_DENOMINATOR))
    {
      s.counts = s.weighted = TRUE;
      s.num = m->numerator;
      s.den = m->denominator;
      if (m->denominator == 0)
        s.reason = EP_REASON_ZERO_DENOMINATOR;
      else if (ep_indicator_get_unit (indicator) == EP_UNIT_COUNT)
        s.rate = m->numerator;
      else
        s.rate = scale * s.num / s.den;
      return s;
    }
  if (m->flags & EP_MEASUREMENT_HAS_VALUE)
    {
      s.rate = m->value;
      if (m->flags & EP_MEASUREMENT_HAS_N)
        {
          s.weighted = TRUE;
          s.den = m->n;
          s.num = m->value * m->n / scale;
          if (m->n == 0)
            s.reason = EP_REASON_ZERO_DENOMINATOR;
        }
      return s;
    }
  s.reason = EP_REASON_NO_DATA;
  return s;
}

static Stat
get_stat (EpIndicator *indicator,
          const char  *group,
          const char  *period)
{
  EpMeasurement m;

  if (indicator == NULL || group == NULL || period == NULL ||
      !ep_indicator_lookup (indicator, group, period, &m))
    return (Stat) { EP_REASON_NO_DATA, FALSE, FALSE, 0, 0, 0 };
  return stat_from_measurement (indicator, &m);
}

/* The group's rate, if its size meets the minimum n. A value given
 * without n is taken as the source published it. */
static EpFigure
rate_figure (const EpAnalysisRules *rules,
             const Stat            *s)
{
  if (s->reason != EP_REASON_OK)
    return EP_FIGURE_NONE (s->reason);
  if (s->weighted && s->den < rules->min_n)
    return (EpFigure) { 0, EP_REASON_BELOW_MIN_N, rules->min_n };
  return EP_FIGURE_OK (s->rate);
}

/* All students but @g: the totals minus the group. */
static Stat
stat_others (EpIndicator *indicator,
             const Stat  *all,
             const Stat  *g)
{
  Stat s = { EP_REASON_OK, all->counts && g->counts, TRUE, 0, 0, 0 };

  if (all->reason != EP_REASON_OK && all->reason != EP_REASON_ZERO_DENOMINATOR)
    return (Stat) { EP_REASON_REFERENCE, FALSE, FALSE, 0, 0, 0 };
  if (!all->weighted || !g->weighted || g->reason != EP_REASON_OK)
    return (Stat) { EP_REASON_REFERENCE, FALSE, FALSE, 0, 0, 0 };

  s.num = all->num - g->num;
  s.den = all->den - g->den;
  /* A group larger than the whole, or with more outcomes: the data
   * disagree with themselves, and no comparison can be trusted. */
  if (s.den < 0 || s.num < -1e-9)
    return (Stat) { EP_REASON_REFERENCE, FALSE, FALSE, 0, 0, 0 };
  if (s.den == 0)
    {
      s.reason = EP_REASON_ZERO_DENOMINATOR;
      return s;
    }
  if (ep_indicator_get_unit (indicator) == EP_UNIT_COUNT)
    s.rate = s.num;
  else
    s.rate = unit_scale (indicator) * s.num / s.den;
  return s;
}

const char *
ep_analysis_all_group (EpDistrict *district)
{
  GListModel *groups;

  g_return_val_if_fail (EP_IS_DISTRICT (district), "all");

  groups = ep_district_get_groups (district);
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);

      if (ep_student_group_get_category (group) == EP_GROUP_CATEGORY_ALL)
        return ep_intern (ep_student_group_get_id (group));
    }
  return "all";
}

void
ep_analysis_rules_from_district (EpDistrict      *district,
                                 EpAnalysisRules *rules)
{
  g_return_if_fail (EP_IS_DISTRICT (district));
  g_return_if_fail (rules != NULL);

  rules->min_n = ep_district_get_min_n (district);
  rules->min_cell = ep_district_get_min_cell (district);
  rules->threshold = ep_district_get_risk_ratio_threshold (district);
  rules->periods = MAX (1, ep_district_get_risk_ratio_periods (district));
}

void
ep_analysis_init (EpAnalysis *analysis,
                  EpDistrict *district)
{
  g_return_if_fail (analysis != NULL);
  g_return_if_fail (EP_IS_DISTRICT (district));

  memset (analysis, 0, sizeof *analysis);
  analysis->district = district;
  ep_analysis_rules_from_district (district, &analysis->rules);
  analysis->reference.kind = EP_REFERENCE_ALL;
  analysis->all_group = ep_analysis_all_group (district);
}

static const char *
all_of (const EpAnalysis *analysis)
{
  return analysis->all_group ? analysis->all_group : ep_analysis_all_group (analysis->district);
}

gboolean
ep_reference_parse (const char  *text,
                    EpReference *reference)
{
  g_return_val_if_fail (reference != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;
  if (g_str_equal (text, "all"))
    *reference = (EpReference) { EP_REFERENCE_ALL, NULL };
  else if (g_str_equal (text, "others"))
    *reference = (EpReference) { EP_REFERENCE_OTHERS, NULL };
  else
    *reference = (EpReference) { EP_REFERENCE_GROUP, ep_intern (text) };
  return TRUE;
}

/* The comparison the analysis asks for, for @group. */
static Stat
reference_stat (const EpAnalysis *analysis,
                EpIndicator      *indicator,
                const char       *group,
                const char       *period,
                const Stat       *g)
{
  const char *all = all_of (analysis);

  switch (analysis->reference.kind)
    {
    case EP_REFERENCE_GROUP:
      return get_stat (indicator, analysis->reference.group, period);
    case EP_REFERENCE_OTHERS:
      {
        Stat a = get_stat (indicator, all, period);
        return stat_others (indicator, &a, g);
      }
    case EP_REFERENCE_ALL:
    default:
      return get_stat (indicator, all, period);
    }
}

static gboolean
is_reference_itself (const EpAnalysis *analysis,
                     const char       *group)
{
  const char *all = all_of (analysis);

  switch (analysis->reference.kind)
    {
    case EP_REFERENCE_GROUP:
      return g_strcmp0 (group, analysis->reference.group) == 0;
    case EP_REFERENCE_ALL:
    case EP_REFERENCE_OTHERS:
    default:
      return g_strcmp0 (group, all) == 0;
    }
}

static EpFigure
reference_figure (const EpAnalysisRules *rules,
                  const Stat            *ref)
{
  if (ref->reason == EP_REASON_NO_DATA || ref->reason == EP_REASON_SUPPRESSED_AT_SOURCE ||
      ref->reason == EP_REASON_REFERENCE)
    return EP_FIGURE_NONE (EP_REASON_REFERENCE);
  if (ref->reason == EP_REASON_ZERO_DENOMINATOR ||
      (ref->weighted && ref->den < rules->min_n))
    return (EpFigure) { 0, EP_REASON_REFERENCE_BELOW_MIN, rules->min_n };
  return EP_FIGURE_OK (ref->rate);
}

static EpFigure
gap_figure (const EpAnalysis *analysis,
            EpIndicator      *indicator,
            const char       *group,
            const char       *period)
{
  Stat g = get_stat (indicator, group, period);
  Stat ref;
  EpFigure rate = rate_figure (&analysis->rules, &g);
  EpFigure ref_rate;

  if (is_reference_itself (analysis, group) || ep_indicator_get_unit (indicator) == EP_UNIT_COUNT)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (!ep_figure_ok (&rate))
    return rate;
  ref = reference_stat (analysis, indicator, group, period, &g);
  ref_rate = reference_figure (&analysis->rules, &ref);
  if (!ep_figure_ok (&ref_rate))
    return ref_rate;
  return EP_FIGURE_OK (rate.value - ref_rate.value);
}

EpFigure
ep_analysis_rate (const EpAnalysis *analysis,
                  EpIndicator      *indicator,
                  const char       *group,
                  const char       *period)
{
  Stat g;

  g_return_val_if_fail (analysis != NULL, EP_FIGURE_NONE (EP_REASON_NO_DATA));
  g_return_val_if_fail (EP_IS_INDICATOR (indicator), EP_FIGURE_NONE (EP_REASON_NO_DATA));

  g = get_stat (indicator, group, period);
  return rate_figure (&analysis->rules, &g);
}

/* Risk of @g against a comparison, IDEA style: both must meet the
 * minimum n (students) and the minimum cell (students with the outcome). */
static EpFigure
ratio_figure (const EpAnalysisRules *rules,
              const Stat            *g,
              const Stat            *cmp)
{
  if (cmp->reason == EP_REASON_REFERENCE || cmp->reason == EP_REASON_NO_DATA ||
      cmp->reason == EP_REASON_SUPPRESSED_AT_SOURCE || !cmp->weighted)
    return EP_FIGURE_NONE (EP_REASON_REFERENCE);
  if (cmp->den < rules->min_n || cmp->den == 0)
    return (EpFigure) { 0, EP_REASON_REFERENCE_BELOW_MIN, rules->min_n };
  if (cmp->num + 1e-9 < rules->min_cell)
    return (EpFigure) { 0, EP_REASON_REFERENCE_BELOW_MIN, rules->min_cell };
  if (cmp->rate == 0)
    return EP_FIGURE_NONE (EP_REASON_ZERO_REFERENCE);
  return EP_FIGURE_OK (g->rate / cmp->rate);
}

/* The group's own checks before any ratio. */
static EpFigure
ratio_group_check (const EpAnalysisRules *rules,
                   EpIndicator           *indicator,
                   const Stat            *g)
{
  EpFigure rate = rate_figure (rules, g);

  if (!unit_is_rate (indicator))
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (!ep_figure_ok (&rate))
    return rate;
  if (!g->weighted)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (g->num + 1e-9 < rules->min_cell)
    return (EpFigure) { 0, EP_REASON_BELOW_MIN_CELL, rules->min_cell };
  return EP_FIGURE_OK (0);
}

static void
risk_ratios (const EpAnalysis *analysis,
             EpIndicator      *indicator,
             const char       *group,
             const char       *period,
             EpFigure         *rr,
             EpFigure         *alt)
{
  const char *all = all_of (analysis);
  Stat g = get_stat (indicator, group, period);
  Stat a, others;
  EpFigure check;

  if (g_strcmp0 (group, all) == 0)
    {
      *rr = *alt = EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
      return;
    }
  check = ratio_group_check (&analysis->rules, indicator, &g);
  if (!ep_figure_ok (&check))
    {
      *rr = *alt = check;
      return;
    }

  a = get_stat (indicator, all, period);
  others = stat_others (indicator, &a, &g);
  *rr = ratio_figure (&analysis->rules, &g, &others);
  *alt = EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);

  /* The alternate risk ratio stands in when the comparison group here is
   * too small (34 CFR §300.647(b)(5)): the group's risk here against all
   * other students district-wide. */
  if (rr->reason == EP_REASON_REFERENCE_BELOW_MIN && analysis->district_indicator != NULL)
    {
      Stat da = get_stat (analysis->district_indicator, all, period);
      Stat dg = get_stat (analysis->district_indicator, group, period);
      Stat dothers = stat_others (analysis->district_indicator, &da, &dg);

      *alt = ratio_figure (&analysis->rules, &g, &dothers);
    }
}

/* Whether the usable ratio this period is beyond the threshold: above it
 * for outcomes to avoid (discipline, absence), below its inverse for
 * outcomes to reach (advanced courses, proficiency). */
static gboolean
disproportionate (const EpAnalysis *analysis,
                  EpIndicator      *indicator,
                  const EpFigure   *rr,
                  const EpFigure   *alt)
{
  const EpFigure *ratio = ep_figure_ok (rr) ? rr : alt;
  double t = analysis->rules.threshold;

  if (!ep_figure_ok (ratio) || t <= 0)
    return FALSE;
  if (higher_is_better (indicator))
    return ratio->value < 1.0 / t;
  return ratio->value > t;
}

static gboolean
sustained (const EpAnalysis *analysis,
           EpIndicator      *indicator,
           const char       *group,
           const char       *period)
{
  g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);
  guint need = analysis->rules.periods;
  guint index;

  if (!g_ptr_array_find_with_equal_func (periods, period, g_str_equal, &index))
    return FALSE;
  if (index + 1 < need)
    return FALSE;
  for (guint i = index + 1 - need; i <= index; i++)
    {
      EpFigure rr, alt;

      risk_ratios (analysis, indicator, group, periods->pdata[i], &rr, &alt);
      if (!disproportionate (analysis, indicator, &rr, &alt))
        return FALSE;
    }
  return TRUE;
}

static gboolean
group_category (EpDistrict      *district,
                const char      *group,
                EpGroupCategory *category)
{
  EpStudentGroup *g = ep_district_find_group (district, group);

  if (g == NULL)
    return FALSE;
  *category = ep_student_group_get_category (g);
  return TRUE;
}

/* 80% index: the group's favourable rate ÷ the highest favourable rate of
 * the groups in its category (the "four-fifths rule"). For an outcome to
 * avoid, the favourable rate is 100 − rate. */
static EpFigure
index80_figure (const EpAnalysis *analysis,
                EpIndicator      *indicator,
                const char       *group,
                const char       *period)
{
  EpGroupCategory category;
  GListModel *groups = ep_district_get_groups (analysis->district);
  gboolean higher = higher_is_better (indicator);
  double best = -1, mine = 0;
  guint n_rated = 0;
  Stat g = get_stat (indicator, group, period);
  EpFigure rate = rate_figure (&analysis->rules, &g);

  if (!unit_is_rate (indicator) ||
      !group_category (analysis->district, group, &category) ||
      category == EP_GROUP_CATEGORY_ALL)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (!ep_figure_ok (&rate))
    return rate;
  mine = higher ? rate.value : 100.0 - rate.value;

  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(EpStudentGroup) other = g_list_model_get_item (groups, i);
      Stat s;
      EpFigure r;
      double f;

      if (ep_student_group_get_category (other) != category)
        continue;
      s = get_stat (indicator, ep_student_group_get_id (other), period);
      r = rate_figure (&analysis->rules, &s);
      if (!ep_figure_ok (&r))
        continue;
      f = higher ? r.value : 100.0 - r.value;
      best = MAX (best, f);
      n_rated++;
    }
  if (n_rated < 2)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (best <= 0)
    return EP_FIGURE_NONE (EP_REASON_ZERO_REFERENCE);
  return EP_FIGURE_OK (mine / best);
}

/* Proportionality index: the group's share of the students with the
 * outcome ÷ its share of the students. */
static EpFigure
proportionality_figure (const EpAnalysis *analysis,
                        EpIndicator      *indicator,
                        const char       *group,
                        const char       *period)
{
  const char *all = all_of (analysis);
  Stat g = get_stat (indicator, group, period);
  Stat a = get_stat (indicator, all, period);
  EpFigure rate = rate_figure (&analysis->rules, &g);

  if (!unit_is_rate (indicator) || g_strcmp0 (group, all) == 0)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (!ep_figure_ok (&rate))
    return rate;
  if (!g.weighted)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (a.reason != EP_REASON_OK || !a.weighted)
    return EP_FIGURE_NONE (EP_REASON_REFERENCE);
  if (a.num <= 0)
    return EP_FIGURE_NONE (EP_REASON_ZERO_REFERENCE);
  return EP_FIGURE_OK ((g.num / a.num) / (g.den / a.den));
}

/* Smallest whole x ≥ 0 with x ≥ n / d (d > 0), exactly for counts. */
static double
ceil_ratio (double n,
            double d,
            gboolean exact)
{
  if (n <= 0)
    return 0;
  if (exact && n < 9e15 && d < 9e15)
    {
      gint64 ni = (gint64) llround (n), di = (gint64) llround (d);
      return (double) ((ni + di - 1) / di);
    }
  return ceil (n / d - 1e-9);
}

/* How many more students of the group must reach the outcome (or, for an
 * outcome to avoid, how many fewer must have it) for the group's rate to
 * equal the reference rate. When the reference is all students, they
 * change with the group: solve (g + x) / G = (a + x) / A. */
static EpFigure
successes_to_reference (const EpAnalysis *analysis,
                        EpIndicator      *indicator,
                        const char       *group,
                        const char       *period)
{
  Stat g = get_stat (indicator, group, period);
  Stat ref;
  EpFigure rate = rate_figure (&analysis->rules, &g);
  EpFigure ref_rate;
  gboolean higher = higher_is_better (indicator);
  gboolean exact;
  double n, d;

  if (!unit_is_rate (indicator) || is_reference_itself (analysis, group))
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (!ep_figure_ok (&rate))
    return rate;
  if (!g.weighted)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  ref = reference_stat (analysis, indicator, group, period, &g);
  ref_rate = reference_figure (&analysis->rules, &ref);
  if (!ep_figure_ok (&ref_rate))
    return ref_rate;
  if (!ref.weighted)
    return EP_FIGURE_NONE (EP_REASON_REFERENCE);
  exact = g.counts && ref.counts;

  if (analysis->reference.kind == EP_REFERENCE_ALL)
    {
      /* x ≥ (a·G − g·A) / (A − G) to raise; the sign turns to lower. */
      d = ref.den - g.den;
      if (d <= 0)
        return EP_FIGURE_OK (0);  /* the group is the whole school */
      n = higher ? ref.num * g.den - g.num * ref.den : g.num * ref.den - ref.num * g.den;
    }
  else
    {
      /* The reference does not move: x ≥ (r·G − g·R) / R. */
      d = ref.den;
      n = higher ? ref.num * g.den - g.num * ref.den : g.num * ref.den - ref.num * g.den;
    }
  return EP_FIGURE_OK (ceil_ratio (n, d, exact));
}

EpFigure
ep_analysis_successes_to_rate (EpIndicator *indicator,
                               const char  *group,
                               const char  *period,
                               double       rate)
{
  Stat g;
  double scale, need;

  g_return_val_if_fail (EP_IS_INDICATOR (indicator), EP_FIGURE_NONE (EP_REASON_NO_DATA));

  g = get_stat (indicator, group, period);
  if (!unit_is_rate (indicator))
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  if (g.reason != EP_REASON_OK)
    return EP_FIGURE_NONE (g.reason);
  if (!g.weighted)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);

  scale = unit_scale (indicator);
  /* Students at the target rate: rate × G / scale. */
  if (higher_is_better (indicator))
    need = rate * g.den / scale - g.num;
  else
    need = g.num - rate * g.den / scale;
  if (need <= 1e-9)
    return EP_FIGURE_OK (0);
  return EP_FIGURE_OK (ceil (need - 1e-9));
}

void
ep_analysis_group (const EpAnalysis *analysis,
                   EpIndicator      *indicator,
                   const char       *group,
                   const char       *period,
                   EpGroupFigures   *out)
{
  Stat g, ref;

  g_return_if_fail (analysis != NULL && EP_IS_DISTRICT (analysis->district));
  g_return_if_fail (EP_IS_INDICATOR (indicator));
  g_return_if_fail (group != NULL && period != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->group = ep_intern (group);
  out->period = ep_intern (period);
  out->has_measurement = ep_indicator_lookup (indicator, group, period, &out->measurement);

  g = get_stat (indicator, group, period);
  out->rate = rate_figure (&analysis->rules, &g);

  ref = reference_stat (analysis, indicator, group, period, &g);
  if (ep_figure_ok (&out->rate) || ref.reason != EP_REASON_REFERENCE)
    out->reference_rate = reference_figure (&analysis->rules, &ref);
  else
    out->reference_rate = EP_FIGURE_NONE (EP_REASON_REFERENCE);

  out->gap = gap_figure (analysis, indicator, group, period);
  if (analysis->baseline_period == NULL)
    out->gap_change = EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  else if (!ep_figure_ok (&out->gap))
    out->gap_change = out->gap;
  else
    {
      EpFigure before = gap_figure (analysis, indicator, group, analysis->baseline_period);

      out->gap_change = ep_figure_ok (&before) ? EP_FIGURE_OK (out->gap.value - before.value) : before;
    }

  risk_ratios (analysis, indicator, group, period, &out->risk_ratio, &out->alt_risk_ratio);
  if (!ep_figure_ok (&out->risk_ratio) && ep_figure_ok (&out->alt_risk_ratio))
    out->flags |= EP_FLAG_ALTERNATE;
  if (disproportionate (analysis, indicator, &out->risk_ratio, &out->alt_risk_ratio))
    {
      out->flags |= EP_FLAG_DISPROPORTIONATE;
      if (sustained (analysis, indicator, group, period))
        out->flags |= EP_FLAG_SUSTAINED;
    }

  out->index80 = index80_figure (analysis, indicator, group, period);
  if (ep_figure_ok (&out->index80) && out->index80.value < 0.8)
    out->flags |= EP_FLAG_BELOW_80;
  out->proportionality = proportionality_figure (analysis, indicator, group, period);
  out->successes_needed = successes_to_reference (analysis, indicator, group, period);
}

/* Weighted risk ratio (Westat 2004, for IDEA): the group's risk ÷ the
 * other groups' risks weighted by the district's composition instead of
 * the school's own, so that schools with different make-ups compare:
 *   WRR = R_g / ( Σ_{j≠g} p_j R_j / Σ_{j≠g} p_j )
 * over the groups j of the group's category with a risk at the school,
 * p_j being group j's share of the district's students. */
EpFigure
ep_analysis_weighted_risk_ratio (const EpAnalysis *analysis,
                                 EpIndicator      *indicator,
                                 const char       *group,
                                 const char       *period)
{
  GListModel *groups;
  EpGroupCategory category;
  Stat g;
  EpFigure check;
  double district_total = 0, weight = 0, weighted_risk = 0;

  g_return_val_if_fail (analysis != NULL, EP_FIGURE_NONE (EP_REASON_NO_DATA));
  g_return_val_if_fail (EP_IS_INDICATOR (indicator), EP_FIGURE_NONE (EP_REASON_NO_DATA));

  if (analysis->district_indicator == NULL ||
      !group_category (analysis->district, group, &category) ||
      category == EP_GROUP_CATEGORY_ALL)
    return EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);

  g = get_stat (indicator, group, period);
  check = ratio_group_check (&analysis->rules, indicator, &g);
  if (!ep_figure_ok (&check))
    return check;

  groups = ep_district_get_groups (analysis->district);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
      {
        g_autoptr(EpStudentGroup) other = g_list_model_get_item (groups, i);
        const char *id = ep_student_group_get_id (other);
        Stat d, s;
        EpFigure r;

        if (ep_student_group_get_category (other) != category)
          continue;
        d = get_stat (analysis->district_indicator, id, period);
        if (d.reason != EP_REASON_OK || !d.weighted)
          continue;
        if (pass == 0)
          {
            district_total += d.den;
            continue;
          }
        if (g_strcmp0 (id, group) == 0)
          continue;
        s = get_stat (indicator, id, period);
        r = rate_figure (&analysis->rules, &s);
        if (!ep_figure_ok (&r) || !s.weighted)
          continue;
        weight += d.den / district_total;
        weighted_risk += d.den / district_total * r.value;
      }

  if (weight <= 0)
    return EP_FIGURE_NONE (EP_REASON_REFERENCE);
  if (weighted_risk <= 0)
    return EP_FIGURE_NONE (EP_REASON_ZERO_REFERENCE);
  return EP_FIGURE_OK (g.rate / (weighted_risk / weight));
}

typedef struct {
  double num, den;        /* sums over schools */
  gboolean values;        /* some school gave a value with n */
} Sum;

/**
 * ep_analysis_aggregate:
 * @n_omitted: (out) (optional): school cells left out because they were
 *   suppressed at source or carried a value without n
 *
 * The district roll-up of one indicator: for each group and period, the
 * sums of the schools' counts (or the n-weighted mean of their values).
 *
 * Returns: (transfer full) (nullable): a new indicator, not part of any
 *   school, or %NULL when no school has the indicator
 */
EpIndicator *
ep_analysis_aggregate (EpDistrict *district,
                       const char *indicator_id,
                       guint      *n_omitted)
{
  GListModel *schools;
  g_autoptr(GHashTable) sums = NULL;
  GHashTableIter iter;
  gpointer k, v;
  EpIndicator *result = NULL;
  guint omitted = 0;
  double scale = 1;

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (indicator_id != NULL, NULL);

  sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  schools = ep_district_get_schools (district);
  for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      EpIndicator *indicator = ep_school_find_indicator (school, indicator_id);

      if (indicator == NULL)
        continue;
      if (result == NULL)
        {
          result = ep_indicator_new (indicator_id);
          ep_indicator_set_name (result, ep_indicator_get_name (indicator));
          ep_indicator_set_kind (result, ep_indicator_get_kind (indicator));
          ep_indicator_set_direction (result, ep_indicator_get_direction (indicator));
          ep_indicator_set_unit (result, ep_indicator_get_unit (indicator));
          scale = unit_scale (indicator);
        }
      for (guint j = 0, m = ep_indicator_get_n_measurements (indicator); j < m; j++)
        {
          EpMeasurement meas;
          Stat s;
          Sum *sum;
          char *key;

          ep_indicator_get_nth (indicator, j, &meas);
          s = stat_from_measurement (indicator, &meas);
          if (!s.weighted || (s.reason != EP_REASON_OK && s.reason != EP_REASON_ZERO_DENOMINATOR))
            {
              omitted++;
              continue;
            }
          key = g_strconcat (meas.group, "\x1f", meas.period, NULL);
          sum = g_hash_table_lookup (sums, key);
          if (sum == NULL)
            {
              sum = g_new0 (Sum, 1);
              g_hash_table_insert (sums, key, sum);
            }
          else
            g_free (key);
          sum->num += s.num;
          sum->den += s.den;
          sum->values |= !s.counts;
        }
    }
  if (result == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      const char *key = k;
      const Sum *sum = v;
      const char *sep = strchr (key, '\x1f');
      g_autofree char *group = g_strndup (key, sep - key);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (!sum->values && sum->den <= G_MAXUINT32)
        ok = ep_indicator_set_count (result, group, sep + 1, (guint32) sum->num, (guint32) sum->den, &error);
      else
        ok = ep_indicator_set_value (result, group, sep + 1,
                                     sum->den > 0 ? scale * sum->num / sum->den : 0,
                                     (guint32) MIN (sum->den, G_MAXUINT32), &error);
      if (!ok)
        {
          g_warning ("Cannot roll up %s: %s", key, error->message);
          omitted++;
        }
    }

  if (n_omitted != NULL)
    *n_omitted = omitted;
  return result;
}

/* The school year a period belongs to: its first year, "2024-25" → 2024,
 * "2024" → 2024, "2024-25 S1" → 2024. -1 when the period names no year. */
int
ep_period_year (const char *period)
{
  int year = 0, digits = 0;

  if (period == NULL)
    return -1;
  while (*period == ' ')
    period++;
  for (; g_ascii_isdigit (*period) && digits < 4; period++, digits++)
    year = year * 10 + (*period - '0');
  if (digits != 4 || g_ascii_isdigit (*period))
    return -1;
  return year;
}

const char *
ep_track_state_to_string (EpTrackState state)
{
  switch (state)
    {
    case EP_TRACK_AHEAD:
      return "ahead";
    case EP_TRACK_ON:
      return "on-track";
    case EP_TRACK_BEHIND:
      return "behind";
    case EP_TRACK_UNKNOWN:
    default:
      return "unknown";
    }
}

/**
 * ep_analysis_track:
 * @period: (nullable): the period to judge; %NULL for the latest with a
 *   value for the plan's group
 *
 * The path is the straight line from (baseline year, baseline) to (target
 * year, target); after the target year it stays at the target. The
 * projection is the least-squares line through the baseline and every
 * later value up to @period, read at the target year.
 */
void
ep_analysis_track (const EpAnalysis *analysis,
                   EpSchool         *school,
                   EpPlan           *plan,
                   const char       *period,
                   EpTrack          *out)
{
  EpIndicator *indicator;
  const char *group;
  g_autoptr(GPtrArray) periods = NULL;
  double baseline, target, sx = 0, sy = 0, sxx = 0, sxy = 0, better;
  guint points = 0;

  g_return_if_fail (analysis != NULL);
  g_return_if_fail (EP_IS_SCHOOL (school));
  g_return_if_fail (EP_IS_PLAN (plan));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->state = EP_TRACK_UNKNOWN;
  out->reason = EP_REASON_NOT_APPLICABLE;
  out->current = out->path = out->projected = out->successes_to_target =
    EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);

  group = ep_plan_get_problem_group (plan);
  indicator = ep_plan_get_problem_indicator (plan)
    ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;
  out->baseline_year = ep_period_year (ep_plan_get_baseline_period (plan));
  out->target_year = ep_period_year (ep_plan_get_target_period (plan));
  if (group == NULL || indicator == NULL ||
      !ep_plan_get_has_baseline (plan) || !ep_plan_get_has_target (plan) ||
      out->baseline_year < 0 || out->target_year <= out->baseline_year)
    return;
  baseline = ep_plan_get_baseline (plan);
  target = ep_plan_get_target (plan);

  periods = ep_indicator_list_periods (indicator);
  if (period == NULL)
    {
      for (guint i = periods->len; i-- > 0;)
        {
          EpFigure r = ep_analysis_rate (analysis, indicator, group, periods->pdata[i]);
          int y = ep_period_year (periods->pdata[i]);

          if (ep_figure_ok (&r) && y >= out->baseline_year)
            {
              period = periods->pdata[i];
              break;
            }
        }
      if (period == NULL)
        {
          out->reason = EP_REASON_NO_DATA;
          return;
        }
    }
  out->period = ep_intern (period);
  out->year = ep_period_year (period);
  if (out->year < out->baseline_year)
    return;

  out->current = ep_analysis_rate (analysis, indicator, group, period);
  out->successes_to_target = ep_analysis_successes_to_rate (indicator, group, period, target);
  if (!ep_figure_ok (&out->current))
    {
      out->reason = out->current.reason;
      return;
    }

  if (out->year >= out->target_year)
    out->path = EP_FIGURE_OK (target);
  else
    out->path = EP_FIGURE_OK (baseline + (target - baseline) *
                              (out->year - out->baseline_year) /
                              (double) (out->target_year - out->baseline_year));

  /* At the baseline itself there is nothing to judge yet: the value is
   * the baseline, and "on track" would claim progress not measured. */
  if (out->year == out->baseline_year)
    {
      out->reason = EP_REASON_NO_LATER_PERIOD;
      return;
    }

  better = out->current.value - out->path.value;
  if (ep_indicator_get_direction (indicator) == EP_DIRECTION_LOWER_IS_BETTER)
    better = -better;
  out->reason = EP_REASON_OK;
  if (fabs (better) < 0.05)
    out->state = EP_TRACK_ON;
  else
    out->state = better > 0 ? EP_TRACK_AHEAD : EP_TRACK_BEHIND;

  /* Least squares through (baseline year, baseline) and the values since. */
#define ADD_POINT(x, y) G_STMT_START { sx += (x); sy += (y); sxx += (x) * (x); sxy += (x) * (y); points++; } G_STMT_END
  ADD_POINT (0.0, baseline);
  for (guint i = 0; i < periods->len; i++)
    {
      int y = ep_period_year (periods->pdata[i]);
      EpFigure r;

      if (y <= out->baseline_year || y > out->year)
        continue;
      r = ep_analysis_rate (analysis, indicator, group, periods->pdata[i]);
      if (ep_figure_ok (&r))
        ADD_POINT ((double) (y - out->baseline_year), r.value);
    }
#undef ADD_POINT
  if (points >= 2 && points * sxx - sx * sx > 0)
    {
      double slope = (points * sxy - sx * sy) / (points * sxx - sx * sx);
      double intercept = (sy - slope * sx) / points;

      out->projected = EP_FIGURE_OK (intercept + slope * (out->target_year - out->baseline_year));
    }
  else
    out->projected = EP_FIGURE_NONE (EP_REASON_NO_DATA);
}

/**
 * ep_figure_explain:
 *
 * Returns: (transfer full): why @figure has no value, in words for people;
 *   an empty string when it has one
 */
char *
ep_figure_explain (const EpFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  switch (figure->reason)
    {
    case EP_REASON_OK:
      return g_strdup ("");
    case EP_REASON_NO_DATA:
      return g_strdup (_("no data"));
    case EP_REASON_SUPPRESSED_AT_SOURCE:
      return g_strdup (_("suppressed at source"));
    case EP_REASON_ZERO_DENOMINATOR:
      return g_strdup (_("no students"));
    case EP_REASON_BELOW_MIN_N:
      /* Translators: "n" is the number of students in a group, as in
       * "n < 10"; keep the letter if your language's reports use it */
      return g_strdup_printf (_("n < %u"), figure->limit);
    case EP_REASON_BELOW_MIN_CELL:
      return g_strdup_printf (ngettext ("fewer than %u student with the outcome",
                                        "fewer than %u students with the outcome",
                                        figure->limit), figure->limit);
    case EP_REASON_REFERENCE:
      return g_strdup (_("no figure for the comparison group"));
    case EP_REASON_REFERENCE_BELOW_MIN:
      /* Translators: the comparison group is below the minimum n or cell size */
      return g_strdup_printf (_("comparison group too small (minimum %u)"), figure->limit);
    case EP_REASON_ZERO_REFERENCE:
      return g_strdup (_("comparison rate is zero"));
    case EP_REASON_NO_LATER_PERIOD:
      /* Translators: why a plan is not yet on or off track */
      return g_strdup (_("no data after the baseline period yet"));
    case EP_REASON_NOT_APPLICABLE:
    default:
      /* Translators: a figure that this method does not give, e.g. a risk ratio of mean scores */
      return g_strdup (_("not applicable"));
    }
}

/**
 * ep_figure_code:
 *
 * Returns: (transfer full): a short, stable, untranslated word for why
 *   @figure has no value, for files and scripts ("n<20", "no-data"); "ok"
 *   when it has one
 */
char *
ep_figure_code (const EpFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  switch (figure->reason)
    {
    case EP_REASON_OK:
      return g_strdup ("ok");
    case EP_REASON_NO_DATA:
      return g_strdup ("no-data");
    case EP_REASON_SUPPRESSED_AT_SOURCE:
      return g_strdup ("source");
    case EP_REASON_ZERO_DENOMINATOR:
      return g_strdup ("no-students");
    case EP_REASON_BELOW_MIN_N:
      return g_strdup_printf ("n<%u", figure->limit);
    case EP_REASON_BELOW_MIN_CELL:
      return g_strdup_printf ("cell<%u", figure->limit);
    case EP_REASON_REFERENCE:
      return g_strdup ("no-reference");
    case EP_REASON_REFERENCE_BELOW_MIN:
      return g_strdup_printf ("reference<%u", figure->limit);
    case EP_REASON_ZERO_REFERENCE:
      return g_strdup ("zero-reference");
    case EP_REASON_NO_LATER_PERIOD:
      return g_strdup ("no-later-period");
    case EP_REASON_NOT_APPLICABLE:
    default:
      return g_strdup ("n/a");
    }
}

char *
ep_flags_to_string (guint flags)
{
  GString *s = g_string_new (NULL);
  static const struct { guint flag; const char *word; } words[] = {
    { EP_FLAG_DISPROPORTIONATE, "disproportionate" },
    { EP_FLAG_SUSTAINED, "sustained" },
    { EP_FLAG_ALTERNATE, "alternate" },
    { EP_FLAG_BELOW_80, "below-80" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (flags & words[i].flag)
      {
        if (s->len > 0)
          g_string_append_c (s, ',');
        g_string_append (s, words[i].word);
      }
  return g_string_free (s, FALSE);
}
