/* test-exports.c — the board packet and the family summary from the
 * window's export windows, against `eqplan` (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogs are the build's (po/), bound as the app binds EP_LOCALEDIR.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "ep-test-util.h"
#include "ep-window.h"
#include "ep-window-reports.h"

#define CHAVEZ "060000100002"

static char *localedir;

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

static EpWindow *
open_demo (void)
{
  g_autofree char *path = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EpWindow *window = ep_window_new (NULL);
  guint waited = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  ep_window_open (window, file);
  while (ep_window_get_district (window) == NULL && waited++ < 5000)
    spin_a_while (2);
  g_assert_nonnull (ep_window_get_district (window));
  return window;
}

static const char *
demo_path (void)
{
  static char *path;

  if (path == NULL)
    path = ep_test_source_path ("data/demo/riverside.eqplan");
  return path;
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("poppler-utils (pdftotext) is not installed");
  return path != NULL;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Runs eqplan ARGS… with the build's catalogs; returns its exit status. */
static int
eqplan (char **err,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;
  int status = 0;

  env = g_environ_setenv (env, "EP_LOCALEDIR", localedir, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("EP_EQPLAN"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The msgstr of a family-summary heading in po/LANG.po, or NULL. */
static char *
catalog_heading (const char *lang,
                 const char *msgid)
{
  g_autofree char *name = g_strconcat ("po/", lang, ".po", NULL);
  g_autofree char *po = ep_test_source_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *key = g_strdup_printf ("msgctxt \"family-summary\"\nmsgid \"%s\"\nmsgstr \"", msgid);
  const char *start, *end;

  if (!g_file_get_contents (po, &contents, NULL, NULL) || (start = strstr (contents, key)) == NULL)
    return NULL;
  start += strlen (key);
  end = strchr (start, '"');
  return end ? g_strndup (start, end - start) : NULL;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Selects the dropdown's item whose label is @label. */
static void
choose (GtkWidget  *dropdown,
        const char *label)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        return;
      }
  g_error ("no item “%s” in the dropdown", label);
}

static GtkWindow *
family_dialog (EpWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.family-summary", NULL));
  spin_a_while (50);
  dialog = g_object_get_data (G_OBJECT (window), "ep-family-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (GTK_IS_HEADER_BAR (gtk_window_get_titlebar (dialog)));
  return dialog;
}

/* Issue 14, defect 2: the family summary made in the window, in Spanish
 * and in Arabic, has the catalog's headings and no English heading. */
static void
test_family_languages (void)
{
  const char *langs[][2] = { { "es", "Spanish" }, { "ar", "Arabic" } };
  EpWindow *window;
  g_autofree char *dir = ep_test_make_tmpdir ();

  if (!have_poppler ())
    return;
  window = open_demo ();
  ep_window_select_school (window, CHAVEZ);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/family-%s.pdf", dir, langs[i][0]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *found = catalog_heading (langs[i][0], "What we found");
      g_autofree char *doing = catalog_heading (langs[i][0], "What we will do this year");
      g_autofree EpFamilySummaryOptions *options = NULL;
      g_autofree char *text = NULL, *flat = NULL;
      g_autoptr(GError) error = NULL;
      GtkWindow *dialog = family_dialog (window);

      choose (g_object_get_data (G_OBJECT (dialog), "ep-language"), langs[i][1]);
      options = ep_window_family_dialog_get_options (dialog);
      g_assert_cmpstr (options->language, ==, langs[i][0]);
      g_assert_true (ep_window_write_family_summary (window, options, file, &error));
      g_assert_no_error (error);
      gtk_window_destroy (dialog);

      text = pdf_text (path);
      g_assert_null (strstr (text, "What we found"));
      g_assert_null (strstr (text, "What we will do this year"));
      g_assert_null (strstr (text, "out of every 100"));
      g_assert_nonnull (found);
      g_assert_nonnull (doing);
      flat = squeeze (text);
      if (g_str_equal (langs[i][0], "ar"))
        {
          /* pdftotext reorders right-to-left lines: look for each word. */
          g_auto(GStrv) words = g_strsplit (found, " ", -1);

          for (guint w = 0; words[w]; w++)
            if (*words[w] && strstr (text, words[w]) == NULL)
              g_error ("ar: word “%s” of “%s” not in:\n%s", words[w], found, text);
        }
      else
        {
          g_autofree char *want_found = squeeze (found);
          g_autofree char *want_doing = squeeze (doing);

          if (strstr (flat, want_found) == NULL || strstr (flat, want_doing) == NULL)
            g_error ("%s: headings “%s” / “%s” not in:\n%s", langs[i][0], found, doing, text);
        }
    }
  /* The window's own language is left as it was. */
  g_assert_cmpstr (C_("family-summary", "What we found"), ==, "What we found");
  gtk_window_destroy (GTK_WINDOW (window));
  ep_test_rm_rf (dir);
}

/* The language chooser offers only languages with a catalog (and the
 * plan's own and English); `eqplan family-summary --lang fr` fails. */
static void
test_family_only_catalogs (void)
{
  EpWindow *window = open_demo ();
  g_autofree char *empty = ep_test_make_tmpdir ();
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "fr.pdf", NULL);
  g_autofree char *err = NULL;
  GtkWindow *dialog;
  GListModel *model;

  ep_window_select_school (window, CHAVEZ);
  dialog = family_dialog (window);
  model = gtk_drop_down_get_model (g_object_get_data (G_OBJECT (dialog), "ep-language"));
  /* the plan's own, English and the seven catalogs */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  gtk_window_destroy (dialog);

  bindtextdomain (GETTEXT_PACKAGE, empty);
  dialog = family_dialog (window);
  model = gtk_drop_down_get_model (g_object_get_data (G_OBJECT (dialog), "ep-language"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_window_destroy (dialog);
  bindtextdomain (GETTEXT_PACKAGE, localedir);

  g_assert_cmpint (eqplan (&err, "family-summary", demo_path (), "--school", CHAVEZ, "--lang", "fr",
                           "-o", out, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "fr"));
  g_assert_nonnull (strstr (err, "es"));
  g_assert_nonnull (strstr (err, "zh_CN"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  ep_test_rm_rf (empty);
  ep_test_rm_rf (dir);
}

static void
assert_same_bytes (const char *a,
                   const char *b)
{
  g_autofree char *ca = NULL, *cb = NULL;
  gsize la = 0, lb = 0;

  g_assert_true (g_file_get_contents (a, &ca, &la, NULL));
  g_assert_true (g_file_get_contents (b, &cb, &lb, NULL));
  g_assert_true (g_str_has_prefix (ca, "%PDF-"));
  if (la != lb || memcmp (ca, cb, la) != 0)
    g_error ("%s (%" G_GSIZE_FORMAT " bytes) and %s (%" G_GSIZE_FORMAT " bytes) differ", a, la, b, lb);
}

static GtkMessageDialog *
saved_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w))
        return GTK_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Issue 14, defect 10: Ctrl+E opens a window with the CLI's options;
 * with SOURCE_DATE_EPOCH the window and `eqplan board-packet` write the
 * same bytes for the same options, and so do the family summaries; the
 * export ends in a confirmation with Open. Escape closes the window. */
static void
test_same_as_cli (void)
{
  EpWindow *window = open_demo ();
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *app_pdf = g_build_filename (dir, "app.pdf", NULL);
  g_autofree char *cli_pdf = g_build_filename (dir, "cli.pdf", NULL);
  g_autofree char *app_family = g_build_filename (dir, "app-family.pdf", NULL);
  g_autofree char *cli_family = g_build_filename (dir, "cli-family.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (app_pdf);
  g_autoptr(GFile) family_file = g_file_new_for_path (app_family);
  g_autofree EpBoardPacketOptions *options = NULL;
  g_autofree EpFamilySummaryOptions *family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL, *secondary = NULL;
  GtkMessageDialog *saved;
  GtkWidget *list, *row;
  GtkWindow *dialog;
  guint waited = 0, n = 0;

  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);

  /* Escape closes the export window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-packet", NULL));
  spin_a_while (50);
  dialog = g_object_get_data (G_OBJECT (window), "ep-export-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (GTK_IS_HEADER_BAR (gtk_window_get_titlebar (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin_a_while (50);
  g_assert_null (g_object_get_data (G_OBJECT (window), "ep-export-dialog"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-packet", NULL));
  spin_a_while (50);
  dialog = g_object_get_data (G_OBJECT (window), "ep-export-dialog");
  /* Only the first two schools, Letter, Spanish, with the appendix. */
  list = g_object_get_data (G_OBJECT (dialog), "ep-schools");
  for (row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row), n++)
    if (n >= 2)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), FALSE);
  g_assert_cmpuint (n, >, 2);
  choose (g_object_get_data (G_OBJECT (dialog), "ep-paper"), "US Letter");
  choose (g_object_get_data (G_OBJECT (dialog), "ep-language"), "Spanish");
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (dialog), "ep-appendix"), TRUE);
  options = ep_window_board_packet_dialog_get_options (dialog);
  g_assert_nonnull (options->schools);
  g_assert_cmpuint (g_strv_length ((char **) options->schools), ==, 2);
  g_assert_true (options->appendix);
  g_assert_cmpint (options->paper, ==, EP_PAPER_LETTER);
  g_assert_cmpstr (options->language, ==, "es");

  ep_window_export_board_packet (window, options, file);
  while (g_object_get_data (G_OBJECT (window), "ep-export-running") != NULL && waited++ < 3000)
    spin_a_while (10);
  g_assert_null (g_object_get_data (G_OBJECT (window), "ep-export-running"));
  saved = saved_dialog ();
  g_assert_nonnull (saved);
  g_object_get (saved, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "app.pdf"));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (GTK_DIALOG (saved), GTK_RESPONSE_ACCEPT));
  gtk_window_destroy (GTK_WINDOW (saved));
  {
    g_autofree char *schools = g_strjoinv (",", (char **) options->schools);

    g_assert_cmpint (eqplan (&err, "board-packet", demo_path (), "--schools", schools, "--paper", "letter",
                             "--lang", "es", "--appendix", "-o", cli_pdf, NULL), ==, 0);
  }
  assert_same_bytes (app_pdf, cli_pdf);
  gtk_window_destroy (dialog);

  ep_window_select_school (window, CHAVEZ);
  dialog = family_dialog (window);
  choose (g_object_get_data (G_OBJECT (dialog), "ep-language"), "Arabic");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "ep-contact"), "Ana Rivera, 555-0100");
  family = ep_window_family_dialog_get_options (dialog);
  g_assert_true (ep_window_write_family_summary (window, family, family_file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (dialog);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (eqplan (&err, "family-summary", demo_path (), "--school", CHAVEZ, "--lang", "ar",
                           "--contact", "Ana Rivera, 555-0100", "-o", cli_family, NULL), ==, 0);
  assert_same_bytes (app_family, cli_family);

  g_unsetenv ("SOURCE_DATE_EPOCH");
  gtk_window_destroy (GTK_WINDOW (window));
  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/exports/family-languages", test_family_languages);
  g_test_add_func ("/exports/family-only-catalogs", test_family_only_catalogs);
  g_test_add_func ("/exports/same-as-cli", test_same_as_cli);

  return g_test_run ();
}
