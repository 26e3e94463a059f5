/* projection.h - peak-carbon scenarios: the scenario file, the model bound to a base inventory, and its results. */
#ifndef GHG_PROJECTION_H
#define GHG_PROJECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "engine.h"
#include "gases.h"
#include "intensity.h"
#include "lmdi.h"
#include "peak.h"
#include "rng.h"
#include "series.h"
#include "units.h"

#define PRJ_NONE ((size_t)-1) /* no parameter, no entry */
#define PRJ_MAX_YEAR 2100     /* the latest horizon */

/* ---------------------------------------------------------------- the file (proj_load.c) */

/* One number of the scenario file: an input cell of the Assumptions sheet
 * and, when uncertain, one random variable of the Monte Carlo run (its
 * index in prj_file.params is the variable id). */
typedef struct {
    double value;       /* the deterministic value, a plain number (6 % is 0.06), in the unit written */
    rng_dist dist;      /* RNG_FIXED when certain; else in the same unit as value */
    const char *text;   /* as written: "6%", "1452.5" */
    const char *label;  /* what it is: "baseline: drivers.gdp rate from 2026" */
    const char *source; /* its own source, or its entry's */
    size_t scenario;    /* the scenario that writes it */
    src_loc at;
} prj_param;

typedef enum { PRJ_PATH_NONE, PRJ_PATH_VALUES, PRJ_PATH_RATE } prj_path_kind;

/* A path over the years: values at given years (interpolated) or annual
 * rates from given years; the base-year value comes from what the path
 * describes. See docs/projection.md#paths. */
typedef struct {
    prj_path_kind kind;
    bool geometric;      /* values: geometric interpolation (else linear) */
    size_t n;            /* points */
    const long *year;    /* point years, ascending, after the base year (rates: the first is base + 1;
                            a rate written as one number has one point of year 0, meaning base + 1) */
    const size_t *param; /* the parameter of each point */
    src_loc at;
} prj_path;

/* Which lines an entry or a measure applies to. */
typedef struct {
    const char *category; /* category prefix, or NULL with `indirect` */
    const char **keys;    /* fuel or activity keys; NULL: every key */
    size_t nkeys;
    bool coal;            /* `fuel: coal`: every coal key (ser_is_coal_key) */
    const char *indirect; /* "electricity" or "heat": purchased-energy lines; NULL otherwise */
    src_loc at;
} prj_select;

typedef enum { PRJ_E_ACTIVITY, PRJ_E_EFFICIENCY, PRJ_E_MIX, PRJ_E_EF, PRJ_E_ENERGY, PRJ_NENTRY } prj_entry_kind;
typedef enum { PRJ_LIMIT_EXACT, PRJ_LIMIT_AT_MOST, PRJ_LIMIT_AT_LEAST } prj_limit;

/* One entry of activity, efficiency, mix, ef or energy. */
typedef struct {
    const char *id;
    prj_entry_kind kind;
    prj_select sel;       /* not for energy entries */
    const char **drivers; /* activity: driver form */
    size_t ndrivers;
    size_t elasticity;     /* parameter, or PRJ_NONE (1) */
    prj_path path;         /* values or rate; mix: the share */
    const char *unit_text; /* absolute values: their unit; NULL for an index */
    units_t unit;
    prj_limit limit;      /* mix */
    gas_id gas;           /* ef: one gas, or GAS_COUNT for all */
    const char *fuel;     /* energy: the series item's fuel key */
    ser_kind energy_kind; /* energy: the item's kind */
    const char *source;
    src_loc at;
} prj_entry;

typedef enum { PRJ_M_SWITCH, PRJ_M_RETIRE, PRJ_M_CAPTURE, PRJ_M_PROJECT, PRJ_NMTYPES } prj_mtype;

