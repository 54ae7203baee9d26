/* main.c — starts the Equity Planner application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ep-application.h"
#include "ep-launch-timer.h"
#include "ep-window.h"

/* For the launch benchmark: ready when the window shows a district, if
 * one was asked for on the command line. */
static gboolean opening_file;

static gboolean
window_ready (GtkWindow *window)
{
  return EP_IS_WINDOW (window) && (!opening_file || ep_window_get_district (EP_WINDOW (window)) != NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(EpApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* EP_LOCALEDIR, for developers and tests: read the catalogs of an
   * uninstalled build (build/po) instead of the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EP_LOCALEDIR") ? g_getenv ("EP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ep_application_new ();
  opening_file = argc > 1 && argv[1][0] != '-';
  ep_launch_timer_start (G_APPLICATION (app), window_ready);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
