/* test-report.c — the board packet and the family summary, checked on the
 * PDF itself with poppler-utils (pdfinfo, pdftotext)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display needed. Skips when poppler-utils are not installed. Set
 * EP_SCREENSHOT_DIR to keep the PDFs there.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ep-report.h"
#include "ep-suppress.h"
#include "ep-test-util.h"

#define EPOCH "1743465600"    /* 2025-04-01: the demo's listening sessions are upcoming */
#define CHAVEZ "060000100002"

static char *tmpdir;
static EpDistrict *demo;

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

static void
run_argv (Run         *run,
          const char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  envp = g_environ_setenv (envp, "SOURCE_DATE_EPOCH", EPOCH, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = g_spawn_check_wait_status (wait_status, NULL) ? 0
              : WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static void
eqplan (Run *run,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("EP_EQPLAN"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run_argv (run, (const char **) argv->pdata);
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("poppler-utils (pdftotext, pdfinfo) are not installed");
  return path != NULL;
}

static char *
pdf_text (const char *pdf,
          const char *mode)
{
  const char *argv[] = { "pdftotext", mode, pdf, "-", NULL };
  g_auto(Run) run = { 0 };

  if (mode == NULL)
    {
      argv[1] = pdf;
      argv[2] = "-";
      argv[3] = NULL;
    }
  run_argv (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static char *
pdf_info (const char *pdf,
          const char *key)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_argv (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static char *
out_path (const char *name)
{
  const char *dir = g_getenv ("EP_SCREENSHOT_DIR");

  return g_build_filename (dir ? dir : tmpdir, name, NULL);
}

static const char *
demo_path (void)
{
  static char *path;

  if (path == NULL)
    path = ep_test_source_path ("data/demo/riverside.eqplan");
  return path;
}

/* ------------------------------------------------------------------ */

static void
test_packet_content (void)
{
  g_autofree char *pdf = out_path ("packet.pdf");
  g_autofree char *text = NULL, *pages = NULL, *tagged = NULL;
  GListModel *schools = ep_district_get_schools (demo);
  g_auto(Run) run = { 0 };

  if (!have_poppler ())
    return;
  eqplan (&run, "board-packet", demo_path (), "--appendix", "-o", pdf, NULL);
  /* Nothing reported (a sanitizer build may print its suppressions). */
  g_assert_null (strstr (run.err, "eqplan:"));
  g_assert_null (strstr (run.err, "runtime error"));
  g_assert_null (strstr (run.err, "CRITICAL"));
  g_assert_cmpint (run.status, ==, 0);
  pages = pdf_info (pdf, "Pages");
  /* Cover, contents, summary, roll-up, at least a page per school, the appendix. */
  g_assert_cmpint (atoi (pages), >=, 4 + 4 + 1);
  text = pdf_text (pdf, "-layout");
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);

      g_assert_nonnull (strstr (text, ep_school_get_name (school)));
    }
  /* The demo's numbers: Chávez's English learners, their n, all students. */
  g_assert_nonnull (strstr (text, "31.7%"));
  g_assert_nonnull (strstr (text, "n = 202"));
  g_assert_nonnull (strstr (text, "19.7%"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_nonnull (strstr (text, "District summary"));
  g_assert_nonnull (strstr (text, "Minimum n: 10 students"));
  g_assert_nonnull (strstr (text, "Ana Rivera"));
  /* The metadata's date is SOURCE_DATE_EPOCH. */
  g_assert_nonnull (strstr (text, "2025-04-01"));
}

/* No count or n the district would hide is printed. The appendix prints
 * every cell as a row "group  period  n  count  rate  gap": for each
 * hidden number, the row of that school, indicator, period and group must
 * show the marker in its place; and nowhere in the packet may the hidden
 * cell appear as "COUNT of N". */
static void
test_packet_no_suppressed_count (void)
{
  g_autofree char *pdf = out_path ("packet-appendix.pdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *schools = ep_district_get_schools (demo);
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) row = g_regex_new ("^\\s*(.*?)\\s{2,}(20[0-9][0-9]-[0-9][0-9])\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)", 0, 0, NULL);
  const char *marker = ep_district_get_marker (demo);
  const char *appendix;
  guint checked = 0, hidden = 0;

  if (!have_poppler ())
    return;
  eqplan (&run, "board-packet", demo_path (), "--appendix", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf, "-layout");
  /* The heading (the contents' line ends with a page number). */
  appendix = strstr (text, "Appendix: indicator tables\n");
  g_assert_nonnull (appendix);
  lines = g_strsplit (appendix, "\n", -1);

  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, s);
      GListModel *indicators = ep_school_get_indicators (school);
      guint start = 0, end;

      /* The school's part of the appendix: from its heading (a line with
       * the name alone) to the next school's. */
      for (start = 0; lines[start]; start++)
        {
          const char *p = lines[start];

          while (*p == ' ')
            p++;
          if (g_str_has_prefix (p, ep_school_get_name (school)) && strstr (p, "  ") == NULL)
            break;
        }
      g_assert_nonnull (lines[start]);
      for (end = start + 1; lines[end]; end++)
        {
          const char *p = lines[end];
          gboolean other = FALSE;

          while (*p == ' ')
            p++;
          for (guint o = 0; o < g_list_model_get_n_items (schools); o++)
            {
              g_autoptr(EpSchool) x = g_list_model_get_item (schools, o);

              other |= x != school && g_str_has_prefix (p, ep_school_get_name (x)) && strstr (p, "  ") == NULL;
            }
          if (other)
            break;
        }

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, k);
          g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);
          guint from = start, to;

          /* The indicator's table: from its heading to the next heading. */
          while (from < end && strstr (lines[from], ep_indicator_get_name (indicator)) == NULL)
            from++;
          g_assert_cmpuint (from, <, end);
          for (to = from + 1; to < end; to++)
            {
              gboolean heading = FALSE;

              for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
                {
                  g_autoptr(EpIndicator) x = g_list_model_get_item (indicators, j);
                  const char *p = lines[to];

                  while (*p == ' ')
                    p++;
                  heading |= j != k && g_str_has_prefix (p, ep_indicator_get_name (x)) && strstr (p, "  ") == NULL;
                }
              if (heading)
                break;
            }

          for (guint p = 0; p < periods->len; p++)
            {
              g_autoptr(GArray) cells = ep_publish_indicator (demo, indicator, periods->pdata[p]);

              for (guint c = 0; c < cells->len; c++)
                {
                  const EpPublishCell *cell = &g_array_index (cells, EpPublishCell, c);
                  EpStudentGroup *group = ep_district_find_group (demo, cell->group);
                  const char *label = ep_student_group_get_label (group);
                  gboolean found = FALSE;
                  g_autofree char *pair = NULL;

                  if (!ep_publish_state_is_hidden (cell->count_state) && !ep_publish_state_is_hidden (cell->n_state))
                    continue;
                  hidden++;
                  for (guint l = from; l < to; l++)
                    {
                      g_autoptr(GMatchInfo) match = NULL;
                      g_autofree char *prefix = NULL, *period = NULL, *n = NULL, *count = NULL;

                      if (!g_regex_match (row, lines[l], 0, &match))
                        continue;
                      prefix = g_match_info_fetch (match, 1);
                      period = g_match_info_fetch (match, 2);
                      if (!g_str_equal (period, periods->pdata[p]) || *prefix == '\0' || !g_str_has_prefix (label, prefix))
                        continue;
                      n = g_match_info_fetch (match, 3);
                      count = g_match_info_fetch (match, 4);
                      found = TRUE;
                      checked++;
                      if (ep_publish_state_is_hidden (cell->n_state))
                        g_assert_cmpstr (n, ==, marker);
                      if (ep_publish_state_is_hidden (cell->count_state) && cell->has_counts)
                        g_assert_cmpstr (count, ==, marker);
                    }
                  g_assert_true (found);
                  if (cell->has_counts)
                    {
                      pair = g_strdup_printf ("%u of %u students", cell->numerator, cell->denominator);
                      if (strstr (text, pair)) g_error ("found %s", pair);
                    }
                }
            }
        }
    }
  g_test_message ("%u hidden cells checked in %u rows", hidden, checked);
  g_assert_cmpuint (hidden, >, 0);
  g_assert_cmpuint (checked, >=, hidden);
}

static void
test_packet_deterministic (void)
{
  g_autofree char *a = out_path ("same-a.pdf");
  g_autofree char *b = out_path ("same-b.pdf");
  g_autofree char *da = NULL, *db = NULL;
  gsize la, lb;
  g_auto(Run) ra = { 0 };
  g_auto(Run) rb = { 0 };

  eqplan (&ra, "board-packet", demo_path (), "--appendix", "-o", a, NULL);
  eqplan (&rb, "board-packet", demo_path (), "--appendix", "-o", b, NULL);
  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rb.status, ==, 0);
  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (da, db, la) == 0);
}

