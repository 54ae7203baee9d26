/* test-import.c — CSV reading, import mappings and importing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The /realdata tests read the public files in ../shared/realdata (path in
 * EP_REALDATA; see its SOURCES.md) with the shipped mappings and check the
 * facts listed there, naming the row each comes from.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ep-test-util.h"

/* Helpers */

static EpCsvReader *
reader_for (const char *data,
            gssize      len)
{
  g_autoptr(GInputStream) in = NULL;

  if (len < 0)
    len = (gssize) strlen (data);
  in = g_memory_input_stream_new_from_data (g_memdup2 (data, (gsize) len), len, g_free);
  return ep_csv_reader_new (in, "test.csv");
}

/* Reads every row: "LINE:field|field|…" per row, joined by "\n". */
static char *
read_all (EpCsvReader *reader)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const EpCsvRow *row;

  while ((row = ep_csv_reader_read_row (reader, NULL, &error)) != NULL)
    {
      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", row->line);
      for (guint i = 0; i < row->n_fields; i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", row->fields[i]);
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static char *
csv_rows (const char *data,
          gssize      len,
          const char *encoding,
          char        delimiter)
{
  g_autoptr(EpCsvReader) reader = reader_for (data, len);

  ep_csv_reader_set_encoding (reader, encoding);
  ep_csv_reader_set_delimiter (reader, delimiter);
  return read_all (reader);
}

static EpDistrict *
new_district (void)
{
  EpDistrict *district = ep_district_new ("Test");
  ep_district_add_standard_groups (district);
  return district;
}

static EpMapping *
read_mapping_string (const char  *xml,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  return ep_mapping_read_bytes (bytes, "map.xml", error);
}

static EpMapping *
shipped_mapping (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("data/mappings/%s", name);
  g_autofree char *path = ep_test_source_path (rel);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EpMapping *mapping = ep_mapping_read_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mapping);
  return mapping;
}

/* Imports @data (a string) into @district; returns the importer, read and
 * (unless @dry_run) applied. */
static EpImporter *
import_string (EpDistrict *district,
               EpMapping  *mapping,
               const char *data,
               gboolean    dry_run)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (data), strlen (data), g_free);
  g_autoptr(EpImporter) importer = ep_importer_new (district, mapping);
  g_autoptr(GError) error = NULL;

  g_assert_true (ep_importer_read (importer, in, "data.csv", NULL, &error));
  g_assert_no_error (error);
  if (!dry_run)
    ep_importer_apply (importer);
  return g_steal_pointer (&importer);
}

static gboolean
lookup (EpDistrict    *district,
        const char    *school,
        const char    *indicator,
        const char    *group,
        const char    *period,
        EpMeasurement *out)
{
  EpSchool *s = ep_district_find_school (district, school);
  EpIndicator *ind;

  if (s == NULL)
    return FALSE;
  ind = ep_school_find_indicator (s, indicator);
  if (ind == NULL)
    return FALSE;
  return ep_indicator_lookup (ind, group, period, out);
}

static void
assert_count (EpDistrict *district,
              const char *school,
              const char *indicator,
              const char *group,
              const char *period,
              guint32     numerator,
              guint32     denominator)
{
  EpMeasurement m;

  if (!lookup (district, school, indicator, group, period, &m))
    g_error ("no measurement for %s %s %s %s", school, indicator, group, period);
  if (m.flags != (EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR) ||
      m.numerator != numerator || m.denominator != denominator)
    g_error ("%s %s %s %s: expected %u/%u, got flags %u, %u/%u", school, indicator, group, period,
             numerator, denominator, m.flags, m.numerator, m.denominator);
}

static void
assert_value (EpDistrict *district,
              const char *school,
              const char *indicator,
              const char *group,
              const char *period,
              double      value)
{
  EpMeasurement m;

  if (!lookup (district, school, indicator, group, period, &m))
    g_error ("no measurement for %s %s %s %s", school, indicator, group, period);
  if (!(m.flags & EP_MEASUREMENT_HAS_VALUE) || fabs (m.value - value) > 1e-9)
    g_error ("%s %s %s %s: expected %g, got flags %u, value %.12g", school, indicator, group, period,
             value, m.flags, m.value);
}

static void
assert_suppressed (EpDistrict *district,
                   const char *school,
                   const char *indicator,
                   const char *group,
                   const char *period,
                   const char *marker)
{
  EpMeasurement m;

  if (!lookup (district, school, indicator, group, period, &m))
    g_error ("no measurement for %s %s %s %s", school, indicator, group, period);
  if (!(m.flags & EP_MEASUREMENT_SUPPRESSED) || g_strcmp0 (m.marker, marker) != 0 ||
      (m.flags & (EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_VALUE)))
    g_error ("%s %s %s %s: expected suppressed “%s”, got flags %u marker %s", school, indicator,
             group, period, marker, m.flags, m.marker ? m.marker : "(none)");
}

static const EpImportProblem *
find_problem (const EpImportReport *report,
              guint64               line)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const EpImportProblem *p = &g_array_index (report->problems, EpImportProblem, i);
      if (p->line == line)
        return p;
    }
  return NULL;
}

static const EpImportProblem *
get_problem (const EpImportReport *report,
             guint64               line)
{
  const EpImportProblem *p = find_problem (report, line);

  if (p == NULL)
    g_error ("no problem reported on line %" G_GUINT64_FORMAT, line);
  return p;
}

/* The CSV reader */

