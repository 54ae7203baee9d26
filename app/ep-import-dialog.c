/* ep-import-dialog.c — the assistant that imports a CSV file into the district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four steps, all from the keyboard (Back, Next, Import; Escape cancels):
 * the file; a preview of its first rows as parsed, with the encoding and
 * delimiter found and a choice of others; the mapping (a shipped or saved
 * one, or a guess from the column names) with the role of every column,
 * the fixed indicator and year, the markers and the group labels; and a
 * dry run of the whole file (EpImporter in a thread, with a progress bar
 * and Stop) whose report is shown before Import applies it as one undo step.
 */
#define G_LOG_DOMAIN "ep-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ep-import-dialog.h"

#define PREVIEW_ROWS 20     /* rows shown */
#define SCAN_ROWS    2000   /* rows looked at for group labels and samples */

/* ---- A row of the preview, or a problem of the report ------------------- */

#define EP_TYPE_IMPORT_ROW (ep_import_row_get_type ())
G_DECLARE_FINAL_TYPE (EpImportRow, ep_import_row, EP, IMPORT_ROW, GObject)

struct _EpImportRow
{
  GObject  parent_instance;
  guint64  line;
  GStrv    fields;
};

G_DEFINE_FINAL_TYPE (EpImportRow, ep_import_row, G_TYPE_OBJECT)

static void
ep_import_row_finalize (GObject *object)
{
  g_strfreev (EP_IMPORT_ROW (object)->fields);
  G_OBJECT_CLASS (ep_import_row_parent_class)->finalize (object);
}

static void
ep_import_row_class_init (EpImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ep_import_row_finalize;
}

static void
ep_import_row_init (EpImportRow *self)
{
}

static EpImportRow *
ep_import_row_new (guint64      line,
                   const char **fields,
                   guint        n_fields)
{
  EpImportRow *row = g_object_new (EP_TYPE_IMPORT_ROW, NULL);

  row->line = line;
  row->fields = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    row->fields[i] = g_strdup (fields[i]);
  return row;
}

static const char *
row_field (EpImportRow *row,
           guint        i)
{
  return i < g_strv_length (row->fields) ? row->fields[i] : "";
}

/* ---- The dialog ---------------------------------------------------------- */

typedef struct {
  char     *path;   /* NULL: the guess */
  char     *name;
  gboolean  saved;  /* the user's own */
} LibraryEntry;

typedef struct {
  int permille;     /* atomic; -1 while the size is unknown */
} Progress;

struct _EpImportDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *step_label;
  GtkStack       *stack;
  GtkLabel       *file_error_label;
  GtkDropDown    *encoding_dropdown;
  GtkDropDown    *delimiter_dropdown;
  GtkLabel       *detected_label;
  GtkLabel       *preview_error_label;
  GtkColumnView  *preview_view;
  GtkDropDown    *mapping_dropdown;
  GtkEntry       *name_entry;
  GtkListBox     *roles_list;
  GtkEntry       *fixed_indicator_entry;
  GtkEntry       *fixed_period_entry;
  GtkEntry       *markers_entry;
  GtkCheckButton *blank_check;
  GtkDropDown    *rate_scale_dropdown;
  GtkDropDown    *decimal_dropdown;
  GtkWidget      *groups_heading;
  GtkWidget      *groups_help_label;
  GtkListBox     *aliases_list;
  GtkLabel       *mapping_error_label;
  GtkWidget      *progress_box;
  GtkWidget      *stop_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *summary_status_label;
  GtkWidget      *summary_grid;
  GtkLabel       *rows_label;
  GtkLabel       *created_label;
  GtkLabel       *updated_label;
  GtkLabel       *unchanged_label;
  GtkLabel       *suppressed_label;
  GtkLabel       *schools_label;
  GtkLabel       *indicators_label;
  GtkLabel       *groups_label;
  GtkLabel       *skipped_label;
  GtkLabel       *cells_label;
  GtkWidget      *problems_heading;
  GtkWidget      *problems_window;
  GtkColumnView  *problems_view;
  GtkWidget      *back_button;
  GtkWidget      *next_button;
  GtkWidget      *import_button;

  /* Borrowed */
  EpWindow       *window;             /* weak */

  /* Owned */
  GFile          *file;
  GPtrArray      *header;             /* char*, stripped */
  GPtrArray      *rows;               /* EpImportRow*, up to SCAN_ROWS */
  GListStore     *preview;            /* EpImportRow*, the first PREVIEW_ROWS */
  GListStore     *problems;           /* EpImportRow*: fields column, reason */
  char           *encoding;           /* found or given */
  char            delimiter;
  gboolean        parsed;
  EpMapping      *mapping;
  GPtrArray      *library;            /* LibraryEntry* */
  GtkStringList  *library_names;
  GPtrArray      *role_dropdowns;     /* GtkDropDown* per column, or NULL */
  GPtrArray      *group_ids;          /* char*: the alias choices after Automatic */
  EpImporter     *importer;
  GCancellable   *cancellable;
  GtkNativeDialog *chooser;
  guint           progress_id;
  gboolean        reading;
  gboolean        read_ok;
  gboolean        updating;           /* filling widgets from the mapping */
  gboolean        mapping_touched;    /* the user chose or edited the mapping */
  gboolean        disposed;
};

G_DEFINE_FINAL_TYPE (EpImportDialog, ep_import_dialog, GTK_TYPE_WINDOW)

static const char * const pages[] = { "file", "preview", "mapping", "summary" };
static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "ISO-8859-1", "UTF-16" };
static const char delimiters[] = { 0, ',', ';', '\t', '|' };

static void update_buttons (EpImportDialog *self);
static void fill_mapping_page (EpImportDialog *self);
static void check_mapping (EpImportDialog *self);

static void
library_entry_free (gpointer data)
{
  LibraryEntry *e = data;

  g_free (e->path);
  g_free (e->name);
  g_free (e);
}

/* A count in the user's locale: "1,234", "1.234", "١٬٢٣٤"… */
static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static void
set_count (GtkLabel *label,
           guint64   n)
{
  g_autofree char *text = format_count (n);
  gtk_label_set_label (label, text);
}

