/* test-analysis.c — every method against an example worked by hand or a
 * published figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The arithmetic of each example is written out beside it. Real files come
 * from ../shared/realdata (see its SOURCES.md); tests that need them skip
 * when they are absent.
 */
#include "config.h"

#include <math.h>

#include "ep-test-util.h"

#define assert_value(fig, expected, eps) G_STMT_START {                        \
    const EpFigure fv_ = (fig);                                                \
    const EpFigure *f_ = &fv_;                                                 \
    if (f_->reason != EP_REASON_OK)                                            \
      {                                                                        \
        g_autofree char *why_ = ep_figure_code (f_);                           \
        g_error ("%s: no value (%s), expected %g", #fig, why_, (double) (expected)); \
      }                                                                        \
    if (!(fabs (f_->value - (expected)) <= (eps)))                             \
      g_error ("%s = %.10g, expected %.10g ± %g", #fig, f_->value,             \
               (double) (expected), (double) (eps));                           \
  } G_STMT_END

#define assert_reason(fig, r, code) G_STMT_START {                             \
    const EpFigure fr_ = (fig);                                                \
    g_autofree char *code_ = ep_figure_code (&fr_);                            \
    g_assert_cmpint (fr_.reason, ==, (r));                                     \
    g_assert_cmpstr (code_, ==, (code));                                       \
  } G_STMT_END

static EpDistrict *
new_district (guint min_n,
              guint min_cell)
{
  EpDistrict *district = ep_district_new ("Test district");

  ep_district_add_standard_groups (district);
  ep_district_set_min_n (district, min_n);
  ep_district_set_min_cell (district, min_cell);
  return district;
}

static EpIndicator *
add_indicator (EpDistrict  *district,
               const char  *school_id,
               const char  *id,
               EpDirection  direction)
{
  EpSchool *school = ep_district_find_school (district, school_id);
  g_autoptr(EpIndicator) indicator = ep_indicator_new (id);

  if (school == NULL)
    {
      g_autoptr(EpSchool) s = ep_school_new (school_id, school_id);

      g_assert_true (ep_district_add_school (district, s, NULL));
      school = s;
    }
  ep_indicator_set_name (indicator, id);
  ep_indicator_set_unit (indicator, EP_UNIT_PERCENT);
  ep_indicator_set_direction (indicator, direction);
  ep_school_add_indicator (school, indicator);
  return indicator;
}

static void
count (EpIndicator *indicator,
       const char  *group,
       const char  *period,
       guint32      num,
       guint32      den)
{
  g_autoptr(GError) error = NULL;

  if (!ep_indicator_set_count (indicator, group, period, num, den, &error))
    g_error ("%s %s %s %u/%u: %s", ep_indicator_get_id (indicator), group, period, num, den, error->message);
}

/* ---- Real files ------------------------------------------------------ */

static char *
realdata_path (const char *relative)
{
  const char *root = g_getenv ("EP_REALDATA");
  char *path;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

/* The files used here quote nothing (checked per line), so a split on
 * commas reads them exactly. Calls @row for each data row with the header. */
typedef void (*RowFunc) (GStrv header, GStrv fields, gpointer data);

static gboolean
each_row (const char *relative,
          RowFunc     row,
          gpointer    data)
{
  g_autofree char *path = realdata_path (relative);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/realdata is not here");
      return FALSE;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strchr (contents, '"'));
  lines = g_strsplit (contents, "\n", -1);
  header = g_strsplit (g_strchomp (lines[0]), ",", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (*g_strchomp (lines[i]) == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
      row (header, fields, data);
    }
  return TRUE;
}

static const char *
field (GStrv        header,
       GStrv        fields,
       const char  *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return fields[i];
  g_error ("no column %s", name);
  return NULL;
}

static guint32
field_uint (GStrv       header,
            GStrv       fields,
            const char *name)
{
  const char *s = field (header, fields, name);
  guint64 v = 0;

  g_assert_true (g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT32, &v, NULL));
  return (guint32) v;
}

/* Washington OSPI 2013-14 discipline by district (wa-discipline-2014):
 * X_d students disciplined of X_pop enrolled; empty cells are suppressed. */
static void
wa_row (GStrv    header,
        GStrv    fields,
        gpointer data)
{
  EpDistrict *district = data;
  static const char *const groups[][2] = {
    { "native", "AM" }, { "asian", "AS" }, { "black", "BL" }, { "hispanic", "HI" },
    { "api", "PI" }, { "multi", "TR" }, { "white", "WH" }, { "li", "ED" }, { "se", "SWD" },
  };
  EpIndicator *indicator = add_indicator (district, field (header, fields, "code"),
                                          "discipline", EP_DIRECTION_LOWER_IS_BETTER);

  count (indicator, "all", "2013-14", field_uint (header, fields, "disciplined"),
         field_uint (header, fields, "population"));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *pop = g_strconcat (groups[i][0], "_pop", NULL);
      g_autofree char *d = g_strconcat (groups[i][0], "_d", NULL);

      if (*field (header, fields, pop) == '\0' || *field (header, fields, d) == '\0')
        g_assert_true (ep_indicator_set_suppressed (indicator, groups[i][1], "2013-14", "blank", NULL));
      else
        count (indicator, groups[i][1], "2013-14", field_uint (header, fields, d),
               field_uint (header, fields, pop));
    }
}

