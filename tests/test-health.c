/* test-health.c — the plan-health check: each finding exactly when it should
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ep-test-util.h"

/* A complete, healthy plan, built in code; each test breaks one thing. */
typedef struct {
  EpDistrict     *district;
  EpSchool       *school;      /* borrowed from district */
  EpPlan         *plan;        /* borrowed from school */
  EpIndicator    *reading;     /* lagging, higher is better; the problem indicator */
  EpIndicator    *attendance;  /* leading, lower is better */
  EpIntervention *actions[3];  /* borrowed from plan */
  GDate           today;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->district);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static GDate
date (const char *text)
{
  GDate d;

  g_assert_true (ep_parse_date (text, &d));
  return d;
}

static void
set_count (EpIndicator *indicator,
           const char  *group,
           const char  *period,
           guint32      numerator,
           guint32      denominator)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ep_indicator_set_count (indicator, group, period, numerator, denominator, &error));
  g_assert_no_error (error);
}

static EpIntervention *
add_action (EpPlan       *plan,
            const char   *id,
            const char   *owner,
            EpActionArea  area)
{
  g_autoptr(EpIntervention) action = ep_intervention_new ();
  GDate start = date ("2025-08-15");
  GDate end = date ("2026-06-05");

  ep_intervention_set_id (action, id);
  ep_intervention_set_title (action, id);
  ep_intervention_set_owner (action, owner);
  ep_intervention_set_start (action, &start);
  ep_intervention_set_end (action, &end);
  ep_intervention_set_area (action, area);
  ep_intervention_set_status (action, EP_STATUS_IN_PROGRESS);
  ep_intervention_set_metric (action, "Share of families reached (goal 95%)");
  ep_plan_add (plan, action);
  return action;
}

static void
add_idea (EpPlan     *plan,
          const char *id,
          gboolean    chosen)
{
  g_autoptr(EpIdea) idea = ep_idea_new ();

  ep_idea_set_id (idea, id);
  ep_idea_set_title (idea, id);
  ep_idea_set_chosen (idea, chosen);
  ep_plan_add (plan, idea);
}

static void
add_log (EpPlan     *plan,
         const char *when)
{
  g_autoptr(EpLogEntry) entry = ep_log_entry_new ();
  GDate d;

  if (when != NULL)
    {
      d = date (when);
      ep_log_entry_set_date (entry, &d);
    }
  ep_log_entry_set_who (entry, "Equity team");
  ep_log_entry_set_text (entry, "Decided.");
  ep_plan_add (plan, entry);
}

static EpListeningSession *
add_session (EpPlan     *plan,
             const char *language,
             gboolean    interpretation,
             gboolean    childcare)
{
  g_autoptr(EpListeningSession) session = ep_listening_session_new ();
  GDate d = date ("2025-05-01");

  ep_listening_session_set_date (session, &d);
  ep_listening_session_set_language (session, language);
  ep_listening_session_set_interpretation (session, interpretation);
  ep_listening_session_set_childcare (session, childcare);
  ep_listening_session_set_audience (session, "Families of English learners");
  ep_listening_session_set_heard (session, "Absence letters read as a threat.");
  ep_plan_add (plan, session);
  return session;
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(EpGlossaryTerm) term = ep_glossary_term_new ();
  g_autoptr(EpSchool) school = ep_school_new ("S1", "Chávez Middle School");
  g_autoptr(EpIndicator) reading = ep_indicator_new ("reading");
  g_autoptr(EpIndicator) attendance = ep_indicator_new ("attendance");
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpChampion) champion = ep_champion_new ();

  f->district = ep_district_new ("Riverside");
  ep_district_add_standard_groups (f->district);
  ep_glossary_term_set_id (term, "equity");
  ep_glossary_term_set_name (term, "Equity");
  ep_glossary_term_set_definition (term, "Giving each student what they need to thrive.");
  ep_district_add_term (f->district, term);
  g_assert_true (ep_district_add_school (f->district, school, NULL));
  f->school = school;

  ep_indicator_set_name (reading, "Reading proficiency");
  ep_indicator_set_kind (reading, EP_INDICATOR_LAGGING);
  ep_indicator_set_direction (reading, EP_DIRECTION_HIGHER_IS_BETTER);
  set_count (reading, "EL", "2024-25", 30, 100);
  set_count (reading, "all", "2024-25", 110, 200);
  ep_school_add_indicator (school, reading);
  f->reading = reading;
  ep_indicator_set_name (attendance, "Chronic absenteeism");
  ep_indicator_set_kind (attendance, EP_INDICATOR_LEADING);
  ep_indicator_set_direction (attendance, EP_DIRECTION_LOWER_IS_BETTER);
  set_count (attendance, "EL", "2024-25", 20, 100);
  set_count (attendance, "all", "2024-25", 30, 200);
  ep_school_add_indicator (school, attendance);
  f->attendance = attendance;

  ep_school_add_plan (school, plan);
  f->plan = plan;
  ep_plan_set_phase (plan, EP_PHASE_IMPLEMENT);
  add_session (plan, "es", TRUE, TRUE);
  ep_plan_set_curriculum (plan, "Principal and the Instructional Leadership Team");
  ep_plan_set_budget (plan, "School Site Council");
  ep_plan_set_partnerships (plan, "District family engagement office");
  ep_champion_set_level (champion, EP_LEVEL_SCHOOL);
  ep_champion_set_name (champion, "Marisol Herrera");
  ep_plan_add (plan, champion);

  ep_plan_set_focus (plan, EP_FOCUS_LITERACY);
  ep_plan_set_problem_group (plan, "EL");
  ep_plan_set_problem_indicator (plan, "reading");
  ep_plan_set_baseline (plan, 30);
  ep_plan_set_baseline_period (plan, "2024-25");
  ep_plan_set_target (plan, 50);
  ep_plan_set_target_period (plan, "2027-28");

  add_idea (plan, "i1", TRUE);
  add_idea (plan, "i2", TRUE);
  add_idea (plan, "i3", FALSE);
  f->actions[0] = add_action (plan, "a1", "Ana Rivera", EP_AREA_CURRICULUM);
  f->actions[1] = add_action (plan, "a2", "David Nguyen", EP_AREA_FAMILY_ENGAGEMENT);
  f->actions[2] = add_action (plan, "a3", "Farah Haddad", EP_AREA_POLICY);
  add_log (plan, "2026-01-10");

  f->today = date ("2026-02-01");
}

