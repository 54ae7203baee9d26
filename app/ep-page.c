/* ep-page.c — a page of a school's plan: what the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows one part of a plan. It has the district, the school, the
 * plan and the history the edits go through; subclasses point their
 * bindings at them in plan_changed() and recompute what they derive in
 * refresh(), which runs in an idle after anything in the district changed
 * (the district's "changed" signal), so undo and redo update pages too.
 */
#define G_LOG_DOMAIN "ep-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-page.h"
#include "ep-page-util.h"

typedef struct
{
  EpDistrict *district;
  EpSchool   *school;
  EpPlan     *plan;
  EpHistory  *history;
  gulong      changed_id;
  guint       refresh_id;
  GtkSizeGroup *label_column;
} EpPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (EpPage, ep_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DISTRICT,
  PROP_SCHOOL,
  PROP_PLAN,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_changed (EpPage *self)
{
  EpPageClass *klass = EP_PAGE_GET_CLASS (self);

  if (klass->plan_changed)
    klass->plan_changed (self);
  ep_page_refresh_now (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  EpPage *self = data;
  EpPagePrivate *priv = ep_page_get_instance_private (self);

  priv->refresh_id = 0;
  ep_page_refresh_now (self);
  return G_SOURCE_REMOVE;
}

static void
district_changed_cb (EpPage  *self,
                     GObject *object)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);

  if (priv->refresh_id == 0)
    priv->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

void
ep_page_refresh_now (EpPage *self)
{
  EpPageClass *klass;
  EpPagePrivate *priv;

  g_return_if_fail (EP_IS_PAGE (self));

  priv = ep_page_get_instance_private (self);
  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  klass = EP_PAGE_GET_CLASS (self);
  if (klass->refresh)
    klass->refresh (self);
}

static void
ep_page_dispose (GObject *object)
{
  EpPage *self = EP_PAGE (object);
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  g_clear_object (&priv->label_column);
  if (priv->district)
    g_clear_signal_handler (&priv->changed_id, priv->district);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&priv->district);
  g_clear_object (&priv->school);
  g_clear_object (&priv->plan);
  g_clear_object (&priv->history);

  G_OBJECT_CLASS (ep_page_parent_class)->dispose (object);
}

static void
ep_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  EpPage *self = EP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      g_value_set_object (value, ep_page_get_district (self));
      break;
    case PROP_SCHOOL:
      g_value_set_object (value, ep_page_get_school (self));
      break;
    case PROP_PLAN:
      g_value_set_object (value, ep_page_get_plan (self));
      break;
    case PROP_HISTORY:
      g_value_set_object (value, ep_page_get_history (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  EpPage *self = EP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      ep_page_set_district (self, g_value_get_object (value));
      break;
    case PROP_SCHOOL:
      ep_page_set_school (self, g_value_get_object (value));
      break;
    case PROP_PLAN:
      ep_page_set_plan (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      ep_page_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Field names in the page's form grids share one column width. */
static void
share_label_column (GtkWidget    *widget,
                    GtkSizeGroup *group)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_GRID (widget) && GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "field-label"))
        {
          int column;

          gtk_grid_query_child (GTK_GRID (widget), c, &column, NULL, NULL, NULL);
          if (column == 0)
            gtk_size_group_add_widget (group, c);
        }
      else if (!GTK_IS_LIST_BOX (c))
        share_label_column (c, group);
    }
}

static void
ep_page_realize (GtkWidget *widget)
{
  EpPagePrivate *priv = ep_page_get_instance_private (EP_PAGE (widget));

  GTK_WIDGET_CLASS (ep_page_parent_class)->realize (widget);
  /* The page's own labels (rows made later use ep_mnemonic_label()). */
  ep_labels_no_hyphens (widget);
  if (priv->label_column == NULL)
    {
      priv->label_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      share_label_column (widget, priv->label_column);
    }
}

