/* audit_xlsx_results.c - the audit workbook's Results (the verifier's annex 1 results table) and Rules sheets. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_xlsx.h"

/* Columns of the Results sheet. */
enum {
    RS_ENTERPRISE,
    RS_TABLE,
    RS_CODE,
    RS_SUBJECT,
    RS_ITEM,
    RS_UNIT,
    RS_REPORTED,
    RS_VERIFIED,
    RS_CONSISTENT,
    RS_DIFF,
    RS_CHANGE,
    RS_REASON,
    RS_WHERE,
    RS_NCOLS
};

static const rpt_text aw_result_cols[RS_NCOLS] = {
    [RS_ENTERPRISE] = {"Report", "报告"},
    [RS_TABLE] = {"Table (annex C)", "报告表（附表 C）"},
    [RS_CODE] = {"Code", "数据编号"},
    [RS_SUBJECT] = {"Subject", "对象"},
    [RS_ITEM] = {"Data item", "数据项"},
    [RS_UNIT] = {"Unit", "单位"},
    [RS_REPORTED] = {"Reported (before verification)", "核查前报告值"},
    [RS_VERIFIED] = {"Verified", "核查确认值"},
    [RS_CONSISTENT] = {"Consistent (within the tolerance)", "是否一致（容差内）"},
    [RS_DIFF] = {"Difference (verified - reported)", "差值（核查 - 报告）"},
    [RS_CHANGE] = {"Change (% of reported)", "变化幅度（占报告值）"},
    [RS_REASON] = {"Reason (rule)", "原因（规则）"},
    [RS_WHERE] = {"Location (file:line:col)", "位置（文件:行:列）"},
};

/* Writes the consistency cell of a row with both values: the tolerance test
 * |reported - verified| / |verified| <= tolerance as a formula over the
 * row's cells and the tolerance on Rules (the same test as calc/audit_items.c). */
static void aw_consistent(aw *w, lxw_worksheet *ws, lxw_row_t row, bool consistent)
{
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref r = rpt_xl_cell(row, RS_REPORTED), v = rpt_xl_cell(row, RS_VERIFIED);
    const char *yes = aw_label(w, AWL_YES), *no = aw_label(w, AWL_NO);
    snprintf(f, sizeof f, "=IF(%s=%s,\"%s\",IF(%s=0,\"%s\",IF(ABS(%s-%s)/ABS(%s)<=%s,\"%s\",\"%s\")))", r.s, v.s, yes,
             v.s, no, r.s, v.s, v.s, aw_tolerance_ref(w).s, yes, no);
    rpt_xl_formula_str(&w->xl, ws, row, RS_CONSISTENT, f, consistent ? yes : no, consistent ? RPT_F_NONE : RPT_F_BAD);
}

/* Writes item `it` of enterprise `e` on row `row`. */
static void aw_result_row(aw *w, lxw_worksheet *ws, lxw_row_t row, const aud_enterprise *e, const aud_item *it)
{
    rpt_xl *x = &w->xl;
    char buf[4200], f[RPT_XL_FORMULA_MAX];
    rpt_xl_str(x, ws, row, RS_ENTERPRISE, e->rep->id, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RS_TABLE, aw_item_text(w, it->table), RPT_F_NONE);
    rpt_xl_str(x, ws, row, RS_CODE, it->code, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RS_SUBJECT, it->subject, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RS_ITEM, aw_item_text(w, it->parameter), RPT_F_NONE);
    rpt_xl_str(x, ws, row, RS_UNIT, it->unit, RPT_F_NONE);
    double mag = fmax(isfinite(it->reported) ? fabs(it->reported) : 0, isfinite(it->verified) ? fabs(it->verified) : 0);
    rpt_fmt_id nf = aw_num_fmt(mag);
    rpt_xl_num(x, ws, row, RS_REPORTED, it->reported, nf);
    rpt_xl_num(x, ws, row, RS_VERIFIED, it->verified, nf);
    bool both = isfinite(it->reported) && isfinite(it->verified);
    if (both) {
        aw_consistent(w, ws, row, it->consistent);
        snprintf(f, sizeof f, "=%s-%s", rpt_xl_cell(row, RS_VERIFIED).s, rpt_xl_cell(row, RS_REPORTED).s);
        rpt_xl_formula(x, ws, row, RS_DIFF, f, it->verified - it->reported, nf);
    } else
        rpt_xl_str(x, ws, row, RS_CONSISTENT, aw_label(w, AWL_NA), RPT_F_NONE);
    if (both && it->reported != 0) {
        snprintf(f, sizeof f, "=%s/ABS(%s)", rpt_xl_cell(row, RS_DIFF).s, rpt_xl_cell(row, RS_REPORTED).s);
        rpt_xl_formula(x, ws, row, RS_CHANGE, f, (it->verified - it->reported) / fabs(it->reported), RPT_F_PCT2);
    }
    rpt_xl_str(x, ws, row, RS_REASON, it->reason, RPT_F_NONE);
    if (it->at.line) {
        aw_where(&it->at, buf, sizeof buf);
        rpt_xl_str(x, ws, row, RS_WHERE, buf, RPT_F_NONE);
    }
}

