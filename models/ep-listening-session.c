/* ep-listening-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-listening-session"

#include "config.h"

#include "ep-listening-session.h"
#include "ep-node-private.h"

struct _EpListeningSession
{
  EP_NODE_HEADER;

  GDate *date;
  char *language;
  gboolean interpretation;
  gboolean childcare;
  char *audience;
  char *heard;
};

G_DEFINE_FINAL_TYPE (EpListeningSession, ep_listening_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_INTERPRETATION,
  PROP_CHILDCARE,
  PROP_AUDIENCE,
  PROP_HEARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_DATE (EpListeningSession, date, "date"),
  EP_F_STRING (EpListeningSession, language, "language"),
  EP_F_BOOL (EpListeningSession, interpretation, "interpretation", FALSE),
  EP_F_BOOL (EpListeningSession, childcare, "childcare", FALSE),
  EP_F_TEXT (EpListeningSession, audience, "audience"),
  EP_F_TEXT (EpListeningSession, heard, "heard"),
};

EP_NODE_CLASS_BOILERPLATE (EpListeningSession, ep_listening_session)

static void
ep_listening_session_class_init (EpListeningSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_listening_session_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpListeningSession *
ep_listening_session_new (void)
{
  return g_object_new (EP_TYPE_LISTENING_SESSION, NULL);
}

EP_DEFINE_DATE_ACCESSORS (EpListeningSession, ep_listening_session, EP_IS_LISTENING_SESSION, date, PROP_DATE)
EP_DEFINE_STRING_ACCESSORS (EpListeningSession, ep_listening_session, EP_IS_LISTENING_SESSION, language, PROP_LANGUAGE)
EP_DEFINE_SCALAR_ACCESSORS (EpListeningSession, ep_listening_session, EP_IS_LISTENING_SESSION, gboolean, boolean, interpretation, PROP_INTERPRETATION)
EP_DEFINE_SCALAR_ACCESSORS (EpListeningSession, ep_listening_session, EP_IS_LISTENING_SESSION, gboolean, boolean, childcare, PROP_CHILDCARE)
EP_DEFINE_STRING_ACCESSORS (EpListeningSession, ep_listening_session, EP_IS_LISTENING_SESSION, audience, PROP_AUDIENCE)
EP_DEFINE_STRING_ACCESSORS (EpListeningSession, ep_listening_session, EP_IS_LISTENING_SESSION, heard, PROP_HEARD)
