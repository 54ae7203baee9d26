/* ep-import-dialog.h — the assistant that imports a CSV file into the district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-window.h"

G_BEGIN_DECLS

#define EP_TYPE_IMPORT_DIALOG (ep_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EpImportDialog, ep_import_dialog, EP, IMPORT_DIALOG, GtkWindow)

EpImportDialog       *ep_import_dialog_new          (EpWindow       *window);
void                  ep_import_dialog_set_file     (EpImportDialog *self,
                                                     GFile          *file);
GFile                *ep_import_dialog_get_file     (EpImportDialog *self);
const char           *ep_import_dialog_get_page     (EpImportDialog *self);
EpMapping            *ep_import_dialog_get_mapping  (EpImportDialog *self);
gboolean              ep_import_dialog_get_reading  (EpImportDialog *self);
const EpImportReport *ep_import_dialog_get_report   (EpImportDialog *self);
char                 *ep_import_dialog_dup_mapping_dir (void);

G_END_DECLS
