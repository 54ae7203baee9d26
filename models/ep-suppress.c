/* ep-suppress.c — what may be published of an indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The complementary step plays the attacker: from what would be published it
 * computes, for every count and size, the interval an outsider can narrow it
 * to (bounds propagation over the relations of the table), and hides more
 * cells while some hidden number leaks. Tables are small (one school, one
 * indicator, one period: a few dozen groups), so the attacker is simply run
 * again after every change.
 */
#define G_LOG_DOMAIN "ep-suppress"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ep-suppress.h"

#define INF        (G_MAXINT64 / 4)  /* no upper bound known */
#define MAX_PASSES 10000             /* safety net; tables converge in a few */

typedef enum {
  KIND_DEN,   /* the denominator / n */
  KIND_NUM,   /* the numerator / count */
  N_KINDS,
} Kind;

typedef struct {
  gint64 lo, hi;
} Range;

typedef struct {
  guint  total;      /* the all-students cell, or the virtual total */
  GArray *terms;     /* of guint: the cells of one category */
} Relation;

typedef struct {
  const EpPublishRules *rules;
  EpPublishCell        *cells;
  guint                 n_cells;
  guint                 total;          /* index of the all-students cell */
  guint                 n_vars;         /* n_cells, or n_cells + 1 (virtual total) */
  guint                 relation_of[EP_GROUP_CATEGORY_OTHER + 1];
  GArray               *relations;      /* of Relation */
  guint                *cell_relation;  /* per cell: index + 1 into relations, or 0 */
  Range                *range[N_KINDS];
  gboolean             *given_up[N_KINDS];
} Protect;

/**
 * ep_publish_state_is_hidden:
 * @state: a state
 *
 * Returns: whether a number in @state is replaced by a marker or a code
 *   (%FALSE for %EP_PUBLISH_SHOWN and %EP_PUBLISH_MISSING)
 */
gboolean
ep_publish_state_is_hidden (EpPublishState state)
{
  return state != EP_PUBLISH_SHOWN && state != EP_PUBLISH_MISSING;
}

/**
 * ep_publish_rules_from_district:
 * @district: an #EpDistrict
 * @rules: (out caller-allocates): the district's publication rules
 */
void
ep_publish_rules_from_district (EpDistrict     *district,
                                EpPublishRules *rules)
{
  g_return_if_fail (EP_IS_DISTRICT (district));
  g_return_if_fail (rules != NULL);

  rules->min_n = ep_district_get_min_n (district);
  rules->min_cell = ep_district_get_min_cell (district);
  rules->suppression = ep_district_get_suppression (district);
  rules->complementary = ep_district_get_complementary (district);
  rules->top_code = ep_district_get_top_code (district);
  rules->bottom_code = ep_district_get_bottom_code (district);
}

/* Coding. One predicate decides a code and bounds the attacker, so the
 * true count always lies within the bounds. */

static gboolean
top_enabled (const EpPublishRules *rules)
{
  return rules->top_code > 0 && rules->top_code < 100;
}

static gboolean
bottom_enabled (const EpPublishRules *rules)
{
  return rules->bottom_code > 0 && rules->bottom_code < 100;
}

static gboolean
is_top (const EpPublishRules *rules,
        gint64                num,
        gint64                den)
{
  return den > 0 && 100.0 * (double) num / (double) den >= rules->top_code;
}

static gboolean
is_bottom (const EpPublishRules *rules,
           gint64                num,
           gint64                den)
{
  return den > 0 && 100.0 * (double) num / (double) den <= rules->bottom_code;
}

/* The smallest count of @den students that is top-coded; den + 1 if none. */
static gint64
top_min_num (const EpPublishRules *rules,
             gint64                den)
{
  gint64 k = CLAMP ((gint64) ceil (rules->top_code * (double) den / 100.0), 0, den);

  while (k > 0 && is_top (rules, k - 1, den))
    k--;
  while (k <= den && !is_top (rules, k, den))
    k++;
  return k;
}

/* The largest group in which a count of @num is top-coded; 0 if none. */
static gint64
top_max_den (const EpPublishRules *rules,
             gint64                num)
{
  gint64 d = (gint64) floor (100.0 * (double) num / rules->top_code);

  while (is_top (rules, num, d + 1))
    d++;
  while (d > 0 && !is_top (rules, num, d))
    d--;
  return d;
}

