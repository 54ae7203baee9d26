/* eqplan-check.c — `eqplan check`: the plan-health check of each school
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The output is for scripts as well as people: one finding a line, fields
 * separated by tabs, the column names first. The codes and severity words
 * are stable; the messages are translated.
 */
#define G_LOG_DOMAIN "eqplan"

#include "config.h"

#include "eqplan-cli.h"

/* Fields come from the file: keep tabs and line breaks out of them, and
 * formulas from spreadsheets that open the table. */
static void
print_field (GString    *line,
             const char *text)
{
  ep_spreadsheet_append_cell (line, text);
}

static gboolean
check_school (EpDistrict  *district,
              EpSchool    *school,
              const GDate *today)
{
  EpPlan *plan = ep_school_get_current_plan (school);
  g_autoptr(GPtrArray) findings = ep_health_check (district, school, plan, today);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GEnumClass) severities = g_type_class_ref (EP_TYPE_SEVERITY);
  gboolean any_error = FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *finding = g_ptr_array_index (findings, i);
      GEnumValue *severity = g_enum_get_value (severities, finding->severity);

      g_string_truncate (line, 0);
      print_field (line, ep_school_get_id (school));
      g_string_append_c (line, '\t');
      print_field (line, plan ? ep_plan_get_cycle (plan) : NULL);
      g_string_append_c (line, '\t');
      print_field (line, severity ? severity->value_nick : NULL);
      g_string_append_c (line, '\t');
      print_field (line, finding->code);
      g_string_append_c (line, '\t');
      print_field (line, finding->message);
      g_print ("%s\n", line->str);
      if (finding->severity == EP_SEVERITY_ERROR)
        any_error = TRUE;
    }
  return any_error;
}

/* eqplan check FILE [--school ID] [--date YYYY-MM-DD] */
int
eqplan_cmd_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — check each school’s plan for the guide’s pitfalls"));
  g_autofree char *school_id = NULL;
  g_autofree char *date_text = NULL;
  g_autoptr(EpDistrict) district = NULL;
  GDate today;
  gboolean any_error = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "school", 's', 0, G_OPTION_ARG_STRING, &school_id, N_("Check only the school with this id"), N_("ID") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("Judge dates as on this day (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Checks the current plan (the latest cycle) of each school, or of the one given,\n"
      "for the pitfalls of equity plans: no shared glossary, no listening, no baseline\n"
      "for the group, a target without a date, too many actions, one person owning most\n"
      "of them, only lagging indicators, a decision log gone quiet, no reflection, …\n\n"
      "Prints a header line, then one finding a line, separated by tabs: school id,\n"
      "cycle, severity (error, warning or info), a stable code, and a message saying\n"
      "what to do. An error means the plan cannot be called measurable or complete.\n\n"
      "Exit status: 0 when no finding is an error, 1 when any is or when FILE cannot be\n"
      "read (reported as FILE:LINE:COLUMN: message) or has no such school, 2 on a usage\n"
      "error, 3 when the output cannot be written."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return eqplan_usage_error (context, _("give exactly one file"));

  g_date_clear (&today, 1);
  if (date_text != NULL && !ep_parse_date (date_text, &today))
    {
      /* Translators: %s is what the user gave after --date */
      g_autofree char *message = g_strdup_printf (_("--date “%s” is not a date like 2026-01-31"), date_text);
      return eqplan_usage_error (context, message);
    }

  district = eqplan_load (argv[1]);
  if (district == NULL)
    return EXIT_INVALID;

  if (school_id != NULL)
    {
      EpSchool *school = eqplan_find_school (district, argv[1], school_id);

      if (school == NULL)
        return EXIT_INVALID;
      g_print ("school\tcycle\tseverity\tcode\tmessage\n");
      any_error = check_school (district, school, date_text ? &today : NULL);
    }
  else
    {
      GListModel *schools = ep_district_get_schools (district);
      guint n = g_list_model_get_n_items (schools);

      g_print ("school\tcycle\tseverity\tcode\tmessage\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);

          if (check_school (district, school, date_text ? &today : NULL))
            any_error = TRUE;
        }
    }

  if (fflush (stdout) != 0)
    {
      g_printerr ("eqplan: %s\n", _("could not write to standard output"));
      return EXIT_IO;
    }
  return any_error ? EXIT_INVALID : EXIT_OK;
}
