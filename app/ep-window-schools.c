/* ep-window-schools.c — starting from nothing in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new district has no schools, a school no plan, a plan no data: here
 * they are added, renamed and removed (each one undo step), and an
 * indicator's measurements typed into a grid of groups × periods. The
 * rules for what may be typed are models/ep-validate's, as everywhere.
 */
#define G_LOG_DOMAIN "ep-window-schools"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ep-form.h"
#include "ep-page.h"
#include "ep-page-util.h"
#include "ep-window-schools.h"

static void
clear_slot (gpointer  slot,
            GObject  *gone)
{
  *(GtkWindow **) slot = NULL;
}

GtkWindow *
ep_window_get_form (EpWindow *window)
{
  GtkWindow **slot = g_object_get_data (G_OBJECT (window), "ep-open-form-slot");

  return slot ? *slot : NULL;
}

static void
show_form (EpWindow  *window,
           GtkWindow *form)
{
  GtkWindow **slot = g_object_get_data (G_OBJECT (window), "ep-open-form-slot");

  if (slot == NULL)
    {
      slot = g_new0 (GtkWindow *, 1);
      g_object_set_data_full (G_OBJECT (window), "ep-open-form-slot", slot, g_free);
    }
  if (*slot != NULL)
    {
      g_object_weak_unref (G_OBJECT (*slot), clear_slot, slot);
      gtk_window_destroy (*slot);
    }
  *slot = form;
  g_object_weak_ref (G_OBJECT (form), clear_slot, slot);
  gtk_window_present (form);
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* ---- Schools ------------------------------------------------------------ */

typedef struct {
  EpWindow *window;
  EpSchool *school;   /* NULL: a new one */
} SchoolForm;

static void
school_form_free (gpointer p)
{
  SchoolForm *f = p;

  g_clear_object (&f->school);
  g_free (f);
}

static gboolean
school_accept (GtkWindow  *form,
               gpointer    data,
               GError    **error)
{
  SchoolForm *f = data;
  EpDistrict *district = ep_window_get_district (f->window);
  EpHistory *history = ep_window_get_history (f->window);
  g_autofree char *id = stripped (ep_form_get_text (form, "id"));
  g_autofree char *name = stripped (ep_form_get_text (form, "name"));

  if (district == NULL || history == NULL)
    return TRUE;
  if (!ep_validate_school_id (district, id, f->school, error))
    {
      gtk_widget_grab_focus (ep_form_get_field (form, "id"));
      return FALSE;
    }
  if (*name == '\0')
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("A school needs a name, as families and the board know it."));
      gtk_widget_grab_focus (ep_form_get_field (form, "name"));
      return FALSE;
    }
  if (f->school == NULL)
    {
      g_autoptr(EpSchool) school = ep_school_new (id, name);

      if (!ep_history_district_add_school (history, district, school, error))
        return FALSE;
      ep_window_select_school (f->window, id);
    }
  else
    {
      /* Translators: an undo step */
      ep_history_begin (history, _("Rename school"));
      if (g_strcmp0 (ep_school_get_id (f->school), id) != 0)
        ep_history_set (history, f->school, "id", id, NULL);
      if (g_strcmp0 (ep_school_get_name (f->school), name) != 0)
        ep_history_set (history, f->school, "name", name, NULL);
      ep_history_end (history);
    }
  return TRUE;
}

static void
school_form (EpWindow *window,
             EpSchool *school)
{
  SchoolForm *f = g_new0 (SchoolForm, 1);
  GtkWindow *form;
  GtkWidget *id, *name;

  f->window = window;
  f->school = school ? g_object_ref (school) : NULL;
  form = ep_form_new (GTK_WINDOW (window), school ? _("Rename School") : _("Add School"),
                      school ? _("_Rename") : _("_Add"), school_accept, f, school_form_free);
  name = ep_form_add_field (form, "name", _("_Name"), gtk_entry_new ());
  id = ep_form_add_field (form, "id", _("School _ID"), gtk_entry_new ());
  /* Translators: an example of a school id */
  gtk_entry_set_placeholder_text (GTK_ENTRY (id), _("e.g. 3101"));
  ep_form_add_help (form, _("The id the state or district gives the school. It links the school "
                            "to imported data and names its file in a shared folder."));
  if (school != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (name), ep_school_get_name (school) ? ep_school_get_name (school) : "");
      gtk_editable_set_text (GTK_EDITABLE (id), ep_school_get_id (school));
    }
  show_form (window, form);
  gtk_widget_grab_focus (name);
}

