/* ep-dialog.h — what every dialog window of the app has: a header bar with
 * Done (or Cancel and a primary action), and Escape to close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkHeaderBar *ep_dialog_add_header_bar (GtkWindow  *window,
                                        gboolean    with_done);
void          ep_dialog_add_escape     (GtkWindow  *window);
GtkWidget    *ep_dialog_get_done_button (GtkWindow *window);

G_END_DECLS
