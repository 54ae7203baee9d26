/* ep-page-reflect.c — baseline against latest, cause, decision, lessons,
 * and the start of the next cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-page-reflect"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-page-reflect.h"
#include "ep-page-util.h"

struct _EpPageReflect
{
  EpPage       parent_instance;

  /* Template widgets */
  GtkBox      *missing_box;
  GtkLabel    *compare_label;
  GtkLabel    *compare_detail;
  GtkDropDown *cause_dropdown;
  GtkDropDown *decision_dropdown;
  GtkTextView *result_view;
  GtkTextView *lessons_view;
  GtkLabel    *next_label;
  GtkButton   *next_cycle_button;

  /* Owned */
  EpBinder    *binder;
};

G_DEFINE_FINAL_TYPE (EpPageReflect, ep_page_reflect, EP_TYPE_PAGE)

enum {
  CYCLE_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_comparison (EpPageReflect *self)
{
  EpPage *page = EP_PAGE (self);
  EpDistrict *district = ep_page_get_district (page);
  EpSchool *school = ep_page_get_school (page);
  EpPlan *plan = ep_page_get_plan (page);
  EpIndicator *indicator;
  EpAnalysis analysis;
  EpTrack track;
  g_autofree char *baseline = NULL, *latest = NULL, *text = NULL;

  if (district == NULL || school == NULL || plan == NULL)
    {
      gtk_label_set_label (self->compare_label, "");
      gtk_label_set_label (self->compare_detail, "");
      return;
    }
  indicator = ep_plan_get_problem_indicator (plan) ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;
  ep_analysis_init (&analysis, district);
  ep_analysis_track (&analysis, school, plan, NULL, &track);
  if (!ep_plan_get_has_baseline (plan) || indicator == NULL)
    {
      gtk_label_set_label (self->compare_label, _("No baseline to compare with: complete the problem statement on the Diagnose page."));
      gtk_label_set_label (self->compare_detail, "");
      return;
    }
  baseline = ep_format_indicator_value (indicator, ep_plan_get_baseline (plan));
  if (track.period != NULL)
    {
      latest = ep_format_figure (indicator, &track.current, FALSE);
      /* Translators: "Baseline 31.7% (2024-25) → latest 27.8% (2025-26)" */
      text = g_strdup_printf (_("Baseline %s (%s) → latest %s (%s)"), baseline,
                              ep_plan_get_baseline_period (plan) ? ep_plan_get_baseline_period (plan) : "?",
                              latest, track.period);
    }
  else
    {
      EpFigure none = EP_FIGURE_NONE (track.reason);
      g_autofree char *why = ep_figure_explain (&none);
      /* Translators: "Baseline 31.7% (2024-25); no later figure: no data" */
      text = g_strdup_printf (_("Baseline %s (%s); no later figure: %s"), baseline,
                              ep_plan_get_baseline_period (plan) ? ep_plan_get_baseline_period (plan) : "?", why);
    }
  gtk_label_set_label (self->compare_label, text);
  {
    g_autofree char *detail = g_strdup_printf ("%s.", ep_track_label (track.state));
    gtk_label_set_label (self->compare_detail, detail);
  }
}

static void
start_next_cycle_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EpPage *page = EP_PAGE (widget);
  EpDistrict *district = ep_page_get_district (page);
  EpSchool *school = ep_page_get_school (page);
  EpPlan *plan = ep_page_get_plan (page);
  EpHistory *history = ep_page_get_history (page);
  g_autoptr(EpPlan) next = NULL;
  GDate today;

  if (district == NULL || school == NULL || plan == NULL || history == NULL)
    return;
  ep_page_today (&today);
  next = ep_plan_new_next_cycle (district, school, plan, &today);
  if (ep_school_find_plan (school, ep_plan_get_cycle (next)) != NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  /* One step: undo removes the new plan. */
  ep_history_begin (history, _("Start next cycle"));
  ep_history_school_add_plan (history, school, next);
  ep_history_end (history);
  g_signal_emit (widget, signals[CYCLE_STARTED], 0, next);
}

static void
ep_page_reflect_plan_changed (EpPage *page)
{
  EpPageReflect *self = EP_REFLECT_PAGE (page);

  ep_binder_set_history (self->binder, ep_page_get_history (page));
  ep_binder_set_object (self->binder, ep_page_get_plan (page));
}

static void
ep_page_reflect_refresh (EpPage *page)
{
  EpPageReflect *self = EP_REFLECT_PAGE (page);
  EpSchool *school = ep_page_get_school (page);
  EpPlan *plan = ep_page_get_plan (page);
  g_autofree char *next = plan ? ep_next_cycle_name (ep_plan_get_cycle (plan)) : NULL;
  gboolean exists = school && next && ep_school_find_plan (school, next) != NULL;
  g_autofree char *text = NULL;

  ep_page_fill_findings (page, self->missing_box, EP_PAGE_REFLECT);
  show_comparison (self);
  if (plan == NULL)
    text = g_strdup ("");
  else if (exists)
    /* Translators: %s is a cycle such as 2026-27 */
    text = g_strdup_printf (_("The plan for %s has been started."), next);
  else
    /* Translators: %s is a cycle such as 2026-27 */
    text = g_strdup_printf (_("Starts the plan for %s: the problem statement carries forward with the latest value as its new baseline, and the actions are carried forward for review."), next);
  gtk_label_set_label (self->next_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reflect.start-next-cycle",
                                 plan != NULL && school != NULL && ep_page_get_history (page) != NULL && !exists);
}

static void
ep_page_reflect_dispose (GObject *object)
{
  EpPageReflect *self = EP_REFLECT_PAGE (object);

  g_clear_pointer (&self->binder, ep_binder_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PAGE_REFLECT);

  G_OBJECT_CLASS (ep_page_reflect_parent_class)->dispose (object);
}

static void
ep_page_reflect_class_init (EpPageReflectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EpPageClass *page_class = EP_PAGE_CLASS (klass);

  object_class->dispose = ep_page_reflect_dispose;
  page_class->plan_changed = ep_page_reflect_plan_changed;
  page_class->refresh = ep_page_reflect_refresh;

  /**
   * EpPageReflect::cycle-started:
   * @plan: the new plan, now in the school
   */
  signals[CYCLE_STARTED] =
    g_signal_new ("cycle-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, EP_TYPE_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-page-reflect.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, missing_box);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, compare_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, compare_detail);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, cause_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, decision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, result_view);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, lessons_view);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, next_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageReflect, next_cycle_button);

  gtk_widget_class_install_action (widget_class, "reflect.start-next-cycle", NULL, start_next_cycle_action);
}

static void
ep_page_reflect_init (EpPageReflect *self)
{
  g_autoptr(GtkStringList) causes = ep_enum_string_list (EP_TYPE_CAUSE);
  g_autoptr(GtkStringList) decisions = ep_enum_string_list (EP_TYPE_REFLECTION_DECISION);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->cause_dropdown, G_LIST_MODEL (causes));
  gtk_drop_down_set_model (self->decision_dropdown, G_LIST_MODEL (decisions));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->decision_dropdown),
                               _("Refine the approach, replace it, or scale it up"));

  self->binder = ep_binder_new (NULL);
  ep_binder_bind (self->binder, GTK_WIDGET (self->cause_dropdown), "reflection-cause");
  ep_binder_bind (self->binder, GTK_WIDGET (self->decision_dropdown), "reflection-decision");
  ep_binder_bind (self->binder, GTK_WIDGET (self->result_view), "reflection-result");
  ep_binder_bind (self->binder, GTK_WIDGET (self->lessons_view), "reflection-lessons");
}
