/* factors.h - factor sets and GWP sets loaded from YAML, each value with its unit, range and source. */
#ifndef GHG_FACTORS_H
#define GHG_FACTORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "gases.h"
#include "units.h"

/* One cited value: a net calorific value, an emission factor, an oxidation
 * fraction. A record-level override uses the same shape, its `ref` being the
 * record's stated source. */
typedef struct {
    double value;
    double lower, upper;    /* 95% range in the value's unit; NAN when not given */
    double uncertainty_pct; /* +/- percent at 95%; NAN when not given */
    const char *unit_text;  /* the unit as written */
    units_t unit;
    const char *ref;        /* where in the source: "Vol.2 Ch.1 Table 1.4; EFDB 117642" */
    const char *note;       /* NULL or free text */
    const struct unc_spec *unc; /* `distribution:` and `group:` of the range, or NULL */
    src_loc at;             /* where the value was written */
    unsigned unit_line, unit_col; /* where its unit was written (in at.file); 0 when not known */
    char confidence;        /* 'A', 'B', 'C', or 0 when not tagged */
    signed char tier;       /* 1, 2, 3, or 0 when not stated */
    uint16_t gas_mask;      /* product terms: bit (1 << gas) per gas it applies to, 0 = all (GAS_COUNT <= 16) */
} fset_value;

/* Where the unit of `v` was written (its value's place when not known). */
static inline src_loc fset_unit_loc(const fset_value *v)
{
    return v->unit_line ? (src_loc){v->at.file, v->unit_line, v->unit_col} : v->at;
}

/* A named parameter of an entry: "ncv", "co2", "ch4", "n2o",
 * "carbon_content", "oxidation". */
typedef struct {
    const char *name;
    fset_value v;
} fset_param;

struct fset;

/* The factors for one fuel (or activity), optionally only for the IPCC
 * categories under `category`. */
typedef struct {
    const char *key;           /* fuel or activity key, e.g. "natural_gas" */
    const char *label;         /* display name or NULL */
    const char *label_zh;      /* `name_zh:`, else the Chinese part of `name:` ("Raw coal (原煤)"), or NULL */
    bool activity;             /* written as `activity:` (a product-method or purchased-energy key), not `fuel:` */
    const char *same_as;       /* `ipcc_fuel:` the key whose factors fill the gaps, or NULL */
    const char *grid;          /* electricity grid ("national", "northeast", ...) or NULL */
    long year;                 /* year the values apply to, 0 = any */
    const char *category;      /* category prefix ("1.A.1") or NULL for all */
    int biogenic;              /* 1 yes, 0 no, -1 not stated */
    bool removal;              /* a sink: product-method emissions are negative */
    const char *feedstock;     /* fuel whose feedstock (and fuel) use this process factor covers, or NULL */
    const char **needs;        /* `needs:` parameters a record of this key must give itself (no default exists) */
    unsigned nneeds;
    fset_param *params;
    size_t nparams;
    src_loc at;
    const struct fset *set;    /* the set the entry belongs to */
} fset_entry;

typedef struct fset {
    const char *id;            /* "ipcc2006-energy" */
    const char *title;
    const char *source;        /* full citation */
    const char *version;
    const char *path;          /* file it was loaded from */
    const char *extends_id;    /* NULL or the parent set's id */
    src_loc id_at, extends_at; /* where factor_set: and extends: were written */
    const struct fset *extends;
    fset_entry *entries;
    size_t n;
    char sha256[65];           /* hex digest of the file */
} fset;

/* Where the carbon of emitted methane comes from. AR6 (WG1 Table 7.15)
 * gives fossil CH4 a higher GWP than non-fossil CH4 (29.8 and 27.0): the
 * CO2 its oxidation leaves is new to the atmosphere. Which origin a record
 * has is decided by the engine (docs/input-format.md, "Methane: fossil or
 * non-fossil"); GWP_ORIGIN_ANY is the set's one CH4 value. */
typedef enum {
    GWP_ORIGIN_ANY,        /* no split: the set's CH4 (every gas but CH4 has only this) */
    GWP_ORIGIN_FOSSIL,     /* CH4_fossil of the set */
    GWP_ORIGIN_NON_FOSSIL, /* CH4_non_fossil of the set */
    GWP_NORIGINS
} gwp_origin;

/* A GWP-100 set: one value per known gas (NAN where the set has none), and
 * CH4 by origin where the set gives both CH4_fossil and CH4_non_fossil. */
