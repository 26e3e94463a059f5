/* test_unc_agg.c - aggregated inputs: Approach 1 and the Monte Carlo equal the per-record model on hand-worked cases (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "unc_mc.h"
#include "unc_testutil.h"

#define TOL 1e-12

/* The aggregated and the per-record model of one run. */
typedef struct {
    ut_run t;
    unc_model *agg, *rec;
    unc_a1 a, r;
} pair_run;

static pair_run pair_load(const char *records, const char *base)
{
    pair_run p = {ut_load(records, base), NULL, NULL, {0}, {0}};
    unc_opts per = {.per_record = true};
    p.agg = ut_model(&p.t, NULL);
    p.rec = ut_model(&p.t, &per);
    assert_true(unc_approach1(p.agg, &p.a));
    assert_true(unc_approach1(p.rec, &p.r));
    return p;
}

static void pair_done(pair_run *p)
{
    unc_a1_free(&p->a);
    unc_a1_free(&p->r);
    unc_model_free(p->agg);
    unc_model_free(p->rec);
    ut_done(&p->t);
}

/* Every figure of Approach 1 (rows C..Q, origins, the foot) of the two models agrees to 1e-12. */
static void assert_same_a1(const unc_a1 *a, const unc_a1 *r)
{
    assert_int_equal(a->nrows, r->nrows);
    for (size_t i = 0; i < a->nrows; i++) {
        const unc_row *x = &a->rows[i], *y = &r->rows[i];
        const double got[] = {x->base_t_co2e, x->t_co2e, x->ad_pct, x->ef_pct, x->combined_pct, x->var_contrib,
                              x->type_a, x->type_b, x->trend_var, x->lower_pct, x->upper_pct, x->var_lower,
                              x->var_upper};
        const double want[] = {y->base_t_co2e, y->t_co2e, y->ad_pct, y->ef_pct, y->combined_pct, y->var_contrib,
                               y->type_a, y->type_b, y->trend_var, y->lower_pct, y->upper_pct, y->var_lower,
                               y->var_upper};
        for (size_t k = 0; k < sizeof got / sizeof *got; k++)
            assert_close(got[k], want[k], TOL);
        assert_int_equal(x->origins, y->origins);
    }
    assert_close(a->total.total_pct, r->total.total_pct, TOL);
    assert_close(a->total.total_pct_shared, r->total.total_pct_shared, TOL);
    assert_close(a->total.total_lower_pct, r->total.total_lower_pct, TOL);
    assert_close(a->total.total_upper_pct, r->total.total_upper_pct, TOL);
    if (a->total.has_base)
        assert_close(a->total.trend_unc_pct, r->total.trend_unc_pct, TOL);
}

/* One case: records (and a base year), how many aggregated inputs the
 * model makes, how many records the first stands for and its U, E of the
 * first row, and the total's uncertainty row-wise and counted once. */
typedef struct {
    const char *name, *records, *base;
    size_t naggs;
    unsigned count0;
    double u0, row0_ad, total_pct, shared_pct;
} agg_case;

/* fx: 1 Gg x 10 TJ/Gg = 10 TJ; x 100 t CO2/TJ = 1000 t CO2, x 1 kg CH4/TJ x 28 = 0.28 t CO2e,
 * x 1 kg N2O/TJ x 265 = 2.65 t CO2e (unc_testutil.h). */
#define FX_W(gg, co2_t_per_tj) ((gg) * 10 * (co2_t_per_tj) + (gg) * 0.28 + (gg) * 2.65)

