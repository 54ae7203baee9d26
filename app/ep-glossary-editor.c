/* ep-glossary-editor.c — the district's shared glossary, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used on the Prerequisites page and in the district settings: each term
 * a row with its name and the team's definition. Adding and removing go
 * through EpHistory like every edit.
 */
#define G_LOG_DOMAIN "ep-glossary-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-glossary-editor.h"
#include "ep-page-util.h"

struct _EpGlossaryEditor
{
  GtkWidget   parent_instance;

  GtkWidget  *list;
  GtkWidget  *add_button;

  EpDistrict *district;
  EpHistory  *history;
};

G_DEFINE_FINAL_TYPE (EpGlossaryEditor, ep_glossary_editor, GTK_TYPE_WIDGET)

static void
remove_clicked_cb (GtkButton        *button,
                   EpGlossaryEditor *self)
{
  EpGlossaryTerm *term = g_object_get_data (G_OBJECT (button), "ep-item");

  if (self->history && self->district && term)
    ep_history_district_remove_term (self->history, self->district, term);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EpGlossaryEditor *self = user_data;
  EpGlossaryTerm *term = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *definition = ep_text_view_new ();
  GtkWidget *remove;
  EpBinder *binder = ep_binder_new (self->history);
  g_autofree char *remove_label = NULL;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Term"), name), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  /* Translators: %s is a glossary term */
  remove_label = g_strdup_printf (_("Remove the term “%s”"),
                                  ep_glossary_term_get_name (term) ? ep_glossary_term_get_name (term) : "");
  remove = ep_remove_button_new (remove_label);
  g_object_set_data (G_OBJECT (remove), "ep-item", term);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (grid), remove, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Definition"), definition), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_framed (definition), 1, 1, 2, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  ep_binder_bind (binder, name, "name");
  ep_binder_bind (binder, definition, "definition");
  ep_binder_set_object (binder, term);
  ep_binder_attach (binder, row);
  g_object_set_data (G_OBJECT (row), "ep-item", term);
  return row;
}

static void
rebind (EpGlossaryEditor *self)
{
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list),
                           self->district ? ep_district_get_glossary (self->district) : NULL,
                           self->district ? create_row : NULL, self, NULL);
  gtk_widget_set_sensitive (self->add_button, self->district != NULL);
}

void
ep_glossary_editor_add_term (EpGlossaryEditor *self)
{
  g_autoptr(EpGlossaryTerm) term = NULL;
  g_autofree char *id = NULL;
  guint n = 1;

  g_return_if_fail (EP_IS_GLOSSARY_EDITOR (self));
  if (self->district == NULL || self->history == NULL)
    return;

  do
    {
      g_free (id);
      id = g_strdup_printf ("term-%u", n++);
    }
  while (ep_district_find_term (self->district, id) != NULL);
  term = ep_glossary_term_new ();
  ep_glossary_term_set_id (term, id);
  ep_history_district_add_term (self->history, self->district, term);

  /* Focus the new row's first field. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list),
                                                        g_list_model_get_n_items (ep_district_get_glossary (self->district)) - 1);
    if (row)
      ep_focus_first (GTK_WIDGET (row));
  }
}

static void
add_clicked_cb (EpGlossaryEditor *self)
{
  ep_glossary_editor_add_term (self);
}

static void
ep_glossary_editor_dispose (GObject *object)
{
  EpGlossaryEditor *self = EP_GLOSSARY_EDITOR (object);

  if (self->list)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->list, gtk_widget_unparent);
  g_clear_pointer (&self->add_button, gtk_widget_unparent);
  g_clear_object (&self->district);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ep_glossary_editor_parent_class)->dispose (object);
}

static void
ep_glossary_editor_class_init (EpGlossaryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ep_glossary_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ep_glossary_editor_init (EpGlossaryEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *box, *label;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  ep_set_accessible_label (self->list, _("Glossary"));
  {
    GtkWidget *empty = gtk_label_new (_("No terms yet. Agree on what equity, equality, inclusion and justice mean to your team."));
    gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
    gtk_widget_add_css_class (empty, "dim-label");
    gtk_widget_add_css_class (empty, "empty-row");
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), empty);
  }
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));

  self->add_button = gtk_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("Add glossary _term"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->add_button);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (self->add_button), box);
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));
  rebind (self);
}

GtkWidget *
ep_glossary_editor_new (void)
{
  return g_object_new (EP_TYPE_GLOSSARY_EDITOR, NULL);
}

void
ep_glossary_editor_set_district (EpGlossaryEditor *self,
                                 EpDistrict       *district)
{
  g_return_if_fail (EP_IS_GLOSSARY_EDITOR (self));
  if (g_set_object (&self->district, district))
    rebind (self);
}

void
ep_glossary_editor_set_history (EpGlossaryEditor *self,
                                EpHistory        *history)
{
  g_return_if_fail (EP_IS_GLOSSARY_EDITOR (self));
  if (g_set_object (&self->history, history))
    rebind (self);
}
