/* ep-csv.h — reading CSV files as they come from spreadsheets and state portals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EP_CSV_ERROR (ep_csv_error_quark ())

/**
 * EpCsvError:
 * @EP_CSV_ERROR_ENCODING: the encoding asked for is unknown
 * @EP_CSV_ERROR_TOO_LARGE: a field or row beyond the reader's bounds
 *   (usually a quote that is never closed)
 * @EP_CSV_ERROR_FAILED: libcsv reported an error
 *
 * Messages begin with "FILE:LINE: " where a line is known.
 */
typedef enum {
  EP_CSV_ERROR_ENCODING,
  EP_CSV_ERROR_TOO_LARGE,
  EP_CSV_ERROR_FAILED,
} EpCsvError;

/**
 * EpCsvRow:
 * @line: the line of the file on which the row begins (1-based)
 * @n_fields: the number of fields; rows may be ragged
 * @fields: the fields, UTF-8, NUL-terminated
 * @invalid_text: TRUE when a field held bytes that are not text in the
 *   file's encoding; they were replaced by U+FFFD
 *
 * One row. Owned by the reader, valid until the next call to
 * ep_csv_reader_read_row().
 */
typedef struct {
  guint64      line;
  guint        n_fields;
  const char **fields;
  gboolean     invalid_text;
} EpCsvRow;

/* Called after each block read: bytes read so far, and the total (0 when
 * unknown). */
typedef void (*EpCsvProgress) (guint64  bytes_read,
                               guint64  total_bytes,
                               gpointer user_data);

#define EP_TYPE_CSV_READER (ep_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (EpCsvReader, ep_csv_reader, EP, CSV_READER, GObject)

GQuark          ep_csv_error_quark          (void);

EpCsvReader    *ep_csv_reader_new           (GInputStream  *stream,
                                             const char    *display_name);
void            ep_csv_reader_set_encoding  (EpCsvReader   *self,
                                             const char    *encoding);
void            ep_csv_reader_set_delimiter (EpCsvReader   *self,
                                             char           delimiter);
void            ep_csv_reader_set_total_size (EpCsvReader  *self,
                                             guint64        total_bytes);
void            ep_csv_reader_set_progress  (EpCsvReader   *self,
                                             EpCsvProgress  progress,
                                             gpointer       user_data,
                                             GDestroyNotify destroy);

const EpCsvRow *ep_csv_reader_read_row      (EpCsvReader   *self,
                                             GCancellable  *cancellable,
                                             GError       **error);

const char     *ep_csv_reader_get_display_name (EpCsvReader *self);
const char     *ep_csv_reader_get_encoding  (EpCsvReader   *self);
gboolean        ep_csv_reader_get_had_bom   (EpCsvReader   *self);
char            ep_csv_reader_get_delimiter (EpCsvReader   *self);
guint64         ep_csv_reader_get_bytes_read (EpCsvReader  *self);
guint64         ep_csv_reader_get_total_size (EpCsvReader  *self);

gboolean        ep_csv_parse_delimiter      (const char    *text,
                                             char          *delimiter);

G_END_DECLS
