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
  for (const char *const *word = (const char *const[]) { "validate", "rewrite", "synth", "analyze", "check", "import", "chart", "Exit status", "0  ", "1  ", "2  ", "3  ", NULL }; *word; word++)
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


/* The row of @out whose first four columns are @key (tab-separated). */
static char **
find_row (const char *out,
          const char *key)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == '\t')
      return g_strsplit (lines[i], "\t", -1);
  g_error ("no row “%s” in:\n%s", key, out);
  return NULL;
}

static void
test_analyze (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_auto(Run) all = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) others = { 0 };
  g_auto(Run) german = { 0 };
  g_auto(Run) roll = { 0 };
  g_auto(Run) bad_school = { 0 };
  g_auto(Run) bad_reference = { 0 };
  g_auto(GStrv) el = NULL;
  g_auto(GStrv) pi = NULL;
  g_auto(GStrv) el_others = NULL;
  g_auto(GStrv) lines = NULL;

  eqplan (&all, "analyze", demo, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_true (g_str_has_prefix (all.out,
    "school\tindicator\tperiod\tgroup\tnumerator\tdenominator\trate\tgap_pp\t"
    "risk_ratio\talt_risk_ratio\tflags\n"));
  lines = g_strsplit (all.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 11);
    }
  g_assert_cmpuint (g_strv_length (lines), >, 300);

  /* Chávez, chronic absence 2022-23: EL 80 of 226 = 35.40 %; all 183 of
   * 712 = 25.70 %; gap 9.70 points; others 103 of 486 = 21.19 %, risk
   * ratio 35.398 / 21.193 = 1.670. PI has 5 students: below the demo
   * district's minimum n of 10, so reasons and no numbers. */
  eqplan (&one, "analyze", demo, "--school", "060000100002", "--indicator", "chronic-absence",
          "--period", "2022-23", NULL);
  g_assert_cmpint (one.status, ==, 0);
  el = find_row (one.out, "060000100002\tchronic-absence\t2022-23\tEL");
  g_assert_cmpstr (el[4], ==, "80");
  g_assert_cmpstr (el[5], ==, "226");
  g_assert_cmpstr (el[6], ==, "35.40");
  g_assert_cmpstr (el[7], ==, "9.70");
  g_assert_cmpstr (el[8], ==, "1.670");
  g_assert_cmpstr (el[9], ==, "n/a");
  g_assert_cmpstr (el[10], ==, "");
  pi = find_row (one.out, "060000100002\tchronic-absence\t2022-23\tPI");
  g_assert_cmpstr (pi[6], ==, "n<10");
  g_assert_cmpstr (pi[7], ==, "n<10");
  g_assert_cmpstr (pi[8], ==, "n<10");
  g_assert_null (strstr (one.out, "2023-24"));

  /* Against all other students the gap is 35.40 − 21.19 = 14.20. */
  eqplan (&others, "analyze", demo, "--school", "060000100002", "--indicator", "chronic-absence",
          "--period", "2022-23", "--reference", "others", NULL);
  el_others = find_row (others.out, "060000100002\tchronic-absence\t2022-23\tEL");
  g_assert_cmpstr (el_others[7], ==, "14.20");

  /* The same bytes in a locale with decimal commas. */
  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();
    g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "de_DE.UTF-8", TRUE);
    int wait_status;

    g_ptr_array_add (argv, (gpointer) g_getenv ("EP_EQPLAN"));
    g_ptr_array_add (argv, "analyze");
    g_ptr_array_add (argv, demo);
    g_ptr_array_add (argv, NULL);
    g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                                 &german.out, &german.err, &wait_status, NULL));
    g_assert_cmpstr (german.out, ==, all.out);
  }

  /* The district roll-up: one row per indicator, period and group. */
  eqplan (&roll, "analyze", demo, "--district", "--indicator", "chronic-absence", NULL);
  g_assert_cmpint (roll.status, ==, 0);
  g_assert_nonnull (strstr (roll.out, "\tchronic-absence\t2022-23\tall\t"));

  eqplan (&bad_school, "analyze", demo, "--school", "nope", NULL);
  g_assert_cmpint (bad_school.status, ==, 1);
  g_assert_nonnull (strstr (bad_school.err, "nope"));
  eqplan (&bad_reference, "analyze", demo, "--reference", "XX", NULL);
  g_assert_cmpint (bad_reference.status, ==, 1);
  g_assert_nonnull (strstr (bad_reference.err, "XX"));
}

