/* test_keycat.c - key category analysis (2006 IPCC Vol.1 Ch.4 Eq. 4.1-4.4, Tables 4.2 and 4.3) on hand-worked cases (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "keycat.h"
#include "test_helpers.h"

#define TOL 1e-12

/* What one assessment must give: the items in ranked order, with their
 * shares and key flags. */
typedef struct {
    const char *name;
    kc_kind kind;
    bool with_lulucf;
    size_t n;                 /* lines expected */
    size_t order[8];          /* item index of each ranked line */
    double share[8];          /* share of each ranked line */
    size_t nkey;              /* the first nkey lines are key */
} kc_case;

/* Six categories, 1000 t in all, and a sink of 200 t under 3.B (LULUCF).
 * Base year figures for the trend and combined uncertainties (%) for
 * Approach 2 alongside. */
static const kc_item items[] = {
    {"1.A.1", NULL, GAS_CO2, 400, 500, 2},   /* 0 */
    {"1.A.3", NULL, GAS_CO2, 250, 300, 10},  /* 1 */
    {"3.A.1", NULL, GAS_CH4, 130, 120, 50},  /* 2 */
    {"2.A.1", NULL, GAS_CO2, 60, 50, 5},     /* 3 */
    {"4.A.1", NULL, GAS_CH4, 20, 20, 100},   /* 4 */
    {"3.C.4", NULL, GAS_N2O, 0, 10, 1},      /* 5 */
    {"3.B.1.a", NULL, GAS_CO2, -100, -200, 20}, /* 6 */
};

static const kc_case cases[] = {
    /* Eq. 4.1 without LULUCF: L = |E| / 1000 = .5 .3 .12 .05 .02 .01; cumulative .5 .8 .92 .97 .99 1.
     * 2.A.1 is key (the lines before it add up to .92 < .95), 4.A.1 is not (.97). */
    {"level", KC_LEVEL, false, 6, {0, 1, 2, 3, 4, 5}, {.5, .3, .12, .05, .02, .01}, 4},
    /* with LULUCF, |E| of the sink counts: sum = 1200; .41667 .25 .16667 .1 .04167 .01667 .00833;
     * cumulative before 2.A.1 = .93333 < .95: key; before 4.A.1 .975: not */
    {"level with LULUCF", KC_LEVEL, true, 7, {0, 1, 6, 2, 3, 4, 5},
     {500 / 1200., 300 / 1200., 200 / 1200., 120 / 1200., 50 / 1200., 20 / 1200., 10 / 1200.}, 5},
    /* Eq. 4.3: L x U = .5x2 = 1, .3x10 = 3, .12x50 = 6, .05x5 = .25, .02x100 = 2, .01x1 = .01; sum 12.26.
     * ranked 6, 3, 2, 1, .25, .01 -> cumulative .48940 .73410 .89723 .97879: 90 % cut after 1.A.1 */
    {"level, Approach 2", KC_LEVEL2, false, 6, {2, 1, 4, 0, 3, 5},
     {6 / 12.26, 3 / 12.26, 2 / 12.26, 1 / 12.26, .25 / 12.26, .01 / 12.26}, 4},
};

static void check_case(const kc_case *c)
{
    kc_table t;
    assert_true(kc_assess(items, sizeof items / sizeof *items, c->kind, c->with_lulucf, &t));
    if (t.n != c->n)
        fail_msg("%s: %zu lines, expected %zu", c->name, t.n, c->n);
    double cum = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (t.lines[i].item != c->order[i])
            fail_msg("%s: line %zu is item %zu, expected %zu", c->name, i, t.lines[i].item, c->order[i]);
        assert_close(t.lines[i].share, c->share[i], TOL);
        cum += c->share[i];
        assert_close(t.lines[i].cumulative, cum, TOL);
        if (t.lines[i].key != (i < c->nkey))
            fail_msg("%s: line %zu (%s) key %d, expected %d", c->name, i, items[t.lines[i].item].category,
                     t.lines[i].key, i < c->nkey);
    }
    kc_table_free(&t);
}

static void test_level_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_case(&cases[i]);
}

/* Eq. 4.2 without LULUCF, worked by hand. sum E0 = 860 (all |E0|), sum Et = 1000,
 * total trend = 140 / 860 = 0.162791.
 *   T = |(Et - E0) - |E0| x 0.162791| / 860
 *   1.A.1: |100 - 65.1163| / 860 = 0.040563     (Eq. 4.2 as written: 400/860 x |100/400 - 0.162791| = same)
 *   1.A.3: |50 - 40.6977| / 860 = 0.010817
 *   3.A.1: |-10 - 21.1628| / 860 = 0.036236
 *   2.A.1: |-10 - 9.7674| / 860 = 0.022985
 *   4.A.1: |0 - 3.2558| / 860 = 0.003786
 *   3.C.4: absent in the base year: |10| / 860 = 0.011628
 * sum T = 0.126014; contributions .32189 .28755 .18240 .09227 .08584 .03004; cumulative .32189 .60944 .79185
 * .88412 .96996: the fifth (1.A.3, .88412 before it) is key, 4.A.1 (.96996) is not. */
