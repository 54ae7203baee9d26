/* test-window.c — the window, driven as a person would (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set EP_SCREENSHOT_DIR to also save PNGs of what the window shows.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "ep-test-util.h"
#include "ep-district-settings.h"
#include "ep-chart.h"
#include "ep-district-view.h"
#include "ep-plan-view.h"
#include "ep-translation-editor.h"
#include "ep-window.h"
#include "ep-window-reports.h"

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_district (gpointer data)
{
  return ep_window_get_district (data) != NULL;
}

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

static gpointer
child (EpWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), EP_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
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
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  spin_a_while (300);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      /* Not drawn yet (a dialog still mapping): no picture this time. */
      g_test_message ("nothing drawn for %s yet", name);
      return;
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d×%d)", path, width, height);
}

static EpWindow *
open_demo (void)
{
  g_autofree char *path = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EpWindow *window = ep_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  ep_window_open (window, file);
  spin_until (has_district, window);
  return window;
}

static void
test_open_demo (void)
{
  EpWindow *window = open_demo ();
  EpDistrict *district = ep_window_get_district (window);
  GtkListView *list = child (window, "school_list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  EpSchool *selected;

  g_assert_cmpstr (ep_district_get_name (district), ==, "Riverside Unified School District");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "riverside.eqplan — Equity Planner");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* The first school is selected and shown. */
  selected = ep_window_get_selected_school (window);
  g_assert_nonnull (selected);
  g_assert_true (ep_plan_view_get_school (child (window, "plan_view")) == selected);
  g_assert_true (ep_plan_view_get_plan (child (window, "plan_view")) == ep_school_get_current_plan (selected));
  g_assert_true (ep_plan_view_get_history (child (window, "plan_view")) == ep_window_get_history (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==, "school");

  maybe_screenshot (GTK_WIDGET (window), "window-demo.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_select_and_search (void)
{
  EpWindow *window = open_demo ();
  GtkListView *list = child (window, "school_list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  EpPlan *plan;

  ep_window_select_school (window, "060000100002");
  g_assert_cmpstr (ep_school_get_id (ep_window_get_selected_school (window)), ==, "060000100002");
  plan = ep_plan_view_get_plan (child (window, "plan_view"));
  g_assert_cmpstr (ep_plan_get_problem_group (plan), ==, "EL");
  g_assert_cmpstr (ep_plan_get_target_period (plan), ==, "2027-28");
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_IMPLEMENT);
  maybe_screenshot (GTK_WIDGET (window), "window-implement.png");

  /* Ctrl+F focuses the search; typing filters the schools. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  spin_a_while (50);
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
    GtkWidget *entry = child (window, "search_entry");

    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_entry")), "high");
  spin_a_while (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (ep_school_get_name (ep_window_get_selected_school (window)), ==, "Riverside High School");

  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_entry")), "no such school");
  spin_a_while (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The district view lists every school; activating a row opens it. Ctrl+,
 * opens the district settings, whose edits go through the window's undo. */
static void
test_district_view (void)
{
  EpWindow *window = open_demo ();
  EpDistrictView *view = child (window, "district_view");
  GtkWidget *settings_window;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-district", NULL);
  spin_a_while (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==, "district");
  g_assert_null (ep_window_get_selected_school (window));
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_view_get_model (view)), ==, 4);
  maybe_screenshot (GTK_WIDGET (window), "window-district.png");

  g_signal_emit_by_name (view, "school-activated", "060000100003");
  spin_a_while (50);
  g_assert_cmpstr (ep_school_get_id (ep_window_get_selected_school (window)), ==, "060000100003");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==, "school");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.district-settings", NULL);
  spin_a_while (100);
  settings_window = g_object_get_data (G_OBJECT (window), "ep-settings-window");
  g_assert_true (GTK_IS_WINDOW (settings_window));
  g_assert_true (gtk_widget_get_visible (settings_window));
  gtk_window_destroy (GTK_WINDOW (settings_window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The District Overview (issue 14, 9): at 1100×720 every column fits
 * without cutting (also right to left); the roll-up's indicator, group and
 * period are chosen with GtkDropDowns, by default the board packet's
 * choice; gap trends as the packet words them, with their unit; "On track"
 * only after a period later than the baseline; sort and filter. */
static void
check_overview_fits (EpWindow *window)
{
  EpDistrictView *view = child (window, "district_view");
  GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW, "table"));
  GtkWidget *scroller = gtk_widget_get_parent (table);
  GtkWidget *name_header = NULL;
  guint labels = 0;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (table));
    g_test_message ("window %d px; columns %.0f px in a %.0f px view", gtk_widget_get_width (GTK_WIDGET (window)),
                    gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 1080);   /* 1100 less the frame */
    /* Every column fits: nothing to scroll to sideways. */
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);
  }
  /* No cell is ellipsized. */
  for (GtkWidget *w = gtk_widget_get_first_child (table); w != NULL;)
    {
      if (GTK_IS_LABEL (w))
        {
          labels++;
          g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (w)), ==, PANGO_ELLIPSIZE_NONE);
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (w))));
          if (name_header == NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), "School") == 0)
            name_header = w;
        }
      /* Depth first. */
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != table && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == table ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (labels, >, 8 * 4);
  /* The School column is on screen. */
  g_assert_nonnull (name_header);
  {
    graphene_rect_t b;
    g_assert_true (gtk_widget_compute_bounds (name_header, scroller, &b));
    g_assert_cmpfloat (b.origin.x, >=, 0);
    g_assert_cmpfloat (b.origin.x + b.size.width, <=, gtk_widget_get_width (scroller));
  }
}

