/* inventory_xlsx_lines.c - the workbook's rows: Calculation (fuel combustion) and a sheet per product-method sector. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_xlsx.h"

/* Sheet base names by group; sheet k > 0 of a group is "<name> <k+1>". */
static const rpt_label_id xw_group_names[XG_COUNT] = {
    [XG_CALC] = IL_SHEET_CALC,
    [XG_FUGITIVE] = IL_SHEET_FUGITIVE,
    [XG_INDUSTRY] = IL_SHEET_INDUSTRY,
    [XG_AGRICULTURE] = IL_SHEET_AGRICULTURE,
    [XG_FOREST] = IL_SHEET_FOREST,
    [XG_WASTE] = IL_SHEET_WASTE,
    [XG_OTHER] = IL_SHEET_OTHER,
};

/* Columns of a product-method sheet before the term groups: the first
 * eight are the Calculation sheet's (xw_line_head writes them on both). */
enum {
    P_RECORD = RPT_C_RECORD,
    P_INPUT = RPT_C_INPUT,
    P_CATEGORY = RPT_C_CATEGORY,
    P_SECTOR = RPT_C_SECTOR,
    P_ACTIVITY = RPT_C_FUEL,
    P_GAS = RPT_C_GAS,
    P_AMOUNT = RPT_C_AMOUNT,
    P_UNIT = RPT_C_UNIT,
    P_TERM0
};

/* Columns after the N term groups, from P_TERM0 + 3N. */
enum { PA_EF, PA_EF_UNIT, PA_EF_SRC, PA_CONV, PA_CONV_NOTE, PA_EMISSION, PA_GWP, PA_CO2E, PA_UNC, PA_DATA, PA_COUNT };

/* The group of a line: combustion lines go to Calculation, product-method
 * lines to their sector's sheet. */
static xw_group_id xw_group_of(const eng_result *r, const eng_line *l)
{
    if (!l->chain)
        return XG_CALC;
    const char *cat = inv_rec(eng_inventory(r), l->rec)->category;
    if (cat_under(cat, "1.B"))
        return XG_FUGITIVE;
    if (cat_under(cat, "2"))
        return XG_INDUSTRY;
    if (cat_under(cat, RPT_LULUCF))
        return XG_FOREST;
    if (cat_under(cat, "3"))
        return XG_AGRICULTURE;
    if (cat_under(cat, "4"))
        return XG_WASTE;
    return XG_OTHER;
}

/* Name of sheet k (0-based) of group g. */
static void xw_sheet_name(const xw *w, xw_group_id g, unsigned k, char *buf, size_t len)
{
    if (k == 0)
        snprintf(buf, len, "%s", xw_sheet(w, xw_group_names[g]));
    else
        snprintf(buf, len, "%s %u", xw_sheet(w, xw_group_names[g]), k + 1);
}

/* Notes what record i's lines hold in its category's w->cinfo (looked up
 * once per run of records of the same category). */
static void xw_note_lines(xw *w, size_t i, const eng_line *lines, size_t n, const char **last, size_t *ci)
{
    const inv_record *rec = inv_rec(eng_inventory(w->r), i);
    if (rec->category != *last) {
        *last = rec->category;
        *ci = xw_cat_index(w, rec->category);
    }
    xw_catinfo *c = w->cinfo && *ci != (size_t)-1 ? &w->cinfo[*ci] : NULL;
    if (c)
        c->not_est |= rec->not_estimated;
    for (size_t j = 0; j < n; j++) {
        if (c && lines[j].memo)
            c->memo = true;
        else if (c)
            c->gases |= 1u << lines[j].gas;
    }
}

/* First column after the term groups of a product sheet with n terms. */
static lxw_col_t xw_after(unsigned nterms) { return (lxw_col_t)(P_TERM0 + 3 * nterms); }

