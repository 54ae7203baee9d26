/* ep-page-diagnose.c — one focus, root-cause evidence, the problem
 * statement, and the indicators by group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-page-diagnose"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-chart.h"
#include "ep-page-diagnose.h"
#include "ep-page-util.h"

enum {
  COL_GROUP,
  COL_N,
  COL_RATE,
  COL_GAP,
  COL_RISK_RATIO,
  COL_FLAGS,
  N_COLS
};

struct _EpPageDiagnose
{
  EpPage          parent_instance;

  EpChart        *chart;

  /* Template widgets */
  GtkBox         *missing_box;
  GtkDropDown    *focus_dropdown;
  GtkTextView    *root_cause_view;
  GtkDropDown    *group_dropdown;
  GtkDropDown    *indicator_dropdown;
  GtkEntry       *baseline_entry;
  GtkEntry       *baseline_period_entry;
  GtkEntry       *target_entry;
  GtkEntry       *target_period_entry;
  GtkTextView    *statement_view;
  GtkLabel       *problem_summary;
  GtkDropDown    *table_indicator_dropdown;
  GtkDropDown    *table_period_dropdown;
  GtkGrid        *table;
  GtkLabel       *table_note;
  GtkBox         *chart_slot;

  GtkLabel       *problem_error;   /* why a typed value was refused */
  GtkWidget      *use_data_button;
  GtkWidget      *edit_data_button;

  /* Owned */
  EpBinder       *binder;
  GListStore     *rows;
  GtkStringList  *periods;
  gulong          plan_notify_id;
  EpPlan         *watched_plan;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (EpPageDiagnose, ep_page_diagnose, EP_TYPE_PAGE)

static guint
position_of (GListModel *model,
             const char *property,
             const char *id)
{
  if (model == NULL || id == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;

      g_object_get (item, property, &value, NULL);
      if (g_strcmp0 (value, id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_number_entry (GtkEntry   *entry,
                  EpIndicator *indicator,
                  gboolean    has,
                  double      value)
{
  g_autofree char *text = has ? ep_format_locale_number (value, 2) : g_strdup ("");

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* The plan's problem group, indicator, baseline and target → the widgets. */
static void
sync_problem (EpPageDiagnose *self)
{
  EpPage *page = EP_PAGE (self);
  EpPlan *plan = ep_page_get_plan (page);
  EpSchool *school = ep_page_get_school (page);
  EpDistrict *district = ep_page_get_district (page);
  EpIndicator *indicator = NULL;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->group_dropdown,
                              plan && district ? position_of (ep_district_get_groups (district), "id",
                                                              ep_plan_get_problem_group (plan))
                                               : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->indicator_dropdown,
                              plan && school ? position_of (ep_school_get_indicators (school), "id",
                                                            ep_plan_get_problem_indicator (plan))
                                             : GTK_INVALID_LIST_POSITION);
  if (plan && school && ep_plan_get_problem_indicator (plan))
    indicator = ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan));
  set_number_entry (self->baseline_entry, indicator, plan && ep_plan_get_has_baseline (plan),
                    plan ? ep_plan_get_baseline (plan) : 0);
  set_number_entry (self->target_entry, indicator, plan && ep_plan_get_has_target (plan),
                    plan ? ep_plan_get_target (plan) : 0);
  self->syncing = FALSE;
}

static void
plan_notify_cb (EpPageDiagnose *self,
                GParamSpec     *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "problem-group") || g_str_equal (name, "problem-indicator") ||
      g_str_equal (name, "baseline") || g_str_equal (name, "has-baseline") ||
      g_str_equal (name, "target") || g_str_equal (name, "has-target"))
    sync_problem (self);
}

static void
group_selected_cb (EpPageDiagnose *self)
{
  EpPage *page = EP_PAGE (self);
  EpStudentGroup *group = gtk_drop_down_get_selected_item (self->group_dropdown);

  /* A model changing under the drop-down (undo, redo) is not a choice. */
  if (self->syncing || group == NULL || ep_page_get_plan (page) == NULL || ep_page_get_history (page) == NULL ||
      ep_history_get_busy (ep_page_get_history (page)) ||
      g_strcmp0 (ep_plan_get_problem_group (ep_page_get_plan (page)), ep_student_group_get_id (group)) == 0)
    return;
  ep_history_set (ep_page_get_history (page), ep_page_get_plan (page),
                  "problem-group", ep_student_group_get_id (group), NULL);
}

