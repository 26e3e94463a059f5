/* unc_spec.h - how an input states its uncertainty: range, distribution, correlation group (read by the loaders). */
#ifndef GHG_UNC_SPEC_H
#define GHG_UNC_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The distribution an uncertain input is given. UNC_DIST_AUTO lets the
 * range decide (IPCC 2006 Vol.1 Ch.3 3.2.2.4): normal when it is symmetric,
 * lognormal when it is not. */
typedef enum {
    UNC_DIST_AUTO,
    UNC_DIST_NORMAL,     /* minus/plus: the 2.5 and 97.5 percentiles, % below/above the value */
    UNC_DIST_LOGNORMAL,  /* minus/plus: the 2.5 and 97.5 percentiles */
    UNC_DIST_TRIANGULAR, /* minus/plus: the lowest and highest possible value; the mode is the value */
    UNC_DIST_UNIFORM,    /* minus/plus: the lowest and highest possible value */
    UNC_DIST_COUNT
} unc_dist;

/* The YAML word of a distribution ("normal", ...); "auto" for UNC_DIST_AUTO. */
const char *unc_dist_name(unc_dist d);

/* The uncertainty of one record or factor value as the user wrote it, in
 * the mapping form `uncertainty: {minus: 10%, plus: 30%, distribution:
 * lognormal, group: NAME, source: "..."}` (records) or with `distribution:`
 * and `group:` beside a factor's lower/upper (factor values). */
typedef struct unc_spec {
    double minus_pct, plus_pct; /* % below and above the value (see unc_dist); NAN when the range is elsewhere */
    unc_dist dist;
    const char *group;          /* correlation group: inputs of one group are drawn together; NULL = none */
    const char *source;         /* where the uncertainty figure comes from, or NULL */
    src_loc at;                 /* where the mapping was written */
} unc_spec;

/* A range an inventory states for factor values of its factor sets
 * (`factor_uncertainty:`, docs/uncertainty.md): it applies to the value of
 * parameter `param` in every entry for `key` (NULL: any fuel or activity)
 * whose category is `category` (NULL: any), when the set gives that value
 * no range of its own (the set's cited range stands); record-level
 * overrides state their own and are not matched. */
typedef struct {
    const char *param;          /* "ncv", "co2", "ch4", "carbon_content", "mcf", ... */
    const char *key;            /* fuel or activity key, or NULL */
    const char *category;       /* the factor entry's category ("1.A.1"), or NULL */
    unc_spec spec;              /* minus/plus (%), distribution, group, source; spec.at: where it was written */
} unc_factor_rule;

/* The rule among rules[0..n) for parameter `param` of an entry for `key`
 * under `category` (the last that matches, so a later, narrower line can
 * refine an earlier one), or NULL. */
const unc_factor_rule *unc_factor_rule_for(const unc_factor_rule *rules, size_t n, const char *param, const char *key,
                                           const char *category);

#endif