void aw_results(aw *w)
{
    static const double widths[RS_NCOLS] = {26, 10, 6, 30, 24, 12, 16, 16, 12, 16, 12, 26, 50};
    const aud_batch *b = w->b;
    lxw_worksheet *ws = aw_table_sheet(w, aw_sheet(w, AWL_SHEET_RESULTS), aw_result_cols, widths, RS_NCOLS, 0);
    lxw_row_t row = 1;
    for (size_t k = 0; ws && k < b->n && !w->xl.err; k++) {
        const aud_enterprise *e = b->ent[b->order[k]];
        aud_item *items = NULL;
        size_t n = aud_items(e, b->tolerance, &items);
        for (size_t i = 0; i < n; i++) {
            const aud_item *it = &items[i];
            if (!isfinite(it->reported) && !(isfinite(it->verified) && it->verified != 0))
                continue; /* an item neither side has (a kiln's generation) */
            if (w->stacked && it->consistent && !it->reason)
                continue; /* a large batch: what is not consistent or has a finding */
            aw_result_row(w, ws, row++, e, it);
        }
        free(items);
    }
    if (ws)
        rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, row - 1, RS_NCOLS - 1), "setting the autofilter");
}

/* ------------------------------------------------------------------- Rules */

/* Columns of the rules table: a row per rule, then a row per row of its table. */
enum {
    RL_ID,
    RL_SEVERITY,
    RL_CATEGORY,
    RL_THRESHOLD,
    RL_APPLIES,
    RL_LOW,
    RL_HIGH,
    RL_VALUE,
    RL_UNIT,
    RL_SOURCE,
    RL_FINDINGS,
    RL_MESSAGE,
    RL_NCOLS
};

static const rpt_text aw_rule_cols[RL_NCOLS] = {
    [RL_ID] = {"Rule", "规则"},
    [RL_SEVERITY] = {"Severity", "严重程度"},
    [RL_CATEGORY] = {"Category", "不符合项类型"},
    [RL_THRESHOLD] = {"Threshold", "阈值"},
    [RL_APPLIES] = {"Applies to", "适用范围"},
    [RL_LOW] = {"Low", "下限"},
    [RL_HIGH] = {"High", "上限"},
    [RL_VALUE] = {"Value", "数值"},
    [RL_UNIT] = {"Unit", "单位"},
    [RL_SOURCE] = {"Source", "依据"},
    [RL_FINDINGS] = {"Findings in this run", "本次发现数"},
    [RL_MESSAGE] = {"Message", "描述模板"},
};

#define AW_RULES_HEADER 5 /* the header row of the rules table */

/* Findings of the run by rule: counts[i] for rs->rules[i]; counts[n] and
 * counts[n + 1] for report.unreadable and report.not_recomputable. */