static void
indicator_selected_cb (EpPageDiagnose *self)
{
  EpPage *page = EP_PAGE (self);
  EpIndicator *indicator = gtk_drop_down_get_selected_item (self->indicator_dropdown);

  if (self->syncing || indicator == NULL || ep_page_get_plan (page) == NULL || ep_page_get_history (page) == NULL ||
      ep_history_get_busy (ep_page_get_history (page)) ||
      g_strcmp0 (ep_plan_get_problem_indicator (ep_page_get_plan (page)), ep_indicator_get_id (indicator)) == 0)
    return;
  ep_history_set (ep_page_get_history (page), ep_page_get_plan (page),
                  "problem-indicator", ep_indicator_get_id (indicator), NULL);
}

static void
show_problem_error (EpPageDiagnose *self,
                    const char     *message)
{
  gtk_label_set_label (self->problem_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_error), message != NULL);
}

/* Periods are checked as they are typed, by the rules the findings use. */
static void
period_changed_cb (EpPageDiagnose *self)
{
  const char *baseline = gtk_editable_get_text (GTK_EDITABLE (self->baseline_period_entry));
  const char *target = gtk_editable_get_text (GTK_EDITABLE (self->target_period_entry));
  g_autoptr(GError) error = NULL;
  GtkEntry *bad = NULL;

  if (*baseline && !ep_validate_period (baseline, &error))
    bad = self->baseline_period_entry;
  else if (*target && !ep_validate_period (target, &error))
    bad = self->target_period_entry;
  else if (*baseline && *target && !ep_validate_period_order (baseline, target, &error))
    bad = self->target_period_entry;
  gtk_widget_remove_css_class (GTK_WIDGET (self->baseline_period_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->target_period_entry), "error");
  if (bad != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (bad), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (bad), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
    }
  show_problem_error (self, bad ? error->message : NULL);
}

/* The baseline from the data: the problem group's value in the baseline
 * period (or the latest period with one). */
static void
use_data_cb (EpPageDiagnose *self)
{
  EpPage *page = EP_PAGE (self);
  EpPlan *plan = ep_page_get_plan (page);
  EpSchool *school = ep_page_get_school (page);
  EpHistory *history = ep_page_get_history (page);
  EpIndicator *indicator;
  const char *group, *period;
  g_autoptr(GPtrArray) periods = NULL;
  EpAnalysis analysis;
  EpGroupFigures figures;

  if (plan == NULL || school == NULL || history == NULL)
    return;
  group = ep_plan_get_problem_group (plan);
  indicator = ep_plan_get_problem_indicator (plan) ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;
  if (group == NULL || indicator == NULL)
    {
      show_problem_error (self, _("Choose the group and the indicator first: the baseline is the group’s value in the data."));
      return;
    }
  period = ep_plan_get_baseline_period (plan);
  periods = ep_indicator_list_periods (indicator);
  if ((period == NULL || *period == '\0') && periods->len > 0)
    period = g_ptr_array_index (periods, periods->len - 1);
  if (period == NULL)
    {
      show_problem_error (self, _("The indicator has no data yet. Add its measurements first."));
      return;
    }
  ep_analysis_init (&analysis, ep_page_get_district (page));
  ep_analysis_group (&analysis, indicator, group, period, &figures);
  if (!ep_figure_ok (&figures.rate))
    {
      g_autofree char *why = ep_figure_explain (&figures.rate);
      /* Translators: the first %s is a period, the second why there is no figure */
      g_autofree char *message = g_strdup_printf (_("No baseline in the data for %s: %s."), period, why);
      show_problem_error (self, message);
      return;
    }
  show_problem_error (self, NULL);
  /* Translators: an undo step */
  ep_history_begin (history, _("Baseline from the data"));
  ep_history_set (history, plan, "baseline", figures.rate.value, "has-baseline", TRUE, NULL);
  if (g_strcmp0 (ep_plan_get_baseline_period (plan), period) != 0)
    ep_history_set (history, plan, "baseline-period", period, NULL);
  ep_history_end (history);
}

