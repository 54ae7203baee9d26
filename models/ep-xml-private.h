/* ep-xml-private.h — the hardened XML reader, for the model's other small
 * documents (import mappings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-xml.h"

G_BEGIN_DECLS

/* Called for each element of @namespace_uri (elements of other namespaces
 * are skipped with their content). @names and @values are NULL-terminated.
 * A callback that fails sets @error with a plain message; the reader puts
 * "FILE:LINE:COLUMN: " (of the element's start tag) before it. */
typedef gboolean (*EpXmlStartFunc) (gpointer            user_data,
                                    const char         *element,
                                    const char * const *names,
                                    const char * const *values,
                                    GError            **error);
/* @text: the text directly inside the element, as written */
typedef gboolean (*EpXmlEndFunc)   (gpointer            user_data,
                                    const char         *element,
                                    const char         *text,
                                    GError            **error);

/* Reads a small document with the same hardening as .eqplan files: no
 * DOCTYPE, no entities but the predefined ones, nothing loaded from the
 * network or the disk, bounded size and depth. The root element must be
 * @root in @namespace_uri, else EP_XML_ERROR_NOT_EQPLAN. */
gboolean ep_xml_parse_small (GBytes         *bytes,
                             const char     *display_name,
                             const char     *namespace_uri,
                             const char     *root,
                             EpXmlStartFunc  start,
                             EpXmlEndFunc    end,
                             gpointer        user_data,
                             GError        **error);

#define EP_XML_SMALL_MAX_SIZE (1 << 20)

G_END_DECLS
