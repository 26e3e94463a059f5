/* test_unc_mc.c - Monte Carlo uncertainty: the sampler, agreement with Approach 1, correlation, reproducibility (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rng.h"
#include "umc_draw.h"
#include "unc_mc.h"
#include "unc_testutil.h"

#define Z975 1.959963984540054 /* the 97.5 % point of the standard normal */

/* The vectorised sampler gives the scalar one's bits, and the scalar one
 * takes word (i mod 32) / 8 of Philox block 8 (i / 32) + i mod 8. */
static void test_draw_paths(void **state)
{
    (void)state;
    umc_table *t = malloc(sizeof *t);
    umc_table_init(t);
    double a[256], b[256];
    for (uint64_t s = 0; s < 40; s++)
        for (int mode = 0; mode < 2; mode++) {
            uint64_t it0 = s * 4096 + (s % 3) * 32, seed = 0x9E3779B97F4A7C15ull * (s + 1);
            umc_fill(t, seed, s, it0, 256, (umc_mode)mode, 0.25, 3.0, a);
            umc_fill_scalar(t, seed, s, it0, 256, (umc_mode)mode, 0.25, 3.0, b);
            assert_memory_equal(a, b, sizeof a);
        }
    for (uint64_t i = 0; i < 64; i += 7) { /* the uniform draw of iteration i of stream 5 under seed 42 */
        uint64_t blk = 8 * (i / 32) + i % 8;
        const uint32_t ctr[4] = {(uint32_t)blk, 0, 5, 0};
        rng_block k = rng_philox(ctr, 42, 0);
        umc_fill_scalar(t, 42, 5, 0, 64, UMC_UNIFORM, 0, 1, a);
        assert_true(a[i] == ((double)k.w[(i % 32) / 8] + 0.5) / 4294967296.0);
    }
    free(t);
}

/* The tabulated normal quantile is within 4e-5 of AS 241 everywhere
 * (linear interpolation on steps of 1/4096, exact beyond 2^-7 of either end). */
static void test_table_accuracy(void **state)
{
    (void)state;
    umc_table *t = malloc(sizeof *t);
    umc_table_init(t);
    double z[32], u[32], worst = 0;
    for (uint64_t it = 0; it < (1u << 22); it += 32) {
        umc_fill_scalar(t, 7, 1, it, 32, UMC_NORMAL, 0, 1, z); /* the same words, both ways */
        umc_fill_scalar(t, 7, 1, it, 32, UMC_UNIFORM, 0, 1, u);
        for (int k = 0; k < 32; k++)
            worst = fmax(worst, fabs(z[k] - rng_normal_quantile(u[k])));
    }
    assert_true(worst < 4e-5);
    free(t);
}

/* Runs the Monte Carlo on `records` (and a base year) with seed and threads. */
static umc_result run_mc(const char *records, const char *base, uint64_t iters, unsigned threads, uint64_t seed)
{
    ut_run t = ut_load(records, base);
    unc_model *m = ut_model(&t, NULL);
    umc_opts o = {.seed = seed, .iterations = iters, .threads = threads};
    umc_result r;
    assert_true(umc_run(m, &o, &r));
    unc_model_free(m);
    ut_done(&t);
    return r;
}

static const char two_cats[] = "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
                               "  - {category: \"2.A.2\", activity: x, amount: 50, unit: t, uncertainty: 20%}\n";

/* Narrow symmetric inputs: the Monte Carlo interval converges to Approach
 * 1's: 100 t +/-10 % and 50 t +/-20 % give 150 t +/-9.428 % (Eq. 3.2); the
 * half-width at 10^5 iterations within 2 % of it, the mean within 0.1 %. */
