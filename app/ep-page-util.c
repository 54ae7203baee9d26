/* ep-page-util.c — what the plan pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "ep-date-entry.h"
#include "ep-page-util.h"

/* ---- Enumerations ------------------------------------------------------ */

const char *
ep_enum_label (GType enum_type,
               int   value)
{
  if (enum_type == EP_TYPE_PHASE)
    switch ((EpPhase) value)
      {
      /* Translators: the phases of the equity cycle */
      case EP_PHASE_PREREQUISITES: return C_("phase", "Prerequisites");
      case EP_PHASE_DIAGNOSE: return C_("phase", "Diagnose");
      case EP_PHASE_DESIGN: return C_("phase", "Design");
      case EP_PHASE_IMPLEMENT: return C_("phase", "Implement");
      case EP_PHASE_REFLECT: return C_("phase", "Reflect");
      default: break;
      }
  else if (enum_type == EP_TYPE_FOCUS_AREA)
    switch ((EpFocusArea) value)
      {
      case EP_FOCUS_OTHER: return C_("focus", "Other");
      case EP_FOCUS_ADVANCED_COURSEWORK: return C_("focus", "Advanced coursework");
      case EP_FOCUS_DISCIPLINE: return C_("focus", "Discipline");
      case EP_FOCUS_GRADUATION: return C_("focus", "Graduation");
      case EP_FOCUS_ATTENDANCE: return C_("focus", "Attendance");
      case EP_FOCUS_LITERACY: return C_("focus", "Literacy");
      case EP_FOCUS_MATHEMATICS: return C_("focus", "Mathematics");
      case EP_FOCUS_BELONGING: return C_("focus", "Belonging");
      default: break;
      }
  else if (enum_type == EP_TYPE_EVIDENCE_TIER)
    switch ((EpEvidenceTier) value)
      {
      /* Translators: ESSA evidence tiers of an intervention */
      case EP_EVIDENCE_NONE: return C_("evidence", "Not rated");
      case EP_EVIDENCE_STRONG: return C_("evidence", "Strong");
      case EP_EVIDENCE_MODERATE: return C_("evidence", "Moderate");
      case EP_EVIDENCE_PROMISING: return C_("evidence", "Promising");
      case EP_EVIDENCE_RATIONALE: return C_("evidence", "Demonstrates a rationale");
      default: break;
      }
  else if (enum_type == EP_TYPE_ACTION_STATUS)
    switch ((EpActionStatus) value)
      {
      case EP_STATUS_PLANNED: return C_("status", "Planned");
      case EP_STATUS_IN_PROGRESS: return C_("status", "In progress");
      case EP_STATUS_DONE: return C_("status", "Done");
      case EP_STATUS_STOPPED: return C_("status", "Stopped");
      default: break;
      }
  else if (enum_type == EP_TYPE_ACTION_AREA)
    switch ((EpActionArea) value)
      {
      /* Translators: the core process an action is part of */
      case EP_AREA_OTHER: return C_("area", "Other");
      case EP_AREA_HIRING: return C_("area", "Hiring");
      case EP_AREA_CURRICULUM: return C_("area", "Curriculum");
      case EP_AREA_BUDGET: return C_("area", "Budget");
      case EP_AREA_PROFESSIONAL_DEVELOPMENT: return C_("area", "Professional development");
      case EP_AREA_POLICY: return C_("area", "Policy");
      case EP_AREA_FAMILY_ENGAGEMENT: return C_("area", "Family engagement");
      default: break;
      }
  else if (enum_type == EP_TYPE_LOG_KIND)
    switch ((EpLogKind) value)
      {
      /* Translators: kinds of decision-log entries */
      case EP_LOG_DECISION: return C_("log", "Decision");
      case EP_LOG_ADJUSTMENT: return C_("log", "Adjustment");
      case EP_LOG_OUTCOME: return C_("log", "Outcome");
      case EP_LOG_FEEDBACK: return C_("log", "Feedback");
      default: break;
      }
  else if (enum_type == EP_TYPE_CAUSE)
    switch ((EpCause) value)
      {
      /* Translators: why the results were what they were */
      case EP_CAUSE_UNKNOWN: return C_("cause", "Not decided yet");
      case EP_CAUSE_DESIGN: return C_("cause", "The design");
      case EP_CAUSE_IMPLEMENTATION: return C_("cause", "The implementation");
      case EP_CAUSE_EXTERNAL: return C_("cause", "Outside factors");
      default: break;
      }
  else if (enum_type == EP_TYPE_REFLECTION_DECISION)
    switch ((EpReflectionDecision) value)
      {
      case EP_DECISION_UNDECIDED: return C_("decision", "Not decided yet");
      case EP_DECISION_REFINE: return C_("decision", "Refine");
      case EP_DECISION_REPLACE: return C_("decision", "Replace");
      case EP_DECISION_SCALE: return C_("decision", "Scale");
      default: break;
      }
  else if (enum_type == EP_TYPE_CHAMPION_LEVEL)
    switch ((EpChampionLevel) value)
      {
      case EP_LEVEL_DISTRICT: return C_("level", "District");
      case EP_LEVEL_SCHOOL: return C_("level", "School");
      case EP_LEVEL_CLASSROOM: return C_("level", "Classroom");
      case EP_LEVEL_COMMUNITY: return C_("level", "Community");
      default: break;
      }
  else if (enum_type == EP_TYPE_GROUP_CATEGORY)
    switch ((EpGroupCategory) value)
      {
      case EP_GROUP_CATEGORY_ALL: return C_("category", "All students");
      case EP_GROUP_CATEGORY_RACE_ETHNICITY: return C_("category", "Race/ethnicity");
      case EP_GROUP_CATEGORY_INCOME: return C_("category", "Income");
      case EP_GROUP_CATEGORY_LANGUAGE: return C_("category", "Language");
      case EP_GROUP_CATEGORY_DISABILITY: return C_("category", "Disability");
      case EP_GROUP_CATEGORY_SEX: return C_("category", "Sex");
      case EP_GROUP_CATEGORY_OTHER: return C_("category", "Other");
      default: break;
      }
  else if (enum_type == EP_TYPE_PLAN_PAGE)
    switch ((EpPlanPage) value)
      {
      case EP_PAGE_OVERVIEW: return C_("page", "Overview");
      case EP_PAGE_PREREQUISITES: return C_("page", "Prerequisites");
      case EP_PAGE_DIAGNOSE: return C_("page", "Diagnose");
      case EP_PAGE_DESIGN: return C_("page", "Design");
      case EP_PAGE_IMPLEMENT: return C_("page", "Implement");
      case EP_PAGE_REFLECT: return C_("page", "Reflect");
      case EP_PAGE_DISTRICT_SETTINGS: return C_("page", "District settings");
      default: break;
      }
  else if (enum_type == EP_TYPE_UNIT)
    switch ((EpUnit) value)
      {
      case EP_UNIT_PERCENT: return C_("unit", "Percent");
      case EP_UNIT_RATE_PER_100: return C_("unit", "Rate per 100");
      case EP_UNIT_MEAN_SCORE: return C_("unit", "Mean score");
      case EP_UNIT_COUNT: return C_("unit", "Count");
      default: break;
      }
  return "";
}

