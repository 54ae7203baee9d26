/* test-save.c — atomic saves, backups, conflicts, crashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ep-test-util.h"

static GBytes *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save_new (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) district = ep_synth_district (3, 2, 1);
  g_autoptr(GBytes) expected = ep_xml_write_bytes (district);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_assert_true (ep_xml_save (district, file, NULL, TRUE, &etag, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  saved = read_all (path);
  g_assert_true (g_bytes_equal (saved, expected));
  /* Nothing to back up the first time, and no temporary file left. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  ep_test_rm_rf (dir);
}

static void
test_save_backup (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.eqplan", NULL);
  g_autofree char *bak = g_build_filename (dir, "plan.eqplan.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) first = ep_synth_district (3, 2, 1);
  g_autoptr(EpDistrict) second = ep_synth_district (3, 2, 2);
  g_autoptr(GBytes) first_bytes = ep_xml_write_bytes (first);
  g_autoptr(GBytes) second_bytes = ep_xml_write_bytes (second);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) in_bak = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ep_xml_save (first, file, NULL, TRUE, &etag, NULL, NULL, NULL, &error));
  g_assert_true (ep_xml_save (second, file, etag, TRUE, &etag2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  on_disk = read_all (path);
  in_bak = read_all (bak);
  g_assert_true (g_bytes_equal (on_disk, second_bytes));
  g_assert_nonnull (in_bak);
  g_assert_true (g_bytes_equal (in_bak, first_bytes));
  g_assert_cmpuint (count_entries (dir), ==, 2);

  ep_test_rm_rf (dir);
}

static void
test_save_conflict (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.eqplan", NULL);
  g_autofree char *bak = g_build_filename (dir, "plan.eqplan.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) mine = ep_synth_district (3, 2, 1);
  g_autoptr(EpDistrict) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *their_text = "changed by a colleague on the shared drive\n";

  g_assert_true (ep_xml_save (mine, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));
  read_back = ep_xml_read_file (file, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  /* Someone else writes the file; make sure its time differs. */
  g_usleep (G_USEC_PER_SEC / 100);
  g_assert_true (g_file_set_contents (path, their_text, -1, NULL));
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
    if (g_strcmp0 (g_file_info_get_etag (info), etag) == 0)
      {
        /* Same second and microsecond: move the time on explicitly. */
        g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                    g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) + 5,
                                                    0, NULL, NULL));
      }
  }
  theirs = read_all (path);

  g_assert_false (ep_xml_save (read_back, file, etag, TRUE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, EP_XML_ERROR, EP_XML_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  /* Their version is untouched, and no backup was made from it either. */
  after = read_all (path);
  g_assert_true (g_bytes_equal (after, theirs));
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));

  /* Without backups, the conflict is caught by the replace itself. */
  g_assert_false (ep_xml_save (read_back, file, etag, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, EP_XML_ERROR, EP_XML_ERROR_CONFLICT);
  g_clear_error (&error);

  /* With consent (no etag), it saves. */
  g_assert_true (ep_xml_save (read_back, file, NULL, TRUE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  ep_test_rm_rf (dir);
}

typedef struct {
  GCancellable *cancellable;
  guint64       cancel_after;
  guint         calls;
} CancelAt;

static void
progress_cancel_cb (guint64  bytes,
                    gpointer user_data)
{
  CancelAt *at = user_data;

  at->calls++;
  if (bytes >= at->cancel_after)
    g_cancellable_cancel (at->cancellable);
}

/* Interrupting a save at any point leaves the old file, whole, and no
 * temporary file behind. */
static void
test_save_interrupted (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.eqplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) old = ep_synth_district (2, 1, 1);
  g_autoptr(EpDistrict) big = ep_synth_district (60, 3, 2);
  g_autoptr(GBytes) old_bytes = ep_xml_write_bytes (old);
  g_autoptr(GError) error = NULL;
  gsize big_size;

  {
    g_autoptr(GBytes) b = ep_xml_write_bytes (big);
    big_size = g_bytes_get_size (b);
  }
  g_assert_cmpuint (big_size, >, 4 * 65536);
  g_assert_true (ep_xml_save (old, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));

  for (guint64 at = 1; at < big_size; at += big_size / 7)
    {
      CancelAt cancel = { g_cancellable_new (), at, 0 };
      g_autoptr(GBytes) now = NULL;

      g_assert_false (ep_xml_save (big, file, NULL, FALSE, NULL, progress_cancel_cb, &cancel,
                                   cancel.cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (cancel.calls, >, 0);

      now = read_all (path);
      g_assert_true (g_bytes_equal (now, old_bytes));
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_object_unref (cancel.cancellable);
    }

  ep_test_rm_rf (dir);
}

/* A process killed at a random moment while saving leaves either the old
 * file or the new one: never a mixture, never nothing. The child saves a
 * large district (200 schools) and a second version of it in turn, with
 * backups, until it is killed; the parent kills it after a random delay,
 * then reads what is on disk. EP_SAVE_KILLS sets the number of kills
 * (default 200, kept under a minute; the hardening note used 1,000). */
static void
test_save_killed (void)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.eqplan", NULL);
  g_autofree char *bak = g_build_filename (dir, "plan.eqplan.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EpDistrict) a = ep_synth_district (200, 3, 11);
  g_autoptr(EpDistrict) b = ep_synth_district (200, 3, 12);
  g_autoptr(GBytes) a_bytes = ep_xml_write_bytes (a);
  g_autoptr(GBytes) b_bytes = ep_xml_write_bytes (b);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  const char *env = g_getenv ("EP_SAVE_KILLS");
  guint kills = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 200;
  guint saw_old = 0, saw_new = 0, bak_whole = 0, bak_partial = 0;
  gboolean last_was_b = FALSE;
  gint64 save_usec, start;

  g_assert_cmpuint (kills, >, 0);
  /* Both versions read as districts: a file equal to one of them does. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EpDistrict) d = ep_xml_read_bytes (i ? b_bytes : a_bytes, path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (d);
    }
  g_assert_true (ep_xml_save (a, file, NULL, TRUE, NULL, NULL, NULL, NULL, NULL));
  /* Kill within about two saves, so that kills land everywhere in one. */
  start = g_get_monotonic_time ();
  g_assert_true (ep_xml_save (b, file, NULL, TRUE, NULL, NULL, NULL, NULL, NULL));
  g_assert_true (ep_xml_save (a, file, NULL, TRUE, NULL, NULL, NULL, NULL, NULL));
  save_usec = MAX ((g_get_monotonic_time () - start) / 2, 1000);

  for (guint round = 0; round < kills; round++)
    {
      /* The child starts with the version that is not on disk, so that
       * every kill can land in a save that changes the file. */
      EpDistrict *first = last_was_b ? a : b;
      EpDistrict *second = first == a ? b : a;
      pid_t pid = fork ();
      int status;
      g_autoptr(GBytes) now = NULL;
      g_autoptr(GBytes) backup = NULL;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* The child saves the two versions in turn until killed. */
          for (guint i = 0;; i++)
            ep_xml_save (i % 2 ? second : first, file, NULL, TRUE, NULL, NULL, NULL, NULL, NULL);
        }

      g_usleep (g_rand_int_range (rand, 0, (gint32) (2 * save_usec)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      now = read_all (path);
      if (now == NULL)
        g_error ("after a kill in round %u there is no file", round);
      if (g_bytes_equal (now, a_bytes) || g_bytes_equal (now, b_bytes))
        {
          gboolean is_b = g_bytes_equal (now, b_bytes);

          /* The child began by writing "first" over the other version. */
          if ((first == b) == is_b)
            saw_new++;
          else
            saw_old++;
          last_was_b = is_b;
        }
      else
        g_error ("after a kill in round %u the file is neither version (%zu bytes)",
                 round, g_bytes_get_size (now));

      /* The backup is a plain copy, not promised to be whole after a
       * kill; count how often it is. */
      backup = read_all (bak);
      if (backup && (g_bytes_equal (backup, a_bytes) || g_bytes_equal (backup, b_bytes)))
        bak_whole++;
      else
        bak_partial++;
    }
  g_test_message ("one save takes %.0f ms", save_usec / 1000.0);
  g_test_message ("killed %u saves: the file was the old version %u times and the new one %u times, "
                  "never anything else; the .bak was whole %u times, not whole %u times; "
                  "%u files in the folder at the end (temporary files of killed saves)",
                  kills, saw_old, saw_new, bak_whole, bak_partial, count_entries (dir));
  g_assert_cmpuint (saw_old + saw_new, ==, kills);

  ep_test_rm_rf (dir);
}

static void
test_save_unwritable (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/version/plan.eqplan");
  g_autoptr(EpDistrict) district = ep_synth_district (1, 1, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (ep_xml_save (district, file, NULL, TRUE, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "/proc/version/plan.eqplan: "));
}

/* A small tmpfs, when we may mount one (root); NULL otherwise. */
static char *
mount_small_tmpfs (const char *size)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_test_message ("cannot mount a tmpfs (%s)", g_strerror (errno));
      g_rmdir (dir);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static void
unmount_tmpfs (const char *dir)
{
  g_assert_cmpint (umount (dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* What a failed save must leave: a clear error naming the file, the old
 * file as it was, the district in memory as it was, no temporary file. */
static void
assert_failed_save_harmless (EpDistrict *district,
                             GBytes     *district_before,
                             const char *dir,
                             const char *path,
                             GBytes     *old_bytes,
                             guint       entries_before,
                             GError     *error)
{
  g_autoptr(GBytes) now = read_all (path);
  g_autoptr(GBytes) district_after = ep_xml_write_bytes (district);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_bytes_equal (now, old_bytes));
  g_assert_true (g_bytes_equal (district_after, district_before));
  g_assert_cmpuint (count_entries (dir), ==, entries_before);
}

/* A disk that fills up while saving: 256 kB of tmpfs, a plan of several
 * MB. */
static void
test_save_full_disk (void)
{
  g_autofree char *dir = mount_small_tmpfs ("256k");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(EpDistrict) old = ep_synth_district (2, 1, 1);
  g_autoptr(EpDistrict) big = ep_synth_district (200, 3, 2);
  g_autoptr(GBytes) old_bytes = ep_xml_write_bytes (old);
  g_autoptr(GBytes) big_before = ep_xml_write_bytes (big);
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    {
      g_test_skip ("needs root to mount a small tmpfs");
      return;
    }
  path = g_build_filename (dir, "plan.eqplan", NULL);
  file = g_file_new_for_path (path);
  g_assert_cmpuint (g_bytes_get_size (big_before), >, 1 << 20);
  g_assert_true (ep_xml_save (old, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (ep_xml_save (big, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_failed_save_harmless (big, big_before, dir, path, old_bytes, 1, error);
  g_clear_error (&error);

  /* With a backup: the backup is made, the save fails the same way. */
  g_assert_false (ep_xml_save (big, file, NULL, TRUE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_failed_save_harmless (big, big_before, dir, path, old_bytes, 2, error);

  unmount_tmpfs (dir);
}

/* A folder we may not write to: read-only (a read-only mount when root,
 * who ignores permissions; a 0555 folder otherwise). */
static void
test_save_read_only_folder (void)
{
  gboolean mounted = TRUE;
  g_autofree char *dir = mount_small_tmpfs ("1m");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(EpDistrict) old = ep_synth_district (2, 1, 1);
  g_autoptr(EpDistrict) district = ep_synth_district (3, 1, 2);
  g_autoptr(GBytes) old_bytes = ep_xml_write_bytes (old);
  g_autoptr(GBytes) before = ep_xml_write_bytes (district);
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    {
      mounted = FALSE;
      dir = ep_test_make_tmpdir ();
    }
  path = g_build_filename (dir, "plan.eqplan", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ep_xml_save (old, file, NULL, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (mounted)
    g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  for (guint backup = 0; backup < 2; backup++)
    {
      g_assert_false (ep_xml_save (district, file, NULL, backup, NULL, NULL, NULL, NULL, &error));
      assert_failed_save_harmless (district, before, dir, path, old_bytes, 1, error);
      g_clear_error (&error);
    }

  if (mounted)
    unmount_tmpfs (dir);
  else
    {
      g_chmod (dir, 0755);
      ep_test_rm_rf (dir);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/new", test_save_new);
  g_test_add_func ("/save/backup", test_save_backup);
  g_test_add_func ("/save/conflict", test_save_conflict);
  g_test_add_func ("/save/interrupted", test_save_interrupted);
  g_test_add_func ("/save/killed", test_save_killed);
  g_test_add_func ("/save/unwritable", test_save_unwritable);
  g_test_add_func ("/save/full-disk", test_save_full_disk);
  g_test_add_func ("/save/read-only-folder", test_save_read_only_folder);

  return g_test_run ();
}
