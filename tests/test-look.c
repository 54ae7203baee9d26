/* test-look.c — how the window looks and reads: the application's
 * stylesheet, the Diagnose table, hyphenation, keyboard, dates (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application is registered as main.c builds it, so the window is
 * styled by what the application loads, not by the test.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "ep-application.h"
#include "ep-page-diagnose.h"
#include "ep-page-design.h"
#include "ep-page-util.h"
#include "ep-chart.h"
#include "ep-page-reflect.h"
#include "ep-date-entry.h"
#include <locale.h>
#include "ep-plan-view.h"
#include "ep-test-util.h"
#include "ep-window.h"

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

static gboolean
hyphens_off (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrIterator) iter = NULL;
  PangoAttrInt *attr;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  attr = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
  return attr != NULL && attr->value == FALSE;
}

static void
check_labels (GtkWidget *widget,
              guint     *n)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      const char *text = pango_layout_get_text (layout);
      PangoLayoutIter *iter = pango_layout_get_iter (layout);

      if (!hyphens_off (GTK_LABEL (widget)))
        g_error ("“%s” may be hyphenated", gtk_label_get_text (GTK_LABEL (widget)));
      /* No line ends inside a word. */
      while (pango_layout_iter_next_line (iter))
        {
          int start = pango_layout_iter_get_line_readonly (iter)->start_index;
          if (start > 0 && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + start))) &&
              g_unichar_isalpha (g_utf8_get_char (text + start)) &&
              g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (text + start))))
            g_error ("“%s” is broken inside a word", text);
        }
      pango_layout_iter_free (iter);
      (*n)++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    check_labels (c, n);
}

/* #5: the Design page's labels (field names, the ideas' score names) are
 * wrapped between words only, without inserted hyphens, in a 1100 px
 * window and in a narrow one. */
static void
test_no_hyphens (void)
{
  static const int widths[] = { 1100, 700 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (EpPlanPage page = EP_PAGE_OVERVIEW; page <= EP_PAGE_REFLECT; page++)
      {
        View v = { 0 };
        guint n = 0;

        view_open (&v, "060000100002", widths[w], 720);
        ep_plan_view_show_page (v.view, page, NULL);
        spin_a_while (150);
        check_labels (ep_plan_view_get_page (v.view, page), &n);
        g_assert_cmpuint (n, >, 3);
        view_close (&v);
      }
}

static gboolean
row_label_bounds (GtkWidget       *widget,
                  const char      *text,
                  GtkWidget       *target,
                  graphene_rect_t *bounds)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return gtk_widget_compute_bounds (widget, target, bounds);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (row_label_bounds (c, text, target, bounds))
      return TRUE;
  return FALSE;
}

/* #4: the indicator table takes its natural height inside the page's
 * scroller: every group's row is drawn, whole, inside the table. */
static void
test_table_rows (void)
{
  g_autoptr(EpDistrict) district = ep_test_load_demo ();
  GListModel *schools = ep_district_get_schools (district);

  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(EpSchool) school = g_list_model_get_item (schools, s);
      View v = { .district = g_object_ref (district) };
      GtkWidget *table;
      GListModel *groups = ep_district_get_groups (district);
      graphene_rect_t table_bounds;

      view_open (&v, ep_school_get_id (school), 1100, 720);
      ep_plan_view_show_page (v.view, EP_PAGE_DIAGNOSE, NULL);
      spin_a_while (200);
      table = page_child (&v, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "table");
      g_assert_true (gtk_widget_compute_bounds (table, table, &table_bounds));
      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(EpStudentGroup) group = g_list_model_get_item (groups, i);
          const char *label = ep_student_group_get_label (group);
          graphene_rect_t bounds;

          if (!row_label_bounds (table, label, table, &bounds))
            g_error ("%s: no row for “%s”", ep_school_get_id (school), label);
          if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > table_bounds.size.height + 0.5)
            g_error ("%s: the row for “%s” (y %.0f–%.0f) is outside the table (height %.0f)",
                     ep_school_get_id (school), label, bounds.origin.y,
                     bounds.origin.y + bounds.size.height, table_bounds.size.height);
        }
      view_close (&v);
    }
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
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

