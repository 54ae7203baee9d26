/* ep-indicator.c — an indicator and its measurements by group and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The largest districts hold over a million measurements, so they are not
 * objects: each indicator keeps a sorted array of 12-byte cells whose group,
 * period and marker are indices into small tables of interned strings.
 */
#define G_LOG_DOMAIN "ep-indicator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ep-indicator-private.h"
#include "ep-node-private.h"

#define MAX_NAMES   2047   /* distinct groups and periods in one indicator */
#define MAX_MARKERS 31     /* distinct suppression markers in one indicator */

typedef struct {
  guint32 group  : 11;   /* index into names */
  guint32 period : 11;   /* index into names */
  guint32 marker : 5;    /* index into markers + 1; 0 for none */
  guint32 flags  : 5;
  guint32 a;             /* numerator, or index into values when HAS_VALUE */
  guint32 b;             /* denominator, or n */
} Cell;

G_STATIC_ASSERT (sizeof (Cell) == 12);

struct _EpIndicator
{
  EP_NODE_HEADER;

  char            *id;
  char            *name;
  char            *description;
  EpIndicatorKind  kind;
  EpDirection      direction;
  EpUnit           unit;

  Cell            *cells;      /* sorted by (period, group) */
  guint            n_cells;
  guint            cap_cells;
  double          *values;     /* for cells with HAS_VALUE */
  guint            n_values;
  const char     **names;      /* interned strings, borrowed */
  guint            n_names;
  const char     **markers;    /* interned strings, borrowed */
  guint            n_markers;
  guint            loading_unsorted : 1;
};

G_DEFINE_FINAL_TYPE (EpIndicator, ep_indicator, G_TYPE_OBJECT)
G_DEFINE_QUARK (ep-indicator-error-quark, ep_indicator_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DIRECTION,
  PROP_UNIT,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  MEASUREMENTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const EpField fields[] = {
  EP_F_ID (EpIndicator, id, "id"),
  EP_F_ENUM (EpIndicator, kind, "kind", ep_indicator_kind_get_type, EP_INDICATOR_LAGGING),
  EP_F_ENUM (EpIndicator, direction, "direction", ep_direction_get_type, EP_DIRECTION_HIGHER_IS_BETTER),
  EP_F_ENUM (EpIndicator, unit, "unit", ep_unit_get_type, EP_UNIT_PERCENT),
  EP_F_TEXT_ALWAYS (EpIndicator, name, "name"),
  EP_F_TEXT (EpIndicator, description, "description"),
};

static void
ep_indicator_finalize (GObject *object)
{
  EpIndicator *self = (EpIndicator *) object;

  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->names, g_free);
  g_clear_pointer (&self->markers, g_free);
  ep_node_finalize_fields (object);

  G_OBJECT_CLASS (ep_indicator_parent_class)->finalize (object);
}

