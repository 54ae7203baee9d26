/* ep-health.c — the plan-health check: the guide's pitfalls, found in a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-health"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ep-health.h"
#include "ep-node.h"
#include "ep-validate.h"

/* More chosen ideas or running actions than this loses focus: the guide
 * says to pick two or three. */
#define MAX_FOCUS 3

typedef struct {
  EpDistrict *district;
  EpSchool   *school;
  EpPlan     *plan;
  GDate       today;
  GPtrArray  *findings;
  gboolean    all_steps;   /* every step's checks, whatever the phase */
} Check;

void
ep_finding_free (EpFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_clear_object (&finding->item);
  g_free (finding);
}

static void add (Check      *check,
                 EpSeverity  severity,
                 const char *code,
                 EpPlanPage  page,
                 gpointer    item,
                 const char *format,
                 ...) G_GNUC_PRINTF (6, 7);

static void
add (Check      *check,
     EpSeverity  severity,
     const char *code,
     EpPlanPage  page,
     gpointer    item,
     const char *format,
     ...)
{
  EpFinding *finding = g_new0 (EpFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->severity = severity;
  finding->code = code;
  finding->page = page;
  finding->item = item ? g_object_ref (G_OBJECT (item)) : NULL;
  g_ptr_array_add (check->findings, finding);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "en-US", "en_US" and "EN" are the same language as "en". */
static gboolean
same_language (const char *a,
               const char *b)
{
  gsize la = strcspn (a, "-_");
  gsize lb = strcspn (b, "-_");

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

static gboolean
is_active (EpIntervention *action)
{
  return ep_intervention_get_status (action) != EP_STATUS_STOPPED;
}

static const char *
action_label (EpIntervention *action)
{
  if (!is_blank (ep_intervention_get_title (action)))
    return ep_intervention_get_title (action);
  /* Translators: stands for the title of an action that has none (its id
   * is internal and never shown) */
  return _("untitled");
}

static const char *
all_students_group (EpDistrict *district)
{
  GListModel *groups = ep_district_get_groups (district);
  guint n = g_list_model_get_n_items (groups);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);

      if (ep_student_group_get_category (group) == EP_GROUP_CATEGORY_ALL)
        return ep_student_group_get_id (group);
    }
  return "all";
}

/* A baseline needs a number: a cell suppressed at source is not one. */
static gboolean
has_usable_measurement (EpIndicator *indicator,
                        const char  *group,
                        const char  *period)
{
  EpMeasurement m;

  if (!ep_indicator_lookup (indicator, group, period, &m))
    return FALSE;
  if (m.flags & EP_MEASUREMENT_SUPPRESSED)
    return FALSE;
  if ((m.flags & EP_MEASUREMENT_HAS_NUMERATOR) && (m.flags & EP_MEASUREMENT_HAS_DENOMINATOR))
    return m.denominator > 0;
  return (m.flags & EP_MEASUREMENT_HAS_VALUE) != 0;
}

static const char *
indicator_label (EpIndicator *indicator)
{
  if (!is_blank (ep_indicator_get_name (indicator)))
    return ep_indicator_get_name (indicator);
  return ep_indicator_get_id (indicator);
}

/* Prerequisites: shared language, listening, decision structure, champions. */
static void
check_prerequisites (Check *check)
{
  GListModel *sessions = ep_plan_get_listening_sessions (check->plan);
  guint n_sessions = g_list_model_get_n_items (sessions);
  const char *language = ep_district_get_language (check->district);
  const struct {
    const char *who;
    const char *message;
  } deciders[] = {
    { ep_plan_get_curriculum (check->plan),
      N_("The plan does not say who decides on the curriculum. Name who can approve changes to it, so the plan does not get stuck in committees.") },
    { ep_plan_get_budget (check->plan),
      N_("The plan does not say who decides on the budget. Name who controls the money the actions need, such as the budget for professional development.") },
    { ep_plan_get_partnerships (check->plan),
      N_("The plan does not say who decides on partnerships. Name who can approve work with community partners.") },
  };
  guint n_missing = 0;

  if (g_list_model_get_n_items (ep_district_get_glossary (check->district)) == 0)
    add (check, EP_SEVERITY_WARNING, "no-glossary", EP_PAGE_DISTRICT_SETTINGS, NULL, "%s",
         _("The district has no shared glossary. Agree on what words such as equity, equality, "
           "inclusion and justice mean, each in the team’s own words, and add them to the glossary "
           "in the district settings."));

  if (n_sessions == 0)
    {
      add (check, EP_SEVERITY_ERROR, "no-listening-session", EP_PAGE_PREREQUISITES, NULL, "%s",
           _("No listening session is recorded. Hold at least one with the students, families or "
             "staff most affected and note what was heard: numbers show what is happening, "
             "listening shows why."));
    }
  else
    {
      gboolean language_access = FALSE;
      gboolean childcare = FALSE;

      for (guint i = 0; i < n_sessions; i++)
        {
          g_autoptr(EpListeningSession) session = g_list_model_get_item (sessions, i);
          const char *session_language = ep_listening_session_get_language (session);

          if (ep_listening_session_get_interpretation (session) ||
              (!is_blank (session_language) && language != NULL &&
               !same_language (session_language, language)))
            language_access = TRUE;
          if (ep_listening_session_get_childcare (session))
            childcare = TRUE;
        }
      if (!language_access)
        add (check, EP_SEVERITY_WARNING, "no-language-access", EP_PAGE_PREREQUISITES, NULL,
             /* Translators: %s is the district's language as a code, such as "en" */
             _("No listening session was held in a language other than the district’s (%s) or "
               "offered interpretation. Hold one in the families’ home languages, or offer "
               "interpreters, so that families who speak other languages are heard."),
             language ? language : "");
      if (!childcare)
        add (check, EP_SEVERITY_INFO, "no-childcare", EP_PAGE_PREREQUISITES, NULL, "%s",
             _("No listening session offered childcare. Offering it, and times outside working "
               "hours, lets parents of young children come."));
    }

  for (guint i = 0; i < G_N_ELEMENTS (deciders); i++)
    if (is_blank (deciders[i].who))
      n_missing++;
  if (n_missing == G_N_ELEMENTS (deciders))
    add (check, EP_SEVERITY_WARNING, "no-decision-structure", EP_PAGE_PREREQUISITES, NULL, "%s",
         _("The plan does not say who decides on curriculum, budget and partnerships. Map who can "
           "approve changes, so the plan does not get stuck in committees."));
  else
    for (guint i = 0; i < G_N_ELEMENTS (deciders); i++)
      if (is_blank (deciders[i].who))
        add (check, EP_SEVERITY_INFO, "decision-structure-incomplete", EP_PAGE_PREREQUISITES, NULL,
             "%s", _(deciders[i].message));

  if (g_list_model_get_n_items (ep_plan_get_champions (check->plan)) == 0)
    add (check, EP_SEVERITY_WARNING, "no-champions", EP_PAGE_PREREQUISITES, NULL, "%s",
         _("No champion is named. Name people at each level (district, school, classroom, "
           "community) who will speak for the plan and carry it."));
}

/* The school's data: a balanced scorecard needs leading indicators. */
static void
check_indicators (Check *check)
{
  GListModel *indicators = ep_school_get_indicators (check->school);
  guint n = g_list_model_get_n_items (indicators);
  gboolean leading = FALSE;

  if (n == 0)
    {
      add (check, EP_SEVERITY_WARNING, "no-indicators", EP_PAGE_DIAGNOSE, NULL, "%s",
           _("The school has no indicators. Add data split by student group (race and ethnicity, "
             "income, language status, disability) to find where the gaps are."));
      return;
    }
  for (guint i = 0; i < n && !leading; i++)
    {
      g_autoptr(EpIndicator) indicator = g_list_model_get_item (indicators, i);

      leading = ep_indicator_get_kind (indicator) == EP_INDICATOR_LEADING;
    }
  if (!leading)
    add (check, EP_SEVERITY_WARNING, "only-lagging-indicators", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("All of the school’s indicators are lagging: results such as test scores or graduation, "
           "which move slowly. Add a leading indicator, such as attendance, course enrolment or a "
           "belonging survey, to see early whether the plan works."));
}

/* The problem statement: group, indicator, baseline → target by a period. */
static void
check_problem (Check *check)
{
  EpPlan *plan = check->plan;
  const char *group_id = ep_plan_get_problem_group (plan);
  const char *indicator_id = ep_plan_get_problem_indicator (plan);
  const char *baseline_period = ep_plan_get_baseline_period (plan);
  EpStudentGroup *group = NULL;
  EpIndicator *indicator = NULL;

  if (is_blank (group_id))
    add (check, EP_SEVERITY_ERROR, "no-problem-group", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("The problem statement does not name a student group. Say whose outcomes the plan "
           "should change, for example English learners."));
  else if ((group = ep_district_find_group (check->district, group_id)) == NULL)
    add (check, EP_SEVERITY_ERROR, "unknown-problem-group", EP_PAGE_DIAGNOSE, NULL,
         /* Translators: %s is the id of a student group */
         _("The problem statement names the group “%s”, which the district does not define. "
           "Choose one of the district’s student groups."), group_id);

  if (is_blank (indicator_id))
    add (check, EP_SEVERITY_ERROR, "no-problem-indicator", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("The problem statement has no indicator. Choose what the plan will move, for example "
           "the share of students proficient in reading."));
  else if ((indicator = ep_school_find_indicator (check->school, indicator_id)) == NULL)
    add (check, EP_SEVERITY_ERROR, "unknown-problem-indicator", EP_PAGE_DIAGNOSE, NULL,
         /* Translators: %s is the id of an indicator */
         _("The problem statement uses the indicator “%s”, which this school does not have. "
           "Choose one of the school’s indicators, or add its data."), indicator_id);

  if (!ep_plan_get_has_baseline (plan))
    add (check, EP_SEVERITY_ERROR, "no-baseline", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("The problem statement has no baseline. Write where the group stands now, for example "
           "30%, so that progress can be measured against it."));
  if (is_blank (baseline_period))
    add (check, EP_SEVERITY_ERROR, "no-baseline-period", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("The baseline has no period. Say which school year or term it comes from, for example "
           "2024-25."));
  if (!ep_plan_get_has_target (plan))
    add (check, EP_SEVERITY_ERROR, "no-target", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("The problem statement has no target. Say where the group should be, for example 50%."));
  if (is_blank (ep_plan_get_target_period (plan)))
    add (check, EP_SEVERITY_ERROR, "no-target-period", EP_PAGE_DIAGNOSE, NULL, "%s",
         _("The target has no date. Say by when it should be reached, for example by 2027-28: a "
           "target without a date cannot be tracked."));

  {
    g_autoptr(GError) error = NULL;
    const char *target_period = ep_plan_get_target_period (plan);
    gboolean periods_ok = TRUE;

    if (!is_blank (baseline_period) && !ep_validate_period (baseline_period, &error))
      {
        add (check, EP_SEVERITY_ERROR, "invalid-period", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: %s is what was typed as the baseline period, the second %s
              * says what is allowed */
             _("The baseline period “%s” is not a period. %s"), baseline_period, error->message);
        periods_ok = FALSE;
        g_clear_error (&error);
      }
    if (!is_blank (target_period) && !ep_validate_period (target_period, &error))
      {
        add (check, EP_SEVERITY_ERROR, "invalid-period", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: %s is what was typed as the target period, the second %s
              * says what is allowed */
             _("The target period “%s” is not a period. %s"), target_period, error->message);
        periods_ok = FALSE;
        g_clear_error (&error);
      }
    if (periods_ok && !is_blank (baseline_period) && !is_blank (target_period) &&
        !ep_validate_period_order (baseline_period, target_period, &error))
      {
        add (check, EP_SEVERITY_ERROR, "target-before-baseline", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: %s says which periods are out of order */
             _("%s A target is reached after the baseline is measured."), error->message);
        g_clear_error (&error);
      }
    if (ep_plan_get_has_baseline (plan) &&
        !ep_validate_indicator_value (indicator, ep_plan_get_baseline (plan), &error))
      {
        g_autofree char *b = ep_format_number (ep_plan_get_baseline (plan));

        add (check, EP_SEVERITY_ERROR, "value-out-of-range", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: %s is the baseline (a number), the second %s says what is allowed */
             _("The baseline (%s) is not possible. %s"), b, error->message);
        g_clear_error (&error);
      }
    if (ep_plan_get_has_target (plan) &&
        !ep_validate_indicator_value (indicator, ep_plan_get_target (plan), &error))
      {
        g_autofree char *t = ep_format_number (ep_plan_get_target (plan));

        add (check, EP_SEVERITY_ERROR, "value-out-of-range", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: %s is the target (a number), the second %s says what is allowed */
             _("The target (%s) is not possible. %s"), t, error->message);
        g_clear_error (&error);
      }
  }

  if (indicator != NULL && ep_plan_get_has_baseline (plan) && ep_plan_get_has_target (plan))
    {
      double baseline = ep_plan_get_baseline (plan);
      double target = ep_plan_get_target (plan);
      g_autofree char *b = ep_format_number (baseline);
      g_autofree char *t = ep_format_number (target);

      if (ep_indicator_get_direction (indicator) == EP_DIRECTION_HIGHER_IS_BETTER && !(target > baseline))
        add (check, EP_SEVERITY_ERROR, "target-wrong-direction", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: the first %s is the target, the second the baseline (numbers),
              * the third the name of the indicator */
             _("The target (%s) is not above the baseline (%s), but for “%s” higher is better. "
               "Set a target that improves on the baseline."), t, b, indicator_label (indicator));
      else if (ep_indicator_get_direction (indicator) == EP_DIRECTION_LOWER_IS_BETTER && !(target < baseline))
        add (check, EP_SEVERITY_ERROR, "target-wrong-direction", EP_PAGE_DIAGNOSE, NULL,
             /* Translators: the first %s is the target, the second the baseline (numbers),
              * the third the name of the indicator */
             _("The target (%s) is not below the baseline (%s), but for “%s” lower is better. "
               "Set a target that improves on the baseline."), t, b, indicator_label (indicator));
    }

  if (group != NULL && indicator != NULL && !is_blank (baseline_period))
    {
      const char *all = all_students_group (check->district);
      gboolean for_group = has_usable_measurement (indicator, group_id, baseline_period);
      gboolean for_all = has_usable_measurement (indicator, all, baseline_period);
      const char *label = ep_student_group_get_label (group);

      if (is_blank (label))
        label = group_id;
      if (g_strcmp0 (group_id, all) == 0 && !for_all)
        add (check, EP_SEVERITY_ERROR, "no-disaggregated-baseline", EP_PAGE_DIAGNOSE, indicator,
             /* Translators: the first %s is the name of an indicator, the second a period
              * such as 2024-25 */
             _("“%s” has no measurement for all students in %s, the baseline period. Add it, so "
               "that the baseline rests on data."), indicator_label (indicator), baseline_period);
      else if (!for_group && !for_all)
        add (check, EP_SEVERITY_ERROR, "no-disaggregated-baseline", EP_PAGE_DIAGNOSE, indicator,
             /* Translators: the first %s is the name of an indicator, the second a student
              * group, the third a period such as 2024-25 */
             _("“%s” has no measurement for %s or for all students in %s, the baseline period. "
               "Add both, so that the baseline rests on data and the gap can be shown."),
             indicator_label (indicator), label, baseline_period);
      else if (!for_group)
        add (check, EP_SEVERITY_ERROR, "no-disaggregated-baseline", EP_PAGE_DIAGNOSE, indicator,
             /* Translators: the first %s is the name of an indicator, the second a student
              * group, the third a period such as 2024-25 */
             _("“%s” has no measurement for %s in %s, the baseline period. Add it, so that the "
               "baseline rests on data for the group itself."),
             indicator_label (indicator), label, baseline_period);
      else if (!for_all)
        add (check, EP_SEVERITY_ERROR, "no-disaggregated-baseline", EP_PAGE_DIAGNOSE, indicator,
             /* Translators: the first %s is the name of an indicator, the second a period
              * such as 2024-25 */
             _("“%s” has no measurement for all students in %s, the baseline period. Add it, so "
               "that the group’s gap can be shown."), indicator_label (indicator), baseline_period);
    }
}

typedef struct {
  char  *name;
  guint  count;
} OwnerCount;

static void
owner_count_free (gpointer data)
{
  OwnerCount *entry = data;

  g_free (entry->name);
  g_free (entry);
}

/* Ideas and actions: focus, completeness, burnout, equity as a lens. */
static void
check_actions (Check *check)
{
  GListModel *ideas = ep_plan_get_ideas (check->plan);
  GListModel *actions = ep_plan_get_interventions (check->plan);
  guint n_ideas = g_list_model_get_n_items (ideas);
  guint n_actions = g_list_model_get_n_items (actions);
  EpPhase phase = ep_plan_get_phase (check->plan);
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, owner_count_free);
  const char *top_owner = NULL;
  guint top_count = 0;
  guint n_chosen = 0;
  guint n_active = 0;
  gboolean core = FALSE;

  for (guint i = 0; i < n_ideas; i++)
    {
      g_autoptr(EpIdea) idea = g_list_model_get_item (ideas, i);

      if (ep_idea_get_chosen (idea))
        n_chosen++;
    }
  if (check->all_steps || phase >= EP_PHASE_DESIGN)
    {
      if (n_ideas == 0)
        add (check, EP_SEVERITY_WARNING, "no-ideas", EP_PAGE_DESIGN, NULL, "%s",
             _("The plan has no ideas yet. Gather ideas from students, families, teachers and "
               "partners, and score each on impact, feasibility and alignment."));
      else if (check->all_steps && n_chosen == 0 && n_actions == 0 && phase < EP_PHASE_IMPLEMENT)
        add (check, EP_SEVERITY_WARNING, "no-chosen-idea", EP_PAGE_DESIGN, NULL, "%s",
             _("No idea is chosen yet. Choose the two or three with the most impact."));
    }
  if (n_chosen > MAX_FOCUS)
    add (check, EP_SEVERITY_WARNING, "too-many-chosen-ideas", EP_PAGE_DESIGN, NULL,
         g_dngettext (GETTEXT_PACKAGE,
                      "%u idea is chosen. Doing everything at once loses focus: choose two or three with the most impact.",
                      "%u ideas are chosen. Doing everything at once loses focus: choose two or three with the most impact.",
                      n_chosen),
         n_chosen);

  if (phase < EP_PHASE_IMPLEMENT && check->all_steps && n_actions == 0)
    add (check, EP_SEVERITY_INFO, "no-actions-yet", EP_PAGE_IMPLEMENT, NULL, "%s",
         _("The plan has no actions yet. Turn the chosen ideas into actions, each with an owner, "
           "dates and a success metric."));
  if (phase >= EP_PHASE_IMPLEMENT && n_actions == 0)
    {
      if (n_chosen == 0)
        add (check, EP_SEVERITY_ERROR, "no-actions", EP_PAGE_DESIGN, NULL, "%s",
             _("The plan is past design, but no idea is chosen and it has no actions. Choose two "
               "or three of the scored ideas and turn them into actions."));
      else
        add (check, EP_SEVERITY_ERROR, "no-actions", EP_PAGE_IMPLEMENT, NULL, "%s",
             _("The plan is past design but has no actions. Turn the chosen ideas into actions, "
               "each with an owner, dates and a success metric."));
    }

  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(EpIntervention) action = g_list_model_get_item (actions, i);
      const char *owner = ep_intervention_get_owner (action);
      gboolean no_start = ep_intervention_get_start (action) == NULL;
      gboolean no_end = ep_intervention_get_end (action) == NULL;

      if (is_blank (owner))
        add (check, EP_SEVERITY_WARNING, "action-no-owner", EP_PAGE_IMPLEMENT, action,
             /* Translators: %s is the title of an action */
             _("The action “%s” has no owner. Name one person who answers for it."),
             action_label (action));
      if (no_start && no_end)
        add (check, EP_SEVERITY_WARNING, "action-no-dates", EP_PAGE_IMPLEMENT, action,
             /* Translators: %s is the title of an action */
             _("The action “%s” has no start or end date. Give it a timeline, so that progress "
               "can be checked."), action_label (action));
      else if (no_start)
        add (check, EP_SEVERITY_WARNING, "action-no-dates", EP_PAGE_IMPLEMENT, action,
             /* Translators: %s is the title of an action */
             _("The action “%s” has no start date. Say when it begins."), action_label (action));
      else if (no_end)
        add (check, EP_SEVERITY_WARNING, "action-no-dates", EP_PAGE_IMPLEMENT, action,
             /* Translators: %s is the title of an action */
             _("The action “%s” has no end date. Say when it will be done, so that the team knows "
               "when to reflect on it."), action_label (action));
      if (!ep_validate_date_range (ep_intervention_get_start (action), ep_intervention_get_end (action), NULL))
        add (check, EP_SEVERITY_ERROR, "action-ends-before-start", EP_PAGE_IMPLEMENT, action,
             /* Translators: %s is the title of an action */
             _("The action “%s” ends before it starts. Correct its start or end date."),
             action_label (action));
      if (is_blank (ep_intervention_get_metric (action)))
        add (check, EP_SEVERITY_ERROR, "action-no-metric", EP_PAGE_IMPLEMENT, action,
             /* Translators: %s is the title of an action */
             _("The action “%s” has no success metric. Say what will show that it works, for "
               "example the share of families reached, with a goal."), action_label (action));

      if (!is_active (action))
        continue;
      n_active++;
      switch (ep_intervention_get_area (action))
        {
        case EP_AREA_HIRING:
        case EP_AREA_CURRICULUM:
        case EP_AREA_BUDGET:
        case EP_AREA_PROFESSIONAL_DEVELOPMENT:
          core = TRUE;
          break;
        case EP_AREA_OTHER:
        case EP_AREA_POLICY:
        case EP_AREA_FAMILY_ENGAGEMENT:
        default:
          break;
        }
      if (!is_blank (owner))
        {
          /* The same person however the name is spaced or capitalised,
           * shown as first written. */
          char *name = g_strstrip (g_strdup (owner));
          char *key = g_utf8_casefold (name, -1);
          OwnerCount *entry = g_hash_table_lookup (owners, key);

          if (entry == NULL)
            {
              entry = g_new0 (OwnerCount, 1);
              entry->name = g_steal_pointer (&name);
              g_hash_table_insert (owners, g_steal_pointer (&key), entry);
            }
          g_free (name);
          g_free (key);
          if (++entry->count > top_count)
            {
              top_count = entry->count;
              top_owner = entry->name;
            }
        }
    }

  if (n_active > MAX_FOCUS)
    add (check, EP_SEVERITY_WARNING, "too-many-actions", EP_PAGE_IMPLEMENT, NULL,
         g_dngettext (GETTEXT_PACKAGE,
                      "The plan runs %u action at once. That loses focus: keep two or three, and stop or postpone the others.",
                      "The plan runs %u actions at once. That loses focus: keep two or three, and stop or postpone the others.",
                      n_active),
         n_active);

  if (n_active >= 3 && top_count * 2 > n_active)
    add (check, EP_SEVERITY_WARNING, "owner-overload", EP_PAGE_IMPLEMENT, NULL,
         g_dngettext (GETTEXT_PACKAGE,
                      /* Translators: %s is a person's name; the first %u a number of
                       * actions, the second the number of all running actions (3 or more) */
                      "%s owns %u of the %u running action. Share them out, so that the plan does not depend on one person, who may burn out.",
                      "%s owns %u of the %u running actions. Share them out, so that the plan does not depend on one person, who may burn out.",
                      n_active),
         top_owner, top_count, n_active);

  if (n_active > 0 && !core)
    add (check, EP_SEVERITY_WARNING, "equity-as-program", EP_PAGE_IMPLEMENT, NULL, "%s",
         _("No action changes hiring, curriculum, budget or professional development. Tie at "
           "least one action to these core processes, so that equity is a lens on daily "
           "decisions rather than a separate program, which is the first thing cut."));
}

