/* ep-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-models.h"

G_BEGIN_DECLS

char       *ep_test_source_path   (const char  *relative);
EpDistrict *ep_test_read_string   (const char  *xml,
                                   GError     **error);
char       *ep_test_write_string  (EpDistrict  *district);
EpDistrict *ep_test_load_demo     (void);
char       *ep_test_make_tmpdir   (void);
void        ep_test_rm_rf         (const char  *path);

G_END_DECLS
