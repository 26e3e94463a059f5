/* test_lmdi.c - unit tests for the additive LMDI-I decomposition (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lmdi.h"
#include "test_helpers.h"

#define REL 1e-12
#define SUM_REL 1e-9 /* the effects must add up to the change to this, relative to the change */

static void test_logmean(void **state)
{
    (void)state;
    assert_close(lmdi_logmean(2, 1), 1.4426950408889634, REL); /* (2 - 1) / ln 2 = 1 / 0.693147... */
    assert_close(lmdi_logmean(1, 2), 1.4426950408889634, REL); /* symmetric */
    assert_true(lmdi_logmean(3.5, 3.5) == 3.5);                /* L(a, a) = a */
    /* Nearly equal: L(a, b) -> (a + b) / 2 to second order: 1 + 0.5e-12, where ln a - ln b would lose digits. */
    assert_close(lmdi_logmean(1 + 1e-12, 1), 1 + 0.5e-12, 1e-15);
    assert_true(lmdi_logmean(0, 5) == 0); /* the limit at 0 */
}

/* The two-factor case by hand: V = x y, x 2 -> 3, y 5 -> 4, V 10 -> 12.
 * L(12, 10) = 2 / ln 1.2 = 2 / 0.1823215568 = 10.969629895494165;
 * x effect = L ln(3/2) = 10.9696 x 0.4054651081 = 4.447802171483094;
 * y effect = L ln(4/5) = 10.9696 x -0.2231435513 = -2.447802171483091; sum 2 = 12 - 10. */
static void test_two_factors(void **state)
{
    (void)state;
    double x0[2] = {2, 5}, x1[2] = {3, 4}, eff[2] = {0, 0};
    assert_true(lmdi_cell(2, x0, x1, 10, 12, eff));
    assert_close(eff[0], 4.447802171483094, REL);
    assert_close(eff[1], -2.447802171483091, REL);
    assert_close(eff[0] + eff[1], 2, REL);
}

/* One row of the zero-value table: factors and cell values in both years, the expected effects. */
typedef struct {
    const char *name;
    double x0[2], x1[2], v0, v1, want[2];
} zero_case;

static const zero_case zero_cases[] = {
    /* A factor 0 in year 0 (a new fuel): the whole V1 = 3 x 4 = 12 goes to it (Ang and Liu 2007). */
    {"appears", {2, 0}, {3, 4}, 0, 12, {0, 12}},
    /* A factor 0 in year 1 (a fuel phased out): -V0 = -(2 x 5) = -10 goes to it. */
    {"vanishes", {2, 5}, {3, 0}, 10, 0, {0, -10}},
    /* The first factor 0 in year 0 takes it: V1 = 3 x 4 = 12 to factor 0. */
    {"first zero", {0, 5}, {3, 4}, 0, 12, {12, 0}},
    /* 0 in both years: no effect at all. */
    {"both zero", {0, 5}, {0, 4}, 0, 0, {0, 0}},
};

static void test_zero_values(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof zero_cases / sizeof *zero_cases; c++) {
        const zero_case *t = &zero_cases[c];
        double eff[2] = {0, 0};
        if (!lmdi_cell(2, t->x0, t->x1, t->v0, t->v1, eff) || eff[0] != t->want[0] || eff[1] != t->want[1])
            fail_msg("%s: effects %g %g, expected %g %g", t->name, eff[0], eff[1], t->want[0], t->want[1]);
    }
    double x0[2] = {2, 5}, x1[2] = {3, 4}, eff[2] = {0, 0};
    assert_false(lmdi_cell(2, x0, x1, -10, 12, eff)); /* negative values are refused */
    assert_false(lmdi_cell(2, x0, x1, 0, 12, eff));   /* a zero cell needs a zero factor */
}

/* The Kaya case by hand: one sector, one fuel. P 100 -> 110, G 1000 -> 1320 (G/P 10 -> 12), E 50 -> 55
 * (E/G 0.05 -> 0.041667), mix 1 -> 1, C 100 -> 99 (EF 2 -> 1.8). L(99, 100) = -1 / ln 0.99 = 99.49916247341652;
 * population L ln 1.1 = 9.483283065721068; GDP per capita L ln 1.2 = 18.140842201847924;
 * intensity L ln(0.041667 / 0.05) = -18.140842201847935; mix 0; EF L ln 0.9 = -10.483283065721002; sum -1. */