GtkStringList *
ep_enum_string_list (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, ep_enum_label (enum_type, klass->values[i].value));
  return list;
}

/* ---- Numbers and dates ------------------------------------------------- */

/**
 * ep_format_locale_number:
 *
 * "31.7" or "31,7" as the locale writes it, with at most @max_decimals
 * decimals and no trailing zeros.
 */
char *
ep_format_locale_number (double value,
                         int    max_decimals)
{
  char *text = g_strdup_printf ("%.*f", max_decimals, value);
  const char *point = localeconv ()->decimal_point;
  char *dot;

  if (max_decimals > 0 && point != NULL && (dot = strstr (text, point)) != NULL)
    {
      char *end = text + strlen (text);

      while (end > dot + strlen (point) && end[-1] == '0')
        *--end = '\0';
      if (end == dot + strlen (point))
        *dot = '\0';
    }
  if (strcmp (text, "-0") == 0)
    text[1] = '\0', text[0] = '0';
  return text;
}

/**
 * ep_parse_locale_number:
 *
 * Reads a number as the user typed it: the locale's decimal point (a "."
 * is accepted too where the locale uses a comma and no grouping), the
 * locale's thousands separator, a trailing "%" and spaces are allowed.
 */
gboolean
ep_parse_locale_number (const char *text,
                        double     *value)
{
  struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  const char *sep = lc->thousands_sep ? lc->thousands_sep : "";
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (stripped, "%"))
    stripped[strlen (stripped) - 1] = '\0';
  g_strstrip (stripped);
  if (*stripped == '\0')
    return FALSE;

  for (const char *p = stripped; *p;)
    {
      if (g_str_has_prefix (p, point))
        {
          g_string_append_c (plain, '.');
          p += strlen (point);
        }
      else if (*sep && g_str_has_prefix (p, sep))
        p += strlen (sep);
      else if (g_unichar_isspace (g_utf8_get_char (p)) || g_str_has_prefix (p, "\u202f"))
        p = g_utf8_next_char (p);
      else if (*p == '.' && strcmp (point, ".") != 0 && strcmp (sep, ".") != 0)
        {
          g_string_append_c (plain, '.');
          p++;
        }
      else if (g_ascii_isdigit (*p) || *p == '-' || *p == '+')
        g_string_append_c (plain, *p++);
      else if (g_str_has_prefix (p, "\u2212"))  /* minus sign */
        {
          g_string_append_c (plain, '-');
          p += strlen ("\u2212");
        }
      else
        return FALSE;
    }
  v = g_ascii_strtod (plain->str, &end);
  if (end == plain->str || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

/* A value of an indicator as people read it, in the user's locale:
 * "31.7%", "20%", "3.42", "12". */
char *
ep_format_indicator_value (EpIndicator *indicator,
                           double       value)
{
  EpUnit unit = indicator ? ep_indicator_get_unit (indicator) : EP_UNIT_COUNT;
  g_autofree char *number = ep_format_locale_number (value, unit == EP_UNIT_MEAN_SCORE ? 2 : 1);

  switch (unit)
    {
    case EP_UNIT_PERCENT:
      /* Translators: a percentage; use "%s %%" where a space goes before the sign */
      return g_strdup_printf (_("%s%%"), number);
    case EP_UNIT_RATE_PER_100:
      /* Translators: a rate per 100 students, e.g. "4.2 per 100" */
      return g_strdup_printf (_("%s per 100"), number);
    case EP_UNIT_MEAN_SCORE:
    case EP_UNIT_COUNT:
    default:
      return g_steal_pointer (&number);
    }
}

/**
 * ep_format_figure:
 * @is_gap: format as a difference: "+4.2 pts"
 *
 * The figure's value, or the reason it has none ("n < 10"), never 0.
 */
char *
ep_format_figure (EpIndicator    *indicator,
                  const EpFigure *figure,
                  gboolean        is_gap)
{
  if (!ep_figure_ok (figure))
    return ep_figure_explain (figure);
  if (is_gap)
    {
      g_autofree char *number = ep_format_locale_number (ABS (figure->value), 1);
      const char *sign = figure->value > 0.05 ? "+" : figure->value < -0.05 ? "\u2212" : "";

      if (indicator && ep_indicator_get_unit (indicator) == EP_UNIT_PERCENT)
        /* Translators: a gap in percentage points, e.g. "+4.2 pts"; %s%s is sign and number */
        return g_strdup_printf (_("%s%s pts"), sign, number);
      return g_strdup_printf ("%s%s", sign, number);
    }
  return ep_format_indicator_value (indicator, figure->value);
}

/**
 * ep_locale_date_format:
 *
 * The locale's date format (as %x writes it) with a four-digit year: a
 * planning tool's dates span years, and "12/04/26" reads as any of three
 * dates. For strftime() and g_date_time_format().
 *
 * Returns: (transfer full):
 */
char *
ep_locale_date_format (void)
{
  const char *d_fmt = nl_langinfo (D_FMT);
  GString *format = g_string_new (NULL);

  if (d_fmt == NULL || *d_fmt == '\0')
    d_fmt = "%Y-%m-%d";
  for (const char *p = d_fmt; *p; p++)
    {
      if (p[0] == '%' && p[1] == 'y')
        {
          g_string_append (format, "%Y");
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (format, p, 2);
          p++;
        }
      else
        g_string_append_c (format, *p);
    }
  return g_string_free (format, FALSE);
}

char *
ep_format_locale_date (const GDate *date)
{
  g_autofree char *format = NULL;
  char buf[128];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  format = ep_locale_date_format ();
  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return ep_format_date (date);
  return g_strdup (buf);
}

gboolean
ep_parse_locale_date (const char *text,
                      GDate      *date)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  if (ep_parse_date (stripped, date))
    return TRUE;
  g_date_clear (date, 1);
  g_date_set_parse (date, stripped);
  return g_date_valid (date);
}