static void
edit_data_cb (EpPageDiagnose *self)
{
  EpIndicator *indicator = gtk_drop_down_get_selected_item (self->table_indicator_dropdown);

  if (indicator != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-data", "s", ep_indicator_get_id (indicator));
}

/* Baseline or target typed in the locale: committed on Enter or when
 * focus leaves; empty clears it; text that is not a number is marked and
 * not committed. */
static void
commit_number (EpPageDiagnose *self,
               GtkEntry       *entry)
{
  EpPage *page = EP_PAGE (self);
  EpPlan *plan = ep_page_get_plan (page);
  EpHistory *history = ep_page_get_history (page);
  gboolean is_baseline = entry == self->baseline_entry;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  double value;

  if (self->syncing || plan == NULL || history == NULL)
    return;
  if (*text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      ep_history_set (history, plan, is_baseline ? "has-baseline" : "has-target", FALSE, NULL);
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    EpSchool *school = ep_page_get_school (page);
    EpIndicator *indicator = school && ep_plan_get_problem_indicator (plan)
                             ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;

    if (!ep_parse_locale_number (text, &value))
      g_set_error_literal (&error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("Type a number, for example 31.7."));
    else
      ep_validate_indicator_value (indicator, value, &error);
    if (error != NULL)
      {
        /* Translators: the first %s names the field (Baseline or Target), the second says
         * why the value was refused and what is allowed */
        g_autofree char *message = g_strdup_printf (_("%s: %s"), is_baseline ? _("Baseline") : _("Target"),
                                                    error->message);

        gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
        gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                     GTK_ACCESSIBLE_INVALID_TRUE, -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        message, -1);
        show_problem_error (self, message);
        return;
      }
  }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  show_problem_error (self, NULL);
  if (is_baseline)
    {
      if (!ep_plan_get_has_baseline (plan) || ep_plan_get_baseline (plan) != value)
        ep_history_set (history, plan, "baseline", value, "has-baseline", TRUE, NULL);
    }
  else if (!ep_plan_get_has_target (plan) || ep_plan_get_target (plan) != value)
    ep_history_set (history, plan, "target", value, "has-target", TRUE, NULL);
  sync_problem (self);
}

static void
number_activate_cb (GtkEntry       *entry,
                    EpPageDiagnose *self)
{
  commit_number (self, entry);
}

static void
number_leave_cb (GtkEventControllerFocus *controller,
                 EpPageDiagnose          *self)
{
  commit_number (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static char *
format_ratio (const EpFigure *figure)
{
  if (!ep_figure_ok (figure))
    return ep_figure_explain (figure);
  return ep_format_locale_number (figure->value, 2);
}

static char *
format_n (const EpGroupFigures *figures,
          EpDistrict           *district)
{
  const EpMeasurement *m = &figures->measurement;

  if (!figures->has_measurement)
    return g_strdup (_("no data"));
  if (m->flags & EP_MEASUREMENT_SUPPRESSED)
    return g_strdup (m->marker ? m->marker : ep_district_get_marker (district));
  if (m->flags & EP_MEASUREMENT_HAS_DENOMINATOR)
    return ep_format_locale_number (m->denominator, 0);
  if (m->flags & EP_MEASUREMENT_HAS_N)
    return ep_format_locale_number (m->n, 0);
  return g_strdup (_("unknown"));
}

static const struct { const char *title; gboolean numeric; } columns[N_COLS] = {
  /* Translators: columns of the indicators table */
  { N_("Student group"), FALSE },
  { N_("n"), TRUE },
  { N_("Rate"), TRUE },
  { N_("Gap"), TRUE },
  { N_("Risk ratio"), TRUE },
  { N_("Flags"), FALSE },
};

static GtkWidget *
table_cell (const char *text,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  ep_label_no_hyphens (GTK_LABEL (label));
  return label;
}

/* The table's widgets, from self->rows: a header, then a row per group. */
static void
show_rows (EpPageDiagnose *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);
  if (n == 0)
    return;
  for (guint c = 0; c < N_COLS; c++)
    {
      GtkWidget *header = table_cell (_(columns[c].title), columns[c].numeric);

      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_hexpand (header, c == COL_GROUP || c == COL_FLAGS);
      gtk_grid_attach (self->table, header, c, 0, 1, 1);
    }
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(EpCells) cells = g_list_model_get_item (G_LIST_MODEL (self->rows), r);

      for (guint c = 0; c < N_COLS; c++)
        {
          GtkWidget *cell = table_cell (ep_cells_get (cells, c), columns[c].numeric);

          if (ep_cells_get_highlight (cells))
            gtk_widget_add_css_class (cell, "highlight-cell");
          gtk_grid_attach (self->table, cell, c, r + 1, 1, 1);
        }
    }
}

