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
};

G_DEFINE_FINAL_TYPE (EpApplication, ep_application, GTK_TYPE_APPLICATION)

static void
ep_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ep_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ep_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      EpWindow *window = ep_window_new (GTK_APPLICATION (app));

      ep_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *authors[] = { "The Equity Planner developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Equity Planner"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep each school’s equity plan through the cycle: "
                                       "diagnose, design, implement, reflect."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
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
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (ep_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
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
