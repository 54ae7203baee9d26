/* ep-mapping.h — how the columns of a CSV file become measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ep-district.h"

G_BEGIN_DECLS

#define EP_MAPPING_NAMESPACE "urn:equity-planner:mapping:1"

#define EP_MAPPING_ERROR (ep_mapping_error_quark ())

/**
 * EpMappingError:
 * @EP_MAPPING_ERROR_INVALID: the mapping file breaks the format's rules
 * @EP_MAPPING_ERROR_COLUMNS: the data file lacks columns the mapping names
 *
 * Reading errors that are not about the content (not XML, DOCTYPE,
 * entities) are in EP_XML_ERROR. Messages start with "FILE:LINE:COLUMN: ".
 */
typedef enum {
  EP_MAPPING_ERROR_INVALID,
  EP_MAPPING_ERROR_COLUMNS,
} EpMappingError;

/**
 * EpMappingLayout:
 * @EP_MAPPING_LAYOUT_LONG: one row per school × group × indicator × period
 * @EP_MAPPING_LAYOUT_WIDE: one row per school, a column per group and measure
 */
typedef enum {
  EP_MAPPING_LAYOUT_LONG,
  EP_MAPPING_LAYOUT_WIDE,
} EpMappingLayout;

/**
 * EpMappingRole:
 *
 * What a column holds. In a wide file the measure roles (numerator to n)
 * are given per measure instead.
 */
typedef enum {
  EP_MAPPING_ROLE_SCHOOL_ID,
  EP_MAPPING_ROLE_SCHOOL_NAME,
  EP_MAPPING_ROLE_GROUP,
  EP_MAPPING_ROLE_INDICATOR,
  EP_MAPPING_ROLE_PERIOD,
  EP_MAPPING_ROLE_NUMERATOR,
  EP_MAPPING_ROLE_DENOMINATOR,
  EP_MAPPING_ROLE_RATE,
  EP_MAPPING_ROLE_VALUE,
  EP_MAPPING_ROLE_N,
  EP_MAPPING_N_ROLES
} EpMappingRole;

/**
 * EpRateScale:
 * @EP_RATE_SCALE_PERCENT: rates are written 0–100 ("7.9", "7.9%")
 * @EP_RATE_SCALE_FRACTION: rates are written 0–1 ("0.079"); a value with a
 *   trailing "%" is a percentage whatever the scale
 *
 * Rates are stored as percentages (0–100), like baselines and targets.
 */
typedef enum {
  EP_RATE_SCALE_PERCENT,
  EP_RATE_SCALE_FRACTION,
} EpRateScale;

#define EP_TYPE_MAPPING (ep_mapping_get_type ())

G_DECLARE_FINAL_TYPE (EpMapping, ep_mapping, EP, MAPPING, GObject)

GQuark          ep_mapping_error_quark       (void);
const char     *ep_mapping_role_to_string    (EpMappingRole    role);
gboolean        ep_mapping_role_from_string  (const char      *text,
                                              EpMappingRole   *role);

EpMapping      *ep_mapping_new               (void);
EpMapping      *ep_mapping_read_bytes        (GBytes          *bytes,
                                              const char      *display_name,
                                              GError         **error);
EpMapping      *ep_mapping_read_file         (GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);
GBytes         *ep_mapping_write_bytes       (EpMapping       *self);
gboolean        ep_mapping_save              (EpMapping       *self,
                                              GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);

const char     *ep_mapping_get_name          (EpMapping       *self);
void            ep_mapping_set_name          (EpMapping       *self,
                                              const char      *name);
const char     *ep_mapping_get_description   (EpMapping       *self);
void            ep_mapping_set_description   (EpMapping       *self,
                                              const char      *description);
EpMappingLayout ep_mapping_get_layout        (EpMapping       *self);
void            ep_mapping_set_layout        (EpMapping       *self,
                                              EpMappingLayout  layout);

/* The column holding a role, by its header text; or a fixed value used
 * for every row (the period of a file that has none). */
const char     *ep_mapping_get_column        (EpMapping       *self,
                                              EpMappingRole    role);
