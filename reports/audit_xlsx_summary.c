/* audit_xlsx_summary.c - the audit workbook's Summary (one row per enterprise) and Findings (the non-conformity list).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_xlsx.h"

/* Columns of the Summary. */
enum {
    SM_RANK,
    SM_ID,
    SM_NAME,
    SM_INDUSTRY,
    SM_YEAR,
    SM_DECLARED,
    SM_RECOMPUTED,
    SM_VERIFIED,
    SM_DEV_T,
    SM_DEV_PCT,
    SM_ERRORS,
    SM_WARNINGS,
    SM_INFO,
    SM_STATUS,
    SM_FILE,
    SM_NCOLS
};

static const rpt_text aw_summary_cols[SM_NCOLS] = {
    [SM_RANK] = {"Risk rank", "风险排序"},
    [SM_ID] = {"Report (link: recalculation)", "报告（链接：重算）"},
    [SM_NAME] = {"Enterprise", "企业名称"},
    [SM_INDUSTRY] = {"Industry", "行业"},
    [SM_YEAR] = {"Year", "年份"},
    [SM_DECLARED] = {"Declared (t CO2)", "申报排放量 (t CO2)"},
    [SM_RECOMPUTED] = {"Recomputed (t CO2)", "重算排放量 (t CO2)"},
    [SM_VERIFIED] = {"Verified (t CO2)", "核查排放量 (t CO2)"},
    [SM_DEV_T] = {"Declared - verified (t CO2)", "申报 - 核查 (t CO2)"},
    [SM_DEV_PCT] = {"(Declared - verified) / verified", "(申报 - 核查) / 核查"},
    [SM_ERRORS] = {"Errors", "错误"},
    [SM_WARNINGS] = {"Warnings", "警告"},
    [SM_INFO] = {"Info", "提示"},
    [SM_STATUS] = {"Status", "状态"},
    [SM_FILE] = {"Report file", "报告文件"},
};

/* Writes the identity cells of Summary row `row`: rank, the id linked to
 * the recalculation block, name, industry, year, the file. */
static void aw_summary_ident(aw *w, lxw_worksheet *ws, lxw_row_t row, size_t k, const aud_enterprise *e,
                             const aw_place *p)
{
    rpt_xl *x = &w->xl;
    char url[sizeof(rpt_ref) + 16]; /* "internal:" and a reference */
    rpt_xl_num(x, ws, row, SM_RANK, (double)(k + 1), RPT_F_INT);
    const char *id = e->rep ? e->rep->id : e->path;
    snprintf(url, sizeof url, "internal:%s", rpt_xl_ref(p->sheet, p->row0, 0, false).s);
    if (!p->sheet[0])
        rpt_xl_str(x, ws, row, SM_ID, id, RPT_F_NONE); /* no block to link to */
    else if (!x->err)
        rpt_xl_check(x, worksheet_write_url_opt(ws, row, SM_ID, url, NULL, id, NULL), "writing a link");
    if (e->rep) {
        rpt_xl_str(x, ws, row, SM_NAME, e->rep->name, RPT_F_NONE);
        rpt_xl_str(x, ws, row, SM_INDUSTRY, aw_item_text(w, aud_industry_name(e->rep->industry)), RPT_F_NONE);
        rpt_xl_num(x, ws, row, SM_YEAR, (double)e->rep->year, RPT_F_INT);
    }
    rpt_xl_str(x, ws, row, SM_FILE, e->path, RPT_F_NONE);
}

/* Writes the figures of Summary row `row`: declared, recomputed and
 * verified (the engine's figures, which the enterprise's recalculation block
 * recomputes with live formulas; the id links there); the deviation as
 * formulas over them; the counts and the status. The recomputed and verified
 * cells hold numbers, not references to the block: a deviation near zero is
 * the difference of two large totals, and a sum in another order (Excel's,
 * LibreOffice's) would move it by more than its own size. */
