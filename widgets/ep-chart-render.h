/* ep-chart-render.h — draw a chart to any cairo_t; export PNG, SVG, PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer (Cairo + Pango, no GTK) for the screen (EpChart), printing,
 * and the files `eqplan chart` writes. The figures come from EpChartData
 * (ep-chart-data.h), hence from models/ep-analysis.
 *
 * Design rules, all in ep-chart-render.c:
 * - Colours: the Okabe–Ito palette (safe for the common colour-vision
 *   deficiencies), and never colour alone: series differ in lightness, line
 *   dash and marker shape, highlighted bars carry a hatch, and every series
 *   is labelled directly (no legend to match colours against), so a
 *   black-and-white printout reads the same.
 * - Figures without a value (n < minimum, suppressed at source, no data)
 *   are a dashed empty slot with the reason written in it, never a bar of 0.
 * - Value axes tick at 1, 2 or 5 × 10^k (ep_chart_nice_ticks()); bars start
 *   at 0. Numbers follow the current LC_NUMERIC (the UI locale): never use
 *   these strings in files.
 * - Every length is a multiple of the font's line height, taken from Pango
 *   metrics, so a larger font or a denser script grows the chart's margins
 *   instead of overlapping them.
 * - Right-to-left: with @direction PANGO_DIRECTION_RTL the whole layout is
 *   mirrored (value axis on the right, first group on the right, time runs
 *   right to left); each text keeps its own direction.
 *
 * District roll-up at 1,500 schools: a ranked list is only readable at a
 * legible row height, so the roll-up is paginated, not squeezed. On top, an
 * overview strip draws every school with a figure as a tick on the common
 * value axis (1,500 ticks read as a distribution) with the threshold and the
 * district's own figure marked, and a bracket showing where the current page
 * lies. Below, one row per school of the page, worst first, at one line
 * height each: rank, name, bar, value. The value axis is the same on every
 * page, so pages compare. Schools without a figure follow the ranked ones,
 * each as an empty slot with its reason, and their count by reason is in the
 * footer. @page chooses the page; ep_chart_data_get_n_pages() tells how
 * many there are after a render; a PDF export holds every page.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ep-chart-data.h"

G_BEGIN_DECLS

/**
 * EpChartStyle:
 * @foreground: RGBA of text, axes and the reference lines (from the
 *   widget's CSS colour on screen)
 * @background: RGBA painted first; alpha 0 leaves the surface as it is
 * @dark: use the palette's lighter colours, for a dark background
 * @direction: %PANGO_DIRECTION_RTL mirrors the layout
 * @font: (nullable): a Pango font description; %NULL for "Sans 10"
 * @titles: draw the title and subtitle
 * @notes: draw the notes: source, period, minimum n (for exported charts)
 * @focus: the item with keyboard focus (a focus ring is drawn), or -1
 * @page: the roll-up's page, from 0
 */
typedef struct {
  double          foreground[4];
  double          background[4];
  gboolean        dark;
  PangoDirection  direction;
  const char     *font;
  gboolean        titles;
  gboolean        notes;
  int             focus;
  guint           page;
} EpChartStyle;

typedef enum {
  EP_CHART_FORMAT_PNG,
  EP_CHART_FORMAT_SVG,
  EP_CHART_FORMAT_PDF,
} EpChartFormat;

void      ep_chart_style_init      (EpChartStyle  *style,
                                    gboolean       dark);
PangoDirection ep_chart_direction_from_locale (void);

void      ep_chart_render          (EpChartData        *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const EpChartStyle *style);

gboolean  ep_chart_format_from_path (const char     *path,
                                     EpChartFormat  *format);
GBytes   *ep_chart_render_to_bytes (EpChartData        *data,
                                    const EpChartStyle *style,
                                    EpChartFormat       format,
                                    int                 width,
                                    int                 height,
                                    GError            **error);
gboolean  ep_chart_render_to_file  (EpChartData        *data,
                                    const EpChartStyle *style,
                                    const char         *path,
                                    int                 width,
                                    int                 height,
                                    GError            **error);

G_END_DECLS
