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

EpWindow   *ep_window_new             (GtkApplication *application);
EpDistrict *ep_window_get_district    (EpWindow       *self);
void        ep_window_set_district    (EpWindow       *self,
                                       EpDistrict     *district,
                                       GFile          *file);
GFile      *ep_window_get_file        (EpWindow       *self);
void        ep_window_open            (EpWindow       *self,
                                       GFile          *file);
EpSchool   *ep_window_get_selected_school (EpWindow   *self);
void        ep_window_select_school   (EpWindow       *self,
                                       const char     *id);

G_END_DECLS
