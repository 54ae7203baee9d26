/* ep-page-implement.c — the actions, their timeline, and the decision log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-page-implement"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-date-entry.h"
#include "ep-page-implement.h"
#include "ep-page-util.h"
#include "ep-timeline.h"

struct _EpPageImplement
{
  EpPage            parent_instance;

  /* Template widgets */
  GtkBox           *missing_box;
  GtkListBox       *actions_list;
  GtkBox           *timeline_slot;
  GtkGrid          *quick_grid;
  GtkListBox       *log_list;

  /* Owned */
  GtkWidget        *timeline;
  GtkWidget        *log_date;
  GtkWidget        *log_kind;
  GtkWidget        *log_who;
  GtkWidget        *log_text;
  GtkSortListModel *log_sorted;
};

G_DEFINE_FINAL_TYPE (EpPageImplement, ep_page_implement, EP_TYPE_PAGE)

static void
remove_clicked_cb (GtkButton *button,
                   EpPage    *page)
{
  gpointer item = g_object_get_data (G_OBJECT (button), "ep-item");

  if (item && ep_page_get_history (page) && ep_page_get_plan (page))
    ep_history_plan_remove (ep_page_get_history (page), ep_page_get_plan (page), item);
}

static GtkWidget *
enum_dropdown (GType type)
{
  return gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (type)), NULL);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  EpPage *page = user_data;
  EpIntervention *action = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *owner = gtk_entry_new ();
  GtkWidget *status = enum_dropdown (EP_TYPE_ACTION_STATUS);
  GtkWidget *start = ep_date_entry_new ();
  GtkWidget *end = ep_date_entry_new ();
  GtkWidget *evidence = enum_dropdown (EP_TYPE_EVIDENCE_TIER);
  GtkWidget *area = enum_dropdown (EP_TYPE_ACTION_AREA);
  GtkWidget *metric = ep_text_view_new ();
  GtkWidget *remove = ep_remove_button_new (_("Remove this action"));
  EpBinder *binder = ep_binder_new (ep_page_get_history (page));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_hexpand (owner, TRUE);
  gtk_widget_set_hexpand (start, TRUE);
  gtk_widget_add_css_class (title, "action-title");
  gtk_widget_set_tooltip_text (metric, _("How you will know it works: a number, a goal and when you check it"));

  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Action"), title), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), title, 1, 0, 3, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Owner"), owner), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), owner, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Status"), status), 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), status, 3, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("Sta_rt"), start), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), start, 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_End"), end), 2, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), end, 3, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("E_vidence"), evidence), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), evidence, 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("Ar_ea"), area), 2, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), area, 3, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("Success _metric"), metric), 0, 4, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_framed (metric), 1, 4, 3, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  ep_binder_bind (binder, title, "title");
  ep_binder_bind (binder, owner, "owner");
  ep_binder_bind (binder, status, "status");
  ep_binder_bind (binder, start, "start");
  ep_binder_bind (binder, end, "end");
  ep_binder_bind (binder, evidence, "evidence");
  ep_binder_bind (binder, area, "area");
  ep_binder_bind (binder, metric, "metric");
  ep_binder_set_object (binder, action);
  ep_binder_attach (binder, row);

  g_object_set_data (G_OBJECT (remove), "ep-item", action);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), page);
  g_object_set_data (G_OBJECT (row), "ep-item", action);
  return row;
}

static GtkWidget *
create_log_row (gpointer item,
                gpointer user_data)
{
  EpPage *page = user_data;
  EpLogEntry *entry = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *date = ep_format_locale_date (ep_log_entry_get_date (entry));
  const char *who = ep_log_entry_get_who (entry);
  GtkWidget *meta, *text, *kind;
  GtkWidget *remove = ep_remove_button_new (_("Remove this log entry"));
  g_autofree char *meta_text = NULL;
  g_autofree char *a11y = NULL;

  /* Translators: a decision-log entry's date and who decided, e.g. "10/30/2025 · Marisol Herrera" */
  meta_text = g_strdup_printf (_("%s · %s"), date ? date : _("no date"), who ? who : _("unknown"));
  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_hexpand (meta, TRUE);
  kind = gtk_label_new (ep_enum_label (EP_TYPE_LOG_KIND, ep_log_entry_get_kind (entry)));
  gtk_widget_add_css_class (kind, "log-kind");
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  text = gtk_label_new (ep_log_entry_get_text (entry));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_attach (GTK_GRID (grid), kind, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), meta, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 2, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), text, 1, 1, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  /* Translators: accessible name of a decision-log entry: kind, date and who, text */
  a11y = g_strdup_printf (_("%s, %s: %s"), ep_enum_label (EP_TYPE_LOG_KIND, ep_log_entry_get_kind (entry)),
                          meta_text, ep_log_entry_get_text (entry) ? ep_log_entry_get_text (entry) : "");
  ep_set_accessible_label (row, a11y);

  g_object_set_data (G_OBJECT (remove), "ep-item", entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), page);
  g_object_set_data (G_OBJECT (row), "ep-item", entry);
  return row;
}

