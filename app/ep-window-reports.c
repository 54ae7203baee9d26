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

/* ---- What both exports share: the options window, the confirmation --- */

/* A window with a header bar: Cancel at the start, @accept (suggested) at
 * the end, Escape closes; the rows go into the returned grid, labels in
 * the first column. */
static GtkWindow *
options_window_new (EpWindow    *window,
                    const char  *title,
                    const char  *accept,
                    GtkWidget  **accept_button,
                    GtkGrid    **grid)
{
  GtkWindow *dialog = GTK_WINDOW (gtk_window_new ());
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (accept);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkWidget *box = gtk_grid_new ();

  gtk_window_set_title (dialog, title);
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  gtk_window_set_modal (dialog, TRUE);
  gtk_window_set_destroy_with_parent (dialog, TRUE);
  gtk_window_set_default_size (dialog, 460, -1);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), ok);
  gtk_widget_add_css_class (ok, "suggested-action");
  gtk_window_set_titlebar (dialog, header);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (dialog), keys);
  gtk_grid_set_row_spacing (GTK_GRID (box), 12);
  gtk_grid_set_column_spacing (GTK_GRID (box), 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_window_set_child (dialog, box);
  gtk_window_set_default_widget (dialog, ok);
  *accept_button = ok;
  *grid = GTK_GRID (box);
  return dialog;
}

static void
options_row (GtkGrid    *grid,
             int         row,
             const char *mnemonic,
             GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

static GtkWidget *
paper_dropdown_new (void)
{
  /* Translators: paper sizes */
  const char *papers[] = { N_("A4"), N_("US Letter"), NULL };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; papers[i]; i++)
    gtk_string_list_append (names, _(papers[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), default_paper () == EP_PAPER_LETTER ? 1 : 0);
  return dropdown;
}

static EpPaper
paper_from (GtkWidget *dropdown)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) == 1 ? EP_PAPER_LETTER : EP_PAPER_A4;
}

static GtkWidget *language_dropdown_new (void);
static const char *language_from (GtkWidget *dropdown);

static void
open_response_cb (GtkDialog *dialog,
                  int        response,
                  gpointer   data)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "ep-uri");

  if (response == GTK_RESPONSE_ACCEPT && uri != NULL)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "The board packet was saved" with the file's name and an Open button. */
static void
show_saved (EpWindow   *window,
            const char *primary,
            GFile      *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_INFO, GTK_BUTTONS_NONE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", name);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Close"), GTK_RESPONSE_CLOSE);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Open"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "ep-uri", g_file_get_uri (file), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), NULL);
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
    {
      g_object_set_data (G_OBJECT (e->window), "ep-last-export-pages", GUINT_TO_POINTER (n_pages));
      show_saved (e->window, _("The board packet was saved"), e->file);
    }
  g_object_set_data (G_OBJECT (e->window), "ep-export-running", NULL);
  export_free (e);
}

/**
 * ep_window_export_board_packet:
 * @options: the packet's options, as `eqplan board-packet` takes them
 * @file: the PDF to write (replaced only when the export succeeds)
 *
 * Writes the district's board packet in a thread, with a progress window
 * that can cancel it, through the same function as `eqplan board-packet`
 * (same options, same bytes); on success a confirmation offers to open
 * it. The window's data "ep-export-running" is set while it runs.
 */
void
ep_window_export_board_packet (EpWindow                   *window,
                               const EpBoardPacketOptions *options,
                               GFile                      *file)
{
  EpDistrict *district = ep_window_get_district (window);
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

  g_object_set_data (G_OBJECT (window), "ep-export-running", e->cancellable);
  ep_report_board_packet_write_async (district, options, file, e->cancellable,
                                      export_progress_cb, e, export_done_cb, e);
}

/* The choices of the export window, until the file is chosen. */
typedef struct {
  EpBoardPacketOptions options;
  GStrv                schools;
  char                *cycle;
  char                *language;
} PacketChoice;

static void
packet_choice_free (PacketChoice *c)
{
  g_strfreev (c->schools);
  g_free (c->cycle);
  g_free (c->language);
  g_free (c);
}

