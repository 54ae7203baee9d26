/* ep-page-design.c — ideas scored on impact, feasibility and alignment;
 * choose two or three
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-page-design"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-chart.h"
#include "ep-page-design.h"
#include "ep-page-util.h"

/* The guide: "pick two or three high-leverage actions". */
#define MIN_CHOSEN 2
#define MAX_CHOSEN 3

struct _EpPageDesign
{
  EpPage             parent_instance;

  EpChart           *chart;

  /* Template widgets */
  GtkBox            *missing_box;
  GtkLabel          *chosen_label;
  GtkToggleButton   *sort_button;
  GtkListBox        *ideas_list;
  GtkBox            *chart_slot;

  /* Owned */
  GtkSortListModel  *sorted;
  GtkSorter         *score_sorter;
  guint              resort_id;
  EpIdea            *focus_idea;     /* to give focus back after re-sorting */
  char              *focus_property;
};

G_DEFINE_FINAL_TYPE (EpPageDesign, ep_page_design, EP_TYPE_PAGE)

static int
idea_score (EpIdea *idea)
{
  return ep_idea_get_impact (idea) + ep_idea_get_feasibility (idea) + ep_idea_get_alignment (idea);
}

static int
compare_score (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int sa = idea_score ((EpIdea *) a), sb = idea_score ((EpIdea *) b);

  return sa == sb ? 0 : sa > sb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static void
remove_clicked_cb (GtkButton *button,
                   EpPage    *page)
{
  gpointer item = g_object_get_data (G_OBJECT (button), "ep-item");

  if (item && ep_page_get_history (page) && ep_page_get_plan (page))
    ep_history_plan_remove (ep_page_get_history (page), ep_page_get_plan (page), item);
}

static void
show_score (GtkLabel *label,
            EpIdea   *idea)
{
  int score = idea_score (idea);
  g_autofree char *text = NULL;

  if (ep_idea_get_impact (idea) == 0 || ep_idea_get_feasibility (idea) == 0 || ep_idea_get_alignment (idea) == 0)
    /* Translators: the total score of an idea that is not fully scored yet */
    text = g_strdup_printf (_("Score %d (not fully scored)"), score);
  else
    /* Translators: the total score of an idea, out of 15 */
    text = g_strdup_printf (_("Score %d of 15"), score);
  gtk_label_set_label (label, text);
}

static gboolean
resort_cb (gpointer data)
{
  EpPageDesign *self = data;

  self->resort_id = 0;
  if (gtk_toggle_button_get_active (self->sort_button))
    gtk_sorter_changed (self->score_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  /* Rows that moved were made anew, and the focus went with them: give it
   * back to the field being edited. */
  if (self->focus_idea != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
      gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ideas_list)); row;
           row = gtk_widget_get_next_sibling (row))
        if (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) self->focus_idea)
          {
            GtkWidget *w = g_object_get_data (G_OBJECT (row), self->focus_property);
            if (w)
              gtk_widget_grab_focus (w);
          }
    }
  g_clear_object (&self->focus_idea);
  g_clear_pointer (&self->focus_property, g_free);
  return G_SOURCE_REMOVE;
}

static void
idea_notify_cb (EpIdea     *idea,
                GParamSpec *pspec,
                GtkWidget  *row)
{
  EpPageDesign *self = g_object_get_data (G_OBJECT (row), "ep-page");
  GtkLabel *score = g_object_get_data (G_OBJECT (row), "ep-score");

  if (g_str_equal (pspec->name, "impact") || g_str_equal (pspec->name, "feasibility") ||
      g_str_equal (pspec->name, "alignment"))
    {
      show_score (score, idea);
      if (self && gtk_toggle_button_get_active (self->sort_button) && self->resort_id == 0)
        {
          g_set_object (&self->focus_idea, idea);
          g_free (self->focus_property);
          self->focus_property = g_strdup (pspec->name);
          self->resort_id = g_timeout_add (600, resort_cb, self);
        }
    }
}

static GtkWidget *
score_spin (const char *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 5, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_tooltip_text (spin, tooltip);
  return spin;
}

/* A chosen idea becomes an action in one step: its title and description,
 * dates inside the plan's cycle. */
static void
make_action_clicked_cb (GtkButton    *button,
                        EpPageDesign *self)
{
  EpPage *page = EP_PAGE (self);
  EpPlan *plan = ep_page_get_plan (page);
  EpHistory *history = ep_page_get_history (page);
  EpIdea *idea = g_object_get_data (G_OBJECT (button), "ep-item");
  g_autoptr(EpIntervention) action = NULL;
  GDate today;

  if (plan == NULL || history == NULL || idea == NULL)
    return;
  ep_page_today (&today);
  action = ep_action_new_for_plan (plan, &today);
  ep_intervention_set_title (action, ep_idea_get_title (idea));
  ep_intervention_set_description (action, ep_idea_get_description (idea));
  /* Translators: an undo step */
  ep_history_begin (history, _("Make an action of an idea"));
  ep_history_plan_insert (history, plan, G_MAXUINT, action);
  ep_history_end (history);
}

