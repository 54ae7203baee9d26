/* ep-district-settings.h — the district's groups, publication rules,
 * thresholds and glossary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_DISTRICT_SETTINGS (ep_district_settings_get_type ())

G_DECLARE_FINAL_TYPE (EpDistrictSettings, ep_district_settings, EP, DISTRICT_SETTINGS, GtkWidget)

GtkWidget  *ep_district_settings_new          (void);
EpDistrict *ep_district_settings_get_district (EpDistrictSettings *self);
void        ep_district_settings_set_district (EpDistrictSettings *self,
                                               EpDistrict         *district);
EpHistory  *ep_district_settings_get_history  (EpDistrictSettings *self);
void        ep_district_settings_set_history  (EpDistrictSettings *self,
                                               EpHistory          *history);

G_END_DECLS
