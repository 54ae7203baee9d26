/* ep-plan.c — one school's equity plan for one cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-plan"

#include "config.h"

#include "ep-node-private.h"
#include "ep-plan-private.h"

struct _EpPlan
{
  EP_NODE_HEADER;

  char                 *cycle;
  EpPhase               phase;
  char                 *curriculum;
  char                 *budget;
  char                 *partnerships;
  EpFocusArea           focus;
  char                 *root_cause;
  char                 *problem_group;
  char                 *problem_indicator;
  gboolean              has_baseline;
  double                baseline;
  char                 *baseline_period;
  gboolean              has_target;
  double                target;
  char                 *target_period;
  char                 *statement;
  EpCause               reflection_cause;
  EpReflectionDecision  reflection_decision;
  char                 *reflection_result;
  char                 *reflection_lessons;

  EpList           *lists[5];
};

G_DEFINE_FINAL_TYPE (EpPlan, ep_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CYCLE,
  PROP_PHASE,
  PROP_CURRICULUM,
  PROP_BUDGET,
  PROP_PARTNERSHIPS,
  PROP_FOCUS,
  PROP_ROOT_CAUSE,
  PROP_PROBLEM_GROUP,
  PROP_PROBLEM_INDICATOR,
  PROP_HAS_BASELINE,
  PROP_BASELINE,
  PROP_BASELINE_PERIOD,
  PROP_HAS_TARGET,
  PROP_TARGET,
  PROP_TARGET_PERIOD,
  PROP_STATEMENT,
  PROP_REFLECTION_CAUSE,
  PROP_REFLECTION_DECISION,
  PROP_REFLECTION_RESULT,
  PROP_REFLECTION_LESSONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The plan's sections are written by ep-xml.c itself (no_xml), since they
 * nest; the table still gives the properties and their types. */
static const EpField fields[] = {
  EP_F_ID (EpPlan, cycle, "cycle"),
  EP_F_ENUM (EpPlan, phase, "phase", ep_phase_get_type, EP_PHASE_PREREQUISITES),
  EP_F_TEXT (EpPlan, curriculum, "curriculum"),
  EP_F_TEXT (EpPlan, budget, "budget"),
  EP_F_TEXT (EpPlan, partnerships, "partnerships"),
  EP_F_ENUM (EpPlan, focus, "focus", ep_focus_area_get_type, EP_FOCUS_OTHER),
  EP_F_TEXT (EpPlan, root_cause, "root-cause"),
  EP_F_STRING (EpPlan, problem_group, "problem-group"),
  EP_F_STRING (EpPlan, problem_indicator, "problem-indicator"),
  EP_F_BOOL (EpPlan, has_baseline, "has-baseline", FALSE),
  EP_F_DOUBLE (EpPlan, baseline, "baseline", -1e12, 1e12, 0),
  EP_F_STRING (EpPlan, baseline_period, "baseline-period"),
  EP_F_BOOL (EpPlan, has_target, "has-target", FALSE),
  EP_F_DOUBLE (EpPlan, target, "target", -1e12, 1e12, 0),
  EP_F_STRING (EpPlan, target_period, "target-period"),
  EP_F_TEXT (EpPlan, statement, "statement"),
  EP_F_ENUM (EpPlan, reflection_cause, "reflection-cause", ep_cause_get_type, EP_CAUSE_UNKNOWN),
  EP_F_ENUM (EpPlan, reflection_decision, "reflection-decision", ep_reflection_decision_get_type, EP_DECISION_UNDECIDED),
  EP_F_TEXT (EpPlan, reflection_result, "reflection-result"),
  EP_F_TEXT (EpPlan, reflection_lessons, "reflection-lessons"),
};

static GType
list_type (guint i)
{
  switch (i)
    {
    case 0: return EP_TYPE_LISTENING_SESSION;
    case 1: return EP_TYPE_CHAMPION;
    case 2: return EP_TYPE_IDEA;
    case 3: return EP_TYPE_INTERVENTION;
    case 4: return EP_TYPE_LOG_ENTRY;
    default: g_assert_not_reached ();
    }
  return G_TYPE_INVALID;
}

