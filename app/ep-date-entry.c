/* ep-date-entry.c — a date typed in the user's locale, or picked from a
 * calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry shows the date as the locale writes it (%x, with a four-digit
 * year: ep_locale_date_format()) and accepts that,
 * ISO 8601, or anything g_date_set_parse() understands. The date is
 * committed (and "date" notified) on Enter, when focus leaves, or when a day
 * is picked in the calendar; invalid text is marked with the error style
 * and not committed.
 */
#define G_LOG_DOMAIN "ep-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-date-entry.h"
#include "ep-page-util.h"

struct _EpDateEntry
{
  GtkWidget    parent_instance;

  GtkWidget   *entry;
  GtkWidget   *button;
  GtkWidget   *calendar;

  GDate       *date;
};

G_DEFINE_FINAL_TYPE (EpDateEntry, ep_date_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_date (EpDateEntry *self)
{
  g_autofree char *text = ep_format_locale_date (self->date);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_widget_remove_css_class (self->entry, "error");
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_compare (a, b) == 0;
}

static void
commit (EpDateEntry *self,
        const GDate *date)
{
  if (same_date (date, self->date))
    {
      show_date (self);
      return;
    }
  g_clear_pointer (&self->date, g_date_free);
  if (date != NULL)
    self->date = g_date_copy (date);
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
parse_and_commit (EpDateEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GDate date;

  if (text[0] == '\0')
    {
      commit (self, NULL);
      return;
    }
  if (ep_parse_locale_date (text, &date))
    commit (self, &date);
  else
    gtk_widget_add_css_class (self->entry, "error");
}

static void
entry_activate_cb (EpDateEntry *self)
{
  parse_and_commit (self);
}

static void
focus_leave_cb (EpDateEntry *self)
{
  parse_and_commit (self);
}

static void
day_selected_cb (EpDateEntry *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  commit (self, &date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
popover_show_cb (EpDateEntry *self)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->date != NULL)
    dt = g_date_time_new_local (g_date_get_year (self->date), g_date_get_month (self->date),
                                g_date_get_day (self->date), 0, 0, 0);
  else
    dt = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

static gboolean
ep_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (EP_DATE_ENTRY (widget)->entry);
}

static gboolean
ep_date_entry_mnemonic_activate (GtkWidget *widget,
                                 gboolean   group_cycling)
{
  return gtk_widget_grab_focus (EP_DATE_ENTRY (widget)->entry);
}

static void
ep_date_entry_dispose (GObject *object)
{
  EpDateEntry *self = EP_DATE_ENTRY (object);

  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  self->calendar = NULL;

  G_OBJECT_CLASS (ep_date_entry_parent_class)->dispose (object);
}

static void
ep_date_entry_finalize (GObject *object)
{
  EpDateEntry *self = EP_DATE_ENTRY (object);

  g_clear_pointer (&self->date, g_date_free);

  G_OBJECT_CLASS (ep_date_entry_parent_class)->finalize (object);
}

static void
ep_date_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EpDateEntry *self = EP_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, ep_date_entry_get_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_date_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EpDateEntry *self = EP_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      ep_date_entry_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_date_entry_class_init (EpDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ep_date_entry_dispose;
  object_class->finalize = ep_date_entry_finalize;
  object_class->get_property = ep_date_entry_get_property;
  object_class->set_property = ep_date_entry_set_property;
  widget_class->grab_focus = ep_date_entry_grab_focus;
  widget_class->mnemonic_activate = ep_date_entry_mnemonic_activate;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dateentry");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ep_date_entry_init (EpDateEntry *self)
{
  GtkWidget *popover;
  GtkEventController *focus;

  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");

  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  /* Translators: placeholder of a date field; an example date in your locale's format is fine */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Date"));
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, focus);

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_tooltip_text (self->button, _("Pick a date"));
  ep_set_accessible_label (self->button, _("Pick a date"));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
ep_date_entry_new (void)
{
  return g_object_new (EP_TYPE_DATE_ENTRY, NULL);
}

/**
 * ep_date_entry_get_date:
 *
 * Returns: (transfer none) (nullable): the committed date
 */
const GDate *
ep_date_entry_get_date (EpDateEntry *self)
{
  g_return_val_if_fail (EP_IS_DATE_ENTRY (self), NULL);
  return self->date;
}

void
ep_date_entry_set_date (EpDateEntry *self,
                        const GDate *date)
{
  g_return_if_fail (EP_IS_DATE_ENTRY (self));
  commit (self, date != NULL && g_date_valid (date) ? date : NULL);
}

/**
 * ep_date_entry_get_entry:
 *
 * Returns: (transfer none): the text entry, for tests and accessible labels
 */
GtkEntry *
ep_date_entry_get_entry (EpDateEntry *self)
{
  g_return_val_if_fail (EP_IS_DATE_ENTRY (self), NULL);
  return GTK_ENTRY (self->entry);
}