static GPtrArray *
check (Fixture *f)
{
  GPtrArray *findings = ep_health_check (f->district, f->school, f->plan, &f->today);

  g_assert_nonnull (findings);
  return findings;
}

/* Asserts that the findings have exactly these codes, in this order. */
static void
assert_codes (GPtrArray *findings,
              ...)
{
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);
  const char *code;
  va_list args;

  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (got, "%s%s", i ? " " : "", finding->code);
      g_assert_nonnull (finding->message);
      g_assert_cmpstr (finding->message, !=, "");
      g_assert_null (strchr (finding->message, '\n'));
    }
  va_start (args, findings);
  while ((code = va_arg (args, const char *)) != NULL)
    g_string_append_printf (want, "%s%s", want->len ? " " : "", code);
  va_end (args);
  if (!g_str_equal (got->str, want->str))
    g_error ("expected findings [%s], got [%s]", want->str, got->str);
}

static EpFinding *
nth (GPtrArray *findings,
     guint      i)
{
  g_assert_cmpuint (i, <, findings->len);
  return g_ptr_array_index (findings, i);
}

static void
assert_finding (GPtrArray  *findings,
                guint       i,
                EpSeverity  severity,
                EpPlanPage  page,
                gpointer    item)
{
  EpFinding *finding = nth (findings, i);

  g_assert_cmpint (finding->severity, ==, severity);
  g_assert_cmpint (finding->page, ==, page);
  g_assert_true (finding->item == item);
}

static void
test_healthy (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  for (EpPhase phase = EP_PHASE_PREREQUISITES; phase <= EP_PHASE_REFLECT; phase++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      ep_plan_set_phase (f.plan, phase);
      findings = check (&f);
      assert_codes (findings, NULL);
    }
}

static void
test_no_plan (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  findings = ep_health_check (f.district, f.school, NULL, &f.today);
  assert_codes (findings, "no-plan", NULL);
  assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_OVERVIEW, NULL);
}

static void
test_glossary (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(EpGlossaryTerm) term = NULL;

  fixture_init (&f);
  term = g_list_model_get_item (ep_district_get_glossary (f.district), 0);
  g_assert_true (ep_district_remove_term (f.district, term));
  findings = check (&f);
  assert_codes (findings, "no-glossary", NULL);
  assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_DISTRICT_SETTINGS, NULL);
}

static void
test_listening (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(EpListeningSession) session = NULL;
  EpListeningSession *other;

  fixture_init (&f);
  session = g_list_model_get_item (ep_plan_get_listening_sessions (f.plan), 0);
  g_assert_true (ep_plan_remove (f.plan, session));
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-listening-session", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_PREREQUISITES, NULL);
  }

  /* In the district's language, no interpretation: not accessible. */
  other = add_session (f.plan, "en-US", FALSE, TRUE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-language-access", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_PREREQUISITES, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "(en)"));
  }
  ep_listening_session_set_language (other, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-language-access", NULL);
  }
  /* Interpretation offered, or held in another language: fine. */
  ep_listening_session_set_interpretation (other, TRUE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  ep_listening_session_set_interpretation (other, FALSE);
  ep_listening_session_set_language (other, "so");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  /* "so" is the district's language in a Somali district. */
  ep_district_set_language (f.district, "so");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-language-access", NULL);
  }
  ep_district_set_language (f.district, "en");

  ep_listening_session_set_childcare (other, FALSE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-childcare", NULL);
    assert_finding (findings, 0, EP_SEVERITY_INFO, EP_PAGE_PREREQUISITES, NULL);
  }
  /* Both at once: warning before info. */
  ep_listening_session_set_language (other, "en");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-language-access", "no-childcare", NULL);
  }
  /* Any one session that offers it is enough. */
  add_session (f.plan, "en", TRUE, TRUE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
}