/* The largest count of @den students that is bottom-coded; -1 if none. */
static gint64
bottom_max_num (const EpPublishRules *rules,
                gint64                den)
{
  gint64 k = CLAMP ((gint64) floor (rules->bottom_code * (double) den / 100.0), 0, den);

  while (k < den && is_bottom (rules, k + 1, den))
    k++;
  while (k >= 0 && !is_bottom (rules, k, den))
    k--;
  return k;
}

/* The smallest group in which a count of @num is bottom-coded. */
static gint64
bottom_min_den (const EpPublishRules *rules,
                gint64                num)
{
  gint64 d = MAX (1, (gint64) ceil (100.0 * (double) num / rules->bottom_code));

  while (d > 1 && is_bottom (rules, num, d - 1))
    d--;
  while (!is_bottom (rules, num, d))
    d++;
  return d;
}

/* Step 1 and 2: primary suppression and coding, cell by cell. */
static void
decide_primary (const EpPublishRules *rules,
                EpPublishCell        *cell)
{
  EpPublishState given = cell->count_state;
  gboolean n_known = cell->has_counts || cell->n_state != EP_PUBLISH_MISSING;
  gint64 num = cell->numerator;
  gint64 den = cell->denominator;

  if (given == EP_PUBLISH_MISSING)
    {
      cell->n_state = EP_PUBLISH_MISSING;
      return;
    }
  if (given == EP_PUBLISH_SOURCE)
    {
      if (!n_known)
        cell->n_state = EP_PUBLISH_MISSING;
      else if (rules->suppression && den < rules->min_n)
        cell->n_state = EP_PUBLISH_PRIMARY;
      else
        cell->n_state = EP_PUBLISH_SHOWN;
      return;
    }

  if (!rules->suppression)
    {
      cell->count_state = EP_PUBLISH_SHOWN;
      cell->n_state = n_known ? EP_PUBLISH_SHOWN : EP_PUBLISH_MISSING;
      return;
    }

  if (!n_known)
    {
      cell->count_state = EP_PUBLISH_PRIMARY;
      cell->n_state = EP_PUBLISH_MISSING;
      return;
    }
  if (den < rules->min_n)
    {
      cell->count_state = EP_PUBLISH_PRIMARY;
      cell->n_state = EP_PUBLISH_PRIMARY;
      return;
    }

  cell->n_state = EP_PUBLISH_SHOWN;
  cell->count_state = EP_PUBLISH_SHOWN;

  if (cell->has_counts)
    {
      if (num < rules->min_cell || den - num < rules->min_cell)
        cell->count_state = EP_PUBLISH_PRIMARY;
      else if (top_enabled (rules) && is_top (rules, num, den))
        cell->count_state = EP_PUBLISH_TOP_CODED;
      else if (bottom_enabled (rules) && is_bottom (rules, num, den))
        cell->count_state = EP_PUBLISH_BOTTOM_CODED;
    }
  else if (given == EP_PUBLISH_TOP_CODED && top_enabled (rules))
    cell->count_state = EP_PUBLISH_TOP_CODED;
  else if (given == EP_PUBLISH_BOTTOM_CODED && bottom_enabled (rules))
    cell->count_state = EP_PUBLISH_BOTTOM_CODED;

  /* A code that leaves a single possible count would print it. */
  if ((cell->count_state == EP_PUBLISH_TOP_CODED && top_min_num (rules, den) >= den) ||
      (cell->count_state == EP_PUBLISH_BOTTOM_CODED && bottom_max_num (rules, den) <= 0))
    cell->count_state = EP_PUBLISH_PRIMARY;
}

/* Step 3: the attacker. */

static gboolean
raise_lo (Range  *r,
          gint64  v)
{
  /* Never past hi: with inconsistent data (a category that is not really a
   * partition) the bounds would otherwise cross and ratchet. */
  if (v > r->lo && v <= r->hi)
    {
      r->lo = v;
      return TRUE;
    }
  return FALSE;
}

static gboolean
lower_hi (Range  *r,
          gint64  v)
{
  if (v < r->hi && v >= r->lo)
    {
      r->hi = v;
      return TRUE;
    }
  return FALSE;
}

