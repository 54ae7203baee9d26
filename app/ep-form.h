/* ep-form.h — a small dialog of labelled fields: header bar with Cancel and
 * a primary button, Escape closes, Enter accepts, and a message under the
 * fields saying why a value was refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called when the primary button is pressed (or Enter in a field). Return
 * FALSE with @error to keep the form open and show the message. */
typedef gboolean (*EpFormAcceptFunc) (GtkWindow  *form,
                                      gpointer    data,
                                      GError    **error);

GtkWindow *ep_form_new          (GtkWindow        *parent,
                                 const char       *title,
                                 const char       *accept_label,
                                 EpFormAcceptFunc  accept,
                                 gpointer          data,
                                 GDestroyNotify    destroy);
/* Adds a row: a mnemonic label and @field, which gets @name (looked up by
 * ep_form_get_field()). Entries activate the primary button. Returns @field. */
GtkWidget *ep_form_add_field    (GtkWindow        *form,
                                 const char       *name,
                                 const char       *label,
                                 GtkWidget        *field);
/* A line of help under the last field. */
void       ep_form_add_help     (GtkWindow        *form,
                                 const char       *text);
GtkWidget *ep_form_get_field    (GtkWindow        *form,
                                 const char       *name);
const char *ep_form_get_text    (GtkWindow        *form,
                                 const char       *name);
void       ep_form_show_error   (GtkWindow        *form,
                                 const char       *message);
const char *ep_form_get_error   (GtkWindow        *form);
/* Presses the primary button, as Enter does. */
void       ep_form_accept       (GtkWindow        *form);

/* A descendant of @root by widget name (gtk_widget_set_name()). */
GtkWidget *ep_find_named        (GtkWidget        *root,
                                 const char       *name);
void       ep_window_add_escape (GtkWindow        *window);

G_END_DECLS