static void
add_school_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  school_form (EP_WINDOW (widget), NULL);
}

static void
rename_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EpSchool *school = ep_window_get_selected_school (EP_WINDOW (widget));

  if (school != NULL)
    school_form (EP_WINDOW (widget), school);
}

static void
remove_response_cb (GtkDialog *dialog,
                    int        response,
                    EpWindow  *window)
{
  EpSchool *school = g_object_get_data (G_OBJECT (dialog), "school");

  if (response == GTK_RESPONSE_ACCEPT && ep_window_get_history (window) && school)
    ep_history_district_remove_school (ep_window_get_history (window), ep_window_get_district (window), school);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
remove_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EpWindow *window = EP_WINDOW (widget);
  EpSchool *school = ep_window_get_selected_school (window);
  GtkWidget *dialog, *button;

  if (school == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is a school's name */
                                   _("Remove “%s”?"), ep_school_get_name (school));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Its plans and data are removed with it. You can undo this."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Remove"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  g_object_set_data_full (G_OBJECT (dialog), "school", g_object_ref (school), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), window);
  show_form (window, GTK_WINDOW (dialog));
}

/* ---- Plans -------------------------------------------------------------- */

static gboolean
plan_accept (GtkWindow  *form,
             gpointer    data,
             GError    **error)
{
  EpWindow *window = data;
  EpSchool *school = ep_window_get_selected_school (window);
  EpHistory *history = ep_window_get_history (window);
  g_autofree char *cycle = stripped (ep_form_get_text (form, "cycle"));
  GtkDropDown *phase = GTK_DROP_DOWN (ep_form_get_field (form, "phase"));
  g_autoptr(EpPlan) plan = NULL;

  if (school == NULL || history == NULL)
    return TRUE;
  if (!ep_validate_period (cycle, error))
    return FALSE;
  if (ep_school_find_plan (school, cycle) != NULL)
    {
      g_set_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_EXISTS,
                   /* Translators: %s is a school year such as 2026-27 */
                   _("The school already has a plan for %s. Choose another cycle."), cycle);
      return FALSE;
    }
  plan = ep_plan_new (cycle);
  ep_plan_set_phase (plan, (EpPhase) gtk_drop_down_get_selected (phase));
  /* Translators: an undo step */
  ep_history_begin (history, _("Start plan"));
  ep_history_school_add_plan (history, school, plan);
  ep_history_end (history);
  return TRUE;
}

static void
start_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EpWindow *window = EP_WINDOW (widget);
  EpSchool *school = ep_window_get_selected_school (window);
  g_autofree char *title = NULL;
  g_autofree char *cycle = NULL;
  GtkWindow *form;
  GtkWidget *entry;
  GDate today;

  if (school == NULL)
    return;
  ep_page_today (&today);
  cycle = ep_cycle_for_date (&today);
  /* Translators: a dialog's title; %s is a school's name */
  title = g_strdup_printf (_("Start a Plan for %s"), ep_school_get_name (school));
  form = ep_form_new (GTK_WINDOW (window), title, _("_Start"), plan_accept, window, NULL);
  entry = ep_form_add_field (form, "cycle", _("_Cycle"), gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (entry), cycle);
  ep_form_add_help (form, _("The school year the plan runs, such as 2026-27 (July to June)."));
  ep_form_add_field (form, "phase", _("_Phase"),
                     gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_PHASE)), NULL));
  ep_form_add_help (form, _("Most plans start with the prerequisites: a shared glossary, listening "
                            "sessions and who decides."));
  show_form (window, form);
  gtk_widget_grab_focus (entry);
}

/* ---- Indicators --------------------------------------------------------- */

/* "Chronic absence (K-8)" → "chronic-absence-k-8", unique in the school. */
static char *
indicator_id_for (EpSchool   *school,
                  const char *name)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, "indicator");
  if (id->len > 48)
    g_string_truncate (id, 48);
  base = g_strdup (id->str);
  for (guint n = 2; ep_school_find_indicator (school, id->str) != NULL; n++)
    g_string_printf (id, "%s-%u", base, n);
  return g_string_free (g_steal_pointer (&id), FALSE);
}

