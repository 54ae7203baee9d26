/* ep-chart-render.c — Cairo + Pango drawing of every chart kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The design rules are in ep-chart-render.h. Layout works in "logical"
 * coordinates (x grows from the start side); X(), box() and text() turn
 * them into device coordinates, mirrored for right-to-left.
 */
#define G_LOG_DOMAIN "ep-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ep-chart-data-private.h"
#include "ep-chart-render.h"

typedef struct {
  double r, g, b, a;
} Colour;

/* Okabe & Ito (2008), "Color Universal Design". */
#define OI(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
static const Colour oi_orange = OI (0xE69F00);
static const Colour oi_sky_blue = OI (0x56B4E9);
static const Colour oi_blue = OI (0x0072B2);
static const Colour oi_vermillion = OI (0xD55E00);
static const Colour oi_yellow = OI (0xF0E442);
static const Colour oi_green = OI (0x009E73);

typedef enum {
  H_START,
  H_CENTER,
  H_END,
} HAlign;

typedef struct {
  cairo_t              *cr;
  EpChartData          *data;
  const EpChartStyle   *style;
  PangoContext         *pctx;
  PangoFontDescription *font;
  PangoFontDescription *small;
  PangoFontDescription *bold;
  PangoFontDescription *title;
  double                lh;       /* line height of the body font */
  double                sh;       /* … of the small font */
  double                width, height;
  gboolean              rtl;
  Colour                fg, muted, grid, bg;
  Colour                primary, highlight, reference;
} Ctx;

/* ------------------------------------------------------------------ */
/* Geometry helpers: logical → device. */

static inline double
X (const Ctx *c,
   double     x)
{
  return c->rtl ? c->width - x : x;
}

static void
box (const Ctx *c,
     double     x,
     double     y,
     double     w,
     double     h)
{
  cairo_rectangle (c->cr, c->rtl ? c->width - x - w : x, y, w, h);
}

static void
set_item_box (const Ctx   *c,
              EpChartItem *item,
              double       x,
              double       y,
              double       w,
              double       h)
{
  item->x = c->rtl ? c->width - x - w : x;
  item->y = y;
  item->width = w;
  item->height = h;
}

static void
source (const Ctx    *c,
        const Colour *colour)
{
  cairo_set_source_rgba (c->cr, colour->r, colour->g, colour->b, colour->a);
}

static Colour
with_alpha (const Colour *colour,
            double        alpha)
{
  Colour out = *colour;

  out.a *= alpha;
  return out;
}

static void
dash (const Ctx *c,
      double     on,
      double     off)
{
  double d[2] = { on, off };

  if (on <= 0)
    cairo_set_dash (c->cr, NULL, 0, 0);
  else
    cairo_set_dash (c->cr, d, 2, 0);
}

/* ------------------------------------------------------------------ */
/* Text. */

