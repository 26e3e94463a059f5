/* inventory_checks.c - the inventory workbook's Indirect sheet (purchased energy) and Checks sheet. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_checks.h"

const char *rpt_indirect_view(int v, bool zh) { return il_label(v ? IL_VIEW_NET_IMPORT : IL_VIEW_CONSUMPTION, zh); }

/* The kind of purchased energy in the workbook's language: electricity and
 * heat are translated, any other key is shown as written. */
static const char *ck_kind(const char *kind, bool zh)
{
    if (strcmp(kind, "electricity") == 0)
        return il_label(IL_KIND_ELECTRICITY, zh);
    if (strcmp(kind, "heat") == 0)
        return il_label(IL_KIND_HEAT, zh);
    return kind;
}

/* "set-id: ref" for a factor's origin. */
static void ck_source(char *buf, size_t len, const eng_hit *h)
{
    snprintf(buf, len, "%s: %s", fs_hit_set(h) ? fs_hit_set(h) : "?", h->v && h->v->ref ? h->v->ref : "");
}

/* Header of the Indirect sheet, by column. */
static const rpt_text ck_indirect_cols[IND_NCOLS] = {
    [IND_NO] = {"No.", "序号"},
    [IND_INPUT] = {"Input", "输入位置"},
    [IND_KIND] = {"Kind", "类型"},
    [IND_VIEW] = {"View", "口径"},
    [IND_GRID] = {"Grid", "电网"},
    [IND_YEAR] = {"Factor year", "因子年份"},
    [IND_AMOUNT] = {"Amount", "活动水平"},
    [IND_UNIT] = {"Unit", "单位"},
    [IND_EF] = {"EF", "排放因子"},
    [IND_EF_UNIT] = {"EF unit", "因子单位"},
    [IND_CONV] = {"Conversion (to t)", "换算系数"},
    [IND_T] = {"Emission (t CO2)", "排放量 (t CO2)"},
    [IND_SRC] = {"EF source", "因子来源"},
    [IND_DATA] = {"Data source", "数据来源"},
    [IND_NOTE] = {"Note", "备注"},
};

/* The Indirect sheet's mass column with --unit 10kt. */
static const rpt_text ck_indirect_cols_10kt[IND_NCOLS] = {
    [IND_T] = {"Emission (10^4 t CO2)", "排放量 (万吨 CO2)"},
};

/* Rows of the Indirect sheet: title, a note, header, then one row per record. */
enum { IND_ROW_TITLE = 0, IND_ROW_NOTE = 1, IND_ROW_HEADER = 2, IND_ROW0 = 3 };

/* Whether line l's factor is of another year than the inventory's. */
static bool ck_other_year(const eng_result *r, const eng_indirect_line *l)
{
    return l->factor_year && eng_inventory(r)->year && l->factor_year != eng_inventory(r)->year;
}

/* Writes one indirect row; its emission is =Amount*EF*Conversion (t, or
 * "/10000" with --unit 10kt), its EF a reference to Factors. A factor of another year than the inventory's has
 * its year marked (amber) and a note. */
