/* ep-plan-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-list.h"
#include "ep-plan.h"

G_BEGIN_DECLS

EpList *ep_plan_peek_list (EpPlan *self,
                           GType   item_type);

G_END_DECLS