static void
test_decision_structure (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  ep_plan_set_budget (f.plan, "  ");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "decision-structure-incomplete", NULL);
    assert_finding (findings, 0, EP_SEVERITY_INFO, EP_PAGE_PREREQUISITES, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "budget"));
  }
  ep_plan_set_curriculum (f.plan, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "decision-structure-incomplete", "decision-structure-incomplete", NULL);
    /* In the plan's order: curriculum, budget, partnerships. */
    g_assert_nonnull (strstr (nth (findings, 0)->message, "curriculum"));
    g_assert_nonnull (strstr (nth (findings, 1)->message, "budget"));
  }
  ep_plan_set_partnerships (f.plan, "");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-decision-structure", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_PREREQUISITES, NULL);
  }
}

static void
test_champions (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(EpChampion) champion = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  fixture_init (&f);
  champion = g_list_model_get_item (ep_plan_get_champions (f.plan), 0);
  g_assert_true (ep_plan_remove (f.plan, champion));
  findings = check (&f);
  assert_codes (findings, "no-champions", NULL);
  assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_PREREQUISITES, NULL);
}

static void
test_indicators (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  ep_indicator_set_kind (f.attendance, EP_INDICATOR_LAGGING);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "only-lagging-indicators", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_DIAGNOSE, NULL);
  }

  /* A school without data, still settling its prerequisites. */
  {
    g_autoptr(EpSchool) school = ep_school_new ("S2", "Lincoln Elementary");
    g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
    g_autoptr(EpChampion) champion = ep_champion_new ();
    g_autoptr(GPtrArray) findings = NULL;

    g_assert_true (ep_district_add_school (f.district, school, NULL));
    ep_school_add_plan (school, plan);
    add_session (plan, "es", TRUE, TRUE);
    ep_plan_set_curriculum (plan, "Principal");
    ep_plan_set_budget (plan, "School Site Council");
    ep_plan_set_partnerships (plan, "District");
    ep_champion_set_name (champion, "Tanisha Brooks");
    ep_plan_add (plan, champion);
    findings = ep_health_check (f.district, school, plan, &f.today);
    assert_codes (findings, "no-indicators", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_DIAGNOSE, NULL);
  }
}

#define N_PROBLEM_PARTS 6

/* Leaves out one part of the problem statement; returns the code expected. */
static const char *
break_problem (EpPlan *plan,
               guint   part)
{
  switch (part)
    {
    case 0: ep_plan_set_problem_group (plan, NULL); return "no-problem-group";
    case 1: ep_plan_set_problem_indicator (plan, ""); return "no-problem-indicator";
    case 2: ep_plan_clear_baseline (plan); return "no-baseline";
    case 3: ep_plan_set_baseline_period (plan, NULL); return "no-baseline-period";
    case 4: ep_plan_clear_target (plan); return "no-target";
    case 5: ep_plan_set_target_period (plan, " "); return "no-target-period";
    default: g_assert_not_reached ();
    }
  return NULL;
}

static void
test_problem_statement (void)
{
  g_auto(Fixture) f = { 0 };

  for (guint part = 0; part < N_PROBLEM_PARTS; part++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      const char *code;

      fixture_init (&f);
      code = break_problem (f.plan, part);
      findings = check (&f);
      assert_codes (findings, code, NULL);
      assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_DIAGNOSE, NULL);
      fixture_clear (&f);
    }

  /* All at once, sorted by code. */
  fixture_init (&f);
  for (guint part = 0; part < N_PROBLEM_PARTS; part++)
    break_problem (f.plan, part);
  ep_plan_set_phase (f.plan, EP_PHASE_DIAGNOSE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-baseline", "no-baseline-period", "no-problem-group",
                  "no-problem-indicator", "no-target", "no-target-period", NULL);
  }
  /* Not asked for before the diagnosis. */
  ep_plan_set_phase (f.plan, EP_PHASE_PREREQUISITES);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }

  /* Ids that do not exist. */
  fixture_clear (&f);
  fixture_init (&f);
  ep_plan_set_problem_group (f.plan, "XX");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "unknown-problem-group", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_DIAGNOSE, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "“XX”"));
  }
  ep_plan_set_problem_group (f.plan, "EL");
  ep_plan_set_problem_indicator (f.plan, "graduation");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "unknown-problem-indicator", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "“graduation”"));
  }
}

