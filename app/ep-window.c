/* ep-window.c — a window onto one district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first shell: the district's schools in a searchable sidebar, and the
 * selected school's current plan. The pages of the cycle come with the
 * application issue.
 */
#define G_LOG_DOMAIN "ep-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-window.h"

struct _EpWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkSearchEntry     *search_entry;
  GtkListView        *school_list;
  GtkStack           *stack;
  GtkLabel           *empty_label;
  GtkLabel           *school_name_label;
  GtkLabel           *cycle_label;
  GtkLabel           *phase_label;
  GtkLabel           *problem_label;
  GtkLabel           *details_label;

  /* Owned */
  EpDistrict         *district;
  GFile              *file;
  char               *etag;
  GtkSingleSelection *selection;
  GtkStringFilter    *filter;
  GCancellable       *cancellable;
  GtkNativeDialog    *chooser;
};

G_DEFINE_FINAL_TYPE (EpWindow, ep_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DISTRICT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
phase_label (EpPhase phase)
{
  switch (phase)
    {
    /* Translators: the phases of the equity cycle */
    case EP_PHASE_PREREQUISITES: return C_("phase", "Prerequisites");
    case EP_PHASE_DIAGNOSE: return C_("phase", "Diagnose");
    case EP_PHASE_DESIGN: return C_("phase", "Design");
    case EP_PHASE_IMPLEMENT: return C_("phase", "Implement");
    case EP_PHASE_REFLECT: return C_("phase", "Reflect");
    default: return "";
    }
}

/* A value of an indicator as people read it, in the user's locale:
 * "31.7%", "20%", "3.42", "12". */
static char *
format_value (EpIndicator *indicator,
              double       value)
{
  int decimals = value == (double) (gint64) value ? 0 : 1;
  g_autofree char *number = g_strdup_printf ("%.*f", decimals, value);

  switch (ep_indicator_get_unit (indicator))
    {
    case EP_UNIT_PERCENT:
      /* Translators: a percentage; use "%s %%" where a space goes before the sign */
      return g_strdup_printf (_("%s%%"), number);
    case EP_UNIT_RATE_PER_100:
      /* Translators: a rate per 100 students, e.g. "4.2 per 100" */
      return g_strdup_printf (_("%.*f per 100"), decimals, value);
    case EP_UNIT_MEAN_SCORE:
      return g_strdup_printf ("%.2f", value);
    case EP_UNIT_COUNT:
    default:
      return g_steal_pointer (&number);
    }
}

/* "English learners, Chronic absenteeism: 31.7% → 20% by 2027-28" */
static char *
describe_problem (EpDistrict *district,
                  EpSchool   *school,
                  EpPlan     *plan)
{
  const char *statement = ep_plan_get_statement (plan);
  EpStudentGroup *group = ep_district_find_group (district, ep_plan_get_problem_group (plan));
  EpIndicator *indicator = ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan));
  g_autoptr(GString) out = g_string_new (NULL);

  if (group != NULL && indicator != NULL && ep_plan_get_has_baseline (plan) && ep_plan_get_has_target (plan))
    {
      g_autofree char *baseline = format_value (indicator, ep_plan_get_baseline (plan));
      g_autofree char *target = format_value (indicator, ep_plan_get_target (plan));

      /* Translators: a problem statement: group, indicator, baseline → target by a school year,
       * e.g. "English learners, Chronic absenteeism: 31.7% → 20% by 2027-28" */
      g_string_append_printf (out, _("%s, %s: %s → %s by %s"),
                              ep_student_group_get_label (group),
                              ep_indicator_get_name (indicator),
                              baseline, target,
                              ep_plan_get_target_period (plan) ? ep_plan_get_target_period (plan) : "?");
    }
  if (statement != NULL)
    {
      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append (out, statement);
    }
  if (out->len == 0)
    g_string_append (out, _("No problem statement yet."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
show_school (EpWindow *self,
             EpSchool *school)
{
  EpPlan *plan;

  if (school == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_label (self->school_name_label, ep_school_get_name (school));
  plan = ep_school_get_current_plan (school);
  if (plan == NULL)
    {
      gtk_label_set_label (self->cycle_label, _("No plan yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->phase_label), FALSE);
      gtk_label_set_label (self->problem_label, "");
      gtk_label_set_label (self->details_label, "");
    }
  else
    {
      g_autofree char *cycle = g_strdup_printf (_("Plan %s"), ep_plan_get_cycle (plan));
      g_autofree char *problem = describe_problem (self->district, school, plan);
      guint n_indicators = g_list_model_get_n_items (ep_school_get_indicators (school));
      guint n_actions = g_list_model_get_n_items (ep_plan_get_interventions (plan));
      guint n_log = g_list_model_get_n_items (ep_plan_get_log (plan));
      g_autofree char *indicators = g_strdup_printf (ngettext ("%u indicator", "%u indicators", n_indicators), n_indicators);
      g_autofree char *actions = g_strdup_printf (ngettext ("%u action", "%u actions", n_actions), n_actions);
      g_autofree char *log = g_strdup_printf (ngettext ("%u decision-log entry", "%u decision-log entries", n_log), n_log);
      /* Translators: a list of three counts, e.g. "6 indicators · 3 actions · 9 decision-log entries" */
      g_autofree char *details = g_strdup_printf (_("%s · %s · %s"), indicators, actions, log);

      gtk_label_set_label (self->cycle_label, cycle);
      gtk_label_set_label (self->phase_label, phase_label (ep_plan_get_phase (plan)));
      gtk_widget_set_visible (GTK_WIDGET (self->phase_label), TRUE);
      gtk_label_set_label (self->problem_label, problem);
      gtk_label_set_label (self->details_label, details);
    }
  gtk_stack_set_visible_child_name (self->stack, "school");
}

static void
selection_changed_cb (EpWindow *self)
{
  show_school (self, ep_window_get_selected_school (self));
}

static void
update_title (EpWindow *self)
{
  const char *name = self->district ? ep_district_get_name (self->district) : NULL;

  gtk_label_set_label (self->title_label, name ? name : _("Equity Planner"));
  gtk_window_set_title (GTK_WINDOW (self), name ? name : _("Equity Planner"));
  if (self->file != NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);
      gtk_label_set_label (self->subtitle_label, parse_name);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *id = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "school-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_widget_add_css_class (id, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), id);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  EpSchool *school = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *id = gtk_widget_get_next_sibling (name);

  gtk_label_set_label (GTK_LABEL (name), ep_school_get_name (school));
  gtk_label_set_label (GTK_LABEL (id), ep_school_get_id (school));
}

static void
show_error (EpWindow   *self,
            const char *primary,
            GError     *error)
{
  GtkWidget *dialog;

  g_warning ("%s: %s", primary, error->message);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  EpWindow *self;
  GFile    *file;
} OpenData;

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(EpDistrict) district = ep_xml_load_finish (result, &etag, &error);
  EpWindow *self = data->self;

  if (district == NULL)
    {
      /* The window is gone: nothing to report to. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The district file could not be opened"), error);
    }
  else
    {
      ep_window_set_district (self, district, data->file);
      g_free (self->etag);
      self->etag = g_steal_pointer (&etag);
    }

  g_object_unref (data->file);
  g_object_unref (data->self);
  g_free (data);
}

void
ep_window_open (EpWindow *self,
                GFile    *file)
{
  OpenData *data;

  g_return_if_fail (EP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  ep_xml_load_async (file, self->cancellable, open_done_cb, data);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      ep_window_open (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Open District"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Equity plans"));
  gtk_file_filter_add_mime_type (filter, EP_XML_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "eqplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (EP_WINDOW (widget)->search_entry));
}

static void
ep_window_dispose (GObject *object)
{
  EpWindow *self = (EpWindow *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_WINDOW);

  G_OBJECT_CLASS (ep_window_parent_class)->dispose (object);
}

static void
ep_window_finalize (GObject *object)
{
  EpWindow *self = (EpWindow *) object;

  g_clear_object (&self->district);
  g_clear_object (&self->file);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->cancellable);
  g_free (self->etag);

  G_OBJECT_CLASS (ep_window_parent_class)->finalize (object);
}

static void
ep_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EpWindow *self = EP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_window_class_init (EpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ep_window_dispose;
  object_class->finalize = ep_window_finalize;
  object_class->get_property = ep_window_get_property;

  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EpWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, school_list);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, school_name_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, cycle_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, details_label);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

static void
ep_window_init (EpWindow *self)
{
  GtkListItemFactory *factory;
  GtkExpression *expression;
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  expression = gtk_property_expression_new (EP_TYPE_SCHOOL, NULL, "name");
  self->filter = gtk_string_filter_new (expression);
  g_object_bind_property (self->search_entry, "text", self->filter, "search", G_BINDING_DEFAULT);

  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->school_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->school_list, GTK_SELECTION_MODEL (self->selection));

  update_title (self);
}

EpWindow *
ep_window_new (GtkApplication *application)
{
  return g_object_new (EP_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ep_window_get_district:
 *
 * Returns: (transfer none) (nullable):
 */
EpDistrict *
ep_window_get_district (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return self->district;
}

/**
 * ep_window_get_file:
 *
 * Returns: (transfer none) (nullable):
 */
GFile *
ep_window_get_file (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return self->file;
}

void
ep_window_set_district (EpWindow   *self,
                        EpDistrict *district,
                        GFile      *file)
{
  GtkFilterListModel *filtered;

  g_return_if_fail (EP_IS_WINDOW (self));
  g_return_if_fail (!district || EP_IS_DISTRICT (district));

  g_set_object (&self->district, district);
  g_set_object (&self->file, file);

  filtered = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (self->selection));
  gtk_filter_list_model_set_model (filtered, district ? ep_district_get_schools (district) : NULL);

  update_title (self);
  selection_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * ep_window_get_selected_school:
 *
 * Returns: (transfer none) (nullable):
 */
EpSchool *
ep_window_get_selected_school (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
ep_window_select_school (EpWindow   *self,
                         const char *id)
{
  GListModel *model;
  guint n;

  g_return_if_fail (EP_IS_WINDOW (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (model, i);
      if (g_strcmp0 (ep_school_get_id (school), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