static EpWindow *
open_demo_sized (int width,
                 int height)
{
  g_autofree char *path = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EpWindow *window = ep_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ep_window_open (window, file);
  spin_until (has_district, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-district", NULL);
  spin_a_while (300);
  return window;
}

static void
test_district_overview (void)
{
  EpWindow *window = open_demo_sized (1100, 720);
  EpDistrictView *view = child (window, "district_view");
  EpDistrict *district = ep_window_get_district (window);
  EpChart *chart = EP_CHART (ep_district_view_get_chart (view));
  GtkDropDown *groups = ep_district_view_get_rollup_chooser (view, 1);
  GtkDropDown *periods = ep_district_view_get_rollup_chooser (view, 2);
  GListModel *model = ep_district_view_get_model (view);
  g_autofree char *indicator = NULL, *group = NULL;
  guint with_unit = 0, n;
  EpSchool *school;
  EpPlan *plan;
  GtkColumnViewColumn *column;

  check_overview_fits (window);
  maybe_screenshot (GTK_WIDGET (window), "district-overview-1100.png");

  /* The packet's roll-up, shown by default. */
  ep_rollup_choose (district, NULL, NULL, &indicator, &group);
  g_assert_nonnull (indicator);
  g_assert_cmpstr (ep_chart_get_indicator (chart), ==, indicator);
  g_assert_cmpstr (ep_chart_get_group (chart), ==, group);
  g_assert_null (ep_chart_get_period (chart));
  /* Another group and a period, chosen. */
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (groups)); i++)
    if (i != gtk_drop_down_get_selected (groups))
      {
        gtk_drop_down_set_selected (groups, i);
        break;
      }
  g_assert_cmpstr (ep_chart_get_group (chart), !=, group);
  g_assert_nonnull (ep_chart_get_group (chart));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (periods)), >, 1);
  gtk_drop_down_set_selected (periods, 1);
  g_assert_nonnull (ep_chart_get_period (chart));

  /* Gap trends with their unit, never "no later period". */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      const char *trend = ep_district_view_row_get_cell (row, 6);

      g_test_message ("%s: %s / %s", ep_district_view_row_get_name (row), ep_district_view_row_get_cell (row, 5), trend);
      g_assert_null (strstr (trend, "no later period"));
      with_unit += strstr (trend, " pp") != NULL || strstr (trend, "unchanged") != NULL;
    }
  g_assert_cmpuint (with_unit, >, 0);

  /* A plan whose baseline is the latest period: not "On track" yet. */
  school = ep_district_find_school (district, "060000100002");
  plan = ep_school_get_current_plan (school);
  {
    EpIndicator *ind = ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan));
    g_autoptr(GPtrArray) list = ep_indicator_list_periods (ind);
    ep_plan_set_baseline_period (plan, list->pdata[list->len - 1]);
  }
  spin_a_while (100);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      if (g_strcmp0 (ep_district_view_row_get_id (row), "060000100002") == 0)
        {
          g_assert_cmpstr (ep_district_view_row_get_cell (row, 5), ==, "No data after baseline yet");
          g_assert_cmpint (ep_district_view_row_get_track (row), ==, EP_TRACK_UNKNOWN);
        }
    }

  /* Sorted by school, both ways, and filtered by text. */
  column = g_list_model_get_item (gtk_column_view_get_columns (
             GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW, "table"))), 0);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view),
                                  EP_TYPE_DISTRICT_VIEW, "table")), column, GTK_SORT_DESCENDING);
  n = g_list_model_get_n_items (model);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, i - 1);
      g_autoptr(GObject) b = g_list_model_get_item (model, i);
      g_assert_cmpint (g_utf8_collate (ep_district_view_row_get_name (a), ep_district_view_row_get_name (b)), >=, 0);
    }
  g_object_unref (column);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (view), EP_TYPE_DISTRICT_VIEW,
                                                                      "search_entry")), "Riverside High");
  spin_a_while (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));

  /* Right to left: the School column is on screen too. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = open_demo_sized (1100, 720);
  check_overview_fits (window);
  maybe_screenshot (GTK_WIDGET (window), "district-overview-1100-rtl.png");
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* Translate the Plan (Ctrl+T): the plan's texts side by side with their
 * Spanish; what is typed is one undo step and lands in the model. */
