/* ep-window.c — a window onto one district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shell: the district's schools in a searchable sidebar and the selected
 * school's current plan; New, Open, Save, Save As, recent files, undo and
 * redo, autosave of drafts and their recovery, and watching the file on disk.
 */
#define G_LOG_DOMAIN "ep-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ep-dialog.h"
#include "ep-district-settings.h"
#include "ep-district-view.h"
#include "ep-page-util.h"
#include "ep-plan-view.h"
#include "ep-translation-editor.h"
#include "ep-import-dialog.h"
#include "ep-window.h"
#include "ep-window-reports.h"
#include "ep-window-schools.h"

struct _EpWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkButton          *undo_button;
  GtkButton          *redo_button;
  GtkInfoBar         *file_bar;
  GtkLabel           *file_bar_label;
  GtkWidget          *reload_button;
  GtkWidget          *content;
  GMenu              *recent_menu;
  GtkSearchEntry     *search_entry;
  GtkListView        *school_list;
  GtkStack           *stack;
  GtkLabel           *empty_label;
  EpPlanView         *plan_view;
  EpDistrictView     *district_view;

  /* The document */
  EpDistrict         *district;
  EpHistory          *history;
  GFile              *file;
  char               *etag;
  /* Recovered from a draft: unsaved, though no step can be undone. */
  gboolean            dirty;
  gboolean            externally_modified;
  gboolean            file_deleted;
  GFileMonitor       *monitor;

  /* Drafts */
  char               *draft_id;
  guint               autosave_id;
  GQueue              recovery;         /* char* draft ids still to offer */

  /* State */
  guint               busy;             /* saves under way */
  guint               loading;          /* loads under way */
  gboolean            close_confirmed;
  GSettings          *settings;
  GtkSingleSelection *selection;
  GtkStringFilter    *filter;
  GCancellable       *cancellable;
  GtkNativeDialog    *chooser;
  GtkWindow          *prompt;
  GtkWindow          *import_dialog;    /* weak */
};

