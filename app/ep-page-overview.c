/* ep-page-overview.c — the plan at a glance: phase, problem statement and
 * whether it is on track, the cycle's steps, and the plan-health findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-page-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-chart.h"
#include "ep-page-overview.h"
#include "ep-page-util.h"

struct _EpPageOverview
{
  EpPage       parent_instance;

  EpChart     *chart;

  /* Template widgets */
  GtkLabel    *school_label;
  GtkLabel    *cycle_label;
  GtkDropDown *phase_dropdown;
  GtkLabel    *problem_label;
  GtkLabel    *track_label;
  GtkLabel    *track_detail_label;
  GtkBox      *chart_slot;
  GtkGrid     *steps_grid;
  guint        n_steps;
  GtkLabel    *health_summary;
  GtkListBox  *health_list;

  GtkWidget   *start_box;     /* no plan yet: start one */
  GtkWidget   *advance_box;   /* the phase's step is done: move on */
  GtkLabel    *advance_label;
  GtkWidget   *advance_button;

  /* Owned */
  EpBinder    *binder;
};

G_DEFINE_FINAL_TYPE (EpPageOverview, ep_page_overview, EP_TYPE_PAGE)

enum {
  NAVIGATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_track (EpPageOverview *self)
{
  EpPage *page = EP_PAGE (self);
  EpDistrict *district = ep_page_get_district (page);
  EpSchool *school = ep_page_get_school (page);
  EpPlan *plan = ep_page_get_plan (page);
  static const char *classes[] = { "track-ahead", "track-on", "track-behind", "track-unknown" };
  EpAnalysis analysis;
  EpTrack track;
  EpIndicator *indicator;
  g_autoptr(GString) detail = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->track_label), classes[i]);
  if (district == NULL || school == NULL || plan == NULL)
    {
      gtk_label_set_label (self->track_label, ep_track_label (EP_TRACK_UNKNOWN));
      gtk_label_set_label (self->track_detail_label, "");
      return;
    }
  ep_analysis_init (&analysis, district);
  ep_analysis_track (&analysis, school, plan, NULL, &track);
  indicator = ep_plan_get_problem_indicator (plan) ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;

  gtk_label_set_label (self->track_label, ep_track_label (track.state));
  gtk_widget_add_css_class (GTK_WIDGET (self->track_label), ep_track_css_class (track.state));

  if (track.period != NULL)
    {
      g_autofree char *current = ep_format_figure (indicator, &track.current, FALSE);
      g_autofree char *path = ep_format_figure (indicator, &track.path, FALSE);

      /* Translators: "2024-25: 27.8%, the path to the target is at 27.8%" */
      g_string_append_printf (detail, _("%s: %s, the path to the target is at %s."), track.period, current, path);
      if (ep_figure_ok (&track.projected))
        {
          g_autofree char *projected = ep_format_figure (indicator, &track.projected, FALSE);
          /* Translators: "At this pace: 24.5% by 2027-28" */
          g_string_append_printf (detail, " ");
          g_string_append_printf (detail, _("At this pace: %s by %s."), projected,
                                  ep_plan_get_target_period (plan));
        }
      if (ep_figure_ok (&track.successes_to_target) && track.successes_to_target.value > 0)
        {
          int n = (int) track.successes_to_target.value;
          g_string_append (detail, " ");
          if (indicator != NULL && ep_indicator_get_direction (indicator) == EP_DIRECTION_LOWER_IS_BETTER)
            /* Translators: for an outcome to avoid, e.g. chronic absence */
            g_string_append_printf (detail, ngettext ("%d student fewer would have to have this outcome to reach the target.",
                                                      "%d students fewer would have to have this outcome to reach the target.", n), n);
          else
            g_string_append_printf (detail, ngettext ("%d more student would have to reach the target.",
                                                      "%d more students would have to reach the target.", n), n);
        }
    }
  else
    {
      g_autofree char *why = NULL;
      EpFigure none = EP_FIGURE_NONE (track.reason);

      if (track.reason == EP_REASON_NOT_APPLICABLE)
        {
          /* Say what is wrong, by the rules the Diagnose page shows. */
          g_autoptr(GPtrArray) findings = NULL;
          const char *first = NULL;
          GDate today;

          ep_page_today (&today);
          findings = ep_health_check_steps (district, school, plan, &today);
          for (guint i = 0; i < findings->len && first == NULL; i++)
            {
              EpFinding *f = findings->pdata[i];

              if (f->page == EP_PAGE_DIAGNOSE && f->severity == EP_SEVERITY_ERROR)
                first = f->message;
            }
          if (first != NULL)
            g_string_append (detail, first);
          else
            g_string_append (detail, _("Complete the problem statement on the Diagnose page to follow it here."));
        }
      else
        {
          why = ep_figure_explain (&none);
          /* Translators: why the track is not known, e.g. "No figure yet: no data" */
          g_string_append_printf (detail, _("No figure yet: %s."), why);
        }
    }
  gtk_label_set_label (self->track_detail_label, detail->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_slot),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail->str, -1);
}