/* Implementation: a dated log kept up, and a reflection when it is over. */
static void
check_follow_through (Check *check)
{
  EpPhase phase = ep_plan_get_phase (check->plan);
  GListModel *log = ep_plan_get_log (check->plan);
  GListModel *actions = ep_plan_get_interventions (check->plan);
  guint n_log = g_list_model_get_n_items (log);
  guint n_actions = g_list_model_get_n_items (actions);

  if (phase == EP_PHASE_IMPLEMENT)
    {
      GDate last;
      g_autofree char *every = NULL;

      g_date_clear (&last, 1);
      for (guint i = 0; i < n_log; i++)
        {
          g_autoptr(EpLogEntry) entry = g_list_model_get_item (log, i);
          const GDate *date = ep_log_entry_get_date (entry);

          if (date != NULL && g_date_valid (date) &&
              (!g_date_valid (&last) || g_date_compare (date, &last) > 0))
            last = *date;
        }

      every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "While implementing, log decisions, adjustments and outcomes, with the date and who decided, at least every %u day.",
                                            "While implementing, log decisions, adjustments and outcomes, with the date and who decided, at least every %u days.",
                                            EP_HEALTH_LOG_MAX_DAYS),
                               (guint) EP_HEALTH_LOG_MAX_DAYS);
      if (!g_date_valid (&last))
        {
          add (check, EP_SEVERITY_WARNING, "log-stale", EP_PAGE_IMPLEMENT, NULL,
               /* Translators: %s is a sentence saying how often to log */
               _("The decision log has no dated entry. %s"), every);
        }
      else if (g_date_days_between (&last, &check->today) > EP_HEALTH_LOG_MAX_DAYS)
        {
          guint days = (guint) g_date_days_between (&last, &check->today);
          g_autofree char *date = ep_format_date (&last);

          add (check, EP_SEVERITY_WARNING, "log-stale", EP_PAGE_IMPLEMENT, NULL,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: the first %s is a date (2026-01-31), %u a number
                             * of days, the last %s a sentence saying how often to log */
                            "The last entry in the decision log is from %s, %u day ago. %s",
                            "The last entry in the decision log is from %s, %u days ago. %s",
                            days),
               date, days, every);
        }
    }

  if (check->all_steps && n_log == 0 && n_actions > 0 && phase != EP_PHASE_IMPLEMENT)
    add (check, EP_SEVERITY_INFO, "no-log-entries", EP_PAGE_IMPLEMENT, NULL, "%s",
         _("The decision log is empty. Record decisions, adjustments, feedback and outcomes as "
           "they happen, with their dates."));
  if (check->all_steps && !ep_plan_get_has_reflection (check->plan))
    add (check, EP_SEVERITY_INFO, "no-reflection-yet", EP_PAGE_REFLECT, NULL, "%s",
         _("No reflection is recorded yet. At the end of the cycle, compare the results with the "
           "baseline and decide to refine, replace or scale."));
  if (phase >= EP_PHASE_IMPLEMENT && !ep_plan_get_has_reflection (check->plan))
    {
      GDate last_end;

      g_date_clear (&last_end, 1);
      for (guint i = 0; i < n_actions; i++)
        {
          g_autoptr(EpIntervention) action = g_list_model_get_item (actions, i);
          const GDate *end = ep_intervention_get_end (action);

          if (end != NULL && g_date_valid (end) &&
              (!g_date_valid (&last_end) || g_date_compare (end, &last_end) > 0))
            last_end = *end;
        }
      if (g_date_valid (&last_end) && g_date_compare (&last_end, &check->today) < 0)
        {
          g_autofree char *date = ep_format_date (&last_end);

          add (check, EP_SEVERITY_WARNING, "no-reflection", EP_PAGE_REFLECT, NULL,
               /* Translators: %s is a date such as 2026-06-04 */
               _("The last action ended on %s, but no reflection is recorded. Compare the results "
                 "with the baseline: did the gap narrow? Say whether the cause was the design, the "
                 "implementation or outside factors, and decide to refine, replace or scale."),
               date);
        }
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const EpFinding *fa = *(const EpFinding * const *) a;
  const EpFinding *fb = *(const EpFinding * const *) b;

  if (fa->severity != fb->severity)
    return fa->severity > fb->severity ? -1 : 1;
  return strcmp (fa->code, fb->code);
}

