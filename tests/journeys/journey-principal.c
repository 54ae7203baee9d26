/* journey-principal.c — a principal's journey, from an empty district to the
 * next cycle, in the window (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 14, defect 1: "a new district is a dead end". Everything here is
 * done through the window's actions, its widgets and key-like activations
 * (Enter in entries, button clicks), then checked in the model and in the
 * file written. Each step prints its time (g_test_message).
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ep-test-util.h"
#include "ep-form.h"
#include "ep-page-design.h"
#include "ep-page-diagnose.h"
#include "ep-page-implement.h"
#include "ep-page-overview.h"
#include "ep-page-reflect.h"
#include "ep-plan-view.h"
#include "ep-window.h"
#include "ep-window-schools.h"

static gint64 step_start;

static void spin (guint ms);

/* With EP_SCREENSHOT_DIR set, a PNG of @widget's window as it is now. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("EP_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  spin (300);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
step (const char *what)
{
  gint64 now = g_get_monotonic_time ();

  if (step_start != 0)
    g_test_message ("  … %.0f ms", (now - step_start) / 1000.0);
  g_test_message ("step: %s", what);
  step_start = now;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

/* Until nothing is pending (idles: the pages' refresh), then a little more. */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  spin (50);
}

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static gboolean
has_form (gpointer window)
{
  return ep_window_get_form (window) != NULL;
}

static gboolean
has_district (gpointer window)
{
  return ep_window_get_district (window) != NULL;
}

static gboolean
not_busy (gpointer window)
{
  return !ep_window_get_busy (window);
}