static void
test_real_wa_discipline (void)
{
  g_autoptr(EpDistrict) district = new_district (20, 6);
  EpAnalysis analysis;
  EpGroupFigures f;
  EpIndicator *seattle, *lake_washington, *state;

  if (!each_row ("wa-discipline-2014/discipline.csv", wa_row, district))
    return;
  ep_analysis_init (&analysis, district);
  seattle = ep_school_find_indicator (ep_district_find_school (district, "17001"), "discipline");

  /* Seattle: Black 805 of 10,202 = 7.8906 %; all 1,958 of 56,908 = 3.4406 %;
   * gap 4.4500 points (SOURCES.md fact 1). */
  ep_analysis_group (&analysis, seattle, "BL", "2013-14", &f);
  assert_value (f.rate, 7.8906, 1e-4);
  assert_value (f.reference_rate, 3.4406, 1e-4);
  assert_value (f.gap, 4.4500, 1e-4);
  /* Against all other students: (1,958 − 805) / (56,908 − 10,202) =
   * 1,153 / 46,706 = 2.4686 %; risk ratio 7.8906 / 2.4686 = 3.1963 > 3.0,
   * the district default threshold. One year only: not sustained. */
  assert_value (f.risk_ratio, 3.1963, 1e-4);
  g_assert_cmpint (f.alt_risk_ratio.reason, ==, EP_REASON_NOT_APPLICABLE);
  g_assert_cmpuint (f.flags & (EP_FLAG_DISPROPORTIONATE | EP_FLAG_SUSTAINED), ==, EP_FLAG_DISPROPORTIONATE);

  /* Against White students, 481 of 24,739 = 1.9443 %: the Seattle Times'
   * ratio of about 4.06 (7.8906 / 1.9443 = 4.0583). */
  analysis.reference = (EpReference) { EP_REFERENCE_GROUP, "WH" };
  ep_analysis_group (&analysis, seattle, "BL", "2013-14", &f);
  assert_value (f.reference_rate, 1.9443, 1e-4);
  g_assert_cmpfloat_with_epsilon (f.rate.value / f.reference_rate.value, 4.0583, 1e-4);
  assert_value (f.gap, 7.8906 - 1.9443, 1e-3);
  analysis.reference = (EpReference) { EP_REFERENCE_ALL, NULL };

  /* Statewide (fact 2): special education 12,049 / 163,701 = 7.3604 %,
   * low income 32,434 / 569,018 = 5.6999 %. */
  state = ep_school_find_indicator (ep_district_find_school (district, "wa"), "discipline");
  assert_value (ep_analysis_rate (&analysis, state, "SWD", "2013-14"), 7.3604, 1e-4);
  assert_value (ep_analysis_rate (&analysis, state, "ED", "2013-14"), 5.6999, 1e-4);

  /* Lake Washington (fact 3): Native American and Pacific Islander counts
   * suppressed at source; Black 21 of 498 = 4.2169 %. Suppressed is a
   * reason, never 0. */
  lake_washington = ep_school_find_indicator (ep_district_find_school (district, "17414"), "discipline");
  ep_analysis_group (&analysis, lake_washington, "AM", "2013-14", &f);
  assert_reason (f.rate, EP_REASON_SUPPRESSED_AT_SOURCE, "source");
  assert_reason (f.gap, EP_REASON_SUPPRESSED_AT_SOURCE, "source");
  assert_reason (f.risk_ratio, EP_REASON_SUPPRESSED_AT_SOURCE, "source");
  assert_value (ep_analysis_rate (&analysis, lake_washington, "BL", "2013-14"), 4.2169, 1e-4);
}

/* CRDC 2021-22, Virginia (crdc-va-2021-22): in-school suspensions of
 * students without disabilities, by race, summed over sex. */
static void
crdc_row (GStrv    header,
          GStrv    fields,
          gpointer data)
{
  EpDistrict *district = data;
  static const char *const races[] = { "HI", "AM", "AS", "HP", "BL", "WH", "TR" };
  EpIndicator *indicator = add_indicator (district, field (header, fields, "COMBOKEY"),
                                          "iss", EP_DIRECTION_LOWER_IS_BETTER);
  guint32 all_num = 0, all_den = 0;

  for (guint i = 0; i < G_N_ELEMENTS (races); i++)
    {
      g_autofree char *m = g_strdup_printf ("SCH_DISCWODIS_ISS_%s_M", races[i]);
      g_autofree char *f = g_strdup_printf ("SCH_DISCWODIS_ISS_%s_F", races[i]);
      g_autofree char *em = g_strdup_printf ("SCH_ENR_%s_M", races[i]);
      g_autofree char *ef = g_strdup_printf ("SCH_ENR_%s_F", races[i]);
      guint32 num = field_uint (header, fields, m) + field_uint (header, fields, f);
      guint32 den = field_uint (header, fields, em) + field_uint (header, fields, ef);

      /* CRDC 2021-22 perturbs small counts, so a handful of cells count
       * more suspended students than enrolled: the model refuses those
       * (as the importer will), and they are left out here. */
      if (num > den)
        {
          (*(guint *) g_object_get_data (G_OBJECT (district), "inconsistent"))++;
          continue;
        }
      count (indicator, g_str_equal (races[i], "HP") ? "PI" : races[i], "2021-22", num, den);
      all_num += num;
      all_den += den;
    }
  count (indicator, "all", "2021-22", all_num, all_den);
}

