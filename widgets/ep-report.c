/* ep-report.c — the board packet and the family summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ep-chart-render.h"
#include "ep-report.h"
#include "ep-suppress.h"

/* ------------------------------------------------------------------ */
/* The document's language.
 *
 * The fixed sentences of a document come from gettext, and so do those it
 * borrows from the chart (widgets/) and from plan health (models/). gettext
 * has no per-call or per-thread language that LANGUAGE would not override
 * (uselocale() needs the locale installed and loses to LANGUAGE), so every
 * entry point that lays out text (write, count and draw pages, new) runs
 * inside language_enter() / language_leave():
 *
 *  - one process-wide recursive lock: documents are laid out one at a time,
 *    and a nested entry (write → new) keeps the outer switch;
 *  - LANGUAGE is set to the document's catalog (and LC_MESSAGES moved off
 *    "C", under which gettext ignores LANGUAGE), then both are restored to
 *    exactly what they were, on every return path;
 *  - with no language (the file's own), nothing is switched.
 *
 * The switch is process-wide for its duration: a string another thread
 * translates meanwhile may come out in the document's language. The window
 * writes the family summary on its own thread and shows only a modal
 * progress window while a board packet is written in a worker thread.
 * (glibc's setenv() never frees the strings it replaces, so a concurrent
 * getenv() sees the old value or the new one.) */

static GRecMutex language_lock;
static guint language_depth;
static char *language_saved_env;
static gboolean language_saved_env_set;
static char *language_saved_messages;

/* "zh-CN" → "zh_CN", the catalogs' folder names. */
static char *
catalog_code (const char *language)
{
  char *code = g_strdup (language);

  g_strdelimit (code, "-", '_');
  return code;
}

static gboolean
catalog_exists (const char *code)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *mo = NULL;
  g_autofree char *name = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);

  if (dir == NULL)
    return FALSE;
  mo = g_build_filename (dir, code, "LC_MESSAGES", name, NULL);
  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

/* The catalog for @language ("es", "zh-CN", "es-MX" falls back to "es"),
 * "" for English (the source language, no catalog needed), or NULL. */
static char *
catalog_for (const char *language)
{
  g_autofree char *code = catalog_code (language);
  char *sep;

  if (g_ascii_strncasecmp (code, "en", 2) == 0 && (code[2] == '\0' || code[2] == '_'))
    return g_strdup ("");
  if (catalog_exists (code))
    return g_steal_pointer (&code);
  sep = strchr (code, '_');
  if (sep != NULL)
    {
      *sep = '\0';
      if (catalog_exists (code))
        return g_steal_pointer (&code);
    }
  return NULL;
}

/**
 * ep_report_language_available:
 * @language: (nullable): a language code ("es", "zh-CN")
 *
 * Returns: whether a document can be written in @language: English (the
 *   source language), %NULL (the file's own) or one with a catalog
 */
gboolean
ep_report_language_available (const char *language)
{
  g_autofree char *catalog = NULL;

  if (language == NULL || *language == '\0')
    return TRUE;
  catalog = catalog_for (language);
  return catalog != NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ep_report_list_languages:
 *
 * Returns: (transfer full): the codes of the catalogs documents can be
 *   written in ("ar", "es", "zh_CN"…), sorted, English first
 */
GStrv
ep_report_list_languages (void)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GDir) folder = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (catalog_exists (name))
      g_ptr_array_add (codes, g_strdup (name));
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_insert (codes, 0, g_strdup ("en"));
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

static gboolean
language_check (const char  *language,
                GError     **error)
{
  g_auto(GStrv) codes = NULL;
  g_autofree char *list = NULL;

  if (ep_report_language_available (language))
    return TRUE;
  codes = ep_report_list_languages ();
  list = g_strjoinv (", ", codes);
  g_set_error (error, EP_REPORT_ERROR, EP_REPORT_ERROR_LANGUAGE,
               /* Translators: the first %s is a language code (fr), the second a list of codes (en, es, ar) */
               _("No translation into “%s”; documents can be written in: %s"), language, list);
  return FALSE;
}

static void
language_enter (const char *language)
{
  g_autofree char *catalog = NULL;
  const char *messages;

  g_rec_mutex_lock (&language_lock);
  if (language_depth++ > 0 || language == NULL || *language == '\0')
    return;
  catalog = catalog_for (language);
  if (catalog == NULL)
    return;
  language_saved_env_set = g_getenv ("LANGUAGE") != NULL;
  language_saved_env = g_strdup (g_getenv ("LANGUAGE"));
  messages = setlocale (LC_MESSAGES, NULL);
  language_saved_messages = g_strdup (messages);
  /* English: an empty catalog name would let LC_MESSAGES choose; "en"
   * has no catalog, so gettext returns the source strings. */
  g_setenv ("LANGUAGE", *catalog ? catalog : "en", TRUE);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

static void
language_leave (void)
{
  g_assert (language_depth > 0);
  if (--language_depth == 0 && language_saved_messages != NULL)
    {
      if (language_saved_env_set)
        g_setenv ("LANGUAGE", language_saved_env, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      setlocale (LC_MESSAGES, language_saved_messages);
      g_clear_pointer (&language_saved_env, g_free);
      g_clear_pointer (&language_saved_messages, g_free);
      language_saved_env_set = FALSE;
    }
  g_rec_mutex_unlock (&language_lock);
}

/* ------------------------------------------------------------------ */
/* Words for the model's enumerations and languages. */

static const char *
focus_words (EpFocusArea focus)
{
  switch (focus)
    {
    case EP_FOCUS_ADVANCED_COURSEWORK: return C_("focus area", "Advanced coursework");
    case EP_FOCUS_DISCIPLINE: return C_("focus area", "Discipline");
    case EP_FOCUS_GRADUATION: return C_("focus area", "Graduation");
    case EP_FOCUS_ATTENDANCE: return C_("focus area", "Attendance");
    case EP_FOCUS_LITERACY: return C_("focus area", "Literacy");
    case EP_FOCUS_MATHEMATICS: return C_("focus area", "Mathematics");
    case EP_FOCUS_BELONGING: return C_("focus area", "Belonging");
    case EP_FOCUS_OTHER:
    default: return C_("focus area", "Other");
    }
}

static const char *
status_words (EpActionStatus status)
{
  switch (status)
    {
    case EP_STATUS_IN_PROGRESS: return C_("action status", "In progress");
    case EP_STATUS_DONE: return C_("action status", "Done");
    case EP_STATUS_STOPPED: return C_("action status", "Stopped");
    case EP_STATUS_PLANNED:
    default: return C_("action status", "Planned");
    }
}

static const char *
evidence_words (EpEvidenceTier tier)
{
  switch (tier)
    {
    /* Translators: ESSA evidence tiers of an intervention */
    case EP_EVIDENCE_STRONG: return C_("evidence tier", "Strong");
    case EP_EVIDENCE_MODERATE: return C_("evidence tier", "Moderate");
    case EP_EVIDENCE_PROMISING: return C_("evidence tier", "Promising");
    case EP_EVIDENCE_RATIONALE: return C_("evidence tier", "Rationale");
    case EP_EVIDENCE_NONE:
    default: return C_("evidence tier", "None given");
    }
}

static const char *
track_words (EpTrackState state)
{
  switch (state)
    {
    case EP_TRACK_AHEAD: return C_("report", "Ahead");
    case EP_TRACK_ON: return C_("report", "On track");
    case EP_TRACK_BEHIND: return C_("report", "Behind");
    case EP_TRACK_UNKNOWN:
    default: return C_("report", "Unknown");
    }
}

static const char *
cause_words (EpCause cause)
{
  switch (cause)
    {
    case EP_CAUSE_DESIGN: return C_("reflection", "the design");
    case EP_CAUSE_IMPLEMENTATION: return C_("reflection", "the implementation");
    case EP_CAUSE_EXTERNAL: return C_("reflection", "outside factors");
    case EP_CAUSE_UNKNOWN:
    default: return C_("reflection", "not yet known");
    }
}

static const char *
decision_words (EpReflectionDecision decision)
{
  switch (decision)
    {
    case EP_DECISION_REFINE: return C_("reflection", "refine");
    case EP_DECISION_REPLACE: return C_("reflection", "replace");
    case EP_DECISION_SCALE: return C_("reflection", "scale up");
    case EP_DECISION_UNDECIDED:
    default: return C_("reflection", "not decided");
    }
}

/* The name of a language, in the reader's language. */
static const char *
language_name (const char *code)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "en", NC_("language", "English") },
    { "es", NC_("language", "Spanish") },
    { "ar", NC_("language", "Arabic") },
    { "zh", NC_("language", "Chinese") },
    { "vi", NC_("language", "Vietnamese") },
    { "so", NC_("language", "Somali") },
    { "ht", NC_("language", "Haitian Creole") },
    { "pt", NC_("language", "Portuguese") },
    { "fr", NC_("language", "French") },
    { "ko", NC_("language", "Korean") },
    { "ru", NC_("language", "Russian") },
    { "tl", NC_("language", "Tagalog") },
  };

  if (code == NULL || *code == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strncasecmp (code, names[i].code, 2) == 0 && (code[2] == '\0' || code[2] == '-' || code[2] == '_'))
      return g_dpgettext2 (GETTEXT_PACKAGE, "language", names[i].name);
  return code;
}

