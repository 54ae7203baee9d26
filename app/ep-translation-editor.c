/* ep-translation-editor.c — fill a plan's texts in a family's language,
 * side by side with the source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-translation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ep-dialog.h"
#include "ep-languages.h"
#include "ep-translation-editor.h"

struct _EpTranslationEditor
{
  GtkWindow    parent_instance;

  EpDistrict  *district;
  EpSchool    *school;
  EpPlan      *plan;
  EpHistory   *history;
  GPtrArray   *texts;        /* EpTranslatable */

  GtkDropDown *language_dropdown;
  GtkCheckButton *missing_only;
  GtkLabel    *progress_label;
  GtkListBox  *list;
  gulong       changed_id;
  gboolean     filling;
};

G_DEFINE_FINAL_TYPE (EpTranslationEditor, ep_translation_editor, GTK_TYPE_WINDOW)

static const char *
current_language (EpTranslationEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->language_dropdown);

  return ep_languages_get_code (i);
}

/* "Action “Morning calls”: description" — where a text lives. */
static char *
describe_place (EpTranslatable *t)
{
  const char *type = G_OBJECT_TYPE_NAME (t->node);
  const char *kind;

  if (g_str_equal (type, "EpPlan"))
    kind = _("Plan");
  else if (g_str_equal (type, "EpIntervention"))
    kind = _("Action");
  else if (g_str_equal (type, "EpListeningSession"))
    kind = _("Listening session");
  else if (g_str_equal (type, "EpIdea"))
    kind = _("Idea");
  else if (g_str_equal (type, "EpChampion"))
    kind = _("Champion");
  else if (g_str_equal (type, "EpStudentGroup"))
    kind = _("Student group");
  else if (g_str_equal (type, "EpGlossaryTerm"))
    kind = _("Glossary");
  else if (g_str_equal (type, "EpIndicator"))
    kind = _("Indicator");
  else if (g_str_equal (type, "EpSchool"))
    kind = _("School");
  else
    kind = type;
  /* Translators: where a text is, e.g. "Action: description"; the second
   * %s is the name of the field as written in the file */
  return g_strdup_printf (_("%s: %s"), kind, t->field);
}

static void
text_changed_cb (GtkEditable *editable,
                 gpointer     data)
{
  EpTranslationEditor *self = g_object_get_data (G_OBJECT (editable), "editor");
  EpTranslatable *t = data;
  const char *language = current_language (self);
  const char *text = gtk_editable_get_text (editable);

  if (self->filling || language == NULL || self->history == NULL)
    return;
  ep_history_set_translation (self->history, t->node, t->field, language,
                              text != NULL && *text != '\0' ? text : NULL);
}

static void
update_progress (EpTranslationEditor *self)
{
  const char *language = current_language (self);
  guint total = self->texts ? self->texts->len : 0;
  guint missing = self->texts && language ? ep_translatables_count_missing (self->texts, language) : 0;
  g_autofree char *text = NULL;

  /* Translators: e.g. "12 of 30 texts translated; 18 still in the source language" */
  text = g_strdup_printf (ngettext ("%u of %u text translated; the others show in the source language",
                                    "%u of %u texts translated; the others show in the source language",
                                    total),
                          total - missing, total);
  gtk_label_set_label (self->progress_label, text);
}

static void
fill (EpTranslationEditor *self)
{
  const char *language = current_language (self);
  gboolean missing_only = gtk_check_button_get_active (self->missing_only);
  GtkWidget *child;
  gboolean rtl = language != NULL && g_str_equal (language, "ar");

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  if (self->plan != NULL)
    self->texts = ep_translatables_for_plan (self->district, self->school, self->plan);

  for (guint i = 0; self->texts != NULL && i < self->texts->len; i++)
    {
      EpTranslatable *t = self->texts->pdata[i];
      const char *translation = ep_node_get_translation (t->node, t->field, language);
      gboolean missing = translation == NULL || *translation == '\0';
      g_autofree char *place = describe_place (t);
      GtkWidget *row, *box, *heading, *source, *entry;

      if (missing_only && !missing)
        continue;
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      heading = gtk_label_new (place);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_widget_add_css_class (heading, "caption");
      source = gtk_label_new (t->source);
      gtk_label_set_xalign (GTK_LABEL (source), 0);
      gtk_label_set_wrap (GTK_LABEL (source), TRUE);
      gtk_label_set_selectable (GTK_LABEL (source), TRUE);
      entry = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (entry), missing ? "" : translation);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Not translated yet: families see the source text"));
      gtk_widget_set_direction (entry, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, source, NULL, -1);
      if (missing)
        gtk_widget_add_css_class (entry, "warning");
      g_object_set_data (G_OBJECT (entry), "editor", self);
      g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), t);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), source);
      gtk_box_append (GTK_BOX (box), entry);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "entry", entry);
      g_object_set_data (G_OBJECT (row), "text", t);
      gtk_list_box_append (self->list, row);
    }
  self->filling = FALSE;
  update_progress (self);
}

