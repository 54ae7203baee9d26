/* ep-district-view.c — every school's plan in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For district staff: each school's focus, problem group, baseline →
 * target, latest value, on-track state, gap trend and plan health, in a
 * GtkColumnView that sorts by any column and filters by text and by
 * on-track state.
 *
 * Built for 1,500 schools: the row objects (EpSchoolRow) are made when the
 * view first asks for them, and each computes its figures the first time
 * one is read, so the first frame only costs the visible rows. A change in
 * a school drops that school's row (the district's "changed" signal names
 * the object that changed), and only that row is computed again.
 */
#define G_LOG_DOMAIN "ep-district-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-chart.h"
#include "ep-district-view.h"
#include "ep-page.h"
#include "ep-page-util.h"

/* ---- EpSchoolRow: one school's figures, computed when first read ------- */

#define EP_TYPE_SCHOOL_ROW (ep_school_row_get_type ())
G_DECLARE_FINAL_TYPE (EpSchoolRow, ep_school_row, EP, SCHOOL_ROW, GObject)

enum {
  COL_NAME,
  COL_FOCUS,
  COL_GROUP,
  COL_PROBLEM,
  COL_LATEST,
  COL_TRACK,
  COL_TREND,
  COL_HEALTH,
  N_COLS
};

struct _EpSchoolRow
{
  GObject      parent_instance;

  EpDistrict  *district;     /* borrowed: the view keeps it */
  EpSchool    *school;
  char        *search_text;

  gboolean     computed;
  gboolean     health_computed;
  char        *cells[N_COLS];
  EpTrackState track;
  double       trend;        /* change of the gap's size; G_MAXDOUBLE: unknown */
  int          errors;
  int          warnings;
};

