/* bench-analysis.c — a full district analysis, timed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-analysis FILE
 * Loads the district, then computes what the district view and the board
 * packet need: the district roll-up of every indicator, every figure of
 * every group in every period of every indicator of every school (with
 * the alternate and weighted risk ratios), and the on-track status of
 * every school's current plan. Prints key=value lines. Linux only for the
 * memory figure (reads /proc/self/status).
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(GHashTable) rollups = NULL;
  GListModel *schools, *groups;
  EpAnalysis analysis;
  guint64 figures = 0, flagged = 0, tracked = 0;
  gint64 start, rollup_us, figures_us, track_us;
  long loaded_kb;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-analysis FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  district = ep_xml_read_file (file, NULL, NULL, &error);
  if (district == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  loaded_kb = status_kb ("VmRSS:");
  ep_analysis_init (&analysis, district);
  schools = ep_district_get_schools (district);
  groups = ep_district_get_groups (district);
  rollups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  start = g_get_monotonic_time ();
  for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      GListModel *indicators = ep_school_get_indicators (school);

      for (guint j = 0, m = g_list_model_get_n_items (indicators); j < m; j++)
        {
          g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, j);
          const char *id = ep_indicator_get_id (indicator);

          if (!g_hash_table_contains (rollups, id))
            g_hash_table_insert (rollups, g_strdup (id), ep_analysis_aggregate (district, id, NULL));
        }
    }
  rollup_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      GListModel *indicators = ep_school_get_indicators (school);

      for (guint j = 0, m = g_list_model_get_n_items (indicators); j < m; j++)
        {
          g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, j);
          g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);

          analysis.district_indicator = g_hash_table_lookup (rollups, ep_indicator_get_id (indicator));
          for (guint p = 0; p < periods->len; p++)
            for (guint k = 0, ng = g_list_model_get_n_items (groups); k < ng; k++)
              {
                g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, k);
                const char *gid = ep_student_group_get_id (group);
                EpGroupFigures f;
                EpFigure wrr;

                if (!ep_indicator_lookup (indicator, gid, periods->pdata[p], NULL))
                  continue;
                ep_analysis_group (&analysis, indicator, gid, periods->pdata[p], &f);
                wrr = ep_analysis_weighted_risk_ratio (&analysis, indicator, gid, periods->pdata[p]);
                figures++;
                flagged += (f.flags & EP_FLAG_DISPROPORTIONATE) != 0;
                (void) wrr;
              }
        }
    }
  figures_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      EpPlan *plan = ep_school_get_current_plan (school);
      EpTrack track;

      if (plan == NULL)
        continue;
      ep_analysis_track (&analysis, school, plan, NULL, &track);
      tracked += track.state != EP_TRACK_UNKNOWN;
    }
  track_us = g_get_monotonic_time () - start;

  printf ("schools=%u\n", g_list_model_get_n_items (schools));
  printf ("group_figures=%" G_GUINT64_FORMAT "\n", figures);
  printf ("flagged=%" G_GUINT64_FORMAT "\n", flagged);
  printf ("plans_tracked=%" G_GUINT64_FORMAT "\n", tracked);
  printf ("rollup_seconds=%.3f\n", rollup_us / 1e6);
  printf ("figures_seconds=%.3f\n", figures_us / 1e6);
  printf ("track_seconds=%.3f\n", track_us / 1e6);
  printf ("loaded_rss_kb=%ld\n", loaded_kb);
  printf ("peak_rss_kb=%ld\n", status_kb ("VmHWM:"));
  return 0;
}
