/* ep-list.h — the model's lists: a GListModel over a plain array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EP_TYPE_LIST (ep_list_get_type ())

/**
 * EpList:
 *
 * A list of model objects of one type. It costs one pointer per item
 * (GListStore costs a tree node), which matters with a million items in a
 * district. Only the model changes it; views read it as a GListModel.
 */
G_DECLARE_FINAL_TYPE (EpList, ep_list, EP, LIST, GObject)

EpList  *ep_list_new    (GType     item_type);
void     ep_list_insert (EpList   *self,
                         guint     position,
                         gpointer  item);
gboolean ep_list_remove (EpList   *self,
                         gpointer  item);
gboolean ep_list_find   (EpList   *self,
                         gpointer  item,
                         guint    *position);
guint    ep_list_length (EpList   *self);
gpointer ep_list_peek   (EpList   *self,
                         guint     position);

G_END_DECLS
