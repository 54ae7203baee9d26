/* ep-chart.c — a chart of the district's figures, as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ep-chart.h"
#include "ep-chart-render.h"

/* Exports are drawn at this size, whatever the widget's. */
#define EXPORT_WIDTH  1200
#define EXPORT_HEIGHT 750

struct _EpChart
{
  GtkWidget     parent_instance;

  /* owned */
  EpChartKind   kind;
  EpDistrict   *district;
  EpSchool     *school;
  char         *indicator;
  char         *period;
  char         *group;
  EpPlan       *plan;
  gboolean      shared;

  EpChartData  *data;
  char         *message;
  char         *description;
  int           focus;
  guint         page;
  guint         rebuild_id;
  GSignalGroup *district_signals;
  GtkWidget    *menu;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_DISTRICT,
  PROP_SCHOOL,
  PROP_INDICATOR,
  PROP_PERIOD,
  PROP_GROUP,
  PROP_PLAN,
  PROP_SHARED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EpChart, ep_chart, GTK_TYPE_WIDGET)

static void
update_accessible (EpChart *self)
{
  const char *label = self->data ? ep_chart_data_get_title (self->data) : _("Chart");

  g_clear_pointer (&self->description, g_free);
  /* With a bar or point focused by keyboard: its value, as announced. */
  if (self->data && self->focus >= 0 && self->focus < (int) ep_chart_data_get_n_items (self->data) &&
      ep_chart_data_get_item (self->data, self->focus)->tooltip != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (ep_chart_data_get_item (self->data, self->focus)->tooltip, "\n", -1);

      /* Translators: joins the lines of a chart value's description */
      self->description = g_strjoinv (_("; "), lines);
    }
  else
    self->description = self->data ? ep_chart_data_describe (self->data)
                                   : g_strdup (self->message ? self->message : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Computes the figures again (properties or the district changed). */
static void
rebuild (EpChart *self)
{
  EpChartSpec spec = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->data, ep_chart_data_unref);
  g_clear_pointer (&self->message, g_free);

  if (self->district == NULL)
    self->message = g_strdup (_("No district open"));
  else
    {
      spec.kind = self->kind;
      spec.district = self->district;
      spec.school = self->school;
      spec.indicator = self->indicator;
      spec.period = self->period;
      spec.group = self->group;
      spec.plan = self->plan;
      spec.shared = self->shared;
      self->data = ep_chart_data_new (&spec, &error);
      if (self->data == NULL)
        self->message = g_strdup (error->message);
    }
  if (self->data == NULL || self->focus >= (int) ep_chart_data_get_n_items (self->data))
    self->focus = -1;
  update_accessible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", self->data != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->data != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rebuild_idle (gpointer user_data)
{
  EpChart *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_district_changed (EpChart *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
style_from_widget (EpChart      *self,
                   EpChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* gtk_widget_get_color() is GTK 4.10 */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* Light text means a dark background. */
  ep_chart_style_init (style, 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5);
  style->foreground[0] = fg.red;
  style->foreground[1] = fg.green;
  style->foreground[2] = fg.blue;
  style->foreground[3] = fg.alpha;
  style->background[3] = 0;    /* the window's own */
  style->direction = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL
                                                                          : PANGO_DIRECTION_LTR;
  style->titles = TRUE;
  style->notes = FALSE;
  style->page = self->page;
  style->focus = gtk_widget_has_focus (widget) ? self->focus : -1;
}

static gboolean
item_drawn (EpChart *self,
            int      i)
{
  return i >= 0 && ep_chart_data_get_item (self->data, i)->width > 0;
}

/* With keyboard focus: a ring around the chart, and the focused item's
 * value in a box beside it (what a tooltip would show). */
static void
draw_focus (EpChart *self,
            cairo_t *cr,
            int      width,
            int      height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 }, fg, bg = { 1, 1, 1, 1 };
  const EpChartItem *item;
  g_autoptr(PangoLayout) layout = NULL;
  int lw, lh;
  double pad = 6, bx, by, bw, bh;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* the GTK 4.8 way to read theme colours */
  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent);
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "theme_base_color", &bg))
    gtk_style_context_lookup_color (context, "theme_bg_color", &bg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, 1, 1, width - 2, height - 2);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (self->data == NULL || !item_drawn (self, self->focus))
    return;
  item = ep_chart_data_get_item (self->data, self->focus);
  if (item->tooltip == NULL)
    return;
  layout = gtk_widget_create_pango_layout (widget, item->tooltip);
  pango_layout_set_width (layout, (int) MAX (40, MIN (width - 16, 520)) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  bw = lw + 2 * pad;
  bh = lh + 2 * pad;
  /* Above the item if there is room, else below it; inside the chart. */
  bx = CLAMP (item->x + item->width / 2 - bw / 2, 4, MAX (4, width - bw - 4));
  by = item->y - bh - 6;
  if (by < 4)
    by = MIN (item->y + item->height + 6, height - bh - 4);
  cairo_save (cr);
  cairo_rectangle (cr, bx, by, bw, bh);
  gdk_cairo_set_source_rgba (cr, &bg);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_move_to (cr, bx + pad, by + pad);
  gdk_cairo_set_source_rgba (cr, &fg);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
ep_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  EpChart *self = EP_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  EpChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (self->data == NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->message);
      int lw, lh;

      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - lh) / 2.0));
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, 0, layout);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_snapshot_restore (snapshot);
      return;
    }

  style_from_widget (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ep_chart_render (self->data, cr, width, height, &style);
  /* The focused school is on another page of the roll-up: turn to it. */
  if (self->focus >= 0 && !item_drawn (self, self->focus) && ep_chart_data_get_n_pages (self->data) > 1)
    {
      guint per_page = 0;

      for (guint i = 0; i < ep_chart_data_get_n_items (self->data); i++)
        per_page += item_drawn (self, i);
      if (per_page > 0)
        {
          self->page = self->focus / per_page;
          style.page = self->page;
          cairo_save (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_restore (cr);
          ep_chart_render (self->data, cr, width, height, &style);
        }
    }
  if (gtk_widget_has_focus (widget))
    draw_focus (self, cr, width, height);
  cairo_destroy (cr);
}

static void
ep_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "M");
  int em, line;

  pango_layout_get_pixel_size (layout, &em, &line);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = line * 16;
      *natural = line * 40;
    }
  else
    {
      *minimum = line * 10;
      *natural = line * 24;
    }
}

