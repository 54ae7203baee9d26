/* test-hostile.c — hostile and broken files, and the fuzzers' finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case is a file in a fresh folder, read with ep_xml_read_file() (or
 * streamed, for the 200 MB one) from inside that folder, and must be
 * refused with a message "PATH:LINE:COLUMN: …" (or, where the format
 * allows, loaded), each:
 *   - in under a second,
 *   - with the peak memory (VmHWM) growing by less than 64 MB,
 *   - without any file appearing or changing in the folder, and without
 *     reading the "secret" files placed there for entities to point at,
 *   - without touching the network: the http:// references point at a
 *     listening socket on 127.0.0.1 that must see no connection.
 * test-xml.c checks the exact messages of the same kinds of refusals; this
 * file checks the guarantees above for all of them. The last test runs
 * every file of tests/fuzz/regressions/ (inputs that crashed a fuzzer
 * once) through the reader.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ep-test-util.h"

#define SECRET "ep-secret-7f3a9c"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"
#define GROUPS "  <name>Test</name>\n" \
               "  <groups>\n" \
               "    <group id=\"all\" category=\"all\"><label>All students</label></group>\n" \
               "    <group id=\"EL\" category=\"language\"><label>English learners</label></group>\n" \
               "  </groups>\n"
#define MEASURE(attrs) \
  HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>" \
  "<m group=\"EL\" period=\"2024-25\" " attrs "/></measurements></indicator></school>\n</district>\n"

/* The port of the listening socket, substituted for "PORT" in the cases. */
static int listener = -1;
static char port[8];

typedef enum {
  REFUSED,
  LOADED,
} Outcome;

typedef struct {
  const char *name;
  Outcome     outcome;
  const char *xml;      /* NULL: built by make() */
  GBytes   *(*make) (void);
} HostileCase;

