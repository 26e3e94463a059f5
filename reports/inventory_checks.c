/* inventory_checks.c - the inventory workbook's Indirect sheet (purchased energy) and Checks sheet (reference approach, completeness). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_checks.h"

/* A label in the workbook's language. */
#define L(zh, en, cn) ((zh) ? (cn) : (en))

/* "G7": the A1 name of a 0-based cell. */
static const char *ck_cell(char buf[16], lxw_row_t row, lxw_col_t col)
{
    lxw_rowcol_to_cell(buf, row, col);
    return buf;
}

/* "set-id: ref" for a factor's origin. */
static void ck_source(char *buf, size_t len, const eng_hit *h)
{
    snprintf(buf, len, "%s: %s", h->set_id ? h->set_id : "?", h->v && h->v->ref ? h->v->ref : "");
}

/* Columns of the Indirect sheet. */
enum { IND_NO, IND_INPUT, IND_KIND, IND_VIEW, IND_GRID, IND_YEAR, IND_AMOUNT, IND_UNIT, IND_EF, IND_EF_UNIT,
       IND_CONV, IND_T, IND_SRC, IND_DATA, IND_NCOLS };

/* Writes one indirect row; its emission is =Amount*EF*Conversion. */
static void ck_indirect_row(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, size_t i, const eng_indirect_line *l)
{
    char f[96], a[16], e[16], c[16], src[512], at[512];
    const inv_indirect *d = l->rec;
    snprintf(at, sizeof at, "%s:%u", d->at.file ? d->at.file : "", d->at.line);
    rpt_xl_num(x, ws, row, IND_NO, (double)(i + 1), RPT_F_INT);
    rpt_xl_str(x, ws, row, IND_INPUT, at, RPT_F_NONE);
    rpt_xl_str(x, ws, row, IND_KIND, d->kind, RPT_F_NONE);
    rpt_xl_str(x, ws, row, IND_VIEW, d->net_import ? "net_import" : "consumption", RPT_F_NONE);
    /* a record's own `co2:` names no grid; otherwise an absent grid means the national one */
    rpt_xl_str(x, ws, row, IND_GRID, d->grid ? d->grid : d->novr ? "" : "national", RPT_F_NONE);
    if (l->factor_year)
        rpt_xl_num(x, ws, row, IND_YEAR, (double)l->factor_year, RPT_F_INT);
    rpt_xl_num(x, ws, row, IND_AMOUNT, l->amount, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, IND_UNIT, d->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, IND_EF, l->ef_value, RPT_F_FACTOR);
    rpt_xl_str(x, ws, row, IND_EF_UNIT, l->ef.v->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, IND_CONV, l->conversion, RPT_F_GENERAL);
    snprintf(f, sizeof f, "=%s*%s*%s", ck_cell(a, row, IND_AMOUNT), ck_cell(e, row, IND_EF), ck_cell(c, row, IND_CONV));
    rpt_xl_formula(x, ws, row, IND_T, f, l->emission_t, RPT_F_T);
    ck_source(src, sizeof src, &l->ef);
    rpt_xl_str(x, ws, row, IND_SRC, src, RPT_F_NONE);
    rpt_xl_str(x, ws, row, IND_DATA, d->source, RPT_F_NONE);
}

