/* test-suppress.c — publication suppression: worked examples and an attacker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ep-test-util.h"

#define S   EP_PUBLISH_SHOWN
#define P   EP_PUBLISH_PRIMARY
#define C   EP_PUBLISH_COMPLEMENTARY
#define SRC EP_PUBLISH_SOURCE
#define TOP EP_PUBLISH_TOP_CODED
#define BOT EP_PUBLISH_BOTTOM_CODED
#define MIS EP_PUBLISH_MISSING

#define ALL  EP_GROUP_CATEGORY_ALL
#define RACE EP_GROUP_CATEGORY_RACE_ETHNICITY
#define INC  EP_GROUP_CATEGORY_INCOME
#define LANG EP_GROUP_CATEGORY_LANGUAGE
#define SEX  EP_GROUP_CATEGORY_SEX

/* min_n 10, min_cell 5, no coding, complementary on */
static const EpPublishRules plain_rules = { 10, 5, TRUE, TRUE, 100, 0 };

static EpPublishCell
count (const char      *group,
       EpGroupCategory  category,
       guint32          numerator,
       guint32          denominator)
{
  return (EpPublishCell) { group, category, TRUE, numerator, denominator, S, S };
}

static EpPublishCell
source (const char      *group,
        EpGroupCategory  category,
        gboolean         n_known,
        guint32          n)
{
  return (EpPublishCell) { group, category, FALSE, 0, n, SRC, n_known ? S : MIS };
}

#define assert_cell(cells, n_cells, id, count_expected, n_expected) \
  G_STMT_START { \
    const EpPublishCell *found_ = find_cell ((cells), (n_cells), (id)); \
    g_assert_cmpint (found_->count_state, ==, (count_expected)); \
    g_assert_cmpint (found_->n_state, ==, (n_expected)); \
  } G_STMT_END

static const EpPublishCell *
find_cell (const EpPublishCell *cells,
           guint                n_cells,
           const char          *group)
{
  for (guint i = 0; i < n_cells; i++)
    if (g_strcmp0 (cells[i].group, group) == 0)
      return &cells[i];
  g_error ("no cell for group %s", group);
}

static void
test_rules_from_district (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  EpPublishRules rules;

  ep_district_set_min_n (district, 20);
  ep_district_set_min_cell (district, 7);
  ep_district_set_complementary (district, FALSE);
  ep_district_set_top_code (district, 98);
  ep_publish_rules_from_district (district, &rules);
  g_assert_cmpuint (rules.min_n, ==, 20);
  g_assert_cmpuint (rules.min_cell, ==, 7);
  g_assert_true (rules.suppression);
  g_assert_false (rules.complementary);
  g_assert_cmpfloat (rules.top_code, ==, 98);
  g_assert_cmpfloat (rules.bottom_code, ==, 5);
}

/* A race table where American Indian students number 3. */
static void
test_primary_and_complementary (void)
{
  EpPublishCell cells[] = {
    count ("all", ALL, 60, 200),
    count ("HI", RACE, 25, 80),
    count ("BL", RACE, 18, 45),
    count ("WH", RACE, 9, 60),
    count ("AS", RACE, 6, 12),
    count ("AM", RACE, 2, 3),
  };

  ep_publish_cells (&plain_rules, cells, G_N_ELEMENTS (cells));

  /* AM: n = 3 < 10: count and n hidden.
   * Its n would be 200 − (80 + 45 + 60 + 12) = 3 and its count
   * 60 − (25 + 18 + 9 + 6) = 2, so the smallest other n, AS (12), is hidden
   * with its count. Now AM n + AS n = 15 and AM + AS = 8: AM n ∈ [0, 15]
   * (not below 10), AM count ∈ [0, 8] (not below 5). */
  assert_cell (cells, G_N_ELEMENTS (cells), "AM", P, P);
  assert_cell (cells, G_N_ELEMENTS (cells), "AS", C, C);
  /* All others: count ≥ 5, n − count ≥ 5, n ≥ 10. */
  assert_cell (cells, G_N_ELEMENTS (cells), "all", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "HI", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "BL", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "WH", S, S);
}

static void
test_two_zeros (void)
{
  EpPublishCell cells[] = {
    count ("all", ALL, 40, 300),
    count ("HI", RACE, 0, 20),
    count ("BL", RACE, 0, 25),
    count ("WH", RACE, 22, 130),
    count ("AS", RACE, 18, 125),
  };

  ep_publish_cells (&plain_rules, cells, G_N_ELEMENTS (cells));

  /* HI and BL: count 0 < 5, hidden; their n (20, 25) stay shown.
   * Together they are 40 − 22 − 18 = 0: both are 0. The next smallest
   * count, AS (18), is hidden: HI + BL + AS = 18, each in [0, 18]. */
  assert_cell (cells, G_N_ELEMENTS (cells), "HI", P, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "BL", P, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "AS", C, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "WH", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "all", S, S);
}