/* eqplan analyze --shared on every table of the demo: no number of a
 * group below the minimum n is printed, and within each period's race
 * table no hidden count can be had by subtracting the shown ones from the
 * all-students total (never exactly one hidden term in the sum). */
static void
test_analyze_shared (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_auto(Run) run = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) pi = NULL;
  g_autoptr(GHashTable) hidden_num = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) hidden_den = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *const races[] = { "all", "HI", "AM", "AS", "BL", "PI", "WH", "TR", NULL };
  guint tables = 0, marked = 0;
  GHashTableIter iter;
  gpointer key, value;

  eqplan (&run, "analyze", demo, "--shared", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autofree char *table = g_strdup_printf ("%s/%s/%s", f[0], f[1], f[2]);
      guint64 den = 0;

      /* Minimum n of the demo district: 10. */
      if (g_ascii_string_to_unsigned (f[5], 10, 0, G_MAXUINT32, &den, NULL))
        g_assert_cmpuint (den, >=, 10);
      else if (g_strcmp0 (f[6], "source") != 0)  /* suppressed at source, no n given */
        g_assert_cmpstr (f[5], ==, "*");
      if (g_strcmp0 (f[4], "*") == 0)
        marked++;
      if (!g_strv_contains (races, f[3]))
        continue;
      if (!g_hash_table_contains (hidden_num, table))
        {
          g_hash_table_insert (hidden_num, g_strdup (table), GUINT_TO_POINTER (0));
          g_hash_table_insert (hidden_den, g_strdup (table), GUINT_TO_POINTER (0));
        }
      /* Hidden: the marker, or a source's marker; empty is a mean score
       * (no count). */
      if (f[4][0] != '\0' && !g_ascii_isdigit (f[4][0]))
        g_hash_table_insert (hidden_num, g_strdup (table),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (hidden_num, table)) + 1));
      if (f[5][0] != '\0' && !g_ascii_isdigit (f[5][0]))
        g_hash_table_insert (hidden_den, g_strdup (table),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (hidden_den, table)) + 1));
    }
  g_hash_table_iter_init (&iter, hidden_num);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (value), !=, 1);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (hidden_den, key)), !=, 1);
      tables++;
    }
  g_assert_cmpuint (tables, >, 20);
  g_assert_cmpuint (marked, >, 20);

  /* Chávez 2022-23: PI 2 of 5 absent is hidden entirely, and so is its
   * complement AM (3 of 6): neither count nor size appears. */
  eqplan (&one, "analyze", demo, "--school", "060000100002", "--indicator", "chronic-absence",
          "--period", "2022-23", "--shared", NULL);
  pi = find_row (one.out, "060000100002\tchronic-absence\t2022-23\tPI");
  for (guint i = 4; i <= 9; i++)
    g_assert_cmpstr (pi[i], ==, "*");
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
test_check (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "bad.eqplan", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.eqplan", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(Run) all = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) errors = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) no_file = { 0 };
  g_auto(Run) help = { 0 };

  /* A plan being diagnosed, with no problem statement yet, and an action
   * with no metric whose title holds a tab; a school with no plan. */
  g_assert_true (g_file_set_contents (bad,
    "<?xml version=\"1.0\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>x</name>\n"
    "  <school id=\"S1\"><name>A</name>\n"
    "    <plan cycle=\"2024-25\" phase=\"prerequisites\"/>\n"
    "    <plan cycle=\"2025-26\" phase=\"diagnose\"><actions>\n"
    "      <action id=\"a1\"><title>Calls&#9;home</title></action>\n"
    "    </actions></plan>\n"
    "  </school>\n"
    "  <school id=\"S2\"><name>B</name></school>\n"
    "</district>\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken,
    "<?xml version=\"1.0\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>x</name>\n"
    "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\" phase=\"later\"/></school>\n"
    "</district>\n", -1, NULL));

  /* The demo: warnings and infos only. */
  eqplan (&all, "check", demo, "--date", "2026-03-15", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.err, ==, "");
  lines = g_strsplit (all.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "school\tcycle\tseverity\tcode\tmessage");
  g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* header, 3 findings, "" */
  g_assert_true (g_str_has_prefix (lines[1], "060000100001\t2025-26\twarning\tno-decision-structure\t"));
  g_assert_true (g_str_has_prefix (lines[2], "060000100001\t2025-26\twarning\tno-language-access\t"));
  g_assert_true (g_str_has_prefix (lines[3], "060000100001\t2025-26\tinfo\tno-childcare\t"));
  for (guint i = 0; lines[i][0]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
    }
  g_assert_cmpstr (lines[4], ==, "");

  /* One school, later in the year. */
  eqplan (&later, "check", "--school", "060000100002", "--date", "2026-07-01", demo, NULL);
  g_assert_cmpint (later.status, ==, 0);
  g_assert_true (g_str_has_prefix (later.out, "school\tcycle\tseverity\tcode\tmessage\n"
                                              "060000100002\t2025-26\twarning\tlog-stale\t"));
  g_assert_nonnull (strstr (later.out, "\n060000100002\t2025-26\twarning\tno-reflection\t"));
  g_assert_null (strstr (later.out, "060000100001"));

  /* Errors: exit 1; the current plan is the latest cycle. */
  eqplan (&errors, "check", bad, NULL);
  g_assert_cmpint (errors.status, ==, 1);
  g_assert_nonnull (strstr (errors.out, "\nS1\t2025-26\terror\tno-target\t"));
  g_assert_nonnull (strstr (errors.out, "\nS1\t2025-26\terror\tno-listening-session\t"));
  g_assert_nonnull (strstr (errors.out, "\nS1\t2025-26\terror\taction-no-metric\tThe action “Calls home” "));
  g_assert_null (strstr (errors.out, "\nS1\t2024-25\t"));
  g_assert_nonnull (strstr (errors.out, "\nS2\t\twarning\tno-plan\t"));

  eqplan (&unknown, "check", demo, "--school", "nope", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "“nope”"));
  g_assert_cmpstr (unknown.out, ==, "");

  eqplan (&unreadable, "check", broken, NULL);
  g_assert_cmpint (unreadable.status, ==, 1);
  g_assert_true (g_str_has_prefix (unreadable.err, broken));
  g_assert_nonnull (strstr (unreadable.err, ":4:33: "));

  eqplan (&missing, "check", "/nonexistent.eqplan", NULL);
  g_assert_cmpint (missing.status, ==, 1);

  eqplan (&bad_date, "check", demo, "--date", "2026-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "2026-02-30"));

  eqplan (&no_file, "check", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  eqplan (&help, "check", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Exit status"));
  g_assert_nonnull (strstr (help.out, "--school"));
  g_assert_nonnull (strstr (help.out, "--date"));

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
      g_assert_nonnull (strstr (real.out, "1980 created"));   /* not the statewide row */
    }

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
  eqplan (&shared, "chart", demo, "--school", "060000100002", "--kind", "scorecard", "--shared", "-o", out, NULL);
  g_assert_cmpint (shared.status, ==, 2);           /* a shared scorecard is not available */
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

/* Tables meant for spreadsheets (eqplan analyze, eqplan check) never hold
 * a cell a spreadsheet would run: ids, periods and markers that look like
 * formulas come out with a leading single quote. */
static void
assert_no_formula_cells (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  guint quoted = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          if (ep_spreadsheet_cell_is_formula (cells[j]))
            g_error ("line %u, cell %u is a formula: %s", i + 1, j + 1, cells[j]);
          if (cells[j][0] == '\'')
            quoted++;
        }
    }
  g_assert_cmpuint (quoted, >, 0);
}

