/* intensity.h - per-GDP and per-capita indicators of a series of years, and the status of each target. */
#ifndef GHG_INTENSITY_H
#define GHG_INTENSITY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "engine.h"
#include "series.h"

/* Relative tolerance of the status comparisons: a value within it of the
 * target or the path counts as on it (floating-point rounding only). */
#define INT_REL_TOL 1e-9

/* The margin each way around the CO2 per tce of the factor sets' fuels
 * (int_co2tce.c): the GB/T 2589 coefficients are rounded to 4 digits and
 * rest on 1 kgce = 7000 kcal (29,271 kJ at 4.1816 kJ/kcal) where the units
 * take 29,307.6 kJ (GB/T 2589-2020): 0.13 %; the rest leaves room for
 * measured factors near the defaults. A fraction. */
#define INT_CO2_TCE_MARGIN 0.02

/* The energy mix groups, in the order the workbook's columns use. */
typedef enum {
    INT_MIX_COAL,         /* fossil items that are coal or coal products */
    INT_MIX_OTHER_FOSSIL, /* oil, gas and other fossil fuels */
    INT_MIX_HEAT,
    INT_MIX_PRIMARY_ELEC,
    INT_MIX_NET_IMPORT_ELEC,
    INT_NMIX
} int_mix;

typedef enum { INT_MET, INT_ON_TRACK, INT_OFF_TRACK, INT_MISSED, INT_NSTATUS } int_status;

/* Emissions of one sector (IPCC category at depth 3, "1.A.1") in one year. */
typedef struct {
    char code[16];
    double t_co2e;
} int_sector;

/* What the indicators need from one year's computed inventory. */
typedef struct {
    const char *path;
    char sha256[65];
    long year;
    const char *gwp_id;
    char sets[512];      /* factor sets in search order, joined by ", " */
    double co2_t;        /* energy-related fossil CO2: category 1.A, biogenic memo excluded */
    double co2e_t;       /* all direct GHG in CO2e, memo excluded */
    int_sector *sectors; /* malloc'd */
    size_t nsectors;
} int_inv;

/* The indicators of one year; energy figures per electricity method. */
typedef struct {
    long year;
    bool estimate;            /* a plan estimate, not statistics (ser_year.estimate) */
    double gdp_real_1e4_yuan; /* constant prices of the series' price_base */
    double population_persons;
    double co2_t, co2e_t;
    double coal_rate_gce_kwh;
    double mix_tce[SER_NMETHODS][INT_NMIX];
    double energy_tce[SER_NMETHODS];
    double co2_per_gdp, co2e_per_gdp;                                /* t per 10^4 yuan */
    double energy_per_gdp[SER_NMETHODS];                             /* tce per 10^4 yuan */
    double co2_per_capita, co2e_per_capita;                          /* t per person */
    double energy_per_capita[SER_NMETHODS];                          /* tce per person */
    double coal_share[SER_NMETHODS], non_fossil_share[SER_NMETHODS]; /* fractions */
    double final_elec_tce, final_total_tce;                          /* NAN without final_energy */
    double electricity_share; /* fraction of final energy; NAN without final_energy */
} int_year;

/* Where one target stands. Rates and shares are fractions (0.05 = 5 %). */
typedef struct {
    const ser_target *t;
    long eval_year; /* the target year once the series reaches it, else the last year */
    bool final;     /* eval_year == target year: met or missed */
    double base_value, latest_value;
    double change;        /* latest / base - 1 */
    double avg_rate;      /* (latest / base)^(1 / (eval - base years)) - 1; NAN in the base year */
    double level;         /* the indicator's value the target asks for in the target year */
    double reference;     /* the level when final, else the path at eval_year */
    double required_rate; /* (level / latest)^(1 / (target - eval years)) - 1; NAN when final */
    double margin;        /* distance on the good side of the reference (negative = behind) */
    double margin_rel;    /* margin / reference; NAN when the reference is 0 */
    int_status status;
    bool estimate; /* the evaluation year is a plan estimate: the status is expected, not a fact */
} int_target;