/* Counts every group's rows and terms, then adds each sheet as a source. */
bool xw_lines_plan(xw *w)
{
    const inventory *inv = eng_inventory(w->r);
    eng_line lines[GAS_COUNT];
    const char *last = NULL;
    size_t ci = (size_t)-1;
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(w->r, i, lines);
        xw_note_lines(w, i, lines, n, &last, &ci);
        for (size_t j = 0; j < n; j++) {
            xw_group *g = &w->g[xw_group_of(w->r, &lines[j])];
            g->nlines++;
            xw_gwp_use(w, lines[j].gas, lines[j].gwp_origin);
            if (lines[j].chain && lines[j].chain->nterms > g->nterms)
                g->nterms = lines[j].chain->nterms;
        }
    }
    for (int gi = 0; gi < XG_COUNT; gi++) {
        xw_group *g = &w->g[gi];
        g->nsheets = (unsigned)((g->nlines + RPT_CALC_ROWS_MAX - 1) / RPT_CALC_ROWS_MAX);
        if (gi == XG_CALC && g->nsheets == 0)
            g->nsheets = 1; /* the fuel-combustion sheet is always there */
        if (!g->nsheets)
            continue;
        g->ws = calloc(g->nsheets, sizeof *g->ws);
        if (!g->ws)
            return false;
        int col[XK_COUNT];
        if (gi == XG_CALC) {
            col[XK_CATEGORY] = RPT_C_CATEGORY;
            col[XK_SECTOR] = RPT_C_SECTOR;
            col[XK_GAS] = RPT_C_GAS;
            col[XK_EMISSION] = RPT_C_EMISSION;
            col[XK_CO2E] = RPT_C_CO2E;
            col[XK_MEMO] = RPT_C_MEMO;
        } else {
            lxw_col_t a = xw_after(g->nterms);
            col[XK_CATEGORY] = P_CATEGORY;
            col[XK_SECTOR] = P_SECTOR;
            col[XK_GAS] = P_GAS;
            col[XK_EMISSION] = a + PA_EMISSION;
            col[XK_CO2E] = a + PA_CO2E;
            col[XK_MEMO] = XW_NO_COL;
        }
        for (unsigned k = 0; k < g->nsheets; k++) {
            char name[XW_SHEET_NAME_MAX];
            xw_sheet_name(w, (xw_group_id)gi, k, name, sizeof name);
            xw_add_source(w, name, col, false, 0, 0);
        }
    }
    return true;
}

void xw_lines_free(xw *w)
{
    for (int gi = 0; gi < XG_COUNT; gi++) {
        free(w->g[gi].ws);
        w->g[gi].ws = NULL;
    }
}

/* ----------------------------------------------------------- Calculation */

/* Adds Calculation sheet k with its header, widths, an autofilter over its
 * `nrows` data rows, and the header row and the columns up to the gas
 * frozen (the record stays in view while scrolling to the sources). */
static lxw_worksheet *xw_calc_sheet(xw *w, unsigned k, size_t nrows)
{
    static const double widths[RPT_C_COUNT] = {8,  30, 10, 8,  22, 6,  12, 10, 10, 10, 14, 12, 10,
                                               10, 10, 9,  14, 6,  14, 9,  40, 40, 40, 11, 30};
    char name[XW_SHEET_NAME_MAX];
    xw_sheet_name(w, XG_CALC, k, name, sizeof name);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, name);
    if (!ws)
        return NULL;
    rpt_xl_widths(&w->xl, ws, widths, RPT_C_COUNT);
    xw_header_labels(w, ws, 0, rpt_calc_labels, RPT_C_COUNT); /* the emissions in t or 10^4 t */
    rpt_xl_freeze(&w->xl, ws, 1, RPT_C_AMOUNT);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows, RPT_C_COUNT - 1), "setting the autofilter");
    rpt_xl_print_area(&w->xl, ws, (lxw_row_t)nrows, RPT_C_COUNT - 1);
    return ws;
}

/* Writes the first columns of a Calculation or product-method row: record
 * number, input position, category, sector, fuel or activity, gas, amount
 * and unit. */
static void xw_line_head(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_line *l, const rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(w->r), l->rec);
    rpt_xl *x = &w->xl;
    rpt_xl_num(x, ws, row, RPT_C_RECORD, (double)l->rec + 1, RPT_F_INT);
    rpt_xl_str(x, ws, row, RPT_C_INPUT, t->input, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_CATEGORY, rec->category, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_SECTOR, t->sector, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_FUEL, eng_rec_key(w->r, l->rec), RPT_F_NONE);
    rpt_xl_str(x, ws, row, RPT_C_GAS, gas_name(l->gas), RPT_F_NONE);
    rpt_xl_num(x, ws, row, RPT_C_AMOUNT, l->amount, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RPT_C_UNIT, rec->unit_text, RPT_F_NONE);
}

/* Writes columns A..P of a Calculation row: the record, the activity and
 * the factors, with Energy = Amount x Unit factor x NCV (L = G*I*J). NCV,
 * EF and oxidation refer to their cells on Factors (an oxidation in % with
 * "*0.01"); an energy input's NCV and the default oxidation of 1 are
 * numbers. */
