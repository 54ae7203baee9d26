/* test-pages.c — the plan pages, the district view and the district
 * settings, driven through their widgets (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit must reach the model through EpHistory, and every widget must
 * follow the model back on undo. Set EP_SCREENSHOT_DIR to also save PNGs
 * of every page (light, dark and right-to-left).
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ep-date-entry.h"
#include "ep-district-settings.h"
#include "ep-district-view.h"
#include "ep-page-design.h"
#include "ep-page-diagnose.h"
#include "ep-page-implement.h"
#include "ep-page-overview.h"
#include "ep-page-reflect.h"
#include "ep-page-util.h"
#include "ep-plan-view.h"
#include "ep-test-util.h"

#define CHAVEZ "060000100002"   /* a plan in the Implement phase */

static int window_height = 760;

typedef struct {
  EpDistrict *district;
  EpSchool   *school;
  EpHistory  *history;
  GtkWindow  *window;
  EpPlanView *view;
} Fixture;

static void
spin_a_while (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Pages recompute in an idle after a change: wait for it. */
static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_warning_class (gpointer label)
{
  return gtk_widget_has_css_class (label, "warning");
}

static gboolean
has_no_warning_class (gpointer label)
{
  return !gtk_widget_has_css_class (label, "warning");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->district = ep_test_load_demo ();
  f->school = ep_district_find_school (f->district, data ? data : CHAVEZ);
  g_assert_nonnull (f->school);
  f->history = ep_history_new ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, window_height);
  f->view = EP_PLAN_VIEW (ep_plan_view_new ());
  g_object_set (f->view, "history", f->history, "district", f->district, "school", f->school, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  spin_a_while (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin_a_while (20);
  g_clear_object (&f->history);
  g_clear_object (&f->district);
}

static gpointer
page_child (Fixture    *f,
            EpPlanPage  page,
            GType       type,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (ep_plan_view_get_page (f->view, page), type, name);

  g_assert_nonnull (child);
  return child;
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &a, &b);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &a, &b, FALSE);
}

static void
maybe_screenshot (GtkWidget  *widget,
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
  /* No selected text in a focused entry in the pictures. */
  if (GTK_IS_WINDOW (widget))
    gtk_window_set_focus (GTK_WINDOW (widget), NULL);
  spin_a_while (300);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d×%d)", path, width, height);
}

/* Editing the problem statement through the widgets changes the plan
 * through the history; undo puts the old value back in the widgets. */
