/* fuzz-util.h — shared by the libFuzzer targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

/* GLib ends a fatal message (g_error, or a critical made fatal) with
 * SIGTRAP, which libFuzzer does not catch: the job dies and the input is
 * lost. Print the message and abort() instead: libFuzzer saves the input
 * as crash-… on SIGABRT. */
static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  /* Not g_log_default_handler(): for a fatal message it ends the process
   * with SIGTRAP itself. */
  fprintf (stderr, "%s: %s\n", domain ? domain : "fuzz", message);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL))
    abort ();
}

static inline void
fuzz_init_logging (void)
{
  g_log_set_default_handler (fuzz_log_handler, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
}

/* Reports where two outputs first differ, with some context. */
static inline void
fuzz_report_difference (const char *what,
                        GBytes     *first,
                        GBytes     *second)
{
  gsize n1, n2, i = 0, from;
  const char *a = g_bytes_get_data (first, &n1);
  const char *b = g_bytes_get_data (second, &n2);

  while (i < n1 && i < n2 && a[i] == b[i])
    i++;
  from = i > 300 ? i - 300 : 0;
  fprintf (stderr, "%s: outputs differ at byte %zu (sizes %zu, %zu)\n--- first\n%.*s\n--- second\n%.*s\n---\n",
           what, i, n1, n2, (int) MIN (n1 - from, 600), a + from, (int) MIN (n2 - from, 600), b + from);
  abort ();
}
