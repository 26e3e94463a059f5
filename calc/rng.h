/* rng.h - counter-based random numbers (Philox4x32-10) and the probability distributions of the Monte Carlo runs. */
#ifndef GHG_RNG_H
#define GHG_RNG_H

#include <stdbool.h>
#include <stdint.h>

/* Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as
 * easy as 1, 2, 3", SC'11): a keyed bijection of a 128-bit counter. The
 * numbers of a run are a pure function of (seed, what, iteration), so a
 * Monte Carlo run gives the same figures whatever the number of threads and
 * whichever thread draws which iteration. No state is kept anywhere. */
typedef struct {
    uint32_t w[4];
} rng_block;

/* One Philox4x32-10 block of counter `ctr` under key (key0, key1). */
rng_block rng_philox(const uint32_t ctr[4], uint32_t key0, uint32_t key1);

/* Two uniform numbers in the open interval (0, 1), each with 53 random
 * bits, for draw `iteration` of random variable `what` under `seed`. A
 * variable sampled once per iteration (a factor shared by many records: the
 * IPCC's correlation rule) uses one `what` for all its uses. */
void rng_uniform2(uint64_t seed, uint64_t what, uint64_t iteration, double out[2]);

/* The first of rng_uniform2's numbers. */
double rng_uniform(uint64_t seed, uint64_t what, uint64_t iteration);

/* The standard normal quantile: x with P(Z <= x) = p, for 0 < p < 1
 * (Wichura's algorithm AS 241, PPND16, relative accuracy about 1e-16). */
double rng_normal_quantile(double p);

/* The distributions an uncertain input may have. */
typedef enum {
    RNG_FIXED,      /* no uncertainty: always a */
    RNG_NORMAL,     /* mean a, standard deviation b */
    RNG_LOGNORMAL,  /* ln X is normal with mean a and standard deviation b */
    RNG_TRIANGULAR, /* lower a, mode b, upper c */
    RNG_UNIFORM     /* lower a, upper b */
} rng_kind;

typedef struct {
    rng_kind kind;
    double a, b, c;
} rng_dist;

/* The value of distribution `d` at cumulative probability u in (0, 1)
 * (inverse-CDF sampling: one uniform number per sample). */
double rng_quantile(const rng_dist *d, double u);

/* A normal distribution with `mean` whose 95 % interval is +/- pct % of it
 * (IPCC 2006 Vol.1 Ch.3: standard deviation = mean x pct/100 / 1.96). */
rng_dist rng_normal_pct(double mean, double pct);

/* A lognormal distribution whose 2.5 and 97.5 percentiles are `lower` and
 * `upper` (both > 0): the asymmetric ranges of IPCC 2006 Vol.1 Ch.3
 * 3.2.2.4. False when the bounds do not allow it. */
bool rng_lognormal_95(double lower, double upper, rng_dist *out);

#endif
