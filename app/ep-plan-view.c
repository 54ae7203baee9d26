/* ep-plan-view.c — a school's plan, page by page through the cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkStack of the cycle's pages with a GtkStackSidebar. The view holds
 * the district, the school, the plan and the history, and hands them to
 * every page. It follows the school's plans: when the plan shown leaves the
 * school (undo of "Start next cycle"), it shows the school's current plan;
 * when "Start next cycle" adds one, it shows the new plan.
 */
#define G_LOG_DOMAIN "ep-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-page-design.h"
#include "ep-page-diagnose.h"
#include "ep-page-implement.h"
#include "ep-page-overview.h"
#include "ep-page-prerequisites.h"
#include "ep-page-reflect.h"
#include "ep-plan-view.h"

struct _EpPlanView
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  EpPage     *overview;
  EpPage     *prerequisites;
  EpPage     *diagnose;
  EpPage     *design;
  EpPage     *implement;
  EpPage     *reflect;

  /* Owned */
  EpDistrict *district;
  EpSchool   *school;
  EpPlan     *plan;
  EpHistory  *history;
  gulong      plans_changed_id;
};

G_DEFINE_FINAL_TYPE (EpPlanView, ep_plan_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DISTRICT,
  PROP_SCHOOL,
  PROP_PLAN,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *page_names[] = {
  [EP_PAGE_OVERVIEW] = "overview",
  [EP_PAGE_PREREQUISITES] = "prerequisites",
  [EP_PAGE_DIAGNOSE] = "diagnose",
  [EP_PAGE_DESIGN] = "design",
  [EP_PAGE_IMPLEMENT] = "implement",
  [EP_PAGE_REFLECT] = "reflect",
  /* The glossary is edited on the Prerequisites page too. */
  [EP_PAGE_DISTRICT_SETTINGS] = "prerequisites",
};

static void
push_to_pages (EpPlanView *self)
{
  EpPage *all[] = { self->overview, self->prerequisites, self->diagnose,
                    self->design, self->implement, self->reflect };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    ep_page_set_context (all[i], self->district, self->school, self->plan, self->history);
}

static gboolean
school_has_plan (EpSchool *school,
                 EpPlan   *plan)
{
  GListModel *plans = ep_school_get_plans (school);

  for (guint i = 0, n = g_list_model_get_n_items (plans); i < n; i++)
    {
      g_autoptr(EpPlan) p = g_list_model_get_item (plans, i);
      if (p == plan)
        return TRUE;
    }
  return FALSE;
}

static void
plans_changed_cb (EpPlanView *self)
{
  /* The plan shown left the school (undo), or a school without one got its
   * first plan: show the current one. */
  if (self->school && ((self->plan && !school_has_plan (self->school, self->plan)) || self->plan == NULL))
    ep_plan_view_set_plan (self, ep_school_get_current_plan (self->school));
}

static void
navigate_cb (EpPlanView *self,
             guint       page,
             GObject    *item)
{
  ep_plan_view_show_page (self, page, item);
}

static void
cycle_started_cb (EpPlanView *self,
                  EpPlan     *plan)
{
  ep_plan_view_set_plan (self, plan);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

static void
ep_plan_view_dispose (GObject *object)
{
  EpPlanView *self = EP_PLAN_VIEW (object);

  if (self->school)
    g_clear_signal_handler (&self->plans_changed_id, ep_school_get_plans (self->school));
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PLAN_VIEW);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->district);
  g_clear_object (&self->school);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ep_plan_view_parent_class)->dispose (object);
}

static void
ep_plan_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EpPlanView *self = EP_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;
    case PROP_SCHOOL:
      g_value_set_object (value, self->school);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_plan_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EpPlanView *self = EP_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      ep_plan_view_set_district (self, g_value_get_object (value));
      break;
    case PROP_SCHOOL:
      ep_plan_view_set_school (self, g_value_get_object (value));
      break;
    case PROP_PLAN:
      ep_plan_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      ep_plan_view_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_plan_view_class_init (EpPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ep_plan_view_dispose;
  object_class->get_property = ep_plan_view_get_property;
  object_class->set_property = ep_plan_view_set_property;

  properties[PROP_DISTRICT] = g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT, flags);
  properties[PROP_SCHOOL] = g_param_spec_object ("school", NULL, NULL, EP_TYPE_SCHOOL, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, EP_TYPE_PLAN, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, EP_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EP_TYPE_PAGE_OVERVIEW);
  g_type_ensure (EP_TYPE_PAGE_PREREQUISITES);
  g_type_ensure (EP_TYPE_PAGE_DIAGNOSE);
  g_type_ensure (EP_TYPE_PAGE_DESIGN);
  g_type_ensure (EP_TYPE_PAGE_IMPLEMENT);
  g_type_ensure (EP_TYPE_PAGE_REFLECT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, overview);
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, prerequisites);
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, diagnose);
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, design);
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, implement);
  gtk_widget_class_bind_template_child (widget_class, EpPlanView, reflect);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planview");
}

