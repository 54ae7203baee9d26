/* ep-spreadsheet.c — writing text for tables that spreadsheets open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text in our tables comes from plan files and imported CSV files, which
 * anyone may have written. A spreadsheet that opens a CSV/TSV file runs a
 * cell that starts with "=", "+", "-" or "@" as a formula (and some treat a
 * leading tab or carriage return the same way): "=HYPERLINK(…)" or
 * "=cmd|' /C calc'!A0" in a school's name would run on the reader's
 * machine. Such cells are written with a leading single quote, which
 * spreadsheets take as "this is text" (OWASP, CSV injection). Plain numbers
 * ("-3", "+4.5") and runs of hyphens ("-", "--", suppression markers) stay
 * as they are: they are no formulas, and quoting numbers would turn figures
 * into text.
 */
#define G_LOG_DOMAIN "ep-spreadsheet"

#include "config.h"

#include <string.h>

#include "ep-spreadsheet.h"

static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  return digits && *p == '\0';
}

/**
 * ep_spreadsheet_cell_is_formula:
 *
 * Returns: whether a spreadsheet could take @text for a formula: it starts
 *   with =, +, -, @, a tab or a carriage return, and is not a plain number
 */
gboolean
ep_spreadsheet_cell_is_formula (const char *text)
{
  if (text == NULL)
    return FALSE;
  switch (text[0])
    {
    case '-':
      /* "-" and "--", common suppression markers, are no formulas. */
      if (text[strspn (text, "-")] == '\0')
        return FALSE;
      return !is_plain_number (text);
    case '=': case '+': case '@': case '\t': case '\r':
      return !is_plain_number (text);
    default:
      return FALSE;
    }
}

/**
 * ep_spreadsheet_append_cell:
 * @line: a row of a tab-separated table being built
 * @text: (nullable): the cell's text
 *
 * Appends @text as one cell: a single quote first if a spreadsheet would
 * take it for a formula; tabs and line breaks inside it become spaces, so
 * that it stays one cell of one row.
 */
void
ep_spreadsheet_append_cell (GString    *line,
                            const char *text)
{
  g_return_if_fail (line != NULL);

  if (text == NULL)
    return;
  if (ep_spreadsheet_cell_is_formula (text))
    g_string_append_c (line, '\'');
  for (const char *p = text; *p; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}
