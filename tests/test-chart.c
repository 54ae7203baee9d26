/* test-chart.c — the chart widget, driven as a person would (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set EP_SCREENSHOT_DIR to also save a PNG of the widget.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ep-chart.h"
#include "ep-test-util.h"

#define CHAVEZ "060000100002"

static void
spin_a_while (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct {
  GtkWindow  *window;
  EpChart    *chart;
  EpDistrict *district;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->district = ep_test_load_demo ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 560);
  f->chart = EP_CHART (ep_chart_new ());
  g_object_set (f->chart,
                "district", f->district,
                "school", ep_district_find_school (f->district, CHAVEZ),
                "indicator", "chronic-absence",
                NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->chart));
  gtk_window_present (f->window);
  spin_a_while (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin_a_while (50);
  g_object_unref (f->district);
}

static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("EP_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_shows_demo (Fixture       *f,
                 gconstpointer  data)
{
  EpChartData *chart_data = ep_chart_get_data (f->chart);
  guint drawn = 0;

  g_assert_nonnull (chart_data);
  g_assert_null (ep_chart_get_message (f->chart));
  g_assert_cmpuint (ep_chart_data_get_n_items (chart_data), ==, 10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->chart)), >, 600);
  /* Drawn: every bar has a box. */
  for (guint i = 0; i < ep_chart_data_get_n_items (chart_data); i++)
    drawn += ep_chart_data_get_item (chart_data, i)->width > 0;
  g_assert_cmpuint (drawn, ==, 10);
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f->chart)), ==, "chart");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  maybe_screenshot (GTK_WIDGET (f->chart), "chart-widget.png");
}

static gboolean
press_key (EpChart *chart,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  spin_a_while (30);
  return handled;
}

static void
test_keyboard_focus (Fixture       *f,
                     gconstpointer  data)
{
  EpChartData *chart_data = ep_chart_get_data (f->chart);
  double x0, x1;

  gtk_widget_grab_focus (GTK_WIDGET (f->chart));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->chart)));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, -1);
  g_assert_true (press_key (f->chart, GDK_KEY_Right));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 0);
  g_assert_true (press_key (f->chart, GDK_KEY_Right));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 1);
  x0 = ep_chart_data_get_item (chart_data, 0)->x;
  x1 = ep_chart_data_get_item (chart_data, 1)->x;
  g_assert_cmpfloat (x1, >, x0);               /* Right moves right */
  g_assert_true (press_key (f->chart, GDK_KEY_Left));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 0);
  g_assert_true (press_key (f->chart, GDK_KEY_Left));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 0);   /* stays at the first */
  g_assert_true (press_key (f->chart, GDK_KEY_End));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 9);
  g_assert_true (press_key (f->chart, GDK_KEY_Home));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 0);
  g_assert_false (press_key (f->chart, GDK_KEY_a));

  /* Right to left: Left moves on to the next bar, which is further left. */
  gtk_widget_set_direction (GTK_WIDGET (f->chart), GTK_TEXT_DIR_RTL);
  spin_a_while (100);
  g_assert_true (press_key (f->chart, GDK_KEY_Left));
  g_assert_cmpint (ep_chart_get_focus_item (f->chart), ==, 1);
  g_assert_cmpfloat (ep_chart_data_get_item (chart_data, 1)->x, <, ep_chart_data_get_item (chart_data, 0)->x);
  maybe_screenshot (GTK_WIDGET (f->chart), "chart-widget-rtl-focus.png");
}

static void
test_tooltips_and_accessible (Fixture       *f,
                              gconstpointer  data)
{
  EpChartData *chart_data = ep_chart_get_data (f->chart);
  g_autofree char *description = ep_chart_data_describe (chart_data);
  g_autofree char *mismatch = NULL;
  EpChartItem *el = NULL;

  for (guint i = 0; i < ep_chart_data_get_n_items (chart_data); i++)
    if (g_str_equal (ep_chart_data_get_item (chart_data, i)->label, "English learners"))
      el = ep_chart_data_get_item (chart_data, i);
  g_assert_nonnull (el);
  g_assert_nonnull (strstr (el->tooltip, "31.7% (64 of 202 students)"));
  g_assert_nonnull (strstr (el->tooltip, "+12.0 pts"));
  g_assert_cmpint (ep_chart_data_item_at (chart_data, el->x + el->width / 2, el->y + el->height - 2), ==,
                   (int) (el - ep_chart_data_get_item (chart_data, 0)));

  g_assert_nonnull (strstr (description, "English learners 31.7%, All students 19.7%, gap 12.0 points above."));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 description);
  g_assert_null (mismatch);

  /* When the data change, the description follows. */
  ep_chart_set_indicator (f->chart, "suspension");
  {
    g_autofree char *after = ep_chart_data_describe (ep_chart_get_data (f->chart));
    g_autofree char *check = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->chart),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);

    g_assert_nonnull (strstr (after, "Suspension rate"));
    g_assert_null (check);
  }
  /* A missing indicator: a message, no data, nothing to export. */
  ep_chart_set_indicator (f->chart, "no-such");
  g_assert_null (ep_chart_get_data (f->chart));
  g_assert_nonnull (ep_chart_get_message (f->chart));
  spin_a_while (50);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = ep_test_make_tmpdir ();
  const char *names[] = { "c.png", "c.svg", "c.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize size;

      g_assert_true (ep_chart_export (f->chart, path, 800, 500, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
      g_assert_cmpuint (size, >, 1000);
    }
  ep_test_rm_rf (dir);
}

static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->chart));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.copy", NULL));
  spin_a_while (50);
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  GEnumClass *kinds = g_type_class_ref (EP_TYPE_CHART_KIND);

  /* Every kind draws in the widget, and resizes. */
  for (guint i = 0; i < kinds->n_values; i++)
    {
      ep_chart_set_kind (f->chart, kinds->values[i].value);
      ep_chart_set_indicator (f->chart, "chronic-absence");
      spin_a_while (60);
      g_assert_nonnull (ep_chart_get_data (f->chart));
      gtk_window_set_default_size (f->window, 500 + 100 * i, 400);
      spin_a_while (60);
    }
  g_type_class_unref (kinds);
}

int
main (int    argc,
      char **argv)
{
  /* GTK's in-process accessibility backend: the accessible properties can
   * be read back without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/chart/shows-demo", Fixture, NULL, fixture_set_up, test_shows_demo, fixture_tear_down);
  g_test_add ("/chart/keyboard-focus", Fixture, NULL, fixture_set_up, test_keyboard_focus, fixture_tear_down);
  g_test_add ("/chart/tooltips-accessible", Fixture, NULL, fixture_set_up, test_tooltips_and_accessible, fixture_tear_down);
  g_test_add ("/chart/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/chart/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/chart/kinds", Fixture, NULL, fixture_set_up, test_kinds, fixture_tear_down);

  return g_test_run ();
}
