/* inventory_xlsx.c - the inventory workbook: Summary, Sectoral table, Calculation, Factors and About sheets. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "report.h"
#include "xlsx_common.h"

/* Data rows per Calculation sheet: Excel's 1,048,576 rows less the header.
 * Past it the rows continue on "Calculation 2", ... and every SUMIFS adds
 * one term per sheet. (Overridable at compile time to test the split.) */
#ifndef RPT_CALC_ROWS_MAX
#define RPT_CALC_ROWS_MAX 1048575u
#endif

#define XW_FORMULA_MAX 4096 /* bytes of one SUMIFS formula over every Calculation sheet */

/* Gases with their own rows and columns: CO2, CH4 and N2O, the gases of
 * fuel combustion. */
#define RPT_NGAS GAS_MAIN

/* Rows of the Summary sheet (0-based). */
enum {
    SUM_ROW_TITLE = 0,
    SUM_ROW_INVENTORY = 1, /* inventory, region, year, GWP set on rows 1..4 */
    SUM_ROW_GAS_HEADING = 6,
    SUM_ROW_GAS_HEADER = 7,
    SUM_ROW_GAS0 = 8, /* one row per gas */
    SUM_ROW_TOTAL = SUM_ROW_GAS0 + RPT_NGAS,
    SUM_ROW_MEMO = SUM_ROW_TOTAL + 1,
    SUM_ROW_SECTOR_HEADING = SUM_ROW_MEMO + 2,
    SUM_ROW_SECTOR_HEADER = SUM_ROW_SECTOR_HEADING + 1,
    SUM_ROW_SECTOR0 = SUM_ROW_SECTOR_HEADER + 1
};

/* Columns of the Sectoral table. */
enum { SEC_COL_CODE, SEC_COL_NAME, SEC_COL_GAS0, SEC_COL_CO2E = SEC_COL_GAS0 + RPT_NGAS, SEC_COL_MEMO, SEC_NCOLS };

/* The writer's state: the workbook, the results and how many Calculation
 * sheets the rows need. */
typedef struct {
    rpt_xl xl;
    const eng_result *r;
    const rpt_meta *m;
    bool zh;
    size_t nlines;
    unsigned ncalc;
} xw;

/* One SUMIFS criterion: Calculation column `col` equals `value`. */
typedef struct {
    rpt_calc_col col;
    const char *value;
} xw_crit;

/* Appends printf-style text to buf at *used; false when it does not fit. */
static bool xw_append(char *buf, size_t len, size_t *used, const char *fmt, ...) GHG_PRINTF(4, 5);
static bool xw_append(char *buf, size_t len, size_t *used, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = *used < len ? vsnprintf(buf + *used, len - *used, fmt, ap) : -1;
    va_end(ap);
    if (n < 0 || (size_t)n >= len - *used)
        return false;
    *used += (size_t)n;
    return true;
}

/* Name of Calculation sheet k (0-based): "Calculation", "Calculation 2", ... */
static void xw_calc_name(unsigned k, char *buf, size_t len)
{
    if (k == 0)
        snprintf(buf, len, "Calculation");
    else
        snprintf(buf, len, "Calculation %u", k + 1);
}

/* Appends `value` as a formula string literal, doubling any '"'. */
static bool xw_append_literal(char *buf, size_t len, size_t *used, const char *value)
{
    if (!xw_append(buf, len, used, "\""))
        return false;
    for (const char *p = value; *p; p++) {
        bool ok = *p == '"' ? xw_append(buf, len, used, "\"\"") : xw_append(buf, len, used, "%c", *p);
        if (!ok)
            return false;
    }
    return xw_append(buf, len, used, "\"");
}

/* Writes "=SUMIFS(Calculation!$Q:$Q,Calculation!$F:$F,"CO2",...)" into buf,
 * one SUMIFS per Calculation sheet joined by '+'. False when it does not fit. */
