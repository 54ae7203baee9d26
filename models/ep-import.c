/* ep-import.c — importing measurements from CSV files into a district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import happens in two steps. ep_importer_read() streams the file
 * through an EpCsvReader and the mapping, and stages every measurement in
 * indicators of its own (packed, like the district's), leaving the
 * district untouched: a cancelled or failed read changes nothing, and a
 * dry run stops there. ep_importer_apply() then adds the staged groups,
 * schools and indicators to the district and merges the measurements into
 * the indicators it already had, in one step the app can undo.
 *
 * Suppressed cells ("*", "<10", "N/A", CRDC reserve codes…) become
 * measurements suppressed at source with their marker, never numbers. A
 * cell that is neither a number nor a known marker (such as
 * "0.28    #X = 224250/.28") is reported with its line and not imported.
 */
#define G_LOG_DOMAIN "ep-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ep-import.h"
#include "ep-indicator-private.h"
#include "ep-node-private.h"

typedef struct {
  char        *id;
  EpIndicator *staging;    /* owned: the measurements read */
  EpIndicator *existing;   /* borrowed: the district's, or NULL */
  EpUnit       unit;
  gboolean     unit_known;
  char        *name;
} StagedIndicator;

typedef struct {
  char        *id;
  char        *name;
  EpSchool    *existing;   /* borrowed */
  GPtrArray   *indicators; /* StagedIndicator*, in order of appearance */
  GHashTable  *by_id;      /* id → StagedIndicator* */
} StagedSchool;

typedef struct {
  EpGroupCategory category;
  char           *label;
  gboolean        in_district;
  gboolean        used;
} KnownGroup;

typedef enum {
  CELL_EMPTY,
  CELL_NUMBER,
  CELL_MARKER,
  CELL_BAD,
} CellKind;

typedef struct {
  CellKind    kind;
  double      number;
  gboolean    percent_sign;
  const char *marker;      /* interned */
  const char *text;        /* CELL_BAD: the text, borrowed from the row */
  const char *column;      /* the column at fault or holding the marker */
  gboolean    blank;       /* the cell was blank (maybe a marker by the mapping) */
} Cell;

struct _EpImporter
{
  GObject          parent_instance;

  EpDistrict      *district;
  EpMapping       *mapping;
  char            *encoding;
  char             delimiter;
  EpCsvProgress    progress;
  gpointer         progress_data;

  EpImportReport  *report;
  GPtrArray       *schools;        /* StagedSchool*, in order */
  GHashTable      *schools_by_id;  /* id → StagedSchool* */
  GHashTable      *groups;         /* id → KnownGroup* */
  GPtrArray       *group_order;    /* ids of groups to create, in order */
  GHashTable      *group_labels;   /* folded label → id */
  GHashTable      *group_cache;    /* label as written → id, or "" when unknown */
  GHashTable      *indicator_cache;/* label as written → id */
  GHashTable      *period_cache;   /* label as written → period */
  gboolean         read_done;

  /* Column indices for the current file; -1 when absent. */
  int              col[EP_MAPPING_N_ROLES];
  GArray          *measure_cols;   /* per measure, per part: GArray of int (indices) */
  guint            n_header;
};

G_DEFINE_FINAL_TYPE (EpImporter, ep_importer, G_TYPE_OBJECT)

/* Report */

static void
problem_clear (gpointer data)
{
  EpImportProblem *p = data;
  g_free (p->column);
  g_free (p->reason);
}

static EpImportReport *
report_new (void)
{
  EpImportReport *r = g_new0 (EpImportReport, 1);
  r->problems = g_array_new (FALSE, TRUE, sizeof (EpImportProblem));
  g_array_set_clear_func (r->problems, problem_clear);
  return r;
}

void
ep_import_report_free (EpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->display_name);
  g_free (report->encoding);
  g_array_unref (report->problems);
  g_free (report);
}

static void add_problem (EpImporter *self, guint64 line, const char *column,
                         const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (EpImporter *self,
             guint64     line,
             const char *column,
             const char *format,
             ...)
{
  EpImportProblem p;
  va_list args;

  self->report->n_problems++;
  if (self->report->problems->len >= EP_IMPORT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  p.line = line;
  p.column = g_strdup (column);
  p.reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->report->problems, p);
}

static const char *
delimiter_name (char d)
{
  switch (d)
    {
    case ',': return _("comma-separated");
    case ';': return _("semicolon-separated");
    case '\t': return _("tab-separated");
    case '|': return _("separated by |");
    default: return _("separated");
    }
}

/**
 * ep_import_report_format:
 * @max_problems: how many problems to list
 *
 * Returns: (transfer full): the report as text for people, several lines
 */
char *
ep_import_report_format (const EpImportReport *r,
                         guint                 max_problems)
{
  GString *out = g_string_new (NULL);
  guint shown;

  g_return_val_if_fail (r != NULL, NULL);

  /* Translators: the file name, its encoding, " with a byte-order mark"
   * or nothing, how its fields are separated ("comma-separated"), then a
   * number of rows */
  g_string_append_printf (out, ngettext ("Read %s: %s%s, %s; %llu row after the header",
                                         "Read %s: %s%s, %s; %llu rows after the header",
                                         (gulong) r->rows_read),
                          r->display_name ? r->display_name : "",
                          r->encoding ? r->encoding : "?",
                          r->had_bom ? _(" with a byte-order mark") : "",
                          delimiter_name (r->delimiter), (unsigned long long) r->rows_read);
  if (r->rows_blank)
    /* Translators: a number of blank rows, after the sentence above */
    g_string_append_printf (out, _(" (%llu blank)"), (unsigned long long) r->rows_blank);
  g_string_append (out, "\n");
  if (r->rows_ragged)
    g_string_append_printf (out, _("Rows with more or fewer fields than the header: %llu\n"),
                            (unsigned long long) r->rows_ragged);
  g_string_append_printf (out, _("Measurements: %llu created, %llu updated, %llu unchanged; "
                                 "%llu of them suppressed at source\n"),
                          (unsigned long long) r->measurements_created,
                          (unsigned long long) r->measurements_updated,
                          (unsigned long long) r->measurements_unchanged,
                          (unsigned long long) r->suppressed);
  g_string_append_printf (out, _("New schools: %u; new indicators: %u; new student groups: %u\n"),
                          r->schools_created, r->indicators_created, r->groups_created);
  g_string_append_printf (out, _("Skipped rows: %llu; skipped cells: %llu; empty cells: %llu\n"),
                          (unsigned long long) r->rows_skipped,
                          (unsigned long long) r->cells_skipped,
                          (unsigned long long) r->cells_empty);
  if (r->rows_aggregate)
    g_string_append_printf (out, _("State or district total rows (not schools), skipped: %llu\n"),
                            (unsigned long long) r->rows_aggregate);

  shown = MIN (max_problems, r->problems->len);
  for (guint i = 0; i < shown; i++)
    {
      const EpImportProblem *p = &g_array_index (r->problems, EpImportProblem, i);
      if (p->column)
        g_string_append_printf (out, _("  line %llu, column “%s”: %s\n"),
                                (unsigned long long) p->line, p->column, p->reason);
      else
        g_string_append_printf (out, _("  line %llu: %s\n"), (unsigned long long) p->line, p->reason);
    }
  if (r->n_problems > shown)
    g_string_append_printf (out, _("  … and %llu more\n"),
                            (unsigned long long) (r->n_problems - shown));
  if (!r->applied)
    g_string_append (out, _("Dry run: nothing was changed.\n"));
  return g_string_free (out, FALSE);
}

/* Object */

static void
staged_indicator_free (gpointer data)
{
  StagedIndicator *si = data;
  g_clear_object (&si->staging);
  g_free (si->id);
  g_free (si->name);
  g_free (si);
}

static void
staged_school_free (gpointer data)
{
  StagedSchool *ss = data;
  g_hash_table_unref (ss->by_id);
  g_ptr_array_unref (ss->indicators);
  g_free (ss->id);
  g_free (ss->name);
  g_free (ss);
}

static void
known_group_free (gpointer data)
{
  KnownGroup *g = data;
  g_free (g->label);
  g_free (g);
}

static void
clear_staging (EpImporter *self)
{
  g_clear_pointer (&self->schools_by_id, g_hash_table_unref);
  g_clear_pointer (&self->schools, g_ptr_array_unref);
  g_clear_pointer (&self->measure_cols, g_array_unref);
}

static void
ep_importer_finalize (GObject *object)
{
  EpImporter *self = (EpImporter *) object;

  clear_staging (self);
  g_clear_object (&self->district);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->report, ep_import_report_free);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->group_order, g_ptr_array_unref);
  g_clear_pointer (&self->group_labels, g_hash_table_unref);
  g_clear_pointer (&self->group_cache, g_hash_table_unref);
  g_clear_pointer (&self->indicator_cache, g_hash_table_unref);
  g_clear_pointer (&self->period_cache, g_hash_table_unref);

  G_OBJECT_CLASS (ep_importer_parent_class)->finalize (object);
}