static void aw_rule_counts(const aud_batch *b, size_t *counts)
{
    const aud_rules *rs = b->rules;
    for (size_t i = 0; i < b->n; i++)
        for (size_t k = 0; k < b->ent[i]->nfind; k++) {
            const aud_finding *f = &b->ent[i]->find[k];
            if (f->rule && f->rule >= rs->rules && f->rule < rs->rules + rs->n)
                counts[f->rule - rs->rules]++;
            else if (f->rule_id && strcmp(f->rule_id, "report.unreadable") == 0)
                counts[rs->n]++;
            else
                counts[rs->n + 1]++;
        }
}

/* Appends `a` and `b` to buf at *used, cut at len. */
static void aw_cat(char *buf, size_t len, size_t *used, const char *a, const char *b)
{
    if (*used + 1 >= len)
        return;
    int n = snprintf(buf + *used, len - *used, "%s%s", a, b);
    *used = n < 0 || (size_t)n >= len - *used ? len - 1 : *used + (size_t)n;
}

/* "industry power; route bf_bof; fuels natural_gas, lng; ..." of row `r` into buf. */
static void aw_applies(const aud_row *r, char *buf, size_t len)
{
    size_t used = 0;
    const char *texts[][2] = {{"industry ", r->industry}, {"route ", r->route},       {"product ", r->product},
                              {"kind ", r->kind},         {"material ", r->material}, {"parameter ", r->parameter},
                              {"must ", r->must}};
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (texts[i][1]) {
            aw_cat(buf, len, &used, used ? "; " : "", texts[i][0]);
            aw_cat(buf, len, &used, texts[i][1], "");
        }
    const char *const *lists[] = {r->fuels, r->unit_classes};
    const size_t counts[] = {r->nfuels, r->nunit_classes};
    const char *names[] = {"fuels ", "unit classes "};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < counts[l]; i++) {
            if (i == 0)
                aw_cat(buf, len, &used, used ? "; " : "", names[l]);
            aw_cat(buf, len, &used, i ? ", " : "", lists[l][i]);
        }
}

/* Writes rule `r` (with `count` findings this run) and the rows of its table from `row`; returns the next row. */
static lxw_row_t aw_rule(aw *w, lxw_worksheet *ws, lxw_row_t row, const aud_rule *r, size_t count)
{
    rpt_xl *x = &w->xl;
    char buf[2048];
    size_t wmax = aw_text_width(r->source) * 46 / 60 > aw_text_width(r->message) * 46 / 60
                      ? aw_text_width(r->source) * 46 / 60
                      : aw_text_width(r->message) * 46 / 60; /* both columns are 60 wide: in 46ths */
    aw_wrap_height(w, ws, row, wmax, 46);
    rpt_xl_str(x, ws, row, RL_ID, r->id, RPT_F_BOLD);
    rpt_xl_str(x, ws, row, RL_SEVERITY, r->enabled ? aw_severity(w, r->severity) : aw_label(w, AWL_DISABLED),
               r->enabled ? aw_severity_fmt(r->severity) : RPT_F_NONE);
    rpt_xl_str(x, ws, row, RL_CATEGORY, aw_category(w, r->category), RPT_F_NONE);
    rpt_xl_str(x, ws, row, RL_THRESHOLD, r->threshold_text, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RL_SOURCE, r->source, RPT_F_WRAP);
    rpt_xl_num(x, ws, row, RL_FINDINGS, (double)count, RPT_F_INT);
    rpt_xl_str(x, ws, row, RL_MESSAGE, r->message, RPT_F_WRAP);
    row++;
    for (size_t i = 0; i < r->nrows; i++, row++) {
        const aud_row *t = &r->rows[i];
        aw_applies(t, buf, sizeof buf);
        size_t ws_src = aw_text_width(t->source) * 46 / 60, ws_app = aw_text_width(buf);
        aw_wrap_height(w, ws, row, ws_src > ws_app ? ws_src : ws_app, 46);
        rpt_xl_str(x, ws, row, RL_APPLIES, buf[0] ? buf : "-", RPT_F_WRAP);
        rpt_xl_num(x, ws, row, RL_LOW, t->low, RPT_F_GENERAL);
        rpt_xl_num(x, ws, row, RL_HIGH, t->high, RPT_F_GENERAL);
        rpt_xl_num(x, ws, row, RL_VALUE, t->value, RPT_F_GENERAL);
        rpt_xl_str(x, ws, row, RL_UNIT, t->unit_text, RPT_F_NONE);
        rpt_xl_str(x, ws, row, RL_SOURCE, t->source, RPT_F_WRAP);
    }
    return row;
}