static void edit_data (EpWindow *window, EpSchool *school, EpIndicator *indicator);

static gboolean
edit_data_idle (gpointer data)
{
  GPtrArray *next = data;

  if (gtk_widget_get_realized (next->pdata[0]))
    edit_data (next->pdata[0], next->pdata[1], next->pdata[2]);
  return G_SOURCE_REMOVE;
}

static gboolean
indicator_accept (GtkWindow  *form,
                  gpointer    data,
                  GError    **error)
{
  EpWindow *window = data;
  EpSchool *school = ep_window_get_selected_school (window);
  EpHistory *history = ep_window_get_history (window);
  g_autofree char *name = stripped (ep_form_get_text (form, "name"));
  g_autofree char *id = NULL;
  g_autoptr(EpIndicator) indicator = NULL;
  GtkTextBuffer *description;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (school == NULL || history == NULL)
    return TRUE;
  if (*name == '\0')
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("An indicator needs a name, such as “Chronic absence”."));
      return FALSE;
    }
  id = indicator_id_for (school, name);
  indicator = ep_indicator_new (id);
  ep_indicator_set_name (indicator, name);
  ep_indicator_set_kind (indicator, gtk_drop_down_get_selected (GTK_DROP_DOWN (ep_form_get_field (form, "kind"))));
  ep_indicator_set_direction (indicator,
                              gtk_drop_down_get_selected (GTK_DROP_DOWN (ep_form_get_field (form, "direction"))));
  ep_indicator_set_unit (indicator, gtk_drop_down_get_selected (GTK_DROP_DOWN (ep_form_get_field (form, "unit"))));
  description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ep_form_get_field (form, "description")));
  gtk_text_buffer_get_bounds (description, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (description, &start, &end, FALSE));
  if (*text != '\0')
    ep_indicator_set_description (indicator, text);
  ep_history_school_add_indicator (history, school, indicator);
  /* Next, its numbers, once this form is gone. */
  {
    GPtrArray *next = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (next, g_object_ref (window));
    g_ptr_array_add (next, g_object_ref (school));
    g_ptr_array_add (next, g_object_ref (indicator));
    g_idle_add_full (G_PRIORITY_DEFAULT, edit_data_idle, next, (GDestroyNotify) g_ptr_array_unref);
  }
  return TRUE;
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EpWindow *window = EP_WINDOW (widget);
  GtkWindow *form;
  GtkWidget *name, *description;

  if (ep_window_get_selected_school (window) == NULL)
    return;
  form = ep_form_new (GTK_WINDOW (window), _("Add Indicator"), _("_Add"), indicator_accept, window, NULL);
  name = ep_form_add_field (form, "name", _("_Name"), gtk_entry_new ());
  /* Translators: an example of an indicator's name */
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("e.g. Chronic absence"));
  ep_form_add_field (form, "kind", _("_Kind"),
                     gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_INDICATOR_KIND)), NULL));
  ep_form_add_help (form, _("Leading indicators (attendance, course taking, belonging) move early; "
                            "lagging ones (test results, graduation) move slowly."));
  ep_form_add_field (form, "direction", _("_Direction"),
                     gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_DIRECTION)), NULL));
  ep_form_add_field (form, "unit", _("_Unit"),
                     gtk_drop_down_new (G_LIST_MODEL (ep_enum_string_list (EP_TYPE_UNIT)), NULL));
  description = ep_text_view_new ();
  gtk_widget_set_size_request (description, -1, 72);
  ep_form_add_field (form, "description-frame", _("D_escription"), ep_framed (description));
  gtk_widget_set_name (description, "description");
  show_form (window, form);
  gtk_widget_grab_focus (name);
}

/* ---- Measurements ------------------------------------------------------- */

static gboolean
is_marker (const char *text,
           const char *district_marker)
{
  return text[0] == '*' || text[0] == '<' || g_str_has_prefix (text, "N<") || g_str_has_prefix (text, "n<") ||
         g_str_has_prefix (text, "N <") || g_str_has_prefix (text, "n <") ||
         (district_marker != NULL && *district_marker != '\0' && g_str_equal (text, district_marker));
}