/* Newest first; entries without a date last. */
static int
compare_log (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const GDate *da = ep_log_entry_get_date ((EpLogEntry *) a);
  const GDate *db = ep_log_entry_get_date ((EpLogEntry *) b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return -g_date_compare (da, db);
}

static void
focus_row_of (GtkListBox *list,
              gpointer    item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ep-item") == item)
      {
        ep_focus_first (row);
        return;
      }
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EpPageImplement *self = EP_IMPLEMENT_PAGE (widget);
  EpPage *page = EP_PAGE (widget);
  EpPlan *plan = ep_page_get_plan (page);
  g_autoptr(EpIntervention) action = NULL;
  g_autofree char *id = NULL;
  guint n = 1;
  GDate today;

  if (plan == NULL || ep_page_get_history (page) == NULL)
    return;
  do
    {
      g_free (id);
      id = g_strdup_printf ("a%u", n++);
    }
  while (ep_plan_find_intervention (plan, id) != NULL);
  action = ep_intervention_new ();
  ep_intervention_set_id (action, id);
  ep_page_today (&today);
  ep_intervention_set_start (action, &today);
  ep_history_plan_insert (ep_page_get_history (page), plan, G_MAXUINT, action);
  focus_row_of (self->actions_list, action);
}

static void
add_log_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EpPageImplement *self = EP_IMPLEMENT_PAGE (widget);
  EpPage *page = EP_PAGE (widget);
  EpPlan *plan = ep_page_get_plan (page);
  g_autoptr(EpLogEntry) entry = NULL;
  g_autofree char *text = NULL;
  const char *who;
  const GDate *date;
  GDate today;

  if (plan == NULL || ep_page_get_history (page) == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->log_text))));
  if (*text == '\0')
    {
      gtk_widget_error_bell (self->log_text);
      gtk_widget_grab_focus (self->log_text);
      return;
    }
  who = gtk_editable_get_text (GTK_EDITABLE (self->log_who));
  date = ep_date_entry_get_date (EP_DATE_ENTRY (self->log_date));
  if (date == NULL)
    {
      ep_page_today (&today);
      date = &today;
    }
  entry = ep_log_entry_new ();
  ep_log_entry_set_date (entry, date);
  ep_log_entry_set_kind (entry, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->log_kind)));
  ep_log_entry_set_who (entry, *who ? who : NULL);
  ep_log_entry_set_text (entry, text);
  ep_history_plan_insert (ep_page_get_history (page), plan, G_MAXUINT, entry);
  gtk_editable_set_text (GTK_EDITABLE (self->log_text), "");
  gtk_widget_grab_focus (self->log_text);
}

static void
log_text_activate_cb (EpPageImplement *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "implement.add-log-entry", NULL);
}

static void
ep_page_implement_plan_changed (EpPage *page)
{
  EpPageImplement *self = EP_IMPLEMENT_PAGE (page);
  EpPlan *plan = ep_page_get_plan (page);
  gboolean ok = plan != NULL && ep_page_get_history (page) != NULL;
  GDate today;

  gtk_list_box_bind_model (self->actions_list, plan ? ep_plan_get_interventions (plan) : NULL,
                           plan ? create_action_row : NULL, self, NULL);
  gtk_sort_list_model_set_model (self->log_sorted, plan ? ep_plan_get_log (plan) : NULL);
  gtk_list_box_bind_model (self->log_list, plan ? G_LIST_MODEL (self->log_sorted) : NULL,
                           plan ? create_log_row : NULL, self, NULL);
  ep_timeline_set_model (EP_TIMELINE (self->timeline), plan ? ep_plan_get_interventions (plan) : NULL);
  ep_timeline_set_cycle (EP_TIMELINE (self->timeline), plan ? ep_plan_get_cycle (plan) : NULL);
  ep_page_today (&today);
  ep_date_entry_set_date (EP_DATE_ENTRY (self->log_date), &today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implement.add-action", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implement.add-log-entry", ok);
}

