/* ep-translation-editor.h — fill a plan's texts in a family's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

#define EP_TYPE_TRANSLATION_EDITOR (ep_translation_editor_get_type ())
G_DECLARE_FINAL_TYPE (EpTranslationEditor, ep_translation_editor, EP, TRANSLATION_EDITOR, GtkWindow)

GtkWidget   *ep_translation_editor_new          (EpDistrict          *district,
                                                 EpSchool            *school,
                                                 EpPlan              *plan,
                                                 EpHistory           *history);
void         ep_translation_editor_set_language (EpTranslationEditor *self,
                                                 const char          *code);
guint        ep_translation_editor_get_n_rows   (EpTranslationEditor *self);
GtkEditable *ep_translation_editor_get_entry    (EpTranslationEditor *self,
                                                 guint                index);

G_END_DECLS
