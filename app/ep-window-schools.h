/* ep-window-schools.h — starting from nothing: schools, plans, indicators
 * and their measurements, made and corrected in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-window.h"

G_BEGIN_DECLS

/* Installs win.add-school, win.rename-school, win.remove-school,
 * win.start-plan, win.add-indicator and win.edit-data (an indicator id). */
void       ep_window_schools_class_init     (GtkWidgetClass *widget_class);
void       ep_window_schools_update_actions (EpWindow       *window);
/* The form or data editor the window shows, if any (for tests). */
GtkWindow *ep_window_get_form               (EpWindow       *window);

/* The data editor's cell text ↔ a measurement, in the user's locale:
 * "12 / 40" (students with the outcome / students counted; for a mean
 * score, the score / students tested), "45.2" (a value without its n), a
 * source's suppression marker ("*", "<10", "N<10" or the district's), or
 * empty (no measurement). */
char      *ep_measurement_cell_text         (EpIndicator         *indicator,
                                             const EpMeasurement *measurement);
gboolean   ep_measurement_cell_parse        (EpIndicator         *indicator,
                                             const char          *district_marker,
                                             const char          *text,
                                             EpMeasurement       *measurement,
                                             GError             **error);

G_END_DECLS