static const agg_case agg_cases[] = {
    /* U = sqrt((10 x 100)^2 + (20 x 50)^2 + (5 x 30)^2) / 180 = sqrt(2022500) / 180 = 7.9008 % (Eq. 3.1 over the
     * three independent amounts: sqrt(10^2 + 10^2 + 1.5^2) t / 180 t) */
    {"three records of one category and factor",
     "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
     "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: 20%}\n"
     "  - {category: \"2.A.1\", activity: x, amount: 30, unit: t, uncertainty: 5%}\n",
     NULL, 1, 3, 1422.1462653327892 / 180, 1422.1462653327892 / 180, 1422.1462653327892 / 180,
     1422.1462653327892 / 180},
    /* and 40 t +-10 % in 2.A.2 (its own input): total sqrt(2022500 + 400^2) / 220 = sqrt(2182500) / 220 = 6.7151 % */
    {"and a record of another category",
     "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
     "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: 20%}\n"
     "  - {category: \"2.A.1\", activity: x, amount: 30, unit: t, uncertainty: 5%}\n"
     "  - {category: \"2.A.2\", activity: x, amount: 40, unit: t, uncertainty: 10%}\n",
     NULL, 1, 3, 1422.1462653327892 / 180, 1422.1462653327892 / 180, 1477.3286702694156 / 220,
     1477.3286702694156 / 220},
    /* 1 Gg +-5 % and 2 Gg +-10 % of fx: every gas in one proportion (w = 1002.93 and 2005.86 t CO2e), so
     * U = sqrt((5 x 1002.93)^2 + (10 x 2005.86)^2) / 3008.79 = sqrt(5^2 + 20^2) / 3 = 6.8718 % on every row;
     * rows in quadrature: 6.8718 x sqrt(3000^2 + 0.84^2 + 7.95^2) / 3008.79; counted once 6.8718 % */
    {"fuel combustion, the gases in one proportion",
     "  - {category: \"1.A.1.a\", fuel: fx, amount: 1, unit: Gg, uncertainty: 5%}\n"
     "  - {category: \"1.A.1.a\", fuel: fx, amount: 2, unit: Gg, uncertainty: 10%}\n",
     NULL, 1, 2, 20.615528128088304 / 3, 20.615528128088304 / 3,
     20.615528128088304 / 3 * 3000.0106513310916 / FX_W(3, 100), 20.615528128088304 / 3},
    /* each record with its own exact CO2 factor (80 and 50 t/TJ): CO2 800 and 1000 t, CH4 0.28 and 0.56, N2O
     * 2.65 and 5.3; CO2 row E = sqrt((5 x 800)^2 + (10 x 1000)^2) / 1800 = sqrt(116000000) / 1800 = 5.9835 %;
     * CH4 and N2O rows sqrt(5^2 + 20^2) / 3 % as above; counted once (the records' totals w = 802.93 and
     * 1005.86): U = sqrt((5 x 802.93)^2 + (10 x 1005.86)^2) / 1808.79 = 10830.18 / 1808.79 = 5.9875 %; rows
     * in quadrature: sqrt(116000000 + (5 x 0.28)^2 + (10 x 0.56)^2 + (5 x 2.65)^2 + (10 x 5.3)^2) / 1808.79
     * = 10770.47 / 1808.79 */
    {"records' own factors: the gases not in one proportion",
     "  - {category: \"1.A.1.a\", fuel: fx, amount: 1, unit: Gg, uncertainty: 5%, "
     "co2: {value: 80000, unit: kg/TJ, source: lab}}\n"
     "  - {category: \"1.A.1.a\", fuel: fx, amount: 2, unit: Gg, uncertainty: 10%, "
     "co2: {value: 50000, unit: kg/TJ, source: lab}}\n",
     NULL, 1, 2, 10830.182296826772 / (FX_W(1, 80) + FX_W(2, 50)), 10770.329614269009 / 1800,
     10770.469715035644 / (FX_W(1, 80) + FX_W(2, 50)), 10830.182296826772 / (FX_W(1, 80) + FX_W(2, 50))},
    /* base year 80 and 60 t +-10 %, year t 100 t +-10 % and 50 t +-20 %: one input per year; E = sqrt(2) x 1000
     * / 150 = 9.4281 %; trend: J = 150 / 140, L = J x E x sqrt 2 = 2000 / 140 = 14.286 points (F = 0) */
    {"a base year",
     "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
     "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: 20%}\n",
     "  - {category: \"2.A.1\", activity: x, amount: 80, unit: t, uncertainty: 10%}\n"
     "  - {category: \"2.A.1\", activity: x, amount: 60, unit: t, uncertainty: 10%}\n",
     2, 2, 1414.213562373095 / 150, 1414.213562373095 / 150, 1414.213562373095 / 150, 1414.213562373095 / 150},
};

/* Checks the hand figures of case c, then that the aggregated model gives
 * every figure the per-record model gives. */