static void test_mc_matches_a1(void **state)
{
    (void)state;
    umc_result r = run_mc(two_cats, NULL, 100000, 2, 1);
    double a1 = sqrt(2.0) * 1000 / 150; /* 9.428 % */
    double hw = (r.total.p975 - r.total.p025) / 2 / r.total.mean * 100;
    assert_close(hw, a1, 0.02);
    assert_close(r.total.mean, 150, 0.001);
    assert_close(r.total.sd, sqrt(2.0) * 1000 / 100 / Z975, 0.02); /* sd = sqrt(10^2 + 10^2) / 1.96 t */
    assert_close(r.rows[0].mean, 100, 0.001);
    assert_close((r.rows[1].p975 - r.rows[1].p025) / 2 / 50 * 100, 20, 0.02);
    /* two equal sources (10 t each at 95 %): each half the variance */
    assert_int_equal(r.ncontrib, 2);
    assert_close(r.contrib[0].share, 0.5, 0.03);
    assert_int_equal(r.iterations, 100000);
    assert_int_equal(r.draws, 2 * 100000); /* two amounts drawn per iteration */
    umc_result_free(&r);
}

/* One factor (+/-10 %) shared by two records against two independent
 * factors with the same range. Var(100 F + 50 F) = 150^2 s^2, Var(100 F +
 * 50 G) = (100^2 + 50^2) s^2 with s = 0.1 / 1.96: the covariance term
 * 2 x 100 x 50 s^2 makes the shared case's sd 150 / 111.80 = 1.342 times larger. */
static void test_correlation(void **state)
{
    (void)state;
    umc_result c = run_mc("  - {category: \"2.A.1\", activity: u10, amount: 100, unit: t, uncertainty: 0%}\n"
                          "  - {category: \"2.A.2\", activity: u10, amount: 50, unit: t, uncertainty: 0%}\n",
                          NULL, 100000, 2, 3);
    umc_result i = run_mc("  - {category: \"2.A.1\", activity: u10, amount: 100, unit: t, uncertainty: 0%}\n"
                          "  - {category: \"2.A.2\", activity: v10, amount: 50, unit: t, uncertainty: 0%}\n",
                          NULL, 100000, 2, 3);
    double s = 0.1 / Z975;
    assert_close(c.total.sd, 150 * s, 0.02);
    assert_close(i.total.sd, sqrt(12500.0) * s, 0.02);
    assert_close(c.total.sd * c.total.sd - i.total.sd * i.total.sd, 2 * 100 * 50 * s * s, 0.06);
    assert_int_equal(c.ncontrib, 1); /* one stream: the shared factor explains everything */
    assert_close(c.contrib[0].corr, 1.0, 1e-6);
    assert_int_equal(i.ncontrib, 2);
    assert_close(i.contrib[0].share, 0.8, 0.03); /* 100^2 / (100^2 + 50^2) */
    umc_result_free(&c);
    umc_result_free(&i);
}

/* A model with every kind of input: lognormal, triangular, uniform,
 * recovery, a correlation group of factors and one of amounts, a base year. */
static const char mixed[] =
    "  - {category: \"2.A.1\", activity: asym, amount: 100, unit: t, uncertainty: 5%}\n"
    "  - {category: \"2.A.2\", activity: tri, amount: 80, unit: t, uncertainty: {minus: 10%, plus: 30%}}\n"
    "  - {category: \"2.A.3\", activity: uni, amount: 60, unit: t, uncertainty: {pct: 8%, distribution: uniform}}\n"
    "  - {category: \"2.A.4\", activity: rec50, amount: 70, unit: t, uncertainty: {pct: 6%, group: survey}}\n"
    "  - {category: \"2.B.2\", activity: g1, amount: 40, unit: t, uncertainty: {pct: 4%, group: survey}}\n"
    "  - {category: \"2.B.1\", activity: g2, amount: 30, unit: t, uncertainty: {pct: 9%, distribution: triangular}}\n"
    "  - {category: \"1.A.1.a\", fuel: fx, amount: 2, unit: Gg}\n";
static const char mixed_base[] = "  - {category: \"2.A.1\", activity: asym, amount: 90, unit: t, uncertainty: 5%}\n"
                                 "  - {category: \"2.B.1\", activity: g2, amount: 20, unit: t, uncertainty: 9%}\n"
                                 "  - {category: \"1.A.1.a\", fuel: fx, amount: 1.5, unit: Gg}\n";