static void
test_top_bottom_coding (void)
{
  /* min_n 10, min_cell 5, rates ≥ 95% and ≤ 5% coded */
  const EpPublishRules rules = { 10, 5, TRUE, TRUE, 95, 5 };
  EpPublishCell race[] = {
    count ("all", ALL, 264, 300),
    count ("HI", RACE, 144, 150),
    count ("BL", RACE, 40, 50),
    count ("WH", RACE, 80, 100),
  };
  EpPublishCell sex[] = {
    count ("all", ALL, 36, 300),
    count ("F", SEX, 6, 150),
    count ("M", SEX, 30, 150),
  };
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;

  ep_publish_cells (&rules, race, G_N_ELEMENTS (race));

  /* HI: 144 / 150 = 96% ≥ 95%, and 144 ≥ 5, 150 − 144 = 6 ≥ 5: shown
   * as "≥95%", count hidden. It would be 264 − 40 − 80 = 144, so the
   * smallest other count, BL (40), is hidden: HI + BL = 184 with
   * HI ∈ [143, 150] (143 = ⌈0.95 × 150⌉), BL ∈ [34, 41]. The all-students
   * rate, 264 / 300 = 88%, stays. */
  assert_cell (race, G_N_ELEMENTS (race), "HI", TOP, S);
  assert_cell (race, G_N_ELEMENTS (race), "BL", C, S);
  assert_cell (race, G_N_ELEMENTS (race), "WH", S, S);
  assert_cell (race, G_N_ELEMENTS (race), "all", S, S);

  ep_publish_cells (&rules, sex, G_N_ELEMENTS (sex));

  /* F: 6 / 150 = 4% ≤ 5%: "≤5%". It would be 36 − 30 = 6, so M is hidden:
   * F + M = 36, F ∈ [0, 7] (7 = ⌊0.05 × 150⌋), M ∈ [29, 36]. */
  assert_cell (sex, G_N_ELEMENTS (sex), "F", BOT, S);
  assert_cell (sex, G_N_ELEMENTS (sex), "M", C, S);
  assert_cell (sex, G_N_ELEMENTS (sex), "all", S, S);

  top = ep_publish_format_hidden (district, TOP, NULL);
  bottom = ep_publish_format_hidden (district, BOT, NULL);
  g_assert_cmpstr (top, ==, "≥95%");
  g_assert_cmpstr (bottom, ==, "≤5%");
}

static void
test_code_that_pins (void)
{
  /* min_n 10, min_cell 0: only coding protects the count */
  const EpPublishRules rules = { 10, 0, TRUE, FALSE, 95, 5 };
  EpPublishCell cells[] = {
    count ("a", RACE, 15, 15),   /* "≥95%" of 15 can only be 15 */
    count ("b", RACE, 0, 15),    /* "≤5%" of 15 can only be 0 */
    count ("c", RACE, 39, 40),   /* 97.5%: 38, 39 or 40 */
  };

  ep_publish_cells (&rules, cells, G_N_ELEMENTS (cells));
  assert_cell (cells, G_N_ELEMENTS (cells), "a", P, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "b", P, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "c", TOP, S);
}

static void
test_suppression_off (void)
{
  const EpPublishRules rules = { 10, 5, FALSE, TRUE, 95, 5 };
  EpPublishCell cells[] = {
    count ("all", ALL, 63, 203),
    count ("HI", RACE, 25, 80),
    count ("AM", RACE, 2, 3),
    count ("WH", RACE, 36, 120),
    count ("F", SEX, 0, 100),
    count ("M", SEX, 100, 100),
    source ("EL", LANG, FALSE, 0),
    { "ED", INC, FALSE, 0, 0, MIS, MIS },
  };

  ep_publish_cells (&rules, cells, G_N_ELEMENTS (cells));

  /* Internal use: all data shown, 3 students, 0% and 100% included. */
  assert_cell (cells, G_N_ELEMENTS (cells), "all", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "HI", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "AM", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "WH", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "F", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "M", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "EL", SRC, MIS);
  assert_cell (cells, G_N_ELEMENTS (cells), "ED", MIS, MIS);
}

static void
test_single_group_category (void)
{
  EpPublishCell cells[] = {
    count ("all", ALL, 100, 250),
    count ("HI", RACE, 50, 125),
    count ("WH", RACE, 50, 125),
    count ("ED", INC, 3, 8),
    count ("EL", LANG, 2, 40),
  };

  ep_publish_cells (&plain_rules, cells, G_N_ELEMENTS (cells));

  /* ED: n = 8 < 10. EL: 2 < 5, n = 40 shown. Each is the only group of its
   * category: no relation ties it to the total (the complement, "not ED",
   * is not published), so nothing else is hidden. HI + WH = all holds
   * with every term shown. */
  assert_cell (cells, G_N_ELEMENTS (cells), "ED", P, P);
  assert_cell (cells, G_N_ELEMENTS (cells), "EL", P, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "HI", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "WH", S, S);
  assert_cell (cells, G_N_ELEMENTS (cells), "all", S, S);
}

static void
test_total_below_min_n (void)
{
  EpPublishCell cells[] = {
    count ("all", ALL, 5, 9),
    count ("HI", RACE, 3, 5),
    count ("WH", RACE, 2, 4),
    count ("F", SEX, 4, 6),
    count ("M", SEX, 1, 3),
  };

  ep_publish_cells (&plain_rules, cells, G_N_ELEMENTS (cells));

  /* 9 students in all, every group smaller still: everything primary, and
   * with no number shown nothing can be derived, so nothing complementary. */
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_assert_cmpint (cells[i].count_state, ==, P);
      g_assert_cmpint (cells[i].n_state, ==, P);
    }
}

