/* ep-window-reports.h — the board packet and the family summary from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-report.h"
#include "ep-window.h"

G_BEGIN_DECLS

void                    ep_window_export_board_packet        (EpWindow    *window,
                                                              const EpBoardPacketOptions *options,
                                                              GFile       *file);
EpBoardPacketOptions   *ep_window_board_packet_dialog_get_options (GtkWindow *dialog);
void                    ep_window_export_board_packet_action (EpWindow    *window);
GtkPrintOperationResult ep_window_print_board_packet         (EpWindow    *window,
                                                              const char  *export_to);
gboolean                ep_window_write_family_summary       (EpWindow    *window,
                                                              const EpFamilySummaryOptions *options,
                                                              GFile       *file,
                                                              GError     **error);
EpFamilySummaryOptions *ep_window_family_dialog_get_options  (GtkWindow   *dialog);
void                    ep_window_family_summary_action      (EpWindow    *window);

G_END_DECLS
