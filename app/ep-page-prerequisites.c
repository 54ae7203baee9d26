/* ep-page-prerequisites.c — shared language, listening, decision structure
 * and champions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-page-prerequisites"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-date-entry.h"
#include "ep-glossary-editor.h"
#include "ep-page-prerequisites.h"
#include "ep-page-util.h"

struct _EpPagePrerequisites
{
  EpPage       parent_instance;

  /* Template widgets */
  GtkBox      *missing_box;
  GtkBox      *glossary_slot;
  GtkListBox  *sessions_list;
  GtkTextView *curriculum_view;
  GtkTextView *budget_view;
  GtkTextView *partnerships_view;
  GtkListBox  *champions_list;

  /* Owned */
  GtkWidget   *glossary;
  EpBinder    *binder;
};

G_DEFINE_FINAL_TYPE (EpPagePrerequisites, ep_page_prerequisites, EP_TYPE_PAGE)

static void
remove_clicked_cb (GtkButton *button,
                   EpPage    *page)
{
  gpointer item = g_object_get_data (G_OBJECT (button), "ep-item");

  if (item && ep_page_get_history (page) && ep_page_get_plan (page))
    ep_history_plan_remove (ep_page_get_history (page), ep_page_get_plan (page), item);
}

static GtkWidget *
check_new (const char *mnemonic)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (mnemonic);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  return check;
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  EpPage *page = user_data;
  EpListeningSession *session = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *date = ep_date_entry_new ();
  GtkWidget *language = gtk_entry_new ();
  GtkWidget *interpretation = check_new (_("_Interpretation offered"));
  GtkWidget *childcare = check_new (_("_Childcare offered"));
  GtkWidget *audience = gtk_entry_new ();
  GtkWidget *heard = ep_text_view_new ();
  GtkWidget *checks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *remove = ep_remove_button_new (_("Remove this listening session"));
  EpBinder *binder = ep_binder_new (ep_page_get_history (page));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_hexpand (date, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (language), 6);
  gtk_widget_set_tooltip_text (language, _("The language the session was held in, e.g. es or “Spanish”"));
  gtk_widget_set_hexpand (audience, TRUE);
  gtk_box_append (GTK_BOX (checks), interpretation);
  gtk_box_append (GTK_BOX (checks), childcare);

  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Date"), date), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), date, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Language"), language), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), language, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), checks, 1, 1, 4, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Who was heard"), audience), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), audience, 1, 2, 4, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("What was _heard"), heard), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_framed (heard), 1, 3, 4, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  ep_binder_bind (binder, date, "date");
  ep_binder_bind (binder, language, "language");
  ep_binder_bind (binder, interpretation, "interpretation");
  ep_binder_bind (binder, childcare, "childcare");
  ep_binder_bind (binder, audience, "audience");
  ep_binder_bind (binder, heard, "heard");
  ep_binder_set_object (binder, session);
  ep_binder_attach (binder, row);

  g_object_set_data (G_OBJECT (remove), "ep-item", session);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), page);
  g_object_set_data (G_OBJECT (row), "ep-item", session);
  return row;
}

static GtkWidget *
create_champion_row (gpointer item,
                     gpointer user_data)
{
  EpPage *page = user_data;
  EpChampion *champion = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *role = gtk_entry_new ();
  GtkWidget *level = gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_CHAMPION_LEVEL)), NULL);
  GtkWidget *remove = ep_remove_button_new (_("Remove this champion"));
  EpBinder *binder = ep_binder_new (ep_page_get_history (page));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_hexpand (role, TRUE);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Name"), name), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Level"), level), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), level, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Role"), role), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), role, 1, 1, 4, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  ep_binder_bind (binder, name, "name");
  ep_binder_bind (binder, role, "role");
  ep_binder_bind (binder, level, "level");
  ep_binder_set_object (binder, champion);
  ep_binder_attach (binder, row);

  g_object_set_data (G_OBJECT (remove), "ep-item", champion);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), page);
  g_object_set_data (G_OBJECT (row), "ep-item", champion);
  return row;
}

static void
focus_last_row (GtkListBox *list,
                GListModel *model)
{
  GtkListBoxRow *row;
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return;
  row = gtk_list_box_get_row_at_index (list, n - 1);
  if (row)
    ep_focus_first (GTK_WIDGET (row));
}

static void
add_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EpPagePrerequisites *self = EP_PREREQUISITES_PAGE (widget);
  EpPage *page = EP_PAGE (widget);
  g_autoptr(EpListeningSession) session = ep_listening_session_new ();
  EpPlan *plan = ep_page_get_plan (page);
  GDate today;

  if (plan == NULL || ep_page_get_history (page) == NULL)
    return;
  ep_page_today (&today);
  ep_listening_session_set_date (session, &today);
  ep_history_plan_insert (ep_page_get_history (page), plan, G_MAXUINT, session);
  focus_last_row (self->sessions_list, ep_plan_get_listening_sessions (plan));
}

