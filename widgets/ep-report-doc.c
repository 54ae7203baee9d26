/* ep-report-doc.c — paged documents on Cairo + Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ep-chart-render.h"
#include "ep-report-doc.h"

G_DEFINE_QUARK (ep-report-error-quark, ep_report_error)

#define MM (72.0 / 25.4)

struct _EpReportDoc {
  EpReportSetup    setup;
  cairo_surface_t *surface;       /* the PDF, or NULL */
  cairo_t         *target;        /* where pages are drawn, or NULL: measuring */
  cairo_t         *cr;            /* target while the current page is drawn, else NULL */
  int              draw_only;     /* -1: every page; else only this one */
  gboolean         done;          /* draw_only has been drawn */
  PangoContext    *pctx;
  gboolean         rtl;
  PangoFontDescription *fonts[EP_TEXT_H3 + 1];

  double           page_w, page_h, margin, top, bottom, y;
  double           header_h, footer_h;
  gboolean         landscape, next_landscape, page_open;
  guint            page;          /* the current page, from 0 */
  guint            n_pages;       /* from the measuring pass; 0 while measuring */
  GHashTable      *dests;         /* name → page + 1, this pass */
  GHashTable      *known_dests;   /* name → page + 1, from the measuring pass */
  GByteArray      *orientations;  /* per finished page: 1 landscape */
  char            *header_left, *header_right, *footer_note;
  char            *date_text;
  int              outline_parent;
};

gboolean
ep_paper_parse (const char *text,
                EpPaper    *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = EP_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0 || g_ascii_strcasecmp (text, "us-letter") == 0)
    *paper = EP_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
ep_paper_get_size (EpPaper   paper,
                   gboolean  landscape,
                   double   *width,
                   double   *height)
{
  double w = paper == EP_PAPER_LETTER ? 612 : 595.276;
  double h = paper == EP_PAPER_LETTER ? 792 : 841.89;

  *width = landscape ? h : w;
  *height = landscape ? w : h;
}

/**
 * ep_report_date_now:
 *
 * Returns: $SOURCE_DATE_EPOCH when set (reproducible builds), else now
 */
