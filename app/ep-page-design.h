/* ep-page-design.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-page.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE_DESIGN (ep_page_design_get_type ())

G_DECLARE_FINAL_TYPE (EpPageDesign, ep_page_design, EP, DESIGN_PAGE, EpPage)

G_END_DECLS