/* A named intervention (docs/projection.md#measures). */
typedef struct {
    const char *id, *title;
    prj_mtype type;
    prj_select sel;      /* not for projects */
    size_t share;        /* a scalar share with the ramp, or PRJ_NONE */
    prj_path share_path; /* or a share path (values, linear from 0) */
    size_t amount;       /* parameter, or PRJ_NONE */
    const char *amount_unit_text;
    units_t amount_unit;
    size_t availability;   /* capture: parameter, or PRJ_NONE (1) */
    const char *to_fuel;   /* switch: the fuel supplying what is removed, or NULL */
    size_t ratio;          /* its TJ per TJ removed */
    long start, full;      /* the ramp: first year with an effect, first with the full effect */
    const char *inventory; /* project: the project's inventory, relative to the current folder */
    src_loc inventory_at;
    prj_path growth; /* project: index path of its activity */
    size_t project;  /* project: index into prj_file.projects */
    const char *source;
    src_loc at;
} prj_measure;

/* A driver: GDP, population, coal rate, or one of the planner's own. */
typedef struct {
    const char *name;
    size_t base; /* parameter of `base:`, or PRJ_NONE */
    prj_path path;
    const char *unit_text; /* NULL: none given */
    units_t unit;
    double scale; /* a value in unit_text x scale = the model unit (10^4 yuan, person, gce/kWh) */
    const char *source;
    src_loc at;
} prj_driver;

/* A scenario with its inheritance resolved: every list as the scenario
 * sees it (the parent's items, replaced and added to by name, in order). */
typedef struct {
    const char *id, *title;
    size_t parent; /* index of the parent scenario, or PRJ_NONE */
    src_loc at;
    const prj_driver **drivers;
    size_t ndrivers;
    const prj_entry **entry[PRJ_NENTRY];
    size_t nentry[PRJ_NENTRY];
    const prj_measure **measures;
    size_t nmeasures;
} prj_scenario;

/* A sector of the tables: the categories whose lines it holds. */
typedef struct {
    const char *id, *title, *title_zh;
    const char **prefixes;
    size_t nprefixes;
} prj_sector;

/* What peaks (docs/projection.md#peak-settings). */
typedef enum { PRJ_MET_CO2_ENERGY, PRJ_MET_CO2, PRJ_MET_CO2E, PRJ_MET_CO2E_NET, PRJ_NMETRICS } prj_metric;

typedef struct prj_file {
    const char *path;
    char sha256[65];
    const char *id, *title, *region, *notes;
    const char *inventory, *series, *targets; /* paths, relative to the current folder; series, targets may be NULL */
    src_loc inventory_at, series_at, targets_at;
    long horizon;
    src_loc horizon_at;
    prj_sector *sectors; /* the last one is "other" */
    size_t nsectors;
    const char **sink; /* category prefixes of the land sink */
    size_t nsink;
    prj_metric metric;
    long peak_by;
    double plateau_pct;
    long as_of; /* 0: the base year */
    size_t mc_iterations;
    uint64_t mc_seed;
    bool mc_given; /* the file has `monte_carlo:`: the run does Monte Carlo unless told not to */
    prj_param *params;
    size_t nparams;
    prj_scenario *scen;
    size_t nscen;
    const prj_measure **projects; /* the project measures, in file order */
    size_t nprojects;
    struct pool *mem;
} prj_file;

/* Loads and checks the scenario file at `path`: every problem goes to `dl`
 * as file:line:col; the result is NULL only when out of memory and is kept
 * (its path is in the messages) until they are printed. Check
 * diag_error_count(dl) before using it. Paths it names are checked to be
 * readable, not loaded. */
prj_file *prj_load(const char *path, diag_list *dl);

/* prj_load from a reader already open on the file (`check` reads its first
 * key to tell its kind, then pushes it back); the reader is closed. */
struct yreader;
prj_file *prj_load_from(struct yreader *yr, diag_list *dl);
void prj_file_free(prj_file *f);

/* Names as the file writes them. */
const char *prj_metric_name(prj_metric m);
const char *prj_mtype_name(prj_mtype t);
const char *prj_entry_kind_name(prj_entry_kind k);

/* ---------------------------------------------------------------- the model (prj_bind.c) */

typedef enum { PRJ_L_COMBUSTION, PRJ_L_PRODUCT, PRJ_L_LANDFILL, PRJ_L_INDIRECT } prj_line_kind;

/* One line: a base-year record (or landfill site, or purchased-energy
 * record) of the base inventory or of a project's inventory. */
