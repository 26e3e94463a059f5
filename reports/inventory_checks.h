/* inventory_checks.h - the inventory workbook's Indirect and Checks sheets. */
#ifndef GHG_INVENTORY_CHECKS_H
#define GHG_INVENTORY_CHECKS_H

#include <stdbool.h>

#include "inventory_common.h"
#include "rpt_xl.h"

/* Adds the Indirect sheet (purchased electricity and heat, each emission a
 * formula over its row, totals by view) when the inventory has any. */
void rpt_xlsx_indirect(rpt_xl *x, const eng_result *r, bool zh);

/* Adds the Checks sheet: the reference approach against the sectoral
 * approach (formulas, difference, threshold flag) and the completeness
 * table with notation keys. `sectoral_formula` is the sectoral approach's
 * 1.A fossil CO2 as a formula over the calculation sheets (the engine's
 * total is its cached value); NULL writes the total as a number. */
void rpt_xlsx_checks(rpt_xl *x, const eng_result *r, bool zh, const char *sectoral_formula);

#endif
