/* ep-validate.h — the rules a value must follow, one place for all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window (a message next to the field that refused the value), the
 * plan-health check (so `eqplan check` and every page say the same) and the
 * import all ask these functions. Each returns FALSE with a translated
 * message in @error that says why and what is allowed.
 */
#pragma once

#include <glib-object.h>

#include "ep-district.h"
#include "ep-indicator.h"

G_BEGIN_DECLS

#define EP_VALIDATE_ERROR (ep_validate_error_quark ())

typedef enum {
  EP_VALIDATE_ERROR_INVALID,
  EP_VALIDATE_ERROR_OUT_OF_RANGE,
  EP_VALIDATE_ERROR_ORDER,
  EP_VALIDATE_ERROR_EXISTS,
} EpValidateError;

GQuark    ep_validate_error_quark     (void);

gboolean  ep_validate_value           (EpUnit          unit,
                                       double          value,
                                       GError        **error);
gboolean  ep_validate_indicator_value (EpIndicator    *indicator,
                                       double          value,
                                       GError        **error);
gboolean  ep_validate_period          (const char     *period,
                                       GError        **error);
gboolean  ep_validate_period_order    (const char     *baseline_period,
                                       const char     *target_period,
                                       GError        **error);
gboolean  ep_validate_date_range      (const GDate    *start,
                                       const GDate    *end,
                                       GError        **error);
gboolean  ep_validate_school_id       (EpDistrict     *district,
                                       const char     *id,
                                       EpSchool       *except,
                                       GError        **error);
gboolean  ep_validate_counts          (gint64          numerator,
                                       gint64          denominator,
                                       GError        **error);
gboolean  ep_cycle_dates              (const char     *cycle,
                                       GDate          *first,
                                       GDate          *last);
char     *ep_cycle_for_date           (const GDate    *date);

G_END_DECLS
