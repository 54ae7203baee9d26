/* ep-xml.c — reading and writing .eqplan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is a libxml2 SAX2 push parser fed from a GInputStream in
 * chunks, so a 100 MB district loads without a DOM and with memory bounded
 * by the model it builds. It refuses any DOCTYPE (and with it every entity
 * declaration), never loads anything from the network or the disk, and
 * bounds nesting and text length. Errors name the file, line and column of
 * the element at fault.
 *
 * The writer produces canonical output: same model, same bytes.
 */
#define G_LOG_DOMAIN "ep-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "ep-indicator-private.h"
#include "ep-node-private.h"
#include "ep-plan-private.h"
#include "ep-xml.h"
#include "ep-xml-private.h"

G_DEFINE_QUARK (ep-xml-error-quark, ep_xml_error)

#define MAX_DEPTH        64        /* our own elements nest at most 6 deep */
#define MAX_KEPT_DEPTH   256       /* kept foreign content */
#define MAX_TEXT_LENGTH  (4 << 20) /* one text field, in bytes */
#define MAX_KEPT_LENGTH  (4 << 20) /* one kept foreign element, in bytes */
#define CHUNK_SIZE       (64 * 1024)

typedef enum {
  K_NONE,
  K_DISTRICT,
  K_PUBLICATION,
  K_GROUPS,
  K_GROUP,
  K_GLOSSARY,
  K_TERM,
  K_SCHOOL,
  K_INDICATOR,
  K_MEASUREMENTS,
  K_M,
  K_PLAN,
  K_PREREQUISITES,
  K_LISTENING,
  K_DECISION_STRUCTURE,
  K_CHAMPION,
  K_DIAGNOSIS,
  K_PROBLEM,
  K_IDEAS,
  K_IDEA,
  K_ACTIONS,
  K_ACTION,
  K_LOG,
  K_ENTRY,
  K_REFLECTION,
  K_TEXT,
} Kind;

/* Which element may stand in which, and what it is. */
static const struct {
  Kind        parent;
  const char *name;
  Kind        kind;
} structure[] = {
  { K_NONE, "district", K_DISTRICT },
  { K_DISTRICT, "publication", K_PUBLICATION },
  { K_DISTRICT, "groups", K_GROUPS },
  { K_GROUPS, "group", K_GROUP },
  { K_DISTRICT, "glossary", K_GLOSSARY },
  { K_GLOSSARY, "term", K_TERM },
  { K_DISTRICT, "school", K_SCHOOL },
  { K_SCHOOL, "indicator", K_INDICATOR },
  { K_INDICATOR, "measurements", K_MEASUREMENTS },
  { K_MEASUREMENTS, "m", K_M },
  { K_SCHOOL, "plan", K_PLAN },
  { K_PLAN, "prerequisites", K_PREREQUISITES },
  { K_PREREQUISITES, "listening-session", K_LISTENING },
  { K_PREREQUISITES, "decision-structure", K_DECISION_STRUCTURE },
  { K_PREREQUISITES, "champion", K_CHAMPION },
  { K_PLAN, "diagnosis", K_DIAGNOSIS },
  { K_DIAGNOSIS, "problem", K_PROBLEM },
  { K_PLAN, "ideas", K_IDEAS },
  { K_IDEAS, "idea", K_IDEA },
  { K_PLAN, "actions", K_ACTIONS },
  { K_ACTIONS, "action", K_ACTION },
  { K_PLAN, "log", K_LOG },
  { K_LOG, "entry", K_ENTRY },
  { K_PLAN, "reflection", K_REFLECTION },
};

/* Attributes of the plan's sections and of <publication>, and the plan or
 * district property each one sets. Record elements (group, term, school,
 * indicator, listening-session, champion, idea, action, entry) use their
 * class's field table instead: attribute name = property name. */
static const struct {
  Kind        kind;
  const char *xml;
  const char *property;
} attribute_map[] = {
  { K_DISTRICT, "id", "id" },
  { K_PUBLICATION, "min-n", "min-n" },
  { K_PUBLICATION, "min-cell", "min-cell" },
  { K_PUBLICATION, "suppression", "suppression" },
  { K_PUBLICATION, "complementary", "complementary" },
  { K_PUBLICATION, "top-code", "top-code" },
  { K_PUBLICATION, "bottom-code", "bottom-code" },
  { K_PUBLICATION, "marker", "marker" },
  { K_PUBLICATION, "risk-ratio-threshold", "risk-ratio-threshold" },
  { K_PUBLICATION, "risk-ratio-periods", "risk-ratio-periods" },
  { K_PLAN, "cycle", "cycle" },
  { K_PLAN, "phase", "phase" },
  { K_DIAGNOSIS, "focus", "focus" },
  { K_PROBLEM, "group", "problem-group" },
  { K_PROBLEM, "indicator", "problem-indicator" },
  { K_PROBLEM, "baseline", "baseline" },
  { K_PROBLEM, "baseline-period", "baseline-period" },
  { K_PROBLEM, "target", "target" },
  { K_PROBLEM, "target-period", "target-period" },
  { K_REFLECTION, "cause", "reflection-cause" },
  { K_REFLECTION, "decision", "reflection-decision" },
};

/* Text children of the district and the plan's sections. */
static const struct {
  Kind        kind;
  const char *xml;
  const char *property;
} text_map[] = {
  { K_DISTRICT, "name", "name" },
  { K_DECISION_STRUCTURE, "curriculum", "curriculum" },
  { K_DECISION_STRUCTURE, "budget", "budget" },
  { K_DECISION_STRUCTURE, "partnerships", "partnerships" },
  { K_DIAGNOSIS, "root-cause", "root-cause" },
  { K_PROBLEM, "statement", "statement" },
  { K_REFLECTION, "result", "reflection-result" },
  { K_REFLECTION, "lessons", "reflection-lessons" },
};

typedef struct {
  Kind        kind;
  GObject    *object;      /* borrowed: owned by the district tree */
  const char *property;    /* K_TEXT, K_ENTRY: the property the text sets */
  char       *lang;        /* K_TEXT: xml:lang */
  int         line;
  int         column;
  guint       expected;    /* K_MEASUREMENTS: the count hint */
  guint       seen;
} Frame;

typedef struct {
  xmlParserCtxtPtr  ctxt;
  const char       *display_name;
  GError           *error;
  EpDistrict       *district;
  GArray           *stack;        /* Frame */
  GString          *text;         /* text of the innermost text element */
  gboolean          collecting;
  gboolean          newer_minor;
  gboolean          saw_root;
  GHashTable       *group_ids;    /* the district's groups, for measurements */

  /* Keeping foreign content: the serialized subtree, and its depth. */
  GString          *kept;
  guint             kept_depth;
  GObject          *kept_owner;
  int               kept_line;
  int               kept_column;

  /* Current school, indicator and plan while reading them. */
  EpSchool         *school;
  EpIndicator      *indicator;
  EpPlan           *plan;
} Reader;

static gboolean
str_is_blank (const xmlChar *s,
              int            len)
{
  for (int i = 0; i < len; i++)
    if (!g_ascii_isspace (s[i]))
      return FALSE;
  return TRUE;
}

/* The position of the '<' that opened the element just reported: the
 * parser stands past its '>', and '<' cannot occur inside attribute values,
 * so the last '<' before the cursor opens it. */
static void
ctxt_start_position (xmlParserCtxtPtr ctxt,
                     int             *line,
                     int             *column)
{
  xmlParserInputPtr in = ctxt->input;
  const xmlChar *p;
  const xmlChar *lt = NULL;
  int l;

  *line = xmlSAX2GetLineNumber (ctxt);
  *column = xmlSAX2GetColumnNumber (ctxt);
  if (in == NULL || in->cur == NULL || in->base == NULL)
    return;

  for (p = in->cur; p > in->base; p--)
    if (p[-1] == '<')
      {
        lt = p - 1;
        break;
      }
  if (lt == NULL)
    return;

  l = in->line;
  for (p = lt; p < in->cur; p++)
    if (*p == '\n')
      l--;
  *line = l;

  for (p = lt; p > in->base && p[-1] != '\n'; p--)
    ;
  if (p == in->base && in->base != lt && l > 1 && p[0] != '\n' && p != lt)
    {
      /* The line began before the buffer: no reliable column. */
      *column = 0;
      return;
    }
  *column = (int) g_utf8_strlen ((const char *) p, lt - p) + 1;
}

static void
current_start_position (Reader *r,
                        int    *line,
                        int    *column)
{
  ctxt_start_position (r->ctxt, line, column);
}

static void reader_fail (Reader     *r,
                         int         line,
                         int         column,
                         EpXmlError  code,
                         const char *format,
                         ...) G_GNUC_PRINTF (5, 6);

static void
reader_fail (Reader     *r,
             int         line,
             int         column,
             EpXmlError  code,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && column > 0)
    g_set_error (&r->error, EP_XML_ERROR, code, "%s:%d:%d: %s", r->display_name, line, column, message);
  else if (line > 0)
    g_set_error (&r->error, EP_XML_ERROR, code, "%s:%d: %s", r->display_name, line, message);
  else
    g_set_error (&r->error, EP_XML_ERROR, code, "%s: %s", r->display_name, message);

  xmlStopParser (r->ctxt);
}

static Frame *
top (Reader *r)
{
  return r->stack->len ? &g_array_index (r->stack, Frame, r->stack->len - 1) : NULL;
}

static Frame *
push (Reader  *r,
      Kind     kind,
      GObject *object,
      int      line,
      int      column)
{
  Frame frame = { kind, object, NULL, NULL, line, column, 0, 0 };

  g_array_append_val (r->stack, frame);
  return &g_array_index (r->stack, Frame, r->stack->len - 1);
}

static const char *
element_label (Kind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (structure); i++)
    if (structure[i].kind == kind)
      return structure[i].name;
  return "?";
}

/* A copy of an attribute value (SAX2 gives pointers into the buffer). */
/* Without entity substitution (replaceEntities = 0) libxml2 hands "&amp;"
 * and "&#38;" in attribute values over as the five characters "&#38;", so
 * that the value could be written out again as is; every other reference
 * it resolves. A literal "&" cannot occur in a value, so "&#38;" always
 * stands for "&": turn it back, in place. */