static bool xw_sumifs(const xw *w, char *buf, size_t len, rpt_calc_col sum, const xw_crit *crit, size_t ncrit)
{
    size_t used = 0;
    for (unsigned k = 0; k < w->ncalc; k++) {
        char name[32], ref[40];
        xw_calc_name(k, name, sizeof name);
        snprintf(ref, sizeof ref, k ? "'%s'" : "%s", name);
        if (!xw_append(buf, len, &used, "%sSUMIFS(%s!$%c:$%c", k ? "+" : "=", ref, 'A' + sum, 'A' + sum))
            return false;
        for (size_t c = 0; c < ncrit; c++)
            if (!xw_append(buf, len, &used, ",%s!$%c:$%c,", ref, 'A' + crit[c].col, 'A' + crit[c].col) ||
                !xw_append_literal(buf, len, &used, crit[c].value))
                return false;
        if (!xw_append(buf, len, &used, ")"))
            return false;
    }
    return true;
}

/* Writes a SUMIFS total with its cached value; an over-long formula is an
 * error (it cannot happen below ~40 Calculation sheets). */
static void xw_sumifs_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, rpt_calc_col sum,
                           const xw_crit *crit, size_t ncrit, double cached, rpt_fmt_id f)
{
    char formula[XW_FORMULA_MAX];
    if (!xw_sumifs(w, formula, sizeof formula, sum, crit, ncrit)) {
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a SUMIFS formula (too long)");
        return;
    }
    rpt_xl_formula(&w->xl, ws, row, col, formula, cached, f);
}

/* The format for tonnes of gas g: more decimals for the small CH4/N2O. */
static rpt_fmt_id xw_t_fmt(gas_id g, bool bold)
{
    if (g == GAS_CO2)
        return bold ? RPT_F_T_BOLD : RPT_F_T;
    return bold ? RPT_F_T_SMALL_BOLD : RPT_F_T_SMALL;
}

/* ---------------------------------------------------------------- Summary */

/* Writes the Summary's title and the inventory's identity (rows 0..4). */
static void xw_summary_head(xw *w, lxw_worksheet *ws)
{
    const inventory *inv = eng_inventory(w->r);
    const gwp_set *gwp = eng_gwp(w->r);
    const char *name = inv->title ? inv->title : inv->id;
    char buf[1024];
    rpt_fmt(buf, sizeof buf, "%s%s%s", rpt_label(RPT_L_TITLE, w->zh), w->zh ? "：" : ": ", name ? name : "");
    rpt_xl_str(&w->xl, ws, SUM_ROW_TITLE, 0, buf, RPT_F_TITLE);
    rpt_xl_pair(&w->xl, ws, SUM_ROW_INVENTORY, rpt_label(RPT_L_INVENTORY, w->zh), inv->id);
    rpt_xl_pair(&w->xl, ws, SUM_ROW_INVENTORY + 1, rpt_label(RPT_L_REGION, w->zh), inv->region);
    rpt_xl_str(&w->xl, ws, SUM_ROW_INVENTORY + 2, 0, rpt_label(RPT_L_YEAR, w->zh), RPT_F_BOLD);
    if (inv->year)
        rpt_xl_num(&w->xl, ws, SUM_ROW_INVENTORY + 2, 1, (double)inv->year, RPT_F_INT);
    rpt_fmt(buf, sizeof buf, "%s%s%s", gwp->id, gwp->title ? ": " : "", gwp->title ? gwp->title : "");
    rpt_xl_pair(&w->xl, ws, SUM_ROW_INVENTORY + 3, rpt_label(RPT_L_GWP_SET, w->zh), buf);
}

/* Writes totals by gas (t and t CO2e), the total CO2e and the biogenic CO2
 * memo item, each a SUMIFS over Calculation cached with the engine's sums. */