static void
ep_page_class_init (EpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ep_page_dispose;
  object_class->get_property = ep_page_get_property;
  object_class->set_property = ep_page_set_property;

  properties[PROP_DISTRICT] = g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT, flags);
  properties[PROP_SCHOOL] = g_param_spec_object ("school", NULL, NULL, EP_TYPE_SCHOOL, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, EP_TYPE_PLAN, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, EP_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->realize = ep_page_realize;
}

static void
ep_page_init (EpPage *self)
{
}

EpDistrict *
ep_page_get_district (EpPage *self)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  g_return_val_if_fail (EP_IS_PAGE (self), NULL);
  return priv->district;
}

void
ep_page_set_district (EpPage     *self,
                      EpDistrict *district)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);

  g_return_if_fail (EP_IS_PAGE (self));

  if (priv->district == district)
    return;
  if (priv->district)
    g_clear_signal_handler (&priv->changed_id, priv->district);
  g_set_object (&priv->district, district);
  if (district)
    priv->changed_id = g_signal_connect_swapped (district, "changed", G_CALLBACK (district_changed_cb), self);
  plan_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

EpSchool *
ep_page_get_school (EpPage *self)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  g_return_val_if_fail (EP_IS_PAGE (self), NULL);
  return priv->school;
}

void
ep_page_set_school (EpPage   *self,
                    EpSchool *school)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);

  g_return_if_fail (EP_IS_PAGE (self));

  if (g_set_object (&priv->school, school))
    {
      plan_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
    }
}

EpPlan *
ep_page_get_plan (EpPage *self)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  g_return_val_if_fail (EP_IS_PAGE (self), NULL);
  return priv->plan;
}

void
ep_page_set_plan (EpPage *self,
                  EpPlan *plan)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);

  g_return_if_fail (EP_IS_PAGE (self));

  if (g_set_object (&priv->plan, plan))
    {
      plan_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
    }
}

EpHistory *
ep_page_get_history (EpPage *self)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  g_return_val_if_fail (EP_IS_PAGE (self), NULL);
  return priv->history;
}

void
ep_page_set_history (EpPage    *self,
                     EpHistory *history)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);

  g_return_if_fail (EP_IS_PAGE (self));

  if (g_set_object (&priv->history, history))
    {
      plan_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
}

/**
 * ep_page_set_context:
 *
 * Sets the district, school, plan and history at once: the page rebinds
 * and refreshes once.
 */
void
ep_page_set_context (EpPage     *self,
                     EpDistrict *district,
                     EpSchool   *school,
                     EpPlan     *plan,
                     EpHistory  *history)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  gboolean changed = FALSE;

  g_return_if_fail (EP_IS_PAGE (self));

  if (priv->district != district)
    {
      if (priv->district)
        g_clear_signal_handler (&priv->changed_id, priv->district);
      g_set_object (&priv->district, district);
      if (district)
        priv->changed_id = g_signal_connect_swapped (district, "changed", G_CALLBACK (district_changed_cb), self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
      changed = TRUE;
    }
  if (g_set_object (&priv->school, school))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
      changed = TRUE;
    }
  if (g_set_object (&priv->plan, plan))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
      changed = TRUE;
    }
  if (g_set_object (&priv->history, history))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
      changed = TRUE;
    }
  if (changed)
    plan_changed (self);
}

void
ep_page_focus_item (EpPage  *self,
                    GObject *item)
{
  EpPageClass *klass;

  g_return_if_fail (EP_IS_PAGE (self));

  klass = EP_PAGE_GET_CLASS (self);
  if (item != NULL && klass->focus_item)
    klass->focus_item (self, item);
}

/**
 * ep_page_today:
 *
 * Today, or the date in $EP_TODAY (YYYY-MM-DD) so that tests and
 * screenshots do not depend on the day they run.
 */
void
ep_page_today (GDate *today)
{
  const char *fixed = g_getenv ("EP_TODAY");

  g_date_clear (today, 1);
  if (fixed == NULL || !ep_parse_date (fixed, today))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
}