/* ------------------------------------------------------------------ */
/* Keyboard focus, pointer, tooltips. */

static void
move_focus (EpChart *self,
            int      target)
{
  guint n;

  if (self->data == NULL || (n = ep_chart_data_get_n_items (self->data)) == 0)
    return;
  target = CLAMP (target, 0, (int) n - 1);
  ep_chart_set_focus_item (self, target);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EpChart               *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int n = self->data ? (int) ep_chart_data_get_n_items (self->data) : 0;
  int step = 0;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = rtl ? -1 : 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = rtl ? 1 : -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = -1;
      break;
    case GDK_KEY_Home:
      move_focus (self, 0);
      return TRUE;
    case GDK_KEY_End:
      move_focus (self, n - 1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_Page_Up:
      if (ep_chart_data_get_n_pages (self->data) > 1)
        {
          guint pages = ep_chart_data_get_n_pages (self->data);

          self->page = keyval == GDK_KEY_Page_Down ? MIN (self->page + 1, pages - 1)
                                                   : (self->page > 0 ? self->page - 1 : 0);
          self->focus = -1;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
  if (self->focus < 0)
    {
      /* The first item shown on this page. */
      for (int i = 0; i < n; i++)
        if (item_drawn (self, i))
          {
            move_focus (self, i);
            return TRUE;
          }
      move_focus (self, 0);
      return TRUE;
    }
  move_focus (self, self->focus + step);
  return TRUE;
}

static void
popup_menu (EpChart *self,
            double   x,
            double   y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            EpChart         *self)
{
  int item = self->data ? ep_chart_data_item_at (self->data, x, y) : -1;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (item >= 0)
    ep_chart_set_focus_item (self, item);
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    popup_menu (self, x, y);
}

static gboolean
ep_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  EpChart *self = EP_CHART (widget);
  const EpChartItem *item;
  int i;

  if (self->data == NULL)
    return FALSE;
  i = keyboard ? self->focus : ep_chart_data_item_at (self->data, x, y);
  if (i < 0 || !item_drawn (self, i))
    return FALSE;
  item = ep_chart_data_get_item (self->data, i);
  gtk_tooltip_set_text (tooltip, item->tooltip);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) item->x, (int) item->y,
                                                       MAX (1, (int) item->width), MAX (1, (int) item->height) });
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Actions: copy and export. */