static void aw_summary_figures(aw *w, lxw_worksheet *ws, lxw_row_t row, const aud_enterprise *e)
{
    rpt_xl *x = &w->xl;
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref dec = rpt_xl_cell(row, SM_DECLARED), ver = rpt_xl_cell(row, SM_VERIFIED);
    rpt_xl_num(x, ws, row, SM_DECLARED, e->declared_t, RPT_F_T);
    if (e->recomputed) {
        rpt_xl_num(x, ws, row, SM_RECOMPUTED, e->recomputed_t, RPT_F_T);
        rpt_xl_num(x, ws, row, SM_VERIFIED, e->conservative_t, RPT_F_T);
    }
    if (e->recomputed && !isnan(e->declared_t)) {
        snprintf(f, sizeof f, "=%s-%s", dec.s, ver.s);
        rpt_xl_formula(x, ws, row, SM_DEV_T, f, e->declared_t - e->conservative_t, RPT_F_T);
    }
    double dev = aud_deviation(e);
    if (!isnan(dev)) {
        snprintf(f, sizeof f, "=%s/ABS(%s)", rpt_xl_cell(row, SM_DEV_T).s, ver.s);
        rpt_xl_formula(x, ws, row, SM_DEV_PCT, f, dev, RPT_F_PCT2);
    }
    rpt_xl_num(x, ws, row, SM_ERRORS, (double)e->count[AUD_ERROR], RPT_F_INT);
    rpt_xl_num(x, ws, row, SM_WARNINGS, (double)e->count[AUD_WARNING], RPT_F_INT);
    rpt_xl_num(x, ws, row, SM_INFO, (double)e->count[AUD_INFO], RPT_F_INT);
    rpt_xl_str(x, ws, row, SM_STATUS, aw_status(w, aud_status_of(e)), RPT_F_BOLD);
}

/* Writes the row of all reports below the table (row `row`; data rows 1..n):
 * sums of the declared, recomputed and verified totals, the counts. */
static void aw_summary_total(aw *w, lxw_worksheet *ws, lxw_row_t row, size_t n)
{
    static const lxw_col_t sums[] = {SM_DECLARED, SM_RECOMPUTED, SM_VERIFIED, SM_ERRORS, SM_WARNINGS, SM_INFO};
    double v[6] = {0};
    for (size_t i = 0; i < w->b->n; i++) {
        const aud_enterprise *e = w->b->ent[i];
        double d[6] = {e->declared_t,
                       e->recomputed ? e->recomputed_t : NAN,
                       e->recomputed ? e->conservative_t : NAN,
                       (double)e->count[AUD_ERROR],
                       (double)e->count[AUD_WARNING],
                       (double)e->count[AUD_INFO]};
        for (int k = 0; k < 6; k++)
            v[k] += isnan(d[k]) ? 0 : d[k];
    }
    char f[RPT_XL_FORMULA_MAX];
    rpt_xl_str(&w->xl, ws, row, SM_ID, aw_label(w, AWL_ALL_REPORTS), RPT_F_BOLD);
    for (int k = 0; k < 6; k++) {
        snprintf(f, sizeof f, "=SUM(%s)", rpt_xl_range(NULL, 1, sums[k], (lxw_row_t)n, sums[k], false).s);
        rpt_xl_formula(&w->xl, ws, row, sums[k], f, v[k], k < 3 ? RPT_F_T_BOLD : RPT_F_INT);
    }
    rpt_xl_str(&w->xl, ws, row + 2, 0, aw_label(w, AWL_SUMMARY_NOTE), RPT_F_NONE);
}

/* Colours the status column by status and the deviation when it is beyond
 * the tolerance (Rules), over data rows 1..n. */
