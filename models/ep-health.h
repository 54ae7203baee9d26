/* ep-health.h — the plan-health check: the guide's pitfalls, found in a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-district.h"
#include "ep-enum-types.h"
#include "ep-model-types.h"
#include "ep-plan.h"
#include "ep-school.h"

G_BEGIN_DECLS

/* While implementing, a plan should have a decision-log entry at least
 * this often. */
#define EP_HEALTH_LOG_MAX_DAYS 60

/**
 * EpFinding:
 * @severity: how serious: an error means the plan cannot be called
 *   measurable or complete
 * @code: a stable machine id such as "no-glossary"; scripts rely on it
 * @message: a translated, plain-language explanation and what to do
 * @page: the page where the user fixes it
 * @item: (nullable): the record concerned (an #EpIntervention, …), a
 *   strong reference
 *
 * One problem found in a plan.
 */
typedef struct {
  EpSeverity  severity;
  const char *code;
  char       *message;
  EpPlanPage  page;
  GObject    *item;
} EpFinding;

void       ep_finding_free  (EpFinding    *finding);

GPtrArray *ep_health_check  (EpDistrict   *district,
                             EpSchool     *school,
                             EpPlan       *plan,
                             const GDate  *today);

GPtrArray *ep_health_check_steps   (EpDistrict   *district,
                                    EpSchool     *school,
                                    EpPlan       *plan,
                                    const GDate  *today);
gboolean   ep_health_step_complete (EpDistrict   *district,
                                    EpSchool     *school,
                                    EpPlan       *plan,
                                    EpPhase       step,
                                    const GDate  *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpFinding, ep_finding_free)

G_END_DECLS
