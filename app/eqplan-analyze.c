/* eqplan-analyze.c — eqplan analyze: the figures of every group as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output (a public format, tab-separated, one header line):
 *   school indicator period group numerator denominator rate gap_pp
 *   risk_ratio alt_risk_ratio flags
 * Numbers use "." whatever the locale. A figure that cannot be computed
 * prints its reason ("n<20", "no-data", …); with --shared, a number the
 * district's publication rules hide prints the marker instead.
 */
#include "config.h"

#include "eqplan-cli.h"

typedef struct {
  EpDistrict *district;
  EpAnalysis  analysis;
  GHashTable *rollups;    /* indicator id → EpIndicator, district-wide */
  gboolean    shared;
  const char *only_period;
  GString    *line;
} Analyze;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static EpIndicator *
rollup_for (Analyze    *self,
            const char *indicator_id)
{
  EpIndicator *rollup;

  if (!g_hash_table_lookup_extended (self->rollups, indicator_id, NULL, (gpointer *) &rollup))
    {
      rollup = ep_analysis_aggregate (self->district, indicator_id, NULL);
      g_hash_table_insert (self->rollups, g_strdup (indicator_id), rollup);
    }
  return rollup;
}

static void
append_figure (GString        *line,
               const EpFigure *figure,
               const char     *format,
               const char     *hidden)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (line, '\t');
  if (hidden != NULL)
    ep_spreadsheet_append_cell (line, hidden);
  else if (ep_figure_ok (figure))
    {
      double value = figure->value;

      /* No "-0.00". */
      if (value == 0)
        value = 0;
      g_string_append (line, g_ascii_formatd (buf, sizeof buf, format, value));
      if (g_str_equal (buf, "-0.00") || g_str_equal (buf, "-0.000"))
        {
          g_string_truncate (line, line->len - strlen (buf));
          g_string_append (line, buf + 1);
        }
    }
  else
    {
      g_autofree char *code = ep_figure_code (figure);
      g_string_append (line, code);
    }
}

static void
append_count (GString    *line,
              gboolean    known,
              guint32     value,
              const char *hidden)
{
  g_string_append_c (line, '\t');
  if (hidden != NULL)
    ep_spreadsheet_append_cell (line, hidden);
  else if (known)
    g_string_append_printf (line, "%u", value);
}

/* With --shared: what hides each number of @group, or NULL. */
typedef struct {
  const char *count;      /* numerator */
  const char *rate;       /* the rate: the marker, or a code such as "≥95%" */
  const char *n;          /* denominator */
  const char *derived;    /* gap and ratios: hidden when the group's or
                             the reference's count is */
  gboolean    table_hidden; /* some cell of the table is hidden: the 80%
                               index, which compares with the best group,
                               could hint at a hidden rate */
} Hidden;

static void
write_group (Analyze        *self,
             const char     *school_id,
             EpIndicator    *indicator,
             const char     *period,
             const char     *group,
             const Hidden   *hidden)
{
  EpGroupFigures f;
  const EpMeasurement *m = &f.measurement;
  g_autofree char *flags = NULL;

  ep_analysis_group (&self->analysis, indicator, group, period, &f);
  if (!f.has_measurement)
    return;

  /* Ids, periods and markers come from files: the table is for
   * spreadsheets, which must not take any of them for a formula. */
  g_string_truncate (self->line, 0);
  ep_spreadsheet_append_cell (self->line, school_id);
  g_string_append_c (self->line, '\t');
  ep_spreadsheet_append_cell (self->line, ep_indicator_get_id (indicator));
  g_string_append_c (self->line, '\t');
  ep_spreadsheet_append_cell (self->line, period);
  g_string_append_c (self->line, '\t');
  ep_spreadsheet_append_cell (self->line, group);
  if (m->flags & EP_MEASUREMENT_SUPPRESSED)
    append_count (self->line, FALSE, 0, m->marker);
  else
    append_count (self->line, m->flags & EP_MEASUREMENT_HAS_NUMERATOR, m->numerator, hidden->count);
  append_count (self->line,
                m->flags & (EP_MEASUREMENT_HAS_DENOMINATOR | EP_MEASUREMENT_HAS_N),
                (m->flags & EP_MEASUREMENT_HAS_DENOMINATOR) ? m->denominator : m->n,
                hidden->n);
  append_figure (self->line, &f.rate, "%.2f", hidden->rate);
  append_figure (self->line, &f.gap, "%.2f", hidden->derived);
  append_figure (self->line, &f.risk_ratio, "%.3f", hidden->derived);
  append_figure (self->line, &f.alt_risk_ratio, "%.3f", hidden->derived);
  if (hidden->table_hidden)
    f.flags &= ~EP_FLAG_BELOW_80;
  flags = ep_flags_to_string (hidden->derived ? 0 : f.flags);
  g_string_append_printf (self->line, "\t%s\n", flags);
  fputs (self->line->str, stdout);
}

