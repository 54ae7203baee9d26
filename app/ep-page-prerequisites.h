/* ep-page-prerequisites.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-page.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE_PREREQUISITES (ep_page_prerequisites_get_type ())

G_DECLARE_FINAL_TYPE (EpPagePrerequisites, ep_page_prerequisites, EP, PREREQUISITES_PAGE, EpPage)

G_END_DECLS