static void
fill_table (EpPageDiagnose *self)
{
  EpPage *page = EP_PAGE (self);
  EpDistrict *district = ep_page_get_district (page);
  EpPlan *plan = ep_page_get_plan (page);
  EpIndicator *indicator = gtk_drop_down_get_selected_item (self->table_indicator_dropdown);
  GtkStringObject *period_item = gtk_drop_down_get_selected_item (self->table_period_dropdown);
  const char *period = period_item ? gtk_string_object_get_string (period_item) : NULL;
  GListModel *groups;
  EpAnalysis analysis;
  g_autofree char *note = NULL;
  g_autofree char *threshold = NULL;

  g_list_store_remove_all (self->rows);
  show_rows (self);
  g_object_set (self->chart,
                "district", district,
                "school", ep_page_get_school (page),
                "plan", plan,
                "indicator", indicator ? ep_indicator_get_id (indicator) : NULL,
                "period", period,
                NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), district != NULL && indicator != NULL && period != NULL);
  if (district == NULL || indicator == NULL || period == NULL)
    {
      gtk_label_set_label (self->table_note, _("This school has no indicator data yet."));
      return;
    }
  ep_analysis_init (&analysis, district);
  if (plan && ep_plan_get_baseline_period (plan))
    analysis.baseline_period = ep_plan_get_baseline_period (plan);
  groups = ep_district_get_groups (district);
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
      g_autoptr(EpCells) cells = ep_cells_new (N_COLS);
      EpGroupFigures f;
      EpFigure rr;

      ep_analysis_group (&analysis, indicator, ep_student_group_get_id (group), period, &f);
      ep_cells_take (cells, COL_GROUP, g_strdup (ep_student_group_get_label (group)));
      ep_cells_take (cells, COL_N, format_n (&f, district));
      ep_cells_take (cells, COL_RATE, ep_format_figure (indicator, &f.rate, FALSE));
      ep_cells_take (cells, COL_GAP, ep_format_figure (indicator, &f.gap, TRUE));
      rr = ep_figure_ok (&f.risk_ratio) || !ep_figure_ok (&f.alt_risk_ratio) ? f.risk_ratio : f.alt_risk_ratio;
      ep_cells_take (cells, COL_RISK_RATIO, format_ratio (&rr));
      ep_cells_take (cells, COL_FLAGS, ep_flags_describe (f.flags));
      ep_cells_set_highlight (cells, plan && g_strcmp0 (ep_plan_get_problem_group (plan),
                                                        ep_student_group_get_id (group)) == 0);
      g_list_store_append (self->rows, cells);
    }
  show_rows (self);
  threshold = ep_format_locale_number (analysis.rules.threshold, 2);
  /* Translators: explains the table; %u and %s are the district's minimum n and risk-ratio threshold */
  note = g_strdup_printf (ngettext ("Gaps are against all students. Rates need at least %u student in the group; "
                                    "risk ratios compare with all other students and are flagged beyond %s.",
                                    "Gaps are against all students. Rates need at least %u students in the group; "
                                    "risk ratios compare with all other students and are flagged beyond %s.",
                                    analysis.rules.min_n),
                          analysis.rules.min_n, threshold);
  gtk_label_set_label (self->table_note, note);
}