static void
test_source_suppressed (void)
{
  EpPublishCell unknown_n[] = {
    count ("all", ALL, 60, 200),
    source ("HI", RACE, FALSE, 0),
    count ("BL", RACE, 20, 60),
    count ("WH", RACE, 30, 110),
  };
  EpPublishCell known_n[] = {
    count ("all", ALL, 60, 200),
    source ("HI", RACE, TRUE, 30),
    count ("BL", RACE, 20, 60),
    count ("WH", RACE, 30, 110),
  };
  EpPublishCell small_n[] = {
    count ("all", ALL, 55, 200),
    source ("HI", RACE, TRUE, 8),
    count ("BL", RACE, 20, 62),
    count ("WH", RACE, 30, 130),
  };

  /* HI's count is 60 − 20 − 30 = 10 and its n 200 − 60 − 110 = 30, but
   * with no n from the source we cannot tell it is small: left as is. */
  ep_publish_cells (&plain_rules, unknown_n, G_N_ELEMENTS (unknown_n));
  assert_cell (unknown_n, 4, "HI", SRC, MIS);
  assert_cell (unknown_n, 4, "BL", S, S);
  assert_cell (unknown_n, 4, "WH", S, S);
  assert_cell (unknown_n, 4, "all", S, S);

  /* The source gave n = 30 (≥ 10, shown) but hid the count, which would be
   * 60 − 20 − 30 = 10: BL's count (20, the smaller) is hidden too, leaving
   * HI + BL = 30 with HI ∈ [0, 30]. */
  ep_publish_cells (&plain_rules, known_n, G_N_ELEMENTS (known_n));
  assert_cell (known_n, 4, "HI", SRC, S);
  assert_cell (known_n, 4, "BL", C, S);
  assert_cell (known_n, 4, "WH", S, S);
  assert_cell (known_n, 4, "all", S, S);

  /* n = 8 < 10: we hide it, and since it would be 200 − 62 − 130 = 8, BL's
   * n (62, the smaller) goes with its count: HI n + BL n = 70, HI count +
   * BL count = 55 − 30 = 25. */
  ep_publish_cells (&plain_rules, small_n, G_N_ELEMENTS (small_n));
  assert_cell (small_n, 4, "HI", SRC, P);
  assert_cell (small_n, 4, "BL", C, C);
  assert_cell (small_n, 4, "WH", S, S);
  assert_cell (small_n, 4, "all", S, S);
}

static void
test_no_total (void)
{
  /* No all-students cell, but race and sex both add up to the same
   * unknown total: 3 + 47 = 50 = F + M, so AM alone would be 50 − 47. */
  EpPublishCell cells[] = {
    count ("AM", RACE, 1, 3),
    count ("WH", RACE, 20, 47),
    count ("F", SEX, 10, 25),
    count ("M", SEX, 11, 25),
  };

  ep_publish_cells (&plain_rules, cells, G_N_ELEMENTS (cells));
  assert_cell (cells, 4, "AM", P, P);
  assert_cell (cells, 4, "WH", C, C);
  /* With both race cells hidden, F and M reveal only AM + WH. */
  assert_cell (cells, 4, "F", S, S);
  assert_cell (cells, 4, "M", S, S);
}

static void
test_format_hidden (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  struct {
    EpPublishState  state;
    const char     *source_marker;
    const char     *expected;
  } cases[] = {
    { S, NULL, NULL },
    { MIS, NULL, NULL },
    { P, NULL, "*" },
    { C, NULL, "*" },
    { SRC, "n<10", "n<10" },
    { SRC, NULL, "*" },
    { TOP, NULL, "≥97.5%" },
    { BOT, NULL, "≤2.5%" },
  };

  ep_district_set_top_code (district, 97.5);
  ep_district_set_bottom_code (district, 2.5);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ep_publish_format_hidden (district, cases[i].state,
                                                         cases[i].source_marker);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (ep_publish_state_is_hidden (cases[i].state) == (text != NULL));
    }

  ep_district_set_marker (district, "<10");
  {
    g_autofree char *text = ep_publish_format_hidden (district, C, NULL);

    g_assert_cmpstr (text, ==, "<10");
  }
}