static void
test_problem_statement (Fixture       *f,
                        gconstpointer  data)
{
  EpPlan *plan = ep_plan_view_get_plan (f->view);
  GtkEntry *baseline = page_child (f, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "baseline_entry");
  GtkTextView *statement = page_child (f, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "statement_view");
  GtkEntry *target_period = page_child (f, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "target_period_entry");
  GtkDropDown *group = page_child (f, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "group_dropdown");
  g_autofree char *before = g_strdup (ep_plan_get_statement (plan));
  g_autofree char *shown = NULL;

  g_assert_cmpstr (ep_plan_get_cycle (plan), ==, "2025-26");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baseline)), ==, "31.7");
  g_assert_cmpstr (ep_student_group_get_label (gtk_drop_down_get_selected_item (group)), ==, "English learners");
  g_assert_false (ep_history_get_can_undo (f->history));

  /* A number typed in the user's locale, committed with Enter. */
  gtk_editable_set_text (GTK_EDITABLE (baseline), "35.5");
  g_signal_emit_by_name (baseline, "activate");
  g_assert_cmpfloat (ep_plan_get_baseline (plan), ==, 35.5);
  g_assert_true (ep_history_get_can_undo (f->history));

  /* Not a number: marked, not committed. */
  gtk_editable_set_text (GTK_EDITABLE (baseline), "abc");
  g_signal_emit_by_name (baseline, "activate");
  g_assert_cmpfloat (ep_plan_get_baseline (plan), ==, 35.5);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (baseline), "error"));

  g_assert_true (ep_history_undo (f->history));
  g_assert_cmpfloat (ep_plan_get_baseline (plan), ==, 31.7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baseline)), ==, "31.7");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (baseline), "error"));

  /* The statement text and the target period. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (statement), "Fewer English learners chronically absent.", -1);
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, "Fewer English learners chronically absent.");
  gtk_editable_set_text (GTK_EDITABLE (target_period), "2028-29");
  g_assert_cmpstr (ep_plan_get_target_period (plan), ==, "2028-29");
  g_assert_true (ep_history_undo (f->history));
  g_assert_cmpstr (ep_plan_get_target_period (plan), ==, "2027-28");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target_period)), ==, "2027-28");
  g_assert_true (ep_history_undo (f->history));
  shown = text_view_text (statement);
  g_assert_cmpstr (shown, ==, before);
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, before);

  /* Choosing another group from the district's groups. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (group)); i++)
    {
      g_autoptr(EpStudentGroup) g = g_list_model_get_item (gtk_drop_down_get_model (group), i);
      if (g_str_equal (ep_student_group_get_id (g), "SWD"))
        gtk_drop_down_set_selected (group, i);
    }
  g_assert_cmpstr (ep_plan_get_problem_group (plan), ==, "SWD");
  g_assert_true (ep_history_undo (f->history));
  g_assert_cmpstr (ep_plan_get_problem_group (plan), ==, "EL");
  g_assert_cmpstr (ep_student_group_get_label (gtk_drop_down_get_selected_item (group)), ==, "English learners");
}

/* The indicators table: a row per group, reasons instead of zeros. */
static void
test_indicators_table (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *rows = ep_page_diagnose_get_rows (EP_DIAGNOSE_PAGE (ep_plan_view_get_page (f->view, EP_PAGE_DIAGNOSE)));
  guint n = g_list_model_get_n_items (rows);
  gboolean saw_reason = FALSE;

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (ep_district_get_groups (f->district)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EpCells) cells = g_list_model_get_item (rows, i);
      const char *rate = ep_cells_get (cells, 2);

      g_assert_cmpstr (rate, !=, "0%");
      if (g_str_has_prefix (rate, "n < "))
        saw_reason = TRUE;
    }
  g_assert_true (saw_reason);
}

static void
test_add_action (Fixture       *f,
                 gconstpointer  data)
{
  EpPlan *plan = ep_plan_view_get_plan (f->view);
  GtkWidget *page = ep_plan_view_get_page (f->view, EP_PAGE_IMPLEMENT);
  GtkListBox *list = page_child (f, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "actions_list");
  guint n = g_list_model_get_n_items (ep_plan_get_interventions (plan));
  g_autoptr(EpIntervention) added = NULL;
  GtkListBoxRow *row;

  g_assert_cmpuint (n, ==, 3);
  g_assert_true (gtk_widget_activate_action (page, "implement.add-action", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_interventions (plan)), ==, n + 1);
  added = g_list_model_get_item (ep_plan_get_interventions (plan), n);
  g_assert_cmpstr (ep_intervention_get_id (added), ==, "a4");
  row = gtk_list_box_get_row_at_index (list, n);
  g_assert_nonnull (row);

  /* Typing the title in the new row reaches the model. */
  {
    GtkWidget *grid = gtk_list_box_row_get_child (row);
    GtkWidget *title = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
    gtk_editable_set_text (GTK_EDITABLE (title), "Attendance mentors in every grade");
    g_assert_cmpstr (ep_intervention_get_title (added), ==, "Attendance mentors in every grade");
  }
  g_assert_true (ep_history_undo (f->history));
  g_assert_null (ep_intervention_get_title (added));
  g_assert_true (ep_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_interventions (plan)), ==, n);
  g_assert_null (gtk_list_box_get_row_at_index (list, n));
}

static void
test_quick_log (Fixture       *f,
                gconstpointer  data)
{
  EpPlan *plan = ep_plan_view_get_plan (f->view);
  GtkListBox *list = page_child (f, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "log_list");
  GtkGrid *grid = page_child (f, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "quick_grid");
  GtkWidget *text = gtk_grid_get_child_at (grid, 1, 1);
  GtkWidget *date = gtk_grid_get_child_at (grid, 1, 0);
  guint n = g_list_model_get_n_items (ep_plan_get_log (plan));
  g_autoptr(EpLogEntry) entry = NULL;
  GtkListBoxRow *first;
  GDate today;

  g_assert_true (EP_IS_DATE_ENTRY (date));
  ep_page_today (&today);
  g_assert_cmpint (g_date_compare (ep_date_entry_get_date (EP_DATE_ENTRY (date)), &today), ==, 0);

  /* Enter with nothing typed adds nothing. */
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_log (plan)), ==, n);

  gtk_editable_set_text (GTK_EDITABLE (text), "Mentors asked for a shared check-in sheet.");
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_log (plan)), ==, n + 1);
  entry = g_list_model_get_item (ep_plan_get_log (plan), n);
  g_assert_cmpstr (ep_log_entry_get_text (entry), ==, "Mentors asked for a shared check-in sheet.");
  g_assert_cmpint (g_date_compare (ep_log_entry_get_date (entry), &today), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "");

  /* Newest first. */
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (g_object_get_data (G_OBJECT (first), "ep-item") == (gpointer) entry);

  g_assert_true (ep_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_log (plan)), ==, n);
}