static void
fill_periods (EpPageDiagnose *self)
{
  EpIndicator *indicator = gtk_drop_down_get_selected_item (self->table_indicator_dropdown);
  g_autoptr(GPtrArray) periods = indicator ? ep_indicator_list_periods (indicator) : NULL;
  GtkStringObject *old = gtk_drop_down_get_selected_item (self->table_period_dropdown);
  g_autofree char *keep = old ? g_strdup (gtk_string_object_get_string (old)) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->periods));
  guint select = GTK_INVALID_LIST_POSITION;

  g_ptr_array_add (periods ? periods : (periods = g_ptr_array_new ()), NULL);
  gtk_string_list_splice (self->periods, 0, n, (const char * const *) periods->pdata);
  n = periods->len - 1;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (periods->pdata[i], keep) == 0)
      select = i;
  if (select == GTK_INVALID_LIST_POSITION && n > 0)
    select = n - 1;  /* the latest */
  gtk_drop_down_set_selected (self->table_period_dropdown, select);
}

static void
table_indicator_cb (EpPageDiagnose *self)
{
  fill_periods (self);
  fill_table (self);
}

static void
table_period_cb (EpPageDiagnose *self)
{
  fill_table (self);
}

static void
ep_page_diagnose_plan_changed (EpPage *page)
{
  EpPageDiagnose *self = EP_DIAGNOSE_PAGE (page);
  EpDistrict *district = ep_page_get_district (page);
  EpSchool *school = ep_page_get_school (page);
  EpPlan *plan = ep_page_get_plan (page);
  GListModel *indicators = school ? ep_school_get_indicators (school) : NULL;

  if (self->watched_plan)
    {
      g_clear_signal_handler (&self->plan_notify_id, self->watched_plan);
      g_clear_object (&self->watched_plan);
    }
  if (plan)
    {
      self->watched_plan = g_object_ref (plan);
      self->plan_notify_id = g_signal_connect_swapped (plan, "notify", G_CALLBACK (plan_notify_cb), self);
    }
  ep_binder_set_history (self->binder, ep_page_get_history (page));
  ep_binder_set_object (self->binder, plan);

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, district ? ep_district_get_groups (district) : NULL);
  gtk_drop_down_set_model (self->indicator_dropdown, indicators);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown), plan != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->indicator_dropdown), plan != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->baseline_entry), plan != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_entry), plan != NULL);
  gtk_widget_set_sensitive (self->use_data_button, plan != NULL);
  gtk_widget_set_sensitive (self->edit_data_button, indicators != NULL && g_list_model_get_n_items (indicators) > 0);
  show_problem_error (self, NULL);
  sync_problem (self);

  g_signal_handlers_block_by_func (self->table_indicator_dropdown, table_indicator_cb, self);
  gtk_drop_down_set_model (self->table_indicator_dropdown, indicators);
  {
    guint pos = plan ? position_of (indicators, "id", ep_plan_get_problem_indicator (plan)) : GTK_INVALID_LIST_POSITION;
    gtk_drop_down_set_selected (self->table_indicator_dropdown,
                                pos != GTK_INVALID_LIST_POSITION ? pos : 0);
  }
  g_signal_handlers_unblock_by_func (self->table_indicator_dropdown, table_indicator_cb, self);
  fill_periods (self);
}

static void
ep_page_diagnose_refresh (EpPage *page)
{
  EpPageDiagnose *self = EP_DIAGNOSE_PAGE (page);
  g_autofree char *summary = ep_describe_problem (ep_page_get_district (page), ep_page_get_school (page),
                                                  ep_page_get_plan (page));

  ep_page_fill_findings (page, self->missing_box, EP_PAGE_DIAGNOSE);
  gtk_label_set_label (self->problem_summary, summary);
  fill_table (self);
}

