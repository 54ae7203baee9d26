/* ep-timeline.c — the plan's actions on the cycle's calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per action: its title, and a bar for its date span on the school
 * year of the cycle (1 August to 31 July, widened to the actions' dates),
 * with a line for today. Drawn in snapshot(); colours come from the style.
 * The accessible description lists every action with its dates.
 */
#define G_LOG_DOMAIN "ep-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-models.h"
#include "ep-page.h"
#include "ep-page-util.h"
#include "ep-timeline.h"

#define ROW_HEIGHT 28
#define BAR_HEIGHT 12
#define AXIS_HEIGHT 22

struct _EpTimeline
{
  GtkWidget   parent_instance;

  GListModel *model;
  char       *cycle;
  gulong      items_changed_id;
  GDate       first, last;
};

G_DEFINE_FINAL_TYPE (EpTimeline, ep_timeline, GTK_TYPE_WIDGET)

static guint
n_rows (EpTimeline *self)
{
  return self->model ? g_list_model_get_n_items (self->model) : 0;
}

static void
compute_range (EpTimeline *self)
{
  int year = self->cycle ? ep_period_year (self->cycle) : -1;
  GDate today;

  if (year < 0)
    {
      ep_page_today (&today);
      year = g_date_get_month (&today) >= 8 ? g_date_get_year (&today) : g_date_get_year (&today) - 1;
    }
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  g_date_set_dmy (&self->first, 1, G_DATE_AUGUST, year);
  g_date_set_dmy (&self->last, 31, G_DATE_JULY, year + 1);
  for (guint i = 0; i < n_rows (self); i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (self->model, i);
      const GDate *start = ep_intervention_get_start (action);
      const GDate *end = ep_intervention_get_end (action);

      if (start && g_date_valid (start) && g_date_compare (start, &self->first) < 0)
        self->first = *start;
      if (end && g_date_valid (end) && g_date_compare (end, &self->last) > 0)
        self->last = *end;
    }
}

