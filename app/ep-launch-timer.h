/* ep-launch-timer.h — time from launch to the first frame, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @window shows what the launch is waiting for. */
typedef gboolean (*EpLaunchReady) (GtkWindow *window);

void ep_launch_timer_start (GApplication  *app,
                            EpLaunchReady  ready);

G_END_DECLS