static void
ep_page_diagnose_focus_item (EpPage  *page,
                             GObject *item)
{
  EpPageDiagnose *self = EP_DIAGNOSE_PAGE (page);

  if (EP_IS_INDICATOR (item))
    {
      guint pos = position_of (gtk_drop_down_get_model (self->table_indicator_dropdown), "id",
                               ep_indicator_get_id (EP_INDICATOR (item)));
      if (pos != GTK_INVALID_LIST_POSITION)
        gtk_drop_down_set_selected (self->table_indicator_dropdown, pos);
      gtk_widget_grab_focus (GTK_WIDGET (self->table_indicator_dropdown));
    }
}

static void
ep_page_diagnose_dispose (GObject *object)
{
  EpPageDiagnose *self = EP_DIAGNOSE_PAGE (object);

  if (self->watched_plan)
    {
      g_clear_signal_handler (&self->plan_notify_id, self->watched_plan);
      g_clear_object (&self->watched_plan);
    }
  g_clear_pointer (&self->binder, ep_binder_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PAGE_DIAGNOSE);
  g_clear_object (&self->rows);
  g_clear_object (&self->periods);

  G_OBJECT_CLASS (ep_page_diagnose_parent_class)->dispose (object);
}

static void
ep_page_diagnose_class_init (EpPageDiagnoseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EpPageClass *page_class = EP_PAGE_CLASS (klass);

  object_class->dispose = ep_page_diagnose_dispose;
  page_class->plan_changed = ep_page_diagnose_plan_changed;
  page_class->refresh = ep_page_diagnose_refresh;
  page_class->focus_item = ep_page_diagnose_focus_item;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-page-diagnose.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, missing_box);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, focus_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, root_cause_view);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, baseline_entry);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, baseline_period_entry);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, target_entry);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, target_period_entry);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, statement_view);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, problem_summary);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, table_indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, table_period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, table);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, table_note);
  gtk_widget_class_bind_template_child (widget_class, EpPageDiagnose, chart_slot);
}

