/* ep-chart-data.c — the figures a chart shows, from models/ep-analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ep-chart-data-private.h"
#include "ep-suppress.h"

G_DEFINE_QUARK (ep-chart-error-quark, ep_chart_error)
G_DEFINE_BOXED_TYPE (EpChartData, ep_chart_data, ep_chart_data_ref, ep_chart_data_unref)

/* ------------------------------------------------------------------ */
/* Numbers for people: the current LC_NUMERIC (decimal comma, grouping). */

char *
ep_chart_format_number (double value,
                        int    decimals)
{
  decimals = CLAMP (decimals, 0, 6);
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0.0;  /* no "-0.0" */
  return g_strdup_printf ("%'.*f", decimals, value);
}

static int
unit_decimals (EpUnit unit)
{
  switch (unit)
    {
    case EP_UNIT_COUNT:
      return 0;
    case EP_UNIT_MEAN_SCORE:
    case EP_UNIT_PERCENT:
    case EP_UNIT_RATE_PER_100:
    default:
      return 1;
    }
}

char *
ep_chart_format_value (EpUnit unit,
                       double value)
{
  g_autofree char *number = ep_chart_format_number (value, unit_decimals (unit));

  switch (unit)
    {
    case EP_UNIT_PERCENT:
      /* Translators: a percentage; %s is the number ("31.7"). Use your
       * language's form, e.g. "%s %%" in French */
      return g_strdup_printf (_("%s%%"), number);
    case EP_UNIT_RATE_PER_100:
      /* Translators: a rate, e.g. "4.2 per 100" students */
      return g_strdup_printf (_("%s per 100"), number);
    case EP_UNIT_MEAN_SCORE:
    case EP_UNIT_COUNT:
    default:
      return g_steal_pointer (&number);
    }
}

/* "+11.6 pts", "−3.0 pts": the sign always shown, a real minus sign. */
char *
ep_chart_format_gap (EpUnit unit,
                     double gap)
{
  int decimals = unit_decimals (unit);
  g_autofree char *number = ep_chart_format_number (fabs (gap), decimals);
  gboolean zero = fabs (gap) < 0.5 * pow (10, -decimals);
  const char *sign = zero ? "" : gap > 0 ? "+" : "\u2212";

  if (unit == EP_UNIT_PERCENT)
    /* Translators: a gap in percentage points; the first %s is the sign,
     * the second the number: "+11.6 pts" */
    return g_strdup_printf (_("%s%s pts"), sign, number);
  return g_strdup_printf ("%s%s", sign, number);
}

char *
ep_chart_format_figure (EpUnit          unit,
                        const EpFigure *figure)
{
  if (ep_figure_ok (figure))
    return ep_chart_format_value (unit, figure->value);
  return ep_figure_explain (figure);
}

static char *
format_ratio (double ratio)
{
  return ep_chart_format_number (ratio, 2);
}

/* ------------------------------------------------------------------ */
/* Ticks at round numbers: 1, 2 or 5 × 10^k. */

static double
nice_step (double range,
           guint  max_ticks)
{
  double raw, mag;
  static const double steps[] = { 1, 2, 5, 10 };

  if (!(range > 0) || !isfinite (range))
    range = 1;
  raw = range / MAX (1, max_ticks - 1);
  mag = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * mag >= raw * (1 - 1e-9))
      return steps[i] * mag;
  return 10 * mag;
}

/**
 * ep_chart_nice_ticks:
 * @lo: the lowest value to show
 * @hi: the highest
 * @max_ticks: at most this many ticks (at least 2)
 * @first: (out): the first tick, a multiple of @step at or above @lo
 * @step: (out): 1, 2 or 5 × 10^k
 *
 * Returns: the number of ticks between @lo and @hi (inclusive)
 */
guint
ep_chart_nice_ticks (double  lo,
                     double  hi,
                     guint   max_ticks,
                     double *first,
                     double *step)
{
  double s, f;
  guint n;

  g_return_val_if_fail (first != NULL && step != NULL, 0);

  if (hi < lo)
    {
      double t = hi;
      hi = lo;
      lo = t;
    }
  max_ticks = MAX (2, max_ticks);
  s = nice_step (hi - lo, max_ticks);
  /* A step that is too small for the range gives too many ticks: grow it. */
  while (floor (hi / s + 1e-9) - ceil (lo / s - 1e-9) + 1 > max_ticks)
    s = nice_step (s * 1.5 * (max_ticks - 1), max_ticks);
  f = ceil (lo / s - 1e-9) * s;
  n = (guint) (floor ((hi - f) / s + 1e-9) + 1);
  if (fabs (f) < s * 1e-9)
    f = 0;
  *first = f;
  *step = s;
  return n;
}

/* An axis from round number to round number that holds [lo, hi]. */
void
ep_chart_nice_range (double  lo,
                     double  hi,
                     guint   max_ticks,
                     double *axis_lo,
                     double *axis_hi,
                     double *step)
{
  double s;

  if (hi <= lo)
    hi = lo + 1;
  s = nice_step (hi - lo, MAX (2, max_ticks));
  *axis_lo = floor (lo / s + 1e-9) * s;
  *axis_hi = ceil (hi / s - 1e-9) * s;
  if (*axis_hi <= *axis_lo)
    *axis_hi = *axis_lo + s;
  *step = s;
}

/* ------------------------------------------------------------------ */

static void
item_clear (gpointer p)
{
  EpChartItem *item = p;

  g_free (item->label);
  g_free (item->detail);
  g_free (item->tooltip);
  g_free (item->hidden);
  g_clear_pointer (&item->spark_group, g_array_unref);
  g_clear_pointer (&item->spark_all, g_array_unref);
  g_clear_pointer (&item->spark_periods, g_ptr_array_unref);
}

static EpChartData *
chart_data_alloc (EpChartKind kind)
{
  EpChartData *data = g_new0 (EpChartData, 1);

  g_atomic_ref_count_init (&data->ref);
  data->kind = kind;
  data->items = g_array_new (FALSE, TRUE, sizeof (EpChartItem));
  g_array_set_clear_func (data->items, item_clear);
  data->reference = EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  data->year_labels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  data->n_pages = 1;
  return data;
}

EpChartData *
ep_chart_data_ref (EpChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_atomic_ref_count_inc (&data->ref);
  return data;
}

void
ep_chart_data_unref (EpChartData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref))
    return;
  g_array_unref (data->items);
  g_hash_table_unref (data->year_labels);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->notes);
  g_free (data->period);
  g_free (data->group_label);
  g_free (data->all_label);
  g_free (data->indicator_name);
  g_free (data->place);
  g_free (data->track_text);
  g_free (data->missing_text);
  g_free (data->reference_hidden);
  g_free (data);
}

static EpChartItem *
add_item (EpChartData *data,
          const char  *label)
{
  EpChartItem item = { 0 };

  item.label = g_strdup (label);
  item.value = item.reference = EP_FIGURE_NONE (EP_REASON_NOT_APPLICABLE);
  item.unit = data->unit;
  item.direction = data->direction;
  g_array_append_val (data->items, item);
  return &g_array_index (data->items, EpChartItem, data->items->len - 1);
}

/* ------------------------------------------------------------------ */
/* Publication suppression (EpChartSpec.shared). */

/* The cells of one indicator in one period, kept while the builder walks
 * the groups of that period. */
typedef struct {
  EpIndicator *indicator;
  char        *period;
  GArray      *cells;
} Published;

static void
published_clear (Published *p)
{
  g_clear_pointer (&p->cells, g_array_unref);
  g_clear_pointer (&p->period, g_free);
  p->indicator = NULL;
}