static void xw_summary_gases(xw *w, lxw_worksheet *ws)
{
    static const rpt_label_id hdr[] = {RPT_L_GAS, RPT_L_EMISSION_T, RPT_L_EMISSION_T_CO2E};
    eng_cat_total all = eng_total_under(w->r, "");
    double co2e[GAS_COUNT];
    rpt_gas_co2e(w->r, co2e);
    rpt_xl_str(&w->xl, ws, SUM_ROW_GAS_HEADING, 0, rpt_label(RPT_L_BY_GAS, w->zh), RPT_F_BOLD);
    rpt_xl_header(&w->xl, ws, SUM_ROW_GAS_HEADER, hdr, 3, w->zh);
    for (int g = 0; g < RPT_NGAS; g++) {
        lxw_row_t row = SUM_ROW_GAS0 + (lxw_row_t)g;
        xw_crit c[] = {{RPT_C_GAS, gas_name((gas_id)g)}, {RPT_C_MEMO, RPT_MEMO_NO}};
        rpt_xl_str(&w->xl, ws, row, 0, gas_name((gas_id)g), RPT_F_NONE);
        xw_sumifs_cell(w, ws, row, 1, RPT_C_EMISSION, c, 2, all.t[g], xw_t_fmt((gas_id)g, false));
        xw_sumifs_cell(w, ws, row, 2, RPT_C_CO2E, c, 2, co2e[g], RPT_F_T);
    }
    xw_crit no_memo[] = {{RPT_C_MEMO, RPT_MEMO_NO}};
    rpt_xl_str(&w->xl, ws, SUM_ROW_TOTAL, 0, rpt_label(RPT_L_TOTAL, w->zh), RPT_F_BOLD);
    xw_sumifs_cell(w, ws, SUM_ROW_TOTAL, 2, RPT_C_CO2E, no_memo, 1, all.t_co2e, RPT_F_T_BOLD);
    xw_crit memo[] = {{RPT_C_GAS, gas_name(GAS_CO2)}, {RPT_C_MEMO, RPT_MEMO_YES}};
    rpt_xl_str(&w->xl, ws, SUM_ROW_MEMO, 0, rpt_label(RPT_L_MEMO_BIO, w->zh), RPT_F_NONE);
    xw_sumifs_cell(w, ws, SUM_ROW_MEMO, 1, RPT_C_EMISSION, memo, 2, all.memo_bio_co2_t, RPT_F_T);
}

/* Writes one row per sector (depth-3 category) with its CO2e and share of
 * the total; returns the number of sector rows. */
static unsigned xw_summary_sectors(xw *w, lxw_worksheet *ws)
{
    static const rpt_label_id hdr[] = {RPT_L_SECTOR, RPT_L_NAME, RPT_L_EMISSION_T_CO2E, RPT_L_SHARE};
    const eng_cat_total *cats;
    size_t n = eng_categories(w->r, &cats), i = 0, first;
    double total = eng_total_under(w->r, "").t_co2e;
    char code[64], share[96];
    unsigned k = 0;
    rpt_xl_str(&w->xl, ws, SUM_ROW_SECTOR_HEADING, 0, rpt_label(RPT_L_BY_SECTOR, w->zh), RPT_F_BOLD);
    rpt_xl_header(&w->xl, ws, SUM_ROW_SECTOR_HEADER, hdr, 4, w->zh);
    for (; rpt_sector_next(cats, n, &i, &first, code, sizeof code); k++) {
        lxw_row_t row = SUM_ROW_SECTOR0 + k;
        eng_cat_total t = rpt_group_total(cats, first, i, code);
        xw_crit c[] = {{RPT_C_SECTOR, code}, {RPT_C_MEMO, RPT_MEMO_NO}};
        rpt_xl_str(&w->xl, ws, row, 0, code, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 1, cat_name(code, w->zh), RPT_F_NONE);
        xw_sumifs_cell(w, ws, row, 2, RPT_C_CO2E, c, 2, t.t_co2e, RPT_F_T);
        snprintf(share, sizeof share, "=IF($C$%u=0,0,C%u/$C$%u)", SUM_ROW_TOTAL + 1, row + 1, SUM_ROW_TOTAL + 1);
        rpt_xl_formula(&w->xl, ws, row, 3, share, total == 0 ? 0 : t.t_co2e / total, RPT_F_PCT);
    }
    return k;
}

/* Adds a chart of `type` with one series (categories and values given as
 * Summary ranges) and inserts it at (row, col). */
