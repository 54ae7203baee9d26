/* ep-csv.c — reading CSV files as they come from spreadsheets and state portals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pull reader over libcsv (which does the CSV parsing proper) and a
 * GInputStream. It reads the stream in 64 KB blocks and never holds more
 * than one block, the row being read and libcsv's field buffer, so memory
 * does not grow with the file. Before parsing it looks at the first block
 * to choose the encoding (a UTF-8 or UTF-16 byte-order mark; else UTF-8 if
 * the block is valid UTF-8; else Windows-1252, what spreadsheets in the US
 * and Western Europe save "CSV" as) and the delimiter (comma, semicolon or
 * tab: the one found the same number of times on each of the first lines).
 * Both can be given instead.
 *
 * Text reaches libcsv one physical line at a time (split after each CR or
 * LF), so the reader knows the line on which each row begins even when
 * quoted fields hold line breaks; CR, LF and CRLF all end lines.
 */
#define G_LOG_DOMAIN "ep-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ep-csv.h"

#define CHUNK_SIZE      (64 * 1024)
#define SNIFF_SIZE      (16 * 1024)  /* text looked at for the delimiter */
#define SNIFF_LINES     20
#define MAX_FIELD_SIZE  (4 << 20)    /* one field, in bytes */
#define MAX_ROW_SIZE    (16 << 20)   /* one row, in bytes */
#define MAX_FIELDS      100000

struct _EpCsvReader
{
  GObject            parent_instance;

  /* owned */
  GInputStream      *stream;
  char              *display_name;
  char              *encoding_asked;   /* NULL: detect */
  char              *encoding;         /* in use, once started */
  GIConv             cd;               /* (GIConv) -1 for UTF-8 input */
  struct csv_parser  parser;
  GByteArray        *raw_pending;      /* undecoded tail of the last block */
  GByteArray        *text;             /* decoded UTF-8 not yet given to libcsv */
  gsize              text_pos;
  guchar            *block;
  GString           *build;            /* fields of the row being parsed, NUL-separated */
  GArray            *build_offsets;    /* gsize */
  GString           *done;             /* the row handed out */
  GArray            *done_offsets;
  GPtrArray         *done_fields;
  EpCsvRow           row;
  GError            *error;            /* set from inside libcsv callbacks */

  EpCsvProgress      progress;
  gpointer           progress_data;
  GDestroyNotify     progress_destroy;

  char               delimiter_asked;  /* 0: detect */
  char               delimiter;
  gboolean           had_bom;
  gboolean           started;
  gboolean           parser_ready;
  gboolean           eof;
  gboolean           finished;
  gboolean           have_row;
  gboolean           last_was_cr;
  guint64            total;
  guint64            bytes_read;
  guint64            line;             /* line of the next byte given to libcsv */
  guint64            seg_line;         /* line of the segment being parsed */
  guint64            row_start;        /* line the row being parsed began on; 0: none */
  guint64            done_line;
};

G_DEFINE_FINAL_TYPE (EpCsvReader, ep_csv_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (ep-csv-error-quark, ep_csv_error)

static void
ep_csv_reader_finalize (GObject *object)
{
  EpCsvReader *self = (EpCsvReader *) object;

  if (self->parser_ready)
    csv_free (&self->parser);
  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  if (self->progress_destroy)
    self->progress_destroy (self->progress_data);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->encoding_asked, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->raw_pending, g_byte_array_unref);
  g_clear_pointer (&self->text, g_byte_array_unref);
  g_clear_pointer (&self->block, g_free);
  g_string_free (self->build, TRUE);
  g_string_free (self->done, TRUE);
  g_clear_pointer (&self->build_offsets, g_array_unref);
  g_clear_pointer (&self->done_offsets, g_array_unref);
  g_clear_pointer (&self->done_fields, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ep_csv_reader_parent_class)->finalize (object);
}

static void
ep_csv_reader_class_init (EpCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ep_csv_reader_finalize;
}

static void
ep_csv_reader_init (EpCsvReader *self)
{
  self->cd = (GIConv) -1;
  self->raw_pending = g_byte_array_new ();
  self->text = g_byte_array_sized_new (CHUNK_SIZE * 2);
  self->block = g_malloc (CHUNK_SIZE);
  self->build = g_string_sized_new (1024);
  self->done = g_string_sized_new (1024);
  self->build_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->done_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->done_fields = g_ptr_array_new ();
  self->line = 1;
}

/**
 * ep_csv_reader_new:
 * @stream: the CSV bytes
 * @display_name: how messages name the file
 *
 * Returns: (transfer full): a reader; nothing is read until the first row
 *   is asked for. When @stream is a #GFileInputStream its size is the
 *   total given to the progress callback.
 */
