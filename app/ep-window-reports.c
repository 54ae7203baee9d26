/* ep-window-reports.c — the board packet and the family summary from the
 * window: export to PDF with progress and cancel, and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents themselves are drawn by widgets/ep-report.c, the same code
 * `eqplan board-packet` and `eqplan family-summary` use.
 */
#define G_LOG_DOMAIN "ep-window-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-report.h"
#include "ep-window-reports.h"

/* The paper of the user's locale: US Letter in the Americas' letter
 * countries, A4 elsewhere. */
static EpPaper
default_paper (void)
{
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);

  return g_str_has_prefix (gtk_paper_size_get_name (size), "na_") ? EP_PAPER_LETTER : EP_PAPER_A4;
}

static GFile *
pdf_file_from (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  if (file == NULL)
    return NULL;
  if (!g_str_has_suffix (name, ".pdf"))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *with = g_strconcat (name, ".pdf", NULL);
      return g_file_get_child (parent, with);
    }
  return g_steal_pointer (&file);
}

static GtkFileChooserNative *
pdf_chooser (EpWindow   *window,
             const char *title,
             const char *suggested)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
show_error (EpWindow   *window,
            const char *primary,
            GError     *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Board packet: export with progress -------------------------------- */

typedef struct {
  EpWindow       *window;
  GtkWindow      *progress_window;
  GtkProgressBar *bar;
  GtkLabel       *label;
  GCancellable   *cancellable;
  GFile          *file;
} Export;

static void
export_free (Export *e)
{
  if (e->progress_window != NULL)
    gtk_window_destroy (e->progress_window);
  g_clear_object (&e->window);
  g_clear_object (&e->cancellable);
  g_clear_object (&e->file);
  g_free (e);
}

static void
export_progress_cb (double      fraction,
                    const char *message,
                    gpointer    data)
{
  Export *e = data;

  gtk_progress_bar_set_fraction (e->bar, CLAMP (fraction, 0.0, 1.0));
  if (message != NULL)
    gtk_label_set_label (e->label, message);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Export *e = data;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (!ep_report_board_packet_write_finish (result, &n_pages, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (e->window, _("The board packet could not be written"), error);
    }
  else
    g_object_set_data (G_OBJECT (e->window), "ep-last-export-pages", GUINT_TO_POINTER (n_pages));
  g_object_set_data (G_OBJECT (e->window), "ep-export-running", NULL);
  export_free (e);
}

/**
 * ep_window_export_board_packet:
 * @file: the PDF to write (replaced only when the export succeeds)
 *
 * Writes the district's board packet in a thread, with a progress window
 * that can cancel it. The window's data "ep-export-running" is set while
 * it runs.
 */
void
ep_window_export_board_packet (EpWindow *window,
                               GFile    *file)
{
  EpDistrict *district = ep_window_get_district (window);
  EpBoardPacketOptions options;
  GtkWidget *box, *cancel;
  Export *e;

  g_return_if_fail (EP_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (district == NULL)
    return;
  e = g_new0 (Export, 1);
  e->window = g_object_ref (window);
  e->cancellable = g_cancellable_new ();
  e->file = g_object_ref (file);

  e->progress_window = GTK_WINDOW (gtk_window_new ());
  /* Translators: the title of the window shown while the PDF is written */
  gtk_window_set_title (e->progress_window, _("Exporting the Board Packet"));
  gtk_window_set_transient_for (e->progress_window, GTK_WINDOW (window));
  gtk_window_set_modal (e->progress_window, TRUE);
  gtk_window_set_deletable (e->progress_window, FALSE);
  gtk_window_set_default_size (e->progress_window, 420, -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  e->label = GTK_LABEL (gtk_label_new (_("Preparing…")));
  gtk_label_set_xalign (e->label, 0);
  gtk_label_set_ellipsize (e->label, PANGO_ELLIPSIZE_END);
  e->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Board packet export progress"), -1);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (g_cancellable_cancel), e->cancellable);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->bar));
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (e->progress_window, box);
  gtk_window_present (e->progress_window);
  gtk_widget_grab_focus (cancel);

  ep_board_packet_options_init (&options);
  options.paper = default_paper ();
  g_object_set_data (G_OBJECT (window), "ep-export-running", e->cancellable);
  ep_report_board_packet_write_async (district, &options, file, e->cancellable,
                                      export_progress_cb, e, export_done_cb, e);
}

static void
packet_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            EpWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = pdf_file_from (chooser);

      if (file != NULL)
        ep_window_export_board_packet (window, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
ep_window_export_board_packet_action (EpWindow *window)
{
  EpDistrict *district = ep_window_get_district (window);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (district == NULL)
    return;
  /* Translators: the suggested file name of the board packet; %s is the district's name */
  suggested = g_strdup_printf (_("%s — board packet.pdf"), ep_district_get_name (district));
  chooser = pdf_chooser (window, _("Export Board Packet"), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (packet_chooser_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Board packet: printing -------------------------------------------- */

typedef struct {
  EpDistrict    *district;
  EpBoardPacket *packet;
  guint          n_pages;
} Print;

static void
print_free (Print *p)
{
  g_clear_pointer (&p->packet, ep_board_packet_free);
  g_clear_object (&p->district);
  g_free (p);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Print             *p)
{
  EpBoardPacketOptions options;
  g_autoptr(GError) error = NULL;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  GtkPaperSize *size = gtk_page_setup_get_paper_size (setup);

  ep_board_packet_options_init (&options);
  options.paper = g_str_has_prefix (gtk_paper_size_get_name (size), "na_") ? EP_PAPER_LETTER : EP_PAPER_A4;
  p->packet = ep_board_packet_new (p->district, &options, &error);
  if (p->packet != NULL)
    p->n_pages = ep_board_packet_count_pages (p->packet, &error);
  if (p->packet == NULL || p->n_pages == 0)
    {
      g_warning ("Cannot lay out the board packet: %s", error ? error->message : "no pages");
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) p->n_pages);
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       Print             *p)
{
  gtk_page_setup_set_orientation (setup, ep_board_packet_page_is_landscape (p->packet, (guint) page)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Print             *p)
{
  g_autoptr(GError) error = NULL;

  /* The print context's unit is points, as the packet's. */
  if (!ep_board_packet_draw_page (p->packet, gtk_print_context_get_cairo_context (context),
                                  (guint) page, p->n_pages, &error))
    g_warning ("Cannot draw page %d of the board packet: %s", page + 1, error->message);
}

/**
 * ep_window_print_board_packet:
 * @export_to: (nullable): a PDF path to print to without a dialog (tests)
 *
 * Prints the board packet through GtkPrintOperation (with its preview),
 * drawing the same pages as the PDF export.
 *
 * Returns: the operation's result
 */
GtkPrintOperationResult
ep_window_print_board_packet (EpWindow   *window,
                              const char *export_to)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  Print *p;

  g_return_val_if_fail (EP_IS_WINDOW (window), GTK_PRINT_OPERATION_RESULT_ERROR);
  if (ep_window_get_district (window) == NULL)
    return GTK_PRINT_OPERATION_RESULT_CANCEL;

  p = g_new0 (Print, 1);
  p->district = g_object_ref (ep_window_get_district (window));
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  /* Translators: the name of the print job */
  gtk_print_operation_set_job_name (operation, _("Board packet"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), p);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), p);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), p);
  g_object_set_data_full (G_OBJECT (operation), "ep-print", p, (GDestroyNotify) print_free);
  if (export_to != NULL)
    gtk_print_operation_set_export_filename (operation, export_to);
  result = gtk_print_operation_run (operation,
                                    export_to ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (window), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (window, _("The board packet could not be printed"), error);
  return result;
}

/* ---- Family summary ---------------------------------------------------- */

static const struct {
  const char *code;
  const char *name;
} family_languages[] = {
  { NULL, N_("The plan’s own language") },
  { "es", N_("Spanish") },
  { "ar", N_("Arabic") },
  { "zh-CN", N_("Chinese (Simplified)") },
  { "vi", N_("Vietnamese") },
  { "so", N_("Somali") },
  { "ht", N_("Haitian Creole") },
  { "pt", N_("Portuguese") },
};

/**
 * ep_window_write_family_summary:
 * @language: (nullable): the family's language
 *
 * Writes the selected school's family summary to @file.
 */
gboolean
ep_window_write_family_summary (EpWindow    *window,
                                const char  *language,
                                GFile       *file,
                                GError     **error)
{
  EpFamilySummaryOptions options;
  EpSchool *school = ep_window_get_selected_school (window);

  g_return_val_if_fail (EP_IS_WINDOW (window), FALSE);

  if (school == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose a school first."));
      return FALSE;
    }
  ep_family_summary_options_init (&options);
  options.paper = default_paper ();
  options.language = language;
  return ep_report_family_summary_write (ep_window_get_district (window), school, &options, file, NULL, error);
}

static void
family_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            EpWindow        *window)
{
  const char *language = g_object_get_data (G_OBJECT (chooser), "ep-language");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = pdf_file_from (chooser);
      g_autoptr(GError) error = NULL;

      if (file != NULL && !ep_window_write_family_summary (window, language, file, &error))
        show_error (window, _("The family summary could not be written"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
family_language_response_cb (GtkDialog *dialog,
                             int        response,
                             EpWindow  *window)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "ep-dropdown");
  guint i = gtk_drop_down_get_selected (dropdown);
  EpSchool *school = ep_window_get_selected_school (window);

  if (response == GTK_RESPONSE_OK && school != NULL && i < G_N_ELEMENTS (family_languages))
    {
      g_autofree char *suggested = NULL;
      GtkFileChooserNative *chooser;

      /* Translators: the suggested file name; %s is the school's name, the second the language code */
      suggested = g_strdup_printf (_("%s — family summary (%s).pdf"), ep_school_get_name (school),
                                   family_languages[i].code ? family_languages[i].code : "en");
      chooser = pdf_chooser (window, _("Save Family Summary"), suggested);
      g_object_set_data (G_OBJECT (chooser), "ep-language", (gpointer) family_languages[i].code);
      g_signal_connect (chooser, "response", G_CALLBACK (family_chooser_response_cb), window);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
ep_window_family_summary_action (EpWindow *window)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog, *area, *label, *dropdown;

  if (ep_window_get_selected_school (window) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (family_languages); i++)
    gtk_string_list_append (names, _(family_languages[i].name));

  dialog = gtk_dialog_new_with_buttons (_("Family Summary"), GTK_WINDOW (window),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        _("_Save as PDF…"), GTK_RESPONSE_OK,
                                        NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  area = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  gtk_box_set_spacing (GTK_BOX (area), 8);
  gtk_widget_set_margin_top (area, 12);
  gtk_widget_set_margin_bottom (area, 12);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);
  label = gtk_label_new_with_mnemonic (_("A one-page summary of this school’s plan for families, in their _language:"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_box_append (GTK_BOX (area), label);
  gtk_box_append (GTK_BOX (area), dropdown);
  g_object_set_data (G_OBJECT (dialog), "ep-dropdown", dropdown);
  g_signal_connect (dialog, "response", G_CALLBACK (family_language_response_cb), window);
  gtk_window_present (GTK_WINDOW (dialog));
}
