/* test-history.c — undo and redo over the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ep-test-util.h"

static void
test_property (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");

  g_assert_false (ep_history_get_can_undo (history));
  g_assert_false (ep_history_get_modified (history));

  ep_history_set (history, plan, "target", 50.0, NULL);
  g_assert_cmpfloat (ep_plan_get_target (plan), ==, 50.0);
  g_assert_true (ep_history_get_can_undo (history));
  g_assert_true (ep_history_get_modified (history));
  g_assert_cmpstr (ep_history_get_undo_label (history), ==, "Edit");

  ep_history_set (history, plan, "phase", EP_PHASE_DESIGN, NULL);
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_DESIGN);

  g_assert_true (ep_history_undo (history));
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_PREREQUISITES);
  g_assert_cmpfloat (ep_plan_get_target (plan), ==, 50.0);
  g_assert_true (ep_history_get_can_redo (history));
  g_assert_true (ep_history_undo (history));
  g_assert_cmpfloat (ep_plan_get_target (plan), !=, 50.0);
  g_assert_false (ep_history_get_modified (history));
  g_assert_false (ep_history_undo (history));

  g_assert_true (ep_history_redo (history));
  g_assert_true (ep_history_redo (history));
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_DESIGN);
  g_assert_false (ep_history_redo (history));

  /* Setting the value it has is no step. */
  ep_history_set (history, plan, "phase", EP_PHASE_DESIGN, NULL);
  g_assert_true (ep_history_undo (history));
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_PREREQUISITES);
}

static void
test_typing_coalesces (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");

  ep_plan_set_statement (plan, "Before");
  ep_history_set (history, plan, "statement", "E", NULL);
  ep_history_set (history, plan, "statement", "EL", NULL);
  ep_history_set (history, plan, "statement", "EL students", NULL);
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, "EL students");
  /* Another field is another step. */
  ep_history_set (history, plan, "root-cause", "Transport", NULL);

  g_assert_true (ep_history_undo (history));
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, "EL students");
  g_assert_true (ep_history_undo (history));
  g_assert_cmpstr (ep_plan_get_statement (plan), ==, "Before");
  g_assert_false (ep_history_get_can_undo (history));
}

static void
test_saved_state (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");

  ep_history_set (history, plan, "target", 40.0, NULL);
  ep_history_mark_saved (history);
  g_assert_false (ep_history_get_modified (history));
  ep_history_set (history, plan, "target", 45.0, NULL);
  g_assert_true (ep_history_get_modified (history));
  ep_history_undo (history);
  g_assert_false (ep_history_get_modified (history));
  ep_history_undo (history);
  g_assert_true (ep_history_get_modified (history));
  ep_history_redo (history);
  g_assert_false (ep_history_get_modified (history));

  /* Undo past the save, then edit: the saved state is gone for good. */
  ep_history_undo (history);
  ep_history_set (history, plan, "target", 60.0, NULL);
  g_assert_true (ep_history_get_modified (history));
  ep_history_undo (history);
  g_assert_cmpfloat (ep_plan_get_target (plan), ==, 0.0);
  g_assert_true (ep_history_get_modified (history));
}

static void
test_lists_and_groups (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpIntervention) a = ep_intervention_new ();
  g_autoptr(EpIntervention) b = ep_intervention_new ();
  g_autoptr(EpIntervention) c = ep_intervention_new ();
  GListModel *actions = ep_plan_get_interventions (plan);
  g_autoptr(GObject) first = NULL;

  ep_intervention_set_title (a, "A");
  ep_intervention_set_title (b, "B");
  ep_intervention_set_title (c, "C");
  ep_history_plan_insert (history, plan, G_MAXUINT, a);
  ep_history_plan_insert (history, plan, G_MAXUINT, b);
  ep_history_plan_insert (history, plan, G_MAXUINT, c);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);

  /* Removing the middle one and undoing puts it back in its place. */
  ep_history_plan_remove (history, plan, b);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  ep_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  {
    g_autoptr(GObject) middle = g_list_model_get_item (actions, 1);
    g_assert_true (middle == (GObject *) b);
  }

  /* A group is one step, undone in reverse order. */
  ep_history_begin (history, "Start next cycle");
  ep_history_set (history, a, "owner", "Ms. Diaz", NULL);
  ep_history_plan_remove (history, plan, a);
  ep_history_set (history, plan, "phase", EP_PHASE_REFLECT, NULL);
  ep_history_end (history);
  g_assert_cmpstr (ep_history_get_undo_label (history), ==, "Start next cycle");
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  ep_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  first = g_list_model_get_item (actions, 0);
  g_assert_true (first == (GObject *) a);
  g_assert_null (ep_intervention_get_owner (a));
  g_assert_cmpint (ep_plan_get_phase (plan), ==, EP_PHASE_PREREQUISITES);
  ep_history_redo (history);
  g_assert_cmpstr (ep_intervention_get_owner (a), ==, "Ms. Diaz");
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
}