static void
test_formula_cells (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "evil.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) district = ep_district_new ("=HYPERLINK(\"http://example.invalid\")");
  g_autoptr(EpSchool) school = ep_school_new ("=cmd|' /C calc'!A0", "@SUM(1+1)");
  g_autoptr(EpIndicator) indicator = ep_indicator_new ("+evil");
  g_autoptr(EpStudentGroup) group = ep_student_group_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) analyze = { 0 };
  g_auto(Run) check = { 0 };

  ep_district_add_standard_groups (district);
  ep_student_group_set_id (group, "-1+1");
  ep_student_group_set_category (group, EP_GROUP_CATEGORY_OTHER);
  ep_district_add_group (district, group);
  g_assert_true (ep_district_add_school (district, school, NULL));
  ep_indicator_set_name (indicator, "=1+1");
  g_assert_true (ep_indicator_set_count (indicator, "all", "@2024", 30, 100, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "-1+1", "@2024", 10, 20, NULL));
  g_assert_true (ep_indicator_set_suppressed (indicator, "EL", "@2024", "=2+5", NULL));
  ep_school_add_indicator (school, indicator);
  g_assert_true (ep_xml_save (district, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  eqplan (&analyze, "analyze", path, NULL);
  g_assert_cmpint (analyze.status, ==, 0);
  g_test_message ("%s", analyze.out);
  g_assert_nonnull (strstr (analyze.out, "'=cmd|' /C calc'!A0\t'+evil\t'@2024\t'-1+1\t"));
  g_assert_nonnull (strstr (analyze.out, "'=2+5"));
  assert_no_formula_cells (analyze.out);

  eqplan (&check, "check", path, NULL);
  assert_no_formula_cells (check.out);

  /* The helper itself: numbers and hyphen runs stay, the rest is quoted. */
  {
    static const struct { const char *in, *out; } cases[] = {
      { "=1+1", "'=1+1" }, { "+cmd", "'+cmd" }, { "-2+3", "'-2+3" }, { "@SUM(A1)", "'@SUM(A1)" },
      { "\tx", "' x" }, { "\rx", "' x" }, { "-3", "-3" }, { "+4.5", "+4.5" }, { "-", "-" },
      { "--", "--" }, { "a\tb\nc", "a b c" }, { "plain", "plain" }, { "", "" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GString) line = g_string_new (NULL);
        ep_spreadsheet_append_cell (line, cases[i].in);
        g_assert_cmpstr (line->str, ==, cases[i].out);
      }
  }
  ep_test_rm_rf (dir);
}

/* Issue 14, defect 6: `eqplan check` was silent about a target period
 * before the baseline's, an impossible percentage and an action that ends
 * before it starts; it now reports them, by the rules the window uses. */
static void
test_check_nonsense (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nonsense.eqplan", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path,
    "<?xml version=\"1.0\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
    "  <name>x</name>\n"
    "  <groups><group id=\"all\" category=\"all\"><label>All students</label></group></groups>\n"
    "  <school id=\"S1\"><name>A</name>\n"
    "    <indicator id=\"r\" kind=\"lagging\" direction=\"higher-is-better\" unit=\"percent\"><name>Reading</name></indicator>\n"
    "    <plan cycle=\"2025-26\" phase=\"implement\">\n"
    "      <diagnosis><problem group=\"all\" indicator=\"r\" baseline=\"30\" baseline-period=\"2024-25\" target=\"150\" target-period=\"2023-24\"/></diagnosis>\n"
    "      <actions><action id=\"a1\" start=\"2026-03-01\" end=\"2026-02-01\"><title>Calls</title></action></actions>\n"
    "    </plan>\n"
    "  </school>\n"
    "</district>\n", -1, NULL));
  eqplan (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "\nS1\t2025-26\terror\ttarget-before-baseline\t"));
  g_assert_nonnull (strstr (run.out, "\nS1\t2025-26\terror\tvalue-out-of-range\tThe target (150) is not possible."));
  g_assert_nonnull (strstr (run.out, "S1\t2025-26\terror\taction-ends-before-start\tThe action “Calls” ends before it starts."));
  ep_test_rm_rf (dir);
}