static void
ep_importer_class_init (EpImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ep_importer_finalize;
}

static void
ep_importer_init (EpImporter *self)
{
}

static char *
fold (const char *s)
{
  g_autofree char *t = g_strstrip (g_strdup (s));
  return g_utf8_casefold (t, -1);
}

static void
know_group (EpImporter      *self,
            const char      *id,
            EpGroupCategory  category,
            const char      *label,
            gboolean         in_district)
{
  KnownGroup *g;

  if (g_hash_table_contains (self->groups, id))
    return;
  g = g_new0 (KnownGroup, 1);
  g->category = category;
  g->label = g_strdup (label ? label : id);
  g->in_district = in_district;
  g_hash_table_insert (self->groups, g_strdup (id), g);
  if (label && *label)
    {
      char *key = fold (label);
      if (!g_hash_table_contains (self->group_labels, key))
        g_hash_table_insert (self->group_labels, key, g_strdup (id));
      else
        g_free (key);
    }
}

/**
 * ep_importer_new:
 *
 * Returns: (transfer full): an importer of data into @district as @mapping says
 */
EpImporter *
ep_importer_new (EpDistrict *district,
                 EpMapping  *mapping)
{
  EpImporter *self;
  GListModel *groups;
  g_autoptr(EpDistrict) standard = NULL;

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (EP_IS_MAPPING (mapping), NULL);

  self = g_object_new (EP_TYPE_IMPORTER, NULL);
  self->district = g_object_ref (district);
  self->mapping = g_object_ref (mapping);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_group_free);
  self->group_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_order = g_ptr_array_new_with_free_func (g_free);
  self->group_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->indicator_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->period_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Groups a measurement may use: the district's, the mapping's, and the
   * standard US groups (created when used). */
  groups = ep_district_get_groups (district);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(EpStudentGroup) g = g_list_model_get_item (groups, i);
      know_group (self, ep_student_group_get_id (g), ep_student_group_get_category (g),
                  ep_student_group_get_label (g), TRUE);
    }
  for (guint i = 0; i < ep_mapping_get_n_groups (mapping); i++)
    {
      EpGroupCategory category;
      const char *label;
      const char *id = ep_mapping_get_group (mapping, i, &category, &label);
      know_group (self, id, category, label, FALSE);
    }
  standard = ep_district_new (NULL);
  ep_district_add_standard_groups (standard);
  groups = ep_district_get_groups (standard);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(EpStudentGroup) g = g_list_model_get_item (groups, i);
      know_group (self, ep_student_group_get_id (g), ep_student_group_get_category (g),
                  ep_student_group_get_label (g), FALSE);
    }
  return self;
}