static GtkWidget *
create_idea_row (gpointer item,
                 gpointer user_data)
{
  EpPageDesign *self = user_data;
  EpPage *page = EP_PAGE (self);
  EpIdea *idea = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *impact = score_spin (_("Likely impact on the gap, 1 (low) to 5 (high)"));
  GtkWidget *feasibility = score_spin (_("Feasibility: cost, time and expertise, 1 (hard) to 5 (easy)"));
  GtkWidget *alignment = score_spin (_("Alignment with your values, 1 (low) to 5 (high)"));
  GtkWidget *chosen = gtk_check_button_new_with_mnemonic (_("C_hosen"));
  GtkWidget *score = gtk_label_new (NULL);
  GtkWidget *scores = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = ep_remove_button_new (_("Remove this idea"));
  GtkWidget *description = ep_text_view_new ();
  GtkWidget *make_action = gtk_button_new_with_mnemonic (_("_Make It an Action"));
  EpBinder *binder = ep_binder_new (ep_page_get_history (page));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (score, "score");
  gtk_label_set_xalign (GTK_LABEL (score), 0);

  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Idea"), title), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), title, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), score, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), chosen, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 4, 0, 1, 1);
  gtk_box_append (GTK_BOX (scores), ep_mnemonic_label (_("Im_pact"), impact));
  gtk_box_append (GTK_BOX (scores), impact);
  gtk_box_append (GTK_BOX (scores), ep_mnemonic_label (_("_Feasibility"), feasibility));
  gtk_box_append (GTK_BOX (scores), feasibility);
  gtk_box_append (GTK_BOX (scores), ep_mnemonic_label (_("_Alignment"), alignment));
  gtk_box_append (GTK_BOX (scores), alignment);
  /* The scores under the title, their sum beside it: the row stays
   * narrow enough for a 1100 px window. */
  gtk_grid_attach (GTK_GRID (grid), scores, 1, 1, 4, 1);
  gtk_widget_set_size_request (description, -1, 48);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Description"), description), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_framed (description), 1, 2, 4, 1);
  gtk_widget_set_name (description, "description");
  gtk_widget_set_name (title, "title");
  gtk_widget_set_name (make_action, "make-action");
  gtk_widget_set_halign (make_action, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (make_action, _("Add an action to the plan from this idea, on the Implement page"));
  g_object_set_data (G_OBJECT (make_action), "ep-item", idea);
  g_signal_connect (make_action, "clicked", G_CALLBACK (make_action_clicked_cb), self);
  g_object_bind_property (idea, "chosen", make_action, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_grid_attach (GTK_GRID (grid), make_action, 1, 3, 4, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  ep_binder_bind (binder, title, "title");
  ep_binder_bind (binder, impact, "impact");
  ep_binder_bind (binder, feasibility, "feasibility");
  ep_binder_bind (binder, alignment, "alignment");
  ep_binder_bind (binder, chosen, "chosen");
  ep_binder_bind (binder, description, "description");
  ep_binder_set_object (binder, idea);
  ep_binder_attach (binder, row);

  g_object_set_data (G_OBJECT (row), "ep-item", idea);
  g_object_set_data (G_OBJECT (row), "ep-page", self);
  g_object_set_data (G_OBJECT (row), "ep-score", score);
  g_object_set_data (G_OBJECT (row), "impact", impact);
  g_object_set_data (G_OBJECT (row), "feasibility", feasibility);
  g_object_set_data (G_OBJECT (row), "alignment", alignment);
  g_object_set_data (G_OBJECT (row), "ep-chosen", chosen);
  show_score (GTK_LABEL (score), idea);
  g_signal_connect_object (idea, "notify", G_CALLBACK (idea_notify_cb), row, 0);

  g_object_set_data (G_OBJECT (remove), "ep-item", idea);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  return row;
}

static void
show_chosen (EpPageDesign *self)
{
  EpPlan *plan = ep_page_get_plan (EP_PAGE (self));
  GListModel *ideas = plan ? ep_plan_get_ideas (plan) : NULL;
  guint n = ideas ? g_list_model_get_n_items (ideas) : 0, chosen = 0;
  g_autofree char *text = NULL;
  GtkWidget *label = GTK_WIDGET (self->chosen_label);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (ideas, i);
      chosen += ep_idea_get_chosen (idea) ? 1 : 0;
    }
  if (chosen > MAX_CHOSEN)
    /* Translators: %u is the number of chosen ideas, more than three */
    text = g_strdup_printf (ngettext ("%u chosen: too many. Pick 2–3 high-leverage actions and do them well.",
                                      "%u chosen: too many. Pick 2–3 high-leverage actions and do them well.",
                                      chosen), chosen);
  else
    /* Translators: "2 of 2–3 chosen": how many ideas are chosen, of the two or three the guide advises */
    text = g_strdup_printf (ngettext ("%u of 2–3 chosen", "%u of 2–3 chosen", chosen), chosen);
  gtk_label_set_label (self->chosen_label, text);
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "success");
  if (chosen > MAX_CHOSEN)
    gtk_widget_add_css_class (label, "warning");
  else if (chosen >= MIN_CHOSEN)
    gtk_widget_add_css_class (label, "success");
}

static void
sort_toggled_cb (EpPageDesign *self)
{
  gtk_sort_list_model_set_sorter (self->sorted, gtk_toggle_button_get_active (self->sort_button)
                                                ? self->score_sorter : NULL);
}

static void
add_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EpPageDesign *self = EP_DESIGN_PAGE (widget);
  EpPage *page = EP_PAGE (widget);
  EpPlan *plan = ep_page_get_plan (page);
  g_autoptr(EpIdea) idea = NULL;
  g_autofree char *id = NULL;
  guint n = 1;

  if (plan == NULL || ep_page_get_history (page) == NULL)
    return;
  do
    {
      g_free (id);
      id = g_strdup_printf ("i%u", n++);
    }
  while (ep_plan_find_idea (plan, id) != NULL);
  idea = ep_idea_new ();
  ep_idea_set_id (idea, id);
  ep_history_plan_insert (ep_page_get_history (page), plan, G_MAXUINT, idea);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ideas_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) idea)
      ep_focus_first (row);
}

