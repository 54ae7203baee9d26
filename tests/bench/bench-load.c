/* bench-load.c — load a district file and report time and memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-load FILE [REPEAT]
 * Prints key=value lines: the best load time of REPEAT runs, the process's
 * resident memory before the first load and its peak (VmHWM) after it.
 * Linux only (reads /proc/self/status).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

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

static void
count (EpDistrict *district,
       guint      *schools,
       guint64    *measurements)
{
  GListModel *list = ep_district_get_schools (district);

  *schools = g_list_model_get_n_items (list);
  *measurements = 0;
  for (guint i = 0; i < *schools; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (list, i);
      GListModel *indicators = ep_school_get_indicators (school);

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(EpIndicator) ind = g_list_model_get_item (indicators, j);
          *measurements += ep_indicator_get_n_measurements (ind);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  int repeat = argc > 2 ? atoi (argv[2]) : 1;
  double best = G_MAXDOUBLE;
  long baseline, peak = -1;
  guint schools = 0;
  guint64 measurements = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-load FILE [REPEAT]\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);

  /* Types and libxml2 initialised before the baseline is taken. */
  g_type_ensure (EP_TYPE_DISTRICT);
  baseline = status_kb ("VmRSS:");

  for (int i = 0; i < MAX (repeat, 1); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(EpDistrict) district = ep_xml_read_file (file, NULL, NULL, &error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;

      if (district == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      best = MIN (best, seconds);
      if (i == 0)
        {
          peak = status_kb ("VmHWM:");
          count (district, &schools, &measurements);
        }
    }

  printf ("schools=%u\n", schools);
  printf ("measurements=%" G_GUINT64_FORMAT "\n", measurements);
  printf ("load_seconds=%.3f\n", best);
  printf ("baseline_rss_kb=%ld\n", baseline);
  printf ("peak_rss_kb=%ld\n", peak);
  return 0;
}
