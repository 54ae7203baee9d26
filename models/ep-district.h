/* ep-district.h — a district: its publication rules, student groups,
 * glossary and schools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-glossary-term.h"
#include "ep-school.h"
#include "ep-student-group.h"

G_BEGIN_DECLS

#define EP_TYPE_DISTRICT (ep_district_get_type ())

G_DECLARE_FINAL_TYPE (EpDistrict, ep_district, EP, DISTRICT, GObject)

EpDistrict     *ep_district_new                      (const char     *name);

const char     *ep_district_get_id                   (EpDistrict     *self);
void            ep_district_set_id                   (EpDistrict     *self,
                                                      const char     *id);
const char     *ep_district_get_name                 (EpDistrict     *self);
void            ep_district_set_name                 (EpDistrict     *self,
                                                      const char     *name);
const char     *ep_district_get_language             (EpDistrict     *self);
void            ep_district_set_language             (EpDistrict     *self,
                                                      const char     *language);

/* Publication rules: what may leave the team. */
guint           ep_district_get_min_n                (EpDistrict     *self);
void            ep_district_set_min_n                (EpDistrict     *self,
                                                      guint           min_n);
guint           ep_district_get_min_cell             (EpDistrict     *self);
void            ep_district_set_min_cell             (EpDistrict     *self,
                                                      guint           min_cell);
gboolean        ep_district_get_suppression          (EpDistrict     *self);
void            ep_district_set_suppression          (EpDistrict     *self,
                                                      gboolean        suppression);
gboolean        ep_district_get_complementary        (EpDistrict     *self);
void            ep_district_set_complementary        (EpDistrict     *self,
                                                      gboolean        complementary);
double          ep_district_get_top_code             (EpDistrict     *self);
void            ep_district_set_top_code             (EpDistrict     *self,
                                                      double          percent);
double          ep_district_get_bottom_code          (EpDistrict     *self);
void            ep_district_set_bottom_code          (EpDistrict     *self,
                                                      double          percent);
const char     *ep_district_get_marker               (EpDistrict     *self);
void            ep_district_set_marker               (EpDistrict     *self,
                                                      const char     *marker);
double          ep_district_get_risk_ratio_threshold (EpDistrict     *self);
void            ep_district_set_risk_ratio_threshold (EpDistrict     *self,
                                                      double          threshold);
guint           ep_district_get_risk_ratio_periods   (EpDistrict     *self);
void            ep_district_set_risk_ratio_periods   (EpDistrict     *self,
                                                      guint           periods);

GListModel     *ep_district_get_groups               (EpDistrict     *self);
EpStudentGroup *ep_district_find_group               (EpDistrict     *self,
                                                      const char     *id);
void            ep_district_add_group                (EpDistrict     *self,
                                                      EpStudentGroup *group);
gboolean        ep_district_remove_group             (EpDistrict     *self,
                                                      EpStudentGroup *group);

GListModel     *ep_district_get_glossary             (EpDistrict     *self);
EpGlossaryTerm *ep_district_find_term                (EpDistrict     *self,
                                                      const char     *id);
void            ep_district_add_term                 (EpDistrict     *self,
                                                      EpGlossaryTerm *term);
gboolean        ep_district_remove_term              (EpDistrict     *self,
                                                      EpGlossaryTerm *term);

GListModel     *ep_district_get_schools              (EpDistrict     *self);
EpSchool       *ep_district_find_school              (EpDistrict     *self,
                                                      const char     *id);
gboolean        ep_district_add_school               (EpDistrict     *self,
                                                      EpSchool       *school,
                                                      GError        **error);
gboolean        ep_district_insert_school            (EpDistrict     *self,
                                                      guint           position,
                                                      EpSchool       *school,
                                                      GError        **error);
gboolean        ep_district_remove_school            (EpDistrict     *self,
                                                      EpSchool       *school);

void            ep_district_add_standard_groups      (EpDistrict     *self);

G_END_DECLS