static void check_agg_case(const agg_case *c)
{
    pair_run p = pair_load(c->records, c->base);
    const unc_input *in;
    const unc_agg *ag;
    unc_model_inputs(p.agg, &in);
    size_t na = unc_model_aggs(p.agg, &ag);
    if (na != c->naggs)
        fail_msg("%s: %zu aggregated inputs, expected %zu", c->name, na, c->naggs);
    const unc_input *x = &in[ag[0].input];
    assert_int_equal(x->count, c->count0);
    assert_int_equal(x->agg, 0);
    assert_int_equal(x->dist, UNC_DIST_NORMAL);
    assert_close(x->stated_minus_pct, c->u0, 1e-12);
    assert_close(x->plus_pct, c->u0, 1e-12);
    assert_close(p.a.rows[0].ad_pct, c->row0_ad, 1e-12);
    assert_close(p.a.total.total_pct, c->total_pct, 1e-12);
    assert_close(p.a.total.total_pct_shared, c->shared_pct, 1e-12);
    assert_same_a1(&p.a, &p.r);
    if (c->base)
        assert_close(p.a.total.trend_unc_pct, 2000.0 / 140, 1e-12);
    pair_done(&p);
}

static void test_agg_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof agg_cases / sizeof *agg_cases; i++)
        check_agg_case(&agg_cases[i]);
}

/* Records that cannot be summed exactly keep an input each: what is not
 * normal (lognormal, triangular, uniform: their sum is not of the same
 * kind), what is in a correlation group, a record's own factor with a
 * range (a product of two uncertain quantities of the record), different
 * origins (the row says where its figures come from). */