/* ------------------------------------------------------------------ */
/* Texts of the plan in the chosen language. */

typedef struct {
  EpDistrict *district;
  const char *language;     /* NULL: the file's own */
  const char *source_lang;  /* the file's language */
} Texts;

static void
texts_init (Texts      *t,
            EpDistrict *district,
            const char *language)
{
  t->district = district;
  t->source_lang = ep_district_get_language (district);
  if (t->source_lang == NULL || *t->source_lang == '\0')
    t->source_lang = "en";
  t->language = language && *language && g_ascii_strcasecmp (language, t->source_lang) != 0 ? language : NULL;
}

/* @field of @node in the chosen language; else @source, marked as being in
 * the source language. NULL when there is no text. */
static char *
text_of (const Texts *t,
         gpointer     node,
         const char  *field,
         const char  *source)
{
  const char *translated;

  if (source == NULL || *source == '\0')
    return NULL;
  if (t->language == NULL)
    return g_strdup (source);
  translated = ep_node_get_translation (node, field, t->language);
  if (translated == NULL)
    {
      /* "es-MX" falls back to "es". */
      g_autofree char *base = g_strndup (t->language, strcspn (t->language, "-_"));

      translated = ep_node_get_translation (node, field, base);
    }
  if (translated != NULL && *translated)
    return g_strdup (translated);
  /* Translators: after a text of the plan that has no translation yet;
   * %s is the language it is written in ("(in English)") */
  return g_strdup_printf (C_("report", "%s (in %s)"), source, language_name (t->source_lang));
}

/* A name (never marked: names are not translated, only labels are). */
static char *
name_of (const Texts *t,
         gpointer     node,
         const char  *field,
         const char  *source,
         const char  *fallback)
{
  const char *translated = t->language ? ep_node_get_translation (node, field, t->language) : NULL;

  if (translated && *translated)
    return g_strdup (translated);
  return g_strdup (source && *source ? source : fallback);
}

static char *
group_name (const Texts *t,
            const char  *id)
{
  EpStudentGroup *group = id ? ep_district_find_group (t->district, id) : NULL;

  if (group == NULL)
    return g_strdup (id ? id : "");
  return name_of (t, group, "label", ep_student_group_get_label (group), id);
}

static char *
school_name (const Texts *t,
             EpSchool    *school)
{
  return name_of (t, school, "name", ep_school_get_name (school), ep_school_get_id (school));
}

static char *
indicator_name (const Texts *t,
                EpIndicator *indicator)
{
  return name_of (t, indicator, "name", ep_indicator_get_name (indicator), ep_indicator_get_id (indicator));
}

static char *
format_date (const GDate *date)
{
  char buf[32];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return g_strdup (buf);
}

static void
date_from_epoch (gint64  seconds,
                 GDate  *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  g_date_clear (date, 1);
  if (dt != NULL)
    g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
}

/* ------------------------------------------------------------------ */
/* Published figures: what of a group's cell may be printed. */

typedef struct {
  gboolean has;           /* a measurement exists */
  gboolean rate_shown;    /* the rate may be printed */
  gboolean n_shown;
  gboolean count_shown;
  char    *rate_text;     /* the rate, or its marker/code */
  char    *n_text;
  char    *count_text;
  EpFigure rate;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->rate_text, g_free);
  g_clear_pointer (&cell->n_text, g_free);
  g_clear_pointer (&cell->count_text, g_free);
}

static const EpPublishCell *
find_cell (GArray     *cells,
           const char *group)
{
  for (guint i = 0; cells && i < cells->len; i++)
    if (g_strcmp0 (g_array_index (cells, EpPublishCell, i).group, group) == 0)
      return &g_array_index (cells, EpPublishCell, i);
  return NULL;
}

/* @cells: from ep_publish_indicator (@indicator, @period). */
static void
published (EpDistrict       *district,
           const EpAnalysis *analysis,
           EpIndicator      *indicator,
           const char       *period,
           GArray           *cells,
           const char       *group,
           Cell             *out)
{
  const EpPublishCell *cell = find_cell (cells, group);
  EpUnit unit = ep_indicator_get_unit (indicator);
  const char *marker = ep_district_get_marker (district);
  EpMeasurement m;

  memset (out, 0, sizeof *out);
  out->rate = EP_FIGURE_NONE (EP_REASON_NO_DATA);
  out->has = ep_indicator_lookup (indicator, group, period, &m);
  if (!out->has)
    {
      out->rate_text = g_strdup ("—");
      out->n_text = g_strdup ("—");
      out->count_text = g_strdup ("—");
      return;
    }
  if (cell == NULL)
    {
      out->rate_text = g_strdup (marker);
      out->n_text = g_strdup (marker);
      out->count_text = g_strdup (marker);
      return;
    }
  out->rate = ep_analysis_rate (analysis, indicator, group, period);
  out->rate_shown = !ep_publish_state_is_hidden (cell->count_state);
  out->count_shown = out->rate_shown && cell->has_counts;
  out->n_shown = !ep_publish_state_is_hidden (cell->n_state) && cell->n_state != EP_PUBLISH_MISSING;
  if (out->rate_shown)
    out->rate_text = ep_chart_format_figure (unit, &out->rate);
  else
    {
      out->rate_text = ep_publish_format_hidden (district, cell->count_state,
                                                 (m.flags & EP_MEASUREMENT_SUPPRESSED) ? m.marker : NULL);
      out->rate = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
    }
  if (out->rate_text == NULL)
    out->rate_text = g_strdup (marker);
  if (out->n_shown)
    out->n_text = ep_chart_format_number (cell->denominator, 0);
  else
    out->n_text = g_strdup (cell->n_state == EP_PUBLISH_MISSING ? "—" : marker);
  if (out->count_shown)
    out->count_text = ep_chart_format_number (cell->numerator, 0);
  else
    out->count_text = g_strdup (cell->has_counts ? marker : "—");
}

/* ------------------------------------------------------------------ */
/* The board packet */

struct _EpBoardPacket {
  EpDistrict          *district;
  EpBoardPacketOptions options;
  char               **school_ids;
  char                *cycle;
  char                *language;
  char                *source_note;
  GPtrArray           *schools;       /* EpSchool, borrowed from the district */
  GCancellable        *cancellable;
  EpReportProgress     progress;
  gpointer             progress_data;
  guint                pass;
  Texts                texts;
  EpReportSetup        setup;
  char                *title;
  char                *subject;
  GByteArray          *landscape;
};

