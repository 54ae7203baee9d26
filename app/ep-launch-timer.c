/* ep-launch-timer.c — time from launch to the first frame, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only when EP_BENCH_T0 is set (by tests/bench/launch): the wall-clock time
 * in nanoseconds just before the program was started. At the end of the
 * first frame painted by a window that is ready (for Equity Planner: shows
 * its district), prints on standard output
 *
 *   first_frame_ms=…  (since EP_BENCH_T0: exec, linking, GTK, the app)
 *   since_main_ms=…   (since ep_launch_timer_start(), called first in main)
 *   vmhwm_kb=…        (peak resident memory so far, /proc/self/status)
 *
 * and exits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ep-launch-timer.h"

static gint64        t0_ns;
static gint64        main_us;
static EpLaunchReady ready_func;

static long
read_vmhwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now_us;

  if (ready_func != NULL && !ready_func (window))
    return;
  now_us = g_get_real_time ();
  printf ("first_frame_ms=%.1f\n", (now_us * 1000.0 - t0_ns) / 1e6);
  printf ("since_main_ms=%.1f\n", (g_get_monotonic_time () - main_us) / 1e3);
  printf ("vmhwm_kb=%ld\n", read_vmhwm_kb ());
  printf ("renderer=%s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  fflush (stdout);
  exit (0);
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realized_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
}

void
ep_launch_timer_start (GApplication  *app,
                       EpLaunchReady  ready)
{
  const char *t0 = g_getenv ("EP_BENCH_T0");

  if (t0 == NULL)
    return;
  main_us = g_get_monotonic_time ();
  t0_ns = g_ascii_strtoll (t0, NULL, 10);
  ready_func = ready;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}
