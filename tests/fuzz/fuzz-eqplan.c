/* fuzz-eqplan.c — libFuzzer target for the .eqplan reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is read with ep_xml_read_bytes(). A refusal must be an error
 * whose message names the file; a district that loads must write out, read
 * back and write out again to the same bytes (round-trip oracle: the
 * writer is canonical, so equal bytes mean equal models). ASan, UBSan and
 * LeakSanitizer catch the rest. Criticals (failed preconditions) abort.
 */
#define G_LOG_DOMAIN "fuzz-eqplan"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ep-models.h"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(EpDistrict) again = NULL;
  g_autoptr(GBytes) second = NULL;

  district = ep_xml_read_bytes (bytes, "fuzz.eqplan", &error);
  if (district == NULL)
    {
      if (error == NULL || error->domain != EP_XML_ERROR ||
          !g_str_has_prefix (error->message, "fuzz.eqplan:"))
        g_error ("refused without a proper EP_XML_ERROR: %s",
                 error ? error->message : "(no error)");
      return 0;
    }
  g_assert (error == NULL);

  first = ep_xml_write_bytes (district);
  again = ep_xml_read_bytes (first, "first.eqplan", &error);
  if (again == NULL)
    g_error ("a loaded district wrote a file that does not read back: %s\n---\n%.*s",
             error->message, (int) MIN (g_bytes_get_size (first), 4096),
             (const char *) g_bytes_get_data (first, NULL));
  second = ep_xml_write_bytes (again);
  if (!g_bytes_equal (first, second))
    fuzz_report_difference ("the round trip changed the district", first, second);
  return 0;
}