void
ep_board_packet_options_init (EpBoardPacketOptions *options)
{
  memset (options, 0, sizeof *options);
  options->paper = EP_PAPER_A4;
  options->date = -1;
}

static EpPlan *
packet_plan (EpBoardPacket *packet,
             EpSchool      *school)
{
  if (packet->cycle)
    return ep_school_find_plan (school, packet->cycle);
  return ep_school_get_current_plan (school);
}

static void
report_progress (EpBoardPacket *packet,
                 guint          done,
                 const char    *message)
{
  double n = MAX (1, packet->schools->len);
  double fraction = packet->pass == 0 ? 0.25 * done / n : 0.25 + 0.75 * done / n;

  if (packet->progress)
    packet->progress (MIN (fraction, 1.0), message, packet->progress_data);
}

static gboolean
cancelled (EpBoardPacket *packet,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (packet->cancellable, error);
}

/* The district's minimum n and the periods, for each page's footer. */
static char *
data_note (EpBoardPacket *packet,
           EpSchool      *school)
{
  EpDistrict *district = packet->district;
  g_autofree char *first = NULL, *last = NULL;
  GListModel *indicators = school ? ep_school_get_indicators (school) : NULL;

  for (guint i = 0; indicators && i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);

      if (periods->len == 0)
        continue;
      if (first == NULL || g_strcmp0 (periods->pdata[0], first) < 0)
        { g_free (first); first = g_strdup (periods->pdata[0]); }
      if (last == NULL || g_strcmp0 (periods->pdata[periods->len - 1], last) > 0)
        { g_free (last); last = g_strdup (periods->pdata[periods->len - 1]); }
    }
  if (first != NULL)
    /* Translators: a report's page footer: minimum n, the marker, first and last data period */
    return g_strdup_printf (C_("report", "Minimum n: %u students (and %u with the outcome). Numbers of smaller groups, and numbers that would reveal them, are shown as “%s”. Data periods: %s to %s."),
                            ep_district_get_min_n (district), ep_district_get_min_cell (district),
                            ep_district_get_marker (district), first, last);
  /* Translators: a report's page footer: minimum n and the marker */
  return g_strdup_printf (C_("report", "Minimum n: %u students (and %u with the outcome). Numbers of smaller groups, and numbers that would reveal them, are shown as “%s”."),
                          ep_district_get_min_n (district), ep_district_get_min_cell (district),
                          ep_district_get_marker (district));
}

static char *
school_dest (EpSchool *school)
{
  return g_strconcat ("school-", ep_school_get_id (school), NULL);
}

/* "English learners: 31.7% (2024-25) → 20% by 2027-28" */
static char *
problem_words (EpBoardPacket *packet,
               EpSchool      *school,
               EpPlan        *plan)
{
  EpIndicator *indicator;
  g_autofree char *group = NULL, *indicator_text = NULL, *baseline = NULL, *target = NULL;
  EpUnit unit = EP_UNIT_PERCENT;

  if (plan == NULL || ep_plan_get_problem_group (plan) == NULL)
    return g_strdup (C_("report", "No problem statement yet"));
  indicator = ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan));
  if (indicator)
    unit = ep_indicator_get_unit (indicator);
  group = group_name (&packet->texts, ep_plan_get_problem_group (plan));
  indicator_text = indicator ? indicator_name (&packet->texts, indicator) : g_strdup (ep_plan_get_problem_indicator (plan));
  baseline = ep_plan_get_has_baseline (plan) ? ep_chart_format_value (unit, ep_plan_get_baseline (plan)) : g_strdup ("?");
  target = ep_plan_get_has_target (plan) ? ep_chart_format_value (unit, ep_plan_get_target (plan)) : g_strdup ("?");
  /* Translators: a problem statement in a table: group, indicator, baseline,
   * baseline period, target, target period */
  return g_strdup_printf (C_("report", "%s, %s: %s (%s) → %s by %s"), group, indicator_text, baseline,
                          ep_plan_get_baseline_period (plan) ? ep_plan_get_baseline_period (plan) : "?",
                          target, ep_plan_get_target_period (plan) ? ep_plan_get_target_period (plan) : "?");
}

static char *
health_counts (GPtrArray *findings)
{
  guint counts[3] = { 0 };

  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *f = findings->pdata[i];

      counts[CLAMP ((int) f->severity, 0, 2)]++;
    }
  if (findings->len == 0)
    return g_strdup (C_("report", "No findings"));
  /* Translators: plan-health summary in a table cell: numbers of errors, warnings, notes */
  return g_strdup_printf (C_("report", "Errors: %u · Warnings: %u · Notes: %u"), counts[EP_SEVERITY_ERROR],
                          counts[EP_SEVERITY_WARNING], counts[EP_SEVERITY_INFO]);
}

/* The summary row of one school. */
static void
summary_row (EpBoardPacket *packet,
             EpReportTable *table,
             EpSchool      *school,
             const GDate   *today)
{
  EpDistrict *district = packet->district;
  EpPlan *plan = packet_plan (packet, school);
  g_autofree char *name = school_name (&packet->texts, school);
  g_autofree char *problem = problem_words (packet, school, plan);
  g_autofree char *latest = NULL, *track = NULL, *trend = NULL, *health = NULL;
  g_autoptr(GPtrArray) findings = ep_health_check (district, school, plan, today);
  EpIndicator *indicator = plan && ep_plan_get_problem_indicator (plan)
                           ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;
  const char *group = plan ? ep_plan_get_problem_group (plan) : NULL;

  health = health_counts (findings);
  if (indicator != NULL && group != NULL)
    {
      g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);
      EpAnalysis analysis;
      const char *all = ep_analysis_all_group (district);
      const char *period = periods->len ? periods->pdata[periods->len - 1] : NULL;
      const char *previous = periods->len > 1 ? periods->pdata[periods->len - 2] : NULL;

      ep_analysis_init (&analysis, district);
      if (period)
        {
          g_autoptr(GArray) cells = ep_publish_indicator (district, indicator, period);
          Cell now = { 0 }, all_now = { 0 };
          EpTrack t;

          published (district, &analysis, indicator, period, cells, group, &now);
          published (district, &analysis, indicator, period, cells, all, &all_now);
          latest = g_strdup_printf ("%s (%s)", now.rate_text, period);
          ep_analysis_track (&analysis, school, plan, period, &t);
          track = g_strdup (now.rate_shown ? track_words (t.state) : track_words (EP_TRACK_UNKNOWN));
          if (previous && now.rate_shown && all_now.rate_shown)
            {
              g_autoptr(GArray) before_cells = ep_publish_indicator (district, indicator, previous);
              Cell before = { 0 }, all_before = { 0 };

              published (district, &analysis, indicator, previous, before_cells, group, &before);
              published (district, &analysis, indicator, previous, before_cells, all, &all_before);
              if (before.rate_shown && all_before.rate_shown && ep_figure_ok (&before.rate) &&
                  ep_figure_ok (&all_before.rate) && ep_figure_ok (&now.rate) && ep_figure_ok (&all_now.rate))
                {
                  EpGapTrend gap;

                  /* The same words and unit as the district view's. */
                  ep_gap_trend_compute (before.rate.value - all_before.rate.value,
                                        now.rate.value - all_now.rate.value,
                                        ep_indicator_get_unit (indicator), &gap);
                  trend = ep_gap_trend_format (&gap);
                }
              cell_clear (&before);
              cell_clear (&all_before);
            }
          cell_clear (&now);
          cell_clear (&all_now);
        }
    }
  {
    const char *cells[] = {
      name,
      plan ? focus_words (ep_plan_get_focus (plan)) : C_("report", "No plan"),
      problem,
      latest ? latest : "—",
      track ? track : "—",
      trend ? trend : "—",
      health,
      NULL
    };

    ep_report_table_row (table, cells);
  }
}

