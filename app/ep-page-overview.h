/* ep-page-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-page.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE_OVERVIEW (ep_page_overview_get_type ())

G_DECLARE_FINAL_TYPE (EpPageOverview, ep_page_overview, EP, OVERVIEW_PAGE, EpPage)

G_END_DECLS
