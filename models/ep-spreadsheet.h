/* ep-spreadsheet.h — writing text for tables that spreadsheets open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ep_spreadsheet_cell_is_formula (const char *text);
void     ep_spreadsheet_append_cell     (GString    *line,
                                         const char *text);

G_END_DECLS