static void ck_indirect_row(xw *w, lxw_worksheet *ws, lxw_row_t row, size_t i, const eng_indirect_line *l)
{
    static const lxw_col_t emission[] = {IND_AMOUNT, IND_EF, IND_CONV};
    rpt_xl *x = &w->xl;
    char src[512], at[512];
    const inv_indirect *d = l->rec;
    bool other = ck_other_year(w->r, l);
    snprintf(at, sizeof at, "%s:%u", d->at.file ? d->at.file : "", d->at.line);
    rpt_xl_num(x, ws, row, IND_NO, (double)(i + 1), RPT_F_INT);
    rpt_xl_str(x, ws, row, IND_INPUT, at, RPT_F_NONE);
    rpt_xl_str(x, ws, row, IND_KIND, ck_kind(d->kind, w->zh), RPT_F_NONE);
    rpt_xl_str(x, ws, row, IND_VIEW, rpt_indirect_view(d->net_import, w->zh), RPT_F_NONE);
    /* a record's own `co2:` names no grid; otherwise an absent grid means the national one */
    rpt_xl_str(x, ws, row, IND_GRID, d->grid ? d->grid : d->novr ? "" : il_label(IL_GRID_NATIONAL, w->zh),
               RPT_F_NONE);
    if (l->factor_year)
        rpt_xl_num(x, ws, row, IND_YEAR, (double)l->factor_year, other ? RPT_F_WARN : RPT_F_INT);
    rpt_xl_num(x, ws, row, IND_AMOUNT, l->amount, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, IND_UNIT, d->unit_text, RPT_F_NONE);
    xw_factor_cell(w, ws, row, IND_EF, l->ef_index, 1.0, l->ef_value, RPT_F_FACTOR);
    rpt_xl_str(x, ws, row, IND_EF_UNIT, l->ef.v->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, IND_CONV, l->conversion, RPT_F_GENERAL);
    xw_mass_product(w, ws, row, IND_T, emission, 3, l->emission_t, RPT_F_T);
    ck_source(src, sizeof src, &l->ef);
    rpt_xl_str(x, ws, row, IND_SRC, src, RPT_F_NONE);
    rpt_xl_str(x, ws, row, IND_DATA, d->source, RPT_F_NONE);
    if (other) {
        char note[256];
        rpt_fmt(note, sizeof note, "%s%ld%s%ld%s", il_label(IL_FACTOR_YEAR, w->zh), l->factor_year,
                il_label(IL_INVENTORY_YEAR, w->zh), eng_inventory(w->r)->year, il_label(IL_YEAR_SUFFIX, w->zh));
        rpt_xl_str(x, ws, row, IND_NOTE, note, RPT_F_NONE);
    }
}

/* Writes the two totals by view below the rows: SUMIFS of the emission
 * column (in the shown unit) over the View column. */
static void ck_indirect_totals(xw *w, lxw_worksheet *ws, size_t n)
{
    rpt_xl *x = &w->xl;
    bool zh = x->zh;
    static const rpt_label_id label[2] = {IL_INDIRECT_TOTAL_CONSUMPTION, IL_INDIRECT_TOTAL_NET_IMPORT};
    lxw_row_t last = IND_ROW0 + (lxw_row_t)n - 1, row = last + 2;
    rpt_ref t = rpt_xl_range(NULL, IND_ROW0, IND_T, last, IND_T, true);
    rpt_ref view = rpt_xl_range(NULL, IND_ROW0, IND_VIEW, last, IND_VIEW, true);
    char f[RPT_XL_FORMULA_MAX];
    for (int v = 0; v < 2; v++, row++) {
        snprintf(f, sizeof f, "=SUMIFS(%s,%s,\"%s\")", t.s, view.s, rpt_indirect_view(v, zh));
        rpt_xl_str(x, ws, row, IND_GRID, rpt_xl_label(x, label[v]), RPT_F_BOLD);
        xw_mass_formula(w, ws, row, IND_T, f, eng_indirect_total_t(w->r, v == 1), RPT_F_T_BOLD, NULL);
    }
}

void rpt_xlsx_indirect(xw *w)
{
    static const double widths[IND_NCOLS] = {8, 30, 12, 12, 12, 10, 12, 12, 10, 14, 12, 16, 50, 50, 44};
    const eng_indirect_line *l;
    size_t n = eng_indirect(w->r, &l);
    rpt_xl *x = &w->xl;
    if (!n)
        return;
    lxw_worksheet *ws = rpt_xl_sheet(x, xw_sheet(w, IL_SHEET_INDIRECT));
    if (!ws)
        return;
    rpt_xl_widths(x, ws, widths, IND_NCOLS);
    rpt_xl_freeze(x, ws, IND_ROW0, IND_GRID);
    rpt_xl_str(x, ws, IND_ROW_TITLE, 0, rpt_xl_label(x, IL_INDIRECT_TITLE), RPT_F_TITLE);
    bool other = false;
    for (size_t i = 0; i < n; i++)
        other = other || ck_other_year(w->r, &l[i]);
    if (other)
        rpt_xl_str(x, ws, IND_ROW_NOTE, 0, rpt_xl_label(x, IL_OTHER_YEAR_NOTE), RPT_F_BOLD);
    xw_header_texts(w, ws, IND_ROW_HEADER, ck_indirect_cols, ck_indirect_cols_10kt, IND_NCOLS);
    for (size_t i = 0; i < n; i++)
        ck_indirect_row(w, ws, IND_ROW0 + (lxw_row_t)i, i, &l[i]);
    ck_indirect_totals(w, ws, n);
    rpt_xl_print_area(x, ws, IND_ROW0 + (lxw_row_t)n + 2, IND_NCOLS - 1);
}

