/* inventory_xlsx_cn.c - the "Reporting tables" sheet: the provincial guideline's summary by sector and gas, energy by
 * balance sector and by coal, oil and gas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/cnbal.h"
#include "../calc/nsum.h"
#include "inventory_xlsx_cn.h"

static const rpt_text xc_text[XC_COUNT] = {
    [XC_SHEET] = {"Reporting tables", "清单报告表"},
    [XC_TITLE] = {"Reporting tables of the provincial GHG inventory guideline", "省级温室气体清单报告表"},
    [XC_UNIT_T] = {"Unit: t (tonnes); energy: TJ", "单位：吨；能源：太焦"},
    [XC_UNIT_10KT] = {"Unit: 10^4 t (tonnes / 10,000); energy: TJ", "单位：万吨；能源：太焦"},
    [XC_T1] = {"Table 1. Greenhouse gas emissions by sector and gas", "表1 温室气体排放汇总表（按部门和气体）"},
    [XC_T2] = {"Table 2. Fossil fuel combustion by sector of the energy balance",
               "表2 化石燃料燃烧活动水平和二氧化碳排放（按能源平衡表部门）"},
    [XC_T3] = {"Table 3. Fossil fuel combustion by fuel", "表3 化石燃料燃烧活动水平和二氧化碳排放（按燃料品种）"},
    [XC_CODE] = {"IPCC code", "类别代码"},
    [XC_NO] = {"No.", "序号"},
    [XC_SECTOR] = {"Sector", "部门"},
    [XC_CO2E] = {"CO2e", "二氧化碳当量"},
    [XC_ENERGY] = {"Energy (TJ)", "能源消费量 (太焦)"},
    [XC_CO2] = {"CO2", "二氧化碳"},
    [XC_CATS] = {"IPCC categories", "对应清单类别"},
    [XC_FUEL] = {"Fuel key", "燃料代码"},
    [XC_NAME] = {"Fuel", "燃料品种"},
    [XC_TOTAL] = {"Total", "合计"},
    [XC_TOTAL_EXCL] = {"Total (excluding LULUCF)", "总量（不包括土地利用变化和林业）"},
    [XC_TOTAL_INCL] = {"Total (including LULUCF)", "总量（包括土地利用变化和林业）"},
    [XC_UNALLOCATED] = {"Not allocated (category too coarse)", "未分配（类别不够细）"},
    [XC_IE_TRADE] = {"IE: in other services (1.A.4.a is not split)", "已计入其他行业（商业和公共机构未细分）"},
    [XC_NOTE2] =
        {"Fossil rows of the Calculation sheet (CO2 rows, biogenic memo rows excluded); 1.B fugitive "
         "emissions are not energy consumption. Mapping: docs/cn-reporting.md.",
         "计算表中的化石燃料行（二氧化碳行，不含生物质信息项）；逃逸排放不属于能源消费。部门对应关系见说明文档。"},
    [XC_NOTE3] = {"Fuel groups follow the fuel columns of China's energy balance table (coke oven and blast furnace "
                  "gas with coal, refinery gas and LPG with oil).",
                  "燃料分类按能源平衡表的品种列（焦炉煤气、高炉煤气计入煤炭，炼厂干气、液化石油气计入石油）。"},
    [XC_ENERGY_SECTOR] = {"Energy", "能源活动"},
    [XC_IPPU] = {"Industrial processes", "工业生产过程"},
    [XC_AGRI] = {"Agriculture", "农业"},
    [XC_LULUCF] = {"Land use, land-use change and forestry", "土地利用变化和林业"},
    [XC_WASTE] = {"Waste", "废弃物处理"},
    [XC_OTHER] = {"Other", "其他"},
    [XC_HFCS] = {"HFCs", "氢氟碳化物"},
    [XC_PFCS] = {"PFCs", "全氟化碳"},
};

const char *xc_tr(const xw *w, unsigned id) { return rpt_tr(&xc_text[id], w->zh); }

/* ------------------------------------------------------------ formulas */

