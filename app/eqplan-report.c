/* eqplan-report.c — `eqplan board-packet` and `eqplan family-summary`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "eqplan"

#include "config.h"

#include "eqplan-cli.h"
#include "ep-report.h"

/* FILE, or every .eqplan of FOLDER (local or a GVfs share) gathered into
 * one read-only district (the first file's rules). Files that fail are
 * reported as FILE:LINE:COLUMN: message and skipped. */
static EpDistrict *
load_district_or_folder (const char  *arg,
                         char       **source_note)
{
  g_autoptr(GFile) folder = eqplan_file_for_arg (arg);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  EpDistrict *district;
  guint failed = 0, loaded = 0;

  *source_note = NULL;
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return eqplan_load (arg);

  district = ep_folder_read (folder, NULL, &files, &error);
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      EpFolderFile *entry = files->pdata[i];

      if (entry->error != NULL)
        g_printerr ("%s\n", entry->error->message);
      if (entry->n_schools == 0 && entry->error != NULL)
        failed++;
      else
        loaded++;
    }
  if (district == NULL)
    {
      g_printerr ("eqplan: %s\n", error->message);
      return NULL;
    }
  /* Translators: on the packet's cover: files read from a folder, files that could not be read */
  *source_note = g_strdup_printf (ngettext ("Gathered from %u file of %s; %u could not be read.",
                                            "Gathered from %u files of %s; %u could not be read.", loaded),
                                  loaded, arg, failed);
  return district;
}

static void
print_progress (double      fraction,
                const char *message,
                gpointer    user_data)
{
  g_printerr ("\r%3d%%", (int) (fraction * 100));
}

/* --lang L needs a catalog (or English): else a usage error naming the
 * languages there are, rather than a document silently in English. */
static gboolean
eqplan_check_language (GOptionContext *context,
                       const char     *lang,
                       int            *status)
{
  g_auto(GStrv) codes = NULL;
  g_autofree char *list = NULL, *message = NULL;

  if (ep_report_language_available (lang))
    return TRUE;
  codes = ep_report_list_languages ();
  list = g_strjoinv (", ", codes);
  /* Translators: the first %s is a language code (fr), the second a list of codes (en, es, ar) */
  message = g_strdup_printf (_("--lang %s: no translation into that language; available: %s"), lang, list);
  *status = eqplan_usage_error (context, message);
  return FALSE;
}

/* eqplan board-packet FILE|FOLDER [--schools IDS] [--cycle C] [--lang L]
 *                     [--paper a4|letter] [--appendix] -o OUT.pdf */