static void aw_summary_colours(aw *w, lxw_worksheet *ws, size_t n)
{
    static const rpt_fmt_id fmt[AUD_NSTATUS] = {RPT_F_BAD, RPT_F_BAD, RPT_F_BAD, RPT_F_WARN, RPT_F_GOOD};
    char text[128], formula[RPT_XL_FORMULA_MAX];
    lxw_row_t last = (lxw_row_t)n;
    for (int s = 0; s < AUD_NSTATUS && !w->xl.err; s++) {
        snprintf(text, sizeof text, "\"%s\"", aw_status(w, (aud_status)s));
        lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_CELL,
                                     .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
                                     .value_string = text,
                                     .format = w->xl.f[fmt[s]]};
        rpt_xl_check(&w->xl, worksheet_conditional_format_range(ws, 1, SM_STATUS, last, SM_STATUS, &cf),
                     "setting the status colours");
    }
    /* "=ABS($J2)>Rules!$B$3": the column fixed, so that both deviation cells follow the percentage */
    snprintf(formula, sizeof formula, "=ABS($%s)>%s", rpt_xl_cell(1, SM_DEV_PCT).s, aw_tolerance_ref(w).s);
    lxw_conditional_format dv = {
        .type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = formula, .format = w->xl.f[RPT_F_BAD]};
    if (!w->xl.err)
        rpt_xl_check(&w->xl, worksheet_conditional_format_range(ws, 1, SM_DEV_T, last, SM_DEV_PCT, &dv),
                     "setting the deviation colours");
}

void aw_summary(aw *w)
{
    static const double widths[SM_NCOLS] = {8, 30, 36, 10, 6, 16, 16, 16, 16, 12, 7, 9, 6, 16, 50};
    const aud_batch *b = w->b;
    lxw_worksheet *ws = aw_table_sheet(w, aw_sheet(w, AWL_SHEET_SUMMARY), aw_summary_cols, widths, SM_NCOLS, 0);
    if (!ws)
        return;
    for (size_t k = 0; k < b->n && !w->xl.err; k++) {
        const aud_enterprise *e = b->ent[b->order[k]];
        const aw_place *p = &w->place[b->order[k]];
        aw_summary_ident(w, ws, (lxw_row_t)k + 1, k, e, p);
        aw_summary_figures(w, ws, (lxw_row_t)k + 1, e);
    }
    aw_summary_total(w, ws, (lxw_row_t)b->n + 2, b->n);
    if (b->n)
        aw_summary_colours(w, ws, b->n);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, (lxw_row_t)b->n, SM_NCOLS - 1), "setting the autofilter");
}

/* ---------------------------------------------------------------- Findings */

/* Columns of the Findings sheet: the non-conformity list of CETS-VG annex 3
 * (the last three for the verifier and the enterprise to fill in). */
enum {
    FD_NO,
    FD_ENTERPRISE,
    FD_SEVERITY,
    FD_CATEGORY,
    FD_DESCRIPTION,
    FD_SUBJECT,
    FD_PARAMETER,
    FD_UNIT,
    FD_DECLARED,
    FD_VERIFIED,
    FD_DIFF,
    FD_RULE,
    FD_WHERE,
    FD_CAUSE,
    FD_ACTION,
    FD_CONCLUSION,
    FD_NCOLS
};

static const rpt_text aw_finding_cols[FD_NCOLS] = {
    [FD_NO] = {"No.", "序号"},
    [FD_ENTERPRISE] = {"Report", "报告"},
    [FD_SEVERITY] = {"Severity", "严重程度"},
    [FD_CATEGORY] = {"Category", "不符合项类型"},
    [FD_DESCRIPTION] = {"Description", "不符合项描述"},
    [FD_SUBJECT] = {"Subject", "对象"},
    [FD_PARAMETER] = {"Parameter", "涉及参数"},
    [FD_UNIT] = {"Unit", "单位"},
    [FD_DECLARED] = {"Declared", "申报值"},
    [FD_VERIFIED] = {"Verified", "核查值"},
    [FD_DIFF] = {"Difference (verified - declared)", "差值（核查 - 申报）"},
    [FD_RULE] = {"Rule", "规则"},
    [FD_WHERE] = {"Location (file:line:col)", "位置（文件:行:列）"},
    [FD_CAUSE] = {"Cause analysis (enterprise)", "原因分析（企业）"},
    [FD_ACTION] = {"Corrective action", "整改措施"},
    [FD_CONCLUSION] = {"Conclusion", "整改结论"},
};