static GBytes *
make_deep_foreign (void)
{
  GString *s = g_string_new (HEAD "  <name>x</name>\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<x:a xmlns:x=\"urn:x\">");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_deep_ours (void)
{
  GString *s = g_string_new (HEAD "  <name>x</name>\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<school id=\"S\">");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  guint8 *data = g_malloc (64 * 1024);

  for (guint i = 0; i < 64 * 1024; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, 64 * 1024);
}

static GBytes *
make_utf16 (const char *encoding,
            const char *bom)
{
  const char *xml = HEAD GROUPS "  <school id=\"S1\"><name>Escuela Ñandú</name></school>\n</district>\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *converted = g_convert (xml, -1, encoding, "UTF-8", NULL, &len, &error);
  GString *s = g_string_new_len (bom, 2);

  g_assert_no_error (error);
  g_string_append_len (s, converted, (gssize) len);
  return g_string_free_to_bytes (s);
}

static GBytes *make_utf16le (void) { return make_utf16 ("UTF-16LE", "\xff\xfe"); }
static GBytes *make_utf16be (void) { return make_utf16 ("UTF-16BE", "\xfe\xff"); }

static GBytes *
make_truncated (void)
{
  g_autoptr(EpDistrict) district = ep_synth_district (2, 1, 3);
  g_autoptr(GBytes) full = ep_xml_write_bytes (district);

  return g_bytes_new_from_bytes (full, 0, g_bytes_get_size (full) * 2 / 3);
}

static GBytes *
make_nul_byte (void)
{
  static const char xml[] = HEAD "  <name>a\0b</name>\n</district>\n";
  return g_bytes_new (xml, sizeof xml - 1);
}

static const HostileCase cases[] = {
  { "external-entity-file", REFUSED,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district [ <!ENTITY x SYSTEM \"secret.txt\"> ]>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>&x;</name></district>\n" },
  { "external-entity-http", REFUSED,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district [ <!ENTITY x SYSTEM \"http://127.0.0.1:PORT/x\"> ]>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>&x;</name></district>\n" },
  { "parameter-entity", REFUSED,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district [ <!ENTITY % p SYSTEM \"http://127.0.0.1:PORT/p\"> %p; ]>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>x</name></district>\n" },
  { "billion-laughs", REFUSED,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district [\n <!ENTITY a \"aaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n]>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>&i;</name></district>\n" },
  { "undeclared-entity", REFUSED, HEAD "  <name>&x;</name>\n</district>\n" },
  { "external-dtd-http", REFUSED,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district SYSTEM \"http://127.0.0.1:PORT/eqplan.dtd\">\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>x</name></district>\n" },
  { "external-dtd-file", REFUSED,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district PUBLIC \"-//x//y\" \"secret.dtd\">\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>x</name></district>\n" },
  /* XInclude is never processed: the element is kept as foreign content. */
  { "xinclude", LOADED,
    HEAD GROUPS "  <school id=\"S1\"><name>A</name>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"secret.txt\" parse=\"text\"/>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"http://127.0.0.1:PORT/x\"/>"
    "</school>\n</district>\n" },
  /* Processing instructions are ignored; schema locations are kept, not read. */
  { "stylesheet-and-schema-location", LOADED,
    "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"http://127.0.0.1:PORT/s.xsl\" type=\"text/xsl\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"urn:equity-planner:eqplan:1 http://127.0.0.1:PORT/eqplan.xsd\"><name>x</name></district>\n" },
  { "deep-nesting-foreign-100000", REFUSED, NULL, make_deep_foreign },
  { "deep-nesting-ours-100000", REFUSED, NULL, make_deep_ours },
  { "invalid-utf8", REFUSED, HEAD "  <name>caf\xe9 \xff\xfe</name>\n</district>\n" },
  { "overlong-utf8", REFUSED, HEAD "  <name>\xc0\xbc</name>\n</district>\n" },
  { "utf16le-bom", LOADED, NULL, make_utf16le },
  { "utf16be-bom", LOADED, NULL, make_utf16be },
  { "latin1-declared", LOADED,
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>caf\xe9</name></district>\n" },
  { "unknown-encoding", REFUSED,
    "<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>x</name></district>\n" },
  { "truncated", REFUSED, NULL, make_truncated },
  { "truncated-in-tag", REFUSED, HEAD GROUPS "  <school id=\"S" },
  { "binary-garbage", REFUSED, NULL, make_garbage },
  { "png-header", REFUSED, "\x89PNG\r\n\x1a\n" },
  { "empty", REFUSED, "" },
  { "whitespace-only", REFUSED, "  \n\t\n" },
  { "xhtml", REFUSED,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"
    "<head><title>Plan</title></head><body><p>plan</p></body></html>\n" },
  { "district-in-other-namespace", REFUSED, "<district xmlns=\"urn:other\" version=\"1.0\"/>\n" },
  { "future-major-version", REFUSED,
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"2.0\"><name>x</name></district>\n" },
  { "huge-major-version", REFUSED,
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"99999999999999999999999.0\"><name>x</name></district>\n" },
  { "future-minor-version", LOADED,
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.9\" colour=\"red\"><name>x</name>"
    "<future-thing a=\"1\">kept</future-thing></district>\n" },
  { "nan", REFUSED, MEASURE ("value=\"NaN\"") },
  { "infinity", REFUSED, MEASURE ("value=\"-inf\"") },
  { "1e309", REFUSED, MEASURE ("value=\"1e309\"") },
  { "comma-decimal", REFUSED, MEASURE ("value=\"1,5\"") },
  { "hex-number", REFUSED, MEASURE ("num=\"0x10\" den=\"20\"") },
  { "count-1e300", REFUSED, MEASURE ("num=\"1e300\" den=\"1e301\"") },
  { "count-beyond-32-bits", REFUSED, MEASURE ("num=\"1\" den=\"4294967296\"") },
  { "numerator-above-denominator", REFUSED, MEASURE ("num=\"45\" den=\"40\"") },
  { "baseline-nan", REFUSED,
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\"><diagnosis>"
    "<problem baseline=\"nan\"/></diagnosis></plan></school>\n</district>\n" },
  { "measurements-count-hint-huge", REFUSED,
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name>"
    "<measurements count=\"4000000000\"><m group=\"EL\" period=\"2024-25\" num=\"1\" den=\"4\"/>"
    "</measurements></indicator></school>\n</district>\n" },
  { "duplicate-school-id", REFUSED,
    HEAD GROUPS "  <school id=\"S1\"><name>A</name></school>\n  <school id=\"S1\"><name>B</name></school>\n</district>\n" },
  { "duplicate-group-id", REFUSED,
    HEAD "  <name>x</name>\n  <groups>\n    <group id=\"EL\"><label>a</label></group>\n"
    "    <group id=\"EL\"><label>b</label></group>\n  </groups>\n</district>\n" },
  { "duplicate-idea-id", REFUSED,
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\"><ideas>"
    "<idea id=\"i1\"><title>x</title></idea><idea id=\"i1\"><title>y</title></idea>"
    "</ideas></plan></school>\n</district>\n" },
  { "duplicate-attribute", REFUSED, HEAD GROUPS "  <school id=\"S1\" id=\"S2\"><name>A</name></school>\n</district>\n" },
  { "empty-id", REFUSED,
    HEAD "  <name>x</name>\n  <groups>\n    <group id=\"\"><label>a</label></group>\n  </groups>\n</district>\n" },
  { "control-char-raw", REFUSED, HEAD "  <name>a\x01" "b</name>\n</district>\n" },
  { "control-char-ref", REFUSED, HEAD "  <name>a&#x1B;b</name>\n</district>\n" },
  { "nul-byte", REFUSED, NULL, make_nul_byte },
  { "cdata-in-attribute-position", REFUSED, HEAD "  <name><![CDATA[x]]></name><![CDATA[y]]>\n</district>\n" },
};

/* ------------------------------------------------------------------ */
/* A stream of a 200 MB text node, made as it is read                   */

#define BIG_TEXT_SIZE ((guint64) 200 << 20)

typedef struct {
  GInputStream parent_instance;
  guint64      offset;
  const char  *head;      /* then fill bytes of filler, then tail */
  guint64      fill;
  const char  *tail;
} EpBigStream;

typedef struct {
  GInputStreamClass parent_class;
} EpBigStreamClass;

static GType ep_big_stream_get_type (void);
G_DEFINE_TYPE (EpBigStream, ep_big_stream, G_TYPE_INPUT_STREAM)

static const char big_head[] = HEAD "  <name>";
static const char big_tail[] = "</name>\n</district>\n";

static gssize
ep_big_stream_read (GInputStream  *stream,
                    void          *buffer,
                    gsize          count,
                    GCancellable  *cancellable,
                    GError       **error)
{
  EpBigStream *self = (EpBigStream *) stream;
  guint64 head = strlen (self->head);
  guint64 total = head + self->fill + strlen (self->tail);
  guint8 *out = buffer;
  gsize n = 0;

  while (n < count && self->offset < total)
    {
      if (self->offset < head)
        out[n] = (guint8) self->head[self->offset];
      else if (self->offset < head + self->fill)
        out[n] = "abcdefghij klmnopqrstuvwxyz\n"[self->offset % 28];
      else
        out[n] = (guint8) self->tail[self->offset - head - self->fill];
      n++;
      self->offset++;
    }
  return (gssize) n;
}

static GInputStream *
big_stream_new (const char *head,
                guint64     fill,
                const char *tail)
{
  EpBigStream *self = g_object_new (ep_big_stream_get_type (), NULL);

  self->head = head;
  self->fill = fill;
  self->tail = tail;
  return G_INPUT_STREAM (self);
}

static void
ep_big_stream_class_init (EpBigStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = ep_big_stream_read;
}

static void
ep_big_stream_init (EpBigStream *self)
{
}

/* ------------------------------------------------------------------ */
/* The checks around every case                                         */

static gint64
vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmHWM:");
  return p ? g_ascii_strtoll (p + 6, NULL, 10) : -1;
}

/* Lower the peak to the current size, so that each case's peak is its own. */
static void
reset_hwm (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Names, sizes and modification times of everything in @dir. */
static char *
snapshot (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_ptr_array_add (names, g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                                               name, (gint64) st.st_size, (gint64) st.st_mtim.tv_nsec));
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append (out, g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

static void
assert_no_connection (void)
{
  int fd = accept (listener, NULL, NULL);

  if (fd >= 0)
    {
      close (fd);
      g_error ("the reader connected to the network");
    }
  g_assert_true (errno == EAGAIN || errno == EWOULDBLOCK);
}

static gboolean
message_has_position (const char *message,
                      const char *path)
{
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: \\S", escaped);
  return g_regex_match_simple (pattern, message, 0, 0);
}

typedef struct {
  char  *dir;
  char  *path;
  char  *before;
  gint64 hwm;
  gint64 start;
} Guard;

static void
guard_begin (Guard *g)
{
  g->before = snapshot (g->dir);
  reset_hwm ();
  g->hwm = vm_hwm_kb ();
  g->start = g_get_monotonic_time ();
}

static void
guard_end (Guard      *g,
           const char *name)
{
  gint64 usec = g_get_monotonic_time () - g->start;
  gint64 grown = vm_hwm_kb () - g->hwm;
  g_autofree char *after = snapshot (g->dir);

  g_test_message ("%s: %.3f s, peak memory +%" G_GINT64_FORMAT " kB", name, usec / 1e6, grown);
  /* Under valgrind (build-aux/valgrind sets EP_TEST_SLOW) time and memory
   * are not the program's own. */
  if (g_getenv ("EP_TEST_SLOW") == NULL)
    {
      g_assert_cmpint (usec, <, G_USEC_PER_SEC);
      g_assert_cmpint (grown, <, 64 * 1024);
    }
  g_assert_cmpstr (after, ==, g->before);
  assert_no_connection ();
}

static void
guard_setup (Guard *g)
{
  g_autofree char *txt = NULL;
  g_autofree char *dtd = NULL;

  g->dir = ep_test_make_tmpdir ();
  txt = g_build_filename (g->dir, "secret.txt", NULL);
  dtd = g_build_filename (g->dir, "secret.dtd", NULL);
  g_assert_true (g_file_set_contents (txt, SECRET, -1, NULL));
  g_assert_true (g_file_set_contents (dtd, "<!ENTITY s \"" SECRET "\">", -1, NULL));
  g_assert_cmpint (chdir (g->dir), ==, 0);
}

static void
guard_teardown (Guard *g)
{
  g_assert_cmpint (chdir ("/"), ==, 0);
  ep_test_rm_rf (g->dir);
  g_free (g->dir);
  g_free (g->path);
  g_free (g->before);
}

static void
check_outcome (const HostileCase *c,
               const char        *path,
               EpDistrict        *district,
               GError            *error)
{
  if (c->outcome == REFUSED)
    {
      g_assert_null (district);
      g_assert_nonnull (error);
      g_test_message ("%s → %s", c->name, error->message);
      g_assert_true (error->domain == EP_XML_ERROR);
      if (!message_has_position (error->message, path))
        g_error ("%s: the message does not start with “%s:LINE:COLUMN: ”: %s", c->name, path, error->message);
    }
  else
    {
      g_autoptr(GBytes) out = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (district);
      out = ep_xml_write_bytes (district);
      g_assert_null (g_strstr_len (g_bytes_get_data (out, NULL), (gssize) g_bytes_get_size (out), SECRET));
    }
}

static void
test_hostile_case (gconstpointer data)
{
  const HostileCase *c = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  Guard g = { 0 };

  if (c->make != NULL)
    bytes = c->make ();
  else
    {
      g_autoptr(GString) s = g_string_new (c->xml);
      g_string_replace (s, "PORT", port, 0);
      bytes = g_string_free_to_bytes (g_steal_pointer (&s));
    }

  guard_setup (&g);
  g.path = g_build_filename (g.dir, "case.eqplan", NULL);
  g_assert_true (g_file_set_contents (g.path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  file = g_file_new_for_path (g.path);
  g_clear_pointer (&bytes, g_bytes_unref);

  guard_begin (&g);
  district = ep_xml_read_file (file, NULL, NULL, &error);
  guard_end (&g, c->name);

  check_outcome (c, g.path, district, error);
  guard_teardown (&g);
}

static void
test_text_200mb (void)
{
  static const HostileCase c = { "text-node-200mb", REFUSED, NULL, NULL };
  g_autoptr(GInputStream) stream = big_stream_new (big_head, BIG_TEXT_SIZE, big_tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  Guard g = { 0 };

  guard_setup (&g);
  g.path = g_build_filename (g.dir, "big.eqplan", NULL);
  guard_begin (&g);
  district = ep_xml_read_stream (stream, g.path, NULL, &error);
  guard_end (&g, c.name);
  check_outcome (&c, g.path, district, error);
  g_assert_error (error, EP_XML_ERROR, EP_XML_ERROR_TOO_LARGE);
  /* It stopped reading soon after the limit, not at the end. */
  g_test_message ("read %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " bytes",
                  ((EpBigStream *) stream)->offset, BIG_TEXT_SIZE);
  g_assert_cmpuint (((EpBigStream *) stream)->offset, <, 16 << 20);
  guard_teardown (&g);
}

/* ------------------------------------------------------------------ */
/* CSV files                                                            */

static const char csv_mapping[] =
  "<?xml version=\"1.0\"?>\n"
  "<mapping xmlns=\"urn:equity-planner:mapping:1\" version=\"1.0\" layout=\"long\">\n"
  "  <name>Test</name>\n"
  "  <columns>\n"
  "    <column role=\"school-id\">school</column>\n"
  "    <column role=\"group\">group</column>\n"
  "    <column role=\"period\">year</column>\n"
  "    <column role=\"numerator\">count</column>\n"
  "    <column role=\"denominator\">enrolled</column>\n"
  "    <fixed role=\"indicator\">chronic-absence</fixed>\n"
  "  </columns>\n"
  "  <groups standard-aliases=\"true\"/>\n"
  "</mapping>\n";

static EpImporter *
csv_importer (EpDistrict *district)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv_mapping, sizeof csv_mapping - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = ep_mapping_read_bytes (bytes, "map.xml", &error);

  g_assert_no_error (error);
  ep_district_add_standard_groups (district);
  return ep_importer_new (district, mapping);
}

/* A 50 MB field (an unclosed quote, or a hostile file): refused at the
 * field limit, without reading the rest or holding it in memory. */
static void
test_csv_field_50mb (void)
{
  static const char head[] = "school,group,year,count,enrolled\nS1,all,2024-25,3,\"";
  g_autoptr(GInputStream) stream = big_stream_new (head, (guint64) 50 << 20, "\",10\n");
  g_autoptr(EpDistrict) district = ep_district_new ("Test");
  g_autoptr(EpImporter) importer = csv_importer (district);
  g_autoptr(GError) error = NULL;
  Guard g = { 0 };
  gboolean ok;

  guard_setup (&g);
  g.path = g_build_filename (g.dir, "big.csv", NULL);
  guard_begin (&g);
  ok = ep_importer_read (importer, stream, g.path, NULL, &error);
  guard_end (&g, "csv-field-50mb");
  g_assert_false (ok);
  g_test_message ("%s", error->message);
  g_assert_error (error, EP_CSV_ERROR, EP_CSV_ERROR_TOO_LARGE);
  g_assert_true (message_has_position (error->message, g.path));
  g_assert_cmpuint (((EpBigStream *) stream)->offset, <, 16 << 20);
  guard_teardown (&g);
}

/* Cells that spreadsheets would run are imported as the text they are
 * (tables written for spreadsheets quote them: see test-cli). */
static void
test_csv_formula_cells (void)
{
  static const char csv[] =
    "school,group,year,count,enrolled\n"
    "=HYPERLINK(\"http://127.0.0.1:PORT/\"),all,2024-25,3,10\n"
    "+cmd,all,2024-25,4,10\n"
    "\"-2+3\",all,2024-25,5,10\n"
    "@SUM(1),all,2024-25,6,10\n"
    "\"\tS5\",all,2024-25,7,10\n"
    "\"\rS6\",all,2024-25,8,10\n";
  g_autoptr(EpDistrict) district = ep_district_new ("Test");
  g_autoptr(EpImporter) importer = csv_importer (district);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, sizeof csv - 1, NULL);
  g_autoptr(GError) error = NULL;
  Guard g = { 0 };
  gboolean ok;

  guard_setup (&g);
  g.path = g_build_filename (g.dir, "formulas.csv", NULL);
  guard_begin (&g);
  ok = ep_importer_read (importer, stream, g.path, NULL, &error);
  guard_end (&g, "csv-formula-cells");
  g_assert_no_error (error);
  g_assert_true (ok);
  ep_importer_apply (importer);
  g_assert_nonnull (ep_district_find_school (district, "=HYPERLINK(\"http://127.0.0.1:PORT/\")"));
  g_assert_nonnull (ep_district_find_school (district, "+cmd"));
  g_assert_nonnull (ep_district_find_school (district, "@SUM(1)"));
  guard_teardown (&g);
}

/* A UTF-8 file with one row in Latin-1 (two files pasted together): the
 * row is skipped with a problem naming its line, the rest is imported. */
static void
test_csv_mixed_encodings (void)
{
  static const char csv[] =
    "school,group,year,count,enrolled\n"
    "Escuela Ñandú,all,2024-25,3,10\n"
    "\xc9" "cole Fran\xe7" "aise,all,2024-25,4,10\n"
    "Schule Köln,all,2024-25,5,10\n";
  g_autoptr(EpDistrict) district = ep_district_new ("Test");
  g_autoptr(EpImporter) importer = csv_importer (district);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, sizeof csv - 1, NULL);
  g_autoptr(GError) error = NULL;
  const EpImportReport *report;
  g_autofree char *text = NULL;
  Guard g = { 0 };
  gboolean ok;

  guard_setup (&g);
  g.path = g_build_filename (g.dir, "mixed.csv", NULL);
  guard_begin (&g);
  ok = ep_importer_read (importer, stream, g.path, NULL, &error);
  guard_end (&g, "csv-mixed-encodings");
  g_assert_no_error (error);
  g_assert_true (ok);
  report = ep_importer_get_report (importer);
  text = ep_import_report_format (report, 10);
  g_test_message ("%s", text);
  g_assert_cmpuint (report->rows_skipped, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpuint (g_array_index (report->problems, EpImportProblem, 0).line, ==, 3);
  ep_importer_apply (importer);
  g_assert_nonnull (ep_district_find_school (district, "Escuela Ñandú"));
  g_assert_nonnull (ep_district_find_school (district, "Schule Köln"));
  guard_teardown (&g);
}

/* fuzz-mapping's inputs: a mapping file. */
static void
check_mapping_regression (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = ep_mapping_read_file (file, NULL, &error);

  if (mapping == NULL)
    {
      g_test_message ("%s → %s", path, error->message);
      g_assert_true (error->domain == EP_XML_ERROR || error->domain == EP_MAPPING_ERROR);
      g_assert_true (g_str_has_prefix (error->message, path));
    }
  else
    {
      g_autoptr(GBytes) first = ep_mapping_write_bytes (mapping);
      g_autoptr(EpMapping) again = ep_mapping_read_bytes (first, "first.xml", &error);
      g_autoptr(GBytes) second = NULL;

      g_assert_no_error (error);
      second = ep_mapping_write_bytes (again);
      g_assert_true (g_bytes_equal (first, second));
    }
}

/* fuzz-csv-import's inputs (see tests/fuzz/fuzz-csv-import.c): byte 0
 * picks the mapping, byte 1 the delimiter and encoding, the rest is CSV. */
static void
check_csv_regression (const char *path)
{
  static const char * const mappings[] = {
    "tests/fuzz/corpus-mapping/test-long.xml",
    "data/mappings/wa-discipline-2014.xml",
    "data/mappings/nyc-school-explorer-2016.xml",
    "data/mappings/co-kidscount-csap-math.xml",
    "data/mappings/co-kidscount-dropout.xml",
    "data/mappings/co-kidscount-enrollment.xml",
    "data/mappings/crdc-va-2021-22.xml",
    "data/mappings/crdc-school.xml",
  };
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const char * const encodings[] = { NULL, "WINDOWS-1252", "UTF-16LE", NULL };
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autofree char *mapping_path = NULL;
  g_autoptr(GFile) mapping_file = NULL;
  g_autoptr(EpMapping) mapping = NULL;
  g_autoptr(EpDistrict) district = ep_district_new ("Fuzz");
  g_autoptr(EpImporter) importer = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 2);
  data = (const guint8 *) contents;
  mapping_path = ep_test_source_path (mappings[data[0] % G_N_ELEMENTS (mappings)]);
  mapping_file = g_file_new_for_path (mapping_path);
  mapping = ep_mapping_read_file (mapping_file, NULL, &error);
  g_assert_no_error (error);

  ep_district_add_standard_groups (district);
  importer = ep_importer_new (district, mapping);
  if (delimiters[data[1] & 3])
    ep_importer_set_delimiter (importer, delimiters[data[1] & 3]);
  if (encodings[(data[1] >> 2) & 3])
    ep_importer_set_encoding (importer, encodings[(data[1] >> 2) & 3]);
  stream = g_memory_input_stream_new_from_data (contents + 2, (gssize) (len - 2), NULL);
  if (!ep_importer_read (importer, stream, path, NULL, &error))
    {
      g_test_message ("%s → %s", path, error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      return;
    }
  ep_importer_apply (importer);
  {
    g_autoptr(GBytes) first = ep_xml_write_bytes (district);
    g_autoptr(EpDistrict) again = ep_xml_read_bytes (first, "imported.eqplan", &error);
    g_autoptr(GBytes) second = NULL;

    g_assert_no_error (error);
    second = ep_xml_write_bytes (again);
    g_assert_true (g_bytes_equal (first, second));
  }
  g_test_message ("%s → imported", path);
}

/* Inputs that once crashed a fuzzer: each is read without a crash, and
 * ends in a clean refusal or a district that writes back the same. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = ep_test_source_path ("tests/fuzz/regressions");
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(EpDistrict) district = NULL;

      if (g_str_has_prefix (name, "csv-import-"))
        {
          check_csv_regression (path);
          n++;
          continue;
        }
      if (g_str_has_prefix (name, "mapping-"))
        {
          check_mapping_regression (path);
          n++;
          continue;
        }
      if (!g_str_has_prefix (name, "eqplan-"))
        continue;
      district = ep_xml_read_file (file, NULL, NULL, &error);
      n++;
      if (district == NULL)
        {
          g_assert_nonnull (error);
          g_test_message ("%s → %s", name, error->message);
          g_assert_true (error->domain == EP_XML_ERROR);
          g_assert_true (g_str_has_prefix (error->message, path));
        }
      else
        {
          g_autoptr(GBytes) first = ep_xml_write_bytes (district);
          g_autoptr(EpDistrict) again = ep_xml_read_bytes (first, "first.eqplan", &error);
          g_autoptr(GBytes) second = NULL;

          g_assert_no_error (error);
          second = ep_xml_write_bytes (again);
          g_assert_true (g_bytes_equal (first, second));
          g_test_message ("%s → loaded", name);
        }
    }
  g_test_message ("%u regression inputs", n);
  g_assert_cmpuint (n, >, 0);
}

static void
open_listener (void)
{
  struct sockaddr_in addr = { 0 };
  socklen_t len = sizeof addr;

  listener = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  g_assert_cmpint (listener, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (listener, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (listener, 8), ==, 0);
  g_assert_cmpint (getsockname (listener, (struct sockaddr *) &addr, &len), ==, 0);
  g_snprintf (port, sizeof port, "%u", ntohs (addr.sin_port));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Proxies would hide a connection attempt from the listener. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("ftp_proxy");
  open_listener ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_hostile_case);
    }
  g_test_add_func ("/hostile/text-node-200mb", test_text_200mb);
  g_test_add_func ("/hostile/csv/field-50mb", test_csv_field_50mb);
  g_test_add_func ("/hostile/csv/formula-cells", test_csv_formula_cells);
  g_test_add_func ("/hostile/csv/mixed-encodings", test_csv_mixed_encodings);
  g_test_add_func ("/hostile/fuzz-regressions", test_fuzz_regressions);

  status = g_test_run ();
  close (listener);
  return status;
}
