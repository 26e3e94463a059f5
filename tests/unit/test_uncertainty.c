/* test_uncertainty.c - IPCC Approach 1 (2006 Vol.1 Ch.3 Eq. 3.1, 3.2, Table 3.2 columns A..Q) on hand-worked cases (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "unc_testutil.h"

#define TOL 1e-9

/* One Approach 1 case: records of year t and what row 0 and the total must
 * be. NAN skips a check. */
typedef struct {
    const char *name;
    const char *records;
    size_t nrows;
    double row0_ad, row0_ef;      /* E and F of the first row, % */
    double row0_lower, row0_upper; /* N and O of the first row, % */
    double total_pct;              /* sqrt(sum H) */
    double shared_pct;             /* an input shared by rows counted once */
} a1_case;

static const a1_case a1_cases[] = {
    /* Eq. 3.2: sqrt((10 x 100)^2 + (20 x 50)^2) / 150 = 1414.21 / 150 = 9.4281 % */
    {"two categories",
     "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
     "  - {category: \"2.A.2\", activity: x, amount: 50, unit: t, uncertainty: 20%}\n",
     2, 10, 0, 10, 10, 9.428090415820634, 9.428090415820634},
    /* sqrt(1000^2 + 1000^2 + (5 x 200)^2) / 350 = 1732.05 / 350 = 4.9487 % */
    {"three categories",
     "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
     "  - {category: \"2.A.2\", activity: x, amount: 50, unit: t, uncertainty: 20%}\n"
     "  - {category: \"2.A.3\", activity: x, amount: 200, unit: t, uncertainty: 5%}\n",
     3, 10, 0, 10, 10, 4.948716593053935, 4.948716593053935},
    /* Eq. 3.1 in one row: AD 3 %, EF 4 %: G = sqrt(9 + 16) = 5 % */
    {"activity data and factor",
     "  - {category: \"2.A.1\", activity: u4, amount: 100, unit: t, uncertainty: 3%}\n", 1, 3, 4, 5, 5, 5, 5},
    /* one factor (+/-10 %) in two rows: row-wise sqrt(1000^2 + 500^2) / 150 = 7.4536 %;
     * counted once: 10 x 150 / 150 = 10 % */
    {"factor shared by two rows",
     "  - {category: \"2.A.1\", activity: u10, amount: 100, unit: t, uncertainty: 0%}\n"
     "  - {category: \"2.A.2\", activity: u10, amount: 50, unit: t, uncertainty: 0%}\n",
     2, 0, 10, 10, 10, 7.4535599249993, 10},
    /* the same factor twice in one row adds linearly: (10 x 100 + 10 x 50) / 150 = 10 % */
    {"factor shared within a row",
     "  - {category: \"2.A.1\", activity: u10, amount: 100, unit: t, uncertainty: 0%, source: a}\n"
     "  - {category: \"2.A.1\", activity: u10, amount: 50, unit: t, uncertainty: 0%, source: b}\n",
     1, 0, 10, 10, 10, 10, 10},
    /* 0.5 .. 3 around 1: -50 % / +200 %; columns E..G take the larger (200), N and O keep both */
    {"asymmetric factor", "  - {category: \"2.A.1\", activity: asym, amount: 100, unit: t, uncertainty: 0%}\n", 1, 0,
     200, 50, 200, 200, 200},
    /* record range -10 % / +30 % */
    {"asymmetric amount",
     "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: {minus: 10%, plus: 30%}}\n", 1, 30,
     0, 10, 30, 30, 30},
    /* x (1 - 0.5): recovery 0.4 .. 0.6 moves (1 - v) by 0.1 / 0.5 = 20 % */
    {"recovery 0.5", "  - {category: \"2.A.1\", activity: rec50, amount: 100, unit: t, uncertainty: 0%}\n", 1, 0, 20,
     20, 20, 20, 20},
    /* recovery 0.2 +/-10 %: (1 - v) moves by 0.02 / 0.8 = 2.5 % */
    {"recovery 0.2", "  - {category: \"2.A.1\", activity: rec20, amount: 100, unit: t, uncertainty: 0%}\n", 1, 0,
     2.5, 2.5, 2.5, 2.5, 2.5},
    /* triangular 0.8 / 1 / 1.3: 2.5 % point 0.8 + sqrt(0.025 x 0.5 x 0.2) = 0.85 (-15 %);
     * 97.5 % point 1.3 - sqrt(0.025 x 0.5 x 0.3) = 1.238763 (+23.8763 %) */
    {"triangular factor", "  - {category: \"2.A.1\", activity: tri, amount: 100, unit: t, uncertainty: 0%}\n", 1, 0,
     23.876275643042057, 15, 23.876275643042057, 23.876275643042057,
     23.876275643042057},
    /* two factors of one correlation group in two rows: rows as if independent (7.4536 %), counted once 10 % */
    {"correlation group",
     "  - {category: \"2.A.1\", activity: g1, amount: 100, unit: t, uncertainty: 0%}\n"
     "  - {category: \"2.A.2\", activity: g2, amount: 50, unit: t, uncertainty: 0%}\n",
     2, 0, 10, 10, 10, 7.4535599249993, 10},
};

