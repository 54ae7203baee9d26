/* test-xml.c — the .eqplan reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/relaxng.h>
#include <locale.h>
#include <stdio.h>

#include "ep-test-util.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\">\n"

/* A small valid district; tests splice broken parts into it. */
#define GROUPS "  <name>Test</name>\n" \
               "  <groups>\n" \
               "    <group id=\"all\" category=\"all\"><label>All students</label></group>\n" \
               "    <group id=\"EL\" category=\"language\"><label>English learners</label></group>\n" \
               "  </groups>\n"

static gboolean
validates_against_schema (GBytes *bytes)
{
  g_autofree char *rng = ep_test_source_path ("data/eqplan.rng");
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (rng);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;
  int result;

  g_assert_nonnull (schema);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                       "out.eqplan", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
  return result == 0;
}

static void
test_demo_reads (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  EpSchool *chavez = ep_district_find_school (district, "060000100002");
  EpPlan *plan;
  EpIndicator *absence;
  EpMeasurement m;

  g_assert_cmpstr (ep_district_get_name (district), ==, "Riverside Unified School District");
  g_assert_cmpstr (ep_node_get_translation (district, "name", "es"), ==,
                   "Distrito Escolar Unificado de Riverside");
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_schools (district)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_groups (district)), ==, 11);
  g_assert_cmpuint (ep_district_get_min_n (district), ==, 10);

  /* The plan in the implement phase: English learners chronically absent,
   * 64 of 202 = 31.7 % → 20 % by 2027-28. */
  g_assert_nonnull (chavez);
  g_assert_cmpstr (ep_school_get_name (chavez), ==, "César Chávez Middle School");
  plan = ep_school_find_plan (chavez, "2025-26");
  g_assert_nonnull (plan);
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_IMPLEMENT);
  g_assert_cmpstr (ep_plan_get_problem_group (plan), ==, "EL");
  g_assert_true (ep_plan_get_has_baseline (plan));
  g_assert_cmpfloat_with_epsilon (ep_plan_get_baseline (plan), 31.7, 1e-9);
  g_assert_cmpfloat (ep_plan_get_target (plan), ==, 20);
  g_assert_cmpstr (ep_plan_get_target_period (plan), ==, "2027-28");
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_interventions (plan)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ep_plan_get_log (plan)), >=, 6);

  absence = ep_school_find_indicator (chavez, ep_plan_get_problem_indicator (plan));
  g_assert_nonnull (absence);
  g_assert_true (ep_indicator_lookup (absence, "EL", ep_plan_get_baseline_period (plan), &m));
  g_assert_cmpuint (m.numerator, ==, 64);
  g_assert_cmpuint (m.denominator, ==, 202);
}

static void
assert_roundtrip_stable (EpDistrict *district)
{
  g_autoptr(GBytes) first = ep_xml_write_bytes (district);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) again = ep_xml_read_bytes (first, "first.eqplan", &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  second = ep_xml_write_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (validates_against_schema (first));
}

static void
test_roundtrip_demo (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  assert_roundtrip_stable (district);
}

static void
test_roundtrip_synth (void)
{
  g_autoptr(EpDistrict) district = ep_synth_district (40, 4, 42);
  assert_roundtrip_stable (district);
}

/* Every field set, texts in several languages, characters XML must escape,
 * content of other programs: all of it survives, and the output is valid. */
