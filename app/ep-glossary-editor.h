/* ep-glossary-editor.h — the district's shared glossary, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_GLOSSARY_EDITOR (ep_glossary_editor_get_type ())

G_DECLARE_FINAL_TYPE (EpGlossaryEditor, ep_glossary_editor, EP, GLOSSARY_EDITOR, GtkWidget)

GtkWidget *ep_glossary_editor_new         (void);
void       ep_glossary_editor_set_district (EpGlossaryEditor *self,
                                            EpDistrict       *district);
void       ep_glossary_editor_set_history  (EpGlossaryEditor *self,
                                            EpHistory        *history);
void       ep_glossary_editor_add_term     (EpGlossaryEditor *self);

G_END_DECLS