/* Columns of the reference-approach table. */
enum { RA_FUEL, RA_UNIT, RA_PROD, RA_IMP, RA_EXP, RA_BUNK, RA_STOCK, RA_APP, RA_NONEN, RA_NET, RA_UF, RA_NCV,
       RA_E, RA_EF, RA_EFF, RA_OX, RA_T, RA_SRC, RA_NCOLS };

/* Writes one reference-approach row with its formulas; NCV, EF and
 * oxidation refer to Factors; CO2 in t, or 10^4 t with --unit 10kt. */
static void ck_ref_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_ref_line *l)
{
    rpt_xl *x = &w->xl;
    const inv_ref_fuel *fu = l->fuel;
    static const lxw_col_t energy[] = {RA_NET, RA_UF, RA_NCV}, emission[] = {RA_E, RA_EF, RA_EFF, RA_OX};
    const eng_line *ln = &l->line;
    char f[RPT_XL_FORMULA_MAX], src[512];
    double in[] = {fu->production, fu->imports, fu->exports, fu->bunkers, fu->stock_change};
    rpt_xl_str(x, ws, row, RA_FUEL, fu->fuel, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RA_UNIT, fu->unit_text, RPT_F_NONE);
    for (int k = 0; k < 5; k++)
        rpt_xl_num(x, ws, row, (lxw_col_t)(RA_PROD + k), in[k], RPT_F_GENERAL);
    snprintf(f, sizeof f, "=%s+%s-%s-%s-%s", rpt_xl_cell(row, RA_PROD).s, rpt_xl_cell(row, RA_IMP).s,
             rpt_xl_cell(row, RA_EXP).s, rpt_xl_cell(row, RA_BUNK).s, rpt_xl_cell(row, RA_STOCK).s);
    rpt_xl_formula(x, ws, row, RA_APP, f, l->apparent, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RA_NONEN, fu->non_energy, RPT_F_GENERAL);
    snprintf(f, sizeof f, "=%s-%s", rpt_xl_cell(row, RA_APP).s, rpt_xl_cell(row, RA_NONEN).s);
    rpt_xl_formula(x, ws, row, RA_NET, f, l->net, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RA_UF, ln->unit_factor, RPT_F_GENERAL);
    const fset_value *ox = ln->res->oxid.v;
    xw_factor_cell(w, ws, row, RA_NCV, eng_factor_index(w->r, ln->res, &ln->res->ncv), 1.0, ln->ncv, RPT_F_FACTOR);
    rpt_xl_product(x, ws, row, RA_E, energy, 3, ln->energy_tj, RPT_F_TJ);
    xw_factor_cell(w, ws, row, RA_EF, eng_factor_index(w->r, ln->res, &ln->res->ef[GAS_CO2]), 1.0, ln->ef,
                   RPT_F_FACTOR);
    rpt_xl_num(x, ws, row, RA_EFF, ln->ef_factor, RPT_F_GENERAL);
    xw_factor_cell(w, ws, row, RA_OX, eng_factor_index(w->r, ln->res, &ln->res->oxid), ox ? ox->unit.scale : 1.0,
                   ln->oxidation, RPT_F_FACTOR);
    xw_mass_product(w, ws, row, RA_T, emission, 4, ln->emission_t, RPT_F_T);
    ck_source(src, sizeof src, &ln->res->ef[GAS_CO2]);
    rpt_xl_str(x, ws, row, RA_SRC, ln->memo ? il_label(IL_BIOMASS_EXCLUDED, w->zh) : src, RPT_F_NONE);
}