static void
unescape_ampersands (char *value)
{
  char *in = strchr (value, '&');
  char *out = in;

  if (in == NULL)
    return;
  while (*in)
    {
      if (strncmp (in, "&#38;", 5) == 0)
        {
          *out++ = '&';
          in += 5;
        }
      else
        *out++ = *in++;
    }
  *out = '\0';
}

static char *
attr_value (const xmlChar **attrs,
            int             i)
{
  char *value = g_strndup ((const char *) attrs[i * 5 + 3], attrs[i * 5 + 4] - attrs[i * 5 + 3]);
  unescape_ampersands (value);
  return value;
}

static gboolean
is_record_kind (Kind kind)
{
  switch (kind)
    {
    case K_GROUP:
    case K_TERM:
    case K_SCHOOL:
    case K_INDICATOR:
    case K_LISTENING:
    case K_CHAMPION:
    case K_IDEA:
    case K_ACTION:
    case K_ENTRY:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Escapes for XML 1.0 text and attributes: characters XML cannot carry
 * become U+FFFD; CR, and tab/newline in attributes, survive as references. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t':
        case '\n':
          if (attribute)
            g_string_append_printf (out, "&#%d;", c);
          else
            g_string_append_c (out, (char) c);
          break;
        default:
          if (c < 0x20)
            g_string_append (out, "\xef\xbf\xbd");
          else if (c == 0xef && (guchar) p[1] == 0xbf && ((guchar) p[2] == 0xbe || (guchar) p[2] == 0xbf))
            {
              /* U+FFFE and U+FFFF are not XML characters. */
              g_string_append (out, "\xef\xbf\xbd");
              p += 2;
            }
          else
            g_string_append_c (out, (char) c);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Keeping what this version does not know                              */

static void
keep_start (Reader         *r,
            const xmlChar  *localname,
            const xmlChar  *prefix,
            const xmlChar  *uri,
            int             nb_attributes,
            const xmlChar **attrs)
{
  GString *k = r->kept;

  g_string_append_c (k, '<');
  if (prefix)
    g_string_append_printf (k, "%s:", prefix);
  g_string_append (k, (const char *) localname);

  /* Declare every namespace the element and its attributes use, on the
   * element itself: the kept copy stands alone wherever it is written. */
  if (uri)
    {
      if (prefix)
        g_string_append_printf (k, " xmlns:%s=\"", prefix);
      else
        g_string_append (k, " xmlns=\"");
      append_escaped (k, (const char *) uri, TRUE);
      g_string_append_c (k, '"');
    }
  else if (r->kept_depth > 0)
    g_string_append (k, " xmlns=\"\"");

  for (int i = 0; i < nb_attributes; i++)
    {
      g_autofree char *value = attr_value (attrs, i);
      const xmlChar *aprefix = attrs[i * 5 + 1];
      const xmlChar *auri = attrs[i * 5 + 2];

      if (aprefix && auri && strcmp ((const char *) aprefix, "xml") != 0 &&
          !(prefix && strcmp ((const char *) aprefix, (const char *) prefix) == 0))
        {
          g_string_append_printf (k, " xmlns:%s=\"", aprefix);
          append_escaped (k, (const char *) auri, TRUE);
          g_string_append_c (k, '"');
        }
      g_string_append_c (k, ' ');
      if (aprefix)
        g_string_append_printf (k, "%s:", aprefix);
      g_string_append_printf (k, "%s=\"", attrs[i * 5]);
      append_escaped (k, value, TRUE);
      g_string_append_c (k, '"');
    }
  g_string_append_c (k, '>');
}

static void
keep_end (Reader        *r,
          const xmlChar *localname,
          const xmlChar *prefix)
{
  g_string_append (r->kept, "</");
  if (prefix)
    g_string_append_printf (r->kept, "%s:", prefix);
  g_string_append_printf (r->kept, "%s>", localname);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                           */

static gboolean
set_property_from_attribute (Reader     *r,
                             GObject    *object,
                             const char *property,
                             const char *xml_name,
                             const char *value,
                             int         line,
                             int         column)
{
  const EpField *field = ep_node_class_find_field (G_OBJECT_TYPE (object), property);
  g_autoptr(GError) local = NULL;

  g_assert (field != NULL);

  /* A baseline or target that is given is a baseline or target that is set. */
  if (EP_IS_PLAN (object) && (g_str_equal (property, "baseline") || g_str_equal (property, "target")))
    {
      double number;

      if (!ep_parse_number (value, &number))
        {
          reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                       _("the %s “%s” is not a number (write it like 30 or 30.5)"), xml_name, value);
          return FALSE;
        }
      if (g_str_equal (property, "baseline"))
        ep_plan_set_baseline (EP_PLAN (object), number);
      else
        ep_plan_set_target (EP_PLAN (object), number);
      return TRUE;
    }

  if (!ep_node_set_field_from_string (object, field, value, &local))
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("the attribute %s of <%s> is wrong: %s"), xml_name,
                   top (r) ? element_label (top (r)->kind) : "?", local->message);
      return FALSE;
    }
  return TRUE;
}

static const char *
mapped_property (Kind        kind,
                 const char *xml)
{
  for (guint i = 0; i < G_N_ELEMENTS (attribute_map); i++)
    if (attribute_map[i].kind == kind && strcmp (attribute_map[i].xml, xml) == 0)
      return attribute_map[i].property;
  return NULL;
}

static gboolean
apply_attributes (Reader         *r,
                  Frame          *frame,
                  int             nb_attributes,
                  const xmlChar **attrs)
{
  GType type = frame->object ? G_OBJECT_TYPE (frame->object) : G_TYPE_INVALID;

  for (int i = 0; i < nb_attributes; i++)
    {
      const char *name = (const char *) attrs[i * 5];
      const char *auri = (const char *) attrs[i * 5 + 2];
      g_autofree char *value = attr_value (attrs, i);
      const char *property = NULL;

      if (auri != NULL)
        {
          if (strcmp (auri, (const char *) XML_XML_NAMESPACE) == 0 && frame->kind == K_DISTRICT &&
              strcmp (name, "lang") == 0)
            {
              ep_district_set_language (r->district, value);
              continue;
            }
          /* Attributes of other vocabularies are kept as they are. */
          if (frame->object)
            {
              g_autofree char *qname = g_strdup_printf ("%s:%s", attrs[i * 5 + 1], name);
              ep_node_add_foreign_attribute (frame->object, qname, auri, value);
            }
          continue;
        }

      if (frame->kind == K_DISTRICT && strcmp (name, "version") == 0)
        continue;
      if (frame->kind == K_MEASUREMENTS && strcmp (name, "count") == 0)
        continue;

      if (is_record_kind (frame->kind))
        {
          const EpField *f = ep_node_class_find_field (type, name);
          if (f != NULL && f->type != EP_FIELD_TEXT && !f->no_xml)
            property = name;
        }
      else
        property = mapped_property (frame->kind, name);

      if (property == NULL)
        {
          if (r->newer_minor && frame->object)
            {
              ep_node_add_foreign_attribute (frame->object, name, NULL, value);
              continue;
            }
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                       _("<%s> has an attribute “%s” that this format does not know"),
                       element_label (frame->kind), name);
          return FALSE;
        }

      if (!set_property_from_attribute (r, frame->object, property, name, value,
                                        frame->line, frame->column))
        return FALSE;
    }

  /* Required attributes. */
  if (is_record_kind (frame->kind))
    {
      guint n;
      const EpField *fields = ep_node_class_get_fields (type, &n);

      for (guint i = 0; i < n; i++)
        {
          const EpField *f = &fields[i];
          gboolean present = FALSE;

          if (!f->required || f->type == EP_FIELD_TEXT)
            continue;
          /* An empty value (id="") is no value: the model stores it as
           * NULL, and an id must be there to be looked up. */
          for (int j = 0; j < nb_attributes && !present; j++)
            present = attrs[j * 5 + 2] == NULL && strcmp ((const char *) attrs[j * 5], f->name) == 0 &&
                      attrs[j * 5 + 4] > attrs[j * 5 + 3];
          if (!present)
            {
              reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                           _("<%s> needs the attribute %s"), element_label (frame->kind), f->name);
              return FALSE;
            }
        }
    }
  if (frame->kind == K_PLAN && ep_plan_get_cycle (EP_PLAN (frame->object)) == NULL)
    {
      reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                   _("<plan> needs a cycle attribute, such as cycle=\"2025-26\""));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Measurements                                                         */

static gboolean
parse_count (Reader     *r,
             const char *name,
             const char *text,
             guint32    *out,
             int         line,
             int         column)
{
  double v;

  if (!ep_parse_number (text, &v))
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("%s=\"%s\" is not a number; counts are whole numbers like 12"), name, text);
      return FALSE;
    }
  if (v < 0)
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("%s=\"%s\": counts cannot be negative"), name, text);
      return FALSE;
    }
  /* Range first: converting a double beyond the integer's range (1e300) to
   * an integer is undefined behaviour. */
  if (v > G_MAXUINT32 || v != (double) (guint32) v)
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("%s=\"%s\": counts are whole numbers of students"), name, text);
      return FALSE;
    }
  *out = (guint32) v;
  return TRUE;
}

