/* fuzz-mapping.c — libFuzzer target for the import-mapping reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is read with ep_mapping_read_bytes(). A refusal must be an
 * EP_XML_ERROR or EP_MAPPING_ERROR naming the file; a mapping that loads
 * must write out, read back and write out again to the same bytes.
 */
#define G_LOG_DOMAIN "fuzz-mapping"

#include "config.h"

#include <stdint.h>

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
  g_autoptr(EpMapping) mapping = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(EpMapping) again = NULL;
  g_autoptr(GBytes) second = NULL;

  mapping = ep_mapping_read_bytes (bytes, "fuzz.xml", &error);
  if (mapping == NULL)
    {
      if (error == NULL || (error->domain != EP_XML_ERROR && error->domain != EP_MAPPING_ERROR) ||
          !g_str_has_prefix (error->message, "fuzz.xml:"))
        g_error ("refused without a proper error: %s", error ? error->message : "(no error)");
      return 0;
    }
  g_assert (error == NULL);

  first = ep_mapping_write_bytes (mapping);
  again = ep_mapping_read_bytes (first, "first.xml", &error);
  if (again == NULL)
    g_error ("a loaded mapping wrote a file that does not read back: %s\n---\n%.*s",
             error->message, (int) MIN (g_bytes_get_size (first), 4096),
             (const char *) g_bytes_get_data (first, NULL));
  second = ep_mapping_write_bytes (again);
  if (!g_bytes_equal (first, second))
    fuzz_report_difference ("the round trip changed the mapping", first, second);
  return 0;
}
