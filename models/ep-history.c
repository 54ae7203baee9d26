/* ep-history.c — undo and redo over the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "ep-history.h"
#include "ep-node.h"
#include "ep-node-private.h"

/* Typing into one field within this time makes one undo step. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

typedef struct _Command Command;

struct _Command {
  char          *label;
  EpCommandFunc  apply;
  EpCommandFunc  revert;
  gpointer       data;
  GDestroyNotify destroy;
  /* For coalescing property edits. */
  GObject       *object;
  GParamSpec    *pspec;
  gint64         time;
};

struct _EpHistory {
  GObject    parent_instance;

  GPtrArray *undo;          /* Command*, oldest first */
  GPtrArray *redo;          /* Command*, next to redo last */
  GPtrArray *groups;        /* open groups: GPtrArray of Command* */
  GPtrArray *group_labels;
  /* The command on top of the undo stack when saved; NULL with
   * saved_depth 0 means the empty stack. Compared by identity. */
  gpointer   saved_top;
  gboolean   saved_lost;    /* the saved state was dropped from redo */
  gboolean   busy;          /* applying or reverting */
};

G_DEFINE_FINAL_TYPE (EpHistory, ep_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
command_free (gpointer p)
{
  Command *c = p;

  if (c->destroy != NULL)
    c->destroy (c->data);
  g_free (c->label);
  g_free (c);
}

static Command *
top (GPtrArray *stack)
{
  return stack->len > 0 ? stack->pdata[stack->len - 1] : NULL;
}

static void
notify_all (EpHistory *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ep_history_finalize (GObject *object)
{
  EpHistory *self = EP_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->group_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (ep_history_parent_class)->finalize (object);
}

static void
ep_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EpHistory *self = EP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ep_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ep_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, ep_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, ep_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ep_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_history_class_init (EpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ep_history_finalize;
  object_class->get_property = ep_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);

  /**
   * EpHistory::changed:
   *
   * Emitted after every change to the stack or the model through it: a new
   * step, typing that extends the last step (which changes no property),
   * undo, redo, clear. For autosave.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ep_history_init (EpHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (command_free);
  self->redo = g_ptr_array_new_with_free_func (command_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->group_labels = g_ptr_array_new_with_free_func (g_free);
}

EpHistory *
ep_history_new (void)
{
  return g_object_new (EP_TYPE_HISTORY, NULL);
}

gboolean
ep_history_get_can_undo (EpHistory *self)
{
  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
ep_history_get_can_redo (EpHistory *self)
{
  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
ep_history_get_undo_label (EpHistory *self)
{
  Command *c;

  g_return_val_if_fail (EP_IS_HISTORY (self), NULL);
  c = top (self->undo);
  return c ? c->label : NULL;
}

const char *
ep_history_get_redo_label (EpHistory *self)
{
  Command *c;

  g_return_val_if_fail (EP_IS_HISTORY (self), NULL);
  c = top (self->redo);
  return c ? c->label : NULL;
}

/**
 * ep_history_get_modified:
 *
 * Whether the model differs from what was last saved (or loaded): undoing
 * back to the saved state makes it unmodified again.
 */
gboolean
ep_history_get_modified (EpHistory *self)
{
  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  return self->saved_lost || top (self->undo) != self->saved_top;
}

void
ep_history_mark_saved (EpHistory *self)
{
  g_return_if_fail (EP_IS_HISTORY (self));

  self->saved_top = top (self->undo);
  self->saved_lost = FALSE;
  /* A new step must not coalesce into the saved one. */
  if (self->saved_top != NULL)
    ((Command *) self->saved_top)->object = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
ep_history_clear (EpHistory *self)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (self->groups->len == 0);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_top = NULL;
  self->saved_lost = FALSE;
  notify_all (self);
}

gboolean
ep_history_undo (EpHistory *self)
{
  Command *c;

  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  if (self->undo->len == 0)
    return FALSE;
  c = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  c->object = NULL;  /* never coalesce into a step that was undone */
  self->busy = TRUE;
  c->revert (c->data);
  self->busy = FALSE;
  g_ptr_array_add (self->redo, c);
  notify_all (self);
  return TRUE;
}

gboolean
ep_history_redo (EpHistory *self)
{
  Command *c;

  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  if (self->redo->len == 0)
    return FALSE;
  c = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  self->busy = TRUE;
  c->apply (c->data);
  self->busy = FALSE;
  g_ptr_array_add (self->undo, c);
  notify_all (self);
  return TRUE;
}

/* Adds a command that has been applied already. */
static void
record (EpHistory *self,
        Command   *c)
{
  if (self->groups->len > 0)
    {
      g_ptr_array_add (self->groups->pdata[self->groups->len - 1], c);
      return;
    }
  /* A new step forgets what could be redone; if the saved state was
   * there, it can no longer be reached. */
  for (guint i = 0; i < self->redo->len; i++)
    if (self->redo->pdata[i] == self->saved_top)
      self->saved_lost = TRUE;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, c);
  notify_all (self);
}

/**
 * ep_history_push:
 * @apply: does the change; called now, and again on redo
 * @revert: undoes it
 * @data: passed to both, freed with @destroy when the step is forgotten
 */
void
ep_history_push (EpHistory      *self,
                 const char     *label,
                 EpCommandFunc   apply,
                 EpCommandFunc   revert,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  Command *c;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (apply != NULL && revert != NULL);
  g_return_if_fail (!self->busy);

  c = g_new0 (Command, 1);
  c->label = g_strdup (label);
  c->apply = apply;
  c->revert = revert;
  c->data = data;
  c->destroy = destroy;
  c->time = g_get_monotonic_time ();
  apply (data);
  record (self, c);
}

/* ---- Groups ------------------------------------------------------------ */

static void
group_apply (gpointer data)
{
  GPtrArray *commands = data;

  for (guint i = 0; i < commands->len; i++)
    {
      Command *c = commands->pdata[i];
      c->apply (c->data);
    }
}

static void
group_revert (gpointer data)
{
  GPtrArray *commands = data;

  for (guint i = commands->len; i-- > 0;)
    {
      Command *c = commands->pdata[i];
      c->revert (c->data);
    }
}

/**
 * ep_history_begin:
 * @label: what the whole step is called in Undo/Redo ("Import data")
 *
 * Until the matching ep_history_end(), changes form one step. Groups nest.
 */
void
ep_history_begin (EpHistory  *self,
                  const char *label)
{
  g_return_if_fail (EP_IS_HISTORY (self));

  g_ptr_array_add (self->groups, g_ptr_array_new_with_free_func (command_free));
  g_ptr_array_add (self->group_labels, g_strdup (label));
}

void
ep_history_end (EpHistory *self)
{
  GPtrArray *commands;
  char *label;
  Command *c;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (self->groups->len > 0);

  commands = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  label = g_ptr_array_steal_index (self->group_labels, self->group_labels->len - 1);
  if (commands->len == 0)
    {
      g_ptr_array_unref (commands);
      g_free (label);
      return;
    }
  c = g_new0 (Command, 1);
  c->label = label;
  c->apply = group_apply;
  c->revert = group_revert;
  c->data = commands;
  c->destroy = (GDestroyNotify) g_ptr_array_unref;
  c->time = g_get_monotonic_time ();
  record (self, c);
}

/* ---- Properties -------------------------------------------------------- */

typedef struct {
  GObject    *object;
  GParamSpec *pspec;
  GValue      before;
  GValue      after;
} SetData;

static void
set_data_free (gpointer p)
{
  SetData *d = p;

  g_object_unref (d->object);
  g_param_spec_unref (d->pspec);
  g_value_unset (&d->before);
  g_value_unset (&d->after);
  g_free (d);
}

static void
set_apply (gpointer p)
{
  SetData *d = p;
  g_object_set_property (d->object, d->pspec->name, &d->after);
}

static void
set_revert (gpointer p)
{
  SetData *d = p;
  g_object_set_property (d->object, d->pspec->name, &d->before);
}

static char *
field_label (GObject    *object,
             GParamSpec *pspec)
{
  /* Translators: the name of an undo step that changed a field */
  return g_strdup (_("Edit"));
}

/**
 * ep_history_set_value:
 *
 * Sets one property of a model object as one undoable step. Setting a
 * string property of the same object again within two seconds extends
 * the previous step instead (typing).
 */
void
ep_history_set_value (EpHistory    *self,
                      gpointer      object,
                      const char   *property,
                      const GValue *value)
{
  GParamSpec *pspec;
  Command *last;
  SetData *d;
  Command *c;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (!self->busy);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE));

  last = top (self->undo);
  if (self->groups->len == 0 && last != NULL && last->object == object && last->pspec == pspec &&
      G_VALUE_HOLDS_STRING (value) && g_get_monotonic_time () - last->time < COALESCE_USEC &&
      self->redo->len == 0 && last != self->saved_top)
    {
      SetData *prev = last->data;

      g_value_unset (&prev->after);
      g_value_init (&prev->after, pspec->value_type);
      g_value_copy (value, &prev->after);
      last->time = g_get_monotonic_time ();
      set_apply (prev);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  d = g_new0 (SetData, 1);
  d->object = g_object_ref (object);
  d->pspec = g_param_spec_ref (pspec);
  g_value_init (&d->before, pspec->value_type);
  g_object_get_property (object, property, &d->before);
  g_value_init (&d->after, pspec->value_type);
  if (!g_value_transform (value, &d->after))
    {
      g_critical ("Cannot set %s.%s from a %s", G_OBJECT_TYPE_NAME (object), property,
                  G_VALUE_TYPE_NAME (value));
      set_data_free (d);
      return;
    }
  if (g_param_values_cmp (pspec, &d->before, &d->after) == 0)
    {
      set_data_free (d);
      return;
    }

  c = g_new0 (Command, 1);
  c->label = field_label (object, pspec);
  c->apply = set_apply;
  c->revert = set_revert;
  c->data = d;
  c->destroy = set_data_free;
  c->object = G_VALUE_HOLDS_STRING (value) ? object : NULL;
  c->pspec = pspec;
  c->time = g_get_monotonic_time ();
  set_apply (d);
  record (self, c);
}