/* Appends text; marks the formula failed when it does not fit. */
static void xc_put(xc_formula *f, const char *text)
{
    size_t n = strlen(text);
    if (!f->ok || f->used + n >= f->len) {
        f->ok = false;
        return;
    }
    memcpy(f->s + f->used, text, n + 1);
    f->used += n;
}

/* Appends column `col` of source s: whole column or its bounded rows. */
static void xc_put_range(xc_formula *f, const xw_source *s, int col)
{
    lxw_col_t c = (lxw_col_t)col;
    xc_put(f, s->bounded ? rpt_xl_range(s->sheet, s->first, c, s->last, c, true).s : rpt_xl_column(s->sheet, c).s);
}

/* Appends `value` as a string literal, '"' doubled. */
static void xc_put_literal(xc_formula *f, const char *value)
{
    xc_put(f, "\"");
    for (const char *p = value; *p; p++)
        xc_put(f, *p == '"' ? "\"\"" : (char[2]){*p, '\0'});
    xc_put(f, "\"");
}

/* Appends one SUMIFS term over source s: the sum of column `sum` where
 * column cols[i] equals vals[i]; a column of XW_NO_COL drops its
 * criterion (a sheet without a memo column has only non-memo rows). */
static void xc_term(xc_formula *f, const xw_source *s, int sum, const int *cols, const char *const *vals, size_t n)
{
    xc_put(f, f->terms++ ? "+SUMIFS(" : "SUMIFS(");
    xc_put_range(f, s, sum);
    for (size_t i = 0; i < n; i++) {
        if (cols[i] == XW_NO_COL)
            continue;
        xc_put(f, ",");
        xc_put_range(f, s, cols[i]);
        xc_put(f, ",");
        xc_put_literal(f, vals[i]);
    }
    xc_put(f, ")");
}

/* Appends the terms of every source of the totals (every line sheet and
 * the landfill block) for sector `code` and gas `gas` (GAS_COUNT: every
 * gas), non-memo rows: tonnes of the gas, or CO2e when `co2e`. */
static void xc_sector_terms(const xw *w, xc_formula *f, const char *code, gas_id gas, bool co2e)
{
    const char *vals[] = {code, rpt_memo_text(false, w->zh), gas < GAS_COUNT ? gas_name(gas) : ""};
    size_t n = gas < GAS_COUNT ? 3 : 2; /* GAS_COUNT: every gas */
    for (size_t k = 0; k < w->nsrc; k++) {
        const xw_source *s = &w->src[k];
        int cols[] = {s->col[XK_SECTOR], s->col[XK_MEMO], s->col[XK_GAS]};
        int sum = s->col[co2e ? XK_CO2E : XK_EMISSION];
        if (sum != XW_NO_COL && cols[0] != XW_NO_COL && (n == 2 || cols[2] != XW_NO_COL))
            xc_term(f, s, sum, cols, vals, n);
    }
}

/* Appends the terms of the Calculation sheets (the sources with a memo
 * column) summing column `sum` (RPT_C_ENERGY or RPT_C_EMISSION) over the
 * fossil CO2 rows whose column `match` (RPT_C_CATEGORY or RPT_C_FUEL)
 * equals `value`. */
void xc_calc_terms(const xw *w, xc_formula *f, int sum, int match, const char *value)
{
    const char *vals[] = {value, gas_name(GAS_CO2), rpt_memo_text(false, w->zh)}; /* memo "no" / "否" */
    const int cols[] = {match, RPT_C_GAS, RPT_C_MEMO};
    for (size_t k = 0; k < w->nsrc; k++)
        if (w->src[k].col[XK_MEMO] != XW_NO_COL)
            xc_term(f, &w->src[k], sum, cols, vals, 3);
}

#define XC_FORMULA_MAX 8192 /* Excel's limit on a formula's length, in characters */