/* With @spec->shared: whether the rate (and so the count) of @group must
 * be withheld, and the marker to print instead (*marker); *n_shown says
 * whether its n may be printed. Without @spec->shared nothing is withheld. */
static gboolean
withheld (const EpChartSpec *spec,
          Published         *p,
          EpIndicator       *indicator,
          const char        *period,
          const char        *group,
          char             **marker,
          gboolean          *n_shown)
{
  const EpPublishCell *cell = NULL;
  EpMeasurement m;

  *marker = NULL;
  *n_shown = TRUE;
  if (!spec->shared)
    return FALSE;
  if (group == NULL || period == NULL || !ep_indicator_lookup (indicator, group, period, &m))
    {
      *n_shown = FALSE;
      return FALSE;   /* no data: nothing to hide */
    }
  if (p->indicator != indicator || g_strcmp0 (p->period, period) != 0)
    {
      published_clear (p);
      p->indicator = indicator;
      p->period = g_strdup (period);
      p->cells = ep_publish_indicator (spec->district, indicator, period);
    }
  for (guint i = 0; i < p->cells->len; i++)
    if (g_strcmp0 (g_array_index (p->cells, EpPublishCell, i).group, group) == 0)
      {
        cell = &g_array_index (p->cells, EpPublishCell, i);
        break;
      }
  if (cell == NULL)
    {
      /* A group the district does not declare: its rules cannot be
       * applied, so nothing of it is published. */
      *n_shown = FALSE;
      *marker = g_strdup (ep_district_get_marker (spec->district));
      return TRUE;
    }
  *n_shown = !ep_publish_state_is_hidden (cell->n_state) && cell->n_state != EP_PUBLISH_MISSING;
  if (!ep_publish_state_is_hidden (cell->count_state))
    return FALSE;
  *marker = ep_publish_format_hidden (spec->district, cell->count_state,
                                      (m.flags & EP_MEASUREMENT_SUPPRESSED) ? m.marker : NULL);
  if (*marker == NULL)
    *marker = g_strdup (ep_district_get_marker (spec->district));
  return TRUE;
}

/* Withholds @item's value, showing @marker (taken). */
static void
hide_item (EpChartItem *item,
           char        *marker)
{
  item->value = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
  g_free (item->hidden);
  item->hidden = marker;
}

/**
 * ep_chart_item_explain:
 *
 * Returns: (transfer full): what is printed for @item's value when it has
 *   none: the publication marker of a withheld number, else the reason
 */
char *
ep_chart_item_explain (const EpChartItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->hidden != NULL)
    return g_strdup (item->hidden);
  return ep_figure_explain (&item->value);
}

/**
 * ep_chart_data_get_reference_hidden:
 *
 * Returns: (nullable): the marker standing for the reference figure (all
 *   students' rate, the district's figure) when suppression withholds it
 */
const char *
ep_chart_data_get_reference_hidden (EpChartData *data)
{
  return data->reference_hidden;
}

/* ------------------------------------------------------------------ */
/* Names in the chosen language. */

static const char *
translated (gpointer    node,
            const char *field,
            const char *lang,
            const char *fallback)
{
  const char *t = lang ? ep_node_get_translation (node, field, lang) : NULL;

  return t && *t ? t : fallback;
}

static char *
group_label (EpDistrict *district,
             const char *id,
             const char *lang)
{
  EpStudentGroup *group = ep_district_find_group (district, id);
  const char *label;

  if (group == NULL)
    return g_strdup (id);
  label = ep_student_group_get_label (group);
  return g_strdup (translated (group, "label", lang, label && *label ? label : id));
}

static char *
indicator_name (EpIndicator *indicator,
                const char  *lang)
{
  const char *name = ep_indicator_get_name (indicator);

  return g_strdup (translated (indicator, "name", lang,
                               name && *name ? name : ep_indicator_get_id (indicator)));
}

static char *
school_name (EpSchool   *school,
             const char *lang)
{
  const char *name = ep_school_get_name (school);

  return g_strdup (translated (school, "name", lang, name && *name ? name : ep_school_get_id (school)));
}

/* "Source: district student information system." from a description. */
static char *
indicator_source (EpIndicator *indicator)
{
  const char *description = ep_indicator_get_description (indicator);
  const char *source;
  const char *end;

  if (description == NULL || (source = strstr (description, "Source:")) == NULL)
    return NULL;
  source += strlen ("Source:");
  while (*source == ' ')
    source++;
  end = strpbrk (source, ";.");
  return g_strstrip (g_strndup (source, end ? (gsize) (end - source) : strlen (source)));
}

static const char *
latest_period (EpIndicator *indicator)
{
  g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);

  return periods->len ? periods->pdata[periods->len - 1] : NULL;
}

static guint
measurement_n (EpIndicator *indicator,
               const char  *group,
               const char  *period)
{
  EpMeasurement m;

  if (!ep_indicator_lookup (indicator, group, period, &m))
    return 0;
  if (m.flags & EP_MEASUREMENT_HAS_DENOMINATOR)
    return m.denominator;
  if (m.flags & EP_MEASUREMENT_HAS_N)
    return m.n;
  return 0;
}

static gboolean
has_group (EpIndicator *indicator,
           const char  *group)
{
  g_autoptr(GPtrArray) groups = ep_indicator_list_groups (indicator);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (groups->pdata[i], group) == 0)
      return TRUE;
  return FALSE;
}

/* How far behind: a gap turned so that larger is worse. */
static double
adverse (EpDirection direction,
         double      gap)
{
  return direction == EP_DIRECTION_LOWER_IS_BETTER ? gap : -gap;
}

/* The group furthest behind all students in @period, among those with a gap. */
static const char *
furthest_behind (const EpAnalysis *analysis,
                 EpIndicator      *indicator,
                 const char       *period)
{
  g_autoptr(GPtrArray) groups = ep_indicator_list_groups (indicator);
  const char *all = ep_analysis_all_group (analysis->district);
  const char *best = NULL;
  double worst = -G_MAXDOUBLE;

  for (guint i = 0; i < groups->len; i++)
    {
      EpGroupFigures f;
      double a;

      if (g_strcmp0 (groups->pdata[i], all) == 0)
        continue;
      ep_analysis_group (analysis, indicator, groups->pdata[i], period, &f);
      if (!ep_figure_ok (&f.gap))
        continue;
      a = adverse (ep_indicator_get_direction (indicator), f.gap.value);
      if (a > worst)
        {
          worst = a;
          best = groups->pdata[i];
        }
    }
  return best;
}

static const char *
choose_group (const EpChartSpec *spec,
              EpPlan            *plan,
              const EpAnalysis  *analysis,
              EpIndicator       *indicator,
              const char        *period)
{
  if (spec->group && *spec->group)
    return spec->group;
  if (plan && ep_plan_get_problem_group (plan) && indicator &&
      has_group (indicator, ep_plan_get_problem_group (plan)))
    return ep_plan_get_problem_group (plan);
  if (indicator && period)
    return furthest_behind (analysis, indicator, period);
  return NULL;
}

static const char *
direction_words (EpDirection direction)
{
  return direction == EP_DIRECTION_LOWER_IS_BETTER ? _("lower is better") : _("higher is better");
}

