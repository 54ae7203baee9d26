/* ep-glossary-term.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-glossary-term"

#include "config.h"

#include "ep-glossary-term.h"
#include "ep-node-private.h"

struct _EpGlossaryTerm
{
  EP_NODE_HEADER;

  char *id;
  char *name;
  char *definition;
};

G_DEFINE_FINAL_TYPE (EpGlossaryTerm, ep_glossary_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DEFINITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_ID (EpGlossaryTerm, id, "id"),
  EP_F_TEXT_ALWAYS (EpGlossaryTerm, name, "name"),
  EP_F_TEXT (EpGlossaryTerm, definition, "definition"),
};

EP_NODE_CLASS_BOILERPLATE (EpGlossaryTerm, ep_glossary_term)

static void
ep_glossary_term_class_init (EpGlossaryTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_glossary_term_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpGlossaryTerm *
ep_glossary_term_new (void)
{
  return g_object_new (EP_TYPE_GLOSSARY_TERM, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpGlossaryTerm, ep_glossary_term, EP_IS_GLOSSARY_TERM, id, PROP_ID)
EP_DEFINE_STRING_ACCESSORS (EpGlossaryTerm, ep_glossary_term, EP_IS_GLOSSARY_TERM, name, PROP_NAME)
EP_DEFINE_STRING_ACCESSORS (EpGlossaryTerm, ep_glossary_term, EP_IS_GLOSSARY_TERM, definition, PROP_DEFINITION)
