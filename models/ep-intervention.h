/* ep-intervention.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_INTERVENTION (ep_intervention_get_type ())

/**
 * EpIntervention:
 *
 * An action of the plan: who owns it, when it runs, how staff are trained, how success is measured, and how strong the evidence behind it is.
 */
G_DECLARE_FINAL_TYPE (EpIntervention, ep_intervention, EP, INTERVENTION, GObject)

EpIntervention *ep_intervention_new (void);

const char *ep_intervention_get_id (EpIntervention *self);
void ep_intervention_set_id (EpIntervention *self, const char *id);
const char *ep_intervention_get_owner (EpIntervention *self);
void ep_intervention_set_owner (EpIntervention *self, const char *owner);
const GDate *ep_intervention_get_start (EpIntervention *self);
void ep_intervention_set_start (EpIntervention *self, const GDate *start);
const GDate *ep_intervention_get_end (EpIntervention *self);
void ep_intervention_set_end (EpIntervention *self, const GDate *end);
EpEvidenceTier ep_intervention_get_evidence (EpIntervention *self);
void ep_intervention_set_evidence (EpIntervention *self, EpEvidenceTier evidence);
EpActionStatus ep_intervention_get_status (EpIntervention *self);
void ep_intervention_set_status (EpIntervention *self, EpActionStatus status);
EpActionArea ep_intervention_get_area (EpIntervention *self);
void ep_intervention_set_area (EpIntervention *self, EpActionArea area);
const char *ep_intervention_get_title (EpIntervention *self);
void ep_intervention_set_title (EpIntervention *self, const char *title);
const char *ep_intervention_get_description (EpIntervention *self);
void ep_intervention_set_description (EpIntervention *self, const char *description);
const char *ep_intervention_get_roles (EpIntervention *self);
void ep_intervention_set_roles (EpIntervention *self, const char *roles);
const char *ep_intervention_get_training (EpIntervention *self);
void ep_intervention_set_training (EpIntervention *self, const char *training);
const char *ep_intervention_get_metric (EpIntervention *self);
void ep_intervention_set_metric (EpIntervention *self, const char *metric);

G_END_DECLS