static PangoLayout *
make_layout (const Ctx                  *c,
             const char                 *text,
             const PangoFontDescription *font,
             double                      max_width,
             int                         max_lines,
             HAlign                      align)
{
  PangoLayout *layout = pango_layout_new (c->pctx);
  PangoDirection dir;
  gboolean right;

  PangoAttrList *attrs = pango_attr_list_new ();

  /* Labels, not prose: never a hyphen inserted inside a word. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1);
    }
  /* Lines of a wrapped text align with the anchor's side; Pango flips
   * LEFT and RIGHT for a paragraph whose direction is not the context's
   * base direction, so undo that. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dir = pango_find_base_dir (text, -1);  /* no replacement in Pango 1.50 */
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (dir == PANGO_DIRECTION_NEUTRAL)
    dir = c->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  if (align == H_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    {
      right = (align == H_END) != c->rtl;        /* device side */
      if ((dir == PANGO_DIRECTION_RTL) != c->rtl)
        right = !right;
      pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  return layout;
}

static void
measure (const Ctx                  *c,
         const char                 *text,
         const PangoFontDescription *font,
         double                      max_width,
         int                         max_lines,
         double                     *w,
         double                     *h)
{
  g_autoptr(PangoLayout) layout = make_layout (c, text, font, max_width, max_lines, H_START);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (w)
    *w = logical.width;
  if (h)
    *h = logical.height;
}

static PangoFontDescription *derive_font (const PangoFontDescription *base,
                                          double                      scale,
                                          PangoWeight                 weight);

/* The width of @text's widest word (what a label wrapped at word
 * boundaries needs at least). */
static double
widest_word (const Ctx                  *c,
             const char                 *text,
             const PangoFontDescription *font)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i]; i++)
    {
      double w = 0;

      if (*words[i] == '\0')
        continue;
      measure (c, words[i], font, 0, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* Draws @text with its logical anchor at (@x, @y): @align says which side
 * of the text is at x, @valign which fraction of its height is at y (0 top,
 * 0.5 middle, 1 bottom). Returns the height drawn. */
static double
text (const Ctx                  *c,
      const char                 *str,
      const PangoFontDescription *font,
      const Colour               *colour,
      double                      x,
      double                      y,
      HAlign                      align,
      double                      valign,
      double                      max_width,
      int                         max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double left, dx = X (c, x);

  if (str == NULL || *str == '\0')
    return 0;
  layout = make_layout (c, str, font, max_width, max_lines, align);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (align == H_CENTER)
    left = dx - logical.width / 2.0;
  else if ((align == H_START) != c->rtl)
    left = dx;
  else
    left = dx - logical.width;
  cairo_move_to (c->cr, left - logical.x, y - logical.height * valign - logical.y);
  source (c, colour);
  pango_cairo_show_layout (c->cr, layout);
  cairo_new_path (c->cr);
  return logical.height;
}

/* ------------------------------------------------------------------ */
/* Marks. */

static void
hatch (const Ctx    *c,
       double        x,
       double        y,
       double        w,
       double        h,
       const Colour *colour,
       double        spacing)
{
  cairo_save (c->cr);
  box (c, x, y, w, h);
  cairo_clip (c->cr);
  source (c, colour);
  cairo_set_line_width (c->cr, MAX (1, spacing / 5));
  dash (c, 0, 0);
  for (double d = -h; d < w + h; d += spacing)
    {
      cairo_move_to (c->cr, X (c, x + d), y + h);
      cairo_line_to (c->cr, X (c, x + d + h), y);
    }
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* A figure without a value: a dashed empty slot and the reason in it. */
static void
empty_slot (const Ctx      *c,
            double          x,
            double          y,
            double          w,
            double          h,
            const EpChartItem *item)
{
  g_autofree char *why = ep_chart_item_explain (item);
  Colour faint = with_alpha (&c->muted, 0.25);

  hatch (c, x, y, w, h, &faint, c->sh * 0.6);
  cairo_save (c->cr);
  box (c, x + 0.5, y + 0.5, w - 1, h - 1);
  source (c, &c->muted);
  cairo_set_line_width (c->cr, 1);
  dash (c, 3, 3);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
  text (c, why, c->small, &c->fg, x + w / 2, y + h / 2, H_CENTER, 0.5, MAX (w - 4, c->sh), 3);
}

static void
marker (const Ctx    *c,
        int           shape,       /* 0 circle, 1 square, 2 diamond, 3 cross, 4 hollow circle */
        double        x,           /* device */
        double        y,
        double        r,
        const Colour *colour)
{
  cairo_t *cr = c->cr;

  cairo_save (cr);
  dash (c, 0, 0);
  cairo_new_sub_path (cr);
  switch (shape)
    {
    case 1:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      source (c, colour);
      cairo_set_line_width (cr, MAX (1.5, r / 2.5));
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    case 4:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      source (c, &c->bg);
      cairo_fill_preserve (cr);
      source (c, colour);
      cairo_set_line_width (cr, MAX (1.5, r / 3));
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    case 0:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  source (c, colour);
  cairo_fill_preserve (cr);
  source (c, &c->bg);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
focus_ring (const Ctx         *c,
            const EpChartItem *item)
{
  double pad = 2;

  if (item->width <= 0)
    return;
  cairo_save (c->cr);
  cairo_rectangle (c->cr, item->x - pad, item->y - pad, item->width + 2 * pad, item->height + 2 * pad);
  source (c, &c->fg);
  cairo_set_line_width (c->cr, 2);
  dash (c, 4, 2);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* Value axis: grid lines and labels at round numbers; returns the label
 * column's width. */
static double
value_axis_width (const Ctx *c,
                  EpUnit     unit,
                  double     lo,
                  double     hi,
                  guint      max_ticks,
                  gboolean   ratio)
{
  double first, step, wmax = 0;
  guint n = ep_chart_nice_ticks (lo, hi, max_ticks, &first, &step);

  for (guint i = 0; i < n; i++)
    {
      double v = first + i * step, w;
      g_autofree char *label = ratio ? ep_chart_format_number (v, step < 1 ? 1 : 0)
                                     : ep_chart_format_value (unit == EP_UNIT_PERCENT ? unit : EP_UNIT_COUNT, v);

      if (unit == EP_UNIT_PERCENT && !ratio)
        {
          g_autofree char *number = ep_chart_format_number (v, step < 1 ? 1 : 0);

          g_free (label);
          label = g_strdup_printf (_("%s%%"), number);
        }
      measure (c, label, c->small, -1, 1, &w, NULL);
      wmax = MAX (wmax, w);
    }
  return wmax;
}

static void
value_axis (const Ctx *c,
            EpUnit     unit,
            double     lo,
            double     hi,
            guint      max_ticks,
            double     px,
            double     py,
            double     pw,
            double     ph,
            gboolean   label_percent)
{
  double first, step;
  guint n = ep_chart_nice_ticks (lo, hi, max_ticks, &first, &step);
  Colour zero = with_alpha (&c->fg, 0.6);

  cairo_save (c->cr);
  cairo_set_line_width (c->cr, 1);
  dash (c, 0, 0);
  for (guint i = 0; i < n; i++)
    {
      double v = first + i * step;
      double y = round (py + ph - (v - lo) / (hi - lo) * ph) + 0.5;
      g_autofree char *number = ep_chart_format_number (v, step < 1 ? (step < 0.1 ? 2 : 1) : 0);
      g_autofree char *label = label_percent ? g_strdup_printf (_("%s%%"), number) : g_strdup (number);

      source (c, fabs (v) < step * 1e-6 ? &zero : &c->grid);
      cairo_move_to (c->cr, X (c, px), y);
      cairo_line_to (c->cr, X (c, px + pw), y);
      cairo_stroke (c->cr);
      text (c, label, c->small, &c->muted, px - c->sh * 0.4, y, H_END, 0.5, -1, 1);
    }
  cairo_restore (c->cr);
}

static double
value_to_y (double v,
            double lo,
            double hi,
            double py,
            double ph)
{
  return py + ph - (CLAMP (v, lo, hi) - lo) / (hi - lo) * ph;
}

static guint
ticks_for_height (const Ctx *c,
                  double     h)
{
  return CLAMP ((guint) (h / (c->lh * 2.2)) + 1, 2, 11);
}

static void
plot_area (const Ctx *c,
           double     x,
           double     y,
           double     w,
           double     h,
           double     lo,
           double     hi)
{
  c->data->plot_x = c->rtl ? c->width - x - w : x;
  c->data->plot_y = y;
  c->data->plot_w = w;
  c->data->plot_h = h;
  c->data->axis_min = lo;
  c->data->axis_max = hi;
}

static void
clear_boxes (EpChartData *data)
{
  for (guint i = 0; i < data->items->len; i++)
    {
      EpChartItem *item = &g_array_index (data->items, EpChartItem, i);

      item->x = item->y = item->width = item->height = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Group comparison. */

static void
draw_groups (Ctx    *c,
             double  x,
             double  y,
             double  w,
             double  h)
{
  EpChartData *data = c->data;
  guint n = data->items->len;
  double hi = 0, lo = 0, step, axis_w, gutter = 0, label_h, head, slot, bar_w, px, pw, py, ph, ref_y = 0;
  gboolean percent = data->unit == EP_UNIT_PERCENT;
  g_autofree char *ref_label = NULL;
  g_autofree char *ref_value = NULL;
  g_autoptr(PangoFontDescription) name_small = NULL;
  g_autoptr(PangoFontDescription) name_bold = NULL;

  for (guint i = 0; i < n; i++)
    {
      const EpChartItem *item = ep_chart_data_get_item (data, i);

      if (ep_figure_ok (&item->value))
        hi = MAX (hi, item->value.value);
    }
  if (ep_figure_ok (&data->reference))
    hi = MAX (hi, data->reference.value);
  if (hi <= 0)
    hi = percent ? 100 : 1;
  label_h = 4 * c->sh + c->sh * 1.2 + c->sh * 0.5;       /* four lines of name, n */
  head = c->lh + 2 * c->sh + c->sh * 0.3;                  /* value and gap (two lines) above a bar */
  ph = h - label_h - head;
  ep_chart_nice_range (0, hi, ticks_for_height (c, ph), &lo, &hi, &step);
  if (percent && hi > 100)
    hi = 100;
  axis_w = value_axis_width (c, data->unit, lo, hi, ticks_for_height (c, ph), FALSE) + c->sh * 0.6;

  /* The reference line's label sits in a gutter at the end side. */
  ref_value = data->reference_hidden ? g_strdup (data->reference_hidden)
                                     : ep_chart_format_figure (data->unit, &data->reference);
  ref_label = g_strdup_printf ("%s\n%s", data->all_label, ref_value);
  {
    double tw;

    measure (c, ref_label, c->small, c->lh * 7, 3, &tw, NULL);
    gutter = MIN (tw + c->sh * 0.6, w * 0.22);
  }
  px = x + axis_w;
  pw = w - axis_w - gutter;
  py = y + head;
  plot_area (c, px, py, pw, ph, lo, hi);
  value_axis (c, data->unit, lo, hi, ticks_for_height (c, ph), px, py, pw, ph, percent);

  if (n == 0)
    {
      text (c, _("No student group has data for this indicator"), c->font, &c->muted,
            px + pw / 2, py + ph / 2, H_CENTER, 0.5, pw, 2);
      return;
    }
  slot = pw / n;
  bar_w = MIN (slot * 0.62, c->lh * 4);
  /* Names wrap between words only: where the widest word does not fit
   * its slot, the names get a smaller font (down to 60%). */
  {
    double need = 0, scale;

    for (guint i = 0; i < n; i++)
      {
        EpChartItem *item = ep_chart_data_get_item (data, i);

        need = MAX (need, widest_word (c, item->label, item->highlighted ? c->bold : c->small));
      }
    scale = need > slot - 2 ? MAX (0.6, (slot - 2) / need) : 1;
    name_small = derive_font (c->small, scale, pango_font_description_get_weight (c->small));
    name_bold = derive_font (c->bold, scale * pango_font_description_get_size (c->small) /
                             MAX (1, pango_font_description_get_size (c->bold)),
                             pango_font_description_get_weight (c->bold));
  }
  for (guint i = 0; i < n; i++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, i);
      double cx = px + slot * (i + 0.5), bx = cx - bar_w / 2;
      g_autofree char *n_text = NULL;
      const PangoFontDescription *name_font = item->highlighted ? name_bold : name_small;

      /* Name and n below. */
      text (c, item->label, name_font, &c->fg, cx, py + ph + c->sh * 0.3, H_CENTER, 0, slot - 2, 4);
      if (item->n > 0)
        {
          g_autofree char *number = ep_chart_format_number (item->n, 0);

          /* Translators: the number of students in a group, under its bar */
          n_text = g_strdup_printf (_("n = %s"), number);
          text (c, n_text, c->small, &c->muted, cx, y + h, H_CENTER, 1, MAX (slot - 2, widest_word (c, n_text, c->small)), 1);
        }

      if (!ep_figure_ok (&item->value))
        {
          double sh = ph * 0.5;

          empty_slot (c, bx, py + ph - sh, bar_w, sh, item);
          set_item_box (c, item, px + slot * i, py, slot, ph);
          continue;
        }
      else
        {
          double top = value_to_y (item->value.value, lo, hi, py, ph);
          const Colour *fill = item->highlighted ? &c->highlight : &c->primary;
          g_autofree char *value = ep_chart_format_value (data->unit, item->value.value);
          double ty = top - c->sh * 0.2;

          box (c, bx, top, bar_w, py + ph - top);
          source (c, fill);
          cairo_fill (c->cr);
          if (item->highlighted)
            {
              Colour stripes = with_alpha (&c->bg, 0.45);

              hatch (c, bx, top, bar_w, py + ph - top, &stripes, c->sh * 0.7);
            }
          if (ep_figure_ok (&item->reference))
            {
              g_autofree char *gap = ep_chart_format_gap (data->unit, item->reference.value);

              ty -= text (c, gap, c->small, &c->muted, cx, ty, H_CENTER, 1, slot, 2);
            }
          text (c, value, item->highlighted ? c->bold : c->font, &c->fg, cx, ty, H_CENTER, 1, slot, 1);
          set_item_box (c, item, px + slot * i, py, slot, ph);
        }
    }

  /* The reference line, over the bars, labelled in the gutter. */
  if (ep_figure_ok (&data->reference))
    {
      ref_y = round (value_to_y (data->reference.value, lo, hi, py, ph)) + 0.5;
      cairo_save (c->cr);
      source (c, &c->fg);
      cairo_set_line_width (c->cr, 2);
      dash (c, 6, 4);
      cairo_move_to (c->cr, X (c, px), ref_y);
      cairo_line_to (c->cr, X (c, px + pw + c->sh * 0.3), ref_y);
      cairo_stroke (c->cr);
      cairo_restore (c->cr);
      text (c, ref_label, c->small, &c->fg, px + pw + c->sh * 0.5, ref_y, H_START, 0.5, gutter - c->sh * 0.5, 3);
    }
  else
    {
      g_autofree char *why = g_strdup_printf ("%s\n%s", data->all_label, ref_value);

      text (c, why, c->small, &c->muted, px + pw + c->sh * 0.5, py, H_START, 0, gutter - c->sh * 0.5, 4);
    }
}

/* ------------------------------------------------------------------ */
/* Trend and gap over time: periods along x. */

typedef struct {
  double px, pw;
  int    first, last;
} XAxis;

static double
year_to_x (const XAxis *a,
           double       year)
{
  double span = MAX (1, a->last - a->first + 1);

  return a->px + (year - a->first + 0.5) / span * a->pw;
}

static void
period_axis (const Ctx   *c,
             const XAxis *a,
             double       y)
{
  double slot = a->pw / MAX (1, a->last - a->first + 1);
  double widest = 0;
  guint every = 1;

  for (int year = a->first; year <= a->last; year++)
    {
      const char *label = g_hash_table_lookup (c->data->year_labels, GINT_TO_POINTER (year));
      double w;

      if (label)
        {
          measure (c, label, c->small, -1, 1, &w, NULL);
          widest = MAX (widest, w);
        }
    }
  while (widest + c->sh > slot * every)
    every++;
  for (int year = a->first; year <= a->last; year++)
    {
      const char *label = g_hash_table_lookup (c->data->year_labels, GINT_TO_POINTER (year));

      if (label && (year - a->first) % every == 0)
        text (c, label, c->small, &c->muted, year_to_x (a, year), y + c->sh * 0.3, H_CENTER, 0, -1, 1);
    }
}

/* Direct labels at the end side, nudged apart so they do not overlap. */
typedef struct {
  const char   *text;
  const Colour *colour;
  double        y;
  double        h;
  double        from_x;   /* logical x of the point labelled, or < 0 */
  double        from_y;
} EndLabel;

static int
compare_end_labels (gconstpointer a,
                    gconstpointer b)
{
  const EndLabel *x = a, *y = b;

  return x->y < y->y ? -1 : x->y > y->y;
}

static void
end_labels (const Ctx *c,
            EndLabel  *labels,
            guint      n,
            double     x,
            double     width,
            double     top,
            double     bottom)
{
  qsort (labels, n, sizeof *labels, compare_end_labels);
  for (guint i = 0; i < n; i++)
    measure (c, labels[i].text, c->small, width, 3, NULL, &labels[i].h);
  /* Push down from the top, then up from the bottom. */
  for (guint i = 0; i < n; i++)
    {
      double min_top = i ? labels[i - 1].y + labels[i - 1].h / 2 : top;

      if (labels[i].y - labels[i].h / 2 < min_top)
        labels[i].y = min_top + labels[i].h / 2;
    }
  for (guint i = n; i-- > 0;)
    {
      double max_bottom = i + 1 < n ? labels[i + 1].y - labels[i + 1].h / 2 : bottom;

      if (labels[i].y + labels[i].h / 2 > max_bottom)
        labels[i].y = max_bottom - labels[i].h / 2;
    }
  for (guint i = 0; i < n; i++)
    {
      if (labels[i].from_x >= 0 && x - labels[i].from_x > c->sh * 1.5)
        {
          /* A leader line from the series' last point to its label. */
          cairo_save (c->cr);
          source (c, labels[i].colour);
          cairo_set_line_width (c->cr, 1);
          dash (c, 1, 3);
          cairo_move_to (c->cr, X (c, labels[i].from_x + c->sh * 0.8), labels[i].from_y);
          cairo_line_to (c->cr, X (c, x - c->sh * 0.3), labels[i].y);
          cairo_stroke (c->cr);
          cairo_restore (c->cr);
        }
      text (c, labels[i].text, c->small, labels[i].colour, x, labels[i].y, H_START, 0.5, width, 3);
    }
}

static void
draw_trend (Ctx    *c,
            double  x,
            double  y,
            double  w,
            double  h)
{
  EpChartData *data = c->data;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, step, axis_w, gutter, px, pw, py, ph, r = c->sh * 0.38;
  gboolean percent = data->unit == EP_UNIT_PERCENT || data->unit == EP_UNIT_RATE_PER_100;
  XAxis ax;
  EndLabel labels[6];
  guint n_labels = 0;
  g_autofree char *group_end = NULL;
  g_autofree char *all_end = NULL;
  g_autofree char *target_end = NULL;
  g_autofree char *projected_end = NULL;
  const EpChartItem *last[2] = { NULL, NULL };
  const Colour *series_colour[2] = { &c->primary, &c->reference };

  for (guint i = 0; i < data->items->len; i++)
    {
      const EpChartItem *item = ep_chart_data_get_item (data, i);

      if (ep_figure_ok (&item->value))
        {
          lo = MIN (lo, item->value.value);
          hi = MAX (hi, item->value.value);
          if (item->series < 2)
            last[item->series] = item;
        }
    }
  if (lo > hi)
    lo = 0, hi = percent ? 100 : 1;
  if (percent || lo > 0)
    lo = MIN (lo, 0);
  /* Labels at the end of each line. */
  gutter = MIN (c->lh * 8, w * 0.25);
  ph = h - c->sh * 1.6;
  ep_chart_nice_range (lo, hi, ticks_for_height (c, ph), &lo, &hi, &step);
  if (percent && hi > 100)
    hi = 100;
  axis_w = value_axis_width (c, data->unit, lo, hi, ticks_for_height (c, ph), FALSE) + c->sh * 0.6;
  px = x + axis_w;
  pw = w - axis_w - gutter;
  py = y + c->sh * 0.5;
  ph -= c->sh * 0.5;
  plot_area (c, px, py, pw, ph, lo, hi);
  value_axis (c, data->unit, lo, hi, ticks_for_height (c, ph), px, py, pw, ph, data->unit == EP_UNIT_PERCENT);

  ax = (XAxis) { px, pw, data->first_year, MAX (data->first_year, data->last_year) };
  period_axis (c, &ax, py + ph);

  /* The plan: straight path from baseline to target, and the projection. */
  if (data->has_plan)
    {
      double bx = X (c, year_to_x (&ax, data->track.baseline_year));
      double tx = X (c, year_to_x (&ax, data->track.target_year));
      double by = value_to_y (data->baseline, lo, hi, py, ph);
      double ty = value_to_y (data->target, lo, hi, py, ph);
      g_autofree char *target = ep_chart_format_value (data->unit, data->target);

      cairo_save (c->cr);
      source (c, &c->fg);
      cairo_set_line_width (c->cr, 1.5);
      dash (c, 7, 4);
      cairo_move_to (c->cr, bx, by);
      cairo_line_to (c->cr, tx, ty);
      cairo_stroke (c->cr);
      if (ep_figure_ok (&data->track.projected) && last[0])
        {
          double lx = X (c, year_to_x (&ax, last[0]->position));
          double ly = value_to_y (last[0]->value.value, lo, hi, py, ph);
          double qy = value_to_y (data->track.projected.value, lo, hi, py, ph);
          g_autofree char *projected = ep_chart_format_value (data->unit, data->track.projected.value);

          source (c, &c->primary);
          cairo_set_line_width (c->cr, 2);
          dash (c, 2, 3);
          cairo_move_to (c->cr, lx, ly);
          cairo_line_to (c->cr, tx, qy);
          cairo_stroke (c->cr);
          marker (c, 3, tx, qy, r, &c->primary);
          /* Translators: the end label of the projection line, %s is a value */
          projected_end = g_strdup_printf (_("Projected %s"), projected);
          labels[n_labels++] = (EndLabel) { projected_end, &c->primary, qy, 0, -1, 0 };
        }
      cairo_restore (c->cr);
      marker (c, 4, bx, by, r * 1.1, &c->fg);
      marker (c, 2, tx, ty, r * 1.1, &c->fg);
      /* Translators: the end label of the plan's target, %s is a value */
      target_end = g_strdup_printf (_("Target %s"), target);
      labels[n_labels++] = (EndLabel) { target_end, &c->fg, ty, 0, year_to_x (&ax, data->track.target_year), ty };
    }

  /* The two series: the group solid with circles, all students dashed with squares. */
  for (int series = 1; series >= 0; series--)
    {
      gboolean pen_down = FALSE;

      cairo_save (c->cr);
      source (c, series_colour[series]);
      cairo_set_line_width (c->cr, series == 0 ? 3 : 2);
      dash (c, series == 0 ? 0 : 8, 4);
      cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < data->items->len; i++)
        {
          const EpChartItem *item = ep_chart_data_get_item (data, i);
          double ix, iy;

          if (item->series != series)
            continue;
          if (!ep_figure_ok (&item->value))
            {
              pen_down = FALSE;
              continue;
            }
          ix = X (c, year_to_x (&ax, item->position));
          iy = value_to_y (item->value.value, lo, hi, py, ph);
          if (pen_down)
            cairo_line_to (c->cr, ix, iy);
          else
            cairo_move_to (c->cr, ix, iy);
          pen_down = TRUE;
        }
      cairo_stroke (c->cr);
      cairo_restore (c->cr);

      for (guint i = 0; i < data->items->len; i++)
        {
          EpChartItem *item = ep_chart_data_get_item (data, i);
          double lx = year_to_x (&ax, item->position);

          if (item->series != series)
            continue;
          if (!ep_figure_ok (&item->value))
            {
              /* A missing point: its reason at the foot of the plot. */
              g_autofree char *why = ep_chart_item_explain (item);
              double th = text (c, why, c->small, series_colour[series], lx,
                                py + ph - c->sh * (0.3 + 1.2 * series), H_CENTER, 1, pw / MAX (1, ax.last - ax.first + 1), 1);

              set_item_box (c, item, lx - c->sh, py + ph - c->sh * (0.3 + 1.2 * series) - th, 2 * c->sh, th);
              continue;
            }
          marker (c, series == 0 ? 0 : 1, X (c, lx), value_to_y (item->value.value, lo, hi, py, ph),
                  series == 0 ? r * 1.2 : r, series_colour[series]);
          set_item_box (c, item, lx - c->sh * 0.7, value_to_y (item->value.value, lo, hi, py, ph) - c->sh * 0.7,
                        c->sh * 1.4, c->sh * 1.4);
        }
    }
  /* Boxes for the plan's marks. */
  for (guint i = 0; i < data->items->len; i++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, i);

      if (item->series == 2)
        set_item_box (c, item, year_to_x (&ax, item->position) - c->sh * 0.7,
                      value_to_y (item->value.value, lo, hi, py, ph) - c->sh * 0.7, c->sh * 1.4, c->sh * 1.4);
    }

  for (int series = 0; series < 2; series++)
    if (last[series])
      {
        g_autofree char *value = ep_chart_format_value (data->unit, last[series]->value.value);
        char **slot = series == 0 ? &group_end : &all_end;

        *slot = g_strdup_printf ("%s %s", series == 0 ? data->group_label : data->all_label, value);
        labels[n_labels++] = (EndLabel) { *slot, series == 0 ? &c->primary : &c->fg,
                                          value_to_y (last[series]->value.value, lo, hi, py, ph), 0,
                                          year_to_x (&ax, last[series]->position),
                                          value_to_y (last[series]->value.value, lo, hi, py, ph) };
      }
  end_labels (c, labels, n_labels, px + pw + c->sh * 0.6, gutter - c->sh * 0.6, py, py + ph);

  /* On-track state, in words, at the top of the plot. */
  if (data->has_plan)
    {
      const Colour *colour = data->track.state == EP_TRACK_BEHIND ? &c->highlight : &c->fg;
      const char *state = data->track.state == EP_TRACK_AHEAD ? _("Ahead of the path")
                        : data->track.state == EP_TRACK_ON ? _("On track")
                        : data->track.state == EP_TRACK_BEHIND ? _("Behind the path")
                        : _("On-track state unknown");
      g_autofree char *badge = data->track.period
        ? g_strdup_printf ("%s (%s)", state, data->track.period) : g_strdup (state);

      text (c, badge, c->bold, colour, px + c->sh * 0.5, py, H_START, 0, pw - c->sh, 1);
    }
}

static void
draw_gap (Ctx    *c,
          double  x,
          double  y,
          double  w,
          double  h)
{
  EpChartData *data = c->data;
  double lo = 0, hi = 0, step, axis_w, px, pw, py, ph, slot, bar_w, zero_y;
  XAxis ax;

  for (guint i = 0; i < data->items->len; i++)
    {
      const EpChartItem *item = ep_chart_data_get_item (data, i);

      if (ep_figure_ok (&item->value))
        {
          lo = MIN (lo, item->value.value);
          hi = MAX (hi, item->value.value);
        }
    }
  if (hi - lo <= 0)
    hi = 1;
  ph = h - c->sh * 1.6 - c->sh * 1.4 * 2;   /* period labels, value labels above and below */
  ep_chart_nice_range (lo, hi, ticks_for_height (c, ph), &lo, &hi, &step);
  axis_w = value_axis_width (c, EP_UNIT_COUNT, lo, hi, ticks_for_height (c, ph), TRUE) + c->sh * 0.6;
  px = x + axis_w;
  pw = w - axis_w - c->sh;
  py = y + c->sh * 1.4;
  plot_area (c, px, py, pw, ph, lo, hi);
  value_axis (c, EP_UNIT_COUNT, lo, hi, ticks_for_height (c, ph), px, py, pw, ph, FALSE);
  ax = (XAxis) { px, pw, data->first_year, MAX (data->first_year, data->last_year) };
  period_axis (c, &ax, py + ph + c->sh * 1.4);
  zero_y = value_to_y (0, lo, hi, py, ph);
  slot = pw / MAX (1, ax.last - ax.first + 1);
  bar_w = MIN (slot * 0.5, c->lh * 4);

  for (guint i = 0; i < data->items->len; i++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, i);
      double cx = year_to_x (&ax, item->position);

      if (!ep_figure_ok (&item->value))
        {
          empty_slot (c, cx - bar_w / 2, py + ph * 0.25, bar_w, ph * 0.5, item);
          set_item_box (c, item, cx - slot / 2, py, slot, ph);
        }
      else
        {
          double vy = value_to_y (item->value.value, lo, hi, py, ph);
          gboolean up = item->value.value >= 0;
          g_autofree char *label = ep_chart_format_gap (data->unit, item->value.value);

          box (c, cx - bar_w / 2, MIN (vy, zero_y), bar_w, MAX (1, fabs (zero_y - vy)));
          source (c, &c->primary);
          cairo_fill (c->cr);
          text (c, label, c->font, &c->fg, cx, up ? vy - c->sh * 0.2 : vy + c->sh * 0.2,
                H_CENTER, up ? 1 : 0, slot, 1);
          set_item_box (c, item, cx - slot / 2, py, slot, ph);
        }
    }
  /* The zero line: no gap. */
  cairo_save (c->cr);
  source (c, &c->fg);
  cairo_set_line_width (c->cr, 1.5);
  cairo_move_to (c->cr, X (c, px), round (zero_y) + 0.5);
  cairo_line_to (c->cr, X (c, px + pw), round (zero_y) + 0.5);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* ------------------------------------------------------------------ */
/* Balanced scorecard: small multiples. */

static void
sparkline (const Ctx   *c,
           EpChartItem *item,
           double       x,
           double       y,
           double       w,
           double       h)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  guint n = item->spark_periods ? item->spark_periods->len : 0;
  GArray *series[2] = { item->spark_group, item->spark_all };
  const Colour *colours[2] = { &c->primary, &c->reference };

  for (int s = 0; s < 2; s++)
    for (guint i = 0; i < n; i++)
      {
        const EpFigure *f = &g_array_index (series[s], EpFigure, i);

        if (ep_figure_ok (f))
          {
            lo = MIN (lo, f->value);
            hi = MAX (hi, f->value);
          }
      }
  if (lo > hi)
    {
      text (c, _("no data"), c->small, &c->muted, x + w / 2, y + h / 2, H_CENTER, 0.5, w, 1);
      return;
    }
  if (hi - lo < 1e-9)
    {
      lo -= 1;
      hi += 1;
    }
  {
    double pad = (hi - lo) * 0.12;

    lo -= pad;
    hi += pad;
  }
  /* Period labels of the first and last points. */
  if (n > 0)
    {
      text (c, g_ptr_array_index (item->spark_periods, 0), c->small, &c->muted, x, y + h, H_START, 1, w / 2, 1);
      if (n > 1)
        text (c, g_ptr_array_index (item->spark_periods, n - 1), c->small, &c->muted, x + w, y + h, H_END, 1, w / 2, 1);
      h -= c->sh * 1.1;
    }
  for (int s = 1; s >= 0; s--)
    {
      gboolean pen = FALSE;

      cairo_save (c->cr);
      source (c, colours[s]);
      cairo_set_line_width (c->cr, s == 0 ? 2.5 : 1.5);
      dash (c, s == 0 ? 0 : 5, 3);
      for (guint i = 0; i < n; i++)
        {
          const EpFigure *f = &g_array_index (series[s], EpFigure, i);
          double px = x + (n > 1 ? w * i / (n - 1) : w / 2), py = value_to_y (f->value, lo, hi, y, h);

          if (!ep_figure_ok (f))
            {
              pen = FALSE;
              continue;
            }
          if (pen)
            cairo_line_to (c->cr, X (c, px), py);
          else
            cairo_move_to (c->cr, X (c, px), py);
          pen = TRUE;
        }
      cairo_stroke (c->cr);
      cairo_restore (c->cr);
      for (guint i = 0; i < n; i++)
        {
          const EpFigure *f = &g_array_index (series[s], EpFigure, i);
          double px = x + (n > 1 ? w * i / (n - 1) : w / 2);

          if (ep_figure_ok (f))
            marker (c, s == 0 ? 0 : 1, X (c, px), value_to_y (f->value, lo, hi, y, h), c->sh * 0.25, colours[s]);
        }
    }
}

static void
draw_scorecard (Ctx    *c,
                double  x,
                double  y,
                double  w,
                double  h)
{
  EpChartData *data = c->data;
  guint n = data->items->len, n_leading = data->n_leading;
  guint cols = MAX (1, (guint) (w / (c->lh * 13)));
  guint rows_leading, rows_lagging, rows;
  double cell_w, cell_h, head = c->lh * 1.6, gapx = c->sh * 0.8;
  double cy = y;

  if (n == 0)
    {
      text (c, _("The school has no indicators"), c->font, &c->muted, x + w / 2, y + h / 2, H_CENTER, 0.5, w, 2);
      return;
    }
  cols = MIN (cols, MAX (n_leading, n - n_leading));
  cols = MAX (cols, 1);
  rows_leading = (n_leading + cols - 1) / cols;
  rows_lagging = (n - n_leading + cols - 1) / cols;
  rows = rows_leading + rows_lagging;
  cell_w = (w - gapx * (cols - 1)) / cols;
  cell_h = (h - head * ((rows_leading > 0) + (rows_lagging > 0)) - gapx * rows) / MAX (1, rows);
  plot_area (c, x, y, w, h, 0, 0);

  for (int section = 0; section < 2; section++)
    {
      guint start = section == 0 ? 0 : n_leading, end = section == 0 ? n_leading : n;

      if (start == end)
        continue;
      text (c, section == 0 ? _("Leading indicators (change first)") : _("Lagging indicators (results)"),
            c->bold, &c->fg, x, cy + head - c->sh * 0.4, H_START, 1, w, 1);
      cy += head;
      for (guint i = start; i < end; i++)
        {
          EpChartItem *item = ep_chart_data_get_item (data, i);
          guint k = i - start;
          double cx = x + (k % cols) * (cell_w + gapx);
          double top = cy + (k / cols) * (cell_h + gapx), ty;
          g_autofree char *g = ep_chart_format_figure (item->unit, &item->value);
          g_autofree char *a = ep_chart_format_figure (item->unit, &item->reference);
          g_autofree char *line = g_strdup_printf ("%s %s", item->detail, g);
          g_autofree char *line2 = g_strdup_printf ("%s %s", c->data->all_label, a);
          double pad = c->sh * 0.5;

          cairo_save (c->cr);
          box (c, cx + 0.5, top + 0.5, cell_w - 1, cell_h - 1);
          source (c, item->highlighted ? &c->highlight : &c->grid);
          cairo_set_line_width (c->cr, item->highlighted ? 2.5 : 1);
          cairo_stroke (c->cr);
          cairo_restore (c->cr);
          ty = top + pad;
          ty += text (c, item->label, c->bold, &c->fg, cx + pad, ty, H_START, 0, cell_w - 2 * pad, 1);
          marker (c, 0, X (c, cx + pad + c->sh * 0.35), ty + c->sh / 2, c->sh * 0.25, &c->primary);
          ty += text (c, line, c->small, &c->fg, cx + pad + c->sh, ty, H_START, 0, cell_w - 2 * pad - c->sh, 1);
          marker (c, 1, X (c, cx + pad + c->sh * 0.35), ty + c->sh / 2, c->sh * 0.25, &c->reference);
          ty += text (c, line2, c->small, &c->fg, cx + pad + c->sh, ty, H_START, 0, cell_w - 2 * pad - c->sh, 1);
          if (item->highlighted)
            text (c, _("plan focus"), c->small, &c->highlight, cx + cell_w - pad, top + pad, H_END, 0, cell_w / 2, 1);
          if (top + cell_h - pad - ty > c->sh * 2)
            sparkline (c, item, cx + pad + c->sh * 0.3, ty + c->sh * 0.3, cell_w - 2 * pad - c->sh * 0.6,
                       top + cell_h - pad - ty - c->sh * 0.3);
          set_item_box (c, item, cx, top, cell_w, cell_h);
        }
      cy += (section == 0 ? rows_leading : rows_lagging) * (cell_h + gapx);
    }
}

/* ------------------------------------------------------------------ */
/* Idea matrix. */

static void
draw_matrix (Ctx    *c,
             double  x,
             double  y,
             double  w,
             double  h)
{
  EpChartData *data = c->data;
  guint n = data->items->len;
  double list_w = n ? MIN (w * 0.4, c->lh * 20) : 0, axis_w, side, side_h, px, py, cell, cell_h, r = c->lh * 0.75;
  guint count[5][5] = { { 0 } }, seen[5][5] = { { 0 } };
  double ly;

  axis_w = c->lh * 1.6;
  side = MAX (w - list_w - axis_w - c->lh, c->lh * 5);
  py = y + c->sh * 1.4;
  side_h = MAX (h - (py - y) - c->sh * 2.8, c->lh * 5);
  side = MIN (side, side_h * 1.6);     /* not too flat */
  px = x + axis_w;
  cell = side / 5;
  cell_h = side_h / 5;
  plot_area (c, px, py, side, side_h, 1, 5);

  /* The quadrant to aim for, and the grid. */
  box (c, px + cell * 3, py, cell * 2, cell_h * 2);
  {
    Colour tint = with_alpha (&c->highlight, 0.12);

    source (c, &tint);
    cairo_fill (c->cr);
  }
  text (c, _("high impact, feasible"), c->small, &c->muted, px + side - c->sh * 0.3, py + c->sh * 0.2, H_END, 0, cell * 2, 2);
  cairo_save (c->cr);
  source (c, &c->grid);
  cairo_set_line_width (c->cr, 1);
  for (int i = 0; i <= 5; i++)
    {
      cairo_move_to (c->cr, X (c, px + i * cell), py);
      cairo_line_to (c->cr, X (c, px + i * cell), py + side_h);
      cairo_move_to (c->cr, X (c, px), py + i * cell_h);
      cairo_line_to (c->cr, X (c, px + side), py + i * cell_h);
    }
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *num = ep_chart_format_number (i, 0);

      text (c, num, c->small, &c->muted, px + (i - 0.5) * cell, py + side_h + c->sh * 0.2, H_CENTER, 0, -1, 1);
      text (c, num, c->small, &c->muted, px - c->sh * 0.4, py + side_h - (i - 0.5) * cell_h, H_END, 0.5, -1, 1);
    }
  text (c, c->rtl ? _("← Feasibility (cost, time, expertise)") : _("Feasibility (cost, time, expertise) →"), c->small, &c->fg, px + side / 2, py + side_h + c->sh * 1.4,
        H_CENTER, 0, side, 1);
  text (c, _("Impact ↑"), c->small, &c->fg, px - axis_w, py - c->sh * 0.2, H_START, 1, -1, 1);

  for (guint i = 0; i < n; i++)
    {
      const EpChartItem *item = ep_chart_data_get_item (data, i);
      int fx = CLAMP ((int) item->position, 1, 5) - 1, iy = CLAMP ((int) item->value.value, 1, 5) - 1;

      count[fx][iy]++;
    }
  ly = y;
  for (guint i = 0; i < n; i++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, i);
      int fx = CLAMP ((int) item->position, 1, 5) - 1, iy = CLAMP ((int) item->value.value, 1, 5) - 1;
      guint k = seen[fx][iy]++, m = count[fx][iy];
      double cx = px + (fx + 0.5) * cell, cy = py + side_h - (iy + 0.5) * cell_h;
      double rr = MIN (r, MIN (cell_h / 2.4, cell / (m > 1 ? 2.6 * m / 2.0 : 2.4)));
      g_autofree char *num = ep_chart_format_number (i + 1, 0);
      g_autofree char *entry = NULL;
      double eh;

      if (m > 1)
        cx += (k - (m - 1) / 2.0) * MIN (rr * 2.2, cell / m);
      cairo_save (c->cr);
      cairo_new_path (c->cr);
      cairo_arc (c->cr, X (c, cx), cy, rr, 0, 2 * G_PI);
      if (item->highlighted)
        {
          source (c, &c->highlight);
          cairo_fill_preserve (c->cr);
          source (c, &c->fg);
          cairo_set_line_width (c->cr, 2);
          cairo_stroke (c->cr);
        }
      else
        {
          source (c, &c->bg);
          cairo_fill_preserve (c->cr);
          source (c, &c->primary);
          cairo_set_line_width (c->cr, 2);
          dash (c, 3, 2);
          cairo_stroke (c->cr);
        }
      cairo_restore (c->cr);
      text (c, num, c->bold, item->highlighted ? &c->bg : &c->fg, cx, cy, H_CENTER, 0.5, -1, 1);
      set_item_box (c, item, cx - rr, cy - rr, 2 * rr, 2 * rr);

      /* The list beside the grid: number, title, chosen or not. */
      /* Translators: an entry of the idea list: number, title, alignment score */
      entry = g_strdup_printf (_("%s. %s (alignment %u)%s"), num, item->label, item->n,
                               item->highlighted ? _(" — chosen") : "");
      eh = text (c, entry, item->highlighted ? c->bold : c->small, &c->fg,
                 x + w - list_w + c->sh, ly, H_START, 0, list_w - c->sh, 3);
      ly += eh + c->sh * 0.5;
    }
  if (n == 0)
    text (c, _("No scored ideas yet"), c->font, &c->muted, px + side / 2, py + side_h / 2, H_CENTER, 0.5, side, 2);
}

/* ------------------------------------------------------------------ */
/* District roll-up: overview strip + a page of ranked rows. */

static void
draw_rollup (Ctx    *c,
             double  x,
             double  y,
             double  w,
             double  h)
{
  EpChartData *data = c->data;
  gboolean ratio = data->measure == EP_CHART_MEASURE_RISK_RATIO;
  guint n = data->items->len, per_page, page, first, last;
  double lo = 0, hi = 0, step, name_w, rank_w, value_w, px, pw, strip_h, rows_y, rows_h, row_h, foot_h;
  double thr_hi = data->threshold, thr_lo = data->threshold > 0 ? 1 / data->threshold : 0;
  Colour tick = with_alpha (&c->primary, 0.6);
  g_autofree char *footer = NULL;
  g_autofree char *rank_text = NULL;

  for (guint i = 0; i < data->n_ranked; i++)
    {
      const EpChartItem *item = ep_chart_data_get_item (data, i);

      lo = MIN (lo, item->value.value);
      hi = MAX (hi, item->value.value);
    }
  if (ratio)
    hi = MAX (hi, data->direction == EP_DIRECTION_LOWER_IS_BETTER ? thr_hi : 1);
  if (hi - lo <= 0)
    hi = 1;
  ep_chart_nice_range (lo, hi, 6, &lo, &hi, &step);

  rank_text = ep_chart_format_number (MAX (n, 1), 0);
  measure (c, rank_text, c->small, -1, 1, &rank_w, NULL);
  rank_w += c->sh * 0.8;
  name_w = MIN (w * 0.32, c->lh * 16);
  value_w = c->lh * 4.5;
  px = x + rank_w + name_w + c->sh * 0.5;
  pw = w - (px - x) - value_w;
  strip_h = c->lh * 1.6;                          /* the overview's ticks */
  foot_h = c->sh * 1.5 + c->sh * 2.6;             /* line labels, page */
  row_h = ceil (MAX (c->lh * 1.25, c->sh * 1.5));
  rows_y = y + c->sh * 1.5 + strip_h + 6 + c->sh * 1.4;
  rows_h = h - (rows_y - y) - foot_h;
  per_page = MAX (1, (guint) floor (rows_h / row_h));
  data->n_pages = MAX (1, (n + per_page - 1) / per_page);
  page = MIN (c->style->page, data->n_pages - 1);
  first = page * per_page;
  last = MIN (n, first + per_page);
  plot_area (c, px, rows_y, pw, (last - first) * row_h, lo, hi);

  /* Overview: every ranked school as a tick on the common axis. */
  {
    double sy = y + c->sh * 1.5, sh = strip_h;

    text (c, data->missing_text, c->small, &c->muted, x, y, H_START, 0, w, 1);
    /* Translators: caption of the roll-up's overview strip, where each school is a tick */
    text (c, _("All schools (histogram); the black bar marks this page"), c->small, &c->muted,
          x + rank_w, sy + sh / 2, H_START, 0.5, name_w, 2);
    /* A histogram of every ranked school on the rows' value axis. */
    guint n_bins = MAX (1, (guint) (pw / MAX (3, c->sh * 0.5))), peak = 1;
    g_autofree guint *bins = g_new0 (guint, n_bins);

    for (guint i = 0; i < data->n_ranked; i++)
      {
        double v = ep_chart_data_get_item (data, i)->value.value;
        guint b = (guint) CLAMP ((v - lo) / (hi - lo) * n_bins, 0, n_bins - 1);

        peak = MAX (peak, ++bins[b]);
      }
    cairo_save (c->cr);
    source (c, &tick);
    for (guint b = 0; b < n_bins; b++)
      if (bins[b])
        {
          double bh = MAX (1.5, sh * bins[b] / peak);

          box (c, px + pw * b / n_bins, sy + sh - bh, MAX (1, pw / n_bins - 0.5), bh);
        }
    cairo_fill (c->cr);
    /* The current page's range. */
    if (first < data->n_ranked)
      {
        double a = ep_chart_data_get_item (data, first)->value.value;
        double b = ep_chart_data_get_item (data, MIN (last, data->n_ranked) - 1)->value.value;
        double ax = px + (MIN (a, b) - lo) / (hi - lo) * pw, bx = px + (MAX (a, b) - lo) / (hi - lo) * pw;

        box (c, ax - 2, sy + sh + 1, bx - ax + 4, 4);
        source (c, &c->fg);
        cairo_fill (c->cr);
      }
    cairo_restore (c->cr);
  }

  /* Axis above the rows. */
  {
    double first_tick, tick_step;
    guint nt = ep_chart_nice_ticks (lo, hi, MAX (2, (guint) (pw / (c->lh * 4))), &first_tick, &tick_step);

    cairo_save (c->cr);
    cairo_set_line_width (c->cr, 1);
    for (guint i = 0; i < nt; i++)
      {
        double v = first_tick + i * tick_step;
        double vx = round (X (c, px + (v - lo) / (hi - lo) * pw)) + 0.5;
        g_autofree char *label = ratio ? ep_chart_format_number (v, tick_step < 1 ? 1 : 0)
                                       : ep_chart_format_gap (EP_UNIT_COUNT, v);

        source (c, &c->grid);
        cairo_move_to (c->cr, vx, rows_y);
        cairo_line_to (c->cr, vx, rows_y + (last - first) * row_h);
        cairo_stroke (c->cr);
        text (c, label, c->small, &c->muted, px + (v - lo) / (hi - lo) * pw, rows_y - c->sh * 0.1, H_CENTER, 1, -1, 1);
      }
    cairo_restore (c->cr);
  }

  for (guint i = first; i < last; i++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, i);
      double ry = rows_y + (i - first) * row_h, bh = row_h * 0.66, by = ry + (row_h - bh) / 2;
      g_autofree char *rank = ep_chart_format_number (i + 1, 0);
      double zero = px + (MAX (lo, 0) - lo) / (hi - lo) * pw;

      if (ep_figure_ok (&item->value))
        text (c, rank, c->small, &c->muted, x + rank_w - c->sh * 0.4, ry + row_h / 2, H_END, 0.5, -1, 1);
      text (c, item->label, item->highlighted ? c->bold : c->small, &c->fg,
            x + rank_w, ry + row_h / 2, H_START, 0.5, name_w, 1);
      if (ep_figure_ok (&item->value))
        {
          double vx = px + (item->value.value - lo) / (hi - lo) * pw;
          g_autofree char *value = ratio ? ep_chart_format_number (item->value.value, 2)
                                         : ep_chart_format_gap (data->unit, item->value.value);

          box (c, MIN (zero, vx), by, MAX (1, fabs (vx - zero)), bh);
          source (c, item->highlighted ? &c->highlight : &c->primary);
          cairo_fill (c->cr);
          if (item->highlighted)
            {
              Colour stripes = with_alpha (&c->bg, 0.45);

              hatch (c, MIN (zero, vx), by, MAX (1, fabs (vx - zero)), bh, &stripes, c->sh * 0.6);
            }
          text (c, value, item->highlighted ? c->bold : c->small, &c->fg,
                MAX (zero, vx) + c->sh * 0.3, ry + row_h / 2, H_START, 0.5, value_w, 1);
        }
      else
        empty_slot (c, px, by, MIN (pw, c->lh * 10), bh, item);
      set_item_box (c, item, x, ry, w, row_h);
    }

  /* The threshold(s) and the district's own figure, labelled under the rows. */
  cairo_save (c->cr);
  cairo_set_line_width (c->cr, 2);
  {
  double rows_end = rows_y + (last - first) * row_h, label_y = rows_end + c->sh * 0.2;
  double thr_label_end = -G_MAXDOUBLE;
  if (ratio)
    {
      double thr = data->direction == EP_DIRECTION_LOWER_IS_BETTER ? thr_hi : thr_lo;
      double tx = round (X (c, px + (thr - lo) / (hi - lo) * pw)) + 0.5;
      g_autofree char *num = ep_chart_format_number (thr, 2);
      /* Translators: label of the risk ratio threshold line */
      g_autofree char *label = g_strdup_printf (_("threshold %s"), num);

      if (thr >= lo && thr <= hi)
        {
          double lx = px + (thr - lo) / (hi - lo) * pw, lw;

          source (c, &c->highlight);
          dash (c, 6, 3);
          cairo_move_to (c->cr, tx, y + c->sh * 1.5);
          cairo_line_to (c->cr, tx, rows_end + c->sh * 0.2);
          cairo_stroke (c->cr);
          measure (c, label, c->bold, -1, 1, &lw, NULL);
          text (c, label, c->bold, &c->highlight, MIN (lx, x + w - lw), label_y, H_START, 0, -1, 1);
          thr_label_end = MIN (lx, x + w - lw) + lw;
        }
    }
  if (ep_figure_ok (&data->reference) && data->reference.value >= lo && data->reference.value <= hi)
    {
      double rx = round (X (c, px + (data->reference.value - lo) / (hi - lo) * pw)) + 0.5;
      g_autofree char *num = ratio ? ep_chart_format_number (data->reference.value, 2)
                                   : ep_chart_format_gap (data->unit, data->reference.value);
      /* Translators: label of the district-wide figure's line in the roll-up */
      g_autofree char *label = g_strdup_printf (_("district %s"), num);

      double lx = px + (data->reference.value - lo) / (hi - lo) * pw, lw;

      measure (c, label, c->small, -1, 1, &lw, NULL);
      source (c, &c->fg);
      dash (c, 2, 3);
      cairo_move_to (c->cr, rx, rows_y - c->sh * 1.2);
      cairo_line_to (c->cr, rx, rows_end + c->sh * 0.2);
      cairo_stroke (c->cr);
      /* End-aligned at its line; one line lower if the threshold's label is there. */
      text (c, label, c->small, &c->fg, lx, lx - lw < thr_label_end + c->sh && ratio ? label_y + c->sh * 1.2 : label_y,
            H_END, 0, -1, 1);
    }
  }
  cairo_restore (c->cr);

  {
    g_autofree char *a = ep_chart_format_number (first + 1, 0);
    g_autofree char *b = ep_chart_format_number (last, 0);
    g_autofree char *all = ep_chart_format_number (n, 0);

    /* Translators: the roll-up's footer: page, pages, first and last school shown, schools */
    footer = g_strdup_printf (_("Page %u of %u · schools %s–%s of %s"), page + 1, data->n_pages, a, b, all);
    text (c, footer, c->small, &c->muted, x, y + h, H_START, 1, w, 1);
  }
}

/* ------------------------------------------------------------------ */

void
ep_chart_style_init (EpChartStyle *style,
                     gboolean      dark)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->dark = dark;
  if (dark)
    {
      style->foreground[0] = style->foreground[1] = style->foreground[2] = 0.93;
      style->background[0] = style->background[1] = style->background[2] = 0.14;
    }
  else
    {
      style->foreground[0] = style->foreground[1] = style->foreground[2] = 0.1;
      style->background[0] = style->background[1] = style->background[2] = 1.0;
    }
  style->foreground[3] = 1;
  style->background[3] = 1;
  style->direction = PANGO_DIRECTION_LTR;
  style->titles = TRUE;
  style->notes = TRUE;
  style->focus = -1;
}