static void
add_step (EpPageOverview *self,
          EpPlanPage      step,
          gboolean        done,
          const char     *text)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (done ? "emblem-ok-symbolic" : "content-loading-symbolic");
  GtkWidget *name = gtk_label_new (ep_enum_label (EP_TYPE_PLAN_PAGE, step));
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *a11y = g_strdup_printf ("%s: %s (%s)", ep_enum_label (EP_TYPE_PLAN_PAGE, step), text,
                                           done ? _("done") : _("not done yet"));
  guint row = self->n_steps++;

  gtk_widget_add_css_class (icon, done ? "step-done" : "step-missing");
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_valign (name, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_grid_attach (self->steps_grid, icon, 0, row, 1, 1);
  gtk_grid_attach (self->steps_grid, name, 1, row, 1, 1);
  gtk_grid_attach (self->steps_grid, label, 2, row, 1, 1);
}

/* A step is done by the same rules as the pages' findings (ep-health). */
static gboolean
step_done (EpPageOverview *self,
           EpPhase         step,
           const GDate    *today)
{
  EpPage *page = EP_PAGE (self);

  return ep_health_step_complete (ep_page_get_district (page), ep_page_get_school (page),
                                  ep_page_get_plan (page), step, today);
}

/* Offers to move the plan on when its phase's step is complete. */
static void
show_advance (EpPageOverview *self)
{
  EpPage *page = EP_PAGE (self);
  EpPlan *plan = ep_page_get_plan (page);
  EpPhase phase;
  GDate today;
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;

  gtk_widget_set_visible (self->start_box, plan == NULL && ep_page_get_school (page) != NULL);
  /* Without a plan, the plan's sections would all be empty. */
  for (GtkWidget *c = gtk_widget_get_next_sibling (self->advance_box); c; c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_visible (c, plan != NULL);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (GTK_WIDGET (self->cycle_label)), plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_dropdown), plan != NULL);
  if (plan == NULL || ep_page_get_district (page) == NULL ||
      (phase = ep_plan_get_phase (plan)) >= EP_PHASE_REFLECT)
    {
      gtk_widget_set_visible (self->advance_box, FALSE);
      return;
    }
  ep_page_today (&today);
  if (!step_done (self, phase, &today))
    {
      gtk_widget_set_visible (self->advance_box, FALSE);
      return;
    }
  /* Translators: the first %s is a step of the cycle that is complete, the second the next
   * step, e.g. "Prerequisites is complete. Move the plan on to Diagnose?" */
  text = g_strdup_printf (_("%s is complete. Move the plan on to %s?"),
                          ep_enum_label (EP_TYPE_PHASE, phase), ep_enum_label (EP_TYPE_PHASE, phase + 1));
  /* Translators: a button; %s is the next step of the cycle */
  button = g_strdup_printf (_("Move to %s"), ep_enum_label (EP_TYPE_PHASE, phase + 1));
  gtk_label_set_label (self->advance_label, text);
  gtk_button_set_label (GTK_BUTTON (self->advance_button), button);
  gtk_widget_set_visible (self->advance_box, TRUE);
}

