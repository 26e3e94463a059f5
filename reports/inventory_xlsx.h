/* inventory_xlsx.h - private to the inventory workbook writer: its state, the sheets of rows and the SUMIFS sources. */
#ifndef GHG_INVENTORY_XLSX_H
#define GHG_INVENTORY_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "../calc/unc_analysis.h"
#include "inventory_common.h"
#include "rpt_xl.h"

/* Data rows per line sheet: Excel's 1,048,576 rows less the header. Past it
 * the rows continue on "Calculation 2", "Industry 2", ... and every SUMIFS
 * adds one term per sheet. (Overridable at compile time to test the split.) */
#ifndef RPT_CALC_ROWS_MAX
#define RPT_CALC_ROWS_MAX 1048575u
#endif

/* The sheets of calculation rows, in workbook order: fuel combustion
 * (chain == NULL), then one sheet per sector for the product method. */
typedef enum {
    XG_CALC,        /* "Calculation": 1.A fuel combustion */
    XG_FUGITIVE,    /* "Fugitive": 1.B fugitive emissions from fuels (product method) */
    XG_INDUSTRY,    /* "Industry": 2.* */
    XG_AGRICULTURE, /* "Agriculture": 3.* except 3.B */
    XG_FOREST,      /* "Forest": 3.B (removals, negative) */
    XG_WASTE,       /* "Waste": 4.* records (landfill sites are on their own sheet) */
    XG_OTHER,       /* "Other sectors": any other product-method category */
    XG_COUNT
} xw_group_id;

/* The columns a SUMIFS of the Summary or the Sectoral table adds up or
 * matches. */
typedef enum { XK_CATEGORY, XK_SECTOR, XK_GAS, XK_EMISSION, XK_CO2E, XK_MEMO, XK_COUNT } xw_key;

#define XW_NO_COL (-1)
#define XW_MAX_SOURCES 256

/* One sheet (or block) the totals sum over: its name, the column of each
 * key (XW_NO_COL when it has none: a missing memo column means every row
 * is "no"), and either whole columns or the rows
 * first..last (0-based, inclusive) when `bounded`. */
typedef struct {
    char sheet[32]; /* Excel: at most 31 characters */
    int col[XK_COUNT];
    bool bounded;
    lxw_row_t first, last;
} xw_source;

/* The line sheets of one group: how many rows, the most product terms of
 * any row (the sheet's term columns), and its sheets. */
typedef struct {
    size_t nlines;
    unsigned nterms;
    unsigned nsheets;
    lxw_worksheet **ws;
} xw_group;

/* The writer's state: the workbook, the results and the SUMIFS sources. */
typedef struct {
    rpt_xl xl;
    const eng_result *r;
    const unc_analysis *u;      /* uncertainty and key categories, or NULL */
    const char *base_path;      /* the base-year inventory as given, or NULL */
    const rpt_meta *m;
    bool zh;
    bool mass_10kt;             /* --unit 10kt: masses of Summary, Sectoral table and Reporting tables in 10^4 t */
    xw_group g[XG_COUNT];
    xw_source src[XW_MAX_SOURCES];
    size_t nsrc;
    unsigned gwp_used[GWP_NORIGINS]; /* bit (1 << gas): the Factors sheet has a row for that GWP */
} xw;

/* ---- shared helpers (inventory_xlsx.c) ---- */

/* Adds a SUMIFS source; an error (x->err) past XW_MAX_SOURCES. */
void xw_add_source(xw *w, const char *sheet, const int col[XK_COUNT], bool bounded, lxw_row_t first, lxw_row_t last);

/* The format for tonnes of gas g: more decimals for the small gases. */
rpt_fmt_id xw_t_fmt(gas_id g, bool bold);

/* ---- line sheets (inventory_xlsx_lines.c) ---- */

/* Counts the rows of each group and adds the line sheets as SUMIFS sources;
 * false when out of memory. */
bool xw_lines_plan(xw *w);