G_DEFINE_FINAL_TYPE (EpWindow, ep_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DISTRICT,
  PROP_HISTORY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_EXTERNALLY_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Draft ids owned by windows of this process: not offered for recovery. */
static GHashTable *live_drafts;

static void update_title (EpWindow *self);
static void update_actions (EpWindow *self);
static void remove_draft (EpWindow *self);

static void
show_school (EpWindow *self,
             EpSchool *school)
{

  if (school == NULL)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      if (self->district == NULL)
        gtk_label_set_label (self->empty_label, _("Open a district file to see its schools and their "
                                                  "equity plans, or start a new district."));
      else if (g_list_model_get_n_items (ep_district_get_schools (self->district)) == 0)
        gtk_label_set_label (self->empty_label, _("This district has no schools yet."));
      else if (search != NULL && *search != '\0')
        {
          /* Translators: %s is what was typed in the search */
          g_autofree char *text = g_strdup_printf (_("No school’s name contains “%s”."), search);
          gtk_label_set_label (self->empty_label, text);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  g_object_set (self->plan_view,
                "history", self->history,
                "district", self->district,
                "school", school,
                NULL);
  gtk_stack_set_visible_child_name (self->stack, "school");
}

static void
selection_changed_cb (EpWindow *self)
{
  show_school (self, ep_window_get_selected_school (self));
  ep_window_schools_update_actions (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *id = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "school-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_widget_add_css_class (id, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), id);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  EpSchool *school = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *id = gtk_widget_get_next_sibling (name);

  gtk_label_set_label (GTK_LABEL (name), ep_school_get_name (school));
  gtk_label_set_label (GTK_LABEL (id), ep_school_get_id (school));
}

/* ---- Continuations ------------------------------------------------------
 *
 * Closing, opening another file and New may have to ask about unsaved
 * changes, and saving first may have to ask about a conflict or a name:
 * what to do once that is settled travels along as a Pending. */

typedef void (*ThenFunc) (EpWindow *self,
                          gpointer  data);

typedef struct {
  ThenFunc       func;
  gpointer       data;
  GDestroyNotify destroy;
} Pending;

static Pending *
pending_new (ThenFunc       func,
             gpointer       data,
             GDestroyNotify destroy)
{
  Pending *p = g_new0 (Pending, 1);

  p->func = func;
  p->data = data;
  p->destroy = destroy;
  return p;
}

static void
pending_free (Pending *p)
{
  if (p == NULL)
    return;
  if (p->destroy != NULL)
    p->destroy (p->data);
  g_free (p);
}

static void
pending_run (EpWindow *self,
             Pending  *p)
{
  if (p == NULL)
    return;
  p->func (self, p->data);
  pending_free (p);
}

/* ---- Questions ---------------------------------------------------------- */

static void
prompt_destroyed_cb (EpWindow  *self,
                     GtkWidget *dialog)
{
  if (self->prompt == GTK_WINDOW (dialog))
    self->prompt = NULL;
}

/* A modal question; the caller adds the buttons and connects "response".
 * Escape answers GTK_RESPONSE_DELETE_EVENT, which every handler reads as
 * Cancel. */
static GtkWidget *
prompt_new (EpWindow       *self,
            GtkMessageType  type,
            const char     *primary,
            const char     *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   type, GTK_BUTTONS_NONE, "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  if (self->prompt != NULL)
    gtk_window_destroy (self->prompt);
  self->prompt = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (prompt_destroyed_cb), self, G_CONNECT_SWAPPED);
  return dialog;
}

/* Closes a question. Unparented first: the answer may close the window,
 * and the dialog outlives its "response" emission. */
static void
dismiss (GtkDialog *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
add_button (GtkWidget  *dialog,
            const char *label,
            int         response,
            const char *css_class)
{
  GtkWidget *button = gtk_dialog_add_button (GTK_DIALOG (dialog), label, response);

  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
}

static void
show_error (EpWindow   *self,
            const char *primary,
            GError     *error)
{
  GtkWidget *dialog;

  g_warning ("%s: %s", primary, error->message);
  dialog = prompt_new (self, GTK_MESSAGE_ERROR, primary, error->message);
  add_button (dialog, _("_Close"), GTK_RESPONSE_CLOSE, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (dismiss), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

#define EP_RESPONSE_OPEN_BACKUP 100

static void
open_backup_response_cb (GtkDialog *dialog,
                         int        response,
                         EpWindow  *self)
{
  GFile *backup = g_object_get_data (G_OBJECT (dialog), "ep-backup");

  if (response == EP_RESPONSE_OPEN_BACKUP && backup != NULL)
    {
      g_object_ref (backup);
      dismiss (dialog);
      ep_window_open (self, backup);
      g_object_unref (backup);
      return;
    }
  dismiss (dialog);
}

/* A district file that could not be read: why, and when the .bak copy the
 * last save kept is next to it, an offer to open that instead. */
static void
show_open_error (EpWindow *self,
                 GFile    *file,
                 GError   *error)
{
  const char *primary = _("The district file could not be opened");
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *bak = path ? g_strconcat (path, ".bak", NULL) : NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *bak_name = NULL;
  GtkWidget *dialog;

  g_warning ("%s: %s", primary, error->message);
  if (bak == NULL || !g_file_test (bak, G_FILE_TEST_IS_REGULAR))
    {
      dialog = prompt_new (self, GTK_MESSAGE_ERROR, primary, error->message);
      add_button (dialog, _("_Close"), GTK_RESPONSE_CLOSE, NULL);
      g_signal_connect (dialog, "response", G_CALLBACK (dismiss), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  bak_name = g_path_get_basename (bak);
  /* Translators: after why a file could not be read; %s is a file name such
   * as "riverside.eqplan.bak" */
  secondary = g_strdup_printf (_("%s\n\nThe copy kept by the last save, “%s”, is next to it."),
                               error->message, bak_name);
  dialog = prompt_new (self, GTK_MESSAGE_ERROR, primary, secondary);
  g_object_set_data_full (G_OBJECT (dialog), "ep-backup", g_file_new_for_path (bak), g_object_unref);
  add_button (dialog, _("_Close"), GTK_RESPONSE_CLOSE, NULL);
  add_button (dialog, _("Open _Backup"), EP_RESPONSE_OPEN_BACKUP, "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_backup_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "riverside.eqplan", or "New District" before the first save. */
static char *
document_name (EpWindow *self)
{
  if (self->file != NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);
      return g_path_get_basename (parse_name);
    }
  if (self->district != NULL)
    return g_strdup (_("New District"));
  return NULL;
}

/* ---- Drafts ------------------------------------------------------------- */

/**
 * ep_window_get_drafts_dir:
 *
 * Where unsaved work is autosaved: STATE/equity-planner/drafts. Each draft
 * is ID.eqplan, with ID.draft beside it (a key file: the original file's
 * URI and entity tag, and when the draft was written). Drafts are removed
 * when their window saves or discards; any found at startup are from a
 * session that ended without either.
 *
 * Returns: (transfer full):
 */
char *
ep_window_get_drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "equity-planner", "drafts", NULL);
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = ep_window_get_drafts_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
delete_draft_files (const char *id)
{
  g_autofree char *data = draft_path (id, ".eqplan");
  g_autofree char *meta = draft_path (id, ".draft");

  g_remove (data);
  g_remove (meta);
}

static void
adopt_draft (EpWindow   *self,
             const char *id)
{
  if (live_drafts == NULL)
    live_drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_free (self->draft_id);
  self->draft_id = g_strdup (id);
  g_hash_table_add (live_drafts, g_strdup (id));
}

static void
release_draft (EpWindow *self)
{
  if (self->draft_id != NULL && live_drafts != NULL)
    g_hash_table_remove (live_drafts, self->draft_id);
  g_clear_pointer (&self->draft_id, g_free);
}

/* Saved or discarded: the draft has no more use. */
static void
remove_draft (EpWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->draft_id != NULL)
    delete_draft_files (self->draft_id);
  release_draft (self);
}

static void
draft_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write a draft of unsaved changes: %s", error->message);
}

static void
write_draft (EpWindow *self)
{
  g_autofree char *dir = ep_window_get_drafts_dir ();
  g_autofree char *meta_path = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GDateTime) time = g_date_time_new_now_utc ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GError) error = NULL;

  if (self->draft_id == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();
      adopt_draft (self, id);
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Could not make the drafts folder %s: %s", dir, g_strerror (errno));
      return;
    }

  /* The sidecar first: a draft without one is still offered, as a new
   * district. */
  now = g_date_time_format_iso8601 (time);
  g_key_file_set_string (keyfile, "Draft", "Saved", now);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (keyfile, "Draft", "URI", uri);
    }
  if (self->etag != NULL)
    g_key_file_set_string (keyfile, "Draft", "ETag", self->etag);
  g_key_file_set_string (keyfile, "Draft", "Name", ep_district_get_name (self->district));
  meta = g_key_file_to_data (keyfile, NULL, NULL);
  meta_path = draft_path (self->draft_id, ".draft");
  if (!g_file_set_contents_full (meta_path, meta, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Could not write a draft of unsaved changes: %s", error->message);
      return;
    }

  bytes = ep_xml_write_bytes (self->district);
  data_path = draft_path (self->draft_id, ".eqplan");
  data_file = g_file_new_for_path (data_path);
  g_file_replace_contents_bytes_async (data_file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       self->cancellable, draft_written_cb, NULL);
}

static gboolean
autosave_cb (gpointer user_data)
{
  EpWindow *self = user_data;

  self->autosave_id = 0;
  if (self->district == NULL || !ep_window_get_modified (self))
    return G_SOURCE_REMOVE;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* A few seconds after the last change, a draft; back at the saved state,
 * none. */
static void
history_changed_cb (EpWindow *self)
{
  guint delay = self->settings ? g_settings_get_uint (self->settings, "auto-save-delay") : 30;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!ep_window_get_modified (self))
    {
      remove_draft (self);
      return;
    }
  self->autosave_id = g_timeout_add_seconds (delay, autosave_cb, self);
}

/* ---- The file on disk --------------------------------------------------- */

static void
show_file_bar (EpWindow *self)
{
  g_autofree char *name = document_name (self);
  g_autofree char *text = NULL;

  if (self->file_deleted)
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Save to write it again."), name);
  else if (ep_window_get_modified (self))
    text = g_strdup_printf (_("“%s” was changed by another program. Reload to see its changes and lose "
                              "yours, or save to choose whether to overwrite it."), name);
  else
    text = g_strdup_printf (_("“%s” was changed by another program."), name);
  gtk_label_set_label (self->file_bar_label, text);
  gtk_widget_set_visible (self->reload_button, !self->file_deleted);
  gtk_info_bar_set_revealed (self->file_bar, TRUE);
}

static void
set_externally_modified (EpWindow *self,
                         gboolean  modified,
                         gboolean  deleted)
{
  self->file_deleted = modified && deleted;
  if (modified)
    show_file_bar (self);
  else
    gtk_info_bar_set_revealed (self->file_bar, FALSE);
  if (self->externally_modified != modified)
    {
      self->externally_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNALLY_MODIFIED]);
    }
}

static void
etag_queried_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EpWindow) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, NULL);
  const char *etag = info ? g_file_info_get_etag (info) : NULL;

  if (g_cancellable_is_cancelled (self->cancellable) || self->busy > 0)
    return;
  /* Another file by now, or our own save. */
  if (self->file == NULL || !g_file_equal (G_FILE (source), self->file) ||
      g_strcmp0 (etag, self->etag) == 0)
    return;
  set_externally_modified (self, TRUE, info == NULL);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 EpWindow          *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      return;
    }
  if (self->file == NULL || self->busy > 0)
    return;
  /* Compare entity tags: our own saves change the file too. */
  g_file_query_info_async (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, etag_queried_cb, g_object_ref (self));
}

