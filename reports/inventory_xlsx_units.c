/* inventory_xlsx_units.c - --unit 10kt: the mass cells, formulas and headers of every inventory sheet in 10^4 t. */
#include <stdio.h>
#include <string.h>

#include "inventory_xlsx.h"

/* The labels that name a mass unit, in 10^4 t (万吨). A sheet's own column
 * texts have their 10^4 t variants beside them (xw_header_texts). */
static const struct {
    rpt_label_id id;
    rpt_text text;
} xw_mass_labels[] = {
    {IL_EMISSION_T, {"Emission (10^4 t)", "排放量 (万吨)"}},
    {IL_EMISSION_T_CO2E, {"Emission (10^4 t CO2e)", "排放量 (万吨CO2当量)"}},
    {IL_EMISSION_T_GAS, {"Emission (10^4 t gas)", "排放量 (万吨)"}},
    {IL_CO2E_T, {"CO2e (10^4 t)", "CO2当量 (万吨)"}},
    {IL_MEMO_BIO_T, {"Memo: biogenic CO2 (10^4 t)", "信息项：生物质CO2 (万吨)"}},
    {IL_CH4_EMITTED_T, {"CH4 emitted (10^4 t)", "CH4排放量 (万吨)"}},
    {IL_RA_TOTAL, {"Reference approach, 10^4 t CO2", "参考方法 万吨 CO2"}},
    {IL_RA_SECTORAL, {"Sectoral approach (1.A fossil CO2), 10^4 t", "部门方法(1.A化石CO2) 万吨"}},
    {IL_U_T_CO2, {"10^4 t CO2", "万吨CO2"}},
    {IL_U_T_CO2E, {"10^4 t CO2e", "万吨CO2当量"}},
    {IL_CHART_SECTOR, {"Emissions by sector (10^4 t CO2e)", "按部门分排放量 (万吨CO2当量)"}},
    {IL_CHART_GAS, {"Emissions by gas (10^4 t CO2e)", "按气体分排放量 (万吨CO2当量)"}},
    {IL_CHART_TOTALS,
     {"Totals with and without LULUCF (10^4 t CO2e)", "含与不含土地利用、土地利用变化和林业的合计 (万吨CO2当量)"}},
};

double xw_mass_shown(const xw *w, double t) { return w->mass_10kt ? t / XW_T_PER_10KT : t; }

const char *xw_mass_label(const xw *w, rpt_label_id id)
{
    for (size_t i = 0; w->mass_10kt && i < sizeof xw_mass_labels / sizeof *xw_mass_labels; i++)
        if (xw_mass_labels[i].id == id)
            return rpt_tr(&xw_mass_labels[i].text, w->zh);
    return il_label(id, w->zh);
}

/* The format of a line's emission of gas g (GAS_COUNT: its CO2e): in t
 * #,##0.00, the small gases #,##0.0000; in 10^4 t (--unit 10kt) #,##0.0000
 * (1 t) and #,##0.000000 (0.01 t), so that a row of a few tonnes does not
 * show as 0. */
rpt_fmt_id xw_row_fmt(const xw *w, gas_id g)
{
    if (!w->mass_10kt)
        return g == GAS_COUNT ? RPT_F_T : xw_t_fmt(g, false);
    return g == GAS_COUNT || g == GAS_CO2 ? RPT_F_T_SMALL : RPT_F_T_TINY;
}

/* A sum over mass cells that are in the shown unit already: the formula as
 * it is, its cached tonnes shown. */
void xw_mass_formula(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached_t,
                     rpt_fmt_id f, const char *zero)
{
    rpt_xl_formula_zero(&w->xl, ws, row, col, formula, xw_mass_shown(w, cached_t), f, zero);
}

/* A formula computing tonnes from inputs: "=...*.../10000" with --unit
 * 10kt (Excel divides the product last, as the cached value does). */
void xw_mass_calc(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached_t,
                  rpt_fmt_id f)
{
    if (!w->mass_10kt) {
        rpt_xl_formula(&w->xl, ws, row, col, formula, cached_t, f);
        return;
    }
    char scaled[RPT_XL_FORMULA_MAX + 8]; /* the formulas of a row are built in RPT_XL_FORMULA_MAX */
    if ((size_t)snprintf(scaled, sizeof scaled, "%s/10000", formula) >= sizeof scaled) {
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a formula in 10^4 t (too long)");
        return;
    }
    rpt_xl_formula(&w->xl, ws, row, col, scaled, cached_t / XW_T_PER_10KT, f);
}

/* The product "=G5*I5*J5" of cells of the row, in tonnes: see xw_mass_calc. */
void xw_mass_product(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const lxw_col_t *cols, size_t n,
                     double cached_t, rpt_fmt_id f)
{
    if (!w->mass_10kt) {
        rpt_xl_product(&w->xl, ws, row, col, cols, n, cached_t, f);
        return;
    }
    char formula[RPT_XL_FORMULA_MAX];
    if (!rpt_xl_product_text(formula, row, cols, n)) {
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a product formula (too many cells)");
        return;
    }
    xw_mass_calc(w, ws, row, col, formula, cached_t, f);
}

void xw_header_texts(xw *w, lxw_worksheet *ws, lxw_row_t row, const rpt_text *cols, const rpt_text *cols_10kt,
                     size_t n)
{
    const char *texts[64];
    for (size_t i = 0; i < n && i < 64; i++)
        texts[i] = rpt_tr(w->mass_10kt && cols_10kt[i].en ? &cols_10kt[i] : &cols[i], w->zh);
    rpt_xl_header_strs(&w->xl, ws, row, 0, texts, n < 64 ? n : 64);
}

void xw_header_labels(xw *w, lxw_worksheet *ws, lxw_row_t row, const rpt_label_id *ids, size_t n)
{
    const char *texts[64];
    for (size_t i = 0; i < n && i < 64; i++)
        texts[i] = xw_mass_label(w, ids[i]);
    rpt_xl_header_strs(&w->xl, ws, row, 0, texts, n < 64 ? n : 64);
}