/* "English learners, Chronic absenteeism: 31.7% → 20% by 2027-28" */
char *
ep_describe_problem (EpDistrict *district,
                     EpSchool   *school,
                     EpPlan     *plan)
{
  EpStudentGroup *group;
  EpIndicator *indicator;

  if (plan == NULL)
    return g_strdup (_("No plan yet."));
  group = ep_plan_get_problem_group (plan) ? ep_district_find_group (district, ep_plan_get_problem_group (plan)) : NULL;
  indicator = ep_plan_get_problem_indicator (plan) && school ? ep_school_find_indicator (school, ep_plan_get_problem_indicator (plan)) : NULL;

  if (group != NULL && indicator != NULL && ep_plan_get_has_baseline (plan) && ep_plan_get_has_target (plan))
    {
      g_autofree char *baseline = ep_format_indicator_value (indicator, ep_plan_get_baseline (plan));
      g_autofree char *target = ep_format_indicator_value (indicator, ep_plan_get_target (plan));

      /* Translators: a problem statement: group, indicator, baseline → target by a school year,
       * e.g. "English learners, Chronic absenteeism: 31.7% → 20% by 2027-28" */
      return g_strdup_printf (_("%s, %s: %s → %s by %s"),
                              ep_student_group_get_label (group),
                              ep_indicator_get_name (indicator),
                              baseline, target,
                              ep_plan_get_target_period (plan) ? ep_plan_get_target_period (plan) : "?");
    }
  return g_strdup (_("The problem statement is not complete yet: it needs a group, an indicator, a baseline and a target with their periods."));
}

