/* test-render.c — the chart renderer, checked on the pixels it draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display needed. Set EP_SCREENSHOT_DIR to also write every chart of the
 * demo district as PNG (light, dark, right-to-left, Arabic labels); set
 * EP_UPDATE_REFERENCE=1 to rewrite the reference images in tests/reference/.
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "ep-chart-render.h"
#include "ep-suppress.h"
#include "ep-test-util.h"

#define CHAVEZ "060000100002"
#define W 1000
#define H 620

static const char *kind_names[] = { "group", "trend", "gap", "scorecard", "matrix", "rollup" };

static EpDistrict *demo;

/* strstr for binary data (PDFs hold NUL bytes). */
static const char *
find_bytes (const char *haystack,
            gsize       size,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

static EpChartData *
demo_chart (EpChartKind kind,
            const char *language)
{
  EpChartSpec spec = { 0 };
  g_autoptr(GError) error = NULL;
  EpChartData *data;

  spec.kind = kind;
  spec.district = demo;
  spec.school = ep_district_find_school (demo, CHAVEZ);
  spec.indicator = "chronic-absence";
  spec.language = language;
  if (kind == EP_CHART_KIND_ROLLUP)
    spec.group = "EL";
  data = ep_chart_data_new (&spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* Renders to an image surface; the caller owns it. */
static cairo_surface_t *
render (EpChartData        *data,
        const EpChartStyle *style,
        int                 width,
        int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  ep_chart_render (data, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double          *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (data + y * stride + x * 4);

  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static gboolean
near (const double *rgb,
      guint32       hex,
      double        tolerance)
{
  double r = ((hex >> 16) & 0xff) / 255.0, g = ((hex >> 8) & 0xff) / 255.0, b = (hex & 0xff) / 255.0;

  return fabs (rgb[0] - r) < tolerance && fabs (rgb[1] - g) < tolerance && fabs (rgb[2] - b) < tolerance;
}

static double
luminance (const double *rgb)
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static int
find_item (EpChartData *data,
           const char  *label,
           int          series)
{
  for (guint i = 0; i < ep_chart_data_get_n_items (data); i++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, i);

      if (g_strcmp0 (item->label, label) == 0 && (series < 0 || item->series == series))
        return (int) i;
    }
  g_error ("no item “%s”", label);
  return -1;
}

/* ------------------------------------------------------------------ */

static gboolean
is_round (double step)
{
  double mantissa = step / pow (10, floor (log10 (step)));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_ticks (void)
{
  double first, step;
  guint n;
  GRand *rand = g_rand_new_with_seed (7);

  n = ep_chart_nice_ticks (0, 37, 6, &first, &step);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (step, ==, 10);
  g_assert_cmpuint (n, ==, 4);                 /* 0 10 20 30 */

  n = ep_chart_nice_ticks (0, 100, 11, &first, &step);
  g_assert_cmpfloat (step, ==, 10);
  g_assert_cmpuint (n, ==, 11);

  n = ep_chart_nice_ticks (0.8, 3.3, 6, &first, &step);
  g_assert_cmpfloat (step, ==, 0.5);
  g_assert_cmpfloat (first, ==, 1.0);
  g_assert_cmpuint (n, ==, 5);                 /* 1 1.5 2 2.5 3 */

  n = ep_chart_nice_ticks (-16.8, 12.4, 7, &first, &step);
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpfloat (first, ==, -15);

  for (int i = 0; i < 2000; i++)
    {
      double lo = g_rand_double_range (rand, -1e4, 1e4);
      double hi = lo + pow (10, g_rand_double_range (rand, -3, 5));
      guint max_ticks = g_rand_int_range (rand, 2, 12);

      n = ep_chart_nice_ticks (lo, hi, max_ticks, &first, &step);
      g_assert_true (is_round (step));
      if (step <= hi - lo)
        g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, max_ticks);
      if (n == 0)
        continue;
      g_assert_cmpfloat (first, >=, lo - step * 1e-6);
      g_assert_cmpfloat (first + (n - 1) * step, <=, hi + step * 1e-6);
      /* every tick is a whole multiple of the step */
      g_assert_cmpfloat (fabs (first / step - round (first / step)), <, 1e-6);
    }
  g_rand_free (rand);
}

static void
test_formats (void)
{
  EpChartStyle style;

  ep_chart_style_init (&style, FALSE);
  for (EpChartKind kind = EP_CHART_KIND_GROUPS; kind <= EP_CHART_KIND_ROLLUP; kind++)
    {
      g_autoptr(EpChartData) data = demo_chart (kind, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = ep_chart_render_to_bytes (data, &style, EP_CHART_FORMAT_PNG, 640, 400, &error);
      g_autoptr(GBytes) svg = ep_chart_render_to_bytes (data, &style, EP_CHART_FORMAT_SVG, 640, 400, &error);
      g_autoptr(GBytes) pdf = ep_chart_render_to_bytes (data, &style, EP_CHART_FORMAT_PDF, 640, 400, &error);
      g_autofree char *svg_text = NULL;
      const guint8 *p;
      gsize size;

      g_test_message ("kind %s", kind_names[kind]);
      g_assert_no_error (error);
      /* PNG: signature, then IHDR width and height (big-endian). */
      p = g_bytes_get_data (png, &size);
      g_assert_cmpuint (size, >, 33);
      g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
      g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (p + 16)), ==, 640);
      g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (p + 20)), ==, 400);
      /* SVG: the size, and the words (cairo draws text as outlines). */
      svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
      g_assert_nonnull (strstr (svg_text, "width=\"640pt\" height=\"400pt\""));
      g_assert_nonnull (strstr (svg_text, "<title>"));
      g_assert_nonnull (strstr (svg_text, "<desc>"));
      if (kind != EP_CHART_KIND_MATRIX)
        g_assert_nonnull (strstr (svg_text, "English learners"));
      /* PDF: the page size. */
      p = g_bytes_get_data (pdf, &size);
      g_assert_cmpmem (p, 5, "%PDF-", 5);
      g_assert_nonnull (find_bytes ((const char *) p, size, "/MediaBox [ 0 0 640 400 ]"));
    }
}

static void
test_to_file (void)
{
  g_autoptr(EpChartData) data = demo_chart (EP_CHART_KIND_GROUPS, NULL);
  g_autofree char *dir = ep_test_make_tmpdir ();
  EpChartStyle style;

  ep_chart_style_init (&style, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "a.png", "a.svg", "A.PDF" };
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (ep_chart_render_to_file (data, &style, path, 500, 300, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  {
    g_autofree char *path = g_build_filename (dir, "a.gif", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (ep_chart_render_to_file (data, &style, path, 500, 300, &error));
    g_assert_error (error, EP_CHART_ERROR, EP_CHART_ERROR_FORMAT);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ep_chart_render_to_file (data, &style, "/proc/version/x.png", 500, 300, &error));
    g_assert_error (error, EP_CHART_ERROR, EP_CHART_ERROR_WRITE);
  }
  ep_test_rm_rf (dir);
}

/* A bar's top is where its rate says, within a pixel. */
static void
test_bar_height (void)
{
  g_autoptr(EpChartData) data = demo_chart (EP_CHART_KIND_GROUPS, NULL);
  EpChartStyle style;
  cairo_surface_t *surface;
  double px, py, pw, ph, lo, hi;
  const char *groups[] = { "Hispanic or Latino", "Asian", "White", "Students with disabilities" };

  ep_chart_style_init (&style, FALSE);
  surface = render (data, &style, W, H);
  ep_chart_data_get_plot_area (data, &px, &py, &pw, &ph, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, >, 30);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      EpChartItem *item = ep_chart_data_get_item (data, find_item (data, groups[g], -1));
      int cx = (int) (item->x + item->width / 2);
      double expected = py + ph - item->value.value / hi * ph, rgb[3];
      int top = -1, bottom = -1;

      g_assert_true (ep_figure_ok (&item->value));
      for (int y = (int) py - 2; y < (int) (py + ph) + 2; y++)
        {
          pixel (surface, cx, y, rgb);
          if (near (rgb, 0x0072B2, 0.25))
            {
              if (top < 0)
                top = y;
              bottom = y;
            }
        }
      g_test_message ("%s: %.1f → top %d, expected %.2f", groups[g], item->value.value, top, expected);
      g_assert_cmpint (top, >=, 0);
      g_assert_cmpfloat (fabs (top - expected), <=, 1.0);
      g_assert_cmpfloat (fabs (bottom + 1 - (py + ph)), <=, 1.0);   /* from the zero line */
    }
  cairo_surface_destroy (surface);
}

/* A group below the minimum n is an empty slot with its reason, no bar. */
static void
test_suppressed_slot (void)
{
  g_autoptr(EpChartData) data = demo_chart (EP_CHART_KIND_GROUPS, NULL);
  EpChartStyle style;
  cairo_surface_t *surface;
  EpChartItem *item;
  guint bar_pixels = 0, hatch_pixels = 0;
  g_autofree char *why = NULL;

  ep_chart_style_init (&style, FALSE);
  surface = render (data, &style, W, H);
  item = ep_chart_data_get_item (data, find_item (data, "American Indian or Alaska Native", -1));
  g_assert_false (ep_figure_ok (&item->value));
  g_assert_cmpint (item->value.reason, ==, EP_REASON_BELOW_MIN_N);
  why = ep_figure_explain (&item->value);
  g_assert_cmpstr (why, ==, "n < 10");
  g_assert_cmpfloat (item->width, >, 0);
  for (int y = (int) item->y; y < (int) (item->y + item->height); y++)
    for (int x = (int) item->x; x < (int) (item->x + item->width); x++)
      {
        double rgb[3];

        pixel (surface, x, y, rgb);
        if (near (rgb, 0x0072B2, 0.2) || near (rgb, 0xD55E00, 0.2))
          bar_pixels++;
        else if (luminance (rgb) < 0.97 && luminance (rgb) > 0.6)
          hatch_pixels++;
      }
  g_assert_cmpuint (bar_pixels, ==, 0);
  g_assert_cmpuint (hatch_pixels, >, 100);   /* the slot is marked, not blank */
  cairo_surface_destroy (surface);
}

/* The group's series and all students' differ in lightness, not only hue. */
static void
test_grayscale (void)
{
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(EpChartData) data = demo_chart (EP_CHART_KIND_TREND, NULL);
      EpChartStyle style;
      cairo_surface_t *surface;
      double a[3], b[3], bg[3];
      EpChartItem *g, *r;

      ep_chart_style_init (&style, dark);
      surface = render (data, &style, W, H);
      g = ep_chart_data_get_item (data, find_item (data, "2022-23", 0));
      r = ep_chart_data_get_item (data, find_item (data, "2022-23", 1));
      pixel (surface, (int) (g->x + g->width / 2), (int) (g->y + g->height / 2), a);
      pixel (surface, (int) (r->x + r->width / 2), (int) (r->y + r->height / 2), b);
      pixel (surface, 2, 2, bg);
      g_test_message ("%s: group %.2f, all students %.2f, background %.2f", dark ? "dark" : "light",
                      luminance (a), luminance (b), luminance (bg));
      g_assert_cmpfloat (fabs (luminance (a) - luminance (b)), >, 0.15);
      g_assert_cmpfloat (fabs (luminance (a) - luminance (bg)), >, 0.2);
      g_assert_cmpfloat (fabs (luminance (b) - luminance (bg)), >, 0.2);
      cairo_surface_destroy (surface);
    }
}

static void
test_describe (void)
{
  g_autoptr(EpChartData) groups = demo_chart (EP_CHART_KIND_GROUPS, NULL);
  g_autoptr(EpChartData) trend = demo_chart (EP_CHART_KIND_TREND, NULL);
  g_autoptr(EpChartData) rollup = demo_chart (EP_CHART_KIND_ROLLUP, NULL);
  g_autofree char *a = ep_chart_data_describe (groups);
  g_autofree char *b = ep_chart_data_describe (trend);
  g_autofree char *c = ep_chart_data_describe (rollup);

  g_test_message ("%s", a);
  g_test_message ("%s", b);
  g_test_message ("%s", c);
  /* 64 of 202 chronically absent, all students 95 of 483 (see the plan). */
  g_assert_nonnull (strstr (a, "English learners 31.7%, All students 19.7%, gap 12.0 points above."));
  g_assert_nonnull (strstr (a, "American Indian or Alaska Native n < 10."));
  g_assert_nonnull (strstr (a, "Asian 10.3%, All students 19.7%, gap 9.3 points below."));
  g_assert_nonnull (strstr (b, "English learners: 2022-23 35.4%, 2023-24 29.0%, 2024-25 31.7%."));
  g_assert_nonnull (strstr (b, "Target 20.0%"));
  g_assert_nonnull (strstr (c, "Lincoln Elementary School 2.28"));
}

/* Right to left: the whole layout mirrored; the first group on the right. */
static void
test_rtl (void)
{
  g_autoptr(EpChartData) data = demo_chart (EP_CHART_KIND_GROUPS, NULL);
  EpChartStyle style;
  cairo_surface_t *surface;
  double ltr_x, ltr_w, rtl_x, px, pw;
  EpChartItem *first;

  ep_chart_style_init (&style, FALSE);
  surface = render (data, &style, W, H);
  first = ep_chart_data_get_item (data, 0);
  ltr_x = first->x;
  ltr_w = first->width;
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (ltr_x + ltr_w, <, W / 2.0);

  style.direction = PANGO_DIRECTION_RTL;
  surface = render (data, &style, W, H);
  rtl_x = ep_chart_data_get_item (data, 0)->x;
  ep_chart_data_get_plot_area (data, &px, NULL, &pw, NULL, NULL, NULL);
  g_assert_cmpfloat (rtl_x, >, W / 2.0);
  g_assert_cmpfloat (fabs ((W - (ltr_x + ltr_w)) - rtl_x), <, 0.5);
  /* The last group is now leftmost. */
  g_assert_cmpfloat (ep_chart_data_get_item (data, ep_chart_data_get_n_items (data) - 1)->x, <, W / 2.0);
  cairo_surface_destroy (surface);
}

/* A shared chart withholds exactly what ep_publish_indicator() hides: every
 * hidden cell is a marked slot (no value, no gap, n only when published),
 * the description and tooltips carry no hidden rate; a scorecard is refused. */
static void
test_shared (void)
{
  static const char *schools[] = { "060000100001", CHAVEZ, "060000100003", "060000100004" };
  guint n_hidden = 0;

  for (guint s = 0; s < G_N_ELEMENTS (schools); s++)
    {
      EpSchool *school = ep_district_find_school (demo, schools[s]);
      GListModel *indicators = ep_school_get_indicators (school);

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, k);
          g_autoptr(GPtrArray) periods = ep_indicator_list_periods (indicator);
          const char *period = periods->pdata[periods->len - 1];
          g_autoptr(GArray) cells = ep_publish_indicator (demo, indicator, period);
          EpChartSpec spec = { 0 };
          g_autoptr(GError) error = NULL;
          g_autoptr(EpChartData) data = NULL;
          g_autofree char *description = NULL;
          cairo_surface_t *surface;
          cairo_t *cr;
          EpChartStyle style;

          spec.kind = EP_CHART_KIND_GROUPS;
          spec.district = demo;
          spec.school = school;
          spec.indicator = ep_indicator_get_id (indicator);
          spec.period = period;
          spec.shared = TRUE;
          data = ep_chart_data_new (&spec, &error);
          g_assert_no_error (error);
          g_assert_true (strstr (ep_chart_data_get_notes (data), "Shared version") != NULL);
          for (guint i = 0; i < ep_chart_data_get_n_items (data); i++)
            {
              const EpChartItem *item = ep_chart_data_get_item (data, i);
              const EpPublishCell *cell = NULL;

              for (guint j = 0; j < cells->len; j++)
                {
                  const EpPublishCell *c = &g_array_index (cells, EpPublishCell, j);
                  EpStudentGroup *group = ep_district_find_group (demo, c->group);

                  if (g_strcmp0 (ep_student_group_get_label (group), item->label) == 0)
                    cell = c;
                }
              if (cell == NULL)
                continue;
              if (ep_publish_state_is_hidden (cell->count_state))
                {
                  g_autofree char *marker = ep_publish_format_hidden (demo, cell->count_state, NULL);

                  n_hidden++;
                  g_assert_false (ep_figure_ok (&item->value));
                  g_assert_false (ep_figure_ok (&item->reference));
                  if (cell->count_state == EP_PUBLISH_SOURCE)
                    g_assert_nonnull (item->hidden);   /* the source's own marker */
                  else
                    g_assert_cmpstr (item->hidden, ==, marker);
                  g_assert_true (strstr (item->tooltip, " of ") == NULL);
                }
              else
                {
                  g_assert_null (item->hidden);
                }
              if (ep_publish_state_is_hidden (cell->n_state))
                g_assert_cmpuint (item->n, ==, 0);
            }
          description = ep_chart_data_describe (data);
          g_assert_nonnull (description);

          /* It draws. */
          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
          cr = cairo_create (surface);
          ep_chart_style_init (&style, FALSE);
          style.titles = style.notes = TRUE;
          ep_chart_render (data, cr, W, H, &style);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);

          /* The trend of the same indicator hides the same cells. */
          {
            g_autoptr(EpChartData) trend = NULL;

            spec.kind = EP_CHART_KIND_TREND;
            trend = ep_chart_data_new (&spec, NULL);
            if (trend != NULL)
              for (guint i = 0; i < ep_chart_data_get_n_items (trend); i++)
                {
                  const EpChartItem *item = ep_chart_data_get_item (trend, i);

                  if (item->hidden)
                    g_assert_false (ep_figure_ok (&item->value));
                }
          }
        }
    }
  /* The demo has small groups: something was hidden. */
  g_assert_cmpuint (n_hidden, >, 0);

  {
    EpChartSpec spec = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(EpChartData) data = NULL;

    spec.kind = EP_CHART_KIND_SCORECARD;
    spec.district = demo;
    spec.school = ep_district_find_school (demo, CHAVEZ);
    spec.shared = TRUE;
    data = ep_chart_data_new (&spec, &error);
    g_assert_null (data);
    g_assert_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_SUPPORTED);
  }
}

