/* engine.h - resolves factors for every record, applies the method, and keeps the totals. */
#ifndef GHG_ENGINE_H
#define GHG_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "factors.h"
#include "fsearch.h"
#include "gases.h"
#include "inventory.h"
#include "totals.h"

/* Where one factor came from (the factor search order's hit). */
typedef fs_hit eng_hit;

#define ENG_MAX_TERMS 12 /* product terms of one gas, besides amount and EF */

/* The product method of one gas: Amount x term_1 x ... x EF x conversion. */
typedef struct {
    gas_id gas;
    eng_hit term[ENG_MAX_TERMS];
    fset_term kind[ENG_MAX_TERMS];  /* FSET_TERM_MUL, _ONE_MINUS or _ONE_PLUS */
    unsigned nterms;
    eng_hit ef;                     /* the emission factor of `gas` */
    double conversion;              /* product of units -> t of gas, species ratio, sign */
    const char *conversion_note;    /* "44/12 (C to CO2)", "x -1 (removal)", ... */
} eng_chain;

/* The factors resolved for one (category, fuel, unit), shared by every
 * record that has no overrides of its own (a record with overrides has its
 * own). Fuel combustion has the three gases of GAS_MAIN; the product
 * method one chain per gas that has an emission factor. */
typedef struct eng_res {
    eng_chain *chain;                 /* product method (records outside 1.A), in gas order; NULL = combustion */
    unsigned nchain;
    uint32_t noted_from;              /* eng_factors_used()[noted_from..]: the values its resolution noted first */
    double unit_factor;               /* amount x unit_factor x ncv = TJ */
    eng_hit ncv;
    eng_hit ef[GAS_MAIN];             /* v NULL: gas not estimated for this record */
    double ef_factor[GAS_MAIN];       /* TJ x ef value x ef_factor = t gas (44/12 for carbon) */
    eng_hit oxid;                     /* CO2 only; v NULL = 1 */
    double oxidation;                 /* as a fraction */
    bool biogenic;                    /* CO2 is a memo item */
    bool energy_input;                /* amount is already energy: no NCV */
    uint16_t noted_n;                 /* how many values from noted_from (eng_factor_index) */
    gwp_origin ch4_origin;            /* fossil or non-fossil methane (eng_resolve.c's rule or the record's) */
    bool ok;                          /* resolution succeeded */
    const char *key;                  /* the fuel or activity key as the factor sets name it (fs_canonical) */
} eng_res;

/* One row of the calculation: a record and a gas. The emission is computed in
 * the same order as the workbook formula, ((amount*unit_factor)*ncv) then
 * ((energy*ef)*ef_factor)*oxidation, so Excel reproduces the cached value.
 * Product-method rows (chain != NULL) use amount, term[], ef and ef_factor
 * (the conversion): amount x t1 x (1-t2) x ... x ef x ef_factor, in order. */
typedef struct {
    size_t rec;
    gas_id gas;
    double amount, unit_factor, ncv, energy_tj;
    double ef, ef_factor, oxidation;
    double emission_t, gwp, emission_t_co2e;
    gwp_origin gwp_origin;            /* the GWP's origin: fossil or non-fossil CH4 in a set that splits it, else any */
    bool memo;                        /* biogenic CO2: reported, not in totals */
    const eng_res *res;
    const eng_chain *chain;           /* product method: its terms; NULL for combustion */
    double term[ENG_MAX_TERMS];       /* product method: term values as written */
} eng_line;

/* Totals of one category (or group): tonnes of each gas, CO2e, the memo item, energy. */
typedef tot_cat eng_cat_total;

typedef struct eng_result eng_result;

/* The search order: inventory sets, each followed by the sets it extends. */
typedef struct {
    const fset *const *sets;
    size_t n;
} eng_order;

/* Resolves and computes the whole inventory. `dirs` are the folders searched,
 * in order, for factor sets and gwp.yaml (the caller puts the inventory's own
 * factor_dirs among them). Problems go to `dl`; returns NULL when there
 * were any (no partial results). */
eng_result *eng_run(const inventory *inv, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl,
                    const inv_progress *progress);
void eng_free(eng_result *r);

/* Frees what only the computation needed (the factor search index, about
 * 30 KB): the lines, totals and the search order stay readable, but factor
 * lookups (eng_run's work) find nothing afterwards. */
void eng_release(eng_result *r);

/* The rows of record `i` (at most GAS_COUNT), in gas order; returns how many. */
size_t eng_lines(const eng_result *r, size_t i, eng_line out[GAS_COUNT]);

const inventory *eng_inventory(const eng_result *r);