static void
test_translate (void)
{
  EpWindow *window = open_demo ();
  EpTranslationEditor *editor;
  GtkEditable *entry = NULL;
  EpPlan *plan;
  guint rows;

  ep_window_select_school (window, "060000100002");
  plan = ep_plan_view_get_plan (child (window, "plan_view"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.translate", NULL);
  spin_a_while (100);
  editor = g_object_get_data (G_OBJECT (window), "ep-translation-editor");
  g_assert_true (EP_IS_TRANSLATION_EDITOR (editor));
  ep_translation_editor_set_language (editor, "es");
  rows = ep_translation_editor_get_n_rows (editor);
  g_assert_cmpuint (rows, >, 20);

  /* Find the plan's root cause (the demo has no Spanish for it). */
  g_assert_null (ep_node_get_translation (plan, "root-cause", "es"));
  for (guint i = 0; i < rows && entry == NULL; i++)
    {
      GtkEditable *e = ep_translation_editor_get_entry (editor, i);
      GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (e));
      GtkWidget *heading = gtk_widget_get_first_child (box);

      if (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (heading)), "root-cause"))
        entry = e;
    }
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "warning"));
  gtk_editable_set_text (entry, "Las ausencias");
  gtk_editable_set_text (entry, "Las ausencias se concentran los lunes.");
  g_assert_cmpstr (ep_node_get_translation (plan, "root-cause", "es"), ==, "Las ausencias se concentran los lunes.");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "warning"));
  maybe_screenshot (GTK_WIDGET (editor), "translate-es.png");

  /* Typing was one step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin_a_while (50);
  g_assert_null (ep_node_get_translation (plan, "root-cause", "es"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  ep_translation_editor_set_language (editor, "ar");
  spin_a_while (50);
  maybe_screenshot (GTK_WIDGET (editor), "translate-ar.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_pdf (const char *path,
        gsize       min_size)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  return g_file_get_contents (path, &contents, &size, NULL) && size >= min_size &&
         g_str_has_prefix (contents, "%PDF-");
}

/* The board packet from the window: exported in a thread with progress
 * (and the open file untouched), printed through GtkPrintOperation to a
 * PDF, and a school's family summary in Spanish. */