static void
ep_plan_dispose (GObject *object)
{
  EpPlan *self = (EpPlan *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_clear_object (&self->lists[i]);

  G_OBJECT_CLASS (ep_plan_parent_class)->dispose (object);
}

static void
ep_plan_finalize (GObject *object)
{
  ep_node_finalize_fields (object);
  G_OBJECT_CLASS (ep_plan_parent_class)->finalize (object);
}

static void
ep_plan_class_init (EpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ep_plan_dispose;
  object_class->finalize = ep_plan_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
ep_plan_init (EpPlan *self)
{
  /* The lists are made when first needed: most plans leave some empty. */
  ep_node_init_fields (self);
}

EpPlan *
ep_plan_new (const char *cycle)
{
  return g_object_new (EP_TYPE_PLAN, "cycle", cycle, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, cycle, PROP_CYCLE)
EP_DEFINE_SCALAR_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, EpPhase, int, phase, PROP_PHASE)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, curriculum, PROP_CURRICULUM)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, budget, PROP_BUDGET)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, partnerships, PROP_PARTNERSHIPS)
EP_DEFINE_SCALAR_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, EpFocusArea, int, focus, PROP_FOCUS)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, root_cause, PROP_ROOT_CAUSE)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, problem_group, PROP_PROBLEM_GROUP)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, problem_indicator, PROP_PROBLEM_INDICATOR)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, baseline_period, PROP_BASELINE_PERIOD)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, target_period, PROP_TARGET_PERIOD)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, statement, PROP_STATEMENT)
EP_DEFINE_SCALAR_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, EpCause, int, reflection_cause, PROP_REFLECTION_CAUSE)
EP_DEFINE_SCALAR_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, EpReflectionDecision, int, reflection_decision, PROP_REFLECTION_DECISION)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, reflection_result, PROP_REFLECTION_RESULT)
EP_DEFINE_STRING_ACCESSORS (EpPlan, ep_plan, EP_IS_PLAN, reflection_lessons, PROP_REFLECTION_LESSONS)

gboolean
ep_plan_get_has_baseline (EpPlan *self)
{
  g_return_val_if_fail (EP_IS_PLAN (self), FALSE);
  return self->has_baseline;
}

double
ep_plan_get_baseline (EpPlan *self)
{
  g_return_val_if_fail (EP_IS_PLAN (self), 0);
  return self->baseline;
}

