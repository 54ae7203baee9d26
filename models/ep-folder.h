/* ep-folder.h — a district gathered from a folder of .eqplan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many districts keep one .eqplan per school in a shared folder. Reading
 * the folder (through GIO, so a network share mounted by GVfs works as a
 * local one) gathers every school into one district for the district view
 * and the board packet. Files that fail to load are reported, not fatal;
 * each file's etag is kept so that changes since the read can be noticed.
 */
#pragma once

#include <gio/gio.h>

#include "ep-district.h"

G_BEGIN_DECLS

/**
 * EpFolderFile:
 * @file: the .eqplan file
 * @etag: (nullable): its entity tag when read
 * @error: (nullable): why it could not be read (FILE:LINE:COLUMN: message)
 * @n_schools: schools taken from it
 */
typedef struct {
  GFile  *file;
  char   *etag;
  GError *error;
  guint   n_schools;
} EpFolderFile;

void        ep_folder_file_free (EpFolderFile *file);

EpDistrict *ep_folder_read      (GFile         *folder,
                                 GCancellable  *cancellable,
                                 GPtrArray    **files,
                                 GError       **error);
GPtrArray  *ep_folder_changed   (GFile         *folder,
                                 GPtrArray     *files,
                                 GCancellable  *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpFolderFile, ep_folder_file_free)

G_END_DECLS