static void
update_accessible (EpTimeline *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_rows (self); i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (self->model, i);
      g_autofree char *start = ep_format_locale_date (ep_intervention_get_start (action));
      g_autofree char *end = ep_format_locale_date (ep_intervention_get_end (action));
      const char *title = ep_intervention_get_title (action);

      if (text->len)
        g_string_append (text, "; ");
      /* Translators: one action in the timeline's description: title, start date, end date */
      g_string_append_printf (text, _("%s: %s to %s"), title ? title : _("untitled"),
                              start ? start : _("no start date"), end ? end : _("no end date"));
    }
  if (text->len == 0)
    g_string_append (text, _("No actions yet."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

void
ep_timeline_update (EpTimeline *self)
{
  g_return_if_fail (EP_IS_TIMELINE (self));

  compute_range (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
items_changed_cb (EpTimeline *self)
{
  ep_timeline_update (self);
}

static void
ep_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  EpTimeline *self = EP_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    *minimum = *natural = AXIS_HEIGHT + MAX (1, n_rows (self)) * ROW_HEIGHT;
}

static double
x_of (EpTimeline  *self,
      const GDate *date,
      double       x0,
      double       width)
{
  int span = MAX (1, g_date_days_between (&self->first, &self->last));
  double t = (double) g_date_days_between (&self->first, date) / span;

  return x0 + CLAMP (t, 0.0, 1.0) * width;
}

static GdkRGBA
lookup (GtkWidget  *widget,
        const char *name,
        const char *fallback)
{
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &rgba))
    gdk_rgba_parse (&rgba, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return rgba;
}

static void
ep_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  EpTimeline *self = EP_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  double label_width = MIN (260.0, width * 0.38);
  double x0 = rtl ? 8 : label_width + 12, bar_width = width - label_width - 20;
  GdkRGBA fg, accent, grid_color, today_color;
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  GDate today, month;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  accent = lookup (widget, "theme_selected_bg_color", "#3584e4");
  today_color = lookup (widget, "error_color", "#c01c28");
  grid_color = fg;
  grid_color.alpha = 0.15;
  if (bar_width < 40)
    bar_width = 40;

  /* Month ticks with short month names, on the axis row. */
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&self->first), g_date_get_year (&self->first));
  while (g_date_compare (&month, &self->last) <= 0)
    {
      double x = x_of (self, &month, 0, bar_width);
      char name[32];
      int lw, lh;

      x = rtl ? x0 + bar_width - x : x0 + x;
      gtk_snapshot_append_color (snapshot, &grid_color, &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT - 4, 1, MAX (1, n_rows (self)) * ROW_HEIGHT + 4));
      if (g_date_strftime (name, sizeof name, "%b", &month) > 0 && bar_width / 13.0 > 24)
        {
          pango_layout_set_text (layout, name, -1);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 2, 0));
          {
            GdkRGBA dim = fg;
            dim.alpha = 0.6;
            gtk_snapshot_append_layout (snapshot, layout, &dim);
          }
          gtk_snapshot_restore (snapshot);
        }
      g_date_add_months (&month, 1);
    }

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
  for (guint i = 0; i < n_rows (self); i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (self->model, i);
      const GDate *start = ep_intervention_get_start (action);
      const GDate *end = ep_intervention_get_end (action);
      const char *title = ep_intervention_get_title (action);
      double y = AXIS_HEIGHT + i * ROW_HEIGHT;
      int lw, lh;

      pango_layout_set_text (layout, title ? title : _("untitled"), -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rtl ? width - label_width : 0,
                                                              y + (ROW_HEIGHT - lh) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);

      if (start && g_date_valid (start))
        {
          const GDate *stop = end && g_date_valid (end) ? end : &self->last;
          double a = x_of (self, start, 0, bar_width), b = x_of (self, stop, 0, bar_width);
          GskRoundedRect rect;
          GdkRGBA color = accent;

          if (ep_intervention_get_status (action) == EP_STATUS_STOPPED)
            color.alpha = 0.35;
          if (rtl)
            {
              double t = a;
              a = bar_width - b;
              b = bar_width - t;
            }
          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x0 + a, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                                                                       MAX (4.0, b - a), BAR_HEIGHT),
                                           BAR_HEIGHT / 2.0);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &color, &rect.bounds);
          gtk_snapshot_pop (snapshot);
        }
    }

  ep_page_today (&today);
  if (g_date_compare (&today, &self->first) >= 0 && g_date_compare (&today, &self->last) <= 0)
    {
      double x = x_of (self, &today, 0, bar_width);
      x = rtl ? x0 + bar_width - x : x0 + x;
      gtk_snapshot_append_color (snapshot, &today_color,
                                 &GRAPHENE_RECT_INIT (x - 1, AXIS_HEIGHT - 4, 2, MAX (1, n_rows (self)) * ROW_HEIGHT + 4));
    }
  g_object_unref (layout);
}

static void
ep_timeline_dispose (GObject *object)
{
  EpTimeline *self = EP_TIMELINE (object);

  if (self->model)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->cycle, g_free);

  G_OBJECT_CLASS (ep_timeline_parent_class)->dispose (object);
}

static void
ep_timeline_class_init (EpTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ep_timeline_dispose;
  widget_class->measure = ep_timeline_measure;
  widget_class->snapshot = ep_timeline_snapshot;
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ep_timeline_init (EpTimeline *self)
{
  ep_set_accessible_label (GTK_WIDGET (self), _("Timeline of the actions"));
  compute_range (self);
  update_accessible (self);
}

GtkWidget *
ep_timeline_new (void)
{
  return g_object_new (EP_TYPE_TIMELINE, NULL);
}

void
ep_timeline_set_model (EpTimeline *self,
                       GListModel *interventions)
{
  g_return_if_fail (EP_IS_TIMELINE (self));

  if (self->model == interventions)
    return;
  if (self->model)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, interventions);
  if (interventions)
    self->items_changed_id = g_signal_connect_swapped (interventions, "items-changed",
                                                       G_CALLBACK (items_changed_cb), self);
  ep_timeline_update (self);
}

void
ep_timeline_set_cycle (EpTimeline *self,
                       const char *cycle)
{
  g_return_if_fail (EP_IS_TIMELINE (self));

  g_free (self->cycle);
  self->cycle = g_strdup (cycle);
  ep_timeline_update (self);
}