G_DEFINE_FINAL_TYPE (EpSchoolRow, ep_school_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_NAME,
  ROW_PROP_SEARCH_TEXT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
ep_school_row_finalize (GObject *object)
{
  EpSchoolRow *self = EP_SCHOOL_ROW (object);

  g_clear_object (&self->school);
  g_free (self->search_text);
  for (guint i = 0; i < N_COLS; i++)
    g_free (self->cells[i]);

  G_OBJECT_CLASS (ep_school_row_parent_class)->finalize (object);
}

static void ep_school_row_compute (EpSchoolRow *self);

static void
ep_school_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EpSchoolRow *self = EP_SCHOOL_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_NAME:
      g_value_set_string (value, ep_school_get_name (self->school));
      break;
    case ROW_PROP_SEARCH_TEXT:
      ep_school_row_compute (self);
      g_value_set_string (value, self->search_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_school_row_class_init (EpSchoolRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_school_row_finalize;
  object_class->get_property = ep_school_row_get_property;
  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL,
                                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
ep_school_row_init (EpSchoolRow *self)
{
  self->trend = G_MAXDOUBLE;
}

static EpSchoolRow *
ep_school_row_new (EpDistrict *district,
                   EpSchool   *school)
{
  EpSchoolRow *self = g_object_new (EP_TYPE_SCHOOL_ROW, NULL);

  self->district = district;
  self->school = g_object_ref (school);
  return self;
}

static void
ep_school_row_compute (EpSchoolRow *self)
{
  EpPlan *plan;
  EpIndicator *indicator;
  EpStudentGroup *group;
  EpAnalysis analysis;
  EpTrack track;

  if (self->computed)
    return;
  self->computed = TRUE;
  self->track = EP_TRACK_UNKNOWN;
  self->cells[COL_NAME] = g_strdup (ep_school_get_name (self->school));
  plan = ep_school_get_current_plan (self->school);
  if (plan == NULL)
    {
      self->cells[COL_FOCUS] = g_strdup (_("No plan yet"));
      self->search_text = g_strdup (self->cells[COL_NAME]);
      return;
    }
  self->cells[COL_FOCUS] = g_strdup (ep_enum_label (EP_TYPE_FOCUS_AREA, ep_plan_get_focus (plan)));
  group = ep_plan_get_problem_group (plan) ? ep_district_find_group (self->district, ep_plan_get_problem_group (plan)) : NULL;
  self->cells[COL_GROUP] = g_strdup (group ? ep_student_group_get_label (group) : _("not chosen"));
  indicator = ep_plan_get_problem_indicator (plan) ? ep_school_find_indicator (self->school, ep_plan_get_problem_indicator (plan)) : NULL;

  if (indicator && ep_plan_get_has_baseline (plan) && ep_plan_get_has_target (plan))
    {
      g_autofree char *b = ep_format_indicator_value (indicator, ep_plan_get_baseline (plan));
      g_autofree char *t = ep_format_indicator_value (indicator, ep_plan_get_target (plan));
      /* Translators: baseline → target (target period), e.g. "31.7% → 20% (2027-28)" */
      self->cells[COL_PROBLEM] = g_strdup_printf (_("%s → %s (%s)"), b, t,
                                                  ep_plan_get_target_period (plan) ? ep_plan_get_target_period (plan) : "?");
    }
  else
    self->cells[COL_PROBLEM] = g_strdup (_("incomplete"));

  ep_analysis_init (&analysis, self->district);
  ep_analysis_track (&analysis, self->school, plan, NULL, &track);
  self->track = track.state;
  if (track.reason == EP_REASON_NO_LATER_PERIOD || (track.state != EP_TRACK_UNKNOWN && !ep_track_has_later_data (&track)))
    {
      /* Only the baseline's own period: nothing to judge yet. */
      self->track = EP_TRACK_UNKNOWN;
      self->cells[COL_TRACK] = g_strdup (_("No data after baseline yet"));
    }
  else
    self->cells[COL_TRACK] = g_strdup (ep_track_label (track.state));
  if (track.period != NULL)
    {
      g_autofree char *v = ep_format_figure (indicator, &track.current, FALSE);
      /* Translators: a value and its period, e.g. "27.8% (2025-26)" */
      self->cells[COL_LATEST] = g_strdup_printf (_("%s (%s)"), v, track.period);
    }
  else if (track.reason == EP_REASON_NOT_APPLICABLE)
    self->cells[COL_LATEST] = g_strdup (_("no problem statement"));
  else
    {
      EpFigure none = EP_FIGURE_NONE (track.reason);
      self->cells[COL_LATEST] = ep_figure_explain (&none);
    }

  /* Gap trend: the latest period against the one before, as the board
   * packet says it (ep_gap_trend_analyse(), ep_gap_trend_format()). */
  {
    EpGapTrend gap;

    if (indicator && group && ep_gap_trend_analyse (&analysis, indicator, ep_student_group_get_id (group), &gap))
      {
        self->trend = gap.change;
        self->cells[COL_TREND] = ep_gap_trend_format (&gap);
      }
    else if (indicator && group)
      /* Translators: gap trend of the district view: fewer than two periods with both rates */
      self->cells[COL_TREND] = g_strdup (_("needs two periods"));
    else
      self->cells[COL_TREND] = g_strdup (_("no problem statement"));
  }

  self->search_text = g_strjoin (" ", self->cells[COL_NAME], self->cells[COL_FOCUS],
                                 self->cells[COL_GROUP], ep_school_get_id (self->school), NULL);
}

static void
ep_school_row_compute_health (EpSchoolRow *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  EpPlan *plan;
  GDate today;

  if (self->health_computed)
    return;
  self->health_computed = TRUE;
  plan = ep_school_get_current_plan (self->school);
  if (plan == NULL)
    {
      self->cells[COL_HEALTH] = g_strdup (_("no plan"));
      self->errors = 1;
      return;
    }
  ep_page_today (&today);
  findings = ep_health_check (self->district, self->school, plan, &today);
  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *f = findings->pdata[i];
      self->errors += f->severity == EP_SEVERITY_ERROR;
      self->warnings += f->severity == EP_SEVERITY_WARNING;
    }
  if (self->errors == 0 && self->warnings == 0)
    self->cells[COL_HEALTH] = g_strdup (_("✓ no problems"));
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%d error", "%d errors", self->errors), self->errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%d warning", "%d warnings", self->warnings), self->warnings);

      if (self->errors == 0)
        self->cells[COL_HEALTH] = g_steal_pointer (&w);
      else if (self->warnings == 0)
        self->cells[COL_HEALTH] = g_steal_pointer (&e);
      else
        /* Translators: "1 error, 3 warnings" */
        self->cells[COL_HEALTH] = g_strdup_printf (_("%s, %s"), e, w);
    }
}