static void
test_roundtrip_everything (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("Río & <Valle> \"Unified\"");
  g_autoptr(EpSchool) school = ep_school_new ("S-1", "Escuela “Nueva”\nline two");
  g_autoptr(EpIndicator) ind = ep_indicator_new ("belonging");
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpGlossaryTerm) term = ep_glossary_term_new ();
  g_autoptr(EpListeningSession) session = ep_listening_session_new ();
  g_autoptr(EpChampion) champion = ep_champion_new ();
  g_autoptr(EpIdea) idea = ep_idea_new ();
  g_autoptr(EpIntervention) action = ep_intervention_new ();
  g_autoptr(EpLogEntry) entry = ep_log_entry_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EpDistrict) back = NULL;
  g_autoptr(GError) error = NULL;
  EpPlan *plan2;
  EpMeasurement m;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 12, G_DATE_SEPTEMBER, 2025);

  ep_district_set_id (district, "rio");
  ep_district_set_language (district, "es");
  ep_district_set_min_n (district, 20);
  ep_district_set_complementary (district, FALSE);
  ep_district_set_marker (district, "n<10");
  ep_district_add_standard_groups (district);
  ep_node_set_translation (district, "name", "en", "River Valley Unified");

  ep_glossary_term_set_id (term, "equity");
  ep_glossary_term_set_name (term, "Equidad");
  ep_glossary_term_set_definition (term, "Tab\there, CR\rthere, and a control \x01 char");
  ep_node_set_translation (term, "definition", "ar", "الإنصاف");
  ep_district_add_term (district, term);

  g_assert_true (ep_district_add_school (district, school, NULL));
  ep_indicator_set_name (ind, "Belonging");
  ep_indicator_set_kind (ind, EP_INDICATOR_LEADING);
  ep_indicator_set_unit (ind, EP_UNIT_MEAN_SCORE);
  ep_indicator_set_direction (ind, EP_DIRECTION_HIGHER_IS_BETTER);
  g_assert_true (ep_indicator_set_value (ind, "EL", "2024-25", 3.1415926535897931, 41, NULL));
  g_assert_true (ep_indicator_set_value (ind, "all", "2024-25", 0.1, 0, NULL));
  g_assert_true (ep_indicator_set_suppressed (ind, "PI", "2024-25", "<10", NULL));
  ep_school_add_indicator (school, ind);

  ep_plan_set_phase (plan, EP_PHASE_REFLECT);
  ep_plan_set_curriculum (plan, "Instructional leadership team");
  ep_plan_set_focus (plan, EP_FOCUS_BELONGING);
  ep_plan_set_root_cause (plan, "Few adults speak the families' languages.");
  ep_plan_set_problem_group (plan, "EL");
  ep_plan_set_problem_indicator (plan, "belonging");
  ep_plan_set_baseline (plan, 3.1);
  ep_plan_set_baseline_period (plan, "2024-25");
  ep_plan_set_target (plan, 3.6);
  ep_plan_set_target_period (plan, "2027-28");
  ep_plan_set_statement (plan, "English learners feel they belong: 3.1 → 3.6 by 2027-28.");
  ep_node_set_translation (plan, "statement", "es", "Los estudiantes de inglés sienten que pertenecen.");
  ep_plan_set_reflection_cause (plan, EP_CAUSE_EXTERNAL);
  ep_plan_set_reflection_decision (plan, EP_DECISION_SCALE);
  ep_plan_set_reflection_lessons (plan, "Start earlier.");

  ep_listening_session_set_date (session, &date);
  ep_listening_session_set_language (session, "so");
  ep_listening_session_set_interpretation (session, TRUE);
  ep_listening_session_set_childcare (session, TRUE);
  ep_listening_session_set_heard (session, "Families want to be asked, not told.");
  ep_plan_add (plan, session);

  ep_champion_set_name (champion, "Dr. Haddad");
  ep_champion_set_level (champion, EP_LEVEL_COMMUNITY);
  ep_plan_add (plan, champion);

  ep_idea_set_id (idea, "i1");
  ep_idea_set_title (idea, "Peer mentors");
  ep_idea_set_impact (idea, 5);
  ep_idea_set_feasibility (idea, 1);
  ep_idea_set_alignment (idea, 3);
  ep_idea_set_chosen (idea, TRUE);
  ep_plan_add (plan, idea);

  ep_intervention_set_id (action, "a1");
  ep_intervention_set_title (action, "Peer mentors");
  ep_intervention_set_owner (action, "Ms. Osei");
  ep_intervention_set_start (action, &date);
  ep_intervention_set_end (action, &date);
  ep_intervention_set_evidence (action, EP_EVIDENCE_MODERATE);
  ep_intervention_set_status (action, EP_STATUS_DONE);
  ep_intervention_set_area (action, EP_AREA_HIRING);
  ep_intervention_set_metric (action, "Survey item 4");
  ep_plan_add (plan, action);

  ep_log_entry_set_date (entry, &date);
  ep_log_entry_set_kind (entry, EP_LOG_FEEDBACK);
  ep_log_entry_set_who (entry, "Counselors");
  ep_log_entry_set_text (entry, "Mentors asked for a shared planning period & <more> time.");
  ep_plan_add (plan, entry);

  ep_school_add_plan (school, plan);

  ep_node_add_foreign_element (school, "<x:note xmlns:x=\"urn:example:other\" level=\"2\">kept <x:b xmlns:x=\"urn:example:other\">as is</x:b></x:note>");
  ep_node_add_foreign_attribute (plan, "x:origin", "urn:example:other", "import");

  assert_roundtrip_stable (district);

  bytes = ep_xml_write_bytes (district);
  back = ep_xml_read_bytes (bytes, "everything.eqplan", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ep_district_get_name (back), ==, "Río & <Valle> \"Unified\"");
  g_assert_cmpstr (ep_district_get_language (back), ==, "es");
  g_assert_cmpstr (ep_district_get_marker (back), ==, "n<10");
  g_assert_false (ep_district_get_complementary (back));
  g_assert_cmpstr (ep_glossary_term_get_definition (ep_district_find_term (back, "equity")), ==,
                   "Tab\there, CR\rthere, and a control \xef\xbf\xbd char");
  g_assert_cmpstr (ep_node_get_translation (ep_district_find_term (back, "equity"), "definition", "ar"), ==, "الإنصاف");
  g_assert_cmpstr (ep_school_get_name (ep_district_find_school (back, "S-1")), ==, "Escuela “Nueva”\nline two");

  g_assert_true (ep_indicator_lookup (ep_school_find_indicator (ep_district_find_school (back, "S-1"), "belonging"),
                                      "EL", "2024-25", &m));
  g_assert_cmpfloat (m.value, ==, 3.1415926535897931);
  g_assert_cmpuint (m.n, ==, 41);

  plan2 = ep_school_get_current_plan (ep_district_find_school (back, "S-1"));
  g_assert_cmpfloat (ep_plan_get_baseline (plan2), ==, 3.1);
  g_assert_cmpstr (ep_node_get_translation (plan2, "statement", "es"), ==,
                   "Los estudiantes de inglés sienten que pertenecen.");
  g_assert_cmpint (ep_plan_get_reflection_decision (plan2), ==, EP_DECISION_SCALE);
  {
    g_autoptr(EpIntervention) a = g_list_model_get_item (ep_plan_get_interventions (plan2), 0);
    g_autoptr(EpLogEntry) e = g_list_model_get_item (ep_plan_get_log (plan2), 0);
    g_autoptr(EpListeningSession) s = g_list_model_get_item (ep_plan_get_listening_sessions (plan2), 0);

    g_assert_cmpstr (ep_intervention_get_owner (a), ==, "Ms. Osei");
    g_assert_cmpint (ep_intervention_get_area (a), ==, EP_AREA_HIRING);
    g_assert_cmpint (g_date_compare (ep_intervention_get_end (a), &date), ==, 0);
    g_assert_cmpstr (ep_log_entry_get_text (e), ==, "Mentors asked for a shared planning period & <more> time.");
    g_assert_true (ep_listening_session_get_childcare (s));
    g_assert_cmpstr (ep_listening_session_get_language (s), ==, "so");
  }
  g_assert_nonnull (ep_node_get_foreign_elements (ep_district_find_school (back, "S-1")));
  g_assert_nonnull (ep_node_get_foreign_attributes (plan2));
}