void rpt_xlsx_indirect(rpt_xl *x, const eng_result *r, bool zh)
{
    const eng_indirect_line *l;
    size_t n = eng_indirect(r, &l);
    if (!n)
        return;
    lxw_worksheet *ws = rpt_xl_sheet(x, "Indirect");
    if (!ws)
        return;
    static const double widths[IND_NCOLS] = {8, 30, 12, 12, 12, 10, 12, 12, 10, 14, 12, 16, 50, 50};
    const char *hdr[IND_NCOLS] = {
        L(zh, "No.", "序号"),           L(zh, "Input", "输入位置"),        L(zh, "Kind", "类型"),
        L(zh, "View", "口径"),          L(zh, "Grid", "电网"),            L(zh, "Factor year", "因子年份"),
        L(zh, "Amount", "活动水平"),     L(zh, "Unit", "单位"),            L(zh, "EF", "排放因子"),
        L(zh, "EF unit", "因子单位"),    L(zh, "Conversion (to t)", "换算系数"), L(zh, "Emission (t CO2)", "排放量 (t CO2)"),
        L(zh, "EF source", "因子来源"),  L(zh, "Data source", "数据来源")};
    rpt_xl_widths(x, ws, widths, IND_NCOLS);
    rpt_xl_str(x, ws, 0, 0, L(zh, "Indirect emissions from purchased electricity and heat (not in the direct totals)",
                              "外购电力和热力间接排放(不计入直接排放总量)"), RPT_F_TITLE);
    for (int c = 0; c < IND_NCOLS; c++)
        rpt_xl_str(x, ws, 2, (lxw_col_t)c, hdr[c], RPT_F_HEADER);
    for (size_t i = 0; i < n; i++)
        ck_indirect_row(x, ws, (lxw_row_t)(3 + i), i, &l[i]);
    lxw_row_t row = (lxw_row_t)(4 + n);
    char f[256];
    static const char *const views[] = {"consumption", "net_import"};
    for (int v = 0; v < 2; v++, row++) {
        snprintf(f, sizeof f, "=SUMIFS($L$4:$L$%zu,$D$4:$D$%zu,\"%s\")", 3 + n, 3 + n, views[v]);
        rpt_xl_str(x, ws, row, IND_GRID, v ? L(zh, "Total, net imports view", "合计(净调入口径)")
                                            : L(zh, "Total, consumption view", "合计(消费口径)"), RPT_F_BOLD);
        rpt_xl_formula(x, ws, row, IND_T, f, eng_indirect_total_t(r, v == 1), RPT_F_T_BOLD);
    }
    worksheet_freeze_panes(ws, 3, 0);
}

/* Columns of the reference-approach table. */
enum { RA_FUEL, RA_UNIT, RA_PROD, RA_IMP, RA_EXP, RA_BUNK, RA_STOCK, RA_APP, RA_NONEN, RA_NET, RA_UF, RA_NCV,
       RA_E, RA_EF, RA_EFF, RA_OX, RA_T, RA_SRC, RA_NCOLS };

/* Writes one reference-approach row with its formulas. */
static void ck_ref_row(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const eng_ref_line *l)
{
    const inv_ref_fuel *fu = l->fuel;
    const eng_line *ln = &l->line;
    char f[160], c[8][16], src[512];
    double in[] = {fu->production, fu->imports, fu->exports, fu->bunkers, fu->stock_change};
    rpt_xl_str(x, ws, row, RA_FUEL, fu->fuel, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RA_UNIT, fu->unit_text, RPT_F_NONE);
    for (int k = 0; k < 5; k++)
        rpt_xl_num(x, ws, row, (lxw_col_t)(RA_PROD + k), in[k], RPT_F_GENERAL);
    snprintf(f, sizeof f, "=%s+%s-%s-%s-%s", ck_cell(c[0], row, RA_PROD), ck_cell(c[1], row, RA_IMP),
             ck_cell(c[2], row, RA_EXP), ck_cell(c[3], row, RA_BUNK), ck_cell(c[4], row, RA_STOCK));
    rpt_xl_formula(x, ws, row, RA_APP, f, l->apparent, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RA_NONEN, fu->non_energy, RPT_F_GENERAL);
    snprintf(f, sizeof f, "=%s-%s", ck_cell(c[0], row, RA_APP), ck_cell(c[1], row, RA_NONEN));
    rpt_xl_formula(x, ws, row, RA_NET, f, l->net, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RA_UF, ln->unit_factor, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RA_NCV, ln->ncv, RPT_F_FACTOR);
    snprintf(f, sizeof f, "=%s*%s*%s", ck_cell(c[0], row, RA_NET), ck_cell(c[1], row, RA_UF),
             ck_cell(c[2], row, RA_NCV));
    rpt_xl_formula(x, ws, row, RA_E, f, ln->energy_tj, RPT_F_TJ);
    rpt_xl_num(x, ws, row, RA_EF, ln->ef, RPT_F_FACTOR);
    rpt_xl_num(x, ws, row, RA_EFF, ln->ef_factor, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RA_OX, ln->oxidation, RPT_F_FACTOR);
    snprintf(f, sizeof f, "=%s*%s*%s*%s", ck_cell(c[0], row, RA_E), ck_cell(c[1], row, RA_EF),
             ck_cell(c[2], row, RA_EFF), ck_cell(c[3], row, RA_OX));
    rpt_xl_formula(x, ws, row, RA_T, f, ln->emission_t, RPT_F_T);
    ck_source(src, sizeof src, &ln->res->ef[GAS_CO2]);
    rpt_xl_str(x, ws, row, RA_SRC, ln->memo ? "biomass: excluded" : src, RPT_F_NONE);
}