static EpChartStyle *
export_style (EpChartStyle *style)
{
  /* Exports are for print and documents: light, with title and notes. */
  ep_chart_style_init (style, FALSE);
  style->direction = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL
                                                                            : PANGO_DIRECTION_LTR;
  return style;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpChart *self = EP_CHART (widget);
  EpChartStyle style;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (self->data == NULL)
    return;
  png = ep_chart_render_to_bytes (self->data, export_style (&style), EP_CHART_FORMAT_PNG,
                                  EXPORT_WIDTH, EXPORT_HEIGHT, &error);
  if (png)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    {
      g_warning ("Could not copy the chart: %s", error->message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static void
show_error (EpChart    *self,
            const char *primary,
            GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s: %s", primary, error->message);
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    EpChart         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && !ep_chart_format_from_path (path, &(EpChartFormat) { 0 }))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
          const char *suffix = filter ? g_object_get_data (G_OBJECT (filter), "ep-suffix") : NULL;
          char *with = g_strconcat (path, suffix ? suffix : ".png", NULL);

          g_free (path);
          path = with;
        }
      if (path && !ep_chart_export (self, path, EXPORT_WIDTH, EXPORT_HEIGHT, &error))
        show_error (self, _("Could not export the chart"), error);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EpChart *self = EP_CHART (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  static const struct { const char *name, *mime, *suffix; } formats[] = {
    { N_("PNG image"), "image/png", ".png" },
    { N_("SVG drawing"), "image/svg+xml", ".svg" },
    { N_("PDF document"), "application/pdf", ".pdf" },
  };

  if (self->data == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", formats[i].suffix, NULL);

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "ep-suffix", (gpointer) formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);
    }
  /* Translators: the default file name of an exported chart */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("chart.png"));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpChart *self = EP_CHART (widget);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;

  if (self->data && self->focus >= 0 && item_drawn (self, self->focus))
    {
      const EpChartItem *item = ep_chart_data_get_item (self->data, self->focus);

      x = item->x + item->width / 2;
      y = item->y + item->height / 2;
    }
  popup_menu (self, x, y);
}

/**
 * ep_chart_export:
 * @path: ends in .png, .svg or .pdf
 *
 * Writes the chart as exported charts look: light, with the title and the
 * notes (source, period, minimum n), in the default text direction.
 */
gboolean
ep_chart_export (EpChart     *self,
                 const char  *path,
                 int          width,
                 int          height,
                 GError     **error)
{
  EpChartStyle style;

  g_return_val_if_fail (EP_IS_CHART (self), FALSE);

  if (self->data == NULL)
    {
      g_set_error_literal (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND,
                           self->message ? self->message : _("Nothing to export"));
      return FALSE;
    }
  export_style (&style);
  style.page = self->page;
  return ep_chart_render_to_file (self->data, &style, path, width, height, error);
}

/* ------------------------------------------------------------------ */

static void
ep_chart_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  EpChart *self = EP_CHART (widget);

  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