/* A new, empty formula of XC_FORMULA_MAX bytes; s is NULL (and ok false)
 * when out of memory. */
xc_formula xc_new(void)
{
    xc_formula f = {malloc(XC_FORMULA_MAX), XC_FORMULA_MAX, 0, 0, true};
    f.ok = f.s != NULL;
    if (f.ok)
        f.s[0] = '\0';
    return f;
}

/* Whether masses are shown in 10^4 t. */
bool xc_10kt(const xw *w) { return w->mass_10kt; }

/* Writes formula f (its terms, or 0 when it has none) at (row, col) with
 * `cached` in tonnes when `mass`, else as it is. A mass sums cells of the
 * line sheets, which are in the shown unit already: with --unit 10kt only
 * its cached value is divided by 10^4. Frees f. */
void xc_write(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, xc_formula *f, double cached, bool mass,
              rpt_fmt_id fmt)
{
    if (!f->ok) {
        rpt_xl_check(&w->xl, f->s ? LXW_ERROR_PARAMETER_VALIDATION : LXW_ERROR_MEMORY_MALLOC_FAILED,
                     "building a reporting-table formula (too long, or out of memory)");
        free(f->s);
        return;
    }
    char *text = malloc(f->used + 3); /* "=", the terms or "0", NUL */
    if (!text) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "building a reporting-table formula");
    } else {
        snprintf(text, f->used + 3, "=%s", f->terms ? f->s : "0");
        if (mass)
            xw_mass_formula(w, ws, row, col, text, cached, fmt, NULL);
        else
            rpt_xl_formula(&w->xl, ws, row, col, text, cached, fmt);
    }
    free(text);
    free(f->s);
}

/* Writes "=SUM(range)" (or SUM over a list of cells) with its cached value
 * (already in the shown unit). */
void xc_sum(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *args, double cached, rpt_fmt_id fmt)
{
    char f[RPT_XL_FORMULA_MAX + 8];
    rpt_fmt(f, sizeof f, "=SUM(%s)", args);
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, fmt);
}

/* Appends `sep` (unless buf is empty) and `text` to buf; text that does
 * not fit is left out whole. */
void xc_join(char *buf, size_t len, const char *sep, const char *text)
{
    size_t used = strlen(buf), n = (used ? strlen(sep) : 0) + strlen(text);
    if (used + n < len)
        snprintf(buf + used, len - used, "%s%s", used ? sep : "", text);
}

/* The header of a mass column: "CO2 (t)", "CH4 (10^4 t)", "HFCs (万吨 CO2当量)". */
void xc_mass_header(const xw *w, const char *what, bool co2e, char *buf, size_t len)
{
    const char *unit = xc_10kt(w) ? (w->zh ? "万吨" : "10^4 t") : (w->zh ? "吨" : "t");
    rpt_fmt(buf, len, "%s (%s%s)", what, unit, co2e ? (w->zh ? "二氧化碳当量" : " CO2e") : "");
}

/* ------------------------------------------------ Table 1: sector x gas */

/* What a column of Table 1 holds: tonnes of one gas, the CO2e of a group
 * of fluorinated gases, or the CO2e of every gas. */
typedef enum { XC_COL_GAS, XC_COL_FGROUP, XC_COL_CO2E } xc_col_kind;

/* The fluorinated gas groups of the guideline's table, reported in CO2e. */
typedef struct {
    unsigned label; /* XC_* text, or XC_COUNT: the gas's own name */
    gas_id gas[6];
    size_t n;
} xc_fgroup;

static const xc_fgroup xc_fgroups[] = {
    {XC_HFCS, {GAS_HFC23, GAS_HFC32, GAS_HFC125, GAS_HFC134A, GAS_HFC143A, GAS_HFC152A}, 6},
    {XC_PFCS, {GAS_CF4, GAS_C2F6}, 2},
    {XC_COUNT, {GAS_SF6}, 1},
    {XC_COUNT, {GAS_NF3}, 1},
};