static void
test_publish_indicator (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Riverside");
  g_autoptr(EpIndicator) indicator = ep_indicator_new ("graduation");
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) later = NULL;
  static const char *order[] = { "all", "HI", "AS", "BL", "WH", "ED", "EL", "SWD" };
  const EpPublishCell *c;

  /* Defaults: min n 10, min cell 10, codes 95% and 5%, marker "*". */
  ep_district_add_standard_groups (district);
  ep_indicator_set_unit (indicator, EP_UNIT_PERCENT);

  /* Added out of order: the district's group order wins. */
  g_assert_true (ep_indicator_set_count (indicator, "WH", "2024-25", 38, 114, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "HI", "2024-25", 60, 200, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "AS", "2024-25", 2, 6, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "BL", "2024-25", 20, 80, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "all", "2024-25", 120, 400, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "ED", "2024-25", 70, 150, NULL));
  g_assert_true (ep_indicator_set_suppressed (indicator, "EL", "2024-25", "n<10", NULL));
  g_assert_true (ep_indicator_set_value (indicator, "SWD", "2024-25", 35.0, 45, NULL));
  /* Other periods and undeclared groups are left out. */
  g_assert_true (ep_indicator_set_count (indicator, "HI", "2023-24", 1, 2, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "XX", "2024-25", 1, 2, NULL));
  g_assert_true (ep_indicator_set_value (indicator, "SWD", "2025-26", 97.0, 45, NULL));
  g_assert_true (ep_indicator_set_count (indicator, "all", "2025-26", 300, 400, NULL));

  cells = ep_publish_indicator (district, indicator, "2024-25");
  g_assert_cmpuint (cells->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < cells->len; i++)
    g_assert_cmpstr (g_array_index (cells, EpPublishCell, i).group, ==, order[i]);

  c = &g_array_index (cells, EpPublishCell, 0);
  g_assert_cmpint (c->category, ==, ALL);
  g_assert_true (c->has_counts);
  g_assert_cmpuint (c->numerator, ==, 120);
  g_assert_cmpuint (c->denominator, ==, 400);

  /* AS: n = 6 < 10. Its n would be 400 − 200 − 80 − 114 = 6: the smallest
   * other n, BL (80), is hidden with its count; then AS n + BL n = 86 and
   * AS + BL = 120 − 60 − 38 = 22 (not below 10). ED, EL and SWD are alone
   * in their categories. SWD: a 35% rate of 45 students. */
  assert_cell ((EpPublishCell *) cells->data, cells->len, "all", S, S);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "HI", S, S);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "AS", P, P);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "BL", C, C);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "WH", S, S);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "ED", S, S);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "EL", SRC, MIS);
  assert_cell ((EpPublishCell *) cells->data, cells->len, "SWD", S, S);
  c = find_cell ((EpPublishCell *) cells->data, cells->len, "SWD");
  g_assert_false (c->has_counts);
  g_assert_cmpuint (c->denominator, ==, 45);

  /* A given rate of 97% is coded like a count. */
  later = ep_publish_indicator (district, indicator, "2025-26");
  g_assert_cmpuint (later->len, ==, 2);
  assert_cell ((EpPublishCell *) later->data, later->len, "all", S, S);
  assert_cell ((EpPublishCell *) later->data, later->len, "SWD", TOP, S);

  /* With suppression off, everything with data is shown. */
  ep_district_set_suppression (district, FALSE);
  g_clear_pointer (&cells, g_array_unref);
  cells = ep_publish_indicator (district, indicator, "2024-25");
  for (guint i = 0; i < cells->len; i++)
    {
      c = &g_array_index (cells, EpPublishCell, i);
      g_assert_cmpint (c->count_state, ==, g_str_equal (c->group, "EL") ? SRC : S);
    }
}

/* Property test: an attacker, written apart from the code it checks. */

#define MAX_CELLS   12
#define T_INF       (G_MAXINT64 / 4)
#define N_TABLES    3000

typedef struct {
  gint64 lo, hi;
} Iv;

typedef struct {
  guint total;                 /* a cell, or n_cells: the unknown total */
  guint terms[MAX_CELLS];
  guint n_terms;
} Rel;

typedef struct {
  EpPublishRules rules;
  guint          n_cells;
  EpPublishCell  cells[MAX_CELLS];
  gint64         num[MAX_CELLS + 1];   /* the truth, also where not published */
  gint64         den[MAX_CELLS + 1];
  Rel            rels[EP_GROUP_CATEGORY_OTHER + 1];
  guint          n_rels;
  guint          total;
  Iv             inum[MAX_CELLS + 1];  /* what the attacker narrows them to */
  Iv             iden[MAX_CELLS + 1];
} Table;

typedef struct {
  guint tables, cells, primary, complementary, coded, source, shown;
} Stats;

static const char *group_ids[] = { "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9" };

static gint64
pick (GRand  *rand,
      gint64  lo,
      gint64  hi)
{
  if (hi <= lo)
    return lo;
  return lo + g_rand_int_range (rand, 0, (gint32) (hi - lo + 1));
}

static void
split_counts (GRand        *rand,
              gint64        total_num,
              gint64        total_den,
              const guint  *members,
              guint         n_members,
              Table        *t)
{
  gint64 left = total_den;

  /* Sizes: some tiny, the last takes what is left. */
  for (guint k = 0; k < n_members; k++)
    {
      gint64 d;

      if (k == n_members - 1)
        d = left;
      else if (g_rand_int_range (rand, 0, 100) < 25)
        d = pick (rand, 0, MIN (left, 5));
      else
        d = pick (rand, 0, left);
      t->den[members[k]] = d;
      left -= d;
    }
  /* Shuffle, so that the big remainder is not always last. */
  for (guint k = n_members - 1; k > 0; k--)
    {
      guint j = g_rand_int_range (rand, 0, k + 1);
      gint64 d = t->den[members[k]];

      t->den[members[k]] = t->den[members[j]];
      t->den[members[j]] = d;
    }

  left = total_num;
  for (guint k = 0; k < n_members; k++)
    {
      gint64 rest = 0;
      gint64 lo, hi, v;
      int r = g_rand_int_range (rand, 0, 100);

      for (guint j = k + 1; j < n_members; j++)
        rest += t->den[members[j]];
      lo = MAX (0, left - rest);
      hi = MIN (t->den[members[k]], left);
      v = r < 15 ? lo : (r < 30 ? hi : pick (rand, lo, hi));
      t->num[members[k]] = v;
      left -= v;
    }
  g_assert_cmpint (left, ==, 0);
}

