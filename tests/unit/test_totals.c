/* test_totals.c - unit tests for the per-category accumulators and the sums over categories (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "totals.h"
#include "test_helpers.h"

/* Rows of a small inventory: category, gas, t, t CO2e (AR5: CH4 28, N2O 265), memo. */
static const struct {
    const char *cat;
    gas_id g;
    double t, co2e;
    bool memo;
} rows[] = {
    {"1.A.1.a", GAS_CO2, 1000, 1000, false},
    {"1.A.1.a", GAS_CH4, 2, 56, false},      /* 2 x 28 */
    {"1.A.4.b", GAS_CO2, 300, 300, false},
    {"1.A.4.b", GAS_CO2, 50, 50, true},      /* biogenic memo: outside the totals */
    {"3.A.1", GAS_CH4, 10, 280, false},      /* 10 x 28 */
    {"3.B.1.a", GAS_CO2, -400, -400, false}, /* a removal */
    {"1.A.1.a", GAS_N2O, 0.5, 132.5, false}, /* 0.5 x 265 */
};

static const tot_cat *build(tot_table *t, size_t *n)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        assert_true(tot_add(t, rows[i].cat, rows[i].g, rows[i].t, rows[i].co2e, rows[i].memo));
    assert_true(tot_add_record(t, "1.A.1.a", 12.5));
    assert_true(tot_add_record(t, "1.A.1.a", 7.5));
    return tot_finish(t, n);
}

static void sorted_categories(void **state)
{
    (void)state;
    tot_table *t = tot_new();
    size_t n;
    const tot_cat *c = build(t, &n);
    assert_int_equal(n, 4);
    static const char *const order[] = {"1.A.1.a", "1.A.4.b", "3.A.1", "3.B.1.a"};
    for (size_t i = 0; i < n; i++)
        assert_string_equal(c[i].category, order[i]);
    /* 1.A.1.a: CO2 1000, CH4 2, N2O 0.5; CO2e 1000 + 56 + 132.5 = 1188.5; energy 12.5 + 7.5 = 20; 2 records */
    assert_true(c[0].t[GAS_CO2] == 1000 && c[0].t[GAS_CH4] == 2 && c[0].t[GAS_N2O] == 0.5);
    assert_true(c[0].t_co2e == 1188.5 && c[0].energy_tj == 20 && c[0].records == 2);
    assert_true(c[1].memo_bio_co2_t == 50 && c[1].t[GAS_CO2] == 300);
    tot_free(t);
}

/* Sums over prefixes: expected values by hand from the rows above. */
static void sums(void **state)
{
    (void)state;
    tot_table *t = tot_new();
    size_t n;
    const tot_cat *c = build(t, &n);
    const struct {
        const char *prefix;
        bool under;
        double co2e;
    } cases[] = {
        {"", true, 1188.5 + 300 + 280 - 400}, /* 1368.5: net total */
        {"1.A", true, 1188.5 + 300},          /* 1488.5 */
        {"3.B", true, -400},                  /* LULUCF */
        {"3.B", false, 1188.5 + 300 + 280},   /* 1768.5: without LULUCF */
        {"4", true, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_true(tot_sum(c, n, cases[i].prefix, cases[i].under).t_co2e == cases[i].co2e);
    tot_cat r = tot_range(c, 0, 2, "1.A");
    assert_true(r.t_co2e == 1488.5 && r.memo_bio_co2_t == 50 && r.records == 2);
    assert_string_equal(r.category, "1.A");
    double g[GAS_COUNT];
    tot_gas_co2e(t, g);
    /* CO2 1000 + 300 - 400 = 900 (memo out); CH4 56 + 280 = 336; N2O 132.5 */
    assert_true(g[GAS_CO2] == 900 && g[GAS_CH4] == 336 && g[GAS_N2O] == 132.5);
    tot_free(t);
}

/* Compensated sums: 1e16 + 1 + 1 - 1e16 is 2 in any order (a plain double sum gives 0 in this order). */
static void compensated(void **state)
{
    (void)state;
    const double v[] = {1e16, 1, 1, -1e16};
    tot_table *t = tot_new();
    for (size_t i = 0; i < 4; i++)
        assert_true(tot_add(t, "2.A.1", GAS_CO2, v[i], v[i], false));
    size_t n;
    const tot_cat *c = tot_finish(t, &n);
    assert_true(c[0].t[GAS_CO2] == 2.0 && c[0].t_co2e == 2.0);
    tot_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sorted_categories),
        cmocka_unit_test(sums),
        cmocka_unit_test(compensated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