char *
ep_measurement_cell_text (EpIndicator         *indicator,
                          const EpMeasurement *m)
{
  if (m == NULL)
    return g_strdup ("");
  if (m->flags & EP_MEASUREMENT_SUPPRESSED)
    return g_strdup (m->marker ? m->marker : "*");
  if ((m->flags & EP_MEASUREMENT_HAS_NUMERATOR) && (m->flags & EP_MEASUREMENT_HAS_DENOMINATOR))
    return g_strdup_printf ("%u / %u", m->numerator, m->denominator);
  if (m->flags & EP_MEASUREMENT_HAS_VALUE)
    {
      g_autofree char *value = ep_format_locale_number (m->value, 2);

      if (m->flags & EP_MEASUREMENT_HAS_N)
        return g_strdup_printf ("%s / %u", value, m->n);
      return g_steal_pointer (&value);
    }
  return g_strdup ("");
}

static gboolean
parse_count (const char *text,
             gint64     *count)
{
  double v;

  if (!ep_parse_locale_number (text, &v) || v != (double) (gint64) v)
    return FALSE;
  *count = (gint64) v;
  return TRUE;
}

static void
refuse (GError    **error,
        EpIndicator *indicator)
{
  if (ep_indicator_get_unit (indicator) == EP_UNIT_MEAN_SCORE)
    g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                         _("Type the mean score and the students tested, such as 512.4 / 38, or "
                           "* where the source suppressed the cell."));
  else
    g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                         _("Type the students with the outcome and the students counted, such as "
                           "12 / 40, or * where the source suppressed the cell."));
}

/**
 * ep_measurement_cell_parse:
 *
 * Reads what was typed into a cell of the data editor. @measurement gets
 * the flags and numbers (not the group or period). An empty @text gives
 * flags 0: no measurement.
 */
gboolean
ep_measurement_cell_parse (EpIndicator   *indicator,
                           const char    *district_marker,
                           const char    *text,
                           EpMeasurement *m,
                           GError       **error)
{
  g_autofree char *t = stripped (text);
  char *slash;

  memset (m, 0, sizeof *m);
  if (*t == '\0')
    return TRUE;
  if (is_marker (t, district_marker))
    {
      m->flags = EP_MEASUREMENT_SUPPRESSED;
      m->marker = ep_measurement_intern (t);
      return TRUE;
    }
  slash = strchr (t, '/');
  if (slash != NULL)
    {
      *slash = '\0';
      if (ep_indicator_get_unit (indicator) == EP_UNIT_MEAN_SCORE)
        {
          gint64 n;

          if (!ep_parse_locale_number (t, &m->value) || !parse_count (slash + 1, &n))
            {
              refuse (error, indicator);
              return FALSE;
            }
          if (!ep_validate_value (EP_UNIT_MEAN_SCORE, m->value, error) || !ep_validate_counts (0, n, error))
            return FALSE;
          m->n = (guint32) n;
          m->flags = EP_MEASUREMENT_HAS_VALUE | EP_MEASUREMENT_HAS_N;
          return TRUE;
        }
      else
        {
          gint64 numerator, denominator;

          if (!parse_count (t, &numerator) || !parse_count (slash + 1, &denominator))
            {
              refuse (error, indicator);
              return FALSE;
            }
          if (!ep_validate_counts (numerator, denominator, error))
            return FALSE;
          if (denominator == 0)
            {
              g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_OUT_OF_RANGE,
                                   _("No students were counted: leave the cell empty instead."));
              return FALSE;
            }
          m->numerator = (guint32) numerator;
          m->denominator = (guint32) denominator;
          m->flags = EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR;
          return TRUE;
        }
    }
  if (!ep_parse_locale_number (t, &m->value))
    {
      refuse (error, indicator);
      return FALSE;
    }
  if (!ep_validate_indicator_value (indicator, m->value, error))
    return FALSE;
  m->flags = EP_MEASUREMENT_HAS_VALUE;
  return TRUE;
}

typedef struct {
  EpWindow    *window;
  EpSchool    *school;
  EpIndicator *indicator;
  GtkWindow   *editor;
  GtkGrid     *grid;
  GtkLabel    *error;
  GtkEntry    *period_entry;
  GPtrArray   *groups;      /* char* ids, rows */
  GPtrArray   *labels;      /* char* labels */
  GPtrArray   *periods;     /* char*, columns */
  gboolean     syncing;
} DataEditor;