/* A plain count of digits, the common case, without a copy. */
static gboolean
span_to_count (const xmlChar *p,
               const xmlChar *end,
               guint32       *out)
{
  guint64 v = 0;

  if (p == end || end - p > 10)
    return FALSE;
  for (; p < end; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      v = v * 10 + (*p - '0');
    }
  if (v > G_MAXUINT32)
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

/* Measurements are most of a district file: their attributes are read in
 * place, with no allocation in the common case. */
static void
read_measurement (Reader         *r,
                  int             nb_attributes,
                  const xmlChar **attrs,
                  int             line,
                  int             column)
{
  EpMeasurement m = { 0 };
  char group[EP_MEASUREMENT_MAX_LENGTH + 1], period[EP_MEASUREMENT_MAX_LENGTH + 1];
  char marker[EP_MEASUREMENT_MAX_LENGTH + 1];
  g_autoptr(GError) local = NULL;

  group[0] = period[0] = marker[0] = '\0';

  for (int i = 0; i < nb_attributes; i++)
    {
      const char *name = (const char *) attrs[i * 5];
      const xmlChar *value = attrs[i * 5 + 3];
      const xmlChar *end = attrs[i * 5 + 4];
      gsize len = end - value;
      char *copy_to = NULL;

      if (attrs[i * 5 + 2] != NULL)
        continue;  /* measurements carry no foreign attributes; ignore them */

      switch (name[0])
        {
        case 'g':
          if (strcmp (name, "group") == 0)
            copy_to = group;
          break;
        case 'p':
          if (strcmp (name, "period") == 0)
            copy_to = period;
          break;
        case 's':
          if (strcmp (name, "suppressed") == 0)
            {
              copy_to = marker;
              m.flags |= EP_MEASUREMENT_SUPPRESSED;
            }
          break;
        case 'n':
          if (name[1] == '\0')
            {
              m.flags |= EP_MEASUREMENT_HAS_N;
              if (span_to_count (value, end, &m.n))
                continue;
            }
          else if (strcmp (name, "num") == 0)
            {
              m.flags |= EP_MEASUREMENT_HAS_NUMERATOR;
              if (span_to_count (value, end, &m.numerator))
                continue;
            }
          break;
        case 'd':
          if (strcmp (name, "den") == 0)
            {
              m.flags |= EP_MEASUREMENT_HAS_DENOMINATOR;
              if (span_to_count (value, end, &m.denominator))
                continue;
            }
          break;
        default:
          break;
        }

      if (copy_to != NULL)
        {
          if (len >= sizeof group)
            {
              reader_fail (r, line, column, EP_XML_ERROR_TOO_LARGE,
                           _("the %s of this measurement is longer than %u characters"),
                           name, (guint) sizeof group - 1);
              return;
            }
          memcpy (copy_to, value, len);
          copy_to[len] = '\0';
          unescape_ampersands (copy_to);
          continue;
        }

      /* The rare and the wrong: copy, then parse with full checks. */
      {
        g_autofree char *text = attr_value (attrs, i);

        if (strcmp (name, "num") == 0)
          {
            if (!parse_count (r, name, text, &m.numerator, line, column))
              return;
          }
        else if (strcmp (name, "den") == 0)
          {
            if (!parse_count (r, name, text, &m.denominator, line, column))
              return;
          }
        else if (strcmp (name, "n") == 0)
          {
            if (!parse_count (r, name, text, &m.n, line, column))
              return;
          }
        else if (strcmp (name, "value") == 0)
          {
            if (!ep_parse_number (text, &m.value))
              {
                reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                             _("value=\"%s\" is not a number (write it like 231.5, with a point)"),
                             text);
                return;
              }
            m.flags |= EP_MEASUREMENT_HAS_VALUE;
          }
        else if (!r->newer_minor)
          {
            reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                         _("<m> has an attribute “%s” that this format does not know"), name);
            return;
          }
      }
    }

  if (group[0] == '\0' || period[0] == '\0')
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("a measurement needs both a group and a period attribute"));
      return;
    }
  if (!g_hash_table_contains (r->group_ids, group))
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("the measurement is for group “%s”, which the district does not define; "
                     "add it to <groups>"), group);
      return;
    }

  m.group = group;
  m.period = period;
  m.marker = (m.flags & EP_MEASUREMENT_SUPPRESSED) ? marker : NULL;
  if (!ep_indicator_load_append (r->indicator, &m, &local))
    reader_fail (r, line, column, EP_XML_ERROR_INVALID, "%s", local->message);
}

/* ------------------------------------------------------------------ */
/* SAX callbacks                                                        */

static Kind
child_kind (Kind        parent,
            const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (structure); i++)
    if (structure[i].parent == parent && strcmp (structure[i].name, name) == 0)
      return structure[i].kind;
  return K_NONE;
}

static const char *
text_property (Frame      *parent,
               const char *name)
{
  if (is_record_kind (parent->kind) && parent->kind != K_ENTRY)
    {
      const EpField *f = ep_node_class_find_field (G_OBJECT_TYPE (parent->object), name);
      return f != NULL && f->type == EP_FIELD_TEXT ? f->name : NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_map); i++)
    if (text_map[i].kind == parent->kind && strcmp (text_map[i].xml, name) == 0)
      return text_map[i].property;
  return NULL;
}

static gboolean
check_version (Reader         *r,
               int             nb_attributes,
               const xmlChar **attrs,
               int             line,
               int             column)
{
  g_autofree char *version = NULL;
  guint64 major, minor;
  char *end;

  for (int i = 0; i < nb_attributes; i++)
    if (attrs[i * 5 + 2] == NULL && strcmp ((const char *) attrs[i * 5], "version") == 0)
      version = attr_value (attrs, i);

  if (version == NULL)
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("<district> needs a version attribute, such as version=\"1.0\""));
      return FALSE;
    }
  major = g_ascii_strtoull (version, &end, 10);
  if (end == version || *end != '.' || !g_ascii_isdigit (end[1]))
    goto bad;
  minor = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0')
    goto bad;

  if (major > EP_XML_VERSION_MAJOR)
    {
      reader_fail (r, line, column, EP_XML_ERROR_NEWER_VERSION,
                   _("this file uses version %s of the plan format, made by a newer Equity "
                     "Planner; this version reads version %d.x. Update Equity Planner to "
                     "open it"), version, EP_XML_VERSION_MAJOR);
      return FALSE;
    }
  if (major < 1)
    goto bad;
  r->newer_minor = minor > EP_XML_VERSION_MINOR;
  if (r->newer_minor)
    {
      /* What is kept from a newer minor version is written back under that
       * version, so that a reader of this version does not take it for typos. */
      g_object_set_data (G_OBJECT (r->district), "ep-xml-minor", GUINT_TO_POINTER ((guint) MIN (minor, G_MAXUINT16)));
    }
  return TRUE;

bad:
  reader_fail (r, line, column, EP_XML_ERROR_INVALID,
               _("version=\"%s\" is not a format version like 1.0"), version);
  return FALSE;
}

static gboolean
create_object (Reader *r,
               Frame  *parent,
               Kind    kind,
               Frame **frame_out,
               int     line,
               int     column)
{
  GObject *object = NULL;

  switch (kind)
    {
    case K_DISTRICT:
      object = G_OBJECT (r->district);
      break;
    case K_PUBLICATION:
      object = G_OBJECT (r->district);
      break;
    case K_GROUP:
      object = G_OBJECT (ep_student_group_new ());
      break;
    case K_TERM:
      object = G_OBJECT (ep_glossary_term_new ());
      break;
    case K_SCHOOL:
      object = g_object_new (EP_TYPE_SCHOOL, NULL);
      r->school = EP_SCHOOL (object);
      break;
    case K_INDICATOR:
      object = g_object_new (EP_TYPE_INDICATOR, NULL);
      r->indicator = EP_INDICATOR (object);
      break;
    case K_PLAN:
      object = g_object_new (EP_TYPE_PLAN, NULL);
      r->plan = EP_PLAN (object);
      break;
    case K_LISTENING:
      object = G_OBJECT (ep_listening_session_new ());
      break;
    case K_CHAMPION:
      object = G_OBJECT (ep_champion_new ());
      break;
    case K_IDEA:
      object = G_OBJECT (ep_idea_new ());
      break;
    case K_ACTION:
      object = G_OBJECT (ep_intervention_new ());
      break;
    case K_ENTRY:
      object = G_OBJECT (ep_log_entry_new ());
      break;
    case K_PREREQUISITES:
    case K_DECISION_STRUCTURE:
    case K_DIAGNOSIS:
    case K_PROBLEM:
    case K_IDEAS:
    case K_ACTIONS:
    case K_LOG:
    case K_REFLECTION:
      object = G_OBJECT (r->plan);
      break;
    case K_MEASUREMENTS:
      object = G_OBJECT (r->indicator);
      break;
    case K_GROUPS:
    case K_GLOSSARY:
      object = G_OBJECT (r->district);
      break;
    default:
      object = NULL;
      break;
    }

  /* New records are owned by the frame until their end tag adds them. */
  *frame_out = push (r, kind, object, line, column);
  return TRUE;
}

static void
start_element (void           *ctx,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             nb_namespaces,
               const xmlChar **namespaces,
               int             nb_attributes,
               int             nb_defaulted,
               const xmlChar **attrs)
{
  Reader *r = ctx;
  Frame *parent = top (r);
  Frame *frame;
  const char *name = (const char *) localname;
  gboolean ours = uri != NULL && strcmp ((const char *) uri, EP_XML_NAMESPACE) == 0;
  const char *property;
  int line, column;
  Kind kind;

  if (r->error)
    return;

  if (r->kept_depth > 0)
    {
      if (++r->kept_depth > MAX_KEPT_DEPTH)
        {
          reader_fail (r, r->kept_line, r->kept_column, EP_XML_ERROR_TOO_LARGE,
                       _("content nests more than %d levels deep"), MAX_KEPT_DEPTH);
          return;
        }
      keep_start (r, localname, prefix, uri, nb_attributes, attrs);
      return;
    }

  current_start_position (r, &line, &column);

  if (r->stack->len >= MAX_DEPTH)
    {
      reader_fail (r, line, column, EP_XML_ERROR_TOO_LARGE,
                   _("elements nest more than %d levels deep"), MAX_DEPTH);
      return;
    }

  if (parent == NULL)
    {
      if (!ours || strcmp (name, "district") != 0)
        {
          reader_fail (r, line, column, EP_XML_ERROR_NOT_EQPLAN,
                       _("this is not an Equity Planner file: it starts with <%s>%s%s, not "
                         "<district> in the namespace %s"),
                       name, uri ? _(" in the namespace ") : "", uri ? (const char *) uri : "",
                       EP_XML_NAMESPACE);
          return;
        }
      r->saw_root = TRUE;
      if (!check_version (r, nb_attributes, attrs, line, column))
        return;
      create_object (r, NULL, K_DISTRICT, &frame, line, column);
      apply_attributes (r, frame, nb_attributes, attrs);
      return;
    }

  if (parent->kind == K_TEXT || parent->kind == K_ENTRY || parent->kind == K_M)
    {
      reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                   _("<%s> cannot contain other elements such as <%s>"),
                   parent->kind == K_TEXT ? parent->property : element_label (parent->kind), name);
      return;
    }

  kind = ours ? child_kind (parent->kind, name) : K_NONE;
  property = ours && kind == K_NONE ? text_property (parent, name) : NULL;

  if (kind == K_NONE && property == NULL)
    {
      if (ours && !r->newer_minor)
        {
          reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                       _("<%s> cannot contain <%s>; check the spelling, or open the file with "
                         "the Equity Planner that wrote it"),
                       element_label (parent->kind), name);
          return;
        }
      if (parent->object == NULL)
        {
          reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                       _("<%s> cannot contain <%s>"), element_label (parent->kind), name);
          return;
        }
      /* Another vocabulary's element, or one from a newer version of
       * ours: keep it as it is and write it back. */
      r->kept_depth = 1;
      r->kept_owner = parent->object;
      r->kept_line = line;
      r->kept_column = column;
      g_string_truncate (r->kept, 0);
      keep_start (r, localname, prefix, uri, nb_attributes, attrs);
      return;
    }

  if (property != NULL)
    {
      frame = push (r, K_TEXT, parent->object, line, column);
      frame->property = property;
      for (int i = 0; i < nb_attributes; i++)
        {
          const xmlChar *auri = attrs[i * 5 + 2];

          if (auri && strcmp ((const char *) auri, (const char *) XML_XML_NAMESPACE) == 0 &&
              strcmp ((const char *) attrs[i * 5], "lang") == 0)
            {
              frame->lang = attr_value (attrs, i);
              /* xml:lang="" says "no language": the text itself, not a
               * translation (which needs a language). */
              if (frame->lang[0] == '\0')
                g_clear_pointer (&frame->lang, g_free);
            }
          else if (!r->newer_minor && auri == NULL)
            {
              reader_fail (r, line, column, EP_XML_ERROR_INVALID,
                           _("<%s> has an attribute “%s” that this format does not know"),
                           name, attrs[i * 5]);
              return;
            }
        }
      g_string_truncate (r->text, 0);
      r->collecting = TRUE;
      return;
    }

  if (kind == K_M)
    {
      push (r, K_M, NULL, line, column);
      parent->seen++;
      read_measurement (r, nb_attributes, attrs, line, column);
      return;
    }

  create_object (r, parent, kind, &frame, line, column);

  if (kind == K_MEASUREMENTS)
    {
      for (int i = 0; i < nb_attributes; i++)
        if (attrs[i * 5 + 2] == NULL && strcmp ((const char *) attrs[i * 5], "count") == 0)
          {
            g_autofree char *value = attr_value (attrs, i);
            guint32 count;

            if (!parse_count (r, "count", value, &count, line, column))
              return;
            frame->expected = count;
            /* A hint, bounded so that a hostile count cannot make us
             * allocate more than the file could hold. */
            ep_indicator_reserve (r->indicator, MIN (count, 1u << 20));
          }
    }

  if (!apply_attributes (r, frame, nb_attributes, attrs))
    return;

  if (kind == K_ENTRY)
    {
      frame->property = "text";
      g_string_truncate (r->text, 0);
      r->collecting = TRUE;
    }
}