static const char *
ep_school_row_get_cell (EpSchoolRow *self,
                        guint        column)
{
  if (column == COL_HEALTH)
    ep_school_row_compute_health (self);
  else
    ep_school_row_compute (self);
  return self->cells[column] ? self->cells[column] : "";
}

const char *
ep_district_view_row_get_id (gpointer row)
{
  g_return_val_if_fail (EP_IS_SCHOOL_ROW (row), NULL);
  return ep_school_get_id (EP_SCHOOL_ROW (row)->school);
}

const char *
ep_district_view_row_get_name (gpointer row)
{
  g_return_val_if_fail (EP_IS_SCHOOL_ROW (row), NULL);
  return ep_school_get_name (EP_SCHOOL_ROW (row)->school);
}

EpTrackState
ep_district_view_row_get_track (gpointer row)
{
  g_return_val_if_fail (EP_IS_SCHOOL_ROW (row), EP_TRACK_UNKNOWN);
  ep_school_row_compute (row);
  return EP_SCHOOL_ROW (row)->track;
}

/* ---- EpSchoolRows: the district's schools as rows, made on demand ------ */

#define EP_TYPE_SCHOOL_ROWS (ep_school_rows_get_type ())
G_DECLARE_FINAL_TYPE (EpSchoolRows, ep_school_rows, EP, SCHOOL_ROWS, GObject)

struct _EpSchoolRows
{
  GObject     parent_instance;

  EpDistrict *district;
  GListModel *schools;
  GPtrArray  *rows;          /* EpSchoolRow or NULL, one per school */
  gulong      items_changed_id;
};

static GType
ep_school_rows_get_item_type (GListModel *model)
{
  return EP_TYPE_SCHOOL_ROW;
}

static guint
ep_school_rows_get_n_items (GListModel *model)
{
  return EP_SCHOOL_ROWS (model)->rows->len;
}

static gpointer
ep_school_rows_get_item (GListModel *model,
                         guint       position)
{
  EpSchoolRows *self = EP_SCHOOL_ROWS (model);

  if (position >= self->rows->len)
    return NULL;
  if (self->rows->pdata[position] == NULL)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (self->schools, position);
      self->rows->pdata[position] = ep_school_row_new (self->district, school);
    }
  return g_object_ref (self->rows->pdata[position]);
}

static void
ep_school_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ep_school_rows_get_item_type;
  iface->get_n_items = ep_school_rows_get_n_items;
  iface->get_item = ep_school_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EpSchoolRows, ep_school_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ep_school_rows_model_init))

static void
drop_row (EpSchoolRows *self,
          guint         i)
{
  g_clear_object ((EpSchoolRow **) &self->rows->pdata[i]);
}

static void
ep_school_rows_dispose (GObject *object)
{
  EpSchoolRows *self = EP_SCHOOL_ROWS (object);

  if (self->schools)
    g_clear_signal_handler (&self->items_changed_id, self->schools);
  g_clear_object (&self->schools);
  g_clear_object (&self->district);
  if (self->rows)
    for (guint i = 0; i < self->rows->len; i++)
      drop_row (self, i);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ep_school_rows_parent_class)->dispose (object);
}

static void
ep_school_rows_class_init (EpSchoolRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ep_school_rows_dispose;
}

static void
ep_school_rows_init (EpSchoolRows *self)
{
  /* Rows are dropped by hand (drop_row), so no free func. */
  self->rows = g_ptr_array_new ();
}