static gboolean
propagate_relation (Range          *r,
                    const Relation *rel)
{
  Range *tot = &r[rel->total];
  gint64 sum_lo = 0;
  gint64 sum_hi = 0;   /* of the finite upper bounds */
  guint n_inf = 0;
  gboolean changed = FALSE;

  for (guint j = 0; j < rel->terms->len; j++)
    {
      const Range *t = &r[g_array_index (rel->terms, guint, j)];

      sum_lo = MIN (sum_lo + t->lo, INF);
      if (t->hi >= INF)
        n_inf++;
      else
        sum_hi = MIN (sum_hi + t->hi, INF);
    }

  changed |= raise_lo (tot, sum_lo);
  if (n_inf == 0)
    changed |= lower_hi (tot, sum_hi);

  /* Each term is the total minus the others. Bounds read before this loop
   * changed them are looser, hence still sound. */
  for (guint j = 0; j < rel->terms->len; j++)
    {
      Range *t = &r[g_array_index (rel->terms, guint, j)];
      gint64 others_lo = sum_lo - t->lo;
      gboolean own_inf = t->hi >= INF;

      if (n_inf - (own_inf ? 1 : 0) == 0)
        changed |= raise_lo (t, tot->lo - (sum_hi - (own_inf ? 0 : t->hi)));
      if (tot->hi < INF)
        changed |= lower_hi (t, tot->hi - others_lo);
    }

  return changed;
}

static gboolean
cell_present (const EpPublishCell *cell)
{
  return cell->count_state != EP_PUBLISH_MISSING;
}

static void
attack (Protect *p)
{
  const EpPublishRules *rules = p->rules;
  Range *num = p->range[KIND_NUM];
  Range *den = p->range[KIND_DEN];
  gboolean changed = TRUE;

  for (guint i = 0; i < p->n_vars; i++)
    {
      const EpPublishCell *cell = i < p->n_cells ? &p->cells[i] : NULL;

      num[i] = (Range) { 0, INF };
      den[i] = (Range) { 0, INF };
      if (cell == NULL || !cell_present (cell))
        continue;
      if (cell->count_state == EP_PUBLISH_SHOWN)
        num[i] = (Range) { cell->numerator, cell->numerator };
      if (cell->n_state == EP_PUBLISH_SHOWN)
        den[i] = (Range) { cell->denominator, cell->denominator };
    }

  for (guint pass = 0; changed && pass < MAX_PASSES; pass++)
    {
      changed = FALSE;

      for (guint i = 0; i < p->n_vars; i++)
        {
          const EpPublishCell *cell = i < p->n_cells ? &p->cells[i] : NULL;

          if (cell != NULL && !cell_present (cell))
            continue;

          /* 0 ≤ numerator ≤ denominator */
          changed |= lower_hi (&num[i], den[i].hi);
          changed |= raise_lo (&den[i], num[i].lo);

          if (cell == NULL || !cell->has_counts)
            continue;
          if (cell->count_state == EP_PUBLISH_TOP_CODED)
            {
              changed |= raise_lo (&den[i], 1);
              changed |= raise_lo (&num[i], top_min_num (rules, den[i].lo));
              if (num[i].hi < INF)
                changed |= lower_hi (&den[i], top_max_den (rules, num[i].hi));
            }
          else if (cell->count_state == EP_PUBLISH_BOTTOM_CODED)
            {
              changed |= raise_lo (&den[i], 1);
              if (den[i].hi < INF)
                changed |= lower_hi (&num[i], bottom_max_num (rules, den[i].hi));
              changed |= raise_lo (&den[i], bottom_min_den (rules, num[i].lo));
            }
        }

      for (guint j = 0; j < p->relations->len; j++)
        {
          const Relation *rel = &g_array_index (p->relations, Relation, j);

          changed |= propagate_relation (num, rel);
          changed |= propagate_relation (den, rel);
        }
    }
}

