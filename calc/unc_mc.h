/* unc_mc.h - Monte Carlo uncertainty (IPCC 2006 Vol.1 Ch.3 3.2.3, Approach 2) over the uncertainty model. */
#ifndef GHG_UNC_MC_H
#define GHG_UNC_MC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "uncertainty.h"

#define UMC_DEFAULT_ITERATIONS 100000u
#define UMC_DEFAULT_ROUND 8192u   /* iterations between two checks of the stop rule */
#define UMC_DEFAULT_BINS 40u

/* How to run. Zero-initialised gives 10^5 iterations, seed 0, no stop rule,
 * one thread per core, 40 histogram bins. */
typedef struct {
    uint64_t seed;              /* 0 is a seed like any other */
    uint64_t iterations;        /* the count, or the most with a stop rule; rounded up to a multiple of 32 */
    double stop_pct;            /* > 0: stop after a round in which both bounds of the total's 95 % interval
                                   moved by less than this % of their value */
    uint64_t round;             /* iterations per round (multiple of 32) */
    unsigned threads;           /* 0: one per core */
    unsigned bins;              /* histogram bins of the total */
} umc_opts;

/* Statistics of one quantity over the iterations. Percentiles interpolate
 * between order statistics: x[h] with h = (n - 1) p, as numpy's default. */
typedef struct {
    double mean, sd, median, p025, p975;
} umc_stats;

/* One independent source of randomness (an input, or a correlation group)
 * and its part in the variance of the year-t total. */
typedef struct {
    uint32_t stream;
    uint32_t input;             /* its first input with an uncertainty, to name it */
    double corr;                /* Pearson correlation of its draw with the total */
    double share;               /* corr^2 / sum of corr^2 over the streams: contribution to variance */
} umc_contrib;

typedef struct {
    uint64_t seed;
    uint64_t iterations;        /* run */
    unsigned threads;
    unsigned rounds;
    bool converged;             /* the stop rule was met before the maximum */
    double stop_pct;
    umc_stats total;            /* year t, t CO2e */
    umc_stats *rows;            /* by Approach 1 row (unc_model_rows), year t */
    size_t nrows;
    bool has_base;
    umc_stats base_total;
    umc_stats trend_pct;        /* (total - base total) / base total x 100 */
    umc_contrib *contrib;       /* streams with an uncertainty, largest share first */
    size_t ncontrib;
    double hist_lo, hist_width; /* bin k counts totals in [lo + k w, lo + (k + 1) w); the maximum in the last */
    uint64_t *hist;
    unsigned bins;
    double *round_p025;         /* the total's bounds after each round: the stop rule's trace */
    double *round_p975;
    double *total_it;           /* the year-t total of every iteration (kept for sheets and charts) */
    double *base_it;            /* the base-year total of every iteration, or NULL */
    float *rows_it;             /* row r of iteration k at rows_it[r x iterations + k] */
    uint64_t draws;             /* input values drawn: the samples */
    uint64_t line_evals;        /* emission lines evaluated */
    double cpu_seconds;         /* summed over the threads */
    double wall_seconds;
} umc_result;

/* Runs the Monte Carlo simulation of model `m`. Every input with an
 * uncertainty is drawn once per iteration (a factor shared by many records
 * and by the base year is one draw; inputs of one correlation group share
 * their random numbers); every emission line is its nominal value times
 * the factors its inputs drew. The figures depend on the seed and the
 * iteration count only, not on the thread count. False when out of memory. */
bool umc_run(const unc_model *m, const umc_opts *opts, umc_result *out);
void umc_result_free(umc_result *r);

/* Statistics of the sum of the rows r with pick[r] set (a category over
 * its gases, a sector, a gas), iteration by iteration. False when out of
 * memory. */
bool umc_sum_stats(const umc_result *r, const bool *pick, umc_stats *out);

#endif