/* Records with nothing but their ids still make valid files: texts the
 * format requires are written empty. Other programs' elements inside
 * records stay valid too. */
static void
test_roundtrip_bare_records (void)
{
  g_autoptr(EpDistrict) district = g_object_new (EP_TYPE_DISTRICT, NULL);
  g_autoptr(EpStudentGroup) group = ep_student_group_new ();
  g_autoptr(EpGlossaryTerm) term = ep_glossary_term_new ();
  g_autoptr(EpSchool) school = ep_school_new ("S1", NULL);
  g_autoptr(EpIndicator) indicator = ep_indicator_new ("i");
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpIdea) idea = ep_idea_new ();
  g_autoptr(EpIntervention) action = ep_intervention_new ();
  g_autoptr(EpChampion) champion = ep_champion_new ();
  g_autoptr(EpListeningSession) session = ep_listening_session_new ();
  g_autoptr(EpLogEntry) entry = ep_log_entry_new ();
  GDate date;

  ep_student_group_set_id (group, "G");
  ep_district_add_group (district, group);
  ep_glossary_term_set_id (term, "t");
  ep_district_add_term (district, term);
  g_assert_true (ep_district_add_school (district, school, NULL));
  ep_school_add_indicator (school, indicator);
  ep_idea_set_id (idea, "i1");
  ep_plan_add (plan, idea);
  ep_intervention_set_id (action, "a1");
  ep_plan_add (plan, action);
  ep_plan_add (plan, champion);
  ep_plan_add (plan, session);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2026);
  ep_log_entry_set_date (entry, &date);
  ep_plan_add (plan, entry);
  ep_school_add_plan (school, plan);
  ep_node_add_foreign_element (idea, "<x:tag xmlns:x=\"urn:x\"></x:tag>");
  ep_node_add_foreign_element (group, "<x:tag xmlns:x=\"urn:x\"></x:tag>");

  assert_roundtrip_stable (district);
}