gint64
ep_report_date_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 value;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &value, NULL))
    return (gint64) value;
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
ep_report_language_is_rtl (const char *language)
{
  static const char *rtl[] = { "ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug" };

  if (language == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    {
      gsize n = strlen (rtl[i]);

      if (g_ascii_strncasecmp (language, rtl[i], n) == 0 &&
          (language[n] == '\0' || language[n] == '_' || language[n] == '-' || language[n] == '.'))
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */

static char *
dest_attr (const char *dest)
{
  GString *s = g_string_new (NULL);

  for (const char *p = dest; *p; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  return g_string_free (s, FALSE);
}

static gboolean
tagging (EpReportDoc *doc)
{
  return doc->cr != NULL && doc->surface != NULL;
}

static void
tag_begin (EpReportDoc *doc,
           const char  *name,
           const char  *attributes)
{
  if (tagging (doc))
    cairo_tag_begin (doc->cr, name, attributes ? attributes : "");
}

static void
tag_end (EpReportDoc *doc,
         const char  *name)
{
  if (tagging (doc))
    cairo_tag_end (doc->cr, name);
}

static PangoLayout *
new_layout (EpReportDoc *doc,
            EpTextStyle  style,
            double       width,
            const char  *text,
            gboolean     markup)
{
  PangoLayout *layout = pango_layout_new (doc->pctx);

  pango_layout_set_font_description (layout, doc->fonts[style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  /* Mirrored alignment: a paragraph in the other direction swaps back. */
  pango_layout_set_alignment (layout, doc->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
draw_layout_at (EpReportDoc *doc,
                PangoLayout *layout,
                double       x,
                double       y)
{
  if (doc->cr == NULL)
    return;
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, layout);
}

static void
finish_page (EpReportDoc *doc)
{
  if (!doc->page_open)
    return;
  if (doc->cr != NULL)
    {
      cairo_t *cr = doc->cr;
      double left = doc->margin, width = doc->page_w - 2 * doc->margin;
      g_autoptr(PangoLayout) hl = NULL, hr = NULL, pl = NULL, note = NULL;
      g_autofree char *page_text = NULL;

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      /* Running header: title at the start side, section at the end side. */
      hl = new_layout (doc, EP_TEXT_SMALL, width * 0.6, doc->header_left ? doc->header_left : "", FALSE);
      pango_layout_set_ellipsize (hl, PANGO_ELLIPSIZE_END);
      hr = new_layout (doc, EP_TEXT_SMALL, width * 0.38, doc->header_right ? doc->header_right : "", FALSE);
      pango_layout_set_ellipsize (hr, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (hr, doc->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      /* The header and footer are mirrored whatever their text's direction. */
      pango_layout_set_auto_dir (hl, FALSE);
      pango_layout_set_auto_dir (hr, FALSE);
      draw_layout_at (doc, hl, doc->rtl ? left + width * 0.4 : left, doc->margin * 0.55);
      draw_layout_at (doc, hr, doc->rtl ? left : left + width * 0.62, doc->margin * 0.55);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, left, doc->top - 6);
      cairo_line_to (cr, left + width, doc->top - 6);
      cairo_stroke (cr);

      /* Footer: the note (minimum n, periods), date, page of pages. */
      /* Translators: page footer of a report: "Page 3 of 41" */
      page_text = g_strdup_printf (C_("report", "Page %u of %u"), doc->page + 1, MAX (doc->n_pages, doc->page + 1));
      pl = new_layout (doc, EP_TEXT_SMALL, width, page_text, FALSE);
      pango_layout_set_alignment (pl, doc->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      pango_layout_set_auto_dir (pl, FALSE);
      cairo_move_to (cr, left, doc->bottom + 6);
      cairo_line_to (cr, left + width, doc->bottom + 6);
      cairo_stroke (cr);
      if (doc->footer_note != NULL || doc->date_text != NULL)
        {
          g_autofree char *text = NULL;

          /* Translators: page footer of a report: the generated date, then a note */
          text = g_strdup_printf (C_("report", "Generated %s. %s"), doc->date_text,
                                  doc->footer_note ? doc->footer_note : "");
          note = new_layout (doc, EP_TEXT_SMALL, width * 0.8, text, FALSE);
          pango_layout_set_auto_dir (note, FALSE);
          draw_layout_at (doc, note, doc->rtl ? left + width * 0.2 : left, doc->bottom + 10);
        }
      draw_layout_at (doc, pl, left, doc->bottom + 10);
      cairo_restore (cr);
      if (doc->surface != NULL)
        cairo_show_page (cr);
    }
  if (doc->draw_only >= 0 && (int) doc->page == doc->draw_only)
    doc->done = TRUE;
  {
    guint8 flag = doc->landscape;

    g_byte_array_append (doc->orientations, &flag, 1);
  }
  doc->page_open = FALSE;
  doc->cr = NULL;
  doc->page++;
}

static void
open_page (EpReportDoc *doc)
{
  double small;

  if (doc->page_open)
    return;
  doc->landscape = doc->next_landscape;
  ep_paper_get_size (doc->setup.paper, doc->landscape, &doc->page_w, &doc->page_h);
  doc->margin = 18 * MM;
  small = pango_font_description_get_size (doc->fonts[EP_TEXT_SMALL]) / (double) PANGO_SCALE;
  doc->header_h = small * 1.4 + 8;
  doc->footer_h = small * 1.3 * 3 + 14;
  doc->top = doc->margin * 0.55 + doc->header_h;
  doc->bottom = doc->page_h - doc->margin * 0.5 - doc->footer_h;
  doc->y = doc->top;
  doc->page_open = TRUE;
  if (doc->draw_only < 0 || (int) doc->page == doc->draw_only)
    doc->cr = doc->target;
  if (doc->cr != NULL && doc->surface != NULL)
    cairo_pdf_surface_set_size (doc->surface, doc->page_w, doc->page_h);
  if (doc->cr != NULL)
    cairo_set_source_rgb (doc->cr, 0, 0, 0);
}

/* ------------------------------------------------------------------ */

gboolean
ep_report_doc_is_drawing (EpReportDoc *doc)
{
  return doc->target != NULL && !doc->done;
}

gboolean
ep_report_doc_is_rtl (EpReportDoc *doc)
{
  return doc->rtl;
}

guint
ep_report_doc_get_page (EpReportDoc *doc)
{
  return doc->page;
}

guint
ep_report_doc_get_n_pages (EpReportDoc *doc)
{
  return doc->n_pages;
}

const char *
ep_report_doc_get_date_text (EpReportDoc *doc)
{
  return doc->date_text;
}

double
ep_report_doc_get_width (EpReportDoc *doc)
{
  open_page (doc);
  return doc->page_w - 2 * doc->margin;
}

double
ep_report_doc_get_remaining (EpReportDoc *doc)
{
  open_page (doc);
  return doc->bottom - doc->y;
}

void
ep_report_doc_set_header (EpReportDoc *doc,
                          const char  *left,
                          const char  *right)
{
  g_free (doc->header_left);
  g_free (doc->header_right);
  doc->header_left = g_strdup (left);
  doc->header_right = g_strdup (right);
}

void
ep_report_doc_set_footer_note (EpReportDoc *doc,
                               const char  *note)
{
  g_free (doc->footer_note);
  doc->footer_note = g_strdup (note);
}

/**
 * ep_report_doc_new_page:
 *
 * Ends the current page (if anything is on it) and makes the next one
 * portrait or @landscape.
 */
void
ep_report_doc_new_page (EpReportDoc *doc,
                        gboolean     landscape)
{
  if (doc->page_open && (doc->y > doc->top || doc->landscape != landscape))
    finish_page (doc);
  doc->next_landscape = landscape;
  if (doc->page_open && doc->landscape != landscape)
    finish_page (doc);
}

void
ep_report_doc_space (EpReportDoc *doc,
                     double       points)
{
  open_page (doc);
  if (doc->y > doc->top)
    doc->y = MIN (doc->y + points, doc->bottom);
}

/**
 * ep_report_doc_ensure:
 *
 * Starts a new page unless @points fit on this one.
 *
 * Returns: whether a new page was started
 */
gboolean
ep_report_doc_ensure (EpReportDoc *doc,
                      double       points)
{
  open_page (doc);
  if (doc->y + points <= doc->bottom || doc->y <= doc->top)
    return FALSE;
  finish_page (doc);
  open_page (doc);
  return TRUE;
}

/* Places @layout line by line from the current position, breaking pages
 * between lines; each page's part is tagged @tag. */
static void
place_layout (EpReportDoc *doc,
              PangoLayout *layout,
              double       x,
              const char  *tag)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  open_page (doc);
  tag_begin (doc, tag, NULL);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double h, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      h = logical.height / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      if (doc->y + h > doc->bottom && doc->y > doc->top)
        {
          tag_end (doc, tag);
          finish_page (doc);
          open_page (doc);
          tag_begin (doc, tag, NULL);
        }
      if (doc->cr != NULL)
        {
          cairo_move_to (doc->cr, x + logical.x / (double) PANGO_SCALE, doc->y + baseline);
          pango_cairo_show_layout_line (doc->cr, line);
        }
      doc->y += h;
    }
  while (pango_layout_iter_next_line (iter));
  tag_end (doc, tag);
  pango_layout_iter_free (iter);
}

static const char *
style_tag (EpTextStyle style)
{
  switch (style)
    {
    case EP_TEXT_TITLE:
      return "H1";
    case EP_TEXT_H1:
      return "H1";
    case EP_TEXT_H2:
      return "H2";
    case EP_TEXT_H3:
      return "H3";
    case EP_TEXT_BODY:
    case EP_TEXT_SMALL:
    case EP_TEXT_BOLD:
    default:
      return "P";
    }
}

static void
paragraph (EpReportDoc *doc,
           EpTextStyle  style,
           const char  *text,
           gboolean     markup)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  if (doc->done || text == NULL || *text == '\0')
    return;
  width = ep_report_doc_get_width (doc);
  layout = new_layout (doc, style, width, text, markup);
  place_layout (doc, layout, doc->margin, style_tag (style));
  doc->y += pango_font_description_get_size (doc->fonts[style]) / (double) PANGO_SCALE * 0.35;
}

void
ep_report_doc_text (EpReportDoc *doc,
                    EpTextStyle  style,
                    const char  *text)
{
  paragraph (doc, style, text, FALSE);
}

void
ep_report_doc_markup (EpReportDoc *doc,
                      EpTextStyle  style,
                      const char  *markup)
{
  paragraph (doc, style, markup, TRUE);
}

/**
 * ep_report_doc_heading:
 * @dest: (nullable): a destination name for links and the contents
 * @outline: add the heading to the PDF outline (H1 at the top level, H2
 *   under the last H1)
 *
 * A heading, kept with at least three lines of what follows.
 */
void
ep_report_doc_heading (EpReportDoc *doc,
                       EpTextStyle  style,
                       const char  *text,
                       const char  *dest,
                       gboolean     outline)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *name = dest ? dest_attr (dest) : NULL;
  double width, body;

  if (doc->done)
    return;
  width = ep_report_doc_get_width (doc);
  body = pango_font_description_get_size (doc->fonts[EP_TEXT_BODY]) / (double) PANGO_SCALE;
  layout = new_layout (doc, style, width, text, FALSE);
  if (doc->y > doc->top)
    doc->y += body * 0.5;
  ep_report_doc_ensure (doc, layout_height (layout) + body * 3.6);
  if (name != NULL)
    {
      g_hash_table_replace (doc->dests, g_strdup (name), GUINT_TO_POINTER (doc->page + 1));
      if (tagging (doc))
        {
          g_autofree char *attr = g_strdup_printf ("name='%s'", name);

          cairo_tag_begin (doc->cr, CAIRO_TAG_DEST, attr);
        }
    }
  place_layout (doc, layout, doc->margin, style_tag (style));
  if (name != NULL && tagging (doc))
    cairo_tag_end (doc->cr, CAIRO_TAG_DEST);
  if (outline && name != NULL && tagging (doc))
    {
      g_autofree char *link = g_strdup_printf ("dest='%s'", name);
      int id = cairo_pdf_surface_add_outline (doc->surface,
                                              style <= EP_TEXT_H1 ? CAIRO_PDF_OUTLINE_ROOT : doc->outline_parent,
                                              text, link, 0);

      if (style <= EP_TEXT_H1)
        doc->outline_parent = id;
    }
  doc->y += body * 0.3;
}

void
ep_report_doc_bullets (EpReportDoc        *doc,
                       EpTextStyle         style,
                       const char * const *items)
{
  double size = pango_font_description_get_size (doc->fonts[style]) / (double) PANGO_SCALE;
  double indent = size * 1.2;

  if (doc->done)
    return;
  open_page (doc);
  tag_begin (doc, "L", NULL);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (doc, style, ep_report_doc_get_width (doc) - indent, items[i], FALSE);
      g_autoptr(PangoLayout) bullet = new_layout (doc, style, indent, "•", FALSE);

      ep_report_doc_ensure (doc, size * 1.3);
      tag_begin (doc, "LI", NULL);
      draw_layout_at (doc, bullet, doc->rtl ? doc->page_w - doc->margin - indent : doc->margin, doc->y);
      place_layout (doc, layout, doc->rtl ? doc->margin : doc->margin + indent, "LBody");
      tag_end (doc, "LI");
      doc->y += size * 0.25;
    }
  tag_end (doc, "L");
  doc->y += size * 0.2;
}

guint
ep_report_doc_dest_page (EpReportDoc *doc,
                         const char  *dest)
{
  g_autofree char *name = dest_attr (dest);

  if (doc->known_dests == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (doc->known_dests, name));
}

/* One line of the contents: the text, and its page at the end side; a link. */
void
ep_report_doc_contents_entry (EpReportDoc *doc,
                              const char  *text,
                              const char  *dest)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *name = dest_attr (dest);
  g_autofree char *page = NULL;
  double width, num_w, y;
  guint p;

  if (doc->done)
    return;
  width = ep_report_doc_get_width (doc);
  num_w = pango_font_description_get_size (doc->fonts[EP_TEXT_BODY]) / (double) PANGO_SCALE * 4;
  p = ep_report_doc_dest_page (doc, dest);
  page = p ? g_strdup_printf ("%u", p) : g_strdup ("");
  layout = new_layout (doc, EP_TEXT_BODY, width - num_w, text, FALSE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  number = new_layout (doc, EP_TEXT_BODY, num_w, page, FALSE);
  pango_layout_set_alignment (number, doc->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  ep_report_doc_ensure (doc, layout_height (layout));
  y = doc->y;
  tag_begin (doc, "TOCI", NULL);
  if (tagging (doc))
    {
      g_autofree char *attr = g_strdup_printf ("dest='%s'", name);

      cairo_tag_begin (doc->cr, CAIRO_TAG_LINK, attr);
    }
  draw_layout_at (doc, layout, doc->rtl ? doc->margin + num_w : doc->margin, y);
  draw_layout_at (doc, number, doc->rtl ? doc->margin : doc->margin + width - num_w, y);
  if (tagging (doc))
    cairo_tag_end (doc->cr, CAIRO_TAG_LINK);
  tag_end (doc, "TOCI");
  doc->y += layout_height (layout) * 1.15;
}

/* ------------------------------------------------------------------ */
/* Tables */

struct _EpReportTable {
  EpReportDoc *doc;
  guint        n;
  double      *widths;      /* points */
  char       **header;
  EpTextStyle  style;
  int          header_page; /* the page the header was last drawn on, or -1 */
  gboolean     tagged;
};

EpReportTable *
ep_report_table_new (EpReportDoc        *doc,
                     guint               n_columns,
                     const double       *widths,
                     const char * const *header)
{
  EpReportTable *table = g_new0 (EpReportTable, 1);
  double total = 0, width = ep_report_doc_get_width (doc);

  table->doc = doc;
  table->n = n_columns;
  table->widths = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += widths[i];
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = width * widths[i] / total;
  table->header = g_strdupv ((char **) header);
  table->style = EP_TEXT_SMALL;
  table->header_page = -1;
  return table;
}

void
ep_report_table_set_style (EpReportTable *table,
                           EpTextStyle    style)
{
  table->style = style;
}

static double
column_x (EpReportTable *table,
          guint          column)
{
  EpReportDoc *doc = table->doc;
  double x = 0;

  for (guint i = 0; i < column; i++)
    x += table->widths[i];
  if (doc->rtl)
    return doc->page_w - doc->margin - x - table->widths[column];
  return doc->margin + x;
}

/* Lays out one row; returns its height. */
static double
row_layouts (EpReportTable      *table,
             const char * const *cells,
             EpTextStyle         style,
             PangoLayout       **layouts)
{
  double pad = 2.5, h = 0;

  for (guint i = 0; i < table->n; i++)
    {
      layouts[i] = new_layout (table->doc, style, table->widths[i] - 2 * pad,
                               cells[i] ? cells[i] : "", FALSE);
      h = MAX (h, layout_height (layouts[i]));
    }
  return h + 2 * pad;
}

static void
draw_row (EpReportTable *table,
          PangoLayout  **layouts,
          double         h,
          gboolean       header)
{
  EpReportDoc *doc = table->doc;
  double pad = 2.5, width = 0;

  for (guint i = 0; i < table->n; i++)
    width += table->widths[i];
  tag_begin (doc, "TR", NULL);
  if (doc->cr != NULL)
    {
      cairo_save (doc->cr);
      if (header)
        {
          cairo_set_source_rgb (doc->cr, 0.86, 0.86, 0.86);
          cairo_rectangle (doc->cr, doc->margin, doc->y, width, h);
          cairo_fill (doc->cr);
        }
      cairo_set_source_rgb (doc->cr, 0.55, 0.55, 0.55);
      cairo_set_line_width (doc->cr, header ? 0.8 : 0.4);
      cairo_move_to (doc->cr, doc->margin, doc->y + h);
      cairo_line_to (doc->cr, doc->margin + width, doc->y + h);
      cairo_stroke (doc->cr);
      cairo_restore (doc->cr);
    }
  for (guint i = 0; i < table->n; i++)
    {
      tag_begin (doc, header ? "TH" : "TD", NULL);
      draw_layout_at (doc, layouts[i], column_x (table, i) + pad, doc->y + pad);
      tag_end (doc, header ? "TH" : "TD");
    }
  tag_end (doc, "TR");
  doc->y += h;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

static void
table_header (EpReportTable *table)
{
  EpReportDoc *doc = table->doc;
  PangoLayout **layouts = g_newa (PangoLayout *, table->n);
  double h = row_layouts (table, (const char * const *) table->header, EP_TEXT_BOLD, layouts);

  if (table->tagged)
    tag_end (doc, "Table");
  tag_begin (doc, "Table", NULL);
  table->tagged = TRUE;
  draw_row (table, layouts, h, TRUE);
  free_layouts (layouts, table->n);
  table->header_page = doc->page;
}

void
ep_report_table_row (EpReportTable      *table,
                     const char * const *cells)
{
  EpReportDoc *doc = table->doc;
  PangoLayout **layouts = g_newa (PangoLayout *, table->n);
  double h;

  if (doc->done)
    return;
  h = row_layouts (table, cells, table->style, layouts);
  open_page (doc);
  if (table->header_page != (int) doc->page)
    {
      /* The header and at least this row together. */
      PangoLayout **hl = g_newa (PangoLayout *, table->n);
      double hh = row_layouts (table, (const char * const *) table->header, EP_TEXT_BOLD, hl);

      free_layouts (hl, table->n);
      if (ep_report_doc_ensure (doc, hh + h) && table->tagged)
        {
          table->tagged = FALSE;
        }
      table_header (table);
    }
  else if (doc->y + h > doc->bottom)
    {
      tag_end (doc, "Table");
      table->tagged = FALSE;
      finish_page (doc);
      open_page (doc);
      table_header (table);
    }
  draw_row (table, layouts, h, FALSE);
  free_layouts (layouts, table->n);
}

void
ep_report_table_end (EpReportTable *table)
{
  EpReportDoc *doc = table->doc;

  if (table->tagged && table->header_page == (int) doc->page)
    tag_end (doc, "Table");
  doc->y += pango_font_description_get_size (doc->fonts[EP_TEXT_BODY]) / (double) PANGO_SCALE * 0.6;
  g_strfreev (table->header);
  g_free (table->widths);
  g_free (table);
}

/* ------------------------------------------------------------------ */

static void
chart_style (EpChartStyle *style,
             gboolean      rtl,
             const char   *font,
             guint         page)
{
  ep_chart_style_init (style, FALSE);
  style->direction = rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  style->font = font ? font : "Sans 7";
  style->titles = TRUE;
  style->notes = FALSE;
  style->background[3] = 0;
  style->page = page;
}

/**
 * ep_report_chart_n_pages:
 *
 * Returns: how many pages @data (a roll-up) needs at this size
 */
guint
ep_report_chart_n_pages (EpChartData *data,
                         double       width,
                         double       height,
                         const char  *font)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  EpChartStyle style;

  chart_style (&style, FALSE, font, 0);
  ep_chart_render (data, cr, width, height, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return MAX (1, ep_chart_data_get_n_pages (data));
}

/**
 * ep_report_doc_charts:
 * @font: (nullable): the charts' font; %NULL for "Sans 7" (the renderer
 *   works at 96 dpi, so this is about 9.3 pt on paper)
 * @page: the page of a roll-up
 *
 * Draws @charts side by side with the chart renderer across the full
 * width and @height points (mirrored right to left), on a new page if
 * they do not fit.
 */
void
ep_report_doc_charts (EpReportDoc         *doc,
                      EpChartData * const *charts,
                      guint                n_charts,
                      double               height,
                      const char          *font,
                      guint                page)
{
  double width, gap = 12, each;

  if (doc->done || n_charts == 0)
    return;
  width = ep_report_doc_get_width (doc);
  each = (width - gap * (n_charts - 1)) / n_charts;
  ep_report_doc_ensure (doc, height);
  if (doc->cr != NULL)
    for (guint i = 0; i < n_charts; i++)
      {
        EpChartStyle style;
        double x = doc->rtl ? doc->margin + width - (i + 1) * each - i * gap : doc->margin + i * (each + gap);

        if (charts[i] == NULL)
          continue;
        chart_style (&style, doc->rtl, font, page);
        tag_begin (doc, "Figure", NULL);
        cairo_save (doc->cr);
        cairo_translate (doc->cr, x, doc->y);
        cairo_rectangle (doc->cr, 0, 0, each, height);
        cairo_clip (doc->cr);
        ep_chart_render (charts[i], doc->cr, each, height, &style);
        cairo_restore (doc->cr);
        tag_end (doc, "Figure");
      }
  doc->y += height + 4;
}

/* ------------------------------------------------------------------ */

static EpReportDoc *
doc_new (const EpReportSetup *setup)
{
  EpReportDoc *doc = g_new0 (EpReportDoc, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  static const struct { double scale; PangoWeight weight; } styles[] = {
    [EP_TEXT_BODY] = { 1.0, PANGO_WEIGHT_NORMAL },
    [EP_TEXT_SMALL] = { 0.85, PANGO_WEIGHT_NORMAL },
    [EP_TEXT_BOLD] = { 0.85, PANGO_WEIGHT_BOLD },
    [EP_TEXT_TITLE] = { 2.4, PANGO_WEIGHT_BOLD },
    [EP_TEXT_H1] = { 1.7, PANGO_WEIGHT_BOLD },
    [EP_TEXT_H2] = { 1.35, PANGO_WEIGHT_BOLD },
    [EP_TEXT_H3] = { 1.12, PANGO_WEIGHT_BOLD },
  };
  g_autoptr(GDateTime) date = NULL;

  doc->setup = *setup;
  if (doc->setup.body_size <= 0)
    doc->setup.body_size = 10;
  if (doc->setup.date < 0)
    doc->setup.date = ep_report_date_now ();
  date = g_date_time_new_from_unix_utc (doc->setup.date);
  doc->date_text = date ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("");
  doc->rtl = ep_report_language_is_rtl (setup->language);
  doc->draw_only = -1;
  doc->pctx = pango_font_map_create_context (map);
  /* Points, and the same metrics whether measuring or drawing. */
  pango_cairo_context_set_resolution (doc->pctx, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->pctx, options);
  cairo_font_options_destroy (options);
  pango_context_set_base_dir (doc->pctx, doc->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  if (setup->language)
    pango_context_set_language (doc->pctx, pango_language_from_string (setup->language));
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      doc->fonts[i] = pango_font_description_from_string ("Sans");
      pango_font_description_set_size (doc->fonts[i], (int) (doc->setup.body_size * styles[i].scale * PANGO_SCALE));
      pango_font_description_set_weight (doc->fonts[i], styles[i].weight);
    }
  doc->dests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->orientations = g_byte_array_new ();
  doc->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  return doc;
}

static void
doc_free (EpReportDoc *doc)
{
  for (guint i = 0; i < G_N_ELEMENTS (doc->fonts); i++)
    g_clear_pointer (&doc->fonts[i], pango_font_description_free);
  g_clear_object (&doc->pctx);
  g_clear_pointer (&doc->dests, g_hash_table_unref);
  g_clear_pointer (&doc->known_dests, g_hash_table_unref);
  g_clear_pointer (&doc->orientations, g_byte_array_unref);
  g_free (doc->header_left);
  g_free (doc->header_right);
  g_free (doc->footer_note);
  g_free (doc->date_text);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpReportDoc, doc_free)

/* The measuring pass: page count and the page of every destination. */
static gboolean
measure (const EpReportSetup *setup,
         EpReportBuildFunc    build,
         gpointer             user_data,
         guint               *n_pages,
         GHashTable         **dests,
         GByteArray         **landscape,
         GError             **error)
{
  g_autoptr(EpReportDoc) doc = doc_new (setup);

  if (!build (doc, user_data, error))
    return FALSE;
  finish_page (doc);
  *n_pages = doc->page;
  if (dests)
    *dests = g_steal_pointer (&doc->dests);
  if (landscape)
    *landscape = g_steal_pointer (&doc->orientations);
  return TRUE;
}

guint
ep_report_doc_count_pages (const EpReportSetup *setup,
                           EpReportBuildFunc    build,
                           gpointer             user_data,
                           GByteArray         **landscape,
                           GError             **error)
{
  guint n = 0;

  if (!measure (setup, build, user_data, &n, NULL, landscape, error))
    return 0;
  return n;
}

static void
set_date (cairo_surface_t *surface,
          gint64           seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *iso = date ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  if (iso != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

/**
 * ep_report_doc_write:
 * @write: where the PDF's bytes go
 * @n_pages: (out) (optional): pages written
 *
 * Runs @build twice, measuring then drawing, and writes a tagged PDF.
 */
gboolean
ep_report_doc_write (const EpReportSetup *setup,
                     EpReportBuildFunc    build,
                     gpointer             user_data,
                     cairo_write_func_t   write,
                     gpointer             closure,
                     guint               *n_pages,
                     GError             **error)
{
  g_autoptr(EpReportDoc) doc = NULL;
  g_autoptr(GHashTable) dests = NULL;
  cairo_status_t status;
  guint measured = 0;
  double w, h;

  g_return_val_if_fail (setup != NULL, FALSE);
  g_return_val_if_fail (build != NULL, FALSE);

  if (!measure (setup, build, user_data, &measured, &dests, NULL, error))
    return FALSE;

  doc = doc_new (setup);
  doc->n_pages = measured;
  doc->known_dests = g_steal_pointer (&dests);
  ep_paper_get_size (setup->paper, FALSE, &w, &h);
  doc->surface = cairo_pdf_surface_create_for_stream (write, closure, w, h);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, setup->title ? setup->title : "");
  if (setup->author)
    cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_AUTHOR, setup->author);
  if (setup->subject)
    cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_SUBJECT, setup->subject);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Equity Planner");
  set_date (doc->surface, doc->setup.date);
  doc->target = cairo_create (doc->surface);

  if (!build (doc, user_data, error))
    {
      cairo_destroy (doc->target);
      cairo_surface_finish (doc->surface);
      cairo_surface_destroy (doc->surface);
      return FALSE;
    }
  finish_page (doc);
  status = cairo_status (doc->target);
  cairo_destroy (doc->target);
  cairo_surface_finish (doc->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (doc->surface);
  cairo_surface_destroy (doc->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EP_REPORT_ERROR, EP_REPORT_ERROR_FAILED,
                   /* Translators: %s is Cairo's message */
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (doc->page != measured)
    {
      g_set_error (error, EP_REPORT_ERROR, EP_REPORT_ERROR_LAYOUT,
                   "internal error: %u pages measured, %u drawn", measured, doc->page);
      return FALSE;
    }
  if (n_pages)
    *n_pages = doc->page;
  return TRUE;
}

typedef struct {
  GOutputStream *stream;
  GError        *error;
} FileOut;

static cairo_status_t
write_stream (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  FileOut *out = closure;

  if (out->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (out->stream, data, length, NULL, NULL, &out->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ep_report_doc_write_file:
 *
 * Like ep_report_doc_write(), into @file (replaced when complete).
 */
gboolean
ep_report_doc_write_file (const EpReportSetup *setup,
                          EpReportBuildFunc    build,
                          gpointer             user_data,
                          GFile               *file,
                          guint               *n_pages,
                          GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  FileOut out = { 0 };
  gboolean ok;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 256 * 1024);
  out.stream = buffered;
  ok = ep_report_doc_write (setup, build, user_data, write_stream, &out, n_pages, error);
  if (out.error != NULL)
    {
      if (ok || (error && *error == NULL))
        g_propagate_error (error, g_steal_pointer (&out.error));
      g_clear_error (&out.error);
      ok = FALSE;
    }
  if (!ok)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing a cancelled stream leaves the old file in place. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (buffered, cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (buffered, NULL, error);
}

/**
 * ep_report_doc_draw_page:
 * @n_pages: the count from ep_report_doc_count_pages()
 *
 * Draws page @page of the document on @cr (a print context's), measuring
 * the pages before it.
 */
gboolean
ep_report_doc_draw_page (const EpReportSetup *setup,
                         EpReportBuildFunc    build,
                         gpointer             user_data,
                         cairo_t             *cr,
                         guint                page,
                         guint                n_pages,
                         GError             **error)
{
  g_autoptr(EpReportDoc) doc = doc_new (setup);
  g_autoptr(GHashTable) dests = NULL;
  guint measured = 0;
  gboolean ok;

  /* The contents need every destination's page. */
  if (!measure (setup, build, user_data, &measured, &dests, NULL, error))
    return FALSE;
  doc->known_dests = g_steal_pointer (&dests);
  doc->target = cr;
  doc->draw_only = (int) page;
  doc->n_pages = n_pages;
  ok = build (doc, user_data, error);
  if (ok && !doc->done)
    finish_page (doc);
  return ok;
}