/**
 * ep_history_set:
 * @first_property: a property name, then its value, as g_object_set()
 *
 * Sets properties of one object; several properties make one step.
 */
void
ep_history_set (EpHistory  *self,
                gpointer    object,
                const char *first_property,
                ...)
{
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name = first_property;
  va_list args;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  va_start (args, first_property);
  for (; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }
      g_array_append_val (values, value);
      g_ptr_array_add (names, (gpointer) name);
    }
  va_end (args);

  /* One property keeps its own step (and typing coalesces); several make
   * one step. */
  if (names->len > 1)
    ep_history_begin (self, _("Edit"));
  for (guint i = 0; i < names->len; i++)
    ep_history_set_value (self, object, names->pdata[i], &g_array_index (values, GValue, i));
  if (names->len > 1)
    ep_history_end (self);
}

/* ---- Translations ------------------------------------------------------ */

typedef struct {
  GObject *node;
  char    *field;
  char    *language;
  char    *before;
  char    *after;
} TranslationData;

static void
translation_free (gpointer p)
{
  TranslationData *d = p;

  g_object_unref (d->node);
  g_free (d->field);
  g_free (d->language);
  g_free (d->before);
  g_free (d->after);
  g_free (d);
}

static void
translation_apply (gpointer p)
{
  TranslationData *d = p;
  ep_node_set_translation (d->node, d->field, d->language, d->after);
}

