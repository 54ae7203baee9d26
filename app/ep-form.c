/* ep-form.c — a small dialog of labelled fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-form"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-form.h"

typedef struct {
  EpFormAcceptFunc accept;
  gpointer         data;
  GDestroyNotify   destroy;
  GtkGrid         *grid;
  GtkLabel        *error;
  GtkWidget       *accept_button;
  int              rows;
} Form;

static void
form_free (gpointer p)
{
  Form *form = p;

  if (form->destroy)
    form->destroy (form->data);
  g_free (form);
}

static Form *
get_form (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ep-form");
}

void
ep_window_add_escape (GtkWindow *window)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

static void
accept_clicked_cb (GtkWindow *window)
{
  Form *form = get_form (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) keep = g_object_ref (window);

  if (form->accept == NULL || form->accept (window, form->data, &error))
    {
      gtk_window_destroy (window);
      return;
    }
  ep_form_show_error (window, error ? error->message : _("This cannot be done."));
}

/**
 * ep_form_new:
 *
 * A modal dialog over @parent. Cancel or Escape closes it; the primary
 * button calls @accept, which closes it when it returns TRUE.
 */
GtkWindow *
ep_form_new (GtkWindow        *parent,
             const char       *title,
             const char       *accept_label,
             EpFormAcceptFunc  accept,
             gpointer          data,
             GDestroyNotify    destroy)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  Form *form = g_new0 (Form, 1);

  form->accept = accept;
  form->data = data;
  form->destroy = destroy;
  g_object_set_data_full (G_OBJECT (window), "ep-form", form, form_free);

  gtk_window_set_title (window, title);
  gtk_window_set_modal (window, TRUE);
  gtk_window_set_transient_for (window, parent);
  gtk_window_set_destroy_with_parent (window, TRUE);
  gtk_window_set_default_size (window, 480, -1);
  gtk_widget_add_css_class (GTK_WIDGET (window), "ep-form");

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (title_label, "title");
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), title_label);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  form->accept_button = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_set_name (form->accept_button, "accept");
  gtk_widget_add_css_class (form->accept_button, "suggested-action");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), form->accept_button);
  g_signal_connect_swapped (form->accept_button, "clicked", G_CALLBACK (accept_clicked_cb), window);
  gtk_window_set_titlebar (window, header);
  gtk_window_set_default_widget (window, form->accept_button);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  form->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (form->grid, 6);
  gtk_grid_set_column_spacing (form->grid, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->grid));
  form->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (form->error), "error");
  gtk_label_set_wrap (form->error, TRUE);
  gtk_label_set_max_width_chars (form->error, 50);
  gtk_label_set_xalign (form->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (form->error), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->error), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the value was refused"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error));
  gtk_window_set_child (window, box);
  ep_window_add_escape (window);
  return window;
}

GtkWidget *
ep_form_add_field (GtkWindow  *window,
                   const char *name,
                   const char *label,
                   GtkWidget  *field)
{
  Form *form = get_form (window);
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);

  g_return_val_if_fail (form != NULL, field);
  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), field);
  gtk_widget_set_valign (caption, GTK_IS_ENTRY (field) || GTK_IS_DROP_DOWN (field) ? GTK_ALIGN_CENTER : GTK_ALIGN_START);
  gtk_widget_set_name (field, name);
  gtk_widget_set_hexpand (field, TRUE);
  if (GTK_IS_ENTRY (field))
    {
      /* Enter accepts the form (as the default button would). */
      g_signal_connect_swapped (field, "activate", G_CALLBACK (accept_clicked_cb), window);
      gtk_editable_set_width_chars (GTK_EDITABLE (field), 28);
    }
  gtk_grid_attach (form->grid, caption, 0, form->rows, 1, 1);
  gtk_grid_attach (form->grid, field, 1, form->rows, 1, 1);
  form->rows++;
  return field;
}

void
ep_form_add_help (GtkWindow  *window,
                  const char *text)
{
  Form *form = get_form (window);
  GtkWidget *help = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (help), 44);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_widget_add_css_class (help, "dim-label");
  gtk_widget_add_css_class (help, "caption");
  gtk_grid_attach (form->grid, help, 1, form->rows, 1, 1);
  form->rows++;
}

GtkWidget *
ep_find_named (GtkWidget  *root,
               const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ep_find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ep_form_get_field (GtkWindow  *window,
                   const char *name)
{
  GtkWidget *field = ep_find_named (GTK_WIDGET (window), name);

  if (field == NULL)
    field = ep_find_named (gtk_window_get_titlebar (window), name);
  return field;
}

const char *
ep_form_get_text (GtkWindow  *window,
                  const char *name)
{
  GtkWidget *field = ep_form_get_field (window, name);

  g_return_val_if_fail (GTK_IS_EDITABLE (field), "");
  return gtk_editable_get_text (GTK_EDITABLE (field));
}

void
ep_form_show_error (GtkWindow  *window,
                    const char *message)
{
  Form *form = get_form (window);

  gtk_label_set_label (form->error, message);
  gtk_widget_set_visible (GTK_WIDGET (form->error), message != NULL && *message != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->error), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
}

const char *
ep_form_get_error (GtkWindow *window)
{
  Form *form = get_form (window);

  return gtk_widget_get_visible (GTK_WIDGET (form->error)) ? gtk_label_get_label (form->error) : NULL;
}

void
ep_form_accept (GtkWindow *window)
{
  gtk_widget_activate (get_form (window)->accept_button);
}