static void
test_csv_basic (void)
{
  g_autoptr(EpCsvReader) reader = reader_for ("school,group,n\nA,HI,3\nB,BL,4\n", -1);
  g_autofree char *rows = read_all (reader);

  g_assert_cmpstr (rows, ==, "1:school|group|n\n2:A|HI|3\n3:B|BL|4");
  g_assert_cmpstr (ep_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_false (ep_csv_reader_get_had_bom (reader));
  g_assert_cmpint (ep_csv_reader_get_delimiter (reader), ==, ',');
}

static void
test_csv_bom_semicolon_crlf (void)
{
  g_autoptr(EpCsvReader) reader =
    reader_for ("\xEF\xBB\xBF" "école;taux\r\nSaint-Éloi;12,5\r\n\"Jean; Paul\";7\r\n", -1);
  g_autofree char *rows = read_all (reader);

  /* The byte-order mark is not part of the first column's name. */
  g_assert_cmpstr (rows, ==, "1:école|taux\n2:Saint-Éloi|12,5\n3:Jean; Paul|7");
  g_assert_true (ep_csv_reader_get_had_bom (reader));
  g_assert_cmpint (ep_csv_reader_get_delimiter (reader), ==, ';');
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(EpCsvReader) reader = reader_for ("name,value\nCaf\xE9,1\n\x93quoted\x94,2\nna\xEFve\x81,3\n", -1);
  g_autofree char *rows = read_all (reader);

  /* 0x81 is undefined in Windows-1252: U+FFFD, and the rest is read. */
  g_assert_cmpstr (rows, ==, "1:name|value\n2:Café|1\n3:“quoted”|2\n4:naïve\xEF\xBF\xBD|3");
  g_assert_cmpstr (ep_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
}

static void
test_csv_utf16 (void)
{
  /* "a,b\n1,é\n" in UTF-16LE with its byte-order mark. */
  static const char data[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0\xE9\0\n\0";
  g_autoptr(EpCsvReader) reader = reader_for (data, sizeof data - 1);
  g_autofree char *rows = read_all (reader);

  g_assert_cmpstr (rows, ==, "1:a|b\n2:1|é");
  g_assert_cmpstr (ep_csv_reader_get_encoding (reader), ==, "UTF-16LE");
}

static void
test_csv_tab (void)
{
  g_autofree char *rows = csv_rows ("school\tschool name\tn\n1\tA B\t3\n2\t\t4\n", -1, NULL, 0);

  /* Spaces inside fields and empty fields between tabs are kept. */
  g_assert_cmpstr (rows, ==, "1:school|school name|n\n2:1|A B|3\n3:2||4");
}

static void
test_csv_quoted_newlines (void)
{
  g_autofree char *lf = csv_rows ("id,comment\n1,\"two\nlines\"\n2,\"say \"\"hi\"\"\"\n3,x\n", -1, NULL, 0);
  g_autofree char *crlf = csv_rows ("id,c\r\n\"a\r\nb\r\nc\",1\r\n2,3\r\n", -1, NULL, 0);
  g_autofree char *cr = csv_rows ("id,c\r1,2\r\r3,4", -1, NULL, 0);
  g_autofree char *blank = csv_rows ("a\n\n\nb\n\n", -1, NULL, 0);

  /* Each row knows the line it begins on. */
  g_assert_cmpstr (lf, ==, "1:id|comment\n2:1|two\nlines\n4:2|say \"hi\"\n5:3|x");
  g_assert_cmpstr (crlf, ==, "1:id|c\n2:a\r\nb\r\nc|1\n5:2|3");
  g_assert_cmpstr (cr, ==, "1:id|c\n2:1|2\n4:3|4");
  g_assert_cmpstr (blank, ==, "1:a\n4:b");
}

static void
test_csv_ragged (void)
{
  g_autofree char *rows = csv_rows ("a,b,c\n1,2\n1,2,3,4\n,\n", -1, NULL, 0);

  g_assert_cmpstr (rows, ==, "1:a|b|c\n2:1|2\n3:1|2|3|4\n4:|");
}

static void
test_csv_overrides (void)
{
  g_autofree char *comma = csv_rows ("a;b\n1;2\n", -1, NULL, ',');
  g_autofree char *latin = csv_rows ("a,b\nCafé,1\n", -1, "WINDOWS-1252", 0);
  g_autoptr(EpCsvReader) reader = reader_for ("a,b\n", -1);
  g_autoptr(GError) error = NULL;
  char d = 'x';

  g_assert_cmpstr (comma, ==, "1:a;b\n2:1;2");
  g_assert_cmpstr (latin, ==, "1:a|b\n2:CafÃ©|1");

  ep_csv_reader_set_encoding (reader, "NO-SUCH-ENCODING");
  g_assert_null (ep_csv_reader_read_row (reader, NULL, &error));
  g_assert_error (error, EP_CSV_ERROR, EP_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "test.csv: "));

  g_assert_true (ep_csv_parse_delimiter ("tab", &d) && d == '\t');
  g_assert_true (ep_csv_parse_delimiter (";", &d) && d == ';');
  g_assert_true (ep_csv_parse_delimiter ("auto", &d) && d == 0);
  g_assert_false (ep_csv_parse_delimiter ("::", &d));
}

/* A file of several blocks: rows and multi-byte characters cross the
 * reader's 64 KB blocks, quoted line breaks too; lines stay right. */
static void
test_csv_blocks (void)
{
  GString *data = g_string_new ("id,text\n");
  g_autoptr(EpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const EpCsvRow *row;
  guint64 line = 2;
  guint n = 0;

  for (guint i = 0; i < 6000; i++)
    {
      if (i % 7 == 0)
        g_string_append_printf (data, "%u,\"é%u\nsecond line ñ\"\n", i, i);
      else
        g_string_append_printf (data, "%u,ÉÉÉ row %u with some text to make it longer\n", i, i);
    }
  /* A byte that is not UTF-8, far past the first block. */
  g_string_append (data, "6000,bad \xFF byte\n6001,last\n");
  g_assert_cmpuint (data->len, >, 4 * 65536);

  reader = reader_for (data->str, (gssize) data->len);
  g_assert_nonnull (ep_csv_reader_read_row (reader, NULL, &error));
  while ((row = ep_csv_reader_read_row (reader, NULL, &error)) != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%u", n);

      g_assert_cmpuint (row->n_fields, ==, 2);
      g_assert_cmpstr (row->fields[0], ==, id);
      g_assert_cmpuint (row->line, ==, line);
      g_assert_true (g_utf8_validate (row->fields[1], -1, NULL));
      g_assert_cmpint (row->invalid_text, ==, n == 6000);
      line += (n < 6000 && n % 7 == 0) ? 2 : 1;
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6002);
  g_string_free (data, TRUE);
}

static void
test_csv_unclosed_quote (void)
{
  GString *data = g_string_new ("a,b\n1,2\n3,\"never closed ");
  g_autoptr(EpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const EpCsvRow *row;
  guint rows = 0;

  while (data->len < (5 << 20))
    g_string_append (data, "0123456789abcdef\n");
  reader = reader_for (data->str, (gssize) data->len);
  while ((row = ep_csv_reader_read_row (reader, NULL, &error)) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, 2);
  g_assert_error (error, EP_CSV_ERROR, EP_CSV_ERROR_TOO_LARGE);
  /* Line 3, field 2: the position names the row and the field. */
  g_assert_true (g_str_has_prefix (error->message, "test.csv:3:2: "));
  g_string_free (data, TRUE);
}

typedef struct {
  guint64       last;
  guint64       total;
  guint         calls;
  GCancellable *cancel_at_second;
} Progress;

static void
progress_cb (guint64  bytes,
             guint64  total,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (bytes, >=, p->last);
  p->last = bytes;
  p->total = total;
  p->calls++;
  if (p->cancel_at_second && p->calls == 2)
    g_cancellable_cancel (p->cancel_at_second);
}

static void
test_csv_progress_cancel (void)
{
  GString *data = g_string_new ("a,b\n");
  g_autoptr(EpCsvReader) reader = NULL;
  g_autoptr(EpCsvReader) reader2 = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  Progress p2 = { 0 };

  while (data->len < 300000)
    g_string_append (data, "12345,67890\n");

  reader = reader_for (data->str, (gssize) data->len);
  ep_csv_reader_set_total_size (reader, data->len);
  ep_csv_reader_set_progress (reader, progress_cb, &p, NULL);
  g_free (read_all (reader));
  g_assert_cmpuint (p.last, ==, data->len);
  g_assert_cmpuint (p.total, ==, data->len);
  g_assert_cmpuint (p.calls, >=, 5);

  p2.cancel_at_second = cancellable;
  reader2 = reader_for (data->str, (gssize) data->len);
  ep_csv_reader_set_progress (reader2, progress_cb, &p2, NULL);
  while (ep_csv_reader_read_row (reader2, cancellable, &error) != NULL)
    ;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_string_free (data, TRUE);
}

/* Mappings */

static const char long_mapping[] =
  "<?xml version=\"1.0\"?>\n"
  "<mapping xmlns=\"urn:equity-planner:mapping:1\" version=\"1.0\" layout=\"long\">\n"
  "  <name>Test</name>\n"
  "  <numbers rate-scale=\"percent\"/>\n"
  "  <suppression blank=\"(blank)\">\n"
  "    <marker>*</marker><marker>&lt;10</marker><marker>n&lt;10</marker><marker>--</marker>\n"
  "    <marker>N/A</marker><marker>&gt;95%</marker><marker>&lt;5%</marker><marker>LNE</marker>\n"
  "  </suppression>\n"
  "  <columns>\n"
  "    <column role=\"school-id\">school</column>\n"
  "    <column role=\"group\">group</column>\n"
  "    <column role=\"period\">year</column>\n"
  "    <column role=\"numerator\">count</column>\n"
  "    <column role=\"denominator\">enrolled</column>\n"
  "    <column role=\"rate\">percent</column>\n"
  "    <fixed role=\"indicator\">chronic-absence</fixed>\n"
  "  </columns>\n"
  "  <groups standard-aliases=\"true\"/>\n"
  "</mapping>\n";

static void
test_mapping_round_trip (void)
{
  static const char * const shipped[] = {
    "wa-discipline-2014.xml", "nyc-school-explorer-2016.xml", "co-kidscount-csap-math.xml",
    "co-kidscount-dropout.xml", "co-kidscount-enrollment.xml", "crdc-va-2021-22.xml",
    "crdc-school.xml",
  };
  g_autoptr(EpMapping) m = ep_mapping_new ();
  g_autoptr(EpMapping) back = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  g_autoptr(GError) error = NULL;
  guint measure;
  gboolean optional;
  EpGroupCategory category;
  const char *label, *indicator, *group;

  /* Built in code, written, read back. */
  ep_mapping_set_name (m, "Crème & <brûlée>");
  ep_mapping_set_layout (m, EP_MAPPING_LAYOUT_WIDE);
  ep_mapping_set_column (m, EP_MAPPING_ROLE_SCHOOL_ID, "COMBOKEY");
  ep_mapping_set_fixed (m, EP_MAPPING_ROLE_PERIOD, "2021-22");
  ep_mapping_set_rate_scale (m, EP_RATE_SCALE_FRACTION);
  ep_mapping_set_decimal_mark (m, ',');
  ep_mapping_set_negative_is_suppressed (m, TRUE);
  ep_mapping_set_blank_marker (m, "(blank)");
  ep_mapping_add_marker (m, "<10");
  ep_mapping_add_group (m, "F", EP_GROUP_CATEGORY_SEX, "Female \"girls\"");
  ep_mapping_add_alias (m, EP_MAPPING_ROLE_GROUP, "Hispanic/Latino", "HI");
  ep_mapping_add_alias (m, EP_MAPPING_ROLE_PERIOD, "2022", "2021-22");
  ep_mapping_add_indicator (m, "iss", "In-school suspension", EP_UNIT_PERCENT,
                            EP_INDICATOR_LAGGING, EP_DIRECTION_LOWER_IS_BETTER);
  measure = ep_mapping_add_measure (m, "iss", "HI");
  ep_mapping_add_measure_column (m, measure, EP_MAPPING_ROLE_NUMERATOR, "SCH_ISS_HI_M", FALSE);
  ep_mapping_add_measure_column (m, measure, EP_MAPPING_ROLE_NUMERATOR, "SCH_ISS_HI_F", FALSE);
  ep_mapping_add_measure_column (m, measure, EP_MAPPING_ROLE_DENOMINATOR, "SCH_ENR_HI_X", TRUE);

  once = ep_mapping_write_bytes (m);
  back = ep_mapping_read_bytes (once, "once.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ep_mapping_get_name (back), ==, "Crème & <brûlée>");
  g_assert_cmpint (ep_mapping_get_layout (back), ==, EP_MAPPING_LAYOUT_WIDE);
  g_assert_cmpstr (ep_mapping_get_column (back, EP_MAPPING_ROLE_SCHOOL_ID), ==, "COMBOKEY");
  g_assert_cmpstr (ep_mapping_get_fixed (back, EP_MAPPING_ROLE_PERIOD), ==, "2021-22");
  g_assert_cmpint (ep_mapping_get_rate_scale (back), ==, EP_RATE_SCALE_FRACTION);
  g_assert_cmpint (ep_mapping_get_decimal_mark (back), ==, ',');
  g_assert_true (ep_mapping_get_negative_is_suppressed (back));
  g_assert_cmpstr (ep_mapping_get_blank_marker (back), ==, "(blank)");
  g_assert_true (ep_mapping_is_marker (back, "<10"));
  g_assert_true (ep_mapping_is_marker (back, "<5"));   /* another bound */
  g_assert_false (ep_mapping_is_marker (back, "10"));
  g_assert_cmpstr (ep_mapping_get_group (back, 0, &category, &label), ==, "F");
  g_assert_cmpint (category, ==, EP_GROUP_CATEGORY_SEX);
  g_assert_cmpstr (label, ==, "Female \"girls\"");
  g_assert_cmpstr (ep_mapping_lookup_alias (back, EP_MAPPING_ROLE_GROUP, "  hispanic/latino "), ==, "HI");
  g_assert_cmpstr (ep_mapping_lookup_alias (back, EP_MAPPING_ROLE_PERIOD, "2022"), ==, "2021-22");
  ep_mapping_get_measure (back, 0, &indicator, &group);
  g_assert_cmpstr (indicator, ==, "iss");
  g_assert_cmpstr (group, ==, "HI");
  g_assert_cmpuint (ep_mapping_get_measure_n_columns (back, 0, EP_MAPPING_ROLE_NUMERATOR), ==, 2);
  g_assert_cmpstr (ep_mapping_get_measure_column (back, 0, EP_MAPPING_ROLE_DENOMINATOR, 0, &optional),
                   ==, "SCH_ENR_HI_X");
  g_assert_true (optional);
  twice = ep_mapping_write_bytes (back);
  g_assert_true (g_bytes_equal (once, twice));

  /* Every shipped mapping reads, and writes back to what reads the same. */
  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr(EpMapping) a = shipped_mapping (shipped[i]);
      g_autoptr(GBytes) wa = ep_mapping_write_bytes (a);
      g_autoptr(EpMapping) b = ep_mapping_read_bytes (wa, shipped[i], &error);
      g_autoptr(GBytes) wb = NULL;

      g_assert_no_error (error);
      wb = ep_mapping_write_bytes (b);
      g_assert_true (g_bytes_equal (wa, wb));
      g_assert_true (ep_mapping_validate (b, NULL));
    }
}

static void
assert_refused (const char *xml,
                GQuark      domain,
                int         code,
                const char *position,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) m = read_mapping_string (xml, &error);
  g_autofree char *prefix = g_strdup_printf ("map.xml:%s", position);

  g_assert_null (m);
  g_assert_nonnull (error);
  /* "map.xml:LINE:COLUMN: message" */
  if (error->domain != domain || error->code != code || !g_str_has_prefix (error->message, prefix) ||
      !g_regex_match_simple ("^map\\.xml:[0-9]+:[0-9]+: ", error->message, 0, 0) ||
      (words && strstr (error->message, words) == NULL))
    g_error ("expected %s %d “%s…%s”, got %s %d “%s”", g_quark_to_string (domain), code, prefix,
             words ? words : "", g_quark_to_string (error->domain), error->code, error->message);
}

static void
test_mapping_hostile (void)
{
  GString *big = g_string_new ("<mapping xmlns=\"urn:equity-planner:mapping:1\"><name>");

  /* Entity expansion ("billion laughs") and external entities: the DOCTYPE
   * is refused before any entity is declared. */
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE mapping [\n"
                  "  <!ENTITY a \"aaaaaaaaaa\">\n"
                  "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                  "]>\n"
                  "<mapping xmlns=\"urn:equity-planner:mapping:1\"><name>&b;</name></mapping>\n",
                  EP_XML_ERROR, EP_XML_ERROR_FORBIDDEN, "2:", "DOCTYPE");
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE mapping SYSTEM \"http://example.invalid/evil.dtd\">\n"
                  "<mapping xmlns=\"urn:equity-planner:mapping:1\"/>\n",
                  EP_XML_ERROR, EP_XML_ERROR_FORBIDDEN, "2:", "DOCTYPE");
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<mapping xmlns=\"urn:equity-planner:mapping:1\">\n"
                  "  <name>&passwd;</name>\n"
                  "</mapping>\n",
                  EP_XML_ERROR, EP_XML_ERROR_FORBIDDEN, "3:", "&passwd;");
  /* Not well-formed, not ours, not valid. */
  assert_refused ("<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:equity-planner:mapping:1\">\n  <name>x</nam>\n",
                  EP_XML_ERROR, EP_XML_ERROR_MALFORMED, "3:", NULL);
  assert_refused ("<?xml version=\"1.0\"?>\n<district xmlns=\"urn:equity-planner:eqplan:1\"/>\n",
                  EP_XML_ERROR, EP_XML_ERROR_NOT_EQPLAN, "2:1", "mapping");
  assert_refused ("<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:equity-planner:mapping:1\">\n"
                  "  <columns>\n    <colum role=\"group\">g</colum>\n  </columns>\n</mapping>\n",
                  EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID, "4:5", "<colum>");
  assert_refused ("<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:equity-planner:mapping:1\">\n"
                  "  <columns>\n    <column role=\"grup\">g</column>\n  </columns>\n</mapping>\n",
                  EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID, "4:5", "grup");
  assert_refused ("<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:equity-planner:mapping:1\">\n"
                  "  <numbers rate-scale=\"per-mille\"/>\n</mapping>\n",
                  EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID, "3:3", "per-mille");
  assert_refused ("<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:equity-planner:mapping:1\" version=\"2.0\"/>\n",
                  EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID, "2:1", "version 2.0");

  /* Too large to be a mapping. */
  while (big->len <= (1 << 20))   /* mappings are at most 1 MB */
    g_string_append (big, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (big, "</name></mapping>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EpMapping) m = read_mapping_string (big->str, &error);
    g_assert_null (m);
    g_assert_error (error, EP_XML_ERROR, EP_XML_ERROR_TOO_LARGE);
  }
  g_string_free (big, TRUE);

  /* Well-formed but not enough to import with: the file is named. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EpMapping) m =
      read_mapping_string ("<mapping xmlns=\"urn:equity-planner:mapping:1\" layout=\"long\"/>", &error);
    g_assert_null (m);
    g_assert_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "map.xml: "));
  }
}

static void
test_mapping_guess (void)
{
  static const char * const state[] = { "School Name", "School ID", "Student Group", "School Year",
                                        "Count", "Enrolled", "Percent" };
  static const char * const simple[] = { "school", "group", "year", "count", "percent" };
  static const char * const crdc[] = { "LEAID", "COMBOKEY", "SCH_NAME", "SCH_ENR_HI_M", "SCH_ENR_HI_F",
                                       "SCH_ENR_BL_M", "SCH_ENR_BL_F", "SCH_DISCWODIS_ISS_BL_M",
                                       "SCH_DISCWODIS_ISS_BL_F" };
  g_autoptr(EpMapping) a = ep_mapping_guess (state, G_N_ELEMENTS (state));
  g_autoptr(EpMapping) b = ep_mapping_guess (simple, G_N_ELEMENTS (simple));
  g_autoptr(EpMapping) c = ep_mapping_guess (crdc, G_N_ELEMENTS (crdc));
  const char *indicator, *group;

  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_SCHOOL_ID), ==, "School ID");
  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_SCHOOL_NAME), ==, "School Name");
  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_GROUP), ==, "Student Group");
  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_PERIOD), ==, "School Year");
  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_NUMERATOR), ==, "Count");
  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_DENOMINATOR), ==, "Enrolled");
  g_assert_cmpstr (ep_mapping_get_column (a, EP_MAPPING_ROLE_RATE), ==, "Percent");
  g_assert_true (ep_mapping_is_marker (a, "n<10"));
  g_assert_cmpstr (ep_mapping_lookup_alias (a, EP_MAPPING_ROLE_GROUP, "Hispanic or Latino of any race"), ==, "HI");

  /* "school" alone is both the id and the name; a count alone is a value. */
  g_assert_cmpstr (ep_mapping_get_column (b, EP_MAPPING_ROLE_SCHOOL_ID), ==, "school");
  g_assert_cmpstr (ep_mapping_get_column (b, EP_MAPPING_ROLE_VALUE), ==, "count");
  g_assert_null (ep_mapping_get_column (b, EP_MAPPING_ROLE_NUMERATOR));
  g_assert_cmpstr (ep_mapping_get_column (b, EP_MAPPING_ROLE_RATE), ==, "percent");
  g_assert_null (ep_mapping_get_column (b, EP_MAPPING_ROLE_INDICATOR));

  g_assert_cmpint (ep_mapping_get_layout (c), ==, EP_MAPPING_LAYOUT_WIDE);
  g_assert_cmpstr (ep_mapping_get_column (c, EP_MAPPING_ROLE_SCHOOL_ID), ==, "COMBOKEY");
  g_assert_true (ep_mapping_get_negative_is_suppressed (c));
  g_assert_cmpuint (ep_mapping_get_n_measures (c), ==, 3);   /* enrollment HI, BL; ISS BL */
  ep_mapping_get_measure (c, 2, &indicator, &group);
  g_assert_cmpstr (indicator, ==, "iss-wodis");
  g_assert_cmpstr (group, ==, "BL");
}

/* A total column is a denominator, never a group (issue 14, 8). */
static void
test_mapping_guess_population (void)
{
  static const char * const wa[] = { "county", "code", "district", "population", "disciplined" };
  g_autoptr(EpMapping) m = ep_mapping_guess (wa, G_N_ELEMENTS (wa));

  g_assert_null (ep_mapping_get_column (m, EP_MAPPING_ROLE_GROUP));
  g_assert_cmpstr (ep_mapping_get_column (m, EP_MAPPING_ROLE_DENOMINATOR), ==, "population");
  g_assert_cmpstr (ep_mapping_get_column (m, EP_MAPPING_ROLE_NUMERATOR), ==, "disciplined");
}

/* State and district total rows are not schools, and one indicator made in
 * many schools is one new indicator (issue 14, 8). */
static void
test_import_aggregate_rows (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(EpMapping) mapping = shipped_mapping ("wa-discipline-2014.xml");
  const char *data =
    "county,code,district,population,native_pop,asian_pop,black_pop,hispanic_pop,api_pop,multi_pop,"
    "white_pop,li_pop,se_pop,disciplined,native_d,asian_d,black_d,hispanic_d,api_d,multi_d,white_d,li_d,se_d\n"
    "statewide,wa,Washington (statewide),1140601,18763,81022,54824,246033,11603,79859,658925,569018,"
    "163701,43275,1269,1078,4713,11119,627,3441,21122,32434,12049\n"
    "King,17001,Seattle ,56908,507,9235,10202,7546,339,4271,24739,24002,8763,1958,45,154,805,330,19,123,"
    "481,1446,688\n"
    "King,17414,Lake Washington,26000,100,5000,498,2000,80,1500,16000,3000,2500,300,,20,21,40,,15,150,60,70\n";
  g_autoptr(EpImporter) importer = import_string (district, mapping, data, FALSE);
  const EpImportReport *r = ep_importer_get_report (importer);

  g_assert_cmpuint (r->rows_read, ==, 3);
  g_assert_cmpuint (r->rows_aggregate, ==, 1);
  g_assert_cmpuint (r->schools_created, ==, 2);
  g_assert_cmpuint (r->indicators_created, ==, 1);
  g_assert_null (ep_district_find_school (district, "wa"));
  g_assert_nonnull (ep_district_find_school (district, "17001"));

  g_assert_true (ep_import_is_aggregate_row (NULL, 0, "State", NULL));
  g_assert_true (ep_import_is_aggregate_row (NULL, 0, "12", "District Total"));
  g_assert_false (ep_import_is_aggregate_row (NULL, 0, "12", "Statesville High"));

  /* Importing again: the indicator is no longer new. */
  {
    g_autoptr(EpImporter) again = import_string (district, mapping, data, TRUE);
    g_assert_cmpuint (ep_importer_get_report (again)->indicators_created, ==, 0);
  }
}

/* Importing */

static void
test_import_markers (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = read_mapping_string (long_mapping, &error);
  g_autoptr(EpImporter) importer = NULL;
  const EpImportReport *report;
  static const char data[] =
    "school,group,year,count,enrolled,percent\n"
    "S1,all,2024-25,*,40,\n"            /* 2 */
    "S1,HI,2024-25,<10,,\n"             /* 3 */
    "S1,BL,2024-25,n<10,12,\n"          /* 4 */
    "S1,AS,2024-25,--,,\n"              /* 5 */
    "S1,WH,2024-25,N/A,,\n"             /* 6 */
    "S1,EL,2024-25,,,>95%\n"            /* 7 */
    "S1,ED,2024-25,,,<5%\n"             /* 8 */
    "S1,SWD,2024-25,,,\n"               /* 9: blank means suppressed here */
    "S1,AM,2024-25,LNE,7,\n"            /* 10 */
    "S1,PI,2024-25,0,5,\n";             /* 11: a real zero */

  g_assert_no_error (error);
  importer = import_string (district, mapping, data, FALSE);
  report = ep_importer_get_report (importer);
  g_assert_cmpuint (report->rows_read, ==, 10);
  g_assert_cmpuint (report->measurements_created, ==, 10);
  g_assert_cmpuint (report->suppressed, ==, 9);
  g_assert_cmpuint (report->n_problems, ==, 0);

  assert_suppressed (district, "S1", "chronic-absence", "all", "2024-25", "*");
  assert_suppressed (district, "S1", "chronic-absence", "HI", "2024-25", "<10");
  assert_suppressed (district, "S1", "chronic-absence", "BL", "2024-25", "n<10");
  assert_suppressed (district, "S1", "chronic-absence", "AS", "2024-25", "--");
  assert_suppressed (district, "S1", "chronic-absence", "WH", "2024-25", "N/A");
  assert_suppressed (district, "S1", "chronic-absence", "EL", "2024-25", ">95%");
  assert_suppressed (district, "S1", "chronic-absence", "ED", "2024-25", "<5%");
  assert_suppressed (district, "S1", "chronic-absence", "SWD", "2024-25", "(blank)");
  assert_suppressed (district, "S1", "chronic-absence", "AM", "2024-25", "LNE");
  assert_count (district, "S1", "chronic-absence", "PI", "2024-25", 0, 5);

  /* The denominator survives when the source gave it; never a zero count. */
  {
    EpMeasurement m;
    g_assert_true (lookup (district, "S1", "chronic-absence", "all", "2024-25", &m));
    g_assert_true (m.flags & EP_MEASUREMENT_HAS_DENOMINATOR);
    g_assert_cmpuint (m.denominator, ==, 40);
    g_assert_cmpuint (m.numerator, ==, 0);
    g_assert_false (m.flags & EP_MEASUREMENT_HAS_NUMERATOR);
  }
}

static void
test_import_wide_crdc (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(EpMapping) mapping = ep_mapping_new ();
  g_autoptr(EpImporter) importer = NULL;
  const EpImportReport *report;
  const EpImportProblem *p;
  guint iss, enr;
  static const char data[] =
    "COMBOKEY,SCH_NAME,SCH_ENR_BL_M,SCH_ENR_BL_F,ISS_BL_M,ISS_BL_F\n"
    "010000100001,First,10,12,1,2\n"
    "010000100002,Second,-9,-9,-9,-9\n"
    "010000100003,Third,5,-3,0,0\n"
    "010000100004,Fourth,5,,1,0\n"
    "010000100005,Fifth,0,0,0,0\n";

  ep_mapping_set_layout (mapping, EP_MAPPING_LAYOUT_WIDE);
  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_SCHOOL_ID, "COMBOKEY");
  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_SCHOOL_NAME, "SCH_NAME");
  ep_mapping_set_fixed (mapping, EP_MAPPING_ROLE_PERIOD, "2021-22");
  ep_mapping_set_negative_is_suppressed (mapping, TRUE);
  ep_mapping_add_indicator (mapping, "enrollment", "Enrollment", EP_UNIT_COUNT,
                            EP_INDICATOR_LEADING, EP_DIRECTION_HIGHER_IS_BETTER);
  enr = ep_mapping_add_measure (mapping, "enrollment", "BL");
  ep_mapping_add_measure_column (mapping, enr, EP_MAPPING_ROLE_VALUE, "SCH_ENR_BL_M", FALSE);
  ep_mapping_add_measure_column (mapping, enr, EP_MAPPING_ROLE_VALUE, "SCH_ENR_BL_F", FALSE);
  ep_mapping_add_measure_column (mapping, enr, EP_MAPPING_ROLE_VALUE, "SCH_ENR_BL_X", TRUE);
  iss = ep_mapping_add_measure (mapping, "iss", "BL");
  ep_mapping_add_measure_column (mapping, iss, EP_MAPPING_ROLE_NUMERATOR, "ISS_BL_M", FALSE);
  ep_mapping_add_measure_column (mapping, iss, EP_MAPPING_ROLE_NUMERATOR, "ISS_BL_F", FALSE);
  ep_mapping_add_measure_column (mapping, iss, EP_MAPPING_ROLE_DENOMINATOR, "SCH_ENR_BL_M", FALSE);
  ep_mapping_add_measure_column (mapping, iss, EP_MAPPING_ROLE_DENOMINATOR, "SCH_ENR_BL_F", FALSE);

  importer = import_string (district, mapping, data, FALSE);
  report = ep_importer_get_report (importer);

  assert_value (district, "010000100001", "enrollment", "BL", "2021-22", 22);
  assert_count (district, "010000100001", "iss", "BL", "2021-22", 3, 22);
  /* Reserve codes: suppressed with the code kept, never −18 or 0. */
  assert_suppressed (district, "010000100002", "enrollment", "BL", "2021-22", "-9");
  assert_suppressed (district, "010000100002", "iss", "BL", "2021-22", "-9");
  assert_suppressed (district, "010000100003", "enrollment", "BL", "2021-22", "-3");
  assert_suppressed (district, "010000100003", "iss", "BL", "2021-22", "-3");
  /* Half a sum is not a sum. */
  g_assert_false (lookup (district, "010000100004", "enrollment", "BL", "2021-22", NULL));
  p = get_problem (report, 5);
  g_assert_cmpstr (p->column, ==, "SCH_ENR_BL_F");
  /* A group with no students: 0 of 0, kept as counts, no rate made up. */
  assert_count (district, "010000100005", "iss", "BL", "2021-22", 0, 0);
  g_assert_cmpstr (ep_school_get_name (ep_district_find_school (district, "010000100001")), ==, "First");
  g_assert_cmpuint (report->suppressed, ==, 4);
}

