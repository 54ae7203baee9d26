/* test-cli.c — the eqplan command line, as districts script it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ep-test-util.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs eqplan with the arguments, NULL-terminated, in the C locale. */
static void
eqplan (Run *run,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("EP_EQPLAN"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_assert_nonnull (argv->pdata[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) sub = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };

  eqplan (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (const char *const *word = (const char *const[]) { "validate", "rewrite", "synth", "chart", "Exit status", "0  ", "1  ", "2  ", "3  ", NULL }; *word; word++)
    if (strstr (run.out, *word) == NULL)
      g_error ("eqplan --help does not mention “%s”:\n%s", *word, run.out);

  eqplan (&sub, "validate", "--help", NULL);
  g_assert_cmpint (sub.status, ==, 0);
  g_assert_nonnull (strstr (sub.out, "FILE:LINE:COLUMN"));

  eqplan (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "Usage"));

  eqplan (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
}

static void
test_validate (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "bad.eqplan", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) quiet = { 0 };
  g_auto(Run) mixed = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) usage = { 0 };

  g_assert_true (g_file_set_contents (bad,
    "<?xml version=\"1.0\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>x</name>\n"
    "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\" phase=\"later\"/></school>\n"
    "</district>\n", -1, NULL));

  eqplan (&ok, "validate", demo, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "valid (4 schools)"));
  g_assert_cmpstr (ok.err, ==, "");

  eqplan (&quiet, "validate", "--quiet", demo, NULL);
  g_assert_cmpint (quiet.status, ==, 0);
  g_assert_cmpstr (quiet.out, ==, "");

  /* One good, one bad, one missing: all reported, exit 1. */
  eqplan (&mixed, "validate", demo, bad, "/nonexistent.eqplan", NULL);
  g_assert_cmpint (mixed.status, ==, 1);
  g_assert_nonnull (strstr (mixed.out, "valid (4 schools)"));
  expected = g_strdup_printf ("%s:4:33: ", bad);
  if (!g_str_has_prefix (mixed.err, expected))
    g_error ("expected “%s…” first on stderr, got:\n%s", expected, mixed.err);
  g_assert_nonnull (strstr (mixed.err, "later"));
  g_assert_nonnull (strstr (mixed.err, "/nonexistent.eqplan: "));

  eqplan (&missing, "validate", "/nonexistent.eqplan", NULL);
  g_assert_cmpint (missing.status, ==, 1);

  eqplan (&usage, "validate", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  ep_test_rm_rf (dir);
}

static void
test_rewrite (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *one = g_build_filename (dir, "one.eqplan", NULL);
  g_autofree char *two = g_build_filename (dir, "two.eqplan", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) stdout_run = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) unwritable = { 0 };

  eqplan (&first, "rewrite", demo, "-o", one, NULL);
  g_assert_cmpint (first.status, ==, 0);
  eqplan (&second, "rewrite", one, "-o", two, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (g_file_get_contents (one, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (two, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  eqplan (&stdout_run, "rewrite", one, "-o", "-", NULL);
  g_assert_cmpint (stdout_run.status, ==, 0);
  g_assert_cmpstr (stdout_run.out, ==, a);

  eqplan (&no_output, "rewrite", demo, NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  eqplan (&unwritable, "rewrite", demo, "-o", "/proc/version/x.eqplan", NULL);
  g_assert_cmpint (unwritable.status, ==, 3);
  g_assert_nonnull (strstr (unwritable.err, "/proc/version/x.eqplan"));

  ep_test_rm_rf (dir);
}

static void
test_synth (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *one = g_build_filename (dir, "one.eqplan", NULL);
  g_autofree char *two = g_build_filename (dir, "two.eqplan", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) bad = { 0 };

  eqplan (&r1, "synth", "--schools", "25", "--years", "3", "--seed", "9", "-o", one, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  eqplan (&r2, "synth", "--schools", "25", "--years", "3", "--seed", "9", "-o", two, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_true (g_file_get_contents (one, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (two, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  eqplan (&check, "validate", one, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "valid (25 schools)"));

  eqplan (&bad, "synth", "--schools", "0", "-o", one, NULL);
  g_assert_cmpint (bad.status, ==, 2);

  ep_test_rm_rf (dir);
}

static void
test_chart (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *dir = ep_test_make_tmpdir ();
  const char *kinds[] = { "group", "trend", "gap", "scorecard", "matrix", "rollup" };
  const char *suffixes[] = { "png", "svg", "pdf" };
  g_auto(Run) help = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) bad_kind = { 0 };
  g_auto(Run) bad_suffix = { 0 };
  g_auto(Run) no_school = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) unknown_school = { 0 };
  g_auto(Run) unknown_indicator = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) shared = { 0 };
  g_autofree char *out = g_build_filename (dir, "x.png", NULL);

  eqplan (&help, "chart", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (const char *const *word = (const char *const[]) { "--school", "--indicator", "--kind", "--period", "--width", "--height", "--shared", "Exit status", "0 on success", "1 when", "2 on", "3 when", NULL }; *word; word++)
    if (strstr (help.out, *word) == NULL)
      g_error ("eqplan chart --help does not mention “%s”:\n%s", *word, help.out);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_auto(Run) run = { 0 };
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], suffixes[s]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;
        gsize size = 0;

        eqplan (&run, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence",
                "--kind", kinds[k], "--width", "700", "--height", "450", "-o", path, NULL);
        if (run.status != 0)
          g_error ("eqplan chart --kind %s -o %s: status %d\n%s", kinds[k], name, run.status, run.err);
        g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
        g_assert_cmpuint (size, >, 500);
        if (s == 0)   /* PNG width and height */
          {
            g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 700);
            g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 450);
          }
      }

  eqplan (&usage, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence", NULL);
  g_assert_cmpint (usage.status, ==, 2);            /* no -o */
  eqplan (&bad_kind, "chart", demo, "--school", "060000100002", "--indicator", "x", "--kind", "pie", "-o", out, NULL);
  g_assert_cmpint (bad_kind.status, ==, 2);
  eqplan (&bad_suffix, "chart", demo, "--school", "060000100002", "--indicator", "x", "-o", "x.gif", NULL);
  g_assert_cmpint (bad_suffix.status, ==, 2);
  eqplan (&no_school, "chart", demo, "--indicator", "chronic-absence", "-o", out, NULL);
  g_assert_cmpint (no_school.status, ==, 2);
  eqplan (&shared, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence", "--shared", "-o", out, NULL);
  g_assert_cmpint (shared.status, ==, 2);           /* not available until ep-suppress is merged */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  eqplan (&missing, "chart", "/nonexistent.eqplan", "--school", "1", "--indicator", "x", "-o", out, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  eqplan (&unknown_school, "chart", demo, "--school", "nope", "--indicator", "x", "-o", out, NULL);
  g_assert_cmpint (unknown_school.status, ==, 1);
  g_assert_nonnull (strstr (unknown_school.err, "nope"));
  eqplan (&unknown_indicator, "chart", demo, "--school", "060000100002", "--indicator", "nope", "-o", out, NULL);
  g_assert_cmpint (unknown_indicator.status, ==, 1);
  eqplan (&unwritable, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence",
          "-o", "/proc/version/x.png", NULL);
  g_assert_cmpint (unwritable.status, ==, 3);
  g_assert_nonnull (strstr (unwritable.err, "/proc/version/x.png"));

  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/rewrite", test_rewrite);
  g_test_add_func ("/cli/synth", test_synth);
  g_test_add_func ("/cli/chart", test_chart);

  return g_test_run ();
}