static void
school_pages (EpBoardPacket *packet,
              EpReportDoc   *doc,
              EpSchool      *school,
              const GDate   *today)
{
  EpDistrict *district = packet->district;
  EpPlan *plan = packet_plan (packet, school);
  g_autofree char *name = school_name (&packet->texts, school);
  g_autofree char *dest = school_dest (school);
  g_autofree char *note = data_note (packet, school);
  g_autofree char *line = NULL;
  const char *indicator_id = plan ? ep_plan_get_problem_indicator (plan) : NULL;
  EpIndicator *indicator = indicator_id ? ep_school_find_indicator (school, indicator_id) : NULL;

  ep_report_doc_new_page (doc, FALSE);
  ep_report_doc_set_header (doc, packet->title, name);
  ep_report_doc_set_footer_note (doc, note);
  ep_report_doc_heading (doc, EP_TEXT_H1, name, dest, TRUE);
  if (plan == NULL)
    {
      ep_report_doc_text (doc, EP_TEXT_BODY, packet->cycle
                          /* Translators: %s is a cycle, e.g. 2025-26 */
                          ? C_("report", "This school has no plan for this cycle.")
                          : C_("report", "This school has no plan yet."));
      return;
    }
  /* Translators: under a school's name: focus area, cycle, phase */
  line = g_strdup_printf (C_("report", "Focus: %s · Cycle %s · Phase: %s"), focus_words (ep_plan_get_focus (plan)),
                          ep_plan_get_cycle (plan), g_enum_get_value (g_type_class_peek (EP_TYPE_PHASE),
                                                                      ep_plan_get_phase (plan))->value_nick);
  ep_report_doc_text (doc, EP_TEXT_BODY, line);

  ep_report_doc_heading (doc, EP_TEXT_H3, C_("report", "Problem statement"), NULL, FALSE);
  {
    g_autofree char *statement = text_of (&packet->texts, plan, "statement", ep_plan_get_statement (plan));
    g_autofree char *problem = problem_words (packet, school, plan);

    ep_report_doc_text (doc, EP_TEXT_BODY, statement ? statement : problem);
    if (statement)
      ep_report_doc_text (doc, EP_TEXT_SMALL, problem);
  }

  if (indicator != NULL)
    {
      EpChartSpec spec = { 0 };
      g_autoptr(EpChartData) trend = NULL;
      g_autoptr(EpChartData) groups = NULL;

      spec.district = district;
      spec.school = school;
      spec.plan = plan;
      spec.indicator = indicator_id;
      spec.language = packet->texts.language;
      spec.shared = TRUE;
      spec.kind = EP_CHART_KIND_TREND;
      trend = ep_chart_data_new (&spec, NULL);
      spec.kind = EP_CHART_KIND_GROUPS;
      groups = ep_chart_data_new (&spec, NULL);
      /* Each at the full width: ten groups need it. */
      if (trend)
        ep_report_doc_charts (doc, &trend, 1, 145, "Sans 6.5", 0);
      if (groups)
        ep_report_doc_charts (doc, &groups, 1, 175, "Sans 6.5", 0);
    }

  /* The chosen actions. */
  {
    GListModel *actions = ep_plan_get_interventions (plan);
    guint n = g_list_model_get_n_items (actions);

    ep_report_doc_heading (doc, EP_TEXT_H3, C_("report", "Actions"), NULL, FALSE);
    if (n == 0)
      ep_report_doc_text (doc, EP_TEXT_BODY, C_("report", "No actions chosen yet."));
    else
      {
        static const double widths[] = { 40, 15, 20, 12, 13 };
        const char *header[] = { C_("report", "Action"), C_("report", "Owner"), C_("report", "Dates"),
                                 C_("report", "Status"), C_("report", "Evidence"), NULL };
        EpReportTable *table = ep_report_table_new (doc, 5, widths, header);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(EpIntervention) action = g_list_model_get_item (actions, i);
            g_autofree char *title = text_of (&packet->texts, action, "title", ep_intervention_get_title (action));
            g_autofree char *start = format_date (ep_intervention_get_start (action));
            g_autofree char *end = format_date (ep_intervention_get_end (action));
            g_autofree char *dates = g_strdup_printf ("%s – %s", start, end);
            const char *cells[] = { title ? title : "", ep_intervention_get_owner (action) ? ep_intervention_get_owner (action) : "",
                                    dates, status_words (ep_intervention_get_status (action)),
                                    evidence_words (ep_intervention_get_evidence (action)), NULL };

            ep_report_table_row (table, cells);
          }
        ep_report_table_end (table);
      }
  }

  /* The last decisions of the log. */
  {
    GListModel *log = ep_plan_get_log (plan);
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

    for (guint i = g_list_model_get_n_items (log); i > 0 && lines->len < 3; i--)
      {
        g_autoptr(EpLogEntry) entry = g_list_model_get_item (log, i - 1);
        EpLogKind kind = ep_log_entry_get_kind (entry);
        g_autofree char *date = NULL, *text = NULL;

        if (kind != EP_LOG_DECISION && kind != EP_LOG_ADJUSTMENT)
          continue;
        date = format_date (ep_log_entry_get_date (entry));
        text = text_of (&packet->texts, entry, "text", ep_log_entry_get_text (entry));
        /* Translators: a decision of the log: date, who decided, what */
        g_ptr_array_insert (lines, 0, g_strdup_printf (C_("report", "%s, %s: %s"), date,
                                                       ep_log_entry_get_who (entry) ? ep_log_entry_get_who (entry) : "",
                                                       text ? text : ""));
      }
    if (lines->len)
      {
        g_ptr_array_add (lines, NULL);
        ep_report_doc_heading (doc, EP_TEXT_H3, C_("report", "Latest decisions"), NULL, FALSE);
        ep_report_doc_bullets (doc, EP_TEXT_SMALL, (const char * const *) lines->pdata);
      }
  }

  if (ep_plan_get_has_reflection (plan))
    {
      g_autofree char *result = text_of (&packet->texts, plan, "reflection-result", ep_plan_get_reflection_result (plan));
      g_autofree char *lessons = text_of (&packet->texts, plan, "reflection-lessons", ep_plan_get_reflection_lessons (plan));
      g_autofree char *why = NULL;

      ep_report_doc_heading (doc, EP_TEXT_H3, C_("report", "Reflection"), NULL, FALSE);
      /* Translators: a reflection: what the result came from, and the decision */
      why = g_strdup_printf (C_("report", "Cause: %s. Decision: %s."), cause_words (ep_plan_get_reflection_cause (plan)),
                             decision_words (ep_plan_get_reflection_decision (plan)));
      ep_report_doc_text (doc, EP_TEXT_SMALL, result);
      ep_report_doc_text (doc, EP_TEXT_SMALL, lessons);
      ep_report_doc_text (doc, EP_TEXT_SMALL, why);
    }

  {
    g_autoptr(GPtrArray) findings = ep_health_check (district, school, plan, today);
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

    if (findings->len == 0)
      {
        /* One line, so that it does not take a page of its own. */
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", C_("report", "Plan health:"),
                                                           C_("report", "No pitfalls found."));

        ep_report_doc_markup (doc, EP_TEXT_BODY, markup);
        return;
      }
    ep_report_doc_heading (doc, EP_TEXT_H3, C_("report", "Plan health"), NULL, FALSE);
    for (guint i = 0; i < findings->len; i++)
      {
        EpFinding *f = findings->pdata[i];
        const char *severity = f->severity == EP_SEVERITY_ERROR ? C_("report", "Error")
                             : f->severity == EP_SEVERITY_WARNING ? C_("report", "Warning") : C_("report", "Note");

        /* Translators: a plan-health finding: severity, message */
        g_ptr_array_add (lines, g_strdup_printf (C_("report", "%s: %s"), severity, f->message));
      }
    if (lines->len == 0)
      ep_report_doc_text (doc, EP_TEXT_SMALL, C_("report", "No pitfalls found."));
    else
      {
        g_ptr_array_add (lines, NULL);
        ep_report_doc_bullets (doc, EP_TEXT_SMALL, (const char * const *) lines->pdata);
      }
  }
}