ep_chart_state_flags_changed (GtkWidget     *widget,
                              GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (ep_chart_parent_class)->state_flags_changed (widget, previous);
  if ((gtk_widget_get_state_flags (widget) ^ previous) & GTK_STATE_FLAG_FOCUSED)
    gtk_widget_queue_draw (widget);
}

static void
ep_chart_direction_changed (GtkWidget        *widget,
                            GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
ep_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ep_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);   /* colours, dark mode, font */
}

static void
ep_chart_dispose (GObject *object)
{
  EpChart *self = EP_CHART (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->district_signals)
    g_signal_group_set_target (self->district_signals, NULL);
  g_clear_object (&self->district_signals);
  g_clear_object (&self->district);
  g_clear_object (&self->school);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->data, ep_chart_data_unref);

  G_OBJECT_CLASS (ep_chart_parent_class)->dispose (object);
}

static void
ep_chart_finalize (GObject *object)
{
  EpChart *self = EP_CHART (object);

  g_free (self->indicator);
  g_free (self->period);
  g_free (self->group);
  g_free (self->message);
  g_free (self->description);

  G_OBJECT_CLASS (ep_chart_parent_class)->finalize (object);
}

static void
ep_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  EpChart *self = EP_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, ep_chart_get_kind (self));
      break;
    case PROP_DISTRICT:
      g_value_set_object (value, ep_chart_get_district (self));
      break;
    case PROP_SCHOOL:
      g_value_set_object (value, ep_chart_get_school (self));
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, ep_chart_get_indicator (self));
      break;
    case PROP_PERIOD:
      g_value_set_string (value, ep_chart_get_period (self));
      break;
    case PROP_GROUP:
      g_value_set_string (value, ep_chart_get_group (self));
      break;
    case PROP_PLAN:
      g_value_set_object (value, ep_chart_get_plan (self));
      break;
    case PROP_SHARED:
      g_value_set_boolean (value, ep_chart_get_shared (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  EpChart *self = EP_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ep_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DISTRICT:
      ep_chart_set_district (self, g_value_get_object (value));
      break;
    case PROP_SCHOOL:
      ep_chart_set_school (self, g_value_get_object (value));
      break;
    case PROP_INDICATOR:
      ep_chart_set_indicator (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      ep_chart_set_period (self, g_value_get_string (value));
      break;
    case PROP_GROUP:
      ep_chart_set_group (self, g_value_get_string (value));
      break;
    case PROP_PLAN:
      ep_chart_set_plan (self, g_value_get_object (value));
      break;
    case PROP_SHARED:
      ep_chart_set_shared (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ep_chart_class_init (EpChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ep_chart_dispose;
  object_class->finalize = ep_chart_finalize;
  object_class->get_property = ep_chart_get_property;
  object_class->set_property = ep_chart_set_property;

  widget_class->snapshot = ep_chart_snapshot;
  widget_class->measure = ep_chart_measure;
  widget_class->size_allocate = ep_chart_size_allocate;
  widget_class->query_tooltip = ep_chart_query_tooltip;
  widget_class->state_flags_changed = ep_chart_state_flags_changed;
  widget_class->direction_changed = ep_chart_direction_changed;
  widget_class->css_changed = ep_chart_css_changed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, EP_TYPE_CHART_KIND, EP_CHART_KIND_GROUPS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHOOL] =
    g_param_spec_object ("school", NULL, NULL, EP_TYPE_SCHOOL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATOR] =
    g_param_spec_string ("indicator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, EP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "chart.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ep_chart_init (EpChart *self)
{
  GtkEventController *key;
  GtkEventController *focus;
  GtkGesture *click;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->kind = EP_CHART_KIND_GROUPS;
  self->focus = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_menu_append (menu, _("_Copy as Image"), "chart.copy");
  g_menu_append (menu, _("_Export…"), "chart.export");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  self->district_signals = g_signal_group_new (EP_TYPE_DISTRICT);
  g_signal_group_connect_swapped (self->district_signals, "changed", G_CALLBACK (on_district_changed), self);

  rebuild (self);
}

GtkWidget *
ep_chart_new (void)
{
  return g_object_new (EP_TYPE_CHART, NULL);
}

#define OBJECT_ACCESSORS(Type, name, field, PROP)                     \
  Type *                                                              \
  ep_chart_get_##name (EpChart *self)                                 \
  {                                                                   \
    g_return_val_if_fail (EP_IS_CHART (self), NULL);                  \
    return self->field;                                               \
  }                                                                   \
  void                                                                \
  ep_chart_set_##name (EpChart *self,                                 \
                       Type    *value)                                \
  {                                                                   \
    g_return_if_fail (EP_IS_CHART (self));                            \
    if (g_set_object (&self->field, value))                           \
      {                                                               \
        rebuild (self);                                               \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
      }                                                               \
  }

OBJECT_ACCESSORS (EpSchool, school, school, PROP_SCHOOL)
OBJECT_ACCESSORS (EpPlan, plan, plan, PROP_PLAN)

EpDistrict *
ep_chart_get_district (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), NULL);
  return self->district;
}

void
ep_chart_set_district (EpChart    *self,
                       EpDistrict *district)
{
  g_return_if_fail (EP_IS_CHART (self));
  g_return_if_fail (district == NULL || EP_IS_DISTRICT (district));

  if (g_set_object (&self->district, district))
    {
      g_signal_group_set_target (self->district_signals, district);
      self->page = 0;
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
    }
}

#define STRING_ACCESSORS(name, PROP)                                  \
  const char *                                                        \
  ep_chart_get_##name (EpChart *self)                                 \
  {                                                                   \
    g_return_val_if_fail (EP_IS_CHART (self), NULL);                  \
    return self->name;                                                \
  }                                                                   \
  void                                                                \
  ep_chart_set_##name (EpChart    *self,                              \
                       const char *value)                             \
  {                                                                   \
    g_return_if_fail (EP_IS_CHART (self));                            \
    if (g_strcmp0 (self->name, value) != 0)                           \
      {                                                               \
        g_free (self->name);                                          \
        self->name = g_strdup (value);                                \
        self->page = 0;                                               \
        rebuild (self);                                               \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
      }                                                               \
  }

STRING_ACCESSORS (indicator, PROP_INDICATOR)
STRING_ACCESSORS (period, PROP_PERIOD)
STRING_ACCESSORS (group, PROP_GROUP)

EpChartKind
ep_chart_get_kind (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), EP_CHART_KIND_GROUPS);
  return self->kind;
}

