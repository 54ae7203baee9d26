/* ep-page-util.h — what the plan pages share: labels of the model's
 * enumerations, numbers and dates in the user's locale, and EpBinder, which
 * ties widgets to a model object's properties through EpHistory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ep-models.h"

G_BEGIN_DECLS

/* Translated label of one value of a model enumeration (EP_TYPE_PHASE, …). */
const char    *ep_enum_label            (GType        enum_type,
                                         int          value);
/* The labels of all values, in order: for a GtkDropDown whose selected
 * position is the value. */
GtkStringList *ep_enum_string_list      (GType        enum_type);

/* Numbers and dates as the user reads and types them (never the file's
 * syntax). */
char          *ep_format_locale_number  (double       value,
                                         int          max_decimals);
gboolean       ep_parse_locale_number   (const char  *text,
                                         double      *value);
char          *ep_format_indicator_value (EpIndicator *indicator,
                                          double       value);
char          *ep_format_figure         (EpIndicator    *indicator,
                                         const EpFigure *figure,
                                         gboolean        is_gap);
char          *ep_locale_date_format    (void);
char          *ep_format_locale_date    (const GDate *date);
gboolean       ep_parse_locale_date     (const char  *text,
                                         GDate       *date);
char          *ep_describe_problem      (EpDistrict  *district,
                                         EpSchool    *school,
                                         EpPlan      *plan);
char          *ep_next_cycle_name       (const char  *cycle);

void           ep_label_no_hyphens      (GtkLabel    *label);
void           ep_labels_no_hyphens     (GtkWidget   *widget);
/* A label + control pair for a grid or box: the label gets the mnemonic. */
GtkWidget     *ep_mnemonic_label        (const char  *text,
                                         GtkWidget   *mnemonic_widget);
void           ep_set_accessible_label  (GtkWidget   *widget,
                                         const char  *label);
GtkWidget     *ep_text_view_new         (void);
GtkWidget     *ep_framed                (GtkWidget   *child);

/**
 * EpBinder:
 *
 * Shows properties of one model object in widgets, and sends every edit of
 * those widgets to EpHistory. Widgets follow the object's notify signals,
 * so they update on undo and redo too. The object can be replaced (the
 * plan view showing another plan).
 */
typedef struct _EpBinder EpBinder;

EpBinder      *ep_binder_new            (EpHistory   *history);
void           ep_binder_free           (EpBinder    *binder);
void           ep_binder_set_history    (EpBinder    *binder,
                                         EpHistory   *history);
void           ep_binder_set_object     (EpBinder    *binder,
                                         gpointer     object);
gpointer       ep_binder_get_object     (EpBinder    *binder);
/* GtkEditable, GtkTextView, GtkSpinButton, GtkCheckButton, GtkSwitch,
 * GtkDropDown (enum property), EpDateEntry. */
void           ep_binder_bind           (EpBinder    *binder,
                                         GtkWidget   *widget,
                                         const char  *property);
/* Ties the binder's life to @widget's. */
void           ep_binder_attach         (EpBinder    *binder,
                                         GtkWidget   *widget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EpBinder, ep_binder_free)

G_END_DECLS

G_BEGIN_DECLS
const char    *ep_track_css_class       (EpTrackState state);
const char    *ep_track_label           (EpTrackState state);
GtkWidget     *ep_remove_button_new     (const char  *accessible_label);
GtkWidget     *ep_section_row_new       (void);
/* For list rows: focus the first focusable widget in @widget. */
gboolean       ep_focus_first           (GtkWidget   *widget);
G_END_DECLS

G_BEGIN_DECLS
/* A row of text cells for a GtkColumnView of figures. */
#define EP_TYPE_CELLS (ep_cells_get_type ())
G_DECLARE_FINAL_TYPE (EpCells, ep_cells, EP, CELLS, GObject)

EpCells             *ep_cells_new         (guint       n_cells);
void                 ep_cells_take        (EpCells    *self,
                                           guint       index,
                                           char       *text);
const char          *ep_cells_get         (EpCells    *self,
                                           guint       index);
void                 ep_cells_set_highlight (EpCells  *self,
                                             gboolean  highlight);
gboolean             ep_cells_get_highlight (EpCells  *self);
GtkColumnViewColumn *ep_cells_column_new  (const char *title,
                                           guint       index,
                                           gboolean    numeric);
char                *ep_flags_describe    (guint       flags);
G_END_DECLS

G_BEGIN_DECLS
gpointer       ep_copy_node             (gpointer     node);
EpIntervention *ep_action_new_for_plan  (EpPlan      *plan,
                                         const GDate *today);
EpPlan        *ep_plan_new_next_cycle   (EpDistrict  *district,
                                         EpSchool    *school,
                                         EpPlan      *plan,
                                         const GDate *today);
G_END_DECLS