/* Every indicator of a school, every period, as published. */
static void
appendix_school (EpBoardPacket *packet,
                 EpReportDoc   *doc,
                 EpSchool      *school)
{
  EpDistrict *district = packet->district;
  GListModel *indicators = ep_school_get_indicators (school);
  GListModel *groups = ep_district_get_groups (district);
  g_autofree char *name = school_name (&packet->texts, school);
  g_autofree char *dest = g_strconcat ("appendix-", ep_school_get_id (school), NULL);
  g_autofree char *note = data_note (packet, school);
  EpAnalysis analysis;

  ep_analysis_init (&analysis, district);
  ep_report_doc_set_header (doc, packet->title, name);
  ep_report_doc_set_footer_note (doc, note);
  ep_report_doc_heading (doc, EP_TEXT_H2, name, dest, TRUE);
  for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
    {
      g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, k);
      g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);
      g_autofree char *title = indicator_name (&packet->texts, indicator);
      static const double widths[] = { 34, 12, 14, 14, 14, 12 };
      const char *header[] = { C_("report", "Group"), C_("report", "Period"), C_("report", "Students (n)"),
                               C_("report", "With the outcome"), C_("report", "Rate"), C_("report", "Gap"), NULL };
      EpReportTable *table;

      ep_report_doc_heading (doc, EP_TEXT_H3, title, NULL, FALSE);
      table = ep_report_table_new (doc, 6, widths, header);
      for (guint p = 0; p < periods->len; p++)
        {
          const char *period = periods->pdata[p];
          g_autoptr(GArray) cells = ep_publish_indicator (district, indicator, period);
          const char *all = ep_analysis_all_group (district);
          Cell all_cell;

          published (district, &analysis, indicator, period, cells, all, &all_cell);
          for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
            {
              g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, g);
              const char *id = ep_student_group_get_id (group);
              g_autofree char *label = group_name (&packet->texts, id);
              g_autofree char *gap = NULL;
              Cell cell;

              published (district, &analysis, indicator, period, cells, id, &cell);
              if (!cell.has)
                {
                  cell_clear (&cell);
                  continue;
                }
              if (g_strcmp0 (id, all) == 0)
                gap = g_strdup ("");
              else if (cell.rate_shown && all_cell.rate_shown && ep_figure_ok (&cell.rate) && ep_figure_ok (&all_cell.rate))
                gap = ep_chart_format_gap (ep_indicator_get_unit (indicator), cell.rate.value - all_cell.rate.value);
              else if (!cell.rate_shown || !all_cell.rate_shown)
                gap = g_strdup (ep_district_get_marker (district));
              else
                gap = g_strdup ("—");
              {
                const char *row[] = { label, period, cell.n_text, cell.count_text, cell.rate_text, gap, NULL };

                ep_report_table_row (table, row);
              }
              cell_clear (&cell);
            }
          cell_clear (&all_cell);
        }
      ep_report_table_end (table);
    }
}

/* The roll-up: the indicator and group most plans chose (the district
 * view's default too: ep_rollup_choose()). */
static void
rollup_choice (EpBoardPacket *packet,
               char         **indicator,
               char         **group)
{
  ep_rollup_choose (packet->district, packet->schools, packet->cycle, indicator, group);
}

static gboolean
build_packet (EpReportDoc *doc,
              gpointer     user_data,
              GError     **error)
{
  EpBoardPacket *packet = user_data;
  EpDistrict *district = packet->district;
  g_autofree char *district_name = name_of (&packet->texts, district, "name", ep_district_get_name (district), "");
  g_autofree char *note = data_note (packet, NULL);
  g_autofree char *rollup_indicator = NULL, *rollup_group = NULL;
  GDate today;
  gboolean drawing = ep_report_doc_is_drawing (doc);

  packet->pass = drawing ? 1 : 0;
  date_from_epoch (packet->setup.date >= 0 ? packet->setup.date : ep_report_date_now (), &today);
  rollup_choice (packet, &rollup_indicator, &rollup_group);

  /* Cover. */
  ep_report_doc_set_header (doc, packet->title, district_name);
  ep_report_doc_set_footer_note (doc, note);
  ep_report_doc_space (doc, 120);
  ep_report_doc_heading (doc, EP_TEXT_TITLE, district_name, "cover", FALSE);
  ep_report_doc_text (doc, EP_TEXT_H2, C_("report", "Equity plans: board packet"));
  {
    g_autofree char *cycle = NULL, *generated = NULL, *count = NULL;

    /* Translators: on the cover of the board packet; %s is a cycle such as 2025-26 */
    cycle = packet->cycle ? g_strdup_printf (C_("report", "Cycle %s"), packet->cycle)
                          : g_strdup (C_("report", "Each school’s current plan"));
    /* Translators: on the cover: the date the packet was made */
    generated = g_strdup_printf (C_("report", "Generated on %s"), ep_report_doc_get_date_text (doc));
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", packet->schools->len),
                             packet->schools->len);
    ep_report_doc_space (doc, 24);
    ep_report_doc_text (doc, EP_TEXT_H3, cycle);
    ep_report_doc_text (doc, EP_TEXT_BODY, count);
    ep_report_doc_text (doc, EP_TEXT_BODY, generated);
    if (packet->source_note)
      ep_report_doc_text (doc, EP_TEXT_SMALL, packet->source_note);
    ep_report_doc_space (doc, 24);
    ep_report_doc_text (doc, EP_TEXT_SMALL, note);
  }

  /* Contents. */
  ep_report_doc_new_page (doc, FALSE);
  ep_report_doc_heading (doc, EP_TEXT_H1, C_("report", "Contents"), "contents", FALSE);
  ep_report_doc_contents_entry (doc, C_("report", "District summary"), "summary");
  if (rollup_indicator)
    ep_report_doc_contents_entry (doc, C_("report", "District roll-up"), "rollup");
  for (guint i = 0; i < packet->schools->len; i++)
    {
      g_autofree char *name = school_name (&packet->texts, packet->schools->pdata[i]);
      g_autofree char *dest = school_dest (packet->schools->pdata[i]);

      ep_report_doc_contents_entry (doc, name, dest);
    }
  if (packet->options.appendix)
    ep_report_doc_contents_entry (doc, C_("report", "Appendix: indicator tables"), "appendix");

  /* District summary, landscape. */
  ep_report_doc_new_page (doc, TRUE);
  ep_report_doc_heading (doc, EP_TEXT_H1, C_("report", "District summary"), "summary", TRUE);
  {
    static const double widths[] = { 17, 10, 29, 11, 9, 11, 13 };
    const char *header[] = { C_("report", "School"), C_("report", "Focus"),
                             C_("report", "Problem statement: group, baseline → target"),
                             C_("report", "Latest value"), C_("report", "On track"),
                             C_("report", "Gap since last year"), C_("report", "Plan health"), NULL };
    EpReportTable *table = ep_report_table_new (doc, 7, widths, header);

    for (guint i = 0; i < packet->schools->len; i++)
      {
        if ((i & 31) == 0 && cancelled (packet, error))
          {
            ep_report_table_end (table);
            return FALSE;
          }
        summary_row (packet, table, packet->schools->pdata[i], &today);
      }
    ep_report_table_end (table);
    ep_report_doc_text (doc, EP_TEXT_SMALL,
                        C_("report", "Latest value: the problem group’s value in the latest period, as published. On track: against the straight path from the baseline to the target. Gap since last year: the gap between the group and all students, compared with the year before, in the indicator’s unit."));
  }

  /* Roll-up chart (paginated by the renderer). */
  if (rollup_indicator)
    {
      EpChartSpec spec = { 0 };
      g_autoptr(EpChartData) data = NULL;

      spec.kind = EP_CHART_KIND_ROLLUP;
      spec.district = district;
      spec.indicator = rollup_indicator;
      spec.group = rollup_group;
      spec.language = packet->texts.language;
      spec.shared = TRUE;
      data = ep_chart_data_new (&spec, NULL);
      ep_report_doc_new_page (doc, FALSE);
      ep_report_doc_heading (doc, EP_TEXT_H1, C_("report", "District roll-up"), "rollup", TRUE);
      if (data != NULL)
        {
          double width = ep_report_doc_get_width (doc);
          double height = ep_report_doc_get_remaining (doc) - 4;
          guint pages = ep_report_chart_n_pages (data, width, height, "Sans 7");

          for (guint p = 0; p < pages; p++)
            {
              if (p > 0)
                {
                  ep_report_doc_new_page (doc, FALSE);
                  height = ep_report_doc_get_remaining (doc) - 4;
                }
              ep_report_doc_charts (doc, &data, 1, height, "Sans 7", p);
            }
        }
    }

  /* One page (two at most) per school, streamed. */
  for (guint i = 0; i < packet->schools->len; i++)
    {
      EpSchool *school = packet->schools->pdata[i];

      if (cancelled (packet, error))
        return FALSE;
      report_progress (packet, i, ep_school_get_name (school));
      school_pages (packet, doc, school, &today);
    }

  if (packet->options.appendix)
    {
      ep_report_doc_new_page (doc, FALSE);
      ep_report_doc_set_header (doc, packet->title, C_("report", "Appendix"));
      ep_report_doc_heading (doc, EP_TEXT_H1, C_("report", "Appendix: indicator tables"), "appendix", TRUE);
      ep_report_doc_text (doc, EP_TEXT_SMALL, note);
      for (guint i = 0; i < packet->schools->len; i++)
        {
          if (cancelled (packet, error))
            return FALSE;
          appendix_school (packet, doc, packet->schools->pdata[i]);
        }
    }
  report_progress (packet, packet->schools->len, NULL);
  return TRUE;
}

