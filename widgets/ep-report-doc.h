/* ep-report-doc.h — paged documents on Cairo + Pango: PDF reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small layout layer for the reports (board packet, family summary): A4
 * or US Letter pages in points, margins, a running header and "Page 3 of
 * 41" footers, wrapped text (Pango, real selectable text, fonts embedded by
 * Cairo), tables that break across pages with their header repeated, charts
 * drawn by ep-chart-render into a sub-rectangle, PDF structure tags (H1, P,
 * Table, TR, TH, TD, Figure), destinations and links for the contents, an
 * outline, and metadata. No GTK.
 *
 * A document is written in two passes of the same build function:
 * ep_report_doc_write() first runs it without a surface (only measuring:
 * page breaks, the page of every destination), then again drawing, so that
 * the footer knows the page count and the contents know each page. The
 * build function must therefore lay out the same content both times; it
 * should create the data of each section, add it and drop it (pages are
 * streamed to the output as they are finished).
 *
 * Right to left: with a right-to-left language the base direction of every
 * text is RTL, alignment and table columns are mirrored, and each text
 * keeps its own direction.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "ep-chart-data.h"

G_BEGIN_DECLS

typedef enum {
  EP_PAPER_A4,
  EP_PAPER_LETTER,
} EpPaper;

gboolean  ep_paper_parse     (const char *text,
                              EpPaper    *paper);
void      ep_paper_get_size  (EpPaper     paper,
                              gboolean    landscape,
                              double     *width,
                              double     *height);

typedef enum {
  EP_TEXT_BODY,
  EP_TEXT_SMALL,
  EP_TEXT_BOLD,
  EP_TEXT_TITLE,
  EP_TEXT_H1,
  EP_TEXT_H2,
  EP_TEXT_H3,
} EpTextStyle;

/**
 * EpReportSetup:
 * @paper: A4 or US Letter
 * @body_size: body text in points (10 for the packet, 14 for families)
 * @language: (nullable): the document's language; right-to-left languages
 *   mirror the layout
 * @title: the document's title (metadata, and the running header)
 * @author: (nullable): metadata
 * @subject: (nullable): metadata
 * @date: seconds since 1970 of the generated date, or -1 for
 *   $SOURCE_DATE_EPOCH or else now (see ep_report_date_now())
 */
typedef struct {
  EpPaper     paper;
  double      body_size;
  const char *language;
  const char *title;
  const char *author;
  const char *subject;
  gint64      date;
} EpReportSetup;

typedef struct _EpReportDoc EpReportDoc;

/* Called once per pass; return FALSE with @error set to stop. */
typedef gboolean (*EpReportBuildFunc) (EpReportDoc  *doc,
                                       gpointer      user_data,
                                       GError      **error);

#define EP_REPORT_ERROR (ep_report_error_quark ())

typedef enum {
  EP_REPORT_ERROR_FAILED,      /* Cairo could not write the document */
  EP_REPORT_ERROR_NOT_FOUND,   /* no such school, plan, nothing to report */
  EP_REPORT_ERROR_LAYOUT,      /* the two passes disagree */
  EP_REPORT_ERROR_LANGUAGE,    /* no catalog for the document's language */
} EpReportError;

GQuark       ep_report_error_quark     (void);
gint64       ep_report_date_now        (void);
gboolean     ep_report_language_is_rtl (const char          *language);

gboolean     ep_report_doc_write       (const EpReportSetup *setup,
                                        EpReportBuildFunc    build,
                                        gpointer             user_data,
                                        cairo_write_func_t   write,
                                        gpointer             closure,
                                        guint               *n_pages,
                                        GError             **error);
gboolean     ep_report_doc_write_file  (const EpReportSetup *setup,
                                        EpReportBuildFunc    build,
                                        gpointer             user_data,
                                        GFile               *file,
                                        guint               *n_pages,
                                        GError             **error);

/* Drawing one page of a measured document on any cairo_t (printing):
 * runs @build, drawing only page @page (from 0). */
gboolean     ep_report_doc_draw_page   (const EpReportSetup *setup,
                                        EpReportBuildFunc    build,
                                        gpointer             user_data,
                                        cairo_t             *cr,
                                        guint                page,
                                        guint                n_pages,
                                        GError             **error);
guint        ep_report_doc_count_pages (const EpReportSetup *setup,
                                        EpReportBuildFunc    build,
                                        gpointer             user_data,
                                        GByteArray         **landscape,
                                        GError             **error);

/* Inside a build function. */
gboolean     ep_report_doc_is_drawing  (EpReportDoc         *doc);
gboolean     ep_report_doc_is_rtl      (EpReportDoc         *doc);
guint        ep_report_doc_get_page    (EpReportDoc         *doc);
guint        ep_report_doc_get_n_pages (EpReportDoc         *doc);
const char  *ep_report_doc_get_date_text (EpReportDoc       *doc);
double       ep_report_doc_get_width   (EpReportDoc         *doc);
double       ep_report_doc_get_remaining (EpReportDoc       *doc);

void         ep_report_doc_set_header  (EpReportDoc         *doc,
                                        const char          *left,
                                        const char          *right);
void         ep_report_doc_set_footer_note (EpReportDoc     *doc,
                                            const char      *note);
void         ep_report_doc_new_page    (EpReportDoc         *doc,
                                        gboolean             landscape);
void         ep_report_doc_space       (EpReportDoc         *doc,
                                        double               points);
gboolean     ep_report_doc_ensure      (EpReportDoc         *doc,
                                        double               points);

void         ep_report_doc_text        (EpReportDoc         *doc,
                                        EpTextStyle          style,
                                        const char          *text);
void         ep_report_doc_markup      (EpReportDoc         *doc,
                                        EpTextStyle          style,
                                        const char          *markup);
void         ep_report_doc_heading     (EpReportDoc         *doc,
                                        EpTextStyle          style,
                                        const char          *text,
                                        const char          *dest,
                                        gboolean             outline);
void         ep_report_doc_bullets     (EpReportDoc         *doc,
                                        EpTextStyle          style,
                                        const char * const  *items);
void         ep_report_doc_contents_entry (EpReportDoc      *doc,
                                           const char       *text,
                                           const char       *dest);
guint        ep_report_doc_dest_page   (EpReportDoc         *doc,
                                        const char          *dest);

/* Tables: columns as fractions of the width; cells are plain text. */
typedef struct _EpReportTable EpReportTable;

EpReportTable *ep_report_table_new     (EpReportDoc         *doc,
                                        guint                n_columns,
                                        const double        *widths,
                                        const char * const  *header);
void         ep_report_table_set_style (EpReportTable       *table,
                                        EpTextStyle          style);
void         ep_report_table_row       (EpReportTable       *table,
                                        const char * const  *cells);
void         ep_report_table_end       (EpReportTable       *table);

void         ep_report_doc_charts      (EpReportDoc         *doc,
                                        EpChartData * const *charts,
                                        guint                n_charts,
                                        double               height,
                                        const char          *font,
                                        guint                page);
guint        ep_report_chart_n_pages   (EpChartData         *data,
                                        double               width,
                                        double               height,
                                        const char          *font);

G_END_DECLS