static void
schools_changed_cb (EpSchoolRows *self,
                    guint         position,
                    guint         removed,
                    guint         added)
{
  for (guint i = 0; i < removed; i++)
    drop_row (self, position + i);
  g_ptr_array_remove_range (self->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->rows, position + i, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static EpSchoolRows *
ep_school_rows_new (EpDistrict *district)
{
  EpSchoolRows *self = g_object_new (EP_TYPE_SCHOOL_ROWS, NULL);

  self->district = g_object_ref (district);
  self->schools = g_object_ref (ep_district_get_schools (district));
  g_ptr_array_set_size (self->rows, g_list_model_get_n_items (self->schools));
  self->items_changed_id = g_signal_connect_swapped (self->schools, "items-changed",
                                                     G_CALLBACK (schools_changed_cb), self);
  return self;
}

/* Something in @school changed (or, with %NULL, in the whole district):
 * its row is made anew the next time it is asked for. */
static void
ep_school_rows_invalidate (EpSchoolRows *self,
                           EpSchool     *school)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      EpSchoolRow *row = self->rows->pdata[i];

      if (row == NULL || (school != NULL && row->school != school))
        continue;
      drop_row (self, i);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
}

/* ---- EpDistrictView ---------------------------------------------------- */

struct _EpDistrictView
{
  GtkWidget           parent_instance;

  EpChart            *chart;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *track_dropdown;
  GtkLabel           *count_label;
  GtkColumnView      *table;
  GtkBox             *chart_slot;

  /* Owned */
  EpDistrict         *district;
  gulong              changed_id;
  EpSchoolRows       *rows;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkStringFilter    *text_filter;
  GtkCustomFilter    *track_filter;
  GHashTable         *dirty;         /* EpSchool → itself; NULL key: all */

  /* The roll-up's choosers and the ids behind their rows */
  GtkDropDown        *rollup_indicator;
  GtkDropDown        *rollup_group;
  GtkDropDown        *rollup_period;
  GPtrArray          *indicator_ids;
  GPtrArray          *group_ids;     /* [0] NULL: each plan's own group */
  GPtrArray          *period_ids;    /* [0] NULL: the latest */
  gboolean            filling_rollup;
  gboolean            dirty_all;
  guint               update_id;
};

G_DEFINE_FINAL_TYPE (EpDistrictView, ep_district_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DISTRICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCHOOL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The on-track filter's choices, in the dropdown's order. */
static const int track_choices[] = { -1, EP_TRACK_AHEAD, EP_TRACK_ON, EP_TRACK_BEHIND, EP_TRACK_UNKNOWN };

static gboolean
track_filter_func (gpointer item,
                   gpointer user_data)
{
  EpDistrictView *self = user_data;
  guint choice = gtk_drop_down_get_selected (self->track_dropdown);

  if (choice == 0 || choice >= G_N_ELEMENTS (track_choices))
    return TRUE;
  return (int) ep_district_view_row_get_track (item) == track_choices[choice];
}

static void
update_count (EpDistrictView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = self->rows ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (ngettext ("%u school", "%u schools", all), all);
  else
    /* Translators: "3 of 1,500 schools" */
    text = g_strdup_printf (ngettext ("%u of %u school", "%u of %u schools", all), shown, all);
  gtk_label_set_label (self->count_label, text);
}

static void
track_changed_cb (EpDistrictView *self)
{
  gtk_filter_changed (GTK_FILTER (self->track_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void fill_rollup (EpDistrictView *self);

static gboolean
update_idle_cb (gpointer data)
{
  EpDistrictView *self = data;
  GHashTableIter iter;
  gpointer school;

  self->update_id = 0;
  if (self->rows == NULL)
    return G_SOURCE_REMOVE;
  if (self->dirty_all)
    {
      ep_school_rows_invalidate (self->rows, NULL);
      /* Indicators arrived (an import into an empty district): offer them. */
      if (self->indicator_ids->len == 0)
        fill_rollup (self);
    }
  else
    {
      g_hash_table_iter_init (&iter, self->dirty);
      while (g_hash_table_iter_next (&iter, &school, NULL))
        ep_school_rows_invalidate (self->rows, school);
    }
  g_hash_table_remove_all (self->dirty);
  self->dirty_all = FALSE;
  return G_SOURCE_REMOVE;
}


static void
district_changed_cb (EpDistrictView *self,
                     GObject        *object)
{
  gpointer node = object;

  while (node != NULL && !EP_IS_SCHOOL (node) && !EP_IS_DISTRICT (node))
    node = ep_node_get_parent (node);
  if (node == NULL || EP_IS_DISTRICT (node))
    self->dirty_all = TRUE;  /* rules or groups: every row */
  else
    g_hash_table_add (self->dirty, node);
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle_cb, self);
}

static void
activate_cb (EpDistrictView *self,
             guint           position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    g_signal_emit (self, signals[SCHOOL_ACTIVATED], 0, ep_district_view_row_get_id (row));
}

/* Columns */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Wrapped at word boundaries, never cut: every column fits at 1100 px. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  EpSchoolRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = ep_school_row_get_cell (row, column);
  static const char *classes[] = { "track-ahead", "track-on", "track-behind", "track-unknown",
                                   "finding-error", "finding-warning", "finding-ok" };

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (column == COL_TRACK)
    gtk_widget_add_css_class (label, ep_track_css_class (row->track));
  else if (column == COL_HEALTH)
    gtk_widget_add_css_class (label, row->errors ? "finding-error" : row->warnings ? "finding-warning" : "finding-ok");
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  EpSchoolRow *ra = (EpSchoolRow *) a, *rb = (EpSchoolRow *) b;
  double va, vb;

  switch (column)
    {
    case COL_TRACK:
      /* Behind first: what needs attention. */
      ep_school_row_compute (ra);
      ep_school_row_compute (rb);
      {
        static const int rank[] = { [EP_TRACK_BEHIND] = 0, [EP_TRACK_ON] = 1, [EP_TRACK_AHEAD] = 2, [EP_TRACK_UNKNOWN] = 3 };
        va = rank[ra->track];
        vb = rank[rb->track];
      }
      break;
    case COL_TREND:
      ep_school_row_compute (ra);
      ep_school_row_compute (rb);
      va = ra->trend;
      vb = rb->trend;
      break;
    case COL_HEALTH:
      ep_school_row_compute_health (ra);
      ep_school_row_compute_health (rb);
      va = -(ra->errors * 1000 + ra->warnings);
      vb = -(rb->errors * 1000 + rb->warnings);
      break;
    default:
      return g_utf8_collate (ep_school_row_get_cell (ra, column), ep_school_row_get_cell (rb, column));
    }
  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column (EpDistrictView *self,
            const char     *title,
            guint           column,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (column == COL_NAME)
    sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (EP_TYPE_SCHOOL_ROW, NULL, "name")));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (col, sorter);
  g_object_unref (sorter);
  g_object_set_data (G_OBJECT (col), "ep-column", GUINT_TO_POINTER (column));
  gtk_column_view_append_column (self->table, col);
  g_object_unref (col);
}

static void
ep_district_view_dispose (GObject *object)
{
  EpDistrictView *self = EP_DISTRICT_VIEW (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->district)
    g_clear_signal_handler (&self->changed_id, self->district);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_DISTRICT_VIEW);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->rows);
  g_clear_object (&self->text_filter);
  g_clear_object (&self->track_filter);
  g_clear_object (&self->district);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->indicator_ids, g_ptr_array_unref);
  g_clear_pointer (&self->group_ids, g_ptr_array_unref);
  g_clear_pointer (&self->period_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ep_district_view_parent_class)->dispose (object);
}

