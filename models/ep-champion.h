/* ep-champion.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_CHAMPION (ep_champion_get_type ())

/**
 * EpChampion:
 *
 * A champion of the plan at some level of the system (a simple power map).
 */
G_DECLARE_FINAL_TYPE (EpChampion, ep_champion, EP, CHAMPION, GObject)

EpChampion *ep_champion_new (void);

EpChampionLevel ep_champion_get_level (EpChampion *self);
void ep_champion_set_level (EpChampion *self, EpChampionLevel level);
const char *ep_champion_get_name (EpChampion *self);
void ep_champion_set_name (EpChampion *self, const char *name);
const char *ep_champion_get_role (EpChampion *self);
void ep_champion_set_role (EpChampion *self, const char *role);

G_END_DECLS
