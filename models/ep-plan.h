/* ep-plan.h — one school's equity plan for one cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-champion.h"
#include "ep-enum-types.h"
#include "ep-idea.h"
#include "ep-intervention.h"
#include "ep-listening-session.h"
#include "ep-log-entry.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_PLAN (ep_plan_get_type ())

/**
 * EpPlan:
 *
 * One cycle of a school's equity plan: the prerequisites (listening
 * sessions, decision structure, champions), the diagnosis (one focus and a
 * measurable problem statement: group, indicator, baseline → target by a
 * period), the scored ideas, the actions, the dated decision log and the
 * reflection.
 */
G_DECLARE_FINAL_TYPE (EpPlan, ep_plan, EP, PLAN, GObject)

EpPlan              *ep_plan_new                     (const char           *cycle);

const char          *ep_plan_get_cycle               (EpPlan               *self);
void                 ep_plan_set_cycle               (EpPlan               *self,
                                                      const char           *cycle);
EpPhase              ep_plan_get_phase               (EpPlan               *self);
void                 ep_plan_set_phase               (EpPlan               *self,
                                                      EpPhase               phase);

/* Decision structure: who decides. */
const char          *ep_plan_get_curriculum          (EpPlan               *self);
void                 ep_plan_set_curriculum          (EpPlan               *self,
                                                      const char           *who);
const char          *ep_plan_get_budget              (EpPlan               *self);
void                 ep_plan_set_budget              (EpPlan               *self,
                                                      const char           *who);
const char          *ep_plan_get_partnerships        (EpPlan               *self);
void                 ep_plan_set_partnerships        (EpPlan               *self,
                                                      const char           *who);

/* Diagnosis and problem statement. */
EpFocusArea          ep_plan_get_focus               (EpPlan               *self);
void                 ep_plan_set_focus               (EpPlan               *self,
                                                      EpFocusArea           focus);
const char          *ep_plan_get_root_cause          (EpPlan               *self);
void                 ep_plan_set_root_cause          (EpPlan               *self,
                                                      const char           *evidence);
const char          *ep_plan_get_problem_group       (EpPlan               *self);
void                 ep_plan_set_problem_group       (EpPlan               *self,
                                                      const char           *group);
const char          *ep_plan_get_problem_indicator   (EpPlan               *self);
void                 ep_plan_set_problem_indicator   (EpPlan               *self,
                                                      const char           *indicator);
gboolean             ep_plan_get_has_baseline        (EpPlan               *self);
double               ep_plan_get_baseline            (EpPlan               *self);
void                 ep_plan_set_baseline            (EpPlan               *self,
                                                      double                baseline);
void                 ep_plan_clear_baseline          (EpPlan               *self);
const char          *ep_plan_get_baseline_period     (EpPlan               *self);
void                 ep_plan_set_baseline_period     (EpPlan               *self,
                                                      const char           *period);
gboolean             ep_plan_get_has_target          (EpPlan               *self);
double               ep_plan_get_target              (EpPlan               *self);
void                 ep_plan_set_target              (EpPlan               *self,
                                                      double                target);
void                 ep_plan_clear_target            (EpPlan               *self);
const char          *ep_plan_get_target_period       (EpPlan               *self);
void                 ep_plan_set_target_period       (EpPlan               *self,
                                                      const char           *period);
const char          *ep_plan_get_statement           (EpPlan               *self);
void                 ep_plan_set_statement           (EpPlan               *self,
                                                      const char           *statement);

/* Reflection. */
gboolean             ep_plan_get_has_reflection      (EpPlan               *self);
EpCause              ep_plan_get_reflection_cause    (EpPlan               *self);
void                 ep_plan_set_reflection_cause    (EpPlan               *self,
                                                      EpCause               cause);
EpReflectionDecision ep_plan_get_reflection_decision (EpPlan               *self);
void                 ep_plan_set_reflection_decision (EpPlan               *self,
                                                      EpReflectionDecision  decision);
const char          *ep_plan_get_reflection_result   (EpPlan               *self);
void                 ep_plan_set_reflection_result   (EpPlan               *self,
                                                      const char           *result);
const char          *ep_plan_get_reflection_lessons  (EpPlan               *self);
void                 ep_plan_set_reflection_lessons  (EpPlan               *self,
                                                      const char           *lessons);

/* Collections: each a GListModel of one item type. */
GListModel          *ep_plan_get_listening_sessions  (EpPlan               *self);
GListModel          *ep_plan_get_champions           (EpPlan               *self);
GListModel          *ep_plan_get_ideas               (EpPlan               *self);
GListModel          *ep_plan_get_interventions       (EpPlan               *self);
GListModel          *ep_plan_get_log                 (EpPlan               *self);
GListModel          *ep_plan_get_list_for_type       (EpPlan               *self,
                                                      GType                 item_type);
void                 ep_plan_add                     (EpPlan               *self,
                                                      gpointer              item);
void                 ep_plan_insert                  (EpPlan               *self,
                                                      guint                 position,
                                                      gpointer              item);
gboolean             ep_plan_remove                  (EpPlan               *self,
                                                      gpointer              item);
EpIdea              *ep_plan_find_idea               (EpPlan               *self,
                                                      const char           *id);
EpIntervention      *ep_plan_find_intervention       (EpPlan               *self,
                                                      const char           *id);

G_END_DECLS