static void
test_real_crdc (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 3);
  g_autoptr(EpIndicator) state = NULL;
  EpAnalysis analysis;
  EpGroupFigures f;
  EpIndicator *alexandria, *highlands;
  guint omitted = 99, n_rated = 0, inconsistent = 0;
  EpMeasurement m;

  g_object_set_data (G_OBJECT (district), "inconsistent", &inconsistent);
  if (!each_row ("crdc-va-2021-22/va_cleaned_data.csv", crdc_row, district))
    return;
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 1900);
  g_test_message ("CRDC VA: %u race cells with more suspended than enrolled", inconsistent);
  g_assert_cmpuint (inconsistent, <, 50);
  ep_analysis_init (&analysis, district);
  state = ep_analysis_aggregate (district, "iss", &omitted);
  g_assert_cmpuint (omitted, ==, 0);
  analysis.district_indicator = state;

  /* Alexandria City High School (fact 1): Black 14 + 15 = 29 of
   * 589 + 573 = 1,162 (2.4957 %); White 8 + 1 = 9 of 544 + 550 = 1,094
   * (0.8227 %); ratio 2.4957 / 0.8227 = 3.0337. */
  alexandria = ep_school_find_indicator (ep_district_find_school (district, "510012000054"), "iss");
  analysis.reference = (EpReference) { EP_REFERENCE_GROUP, "WH" };
  ep_analysis_group (&analysis, alexandria, "BL", "2021-22", &f);
  assert_value (f.rate, 2.4957, 1e-4);
  assert_value (f.reference_rate, 0.8227, 1e-4);
  g_assert_cmpfloat_with_epsilon (f.rate.value / f.reference_rate.value, 3.0337, 1e-4);

  /* Highlands Juvenile Detention Home (fact 3) has no Black students:
   * "no students", not a rate of 0. */
  highlands = ep_school_find_indicator (ep_district_find_school (district, "510004202377"), "iss");
  g_assert_true (ep_indicator_lookup (highlands, "BL", "2021-22", &m));
  g_assert_cmpuint (m.denominator, ==, 0);
  assert_reason (ep_analysis_rate (&analysis, highlands, "BL", "2021-22"), EP_REASON_ZERO_DENOMINATOR, "no-students");

  /* The state roll-up holds the sum of the schools (checked on Black
   * students), and every school's figures can be computed. */
  g_assert_true (ep_indicator_lookup (state, "BL", "2021-22", &m));
  {
    guint64 num = 0, den = 0;
    GListModel *schools = ep_district_get_schools (district);

    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
        EpMeasurement sm;

        if (!ep_indicator_lookup (ep_school_find_indicator (school, "iss"), "BL", "2021-22", &sm))
          continue;  /* one of the inconsistent cells */
        num += sm.numerator;
        den += sm.denominator;
      }
    g_assert_cmpuint (m.numerator, ==, num);
    g_assert_cmpuint (m.denominator, ==, den);
  }

  analysis.reference = (EpReference) { EP_REFERENCE_OTHERS, NULL };
  for (guint i = 0; i < g_list_model_get_n_items (ep_district_get_schools (district)); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (ep_district_get_schools (district), i);
      EpIndicator *iss = ep_school_find_indicator (school, "iss");

      ep_analysis_group (&analysis, iss, "BL", "2021-22", &f);
      if (ep_figure_ok (&f.risk_ratio) || ep_figure_ok (&f.alt_risk_ratio))
        n_rated++;
      if (ep_figure_ok (&f.rate))
        g_assert_cmpfloat (f.rate.value, >=, 0);
    }
  /* Most schools have too few Black students with a suspension (cell < 3)
   * for a ratio; some do. */
  g_assert_cmpuint (n_rated, >, 100);
  g_assert_cmpuint (n_rated, <, 1900);
}

/* ---- Worked examples ------------------------------------------------- */

static void
test_minimum_n (void)
{
  g_autoptr(EpDistrict) district = new_district (20, 10);
  EpIndicator *ind = add_indicator (district, "s", "x", EP_DIRECTION_HIGHER_IS_BETTER);
  EpAnalysis analysis;
  EpGroupFigures f;
  g_autofree char *why = NULL;

  count (ind, "all", "2024-25", 100, 200);
  count (ind, "PI", "2024-25", 3, 15);    /* n = 15 < 20 */
  count (ind, "AS", "2024-25", 5, 40);    /* n ok, 5 < cell size 10 */
  ep_analysis_init (&analysis, district);

  ep_analysis_group (&analysis, ind, "PI", "2024-25", &f);
  assert_reason (f.rate, EP_REASON_BELOW_MIN_N, "n<20");
  assert_reason (f.gap, EP_REASON_BELOW_MIN_N, "n<20");
  assert_reason (f.risk_ratio, EP_REASON_BELOW_MIN_N, "n<20");
  assert_reason (f.successes_needed, EP_REASON_BELOW_MIN_N, "n<20");
  g_assert_cmpfloat (f.rate.value, ==, 0);  /* no value at all … */
  why = ep_figure_explain (&f.rate);
  g_assert_cmpstr (why, ==, "n < 20");      /* … and the reason says why */

  /* The rate of 5 of 40 (12.5 %) is shown; a ratio on 5 students is not
   * (IDEA: minimum cell size applies to the risk numerator). */
  ep_analysis_group (&analysis, ind, "AS", "2024-25", &f);
  assert_value (f.rate, 12.5, 1e-9);
  assert_value (f.gap, 12.5 - 50, 1e-9);
  assert_reason (f.risk_ratio, EP_REASON_BELOW_MIN_CELL, "cell<10");

  /* A group absent this year. */
  ep_analysis_group (&analysis, ind, "BL", "2024-25", &f);
  g_assert_false (f.has_measurement);
  assert_reason (f.rate, EP_REASON_NO_DATA, "no-data");
  assert_reason (f.gap, EP_REASON_NO_DATA, "no-data");
}