static void test_not_aggregated(void **state)
{
    (void)state;
    static const struct {
        const char *name, *records;
        size_t naggs, nsingle; /* aggregated inputs, amounts of one record */
    } cases[] = {
        {"lognormal", "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: {minus: 10%, plus: 30%}}\n"
                      "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: {minus: 10%, plus: 30%}}\n",
         0, 2},
        {"triangular",
         "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: {pct: 9%, distribution: triangular}}\n"
         "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: {pct: 9%, distribution: triangular}}\n",
         0, 2},
        {"uniform",
         "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: {pct: 8%, distribution: uniform}}\n"
         "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: {pct: 8%, distribution: uniform}}\n",
         0, 2},
        {"correlation group", "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: {pct: 6%, group: s}}\n"
                              "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: {pct: 6%, group: s}}\n",
         0, 2},
        {"own factor with a range",
         "  - {category: \"1.A.1.a\", fuel: fx, amount: 1, unit: Gg, uncertainty: 5%, "
         "co2: {value: 80000, unit: kg/TJ, uncertainty: 3%, source: lab}}\n"
         "  - {category: \"1.A.1.a\", fuel: fx, amount: 2, unit: Gg, uncertainty: 5%, "
         "co2: {value: 50000, unit: kg/TJ, uncertainty: 3%, source: lab}}\n",
         0, 2},
        {"stated and default", "  - {category: \"1.A.1.a\", fuel: fx, amount: 1, unit: Gg}\n"
                               "  - {category: \"1.A.1.a\", fuel: fx, amount: 2, unit: Gg, uncertainty: 5%}\n",
         0, 2},
        {"two normal, one lognormal",
         "  - {category: \"2.A.1\", activity: x, amount: 100, unit: t, uncertainty: 10%}\n"
         "  - {category: \"2.A.1\", activity: x, amount: 50, unit: t, uncertainty: {minus: 10%, plus: 30%}}\n"
         "  - {category: \"2.A.1\", activity: x, amount: 30, unit: t, uncertainty: 5%}\n",
         1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pair_run p = pair_load(cases[i].records, NULL);
        const unc_input *in;
        const unc_agg *ag;
        size_t nin = unc_model_inputs(p.agg, &in), single = 0;
        size_t na = unc_model_aggs(p.agg, &ag);
        for (size_t k = 0; k < nin; k++)
            single += in[k].role == UNC_ROLE_AD && in[k].count == 1 && in[k].agg == UINT32_MAX;
        if (na != cases[i].naggs || single != cases[i].nsingle)
            fail_msg("%s: %zu aggregated and %zu single amounts, expected %zu and %zu", cases[i].name, na, single,
                     cases[i].naggs, cases[i].nsingle);
        assert_same_a1(&p.a, &p.r);
        pair_done(&p);
    }
}

/* ----------------------------------------------------------- Monte Carlo */

/* Eight fx records of 1 .. 8 Gg with their own exact CO2 factors of
 * 160000 / k^2 kg/TJ (k = 1 .. 8): CO2 1600 / k t falls while CH4 and N2O
 * rise with the amount, so the sums of the CO2 and the CH4 lines are only
 * 0.50 correlated (the second Cholesky column carries 75 % of the CH4 row's
 * variance); and five 2.A.1 records on the shared u10 factor (+/-10 %). */
static char *mc_records(void)
{
    char *s = malloc(4096);
    size_t n = 0;
    static const double u[4] = {5, 10, 3, 8};
    for (int i = 0; i < 8; i++)
        n += (size_t)snprintf(s + n, 4096 - n,
                              "  - {category: \"1.A.1.a\", fuel: fx, amount: %d, unit: Gg, uncertainty: %g%%, "
                              "co2: {value: %d, unit: kg/TJ, source: lab}}\n",
                              i + 1, u[i % 4], 160000 / ((i + 1) * (i + 1)));
    for (int i = 0; i < 5; i++)
        n += (size_t)snprintf(s + n, 4096 - n,
                              "  - {category: \"2.A.1\", activity: u10, amount: %d, unit: t, uncertainty: %g%%}\n",
                              100 + 50 * i, u[(i + 1) % 4]);
    return s;
}

static umc_result mc_of(const unc_model *m, unsigned threads)
{
    umc_opts o = {.seed = 77, .iterations = 100000, .threads = threads};
    umc_result r;
    assert_true(umc_run(m, &o, &r));
    return r;
}

/* The aggregated model draws the records' sums exactly (independent
 * normals sum to a normal; on lines not in one proportion through the
 * Cholesky factor of their covariance), so its figures agree with the
 * per-record model's within Monte Carlo error: the mean to 0.1 %, the
 * standard deviation and the 95 % bounds to 2 % at 10^5 iterations (their
 * sampling error is about 0.3 %). Both agree with Approach 1's total
 * counted once (the u10 factor is one draw for the five records). Draws per
 * iteration: the fx input 2 (CO2, and CH4 with N2O, which stay in one
 * proportion: rank 2), the 2.A.1 input 1, u10 1 = 4, against 8 + 5 + 1 = 14.
 * The figures are the same bits on 1 and 2 threads. */
static void test_mc_agg(void **state)
{
    (void)state;
    char *recs = mc_records();
    pair_run p = pair_load(recs, NULL);
    free(recs);
    umc_result a = mc_of(p.agg, 2), r = mc_of(p.rec, 2), a1 = mc_of(p.agg, 1);
    assert_int_equal(a.draws, 4 * a.iterations);
    assert_int_equal(r.draws, 14 * r.iterations);
    assert_close(a.total.mean, r.total.mean, 0.001);
    assert_close(a.total.sd, r.total.sd, 0.02);
    assert_close(a.total.p025, r.total.p025, 0.005);
    assert_close(a.total.p975, r.total.p975, 0.005);
    for (size_t i = 0; i < a.nrows; i++) {
        assert_close(a.rows[i].mean, r.rows[i].mean, 0.001);
        assert_close(a.rows[i].sd, r.rows[i].sd, 0.02);
    }
    double sd_a1 = p.a.total.total_pct_shared / 100 / UNC_Z975 * p.a.total.t_co2e;
    assert_close(a.total.sd, sd_a1, 0.02);
    assert_int_equal(a.ncontrib, 3); /* the fx input (its two draws as one), the 2.A.1 input, u10 */
    double share = 0;
    for (size_t i = 0; i < a.ncontrib; i++)
        share += a.contrib[i].share;
    assert_close(share, 1, 1e-12);
    assert_memory_equal(&a.total, &a1.total, sizeof a.total);
    assert_memory_equal(a.rows, a1.rows, a.nrows * sizeof *a.rows);
    assert_memory_equal(a.contrib, a1.contrib, a.ncontrib * sizeof *a.contrib);
    umc_result_free(&a);
    umc_result_free(&a1);
    umc_result_free(&r);
    pair_done(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_agg_cases),
        cmocka_unit_test(test_not_aggregated),
        cmocka_unit_test(test_mc_agg),
    };
    return cmocka_run_group_tests_name("unc_agg", tests, NULL, NULL);
}