static void
translation_revert (gpointer p)
{
  TranslationData *d = p;
  ep_node_set_translation (d->node, d->field, d->language, d->before);
}

void
ep_history_set_translation (EpHistory  *self,
                            gpointer    node,
                            const char *field,
                            const char *language,
                            const char *text)
{
  TranslationData *d;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (node));
  g_return_if_fail (field != NULL && language != NULL);

  if (g_strcmp0 (ep_node_get_translation (node, field, language), text) == 0)
    return;

  /* Typing into one translation extends the step, as for properties. */
  {
    Command *last = top (self->undo);

    if (self->groups->len == 0 && last != NULL && last->apply == translation_apply &&
        self->redo->len == 0 && last != self->saved_top &&
        g_get_monotonic_time () - last->time < COALESCE_USEC)
      {
        TranslationData *prev = last->data;

        if (prev->node == node && g_str_equal (prev->field, field) && g_str_equal (prev->language, language))
          {
            g_free (prev->after);
            prev->after = g_strdup (text);
            last->time = g_get_monotonic_time ();
            translation_apply (prev);
            g_signal_emit (self, signals[CHANGED], 0);
            return;
          }
      }
  }
  d = g_new0 (TranslationData, 1);
  d->node = g_object_ref (node);
  d->field = g_strdup (field);
  d->language = g_strdup (language);
  d->before = g_strdup (ep_node_get_translation (node, field, language));
  d->after = g_strdup (text);
  /* Translators: an undo step; %s is a language code such as "es" */
  {
    g_autofree char *label = g_strdup_printf (_("Edit translation (%s)"), language);
    ep_history_push (self, label, translation_apply, translation_revert, d, translation_free);
  }
}