static void
watch_file (EpWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the file for changes: %s", error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->monitor, 200);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/* Recent files: GtkRecentManager for the desktop, the recent-files key for
 * our menu; the last one is reopened on the next start. */
static void
remember_file (EpWindow *self,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) EP_XML_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "equity-planner %u",
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Equity Planner";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  if (self->settings != NULL)
    {
      g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) recent = NULL;
      guint n = 1;

      g_strv_builder_add (builder, uri);
      for (guint i = 0; old[i] != NULL && n < 10; i++)
        if (g_strcmp0 (old[i], uri) != 0)
          {
            g_strv_builder_add (builder, old[i]);
            n++;
          }
      recent = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
      g_settings_set_string (self->settings, "last-file", uri);
    }
}

static void
update_recent_menu (EpWindow *self)
{
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  if (self->settings != NULL)
    recent = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *base = g_path_get_basename (parse_name);
      g_auto(GStrv) parts = g_strsplit (base, "_", -1);
      /* Underscores in file names are not mnemonics. */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  if (n == 0)
    g_menu_append (self->recent_menu, _("No Recent Districts"), "win.no-recent");
}

/* ---- The document ------------------------------------------------------- */

static void
set_document (EpWindow   *self,
              EpDistrict *district,
              GFile      *file,
              const char *etag,
              const char *draft_id)
{
  GtkFilterListModel *filtered;

  /* What was open is saved, discarded or unmodified by now. */
  remove_draft (self);
  if (draft_id != NULL)
    adopt_draft (self, draft_id);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  if (district != NULL)
    {
      self->history = ep_history_new ();
      g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::undo-label", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::redo-label", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_set_object (&self->district, district);
  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->dirty = draft_id != NULL;
  set_externally_modified (self, FALSE, FALSE);
  watch_file (self);

  filtered = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (self->selection));
  gtk_filter_list_model_set_model (filtered, district ? ep_district_get_schools (district) : NULL);

  ep_plan_view_set_history (self->plan_view, self->history);
  ep_district_view_set_district (self->district_view, district);
  update_title (self);
  update_actions (self);
  selection_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
update_title (EpWindow *self)
{
  g_autofree char *name = document_name (self);

  if (name == NULL)
    {
      gtk_label_set_label (self->title_label, _("Equity Planner"));
      gtk_window_set_title (GTK_WINDOW (self), _("Equity Planner"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
    }
  else
    {
      /* Translators: the title of a file with unsaved changes */
      g_autofree char *marked = ep_window_get_modified (self) ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
      /* Translators: the window title: a file name, then the application */
      g_autofree char *title = g_strdup_printf (_("%s — Equity Planner"), marked);

      gtk_label_set_label (self->title_label, marked);
      gtk_window_set_title (GTK_WINDOW (self), title);
      if (self->file != NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (self->file);
          g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
          const char *home = g_get_home_dir ();

          if (folder != NULL && g_str_has_prefix (folder, home) &&
              (folder[strlen (home)] == '/' || folder[strlen (home)] == '\0'))
            {
              char *tilde = g_strconcat ("~", folder + strlen (home), NULL);
              g_free (folder);
              folder = tilde;
            }
          gtk_label_set_label (self->subtitle_label, folder);
        }
      else
        gtk_label_set_label (self->subtitle_label, _("Not saved yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
update_actions (EpWindow *self)
{
  gboolean idle = self->busy == 0;
  gboolean can_undo = idle && self->history && ep_history_get_can_undo (self->history);
  gboolean can_redo = idle && self->history && ep_history_get_can_redo (self->history);
  const char *undo = self->history ? ep_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history ? ep_history_get_redo_label (self->history) : NULL;
  /* Translators: the Undo button's tooltip, with the step, e.g. "Undo Edit" */
  g_autofree char *undo_text = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  /* Translators: the Redo button's tooltip, with the step, e.g. "Redo Edit" */
  g_autofree char *redo_text = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", idle && self->district != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", idle && self->district != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", idle && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", idle);
  ep_window_schools_update_actions (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, undo_text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, redo_text, -1);
}

static void
set_busy (EpWindow *self,
          gboolean  busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  /* Nothing edits the district while a thread writes it. */
  gtk_widget_set_sensitive (self->content, self->busy == 0);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- Unsaved changes ---------------------------------------------------- */

static void save_then (EpWindow *self, Pending *then);
static void save_as_then (EpWindow *self, Pending *then);

static void
confirm_response_cb (GtkDialog *dialog,
                     int        response,
                     EpWindow  *self)
{
  Pending *then = g_object_steal_data (G_OBJECT (dialog), "ep-then");

  dismiss (dialog);
  switch (response)
    {
    case EP_RESPONSE_SAVE:
      save_then (self, then);
      break;
    case EP_RESPONSE_DISCARD:
      remove_draft (self);
      pending_run (self, then);
      break;
    default:
      pending_free (then);
      break;
    }
}

/* Runs @then now when nothing is unsaved; otherwise asks Save / Discard /
 * Cancel first (Save is the default, Escape cancels). */
static void
confirm_discard (EpWindow *self,
                 Pending  *then)
{
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;
  GtkWidget *dialog;

  if (!ep_window_get_modified (self))
    {
      pending_run (self, then);
      return;
    }
  if (self->busy > 0)
    {
      pending_free (then);
      return;
    }

  name = document_name (self);
  /* Translators: %s is a file name */
  primary = g_strdup_printf (_("Save changes to “%s”?"), name);
  dialog = prompt_new (self, GTK_MESSAGE_QUESTION, primary,
                       _("If you don’t save, the changes since it was last saved will be lost."));
  add_button (dialog, _("_Discard"), EP_RESPONSE_DISCARD, "destructive-action");
  add_button (dialog, _("_Cancel"), GTK_RESPONSE_CANCEL, NULL);
  add_button (dialog, _("_Save"), EP_RESPONSE_SAVE, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), EP_RESPONSE_SAVE);
  g_object_set_data_full (G_OBJECT (dialog), "ep-then", then, (GDestroyNotify) pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Saving ------------------------------------------------------------- */

typedef struct {
  EpDistrict *district;
  GFile      *file;
  char       *etag;
  char       *new_etag;
  Pending    *then;
} SaveData;

static void
save_data_free (gpointer p)
{
  SaveData *d = p;

  g_object_unref (d->district);
  g_object_unref (d->file);
  g_free (d->etag);
  g_free (d->new_etag);
  pending_free (d->then);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;

  if (ep_xml_save (d->district, d->file, d->etag, TRUE, &d->new_etag, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (EpWindow *self, GFile *file, const char *etag, Pending *then);

static void
conflict_response_cb (GtkDialog *dialog,
                      int        response,
                      EpWindow  *self)
{
  Pending *then = g_object_steal_data (G_OBJECT (dialog), "ep-then");
  g_autoptr(GFile) file = g_object_ref (g_object_get_data (G_OBJECT (dialog), "ep-file"));

  dismiss (dialog);
  switch (response)
    {
    case EP_RESPONSE_OVERWRITE:
      start_save (self, file, NULL, then);
      break;
    case EP_RESPONSE_SAVE_AS:
      save_as_then (self, then);
      break;
    default:
      pending_free (then);
      break;
    }
}

/* The file changed on disk since it was read: nothing was written. */
static void
ask_conflict (EpWindow *self,
              GFile    *file,
              Pending  *then)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *base = g_path_get_basename (parse_name);
  g_autofree char *primary = g_strdup_printf (_("“%s” was changed by another program"), base);
  GtkWidget *dialog;

  g_message ("Not saved: %s changed on disk since it was read", parse_name);
  dialog = prompt_new (self, GTK_MESSAGE_WARNING, primary,
                       _("Nothing was saved. Overwriting replaces the other changes with yours; "
                         "a copy of the file as it is now is kept with .bak added to its name."));
  add_button (dialog, _("_Cancel"), GTK_RESPONSE_CANCEL, NULL);
  add_button (dialog, _("Save _As…"), EP_RESPONSE_SAVE_AS, NULL);
  add_button (dialog, _("_Overwrite"), EP_RESPONSE_OVERWRITE, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "ep-then", then, (GDestroyNotify) pending_free);
  g_object_set_data_full (G_OBJECT (dialog), "ep-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EpWindow *self = EP_WINDOW (source);
  SaveData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Pending *then = g_steal_pointer (&d->then);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      pending_free (then);
      return;
    }
  set_busy (self, FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      gboolean new_file = self->file == NULL || !g_file_equal (self->file, d->file);

      g_set_object (&self->file, d->file);
      g_free (self->etag);
      self->etag = g_steal_pointer (&d->new_etag);
      self->dirty = FALSE;
      ep_history_mark_saved (self->history);
      remove_draft (self);
      set_externally_modified (self, FALSE, FALSE);
      if (new_file)
        {
          watch_file (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
        }
      remember_file (self, self->file);
      update_title (self);
      update_actions (self);
      pending_run (self, then);
    }
  else if (g_error_matches (error, EP_XML_ERROR, EP_XML_ERROR_CONFLICT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      set_externally_modified (self, TRUE, FALSE);
      ask_conflict (self, d->file, then);
    }
  else
    {
      show_error (self, _("The district could not be saved"), error);
      pending_free (then);
    }
}

/* Writes the district to @file in a thread (ep_xml_save: atomic, a .bak
 * of the old version); with @etag, only if the file is still as read. */
static void
start_save (EpWindow   *self,
            GFile      *file,
            const char *etag,
            Pending    *then)
{
  g_autoptr(GTask) task = NULL;
  SaveData *d;

  g_return_if_fail (self->district != NULL);

  d = g_new0 (SaveData, 1);
  d->district = g_object_ref (self->district);
  d->file = g_object_ref (file);
  d->etag = g_strdup (etag);
  d->then = then;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, d, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EpWindow        *self)
{
  Pending *then = g_object_steal_data (G_OBJECT (chooser), "ep-then");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *base = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      /* The chooser asked before replacing another file. */
      if (!g_str_has_suffix (base, ".eqplan"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *name = g_strconcat (base, ".eqplan", NULL);
          file = g_file_get_child (parent, name);
        }
      else
        file = g_object_ref (chosen);
      start_save (self, file,
                  self->file && g_file_equal (file, self->file) ? self->etag : NULL,
                  then);
    }
  else
    pending_free (then);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static GtkFileFilter *
eqplan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Equity plans"));
  gtk_file_filter_add_mime_type (filter, EP_XML_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "eqplan");
  return filter;
}

static void
save_as_then (EpWindow *self,
              Pending  *then)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = eqplan_filter ();

  if (self->district == NULL || self->busy > 0)
    {
      pending_free (then);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save District As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      const char *name = ep_district_get_name (self->district);
      g_autofree char *suggested = g_strconcat (name && *name ? name : _("District"), ".eqplan", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
    }
  g_object_set_data_full (G_OBJECT (chooser), "ep-then", then, (GDestroyNotify) pending_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save_then (EpWindow *self,
           Pending  *then)
{
  if (self->district == NULL || self->busy > 0)
    pending_free (then);
  else if (self->file == NULL)
    save_as_then (self, then);
  else
    start_save (self, self->file, self->etag, then);
}

/**
 * ep_window_save_as:
 * @file: where to save
 *
 * Saves the district to @file without asking for a name (Save As… asks
 * with the file chooser, then does this). Saving over the open file still
 * checks that it did not change on disk.
 */
void
ep_window_save_as (EpWindow *self,
                   GFile    *file)
{
  g_return_if_fail (EP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->district != NULL);

  if (self->busy > 0)
    return;
  start_save (self, file, self->file && g_file_equal (file, self->file) ? self->etag : NULL, NULL);
}

/* ---- Opening ------------------------------------------------------------ */

typedef struct {
  EpWindow *self;
  GFile    *file;       /* what to open as: the draft's original, or NULL */
  char     *etag;       /* for a draft: the original's entity tag */
  char     *draft_id;   /* opening a draft */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data->etag);
  g_free (data->draft_id);
  g_free (data);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(EpDistrict) district = ep_xml_load_finish (result, &etag, &error);
  EpWindow *self = data->self;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      /* The window is gone: nothing to report to. */
    }
  else if (district == NULL)
    {
      self->loading--;
      /* The open district stays as it was. */
      if (data->draft_id != NULL)
        show_error (self, _("The draft could not be recovered"), error);
      else
        show_open_error (self, data->file, error);
    }
  else if (data->draft_id != NULL)
    {
      self->loading--;
      set_document (self, district, data->file, data->etag, data->draft_id);
    }
  else
    {
      self->loading--;
      set_document (self, district, data->file, etag, NULL);
      remember_file (self, data->file);
    }
  open_data_free (data);
}

static void
load_file (EpWindow *self,
           GFile    *file)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  self->loading++;
  ep_xml_load_async (file, self->cancellable, open_done_cb, data);
}

static void
load_then (EpWindow *self,
           gpointer  file)
{
  load_file (self, file);
}

/**
 * ep_window_open:
 *
 * Opens @file in this window in place of the district shown, asking first
 * when that has unsaved changes. A file that cannot be read leaves the
 * window as it was and says why, with the line and column.
 */
void
ep_window_open (EpWindow *self,
                GFile    *file)
{
  g_return_if_fail (EP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  confirm_discard (self, pending_new (load_then, g_object_ref (file), g_object_unref));
}

/* ---- Recovery ----------------------------------------------------------- */

static void offer_next_draft (EpWindow *self);

static void
recover_draft (EpWindow   *self,
               const char *id)
{
  g_autofree char *meta_path = draft_path (id, ".draft");
  g_autofree char *data_path = draft_path (id, ".eqplan");
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *uri = NULL;
  EpWindow *target = self;
  OpenData *data;

  if (g_key_file_load_from_file (keyfile, meta_path, G_KEY_FILE_NONE, NULL))
    uri = g_key_file_get_string (keyfile, "Draft", "URI", NULL);

  /* This window if it shows nothing yet, else a new one. */
  if (self->district != NULL || self->loading > 0 || ep_window_get_modified (self))
    {
      target = ep_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (target);
  data->file = uri ? g_file_new_for_uri (uri) : NULL;
  data->etag = g_key_file_get_string (keyfile, "Draft", "ETag", NULL);
  data->draft_id = g_strdup (id);
  target->loading++;
  {
    g_autoptr(GFile) draft = g_file_new_for_path (data_path);
    ep_xml_load_async (draft, target->cancellable, open_done_cb, data);
  }
}

static void
recovery_response_cb (GtkDialog *dialog,
                      int        response,
                      EpWindow  *self)
{
  g_autofree char *id = g_queue_pop_head (&self->recovery);

  dismiss (dialog);
  switch (response)
    {
    case EP_RESPONSE_RECOVER:
      recover_draft (self, id);
      break;
    case EP_RESPONSE_DISCARD:
      delete_draft_files (id);
      break;
    default:
      /* Neither: it stays, and is offered again next time. */
      break;
    }
  offer_next_draft (self);
}

static void
offer_next_draft (EpWindow *self)
{
  const char *id = g_queue_peek_head (&self->recovery);
  g_autofree char *meta_path = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;

  if (id == NULL)
    return;
  meta_path = draft_path (id, ".draft");
  if (g_key_file_load_from_file (keyfile, meta_path, G_KEY_FILE_NONE, NULL))
    {
      uri = g_key_file_get_string (keyfile, "Draft", "URI", NULL);
      saved = g_key_file_get_string (keyfile, "Draft", "Saved", NULL);
      name = g_key_file_get_string (keyfile, "Draft", "Name", NULL);
    }
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *base = g_path_get_basename (parse_name);
      /* Translators: %s is a file name */
      primary = g_strdup_printf (_("Recover unsaved changes to “%s”?"), base);
      folder = g_path_get_dirname (parse_name);
    }
  else
    /* Translators: %s is a district's name */
    primary = g_strdup_printf (_("Recover the unsaved district “%s”?"), name ? name : _("New District"));
  if (saved != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (saved, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      /* The locale's date with a four-digit year, and its time. */
      g_autofree char *date_format = ep_locale_date_format ();
      g_autofree char *format = g_strconcat (date_format, " %X", NULL);

      when = local ? g_date_time_format (local, format) : NULL;
    }
  if (folder != NULL)
    /* Translators: %s is a date and time, then a folder */
    secondary = g_strdup_printf (_("Equity Planner did not close normally. A draft of the unsaved work "
                                   "was kept from %s.\n\nFolder: %s"), when ? when : "?", folder);
  else
    /* Translators: %s is a date and time */
    secondary = g_strdup_printf (_("Equity Planner did not close normally. A draft of the unsaved work "
                                   "was kept from %s."), when ? when : "?");

  dialog = prompt_new (self, GTK_MESSAGE_QUESTION, primary, secondary);
  add_button (dialog, _("_Discard"), EP_RESPONSE_DISCARD, "destructive-action");
  add_button (dialog, _("_Recover"), EP_RESPONSE_RECOVER, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), EP_RESPONSE_RECOVER);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ep_window_offer_recovery:
 *
 * Asks about each draft left by a session that ended without saving or
 * discarding it (Recover / Discard, one after the other); a recovered one
 * opens in this window if it shows nothing yet, else in a new one, still
 * unsaved, as its original file.
 *
 * Returns: how many drafts there are to offer
 */
guint
ep_window_offer_recovery (EpWindow *self)
{
  g_autofree char *dir = ep_window_get_drafts_dir ();
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean idle;

  g_return_val_if_fail (EP_IS_WINDOW (self), 0);

  if (gdir == NULL)
    return 0;
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_suffix (name, ".eqplan"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".eqplan"));
      if (live_drafts != NULL && g_hash_table_contains (live_drafts, id))
        continue;
      if (g_queue_find_custom (&self->recovery, id, (GCompareFunc) g_strcmp0))
        continue;
      g_ptr_array_add (ids, g_steal_pointer (&id));
    }
  g_ptr_array_sort (ids, (GCompareFunc) g_strcmp0);
  idle = g_queue_is_empty (&self->recovery);
  for (guint i = 0; i < ids->len; i++)
    g_queue_push_tail (&self->recovery, g_strdup (ids->pdata[i]));
  if (idle)
    offer_next_draft (self);
  return ids->len;
}

/* ---- Actions ------------------------------------------------------------ */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      ep_window_open (self, file);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = eqplan_filter ();

  chooser = gtk_file_chooser_native_new (_("Open District"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ep_window_open (EP_WINDOW (widget), file);
}

static void
new_then (EpWindow *self,
          gpointer  data)
{
  g_autoptr(EpDistrict) district = ep_district_new (_("New District"));

  ep_district_add_standard_groups (district);
  if (self->settings != NULL)
    {
      ep_district_set_min_n (district, g_settings_get_int (self->settings, "default-min-n"));
      ep_district_set_min_cell (district, g_settings_get_int (self->settings, "default-min-cell"));
      ep_district_set_complementary (district,
                                     g_settings_get_boolean (self->settings, "default-complementary-suppression"));
    }
  set_document (self, district, NULL, NULL, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  confirm_discard (EP_WINDOW (widget), pending_new (new_then, NULL, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_then (EP_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as_then (EP_WINDOW (widget), NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);

  if (self->history != NULL && self->busy == 0)
    ep_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);

  if (self->history != NULL && self->busy == 0)
    ep_history_redo (self->history);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);

  if (self->file != NULL)
    ep_window_open (self, self->file);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (EP_WINDOW (widget)->search_entry));
}

/**
 * ep_window_import:
 * @file: (nullable): the CSV file, or %NULL to choose one
 *
 * Opens the import assistant over the window (a new district first when
 * none is open); returns it.
 */
GtkWindow *
ep_window_import (EpWindow *self,
                  GFile    *file)
{
  EpImportDialog *dialog;

  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);

  if (self->busy > 0)
    return NULL;
  if (self->district == NULL)
    new_then (self, NULL);
  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);
  dialog = ep_import_dialog_new (self);
  self->import_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);
  if (file != NULL)
    ep_import_dialog_set_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ep_window_import (EP_WINDOW (widget), NULL);
}

static void
file_bar_response_cb (EpWindow *self,
                      int       response)
{
  if (response == GTK_RESPONSE_CLOSE)
    gtk_info_bar_set_revealed (self->file_bar, FALSE);
}

/* Drag and drop: .eqplan files; the first opens here, any others in new
 * windows. Else a CSV, TSV or TXT file opens the import assistant. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EpWindow      *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoslist(GFile) list = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *l = gdk_file_list_get_files (g_value_get_boxed (value));
      for (GSList *i = l; i != NULL; i = i->next)
        list = g_slist_prepend (list, g_object_ref (i->data));
      g_slist_free (l);
      list = g_slist_reverse (list);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    list = g_slist_prepend (list, g_value_dup_object (value));

  for (GSList *i = list; i != NULL; i = i->next)
    {
      g_autofree char *base = g_file_get_basename (i->data);
      if (base != NULL && g_str_has_suffix (base, ".eqplan"))
        g_ptr_array_add (files, g_object_ref (i->data));
    }
  if (files->len == 0)
    {
      for (GSList *i = list; i != NULL; i = i->next)
        {
          g_autofree char *base = g_file_get_basename (i->data);
          g_autofree char *lower = base ? g_ascii_strdown (base, -1) : NULL;

          if (lower != NULL && (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
                                g_str_has_suffix (lower, ".txt")))
            return ep_window_import (self, i->data) != NULL;
        }
      return FALSE;
    }

  ep_window_open (self, files->pdata[0]);
  for (guint i = 1; i < files->len; i++)
    {
      EpWindow *window;

      if (app == NULL)
        break;
      window = ep_window_new (app);
      ep_window_open (window, files->pdata[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
  return TRUE;
}

/* ---- GtkWindow ---------------------------------------------------------- */

static void
close_then (EpWindow *self,
            gpointer  data)
{
  remove_draft (self);
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ep_window_close_request (GtkWindow *window)
{
  EpWindow *self = EP_WINDOW (window);

  if (self->close_confirmed)
    return GTK_WINDOW_CLASS (ep_window_parent_class)->close_request (window);
  if (self->busy > 0)
    return TRUE;
  if (ep_window_get_modified (self))
    {
      confirm_discard (self, pending_new (close_then, NULL, NULL));
      return TRUE;
    }
  remove_draft (self);
  return GTK_WINDOW_CLASS (ep_window_parent_class)->close_request (window);
}

static void
ep_window_unmap (GtkWidget *widget)
{
  EpWindow *self = EP_WINDOW (widget);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
    }
  GTK_WIDGET_CLASS (ep_window_parent_class)->unmap (widget);
}

static void
ep_window_constructed (GObject *object)
{
  EpWindow *self = EP_WINDOW (object);

  G_OBJECT_CLASS (ep_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      int width, height;

      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
ep_window_dispose (GObject *object)
{
  EpWindow *self = (EpWindow *) object;

  g_cancellable_cancel (self->cancellable);
  /* Not saved nor discarded: the draft stays for recovery. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  release_draft (self);
  g_queue_clear_full (&self->recovery, g_free);
  if (self->prompt != NULL)
    gtk_window_destroy (self->prompt);
  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);
  if (self->chooser)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EP_TYPE_WINDOW);

  G_OBJECT_CLASS (ep_window_parent_class)->dispose (object);
}

static void
ep_window_finalize (GObject *object)
{
  EpWindow *self = (EpWindow *) object;

  g_clear_object (&self->district);
  g_clear_object (&self->history);
  g_clear_object (&self->file);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->etag);

  G_OBJECT_CLASS (ep_window_parent_class)->finalize (object);
}

static void
ep_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EpWindow *self = EP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ep_window_get_modified (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_EXTERNALLY_MODIFIED:
      g_value_set_boolean (value, self->externally_modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The district view: every school's plan at a glance. */
static void
show_district_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);

  if (self->district == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->stack, "district");
}

static void
school_activated_cb (EpWindow   *self,
                     const char *id)
{
  ep_window_select_school (self, id);
}

static void
district_settings_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);
  GtkWidget *dialog, *settings, *scroller;

  if (self->district == NULL)
    return;
  dialog = gtk_window_new ();
  /* Translators: the title of the district settings window */
  gtk_window_set_title (GTK_WINDOW (dialog), _("District Settings"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 640);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  ep_dialog_add_header_bar (GTK_WINDOW (dialog), TRUE);
  settings = ep_district_settings_new ();
  ep_district_settings_set_history (EP_DISTRICT_SETTINGS (settings), self->history);
  ep_district_settings_set_district (EP_DISTRICT_SETTINGS (settings), self->district);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), settings);
  gtk_window_set_child (GTK_WINDOW (dialog), scroller);
  g_object_set_data (G_OBJECT (self), "ep-settings-window", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Translate the shown plan's texts for families, side by side. */
static void
translate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EpWindow *self = EP_WINDOW (widget);
  EpSchool *school = ep_plan_view_get_school (self->plan_view);
  EpPlan *plan = ep_plan_view_get_plan (self->plan_view);
  GtkWidget *editor;

  if (self->district == NULL || school == NULL || plan == NULL)
    return;
  editor = ep_translation_editor_new (self->district, school, plan, self->history);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_object_set_data (G_OBJECT (self), "ep-translation-editor", editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_packet_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ep_window_export_board_packet_action (EP_WINDOW (widget));
}

static void
print_packet_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ep_window_print_board_packet (EP_WINDOW (widget), NULL);
}

static void
family_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ep_window_family_summary_action (EP_WINDOW (widget));
}

static void
ep_window_class_init (EpWindowClass *klass)
{
  g_type_ensure (EP_TYPE_PLAN_VIEW);
  g_type_ensure (EP_TYPE_DISTRICT_VIEW);

  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ep_window_constructed;
  object_class->dispose = ep_window_dispose;
  object_class->finalize = ep_window_finalize;
  object_class->get_property = ep_window_get_property;
  widget_class->unmap = ep_window_unmap;
  window_class->close_request = ep_window_close_request;

  properties[PROP_DISTRICT] = g_param_spec_object ("district", NULL, NULL, EP_TYPE_DISTRICT, flags);
  /* The open district's undo stack: every edit goes through it. */
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, EP_TYPE_HISTORY, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, flags);
  properties[PROP_EXTERNALLY_MODIFIED] = g_param_spec_boolean ("externally-modified", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EpWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, file_bar);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, file_bar_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, school_list);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, EpWindow, district_view);
  gtk_widget_class_bind_template_callback (widget_class, file_bar_response_cb);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-district", NULL, show_district_action);
  gtk_widget_class_install_action (widget_class, "win.district-settings", NULL, district_settings_action);
  gtk_widget_class_install_action (widget_class, "win.translate", NULL, translate_action);
  gtk_widget_class_install_action (widget_class, "win.export-packet", NULL, export_packet_action);
  gtk_widget_class_install_action (widget_class, "win.print-packet", NULL, print_packet_action);
  gtk_widget_class_install_action (widget_class, "win.family-summary", NULL, family_summary_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  ep_window_schools_class_init (widget_class);

  /* The same keys as the application's accelerators (ep-application.c),
   * for windows without one (tests). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
ep_window_init (EpWindow *self)
{
  GtkListItemFactory *factory;
  GtkExpression *expression;
  GtkFilterListModel *filtered;
  GtkDropTarget *drop;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->district_view, "school-activated", G_CALLBACK (school_activated_cb), self);

  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->recovery);

  /* Without the schema installed (running from the build folder without
   * GSETTINGS_SCHEMA_DIR) the window works, with defaults. */
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_swapped (self->settings, "changed::recent-files", G_CALLBACK (update_recent_menu), self);
    }
  update_recent_menu (self);

  expression = gtk_property_expression_new (EP_TYPE_SCHOOL, NULL, "name");
  self->filter = gtk_string_filter_new (expression);
  g_object_bind_property (self->search_entry, "text", self->filter, "search", G_BINDING_DEFAULT);

  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->school_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->school_list, GTK_SELECTION_MODEL (self->selection));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_title (self);
  update_actions (self);
}

EpWindow *
ep_window_new (GtkApplication *application)
{
  return g_object_new (EP_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ep_window_get_district:
 *
 * Returns: (transfer none) (nullable):
 */
EpDistrict *
ep_window_get_district (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return self->district;
}

/**
 * ep_window_get_history:
 *
 * The undo stack of the open district: every edit goes through it. A new
 * one with each district (notify::history).
 *
 * Returns: (transfer none) (nullable):
 */
EpHistory *
ep_window_get_history (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return self->history;
}

/**
 * ep_window_get_file:
 *
 * Returns: (transfer none) (nullable):
 */
GFile *
ep_window_get_file (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * ep_window_get_modified:
 *
 * Whether there are unsaved changes: steps since the last save, or a
 * recovered draft not saved yet.
 */
gboolean
ep_window_get_modified (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), FALSE);
  return self->dirty || (self->history != NULL && ep_history_get_modified (self->history));
}

/**
 * ep_window_get_busy:
 *
 * Whether a save is under way (the district cannot be edited meanwhile).
 */
gboolean
ep_window_get_busy (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), FALSE);
  return self->busy > 0;
}

/**
 * ep_window_get_externally_modified:
 *
 * Whether the file changed on disk (another program) since it was read or
 * saved; an info bar offers to reload it.
 */
gboolean
ep_window_get_externally_modified (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), FALSE);
  return self->externally_modified;
}

/**
 * ep_window_get_prompt:
 *
 * The question the window is asking (a GtkMessageDialog), if any: answer
 * it with gtk_dialog_response() and an #EpResponse.
 *
 * Returns: (transfer none) (nullable):
 */
GtkWindow *
ep_window_get_prompt (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return self->prompt;
}

/**
 * ep_window_set_district:
 *
 * Shows @district as read from @file (or not saved yet), unmodified, with
 * a new history. Does not ask about unsaved changes.
 */
void
ep_window_set_district (EpWindow   *self,
                        EpDistrict *district,
                        GFile      *file)
{
  g_return_if_fail (EP_IS_WINDOW (self));
  g_return_if_fail (!district || EP_IS_DISTRICT (district));

  set_document (self, district, file, NULL, NULL);
}

/**
 * ep_window_get_selected_school:
 *
 * Returns: (transfer none) (nullable):
 */
EpSchool *
ep_window_get_selected_school (EpWindow *self)
{
  g_return_val_if_fail (EP_IS_WINDOW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
ep_window_select_school (EpWindow   *self,
                         const char *id)
{
  GListModel *model;
  guint n;

  g_return_if_fail (EP_IS_WINDOW (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (model, i);
      if (g_strcmp0 (ep_school_get_id (school), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