/**
 * ep_next_cycle_name:
 *
 * "2025-26" → "2026-27", "2025" → "2026"; other names get " (next)".
 */
char *
ep_next_cycle_name (const char *cycle)
{
  int year;

  if (cycle == NULL)
    return g_strdup ("");
  year = ep_period_year (cycle);
  if (year < 0)
    return g_strdup_printf ("%s+1", cycle);
  if (strlen (cycle) == 7 && cycle[4] == '-')
    return g_strdup_printf ("%04d-%02d", year + 1, (year + 2) % 100);
  if (strlen (cycle) == 9 && cycle[4] == '-')
    return g_strdup_printf ("%04d-%04d", year + 1, year + 2);
  if (strlen (cycle) == 4)
    return g_strdup_printf ("%04d", year + 1);
  return g_strdup_printf ("%04d%s", year + 1, cycle + 4);
}

/* ---- Widgets ----------------------------------------------------------- */

/**
 * ep_label_no_hyphens:
 *
 * For a label that is not prose (a field's name, a heading, a table cell):
 * wrapped between words only, never with a hyphen inserted in a word.
 */
void
ep_label_no_hyphens (GtkLabel *label)
{
  PangoAttrList *old = gtk_label_get_attributes (label);
  PangoAttrList *attrs = old ? pango_attr_list_copy (old) : pango_attr_list_new ();

  pango_attr_list_change (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
  if (gtk_label_get_wrap (label))
    gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
}

/* ep_label_no_hyphens() on every label under @widget. */
void
ep_labels_no_hyphens (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    ep_label_no_hyphens (GTK_LABEL (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    ep_labels_no_hyphens (c);
}

GtkWidget *
ep_mnemonic_label (const char *text,
                   GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  ep_label_no_hyphens (GTK_LABEL (label));
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  /* Beside a multi-line field, the label goes with its first line. */
  if (GTK_IS_TEXT_VIEW (mnemonic_widget))
    {
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 6);
    }
  gtk_widget_add_css_class (label, "field-label");
  return label;
}

void
ep_set_accessible_label (GtkWidget  *widget,
                         const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
ep_text_view_new (void)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "text-field");
  return view;
}

/* A multi-line field: framed, at least three lines high, scrolling when
 * the text is long. */
GtkWidget *
ep_framed (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
}

/* ---- EpBinder ---------------------------------------------------------- */

typedef struct {
  EpBinder   *binder;
  GtkWidget  *widget;      /* weak */
  char       *property;
  gulong      handler;
  GObject    *emitter;     /* what handler is connected to */
} Binding;

struct _EpBinder {
  EpHistory *history;
  GObject   *object;
  gulong     notify_id;
  GPtrArray *bindings;
  gboolean   syncing;
};

static void sync_binding (EpBinder *binder, Binding *b);

static void
binding_free (gpointer p)
{
  Binding *b = p;

  if (b->widget != NULL)
    {
      if (b->handler != 0 && b->emitter != NULL)
        g_signal_handler_disconnect (b->emitter, b->handler);
      g_object_remove_weak_pointer (G_OBJECT (b->widget), (gpointer *) &b->widget);
    }
  g_free (b->property);
  g_free (b);
}

EpBinder *
ep_binder_new (EpHistory *history)
{
  EpBinder *binder = g_new0 (EpBinder, 1);

  binder->history = history ? g_object_ref (history) : NULL;
  binder->bindings = g_ptr_array_new_with_free_func (binding_free);
  return binder;
}

void
ep_binder_free (EpBinder *binder)
{
  if (binder == NULL)
    return;
  ep_binder_set_object (binder, NULL);
  g_clear_pointer (&binder->bindings, g_ptr_array_unref);
  g_clear_object (&binder->history);
  g_free (binder);
}

void
ep_binder_set_history (EpBinder  *binder,
                       EpHistory *history)
{
  g_set_object (&binder->history, history);
}

static void
object_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  EpBinder   *binder)
{
  for (guint i = 0; i < binder->bindings->len; i++)
    {
      Binding *b = binder->bindings->pdata[i];

      if (strcmp (b->property, pspec->name) == 0)
        sync_binding (binder, b);
    }
}

