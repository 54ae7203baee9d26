/* ep-glossary-term.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_GLOSSARY_TERM (ep_glossary_term_get_type ())

/**
 * EpGlossaryTerm:
 *
 * A term of the shared glossary, with the team’s own definition.
 */
G_DECLARE_FINAL_TYPE (EpGlossaryTerm, ep_glossary_term, EP, GLOSSARY_TERM, GObject)

EpGlossaryTerm *ep_glossary_term_new (void);

const char *ep_glossary_term_get_id (EpGlossaryTerm *self);
void ep_glossary_term_set_id (EpGlossaryTerm *self, const char *id);
const char *ep_glossary_term_get_name (EpGlossaryTerm *self);
void ep_glossary_term_set_name (EpGlossaryTerm *self, const char *name);
const char *ep_glossary_term_get_definition (EpGlossaryTerm *self);
void ep_glossary_term_set_definition (EpGlossaryTerm *self, const char *definition);

G_END_DECLS
