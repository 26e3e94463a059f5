/* inventory_xlsx.h - private to the inventory workbook writer: its state, the sheets of rows, the SUMIFS sources, the factor references. */
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

/* Bytes of a sheet name: Excel's 31 characters, 3 bytes a Chinese one. */
#define XW_SHEET_NAME_MAX 100

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
    char sheet[XW_SHEET_NAME_MAX];
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

/* Where the Factors sheet holds each factor value used (eng_factors_used()
 * in order, from row `row0`) and each gas's GWP, so that a calculation
 * cell refers to its factor instead of repeating it: a verifier who edits
 * a factor on Factors sees every row and total that uses it move. */
typedef struct {
    char prefix[XW_SHEET_NAME_MAX + 16]; /* "Factors!$D$" */
    lxw_row_t row0;                       /* sheet row (0-based) of the first factor */
    lxw_row_t gwp_row[GWP_NORIGINS][GAS_COUNT]; /* sheet row of each GWP used (gas, methane origin); 0: none */
    unsigned gwp_used[GWP_NORIGINS];             /* bit (1 << gas): some row uses that GWP (xw_gwp_use) */
} xw_frefs;

/* What the rows of one category hold, for the notation keys of the
 * Sectoral table. */
typedef struct {
    unsigned gases;   /* bit (1 << gas): the category has a row of the gas */
    unsigned not_est; /* bit (1 << gas): one of its records marks the gas not estimated */
    bool memo;        /* it has a biogenic CO2 memo row */
} xw_catinfo;

/* Rows of the Summary that other sheets and the defined names refer to. */
typedef struct {
    lxw_row_t excl, lulucf, total, memo; /* total without LULUCF, LULUCF, total with it, memo */
    lxw_row_t indirect;                  /* first of two indirect rows, 0 when there are none */
    lxw_row_t economy;                   /* heading of the economy block, 0 when there is none */
    lxw_row_t sector_heading;
} xw_sum_rows;

/* The writer's state: the workbook, the results and the SUMIFS sources. */
typedef struct {
    rpt_xl xl;
    const eng_result *r;
    const unc_analysis *u;      /* uncertainty and key categories, or NULL */
    const char *base_path;      /* the base-year inventory as given, or NULL */
    const rpt_meta *m;
    bool zh;
    bool mass_10kt;             /* --unit 10kt: every sheet's masses in 10^4 t (inventory_xlsx_units.c) */
    xw_group g[XG_COUNT];
    xw_source src[XW_MAX_SOURCES];
    size_t nsrc;
    xw_frefs fr;
    xw_catinfo *cinfo; /* one per eng_categories(), or NULL when out of memory */
} xw;

/* ---- shared helpers (inventory_xlsx.c) ---- */

/* The name of sheet `id` (IL_SHEET_*) in the workbook's language. */
const char *xw_sheet(const xw *w, rpt_label_id id);

/* Adds a SUMIFS source; an error (x->err) past XW_MAX_SOURCES. */
void xw_add_source(xw *w, const char *sheet, const int col[XK_COUNT], bool bounded, lxw_row_t first, lxw_row_t last);

/* One SUMIFS criterion: the source's `key` column equals `value` (or, with
 * a leading "<>", differs from it). */
typedef struct {
    xw_key key;
    const char *value;
} xw_crit;

/* Bytes of one SUMIFS formula over every source (Excel's limit: 8,192 characters). */
#define XW_FORMULA_MAX 8192

/* Writes into buf the sum of column `sum` over every source, one SUMIFS per
 * source joined by '+', after '='. A criterion on a column a source lacks
 * drops the criterion when it asks for memo "no" (a sheet without a memo
 * column has no memo rows) and skips the source otherwise; with `strict`
 * it always skips the source. A source left with no criterion is a SUM.
 * "=0" when no source applies. False when it does not fit. */
bool xw_sumifs(const xw *w, char *buf, size_t len, xw_key sum, const xw_crit *crit, size_t ncrit, bool strict);

/* Writes a total of column `sum` over every source matching `crit` (one
 * SUMIFS per source) with its cached value, in format f, zeros shown as
 * `zero` (NULL: as numbers). */