static void
set_notes (EpChartData *data,
           EpDistrict  *district,
           EpIndicator *indicator,
           const char  *extra)
{
  GString *notes = g_string_new (NULL);
  g_autofree char *source = indicator ? indicator_source (indicator) : NULL;

  /* Translators: the source of the numbers in a chart's footnote */
  g_string_append_printf (notes, _("Source: %s."), source ? source : ep_district_get_name (district));
  if (data->period)
    {
      g_string_append_c (notes, ' ');
      /* Translators: the school year or term of the numbers, in a chart's footnote */
      g_string_append_printf (notes, _("Period: %s."), data->period);
    }
  g_string_append_c (notes, ' ');
  /* Translators: in a chart's footnote; %u is the district's minimum n */
  g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE, "Groups of fewer than %u student have no rate (minimum n) and are shown empty, never as 0.",
                                           "Groups of fewer than %u students have no rate (minimum n) and are shown empty, never as 0.",
                                           ep_district_get_min_n (district)),
                          ep_district_get_min_n (district));
  if (extra)
    {
      g_string_append_c (notes, ' ');
      g_string_append (notes, extra);
    }
  data->notes = g_string_free (notes, FALSE);
}

static EpIndicator *
find_indicator (const EpChartSpec *spec,
                GError           **error)
{
  EpIndicator *indicator;

  if (spec->school == NULL)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND, _("No school chosen"));
      return NULL;
    }
  if (spec->indicator == NULL)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND, _("No indicator chosen"));
      return NULL;
    }
  indicator = ep_school_find_indicator (spec->school, spec->indicator);
  if (indicator == NULL)
    g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND,
                 /* Translators: the first %s is a school's name, the second an indicator id */
                 _("%s has no indicator “%s”"), ep_school_get_name (spec->school), spec->indicator);
  return indicator;
}

static char *
tooltip_rate (EpUnit          unit,
              const char     *label,
              const EpFigure *rate,
              EpIndicator    *indicator,
              const char     *group,
              const char     *period)
{
  EpMeasurement m;
  g_autofree char *value = ep_chart_format_figure (unit, rate);

  if (ep_indicator_lookup (indicator, group, period, &m) &&
      (m.flags & EP_MEASUREMENT_HAS_NUMERATOR) && (m.flags & EP_MEASUREMENT_HAS_DENOMINATOR) &&
      ep_figure_ok (rate))
    {
      g_autofree char *num = ep_chart_format_number (m.numerator, 0);
      g_autofree char *den = ep_chart_format_number (m.denominator, 0);

      /* Translators: a tooltip: group, period, rate, "12 of 40" students */
      return g_strdup_printf (_("%s, %s: %s (%s of %s students)"), label, period, value, num, den);
    }
  return g_strdup_printf ("%s, %s: %s", label, period, value);
}

/* ------------------------------------------------------------------ */
/* One builder per kind. */

static gboolean
build_groups (EpChartData       *data,
              const EpChartSpec *spec,
              EpAnalysis        *analysis,
              GError           **error)
{
  EpIndicator *indicator = find_indicator (spec, error);
  GListModel *groups;
  const char *all, *focus = NULL;
  EpPlan *plan;
  g_autofree char *school = NULL;
  g_autofree char *reference = NULL;
  Published published = { 0 };
  gboolean all_hidden = FALSE;

  if (indicator == NULL)
    return FALSE;
  data->unit = ep_indicator_get_unit (indicator);
  data->direction = ep_indicator_get_direction (indicator);
  data->period = g_strdup (spec->period ? spec->period : latest_period (indicator));
  if (data->period == NULL)
    data->period = g_strdup ("");
  plan = spec->plan ? spec->plan : ep_school_get_current_plan (spec->school);
  if (spec->group)
    focus = spec->group;
  else if (plan && g_strcmp0 (ep_plan_get_problem_indicator (plan), spec->indicator) == 0)
    focus = ep_plan_get_problem_group (plan);

  all = ep_analysis_all_group (spec->district);
  data->all_label = group_label (spec->district, all, spec->language);
  data->indicator_name = indicator_name (indicator, spec->language);
  data->reference = ep_analysis_rate (analysis, indicator, all, data->period);
  {
    gboolean n_shown;

    all_hidden = withheld (spec, &published, indicator, data->period, all, &data->reference_hidden, &n_shown);
    if (all_hidden)
      data->reference = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
  }
  reference = data->reference_hidden ? g_strdup (data->reference_hidden)
                                     : ep_chart_format_figure (data->unit, &data->reference);

  groups = ep_district_get_groups (spec->district);
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
      const char *id = ep_student_group_get_id (group);
      g_autofree char *label = NULL;
      g_autofree char *rate = NULL;
      EpGroupFigures f;
      EpChartItem *item;

      if (g_strcmp0 (id, all) == 0 || !has_group (indicator, id))
        continue;
      ep_analysis_group (analysis, indicator, id, data->period, &f);
      label = group_label (spec->district, id, spec->language);
      item = add_item (data, label);
      item->value = f.rate;
      item->reference = f.gap;
      item->n = measurement_n (indicator, id, data->period);
      item->highlighted = g_strcmp0 (id, focus) == 0;
      item->position = data->items->len - 1;
      if (spec->shared)
        {
          char *marker;
          gboolean n_shown;

          if (withheld (spec, &published, indicator, data->period, id, &marker, &n_shown))
            hide_item (item, marker);
          if (item->hidden || all_hidden)
            item->reference = f.gap = EP_FIGURE_NONE (EP_REASON_REFERENCE);
          if (!n_shown)
            item->n = 0;
          g_autofree char *shown = item->hidden ? g_strdup (item->hidden)
                                                : ep_chart_format_figure (data->unit, &item->value);

          rate = g_strdup_printf ("%s, %s: %s", label, data->period, shown);
        }
      else
        rate = tooltip_rate (data->unit, label, &f.rate, indicator, id, data->period);
      if (ep_figure_ok (&f.gap))
        {
          g_autofree char *gap = ep_chart_format_gap (data->unit, f.gap.value);

          /* Translators: a tooltip's second line: the gap to all students */
          item->tooltip = g_strdup_printf (_("%s\nGap to %s (%s): %s"), rate,
                                           data->all_label, reference, gap);
        }
      else
        item->tooltip = g_steal_pointer (&rate);
    }

  school = school_name (spec->school, spec->language);
  /* Translators: a chart title, %s is an indicator ("Chronic absenteeism") */
  data->title = g_strdup_printf (_("%s by student group"), data->indicator_name);
  data->subtitle = g_strdup_printf ("%s · %s · %s", school, data->period,
                                    direction_words (data->direction));
  data->place = g_steal_pointer (&school);
  set_notes (data, spec->district, indicator, NULL);
  published_clear (&published);
  return TRUE;
}

static void
note_year (EpChartData *data,
           int          year,
           const char  *label)
{
  if (year >= 0 && label && !g_hash_table_contains (data->year_labels, GINT_TO_POINTER (year)))
    g_hash_table_insert (data->year_labels, GINT_TO_POINTER (year), g_strdup (label));
  if (year >= 0)
    {
      data->first_year = data->first_year ? MIN (data->first_year, year) : year;
      data->last_year = MAX (data->last_year, year);
    }
}

static const char *
track_words (EpTrackState state)
{
  switch (state)
    {
    case EP_TRACK_AHEAD:
      return _("ahead of the path to the target");
    case EP_TRACK_ON:
      return _("on the path to the target");
    case EP_TRACK_BEHIND:
      return _("behind the path to the target");
    case EP_TRACK_UNKNOWN:
    default:
      return _("on-track state unknown");
    }
}