static gboolean
add_record (Reader *r,
            Frame  *frame,
            Frame  *parent)
{
  g_autoptr(GObject) object = frame->object;  /* the frame owned it */
  g_autoptr(GError) local = NULL;

  switch (frame->kind)
    {
    case K_GROUP:
      if (ep_district_find_group (r->district, ep_student_group_get_id (EP_STUDENT_GROUP (object))))
        {
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                       _("there is already a group with the id “%s”"),
                       ep_student_group_get_id (EP_STUDENT_GROUP (object)));
          return FALSE;
        }
      ep_district_add_group (r->district, EP_STUDENT_GROUP (object));
      g_hash_table_add (r->group_ids, g_strdup (ep_student_group_get_id (EP_STUDENT_GROUP (object))));
      break;

    case K_TERM:
      if (ep_district_find_term (r->district, ep_glossary_term_get_id (EP_GLOSSARY_TERM (object))))
        {
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                       _("there is already a glossary term with the id “%s”"),
                       ep_glossary_term_get_id (EP_GLOSSARY_TERM (object)));
          return FALSE;
        }
      ep_district_add_term (r->district, EP_GLOSSARY_TERM (object));
      break;

    case K_SCHOOL:
      r->school = NULL;
      if (!ep_district_add_school (r->district, EP_SCHOOL (object), &local))
        {
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID, "%s", local->message);
          return FALSE;
        }
      break;

    case K_INDICATOR:
      r->indicator = NULL;
      if (ep_school_find_indicator (EP_SCHOOL (parent->object),
                                    ep_indicator_get_id (EP_INDICATOR (object))))
        {
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                       _("this school already has an indicator with the id “%s”"),
                       ep_indicator_get_id (EP_INDICATOR (object)));
          return FALSE;
        }
      ep_school_add_indicator (EP_SCHOOL (parent->object), EP_INDICATOR (object));
      break;

    case K_PLAN:
      {
        EpPlan *plan = EP_PLAN (object);
        const char *group = ep_plan_get_problem_group (plan);
        const char *indicator = ep_plan_get_problem_indicator (plan);

        r->plan = NULL;
        if (ep_school_find_plan (EP_SCHOOL (parent->object), ep_plan_get_cycle (plan)))
          {
            reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                         _("this school already has a plan for the cycle “%s”"),
                         ep_plan_get_cycle (plan));
            return FALSE;
          }
        if (group != NULL && ep_district_find_group (r->district, group) == NULL)
          {
            reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                         _("the problem statement names group “%s”, which the district does "
                           "not define"), group);
            return FALSE;
          }
        if (indicator != NULL && ep_school_find_indicator (EP_SCHOOL (parent->object), indicator) == NULL)
          {
            reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                         _("the problem statement names indicator “%s”, which this school does "
                           "not have"), indicator);
            return FALSE;
          }
        ep_school_add_plan (EP_SCHOOL (parent->object), plan);
      }
      break;

    case K_IDEA:
      if (ep_plan_find_idea (r->plan, ep_idea_get_id (EP_IDEA (object))))
        {
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                       _("there is already an idea with the id “%s” in this plan"),
                       ep_idea_get_id (EP_IDEA (object)));
          return FALSE;
        }
      ep_plan_add (r->plan, object);
      break;

    case K_ACTION:
      if (ep_plan_find_intervention (r->plan, ep_intervention_get_id (EP_INTERVENTION (object))))
        {
          reader_fail (r, frame->line, frame->column, EP_XML_ERROR_INVALID,
                       _("there is already an action with the id “%s” in this plan"),
                       ep_intervention_get_id (EP_INTERVENTION (object)));
          return FALSE;
        }
      ep_plan_add (r->plan, object);
      break;

    case K_LISTENING:
    case K_CHAMPION:
    case K_ENTRY:
      ep_plan_add (r->plan, object);
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static void
end_element (void          *ctx,
             const xmlChar *localname,
             const xmlChar *prefix,
             const xmlChar *uri)
{
  Reader *r = ctx;
  Frame frame;
  Frame *parent;

  if (r->error)
    return;

  if (r->kept_depth > 0)
    {
      keep_end (r, localname, prefix);
      if (--r->kept_depth == 0)
        ep_node_add_foreign_element (r->kept_owner, r->kept->str);
      return;
    }

  g_assert (r->stack->len > 0);
  frame = *top (r);
  g_array_set_size (r->stack, r->stack->len - 1);
  parent = top (r);

  switch (frame.kind)
    {
    case K_TEXT:
      r->collecting = FALSE;
      if (frame.lang != NULL)
        ep_node_set_translation (frame.object, frame.property, frame.lang, r->text->str);
      else
        g_object_set (frame.object, frame.property, r->text->str, NULL);
      g_free (frame.lang);
      break;

    case K_ENTRY:
      r->collecting = FALSE;
      ep_log_entry_set_text (EP_LOG_ENTRY (frame.object), r->text->str);
      add_record (r, &frame, parent);
      break;

    case K_MEASUREMENTS:
      {
        g_autoptr(GError) local = NULL;

        if (frame.expected != frame.seen && frame.expected != 0)
          {
            reader_fail (r, frame.line, frame.column, EP_XML_ERROR_INVALID,
                         g_dngettext (GETTEXT_PACKAGE, "<measurements> says count=\"%u\" but holds %u measurement; "
                                   "the file may have been cut short or edited by hand",
                                   "<measurements> says count=\"%u\" but holds %u measurements; "
                                   "the file may have been cut short or edited by hand",
                                   frame.seen),
                         frame.expected, frame.seen);
            return;
          }
        if (!ep_indicator_load_finish (r->indicator, &local))
          reader_fail (r, frame.line, frame.column, EP_XML_ERROR_INVALID, "%s", local->message);
      }
      break;

    case K_GROUP:
    case K_TERM:
    case K_SCHOOL:
    case K_INDICATOR:
    case K_PLAN:
    case K_LISTENING:
    case K_CHAMPION:
    case K_IDEA:
    case K_ACTION:
      add_record (r, &frame, parent);
      break;

    default:
      break;
    }
}

static void
characters (void          *ctx,
            const xmlChar *ch,
            int            len)
{
  Reader *r = ctx;

  if (r->error)
    return;

  if (r->kept_depth > 0)
    {
      g_autofree char *text = g_strndup ((const char *) ch, len);

      if (r->kept->len + len > MAX_KEPT_LENGTH)
        {
          reader_fail (r, r->kept_line, r->kept_column, EP_XML_ERROR_TOO_LARGE,
                       _("an element of another program is larger than %d MB"), MAX_KEPT_LENGTH >> 20);
          return;
        }
      append_escaped (r->kept, text, FALSE);
      return;
    }

  if (r->collecting)
    {
      if (r->text->len + len > MAX_TEXT_LENGTH)
        {
          Frame *f = top (r);
          reader_fail (r, f ? f->line : 0, f ? f->column : 0, EP_XML_ERROR_TOO_LARGE,
                       _("this text is longer than %d MB; plans hold short texts"),
                       MAX_TEXT_LENGTH >> 20);
          return;
        }
      g_string_append_len (r->text, (const char *) ch, len);
      return;
    }

  if (!str_is_blank (ch, len))
    {
      Frame *f = top (r);

      reader_fail (r, xmlSAX2GetLineNumber (r->ctxt), xmlSAX2GetColumnNumber (r->ctxt),
                   EP_XML_ERROR_INVALID,
                   _("text is not allowed directly inside <%s>"),
                   f ? element_label (f->kind) : "document");
    }
}

static void
internal_subset (void          *ctx,
                 const xmlChar *name,
                 const xmlChar *external_id,
                 const xmlChar *system_id)
{
  Reader *r = ctx;

  reader_fail (r, xmlSAX2GetLineNumber (r->ctxt), xmlSAX2GetColumnNumber (r->ctxt),
               EP_XML_ERROR_FORBIDDEN,
               _("the file has a DOCTYPE declaration; plan files never need one, and it can "
                 "hide entities that read other files or expand without end, so the file "
                 "was not read"));
}

