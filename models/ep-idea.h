/* ep-idea.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_IDEA (ep_idea_get_type ())

/**
 * EpIdea:
 *
 * An idea from stakeholders, scored 1–5 on impact, feasibility and alignment with values (0 = not scored yet).
 */
G_DECLARE_FINAL_TYPE (EpIdea, ep_idea, EP, IDEA, GObject)

EpIdea *ep_idea_new (void);

const char *ep_idea_get_id (EpIdea *self);
void ep_idea_set_id (EpIdea *self, const char *id);
int ep_idea_get_impact (EpIdea *self);
void ep_idea_set_impact (EpIdea *self, int impact);
int ep_idea_get_feasibility (EpIdea *self);
void ep_idea_set_feasibility (EpIdea *self, int feasibility);
int ep_idea_get_alignment (EpIdea *self);
void ep_idea_set_alignment (EpIdea *self, int alignment);
gboolean ep_idea_get_chosen (EpIdea *self);
void ep_idea_set_chosen (EpIdea *self, gboolean chosen);
const char *ep_idea_get_title (EpIdea *self);
void ep_idea_set_title (EpIdea *self, const char *title);
const char *ep_idea_get_description (EpIdea *self);
void ep_idea_set_description (EpIdea *self, const char *description);

G_END_DECLS