static void
test_too_many_ideas (Fixture       *f,
                     gconstpointer  data)
{
  EpPlan *plan = ep_plan_view_get_plan (f->view);
  GtkLabel *label = page_child (f, EP_PAGE_DESIGN, EP_TYPE_PAGE_DESIGN, "chosen_label");
  GtkListBox *list = page_child (f, EP_PAGE_DESIGN, EP_TYPE_PAGE_DESIGN, "ideas_list");
  GtkToggleButton *sort = page_child (f, EP_PAGE_DESIGN, EP_TYPE_PAGE_DESIGN, "sort_button");
  GtkWidget *check = NULL;
  EpIdea *raffle = ep_plan_find_idea (plan, "i4");

  g_assert_cmpstr (gtk_label_get_label (label), ==, "3 of 2–3 chosen");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) raffle)
      check = g_object_get_data (G_OBJECT (row), "ep-chosen");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (ep_idea_get_chosen (raffle));
  spin_until (has_warning_class, label);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "4 chosen"));
  maybe_screenshot (GTK_WIDGET (f->window), "design-too-many.png");

  g_assert_true (ep_history_undo (f->history));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  spin_until (has_no_warning_class, label);

  /* Sorted by score: i2 (12) … i5 (9) … raffle (9). */
  gtk_toggle_button_set_active (sort, TRUE);
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);
    EpIdea *idea = g_object_get_data (G_OBJECT (first), "ep-item");
    g_assert_cmpstr (ep_idea_get_id (idea), ==, "i1");  /* 4 + 5 + 5 = 14 */
  }
}

typedef struct {
  GtkListBox *list;
  const char *code;
  GtkListBoxRow *row;
} FindRow;

static gboolean
find_finding (gpointer data)
{
  FindRow *find = data;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (find->list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "ep-code"), find->code) == 0)
      {
        find->row = row;
        return TRUE;
      }
  return FALSE;
}

/* A finding about one action: activating it opens Implement and focuses
 * that action's row. */
static void
test_health_navigation (Fixture       *f,
                        gconstpointer  data)
{
  EpPlan *plan = ep_plan_view_get_plan (f->view);
  EpIntervention *action = ep_plan_find_intervention (plan, "a2");
  FindRow find = { page_child (f, EP_PAGE_OVERVIEW, EP_TYPE_PAGE_OVERVIEW, "health_list"), "action-no-owner", NULL };
  GtkListBox *actions = page_child (f, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "actions_list");
  GtkWidget *focus;

  g_assert_cmpstr (ep_plan_view_get_page_name (f->view), ==, "overview");
  ep_history_set (f->history, action, "owner", NULL, NULL);
  spin_until (find_finding, &find);
  gtk_widget_activate (GTK_WIDGET (find.row));
  g_assert_cmpstr (ep_plan_view_get_page_name (f->view), ==, "implement");
  spin_a_while (50);
  focus = gtk_window_get_focus (f->window);
  g_assert_nonnull (focus);
  {
    GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_get_parent (row) == GTK_WIDGET (actions));
    g_assert_true (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) action);
  }
}

static void
test_health_navigation_diagnose (Fixture       *f,
                                 gconstpointer  data)
{
  EpPlan *plan = ep_plan_view_get_plan (f->view);
  FindRow find = { page_child (f, EP_PAGE_OVERVIEW, EP_TYPE_PAGE_OVERVIEW, "health_list"), "no-target", NULL };

  /* Clearing the target makes a finding fixed on Diagnose. */
  ep_history_set (f->history, plan, "has-target", FALSE, NULL);
  spin_until (find_finding, &find);
  gtk_widget_activate (GTK_WIDGET (find.row));
  g_assert_cmpstr (ep_plan_view_get_page_name (f->view), ==, "diagnose");
}