typedef struct {
    xc_col_kind kind;
    gas_id gas;             /* XC_COL_GAS */
    const xc_fgroup *group; /* XC_COL_FGROUP */
} xc_col;

/* The Chinese names of the gases the table shows by name. */
const char *xc_gas_label(const xw *w, gas_id g)
{
    static const char *const zh[GAS_COUNT] = {[GAS_CO2] = "二氧化碳",
                                              [GAS_CH4] = "甲烷",
                                              [GAS_N2O] = "氧化亚氮",
                                              [GAS_SF6] = "六氟化硫",
                                              [GAS_NF3] = "三氟化氮"};
    return w->zh && zh[g] ? zh[g] : gas_name(g);
}

/* Table 1's value columns: CO2, CH4, N2O, each fluorinated group with a
 * gas the inventory emits, then CO2e. Returns how many. */
static size_t xc_t1_cols(const xw *w, xc_col out[8])
{
    size_t n = 0;
    for (gas_id g = GAS_CO2; g < GAS_MAIN; g++)
        out[n++] = (xc_col){XC_COL_GAS, g, NULL};
    for (size_t i = 0; i < sizeof xc_fgroups / sizeof *xc_fgroups; i++) {
        bool shown = false;
        for (size_t k = 0; k < xc_fgroups[i].n; k++)
            shown = shown || rpt_gas_shown(w->r, xc_fgroups[i].gas[k]);
        if (shown)
            out[n++] = (xc_col){XC_COL_FGROUP, GAS_COUNT, &xc_fgroups[i]};
    }
    out[n++] = (xc_col){XC_COL_CO2E, GAS_COUNT, NULL};
    return n;
}

/* The cached tonnes of column c for totals t. */
static double xc_t1_value(const xw *w, const xc_col *c, const eng_cat_total *t)
{
    if (c->kind == XC_COL_GAS)
        return t->t[c->gas];
    if (c->kind == XC_COL_CO2E)
        return t->t_co2e;
    nsum s = {0, 0};
    for (size_t k = 0; k < c->group->n; k++)
        nsum_add(&s, t->t[c->group->gas[k]] * eng_gwp(w->r)->gwp[c->group->gas[k]]);
    return nsum_value(&s);
}

/* The format of column c's cells. */
static rpt_fmt_id xc_t1_fmt(const xc_col *c, bool bold)
{
    return c->kind == XC_COL_GAS ? xw_t_fmt(c->gas, bold) : bold ? RPT_F_T_BOLD : RPT_F_T;
}

/* Writes Table 1's header row. */
static void xc_t1_header(xw *w, lxw_worksheet *ws, lxw_row_t row, const xc_col *cols, size_t ncol)
{
    rpt_xl_str(&w->xl, ws, row, 0, xc_tr(w, XC_CODE), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, 1, xc_tr(w, XC_SECTOR), RPT_F_HEADER);
    for (size_t i = 0; i < ncol; i++) {
        char buf[96];
        const xc_col *c = &cols[i];
        const char *what = c->kind == XC_COL_GAS        ? xc_gas_label(w, c->gas)
                           : c->kind == XC_COL_CO2E     ? xc_tr(w, XC_CO2E)
                           : c->group->label < XC_COUNT ? xc_tr(w, c->group->label)
                                                        : xc_gas_label(w, c->group->gas[0]);
        xc_mass_header(w, what, c->kind == XC_COL_FGROUP, buf, sizeof buf);
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(2 + i), buf, RPT_F_HEADER);
    }
}