static void
test_target_direction (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  /* Higher is better: the target must be above the baseline. */
  ep_plan_set_target (f.plan, 30);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "target-wrong-direction", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_DIAGNOSE, NULL);
  }
  ep_plan_set_target (f.plan, 20.5);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "target-wrong-direction", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "(20.5)"));
    g_assert_nonnull (strstr (nth (findings, 0)->message, "(30)"));
    g_assert_nonnull (strstr (nth (findings, 0)->message, "Reading proficiency"));
  }
  /* Lower is better: 20% chronically absent → 10% is right, → 25% is not. */
  ep_plan_set_problem_indicator (f.plan, "attendance");
  ep_plan_set_baseline (f.plan, 20);
  ep_plan_set_target (f.plan, 10);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  ep_plan_set_target (f.plan, 25);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "target-wrong-direction", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "lower is better"));
  }
}

static void
test_disaggregated_baseline (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  g_assert_true (ep_indicator_remove_measurement (f.reading, "EL", "2024-25"));
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-disaggregated-baseline", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_DIAGNOSE, f.reading);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "English learners"));
  }
  g_assert_true (ep_indicator_remove_measurement (f.reading, "all", "2024-25"));
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-disaggregated-baseline", NULL);
  }
  set_count (f.reading, "EL", "2024-25", 30, 100);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-disaggregated-baseline", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "all students"));
  }
  set_count (f.reading, "all", "2024-25", 110, 200);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }

  /* A cell suppressed at source gives no number to start from. */
  g_assert_true (ep_indicator_set_suppressed (f.reading, "EL", "2024-25", "*", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-disaggregated-baseline", NULL);
  }
  /* A mean score with its n counts. */
  g_assert_true (ep_indicator_set_value (f.reading, "EL", "2024-25", 231.5, 80, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }

  /* Data for another period than the baseline's does not count. */
  ep_plan_set_baseline_period (f.plan, "2023-24");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-disaggregated-baseline", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "2023-24"));
  }
}

static void
test_focus (void)
{
  g_auto(Fixture) f = { 0 };
  EpIntervention *fourth;

  fixture_init (&f);
  add_idea (f.plan, "i4", TRUE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);  /* three chosen */
  }
  add_idea (f.plan, "i5", TRUE);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "too-many-chosen-ideas", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_DESIGN, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "4 ideas"));
  }

  fixture_clear (&f);
  fixture_init (&f);
  fourth = add_action (f.plan, "a4", "Rosa Delgado", EP_AREA_OTHER);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "too-many-actions", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_IMPLEMENT, NULL);
  }
  /* A stopped action no longer takes the team's time. */
  ep_intervention_set_status (fourth, EP_STATUS_STOPPED);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
}

static void
test_no_actions (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  for (guint i = 0; i < G_N_ELEMENTS (f.actions); i++)
    g_assert_true (ep_plan_remove (f.plan, f.actions[i]));
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-actions", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_IMPLEMENT, NULL);
  }
  /* Nothing chosen either: back to design. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (ep_plan_get_ideas (f.plan), i);
      ep_idea_set_chosen (idea, FALSE);
    }
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-actions", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_DESIGN, NULL);
  }
  ep_plan_set_phase (f.plan, EP_PHASE_REFLECT);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-actions", NULL);
  }
  /* Still designing: fine. */
  ep_plan_set_phase (f.plan, EP_PHASE_DESIGN);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
}

static void
test_action_fields (void)
{
  g_auto(Fixture) f = { 0 };
  EpIntervention *a2;

  fixture_init (&f);
  a2 = f.actions[1];
  ep_intervention_set_owner (a2, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-no-owner", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_IMPLEMENT, a2);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "“a2”"));
  }
  ep_intervention_set_owner (a2, "David Nguyen");

  ep_intervention_set_start (a2, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-no-dates", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_IMPLEMENT, a2);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "start"));
  }
  ep_intervention_set_end (a2, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-no-dates", NULL);  /* one finding, not two */
  }
  {
    GDate start = date ("2025-08-15");
    ep_intervention_set_start (a2, &start);
  }
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-no-dates", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "end"));
  }
  {
    GDate end = date ("2026-06-05");
    ep_intervention_set_end (a2, &end);
  }

  /* Two actions without a metric: one finding each, in the plan's order;
   * a stopped action still needs one to be judged. */
  ep_intervention_set_metric (f.actions[2], "");
  ep_intervention_set_metric (f.actions[0], NULL);
  ep_intervention_set_status (f.actions[2], EP_STATUS_STOPPED);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-no-metric", "action-no-metric", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_IMPLEMENT, f.actions[0]);
    assert_finding (findings, 1, EP_SEVERITY_ERROR, EP_PAGE_IMPLEMENT, f.actions[2]);
  }

  /* Error first, then warnings by code. */
  ep_intervention_set_owner (a2, "");
  ep_intervention_set_start (a2, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-no-metric", "action-no-metric", "action-no-dates",
                  "action-no-owner", NULL);
  }
}

