/* ep-rollup.h — what the district view and the board packet share: the
 * roll-up's indicator and group, and the gap trend of a school's plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-analysis.h"
#include "ep-district.h"

G_BEGIN_DECLS

void ep_rollup_choose (EpDistrict  *district,
                       GPtrArray   *schools,
                       const char  *cycle,
                       char       **indicator,
                       char       **group);

/**
 * EpGapDirection:
 * @EP_GAP_UNKNOWN: no two periods to compare
 * @EP_GAP_NARROWER: the gap to all students got smaller
 * @EP_GAP_WIDER: it got bigger
 * @EP_GAP_SAME: it moved less than 0.05 (shown as unchanged)
 */
typedef enum {
  EP_GAP_UNKNOWN,
  EP_GAP_NARROWER,
  EP_GAP_WIDER,
  EP_GAP_SAME,
} EpGapDirection;

/**
 * EpGapTrend:
 * @direction: which way the gap moved
 * @change: |gap now| − |gap before|, in the indicator's unit
 * @unit: the indicator's unit (percentage points for percents)
 */
typedef struct {
  EpGapDirection direction;
  double         change;
  EpUnit         unit;
} EpGapTrend;

void     ep_gap_trend_periods (EpIndicator       *indicator,
                               const char       **period,
                               const char       **previous);
void     ep_gap_trend_compute (double             gap_before,
                               double             gap_now,
                               EpUnit             unit,
                               EpGapTrend        *out);
gboolean ep_gap_trend_analyse (const EpAnalysis  *analysis,
                               EpIndicator       *indicator,
                               const char        *group,
                               EpGapTrend        *out);
char    *ep_gap_trend_format  (const EpGapTrend  *trend);

gboolean ep_track_has_later_data (const EpTrack *track);

G_END_DECLS
