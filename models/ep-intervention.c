/* ep-intervention.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-intervention"

#include "config.h"

#include "ep-intervention.h"
#include "ep-node-private.h"

struct _EpIntervention
{
  EP_NODE_HEADER;

  char *id;
  char *owner;
  GDate *start;
  GDate *end;
  EpEvidenceTier evidence;
  EpActionStatus status;
  EpActionArea area;
  char *title;
  char *description;
  char *roles;
  char *training;
  char *metric;
};

G_DEFINE_FINAL_TYPE (EpIntervention, ep_intervention, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OWNER,
  PROP_START,
  PROP_END,
  PROP_EVIDENCE,
  PROP_STATUS,
  PROP_AREA,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ROLES,
  PROP_TRAINING,
  PROP_METRIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_ID (EpIntervention, id, "id"),
  EP_F_STRING (EpIntervention, owner, "owner"),
  EP_F_DATE (EpIntervention, start, "start"),
  EP_F_DATE (EpIntervention, end, "end"),
  EP_F_ENUM (EpIntervention, evidence, "evidence", ep_evidence_tier_get_type, EP_EVIDENCE_NONE),
  EP_F_ENUM (EpIntervention, status, "status", ep_action_status_get_type, EP_STATUS_PLANNED),
  EP_F_ENUM (EpIntervention, area, "area", ep_action_area_get_type, EP_AREA_OTHER),
  EP_F_TEXT_ALWAYS (EpIntervention, title, "title"),
  EP_F_TEXT (EpIntervention, description, "description"),
  EP_F_TEXT (EpIntervention, roles, "roles"),
  EP_F_TEXT (EpIntervention, training, "training"),
  EP_F_TEXT (EpIntervention, metric, "metric"),
};

EP_NODE_CLASS_BOILERPLATE (EpIntervention, ep_intervention)

static void
ep_intervention_class_init (EpInterventionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_intervention_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpIntervention *
ep_intervention_new (void)
{
  return g_object_new (EP_TYPE_INTERVENTION, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, id, PROP_ID)
EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, owner, PROP_OWNER)
EP_DEFINE_DATE_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, start, PROP_START)
EP_DEFINE_DATE_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, end, PROP_END)
EP_DEFINE_SCALAR_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, EpEvidenceTier, int, evidence, PROP_EVIDENCE)
EP_DEFINE_SCALAR_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, EpActionStatus, int, status, PROP_STATUS)
EP_DEFINE_SCALAR_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, EpActionArea, int, area, PROP_AREA)
EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, title, PROP_TITLE)
EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, description, PROP_DESCRIPTION)
EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, roles, PROP_ROLES)
EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, training, PROP_TRAINING)
EP_DEFINE_STRING_ACCESSORS (EpIntervention, ep_intervention, EP_IS_INTERVENTION, metric, PROP_METRIC)