static void xw_chart(xw *w, lxw_worksheet *ws, uint8_t type, const char *cats, const char *vals, rpt_label_id title,
                     lxw_row_t row, lxw_col_t col)
{
    if (w->xl.err)
        return;
    lxw_chart *ch = workbook_add_chart(w->xl.wb, type);
    lxw_chart_series *s = ch ? chart_add_series(ch, cats, vals) : NULL;
    if (!s) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart");
        return;
    }
    chart_title_set_name(ch, rpt_label(title, w->zh));
    if (type == LXW_CHART_COLUMN) {
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        chart_axis_set_name(ch->y_axis, "t CO2e");
    } else {
        chart_series_set_labels(s);
        chart_series_set_labels_options(s, LXW_FALSE, LXW_FALSE, LXW_FALSE);
        chart_series_set_labels_percentage(s);
    }
    rpt_xl_check(&w->xl, worksheet_insert_chart(ws, row, col, ch), "inserting a chart");
}

/* Writes the Summary sheet: identity, totals by gas, sectors, two charts. */
static void xw_summary(xw *w)
{
    static const double widths[] = {36, 44, 20, 10};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Summary");
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, sizeof widths / sizeof *widths);
    xw_summary_head(w, ws);
    xw_summary_gases(w, ws);
    unsigned nsec = xw_summary_sectors(w, ws);
    char cats[64], vals[64];
    if (nsec) {
        snprintf(cats, sizeof cats, "=Summary!$B$%u:$B$%u", SUM_ROW_SECTOR0 + 1, SUM_ROW_SECTOR0 + nsec);
        snprintf(vals, sizeof vals, "=Summary!$C$%u:$C$%u", SUM_ROW_SECTOR0 + 1, SUM_ROW_SECTOR0 + nsec);
        xw_chart(w, ws, LXW_CHART_PIE, cats, vals, RPT_L_CHART_SECTOR, SUM_ROW_INVENTORY, 5);
    }
    snprintf(cats, sizeof cats, "=Summary!$A$%u:$A$%u", SUM_ROW_GAS0 + 1, SUM_ROW_GAS0 + RPT_NGAS);
    snprintf(vals, sizeof vals, "=Summary!$C$%u:$C$%u", SUM_ROW_GAS0 + 1, SUM_ROW_GAS0 + RPT_NGAS);
    xw_chart(w, ws, LXW_CHART_COLUMN, cats, vals, RPT_L_CHART_GAS, SUM_ROW_INVENTORY + 16, 5);
}

/* -------------------------------------------------------- Sectoral table */

/* Writes one Sectoral row: code, name and SUMIFS totals matching `match`
 * (Category or Sector column; RPT_C_COUNT for the grand total). */
static void xw_sectoral_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const char *code, const char *name,
                            rpt_calc_col match, const eng_cat_total *t, bool bold)
{
    xw_crit c[3];
    size_t n = 0;
    if (match != RPT_C_COUNT)
        c[n++] = (xw_crit){match, code};
    rpt_xl_str(&w->xl, ws, row, SEC_COL_CODE, code, bold ? RPT_F_BOLD : RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, SEC_COL_NAME, name, bold ? RPT_F_BOLD : RPT_F_NONE);
    for (int g = 0; g < RPT_NGAS; g++) {
        c[n] = (xw_crit){RPT_C_GAS, gas_name((gas_id)g)};
        c[n + 1] = (xw_crit){RPT_C_MEMO, RPT_MEMO_NO};
        xw_sumifs_cell(w, ws, row, SEC_COL_GAS0 + (lxw_col_t)g, RPT_C_EMISSION, c, n + 2, t->t[g],
                       xw_t_fmt((gas_id)g, bold));
    }
    c[n] = (xw_crit){RPT_C_MEMO, RPT_MEMO_NO};
    xw_sumifs_cell(w, ws, row, SEC_COL_CO2E, RPT_C_CO2E, c, n + 1, t->t_co2e, bold ? RPT_F_T_BOLD : RPT_F_T);
    c[n] = (xw_crit){RPT_C_GAS, gas_name(GAS_CO2)};
    c[n + 1] = (xw_crit){RPT_C_MEMO, RPT_MEMO_YES};
    xw_sumifs_cell(w, ws, row, SEC_COL_MEMO, RPT_C_EMISSION, c, n + 2, t->memo_bio_co2_t,
                   bold ? RPT_F_T_BOLD : RPT_F_T);
}

