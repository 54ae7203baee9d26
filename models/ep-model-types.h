/* ep-model-types.h — enumerations of the equity plan model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nick of each value (derived by glib-mkenums) is the word the .eqplan
 * format uses, e.g. EP_GROUP_CATEGORY_RACE_ETHNICITY ↔ "race-ethnicity".
 * Changing a value name changes the file format.
 *
 * EpSeverity and EpPlanPage are not in the file format; their nicks
 * ("error", "district-settings", …) are what `eqplan check` prints.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  EP_GROUP_CATEGORY_ALL,
  EP_GROUP_CATEGORY_RACE_ETHNICITY,
  EP_GROUP_CATEGORY_INCOME,
  EP_GROUP_CATEGORY_LANGUAGE,
  EP_GROUP_CATEGORY_DISABILITY,
  EP_GROUP_CATEGORY_SEX,
  EP_GROUP_CATEGORY_OTHER,
} EpGroupCategory;

typedef enum {
  EP_INDICATOR_LAGGING,
  EP_INDICATOR_LEADING,
} EpIndicatorKind;

typedef enum {
  EP_DIRECTION_HIGHER_IS_BETTER,
  EP_DIRECTION_LOWER_IS_BETTER,
} EpDirection;

typedef enum {
  EP_UNIT_PERCENT,
  EP_UNIT_RATE_PER_100,
  EP_UNIT_MEAN_SCORE,
  EP_UNIT_COUNT,
} EpUnit;

typedef enum {
  EP_PHASE_PREREQUISITES,
  EP_PHASE_DIAGNOSE,
  EP_PHASE_DESIGN,
  EP_PHASE_IMPLEMENT,
  EP_PHASE_REFLECT,
} EpPhase;

typedef enum {
  EP_LEVEL_DISTRICT,
  EP_LEVEL_SCHOOL,
  EP_LEVEL_CLASSROOM,
  EP_LEVEL_COMMUNITY,
} EpChampionLevel;

typedef enum {
  EP_FOCUS_OTHER,
  EP_FOCUS_ADVANCED_COURSEWORK,
  EP_FOCUS_DISCIPLINE,
  EP_FOCUS_GRADUATION,
  EP_FOCUS_ATTENDANCE,
  EP_FOCUS_LITERACY,
  EP_FOCUS_MATHEMATICS,
  EP_FOCUS_BELONGING,
} EpFocusArea;

typedef enum {
  EP_EVIDENCE_NONE,
  EP_EVIDENCE_STRONG,
  EP_EVIDENCE_MODERATE,
  EP_EVIDENCE_PROMISING,
  EP_EVIDENCE_RATIONALE,
} EpEvidenceTier;

typedef enum {
  EP_STATUS_PLANNED,
  EP_STATUS_IN_PROGRESS,
  EP_STATUS_DONE,
  EP_STATUS_STOPPED,
} EpActionStatus;

typedef enum {
  EP_AREA_OTHER,
  EP_AREA_HIRING,
  EP_AREA_CURRICULUM,
  EP_AREA_BUDGET,
  EP_AREA_PROFESSIONAL_DEVELOPMENT,
  EP_AREA_POLICY,
  EP_AREA_FAMILY_ENGAGEMENT,
} EpActionArea;

typedef enum {
  EP_LOG_DECISION,
  EP_LOG_ADJUSTMENT,
  EP_LOG_OUTCOME,
  EP_LOG_FEEDBACK,
} EpLogKind;

typedef enum {
  EP_CAUSE_UNKNOWN,
  EP_CAUSE_DESIGN,
  EP_CAUSE_IMPLEMENTATION,
  EP_CAUSE_EXTERNAL,
} EpCause;

typedef enum {
  EP_DECISION_UNDECIDED,
  EP_DECISION_REFINE,
  EP_DECISION_REPLACE,
  EP_DECISION_SCALE,
} EpReflectionDecision;

/* How serious a finding of the plan-health check is. */
typedef enum {
  EP_SEVERITY_INFO,
  EP_SEVERITY_WARNING,
  EP_SEVERITY_ERROR,
} EpSeverity;

/* The page of the plan where the user fixes a finding. */
typedef enum {
  EP_PAGE_OVERVIEW,
  EP_PAGE_PREREQUISITES,
  EP_PAGE_DIAGNOSE,
  EP_PAGE_DESIGN,
  EP_PAGE_IMPLEMENT,
  EP_PAGE_REFLECT,
  EP_PAGE_DISTRICT_SETTINGS,
} EpPlanPage;

G_END_DECLS