static void
test_not_found (void)
{
  EpChartSpec spec = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EpChartData) data = NULL;

  spec.kind = EP_CHART_KIND_GROUPS;
  spec.district = demo;
  spec.school = ep_district_find_school (demo, CHAVEZ);
  spec.indicator = "no-such-indicator";
  data = ep_chart_data_new (&spec, &error);
  g_assert_null (data);
  g_assert_error (error, EP_CHART_ERROR, EP_CHART_ERROR_NOT_FOUND);
}

/* Numbers follow LC_NUMERIC. */
static void
test_locale_numbers (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  a = ep_chart_format_number (1234.5, 1);
  b = ep_chart_format_gap (EP_UNIT_PERCENT, -3.25);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (a, ==, "1.234,5");
  g_assert_cmpstr (b, ==, "\u22123,2 pts");
}

/* 1,500 schools: pages of rows at a legible height, all in the PDF. */
static void
test_rollup_pages (void)
{
  g_autoptr(EpDistrict) big = ep_synth_district (300, 3, 1);
  EpChartSpec spec = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EpChartData) data = NULL;
  g_autoptr(GBytes) pdf = NULL;
  EpChartStyle style;
  cairo_surface_t *surface;
  guint drawn = 0, pages, pdf_pages = 0;
  const char *p, *end;

  spec.kind = EP_CHART_KIND_ROLLUP;
  spec.district = big;
  spec.indicator = "chronic-absence";
  data = ep_chart_data_new (&spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ep_chart_data_get_n_items (data), ==, 300);
  ep_chart_style_init (&style, FALSE);
  surface = render (data, &style, W, H);
  pages = ep_chart_data_get_n_pages (data);
  for (guint i = 0; i < 300; i++)
    drawn += ep_chart_data_get_item (data, i)->width > 0;
  g_test_message ("%u pages of %u rows", pages, drawn);
  g_assert_cmpuint (pages, >, 1);
  g_assert_cmpuint (drawn * pages, >=, 300);
  g_assert_cmpuint (drawn * (pages - 1), <, 300);
  g_assert_cmpfloat (ep_chart_data_get_item (data, 0)->height, >=, 14);   /* legible rows */
  /* Ranked: worst first. */
  for (guint i = 1; i < 300; i++)
    {
      EpChartItem *a = ep_chart_data_get_item (data, i - 1), *b = ep_chart_data_get_item (data, i);

      if (ep_figure_ok (&a->value) && ep_figure_ok (&b->value))
        g_assert_cmpfloat (a->value.value, >=, b->value.value);
      else  /* schools without a figure come after the ranked ones */
        g_assert_false (!ep_figure_ok (&a->value) && ep_figure_ok (&b->value));
    }
  cairo_surface_destroy (surface);

  pdf = ep_chart_render_to_bytes (data, &style, EP_CHART_FORMAT_PDF, W, H, &error);
  g_assert_no_error (error);
  p = g_bytes_get_data (pdf, NULL);
  end = p + g_bytes_get_size (pdf);
  while ((p = find_bytes (p, end - p, "/Type /Page")) != NULL)
    {
      p += strlen ("/Type /Page");
      if (*p != 's')
        pdf_pages++;
    }
  g_assert_cmpuint (pdf_pages, ==, pages);
}