/* Writes the Sectoral table: per sector a bold subtotal row (over the
 * Sector column) followed by its categories (exact match on Category), then
 * the grand total. A category shallower than a sector is its own row. */
static void xw_sectoral(xw *w)
{
    static const rpt_label_id hdr[SEC_NCOLS] = {RPT_L_CATEGORY, RPT_L_NAME,   RPT_L_CO2_T,     RPT_L_CH4_T,
                                                RPT_L_N2O_T,    RPT_L_CO2E_T, RPT_L_MEMO_BIO_T};
    static const double widths[SEC_NCOLS] = {12, 48, 16, 14, 14, 16, 16};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Sectoral table");
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, SEC_NCOLS);
    rpt_xl_header(&w->xl, ws, 0, hdr, SEC_NCOLS, w->zh);
    worksheet_freeze_panes(ws, 1, 0);
    const eng_cat_total *cats;
    size_t n = eng_categories(w->r, &cats), i = 0, first;
    lxw_row_t row = 1;
    char code[64];
    while (rpt_sector_next(cats, n, &i, &first, code, sizeof code)) {
        eng_cat_total t = rpt_group_total(cats, first, i, code);
        if (cat_depth(code) == RPT_SECTOR_DEPTH)
            xw_sectoral_row(w, ws, row++, code, cat_name(code, w->zh), RPT_C_SECTOR, &t, true);
        for (size_t k = first; k < i; k++)
            if (strcmp(cats[k].category, code) != 0 || cat_depth(code) != RPT_SECTOR_DEPTH)
                xw_sectoral_row(w, ws, row++, cats[k].category, cat_name(cats[k].category, w->zh), RPT_C_CATEGORY,
                                &cats[k], false);
    }
    eng_cat_total all = eng_total_under(w->r, "");
    xw_sectoral_row(w, ws, row, rpt_label(RPT_L_TOTAL, w->zh), "", RPT_C_COUNT, &all, true);
}

/* ----------------------------------------------------------- Calculation */

/* Adds Calculation sheet k with its header, widths, frozen header row and
 * an autofilter over its `nrows` data rows. */
static lxw_worksheet *xw_calc_sheet(xw *w, unsigned k, size_t nrows)
{
    static const double widths[RPT_C_COUNT] = {8,  34, 10, 8,  24, 6,  12, 10, 10, 10, 14, 12, 10,
                                               10, 10, 9,  14, 6,  14, 8,  40, 40, 40, 10, 30};
    char name[32];
    xw_calc_name(k, name, sizeof name);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, name);
    if (!ws)
        return NULL;
    rpt_xl_widths(&w->xl, ws, widths, RPT_C_COUNT);
    rpt_xl_header(&w->xl, ws, 0, rpt_calc_labels, RPT_C_COUNT, w->zh);
    worksheet_freeze_panes(ws, 1, 0);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows, RPT_C_COUNT - 1), "setting the autofilter");
    return ws;
}

/* Writes columns A..P of a Calculation row: the record, the activity and
 * the factors, with energy L = G*I*J. */
static void xw_calc_inputs(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_line *l, const rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(w->r), l->rec);
    rpt_xl *x = &w->xl;
    char f[96];
    unsigned r1 = row + 1;
    rpt_xl_num(x, ws, row, RPT_C_RECORD, (double)l->rec + 1, RPT_F_INT);
    rpt_xl_str(x, ws, row, RPT_C_INPUT, t->input, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_CATEGORY, rec->category, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_SECTOR, t->sector, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_FUEL, rec->key, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_GAS, gas_name(l->gas), RPT_F_NONE);
    rpt_xl_num(x, ws, row, RPT_C_AMOUNT, l->amount, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RPT_C_UNIT, rec->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, RPT_C_UNIT_FACTOR, l->unit_factor, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RPT_C_NCV, l->ncv, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RPT_C_NCV_UNIT, t->ncv_unit, RPT_F_NONE);
    snprintf(f, sizeof f, "=G%u*I%u*J%u", r1, r1, r1);
    rpt_xl_formula(x, ws, row, RPT_C_ENERGY, f, l->energy_tj, RPT_F_TJ);
    rpt_xl_num(x, ws, row, RPT_C_EF, l->ef, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RPT_C_EF_UNIT, t->ef_unit, RPT_F_NONE);
    rpt_xl_num(x, ws, row, RPT_C_EF_FACTOR, l->ef_factor, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RPT_C_OXIDATION, l->oxidation, RPT_F_FACTOR);
}