static void
test_next_cycle (Fixture       *f,
                 gconstpointer  data)
{
  EpPlan *old = ep_plan_view_get_plan (f->view);
  GtkWidget *page = ep_plan_view_get_page (f->view, EP_PAGE_REFLECT);
  guint n_plans = g_list_model_get_n_items (ep_school_get_plans (f->school));
  EpPlan *next;
  EpAnalysis analysis;
  EpTrack track;
  g_autoptr(GPtrArray) dummy = NULL;

  ep_analysis_init (&analysis, f->district);
  ep_analysis_track (&analysis, f->school, old, NULL, &track);
  g_assert_true (ep_figure_ok (&track.current));

  g_assert_true (gtk_widget_activate_action (page, "reflect.start-next-cycle", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ep_school_get_plans (f->school)), ==, n_plans + 1);
  next = ep_school_find_plan (f->school, "2026-27");
  g_assert_nonnull (next);
  g_assert_true (ep_plan_view_get_plan (f->view) == next);
  g_assert_cmpstr (ep_plan_get_problem_group (next), ==, "EL");
  g_assert_cmpfloat (ep_plan_get_baseline (next), ==, track.current.value);
  g_assert_cmpstr (ep_plan_get_baseline_period (next), ==, track.period);
  g_assert_cmpfloat (ep_plan_get_target (next), ==, ep_plan_get_target (old));
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_interventions (next)), ==, 3);
  {
    g_autoptr(EpIntervention) a = g_list_model_get_item (ep_plan_get_interventions (next), 0);
    g_autoptr(EpLogEntry) e = g_list_model_get_item (ep_plan_get_log (next), 0);
    g_assert_cmpint (ep_intervention_get_status (a), ==, EP_STATUS_PLANNED);
    g_assert_nonnull (strstr (ep_log_entry_get_text (e), "to review"));
  }
  g_assert_cmpstr (ep_history_get_undo_label (f->history), ==, "Start next cycle");
  /* Again is refused: that cycle exists. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (page, EP_TYPE_PAGE_REFLECT, "next_cycle_button"))) &&
                  ep_plan_view_get_plan (f->view) == old);

  /* One undo removes it, and the view goes back to the plan before. */
  g_assert_true (ep_history_undo (f->history));
  g_assert_false (ep_history_get_can_undo (f->history));
  g_assert_null (ep_school_find_plan (f->school, "2026-27"));
  g_assert_true (ep_plan_view_get_plan (f->view) == old);
  (void) dummy;
}

static void
school_activated_cb (EpDistrictView *view,
                     const char     *id,
                     char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_district_view (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  g_autoptr(EpHistory) history = ep_history_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  EpDistrictView *view = EP_DISTRICT_VIEW (ep_district_view_new ());
  GListModel *model = ep_district_view_get_model (view);
  GtkColumnView *table = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW, "table"));
  GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW, "search_entry"));
  GtkDropDown *track = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW, "track_dropdown"));
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autofree char *activated = NULL;
  guint behind = 0;

  gtk_window_set_default_size (window, 1100, 500);
  gtk_window_set_child (window, GTK_WIDGET (view));
  ep_district_view_set_district (view, district);
  gtk_window_present (window);
  spin_a_while (50);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  maybe_screenshot (GTK_WIDGET (window), "district-view.png");

  /* Sort by name, descending. */
  name_column = g_list_model_get_item (gtk_column_view_get_columns (table), 0);
  gtk_column_view_sort_by_column (table, name_column, GTK_SORT_DESCENDING);
  {
    g_autoptr(GObject) first = g_list_model_get_item (model, 0);
    g_autoptr(GObject) last = g_list_model_get_item (model, 3);
    g_assert_cmpstr (ep_district_view_row_get_name (first), ==, "Riverside High School");
    g_assert_cmpstr (ep_district_view_row_get_name (last), ==, "César Chávez Middle School");
  }
  gtk_column_view_sort_by_column (table, name_column, GTK_SORT_ASCENDING);
  {
    g_autoptr(GObject) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (ep_district_view_row_get_name (first), ==, "César Chávez Middle School");
  }

  /* Filter by text. */
  gtk_editable_set_text (search, "high");
  spin_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (search, "");
  spin_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* Filter by on-track state: "Behind the path" is the 4th choice. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      behind += ep_district_view_row_get_track (row) == EP_TRACK_BEHIND;
    }
  gtk_drop_down_set_selected (track, 3);
  spin_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, behind);
  gtk_drop_down_set_selected (track, 0);
  spin_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* Activating a row names its school. */
  g_signal_connect (view, "school-activated", G_CALLBACK (school_activated_cb), &activated);
  g_signal_emit_by_name (table, "activate", 0);
  g_assert_cmpstr (activated, ==, CHAVEZ);

  /* A change in a school reaches its row. */
  {
    EpSchool *school = ep_district_find_school (district, CHAVEZ);
    ep_history_set (history, ep_school_get_current_plan (school), "focus", EP_FOCUS_LITERACY, NULL);
    spin_a_while (100);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(GObject) row = g_list_model_get_item (model, i);
        if (g_str_equal (ep_district_view_row_get_id (row), CHAVEZ))
          g_assert_nonnull (row);
      }
  }
  gtk_window_destroy (window);
  spin_a_while (20);
}