/* The pixel at (x, y) of @widget as drawn now, 0xRRGGBB. */
static guint32
widget_pixel (GtkWidget *widget,
              int        x,
              int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;
  g_autofree guchar *data = NULL;
  guint32 p;

  spin_a_while (50);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  memcpy (&p, data + (y * width + x) * 4, 4);   /* BGRA, premultiplied */
  return p & 0xffffff;
}

/* #11: the chart shows a focus ring when it has the keyboard focus, and
 * the arrow keys announce the focused bar's value (accessible
 * description) and show it. */
static void
test_chart_keyboard (void)
{
  View v = { 0 };
  GtkWidget *page, *chart;
  EpChartData *data;
  guint32 before, after;

  view_open (&v, "060000100002", 1100, 720);
  ep_plan_view_show_page (v.view, EP_PAGE_DIAGNOSE, NULL);
  spin_a_while (200);
  page = ep_plan_view_get_page (v.view, EP_PAGE_DIAGNOSE);
  chart = find_type (page, EP_TYPE_CHART);
  g_assert_nonnull (chart);
  data = ep_chart_get_data (EP_CHART (chart));
  g_assert_nonnull (data);

  before = widget_pixel (chart, 1, gtk_widget_get_height (chart) / 2);
  gtk_widget_grab_focus (chart);
  g_assert_true (gtk_widget_has_focus (chart));
  after = widget_pixel (chart, 1, gtk_widget_get_height (chart) / 2);
  g_assert_cmphex (before, !=, after);

  for (int i = 0; i < 3; i++)
    {
      EpChartItem *item;
      g_autofree char *expected = NULL;
      g_autofree char *mismatch = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (press_key (chart, GDK_KEY_Right));
      g_assert_cmpint (ep_chart_get_focus_item (EP_CHART (chart)), ==, i);
      item = ep_chart_data_get_item (data, i);
      lines = g_strsplit (item->tooltip, "\n", -1);
      expected = g_strjoinv ("; ", lines);
      /* "English learners, 2024-25: 31.7% (64 of 202 students)" */
      g_assert_true (g_str_has_prefix (expected, item->label));
      g_assert_nonnull (strstr (expected, ": "));
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     expected);
      if (mismatch)
        g_error ("after Right ×%d: %s", i + 1, mismatch);
    }
  view_close (&v);
}

static void
check_no_selectable (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
    g_error ("the label “%s” is selectable", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    check_no_selectable (c);
}

/* #11: Tab stops on the Diagnose page: no label, nothing in the table;
 * the chart is one stop. Reflect opens with no text selected. */
static void
test_tab_chain (void)
{
  View v = { 0 };
  GtkWidget *page, *table, *first = NULL;
  guint stops = 0, chart_stops = 0;

  view_open (&v, "060000100002", 1100, 720);
  ep_plan_view_show_page (v.view, EP_PAGE_DIAGNOSE, NULL);
  spin_a_while (200);
  page = ep_plan_view_get_page (v.view, EP_PAGE_DIAGNOSE);
  table = GTK_WIDGET (page_child (&v, EP_PAGE_DIAGNOSE, EP_TYPE_PAGE_DIAGNOSE, "table"));
  /* From the page's first stop, Tab until the focus leaves the page (the
   * sidebars are outside it). */
  gtk_window_set_focus (v.window, NULL);
  g_assert_true (gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD));
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus = gtk_window_get_focus (v.window);

      if (focus == NULL || focus == first || !gtk_widget_is_ancestor (focus, page))
        break;
      if (first == NULL)
        first = focus;
      stops++;
      if (GTK_IS_LABEL (focus))
        g_error ("Tab stops on the label “%s”", gtk_label_get_text (GTK_LABEL (focus)));
      g_assert_false (focus == table || gtk_widget_is_ancestor (focus, table));
      chart_stops += EP_IS_CHART (focus);
      if (!gtk_widget_child_focus (GTK_WIDGET (v.window), GTK_DIR_TAB_FORWARD))
        break;
    }
  g_assert_cmpuint (stops, >, 5);
  g_assert_cmpuint (chart_stops, ==, 1);
  view_close (&v);

  /* Reflect, as it opens: the focus is not on a label, no text selected. */
  view_open (&v, "060000100002", 1100, 720);
  ep_plan_view_show_page (v.view, EP_PAGE_REFLECT, NULL);
  spin_a_while (200);
  {
    GtkWidget *focus = gtk_window_get_focus (v.window);
    GtkWidget *reflect = ep_plan_view_get_page (v.view, EP_PAGE_REFLECT);
    g_assert_false (focus != NULL && GTK_IS_LABEL (focus));
    check_no_selectable (reflect);
  }
  view_close (&v);
}