static void
ep_page_implement_refresh (EpPage *page)
{
  EpPageImplement *self = EP_IMPLEMENT_PAGE (page);

  ep_page_fill_findings (page, self->missing_box, EP_PAGE_IMPLEMENT);
  ep_timeline_update (EP_TIMELINE (self->timeline));
  /* A log entry's date may have changed: keep newest first. */
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->log_sorted), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
ep_page_implement_focus_item (EpPage  *page,
                              GObject *item)
{
  EpPageImplement *self = EP_IMPLEMENT_PAGE (page);

  focus_row_of (self->actions_list, item);
  focus_row_of (self->log_list, item);
}

static void
ep_page_implement_dispose (GObject *object)
{
  EpPageImplement *self = EP_IMPLEMENT_PAGE (object);

  if (self->actions_list)
    gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
  if (self->log_list)
    gtk_list_box_bind_model (self->log_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PAGE_IMPLEMENT);
  g_clear_object (&self->log_sorted);

  G_OBJECT_CLASS (ep_page_implement_parent_class)->dispose (object);
}

static void
ep_page_implement_class_init (EpPageImplementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EpPageClass *page_class = EP_PAGE_CLASS (klass);

  object_class->dispose = ep_page_implement_dispose;
  page_class->plan_changed = ep_page_implement_plan_changed;
  page_class->refresh = ep_page_implement_refresh;
  page_class->focus_item = ep_page_implement_focus_item;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-page-implement.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPageImplement, missing_box);
  gtk_widget_class_bind_template_child (widget_class, EpPageImplement, actions_list);
  gtk_widget_class_bind_template_child (widget_class, EpPageImplement, timeline_slot);
  gtk_widget_class_bind_template_child (widget_class, EpPageImplement, quick_grid);
  gtk_widget_class_bind_template_child (widget_class, EpPageImplement, log_list);

  gtk_widget_class_install_action (widget_class, "implement.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "implement.add-log-entry", NULL, add_log_entry_action);
}

static GtkWidget *
empty_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "empty-row");
  return label;
}

static void
ep_page_implement_init (EpPageImplement *self)
{
  GtkWidget *add;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->timeline = ep_timeline_new ();
  gtk_widget_set_hexpand (self->timeline, TRUE);
  gtk_box_append (self->timeline_slot, self->timeline);

  gtk_list_box_set_placeholder (self->actions_list,
                                empty_label (_("No actions yet. Turn the chosen ideas into actions with an owner and dates.")));
  gtk_list_box_set_placeholder (self->log_list,
                                empty_label (_("Nothing logged yet. Record decisions, adjustments, outcomes and feedback as they happen.")));

  /* Quick entry: date (today), kind, who, text; Enter adds. */
  self->log_date = ep_date_entry_new ();
  self->log_kind = gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_LOG_KIND)), NULL);
  self->log_who = gtk_entry_new ();
  self->log_text = gtk_entry_new ();
  gtk_widget_set_hexpand (self->log_who, TRUE);
  gtk_widget_set_hexpand (self->log_text, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->log_text), _("What was decided, changed, learned or heard — Enter adds it"));
  g_signal_connect_swapped (self->log_text, "activate", G_CALLBACK (log_text_activate_cb), self);
  add = gtk_button_new_with_mnemonic (_("Add to _Log"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "implement.add-log-entry");

  gtk_grid_attach (self->quick_grid, ep_mnemonic_label (_("Da_te"), self->log_date), 0, 0, 1, 1);
  gtk_grid_attach (self->quick_grid, self->log_date, 1, 0, 1, 1);
  gtk_grid_attach (self->quick_grid, ep_mnemonic_label (_("_Kind"), self->log_kind), 2, 0, 1, 1);
  gtk_grid_attach (self->quick_grid, self->log_kind, 3, 0, 1, 1);
  gtk_grid_attach (self->quick_grid, ep_mnemonic_label (_("_Who"), self->log_who), 4, 0, 1, 1);
  gtk_grid_attach (self->quick_grid, self->log_who, 5, 0, 1, 1);
  gtk_grid_attach (self->quick_grid, ep_mnemonic_label (_("_Note"), self->log_text), 0, 1, 1, 1);
  gtk_grid_attach (self->quick_grid, self->log_text, 1, 1, 4, 1);
  gtk_grid_attach (self->quick_grid, add, 5, 1, 1, 1);

  self->log_sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_log, NULL, NULL)));
}