static gboolean
build_trend_or_gap (EpChartData       *data,
                    const EpChartSpec *spec,
                    EpAnalysis        *analysis,
                    GError           **error)
{
  EpIndicator *indicator = find_indicator (spec, error);
  g_autoptr(GPtrArray) periods = NULL;
  g_autofree char *school = NULL;
  const char *all, *group;
  EpPlan *plan;
  gboolean trend = data->kind == EP_CHART_KIND_TREND;
  Published published = { 0 };
  gboolean any_hidden = FALSE, current_hidden = FALSE;

  if (indicator == NULL)
    return FALSE;
  data->unit = ep_indicator_get_unit (indicator);
  data->direction = ep_indicator_get_direction (indicator);
  periods = ep_indicator_list_periods (indicator);
  data->period = g_strdup (spec->period ? spec->period : latest_period (indicator));
  plan = spec->plan ? spec->plan : ep_school_get_current_plan (spec->school);
  group = choose_group (spec, plan, analysis, indicator, data->period);
  all = ep_analysis_all_group (spec->district);
  data->indicator_name = indicator_name (indicator, spec->language);
  data->all_label = group_label (spec->district, all, spec->language);
  data->group_label = group ? group_label (spec->district, group, spec->language) : g_strdup (_("No group"));
  school = school_name (spec->school, spec->language);

  for (int series = 0; series < (trend ? 2 : 1); series++)
    for (guint i = 0; i < periods->len; i++)
      {
        const char *period = periods->pdata[i];
        const char *id = series == 0 ? group : all;
        int year = ep_period_year (period);
        EpGroupFigures f;
        EpChartItem *item;

        if (id == NULL || year < 0)
          continue;
        ep_analysis_group (analysis, indicator, id, period, &f);
        note_year (data, year, period);
        item = add_item (data, period);
        item->series = series;
        item->position = year;
        item->n = measurement_n (indicator, id, period);
        if (spec->shared)
          {
            char *marker = NULL, *all_marker = NULL;
            gboolean n_shown, all_n;
            gboolean hidden = withheld (spec, &published, indicator, period, id, &marker, &n_shown);
            gboolean ref_hidden = withheld (spec, &published, indicator, period, all, &all_marker, &all_n);

            if (!n_shown)
              item->n = 0;
            if (hidden)
              {
                f.rate = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
                if (series == 0)
                  {
                    any_hidden = TRUE;
                    if (g_strcmp0 (period, data->period) == 0)
                      current_hidden = TRUE;
                  }
              }
            if (hidden || ref_hidden)
              f.gap = EP_FIGURE_NONE (EP_REASON_REFERENCE);
            if (trend && hidden)
              item->hidden = g_steal_pointer (&marker);
            else if (!trend && (hidden || ref_hidden))
              item->hidden = hidden ? g_steal_pointer (&marker) : g_steal_pointer (&all_marker);
            g_free (marker);
            g_free (all_marker);
          }
        if (spec->shared && trend)
          {
            g_autofree char *shown = item->hidden ? g_strdup (item->hidden)
                                                  : ep_chart_format_figure (data->unit, &f.rate);

            item->value = f.rate;
            item->reference = f.gap;
            item->tooltip = g_strdup_printf ("%s, %s: %s", series == 0 ? data->group_label : data->all_label,
                                             period, shown);
            item->highlighted = series == 0;
          }
        else if (spec->shared)
          {
            g_autofree char *gap = item->hidden ? g_strdup (item->hidden) : ep_chart_format_figure (data->unit, &f.gap);

            if (ep_figure_ok (&f.gap))
              {
                g_free (gap);
                gap = ep_chart_format_gap (data->unit, f.gap.value);
              }
            item->value = f.gap;
            item->reference = f.rate;
            item->tooltip = g_strdup_printf (_("%s: gap %s"), period, gap);
          }
        else if (trend)
          {
            item->value = f.rate;
            item->reference = f.gap;
            item->tooltip = tooltip_rate (data->unit, series == 0 ? data->group_label : data->all_label,
                                          &f.rate, indicator, id, period);
            item->highlighted = series == 0;
          }
        else
          {
            g_autofree char *gap = ep_chart_format_figure (data->unit, &f.gap);
            g_autofree char *rate = ep_chart_format_figure (data->unit, &f.rate);
            g_autofree char *ref = ep_chart_format_figure (data->unit, &f.reference_rate);

            if (ep_figure_ok (&f.gap))
              {
                g_free (gap);
                gap = ep_chart_format_gap (data->unit, f.gap.value);
              }
            item->value = f.gap;
            item->reference = f.rate;
            /* Translators: tooltip: period, gap; group rate, all students' rate */
            item->tooltip = g_strdup_printf (_("%s: gap %s\n%s %s, %s %s"), period, gap,
                                             data->group_label, rate, data->all_label, ref);
          }
      }

  data->track.state = EP_TRACK_UNKNOWN;
  if (trend && plan && group &&
      g_strcmp0 (ep_plan_get_problem_indicator (plan), spec->indicator) == 0 &&
      g_strcmp0 (ep_plan_get_problem_group (plan), group) == 0 &&
      ep_plan_get_has_baseline (plan) && ep_plan_get_has_target (plan))
    {
      g_autofree char *baseline = ep_chart_format_value (data->unit, ep_plan_get_baseline (plan));
      g_autofree char *target = ep_chart_format_value (data->unit, ep_plan_get_target (plan));
      EpChartItem *item;

      ep_analysis_track (analysis, spec->school, plan, spec->period, &data->track);
      if (spec->shared)
        {
          /* The projection is fitted to every period's value, hidden ones
           * included; the state compares the current value with the path. */
          if (any_hidden)
            data->track.projected = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
          if (current_hidden || (data->track.period && g_strcmp0 (data->track.period, data->period) != 0 && any_hidden))
            {
              data->track.state = EP_TRACK_UNKNOWN;
              data->track.current = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
              data->track.successes_to_target = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
            }
        }
      data->has_plan = data->track.baseline_year >= 0 && data->track.target_year > data->track.baseline_year;
      if (data->has_plan)
        {
          data->baseline = ep_plan_get_baseline (plan);
          data->target = ep_plan_get_target (plan);
          note_year (data, data->track.baseline_year, ep_plan_get_baseline_period (plan));
          note_year (data, data->track.target_year, ep_plan_get_target_period (plan));

          item = add_item (data, _("Baseline"));
          item->series = 2;
          item->position = data->track.baseline_year;
          item->value = EP_FIGURE_OK (data->baseline);
          /* Translators: tooltip of the plan's baseline: period, value */
          item->tooltip = g_strdup_printf (_("Plan baseline, %s: %s"), ep_plan_get_baseline_period (plan), baseline);

          item = add_item (data, _("Target"));
          item->series = 2;
          item->position = data->track.target_year;
          item->value = EP_FIGURE_OK (data->target);
          /* Translators: tooltip of the plan's target: period, value */
          item->tooltip = g_strdup_printf (_("Plan target, %s: %s"), ep_plan_get_target_period (plan), target);

          if (ep_figure_ok (&data->track.projected))
            {
              g_autofree char *projected = ep_chart_format_value (data->unit, data->track.projected.value);

              item = add_item (data, _("Projection"));
              item->series = 2;
              item->position = data->track.target_year;
              item->value = data->track.projected;
              /* Translators: tooltip: the value the trend so far projects for the target period */
              item->tooltip = g_strdup_printf (_("Projected by the trend for %s: %s"),
                                               ep_plan_get_target_period (plan), projected);
            }
          /* Translators: a chart subtitle: baseline in a period → target by a period; state */
          data->track_text = g_strdup_printf (_("Plan: %s in %s → %s by %s; %s"), baseline,
                                              ep_plan_get_baseline_period (plan), target,
                                              ep_plan_get_target_period (plan),
                                              track_words (data->track.state));
        }
    }

  if (trend)
    {
      /* Translators: a chart title: indicator, group ("Chronic absenteeism: English learners over time") */
      data->title = g_strdup_printf (_("%s: %s over time"), data->indicator_name, data->group_label);
      data->subtitle = g_strdup_printf ("%s · %s · %s", school,
                                        data->track_text ? data->track_text : _("no plan target for this group"),
                                        direction_words (data->direction));
    }
  else
    {
      /* Translators: a chart title: indicator, group, all students */
      data->title = g_strdup_printf (_("Gap in %s: %s − %s"), data->indicator_name,
                                     data->group_label, data->all_label);
      data->subtitle = g_strdup_printf ("%s · %s · %s", school,
                                        data->unit == EP_UNIT_PERCENT ? _("in percentage points") : _("in the indicator’s unit"),
                                        data->direction == EP_DIRECTION_LOWER_IS_BETTER
                                        ? _("above zero: the group fares worse")
                                        : _("below zero: the group fares worse"));
    }
  data->place = g_steal_pointer (&school);
  set_notes (data, spec->district, indicator,
             trend && data->has_plan
             ? _("The dashed line is the straight path from the plan’s baseline to its target; the dotted line the projection of the trend.")
             : NULL);
  published_clear (&published);
  return TRUE;
}