void
ep_importer_set_encoding (EpImporter *self,
                          const char *encoding)
{
  g_return_if_fail (EP_IS_IMPORTER (self));
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

void
ep_importer_set_delimiter (EpImporter *self,
                           char        delimiter)
{
  g_return_if_fail (EP_IS_IMPORTER (self));
  self->delimiter = delimiter;
}

void
ep_importer_set_progress (EpImporter    *self,
                          EpCsvProgress  progress,
                          gpointer       user_data)
{
  g_return_if_fail (EP_IS_IMPORTER (self));
  self->progress = progress;
  self->progress_data = user_data;
}

/**
 * ep_importer_get_report:
 *
 * Returns: (nullable): the report of the last read, %NULL before one
 */
const EpImportReport *
ep_importer_get_report (EpImporter *self)
{
  g_return_val_if_fail (EP_IS_IMPORTER (self), NULL);
  return self->report;
}

/* Cells */

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Strips spaces, including no-break spaces, from both ends (in place). */
static char *
trim (char *s)
{
  char *end;

  for (;;)
    {
      if (g_ascii_isspace (*s))
        s++;
      else if ((guchar) s[0] == 0xC2 && (guchar) s[1] == 0xA0)
        s += 2;
      else
        break;
    }
  end = s + strlen (s);
  for (;;)
    {
      if (end > s && g_ascii_isspace (end[-1]))
        end--;
      else if (end - s >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
        end -= 2;
      else
        break;
    }
  *end = '\0';
  return s;
}

/* Parses a number as spreadsheets and portals write them: "1,162",
 * "1.162,5" (decimal comma), "7.9%", " 12 ". Everything must be the
 * number. */
static gboolean
parse_number (const char *text,
              char        decimal,
              double     *out,
              gboolean   *percent)
{
  char buf[64];
  gsize n = 0;
  const char *p = text;
  const char *end;
  char *stop;
  char group = decimal == ',' ? '.' : ',';
  gboolean digits = FALSE;

  *percent = FALSE;
  if (*p == '+' || *p == '-')
    buf[n++] = *p++;
  for (; *p && n < sizeof buf - 1; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          buf[n++] = *p;
          digits = TRUE;
        }
      else if (*p == decimal)
        buf[n++] = '.';
      else if ((*p == group || (decimal == ',' && *p == ' ')) && digits &&
               g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
               !g_ascii_isdigit (p[4]))
        ;   /* a thousands separator */
      else if ((*p == 'e' || *p == 'E') && digits && (g_ascii_isdigit (p[1]) || p[1] == '-' || p[1] == '+'))
        {
          buf[n++] = *p++;
          buf[n++] = *p;
        }
      else if (*p == '%' && p[1] == '\0' && digits)
        *percent = TRUE;
      else
        return FALSE;
    }
  if (*p != '\0' || !digits)
    return FALSE;
  buf[n] = '\0';
  *out = g_ascii_strtod (buf, &stop);
  end = buf + n;
  return stop == end && isfinite (*out);
}

static void
read_cell (EpImporter *self,
           const char *raw,
           const char *column,
           Cell       *cell)
{
  g_autofree char *copy = g_strdup (raw ? raw : "");
  char *text = trim (copy);
  EpMapping *m = self->mapping;
  const char *blank = ep_mapping_get_blank_marker (m);

  memset (cell, 0, sizeof *cell);
  cell->column = column;
  cell->text = raw;

  if (*text == '\0')
    {
      cell->blank = TRUE;
      if (blank)
        {
          cell->kind = CELL_MARKER;
          cell->marker = ep_intern (blank);
        }
      else
        cell->kind = CELL_EMPTY;
      return;
    }
  if (ep_mapping_is_marker (m, text))
    {
      cell->kind = CELL_MARKER;
      cell->marker = ep_intern (text);
      return;
    }
  if (parse_number (text, ep_mapping_get_decimal_mark (m), &cell->number, &cell->percent_sign))
    {
      if (cell->number < 0 && ep_mapping_get_negative_is_suppressed (m))
        {
          cell->kind = CELL_MARKER;
          cell->marker = ep_intern (text);
          return;
        }
      cell->kind = CELL_NUMBER;
      return;
    }
  cell->kind = CELL_BAD;
}

/* Sums cells (CRDC _M + _F + _X): a marker anywhere makes the sum
 * suppressed; a bad cell makes it bad. */
static void
sum_cells (EpImporter      *self,
           const EpCsvRow  *row,
           GArray          *indices,
           const char     **header,
           Cell            *out,
           char           **why)
{
  gboolean any_number = FALSE, any_empty = FALSE;
  const char *empty_col = NULL, *number_col = NULL;

  memset (out, 0, sizeof *out);
  out->kind = CELL_EMPTY;
  out->blank = TRUE;
  for (guint i = 0; i < indices->len; i++)
    {
      int idx = g_array_index (indices, int, i);
      Cell c;

      read_cell (self, idx < (int) row->n_fields ? row->fields[idx] : "", header[idx], &c);
      if (c.kind == CELL_BAD)
        {
          *out = c;
          return;
        }
      if (c.kind == CELL_MARKER)
        {
          if (out->kind != CELL_MARKER)
            *out = c;
          continue;
        }
      if (out->kind == CELL_MARKER)
        continue;
      if (c.kind == CELL_EMPTY)
        {
          any_empty = TRUE;
          empty_col = header[idx];
        }
      else
        {
          if (c.percent_sign && indices->len > 1)
            {
              c.kind = CELL_BAD;
              *out = c;
              *why = g_strdup (_("percentages cannot be added up"));
              return;
            }
          out->number = any_number ? out->number + c.number : c.number;
          out->blank = FALSE;
          out->percent_sign = c.percent_sign;
          out->column = header[idx];
          any_number = TRUE;
          number_col = header[idx];
        }
    }
  if (out->kind == CELL_MARKER)
    return;
  if (any_number && any_empty)
    {
      out->kind = CELL_BAD;
      out->column = empty_col;
      out->text = "";
      *why = g_strdup_printf (_("this cell is empty while “%s” has a number; the sum would be wrong"),
                              number_col);
      return;
    }
  if (any_number)
    out->kind = CELL_NUMBER;
}

/* Staging */

static StagedSchool *
stage_school (EpImporter *self,
              const char *id,
              const char *name)
{
  StagedSchool *ss = g_hash_table_lookup (self->schools_by_id, id);

  if (ss != NULL)
    return ss;
  ss = g_new0 (StagedSchool, 1);
  ss->id = g_strdup (id);
  ss->name = g_strdup (name && *name ? name : id);
  ss->existing = ep_district_find_school (self->district, id);
  ss->indicators = g_ptr_array_new_with_free_func (staged_indicator_free);
  ss->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (self->schools, ss);
  g_hash_table_insert (self->schools_by_id, ss->id, ss);
  return ss;
}

static gboolean
declared_indicator (EpMapping   *m,
                    const char  *id,
                    const char **name,
                    EpUnit      *unit)
{
  for (guint i = 0; i < ep_mapping_get_n_indicators (m); i++)
    if (g_str_equal (ep_mapping_get_indicator (m, i, name, unit, NULL, NULL), id))
      return TRUE;
  return FALSE;
}

static StagedIndicator *
stage_indicator (EpImporter   *self,
                 StagedSchool *ss,
                 const char   *id,
                 const char   *label)
{
  StagedIndicator *si = g_hash_table_lookup (ss->by_id, id);
  const char *name = NULL;

  if (si != NULL)
    return si;
  si = g_new0 (StagedIndicator, 1);
  si->id = g_strdup (id);
  si->staging = ep_indicator_new (id);
  si->existing = ss->existing ? ep_school_find_indicator (ss->existing, id) : NULL;
  if (si->existing)
    {
      si->unit = ep_indicator_get_unit (si->existing);
      si->unit_known = TRUE;
    }
  else if (declared_indicator (self->mapping, id, &name, &si->unit))
    {
      si->unit_known = TRUE;
      si->name = g_strdup (name);
    }
  if (si->name == NULL)
    si->name = g_strdup (label ? label : id);
  g_ptr_array_add (ss->indicators, si);
  g_hash_table_insert (ss->by_id, si->id, si);
  return si;
}

/* "Grade 3 ELA" → "grade-3-ela" */
static char *
slug (const char *label)
{
  g_autofree char *lower = g_utf8_strdown (label, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static const char *
resolve_group_uncached (EpImporter *self,
                        const char *label)
{
  const char *id = ep_mapping_lookup_alias (self->mapping, EP_MAPPING_ROLE_GROUP, label);
  g_autofree char *key = NULL;

  if (id == NULL && g_hash_table_contains (self->groups, label))
    id = label;
  if (id == NULL)
    {
      key = fold (label);
      id = g_hash_table_lookup (self->group_labels, key);
    }
  if (id == NULL || !g_hash_table_contains (self->groups, id))
    return NULL;
  return id;
}

/* Labels repeat on every row: each is resolved once. */
static const char *
resolve_group (EpImporter *self,
               const char *label)
{
  const char *id = g_hash_table_lookup (self->group_cache, label);

  if (id == NULL)
    {
      id = resolve_group_uncached (self, label);
      id = id ? ep_intern (id) : "";
      g_hash_table_insert (self->group_cache, g_strdup (label), (gpointer) id);
    }
  return *id ? id : NULL;
}

static void
use_group (EpImporter *self,
           const char *id)
{
  KnownGroup *g = g_hash_table_lookup (self->groups, id);

  if (g->in_district || g->used)
    return;
  g->used = TRUE;
  g_ptr_array_add (self->group_order, g_strdup (id));
  self->report->groups_created++;
}

static void
scale_rate (EpImporter *self,
            Cell       *c)
{
  if (!c->percent_sign && ep_mapping_get_rate_scale (self->mapping) == EP_RATE_SCALE_FRACTION)
    c->number = round (c->number * 100 * 1e9) / 1e9;
}

static gboolean
as_count (const Cell *c,
          guint32    *out)
{
  if (c->number < 0 || c->number > G_MAXUINT32 || c->number != floor (c->number) || c->percent_sign)
    return FALSE;
  *out = (guint32) c->number;
  return TRUE;
}

/* Turns the cells of one measure into a measurement and stages it.
 * Returns FALSE when it was skipped with a problem. */
static gboolean
stage_measure (EpImporter     *self,
               guint64         line,
               const char     *school_id,
               const char     *school_name,
               const char     *indicator_label,
               const char     *indicator_id,
               const char     *group,
               const char     *period,
               Cell           *num,
               Cell           *den,
               Cell           *rate,
               Cell           *value,
               Cell           *n)
{
  EpMeasurement m = { 0 };
  EpMeasurement old;
  StagedSchool *ss;
  StagedIndicator *si;
  g_autoptr(GError) error = NULL;
  Cell *counted = NULL;
  Cell *bad = NULL;
  Cell *cells[] = { num, den, rate, value, n };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    if (cells[i] && cells[i]->kind == CELL_BAD)
      {
        bad = cells[i];
        break;
      }
  if (bad)
    {
      add_problem (self, line, bad->column,
                   _("“%s” is not a number nor a suppression marker; school “%s”, group “%s”, "
                     "period %s not imported"),
                   bad->text ? bad->text : "", school_id, group, period);
      self->report->cells_skipped++;
      return FALSE;
    }

  ss = stage_school (self, school_id, school_name);
  si = stage_indicator (self, ss, indicator_id, indicator_label);

  m.group = ep_intern (group);
  m.period = ep_intern (period);

  if (num && den && (num->kind != CELL_EMPTY || den->kind != CELL_EMPTY) &&
      !(num->blank && ((rate && !rate->blank) || (value && !value->blank))))
    {
      if (num->kind == CELL_EMPTY)
        {
          /* No numerator: no data (blank cells that mean suppressed are
           * markers already). */
          self->report->cells_empty++;
          return FALSE;
        }
      if (num->kind == CELL_MARKER || den->kind == CELL_MARKER)
        {
          m.flags = EP_MEASUREMENT_SUPPRESSED;
          m.marker = num->kind == CELL_MARKER ? num->marker : den->marker;
          if (den->kind == CELL_NUMBER && as_count (den, &m.denominator))
            m.flags |= EP_MEASUREMENT_HAS_DENOMINATOR;
        }
      else if (den->kind == CELL_EMPTY)
        {
          add_problem (self, line, den->column, _("a numerator without a denominator"));
          self->report->cells_skipped++;
          return FALSE;
        }
      else
        {
          if (!as_count (num, &m.numerator))
            counted = num;
          else if (!as_count (den, &m.denominator))
            counted = den;
          if (counted)
            {
              add_problem (self, line, counted->column,
                           _("“%s” is not a count of students (a whole number, 0 or more)"),
                           counted->text ? counted->text : "");
              self->report->cells_skipped++;
              return FALSE;
            }
          m.flags = EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR;
        }
      if (!si->unit_known)
        {
          si->unit = EP_UNIT_PERCENT;
          si->unit_known = TRUE;
        }
    }
  else
    {
      Cell *v = rate && rate->kind != CELL_EMPTY ? rate : value;
      Cell *size = n && n->kind != CELL_EMPTY ? n : den;
      gboolean is_rate;

      if (v == NULL || v->kind == CELL_EMPTY)
        {
          self->report->cells_empty++;
          return FALSE;
        }
      if (!si->unit_known)
        {
          si->unit = v == rate || v->percent_sign ? EP_UNIT_PERCENT : EP_UNIT_MEAN_SCORE;
          si->unit_known = TRUE;
        }
      is_rate = v == rate || si->unit == EP_UNIT_PERCENT || si->unit == EP_UNIT_RATE_PER_100;

      if (v->kind == CELL_MARKER)
        {
          m.flags = EP_MEASUREMENT_SUPPRESSED;
          m.marker = v->marker;
        }
      else
        {
          if (is_rate)
            scale_rate (self, v);
          m.flags = EP_MEASUREMENT_HAS_VALUE;
          m.value = v->number;
        }
      if (size && size->kind == CELL_NUMBER && as_count (size, &m.n))
        m.flags |= EP_MEASUREMENT_HAS_N;
    }

  if (ep_indicator_lookup (si->staging, m.group, m.period, NULL))
    {
      add_problem (self, line, NULL,
                   _("a second measurement for school “%s”, indicator “%s”, group “%s”, "
                     "period %s; the first one is kept"),
                   school_id, indicator_id, group, period);
      self->report->cells_skipped++;
      return FALSE;
    }
  if (!ep_measurement_validate (&m, &error))
    {
      /* Translators: school id, indicator id, then why the measurement is refused */
      add_problem (self, line, NULL, _("school “%s”, indicator “%s”: %s"), school_id, indicator_id,
                   error->message);
      self->report->cells_skipped++;
      return FALSE;
    }
  if (si->existing && ep_indicator_lookup (si->existing, m.group, m.period, &old))
    {
      if (ep_measurement_equal (&old, &m))
        {
          self->report->measurements_unchanged++;
          return TRUE;
        }
      self->report->measurements_updated++;
    }
  else
    self->report->measurements_created++;

  if (!ep_indicator_set_measurement (si->staging, &m, &error))
    {
      add_problem (self, line, NULL, "%s", error->message);
      self->report->cells_skipped++;
      return FALSE;
    }
  if (m.flags & EP_MEASUREMENT_SUPPRESSED)
    self->report->suppressed++;
  use_group (self, group);
  return TRUE;
}

/* Reading */

static int
find_column (GHashTable *exact,
             GHashTable *folded,
             const char *name)
{
  g_autofree char *t = g_strstrip (g_strdup (name));
  g_autofree char *f = NULL;
  gpointer v;

  if (g_hash_table_lookup_extended (exact, t, NULL, &v))
    return GPOINTER_TO_INT (v);
  f = g_utf8_casefold (t, -1);
  if (g_hash_table_lookup_extended (folded, f, NULL, &v))
    return GPOINTER_TO_INT (v);
  return -1;
}

static gboolean
resolve_header (EpImporter      *self,
                const EpCsvRow  *header,
                const char      *display_name,
                GError         **error)
{
  EpMapping *m = self->mapping;
  g_autoptr(GHashTable) exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->n_header = header->n_fields;
  for (guint i = 0; i < header->n_fields; i++)
    {
      char *t = g_strstrip (g_strdup (header->fields[i]));

      if (g_hash_table_contains (exact, t))
        {
          add_problem (self, header->line, t, _("this column name appears twice; the first is used"));
          g_free (t);
          continue;
        }
      g_hash_table_insert (folded, g_utf8_casefold (t, -1), GINT_TO_POINTER (i));
      g_hash_table_insert (exact, t, GINT_TO_POINTER (i));
    }

  for (guint r = 0; r < EP_MAPPING_N_ROLES; r++)
    {
      const char *name = ep_mapping_get_column (m, r);

      self->col[r] = -1;
      if (name == NULL)
        continue;
      self->col[r] = find_column (exact, folded, name);
      if (self->col[r] < 0)
        {
          g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_COLUMNS,
                       _("%s:%llu: the file has no column “%s”, which the "
                         "mapping names for the %s"),
                       display_name, (unsigned long long) header->line, name, ep_mapping_role_to_string (r));
          return FALSE;
        }
    }

  self->measure_cols = g_array_new (FALSE, TRUE, sizeof (GArray *));
  for (guint i = 0; i < ep_mapping_get_n_measures (m); i++)
    for (guint r = 0; r < EP_MAPPING_N_ROLES; r++)
      {
        GArray *indices = NULL;
        guint n = ep_mapping_get_measure_n_columns (m, i, r);

        if (n > 0)
          indices = g_array_new (FALSE, FALSE, sizeof (int));
        for (guint j = 0; j < n; j++)
          {
            gboolean optional;
            const char *name = ep_mapping_get_measure_column (m, i, r, j, &optional);
            int idx = find_column (exact, folded, name);

            if (idx >= 0)
              g_array_append_val (indices, idx);
            else if (!optional)
              {
                g_array_unref (indices);
                g_set_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_COLUMNS,
                             _("%s:%llu: the file has no column “%s”, which "
                               "the mapping names for a %s"),
                             display_name, (unsigned long long) header->line, name, ep_mapping_role_to_string (r));
                return FALSE;
              }
          }
        if (indices && indices->len == 0)
          g_clear_pointer (&indices, g_array_unref);
        g_array_append_val (self->measure_cols, indices);
      }
  return TRUE;
}

static void
free_measure_cols (GArray *cols)
{
  for (guint i = 0; i < cols->len; i++)
    {
      GArray *a = g_array_index (cols, GArray *, i);
      if (a)
        g_array_unref (a);
    }
  g_array_set_size (cols, 0);
}

/* The text of a row's role: a fixed value, a column's cell, or NULL. The
 * result is trimmed in a copy. */
static char *
row_text (EpImporter     *self,
          const EpCsvRow *row,
          EpMappingRole   role)
{
  const char *fixed = ep_mapping_get_fixed (self->mapping, role);
  int idx = self->col[role];

  if (idx >= 0)
    {
      if (idx < (int) row->n_fields && !is_blank (row->fields[idx]))
        {
          g_autofree char *copy = g_strdup (row->fields[idx]);
          return g_strdup (trim (copy));
        }
      return NULL;
    }
  return g_strdup (fixed);
}

static const char *
resolve_indicator_uncached (EpImporter *self,
                            const char *label,
                            char      **owned)
{
  const char *id = ep_mapping_lookup_alias (self->mapping, EP_MAPPING_ROLE_INDICATOR, label);

  if (id)
    return id;
  if (declared_indicator (self->mapping, label, NULL, NULL))
    return label;
  /* A fixed indicator is an id already; a column's label becomes one. */
  if (self->col[EP_MAPPING_ROLE_INDICATOR] < 0)
    return label;
  *owned = slug (label);
  return **owned ? *owned : label;
}

static const char *
resolve_indicator (EpImporter *self,
                   const char *label)
{
  const char *id = g_hash_table_lookup (self->indicator_cache, label);

  if (id == NULL)
    {
      g_autofree char *owned = NULL;
      char *copy = g_strdup (resolve_indicator_uncached (self, label, &owned));

      g_hash_table_insert (self->indicator_cache, g_strdup (label), copy);
      id = copy;
    }
  return id;
}

static const char *
resolve_period (EpImporter *self,
                const char *label)
{
  const char *period = g_hash_table_lookup (self->period_cache, label);

  if (period == NULL)
    {
      const char *id = ep_mapping_lookup_alias (self->mapping, EP_MAPPING_ROLE_PERIOD, label);

      period = ep_intern (id ? id : label);
      g_hash_table_insert (self->period_cache, g_strdup (label), (gpointer) period);
    }
  return period;
}

static gboolean
is_aggregate_word (const char *text)
{
  static const char * const words[] = {
    "state", "statewide", "state total", "state totals", "all districts",
    "district", "district total", "district totals", "districtwide", "district-wide",
    "all schools", "total", "totals", "grand total",
  };
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (folded, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * ep_import_is_aggregate_row:
 * @fields: the row's cells
 * @n_fields: how many
 * @school_id: (nullable): the row's school id
 * @school_name: (nullable): the row's school name
 *
 * Whether a row holds a state's or district's totals rather than one
 * school's: its school id or any cell (an organisation level, a county
 * column) says "State", "Statewide", "District Total" and the like, or its
 * name ends in "(statewide)" or "(district total)".
 *
 * Returns: %TRUE for an aggregate row, which is not imported as a school
 */
gboolean
ep_import_is_aggregate_row (const char * const *fields,
                            guint               n_fields,
                            const char         *school_id,
                            const char         *school_name)
{
  if (is_aggregate_word (school_id) || is_aggregate_word (school_name))
    return TRUE;
  if (school_name != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (school_name, -1);
      g_strstrip (folded);
      if (g_str_has_suffix (folded, "(statewide)") || g_str_has_suffix (folded, "(state)") ||
          g_str_has_suffix (folded, "(state total)") || g_str_has_suffix (folded, "(district total)"))
        return TRUE;
    }
  for (guint i = 0; i < n_fields; i++)
    {
      /* Only the words that cannot be a school's name in another column. */
      g_autofree char *folded = fields[i] ? g_utf8_casefold (fields[i], -1) : NULL;
      if (folded == NULL)
        continue;
      g_strstrip (folded);
      if (g_str_equal (folded, "statewide") || g_str_equal (folded, "state total") ||
          g_str_equal (folded, "district total") || g_str_equal (folded, "districtwide"))
        return TRUE;
    }
  return FALSE;
}

static void
import_row (EpImporter     *self,
            const EpCsvRow *row,
            const char    **header)
{
  EpMapping *m = self->mapping;
  g_autofree char *school_id = NULL;
  g_autofree char *school_name = NULL;
  g_autofree char *period_label = NULL;
  const char *period;
  guint imported = 0, tried = 0;

  school_id = row_text (self, row, EP_MAPPING_ROLE_SCHOOL_ID);
  school_name = row_text (self, row, EP_MAPPING_ROLE_SCHOOL_NAME);
  if (school_id == NULL && self->col[EP_MAPPING_ROLE_SCHOOL_ID] < 0 &&
      ep_mapping_get_fixed (m, EP_MAPPING_ROLE_SCHOOL_ID) == NULL)
    school_id = g_strdup (school_name);
  if (school_id == NULL)
    {
      add_problem (self, row->line, ep_mapping_get_column (m, EP_MAPPING_ROLE_SCHOOL_ID),
                   _("no school id; row skipped"));
      self->report->rows_skipped++;
      return;
    }
  if (ep_import_is_aggregate_row (row->fields, row->n_fields, school_id, school_name))
    {
      self->report->rows_skipped++;
      self->report->rows_aggregate++;
      return;
    }
  period_label = row_text (self, row, EP_MAPPING_ROLE_PERIOD);
  if (period_label == NULL)
    {
      add_problem (self, row->line, ep_mapping_get_column (m, EP_MAPPING_ROLE_PERIOD),
                   _("no period (school year); row skipped"));
      self->report->rows_skipped++;
      return;
    }
  period = resolve_period (self, period_label);

  if (ep_mapping_get_layout (m) == EP_MAPPING_LAYOUT_LONG)
    {
      g_autofree char *group_label = row_text (self, row, EP_MAPPING_ROLE_GROUP);
      g_autofree char *indicator_label = row_text (self, row, EP_MAPPING_ROLE_INDICATOR);
      const char *group, *indicator;
      Cell cells[EP_MAPPING_N_ROLES];
      Cell *c[EP_MAPPING_N_ROLES] = { NULL };

      if (group_label == NULL || (group = resolve_group (self, group_label)) == NULL)
        {
          if (group_label == NULL)
            add_problem (self, row->line, ep_mapping_get_column (m, EP_MAPPING_ROLE_GROUP),
                         _("no student group; row skipped"));
          else
            add_problem (self, row->line, ep_mapping_get_column (m, EP_MAPPING_ROLE_GROUP),
                         _("the student group “%s” is not known; add an alias for it to the "
                           "mapping; row skipped"), group_label);
          self->report->rows_skipped++;
          return;
        }
      if (indicator_label == NULL)
        {
          add_problem (self, row->line, ep_mapping_get_column (m, EP_MAPPING_ROLE_INDICATOR),
                       _("no indicator; row skipped"));
          self->report->rows_skipped++;
          return;
        }
      indicator = resolve_indicator (self, indicator_label);

      for (guint r = EP_MAPPING_ROLE_NUMERATOR; r <= EP_MAPPING_ROLE_N; r++)
        {
          int idx = self->col[r];
          if (idx < 0)
            continue;
          read_cell (self, idx < (int) row->n_fields ? row->fields[idx] : "", header[idx], &cells[r]);
          c[r] = &cells[r];
        }
      if (stage_measure (self, row->line, school_id, school_name, indicator_label, indicator,
                         group, period, c[EP_MAPPING_ROLE_NUMERATOR], c[EP_MAPPING_ROLE_DENOMINATOR],
                         c[EP_MAPPING_ROLE_RATE], c[EP_MAPPING_ROLE_VALUE], c[EP_MAPPING_ROLE_N]))
        imported++;
      tried++;
    }
  else
    {
      guint n_measures = ep_mapping_get_n_measures (m);

      for (guint i = 0; i < n_measures; i++)
        {
          const char *indicator, *group_label, *group;
          Cell cells[EP_MAPPING_N_ROLES];
          Cell *c[EP_MAPPING_N_ROLES] = { NULL };
          gboolean bad = FALSE;

          ep_mapping_get_measure (m, i, &indicator, &group_label);
          group = resolve_group (self, group_label);
          if (group == NULL)
            {
              add_problem (self, row->line, NULL,
                           _("the student group “%s” of a measure is not known; declare it in "
                             "the mapping"), group_label);
              self->report->cells_skipped++;
              continue;
            }
          for (guint r = EP_MAPPING_ROLE_NUMERATOR; r <= EP_MAPPING_ROLE_N && !bad; r++)
            {
              GArray *indices = g_array_index (self->measure_cols, GArray *, i * EP_MAPPING_N_ROLES + r);
              g_autofree char *why = NULL;

              if (indices == NULL)
                continue;
              sum_cells (self, row, indices, header, &cells[r], &why);
              c[r] = &cells[r];
              if (why)
                {
                  add_problem (self, row->line, cells[r].column, "%s", why);
                  self->report->cells_skipped++;
                  bad = TRUE;
                }
            }
          tried++;
          if (bad)
            continue;
          if (stage_measure (self, row->line, school_id, school_name, indicator, indicator,
                             group, period, c[EP_MAPPING_ROLE_NUMERATOR], c[EP_MAPPING_ROLE_DENOMINATOR],
                             c[EP_MAPPING_ROLE_RATE], c[EP_MAPPING_ROLE_VALUE], c[EP_MAPPING_ROLE_N]))
            imported++;
        }
    }
  if (imported == 0 && tried > 0)
    self->report->rows_skipped++;
}

/**
 * ep_importer_read:
 * @display_name: how the report and messages name the file
 *
 * Reads the file and stages what it would import; the district is not
 * changed. Rows or cells that cannot be imported are listed in the report
 * with their line, and the rest is read. Fails (with "FILE:LINE: message")
 * only when the file cannot be read as CSV or lacks the mapping's columns,
 * or when cancelled; then nothing is staged.
 *
 * Returns: TRUE when the file was read; see ep_importer_get_report()
 */
static gboolean
district_has_indicator (EpDistrict *district,
                        const char *id)
{
  GListModel *schools = ep_district_get_schools (district);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      if (ep_school_find_indicator (school, id) != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
ep_importer_read (EpImporter    *self,
                  GInputStream  *stream,
                  const char    *display_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(EpCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  const EpCsvRow *row;
  g_autoptr(GError) local = NULL;
  GHashTable *new_indicators;

  g_return_val_if_fail (EP_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->read_done, FALSE);

  if (!ep_mapping_validate (self->mapping, error))
    return FALSE;

  display_name = display_name ? display_name : "(stream)";
  g_clear_pointer (&self->report, ep_import_report_free);
  self->report = report_new ();
  self->report->display_name = g_strdup (display_name);
  self->schools = g_ptr_array_new_with_free_func (staged_school_free);
  self->schools_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  reader = ep_csv_reader_new (stream, display_name);
  ep_csv_reader_set_encoding (reader, self->encoding);
  ep_csv_reader_set_delimiter (reader, self->delimiter);
  if (self->progress)
    ep_csv_reader_set_progress (reader, self->progress, self->progress_data, NULL);

  row = ep_csv_reader_read_row (reader, cancellable, &local);
  if (row == NULL && local == NULL)
    g_set_error (&local, EP_CSV_ERROR, EP_CSV_ERROR_FAILED, _("%s:1: the file is empty"), display_name);
  if (row != NULL)
    {
      self->report->encoding = g_strdup (ep_csv_reader_get_encoding (reader));
      self->report->had_bom = ep_csv_reader_get_had_bom (reader);
      self->report->delimiter = ep_csv_reader_get_delimiter (reader);
      for (guint i = 0; i < row->n_fields; i++)
        g_ptr_array_add (header, g_strstrip (g_strdup (row->fields[i])));
      if (!resolve_header (self, row, display_name, &local))
        row = NULL;
    }
  while (row != NULL && local == NULL)
    {
      row = ep_csv_reader_read_row (reader, cancellable, &local);
      if (row == NULL)
        break;
      self->report->rows_read++;
      if (row->n_fields != header->len)
        self->report->rows_ragged++;
      if (row->invalid_text)
        {
          add_problem (self, row->line, NULL,
                       _("this row has bytes that are not %s text; give the file’s encoding "
                         "(such as WINDOWS-1252); row skipped"),
                       self->report->encoding);
          self->report->rows_skipped++;
          continue;
        }
      {
        gboolean blank = TRUE;
        for (guint i = 0; i < row->n_fields && blank; i++)
          blank = is_blank (row->fields[i]);
        if (blank)
          {
            self->report->rows_blank++;
            continue;
          }
      }
      import_row (self, row, (const char **) header->pdata);
    }
  self->report->bytes_read = ep_csv_reader_get_bytes_read (reader);
  if (self->measure_cols)
    free_measure_cols (self->measure_cols);

  if (local != NULL)
    {
      /* Nothing half-read is kept. */
      GHashTableIter iter;
      KnownGroup *g;

      clear_staging (self);
      g_ptr_array_set_size (self->group_order, 0);
      g_hash_table_iter_init (&iter, self->groups);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &g))
        g->used = FALSE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Schools and indicators are created only when they get measurements;
   * an indicator is new once, however many schools it is made in, and only
   * when no school of the district has it yet. */
  new_indicators = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->schools->len; i++)
    {
      StagedSchool *ss = g_ptr_array_index (self->schools, i);
      guint with_data = 0;

      for (guint j = 0; j < ss->indicators->len; j++)
        {
          StagedIndicator *si = g_ptr_array_index (ss->indicators, j);
          if (ep_indicator_get_n_measurements (si->staging) == 0)
            continue;
          with_data++;
          if (si->existing == NULL && !g_hash_table_contains (new_indicators, si->id) &&
              !district_has_indicator (self->district, si->id))
            {
              g_hash_table_add (new_indicators, si->id);
              self->report->indicators_created++;
            }
        }
      if (with_data > 0 && ss->existing == NULL)
        self->report->schools_created++;
    }
  g_hash_table_unref (new_indicators);
  self->read_done = TRUE;
  return TRUE;
}

/**
 * ep_importer_read_file:
 *
 * ep_importer_read() on @file, named by its parse name.
 */
gboolean
ep_importer_read_file (EpImporter    *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (EP_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  in = g_file_read (file, cancellable, &local);
  if (in == NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", name, local->message);
      return FALSE;
    }
  return ep_importer_read (self, G_INPUT_STREAM (in), name, cancellable, error);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (ep_importer_read_file (source, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ep_importer_read_file_async:
 *
 * ep_importer_read_file() in a worker thread, for the import assistant:
 * the progress callback is called in that thread. The district is only
 * read meanwhile; do not change it until the read has finished.
 */
void
ep_importer_read_file_async (EpImporter          *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EP_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ep_importer_read_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

gboolean
ep_importer_read_file_finish (EpImporter    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What an import does to the district, to do and undo as one step: the
 * groups, schools and indicators it adds, and the measurements of the
 * indicators it changes, before and after (snapshots of their cells). */
typedef struct {
  EpDistrict *district;
  GPtrArray  *groups;        /* EpStudentGroup*: added */
  GPtrArray  *schools;       /* EpSchool*: added, with their indicators */
  GPtrArray  *hosts;         /* EpSchool*: existing schools given … */
  GPtrArray  *added;         /* EpIndicator*: … these new indicators */
  GPtrArray  *changed;       /* EpIndicator*: existing, with new measurements */
  GPtrArray  *before;        /* EpIndicator*: snapshots of changed */
  GPtrArray  *after;
} ImportStep;

static void
import_step_free (gpointer data)
{
  ImportStep *step = data;

  g_object_unref (step->district);
  g_ptr_array_unref (step->groups);
  g_ptr_array_unref (step->schools);
  g_ptr_array_unref (step->hosts);
  g_ptr_array_unref (step->added);
  g_ptr_array_unref (step->changed);
  g_ptr_array_unref (step->before);
  g_ptr_array_unref (step->after);
  g_free (step);
}

static void
import_step_apply (gpointer data)
{
  ImportStep *step = data;

  for (guint i = 0; i < step->groups->len; i++)
    ep_district_add_group (step->district, step->groups->pdata[i]);
  for (guint i = 0; i < step->schools->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ep_district_add_school (step->district, step->schools->pdata[i], &error))
        g_critical ("%s", error->message);   /* ids were checked when staged */
    }
  for (guint i = 0; i < step->added->len; i++)
    ep_school_add_indicator (step->hosts->pdata[i], step->added->pdata[i]);
  for (guint i = 0; i < step->changed->len; i++)
    ep_indicator_restore (step->changed->pdata[i], step->after->pdata[i]);
}

static void
import_step_revert (gpointer data)
{
  ImportStep *step = data;

  for (guint i = step->changed->len; i-- > 0;)
    ep_indicator_restore (step->changed->pdata[i], step->before->pdata[i]);
  for (guint i = step->added->len; i-- > 0;)
    ep_school_remove_indicator (step->hosts->pdata[i], step->added->pdata[i]);
  for (guint i = step->schools->len; i-- > 0;)
    ep_district_remove_school (step->district, step->schools->pdata[i]);
  for (guint i = step->groups->len; i-- > 0;)
    ep_district_remove_group (step->district, step->groups->pdata[i]);
}

/* Turns what was staged into an ImportStep, leaving the district as it is. */
static ImportStep *
build_step (EpImporter *self)
{
  ImportStep *step = g_new0 (ImportStep, 1);

  step->district = g_object_ref (self->district);
  step->groups = g_ptr_array_new_with_free_func (g_object_unref);
  step->schools = g_ptr_array_new_with_free_func (g_object_unref);
  step->hosts = g_ptr_array_new_with_free_func (g_object_unref);
  step->added = g_ptr_array_new_with_free_func (g_object_unref);
  step->changed = g_ptr_array_new_with_free_func (g_object_unref);
  step->before = g_ptr_array_new_with_free_func (g_object_unref);
  step->after = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->group_order->len; i++)
    {
      const char *id = g_ptr_array_index (self->group_order, i);
      KnownGroup *g = g_hash_table_lookup (self->groups, id);
      EpStudentGroup *group = ep_student_group_new ();

      ep_student_group_set_id (group, id);
      ep_student_group_set_category (group, g->category);
      ep_student_group_set_label (group, g->label);
      g_ptr_array_add (step->groups, group);
      g->in_district = TRUE;
    }

  for (guint i = 0; i < self->schools->len; i++)
    {
      StagedSchool *ss = g_ptr_array_index (self->schools, i);
      EpSchool *school = ss->existing;
      gboolean with_data = FALSE;

      for (guint j = 0; j < ss->indicators->len && !with_data; j++)
        with_data = ep_indicator_get_n_measurements (((StagedIndicator *) g_ptr_array_index (ss->indicators, j))->staging) > 0;
      if (!with_data)
        continue;
      if (school == NULL)
        {
          school = ep_school_new (ss->id, ss->name);
          g_ptr_array_add (step->schools, school);
        }
      for (guint j = 0; j < ss->indicators->len; j++)
        {
          StagedIndicator *si = g_ptr_array_index (ss->indicators, j);
          guint n = ep_indicator_get_n_measurements (si->staging);

          if (n == 0)
            continue;
          if (si->existing == NULL)
            {
              EpUnit unit = EP_UNIT_PERCENT;
              EpIndicatorKind kind = EP_INDICATOR_LAGGING;
              EpDirection direction = EP_DIRECTION_HIGHER_IS_BETTER;
              const char *name = si->name;

              for (guint k = 0; k < ep_mapping_get_n_indicators (self->mapping); k++)
                if (g_str_equal (ep_mapping_get_indicator (self->mapping, k, &name, &unit, &kind, &direction),
                                 si->id))
                  break;
              ep_indicator_set_name (si->staging, name ? name : si->name);
              ep_indicator_set_unit (si->staging, si->unit_known ? si->unit : unit);
              ep_indicator_set_kind (si->staging, kind);
              ep_indicator_set_direction (si->staging, direction);
              /* The staged indicator becomes the school's: no copy. */
              if (school == ss->existing)
                {
                  g_ptr_array_add (step->hosts, g_object_ref (school));
                  g_ptr_array_add (step->added, g_object_ref (si->staging));
                }
              else
                ep_school_add_indicator (school, si->staging);
            }
          else
            {
              EpIndicator *after = ep_indicator_snapshot (si->existing);

              for (guint k = 0; k < n; k++)
                {
                  EpMeasurement m;
                  g_autoptr(GError) error = NULL;

                  ep_indicator_get_nth (si->staging, k, &m);
                  if (!ep_indicator_set_measurement (after, &m, &error))
                    add_problem (self, 0, NULL, "%s", error->message);
                }
              g_ptr_array_add (step->changed, g_object_ref (si->existing));
              g_ptr_array_add (step->before, ep_indicator_snapshot (si->existing));
              g_ptr_array_add (step->after, after);
            }
        }
    }
  self->report->applied = TRUE;
  clear_staging (self);
  return step;
}

/**
 * ep_importer_apply:
 *
 * Adds what ep_importer_read() staged to the district: new student groups,
 * schools and indicators, and every measurement. Call once, after a
 * successful read. The app uses ep_importer_apply_with_history() instead.
 */
void
ep_importer_apply (EpImporter *self)
{
  ImportStep *step;

  g_return_if_fail (EP_IS_IMPORTER (self));
  g_return_if_fail (self->read_done && !self->report->applied);

  step = build_step (self);
  import_step_apply (step);
  import_step_free (step);
}

/**
 * ep_importer_apply_with_history:
 *
 * ep_importer_apply() as one step of @history: undo removes the groups,
 * schools and indicators the import created and gives the indicators it
 * changed their measurements back; redo does the import again.
 */
void
ep_importer_apply_with_history (EpImporter *self,
                                EpHistory  *history)
{
  g_return_if_fail (EP_IS_IMPORTER (self));
  g_return_if_fail (EP_IS_HISTORY (history));
  g_return_if_fail (self->read_done && !self->report->applied);

  /* Translators: an undo step: measurements were imported from a file */
  ep_history_push (history, _("Import data"), import_step_apply, import_step_revert,
                   build_step (self), import_step_free);
}
