/* ep-indicator-private.h — bulk loading for the .eqplan reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-indicator.h"

G_BEGIN_DECLS

void     ep_indicator_reserve          (EpIndicator         *self,
                                        guint                n);
gboolean ep_indicator_load_append      (EpIndicator         *self,
                                        const EpMeasurement *measurement,
                                        GError             **error);
gboolean ep_indicator_load_finish      (EpIndicator         *self,
                                        GError             **error);
gsize    ep_indicator_get_memory_size  (EpIndicator         *self);

/* For undo of bulk changes (an import): a bare indicator holding a copy of
 * the measurements, and putting such a copy back. */
EpIndicator *ep_indicator_snapshot     (EpIndicator         *self);
void     ep_indicator_restore          (EpIndicator         *self,
                                        EpIndicator         *snapshot);

G_END_DECLS