/**
 * ep_board_packet_new:
 *
 * Returns: (transfer full) (nullable): the packet of @district's chosen
 *   schools, or %NULL with @error set when a school id is unknown or no
 *   school is left
 */
EpBoardPacket *
ep_board_packet_new (EpDistrict                 *district,
                     const EpBoardPacketOptions *options,
                     GError                    **error)
{
  g_autoptr(EpBoardPacket) packet = g_new0 (EpBoardPacket, 1);
  GListModel *schools = ep_district_get_schools (district);
  g_autofree char *district_name = NULL;

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!language_check (options->language, error))
    return NULL;
  packet->district = g_object_ref (district);
  packet->options = *options;
  packet->school_ids = g_strdupv ((char **) options->schools);
  packet->cycle = g_strdup (options->cycle);
  packet->language = g_strdup (options->language);
  packet->source_note = g_strdup (options->source_note);
  packet->options.schools = (const char * const *) packet->school_ids;
  packet->options.cycle = packet->cycle;
  packet->options.language = packet->language;
  packet->options.source_note = packet->source_note;
  packet->schools = g_ptr_array_new_with_free_func (g_object_unref);
  texts_init (&packet->texts, district, packet->language);

  if (packet->school_ids)
    for (guint i = 0; packet->school_ids[i]; i++)
      {
        EpSchool *school = ep_district_find_school (district, packet->school_ids[i]);

        if (school == NULL)
          {
            g_set_error (error, EP_REPORT_ERROR, EP_REPORT_ERROR_NOT_FOUND,
                         /* Translators: %s is a school id */
                         _("The district has no school with id “%s”"), packet->school_ids[i]);
            return NULL;
          }
        g_ptr_array_add (packet->schools, g_object_ref (school));
      }
  else
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      g_ptr_array_add (packet->schools, g_list_model_get_item (schools, i));
  if (packet->schools->len == 0)
    {
      g_set_error_literal (error, EP_REPORT_ERROR, EP_REPORT_ERROR_NOT_FOUND, _("The district has no schools"));
      return NULL;
    }

  district_name = name_of (&packet->texts, district, "name", ep_district_get_name (district), "");
  language_enter (packet->language);
  /* Translators: the title of the board packet (PDF metadata, running header); %s is the district */
  packet->title = g_strdup_printf (C_("report", "%s: equity plans"), district_name);
  /* Translators: the subject of the board packet (PDF metadata) */
  packet->subject = g_strdup (C_("report", "Board packet"));
  language_leave ();
  packet->setup.paper = options->paper;
  packet->setup.body_size = 10;
  packet->setup.language = packet->texts.language ? packet->texts.language : ep_district_get_language (district);
  packet->setup.title = packet->title;
  packet->setup.author = ep_district_get_name (district);
  packet->setup.subject = packet->subject;
  packet->setup.date = options->date >= 0 ? options->date : ep_report_date_now ();
  return g_steal_pointer (&packet);
}

void
ep_board_packet_free (EpBoardPacket *packet)
{
  if (packet == NULL)
    return;
  g_clear_object (&packet->district);
  g_clear_pointer (&packet->schools, g_ptr_array_unref);
  g_clear_pointer (&packet->landscape, g_byte_array_unref);
  g_strfreev (packet->school_ids);
  g_free (packet->cycle);
  g_free (packet->language);
  g_free (packet->source_note);
  g_free (packet->title);
  g_free (packet->subject);
  g_free (packet);
}

guint
ep_board_packet_count_pages (EpBoardPacket *packet,
                             GError       **error)
{
  guint n;

  g_clear_pointer (&packet->landscape, g_byte_array_unref);
  language_enter (packet->language);
  n = ep_report_doc_count_pages (&packet->setup, build_packet, packet, &packet->landscape, error);
  language_leave ();
  return n;
}

gboolean
ep_board_packet_page_is_landscape (EpBoardPacket *packet,
                                   guint          page)
{
  return packet->landscape && page < packet->landscape->len && packet->landscape->data[page];
}

gboolean
ep_board_packet_draw_page (EpBoardPacket *packet,
                           cairo_t       *cr,
                           guint          page,
                           guint          n_pages,
                           GError       **error)
{
  gboolean ok;

  language_enter (packet->language);
  ok = ep_report_doc_draw_page (&packet->setup, build_packet, packet, cr, page, n_pages, error);
  language_leave ();
  return ok;
}

/**
 * ep_report_board_packet_write:
 * @district: the district (not changed; do not change it meanwhile)
 * @file: the PDF to write (replaced when complete)
 * @progress: (nullable): called as schools are laid out and drawn
 * @n_pages: (out) (optional): the pages written
 *
 * Writes the board packet. Blocking: see
 * ep_report_board_packet_write_async() for a thread.
 */
gboolean
ep_report_board_packet_write (EpDistrict                 *district,
                              const EpBoardPacketOptions *options,
                              GFile                      *file,
                              GCancellable               *cancellable,
                              EpReportProgress            progress,
                              gpointer                    progress_data,
                              guint                      *n_pages,
                              GError                    **error)
{
  g_autoptr(EpBoardPacket) packet = ep_board_packet_new (district, options, error);
  gboolean ok;

  if (packet == NULL)
    return FALSE;
  packet->cancellable = cancellable;
  packet->progress = progress;
  packet->progress_data = progress_data;
  language_enter (packet->language);
  ok = ep_report_doc_write_file (&packet->setup, build_packet, packet, file, n_pages, error);
  language_leave ();
  return ok;
}

typedef struct {
  EpDistrict          *district;
  EpBoardPacketOptions options;
  char               **schools;
  char                *cycle, *language, *source_note;
  GFile               *file;
  EpReportProgress     progress;
  gpointer             progress_data;
  GMainContext        *context;
  guint                n_pages;
} WriteTask;

static void
write_task_free (gpointer p)
{
  WriteTask *w = p;

  g_clear_object (&w->district);
  g_clear_object (&w->file);
  g_clear_pointer (&w->context, g_main_context_unref);
  g_strfreev (w->schools);
  g_free (w->cycle);
  g_free (w->language);
  g_free (w->source_note);
  g_free (w);
}

typedef struct {
  EpReportProgress progress;
  gpointer         data;
  double           fraction;
  char            *message;
} ProgressCall;

