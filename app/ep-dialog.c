/* ep-dialog.c — what every dialog window of the app has: a header bar
 * (the title, and Done packed at its end, or the caller's Cancel and
 * primary action), and Escape to close (window.close, so a dialog that
 * must ask before closing still asks in its close-request handler).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ep-dialog.h"

/**
 * ep_dialog_add_escape:
 * @window: a dialog window
 *
 * Makes Escape close @window (the "window.close" action), wherever the
 * focus is inside it.
 */
void
ep_dialog_add_escape (GtkWindow *window)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_WINDOW (window));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "ep-dialog-escape");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                               gtk_named_action_new ("window.close"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
done_clicked_cb (GtkButton *button,
                 GtkWindow *window)
{
  gtk_window_close (window);
}

/**
 * ep_dialog_add_header_bar:
 * @window: a dialog window, not yet shown
 * @with_done: whether to pack a Done button (suggested action) at the end
 *
 * Gives @window a #GtkHeaderBar as its title bar (showing its title, no
 * window buttons besides the close button when there is no Done) and makes
 * Escape close it. The caller may pack Cancel and a primary action instead
 * of Done.
 *
 * Returns: (transfer none): the header bar
 */
GtkHeaderBar *
ep_dialog_add_header_bar (GtkWindow *window,
                          gboolean   with_done)
{
  GtkWidget *bar;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  bar = gtk_header_bar_new ();
  if (with_done)
    {
      GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));

      gtk_widget_add_css_class (done, "suggested-action");
      gtk_header_bar_pack_end (GTK_HEADER_BAR (bar), done);
      gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (bar), FALSE);
      g_signal_connect_object (done, "clicked", G_CALLBACK (done_clicked_cb), window, 0);
      g_object_set_data (G_OBJECT (window), "ep-dialog-done", done);
    }
  gtk_window_set_titlebar (window, bar);
  ep_dialog_add_escape (window);
  return GTK_HEADER_BAR (bar);
}

/**
 * ep_dialog_get_done_button:
 * @window: a window given a header bar by ep_dialog_add_header_bar()
 *
 * Returns: (transfer none) (nullable): its Done button
 */
GtkWidget *
ep_dialog_get_done_button (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ep-dialog-done");
}