/**
 * ep_chart_direction_from_locale:
 *
 * The layout direction of the user interface's language, for when there
 * is no GTK to ask: a translation of "default:LTR" as "default:RTL", or
 * else a language written right to left (Arabic, Hebrew, Persian, Urdu…).
 */
PangoDirection
ep_chart_direction_from_locale (void)
{
  static const char *const rtl[] = { "ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", NULL };
  /* Translators: "default:RTL" for languages written right to left, else
   * leave as is. Only the text after "default:" is read */
  const char *dir = C_("chart layout direction", "default:LTR");
  const char *const *languages = g_get_language_names ();

  if (g_str_equal (dir, "default:RTL"))
    return PANGO_DIRECTION_RTL;
  if (languages[0])
    {
      g_autofree char *lang = g_strdup (languages[0]);
      char *cut = strpbrk (lang, "_.@");

      if (cut)
        *cut = '\0';
      if (g_strv_contains (rtl, lang))
        return PANGO_DIRECTION_RTL;
    }
  return PANGO_DIRECTION_LTR;
}

static PangoFontDescription *
derive_font (const PangoFontDescription *base,
             double                      scale,
             PangoWeight                 weight)
{
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_size (font, (int) (size * scale));
  pango_font_description_set_weight (font, weight);
  return font;
}