static void
test_district_view_large (void)
{
  g_autoptr(EpDistrict) district = ep_synth_district (1500, 3, 7);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  EpDistrictView *view = EP_DISTRICT_VIEW (ep_district_view_new ());
  GtkColumnView *table = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW, "table"));
  gint64 start;
  g_autoptr(GtkColumnViewColumn) track_column = NULL;

  gtk_window_set_default_size (window, 1100, 500);
  gtk_window_set_child (window, GTK_WIDGET (view));
  start = g_get_monotonic_time ();
  ep_district_view_set_district (view, district);
  g_test_message ("set in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_present (window);
  while (g_main_context_iteration (NULL, FALSE));
  g_test_message ("1,500 schools shown in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_view_get_model (view)), ==, 1500);

  start = g_get_monotonic_time ();
  track_column = g_list_model_get_item (gtk_column_view_get_columns (table), 5);
  gtk_column_view_sort_by_column (table, track_column, GTK_SORT_ASCENDING);
  spin_a_while (50);
  g_test_message ("sorted by on-track state in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_destroy (window);
  spin_a_while (20);
}

static void
test_settings (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  g_autoptr(EpHistory) history = ep_history_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *settings = ep_district_settings_new ();
  GtkSpinButton *min_n = GTK_SPIN_BUTTON (gtk_widget_get_template_child (settings, EP_TYPE_DISTRICT_SETTINGS, "min_n_spin"));
  GtkEntry *marker = GTK_ENTRY (gtk_widget_get_template_child (settings, EP_TYPE_DISTRICT_SETTINGS, "marker_entry"));
  guint n_groups = g_list_model_get_n_items (ep_district_get_groups (district));

  gtk_window_set_default_size (window, 900, 700);
  g_object_set (settings, "history", history, "district", district, NULL);
  gtk_window_set_child (window, settings);
  gtk_window_present (window);
  spin_a_while (50);

  g_assert_cmpfloat (gtk_spin_button_get_value (min_n), ==, 10);
  gtk_spin_button_set_value (min_n, 20);
  g_assert_cmpuint (ep_district_get_min_n (district), ==, 20);
  g_assert_true (ep_history_get_can_undo (history));
  g_assert_true (ep_history_undo (history));
  g_assert_cmpuint (ep_district_get_min_n (district), ==, 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (min_n), ==, 10);

  gtk_editable_set_text (GTK_EDITABLE (marker), "n<10");
  g_assert_cmpstr (ep_district_get_marker (district), ==, "n<10");

  g_assert_true (gtk_widget_activate_action (settings, "settings.add-group", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_groups (district)), ==, n_groups + 1);
  g_assert_true (ep_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_groups (district)), ==, n_groups);

  maybe_screenshot (GTK_WIDGET (window), "settings.png");
  gtk_window_destroy (window);
  spin_a_while (20);
}

static void
test_locale_numbers (void)
{
  double v = 0;

  g_assert_true (ep_parse_locale_number ("31.7", &v));
  g_assert_cmpfloat (v, ==, 31.7);
  g_assert_true (ep_parse_locale_number (" 20 % ", &v));
  g_assert_cmpfloat (v, ==, 20);
  g_assert_false (ep_parse_locale_number ("", &v));
  g_assert_false (ep_parse_locale_number ("abc", &v));
  g_assert_false (ep_parse_locale_number ("1.2.3x", &v));
  {
    g_autofree char *a = ep_format_locale_number (31.70, 2);
    g_autofree char *b = ep_format_locale_number (20.0, 1);
    g_assert_cmpstr (a, ==, "31.7");
    g_assert_cmpstr (b, ==, "20");
  }
  {
    g_autofree char *a = ep_next_cycle_name ("2025-26");
    g_autofree char *b = ep_next_cycle_name ("2099-00");
    g_assert_cmpstr (a, ==, "2026-27");
    g_assert_cmpstr (b, ==, "2100-01");
  }
}

static void
screenshot_all (const char *suffix)
{
  static const char *schools[] = { CHAVEZ, "060000100003" };
  static const EpPlanPage pages[] = { EP_PAGE_OVERVIEW, EP_PAGE_PREREQUISITES, EP_PAGE_DIAGNOSE,
                                      EP_PAGE_DESIGN, EP_PAGE_IMPLEMENT, EP_PAGE_REFLECT };
  static const char *names[] = { "overview", "prerequisites", "diagnose", "design", "implement", "reflect" };

  for (guint s = 0; s < G_N_ELEMENTS (schools); s++)
    {
      Fixture f = { 0 };

      fixture_set_up (&f, schools[s]);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *name = g_strdup_printf ("page-%s-%s%s.png", names[p], s == 0 ? "implement" : "design", suffix);
          ep_plan_view_show_page (f.view, pages[p], NULL);
          maybe_screenshot (GTK_WIDGET (f.window), name);
          if (pages[p] == EP_PAGE_IMPLEMENT)
            {
              g_autofree char *part = g_strdup_printf ("timeline-%s%s.png", s == 0 ? "implement" : "design", suffix);
              maybe_screenshot (page_child (&f, EP_PAGE_IMPLEMENT, EP_TYPE_PAGE_IMPLEMENT, "timeline_slot"), part);
            }
        }
      fixture_tear_down (&f, NULL);
    }
  {
    g_autoptr(EpDistrict) district = ep_test_load_demo ();
    GtkWindow *window = GTK_WINDOW (gtk_window_new ());
    GtkWidget *view = ep_district_view_new ();
    g_autofree char *name = g_strdup_printf ("district-view%s.png", suffix);

    gtk_window_set_default_size (window, 1100, 420);
    ep_district_view_set_district (EP_DISTRICT_VIEW (view), district);
    gtk_window_set_child (window, view);
    gtk_window_present (window);
    maybe_screenshot (GTK_WIDGET (window), name);
    gtk_window_destroy (window);
  }
}