/* Issue 14, defect 13: -h is help in every command (chart's height is
 * -H/--height); --lang everywhere (chart's --language still works); an
 * unknown school is status 1 in every command; the top-level help shows
 * synth's options as optional and family-summary's --contact. */
static void
test_conventions (void)
{
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  const char *commands[] = { "validate", "rewrite", "analyze", "synth", "check", "import", "chart",
                             "board-packet", "family-summary", NULL };

  for (guint i = 0; commands[i]; i++)
    {
      g_auto(Run) help = { 0 };

      eqplan (&help, commands[i], "-h", NULL);
      if (help.status != 0 || strstr (help.out, "--help") == NULL)
        g_error ("eqplan %s -h: status %d\n%s%s", commands[i], help.status, help.out, help.err);
    }
  {
    g_auto(Run) help = { 0 }, tall = { 0 }, lang = { 0 }, old = { 0 };

    eqplan (&help, "chart", "--help", NULL);
    g_assert_nonnull (strstr (help.out, "-H, --height"));
    g_assert_nonnull (strstr (help.out, "--lang"));
    g_assert_null (strstr (help.out, "--language"));
    eqplan (&tall, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence",
            "-H", "300", "--height", "300", "-o", png, NULL);
    g_assert_cmpint (tall.status, ==, 0);
    eqplan (&lang, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence",
            "--lang", "es", "-o", png, NULL);
    g_assert_cmpint (lang.status, ==, 0);
    eqplan (&old, "chart", demo, "--school", "060000100002", "--indicator", "chronic-absence",
            "--language", "es", "-o", png, NULL);
    g_assert_cmpint (old.status, ==, 0);
  }
  {
    g_auto(Run) check = { 0 }, analyze = { 0 }, chart = { 0 }, packet = { 0 }, family = { 0 };

    eqplan (&check, "check", demo, "--school", "nope", NULL);
    eqplan (&analyze, "analyze", demo, "--school", "nope", NULL);
    eqplan (&chart, "chart", demo, "--school", "nope", "--indicator", "chronic-absence", "-o", png, NULL);
    eqplan (&packet, "board-packet", demo, "--schools", "nope", "-o", pdf, NULL);
    eqplan (&family, "family-summary", demo, "--school", "nope", "-o", pdf, NULL);
    g_assert_cmpint (check.status, ==, 1);
    g_assert_cmpint (analyze.status, ==, 1);
    g_assert_cmpint (chart.status, ==, 1);
    g_assert_cmpint (packet.status, ==, 1);
    g_assert_cmpint (family.status, ==, 1);
  }
  {
    g_auto(Run) top = { 0 };

    eqplan (&top, "--help", NULL);
    g_assert_nonnull (strstr (top.out, "[--schools N] [--years Y] [--seed S] -o FILE"));
    g_assert_nonnull (strstr (top.out, "[--contact TEXT]"));
  }
  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/conventions", test_conventions);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/rewrite", test_rewrite);
  g_test_add_func ("/cli/synth", test_synth);
  g_test_add_func ("/cli/analyze", test_analyze);
  g_test_add_func ("/cli/analyze-shared", test_analyze_shared);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/check-nonsense", test_check_nonsense);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/chart", test_chart);
  g_test_add_func ("/cli/formula-cells", test_formula_cells);

  return g_test_run ();
}
