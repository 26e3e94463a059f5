/* inventory_xlsx_cn_fuel.c - Tables 2 and 3 of the Reporting tables: fossil fuel combustion by energy balance sector
 * and by coal, oil and gas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/cnbal.h"
#include "../calc/nsum.h"
#include "inventory_xlsx_cn.h"

/* ------------------------------------- Tables 2 and 3: fossil combustion */

/* One category or fuel key of the Calculation sheets: fossil energy and
 * CO2 of its CO2 rows, and a set entry that names it (fuels). */
typedef struct {
    const char *key;
    nsum tj, co2_t;
    const fset_entry *entry;
} xc_item;

struct xc_items {
    xc_item *v;
    size_t n, cap;
    bool failed; /* out of memory */
};

/* The item of `key`, appended when new; NULL when out of memory. */
static xc_item *xc_item_get(xc_items *it, const char *key)
{
    for (size_t i = 0; i < it->n; i++)
        if (strcmp(it->v[i].key, key) == 0)
            return &it->v[i];
    if (it->n == it->cap) {
        size_t cap = it->cap ? 2 * it->cap : 16;
        xc_item *v = realloc(it->v, cap * sizeof *v);
        if (!v) {
            it->failed = true;
            return NULL;
        }
        it->v = v;
        it->cap = cap;
    }
    it->v[it->n] = (xc_item){key, {0, 0}, {0, 0}, NULL};
    return &it->v[it->n++];
}

/* Adds line l (a fossil CO2 row of the Calculation sheet) to `it` under `key`. */
static void xc_item_add(xc_items *it, const char *key, const eng_line *l)
{
    xc_item *e = xc_item_get(it, key);
    if (!e)
        return;
    nsum_add(&e->tj, l->energy_tj);
    nsum_add(&e->co2_t, l->emission_t);
    if (!e->entry && l->res)
        e->entry = l->res->ncv.entry ? l->res->ncv.entry : l->res->ef[0].entry;
}

/* Collects every fossil CO2 row of the Calculation sheets (combustion
 * lines, gas CO2, not memo) by category and by fuel key. */
static void xc_collect(const xw *w, xc_items *cats, xc_items *fuels)
{
    const inventory *inv = eng_inventory(w->r);
    eng_line lines[GAS_COUNT];
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(w->r, i, lines);
        for (size_t j = 0; j < n; j++) {
            const eng_line *l = &lines[j];
            if (l->chain || l->gas != GAS_CO2 || l->memo)
                continue;
            const inv_record *rec = inv_rec(inv, l->rec);
            xc_item_add(cats, rec->category, l);
            xc_item_add(fuels, eng_rec_key(w->r, l->rec), l);
        }
    }
}

/* Writes the header of Tables 2 and 3: the first column, the second, energy, CO2 and notes. */
static void xc_t23_header(xw *w, lxw_worksheet *ws, lxw_row_t row, unsigned first, unsigned second, unsigned last)
{
    char co2[96];
    xc_mass_header(w, xc_gas_label(w, GAS_CO2), false, co2, sizeof co2);
    rpt_xl_str(&w->xl, ws, row, 0, xc_tr(w, first), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, 1, xc_tr(w, second), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, 2, xc_tr(w, XC_ENERGY), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, 3, co2, RPT_F_HEADER);
    if (last < XC_COUNT)
        rpt_xl_str(&w->xl, ws, row, 4, xc_tr(w, last), RPT_F_HEADER);
}

/* Writes energy and CO2 of the items it[i] with pick(i) true as SUMIFS
 * over the Calculation sheets matching column `match`; their codes joined
 * into `codes` when not NULL. */
static void xc_t23_cells(xw *w, lxw_worksheet *ws, lxw_row_t row, const xc_items *it, const bool *pick, int match,
                         bool bold)
{
    for (int k = 0; k < 2; k++) {
        xc_formula f = xc_new();
        nsum s = {0, 0};
        for (size_t i = 0; i < it->n; i++) {
            if (!pick[i])
                continue;
            xc_calc_terms(w, &f, k ? RPT_C_EMISSION : RPT_C_ENERGY, match, it->v[i].key);
            nsum_add(&s, nsum_value(k ? &it->v[i].co2_t : &it->v[i].tj));
        }
        rpt_fmt_id fmt = k ? (bold ? RPT_F_T_BOLD : RPT_F_T) : RPT_F_TJ;
        xc_write(w, ws, row, (lxw_col_t)(2 + k), &f, nsum_value(&s), k == 1, fmt);
    }
}

