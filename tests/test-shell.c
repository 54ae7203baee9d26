/* test-shell.c — the application shell, driven through its actions (under
 * Xvfb): undo and redo, save and reopen, conflicts with the file on disk,
 * unsaved-changes prompts, New, drag and drop, autosave and recovery.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Questions are answered with gtk_dialog_response() on ep_window_get_prompt(),
 * as the buttons do. Set EP_SCREENSHOT_DIR to also save PNGs of the prompts.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ep-test-util.h"
#include "ep-window.h"

static char *xdg_root;
static GSettings *settings;

/* ---- Helpers ------------------------------------------------------------ */

typedef gboolean (*Predicate) (gpointer data);

static void
spin_until (Predicate done,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

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
has_district (gpointer window)
{
  return ep_window_get_district (window) != NULL;
}

static gboolean
has_prompt (gpointer window)
{
  return ep_window_get_prompt (window) != NULL;
}

static gboolean
saved (gpointer window)
{
  return !ep_window_get_busy (window) && !ep_window_get_modified (window);
}

static gboolean
not_busy (gpointer window)
{
  return !ep_window_get_busy (window);
}

static gboolean
externally_modified (gpointer window)
{
  return ep_window_get_externally_modified (window);
}

static gboolean
path_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
is_null (gpointer pointer_to_pointer)
{
  return *(gpointer *) pointer_to_pointer == NULL;
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
  int width, height;

  if (dir == NULL)
    return;
  /* Past the info bar's and dialogs' transitions. */
  spin_a_while (700);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* A copy of the demo district in a fresh folder. */
static char *
copy_demo (char **dir_out)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *contents = NULL;
  char *dir = ep_test_make_tmpdir ();
  char *path = g_build_filename (dir, "riverside.eqplan", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (demo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  *dir_out = dir;
  return path;
}

static EpWindow *
new_window (void)
{
  EpWindow *window = ep_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static EpWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EpWindow *window = new_window ();

  ep_window_open (window, file);
  spin_until (has_district, window);
  return window;
}

static EpPlan *
current_plan (EpWindow *window)
{
  EpSchool *school = ep_window_get_selected_school (window);
  EpPlan *plan;

  g_assert_nonnull (school);
  plan = ep_school_get_current_plan (school);
  g_assert_nonnull (plan);
  return plan;
}

static void
answer (EpWindow *window,
        int       response)
{
  GtkWindow *prompt = ep_window_get_prompt (window);

  g_assert_nonnull (prompt);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (prompt));
  gtk_dialog_response (GTK_DIALOG (prompt), response);
}

/* The statement of the first school's current plan in the file on disk. */
static char *
statement_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = ep_xml_read_file (file, NULL, NULL, &error);
  g_autoptr(EpSchool) school = NULL;

  g_assert_no_error (error);
  school = g_list_model_get_item (ep_district_get_schools (district), 0);
  return g_strdup (ep_plan_get_statement (ep_school_get_current_plan (school)));
}

static gboolean
is_path (GFile      *file,
         const char *path)
{
  g_autoptr(GFile) other = g_file_new_for_path (path);
  return file != NULL && g_file_equal (file, other);
}

static gboolean
is_sensitive (EpWindow   *window,
              const char *name)
{
  return gtk_widget_get_sensitive (child (window, name));
}

static void
destroy (EpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_while (10);
}

static guint
count_drafts (void)
{
  g_autofree char *dir = ep_window_get_drafts_dir ();
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (gdir != NULL && g_dir_read_name (gdir) != NULL)
    n++;
  return n;
}

static void
clear_drafts (void)
{
  g_autofree char *dir = ep_window_get_drafts_dir ();
  ep_test_rm_rf (dir);
}

/* ---- Tests -------------------------------------------------------------- */

/* Edit through the window's history, undo, redo, save, reopen. */
static void
test_edit_undo_save_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *before = statement_on_disk (path);
  g_autofree char *on_disk = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;
  EpWindow *window = open_path (path);
  EpWindow *again;
  EpHistory *history = ep_window_get_history (window);
  EpPlan *plan = current_plan (window);
  const char *edited = "Chronic absenteeism of English learners is twice the school rate.";

  g_assert_nonnull (history);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "riverside.eqplan — Equity Planner");
  g_assert_cmpstr (gtk_label_get_label (child (window, "title_label")), ==, "riverside.eqplan");
  g_assert_cmpstr (gtk_label_get_label (child (window, "subtitle_label")), ==, dir);
  g_assert_false (ep_window_get_modified (window));
  g_assert_false (is_sensitive (window, "undo_button"));
  g_assert_false (is_sensitive (window, "redo_button"));

  ep_history_set (history, plan, "statement", edited, NULL);
  g_assert_true (ep_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• riverside.eqplan — Equity Planner");
  g_assert_true (is_sensitive (window, "undo_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (window, "undo_button")), ==, "Undo Edit");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, before);
  g_assert_false (ep_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "riverside.eqplan — Equity Planner");
  g_assert_true (is_sensitive (window, "redo_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (window, "redo_button")), ==, "Redo Edit");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, edited);
  g_assert_true (ep_window_get_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin_until (saved, window);
  g_assert_false (ep_window_get_externally_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "riverside.eqplan — Equity Planner");
  on_disk = statement_on_disk (path);
  g_assert_cmpstr (on_disk, ==, edited);
  g_assert_true (g_file_test (bak, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(EpDistrict) reread = ep_xml_read_file (file, NULL, NULL, NULL);
    g_autofree char *a = ep_test_write_string (reread);
    g_autofree char *b = ep_test_write_string (ep_window_get_district (window));
    g_assert_cmpstr (a, ==, b);
  }

  /* Recent files and the last file. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    uri = g_file_get_uri (file);
  }
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, uri);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-file");
    g_assert_cmpstr (last, ==, uri);
  }
  /* Our own save is no change on disk by another program. */
  spin_a_while (400);
  g_assert_false (ep_window_get_externally_modified (window));

  /* Undo after saving makes it modified again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (ep_window_get_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_false (ep_window_get_modified (window));

  again = open_path (path);
  g_assert_cmpstr (ep_plan_get_statement (current_plan (again)), ==, edited);
  destroy (again);

  /* Open Recent opens the same file. */
  ep_window_set_district (window, NULL, NULL);
  g_assert_null (ep_window_get_district (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri));
  spin_until (has_district, window);
  g_assert_cmpstr (ep_plan_get_statement (current_plan (window)), ==, edited);

  destroy (window);
  ep_test_rm_rf (dir);
}

/* Changed on disk behind the window's back: detected; saving asks, and
 * nothing is written until Overwrite. */
static void
test_conflict (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *now = NULL;
  EpWindow *window = open_path (path);
  EpPlan *plan = current_plan (window);

  ep_history_set (ep_window_get_history (window), plan, "statement", "Ours", NULL);

  /* Another program rewrites the file. */
  spin_a_while (20);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_strconcat (contents, "<!-- theirs -->\n", NULL);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  spin_until (externally_modified, window);
  g_assert_true (gtk_info_bar_get_revealed (child (window, "file_bar")));
  maybe_screenshot (GTK_WIDGET (window), "shell-changed-on-disk.png");

  g_test_expect_message ("ep-window", G_LOG_LEVEL_MESSAGE, "*changed on disk*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin_until (has_prompt, window);
  g_test_assert_expected_messages ();
  g_assert_true (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (ep_window_get_prompt (window))) != NULL);
  maybe_screenshot (GTK_WIDGET (ep_window_get_prompt (window)), "shell-conflict.png");

  /* Nothing written, no backup made. */
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  answer (window, GTK_RESPONSE_DELETE_EVENT);  /* Escape: Cancel */
  g_assert_null (ep_window_get_prompt (window));
  spin_a_while (50);
  g_clear_pointer (&now, g_free);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (ep_window_get_modified (window));

  /* Again, and overwrite: theirs is kept as .bak. */
  g_test_expect_message ("ep-window", G_LOG_LEVEL_MESSAGE, "*changed on disk*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin_until (has_prompt, window);
  g_test_assert_expected_messages ();
  answer (window, EP_RESPONSE_OVERWRITE);
  spin_until (saved, window);
  {
    g_autofree char *ours = statement_on_disk (path);
    g_autofree char *backup = NULL;

    g_assert_cmpstr (ours, ==, "Ours");
    g_assert_true (g_file_get_contents (bak, &backup, NULL, NULL));
    g_assert_cmpstr (backup, ==, theirs);
  }
  g_assert_false (ep_window_get_externally_modified (window));
  g_assert_false (gtk_info_bar_get_revealed (child (window, "file_bar")));

  destroy (window);
  ep_test_rm_rf (dir);
}

static gboolean
name_is_renamed (gpointer window)
{
  EpDistrict *district = ep_window_get_district (window);
  return district && g_strcmp0 (ep_district_get_name (district), "Renamed District") == 0;
}

/* Changed on disk with nothing unsaved: the info bar offers to reload. */
static void
test_external_change_reload (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) other = NULL;
  g_autoptr(GError) error = NULL;
  EpWindow *window = open_path (path);

  spin_a_while (20);
  other = ep_xml_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  ep_district_set_name (other, "Renamed District");
  g_assert_true (ep_xml_save (other, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  spin_until (externally_modified, window);
  g_assert_true (gtk_info_bar_get_revealed (child (window, "file_bar")));
  g_assert_true (gtk_widget_get_visible (child (window, "reload_button")));
  g_assert_cmpstr (ep_district_get_name (ep_window_get_district (window)), !=, "Renamed District");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  spin_until (name_is_renamed, window);
  g_assert_false (ep_window_get_externally_modified (window));
  g_assert_false (ep_window_get_modified (window));

  destroy (window);
  ep_test_rm_rf (dir);
}

/* Opening another file with unsaved changes asks first: Cancel keeps
 * everything, Save saves then opens, Discard opens. */
static void
test_open_other_asks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *other_path = g_build_filename (dir, "other.eqplan", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  EpWindow *window = open_path (path);
  EpDistrict *before = ep_window_get_district (window);

  {
    g_autoptr(GFile) first = g_file_new_for_path (path);
    g_assert_true (g_file_copy (first, other, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  }
  ep_history_set (ep_window_get_history (window), current_plan (window), "statement", "Unsaved", NULL);

  ep_window_open (window, other);
  g_assert_nonnull (ep_window_get_prompt (window));
  g_assert_cmpint (gtk_dialog_get_widget_for_response (GTK_DIALOG (ep_window_get_prompt (window)), EP_RESPONSE_SAVE) != NULL, ==, TRUE);
  maybe_screenshot (GTK_WIDGET (ep_window_get_prompt (window)), "shell-unsaved.png");
  answer (window, GTK_RESPONSE_CANCEL);
  spin_a_while (100);
  g_assert_true (ep_window_get_district (window) == before);
  g_assert_true (ep_window_get_modified (window));

  /* Save, then open. */
  ep_window_open (window, other);
  answer (window, EP_RESPONSE_SAVE);
  spin_until (saved, window);
  {
    g_autofree char *on_disk = statement_on_disk (path);
    g_assert_cmpstr (on_disk, ==, "Unsaved");
  }
  spin_until (has_district, window);
  while (ep_window_get_district (window) == before)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_equal (ep_window_get_file (window), other));

  /* Discard, then open. */
  ep_history_set (ep_window_get_history (window), current_plan (window), "statement", "Thrown away", NULL);
  before = ep_window_get_district (window);
  {
    g_autoptr(GFile) first = g_file_new_for_path (path);
    ep_window_open (window, first);
  }
  answer (window, EP_RESPONSE_DISCARD);
  while (ep_window_get_district (window) == before)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ep_window_get_modified (window));
  {
    g_autofree char *on_disk = statement_on_disk (other_path);
    g_assert_cmpstr (on_disk, !=, "Thrown away");
  }

  destroy (window);
  ep_test_rm_rf (dir);
}

/* An invalid file: FILE:LINE:COLUMN in the dialog, the district (and its
 * unsaved changes and undo) as they were. */
static void
test_invalid_file_keeps_district (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *broken = g_build_filename (dir, "broken.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (broken);
  g_autofree char *secondary = NULL;
  EpWindow *window = open_path (path);
  EpDistrict *before = ep_window_get_district (window);
  EpHistory *history = ep_window_get_history (window);
  g_autofree char *text_before = ep_test_write_string (before);
  g_autofree char *text_after = NULL;

  g_assert_true (g_file_set_contents (broken,
    "<?xml version=\"1.0\"?>\n<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <nonsense/>\n</district>\n", -1, NULL));

  g_test_expect_message ("ep-window", G_LOG_LEVEL_WARNING, "*could not be opened*");
  ep_window_open (window, file);
  spin_until (has_prompt, window);
  g_test_assert_expected_messages ();
  g_object_get (ep_window_get_prompt (window), "secondary-text", &secondary, NULL);
  g_test_message ("%s", secondary);
  g_assert_true (g_str_has_prefix (secondary, broken));
  g_assert_nonnull (strstr (secondary, ":3:"));
  answer (window, GTK_RESPONSE_CLOSE);

  g_assert_true (ep_window_get_district (window) == before);
  g_assert_true (ep_window_get_history (window) == history);
  g_assert_true (is_path (ep_window_get_file (window), path));
  text_after = ep_test_write_string (ep_window_get_district (window));
  g_assert_cmpstr (text_before, ==, text_after);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "riverside.eqplan — Equity Planner");

  destroy (window);
  ep_test_rm_rf (dir);
}

/* New: the standard groups and the publication defaults from GSettings;
 * Save As then names it. */
static void
test_new_district (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EpWindow *window = new_window ();
  EpDistrict *district;
  EpDistrict *first;

  g_settings_set_int (settings, "default-min-n", 20);
  g_settings_set_int (settings, "default-min-cell", 5);
  g_settings_set_boolean (settings, "default-complementary-suppression", FALSE);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Equity Planner");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  district = ep_window_get_district (window);
  g_assert_nonnull (district);
  g_assert_null (ep_window_get_file (window));
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_groups (district)), >, 5);
  g_assert_cmpuint (ep_district_get_min_n (district), ==, 20);
  g_assert_cmpuint (ep_district_get_min_cell (district), ==, 5);
  g_assert_false (ep_district_get_complementary (district));
  g_assert_false (ep_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "New District — Equity Planner");
  maybe_screenshot (GTK_WIDGET (window), "shell-new.png");

  /* A change, then New again: asked; Discard. */
  ep_history_set (ep_window_get_history (window), district, "name", "Lakeside", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• New District — Equity Planner");
  first = district;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  answer (window, EP_RESPONSE_DISCARD);
  g_assert_true (ep_window_get_district (window) != first);
  g_assert_cmpstr (ep_district_get_name (ep_window_get_district (window)), ==, "New District");

  /* Save As a file. */
  ep_history_set (ep_window_get_history (window), ep_window_get_district (window), "name", "Lakeside", NULL);
  ep_window_save_as (window, file);
  spin_until (saved, window);
  g_assert_true (g_file_equal (ep_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "new.eqplan — Equity Planner");
  {
    g_autoptr(EpDistrict) reread = ep_xml_read_file (file, NULL, NULL, NULL);
    g_assert_nonnull (reread);
    g_assert_cmpstr (ep_district_get_name (reread), ==, "Lakeside");
    g_assert_cmpuint (ep_district_get_min_n (reread), ==, 20);
  }

  g_settings_reset (settings, "default-min-n");
  g_settings_reset (settings, "default-min-cell");
  g_settings_reset (settings, "default-complementary-suppression");
  destroy (window);
  ep_test_rm_rf (dir);
}

/* Closing with unsaved changes asks; Cancel keeps the window. */
static void
test_close_asks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  EpWindow *window = open_path (path);
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  /* Unmodified: closes. */
  gtk_window_close (GTK_WINDOW (window));
  spin_until (is_null, &weak);

  window = open_path (path);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  ep_history_set (ep_window_get_history (window), current_plan (window), "statement", "Unsaved", NULL);
  gtk_window_close (GTK_WINDOW (window));
  spin_a_while (50);
  g_assert_nonnull (weak);
  answer (window, GTK_RESPONSE_DELETE_EVENT);
  spin_a_while (50);
  g_assert_nonnull (weak);
  g_assert_true (ep_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  answer (window, EP_RESPONSE_DISCARD);
  spin_until (is_null, &weak);
  {
    g_autofree char *on_disk = statement_on_disk (path);
    g_assert_cmpstr (on_disk, !=, "Unsaved");
  }
  ep_test_rm_rf (dir);
}

/* Dropping a .eqplan file on the window opens it; files that are neither
 * districts nor CSV, TSV or TXT data (test-import-dialog) are refused. */
static void
test_drop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *text = g_build_filename (dir, "notes.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  EpWindow *window = new_window ();
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, text_file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_false (handled);

  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  g_value_unset (&value);
  spin_until (has_district, window);
  g_assert_true (g_file_equal (ep_window_get_file (window), file));

  destroy (window);
  ep_test_rm_rf (dir);
}

/* Unsaved work is autosaved as a draft a moment after the last change; a
 * session that ends without saving or discarding leaves it, and the next
 * offers it: Recover restores the change, unsaved, as the original file. */
static void
test_autosave_and_recovery (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *drafts = ep_window_get_drafts_dir ();
  g_autofree char *draft_path = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EpWindow *window;
  EpWindow *next;
  const char *edited = "Recovered after a crash";

  clear_drafts ();
  g_settings_set_uint (settings, "auto-save-delay", 1);

  window = open_path (path);
  ep_history_set (ep_window_get_history (window), current_plan (window), "statement", edited, NULL);
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* Let the autosave run. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (count_drafts () < 2)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  {
    g_autoptr(GDir) gdir = g_dir_open (drafts, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (gdir)) != NULL)
      if (g_str_has_suffix (name, ".eqplan"))
        draft_path = g_build_filename (drafts, name, NULL);
  }
  g_assert_nonnull (draft_path);
  spin_until (path_exists, draft_path);
  /* Another window of this session does not offer a live draft. */
  next = new_window ();
  g_assert_cmpuint (ep_window_offer_recovery (next), ==, 0);
  destroy (next);

  /* The file itself is untouched. */
  {
    g_autofree char *on_disk = statement_on_disk (path);
    g_assert_cmpstr (on_disk, !=, edited);
  }

  /* The session ends without saving or discarding (a crash). */
  destroy (window);
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  /* The next one offers it. */
  next = new_window ();
  g_assert_cmpuint (ep_window_offer_recovery (next), ==, 1);
  g_assert_nonnull (ep_window_get_prompt (next));
  {
    g_autofree char *primary = NULL;
    g_object_get (ep_window_get_prompt (next), "text", &primary, NULL);
    g_assert_nonnull (strstr (primary, "riverside.eqplan"));
  }
  maybe_screenshot (GTK_WIDGET (ep_window_get_prompt (next)), "shell-recover.png");
  answer (next, EP_RESPONSE_RECOVER);
  spin_until (has_district, next);
  g_assert_cmpstr (ep_plan_get_statement (current_plan (next)), ==, edited);
  g_assert_true (g_file_equal (ep_window_get_file (next), file));
  g_assert_true (ep_window_get_modified (next));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (next)), ==, "• riverside.eqplan — Equity Planner");
  /* Still a draft until saved. */
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (next), "win.save", NULL));
  spin_until (saved, next);
  {
    g_autofree char *on_disk = statement_on_disk (path);
    g_assert_cmpstr (on_disk, ==, edited);
  }
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* Undoing back to the saved state drops the draft; Discard on recovery
   * deletes it. */
  ep_history_set (ep_window_get_history (next), current_plan (next), "statement", "Second", NULL);
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (count_drafts () < 2)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  spin_a_while (100);
  destroy (next);
  next = new_window ();
  g_assert_cmpuint (ep_window_offer_recovery (next), ==, 1);
  answer (next, EP_RESPONSE_DISCARD);
  g_assert_cmpuint (count_drafts (), ==, 0);
  g_assert_null (ep_window_get_district (next));

  destroy (next);
  g_settings_reset (settings, "auto-save-delay");
  ep_test_rm_rf (dir);
}

/* A save into a folder that does not exist: an error, still modified. */
static void
test_save_error (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "x.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  EpWindow *window = open_path (path);

  ep_history_set (ep_window_get_history (window), current_plan (window), "statement", "x", NULL);
  g_test_expect_message ("ep-window", G_LOG_LEVEL_WARNING, "*could not be saved*");
  ep_window_save_as (window, file);
  spin_until (not_busy, window);
  g_test_assert_expected_messages ();
  g_assert_nonnull (ep_window_get_prompt (window));
  answer (window, GTK_RESPONSE_CLOSE);
  g_assert_true (ep_window_get_modified (window));
  g_assert_true (is_path (ep_window_get_file (window), path));

  destroy (window);
  ep_test_rm_rf (dir);
}

/* Window size and maximized state: read when made, written when unmapped. */
static void
test_window_state (void)
{
  EpWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 900, 600);
  window = ep_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  gtk_window_present (GTK_WINDOW (window));
  spin_a_while (50);
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 700);
  spin_a_while (50);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1040);
  g_assert_cmpint (height, ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  destroy (window);
  g_settings_reset (settings, "window-size");
}

/* The primary menu lists the recent files. */
static void
test_recent_menu (void)
{
  const char *uris[] = { "file:///tmp/a_b.eqplan", "file:///tmp/c.eqplan", NULL };
  EpWindow *window;
  GMenuModel *menu;
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;

  g_settings_set_strv (settings, "recent-files", uris);
  window = new_window ();
  menu = child (window, "recent_menu");
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "a__b.eqplan");
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, uris[0]);

  g_settings_set_strv (settings, "recent-files", NULL);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  destroy (window);
}