static void
ep_district_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DISTRICT:
      g_value_set_object (value, EP_DISTRICT_VIEW (object)->district);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_district_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DISTRICT:
      ep_district_view_set_district (EP_DISTRICT_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_district_view_class_init (EpDistrictViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ep_district_view_dispose;
  object_class->get_property = ep_district_view_get_property;
  object_class->set_property = ep_district_view_set_property;

  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EpDistrictView::school-activated:
   * @id: the school's id
   *
   * A row was activated: the window opens that school.
   */
  signals[SCHOOL_ACTIVATED] =
    g_signal_new ("school-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-district-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EpDistrictView, title_label);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictView, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictView, count_label);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictView, table);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictView, chart_slot);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
set_strings (GtkDropDown *dropdown,
             GPtrArray   *names)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) names->pdata);
}

static guint
find_id (GPtrArray  *ids,
         const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (ids->pdata[i], id) == 0)
      return i;
  return 0;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The periods of @indicator in any school, oldest first, after "Latest". */
static void
fill_periods (EpDistrictView *self,
              const char     *indicator)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *schools = self->district ? ep_district_get_schools (self->district) : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();

  g_ptr_array_set_size (self->period_ids, 0);
  g_ptr_array_add (self->period_ids, NULL);
  /* Translators: the roll-up's period chooser: each school's latest period */
  g_ptr_array_add (names, g_strdup (_("Latest")));
  for (guint i = 0; schools && indicator && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      EpIndicator *ind = ep_school_find_indicator (school, indicator);
      g_autoptr(GPtrArray) list = ind ? ep_indicator_list_periods (ind) : NULL;

      for (guint j = 0; list && j < list->len; j++)
        if (g_hash_table_add (seen, list->pdata[j]))
          g_ptr_array_add (periods, list->pdata[j]);
    }
  g_ptr_array_sort (periods, compare_periods);
  for (guint i = 0; i < periods->len; i++)
    {
      g_ptr_array_add (self->period_ids, g_strdup (periods->pdata[i]));
      g_ptr_array_add (names, g_strdup (periods->pdata[i]));
    }
  g_ptr_array_add (names, NULL);
  set_strings (self->rollup_period, names);
  gtk_drop_down_set_selected (self->rollup_period, 0);
}