int
eqplan_cmd_board_packet (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.eqplan|FOLDER -o OUT.pdf — the board packet"));
  g_autofree char *schools = NULL, *cycle = NULL, *lang = NULL, *paper = NULL, *output = NULL, *note = NULL;
  g_auto(GStrv) ids = NULL;
  gboolean appendix = FALSE, progress = FALSE;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  EpBoardPacketOptions options;
  guint n_pages = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "schools", 's', 0, G_OPTION_ARG_STRING, &schools, N_("Only these schools (ids separated by commas)"), N_("IDS") },
    { "cycle", 'c', 0, G_OPTION_ARG_STRING, &cycle, N_("The plans of this cycle, e.g. 2025-26 (default: each school’s current plan)"), N_("C") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the packet (its sentences and the plans’ texts), e.g. es"), N_("L") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper, N_("a4 (default) or letter"), N_("SIZE") },
    { "appendix", 'a', 0, G_OPTION_ARG_NONE, &appendix, N_("Add every indicator’s table at the end"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_("Show progress on standard error"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Writes the board packet as a tagged PDF: cover, contents, a district summary table\n"
      "(landscape), the district roll-up chart, then one page (two at most) per school in\n"
      "the same layout, and optionally an appendix. Publication suppression applies to\n"
      "every number. With a FOLDER, every .eqplan file in it is gathered into one\n"
      "district (the first file’s publication rules apply); files that cannot be read are\n"
      "reported as FILE:LINE:COLUMN: message and left out. The generated date is\n"
      "$SOURCE_DATE_EPOCH when set, so that two runs give the same bytes.\n\n"
      "Exit status: 0 on success, 1 when no file can be read or a school is unknown, 2 on\n"
      "a usage error (also a --lang with no translation), 3 when OUT cannot be written."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return eqplan_usage_error (context, _("give exactly one .eqplan file or folder"));
  if (output == NULL)
    return eqplan_usage_error (context, _("give the output file with -o OUT.pdf"));
  ep_board_packet_options_init (&options);
  if (paper && !ep_paper_parse (paper, &options.paper))
    return eqplan_usage_error (context, _("--paper must be a4 or letter"));
  if (!eqplan_check_language (context, lang, &status))
    return status;

  district = load_district_or_folder (argv[1], &note);
  if (district == NULL)
    return EXIT_INVALID;
  if (schools)
    {
      ids = g_strsplit (schools, ",", -1);
      for (guint i = 0; ids[i]; i++)
        g_strstrip (ids[i]);
      if (ids[0] == NULL)
        return eqplan_usage_error (context, _("--schools needs at least one id"));
      for (guint i = 0; ids[i]; i++)
        if (eqplan_find_school (district, argv[1], ids[i]) == NULL)
          return EXIT_INVALID;
    }
  options.schools = (const char * const *) ids;
  options.cycle = cycle;
  options.language = lang;
  options.appendix = appendix;
  options.source_note = note;
  file = eqplan_file_for_arg (output);
  if (!ep_report_board_packet_write (district, &options, file, NULL, progress ? print_progress : NULL, NULL,
                                     &n_pages, &error))
    {
      g_printerr ("eqplan: %s\n", error->message);
      return g_error_matches (error, EP_REPORT_ERROR, EP_REPORT_ERROR_NOT_FOUND) ? EXIT_INVALID : EXIT_IO;
    }
  if (progress)
    g_printerr ("\n");
  return EXIT_OK;
}

/* eqplan family-summary FILE --school ID [--lang L] [--paper a4|letter]
 *                       [--contact TEXT] -o OUT.pdf */
int
eqplan_cmd_family_summary (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE --school ID -o OUT.pdf — a plan summary for families"));
  g_autofree char *school_id = NULL, *lang = NULL, *paper = NULL, *output = NULL, *contact = NULL;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  EpFamilySummaryOptions options;
  EpSchool *school;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "school", 's', 0, G_OPTION_ARG_STRING, &school_id, N_("The school’s id"), N_("ID") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("The families’ language, e.g. es or ar (default: the file’s)"), N_("L") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper, N_("a4 (default) or letter"), N_("SIZE") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("Whom families should contact, e.g. “Ana Rivera, family liaison, 555-0100”"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Writes a one- or two-page summary of the school’s current plan for families, in\n"
      "plain words and large type: what we found (with publication suppression), what we\n"
      "will do this year, how families can take part (upcoming listening sessions) and\n"
      "whom to contact. Texts of the plan without a translation into --lang are printed\n"
      "in the file’s language and marked so.\n\n"
      "Exit status: 0 on success, 1 when FILE cannot be read or has no such school or\n"
      "plan, 2 on a usage error (also a --lang with no translation), 3 when OUT cannot be\n"
      "written."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return eqplan_usage_error (context, _("give exactly one .eqplan file"));
  if (output == NULL)
    return eqplan_usage_error (context, _("give the output file with -o OUT.pdf"));
  if (school_id == NULL)
    return eqplan_usage_error (context, _("give the school with --school ID"));
  ep_family_summary_options_init (&options);
  if (paper && !ep_paper_parse (paper, &options.paper))
    return eqplan_usage_error (context, _("--paper must be a4 or letter"));
  if (!eqplan_check_language (context, lang, &status))
    return status;

  district = eqplan_load (argv[1]);
  if (district == NULL)
    return EXIT_INVALID;
  school = eqplan_find_school (district, argv[1], school_id);
  if (school == NULL)
    return EXIT_INVALID;
  options.language = lang;
  options.contact = contact;
  file = eqplan_file_for_arg (output);
  if (!ep_report_family_summary_write (district, school, &options, file, NULL, &error))
    {
      g_printerr ("eqplan: %s\n", error->message);
      return g_error_matches (error, EP_REPORT_ERROR, EP_REPORT_ERROR_NOT_FOUND) ? EXIT_INVALID : EXIT_IO;
    }
  return EXIT_OK;
}
