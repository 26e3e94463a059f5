/* inventory_xlsx.c - the inventory workbook: the writer, its SUMIFS over every line sheet, and the About sheet. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_checks.h"
#include "inventory_xlsx.h"
#include "rpt_about.h"
#include "report.h"


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

void xw_add_source(xw *w, const char *sheet, const int col[XK_COUNT], bool bounded, lxw_row_t first, lxw_row_t last)
{
    if (w->nsrc == XW_MAX_SOURCES) {
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "adding a sheet to the totals (too many sheets)");
        return;
    }
    xw_source *s = &w->src[w->nsrc++];
    snprintf(s->sheet, sizeof s->sheet, "%s", sheet);
    memcpy(s->col, col, sizeof s->col);
    s->bounded = bounded;
    s->first = first;
    s->last = last;
}

/* Appends the range of column `col` of source s: whole column ($Q:$Q) or
 * its bounded rows ($D$6:$D$8). */
static bool xw_append_range(char *buf, size_t len, size_t *used, const xw_source *s, int col)
{
    lxw_col_t c = (lxw_col_t)col;
    if (s->bounded)
        return xw_append(buf, len, used, "%s", rpt_xl_range(s->sheet, s->first, c, s->last, c, true).s);
    return xw_append(buf, len, used, "%s", rpt_xl_column(s->sheet, c).s);
}

/* Writes into buf the sum of column `sum` over every source, one SUMIFS per
 * source joined by '+'. A criterion on a column a source lacks drops the
 * criterion when it asks for memo "no" (a sheet without a memo column has
 * no memo rows) and skips the source otherwise; with `strict` it always
 * skips the source. A source left with no criterion is a SUM. "=0" when no
 * source applies. False when it does not fit. */
bool xw_sumifs(const xw *w, char *buf, size_t len, xw_key sum, const xw_crit *crit, size_t ncrit, bool strict)
{
    size_t used = 0;
    unsigned terms = 0;
    for (size_t k = 0; k < w->nsrc; k++) {
        const xw_source *s = &w->src[k];
        bool skip = s->col[sum] == XW_NO_COL;
        size_t nuse = 0;
        for (size_t c = 0; c < ncrit && !skip; c++) {
            if (s->col[crit[c].key] != XW_NO_COL)
                nuse++;
            else if (strict || !(crit[c].key == XK_MEMO && strcmp(crit[c].value, rpt_memo_text(false, w->zh)) == 0))
                skip = true;
        }
        if (skip)
            continue;
        if (!xw_append(buf, len, &used, "%s%s(", terms ? "+" : "=", nuse ? "SUMIFS" : "SUM") ||
            !xw_append_range(buf, len, &used, s, s->col[sum]))
            return false;
        for (size_t c = 0; c < ncrit; c++) {
            if (s->col[crit[c].key] == XW_NO_COL)
                continue;
            if (!xw_append(buf, len, &used, ",") || !xw_append_range(buf, len, &used, s, s->col[crit[c].key]) ||
                !xw_append(buf, len, &used, ",") || !xw_append_literal(buf, len, &used, crit[c].value))
                return false;
        }
        if (!xw_append(buf, len, &used, ")"))
            return false;
        terms++;
    }
    return terms || xw_append(buf, len, &used, "=0");
}

/* The sectoral approach's 1.A fossil CO2 as a formula: the CO2 rows that are
 * not memo items, over the sources with a memo column (strictly), which are
 * the Calculation sheets, the only sheets with 1.A rows. NULL when out of
 * memory or too long. */
char *xw_sectoral_co2_formula(const xw *w)
{
    const xw_crit crit[] = {{XK_GAS, gas_name(GAS_CO2)}, {XK_MEMO, rpt_memo_text(false, w->zh)}};
    char *formula = malloc(XW_FORMULA_MAX);
    if (formula && !xw_sumifs(w, formula, XW_FORMULA_MAX, XK_EMISSION, crit, 2, true)) {
        free(formula);
        formula = NULL;
    }
    return formula;
}

/* Writes a SUMIFS total (tonnes: every key it sums is a mass) with its
 * cached value; an over-long formula is an error (it cannot happen below
 * ~40 sheets of rows). */
void xw_sumifs_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, xw_key sum, const xw_crit *crit,
                    size_t ncrit, double cached, rpt_fmt_id f, const char *zero)
{
    char *formula = malloc(XW_FORMULA_MAX);
    if (!formula) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "building a SUMIFS formula");
        return;
    }
    if (!xw_sumifs(w, formula, XW_FORMULA_MAX, sum, crit, ncrit, false))
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a SUMIFS formula (too long)");
    else
        xw_mass_formula(w, ws, row, col, formula, cached, f, zero); /* t, or 10^4 t with --unit 10kt */
    free(formula);
}

/* The format for tonnes of gas g: more decimals for everything but CO2. */
rpt_fmt_id xw_t_fmt(gas_id g, bool bold)
{
    if (g == GAS_CO2)
        return bold ? RPT_F_T_BOLD : RPT_F_T;
    return bold ? RPT_F_T_SMALL_BOLD : RPT_F_T_SMALL;
}

/* The gases in gas order, those rpt_gas_shown() shows. */
size_t xw_gases(const xw *w, gas_id out[GAS_COUNT])
{
    size_t n = 0;
    for (int g = 0; g < GAS_COUNT; g++)
        if (rpt_gas_shown(w->r, (gas_id)g))
            out[n++] = (gas_id)g;
    return n;
}