static void
data_editor_free (gpointer p)
{
  DataEditor *d = p;

  g_clear_object (&d->school);
  g_clear_object (&d->indicator);
  g_ptr_array_unref (d->groups);
  g_ptr_array_unref (d->labels);
  g_ptr_array_unref (d->periods);
  g_free (d);
}

static void
show_data_error (DataEditor *d,
                 const char *message)
{
  gtk_label_set_label (d->error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (d->error), message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->error), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
}

static void
commit_cell (DataEditor *d,
             GtkEntry   *entry)
{
  EpHistory *history = ep_window_get_history (d->window);
  EpDistrict *district = ep_window_get_district (d->window);
  const char *group = g_object_get_data (G_OBJECT (entry), "group");
  const char *period = g_object_get_data (G_OBJECT (entry), "period");
  g_autoptr(GError) error = NULL;
  EpMeasurement m, old;
  gboolean had;

  if (d->syncing || history == NULL || district == NULL)
    return;
  if (!ep_measurement_cell_parse (d->indicator, ep_district_get_marker (district),
                                  gtk_editable_get_text (GTK_EDITABLE (entry)), &m, &error))
    {
      /* Translators: the first %s is a student group, the second a period, the last why a
       * value was refused */
      g_autofree char *message = g_strdup_printf (_("%s, %s: %s"),
                                                  (const char *) g_object_get_data (G_OBJECT (entry), "label"),
                                                  period, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      show_data_error (d, message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
  show_data_error (d, NULL);
  had = ep_indicator_lookup (d->indicator, group, period, &old);
  /* Leaving a cell that was not changed is not an edit. */
  {
    g_autofree char *now = ep_measurement_cell_text (d->indicator, had ? &old : NULL);
    g_autofree char *typed = ep_measurement_cell_text (d->indicator, m.flags ? &m : NULL);

    if (g_strcmp0 (now, typed) == 0)
      return;
  }
  if (m.flags == 0)
    {
      if (had)
        ep_history_remove_measurement (history, d->indicator, group, period);
      return;
    }
  m.group = group;
  m.period = period;
  if (!ep_history_set_measurement (history, d->indicator, &m, &error))
    show_data_error (d, error->message);
}

static void
cell_activate_cb (GtkEntry   *entry,
                  DataEditor *d)
{
  commit_cell (d, entry);
}

static void
cell_leave_cb (GtkEventControllerFocus *focus,
               DataEditor              *d)
{
  commit_cell (d, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_period_name (DataEditor *d,
                 const char *period)
{
  for (guint i = 0; i < d->periods->len; i++)
    if (g_str_equal (d->periods->pdata[i], period))
      return;
  g_ptr_array_add (d->periods, g_strdup (period));
  g_ptr_array_sort (d->periods, compare_periods);
}

/* Rebuilds the grid from the indicator (and the periods added here). */
static void
fill_grid (DataEditor *d)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) periods = ep_indicator_list_periods (d->indicator);

  for (guint i = 0; i < periods->len; i++)
    add_period_name (d, periods->pdata[i]);
  /* Removing a focused cell makes it lose the focus: not an edit. */
  d->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (d->grid))))
    gtk_grid_remove (d->grid, child);

  for (guint c = 0; c < d->periods->len; c++)
    {
      GtkWidget *head = gtk_label_new (d->periods->pdata[c]);

      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (d->grid, head, (int) c + 1, 0, 1, 1);
    }
  for (guint r = 0; r < d->groups->len; r++)
    {
      GtkWidget *label = gtk_label_new (d->labels->pdata[r]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (d->grid, label, 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < d->periods->len; c++)
        {
          GtkWidget *entry = gtk_entry_new ();
          EpMeasurement m;
          g_autofree char *text = NULL;
          g_autofree char *name = g_strdup_printf ("cell:%s:%s", (char *) d->groups->pdata[r],
                                                   (char *) d->periods->pdata[c]);
          /* Translators: the accessible name of a cell: a student group and a period */
          g_autofree char *a11y = g_strdup_printf (_("%s, %s"), (char *) d->labels->pdata[r],
                                                   (char *) d->periods->pdata[c]);
          GtkEventController *focus = gtk_event_controller_focus_new ();

          gtk_widget_set_name (entry, name);
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
          gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
          g_object_set_data_full (G_OBJECT (entry), "group", g_strdup (d->groups->pdata[r]), g_free);
          g_object_set_data_full (G_OBJECT (entry), "period", g_strdup (d->periods->pdata[c]), g_free);
          g_object_set_data_full (G_OBJECT (entry), "label", g_strdup (d->labels->pdata[r]), g_free);
          text = ep_measurement_cell_text (d->indicator,
                                           ep_indicator_lookup (d->indicator, d->groups->pdata[r],
                                                                d->periods->pdata[c], &m) ? &m : NULL);
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          ep_set_accessible_label (entry, a11y);
          g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), d);
          g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), d);
          gtk_widget_add_controller (entry, focus);
          gtk_grid_attach (d->grid, entry, (int) c + 1, (int) r + 1, 1, 1);
        }
    }
  d->syncing = FALSE;
}