void
ep_binder_set_object (EpBinder *binder,
                      gpointer  object)
{
  if (binder->object == object)
    return;
  if (binder->object != NULL)
    {
      g_clear_signal_handler (&binder->notify_id, binder->object);
      g_clear_object (&binder->object);
    }
  if (object != NULL)
    {
      binder->object = g_object_ref (object);
      binder->notify_id = g_signal_connect (object, "notify", G_CALLBACK (object_notify_cb), binder);
    }
  for (guint i = 0; i < binder->bindings->len; i++)
    sync_binding (binder, binder->bindings->pdata[i]);
}

gpointer
ep_binder_get_object (EpBinder *binder)
{
  return binder->object;
}

static void
binder_commit (EpBinder     *binder,
               Binding      *b,
               const GValue *value)
{
  if (binder->syncing || binder->object == NULL)
    return;
  if (binder->history == NULL)
    {
      g_warning ("Edit of %s ignored: no history to record it", b->property);
      return;
    }
  ep_history_set_value (binder->history, binder->object, b->property, value);
}

static GParamSpec *
binding_pspec (EpBinder *binder,
               Binding  *b)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (binder->object), b->property);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
sync_binding (EpBinder *binder,
              Binding  *b)
{
  GtkWidget *w = b->widget;
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (w == NULL)
    return;
  gtk_widget_set_sensitive (w, binder->object != NULL);
  if (binder->object == NULL)
    return;
  pspec = binding_pspec (binder, b);
  g_return_if_fail (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (binder->object, b->property, &value);

  binder->syncing = TRUE;
  if (EP_IS_DATE_ENTRY (w))
    ep_date_entry_set_date (EP_DATE_ENTRY (w), g_value_get_boxed (&value));
  else if (GTK_IS_SPIN_BUTTON (w))
    {
      g_auto(GValue) d = G_VALUE_INIT;

      g_value_init (&d, G_TYPE_DOUBLE);
      g_value_transform (&value, &d);
      if (gtk_spin_button_get_value (GTK_SPIN_BUTTON (w)) != g_value_get_double (&d))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), g_value_get_double (&d));
    }
  else if (GTK_IS_EDITABLE (w))
    {
      const char *text = g_value_get_string (&value);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (w)), text ? text : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (w), text ? text : "");
    }
  else if (GTK_IS_TEXT_VIEW (w))
    {
      const char *text = g_value_get_string (&value);
      g_autofree char *current = text_view_get_text (GTK_TEXT_VIEW (w));

      if (g_strcmp0 (current, text ? text : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)), text ? text : "", -1);
    }
  else if (GTK_IS_CHECK_BUTTON (w))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (w), g_value_get_boolean (&value));
  else if (GTK_IS_SWITCH (w))
    gtk_switch_set_active (GTK_SWITCH (w), g_value_get_boolean (&value));
  else if (GTK_IS_TOGGLE_BUTTON (w))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (w), g_value_get_boolean (&value));
  else if (GTK_IS_DROP_DOWN (w))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (pspec->value_type);
      int v = g_value_get_enum (&value);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value == v)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (w), i);
    }
  binder->syncing = FALSE;
}