static void
ep_page_design_plan_changed (EpPage *page)
{
  EpPageDesign *self = EP_DESIGN_PAGE (page);
  EpPlan *plan = ep_page_get_plan (page);

  gtk_sort_list_model_set_model (self->sorted, plan ? ep_plan_get_ideas (plan) : NULL);
  gtk_list_box_bind_model (self->ideas_list, plan ? G_LIST_MODEL (self->sorted) : NULL,
                           plan ? create_idea_row : NULL, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "design.add-idea",
                                 plan != NULL && ep_page_get_history (page) != NULL);
}

static void
ep_page_design_refresh (EpPage *page)
{
  EpPageDesign *self = EP_DESIGN_PAGE (page);

  ep_page_fill_findings (page, self->missing_box, EP_PAGE_DESIGN);
  show_chosen (self);
  g_object_set (self->chart,
                "district", ep_page_get_district (page),
                "school", ep_page_get_school (page),
                "plan", ep_page_get_plan (page),
                NULL);
}

static void
ep_page_design_focus_item (EpPage  *page,
                           GObject *item)
{
  EpPageDesign *self = EP_DESIGN_PAGE (page);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ideas_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) item)
      ep_focus_first (row);
}

static void
ep_page_design_dispose (GObject *object)
{
  EpPageDesign *self = EP_DESIGN_PAGE (object);

  g_clear_handle_id (&self->resort_id, g_source_remove);
  if (self->ideas_list)
    gtk_list_box_bind_model (self->ideas_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_PAGE_DESIGN);
  g_clear_object (&self->sorted);
  g_clear_object (&self->score_sorter);
  g_clear_object (&self->focus_idea);
  g_clear_pointer (&self->focus_property, g_free);

  G_OBJECT_CLASS (ep_page_design_parent_class)->dispose (object);
}

static void
ep_page_design_class_init (EpPageDesignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EpPageClass *page_class = EP_PAGE_CLASS (klass);

  object_class->dispose = ep_page_design_dispose;
  page_class->plan_changed = ep_page_design_plan_changed;
  page_class->refresh = ep_page_design_refresh;
  page_class->focus_item = ep_page_design_focus_item;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-page-design.ui");
  gtk_widget_class_bind_template_child (widget_class, EpPageDesign, missing_box);
  gtk_widget_class_bind_template_child (widget_class, EpPageDesign, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, EpPageDesign, sort_button);
  gtk_widget_class_bind_template_child (widget_class, EpPageDesign, ideas_list);
  gtk_widget_class_bind_template_child (widget_class, EpPageDesign, chart_slot);

  gtk_widget_class_install_action (widget_class, "design.add-idea", NULL, add_idea_action);
}

static void
ep_page_design_init (EpPageDesign *self)
{
  GtkWidget *empty;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart = EP_CHART (ep_chart_new ());
  ep_chart_set_kind (self->chart, EP_CHART_KIND_MATRIX);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 320);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (self->chart_slot, GTK_WIDGET (self->chart));

  self->score_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_score, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  g_signal_connect_swapped (self->sort_button, "toggled", G_CALLBACK (sort_toggled_cb), self);

  empty = gtk_label_new (_("No ideas yet. Gather them from students, families, teachers and partners."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_add_css_class (empty, "empty-row");
  gtk_list_box_set_placeholder (self->ideas_list, empty);
}
