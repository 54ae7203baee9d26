/* ep-validate.c — the rules a value must follow, one place for all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-validate"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ep-analysis.h"
#include "ep-school.h"
#include "ep-validate.h"

G_DEFINE_QUARK (ep-validate-error-quark, ep_validate_error)

/**
 * ep_validate_value:
 * @unit: what the number measures
 * @value: the number
 *
 * A percentage lies between 0 and 100; a rate per 100 students and a count
 * are never negative (a rate per 100 may pass 100: two suspensions per
 * student is 200); a count is whole; a mean score is any finite number.
 */
gboolean
ep_validate_value (EpUnit   unit,
                   double   value,
                   GError **error)
{
  if (!isfinite (value))
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("Type a number, for example 31.7."));
      return FALSE;
    }
  switch (unit)
    {
    case EP_UNIT_PERCENT:
      if (value < 0 || value > 100)
        {
          g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_OUT_OF_RANGE,
                               _("A percentage lies between 0 and 100."));
          return FALSE;
        }
      break;
    case EP_UNIT_RATE_PER_100:
      if (value < 0)
        {
          g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_OUT_OF_RANGE,
                               _("A rate per 100 students cannot be negative."));
          return FALSE;
        }
      break;
    case EP_UNIT_COUNT:
      if (value < 0 || value != floor (value))
        {
          g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_OUT_OF_RANGE,
                               _("A count is a whole number, 0 or more."));
          return FALSE;
        }
      break;
    case EP_UNIT_MEAN_SCORE:
    default:
      break;
    }
  return TRUE;
}

/* Count indicators are shown as percentages of their denominators. */
gboolean
ep_validate_indicator_value (EpIndicator *indicator,
                             double       value,
                             GError     **error)
{
  EpUnit unit = EP_UNIT_PERCENT;

  g_return_val_if_fail (indicator == NULL || EP_IS_INDICATOR (indicator), FALSE);
  if (indicator != NULL)
    unit = ep_indicator_get_unit (indicator);
  return ep_validate_value (unit, value, error);
}

/**
 * ep_validate_period:
 * @period: a period as the plan and the data name it
 *
 * A period starts with its four-digit year: "2024", or a school year
 * "2024-25" (or "2024-2025") whose second year follows the first. Text may
 * follow a single year ("2024 Fall").
 */
gboolean
ep_validate_period (const char *period,
                    GError    **error)
{
  int year = ep_period_year (period);
  const char *p;

  if (year < 0)
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("A period starts with its year, for example 2024-25 or 2025."));
      return FALSE;
    }
  p = period;
  while (*p == ' ')
    p++;
  p += 4;
  if (*p == '-' || *p == '/')
    {
      const char *second = p + 1;
      gsize digits = strspn (second, "0123456789");
      int next = (int) g_ascii_strtoll (second, NULL, 10);
      gboolean ok;

      if (digits == 2)
        ok = next == (year + 1) % 100;
      else if (digits == 4)
        ok = next == year + 1;
      else
        ok = FALSE;
      if (!ok || second[digits] != '\0')
        {
          g_set_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                       /* Translators: %d is a year and %02d the last two digits of the next one:
                        * "2024-25" */
                       _("A school year runs over two years that follow each other, for example %d-%02d."),
                       year, (year + 1) % 100);
          return FALSE;
        }
    }
  return TRUE;
}

/* A target is reached after the baseline was measured. */
gboolean
ep_validate_period_order (const char *baseline_period,
                          const char *target_period,
                          GError    **error)
{
  int b = ep_period_year (baseline_period);
  int t = ep_period_year (target_period);

  if (b < 0 || t < 0)
    return TRUE;   /* each period's own rule speaks for it */
  if (t <= b)
    {
      g_set_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_ORDER,
                   /* Translators: the first %s is the target period, the second the baseline
                    * period (such as 2024-25) */
                   _("The target period (%s) must come after the baseline period (%s)."),
                   target_period, baseline_period);
      return FALSE;
    }
  return TRUE;
}

gboolean
ep_validate_date_range (const GDate *start,
                        const GDate *end,
                        GError     **error)
{
  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end))
    return TRUE;
  if (g_date_compare (end, start) < 0)
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_ORDER,
                           _("The end date comes before the start date. An action ends on or after the day it starts."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ep_validate_school_id:
 * @district: the district the school is in
 * @id: the proposed id
 * @except: (nullable): the school being renamed, whose own id is fine
 *
 * An id is what the state or district calls the school: letters, digits,
 * "-", "_" and "." (it names the school's file in a shared folder), at most
 * 64 of them, and no other school of the district has it.
 */
gboolean
ep_validate_school_id (EpDistrict *district,
                       const char *id,
                       EpSchool   *except,
                       GError    **error)
{
  EpSchool *other;
  gsize len = id ? strlen (id) : 0;

  g_return_val_if_fail (EP_IS_DISTRICT (district), FALSE);
  if (len == 0)
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("A school needs an id, such as its state school code."));
      return FALSE;
    }
  if (len > 64 || strspn (id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") != len ||
      id[0] == '.')
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_INVALID,
                           _("An id has only letters, digits, “-”, “_” and “.” (not first), at most 64 of them."));
      return FALSE;
    }
  other = ep_district_find_school (district, id);
  if (other != NULL && other != except)
    {
      g_set_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_EXISTS,
                   /* Translators: %s is a school's id, the second %s its name */
                   _("The id “%s” is already used by %s. Choose another one."),
                   id, ep_school_get_name (other) ? ep_school_get_name (other) : id);
      return FALSE;
    }
  return TRUE;
}

gboolean
ep_validate_counts (gint64   numerator,
                    gint64   denominator,
                    GError **error)
{
  if (numerator < 0 || denominator < 0 || numerator > G_MAXUINT32 || denominator > G_MAXUINT32)
    {
      g_set_error_literal (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_OUT_OF_RANGE,
                           _("Counts of students are whole numbers, 0 or more."));
      return FALSE;
    }
  if (numerator > denominator)
    {
      g_set_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_ORDER,
                   /* Translators: "12 / 40": students with the outcome / students counted */
                   _("%" G_GINT64_FORMAT " students cannot have the outcome out of %" G_GINT64_FORMAT
                     " counted: the first number is part of the second."),
                   numerator, denominator);
      return FALSE;
    }
  return TRUE;
}

/**
 * ep_cycle_dates:
 * @cycle: a plan's cycle, such as "2025-26" or "2026"
 * @first: (out): the cycle's first day
 * @last: (out): its last day
 *
 * A school-year cycle runs from 1 July to 30 June; a single year from
 * 1 January to 31 December.
 *
 * Returns: whether @cycle names a period
 */
gboolean
ep_cycle_dates (const char *cycle,
                GDate      *first,
                GDate      *last)
{
  int year = ep_period_year (cycle);

  if (year < 1 || !ep_validate_period (cycle, NULL))
    return FALSE;
  if (strpbrk (cycle, "-/") != NULL)
    {
      g_date_set_dmy (first, 1, G_DATE_JULY, year);
      g_date_set_dmy (last, 30, G_DATE_JUNE, year + 1);
    }
  else
    {
      g_date_set_dmy (first, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (last, 31, G_DATE_DECEMBER, year);
    }
  return TRUE;
}

/* The school year a day falls in: 2026-12-04 → "2026-27". */
char *
ep_cycle_for_date (const GDate *date)
{
  int year = g_date_get_year (date);

  if (g_date_get_month (date) < G_DATE_JULY)
    year--;
  return g_strdup_printf ("%d-%02d", year, (year + 1) % 100);
}