static void
ep_indicator_class_init (EpIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_indicator_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);

  /**
   * EpIndicator::measurements-changed:
   *
   * Emitted after measurements were added, changed or removed.
   */
  signals[MEASUREMENTS_CHANGED] =
    g_signal_new ("measurements-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ep_indicator_init (EpIndicator *self)
{
  ep_node_init_fields (self);
}

EpIndicator *
ep_indicator_new (const char *id)
{
  return g_object_new (EP_TYPE_INDICATOR, "id", id, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpIndicator, ep_indicator, EP_IS_INDICATOR, id, PROP_ID)
EP_DEFINE_STRING_ACCESSORS (EpIndicator, ep_indicator, EP_IS_INDICATOR, name, PROP_NAME)
EP_DEFINE_STRING_ACCESSORS (EpIndicator, ep_indicator, EP_IS_INDICATOR, description, PROP_DESCRIPTION)
EP_DEFINE_SCALAR_ACCESSORS (EpIndicator, ep_indicator, EP_IS_INDICATOR, EpIndicatorKind, int, kind, PROP_KIND)
EP_DEFINE_SCALAR_ACCESSORS (EpIndicator, ep_indicator, EP_IS_INDICATOR, EpDirection, int, direction, PROP_DIRECTION)
EP_DEFINE_SCALAR_ACCESSORS (EpIndicator, ep_indicator, EP_IS_INDICATOR, EpUnit, int, unit, PROP_UNIT)

/* Returns the index of @s in the names table, adding it; -1 when full. */
static int
name_index (EpIndicator *self,
            const char  *s)
{
  for (guint i = 0; i < self->n_names; i++)
    {
      const char *n = self->names[i];
      if (n[0] == s[0] && strcmp (n, s) == 0)
        return (int) i;
    }
  if (self->n_names >= MAX_NAMES)
    return -1;
  /* Grown four at a time: an indicator has a few dozen names at most. */
  if (self->n_names % 4 == 0)
    self->names = g_renew (const char *, self->names, self->n_names + 4);
  self->names[self->n_names] = ep_intern (s);
  return (int) self->n_names++;
}

/* Returns the index of @s in the markers table, adding it; -1 when full. */
static int
marker_index (EpIndicator *self,
              const char  *s)
{
  for (guint i = 0; i < self->n_markers; i++)
    if (strcmp (self->markers[i], s) == 0)
      return (int) i;
  if (self->n_markers >= MAX_MARKERS)
    return -1;
  self->markers = g_renew (const char *, self->markers, self->n_markers + 1);
  self->markers[self->n_markers] = ep_intern (s);
  return (int) self->n_markers++;
}

#define CELL(self, i) (&(self)->cells[(i)])
#define NAME(self, i) ((self)->names[(i)])

static int
cell_compare (EpIndicator *self,
              const Cell  *a,
              const Cell  *b)
{
  int r;

  if (a->period != b->period)
    {
      r = strcmp (NAME (self, a->period), NAME (self, b->period));
      if (r != 0)
        return r;
    }
  if (a->group != b->group)
    return strcmp (NAME (self, a->group), NAME (self, b->group));
  return 0;
}

static int
key_compare (EpIndicator *self,
             const Cell  *cell,
             const char  *group,
             const char  *period)
{
  int r = strcmp (NAME (self, cell->period), period);
  return r != 0 ? r : strcmp (NAME (self, cell->group), group);
}

/* Binary search; returns TRUE when found, and the position or insertion point. */
static gboolean
search (EpIndicator *self,
        const char  *group,
        const char  *period,
        guint       *position)
{
  guint lo = 0, hi = self->n_cells;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int r = key_compare (self, CELL (self, mid), group, period);

      if (r == 0)
        {
          *position = mid;
          return TRUE;
        }
      if (r < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *position = lo;
  return FALSE;
}

static void
unpack (EpIndicator   *self,
        const Cell    *cell,
        EpMeasurement *out)
{
  memset (out, 0, sizeof *out);
  out->group = NAME (self, cell->group);
  out->period = NAME (self, cell->period);
  out->marker = cell->marker ? self->markers[cell->marker - 1] : NULL;
  out->flags = cell->flags;
  if (cell->flags & EP_MEASUREMENT_HAS_VALUE)
    {
      out->value = self->values[cell->a];
      out->n = cell->b;
    }
  else
    {
      out->numerator = cell->a;
      if (cell->flags & EP_MEASUREMENT_HAS_N)
        out->n = cell->b;
      else
        out->denominator = cell->b;
    }
}

/* Inserts at @pos, growing the array by half when full. */
static void
insert_cell (EpIndicator *self,
             guint        pos,
             const Cell  *cell)
{
  if (self->n_cells == self->cap_cells)
    {
      self->cap_cells = MAX (8, self->cap_cells + self->cap_cells / 2);
      self->cells = g_renew (Cell, self->cells, self->cap_cells);
    }
  memmove (CELL (self, pos + 1), CELL (self, pos), (self->n_cells - pos) * sizeof (Cell));
  self->cells[pos] = *cell;
  self->n_cells++;
}

/* Group and period ids key the sorted measurements: they must be written
 * and read back unchanged, so they hold only what XML carries as is (no
 * control characters but tab, newline and carriage return; valid UTF-8;
 * no U+FFFE/U+FFFF). Otherwise the writer would replace characters, the
 * ids would change and the canonical order with them. */
static gboolean
text_fits_file (const char *text)
{
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

gboolean
ep_measurement_validate (const EpMeasurement *m,
                         GError             **error)
{
  guint f = m->flags;
  const char *group = m->group ? m->group : "";
  const char *period = m->period ? m->period : "";

  if (m->group == NULL || *m->group == '\0' || m->period == NULL || *m->period == '\0')
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                   _("a measurement needs a student group and a period"));
      return FALSE;
    }
  if (strlen (m->group) > EP_MEASUREMENT_MAX_LENGTH || strlen (m->period) > EP_MEASUREMENT_MAX_LENGTH ||
      (m->marker != NULL && strlen (m->marker) > EP_MEASUREMENT_MAX_LENGTH))
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                   _("the group, period or marker of a measurement is longer than %d characters"),
                   EP_MEASUREMENT_MAX_LENGTH);
      return FALSE;
    }
  if (!text_fits_file (m->group) || !text_fits_file (m->period))
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                   _("the group “%s” or the period “%s” holds control characters or bytes "
                     "that are not text"), group, period);
      return FALSE;
    }
  if (f & EP_MEASUREMENT_SUPPRESSED)
    {
      if (f & (EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_VALUE))
        {
          g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                       _("the measurement for group “%s” in %s is marked suppressed but "
                         "also gives the suppressed number; keep only the marker and the "
                         "count of students"), group, period);
          return FALSE;
        }
      if (m->marker == NULL || *m->marker == '\0')
        {
          g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                       _("the measurement for group “%s” in %s is suppressed without a marker"),
                       group, period);
          return FALSE;
        }
    }
  else if (f & EP_MEASUREMENT_HAS_VALUE)
    {
      if (f & (EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR))
        {
          g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                       _("the measurement for group “%s” in %s gives both a value and "
                         "counts; give either a value (with n) or a numerator and a "
                         "denominator"), group, period);
          return FALSE;
        }
      if (!isfinite (m->value))
        {
          g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                       _("the measurement for group “%s” in %s has a value that is not a "
                         "finite number"), group, period);
          return FALSE;
        }
    }
  else if ((f & (EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR)) !=
           (EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR))
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                   _("the measurement for group “%s” in %s needs both a numerator and a "
                     "denominator, or a value"), group, period);
      return FALSE;
    }
  if ((f & EP_MEASUREMENT_HAS_DENOMINATOR) && (f & EP_MEASUREMENT_HAS_N))
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                   _("the measurement for group “%s” in %s gives both a denominator and "
                     "an n; give one of them"), group, period);
      return FALSE;
    }
  if ((f & EP_MEASUREMENT_HAS_NUMERATOR) && m->numerator > m->denominator)
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_INVALID,
                   ngettext ("the measurement for group “%s” in %s counts %u student with the "
                             "outcome out of only %u; the numerator cannot be larger than the "
                             "denominator",
                             "the measurement for group “%s” in %s counts %u students with the "
                             "outcome out of only %u; the numerator cannot be larger than the "
                             "denominator", m->numerator),
                   group, period, m->numerator, m->denominator);
      return FALSE;
    }
  return TRUE;
}

