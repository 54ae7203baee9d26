/* make-corpus.c — writes the seed corpus of fuzz-eqplan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: make-corpus DIR. Writes every inline document of tests/test-xml.c
 * (its refusal cases and its accepted documents), a small synthetic
 * district and the demo district to DIR, one file each. build-aux/fuzz
 * runs it before fuzzing; the output is also committed as
 * tests/fuzz/corpus-eqplan/.
 */
#define main test_xml_main
#include "../test-xml.c"
#undef main

int main (int argc, char **argv);

static void
put (const char *dir,
     const char *name,
     const void *data,
     gsize       len)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.eqplan", dir, name);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, (gssize) len, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = argc > 1 ? argv[1] : ".";
  static const char *accepted[] = {
    HEAD GROUPS
    "  <school id=\"S1\"><name>A</name>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>"
    "</school>\n</district>\n",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" xmlns:o=\"urn:example:other\" version=\"1.3\">\n"
    GROUPS
    "  <school id=\"S1\" sector=\"public\">\n"
    "    <name>A</name>\n"
    "    <plan cycle=\"2025-26\" o:origin=\"import\">\n"
    "      <budget-lines><line amount=\"1200\">Interpreters &amp; childcare</line></budget-lines>\n"
    "    </plan>\n"
    "    <o:note level=\"2\">kept <o:b>as is</o:b></o:note>\n"
    "  </school>\n"
    "</district>\n",
  };

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      gsize len = g_str_equal (bad_cases[i].name, "garbage") ? 17 : strlen (bad_cases[i].xml);
      g_autofree char *name = g_strconcat ("refused-", bad_cases[i].name, NULL);
      put (dir, name, bad_cases[i].xml, len);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *name = g_strdup_printf ("accepted-%u", i);
      put (dir, name, accepted[i], strlen (accepted[i]));
    }
  {
    g_autoptr(EpDistrict) synth = ep_synth_district (2, 1, 3);
    g_autoptr(GBytes) bytes = ep_xml_write_bytes (synth);
    put (dir, "synth-small", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  {
    g_autoptr(EpDistrict) demo = ep_test_load_demo ();
    g_autoptr(GBytes) bytes = ep_xml_write_bytes (demo);
    put (dir, "demo", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  return 0;
}