static void
test_measurements (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpIndicator) indicator = ep_indicator_new ("absence");
  g_autoptr(GError) error = NULL;
  EpMeasurement m = { 0 }, out;

  g_assert_true (ep_indicator_set_count (indicator, "EL", "2024-25", 64, 202, NULL));
  m.group = "EL";
  m.period = "2024-25";
  m.flags = EP_MEASUREMENT_HAS_NUMERATOR | EP_MEASUREMENT_HAS_DENOMINATOR;
  m.numerator = 60;
  m.denominator = 202;
  g_assert_true (ep_history_set_measurement (history, indicator, &m, &error));
  g_assert_true (ep_indicator_lookup (indicator, "EL", "2024-25", &out));
  g_assert_cmpuint (out.numerator, ==, 60);

  /* A refused cell records nothing. */
  m.numerator = 300;
  g_assert_false (ep_history_set_measurement (history, indicator, &m, &error));
  g_assert_nonnull (error);

  ep_history_remove_measurement (history, indicator, "EL", "2024-25");
  g_assert_false (ep_indicator_lookup (indicator, "EL", "2024-25", NULL));
  ep_history_undo (history);
  g_assert_true (ep_indicator_lookup (indicator, "EL", "2024-25", &out));
  g_assert_cmpuint (out.numerator, ==, 60);
  ep_history_undo (history);
  g_assert_true (ep_indicator_lookup (indicator, "EL", "2024-25", &out));
  g_assert_cmpuint (out.numerator, ==, 64);
  g_assert_false (ep_history_get_can_undo (history));
}

static void
test_translation_and_district (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpDistrict) district = ep_district_new ("D");
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  g_autoptr(EpGlossaryTerm) term = ep_glossary_term_new ();

  ep_history_set_translation (history, plan, "statement", "es", "Estudiantes");
  g_assert_cmpstr (ep_node_get_translation (plan, "statement", "es"), ==, "Estudiantes");
  ep_history_undo (history);
  g_assert_null (ep_node_get_translation (plan, "statement", "es"));

  ep_history_district_add_term (history, district, term);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_glossary (district)), ==, 1);
  ep_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_glossary (district)), ==, 0);
  ep_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (ep_district_get_glossary (district)), ==, 1);
}

static void
count_cb (EpHistory *history,
          guint     *count)
{
  (*count)++;
}

/* Every change says so, typing that extends a step too (autosave needs it). */
static void
test_changed_signal (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpPlan) plan = ep_plan_new ("2025-26");
  guint count = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_cb), &count);
  ep_history_set (history, plan, "statement", "E", NULL);
  g_assert_cmpuint (count, ==, 1);
  ep_history_set (history, plan, "statement", "EL", NULL);
  g_assert_cmpuint (count, ==, 2);
  ep_history_undo (history);
  g_assert_cmpuint (count, ==, 3);
  ep_history_redo (history);
  g_assert_cmpuint (count, ==, 4);
  ep_history_begin (history, "Group");
  ep_history_set (history, plan, "target", 10.0, NULL);
  g_assert_cmpuint (count, ==, 4);
  ep_history_end (history);
  g_assert_cmpuint (count, ==, 5);
}

/* Issue 14: schools and indicators are added and removed as undo steps,
 * and come back at their place. */
static void
test_schools_and_indicators (void)
{
  g_autoptr(EpHistory) history = ep_history_new ();
  g_autoptr(EpDistrict) district = ep_district_new ("D");
  g_autoptr(EpSchool) a = ep_school_new ("A", "Adams");
  g_autoptr(EpSchool) b = ep_school_new ("B", "Baker");
  g_autoptr(EpSchool) dup = ep_school_new ("A", "Again");
  g_autoptr(EpIndicator) reading = ep_indicator_new ("reading");
  g_autoptr(EpIndicator) absence = ep_indicator_new ("absence");
  g_autoptr(GError) error = NULL;
  GListModel *schools = ep_district_get_schools (district);

  g_assert_true (ep_history_district_add_school (history, district, a, NULL));
  g_assert_true (ep_history_district_add_school (history, district, b, NULL));
  g_assert_false (ep_history_district_add_school (history, district, dup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 2);
  g_assert_cmpstr (ep_history_get_undo_label (history), ==, "Add school");

  ep_history_school_add_indicator (history, a, reading);
  ep_history_school_add_indicator (history, a, absence);
  ep_history_school_remove_indicator (history, a, reading);
  g_assert_cmpuint (g_list_model_get_n_items (ep_school_get_indicators (a)), ==, 1);
  g_assert_true (ep_history_undo (history));
  g_assert_true (ep_school_find_indicator (a, "reading") == reading);
  {
    g_autoptr(EpIndicator) first = g_list_model_get_item (ep_school_get_indicators (a), 0);
    g_assert_true (first == reading);
  }

  ep_history_district_remove_school (history, district, a);
  g_assert_null (ep_district_find_school (district, "A"));
  g_assert_true (ep_history_undo (history));
  {
    g_autoptr(EpSchool) first = g_list_model_get_item (schools, 0);
    g_assert_true (first == a);
    g_assert_true (ep_district_find_school (district, "A") == a);
  }
  while (ep_history_undo (history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 0);
  /* Redo all: the two schools, the two indicators, and A removed again. */
  while (ep_history_redo (history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
  g_assert_null (ep_district_find_school (district, "A"));
  g_assert_cmpuint (g_list_model_get_n_items (ep_school_get_indicators (a)), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/property", test_property);
  g_test_add_func ("/history/typing-coalesces", test_typing_coalesces);
  g_test_add_func ("/history/saved-state", test_saved_state);
  g_test_add_func ("/history/lists-and-groups", test_lists_and_groups);
  g_test_add_func ("/history/measurements", test_measurements);
  g_test_add_func ("/history/translation-and-district", test_translation_and_district);
  g_test_add_func ("/history/changed-signal", test_changed_signal);
  g_test_add_func ("/history/schools-and-indicators", test_schools_and_indicators);

  return g_test_run ();
}