void
ep_plan_set_baseline (EpPlan *self,
                      double  baseline)
{
  g_return_if_fail (EP_IS_PLAN (self));

  g_object_freeze_notify (G_OBJECT (self));
  ep_node_set_double (self, &self->baseline, baseline, properties[PROP_BASELINE]);
  ep_node_set_boolean (self, &self->has_baseline, TRUE, properties[PROP_HAS_BASELINE]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
ep_plan_clear_baseline (EpPlan *self)
{
  g_return_if_fail (EP_IS_PLAN (self));

  g_object_freeze_notify (G_OBJECT (self));
  ep_node_set_double (self, &self->baseline, 0, properties[PROP_BASELINE]);
  ep_node_set_boolean (self, &self->has_baseline, FALSE, properties[PROP_HAS_BASELINE]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ep_plan_get_has_target (EpPlan *self)
{
  g_return_val_if_fail (EP_IS_PLAN (self), FALSE);
  return self->has_target;
}

double
ep_plan_get_target (EpPlan *self)
{
  g_return_val_if_fail (EP_IS_PLAN (self), 0);
  return self->target;
}

void
ep_plan_set_target (EpPlan *self,
                    double  target)
{
  g_return_if_fail (EP_IS_PLAN (self));

  g_object_freeze_notify (G_OBJECT (self));
  ep_node_set_double (self, &self->target, target, properties[PROP_TARGET]);
  ep_node_set_boolean (self, &self->has_target, TRUE, properties[PROP_HAS_TARGET]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
ep_plan_clear_target (EpPlan *self)
{
  g_return_if_fail (EP_IS_PLAN (self));

  g_object_freeze_notify (G_OBJECT (self));
  ep_node_set_double (self, &self->target, 0, properties[PROP_TARGET]);
  ep_node_set_boolean (self, &self->has_target, FALSE, properties[PROP_HAS_TARGET]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ep_plan_get_has_reflection:
 *
 * Returns: whether any part of the reflection has been written
 */
gboolean
ep_plan_get_has_reflection (EpPlan *self)
{
  g_return_val_if_fail (EP_IS_PLAN (self), FALSE);
  return self->reflection_cause != EP_CAUSE_UNKNOWN ||
         self->reflection_decision != EP_DECISION_UNDECIDED ||
         self->reflection_result != NULL ||
         self->reflection_lessons != NULL;
}

static EpList *
list_for_type (EpPlan   *self,
               GType     type,
               gboolean  create)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    if (g_type_is_a (type, list_type (i)))
      {
        if (self->lists[i] == NULL && create)
          self->lists[i] = ep_list_new (list_type (i));
        return self->lists[i];
      }
  return NULL;
}

/**
 * ep_plan_peek_list:
 *
 * Like ep_plan_get_list_for_type(), without making an empty list.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL while empty
 */
EpList *
ep_plan_peek_list (EpPlan *self,
                   GType   item_type)
{
  g_return_val_if_fail (EP_IS_PLAN (self), NULL);
  return list_for_type (self, item_type, FALSE);
}

/**
 * ep_plan_get_list_for_type:
 * @item_type: one of the plan's item types, e.g. %EP_TYPE_IDEA
 *
 * Returns: (transfer none) (nullable): the plan's list of @item_type
 */
GListModel *
ep_plan_get_list_for_type (EpPlan *self,
                           GType   item_type)
{
  g_return_val_if_fail (EP_IS_PLAN (self), NULL);
  return G_LIST_MODEL (list_for_type (self, item_type, TRUE));
}

GListModel *
ep_plan_get_listening_sessions (EpPlan *self)
{
  return ep_plan_get_list_for_type (self, EP_TYPE_LISTENING_SESSION);
}

GListModel *
ep_plan_get_champions (EpPlan *self)
{
  return ep_plan_get_list_for_type (self, EP_TYPE_CHAMPION);
}

GListModel *
ep_plan_get_ideas (EpPlan *self)
{
  return ep_plan_get_list_for_type (self, EP_TYPE_IDEA);
}

GListModel *
ep_plan_get_interventions (EpPlan *self)
{
  return ep_plan_get_list_for_type (self, EP_TYPE_INTERVENTION);
}

GListModel *
ep_plan_get_log (EpPlan *self)
{
  return ep_plan_get_list_for_type (self, EP_TYPE_LOG_ENTRY);
}

/**
 * ep_plan_insert:
 * @position: where in its list, or G_MAXUINT for the end
 * @item: a listening session, champion, idea, intervention or log entry
 */
void
ep_plan_insert (EpPlan   *self,
                guint     position,
                gpointer  item)
{
  EpList *store;

  g_return_if_fail (EP_IS_PLAN (self));
  g_return_if_fail (G_IS_OBJECT (item));

  store = list_for_type (self, G_OBJECT_TYPE (item), TRUE);
  g_return_if_fail (store != NULL);

  ep_node_store_insert (self, store, position, item);
}

void
ep_plan_add (EpPlan   *self,
             gpointer  item)
{
  ep_plan_insert (self, G_MAXUINT, item);
}

gboolean
ep_plan_remove (EpPlan   *self,
                gpointer  item)
{
  EpList *store;

  g_return_val_if_fail (EP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  store = list_for_type (self, G_OBJECT_TYPE (item), FALSE);
  return store != NULL && ep_node_store_remove (self, store, item);
}

/**
 * ep_plan_find_idea:
 *
 * Returns: (transfer none) (nullable):
 */
EpIdea *
ep_plan_find_idea (EpPlan     *self,
                   const char *id)
{
  g_return_val_if_fail (EP_IS_PLAN (self), NULL);
  return ep_node_store_find (list_for_type (self, EP_TYPE_IDEA, FALSE), "id", id);
}

/**
 * ep_plan_find_intervention:
 *
 * Returns: (transfer none) (nullable):
 */
EpIntervention *
ep_plan_find_intervention (EpPlan     *self,
                           const char *id)
{
  g_return_val_if_fail (EP_IS_PLAN (self), NULL);
  return ep_node_store_find (list_for_type (self, EP_TYPE_INTERVENTION, FALSE), "id", id);
}