static void
test_owner_overload (void)
{
  g_auto(Fixture) f = { 0 };
  EpIntervention *fourth;

  fixture_init (&f);
  /* 2 of 3, spelled differently: most of them. */
  ep_intervention_set_owner (f.actions[2], " ana rivera ");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "owner-overload", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_IMPLEMENT, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "2 of the 3"));
    g_assert_nonnull (strstr (nth (findings, 0)->message, "Ana Rivera"));
  }
  /* 2 of 4 is half, not most. */
  fourth = add_action (f.plan, "a4", "Rosa Delgado", EP_AREA_OTHER);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "too-many-actions", NULL);
  }
  /* 3 of 4 is. */
  ep_intervention_set_owner (fourth, "Ana Rivera");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "owner-overload", "too-many-actions", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "3 of the 4"));
  }
  /* Fewer than three running actions: too few to judge. */
  ep_intervention_set_status (fourth, EP_STATUS_STOPPED);
  ep_intervention_set_status (f.actions[1], EP_STATUS_STOPPED);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
}

static void
test_equity_lens (void)
{
  g_auto(Fixture) f = { 0 };
  const EpActionArea core[] = {
    EP_AREA_HIRING, EP_AREA_CURRICULUM, EP_AREA_BUDGET, EP_AREA_PROFESSIONAL_DEVELOPMENT,
  };

  fixture_init (&f);
  ep_intervention_set_area (f.actions[0], EP_AREA_OTHER);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "equity-as-program", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_IMPLEMENT, NULL);
  }
  for (guint i = 0; i < G_N_ELEMENTS (core); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      ep_intervention_set_area (f.actions[1], core[i]);
      findings = check (&f);
      assert_codes (findings, NULL);
    }
  /* A stopped core action does not make equity a lens. */
  ep_intervention_set_status (f.actions[1], EP_STATUS_STOPPED);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "equity-as-program", NULL);
  }
}

static void
test_log (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(EpLogEntry) entry = NULL;

  fixture_init (&f);
  /* Last entry 2026-01-10: 60 days later is still fine, 61 is not. */
  f.today = date ("2026-03-11");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  f.today = date ("2026-03-12");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "log-stale", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_IMPLEMENT, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "2026-01-10, 61 days ago"));
    g_assert_nonnull (strstr (nth (findings, 0)->message, "every 60 days"));
  }
  /* Entries without a date do not count; a newer one does. */
  add_log (f.plan, NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "log-stale", NULL);
  }
  add_log (f.plan, "2026-03-01");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  /* Only while implementing. */
  f.today = date ("2026-05-30");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "log-stale", NULL);
  }
  ep_plan_set_phase (f.plan, EP_PHASE_DESIGN);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }

  /* No log at all. */
  fixture_clear (&f);
  fixture_init (&f);
  entry = g_list_model_get_item (ep_plan_get_log (f.plan), 0);
  g_assert_true (ep_plan_remove (f.plan, entry));
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "log-stale", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "every 60 days"));
  }
}

static void
test_reflection (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  add_log (f.plan, "2026-06-01");
  /* The last action ends 2026-06-05. */
  f.today = date ("2026-06-05");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  f.today = date ("2026-06-06");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-reflection", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_REFLECT, NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "2026-06-05"));
  }
  /* A later end date anywhere keeps the implementation going. */
  {
    GDate end = date ("2026-12-18");
    ep_intervention_set_end (f.actions[1], &end);
  }
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  {
    GDate end = date ("2026-06-05");
    ep_intervention_set_end (f.actions[1], &end);
  }
  ep_plan_set_phase (f.plan, EP_PHASE_REFLECT);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "no-reflection", NULL);
  }
  ep_plan_set_reflection_lessons (f.plan, "It worked where it was done as designed.");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
  ep_plan_set_reflection_lessons (f.plan, NULL);
  ep_plan_set_phase (f.plan, EP_PHASE_DESIGN);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, NULL);
  }
}

static void
test_items_are_owned (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) findings = NULL;
  EpFinding *finding;

  fixture_init (&f);
  ep_intervention_set_title (f.actions[1], "Check & Connect mentors");
  ep_intervention_set_owner (f.actions[1], NULL);
  findings = check (&f);
  fixture_clear (&f);  /* drops the district, the school, the plan */
  finding = nth (findings, 0);
  g_assert_true (EP_IS_INTERVENTION (finding->item));
  g_assert_cmpstr (ep_intervention_get_title (EP_INTERVENTION (finding->item)), ==, "Check & Connect mentors");
  g_assert_nonnull (strstr (finding->message, "“Check & Connect mentors”"));
}