/* Writes one sector's row of Table 1: code, name and a SUMIFS per column. */
static void xc_t1_sector(xw *w, lxw_worksheet *ws, lxw_row_t row, const char *code, const eng_cat_total *t,
                         const xc_col *cols, size_t ncol)
{
    rpt_xl_str(&w->xl, ws, row, 0, code, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, 1, cat_name(code, w->zh), RPT_F_NONE);
    for (size_t i = 0; i < ncol; i++) {
        const xc_col *c = &cols[i];
        xc_formula f = xc_new();
        if (c->kind == XC_COL_FGROUP) {
            for (size_t k = 0; k < c->group->n; k++) /* the gases emitted: a shorter formula */
                if (rpt_gas_shown(w->r, c->group->gas[k]))
                    xc_sector_terms(w, &f, code, c->group->gas[k], true);
        } else {
            xc_sector_terms(w, &f, code, c->gas, c->kind == XC_COL_CO2E);
        }
        xc_write(w, ws, row, (lxw_col_t)(2 + i), &f, xc_t1_value(w, c, t), true, xc_t1_fmt(c, false));
    }
}

/* The guideline's sector of an inventory sector code: 0 energy, 1
 * industrial processes, 2 agriculture (3 without 3.B), 3 LULUCF, 4 waste,
 * 5 other. */
enum { XC_NGROUPS = 6 };
static const struct {
    unsigned label;
    const char *code;
} xc_groups[XC_NGROUPS] = {{XC_ENERGY_SECTOR, "1"}, {XC_IPPU, "2"},  {XC_AGRI, "3"},
                           {XC_LULUCF, RPT_LULUCF}, {XC_WASTE, "4"}, {XC_OTHER, ""}};

static unsigned xc_group_of(const char *code)
{
    if (cat_under(code, RPT_LULUCF))
        return 3;
    for (unsigned g = 0; g < XC_NGROUPS - 1; g++)
        if (g != 3 && cat_under(code, xc_groups[g].code))
            return g;
    return XC_NGROUPS - 1;
}

/* One inventory sector: its code, totals and guideline group. */
typedef struct {
    char code[64];
    eng_cat_total t;
    unsigned group;
} xc_sector;

/* Every sector (rpt_sector_next order) into a new array; NULL when out of
 * memory. */
static xc_sector *xc_sectors(const xw *w, size_t *n)
{
    const eng_cat_total *cats;
    size_t ncat = eng_categories(w->r, &cats), i = 0, first;
    xc_sector *out = calloc(ncat ? ncat : 1, sizeof *out);
    *n = 0;
    while (out && rpt_sector_next(cats, ncat, &i, &first, out[*n].code, sizeof out[*n].code)) {
        out[*n].t = tot_range(cats, first, i, out[*n].code);
        out[*n].group = xc_group_of(out[*n].code);
        (*n)++;
    }
    return out;
}

/* Writes group g's row at `row` (=SUM of its sector rows below it), then
 * those rows; returns the group's tonnes per column in tot[]. */
static void xc_t1_group(xw *w, lxw_worksheet *ws, lxw_row_t row, unsigned g, const xc_sector *sec, size_t n,
                        const xc_col *cols, size_t ncol, double *tot)
{
    lxw_row_t nsub = 0;
    for (size_t i = 0; i < n; i++)
        nsub += sec[i].group == g;
    rpt_xl_str(&w->xl, ws, row, 0, xc_groups[g].code, RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, 1, xc_tr(w, xc_groups[g].label), RPT_F_BOLD);
    for (size_t c = 0; c < ncol; c++) {
        nsum s = {0, 0};
        for (size_t i = 0; i < n; i++)
            if (sec[i].group == g)
                nsum_add(&s, xc_t1_value(w, &cols[c], &sec[i].t));
        tot[c] = nsum_value(&s);
        double shown = xw_mass_shown(w, tot[c]);
        lxw_col_t col = (lxw_col_t)(2 + c);
        if (!nsub)
            rpt_xl_num(&w->xl, ws, row, col, 0, xc_t1_fmt(&cols[c], true));
        else
            xc_sum(w, ws, row, col, rpt_xl_range(NULL, row + 1, col, row + nsub, col, false).s, shown,
                   xc_t1_fmt(&cols[c], true));
    }
    for (size_t i = 0; i < n; i++) /* after the group row: constant-memory mode writes rows in order */
        if (sec[i].group == g)
            xc_t1_sector(w, ws, ++row, sec[i].code, &sec[i].t, cols, ncol);
}