static void check_a1_case(const a1_case *c)
{
    ut_run t = ut_load(c->records, NULL);
    unc_model *m = ut_model(&t, NULL);
    unc_a1 a;
    assert_true(unc_approach1(m, &a));
    if (a.nrows != c->nrows)
        fail_msg("%s: %zu rows, expected %zu", c->name, a.nrows, c->nrows);
    const unc_row *r = &a.rows[0];
    assert_close(r->ad_pct, c->row0_ad, TOL);
    assert_close(r->ef_pct, c->row0_ef, TOL);
    assert_close(r->lower_pct, c->row0_lower, TOL);
    assert_close(r->upper_pct, c->row0_upper, TOL);
    assert_close(a.total.total_pct, c->total_pct, TOL);
    assert_close(a.total.total_pct_shared, c->shared_pct, TOL);
    unc_a1_free(&a);
    unc_model_free(m);
    ut_done(&t);
}

static void test_a1_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof a1_cases / sizeof *a1_cases; i++)
        check_a1_case(&a1_cases[i]);
}

/* A 1.A record without an uncertainty takes the default of +/-5 % (the
 * 2006 IPCC Energy volume's default for fuel statistics), and says so. */
static void test_default_and_origin(void **state)
{
    (void)state;
    ut_run t = ut_load("  - {category: \"1.A.1.a\", fuel: fx, amount: 1, unit: Gg}\n"
                       "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t}\n",
                       NULL);
    unc_model *m = ut_model(&t, NULL);
    const unc_input *in;
    size_t n = unc_model_inputs(m, &in);
    /* 1 Gg x 10 TJ/Gg x 100 t CO2/TJ = 1000 t CO2; inputs: amount, ncv, co2, ch4, n2o; then 2.A.1's amount, co2 */
    assert_int_equal(n, 7);
    assert_int_equal(in[0].role, UNC_ROLE_AD);
    assert_int_equal(in[0].origin, UNC_FROM_DEFAULT);
    assert_close(in[0].minus_pct, 5, TOL);
    assert_non_null(strstr(in[0].note, "5 %"));
    assert_int_equal(in[5].origin, UNC_FROM_NONE); /* 2.A.1 has no default: exact, and said so */
    assert_close(in[5].plus_pct, 0, TOL);
    unc_a1 a;
    assert_true(unc_approach1(m, &a));
    assert_int_equal(a.nrows, 4); /* 1.A.1.a CO2, CH4, N2O; 2.A.1 CO2 */
    assert_string_equal(a.rows[0].key.category, "1.A.1.a");
    assert_int_equal(a.rows[0].key.gas, GAS_CO2);
    assert_close(a.rows[0].t_co2e, 1000, TOL);
    assert_close(a.rows[0].ad_pct, 5, TOL);
    assert_int_equal(a.rows[0].origins, 1u << UNC_FROM_DEFAULT);
    assert_int_equal(a.rows[3].origins, 0); /* nothing uncertain in 2.A.1 */
    /* the total: only 1.A.1.a is uncertain, all of it by the amount (one stream for the three gases):
     * rows in quadrature give 5 x sqrt(1000^2 + 0.28^2 + 2.65^2) / 1102.93; counted once 5 x 1002.93 / 1102.93 */
    double d = 1000 + 0.01 * 28 + 0.01 * 265, tot = d + 100;
    assert_close(a.total.t_co2e, tot, TOL);
    assert_close(a.total.total_pct, 5 * sqrt(1000.0 * 1000 + 0.28 * 0.28 + 2.65 * 2.65) / tot, TOL);
    assert_close(a.total.total_pct_shared, 5 * d / tot, TOL);
    unc_a1_free(&a);
    unc_model_free(m);
    ut_done(&t);
}

