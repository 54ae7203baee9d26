/* ep-import.h — importing measurements from CSV files into a district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-csv.h"
#include "ep-district.h"
#include "ep-history.h"
#include "ep-mapping.h"

G_BEGIN_DECLS

/**
 * EpImportProblem:
 * @line: the line of the data file (1 is the header)
 * @column: (nullable): the column at fault, if one is
 * @reason: what is wrong, in plain words
 *
 * A row or cell that was not imported, or something the user should know.
 */
typedef struct {
  guint64  line;
  char    *column;
  char    *reason;
} EpImportProblem;

/**
 * EpImportReport:
 *
 * What an import read and did (or, in a dry run, would do). Measurements
 * count once per school × indicator × group × period.
 */
typedef struct {
  char      *display_name;
  char      *encoding;
  gboolean   had_bom;
  char       delimiter;
  guint64    bytes_read;
  guint64    rows_read;               /* data rows, not the header */
  guint64    rows_blank;
  guint64    rows_ragged;             /* rows with more or fewer fields than the header */
  guint64    rows_skipped;            /* rows from which nothing was imported, blank ones aside */
  guint64    rows_aggregate;          /* of the skipped: state or district totals, not schools */
  guint64    cells_skipped;           /* measurements not imported, with a problem each */
  guint64    cells_empty;             /* measurements with no value in the file */
  guint64    measurements_created;
  guint64    measurements_updated;
  guint64    measurements_unchanged;
  guint64    suppressed;              /* of the created and updated: suppressed at source */
  guint      schools_created;
  guint      indicators_created;
  guint      groups_created;
  guint64    n_problems;              /* all of them; only the first are kept */
  GArray    *problems;                /* EpImportProblem */
  gboolean   applied;
} EpImportReport;

#define EP_IMPORT_MAX_PROBLEMS 1000

gboolean        ep_import_is_aggregate_row (const char * const *fields,
                                            guint               n_fields,
                                            const char         *school_id,
                                            const char         *school_name);
void            ep_import_report_free   (EpImportReport *report);
char           *ep_import_report_format (const EpImportReport *report,
                                         guint                 max_problems);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpImportReport, ep_import_report_free)

#define EP_TYPE_IMPORTER (ep_importer_get_type ())

G_DECLARE_FINAL_TYPE (EpImporter, ep_importer, EP, IMPORTER, GObject)

EpImporter           *ep_importer_new           (EpDistrict     *district,
                                                 EpMapping      *mapping);
void                  ep_importer_set_encoding  (EpImporter     *self,
                                                 const char     *encoding);
void                  ep_importer_set_delimiter (EpImporter     *self,
                                                 char            delimiter);
void                  ep_importer_set_progress  (EpImporter     *self,
                                                 EpCsvProgress   progress,
                                                 gpointer        user_data);

gboolean              ep_importer_read          (EpImporter     *self,
                                                 GInputStream   *stream,
                                                 const char     *display_name,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
gboolean              ep_importer_read_file     (EpImporter     *self,
                                                 GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void                  ep_importer_read_file_async  (EpImporter          *self,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean              ep_importer_read_file_finish (EpImporter          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
const EpImportReport *ep_importer_get_report    (EpImporter     *self);
void                  ep_importer_apply         (EpImporter     *self);
void                  ep_importer_apply_with_history (EpImporter *self,
                                                 EpHistory      *history);

G_END_DECLS