static void test_trend(void **state)
{
    (void)state;
    double tr = 140.0 / 860, T[6];
    for (int i = 0; i < 6; i++)
        T[i] = fabs((items[i].et - items[i].e0) - fabs(items[i].e0) * tr) / 860;
    assert_close(T[0], 400.0 / 860 * fabs(100.0 / 400 - tr), 1e-12); /* the two forms of Eq. 4.2 agree */
    assert_close(T[0], 0.040562466197944836, 1e-9);
    assert_close(T[5], 10.0 / 860, 1e-12);
    kc_table t;
    assert_true(kc_assess(items, sizeof items / sizeof *items, KC_TREND, false, &t));
    assert_int_equal(t.n, 6);
    assert_close(t.total_trend, tr, TOL);
    static const size_t order[6] = {0, 2, 3, 5, 1, 4};
    double sum = T[0] + T[1] + T[2] + T[3] + T[4] + T[5], cum = 0;
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(t.lines[i].item, order[i]);
        assert_close(t.lines[i].value, T[order[i]], 1e-12);
        assert_close(t.lines[i].share, T[order[i]] / sum, 1e-12);
        cum += T[order[i]] / sum;
        assert_close(t.lines[i].cumulative, cum, 1e-12);
        assert_int_equal(t.lines[i].key, i < 5);
    }
    kc_table_free(&t);
}

/* A category is key if any assessment says so; the flags name which. */
static void test_flags(void **state)
{
    (void)state;
    kc_table t[2];
    assert_true(kc_assess(items, 7, KC_LEVEL, false, &t[0]));
    assert_true(kc_assess(items, 7, KC_TREND, false, &t[1]));
    unsigned *f = kc_flags(7, t, 2);
    assert_non_null(f);
    unsigned lev = 1u << (2 * KC_LEVEL), trn = 1u << (2 * KC_TREND);
    assert_int_equal(f[0], lev | trn); /* 1.A.1 */
    assert_int_equal(f[5], trn);       /* 3.C.4: small, but new since the base year */
    assert_int_equal(f[4], 0);         /* 4.A.1 */
    assert_int_equal(f[6], 0);         /* the sink: not in the assessments without LULUCF */
    free(f);
    kc_table_free(&t[0]);
    kc_table_free(&t[1]);
}

/* Ties rank by category code, so the table is the same whatever the order
 * of the input; a zero category is never key. */
static void test_ties_and_zero(void **state)
{
    (void)state;
    const kc_item tie[] = {{"2.A.2", NULL, GAS_CO2, 0, 50, 1}, {"2.A.1", NULL, GAS_CO2, 0, 50, 1},
                           {"2.A.3", NULL, GAS_CO2, 0, 0, 1}};
    kc_table t;
    assert_true(kc_assess(tie, 3, KC_LEVEL, false, &t));
    assert_int_equal(t.lines[0].item, 1);
    assert_int_equal(t.lines[1].item, 0);
    assert_false(t.lines[2].key);
    kc_table_free(&t);
}

/* Items from an Approach 1 table: C, D and G; a row without any stated or
 * default uncertainty has none (NAN), so Approach 2 leaves it out. */
static void test_items_from_a1(void **state)
{
    (void)state;
    unc_row rows[2] = {{.key = {"1.A.1", NULL, GAS_CO2}, .base_t_co2e = 80, .t_co2e = 100, .combined_pct = 5,
                        .origins = 1u << UNC_FROM_STATED},
                       {.key = {"2.A.1", NULL, GAS_CO2}, .base_t_co2e = 10, .t_co2e = 20, .combined_pct = 0}};
    unc_a1 a = {.rows = rows, .nrows = 2};
    size_t n;
    kc_item *it = kc_items_from_a1(&a, &n);
    assert_int_equal(n, 2);
    assert_close(it[0].e0, 80, TOL);
    assert_close(it[0].et, 100, TOL);
    assert_close(it[0].unc_pct, 5, TOL);
    assert_true(isnan(it[1].unc_pct));
    kc_table t;
    assert_true(kc_assess(it, n, KC_LEVEL2, false, &t));
    assert_int_equal(t.n, 1);
    kc_table_free(&t);
    free(it);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_level_cases),
        cmocka_unit_test(test_trend),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_ties_and_zero),
        cmocka_unit_test(test_items_from_a1),
    };
    return cmocka_run_group_tests_name("keycat", tests, NULL, NULL);
}