static const char *
role_label (EpMappingRole role)
{
  switch (role)
    {
    /* Translators: what a column of a CSV file holds */
    case EP_MAPPING_ROLE_SCHOOL_ID: return C_("column role", "School id");
    case EP_MAPPING_ROLE_SCHOOL_NAME: return C_("column role", "School name");
    case EP_MAPPING_ROLE_GROUP: return C_("column role", "Student group");
    case EP_MAPPING_ROLE_INDICATOR: return C_("column role", "Indicator");
    /* Translators: what a column of a CSV file holds: the school year */
    case EP_MAPPING_ROLE_PERIOD: return C_("column role", "School year");
    /* Translators: what a column of a CSV file holds: the count of students with the outcome */
    case EP_MAPPING_ROLE_NUMERATOR: return C_("column role", "Numerator");
    /* Translators: what a column of a CSV file holds: the count of students */
    case EP_MAPPING_ROLE_DENOMINATOR: return C_("column role", "Denominator");
    /* Translators: what a column of a CSV file holds: a percentage */
    case EP_MAPPING_ROLE_RATE: return C_("column role", "Rate");
    /* Translators: what a column of a CSV file holds: a number such as a mean score */
    case EP_MAPPING_ROLE_VALUE: return C_("column role", "Value");
    /* Translators: what a column of a CSV file holds: the number of students a value is about */
    case EP_MAPPING_ROLE_N: return C_("column role", "Number of students (n)");
    case EP_MAPPING_N_ROLES:
    default:
      g_assert_not_reached ();
    }
}

static int
header_index (EpImportDialog *self,
              const char     *column)
{
  if (column == NULL || self->header == NULL)
    return -1;
  for (guint i = 0; i < self->header->len; i++)
    if (g_str_equal (self->header->pdata[i], column))
      return (int) i;
  return -1;
}

/* ---- Mapping library ---------------------------------------------------- */

/**
 * ep_import_dialog_dup_mapping_dir:
 *
 * Returns: (transfer full): the folder of the user's own mappings
 */
char *
ep_import_dialog_dup_mapping_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "equity-planner", "mappings", NULL);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const LibraryEntry *x = *(LibraryEntry * const *) a;
  const LibraryEntry *y = *(LibraryEntry * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* Mappings in the user's folder, then the installed ones, then those of an
 * uninstalled build: EP_MAPPINGDIR (set by build-aux/run) or else
 * EP_SOURCE_ROOT/data/mappings (the tests); a file name found in an earlier
 * folder hides the same name in later ones. */
static void
load_library (EpImportDialog *self)
{
  g_autofree char *user = ep_import_dialog_dup_mapping_dir ();
  g_autofree char *installed = g_build_filename (PKGDATADIR, "mappings", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *dirs[3];
  LibraryEntry *guess;

  if (g_getenv ("EP_MAPPINGDIR") != NULL && *g_getenv ("EP_MAPPINGDIR") != '\0')
    source = g_strdup (g_getenv ("EP_MAPPINGDIR"));
  else if (g_getenv ("EP_SOURCE_ROOT") != NULL)
    source = g_build_filename (g_getenv ("EP_SOURCE_ROOT"), "data", "mappings", NULL);
  dirs[0] = user;
  dirs[1] = installed;
  dirs[2] = source;

  g_ptr_array_set_size (self->library, 0);
  guess = g_new0 (LibraryEntry, 1);
  guess->name = g_strdup (_("Guessed from the column names"));
  g_ptr_array_add (self->library, guess);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = dirs[d] ? g_dir_open (dirs[d], 0, NULL) : NULL;
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      const char *base;

      if (dir == NULL)
        continue;
      while ((base = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autoptr(GFile) file = NULL;
          g_autoptr(EpMapping) mapping = NULL;
          g_autoptr(GError) error = NULL;
          LibraryEntry *e;

          if (!g_str_has_suffix (base, ".xml") || g_hash_table_contains (seen, base))
            continue;
          path = g_build_filename (dirs[d], base, NULL);
          file = g_file_new_for_path (path);
          mapping = ep_mapping_read_file (file, NULL, &error);
          if (mapping == NULL)
            {
              g_debug ("Not a mapping: %s", error->message);
              continue;
            }
          g_hash_table_add (seen, g_strdup (base));
          e = g_new0 (LibraryEntry, 1);
          e->path = g_steal_pointer (&path);
          e->saved = d == 0;
          if (e->saved)
            /* Translators: a mapping the user saved, in the list of mappings */
            e->name = g_strdup_printf (_("%s (saved)"), ep_mapping_get_name (mapping) ? ep_mapping_get_name (mapping) : base);
          else
            e->name = g_strdup (ep_mapping_get_name (mapping) ? ep_mapping_get_name (mapping) : base);
          g_ptr_array_add (found, e);
        }
      g_ptr_array_sort (found, compare_entries);
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (self->library, found->pdata[i]);
    }

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library_names));

    for (guint i = 0; i < self->library->len; i++)
      g_ptr_array_add (names, ((LibraryEntry *) self->library->pdata[i])->name);
    g_ptr_array_add (names, NULL);
    self->updating = TRUE;
    gtk_string_list_splice (self->library_names, 0, n, (const char * const *) names->pdata);
    self->updating = FALSE;
  }
}

/* Whether every column @mapping names is in the file. */
static gboolean
mapping_fits (EpImportDialog *self,
              EpMapping      *mapping)
{
  guint named = 0;

  for (guint r = 0; r < EP_MAPPING_N_ROLES; r++)
    {
      const char *column = ep_mapping_get_column (mapping, r);
      if (column == NULL)
        continue;
      if (header_index (self, column) < 0)
        return FALSE;
      named++;
    }
  for (guint m = 0; m < ep_mapping_get_n_measures (mapping); m++)
    for (guint r = EP_MAPPING_ROLE_NUMERATOR; r <= EP_MAPPING_ROLE_N; r++)
      for (guint i = 0; i < ep_mapping_get_measure_n_columns (mapping, m, r); i++)
        {
          gboolean optional;
          const char *column = ep_mapping_get_measure_column (mapping, m, r, i, &optional);
          if (header_index (self, column) < 0 && !optional)
            return FALSE;
          named++;
        }
  return named > 0;
}