static void
watch_number_entry (EpPageDiagnose *self,
                    GtkEntry       *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "activate", G_CALLBACK (number_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (number_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  gtk_entry_set_input_purpose (entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_hexpand (GTK_WIDGET (entry), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (entry), GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
}

static void
ep_page_diagnose_init (EpPageDiagnose *self)
{
  g_autoptr(GtkStringList) focus = NULL;
  GtkExpression *expression;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart = EP_CHART (ep_chart_new ());
  ep_chart_set_kind (self->chart, EP_CHART_KIND_GROUPS);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 360);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (self->chart_slot, GTK_WIDGET (self->chart));

  focus = ep_enum_string_list (EP_TYPE_FOCUS_AREA);
  gtk_drop_down_set_model (self->focus_dropdown, G_LIST_MODEL (focus));

  expression = gtk_property_expression_new (EP_TYPE_STUDENT_GROUP, NULL, "label");
  gtk_drop_down_set_expression (self->group_dropdown, expression);
  gtk_expression_unref (expression);
  expression = gtk_property_expression_new (EP_TYPE_INDICATOR, NULL, "name");
  gtk_drop_down_set_expression (self->indicator_dropdown, expression);
  gtk_drop_down_set_expression (self->table_indicator_dropdown, expression);
  gtk_expression_unref (expression);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected", G_CALLBACK (indicator_selected_cb), self);

  self->periods = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->table_period_dropdown, G_LIST_MODEL (self->periods));
  g_signal_connect_swapped (self->table_indicator_dropdown, "notify::selected", G_CALLBACK (table_indicator_cb), self);
  g_signal_connect_swapped (self->table_period_dropdown, "notify::selected", G_CALLBACK (table_period_cb), self);

  watch_number_entry (self, self->baseline_entry);
  watch_number_entry (self, self->target_entry);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->baseline_entry), _("The group's value in the baseline period, e.g. 31.7"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_entry), _("The value to reach by the target period"));
  gtk_entry_set_placeholder_text (self->baseline_period_entry, "2024-25");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *period = GTK_WIDGET (i ? self->target_period_entry : self->baseline_period_entry);
      gtk_widget_set_hexpand (period, FALSE);
      gtk_widget_set_halign (period, GTK_ALIGN_START);
      gtk_editable_set_width_chars (GTK_EDITABLE (period), 10);
    }
  gtk_entry_set_placeholder_text (self->target_period_entry, "2027-28");

  self->rows = g_list_store_new (EP_TYPE_CELLS);

  {
    GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (self->baseline_entry));
    GtkWidget *table_grid = gtk_widget_get_parent (GTK_WIDGET (self->table_indicator_dropdown));
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Indicator…"));
    int col, row, width, height;

    self->problem_error = GTK_LABEL (gtk_label_new (NULL));
    gtk_widget_set_name (GTK_WIDGET (self->problem_error), "problem-error");
    gtk_label_set_wrap (self->problem_error, TRUE);
    gtk_label_set_xalign (self->problem_error, 0);
    gtk_widget_add_css_class (GTK_WIDGET (self->problem_error), "error");
    gtk_widget_set_visible (GTK_WIDGET (self->problem_error), FALSE);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (grid)), GTK_WIDGET (self->problem_error), grid);

    self->use_data_button = gtk_button_new_with_mnemonic (_("From the _Data"));
    gtk_widget_set_name (self->use_data_button, "use-data");
    gtk_widget_set_tooltip_text (self->use_data_button,
                                 _("Take the baseline from the group’s value in the baseline period"));
    gtk_widget_set_valign (self->use_data_button, GTK_ALIGN_CENTER);
    gtk_widget_set_halign (self->use_data_button, GTK_ALIGN_START);
    g_signal_connect_swapped (self->use_data_button, "clicked", G_CALLBACK (use_data_cb), self);
    /* Beside the baseline field, in its cell. */
    gtk_grid_query_child (GTK_GRID (grid), GTK_WIDGET (self->baseline_entry), &col, &row, &width, &height);
    {
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      g_object_ref (self->baseline_entry);
      gtk_grid_remove (GTK_GRID (grid), GTK_WIDGET (self->baseline_entry));
      gtk_box_append (GTK_BOX (pair), GTK_WIDGET (self->baseline_entry));
      g_object_unref (self->baseline_entry);
      gtk_box_append (GTK_BOX (pair), self->use_data_button);
      gtk_grid_attach (GTK_GRID (grid), pair, col, row, width, height);
    }

    gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-indicator");
    self->edit_data_button = gtk_button_new_with_mnemonic (_("_Edit Data…"));
    gtk_widget_set_name (self->edit_data_button, "edit-data");
    gtk_widget_set_tooltip_text (self->edit_data_button, _("Type or correct the indicator’s measurements"));
    g_signal_connect_swapped (self->edit_data_button, "clicked", G_CALLBACK (edit_data_cb), self);
    gtk_box_append (GTK_BOX (buttons), self->edit_data_button);
    gtk_box_append (GTK_BOX (buttons), add);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (table_grid)), buttons, table_grid);

    g_signal_connect_swapped (self->baseline_period_entry, "changed", G_CALLBACK (period_changed_cb), self);
    g_signal_connect_swapped (self->target_period_entry, "changed", G_CALLBACK (period_changed_cb), self);
  }

  self->binder = ep_binder_new (NULL);
  ep_binder_bind (self->binder, GTK_WIDGET (self->focus_dropdown), "focus");
  ep_binder_bind (self->binder, GTK_WIDGET (self->root_cause_view), "root-cause");
  ep_binder_bind (self->binder, GTK_WIDGET (self->baseline_period_entry), "baseline-period");
  ep_binder_bind (self->binder, GTK_WIDGET (self->target_period_entry), "target-period");
  ep_binder_bind (self->binder, GTK_WIDGET (self->statement_view), "statement");
}

/**
 * ep_page_diagnose_get_rows:
 *
 * The indicators table's rows, one #EpCells a group.
 *
 * Returns: (transfer none):
 */
GListModel *
ep_page_diagnose_get_rows (EpPageDiagnose *self)
{
  g_return_val_if_fail (EP_IS_DIAGNOSE_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}