static void
test_import_locale_numbers (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(EpMapping) mapping = ep_mapping_new ();
  g_autoptr(EpImporter) importer = NULL;
  /* A European spreadsheet: Windows-1252, semicolons, decimal commas, CRLF. */
  static const char data[] =
    "\xC9" "cole;Groupe;Ann\xE9" "e;Taux;Effectif\r\n"
    "\xC9" "cole Pr\xE9vert;HI;2024-25;12,5;1.234\r\n"
    "\xC9" "cole Pr\xE9vert;BL;2024-25;7%;80\r\n"
    "\xC9" "cole Pr\xE9vert;WH;2024-25;0,035%;90\r\n";

  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_SCHOOL_ID, "École");
  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_GROUP, "Groupe");
  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_PERIOD, "Année");
  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_RATE, "Taux");
  ep_mapping_set_column (mapping, EP_MAPPING_ROLE_N, "Effectif");
  ep_mapping_set_fixed (mapping, EP_MAPPING_ROLE_INDICATOR, "absence");
  ep_mapping_set_decimal_mark (mapping, ',');

  importer = import_string (district, mapping, data, FALSE);
  g_assert_cmpstr (ep_importer_get_report (importer)->encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (ep_importer_get_report (importer)->delimiter, ==, ';');
  assert_value (district, "École Prévert", "absence", "HI", "2024-25", 12.5);
  assert_value (district, "École Prévert", "absence", "BL", "2024-25", 7);
  assert_value (district, "École Prévert", "absence", "WH", "2024-25", 0.035);
  {
    EpMeasurement m;
    g_assert_true (lookup (district, "École Prévert", "absence", "HI", "2024-25", &m));
    g_assert_cmpuint (m.n, ==, 1234);
  }
}