/* #14: dates show four-digit years, in the locale's order; the file
 * keeps ISO dates. */
static void
test_dates (void)
{
  static const struct { const char *locale, *expected; } cases[] = {
    { "C.UTF-8", "08/13/2025" },
    { "de_DE.UTF-8", "13.08.2025" },
    { "es_ES.UTF-8", "13/08/2025" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GDate) date = g_date_new_dmy (13, G_DATE_AUGUST, 2025);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      GtkWidget *entry;
      GtkWidget *text_entry;
      GDate parsed;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("no locale %s", cases[i].locale);
          continue;
        }
      text = ep_format_locale_date (date);
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (ep_parse_locale_date (text, &parsed));
      g_assert_cmpint (g_date_compare (&parsed, date), ==, 0);

      /* The entry on the Implement page shows the same. */
      entry = ep_date_entry_new ();
      g_object_ref_sink (entry);
      ep_date_entry_set_date (EP_DATE_ENTRY (entry), date);
      text_entry = gtk_widget_get_first_child (entry);
      while (text_entry && !GTK_IS_EDITABLE (text_entry))
        text_entry = gtk_widget_get_next_sibling (text_entry);
      g_assert_nonnull (text_entry);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_entry)), ==, cases[i].expected);
      g_object_unref (entry);
    }
  setlocale (LC_ALL, saved);
}

/* ---- Screenshots (build-aux/screenshots) -------------------------------- */

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("EP_SCREENSHOT_DIR");
  const char *suffix = g_getenv ("EP_SCREENSHOT_SUFFIX");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  spin_a_while (400);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("nothing drawn for %s yet", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s%s.png", name, suffix ? suffix : "");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d×%d)", path, width, height);
}

static gboolean
window_has_district (gpointer data)
{
  return ep_window_get_district (data) != NULL;
}

static GtkWindow *
newest_dialog (EpWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);
      if (w != GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        return w;
    }
  return NULL;
}

