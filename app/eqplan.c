/* eqplan.c — the Equity Planner command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Districts script this tool: its commands, options, output and exit
 * statuses are a public interface. Change them only compatibly, and keep
 * README.md and the tests in step.
 */
#define G_LOG_DOMAIN "eqplan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "eqplan-cli.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *parameters;
  const char *summary;
} Command;


/* eqplan validate FILE… */
static int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check .eqplan files"));
  gboolean quiet = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing for valid files"), NULL },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads each file as Equity Planner would and reports the first problem in each as\n"
      "FILE:LINE:COLUMN: message on standard error.\n\n"
      "Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return eqplan_usage_error (context, _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = eqplan_file_for_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EpDistrict) district = ep_xml_read_file (file, NULL, NULL, &error);

      if (district == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = EXIT_INVALID;
        }
      else if (!quiet)
        {
          guint n_schools = g_list_model_get_n_items (ep_district_get_schools (district));
          /* Translators: %s is a file name, %u a number of schools */
          g_print (ngettext ("%s: valid (%u school)\n", "%s: valid (%u schools)\n", n_schools),
                   argv[i], n_schools);
        }
    }
  return status;
}

int
eqplan_write_district (EpDistrict *district,
                       const char *output)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = ep_xml_write_bytes (district);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_printerr ("eqplan: %s\n", _("could not write to standard output"));
          return EXIT_IO;
        }
      return EXIT_OK;
    }
  else
    {
      g_autoptr(GFile) file = eqplan_file_for_arg (output);

      if (!ep_xml_save (district, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("eqplan: %s\n", error->message);
          return EXIT_IO;
        }
      return EXIT_OK;
    }
}

/* eqplan rewrite IN -o OUT */
static int
cmd_rewrite (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("IN -o OUT — write a file back in the current format"));
  g_autofree char *output = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (“-” for standard output)"), N_("OUT") },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads IN and writes it to OUT in the current version of the format, in canonical\n"
      "form: rewriting the output again gives the same bytes. OUT is replaced atomically.\n\n"
      "Exit status: 0 on success, 1 when IN cannot be read, 2 on a usage error, 3 when OUT\n"
      "cannot be written."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return eqplan_usage_error (context, _("give exactly one input file"));
  if (output == NULL)
    return eqplan_usage_error (context, _("give the output file with -o OUT"));

  file = eqplan_file_for_arg (argv[1]);
  district = ep_xml_read_file (file, NULL, NULL, &error);
  if (district == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }
  return eqplan_write_district (district, output);
}

/* eqplan synth --schools N --years Y --seed S -o FILE */
static int
cmd_synth (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write a realistic synthetic district"));
  g_autofree char *output = NULL;
  g_autoptr(EpDistrict) district = NULL;
  int schools = 20, years = 3, seed = 1;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "schools", 0, 0, G_OPTION_ARG_INT, &schools, N_("Number of schools (default 20)"), N_("N") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("School years of measurements, ending 2024-25 (default 3)"), N_("Y") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (default 1); the same seed gives the same file"), N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (“-” for standard output)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Makes an invented district shaped like a large, diverse US district — school sizes,\n"
      "group shares that vary between schools, small groups below any minimum n, cells\n"
      "suppressed at source, gaps of realistic size, one plan per school — for tests,\n"
      "demonstrations and benchmarks. No real student is in it.\n\n"
      "Exit status: 0 on success, 2 on a usage error, 3 when FILE cannot be written."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return eqplan_usage_error (context, _("synth takes no file arguments; use -o FILE"));
  if (output == NULL)
    return eqplan_usage_error (context, _("give the output file with -o FILE"));
  if (schools < 1 || schools > 100000)
    return eqplan_usage_error (context, _("--schools must be between 1 and 100000"));
  if (years < 1 || years > 50)
    return eqplan_usage_error (context, _("--years must be between 1 and 50"));

  district = ep_synth_district ((guint) schools, (guint) years, (guint32) seed);
  return eqplan_write_district (district, output);
}

static const Command commands[] = {
  { "validate", cmd_validate, N_("FILE…"), N_("Check .eqplan files; report problems as FILE:LINE:COLUMN: message") },
  { "rewrite", cmd_rewrite, N_("IN -o OUT"), N_("Write a file back in the current format (upgrades older versions)") },
  { "analyze", eqplan_cmd_analyze, N_("FILE [--school ID] [--indicator ID] [--period P] [--reference all|others|GROUP] [--district] [--shared]"),
    N_("Print rates, gaps and risk ratios of every student group as a tab-separated table") },
  { "synth", cmd_synth, N_("[--schools N] [--years Y] [--seed S] -o FILE"), N_("Write a realistic synthetic district") },
  { "check", eqplan_cmd_check, N_("FILE [--school ID] [--date YYYY-MM-DD]"), N_("Check each school’s current plan for pitfalls; one finding a line, tab-separated") },
  { "import", eqplan_cmd_import, N_("DISTRICT DATA.csv --mapping MAP.xml [--dry-run] -o OUT"),
    N_("Import measurements from a CSV file (report cards, CRDC); print what was read") },
  { "chart", eqplan_cmd_chart, N_("FILE --school ID --indicator ID [--kind K] -o OUT.png|svg|pdf"),
    N_("Draw a chart (group, trend, gap, scorecard, matrix, rollup) to PNG, SVG or PDF") },
  { "board-packet", eqplan_cmd_board_packet, N_("FILE|FOLDER [--schools IDS] [--cycle C] [--lang L] [--paper a4|letter] [--appendix] -o OUT.pdf"),
    N_("Write the board packet: every school’s plan in one layout, with publication suppression") },
  { "family-summary", eqplan_cmd_family_summary, N_("FILE --school ID [--lang L] [--paper a4|letter] [--contact TEXT] -o OUT.pdf"),
    N_("Write a one-page summary of a school’s plan for families, in their language") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: eqplan COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "%s\n\n", _("Work with Equity Planner district files (.eqplan) without a display."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n  %-10s   %s\n", commands[i].name, _(commands[i].parameters), "",
             _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “eqplan COMMAND --help” for a command’s options."));
  fprintf (out, "\n%s\n", _("Exit status:"));
  fprintf (out, "  0  %s\n", _("success; every file valid"));
  fprintf (out, "  1  %s\n", _("a file could not be read or is not valid, or has no such school, group or indicator; for check, a plan has an error"));
  fprintf (out, "  2  %s\n", _("wrong command line (also a --lang with no translation)"));
  fprintf (out, "  3  %s\n", _("an output file could not be written"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* EP_LOCALEDIR, for developers and tests: read the catalogs of an
   * uninstalled build (build/po) instead of the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EP_LOCALEDIR") ? g_getenv ("EP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("eqplan %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("eqplan %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("eqplan: unknown command “%s”\n\n"), argv[1]);
  print_help (stderr);
  return EXIT_USAGE;
}