gboolean
ep_measurement_equal (const EpMeasurement *a,
                      const EpMeasurement *b)
{
  return g_strcmp0 (a->group, b->group) == 0 &&
         g_strcmp0 (a->period, b->period) == 0 &&
         g_strcmp0 (a->marker, b->marker) == 0 &&
         a->flags == b->flags &&
         a->numerator == b->numerator &&
         a->denominator == b->denominator &&
         a->n == b->n &&
         ((isnan (a->value) && isnan (b->value)) || a->value == b->value);
}

/* Fills @cell from @m (already validated); @reuse_value is a values slot to
 * overwrite, or G_MAXUINT. */
static gboolean
pack (EpIndicator         *self,
      const EpMeasurement *m,
      guint                reuse_value,
      Cell                *cell,
      GError             **error)
{
  int g = name_index (self, m->group);
  int p = name_index (self, m->period);
  int mk = m->marker && (m->flags & EP_MEASUREMENT_SUPPRESSED) ? marker_index (self, m->marker) : -2;

  if (g < 0 || p < 0 || mk == -1)
    {
      g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_TOO_MANY,
                   _("indicator “%s” has more than %d distinct groups and periods, or "
                     "more than %d kinds of suppression marker; one indicator cannot hold "
                     "that many"), self->id ? self->id : "", MAX_NAMES, MAX_MARKERS);
      return FALSE;
    }

  memset (cell, 0, sizeof *cell);
  cell->group = (guint32) g;
  cell->period = (guint32) p;
  cell->marker = mk >= 0 ? (guint32) (mk + 1) : 0;
  cell->flags = m->flags & 0x1f;
  if (m->flags & EP_MEASUREMENT_HAS_VALUE)
    {
      if (reuse_value == G_MAXUINT)
        {
          if (self->n_values % 8 == 0)
            self->values = g_renew (double, self->values, self->n_values + 8);
          self->values[self->n_values] = m->value;
          cell->a = self->n_values++;
        }
      else
        {
          self->values[reuse_value] = m->value;
          cell->a = reuse_value;
        }
      cell->b = m->n;
    }
  else
    {
      cell->a = m->numerator;
      cell->b = (m->flags & EP_MEASUREMENT_HAS_N) ? m->n : m->denominator;
    }
  return TRUE;
}

