/* inventory_xlsx_cn.h - private to the Reporting tables sheet: its texts and the formula helpers its two files share.
 */
#ifndef GHG_INVENTORY_XLSX_CN_H
#define GHG_INVENTORY_XLSX_CN_H

#include <stdbool.h>
#include <stddef.h>

#include "inventory_xlsx.h"

/* The sheet's own texts, indexed by XC_*. */
enum {
    XC_SHEET,
    XC_TITLE,
    XC_UNIT_T,
    XC_UNIT_10KT,
    XC_T1,
    XC_T2,
    XC_T3,
    XC_CODE,
    XC_NO,
    XC_SECTOR,
    XC_CO2E,
    XC_ENERGY,
    XC_CO2,
    XC_CATS,
    XC_FUEL,
    XC_NAME,
    XC_TOTAL,
    XC_TOTAL_EXCL,
    XC_TOTAL_INCL,
    XC_UNALLOCATED,
    XC_IE_TRADE,
    XC_NOTE2,
    XC_NOTE3,
    XC_ENERGY_SECTOR,
    XC_IPPU,
    XC_AGRI,
    XC_LULUCF,
    XC_WASTE,
    XC_OTHER,
    XC_HFCS,
    XC_PFCS,
    XC_COUNT,
};

/* A formula being built: its text, how much is used, how many terms. */
typedef struct {
    char *s;
    size_t len, used;
    unsigned terms;
    bool ok;
} xc_formula;

/* The sheet's text `id` (XC_*) in the workbook's language. */
const char *xc_tr(const xw *w, unsigned id);

/* Whether masses are shown in 10^4 t (--unit 10kt). */
bool xc_10kt(const xw *w);

/* A new, empty formula buffer; s is NULL (and ok false) when out of memory. */
xc_formula xc_new(void);

/* Appends the SUMIFS terms of the Calculation sheets summing column `sum`
 * over the fossil CO2 rows whose column `match` equals `value`. */
void xc_calc_terms(const xw *w, xc_formula *f, int sum, int match, const char *value);

/* Writes formula f at (row, col) with `cached` (tonnes when `mass`: shown
 * in 10^4 t with --unit 10kt); frees f. */
void xc_write(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, xc_formula *f, double cached, bool mass,
              rpt_fmt_id fmt);

/* Writes "=SUM(args)" with its cached value, already in the shown unit. */
void xc_sum(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *args, double cached, rpt_fmt_id fmt);

/* Appends `sep` (unless buf is empty) and `text` to buf, or nothing when it does not fit. */
void xc_join(char *buf, size_t len, const char *sep, const char *text);

/* The header of a mass column: "CO2 (t)", "二氧化碳 (万吨)", "HFCs (t CO2e)". */
void xc_mass_header(const xw *w, const char *what, bool co2e, char *buf, size_t len);

/* The name of gas g in the workbook's language. */
const char *xc_gas_label(const xw *w, gas_id g);

/* Fossil fuel combustion by category and by fuel key, collected from the
 * Calculation rows (inventory_xlsx_cn_fuel.c). */
typedef struct xc_items xc_items;

/* Writes Tables 2 and 3 from `row` (inventory_xlsx_cn_fuel.c); returns the last row written. */
lxw_row_t xc_fuel_tables(xw *w, lxw_worksheet *ws, lxw_row_t row);

#endif
