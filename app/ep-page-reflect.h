/* ep-page-reflect.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-page.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE_REFLECT (ep_page_reflect_get_type ())

G_DECLARE_FINAL_TYPE (EpPageReflect, ep_page_reflect, EP, REFLECT_PAGE, EpPage)

G_END_DECLS