static void
apply_rollup (EpDistrictView *self)
{
  guint i = gtk_drop_down_get_selected (self->rollup_indicator);
  guint g = gtk_drop_down_get_selected (self->rollup_group);
  guint p = gtk_drop_down_get_selected (self->rollup_period);

  ep_chart_set_indicator (self->chart, i < self->indicator_ids->len ? self->indicator_ids->pdata[i] : NULL);
  ep_chart_set_group (self->chart, g < self->group_ids->len ? self->group_ids->pdata[g] : NULL);
  ep_chart_set_period (self->chart, p < self->period_ids->len ? self->period_ids->pdata[p] : NULL);
}

static void
rollup_chosen_cb (EpDistrictView *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  if (self->filling_rollup)
    return;
  if (dropdown == self->rollup_indicator)
    {
      guint i = gtk_drop_down_get_selected (self->rollup_indicator);

      self->filling_rollup = TRUE;
      fill_periods (self, i < self->indicator_ids->len ? self->indicator_ids->pdata[i] : NULL);
      self->filling_rollup = FALSE;
    }
  apply_rollup (self);
}

static char *common_problem_indicator (EpDistrict *district);

/* Every indicator of any school and every group of the district; the
 * packet's choice selected. */
static void
fill_rollup (EpDistrictView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) group_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *indicator = NULL, *group = NULL;
  GListModel *schools = self->district ? ep_district_get_schools (self->district) : NULL;
  GListModel *groups = self->district ? ep_district_get_groups (self->district) : NULL;

  self->filling_rollup = TRUE;
  g_ptr_array_set_size (self->indicator_ids, 0);
  g_ptr_array_set_size (self->group_ids, 0);
  for (guint i = 0; schools && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      GListModel *indicators = ep_school_get_indicators (school);

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(EpIndicator) ind = g_list_model_get_item (indicators, j);
          const char *id = ep_indicator_get_id (ind);
          gboolean known = FALSE;

          for (guint k = 0; k < self->indicator_ids->len && !known; k++)
            known = g_str_equal (self->indicator_ids->pdata[k], id);
          if (known)
            continue;
          g_ptr_array_add (self->indicator_ids, g_strdup (id));
          g_ptr_array_add (names, g_strdup (ep_indicator_get_name (ind) ? ep_indicator_get_name (ind) : id));
        }
    }
  g_ptr_array_add (names, NULL);
  set_strings (self->rollup_indicator, names);

  g_ptr_array_add (self->group_ids, NULL);
  /* Translators: the roll-up's group chooser: each plan's problem group */
  g_ptr_array_add (group_names, g_strdup (_("Each plan’s group")));
  for (guint i = 0; groups && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(EpStudentGroup) g = g_list_model_get_item (groups, i);

      g_ptr_array_add (self->group_ids, g_strdup (ep_student_group_get_id (g)));
      g_ptr_array_add (group_names, g_strdup (ep_student_group_get_label (g)));
    }
  g_ptr_array_add (group_names, NULL);
  set_strings (self->rollup_group, group_names);

  if (self->district)
    ep_rollup_choose (self->district, NULL, NULL, &indicator, &group);
  if (indicator == NULL && self->district)
    indicator = common_problem_indicator (self->district);
  gtk_drop_down_set_selected (self->rollup_indicator, find_id (self->indicator_ids, indicator));
  gtk_drop_down_set_selected (self->rollup_group, find_id (self->group_ids, group));
  fill_periods (self, indicator);
  self->filling_rollup = FALSE;
  apply_rollup (self);
}