typedef struct {
    prj_line_kind kind;
    const char *category, *key;
    const char *written;   /* the fuel or activity as the record wrote it: a Chinese name, or the key */
    const char *ipcc_key;  /* the key's IPCC fuel (ipcc_fuel of its factor entry), or the key */
    const char *unit_text; /* of amount0 */
    units_t unit;
    double amount0;             /* the record's amount */
    double energy0_tj;          /* combustion: TJ; purchased energy: TJ; else 0 */
    double e0[GAS_COUNT];       /* t of each gas in the base year (memo CO2 included) */
    double ef0[GAS_COUNT];      /* the emission factor of each gas as the engine used it */
    units_t ef_unit[GAS_COUNT]; /* its unit */
    unsigned gases;             /* bit g: the line emits gas g */
    unsigned memo;              /* bit g: gas g is a memo item (biogenic CO2) */
    gwp_origin ch4_origin;      /* the origin the engine gave its CH4's GWP (AR6: fossil or non-fossil) */
    bool sink;                  /* under a sink prefix */
    bool energy_use;            /* under 1.A: counted in co2_energy */
    bool net_import;            /* purchased energy: the net-import view */
    size_t sector;
    size_t project; /* PRJ_NONE: the base inventory; else index into prj_file.projects */
    src_loc at;
} prj_line;

/* A series energy item as the projection drives it. */
typedef struct {
    const ser_energy *item; /* the base-year item */
    const char *ipcc_key;   /* its fuel's IPCC key (ipcc_fuel in the series' factor sets), or its fuel */
    size_t *lines;          /* base combustion lines burning its fuel: their energy drives the item */
    size_t nlines;
    size_t *plines; /* project combustion lines burning it: added to the numerator */
    size_t nplines;
    double base_tj;        /* energy of `lines` in the base year */
    const prj_entry *path; /* an `energy` entry for the item, or NULL */
    double path_scale;     /* absolute path value x scale = the item's unit */
    double tj_to_amount;   /* net imports: TJ of added electricity x this = the item's unit */
} prj_item;

/* A measure bound to lines. */
typedef struct {
    const prj_measure *m;
    size_t *lines; /* the selected lines (project: the project's lines) */
    size_t nlines;
    double *qconv; /* per selected line: its quantity x qconv = the measure's quantity unit */
    size_t *to;    /* switch to a fuel: the receiving lines; to electricity: purchased lines */
    double *to_w;  /* per receiving line: fuel: share of base energy; electricity: share within
                      its view x the line's amount per TJ */
    size_t nto;
    bool to_elec;        /* `to: {fuel: electricity}` */
    bool by_energy;      /* switch and retire act on energy (fuel combustion lines) */
    double amount_scale; /* amount parameter x scale = TJ (by energy), t CO2 (capture), or the amount's unit */
} prj_bmeasure;

/* A scenario bound to the lines: which entry governs each line. */
typedef struct {
    const prj_scenario *sc;
    const prj_driver **driver; /* ndrivers: gdp, population, coal_rate (NULL when not given), then the scenario's own */
    size_t ndrivers;
    double *driver_base;     /* per driver: its base value when it has no `base:` (model unit) */
    size_t *act, *eff, *mix; /* per line: index into sc->entry[kind], or PRJ_NONE */
    size_t *ef;              /* per line and gas (nlines x GAS_COUNT): index into sc->entry[PRJ_E_EF] */
    size_t **act_drivers;    /* per activity entry: its drivers' indices */
    double *act_base;        /* per activity entry with a unit: P(b), its lines' base amount in that unit */
    double *ef_scale;        /* per line and gas: absolute ef value x scale = the line's factor unit */
    double *mix_p0;          /* per mix entry: the base-year share of its named fuels */
    bool *mix_named;         /* per line: one of its mix group's named fuels */
    size_t *mix_first;       /* per mix entry + 1: its group's lines are mix_line[mix_first[i] .. mix_first[i + 1]) */
    size_t *mix_line;        /* the lines of every group, in line order */
    prj_bmeasure *meas;      /* one per sc->measures */
    size_t nmeas;
    prj_item *items; /* one per base-year energy item of the series (none without a series) */
    size_t nitems;
} prj_plan;

/* One history year, computed from its inventory as `intensity` does. */
typedef struct {
    long year;
    int_inv inv;
    double metric[PRJ_NMETRICS];
    unsigned covers; /* bit k: the inventory has lines in IPCC sector k+1 (1..5) */
} prj_hist;

