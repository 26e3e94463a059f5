/* inventory_checks.h - the inventory workbook's Indirect and Checks sheets. */
#ifndef GHG_INVENTORY_CHECKS_H
#define GHG_INVENTORY_CHECKS_H

#include "inventory_common.h"
#include "rpt_xl.h"

/* Name of the Indirect sheet; the Summary sums its columns IND_T by IND_VIEW. */
#define RPT_INDIRECT_SHEET "Indirect"

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
    IND_NCOLS
};

/* The views of indirect emissions as the View column writes them: [0]
 * consumption (all purchased energy), [1] the provincial net-import view. */
extern const char *const rpt_indirect_view[2];

/* Adds the Indirect sheet (purchased electricity and heat, each emission a
 * formula over its row, totals by view) when the inventory has any. */
void rpt_xlsx_indirect(rpt_xl *x, const eng_result *r);

/* Adds the Checks sheet: the reference approach against the sectoral
 * approach (formulas, difference, threshold flag) and the completeness
 * table with notation keys. `sectoral_formula` is the sectoral approach's
 * 1.A fossil CO2 as a formula over the calculation sheets (the engine's
 * total is its cached value); NULL writes the total as a number. */
void rpt_xlsx_checks(rpt_xl *x, const eng_result *r, const char *sectoral_formula);

#endif