static EpMapping *
read_library_mapping (EpImportDialog *self,
                      guint           i,
                      GError        **error)
{
  LibraryEntry *e = g_ptr_array_index (self->library, i);
  g_autoptr(GFile) file = NULL;

  if (e->path == NULL)
    return ep_mapping_guess ((const char * const *) self->header->pdata, self->header->len);
  file = g_file_new_for_path (e->path);
  return ep_mapping_read_file (file, NULL, error);
}

static void
set_mapping (EpImportDialog *self,
             EpMapping      *mapping,
             guint           library_index)
{
  g_set_object (&self->mapping, mapping);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->mapping_dropdown, library_index);
  self->updating = FALSE;
  fill_mapping_page (self);
}

/* The first mapping of the library that fits the file, else the guess. */
static void
pick_mapping (EpImportDialog *self)
{
  for (guint i = 1; i < self->library->len; i++)
    {
      g_autoptr(EpMapping) mapping = read_library_mapping (self, i, NULL);

      if (mapping != NULL && mapping_fits (self, mapping))
        {
          set_mapping (self, mapping, i);
          return;
        }
    }
  {
    g_autoptr(EpMapping) guess = read_library_mapping (self, 0, NULL);
    set_mapping (self, guess, 0);
  }
}

static void
mapping_selected_cb (EpImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->mapping_dropdown);
  g_autoptr(EpMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || i == GTK_INVALID_LIST_POSITION || i >= self->library->len || self->header == NULL)
    return;
  self->mapping_touched = TRUE;
  mapping = read_library_mapping (self, i, &error);
  if (mapping == NULL)
    {
      gtk_label_set_label (self->mapping_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), TRUE);
      return;
    }
  set_mapping (self, mapping, i);
}

/* ---- Preview ------------------------------------------------------------ */

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  EpImportRow *row = gtk_list_item_get_item (item);
  int column = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (column < 0)
    {
      g_autofree char *line = format_count (row->line);
      gtk_label_set_label (label, line);
    }
  else
    gtk_label_set_label (label, row_field (row, (guint) column));
}

static void
clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (view, column);
    }
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            int            index,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static const char *
delimiter_text (char d)
{
  switch (d)
    {
    case ',': return _("comma-separated");
    case ';': return _("semicolon-separated");
    case '\t': return _("tab-separated");
    case '|': return _("separated by vertical bars");
    default: return _("separated");
    }
}

/* Reads the header and the first rows with the encoding and delimiter
 * chosen (or found); shows them, or the reader's "FILE:LINE: message". */
static void
parse_preview (EpImportDialog *self)
{
  guint enc = gtk_drop_down_get_selected (self->encoding_dropdown);
  guint del = gtk_drop_down_get_selected (self->delimiter_dropdown);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(EpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const EpCsvRow *row;

  if (self->file == NULL)
    return;
  self->parsed = FALSE;
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_ptr_array_set_size (self->rows, 0);
  g_list_store_remove_all (self->preview);
  clear_columns (self->preview_view);
  gtk_label_set_label (self->detected_label, "");

  name = g_file_get_parse_name (self->file);
  in = g_file_read (self->file, NULL, &error);
  if (in != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

      reader = ep_csv_reader_new (G_INPUT_STREAM (in), name);
      ep_csv_reader_set_encoding (reader, enc < G_N_ELEMENTS (encodings) ? encodings[enc] : NULL);
      ep_csv_reader_set_delimiter (reader, del < G_N_ELEMENTS (delimiters) ? delimiters[del] : 0);
      if (info != NULL)
        ep_csv_reader_set_total_size (reader, g_file_info_get_size (info));
      row = ep_csv_reader_read_row (reader, NULL, &error);
      if (row == NULL && error == NULL)
        /* Translators: %s is a file name */
        g_set_error (&error, EP_CSV_ERROR, EP_CSV_ERROR_FAILED, _("%s:1: the file is empty"), name);
      if (row != NULL)
        {
          self->header = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < row->n_fields; i++)
            g_ptr_array_add (self->header, g_strstrip (g_strdup (row->fields[i])));
          while (self->rows->len < SCAN_ROWS &&
                 (row = ep_csv_reader_read_row (reader, NULL, &error)) != NULL)
            g_ptr_array_add (self->rows, ep_import_row_new (row->line, row->fields, row->n_fields));
        }
    }
  else
    {
      g_autoptr(GError) local = g_steal_pointer (&error);
      g_set_error (&error, local->domain, local->code, "%s: %s", name, local->message);
    }

  /* A broken row further down is the dry run's business; the header and
   * the first rows must read. */
  if (error != NULL && (self->header == NULL || self->rows->len < PREVIEW_ROWS))
    {
      gtk_label_set_label (self->preview_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_error_label), TRUE);
      gtk_label_set_label (self->file_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), TRUE);
      g_clear_pointer (&self->header, g_ptr_array_unref);
      g_ptr_array_set_size (self->rows, 0);
      update_buttons (self);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), FALSE);

  g_free (self->encoding);
  self->encoding = g_strdup (ep_csv_reader_get_encoding (reader));
  self->delimiter = ep_csv_reader_get_delimiter (reader);
  {
    g_autofree char *columns = format_count (self->header->len);
    /* Translators: how the file was read: an encoding ("UTF-8"), "with a
     * byte-order mark" or nothing, how fields are separated
     * ("comma-separated"), and a count of columns */
    g_autofree char *text = g_strdup_printf (ngettext ("Read as %s%s, %s; %s column",
                                                       "Read as %s%s, %s; %s columns",
                                                       self->header->len),
                                             self->encoding,
                                             ep_csv_reader_get_had_bom (reader) ? _(" with a byte-order mark") : "",
                                             delimiter_text (self->delimiter), columns);
    gtk_label_set_label (self->detected_label, text);
  }

  add_column (self->preview_view, _("Line"), -1, FALSE);
  for (guint i = 0; i < self->header->len; i++)
    add_column (self->preview_view, self->header->pdata[i], (int) i, FALSE);
  for (guint i = 0; i < self->rows->len && i < PREVIEW_ROWS; i++)
    g_list_store_append (self->preview, self->rows->pdata[i]);

  self->parsed = TRUE;
  if (!self->mapping_touched || self->mapping == NULL)
    pick_mapping (self);
  else
    fill_mapping_page (self);
  update_buttons (self);
}

