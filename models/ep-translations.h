/* ep-translations.h — which texts of a plan exist in which language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan's own texts (problem statement, actions, listening-session notes,
 * glossary definitions, …) can carry versions per language (xml:lang in
 * the file). These functions list the texts a family-facing document
 * needs, say which lack a version in a language, and pick the text to
 * show, falling back to the source language.
 */
#pragma once

#include "ep-district.h"
#include "ep-plan.h"
#include "ep-school.h"

G_BEGIN_DECLS

/**
 * EpTranslatable:
 * @node: the model object holding the text (a strong reference)
 * @field: the text field's name, e.g. "statement"
 * @source: the text in the source language
 */
typedef struct {
  GObject    *node;
  const char *field;
  char       *source;
} EpTranslatable;

void        ep_translatable_free        (EpTranslatable *translatable);

GPtrArray  *ep_translatables_for_plan   (EpDistrict     *district,
                                         EpSchool       *school,
                                         EpPlan         *plan);
guint       ep_translatables_count_missing (GPtrArray   *translatables,
                                            const char  *language);
const char *ep_text_for_language        (gpointer        node,
                                         const char     *field,
                                         const char     *language,
                                         gboolean       *fell_back);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpTranslatable, ep_translatable_free)

G_END_DECLS