void xw_sumifs_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, xw_key sum, const xw_crit *crit,
                    size_t ncrit, double cached, rpt_fmt_id f, const char *zero);

/* The sectoral approach's 1.A fossil CO2 as a formula over the Calculation
 * sheets (malloc'd; NULL when out of memory or too long). */
char *xw_sectoral_co2_formula(const xw *w);

/* The format for tonnes of gas g: more decimals for the small gases. */
rpt_fmt_id xw_t_fmt(gas_id g, bool bold);

/* The gases the workbook shows, in gas order: CO2, CH4, N2O and any other
 * gas the inventory emits. Returns how many. */
size_t xw_gases(const xw *w, gas_id out[GAS_COUNT]);

/* The index of category `code` in eng_categories(), or (size_t)-1. */
size_t xw_cat_index(const xw *w, const char *code);

/* ---- factor references (inventory_xlsx_factors.c) ---- */

/* Plans the Factors sheet: which row holds each factor and GWP. Call
 * after xw_lines_plan (which marks the gases used). */
void xw_frefs_plan(xw *w);

/* Writes `value`, the factor of index `ix` in eng_factors_used() (times
 * `scale`) as it enters a row: a reference to its cell on Factors
 * ("=Factors!$D$12", "...*0.01") with `value` cached, or the number when
 * ix is (size_t)-1 (eng_factor_index found no row: a default of 1). */
void xw_factor_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t ix, double scale, double value,
                    rpt_fmt_id f);

/* Writes `value`, the GWP of gas g of origin o (line->gwp_origin): a
 * reference to its row on Factors ("=Factors!$D$12"), which gives the set,
 * the value's source and, for methane in a set that splits it, fossil or
 * non-fossil; the number when it has no row. */
void xw_gwp_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, gas_id g, gwp_origin o, double value);

/* Writes the Factors sheet: every factor used, the landfill parameters, the GWPs. */
void xw_factors(xw *w);

/* ---- Summary and Sectoral table (inventory_xlsx_summary.c, inventory_xlsx_sectoral.c) ---- */

/* Writes the Summary: identity, totals by gas, with and without LULUCF,
 * indirect emissions, the economy block, sectors and charts; defines the
 * headline names. */
void xw_summary(xw *w);

/* Writes the Sectoral table with the IPCC levels and notation keys. */
void xw_sectoral(xw *w);

/* ---- line sheets (inventory_xlsx_lines.c) ---- */

/* Counts the rows of each group and adds the line sheets as SUMIFS sources;
 * notes which gases each category has (w->cinfo) and which GWPs the rows
 * use (xw_gwp_use). False when out of memory. */
bool xw_lines_plan(xw *w);

/* Adds the line sheets (in group order) and writes every row. */
void xw_lines_write(xw *w);

void xw_lines_free(xw *w);

/* Columns of the Factors sheet: the factors used, then the landfill
 * model's parameters (inventory_xlsx_fod.c), then the GWPs. */
