/* bench-minimal.c — a minimal GTK 4 application: one window, one label.
 * The yardstick for the launch benchmark (tests/bench/launch), measured
 * the same way as Equity Planner (ep-launch-timer.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ep-launch-timer.h"

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello, world"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.equityplanner.BenchMinimal",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  ep_launch_timer_start (G_APPLICATION (app), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