static void
test_risk_ratio_alternate (void)
{
  g_autoptr(EpDistrict) district = new_district (20, 5);
  EpIndicator *small = add_indicator (district, "small", "susp", EP_DIRECTION_LOWER_IS_BETTER);
  EpIndicator *big = add_indicator (district, "big", "susp", EP_DIRECTION_LOWER_IS_BETTER);
  g_autoptr(EpIndicator) roll = NULL;
  EpAnalysis analysis;
  EpGroupFigures f;

  /* A school that is nearly all one group: BL 20 of 100 suspended; all
   * students 21 of 110, so the other students are 1 of 10 — below n = 20. */
  count (small, "all", "2024-25", 21, 110);
  count (small, "BL", "2024-25", 20, 100);
  /* A large school: BL 30 of 300, all 70 of 1,300. */
  count (big, "all", "2024-25", 70, 1300);
  count (big, "BL", "2024-25", 30, 300);

  ep_analysis_init (&analysis, district);
  roll = ep_analysis_aggregate (district, "susp", NULL);
  analysis.district_indicator = roll;

  /* District: all 91 of 1,410; BL 50 of 400; others 41 of 1,010 = 4.0594 %.
   * Alternate ratio for the small school: 20 % / 4.0594 % = 4.9268. */
  ep_analysis_group (&analysis, small, "BL", "2024-25", &f);
  assert_value (f.rate, 20.0, 1e-9);
  assert_reason (f.risk_ratio, EP_REASON_REFERENCE_BELOW_MIN, "reference<20");
  assert_value (f.alt_risk_ratio, 20.0 / (100.0 * 41 / 1010), 1e-9);
  g_assert_cmpfloat_with_epsilon (f.alt_risk_ratio.value, 4.9268, 1e-4);
  g_assert_cmpuint (f.flags, ==, EP_FLAG_ALTERNATE | EP_FLAG_DISPROPORTIONATE);

  /* The large school: 10 % against 40 of 1,000 = 4 %: ratio 2.5, under
   * the threshold of 3, and no alternate needed. */
  ep_analysis_group (&analysis, big, "BL", "2024-25", &f);
  assert_value (f.risk_ratio, 2.5, 1e-12);
  assert_reason (f.alt_risk_ratio, EP_REASON_NOT_APPLICABLE, "n/a");
  g_assert_cmpuint (f.flags, ==, 0);

  /* Without a roll-up there is no alternate: the reason stays. */
  analysis.district_indicator = NULL;
  ep_analysis_group (&analysis, small, "BL", "2024-25", &f);
  assert_reason (f.alt_risk_ratio, EP_REASON_NOT_APPLICABLE, "n/a");
  g_assert_cmpuint (f.flags, ==, 0);
}

static void
test_risk_ratio_sustained (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *ind = add_indicator (district, "s", "susp", EP_DIRECTION_LOWER_IS_BETTER);
  EpAnalysis analysis;
  EpGroupFigures f;
  /* Others are always 10 of 400 = 2.5 %; BL over 100 students:
   *   2021-22 10 → 10 %  ratio 4.0 (above 3)
   *   2022-23  5 →  5 %  ratio 2.0 (below)
   *   2023-24  8 →  8 %  ratio 3.2
   *   2024-25  9 →  9 %  ratio 3.6
   *   2025-26 12 → 12 %  ratio 4.8
   * Three consecutive years above 3.0 first in 2025-26. */
  static const struct { const char *period; guint32 bl; } years[] = {
    { "2021-22", 10 }, { "2022-23", 5 }, { "2023-24", 8 }, { "2024-25", 9 }, { "2025-26", 12 },
  };
  static const guint expected[] = {
    EP_FLAG_DISPROPORTIONATE, 0, EP_FLAG_DISPROPORTIONATE, EP_FLAG_DISPROPORTIONATE,
    EP_FLAG_DISPROPORTIONATE | EP_FLAG_SUSTAINED,
  };
  static const double ratios[] = { 4.0, 2.0, 3.2, 3.6, 4.8 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      count (ind, "all", years[i].period, 10 + years[i].bl, 500);
      count (ind, "BL", years[i].period, years[i].bl, 100);
    }
  ep_analysis_init (&analysis, district);
  g_assert_cmpfloat (analysis.rules.threshold, ==, 3.0);
  g_assert_cmpuint (analysis.rules.periods, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      ep_analysis_group (&analysis, ind, "BL", years[i].period, &f);
      assert_value (f.risk_ratio, ratios[i], 1e-12);
      g_assert_cmpuint (f.flags, ==, expected[i]);
    }

  /* The district's settings are used: two years at 3.5 flag nothing
   * sustained in 2024-25 (ratio 3.6 only once above 3.5 before 2025-26). */
  ep_district_set_risk_ratio_threshold (district, 3.5);
  ep_district_set_risk_ratio_periods (district, 2);
  ep_analysis_init (&analysis, district);
  ep_analysis_group (&analysis, ind, "BL", "2024-25", &f);
  g_assert_cmpuint (f.flags, ==, EP_FLAG_DISPROPORTIONATE);
  ep_analysis_group (&analysis, ind, "BL", "2025-26", &f);
  g_assert_cmpuint (f.flags, ==, EP_FLAG_DISPROPORTIONATE | EP_FLAG_SUSTAINED);
}

