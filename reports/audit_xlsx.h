/* audit_xlsx.h - private to the audit workbook writer: its state, labels, the recalculation layout and the sheets. */
#ifndef GHG_AUDIT_XLSX_H
#define GHG_AUDIT_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "audit_report.h"
#include "rpt_xl.h"

/* Up to this many enterprises get a recalculation sheet each and every
 * data item in Results. A larger batch (the bureau's screening of a city's
 * reports, not one verification) stacks the blocks in "Recalculation"
 * sheets (AWL_SHEET_STACKED), for the reports with findings at warning level or above only, and
 * lists in Results only the items that are not consistent or that a finding
 * concerns: a workbook of thousands of tabs is not usable (LibreOffice opens
 * at most 10,000), and 10,000 reports in full are ten million cells. The
 * CSV and JSON hold every finding whatever the size. */
#define AW_MAX_SHEETS 100

/* Rows of one stacked sheet before the next begins (Excel's limit is 1,048,576). */
#define AW_STACK_ROWS 1000000u

/* Where the Rules sheet keeps the recomputation tolerance that the
 * consistency and deviation formulas compare with (row, column). */
#define AW_TOL_ROW 2
#define AW_TOL_COL 1

/* Bytes of a sheet name: Excel's 31 UTF-16 units take at most 3 bytes
 * each in UTF-8 (a Chinese character: 1 unit, 3 bytes; one beyond U+FFFF:
 * 2 units, 4 bytes). */
#define AW_SHEET_NAME_MAX (3 * LXW_SHEETNAME_MAX + 1)

#define AW_HEADER_HEIGHT 45 /* points: a header row of three wrapped lines */

/* Columns of a recalculation block. The three tables (fuels, process
 * sources, purchased and exported energy) keep Emission, the meter
 * adjustment and the verified figure in the same columns. */
enum {
    RC_SUBJECT,
    RC_MONTH, /* the month (fuels), the IPCC category (process), the grid (energy) */
    RC_INPUT, /* file:line:col of the record */
    RC_AMOUNT,
    RC_UNIT,
    /* fuels */
    RC_UNIT_FACTOR = RC_UNIT + 1,
    RC_NCV,
    RC_NCV_UNIT,
    RC_ENERGY, /* = amount x unit factor x NCV, TJ */
    RC_CARBON, /* the month's carbon content B, when measured */
    RC_CARBON_UNIT,
    RC_EF, /* carbon per unit heat D: = B / C when B is measured */
    RC_EF_UNIT,
    RC_EF_FACTOR,
    RC_OXIDATION,
    RC_EMISSION, /* = energy x EF x EF factor x oxidation */
    RC_ADJUST,   /* the meter's conservative adjustment (1: none) */
    RC_VERIFIED, /* = emission x adjustment */
    RC_NCV_SRC,
    RC_EF_SRC,
    RC_OX_SRC,
    RC_NCOLS
};

/* Process rows: after the unit, a value and a name column per product term,
 * then EF, EF unit, conversion and its note, then emission, adjustment and
 * verified (from RC_EMISSION, moved right when a row has more than two
 * terms: aw->proc_emission), then the sources. */
#define RC_TERM0 (RC_UNIT + 1)

/* Energy rows: factor, its unit, its year, conversion and sign before RC_EMISSION. */
enum { RE_FACTOR = RC_UNIT + 1, RE_FACTOR_UNIT, RE_YEAR, RE_CONVERSION, RE_SIGN };

/* Where one enterprise's recalculation block is: its sheet and the rows of
 * its totals, which the Summary refers to. */
typedef struct {
    char sheet[AW_SHEET_NAME_MAX]; /* "" when the enterprise has no block (a clean report of a large batch) */
    lxw_row_t row0;      /* the block's title row */
    lxw_row_t total_row; /* the enterprise total (RC_EMISSION: recomputed; RC_VERIFIED: verified) */
    lxw_row_t end;       /* the first row after the block */
    bool has_total;      /* recomputed: the total row holds formulas */
} aw_place;