/* Numbers and dates in files do not follow the locale. */
static void
test_locale_independent (void)
{
  static const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8" };
  g_autoptr(EpDistrict) district = ep_synth_district (6, 2, 5);
  g_autoptr(GBytes) reference = ep_xml_write_bytes (district);
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(EpDistrict) back = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;
      char probe[32];

      if (setlocale (LC_ALL, locales[i]) == NULL)
        g_error ("the locale %s is not installed; build-aux/test installs it", locales[i]);
      /* The locale is really in force: its decimal mark is a comma. */
      g_snprintf (probe, sizeof probe, "%.1f", 30.5);
      g_assert_cmpstr (probe, ==, "30,5");

      bytes = ep_xml_write_bytes (district);
      g_assert_true (g_bytes_equal (bytes, reference));
      back = ep_xml_read_bytes (bytes, "locale.eqplan", &error);
      g_assert_no_error (error);
      again = ep_xml_write_bytes (back);
      g_assert_true (g_bytes_equal (again, reference));
    }
  setlocale (LC_ALL, old);
}

typedef struct {
  const char *name;
  const char *xml;
  EpXmlError  code;
  const char *position;   /* "LINE:COLUMN" or NULL when not asserted */
  const char *words;      /* a phrase the message must contain */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", EP_XML_ERROR_MALFORMED, NULL, "empty" },
  { "blank", "   \n\n", EP_XML_ERROR_MALFORMED, NULL, NULL },
  { "garbage", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", EP_XML_ERROR_MALFORMED, NULL, NULL },
  { "html", "<html><body>plan</body></html>", EP_XML_ERROR_NOT_EQPLAN, "1:1", "not an Equity Planner file" },
  { "other-namespace", "<district xmlns=\"urn:other\" version=\"1.0\"/>", EP_XML_ERROR_NOT_EQPLAN, "1:1", "urn:other" },
  { "no-namespace", "<district version=\"1.0\"/>", EP_XML_ERROR_NOT_EQPLAN, NULL, NULL },
  { "newer-major", "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"2.0\"/>", EP_XML_ERROR_NEWER_VERSION, "1:1", "newer" },
  { "no-version", "<district xmlns=\"urn:equity-planner:eqplan:1\"/>", EP_XML_ERROR_INVALID, "1:1", "version" },
  { "bad-version", "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"one\"/>", EP_XML_ERROR_INVALID, NULL, "version" },
  { "mismatched-tag", HEAD GROUPS "  <school id=\"S1\"><name>A</nam></school>\n</district>\n",
    EP_XML_ERROR_MALFORMED, "8:32", NULL },
  { "truncated", HEAD GROUPS "  <school id=\"S1\"><name>A</name>\n", EP_XML_ERROR_MALFORMED, NULL, NULL },
  { "billion-laughs",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district [\n <!ENTITY a \"aaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n]>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>&g;</name></district>\n",
    EP_XML_ERROR_FORBIDDEN, NULL, "DOCTYPE" },
  { "external-entity",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>&x;</name></district>\n",
    EP_XML_ERROR_FORBIDDEN, NULL, "DOCTYPE" },
  { "external-dtd",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE district SYSTEM \"http://127.0.0.1:9/eqplan.dtd\">\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" version=\"1.0\"><name>x</name></district>\n",
    EP_XML_ERROR_FORBIDDEN, NULL, "DOCTYPE" },
  { "undefined-entity", HEAD "  <name>&nbsp;</name>\n</district>\n", EP_XML_ERROR_FORBIDDEN, "3:15", "&nbsp;" },
  { "invalid-utf8", HEAD "  <name>caf\xe9</name>\n</district>\n", EP_XML_ERROR_MALFORMED, NULL, "UTF-8" },
  { "control-char-ref", HEAD "  <name>a&#1;b</name>\n</district>\n", EP_XML_ERROR_MALFORMED, NULL, NULL },
  { "negative-denominator",
    HEAD GROUPS "  <school id=\"S1\">\n    <name>A</name>\n    <indicator id=\"i\">\n      <name>I</name>\n"
    "      <measurements>\n        <m group=\"EL\" period=\"2024-25\" num=\"1\" den=\"-4\"/>\n"
    "      </measurements>\n    </indicator>\n  </school>\n</district>\n",
    EP_XML_ERROR_INVALID, "13:9", "cannot be negative" },
  { "numerator-above-denominator",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" num=\"45\" den=\"40\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "8:79", "cannot be larger" },
  { "nan-value",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" value=\"NaN\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "not a number" },
  { "overflow-value",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" value=\"1e309\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "not a number" },
  { "comma-decimal",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" value=\"3,5\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "with a point" },
  { "fractional-count",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" num=\"1.5\" den=\"4\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "whole numbers" },
  { "undeclared-group",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"AI\" period=\"2024-25\" num=\"1\" den=\"4\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "“AI”" },
  { "duplicate-measurement",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" num=\"1\" den=\"4\"/>\n<m group=\"EL\" period=\"2024-25\" num=\"2\" den=\"4\"/>"
    "</measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "9:1", "already a measurement" },
  { "duplicate-measurement-unsorted",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" num=\"1\" den=\"4\"/><m group=\"all\" period=\"2023-24\" num=\"1\" den=\"4\"/>"
    "<m group=\"EL\" period=\"2024-25\" num=\"2\" den=\"4\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "two measurements" },
  { "count-mismatch",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements count=\"3\">"
    "<m group=\"EL\" period=\"2024-25\" num=\"1\" den=\"4\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "count=\"3\"" },
  { "suppressed-with-numerator",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"EL\" period=\"2024-25\" num=\"3\" den=\"4\" suppressed=\"*\"/></measurements></indicator></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "suppressed" },
  { "duplicate-school",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name></school>\n  <school id=\"S1\"><name>B</name></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "9:3", "“S1”" },
  { "duplicate-group",
    HEAD "  <name>x</name>\n  <groups>\n    <group id=\"EL\"><label>a</label></group>\n    <group id=\"EL\"><label>b</label></group>\n  </groups>\n</district>\n",
    EP_XML_ERROR_INVALID, "6:5", "“EL”" },
  { "school-without-id", HEAD GROUPS "  <school><name>A</name></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "8:3", "id" },
  { "unknown-element", HEAD GROUPS "  <school id=\"S1\"><name>A</name><budget/></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "8:33", "<budget>" },
  { "unknown-attribute", HEAD GROUPS "  <school id=\"S1\" colour=\"red\"><name>A</name></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "8:3", "colour" },
  { "bad-enum",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\" phase=\"execute\"/></school>\n</district>\n",
    EP_XML_ERROR_INVALID, "8:33", "prerequisites, diagnose" },
  { "bad-date",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\"><log>"
    "<entry date=\"12/09/2025\">x</entry></log></plan></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "YYYY-MM-DD" },
  { "idea-score-out-of-range",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\"><ideas>"
    "<idea id=\"i1\" impact=\"9\"><title>x</title></idea></ideas></plan></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "between" },
  { "problem-unknown-indicator",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\"><diagnosis>"
    "<problem group=\"EL\" indicator=\"nope\"/></diagnosis></plan></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "“nope”" },
  { "text-in-school", HEAD GROUPS "  <school id=\"S1\">stray words<name>A</name></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "text is not allowed" },
  { "element-in-text", HEAD "  <name>A <b>bold</b></name>\n</district>\n",
    EP_XML_ERROR_INVALID, "3:11", "cannot contain" },
  { "duplicate-plan-cycle",
    HEAD GROUPS "  <school id=\"S1\"><name>A</name><plan cycle=\"2025-26\"/><plan cycle=\"2025-26\"/></school>\n</district>\n",
    EP_XML_ERROR_INVALID, NULL, "“2025-26”" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  gsize len = g_str_equal (c->name, "garbage") ? 17 : strlen (c->xml);
  g_autoptr(GBytes) bytes = g_bytes_new (c->xml, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  gint64 start = g_get_monotonic_time ();

  district = ep_xml_read_bytes (bytes, "test.eqplan", &error);
  g_assert_null (district);
  g_assert_nonnull (error);
  g_test_message ("%s → %s", c->name, error->message);
  g_assert_error (error, EP_XML_ERROR, (int) c->code);
  g_assert_true (g_str_has_prefix (error->message, "test.eqplan:"));
  if (c->position != NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("test.eqplan:%s: ", c->position);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("%s: expected the position %s in “%s”", c->name, c->position, error->message);
    }
  if (c->words != NULL && strstr (error->message, c->words) == NULL)
    g_error ("%s: expected “%s” in “%s”", c->name, c->words, error->message);
  /* Refusals are quick. */
  if (g_getenv ("EP_TEST_SLOW") == NULL)  /* set by build-aux/valgrind */
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD "  <name>x</name>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;

  /* 100,000 levels of another vocabulary's elements. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<x:a xmlns:x=\"urn:x\">");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  district = ep_xml_read_bytes (bytes, "test.eqplan", &error);
  g_assert_null (district);
  g_assert_true (g_error_matches (error, EP_XML_ERROR, EP_XML_ERROR_TOO_LARGE) ||
                 g_error_matches (error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED));
  g_assert_true (g_str_has_prefix (error->message, "test.eqplan:"));
}

static void
test_huge_text (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD "  <name>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;

  char block[1024];

  /* 12 MB in one text node: more than a plan's text can be. */
  memset (block, 'a', sizeof block);
  for (guint i = 0; i < 12 * 1024; i++)
    g_string_append_len (xml, block, sizeof block);
  g_string_append (xml, "</name>\n</district>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  district = ep_xml_read_bytes (bytes, "test.eqplan", &error);
  g_assert_null (district);
  g_assert_true (g_error_matches (error, EP_XML_ERROR, EP_XML_ERROR_TOO_LARGE) ||
                 g_error_matches (error, EP_XML_ERROR, EP_XML_ERROR_MALFORMED));
  g_assert_true (g_str_has_prefix (error->message, "test.eqplan:3:"));
}

/* XInclude is not processed: the element is kept as another vocabulary's
 * content, and the file it names is never read. */
static void
test_xinclude_not_processed (void)
{
  const char *xml = HEAD GROUPS
    "  <school id=\"S1\"><name>A</name>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>"
    "</school>\n</district>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = ep_test_read_string (xml, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = ep_test_write_string (district);
  g_assert_nonnull (strstr (out, "href=\"/etc/passwd\""));
  g_assert_null (strstr (out, "root:"));
}

/* A newer minor version's additions are kept and written back; the same
 * additions in a file that claims this version are errors (typos). */
static void
test_newer_minor_kept (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<district xmlns=\"urn:equity-planner:eqplan:1\" xmlns:o=\"urn:example:other\" version=\"1.3\">\n"
    GROUPS
    "  <school id=\"S1\" sector=\"public\">\n"
    "    <name>A</name>\n"
    "    <plan cycle=\"2025-26\" o:origin=\"import\">\n"
    "      <budget-lines><line amount=\"1200\">Interpreters &amp; childcare</line></budget-lines>\n"
    "    </plan>\n"
    "    <o:note level=\"2\">kept <o:b>as is</o:b></o:note>\n"
    "  </school>\n"
    "</district>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = ep_test_read_string (xml, &error);
  g_autofree char *out = NULL;
  g_autoptr(EpDistrict) again = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *as_current = NULL;
  g_autoptr(EpDistrict) refused = NULL;

  g_assert_no_error (error);
  out = ep_test_write_string (district);
  g_assert_nonnull (strstr (out, "sector=\"public\""));
  g_assert_nonnull (strstr (out, "version=\"1.3\""));
  g_assert_nonnull (strstr (out, "<line xmlns=\"urn:equity-planner:eqplan:1\" amount=\"1200\">Interpreters &amp; childcare</line>"));
  g_assert_nonnull (strstr (out, "o:origin=\"import\""));
  g_assert_nonnull (strstr (out, "<o:note xmlns:o=\"urn:example:other\" level=\"2\">kept <o:b xmlns:o=\"urn:example:other\">as is</o:b></o:note>"));

  /* What was kept reads back and writes out the same. */
  again = ep_test_read_string (out, &error);
  g_assert_no_error (error);
  out2 = ep_test_write_string (again);
  g_assert_cmpstr (out, ==, out2);

  as_current = g_strdup (xml);
  memcpy (strstr (as_current, "version=\"1.3\""), "version=\"1.0\"", 13);
  refused = ep_test_read_string (as_current, &error);
  g_assert_null (refused);
  g_assert_error (error, EP_XML_ERROR, EP_XML_ERROR_INVALID);
}

/* The same file saved by an editor as UTF-16 with a byte-order mark. */
static void
test_utf16_accepted (void)
{
  g_autoptr(EpDistrict) demo = ep_test_load_demo ();
  g_autofree char *utf8 = ep_test_write_string (demo);
  g_autofree char *declared = NULL;
  g_autofree char *utf16 = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) reference = ep_xml_write_bytes (demo);
  GString *with_bom;
  char *enc;

  declared = g_strdup (utf8);
  enc = strstr (declared, "encoding=\"UTF-8\"");
  g_assert_nonnull (enc);
  memcpy (enc, "encoding=\"UTF16\"", 16);
  utf16 = g_convert (declared, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  with_bom = g_string_new_len ("\xff\xfe", 2);
  g_string_append_len (with_bom, utf16, len);
  bytes = g_string_free_to_bytes (with_bom);

  district = ep_xml_read_bytes (bytes, "utf16.eqplan", &error);
  g_assert_no_error (error);
  back = ep_xml_write_bytes (district);
  g_assert_true (g_bytes_equal (back, reference));
}

/* "&" in attribute values reads back as "&" (libxml2 hands it over as
 * "&#38;" when it does not substitute entities). Found by fuzz-csv-import. */
static void
test_ampersand_in_attributes (void)
{
  const char *xml = HEAD "  <name>x</name>\n  <groups>\n"
    "    <group id=\"A&amp;B\" category=\"other\"><label>A &amp; B</label></group>\n  </groups>\n"
    "  <school id=\"S&#38;1\"><name>A</name><indicator id=\"i\"><name>I</name><measurements>"
    "<m group=\"A&amp;B\" period=\"2024&amp;25\" suppressed=\"&lt;&amp;\"/></measurements></indicator></school>\n"
    "</district>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = ep_test_read_string (xml, &error);
  g_autofree char *out = NULL;
  EpSchool *school;
  EpMeasurement m;

  g_assert_no_error (error);
  g_assert_nonnull (ep_district_find_group (district, "A&B"));
  school = ep_district_find_school (district, "S&1");
  g_assert_nonnull (school);
  g_assert_true (ep_indicator_lookup (ep_school_find_indicator (school, "i"), "A&B", "2024&25", &m));
  g_assert_cmpstr (m.marker, ==, "<&");
  out = ep_test_write_string (district);
  g_assert_nonnull (strstr (out, "period=\"2024&amp;25\""));
  g_assert_null (strstr (out, "#38;"));
  assert_roundtrip_stable (district);
}

static void
test_read_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/folder/plan.eqplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = ep_xml_read_file (file, NULL, NULL, &error);

  g_assert_null (district);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/folder/plan.eqplan: "));
}

static void
test_truncated_everywhere (void)
{
  g_autoptr(EpDistrict) demo = ep_synth_district (2, 1, 3);
  g_autoptr(GBytes) full = ep_xml_write_bytes (demo);
  gsize size = g_bytes_get_size (full);
  guint refused = 0;

  /* Cut the file at many points: every cut is refused with a message, none
   * crashes, none yields half a district. */
  for (gsize cut = 0; cut < size - 1; cut += 97)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (full, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(EpDistrict) district = ep_xml_read_bytes (part, "cut.eqplan", &error);

      g_assert_null (district);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "cut.eqplan:"));
      refused++;
    }
  g_assert_cmpuint (refused, >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/demo/reads", test_demo_reads);
  g_test_add_func ("/xml/roundtrip/demo", test_roundtrip_demo);
  g_test_add_func ("/xml/roundtrip/synth", test_roundtrip_synth);
  g_test_add_func ("/xml/roundtrip/everything", test_roundtrip_everything);
  g_test_add_func ("/xml/roundtrip/bare-records", test_roundtrip_bare_records);
  g_test_add_func ("/xml/locale-independent", test_locale_independent);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/refuses/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/xml/refuses/deep-nesting", test_deep_nesting);
  g_test_add_func ("/xml/refuses/huge-text", test_huge_text);
  g_test_add_func ("/xml/refuses/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/xml/xinclude-not-processed", test_xinclude_not_processed);
  g_test_add_func ("/xml/newer-minor-kept", test_newer_minor_kept);
  g_test_add_func ("/xml/utf16", test_utf16_accepted);
  g_test_add_func ("/xml/read-missing-file", test_read_missing_file);
  g_test_add_func ("/xml/ampersand-in-attributes", test_ampersand_in_attributes);

  return g_test_run ();
}
