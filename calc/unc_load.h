/* unc_load.h - private to the loaders: the parsers of uncertainty statements in inventories and factor sets. */
#ifndef GHG_UNC_LOAD_H
#define GHG_UNC_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "unc_spec.h"

struct ynode;
struct pool;

/* Reads the value of a record's `uncertainty:` key. A scalar ("5%") sets
 * *pct and returns false (no mapping); a mapping fills *out and returns
 * true (its one-figure form is inv_rec_unc_pct's). Problems go to `dl`;
 * strings are copied into `mem`. */
bool unc_parse_record(const struct ynode *n, struct pool *mem, unc_spec *out, double *pct, diag_list *dl);

/* Reads a factor value's `distribution:` and `group:` keys (either may be
 * NULL) into a new spec in `mem`; NULL when neither is given or on error. */
const unc_spec *unc_parse_factor(const struct ynode *dist, const struct ynode *group, struct pool *mem,
                                 diag_list *dl);

/* Reads the top-level `factor_uncertainty:` list (mappings {param, fuel or
 * activity, category, uncertainty, source}) into a new array in `mem`;
 * *n gets its length. Problems go to `dl`; NULL when empty or on error. */
const unc_factor_rule *unc_parse_factor_rules(const struct ynode *seq, struct pool *mem, size_t *n, diag_list *dl);

#endif
