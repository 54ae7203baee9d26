/* bench-import.c — import a large CSV file and report time and memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-import generate FILE MEGABYTES   write a synthetic long file
 *   bench-import libcsv FILE               a plain libcsv pass, for comparison
 *   bench-import import FILE MAPPING [--dry-run]
 * Each prints key=value lines. The import reads into an empty district
 * and applies; memory is the process's peak resident size (VmHWM), read
 * from /proc/self/status (Linux only).
 */
#include "config.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ep-models.h"

static long
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line ? strtol (line + strlen (key), NULL, 10) : -1;
}

/* 1,500 schools × 11 groups × 20 indicators × as many school years as the
 * size needs, with cells suppressed at source here and there. */
static int
generate (const char *path,
          guint       megabytes)
{
  static const char * const groups[] = { "All Students", "Hispanic/Latino", "American Indian or Alaska Native",
                                         "Asian", "Black or African American", "Pacific Islander", "White",
                                         "Two or more races", "Economically Disadvantaged",
                                         "English Learners", "Students with Disabilities" };
  FILE *out = fopen (path, "w");
  guint64 target = (guint64) megabytes << 20;
  guint64 written = 0;
  guint32 seed = 1;
  guint64 rows = 0;

  if (out == NULL)
    {
      perror (path);
      return 1;
    }
  written += fprintf (out, "School ID,School Name,Student Group,Indicator,School Year,Numerator,Denominator\n");
  for (int year = 2024; written < target && year > 1900; year--)
    for (guint s = 0; s < 1500 && written < target; s++)
      for (guint i = 0; i < 20; i++)
        for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
          {
            guint den, num;

            seed = seed * 1103515245 + 12345;
            den = g == 0 ? 300 + (seed >> 16) % 1500 : 5 + (seed >> 16) % 400;
            num = (seed >> 8) % (den + 1) / 3;
            if (den < 10)
              written += fprintf (out, "%06u,\"School %u, Campus\",%s,indicator-%02u,%d-%02d,n<10,%u\n",
                                  s, s, groups[g], i, year - 1, year % 100, den);
            else
              written += fprintf (out, "%06u,\"School %u, Campus\",%s,indicator-%02u,%d-%02d,%u,%u\n",
                                  s, s, groups[g], i, year - 1, year % 100, num, den);
            rows++;
          }
  if (fclose (out) != 0)
    {
      perror (path);
      return 1;
    }
  printf ("rows=%" G_GUINT64_FORMAT "\nbytes=%" G_GUINT64_FORMAT "\n", rows, written);
  return 0;
}

static void
count_field (void *s, size_t len, void *data)
{
  ((guint64 *) data)[0]++;
}

static void
count_row (int c, void *data)
{
  ((guint64 *) data)[1]++;
}

static int
plain_libcsv (const char *path)
{
  struct csv_parser p;
  FILE *in = fopen (path, "rb");
  static char buf[64 * 1024];
  guint64 counts[2] = { 0, 0 };
  gint64 start = g_get_monotonic_time ();
  size_t n;

  if (in == NULL || csv_init (&p, CSV_APPEND_NULL) != 0)
    return 1;
  while ((n = fread (buf, 1, sizeof buf, in)) > 0)
    if (csv_parse (&p, buf, n, count_field, count_row, counts) != n)
      return 1;
  csv_fini (&p, count_field, count_row, counts);
  csv_free (&p);
  fclose (in);
  printf ("libcsv_seconds=%.3f\nlibcsv_rows=%" G_GUINT64_FORMAT "\nlibcsv_fields=%" G_GUINT64_FORMAT "\n",
          (g_get_monotonic_time () - start) / 1e6, counts[1], counts[0]);
  return 0;
}

static int
import (const char *path,
        const char *mapping_path,
        gboolean    dry_run)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) map_file = g_file_new_for_commandline_arg (mapping_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = NULL;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(EpImporter) importer = NULL;
  const EpImportReport *report;
  long baseline;
  gint64 start;
  double read_s, apply_s = 0;

  mapping = ep_mapping_read_file (map_file, NULL, &error);
  if (mapping == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  district = ep_district_new ("Benchmark");
  ep_district_add_standard_groups (district);
  importer = ep_importer_new (district, mapping);
  baseline = status_kb ("VmRSS:");

  start = g_get_monotonic_time ();
  if (!ep_importer_read_file (importer, file, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  read_s = (g_get_monotonic_time () - start) / 1e6;
  if (!dry_run)
    {
      start = g_get_monotonic_time ();
      ep_importer_apply (importer);
      apply_s = (g_get_monotonic_time () - start) / 1e6;
    }
  report = ep_importer_get_report (importer);
  printf ("rows=%" G_GUINT64_FORMAT "\nbytes=%" G_GUINT64_FORMAT "\nmeasurements=%" G_GUINT64_FORMAT
          "\nsuppressed=%" G_GUINT64_FORMAT "\nproblems=%" G_GUINT64_FORMAT "\nschools=%u\n"
          "read_seconds=%.3f\napply_seconds=%.3f\nrows_per_second=%.0f\n"
          "baseline_rss_kb=%ld\npeak_rss_kb=%ld\n",
          report->rows_read, report->bytes_read, report->measurements_created, report->suppressed,
          report->n_problems, g_list_model_get_n_items (ep_district_get_schools (district)),
          read_s, apply_s, report->rows_read / (read_s + apply_s),
          baseline, status_kb ("VmHWM:"));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "generate"))
    return generate (argv[2], (guint) atoi (argv[3]));
  if (argc == 3 && g_str_equal (argv[1], "libcsv"))
    return plain_libcsv (argv[2]);
  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "import"))
    return import (argv[2], argv[3], argc == 5 && g_str_equal (argv[4], "--dry-run"));
  fprintf (stderr, "usage: bench-import generate FILE MB | libcsv FILE | import FILE MAPPING [--dry-run]\n");
  return 2;
}
