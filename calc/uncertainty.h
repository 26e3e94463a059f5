/* uncertainty.h - the uncertainty model of an inventory and IPCC Approach 1 error propagation (2006 Vol.1 Ch.3). */
#ifndef GHG_UNCERTAINTY_H
#define GHG_UNCERTAINTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "engine.h"
#include "gases.h"
#include "rng.h"
#include "unc_spec.h"

/* What an uncertain input is. Activity data feed Table 3.3 column E; every
 * other role feeds column F (the emission factor and the parameters that
 * multiply it: NCV, oxidation, product-method terms, a landfill site's
 * modelled emission, GWP), which the trend treats as correlated between the
 * base year and year t (Vol.1 Ch.3 3.2.3.1, Type A sensitivity). */
typedef enum {
    UNC_ROLE_AD,       /* a record's amount */
    UNC_ROLE_NCV,      /* net calorific value */
    UNC_ROLE_EF,       /* emission factor or carbon content */
    UNC_ROLE_OXID,     /* oxidation factor of a combustion row */
    UNC_ROLE_TERM,     /* a product-method term (fraction, mcf, recovery, ...) */
    UNC_ROLE_EMISSION, /* an emission computed by a model (a landfill site) */
    UNC_ROLE_GWP,      /* the GWP of a gas (only when the caller gives one) */
    UNC_ROLE_COUNT
} unc_role;

/* Where an input's uncertainty comes from (shown beside it in the workbook). */
typedef enum {
    UNC_FROM_NONE,    /* nothing stated and no default: counted as exact (0 %) */
    UNC_FROM_STATED,  /* the record's `uncertainty`, or the factor's lower/upper or uncertainty */
    UNC_FROM_DEFAULT, /* the built-in default of its category (unc_default_note says which table) */
    UNC_FROM_OPTION,  /* given by the caller (GWP uncertainty) */
    UNC_FROM_COUNT
} unc_origin;

#define UNC_LATEST 0u /* year t: the inventory being reported */
#define UNC_BASE 1u   /* the base year of the trend */

/* One uncertain input. Its uncertainty is held as the distribution of its
 * relative value r (value / nominal, 1 at the nominal); the emission of a
 * line is multiplied by f = alpha + beta x r, which is r itself for a
 * multiplying factor, (1 - v r)/(1 - v) for a `recovery`-like term and
 * (1 + v r)/(1 + v) for a root-to-shoot ratio. minus_pct and plus_pct are the
 * 2.5 and 97.5 percentiles of f as % below and above 1: the Approach 1 input. */
typedef struct {
    unc_role role;
    unc_origin origin;
    unc_dist dist;              /* resolved: never UNC_DIST_AUTO unless origin is UNC_FROM_NONE */
    const char *name;           /* "amount", "ncv", "co2", "carbon_content", "recovery", "gwp", "emission" */
    const char *note;           /* where the uncertainty comes from, for the workbook */
    const char *group;          /* correlation group, or NULL */
    const fset_value *fv;       /* the factor value, or NULL (amount, landfill, GWP) */
    const char *set_id;         /* the factor's set ("record" for a record-level override), or NULL */
    const fset_entry *entry;    /* the factor's entry (fuel or activity, category), or NULL (override) */
    size_t rec;                 /* amount: the record; landfill: the site; else SIZE_MAX */
    unsigned year;              /* UNC_LATEST or UNC_BASE: whose record or site (shared factors: UNC_LATEST) */
    gas_id gas;                 /* GWP: the gas; else GAS_COUNT */
    double nominal;             /* the value as the emission uses it (amount in its unit, factor in its unit) */
    double stated_minus_pct;    /* the range as stated, of the value itself: % below and above it */
    double stated_plus_pct;
    rng_dist r;                 /* distribution of the relative value r (RNG_FIXED: exact) */
    double alpha, beta;         /* f = alpha + beta x r */
    double minus_pct, plus_pct; /* of f at 2.5 and 97.5 % */
    uint32_t stream;            /* random stream: inputs of one correlation group share one */
} unc_input;

/* One emission line of the model: a record and a gas (or a landfill site),
 * its nominal emission in t CO2e and the inputs that multiply it. */
typedef struct {
    uint32_t row;               /* its Approach 1 row */
    unsigned year;              /* UNC_LATEST or UNC_BASE */
    size_t rec;                 /* record or landfill site */
    double t_co2e;              /* nominal emission, negative for a removal */
    uint32_t first, n;          /* its inputs: unc_model_line_inputs()[first .. first + n) */
} unc_line;

/* Options of the model. Zero-initialised gives the defaults. */
typedef struct {
    bool by_key;                /* rows by category, fuel or activity, and gas (else category and gas) */
    bool no_defaults;           /* leave inputs without a stated uncertainty at 0 instead of the default table */
    double gwp_pct[GAS_COUNT];  /* GWP uncertainty, +/- % at 95 % (0 = exact) */
} unc_opts;

