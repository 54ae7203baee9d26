/* eqplan-cli.h — what the eqplan commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command is a function `int eqplan_cmd_NAME (int argc, char **argv)`,
 * argv[0] being the command's name; main() in eqplan.c dispatches. The
 * commands, options, output and exit statuses are a public interface.
 */
#pragma once

#include <glib/gi18n.h>
#include <stdio.h>

#include "ep-models.h"

G_BEGIN_DECLS

/* Exit statuses. */
enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,   /* a file could not be read, or failed validation */
  EXIT_USAGE = 2,     /* wrong command line */
  EXIT_IO = 3,        /* an output could not be written */
};

/* Prints "eqplan: MESSAGE" and the command's help on stderr; returns EXIT_USAGE. */
int         eqplan_usage_error  (GOptionContext  *context,
                                 const char      *message);
/* Parses options; on error prints it and sets *status. */
gboolean    eqplan_parse_options (GOptionContext  *context,
                                  int             *argc,
                                  char          ***argv,
                                  int             *status);
GFile      *eqplan_file_for_arg (const char      *arg);
/* Reads a district; on error prints FILE:LINE:COLUMN: message and returns NULL. */
EpDistrict *eqplan_load         (const char      *arg);
/* Finds a school by id; on error prints a message naming the file and returns NULL. */
EpSchool   *eqplan_find_school  (EpDistrict      *district,
                                 const char      *file,
                                 const char      *id);

/* Writes a district to OUT ("-": standard output); returns EXIT_OK or EXIT_IO. */
int         eqplan_write_district (EpDistrict    *district,
                                   const char    *output);

/* The commands that live in their own files. */
int         eqplan_cmd_analyze  (int              argc,
                                 char           **argv);
int         eqplan_cmd_check    (int              argc,
                                 char           **argv);
int         eqplan_cmd_import   (int              argc,
                                 char           **argv);

G_END_DECLS
