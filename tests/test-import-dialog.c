/* test-import-dialog.c — the import assistant, driven through its actions
 * and widgets (under Xvfb): preview and delimiter, mapping, dry run with
 * progress, import as one undo step, Stop, broken files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set EP_SCREENSHOT_DIR to save a PNG of each step (EP_SCREENSHOT_DARK=1,
 * EP_SCREENSHOT_RTL=1 for the dark and right-to-left variants).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ep-import-dialog.h"
#include "ep-test-util.h"
#include "ep-window.h"

static char *xdg_root;

/* ---- Helpers ------------------------------------------------------------ */

typedef gboolean (*Predicate) (gpointer data);

static void
spin_until (Predicate done,
            gpointer  data)
{
  /* Generous: sanitizer builds read the 5 MB broken files slowly. */
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
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

static gboolean
not_reading (gpointer dialog)
{
  return !ep_import_dialog_get_reading (dialog);
}

static gboolean
is_null (gpointer pointer_to_pointer)
{
  return *(gpointer *) pointer_to_pointer == NULL;
}

static gpointer
child (gpointer    dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), EP_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (gpointer    dialog,
            const char *name)
{
  return gtk_label_get_label (child (dialog, name));
}

static char *
count_text (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static void
assert_count_label (gpointer    dialog,
                    const char *name,
                    guint64     n)
{
  g_autofree char *expected = count_text (n);
  g_assert_cmpstr (label_text (dialog, name), ==, expected);
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
  paintable = gtk_widget_paintable_new (widget);
  /* Past transitions; a window between frames may have nothing to show. */
  for (guint tries = 0; node == NULL && tries < 10; tries++)
    {
      spin_a_while (300);
      width = gdk_paintable_get_intrinsic_width (paintable);
      height = gdk_paintable_get_intrinsic_height (paintable);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    {
      g_test_message ("No screenshot %s: nothing drawn", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static EpWindow *
demo_window (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  EpWindow *window = ep_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  ep_window_set_district (window, district, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy (EpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_while (50);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static EpImportDialog *
open_assistant (EpWindow   *window,
                const char *path)
{
  g_autoptr(GFile) file = path ? g_file_new_for_path (path) : NULL;
  GtkWindow *dialog = ep_window_import (window, file);

  g_assert_true (EP_IS_IMPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_set_default_size (dialog, 900, 640);
  return EP_IMPORT_DIALOG (dialog);
}

static guint
n_columns (GtkColumnView *view)
{
  return g_list_model_get_n_items (gtk_column_view_get_columns (view));
}

static guint
n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* The number of rows of a list box. */
static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w; w = gtk_widget_get_next_sibling (w))
    n++;
  return n;
}

/* The role dropdown of the column @index. */
static GtkDropDown *
role_dropdown (EpImportDialog *dialog,
               guint           index)
{
  GtkListBox *list = child (dialog, "roles_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) index);
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *control = gtk_widget_get_last_child (box);

  g_assert_true (GTK_IS_DROP_DOWN (control));
  return GTK_DROP_DOWN (control);
}

static const char small_csv[] =
  "school,name,group,year,count,enrolled\n"
  "060000100001,Riverside Elementary,Hispanic/Latino,2030-31,30,120\n"
  "060000100001,Riverside Elementary,Black or African American,2030-31,*,9\n"
  "S9,Hilltop Middle,All Students,2030-31,12,300\n"
  "S9,Hilltop Middle,Martians,2030-31,1,3\n";

/* ---- Tests -------------------------------------------------------------- */

/* The whole way: preview, delimiter, the guessed mapping completed, the
 * dry run's numbers, Import, then Undo and Redo in the window. */
static void
test_small_file (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = write_temp (dir, "small.csv", small_csv, -1);
  EpWindow *window = demo_window ();
  EpDistrict *district = ep_window_get_district (window);
  g_autofree char *before = ep_test_write_string (district);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint n_schools = g_list_model_get_n_items (ep_district_get_schools (district));
  EpImportDialog *dialog = open_assistant (window, path);
  EpMapping *mapping;
  const EpImportReport *report;
  EpSchool *school;

  /* (b) The preview: 4 rows, 7 columns (the line and 6 fields), commas. */
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpuint (n_rows (child (dialog, "preview_view")), ==, 4);
  g_assert_cmpuint (n_columns (child (dialog, "preview_view")), ==, 7);
  g_assert_nonnull (strstr (label_text (dialog, "detected_label"), "comma-separated"));
  g_assert_nonnull (strstr (label_text (dialog, "detected_label"), "UTF-8"));
  maybe_screenshot (GTK_WIDGET (dialog), "import-1-preview.png");

  /* Semicolons: one column a row; then back to automatic. */
  gtk_drop_down_set_selected (child (dialog, "delimiter_dropdown"), 2);
  g_assert_cmpuint (n_columns (child (dialog, "preview_view")), ==, 2);
  g_assert_nonnull (strstr (label_text (dialog, "detected_label"), "semicolon-separated"));
  gtk_drop_down_set_selected (child (dialog, "delimiter_dropdown"), 0);
  g_assert_cmpuint (n_columns (child (dialog, "preview_view")), ==, 7);

  /* (c) The guess: every column placed but the indicator, named by hand. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "mapping");
  mapping = ep_import_dialog_get_mapping (dialog);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "mapping_dropdown")), ==, 0);
  g_assert_cmpstr (ep_mapping_get_column (mapping, EP_MAPPING_ROLE_SCHOOL_ID), ==, "school");
  g_assert_cmpstr (ep_mapping_get_column (mapping, EP_MAPPING_ROLE_NUMERATOR), ==, "count");
  g_assert_cmpuint (n_list_rows (child (dialog, "roles_list")), ==, 6);
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (dialog, 4)), ==, 1 + EP_MAPPING_ROLE_NUMERATOR);
  /* Four group labels in the file, each with a dropdown. */
  g_assert_cmpuint (n_list_rows (child (dialog, "aliases_list")), ==, 4);
  g_assert_true (gtk_widget_get_visible (child (dialog, "mapping_error_label")));
  maybe_screenshot (GTK_WIDGET (dialog), "import-2-mapping-incomplete.png");

  gtk_editable_set_text (child (dialog, "fixed_indicator_entry"), "chronic-absence");
  g_assert_cmpstr (ep_mapping_get_fixed (mapping, EP_MAPPING_ROLE_INDICATOR), ==, "chronic-absence");
  g_assert_false (gtk_widget_get_visible (child (dialog, "mapping_error_label")));

  /* A role changed from its dropdown, and back. */
  gtk_drop_down_set_selected (role_dropdown (dialog, 4), 0);
  g_assert_null (ep_mapping_get_column (mapping, EP_MAPPING_ROLE_NUMERATOR));
  gtk_drop_down_set_selected (role_dropdown (dialog, 4), 1 + EP_MAPPING_ROLE_NUMERATOR);
  g_assert_cmpstr (ep_mapping_get_column (mapping, EP_MAPPING_ROLE_NUMERATOR), ==, "count");
  maybe_screenshot (GTK_WIDGET (dialog), "import-3-mapping.png");

  /* (d) The dry run. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "summary");
  spin_until (not_reading, dialog);
  report = ep_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows_read, ==, 4);
  g_assert_cmpuint (report->measurements_created, ==, 3);
  g_assert_cmpuint (report->suppressed, ==, 1);
  g_assert_cmpuint (report->rows_skipped, ==, 1);   /* Martians */
  assert_count_label (dialog, "rows_label", 4);
  assert_count_label (dialog, "created_label", 3);
  assert_count_label (dialog, "updated_label", 0);
  assert_count_label (dialog, "suppressed_label", 1);
  assert_count_label (dialog, "schools_label", 1);
  assert_count_label (dialog, "skipped_label", 1);
  g_assert_cmpuint (n_rows (child (dialog, "problems_view")), ==, 1);
  {
    GListModel *problems = G_LIST_MODEL (gtk_column_view_get_model (child (dialog, "problems_view")));
    g_autoptr(GObject) item = g_list_model_get_item (problems, 0);
    g_assert_nonnull (item);
  }
  {
    g_autofree char *now = ep_test_write_string (district);
    g_assert_cmpstr (now, ==, before);   /* a dry run changes nothing */
  }
  maybe_screenshot (GTK_WIDGET (dialog), "import-4-summary.png");

  /* (e) Import: one step; the sidebar shows the new school. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  spin_a_while (50);
  school = ep_district_find_school (district, "S9");
  g_assert_nonnull (school);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, n_schools + 1);
  {
    GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), EP_TYPE_WINDOW, "school_list"));
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_schools + 1);
  }
  g_assert_cmpstr (ep_history_get_undo_label (ep_window_get_history (window)), ==, "Import data");
  g_assert_true (ep_window_get_modified (window));
  after = ep_test_write_string (district);
  maybe_screenshot (GTK_WIDGET (window), "import-5-window.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  undone = ep_test_write_string (district);
  g_assert_cmpstr (undone, ==, before);
  g_assert_null (ep_district_find_school (district, "S9"));
  g_assert_false (ep_window_get_modified (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  redone = ep_test_write_string (district);
  g_assert_cmpstr (redone, ==, after);
  g_assert_nonnull (ep_district_find_school (district, "S9"));

  destroy (window);
  ep_test_rm_rf (dir);
}

/* Escape closes the assistant without importing. */
static void
test_escape_cancels (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = write_temp (dir, "small.csv", small_csv, -1);
  EpWindow *window = demo_window ();
  g_autofree char *before = ep_test_write_string (ep_window_get_district (window));
  EpImportDialog *dialog = open_assistant (window, path);
  gpointer weak = dialog;
  g_autofree char *now = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  spin_until (is_null, &weak);
  now = ep_test_write_string (ep_window_get_district (window));
  g_assert_cmpstr (now, ==, before);
  g_assert_false (ep_window_get_modified (window));
  destroy (window);
  ep_test_rm_rf (dir);
}

/* Opened from the menu's action without a file: the first step; a CSV
 * dropped on the window opens the assistant on it. */
static void
test_action_and_drop (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = write_temp (dir, "Data.CSV", small_csv, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  EpWindow *window = demo_window ();
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GList *toplevels;
  EpImportDialog *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (EP_IS_IMPORT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "file");
  maybe_screenshot (GTK_WIDGET (dialog), "import-0-file.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);

  dialog = NULL;
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (EP_IS_IMPORT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_true (g_file_equal (ep_import_dialog_get_file (dialog), file));
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "preview");
  destroy (window);
  ep_test_rm_rf (dir);
}

/* Stop during the dry run: nothing staged, nothing imported. */
static void
test_cancel (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autoptr(GString) data = g_string_new ("school,group,year,count,enrolled\n");
  g_autofree char *path = NULL;
  EpWindow *window = demo_window ();
  g_autofree char *before = ep_test_write_string (ep_window_get_district (window));
  g_autofree char *now = NULL;
  EpImportDialog *dialog;
  GtkProgressBar *bar;

  for (guint i = 0; i < 400000; i++)
    g_string_append_printf (data, "S%u,%s,2030-31,%u,100\n", i % 1500, i % 2 ? "HI" : "WH", i % 100);
  path = write_temp (dir, "big.csv", data->str, (gssize) data->len);
  dialog = open_assistant (window, path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  gtk_editable_set_text (child (dialog, "fixed_indicator_entry"), "chronic-absence");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_true (ep_import_dialog_get_reading (dialog));
  bar = child (dialog, "progress_bar");
  /* Mid-read, when the progress shows it. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (ep_import_dialog_get_reading (dialog) && gtk_progress_bar_get_fraction (bar) == 0 &&
           g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (500);
      }
  }
  g_test_message ("stopping at %.0f%%", gtk_progress_bar_get_fraction (bar) * 100);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stop", NULL);
  spin_until (not_reading, dialog);
  g_assert_null (ep_import_dialog_get_report (dialog));
  g_assert_nonnull (strstr (label_text (dialog, "summary_status_label"), "Stopped"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  now = ep_test_write_string (ep_window_get_district (window));
  g_assert_cmpstr (now, ==, before);
  g_assert_false (ep_history_get_can_undo (ep_window_get_history (window)));
  maybe_screenshot (GTK_WIDGET (dialog), "import-7-stopped.png");

  /* Once more for the picture of the progress bar: Back, Next. */
  if (g_getenv ("EP_SCREENSHOT_DIR") != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
      maybe_screenshot (GTK_WIDGET (dialog), "import-6-reading.png");
      gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
    }
  destroy (window);
  ep_test_rm_rf (dir);
}

/* A file broken near the top shows its line in the preview; one broken
 * further down, in the dry run; nothing is imported. */
static void
test_broken (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autoptr(GString) top = g_string_new ("school,group,year,count,enrolled\nS1,HI,2030-31,1,2\nS2,HI,2030-31,\"never closed ");
  g_autoptr(GString) later = g_string_new ("school,group,year,count,enrolled\n");
  g_autofree char *top_path = NULL;
  g_autofree char *later_path = NULL;
  EpWindow *window = demo_window ();
  g_autofree char *before = ep_test_write_string (ep_window_get_district (window));
  g_autofree char *now = NULL;
  EpImportDialog *dialog;
  const char *message;

  while (top->len < (5 << 20))
    g_string_append (top, "0123456789abcdef\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (later, "S%u,HI,2030-31,1,2\n", i);
  g_string_append (later, "S99,HI,2030-31,\"never closed ");
  while (later->len < (5 << 20))
    g_string_append (later, "0123456789abcdef\n");
  top_path = write_temp (dir, "top.csv", top->str, (gssize) top->len);
  later_path = write_temp (dir, "later.csv", later->str, (gssize) later->len);

  dialog = open_assistant (window, top_path);
  message = label_text (dialog, "file_error_label");
  g_assert_nonnull (strstr (message, "top.csv:3:"));
  g_assert_true (gtk_widget_get_visible (child (dialog, "file_error_label")));
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "file");
  maybe_screenshot (GTK_WIDGET (dialog), "import-8-broken-top.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "file");

  dialog = open_assistant (window, later_path);
  g_assert_cmpstr (ep_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpuint (n_rows (child (dialog, "preview_view")), ==, 20);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  gtk_editable_set_text (child (dialog, "fixed_indicator_entry"), "chronic-absence");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  spin_until (not_reading, dialog);
  message = label_text (dialog, "summary_status_label");
  g_assert_nonnull (strstr (message, "later.csv:32:"));
  g_assert_null (ep_import_dialog_get_report (dialog));
  maybe_screenshot (GTK_WIDGET (dialog), "import-9-broken-later.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  now = ep_test_write_string (ep_window_get_district (window));
  g_assert_cmpstr (now, ==, before);
  destroy (window);
  ep_test_rm_rf (dir);
}

/* The Washington discipline file with its shipped mapping (picked by
 * hand here, though the assistant finds it by the columns). */
static void
test_realdata_wa (void)
{
  const char *root = g_getenv ("EP_REALDATA");
  g_autofree char *path = root ? g_build_filename (root, "wa-discipline-2014", "discipline.csv", NULL) : NULL;
  g_autoptr(EpDistrict) district = ep_district_new ("Washington");
  EpWindow *window;
  EpImportDialog *dialog;
  GtkDropDown *mappings;
  GListModel *names;
  guint wa = GTK_INVALID_LIST_POSITION;
  const EpImportReport *report;
  EpSchool *seattle;
  EpMeasurement m;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the real data files are not there (EP_REALDATA)");
      return;
    }
  ep_district_add_standard_groups (district);
  window = ep_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  ep_window_set_district (window, district, NULL);
  gtk_window_present (GTK_WINDOW (window));

  dialog = open_assistant (window, path);
  /* Header row and the first 20 districts; 23 columns and the line. */
  g_assert_cmpuint (n_rows (child (dialog, "preview_view")), ==, 20);
  g_assert_cmpuint (n_columns (child (dialog, "preview_view")), ==, 24);
  g_assert_nonnull (strstr (label_text (dialog, "detected_label"), "comma-separated"));
  maybe_screenshot (GTK_WIDGET (dialog), "import-wa-1-preview.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);

  mappings = child (dialog, "mapping_dropdown");
  names = gtk_drop_down_get_model (mappings);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);
      if (g_str_has_prefix (name, "Washington OSPI discipline"))
        wa = i;
    }
  g_assert_cmpuint (wa, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_drop_down_get_selected (mappings), ==, wa);   /* found by its columns */
  gtk_drop_down_set_selected (mappings, 0);
  g_assert_cmpstr (ep_mapping_get_name (ep_import_dialog_get_mapping (dialog)), ==, "Guessed mapping");
  gtk_drop_down_set_selected (mappings, wa);
  g_assert_true (g_str_has_prefix (ep_mapping_get_name (ep_import_dialog_get_mapping (dialog)),
                                   "Washington OSPI discipline"));
  g_assert_false (gtk_widget_get_visible (child (dialog, "mapping_error_label")));
  maybe_screenshot (GTK_WIDGET (dialog), "import-wa-2-mapping.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  spin_until (not_reading, dialog);
  report = ep_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  /* 199 rows after the header: the statewide row (not a school, skipped)
   * and 198 districts, 10 measures each, of one indicator. */
  g_assert_cmpuint (report->rows_read, ==, 199);
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_cmpuint (report->schools_created, ==, 198);
  g_assert_cmpuint (report->rows_aggregate, ==, 1);
  g_assert_cmpuint (report->measurements_created, ==, 1980);
  assert_count_label (dialog, "rows_label", 199);
  assert_count_label (dialog, "created_label", 1980);
  assert_count_label (dialog, "schools_label", 198);
  assert_count_label (dialog, "indicators_label", 1);
  assert_count_label (dialog, "suppressed_label", report->suppressed);
  g_assert_false (gtk_widget_get_visible (child (dialog, "problems_window")));
  maybe_screenshot (GTK_WIDGET (dialog), "import-wa-3-summary.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  /* Row "King,17001,Seattle ,…": 805 of 10,202 Black students. */
  seattle = ep_district_find_school (district, "17001");
  g_assert_nonnull (seattle);
  g_assert_true (ep_indicator_lookup (ep_school_find_indicator (seattle, "discipline"), "BL", "2013-14", &m));
  g_assert_cmpuint (m.numerator, ==, 805);
  g_assert_cmpuint (m.denominator, ==, 10202);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 198);
  maybe_screenshot (GTK_WIDGET (window), "import-wa-4-window.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 198);
  destroy (window);
}

/* Uninstalled, as build-aux/run starts it (no EP_SOURCE_ROOT, EP_MAPPINGDIR
 * set), the shipped mappings are listed (issue 14, 8). */
static void
test_mapping_dir_env (void)
{
  g_autofree char *root = g_strdup (g_getenv ("EP_SOURCE_ROOT"));
  g_autofree char *dir = g_build_filename (root, "data", "mappings", NULL);
  g_autoptr(EpDistrict) district = ep_district_new ("Env");
  EpWindow *window;
  EpImportDialog *dialog;
  GListModel *names;
  gboolean found = FALSE;

  g_unsetenv ("EP_SOURCE_ROOT");
  g_setenv ("EP_MAPPINGDIR", dir, TRUE);
  window = ep_window_new (NULL);
  ep_window_set_district (window, district, NULL);
  gtk_window_present (GTK_WINDOW (window));
  dialog = open_assistant (window, NULL);
  names = gtk_drop_down_get_model (child (dialog, "mapping_dropdown"));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                          "Washington OSPI discipline"))
      found = TRUE;
  g_setenv ("EP_SOURCE_ROOT", root, TRUE);
  g_unsetenv ("EP_MAPPINGDIR");
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy (window);
}

/* A mapping in the user's folder is listed first, marked as saved, and
 * chosen when it fits the file; a group label is given a group by hand. */
static void
test_saved_mapping_and_alias (void)
{
  static const char mine[] =
    "<?xml version=\"1.0\"?>\n"
    "<mapping xmlns=\"urn:equity-planner:mapping:1\" version=\"1.0\" layout=\"long\">\n"
    "  <name>Mine</name>\n"
    "  <suppression><marker>*</marker></suppression>\n"
    "  <columns>\n"
    "    <column role=\"school-id\">school</column>\n"
    "    <column role=\"school-name\">name</column>\n"
    "    <column role=\"group\">group</column>\n"
    "    <column role=\"period\">year</column>\n"
    "    <column role=\"numerator\">count</column>\n"
    "    <column role=\"denominator\">enrolled</column>\n"
    "    <fixed role=\"indicator\">chronic-absence</fixed>\n"
    "  </columns>\n"
    "  <groups standard-aliases=\"true\"/>\n"
    "</mapping>\n";
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = write_temp (dir, "small.csv", small_csv, -1);
  g_autofree char *user_dir = ep_import_dialog_dup_mapping_dir ();
  g_autofree char *mine_path = g_build_filename (user_dir, "mine.xml", NULL);
  EpWindow *window = demo_window ();
  EpImportDialog *dialog;
  GtkDropDown *mappings;
  GtkListBox *aliases;
  GtkDropDown *martians = NULL;
  GListModel *choices;
  const EpImportReport *report;

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mine_path, mine, -1, NULL));
  dialog = open_assistant (window, path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  mappings = child (dialog, "mapping_dropdown");
  g_assert_cmpuint (gtk_drop_down_get_selected (mappings), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (mappings)), 1),
                   ==, "Mine (saved)");
  g_assert_false (gtk_widget_get_visible (child (dialog, "mapping_error_label")));

  /* "Martians" → Asian (AS), by its dropdown. */
  aliases = child (dialog, "aliases_list");
  for (int i = 0; martians == NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (aliases, i);
      GtkWidget *control;

      g_assert_nonnull (row);
      control = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
      if (g_strcmp0 (g_object_get_data (G_OBJECT (control), "ep-label"), "Martians") == 0)
        martians = GTK_DROP_DOWN (control);
    }
  g_assert_cmpuint (gtk_drop_down_get_selected (martians), ==, 0);   /* Automatic */
  choices = gtk_drop_down_get_model (martians);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "(AS)"))
      gtk_drop_down_set_selected (martians, i);
  g_assert_cmpstr (ep_mapping_lookup_alias (ep_import_dialog_get_mapping (dialog), EP_MAPPING_ROLE_GROUP,
                                            "martians"), ==, "AS");
  maybe_screenshot (GTK_WIDGET (dialog), "import-3b-saved-mapping.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  spin_until (not_reading, dialog);
  report = ep_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows_skipped, ==, 0);
  g_assert_cmpuint (report->measurements_created, ==, 4);
  assert_count_label (dialog, "skipped_label", 0);
  g_assert_false (gtk_widget_get_visible (child (dialog, "problems_window")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_true (ep_indicator_lookup (ep_school_find_indicator (ep_district_find_school (ep_window_get_district (window), "S9"),
                                                                "chronic-absence"), "AS", "2030-31", NULL));
  g_remove (mine_path);
  destroy (window);
  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  xdg_root = ep_test_make_tmpdir ();
  {
    const char *vars[] = { "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
    for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
      {
        g_autofree char *sub = g_build_filename (xdg_root, vars[i], NULL);
        g_setenv (vars[i], sub, TRUE);
      }
  }

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  if (g_strcmp0 (g_getenv ("EP_SCREENSHOT_RTL"), "1") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  if (g_strcmp0 (g_getenv ("EP_SCREENSHOT_DARK"), "1") == 0)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/import-dialog/small-file", test_small_file);
  g_test_add_func ("/import-dialog/escape-cancels", test_escape_cancels);
  g_test_add_func ("/import-dialog/saved-mapping-and-alias", test_saved_mapping_and_alias);
  g_test_add_func ("/import-dialog/action-and-drop", test_action_and_drop);
  g_test_add_func ("/import-dialog/stop", test_cancel);
  g_test_add_func ("/import-dialog/broken", test_broken);
  g_test_add_func ("/import-dialog/realdata-wa", test_realdata_wa);
  g_test_add_func ("/import-dialog/mapping-dir-env", test_mapping_dir_env);

  status = g_test_run ();
  ep_test_rm_rf (xdg_root);
  g_free (xdg_root);
  return status;
}