guint
ep_indicator_get_n_measurements (EpIndicator *self)
{
  g_return_val_if_fail (EP_IS_INDICATOR (self), 0);
  return self->n_cells;
}

void
ep_indicator_get_nth (EpIndicator   *self,
                      guint          position,
                      EpMeasurement *out)
{
  g_return_if_fail (EP_IS_INDICATOR (self));
  g_return_if_fail (position < self->n_cells);
  g_return_if_fail (out != NULL);

  unpack (self, CELL (self, position), out);
}

gboolean
ep_indicator_lookup (EpIndicator   *self,
                     const char    *group,
                     const char    *period,
                     EpMeasurement *out)
{
  guint pos;

  g_return_val_if_fail (EP_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (group != NULL && period != NULL, FALSE);

  if (!search (self, group, period, &pos))
    return FALSE;
  if (out != NULL)
    unpack (self, CELL (self, pos), out);
  return TRUE;
}

static void
emit_changed (EpIndicator *self)
{
  g_signal_emit (self, signals[MEASUREMENTS_CHANGED], 0);
  ep_node_changed (self);
}

gboolean
ep_indicator_set_measurement (EpIndicator          *self,
                              const EpMeasurement  *m,
                              GError              **error)
{
  guint pos;
  Cell cell;
  guint reuse = G_MAXUINT;
  gboolean found;

  g_return_val_if_fail (EP_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (m != NULL, FALSE);

  if (!ep_measurement_validate (m, error))
    return FALSE;

  found = search (self, m->group, m->period, &pos);
  if (found)
    {
      const Cell *old = CELL (self, pos);
      EpMeasurement current;

      unpack (self, old, &current);
      if (ep_measurement_equal (&current, m))
        return TRUE;
      if (old->flags & EP_MEASUREMENT_HAS_VALUE)
        reuse = old->a;
    }

  if (!pack (self, m, reuse, &cell, error))
    return FALSE;

  if (found)
    *CELL (self, pos) = cell;
  else
    insert_cell (self, pos, &cell);

  emit_changed (self);
  return TRUE;
}

gboolean
ep_indicator_set_count (EpIndicator  *self,
                        const char   *group,
                        const char   *period,
                        guint32       numerator,
                        guint32       denominator,
                        GError      **error)
{
  EpMeasurement m = {
    .group = group, .period = period,
    .flags = EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR,
    .numerator = numerator, .denominator = denominator,
  };
  return ep_indicator_set_measurement (self, &m, error);
}

gboolean
ep_indicator_set_value (EpIndicator  *self,
                        const char   *group,
                        const char   *period,
                        double        value,
                        guint32       n,
                        GError      **error)
{
  EpMeasurement m = {
    .group = group, .period = period,
    .flags = EP_MEASUREMENT_HAS_VALUE | (n > 0 ? EP_MEASUREMENT_HAS_N : 0),
    .value = value, .n = n,
  };
  return ep_indicator_set_measurement (self, &m, error);
}

gboolean
ep_indicator_set_suppressed (EpIndicator  *self,
                             const char   *group,
                             const char   *period,
                             const char   *marker,
                             GError      **error)
{
  EpMeasurement m = {
    .group = group, .period = period, .marker = marker,
    .flags = EP_MEASUREMENT_SUPPRESSED,
  };
  return ep_indicator_set_measurement (self, &m, error);
}

gboolean
ep_indicator_remove_measurement (EpIndicator *self,
                                 const char  *group,
                                 const char  *period)
{
  guint pos;

  g_return_val_if_fail (EP_IS_INDICATOR (self), FALSE);

  if (!search (self, group, period, &pos))
    return FALSE;
  /* A value slot it used stays allocated until the indicator is freed;
   * removals are rare and the slot is small. */
  memmove (CELL (self, pos), CELL (self, pos + 1), (self->n_cells - pos - 1) * sizeof (Cell));
  self->n_cells--;
  emit_changed (self);
  return TRUE;
}

static int
compare_name_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_names (EpIndicator *self,
            gboolean     periods)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autofree guint8 *seen = g_new0 (guint8, self->n_names + 1);

  for (guint i = 0; i < self->n_cells; i++)
    {
      const Cell *c = CELL (self, i);
      guint idx = periods ? c->period : c->group;

      if (!seen[idx])
        {
          seen[idx] = 1;
          g_ptr_array_add (out, (gpointer) NAME (self, idx));
        }
    }
  g_ptr_array_sort (out, compare_name_ptrs);
  return out;
}

/**
 * ep_indicator_list_periods:
 *
 * Returns: (transfer container): the periods that have measurements, sorted
 */
GPtrArray *
ep_indicator_list_periods (EpIndicator *self)
{
  g_return_val_if_fail (EP_IS_INDICATOR (self), NULL);
  return list_names (self, TRUE);
}

/**
 * ep_indicator_list_groups:
 *
 * Returns: (transfer container): the groups that have measurements, sorted by id
 */
GPtrArray *
ep_indicator_list_groups (EpIndicator *self)
{
  g_return_val_if_fail (EP_IS_INDICATOR (self), NULL);
  return list_names (self, FALSE);
}

/* Bulk loading: the reader appends in file order without signals, then
 * sorts once if the file was not in canonical order. */

void
ep_indicator_reserve (EpIndicator *self,
                      guint        n)
{
  /* Exactly: the file said how many measurements follow. */
  if (n > self->cap_cells)
    {
      self->cells = g_renew (Cell, self->cells, n);
      self->cap_cells = n;
    }
}

gboolean
ep_indicator_load_append (EpIndicator          *self,
                          const EpMeasurement  *m,
                          GError              **error)
{
  Cell cell;

  if (!ep_measurement_validate (m, error))
    return FALSE;
  if (!pack (self, m, G_MAXUINT, &cell, error))
    return FALSE;

  if (self->n_cells > 0 && !self->loading_unsorted)
    {
      int r = cell_compare (self, CELL (self, self->n_cells - 1), &cell);

      if (r == 0)
        {
          g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_DUPLICATE,
                       _("there is already a measurement for group “%s” in %s"),
                       m->group, m->period);
          return FALSE;
        }
      if (r > 0)
        self->loading_unsorted = TRUE;
    }
  insert_cell (self, self->n_cells, &cell);
  return TRUE;
}