static void xw_calc_inputs(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_line *l, const rpt_line_text *t)
{
    static const lxw_col_t energy[] = {RPT_C_AMOUNT, RPT_C_UNIT_FACTOR, RPT_C_NCV};
    const eng_res *res = l->res;
    const fset_value *ox = l->gas == GAS_CO2 ? res->oxid.v : NULL;
    const eng_result *r = w->r;
    rpt_xl *x = &w->xl;
    xw_line_head(w, ws, row, l, t);
    rpt_xl_num(x, ws, row, RPT_C_UNIT_FACTOR, l->unit_factor, RPT_F_GENERAL);
    xw_factor_cell(w, ws, row, RPT_C_NCV, eng_factor_index(r, res, &res->ncv), 1.0, l->ncv, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RPT_C_NCV_UNIT, t->ncv_unit, RPT_F_NONE);
    rpt_xl_product(x, ws, row, RPT_C_ENERGY, energy, 3, l->energy_tj, RPT_F_TJ);
    xw_factor_cell(w, ws, row, RPT_C_EF, eng_factor_index(r, res, &res->ef[l->gas]), 1.0, l->ef, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RPT_C_EF_UNIT, t->ef_unit, RPT_F_NONE);
    rpt_xl_num(x, ws, row, RPT_C_EF_FACTOR, l->ef_factor, RPT_F_GENERAL);
    xw_factor_cell(w, ws, row, RPT_C_OXIDATION, ox ? eng_factor_index(r, res, &res->oxid) : (size_t)-1,
                   ox ? ox->unit.scale : 1.0, l->oxidation, RPT_F_FACTOR);
}

/* Writes columns Q..Y: Emission = Energy x EF x EF factor x Oxidation
 * (Q = L*M*O*P, "/10000" with --unit 10kt), GWP, CO2e = Emission x GWP
 * (S = Q*R, in Q's unit), the memo flag, the three sources, the activity's
 * uncertainty and data source. */
static void xw_calc_results(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_line *l, const rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(w->r), l->rec);
    static const lxw_col_t emission[] = {RPT_C_ENERGY, RPT_C_EF, RPT_C_EF_FACTOR, RPT_C_OXIDATION};
    static const lxw_col_t co2e[] = {RPT_C_EMISSION, RPT_C_GWP};
    rpt_xl *x = &w->xl;
    xw_mass_product(w, ws, row, RPT_C_EMISSION, emission, 4, l->emission_t, xw_row_fmt(w, l->gas));
    xw_gwp_cell(w, ws, row, RPT_C_GWP, l->gas, l->gwp_origin, l->gwp);
    rpt_xl_product(x, ws, row, RPT_C_CO2E, co2e, 2, xw_mass_shown(w, l->emission_t_co2e), xw_row_fmt(w, GAS_COUNT));
    rpt_xl_str(x, ws, row, RPT_C_MEMO, t->memo, RPT_F_NONE);
    rpt_xl_src(x, ws, row, RPT_C_NCV_SRC, &t->ncv_src);
    rpt_xl_src(x, ws, row, RPT_C_EF_SRC, &t->ef_src);
    rpt_xl_src(x, ws, row, RPT_C_OX_SRC, &t->ox_src);
    rpt_xl_num(x, ws, row, RPT_C_UNCERTAINTY, inv_rec_unc_pct(eng_inventory(w->r), rec), RPT_F_UNC);
    rpt_xl_str(x, ws, row, RPT_C_DATA_SOURCE, rec->source, RPT_F_NONE);
}

/* ------------------------------------------------------- sector sheets */

/* Writes the header of a product sheet with `nterms` term groups: the
 * widths first, then the texts (the row's height follows the longest). */
