/* ep-rollup.c — what the district view and the board packet share, so that
 * the window and the printed packet cannot disagree: which indicator and
 * group the district roll-up shows by default, and the gap trend of a
 * school's problem statement (the latest period against the one before,
 * with its unit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ep-rollup.h"
#include "ep-plan.h"
#include "ep-school.h"
#include "ep-node-private.h"

static guint
reporting (EpDistrict *district,
           const char *indicator)
{
  GListModel *schools = ep_district_get_schools (district);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);

      n += ep_school_find_indicator (school, indicator) != NULL;
    }
  return n;
}

/**
 * ep_rollup_choose:
 * @district: the district
 * @schools: (nullable) (element-type EpSchool): the schools to count; %NULL
 *   for all of the district's
 * @cycle: (nullable): the plans of this cycle; %NULL for the current plans
 * @indicator: (out) (transfer full) (nullable): the indicator, %NULL when no
 *   plan has a problem indicator and group
 * @group: (out) (transfer full) (nullable): the group
 *
 * The roll-up's indicator and group: the pair most plans chose as their
 * problem statement; ties go to the indicator more schools report, then to
 * the first in alphabetical order.
 */
void
ep_rollup_choose (EpDistrict  *district,
                  GPtrArray   *schools,
                  const char  *cycle,
                  char       **indicator,
                  char       **group)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = NULL;
  guint best = 0;

  g_return_if_fail (EP_IS_DISTRICT (district));
  g_return_if_fail (indicator != NULL && group != NULL);

  *indicator = *group = NULL;
  if (schools == NULL)
    {
      GListModel *list = ep_district_get_schools (district);

      all = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (all, g_list_model_get_item (list, i));
      schools = all;
    }
  for (guint i = 0; i < schools->len; i++)
    {
      EpSchool *school = schools->pdata[i];
      EpPlan *plan = cycle ? ep_school_find_plan (school, cycle) : ep_school_get_current_plan (school);
      g_autofree char *key = NULL;
      guint count;

      if (plan == NULL || ep_plan_get_problem_indicator (plan) == NULL || ep_plan_get_problem_group (plan) == NULL)
        continue;
      key = g_strconcat (ep_plan_get_problem_indicator (plan), "\x1f", ep_plan_get_problem_group (plan), NULL);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
      g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (count));
      /* Ties: the indicator more schools report. */
      count = count * 100000 + reporting (district, ep_plan_get_problem_indicator (plan));
      if (count > best || (count == best && g_strcmp0 (key, *indicator) < 0))
        {
          best = count;
          g_free (*indicator);
          *indicator = g_strdup (key);
        }
    }
  if (*indicator)
    {
      char *sep = strchr (*indicator, '\x1f');

      *group = g_strdup (sep + 1);
      *sep = '\0';
    }
}

/**
 * ep_gap_trend_periods:
 * @indicator: an indicator
 * @period: (out) (nullable): its latest period
 * @previous: (out) (nullable): the one before it
 *
 * The two periods a gap trend compares.
 */
void
ep_gap_trend_periods (EpIndicator  *indicator,
                      const char  **period,
                      const char  **previous)
{
  g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);

  *period = periods->len ? ep_intern (periods->pdata[periods->len - 1]) : NULL;
  *previous = periods->len > 1 ? ep_intern (periods->pdata[periods->len - 2]) : NULL;
}

/**
 * ep_gap_trend_compute:
 * @gap_before: the group's gap to all students in the earlier period
 * @gap_now: and in the later
 * @unit: the indicator's unit
 * @out: (out): the trend
 *
 * Sizes are compared (a gap of −5 and one of +5 are as wide); a change of
 * less than 0.05 is no change.
 */