/* Whether the attacker learns too much about number @kind of cell @i. */
static gboolean
leaks (Protect *p,
       Kind     kind,
       guint    i)
{
  const EpPublishRules *rules = p->rules;
  const EpPublishCell *cell = &p->cells[i];
  const Range *r = &p->range[kind][i];
  const Range *d = &p->range[KIND_DEN][i];

  if (kind == KIND_DEN)
    {
      if (cell->n_state != EP_PUBLISH_PRIMARY && cell->n_state != EP_PUBLISH_COMPLEMENTARY)
        return FALSE;
      /* pinned, or shown to be a small group */
      return r->lo == r->hi || r->hi < rules->min_n;
    }

  switch (cell->count_state)
    {
    case EP_PUBLISH_SHOWN:
    case EP_PUBLISH_MISSING:
      return FALSE;
    case EP_PUBLISH_SOURCE:
      if (cell->n_state == EP_PUBLISH_MISSING)
        return FALSE;
      break;
    case EP_PUBLISH_PRIMARY:
    case EP_PUBLISH_COMPLEMENTARY:
    case EP_PUBLISH_TOP_CODED:
    case EP_PUBLISH_BOTTOM_CODED:
    default:
      break;
    }

  /* In a group known to be empty there is nothing to protect. */
  if (cell->n_state == EP_PUBLISH_SHOWN && cell->denominator == 0)
    return FALSE;
  if (r->lo == r->hi)
    return TRUE;

  if (!cell->has_counts ||
      (cell->count_state != EP_PUBLISH_PRIMARY && cell->count_state != EP_PUBLISH_COMPLEMENTARY))
    return FALSE;
  /* Shown to be small by the relations (not merely by its own size). */
  if (r->hi < rules->min_cell && r->hi < d->hi)
    return TRUE;
  /* Shown to be all but a few of its group. */
  if (cell->n_state == EP_PUBLISH_SHOWN && r->lo > 0 &&
      (gint64) cell->denominator - r->lo < rules->min_cell)
    return TRUE;
  return FALSE;
}

static gint64
value_of (const EpPublishCell *cell,
          Kind                 kind)
{
  return kind == KIND_NUM ? cell->numerator : cell->denominator;
}

static gboolean
is_shown (const EpPublishCell *cell,
          Kind                 kind)
{
  return (kind == KIND_NUM ? cell->count_state : cell->n_state) == EP_PUBLISH_SHOWN;
}

static void
hide (EpPublishCell *cell,
      Kind           kind)
{
  /* A shown count and rate reveal the size: hide the count with it. */
  if (kind == KIND_DEN)
    cell->n_state = EP_PUBLISH_COMPLEMENTARY;
  if (cell->count_state == EP_PUBLISH_SHOWN)
    cell->count_state = EP_PUBLISH_COMPLEMENTARY;
}

typedef struct {
  Protect *p;
  Kind     kind;
} SortData;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SortData *data = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const EpPublishCell *ca = &data->p->cells[ia];
  const EpPublishCell *cb = &data->p->cells[ib];
  gint64 va = value_of (ca, data->kind);
  gint64 vb = value_of (cb, data->kind);
  int cmp;

  /* The all-students total last. */
  if ((ia == data->p->total) != (ib == data->p->total))
    return ia == data->p->total ? 1 : -1;
  if (va != vb)
    return va < vb ? -1 : 1;
  cmp = g_strcmp0 (ca->group, cb->group);
  if (cmp != 0)
    return cmp;
  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static void
add_candidate (Protect *p,
               guint    c,
               Kind     kind,
               guint    leaking,
               Kind     leaking_kind,
               GArray  *out)
{
  if (c >= p->n_cells || (c == leaking && kind == leaking_kind) || !is_shown (&p->cells[c], kind))
    return;
  for (guint k = 0; k < out->len; k++)
    if (g_array_index (out, guint, k) == c)
      return;
  g_array_append_val (out, c);
}

/* The shown numbers of @kind in the relations that bear on number
 * @leaking_kind of cell @leaking: its own relation (all of them for the
 * total), or with @everywhere all relations. */