static void xw_prod_header(xw *w, lxw_worksheet *ws, unsigned nterms)
{
    static const rpt_label_id head[P_TERM0] = {IL_RECORD_NO, IL_INPUT, IL_CATEGORY, IL_SECTOR,
                                               IL_ACTIVITY,  IL_GAS,   IL_AMOUNT,   IL_UNIT};
    static const rpt_label_id tail[PA_COUNT] = {IL_EF,         IL_EF_UNIT,         IL_EF_SOURCE,
                                                IL_CONVERSION, IL_CONVERSION_NOTE, IL_EMISSION_T_GAS,
                                                IL_GWP,        IL_EMISSION_T_CO2E, IL_UNCERTAINTY,
                                                IL_DATA_SOURCE};
    static const double head_w[P_TERM0] = {8, 30, 10, 8, 30, 6, 12, 10};
    static const double term_w[3] = {10, 26, 40};
    static const double tail_w[PA_COUNT] = {10, 14, 40, 12, 26, 14, 8, 14, 11, 30};
    static const rpt_label_id suffix[3] = {0, IL_TERM_NAME, IL_TERM_SOURCE}; /* the value column has none */
    rpt_xl *x = &w->xl;
    const char *sep = il_label(IL_TERM_SEP, w->zh);
    lxw_col_t a = xw_after(nterms);
    char terms[3 * ENG_MAX_TERMS][96];
    const char *texts[P_TERM0 + 3 * ENG_MAX_TERMS + PA_COUNT];
    rpt_xl_widths(x, ws, head_w, P_TERM0);
    for (unsigned c = 0; c < P_TERM0; c++)
        texts[c] = il_label(head[c], w->zh);
    for (unsigned k = 0; k < nterms && k < ENG_MAX_TERMS; k++) {
        for (unsigned c = 0; c < 3; c++) {
            lxw_col_t col = (lxw_col_t)(P_TERM0 + 3 * k + c);
            rpt_fmt(terms[3 * k + c], sizeof terms[0], "%s%s%u%s", il_label(IL_TERM, w->zh), sep, k + 1,
                    c ? il_label(suffix[c], w->zh) : "");
            texts[col] = terms[3 * k + c];
            rpt_xl_width(x, ws, col, col, term_w[c]);
        }
    }
    for (unsigned c = 0; c < PA_COUNT; c++) {
        texts[a + c] = xw_mass_label(w, tail[c]); /* the emissions in t or 10^4 t */
        rpt_xl_width(x, ws, (lxw_col_t)(a + c), (lxw_col_t)(a + c), tail_w[c]);
    }
    rpt_xl_header_strs(x, ws, 0, 0, texts, (size_t)a + PA_COUNT);
}

/* Adds sheet k of product group g with its header and an autofilter over
 * `nrows` data rows. */
static lxw_worksheet *xw_prod_sheet(xw *w, xw_group_id g, unsigned k, size_t nrows)
{
    char name[XW_SHEET_NAME_MAX];
    xw_sheet_name(w, g, k, name, sizeof name);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, name);
    if (!ws)
        return NULL;
    xw_prod_header(w, ws, w->g[g].nterms);
    rpt_xl_freeze(&w->xl, ws, 1, P_AMOUNT);
    lxw_col_t last = (lxw_col_t)(xw_after(w->g[g].nterms) + PA_COUNT - 1);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows, last), "setting the autofilter");
    rpt_xl_print_area(&w->xl, ws, (lxw_row_t)nrows, last);
    return ws;
}

/* Appends "*C5", "*(1-C5)" or "*(1+C5)" for the term in (row, col). */
static void xw_term_factor(char *f, size_t len, size_t *used, fset_term kind, lxw_row_t row, lxw_col_t col)
{
    rpt_ref c = rpt_xl_cell(row, col);
    int n = kind == FSET_TERM_ONE_MINUS  ? snprintf(f + *used, len - *used, "*(1-%s)", c.s)
            : kind == FSET_TERM_ONE_PLUS ? snprintf(f + *used, len - *used, "*(1+%s)", c.s)
                                         : snprintf(f + *used, len - *used, "*%s", c.s);
    if (n > 0 && (size_t)n < len - *used)
        *used += (size_t)n;
}

/* Writes one product-method row: the record, each term (value, name [unit],
 * source), EF, conversion, and Emission = Amount x each term (as written,
 * (1-x) or (1+x)) x EF x Conversion in the engine's order, so the cached
 * value is what Excel computes ("/10000" with --unit 10kt); CO2e =
 * Emission x GWP. */