static double
line_height (PangoContext               *pctx,
             const PangoFontDescription *font)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (pctx, font, NULL);
  int height = pango_font_metrics_get_height (metrics);

  if (height <= 0)
    height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  return ceil ((double) height / PANGO_SCALE);
}

/**
 * ep_chart_render:
 * @cr: where to draw; the chart fills (0, 0, @width, @height) in user units
 *
 * Draws @data, and records in it where each item went (for focus,
 * tooltips and tests).
 */
void
ep_chart_render (EpChartData        *data,
                 cairo_t            *cr,
                 double              width,
                 double              height,
                 const EpChartStyle *style)
{
  Ctx c = { 0 };
  g_autoptr(PangoFontDescription) font = NULL;
  double margin, top, bottom;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  clear_boxes (data);
  data->n_pages = 1;
  if (width < 1 || height < 1)
    return;

  c.cr = cr;
  c.data = data;
  c.style = style;
  c.width = width;
  c.height = height;
  c.rtl = style->direction == PANGO_DIRECTION_RTL;
  c.fg = (Colour) { style->foreground[0], style->foreground[1], style->foreground[2], style->foreground[3] };
  c.bg = (Colour) { style->background[0], style->background[1], style->background[2], 1 };
  if (style->background[3] <= 0)
    c.bg = style->dark ? (Colour) { 0.14, 0.14, 0.14, 1 } : (Colour) { 1, 1, 1, 1 };
  c.muted = with_alpha (&c.fg, 0.72);
  c.grid = with_alpha (&c.fg, 0.14);
  c.primary = style->dark ? oi_sky_blue : oi_blue;
  c.highlight = style->dark ? oi_orange : oi_vermillion;
  c.reference = style->dark ? oi_yellow : oi_orange;
  (void) oi_green;

  c.pctx = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (c.pctx, 96);
  pango_context_set_base_dir (c.pctx, c.rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  font = pango_font_description_from_string (style->font ? style->font : "Sans 10");
  if (pango_font_description_get_size (font) <= 0)
    pango_font_description_set_size (font, 10 * PANGO_SCALE);
  c.font = font;
  c.small = derive_font (font, 0.88, PANGO_WEIGHT_NORMAL);
  c.bold = derive_font (font, 0.92, PANGO_WEIGHT_BOLD);
  c.title = derive_font (font, 1.35, PANGO_WEIGHT_BOLD);
  c.lh = line_height (c.pctx, c.font);
  c.sh = line_height (c.pctx, c.small);

  cairo_save (cr);
  cairo_new_path (cr);
  if (style->background[3] > 0)
    {
      cairo_set_source_rgba (cr, style->background[0], style->background[1], style->background[2],
                             style->background[3]);
      cairo_paint (cr);
    }
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  margin = round (c.lh * 0.75);
  top = margin;
  bottom = height - margin;
  if (style->titles && data->title)
    {
      top += text (&c, data->title, c.title, &c.fg, margin, top, H_START, 0, width - 2 * margin, 2);
      top += text (&c, data->subtitle, c.small, &c.muted, margin, top, H_START, 0, width - 2 * margin, 2);
      top += c.lh * 0.6;
    }
  if (style->notes && data->notes)
    {
      double nh;

      measure (&c, data->notes, c.small, width - 2 * margin, 4, NULL, &nh);
      text (&c, data->notes, c.small, &c.muted, margin, bottom, H_START, 1, width - 2 * margin, 4);
      bottom -= nh + c.lh * 0.5;
    }

  if (bottom - top > c.lh * 4 && width - 2 * margin > c.lh * 8)
    {
      double bx = margin, by = top, bw = width - 2 * margin, bh = bottom - top;

      switch (data->kind)
        {
        case EP_CHART_KIND_GROUPS:
          draw_groups (&c, bx, by, bw, bh);
          break;
        case EP_CHART_KIND_TREND:
          draw_trend (&c, bx, by, bw, bh);
          break;
        case EP_CHART_KIND_GAP:
          draw_gap (&c, bx, by, bw, bh);
          break;
        case EP_CHART_KIND_SCORECARD:
          draw_scorecard (&c, bx, by, bw, bh);
          break;
        case EP_CHART_KIND_MATRIX:
          draw_matrix (&c, bx, by, bw, bh);
          break;
        case EP_CHART_KIND_ROLLUP:
          draw_rollup (&c, bx, by, bw, bh);
          break;
        default:
          break;
        }
    }
  else
    text (&c, _("Too small to draw"), c.small, &c.muted, width / 2, height / 2, H_CENTER, 0.5, width, 1);

  if (style->focus >= 0 && (guint) style->focus < data->items->len)
    focus_ring (&c, ep_chart_data_get_item (data, style->focus));
  cairo_restore (cr);

  pango_font_description_free (c.small);
  pango_font_description_free (c.bold);
  pango_font_description_free (c.title);
  g_object_unref (c.pctx);
}

/* ------------------------------------------------------------------ */
/* Export. */

gboolean
ep_chart_format_from_path (const char    *path,
                           EpChartFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path ? path : "", -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = EP_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = EP_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = EP_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *bytes,
              unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo writes text as glyph outlines: give the SVG its words. */
static GBytes *
svg_with_description (GByteArray  *svg,
                      EpChartData *data)
{
  g_autofree char *description = ep_chart_data_describe (data);
  g_autofree char *title = g_markup_escape_text (data->title ? data->title : "", -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autofree char *insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  const char *start = g_strstr_len ((const char *) svg->data, svg->len, "<svg");
  const char *end = start ? memchr (start, '>', svg->len - (start - (const char *) svg->data)) : NULL;
  gsize at;

  if (end == NULL)
    return g_byte_array_free_to_bytes (svg);
  at = end + 1 - (const char *) svg->data;
  {
    GByteArray *out = g_byte_array_sized_new (svg->len + strlen (insert));

    g_byte_array_append (out, svg->data, at);
    g_byte_array_append (out, (const guint8 *) insert, strlen (insert));
    g_byte_array_append (out, svg->data + at, svg->len - at);
    g_byte_array_unref (svg);
    return g_byte_array_free_to_bytes (out);
  }
}

/**
 * ep_chart_render_to_bytes:
 *
 * Draws @data into a PNG, SVG or PDF file in memory. A PDF of the roll-up
 * holds every page; PNG and SVG hold @style's page. SVGs carry the title and
 * the description in words (<title>, <desc>), PDFs the title as metadata.
 */
GBytes *
ep_chart_render_to_bytes (EpChartData        *data,
                          const EpChartStyle *style,
                          EpChartFormat       format,
                          int                 width,
                          int                 height,
                          GError            **error)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    {
      g_byte_array_unref (out);
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_FORMAT,
                   _("A chart must be between 1 and 20000 pixels wide and high"));
      return NULL;
    }
  switch (format)
    {
    case EP_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, out, width, height);
      break;
    case EP_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data->title ? data->title : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Equity Planner");
      break;
    case EP_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }
  cr = cairo_create (surface);
  if (format == EP_CHART_FORMAT_PDF)
    {
      EpChartStyle page_style = *style;

      page_style.page = 0;
      do
        {
          cairo_save (cr);
          ep_chart_render (data, cr, width, height, &page_style);
          cairo_restore (cr);
          cairo_show_page (cr);
          page_style.page++;
        }
      while (page_style.page < ep_chart_data_get_n_pages (data));
    }
  else
    ep_chart_render (data, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == EP_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (out);
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_WRITE, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  if (format == EP_CHART_FORMAT_SVG)
    return svg_with_description (out, data);
  return g_byte_array_free_to_bytes (out);
}

/**
 * ep_chart_render_to_file:
 * @path: a file name ending in .png, .svg or .pdf (the format)
 *
 * Writes the chart atomically (a temporary file renamed over @path).
 */
gboolean
ep_chart_render_to_file (EpChartData        *data,
                         const EpChartStyle *style,
                         const char         *path,
                         int                 width,
                         int                 height,
                         GError            **error)
{
  EpChartFormat format;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!ep_chart_format_from_path (path, &format))
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_FORMAT,
                   /* Translators: %s is a file name */
                   _("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  bytes = ep_chart_render_to_bytes (data, style, format, width, height, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local))
    {
      g_set_error (error, EP_CHART_ERROR, EP_CHART_ERROR_WRITE, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