const char *xw_sheet(const xw *w, rpt_label_id id) { return il_label(id, w->zh); }

/* Binary search: eng_categories() are sorted by code with strcmp. */
size_t xw_cat_index(const xw *w, const char *code)
{
    const eng_cat_total *cats;
    size_t lo = 0, hi = eng_categories(w->r, &cats);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cats[mid].category, code);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

/* ----------------------------------------------------------------- About */

/* Writes the About sheet: the run and the inventory's identity, the factor
 * sets in search order, the input files, and the notes. */
static void xw_about(xw *w)
{
    static const double widths[] = {30, 70, 10, 70};
    const inventory *inv = eng_inventory(w->r);
    const gwp_set *gwp = eng_gwp(w->r);
    eng_order o = eng_search_order(w->r);
    rpt_about a;
    rpt_about_start(&a, &w->xl, NULL, widths, 4, "ghgcalc");
    rpt_about_pair(&a, il_label(RPT_L_TOOL, w->zh), "ghgcalc");
    rpt_about_run(&a, w->m);
    rpt_about_pair(&a, il_label(IL_INVENTORY, w->zh), inv->id);
    rpt_about_pair(&a, il_label(RPT_L_TITLE, w->zh), inv->title);
    rpt_about_pair(&a, il_label(RPT_L_REGION, w->zh), inv->region);
    rpt_about_year(&a, il_label(RPT_L_YEAR, w->zh), inv->year);
    rpt_about_pair(&a, il_label(IL_GWP_SET, w->zh), gwp->id);
    rpt_about_pair(&a, il_label(IL_GWP_TITLE, w->zh), gwp->title);
    rpt_about_language(&a);
    rpt_about_gap(&a);
    rpt_about_sets(&a, o.sets, o.n);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, w->m);
    rpt_about_gap(&a);
    rpt_about_pair(&a, il_label(RPT_L_NOTES, w->zh), il_label(IL_METHOD_NOTE, w->zh));
    rpt_about_pair(&a, "", il_label(IL_SECTOR_NOTE, w->zh));
    if (inv->notes && *inv->notes)
        rpt_about_pair(&a, il_label(IL_INV_NOTES, w->zh), inv->notes);
    rpt_about_end(&a);
}

/* ------------------------------------------------------------ the writer */

/* Sets the document properties from the inventory's identity. */
static void xw_properties(xw *w)
{
    const inventory *inv = eng_inventory(w->r);
    char title[512], subject[512];
    rpt_fmt(title, sizeof title, "%s %s", il_label(IL_TITLE, w->zh), inv->id ? inv->id : "");
    rpt_fmt(subject, sizeof subject, "%s %ld", inv->region ? inv->region : "", inv->year);
    rpt_xl_properties(&w->xl, title, subject);
}

/* Plans the sheets: the line sheets and the landfill block as SUMIFS
 * sources, what each category holds, where Factors puts each factor. */
static void xw_plan(xw *w)
{
    const eng_cat_total *cats;
    size_t ncat = eng_categories(w->r, &cats);
    w->cinfo = calloc(ncat ? ncat : 1, sizeof *w->cinfo);
    if (!w->cinfo || !xw_lines_plan(w))
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "counting the calculation rows");
    xw_fod_plan(w);
    xw_frefs_plan(w);
}

/* Writes the workbook; sheets in the order Summary, Sectoral table,
 * Calculation (fuel combustion; more sheets past Excel's row limit), the
 * product-method sheets Industry, Agriculture, Forest, Waste (those with
 * rows), Landfill (FOD) (with landfill sites), Indirect, Checks,
 * Uncertainty, Key categories, Monte Carlo (with inv->unc), Factors,
 * About. The Summary and Sectoral table sum over every line sheet and the
 * FOD results block; the rows refer to their factors on Factors. */
int rpt_inventory_xlsx(const rpt_inventory *inv, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    const eng_result *r = inv->r;
    xw *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "writing workbook '%s': out of memory", path);
        return -1;
    }
    w->r = r;
    w->u = inv->unc;
    w->base_path = inv->base_path;
    w->m = m;
    w->zh = m->zh;
    w->mass_10kt = inv->mass_10kt;
    if (!rpt_xl_open(&w->xl, path, m, &il_labels, err, errlen)) {
        free(w);
        return -1;
    }
    const inventory *in = eng_inventory(r);
    rpt_xl_footer(&w->xl, in->title ? in->title : in->id);
    xw_plan(w);
    xw_properties(w);
    xw_summary(w);
    xw_sectoral(w);
    xc_sheet(w); /* Reporting tables (inventory_xlsx_cn.c) */
    xw_lines_write(w);
    xw_fod_sheet(w);
    rpt_xlsx_indirect(w);
    char *sectoral = xw_sectoral_co2_formula(w);
    rpt_xlsx_checks(w, sectoral);
    free(sectoral);
    xu_sheets(w); /* Uncertainty, Key categories, Monte Carlo (inventory_xlsx_unc*.c) */
    xw_factors(w);
    xw_about(w);
    xw_lines_free(w);
    free(w->cinfo);
    int rc = rpt_xl_close(&w->xl, path, err, errlen);
    free(w);
    return rc;
}