typedef struct unc_model unc_model;

/* Builds the model of `latest` and, when `base` is not NULL, of the base
 * year (both computed with the same fset_db, so a factor they share is one
 * input). Warnings (a range the distribution cannot take) go to `dl`.
 * NULL when out of memory. */
unc_model *unc_model_new(const eng_result *latest, const eng_result *base, const unc_opts *opts, diag_list *dl);
void unc_model_free(unc_model *m);

size_t unc_model_inputs(const unc_model *m, const unc_input **out);
size_t unc_model_lines(const unc_model *m, const unc_line **out);
const uint32_t *unc_model_line_inputs(const unc_model *m);
uint32_t unc_model_streams(const unc_model *m);
bool unc_model_has_base(const unc_model *m);

/* The key of Approach 1 row i (rows are sorted by category, key, gas). */
typedef struct {
    const char *category;
    const char *key;            /* NULL unless opts.by_key */
    gas_id gas;
} unc_row_key;

size_t unc_model_rows(const unc_model *m, const unc_row_key **out);

/* The role, origin and resolved distribution names, for messages and sheets. */
const char *unc_role_name(unc_role r);
const char *unc_origin_name(unc_origin o);

/* The default uncertainty the model applies to an amount of category `cat`
 * without one (+/- % at 95 %), with its source; NAN and NULL when there is
 * none. */
double unc_default_ad_pct(const char *cat, const char **note);

/* One input's share in an Approach 1 row: the row's emission that the input
 * multiplies (t CO2e, signed). The row's uncertainty from this input is
 * U x t_co2e; parts of one row and one stream add linearly (they are the
 * same draw), streams add in quadrature (Eq. 3.2). */
typedef struct {
    uint32_t row;
    uint32_t input;
    uint32_t stream;
    bool ad;                    /* column E (activity data) or F */
    double t_co2e;
} unc_part;

/* One row of the Approach 1 table, columns A..Q (docs/uncertainty.md gives
 * each column's formula). Percentages are % of the row's own emission
 * unless said otherwise. */
typedef struct {
    unc_row_key key;            /* A (category, key) and B (gas) */
    double base_t_co2e;         /* C: base year emissions (0 without a base year) */
    double t_co2e;              /* D: year t emissions */
    double ad_pct;              /* E: activity data uncertainty (the larger deviation) */
    double ef_pct;              /* F: emission factor / parameter uncertainty */
    double combined_pct;        /* G = sqrt(E^2 + F^2), Eq. 3.1 */
    double var_contrib;         /* H = (G x D)^2 / (sum D)^2, in %^2 of the total */
    double type_a;              /* I: Type A sensitivity, % */
    double type_b;              /* J: Type B sensitivity, % */
    double trend_ef_pct;        /* K = I x F */
    double trend_ad_pct;        /* L = J x E x sqrt(2) */
    double trend_var;           /* M = K^2 + L^2 */
    double lower_pct;           /* N: combined uncertainty below the estimate */
    double upper_pct;           /* O: combined uncertainty above the estimate */
    double var_lower;           /* P = (N x D)^2 / (sum D)^2 */
    double var_upper;           /* Q = (O x D)^2 / (sum D)^2 */
    double ad_lower_pct, ad_upper_pct; /* the activity-data parts of N and O */
    double ef_lower_pct, ef_upper_pct; /* the parameter parts of N and O */
    unsigned origins;           /* bit (1 << unc_origin) of every origin among its non-zero parts */
    uint32_t first_part, nparts;
} unc_row;

/* The foot of the table. */
typedef struct {
    double base_t_co2e;         /* sum C */
    double t_co2e;              /* sum D */
    double total_pct;           /* sqrt(sum H): the uncertainty of the total, Eq. 3.2 over the rows */
    double total_lower_pct;     /* sqrt(sum P) */
    double total_upper_pct;     /* sqrt(sum Q) */
    double total_pct_shared;    /* first order with an input shared by several rows counted once */
    bool has_base;
    double trend_pct;           /* (sum D - sum C) / sum C x 100 */
    double trend_unc_pct;       /* sqrt(sum M): percentage points of the trend */
} unc_total;

typedef struct {
    unc_row *rows;
    size_t nrows;
    unc_part *parts;            /* sorted by row, then stream */
    size_t nparts;
    unc_total total;
} unc_a1;

/* Approach 1 over the model. False when out of memory. */
bool unc_approach1(const unc_model *m, unc_a1 *out);
void unc_a1_free(unc_a1 *a);

/* Approach 1 of a table given directly: rows with C, D, E, F (and N, O
 * through ad/ef lower/upper) filled; fills G..Q and the total. Used by
 * unc_approach1 and by tests of worked examples. */
void unc_a1_columns(unc_row *rows, size_t n, bool has_base, unc_total *total);

#endif