static void
generate_table (GRand *rand,
                Table *t)
{
  static const guint min_ns[] = { 5, 10, 20, 30 };
  static const guint min_cells[] = { 1, 3, 5, 10 };
  static const double top_codes[] = { 100, 95, 90 };
  static const double bottom_codes[] = { 0, 5, 10 };
  static const EpGroupCategory categories[] = { RACE, INC, SEX };
  guint n_groups = g_rand_int_range (rand, 2, 9);
  guint n_categories = g_rand_int_range (rand, 1, 4);
  guint category_of[MAX_CELLS];
  gint64 total_den, total_num;
  guint all_at;
  int r;

  n_categories = MIN (n_categories, n_groups);
  memset (t, 0, sizeof *t);
  t->rules.min_n = min_ns[g_rand_int_range (rand, 0, G_N_ELEMENTS (min_ns))];
  do
    t->rules.min_cell = min_cells[g_rand_int_range (rand, 0, G_N_ELEMENTS (min_cells))];
  while (t->rules.min_cell > t->rules.min_n);
  t->rules.suppression = TRUE;
  t->rules.complementary = TRUE;
  t->rules.top_code = top_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (top_codes))];
  t->rules.bottom_code = bottom_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (bottom_codes))];

  /* Sizes from a handful of students to a large school; rates near 0,
   * near 100% or anywhere. */
  r = g_rand_int_range (rand, 0, 100);
  if (r < 15)
    total_den = pick (rand, 0, 2 * t->rules.min_n);
  else if (r < 40)
    total_den = pick (rand, 20, 120);
  else if (r < 75)
    total_den = pick (rand, 100, 1000);
  else
    total_den = pick (rand, 1000, 5000);
  r = g_rand_int_range (rand, 0, 100);
  if (r < 10)
    total_num = pick (rand, 0, MIN (total_den, 3));
  else if (r < 20)
    total_num = total_den - pick (rand, 0, MIN (total_den, 3));
  else if (r < 35)
    total_num = total_den - total_den * pick (rand, 0, 8) / 100;
  else if (r < 50)
    total_num = total_den * pick (rand, 0, 8) / 100;
  else
    total_num = pick (rand, 0, total_den);

  /* Cell 0 is all students for now; groups 1..n_groups. */
  t->n_cells = n_groups + 1;
  t->num[0] = total_num;
  t->den[0] = total_den;
  t->cells[0] = count ("all", ALL, 0, 0);
  for (guint g = 0; g < n_groups; g++)
    category_of[g] = g < n_categories ? g : (guint) g_rand_int_range (rand, 0, n_categories);

  for (guint k = 0; k < n_categories; k++)
    {
      guint members[MAX_CELLS];
      guint n_members = 0;

      for (guint g = 0; g < n_groups; g++)
        if (category_of[g] == k)
          members[n_members++] = g + 1;
      if (n_members == 1)
        {
          /* Alone in its category: any subset of all students. */
          gint64 d = pick (rand, 0, total_den);

          t->den[members[0]] = d;
          t->num[members[0]] = pick (rand, MAX (0, d - (total_den - total_num)),
                                     MIN (d, total_num));
        }
      else
        split_counts (rand, total_num, total_den, members, n_members, t);
    }

  for (guint i = 0; i < t->n_cells; i++)
    {
      EpPublishCell *cell = &t->cells[i];

      r = g_rand_int_range (rand, 0, 100);
      if (i > 0)
        *cell = count (group_ids[i - 1], categories[category_of[i - 1]], 0, 0);
      cell->numerator = t->num[i];
      cell->denominator = t->den[i];
      if (r < 10)
        {
          /* Suppressed at source, with or without n. */
          gboolean n_known = g_rand_boolean (rand);

          *cell = source (cell->group, cell->category, n_known, n_known ? t->den[i] : 0);
        }
      else if ((i == 0 && r < 18) || (i > 0 && t->den[i] == 0 && r < 55))
        {
          /* No measurement: the total, or an empty group. */
          cell->has_counts = FALSE;
          cell->numerator = cell->denominator = 0;
          cell->count_state = cell->n_state = MIS;
        }
    }

  /* All students anywhere in the table. */
  all_at = g_rand_int_range (rand, 0, t->n_cells);
  if (all_at != 0)
    {
      EpPublishCell cell = t->cells[0];
      gint64 num = t->num[0], den = t->den[0];

      t->cells[0] = t->cells[all_at];
      t->num[0] = t->num[all_at];
      t->den[0] = t->den[all_at];
      t->cells[all_at] = cell;
      t->num[all_at] = num;
      t->den[all_at] = den;
    }
}