/* The fuel or activity key of record i as the factor sets name it: a
 * record that wrote a Chinese name (`fuel: 柴油`) has the key of the entries
 * that name found ("diesel"), so both spellings make one row wherever rows
 * are grouped by key. As written when the record has no resolution. */
const char *eng_rec_key(const eng_result *r, size_t i);
const gwp_set *eng_gwp(const eng_result *r);
eng_order eng_search_order(const eng_result *r);

/* The factor sets searched, for lookups and messages. */
const fs_order *eng_factor_order(const eng_result *r);

/* Per-category totals, sorted by category code. */
size_t eng_categories(const eng_result *r, const eng_cat_total **out);

/* Compensated totals over all categories under `prefix` ("" = all). */
eng_cat_total eng_total_under(const eng_result *r, const char *prefix);

/* Compensated totals over every category NOT under `prefix` (the total
 * without LULUCF for "3.B"). */
eng_cat_total eng_total_except(const eng_result *r, const char *prefix);

/* The first-order-decay runs, one per landfill site of inv->fod, in order. */
size_t eng_fod(const eng_result *r, const fod_result **out);

/* The CH4 that landfill site i emits in the inventory year, in t and in
 * t CO2e (by the run's GWP set, as non-fossil methane: ENG_FOD_ORIGIN), as
 * counted in its category's totals. */
#define ENG_FOD_ORIGIN GWP_ORIGIN_NON_FOSSIL /* landfill CH4 comes from biogenic DOC (IPCC 2006 Vol.5 Ch.3) */
void eng_fod_emission(const eng_result *r, size_t i, double *ch4_t, double *t_co2e);

/* The CO2e of each gas over every record and landfill site, memo items
 * excluded, summed in record order then site order. */
void eng_gas_co2e(const eng_result *r, double out_t_co2e[GAS_COUNT]);

/* One purchased-energy row (scope 2): emission = amount x EF x conversion,
 * in t CO2; reported apart from the direct totals. */
typedef struct {
    const inv_indirect *rec;
    eng_hit ef;
    long factor_year;          /* year of the factor used (0: the factor has none) */
    double amount, ef_value, conversion, emission_t;
    size_t ef_index;           /* the index of ef's value in eng_factors_used(), (size_t)-1 when not there */
} eng_indirect_line;

/* The indirect rows and their compensated totals: purchased consumption and,
 * separately, the provincial-guideline view of net imports. */
size_t eng_indirect(const eng_result *r, const eng_indirect_line **out);
double eng_indirect_total_t(const eng_result *r, bool net_import);

/* One fuel of the reference approach: (apparent consumption - non-energy use)
 * through the combustion method's NCV, CO2 factor and oxidation. */
typedef struct {
    const inv_ref_fuel *fuel;
    double apparent;           /* production + imports - exports - bunkers - stock change, in the fuel's unit */
    double net;                /* apparent - non-energy use */
    eng_line line;             /* the CO2 computed from `net` */
} eng_ref_line;

typedef struct {
    double ra_co2_t;           /* reference approach, t CO2 */
    double sa_co2_t;           /* sectoral approach, 1.A fossil CO2, t */
    double diff_pct;           /* (ra - sa) / sa x 100 */
    double threshold_pct;
    bool flagged;              /* |diff| above the threshold */
} eng_ref_summary;

/* The reference-approach rows; fills *sum. Zero rows when the inventory has
 * no reference_approach section. */
size_t eng_reference(const eng_result *r, const eng_ref_line **out, eng_ref_summary *sum);

/* Completeness of one IPCC category (depth 3, and the transport modes
 * 1.A.3.a-e): "estimated", a notation key (NO, NE, NA, IE, C) or "not
 * reported". */
typedef struct {
    const char *category;
    const char *status;
    const char *note;
} eng_complete;

size_t eng_completeness(const eng_result *r, const eng_complete **out);

/* Every distinct factor value used, in first-use order, with its origin. */
size_t eng_factors_used(const eng_result *r, const eng_hit **out);

/* The index in eng_factors_used() of hit `h` of resolution `res` (its NCV,
 * an EF, the oxidation, a product term), or (size_t)-1 when the value is
 * not there. A set's value is found by its identity; a record's own value
 * among the few that its resolution noted. O(1): a workbook refers to the
 * Factors row of each factor of each of its 10^6 rows. */
size_t eng_factor_index(const eng_result *r, const eng_res *res, const eng_hit *h);

/* Slots looked at so far in the set of factors used: with one lookup per
 * factor of each record, a constant cost per record means this grows
 * linearly with the records (a test of the engine's complexity). */
size_t eng_lookup_probes(const eng_result *r);

#endif