EpCsvReader *
ep_csv_reader_new (GInputStream *stream,
                   const char   *display_name)
{
  EpCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (EP_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->display_name = g_strdup (display_name ? display_name : "(stream)");

  if (G_IS_FILE_INPUT_STREAM (stream))
    {
      g_autoptr(GFileInfo) info =
        g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        self->total = (guint64) g_file_info_get_size (info);
    }
  return self;
}

/**
 * ep_csv_reader_set_encoding:
 * @encoding: (nullable): an encoding name iconv knows ("UTF-8",
 *   "WINDOWS-1252", "ISO-8859-1", …), or %NULL or "auto" to detect it
 */
void
ep_csv_reader_set_encoding (EpCsvReader *self,
                            const char  *encoding)
{
  g_return_if_fail (EP_IS_CSV_READER (self));
  g_return_if_fail (!self->started);

  g_free (self->encoding_asked);
  self->encoding_asked = encoding && g_ascii_strcasecmp (encoding, "auto") != 0 ? g_strdup (encoding) : NULL;
}

/**
 * ep_csv_reader_set_delimiter:
 * @delimiter: ',', ';', '\t' (or any single byte), or 0 to detect it
 */
void
ep_csv_reader_set_delimiter (EpCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (EP_IS_CSV_READER (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n');

  self->delimiter_asked = delimiter;
}

void
ep_csv_reader_set_total_size (EpCsvReader *self,
                              guint64      total_bytes)
{
  g_return_if_fail (EP_IS_CSV_READER (self));
  self->total = total_bytes;
}

void
ep_csv_reader_set_progress (EpCsvReader    *self,
                            EpCsvProgress   progress,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  g_return_if_fail (EP_IS_CSV_READER (self));

  if (self->progress_destroy)
    self->progress_destroy (self->progress_data);
  self->progress = progress;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

const char *
ep_csv_reader_get_display_name (EpCsvReader *self)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), NULL);
  return self->display_name;
}

/**
 * ep_csv_reader_get_encoding:
 *
 * Returns: the encoding in use ("UTF-8", "WINDOWS-1252", …), known once
 *   the first row was read; %NULL before
 */
const char *
ep_csv_reader_get_encoding (EpCsvReader *self)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), NULL);
  return self->encoding;
}

gboolean
ep_csv_reader_get_had_bom (EpCsvReader *self)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), FALSE);
  return self->had_bom;
}

/**
 * ep_csv_reader_get_delimiter:
 *
 * Returns: the delimiter in use, known once the first row was read; 0 before
 */
char
ep_csv_reader_get_delimiter (EpCsvReader *self)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), 0);
  return self->delimiter;
}

guint64
ep_csv_reader_get_bytes_read (EpCsvReader *self)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), 0);
  return self->bytes_read;
}

guint64
ep_csv_reader_get_total_size (EpCsvReader *self)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), 0);
  return self->total;
}

/**
 * ep_csv_parse_delimiter:
 * @text: ",", ";", "|", "tab", "\t" (a tab or backslash-t), "comma",
 *   "semicolon", or "auto"
 * @delimiter: (out): the byte, 0 for "auto"
 *
 * For command lines and settings.
 */
gboolean
ep_csv_parse_delimiter (const char *text,
                        char       *delimiter)
{
  static const struct { const char *name; char c; } names[] = {
    { ",", ',' }, { "comma", ',' }, { ";", ';' }, { "semicolon", ';' },
    { "\t", '\t' }, { "\\t", '\t' }, { "tab", '\t' }, { "|", '|' }, { "pipe", '|' },
    { "auto", 0 },
  };

  g_return_val_if_fail (delimiter != NULL, FALSE);

  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *delimiter = names[i].c;
        return TRUE;
      }
  return FALSE;
}

/* libcsv callbacks */

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  EpCsvReader *self = user_data;
  gsize offset = self->build->len;

  if (self->error)
    return;
  if (self->build_offsets->len >= MAX_FIELDS || self->build->len + len > MAX_ROW_SIZE)
    {
      g_set_error (&self->error, EP_CSV_ERROR, EP_CSV_ERROR_TOO_LARGE,
                   _("%s:%llu:%u: this row has more than %d fields or %d MB; "
                     "is a quote missing its closing quote?"),
                   self->display_name,
                   (unsigned long long) (self->row_start ? self->row_start : self->seg_line),
                   self->build_offsets->len + 1, MAX_FIELDS, MAX_ROW_SIZE >> 20);
      return;
    }
  if (self->row_start == 0)
    self->row_start = self->seg_line;
  g_array_append_val (self->build_offsets, offset);
  if (len > 0)
    g_string_append_len (self->build, data, len);
  g_string_append_c (self->build, '\0');
}