static void
collect_candidates (Protect *p,
                    Kind     kind,
                    guint    leaking,
                    Kind     leaking_kind,
                    gboolean everywhere,
                    GArray  *out)
{
  g_array_set_size (out, 0);
  if (kind != leaking_kind)
    add_candidate (p, leaking, kind, leaking, leaking_kind, out);
  /* A cell in no relation is bounded by its own numbers only. */
  if (leaking != p->total && p->cell_relation[leaking] == 0)
    return;
  for (guint j = 0; j < p->relations->len; j++)
    {
      const Relation *rel = &g_array_index (p->relations, Relation, j);

      if (!everywhere && leaking != p->total && p->cell_relation[leaking] != j + 1)
        continue;
      for (guint t = 0; t < rel->terms->len; t++)
        add_candidate (p, g_array_index (rel->terms, guint, t), kind, leaking, leaking_kind, out);
      add_candidate (p, rel->total, kind, leaking, leaking_kind, out);
    }
}

/* Hides the next smallest shown number that stops the leak of number @kind
 * of cell @i, or, if none alone does, the smallest non-zero one (the loop
 * then comes back). Looks first at numbers of the same kind in the cell's
 * relation, then in all relations (the total carries information between
 * them), then at numbers of the other kind (a count is bounded by its
 * size, a size by its count). Returns %FALSE if nothing is left to hide. */
static gboolean
fix_leak (Protect *p,
          Kind     kind,
          guint    i)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  static const struct {
    gboolean other_kind;
    gboolean everywhere;
  } tiers[] = {
    { FALSE, FALSE },
    { FALSE, TRUE },
    { TRUE, FALSE },
    { TRUE, TRUE },
  };

  for (guint tier = 0; tier < G_N_ELEMENTS (tiers); tier++)
    {
      Kind hide_kind = tiers[tier].other_kind ? (kind == KIND_NUM ? KIND_DEN : KIND_NUM) : kind;
      SortData data = { p, hide_kind };
      guint chosen = G_MAXUINT;
      guint n_try;

      collect_candidates (p, hide_kind, i, kind, tiers[tier].everywhere, candidates);
      if (candidates->len == 0)
        continue;
      g_array_sort_with_data (candidates, compare_candidates, &data);
      /* The total (sorted last) only when nothing else is left. */
      n_try = candidates->len;
      if (n_try > 1 && g_array_index (candidates, guint, n_try - 1) == p->total)
        n_try--;

      for (guint k = 0; k < n_try; k++)
        {
          guint c = g_array_index (candidates, guint, k);
          EpPublishCell saved = p->cells[c];

          hide (&p->cells[c], hide_kind);
          attack (p);
          if (!leaks (p, kind, i))
            return TRUE;
          p->cells[c] = saved;
        }

      for (guint k = 0; k < n_try && chosen == G_MAXUINT; k++)
        if (value_of (&p->cells[g_array_index (candidates, guint, k)], hide_kind) > 0)
          chosen = g_array_index (candidates, guint, k);
      if (chosen == G_MAXUINT)
        chosen = g_array_index (candidates, guint, 0);
      hide (&p->cells[chosen], hide_kind);
      return TRUE;
    }

  return FALSE;
}

static void
build_relations (Protect *p)
{
  guint n_present[EP_GROUP_CATEGORY_OTHER + 1] = { 0 };

  p->total = G_MAXUINT;
  p->relations = g_array_new (FALSE, TRUE, sizeof (Relation));
  p->cell_relation = g_new0 (guint, p->n_cells);

  for (guint i = 0; i < p->n_cells; i++)
    {
      const EpPublishCell *cell = &p->cells[i];
      guint category = MIN ((guint) cell->category, (guint) EP_GROUP_CATEGORY_OTHER);

      if (!cell_present (cell))
        continue;
      if (category == EP_GROUP_CATEGORY_ALL)
        {
          if (p->total == G_MAXUINT)
            p->total = i;
        }
      else
        n_present[category]++;
    }

  /* Without an all-students cell the categories still share an unknown
   * total: a virtual one, never published. */
  p->n_vars = p->n_cells;
  if (p->total == G_MAXUINT)
    p->total = p->n_vars++;

  for (guint c = EP_GROUP_CATEGORY_ALL + 1; c <= EP_GROUP_CATEGORY_OTHER; c++)
    {
      Relation rel;

      if (n_present[c] < 2)
        continue;
      rel.total = p->total;
      rel.terms = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (p->relations, rel);
      p->relation_of[c] = p->relations->len;
    }

  for (guint i = 0; i < p->n_cells; i++)
    {
      const EpPublishCell *cell = &p->cells[i];
      guint category = MIN ((guint) cell->category, (guint) EP_GROUP_CATEGORY_OTHER);
      guint r;

      if (!cell_present (cell) || category == EP_GROUP_CATEGORY_ALL)
        continue;
      r = p->relation_of[category];
      if (r == 0)
        continue;
      g_array_append_val (g_array_index (p->relations, Relation, r - 1).terms, i);
      p->cell_relation[i] = r;
    }
}