/* The workbook's own labels, numbered after the generic RPT_L_* ones. */
enum {
    AWL_DOC_TITLE = RPT_L_COUNT,
    AWL_ABOUT_TITLE,
    AWL_SEV0,                               /* the severities, in aud_severity order */
    AWL_STATUS0 = AWL_SEV0 + AUD_NSEVERITY, /* the statuses, in aud_status order */
    AWL_YES = AWL_STATUS0 + AUD_NSTATUS,
    AWL_NO,
    AWL_NA,
    AWL_ALL_REPORTS,
    AWL_SUMMARY_NOTE,
    AWL_RULES_TITLE,
    AWL_RULES_FILE,
    AWL_TOLERANCE,
    AWL_TOLERANCE_FROM_CLI,
    AWL_TOLERANCE_FROM_FILE,
    AWL_FAIL_ON,
    AWL_BUILTIN,
    AWL_BUILTIN_SOURCE,
    AWL_UNREADABLE_MSG,
    AWL_NOT_RECOMPUTABLE_MSG,
    AWL_DISABLED,
    AWL_RECALC_TITLE,
    AWL_RECALC_NOTE,
    AWL_RECALC_NONE,
    AWL_RECALC_UNREADABLE,
    AWL_FUELS,
    AWL_PROCESS,
    AWL_ENERGY,
    AWL_YEAR_SUM,
    AWL_COMBUSTION_TOTAL,
    AWL_PROCESS_TOTAL,
    AWL_INDIRECT_TOTAL,
    AWL_INDIRECT_COUNTED,
    AWL_INDIRECT_NOT_COUNTED,
    AWL_ENTERPRISE_TOTAL,
    AWL_RECORD,
    AWL_EXPORTED,
    AWL_PURCHASED,
    AWL_REPORTS,
    AWL_RISK_ORDER,
    AWL_RISK_ORDER_TEXT,
    AWL_LAYOUT,
    AWL_LAYOUT_SHEETS,
    AWL_LAYOUT_STACKED,
    AWL_NOTES_TEXT,
    AWL_TERM,
    AWL_TERM_NAME,
    /* the sheet names (formulas, links and notes refer to them; aw_sheet) */
    AWL_SHEET_SUMMARY,
    AWL_SHEET_FINDINGS,
    AWL_SHEET_RESULTS,
    AWL_SHEET_RULES,
    AWL_SHEET_STACKED, /* a large batch: the enterprises' blocks one below the other */
    AWL_SHEET_ENTERPRISE, /* before an enterprise's own sheet's "rank id" ("" in English) */
    AWL_CAT0, /* the non-conformity categories, in aw_categories order */
    AWL_END = AWL_CAT0 + 8
};

/* The writer's state. */
typedef struct {
    rpt_xl xl;
    const aud_batch *b;
    const rpt_meta *m;
    bool zh;
    bool stacked;            /* more than AW_MAX_SHEETS enterprises */
    aw_place *place;         /* per enterprise, by input index */
    unsigned nterms;         /* most product terms of any process row (at least 2) */
    lxw_col_t proc_ef;       /* process rows: the EF column (after the term pairs) */
    lxw_col_t proc_emission; /* process rows: the emission column (RC_EMISSION unless the terms push it right) */
    units_t tc_gj;           /* "tC/GJ", the unit of D */
} aw;

/* ---- shared helpers (audit_xlsx.c) ---- */

/* The text of label `id` (generic or AWL_*) in the workbook's language. */
const char *aw_label(const aw *w, rpt_label_id id);

/* The name of sheet `id` (AWL_SHEET_*) in the workbook's language, as
 * formulas and links refer to it. */
const char *aw_sheet(const aw *w, rpt_label_id id);

/* The label of severity `s`, status `s`, and of non-conformity category `cat` (as written in the rules file). */
const char *aw_severity(const aw *w, aud_severity s);
const char *aw_status(const aw *w, aud_status s);
const char *aw_category(const aw *w, const char *cat);

/* A data item's name or an annex table in the workbook's language (the
 * English text when there is no translation). */
const char *aw_item_text(const aw *w, const char *en);

/* "path:line:col" (or "path:line", "path") of `at` into buf. */
void aw_where(const src_loc *at, char *buf, size_t len);

/* Adds sheet `name` with column widths, a header row on `row` and the
 * panes frozen below it; NULL after an error. */
lxw_worksheet *aw_table_sheet(aw *w, const char *name, const rpt_text *cols, const double *widths, size_t n,
                              lxw_row_t row);

/* The number format for figures of size `magnitude` (the largest of a
 * row's declared and verified values): two decimals from 100 on, four from
 * 0.1, else General (carbon per unit heat, 0.02618 tC/GJ). */
rpt_fmt_id aw_num_fmt(double magnitude);

/* Sets the height of `row` for text of `chars` characters wrapped in a
 * column `width` characters wide (one line: the default height). */
void aw_wrap_height(aw *w, lxw_worksheet *ws, lxw_row_t row, size_t chars, double width);

/* The characters of UTF-8 text `s` as they take room: a CJK character counts twice. */
size_t aw_text_width(const char *s);

/* Prints the sheet landscape on A4, one page wide. */
void aw_print_setup(aw *w, lxw_worksheet *ws);

/* The absolute reference of the tolerance cell on Rules. */
rpt_ref aw_tolerance_ref(const aw *w);

/* The format of a status or severity cell: red, amber, green. */
rpt_fmt_id aw_severity_fmt(aud_severity s);

/* ---- the sheets, in workbook order ---- */

/* Summary: one row per enterprise in risk order (audit_xlsx_summary.c). */
void aw_summary(aw *w);

/* Findings: the non-conformity list (audit_xlsx_summary.c). */
void aw_findings(aw *w);

/* Results: the verifier's results table, annex 1 (audit_xlsx_results.c). */
void aw_results(aw *w);

/* Rules: the tolerance, each rule with its table, threshold and source (audit_xlsx_results.c). */
void aw_rules(aw *w);

/* Plans the recalculation blocks (w->place, w->nterms); false when out of memory (audit_xlsx_recalc.c). */
bool aw_recalc_plan(aw *w);

/* The recalculation sheets: a block per enterprise (audit_xlsx_recalc.c). */
void aw_recalc(aw *w);

#endif