/**
 * ep_health_check:
 * @district: the district the school belongs to (glossary, groups, language)
 * @school: the school (its indicators)
 * @plan: (nullable): the plan to check, usually the school's current plan
 * @today: (nullable): the date to judge a stale log and an implementation
 *   past its end by; %NULL for today's local date
 *
 * Looks for the guide's pitfalls in @plan. Checks of later steps start
 * with the phase that needs them: the problem statement from diagnose on;
 * actions once there are any; "no actions" and the reflection once past
 * design; the decision log while implementing. Prerequisites are checked
 * in every phase. A %NULL @plan gives one "no-plan" finding.
 *
 * | code | severity | page |
 * |---|---|---|
 * | no-plan | warning | overview |
 * | no-glossary | warning | district-settings |
 * | no-listening-session | error | prerequisites |
 * | no-language-access | warning | prerequisites |
 * | no-childcare | info | prerequisites |
 * | no-decision-structure | warning | prerequisites |
 * | decision-structure-incomplete (one per missing role) | info | prerequisites |
 * | no-champions | warning | prerequisites |
 * | no-indicators, only-lagging-indicators | warning | diagnose |
 * | no-problem-group, unknown-problem-group, no-problem-indicator,
 *   unknown-problem-indicator, no-baseline, no-baseline-period, no-target,
 *   no-target-period, target-wrong-direction, no-disaggregated-baseline
 *   (item: the indicator), invalid-period, target-before-baseline,
 *   value-out-of-range | error | diagnose |
 * | no-ideas, no-chosen-idea | warning | design |
 * | action-ends-before-start (item: the action) | error | implement |
 * | too-many-chosen-ideas | warning | design |
 * | no-actions | error | design (none chosen) or implement |
 * | too-many-actions, owner-overload, equity-as-program | warning | implement |
 * | action-no-owner, action-no-dates (item: the action) | warning | implement |
 * | action-no-metric (item: the action) | error | implement |
 * | log-stale | warning | implement |
 * | no-reflection | warning | reflect |
 *
 * Stopped actions count for the per-action checks and the end date, not
 * for focus, ownership or the core-process check.
 *
 * Returns: (transfer full) (element-type EpFinding): the findings, most
 *   severe first, then by code, then in plan order; free with
 *   g_ptr_array_unref()
 */