static xmlEntityPtr
get_entity (void          *ctx,
            const xmlChar *name)
{
  Reader *r = ctx;

  /* Only the five predefined entities exist; libxml2 resolves those itself. */
  reader_fail (r, xmlSAX2GetLineNumber (r->ctxt), xmlSAX2GetColumnNumber (r->ctxt),
               EP_XML_ERROR_FORBIDDEN,
               _("the entity &%s; is not allowed; write the character itself"), name);
  return NULL;
}

static void
processing_instruction (void          *ctx,
                        const xmlChar *target,
                        const xmlChar *data)
{
  /* Processing instructions (such as xml-stylesheet) are ignored. */
}

static void
structured_error (void        *ctx,
                  xmlErrorPtr  err)
{
  Reader *r = ctx;
  g_autofree char *message = NULL;
  EpXmlError code = EP_XML_ERROR_MALFORMED;
  int line, column;

  if (err == NULL || err->level < XML_ERR_ERROR || r->error != NULL)
    return;

  message = g_strstrip (g_strdup (err->message ? err->message : "unknown error"));
  /* Every message names a line and column, the start of the file at least. */
  line = MAX (err->line, 1);
  column = MAX (err->int2, 1);
  if (err->code == XML_ERR_UNKNOWN_ENCODING || err->code == XML_ERR_UNSUPPORTED_ENCODING)
    {
      reader_fail (r, line, column, code,
                   _("the file declares a text encoding this program does not know (%s)"), message);
      return;
    }
  if (r->stack->len == 0 && !r->saw_root)
    {
      reader_fail (r, line, column, EP_XML_ERROR_MALFORMED,
                   _("the file is empty or is not XML text; is it an Equity Planner plan file?"));
      return;
    }
  if (strstr (message, "UTF-8") != NULL || err->code == XML_ERR_INVALID_ENCODING)
    {
      reader_fail (r, line, column, code,
                   _("the file has bytes here that are not UTF-8 text; it may be damaged, or "
                     "saved in another encoding by another program"));
      return;
    }
  if (err->code == XML_ERR_INVALID_CHAR)
    {
      reader_fail (r, line, column, code,
                   _("the file holds a character that XML files cannot carry (%s)"), message);
      return;
    }
  if (err->code == XML_ERR_DOCUMENT_END || err->code == XML_ERR_LTSLASH_REQUIRED ||
      err->code == XML_ERR_TAG_NOT_FINISHED || err->code == XML_ERR_GT_REQUIRED)
    {
      reader_fail (r, line, column, code,
                   _("the file breaks off before its end; it may have been cut short while "
                     "copying"));
      return;
    }
  if (err->code == XML_ERR_INTERNAL_ERROR && strstr (message, "depth") != NULL)
    code = EP_XML_ERROR_TOO_LARGE;
  reader_fail (r, line, column, code, _("this is not well-formed XML: %s"), message);
}

static void
reader_clear (Reader *r)
{
  /* Records still on the stack were owned by their frames. */
  for (guint i = 0; r->stack && i < r->stack->len; i++)
    {
      Frame *f = &g_array_index (r->stack, Frame, i);

      switch (f->kind)
        {
        case K_GROUP: case K_TERM: case K_SCHOOL: case K_INDICATOR: case K_PLAN:
        case K_LISTENING: case K_CHAMPION: case K_IDEA: case K_ACTION: case K_ENTRY:
          g_clear_object (&f->object);
          break;
        case K_TEXT:
          g_clear_pointer (&f->lang, g_free);
          break;
        default:
          break;
        }
    }
  g_clear_pointer (&r->stack, g_array_unref);
  g_clear_pointer (&r->group_ids, g_hash_table_unref);
  if (r->text)
    g_string_free (r->text, TRUE);
  if (r->kept)
    g_string_free (r->kept, TRUE);
  if (r->ctxt)
    xmlFreeParserCtxt (r->ctxt);
  g_clear_object (&r->district);
  g_clear_error (&r->error);
}

/**
 * ep_xml_read_stream:
 * @display_name: how messages name the file (e.g. its path)
 *
 * Reads a district from @stream.
 *
 * Returns: (transfer full): the district, or %NULL with @error set; the
 *   message starts with "DISPLAY_NAME:LINE:COLUMN: "
 */
static EpDistrict *read_stream (GInputStream  *stream,
                                 const char    *display_name,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* libxml2 also reports some errors without a parser context (encoding
 * conversion: "xmlParseChunk: encoder error"), through its generic error
 * function, which prints to stderr. Our messages come from the structured
 * errors; these are dropped. */
static void
silent_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

EpDistrict *
ep_xml_read_stream (GInputStream  *stream,
                    const char    *display_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  xmlGenericErrorFunc old_handler = xmlGenericError;
  void *old_context = xmlGenericErrorContext;
  EpDistrict *district;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  /* Per thread in libxml2: restored before returning. */
  xmlSetGenericErrorFunc (NULL, silent_generic_error);
  district = read_stream (stream, display_name, cancellable, error);
  xmlSetGenericErrorFunc (old_context, old_handler);
  return district;
}

static EpDistrict *
read_stream (GInputStream  *stream,
             const char    *display_name,
             GCancellable  *cancellable,
             GError       **error)
{
  xmlSAXHandler sax;
  Reader r = { 0 };
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  gboolean started = FALSE;
  gboolean got_any = FALSE;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  sax.endElementNs = end_element;
  sax.characters = characters;
  sax.cdataBlock = characters;
  sax.internalSubset = internal_subset;
  sax.getEntity = get_entity;
  sax.processingInstruction = processing_instruction;
  sax.serror = structured_error;

  r.display_name = display_name ? display_name : "(stream)";
  r.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  r.text = g_string_new (NULL);
  r.kept = g_string_new (NULL);
  r.group_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.district = g_object_new (EP_TYPE_DISTRICT, NULL);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, error);

      if (n < 0)
        {
          g_prefix_error (error, "%s: ", r.display_name);
          reader_clear (&r);
          return NULL;
        }
      if (!started)
        {
          if (n == 0)
            break;
          r.ctxt = xmlCreatePushParserCtxt (&sax, &r, (const char *) buffer, (int) n, NULL);
          if (r.ctxt == NULL)
            {
              g_set_error (error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                           "%s: %s", r.display_name, _("could not start the XML parser"));
              reader_clear (&r);
              return NULL;
            }
          /* No network, no DTD loading, no entity substitution, no XInclude;
           * libxml2's own limits on depth and text length stay on. */
          xmlCtxtUseOptions (r.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
          r.ctxt->replaceEntities = 0;
          r.ctxt->loadsubset = 0;
          r.ctxt->validate = 0;
          started = TRUE;
          got_any = TRUE;
          if (xmlParseChunk (r.ctxt, NULL, 0, 0) != 0 && r.error == NULL)
            structured_error (&r, xmlCtxtGetLastError (r.ctxt));
        }
      else if (xmlParseChunk (r.ctxt, (const char *) buffer, (int) n, n == 0) != 0 && r.error == NULL)
        structured_error (&r, xmlCtxtGetLastError (r.ctxt));

      if (r.error != NULL || n == 0)
        break;
    }

  if (r.error == NULL && !got_any)
    g_set_error (&r.error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                 "%s:1:1: %s", r.display_name, _("the file is empty"));
  if (r.error == NULL && r.ctxt != NULL && !r.ctxt->wellFormed)
    g_set_error (&r.error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                 "%s:%d:%d: %s", r.display_name, MAX (xmlSAX2GetLineNumber (r.ctxt), 1),
                 MAX (xmlSAX2GetColumnNumber (r.ctxt), 1), _("this is not well-formed XML"));
  if (r.error == NULL && r.stack->len != 0)
    g_set_error (&r.error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                 "%s:%d:%d: %s", r.display_name, MAX (xmlSAX2GetLineNumber (r.ctxt), 1),
                 MAX (xmlSAX2GetColumnNumber (r.ctxt), 1), _("the file breaks off before its end"));

  if (r.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r.error));
      reader_clear (&r);
      return NULL;
    }

  {
    EpDistrict *district = g_steal_pointer (&r.district);
    reader_clear (&r);
    return district;
  }
}

/**
 * ep_xml_read_bytes:
 *
 * Returns: (transfer full): the district, or %NULL with @error set
 */
EpDistrict *
ep_xml_read_bytes (GBytes      *bytes,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  return ep_xml_read_stream (stream, display_name, NULL, error);
}

/**
 * ep_xml_read_file:
 * @etag_out: (out) (optional): the file's entity tag, for ep_xml_save()
 *
 * Returns: (transfer full): the district, or %NULL with @error set
 */
EpDistrict *
ep_xml_read_file (GFile         *file,
                  char         **etag_out,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  EpDistrict *district;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (etag_out != NULL)
    {
      g_autoptr(GFileInfo) info =
        g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
      *etag_out = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
    }

  district = ep_xml_read_stream (G_INPUT_STREAM (stream), name, cancellable, error);
  if (district == NULL && etag_out != NULL)
    g_clear_pointer (etag_out, g_free);
  return district;
}

/* ------------------------------------------------------------------ */
/* Writer                                                               */

typedef struct {
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  guint64        written;
  EpXmlProgress  progress;
  gpointer       progress_data;
} Writer;

static void
flush (Writer   *w,
       gboolean  force)
{
  gsize done = 0;

  if (w->error != NULL || w->stream == NULL)
    return;
  if (!force && w->out->len < CHUNK_SIZE)
    return;
  if (!g_output_stream_write_all (w->stream, w->out->str, w->out->len, &done,
                                  w->cancellable, &w->error))
    return;
  w->written += done;
  g_string_truncate (w->out, 0);
  if (w->progress)
    w->progress (w->written, w->progress_data);
}

static void
indent (Writer *w,
        int     depth)
{
  for (int i = 0; i < depth; i++)
    g_string_append (w->out, "  ");
}