static void
add_period_cb (DataEditor *d)
{
  g_autofree char *period = stripped (gtk_editable_get_text (GTK_EDITABLE (d->period_entry)));
  g_autoptr(GError) error = NULL;

  if (!ep_validate_period (period, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (d->period_entry), "error");
      show_data_error (d, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (d->period_entry), "error");
  show_data_error (d, NULL);
  add_period_name (d, period);
  fill_grid (d);
  {
    int year = ep_period_year (period) + 1;
    g_autofree char *next = g_strdup_printf ("%d-%02d", year, (year + 1) % 100);
    gtk_editable_set_text (GTK_EDITABLE (d->period_entry), next);
  }
}

/* Undo and redo of a cell elsewhere show here at once. */
static void
indicator_changed_cb (DataEditor *d)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (d->editor));
  const char *name = focus && GTK_IS_TEXT (focus) ? gtk_widget_get_name (gtk_widget_get_parent (focus)) : NULL;

  g_autofree char *keep = g_strdup (name);

  if (d->syncing)
    return;
  fill_grid (d);
  if (keep != NULL && g_str_has_prefix (keep, "cell:"))
    {
      GtkWidget *again = ep_find_named (GTK_WIDGET (d->grid), keep);

      d->syncing = TRUE;
      if (again != NULL)
        gtk_widget_grab_focus (again);
      d->syncing = FALSE;
    }
}

static void
measurements_changed_cb (GtkWindow *editor)
{
  indicator_changed_cb (g_object_get_data (G_OBJECT (editor), "ep-data-editor"));
}