static void
test_under_representation (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *ind = add_indicator (district, "s", "ap", EP_DIRECTION_HIGHER_IS_BETTER);
  EpAnalysis analysis;
  EpGroupFigures f;

  /* Advanced courses, an outcome to reach: EL 2 of 100 (2 %) against
   * others 80 of 800 (10 %): ratio 0.2 < 1 / 3 — under-represented. */
  count (ind, "all", "2024-25", 82, 900);
  count (ind, "EL", "2024-25", 2, 100);
  ep_analysis_init (&analysis, district);
  ep_analysis_group (&analysis, ind, "EL", "2024-25", &f);
  assert_value (f.risk_ratio, 0.2, 1e-12);
  g_assert_true (f.flags & EP_FLAG_DISPROPORTIONATE);
}

static void
test_index80_proportionality (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *ind = add_indicator (district, "s", "pass", EP_DIRECTION_HIGHER_IS_BETTER);
  EpIndicator *susp = add_indicator (district, "s", "susp", EP_DIRECTION_LOWER_IS_BETTER);
  EpAnalysis analysis;
  EpGroupFigures f;

  /* Pass rates: WH 60 of 100 (60 %), HI 90 of 200 (45 %), BL 30 of 100
   * (30 %), all 180 of 400 (45 %).
   * 80% index: 60/60 = 1, 45/60 = 0.75, 30/60 = 0.5 (the last two flagged).
   * Proportionality: HI has 90/180 = 50 % of the passes and 200/400 =
   * 50 % of the students: 1.0; BL 30/180 ÷ 100/400 = 0.6667; WH 60/180 ÷
   * 100/400 = 1.3333. */
  count (ind, "all", "2024-25", 180, 400);
  count (ind, "WH", "2024-25", 60, 100);
  count (ind, "HI", "2024-25", 90, 200);
  count (ind, "BL", "2024-25", 30, 100);
  count (ind, "PI", "2024-25", 1, 5);  /* below n: not the "best group" */
  ep_analysis_init (&analysis, district);

  ep_analysis_group (&analysis, ind, "WH", "2024-25", &f);
  assert_value (f.index80, 1.0, 1e-12);
  assert_value (f.proportionality, 4.0 / 3.0, 1e-12);
  g_assert_false (f.flags & EP_FLAG_BELOW_80);
  ep_analysis_group (&analysis, ind, "HI", "2024-25", &f);
  assert_value (f.index80, 0.75, 1e-12);
  assert_value (f.proportionality, 1.0, 1e-12);
  assert_value (f.gap, 0.0, 1e-12);     /* percentage point gap: 45 − 45 */
  g_assert_true (f.flags & EP_FLAG_BELOW_80);
  ep_analysis_group (&analysis, ind, "BL", "2024-25", &f);
  assert_value (f.index80, 0.5, 1e-12);
  assert_value (f.proportionality, 2.0 / 3.0, 1e-12);
  assert_value (f.gap, -15.0, 1e-12);
  ep_analysis_group (&analysis, ind, "PI", "2024-25", &f);
  assert_reason (f.index80, EP_REASON_BELOW_MIN_N, "n<10");
  /* EL is the only group of its category: no comparison to make. */
  count (ind, "EL", "2024-25", 10, 40);
  ep_analysis_group (&analysis, ind, "EL", "2024-25", &f);
  assert_reason (f.index80, EP_REASON_NOT_APPLICABLE, "n/a");
  ep_analysis_group (&analysis, ind, "all", "2024-25", &f);
  assert_reason (f.index80, EP_REASON_NOT_APPLICABLE, "n/a");
  assert_reason (f.gap, EP_REASON_NOT_APPLICABLE, "n/a");

  /* For an outcome to avoid the favourable rate is 100 − rate: suspended
   * WH 2 of 100 (98 % not), BL 12 of 100 (88 %): 88 / 98 = 0.8980. */
  count (susp, "all", "2024-25", 14, 200);
  count (susp, "WH", "2024-25", 2, 100);
  count (susp, "BL", "2024-25", 12, 100);
  ep_analysis_group (&analysis, susp, "BL", "2024-25", &f);
  assert_value (f.index80, 88.0 / 98.0, 1e-12);
  /* BL hold 12/14 of the suspensions and half the students: 1.7143. */
  assert_value (f.proportionality, (12.0 / 14.0) / 0.5, 1e-12);
}