/* Writes a "set: reference" source cell. */
static void xw_src(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const rpt_src *s)
{
    char stack[1024];
    char *text = rpt_src_join(s, stack, sizeof stack);
    if (!text) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "joining a source text");
        return;
    }
    rpt_xl_str(&w->xl, ws, row, col, text, RPT_F_NONE);
    if (text != stack)
        free(text);
}

/* Writes columns Q..Y: emission Q = L*M*O*P, GWP, CO2e S = Q*R, the memo
 * flag, the three sources, the activity's uncertainty and data source. */
static void xw_calc_results(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_line *l, const rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(w->r), l->rec);
    rpt_xl *x = &w->xl;
    char f[96];
    unsigned r1 = row + 1;
    snprintf(f, sizeof f, "=L%u*M%u*O%u*P%u", r1, r1, r1, r1);
    rpt_xl_formula(x, ws, row, RPT_C_EMISSION, f, l->emission_t, xw_t_fmt(l->gas, false));
    rpt_xl_num(x, ws, row, RPT_C_GWP, l->gwp, RPT_F_GENERAL);
    snprintf(f, sizeof f, "=Q%u*R%u", r1, r1);
    rpt_xl_formula(x, ws, row, RPT_C_CO2E, f, l->emission_t_co2e, RPT_F_T);
    rpt_xl_str(x, ws, row, RPT_C_MEMO, t->memo, RPT_F_NONE);
    xw_src(w, ws, row, RPT_C_NCV_SRC, &t->ncv_src);
    xw_src(w, ws, row, RPT_C_EF_SRC, &t->ef_src);
    xw_src(w, ws, row, RPT_C_OX_SRC, &t->ox_src);
    rpt_xl_num(x, ws, row, RPT_C_UNCERTAINTY, rec->uncertainty_pct, RPT_F_UNC);
    rpt_xl_str(x, ws, row, RPT_C_DATA_SOURCE, rec->source, RPT_F_NONE);
}

/* Writes every record x gas row in order, left to right, starting a new
 * Calculation sheet every RPT_CALC_ROWS_MAX rows (constant_memory safe). */
static void xw_calculation(xw *w)
{
    const inventory *inv = eng_inventory(w->r);
    eng_line lines[GAS_COUNT];
    rpt_line_text t;
    size_t k = 0;
    lxw_worksheet *ws = xw_calc_sheet(w, 0, w->nlines < RPT_CALC_ROWS_MAX ? w->nlines : RPT_CALC_ROWS_MAX);
    for (size_t i = 0; i < inv->n && !w->xl.err; i++) {
        size_t n = eng_lines(w->r, i, lines);
        for (size_t j = 0; j < n && !w->xl.err; j++, k++) {
            if (k && k % RPT_CALC_ROWS_MAX == 0) {
                size_t left = w->nlines - k;
                ws = xw_calc_sheet(w, (unsigned)(k / RPT_CALC_ROWS_MAX),
                                   left < RPT_CALC_ROWS_MAX ? left : RPT_CALC_ROWS_MAX);
                if (!ws)
                    return;
            }
            lxw_row_t row = (lxw_row_t)(k % RPT_CALC_ROWS_MAX) + 1;
            rpt_line_text_fill(w->r, &lines[j], w->zh, &t);
            xw_calc_inputs(w, ws, row, &lines[j], &t);
            xw_calc_results(w, ws, row, &lines[j], &t);
        }
    }
}

/* --------------------------------------------------------------- Factors */

/* Writes one used factor: what, for which fuel and category, its value,
 * range, quality tags and where it was defined. */