/* Trend columns I..M on a hand table (2006 Vol.1 Ch.3 3.7.1):
 * rows C = 100, 50; D = 120, 40; E = 5, 10 %; F = 10, 20 %.
 * sum C = 150, sum D = 160, trend = 10 / 150 = 6.6667 %.
 * row 1: A = |(1.2 + 160 - (1 + 150)) / 151 x 100 - 6.6667| = |6.75497 - 6.66667| = 0.088300;
 *        B = 120 / 150 = 0.8; K = 0.0883 x 10 = 0.88300; L = 0.8 x 5 x sqrt 2 = 5.65685;
 *        M = 0.77970 + 32 = 32.77969
 * row 2: A = |(0.4 + 160 - (0.5 + 150)) / 150.5 x 100 - 6.6667| = |6.57807 - 6.66667| = 0.088594;
 *        B = 40 / 150 = 0.26667; K = 1.77187; L = 0.26667 x 10 x sqrt 2 = 3.77124; M = 17.36175
 * trend uncertainty = sqrt(32.77969 + 17.36175) = 7.08106 percentage points.
 * level: G = sqrt(125) = 11.1803, sqrt(500) = 22.3607; H = (11.1803 x 120)^2 / 160^2 = 70.3125,
 *        (22.3607 x 40)^2 / 160^2 = 31.25; total = sqrt(101.5625) = 10.07782 % */
static void test_trend_columns(void **state)
{
    (void)state;
    unc_row rows[2] = {{.base_t_co2e = 100, .t_co2e = 120, .ad_pct = 5, .ef_pct = 10},
                       {.base_t_co2e = 50, .t_co2e = 40, .ad_pct = 10, .ef_pct = 20}};
    unc_total tot;
    unc_a1_columns(rows, 2, true, &tot);
    const struct {
        double want, got;
    } checks[] = {
        {10.2 / 151 * 100 - 10.0 / 150 * 100, rows[0].type_a},
        {0.8, rows[0].type_b},
        {(10.2 / 151 * 100 - 10.0 / 150 * 100) * 10, rows[0].trend_ef_pct},
        {0.8 * 5 * sqrt(2.0), rows[0].trend_ad_pct},
        {10.0 / 150 * 100 - 9.9 / 150.5 * 100, rows[1].type_a},
        {40.0 / 150, rows[1].type_b},
        {40.0 / 150 * 10 * sqrt(2.0), rows[1].trend_ad_pct},
        {sqrt(125.0), rows[0].combined_pct},
        {70.3125, rows[0].var_contrib},
        {31.25, rows[1].var_contrib},
        {sqrt(101.5625), tot.total_pct},
        {10.0 / 150 * 100, tot.trend_pct},
    };
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++)
        assert_close(checks[i].got, checks[i].want, 1e-12);
    assert_close(tot.trend_unc_pct, 7.081062340673913, 1e-9); /* the sum above, to more places */
    assert_close(rows[0].trend_var, 32.779692898459494, 1e-9);
    assert_close(rows[1].trend_var, 17.36175097405083, 1e-9);
}

/* With a base year: one row per category and gas carries C and D, and a
 * factor both years use is one input (one draw in the Monte Carlo). */