/* Writes the total row of Table 2 or 3: SUM over the given cells of columns
 * energy and CO2, cached with the sums of every item. */
static void xc_t23_total(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_row_t r0, lxw_row_t r1, const xc_items *it)
{
    nsum s[2] = {{0, 0}, {0, 0}};
    for (size_t i = 0; i < it->n; i++) {
        nsum_add(&s[0], nsum_value(&it->v[i].tj));
        nsum_add(&s[1], nsum_value(&it->v[i].co2_t));
    }
    rpt_xl_str(&w->xl, ws, row, 1, xc_tr(w, XC_TOTAL), RPT_F_BOLD);
    double co2 = nsum_value(&s[1]);
    xc_sum(w, ws, row, 2, rpt_xl_range(NULL, r0, 2, r1, 2, false).s, nsum_value(&s[0]), RPT_F_TJ);
    xc_sum(w, ws, row, 3, rpt_xl_range(NULL, r0, 3, r1, 3, false).s, xw_mass_shown(w, co2),
           RPT_F_T_BOLD);
}

/* Writes Table 2 from `row`: energy and CO2 of each energy balance sector
 * (docs/cn-reporting.md), its IPCC categories, a row for categories too
 * coarse to place, and the total. Returns the next free row. */
static lxw_row_t xc_table2(xw *w, lxw_worksheet *ws, lxw_row_t row, const xc_items *cats, bool *pick)
{
    rpt_xl_str(&w->xl, ws, row++, 0, xc_tr(w, XC_T2), RPT_F_BOLD);
    xc_t23_header(w, ws, row++, XC_NO, XC_SECTOR, XC_CATS);
    lxw_row_t r0 = row;
    bool split_ie = false, unallocated = false;
    for (size_t i = 0; i < cats->n; i++) {
        split_ie = split_ie || cat_under(cats->v[i].key, "1.A.4.a");
        unallocated = unallocated || cnb_sector_of(cats->v[i].key) == CNB_NONE;
    }
    for (int s = 0; s <= CNB_NSECTORS; s++) {
        if (s == CNB_NSECTORS && !unallocated)
            break;
        char codes[1024] = "";
        for (size_t i = 0; i < cats->n; i++) {
            pick[i] = cnb_sector_of(cats->v[i].key) == (cnb_sector)s;
            if (pick[i])
                xc_join(codes, sizeof codes, ", ", cats->v[i].key);
        }
        rpt_xl_num(&w->xl, ws, row, 0, s + 1, RPT_F_INT);
        rpt_xl_str(&w->xl, ws, row, 1,
                   s < CNB_NSECTORS ? cnb_sector_name((cnb_sector)s, w->zh) : xc_tr(w, XC_UNALLOCATED), RPT_F_NONE);
        if (s == CNB_TRADE && split_ie) {
            rpt_xl_str(&w->xl, ws, row, 2, "IE", RPT_F_NONE);
            rpt_xl_str(&w->xl, ws, row, 3, "IE", RPT_F_NONE);
            rpt_xl_str(&w->xl, ws, row, 4, xc_tr(w, XC_IE_TRADE), RPT_F_NONE);
        } else {
            xc_t23_cells(w, ws, row, cats, pick, RPT_C_CATEGORY, false);
            rpt_xl_str(&w->xl, ws, row, 4, codes, RPT_F_NONE);
        }
        row++;
    }
    xc_t23_total(w, ws, row, r0, row - 1, cats);
    rpt_xl_note(&w->xl, ws, row + 1, 0, 4, xc_tr(w, XC_NOTE2));
    return row + 3;
}

/* The coal/oil/gas group of fuel key `key`: the table's, else that of the
 * IPCC fuel it stands for (a china-energy key's ipcc_fuel). */
static cnb_group xc_fuel_group(const xw *w, const char *key)
{
    const fs_order *o = eng_factor_order(w->r);
    const char *k = o ? fs_canonical(o, key) : key;
    if (cnb_group_known(k) || !o)
        return cnb_group_of(k);
    return cnb_group_of(fs_same_as(o, k));
}

