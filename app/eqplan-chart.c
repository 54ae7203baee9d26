/* eqplan-chart.c — `eqplan chart`: draw a chart to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "eqplan"

#include "config.h"

#include "eqplan-cli.h"
#include "ep-chart-render.h"

static gboolean
parse_kind (const char  *text,
            EpChartKind *kind)
{
  static const struct { const char *name; EpChartKind kind; } kinds[] = {
    { "group", EP_CHART_KIND_GROUPS },
    { "trend", EP_CHART_KIND_TREND },
    { "gap", EP_CHART_KIND_GAP },
    { "scorecard", EP_CHART_KIND_SCORECARD },
    { "matrix", EP_CHART_KIND_MATRIX },
    { "rollup", EP_CHART_KIND_ROLLUP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* eqplan chart FILE --school ID --indicator ID [...] -o OUT */
int
eqplan_cmd_chart (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE -o OUT.png|svg|pdf — draw a chart"));
  g_autofree char *school_id = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *period = NULL;
  g_autofree char *group = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *output = NULL;
  g_autofree char *font = NULL;
  g_autofree char *language = NULL;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(EpChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  int width = 1000, height = 620, page = 1;
  gboolean shared = FALSE, dark = FALSE, rtl = FALSE, no_notes = FALSE;
  EpChartSpec spec = { 0 };
  EpChartStyle style;
  EpChartFormat format;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "school", 's', 0, G_OPTION_ARG_STRING, &school_id, N_("The school’s id (all but --kind rollup)"), N_("ID") },
    { "indicator", 'i', 0, G_OPTION_ARG_STRING, &indicator, N_("The indicator’s id (all but scorecard and matrix)"), N_("ID") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text, N_("group (default), trend, gap, scorecard, matrix or rollup"), N_("KIND") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period, N_("The period, e.g. 2024-25 (default: the latest)"), N_("P") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_("The student group of trend, gap, scorecard, rollup (default: the plan’s)"), N_("ID") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure, N_("What rollup ranks by: gap or ratio (default: ratio for outcomes to avoid)"), N_("M") },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for PDF; default 1000)"), N_("W") },
    /* -h is --help, as in every command; -H is the height. */
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for PDF; default 620)"), N_("H") },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("The rollup’s page in PNG and SVG (a PDF holds every page)"), N_("N") },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font, N_("Font, e.g. “Sans 11” (default Sans 10)"), N_("FONT") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language, N_("Language of group and indicator names, when the file has them"), N_("L") },
    /* The option's former name, kept for scripts. */
    { "language", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &language, NULL, NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { "rtl", 0, 0, G_OPTION_ARG_NONE, &rtl, N_("Right-to-left layout (default: from the locale)"), NULL },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &no_notes, N_("Leave out the title and notes"), NULL },
    { "shared", 0, 0, G_OPTION_ARG_NONE, &shared, N_("For sharing outside the team: apply publication suppression"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write; the suffix chooses PNG, SVG or PDF"), N_("OUT") },
    { NULL }
  };

  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Draws one chart of FILE as the app shows it, with its title and notes (source,\n"
      "period, minimum n). Groups below the minimum n are drawn as marked empty slots.\n"
      "Numbers are written in the current locale’s format.\n\n"
      "--shared applies the district’s publication rules (minimum n, complementary\n"
      "suppression, coding): hidden numbers are drawn as marked empty slots. A\n"
      "scorecard cannot be shared yet.\n\n"
      "Exit status: 0 on success, 1 when FILE cannot be read or has no such school,\n"
      "indicator or plan, 2 on a usage error, 3 when OUT cannot be written."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return eqplan_usage_error (context, _("give exactly one input file"));
  if (output == NULL)
    return eqplan_usage_error (context, _("give the output file with -o OUT.png, OUT.svg or OUT.pdf"));
  if (!ep_chart_format_from_path (output, &format))
    return eqplan_usage_error (context, _("the output file must end in .png, .svg or .pdf"));
  spec.kind = EP_CHART_KIND_GROUPS;
  if (kind_text && !parse_kind (kind_text, &spec.kind))
    return eqplan_usage_error (context, _("--kind must be group, trend, gap, scorecard, matrix or rollup"));
  if (width < 100 || width > 20000 || height < 100 || height > 20000)
    return eqplan_usage_error (context, _("--width and --height must be between 100 and 20000"));
  if (page < 1)
    return eqplan_usage_error (context, _("--page must be 1 or more"));
  if (school_id == NULL && spec.kind != EP_CHART_KIND_ROLLUP)
    return eqplan_usage_error (context, _("give the school with --school ID"));
  if (indicator == NULL && spec.kind != EP_CHART_KIND_SCORECARD && spec.kind != EP_CHART_KIND_MATRIX)
    return eqplan_usage_error (context, _("give the indicator with --indicator ID"));
  if (measure == NULL)
    spec.measure = EP_CHART_MEASURE_AUTO;
  else if (g_str_equal (measure, "gap"))
    spec.measure = EP_CHART_MEASURE_GAP;
  else if (g_str_equal (measure, "ratio"))
    spec.measure = EP_CHART_MEASURE_RISK_RATIO;
  else
    return eqplan_usage_error (context, _("--measure must be gap or ratio"));
  if (shared && spec.kind == EP_CHART_KIND_SCORECARD)
    return eqplan_usage_error (context, _("--shared is not available for scorecards"));

  district = eqplan_load (argv[1]);
  if (district == NULL)
    return EXIT_INVALID;
  if (school_id)
    {
      spec.school = eqplan_find_school (district, argv[1], school_id);
      if (spec.school == NULL)
        return EXIT_INVALID;
    }
  spec.district = district;
  spec.indicator = indicator;
  spec.period = period;
  spec.group = group;
  spec.language = language;
  spec.shared = shared;
  data = ep_chart_data_new (&spec, &error);
  if (data == NULL)
    {
      g_printerr ("eqplan: %s\n", error->message);
      return EXIT_INVALID;
    }

  ep_chart_style_init (&style, dark);
  style.font = font;
  style.page = (guint) page - 1;
  style.titles = style.notes = !no_notes;
  if (rtl || ep_chart_direction_from_locale () == PANGO_DIRECTION_RTL)
    style.direction = PANGO_DIRECTION_RTL;
  if (!ep_chart_render_to_file (data, &style, output, width, height, &error))
    {
      g_printerr ("eqplan: %s\n", error->message);
      return EXIT_IO;
    }
  return EXIT_OK;
}
