/* inventory_checks.h - the inventory workbook's Indirect and Checks sheets. */
#ifndef GHG_INVENTORY_CHECKS_H
#define GHG_INVENTORY_CHECKS_H

#include "inventory_xlsx.h"

/* Columns of the Indirect sheet. */
enum {
    IND_NO,
    IND_INPUT,
    IND_KIND,
    IND_VIEW, /* rpt_indirect_view[]: "consumption" or "net_import" */
    IND_GRID,
    IND_YEAR,
    IND_AMOUNT,
    IND_UNIT,
    IND_EF,
    IND_EF_UNIT,
    IND_CONV,
    IND_T, /* emission: =Amount*EF*Conversion */
    IND_SRC,
    IND_DATA,
    IND_NOTE, /* says when the factor's year is not the inventory's */
    IND_NCOLS
};

/* The text of view v of indirect emissions as the View column writes it
 * (and the Summary's SUMIFS matches): 0 consumption (all purchased
 * energy), 1 the provincial net-import view; Chinese when `zh`. */
const char *rpt_indirect_view(int v, bool zh);

/* Adds the Indirect sheet (purchased electricity and heat, each emission a
 * formula over its row, its EF a reference to Factors, totals by view)
 * when the inventory has any. A factor of another year than the
 * inventory's is marked and said in the Note column. */
void rpt_xlsx_indirect(xw *w);

/* Adds the Checks sheet: the reference approach against the sectoral
 * approach (formulas, difference, threshold flag) and the completeness
 * table with notation keys. `sectoral_formula` is the sectoral approach's
 * 1.A fossil CO2 as a formula over the calculation sheets (the engine's
 * total is its cached value); NULL writes the total as a number. */
void rpt_xlsx_checks(xw *w, const char *sectoral_formula);

#endif