static gboolean
t_present (const Table *t,
           guint        i)
{
  return i >= t->n_cells || t->cells[i].count_state != MIS;
}

static void
find_relations (Table *t)
{
  t->total = t->n_cells;
  t->n_rels = 0;
  for (guint i = 0; i < t->n_cells; i++)
    if (t->cells[i].category == ALL && t_present (t, i))
      {
        t->total = i;
        break;
      }
  /* The unknown total, when there is no all-students cell. */
  for (guint i = 0; i < t->n_cells; i++)
    if (t->cells[i].category == ALL)
      {
        t->num[t->n_cells] = t->num[i];
        t->den[t->n_cells] = t->den[i];
      }

  for (int c = ALL + 1; c <= EP_GROUP_CATEGORY_OTHER; c++)
    {
      Rel *rel = &t->rels[t->n_rels];

      rel->n_terms = 0;
      rel->total = t->total;
      for (guint i = 0; i < t->n_cells; i++)
        if ((int) t->cells[i].category == c && t_present (t, i))
          rel->terms[rel->n_terms++] = i;
      if (rel->n_terms >= 2)
        t->n_rels++;
    }
}

static gboolean
num_shown (const Table *t,
           guint        i)
{
  return i < t->n_cells && t->cells[i].count_state == S;
}

static gboolean
den_shown (const Table *t,
           guint        i)
{
  return i < t->n_cells && t->cells[i].n_state == S;
}

static gboolean
tighten (Iv     *iv,
         gint64  lo,
         gint64  hi)
{
  gboolean changed = FALSE;

  if (lo > iv->lo)
    {
      iv->lo = lo;
      changed = TRUE;
    }
  if (hi < iv->hi)
    {
      iv->hi = hi;
      changed = TRUE;
    }
  /* The data are consistent: the attacker never meets a contradiction. */
  g_assert_cmpint (iv->lo, <=, iv->hi);
  return changed;
}

static gboolean
rate_at_least (double top,
               gint64 num,
               gint64 den)
{
  return den > 0 && 100.0 * num / den >= top;
}

static gboolean
rate_at_most (double bottom,
              gint64 num,
              gint64 den)
{
  return den > 0 && 100.0 * num / den <= bottom;
}

/* For one relation and one kind: each member is the total (or the sum)
 * minus the others, within the others' bounds. */
static gboolean
narrow_relation (Iv        *iv,
                 const Rel *rel)
{
  gboolean changed = FALSE;

  for (guint m = 0; m <= rel->n_terms; m++)
    {
      gboolean is_total = m == rel->n_terms;
      guint x = is_total ? rel->total : rel->terms[m];
      gint64 lo = 0, hi = 0;
      gboolean hi_inf = FALSE, lo_inf = FALSE;

      if (is_total)
        {
          for (guint j = 0; j < rel->n_terms; j++)
            {
              lo += iv[rel->terms[j]].lo;
              if (iv[rel->terms[j]].hi >= T_INF)
                hi_inf = TRUE;
              else
                hi += iv[rel->terms[j]].hi;
            }
        }
      else
        {
          gint64 others_lo = 0, others_hi = 0;
          gboolean others_inf = FALSE;

          for (guint j = 0; j < rel->n_terms; j++)
            {
              if (j == m)
                continue;
              others_lo += iv[rel->terms[j]].lo;
              if (iv[rel->terms[j]].hi >= T_INF)
                others_inf = TRUE;
              else
                others_hi += iv[rel->terms[j]].hi;
            }
          lo_inf = others_inf || iv[rel->total].lo <= 0;
          lo = others_inf ? 0 : iv[rel->total].lo - others_hi;
          hi_inf = iv[rel->total].hi >= T_INF;
          hi = iv[rel->total].hi - others_lo;
        }
      changed |= tighten (&iv[x], lo_inf ? 0 : MAX (lo, 0), hi_inf ? T_INF : hi);
    }
  return changed;
}