static void
test_packet_paper (void)
{
  g_autofree char *a4 = out_path ("packet-a4.pdf");
  g_autofree char *letter = out_path ("packet-letter.pdf");
  g_autofree char *size_a4 = NULL, *size_letter = NULL;
  g_auto(Run) ra = { 0 };
  g_auto(Run) rl = { 0 };
  g_auto(Run) bad = { 0 };

  if (!have_poppler ())
    return;
  eqplan (&ra, "board-packet", demo_path (), "--paper", "a4", "--schools", CHAVEZ, "-o", a4, NULL);
  eqplan (&rl, "board-packet", demo_path (), "--paper", "letter", "--schools", CHAVEZ, "-o", letter, NULL);
  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rl.status, ==, 0);
  size_a4 = pdf_info (a4, "Page size");
  size_letter = pdf_info (letter, "Page size");
  g_assert_true (g_str_has_prefix (size_a4, "595.276 x 841.89"));
  g_assert_true (g_str_has_prefix (size_letter, "612 x 792"));
  eqplan (&bad, "board-packet", demo_path (), "--paper", "a5", "-o", a4, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  {
    g_auto(Run) unknown = { 0 };

    eqplan (&unknown, "board-packet", demo_path (), "--schools", "nope", "-o", a4, NULL);
    g_assert_cmpint (unknown.status, ==, 1);
  }
  {
    /* Only the chosen school; the landscape summary page is landscape. */
    g_autofree char *text = pdf_text (a4, "-layout");
    const char *argv[] = { "pdfinfo", "-f", "3", "-l", "3", a4, NULL };
    g_auto(Run) info = { 0 };

    g_assert_nonnull (strstr (text, "César Chávez Middle School"));
    g_assert_null (strstr (text, "Focus: Mathematics"));   /* Maple Grove has no page (it is in the roll-up) */
    run_argv (&info, argv);
    g_assert_nonnull (strstr (info.out, "841.89 x 595.276"));
  }
}

