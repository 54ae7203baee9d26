/* ep-synth.c — realistic synthetic districts for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shaped like a large, diverse US district: elementary, middle and high
 * schools of realistic sizes; race/ethnicity shares that vary between
 * schools around district shares, so some groups are tiny (below any
 * minimum n); gaps between groups of the size the field reports (Black
 * students suspended at about three times the rate of others, English
 * learners and students with disabilities far below others in
 * proficiency); state-reported indicators suppressed at source below ten
 * students. Everything follows from the seed: same arguments, same district.
 */
#define G_LOG_DOMAIN "ep-synth"

#include "config.h"

#include <math.h>

#include "ep-node-private.h"
#include "ep-synth.h"

typedef enum { ELEMENTARY, MIDDLE, HIGH } Level;

/* Group ids in the order of ep_district_add_standard_groups(). */
static const char *race_ids[] = { "HI", "AM", "AS", "BL", "PI", "WH", "TR" };
static const double race_shares[] = { 0.36, 0.012, 0.10, 0.17, 0.008, 0.29, 0.05 };
static const char *program_ids[] = { "ED", "EL", "SWD" };

typedef struct {
  const char      *id;
  const char      *name;
  EpIndicatorKind  kind;
  EpDirection      direction;
  EpUnit           unit;
  double           base;           /* rate for all students, or mean */
  double           race[7];        /* multipliers (offsets for means) */
  double           program[3];
  gboolean         state_reported; /* suppressed at source below 10 */
  guint            levels;         /* bit per Level */
} IndicatorSpec;

static const IndicatorSpec specs[] = {
  { "chronic-absence", "Chronic absenteeism", EP_INDICATOR_LEADING, EP_DIRECTION_LOWER_IS_BETTER, EP_UNIT_PERCENT,
    0.16, { 1.3, 1.8, 0.55, 1.6, 1.5, 0.75, 1.0 }, { 1.4, 1.5, 1.6 }, FALSE, 7 },
  { "suspension", "Students suspended at least once", EP_INDICATOR_LAGGING, EP_DIRECTION_LOWER_IS_BETTER, EP_UNIT_PERCENT,
    0.04, { 1.1, 2.0, 0.3, 3.0, 1.5, 0.6, 1.1 }, { 1.5, 1.0, 2.2 }, FALSE, 7 },
  { "ela-proficient", "Meeting the English language arts standard", EP_INDICATOR_LAGGING, EP_DIRECTION_HIGHER_IS_BETTER, EP_UNIT_PERCENT,
    0.46, { 0.75, 0.6, 1.4, 0.65, 0.7, 1.25, 1.05 }, { 0.7, 0.35, 0.35 }, TRUE, 7 },
  { "math-proficient", "Meeting the mathematics standard", EP_INDICATOR_LAGGING, EP_DIRECTION_HIGHER_IS_BETTER, EP_UNIT_PERCENT,
    0.38, { 0.7, 0.6, 1.5, 0.6, 0.7, 1.3, 1.05 }, { 0.7, 0.4, 0.35 }, TRUE, 7 },
  { "advanced-coursework", "Enrolled in advanced coursework", EP_INDICATOR_LEADING, EP_DIRECTION_HIGHER_IS_BETTER, EP_UNIT_PERCENT,
    0.24, { 0.7, 0.6, 1.7, 0.55, 0.7, 1.3, 1.0 }, { 0.6, 0.3, 0.3 }, FALSE, 6 },
  { "graduation", "Four-year graduation rate", EP_INDICATOR_LAGGING, EP_DIRECTION_HIGHER_IS_BETTER, EP_UNIT_PERCENT,
    0.86, { 0.95, 0.85, 1.08, 0.92, 0.9, 1.06, 1.0 }, { 0.93, 0.8, 0.82 }, TRUE, 4 },
  { "belonging", "Sense of belonging (survey, 1–5)", EP_INDICATOR_LEADING, EP_DIRECTION_HIGHER_IS_BETTER, EP_UNIT_MEAN_SCORE,
    3.6, { -0.15, -0.3, 0.05, -0.3, -0.2, 0.1, -0.05 }, { -0.15, -0.2, -0.25 }, FALSE, 7 },
};

