/* ep-district-settings.c — the district's groups, publication rules,
 * thresholds and glossary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page the window can show in a dialog or beside the plan. Every edit
 * goes through EpHistory.
 */
#define G_LOG_DOMAIN "ep-district-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-district-settings.h"
#include "ep-glossary-editor.h"
#include "ep-page-util.h"

struct _EpDistrictSettings
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *district_label;
  GtkListBox     *groups_list;
  GtkSpinButton  *min_n_spin;
  GtkSpinButton  *min_cell_spin;
  GtkCheckButton *suppression_check;
  GtkCheckButton *complementary_check;
  GtkSpinButton  *top_code_spin;
  GtkSpinButton  *bottom_code_spin;
  GtkEntry       *marker_entry;
  GtkSpinButton  *threshold_spin;
  GtkSpinButton  *periods_spin;
  GtkBox         *glossary_slot;

  /* Owned */
  GtkWidget      *glossary;
  EpBinder       *binder;
  EpDistrict     *district;
  EpHistory      *history;
};

G_DEFINE_FINAL_TYPE (EpDistrictSettings, ep_district_settings, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DISTRICT,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_clicked_cb (GtkButton          *button,
                   EpDistrictSettings *self)
{
  EpStudentGroup *group = g_object_get_data (G_OBJECT (button), "ep-item");

  if (group && self->history && self->district)
    ep_history_district_remove_group (self->history, self->district, group);
}

static GtkWidget *
create_group_row (gpointer item,
                  gpointer user_data)
{
  EpDistrictSettings *self = user_data;
  EpStudentGroup *group = item;
  GtkWidget *row = ep_section_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_entry_new ();
  GtkWidget *id = gtk_entry_new ();
  GtkWidget *category = gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_GROUP_CATEGORY)), NULL);
  GtkWidget *remove = ep_remove_button_new (_("Remove this student group"));
  EpBinder *binder = ep_binder_new (self->history);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (id), 6);
  gtk_widget_set_tooltip_text (id, _("The short id the data files use for this group, e.g. EL"));
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Label"), label), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("_Id"), id), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), id, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ep_mnemonic_label (_("Cate_gory"), category), 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), category, 5, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 6, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  ep_binder_bind (binder, label, "label");
  ep_binder_bind (binder, id, "id");
  ep_binder_bind (binder, category, "category");
  ep_binder_set_object (binder, group);
  ep_binder_attach (binder, row);
  g_object_set_data (G_OBJECT (remove), "ep-item", group);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_object_set_data (G_OBJECT (row), "ep-item", group);
  return row;
}

static void
add_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EpDistrictSettings *self = EP_DISTRICT_SETTINGS (widget);
  g_autoptr(EpStudentGroup) group = NULL;
  g_autofree char *id = NULL;
  guint n = 1;

  if (self->district == NULL || self->history == NULL)
    return;
  do
    {
      g_free (id);
      id = g_strdup_printf ("G%u", n++);
    }
  while (ep_district_find_group (self->district, id) != NULL);
  group = ep_student_group_new ();
  ep_student_group_set_id (group, id);
  ep_student_group_set_category (group, EP_GROUP_CATEGORY_OTHER);
  ep_history_district_add_group (self->history, self->district, group);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ep-item") == (gpointer) group)
      ep_focus_first (row);
}

static void
rebind (EpDistrictSettings *self)
{
  gboolean ok = self->district != NULL && self->history != NULL;

  ep_binder_set_history (self->binder, self->history);
  ep_binder_set_object (self->binder, self->district);
  gtk_list_box_bind_model (self->groups_list, self->district ? ep_district_get_groups (self->district) : NULL,
                           self->district ? create_group_row : NULL, self, NULL);
  ep_glossary_editor_set_history (EP_GLOSSARY_EDITOR (self->glossary), self->history);
  ep_glossary_editor_set_district (EP_GLOSSARY_EDITOR (self->glossary), self->district);
  gtk_label_set_label (self->district_label, self->district ? ep_district_get_name (self->district) : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.add-group", ok);
}

static void
ep_district_settings_dispose (GObject *object)
{
  EpDistrictSettings *self = EP_DISTRICT_SETTINGS (object);

  if (self->groups_list)
    gtk_list_box_bind_model (self->groups_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->binder, ep_binder_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_DISTRICT_SETTINGS);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->district);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ep_district_settings_parent_class)->dispose (object);
}

static void
ep_district_settings_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EpDistrictSettings *self = EP_DISTRICT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_district_settings_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EpDistrictSettings *self = EP_DISTRICT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      ep_district_settings_set_district (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      ep_district_settings_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_district_settings_class_init (EpDistrictSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ep_district_settings_dispose;
  object_class->get_property = ep_district_settings_get_property;
  object_class->set_property = ep_district_settings_set_property;

  properties[PROP_DISTRICT] = g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, EP_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-district-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, district_label);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, groups_list);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, min_n_spin);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, min_cell_spin);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, suppression_check);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, complementary_check);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, top_code_spin);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, bottom_code_spin);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, marker_entry);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, periods_spin);
  gtk_widget_class_bind_template_child (widget_class, EpDistrictSettings, glossary_slot);

  gtk_widget_class_install_action (widget_class, "settings.add-group", NULL, add_group_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ep_district_settings_init (EpDistrictSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->glossary = ep_glossary_editor_new ();
  gtk_box_append (self->glossary_slot, self->glossary);

  self->binder = ep_binder_new (NULL);
  ep_binder_bind (self->binder, GTK_WIDGET (self->min_n_spin), "min-n");
  ep_binder_bind (self->binder, GTK_WIDGET (self->min_cell_spin), "min-cell");
  ep_binder_bind (self->binder, GTK_WIDGET (self->suppression_check), "suppression");
  ep_binder_bind (self->binder, GTK_WIDGET (self->complementary_check), "complementary");
  ep_binder_bind (self->binder, GTK_WIDGET (self->top_code_spin), "top-code");
  ep_binder_bind (self->binder, GTK_WIDGET (self->bottom_code_spin), "bottom-code");
  ep_binder_bind (self->binder, GTK_WIDGET (self->marker_entry), "marker");
  ep_binder_bind (self->binder, GTK_WIDGET (self->threshold_spin), "risk-ratio-threshold");
  ep_binder_bind (self->binder, GTK_WIDGET (self->periods_spin), "risk-ratio-periods");
  rebind (self);
}

GtkWidget *
ep_district_settings_new (void)
{
  return g_object_new (EP_TYPE_DISTRICT_SETTINGS, NULL);
}

EpDistrict *
ep_district_settings_get_district (EpDistrictSettings *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT_SETTINGS (self), NULL);
  return self->district;
}

void
ep_district_settings_set_district (EpDistrictSettings *self,
                                   EpDistrict         *district)
{
  g_return_if_fail (EP_IS_DISTRICT_SETTINGS (self));
  if (g_set_object (&self->district, district))
    {
      rebind (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
    }
}

EpHistory *
ep_district_settings_get_history (EpDistrictSettings *self)
{
  g_return_val_if_fail (EP_IS_DISTRICT_SETTINGS (self), NULL);
  return self->history;
}

void
ep_district_settings_set_history (EpDistrictSettings *self,
                                  EpHistory          *history)
{
  g_return_if_fail (EP_IS_DISTRICT_SETTINGS (self));
  if (g_set_object (&self->history, history))
    {
      rebind (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
}
