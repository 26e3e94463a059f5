/* series.h - a series of yearly inventories with GDP, population and energy use, and the targets file it names. */
#ifndef GHG_SERIES_H
#define GHG_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "factors.h"
#include "units.h"

/* What an energy item is, for the mix and the shares. */
typedef enum {
    SER_FOSSIL,                 /* coal, oil, gas (the default) */
    SER_PRIMARY_ELECTRICITY,    /* non-fossil primary electricity: hydro, wind, solar, nuclear */
    SER_NET_IMPORT_ELECTRICITY, /* electricity received from outside the region less that sent out */
    SER_HEAT,                   /* heat received from outside the region */
    SER_NKINDS
} ser_kind;

/* How electricity is turned into standard coal. */
typedef enum {
    SER_CALORIFIC, /* calorific equivalent, GB/T 2589 当量值: the factor set's sce of electricity */
    SER_COAL_RATE, /* coal-consumption method, 发电煤耗法: the year's generation coal rate */
    SER_NMETHODS
} ser_method;

/* The indicators a target may name. */
typedef enum {
    SER_IND_CO2_PER_GDP,
    SER_IND_ENERGY_PER_GDP,
    SER_IND_CO2E_PER_GDP,
    SER_IND_COAL_SHARE,
    SER_IND_NON_FOSSIL_SHARE,
    SER_IND_ELECTRICITY_SHARE,
    SER_NIND
} ser_indicator;

typedef enum {
    SER_REDUCTION, /* the indicator falls by value % from base year to target year */
    SER_CEILING,   /* the share is at most value % in the target year */
    SER_FLOOR      /* the share is at least value % in the target year */
} ser_target_kind;

/* A number with its unit and source, as written. */
typedef struct {
    bool given;
    double value;
    const char *unit_text;
    units_t unit;
    const char *source; /* NULL when not stated */
    src_loc at;         /* the mapping */
    src_loc unit_at;
} ser_qty;

/* What an energy item's standard coal rests on. */
typedef enum {
    SER_BASIS_COEFFICIENT, /* the fuel's GB/T 2589 coefficient (`sce`) from the factor sets, or the item's own */
    SER_BASIS_NCV,         /* derived: the NCV the inventory used (the record's own, or where the units do not
                              fit the coefficient), tce = energy / 29.3076 GJ */
    SER_BASIS_ENERGY       /* derived: the record's amount is already an energy */
} ser_basis;

/* One line of a year's energy use. */
typedef struct {
    const char *fuel; /* fuel key of the factor sets: raw_coal, natural_gas, electricity, heat, ... */
    double amount;
    const char *unit_text;
    units_t unit;
    ser_kind kind;
    const char *source;
    src_loc at, fuel_at, unit_at;
    const fset_value *sce_override; /* `sce:` given on the item, or NULL */
    /* Filled by ser_resolve: */
    const fset_value *sce; /* the standard-coal coefficient used */
    const char *sce_set;   /* the set it came from, or "record" for an override */
    double sce_factor;     /* amount x sce x sce_factor = tce */
    double rate_factor;    /* electricity: amount x coal rate (gce/kWh) x rate_factor = tce; else 0 */
    bool coal;             /* counted as coal in the coal share */
    /* Filled by ser_derive (the year's inventory computed): */
    ser_basis basis;       /* what the standard coal rests on */
    bool derived;          /* taken from the inventory, not written in the series */
    double co2_t;          /* fossil CO2 of the inventory's records behind the item (derived), or of every
                              record of its fuel (written); NAN when there are none */
} ser_energy;

/* One year of the series. */
typedef struct {
    long year;
    src_loc at;
    const char *inventory; /* path, relative to the current folder (resolved from the series file) */
    src_loc inventory_at;
    const char *note;
    ser_qty gdp;
    bool gdp_current;  /* prices: current (then `deflator` applies) */
    double deflator;   /* GDP deflator, price_base = 100; 100 for constant prices */
    double gdp_factor; /* gdp value x gdp_factor = 10^4 yuan */
    ser_qty population;
    double population_factor; /* population value x factor = persons */
    ser_qty coal_rate;        /* this year's, or the series' default */
    double coal_rate_factor;  /* coal rate value x factor = gce/kWh */
    bool has_final;           /* final_energy given */
    ser_qty final_total, final_electricity;
    const char *final_source;
    double final_total_factor;    /* x factor = tce */
    double final_elec_sce_factor; /* final electricity x sce(electricity) x factor = tce (set by ser_resolve) */
    const fset_value *final_elec_sce;
    ser_energy *energy;
    size_t nenergy;
    size_t nwritten;     /* the items written in the series (the first nenergy before ser_derive) */
    bool energy_given;   /* `energy:` was written */
    bool estimate;       /* a plan estimate (`estimate: true`, or after the series' latest_statistics) */
    bool estimate_given; /* `estimate:` was written (it wins over latest_statistics) */
    src_loc estimate_at; /* where `estimate:` was written, or the year */
} ser_year;