static void
edit_data (EpWindow    *window,
           EpSchool    *school,
           EpIndicator *indicator)
{
  EpDistrict *district = ep_window_get_district (window);
  DataEditor *d = g_new0 (DataEditor, 1);
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *help, *scroller, *add_row, *add_button;
  GListModel *groups = ep_district_get_groups (district);
  g_autoptr(GPtrArray) data_groups = ep_indicator_list_groups (indicator);
  g_autofree char *title = NULL;
  GDate today;

  d->window = window;
  d->school = g_object_ref (school);
  d->indicator = g_object_ref (indicator);
  d->groups = g_ptr_array_new_with_free_func (g_free);
  d->labels = g_ptr_array_new_with_free_func (g_free);
  d->periods = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
      const char *label = ep_student_group_get_label (group);

      g_ptr_array_add (d->groups, g_strdup (ep_student_group_get_id (group)));
      g_ptr_array_add (d->labels, g_strdup (label && *label ? label : ep_student_group_get_id (group)));
    }
  for (guint i = 0; i < data_groups->len; i++)
    if (!g_ptr_array_find_with_equal_func (d->groups, data_groups->pdata[i], g_str_equal, NULL))
      {
        g_ptr_array_add (d->groups, g_strdup (data_groups->pdata[i]));
        g_ptr_array_add (d->labels, g_strdup (data_groups->pdata[i]));
      }

  d->editor = GTK_WINDOW (gtk_window_new ());
  g_object_set_data_full (G_OBJECT (d->editor), "ep-data-editor", d, data_editor_free);
  /* Translators: the data editor's title; %s is an indicator's name */
  title = g_strdup_printf (_("Data: %s"), ep_indicator_get_name (indicator) ? ep_indicator_get_name (indicator)
                                                                            : ep_indicator_get_id (indicator));
  gtk_window_set_title (d->editor, title);
  gtk_window_set_modal (d->editor, TRUE);
  gtk_window_set_transient_for (d->editor, GTK_WINDOW (window));
  gtk_window_set_destroy_with_parent (d->editor, TRUE);
  gtk_window_set_default_size (d->editor, 760, 560);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), done);
  gtk_widget_set_name (done, "accept");
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (done, "clicked", G_CALLBACK (gtk_window_destroy), d->editor);
  gtk_window_set_titlebar (d->editor, header);
  ep_window_add_escape (d->editor);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  help = gtk_label_new (ep_indicator_get_unit (indicator) == EP_UNIT_MEAN_SCORE
                        ? _("Each cell is one group in one period: the mean score and the students "
                            "tested, such as 512.4 / 38. Type * where the source suppressed the cell; "
                            "leave it empty where there is no figure. Each change can be undone.")
                        : _("Each cell is one group in one period: the students with the outcome and "
                            "the students counted, such as 12 / 40, or the source’s rate alone. Type * "
                            "where the source suppressed the cell; leave it empty where there is no "
                            "figure. Each change can be undone."));
  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_box_append (GTK_BOX (box), help);

  d->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (d->grid, 6);
  gtk_grid_set_column_spacing (d->grid, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (d->grid));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  d->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->error), "error");
  gtk_label_set_wrap (d->error, TRUE);
  gtk_label_set_xalign (d->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (d->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->error));

  add_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  d->period_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (d->period_entry), "new-period");
  ep_page_today (&today);
  {
    g_autofree char *cycle = ep_cycle_for_date (&today);
    int year = ep_period_year (cycle) - 1;
    g_autofree char *last = g_strdup_printf ("%d-%02d", year, (year + 1) % 100);
    g_autoptr(GPtrArray) have = ep_indicator_list_periods (indicator);

    if (have->len > 0)
      {
        int next = ep_period_year (g_ptr_array_index (have, have->len - 1)) + 1;
        g_free (last);
        last = g_strdup_printf ("%d-%02d", next, (next + 1) % 100);
      }
    gtk_editable_set_text (GTK_EDITABLE (d->period_entry), last);
  }
  add_button = gtk_button_new_with_mnemonic (_("Add _Period"));
  gtk_widget_set_name (add_button, "add-period");
  {
    GtkWidget *caption = gtk_label_new_with_mnemonic (_("New p_eriod"));

    gtk_label_set_mnemonic_widget (GTK_LABEL (caption), GTK_WIDGET (d->period_entry));
    gtk_box_append (GTK_BOX (add_row), caption);
  }
  gtk_box_append (GTK_BOX (add_row), GTK_WIDGET (d->period_entry));
  gtk_box_append (GTK_BOX (add_row), add_button);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_period_cb), d);
  g_signal_connect_swapped (d->period_entry, "activate", G_CALLBACK (add_period_cb), d);
  gtk_box_append (GTK_BOX (box), add_row);

  gtk_window_set_child (d->editor, box);
  g_signal_connect_object (indicator, "measurements-changed", G_CALLBACK (measurements_changed_cb),
                           d->editor, G_CONNECT_SWAPPED);
  fill_grid (d);
  show_form (window, d->editor);
  if (d->periods->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (d->period_entry));
}

static void
edit_data_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EpWindow *window = EP_WINDOW (widget);
  EpSchool *school = ep_window_get_selected_school (window);
  EpIndicator *indicator;

  if (school == NULL)
    return;
  indicator = ep_school_find_indicator (school, g_variant_get_string (parameter, NULL));
  if (indicator != NULL)
    edit_data (window, school, indicator);
}

void
ep_window_schools_update_actions (EpWindow *window)
{
  gboolean district = ep_window_get_district (window) != NULL && !ep_window_get_busy (window);
  gboolean school = district && ep_window_get_selected_school (window) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.add-school", district);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.rename-school", school);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.remove-school", school);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.start-plan", school);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.add-indicator", school);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.edit-data", school);
}

void
ep_window_schools_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-school", NULL, add_school_action);
  gtk_widget_class_install_action (widget_class, "win.rename-school", NULL, rename_school_action);
  gtk_widget_class_install_action (widget_class, "win.remove-school", NULL, remove_school_action);
  gtk_widget_class_install_action (widget_class, "win.start-plan", NULL, start_plan_action);
  gtk_widget_class_install_action (widget_class, "win.add-indicator", NULL, add_indicator_action);
  gtk_widget_class_install_action (widget_class, "win.edit-data", "s", edit_data_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-school", NULL);
}