static const EpPublishCell *
find_cell (GArray     *cells,
           const char *group)
{
  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      const EpPublishCell *cell = &g_array_index (cells, EpPublishCell, i);

      if (g_strcmp0 (cell->group, group) == 0)
        return cell;
    }
  return NULL;
}

static const char *
hidden_text (Analyze             *self,
             const EpPublishCell *cell,
             EpPublishState       state,
             char               **owned)
{
  if (cell == NULL)
    return ep_district_get_marker (self->district);
  if (!ep_publish_state_is_hidden (state) || state == EP_PUBLISH_SOURCE)
    return NULL;
  *owned = ep_publish_format_hidden (self->district, state, NULL);
  return *owned;
}

static void
write_period (Analyze     *self,
              const char  *school_id,
              EpIndicator *indicator,
              const char  *period)
{
  GListModel *groups = ep_district_get_groups (self->district);
  g_autoptr(GArray) cells = NULL;
  const char *reference = NULL;
  gboolean table_hidden = FALSE;

  if (self->shared)
    {
      cells = ep_publish_indicator (self->district, indicator, period);
      for (guint i = 0; i < cells->len; i++)
        table_hidden |= ep_publish_state_is_hidden (g_array_index (cells, EpPublishCell, i).count_state);
      switch (self->analysis.reference.kind)
        {
        case EP_REFERENCE_GROUP:
          reference = self->analysis.reference.group;
          break;
        case EP_REFERENCE_ALL:
        case EP_REFERENCE_OTHERS:
        default:
          reference = ep_analysis_all_group (self->district);
          break;
        }
    }

  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
      const char *id = ep_student_group_get_id (group);
      g_autofree char *rate_text = NULL, *n_text = NULL;
      Hidden hidden = { NULL, NULL, NULL, NULL, table_hidden };

      if (self->shared)
        {
          const EpPublishCell *cell = find_cell (cells, id);
          const EpPublishCell *ref = find_cell (cells, reference);

          if (cell == NULL)
            continue;
          hidden.rate = hidden_text (self, cell, cell->count_state, &rate_text);
          hidden.count = hidden.rate ? ep_district_get_marker (self->district) : NULL;
          hidden.n = hidden_text (self, cell, cell->n_state, &n_text);
          hidden.derived = hidden.count;
          if (hidden.derived == NULL && (ref == NULL || ref->count_state != EP_PUBLISH_SHOWN))
            hidden.derived = ep_district_get_marker (self->district);
        }
      write_group (self, school_id, indicator, period, id, &hidden);
    }
}

static void
write_indicator (Analyze     *self,
                 const char  *school_id,
                 EpIndicator *indicator)
{
  g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);

  for (guint i = 0; i < periods->len; i++)
    if (self->only_period == NULL || g_str_equal (self->only_period, periods->pdata[i]))
      write_period (self, school_id, indicator, periods->pdata[i]);
}

/* eqplan analyze FILE [--school ID] [--indicator ID] [--period P]
 *                     [--reference all|others|GROUP] [--district] [--shared] */