/* Fills `out` from a computed history inventory; false when out of memory. */
bool prj_hist_from(const eng_result *r, const prj_file *f, prj_hist *out);
void prj_hist_clear(prj_hist *h);

/* What the model is bound to: computed by the caller (the command). */
typedef struct {
    const eng_result *base;   /* the base inventory */
    const ser_series *series; /* loaded and resolved, or NULL */
    const prj_hist *hist;     /* one per series year before the base year */
    size_t nhist;
    const ser_series *targets;         /* f->targets loaded (ser_load_targets), or NULL: the series' targets */
    const eng_result *const *projects; /* one per f->projects */
} prj_inputs;

typedef struct {
    const prj_file *f;
    prj_inputs in;
    long base_year;
    double gwp[GAS_COUNT]; /* the base inventory's GWP set, for every line's CO2e */
    double gwp_ch4[GWP_NORIGINS]; /* its CH4 by origin (all three the one CH4 value unless the set splits it) */
    size_t nyears;         /* base_year .. horizon */
    prj_line *lines;
    size_t nlines;
    const char **fuels; /* combustion fuel keys, sorted: the columns of energy by fuel */
    size_t nfuels;
    size_t *line_fuel;           /* per line: index into fuels, or PRJ_NONE */
    prj_plan *plans;             /* one per scenario */
    const ser_year *series_base; /* the series' base year, or NULL */
    const ser_target **targets;  /* the targets judged in the projection (electricity_share left out) */
    size_t ntargets;
    struct pool *mem;
} prj_model;

/* The GWP of gas g of line l: CH4 by the line's origin, else the gas's. */
static inline double prj_gwp(const prj_model *m, const prj_line *l, int g)
{
    return g == GAS_CH4 ? m->gwp_ch4[l->ch4_origin] : m->gwp[g];
}

/* Binds the file to its inputs: builds the lines, resolves every selector,
 * driver and unit, and checks what needs the inventory (a selector that
 * matches nothing, a unit that does not fit, a base year missing from the
 * series). Every problem goes to `dl` at its file:line:col; NULL when there
 * were any (no partial result) or out of memory. */
prj_model *prj_bind(const prj_file *f, const prj_inputs *in, diag_list *dl);
void prj_model_free(prj_model *m);

/* ---------------------------------------------------------------- a run (projection.c) */

/* One scenario evaluated. Per-line arrays are line-major: [line][year], and
 * for t and ef [line][gas][year] (prj_cell), so each gas's years are contiguous. */
typedef struct {
    size_t nyears, nlines, ndrivers, nmeasures;
    double *driver;  /* ndrivers x nyears */
    double *index;   /* nlines x nyears: activity index a after the mix, before the measures */
    double *ef;      /* nlines x nyears x GAS_COUNT: emission-factor index F */
    double *energy;  /* nlines x nyears: TJ after the measures */
    double *amount;  /* nlines x nyears: activity amount after the measures, in the line's unit */
    double *t;       /* nlines x nyears x GAS_COUNT: tonnes after the measures */
    double *metric;  /* (nmeasures + 1) x PRJ_NMETRICS x nyears: after measures 0..k */
    double *elec_tj; /* nyears: electricity added by switches and projects (TJ) */
    double *removed; /* nmeasures x nyears: energy removed (TJ, or the amount's unit), CO2 captured (t),
                        or the project's CO2e (t) */
    double *scratch; /* paths of the entries and measures */
    size_t nscratch;
    bool final_only; /* totals after all measures only (block nmeasures): the Monte Carlo's need */
    size_t stop;     /* apply measures 0 .. stop-1 only (PRJ_NONE: all): the state after `stop` measures */
    const struct prj_live *live; /* final_only runs: recompute only what depends on an uncertain number (or NULL) */
    /* What the workbook's rows show besides the lines (not written in final_only runs): */
    double *pre;  /* nlines x nyears: a' = A x eta, before the mix */
    double *mixv; /* per mix entry PRJ_MIX_NV x nyears: see prj_mix_value */
    double *msig; /* nmeasures x nyears: switch/retire sigma (share x ramp, or the ramp); capture, project: the ramp */
    double *mq;   /* nmeasures x nyears: the quantity acted on (switch: energy or amount; capture: CO2 t;
                     project: its growth index) */
    double *mk;   /* nmeasures x nyears: the share each selected line keeps (1 for projects) */
} prj_run;