#define AW_DESCRIPTION_WIDTH 70 /* characters: the description column of Findings */

/* Writes finding `f` of enterprise `e` on row `row` as number `no`. */
static void aw_finding_row(aw *w, lxw_worksheet *ws, lxw_row_t row, size_t no, const aud_enterprise *e,
                           const aud_finding *f)
{
    rpt_xl *x = &w->xl;
    char buf[4200], fm[RPT_XL_FORMULA_MAX];
    aw_wrap_height(w, ws, row, aw_text_width(f->message), AW_DESCRIPTION_WIDTH);
    rpt_xl_num(x, ws, row, FD_NO, (double)no, RPT_F_INT);
    rpt_xl_str(x, ws, row, FD_ENTERPRISE, e->rep ? e->rep->id : e->path, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FD_SEVERITY, aw_severity(w, f->severity), aw_severity_fmt(f->severity));
    rpt_xl_str(x, ws, row, FD_CATEGORY, aw_category(w, f->category), RPT_F_NONE);
    rpt_xl_str(x, ws, row, FD_DESCRIPTION, f->message, RPT_F_WRAP);
    rpt_xl_str(x, ws, row, FD_SUBJECT, f->subject, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FD_PARAMETER, f->parameter, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FD_UNIT, f->unit, RPT_F_NONE);
    double mag = fmax(isfinite(f->declared) ? fabs(f->declared) : 0, isfinite(f->verified) ? fabs(f->verified) : 0);
    rpt_xl_num(x, ws, row, FD_DECLARED, f->declared, aw_num_fmt(mag));
    rpt_xl_num(x, ws, row, FD_VERIFIED, f->verified, aw_num_fmt(mag));
    if (isfinite(f->declared) && isfinite(f->verified)) {
        snprintf(fm, sizeof fm, "=%s-%s", rpt_xl_cell(row, FD_VERIFIED).s, rpt_xl_cell(row, FD_DECLARED).s);
        rpt_xl_formula(x, ws, row, FD_DIFF, fm, f->diff, aw_num_fmt(mag));
    }
    rpt_xl_str(x, ws, row, FD_RULE, f->rule_id, RPT_F_NONE);
    aw_where(&f->at, buf, sizeof buf);
    rpt_xl_str(x, ws, row, FD_WHERE, buf, RPT_F_NONE);
}

void aw_findings(aw *w)
{
    static const double widths[FD_NCOLS] = {6,  26, 9,  22, AW_DESCRIPTION_WIDTH, 28, 22, 12, 14, 14, 16, 30,
                                            50, 24, 24, 16};
    const aud_batch *b = w->b;
    lxw_worksheet *ws = aw_table_sheet(w, aw_sheet(w, AWL_SHEET_FINDINGS), aw_finding_cols, widths, FD_NCOLS, 0);
    lxw_row_t row = 1;
    for (size_t k = 0; ws && k < b->n && !w->xl.err; k++) {
        const aud_enterprise *e = b->ent[b->order[k]];
        size_t *idx = malloc((e->nfind ? e->nfind : 1) * sizeof *idx);
        if (!idx) {
            rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "ordering the findings");
            return;
        }
        aud_finding_order(e, idx);
        for (size_t i = 0; i < e->nfind; i++, row++)
            aw_finding_row(w, ws, row, row, e, &e->find[idx[i]]);
        free(idx);
    }
    if (ws)
        rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, row - 1, FD_NCOLS - 1), "setting the autofilter");
}