static const char *name_parts[] = {
  "Lincoln", "Washington", "Jefferson", "Roosevelt", "Garfield", "Franklin", "Kennedy",
  "Chávez", "King", "Tubman", "Douglass", "Parks", "Mendez", "Sotomayor", "Okada",
  "Maple Grove", "Riverside", "Oak Hill", "Cedar Park", "Lakeview", "Sunnyside",
  "Hillcrest", "Westwood", "Eastgate", "Pine Ridge", "Valley View", "Bayside",
  "Meadowbrook", "Highland", "Brookside", "Fairview", "Greenfield", "Harbor",
};

static double
normal (GRand *rand)
{
  /* Box–Muller; deterministic for a given GRand state. */
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);
  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static guint32
binomial (GRand   *rand,
          guint32  n,
          double   p)
{
  p = CLAMP (p, 0.0, 1.0);
  if (n <= 40)
    {
      guint32 k = 0;
      for (guint32 i = 0; i < n; i++)
        k += g_rand_double (rand) < p;
      return k;
    }
  else
    {
      double k = round (n * p + sqrt (n * p * (1 - p)) * normal (rand));
      return (guint32) CLAMP (k, 0, n);
    }
}

static void
add_count (EpIndicator         *ind,
           const IndicatorSpec *spec,
           const char          *group,
           const char          *period,
           guint32              num,
           guint32              den,
           gboolean             marker_n)
{
  if (den == 0)
    return;
  if (spec->state_reported && den < 10)
    {
      EpMeasurement m = {
        .group = group, .period = period,
        .marker = marker_n ? "n<10" : "*",
        .flags = EP_MEASUREMENT_SUPPRESSED | EP_MEASUREMENT_HAS_DENOMINATOR,
        .denominator = den,
      };
      ep_indicator_set_measurement (ind, &m, NULL);
    }
  else
    ep_indicator_set_count (ind, group, period, num, den, NULL);
}