static void test_kaya_by_hand(void **state)
{
    (void)state;
    double e0 = 50, c0 = 100, e1 = 55, c1 = 99, eff[LMDI_NFACTORS], ch;
    lmdi_year a = {100, 1000, 1, 1, &e0, &c0}, b = {110, 1320, 1, 1, &e1, &c1};
    assert_true(lmdi_kaya(&a, &b, eff, &ch));
    assert_close(eff[LMDI_POP], 9.483283065721068, REL);
    assert_close(eff[LMDI_GDP_PC], 18.140842201847924, REL);
    assert_close(eff[LMDI_INTENSITY], -18.140842201847935, REL);
    assert_true(eff[LMDI_MIX] == 0);
    assert_close(eff[LMDI_EF], -10.483283065721002, REL);
    assert_close(ch, -1, REL);
}

/* A fuel new to a sector: sector with coal only (E 10, C 20) gets gas (E 5, C 5) while coal stays.
 * The gas cell is 0 in year 0: its mix factor 0 -> 5/15 takes the cell's whole 5 t; the coal cell's
 * mix 1 -> 10/15 and intensity 10/100 -> 15/100 cancel (L(20, 20) = 20; 20 ln(2/3) + 20 ln(3/2) = 0). */
static void test_kaya_new_fuel(void **state)
{
    (void)state;
    double e0[2] = {10, 0}, c0[2] = {20, 0}, e1[2] = {10, 5}, c1[2] = {20, 5}, eff[LMDI_NFACTORS], ch;
    lmdi_year a = {1, 100, 1, 2, e0, c0}, b = {1, 100, 1, 2, e1, c1};
    assert_true(lmdi_kaya(&a, &b, eff, &ch));
    assert_close(eff[LMDI_MIX], 5 + 20 * log(2.0 / 3.0), REL);
    assert_close(eff[LMDI_INTENSITY], 20 * log(1.5), REL);
    assert_true(eff[LMDI_POP] == 0 && eff[LMDI_GDP_PC] == 0 && eff[LMDI_EF] == 0);
    assert_close(ch, 5, REL);
}

/* A small linear congruential generator, so the random cases are the same on every machine. */
static double lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

/* 200 random cases of up to 5 sectors x 6 fuels, about a quarter of the cells 0 in one year or both,
 * some emission factors 0 (fully captured): each sector's effects add up to its change to 1e-9. */
static void test_kaya_random_sums(void **state)
{
    (void)state;
    uint64_t s = 12345;
    for (int c = 0; c < 200; c++) {
        size_t ns = 1 + (size_t)(lcg(&s) * 5), nf = 1 + (size_t)(lcg(&s) * 6);
        double e[2][30], em[2][30], eff[5 * LMDI_NFACTORS], ch[5];
        for (int y = 0; y < 2; y++)
            for (size_t k = 0; k < ns * nf; k++) {
                double r = lcg(&s);
                e[y][k] = r < 0.25 ? 0 : 1 + 1000 * lcg(&s);
                em[y][k] = e[y][k] * (lcg(&s) < 0.1 ? 0 : 50 + 50 * lcg(&s));
            }
        lmdi_year a = {1 + lcg(&s), 1 + lcg(&s), ns, nf, e[0], em[0]};
        lmdi_year b = {1 + lcg(&s), 1 + lcg(&s), ns, nf, e[1], em[1]};
        assert_true(lmdi_kaya(&a, &b, eff, ch));
        for (size_t i = 0; i < ns; i++) {
            double sum = 0, want = 0;
            for (int k = 0; k < LMDI_NFACTORS; k++)
                sum += eff[i * LMDI_NFACTORS + k];
            for (size_t j = 0; j < nf; j++)
                want += em[1][i * nf + j] - em[0][i * nf + j];
            if (fabs(sum - want) > SUM_REL * fmax(fabs(want), 1e-300) && fabs(sum - want) > 1e-9)
                fail_msg("case %d sector %zu: effects sum to %.17g, change %.17g", c, i, sum, want);
            assert_close(ch[i], want, 1e-12);
        }
    }
}

static void test_kaya_refuses(void **state)
{
    (void)state;
    double e = 0, c = 5, eff[LMDI_NFACTORS], ch;
    lmdi_year a = {1, 1, 1, 1, &e, &c}, b = {1, 1, 1, 1, &e, &c};
    assert_false(lmdi_kaya(&a, &b, eff, &ch)); /* emissions without energy */
    double e2 = 1;
    lmdi_year z = {0, 1, 1, 1, &e2, &c};
    assert_false(lmdi_kaya(&z, &b, eff, &ch)); /* population 0 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_logmean),       cmocka_unit_test(test_two_factors),
        cmocka_unit_test(test_zero_values),   cmocka_unit_test(test_kaya_by_hand),
        cmocka_unit_test(test_kaya_new_fuel), cmocka_unit_test(test_kaya_random_sums),
        cmocka_unit_test(test_kaya_refuses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