static void
add_champion_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EpPagePrerequisites *self = EP_PREREQUISITES_PAGE (widget);
  EpPage *page = EP_PAGE (widget);
  g_autoptr(EpChampion) champion = ep_champion_new ();
  EpPlan *plan = ep_page_get_plan (page);

  if (plan == NULL || ep_page_get_history (page) == NULL)
    return;
  ep_history_plan_insert (ep_page_get_history (page), plan, G_MAXUINT, champion);
  focus_last_row (self->champions_list, ep_plan_get_champions (plan));
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
ep_page_prerequisites_plan_changed (EpPage *page)
{
  EpPagePrerequisites *self = EP_PREREQUISITES_PAGE (page);
  EpPlan *plan = ep_page_get_plan (page);
  gboolean ok = plan != NULL && ep_page_get_history (page) != NULL;

  ep_binder_set_history (self->binder, ep_page_get_history (page));
  ep_binder_set_object (self->binder, plan);
  ep_glossary_editor_set_history (EP_GLOSSARY_EDITOR (self->glossary), ep_page_get_history (page));
  ep_glossary_editor_set_district (EP_GLOSSARY_EDITOR (self->glossary), ep_page_get_district (page));
  gtk_list_box_bind_model (self->sessions_list, plan ? ep_plan_get_listening_sessions (plan) : NULL,
                           plan ? create_session_row : NULL, self, NULL);
  gtk_list_box_bind_model (self->champions_list, plan ? ep_plan_get_champions (plan) : NULL,
                           plan ? create_champion_row : NULL, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prerequisites.add-session", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prerequisites.add-champion", ok);
}

static void
ep_page_prerequisites_refresh (EpPage *page)
{
  EpPagePrerequisites *self = EP_PREREQUISITES_PAGE (page);

  ep_page_fill_findings (page, self->missing_box, EP_PAGE_PREREQUISITES);
}

static void
ep_page_prerequisites_focus_item (EpPage  *page,
                                  GObject *item)
{
  EpPagePrerequisites *self = EP_PREREQUISITES_PAGE (page);
  GtkListBox *lists[] = { self->sessions_list, self->champions_list };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[l])); row; row = gtk_widget_get_next_sibling (row))
      if (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) item)
        {
          ep_focus_first (row);
          return;
        }
}

static void
ep_page_prerequisites_dispose (GObject *object)
{
  EpPagePrerequisites *self = EP_PREREQUISITES_PAGE (object);

  if (self->sessions_list)
    gtk_list_box_bind_model (self->sessions_list, NULL, NULL, NULL, NULL);
  if (self->champions_list)
    gtk_list_box_bind_model (self->champions_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->binder, ep_binder_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PAGE_PREREQUISITES);

  G_OBJECT_CLASS (ep_page_prerequisites_parent_class)->dispose (object);
}

static void
ep_page_prerequisites_class_init (EpPagePrerequisitesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EpPageClass *page_class = EP_PAGE_CLASS (klass);

  object_class->dispose = ep_page_prerequisites_dispose;
  page_class->plan_changed = ep_page_prerequisites_plan_changed;
  page_class->refresh = ep_page_prerequisites_refresh;
  page_class->focus_item = ep_page_prerequisites_focus_item;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-page-prerequisites.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, missing_box);
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, glossary_slot);
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, curriculum_view);
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, budget_view);
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, partnerships_view);
  gtk_widget_class_bind_template_child (widget_class, EpPagePrerequisites, champions_list);

  gtk_widget_class_install_action (widget_class, "prerequisites.add-session", NULL, add_session_action);
  gtk_widget_class_install_action (widget_class, "prerequisites.add-champion", NULL, add_champion_action);
}

static void
ep_page_prerequisites_init (EpPagePrerequisites *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->glossary = ep_glossary_editor_new ();
  gtk_box_append (self->glossary_slot, self->glossary);
  gtk_list_box_set_placeholder (self->sessions_list,
                                empty_label (_("No listening sessions yet. Numbers say what is happening; listening says why.")));
  gtk_list_box_set_placeholder (self->champions_list,
                                empty_label (_("No champions yet: name someone at each level who will push the plan.")));

  self->binder = ep_binder_new (NULL);
  ep_binder_bind (self->binder, GTK_WIDGET (self->curriculum_view), "curriculum");
  ep_binder_bind (self->binder, GTK_WIDGET (self->budget_view), "budget");
  ep_binder_bind (self->binder, GTK_WIDGET (self->partnerships_view), "partnerships");
}