static void
add_plan (EpSchool   *school,
          GRand      *rand,
          const char *cycle,
          const char *first_period,
          guint       last_year)
{
  static const char *owners[] = {
    "Ms. Rivera", "Mr. Okafor", "Dr. Nguyen", "Ms. Haddad", "Mr. Begay",
    "Ms. Lindqvist", "Mr. Tran", "Ms. Osei",
  };
  static const char *ideas[] = {
    "Personal calls home after two absences",
    "Mentors for students with the most absences",
    "Restorative circles in place of suspension for first offences",
    "Open enrolment in advanced courses, with summer bridge",
    "Co-taught classes for English learners",
    "Family nights in Spanish and Vietnamese",
    "Culturally relevant reading lists",
    "Free breakfast in the classroom",
  };
  static const EpActionArea areas[] = {
    EP_AREA_FAMILY_ENGAGEMENT, EP_AREA_PROFESSIONAL_DEVELOPMENT, EP_AREA_POLICY,
    EP_AREA_CURRICULUM, EP_AREA_CURRICULUM, EP_AREA_FAMILY_ENGAGEMENT,
    EP_AREA_CURRICULUM, EP_AREA_BUDGET,
  };
  g_autoptr(EpPlan) plan = ep_plan_new (cycle);
  EpIndicator *ind = ep_school_find_indicator (school, "chronic-absence");
  EpPhase phase = (EpPhase) g_rand_int_range (rand, EP_PHASE_PREREQUISITES, EP_PHASE_REFLECT + 1);
  EpMeasurement base;
  const char *group = g_rand_boolean (rand) ? "EL" : "SWD";
  guint n_ideas = 3 + g_rand_int_range (rand, 0, 3);
  GDate date;

  ep_plan_set_phase (plan, phase);

  {
    g_autoptr(EpListeningSession) s = ep_listening_session_new ();
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 10 + g_rand_int_range (rand, 0, 15), G_DATE_SEPTEMBER, last_year);
    ep_listening_session_set_date (s, &date);
    ep_listening_session_set_language (s, g_rand_boolean (rand) ? "es" : "en");
    ep_listening_session_set_interpretation (s, g_rand_boolean (rand));
    ep_listening_session_set_childcare (s, g_rand_boolean (rand));
    ep_listening_session_set_audience (s, "Families of English learners");
    ep_listening_session_set_heard (s, "Morning transport and older siblings' care keep students home; families want a call, not a letter.");
    ep_plan_add (plan, s);
  }

  if (phase >= EP_PHASE_DIAGNOSE)
    {
      ep_plan_set_focus (plan, EP_FOCUS_ATTENDANCE);
      ep_plan_set_root_cause (plan, "Absences cluster on Mondays and after bus route changes.");
      ep_plan_set_problem_group (plan, group);
      ep_plan_set_problem_indicator (plan, "chronic-absence");
      if (ind && ep_indicator_lookup (ind, group, first_period, &base) &&
          (base.flags & EP_MEASUREMENT_HAS_NUMERATOR) && base.denominator > 0 &&
          base.numerator * 100 >= base.denominator)
        {
          /* A target a third lower: only for a group with at least 1 %
           * absent, so that the target differs from the baseline. */
          double rate = round (1000.0 * base.numerator / base.denominator) / 10.0;
          ep_plan_set_baseline (plan, rate);
          ep_plan_set_target (plan, floor (rate * 6.5) / 10.0);
        }
      ep_plan_set_baseline_period (plan, first_period);
      {
        g_autofree char *target = g_strdup_printf ("%u-%02u", last_year + 2, (last_year + 3) % 100);
        ep_plan_set_target_period (plan, target);
      }
      ep_plan_set_statement (plan, "Fewer of our students miss school chronically, starting with the group furthest from the rest.");
    }

  if (phase >= EP_PHASE_DESIGN)
    for (guint i = 0; i < n_ideas; i++)
      {
        g_autoptr(EpIdea) idea = ep_idea_new ();
        g_autofree char *id = g_strdup_printf ("i%u", i + 1);
        ep_idea_set_id (idea, id);
        ep_idea_set_title (idea, ideas[(i * 3 + g_rand_int_range (rand, 0, 3)) % G_N_ELEMENTS (ideas)]);
        ep_idea_set_impact (idea, g_rand_int_range (rand, 1, 6));
        ep_idea_set_feasibility (idea, g_rand_int_range (rand, 1, 6));
        ep_idea_set_alignment (idea, g_rand_int_range (rand, 1, 6));
        ep_idea_set_chosen (idea, i < 2);
        ep_plan_add (plan, idea);
      }

  if (phase >= EP_PHASE_IMPLEMENT)
    {
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(EpIntervention) action = ep_intervention_new ();
          g_autofree char *id = g_strdup_printf ("a%u", i + 1);
          guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (ideas));
          GDate start, end;

          ep_intervention_set_id (action, id);
          ep_intervention_set_title (action, ideas[k]);
          ep_intervention_set_area (action, areas[k]);
          ep_intervention_set_owner (action, owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
          g_date_clear (&start, 1);
          g_date_set_dmy (&start, 1, G_DATE_OCTOBER, last_year);
          g_date_clear (&end, 1);
          g_date_set_dmy (&end, 12, G_DATE_JUNE, last_year + 1);
          ep_intervention_set_start (action, &start);
          ep_intervention_set_end (action, &end);
          ep_intervention_set_evidence (action, (EpEvidenceTier) g_rand_int_range (rand, EP_EVIDENCE_STRONG, EP_EVIDENCE_RATIONALE + 1));
          ep_intervention_set_status (action, EP_STATUS_IN_PROGRESS);
          ep_intervention_set_metric (action, "Share of the group chronically absent, each month");
          ep_plan_add (plan, action);
        }
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(EpLogEntry) entry = ep_log_entry_new ();
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 5 + i * 7, G_DATE_NOVEMBER + (i % 2), last_year);
          ep_log_entry_set_date (entry, &date);
          ep_log_entry_set_kind (entry, (EpLogKind) (i % 4));
          ep_log_entry_set_who (entry, "Equity team");
          ep_log_entry_set_text (entry, "Reviewed October attendance by group; kept the calls, moved mentoring to mornings.");
          ep_plan_add (plan, entry);
        }
    }

  if (phase == EP_PHASE_REFLECT)
    {
      ep_plan_set_reflection_cause (plan, EP_CAUSE_IMPLEMENTATION);
      ep_plan_set_reflection_decision (plan, EP_DECISION_REFINE);
      ep_plan_set_reflection_result (plan, "The gap narrowed by four points but not to the target.");
      ep_plan_set_reflection_lessons (plan, "Calls worked when the same adult made them every time.");
    }

  ep_school_add_plan (school, plan);
}

