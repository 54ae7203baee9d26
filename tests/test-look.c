/* test-look.c — how the window looks and reads: the application's
 * stylesheet, the Diagnose table, hyphenation, keyboard, dates (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application is registered as main.c builds it, so the window is
 * styled by what the application loads, not by the test.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ep-application.h"
#include "ep-page-diagnose.h"
#include "ep-page-design.h"
#include "ep-plan-view.h"
#include "ep-test-util.h"

static EpApplication *app;

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
  EpDistrict *district;
  EpHistory  *history;
  GtkWindow  *window;
  EpPlanView *view;
} View;

static void
view_open (View       *v,
           const char *school_id,
           int         width,
           int         height)
{
  if (v->district == NULL)
    v->district = ep_test_load_demo ();
  v->history = ep_history_new ();
  v->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (v->window, width, height);
  v->view = EP_PLAN_VIEW (ep_plan_view_new ());
  g_object_set (v->view, "history", v->history, "district", v->district,
                "school", ep_district_find_school (v->district, school_id), NULL);
  gtk_window_set_child (v->window, GTK_WIDGET (v->view));
  gtk_window_present (v->window);
  spin_a_while (100);
}

static void
view_close (View *v)
{
  gtk_window_destroy (v->window);
  spin_a_while (20);
  g_clear_object (&v->history);
  g_clear_object (&v->district);
}

static gpointer
page_child (View       *v,
            EpPlanPage  page,
            GType       type,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (ep_plan_view_get_page (v->view, page), type, name);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_class (c, css_class);
      if (found)
        return found;
    }
  return NULL;
}

/* #3: the application loads its stylesheet: the pages have their padding
 * and the section headings are headings. */
static void
test_stylesheet (void)
{
  View v = { 0 };
  GtkWidget *page, *box, *first, *heading = NULL;
  graphene_rect_t bounds;
  const char *ids[] = { "060000100002" };

  view_open (&v, ids[0], 1100, 720);
  ep_plan_view_show_page (v.view, EP_PAGE_DIAGNOSE, NULL);
  spin_a_while (100);
  page = ep_plan_view_get_page (v.view, EP_PAGE_DIAGNOSE);
  box = find_with_class (page, "plan-page");
  g_assert_nonnull (box);
  first = gtk_widget_get_first_child (box);
  g_assert_true (gtk_widget_compute_bounds (first, page, &bounds));
  /* The HIG's 24 px around a page. */
  g_assert_cmpfloat (bounds.origin.x, >=, 24);
  g_assert_cmpfloat (bounds.origin.y, >=, 24);

  /* "Problem statement" is drawn larger and bolder than body text. */
  for (GtkWidget *c = first; c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "section-title"))
      {
        heading = c;
        break;
      }
  g_assert_nonnull (heading);
  {
    GtkWidget *note = page_child (&v, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "table_note");
    PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (heading));
    PangoFontDescription *body = pango_context_get_font_description (gtk_widget_get_pango_context (note));

    g_assert_cmpint (pango_font_description_get_weight (font), >=, PANGO_WEIGHT_BOLD);
    g_assert_cmpint (pango_font_description_get_size (font), >, pango_font_description_get_size (body));
  }
  view_close (&v);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("EP_TODAY", "2026-03-02", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* As main.c builds it; registering runs its startup. */
  app = ep_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/look/stylesheet", test_stylesheet);

  return g_test_run ();
}
