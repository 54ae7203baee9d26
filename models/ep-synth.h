/* ep-synth.h — realistic synthetic districts for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-district.h"

G_BEGIN_DECLS

EpDistrict *ep_synth_district (guint   n_schools,
                               guint   n_years,
                               guint32 seed);

G_END_DECLS