/* Every page of the demo in the whole window, at the size asked for. */
static void
test_screenshots (void)
{
  static const EpPlanPage pages[] = { EP_PAGE_OVERVIEW, EP_PAGE_PREREQUISITES, EP_PAGE_DIAGNOSE,
                                      EP_PAGE_DESIGN, EP_PAGE_IMPLEMENT, EP_PAGE_REFLECT };
  static const char *names[] = { "overview", "prerequisites", "diagnose", "design", "implement", "reflect" };
  static const char *dialogs[][2] = { { "win.district-settings", "dialog-district-settings" },
                                      { "win.import", "dialog-import" } };
  const char *size = g_getenv ("EP_SCREENSHOT_SIZE");
  g_autofree char *demo = ep_test_source_path ("data/demo/riverside.eqplan");
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_auto(GStrv) wh = NULL;
  EpWindow *window;
  GObject *plan_view;
  int width = 1100, height = 720;

  if (g_getenv ("EP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("EP_SCREENSHOT_DIR not set (build-aux/screenshots sets it)");
      return;
    }
  if (size != NULL && (wh = g_strsplit (size, "x", 2)) != NULL && wh[0] && wh[1])
    {
      width = atoi (wh[0]);
      height = atoi (wh[1]);
    }
  window = ep_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ep_window_open (window, file);
  while (!window_has_district (window))
    g_main_context_iteration (NULL, TRUE);
  plan_view = gtk_widget_get_template_child (GTK_WIDGET (window), EP_TYPE_WINDOW, "plan_view");
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      ep_window_select_school (window, "060000100002");
      spin_a_while (100);
      ep_plan_view_show_page (EP_PLAN_VIEW (plan_view), pages[p], NULL);
      gtk_window_set_focus (GTK_WINDOW (window), NULL);
      save_png (GTK_WIDGET (window), names[p]);
    }
  /* Riverside High's Diagnose: the school with the most groups. */
  ep_window_select_school (window, "060000100003");
  spin_a_while (100);
  ep_plan_view_show_page (EP_PLAN_VIEW (plan_view), EP_PAGE_DIAGNOSE, NULL);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  save_png (GTK_WIDGET (window), "diagnose-riverside-high");
  {
    GtkWidget *page = ep_plan_view_get_page (EP_PLAN_VIEW (plan_view), EP_PAGE_DIAGNOSE);
    GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (page, EP_TYPE_PAGE_DIAGNOSE, "table"));
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
    graphene_rect_t bounds;

    /* The table and the chart. */
    if (gtk_widget_compute_bounds (table, gtk_scrolled_window_get_child (scroller), &bounds))
      gtk_adjustment_set_value (adj, bounds.origin.y - 60);
    save_png (GTK_WIDGET (window), "diagnose-riverside-high-table");
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    save_png (GTK_WIDGET (window), "diagnose-riverside-high-chart");
    {
      GtkWidget *chart = find_type (page, EP_TYPE_CHART);

      /* The keyboard on the chart: its ring and the second bar's value. */
      gtk_widget_grab_focus (chart);
      press_key (chart, GDK_KEY_Right);
      press_key (chart, GDK_KEY_Right);
      save_png (GTK_WIDGET (window), "diagnose-chart-keyboard");
    }
    gtk_adjustment_set_value (adj, 0);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-district", NULL);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  save_png (GTK_WIDGET (window), "district-overview");

  for (guint d = 0; d < G_N_ELEMENTS (dialogs) && g_getenv ("EP_SCREENSHOT_NO_DIALOGS") == NULL; d++)
    {
      GtkWindow *dialog;

      gtk_widget_activate_action (GTK_WIDGET (window), dialogs[d][0], NULL);
      spin_a_while (300);
      dialog = newest_dialog (window);
      if (dialog == NULL)
        continue;
      save_png (GTK_WIDGET (dialog), dialogs[d][1]);
      gtk_window_destroy (dialog);
      spin_a_while (50);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_while (50);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("EP_TODAY", "2026-03-02", TRUE);
  /* The accessible properties can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() fixes the locale; the screenshots are in the user's. */
  if (g_getenv ("EP_SCREENSHOT_DIR") != NULL)
    setlocale (LC_ALL, "");
  /* As main.c does (EP_LOCALEDIR: the uninstalled catalogs). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EP_LOCALEDIR") ? g_getenv ("EP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* As main.c builds it; registering runs its startup. */
  app = ep_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  if (g_strcmp0 (g_getenv ("EP_SCREENSHOT_RTL"), "1") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  if (g_strcmp0 (g_getenv ("EP_SCREENSHOT_DARK"), "1") == 0)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);

  g_test_add_func ("/look/stylesheet", test_stylesheet);
  g_test_add_func ("/look/no-hyphens", test_no_hyphens);
  g_test_add_func ("/look/table-rows", test_table_rows);
  g_test_add_func ("/look/chart-keyboard", test_chart_keyboard);
  g_test_add_func ("/look/tab-chain", test_tab_chain);
  g_test_add_func ("/look/dates", test_dates);
  g_test_add_func ("/look/screenshots", test_screenshots);

  return g_test_run ();
}