static int
sort_cells (gconstpointer a,
            gconstpointer b,
            gpointer      self)
{
  return cell_compare (self, a, b);
}

gboolean
ep_indicator_load_finish (EpIndicator  *self,
                          GError      **error)
{
  /* Give back what a wrong count hint reserved. */
  if (self->cap_cells > self->n_cells)
    {
      self->cells = g_renew (Cell, self->cells, self->n_cells);
      self->cap_cells = self->n_cells;
    }
  if (!self->loading_unsorted)
    return TRUE;

  self->loading_unsorted = FALSE;
  g_qsort_with_data (self->cells, self->n_cells, sizeof (Cell), sort_cells, self);
  for (guint i = 1; i < self->n_cells; i++)
    {
      const Cell *a = CELL (self, i - 1);
      const Cell *b = CELL (self, i);

      if (cell_compare (self, a, b) == 0)
        {
          g_set_error (error, EP_INDICATOR_ERROR, EP_INDICATOR_ERROR_DUPLICATE,
                       _("there are two measurements for group “%s” in %s"),
                       NAME (self, a->group), NAME (self, a->period));
          return FALSE;
        }
    }
  return TRUE;
}

gsize
ep_indicator_get_memory_size (EpIndicator *self)
{
  return sizeof *self +
         self->cap_cells * sizeof (Cell) +
         ((self->n_values + 7) / 8 * 8) * sizeof (double) +
         ((self->n_names + 3) / 4 * 4) * sizeof (gpointer) +
         self->n_markers * sizeof (gpointer);
}

