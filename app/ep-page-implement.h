/* ep-page-implement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-page.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE_IMPLEMENT (ep_page_implement_get_type ())

G_DECLARE_FINAL_TYPE (EpPageImplement, ep_page_implement, EP, IMPLEMENT_PAGE, EpPage)

G_END_DECLS