static void
packet_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            EpWindow        *window)
{
  PacketChoice *c = g_object_get_data (G_OBJECT (chooser), "ep-choice");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = pdf_file_from (chooser);

      if (file != NULL)
        ep_window_export_board_packet (window, &c->options, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * ep_window_board_packet_dialog_get_options:
 * @dialog: the window ep_window_export_board_packet_action() shows
 *
 * Returns: (transfer full): the options as chosen in @dialog (free with
 *   g_free(); the strings live as long as @dialog)
 */
EpBoardPacketOptions *
ep_window_board_packet_dialog_get_options (GtkWindow *dialog)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "ep-schools");
  GtkWidget *cycle = g_object_get_data (G_OBJECT (dialog), "ep-cycle");
  GtkWidget *paper = g_object_get_data (G_OBJECT (dialog), "ep-paper");
  GtkWidget *language = g_object_get_data (G_OBJECT (dialog), "ep-language");
  GtkWidget *appendix = g_object_get_data (G_OBJECT (dialog), "ep-appendix");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  EpBoardPacketOptions *options = g_new0 (EpBoardPacketOptions, 1);
  gboolean all = TRUE;
  const char *text;

  ep_board_packet_options_init (options);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (ids, g_strdup (g_object_get_data (G_OBJECT (check), "ep-id")));
      else
        all = FALSE;
    }
  g_ptr_array_add (ids, NULL);
  /* All schools: no list, as when `eqplan board-packet` has no --schools. */
  g_object_set_data_full (G_OBJECT (dialog), "ep-chosen-schools",
                          all ? NULL : g_ptr_array_free (g_steal_pointer (&ids), FALSE),
                          (GDestroyNotify) g_strfreev);
  options->schools = g_object_get_data (G_OBJECT (dialog), "ep-chosen-schools");
  text = gtk_editable_get_text (GTK_EDITABLE (cycle));
  options->cycle = text && *text ? text : NULL;
  options->paper = paper_from (paper);
  options->language = language_from (language);
  options->appendix = gtk_check_button_get_active (GTK_CHECK_BUTTON (appendix));
  return options;
}

static void
packet_export_clicked_cb (GtkWindow *dialog)
{
  EpWindow *window = EP_WINDOW (gtk_window_get_transient_for (dialog));
  EpDistrict *district = ep_window_get_district (window);
  g_autofree EpBoardPacketOptions *options = ep_window_board_packet_dialog_get_options (dialog);
  PacketChoice *c = g_new0 (PacketChoice, 1);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (options->schools != NULL && options->schools[0] == NULL)
    {
      packet_choice_free (c);
      return;
    }
  c->options = *options;
  c->schools = g_strdupv ((char **) options->schools);
  c->cycle = g_strdup (options->cycle);
  c->language = g_strdup (options->language);
  c->options.schools = (const char * const *) c->schools;
  c->options.cycle = c->cycle;
  c->options.language = c->language;
  /* Translators: the suggested file name of the board packet; %s is the district's name */
  suggested = g_strdup_printf (_("%s — board packet.pdf"), ep_district_get_name (district));
  chooser = pdf_chooser (window, _("Export Board Packet"), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "ep-choice", c, (GDestroyNotify) packet_choice_free);
  g_signal_connect (chooser, "response", G_CALLBACK (packet_chooser_response_cb), window);
  gtk_window_destroy (dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_dialog_gone_cb (EpWindow  *window,
                       GtkWidget *dialog)
{
  if (g_object_get_data (G_OBJECT (window), "ep-export-dialog") == dialog)
    g_object_set_data (G_OBJECT (window), "ep-export-dialog", NULL);
}

/* Export needs at least one school. */
static void
packet_school_toggled_cb (GtkWidget *list)
{
  GtkWidget *export = g_object_get_data (G_OBJECT (list), "ep-export");
  gboolean any = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row && !any; row = gtk_widget_get_next_sibling (row))
    any = gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  gtk_widget_set_sensitive (export, any);
}

/**
 * ep_window_export_board_packet_action:
 *
 * The export window (win.export-packet, Ctrl+E) with the options of
 * `eqplan board-packet`: which schools, cycle, paper, language, appendix;
 * Export asks for the file, then writes it with progress. The window is
 * the window's data "ep-export-dialog" while it shows (for tests).
 */
void
ep_window_export_board_packet_action (EpWindow *window)
{
  EpDistrict *district = ep_window_get_district (window);
  GListModel *schools;
  GtkWidget *export, *scroller, *list, *cycle, *paper, *language, *appendix;
  GtkWindow *dialog;
  GtkGrid *grid;

  if (district == NULL)
    return;
  schools = ep_district_get_schools (district);
  /* Translators: the export window's title and its button */
  dialog = options_window_new (window, _("Export Board Packet"), _("_Export…"), &export, &grid);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      GtkWidget *check = gtk_check_button_new_with_label (ep_school_get_name (school));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "ep-id", g_strdup (ep_school_get_id (school)), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (packet_school_toggled_cb), list);
      gtk_list_box_append (GTK_LIST_BOX (list), check);
    }
  g_object_set_data (G_OBJECT (list), "ep-export", export);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  options_row (grid, 0, _("_Schools"), scroller);

  cycle = gtk_entry_new ();
  /* Translators: placeholder of the export window's cycle field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (cycle), _("Each school’s current plan"));
  gtk_entry_set_activates_default (GTK_ENTRY (cycle), TRUE);
  options_row (grid, 1, _("C_ycle"), cycle);
  paper = paper_dropdown_new ();
  options_row (grid, 2, _("_Paper"), paper);
  language = language_dropdown_new ();
  options_row (grid, 3, _("_Language"), language);
  appendix = gtk_check_button_new_with_mnemonic (_("Add every indicator’s table at the end (_appendix)"));
  gtk_grid_attach (grid, appendix, 1, 4, 1, 1);

  g_object_set_data (G_OBJECT (dialog), "ep-schools", list);
  g_object_set_data (G_OBJECT (dialog), "ep-cycle", cycle);
  g_object_set_data (G_OBJECT (dialog), "ep-paper", paper);
  g_object_set_data (G_OBJECT (dialog), "ep-language", language);
  g_object_set_data (G_OBJECT (dialog), "ep-appendix", appendix);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (packet_export_clicked_cb), dialog);
  g_object_set_data (G_OBJECT (window), "ep-export-dialog", dialog);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (export_dialog_gone_cb), window);
  gtk_window_present (dialog);
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

/* ---- Languages and the family summary --------------------------------- */