/* Writes the two totals of Table 1 at `row`: the group rows without
 * LULUCF and with it (SUM of the group cells). */
static void xc_t1_totals(xw *w, lxw_worksheet *ws, lxw_row_t row, const lxw_row_t *grow, double tot[][8],
                         unsigned ngroup, const xc_col *cols, size_t ncol)
{
    for (int incl = 0; incl < 2; incl++) {
        rpt_xl_str(&w->xl, ws, row, 1, xc_tr(w, incl ? XC_TOTAL_INCL : XC_TOTAL_EXCL), RPT_F_BOLD);
        for (size_t c = 0; c < ncol; c++) {
            char args[RPT_XL_FORMULA_MAX] = "";
            nsum s = {0, 0};
            for (unsigned g = 0; g < ngroup; g++) {
                if (!incl && g == 3)
                    continue;
                nsum_add(&s, tot[g][c]);
                xc_join(args, sizeof args, ",", rpt_xl_cell(grow[g], (lxw_col_t)(2 + c)).s);
            }
            double v = nsum_value(&s);
            xc_sum(w, ws, row, (lxw_col_t)(2 + c), args, xw_mass_shown(w, v), xc_t1_fmt(&cols[c], true));
        }
        row++;
    }
}

/* Writes Table 1 from `row`: per guideline sector a bold row (the SUM of
 * its inventory sectors below it, each a SUMIFS over every source), then
 * the totals without and with LULUCF. Returns the next free row. */
static lxw_row_t xc_table1(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    xc_col cols[8];
    size_t ncol = xc_t1_cols(w, cols), n;
    xc_sector *sec = xc_sectors(w, &n);
    if (!sec) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "listing the sectors");
        return row;
    }
    rpt_xl_str(&w->xl, ws, row++, 0, xc_tr(w, XC_T1), RPT_F_BOLD);
    xc_t1_header(w, ws, row++, cols, ncol);
    lxw_row_t grow[XC_NGROUPS];
    double tot[XC_NGROUPS][8];
    unsigned ngroup = XC_NGROUPS - 1;
    for (size_t i = 0; i < n; i++)
        if (sec[i].group == XC_NGROUPS - 1)
            ngroup = XC_NGROUPS; /* "other" only when some sector is in it */
    for (unsigned g = 0; g < ngroup; g++) {
        grow[g] = row;
        xc_t1_group(w, ws, row, g, sec, n, cols, ncol, tot[g]);
        row++;
        for (size_t i = 0; i < n; i++)
            row += sec[i].group == g;
    }
    xc_t1_totals(w, ws, row, grow, tot, ngroup, cols, ncol);
    free(sec);
    return row + 2;
}

/* ------------------------------------------------------------ the sheet */

/* Writes the sheet: title, unit line (both repeated on every printed
 * page), Table 1, then Tables 2 and 3. */
void xc_sheet(xw *w)
{
    static const double widths[] = {12, 46, 18, 18, 18, 18, 18, 18, 18, 18};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xc_tr(w, XC_SHEET));
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, sizeof widths / sizeof *widths);
    rpt_xl_str(&w->xl, ws, 0, 0, xc_tr(w, XC_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, xc_tr(w, xc_10kt(w) ? XC_UNIT_10KT : XC_UNIT_T), RPT_F_NONE);
    rpt_xl_freeze(&w->xl, ws, 2, 2); /* title and unit on every page; code and name columns */
    xc_col cols[8];
    size_t ncol = xc_t1_cols(w, cols);
    lxw_row_t last = xc_fuel_tables(w, ws, xc_table1(w, ws, 3));
    rpt_xl_print_area(&w->xl, ws, last, (lxw_col_t)(ncol + 1 > 4 ? ncol + 1 : 4));
}