static void
test_reports (void)
{
  EpWindow *window = open_demo ();
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *packet = g_build_filename (dir, "packet.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *family = g_build_filename (dir, "family.pdf", NULL);
  g_autoptr(GFile) packet_file = g_file_new_for_path (packet);
  g_autoptr(GFile) family_file = g_file_new_for_path (family);
  g_autoptr(GError) error = NULL;
  guint waited = 0;

  {
    EpBoardPacketOptions options;

    ep_board_packet_options_init (&options);
    ep_window_export_board_packet (window, &options, packet_file);
  }
  g_assert_nonnull (g_object_get_data (G_OBJECT (window), "ep-export-running"));
  while (g_object_get_data (G_OBJECT (window), "ep-export-running") != NULL && waited++ < 3000)
    spin_a_while (10);
  g_assert_null (g_object_get_data (G_OBJECT (window), "ep-export-running"));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "ep-last-export-pages")), >=, 6);
  g_assert_true (is_pdf (packet, 10000));
  g_assert_false (ep_window_get_modified (window));

  g_assert_cmpint (ep_window_print_board_packet (window, printed), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (is_pdf (printed, 10000));

  ep_window_select_school (window, "060000100002");
  {
    EpFamilySummaryOptions options;

    g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    /* Spanish needs its catalog: the build's. */
    bindtextdomain (GETTEXT_PACKAGE, po);
    ep_family_summary_options_init (&options);
    options.language = "es";
    g_assert_true (ep_window_write_family_summary (window, &options, family_file, &error));
  }
  g_assert_no_error (error);
  g_assert_true (is_pdf (family, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
  if (g_getenv ("EP_KEEP_REPORTS"))
    g_test_message ("reports kept in %s", dir);
  else
    ep_test_rm_rf (dir);
}

static gboolean
has_error_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (w))
        {
          *(GtkWindow **) data = w;
          return TRUE;
        }
    }
  return FALSE;
}

/* A broken file: a clear message naming file, line and column, and the
 * district already open stays as it was. */
static void
test_open_broken_keeps_district (void)
{
  EpWindow *window = open_demo ();
  EpDistrict *before = ep_window_get_district (window);
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strdup_printf ("%s:4:1: ", path);
  GtkWindow *dialog = NULL;
  g_autofree char *secondary = NULL;

  g_assert_true (g_file_set_contents (path,
    "<?xml version=\"1.0\"?>\n<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>Broken</name><school id=\"x\"\n", -1, NULL));

  g_test_expect_message ("ep-window", G_LOG_LEVEL_WARNING, "*could not be opened*");
  ep_window_open (window, file);
  spin_until (has_error_dialog, &dialog);
  g_test_assert_expected_messages ();

  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, expected));
  /* No .bak next to it: none is mentioned, none offered. */
  g_assert_null (strstr (secondary, ".bak"));
  g_assert_null (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), 100));
  g_assert_true (ep_window_get_district (window) == before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "riverside.eqplan — Equity Planner");

  maybe_screenshot (GTK_WIDGET (dialog), "dialog-broken.png");
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  ep_test_rm_rf (dir);
}

/* Presses Escape the way GTK does: the window's shortcut controllers are
 * searched for a trigger of Escape without modifiers, and its action is
 * activated on the window. FALSE when no such shortcut exists. */
static gboolean
press_escape (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, window, NULL);
        }
    }
  return FALSE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* A dialog of the window: a header bar with Done, and Escape closes it. */
