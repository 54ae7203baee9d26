/* ep-listening-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_LISTENING_SESSION (ep_listening_session_get_type ())

/**
 * EpListeningSession:
 *
 * A listening session: who was heard, when, in which language, with what support, and what was heard.
 */
G_DECLARE_FINAL_TYPE (EpListeningSession, ep_listening_session, EP, LISTENING_SESSION, GObject)

EpListeningSession *ep_listening_session_new (void);

const GDate *ep_listening_session_get_date (EpListeningSession *self);
void ep_listening_session_set_date (EpListeningSession *self, const GDate *date);
const char *ep_listening_session_get_language (EpListeningSession *self);
void ep_listening_session_set_language (EpListeningSession *self, const char *language);
gboolean ep_listening_session_get_interpretation (EpListeningSession *self);
void ep_listening_session_set_interpretation (EpListeningSession *self, gboolean interpretation);
gboolean ep_listening_session_get_childcare (EpListeningSession *self);
void ep_listening_session_set_childcare (EpListeningSession *self, gboolean childcare);
const char *ep_listening_session_get_audience (EpListeningSession *self);
void ep_listening_session_set_audience (EpListeningSession *self, const char *audience);
const char *ep_listening_session_get_heard (EpListeningSession *self);
void ep_listening_session_set_heard (EpListeningSession *self, const char *heard);

G_END_DECLS