static void
test_packet_folder (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "plans", NULL);
  g_autofree char *copy = g_build_filename (dir, "a-riverside.eqplan", NULL);
  g_autofree char *other = g_build_filename (dir, "b-synth.eqplan", NULL);
  g_autofree char *broken = g_build_filename (dir, "c-broken.eqplan", NULL);
  g_autofree char *pdf = out_path ("packet-folder.pdf");
  g_autofree char *demo_xml = NULL, *text = NULL;
  g_autoptr(EpDistrict) synth = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) gen = { 0 };
  g_autoptr(GFile) other_file = NULL;

  if (!have_poppler ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (demo_path (), &demo_xml, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, demo_xml, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n  <name>Broken</oops>\n", -1, NULL));
  eqplan (&gen, "synth", "--schools", "2", "--years", "2", "--seed", "7", "-o", other, NULL);
  g_assert_cmpint (gen.status, ==, 0);
  other_file = g_file_new_for_path (other);
  synth = ep_xml_read_file (other_file, NULL, NULL, &error);
  g_assert_no_error (error);

  eqplan (&run, "board-packet", dir, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* The broken file is reported as FILE:LINE:COLUMN and left out. */
  g_assert_nonnull (strstr (run.err, "c-broken.eqplan:3:"));
  text = pdf_text (pdf, "-layout");
  g_assert_nonnull (strstr (text, "Lincoln Elementary School"));
  for (guint i = 0; i < g_list_model_get_n_items (ep_district_get_schools (synth)); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (ep_district_get_schools (synth), i);

      g_assert_nonnull (strstr (text, ep_school_get_name (school)));
    }
  g_assert_nonnull (strstr (text, "could not be read"));

  /* Only broken files: exit 1. */
  {
    g_autofree char *bad_dir = g_build_filename (tmpdir, "bad", NULL);
    g_autofree char *bad = g_build_filename (bad_dir, "x.eqplan", NULL);
    g_auto(Run) none = { 0 };

    g_assert_cmpint (g_mkdir_with_parents (bad_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (bad, "not xml", -1, NULL));
    eqplan (&none, "board-packet", bad_dir, "-o", pdf, NULL);
    g_assert_cmpint (none.status, ==, 1);
  }
}

static void
test_family_english (void)
{
  g_autofree char *pdf = out_path ("family-en.pdf");
  g_autofree char *text = NULL, *pages = NULL;
  g_auto(Run) run = { 0 };

  if (!have_poppler ())
    return;
  eqplan (&run, "family-summary", demo_path (), "--school", CHAVEZ, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  pages = pdf_info (pdf, "Pages");
  g_assert_cmpint (atoi (pages), >=, 1);
  g_assert_cmpint (atoi (pages), <=, 2);
  text = pdf_text (pdf, NULL);
  for (const char *const *h = (const char *const[]) { "What we found", "What we will do this year",
                                                      "How you can take part", "Whom to contact", NULL }; *h; h++)
    g_assert_nonnull (strstr (text, *h));
  g_assert_nonnull (strstr (text, "Led by Ana Rivera"));
  g_assert_nonnull (strstr (text, "2025-04-24"));        /* an upcoming listening session */
  g_assert_nonnull (strstr (text, "Marisol Herrera"));   /* the school's champion */
  /* Spanish plan texts; Spanish needs its catalog (the build's): a
   * language without one is refused (/exports/family-only-catalogs). */
  {
    g_autofree char *es = out_path ("family-es.pdf");
    g_autofree char *es_text = NULL;
    g_auto(Run) es_run = { 0 };

    eqplan (&es_run, "family-summary", demo_path (), "--school", CHAVEZ, "--lang", "es", "-o", es, NULL);
    g_assert_cmpint (es_run.status, ==, 0);
    es_text = pdf_text (es, NULL);
    g_assert_nonnull (strstr (es_text, "Llamadas positivas a casa"));
    g_assert_nonnull (strstr (es_text, "Escuela"));
  }
  {
    g_auto(Run) bad = { 0 };

    eqplan (&bad, "family-summary", demo_path (), "--school", "nope", "-o", pdf, NULL);
    g_assert_cmpint (bad.status, ==, 1);
  }
}

/* Arabic: the plan's texts in Arabic (added here; the demo has none), the
 * layout right to left: Arabic words end at the right margin. */
static void
test_family_arabic (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  EpSchool *school = ep_district_find_school (district, CHAVEZ);
  EpPlan *plan = ep_school_get_current_plan (school);
  g_autofree char *file = g_build_filename (tmpdir, "arabic.eqplan", NULL);
  g_autofree char *pdf = out_path ("family-ar.pdf");
  g_autofree char *xml = NULL, *text = NULL, *bbox = NULL;
  g_autoptr(GRegex) word = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GListModel *actions = ep_plan_get_interventions (plan);
  guint arabic = 0, right = 0;
  g_auto(Run) run = { 0 };

  if (!have_poppler ())
    return;
  ep_node_set_translation (school, "name", "ar", "مدرسة سيزار تشافيز المتوسطة");
  ep_node_set_translation (plan, "statement", "ar",
                           "الغياب المزمن لمتعلمي اللغة الإنجليزية: نريد أن يحضر كل طالب إلى المدرسة كل يوم.");
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (actions, i);

      ep_node_set_translation (action, "title", "ar", "مكالمات إيجابية إلى المنزل بلغة الأسرة");
    }
  ep_node_set_translation (ep_district_find_group (district, "EL"), "label", "ar", "متعلمو اللغة الإنجليزية");
  xml = ep_test_write_string (district);
  g_assert_true (g_file_set_contents (file, xml, -1, NULL));

  eqplan (&run, "family-summary", file, "--school", CHAVEZ, "--lang", "ar", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf, NULL);
  g_assert_nonnull (strstr (text, "مكالمات"));
  /* Right to left: the lines of paragraphs written in Arabic (the problem
   * statement, the actions) end at the right margin (page 595 pt, margin
   * 51 pt), and the running header is mirrored (the school's name, at the
   * end side, is on the left). */
  bbox = pdf_text (pdf, "-bbox");
  word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>", 0, 0, NULL);
  g_regex_match (word, bbox, 0, &match);
  {
    g_autoptr(GHashTable) line_max = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GHashTable) line_min = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GPtrArray) statement = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
    double header_max = 0;

    while (g_match_info_matches (match))
      {
        g_autofree char *w = g_match_info_fetch (match, 4);
        g_autofree char *ymin = g_match_info_fetch (match, 2);
        g_autofree char *xmin = g_match_info_fetch (match, 1);
        g_autofree char *xmax = g_match_info_fetch (match, 3);
        double *m = g_hash_table_lookup (line_max, ymin);
        double *n = g_hash_table_lookup (line_min, ymin);
        gunichar c = g_utf8_get_char (w);

        if (m == NULL)
          {
            m = g_new0 (double, 1);
            n = g_new (double, 1);
            *n = G_MAXDOUBLE;
            g_hash_table_insert (line_max, g_strdup (ymin), m);
            g_hash_table_insert (line_min, g_strdup (ymin), n);
          }
        *m = MAX (*m, g_ascii_strtod (xmax, NULL));
        *n = MIN (*n, g_ascii_strtod (xmin, NULL));
        if (c >= 0x0600 && c <= 0x06FF)
          arabic++;
        if (g_str_equal (w, "District") && g_ascii_strtod (ymin, NULL) < 40)
          header_max = MAX (header_max, g_ascii_strtod (xmax, NULL));
        g_match_info_next (match, NULL);
      }
    {
      g_autofree char *plain = pdf_text (pdf, "-layout");

      g_assert_nonnull (strstr (plain, "مكالمات"));
    }
    {
      GHashTableIter iter;
      gpointer key, value;
      guint right_lines = 0, arabic_lines = 0;

      /* Lines whose words are all Arabic and that lie in the body (below
       * the header, outside the chart's labels, which are narrow): */
      g_hash_table_iter_init (&iter, line_max);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double width = *(double *) value - *(double *) g_hash_table_lookup (line_min, key);

          if (g_ascii_strtod (key, NULL) > 40 && width > 200)
            {
              arabic_lines++;
              right_lines += *(double *) value > 595.276 - 51 - 25;
            }
        }
      (void) arabic_lines;
      right = right_lines;
    }
    g_test_message ("%u Arabic letters; %u wide lines end at the right margin; header title ends at %.0f",
                    arabic, right, header_max);
    g_assert_cmpuint (arabic, >, 5);
    g_assert_cmpuint (right, >=, 3);
    /* The running header's title (district, at the start side) is on the right. */
    g_assert_cmpfloat (header_max, >, 595.276 - 51 - 25);
  }
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

/* Spaces and line breaks as pdftotext lays them out do not matter. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* For every language in po/LINGUAS, the family summary's fixed headings
 * are the catalog's, and no English heading is left (EP_LOCALEDIR points
 * eqplan at the build's catalogs). Arabic is checked for its letters and
 * right-to-left layout in /report/family-arabic; pdftotext reorders it. */
static void
test_family_catalog (void)
{
  g_autofree char *linguas_path = ep_test_source_path ("po/LINGUAS");
  g_autofree char *linguas = NULL;
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_auto(GStrv) langs = NULL;
  guint checked = 0;

  if (!g_file_get_contents (linguas_path, &linguas, NULL, NULL) || !have_poppler ())
    {
      g_test_skip ("no catalogs or no poppler-utils");
      return;
    }
  g_setenv ("EP_LOCALEDIR", localedir, TRUE);
  langs = g_strsplit_set (linguas, " \n", -1);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *file = NULL, *pdf = NULL, *text = NULL, *flat = NULL;
      g_autofree char *found = NULL, *doing = NULL;
      g_auto(Run) run = { 0 };

      if (langs[i][0] == '\0' || langs[i][0] == '#')
        continue;
      found = catalog_heading (langs[i], "What we found");
      doing = catalog_heading (langs[i], "What we will do this year");
      g_assert_nonnull (found);
      g_assert_nonnull (doing);
      file = g_strdup_printf ("family-%s.pdf", langs[i]);
      pdf = out_path (file);
      eqplan (&run, "family-summary", demo_path (), "--school", CHAVEZ, "--lang", langs[i], "-o", pdf, NULL);
      if (run.status != 0)
        g_error ("eqplan family-summary --lang %s: status %d\n%s", langs[i], run.status, run.err);
      text = pdf_text (pdf, NULL);
      g_assert_null (strstr (text, "What we found"));
      g_assert_null (strstr (text, "What we will do this year"));
      if (!g_str_equal (langs[i], "ar"))
        {
          g_autofree char *want_found = squeeze (found);
          g_autofree char *want_doing = squeeze (doing);

          flat = squeeze (text);
          if (strstr (flat, want_found) == NULL || strstr (flat, want_doing) == NULL)
            g_error ("%s: headings “%s” / “%s” not in:\n%s", langs[i], found, doing, text);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 7);
}

/* The library's API: async writing with progress, cancelled or not; the
 * pages for printing. */
static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_progress (double      fraction,
             const char *message,
             gpointer    user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_packet_async (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpBoardPacket) packet = NULL;
  EpBoardPacketOptions options;
  double last = 0;
  guint n_pages = 0, counted;

  ep_board_packet_options_init (&options);
  options.date = 1743465600;
  ep_report_board_packet_write_async (demo, &options, file, NULL, on_progress, &last, on_written, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ep_report_board_packet_write_finish (result, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 4);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpfloat (last, ==, 1.0);

  g_cancellable_cancel (cancellable);
  ep_report_board_packet_write_async (demo, &options, file, cancellable, NULL, NULL, on_written, &cancelled_result);
  while (cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ep_report_board_packet_write_finish (cancelled_result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* The earlier file is left as it was. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  packet = ep_board_packet_new (demo, &options, &error);
  g_assert_no_error (error);
  counted = ep_board_packet_count_pages (packet, &error);
  g_assert_cmpuint (counted, ==, n_pages);
  g_assert_false (ep_board_packet_page_is_landscape (packet, 0));
  g_assert_true (ep_board_packet_page_is_landscape (packet, 2));
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, 842);
    cairo_t *cr = cairo_create (surface);

    g_assert_true (ep_board_packet_draw_page (packet, cr, 5, counted, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  /* Documents in a language need its catalog: eqplan reads the build's. */
  {
    g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    g_setenv ("EP_LOCALEDIR", localedir, TRUE);
  }
  g_test_init (&argc, &argv, NULL);
  tmpdir = ep_test_make_tmpdir ();
  demo = ep_test_load_demo ();

  g_test_add_func ("/report/packet-content", test_packet_content);
  g_test_add_func ("/report/packet-no-suppressed-count", test_packet_no_suppressed_count);
  g_test_add_func ("/report/packet-deterministic", test_packet_deterministic);
  g_test_add_func ("/report/packet-paper", test_packet_paper);
  g_test_add_func ("/report/packet-folder", test_packet_folder);
  g_test_add_func ("/report/packet-async", test_packet_async);
  g_test_add_func ("/report/family-english", test_family_english);
  g_test_add_func ("/report/family-arabic", test_family_arabic);
  g_test_add_func ("/report/family-catalog", test_family_catalog);
  status = g_test_run ();

  g_object_unref (demo);
  ep_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
