/* inventory_json_unc.h - the "uncertainty" object of the inventory JSON (private to the inventory writers). */
#ifndef GHG_INVENTORY_JSON_UNC_H
#define GHG_INVENTORY_JSON_UNC_H

#include <stdio.h>

#include "../calc/unc_analysis.h"

/* Writes `  "uncertainty": {...},\n`: Approach 1 rows and total, key
 * categories, Monte Carlo (docs/uncertainty.md gives the members). */
void js_uncertainty(FILE *f, const unc_analysis *a, const char *base_path);

#endif