/* ---- Lists ------------------------------------------------------------- */

typedef enum {
  OWNER_PLAN,
  OWNER_SCHOOL_PLANS,
  OWNER_DISTRICT_TERMS,
  OWNER_DISTRICT_GROUPS,
  OWNER_DISTRICT_SCHOOLS,
  OWNER_SCHOOL_INDICATORS,
} OwnerKind;

typedef struct {
  OwnerKind kind;
  GObject  *owner;
  GObject  *item;
  guint     position;
  gboolean  insert;    /* the command inserts (else removes) */
} ListData;

static void
list_data_free (gpointer p)
{
  ListData *d = p;

  g_object_unref (d->owner);
  g_object_unref (d->item);
  g_free (d);
}

static void
list_do (ListData *d,
         gboolean  insert)
{
  switch (d->kind)
    {
    case OWNER_PLAN:
      if (insert)
        ep_plan_insert (EP_PLAN (d->owner), d->position, d->item);
      else
        ep_plan_remove (EP_PLAN (d->owner), d->item);
      break;
    case OWNER_SCHOOL_PLANS:
      if (insert)
        ep_school_add_plan (EP_SCHOOL (d->owner), EP_PLAN (d->item));
      else
        ep_school_remove_plan (EP_SCHOOL (d->owner), EP_PLAN (d->item));
      break;
    case OWNER_DISTRICT_TERMS:
      if (insert)
        ep_district_add_term (EP_DISTRICT (d->owner), EP_GLOSSARY_TERM (d->item));
      else
        ep_district_remove_term (EP_DISTRICT (d->owner), EP_GLOSSARY_TERM (d->item));
      break;
    case OWNER_DISTRICT_GROUPS:
      if (insert)
        ep_district_add_group (EP_DISTRICT (d->owner), EP_STUDENT_GROUP (d->item));
      else
        ep_district_remove_group (EP_DISTRICT (d->owner), EP_STUDENT_GROUP (d->item));
      break;
    case OWNER_DISTRICT_SCHOOLS:
      if (insert)
        ep_district_insert_school (EP_DISTRICT (d->owner), d->position, EP_SCHOOL (d->item), NULL);
      else
        ep_district_remove_school (EP_DISTRICT (d->owner), EP_SCHOOL (d->item));
      break;
    case OWNER_SCHOOL_INDICATORS:
      if (insert)
        ep_school_insert_indicator (EP_SCHOOL (d->owner), d->position, EP_INDICATOR (d->item));
      else
        ep_school_remove_indicator (EP_SCHOOL (d->owner), EP_INDICATOR (d->item));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
list_apply (gpointer p)
{
  ListData *d = p;
  list_do (d, d->insert);
}

static void
list_revert (gpointer p)
{
  ListData *d = p;
  list_do (d, !d->insert);
}

static guint
position_in (GListModel *list,
             gpointer    item)
{
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(GObject) it = g_list_model_get_item (list, i);

      if (it == item)
        return i;
    }
  return G_MAXUINT;
}

static void
push_list (EpHistory  *self,
           OwnerKind   kind,
           gpointer    owner,
           gpointer    item,
           guint       position,
           gboolean    insert,
           const char *label)
{
  ListData *d = g_new0 (ListData, 1);

  d->kind = kind;
  d->owner = g_object_ref (owner);
  d->item = g_object_ref (item);
  d->position = position;
  d->insert = insert;
  ep_history_push (self, label, list_apply, list_revert, d, list_data_free);
}

void
ep_history_plan_insert (EpHistory *self,
                        EpPlan    *plan,
                        guint      position,
                        gpointer   item)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (EP_IS_PLAN (plan));

  /* Translators: an undo step: an action, idea, session… was added */
  push_list (self, OWNER_PLAN, plan, item, position, TRUE, _("Add"));
}