/* Copies the measurement tables of @from into @to, which loses its own. */
static void
copy_cells (EpIndicator *to,
            EpIndicator *from)
{
  g_free (to->cells);
  g_free (to->values);
  g_free (to->names);
  g_free (to->markers);
  to->n_cells = to->cap_cells = from->n_cells;
  to->cells = g_memdup2 (from->cells, from->n_cells * sizeof (Cell));
  to->n_values = from->n_values;
  to->values = g_memdup2 (from->values, ((from->n_values + 7) / 8 * 8) * sizeof (double));
  to->n_names = from->n_names;
  to->names = g_memdup2 (from->names, ((from->n_names + 3) / 4 * 4) * sizeof (gpointer));
  to->n_markers = from->n_markers;
  to->markers = g_memdup2 (from->markers, from->n_markers * sizeof (gpointer));
}

/**
 * ep_indicator_snapshot:
 *
 * Returns: (transfer full): an indicator with the same id and a copy of
 *   @self's measurements (nothing else), for ep_indicator_restore()
 */
EpIndicator *
ep_indicator_snapshot (EpIndicator *self)
{
  EpIndicator *copy;

  g_return_val_if_fail (EP_IS_INDICATOR (self), NULL);

  copy = ep_indicator_new (self->id);
  copy_cells (copy, self);
  return copy;
}

/**
 * ep_indicator_restore:
 *
 * Makes @self's measurements those of @snapshot again (a copy of them):
 * the same cells in the same tables, so the indicator is written byte for
 * byte as when the snapshot was taken.
 */
void
ep_indicator_restore (EpIndicator *self,
                      EpIndicator *snapshot)
{
  g_return_if_fail (EP_IS_INDICATOR (self));
  g_return_if_fail (EP_IS_INDICATOR (snapshot));

  copy_cells (self, snapshot);
  emit_changed (self);
}

/* A group, period or marker kept as long as the model: for measurements
 * built from text that does not live as long. */
const char *
ep_measurement_intern (const char *text)
{
  return text ? ep_intern (text) : NULL;
}
