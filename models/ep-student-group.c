/* ep-student-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ep-student-group"

#include "config.h"

#include "ep-student-group.h"
#include "ep-node-private.h"

struct _EpStudentGroup
{
  EP_NODE_HEADER;

  char *id;
  EpGroupCategory category;
  char *label;
};

G_DEFINE_FINAL_TYPE (EpStudentGroup, ep_student_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATEGORY,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EpField fields[] = {
  EP_F_ID (EpStudentGroup, id, "id"),
  EP_F_ENUM (EpStudentGroup, category, "category", ep_group_category_get_type, EP_GROUP_CATEGORY_OTHER),
  EP_F_TEXT_ALWAYS (EpStudentGroup, label, "label"),
};

EP_NODE_CLASS_BOILERPLATE (EpStudentGroup, ep_student_group)

static void
ep_student_group_class_init (EpStudentGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ep_student_group_finalize;
  ep_node_class_install_fields (object_class, fields, G_N_ELEMENTS (fields), properties);
}

EpStudentGroup *
ep_student_group_new (void)
{
  return g_object_new (EP_TYPE_STUDENT_GROUP, NULL);
}

EP_DEFINE_STRING_ACCESSORS (EpStudentGroup, ep_student_group, EP_IS_STUDENT_GROUP, id, PROP_ID)
EP_DEFINE_SCALAR_ACCESSORS (EpStudentGroup, ep_student_group, EP_IS_STUDENT_GROUP, EpGroupCategory, int, category, PROP_CATEGORY)
EP_DEFINE_STRING_ACCESSORS (EpStudentGroup, ep_student_group, EP_IS_STUDENT_GROUP, label, PROP_LABEL)
