/* test_sectors.c - unit tests for the product method, indirect emissions, the reference approach and completeness
 * (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine.h"
#include "inventory.h"
#include "test_fixture.h"

#define REL 1e-12

/* Hand-written factors with round numbers; the values' sources are the
 * tests' own arithmetic, not a publication. */
static const char proc_set[] =
    "factor_set: proc\ntitle: test\nsource: hand-written test values\nfactors:\n"
    "  - activity: lime\n    category: \"2.A.2\"\n    co2: {value: 0.75, unit: t CO2/t, ref: a}\n"
    "    correction: {value: 1.02, unit: \"1\", ref: b}\n"
    "  - activity: urea\n    category: \"3.C.3\"\n    co2: {value: 0.20, unit: t C/t, ref: c}\n"
    "  - activity: cattle\n    category: \"3.A.1\"\n    ch4: {value: 68, unit: kg CH4/head/yr, ref: d}\n"
    "  - activity: cattle\n    category: \"3.A.2\"\n    ch4: {value: 1, unit: kg CH4/head/yr, ref: e}\n"
    "    nitrogen: {value: 40, unit: kg N/head/yr, gas: n2o, ref: f}\n"
    "    n2o: {value: 0.005, unit: kg N2O-N/kg N, ref: g}\n"
    "  - activity: nitric\n    category: \"2.B.2\"\n    n2o: {value: 9, unit: kg N2O/t, ref: h}\n"
    "  - activity: growth\n    category: \"3.B.1.a\"\n    removal: true\n"
    "    root_shoot: {value: 0.25, unit: \"1\", ref: i}\n    co2: {value: 0.47, unit: t C/t DM, ref: j}\n"
    "  - activity: electricity\n    grid: northeast\n    year: 2019\n    co2: {value: 0.6, unit: kg CO2/kWh, ref: k}\n"
    "  - activity: electricity\n    grid: northeast\n    year: 2021\n    co2: {value: 0.5, unit: kg CO2/kWh, ref: l}\n"
    "  - activity: ammonia\n    category: \"2.B.1\"\n    feedstock: gas\n"
    "    co2: {value: 1.694, unit: t CO2/t, ref: q}\n"
    "  - fuel: gas\n    ncv: {value: 48, unit: TJ/Gg, ref: m}\n    co2: {value: 56100, unit: kg/TJ, ref: n}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: o}\n    n2o: {value: 0.1, unit: kg/TJ, ref: p}\n";

static const th_file sector_files[] = {{"proc.yaml", proc_set}, {"gwp.yaml", th_gwp_yaml}, {NULL, NULL}};

/* Computes an inventory with factor set proc and `body` (activities and the
 * other sections); the result may be NULL. */
static th_run run(const char *body) { return th_run_sets(sector_files, "proc", body); }

#define L(member) TH_FIELD(eng_line, member)
#define T(member) TH_FIELD(eng_cat_total, member)

static void test_product_terms(void **state)
{
    (void)state;
    th_run t = run("activities:\n"
                   "  - {category: \"2.A.2\", activity: lime, amount: 10, unit: 10^4 t}\n"
                   "  - {category: \"3.C.3\", activity: urea, amount: 1000, unit: t}\n"
                   "  - {category: \"2.B.2\", activity: nitric, amount: 1000, unit: t, "
                   "abatement: {value: 80, unit: \"%\", source: plant}}\n");
    static const th_line_want lines[] = {
        /* lime: 10^5 t x 1.02 x 0.75 t CO2/t = 76,500 t */
        {0, GAS_CO2, L(emission_t), 1e5 * 1.02 * 0.75, REL},
        /* urea: 1000 t x 0.20 t C/t x 44/12 = 733.33 t CO2 (IPCC 2006 Vol.4 Eq. 11.13) */
        {1, GAS_CO2, L(emission_t), 1000 * 0.20 * 44.0 / 12.0, REL},
        /* nitric acid: 1000 t x 9 kg/t x (1 - 0.8) = 1.8 t N2O */
        {2, GAS_N2O, L(term[0]), 0.8, REL},
        {2, GAS_N2O, L(emission_t), 1000 * (1 - 0.8) * 9 / 1000.0, 1e-12},
    };
    assert_non_null(t.r);
    th_check_lines(&t, TH_ROWS(lines));
    th_run_free(&t);
}

static void test_per_head_and_scoped_terms(void **state)
{
    (void)state;
    th_run t = run("activities:\n"
                   "  - {category: \"3.A.1\", activity: cattle, amount: 1000, unit: head}\n"
                   "  - {category: \"3.A.2\", activity: cattle, amount: 1000, unit: head}\n");
    static const th_line_want lines[] = {
        /* enteric: 1000 head x 68 kg CH4/head/yr x 1 yr = 68 t */
        {0, GAS_CH4, L(emission_t), 68.0, REL},
        /* manure: CH4 1000 x 1 kg = 1 t, without the N term (scoped to n2o) */
        {1, GAS_CH4, L(emission_t), 1.0, REL},
        /* N2O: 1000 head x 40 kg N x 0.005 kg N2O-N/kg N x 44/28 = 314.2857 kg */
        {1, GAS_N2O, L(emission_t), 1000 * 40 * 0.005 * 44.0 / 28.0 / 1000.0, REL},
    };
    assert_non_null(t.r);
    assert_int_equal(th_line(&t, 1, GAS_CH4).chain->nterms, 0);
    th_check_lines(&t, TH_ROWS(lines));
    th_run_free(&t);
}