static void xw_factor_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_hit *h)
{
    const fset_value *v = h->v;
    rpt_xl *x = &w->xl;
    char buf[4200];
    rpt_xl_str(x, ws, row, 0, h->param, RPT_F_NONE);
    rpt_xl_str(x, ws, row, 1, h->entry ? h->entry->key : rpt_label(RPT_L_RECORD_OVERRIDE, w->zh), RPT_F_NONE);
    if (h->entry)
        rpt_xl_str(x, ws, row, 2, h->entry->category ? h->entry->category : rpt_label(RPT_L_ALL, w->zh), RPT_F_NONE);
    rpt_xl_num(x, ws, row, 3, v->value, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, 4, v->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, 5, v->lower, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, 6, v->upper, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, 7, v->uncertainty_pct, RPT_F_UNC);
    snprintf(buf, sizeof buf, "%c", v->confidence);
    rpt_xl_str(x, ws, row, 8, buf, RPT_F_NONE);
    if (v->tier)
        rpt_xl_num(x, ws, row, 9, v->tier, RPT_F_INT);
    rpt_xl_str(x, ws, row, 10, h->set_id, RPT_F_NONE);
    rpt_xl_str(x, ws, row, 11, v->ref, RPT_F_NONE);
    rpt_xl_str(x, ws, row, 12, v->note, RPT_F_NONE);
    buf[0] = '\0';
    if (v->at.file)
        rpt_fmt(buf, sizeof buf, "%s:%u", v->at.file, v->at.line);
    rpt_xl_str(x, ws, row, 13, buf, RPT_F_NONE);
}

/* Writes the Factors sheet: every factor value used, in first-use order. */
static void xw_factors(xw *w)
{
    static const rpt_label_id hdr[] = {RPT_L_PARAMETER,  RPT_L_FUEL,      RPT_L_CATEGORY, RPT_L_VALUE,
                                       RPT_L_UNIT,       RPT_L_LOWER,     RPT_L_UPPER,    RPT_L_UNCERTAINTY,
                                       RPT_L_CONFIDENCE, RPT_L_TIER,      RPT_L_SET,      RPT_L_REFERENCE,
                                       RPT_L_NOTE,       RPT_L_DEFINED_AT};
    static const double widths[] = {14, 24, 10, 12, 10, 10, 10, 10, 10, 8, 18, 50, 40, 40};
    const size_t ncols = sizeof hdr / sizeof *hdr;
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Factors");
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, ncols);
    rpt_xl_header(&w->xl, ws, 0, hdr, ncols, w->zh);
    worksheet_freeze_panes(ws, 1, 0);
    const eng_hit *used;
    size_t n = eng_factors_used(w->r, &used);
    for (size_t i = 0; i < n; i++)
        xw_factor_row(w, ws, (lxw_row_t)i + 1, &used[i]);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, (lxw_col_t)(ncols - 1)),
                 "setting the autofilter");
}

/* ----------------------------------------------------------------- About */

/* Writes the run's identity rows: tool, command, inventory, GWP set,
 * language; returns the next free row. */
static lxw_row_t xw_about_run(xw *w, lxw_worksheet *ws)
{
    const inventory *inv = eng_inventory(w->r);
    const gwp_set *gwp = eng_gwp(w->r);
    rpt_xl *x = &w->xl;
    lxw_row_t row = 0;
    rpt_xl_str(x, ws, row++, 0, "ghgcalc", RPT_F_TITLE);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_TOOL, w->zh), "ghgcalc");
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_VERSION, w->zh), w->m->tool_version);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_COMMAND, w->zh), w->m->command_line);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_INVENTORY, w->zh), inv->id);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_INV_TITLE, w->zh), inv->title);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_REGION, w->zh), inv->region);
    rpt_xl_str(x, ws, row, 0, rpt_label(RPT_L_YEAR, w->zh), RPT_F_BOLD);
    if (inv->year)
        rpt_xl_num(x, ws, row, 1, (double)inv->year, RPT_F_INT);
    row++;
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_GWP_SET, w->zh), gwp->id);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_GWP_TITLE, w->zh), gwp->title);
    rpt_xl_pair(x, ws, row++, rpt_label(RPT_L_LANGUAGE, w->zh), rpt_label(RPT_L_LANGUAGE_NAME, w->zh));
    return row + 1;
}