static void
format_changed_cb (EpImportDialog *self)
{
  parse_preview (self);
}

/* ---- Mapping page ------------------------------------------------------- */

static void
sync_role_dropdowns (EpImportDialog *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->role_dropdowns->len; i++)
    {
      GtkDropDown *dropdown = self->role_dropdowns->pdata[i];
      guint selected = 0;

      if (dropdown == NULL)
        continue;
      for (guint r = 0; r < EP_MAPPING_N_ROLES && selected == 0; r++)
        if (g_strcmp0 (ep_mapping_get_column (self->mapping, r), self->header->pdata[i]) == 0)
          selected = r + 1;
      gtk_drop_down_set_selected (dropdown, selected);
    }
  self->updating = FALSE;
}

static void fill_aliases (EpImportDialog *self);

static void
role_selected_cb (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  EpImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "ep-column"));
  const char *name = self->header->pdata[column];
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *old_group = ep_mapping_get_column (self->mapping, EP_MAPPING_ROLE_GROUP);
  g_autofree char *group_before = g_strdup (old_group);

  if (self->updating)
    return;
  self->mapping_touched = TRUE;
  for (guint r = 0; r < EP_MAPPING_N_ROLES; r++)
    if (g_strcmp0 (ep_mapping_get_column (self->mapping, r), name) == 0)
      ep_mapping_set_column (self->mapping, r, NULL);
  if (selected > 0 && selected <= EP_MAPPING_N_ROLES)
    ep_mapping_set_column (self->mapping, selected - 1, name);
  sync_role_dropdowns (self);
  if (g_strcmp0 (group_before, ep_mapping_get_column (self->mapping, EP_MAPPING_ROLE_GROUP)) != 0)
    fill_aliases (self);
  check_mapping (self);
}

/* "1.0 · 0.5 · *": a few values of a column, to recognise it by. */
static char *
column_samples (EpImportDialog *self,
                guint           column)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->rows->len && g_hash_table_size (seen) < 4; i++)
    {
      const char *value = row_field (self->rows->pdata[i], column);

      if (*value == '\0' || g_hash_table_contains (seen, value))
        continue;
      g_hash_table_add (seen, (gpointer) value);
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
list_row (GtkWidget *title,
          GtkWidget *subtitle,
          GtkWidget *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), control);
  gtk_widget_add_css_class (box, "import-row");
  return box;
}

static GtkWidget *
row_label (const char *text,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (dim)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
    }
  return label;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_roles (EpImportDialog *self)
{
  g_autoptr(GHashTable) measure_columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  clear_list (self->roles_list);
  g_ptr_array_set_size (self->role_dropdowns, 0);
  if (self->header == NULL)
    return;

  /* Translators: the role of a column that is not imported */
  gtk_string_list_append (roles, C_("column role", "Not imported"));
  for (guint r = 0; r < EP_MAPPING_N_ROLES; r++)
    gtk_string_list_append (roles, role_label (r));

  for (guint m = 0; m < ep_mapping_get_n_measures (self->mapping); m++)
    {
      const char *indicator, *group;

      ep_mapping_get_measure (self->mapping, m, &indicator, &group);
      for (guint r = EP_MAPPING_ROLE_NUMERATOR; r <= EP_MAPPING_ROLE_N; r++)
        for (guint i = 0; i < ep_mapping_get_measure_n_columns (self->mapping, m, r); i++)
          {
            const char *column = ep_mapping_get_measure_column (self->mapping, m, r, i, NULL);
            /* Translators: a column of a wide file: an indicator, a student
             * group, and what the column is ("Numerator") */
            g_hash_table_insert (measure_columns, (gpointer) column,
                                 g_strdup_printf (_("%s of %s, group %s"), role_label (r), indicator, group));
          }
    }

  for (guint i = 0; i < self->header->len; i++)
    {
      const char *name = self->header->pdata[i];
      const char *measure = g_hash_table_lookup (measure_columns, name);
      g_autofree char *samples = column_samples (self, i);
      GtkWidget *title = row_label (*name ? name : _("(no name)"), FALSE);
      GtkWidget *subtitle = row_label (samples, TRUE);
      GtkWidget *control;

      if (measure != NULL)
        {
          control = gtk_label_new (measure);
          gtk_widget_add_css_class (control, "dim-label");
          g_ptr_array_add (self->role_dropdowns, NULL);
        }
      else
        {
          /* Translators: the accessible name of the dropdown that says what
           * the column %s holds */
          g_autofree char *a11y = g_strdup_printf (_("Role of the column “%s”"), name);

          control = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
          g_object_set_data (G_OBJECT (control), "ep-column", GUINT_TO_POINTER (i));
          gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          g_signal_connect (control, "notify::selected", G_CALLBACK (role_selected_cb), self);
          g_ptr_array_add (self->role_dropdowns, control);
        }
      gtk_list_box_append (self->roles_list, list_row (title, subtitle, control));
    }
  sync_role_dropdowns (self);
}

static void
alias_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   EpImportDialog *self)
{
  const char *label = g_object_get_data (G_OBJECT (dropdown), "ep-label");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  self->mapping_touched = TRUE;
  if (selected == 0 || selected > self->group_ids->len)
    ep_mapping_remove_alias (self->mapping, EP_MAPPING_ROLE_GROUP, label);
  else
    ep_mapping_add_alias (self->mapping, EP_MAPPING_ROLE_GROUP, label, self->group_ids->pdata[selected - 1]);
  check_mapping (self);
}

