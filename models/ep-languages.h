/* ep-languages.h — the languages plans are translated into for families
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       ep_languages_get_n           (void);
const char *ep_languages_get_code        (guint       i);
const char *ep_languages_get_native_name (guint       i);
const char *ep_language_native_name      (const char *code);
int         ep_languages_find            (const char *code);

G_END_DECLS
