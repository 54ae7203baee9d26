/* ep-indicator.h — an indicator and its measurements by group and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

typedef enum {
  EP_MEASUREMENT_HAS_NUMERATOR   = 1 << 0,
  EP_MEASUREMENT_HAS_DENOMINATOR = 1 << 1,
  EP_MEASUREMENT_HAS_VALUE       = 1 << 2,
  EP_MEASUREMENT_HAS_N           = 1 << 3,
  EP_MEASUREMENT_SUPPRESSED      = 1 << 4,  /* suppressed at source */
} EpMeasurementFlags;

/**
 * EpMeasurement:
 * @group: the student group id (interned)
 * @period: the period, e.g. "2024-25" (interned)
 * @marker: for cells suppressed at source, the source's marker (interned)
 * @flags: which of the numbers below are known
 * @numerator: students with the outcome
 * @denominator: students counted
 * @value: a value given by the source (a mean score, or a rate)
 * @n: the number of students behind @value
 *
 * One cell: one group in one period. A copy handed out by EpIndicator;
 * measurements are stored packed inside the indicator, not as objects.
 */
typedef struct {
  const char *group;
  const char *period;
  const char *marker;
  guint       flags;
  guint32     numerator;
  guint32     denominator;
  double      value;
  guint32     n;
} EpMeasurement;

/* The longest group, period or marker of a measurement, in bytes: plan
 * files hold no longer ones, so the model does not either. */
#define EP_MEASUREMENT_MAX_LENGTH 255

#define EP_INDICATOR_ERROR (ep_indicator_error_quark ())

typedef enum {
  EP_INDICATOR_ERROR_INVALID,
  EP_INDICATOR_ERROR_DUPLICATE,
  EP_INDICATOR_ERROR_TOO_MANY,
} EpIndicatorError;

#define EP_TYPE_INDICATOR (ep_indicator_get_type ())

G_DECLARE_FINAL_TYPE (EpIndicator, ep_indicator, EP, INDICATOR, GObject)

GQuark           ep_indicator_error_quark      (void);
EpIndicator     *ep_indicator_new              (const char          *id);

const char      *ep_indicator_get_id           (EpIndicator         *self);
void             ep_indicator_set_id           (EpIndicator         *self,
                                                const char          *id);
const char      *ep_indicator_get_name         (EpIndicator         *self);
void             ep_indicator_set_name         (EpIndicator         *self,
                                                const char          *name);
const char      *ep_indicator_get_description  (EpIndicator         *self);
void             ep_indicator_set_description  (EpIndicator         *self,
                                                const char          *description);
EpIndicatorKind  ep_indicator_get_kind         (EpIndicator         *self);
void             ep_indicator_set_kind         (EpIndicator         *self,
                                                EpIndicatorKind      kind);
EpDirection      ep_indicator_get_direction    (EpIndicator         *self);
void             ep_indicator_set_direction    (EpIndicator         *self,
                                                EpDirection          direction);
EpUnit           ep_indicator_get_unit         (EpIndicator         *self);
void             ep_indicator_set_unit         (EpIndicator         *self,
                                                EpUnit               unit);

guint            ep_indicator_get_n_measurements (EpIndicator       *self);
void             ep_indicator_get_nth          (EpIndicator         *self,
                                                guint                position,
                                                EpMeasurement       *out);
gboolean         ep_indicator_lookup           (EpIndicator         *self,
                                                const char          *group,
                                                const char          *period,
                                                EpMeasurement       *out);
gboolean         ep_indicator_set_measurement  (EpIndicator         *self,
                                                const EpMeasurement *measurement,
                                                GError             **error);
gboolean         ep_indicator_set_count        (EpIndicator         *self,
                                                const char          *group,
                                                const char          *period,
                                                guint32              numerator,
                                                guint32              denominator,
                                                GError             **error);
gboolean         ep_indicator_set_value        (EpIndicator         *self,
                                                const char          *group,
                                                const char          *period,
                                                double               value,
                                                guint32              n,
                                                GError             **error);
gboolean         ep_indicator_set_suppressed   (EpIndicator         *self,
                                                const char          *group,
                                                const char          *period,
                                                const char          *marker,
                                                GError             **error);
gboolean         ep_indicator_remove_measurement (EpIndicator       *self,
                                                const char          *group,
                                                const char          *period);
GPtrArray       *ep_indicator_list_periods     (EpIndicator         *self);
GPtrArray       *ep_indicator_list_groups      (EpIndicator         *self);

gboolean         ep_measurement_validate       (const EpMeasurement *measurement,
                                                GError             **error);
const char      *ep_measurement_intern         (const char          *text);
gboolean         ep_measurement_equal          (const EpMeasurement *a,
                                                const EpMeasurement *b);

G_END_DECLS