static void xw_prod_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_line *l, const rpt_line_text *t,
                        unsigned nterms)
{
    const inv_record *rec = inv_rec(eng_inventory(w->r), l->rec);
    const eng_chain *c = l->chain;
    rpt_xl *x = &w->xl;
    char f[RPT_XL_FORMULA_MAX], name[256];
    size_t used = (size_t)snprintf(f, sizeof f, "=%s", rpt_xl_cell(row, P_AMOUNT).s);
    xw_line_head(w, ws, row, l, t);
    for (unsigned k = 0; k < c->nterms && k < nterms; k++) {
        lxw_col_t v = (lxw_col_t)(P_TERM0 + 3 * k);
        rpt_src s = rpt_hit_src(&c->term[k]);
        rpt_term_name(l, k, w->zh, name, sizeof name);
        double scale = c->kind[k] == FSET_TERM_MUL ? 1.0 : c->term[k].v->unit.scale;
        xw_factor_cell(w, ws, row, v, eng_factor_index(w->r, l->res, &c->term[k]), scale, l->term[k], RPT_F_GENERAL);
        rpt_xl_str(x, ws, row, v + 1, name, RPT_F_NONE);
        rpt_xl_src(x, ws, row, v + 2, &s);
        xw_term_factor(f, sizeof f, &used, c->kind[k], row, v);
    }
    lxw_col_t a = xw_after(nterms);
    xw_factor_cell(w, ws, row, a + PA_EF, eng_factor_index(w->r, l->res, &c->ef), 1.0, l->ef, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, a + PA_EF_UNIT, t->ef_unit, RPT_F_NONE);
    rpt_xl_src(x, ws, row, a + PA_EF_SRC, &t->ef_src);
    rpt_xl_num(x, ws, row, a + PA_CONV, l->ef_factor, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, a + PA_CONV_NOTE, c->conversion_note, RPT_F_NONE);
    xw_term_factor(f, sizeof f, &used, FSET_TERM_MUL, row, a + PA_EF);
    xw_term_factor(f, sizeof f, &used, FSET_TERM_MUL, row, a + PA_CONV);
    xw_mass_calc(w, ws, row, a + PA_EMISSION, f, l->emission_t, xw_row_fmt(w, l->gas));
    xw_gwp_cell(w, ws, row, a + PA_GWP, l->gas, l->gwp_origin, l->gwp);
    const lxw_col_t co2e[] = {a + PA_EMISSION, a + PA_GWP};
    rpt_xl_product(x, ws, row, a + PA_CO2E, co2e, 2, xw_mass_shown(w, l->emission_t_co2e), xw_row_fmt(w, GAS_COUNT));
    rpt_xl_num(x, ws, row, a + PA_UNC, inv_rec_unc_pct(eng_inventory(w->r), rec), RPT_F_UNC);
    rpt_xl_str(x, ws, row, a + PA_DATA, rec->source, RPT_F_NONE);
}

/* ---------------------------------------------------------------- writer */

/* Rows of sheet k of a group with n rows in all. */
static size_t xw_rows_of(size_t n, unsigned k)
{
    size_t left = n - (size_t)k * RPT_CALC_ROWS_MAX;
    return left < RPT_CALC_ROWS_MAX ? left : RPT_CALC_ROWS_MAX;
}

/* Adds every line sheet in group order, then writes each record x gas row
 * to its group's sheet, left to right and in row order within every sheet
 * (constant_memory safe: each sheet streams its own rows). */
void xw_lines_write(xw *w)
{
    for (int gi = 0; gi < XG_COUNT && !w->xl.err; gi++) {
        xw_group *g = &w->g[gi];
        for (unsigned k = 0; k < g->nsheets && !w->xl.err; k++) {
            size_t rows = g->nlines ? xw_rows_of(g->nlines, k) : 0;
            g->ws[k] = gi == XG_CALC ? xw_calc_sheet(w, k, rows) : xw_prod_sheet(w, (xw_group_id)gi, k, rows);
        }
    }
    const inventory *inv = eng_inventory(w->r);
    eng_line lines[GAS_COUNT];
    rpt_line_text t;
    size_t done[XG_COUNT] = {0};
    for (size_t i = 0; i < inv->n && !w->xl.err; i++) {
        size_t n = eng_lines(w->r, i, lines);
        for (size_t j = 0; j < n && !w->xl.err; j++) {
            xw_group_id gi = xw_group_of(w->r, &lines[j]);
            size_t k = done[gi]++;
            lxw_worksheet *ws = w->g[gi].ws[k / RPT_CALC_ROWS_MAX];
            lxw_row_t row = (lxw_row_t)(k % RPT_CALC_ROWS_MAX) + 1;
            rpt_line_text_fill(w->r, &lines[j], w->zh, &t);
            if (gi == XG_CALC) {
                xw_calc_inputs(w, ws, row, &lines[j], &t);
                xw_calc_results(w, ws, row, &lines[j], &t);
            } else {
                xw_prod_row(w, ws, row, &lines[j], &t, w->g[gi].nterms);
            }
        }
    }
}