static void
editable_changed_cb (GtkEditable *editable,
                     Binding     *b)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = gtk_editable_get_text (editable);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text[0] ? text : NULL);
  binder_commit (b->binder, b, &value);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Binding       *b)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (b->widget == NULL)
    return;
  text = text_view_get_text (GTK_TEXT_VIEW (b->widget));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text[0] ? text : NULL);
  binder_commit (b->binder, b, &value);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Binding       *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (spin));
  binder_commit (b->binder, b, &value);
}

static void
active_changed_cb (GObject    *widget,
                   GParamSpec *pspec,
                   Binding    *b)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean active;

  g_object_get (widget, "active", &active, NULL);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, active);
  binder_commit (b->binder, b, &value);
}

static void
selected_changed_cb (GtkDropDown *dropdown,
                     GParamSpec  *unused,
                     Binding     *b)
{
  EpBinder *binder = b->binder;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GEnumClass) klass = NULL;
  GParamSpec *pspec;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (binder->object == NULL || binder->syncing)
    return;
  pspec = binding_pspec (binder, b);
  klass = g_type_class_ref (pspec->value_type);
  if (selected >= klass->n_values)
    return;
  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, klass->values[selected].value);
  binder_commit (binder, b, &value);
}

static void
date_changed_cb (EpDateEntry *entry,
                 GParamSpec  *unused,
                 Binding     *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, ep_date_entry_get_date (entry));
  binder_commit (b->binder, b, &value);
}

void
ep_binder_bind (EpBinder   *binder,
                GtkWidget  *widget,
                const char *property)
{
  Binding *b;

  g_return_if_fail (binder != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  b = g_new0 (Binding, 1);
  b->binder = binder;
  b->widget = widget;
  b->property = g_strdup (property);
  b->emitter = G_OBJECT (widget);
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &b->widget);

  if (EP_IS_DATE_ENTRY (widget))
    b->handler = g_signal_connect (widget, "notify::date", G_CALLBACK (date_changed_cb), b);
  else if (GTK_IS_SPIN_BUTTON (widget))
    b->handler = g_signal_connect (widget, "value-changed", G_CALLBACK (spin_changed_cb), b);
  else if (GTK_IS_EDITABLE (widget))
    b->handler = g_signal_connect (widget, "changed", G_CALLBACK (editable_changed_cb), b);
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      /* The buffer lives as long as the view here. */
      b->emitter = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
      b->handler = g_signal_connect (b->emitter, "changed", G_CALLBACK (buffer_changed_cb), b);
    }
  else if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    b->handler = g_signal_connect (widget, "notify::active", G_CALLBACK (active_changed_cb), b);
  else if (GTK_IS_DROP_DOWN (widget))
    b->handler = g_signal_connect (widget, "notify::selected", G_CALLBACK (selected_changed_cb), b);
  else
    g_critical ("EpBinder cannot bind a %s", G_OBJECT_TYPE_NAME (widget));

  g_ptr_array_add (binder->bindings, b);
  sync_binding (binder, b);
}

void
ep_binder_attach (EpBinder  *binder,
                  GtkWidget *widget)
{
  g_object_set_data_full (G_OBJECT (widget), "ep-binder", binder, (GDestroyNotify) ep_binder_free);
}

/* ---- Shared bits ------------------------------------------------------- */

const char *
ep_track_label (EpTrackState state)
{
  switch (state)
    {
    /* Translators: whether the problem statement is on track */
    case EP_TRACK_AHEAD: return _("Ahead of the path");
    case EP_TRACK_ON: return _("On track");
    case EP_TRACK_BEHIND: return _("Behind the path");
    case EP_TRACK_UNKNOWN:
    default: return _("Not known yet");
    }
}

const char *
ep_track_css_class (EpTrackState state)
{
  switch (state)
    {
    case EP_TRACK_AHEAD: return "track-ahead";
    case EP_TRACK_ON: return "track-on";
    case EP_TRACK_BEHIND: return "track-behind";
    case EP_TRACK_UNKNOWN:
    default: return "track-unknown";
    }
}

GtkWidget *
ep_remove_button_new (const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, accessible_label);
  ep_set_accessible_label (button, accessible_label);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* A list row for an editable record: not activatable, not focusable
 * itself, so Tab goes straight to its fields. */
GtkWidget *
ep_section_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "record-row");
  return row;
}

/* ---- EpCells ----------------------------------------------------------- */

struct _EpCells
{
  GObject    parent_instance;
  GPtrArray *cells;
  gboolean   highlight;
};

G_DEFINE_FINAL_TYPE (EpCells, ep_cells, G_TYPE_OBJECT)