/* What a Monte Carlo run of one scenario recomputes (prj_live.c): the lines, entries and measures that depend
 * on an uncertain number, directly or through a driver, a mix group or a measure they share; everything else
 * keeps its value of the deterministic run, and each line that is not recomputed adds its part of the peak
 * metric from there. The sums come out the same, bit for bit, as a full evaluation. */
typedef struct prj_live {
    unsigned char *line;  /* per line: recomputed */
    unsigned char *entry; /* per entry, in the order of the run's scratch paths (kinds in order) */
    unsigned char *mix;   /* per mix entry: its group is recomputed */
    unsigned char *meas;  /* per measure: applied */
    unsigned char *energy; /* per line: its energy and amount are needed (an applied measure takes or adds them) */
    unsigned char *adds;  /* per line: adds to the peak metric */
    double *contrib;      /* per line x year: its part of the peak metric in the deterministic run */
    prj_run base;         /* the deterministic run (its scratch paths) */
    size_t nlive;         /* lines recomputed */
} prj_live;

/* Works out what scenario s's Monte Carlo runs recompute, with the deterministic
 * run; false when out of memory. */
bool prj_live_init(const prj_model *m, size_t s, prj_live *lv);
void prj_live_clear(prj_live *lv);

/* The values of a mix group in a year, as prj_run.mixv keeps them. */
typedef enum {
    PRJ_MIX_GROUP,   /* energy of the group before the mix (TJ) */
    PRJ_MIX_NAMED,   /* of its named fuels */
    PRJ_MIX_P1,      /* P': their share */
    PRJ_MIX_PSTAR,   /* P*: the share after the path and the limit */
    PRJ_MIX_SNAMED,  /* S of the named fuels */
    PRJ_MIX_SOTHER,  /* S of the others */
    PRJ_MIX_NV
} prj_mix_value;

/* The ramp of measure `me` in year y: 0 before start, (y - start + 1) /
 * (full - start + 1) up to full, then 1 (docs/projection.md#measures). */
double prj_ramp(const prj_measure *me, long y);

/* Adds line li's part of metric k in run r (after its measures) to out[0..nyears), in the order every total
 * sums it; `co2e` is room for nyears values. False when the line has no part in k. */
bool prj_line_metric(const prj_model *m, const prj_run *r, size_t li, prj_metric k, double *co2e, double *out);

/* The index of line li, gas g, year index t in a run's t and ef arrays. */
static inline size_t prj_cell(const prj_run *r, size_t li, int g, size_t t)
{
    return (li * GAS_COUNT + (size_t)g) * r->nyears + t;
}

/* Allocates the arrays of a run of `m` (for any of its scenarios); false
 * when out of memory. */
bool prj_run_init(const prj_model *m, prj_run *r);
void prj_run_clear(prj_run *r);

/* The deterministic value of every parameter (caller's array of f->nparams). */
void prj_values(const prj_file *f, double *pv);

/* Evaluates scenario `s` with parameter values `pv`, leaving out measure
 * `skip` (PRJ_NONE: none), into `r` (from prj_run_init). */
void prj_eval(const prj_model *m, size_t s, const double *pv, size_t skip, prj_run *r);

/* The value of path `p` in every year, base value `base`, each point value
 * times `scale` (out has m->nyears entries). */
void prj_path_eval(const prj_path *p, const double *pv, double base, double scale, long base_year, size_t nyears,
                   double *out);

/* ---------------------------------------------------------------- results (prj_result.c) */

/* A measure's effect on its own: the scenario without it. */
typedef struct {
    peak_info peak;     /* of the scenario without the measure, on the projection */
    double cumulative;  /* metric summed over base + 1 .. horizon, without the measure */
    int_status *status; /* per target without the measure (NULL without intensity) */
} prj_effect;

/* An LMDI decomposition between two years. */
typedef struct {
    long from, to;
    bool ok;
    double *effects; /* (nsectors) x LMDI_NFACTORS */
    double *change;  /* nsectors: change of the decomposed part */
    double rest;     /* change of the metric outside fuel combustion */
} prj_lmdi;