static void
test_import_aliases_and_problems (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = read_mapping_string (long_mapping, &error);
  g_autoptr(EpImporter) importer = NULL;
  const EpImportReport *report;
  const EpImportProblem *p;
  static const char data[] =
    "school,group,year,count,enrolled,percent\n"
    "S1,Hispanic/Latino,2024-25,3,30,\n"                  /* 2 */
    "S2,Hispanic or Latino of any race,2024-25,4,40,\n"   /* 3 */
    "S3,HI,2024-25,5,50,\n"                               /* 4 */
    "S4,Martians,2024-25,1,2,\n"                          /* 5: unknown group */
    "S1,BL,2024-25,12,x12,\n"                             /* 6: not a number */
    "S1,WH,2024-25,9,3,\n"                                /* 7: 9 of 3 */
    "S1,HI,2024-25,6,30,\n"                               /* 8: twice */
    ",AS,2024-25,1,2,\n"                                  /* 9: no school */
    "S1,AS,2024-25,2.5,10,\n"                             /* 10: half a student */
    "S1,EL,2024-25,1,10,\n";                              /* 11: fine, after the problems */

  g_assert_no_error (error);
  importer = import_string (district, mapping, data, FALSE);
  report = ep_importer_get_report (importer);

  assert_count (district, "S1", "chronic-absence", "HI", "2024-25", 3, 30);
  assert_count (district, "S2", "chronic-absence", "HI", "2024-25", 4, 40);
  assert_count (district, "S3", "chronic-absence", "HI", "2024-25", 5, 50);
  assert_count (district, "S1", "chronic-absence", "EL", "2024-25", 1, 10);
  g_assert_null (ep_district_find_school (district, "S4"));
  g_assert_cmpuint (report->measurements_created, ==, 4);
  g_assert_cmpuint (report->n_problems, ==, 6);
  for (guint64 line = 5; line <= 10; line++)
    g_assert_nonnull (find_problem (report, line));
  p = get_problem (report, 5);
  g_assert_nonnull (strstr (p->reason, "Martians"));
  p = get_problem (report, 6);
  g_assert_cmpstr (p->column, ==, "enrolled");
  g_assert_nonnull (strstr (p->reason, "x12"));
  p = get_problem (report, 7);
  g_assert_nonnull (strstr (p->reason, "numerator cannot be larger"));
  p = get_problem (report, 8);
  g_assert_nonnull (strstr (p->reason, "second measurement"));
  g_assert_cmpuint (report->rows_skipped, ==, 6);
}