static void
test_successes_needed (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *ind = add_indicator (district, "s", "pass", EP_DIRECTION_HIGHER_IS_BETTER);
  EpIndicator *abs = add_indicator (district, "s", "absence", EP_DIRECTION_LOWER_IS_BETTER);
  EpAnalysis analysis;
  EpGroupFigures f;

  /* EL 31 of 100 pass; all 300 of 600 (50 %).
   * Against all students (who change with the group): (31 + x) / 100 ≥
   * (300 + x) / 600 ⇔ x ≥ (300·100 − 31·600) / (600 − 100) = 11,400 / 500
   * = 22.8 → 23. Check: 54/100 = 54 % ≥ 323/600 = 53.8 %; with 22,
   * 53 % < 322/600 = 53.7 %. */
  count (ind, "all", "2024-25", 300, 600);
  count (ind, "EL", "2024-25", 31, 100);
  count (ind, "WH", "2024-25", 50, 80);
  ep_analysis_init (&analysis, district);
  ep_analysis_group (&analysis, ind, "EL", "2024-25", &f);
  assert_value (f.successes_needed, 23, 0);

  /* Against the other students, 269 of 500 = 53.8 %, who do not change:
   * x ≥ (269·100 − 31·500) / 500 = 11,400 / 500 = 22.8 → 23. */
  analysis.reference = (EpReference) { EP_REFERENCE_OTHERS, NULL };
  ep_analysis_group (&analysis, ind, "EL", "2024-25", &f);
  assert_value (f.successes_needed, 23, 0);
  assert_value (f.gap, 31.0 - 53.8, 1e-9);

  /* Against White students, 50 of 80 = 62.5 %: 62.5 − 31 = 31.5 → 32. */
  analysis.reference = (EpReference) { EP_REFERENCE_GROUP, "WH" };
  ep_analysis_group (&analysis, ind, "EL", "2024-25", &f);
  assert_value (f.successes_needed, 32, 0);
  /* A group already above the reference needs none. */
  analysis.reference = (EpReference) { EP_REFERENCE_ALL, NULL };
  ep_analysis_group (&analysis, ind, "WH", "2024-25", &f);
  assert_value (f.successes_needed, 0, 0);

  /* Chronic absence, an outcome to avoid (the demo plan's numbers): EL 64
   * of 202 absent (31.68 %), all 150 of 1,000 (15 %). Fewer absent needed:
   * (64 − x) / 202 ≤ (150 − x) / 1000 ⇔ x ≥ (64·1000 − 150·202) / (1000 −
   * 202) = 33,700 / 798 = 42.23 → 43. */
  count (abs, "all", "2024-25", 150, 1000);
  count (abs, "EL", "2024-25", 64, 202);
  ep_analysis_group (&analysis, abs, "EL", "2024-25", &f);
  assert_value (f.successes_needed, 43, 0);
  /* To reach a target of 20 %: 64 − 0.20·202 = 23.6 → 24 (40 of 202 =
   * 19.8 %; 41 of 202 = 20.3 %). */
  assert_value (ep_analysis_successes_to_rate (abs, "EL", "2024-25", 20.0), 24, 0);
  /* And a pass-rate target of 50 %: 50 − 31 = 19 more. */
  assert_value (ep_analysis_successes_to_rate (ind, "EL", "2024-25", 50.0), 19, 0);

  /* A group that is the whole school: its gap to all students is 0 and
   * nobody is needed; there are no other students to compare with. */
  count (abs, "SWD", "2024-25", 150, 1000);
  ep_analysis_group (&analysis, abs, "SWD", "2024-25", &f);
  assert_value (f.gap, 0, 0);
  assert_value (f.successes_needed, 0, 0);
  assert_reason (f.risk_ratio, EP_REASON_REFERENCE_BELOW_MIN, "reference<10");
  analysis.reference = (EpReference) { EP_REFERENCE_OTHERS, NULL };
  ep_analysis_group (&analysis, abs, "SWD", "2024-25", &f);
  assert_reason (f.gap, EP_REASON_REFERENCE_BELOW_MIN, "reference<10");
}

static void
test_gap_change_and_zero (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *ind = add_indicator (district, "s", "pass", EP_DIRECTION_HIGHER_IS_BETTER);
  EpAnalysis analysis;
  EpGroupFigures f;

  /* Gap of EL to all: 2022-23 20/100 − 250/500 = −30 points; 2024-25
   * 35/100 − 260/500 = −17 points: the gap narrowed by 13 points. */
  count (ind, "all", "2022-23", 250, 500);
  count (ind, "EL", "2022-23", 20, 100);
  count (ind, "all", "2024-25", 260, 500);
  count (ind, "EL", "2024-25", 35, 100);
  count (ind, "all", "2023-24", 0, 0);
  count (ind, "EL", "2023-24", 0, 0);
  ep_analysis_init (&analysis, district);
  analysis.baseline_period = "2022-23";
  ep_analysis_group (&analysis, ind, "EL", "2024-25", &f);
  assert_value (f.gap, -17, 1e-9);
  assert_value (f.gap_change, 13, 1e-9);

  /* A year with no students: reasons, not zeros. */
  ep_analysis_group (&analysis, ind, "EL", "2023-24", &f);
  assert_reason (f.rate, EP_REASON_ZERO_DENOMINATOR, "no-students");
  assert_reason (f.gap_change, EP_REASON_ZERO_DENOMINATOR, "no-students");

  /* No comparison rate of zero is divided by. */
  count (ind, "all", "2021-22", 5, 200);
  count (ind, "EL", "2021-22", 5, 50);
  ep_analysis_group (&analysis, ind, "EL", "2021-22", &f);
  assert_reason (f.risk_ratio, EP_REASON_REFERENCE_BELOW_MIN, "reference<1");
  ep_district_set_min_cell (district, 0);
  ep_analysis_init (&analysis, district);
  ep_analysis_group (&analysis, ind, "EL", "2021-22", &f);
  assert_reason (f.risk_ratio, EP_REASON_ZERO_REFERENCE, "zero-reference");
}