/* Stored reference images, compared with a tolerance (fonts hint slightly
 * differently from one FreeType to another). */
static void
test_reference_images (void)
{
  for (EpChartKind kind = EP_CHART_KIND_GROUPS; kind <= EP_CHART_KIND_TREND; kind++)
    {
      g_autoptr(EpChartData) data = demo_chart (kind, NULL);
      g_autofree char *name = g_strdup_printf ("tests/reference/%s.png", kind_names[kind]);
      g_autofree char *path = ep_test_source_path (name);
      EpChartStyle style;
      cairo_surface_t *surface, *reference;
      guint differ = 0;
      int w = 640, h = 400;

      ep_chart_style_init (&style, FALSE);
      style.font = "Noto Sans 10";
      surface = render (data, &style, w, h);
      if (g_getenv ("EP_UPDATE_REFERENCE"))
        g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      reference = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
        g_error ("cannot read %s (EP_UPDATE_REFERENCE=1 writes it)", path);
      g_assert_cmpint (cairo_image_surface_get_width (reference), ==, w);
      g_assert_cmpint (cairo_image_surface_get_height (reference), ==, h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            double a[3], b[3];

            pixel (surface, x, y, a);
            pixel (reference, x, y, b);
            if (fabs (a[0] - b[0]) + fabs (a[1] - b[1]) + fabs (a[2] - b[2]) > 0.75)
              differ++;
          }
      g_test_message ("%s: %u of %d pixels differ", kind_names[kind], differ, w * h);
      g_assert_cmpuint (differ, <, (guint) (w * h / 100));   /* under 1% */
      cairo_surface_destroy (surface);
      cairo_surface_destroy (reference);
    }
}