static void
test_import_update_and_dry_run (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = read_mapping_string (long_mapping, &error);
  g_autoptr(EpImporter) first = NULL;
  g_autoptr(EpImporter) dry = NULL;
  g_autoptr(EpImporter) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_dry = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  first = import_string (district, mapping,
                         "school,group,year,count,enrolled,percent\nS1,HI,2024-25,3,30,\nS1,BL,2024-25,4,40,\n",
                         FALSE);
  g_assert_cmpuint (ep_importer_get_report (first)->measurements_created, ==, 2);
  g_assert_true (ep_importer_get_report (first)->applied);

  before = ep_test_write_string (district);
  dry = import_string (district, mapping,
                       "school,group,year,count,enrolled,percent\nS1,HI,2024-25,3,30,\nS1,BL,2024-25,5,40,\n"
                       "S2,HI,2024-25,1,9,\n",
                       TRUE);
  after_dry = ep_test_write_string (district);
  g_assert_cmpstr (before, ==, after_dry);
  g_assert_cmpuint (ep_importer_get_report (dry)->measurements_unchanged, ==, 1);
  g_assert_cmpuint (ep_importer_get_report (dry)->measurements_updated, ==, 1);
  g_assert_cmpuint (ep_importer_get_report (dry)->measurements_created, ==, 1);
  g_assert_cmpuint (ep_importer_get_report (dry)->schools_created, ==, 1);
  text = ep_import_report_format (ep_importer_get_report (dry), 10);
  g_assert_nonnull (strstr (text, "1 created, 1 updated, 1 unchanged"));
  g_assert_nonnull (strstr (text, "Dry run"));

  second = import_string (district, mapping,
                          "school,group,year,count,enrolled,percent\nS1,HI,2024-25,3,30,\nS1,BL,2024-25,5,40,\n",
                          FALSE);
  assert_count (district, "S1", "chronic-absence", "BL", "2024-25", 5, 40);
  g_assert_cmpuint (ep_importer_get_report (second)->measurements_updated, ==, 1);
}