int
eqplan_cmd_analyze (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — the figures of every group, as a table"));
  g_autofree char *school_id = NULL, *indicator_id = NULL, *period = NULL, *reference = NULL;
  gboolean shared = FALSE, district_wide = FALSE;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(GHashTable) rollups = NULL;
  g_autoptr(GString) line = NULL;
  GListModel *schools;
  gboolean found_indicator = FALSE;
  Analyze self;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_id, N_("Only this school"), N_("ID") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator_id, N_("Only this indicator"), N_("ID") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("Only this period, e.g. 2024-25"), N_("P") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("Compare with all students (all, the default), all other students (others) or a group id"),
      N_("REF") },
    { "district", 0, 0, G_OPTION_ARG_NONE, &district_wide,
      N_("The district roll-up: every school's counts summed"), NULL },
    { "shared", 0, 0, G_OPTION_ARG_NONE, &shared,
      N_("Apply the district’s publication rules: hidden numbers print as the marker"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints a tab-separated table with one header line and one row per school,\n"
      "indicator, period and student group that has a measurement:\n"
      "  school indicator period group numerator denominator rate gap_pp\n"
      "  risk_ratio alt_risk_ratio flags\n"
      "rate and gap_pp are in the indicator’s unit (percent and percentage points\n"
      "for rates); ratios compare the group with all other students (alt_risk_ratio:\n"
      "with all other students in the district, given only when the school’s other\n"
      "students are too few). A figure that cannot be computed shows why: n<20 (group\n"
      "below the minimum n), cell<10 (too few with the outcome for a ratio), no-data,\n"
      "source (suppressed at source), no-students, reference<20, no-reference,\n"
      "zero-reference, n/a. flags: disproportionate, sustained, alternate, below-80.\n"
      "Numbers use a dot for decimals in every locale.\n\n"
      "Exit status: 0 on success, 1 when FILE cannot be read or has no such school,\n"
      "group or indicator, 2 on a usage error."));
  if (!eqplan_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return eqplan_usage_error (context, _("give exactly one .eqplan file"));
  if (district_wide && school_id != NULL)
    return eqplan_usage_error (context, _("--district and --school cannot be used together"));

  memset (&self, 0, sizeof self);
  if (reference != NULL && !ep_reference_parse (reference, &self.analysis.reference))
    return eqplan_usage_error (context, _("--reference must be all, others or a group id"));

  district = eqplan_load (argv[1]);
  if (district == NULL)
    return EXIT_INVALID;
  if (self.analysis.reference.kind == EP_REFERENCE_GROUP &&
      ep_district_find_group (district, self.analysis.reference.group) == NULL)
    {
      /* Translators: %s is a student group id given on the command line */
      g_printerr (_("eqplan: the district has no student group “%s”\n"), self.analysis.reference.group);
      return EXIT_INVALID;
    }
  if (school_id != NULL && eqplan_find_school (district, argv[1], school_id) == NULL)
    return EXIT_INVALID;

  {
    EpReference ref = self.analysis.reference;

    ep_analysis_init (&self.analysis, district);
    if (reference != NULL)
      self.analysis.reference = ref;
  }
  rollups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  line = g_string_new (NULL);
  self.district = district;
  self.rollups = rollups;
  self.shared = shared;
  self.only_period = period;
  self.line = line;

  fputs ("school\tindicator\tperiod\tgroup\tnumerator\tdenominator\trate\tgap_pp\t"
         "risk_ratio\talt_risk_ratio\tflags\n", stdout);

  schools = ep_district_get_schools (district);
  if (district_wide)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      const char *name = ep_district_get_id (district) ? ep_district_get_id (district) : "district";

      for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
        {
          g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
          GListModel *indicators = ep_school_get_indicators (school);

          for (guint j = 0, m = g_list_model_get_n_items (indicators); j < m; j++)
            {
              g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, j);
              const char *id = ep_indicator_get_id (indicator);

              if ((indicator_id != NULL && !g_str_equal (id, indicator_id)) ||
                  !g_hash_table_add (seen, (gpointer) id))
                continue;
              found_indicator = TRUE;
              write_indicator (&self, name, rollup_for (&self, id));
            }
        }
    }
  else
    for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
      {
        g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
        GListModel *indicators = ep_school_get_indicators (school);

        if (school_id != NULL && !g_str_equal (school_id, ep_school_get_id (school)))
          continue;
        for (guint j = 0, m = g_list_model_get_n_items (indicators); j < m; j++)
          {
            g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, j);

            if (indicator_id != NULL && !g_str_equal (indicator_id, ep_indicator_get_id (indicator)))
              continue;
            found_indicator = TRUE;
            self.analysis.district_indicator = rollup_for (&self, ep_indicator_get_id (indicator));
            write_indicator (&self, ep_school_get_id (school), indicator);
          }
      }

  if (fflush (stdout) != 0)
    {
      g_printerr ("eqplan: %s\n", _("could not write to standard output"));
      return EXIT_IO;
    }
  if (indicator_id != NULL && !found_indicator)
    {
      /* Translators: %s is an indicator id given on the command line */
      g_printerr (_("eqplan: no school has an indicator “%s”\n"), indicator_id);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}