/* The reference approach against the sectoral approach; returns the next row. */
static lxw_row_t ck_reference(rpt_xl *x, lxw_worksheet *ws, const eng_result *r, bool zh, lxw_row_t row,
                              const char *sectoral_formula)
{
    const eng_ref_line *l;
    eng_ref_summary s;
    size_t n = eng_reference(r, &l, &s);
    if (!n)
        return row;
    const char *hdr[RA_NCOLS] = {
        L(zh, "Fuel", "燃料"), L(zh, "Unit", "单位"), L(zh, "Production", "生产量"), L(zh, "Imports", "调入量"),
        L(zh, "Exports", "调出量"), L(zh, "Bunkers", "国际燃料舱"), L(zh, "Stock change", "库存变化"),
        L(zh, "Apparent consumption", "表观消费量"), L(zh, "Non-energy use", "非能源利用"), L(zh, "Net", "净消费量"),
        L(zh, "Unit factor", "单位换算"), L(zh, "NCV", "低位发热量"), L(zh, "Energy (TJ)", "热量 (TJ)"),
        L(zh, "CO2 EF", "CO2排放因子"), L(zh, "EF factor", "因子换算"), L(zh, "Oxidation", "氧化率"),
        L(zh, "CO2 (t)", "CO2 (t)"), L(zh, "Factor source", "因子来源")};
    rpt_xl_str(x, ws, row++, 0, L(zh, "Reference approach (IPCC 2006 Vol.2 Ch.6) against the sectoral approach",
                                   "参考方法(IPCC 2006第2卷第6章)与部门方法比较"), RPT_F_BOLD);
    for (int c = 0; c < RA_NCOLS; c++)
        rpt_xl_str(x, ws, row, (lxw_col_t)c, hdr[c], RPT_F_HEADER);
    lxw_row_t first = ++row;
    for (size_t i = 0; i < n; i++)
        ck_ref_row(x, ws, row++, &l[i]);
    char f[160], c1[16], c2[16], c3[16], c4[16];
    lxw_row_t tot = row + 1;
    ck_cell(c1, first, RA_T);
    ck_cell(c2, row - 1, RA_T);
    ck_cell(c3, first, RA_SRC);
    ck_cell(c4, row - 1, RA_SRC);
    snprintf(f, sizeof f, "=SUMIFS(%s:%s,%s:%s,\"<>biomass: excluded\")", c1, c2, c3, c4);
    rpt_xl_str(x, ws, tot, RA_E, L(zh, "Reference approach, t CO2", "参考方法 t CO2"), RPT_F_BOLD);
    rpt_xl_formula(x, ws, tot, RA_T, f, s.ra_co2_t, RPT_F_T_BOLD);
    rpt_xl_str(x, ws, tot + 1, RA_E, L(zh, "Sectoral approach (1.A fossil CO2), t", "部门方法(1.A化石CO2) t"), RPT_F_BOLD);
    if (sectoral_formula)
        rpt_xl_formula(x, ws, tot + 1, RA_T, sectoral_formula, s.sa_co2_t, RPT_F_T_BOLD);
    else
        rpt_xl_num(x, ws, tot + 1, RA_T, s.sa_co2_t, RPT_F_T_BOLD);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s-%s)/%s)", ck_cell(c1, tot + 1, RA_T), ck_cell(c2, tot, RA_T), c1, c1);
    rpt_xl_str(x, ws, tot + 2, RA_E, L(zh, "Difference", "差异"), RPT_F_BOLD);
    rpt_xl_formula(x, ws, tot + 2, RA_T, f, s.diff_pct / 100.0, RPT_F_PCT_BOLD);
    rpt_xl_str(x, ws, tot + 3, RA_E, L(zh, "Threshold", "阈值"), RPT_F_BOLD);
    rpt_xl_num(x, ws, tot + 3, RA_T, s.threshold_pct / 100.0, RPT_F_PCT);
    snprintf(f, sizeof f, "=IF(ABS(%s)>%s,\"explain\",\"ok\")", ck_cell(c1, tot + 2, RA_T), ck_cell(c2, tot + 3, RA_T));
    lxw_error e = worksheet_write_formula_str(ws, tot + 4, RA_T, f, x->f[RPT_F_BOLD], s.flagged ? "explain" : "ok");
    rpt_xl_check(x, e, "worksheet_write_formula_str");
    rpt_xl_str(x, ws, tot + 4, RA_E, L(zh, "Check", "检查结果"), RPT_F_BOLD);
    return tot + 6;
}