static const struct {
  const char *code;
  const char *name;
} family_languages[] = {
  { NULL, N_("The plan’s own language") },
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "ar", N_("Arabic") },
  { "zh-CN", N_("Chinese (Simplified)") },
  { "vi", N_("Vietnamese") },
  { "so", N_("Somali") },
  { "ht", N_("Haitian Creole") },
  { "pt", N_("Portuguese") },
};

/* Only the languages a document can be written in (a catalog, or English):
 * the item's position maps to family_languages through "ep-codes". */
static GtkWidget *
language_dropdown_new (void)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *index = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *dropdown;

  for (guint i = 0; i < G_N_ELEMENTS (family_languages); i++)
    if (ep_report_language_available (family_languages[i].code))
      {
        gtk_string_list_append (names, _(family_languages[i].name));
        g_array_append_val (index, i);
      }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  g_object_set_data_full (G_OBJECT (dropdown), "ep-codes", index, (GDestroyNotify) g_array_unref);
  return dropdown;
}

static const char *
language_from (GtkWidget *dropdown)
{
  GArray *index = g_object_get_data (G_OBJECT (dropdown), "ep-codes");
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  return i < index->len ? family_languages[g_array_index (index, guint, i)].code : NULL;
}

/**
 * ep_window_write_family_summary:
 * @options: as `eqplan family-summary` takes them
 *
 * Writes the selected school's family summary to @file, through the same
 * function as `eqplan family-summary` (same options, same bytes).
 */
gboolean
ep_window_write_family_summary (EpWindow                     *window,
                                const EpFamilySummaryOptions *options,
                                GFile                        *file,
                                GError                      **error)
{
  EpSchool *school = ep_window_get_selected_school (window);

  g_return_val_if_fail (EP_IS_WINDOW (window), FALSE);

  if (school == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose a school first."));
      return FALSE;
    }
  return ep_report_family_summary_write (ep_window_get_district (window), school, options, file, NULL, error);
}

/**
 * ep_window_family_dialog_get_options:
 * @dialog: the window ep_window_family_summary_action() shows
 *
 * Returns: (transfer full): the options as chosen in @dialog (free with
 *   g_free(); the strings live as long as @dialog)
 */