static void
run_attacker (Table *t)
{
  const EpPublishRules *rules = &t->rules;
  gboolean changed = TRUE;

  for (guint i = 0; i <= t->n_cells; i++)
    {
      t->inum[i] = num_shown (t, i) ? (Iv) { t->num[i], t->num[i] } : (Iv) { 0, T_INF };
      t->iden[i] = den_shown (t, i) ? (Iv) { t->den[i], t->den[i] } : (Iv) { 0, T_INF };
    }

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i <= t->n_cells; i++)
        {
          Iv *n = &t->inum[i];
          Iv *d = &t->iden[i];
          EpPublishState state = i < t->n_cells ? t->cells[i].count_state : S;

          if (!t_present (t, i))
            continue;
          changed |= tighten (n, n->lo, d->hi);
          changed |= tighten (d, n->lo, d->hi);

          if (state == TOP)
            {
              gint64 k, dd;

              changed |= tighten (d, MAX (d->lo, 1), d->hi);
              /* the smallest coded count of the smallest possible group */
              for (k = MAX (0, (gint64) (rules->top_code * d->lo / 100) - 2);
                   !rate_at_least (rules->top_code, k, d->lo); k++)
                ;
              changed |= tighten (n, k, n->hi);
              if (n->hi < T_INF)
                {
                  for (dd = (gint64) (100.0 * n->hi / rules->top_code) + 2;
                       dd > 0 && !rate_at_least (rules->top_code, n->hi, dd); dd--)
                    ;
                  changed |= tighten (d, d->lo, dd);
                }
            }
          else if (state == BOT)
            {
              gint64 k, dd;

              changed |= tighten (d, MAX (d->lo, 1), d->hi);
              if (d->hi < T_INF)
                {
                  for (k = MIN (d->hi, (gint64) (rules->bottom_code * d->hi / 100) + 2);
                       !rate_at_most (rules->bottom_code, k, d->hi); k--)
                    ;
                  changed |= tighten (n, n->lo, k);
                }
              for (dd = MAX (1, (gint64) (100.0 * n->lo / rules->bottom_code) - 2);
                   !rate_at_most (rules->bottom_code, n->lo, dd); dd++)
                ;
              changed |= tighten (d, dd, d->hi);
            }
        }
      for (guint r = 0; r < t->n_rels; r++)
        {
          changed |= narrow_relation (t->inum, &t->rels[r]);
          changed |= narrow_relation (t->iden, &t->rels[r]);
        }
    }
}

static gboolean
num_protected (const Table *t,
               guint        i)
{
  const EpPublishCell *cell = &t->cells[i];

  if (i >= t->n_cells || cell->count_state == S || cell->count_state == MIS)
    return FALSE;
  if (cell->count_state == SRC && cell->n_state == MIS)
    return FALSE;
  return !(cell->n_state == S && cell->denominator == 0);
}

static gboolean
den_protected (const Table *t,
               guint        i)
{
  return i < t->n_cells && (t->cells[i].n_state == P || t->cells[i].n_state == C);
}

static void
dump_table (const Table *t,
            const char  *why)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char *names[] = { "shown", "PRIMARY", "COMPL", "source", "top", "bottom", "missing" };

  g_string_append_printf (out, "%s\nrules: min_n %u min_cell %u top %g bottom %g\n", why,
                          t->rules.min_n, t->rules.min_cell,
                          t->rules.top_code, t->rules.bottom_code);
  for (guint i = 0; i <= t->n_cells; i++)
    {
      const char *group = i < t->n_cells ? t->cells[i].group : "(total)";

      g_string_append_printf (out, "  %-7s cat %d  %5" G_GINT64_FORMAT " / %-5" G_GINT64_FORMAT
                              " count %-8s n %-8s  num [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                              "] den [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]\n",
                              group, i < t->n_cells ? (int) t->cells[i].category : 0,
                              t->num[i], t->den[i],
                              i < t->n_cells ? names[t->cells[i].count_state] : "-",
                              i < t->n_cells ? names[t->cells[i].n_state] : "-",
                              t->inum[i].lo, t->inum[i].hi, t->iden[i].lo, t->iden[i].hi);
    }
  g_printerr ("%s", out->str);
}

/* The true sum of the hidden members of a relation (for one kind). */
static gint64
hidden_sum (const Table *t,
            const Rel   *rel,
            gboolean     nums)
{
  gint64 sum = 0;

  for (guint m = 0; m <= rel->n_terms; m++)
    {
      guint x = m < rel->n_terms ? rel->terms[m] : rel->total;

      if (!(nums ? num_shown (t, x) : den_shown (t, x)))
        sum += nums ? t->num[x] : t->den[x];
    }
  return sum;
}

static gboolean
in_relation (const Rel *rel,
             guint      i)
{
  if (rel->total == i)
    return TRUE;
  for (guint m = 0; m < rel->n_terms; m++)
    if (rel->terms[m] == i)
      return TRUE;
  return FALSE;
}