static GPtrArray *
health_check (EpDistrict  *district,
              EpSchool    *school,
              EpPlan      *plan,
              const GDate *today,
              gboolean     all_steps)
{
  Check check = { 0 };

  check.all_steps = all_steps;

  g_return_val_if_fail (EP_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (EP_IS_SCHOOL (school), NULL);
  g_return_val_if_fail (plan == NULL || EP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  check.district = district;
  check.school = school;
  check.plan = plan;
  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ep_finding_free);
  g_date_clear (&check.today, 1);
  if (today != NULL)
    check.today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&check.today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  if (plan == NULL)
    {
      add (&check, EP_SEVERITY_WARNING, "no-plan", EP_PAGE_OVERVIEW, NULL, "%s",
           _("The school has no plan yet. Start one with its prerequisites: a shared glossary, "
             "listening sessions and who decides."));
      return check.findings;
    }

  check_prerequisites (&check);
  check_indicators (&check);
  if (check.all_steps || ep_plan_get_phase (plan) >= EP_PHASE_DIAGNOSE)
    check_problem (&check);
  check_actions (&check);
  check_follow_through (&check);

  /* g_ptr_array_sort() is stable: equal codes keep the plan's order. */
  g_ptr_array_sort (check.findings, compare_findings);
  return check.findings;
}

GPtrArray *
ep_health_check (EpDistrict  *district,
                 EpSchool    *school,
                 EpPlan      *plan,
                 const GDate *today)
{
  return health_check (district, school, plan, today, FALSE);
}

/**
 * ep_health_check_steps:
 *
 * Like ep_health_check(), but checks every step of the cycle whatever the
 * plan's phase, and adds what is merely not done yet ("no-ideas",
 * "no-actions-yet", "no-log-entries", "no-reflection-yet", info). A page
 * shows these, so that an empty page never says nothing is missing; the
 * Overview and `eqplan check` judge the plan by its phase.
 *
 * Returns: (transfer full) (element-type EpFinding): the findings
 */
GPtrArray *
ep_health_check_steps (EpDistrict  *district,
                       EpSchool    *school,
                       EpPlan      *plan,
                       const GDate *today)
{
  return health_check (district, school, plan, today, TRUE);
}

static gboolean
page_is_step (EpPlanPage page,
              EpPhase    step)
{
  switch (step)
    {
    case EP_PHASE_PREREQUISITES:
      return page == EP_PAGE_PREREQUISITES || page == EP_PAGE_DISTRICT_SETTINGS;
    case EP_PHASE_DIAGNOSE:
      return page == EP_PAGE_DIAGNOSE;
    case EP_PHASE_DESIGN:
      return page == EP_PAGE_DESIGN;
    case EP_PHASE_IMPLEMENT:
      return page == EP_PAGE_IMPLEMENT;
    case EP_PHASE_REFLECT:
      return page == EP_PAGE_REFLECT;
    default:
      return FALSE;
    }
}

/**
 * ep_health_step_complete:
 * @step: a step of the cycle
 *
 * Whether @step of @plan has nothing an error or a warning would point
 * out, counted as ep_health_check_steps() does (infos do not count). For
 * the Reflect step, a reflection must be recorded; for Design, an idea
 * chosen; for Implement, a decision-log entry made.
 */
gboolean
ep_health_step_complete (EpDistrict  *district,
                         EpSchool    *school,
                         EpPlan      *plan,
                         EpPhase      step,
                         const GDate *today)
{
  g_autoptr(GPtrArray) findings = NULL;

  g_return_val_if_fail (EP_IS_PLAN (plan), FALSE);
  findings = ep_health_check_steps (district, school, plan, today);
  for (guint i = 0; i < findings->len; i++)
    {
      EpFinding *f = findings->pdata[i];

      if (page_is_step (f->page, step) && f->severity != EP_SEVERITY_INFO)
        return FALSE;
    }
  switch (step)
    {
    case EP_PHASE_DESIGN:
      for (guint i = 0, n = g_list_model_get_n_items (ep_plan_get_ideas (plan)); i < n; i++)
        {
          g_autoptr(EpIdea) idea = g_list_model_get_item (ep_plan_get_ideas (plan), i);

          if (ep_idea_get_chosen (idea))
            return TRUE;
        }
      return FALSE;
    case EP_PHASE_IMPLEMENT:
      return g_list_model_get_n_items (ep_plan_get_interventions (plan)) > 0 &&
             g_list_model_get_n_items (ep_plan_get_log (plan)) > 0;
    case EP_PHASE_REFLECT:
      return ep_plan_get_has_reflection (plan);
    default:
      return TRUE;
    }
}