/**
 * ep_synth_district:
 * @n_schools: how many schools
 * @n_years: how many school years of measurements, ending with 2024-25
 * @seed: the random seed
 *
 * Returns: (transfer full): a synthetic district
 */
EpDistrict *
ep_synth_district (guint   n_schools,
                   guint   n_years,
                   guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  EpDistrict *district = ep_district_new ("Synthetic Unified School District");
  g_autofree char **periods = g_new0 (char *, n_years + 1);
  const guint last_year = 2024;

  ep_district_set_id (district, "synthetic");
  ep_district_add_standard_groups (district);

  for (guint y = 0; y < n_years; y++)
    {
      guint start = last_year - (n_years - 1) + y;
      g_autofree char *period = g_strdup_printf ("%u-%02u", start, (start + 1) % 100);
      periods[y] = (char *) ep_intern (period);
    }

  for (guint s = 0; s < n_schools; s++)
    {
      Level level = s % 10 < 6 ? ELEMENTARY : s % 10 < 8 ? MIDDLE : HIGH;
      static const char *suffix[] = { "Elementary School", "Middle School", "High School" };
      g_autofree char *id = g_strdup_printf ("36%010u", 100001 + s);
      g_autofree char *name = NULL;
      g_autoptr(EpSchool) school = NULL;
      double weights[7], total_weight = 0;
      double program_share[3];
      double school_effect[G_N_ELEMENTS (specs)];
      guint32 enrolment;
      gboolean marker_n = g_rand_int_range (rand, 0, 10) == 0;

      if (s < G_N_ELEMENTS (name_parts))
        name = g_strdup_printf ("%s %s", name_parts[s], suffix[level]);
      else
        name = g_strdup_printf ("%s %s No. %u", name_parts[s % G_N_ELEMENTS (name_parts)],
                                suffix[level], (guint) (s / G_N_ELEMENTS (name_parts)) + 1);
      school = ep_school_new (id, name);

      switch (level)
        {
        case ELEMENTARY: enrolment = g_rand_int_range (rand, 250, 750); break;
        case MIDDLE: enrolment = g_rand_int_range (rand, 400, 1150); break;
        case HIGH: default: enrolment = g_rand_int_range (rand, 700, 2600); break;
        }

      /* Neighbourhoods differ: each school's shares scatter around the
       * district's by a log-normal factor. */
      for (guint g = 0; g < 7; g++)
        {
          weights[g] = race_shares[g] * exp (0.7 * normal (rand));
          total_weight += weights[g];
        }
      program_share[0] = g_rand_double_range (rand, 0.2, 0.9);
      program_share[1] = g_rand_double_range (rand, 0.03, 0.35);
      program_share[2] = g_rand_double_range (rand, 0.08, 0.18);

      for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
        {
          const IndicatorSpec *spec = &specs[i];
          g_autoptr(EpIndicator) ind = NULL;

          school_effect[i] = exp (0.25 * normal (rand));

          if (!(spec->levels & (1u << level)))
            continue;
          ind = ep_indicator_new (spec->id);
          ep_indicator_set_name (ind, spec->name);
          ep_indicator_set_kind (ind, spec->kind);
          ep_indicator_set_direction (ind, spec->direction);
          ep_indicator_set_unit (ind, spec->unit);
          ep_school_add_indicator (school, ind);
        }

      for (guint y = 0; y < n_years; y++)
        {
          guint32 year_enrolment = (guint32) (enrolment * (1.0 + 0.03 * normal (rand)));
          guint32 race_n[7];
          guint32 assigned = 0;
          int largest = 0;

          for (guint g = 0; g < 7; g++)
            {
              race_n[g] = (guint32) floor (year_enrolment * weights[g] / total_weight);
              assigned += race_n[g];
              if (race_n[g] > race_n[largest])
                largest = g;
            }
          race_n[largest] += year_enrolment - assigned;

          for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
            {
              const IndicatorSpec *spec = &specs[i];
              EpIndicator *ind = ep_school_find_indicator (school, spec->id);
              /* Year-on-year drift: gaps narrow a little, slowly. */
              double trend = 1.0 - 0.02 * y;

              if (ind == NULL)
                continue;

              if (spec->unit == EP_UNIT_MEAN_SCORE)
                {
                  double all_sum = 0;
                  guint32 all_n = 0;

                  for (guint g = 0; g < 7; g++)
                    {
                      guint32 responded = binomial (rand, race_n[g], 0.7);
                      double mean = spec->base + spec->race[g] * trend + 0.1 * normal (rand);

                      mean = round (CLAMP (mean, 1.0, 5.0) * 100) / 100;
                      if (responded == 0)
                        continue;
                      ep_indicator_set_value (ind, race_ids[g], periods[y], mean, responded, NULL);
                      all_sum += mean * responded;
                      all_n += responded;
                    }
                  if (all_n > 0)
                    ep_indicator_set_value (ind, "all", periods[y], round (all_sum / all_n * 100) / 100, all_n, NULL);
                  for (guint p = 0; p < 3; p++)
                    {
                      guint32 responded = binomial (rand, (guint32) (year_enrolment * program_share[p]), 0.7);
                      double mean = round (CLAMP (spec->base + spec->program[p] * trend + 0.1 * normal (rand), 1.0, 5.0) * 100) / 100;
                      if (responded > 0)
                        ep_indicator_set_value (ind, program_ids[p], periods[y], mean, responded, NULL);
                    }
                  continue;
                }

              {
                guint32 all_num = 0, all_den = 0;
                /* Graduation counts a cohort, about a quarter of a high school. */
                double cohort = spec->levels == 4 ? 0.25 : 1.0;

                for (guint g = 0; g < 7; g++)
                  {
                    guint32 den = (guint32) round (race_n[g] * cohort);
                    double p = spec->base * school_effect[i] * (1.0 + (spec->race[g] - 1.0) * trend);
                    guint32 num = binomial (rand, den, MIN (p, 0.99));

                    add_count (ind, spec, race_ids[g], periods[y], num, den, marker_n);
                    all_num += num;
                    all_den += den;
                  }
                add_count (ind, spec, "all", periods[y], all_num, all_den, marker_n);
                for (guint p = 0; p < 3; p++)
                  {
                    guint32 den = (guint32) round (year_enrolment * program_share[p] * cohort);
                    double prob = spec->base * school_effect[i] * (1.0 + (spec->program[p] - 1.0) * trend);

                    add_count (ind, spec, program_ids[p], periods[y],
                               binomial (rand, den, MIN (prob, 0.99)), den, marker_n);
                  }
              }
            }
        }

      add_plan (school, rand, "2025-26", periods[n_years - 1], last_year + 1);
      ep_district_add_school (district, school, NULL);
    }

  return district;
}