static void
build_scorecard_kind (EpChartData       *data,
                      const EpChartSpec *spec,
                      EpAnalysis        *analysis,
                      EpPlan            *plan,
                      EpIndicatorKind    kind)
{
  GListModel *indicators = ep_school_get_indicators (spec->school);
  const char *all = ep_analysis_all_group (spec->district);

  for (guint i = 0, n = g_list_model_get_n_items (indicators); i < n; i++)
    {
      g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);
      g_autofree char *name = NULL;
      g_autofree char *glabel = NULL;
      g_autofree char *gvalue = NULL;
      g_autofree char *avalue = NULL;
      const char *period, *group;
      EpChartItem *item;

      if (ep_indicator_get_kind (indicator) != kind)
        continue;
      period = spec->period ? spec->period : latest_period (indicator);
      group = choose_group (spec, plan, analysis, indicator, period);
      name = indicator_name (indicator, spec->language);
      item = add_item (data, name);
      item->unit = ep_indicator_get_unit (indicator);
      item->direction = ep_indicator_get_direction (indicator);
      item->series = kind == EP_INDICATOR_LEADING ? 0 : 1;
      item->spark_group = g_array_new (FALSE, TRUE, sizeof (EpFigure));
      item->spark_all = g_array_new (FALSE, TRUE, sizeof (EpFigure));
      item->spark_periods = g_ptr_array_new_with_free_func (g_free);
      for (guint p = 0; p < periods->len; p++)
        {
          EpFigure g = group ? ep_analysis_rate (analysis, indicator, group, periods->pdata[p])
                             : EP_FIGURE_NONE (EP_REASON_NO_DATA);
          EpFigure a = ep_analysis_rate (analysis, indicator, all, periods->pdata[p]);

          g_array_append_val (item->spark_group, g);
          g_array_append_val (item->spark_all, a);
          g_ptr_array_add (item->spark_periods, g_strdup (periods->pdata[p]));
        }
      item->value = group && period ? ep_analysis_rate (analysis, indicator, group, period)
                                    : EP_FIGURE_NONE (EP_REASON_NO_DATA);
      item->reference = period ? ep_analysis_rate (analysis, indicator, all, period)
                               : EP_FIGURE_NONE (EP_REASON_NO_DATA);
      item->n = group && period ? measurement_n (indicator, group, period) : 0;
      glabel = group ? group_label (spec->district, group, spec->language) : g_strdup (_("No group"));
      item->detail = g_strdup (glabel);
      item->highlighted = plan && g_strcmp0 (ep_plan_get_problem_indicator (plan), ep_indicator_get_id (indicator)) == 0;
      gvalue = ep_chart_format_figure (item->unit, &item->value);
      avalue = ep_chart_format_figure (item->unit, &item->reference);
      /* Translators: tooltip of a small multiple: indicator, period; group value; all students' value */
      item->tooltip = g_strdup_printf (_("%s, %s\n%s: %s\n%s: %s"), name, period ? period : "",
                                       glabel, gvalue, data->all_label, avalue);
    }
}

static gboolean
build_scorecard (EpChartData       *data,
                 const EpChartSpec *spec,
                 EpAnalysis        *analysis,
                 GError           **error)
{
  EpPlan *plan;
  g_autofree char *school = NULL;

  if (spec->school == NULL)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND, _("No school chosen"));
      return FALSE;
    }
  plan = spec->plan ? spec->plan : ep_school_get_current_plan (spec->school);
  data->unit = EP_UNIT_PERCENT;
  data->all_label = group_label (spec->district, ep_analysis_all_group (spec->district), spec->language);
  data->period = spec->period ? g_strdup (spec->period) : NULL;
  build_scorecard_kind (data, spec, analysis, plan, EP_INDICATOR_LEADING);
  data->n_leading = data->items->len;
  build_scorecard_kind (data, spec, analysis, plan, EP_INDICATOR_LAGGING);
  school = school_name (spec->school, spec->language);
  data->title = g_strdup (_("Balanced scorecard: leading and lagging indicators"));
  /* Translators: a chart subtitle: school, counts of indicators */
  data->subtitle = g_strdup_printf (_("%s · %u leading, %u lagging · each group against %s"), school,
                                    data->n_leading, data->items->len - data->n_leading, data->all_label);
  data->place = g_steal_pointer (&school);
  set_notes (data, spec->district, NULL, NULL);
  return TRUE;
}

static gboolean
build_matrix (EpChartData       *data,
              const EpChartSpec *spec,
              GError           **error)
{
  EpPlan *plan = spec->plan;
  GListModel *ideas;
  guint unscored = 0, chosen = 0;
  g_autofree char *school = NULL;
  g_autofree char *extra = NULL;

  if (plan == NULL && spec->school)
    plan = ep_school_get_current_plan (spec->school);
  if (plan == NULL)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND, _("The school has no plan"));
      return FALSE;
    }
  data->unit = EP_UNIT_COUNT;
  ideas = ep_plan_get_ideas (plan);
  for (guint i = 0, n = g_list_model_get_n_items (ideas); i < n; i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (ideas, i);
      const char *title = ep_idea_get_title (idea);
      EpChartItem *item;

      if (ep_idea_get_impact (idea) <= 0 || ep_idea_get_feasibility (idea) <= 0)
        {
          unscored++;
          continue;
        }
      item = add_item (data, title && *title ? title : ep_idea_get_id (idea));
      item->value = EP_FIGURE_OK (ep_idea_get_impact (idea));
      item->reference = EP_FIGURE_OK (ep_idea_get_feasibility (idea));
      item->position = ep_idea_get_feasibility (idea);
      item->highlighted = ep_idea_get_chosen (idea);
      item->n = ep_idea_get_alignment (idea);
      chosen += item->highlighted;
      /* Translators: tooltip of an idea: title; impact, feasibility, alignment (1–5); chosen or not */
      item->tooltip = g_strdup_printf (_("%s\nImpact %d, feasibility %d, alignment %d of 5%s"),
                                       item->label, ep_idea_get_impact (idea), ep_idea_get_feasibility (idea),
                                       ep_idea_get_alignment (idea),
                                       item->highlighted ? _(" · chosen") : "");
    }
  school = spec->school ? school_name (spec->school, spec->language) : g_strdup (ep_district_get_name (spec->district));
  data->title = g_strdup (_("Ideas by impact and feasibility"));
  /* Translators: chart subtitle: school, plan cycle, "3 of 5 chosen" */
  data->subtitle = g_strdup_printf (_("%s · plan %s · %u of %u chosen"), school, ep_plan_get_cycle (plan),
                                    chosen, data->items->len);
  data->place = g_steal_pointer (&school);
  if (unscored)
    extra = g_strdup_printf (ngettext ("%u idea is not scored yet and not shown.",
                                       "%u ideas are not scored yet and not shown.", unscored), unscored);
  data->notes = g_strdup_printf ("%s%s%s", _("Scores from 1 (low) to 5 (high), given by the team; the alignment score is written beside each idea."),
                                 extra ? " " : "", extra ? extra : "");
  return TRUE;
}

