/* ep-history.h — undo and redo: a stack of commands over the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit the app makes goes through an EpHistory, never straight to
 * the model: the history applies the change and remembers how to revert
 * it. Widgets never keep their own undo. Consecutive edits of one text
 * field coalesce into one step, as typing does in a text editor; several
 * changes can be grouped into one step (an import, "start next cycle").
 */
#pragma once

#include "ep-district.h"
#include "ep-indicator.h"
#include "ep-plan.h"
#include "ep-school.h"

G_BEGIN_DECLS

#define EP_TYPE_HISTORY (ep_history_get_type ())
G_DECLARE_FINAL_TYPE (EpHistory, ep_history, EP, HISTORY, GObject)

/* A command of one's own: @apply does it (again), @revert undoes it. */
typedef void (*EpCommandFunc) (gpointer data);

EpHistory  *ep_history_new              (void);

gboolean    ep_history_get_can_undo     (EpHistory      *self);
gboolean    ep_history_get_can_redo     (EpHistory      *self);
const char *ep_history_get_undo_label   (EpHistory      *self);
const char *ep_history_get_redo_label   (EpHistory      *self);
gboolean    ep_history_get_modified     (EpHistory      *self);
gboolean    ep_history_get_busy         (EpHistory      *self);
void        ep_history_mark_saved       (EpHistory      *self);
void        ep_history_clear            (EpHistory      *self);

gboolean    ep_history_undo             (EpHistory      *self);
gboolean    ep_history_redo             (EpHistory      *self);

void        ep_history_begin            (EpHistory      *self,
                                         const char     *label);
void        ep_history_end              (EpHistory      *self);

void        ep_history_set_value        (EpHistory      *self,
                                         gpointer        object,
                                         const char     *property,
                                         const GValue   *value);
void        ep_history_set              (EpHistory      *self,
                                         gpointer        object,
                                         const char     *first_property,
                                         ...) G_GNUC_NULL_TERMINATED;
void        ep_history_set_translation  (EpHistory      *self,
                                         gpointer        node,
                                         const char     *field,
                                         const char     *language,
                                         const char     *text);

void        ep_history_plan_insert      (EpHistory      *self,
                                         EpPlan         *plan,
                                         guint           position,
                                         gpointer        item);
void        ep_history_plan_remove      (EpHistory      *self,
                                         EpPlan         *plan,
                                         gpointer        item);
void        ep_history_school_add_plan  (EpHistory      *self,
                                         EpSchool       *school,
                                         EpPlan         *plan);
void        ep_history_district_add_term    (EpHistory      *self,
                                             EpDistrict     *district,
                                             EpGlossaryTerm *term);
void        ep_history_district_remove_term (EpHistory      *self,
                                             EpDistrict     *district,
                                             EpGlossaryTerm *term);
void        ep_history_district_add_group   (EpHistory      *self,
                                             EpDistrict     *district,
                                             EpStudentGroup *group);
void        ep_history_district_remove_group (EpHistory     *self,
                                             EpDistrict     *district,
                                             EpStudentGroup *group);
gboolean    ep_history_district_add_school    (EpHistory    *self,
                                               EpDistrict   *district,
                                               EpSchool     *school,
                                               GError      **error);
void        ep_history_district_remove_school (EpHistory    *self,
                                               EpDistrict   *district,
                                               EpSchool     *school);
void        ep_history_school_add_indicator   (EpHistory    *self,
                                               EpSchool     *school,
                                               EpIndicator  *indicator);
void        ep_history_school_remove_indicator (EpHistory   *self,
                                                EpSchool    *school,
                                                EpIndicator *indicator);
gboolean    ep_history_set_measurement  (EpHistory           *self,
                                         EpIndicator         *indicator,
                                         const EpMeasurement *measurement,
                                         GError             **error);
void        ep_history_remove_measurement (EpHistory     *self,
                                           EpIndicator   *indicator,
                                           const char    *group,
                                           const char    *period);

void        ep_history_push             (EpHistory      *self,
                                         const char     *label,
                                         EpCommandFunc   apply,
                                         EpCommandFunc   revert,
                                         gpointer        data,
                                         GDestroyNotify  destroy);

G_END_DECLS
