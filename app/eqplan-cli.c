/* eqplan-cli.c — what the eqplan commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "eqplan-cli.h"

int
eqplan_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("eqplan: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

gboolean
eqplan_parse_options (GOptionContext  *context,
                      int             *argc,
                      char          ***argv,
                      int             *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = eqplan_usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

GFile *
eqplan_file_for_arg (const char *arg)
{
  return g_file_new_for_commandline_arg (arg);
}

EpDistrict *
eqplan_load (const char *arg)
{
  g_autoptr(GFile) file = eqplan_file_for_arg (arg);
  g_autoptr(GError) error = NULL;
  EpDistrict *district = ep_xml_read_file (file, NULL, NULL, &error);

  if (district == NULL)
    g_printerr ("%s\n", error->message);
  return district;
}

EpSchool *
eqplan_find_school (EpDistrict *district,
                    const char *file,
                    const char *id)
{
  EpSchool *school = ep_district_find_school (district, id);

  if (school == NULL)
    /* Translators: the first %s is a file name, the second a school id */
    g_printerr (_("eqplan: %s has no school with id “%s”\n"), file, id);
  return school;
}