static void
advance_clicked_cb (EpPageOverview *self)
{
  EpPlan *plan = ep_page_get_plan (EP_PAGE (self));
  EpHistory *history = ep_page_get_history (EP_PAGE (self));

  if (plan != NULL && history != NULL && ep_plan_get_phase (plan) < EP_PHASE_REFLECT)
    ep_history_set (history, plan, "phase", ep_plan_get_phase (plan) + 1, NULL);
}

static void
show_steps (EpPageOverview *self)
{
  EpPlan *plan = ep_page_get_plan (EP_PAGE (self));
  EpDistrict *district = ep_page_get_district (EP_PAGE (self));
  GtkWidget *child;
  guint sessions, champions, ideas, chosen = 0, actions, log, terms;
  g_autofree char *pre = NULL, *design = NULL, *impl = NULL;
  gboolean has_problem;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_grid))))
    gtk_grid_remove (self->steps_grid, child);
  self->n_steps = 0;
  if (plan == NULL || district == NULL)
    return;

  terms = g_list_model_get_n_items (ep_district_get_glossary (district));
  sessions = g_list_model_get_n_items (ep_plan_get_listening_sessions (plan));
  champions = g_list_model_get_n_items (ep_plan_get_champions (plan));
  ideas = g_list_model_get_n_items (ep_plan_get_ideas (plan));
  for (guint i = 0; i < ideas; i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (ep_plan_get_ideas (plan), i);
      chosen += ep_idea_get_chosen (idea) ? 1 : 0;
    }
  actions = g_list_model_get_n_items (ep_plan_get_interventions (plan));
  log = g_list_model_get_n_items (ep_plan_get_log (plan));

  {
    g_autofree char *a = g_strdup_printf (ngettext ("%u glossary term", "%u glossary terms", terms), terms);
    g_autofree char *b = g_strdup_printf (ngettext ("%u listening session", "%u listening sessions", sessions), sessions);
    g_autofree char *c = g_strdup_printf (ngettext ("%u champion", "%u champions", champions), champions);
    /* Translators: a list of three counts */
    pre = g_strdup_printf (_("%s · %s · %s"), a, b, c);
  }
  ep_page_today (&today);
  add_step (self, EP_PAGE_PREREQUISITES, step_done (self, EP_PHASE_PREREQUISITES, &today), pre);

  has_problem = step_done (self, EP_PHASE_DIAGNOSE, &today);
  add_step (self, EP_PAGE_DIAGNOSE, has_problem,
            has_problem ? _("A measurable problem statement") : _("The problem statement is incomplete"));

  /* Translators: "3 of 5 ideas chosen" */
  design = g_strdup_printf (ngettext ("%u of %u idea chosen", "%u of %u ideas chosen", ideas), chosen, ideas);
  add_step (self, EP_PAGE_DESIGN, step_done (self, EP_PHASE_DESIGN, &today), design);

  {
    g_autofree char *a = g_strdup_printf (ngettext ("%u action", "%u actions", actions), actions);
    g_autofree char *b = g_strdup_printf (ngettext ("%u decision-log entry", "%u decision-log entries", log), log);
    /* Translators: a list of two counts */
    impl = g_strdup_printf (_("%s · %s"), a, b);
  }
  add_step (self, EP_PAGE_IMPLEMENT, step_done (self, EP_PHASE_IMPLEMENT, &today), impl);
  add_step (self, EP_PAGE_REFLECT, step_done (self, EP_PHASE_REFLECT, &today),
            ep_plan_get_has_reflection (plan) ? _("Reflection written") : _("No reflection yet"));
}

typedef struct {
  EpPlanPage page;
  GObject   *item;
} RowTarget;

static void
row_target_free (gpointer p)
{
  RowTarget *t = p;
  g_clear_object (&t->item);
  g_free (t);
}