static void
add_group_choice (EpImportDialog *self,
                  GtkStringList  *names,
                  const char     *id,
                  const char     *label)
{
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->group_ids->len; i++)
    if (g_str_equal (self->group_ids->pdata[i], id))
      return;
  g_ptr_array_add (self->group_ids, g_strdup (id));
  /* Translators: a student group in a list: its name and its id, "Hispanic or Latino (HI)" */
  text = g_strdup_printf (_("%s (%s)"), label ? label : id, id);
  gtk_string_list_append (names, text);
}

/* The labels in the group column (of the rows looked at), each with the
 * district's group it becomes. */
static void
fill_aliases (EpImportDialog *self)
{
  int column = header_index (self, ep_mapping_get_column (self->mapping, EP_MAPPING_ROLE_GROUP));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  EpDistrict *district = self->window ? ep_window_get_district (self->window) : NULL;
  g_autoptr(EpDistrict) standard = ep_district_new (NULL);
  gboolean any = FALSE;

  clear_list (self->aliases_list);
  g_ptr_array_set_size (self->group_ids, 0);
  ep_district_add_standard_groups (standard);

  /* Translators: a group label in the file becomes the group of that name or a standard alias */
  gtk_string_list_append (names, C_("group alias", "Automatic"));
  for (guint pass = 0; pass < 2; pass++)
    {
      EpDistrict *d = pass == 0 ? district : standard;
      GListModel *groups = d ? ep_district_get_groups (d) : NULL;

      for (guint i = 0; groups && i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(EpStudentGroup) g = g_list_model_get_item (groups, i);
          add_group_choice (self, names, ep_student_group_get_id (g), ep_student_group_get_label (g));
        }
      if (pass == 0)
        for (guint i = 0; i < ep_mapping_get_n_groups (self->mapping); i++)
          {
            const char *label;
            const char *id = ep_mapping_get_group (self->mapping, i, NULL, &label);
            add_group_choice (self, names, id, label);
          }
    }

  for (guint i = 0; column >= 0 && i < self->rows->len && g_hash_table_size (seen) < 200; i++)
    {
      const char *label = row_field (self->rows->pdata[i], (guint) column);
      const char *id;
      GtkWidget *dropdown;
      g_autofree char *a11y = NULL;
      guint selected = 0;

      if (*label == '\0' || g_hash_table_contains (seen, label))
        continue;
      g_hash_table_add (seen, (gpointer) label);
      any = TRUE;
      id = ep_mapping_lookup_alias (self->mapping, EP_MAPPING_ROLE_GROUP, label);
      for (guint j = 0; id != NULL && j < self->group_ids->len && selected == 0; j++)
        if (g_str_equal (self->group_ids->pdata[j], id))
          selected = j + 1;

      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      g_object_set_data_full (G_OBJECT (dropdown), "ep-label", g_strdup (label), g_free);
      /* Translators: the accessible name of the dropdown choosing the
       * district's student group for the label %s of the file */
      a11y = g_strdup_printf (_("Student group for “%s”"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (alias_selected_cb), self);
      gtk_list_box_append (self->aliases_list, list_row (row_label (label, FALSE), NULL, dropdown));
    }
  gtk_widget_set_visible (self->groups_heading, any);
  gtk_widget_set_visible (self->groups_help_label, any);
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_list), any);
}

static char *
markers_text (EpMapping *mapping)
{
  g_auto(GStrv) markers = ep_mapping_dup_markers (mapping);
  return g_strjoinv (" ", markers);
}

static void
fill_mapping_page (EpImportDialog *self)
{
  g_autofree char *markers = NULL;

  if (self->mapping == NULL)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry),
                         ep_mapping_get_name (self->mapping) ? ep_mapping_get_name (self->mapping) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->fixed_indicator_entry),
                         ep_mapping_get_fixed (self->mapping, EP_MAPPING_ROLE_INDICATOR) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->fixed_period_entry),
                         ep_mapping_get_fixed (self->mapping, EP_MAPPING_ROLE_PERIOD) ?: "");
  markers = markers_text (self->mapping);
  gtk_editable_set_text (GTK_EDITABLE (self->markers_entry), markers);
  gtk_check_button_set_active (self->blank_check, ep_mapping_get_blank_marker (self->mapping) != NULL);
  gtk_drop_down_set_selected (self->rate_scale_dropdown,
                              ep_mapping_get_rate_scale (self->mapping) == EP_RATE_SCALE_FRACTION ? 1 : 0);
  gtk_drop_down_set_selected (self->decimal_dropdown, ep_mapping_get_decimal_mark (self->mapping) == ',' ? 1 : 0);
  self->updating = FALSE;
  fill_roles (self);
  fill_aliases (self);
  check_mapping (self);
}

/* Says what keeps the mapping from reading the file, if anything. */
static void
check_mapping (EpImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *missing = NULL;

  if (self->mapping == NULL || self->header == NULL)
    return;
  for (guint r = 0; r < EP_MAPPING_N_ROLES && missing == NULL; r++)
    {
      const char *column = ep_mapping_get_column (self->mapping, r);
      if (column != NULL && header_index (self, column) < 0)
        missing = column;
    }
  if (missing != NULL)
    /* Translators: %s is a column name the mapping uses */
    g_set_error (&error, EP_MAPPING_ERROR, EP_MAPPING_ERROR_COLUMNS,
                 _("The file has no column “%s”; choose another mapping or the column’s role."), missing);
  else
    ep_mapping_validate (self->mapping, &error);
  gtk_label_set_label (self->mapping_error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), error != NULL);
  update_buttons (self);
}

static gboolean
mapping_ok (EpImportDialog *self)
{
  return self->mapping != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->mapping_error_label));
}

