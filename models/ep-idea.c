/* ep-idea.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-idea"

#include "config.h"

#include "ep-idea.h"
#include "ep-node-private.h"

struct _EpIdea
{
  EP_NODE_HEADER;

  char *id;
  int impact;
  int feasibility;
  int alignment;
  gboolean chosen;
  char *title;
  char *description;
};

G_DEFINE_FINAL_TYPE (EpIdea, ep_idea, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_IMPACT,
  PROP_FEASIBILITY,
  PROP_ALIGNMENT,
  PROP_CHOSEN,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_ID (EpIdea, id, "id"),
  EP_F_INT (EpIdea, impact, "impact", 0, 5, 0),
  EP_F_INT (EpIdea, feasibility, "feasibility", 0, 5, 0),
  EP_F_INT (EpIdea, alignment, "alignment", 0, 5, 0),
  EP_F_BOOL (EpIdea, chosen, "chosen", FALSE),
  EP_F_TEXT_ALWAYS (EpIdea, title, "title"),
  EP_F_TEXT (EpIdea, description, "description"),
};

EP_NODE_CLASS_BOILERPLATE (EpIdea, ep_idea)

static void
ep_idea_class_init (EpIdeaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_idea_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpIdea *
ep_idea_new (void)
{
  return g_object_new (EP_TYPE_IDEA, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, id, PROP_ID)
EP_DEFINE_SCALAR_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, int, int, impact, PROP_IMPACT)
EP_DEFINE_SCALAR_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, int, int, feasibility, PROP_FEASIBILITY)
EP_DEFINE_SCALAR_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, int, int, alignment, PROP_ALIGNMENT)
EP_DEFINE_SCALAR_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, gboolean, boolean, chosen, PROP_CHOSEN)
EP_DEFINE_STRING_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, title, PROP_TITLE)
EP_DEFINE_STRING_ACCESSORS (EpIdea, ep_idea, EP_IS_IDEA, description, PROP_DESCRIPTION)