static void
show_health (EpPageOverview *self)
{
  EpPage *page = EP_PAGE (self);
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *child;
  guint errors = 0, warnings = 0;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->health_list))))
    gtk_list_box_remove (self->health_list, child);
  if (ep_page_get_district (page) == NULL || ep_page_get_plan (page) == NULL)
    {
      gtk_label_set_label (self->health_summary, "");
      return;
    }
  ep_page_today (&today);
  findings = ep_health_check (ep_page_get_district (page), ep_page_get_school (page),
                              ep_page_get_plan (page), &today);
  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *f = findings->pdata[i];
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon, *label, *where;
      RowTarget *target = g_new0 (RowTarget, 1);
      const char *severity;

      errors += f->severity == EP_SEVERITY_ERROR;
      warnings += f->severity == EP_SEVERITY_WARNING;
      switch (f->severity)
        {
        case EP_SEVERITY_ERROR:
          icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
          /* Translators: severity of a plan-health finding, read by screen readers */
          severity = _("Error");
          gtk_widget_add_css_class (box, "finding-error");
          break;
        case EP_SEVERITY_WARNING:
          icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          severity = _("Warning");
          gtk_widget_add_css_class (box, "finding-warning");
          break;
        case EP_SEVERITY_INFO:
        default:
          icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
          severity = _("Note");
          gtk_widget_add_css_class (box, "finding-info");
          break;
        }
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      label = gtk_label_new (f->message);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      where = gtk_label_new (ep_enum_label (EP_TYPE_PLAN_PAGE, f->page));
      gtk_widget_add_css_class (where, "dim-label");
      gtk_widget_set_valign (where, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), where);
      gtk_widget_add_css_class (box, "finding-row");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      {
        /* Translators: accessible name of a health finding: severity, message, page to fix it on */
        g_autofree char *a11y = g_strdup_printf (_("%s: %s (fix on %s)"), severity, f->message,
                                                 ep_enum_label (EP_TYPE_PLAN_PAGE, f->page));
        ep_set_accessible_label (row, a11y);
      }
      target->page = f->page;
      target->item = f->item ? g_object_ref (f->item) : NULL;
      g_object_set_data_full (G_OBJECT (row), "ep-target", target, row_target_free);
      g_object_set_data (G_OBJECT (row), "ep-code", (gpointer) f->code);
      gtk_list_box_append (self->health_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->health_list), findings->len > 0);
  if (findings->len == 0)
    gtk_label_set_label (self->health_summary, _("No problems found in this plan."));
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
      g_autofree char *counts = errors == 0 ? g_strdup (w) : warnings == 0 ? g_strdup (e)
                                /* Translators: "2 errors, 3 warnings" */
                                : g_strdup_printf (_("%s, %s"), e, w);
      /* Translators: "2 errors, 3 warnings. Activate a finding to go where it is fixed." */
      g_autofree char *s = g_strdup_printf (_("%s. Activate a finding to go where it is fixed."), counts);
      gtk_label_set_label (self->health_summary, s);
    }
}

static void
row_activated_cb (EpPageOverview *self,
                  GtkListBoxRow  *row)
{
  RowTarget *target = g_object_get_data (G_OBJECT (row), "ep-target");

  if (target != NULL)
    g_signal_emit (self, signals[NAVIGATE], 0, (guint) target->page, target->item);
}

static void
ep_page_overview_plan_changed (EpPage *page)
{
  EpPageOverview *self = EP_OVERVIEW_PAGE (page);

  ep_binder_set_history (self->binder, ep_page_get_history (page));
  ep_binder_set_object (self->binder, ep_page_get_plan (page));
}

static void
ep_page_overview_refresh (EpPage *page)
{
  EpPageOverview *self = EP_OVERVIEW_PAGE (page);
  EpSchool *school = ep_page_get_school (page);
  EpPlan *plan = ep_page_get_plan (page);
  g_autofree char *problem = NULL;
  g_autofree char *cycle = NULL;

  gtk_label_set_label (self->school_label, school ? ep_school_get_name (school) : "");
  /* Translators: the plan of a cycle, e.g. "Plan 2025-26" */
  cycle = plan ? g_strdup_printf (_("Plan %s"), ep_plan_get_cycle (plan)) : g_strdup (_("No plan yet"));
  gtk_label_set_label (self->cycle_label, cycle);
  if (plan != NULL)
    {
      problem = ep_describe_problem (ep_page_get_district (page), school, plan);
      if (ep_plan_get_statement (plan))
        {
          char *both = g_strdup_printf ("%s\n%s", problem, ep_plan_get_statement (plan));
          g_free (problem);
          problem = both;
        }
    }
  gtk_label_set_label (self->problem_label, problem ? problem : "");
  show_track (self);
  show_steps (self);
  show_advance (self);
  show_health (self);
  g_object_set (self->chart,
                "district", ep_page_get_district (page),
                "school", school,
                "plan", plan,
                "indicator", plan ? ep_plan_get_problem_indicator (plan) : NULL,
                NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), plan != NULL && ep_plan_get_problem_indicator (plan) != NULL);
}

