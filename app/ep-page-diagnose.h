/* ep-page-diagnose.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-page.h"

G_BEGIN_DECLS

#define EP_TYPE_PAGE_DIAGNOSE (ep_page_diagnose_get_type ())

G_DECLARE_FINAL_TYPE (EpPageDiagnose, ep_page_diagnose, EP, DIAGNOSE_PAGE, EpPage)

GListModel *ep_page_diagnose_get_rows (EpPageDiagnose *self);

G_END_DECLS