static void
test_order (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(EpGlossaryTerm) term = NULL;

  fixture_init (&f);
  term = g_list_model_get_item (ep_district_get_glossary (f.district), 0);
  ep_district_remove_term (f.district, term);
  ep_plan_clear_target (f.plan);
  ep_plan_set_curriculum (f.plan, NULL);
  ep_intervention_set_metric (f.actions[1], NULL);
  ep_intervention_set_owner (f.actions[1], NULL);
  ep_intervention_set_area (f.actions[0], EP_AREA_OTHER);
  f.today = date ("2026-12-01");
  findings = check (&f);
  assert_codes (findings,
                "action-no-metric", "no-target",
                "action-no-owner", "equity-as-program", "log-stale", "no-glossary", "no-reflection",
                "decision-structure-incomplete", NULL);
  for (guint i = 1; i < findings->len; i++)
    g_assert_cmpint (nth (findings, i - 1)->severity, >=, nth (findings, i)->severity);
}

static GPtrArray *
check_demo (EpDistrict *district,
            const char *school_id,
            const char *cycle,
            const char *today)
{
  EpSchool *school = ep_district_find_school (district, school_id);
  EpPlan *plan;
  GDate d = date (today);

  g_assert_nonnull (school);
  plan = cycle ? ep_school_find_plan (school, cycle) : ep_school_get_current_plan (school);
  g_assert_nonnull (plan);
  return ep_health_check (district, school, plan, &d);
}

static void
test_demo (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();

  /* Lincoln, still on its prerequisites: one listening session with its own
   * teachers, in English, no childcare; nobody named for decisions yet. */
  {
    g_autoptr(GPtrArray) findings = check_demo (district, "060000100001", NULL, "2026-03-15");
    assert_codes (findings, "no-decision-structure", "no-language-access", "no-childcare", NULL);
    assert_finding (findings, 0, EP_SEVERITY_WARNING, EP_PAGE_PREREQUISITES, NULL);
    assert_finding (findings, 2, EP_SEVERITY_INFO, EP_PAGE_PREREQUISITES, NULL);
  }
  /* Chávez, implementing: healthy in March (last log entry 2026-02-27)… */
  {
    g_autoptr(GPtrArray) findings = check_demo (district, "060000100002", NULL, "2026-03-15");
    assert_codes (findings, NULL);
  }
  /* …but in July the log has gone quiet and the actions (to 2026-06-04) are over. */
  {
    g_autoptr(GPtrArray) findings = check_demo (district, "060000100002", NULL, "2026-07-01");
    assert_codes (findings, "log-stale", "no-reflection", NULL);
    g_assert_nonnull (strstr (nth (findings, 0)->message, "2026-02-27, 124 days ago"));
    g_assert_nonnull (strstr (nth (findings, 1)->message, "2026-06-04"));
  }
  /* North High: the current plan (2025-26, design) is healthy; last year's
   * listening was all in English without interpretation. */
  {
    g_autoptr(GPtrArray) findings = check_demo (district, "060000100003", NULL, "2026-03-15");
    g_assert_cmpstr (ep_plan_get_cycle (ep_school_get_current_plan (ep_district_find_school (district, "060000100003"))), ==, "2025-26");
    assert_codes (findings, NULL);
  }
  {
    g_autoptr(GPtrArray) findings = check_demo (district, "060000100003", "2024-25", "2026-03-15");
    assert_codes (findings, "no-language-access", NULL);
  }
  /* Jefferson, diagnosing: a complete problem statement with data for
   * Hispanic students and all students in 2024-25. */
  {
    g_autoptr(GPtrArray) findings = check_demo (district, "060000100004", NULL, "2026-03-15");
    assert_codes (findings, NULL);
  }
}

/* Issue 14, defect 6: nonsense is refused with a reason, by one set of
 * rules (ep-validate) that the pages, the Overview and `eqplan check`
 * share. */