static void
test_screenshots (void)
{
  if (g_getenv ("EP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("EP_SCREENSHOT_DIR not set");
      return;
    }
  window_height = 1000;
  screenshot_all ("");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  screenshot_all ("-dark");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  screenshot_all ("-rtl");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int    argc,
      char **argv)
{
  /* Figures that depend on today (stale log, the timeline) stay put. */
  g_setenv ("EP_TODAY", "2026-03-02", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* No cross-fades half-way through in the screenshots. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pages/problem-statement", test_problem_statement);
  ADD ("/pages/indicators-table", test_indicators_table);
  ADD ("/pages/add-action", test_add_action);
  ADD ("/pages/quick-log", test_quick_log);
  ADD ("/pages/too-many-ideas", test_too_many_ideas);
  ADD ("/pages/health-navigation", test_health_navigation);
  ADD ("/pages/health-navigation-diagnose", test_health_navigation_diagnose);
  ADD ("/pages/next-cycle", test_next_cycle);
#undef ADD
  g_test_add_func ("/pages/locale-numbers", test_locale_numbers);
  g_test_add_func ("/district-view/sort-filter", test_district_view);
  g_test_add_func ("/district-view/1500-schools", test_district_view_large);
  g_test_add_func ("/district-settings/min-n", test_settings);
  g_test_add_func ("/pages/screenshots", test_screenshots);

  return g_test_run ();
}