enum {
    FC_PARAM,
    FC_WHAT, /* fuel or activity; the site for a landfill parameter; the gas for a GWP */
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

/* Adds the FOD results block as a SUMIFS source when there are sites, and
 * marks their categories' CH4 in w->cinfo. */
void xw_fod_plan(xw *w);

/* Writes the landfill sheet when there are sites. */
void xw_fod_sheet(xw *w);

/* ---- the GWPs used (inventory_xlsx_factors.c) ---- */

/* Notes that a row uses the GWP of gas g of origin o (line->gwp_origin):
 * the Factors sheet gets a row for it. Call before xw_frefs_plan. */
void xw_gwp_use(xw *w, gas_id g, gwp_origin o);

/* The absolute reference of that GWP's value on the Factors sheet
 * ("Factors!$D$12"): the GWP rows follow the factors used, in gas order,
 * then origin order. Call after xw_frefs_plan. */
rpt_ref xw_gwp_ref(const xw *w, gas_id g, gwp_origin o);

/* Writes the model parameters of every site as Factors rows from *row. */
void xw_fod_factors(xw *w, lxw_worksheet *ws, lxw_row_t *row);

/* ---- uncertainty and key categories (inventory_xlsx_unc.c, _keycat.c, _mc.c) ---- */

/* Writes the sheets Uncertainty, Key categories and Monte Carlo when w->u is set. */
void xu_sheets(xw *w);

/* The key-category column of the Sectoral table: its header text (NULL
 * when w->u is NULL: no column), and for a category row the assessments
 * that find it key ("L1 T1 ...") at (row, col); nothing when w->u is NULL. */
const char *xu_sectoral_key_head(const xw *w);
void xu_sectoral_key(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *category);

/* The role of an uncertain input in the workbook's language. */
const char *xu_role_text(unc_role r, bool zh);

/* Writes a long note across columns A..last of `row`, wrapped on `lines` lines. */
void xu_note(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t last, const char *text, unsigned lines);

/* The cell of row i's combined uncertainty (column G) on the Uncertainty sheet. */
rpt_ref xu_combined_ref(const xw *w, size_t i);

/* The Key categories sheet (inventory_xlsx_keycat.c) and the Monte Carlo
 * sheet (inventory_xlsx_mc.c). */
void xk_sheet(xw *w);
void xm_sheet(xw *w);

/* ---- the reporting tables of the provincial guideline (inventory_xlsx_cn.c) ---- */

/* Writes the "Reporting tables" sheet: emissions by sector and gas, fossil
 * fuel combustion by energy balance sector and by coal, oil and gas. */
void xc_sheet(xw *w);

/* ---- --unit 10kt (inventory_xlsx_units.c) ---- */

/* Tonnes in 10^4 t (万吨): a mass shown with --unit 10kt is divided by this. */
#define XW_T_PER_10KT 10000.0

/* The height in points of a statistics table's header row (Key categories,
 * Monte Carlo): two wrapped lines, three with the longer 10^4 t headers. */
#define XW_STATS_HEAD_PT(w) ((w)->mass_10kt ? 48 : 32)

/* With --unit 10kt every mass cell of the workbook is in 10^4 t: the line
 * sheets' emissions, the landfill's results, Indirect, Checks, Uncertainty,
 * Key categories, Monte Carlo, and the totals that sum them (which so need
 * no division of their own). Activity amounts, factors, energy, shares and
 * the per-GDP and per-person intensities keep their units.
 *
 * The label `id` (IL_*) with its unit in 10^4 t when w->mass_10kt (the mass
 * headers and chart titles; any other label as il_label gives it). */
const char *xw_mass_label(const xw *w, rpt_label_id id);

/* Tonnes `t` in the unit the workbook shows: t / 10^4 with --unit 10kt. */
double xw_mass_shown(const xw *w, double t);

/* The number format of a line sheet's emission of gas g (GAS_COUNT: its
 * CO2e): more decimals in 10^4 t. */
rpt_fmt_id xw_row_fmt(const xw *w, gas_id g);

/* A formula over mass cells already in the shown unit (a SUMIFS over the
 * line sheets, a SUM of rows): written as it is, with `cached_t` (tonnes)
 * shown; a zero shown as `zero` (see rpt_xl_formula_zero). */
void xw_mass_formula(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached_t,
                     rpt_fmt_id f, const char *zero);

/* A formula that computes tonnes from inputs (amount x factors), with its
 * cached tonnes: with --unit 10kt written as "<formula>/10000" and the
 * cached value divided likewise. */
void xw_mass_calc(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached_t,
                  rpt_fmt_id f);

/* rpt_xl_product for a product in tonnes: "=L2*M2*O2*P2", or
 * "=L2*M2*O2*P2/10000" with --unit 10kt. */
void xw_mass_product(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const lxw_col_t *cols, size_t n,
                     double cached_t, rpt_fmt_id f);

/* A header row from column 0 of a sheet's column table `cols` (n of them,
 * at most 64): a column whose `cols_10kt` entry has a text (a mass column)
 * takes that text with --unit 10kt. */
void xw_header_texts(xw *w, lxw_worksheet *ws, lxw_row_t row, const rpt_text *cols, const rpt_text *cols_10kt,
                     size_t n);

/* A header row from column 0 of the labels `ids` (n, at most 64), each as
 * xw_mass_label gives it. */
void xw_header_labels(xw *w, lxw_worksheet *ws, lxw_row_t row, const rpt_label_id *ids, size_t n);

#endif
