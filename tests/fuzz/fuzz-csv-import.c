/* fuzz-csv-import.c — libFuzzer target for the CSV reader and importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: byte 0 picks the mapping (the shipped ones in data/mappings and a
 * long-layout one), byte 1 the delimiter (automatic, comma, semicolon,
 * tab) and the encoding (automatic, Windows-1252, UTF-16LE); the rest is
 * the CSV file. It is imported into a small district; a failure must be an
 * error naming the file; an import that succeeds is applied, and the
 * district must still write, read back and write again to the same bytes.
 */
#define G_LOG_DOMAIN "fuzz-csv-import"

#include "config.h"

#include <stdint.h>

#include "ep-models.h"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

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

/* Index 0 is long_mapping; the order matters to the seed corpus
 * (tests/fuzz/corpus-csv-import/, whose first byte picks one). */
static const char * const shipped[] = {
  "wa-discipline-2014.xml",
  "nyc-school-explorer-2016.xml",
  "co-kidscount-csap-math.xml",
  "co-kidscount-dropout.xml",
  "co-kidscount-enrollment.xml",
  "crdc-va-2021-22.xml",
  "crdc-school.xml",
};

static GPtrArray *mappings;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (long_mapping, sizeof long_mapping - 1);
  g_autoptr(GError) error = NULL;

  fuzz_init_logging ();
  mappings = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (mappings, ep_mapping_read_bytes (bytes, "long.xml", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *path = g_build_filename (EP_SOURCE_ROOT, "data", "mappings", shipped[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      EpMapping *m = ep_mapping_read_file (file, NULL, &error);

      if (m == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (mappings, m);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const char * const encodings[] = { NULL, "WINDOWS-1252", "UTF-16LE", NULL };
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(EpImporter) importer = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  EpMapping *mapping;

  if (size < 2)
    return 0;
  mapping = g_ptr_array_index (mappings, data[0] % mappings->len);
  district = ep_district_new ("Fuzz");
  ep_district_add_standard_groups (district);
  importer = ep_importer_new (district, mapping);
  if (delimiters[data[1] & 3])
    ep_importer_set_delimiter (importer, delimiters[data[1] & 3]);
  if (encodings[(data[1] >> 2) & 3])
    ep_importer_set_encoding (importer, encodings[(data[1] >> 2) & 3]);
  stream = g_memory_input_stream_new_from_data (data + 2, (gssize) (size - 2), NULL);

  if (!ep_importer_read (importer, stream, "fuzz.csv", NULL, &error))
    {
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.csv"))
        g_error ("the import failed without an error naming the file: %s",
                 error ? error->message : "(no error)");
      return 0;
    }
  g_assert (error == NULL);
  g_free (ep_import_report_format (ep_importer_get_report (importer), 20));
  ep_importer_apply (importer);

  {
    g_autoptr(GBytes) first = ep_xml_write_bytes (district);
    g_autoptr(EpDistrict) again = ep_xml_read_bytes (first, "imported.eqplan", &error);
    g_autoptr(GBytes) second = NULL;

    if (again == NULL)
      g_error ("an imported district does not read back: %s\n---\n%.*s", error->message,
               (int) MIN (g_bytes_get_size (first), 4096), (const char *) g_bytes_get_data (first, NULL));
    second = ep_xml_write_bytes (again);
    if (!g_bytes_equal (first, second))
      fuzz_report_difference ("an imported district changed in the round trip", first, second);
  }
  return 0;
}