static void
ep_district_view_init (EpDistrictView *self)
{
  g_autoptr(GtkStringList) choices = NULL;
  GtkEveryFilter *every;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart = EP_CHART (ep_chart_new ());
  ep_chart_set_kind (self->chart, EP_CHART_KIND_ROLLUP);
  /* What the roll-up ranks: indicator, group and period, chosen here;
   * by default what the board packet shows (ep_rollup_choose()). */
  {
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    struct { const char *label; GtkDropDown **dropdown; } choosers[] = {
      /* Translators: the roll-up's choosers in the district view */
      { N_("_Indicator"), &self->rollup_indicator },
      { N_("_Group"), &self->rollup_group },
      { N_("_Period"), &self->rollup_period },
    };

    gtk_widget_set_margin_top (bar, 6);
    gtk_widget_set_margin_bottom (bar, 6);
    for (guint i = 0; i < G_N_ELEMENTS (choosers); i++)
      {
        GtkWidget *label = gtk_label_new_with_mnemonic (_(choosers[i].label));
        GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL);

        gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        label, NULL, -1);
        if (i > 0)
          gtk_widget_set_margin_start (label, 12);
        gtk_box_append (GTK_BOX (bar), label);
        gtk_box_append (GTK_BOX (bar), dropdown);
        *choosers[i].dropdown = GTK_DROP_DOWN (dropdown);
        g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (rollup_chosen_cb), self);
      }
    self->indicator_ids = g_ptr_array_new_with_free_func (g_free);
    self->group_ids = g_ptr_array_new_with_free_func (g_free);
    self->period_ids = g_ptr_array_new_with_free_func (g_free);
    gtk_box_append (self->chart_slot, bar);
  }
  /* The roll-up needs room for its ranked rows: it scrolls inside the
   * lower half of the split rather than squeezing them. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 460);
    gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->chart));
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_widget_set_size_request (scroller, -1, 120);
    gtk_box_append (self->chart_slot, scroller);
  }

  self->dirty = g_hash_table_new (NULL, NULL);
  choices = gtk_string_list_new (NULL);
  /* Translators: the on-track filter of the district view */
  gtk_string_list_append (choices, _("All schools"));
  gtk_string_list_append (choices, ep_track_label (EP_TRACK_AHEAD));
  gtk_string_list_append (choices, ep_track_label (EP_TRACK_ON));
  gtk_string_list_append (choices, ep_track_label (EP_TRACK_BEHIND));
  gtk_string_list_append (choices, ep_track_label (EP_TRACK_UNKNOWN));
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (choices));
  g_signal_connect_swapped (self->track_dropdown, "notify::selected", G_CALLBACK (track_changed_cb), self);

  self->text_filter = gtk_string_filter_new (gtk_property_expression_new (EP_TYPE_SCHOOL_ROW, NULL, "search-text"));
  g_object_bind_property (self->search_entry, "text", self->text_filter, "search", G_BINDING_DEFAULT);
  self->track_filter = gtk_custom_filter_new (track_filter_func, self, NULL);
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->text_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->track_filter)));

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (every));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->table, "activate", G_CALLBACK (activate_cb), self);

  /* Translators: columns of the district view */
  add_column (self, _("School"), COL_NAME, TRUE);
  add_column (self, _("Focus"), COL_FOCUS, TRUE);
  add_column (self, _("Group"), COL_GROUP, TRUE);
  add_column (self, _("Baseline → target"), COL_PROBLEM, TRUE);
  add_column (self, _("Latest"), COL_LATEST, TRUE);
  add_column (self, _("On track"), COL_TRACK, TRUE);
  add_column (self, _("Gap trend"), COL_TREND, TRUE);
  add_column (self, _("Health"), COL_HEALTH, TRUE);
  update_count (self);
}