typedef struct {
  EpChartItem item;
  double      key;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;
  gboolean xo = ep_figure_ok (&x->item.value), yo = ep_figure_ok (&y->item.value);

  if (xo != yo)
    return xo ? -1 : 1;
  if (xo && x->key != y->key)
    return x->key > y->key ? -1 : 1;
  if (!xo && x->item.value.reason != y->item.value.reason)
    return (int) x->item.value.reason - (int) y->item.value.reason;
  return g_utf8_collate (x->item.label, y->item.label);
}

/* The group furthest behind district-wide, among those with a figure in
 * at least half of the schools (a group too small everywhere ranks nothing). */
static const char *
rollup_default_group (const EpAnalysis  *analysis,
                      const EpChartSpec *spec,
                      EpIndicator       *aggregate,
                      const char        *period)
{
  g_autoptr(GPtrArray) groups = ep_indicator_list_groups (aggregate);
  GListModel *schools = ep_district_get_schools (spec->district);
  guint n_schools = g_list_model_get_n_items (schools);
  const char *all = ep_analysis_all_group (spec->district);
  const char *best = NULL;
  double worst = -G_MAXDOUBLE;

  for (guint g = 0; g < groups->len; g++)
    {
      EpGroupFigures f;
      guint with = 0, reporting = 0;

      if (g_strcmp0 (groups->pdata[g], all) == 0)
        continue;
      ep_analysis_group (analysis, aggregate, groups->pdata[g], period, &f);
      if (!ep_figure_ok (&f.gap))
        continue;
      for (guint i = 0; i < n_schools; i++)
        {
          g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
          EpIndicator *indicator = ep_school_find_indicator (school, spec->indicator);
          EpFigure r;

          if (indicator == NULL)
            continue;
          reporting++;
          r = ep_analysis_rate (analysis, indicator, groups->pdata[g], period);
          with += ep_figure_ok (&r);
        }
      if (2 * with < reporting)
        continue;
      if (adverse (ep_indicator_get_direction (aggregate), f.gap.value) > worst)
        {
          worst = adverse (ep_indicator_get_direction (aggregate), f.gap.value);
          best = groups->pdata[g];
        }
    }
  return best ? best : furthest_behind (analysis, aggregate, period);
}