/* Adds the line sheets (in group order) and writes every row. */
void xw_lines_write(xw *w);

void xw_lines_free(xw *w);

/* Columns of the Factors sheet: the factors used (inventory_xlsx.c), then
 * the landfill model's parameters (inventory_xlsx_fod.c). */
enum {
    FC_PARAM,
    FC_WHAT, /* fuel or activity; the site for a landfill parameter */
    FC_CATEGORY,
    FC_VALUE,
    FC_UNIT,
    FC_LOWER,
    FC_UPPER,
    FC_UNCERTAINTY,
    FC_CONFIDENCE,
    FC_TIER,
    FC_SET,
    FC_REFERENCE,
    FC_NOTE,
    FC_DEFINED_AT,
    FC_ENTERS_AS,
    FC_COUNT
};

/* ---- the landfill sheet (inventory_xlsx_fod.c) ---- */

/* Name of the landfill sheet. */
#define XW_FOD_SHEET "Landfill (FOD)"

/* Adds the FOD results block as a SUMIFS source when there are sites. */
void xw_fod_plan(xw *w);

/* Writes the "Landfill (FOD)" sheet when there are sites. */
void xw_fod_sheet(xw *w);

/* ---- the GWPs used (inventory_xlsx.c) ---- */

/* Notes that a row uses the GWP of gas g of origin o (line->gwp_origin):
 * the Factors sheet gets a row for it. Call before the line sheets. */
void xw_gwp_use(xw *w, gas_id g, gwp_origin o);

/* The absolute reference of that GWP's value on the Factors sheet
 * ("Factors!$D$12"): the GWP rows follow the factors used, in gas order. */
rpt_ref xw_gwp_ref(const xw *w, gas_id g, gwp_origin o);

/* Writes the model parameters of every site as Factors rows from *row. */
void xw_fod_factors(xw *w, lxw_worksheet *ws, lxw_row_t *row);

/* ---- uncertainty and key categories (inventory_xlsx_unc.c, _keycat.c, _mc.c) ---- */

/* Writes the sheets Uncertainty, Key categories and Monte Carlo when w->u is set. */
void xu_sheets(xw *w);

/* The key-category column of the Sectoral table: the header at (row, col),
 * and for a category row the assessments that find it key ("L1 T1 ...").
 * Nothing when w->u is NULL. */
void xu_sectoral_key_header(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
void xu_sectoral_key(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *category);

/* The role of an uncertain input in the workbook's language. */
const char *xu_role_text(unc_role r, bool zh);

/* Writes a long note across columns A..last of `row`, wrapped on `lines` lines. */
void xu_note(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t last, const char *text, unsigned lines);

/* Prints the sheet landscape on A4, one page wide. */
void xu_page_setup(xw *w, lxw_worksheet *ws);

/* The cell of row i's combined uncertainty (column G) on the Uncertainty sheet. */
rpt_ref xu_combined_ref(size_t i);

/* The Key categories sheet (inventory_xlsx_keycat.c) and the Monte Carlo
 * sheet (inventory_xlsx_mc.c). */
void xk_sheet(xw *w);
void xm_sheet(xw *w);

/* ---- the reporting tables of the provincial guideline (inventory_xlsx_cn.c) ---- */

/* Writes the "Reporting tables" sheet: emissions by sector and gas, fossil
 * fuel combustion by energy balance sector and by coal, oil and gas. */
void xc_sheet(xw *w);

/* --unit 10kt on the Summary and the Sectoral table (inventory_xlsx_cn.c):
 * the label `id` (IL_*) with its unit in 10^4 t when w->mass_10kt (the
 * mass headers and chart titles; any other label as il_label gives it),
 * and a formula of tonnes written as "=(...)/10000" with its cached value
 * divided likewise. */
const char *xw_mass_label(const xw *w, rpt_label_id id);
void xw_mass_formula(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached_t,
                     rpt_fmt_id f);

#endif