static void
write_attribute (Writer     *w,
                 const char *name,
                 const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (w->out, " %s=\"", name);
  append_escaped (w->out, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
write_foreign_attributes (Writer  *w,
                          GObject *node)
{
  GPtrArray *attrs = ep_node_get_foreign_attributes (node);

  for (guint i = 0; attrs && i + 2 < attrs->len; i += 3)
    {
      const char *qname = attrs->pdata[i];
      const char *uri = attrs->pdata[i + 1];
      const char *colon = strchr (qname, ':');

      if (*uri != '\0' && colon != NULL)
        {
          g_autofree char *prefix = g_strndup (qname, colon - qname);
          g_autofree char *decl = g_strdup_printf ("xmlns:%s", prefix);
          write_attribute (w, decl, uri);
        }
      write_attribute (w, qname, attrs->pdata[i + 2]);
    }
}

static void
write_foreign_elements (Writer  *w,
                        GObject *node,
                        int      depth)
{
  GPtrArray *elements = ep_node_get_foreign_elements (node);

  for (guint i = 0; elements && i < elements->len; i++)
    {
      indent (w, depth);
      g_string_append (w->out, elements->pdata[i]);
      g_string_append_c (w->out, '\n');
    }
}

/* A text field: the source-language text, then each translation. */
static void
write_text (Writer     *w,
            GObject    *node,
            const char *property,
            const char *element,
            gboolean    always,
            int         depth)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) langs = ep_node_list_translation_langs (node, property);

  g_object_get (node, property, &text, NULL);
  if (text != NULL || (always && langs->len == 0))
    {
      indent (w, depth);
      if (text == NULL)
        g_string_append_printf (w->out, "<%s/>\n", element);
      else
        {
          g_string_append_printf (w->out, "<%s>", element);
          append_escaped (w->out, text, FALSE);
          g_string_append_printf (w->out, "</%s>\n", element);
        }
    }
  for (guint i = 0; i < langs->len; i++)
    {
      const char *lang = langs->pdata[i];

      indent (w, depth);
      g_string_append_printf (w->out, "<%s xml:lang=\"", element);
      append_escaped (w->out, lang, TRUE);
      g_string_append (w->out, "\">");
      append_escaped (w->out, ep_node_get_translation (node, property, lang), FALSE);
      g_string_append_printf (w->out, "</%s>\n", element);
    }
}

static gboolean
field_is_default (GObject       *node,
                  const EpField *f)
{
  gconstpointer p = (const guint8 *) node + f->offset;

  switch (f->type)
    {
    case EP_FIELD_INT:
    case EP_FIELD_ENUM:
      return *(const int *) p == (int) f->default_value;
    case EP_FIELD_UINT:
      return *(const guint *) p == (guint) f->default_value;
    case EP_FIELD_DOUBLE:
      return *(const double *) p == f->default_value;
    case EP_FIELD_BOOLEAN:
      return (*(const gboolean *) p != 0) == (f->default_value != 0);
    case EP_FIELD_STRING:
    case EP_FIELD_TEXT:
    case EP_FIELD_DATE:
    default:
      return *(gconstpointer const *) p == NULL;
    }
}

/* A record: attributes from the field table, then its texts, then what
 * was kept from other programs. */
static void
write_record (Writer     *w,
              GObject    *node,
              const char *element,
              int         depth)
{
  guint n;
  const EpField *fields = ep_node_class_get_fields (G_OBJECT_TYPE (node), &n);
  gsize mark;
  gboolean has_children = FALSE;
  GPtrArray *foreign = ep_node_get_foreign_elements (node);

  indent (w, depth);
  g_string_append_printf (w->out, "<%s", element);
  for (guint i = 0; i < n; i++)
    {
      const EpField *f = &fields[i];
      g_autofree char *value = NULL;

      if (f->type == EP_FIELD_TEXT || f->no_xml || field_is_default (node, f))
        continue;
      value = ep_node_dup_field_as_string (node, f);
      write_attribute (w, f->name, value);
    }
  write_foreign_attributes (w, node);

  mark = w->out->len;
  g_string_append (w->out, ">\n");
  for (guint i = 0; i < n; i++)
    if (fields[i].type == EP_FIELD_TEXT)
      write_text (w, node, fields[i].name, fields[i].name, fields[i].required, depth + 1);
  write_foreign_elements (w, node, depth + 1);
  has_children = w->out->len > mark + 2 || (foreign && foreign->len);

  if (!has_children)
    {
      g_string_truncate (w->out, mark);
      g_string_append (w->out, "/>\n");
    }
  else
    {
      indent (w, depth);
      g_string_append_printf (w->out, "</%s>\n", element);
    }
  flush (w, FALSE);
}

static guint
count (GListModel *model)
{
  return model ? g_list_model_get_n_items (model) : 0;
}

/* A plan's list without making it when it does not exist yet. */
static GListModel *
plan_items (EpPlan *plan,
            GType   type)
{
  EpList *list = ep_plan_peek_list (plan, type);
  return list ? G_LIST_MODEL (list) : NULL;
}

static void
write_list (Writer     *w,
            GListModel *model,
            const char *element,
            int         depth)
{
  guint n = count (model);

  for (guint i = 0; i < n && w->error == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      write_record (w, item, element, depth);
    }
}

static void
write_measurements (Writer      *w,
                    EpIndicator *indicator,
                    int          depth)
{
  guint n = ep_indicator_get_n_measurements (indicator);

  if (n == 0)
    return;

  indent (w, depth);
  g_string_append_printf (w->out, "<measurements count=\"%u\">\n", n);
  for (guint i = 0; i < n && w->error == NULL; i++)
    {
      EpMeasurement m;

      ep_indicator_get_nth (indicator, i, &m);
      indent (w, depth + 1);
      g_string_append (w->out, "<m");
      write_attribute (w, "group", m.group);
      write_attribute (w, "period", m.period);
      if (m.flags & EP_MEASUREMENT_HAS_NUMERATOR)
        g_string_append_printf (w->out, " num=\"%u\"", m.numerator);
      if (m.flags & EP_MEASUREMENT_HAS_DENOMINATOR)
        g_string_append_printf (w->out, " den=\"%u\"", m.denominator);
      if (m.flags & EP_MEASUREMENT_HAS_VALUE)
        {
          g_autofree char *v = ep_format_number (m.value);
          g_string_append_printf (w->out, " value=\"%s\"", v);
        }
      if (m.flags & EP_MEASUREMENT_HAS_N)
        g_string_append_printf (w->out, " n=\"%u\"", m.n);
      if (m.flags & EP_MEASUREMENT_SUPPRESSED)
        write_attribute (w, "suppressed", m.marker);
      g_string_append (w->out, "/>\n");
      flush (w, FALSE);
    }
  indent (w, depth);
  g_string_append (w->out, "</measurements>\n");
}

static void
write_indicator (Writer      *w,
                 EpIndicator *indicator,
                 int          depth)
{
  guint n;
  const EpField *fields = ep_node_class_get_fields (EP_TYPE_INDICATOR, &n);

  indent (w, depth);
  g_string_append (w->out, "<indicator");
  for (guint i = 0; i < n; i++)
    if (fields[i].type != EP_FIELD_TEXT)
      {
        g_autofree char *value = ep_node_dup_field_as_string (indicator, &fields[i]);
        write_attribute (w, fields[i].name, value);
      }
  write_foreign_attributes (w, G_OBJECT (indicator));
  g_string_append (w->out, ">\n");
  write_text (w, G_OBJECT (indicator), "name", "name", TRUE, depth + 1);
  write_text (w, G_OBJECT (indicator), "description", "description", FALSE, depth + 1);
  write_measurements (w, indicator, depth + 1);
  write_foreign_elements (w, G_OBJECT (indicator), depth + 1);
  indent (w, depth);
  g_string_append (w->out, "</indicator>\n");
}

/* Opens a section element if it will have anything in it. */
static void
open_section (Writer     *w,
              const char *element,
              int         depth)
{
  indent (w, depth);
  g_string_append_printf (w->out, "<%s>\n", element);
}

static void
close_section (Writer     *w,
               const char *element,
               int         depth)
{
  indent (w, depth);
  g_string_append_printf (w->out, "</%s>\n", element);
}

/* Whether a text field has a text in any language. */
static gboolean
has_text (GObject    *node,
          const char *property)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) langs = NULL;

  g_object_get (node, property, &text, NULL);
  if (text != NULL)
    return TRUE;
  langs = ep_node_list_translation_langs (node, property);
  return langs->len > 0;
}