/* Writes the head of Rules: the title, the file, the tolerance (the cell
 * the Summary and Results compare with) and the --fail-on level. */
static void aw_rules_head(aw *w, lxw_worksheet *ws)
{
    const aud_rules *rs = w->b->rules;
    rpt_xl *x = &w->xl;
    char buf[1024];
    rpt_fmt(buf, sizeof buf, "%s: %s%s%s", aw_label(w, AWL_RULES_TITLE), rs->id ? rs->id : "?", rs->title ? " - " : "",
            rs->title ? rs->title : "");
    rpt_xl_str(x, ws, 0, 0, buf, RPT_F_TITLE);
    rpt_xl_str(x, ws, 1, 0, aw_label(w, AWL_RULES_FILE), RPT_F_BOLD);
    rpt_xl_str(x, ws, 1, 1, rs->path, RPT_F_NONE);
    rpt_xl_str(x, ws, AW_TOL_ROW, 0, aw_label(w, AWL_TOLERANCE), RPT_F_BOLD);
    rpt_xl_num(x, ws, AW_TOL_ROW, AW_TOL_COL, w->b->tolerance, RPT_F_PCT2);
    bool cli = w->b->tolerance != rs->tolerance;
    rpt_xl_str(x, ws, AW_TOL_ROW, AW_TOL_COL + 1, aw_label(w, cli ? AWL_TOLERANCE_FROM_CLI : AWL_TOLERANCE_FROM_FILE),
               RPT_F_NONE);
    rpt_xl_str(x, ws, 3, 0, aw_label(w, AWL_FAIL_ON), RPT_F_BOLD);
    rpt_xl_str(x, ws, 3, 1, aw_severity(w, w->b->fail_on), RPT_F_NONE);
}

void aw_rules(aw *w)
{
    static const double widths[RL_NCOLS] = {30, 12, 16, 12, 46, 10, 10, 10, 16, 60, 10, 60};
    const aud_rules *rs = w->b->rules;
    size_t *counts = calloc(rs->n + 2, sizeof *counts);
    lxw_worksheet *ws = counts ? aw_table_sheet(w, aw_sheet(w, AWL_SHEET_RULES), aw_rule_cols, widths, RL_NCOLS, AW_RULES_HEADER) : NULL;
    if (!ws) {
        free(counts);
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "writing the rules");
        return;
    }
    aw_rules_head(w, ws);
    aw_rule_counts(w->b, counts);
    lxw_row_t row = AW_RULES_HEADER + 1;
    for (size_t i = 0; i < rs->n; i++)
        row = aw_rule(w, ws, row, &rs->rules[i], counts[i]);
    const char *fixed[2] = {"report.unreadable", "report.not_recomputable"};
    const rpt_label_id msg[2] = {AWL_UNREADABLE_MSG, AWL_NOT_RECOMPUTABLE_MSG};
    for (size_t i = 0; i < 2; i++, row++) {
        rpt_xl_str(&w->xl, ws, row, RL_ID, fixed[i], RPT_F_BOLD);
        rpt_xl_str(&w->xl, ws, row, RL_SEVERITY, aw_severity(w, AUD_ERROR), RPT_F_BAD);
        rpt_xl_str(&w->xl, ws, row, RL_CATEGORY, aw_category(w, "other"), RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, RL_SOURCE, aw_label(w, AWL_BUILTIN_SOURCE), RPT_F_WRAP);
        rpt_xl_num(&w->xl, ws, row, RL_FINDINGS, (double)counts[rs->n + i], RPT_F_INT);
        rpt_xl_str(&w->xl, ws, row, RL_MESSAGE, aw_label(w, msg[i]), RPT_F_WRAP);
    }
    free(counts);
}