/**
 * ep_page_fill_findings:
 *
 * Fills @box with what the plan-health check finds missing on @page, or
 * says that nothing is.
 */
static gboolean
typing_in (EpPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)) &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

typedef struct {
  GWeakRef    page;
  GtkBox     *box;        /* the page's */
  EpPlanPage  plan_page;
} Deferred;

static void
deferred_free (gpointer data,
               GClosure *closure)
{
  Deferred *d = data;

  g_weak_ref_clear (&d->page);
  g_free (d);
}

static void
focus_moved_cb (GtkRoot    *root,
                GParamSpec *pspec,
                Deferred   *d)
{
  g_autoptr(EpPage) page = g_weak_ref_get (&d->page);

  /* Any move of the focus (Tab to the next field, a click elsewhere) ends
   * the typing: the list catches up, between fields, not within one. */
  if (page != NULL)
    {
      g_object_set_data (G_OBJECT (page), "ep-findings-deferred", NULL);
      ep_page_fill_findings (page, d->box, d->plan_page);
    }
  /* Frees d. */
  g_signal_handlers_disconnect_by_func (root, focus_moved_cb, d);
}

static void
defer_findings (EpPage     *self,
                GtkBox     *box,
                EpPlanPage  page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Deferred *d;

  if (g_object_get_data (G_OBJECT (self), "ep-findings-deferred") != NULL)
    return;
  d = g_new0 (Deferred, 1);
  g_weak_ref_init (&d->page, self);
  d->box = box;
  d->plan_page = page;
  g_object_set_data (G_OBJECT (self), "ep-findings-deferred", d);
  g_signal_connect_data (root, "notify::focus-widget", G_CALLBACK (focus_moved_cb), d, deferred_free, 0);
}

/* Whether the findings list waits for typing to end (for tests). */
gboolean
ep_page_get_findings_deferred (EpPage *self)
{
  return g_object_get_data (G_OBJECT (self), "ep-findings-deferred") != NULL;
}

void
ep_page_fill_findings (EpPage     *self,
                       GtkBox     *box,
                       EpPlanPage  page)
{
  EpPagePrivate *priv = ep_page_get_instance_private (self);
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *child;
  guint shown = 0;
  GDate today;

  /* While a text field of the page is being typed in, the list waits:
   * a list that grows and shrinks per keystroke moves the fields under the
   * pointer. It catches up when the focus moves. */
  if (typing_in (self) && gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL &&
      priv->plan != NULL)
    {
      defer_findings (self, box, page);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
  if (priv->district == NULL || priv->plan == NULL)
    return;

  ep_page_today (&today);
  /* The page's own step, whatever the phase (so an empty step never says
   * that nothing is missing), by the rules the Overview uses. */
  findings = ep_health_check_steps (priv->district, priv->school, priv->plan, &today);
  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *f = findings->pdata[i];
      GtkWidget *row, *icon, *label;

      if (f->page != page && !(page == EP_PAGE_PREREQUISITES && f->page == EP_PAGE_DISTRICT_SETTINGS))
        continue;
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      icon = gtk_image_new_from_icon_name (f->severity == EP_SEVERITY_ERROR ? "dialog-error-symbolic"
                                           : f->severity == EP_SEVERITY_WARNING ? "dialog-warning-symbolic"
                                           : "dialog-information-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      label = gtk_label_new (f->message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (row, f->severity == EP_SEVERITY_ERROR ? "finding-error"
                                : f->severity == EP_SEVERITY_WARNING ? "finding-warning" : "finding-info");
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (box, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (_("Nothing missing on this page."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_box_append (GTK_BOX (row), label);
      gtk_widget_add_css_class (row, "finding-ok");
      gtk_box_append (box, row);
    }
}

gboolean
ep_focus_first (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_get_focusable (c) && gtk_widget_get_sensitive (c) && gtk_widget_get_visible (c) &&
          !GTK_IS_LABEL (c))
        return gtk_widget_grab_focus (c);
      if (ep_focus_first (c))
        return TRUE;
    }
  return FALSE;
}