/* Every figure of two results, bit for bit. */
static void assert_same(const umc_result *a, const umc_result *b)
{
    assert_int_equal(a->iterations, b->iterations);
    assert_memory_equal(&a->total, &b->total, sizeof a->total);
    assert_memory_equal(&a->base_total, &b->base_total, sizeof a->base_total);
    assert_memory_equal(&a->trend_pct, &b->trend_pct, sizeof a->trend_pct);
    assert_int_equal(a->nrows, b->nrows);
    assert_memory_equal(a->rows, b->rows, a->nrows * sizeof *a->rows);
    assert_int_equal(a->ncontrib, b->ncontrib);
    assert_memory_equal(a->contrib, b->contrib, a->ncontrib * sizeof *a->contrib);
    assert_memory_equal(a->hist, b->hist, a->bins * sizeof *a->hist);
}

/* Same seed, same numbers, whatever the number of threads; another seed,
 * other numbers. */
static void test_threads_and_seed(void **state)
{
    (void)state;
    umc_result one = run_mc(mixed, mixed_base, 20000, 1, 11);
    umc_result two = run_mc(mixed, mixed_base, 20000, 2, 11);
    umc_result three = run_mc(mixed, mixed_base, 20000, 3, 11);
    umc_result other = run_mc(mixed, mixed_base, 20000, 2, 12);
    assert_int_equal(one.threads, 1);
    assert_int_equal(two.threads, 2);
    assert_same(&one, &two);
    assert_same(&one, &three);
    assert_true(one.total.mean != other.total.mean);
    assert_true(one.has_base);
    /* streams: asym, tri, uni and rec50 factors, the g1/g2 group, the survey group of amounts,
     * the other amounts of year t (2.A.1, 2.A.2, 2.A.3, 2.B.1, 1.A.1.a); the base year's amounts do not
     * move the year-t total, so they have no share in its variance */
    assert_int_equal(one.ncontrib, 4 + 1 + 1 + 5);
    umc_result_free(&one);
    umc_result_free(&two);
    umc_result_free(&three);
    umc_result_free(&other);
}

/* A lognormal factor fitted to 0.5 .. 3 around 1 has its median at
 * sqrt(0.5 x 3) = 1.2247 and its mean at exp(mu + sigma^2 / 2) with
 * mu = ln 1.2247 = 0.20273 and sigma = ln(3 / 0.5) / (2 x 1.95996) = 0.45708:
 * 1.2247 x exp(0.10446) = 1.3596. */
