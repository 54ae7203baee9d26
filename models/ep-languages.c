/* ep-languages.c — the languages plans are translated into for families:
 * the most common home languages of English learners in the US and the
 * languages the app is translated into, each named in its own language, as
 * a family looking for theirs in a list would read it. The one table every
 * language chooser uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ep-languages.h"

#include <string.h>

/* Endonyms: not translated, on purpose. */
static const struct {
  const char *code;
  const char *native;
} languages[] = {
  { "es", "Español" },
  { "ar", "العربية" },
  { "zh-CN", "中文（简体）" },
  { "vi", "Tiếng Việt" },
  { "so", "Soomaali" },
  { "ht", "Kreyòl ayisyen" },
  { "pt", "Português" },
};

/**
 * ep_languages_get_n:
 *
 * Returns: how many languages the choosers offer
 */
guint
ep_languages_get_n (void)
{
  return G_N_ELEMENTS (languages);
}

/**
 * ep_languages_get_code:
 * @i: an index below ep_languages_get_n()
 *
 * Returns: (nullable): the language code ("es", "zh-CN"), %NULL out of range
 */
const char *
ep_languages_get_code (guint i)
{
  return i < G_N_ELEMENTS (languages) ? languages[i].code : NULL;
}

/**
 * ep_languages_get_native_name:
 * @i: an index below ep_languages_get_n()
 *
 * Returns: (nullable): the language's name in that language ("Español")
 */
const char *
ep_languages_get_native_name (guint i)
{
  return i < G_N_ELEMENTS (languages) ? languages[i].native : NULL;
}

/**
 * ep_languages_find:
 * @code: (nullable): a language code; "es-MX" or "es_MX" finds "es"
 *
 * Returns: the index of @code in the table, or -1
 */
int
ep_languages_find (const char *code)
{
  if (code == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (languages[i].code, code) == 0)
      return (int) i;
  /* "es-MX" falls back to "es"; "zh" and "zh_CN" find "zh-CN". */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gsize len = strcspn (languages[i].code, "-");
      gsize code_len = strcspn (code, "-_");
      if (len == code_len && g_ascii_strncasecmp (languages[i].code, code, len) == 0)
        return (int) i;
    }
  return -1;
}

/**
 * ep_language_native_name:
 * @code: (nullable): a language code
 *
 * Returns: (nullable): the language's name in that language, %NULL when it
 *   is not in the table
 */
const char *
ep_language_native_name (const char *code)
{
  int i = ep_languages_find (code);

  return i < 0 ? NULL : languages[i].native;
}