void            ep_mapping_set_column        (EpMapping       *self,
                                              EpMappingRole    role,
                                              const char      *column);
const char     *ep_mapping_get_fixed         (EpMapping       *self,
                                              EpMappingRole    role);
void            ep_mapping_set_fixed         (EpMapping       *self,
                                              EpMappingRole    role,
                                              const char      *value);

/* Number formats and suppression. */
EpRateScale     ep_mapping_get_rate_scale    (EpMapping       *self);
void            ep_mapping_set_rate_scale    (EpMapping       *self,
                                              EpRateScale      scale);
char            ep_mapping_get_decimal_mark  (EpMapping       *self);
void            ep_mapping_set_decimal_mark  (EpMapping       *self,
                                              char             mark);
gboolean        ep_mapping_get_negative_is_suppressed (EpMapping *self);
void            ep_mapping_set_negative_is_suppressed (EpMapping *self,
                                              gboolean         negative);
const char     *ep_mapping_get_blank_marker  (EpMapping       *self);
void            ep_mapping_set_blank_marker  (EpMapping       *self,
                                              const char      *marker);
void            ep_mapping_add_marker        (EpMapping       *self,
                                              const char      *marker);
void            ep_mapping_add_standard_markers (EpMapping    *self);
GStrv           ep_mapping_dup_markers       (EpMapping       *self);
gboolean        ep_mapping_is_marker         (EpMapping       *self,
                                              const char      *text);

/* Labels in the file → ids (groups, indicators, periods). Lookups ignore
 * case and surrounding spaces. */
void            ep_mapping_add_alias         (EpMapping       *self,
                                              EpMappingRole    role,
                                              const char      *label,
                                              const char      *id);
const char     *ep_mapping_lookup_alias      (EpMapping       *self,
                                              EpMappingRole    role,
                                              const char      *label);
void            ep_mapping_add_standard_group_aliases (EpMapping *self);

/* Groups and indicators the import creates in the district when missing. */
void            ep_mapping_add_group         (EpMapping       *self,
                                              const char      *id,
                                              EpGroupCategory  category,
                                              const char      *label);
guint           ep_mapping_get_n_groups      (EpMapping       *self);
const char     *ep_mapping_get_group         (EpMapping       *self,
                                              guint            i,
                                              EpGroupCategory *category,
                                              const char     **label);
void            ep_mapping_add_indicator     (EpMapping       *self,
                                              const char      *id,
                                              const char      *name,
                                              EpUnit           unit,
                                              EpIndicatorKind  kind,
                                              EpDirection      direction);
guint           ep_mapping_get_n_indicators  (EpMapping       *self);
const char     *ep_mapping_get_indicator     (EpMapping       *self,
                                              guint            i,
                                              const char     **name,
                                              EpUnit          *unit,
                                              EpIndicatorKind *kind,
                                              EpDirection     *direction);

/* Wide layout: a measure is one indicator for one group; each part
 * (numerator, denominator, rate, value, n) is the sum of its columns, e.g.
 * SCH_ENR_HI_M + SCH_ENR_HI_F + SCH_ENR_HI_X. Optional columns may be
 * absent from the file. */
guint           ep_mapping_add_measure       (EpMapping       *self,
                                              const char      *indicator,
                                              const char      *group);
void            ep_mapping_add_measure_column (EpMapping      *self,
                                              guint            measure,
                                              EpMappingRole    part,
                                              const char      *column,
                                              gboolean         optional);
guint           ep_mapping_get_n_measures    (EpMapping       *self);
void            ep_mapping_get_measure       (EpMapping       *self,
                                              guint            measure,
                                              const char     **indicator,
                                              const char     **group);
guint           ep_mapping_get_measure_n_columns (EpMapping   *self,
                                              guint            measure,
                                              EpMappingRole    part);
const char     *ep_mapping_get_measure_column (EpMapping      *self,
                                              guint            measure,
                                              EpMappingRole    part,
                                              guint            i,
                                              gboolean        *optional);

gboolean        ep_mapping_validate          (EpMapping       *self,
                                              GError         **error);

EpMapping      *ep_mapping_guess             (const char * const *header,
                                              guint            n_columns);

G_END_DECLS