static gboolean
build_rollup (EpChartData       *data,
              const EpChartSpec *spec,
              EpAnalysis        *analysis,
              GError           **error)
{
  g_autoptr(EpIndicator) aggregate = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  GListModel *schools;
  const char *group, *all;
  EpPlan *plan = NULL;
  EpGroupFigures f;
  Published published = { 0 };
  guint missing = 0, no_indicator = 0;
  gboolean ratio;
  g_autofree char *measure_words = NULL;

  if (spec->indicator == NULL)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND, _("No indicator chosen"));
      return FALSE;
    }
  aggregate = ep_analysis_aggregate (spec->district, spec->indicator, NULL);
  if (aggregate == NULL || ep_indicator_get_n_measurements (aggregate) == 0)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND,
                   /* Translators: %s is an indicator id */
                   _("No school reports the indicator “%s”"), spec->indicator);
      return FALSE;
    }
  analysis->district_indicator = aggregate;
  data->unit = ep_indicator_get_unit (aggregate);
  data->direction = ep_indicator_get_direction (aggregate);
  data->period = g_strdup (spec->period ? spec->period : latest_period (aggregate));
  if (spec->school)
    plan = spec->plan ? spec->plan : ep_school_get_current_plan (spec->school);
  group = spec->group || plan ? choose_group (spec, plan, analysis, aggregate, data->period)
                              : rollup_default_group (analysis, spec, aggregate, data->period);
  if (group == NULL)
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND, _("No student group to compare"));
      return FALSE;
    }
  all = ep_analysis_all_group (spec->district);
  data->all_label = group_label (spec->district, all, spec->language);
  data->group_label = group_label (spec->district, group, spec->language);

  data->measure = spec->measure;
  if (data->measure == EP_CHART_MEASURE_AUTO)
    data->measure = data->direction == EP_DIRECTION_LOWER_IS_BETTER ? EP_CHART_MEASURE_RISK_RATIO
                                                                      : EP_CHART_MEASURE_GAP;
  if (data->unit == EP_UNIT_MEAN_SCORE)
    data->measure = EP_CHART_MEASURE_GAP;  /* no ratio of mean scores */
  ratio = data->measure == EP_CHART_MEASURE_RISK_RATIO;
  data->threshold = analysis->rules.threshold;

  /* District-wide, for the reference line. */
  ep_analysis_group (analysis, aggregate, group, data->period, &f);
  data->reference = ratio ? f.risk_ratio : f.gap;
  if (spec->shared)
    {
      char *marker = NULL, *all_marker = NULL;
      gboolean n_shown;

      if (withheld (spec, &published, aggregate, data->period, group, &marker, &n_shown) ||
          withheld (spec, &published, aggregate, data->period, all, &all_marker, &n_shown))
        {
          data->reference = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
          data->reference_hidden = marker ? marker : g_steal_pointer (&all_marker);
          marker = NULL;
        }
      g_free (marker);
      g_free (all_marker);
      published_clear (&published);
    }

  ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schools = ep_district_get_schools (spec->district);
  for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      EpIndicator *indicator = ep_school_find_indicator (school, spec->indicator);
      Ranked r = { { 0 } };
      g_autofree char *value = NULL;

      if (indicator == NULL)
        {
          no_indicator++;
          continue;
        }
      ep_analysis_group (analysis, indicator, group, data->period, &f);
      if (spec->shared)
        {
          char *marker = NULL, *all_marker = NULL;
          gboolean n_shown, all_n;
          gboolean hidden = withheld (spec, &published, indicator, data->period, group, &marker, &n_shown);
          gboolean ref_hidden = withheld (spec, &published, indicator, data->period, all, &all_marker, &all_n);

          if (hidden)
            f.rate = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
          if (hidden || ref_hidden)
            {
              f.gap = f.risk_ratio = f.alt_risk_ratio = EP_FIGURE_NONE (EP_REASON_SUPPRESSED_AT_SOURCE);
              f.flags = 0;
              r.item.hidden = hidden ? g_steal_pointer (&marker) : g_steal_pointer (&all_marker);
            }
          if (!n_shown)
            r.item.n = G_MAXUINT;   /* replaced below */
          g_free (marker);
          g_free (all_marker);
          published_clear (&published);
        }
      r.item.label = school_name (school, spec->language);
      r.item.detail = g_strdup (ep_school_get_id (school));
      r.item.unit = data->unit;
      r.item.direction = data->direction;
      r.item.n = r.item.n == G_MAXUINT ? 0 : measurement_n (indicator, group, data->period);
      r.item.reference = f.rate;
      if (ratio)
        {
          r.item.value = ep_figure_ok (&f.risk_ratio) ? f.risk_ratio
                       : ep_figure_ok (&f.alt_risk_ratio) ? f.alt_risk_ratio : f.risk_ratio;
          r.item.highlighted = (f.flags & EP_FLAG_DISPROPORTIONATE) != 0;
          r.key = ep_figure_ok (&r.item.value)
                  ? (data->direction == EP_DIRECTION_LOWER_IS_BETTER ? r.item.value.value : -r.item.value.value) : 0;
          value = ep_figure_ok (&r.item.value) ? format_ratio (r.item.value.value) : ep_chart_item_explain (&r.item);
          r.item.position = (f.flags & EP_FLAG_ALTERNATE) != 0;
        }
      else
        {
          r.item.value = f.gap;
          r.item.highlighted = spec->school == school;
          r.key = ep_figure_ok (&f.gap) ? adverse (data->direction, f.gap.value) : 0;
          value = ep_figure_ok (&f.gap) ? ep_chart_format_gap (data->unit, f.gap.value) : ep_chart_item_explain (&r.item);
        }
      {
        g_autofree char *rate = r.item.hidden && !ep_figure_ok (&f.rate) ? g_strdup (r.item.hidden)
                                                                         : ep_chart_format_figure (data->unit, &f.rate);
        g_autofree char *n_text = r.item.n || !spec->shared ? ep_chart_format_number (r.item.n, 0)
                                                            : g_strdup (ep_district_get_marker (spec->district));

        /* Translators: tooltip of a school in the roll-up: school; measure words, value;
         * group, rate, n */
        r.item.tooltip = g_strdup_printf (_("%s\n%s: %s%s\n%s: %s (n = %s)"), r.item.label,
                                          ratio ? _("Risk ratio") : _("Gap"), value,
                                          ratio && r.item.position ? _(" (alternate: against the district)") : "",
                                          data->group_label, rate, n_text);
      }
      if (!ep_figure_ok (&r.item.value))
        {
          g_autofree char *why = ep_chart_item_explain (&r.item);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (reasons, why));

          g_hash_table_replace (reasons, g_steal_pointer (&why), GUINT_TO_POINTER (count + 1));
          missing++;
        }
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      g_array_append_val (data->items, r->item);
    }
  data->n_ranked = ranked->len - missing;

  data->indicator_name = indicator_name (aggregate, spec->language);
  if (ep_indicator_get_name (aggregate) == NULL || !*ep_indicator_get_name (aggregate))
    {
      /* The aggregate has no name: take a school's. */
      for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
        {
          g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
          EpIndicator *indicator = ep_school_find_indicator (school, spec->indicator);

          if (indicator)
            {
              g_free (data->indicator_name);
              data->indicator_name = indicator_name (indicator, spec->language);
              break;
            }
        }
    }
  measure_words = ratio ? g_strdup (_("risk ratio")) : g_strdup (_("gap"));
  /* Translators: chart title: "Schools ranked by risk ratio: English learners, Chronic absenteeism" */
  data->title = g_strdup_printf (_("Schools ranked by %s: %s, %s"), measure_words,
                                 data->group_label, data->indicator_name);
  if (ratio)
    {
      g_autofree char *threshold = format_ratio (data->threshold);

      /* Translators: subtitle: district, period, threshold */
      data->subtitle = g_strdup_printf (_("%s · %s · flagged beyond %s"), ep_district_get_name (spec->district),
                                        data->period, threshold);
    }
  else
    data->subtitle = g_strdup_printf ("%s · %s · %s", ep_district_get_name (spec->district), data->period,
                                      direction_words (data->direction));
  data->place = g_strdup (ep_district_get_name (spec->district));
  {
    GString *text = g_string_new (NULL);
    GHashTableIter iter;
    gpointer key, value;

    g_autofree char *ranked_text = ep_chart_format_number (data->n_ranked, 0);
    g_autofree char *missing_n = ep_chart_format_number (missing, 0);

    /* Translators: the first %s schools have a figure, the second %s have none */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s school ranked, %s without a figure",
                                            "%s schools ranked, %s without a figure", data->n_ranked),
                            ranked_text, missing_n);
    g_hash_table_iter_init (&iter, reasons);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_autofree char *count = ep_chart_format_number (GPOINTER_TO_UINT (value), 0);

        g_string_append_printf (text, "; %s: %s", (const char *) key, count);
      }
    if (no_indicator)
      {
        g_autofree char *count = ep_chart_format_number (no_indicator, 0);

        /* Translators: schools that do not report the indicator at all */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %s does not report it", "; %s do not report it",
                                                no_indicator),
                                count);
      }
    data->missing_text = g_string_free (text, FALSE);
  }
  set_notes (data, spec->district, NULL,
             ratio ? _("Risk ratio: the group’s rate at the school ÷ all other students’ there (the alternate ratio against the district where those are too few).")
                   : NULL);
  return TRUE;
}

/**
 * ep_chart_data_new:
 *
 * Computes the figures @spec asks for.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL with @error set
 *   (no such school or indicator; %EP_CHART_ERROR_NOT_SUPPORTED for
 *   @spec->shared, see below)
 */
