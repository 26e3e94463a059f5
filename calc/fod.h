/* fod.h - the IPCC 2006 first-order-decay model of methane from solid waste disposal sites (Vol.5 Ch.3). */
#ifndef GHG_FOD_H
#define GHG_FOD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "pool.h"

/* Waste types with IPCC 2006 defaults (Vol.5 Ch.2 Table 2.4, Ch.3 Table 3.3).
 * The YAML names are those of fod_waste_name(). */
typedef enum {
    FOD_FOOD,           /* food waste */
    FOD_GARDEN,         /* garden and park waste */
    FOD_PAPER,          /* paper and cardboard */
    FOD_WOOD,           /* wood and straw */
    FOD_TEXTILES,       /* textiles */
    FOD_NAPPIES,        /* disposable nappies: DOC default, no default k */
    FOD_RUBBER_LEATHER, /* rubber and leather: DOC default, no default k */
    FOD_BULK,           /* bulk (unsorted) MSW: k default, DOC must be given */
    FOD_SLUDGE,         /* sewage sludge: DOC and k defaults (k: Table 3.3's food waste / sewage sludge row) */
    FOD_INDUSTRIAL,     /* industrial waste: no verified default DOC or k (NE): both must be given */
    FOD_NWASTE
} fod_waste;

/* Site types of Vol.5 Ch.3 Table 3.1, each with its MCF and category. */
typedef enum {
    FOD_MANAGED_ANAEROBIC,    /* MCF 1.0, 4.A.1 */
    FOD_MANAGED_SEMI_AEROBIC, /* MCF 0.5, 4.A.1 */
    FOD_UNMANAGED_DEEP,       /* MCF 0.8, 4.A.2 (waste >= 5 m deep) */
    FOD_UNMANAGED_SHALLOW,    /* MCF 0.4, 4.A.2 (waste < 5 m deep) */
    FOD_UNCATEGORISED,        /* MCF 0.6, 4.A.3 */
    FOD_NSITE_TYPE
} fod_site_type;

/* Climate zones of Vol.5 Ch.3 Table 3.3. Only the boreal and temperate zones
 * (MAT <= 20 C) have default k values here; a tropical site gives k itself. */
typedef enum {
    FOD_CLIMATE_NONE,  /* not given: every k must be given */
    FOD_TEMPERATE_DRY, /* boreal and temperate, MAP/PET < 1 */
    FOD_TEMPERATE_WET, /* boreal and temperate, MAP/PET > 1 */
    FOD_TROPICAL_DRY,  /* MAT > 20 C, MAP < 1000 mm: no defaults here */
    FOD_TROPICAL_WET,  /* MAT > 20 C, MAP >= 1000 mm: no defaults here */
    FOD_NCLIMATE
} fod_climate;

/* One model parameter and where it came from: `source` is the reference of a
 * built-in default (with `at.line` 0), or "input" or the input's own `source`
 * text (with `at` the value's place in the file). */
typedef struct {
    double value;
    const char *source;
    src_loc at;
} fod_param;

/* The MCF of the deposits of year `from` and later (until the next period
 * starts): a site whose management changed, e.g. an open dump (0.4) made a
 * managed anaerobic landfill (1.0) in 2005. */
typedef struct {
    int from;
    fod_param mcf;
} fod_mcf_period;

/* An MCF by deposit year: periods in ascending `from`, the first at or
 * before the site's first deposit year; n == 0 when none was given. */
typedef struct {
    size_t n;
    fod_mcf_period *p;
} fod_mcf_series;

/* CH4 recovered at a site in one year (R_T of Eq. 3.1). */
typedef struct {
    int year;
    double ch4_gg;
    src_loc at;
} fod_recovery;

/* One solid waste disposal site with its deposition history. Deposits are
 * held in Gg of wet waste; column j of every row is waste type type[j]. */
typedef struct {
    const char *name;
    src_loc at;
    const char *category; /* "4.A.1", "4.A.2" or "4.A.3", from the site type */
    fod_site_type site_type;
    fod_climate climate;
    fod_param mcf, docf, f, ox;
    fod_param delay_months;     /* 0-6; -6 with `decay_start: deposit_year` (M = 1: a full year of decay then) */
    fod_mcf_series mcf_periods; /* `mcf:` by period for every waste type; n == 0: `mcf` every year */
    size_t ntypes;
    fod_waste type[FOD_NWASTE];
    fod_param doc[FOD_NWASTE]; /* by column */
    fod_param k[FOD_NWASTE];   /* by column, 1/yr */
    fod_mcf_series mcf_type[FOD_NWASTE]; /* by column: the type's own MCF (`mcf: {sludge: ...}`); n == 0: the site's */
    int first_year;
    size_t nyears;              /* rows: first_year .. first_year + nyears - 1, no gaps */
    double *w_gg;               /* nyears x ntypes, row-major: W(T) of Eq. 3.2 */
    src_loc *row_at;            /* where each row starts */
    const char *deposit_unit;   /* the unit the rows were written in */
    double deposit_unit_to_gg;  /* amount in deposit_unit x this = Gg */
    const char *deposit_source; /* NULL when not given */
    const char *source;         /* the site's `source`, or NULL */
    size_t nrecovery;
    fod_recovery *recovery; /* ascending years */
} fod_site;