static void
test_weighted_risk_ratio (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *a = add_indicator (district, "a", "susp", EP_DIRECTION_LOWER_IS_BETTER);
  EpIndicator *b = add_indicator (district, "b", "susp", EP_DIRECTION_LOWER_IS_BETTER);
  g_autoptr(EpIndicator) roll = NULL;
  EpAnalysis analysis;
  EpFigure wrr;

  /* District composition (both schools): HI 500, BL 300, WH 200 of 1,000
   * → p = 0.5, 0.3, 0.2.
   * School a risks: HI 10 of 100 (10 %), BL 40 of 200 (20 %), WH 5 of 100
   * (5 %). School b supplies the rest of the district's students.
   * WRR for BL at a (Westat 2004):
   *   R_BL / ((p_HI R_HI + p_WH R_WH) / (p_HI + p_WH))
   *   = 20 / ((0.5·10 + 0.2·5) / 0.7) = 20 / 8.5714 = 2.3333. */
  count (a, "HI", "2024-25", 10, 100);
  count (a, "BL", "2024-25", 40, 200);
  count (a, "WH", "2024-25", 5, 100);
  count (b, "HI", "2024-25", 20, 400);
  count (b, "BL", "2024-25", 3, 100);
  count (b, "WH", "2024-25", 1, 100);
  ep_analysis_init (&analysis, district);
  roll = ep_analysis_aggregate (district, "susp", NULL);
  analysis.district_indicator = roll;

  wrr = ep_analysis_weighted_risk_ratio (&analysis, a, "BL", "2024-25");
  assert_value (wrr, 20.0 / ((0.5 * 10 + 0.2 * 5) / 0.7), 1e-12);
  g_assert_cmpfloat_with_epsilon (wrr.value, 2.3333, 1e-4);
  /* WH: 5 / ((0.5·10 + 0.3·20) / 0.8) = 5 / 13.75 = 0.3636. */
  assert_value (ep_analysis_weighted_risk_ratio (&analysis, a, "WH", "2024-25"), 5.0 / 13.75, 1e-12);
  assert_reason (ep_analysis_weighted_risk_ratio (&analysis, a, "all", "2024-25"), EP_REASON_NOT_APPLICABLE, "n/a");
}

static void
test_aggregate (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *a = add_indicator (district, "a", "score", EP_DIRECTION_HIGHER_IS_BETTER);
  EpIndicator *b = add_indicator (district, "b", "score", EP_DIRECTION_HIGHER_IS_BETTER);
  g_autoptr(EpIndicator) roll = NULL;
  EpMeasurement m;
  guint omitted = 0;

  ep_indicator_set_unit (a, EP_UNIT_MEAN_SCORE);
  ep_indicator_set_unit (b, EP_UNIT_MEAN_SCORE);
  /* Means weighted by n: (230·10 + 250·30) / 40 = 9,800 / 40 = 245. */
  g_assert_true (ep_indicator_set_value (a, "EL", "2024-25", 230, 10, NULL));
  g_assert_true (ep_indicator_set_value (b, "EL", "2024-25", 250, 30, NULL));
  g_assert_true (ep_indicator_set_suppressed (b, "PI", "2024-25", "*", NULL));
  roll = ep_analysis_aggregate (district, "score", &omitted);
  g_assert_cmpuint (omitted, ==, 1);
  g_assert_true (ep_indicator_lookup (roll, "EL", "2024-25", &m));
  g_assert_cmpfloat_with_epsilon (m.value, 245, 1e-9);
  g_assert_cmpuint (m.n, ==, 40);
  g_assert_false (ep_indicator_lookup (roll, "PI", "2024-25", NULL));
  g_assert_cmpint (ep_indicator_get_unit (roll), ==, EP_UNIT_MEAN_SCORE);
  g_assert_null (ep_analysis_aggregate (district, "nothing", NULL));
}

static EpPlan *
add_plan (EpDistrict  *district,
          const char  *school_id,
          const char  *cycle,
          const char  *indicator,
          double       baseline,
          double       target)
{
  g_autoptr(EpPlan) plan = ep_plan_new (cycle);

  ep_plan_set_problem_group (plan, "EL");
  ep_plan_set_problem_indicator (plan, indicator);
  ep_plan_set_baseline (plan, baseline);
  ep_plan_set_baseline_period (plan, "2024-25");
  ep_plan_set_target (plan, target);
  ep_plan_set_target_period (plan, "2027-28");
  ep_school_add_plan (ep_district_find_school (district, school_id), plan);
  return plan;
}