static void test_removal_negative(void **state)
{
    (void)state;
    th_run t = run("activities:\n"
                   "  - {category: \"3.B.1.a\", activity: growth, amount: 1e6, unit: m3, "
                   "density: {value: 0.45, unit: t DM/m3, source: s}, bef: {value: 1.3, unit: \"1\", source: s}}\n");
    /* -(1e6 m3 x 0.45 t DM/m3 x 1.3 x (1 + 0.25) x 0.47 t C/t DM x 44/12) = -1,260,187.5 t CO2 */
    static const th_line_want lines[] = {
        {0, GAS_CO2, L(emission_t), -(1e6 * 0.45 * 1.3 * 1.25 * 0.47 * 44.0 / 12.0), REL}};
    static const th_total_want totals[] = {{"3.B", T(t_co2e), -(1e6 * 0.45 * 1.3 * 1.25 * 0.47 * 44.0 / 12.0), REL}};
    assert_non_null(t.r);
    th_check_lines(&t, TH_ROWS(lines));
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
}

static void test_product_unit_errors(void **state)
{
    (void)state;
    th_run t = run("activities:\n  - {category: \"3.A.1\", activity: cattle, amount: 1000, unit: t}\n");
    th_need_refused(&t, "not a mass");
    th_run_free(&t);
}

static void test_indirect_grid_year(void **state)
{
    (void)state;
    th_run t = run("activities: []\nindirect:\n"
                   "  - {kind: electricity, amount: 10, unit: 10^8 kWh, grid: northeast}\n"
                   "  - {kind: electricity, amount: -2, unit: 10^8 kWh, grid: northeast, view: net_import}\n");
    assert_non_null(t.r);
    const eng_indirect_line *l;
    assert_int_equal(eng_indirect(t.r, &l), 2);
    /* year 2020 takes the latest earlier factor, 2019: 10^9 kWh x 0.6 kg/kWh = 600,000 t */
    assert_int_equal(l[0].factor_year, 2019);
    assert_close(l[0].emission_t, 1e9 * 0.6 / 1000, REL);
    assert_close(eng_indirect_total_t(t.r, false), 6e5, REL);
    assert_close(eng_indirect_total_t(t.r, true), -2e8 * 0.6 / 1000, REL);
    /* indirect is never in the direct total */
    assert_close(eng_total_under(t.r, "").t_co2e, 0.0, REL);
    th_run_free(&t);
}

static void test_reference_approach(void **state)
{
    (void)state;
    th_run t =
        run("activities:\n  - {category: \"1.A.1.a\", fuel: gas, amount: 1, unit: Gg}\n"
            "reference_approach:\n  threshold: 5%\n  fuels:\n"
            "    - {fuel: gas, unit: Gg, imports: 1.2, exports: 0.05, stock_change: 0.05, non_energy_use: 0.04}\n");
    assert_non_null(t.r);
    const eng_ref_line *l;
    eng_ref_summary s;
    assert_int_equal(eng_reference(t.r, &l, &s), 1);
    /* apparent = 1.2 - 0.05 - 0.05 = 1.1 Gg; net of non-energy use 1.06 Gg; x 48 x 56100 / 1000 */
    assert_close(l[0].apparent, 1.1, REL);
    assert_close(s.ra_co2_t, 1.06 * 48 * 56100 / 1000, 1e-12);
    assert_close(s.sa_co2_t, 1.0 * 48 * 56100 / 1000, REL);
    assert_close(s.diff_pct, 6.0, 1e-9); /* (1.06 - 1) / 1 */
    assert_true(s.flagged);
    th_run_free(&t);
}

static void test_completeness(void **state)
{
    (void)state;
    th_run t = run("activities:\n  - {category: \"2.A.2\", activity: lime, amount: 1, unit: t}\n"
                   "notation_keys:\n  - {category: \"2.B\", key: NO, note: no chemical plants}\n");
    assert_non_null(t.r);
    const eng_complete *c;
    size_t n = eng_completeness(t.r, &c);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(c[i].category, "2.A.2") == 0 && (seen |= 1))
            assert_string_equal(c[i].status, "estimated");
        if (strcmp(c[i].category, "2.B.1") == 0 && (seen |= 2))
            assert_string_equal(c[i].status, "NO");
        if (strcmp(c[i].category, "4.D.1") == 0 && (seen |= 4))
            assert_string_equal(c[i].status, "not reported");
    }
    assert_int_equal(seen, 7);
    th_run_free(&t);
}

