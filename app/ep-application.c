/* ep-application.c — the Equity Planner application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-application.h"
#include "ep-window.h"

struct _EpApplication
{
  GtkApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (EpApplication, ep_application, GTK_TYPE_APPLICATION)

/* Drafts left by a session that did not end cleanly: offered once, in the
 * first window. Returns whether there were any. */
static gboolean
offer_recovery (EpApplication *self,
                EpWindow      *window)
{
  if (self->recovery_offered)
    return FALSE;
  self->recovery_offered = TRUE;
  return ep_window_offer_recovery (window) > 0;
}

static void
ep_application_activate (GApplication *app)
{
  EpApplication *self = EP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (ep_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  /* The district open last time, unless there is work to recover. */
  if (!offer_recovery (self, EP_WINDOW (window)))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
      g_autoptr(GSettings) settings = schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
      g_autofree char *uri = settings ? g_settings_get_string (settings, "last-file") : NULL;

      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);

          if (g_file_query_exists (file, NULL))
            ep_window_open (EP_WINDOW (window), file);
        }
    }
}

/* Files from the command line or the desktop: each in its own window, the
 * first in the active one if that shows nothing. */
static void
ep_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  EpWindow *first = NULL;

  for (int i = 0; i < n_files; i++)
    {
      EpWindow *window;

      if (i == 0 && EP_IS_WINDOW (active) && ep_window_get_district (EP_WINDOW (active)) == NULL &&
          !ep_window_get_modified (EP_WINDOW (active)))
        window = EP_WINDOW (active);
      else
        window = ep_window_new (GTK_APPLICATION (app));
      if (first == NULL)
        first = window;

      ep_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
  if (first != NULL)
    offer_recovery (EP_APPLICATION (app), first);
}

/* Quit closes every window, each asking about its unsaved changes; the
 * application ends with the last one. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (EP_IS_WINDOW (l->data))
      gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *authors[] = { "The Equity Planner developers", NULL };
  static const char *documenters[] = { "The Equity Planner developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Equity Planner"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep each school’s equity plan through the cycle: "
                                       "diagnose, design, implement, reflect."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© The Equity Planner developers",
                         "authors", authors,
                         "documenters", documenters,
                         /* Translators: put your names here, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
ep_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "about", about_action },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-district", { "<Control>d", NULL } },
    { "win.district-settings", { "<Control>comma", NULL } },
    { "win.translate", { "<Control>t", NULL } },
    { "win.export-packet", { "<Control>e", NULL } },
    { "win.print-packet", { "<Control>p", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (ep_application_parent_class)->startup (app);

  /* GTK 4 itself loads only menus, the help overlay and icons from the
   * resource base path (style.css is a libadwaita feature): load the
   * stylesheet here, for every window on the display. */
  if (gdk_display_get_default () != NULL)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
ep_application_class_init (EpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ep_application_activate;
  app_class->open = ep_application_open;
  app_class->startup = ep_application_startup;
}

static void
ep_application_init (EpApplication *self)
{
}

EpApplication *
ep_application_new (void)
{
  return g_object_new (EP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
