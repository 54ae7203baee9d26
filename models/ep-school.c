/* ep-school.c — a school: its indicators and its plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-school"

#include "config.h"

#include <string.h>

#include "ep-node-private.h"
#include "ep-school.h"

struct _EpSchool
{
  EP_NODE_HEADER;

  char       *id;
  char       *name;

  EpList *indicators;
  EpList *plans;
};

G_DEFINE_FINAL_TYPE (EpSchool, ep_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_ID (EpSchool, id, "id"),
  EP_F_TEXT_ALWAYS (EpSchool, name, "name"),
};

static void
ep_school_dispose (GObject *object)
{
  EpSchool *self = (EpSchool *) object;

  g_clear_object (&self->indicators);
  g_clear_object (&self->plans);

  G_OBJECT_CLASS (ep_school_parent_class)->dispose (object);
}

static void
ep_school_finalize (GObject *object)
{
  ep_node_finalize_fields (object);
  G_OBJECT_CLASS (ep_school_parent_class)->finalize (object);
}

static void
ep_school_class_init (EpSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ep_school_dispose;
  object_class->finalize = ep_school_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
ep_school_init (EpSchool *self)
{
  ep_node_init_fields (self);
  self->indicators = ep_list_new (EP_TYPE_INDICATOR);
  self->plans = ep_list_new (EP_TYPE_PLAN);
}

EpSchool *
ep_school_new (const char *id,
               const char *name)
{
  return g_object_new (EP_TYPE_SCHOOL, "id", id, "name", name, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpSchool, ep_school, EP_IS_SCHOOL, id, PROP_ID)
EP_DEFINE_STRING_ACCESSORS (EpSchool, ep_school, EP_IS_SCHOOL, name, PROP_NAME)

/**
 * ep_school_get_indicators:
 *
 * Returns: (transfer none): a #GListModel of #EpIndicator
 */
GListModel *
ep_school_get_indicators (EpSchool *self)
{
  g_return_val_if_fail (EP_IS_SCHOOL (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

/**
 * ep_school_find_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator with @id
 */
EpIndicator *
ep_school_find_indicator (EpSchool   *self,
                          const char *id)
{
  g_return_val_if_fail (EP_IS_SCHOOL (self), NULL);
  return ep_node_store_find (self->indicators, "id", id);
}

void
ep_school_add_indicator (EpSchool    *self,
                         EpIndicator *indicator)
{
  g_return_if_fail (EP_IS_SCHOOL (self));
  g_return_if_fail (EP_IS_INDICATOR (indicator));

  ep_node_store_insert (self, self->indicators, G_MAXUINT, indicator);
}

void
ep_school_insert_indicator (EpSchool    *self,
                            guint        position,
                            EpIndicator *indicator)
{
  g_return_if_fail (EP_IS_SCHOOL (self));
  g_return_if_fail (EP_IS_INDICATOR (indicator));

  ep_node_store_insert (self, self->indicators, position, indicator);
}

gboolean
ep_school_remove_indicator (EpSchool    *self,
                            EpIndicator *indicator)
{
  g_return_val_if_fail (EP_IS_SCHOOL (self), FALSE);
  return ep_node_store_remove (self, self->indicators, indicator);
}

/**
 * ep_school_get_plans:
 *
 * Returns: (transfer none): a #GListModel of #EpPlan, one per cycle
 */
GListModel *
ep_school_get_plans (EpSchool *self)
{
  g_return_val_if_fail (EP_IS_SCHOOL (self), NULL);
  return G_LIST_MODEL (self->plans);
}

/**
 * ep_school_find_plan:
 *
 * Returns: (transfer none) (nullable): the plan of @cycle
 */
EpPlan *
ep_school_find_plan (EpSchool   *self,
                     const char *cycle)
{
  g_return_val_if_fail (EP_IS_SCHOOL (self), NULL);
  return ep_node_store_find (self->plans, "cycle", cycle);
}

/**
 * ep_school_get_current_plan:
 *
 * Returns: (transfer none) (nullable): the plan of the latest cycle
 */
EpPlan *
ep_school_get_current_plan (EpSchool *self)
{
  EpPlan *best = NULL;
  guint n;

  g_return_val_if_fail (EP_IS_SCHOOL (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  for (guint i = 0; i < n; i++)
    {
      EpPlan *plan = g_list_model_get_item (G_LIST_MODEL (self->plans), i);
      g_object_unref (plan);
      if (best == NULL || g_strcmp0 (ep_plan_get_cycle (plan), ep_plan_get_cycle (best)) > 0)
        best = plan;
    }
  return best;
}

void
ep_school_add_plan (EpSchool *self,
                    EpPlan   *plan)
{
  g_return_if_fail (EP_IS_SCHOOL (self));
  g_return_if_fail (EP_IS_PLAN (plan));

  ep_node_store_insert (self, self->plans, G_MAXUINT, plan);
}

gboolean
ep_school_remove_plan (EpSchool *self,
                       EpPlan   *plan)
{
  g_return_val_if_fail (EP_IS_SCHOOL (self), FALSE);
  return ep_node_store_remove (self, self->plans, plan);
}