static void
row_cb (int   c,
        void *user_data)
{
  EpCsvReader *self = user_data;
  GString *tmp_s;
  GArray *tmp_a;

  if (self->error)
    return;
  /* Each segment ends at the first line break, so at most one row ends per
   * call into libcsv; the previous one was handed out already. */
  g_assert (!self->have_row);

  tmp_s = self->done;
  self->done = self->build;
  self->build = tmp_s;
  g_string_truncate (self->build, 0);
  tmp_a = self->done_offsets;
  self->done_offsets = self->build_offsets;
  self->build_offsets = tmp_a;
  g_array_set_size (self->build_offsets, 0);

  self->done_line = self->row_start ? self->row_start : self->seg_line;
  self->row_start = 0;
  self->have_row = TRUE;
}

static int
is_space_only (unsigned char c)
{
  return c == ' ';
}

static int
is_space_or_tab (unsigned char c)
{
  return c == ' ' || c == '\t';
}

/* Detection */

static gboolean
looks_like_utf8 (const guchar *data,
                 gsize         len,
                 gboolean      complete)
{
  const char *end;

  if (g_utf8_validate ((const char *) data, len, &end))
    return TRUE;
  if (complete)
    return FALSE;
  /* A block may end inside a character. */
  {
    gsize rest = len - (gsize) ((const guchar *) end - data);
    guchar lead = *(const guchar *) end;
    gsize need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;

    if (need == 0 || rest >= need)
      return FALSE;
    for (gsize i = 1; i < rest; i++)
      if ((end[i] & 0xC0) != 0x80)
        return FALSE;
    return TRUE;
  }
}

/* Whether @data holds a UTF-8 encoded character beyond ASCII (such as
 * "Ñ" as C3 91). Windows-1252 text almost never does; a file that has one
 * and also bytes that are not UTF-8 is two files pasted together, mostly
 * UTF-8 (a spreadsheet's export with rows pasted from an older file). */
static gboolean
has_utf8_sequence (const guchar *data,
                   gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      gsize need = data[i] >= 0xF0 && data[i] <= 0xF4 ? 3
                 : data[i] >= 0xE0 && data[i] <= 0xEF ? 2
                 : data[i] >= 0xC2 && data[i] <= 0xDF ? 1 : 0;

      if (need == 0 || i + need >= len)
        continue;
      if (g_utf8_validate ((const char *) data + i, (gssize) need + 1, NULL))
        return TRUE;
    }
  return FALSE;
}

static char
detect_delimiter (const char *text,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[SNIFF_LINES][G_N_ELEMENTS (candidates)];
  guint n_lines = 0;
  gboolean quoted = FALSE;
  gsize limit = MIN (len, SNIFF_SIZE);
  char best = ',';
  guint best_score = 0;

  memset (counts, 0, sizeof counts);
  for (gsize i = 0; i < limit && n_lines < SNIFF_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < limit && text[i + 1] == '\n')
            i++;
          n_lines++;
        }
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[n_lines][k]++;
    }
  if (n_lines < SNIFF_LINES && limit == len)
    n_lines++;   /* the last line, without a line break */
  if (n_lines == 0)
    return ',';

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint header = counts[0][k];
      guint same = 0;
      guint score;

      if (header == 0)
        continue;
      for (guint l = 1; l < n_lines; l++)
        if (counts[l][k] == header)
          same++;
      /* Lines that agree with the header count most; then the number of
       * fields. */
      score = same * 10000 + MIN (header, 9999) + 1;
      if (score > best_score)
        {
          best_score = score;
          best = candidates[k];
        }
    }
  return best;
}

