/* ep-window-reports.h — the board packet and the family summary from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-window.h"

G_BEGIN_DECLS

void                    ep_window_export_board_packet        (EpWindow    *window,
                                                              GFile       *file);
void                    ep_window_export_board_packet_action (EpWindow    *window);
GtkPrintOperationResult ep_window_print_board_packet         (EpWindow    *window,
                                                              const char  *export_to);
gboolean                ep_window_write_family_summary       (EpWindow    *window,
                                                              const char  *language,
                                                              GFile       *file,
                                                              GError     **error);
void                    ep_window_family_summary_action      (EpWindow    *window);

G_END_DECLS
