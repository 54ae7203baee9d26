#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the wide mappings with many measures (NYC School Explorer, CRDC):
# run it from this folder after changing it, and commit its output.
from xml.sax.saxutils import escape, quoteattr

NS = "urn:equity-planner:mapping:1"


def head(name, description, numbers, markers, blank=None, columns=(), groups=(), standard=True):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<mapping xmlns="{NS}" version="1.0" layout="wide">',
           f'  <name>{escape(name)}</name>',
           f'  <description>{escape(description)}</description>',
           f'  <numbers {numbers}/>']
    out.append('  <suppression%s>' % (f' blank={quoteattr(blank)}' if blank else ''))
    out += [f'    <marker>{escape(m)}</marker>' for m in markers]
    out.append('  </suppression>')
    out.append('  <columns>')
    for kind, role, text in columns:
        out.append(f'    <{kind} role="{role}">{escape(text)}</{kind}>')
    out.append('  </columns>')
    out.append(f'  <groups standard-aliases="{"true" if standard else "false"}">')
    for gid, cat, label in groups:
        out.append(f'    <group id={quoteattr(gid)} category="{cat}" label={quoteattr(label)}/>')
    out.append('  </groups>')
    return out


def indicators(decls):
    out = ['  <indicators>']
    for iid, name, unit, kind, direction in decls:
        out.append(f'    <indicator id={quoteattr(iid)} name={quoteattr(name)} unit="{unit}" '
                   f'kind="{kind}" direction="{direction}"/>')
    out.append('  </indicators>')
    return out


def measures(items):
    out = ['  <measures>']
    for indicator, group, parts in items:
        out.append(f'    <measure indicator={quoteattr(indicator)} group={quoteattr(group)}>')
        for part, column, optional in parts:
            opt = ' optional="true"' if optional else ''
            out.append(f'      <{part}{opt}>{escape(column)}</{part}>')
        out.append('    </measure>')
    out.append('  </measures>')
    return out


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines + ['</mapping>']) + "\n")


# NYC School Explorer 2016 ------------------------------------------------
nyc_groups = [("AM", "American Indian or Alaska Native"), ("BL", "Black or African American"),
              ("HI", "Hispanic or Latino"), ("ASPI", "Asian or Pacific Islander"), ("WH", "White"),
              ("TR", "Multiracial"), ("EL", "Limited English Proficient"),
              ("ED", "Economically Disadvantaged")]
decls = [("enrollment-share", "Share of enrollment", "percent", "leading", "higher-is-better"),
         ("attendance", "Student attendance rate", "percent", "leading", "higher-is-better"),
         ("chronic-absence", "Chronically absent", "percent", "leading", "lower-is-better"),
         ("economic-need-index", "Economic Need Index (0–1)", "mean-score", "leading", "lower-is-better")]
items = [("enrollment-share", g, [("rate", c, False)]) for g, c in
         [("EL", "Percent ELL"), ("AS", "Percent Asian"), ("BL", "Percent Black"),
          ("HI", "Percent Hispanic"), ("WH", "Percent White")]]
items += [("attendance", "all", [("rate", "Student Attendance Rate", False)]),
          ("chronic-absence", "all", [("rate", "Percent of Students Chronically Absent", False)]),
          ("economic-need-index", "all", [("value", "Economic Need Index", False)])]
for grade in range(3, 9):
    for subject, sid in (("ELA", "ela"), ("Math", "math")):
        ind = f"{sid}-grade{grade}-level4"
        decls.append((ind, f"Grade {grade} {subject}: scoring level 4", "percent", "lagging", "higher-is-better"))
        decls.append((ind + "-students", f"Grade {grade} {subject}: students scoring level 4", "count",
                      "lagging", "higher-is-better"))
        items.append((ind, "all", [("numerator", f"Grade {grade} {subject} 4s - All Students", False),
                                   ("denominator", f"Grade {grade} {subject} - All Students Tested", False)]))
        for gid, label in nyc_groups:
            items.append((ind + "-students", gid, [("value", f"Grade {grade} {subject} 4s - {label}", False)]))
write("nyc-school-explorer-2016.xml",
      head("NYC School Explorer 2016 (PASSNYC)",
           "One row per NYC public school, id Location Code. Imported: the shares of "
           "enrollment by group (Percent ELL, Asian, Black, Hispanic, White), attendance, chronic "
           "absence and the Economic Need Index, and for grades 3 to 8 in ELA and math the share "
           "of all students tested who scored level 4 (a count of students over those tested) and "
           "the number of students of each group who scored level 4 (the file gives no number "
           "tested per group, so no rate per group). N/A is kept as suppressed at source. The "
           "period is the file's year as written, 2016.",
           'rate-scale="percent" decimal-mark="." negative-is-suppressed="false"',
           ["N/A", "*"],
           columns=[("column", "school-id", "Location Code"), ("column", "school-name", "School Name"),
                    ("fixed", "period", "2016")],
           groups=[("ASPI", "race-ethnicity", "Asian or Pacific Islander")])
      + indicators(decls) + measures(items))