static void test_lognormal(void **state)
{
    (void)state;
    umc_result r = run_mc("  - {category: \"2.A.1\", activity: asym, amount: 100, unit: t, uncertainty: 0%}\n", NULL,
                          100000, 2, 5);
    double sigma = log(6.0) / (2 * Z975);
    assert_close(r.total.median, 100 * sqrt(1.5), 0.01);
    assert_close(r.total.mean, 100 * sqrt(1.5) * exp(sigma * sigma / 2), 0.01);
    assert_close(r.total.p025, 50, 0.02);
    assert_close(r.total.p975, 300, 0.02);
    umc_result_free(&r);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The percentiles are x(h) with h = (n - 1) p of the sorted totals,
 * interpolated linearly (numpy's default), exactly: the histogram search
 * of umc_run.c gives the values a sort gives. n = 1024: h = 1023 x 0.025 =
 * 25.575 -> x25 + 0.575 (x26 - x25); median h = 511.5; h = 997.425. Also a
 * lognormal input: x = exp(ln of the draw) through the vectorised exp,
 * whose quantiles are the fitted ones (checked in test_lognormal). */
static void test_quantiles_exact(void **state)
{
    (void)state;
    umc_result r = run_mc("  - {category: \"2.A.1\", activity: asym, amount: 100, unit: t, uncertainty: 10%}\n", NULL,
                          1024, 2, 9);
    size_t n = (size_t)r.iterations;
    assert_int_equal(n, 1024);
    double *x = malloc(n * sizeof *x);
    assert_non_null(x);
    memcpy(x, r.total_it, n * sizeof *x);
    qsort(x, n, sizeof *x, cmp_double);
    static const struct {
        double p;
        size_t lo;
        double frac;
    } cases[] = {{0.025, 25, 0.575}, {0.5, 511, 0.5}, {0.975, 997, 0.425}};
    double got[3] = {r.total.p025, r.total.median, r.total.p975};
    for (size_t i = 0; i < 3; i++) {
        double want = x[cases[i].lo] + cases[i].frac * (x[cases[i].lo + 1] - x[cases[i].lo]);
        assert_close(got[i], want, 1e-15);
    }
    free(x);
    umc_result_free(&r);
}

/* The stop rule ends the run after a round in which both bounds moved less
 * than 1 %; the trace keeps each round's bounds. */
static void test_stop_rule(void **state)
{
    (void)state;
    ut_run t = ut_load(two_cats, NULL);
    unc_model *m = ut_model(&t, NULL);
    umc_opts o = {.seed = 2, .iterations = 1000000, .stop_pct = 1.0, .round = 4096, .threads = 2};
    umc_result r;
    assert_true(umc_run(m, &o, &r));
    assert_true(r.converged);
    assert_true(r.rounds >= 2);
    assert_int_equal(r.iterations, (uint64_t)r.rounds * 4096);
    assert_true(r.iterations < 1000000);
    unsigned k = r.rounds - 1;
    assert_true(fabs(r.round_p025[k] - r.round_p025[k - 1]) <= 0.01 * fabs(r.round_p025[k]));
    assert_true(fabs(r.round_p975[k] - r.round_p975[k - 1]) <= 0.01 * fabs(r.round_p975[k]));
    bool both[2] = {true, true}; /* the two rows summed again give the total */
    umc_stats sum;
    assert_true(umc_sum_stats(&r, both, &sum));
    assert_close(sum.mean, r.total.mean, 1e-6);
    assert_close(sum.p975, r.total.p975, 1e-6);
    uint64_t in_hist = 0;
    for (unsigned b = 0; b < r.bins; b++)
        in_hist += r.hist[b];
    assert_int_equal(in_hist, r.iterations);
    umc_result_free(&r);
    unc_model_free(m);
    ut_done(&t);
}

/* The trend of two years sharing their factor: the factor's draw cancels
 * (the same in both years), so the trend's spread comes from the amounts
 * alone: trend = 120 F a / (100 F b) - 1 with a, b +/-5 % independent:
 * nominal 20 %, sd = 1.2 x sqrt(2) x 0.05 / 1.96 = 4.33 percentage points. */
static void test_trend(void **state)
{
    (void)state;
    umc_result r = run_mc("  - {category: \"2.A.1\", activity: u10, amount: 120, unit: t, uncertainty: 5%}\n",
                          "  - {category: \"2.A.1\", activity: u10, amount: 100, unit: t, uncertainty: 5%}\n",
                          100000, 2, 9);
    assert_close(r.trend_pct.median, 20, 0.01);
    assert_close(r.trend_pct.sd, 120 * sqrt(2.0) * 0.05 / Z975, 0.03);
    assert_close(r.total.sd, 120 * sqrt(0.01 + 0.0025) / Z975, 0.03); /* the level keeps both */
    umc_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_draw_paths),       cmocka_unit_test(test_table_accuracy),
        cmocka_unit_test(test_mc_matches_a1),    cmocka_unit_test(test_correlation),
        cmocka_unit_test(test_threads_and_seed), cmocka_unit_test(test_lognormal),
        cmocka_unit_test(test_stop_rule),        cmocka_unit_test(test_trend),
        cmocka_unit_test(test_quantiles_exact),
    };
    return cmocka_run_group_tests_name("unc_mc", tests, NULL, NULL);
}