typedef struct {
    const ser_series *s;
    const int_inv *inv; /* one per year, the caller's */
    int_year *years;
    size_t nyears;
    int_target *targets;
    size_t ntargets;
    int_sector *sectors; /* union of the years' sectors, sorted; t_co2e unused */
    size_t nsectors;
    double *sector_t_co2e;     /* nyears x nsectors */
    char consistency[2048];    /* "" when every inventory uses the same factor sets and GWP set */
    size_t count[INT_NSTATUS]; /* targets per status */
    size_t nestimate;          /* targets judged on a plan estimate */
} int_result;

/* Fills `out` from a computed inventory (out->sectors is malloc'd; false
 * when out of memory). */
bool int_inv_from(const eng_result *r, int_inv *out);
void int_inv_clear(int_inv *x);

/* Computes every year's indicators and every target's status. `inv` holds
 * one entry per year of `s`, in order. A figure that is not finite or
 * passes NSUM_LIMIT is an error in `dl` at the field it comes from (then
 * the result must not be written). Differences in factor sets or GWP
 * between the years go to `dl` as warnings and to r->consistency. NULL when
 * out of memory. */
int_result *int_compute(const ser_series *s, const int_inv *inv, diag_list *dl);
void int_free(int_result *r);

/* Checks the figures a series gives on its own (constant-price GDP,
 * population, coal rate, each energy item and each year's total in
 * standard coal by both methods, final energy): each must be finite and
 * within NSUM_LIMIT, GDP, population and final energy above 0. Reported at
 * the field; false when any is not. `check` runs it; int_compute does too,
 * and checks every indicator and target figure besides. */
bool int_check_series(const ser_series *s, diag_list *dl);

/* GDP at constant prices in 10^4 yuan: value x unit factor x 100 / deflator. */
double int_real_gdp_1e4_yuan(const ser_year *y);

/* An energy item in tce by method `m` (`rate` is the year's coal rate in
 * gce/kWh; it applies to electricity only). */
double int_item_tce(const ser_energy *e, ser_method m, double rate_gce_kwh);

/* The mix group of an energy item. */
int_mix int_item_mix(const ser_energy *e);

/* Average annual rate from `from` to `to` over `years`: (to/from)^(1/years) - 1. */
double int_rate(double from, double to, double years);

/* The value a target's path reaches in `year`: geometric from `base` to
 * `level` for a reduction, linear for a share but never stricter than the
 * target level (a ceiling already met stays at the ceiling). */
double int_path(ser_target_kind kind, double base, double level, long base_year, long target_year, long year);

/* Met / missed (final) or on track / off track: at or below the reference
 * for a reduction or ceiling, at or above it for a floor, within INT_REL_TOL. */
int_status int_judge(ser_target_kind kind, bool final, double value, double reference);

/* The value of indicator `ind` in year `y`, energy by method `m`. */
double int_indicator(const int_year *y, ser_indicator ind, ser_method m);

/* Whether CO2 per tce `ratio` lies within bound `b` widened by
 * INT_CO2_TCE_MARGIN each way (true when the sets give no range). */
bool int_co2_tce_fits(double ratio, const ser_bound *b);

/* Warns (file:line:col) where a year's CO2 and energy do not fit together:
 * a fossil item on a GB/T 2589 coefficient (derived, or the written items of
 * a fuel) whose inventory CO2 per tce lies outside the range of its group's
 * fuels (coal, oil and gas), and a year whose fuel-combustion CO2 per tce of
 * fossil energy lies outside the range of all fossil fuels (ser_bounds). */
void int_check_co2_per_tce(const int_result *r, diag_list *dl);

/* "met", "on track", "off track", "missed". */
const char *int_status_name(int_status st);

/* The status as reported: int_status_name, or "expected met", "expected on
 * track", "expected off track", "expected missed" when judged on a plan
 * estimate (`estimate`). */
const char *int_status_text(int_status st, bool estimate);

/* "coal", "other_fossil", "heat", "primary_electricity", "net_import_electricity". */
const char *int_mix_name(int_mix m);

#endif