static void
write_plan (Writer *w,
            EpPlan *plan,
            int     depth)
{
  GObject *node = G_OBJECT (plan);
  GListModel *sessions = plan_items (plan, EP_TYPE_LISTENING_SESSION);
  GListModel *champions = plan_items (plan, EP_TYPE_CHAMPION);
  GListModel *ideas = plan_items (plan, EP_TYPE_IDEA);
  GListModel *actions = plan_items (plan, EP_TYPE_INTERVENTION);
  GListModel *log = plan_items (plan, EP_TYPE_LOG_ENTRY);
  gboolean has_decision = has_text (node, "curriculum") || has_text (node, "budget") ||
                          has_text (node, "partnerships");
  gboolean has_problem = ep_plan_get_problem_group (plan) || ep_plan_get_problem_indicator (plan) ||
                         ep_plan_get_has_baseline (plan) || ep_plan_get_baseline_period (plan) ||
                         ep_plan_get_has_target (plan) || ep_plan_get_target_period (plan) ||
                         has_text (node, "statement");
  gboolean has_diagnosis = has_problem || ep_plan_get_focus (plan) != EP_FOCUS_OTHER ||
                           has_text (node, "root-cause");
  g_autofree char *phase = ep_node_dup_field_as_string (plan, ep_node_class_find_field (EP_TYPE_PLAN, "phase"));

  indent (w, depth);
  g_string_append (w->out, "<plan");
  write_attribute (w, "cycle", ep_plan_get_cycle (plan));
  write_attribute (w, "phase", phase);
  write_foreign_attributes (w, node);
  g_string_append (w->out, ">\n");
  depth++;

  if (count (sessions) || has_decision || count (champions))
    {
      open_section (w, "prerequisites", depth);
      write_list (w, sessions, "listening-session", depth + 1);
      if (has_decision)
        {
          open_section (w, "decision-structure", depth + 1);
          write_text (w, node, "curriculum", "curriculum", FALSE, depth + 2);
          write_text (w, node, "budget", "budget", FALSE, depth + 2);
          write_text (w, node, "partnerships", "partnerships", FALSE, depth + 2);
          close_section (w, "decision-structure", depth + 1);
        }
      write_list (w, champions, "champion", depth + 1);
      close_section (w, "prerequisites", depth);
    }

  if (has_diagnosis)
    {
      g_autofree char *focus = ep_node_dup_field_as_string (plan, ep_node_class_find_field (EP_TYPE_PLAN, "focus"));

      indent (w, depth);
      g_string_append (w->out, "<diagnosis");
      write_attribute (w, "focus", focus);
      g_string_append (w->out, ">\n");
      write_text (w, node, "root-cause", "root-cause", FALSE, depth + 1);
      if (has_problem)
        {
          indent (w, depth + 1);
          g_string_append (w->out, "<problem");
          write_attribute (w, "group", ep_plan_get_problem_group (plan));
          write_attribute (w, "indicator", ep_plan_get_problem_indicator (plan));
          if (ep_plan_get_has_baseline (plan))
            {
              g_autofree char *v = ep_format_number (ep_plan_get_baseline (plan));
              write_attribute (w, "baseline", v);
            }
          write_attribute (w, "baseline-period", ep_plan_get_baseline_period (plan));
          if (ep_plan_get_has_target (plan))
            {
              g_autofree char *v = ep_format_number (ep_plan_get_target (plan));
              write_attribute (w, "target", v);
            }
          write_attribute (w, "target-period", ep_plan_get_target_period (plan));
          g_string_append (w->out, ">\n");
          write_text (w, node, "statement", "statement", FALSE, depth + 2);
          close_section (w, "problem", depth + 1);
        }
      close_section (w, "diagnosis", depth);
    }

  if (count (ideas))
    {
      open_section (w, "ideas", depth);
      write_list (w, ideas, "idea", depth + 1);
      close_section (w, "ideas", depth);
    }

  if (count (actions))
    {
      open_section (w, "actions", depth);
      write_list (w, actions, "action", depth + 1);
      close_section (w, "actions", depth);
    }

  if (count (log))
    {
      open_section (w, "log", depth);
      for (guint i = 0; i < g_list_model_get_n_items (log); i++)
        {
          g_autoptr(EpLogEntry) entry = g_list_model_get_item (log, i);
          g_autofree char *date = ep_format_date (ep_log_entry_get_date (entry));
          g_autofree char *kind = ep_node_dup_field_as_string (entry, ep_node_class_find_field (EP_TYPE_LOG_ENTRY, "kind"));

          indent (w, depth + 1);
          g_string_append (w->out, "<entry");
          write_attribute (w, "date", date);
          write_attribute (w, "kind", kind);
          write_attribute (w, "who", ep_log_entry_get_who (entry));
          write_foreign_attributes (w, G_OBJECT (entry));
          g_string_append_c (w->out, '>');
          append_escaped (w->out, ep_log_entry_get_text (entry), FALSE);
          g_string_append (w->out, "</entry>\n");
        }
      close_section (w, "log", depth);
    }

  if (ep_plan_get_has_reflection (plan))
    {
      g_autofree char *cause = ep_node_dup_field_as_string (plan, ep_node_class_find_field (EP_TYPE_PLAN, "reflection-cause"));
      g_autofree char *decision = ep_node_dup_field_as_string (plan, ep_node_class_find_field (EP_TYPE_PLAN, "reflection-decision"));

      indent (w, depth);
      g_string_append (w->out, "<reflection");
      write_attribute (w, "cause", cause);
      write_attribute (w, "decision", decision);
      g_string_append (w->out, ">\n");
      write_text (w, node, "reflection-result", "result", FALSE, depth + 1);
      write_text (w, node, "reflection-lessons", "lessons", FALSE, depth + 1);
      close_section (w, "reflection", depth);
    }

  write_foreign_elements (w, node, depth);
  depth--;
  close_section (w, "plan", depth);
}

/* The minor version to write: ours, or a newer one whose content was kept. */
static guint
written_minor (GObject *district)
{
  guint kept = GPOINTER_TO_UINT (g_object_get_data (district, "ep-xml-minor"));
  guint minor = EP_XML_VERSION_MINOR;

  return kept > minor ? kept : minor;
}

static void
write_district (Writer     *w,
                EpDistrict *district)
{
  GObject *node = G_OBJECT (district);
  static const char *publication[] = {
    "min-n", "min-cell", "suppression", "complementary", "top-code", "bottom-code",
    "marker", "risk-ratio-threshold", "risk-ratio-periods",
  };
  GListModel *schools = ep_district_get_schools (district);

  g_string_append (w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (w->out, "<district xmlns=\"%s\" version=\"%d.%u\"",
                          EP_XML_NAMESPACE, EP_XML_VERSION_MAJOR, written_minor (node));
  write_attribute (w, "id", ep_district_get_id (district));
  write_attribute (w, "xml:lang", ep_district_get_language (district));
  write_foreign_attributes (w, node);
  g_string_append (w->out, ">\n");

  write_text (w, node, "name", "name", TRUE, 1);

  /* Publication rules are always written in full: a reader should not
   * have to know this version's defaults to know what may be published. */
  indent (w, 1);
  g_string_append (w->out, "<publication");
  for (guint i = 0; i < G_N_ELEMENTS (publication); i++)
    {
      g_autofree char *value = ep_node_dup_field_as_string (district, ep_node_class_find_field (EP_TYPE_DISTRICT, publication[i]));
      write_attribute (w, publication[i], value);
    }
  g_string_append (w->out, "/>\n");

  if (g_list_model_get_n_items (ep_district_get_groups (district)))
    {
      open_section (w, "groups", 1);
      write_list (w, ep_district_get_groups (district), "group", 2);
      close_section (w, "groups", 1);
    }
  if (g_list_model_get_n_items (ep_district_get_glossary (district)))
    {
      open_section (w, "glossary", 1);
      write_list (w, ep_district_get_glossary (district), "term", 2);
      close_section (w, "glossary", 1);
    }

  for (guint i = 0; i < g_list_model_get_n_items (schools) && w->error == NULL; i++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, i);
      GListModel *indicators = ep_school_get_indicators (school);
      GListModel *plans = ep_school_get_plans (school);

      indent (w, 1);
      g_string_append (w->out, "<school");
      write_attribute (w, "id", ep_school_get_id (school));
      write_foreign_attributes (w, G_OBJECT (school));
      g_string_append (w->out, ">\n");
      write_text (w, G_OBJECT (school), "name", "name", TRUE, 2);
      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, j);
          write_indicator (w, indicator, 2);
        }
      for (guint j = 0; j < g_list_model_get_n_items (plans); j++)
        {
          g_autoptr(EpPlan) plan = g_list_model_get_item (plans, j);
          write_plan (w, plan, 2);
        }
      write_foreign_elements (w, G_OBJECT (school), 2);
      close_section (w, "school", 1);
      flush (w, FALSE);
    }

  write_foreign_elements (w, node, 1);
  g_string_append (w->out, "</district>\n");
}

/**
 * ep_xml_write_stream:
 * @progress: (nullable): called with the bytes written so far
 *
 * Writes @district to @stream in the current format. The output depends
 * only on the model: the same district always gives the same bytes.
 */
gboolean
ep_xml_write_stream (EpDistrict     *district,
                     GOutputStream  *stream,
                     EpXmlProgress   progress,
                     gpointer        progress_data,
                     GCancellable   *cancellable,
                     GError        **error)
{
  Writer w = { 0 };

  g_return_val_if_fail (EP_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  w.out = g_string_sized_new (CHUNK_SIZE * 2);
  w.stream = stream;
  w.cancellable = cancellable;
  w.progress = progress;
  w.progress_data = progress_data;

  write_district (&w, district);
  flush (&w, TRUE);
  g_string_free (w.out, TRUE);

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ep_xml_write_bytes:
 *
 * Returns: (transfer full): the district as .eqplan bytes
 */
GBytes *
ep_xml_write_bytes (EpDistrict *district)
{
  Writer w = { 0 };

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);

  w.out = g_string_new (NULL);
  write_district (&w, district);
  return g_string_free_to_bytes (w.out);
}

/**
 * ep_xml_save:
 * @etag: (nullable): the entity tag from when the file was read or last
 *   saved; when given and the file changed since, nothing is written and
 *   %EP_XML_ERROR_CONFLICT is returned
 * @make_backup: keep the previous version as FILE.bak
 * @etag_out: (out) (optional): the new entity tag
 *
 * Saves atomically: the plan is written to a temporary file in the same
 * folder, flushed to disk and renamed over the old one, so that a crash or
 * a full disk at any moment leaves either the old file or the new one.
 * Cancelling, or any error, leaves the old file untouched.
 */
gboolean
ep_xml_save (EpDistrict     *district,
             GFile          *file,
             const char     *etag,
             gboolean        make_backup,
             char          **etag_out,
             EpXmlProgress   progress,
             gpointer        progress_data,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (EP_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);

  if (make_backup && g_file_query_exists (file, cancellable))
    {
      g_autofree char *bak_name = NULL;
      g_autoptr(GFile) bak = NULL;
      g_autoptr(GFileInfo) info = NULL;

      /* Check for a conflict before touching the backup either. */
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                cancellable, NULL);
      if (etag != NULL && info != NULL && g_strcmp0 (g_file_info_get_etag (info), etag) != 0)
        goto conflict;

      {
        g_autofree char *base = g_file_get_basename (file);
        g_autoptr(GFile) parent = g_file_get_parent (file);

        bak_name = g_strconcat (base, ".bak", NULL);
        bak = parent ? g_file_get_child (parent, bak_name) : g_file_new_for_path (bak_name);
      }
      if (!g_file_copy (file, bak, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                        cancellable, NULL, NULL, &local))
        {
          g_set_error (error, G_IO_ERROR, local->code,
                       _("%s: could not keep a backup copy before saving: %s"), name, local->message);
          return FALSE;
        }
    }

  stream = g_file_replace (file, etag, FALSE, G_FILE_CREATE_NONE, cancellable, &local);
  if (stream == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        goto conflict;
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }

  if (!ep_xml_write_stream (district, G_OUTPUT_STREAM (stream), progress, progress_data,
                            cancellable, &local))
    {
      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves the original in place. */
      g_autoptr(GCancellable) abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }

  if (etag_out != NULL)
    *etag_out = g_file_output_stream_get_etag (stream);
  return TRUE;

conflict:
  g_set_error (error, EP_XML_ERROR, EP_XML_ERROR_CONFLICT,
               _("%s: the file was changed on disk since it was opened, by another program "
                 "or person. Nothing was saved. Save under another name, or reload it to "
                 "see the other changes"), name);
  return FALSE;
}

