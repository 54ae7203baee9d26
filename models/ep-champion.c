/* ep-champion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-champion"

#include "config.h"

#include "ep-champion.h"
#include "ep-node-private.h"

struct _EpChampion
{
  EP_NODE_HEADER;

  EpChampionLevel level;
  char *name;
  char *role;
};

G_DEFINE_FINAL_TYPE (EpChampion, ep_champion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_ENUM (EpChampion, level, "level", ep_champion_level_get_type, EP_LEVEL_SCHOOL),
  EP_F_TEXT_ALWAYS (EpChampion, name, "name"),
  EP_F_TEXT (EpChampion, role, "role"),
};

EP_NODE_CLASS_BOILERPLATE (EpChampion, ep_champion)

static void
ep_champion_class_init (EpChampionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_champion_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpChampion *
ep_champion_new (void)
{
  return g_object_new (EP_TYPE_CHAMPION, NULL);
}

EP_DEFINE_SCALAR_ACCESSORS (EpChampion, ep_champion, EP_IS_CHAMPION, EpChampionLevel, int, level, PROP_LEVEL)
EP_DEFINE_STRING_ACCESSORS (EpChampion, ep_champion, EP_IS_CHAMPION, name, PROP_NAME)
EP_DEFINE_STRING_ACCESSORS (EpChampion, ep_champion, EP_IS_CHAMPION, role, PROP_ROLE)