static void
assert_header_bar_dialog (GtkWidget *dialog,
                          gboolean   close_with_done)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (dialog));
  GtkWidget *done;

  g_assert_true (GTK_IS_HEADER_BAR (titlebar));
  done = find_descendant (titlebar, GTK_TYPE_BUTTON);
  g_assert_nonnull (done);
  g_assert_true (gtk_widget_has_css_class (done, "suggested-action"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  if (close_with_done)
    g_signal_emit_by_name (done, "clicked");
  else
    g_assert_true (press_escape (dialog));
  spin_a_while (100);
  g_assert_null (dialog);
}

/* District Settings and Translate are header-bar dialogs with Done that
 * Escape closes; the settings forms share one label column; the language
 * chooser names each language in its own language (issue 14, 12). */
static void
test_dialogs (void)
{
  EpWindow *window = open_demo ();
  GtkWidget *settings_window, *settings, *editor, *dropdown;
  GtkStringList *names;
  const char *fields[] = { "min_n_spin", "min_cell_spin", "top_code_spin", "bottom_code_spin",
                           "marker_entry", "threshold_spin", "periods_spin" };
  double x0 = -1;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.district-settings", NULL);
  spin_a_while (200);
  settings_window = g_object_get_data (G_OBJECT (window), "ep-settings-window");
  g_assert_true (GTK_IS_WINDOW (settings_window));
  settings = find_descendant (settings_window, EP_TYPE_DISTRICT_SETTINGS);
  g_assert_nonnull (settings);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *field = GTK_WIDGET (gtk_widget_get_template_child (settings, EP_TYPE_DISTRICT_SETTINGS,
                                                                    fields[i]));
      graphene_rect_t bounds;

      g_assert_nonnull (field);
      g_assert_true (gtk_widget_compute_bounds (field, settings, &bounds));
      if (x0 < 0)
        x0 = bounds.origin.x;
      g_test_message ("%s at x = %.0f", fields[i], bounds.origin.x);
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, x0, 0.5);
    }
  maybe_screenshot (settings_window, "dialog-settings.png");
  assert_header_bar_dialog (settings_window, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.district-settings", NULL);
  spin_a_while (100);
  assert_header_bar_dialog (g_object_get_data (G_OBJECT (window), "ep-settings-window"), TRUE);

  ep_window_select_school (window, "060000100002");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.translate", NULL);
  spin_a_while (100);
  editor = g_object_get_data (G_OBJECT (window), "ep-translation-editor");
  g_assert_true (EP_IS_TRANSLATION_EDITOR (editor));
  dropdown = find_descendant (editor, GTK_TYPE_DROP_DOWN);
  names = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)));
  g_assert_cmpstr (gtk_string_list_get_string (names, 0), ==, "Español");
  g_assert_cmpstr (gtk_string_list_get_string (names, 1), ==, "العربية");
  ep_translation_editor_set_language (EP_TRANSLATION_EDITOR (editor), "vi");
  g_assert_cmpstr (gtk_string_list_get_string (names, gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown))),
                   ==, "Tiếng Việt");
  assert_header_bar_dialog (editor, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.translate", NULL);
  spin_a_while (100);
  assert_header_bar_dialog (g_object_get_data (G_OBJECT (window), "ep-translation-editor"), TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_file (gpointer window)
{
  return ep_window_get_file (window) != NULL;
}

/* A broken file with a .bak next to it: the message names the copy and
 * Open Backup opens it (issue 14, 12). */
static void
test_open_broken_with_backup (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  EpWindow *window = ep_window_new (NULL);
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.eqplan", NULL);
  g_autofree char *bak = g_build_filename (dir, "broken.eqplan.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;
  GtkWindow *dialog = NULL;
  g_autofree char *secondary = NULL;
  GFile *opened;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_file_get_contents (demo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (bak, contents, length, NULL));
  g_assert_true (g_file_set_contents (path,
    "<?xml version=\"1.0\"?>\n<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>Broken</name><school id=\"x\"\n", -1, NULL));

  g_test_expect_message ("ep-window", G_LOG_LEVEL_WARNING, "*could not be opened*");
  ep_window_open (window, file);
  spin_until (has_error_dialog, &dialog);
  g_test_assert_expected_messages ();
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "broken.eqplan.bak"));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), 100));
  maybe_screenshot (GTK_WIDGET (dialog), "dialog-broken-bak.png");
  gtk_dialog_response (GTK_DIALOG (dialog), 100);
  spin_until (has_file, window);
  opened = ep_window_get_file (window);
  g_assert_nonnull (opened);
  {
    g_autofree char *opened_path = g_file_get_path (opened);
    g_assert_cmpstr (opened_path, ==, bak);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  /* What the application loads from its resource base path. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  if (g_strcmp0 (g_getenv ("EP_SCREENSHOT_RTL"), "1") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  if (g_strcmp0 (g_getenv ("EP_SCREENSHOT_DARK"), "1") == 0)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);

  g_test_add_func ("/window/open-demo", test_open_demo);
  g_test_add_func ("/window/district-view", test_district_view);
  g_test_add_func ("/window/translate", test_translate);
  g_test_add_func ("/window/reports", test_reports);
  g_test_add_func ("/window/select-and-search", test_select_and_search);
  g_test_add_func ("/window/open-broken-keeps-district", test_open_broken_keeps_district);
  g_test_add_func ("/window/open-broken-with-backup", test_open_broken_with_backup);
  g_test_add_func ("/window/dialogs", test_dialogs);
  g_test_add_func ("/window/district-overview", test_district_overview);

  return g_test_run ();
}