EpChartData *
ep_chart_data_new (const EpChartSpec *spec,
                   GError           **error)
{
  g_autoptr(EpChartData) data = NULL;
  EpAnalysis analysis;
  gboolean ok = FALSE;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (EP_IS_DISTRICT (spec->district), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (spec->shared && spec->kind == EP_CHART_KIND_SCORECARD)
    {
      /* A scorecard's sparklines would need every cell of every period
       * checked; not done yet, so it is refused rather than leaked. */
      g_set_error_literal (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_SUPPORTED,
                           _("A scorecard cannot be shared yet (publication suppression is not applied to it)"));
      return NULL;
    }

  data = chart_data_alloc (spec->kind);
  ep_analysis_init (&analysis, spec->district);
  switch (spec->kind)
    {
    case EP_CHART_KIND_GROUPS:
      ok = build_groups (data, spec, &analysis, error);
      break;
    case EP_CHART_KIND_TREND:
    case EP_CHART_KIND_GAP:
      ok = build_trend_or_gap (data, spec, &analysis, error);
      break;
    case EP_CHART_KIND_SCORECARD:
      ok = build_scorecard (data, spec, &analysis, error);
      break;
    case EP_CHART_KIND_MATRIX:
      ok = build_matrix (data, spec, error);
      break;
    case EP_CHART_KIND_ROLLUP:
      ok = build_rollup (data, spec, &analysis, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (!ok)
    return NULL;
  if (spec->shared && data->notes)
    {
      g_autofree char *shared = NULL;
      char *full;

      /* Translators: in a shared chart's footnote; %s is the district's marker, e.g. "*" */
      shared = g_strdup_printf (_("Shared version: numbers that could identify students are hidden and shown as “%s”."),
                                ep_district_get_marker (spec->district));
      full = g_strdup_printf ("%s %s", data->notes, shared);
      g_free (data->notes);
      data->notes = full;
    }
  return g_steal_pointer (&data);
}

EpChartKind
ep_chart_data_get_kind (EpChartData *data)
{
  return data->kind;
}

EpUnit
ep_chart_data_get_unit (EpChartData *data)
{
  return data->unit;
}

const char *
ep_chart_data_get_title (EpChartData *data)
{
  return data->title;
}

const char *
ep_chart_data_get_subtitle (EpChartData *data)
{
  return data->subtitle;
}

const char *
ep_chart_data_get_notes (EpChartData *data)
{
  return data->notes;
}

const char *
ep_chart_data_get_period (EpChartData *data)
{
  return data->period;
}

EpChartMeasure
ep_chart_data_get_measure (EpChartData *data)
{
  return data->measure;
}

guint
ep_chart_data_get_n_items (EpChartData *data)
{
  return data->items->len;
}

EpChartItem *
ep_chart_data_get_item (EpChartData *data,
                        guint        position)
{
  g_return_val_if_fail (position < data->items->len, NULL);
  return &g_array_index (data->items, EpChartItem, position);
}

/**
 * ep_chart_data_item_at:
 *
 * Returns: the item drawn at (@x, @y) in the last render, or -1
 */
int
ep_chart_data_item_at (EpChartData *data,
                       double       x,
                       double       y)
{
  int found = -1;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < data->items->len; i++)
    {
      const EpChartItem *item = &g_array_index (data->items, EpChartItem, i);
      double cx, cy, d;

      if (item->width <= 0 || item->height <= 0)
        continue;
      if (x < item->x || x > item->x + item->width || y < item->y || y > item->y + item->height)
        continue;
      /* Overlapping boxes (points): the nearest centre wins. */
      cx = item->x + item->width / 2;
      cy = item->y + item->height / 2;
      d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (d < best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

void
ep_chart_data_get_plot_area (EpChartData *data,
                             double      *x,
                             double      *y,
                             double      *width,
                             double      *height,
                             double      *axis_min,
                             double      *axis_max)
{
  if (x) *x = data->plot_x;
  if (y) *y = data->plot_y;
  if (width) *width = data->plot_w;
  if (height) *height = data->plot_h;
  if (axis_min) *axis_min = data->axis_min;
  if (axis_max) *axis_max = data->axis_max;
}

guint
ep_chart_data_get_n_pages (EpChartData *data)
{
  return MAX (1, data->n_pages);
}

/* ------------------------------------------------------------------ */
/* In words, for screen readers and for the SVG/PDF metadata. */

static void
describe_figure (GString           *s,
                 const char        *label,
                 EpUnit             unit,
                 const EpFigure    *figure,
                 const char        *hidden)
{
  g_autofree char *value = hidden ? g_strdup (hidden) : ep_chart_format_figure (unit, figure);

  /* Translators: a group and its figure in a chart's description: "English learners 31.3%" */
  g_string_append_printf (s, _("%s %s"), label, value);
}

/**
 * ep_chart_data_describe:
 *
 * Returns: (transfer full): the chart's figures in words, e.g. "Chronic
 *   absenteeism by student group, … English learners 31.3%, all students
 *   19.7%, gap 11.6 points; …", for screen readers
 */
char *
ep_chart_data_describe (EpChartData *data)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  g_string_append_printf (s, "%s. %s.", data->title, data->subtitle);
  switch (data->kind)
    {
    case EP_CHART_KIND_GROUPS:
      {
        g_autofree char *ref = data->reference_hidden ? g_strdup (data->reference_hidden)
                                                      : ep_chart_format_figure (data->unit, &data->reference);

        for (guint i = 0; i < data->items->len; i++)
          {
            const EpChartItem *item = &g_array_index (data->items, EpChartItem, i);

            g_string_append_c (s, ' ');
            if (ep_figure_ok (&item->value) && ep_figure_ok (&item->reference))
              {
                g_autofree char *value = ep_chart_format_value (data->unit, item->value.value);
                g_autofree char *gap = ep_chart_format_number (fabs (item->reference.value), unit_decimals (data->unit));

                if (item->reference.value > 0)
                  /* Translators: "English learners 31%, all students 58%, gap 27 points above." */
                  g_string_append_printf (s, _("%s %s, %s %s, gap %s points above."), item->label, value,
                                          data->all_label, ref, gap);
                else
                  /* Translators: "English learners 31%, all students 58%, gap 27 points below." */
                  g_string_append_printf (s, _("%s %s, %s %s, gap %s points below."), item->label, value,
                                          data->all_label, ref, gap);
              }
            else
              {
                describe_figure (s, item->label, data->unit, &item->value, item->hidden);
                g_string_append_c (s, '.');
              }
          }
        break;
      }
    case EP_CHART_KIND_TREND:
    case EP_CHART_KIND_GAP:
      for (int series = 0; series < 3; series++)
        {
          gboolean first = TRUE;

          for (guint i = 0; i < data->items->len; i++)
            {
              const EpChartItem *item = &g_array_index (data->items, EpChartItem, i);

              if (item->series != series)
                continue;
              if (first)
                g_string_append_printf (s, " %s:", series == 0 ? data->group_label
                                                   : series == 1 ? data->all_label : _("Plan"));
              g_string_append (s, first ? " " : ", ");
              first = FALSE;
              if (data->kind == EP_CHART_KIND_GAP && ep_figure_ok (&item->value))
                {
                  g_autofree char *gap = ep_chart_format_gap (data->unit, item->value.value);

                  g_string_append_printf (s, _("%s %s"), item->label, gap);
                }
              else
                describe_figure (s, item->label, data->unit, &item->value, item->hidden);
            }
          if (!first)
            g_string_append_c (s, '.');
        }
      break;
    case EP_CHART_KIND_SCORECARD:
      for (guint i = 0; i < data->items->len; i++)
        {
          const EpChartItem *item = &g_array_index (data->items, EpChartItem, i);
          g_autofree char *g = ep_chart_format_figure (item->unit, &item->value);
          g_autofree char *a = ep_chart_format_figure (item->unit, &item->reference);

          /* Translators: scorecard description: indicator (leading/lagging): group value, all value */
          g_string_append_printf (s, _(" %s (%s): %s %s, %s %s."), item->label,
                                  item->series == 0 ? _("leading") : _("lagging"),
                                  item->detail, g, data->all_label, a);
        }
      break;
    case EP_CHART_KIND_MATRIX:
      for (guint i = 0; i < data->items->len; i++)
        {
          const EpChartItem *item = &g_array_index (data->items, EpChartItem, i);

          /* Translators: idea matrix description: title, impact, feasibility, chosen */
          g_string_append_printf (s, _(" %s: impact %d, feasibility %d%s."), item->label,
                                  (int) item->value.value, (int) item->reference.value,
                                  item->highlighted ? _(", chosen") : "");
        }
      break;
    case EP_CHART_KIND_ROLLUP:
      {
        guint shown = MIN (data->items->len, 10);

        g_string_append_printf (s, " %s.", data->missing_text);
        if (shown)
          /* Translators: before the list of the first schools of a roll-up */
          g_string_append_printf (s, ngettext (" First %u:", " First %u:", shown), shown);
        for (guint i = 0; i < shown; i++)
          {
            const EpChartItem *item = &g_array_index (data->items, EpChartItem, i);
            g_autofree char *value = NULL;

            if (ep_figure_ok (&item->value))
              value = data->measure == EP_CHART_MEASURE_RISK_RATIO ? format_ratio (item->value.value)
                                                                   : ep_chart_format_gap (data->unit, item->value.value);
            else
              value = ep_chart_item_explain (item);
            g_string_append_printf (s, "%s %s %s", i ? "," : "", item->label, value);
          }
        if (shown)
          g_string_append_c (s, '.');
        break;
      }
    default:
      break;
    }
  return g_string_free (s, FALSE);
}