static void
ep_page_overview_dispose (GObject *object)
{
  EpPageOverview *self = EP_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->binder, ep_binder_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PAGE_OVERVIEW);

  G_OBJECT_CLASS (ep_page_overview_parent_class)->dispose (object);
}

static void
ep_page_overview_class_init (EpPageOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EpPageClass *page_class = EP_PAGE_CLASS (klass);

  object_class->dispose = ep_page_overview_dispose;
  page_class->plan_changed = ep_page_overview_plan_changed;
  page_class->refresh = ep_page_overview_refresh;

  /**
   * EpPageOverview::navigate:
   * @page: the EpPlanPage where the finding is fixed
   * @item: (nullable): the record concerned
   */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-page-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, school_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, cycle_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, track_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, track_detail_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, steps_grid);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, health_summary);
  gtk_widget_class_bind_template_child (widget_class, EpPageOverview, health_list);
}

static void
ep_page_overview_init (EpPageOverview *self)
{
  g_autoptr(GtkStringList) phases = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  phases = ep_enum_string_list (EP_TYPE_PHASE);
  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (phases));
  g_signal_connect_swapped (self->health_list, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->binder = ep_binder_new (NULL);
  ep_binder_bind (self->binder, GTK_WIDGET (self->phase_dropdown), "phase");

  {
    GtkWidget *cycle_row = gtk_widget_get_parent (GTK_WIDGET (self->cycle_label));
    GtkWidget *column = gtk_widget_get_parent (cycle_row);
    GtkWidget *label, *button;

    self->start_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_set_name (self->start_box, "start-plan");
    label = gtk_label_new (_("The school has no plan yet. A plan follows one cycle, usually a school "
                             "year: prerequisites, diagnose, design, implement, reflect."));
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_set_hexpand (label, TRUE);
    button = gtk_button_new_with_mnemonic (_("_Start a Plan…"));
    gtk_widget_add_css_class (button, "suggested-action");
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.start-plan");
    gtk_box_append (GTK_BOX (self->start_box), label);
    gtk_box_append (GTK_BOX (self->start_box), button);
    gtk_box_insert_child_after (GTK_BOX (column), self->start_box, cycle_row);
    gtk_widget_set_visible (self->start_box, FALSE);

    self->advance_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_set_name (self->advance_box, "advance");
    gtk_widget_add_css_class (self->advance_box, "advance-phase");
    self->advance_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->advance_label, TRUE);
    gtk_label_set_xalign (self->advance_label, 0);
    gtk_widget_set_hexpand (GTK_WIDGET (self->advance_label), TRUE);
    self->advance_button = gtk_button_new_with_label ("");
    gtk_widget_set_name (self->advance_button, "advance-button");
    gtk_widget_set_valign (self->advance_button, GTK_ALIGN_CENTER);
    g_signal_connect_swapped (self->advance_button, "clicked", G_CALLBACK (advance_clicked_cb), self);
    gtk_box_append (GTK_BOX (self->advance_box), GTK_WIDGET (self->advance_label));
    gtk_box_append (GTK_BOX (self->advance_box), self->advance_button);
    gtk_box_insert_child_after (GTK_BOX (column), self->advance_box, self->start_box);
    gtk_widget_set_visible (self->advance_box, FALSE);
  }

  self->chart = EP_CHART (ep_chart_new ());
  ep_chart_set_kind (self->chart, EP_CHART_KIND_TREND);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 280);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (self->chart_slot, GTK_WIDGET (self->chart));
}
