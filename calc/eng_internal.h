/* eng_internal.h - private to the engine's files: the result's layout and the steps they share. */
#ifndef GHG_ENG_INTERNAL_H
#define GHG_ENG_INTERNAL_H

#include "engine.h"
#include "fsearch.h"
#include "pool.h"
#include "ptrmap.h"
#include "totals.h"

#define ENG_C_TO_CO2 (44.0 / 12.0) /* molar mass ratio CO2/C, IPCC 2006 Vol.2 Ch.1 Eq. 1.2 note */
#define ENG_J_PER_TJ 1e12          /* J / TJ */
#define ENG_KG_PER_T 1e3           /* kg / t */

/* The identity of a shared resolution: the record's interned category, key
 * and unit, and what it leaves out (not_estimated) or turns (removal). */
typedef struct {
    const void *cat, *key, *unit;
    unsigned not_estimated;
    signed char removal;
    eng_res *res;
} eng_slot;

struct eng_result {
    const inventory *inv;
    const gwp_set *gwp;
    fs_order *fs;             /* the factor sets searched */
    const eng_res **rec_res;  /* per record */
    eng_slot *cache;          /* open addressing, power-of-two size */
    size_t cache_cap, cache_n;
    tot_table *tot;           /* totals by category and gas */
    const eng_cat_total *cats; /* the finished totals, sorted (owned by tot) */
    size_t ncats;
    eng_hit *used;            /* distinct factors used, in first-use order */
    size_t nused, capused;
    ptrmap used_set;          /* a factor set's value -> its index in `used` */
    size_t own_from;          /* used[own_from..]: noted for the record being resolved */
    ptrmap reported;          /* factor values already reported as unfit (each once) */
    unsigned gwp_missing;     /* bit (1 << gas): the GWP set's lack of that gas was reported */
    struct pool *mem;         /* resolutions, their chains, the FOD model tables */
    fod_result *fod;          /* one per landfill site */
    double *fod_t, *fod_t_co2e; /* each site's CH4 of the inventory year, t and t CO2e */
    size_t nfod;
    eng_indirect_line *ind;   /* purchased electricity and heat */
    double ind_t[2];          /* totals: consumption view, net-import view */
    eng_ref_line *ref;        /* reference approach */
    eng_res *ref_res;         /* its resolutions, one per fuel */
    eng_ref_summary ref_sum;
    eng_complete *complete;   /* completeness by category */
    size_t ncomplete;
};

/* ---- engine.c ---- */

/* The fuel-combustion row of gas `g` for `amount` of a record resolved as
 * `res` (record index `rec`), computed in the workbook formula's order. */
void eng_combustion_line(const eng_result *r, const eng_res *res, size_t rec, double amount, gas_id g, eng_line *l);

/* Reports, once per gas, that the run's GWP set has no value for gas `g`,
 * which the `what` ("record", "landfill") at `at` emits. */
void eng_gwp_missing(eng_result *r, gas_id g, src_loc at, const char *what, diag_list *dl);

/* ---- eng_resolve.c ---- */

/* Records a factor as used, once (found by the value's identity). */
void eng_note_used(eng_result *r, const eng_hit *h);

/* The index in `used` of hit h: a set's value by used_set, a record's own
 * among the n values noted from `from`; (size_t)-1 when not there. */
size_t eng_used_index(const eng_result *r, const eng_hit *h, size_t from, size_t n);

/* Fills `res` for record `rec`; reports what is missing. */
bool eng_resolve(eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl);

/* The shared resolution for `rec` (computed on first use), or its own when
 * the record overrides a factor. NULL when it failed. */
const eng_res *eng_res_for(eng_result *r, const inv_record *rec, diag_list *dl);

/* ---- eng_checks.c: run after the records are computed ---- */

/* The feedstock guard: a 1.A.2 record of a fuel whose feedstock a process
 * factor covers must say `feedstock_excluded: true`. */
void eng_check_feedstock(const eng_result *r, diag_list *dl);

/* Purchased electricity and heat; false (reported) when a factor is missing. */
bool eng_run_indirect(eng_result *r, diag_list *dl);

/* The reference approach against the sectoral CO2 (after the totals). */
bool eng_run_reference(eng_result *r, diag_list *dl);

/* Reports the `factor_uncertainty:` lines whose fuel or activity key no
 * searched set has: such a line would match nothing, and the factors it
 * meant would silently keep their sets' ranges. */
void eng_check_unc_rules(eng_result *r, diag_list *dl);

/* The completeness table over every depth-3 category (after the totals). */
bool eng_run_completeness(eng_result *r);

#endif