/* Appends @len bytes of the stream's encoding to self->text as UTF-8. */
static void
decode (EpCsvReader  *self,
        const guchar *data,
        gsize         len,
        gboolean      last)
{
  gsize in_left;
  gchar *in;

  if (self->cd == (GIConv) -1)
    {
      g_byte_array_append (self->text, data, len);
      return;
    }

  if (len > 0)
    g_byte_array_append (self->raw_pending, data, len);
  in = (gchar *) self->raw_pending->data;
  in_left = self->raw_pending->len;

  while (in_left > 0)
    {
      gsize old_len = self->text->len;
      gsize room = in_left * 4 + 16;
      gchar *out;
      gsize out_left = room;
      gsize r;

      g_byte_array_set_size (self->text, old_len + room);
      out = (gchar *) self->text->data + old_len;
      r = g_iconv (self->cd, &in, &in_left, &out, &out_left);
      g_byte_array_set_size (self->text, old_len + (room - out_left));

      if (r != (gsize) -1)
        continue;
      if (errno == EILSEQ || (errno == EINVAL && last))
        {
          /* Not text in this encoding (Windows-1252 leaves 5 bytes
           * undefined): U+FFFD, and go on. */
          static const guint8 replacement[] = { 0xEF, 0xBF, 0xBD };
          g_byte_array_append (self->text, replacement, 3);
          in++;
          in_left--;
        }
      else if (errno == EINVAL)
        break;   /* a character cut by the end of the block */
      else if (errno != E2BIG)
        break;
    }
  g_byte_array_remove_range (self->raw_pending, 0, self->raw_pending->len - in_left);
}

static gboolean
start (EpCsvReader  *self,
       gsize         n,
       GError      **error)
{
  const guchar *data = self->block;
  const char *encoding = self->encoding_asked;

  self->started = TRUE;

  if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      self->had_bom = TRUE;
      data += 3;
      n -= 3;
      if (encoding == NULL)
        encoding = "UTF-8";
    }
  else if (n >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      self->had_bom = TRUE;
      if (encoding == NULL)
        encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      data += 2;
      n -= 2;
    }
  if (encoding == NULL)
    /* Mixed files are read as UTF-8: the rows that are not UTF-8 are then
     * skipped with a problem naming them, where reading the whole file as
     * WINDOWS-1252 would garble the UTF-8 rows without a word. */
    encoding = looks_like_utf8 (data, n, self->eof) || has_utf8_sequence (data, n) ? "UTF-8" : "WINDOWS-1252";

  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0)
    self->encoding = g_strdup ("UTF-8");
  else
    {
      self->cd = g_iconv_open ("UTF-8", encoding);
      if (self->cd == (GIConv) -1)
        {
          g_set_error (error, EP_CSV_ERROR, EP_CSV_ERROR_ENCODING,
                       _("%s: unknown encoding “%s”; try UTF-8 or WINDOWS-1252"),
                       self->display_name, encoding);
          return FALSE;
        }
      self->encoding = g_ascii_strup (encoding, -1);
    }

  decode (self, data, n, self->eof);

  self->delimiter = self->delimiter_asked ? self->delimiter_asked
                                          : detect_delimiter ((const char *) self->text->data,
                                                              self->text->len);

  if (csv_init (&self->parser, CSV_APPEND_NULL) != 0)
    {
      g_set_error (error, EP_CSV_ERROR, EP_CSV_ERROR_FAILED,
                   "%s: %s", self->display_name, _("could not start the CSV parser"));
      return FALSE;
    }
  self->parser_ready = TRUE;
  csv_set_delim (&self->parser, (unsigned char) self->delimiter);
  csv_set_space_func (&self->parser, self->delimiter == '\t' ? is_space_only : is_space_or_tab);
  csv_set_blk_size (&self->parser, 4096);
  return TRUE;
}

static gboolean
read_block (EpCsvReader   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local = NULL;
  gsize n = 0;

  if (!self->started)
    {
      /* Fill the first block: detection looks at it whole. */
      if (!g_input_stream_read_all (self->stream, self->block, CHUNK_SIZE, &n, cancellable, &local))
        goto failed;
    }
  else
    {
      gssize r = g_input_stream_read (self->stream, self->block, CHUNK_SIZE, cancellable, &local);
      if (r < 0)
        goto failed;
      n = (gsize) r;
    }

  if (n == 0 || (!self->started && n < CHUNK_SIZE))
    self->eof = TRUE;
  self->bytes_read += n;
  if (self->progress)
    self->progress (self->bytes_read, MAX (self->total, self->bytes_read), self->progress_data);

  if (!self->started)
    return start (self, n, error);
  decode (self, self->block, n, self->eof);
  return TRUE;

failed:
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error (error, local->domain, local->code, "%s: %s", self->display_name, local->message);
  return FALSE;
}