typedef struct {
  EpDistrict *district;
  char       *etag;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *res = data;

  g_clear_object (&res->district);
  g_free (res->etag);
  g_free (res);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  LoadResult *res = g_new0 (LoadResult, 1);
  GError *error = NULL;

  res->district = ep_xml_read_file (file, &res->etag, cancellable, &error);
  if (res->district == NULL)
    {
      load_result_free (res);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, res, load_result_free);
}

/**
 * ep_xml_load_async:
 *
 * Reads @file in a worker thread.
 */
void
ep_xml_load_async (GFile               *file,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ep_xml_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ep_xml_load_finish:
 *
 * Returns: (transfer full): the district, or %NULL with @error set
 */
EpDistrict *
ep_xml_load_finish (GAsyncResult  *result,
                    char         **etag_out,
                    GError       **error)
{
  LoadResult *res;
  EpDistrict *district;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  res = g_task_propagate_pointer (G_TASK (result), error);
  if (res == NULL)
    return NULL;
  district = g_steal_pointer (&res->district);
  if (etag_out != NULL)
    *etag_out = g_steal_pointer (&res->etag);
  load_result_free (res);
  return district;
}

/* Small documents (import mappings): the same hardening, a simpler
 * interface. */

typedef struct {
  xmlParserCtxtPtr  ctxt;
  const char       *display_name;
  const char       *namespace_uri;
  const char       *root;
  EpXmlStartFunc    start;
  EpXmlEndFunc      end;
  gpointer          user_data;
  GError           *error;
  GPtrArray        *texts;      /* GString per open element of ours */
  GArray           *positions;  /* int[2] per open element of ours */
  guint             foreign;    /* depth inside an element of another namespace */
  gboolean          saw_root;
} Small;

static void
small_string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void small_fail (Small *s, int line, int column, GQuark domain, int code,
                        const char *format, ...) G_GNUC_PRINTF (6, 7);

static void
small_fail (Small      *s,
            int         line,
            int         column,
            GQuark      domain,
            int         code,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (s->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0 && column > 0)
    g_set_error (&s->error, domain, code, "%s:%d:%d: %s", s->display_name, line, column, message);
  else if (line > 0)
    g_set_error (&s->error, domain, code, "%s:%d: %s", s->display_name, line, message);
  else
    g_set_error (&s->error, domain, code, "%s: %s", s->display_name, message);
  xmlStopParser (s->ctxt);
}

static void
small_callback_failed (Small  *s,
                       int     line,
                       int     column,
                       GError *local)
{
  if (local == NULL)
    local = g_error_new_literal (EP_XML_ERROR, EP_XML_ERROR_INVALID, "invalid");
  small_fail (s, line, column, local->domain, local->code, "%s", local->message);
  g_error_free (local);
}

static void
small_start (void           *ctx,
             const xmlChar  *localname,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             nb_namespaces,
             const xmlChar **namespaces,
             int             nb_attributes,
             int             nb_defaulted,
             const xmlChar **attrs)
{
  Small *s = ctx;
  int pos[2];
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) values = NULL;
  GError *local = NULL;

  if (s->error)
    return;
  ctxt_start_position (s->ctxt, &pos[0], &pos[1]);

  if (s->foreign > 0 || g_strcmp0 ((const char *) uri, s->namespace_uri) != 0)
    {
      if (!s->saw_root)
        {
          small_fail (s, pos[0], pos[1], EP_XML_ERROR, EP_XML_ERROR_NOT_EQPLAN,
                      _("the document is not of the kind expected: its root element <%s> is "
                        "not <%s> in the namespace %s"),
                      (const char *) localname, s->root, s->namespace_uri);
          return;
        }
      s->foreign++;
      return;
    }
  if (!s->saw_root && g_strcmp0 ((const char *) localname, s->root) != 0)
    {
      small_fail (s, pos[0], pos[1], EP_XML_ERROR, EP_XML_ERROR_NOT_EQPLAN,
                  _("the root element is <%s>; expected <%s>"), (const char *) localname, s->root);
      return;
    }
  s->saw_root = TRUE;
  if (s->positions->len >= 32)
    {
      small_fail (s, pos[0], pos[1], EP_XML_ERROR, EP_XML_ERROR_TOO_LARGE,
                  _("elements nest more than %d deep"), 32);
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < nb_attributes; i++)
    {
      /* Attributes in a namespace (xml:lang, others' extensions) are not ours. */
      if (attrs[i * 5 + 2] != NULL)
        continue;
      g_ptr_array_add (names, g_strdup ((const char *) attrs[i * 5]));
      g_ptr_array_add (values, attr_value (attrs, i));
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (values, NULL);

  g_array_append_vals (s->positions, pos, 1);
  g_ptr_array_add (s->texts, g_string_new (NULL));
  if (s->start && !s->start (s->user_data, (const char *) localname,
                             (const char * const *) names->pdata,
                             (const char * const *) values->pdata, &local))
    small_callback_failed (s, pos[0], pos[1], local);
}

static void
small_end (void          *ctx,
           const xmlChar *localname,
           const xmlChar *prefix,
           const xmlChar *uri)
{
  Small *s = ctx;
  GError *local = NULL;
  int *pos;
  GString *text;

  if (s->error)
    return;
  if (s->foreign > 0)
    {
      s->foreign--;
      return;
    }
  g_assert (s->positions->len > 0);
  pos = &g_array_index (s->positions, int, (s->positions->len - 1) * 2);
  text = g_ptr_array_index (s->texts, s->texts->len - 1);
  if (s->end && !s->end (s->user_data, (const char *) localname, text->str, &local))
    small_callback_failed (s, pos[0], pos[1], local);
  g_array_set_size (s->positions, s->positions->len - 1);
  g_ptr_array_set_size (s->texts, s->texts->len - 1);
}

static void
small_characters (void          *ctx,
                  const xmlChar *ch,
                  int            len)
{
  Small *s = ctx;

  if (s->error || s->foreign > 0 || s->texts->len == 0)
    return;
  g_string_append_len (g_ptr_array_index (s->texts, s->texts->len - 1), (const char *) ch, len);
}

static void
small_internal_subset (void          *ctx,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  Small *s = ctx;

  small_fail (s, xmlSAX2GetLineNumber (s->ctxt), xmlSAX2GetColumnNumber (s->ctxt),
              EP_XML_ERROR, EP_XML_ERROR_FORBIDDEN,
              _("the file has a DOCTYPE declaration; these files never need one, and it can "
                "hide entities that read other files or expand without end, so the file "
                "was not read"));
}

static xmlEntityPtr
small_get_entity (void          *ctx,
                  const xmlChar *name)
{
  Small *s = ctx;

  small_fail (s, xmlSAX2GetLineNumber (s->ctxt), xmlSAX2GetColumnNumber (s->ctxt),
              EP_XML_ERROR, EP_XML_ERROR_FORBIDDEN,
              _("the entity &%s; is not allowed; write the character itself"), name);
  return NULL;
}

static void
small_structured_error (void        *ctx,
                        xmlErrorPtr  err)
{
  Small *s = ctx;
  g_autofree char *message = NULL;

  if (err == NULL || err->level < XML_ERR_ERROR || s->error != NULL)
    return;
  message = g_strstrip (g_strdup (err->message ? err->message : "unknown error"));
  if (!s->saw_root && err->line <= 1 && err->code == XML_ERR_DOCUMENT_EMPTY)
    small_fail (s, 0, 0, EP_XML_ERROR, EP_XML_ERROR_MALFORMED, _("the file is empty or is not XML text"));
  else
    small_fail (s, err->line, err->int2, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                _("this is not well-formed XML: %s"), message);
}

static void
small_noop_pi (void          *ctx,
               const xmlChar *target,
               const xmlChar *data)
{
}

gboolean
ep_xml_parse_small (GBytes         *bytes,
                    const char     *display_name,
                    const char     *namespace_uri,
                    const char     *root,
                    EpXmlStartFunc  start,
                    EpXmlEndFunc    end,
                    gpointer        user_data,
                    GError        **error)
{
  xmlSAXHandler sax;
  Small s = { 0 };
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  display_name = display_name ? display_name : "(data)";
  if (size > EP_XML_SMALL_MAX_SIZE)
    {
      g_set_error (error, EP_XML_ERROR, EP_XML_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB; this kind of file is small"),
                   display_name, EP_XML_SMALL_MAX_SIZE >> 20);
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                   _("%s: the file is empty"), display_name);
      return FALSE;
    }

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = small_start;
  sax.endElementNs = small_end;
  sax.characters = small_characters;
  sax.cdataBlock = small_characters;
  sax.internalSubset = small_internal_subset;
  sax.getEntity = small_get_entity;
  sax.processingInstruction = small_noop_pi;
  sax.serror = small_structured_error;

  s.display_name = display_name;
  s.namespace_uri = namespace_uri;
  s.root = root;
  s.start = start;
  s.end = end;
  s.user_data = user_data;
  s.texts = g_ptr_array_new_with_free_func (small_string_free);
  s.positions = g_array_new (FALSE, FALSE, sizeof (int) * 2);

  s.ctxt = xmlCreatePushParserCtxt (&sax, &s, NULL, 0, NULL);
  if (s.ctxt == NULL)
    {
      g_set_error (error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED,
                   "%s: %s", display_name, _("could not start the XML parser"));
      g_ptr_array_unref (s.texts);
      g_array_unref (s.positions);
      return FALSE;
    }
  xmlCtxtUseOptions (s.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  s.ctxt->replaceEntities = 0;
  s.ctxt->loadsubset = 0;
  s.ctxt->validate = 0;

  if (xmlParseChunk (s.ctxt, data, (int) size, 1) != 0 && s.error == NULL)
    small_structured_error (&s, xmlCtxtGetLastError (s.ctxt));
  if (s.error == NULL && !s.saw_root)
    small_fail (&s, 0, 0, EP_XML_ERROR, EP_XML_ERROR_MALFORMED, _("the file has no root element"));

  xmlFreeParserCtxt (s.ctxt);
  g_ptr_array_unref (s.texts);
  g_array_unref (s.positions);
  if (s.error != NULL)
    {
      g_propagate_error (error, s.error);
      return FALSE;
    }
  return TRUE;
}