/* Header of the reference-approach table, by column. */
static const rpt_text ck_ra_cols[RA_NCOLS] = {
    [RA_FUEL] = {"Fuel", "燃料"},
    [RA_UNIT] = {"Unit", "单位"},
    [RA_PROD] = {"Production", "生产量"},
    [RA_IMP] = {"Imports", "调入量"},
    [RA_EXP] = {"Exports", "调出量"},
    [RA_BUNK] = {"Bunkers", "国际燃料舱"},
    [RA_STOCK] = {"Stock change", "库存变化"},
    [RA_APP] = {"Apparent consumption", "表观消费量"},
    [RA_NONEN] = {"Non-energy use", "非能源利用"},
    [RA_NET] = {"Net", "净消费量"},
    [RA_UF] = {"Unit factor", "单位换算"},
    [RA_NCV] = {"NCV", "低位发热量"},
    [RA_E] = {"Energy (TJ)", "热量 (TJ)"},
    [RA_EF] = {"CO2 EF", "CO2排放因子"},
    [RA_EFF] = {"EF factor", "因子换算"},
    [RA_OX] = {"Oxidation", "氧化率"},
    [RA_T] = {"CO2 (t)", "CO2 (t)"},
    [RA_SRC] = {"Factor source", "因子来源"},
};

/* The reference-approach table's mass column with --unit 10kt. */
static const rpt_text ck_ra_cols_10kt[RA_NCOLS] = {
    [RA_T] = {"CO2 (10^4 t)", "CO2 (万吨)"},
};


/* Writes the comparison below the reference rows first..last (0-based),
 * from row `tot`: reference total (SUMIFS of the non-biomass rows),
 * sectoral total (a SUMIFS of the Calculation rows), both in the rows'
 * unit, difference, threshold and the flag. */
static void ck_compare(xw *w, lxw_worksheet *ws, const eng_ref_summary *s, lxw_row_t first, lxw_row_t last,
                       lxw_row_t tot, const char *sectoral_formula)
{
    rpt_xl *x = &w->xl;
    char f[RPT_XL_FORMULA_MAX];
    const char *explain = rpt_xl_label(x, IL_RA_EXPLAIN), *ok = rpt_xl_label(x, IL_RA_OK);
    /* the reference total sums the rows whose Factor source is not the biomass text */
    snprintf(f, sizeof f, "=SUMIFS(%s,%s,\"<>%s\")", rpt_xl_range(NULL, first, RA_T, last, RA_T, false).s,
             rpt_xl_range(NULL, first, RA_SRC, last, RA_SRC, false).s, rpt_xl_label(x, IL_BIOMASS_EXCLUDED));
    rpt_xl_str(x, ws, tot, RA_E, xw_mass_label(w, IL_RA_TOTAL), RPT_F_BOLD);
    xw_mass_formula(w, ws, tot, RA_T, f, s->ra_co2_t, RPT_F_T_BOLD, NULL);
    rpt_xl_str(x, ws, tot + 1, RA_E, xw_mass_label(w, IL_RA_SECTORAL), RPT_F_BOLD);
    if (sectoral_formula)
        xw_mass_formula(w, ws, tot + 1, RA_T, sectoral_formula, s->sa_co2_t, RPT_F_T_BOLD, NULL);
    else
        rpt_xl_num(x, ws, tot + 1, RA_T, xw_mass_shown(w, s->sa_co2_t), RPT_F_T_BOLD);
    rpt_ref sa = rpt_xl_cell(tot + 1, RA_T);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s-%s)/%s)", sa.s, rpt_xl_cell(tot, RA_T).s, sa.s, sa.s);
    rpt_xl_str(x, ws, tot + 2, RA_E, rpt_xl_label(x, IL_RA_DIFFERENCE), RPT_F_BOLD);
    rpt_xl_formula(x, ws, tot + 2, RA_T, f, s->diff_pct / 100.0, RPT_F_PCT_BOLD);
    rpt_xl_str(x, ws, tot + 3, RA_E, rpt_xl_label(x, IL_RA_THRESHOLD), RPT_F_BOLD);
    rpt_xl_num(x, ws, tot + 3, RA_T, s->threshold_pct / 100.0, RPT_F_PCT);
    snprintf(f, sizeof f, "=IF(ABS(%s)>%s,\"%s\",\"%s\")", rpt_xl_cell(tot + 2, RA_T).s,
             rpt_xl_cell(tot + 3, RA_T).s, explain, ok);
    rpt_xl_formula_str(x, ws, tot + 4, RA_T, f, s->flagged ? explain : ok, RPT_F_BOLD);
    rpt_xl_str(x, ws, tot + 4, RA_E, rpt_xl_label(x, IL_RA_CHECK), RPT_F_BOLD);
}