static GtkWindow *
open_form (EpWindow   *window,
           const char *action,
           GVariant   *parameter)
{
  GtkWindow *form;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  spin_until (has_form, window);
  form = ep_window_get_form (window);
  spin (30);
  return form;
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_widget_grab_focus (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Enter in a field: the GtkText inside activates (and the dialog's default
 * button, where the entry activates it). */
static void
press_enter (GtkWidget *widget)
{
  GtkEditable *text = GTK_IS_EDITABLE (widget) ? gtk_editable_get_delegate (GTK_EDITABLE (widget)) : NULL;

  if (text != NULL)
    g_signal_emit_by_name (text, "activate");
  else
    gtk_widget_activate (widget);
  spin (10);
}

/* Types and presses Enter. */
static void
enter (GtkWidget  *widget,
       const char *text)
{
  type_into (widget, text);
  press_enter (widget);
}

static void
type_text_view (GtkWidget  *view,
                const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  spin (10);
}

static GtkWidget *
named (gpointer    root,
       const char *name)
{
  GtkWidget *widget = ep_find_named (GTK_WIDGET (root), name);

  if (widget == NULL && GTK_IS_WINDOW (root) && gtk_window_get_titlebar (root))
    widget = ep_find_named (gtk_window_get_titlebar (root), name);
  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static gpointer
page_child (EpPlanView *view,
            EpPlanPage  page,
            GType       type,
            const char *name)
{
  GtkWidget *widget = ep_plan_view_get_page (view, page);
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return child;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As Space on the focused button: GtkButton shows the press, then
   * clicks (after 250 ms). */
  gtk_widget_activate (button);
  spin (320);
}

/* The n-th row of a list box (rows, not other children). */
static GtkWidget *
nth_row (GtkListBox *list,
         int         n)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, n);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static void
select_by_id (GtkDropDown *dropdown,
              const char  *id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_id = NULL;

      g_object_get (item, "id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          spin (10);
          return;
        }
    }
  g_error ("no %s in the drop-down", id);
}

static void
set_score (GtkWidget  *row,
           const char *which,
           int         value)
{
  GtkSpinButton *spin_button = g_object_get_data (G_OBJECT (row), which);

  g_assert_nonnull (spin_button);
  gtk_spin_button_set_value (spin_button, value);
  spin (5);
}

/* What the principal builds, checked on a district (the open one, or the
 * file read back). */
static void
check_built (EpDistrict *district)
{
  EpSchool *school = ep_district_find_school (district, "3101");
  EpIndicator *absence;
  EpPlan *plan;
  EpMeasurement m;
  GListModel *ideas, *actions, *log;
  guint chosen = 0;

  g_assert_nonnull (school);
  g_assert_cmpstr (ep_school_get_name (school), ==, "Lincoln Elementary");
  absence = ep_school_find_indicator (school, "chronic-absence");
  g_assert_nonnull (absence);
  g_assert_cmpint (ep_indicator_get_kind (absence), ==, EP_INDICATOR_LEADING);
  g_assert_cmpint (ep_indicator_get_direction (absence), ==, EP_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpint (ep_indicator_get_unit (absence), ==, EP_UNIT_PERCENT);
  g_assert_cmpstr (ep_indicator_get_description (absence), ==, "Students missing 10% or more of school days.");
  /* 3 years × 2 groups, plus one suppressed cell. */
  g_assert_cmpuint (ep_indicator_get_n_measurements (absence), ==, 7);
  g_assert_true (ep_indicator_lookup (absence, "EL", "2025-26", &m));
  g_assert_cmpuint (m.numerator, ==, 18);
  g_assert_cmpuint (m.denominator, ==, 60);
  g_assert_true (ep_indicator_lookup (absence, "SWD", "2025-26", &m));
  g_assert_true (m.flags & EP_MEASUREMENT_SUPPRESSED);

  g_assert_cmpuint (g_list_model_get_n_items (ep_school_get_plans (school)), ==, 2);
  plan = ep_school_find_plan (school, "2026-27");
  g_assert_nonnull (plan);
  g_assert_cmpstr (ep_plan_get_problem_group (plan), ==, "EL");
  g_assert_cmpstr (ep_plan_get_problem_indicator (plan), ==, "chronic-absence");
  g_assert_cmpfloat_with_epsilon (ep_plan_get_baseline (plan), 30.0, 1e-9);
  g_assert_cmpstr (ep_plan_get_baseline_period (plan), ==, "2025-26");
  g_assert_cmpfloat_with_epsilon (ep_plan_get_target (plan), 20.0, 1e-9);
  g_assert_cmpstr (ep_plan_get_target_period (plan), ==, "2027-28");

  ideas = ep_plan_get_ideas (plan);
  g_assert_cmpuint (g_list_model_get_n_items (ideas), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (ideas, i);
      chosen += ep_idea_get_chosen (idea);
    }
  g_assert_cmpuint (chosen, ==, 2);
  actions = ep_plan_get_interventions (plan);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  {
    g_autoptr(EpIntervention) from_idea = g_list_model_get_item (actions, 0);
    g_autoptr(EpIntervention) own = g_list_model_get_item (actions, 1);
    GDate first, last;

    g_assert_cmpstr (ep_intervention_get_title (from_idea), ==, "Attendance mentors");
    g_assert_cmpstr (ep_intervention_get_description (from_idea), ==, "An adult checks in daily with each student.");
    g_assert_cmpstr (ep_intervention_get_roles (from_idea), ==, "Counselors match mentors; teachers refer");
    g_assert_cmpstr (ep_intervention_get_training (from_idea), ==, "Two sessions on mentoring in August");
    g_assert_cmpstr (ep_intervention_get_title (own), ==, "Family phone calls in home languages");
    g_assert_cmpstr (ep_intervention_get_owner (own), ==, "Ana Rivera");
    /* Inside the cycle 2026-27 (July to June). */
    g_assert_true (ep_cycle_dates ("2026-27", &first, &last));
    g_assert_cmpint (g_date_compare (ep_intervention_get_start (own), &first), >=, 0);
    g_assert_cmpint (g_date_compare (ep_intervention_get_end (own), &last), ==, 0);
  }
  log = ep_plan_get_log (plan);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 2);
  g_assert_true (ep_plan_get_has_reflection (plan));
  g_assert_cmpstr (ep_plan_get_reflection_result (plan), ==, "Chronic absence of English learners fell to 24%.");
  g_assert_nonnull (ep_school_find_plan (school, "2027-28"));
}

static void
test_principal (void)
{
  EpWindow *window;
  EpPlanView *view;
  EpDistrict *district;
  EpHistory *history;
  EpSchool *school;
  EpPlan *plan;
  GtkWindow *form;
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "lincoln.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint steps;

  g_setenv ("EP_TODAY", "2026-12-04", TRUE);
  window = ep_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  view = EP_PLAN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), EP_TYPE_WINDOW, "plan_view"));

  step ("New District (Ctrl+N)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  spin_until (has_district, window);
  district = ep_window_get_district (window);
  history = ep_window_get_history (window);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 0);

  step ("Add School: refused without an id, then added");
  form = open_form (window, "win.add-school", NULL);
  type_into (named (form, "name"), "Lincoln Elementary");
  enter (named (form, "id"), "");
  screenshot (GTK_WIDGET (form), "journey-add-school.png");
  g_assert_true (ep_window_get_form (window) == form);
  g_assert_nonnull (ep_form_get_error (form));
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 0);
  enter (named (form, "id"), "3101");
  spin (50);
  g_assert_null (ep_window_get_form (window));
  school = ep_district_find_school (district, "3101");
  g_assert_nonnull (school);
  g_assert_true (ep_window_get_selected_school (window) == school);

  step ("Rename (F2) refuses a taken id; renames");
  form = open_form (window, "win.rename-school", NULL);
  type_into (named (form, "name"), "Lincoln Elementary School");
  click (named (form, "accept"));
  g_assert_cmpstr (ep_school_get_name (school), ==, "Lincoln Elementary School");
  form = open_form (window, "win.rename-school", NULL);
  enter (named (form, "name"), "Lincoln Elementary");
  g_assert_cmpstr (ep_school_get_name (school), ==, "Lincoln Elementary");

  step ("Start a plan from the Overview");
  settle ();
  {
    GtkWidget *overview = ep_plan_view_get_page (view, EP_PAGE_OVERVIEW);
    GtkWidget *start = named (overview, "start-plan");

    spin_until ((gboolean (*) (gpointer)) gtk_widget_get_visible, start);
    screenshot (GTK_WIDGET (window), "journey-no-plan.png");
  }
  form = open_form (window, "win.start-plan", NULL);
  g_assert_cmpstr (ep_form_get_text (form, "cycle"), ==, "2026-27");
  enter (named (form, "cycle"), "2026-28");
  g_assert_nonnull (ep_form_get_error (form));
  enter (named (form, "cycle"), "2026-27");
  plan = ep_school_get_current_plan (school);
  g_assert_nonnull (plan);
  g_assert_cmpstr (ep_plan_get_cycle (plan), ==, "2026-27");
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_PREREQUISITES);
  settle ();
  g_assert_true (ep_plan_view_get_plan (view) == plan);

  step ("An empty step never says nothing is missing");
  {
    static const struct { EpPlanPage page; GType (*type) (void); } pages[] = {
      { EP_PAGE_DIAGNOSE, ep_page_diagnose_get_type },
      { EP_PAGE_DESIGN, ep_page_design_get_type },
      { EP_PAGE_IMPLEMENT, ep_page_implement_get_type },
      { EP_PAGE_REFLECT, ep_page_reflect_get_type },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GtkWidget *box = page_child (view, pages[i].page, pages[i].type (), "missing_box");
        GtkWidget *first = gtk_widget_get_first_child (box);

        g_assert_nonnull (first);
        g_assert_false (gtk_widget_has_css_class (first, "finding-ok"));
      }
  }

  step ("Add an indicator by hand");
  form = open_form (window, "win.add-indicator", NULL);
  type_into (named (form, "name"), "Chronic absence");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (form, "kind")), EP_INDICATOR_LEADING);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (form, "direction")), EP_DIRECTION_LOWER_IS_BETTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (form, "unit")), EP_UNIT_PERCENT);
  type_text_view (named (form, "description"), "Students missing 10% or more of school days.");
  click (named (form, "accept"));
  spin_until (has_form, window);   /* the data editor follows */
  form = ep_window_get_form (window);
  g_assert_nonnull (ep_school_find_indicator (school, "chronic-absence"));

  step ("Three years of measurements, typed into the grid");
  {
    EpIndicator *absence = ep_school_find_indicator (school, "chronic-absence");
    static const struct { const char *group, *period, *text; } cells[] = {
      { "all", "2023-24", "60 / 400" }, { "EL", "2023-24", "21 / 60" },
      { "all", "2024-25", "56 / 410" }, { "EL", "2024-25", "19 / 62" },
      { "all", "2025-26", "52 / 405" }, { "EL", "2025-26", "18 / 60" },
      { "SWD", "2025-26", "*" },
    };
    EpMeasurement m;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (form, "new-period"))), ==, "2025-26");
    enter (named (form, "new-period"), "2023-24");
    /* It offers the next year; Enter twice more. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (form, "new-period"))), ==, "2024-25");
    press_enter (named (form, "new-period"));
    press_enter (named (form, "new-period"));
    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      {
        g_autofree char *name = g_strdup_printf ("cell:%s:%s", cells[i].group, cells[i].period);
        enter (named (form, name), cells[i].text);
      }
    g_assert_cmpuint (ep_indicator_get_n_measurements (absence), ==, 7);
    screenshot (GTK_WIDGET (form), "journey-data-editor.png");

    /* Nonsense is refused with a reason and changes nothing. */
    enter (named (form, "cell:BL:2025-26"), "abc");
    g_assert_true (gtk_widget_get_visible (named (form, "error")));
    g_assert_false (ep_indicator_lookup (absence, "BL", "2025-26", &m));
    enter (named (form, "cell:BL:2025-26"), "41 / 40");
    g_assert_false (ep_indicator_lookup (absence, "BL", "2025-26", &m));
    enter (named (form, "cell:BL:2025-26"), "");
    g_assert_false (gtk_widget_get_visible (named (form, "error")));

    /* A correction is one undo step. */
    enter (named (form, "cell:EL:2025-26"), "17 / 60");
    g_assert_true (ep_indicator_lookup (absence, "EL", "2025-26", &m));
    g_assert_cmpuint (m.numerator, ==, 17);
    g_assert_true (ep_history_undo (history));
    g_assert_true (ep_indicator_lookup (absence, "EL", "2025-26", &m));
    g_assert_cmpuint (m.numerator, ==, 18);
    spin (20);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (form, "cell:EL:2025-26"))), ==, "18 / 60");
    click (named (form, "accept"));
    spin (50);
    g_assert_null (ep_window_get_form (window));
  }

  step ("Problem statement: group, indicator, baseline from the data, target");
  ep_plan_view_show_page (view, EP_PAGE_DIAGNOSE, NULL);
  ep_history_set (history, plan, "phase", EP_PHASE_DIAGNOSE, NULL);
  settle ();
  {
    GtkWidget *diagnose = ep_plan_view_get_page (view, EP_PAGE_DIAGNOSE);
    GtkWidget *target = page_child (view, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "target_entry");
    GtkWidget *target_period = page_child (view, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "target_period_entry");
    GtkWidget *error = named (diagnose, "problem-error");

    select_by_id (page_child (view, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "group_dropdown"), "EL");
    select_by_id (page_child (view, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "indicator_dropdown"), "chronic-absence");
    g_assert_cmpstr (ep_plan_get_problem_group (plan), ==, "EL");
    g_assert_cmpstr (ep_plan_get_problem_indicator (plan), ==, "chronic-absence");
    enter (page_child (view, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "baseline_period_entry"), "2025-26");
    click (named (diagnose, "use-data"));
    g_assert_true (ep_plan_get_has_baseline (plan));
    g_assert_cmpfloat_with_epsilon (ep_plan_get_baseline (plan), 30.0, 1e-9);   /* 18 / 60 */

    enter (target, "abc");
    g_assert_true (gtk_widget_get_visible (error));
    g_assert_false (ep_plan_get_has_target (plan));
    enter (target, "150");
    g_assert_true (gtk_widget_get_visible (error));
    screenshot (GTK_WIDGET (window), "journey-diagnose-refused.png");
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error)), "100"));
    g_assert_false (ep_plan_get_has_target (plan));
    enter (target, "20");
    g_assert_false (gtk_widget_get_visible (error));
    g_assert_true (ep_plan_get_has_target (plan));

    enter (target_period, "2024-25");
    g_assert_true (gtk_widget_get_visible (error));
    gtk_widget_grab_focus (GTK_WIDGET (view));
    spin (200);
    {
      /* The page, the Overview and `eqplan check` share the finding. */
      g_autoptr(GPtrArray) findings = ep_health_check (district, school, plan, NULL);
      gboolean found = FALSE;

      for (guint i = 0; i < findings->len; i++)
        found |= g_str_equal (((EpFinding *) findings->pdata[i])->code, "target-before-baseline");
      g_assert_true (found);
    }
    enter (target_period, "2027-28");
    g_assert_false (gtk_widget_get_visible (error));
  }

  step ("Diagnose is complete: the Overview offers Design");
  ep_plan_view_show_page (view, EP_PAGE_OVERVIEW, NULL);
  settle ();
  {
    GtkWidget *overview = ep_plan_view_get_page (view, EP_PAGE_OVERVIEW);

    spin_until ((gboolean (*) (gpointer)) gtk_widget_get_visible, named (overview, "advance"));
    screenshot (GTK_WIDGET (window), "journey-advance.png");
    click (named (overview, "advance-button"));
    g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_DESIGN);
  }

  step ("Design: four scored ideas, two chosen, one made an action");
  ep_plan_view_show_page (view, EP_PAGE_DESIGN, NULL);
  settle ();
  {
    GtkListBox *list = page_child (view, EP_PAGE_DESIGN, EP_TYPE_PAGE_DESIGN, "ideas_list");
    static const struct { const char *title; int impact, feasibility, alignment; gboolean chosen; } ideas[] = {
      { "Attendance mentors", 5, 4, 5, TRUE },
      { "Attendance awards", 2, 5, 2, FALSE },
      { "Family phone calls in home languages", 4, 4, 5, TRUE },
      { "Later start time", 3, 1, 3, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ideas); i++)
      {
        EpIdea *idea;
        GtkWidget *row = NULL;

        g_assert_true (gtk_widget_activate_action (ep_plan_view_get_page (view, EP_PAGE_DESIGN), "design.add-idea", NULL));
        spin (50);
        idea = g_list_model_get_item (ep_plan_get_ideas (plan), i);
        g_object_unref (idea);
        for (int r = 0; row == NULL; r++)
          {
            GtkWidget *candidate = nth_row (list, r);
            if (g_object_get_data (G_OBJECT (candidate), "ep-item") == idea)
              row = candidate;
          }
        type_into (named (row, "title"), ideas[i].title);
        set_score (row, "impact", ideas[i].impact);
        set_score (row, "feasibility", ideas[i].feasibility);
        set_score (row, "alignment", ideas[i].alignment);
        if (i == 0)
          type_text_view (named (row, "description"), "An adult checks in daily with each student.");
        if (ideas[i].chosen)
          gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "ep-chosen"), TRUE);
        spin (20);
        g_assert_cmpint (ep_idea_get_impact (idea), ==, ideas[i].impact);
        if (i == 0)
          click (named (row, "make-action"));
      }
    g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_interventions (plan)), ==, 1);
  }

  step ("Implement: roles and training of the first action, a second action, two log entries");
  ep_history_set (history, plan, "phase", EP_PHASE_IMPLEMENT, NULL);
  ep_plan_view_show_page (view, EP_PAGE_IMPLEMENT, NULL);
  settle ();
  {
    GtkWidget *implement = ep_plan_view_get_page (view, EP_PAGE_IMPLEMENT);
    GtkListBox *actions = page_child (view, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "actions_list");
    GtkWidget *first = nth_row (actions, 0);
    GtkWidget *second;
    int y_before, y_after;
    graphene_rect_t bounds;

    type_into (named (first, "roles"), "Counselors match mentors; teachers refer");
    type_text_view (named (first, "training"), "Two sessions on mentoring in August");

    g_assert_true (gtk_widget_activate_action (implement, "implement.add-action", NULL));
    spin (50);
    second = nth_row (actions, 1);
    /* Defect 7: the fields do not jump while one is typed in. */
    spin (200);
    g_assert_true (gtk_widget_compute_bounds (named (second, "title"), implement, &bounds));
    y_before = (int) bounds.origin.y;
    type_into (named (second, "title"), "F");
    spin (200);
    type_into (named (second, "title"), "Family phone calls in home languages");
    spin (200);
    g_assert_true (gtk_widget_compute_bounds (named (second, "title"), implement, &bounds));
    y_after = (int) bounds.origin.y;
    g_assert_cmpint (y_before, ==, y_after);
    g_assert_true (ep_page_get_findings_deferred (EP_PAGE (implement)));
    {
      /* The action's end date before its start: said next to the dates. */
      EpIntervention *action = g_object_get_data (G_OBJECT (second), "ep-item");
      GDate early;

      g_date_set_dmy (&early, 1, 7, 2026);
      ep_history_set (history, action, "end", &early, NULL);
      spin (20);
      g_assert_true (gtk_widget_get_visible (named (second, "date-error")));
      g_assert_true (ep_history_undo (history));
      spin (20);
      g_assert_false (gtk_widget_get_visible (named (second, "date-error")));
      ep_history_set (history, action, "owner", "Ana Rivera", "metric",
                      "Families reached in their language (goal 95%)", NULL);
    }
    {
      GtkWidget *metric_first = NULL;
      EpIntervention *action = g_object_get_data (G_OBJECT (first), "ep-item");

      (void) metric_first;
      ep_history_set (history, action, "owner", "Marcus Lee", "metric",
                      "Students with a mentor (goal 40)", NULL);
    }
    type_into (named (implement, "quick-log-who"), "Equity team");
    enter (named (implement, "quick-log-text"), "Started mentoring with 12 students.");
    enter (named (implement, "quick-log-text"), "Added Saturday calls after family feedback.");
    g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_log (plan)), ==, 2);
    /* A log entry can be corrected. */
    {
      GtkListBox *log = page_child (view, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "log_list");
      GtkWidget *row = nth_row (log, 0);
      EpLogEntry *entry = g_object_get_data (G_OBJECT (row), "ep-item");

      type_into (named (row, "log-text"), "Added Saturday calls after feedback from families.");
      spin (20);
      g_assert_cmpstr (ep_log_entry_get_text (entry), ==, "Added Saturday calls after feedback from families.");
    }
  }

  step ("Reflect, then start the next cycle");
  ep_history_set (history, plan, "phase", EP_PHASE_REFLECT, NULL);
  ep_plan_view_show_page (view, EP_PAGE_REFLECT, NULL);
  settle ();
  type_text_view (page_child (view, EP_PAGE_REFLECT, EP_TYPE_PAGE_REFLECT, "result_view"),
                  "Chronic absence of English learners fell to 24%.");
  g_assert_true (ep_plan_get_has_reflection (plan));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  spin (50);
  g_assert_true (gtk_widget_activate_action (ep_plan_view_get_page (view, EP_PAGE_REFLECT),
                                             "reflect.start-next-cycle", NULL));
  settle ();
  check_built (district);

  step ("Undo back to the empty district, redo forward");
  steps = 0;
  while (ep_history_undo (history))
    steps++;
  g_test_message ("%u undo steps", steps);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 0);
  spin (50);
  while (ep_history_redo (history))
    steps--;
  g_assert_cmpuint (steps, ==, 0);
  spin (50);
  check_built (district);

  step ("Save, close, reopen: everything there");
  ep_window_save_as (window, file);
  spin_until (not_busy, window);
  g_assert_false (ep_window_get_modified (window));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EpDistrict) reread = ep_xml_read_file (file, NULL, NULL, &error);

    g_assert_no_error (error);
    check_built (reread);
  }
  window = ep_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  ep_window_open (window, file);
  spin_until (has_district, window);
  check_built (ep_window_get_district (window));
  gtk_window_destroy (GTK_WINDOW (window));
  step ("done");
  ep_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/journey/principal", test_principal);
  return g_test_run ();
}
