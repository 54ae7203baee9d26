/* ep-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ep-test-util.h"

char *
ep_test_source_path (const char *relative)
{
  const char *root = g_getenv ("EP_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

EpDistrict *
ep_test_read_string (const char  *xml,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  return ep_xml_read_bytes (bytes, "test.eqplan", error);
}

char *
ep_test_write_string (EpDistrict *district)
{
  g_autoptr(GBytes) bytes = ep_xml_write_bytes (district);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

EpDistrict *
ep_test_load_demo (void)
{
  g_autofree char *path = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EpDistrict *district = ep_xml_read_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (district);
  return district;
}

char *
ep_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ep-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ep_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          ep_test_rm_rf (child);
        }
    }
  g_remove (path);
}