/* The completeness table: every depth-3 category and its status. */
static void ck_completeness(rpt_xl *x, lxw_worksheet *ws, const eng_result *r, bool zh, lxw_row_t row)
{
    const eng_complete *c;
    size_t n = eng_completeness(r, &c);
    rpt_xl_str(x, ws, row++, 0, L(zh, "Completeness and notation keys", "完整性和注释键"), RPT_F_BOLD);
    const char *hdr[] = {L(zh, "Category", "类别"), L(zh, "Name", "名称"), L(zh, "Status", "状态"),
                         L(zh, "Explanation", "说明")};
    for (int k = 0; k < 4; k++)
        rpt_xl_str(x, ws, row, (lxw_col_t)k, hdr[k], RPT_F_HEADER);
    row++;
    for (size_t i = 0; i < n; i++, row++) {
        rpt_xl_str(x, ws, row, 0, c[i].category, RPT_F_NONE);
        rpt_xl_str(x, ws, row, 1, cat_name(c[i].category, zh), RPT_F_NONE);
        rpt_xl_str(x, ws, row, 2, c[i].status, strcmp(c[i].status, "not reported") ? RPT_F_NONE : RPT_F_BOLD);
        rpt_xl_str(x, ws, row, 3, c[i].note, RPT_F_NONE);
    }
}

void rpt_xlsx_checks(rpt_xl *x, const eng_result *r, bool zh, const char *sectoral_formula)
{
    lxw_worksheet *ws = rpt_xl_sheet(x, "Checks");
    if (!ws)
        return;
    static const double widths[RA_NCOLS] = {22, 48, 14, 12, 12, 10, 12, 14, 14, 12, 12, 10, 14, 12, 12, 10, 16, 50};
    rpt_xl_widths(x, ws, widths, RA_NCOLS);
    rpt_xl_str(x, ws, 0, 0, L(zh, "Checks", "核查"), RPT_F_TITLE);
    lxw_row_t row = ck_reference(x, ws, r, zh, 2, sectoral_formula);
    ck_completeness(x, ws, r, zh, row);
}