static gboolean
progress_in_main (gpointer p)
{
  ProgressCall *call = p;

  call->progress (call->fraction, call->message, call->data);
  g_free (call->message);
  g_free (call);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (double      fraction,
                      const char *message,
                      gpointer    user_data)
{
  WriteTask *w = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->progress = w->progress;
  call->data = w->progress_data;
  call->fraction = fraction;
  call->message = g_strdup (message);
  g_main_context_invoke (w->context, progress_in_main, call);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteTask *w = task_data;
  GError *error = NULL;

  if (ep_report_board_packet_write (w->district, &w->options, w->file, cancellable,
                                    w->progress ? progress_from_thread : NULL, w, &w->n_pages, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ep_report_board_packet_write_async:
 *
 * Writes the board packet in a worker thread (GTask). @progress is called
 * in the caller's thread-default main context; cancelling @cancellable
 * stops between schools and leaves any existing @file unchanged. The
 * district must not be changed until @callback runs.
 */
void
ep_report_board_packet_write_async (EpDistrict                 *district,
                                    const EpBoardPacketOptions *options,
                                    GFile                      *file,
                                    GCancellable               *cancellable,
                                    EpReportProgress            progress,
                                    gpointer                    progress_data,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (district, cancellable, callback, user_data);
  WriteTask *w = g_new0 (WriteTask, 1);

  g_task_set_source_tag (task, ep_report_board_packet_write_async);
  w->district = g_object_ref (district);
  w->options = *options;
  w->schools = g_strdupv ((char **) options->schools);
  w->cycle = g_strdup (options->cycle);
  w->language = g_strdup (options->language);
  w->source_note = g_strdup (options->source_note);
  w->options.schools = (const char * const *) w->schools;
  w->options.cycle = w->cycle;
  w->options.language = w->language;
  w->options.source_note = w->source_note;
  w->file = g_object_ref (file);
  w->progress = progress;
  w->progress_data = progress_data;
  w->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, w, write_task_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ep_report_board_packet_write_finish (GAsyncResult *result,
                                     guint        *n_pages,
                                     GError      **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ep_report_board_packet_write_async, FALSE);
  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (n_pages)
    *n_pages = ((WriteTask *) g_task_get_task_data (task))->n_pages;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The family summary: one page (two at most), plain words, large type. */

typedef struct {
  EpDistrict                   *district;
  EpSchool                     *school;
  EpPlan                       *plan;
  EpFamilySummaryOptions        options;
  Texts                         texts;
  EpReportSetup                 setup;
} Family;

void
ep_family_summary_options_init (EpFamilySummaryOptions *options)
{
  memset (options, 0, sizeof *options);
  options->paper = EP_PAPER_A4;
  options->date = -1;
}

/* "31 out of every 100" from a percent. */
static char *
per_hundred (double percent)
{
  g_autofree char *number = ep_chart_format_number (round (percent), 0);

  /* Translators: plain words for a percentage in the family summary, e.g. "31 out of every 100" */
  return g_strdup_printf (C_("family-summary", "%s out of every 100"), number);
}

static void
family_found (Family      *f,
              EpReportDoc *doc)
{
  EpDistrict *district = f->district;
  const char *indicator_id = ep_plan_get_problem_indicator (f->plan);
  EpIndicator *indicator = indicator_id ? ep_school_find_indicator (f->school, indicator_id) : NULL;
  const char *group = ep_plan_get_problem_group (f->plan);
  g_autoptr(GPtrArray) periods = NULL;
  const char *period;
  g_autoptr(GArray) cells = NULL;
  g_autofree char *group_text = NULL, *indicator_text = NULL;
  Cell g = { 0 }, all = { 0 };
  EpAnalysis analysis;

  /* Translators: heading of the family summary */
  ep_report_doc_heading (doc, EP_TEXT_H2, C_("family-summary", "What we found"), "found", FALSE);
  if (indicator == NULL || group == NULL)
    {
      ep_report_doc_text (doc, EP_TEXT_BODY, C_("family-summary", "We are still looking at our numbers and will share what we find."));
      return;
    }
  periods = ep_indicator_list_periods (indicator);
  if (periods->len == 0)
    {
      ep_report_doc_text (doc, EP_TEXT_BODY, C_("family-summary", "We are still looking at our numbers and will share what we find."));
      return;
    }
  period = periods->pdata[periods->len - 1];
  ep_analysis_init (&analysis, district);
  cells = ep_publish_indicator (district, indicator, period);
  published (district, &analysis, indicator, period, cells, group, &g);
  published (district, &analysis, indicator, period, cells, ep_analysis_all_group (district), &all);
  group_text = group_name (&f->texts, group);
  indicator_text = indicator_name (&f->texts, indicator);

  {
    g_autofree char *statement = text_of (&f->texts, f->plan, "statement", ep_plan_get_statement (f->plan));

    if (statement)
      ep_report_doc_text (doc, EP_TEXT_BODY, statement);
  }
  if (g.rate_shown && all.rate_shown && ep_figure_ok (&g.rate) && ep_figure_ok (&all.rate) &&
      ep_indicator_get_unit (indicator) == EP_UNIT_PERCENT)
    {
      g_autofree char *gr = per_hundred (g.rate.value);
      g_autofree char *ar = per_hundred (all.rate.value);
      g_autofree char *sentence = NULL;
      g_autofree char *gap = ep_chart_format_number (round (fabs (g.rate.value - all.rate.value)), 0);
      gboolean worse = ep_indicator_get_direction (indicator) == EP_DIRECTION_LOWER_IS_BETTER
                       ? g.rate.value > all.rate.value : g.rate.value < all.rate.value;

      /* Translators: family summary: "In 2024-25, for English learners, Chronic absenteeism: 32 out of every 100.
       * For all students: 20 out of every 100." */
      sentence = g_strdup_printf (C_("family-summary", "In %s, %s: %s for %s. For all students at our school: %s."),
                                  period, indicator_text, gr, group_text, ar);
      ep_report_doc_text (doc, EP_TEXT_BODY, sentence);
      if (worse && round (fabs (g.rate.value - all.rate.value)) >= 1)
        {
          g_autofree char *gap_sentence = NULL;

          /* Translators: family summary: the gap in plain words; %s is a number, then a group */
          gap_sentence = g_strdup_printf (C_("family-summary", "That is a gap of %s out of every 100 students. Our plan is to close it for %s."),
                                          gap, group_text);
          ep_report_doc_text (doc, EP_TEXT_BODY, gap_sentence);
        }
    }
  else if (!g.rate_shown)
    ep_report_doc_text (doc, EP_TEXT_BODY,
                        /* Translators: family summary, when the group's number is hidden to protect students */
                        C_("family-summary", "This group is small, so we do not print its number. That keeps every student’s information private."));
  cell_clear (&g);
  cell_clear (&all);

  {
    EpChartSpec spec = { 0 };
    g_autoptr(EpChartData) data = NULL;

    spec.kind = EP_CHART_KIND_GROUPS;
    spec.district = district;
    spec.school = f->school;
    spec.plan = f->plan;
    spec.indicator = indicator_id;
    spec.period = period;
    spec.language = f->texts.language;
    spec.shared = TRUE;
    data = ep_chart_data_new (&spec, NULL);
    if (data)
      ep_report_doc_charts (doc, &data, 1, 200, "Sans 7.5", 0);
  }
}

static void
family_actions (Family      *f,
                EpReportDoc *doc)
{
  GListModel *actions = ep_plan_get_interventions (f->plan);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  /* Translators: heading of the family summary */
  ep_report_doc_heading (doc, EP_TEXT_H2, C_("family-summary", "What we will do this year"), "actions", FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (actions) && lines->len < 3; i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (actions, i);
      g_autofree char *title = NULL;

      if (ep_intervention_get_status (action) == EP_STATUS_STOPPED)
        continue;
      title = text_of (&f->texts, action, "title", ep_intervention_get_title (action));
      if (ep_intervention_get_owner (action))
        /* Translators: family summary: an action and who leads it */
        g_ptr_array_add (lines, g_strdup_printf (C_("family-summary", "%s. Led by %s."), title ? title : "",
                                                 ep_intervention_get_owner (action)));
      else
        g_ptr_array_add (lines, g_strdup (title ? title : ""));
    }
  if (lines->len == 0)
    ep_report_doc_text (doc, EP_TEXT_BODY, C_("family-summary", "We are choosing our actions now, with families and staff."));
  else
    {
      g_ptr_array_add (lines, NULL);
      ep_report_doc_bullets (doc, EP_TEXT_BODY, (const char * const *) lines->pdata);
    }
}

static void
family_take_part (Family      *f,
                  EpReportDoc *doc,
                  const GDate *today)
{
  GListModel *sessions = ep_plan_get_listening_sessions (f->plan);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  /* Translators: heading of the family summary */
  ep_report_doc_heading (doc, EP_TEXT_H2, C_("family-summary", "How you can take part"), "take-part", FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(EpListeningSession) session = g_list_model_get_item (sessions, i);
      const GDate *date = ep_listening_session_get_date (session);
      g_autofree char *when = NULL, *who = NULL;
      const char *lang;
      GString *line;

      if (date == NULL || !g_date_valid (date) || g_date_compare (date, today) < 0)
        continue;
      when = format_date (date);
      who = text_of (&f->texts, session, "audience", ep_listening_session_get_audience (session));
      lang = language_name (ep_listening_session_get_language (session));
      line = g_string_new (NULL);
      /* Translators: family summary: a meeting's date and who it is for */
      g_string_append_printf (line, C_("family-summary", "%s: %s."), when, who ? who : "");
      if (lang)
        {
          g_string_append_c (line, ' ');
          /* Translators: family summary: the language a meeting is held in */
          g_string_append_printf (line, C_("family-summary", "In %s."), lang);
        }
      g_string_append_c (line, ' ');
      g_string_append (line, ep_listening_session_get_interpretation (session)
                       ? C_("family-summary", "An interpreter will be there.")
                       : C_("family-summary", "No interpreter."));
      g_string_append_c (line, ' ');
      g_string_append (line, ep_listening_session_get_childcare (session)
                       ? C_("family-summary", "Free childcare.")
                       : C_("family-summary", "No childcare."));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  if (lines->len == 0)
    ep_report_doc_text (doc, EP_TEXT_BODY,
                        C_("family-summary", "We will share the dates of our next family meetings soon. You can always ask the school office."));
  else
    {
      ep_report_doc_text (doc, EP_TEXT_BODY, C_("family-summary", "Come and tell us what you think. Family meetings:"));
      g_ptr_array_add (lines, NULL);
      ep_report_doc_bullets (doc, EP_TEXT_BODY, (const char * const *) lines->pdata);
    }
}

static void
family_contact (Family      *f,
                EpReportDoc *doc)
{
  GListModel *champions = ep_plan_get_champions (f->plan);
  g_autofree char *school = school_name (&f->texts, f->school);
  g_autofree char *district = name_of (&f->texts, f->district, "name", ep_district_get_name (f->district), "");
  g_autofree char *person = NULL;

  /* Translators: heading of the family summary */
  ep_report_doc_heading (doc, EP_TEXT_H2, C_("family-summary", "Whom to contact"), "contact", FALSE);
  if (f->options.contact && *f->options.contact)
    person = g_strdup (f->options.contact);
  for (guint i = 0; person == NULL && i < g_list_model_get_n_items (champions); i++)
    {
      g_autoptr(EpChampion) champion = g_list_model_get_item (champions, i);
      g_autofree char *role = NULL;

      if (ep_champion_get_level (champion) != EP_LEVEL_SCHOOL || ep_champion_get_name (champion) == NULL)
        continue;
      role = name_of (&f->texts, champion, "role", ep_champion_get_role (champion), NULL);
      person = role ? g_strdup_printf ("%s (%s)", ep_champion_get_name (champion), role)
                    : g_strdup (ep_champion_get_name (champion));
    }
  if (person == NULL)
    {
      GListModel *actions = ep_plan_get_interventions (f->plan);

      if (g_list_model_get_n_items (actions) > 0)
        {
          g_autoptr(EpIntervention) action = g_list_model_get_item (actions, 0);

          person = g_strdup (ep_intervention_get_owner (action));
        }
    }
  if (person)
    {
      g_autofree char *line = NULL;

      /* Translators: family summary: whom to ask; a name and role, then the school */
      line = g_strdup_printf (C_("family-summary", "%s, at %s."), person, school);
      ep_report_doc_text (doc, EP_TEXT_BODY, line);
    }
  {
    g_autofree char *office = NULL;

    /* Translators: family summary: the school office, then the district */
    office = g_strdup_printf (C_("family-summary", "Or call the office of %s (%s)."), school, district);
    ep_report_doc_text (doc, EP_TEXT_BODY, office);
  }
}

static gboolean
build_family (EpReportDoc *doc,
              gpointer     user_data,
              GError     **error)
{
  Family *f = user_data;
  g_autofree char *school = school_name (&f->texts, f->school);
  g_autofree char *district = name_of (&f->texts, f->district, "name", ep_district_get_name (f->district), "");
  g_autofree char *title = NULL, *sub = NULL;
  GDate today;

  date_from_epoch (f->setup.date, &today);
  ep_report_doc_set_header (doc, district, school);
  /* Translators: title of the family summary; %s is the school */
  title = g_strdup_printf (C_("family-summary", "Our plan to help every student at %s"), school);
  ep_report_doc_heading (doc, EP_TEXT_H1, title, "top", FALSE);
  /* Translators: under the family summary's title: school year, the date it was made */
  sub = g_strdup_printf (C_("family-summary", "School year %s · Updated %s"), ep_plan_get_cycle (f->plan),
                         ep_report_doc_get_date_text (doc));
  ep_report_doc_text (doc, EP_TEXT_SMALL, sub);
  family_found (f, doc);
  family_actions (f, doc);
  family_take_part (f, doc, &today);
  family_contact (f, doc);
  return TRUE;
}

/**
 * ep_report_family_summary_write:
 *
 * Writes the family summary of @school's current plan. Body text is 14 pt,
 * black and white; numbers are published under suppression.
 */
gboolean
ep_report_family_summary_write (EpDistrict                   *district,
                                EpSchool                     *school,
                                const EpFamilySummaryOptions *options,
                                GFile                        *file,
                                guint                        *n_pages,
                                GError                      **error)
{
  Family f = { 0 };
  g_autofree char *title = NULL, *school_text = NULL;
  gboolean ok;

  g_return_val_if_fail (EP_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (EP_IS_SCHOOL (school), FALSE);

  if (!language_check (options->language, error))
    return FALSE;

  f.district = district;
  f.school = school;
  f.plan = ep_school_get_current_plan (school);
  f.options = *options;
  if (f.plan == NULL)
    {
      g_set_error (error, EP_REPORT_ERROR, EP_REPORT_ERROR_NOT_FOUND,
                   /* Translators: %s is a school's name */
                   _("%s has no plan to summarize"), ep_school_get_name (school));
      return FALSE;
    }
  language_enter (options->language);
  texts_init (&f.texts, district, options->language);
  school_text = school_name (&f.texts, school);
  /* Translators: PDF title of the family summary; %s is the school */
  title = g_strdup_printf (C_("family-summary", "Family summary: %s"), school_text);
  f.setup.paper = options->paper;
  f.setup.body_size = 14;
  f.setup.language = options->language ? options->language : ep_district_get_language (district);
  f.setup.title = title;
  f.setup.author = ep_district_get_name (district);
  f.setup.date = options->date >= 0 ? options->date : ep_report_date_now ();
  ok = ep_report_doc_write_file (&f.setup, build_family, &f, file, n_pages, error);
  language_leave ();
  return ok;
}