/* One target of the targets file. */
typedef struct {
    const char *id;
    const char *title; /* NULL when not given */
    ser_indicator indicator;
    ser_target_kind kind;
    long base_year, target_year;
    double value_pct; /* reduction in % (positive), or the share in % */
    const char *source, *note;
    bool illustrative;
    src_loc at, base_at, target_at, indicator_at;
} ser_target;

/* The groups whose CO2 per tce is checked (ser_bounds). */
typedef enum { SER_GROUP_COAL, SER_GROUP_OTHER, SER_GROUP_FOSSIL, SER_NGROUPS } ser_group;

/* The range of CO2 per tce (t CO2/tce) of a group of fuels of the factor
 * sets, and the fuels at its ends; lo > hi when the sets give none. */
typedef struct {
    double lo, hi;
    const char *lo_fuel, *hi_fuel;
} ser_bound;

typedef struct {
    const char *path;
    char sha256[65];
    const char *id, *title, *region, *notes;
    long base_year, price_base;
    src_loc base_at;
    bool derive_energy;     /* derive each year's energy from its inventory (default true) */
    long latest_statistics; /* years after it are plan estimates; 0 when not given */
    src_loc latest_at;
    ser_method method; /* the headline method for energy */
    src_loc method_at;
    ser_qty coal_rate;      /* series default, or given = false */
    const char **set_names; /* for the standard-coal coefficients; default china-energy */
    src_loc *set_at;
    size_t nsets;
    ser_year *years; /* ascending */
    size_t nyears;
    /* The targets file (optional): */
    const char *targets_path;
    char targets_sha256[65];
    src_loc targets_at;
    const char *targets_id, *targets_title, *targets_source;
    ser_target *targets;
    size_t ntargets;
    /* The factor sets searched for sce, in order (each followed by the sets it extends), set by ser_resolve. */
    struct fs_order *fs;
    const fset *const *order; /* fs_sets(fs), fs_count(fs) */
    size_t norder;
    /* CO2 per tce of the fossil fuels of the factor sets (ser_bounds), by group: */
    ser_bound bound[SER_NGROUPS];
    const char *noted[32]; /* fuel keys whose NCV ser_derive has noted (once per series) */
    size_t nnoted;
    struct pool *mem;
} ser_series;

/* Loads and validates the series at `path` and its targets file. Every
 * problem goes to `dl` as file:line:col; the result is NULL only when out
 * of memory, and is kept (its path is in the messages) until they are
 * printed. Check diag_error_count(dl) before use. */
ser_series *ser_load(const char *path, diag_list *dl);

/* ser_load and ser_load_targets from a reader already open on the file
 * (see inv_load_from), which is closed here. NULL only when out of memory. */
struct yreader;
ser_series *ser_load_from(struct yreader *yr, diag_list *dl);
ser_series *ser_load_targets_from(struct yreader *yr, diag_list *dl);

/* Loads the series' factor sets from `dirs` and finds every energy item's
 * standard-coal coefficient, checks that amount x coefficient is an energy,
 * and classifies coal. Returns false with errors in `dl`. */
bool ser_resolve(ser_series *s, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl);

void ser_free(ser_series *s);

/* Loads a targets file on its own (for `ghgcalc check`): a series with no
 * years whose targets are filled. Errors go to `dl`. */
ser_series *ser_load_targets(const char *path, diag_list *dl);

/* The year's index in s->years, or -1. */
long ser_year_index(const ser_series *s, long year);

/* Names as the files write them: "co2_per_gdp", "reduction", "primary_electricity", "calorific". */
const char *ser_indicator_name(ser_indicator i);
const char *ser_target_kind_name(ser_target_kind k);
const char *ser_kind_name(ser_kind k);
const char *ser_method_name(ser_method m);

/* True for the share indicators (coal, non-fossil, electricity). */
bool ser_indicator_is_share(ser_indicator i);

/* True when fuel key `key` (or the IPCC fuel it maps to) is coal or a coal
 * product; see the list in series.c. */
bool ser_is_coal_key(const char *key);

/* True for the gases made from coal in the region (blast furnace, coke oven,
 * converter, gas works gas): their coal is counted, so they are not derived
 * as energy items; see the list in series.c. */
bool ser_is_derived_gas(const char *key);

/* "coefficient", "NCV", "energy". */
const char *ser_basis_name(ser_basis b);

struct eng_result;
/* Derives the energy of year `yi` from its computed inventory `r`
 * (ser_derive.c): every fossil fuel-combustion record (1.A; not biomass, not
 * a gas made from counted coal) under the series key its fuel maps to, the
 * inventory's primary electricity (economy) and its net imports of
 * electricity and heat (indirect records with view: net_import); items the
 * series writes for the same fuel and kind win. Fills each item's co2_t.
 * With derive_energy false, only co2_t of the written items. False after an
 * error (reported in `dl`) or when out of memory. */
bool ser_derive_year(ser_series *s, size_t yi, const struct eng_result *r, diag_list *dl);

/* The CO2 per tce of the fossil fuels of the series' factor sets (those
 * with a GB/T 2589 coefficient per mass or volume, not biomass or a derived
 * gas): EF x NCV / coefficient, by group; called by ser_resolve. */
void ser_bounds(ser_series *s);

#endif