/* Arabic labels, right to left: drawn, and described in Arabic. */
static void
set_arabic_labels (void)
{
  static const struct { const char *id, *label; } labels[] = {
    { "all", "جميع الطلاب" },
    { "HI", "من أصل إسباني أو لاتيني" },
    { "AM", "هندي أمريكي أو من سكان ألاسكا الأصليين" },
    { "AS", "آسيوي" },
    { "BL", "أسود أو أمريكي من أصل أفريقي" },
    { "PI", "من سكان هاواي الأصليين أو جزر المحيط الهادئ" },
    { "WH", "أبيض" },
    { "TR", "من عرقين أو أكثر" },
    { "ED", "محرومون اقتصاديًا" },
    { "EL", "متعلمو اللغة الإنجليزية" },
    { "SWD", "طلاب ذوو إعاقة" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    ep_node_set_translation (ep_district_find_group (demo, labels[i].id), "label", "ar", labels[i].label);
  ep_node_set_translation (ep_school_find_indicator (ep_district_find_school (demo, CHAVEZ), "chronic-absence"),
                           "name", "ar", "الغياب المزمن");
}

static void
test_arabic (void)
{
  g_autoptr(EpChartData) data = NULL;
  g_autofree char *description = NULL;
  EpChartStyle style;
  cairo_surface_t *surface;

  set_arabic_labels ();
  data = demo_chart (EP_CHART_KIND_GROUPS, "ar");
  description = ep_chart_data_describe (data);
  g_assert_nonnull (strstr (description, "متعلمو اللغة الإنجليزية 31.7%"));
  ep_chart_style_init (&style, FALSE);
  style.direction = PANGO_DIRECTION_RTL;
  surface = render (data, &style, W, H);
  g_assert_cmpfloat (ep_chart_data_get_item (data, 0)->x, >, W / 2.0);
  cairo_surface_destroy (surface);
}

/* EP_SCREENSHOT_DIR: every kind, light, dark, right to left, Arabic. */
static void
test_screenshots (void)
{
  const char *dir = g_getenv ("EP_SCREENSHOT_DIR");
  static const struct { const char *suffix; gboolean dark, rtl; const char *lang; } variants[] = {
    { "light", FALSE, FALSE, NULL },
    { "dark", TRUE, FALSE, NULL },
    { "rtl", FALSE, TRUE, NULL },
    { "arabic", FALSE, TRUE, "ar" },
  };

  if (dir == NULL)
    {
      g_test_skip ("EP_SCREENSHOT_DIR not set");
      return;
    }
  set_arabic_labels ();
  g_mkdir_with_parents (dir, 0755);
  for (EpChartKind kind = EP_CHART_KIND_GROUPS; kind <= EP_CHART_KIND_ROLLUP; kind++)
    for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
      {
        g_autoptr(EpChartData) data = demo_chart (kind, variants[v].lang);
        g_autofree char *name = g_strdup_printf ("chart-%s-%s.png", kind_names[kind], variants[v].suffix);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GError) error = NULL;
        EpChartStyle style;

        ep_chart_style_init (&style, variants[v].dark);
        style.direction = variants[v].rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
        g_assert_true (ep_chart_render_to_file (data, &style, path, W, H, &error));
        g_assert_no_error (error);
      }
}

/* Labels wrap at word boundaries, never with an inserted hyphen, and none
 * is ellipsized: every word of every bar's label and every value and gap
 * is in the chart's text, at the size the Diagnose page shows it and at
 * the printed size (pdftotext reads what was drawn). */
static void
test_no_hyphens (void)
{
  static const struct { int width, height; } sizes[] = { { 560, 300 }, { 640, 360 }, { W, H } };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = ep_test_make_tmpdir ();
  GListModel *schools = ep_district_get_schools (demo);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext not installed");
      return;
    }
  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(EpSchool) school = g_list_model_get_item (schools, s);
        EpChartSpec spec = { 0 };
        g_autoptr(GError) error = NULL;
        g_autoptr(EpChartData) data = NULL;
        g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
        g_autofree char *out = NULL;
        g_autofree char *flat = NULL;
        int status;
        EpChartStyle style;
        const char *argv[] = { pdftotext, "-q", pdf, "-", NULL };

        spec.kind = EP_CHART_KIND_GROUPS;
        spec.district = demo;
        spec.school = school;
        spec.indicator = "chronic-absence";
        data = ep_chart_data_new (&spec, &error);
        if (data == NULL)
          continue;
        ep_chart_style_init (&style, FALSE);
        g_assert_true (ep_chart_render_to_file (data, &style, pdf, sizes[z].width, sizes[z].height, &error));
        g_assert_no_error (error);
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &out, NULL, &status, &error));
        g_assert_no_error (error);
        /* Lines joined with spaces: a word broken over two lines is two. */
        flat = g_strdelimit (g_strdup (out), "\n\f", ' ');
        g_assert_null (strstr (out, "…"));
        for (guint i = 0; i < ep_chart_data_get_n_items (data); i++)
          {
            EpChartItem *item = ep_chart_data_get_item (data, i);
            g_auto(GStrv) words = g_strsplit (item->label, " ", -1);

            for (guint w = 0; words[w]; w++)
              {
                g_autofree char *word = g_strdup_printf (" %s", words[w]);
                if (*words[w] && strstr (flat, words[w]) == NULL)
                  g_error ("%s at %d×%d: “%s” of “%s” is broken:\n%s", ep_school_get_id (school),
                           sizes[z].width, sizes[z].height, words[w], item->label, out);
                (void) word;
              }
          }
      }
  ep_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  demo = ep_test_load_demo ();

  g_test_add_func ("/render/ticks", test_ticks);
  g_test_add_func ("/render/formats", test_formats);
  g_test_add_func ("/render/to-file", test_to_file);
  g_test_add_func ("/render/bar-height", test_bar_height);
  g_test_add_func ("/render/suppressed-slot", test_suppressed_slot);
  g_test_add_func ("/render/grayscale", test_grayscale);
  g_test_add_func ("/render/describe", test_describe);
  g_test_add_func ("/render/rtl", test_rtl);
  g_test_add_func ("/render/shared", test_shared);
  g_test_add_func ("/render/not-found", test_not_found);
  g_test_add_func ("/render/locale-numbers", test_locale_numbers);
  g_test_add_func ("/render/rollup-pages", test_rollup_pages);
  g_test_add_func ("/render/reference-images", test_reference_images);
  g_test_add_func ("/render/arabic", test_arabic);
  g_test_add_func ("/render/no-hyphens", test_no_hyphens);
  g_test_add_func ("/render/screenshots", test_screenshots);

  status = g_test_run ();
  g_object_unref (demo);
  return status;
}