static void
cancel_cb (guint64  bytes,
           guint64  total,
           gpointer data)
{
  if (bytes > 100000)
    g_cancellable_cancel (data);
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = read_mapping_string (long_mapping, &error);
  g_autoptr(EpImporter) importer = NULL;
  g_autoptr(EpImporter) missing = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) in2 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GString *data = g_string_new ("school,group,year,count,enrolled,percent\n");
  static const char * const groups[] = { "HI", "BL", "WH", "AS" };

  g_assert_no_error (error);
  for (guint i = 0; data->len < 400000; i++)
    g_string_append_printf (data, "S%u,%s,2024-25,%u,%u,\n", i / 4, groups[i % 4], i % 7, 10 + i % 7);

  before = ep_test_write_string (district);
  in = g_memory_input_stream_new_from_data (data->str, data->len, NULL);
  importer = ep_importer_new (district, mapping);
  ep_importer_set_progress (importer, cancel_cb, cancellable);
  g_assert_false (ep_importer_read (importer, in, "big.csv", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = ep_test_write_string (district);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 0);

  /* A file without the mapping's columns: named with its line, nothing read. */
  in2 = g_memory_input_stream_new_from_data ("name,grp\nA,B\n", -1, NULL);
  missing = ep_importer_new (district, mapping);
  g_assert_false (ep_importer_read (missing, in2, "other.csv", NULL, &error));
  g_assert_error (error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_COLUMNS);
  g_assert_true (g_str_has_prefix (error->message, "other.csv:1: "));
  g_assert_nonnull (strstr (error->message, "“school”"));
  g_string_free (data, TRUE);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ep_importer_read_file_finish (EP_IMPORTER (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_import_async_and_properties (void)
{
  g_autoptr(EpDistrict) district = new_district ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = read_mapping_string (long_mapping, &error);
  g_autoptr(EpImporter) importer = NULL;
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  guint notified = 0;
  EpMappingLayout layout;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "school,group,year,count,enrolled,percent\nS1,HI,2024-25,3,30,\n", -1, NULL));
  importer = ep_importer_new (district, mapping);
  ep_importer_read_file_async (importer, file, NULL, read_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ep_importer_get_report (importer)->measurements_created, ==, 1);
  g_assert_null (ep_district_find_school (district, "S1"));
  ep_importer_apply (importer);
  assert_count (district, "S1", "chronic-absence", "HI", "2024-25", 3, 30);

  /* Properties for the assistant to bind to; notified once per change. */
  g_signal_connect (mapping, "notify", G_CALLBACK (count_notify), &notified);
  g_object_set (mapping, "layout", EP_MAPPING_LAYOUT_WIDE, "decimal-mark", ',', NULL);
  ep_mapping_set_layout (mapping, EP_MAPPING_LAYOUT_WIDE);
  ep_mapping_set_name (mapping, "Test");   /* unchanged */
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (mapping, "layout", &layout, NULL);
  g_assert_cmpint (layout, ==, EP_MAPPING_LAYOUT_WIDE);
  g_assert_cmpint (ep_mapping_get_decimal_mark (mapping), ==, ',');
  ep_test_rm_rf (dir);
}

/* Importing through the history is one step: undo gives back the district
 * byte for byte (groups, schools and indicators removed, changed
 * measurements restored), redo the imported one. */
static void
test_import_undo_redo (void)
{
  static const char mapping_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<mapping xmlns=\"urn:equity-planner:mapping:1\" version=\"1.0\" layout=\"long\">\n"
    "  <name>Undo</name>\n"
    "  <suppression><marker>*</marker></suppression>\n"
    "  <columns>\n"
    "    <column role=\"school-id\">school</column>\n"
    "    <column role=\"school-name\">name</column>\n"
    "    <column role=\"group\">group</column>\n"
    "    <column role=\"indicator\">indicator</column>\n"
    "    <column role=\"period\">year</column>\n"
    "    <column role=\"numerator\">count</column>\n"
    "    <column role=\"denominator\">enrolled</column>\n"
    "  </columns>\n"
    "  <groups standard-aliases=\"true\"><group id=\"F\" category=\"sex\" label=\"Female\"/></groups>\n"
    "</mapping>\n";
  static const char csv[] =
    "school,name,group,indicator,year,count,enrolled\n"
    /* changes a measurement of the demo, adds one to the same indicator */
    "060000100001,,Hispanic,chronic-absence,2022-23,80,287\n"
    "060000100001,,Hispanic,chronic-absence,2030-31,70,290\n"
    /* a new indicator of a school of the demo, with a new group */
    "060000100001,,Female,graduation,2024-25,*,200\n"
    /* a new school */
    "S9,Hilltop,All Students,graduation,2024-25,90,100\n";
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EpMapping) mapping = read_mapping_string (mapping_xml, &error);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(EpImporter) importer = NULL;
  g_autofree char *before = ep_test_write_string (district);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  const EpImportReport *report;
  EpMeasurement m;

  g_assert_no_error (error);
  importer = ep_importer_new (district, mapping);
  g_assert_true (ep_importer_read (importer, in, "undo.csv", NULL, &error));
  g_assert_no_error (error);
  report = ep_importer_get_report (importer);
  {
    g_autofree char *text = ep_import_report_format (report, 10);
    g_test_message ("%s", text);
  }
  g_assert_cmpuint (report->measurements_created, ==, 3);
  g_assert_cmpuint (report->measurements_updated, ==, 1);
  g_assert_cmpuint (report->schools_created, ==, 1);
  g_assert_cmpuint (report->groups_created, ==, 1);
  /* graduation is new to two schools but measured at another school of the
   * demo already: no new indicator. */
  g_assert_cmpuint (report->indicators_created, ==, 0);

  ep_importer_apply_with_history (importer, history);
  g_assert_true (ep_history_get_can_undo (history));
  g_assert_cmpstr (ep_history_get_undo_label (history), ==, "Import data");
  after = ep_test_write_string (district);
  g_assert_cmpstr (after, !=, before);
  assert_count (district, "060000100001", "chronic-absence", "HI", "2022-23", 80, 287);
  assert_count (district, "S9", "graduation", "all", "2024-25", 90, 100);
  assert_suppressed (district, "060000100001", "graduation", "F", "2024-25", "*");
  g_assert_nonnull (ep_district_find_group (district, "F"));

  g_assert_true (ep_history_undo (history));
  undone = ep_test_write_string (district);
  g_assert_cmpstr (undone, ==, before);
  g_assert_null (ep_district_find_school (district, "S9"));
  g_assert_null (ep_district_find_group (district, "F"));
  g_assert_true (lookup (district, "060000100001", "chronic-absence", "HI", "2022-23", &m));
  g_assert_cmpuint (m.numerator, ==, 87);

  g_assert_true (ep_history_redo (history));
  redone = ep_test_write_string (district);
  g_assert_cmpstr (redone, ==, after);

  /* Twice more, for good measure. */
  g_assert_true (ep_history_undo (history));
  g_clear_pointer (&undone, g_free);
  undone = ep_test_write_string (district);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (ep_history_redo (history));
  g_clear_pointer (&redone, g_free);
  redone = ep_test_write_string (district);
  g_assert_cmpstr (redone, ==, after);
}