static void
protect (const EpPublishRules *rules,
         EpPublishCell        *cells,
         guint                 n_cells)
{
  Protect p = { 0 };

  p.rules = rules;
  p.cells = cells;
  p.n_cells = n_cells;
  build_relations (&p);

  if (p.relations->len > 0)
    {
      for (guint k = 0; k < N_KINDS; k++)
        {
          p.range[k] = g_new0 (Range, p.n_vars);
          p.given_up[k] = g_new0 (gboolean, p.n_cells);
        }

      for (;;)
        {
          gboolean found = FALSE;

          attack (&p);
          /* Sizes first: hiding a size hides its count too. */
          for (guint k = 0; k < N_KINDS && !found; k++)
            for (guint i = 0; i < n_cells && !found; i++)
              {
                if (p.given_up[k][i] || !leaks (&p, k, i))
                  continue;
                found = TRUE;
                if (!fix_leak (&p, k, i))
                  {
                    g_debug ("cannot protect cell %u (%s)", i, cells[i].group);
                    p.given_up[k][i] = TRUE;
                  }
              }
          if (!found)
            break;
        }

      for (guint k = 0; k < N_KINDS; k++)
        {
          g_free (p.range[k]);
          g_free (p.given_up[k]);
        }
    }

  for (guint j = 0; j < p.relations->len; j++)
    g_array_unref (g_array_index (p.relations, Relation, j).terms);
  g_array_unref (p.relations);
  g_free (p.cell_relation);
}

/**
 * ep_publish_cells:
 * @rules: the publication rules
 * @cells: (array length=n_cells) (inout): the cells of one school (or one
 *   district roll-up), one indicator, one period
 * @n_cells: the number of cells
 *
 * Decides @count_state and @n_state of every cell (see #EpPublishCell for
 * what they must hold on input). The first cell of category
 * %EP_GROUP_CATEGORY_ALL is the total of the relations; further ones take
 * part in none. Deterministic: the same cells give the same states.
 */
void
ep_publish_cells (const EpPublishRules *rules,
                  EpPublishCell        *cells,
                  guint                 n_cells)
{
  g_return_if_fail (rules != NULL);
  g_return_if_fail (cells != NULL || n_cells == 0);

  for (guint i = 0; i < n_cells; i++)
    decide_primary (rules, &cells[i]);

  if (rules->suppression && rules->complementary)
    protect (rules, cells, n_cells);
}

static void
cell_from_measurement (const EpPublishRules *rules,
                       EpUnit                unit,
                       EpGroupCategory       category,
                       const EpMeasurement  *m,
                       EpPublishCell        *cell)
{
  memset (cell, 0, sizeof *cell);
  cell->group = m->group;
  cell->category = category;

  if (m->flags & EP_MEASUREMENT_SUPPRESSED)
    {
      cell->count_state = EP_PUBLISH_SOURCE;
      if (m->flags & EP_MEASUREMENT_HAS_DENOMINATOR)
        cell->denominator = m->denominator;
      else if (m->flags & EP_MEASUREMENT_HAS_N)
        cell->denominator = m->n;
      else
        cell->n_state = EP_PUBLISH_MISSING;
    }
  else if (m->flags & EP_MEASUREMENT_HAS_VALUE)
    {
      gboolean rate = unit == EP_UNIT_PERCENT || unit == EP_UNIT_RATE_PER_100;

      if (m->flags & EP_MEASUREMENT_HAS_N)
        {
          cell->denominator = m->n;
          if (rate)
            cell->numerator = (guint32) CLAMP (round (m->value * m->n / 100.0), 0, (double) m->n);
          else
            cell->numerator = m->n;
        }
      else
        cell->n_state = EP_PUBLISH_MISSING;

      if (rate && top_enabled (rules) && m->value >= rules->top_code)
        cell->count_state = EP_PUBLISH_TOP_CODED;
      else if (rate && bottom_enabled (rules) && m->value <= rules->bottom_code)
        cell->count_state = EP_PUBLISH_BOTTOM_CODED;
    }
  else
    {
      cell->has_counts = TRUE;
      cell->numerator = m->numerator;
      cell->denominator = m->denominator;
    }
}