void
ep_gap_trend_compute (double      gap_before,
                      double      gap_now,
                      EpUnit      unit,
                      EpGapTrend *out)
{
  double now = fabs (gap_now), before = fabs (gap_before);

  out->unit = unit;
  out->change = now - before;
  if (now < before - 0.05)
    out->direction = EP_GAP_NARROWER;
  else if (now > before + 0.05)
    out->direction = EP_GAP_WIDER;
  else
    out->direction = EP_GAP_SAME;
}

/**
 * ep_gap_trend_analyse:
 * @analysis: the district's rules
 * @indicator: the plan's problem indicator
 * @group: the plan's problem group
 * @out: (out): the trend; %EP_GAP_UNKNOWN when there is no earlier period
 *   or a rate is missing
 *
 * The gap trend from the team's own numbers (no publication suppression;
 * the packet compares the same periods, with its published numbers, through
 * ep_gap_trend_compute()).
 *
 * Returns: whether the trend is known
 */
gboolean
ep_gap_trend_analyse (const EpAnalysis *analysis,
                      EpIndicator      *indicator,
                      const char       *group,
                      EpGapTrend       *out)
{
  const char *all, *period, *previous;
  EpFigure now, all_now, before, all_before;

  memset (out, 0, sizeof *out);
  out->direction = EP_GAP_UNKNOWN;
  g_return_val_if_fail (analysis != NULL && EP_IS_INDICATOR (indicator), FALSE);
  out->unit = ep_indicator_get_unit (indicator);
  all = ep_analysis_all_group (analysis->district);
  ep_gap_trend_periods (indicator, &period, &previous);
  if (group == NULL || all == NULL || previous == NULL)
    return FALSE;
  now = ep_analysis_rate (analysis, indicator, group, period);
  all_now = ep_analysis_rate (analysis, indicator, all, period);
  before = ep_analysis_rate (analysis, indicator, group, previous);
  all_before = ep_analysis_rate (analysis, indicator, all, previous);
  if (!ep_figure_ok (&now) || !ep_figure_ok (&all_now) || !ep_figure_ok (&before) || !ep_figure_ok (&all_before))
    return FALSE;
  ep_gap_trend_compute (before.value - all_before.value, now.value - all_now.value, out->unit, out);
  return TRUE;
}

/**
 * ep_gap_trend_format:
 * @trend: a trend
 *
 * Returns: (transfer full) (nullable): "↗ wider by 4.0 pp", "↘ narrower by
 *   1.5 pp", "→ unchanged"; %NULL for an unknown trend
 */
char *
ep_gap_trend_format (const EpGapTrend *trend)
{
  g_autofree char *size = NULL;

  g_return_val_if_fail (trend != NULL, NULL);

  switch (trend->direction)
    {
    case EP_GAP_UNKNOWN:
      return NULL;
    case EP_GAP_SAME:
      /* Translators: the gap to all students did not change */
      return g_strdup (_("→ unchanged"));
    case EP_GAP_NARROWER:
    case EP_GAP_WIDER:
    default:
      break;
    }
  if (trend->unit == EP_UNIT_PERCENT)
    /* Translators: a size in percentage points, e.g. "4.0 pp" */
    size = g_strdup_printf (_("%.1f pp"), fabs (trend->change));
  else
    /* Translators: a size in the indicator's points (a rate per 100, a score), e.g. "4.0 points" */
    size = g_strdup_printf (_("%.1f points"), fabs (trend->change));
  if (trend->direction == EP_GAP_NARROWER)
    /* Translators: the gap to all students got smaller; %s is a size such as "3.2 pp" */
    return g_strdup_printf (_("↘ narrower by %s"), size);
  /* Translators: the gap to all students got bigger; %s is a size such as "3.2 pp" */
  return g_strdup_printf (_("↗ wider by %s"), size);
}

/**
 * ep_track_has_later_data:
 * @track: a plan's track
 *
 * Returns: whether the period judged is after the baseline's: before there
 *   is one, "on track" means nothing
 */
gboolean
ep_track_has_later_data (const EpTrack *track)
{
  return track->period != NULL && track->year > track->baseline_year;
}