static void
name_changed_cb (EpImportDialog *self)
{
  if (self->updating || self->mapping == NULL)
    return;
  ep_mapping_set_name (self->mapping, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
fixed_changed_cb (GtkEditable    *entry,
                  EpImportDialog *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->mapping == NULL)
    return;
  self->mapping_touched = TRUE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  ep_mapping_set_fixed (self->mapping,
                        entry == GTK_EDITABLE (self->fixed_indicator_entry) ? EP_MAPPING_ROLE_INDICATOR
                                                                           : EP_MAPPING_ROLE_PERIOD,
                        *text ? text : NULL);
  check_mapping (self);
}

static void
markers_changed_cb (EpImportDialog *self)
{
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) markers = NULL;

  if (self->updating || self->mapping == NULL)
    return;
  self->mapping_touched = TRUE;
  old = ep_mapping_dup_markers (self->mapping);
  for (guint i = 0; old[i]; i++)
    ep_mapping_remove_marker (self->mapping, old[i]);
  markers = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->markers_entry)), " \t", -1);
  for (guint i = 0; markers[i]; i++)
    if (*markers[i])
      ep_mapping_add_marker (self->mapping, markers[i]);
}

static void
numbers_changed_cb (EpImportDialog *self)
{
  if (self->updating || self->mapping == NULL)
    return;
  self->mapping_touched = TRUE;
  if (gtk_check_button_get_active (self->blank_check))
    {
      if (ep_mapping_get_blank_marker (self->mapping) == NULL)
        ep_mapping_set_blank_marker (self->mapping, "(blank)");
    }
  else
    ep_mapping_set_blank_marker (self->mapping, NULL);
  ep_mapping_set_rate_scale (self->mapping, gtk_drop_down_get_selected (self->rate_scale_dropdown) == 1
                                            ? EP_RATE_SCALE_FRACTION : EP_RATE_SCALE_PERCENT);
  ep_mapping_set_decimal_mark (self->mapping, gtk_drop_down_get_selected (self->decimal_dropdown) == 1 ? ',' : '.');
}

/* ---- Steps -------------------------------------------------------------- */

static guint
page_index (EpImportDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (name, pages[i]) == 0)
      return i;
  return 0;
}

