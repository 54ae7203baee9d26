/* bench-render.c — chart rendering, timed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-render DEMO.eqplan BIG.eqplan [N]
 * Draws each chart kind of the demo district N times (default 1000 for the
 * group and trend charts, N / 10 for the others) to a 1000×620 image
 * surface, and the roll-up of BIG (e.g. 1,500 schools) N / 10 times, after
 * timing how long its figures take to compute. Prints key=value lines:
 * milliseconds per frame, frames per second, peak RSS (Linux).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ep-chart-render.h"

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

static EpDistrict *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  EpDistrict *district = ep_xml_read_file (file, NULL, NULL, &error);

  if (district == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  return district;
}

static void
bench (const char  *name,
       EpChartData *data,
       guint        runs)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 620);
  EpChartStyle style;
  gint64 start;
  double ms;

  ep_chart_style_init (&style, FALSE);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < runs; i++)
    {
      cairo_t *cr = cairo_create (surface);

      ep_chart_render (data, cr, 1000, 620, &style);
      cairo_destroy (cr);
    }
  cairo_surface_flush (surface);
  ms = (g_get_monotonic_time () - start) / 1000.0 / runs;
  printf ("%s_runs=%u\n%s_ms=%.3f\n%s_fps=%.0f\n", name, runs, name, ms, name, 1000.0 / ms);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  static const char *names[] = { "group", "trend", "gap", "scorecard", "matrix", "rollup" };
  g_autoptr(EpDistrict) demo = NULL;
  g_autoptr(EpDistrict) big = NULL;
  g_autoptr(EpChartData) rollup = NULL;
  guint n = argc > 3 ? (guint) atoi (argv[3]) : 1000;
  EpChartSpec spec = { 0 };
  gint64 start;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-render DEMO.eqplan BIG.eqplan [N]\n");
      return 2;
    }
  demo = load (argv[1]);
  for (EpChartKind kind = EP_CHART_KIND_GROUPS; kind <= EP_CHART_KIND_ROLLUP; kind++)
    {
      g_autoptr(EpChartData) data = NULL;

      spec = (EpChartSpec) { 0 };
      spec.kind = kind;
      spec.district = demo;
      spec.school = ep_district_find_school (demo, "060000100002");
      spec.indicator = "chronic-absence";
      data = ep_chart_data_new (&spec, NULL);
      g_assert (data != NULL);
      bench (names[kind], data, kind <= EP_CHART_KIND_TREND ? n : MAX (1, n / 10));
    }

  big = load (argv[2]);
  printf ("big_schools=%u\n", g_list_model_get_n_items (ep_district_get_schools (big)));
  printf ("rss_before_rollup_kb=%ld\n", status_kb ("VmRSS:"));
  spec = (EpChartSpec) { 0 };
  spec.kind = EP_CHART_KIND_ROLLUP;
  spec.district = big;
  spec.indicator = "chronic-absence";
  start = g_get_monotonic_time ();
  rollup = ep_chart_data_new (&spec, NULL);
  g_assert (rollup != NULL);
  printf ("big_rollup_data_ms=%.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  bench ("big_rollup", rollup, MAX (1, n / 10));
  printf ("peak_rss_kb=%ld\n", status_kb ("VmHWM:"));
  return 0;
}