EpFamilySummaryOptions *
ep_window_family_dialog_get_options (GtkWindow *dialog)
{
  GtkWidget *language = g_object_get_data (G_OBJECT (dialog), "ep-language");
  GtkWidget *paper = g_object_get_data (G_OBJECT (dialog), "ep-paper");
  GtkWidget *contact = g_object_get_data (G_OBJECT (dialog), "ep-contact");
  EpFamilySummaryOptions *options = g_new0 (EpFamilySummaryOptions, 1);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (contact));

  ep_family_summary_options_init (options);
  options->language = language_from (language);
  options->paper = paper_from (paper);
  options->contact = text && *text ? text : NULL;
  return options;
}

typedef struct {
  EpFamilySummaryOptions options;
  char                  *language;
  char                  *contact;
} FamilyChoice;

static void
family_choice_free (FamilyChoice *c)
{
  g_free (c->language);
  g_free (c->contact);
  g_free (c);
}

static void
family_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            EpWindow        *window)
{
  FamilyChoice *c = g_object_get_data (G_OBJECT (chooser), "ep-choice");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = pdf_file_from (chooser);
      g_autoptr(GError) error = NULL;

      if (file != NULL)
        {
          if (ep_window_write_family_summary (window, &c->options, file, &error))
            show_saved (window, _("The family summary was saved"), file);
          else
            show_error (window, _("The family summary could not be written"), error);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
family_save_clicked_cb (GtkWindow *dialog)
{
  EpWindow *window = EP_WINDOW (gtk_window_get_transient_for (dialog));
  EpSchool *school = ep_window_get_selected_school (window);
  g_autofree EpFamilySummaryOptions *options = ep_window_family_dialog_get_options (dialog);
  FamilyChoice *c;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (school == NULL)
    return;
  c = g_new0 (FamilyChoice, 1);
  c->options = *options;
  c->language = g_strdup (options->language);
  c->contact = g_strdup (options->contact);
  c->options.language = c->language;
  c->options.contact = c->contact;
  /* Translators: the suggested file name; %s is the school's name, the second the language code */
  suggested = g_strdup_printf (_("%s — family summary (%s).pdf"), ep_school_get_name (school),
                               c->language ? c->language : "en");
  chooser = pdf_chooser (window, _("Save Family Summary"), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "ep-choice", c, (GDestroyNotify) family_choice_free);
  g_signal_connect (chooser, "response", G_CALLBACK (family_chooser_response_cb), window);
  gtk_window_destroy (dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
family_dialog_gone_cb (EpWindow  *window,
                       GtkWidget *dialog)
{
  if (g_object_get_data (G_OBJECT (window), "ep-family-dialog") == dialog)
    g_object_set_data (G_OBJECT (window), "ep-family-dialog", NULL);
}

/**
 * ep_window_family_summary_action:
 *
 * The family summary window (win.family-summary) with the options of
 * `eqplan family-summary`: language (only those with a catalog), paper,
 * contact; Save asks for the file. The window is the window's data
 * "ep-family-dialog" while it shows (for tests).
 */
void
ep_window_family_summary_action (EpWindow *window)
{
  GtkWidget *save, *intro, *language, *paper, *contact;
  GtkWindow *dialog;
  GtkGrid *grid;

  if (ep_window_get_selected_school (window) == NULL)
    return;
  dialog = options_window_new (window, _("Family Summary"), _("_Save as PDF…"), &save, &grid);
  intro = gtk_label_new (_("A one-page summary of this school’s plan for families, in their language."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_grid_attach (grid, intro, 0, 0, 2, 1);
  language = language_dropdown_new ();
  options_row (grid, 1, _("_Language"), language);
  paper = paper_dropdown_new ();
  options_row (grid, 2, _("_Paper"), paper);
  contact = gtk_entry_new ();
  /* Translators: placeholder of the family summary's contact field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (contact), _("The plan’s school champion"));
  gtk_entry_set_activates_default (GTK_ENTRY (contact), TRUE);
  options_row (grid, 3, _("_Contact"), contact);
  g_object_set_data (G_OBJECT (dialog), "ep-language", language);
  g_object_set_data (G_OBJECT (dialog), "ep-paper", paper);
  g_object_set_data (G_OBJECT (dialog), "ep-contact", contact);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (family_save_clicked_cb), dialog);
  g_object_set_data (G_OBJECT (window), "ep-family-dialog", dialog);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (family_dialog_gone_cb), window);
  gtk_window_present (dialog);
}