static void
update_buttons (EpImportDialog *self)
{
  guint page = page_index (self);
  gboolean can_next = FALSE;
  GtkWidget *focus_default;

  switch (page)
    {
    case 0:
    case 1:
      can_next = self->parsed;
      break;
    case 2:
      can_next = self->parsed && mapping_ok (self);
      break;
    default:
      break;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", page == 3 && self->read_ok && !self->reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", self->reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-mapping", self->mapping != NULL);
  gtk_widget_set_visible (self->next_button, page < 3);
  gtk_widget_set_visible (self->import_button, page == 3);
  focus_default = page == 3 ? self->import_button : self->next_button;
  gtk_window_set_default_widget (GTK_WINDOW (self), focus_default);
}

static void
show_page (EpImportDialog *self,
           guint           page)
{
  static const char *titles[4];
  g_autofree char *step = NULL;

  /* Translators: the steps of the import assistant */
  titles[0] = _("Choose a file");
  titles[1] = _("Preview");
  titles[2] = _("Mapping");
  titles[3] = _("Check and import");
  gtk_stack_set_visible_child_name (self->stack, pages[page]);
  /* Translators: "Step 2 of 4: Preview" */
  step = g_strdup_printf (_("Step %u of %u: %s"), page + 1, (guint) G_N_ELEMENTS (pages), titles[page]);
  gtk_label_set_label (self->step_label, step);
  update_buttons (self);
}

static void
stop_reading (EpImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
progress_cb (guint64  bytes_read,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* In the reading thread. */
  g_atomic_int_set (&progress->permille, total > 0 ? (int) MIN (1000, bytes_read * 1000 / total) : -1);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  EpImportDialog *self = user_data;
  Progress *progress = self->importer ? g_object_get_data (G_OBJECT (self->importer), "ep-progress") : NULL;
  int permille = progress ? g_atomic_int_get (&progress->permille) : 0;

  if (permille < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    {
      /* Translators: reading progress, such as "42 %"; %d is the percentage */
      g_autofree char *text = g_strdup_printf (_("%d %%"), permille / 10);
      gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
show_report (EpImportDialog *self)
{
  const EpImportReport *r = ep_importer_get_report (self->importer);

  set_count (self->rows_label, r->rows_read);
  set_count (self->created_label, r->measurements_created);
  set_count (self->updated_label, r->measurements_updated);
  set_count (self->unchanged_label, r->measurements_unchanged);
  set_count (self->suppressed_label, r->suppressed);
  set_count (self->schools_label, r->schools_created);
  set_count (self->indicators_label, r->indicators_created);
  set_count (self->groups_label, r->groups_created);
  set_count (self->skipped_label, r->rows_skipped);
  set_count (self->cells_label, r->cells_skipped);

  g_list_store_remove_all (self->problems);
  for (guint i = 0; i < r->problems->len; i++)
    {
      const EpImportProblem *p = &g_array_index (r->problems, EpImportProblem, i);
      const char *fields[] = { p->column ? p->column : "", p->reason };
      g_autoptr(EpImportRow) row = ep_import_row_new (p->line, fields, 2);
      g_list_store_append (self->problems, row);
    }
  gtk_widget_set_visible (self->problems_heading, r->problems->len > 0);
  gtk_widget_set_visible (self->problems_window, r->problems->len > 0);
  gtk_widget_set_visible (self->summary_grid, TRUE);

  if (r->measurements_created + r->measurements_updated == 0)
    gtk_label_set_label (self->summary_status_label, _("The file holds nothing to import with this mapping."));
  else if (r->n_problems > 0)
    {
      g_autofree char *n = format_count (r->n_problems);
      /* Translators: %s is a count */
      g_autofree char *text = g_strdup_printf (ngettext ("Ready to import. %s row or cell will be left out; see below.",
                                                         "Ready to import. %s rows or cells will be left out; see below.",
                                                         r->n_problems), n);
      gtk_label_set_label (self->summary_status_label, text);
    }
  else
    gtk_label_set_label (self->summary_status_label, _("Ready to import. Nothing was changed yet."));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(EpImportDialog) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  gboolean ok = ep_importer_read_file_finish (EP_IMPORTER (source), result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  /* Closed meanwhile, or a later read under way. */
  if (self == NULL || self->disposed || EP_IMPORTER (source) != self->importer)
    return;
  self->reading = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (self->progress_box, FALSE);
  g_clear_object (&self->cancellable);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_status_label), "error");
  if (ok)
    {
      self->read_ok = TRUE;
      show_report (self);
    }
  else
    {
      self->read_ok = FALSE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->summary_status_label, _("Stopped. Nothing was imported."));
      else
        {
          g_autofree char *text = g_strdup_printf (_("The file cannot be imported. Nothing was changed.\n%s"),
                                                   error->message);
          gtk_label_set_label (self->summary_status_label, text);
          gtk_widget_add_css_class (GTK_WIDGET (self->summary_status_label), "error");
        }
    }
  update_buttons (self);
  gtk_widget_grab_focus (ok ? self->import_button : self->back_button);
}

static void
start_dry_run (EpImportDialog *self)
{
  EpDistrict *district = self->window ? ep_window_get_district (self->window) : NULL;
  Progress *progress;
  GWeakRef *ref;

  g_return_if_fail (district != NULL);

  stop_reading (self);
  g_clear_object (&self->importer);
  self->importer = ep_importer_new (district, self->mapping);
  ep_importer_set_encoding (self->importer, self->encoding);
  ep_importer_set_delimiter (self->importer, self->delimiter);
  /* Owned by the importer, which the reading thread keeps alive. */
  progress = g_new0 (Progress, 1);
  g_object_set_data_full (G_OBJECT (self->importer), "ep-progress", progress, g_free);
  ep_importer_set_progress (self->importer, progress_cb, progress);

  self->cancellable = g_cancellable_new ();
  self->reading = TRUE;
  self->read_ok = FALSE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_set_visible (self->summary_grid, FALSE);
  gtk_widget_set_visible (self->problems_heading, FALSE);
  gtk_widget_set_visible (self->problems_window, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_status_label), "error");
  gtk_label_set_label (self->summary_status_label, _("Reading the whole file; nothing is changed yet…"));
  self->progress_id = g_timeout_add (50, progress_tick_cb, self);
  gtk_widget_grab_focus (self->stop_button);
  /* A weak reference: the assistant closes (and lets go of its parent)
   * without waiting for the thread. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  ep_importer_read_file_async (self->importer, self->file, self->cancellable, read_done_cb, ref);
}

/* ---- Actions ------------------------------------------------------------ */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (widget);
  guint page = page_index (self);

  if (page == 0)
    return;
  if (page == 3)
    {
      stop_reading (self);
      self->reading = FALSE;
      g_clear_handle_id (&self->progress_id, g_source_remove);
    }
  show_page (self, page - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (widget);
  guint page = page_index (self);

  if (page >= 3)
    return;
  if (page == 2)
    {
      check_mapping (self);
      if (!mapping_ok (self))
        return;
      show_page (self, 3);
      start_dry_run (self);
      update_buttons (self);
      return;
    }
  if (!self->parsed)
    return;
  show_page (self, page + 1);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (widget);
  EpHistory *history = self->window ? ep_window_get_history (self->window) : NULL;

  if (!self->read_ok || self->reading || history == NULL)
    return;
  ep_importer_apply_with_history (self->importer, history);
  self->read_ok = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  stop_reading (EP_IMPORT_DIALOG (widget));
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV and text files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  return filter;
}

static void
set_chooser (EpImportDialog  *self,
             GtkNativeDialog *chooser)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
}

static void
choose_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    EpImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      ep_import_dialog_set_file (self, file);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  chooser = gtk_file_chooser_native_new (_("Choose a File to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), self);
  set_chooser (self, GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (self->chooser);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  EpImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!ep_mapping_save (self->mapping, file, NULL, &error))
        {
          g_warning ("Cannot save the mapping: %s", error->message);
          gtk_label_set_label (self->mapping_error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), TRUE);
          update_buttons (self);
        }
      else
        {
          guint selected = gtk_drop_down_get_selected (self->mapping_dropdown);
          g_autofree char *path = g_file_get_path (file);

          load_library (self);
          for (guint i = 0; i < self->library->len; i++)
            if (g_strcmp0 (((LibraryEntry *) self->library->pdata[i])->path, path) == 0)
              selected = i;
          self->updating = TRUE;
          gtk_drop_down_set_selected (self->mapping_dropdown, selected);
          self->updating = FALSE;
        }
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
save_mapping_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *dir = ep_import_dialog_dup_mapping_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->mapping == NULL)
    return;
  g_mkdir_with_parents (dir, 0700);
  chooser = gtk_file_chooser_native_new (_("Save Mapping"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Import mappings"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  {
    const char *title = ep_mapping_get_name (self->mapping);
    g_autofree char *base = g_strdup (title && *title ? title : _("mapping"));
    g_strdelimit (base, "/\\:", '-');
    name = g_strconcat (base, ".xml", NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  set_chooser (self, GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (self->chooser);
}

/* ---- GObject ------------------------------------------------------------ */

static gboolean
ep_import_dialog_close_request (GtkWindow *window)
{
  stop_reading (EP_IMPORT_DIALOG (window));
  return GTK_WINDOW_CLASS (ep_import_dialog_parent_class)->close_request (window);
}

static void
ep_import_dialog_dispose (GObject *object)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  stop_reading (self);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  set_chooser (self, NULL);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (ep_import_dialog_parent_class)->dispose (object);
}

static void
ep_import_dialog_finalize (GObject *object)
{
  EpImportDialog *self = EP_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->preview);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_clear_object (&self->library_names);
  g_clear_pointer (&self->role_dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->group_ids, g_ptr_array_unref);
  g_clear_object (&self->importer);

  G_OBJECT_CLASS (ep_import_dialog_parent_class)->finalize (object);
}

static void
ep_import_dialog_class_init (EpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ep_import_dialog_dispose;
  object_class->finalize = ep_import_dialog_finalize;
  window_class->close_request = ep_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-import-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, EpImportDialog, name)
  CHILD (step_label);
  CHILD (stack);
  CHILD (file_error_label);
  CHILD (encoding_dropdown);
  CHILD (delimiter_dropdown);
  CHILD (detected_label);
  CHILD (preview_error_label);
  CHILD (preview_view);
  CHILD (mapping_dropdown);
  CHILD (name_entry);
  CHILD (roles_list);
  CHILD (fixed_indicator_entry);
  CHILD (fixed_period_entry);
  CHILD (markers_entry);
  CHILD (blank_check);
  CHILD (rate_scale_dropdown);
  CHILD (decimal_dropdown);
  CHILD (groups_heading);
  CHILD (groups_help_label);
  CHILD (aliases_list);
  CHILD (mapping_error_label);
  CHILD (progress_box);
  CHILD (stop_button);
  CHILD (progress_bar);
  CHILD (summary_status_label);
  CHILD (summary_grid);
  CHILD (rows_label);
  CHILD (created_label);
  CHILD (updated_label);
  CHILD (unchanged_label);
  CHILD (suppressed_label);
  CHILD (schools_label);
  CHILD (indicators_label);
  CHILD (groups_label);
  CHILD (skipped_label);
  CHILD (cells_label);
  CHILD (problems_heading);
  CHILD (problems_window);
  CHILD (problems_view);
  CHILD (back_button);
  CHILD (next_button);
  CHILD (import_button);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.save-mapping", NULL, save_mapping_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "import.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "import.back", NULL);
}

static void
ep_import_dialog_init (EpImportDialog *self)
{
  g_autoptr(GtkSelectionModel) preview_selection = NULL;
  g_autoptr(GtkSelectionModel) problems_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->preview = g_list_store_new (EP_TYPE_IMPORT_ROW);
  self->problems = g_list_store_new (EP_TYPE_IMPORT_ROW);
  self->library = g_ptr_array_new_with_free_func (library_entry_free);
  self->library_names = gtk_string_list_new (NULL);
  self->role_dropdowns = g_ptr_array_new ();
  self->group_ids = g_ptr_array_new_with_free_func (g_free);

  preview_selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview))));
  gtk_column_view_set_model (self->preview_view, preview_selection);
  problems_selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems))));
  gtk_column_view_set_model (self->problems_view, problems_selection);
  /* Translators: a column of the list of problems: the line of the file */
  add_column (self->problems_view, _("Line"), -1, FALSE);
  /* Translators: a column of the list of problems: the column of the file at fault */
  add_column (self->problems_view, _("Column"), 0, FALSE);
  add_column (self->problems_view, _("Reason"), 1, TRUE);

  gtk_drop_down_set_model (self->mapping_dropdown, G_LIST_MODEL (self->library_names));
  load_library (self);

  g_signal_connect_swapped (self->encoding_dropdown, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_dropdown, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->mapping_dropdown, "notify::selected", G_CALLBACK (mapping_selected_cb), self);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect (self->fixed_indicator_entry, "changed", G_CALLBACK (fixed_changed_cb), self);
  g_signal_connect (self->fixed_period_entry, "changed", G_CALLBACK (fixed_changed_cb), self);
  g_signal_connect_swapped (self->markers_entry, "changed", G_CALLBACK (markers_changed_cb), self);
  g_signal_connect_swapped (self->blank_check, "toggled", G_CALLBACK (numbers_changed_cb), self);
  g_signal_connect_swapped (self->rate_scale_dropdown, "notify::selected", G_CALLBACK (numbers_changed_cb), self);
  g_signal_connect_swapped (self->decimal_dropdown, "notify::selected", G_CALLBACK (numbers_changed_cb), self);

  show_page (self, 0);
}