/* Ammonia's factor covers its natural gas: a 1.A.2 gas record must say it
 * excludes the feedstock, or the gas is counted twice. */
static void test_feedstock_guard(void **state)
{
    (void)state;
    /* 1000 t NH3 x 1.694 t CO2/t = 1694 t, plus the gas burnt: 1 Gg x 48 x 56100 / 1000 = 2692.8 t */
    static const th_total_want totals[] = {{"", T(t[GAS_CO2]), 1694.0 + 2692.8, 1e-12}};
    th_run t = run("activities:\n  - {category: \"2.B.1\", activity: ammonia, amount: 1000, unit: t}\n"
                   "  - {category: \"1.A.2.c\", fuel: gas, amount: 1, unit: Gg}\n");
    th_need_refused(&t, "inv.yaml:6:33: error: gas burnt in 1.A.2.c may include the feedstock of 'ammonia'");
    th_run_free(&t);
    t = run("activities:\n  - {category: \"2.B.1\", activity: ammonia, amount: 1000, unit: t}\n"
            "  - {category: \"1.A.2.c\", fuel: gas, amount: 1, unit: Gg, feedstock_excluded: true}\n");
    assert_non_null(t.r);
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
}

/* Road transport by distance: 10^6 vehicle-km x 0.2 kg/km = 200 t = 0.2 Gg
 * of gas, 0.2 x 48 TJ/Gg = 9.6 TJ, 9.6 x 56100 kg/TJ = 538.56 t CO2; by
 * volume, 10^6 km x 25 L/100km x 0.8 kg/L = 200 t too. */
static void test_distance_based(void **state)
{
    (void)state;
    th_run t = run(
        "activities:\n"
        "  - {category: \"1.A.3.b\", fuel: gas, distance: {value: 1e6, unit: km, source: s}, "
        "fuel_economy: {value: 0.2, unit: kg/km, source: s}}\n"
        "  - {category: \"1.A.3.b\", fuel: gas, id: b, distance: {value: 1e6, unit: km, source: s}, "
        "fuel_economy: {value: 25, unit: L/100km, source: s}, fuel_density: {value: 0.8, unit: kg/L, source: s}}\n");
    static const th_line_want lines[] = {
        {0, GAS_CO2, L(energy_tj), 9.6, REL},
        {0, GAS_CO2, L(emission_t), 538.56, REL},
        {1, GAS_CO2, L(emission_t), 538.56, REL},
    };
    assert_non_null(t.r);
    th_check_lines(&t, TH_ROWS(lines));
    th_run_free(&t);
}

/* Stock difference: (V2 - V1) / (t2 - t1) = (1.20e8 - 1.10e8) m3 / 5 yr = 2e6 m3 a year, through the
 * growth entry: -(2e6 x 0.45 x 1.3 x 1.25 x 0.47 x 44/12) t CO2. A carbon balance subtracts an
 * output with a record-level removal: 1000 t coke x 0.8 t C/t in, 1000 t steel x 0.01 t C/t out. */
static void test_stock_difference_and_carbon_balance(void **state)
{
    (void)state;
    th_run t = run("activities:\n"
                   "  - {category: \"3.B.1.a\", activity: growth, "
                   "stock_start: {value: 1.10e8, unit: m3, year: 2015, source: inventory 2015}, "
                   "stock_end: {value: 1.20e8, unit: m3, year: 2020, source: inventory 2020}, "
                   "density: {value: 0.45, unit: t DM/m3, source: s}, bef: {value: 1.3, unit: \"1\", source: s}}\n"
                   "  - {category: \"2.C.1\", activity: coke_c, amount: 1000, unit: t, "
                   "co2: {value: 0.8, unit: t C/t, source: lab}}\n"
                   "  - {category: \"2.C.1\", activity: steel_c, amount: 1000, unit: t, removal: true, "
                   "co2: {value: 0.01, unit: t C/t, source: lab}}\n");
    static const th_line_want lines[] = {
        {0, GAS_CO2, L(amount), 2e6, REL},
        {0, GAS_CO2, L(emission_t), -(2e6 * 0.45 * 1.3 * 1.25 * 0.47 * 44.0 / 12.0), REL},
    };
    static const th_total_want totals[] = {{"2.C.1", T(t[GAS_CO2]), (1000 * 0.8 - 1000 * 0.01) * 44.0 / 12.0, 1e-12}};
    assert_non_null(t.r);
    th_check_lines(&t, TH_ROWS(lines));
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_product_terms),      cmocka_unit_test(test_per_head_and_scoped_terms),
        cmocka_unit_test(test_removal_negative),   cmocka_unit_test(test_product_unit_errors),
        cmocka_unit_test(test_indirect_grid_year), cmocka_unit_test(test_reference_approach),
        cmocka_unit_test(test_completeness),       cmocka_unit_test(test_feedstock_guard),
        cmocka_unit_test(test_distance_based),     cmocka_unit_test(test_stock_difference_and_carbon_balance),
    };
    return cmocka_run_group_tests_name("sectors", tests, NULL, NULL);
}