static void
append_groups (EpDistrict           *district,
               EpIndicator          *indicator,
               const char           *period,
               const EpPublishRules *rules,
               gboolean              all_students,
               GArray               *cells)
{
  GListModel *groups = ep_district_get_groups (district);
  guint n = g_list_model_get_n_items (groups);
  EpUnit unit = ep_indicator_get_unit (indicator);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
      EpGroupCategory category = ep_student_group_get_category (group);
      const char *id = ep_student_group_get_id (group);
      EpMeasurement m;
      EpPublishCell cell;

      if ((category == EP_GROUP_CATEGORY_ALL) != all_students)
        continue;
      if (id == NULL || !ep_indicator_lookup (indicator, id, period, &m))
        continue;
      cell_from_measurement (rules, unit, category, &m, &cell);
      g_array_append_val (cells, cell);
    }
}

/**
 * ep_publish_indicator:
 * @district: the district, whose groups and publication rules apply
 * @indicator: an indicator of one of its schools
 * @period: the period, e.g. "2024-25"
 *
 * Builds a cell for every group of @district that has a measurement of
 * @indicator in @period (district group order, the all-students group
 * first; measurements of undeclared groups are left out) and applies
 * ep_publish_cells(). Values given as rates (percent and per-100 units) are
 * top- and bottom-coded like counts.
 *
 * Returns: (transfer full) (element-type EpPublishCell): the cells
 */
GArray *
ep_publish_indicator (EpDistrict  *district,
                      EpIndicator *indicator,
                      const char  *period)
{
  EpPublishRules rules;
  GArray *cells;

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (EP_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  ep_publish_rules_from_district (district, &rules);
  cells = g_array_new (FALSE, TRUE, sizeof (EpPublishCell));
  append_groups (district, indicator, period, &rules, TRUE, cells);
  append_groups (district, indicator, period, &rules, FALSE, cells);
  ep_publish_cells (&rules, (EpPublishCell *) (gpointer) cells->data, cells->len);

  return cells;
}

static void
append_percent (GString    *out,
                const char *sign,
                double      percent)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, sign);
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", percent));
  g_string_append_c (out, '%');
}

/**
 * ep_publish_format_hidden:
 * @district: the district, whose marker and codes apply
 * @state: the state of a number (count_state or n_state of a cell)
 * @source_marker: (nullable): for %EP_PUBLISH_SOURCE, the source's marker
 *
 * What to print instead of a hidden number: the district's marker for
 * %EP_PUBLISH_PRIMARY and %EP_PUBLISH_COMPLEMENTARY (the two are printed
 * alike so that readers cannot tell them apart), the source's marker for
 * %EP_PUBLISH_SOURCE (the district's without one), and "≥95%" / "≤5%" for
 * coded rates. Independent of the locale: for files as well as screens.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for
 *   %EP_PUBLISH_SHOWN and %EP_PUBLISH_MISSING
 */
char *
ep_publish_format_hidden (EpDistrict     *district,
                          EpPublishState  state,
                          const char     *source_marker)
{
  GString *out;

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);

  switch (state)
    {
    case EP_PUBLISH_PRIMARY:
    case EP_PUBLISH_COMPLEMENTARY:
      return g_strdup (ep_district_get_marker (district));
    case EP_PUBLISH_SOURCE:
      if (source_marker != NULL && *source_marker != '\0')
        return g_strdup (source_marker);
      return g_strdup (ep_district_get_marker (district));
    case EP_PUBLISH_TOP_CODED:
      out = g_string_new (NULL);
      append_percent (out, "≥", ep_district_get_top_code (district));
      return g_string_free (out, FALSE);
    case EP_PUBLISH_BOTTOM_CODED:
      out = g_string_new (NULL);
      append_percent (out, "≤", ep_district_get_bottom_code (district));
      return g_string_free (out, FALSE);
    case EP_PUBLISH_SHOWN:
    case EP_PUBLISH_MISSING:
    default:
      return NULL;
    }
}