static void
test_validate_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EpDistrict) district = ep_district_new ("D");
  g_autoptr(EpSchool) school = ep_school_new ("S-1", "One");
  GDate a, b, first, last;
  g_autofree char *cycle = NULL;

  g_assert_true (ep_validate_value (EP_UNIT_PERCENT, 0, NULL));
  g_assert_true (ep_validate_value (EP_UNIT_PERCENT, 100, NULL));
  g_assert_false (ep_validate_value (EP_UNIT_PERCENT, 150, &error));
  g_assert_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);
  g_assert_false (ep_validate_value (EP_UNIT_PERCENT, -1, NULL));
  g_assert_true (ep_validate_value (EP_UNIT_RATE_PER_100, 180, NULL));
  g_assert_false (ep_validate_value (EP_UNIT_RATE_PER_100, -0.5, NULL));
  g_assert_false (ep_validate_value (EP_UNIT_COUNT, 2.5, NULL));
  g_assert_true (ep_validate_value (EP_UNIT_MEAN_SCORE, -12.5, NULL));
  g_assert_false (ep_validate_value (EP_UNIT_MEAN_SCORE, NAN, NULL));

  g_assert_true (ep_validate_period ("2024-25", NULL));
  g_assert_true (ep_validate_period ("2024-2025", NULL));
  g_assert_true (ep_validate_period ("2099-00", NULL));
  g_assert_true (ep_validate_period ("2025", NULL));
  g_assert_false (ep_validate_period ("2024-26", &error));
  g_assert_nonnull (strstr (error->message, "2024-25"));
  g_clear_error (&error);
  g_assert_false (ep_validate_period ("abc", NULL));
  g_assert_false (ep_validate_period ("24-25", NULL));

  g_assert_true (ep_validate_period_order ("2024-25", "2027-28", NULL));
  g_assert_false (ep_validate_period_order ("2024-25", "2023-24", &error));
  g_assert_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_ORDER);
  g_clear_error (&error);
  g_assert_false (ep_validate_period_order ("2024-25", "2024-25", NULL));

  a = date ("2026-03-01");
  b = date ("2026-02-01");
  g_assert_false (ep_validate_date_range (&a, &b, NULL));
  g_assert_true (ep_validate_date_range (&b, &a, NULL));
  g_assert_true (ep_validate_date_range (&a, &a, NULL));
  g_assert_true (ep_validate_date_range (NULL, &a, NULL));

  g_assert_true (ep_validate_counts (12, 40, NULL));
  g_assert_false (ep_validate_counts (41, 40, NULL));
  g_assert_false (ep_validate_counts (-1, 40, NULL));

  g_assert_true (ep_district_add_school (district, school, NULL));
  g_assert_true (ep_validate_school_id (district, "S-2", NULL, NULL));
  g_assert_true (ep_validate_school_id (district, "S-1", school, NULL));
  g_assert_false (ep_validate_school_id (district, "S-1", NULL, &error));
  g_assert_error (error, EP_VALIDATE_ERROR, EP_VALIDATE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (ep_validate_school_id (district, "", NULL, NULL));
  g_assert_false (ep_validate_school_id (district, "a b", NULL, NULL));
  g_assert_false (ep_validate_school_id (district, "../x", NULL, NULL));

  /* School years run July to June. */
  g_assert_true (ep_cycle_dates ("2025-26", &first, &last));
  g_assert_cmpint (g_date_get_year (&first), ==, 2025);
  g_assert_cmpint (g_date_get_month (&first), ==, G_DATE_JULY);
  g_assert_cmpint (g_date_get_year (&last), ==, 2026);
  g_assert_cmpint (g_date_get_month (&last), ==, G_DATE_JUNE);
  g_assert_cmpint (g_date_get_day (&last), ==, 30);
  g_assert_false (ep_cycle_dates ("next year", &first, &last));
  a = date ("2026-12-04");
  cycle = ep_cycle_for_date (&a);
  g_assert_cmpstr (cycle, ==, "2026-27");
  g_free (g_steal_pointer (&cycle));
  a = date ("2027-06-30");
  cycle = ep_cycle_for_date (&a);
  g_assert_cmpstr (cycle, ==, "2026-27");
}

/* The checks built on those rules: each pages' banner, the Overview and
 * `eqplan check` see them. */
static void
test_nonsense_findings (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  ep_plan_set_target_period (f.plan, "2023-24");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "target-before-baseline", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_DIAGNOSE, NULL);
  }
  ep_plan_set_target_period (f.plan, "2027-29");
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "invalid-period", NULL);
  }
  ep_plan_set_target_period (f.plan, "2027-28");
  ep_plan_set_target (f.plan, 150);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "value-out-of-range", NULL);
  }
  ep_plan_set_target (f.plan, 50);
  {
    GDate start = date ("2026-03-01"), end = date ("2026-02-01");

    ep_intervention_set_start (f.actions[1], &start);
    ep_intervention_set_end (f.actions[1], &end);
  }
  {
    g_autoptr(GPtrArray) findings = check (&f);
    assert_codes (findings, "action-ends-before-start", NULL);
    assert_finding (findings, 0, EP_SEVERITY_ERROR, EP_PAGE_IMPLEMENT, f.actions[1]);
  }
}