typedef struct {
    const prj_scenario *sc;
    prj_run run;
    double *sector_t;      /* nyears x nsectors x GAS_COUNT, memo excluded */
    double *sector_co2e;   /* nyears x nsectors */
    double *sector_metric; /* nsectors x nyears: the peak metric by sector */
    double *fuel_tj;       /* nyears x nfuels */
    double *indirect_t;    /* 2 x nyears: CO2 of purchased energy, consumption view then net-import view */
    double *memo_t;        /* nyears: biogenic CO2 */
    long *years;           /* nhist + nyears: history then projection */
    double *line;          /* nhist + nyears: the peak metric, history then projection */
    size_t nline;
    peak_info peak;         /* on the projection, base year to horizon (indices into run years) */
    peak_info peak_all;     /* on history and projection together (indices into `years`) */
    peak_info *sector_peak; /* nsectors, on the projection */
    prj_effect *effect;     /* per measure */
    prj_lmdi lmdi[2];       /* base year -> peak, peak -> horizon */
    ser_series syn;         /* the series the intensity indicators are computed on */
    int_inv *inv;
    int_result *ind; /* NULL without a series */
} prj_scen_result;

typedef struct {
    const prj_model *m;
    double *pv; /* the deterministic parameter values */
    prj_scen_result *scen;
    size_t nscen;
    peak_history history;    /* the has-peaked test on history (the metric) */
    unsigned history_covers; /* union of the history years' covers */
} prj_result;

/* Computes every scenario: the runs, totals, peaks, the measures left out,
 * LMDI and the intensity indicators and targets. Warnings (history that
 * covers other sectors than the base) go to `dl`. NULL when out of memory. */
prj_result *prj_compute(const prj_model *m, diag_list *dl);
void prj_result_free(prj_result *r);

/* The peak metric of history (m->in.hist) then of run r's projection:
 * nhist + nyears years and values. */
void prj_history_line(const prj_model *m, const prj_run *r, long *years, double *line);

/* The metric `k` of a run after all measures (nyears values). */
const double *prj_metric_path(const prj_run *r, prj_metric k);

/* LMDI of scenario result `sr` between projected years y0 and y1. */
bool prj_lmdi_between(const prj_model *m, const prj_scen_result *sr, long y0, long y1, prj_lmdi *out);
void prj_lmdi_clear(prj_lmdi *l);

/* ---------------------------------------------------------------- Monte Carlo (prj_mc.c) */

#define PRJ_MC_NPCT 3 /* 5, 50 and 95 % */

typedef struct {
    size_t iterations;
    uint64_t seed;
    unsigned threads;
    size_t nscen, nyears, nuncertain;
    double *p_peak_by;       /* nscen: share of iterations peaking by f->peak_by */
    size_t *peak_year_count; /* nscen x (nyears + 1): peak in each projected year; last: not by the horizon */
    double *peak_value_pct;  /* nscen x 3 */
    double *peak_year_pct;   /* nscen x 3 */
    double *path_pct;        /* nscen x 3 x nyears */
    double *path_mean;       /* nscen x nyears */
    double *peak_value;      /* nscen x iterations: raw, for the writers' histograms */
    long *peak_year;         /* nscen x iterations; horizon + 1: not peaked by the horizon */
} prj_mc;

/* Progress of a long run: fn(ctx, done, total), called from the calling
 * thread now and then; fn NULL: none. */
typedef struct {
    void (*fn)(void *ctx, size_t done, size_t total);
    void *ctx;
} prj_progress;

/* Runs `iterations` draws with `seed` on `threads` threads (at least 1);
 * peaks are on the projection (base year to horizon), as prj_scen_result.peak;
 * every uncertain parameter is drawn with rng_uniform(seed, its index,
 * iteration), so the results do not depend on `threads`. `progress` may be
 * NULL. NULL when out of memory. */
prj_mc *prj_mc_run(const prj_model *m, size_t iterations, uint64_t seed, unsigned threads, const prj_progress *progress);
void prj_mc_free(prj_mc *mc);

/* The p-quantile (0..1) of n sorted values, as Excel's PERCENTILE.INC. */
double prj_percentile(const double *sorted, size_t n, double p);

#endif