GtkWidget *
ep_district_view_new (void)
{
  return g_object_new (EP_TYPE_DISTRICT_VIEW, NULL);
}

EpDistrict *
ep_district_view_get_district (EpDistrictView *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT_VIEW (self), NULL);
  return self->district;
}

/* The roll-up shows the indicator most schools' plans are about (else
 * the first school's first indicator). */
static char *
common_problem_indicator (EpDistrict *district)
{
  GListModel *schools = ep_district_get_schools (district);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0, n = g_list_model_get_n_items (schools); i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      EpPlan *plan = ep_school_get_current_plan (school);
      const char *id = plan ? ep_plan_get_problem_indicator (plan) : NULL;
      guint count;

      if (best == NULL && g_list_model_get_n_items (ep_school_get_indicators (school)) > 0)
        {
          g_autoptr(EpIndicator) first = g_list_model_get_item (ep_school_get_indicators (school), 0);
          best = ep_indicator_get_id (first);
        }
      if (id == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1;
      g_hash_table_insert (counts, (gpointer) id, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best_count = count;
          best = id;
        }
    }
  return g_strdup (best);
}

void
ep_district_view_set_district (EpDistrictView *self,
                               EpDistrict     *district)
{
  g_return_if_fail (EP_IS_DISTRICT_VIEW (self));

  if (self->district == district)
    return;
  if (self->district)
    g_clear_signal_handler (&self->changed_id, self->district);
  g_set_object (&self->district, district);
  g_clear_object (&self->rows);
  g_hash_table_remove_all (self->dirty);
  if (district)
    {
      self->rows = ep_school_rows_new (district);
      self->changed_id = g_signal_connect_swapped (district, "changed", G_CALLBACK (district_changed_cb), self);
    }
  gtk_label_set_label (self->title_label, district ? ep_district_get_name (district) : "");
  ep_chart_set_district (self->chart, district);
  fill_rollup (self);
  gtk_filter_list_model_set_model (self->filtered, self->rows ? G_LIST_MODEL (self->rows) : NULL);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

/**
 * ep_district_view_get_model:
 *
 * Returns: (transfer none): the rows as shown: filtered and sorted
 */
GListModel *
ep_district_view_get_model (EpDistrictView *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * ep_district_view_get_chart:
 *
 * Returns: (transfer none): the roll-up chart (an #EpChart)
 */
GtkWidget *
ep_district_view_get_chart (EpDistrictView *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT_VIEW (self), NULL);
  return GTK_WIDGET (self->chart);
}

/**
 * ep_district_view_get_rollup_chooser:
 * @which: 0 the indicator, 1 the group, 2 the period
 *
 * Returns: (transfer none): that chooser of the roll-up
 */
GtkDropDown *
ep_district_view_get_rollup_chooser (EpDistrictView *self,
                                     guint           which)
{
  g_return_val_if_fail (EP_IS_DISTRICT_VIEW (self), NULL);
  g_return_val_if_fail (which < 3, NULL);
  return which == 0 ? self->rollup_indicator : which == 1 ? self->rollup_group : self->rollup_period;
}

/**
 * ep_district_view_row_get_cell:
 * @column: 0 school, 1 focus, 2 group, 3 baseline → target, 4 latest,
 *   5 on track, 6 gap trend, 7 health
 *
 * Returns: the text the row shows in that column
 */
const char *
ep_district_view_row_get_cell (gpointer row,
                               guint    column)
{
  g_return_val_if_fail (EP_IS_SCHOOL_ROW (row), NULL);
  g_return_val_if_fail (column < N_COLS, NULL);
  return ep_school_row_get_cell (row, column);
}