static void
ep_plan_view_init (EpPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->overview, "navigate", G_CALLBACK (navigate_cb), self);
  g_signal_connect_swapped (self->reflect, "cycle-started", G_CALLBACK (cycle_started_cb), self);
}

GtkWidget *
ep_plan_view_new (void)
{
  return g_object_new (EP_TYPE_PLAN_VIEW, NULL);
}

EpDistrict *
ep_plan_view_get_district (EpPlanView *self)
{
  g_return_val_if_fail (EP_IS_PLAN_VIEW (self), NULL);
  return self->district;
}

void
ep_plan_view_set_district (EpPlanView *self,
                           EpDistrict *district)
{
  g_return_if_fail (EP_IS_PLAN_VIEW (self));

  if (g_set_object (&self->district, district))
    {
      push_to_pages (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
    }
}

EpSchool *
ep_plan_view_get_school (EpPlanView *self)
{
  g_return_val_if_fail (EP_IS_PLAN_VIEW (self), NULL);
  return self->school;
}

/**
 * ep_plan_view_set_school:
 *
 * Shows @school. If the plan shown is not one of its plans, shows its
 * current plan.
 */
void
ep_plan_view_set_school (EpPlanView *self,
                         EpSchool   *school)
{
  g_return_if_fail (EP_IS_PLAN_VIEW (self));

  if (self->school == school)
    return;
  if (self->school)
    g_clear_signal_handler (&self->plans_changed_id, ep_school_get_plans (self->school));
  g_set_object (&self->school, school);
  if (school)
    self->plans_changed_id = g_signal_connect_swapped (ep_school_get_plans (school), "items-changed",
                                                       G_CALLBACK (plans_changed_cb), self);
  if (school && (self->plan == NULL || !school_has_plan (school, self->plan)))
    g_set_object (&self->plan, ep_school_get_current_plan (school));
  else if (school == NULL)
    g_clear_object (&self->plan);
  push_to_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

EpPlan *
ep_plan_view_get_plan (EpPlanView *self)
{
  g_return_val_if_fail (EP_IS_PLAN_VIEW (self), NULL);
  return self->plan;
}

void
ep_plan_view_set_plan (EpPlanView *self,
                       EpPlan     *plan)
{
  g_return_if_fail (EP_IS_PLAN_VIEW (self));

  if (g_set_object (&self->plan, plan))
    {
      push_to_pages (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
    }
}

EpHistory *
ep_plan_view_get_history (EpPlanView *self)
{
  g_return_val_if_fail (EP_IS_PLAN_VIEW (self), NULL);
  return self->history;
}

void
ep_plan_view_set_history (EpPlanView *self,
                          EpHistory  *history)
{
  g_return_if_fail (EP_IS_PLAN_VIEW (self));

  if (g_set_object (&self->history, history))
    {
      push_to_pages (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
}

const char *
ep_plan_view_get_page_name (EpPlanView *self)
{
  g_return_val_if_fail (EP_IS_PLAN_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * ep_plan_view_get_page:
 *
 * Returns: (transfer none): the page widget (an #EpPage)
 */
GtkWidget *
ep_plan_view_get_page (EpPlanView *self,
                       EpPlanPage  page)
{
  g_return_val_if_fail (EP_IS_PLAN_VIEW (self), NULL);
  g_return_val_if_fail (page <= EP_PAGE_DISTRICT_SETTINGS, NULL);
  return gtk_stack_get_child_by_name (self->stack, page_names[page]);
}

/**
 * ep_plan_view_show_page:
 * @item: (nullable): a record on that page to focus
 */
void
ep_plan_view_show_page (EpPlanView *self,
                        EpPlanPage  page,
                        GObject    *item)
{
  GtkWidget *child;

  g_return_if_fail (EP_IS_PLAN_VIEW (self));
  g_return_if_fail (page <= EP_PAGE_DISTRICT_SETTINGS);

  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  child = gtk_stack_get_visible_child (self->stack);
  if (item != NULL)
    ep_page_focus_item (EP_PAGE (child), item);
}