static void
test_on_track (void)
{
  g_autoptr(EpDistrict) district = new_district (10, 1);
  EpIndicator *abs = add_indicator (district, "s", "absence", EP_DIRECTION_LOWER_IS_BETTER);
  EpIndicator *read = add_indicator (district, "s", "reading", EP_DIRECTION_HIGHER_IS_BETTER);
  EpSchool *school = ep_district_find_school (district, "s");
  EpPlan *plan = add_plan (district, "s", "2024-25", "absence", 30, 20);
  EpPlan *plan2 = add_plan (district, "s", "2024-25 reading", "reading", 30, 50);
  EpAnalysis analysis;
  EpTrack track;

  ep_analysis_init (&analysis, district);

  /* Absence 30 % → 20 % from 2024-25 to 2027-28: the path loses 10/3 a
   * year. In 2025-26, 64 of 202 = 31.683 % against a path of 26.667 %:
   * behind. Projection through (0, 30) and (1, 31.683): slope 1.683, at
   * year 3: 30 + 3·1.683 = 35.050. */
  count (abs, "EL", "2025-26", 64, 202);
  ep_analysis_track (&analysis, school, plan, NULL, &track);
  g_assert_cmpint (track.state, ==, EP_TRACK_BEHIND);
  g_assert_cmpstr (track.period, ==, "2025-26");
  g_assert_cmpint (track.baseline_year, ==, 2024);
  g_assert_cmpint (track.target_year, ==, 2027);
  assert_value (track.current, 100.0 * 64 / 202, 1e-9);
  assert_value (track.path, 30 - 10.0 / 3, 1e-9);
  assert_value (track.projected, 30 + 3 * (100.0 * 64 / 202 - 30), 1e-9);
  g_assert_cmpfloat_with_epsilon (track.projected.value, 35.050, 1e-3);
  /* 64 − 0.2·202 = 23.6 → 24 fewer students absent. */
  assert_value (track.successes_to_target, 24, 0);

  /* Reading 30 % → 50 %: path 36.667 % in 2025-26, 43.333 % in 2026-27.
   * 37 of 100 is ahead; 4,333 of 10,000 (43.33 %) is on the path (within
   * 0.05); the least-squares line through (0, 30), (1, 37), (2, 43.33):
   *   x̄ = 1, ȳ = 36.777…, slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−1·−6.777 + 1·6.553)/2
   *   = 6.665, projection at 3 = 36.777 + 2·6.665 = 50.107. */
  count (read, "EL", "2025-26", 37, 100);
  ep_analysis_track (&analysis, school, plan2, "2025-26", &track);
  g_assert_cmpint (track.state, ==, EP_TRACK_AHEAD);
  count (read, "EL", "2026-27", 4333, 10000);
  ep_analysis_track (&analysis, school, plan2, NULL, &track);
  g_assert_cmpstr (track.period, ==, "2026-27");
  g_assert_cmpint (track.state, ==, EP_TRACK_ON);
  assert_value (track.projected, (30 + 37 + 43.33) / 3 + 2 * (43.33 - 30) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (track.projected.value, 50.107, 1e-3);

  /* After the target year the path stays at the target. */
  count (read, "EL", "2028-29", 49, 100);
  ep_analysis_track (&analysis, school, plan2, "2028-29", &track);
  assert_value (track.path, 50, 0);
  g_assert_cmpint (track.state, ==, EP_TRACK_BEHIND);

  /* A plan without a target date cannot be judged. */
  ep_plan_set_target_period (plan2, NULL);
  ep_analysis_track (&analysis, school, plan2, NULL, &track);
  g_assert_cmpint (track.state, ==, EP_TRACK_UNKNOWN);
  /* Nor a group too small this year. */
  count (abs, "EL", "2026-27", 1, 5);
  ep_analysis_track (&analysis, school, plan, "2026-27", &track);
  g_assert_cmpint (track.state, ==, EP_TRACK_UNKNOWN);
  g_assert_cmpint (track.reason, ==, EP_REASON_BELOW_MIN_N);
}

static void
test_period_year (void)
{
  g_assert_cmpint (ep_period_year ("2024-25"), ==, 2024);
  g_assert_cmpint (ep_period_year ("2024"), ==, 2024);
  g_assert_cmpint (ep_period_year ("2024-25 S1"), ==, 2024);
  g_assert_cmpint (ep_period_year ("Fall"), ==, -1);
  g_assert_cmpint (ep_period_year ("20245"), ==, -1);
  g_assert_cmpint (ep_period_year (NULL), ==, -1);
}

static void
test_demo (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  EpSchool *school = ep_district_find_school (district, "060000100002");
  EpPlan *plan;
  EpAnalysis analysis;
  EpTrack track;

  g_assert_nonnull (school);
  plan = ep_school_get_current_plan (school);
  ep_analysis_init (&analysis, district);
  ep_analysis_track (&analysis, school, plan, NULL, &track);
  /* The demo plan: EL chronic absence 31.7 % → 20 % by 2027-28, with data
   * up to the baseline period only. Issue 14, defect 9: that is not "on
   * track" — nothing has been measured since the baseline. */
  g_assert_cmpint (track.state, ==, EP_TRACK_UNKNOWN);
  g_assert_cmpint (track.reason, ==, EP_REASON_NO_LATER_PERIOD);
  g_assert_cmpstr (track.period, ==, "2024-25");
  g_assert_true (ep_figure_ok (&track.current));

  /* A year later: 60 of 210 = 28.6 %, where the straight path from 31.7 %
   * to 20 % over three years is at 27.8 % (31.7 − 11.7 / 3): behind. */
  {
    EpIndicator *absence = ep_school_find_indicator (school, "chronic-absence");
    g_autoptr(GError) error = NULL;

    g_assert_true (ep_indicator_set_count (absence, "EL", "2025-26", 60, 210, &error));
    g_assert_no_error (error);
    ep_analysis_track (&analysis, school, plan, NULL, &track);
    g_assert_cmpstr (track.period, ==, "2025-26");
    g_assert_cmpint (track.state, ==, EP_TRACK_BEHIND);
    g_assert_cmpfloat_with_epsilon (track.path.value, 31.7 - 11.7 / 3.0, 1e-9);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/minimum-n", test_minimum_n);
  g_test_add_func ("/analysis/risk-ratio/alternate", test_risk_ratio_alternate);
  g_test_add_func ("/analysis/risk-ratio/sustained", test_risk_ratio_sustained);
  g_test_add_func ("/analysis/risk-ratio/under-representation", test_under_representation);
  g_test_add_func ("/analysis/risk-ratio/weighted", test_weighted_risk_ratio);
  g_test_add_func ("/analysis/index80-proportionality", test_index80_proportionality);
  g_test_add_func ("/analysis/successes-needed", test_successes_needed);
  g_test_add_func ("/analysis/gap-change-and-zero", test_gap_change_and_zero);
  g_test_add_func ("/analysis/aggregate", test_aggregate);
  g_test_add_func ("/analysis/on-track", test_on_track);
  g_test_add_func ("/analysis/period-year", test_period_year);
  g_test_add_func ("/analysis/demo", test_demo);
  g_test_add_func ("/analysis/real/wa-discipline", test_real_wa_discipline);
  g_test_add_func ("/analysis/real/crdc-va", test_real_crdc);

  return g_test_run ();
}
