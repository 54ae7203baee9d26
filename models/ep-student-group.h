/* ep-student-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ep-enum-types.h"
#include "ep-model-types.h"

G_BEGIN_DECLS

#define EP_TYPE_STUDENT_GROUP (ep_student_group_get_type ())

/**
 * EpStudentGroup:
 *
 * A student group a district reports on: a stable id, a category, and a label people read.
 */
G_DECLARE_FINAL_TYPE (EpStudentGroup, ep_student_group, EP, STUDENT_GROUP, GObject)

EpStudentGroup *ep_student_group_new (void);

const char *ep_student_group_get_id (EpStudentGroup *self);
void ep_student_group_set_id (EpStudentGroup *self, const char *id);
EpGroupCategory ep_student_group_get_category (EpStudentGroup *self);
void ep_student_group_set_category (EpStudentGroup *self, EpGroupCategory category);
const char *ep_student_group_get_label (EpStudentGroup *self);
void ep_student_group_set_label (EpStudentGroup *self, const char *label);

G_END_DECLS