# CRDC --------------------------------------------------------------------
RACES = [("HI", "HI"), ("AM", "AM"), ("AS", "AS"), ("HP", "PI"), ("BL", "BL"), ("WH", "WH"), ("TR", "TR")]


def crdc(path, name, description, period, school_name, x_optional, with_oos):
    decls = [("enrollment", "Students enrolled", "count", "leading", "higher-is-better"),
             ("iss-wodis", "In-school suspension, students without disabilities (IDEA)", "percent",
              "lagging", "lower-is-better"),
             ("iss", "In-school suspension", "percent", "lagging", "lower-is-better")]
    if with_oos:
        decls.append(("oos", "Out-of-school suspension (one or more)", "percent", "lagging", "lower-is-better"))
    items = []

    def enr(prefix):
        return [(prefix + s, s == "_X" and x_optional) for s in ("_M", "_F", "_X")]

    groups = [(f"SCH_ENR_{c}", f"SCH_DISCWODIS_ISS_{c}", f"SCH_DISCWDIS_ISS_IDEA_{c}",
               [f"SCH_DISCWODIS_SINGOOS_{c}", f"SCH_DISCWODIS_MULTOOS_{c}",
                f"SCH_DISCWDIS_SINGOOS_IDEA_{c}", f"SCH_DISCWDIS_MULTOOS_IDEA_{c}"], g)
              for c, g in RACES]
    groups.insert(0, ("TOT_ENR", "TOT_DISCWODIS_ISS", "TOT_DISCWDIS_ISS_IDEA",
                      ["TOT_DISCWODIS_SINGOOS", "TOT_DISCWODIS_MULTOOS",
                       "TOT_DISCWDIS_SINGOOS_IDEA", "TOT_DISCWDIS_MULTOOS_IDEA"], "all"))
    for enr_p, wodis, idea, oos, g in groups:
        items.append(("enrollment", g, [("value", c, o) for c, o in enr(enr_p)]))
        items.append(("iss-wodis", g, [("numerator", wodis + s, False) for s in ("_M", "_F")]
                      + [("denominator", c, o) for c, o in enr(enr_p)]))
        items.append(("iss", g, [("numerator", p + s, False) for p in (wodis, idea) for s in ("_M", "_F")]
                      + [("denominator", c, o) for c, o in enr(enr_p)]))
        if with_oos:
            items.append(("oos", g, [("numerator", p + s, False) for p in oos for s in ("_M", "_F")]
                          + [("denominator", c, o) for c, o in enr(enr_p)]))
    # English learners and students with disabilities (IDEA)
    items.append(("enrollment", "EL", [("value", c, o) for c, o in enr("SCH_ENR_EL")]))
    items.append(("iss", "EL", [("numerator", p + s, False) for p in ("SCH_DISCWODIS_ISS_EL", "SCH_DISCWDIS_ISS_EL")
                                for s in ("_M", "_F")] + [("denominator", c, o) for c, o in enr("SCH_ENR_EL")]))
    items.append(("enrollment", "SWD", [("value", c, o) for c, o in enr("SCH_ENR_IDEA")]))
    items.append(("iss", "SWD", [("numerator", "TOT_DISCWDIS_ISS_IDEA" + s, False) for s in ("_M", "_F")]
                  + [("denominator", c, o) for c, o in enr("SCH_ENR_IDEA")]))
    write(path, head(name, description,
                     'rate-scale="percent" decimal-mark="." negative-is-suppressed="true"',
                     ["*", "N/A"],
                     columns=[("column", "school-id", "COMBOKEY"), ("column", "school-name", school_name),
                              ("fixed", "period", period)])
          + indicators(decls) + measures(items))


crdc("crdc-va-2021-22.xml", "CRDC 2021-22, Virginia schools: enrollment and in-school suspension by race",
     "The Civil Rights Data Collection school file for Virginia as joined by the School Discipline "
     "Risk Explorer project (va_cleaned_data.csv): one row per school, id COMBOKEY. Groups are "
     "split by sex and summed: enrollment M + F + X; suspensions M + F (the CRDC gives no X "
     "counts for them). iss-wodis counts students without disabilities (the SCH_DISCWODIS "
     "columns, what the project's susp_rate uses); iss adds students with disabilities served "
     "under IDEA. Both are over all students enrolled in the group. Negative numbers are CRDC "
     "reserve codes, kept as suppressed at source. CRDC 2021-22 perturbs small counts without "
     "marking them.",
     "2021-22", "SCH_NAME", False, True)
crdc("crdc-school.xml", "CRDC school file: enrollment, in-school and out-of-school suspension by race",
     "A Civil Rights Data Collection school-level file with the enrollment (SCH_ENR_*) and "
     "discipline (SCH_DISCWODIS_*, SCH_DISCWDIS_*_IDEA_*) columns in one file, such as the "
     "single-file releases or the topic files joined on COMBOKEY. Groups split by sex are "
     "summed (M + F, and X where the file has it). Negative numbers are reserve codes (−3, −5, "
     "−6, −8, −9, −11: not applicable, suppressed, missing) kept as suppressed at source. "
     "Change the fixed period to the collection's school year before importing.",
     "2021-22", "SCH_NAME", True, True)