/* Everything under the inventory's `solid_waste:` key. */
typedef struct {
    size_t nsites;
    fod_site *sites;
    src_loc at;
} fod_input;

/* One waste type in one year: the columns of the IPCC Waste Model's sheet for
 * that type, all in Gg. */
typedef struct {
    double w_gg;                /* waste deposited, W(T) */
    double mcf;                 /* the MCF of year T's deposits (fod_mcf_at) */
    double ddocmd_gg;           /* DDOCm deposited, Eq. 3.2: ((W x DOC) x DOCf) x MCF */
    double ddocm_unreacted_gg;  /* of it, not decomposed in the deposit year */
    double ddocm_dep_decomp_gg; /* of it, decomposed in the deposit year */
    double ddocma_gg;           /* DDOCm accumulated at the end of year T, Eq. 3.4 */
    double ddocm_decomp_gg;     /* DDOCm decomposed in year T, Eq. 3.5 + deposit-year part */
    double ch4_gen_gg;          /* CH4 generated, Eq. 3.6: (decomp x F) x 16/12 */
} fod_cell;

/* The model run for one site over first_year .. first_year + nyears - 1. */
typedef struct {
    int first_year;
    size_t nyears, ntypes;
    double exp_k[FOD_NWASTE];             /* e^-k by column */
    double one_minus_exp_k[FOD_NWASTE];   /* 1 - e^-k */
    double exp_dep[FOD_NWASTE];           /* e^(-k (13-M)/12): share of DDOCmd unreacted in its deposit year */
    double one_minus_exp_dep[FOD_NWASTE]; /* 1 - e^(-k (13-M)/12): share decomposed in its deposit year */
    double month_start;                   /* M = delay_months + 7 */
    fod_cell *cell;                       /* nyears x ntypes, row-major */
    double *ch4_gen_gg;                   /* by year: sum over types (compensated) */
    double *recovery_gg;                  /* by year: R(T), 0 where none */
    double *ch4_oxidised_gg;              /* by year: (generated - R) x OX */
    double *ch4_emitted_gg;               /* by year: (generated - R) x (1 - OX), Eq. 3.1 */
} fod_result;

/* ---- names and defaults (fod.c) ---------------------------------------- */

/* YAML name of a waste type ("food", "rubber_leather"), site type
 * ("managed_anaerobic") or climate ("temperate_wet"); NULL out of range. */
const char *fod_waste_name(fod_waste w);
const char *fod_site_type_name(fod_site_type t);
const char *fod_climate_name(fod_climate c);

/* Human label for a waste type in the workbook ("Food waste"). */
const char *fod_waste_label(fod_waste w);

/* Inventory category of a site type: "4.A.1", "4.A.2" or "4.A.3". */
const char *fod_site_category(fod_site_type t);

/* The built-in default DOC (fraction of wet weight) for `w`; false when the
 * table has none (bulk waste). */
bool fod_default_doc(fod_waste w, fod_param *out);

/* The built-in default k (1/yr) for `w` in climate `c`, with its 95 % range
 * in *lower and *upper (either may be NULL); false when there is none. */
bool fod_default_k(fod_climate c, fod_waste w, fod_param *out, double *lower, double *upper);

/* The built-in default MCF of a site type (Table 3.1). */
fod_param fod_default_mcf(fod_site_type t);

/* The built-in defaults of DOCf, F, OX and the delay time in months. */
fod_param fod_default_docf(void);
fod_param fod_default_f(void);
fod_param fod_default_ox(void);
fod_param fod_default_delay(void);

/* The delay that `decay_start: deposit_year` stands for: -6 months, so
 * M = delay + 7 = 1 and a deposit decays a whole year in its deposit year
 * (the CDM tool's convention: waste of year x emits e^-k(y-x) (1 - e^-k)
 * of its DDOCm in year y >= x). */
#define FOD_DELAY_DEPOSIT_YEAR (-6.0)

/* ---- the model (fod.c) ------------------------------------------------- */

/* The MCF of column j's deposits of `year`: the type's own periods, else
 * the site's periods, else the site's `mcf`; the last period that starts
 * at or before `year` (the first one before it). */
const fod_param *fod_mcf_at(const fod_site *s, size_t j, int year);

/* The index in `m` (n > 0) of the period of `year`: the last that starts at
 * or before it, else the first. */
size_t fod_mcf_period_at(const fod_mcf_series *m, int year);

/* Runs the model for `site` from its first deposit year to `last_year`
 * (usually the inventory year). Years after the last deposit row have no
 * deposits (a warning says so); rows after last_year are not used. Recovery
 * above the CH4 generated in a year is an error at the recovery entry, as is
 * last_year before the first deposit year. Arrays come from `mem`. Returns
 * false with errors in `dl` (and *out unusable) on failure. */
bool fod_compute(const fod_site *site, int last_year, pool *mem, diag_list *dl, fod_result *out);

/* The cell of year index `iy` (0 = first_year) and column `j`. */
const fod_cell *fod_cell_at(const fod_result *r, size_t iy, size_t j);

/* The site's CH4 emission (Gg) in `year`, Eq. 3.1; false when the run does
 * not cover that year. */
bool fod_emission_gg(const fod_result *r, int year, double *out);

/* ---- the YAML section (fod_load.c) ------------------------------------- */


#endif
