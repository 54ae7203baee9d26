/* ep-report.h — the board packet and the family summary, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both documents leave the school team, so publication suppression
 * (models/ep-suppress.h) applies to every number in them: group counts
 * below the district's minimum n, complementary cells and coded rates are
 * printed as the district's marker, charts are drawn in their shared mode.
 * Fixed sentences are gettext strings (contexts "report" and
 * "family-summary"). The options' @language chooses both the catalog the
 * fixed sentences come from (the functions below switch it themselves, see
 * ep_report_language_available()) and the language the plan's own texts
 * are taken in (ep_node_get_translation), falling back to the source text
 * marked as such. The window and `eqplan` call the same functions with the
 * same options, so they write the same bytes.
 *
 * Pages are streamed: each school's data (figures, charts, findings) is
 * made, drawn and dropped before the next one.
 */
#pragma once

#include <gio/gio.h>

#include "ep-models.h"
#include "ep-report-doc.h"

G_BEGIN_DECLS

gboolean  ep_report_language_available      (const char *language);
GStrv     ep_report_list_languages          (void);

/**
 * EpReportProgress:
 * @fraction: 0 to 1
 * @message: what is being done ("Lincoln Elementary School")
 *
 * Progress of a report. From the async functions it is called in the
 * thread-default main context of the caller.
 */
typedef void (*EpReportProgress) (double      fraction,
                                  const char *message,
                                  gpointer    user_data);

/**
 * EpBoardPacketOptions:
 * @paper: A4 or US Letter
 * @cycle: (nullable): the plans of this cycle ("2025-26"); %NULL for each
 *   school's current plan
 * @language: (nullable): language of the plan texts; %NULL for the file's
 * @schools: (nullable) (array zero-terminated=1): school ids; %NULL for all
 * @appendix: add every indicator's table (shared) at the end
 * @date: the generated date (seconds since 1970), or -1 for
 *   $SOURCE_DATE_EPOCH or now; also the day plan health is judged on
 * @source_note: (nullable): e.g. "3 files of /srv/plans; 1 could not be read"
 */
typedef struct {
  EpPaper             paper;
  const char         *cycle;
  const char         *language;
  const char * const *schools;
  gboolean            appendix;
  gint64              date;
  const char         *source_note;
} EpBoardPacketOptions;

void      ep_board_packet_options_init      (EpBoardPacketOptions *options);

gboolean  ep_report_board_packet_write      (EpDistrict                 *district,
                                             const EpBoardPacketOptions *options,
                                             GFile                      *file,
                                             GCancellable               *cancellable,
                                             EpReportProgress            progress,
                                             gpointer                    progress_data,
                                             guint                      *n_pages,
                                             GError                    **error);
void      ep_report_board_packet_write_async (EpDistrict                 *district,
                                              const EpBoardPacketOptions *options,
                                              GFile                      *file,
                                              GCancellable               *cancellable,
                                              EpReportProgress            progress,
                                              gpointer                    progress_data,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
gboolean  ep_report_board_packet_write_finish (GAsyncResult              *result,
                                               guint                     *n_pages,
                                               GError                   **error);

/* For printing (GtkPrintOperation): the same pages on any cairo_t. */
typedef struct _EpBoardPacket EpBoardPacket;

EpBoardPacket *ep_board_packet_new          (EpDistrict                 *district,
                                             const EpBoardPacketOptions *options,
                                             GError                    **error);
void           ep_board_packet_free         (EpBoardPacket              *packet);
guint          ep_board_packet_count_pages  (EpBoardPacket              *packet,
                                             GError                    **error);
gboolean       ep_board_packet_draw_page    (EpBoardPacket              *packet,
                                             cairo_t                    *cr,
                                             guint                       page,
                                             guint                       n_pages,
                                             GError                    **error);
gboolean       ep_board_packet_page_is_landscape (EpBoardPacket        *packet,
                                                  guint                 page);

/**
 * EpFamilySummaryOptions:
 * @paper: A4 or US Letter
 * @language: (nullable): the family's language; %NULL for the file's
 * @contact: (nullable): a contact line to print (not stored in the file);
 *   %NULL to name the plan's school champion or its first action's owner
 * @date: the generated date, or -1 ($SOURCE_DATE_EPOCH or now); listening
 *   sessions from this day on are "upcoming"
 */
typedef struct {
  EpPaper     paper;
  const char *language;
  const char *contact;
  gint64      date;
} EpFamilySummaryOptions;

void      ep_family_summary_options_init (EpFamilySummaryOptions *options);
gboolean  ep_report_family_summary_write (EpDistrict                   *district,
                                          EpSchool                     *school,
                                          const EpFamilySummaryOptions *options,
                                          GFile                        *file,
                                          guint                        *n_pages,
                                          GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpBoardPacket, ep_board_packet_free)

G_END_DECLS