void
ep_history_plan_remove (EpHistory *self,
                        EpPlan    *plan,
                        gpointer   item)
{
  GListModel *list;
  guint position;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (EP_IS_PLAN (plan));

  list = ep_plan_get_list_for_type (plan, G_OBJECT_TYPE (item));
  position = list != NULL ? position_in (list, item) : G_MAXUINT;
  g_return_if_fail (position != G_MAXUINT);
  /* Translators: an undo step: an action, idea, session… was deleted */
  push_list (self, OWNER_PLAN, plan, item, position, FALSE, _("Delete"));
}

void
ep_history_school_add_plan (EpHistory *self,
                            EpSchool  *school,
                            EpPlan    *plan)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (EP_IS_SCHOOL (school));

  push_list (self, OWNER_SCHOOL_PLANS, school, plan, G_MAXUINT, TRUE, _("Start next cycle"));
}

void
ep_history_district_add_term (EpHistory      *self,
                              EpDistrict     *district,
                              EpGlossaryTerm *term)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  push_list (self, OWNER_DISTRICT_TERMS, district, term, G_MAXUINT, TRUE, _("Add glossary term"));
}

void
ep_history_district_remove_term (EpHistory      *self,
                                 EpDistrict     *district,
                                 EpGlossaryTerm *term)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  push_list (self, OWNER_DISTRICT_TERMS, district, term, G_MAXUINT, FALSE, _("Delete glossary term"));
}

void
ep_history_district_add_group (EpHistory      *self,
                               EpDistrict     *district,
                               EpStudentGroup *group)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  push_list (self, OWNER_DISTRICT_GROUPS, district, group, G_MAXUINT, TRUE, _("Add student group"));
}

void
ep_history_district_remove_group (EpHistory      *self,
                                  EpDistrict     *district,
                                  EpStudentGroup *group)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  push_list (self, OWNER_DISTRICT_GROUPS, district, group, G_MAXUINT, FALSE, _("Delete student group"));
}

/* ---- Measurements ------------------------------------------------------ */

typedef struct {
  EpIndicator  *indicator;
  char         *group;
  char         *period;
  gboolean      had_before, has_after;
  EpMeasurement before, after;   /* strings in them are interned */
} MeasurementData;

static void
measurement_free (gpointer p)
{
  MeasurementData *d = p;

  g_object_unref (d->indicator);
  g_free (d->group);
  g_free (d->period);
  g_free (d);
}

static void
measurement_put (MeasurementData     *d,
                 gboolean             present,
                 const EpMeasurement *m)
{
  g_autoptr(GError) error = NULL;

  if (!present)
    ep_indicator_remove_measurement (d->indicator, d->group, d->period);
  else if (!ep_indicator_set_measurement (d->indicator, m, &error))
    g_critical ("Undo/redo of a measurement failed: %s", error->message);
}

static void
measurement_apply (gpointer p)
{
  MeasurementData *d = p;
  measurement_put (d, d->has_after, &d->after);
}

static void
measurement_revert (gpointer p)
{
  MeasurementData *d = p;
  measurement_put (d, d->had_before, &d->before);
}

static MeasurementData *
measurement_data (EpIndicator *indicator,
                  const char  *group,
                  const char  *period)
{
  MeasurementData *d = g_new0 (MeasurementData, 1);

  d->indicator = g_object_ref (indicator);
  d->group = g_strdup (group);
  d->period = g_strdup (period);
  d->had_before = ep_indicator_lookup (indicator, group, period, &d->before);
  return d;
}