typedef struct {
    const char *id;            /* "ar5" */
    const char *title;
    double gwp[GAS_COUNT];
    const char *ref[GAS_COUNT];
    src_loc at[GAS_COUNT];
    double ch4[GWP_NORIGINS];  /* [FOSSIL], [NON_FOSSIL]: NAN when not given; [ANY] unused */
    const char *ch4_ref[GWP_NORIGINS];
    src_loc ch4_at[GWP_NORIGINS];
    src_loc set_at;            /* where the set is defined */
    bool is_default;
} gwp_set;

/* Whether set `g` splits CH4 by origin: it gives both CH4_fossil and
 * CH4_non_fossil (AR6 does; SAR, AR4 and AR5 keep one CH4 value). */
bool gwp_splits_ch4(const gwp_set *g);

/* The origin under which set `g` values gas `gas` of origin `o`: `o` for
 * CH4 in a set that splits it, else GWP_ORIGIN_ANY. */
gwp_origin gwp_effective_origin(const gwp_set *g, gas_id gas, gwp_origin o);

/* The GWP of gas `gas` of origin `o` in set `g` (NAN when the set has
 * none), with its reference and place in *ref and *at when not NULL. */
double gwp_value(const gwp_set *g, gas_id gas, gwp_origin o, const char **ref, src_loc *at);

/* "CH4 (fossil)", "CH4 (non-fossil)" or the gas's name. */
const char *gwp_gas_label(gas_id gas, gwp_origin o);

typedef struct fset_db fset_db;

/* The parameters a factor entry may carry, with the dimension each must
 * have; used to validate files and to suggest names. */
/* How a parameter enters the product method (records outside 1.A). */
typedef enum {
    FSET_TERM_NONE,      /* not a product term (ncv, sce, carbon_content) */
    FSET_TERM_EF,        /* the emission factor of one gas */
    FSET_TERM_MUL,       /* x value */
    FSET_TERM_ONE_MINUS, /* x (1 - value): abatement, recovery, cullet */
    FSET_TERM_ONE_PLUS   /* x (1 + value): root-to-shoot ratio */
} fset_term;

typedef struct {
    const char *name;
    const char *meaning;       /* for messages and the Factors sheet */
    const char *dims;          /* "energy/mass|energy/volume", "mass/energy", "1" */
    fset_term term;            /* role in the product method */
} fset_param_info;

const fset_param_info *fset_param_lookup(const char *name);

/* Every known parameter in the product method's fixed order: terms first,
 * emission factors last. */
const fset_param_info *fset_param_at(size_t i);
size_t fset_param_count(void);

/* A new empty database; NULL when out of memory. */
fset_db *fdb_new(void);
void fdb_free(fset_db *db);

/* Loads factor set `name` and the sets it extends. `name` is a set id looked
 * up as ID.yaml in `dirs` (in order), or a path to a .yaml file. `asked_at`
 * is where the name was written, for the error when it is not found. Returns
 * the set (already loaded sets are returned again), or NULL with errors in
 * `dl`. */
const fset *fdb_load_set(fset_db *db, const char *name, const char *const *dirs, size_t ndirs, src_loc asked_at,
                         diag_list *dl);

/* Loads gwp.yaml from the first of `dirs` that has it (once) and returns set
 * `id` ("ar5"; NULL picks the set marked default), or NULL with errors. */
const gwp_set *fdb_gwp(fset_db *db, const char *id, const char *const *dirs, size_t ndirs, src_loc asked_at,
                       diag_list *dl);

/* Every file the database read, in load order, with its SHA-256 (for the
 * About sheet). */
size_t fdb_files(const fset_db *db, const char ***paths, const char ***sha256);

/* A parameter of an entry, or NULL. */
const fset_value *fset_entry_param(const fset_entry *e, const char *name);

/* The English and Chinese names of entry `e` (fset_names.c): "Raw coal
 * (原煤)" splits into both; otherwise the label (or the key) is the English
 * name and `name_zh:` the Chinese one (the English one when there is none). */
void fset_entry_names(const fset_entry *e, char *en, size_t enlen, char *zh, size_t zhlen);

/* The Chinese name in label `label` ("原煤" of "Raw coal (原煤)") copied into
 * `mem`, or NULL when the label has no parenthesised Chinese part. */
struct pool;
const char *fset_label_zh(const char *label, struct pool *mem);


#endif
