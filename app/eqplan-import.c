/* eqplan-import.c — eqplan import: measurements from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "eqplan"

#include "config.h"

#include <stdlib.h>

#include "eqplan-cli.h"

/* eqplan import DISTRICT DATA.csv --mapping MAP.xml [--dry-run] -o OUT */
int
eqplan_cmd_import (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("DISTRICT.eqplan DATA.csv --mapping MAP.xml -o OUT.eqplan — import measurements"));
  g_autofree char *mapping_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter_text = NULL;
  gboolean dry_run = FALSE;
  int max_problems = 50;
  char delimiter = 0;
  int status = EXIT_OK;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(EpMapping) mapping = NULL;
  g_autoptr(EpImporter) importer = NULL;
  g_autoptr(GFile) data = NULL;
  g_autoptr(GFile) map_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *description = NULL;
  GOptionEntry entries[] = {
    { "mapping", 'm', 0, G_OPTION_ARG_FILENAME, &mapping_path, N_("The mapping of the file’s columns (XML)"), N_("MAP.xml") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the district (“-” for standard output)"), N_("OUT") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Read and report, change and write nothing"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("The file’s encoding (default: detected; UTF-8 or WINDOWS-1252)"), N_("E") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text, N_("The field delimiter: “,”, “;”, “tab” (default: detected)"), N_("D") },
    { "max-problems", 0, 0, G_OPTION_ARG_INT, &max_problems, N_("How many skipped rows and cells to list (default 50)"), N_("N") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Translators: %s is the folder of the installed mappings */
  description = g_strdup_printf (
    _("Reads DATA.csv (a state report-card or CRDC download, or a spreadsheet export) as\n"
      "MAP.xml says, adds its measurements to the district read from DISTRICT.eqplan and\n"
      "writes the result to OUT, then prints what was read: rows, measurements created and\n"
      "updated, cells suppressed at source, and each row or cell skipped with its line.\n"
      "Ready mappings for common files are installed in %s.\n"
      "Nothing is imported when the file cannot be read: an import is all or nothing.\n\n"
      "Exit status: 0 on success, 1 when DISTRICT, DATA or MAP cannot be read (the message\n"
      "says FILE:LINE:COLUMN), 2 on a usage error, 3 when OUT cannot be written."),
    PKGDATADIR "/mappings");
  g_option_context_set_description (context, description);
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return eqplan_usage_error (context, _("give the district file and the data file"));
  if (mapping_path == NULL)
    return eqplan_usage_error (context, _("give the mapping with --mapping MAP.xml"));
  if (output == NULL && !dry_run)
    return eqplan_usage_error (context, _("give the output file with -o OUT, or --dry-run"));
  if (delimiter_text != NULL && !ep_csv_parse_delimiter (delimiter_text, &delimiter))
    return eqplan_usage_error (context, _("--delimiter must be “,”, “;”, “tab”, “|” or “auto”"));
  if (max_problems < 0)
    return eqplan_usage_error (context, _("--max-problems must be 0 or more"));

  district = eqplan_load (argv[1]);
  if (district == NULL)
    return EXIT_INVALID;

  map_file = eqplan_file_for_arg (mapping_path);
  mapping = ep_mapping_read_file (map_file, NULL, &error);
  if (mapping == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  importer = ep_importer_new (district, mapping);
  ep_importer_set_encoding (importer, encoding);
  ep_importer_set_delimiter (importer, delimiter);
  data = eqplan_file_for_arg (argv[2]);
  if (!ep_importer_read_file (importer, data, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  if (!dry_run)
    ep_importer_apply (importer);
  report = ep_import_report_format (ep_importer_get_report (importer), (guint) max_problems);
  /* With -o -, the district goes to standard output: the report to stderr. */
  if (g_strcmp0 (output, "-") == 0)
    g_printerr ("%s", report);
  else
    g_print ("%s", report);

  if (dry_run)
    return EXIT_OK;
  return eqplan_write_district (district, output);
}