/* Writes the factor sets in search order from `row`; returns the next
 * free row. */
static lxw_row_t xw_about_sets(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    static const rpt_label_id hdr[] = {RPT_L_ID, RPT_L_INV_TITLE, RPT_L_VERSION, RPT_L_SOURCE};
    eng_order o = eng_search_order(w->r);
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_label(RPT_L_FACTOR_SETS, w->zh), RPT_F_BOLD);
    rpt_xl_header(&w->xl, ws, row++, hdr, 4, w->zh);
    for (size_t i = 0; i < o.n; i++, row++) {
        rpt_xl_str(&w->xl, ws, row, 0, o.sets[i]->id, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 1, o.sets[i]->title, RPT_F_WRAP);
        rpt_xl_str(&w->xl, ws, row, 2, o.sets[i]->version, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 3, o.sets[i]->source, RPT_F_WRAP);
    }
    return row + 1;
}

/* Writes the input files with their SHA-256 and the notes from `row`. */
static void xw_about_inputs(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    static const rpt_label_id hdr[] = {RPT_L_PATH, RPT_L_SHA256};
    const inventory *inv = eng_inventory(w->r);
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_label(RPT_L_INPUT_FILES, w->zh), RPT_F_BOLD);
    rpt_xl_header(&w->xl, ws, row++, hdr, 2, w->zh);
    for (size_t i = 0; i < w->m->ninputs; i++, row++) {
        rpt_xl_str(&w->xl, ws, row, 0, w->m->input_paths[i], RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 1, w->m->input_sha256 ? w->m->input_sha256[i] : NULL, RPT_F_NONE);
    }
    row++;
    rpt_xl_pair(&w->xl, ws, row++, rpt_label(RPT_L_NOTES, w->zh), rpt_label(RPT_L_METHOD_NOTE, w->zh));
    if (inv->notes && *inv->notes)
        rpt_xl_pair(&w->xl, ws, row, rpt_label(RPT_L_INV_NOTES, w->zh), inv->notes);
}

/* Writes the About sheet. */
static void xw_about(xw *w)
{
    static const double widths[] = {30, 70, 10, 70};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "About");
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, 4);
    lxw_row_t row = xw_about_run(w, ws);
    row = xw_about_sets(w, ws, row);
    xw_about_inputs(w, ws, row);
}

/* ------------------------------------------------------------ the writer */

/* Sets the document properties from the inventory's identity. */
static void xw_properties(xw *w)
{
    const inventory *inv = eng_inventory(w->r);
    char title[512], subject[512], comments[128];
    rpt_fmt(title, sizeof title, "%s %s", rpt_label(RPT_L_TITLE, w->zh), inv->id ? inv->id : "");
    rpt_fmt(subject, sizeof subject, "%s %ld", inv->region ? inv->region : "", inv->year);
    rpt_fmt(comments, sizeof comments, "ghgcalc %s", w->m->tool_version ? w->m->tool_version : "");
    rpt_xl_properties(&w->xl, title, subject, comments);
}

/* Writes the workbook; sheets in the order Summary, Sectoral table,
 * Calculation (more sheets past Excel's row limit), Factors, About. */
int rpt_inventory_xlsx(const eng_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    xw w = {.r = r, .m = m, .zh = m->zh};
    w.nlines = rpt_line_count(r);
    w.ncalc = (unsigned)((w.nlines + RPT_CALC_ROWS_MAX - 1) / RPT_CALC_ROWS_MAX);
    if (w.ncalc == 0)
        w.ncalc = 1;
    if (!rpt_xl_open(&w.xl, path, m, err, errlen))
        return -1;
    xw_properties(&w);
    xw_summary(&w);
    xw_sectoral(&w);
    xw_calculation(&w);
    xw_factors(&w);
    xw_about(&w);
    return rpt_xl_close(&w.xl, path, err, errlen);
}