static void
ep_cells_finalize (GObject *object)
{
  g_clear_pointer (&EP_CELLS (object)->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (ep_cells_parent_class)->finalize (object);
}

static void
ep_cells_class_init (EpCellsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ep_cells_finalize;
}

static void
ep_cells_init (EpCells *self)
{
  self->cells = g_ptr_array_new_with_free_func (g_free);
}

EpCells *
ep_cells_new (guint n_cells)
{
  EpCells *self = g_object_new (EP_TYPE_CELLS, NULL);

  g_ptr_array_set_size (self->cells, n_cells);
  return self;
}

void
ep_cells_take (EpCells *self,
               guint    index,
               char    *text)
{
  g_return_if_fail (index < self->cells->len);
  g_free (self->cells->pdata[index]);
  self->cells->pdata[index] = text;
}

const char *
ep_cells_get (EpCells *self,
              guint    index)
{
  return index < self->cells->len && self->cells->pdata[index] ? self->cells->pdata[index] : "";
}

void
ep_cells_set_highlight (EpCells  *self,
                        gboolean  highlight)
{
  self->highlight = highlight;
}

gboolean
ep_cells_get_highlight (EpCells *self)
{
  return self->highlight;
}

static void
cells_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  ep_label_no_hyphens (GTK_LABEL (label));
  gtk_list_item_set_child (item, label);
}

static void
cells_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  numeric)
{
  EpCells *cells = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ep-index"));

  gtk_label_set_label (GTK_LABEL (label), ep_cells_get (cells, index));
  if (cells->highlight)
    gtk_widget_add_css_class (label, "highlight-cell");
  else
    gtk_widget_remove_css_class (label, "highlight-cell");
}

GtkColumnViewColumn *
ep_cells_column_new (const char *title,
                     guint       index,
                     gboolean    numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "ep-index", GUINT_TO_POINTER (index));
  g_signal_connect (factory, "setup", G_CALLBACK (cells_setup_cb), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (cells_bind_cb), GINT_TO_POINTER (numeric));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

char *
ep_flags_describe (guint flags)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  if (flags & EP_FLAG_DISPROPORTIONATE)
    /* Translators: a flag in the indicators table: the risk ratio is beyond the district's threshold */
    g_ptr_array_add (words, (gpointer) _("disproportionate"));
  if (flags & EP_FLAG_SUSTAINED)
    /* Translators: a flag: disproportionate for the district's number of consecutive periods */
    g_ptr_array_add (words, (gpointer) _("several periods in a row"));
  if (flags & EP_FLAG_ALTERNATE)
    g_ptr_array_add (words, (gpointer) _("alternate ratio"));
  if (flags & EP_FLAG_BELOW_80)
    /* Translators: a flag: the 80% index is under 0.8 */
    g_ptr_array_add (words, (gpointer) _("under the 80% rule"));
  g_ptr_array_add (words, NULL);
  /* Translators: separates flags in a list */
  return g_strjoinv (_(", "), (char **) words->pdata);
}

/* ---- Next cycle -------------------------------------------------------- */

/**
 * ep_copy_node:
 *
 * A new model object of @node's type with the same plain properties (not
 * its translations or lists).
 *
 * Returns: (transfer full):
 */
gpointer
ep_copy_node (gpointer node)
{
  GType type = G_OBJECT_TYPE (node);
  GObject *copy = g_object_new (type, NULL);
  guint n_fields;
  const EpField *fields = ep_node_class_get_fields (type, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), fields[i].name);
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
        continue;
      g_value_init (&value, pspec->value_type);
      g_object_get_property (node, fields[i].name, &value);
      g_object_set_property (copy, fields[i].name, &value);
    }
  return copy;
}

/**
 * ep_plan_new_next_cycle:
 *
 * The next cycle's plan, not yet in the school: the focus and problem
 * statement carried forward with the latest value as the new baseline,
 * the decision structure and champions kept, the chosen ideas and the
 * actions not stopped carried forward as planned, and a log entry that
 * marks them for review.
 *
 * Returns: (transfer full):
 */
