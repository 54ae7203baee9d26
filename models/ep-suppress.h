/* ep-suppress.h — what may be published of an indicator: primary and
 * complementary suppression, top and bottom coding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anything that leaves the school team (a board packet, a family summary,
 * `eqplan analyze --shared`) must not reveal a small group. These functions
 * decide, cell by cell, what may be printed. docs/SUPPRESSION.md explains the
 * rules with worked examples; in short, with suppression on:
 *
 * 1. Primary. A group of n < min_n students: its count, rate and n are
 *    hidden. Otherwise the count (and the rate, which reveals it) is hidden
 *    when count < min_cell or n − count < min_cell; n stays shown. A value
 *    (mean score or rate given by the source) with n < min_n, or without n,
 *    is hidden.
 * 2. Top and bottom coding. A rate that would be shown and is ≥ top_code
 *    (or ≤ bottom_code) percent is printed only as "≥95%" ("≤5%"); its count
 *    is hidden. If the code alone would pin the count (e.g. "≥95%" of 12
 *    students can only be 12), the cell is hidden as primary instead.
 * 3. Complementary (if on). Every category with at least two groups present
 *    is taken to be a partition of all students (conservative), so
 *    Σ numerators of the category = the all-students numerator, and the same
 *    for denominators; without an all-students cell the categories still
 *    share an unknown total. An attacker knowing every shown number, these
 *    relations, the bounds 0 ≤ numerator ≤ denominator and the coded ranges
 *    narrows each hidden number to an interval (bounds propagation to a
 *    fixpoint). A hidden number leaks when its interval is a single value
 *    (e.g. the only hidden term of a relation), when a primary-hidden count
 *    is shown to be below min_cell or a primary-hidden n below min_n (e.g.
 *    two hidden zeros), or when a primary-hidden count is shown to be within
 *    min_cell of its n. While one leaks, the next smallest shown number of
 *    its relation that stops the leak is hidden (smallest value, ties by
 *    group id; the all-students total only when nothing else is left; if
 *    none stops it alone, the smallest non-zero one, and again). When that
 *    relation has nothing left to hide, the other relations are tried (they
 *    share the total), then the numbers of the other kind (a count is bounded
 *    by its n). Hiding an n hides its count too; sizes are settled first.
 *
 * Cells suppressed at source are hidden terms whose values are unknown; they
 * are protected (their count must not be derivable) only when the source
 * published their n.
 */
#pragma once

#include <glib.h>

#include "ep-district.h"
#include "ep-indicator.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

/**
 * EpPublishState:
 * @EP_PUBLISH_SHOWN: published as is
 * @EP_PUBLISH_PRIMARY: hidden: below the minimum n or the minimum cell size
 * @EP_PUBLISH_COMPLEMENTARY: hidden so that another hidden cell cannot be derived
 * @EP_PUBLISH_SOURCE: suppressed at source
 * @EP_PUBLISH_TOP_CODED: rate shown only as "≥ top code"; the count hidden
 * @EP_PUBLISH_BOTTOM_CODED: rate shown only as "≤ bottom code"; the count hidden
 * @EP_PUBLISH_MISSING: no measurement
 *
 * What may be printed of one number of a cell.
 */
typedef enum {
  EP_PUBLISH_SHOWN,
  EP_PUBLISH_PRIMARY,
  EP_PUBLISH_COMPLEMENTARY,
  EP_PUBLISH_SOURCE,
  EP_PUBLISH_TOP_CODED,
  EP_PUBLISH_BOTTOM_CODED,
  EP_PUBLISH_MISSING,
} EpPublishState;

/**
 * EpPublishRules:
 * @min_n: minimum group size (denominator or n); smaller groups are hidden
 * @min_cell: minimum count (numerator), also applied to denominator − numerator
 * @suppression: %FALSE publishes everything (for use inside the team only)
 * @complementary: whether to hide further cells so hidden ones cannot be derived
 * @top_code: percent; rates at or above are coded. ≥ 100 (or ≤ 0) disables
 * @bottom_code: percent; rates at or below are coded. ≤ 0 (or ≥ 100) disables
 *
 * The district's publication rules as plain numbers.
 */
typedef struct {
  guint    min_n, min_cell;
  gboolean suppression, complementary;
  double   top_code, bottom_code;
} EpPublishRules;

/**
 * EpPublishCell:
 * @group: group id (interned or borrowed), used to break ties
 * @category: %EP_GROUP_CATEGORY_ALL for the all-students total
 * @has_counts: numerator/denominator known (else value/n or nothing)
 * @numerator: students with the outcome. For value cells: an estimate of
 *   the count behind the value, used only to choose and check complementary
 *   cells (value × n / 100 for a rate, n for a mean score)
 * @denominator: students counted; for value cells and cells suppressed at
 *   source: n
 * @count_state: the numerator, and the rate or value (which reveals it)
 * @n_state: the denominator or n (the group's size)
 *
 * One group's cell of one indicator in one period.
 *
 * On input to ep_publish_cells(), the states describe what the source gave:
 * @count_state %EP_PUBLISH_MISSING for a group without a measurement,
 * %EP_PUBLISH_SOURCE for a cell suppressed at source; for a value cell
 * (@has_counts %FALSE), %EP_PUBLISH_TOP_CODED or %EP_PUBLISH_BOTTOM_CODED
 * when the given rate lies at or beyond the code (ep_publish_cells() cannot
 * see values). For value cells and cells suppressed at source, @n_state
 * %EP_PUBLISH_MISSING says that n is unknown. Any other state means "data";
 * a zeroed cell is a count cell with a known n.
 */
typedef struct {
  const char     *group;
  EpGroupCategory category;
  gboolean        has_counts;
  guint32         numerator, denominator;
  EpPublishState  count_state;
  EpPublishState  n_state;
} EpPublishCell;

void     ep_publish_rules_from_district (EpDistrict           *district,
                                         EpPublishRules       *rules);
void     ep_publish_cells               (const EpPublishRules *rules,
                                         EpPublishCell        *cells,
                                         guint                 n_cells);
GArray  *ep_publish_indicator           (EpDistrict           *district,
                                         EpIndicator          *indicator,
                                         const char           *period);
gboolean ep_publish_state_is_hidden     (EpPublishState        state);
char    *ep_publish_format_hidden       (EpDistrict           *district,
                                         EpPublishState        state,
                                         const char           *source_marker);

G_END_DECLS
