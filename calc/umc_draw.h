/* umc_draw.h - the Monte Carlo sampler: Philox draws of one stream for a run of iterations, scalar and AVX2. */
#ifndef GHG_UMC_DRAW_H
#define GHG_UMC_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Iterations are drawn in groups of 32: iteration i of stream s is word
 * (i mod 32) / 8 of Philox4x32-10 block (8 (i / 32) + i mod 8) of stream s
 * (rng_philox with counter {block low, block high, s low, s high} and key
 * seed). A pure function of (seed, s, i): the same numbers whatever the
 * thread count and whichever thread draws them. */
#define UMC_GROUP 32

/* The standard normal quantile tabulated at p = i / 4096 (AS 241), with
 * the differences for linear interpolation; in the two outer bands of 32
 * steps (p < 2^-7 or p > 1 - 2^-7), where that table's error would pass
 * 4e-5 in z, a second table at steps of 2^-19 serves the lower band (the
 * upper one by symmetry, z(1 - p) = -z(p)); only p < 2^-14 (1 draw in
 * 8192 at either end) is computed exactly. */
#define UMC_TBITS 12
#define UMC_TN (1u << UMC_TBITS)
#define UMC_TEDGE 32u

typedef struct {
    double z[UMC_TN + 1];   /* z[i] = quantile(i / 4096); z[0] and z[4096] unused */
    double dz[UMC_TN];      /* z[i + 1] - z[i] */
    double tz[UMC_TN + 1];  /* tz[i] = quantile(i / 2^19): the lower band */
    double tdz[UMC_TN];
} umc_table;

void umc_table_init(umc_table *t);

/* What a draw gives before the affine map: the standard normal quantile of
 * the 32-bit word (table, exact in the tails), or the uniform number
 * (w + 0.5) / 2^32. */
typedef enum { UMC_NORMAL, UMC_UNIFORM } umc_mode;

/* out[k] = a + b x draw for iterations it0 .. it0 + n - 1 of stream
 * `stream` (it0 and n multiples of UMC_GROUP). Uses the AVX2 path when the
 * processor has it; both paths give the same bits. */
void umc_fill(const umc_table *t, uint64_t seed, uint64_t stream, uint64_t it0, size_t n, umc_mode mode, double a,
              double b, double *out);

/* The portable path alone (for the test that both paths agree). */
void umc_fill_scalar(const umc_table *t, uint64_t seed, uint64_t stream, uint64_t it0, size_t n, umc_mode mode,
                     double a, double b, double *out);

/* Whether umc_fill uses the AVX2 path on this processor. */
bool umc_has_avx2(void);

#endif