static void
model_changed_cb (EpTranslationEditor *self)
{
  GtkWidget *row;
  const char *language = current_language (self);

  /* Undo/redo changed a translation: show it, without rebuilding (which
   * would take the focus from the entry being typed in). */
  self->filling = TRUE;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *entry = g_object_get_data (G_OBJECT (row), "entry");
      EpTranslatable *t = g_object_get_data (G_OBJECT (row), "text");
      const char *now;

      if (entry == NULL || t == NULL)
        continue;
      now = ep_node_get_translation (t->node, t->field, language);
      if (g_strcmp0 (gtk_editable_get_text (entry), now ? now : "") != 0)
        gtk_editable_set_text (entry, now ? now : "");
      if (now == NULL || *now == '\0')
        gtk_widget_add_css_class (GTK_WIDGET (entry), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "warning");
    }
  self->filling = FALSE;
  update_progress (self);
}

static void
ep_translation_editor_dispose (GObject *object)
{
  EpTranslationEditor *self = EP_TRANSLATION_EDITOR (object);

  if (self->district != NULL)
    g_clear_signal_handler (&self->changed_id, self->district);
  g_clear_object (&self->district);
  g_clear_object (&self->school);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (ep_translation_editor_parent_class)->dispose (object);
}

static void
ep_translation_editor_class_init (EpTranslationEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ep_translation_editor_dispose;
}

static void
ep_translation_editor_init (EpTranslationEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box, *bar, *label, *scroller;

  /* Each language named in its own language (models/ep-languages.c). */
  for (guint i = 0; i < ep_languages_get_n (); i++)
    gtk_string_list_append (names, ep_languages_get_native_name (i));

  /* Translators: the title of the window where plan texts are translated */
  gtk_window_set_title (GTK_WINDOW (self), _("Translate the Plan"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  ep_dialog_add_header_bar (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  label = gtk_label_new_with_mnemonic (_("_Language"));
  self->language_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->language_dropdown));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->language_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  self->missing_only = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Show only _missing")));
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->language_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->missing_only));
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->progress_label, 0);
  gtk_label_set_wrap (self->progress_label, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->progress_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->progress_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->progress_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Texts of the plan and their translations"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_window_set_child (GTK_WINDOW (self), box);

  g_signal_connect_swapped (self->language_dropdown, "notify::selected", G_CALLBACK (fill), self);
  g_signal_connect_swapped (self->missing_only, "toggled", G_CALLBACK (fill), self);
}

/**
 * ep_translation_editor_new:
 * @history: every translation typed goes through it (undoable)
 *
 * Returns: (transfer full): a window listing the plan's texts (source on
 *   top, the translation below), for one language at a time
 */
GtkWidget *
ep_translation_editor_new (EpDistrict *district,
                           EpSchool   *school,
                           EpPlan     *plan,
                           EpHistory  *history)
{
  EpTranslationEditor *self = g_object_new (EP_TYPE_TRANSLATION_EDITOR, NULL);

  g_set_object (&self->district, district);
  g_set_object (&self->school, school);
  g_set_object (&self->plan, plan);
  g_set_object (&self->history, history);
  if (district != NULL)
    self->changed_id = g_signal_connect_swapped (district, "changed", G_CALLBACK (model_changed_cb), self);
  fill (self);
  return GTK_WIDGET (self);
}

void
ep_translation_editor_set_language (EpTranslationEditor *self,
                                    const char          *code)
{
  g_return_if_fail (EP_IS_TRANSLATION_EDITOR (self));

  int i = ep_languages_find (code);

  if (i >= 0)
    gtk_drop_down_set_selected (self->language_dropdown, (guint) i);
}

guint
ep_translation_editor_get_n_rows (EpTranslationEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (EP_IS_TRANSLATION_EDITOR (self), 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The translation entry of row @index, for tests and keyboard focus. */
GtkEditable *
ep_translation_editor_get_entry (EpTranslationEditor *self,
                                 guint                index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (EP_IS_TRANSLATION_EDITOR (self), NULL);
  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  return row ? g_object_get_data (G_OBJECT (row), "entry") : NULL;
}