/* The shortcuts window (Ctrl+?) lists every window action with a key. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  const char *actions[] = { "win.new", "win.open", "win.save", "win.save-as", "win.undo", "win.redo",
                            "win.find", "win.show-help-overlay", "window.close", "app.quit" };
  GSList *objects = gtk_builder_get_objects (builder);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *name = NULL;
        g_object_get (l->data, "action-name", &name, NULL);
        if (name != NULL)
          g_hash_table_add (listed, name);
      }
  g_slist_free (objects);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_hash_table_contains (listed, actions[i]));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static void
subprocess_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* The application opens a file given on the command line: it shows the
 * district (the launch timer, app/ep-launch-timer.c, exits at the first
 * frame that does). */
static void
test_command_line_open (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_demo (&dir);
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () * 1000);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gboolean done = FALSE;

  g_subprocess_launcher_setenv (launcher, "EP_BENCH_T0", t0, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("EP_APP"), path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, subprocess_done_cb, &done);
  spin_until (is_true, &done);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  {
    GInputStream *stream = g_subprocess_get_stdout_pipe (process);
    char buffer[1024] = { 0 };
    gsize n = 0;

    g_input_stream_read_all (stream, buffer, sizeof buffer - 1, &n, NULL, NULL);
    out = g_strndup (buffer, n);
  }
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "first_frame_ms="));
  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Drafts, recent files and state go to a folder of our own. */
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
  settings = g_settings_new (APP_ID);
  /* Several windows and no window manager: a focused entry in an inactive
   * window would warn from its cursor blink. */
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

  g_test_add_func ("/shell/edit-undo-save-reopen", test_edit_undo_save_reopen);
  g_test_add_func ("/shell/conflict", test_conflict);
  g_test_add_func ("/shell/external-change-reload", test_external_change_reload);
  g_test_add_func ("/shell/open-other-asks", test_open_other_asks);
  g_test_add_func ("/shell/invalid-file-keeps-district", test_invalid_file_keeps_district);
  g_test_add_func ("/shell/new-district", test_new_district);
  g_test_add_func ("/shell/close-asks", test_close_asks);
  g_test_add_func ("/shell/drop", test_drop);
  g_test_add_func ("/shell/autosave-and-recovery", test_autosave_and_recovery);
  g_test_add_func ("/shell/save-error", test_save_error);
  g_test_add_func ("/shell/window-state", test_window_state);
  g_test_add_func ("/shell/recent-menu", test_recent_menu);
  g_test_add_func ("/shell/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/shell/command-line-open", test_command_line_open);

  status = g_test_run ();
  g_object_unref (settings);
  ep_test_rm_rf (xdg_root);
  g_free (xdg_root);
  return status;
}