static void test_base_year_model(void **state)
{
    (void)state;
    ut_run t = ut_load("  - {category: \"2.A.1\", activity: u10, amount: 120, unit: t, uncertainty: 5%}\n"
                       "  - {category: \"2.A.2\", activity: x, amount: 40, unit: t, uncertainty: 10%}\n",
                       "  - {category: \"2.A.1\", activity: u10, amount: 100, unit: t, uncertainty: 5%}\n"
                       "  - {category: \"2.A.3\", activity: x, amount: 50, unit: t, uncertainty: 10%}\n");
    unc_model *m = ut_model(&t, NULL);
    const unc_input *in;
    size_t n = unc_model_inputs(m, &in);
    /* amounts: 2 of year t, 2 of the base year; factors: u10 co2 and x co2 shared */
    assert_int_equal(n, 6);
    unc_a1 a;
    assert_true(unc_approach1(m, &a));
    assert_int_equal(a.nrows, 3);
    assert_close(a.rows[0].base_t_co2e, 100, TOL);
    assert_close(a.rows[0].t_co2e, 120, TOL);
    assert_close(a.rows[2].base_t_co2e, 50, TOL); /* 2.A.3 only in the base year: E from the base year */
    assert_close(a.rows[2].t_co2e, 0, TOL);
    assert_close(a.rows[2].ad_pct, 10, TOL);
    assert_close(a.rows[0].ef_pct, 10, TOL);
    assert_true(a.total.has_base);
    assert_close(a.total.trend_pct, (160.0 - 150) / 150 * 100, TOL);
    unc_a1_free(&a);
    unc_model_free(m);
    ut_done(&t);
}

/* A range down to zero cannot be lognormal: the model warns where the
 * factor was written and takes a normal with the larger deviation (150 %). */
static void test_lognormal_fallback(void **state)
{
    (void)state;
    ut_run t = ut_load("  - {category: \"2.A.1\", activity: zlow, amount: 10, unit: t, uncertainty: 0%}\n", NULL);
    unc_model *m = ut_model(&t, NULL);
    const unc_input *in;
    unc_model_inputs(m, &in);
    assert_int_equal(in[1].dist, UNC_DIST_NORMAL);
    assert_close(in[1].minus_pct, 150, TOL);
    assert_close(in[1].plus_pct, 150, TOL);
    char *msg = th_messages(t.dl);
    assert_non_null(strstr(msg, "uset.yaml:"));
    assert_non_null(strstr(msg, "warning: a lognormal range cannot reach 100% below the value: taken as normal"));
    free(msg);
    unc_model_free(m);
    ut_done(&t);
}

/* Bad uncertainty input is reported where it was written. */
static void test_input_errors(void **state)
{
    (void)state;
    static const struct {
        const char *record, *want;
    } cases[] = {
        {"uncertainty: {minus: 10%}", "needs 'pct' (such as 5%) or both 'minus' and 'plus'"},
        {"uncertainty: {pct: 5%, plus: 3%}", "gives both 'pct' and 'plus'"},
        {"uncertainty: {minus: -10%, plus: 5%}", "without a sign"},
        {"uncertainty: {pct: 5%, distribution: gamma}", "unknown distribution 'gamma'"},
        {"uncertainty: {pct: 5%, distributon: normal}", "did you mean 'distribution'"},
        {"uncertainty: {minus: 100%, plus: 300%}", "a lognormal range cannot reach 100% below"},
        {"uncertainty: [5%]", "must be a percentage such as 5% or a mapping"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *dir = th_tmpdir(), text[400];
        snprintf(text, sizeof text, "inventory: t\nyear: 2020\nfactor_sets: [uset]\nactivities:\n"
                 "  - {category: \"2.A.1\", activity: x, amount: 1, unit: t, %s}\n", cases[i].record);
        char *path = th_write(dir, "inv.yaml", text);
        diag_list *dl = diag_new();
        inventory *inv = inv_load(path, dl, NULL);
        char *msg = th_messages(dl);
        if (!strstr(msg, cases[i].want) || !strstr(msg, "inv.yaml:5:"))
            fail_msg("'%s': expected '%s' at inv.yaml:5, got: %s", cases[i].record, cases[i].want, msg);
        free(msg);
        inv_free(inv);
        diag_free(dl);
        assert_int_equal(th_rmdir(dir), 0);
        free(path);
        free(dir);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a1_cases),      cmocka_unit_test(test_default_and_origin),
        cmocka_unit_test(test_trend_columns), cmocka_unit_test(test_base_year_model),
        cmocka_unit_test(test_input_errors),  cmocka_unit_test(test_lognormal_fallback),
    };
    return cmocka_run_group_tests_name("uncertainty", tests, NULL, NULL);
}