EpPlan *
ep_plan_new_next_cycle (EpDistrict  *district,
                        EpSchool    *school,
                        EpPlan      *plan,
                        const GDate *today)
{
  g_autofree char *cycle = ep_next_cycle_name (ep_plan_get_cycle (plan));
  EpPlan *next = ep_plan_new (cycle);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  EpAnalysis analysis;
  EpTrack track;
  GListModel *list;

  ep_plan_set_phase (next, EP_PHASE_PREREQUISITES);
  ep_plan_set_curriculum (next, ep_plan_get_curriculum (plan));
  ep_plan_set_budget (next, ep_plan_get_budget (plan));
  ep_plan_set_partnerships (next, ep_plan_get_partnerships (plan));
  ep_plan_set_focus (next, ep_plan_get_focus (plan));
  ep_plan_set_root_cause (next, ep_plan_get_root_cause (plan));
  ep_plan_set_problem_group (next, ep_plan_get_problem_group (plan));
  ep_plan_set_problem_indicator (next, ep_plan_get_problem_indicator (plan));
  ep_plan_set_statement (next, ep_plan_get_statement (plan));

  /* The latest value becomes the new baseline. */
  ep_analysis_init (&analysis, district);
  ep_analysis_track (&analysis, school, plan, NULL, &track);
  if (track.period != NULL && ep_figure_ok (&track.current))
    {
      ep_plan_set_baseline (next, track.current.value);
      ep_plan_set_baseline_period (next, track.period);
    }
  else
    {
      if (ep_plan_get_has_baseline (plan))
        ep_plan_set_baseline (next, ep_plan_get_baseline (plan));
      ep_plan_set_baseline_period (next, ep_plan_get_baseline_period (plan));
    }
  if (ep_plan_get_has_target (plan))
    ep_plan_set_target (next, ep_plan_get_target (plan));
  ep_plan_set_target_period (next, ep_plan_get_target_period (plan));

  list = ep_plan_get_champions (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autoptr(GObject) copy = ep_copy_node (item);
      ep_plan_add (next, copy);
    }
  list = ep_plan_get_ideas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (list, i);
      if (ep_idea_get_chosen (idea))
        {
          g_autoptr(GObject) copy = ep_copy_node (idea);
          ep_plan_add (next, copy);
        }
    }
  list = ep_plan_get_interventions (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (list, i);
      g_autoptr(EpIntervention) copy = NULL;

      if (ep_intervention_get_status (action) == EP_STATUS_STOPPED)
        continue;
      copy = ep_copy_node (action);
      ep_intervention_set_status (copy, EP_STATUS_PLANNED);
      ep_intervention_set_start (copy, NULL);
      ep_intervention_set_end (copy, NULL);
      ep_plan_add (next, copy);
      g_ptr_array_add (titles, (gpointer) (ep_intervention_get_title (action) ? ep_intervention_get_title (action)
                                                                                : ep_intervention_get_id (action)));
    }
  if (titles->len > 0)
    {
      g_autoptr(EpLogEntry) entry = ep_log_entry_new ();
      g_autofree char *joined = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (titles, NULL);
      joined = g_strjoinv ("; ", (char **) titles->pdata);
      /* Translators: a decision-log entry made by "Start next cycle"; %s is a cycle, then a list of actions */
      text = g_strdup_printf (_("Carried forward from %s, to review before they start again: %s."),
                              ep_plan_get_cycle (plan), joined);
      ep_log_entry_set_date (entry, today);
      ep_log_entry_set_kind (entry, EP_LOG_DECISION);
      ep_log_entry_set_text (entry, text);
      ep_plan_add (next, entry);
    }
  return next;
}

/**
 * ep_action_new_for_plan:
 * @plan: the plan the action is for
 * @today: the day it is made
 *
 * A new action with an id unused in @plan, running inside the plan's
 * cycle: from today (or the cycle's first day, when today is outside it)
 * to the cycle's last day, so that its bar sits on the plan's timeline.
 *
 * Returns: (transfer full): the action, not yet in the plan
 */
EpIntervention *
ep_action_new_for_plan (EpPlan      *plan,
                        const GDate *today)
{
  EpIntervention *action = ep_intervention_new ();
  g_autofree char *id = NULL;
  GDate first, last, start;
  guint n = 1;

  do
    {
      g_free (id);
      id = g_strdup_printf ("a%u", n++);
    }
  while (ep_plan_find_intervention (plan, id) != NULL);
  ep_intervention_set_id (action, id);
  start = *today;
  if (ep_cycle_dates (ep_plan_get_cycle (plan), &first, &last))
    {
      if (g_date_compare (&start, &first) < 0 || g_date_compare (&start, &last) > 0)
        start = first;
      ep_intervention_set_end (action, &last);
    }
  ep_intervention_set_start (action, &start);
  return action;
}
