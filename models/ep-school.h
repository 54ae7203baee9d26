/* ep-school.h — a school: its indicators and its plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-indicator.h"
#include "ep-plan.h"

G_BEGIN_DECLS

#define EP_TYPE_SCHOOL (ep_school_get_type ())

G_DECLARE_FINAL_TYPE (EpSchool, ep_school, EP, SCHOOL, GObject)

EpSchool    *ep_school_new               (const char  *id,
                                          const char  *name);
const char  *ep_school_get_id            (EpSchool    *self);
void         ep_school_set_id            (EpSchool    *self,
                                          const char  *id);
const char  *ep_school_get_name          (EpSchool    *self);
void         ep_school_set_name          (EpSchool    *self,
                                          const char  *name);

GListModel  *ep_school_get_indicators    (EpSchool    *self);
EpIndicator *ep_school_find_indicator    (EpSchool    *self,
                                          const char  *id);
void         ep_school_add_indicator     (EpSchool    *self,
                                          EpIndicator *indicator);
void         ep_school_insert_indicator  (EpSchool    *self,
                                          guint        position,
                                          EpIndicator *indicator);
gboolean     ep_school_remove_indicator  (EpSchool    *self,
                                          EpIndicator *indicator);

GListModel  *ep_school_get_plans         (EpSchool    *self);
EpPlan      *ep_school_find_plan         (EpSchool    *self,
                                          const char  *cycle);
EpPlan      *ep_school_get_current_plan  (EpSchool    *self);
void         ep_school_add_plan          (EpSchool    *self,
                                          EpPlan      *plan);
gboolean     ep_school_remove_plan       (EpSchool    *self,
                                          EpPlan      *plan);

G_END_DECLS