/* Returns a description of the first leak, or NULL. */
static const char *
find_leak (Table *t)
{
  const EpPublishRules *rules = &t->rules;

  /* (a) single subtraction: one hidden member in a relation. */
  for (guint r = 0; r < t->n_rels; r++)
    for (int nums = 0; nums < 2; nums++)
      {
        const Rel *rel = &t->rels[r];
        guint n_hidden = 0, hidden = 0;

        for (guint m = 0; m <= rel->n_terms; m++)
          {
            guint x = m < rel->n_terms ? rel->terms[m] : rel->total;

            if (!(nums ? num_shown (t, x) : den_shown (t, x)))
              {
                n_hidden++;
                hidden = x;
              }
          }
        if (n_hidden == 1 && (nums ? num_protected (t, hidden) : den_protected (t, hidden)))
          return "derived by subtraction";
      }

  /* (b) interval propagation. */
  run_attacker (t);
  for (guint i = 0; i <= t->n_cells; i++)
    {
      const EpPublishCell *cell = &t->cells[i];

      if (!t_present (t, i))
        continue;
      /* The attacker is sound. */
      g_assert_cmpint (t->inum[i].lo, <=, t->num[i]);
      g_assert_cmpint (t->inum[i].hi, >=, t->num[i]);
      g_assert_cmpint (t->iden[i].lo, <=, t->den[i]);
      g_assert_cmpint (t->iden[i].hi, >=, t->den[i]);
      if (i == t->n_cells)
        continue;

      if (num_protected (t, i) && t->inum[i].lo == t->inum[i].hi)
        return "count pinned";
      if (den_protected (t, i) && t->iden[i].lo == t->iden[i].hi)
        return "n pinned";

      /* Primary: shown to be small, with the hidden ones all small. */
      for (guint r = 0; r < t->n_rels; r++)
        {
          if (!in_relation (&t->rels[r], i))
            continue;
          if (cell->count_state == P && cell->has_counts &&
              t->inum[i].hi < rules->min_cell &&
              hidden_sum (t, &t->rels[r], TRUE) < rules->min_cell)
            return "primary count shown to be small";
          if (cell->n_state == P &&
              t->iden[i].hi < rules->min_n &&
              hidden_sum (t, &t->rels[r], FALSE) < rules->min_n)
            return "primary n shown to be small";
        }

      /* Primary: shown to be all but a few of its group. */
      if (cell->count_state == P && cell->has_counts && cell->n_state == S &&
          t->inum[i].lo > 0 && t->den[i] - t->inum[i].lo < rules->min_cell)
        return "primary count shown to be all but a few";
    }
  return NULL;
}

static void
check_published (const Table *t)
{
  const EpPublishRules *rules = &t->rules;

  for (guint i = 0; i < t->n_cells; i++)
    {
      const EpPublishCell *cell = &t->cells[i];

      if (cell->n_state == S)
        g_assert_cmpint (t->den[i], >=, rules->min_n);
      if (cell->count_state == S)
        {
          g_assert_true (cell->has_counts);
          g_assert_cmpint (cell->n_state, ==, S);
          g_assert_cmpint (t->num[i], >=, rules->min_cell);
          g_assert_cmpint (t->den[i] - t->num[i], >=, rules->min_cell);
          if (rules->top_code < 100)
            g_assert_false (rate_at_least (rules->top_code, t->num[i], t->den[i]));
          if (rules->bottom_code > 0)
            g_assert_false (rate_at_most (rules->bottom_code, t->num[i], t->den[i]));
        }
    }
}

static void
test_attacker_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250612);
  Stats stats = { 0 };

  for (guint n = 0; n < N_TABLES; n++)
    {
      Table t;
      const char *leak;

      generate_table (rand, &t);
      ep_publish_cells (&t.rules, t.cells, t.n_cells);
      find_relations (&t);
      check_published (&t);
      leak = find_leak (&t);
      if (leak != NULL)
        {
          dump_table (&t, leak);
          g_test_fail_printf ("table %u: %s", n, leak);
          return;
        }

      stats.tables++;
      for (guint i = 0; i < t.n_cells; i++)
        {
          stats.cells++;
          switch (t.cells[i].count_state)
            {
            case EP_PUBLISH_SHOWN: stats.shown++; break;
            case EP_PUBLISH_PRIMARY: stats.primary++; break;
            case EP_PUBLISH_COMPLEMENTARY: stats.complementary++; break;
            case EP_PUBLISH_SOURCE: stats.source++; break;
            case EP_PUBLISH_TOP_CODED:
            case EP_PUBLISH_BOTTOM_CODED: stats.coded++; break;
            case EP_PUBLISH_MISSING:
            default: break;
            }
        }
    }

  g_test_message ("%u tables, %u cells: %u shown, %u primary, %u complementary, "
                  "%u coded, %u suppressed at source",
                  stats.tables, stats.cells, stats.shown, stats.primary,
                  stats.complementary, stats.coded, stats.source);
  /* The tables exercise every rule. */
  g_assert_cmpuint (stats.tables, >=, 2000);
  g_assert_cmpuint (stats.shown, >, 1000);
  g_assert_cmpuint (stats.primary, >, 1000);
  g_assert_cmpuint (stats.complementary, >, 500);
  g_assert_cmpuint (stats.coded, >, 100);
  g_assert_cmpuint (stats.source, >, 500);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suppress/rules-from-district", test_rules_from_district);
  g_test_add_func ("/suppress/primary-and-complementary", test_primary_and_complementary);
  g_test_add_func ("/suppress/two-zeros", test_two_zeros);
  g_test_add_func ("/suppress/top-bottom-coding", test_top_bottom_coding);
  g_test_add_func ("/suppress/code-that-pins", test_code_that_pins);
  g_test_add_func ("/suppress/suppression-off", test_suppression_off);
  g_test_add_func ("/suppress/single-group-category", test_single_group_category);
  g_test_add_func ("/suppress/total-below-min-n", test_total_below_min_n);
  g_test_add_func ("/suppress/source-suppressed", test_source_suppressed);
  g_test_add_func ("/suppress/no-total", test_no_total);
  g_test_add_func ("/suppress/format-hidden", test_format_hidden);
  g_test_add_func ("/suppress/publish-indicator", test_publish_indicator);
  g_test_add_func ("/suppress/attacker-property", test_attacker_property);

  return g_test_run ();
}
