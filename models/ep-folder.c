/* ep-folder.c — a district gathered from a folder of .eqplan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-folder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ep-folder.h"
#include "ep-xml.h"

void
ep_folder_file_free (EpFolderFile *file)
{
  if (file == NULL)
    return;
  g_clear_object (&file->file);
  g_free (file->etag);
  g_clear_error (&file->error);
  g_free (file);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_basename ((*(EpFolderFile * const *) a)->file);
  g_autofree char *y = g_file_get_basename ((*(EpFolderFile * const *) b)->file);

  return strcmp (x, y);
}

/* Adds @other's groups and schools to @district; a school whose id is
 * taken already is reported in @entry's error and left out. */
static void
gather (EpDistrict   *district,
        EpDistrict   *other,
        EpFolderFile *entry)
{
  GListModel *groups = ep_district_get_groups (other);
  GListModel *schools = ep_district_get_schools (other);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);

      if (ep_district_find_group (district, ep_student_group_get_id (group)) == NULL)
        {
          g_autoptr(EpStudentGroup) copy = ep_student_group_new ();

          ep_student_group_set_id (copy, ep_student_group_get_id (group));
          ep_student_group_set_category (copy, ep_student_group_get_category (group));
          ep_student_group_set_label (copy, ep_student_group_get_label (group));
          ep_district_add_group (district, copy);
        }
    }
  while (g_list_model_get_n_items (schools) > 0)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, 0);
      g_autoptr(GError) error = NULL;

      ep_district_remove_school (other, school);
      if (ep_district_add_school (district, school, &error))
        entry->n_schools++;
      else if (entry->error == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (entry->file);
          /* Translators: a file of a folder of plans; the school's id; why it was left out */
          entry->error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s: school %s left out: %s"),
                                      name, ep_school_get_id (school), error->message);
        }
    }
}

/**
 * ep_folder_read:
 * @files: (out) (optional) (element-type EpFolderFile): every .eqplan file
 *   found, in name order, with its etag or why it failed
 *
 * Reads every .eqplan file of @folder (not its subfolders) and gathers
 * their schools into one district: the first readable file's publication
 * rules and name, every file's student groups.
 *
 * Returns: (transfer full) (nullable): the district, or %NULL with @error
 *   when the folder cannot be listed or no file can be read
 */
EpDistrict *
ep_folder_read (GFile         *folder,
                GCancellable  *cancellable,
                GPtrArray    **files,
                GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ep_folder_file_free);
  g_autoptr(EpDistrict) district = NULL;
  GFileInfo *info;
  GFile *child;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_ETAG_VALUE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;
  while (g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error) && info != NULL)
    {
      EpFolderFile *entry;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (g_file_info_get_name (info), ".eqplan"))
        continue;
      entry = g_new0 (EpFolderFile, 1);
      entry->file = g_object_ref (child);
      entry->etag = g_strdup (g_file_info_get_etag (info));
      g_ptr_array_add (entries, entry);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  g_ptr_array_sort (entries, compare_files);

  for (guint i = 0; i < entries->len; i++)
    {
      EpFolderFile *entry = entries->pdata[i];
      g_autoptr(EpDistrict) one = ep_xml_read_file (entry->file, NULL, cancellable, &entry->error);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (one == NULL)
        continue;
      if (district == NULL)
        {
          district = g_steal_pointer (&one);
          entry->n_schools = g_list_model_get_n_items (ep_district_get_schools (district));
        }
      else
        gather (district, one, entry);
    }

  if (district == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);
      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: no .eqplan file in it could be read"), name);
      if (files != NULL)
        *files = g_steal_pointer (&entries);
      return NULL;
    }
  if (files != NULL)
    *files = g_steal_pointer (&entries);
  return g_steal_pointer (&district);
}

/**
 * ep_folder_changed:
 * @files: (element-type EpFolderFile): as ep_folder_read() gave them
 *
 * Returns: (transfer full) (element-type GFile): the files that changed,
 *   appeared or disappeared since @files were read (empty when none)
 */
GPtrArray *
ep_folder_changed (GFile        *folder,
                   GPtrArray    *files,
                   GCancellable *cancellable)
{
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  g_return_val_if_fail (G_IS_FILE (folder), changed);
  g_return_val_if_fail (files != NULL, changed);

  /* Gone or changed. */
  for (guint i = 0; i < files->len; i++)
    {
      EpFolderFile *entry = files->pdata[i];
      g_autoptr(GFileInfo) current = g_file_query_info (entry->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (current == NULL || g_strcmp0 (g_file_info_get_etag (current), entry->etag) != 0)
        g_ptr_array_add (changed, g_object_ref (entry->file));
    }

  /* New. */
  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  while (enumerator != NULL && g_file_enumerator_iterate (enumerator, &info, &child, cancellable, NULL) && info != NULL)
    {
      gboolean known = FALSE;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (g_file_info_get_name (info), ".eqplan"))
        continue;
      for (guint i = 0; i < files->len && !known; i++)
        known = g_file_equal (((EpFolderFile *) files->pdata[i])->file, child);
      if (!known)
        g_ptr_array_add (changed, g_object_ref (child));
    }
  return changed;
}
