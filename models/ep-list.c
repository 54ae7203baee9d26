/* ep-list.c — the model's lists: a GListModel over a plain array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-list"

#include "config.h"

#include "ep-list.h"

struct _EpList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EpList, ep_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ep_list_get_item_type (GListModel *model)
{
  return EP_LIST (model)->item_type;
}

static guint
ep_list_get_n_items (GListModel *model)
{
  return EP_LIST (model)->items->len;
}

static gpointer
ep_list_get_item (GListModel *model,
                  guint       position)
{
  EpList *self = EP_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ep_list_get_item_type;
  iface->get_n_items = ep_list_get_n_items;
  iface->get_item = ep_list_get_item;
}

static void
ep_list_finalize (GObject *object)
{
  EpList *self = EP_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (ep_list_parent_class)->finalize (object);
}

static void
ep_list_class_init (EpListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ep_list_finalize;
}

static void
ep_list_init (EpList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

EpList *
ep_list_new (GType item_type)
{
  EpList *self = g_object_new (EP_TYPE_LIST, NULL);

  self->item_type = item_type;
  return self;
}

/**
 * ep_list_insert:
 * @position: where; past the end appends
 * @item: (transfer none): an object of the list's item type
 */
void
ep_list_insert (EpList   *self,
                guint     position,
                gpointer  item)
{
  g_return_if_fail (EP_IS_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  position = MIN (position, self->items->len);
  g_ptr_array_insert (self->items, (int) position, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

gboolean
ep_list_find (EpList   *self,
              gpointer  item,
              guint    *position)
{
  g_return_val_if_fail (EP_IS_LIST (self), FALSE);
  return g_ptr_array_find (self->items, item, position);
}

gboolean
ep_list_remove (EpList   *self,
                gpointer  item)
{
  guint position;

  g_return_val_if_fail (EP_IS_LIST (self), FALSE);

  if (!g_ptr_array_find (self->items, item, &position))
    return FALSE;
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

guint
ep_list_length (EpList *self)
{
  g_return_val_if_fail (EP_IS_LIST (self), 0);
  return self->items->len;
}

/**
 * ep_list_peek:
 *
 * Returns: (transfer none): the item at @position
 */
gpointer
ep_list_peek (EpList *self,
              guint   position)
{
  g_return_val_if_fail (EP_IS_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}