/**
 * ep_import_dialog_new:
 * @window: the window whose district receives the data
 *
 * Returns: (transfer none): the assistant, modal over @window, not shown yet
 */
EpImportDialog *
ep_import_dialog_new (EpWindow *window)
{
  EpImportDialog *self;

  g_return_val_if_fail (EP_IS_WINDOW (window), NULL);

  self = g_object_new (EP_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  return self;
}

/**
 * ep_import_dialog_set_file:
 *
 * Reads the first rows of @file and shows them (the preview step), or
 * the reason it cannot be read.
 */
void
ep_import_dialog_set_file (EpImportDialog *self,
                           GFile          *file)
{
  g_return_if_fail (EP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  stop_reading (self);
  g_set_object (&self->file, file);
  self->mapping_touched = FALSE;
  parse_preview (self);
  show_page (self, self->parsed ? 1 : 0);
}

/**
 * ep_import_dialog_get_file:
 *
 * Returns: (transfer none) (nullable):
 */
GFile *
ep_import_dialog_get_file (EpImportDialog *self)
{
  g_return_val_if_fail (EP_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

/**
 * ep_import_dialog_get_page:
 *
 * Returns: the step shown: "file", "preview", "mapping" or "summary"
 */
const char *
ep_import_dialog_get_page (EpImportDialog *self)
{
  g_return_val_if_fail (EP_IS_IMPORT_DIALOG (self), NULL);
  return pages[page_index (self)];
}

/**
 * ep_import_dialog_get_mapping:
 *
 * Returns: (transfer none) (nullable): the mapping being edited
 */
EpMapping *
ep_import_dialog_get_mapping (EpImportDialog *self)
{
  g_return_val_if_fail (EP_IS_IMPORT_DIALOG (self), NULL);
  return self->mapping;
}

/**
 * ep_import_dialog_get_reading:
 *
 * Whether the dry run is reading the file.
 */
gboolean
ep_import_dialog_get_reading (EpImportDialog *self)
{
  g_return_val_if_fail (EP_IS_IMPORT_DIALOG (self), FALSE);
  return self->reading;
}

/**
 * ep_import_dialog_get_report:
 *
 * Returns: (nullable): the report of the last dry run that read the file
 */
const EpImportReport *
ep_import_dialog_get_report (EpImportDialog *self)
{
  g_return_val_if_fail (EP_IS_IMPORT_DIALOG (self), NULL);
  return self->read_ok && self->importer ? ep_importer_get_report (self->importer) : NULL;
}
