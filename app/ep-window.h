/* ep-window.h — a window onto one district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_WINDOW (ep_window_get_type ())

G_DECLARE_FINAL_TYPE (EpWindow, ep_window, EP, WINDOW, GtkApplicationWindow)

/**
 * EpResponse:
 *
 * The answers of the window's questions (ep_window_get_prompt()): what
 * gtk_dialog_response() is given when a button is pressed. Escape, or
 * closing the dialog, is always GTK_RESPONSE_DELETE_EVENT: Cancel.
 */
typedef enum {
  EP_RESPONSE_SAVE = 1,       /* unsaved changes: save them first */
  EP_RESPONSE_DISCARD,        /* unsaved changes / a draft: throw away */
  EP_RESPONSE_OVERWRITE,      /* changed on disk: write over it anyway */
  EP_RESPONSE_SAVE_AS,        /* changed on disk: save under another name */
  EP_RESPONSE_RECOVER,        /* a draft: open it */
} EpResponse;

EpWindow   *ep_window_new             (GtkApplication *application);
EpDistrict *ep_window_get_district    (EpWindow       *self);
EpHistory  *ep_window_get_history     (EpWindow       *self);
void        ep_window_set_district    (EpWindow       *self,
                                       EpDistrict     *district,
                                       GFile          *file);
GFile      *ep_window_get_file        (EpWindow       *self);
gboolean    ep_window_get_modified    (EpWindow       *self);
gboolean    ep_window_get_busy        (EpWindow       *self);
gboolean    ep_window_get_externally_modified (EpWindow *self);
void        ep_window_open            (EpWindow       *self,
                                       GFile          *file);
void        ep_window_save_as         (EpWindow       *self,
                                       GFile          *file);
GtkWindow  *ep_window_get_prompt      (EpWindow       *self);
GtkWindow  *ep_window_import          (EpWindow       *self,
                                       GFile          *file);
guint       ep_window_offer_recovery  (EpWindow       *self);
char       *ep_window_get_drafts_dir  (void);
EpSchool   *ep_window_get_selected_school (EpWindow   *self);
void        ep_window_select_school   (EpWindow       *self,
                                       const char     *id);

G_END_DECLS