/* Gives libcsv the text up to and including the next line break. */
static gboolean
feed_segment (EpCsvReader  *self,
              GError      **error)
{
  const char *p = (const char *) self->text->data + self->text_pos;
  gsize avail = self->text->len - self->text_pos;
  gsize len = avail;
  char last;

  for (gsize i = 0; i < avail; i++)
    if (p[i] == '\n' || p[i] == '\r')
      {
        len = i + 1;
        break;
      }

  self->seg_line = self->line;
  /* libcsv grows its field buffer by a fixed block: let the block follow
   * the buffer's size, so that a long field costs a few reallocations
   * rather than one per 4 kB (each a copy of the whole field where realloc
   * cannot grow in place, as under AddressSanitizer: 35 s for 4 MB). */
  csv_set_blk_size (&self->parser, MAX (4096, self->parser.entry_size));
  if (csv_parse (&self->parser, p, len, field_cb, row_cb, self) != len)
    {
      g_set_error (error, EP_CSV_ERROR, EP_CSV_ERROR_FAILED, "%s:%" G_GUINT64_FORMAT ": %s",
                   self->display_name, self->seg_line, csv_strerror (csv_error (&self->parser)));
      return FALSE;
    }
  if (self->error)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  self->text_pos += len;
  if (self->text_pos == self->text->len)
    {
      g_byte_array_set_size (self->text, 0);
      self->text_pos = 0;
    }

  last = p[len - 1];
  if (last == '\r' || (last == '\n' && !(len == 1 && self->last_was_cr)))
    self->line++;
  self->last_was_cr = last == '\r';

  /* A row that began in this segment and goes on (a quoted line break). */
  if (self->row_start == 0 && self->parser.pstate != 0)
    self->row_start = self->seg_line;

  if (self->parser.entry_pos > MAX_FIELD_SIZE)
    {
      g_set_error (error, EP_CSV_ERROR, EP_CSV_ERROR_TOO_LARGE,
                   _("%s:%llu:%u: a field here is longer than %d MB; is a quote "
                     "missing its closing quote?"),
                   self->display_name,
                   (unsigned long long) (self->row_start ? self->row_start : self->seg_line),
                   self->build_offsets->len + 1, MAX_FIELD_SIZE >> 20);
      return FALSE;
    }
  return TRUE;
}

static void
hand_out (EpCsvReader *self)
{
  self->row.invalid_text = FALSE;
  g_ptr_array_set_size (self->done_fields, 0);
  for (guint i = 0; i < self->done_offsets->len; i++)
    {
      const char *field = self->done->str + g_array_index (self->done_offsets, gsize, i);
      g_ptr_array_add (self->done_fields, (gpointer) field);
    }

  /* UTF-8 input is checked here; iconv already checked the rest. */
  if (self->cd == (GIConv) -1)
    {
      for (guint i = 0; i < self->done_fields->len; i++)
        {
          /* From the offset, not done_fields: appending a made-valid copy
           * below may move the string, and the pointers with it. */
          const char *field = self->done->str + g_array_index (self->done_offsets, gsize, i);

          if (!g_utf8_validate (field, -1, NULL))
            {
              /* The made-valid copy goes after the row's fields. */
              g_autofree char *valid = g_utf8_make_valid (field, -1);

              g_array_index (self->done_offsets, gsize, i) = self->done->len;
              g_string_append (self->done, valid);
              g_string_append_c (self->done, '\0');
              self->row.invalid_text = TRUE;
            }
        }
      /* The string may have moved: point again. */
      if (self->row.invalid_text)
        for (guint i = 0; i < self->done_offsets->len; i++)
          self->done_fields->pdata[i] = self->done->str + g_array_index (self->done_offsets, gsize, i);
    }

  self->row.line = self->done_line;
  self->row.n_fields = self->done_fields->len;
  self->row.fields = (const char **) self->done_fields->pdata;
}

/**
 * ep_csv_reader_read_row:
 *
 * Reads the next row; blank lines are skipped.
 *
 * Returns: (nullable): the row, owned by the reader and valid until the next
 *   call; %NULL at the end (with @error unset) or on error
 */
const EpCsvRow *
ep_csv_reader_read_row (EpCsvReader   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (EP_IS_CSV_READER (self), NULL);

  self->have_row = FALSE;
  for (;;)
    {
      if (self->have_row)
        {
          hand_out (self);
          return &self->row;
        }
      if (self->finished)
        return NULL;
      if (self->started && self->text_pos < self->text->len)
        {
          if (!feed_segment (self, error))
            {
              self->finished = TRUE;
              return NULL;
            }
          continue;
        }
      if (self->eof)
        {
          self->seg_line = self->line;
          if (self->parser_ready)
            csv_fini (&self->parser, field_cb, row_cb, self);
          self->finished = TRUE;
          if (self->error)
            {
              g_propagate_error (error, g_steal_pointer (&self->error));
              return NULL;
            }
          continue;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !read_block (self, cancellable, error))
        {
          self->finished = TRUE;
          return NULL;
        }
    }
}