/* The reference approach against the sectoral approach, from `row` (its
 * title); the header row and the fuel column are frozen. Returns the next
 * row. */
static lxw_row_t ck_reference(xw *w, lxw_worksheet *ws, lxw_row_t row, const char *sectoral_formula)
{
    const eng_ref_line *l;
    eng_ref_summary s;
    rpt_xl *x = &w->xl;
    size_t n = eng_reference(w->r, &l, &s);
    if (!n)
        return row;
    rpt_xl_freeze(x, ws, row + 2, 1);
    rpt_xl_str(x, ws, row++, 0, rpt_xl_label(x, IL_RA_TITLE), RPT_F_BOLD);
    xw_header_texts(w, ws, row, ck_ra_cols, ck_ra_cols_10kt, RA_NCOLS);
    lxw_row_t first = ++row;
    for (size_t i = 0; i < n; i++)
        ck_ref_row(w, ws, row++, &l[i]);
    ck_compare(w, ws, &s, first, row - 1, row + 1, sectoral_formula);
    return row + 7;
}

/* A completeness status in the workbook's language: "estimated" and "not
 * reported" are translated; a notation key (NO, NE, ...) stays as it is. */
static const char *ck_status(const char *status, bool zh)
{
    if (strcmp(status, "estimated") == 0)
        return il_label(IL_ESTIMATED, zh);
    if (strcmp(status, "not reported") == 0)
        return il_label(IL_NOT_REPORTED, zh);
    return status;
}

/* The completeness table: every depth-3 category and its status; without a
 * reference approach above it, its header row and the code are frozen.
 * Returns the row after it. */
static lxw_row_t ck_completeness(xw *w, lxw_worksheet *ws, lxw_row_t row, bool frozen)
{
    static const rpt_label_id hdr[] = {IL_CATEGORY, IL_NAME, IL_STATUS, IL_EXPLANATION};
    const eng_complete *c;
    rpt_xl *x = &w->xl;
    size_t n = eng_completeness(w->r, &c);
    if (!frozen)
        rpt_xl_freeze(x, ws, row + 2, 1);
    rpt_xl_str(x, ws, row++, 0, rpt_xl_label(x, IL_COMPLETENESS), RPT_F_BOLD);
    rpt_xl_header(x, ws, row++, hdr, 4);
    for (size_t i = 0; i < n; i++, row++) {
        bool missing = strcmp(c[i].status, "not reported") == 0;
        rpt_xl_str(x, ws, row, 0, c[i].category, RPT_F_NONE);
        rpt_xl_str(x, ws, row, 1, cat_name(c[i].category, x->zh), RPT_F_NONE);
        rpt_xl_str(x, ws, row, 2, ck_status(c[i].status, x->zh), missing ? RPT_F_BOLD : RPT_F_NONE);
        rpt_xl_str(x, ws, row, 3, c[i].note, RPT_F_NONE);
    }
    return row;
}

void rpt_xlsx_checks(xw *w, const char *sectoral_formula)
{
    static const double widths[RA_NCOLS] = {22, 48, 14, 12, 12, 10, 12, 14, 14, 12, 12, 10, 14, 12, 12, 10, 16, 50};
    rpt_xl *x = &w->xl;
    lxw_worksheet *ws = rpt_xl_sheet(x, xw_sheet(w, IL_SHEET_CHECKS));
    if (!ws)
        return;
    rpt_xl_widths(x, ws, widths, RA_NCOLS);
    rpt_xl_str(x, ws, 0, 0, rpt_xl_label(x, IL_CHECKS), RPT_F_TITLE);
    lxw_row_t row = ck_reference(w, ws, 2, sectoral_formula);
    row = ck_completeness(w, ws, row, row > 2);
    rpt_xl_print_area(x, ws, row, RA_NCOLS - 1);
}