/* An action with no title is named "untitled", never by its internal id. */
static void
test_untitled_action (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  ep_intervention_set_title (f.actions[0], NULL);
  ep_intervention_set_metric (f.actions[0], NULL);
  {
    g_autoptr(GPtrArray) findings = check (&f);
    EpFinding *finding = findings->pdata[0];

    g_assert_cmpstr (finding->code, ==, "action-no-metric");
    g_assert_null (strstr (finding->message, "“a1”"));
    g_assert_nonnull (strstr (finding->message, "untitled"));
  }
}

/* A page checks its own step whatever the phase, so an empty Diagnose or a
 * Design page with no ideas never says that nothing is missing; a step is
 * complete when that list has no error or warning. */
static void
test_steps (void)
{
  g_autoptr(EpDistrict) district = ep_district_new ("D");
  g_autoptr(EpSchool) school = ep_school_new ("S1", "One");
  g_autoptr(EpPlan) plan = ep_plan_new ("2026-27");
  g_autoptr(GPtrArray) by_phase = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  GDate today = date ("2026-12-04");
  gboolean diagnose = FALSE, design = FALSE, reflect = FALSE;

  ep_district_add_standard_groups (district);
  g_assert_true (ep_district_add_school (district, school, NULL));
  ep_school_add_plan (school, plan);
  by_phase = ep_health_check (district, school, plan, &today);
  steps = ep_health_check_steps (district, school, plan, &today);
  for (guint i = 0; i < by_phase->len; i++)
    g_assert_cmpint (((EpFinding *) by_phase->pdata[i])->page, !=, EP_PAGE_DESIGN);
  for (guint i = 0; i < steps->len; i++)
    {
      EpFinding *finding = steps->pdata[i];

      diagnose |= finding->page == EP_PAGE_DIAGNOSE && g_str_equal (finding->code, "no-problem-group");
      design |= finding->page == EP_PAGE_DESIGN && g_str_equal (finding->code, "no-ideas");
      reflect |= finding->page == EP_PAGE_REFLECT && g_str_equal (finding->code, "no-reflection-yet");
    }
  g_assert_true (diagnose);
  g_assert_true (design);
  g_assert_true (reflect);
  g_assert_false (ep_health_step_complete (district, school, plan, EP_PHASE_DIAGNOSE, &today));
  g_assert_false (ep_health_step_complete (district, school, plan, EP_PHASE_DESIGN, &today));
  g_assert_false (ep_health_step_complete (district, school, plan, EP_PHASE_REFLECT, &today));
}

static void
test_steps_complete (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  g_assert_true (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_PREREQUISITES, &f.today));
  g_assert_true (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_DIAGNOSE, &f.today));
  g_assert_true (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_DESIGN, &f.today));
  g_assert_true (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_IMPLEMENT, &f.today));
  g_assert_false (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_REFLECT, &f.today));
  ep_plan_set_reflection_result (f.plan, "The gap narrowed by 6 points.");
  g_assert_true (ep_plan_get_has_reflection (f.plan));
  g_assert_true (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_REFLECT, &f.today));
  ep_plan_set_target_period (f.plan, "2023-24");
  g_assert_false (ep_health_step_complete (f.district, f.school, f.plan, EP_PHASE_DIAGNOSE, &f.today));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/healthy", test_healthy);
  g_test_add_func ("/health/no-plan", test_no_plan);
  g_test_add_func ("/health/glossary", test_glossary);
  g_test_add_func ("/health/listening", test_listening);
  g_test_add_func ("/health/decision-structure", test_decision_structure);
  g_test_add_func ("/health/champions", test_champions);
  g_test_add_func ("/health/indicators", test_indicators);
  g_test_add_func ("/health/problem-statement", test_problem_statement);
  g_test_add_func ("/health/target-direction", test_target_direction);
  g_test_add_func ("/health/disaggregated-baseline", test_disaggregated_baseline);
  g_test_add_func ("/health/focus", test_focus);
  g_test_add_func ("/health/no-actions", test_no_actions);
  g_test_add_func ("/health/action-fields", test_action_fields);
  g_test_add_func ("/health/owner-overload", test_owner_overload);
  g_test_add_func ("/health/equity-lens", test_equity_lens);
  g_test_add_func ("/health/log", test_log);
  g_test_add_func ("/health/reflection", test_reflection);
  g_test_add_func ("/health/items-are-owned", test_items_are_owned);
  g_test_add_func ("/health/order", test_order);
  g_test_add_func ("/health/demo", test_demo);
  g_test_add_func ("/health/validate-rules", test_validate_rules);
  g_test_add_func ("/health/nonsense", test_nonsense_findings);
  g_test_add_func ("/health/untitled-action", test_untitled_action);
  g_test_add_func ("/health/steps", test_steps);
  g_test_add_func ("/health/steps-complete", test_steps_complete);

  return g_test_run ();
}
