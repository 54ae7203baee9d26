/* ep-models.h — the whole model layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ep-analysis.h"
#include "ep-champion.h"
#include "ep-csv.h"
#include "ep-district.h"
#include "ep-folder.h"
#include "ep-enum-types.h"
#include "ep-glossary-term.h"
#include "ep-health.h"
#include "ep-history.h"
#include "ep-idea.h"
#include "ep-import.h"
#include "ep-indicator.h"
#include "ep-languages.h"
#include "ep-intervention.h"
#include "ep-listening-session.h"
#include "ep-log-entry.h"
#include "ep-mapping.h"
#include "ep-model-types.h"
#include "ep-node.h"
#include "ep-plan.h"
#include "ep-rollup.h"
#include "ep-school.h"
#include "ep-spreadsheet.h"
#include "ep-student-group.h"
#include "ep-suppress.h"
#include "ep-synth.h"
#include "ep-translations.h"
#include "ep-xml.h"