/**
 * ep_history_set_measurement:
 *
 * Sets one cell as one step; refuses (with @error, recording nothing) a
 * measurement the indicator would refuse.
 */
gboolean
ep_history_set_measurement (EpHistory            *self,
                            EpIndicator          *indicator,
                            const EpMeasurement  *measurement,
                            GError              **error)
{
  MeasurementData *d;

  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (EP_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (measurement != NULL, FALSE);

  if (!ep_measurement_validate (measurement, error))
    return FALSE;
  d = measurement_data (indicator, measurement->group, measurement->period);
  d->has_after = TRUE;
  d->after = *measurement;
  /* The caller's strings may not outlive this call: keep the model's own. */
  d->after.group = ep_intern (measurement->group);
  d->after.period = ep_intern (measurement->period);
  d->after.marker = measurement->marker ? ep_intern (measurement->marker) : NULL;
  if (d->had_before && ep_measurement_equal (&d->before, &d->after))
    {
      measurement_free (d);
      return TRUE;
    }
  /* Translators: an undo step */
  ep_history_push (self, _("Edit measurement"), measurement_apply, measurement_revert, d, measurement_free);
  return TRUE;
}

void
ep_history_remove_measurement (EpHistory  *self,
                               EpIndicator *indicator,
                               const char *group,
                               const char *period)
{
  MeasurementData *d;

  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (EP_IS_INDICATOR (indicator));

  d = measurement_data (indicator, group, period);
  if (!d->had_before)
    {
      measurement_free (d);
      return;
    }
  /* Translators: an undo step */
  ep_history_push (self, _("Delete measurement"), measurement_apply, measurement_revert, d, measurement_free);
}

/**
 * ep_history_district_add_school:
 *
 * Adds @school at the end of the district's schools, as one undo step.
 * Returns: FALSE with @error, and no step, if the district refuses it
 *   (an id already taken)
 */
gboolean
ep_history_district_add_school (EpHistory   *self,
                                EpDistrict  *district,
                                EpSchool    *school,
                                GError     **error)
{
  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (EP_IS_DISTRICT (district), FALSE);

  if (ep_district_find_school (district, ep_school_get_id (school)) != NULL ||
      ep_school_get_id (school) == NULL)
    {
      /* Let the district say why. */
      return ep_district_add_school (district, school, error);
    }
  push_list (self, OWNER_DISTRICT_SCHOOLS, district, school,
             g_list_model_get_n_items (ep_district_get_schools (district)), TRUE, _("Add school"));
  return TRUE;
}

void
ep_history_district_remove_school (EpHistory  *self,
                                   EpDistrict *district,
                                   EpSchool   *school)
{
  guint position;

  g_return_if_fail (EP_IS_HISTORY (self));
  position = position_in (ep_district_get_schools (district), school);
  g_return_if_fail (position != G_MAXUINT);
  push_list (self, OWNER_DISTRICT_SCHOOLS, district, school, position, FALSE, _("Remove school"));
}

void
ep_history_school_add_indicator (EpHistory   *self,
                                 EpSchool    *school,
                                 EpIndicator *indicator)
{
  g_return_if_fail (EP_IS_HISTORY (self));
  g_return_if_fail (EP_IS_SCHOOL (school));
  push_list (self, OWNER_SCHOOL_INDICATORS, school, indicator,
             g_list_model_get_n_items (ep_school_get_indicators (school)), TRUE, _("Add indicator"));
}

void
ep_history_school_remove_indicator (EpHistory   *self,
                                    EpSchool    *school,
                                    EpIndicator *indicator)
{
  guint position;

  g_return_if_fail (EP_IS_HISTORY (self));
  position = position_in (ep_school_get_indicators (school), indicator);
  g_return_if_fail (position != G_MAXUINT);
  push_list (self, OWNER_SCHOOL_INDICATORS, school, indicator, position, FALSE, _("Remove indicator"));
}

/* Whether an undo, redo or command is being applied: widgets that follow
 * the model then must not record edits of their own. */
gboolean
ep_history_get_busy (EpHistory *self)
{
  g_return_val_if_fail (EP_IS_HISTORY (self), FALSE);
  return self->busy;
}
