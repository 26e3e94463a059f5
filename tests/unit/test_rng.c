/* test_rng.c - unit tests for the counter-based random numbers and the distributions' quantiles (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rng.h"
#include "test_helpers.h"

/* Known answers of Philox4x32-10: the three "philox4x32 10" lines of the
 * Random123 library's kat_vectors file (counter[4], key[2] -> output[4]). */
static const struct {
    uint32_t ctr[4], key[2], out[4];
} kat[] = {
    {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
    {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
     {0xffffffff, 0xffffffff},
     {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
    {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
     {0xa4093822, 0x299f31d0},
     {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
};

static void philox_known_answers(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof kat / sizeof *kat; i++) {
        rng_block b = rng_philox(kat[i].ctr, kat[i].key[0], kat[i].key[1]);
        for (int w = 0; w < 4; w++)
            assert_int_equal(b.w[w], kat[i].out[w]);
    }
}

/* The same (seed, what, iteration) gives the same numbers, whatever was
 * drawn before; a different iteration, variable or seed gives others. */
static void uniform_is_a_pure_function(void **state)
{
    (void)state;
    double a[2], b[2];
    rng_uniform2(42, 7, 1000, a);
    for (uint64_t i = 0; i < 100; i++)
        (void)rng_uniform(42, 7, i);
    rng_uniform2(42, 7, 1000, b);
    assert_true(a[0] == b[0] && a[1] == b[1]);
    assert_true(rng_uniform(42, 7, 1001) != a[0]);
    assert_true(rng_uniform(42, 8, 1000) != a[0]);
    assert_true(rng_uniform(43, 7, 1000) != a[0]);
    assert_true(a[0] > 0 && a[0] < 1 && a[1] > 0 && a[1] < 1);
}

/* The mean of 10^5 uniforms is 1/2 within 4 standard errors
 * (sd of one uniform 1/sqrt(12) = 0.2887; / sqrt(10^5) = 0.000913). */
static void uniform_mean(void **state)
{
    (void)state;
    double s = 0;
    for (uint64_t i = 0; i < 100000; i++)
        s += rng_uniform(2026, 1, i);
    assert_true(fabs(s / 100000 - 0.5) < 4 * 0.000913);
}

/* Quantiles of the standard normal distribution against published values
 * (Abramowitz and Stegun Table 26.5 and the usual z table). */
static const struct {
    double p, z, tol;
} normal_cases[] = {
    {0.5, 0.0, 0},
    {0.975, 1.959963984540054, 1e-15}, /* the 95 % two-sided point */
    {0.025, -1.959963984540054, 1e-15},
    {0.95, 1.6448536269514722, 1e-15},
    {0.8413447460685429, 1.0, 1e-14},   /* Phi(1) = 0.841344746068543 */
    {0.001, -3.090232306167813, 1e-14}, /* tail branch r <= 5 */
    {1e-12, -7.034483825301131, 1e-13}, /* far tail, r > 5 */
};

static void normal_quantiles(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof normal_cases / sizeof *normal_cases; i++) {
        double z = rng_normal_quantile(normal_cases[i].p);
        if (normal_cases[i].z == 0.0)
            assert_true(z == 0.0);
        else
            assert_close(z, normal_cases[i].z, normal_cases[i].tol);
    }
}

/* Quantiles of each distribution kind, worked by hand. */
static void distribution_quantiles(void **state)
{
    (void)state;
    static const struct {
        rng_dist d;
        double u, x;
    } cases[] = {
        /* normal mean 100, sd 10, at the 97.5 % point: 100 + 10 x 1.959963984540054 */
        {{RNG_NORMAL, 100, 10, 0}, 0.975, 119.59963984540054},
        /* lognormal mu 0, sigma 1, at the median: exp(0) = 1 */
        {{RNG_LOGNORMAL, 0, 1, 0}, 0.5, 1.0},
        /* triangular (0, 1, 4): split at (1-0)/(4-0) = 0.25; u = 0.0625 -> 0 + sqrt(0.0625 x 4 x 1) = 0.5 */
        {{RNG_TRIANGULAR, 0, 1, 4}, 0.0625, 0.5},
        /* u = 0.25 is the mode: 1 */
        {{RNG_TRIANGULAR, 0, 1, 4}, 0.25, 1.0},
        /* u = 0.8125: 4 - sqrt(0.1875 x 4 x 3) = 4 - 1.5 = 2.5 */
        {{RNG_TRIANGULAR, 0, 1, 4}, 0.8125, 2.5},
        /* uniform (10, 20) at 0.3: 10 + 10 x 0.3 = 13 */
        {{RNG_UNIFORM, 10, 20, 0}, 0.3, 13.0},
        {{RNG_FIXED, 7, 0, 0}, 0.9, 7.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_close(rng_quantile(&cases[i].d, cases[i].u), cases[i].x, 1e-14);
}

/* +/- 10 % at 95 % of 50: sd = 50 x 0.10 / 1.959963984540054 = 2.5510673...;
 * a lognormal through 2.5 % = 80 and 97.5 % = 125 has its median at
 * sqrt(80 x 125) = 100 and gives the bounds back. */
static void ranges_to_distributions(void **state)
{
    (void)state;
    rng_dist n = rng_normal_pct(50, 10);
    assert_int_equal(n.kind, RNG_NORMAL);
    assert_close(n.b, 50 * 0.10 / 1.959963984540054, 1e-15);
    rng_dist l;
    assert_true(rng_lognormal_95(80, 125, &l));
    assert_close(rng_quantile(&l, 0.5), 100.0, 1e-14);
    assert_close(rng_quantile(&l, 0.025), 80.0, 1e-13);
    assert_close(rng_quantile(&l, 0.975), 125.0, 1e-13);
    assert_false(rng_lognormal_95(0, 125, &l));
    assert_false(rng_lognormal_95(130, 125, &l));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(philox_known_answers),   cmocka_unit_test(uniform_is_a_pure_function),
        cmocka_unit_test(uniform_mean),           cmocka_unit_test(normal_quantiles),
        cmocka_unit_test(distribution_quantiles), cmocka_unit_test(ranges_to_distributions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