/* Markers and aliases can be taken out of a mapping again. */
static void
test_mapping_remove (void)
{
  g_autoptr(EpMapping) m = ep_mapping_new ();
  g_auto(GStrv) markers = NULL;

  ep_mapping_add_marker (m, "*");
  ep_mapping_add_marker (m, "<10");
  ep_mapping_remove_marker (m, " * ");
  markers = ep_mapping_dup_markers (m);
  g_assert_cmpuint (g_strv_length (markers), ==, 1);
  g_assert_cmpstr (markers[0], ==, "<10");
  g_assert_false (ep_mapping_is_marker (m, "*"));

  ep_mapping_add_standard_group_aliases (m);
  ep_mapping_add_alias (m, EP_MAPPING_ROLE_GROUP, "Latino", "F");
  g_assert_cmpstr (ep_mapping_lookup_alias (m, EP_MAPPING_ROLE_GROUP, "latino "), ==, "F");
  ep_mapping_remove_alias (m, EP_MAPPING_ROLE_GROUP, "LATINO");
  /* The standard alias again */
  g_assert_cmpstr (ep_mapping_lookup_alias (m, EP_MAPPING_ROLE_GROUP, "Latino"), ==, "HI");
}

/* Real files */

static char *
realdata (const char *relative)
{
  const char *root = g_getenv ("EP_REALDATA");
  char *path;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

static EpImporter *
import_real (EpDistrict *district,
             const char *relative,
             const char *mapping_name)
{
  g_autofree char *path = realdata (relative);
  g_autoptr(EpMapping) mapping = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(EpImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("the real data files are not there (EP_REALDATA)");
      return NULL;
    }
  mapping = shipped_mapping (mapping_name);
  file = g_file_new_for_path (path);
  importer = ep_importer_new (district, mapping);
  g_assert_true (ep_importer_read_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  ep_importer_apply (importer);
  return g_steal_pointer (&importer);
}

static void
test_real_wa (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Washington");
  g_autoptr(EpImporter) importer = import_real (district, "wa-discipline-2014/discipline.csv",
                                                "wa-discipline-2014.xml");
  const EpImportReport *report;

  if (importer == NULL)
    return;
  report = ep_importer_get_report (importer);
  g_assert_cmpuint (report->rows_read, ==, 199);
  g_assert_cmpuint (report->n_problems, ==, 0);
  /* The statewide row (code "wa") is not a school. */
  g_assert_cmpuint (report->rows_aggregate, ==, 1);
  g_assert_cmpuint (report->indicators_created, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 198);
  g_assert_null (ep_district_find_school (district, "wa"));

  /* Row "King,17001,Seattle ,…": 805 of 10,202 Black and 481 of 24,739 White students. */
  assert_count (district, "17001", "discipline", "BL", "2013-14", 805, 10202);
  assert_count (district, "17001", "discipline", "WH", "2013-14", 481, 24739);
  g_assert_cmpstr (ep_school_get_name (ep_district_find_school (district, "17001")), ==, "Seattle");
  /* Row code 17414 (Lake Washington): native_d and api_d blank = suppressed, black 21 of 498. */
  assert_suppressed (district, "17414", "discipline", "AM", "2013-14", "(blank)");
  assert_suppressed (district, "17414", "discipline", "PI", "2013-14", "(blank)");
  assert_count (district, "17414", "discipline", "BL", "2013-14", 21, 498);
}

static void
test_real_nyc (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("NYC");
  g_autoptr(EpImporter) importer = import_real (district, "nyc-school-explorer-2016/2016 School Explorer.csv",
                                                "nyc-school-explorer-2016.xml");
  const EpImportReport *report;

  if (importer == NULL)
    return;
  report = ep_importer_get_report (importer);
  g_assert_cmpuint (report->rows_read, ==, 1272);
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_cmpstr (report->encoding, ==, "UTF-8");

  /* Row 01M015 P.S. 015 ROBERTO CLEMENTE. */
  assert_value (district, "01M015", "economic-need-index", "all", "2016", 0.919);
  assert_value (district, "01M015", "enrollment-share", "EL", "2016", 9);
  assert_value (district, "01M015", "enrollment-share", "BL", "2016", 32);
  assert_value (district, "01M015", "enrollment-share", "HI", "2016", 60);
  assert_value (district, "01M015", "chronic-absence", "all", "2016", 18);
  g_assert_cmpstr (ep_school_get_name (ep_district_find_school (district, "01M015")), ==,
                   "P.S. 015 ROBERTO CLEMENTE");
  /* Row 01M020 P.S. 020 ANNA SILVER: grade 3 ELA, 6 of 76 at level 4; 2 ED, 0 LEP. */
  assert_count (district, "01M020", "ela-grade3-level4", "all", "2016", 6, 76);
  assert_value (district, "01M020", "ela-grade3-level4-students", "ED", "2016", 2);
  assert_value (district, "01M020", "ela-grade3-level4-students", "EL", "2016", 0);
  /* Row 02M343 THE PECK SLIP SCHOOL: attendance N/A, 5% ELL. */
  assert_suppressed (district, "02M343", "attendance", "all", "2016", "N/A");
  assert_value (district, "02M343", "enrollment-share", "EL", "2016", 5);
}

static void
test_real_co_math (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Colorado");
  g_autoptr(EpImporter) importer =
    import_real (district, "co-kidscount-headcount/Average proficiency on the CSAP_TCAP by race_ethnicity_ Math.csv",
                 "co-kidscount-csap-math.xml");
  EpMeasurement black, white;

  if (importer == NULL)
    return;
  g_assert_cmpuint (ep_importer_get_report (importer)->rows_read, ==, 5792);
  g_assert_cmpuint (ep_importer_get_report (importer)->n_problems, ==, 0);
  /* Rows "Colorado,Black,2011,Percent,0.3333" and "Colorado,White,2011,Percent,0.6585". */
  assert_value (district, "Colorado", "csap-math-proficient", "BL", "2011", 33.33);
  assert_value (district, "Colorado", "csap-math-proficient", "WH", "2011", 65.85);
  g_assert_true (lookup (district, "Colorado", "csap-math-proficient", "BL", "2011", &black));
  g_assert_true (lookup (district, "Colorado", "csap-math-proficient", "WH", "2011", &white));
  g_assert_cmpfloat_with_epsilon (white.value - black.value, 32.52, 1e-9);
  /* ACADEMY 20, 2013. */
  assert_value (district, "ACADEMY 20", "csap-math-proficient", "all", "2013", 69.683);
  assert_value (district, "ACADEMY 20", "csap-math-proficient", "AS", "2013", 80.53);
  assert_value (district, "ACADEMY 20", "csap-math-proficient", "BL", "2013", 44.04);
  /* ADAMS COUNTY 14, Asian: N/A in 2011, LNE in 2013. */
  assert_suppressed (district, "ADAMS COUNTY 14", "csap-math-proficient", "AS", "2011", "N/A");
  assert_suppressed (district, "ADAMS COUNTY 14", "csap-math-proficient", "AS", "2013", "LNE");
}

static void
test_real_co_dropout (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Colorado");
  g_autoptr(EpImporter) importer =
    import_real (district, "co-kidscount-headcount/Dropout rates by race and ethnicity.csv",
                 "co-kidscount-dropout.xml");

  if (importer == NULL)
    return;
  g_assert_cmpuint (ep_importer_get_report (importer)->n_problems, ==, 0);
  g_assert_nonnull (ep_district_find_group (district, "F"));
  /* Colorado 2012. */
  assert_value (district, "Colorado", "dropout-rate", "all", "2012", 2.9);
  assert_value (district, "Colorado", "dropout-rate", "BL", "2012", 4.4);
  assert_value (district, "Colorado", "dropout-rate", "HI", "2012", 4.7);
  assert_value (district, "Colorado", "dropout-rate", "WH", "2012", 1.9);
  /* DENVER COUNTY 1 2012. */
  assert_value (district, "DENVER COUNTY 1", "dropout-rate", "all", "2012", 5.7);
  assert_value (district, "DENVER COUNTY 1", "dropout-rate", "BL", "2012", 6.1);
  /* EAST YUMA COUNTY RJ-2 2011, All Students: N/A. */
  assert_suppressed (district, "EAST YUMA COUNTY RJ-2", "dropout-rate", "all", "2011", "N/A");
}

static void
test_real_co_enrollment (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Colorado");
  g_autoptr(EpImporter) importer =
    import_real (district, "co-kidscount-headcount/Pupil enrollment by race_ethnicity.csv",
                 "co-kidscount-enrollment.xml");
  const EpImportReport *report;
  const EpImportProblem *trap;

  if (importer == NULL)
    return;
  report = ep_importer_get_report (importer);
  g_assert_cmpuint (report->rows_read, ==, 22378);
  /* DENVER COUNTY 1 2014 (Number rows). */
  assert_value (district, "DENVER COUNTY 1", "enrollment", "BL", "2014", 12235);
  assert_value (district, "DENVER COUNTY 1", "enrollment", "HI", "2014", 50467);
  assert_value (district, "DENVER COUNTY 1", "enrollment", "WH", "2014", 19593);
  assert_value (district, "DENVER COUNTY 1", "enrollment", "all", "2014", 88839);
  /* Colorado 2014 and 2007. */
  assert_value (district, "Colorado", "enrollment", "all", "2014", 889006);
  assert_value (district, "Colorado", "enrollment", "HI", "2014", 294435);
  assert_value (district, "Colorado", "enrollment", "HI", "2007", 224250);
  /* The trap, data row 8 (line 9): "0.28    #X = 224250/.28" is reported,
   * not imported as 0.28, 28 or anything else. */
  g_assert_cmpuint (report->n_problems, ==, 1);
  trap = get_problem (report, 9);
  g_assert_nonnull (trap);
  g_assert_cmpstr (trap->column, ==, "Data");
  g_assert_nonnull (strstr (trap->reason, "#X = 224250/.28"));
  g_assert_false (lookup (district, "Colorado", "enrollment-share", "HI", "2007", NULL));
  assert_value (district, "Colorado", "enrollment-share", "AM", "2007", 1);
}

static void
test_real_crdc_va (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Virginia");
  g_autoptr(EpImporter) importer = import_real (district, "crdc-va-2021-22/va_cleaned_data.csv",
                                                "crdc-va-2021-22.xml");
  const EpImportReport *report;
  EpMeasurement m;

  if (importer == NULL)
    return;
  report = ep_importer_get_report (importer);
  g_assert_cmpuint (report->rows_read, ==, 1900);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 1900);

  /* Row 510012000054 ALEXANDRIA CITY HIGH SCHOOL: Black 589 + 573 = 1,162
   * enrolled, 14 + 15 = 29 in-school suspensions; White 9 of 1,094. */
  assert_count (district, "510012000054", "iss-wodis", "BL", "2021-22", 29, 1162);
  assert_count (district, "510012000054", "iss-wodis", "WH", "2021-22", 9, 1094);
  /* With students served under IDEA: 29 + 4 + 2. */
  assert_count (district, "510012000054", "iss", "BL", "2021-22", 35, 1162);
  assert_value (district, "510012000054", "enrollment", "all", "2021-22", 4405);
  g_assert_cmpstr (ep_school_get_name (ep_district_find_school (district, "510012000054")), ==,
                   "ALEXANDRIA CITY HIGH SCHOOL");
  /* Row 510126000516 LAKE BRADDOCK SECONDARY: 2,255 + 2,094 + 10 X students
   * (the file's total_enr, 4,349, leaves the X students out). */
  assert_value (district, "510126000516", "enrollment", "all", "2021-22", 4359);
  g_assert_true (lookup (district, "510126000516", "enrollment", "EL", "2021-22", &m));
  g_assert_cmpfloat (m.value, >=, 149 + 92);
  /* Row 510004202377 HIGHLANDS JUVENILE DETENTION HOME: no Black students,
   * 0 of 0: kept as counts, no rate invented. */
  assert_count (district, "510004202377", "iss-wodis", "BL", "2021-22", 0, 0);
  /* CRDC perturbs small counts: a few numerators exceed their
   * denominators; each is reported with its line, the rest imported. */
  g_assert_cmpuint (report->cells_skipped, ==, report->n_problems);
  for (guint i = 0; i < report->problems->len; i++)
    g_assert_cmpuint (g_array_index (report->problems, EpImportProblem, i).line, >, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/basic", test_csv_basic);
  g_test_add_func ("/csv/bom-semicolon-crlf", test_csv_bom_semicolon_crlf);
  g_test_add_func ("/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/csv/utf-16", test_csv_utf16);
  g_test_add_func ("/csv/tab", test_csv_tab);
  g_test_add_func ("/csv/quoted-newlines", test_csv_quoted_newlines);
  g_test_add_func ("/csv/ragged", test_csv_ragged);
  g_test_add_func ("/csv/overrides", test_csv_overrides);
  g_test_add_func ("/csv/blocks", test_csv_blocks);
  g_test_add_func ("/csv/unclosed-quote", test_csv_unclosed_quote);
  g_test_add_func ("/csv/progress-cancel", test_csv_progress_cancel);
  g_test_add_func ("/mapping/round-trip", test_mapping_round_trip);
  g_test_add_func ("/mapping/hostile", test_mapping_hostile);
  g_test_add_func ("/mapping/guess", test_mapping_guess);
  g_test_add_func ("/mapping/guess-population", test_mapping_guess_population);
  g_test_add_func ("/import/aggregate-rows", test_import_aggregate_rows);
  g_test_add_func ("/import/markers", test_import_markers);
  g_test_add_func ("/import/wide-crdc", test_import_wide_crdc);
  g_test_add_func ("/import/locale-numbers", test_import_locale_numbers);
  g_test_add_func ("/import/aliases-and-problems", test_import_aliases_and_problems);
  g_test_add_func ("/import/update-and-dry-run", test_import_update_and_dry_run);
  g_test_add_func ("/import/all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/import/async-and-properties", test_import_async_and_properties);
  g_test_add_func ("/realdata/wa-discipline-2014", test_real_wa);
  g_test_add_func ("/import/undo-redo", test_import_undo_redo);
  g_test_add_func ("/mapping/remove", test_mapping_remove);
  g_test_add_func ("/realdata/nyc-school-explorer-2016", test_real_nyc);
  g_test_add_func ("/realdata/co-csap-math", test_real_co_math);
  g_test_add_func ("/realdata/co-dropout", test_real_co_dropout);
  g_test_add_func ("/realdata/co-enrollment", test_real_co_enrollment);
  g_test_add_func ("/realdata/crdc-va-2021-22", test_real_crdc_va);

  return g_test_run ();
}
