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
  for (const char *const *word = (const char *const[]) { "validate", "rewrite", "synth", "import", "Exit status", "0  ", "1  ", "2  ", "3  ", NULL }; *word; word++)
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

static const char import_mapping[] =
  "<?xml version=\"1.0\"?>\n"
  "<mapping xmlns=\"urn:equity-planner:mapping:1\" version=\"1.0\" layout=\"long\">\n"
  "  <numbers rate-scale=\"percent\" decimal-mark=\",\"/>\n"
  "  <suppression><marker>*</marker><marker>n&lt;10</marker></suppression>\n"
  "  <columns>\n"
  "    <column role=\"school-id\">School</column>\n"
  "    <column role=\"group\">Group</column>\n"
  "    <column role=\"period\">Year</column>\n"
  "    <column role=\"rate\">Rate</column>\n"
  "    <fixed role=\"indicator\">attendance</fixed>\n"
  "  </columns>\n"
  "  <groups standard-aliases=\"true\"/>\n"
  "</mapping>\n";

static void
test_import (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *map = g_build_filename (dir, "map.xml", NULL);
  g_autofree char *bad_map = g_build_filename (dir, "bad.xml", NULL);
  g_autofree char *csv = g_build_filename (dir, "data.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.eqplan", NULL);
  g_autofree char *dry_out = g_build_filename (dir, "dry.eqplan", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *wa = NULL;
  g_autofree char *wa_map = ep_test_source_path ("data/mappings/wa-discipline-2014.xml");
  g_auto(Run) ok = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) semicolon = { 0 };
  g_auto(Run) no_map = { 0 };
  g_auto(Run) no_out = { 0 };
  g_auto(Run) bad_delim = { 0 };
  g_auto(Run) hostile = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) real = { 0 };

  g_assert_true (g_file_set_contents (map, import_mapping, -1, NULL));
  /* Windows-1252, semicolons, decimal commas, CRLF, a BOM-less header. */
  g_assert_true (g_file_set_contents (csv,
    "School;Group;Year;Rate\r\n"
    "Nouvelle \xC9" "cole;Hispanic/Latino;2024-25;91,5\r\n"
    "Nouvelle \xC9" "cole;Black;2024-25;*\r\n"
    "Nouvelle \xC9" "cole;Martians;2024-25;3\r\n"
    "Nouvelle \xC9" "cole;White;2024-25;n<10\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_map,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<mapping xmlns=\"urn:equity-planner:mapping:1\"><name>&x;</name></mapping>\n", -1, NULL));

  eqplan (&ok, "import", demo, csv, "--mapping", map, "-o", out, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  for (const char *const *word = (const char *const[]) { "WINDOWS-1252", "semicolon-separated",
         "4 rows", "3 created", "2 of them suppressed", "line 4", "Martians", NULL }; *word; word++)
    if (strstr (ok.out, *word) == NULL)
      g_error ("eqplan import output does not mention “%s”:\n%s", *word, ok.out);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "<m group=\"HI\" period=\"2024-25\" value=\"91.5\"/>"));
  g_assert_nonnull (strstr (written, "suppressed=\"n&lt;10\""));
  g_assert_nonnull (strstr (written, "Nouvelle École"));
  eqplan (&check, "validate", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "valid (5 schools)"));

  /* A dry run reports the same and writes nothing. */
  eqplan (&dry, "import", demo, csv, "--mapping", map, "--dry-run", "-o", dry_out, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "3 created"));
  g_assert_nonnull (strstr (dry.out, "Dry run"));
  g_assert_false (g_file_test (dry_out, G_FILE_TEST_EXISTS));

  /* Forcing the delimiter: the header then has one column, not the mapping's. */
  eqplan (&semicolon, "import", demo, csv, "--mapping", map, "--delimiter", "tab", "--dry-run", NULL);
  g_assert_cmpint (semicolon.status, ==, 1);
  expected = g_strdup_printf ("%s:1: ", csv);
  g_assert_true (g_str_has_prefix (semicolon.err, expected));

  eqplan (&no_map, "import", demo, csv, "-o", out, NULL);
  g_assert_cmpint (no_map.status, ==, 2);
  eqplan (&no_out, "import", demo, csv, "--mapping", map, NULL);
  g_assert_cmpint (no_out.status, ==, 2);
  eqplan (&bad_delim, "import", demo, csv, "--mapping", map, "--delimiter", "::", "--dry-run", NULL);
  g_assert_cmpint (bad_delim.status, ==, 2);

  /* A hostile mapping is refused with FILE:LINE:COLUMN, and nothing is written. */
  eqplan (&hostile, "import", demo, csv, "--mapping", bad_map, "-o", dry_out, NULL);
  g_assert_cmpint (hostile.status, ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("%s:2:", bad_map);
  g_assert_true (g_str_has_prefix (hostile.err, expected));
  g_assert_nonnull (strstr (hostile.err, "DOCTYPE"));
  g_assert_false (g_file_test (dry_out, G_FILE_TEST_EXISTS));

  eqplan (&missing, "import", demo, "/nonexistent.csv", "--mapping", map, "-o", out, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent.csv: "));

  eqplan (&unwritable, "import", demo, csv, "--mapping", map, "-o", "/proc/version/x.eqplan", NULL);
  g_assert_cmpint (unwritable.status, ==, 3);

  eqplan (&help, "import", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--dry-run"));
  g_assert_nonnull (strstr (help.out, "--encoding"));
  g_assert_nonnull (strstr (help.out, "--delimiter"));

  /* A real file with its shipped mapping, when the real data is there. */
  if (g_getenv ("EP_REALDATA"))
    wa = g_build_filename (g_getenv ("EP_REALDATA"), "wa-discipline-2014", "discipline.csv", NULL);
  if (wa && g_file_test (wa, G_FILE_TEST_IS_REGULAR))
    {
      eqplan (&real, "import", demo, wa, "--mapping", wa_map, "--dry-run", NULL);
      g_assert_cmpint (real.status, ==, 0);
      g_assert_nonnull (strstr (real.out, "199 rows"));
      g_assert_nonnull (strstr (real.out, "1990 created"));
    }

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
  g_test_add_func ("/cli/import", test_import);

  return g_test_run ();
}