/* Writes fuel i's row of Table 3: key, name, energy and CO2. */
static void xc_t3_fuel(xw *w, lxw_worksheet *ws, lxw_row_t row, const xc_items *fuels, size_t i, bool *pick)
{
    char en[256], zh[256];
    const xc_item *e = &fuels->v[i];
    if (e->entry)
        fset_entry_names(e->entry, en, sizeof en, zh, sizeof zh);
    else
        snprintf(en, sizeof en, "%s", e->key), snprintf(zh, sizeof zh, "%s", e->key);
    memset(pick, 0, fuels->n * sizeof *pick);
    pick[i] = true;
    rpt_xl_str(&w->xl, ws, row, 0, e->key, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, 1, w->zh ? zh : en, RPT_F_NONE);
    xc_t23_cells(w, ws, row, fuels, pick, RPT_C_FUEL, false);
}

/* Writes Table 3 from `row`: per group (coal, oil, natural gas, other) a
 * bold row summing its fuels' rows below it, then the total. Returns the
 * next free row. */
static lxw_row_t xc_table3(xw *w, lxw_worksheet *ws, lxw_row_t row, const xc_items *fuels, bool *pick)
{
    rpt_xl_str(&w->xl, ws, row++, 0, xc_tr(w, XC_T3), RPT_F_BOLD);
    xc_t23_header(w, ws, row++, XC_FUEL, XC_NAME, XC_COUNT);
    char cells[2][RPT_XL_FORMULA_MAX] = {"", ""};
    for (int g = 0; g < CNB_NGROUPS; g++) {
        lxw_row_t grow = row, nsub = 0;
        nsum s[2] = {{0, 0}, {0, 0}};
        for (size_t i = 0; i < fuels->n; i++) {
            if (xc_fuel_group(w, fuels->v[i].key) == (cnb_group)g) {
                nsum_add(&s[0], nsum_value(&fuels->v[i].tj));
                nsum_add(&s[1], nsum_value(&fuels->v[i].co2_t));
                nsub++;
            }
        }
        rpt_xl_str(&w->xl, ws, grow, 1, cnb_group_name((cnb_group)g, w->zh), RPT_F_BOLD);
        for (int k = 0; k < 2; k++) {
            double v = nsum_value(&s[k]);
            v = k ? xw_mass_shown(w, v) : v;
            rpt_fmt_id fmt = k ? RPT_F_T_BOLD : RPT_F_TJ;
            lxw_col_t col = (lxw_col_t)(2 + k);
            if (!nsub)
                rpt_xl_num(&w->xl, ws, grow, col, 0, fmt);
            else
                xc_sum(w, ws, grow, col, rpt_xl_range(NULL, grow + 1, col, grow + nsub, col, false).s, v, fmt);
            xc_join(cells[k], sizeof cells[k], ",", rpt_xl_cell(grow, col).s);
        }
        row++;
        for (size_t i = 0; i < fuels->n; i++) /* after the group row: rows in order (constant-memory mode) */
            if (xc_fuel_group(w, fuels->v[i].key) == (cnb_group)g)
                xc_t3_fuel(w, ws, row++, fuels, i, pick);
    }
    nsum s[2] = {{0, 0}, {0, 0}};
    for (size_t i = 0; i < fuels->n; i++) {
        nsum_add(&s[0], nsum_value(&fuels->v[i].tj));
        nsum_add(&s[1], nsum_value(&fuels->v[i].co2_t));
    }
    rpt_xl_str(&w->xl, ws, row, 1, xc_tr(w, XC_TOTAL), RPT_F_BOLD);
    double co2 = nsum_value(&s[1]);
    xc_sum(w, ws, row, 2, cells[0], nsum_value(&s[0]), RPT_F_TJ);
    xc_sum(w, ws, row, 3, cells[1], xw_mass_shown(w, co2), RPT_F_T_BOLD);
    rpt_xl_note(&w->xl, ws, row + 1, 0, 4, xc_tr(w, XC_NOTE3));
    return row + 1;
}

/* Collects the Calculation rows, then writes Table 2 from `row` and Table
 * 3 after it. Returns the last row written. */
lxw_row_t xc_fuel_tables(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    xc_items cats = {0}, fuels = {0};
    xc_collect(w, &cats, &fuels);
    size_t most = cats.n > fuels.n ? cats.n : fuels.n;
    bool *pick = calloc(most ? most : 1, sizeof *pick);
    if (!pick || cats.failed || fuels.failed) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "collecting the fuel combustion rows");
    } else {
        row = xc_table2(w, ws, row, &cats, pick);
        row = xc_table3(w, ws, row, &fuels, pick);
    }
    free(pick);
    free(cats.v);
    free(fuels.v);
    return row;
}
