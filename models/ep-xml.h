/* ep-xml.h — reading and writing .eqplan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-district.h"

G_BEGIN_DECLS

#define EP_XML_NAMESPACE     "urn:equity-planner:eqplan:1"
#define EP_XML_VERSION_MAJOR 1
#define EP_XML_VERSION_MINOR 0
#define EP_XML_MIME_TYPE     "application/x-eqplan+xml"

#define EP_XML_ERROR (ep_xml_error_quark ())

/**
 * EpXmlError:
 * @EP_XML_ERROR_MALFORMED: not well-formed XML, or not text
 * @EP_XML_ERROR_NOT_EQPLAN: XML of another vocabulary
 * @EP_XML_ERROR_FORBIDDEN: a construct refused for safety (DOCTYPE, entities)
 * @EP_XML_ERROR_NEWER_VERSION: written by a newer major version
 * @EP_XML_ERROR_INVALID: well-formed, but the content breaks the format's rules
 * @EP_XML_ERROR_TOO_LARGE: beyond the reader's bounds (depth, text length)
 * @EP_XML_ERROR_CONFLICT: the file changed on disk since it was read
 *
 * Every error's message begins with "FILE:LINE:COLUMN: " where a
 * position is known, then says what is wrong in plain words.
 */
typedef enum {
  EP_XML_ERROR_MALFORMED,
  EP_XML_ERROR_NOT_EQPLAN,
  EP_XML_ERROR_FORBIDDEN,
  EP_XML_ERROR_NEWER_VERSION,
  EP_XML_ERROR_INVALID,
  EP_XML_ERROR_TOO_LARGE,
  EP_XML_ERROR_CONFLICT,
} EpXmlError;

typedef void (*EpXmlProgress) (guint64  bytes,
                               gpointer user_data);

GQuark      ep_xml_error_quark   (void);

EpDistrict *ep_xml_read_stream   (GInputStream   *stream,
                                  const char     *display_name,
                                  GCancellable   *cancellable,
                                  GError        **error);
EpDistrict *ep_xml_read_file     (GFile          *file,
                                  char          **etag_out,
                                  GCancellable   *cancellable,
                                  GError        **error);
EpDistrict *ep_xml_read_bytes    (GBytes         *bytes,
                                  const char     *display_name,
                                  GError        **error);

gboolean    ep_xml_write_stream  (EpDistrict     *district,
                                  GOutputStream  *stream,
                                  EpXmlProgress   progress,
                                  gpointer        progress_data,
                                  GCancellable   *cancellable,
                                  GError        **error);
GBytes     *ep_xml_write_bytes   (EpDistrict     *district);

gboolean    ep_xml_save          (EpDistrict     *district,
                                  GFile          *file,
                                  const char     *etag,
                                  gboolean        make_backup,
                                  char          **etag_out,
                                  EpXmlProgress   progress,
                                  gpointer        progress_data,
                                  GCancellable   *cancellable,
                                  GError        **error);

void        ep_xml_load_async    (GFile              *file,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
EpDistrict *ep_xml_load_finish   (GAsyncResult       *result,
                                  char              **etag_out,
                                  GError            **error);

G_END_DECLS