void
ep_chart_set_kind (EpChart     *self,
                   EpChartKind  kind)
{
  g_return_if_fail (EP_IS_CHART (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      self->page = 0;
      self->focus = -1;
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

gboolean
ep_chart_get_shared (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), FALSE);
  return self->shared;
}

void
ep_chart_set_shared (EpChart  *self,
                     gboolean  shared)
{
  g_return_if_fail (EP_IS_CHART (self));

  shared = !!shared;
  if (self->shared != shared)
    {
      self->shared = shared;
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED]);
    }
}

EpChartData *
ep_chart_get_data (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), NULL);
  if (self->rebuild_id)
    rebuild (self);
  return self->data;
}

const char *
ep_chart_get_message (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), NULL);
  return self->message;
}

int
ep_chart_get_focus_item (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), -1);
  return self->focus;
}

void
ep_chart_set_focus_item (EpChart *self,
                         int      item)
{
  g_return_if_fail (EP_IS_CHART (self));

  if (self->data == NULL || item < 0 || item >= (int) ep_chart_data_get_n_items (self->data))
    item = -1;
  if (self->focus != item)
    {
      self->focus = item;
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

guint
ep_chart_get_page (EpChart *self)
{
  g_return_val_if_fail (EP_IS_CHART (self), 0);
  return self->page;
}
