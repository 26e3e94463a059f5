/* test_series_energy.c - unit tests for a series' energy derived from its inventories and the CO2-per-tce check (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "engine.h"
#include "intensity.h"
#include "series.h"
#include "test_fixture.h"
#include "test_helpers.h"

#define REL 1e-12

/* An IPCC-like set with round hand-written test values (not the 2006
 * defaults), and a China-like set over it: the coefficients' fuels, two of
 * them reaching an IPCC key through ipcc_fuel, natural gas shared. */
static const char ip_set[] =
    "factor_set: ip\ntitle: ip\nsource: test\nfactors:\n"
    "  - fuel: other_bituminous_coal\n    ncv: {value: 25, unit: TJ/Gg, ref: t}\n"
    "    co2: {value: 100000, unit: kg/TJ, ref: t}\n    ch4: {value: 1, unit: kg/TJ, ref: t}\n"
    "    n2o: {value: 1, unit: kg/TJ, ref: t}\n"
    "  - fuel: gas_diesel_oil\n    ncv: {value: 43, unit: TJ/Gg, ref: t}\n    co2: {value: 74000, unit: kg/TJ, ref: t}\n"
    "    ch4: {value: 3, unit: kg/TJ, ref: t}\n    n2o: {value: 0.6, unit: kg/TJ, ref: t}\n"
    "  - fuel: natural_gas\n    ncv: {value: 48, unit: TJ/Gg, ref: t}\n    co2: {value: 56000, unit: kg/TJ, ref: t}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: t}\n    n2o: {value: 0.1, unit: kg/TJ, ref: t}\n"
    "  - fuel: wood_wood_waste\n    biogenic: true\n    ncv: {value: 15.6, unit: TJ/Gg, ref: t}\n"
    "    co2: {value: 112000, unit: kg/TJ, ref: t}\n    ch4: {value: 30, unit: kg/TJ, ref: t}\n"
    "    n2o: {value: 4, unit: kg/TJ, ref: t}\n"
    "  - fuel: blast_furnace_gas\n    ncv: {value: 2.5, unit: TJ/Gg, ref: t}\n"
    "    co2: {value: 260000, unit: kg/TJ, ref: t}\n    ch4: {value: 1, unit: kg/TJ, ref: t}\n"
    "    n2o: {value: 0.1, unit: kg/TJ, ref: t}\n";

static const char cn_set[] =
    "factor_set: cn\ntitle: cn\nsource: test\nextends: ip\nfactors:\n"
    "  - fuel: raw_coal\n    name: \"Raw coal (原煤)\"\n    ipcc_fuel: other_bituminous_coal\n"
    "    ncv: {value: 20, unit: GJ/t, ref: t}\n    sce: {value: 0.7, unit: kgce/kg, ref: t}\n"
    "  - fuel: diesel\n    name_zh: 柴油\n    ipcc_fuel: gas_diesel_oil\n    ncv: {value: 42, unit: GJ/t, ref: t}\n"
    "    sce: {value: 1.4, unit: kgce/kg, ref: t}\n"
    "  - fuel: natural_gas\n    ncv: {value: 38, unit: MJ/m3, ref: t}\n    sce: {value: 1.3, unit: kgce/m3, ref: t}\n"
    "  - activity: electricity\n    sce: {value: 0.1229, unit: kgce/kWh, ref: t}\n"
    "  - activity: heat\n    sce: {value: 0.0341, unit: kgce/MJ, ref: t}\n";

/* The inventory of 2020 (factor_sets [cn]): one record for each rule of
 * docs/intensity.md, "Energy from the inventories". */
static const char inv2020[] =
    "inventory: e\nyear: 2020\nfactor_sets: [cn]\n"
    "economy:\n  primary_electricity: {value: 2, unit: 10^8 kWh}\n"
    "activities:\n"
    "  - {category: \"1.A.1.a\", fuel: raw_coal, amount: 100, unit: 10^4 t}\n"
    "  - {category: \"1.A.4.b\", fuel: 原煤, amount: 20, unit: 10^4 t}\n"
    "  - {category: \"1.A.2\", fuel: other_bituminous_coal, amount: 10, unit: 10^4 t}\n"
    "  - {category: \"1.A.1.b\", fuel: raw_coal, amount: 10, unit: 10^4 t, ncv: {value: 22, unit: GJ/t, source: lab}}\n"
    "  - {category: \"1.A.3.b\", fuel: gas_diesel_oil, amount: 10, unit: 10^4 t}\n"
    "  - {category: \"1.A.4.b\", fuel: natural_gas, amount: 5, unit: 10^4 t}\n"
    "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 1, unit: 10^8 m3}\n"
    "  - {category: \"1.A.4.a\", fuel: natural_gas, amount: 100, unit: TJ}\n"
    "  - {category: \"1.A.4.b\", fuel: wood_wood_waste, amount: 10, unit: 10^4 t}\n"
    "%s"
    "indirect:\n"
    "  - {kind: electricity, amount: -1, unit: 10^8 kWh, view: net_import, co2: {value: 0.5, unit: kg/kWh, "
    "source: s}}\n"
    "  - {kind: electricity, amount: 5, unit: 10^8 kWh, co2: {value: 0.5, unit: kg/kWh, source: s}}\n"
    "  - {kind: heat, amount: 1000, unit: GJ, view: net_import, co2: {value: 0.1, unit: kg/MJ, source: s}}\n";

/* A blast-furnace-gas record (a gas made from counted coal), for inv2020's %s. */
#define BFG_RECORD "  - {category: \"1.A.2.a\", fuel: blast_furnace_gas, amount: 100, unit: 10^4 t}\n"

#define SERIES_HEAD                                                                                                    \
    "series: s\nbase_year: 2020\nprice_base: 2020\nfactor_sets: [cn]\n"                                               \
    "electricity: {coal_rate: {value: 300, unit: gce/kWh, source: s}}\n"                                               \
    "years:\n  - year: 2020\n    inventory: inv.yaml\n"                                                                \
    "    gdp: {value: 100, unit: 10^8 yuan, prices: constant}\n    population: {value: 1, unit: 10^4 person}\n"

/* A series over inv.yaml, its inventory computed and its energy derived. */
typedef struct {
    th_folder f;
    fset_db *db;
    ser_series *s;
    inventory *inv;
    eng_result *r;
    int_inv ii;
    int_result *res;
} se_fx;

/* Writes the sets, gwp.yaml, inv.yaml (inv2020 with `extra` records) and
 * the series; loads, computes and derives, and computes the indicators. */
static se_fx se_load(const char *series, const char *extra)
{
    char inv[4096];
    snprintf(inv, sizeof inv, inv2020, extra);
    const th_file files[] = {
        {"ip.yaml", ip_set}, {"cn.yaml", cn_set}, {"gwp.yaml", th_gwp_yaml}, {"inv.yaml", inv}, {NULL, NULL}};
    se_fx x = {0};
    x.f = th_folder_new(files, "series.yaml", series);
    x.db = fdb_new();
    const char *dirs[] = {x.f.dir};
    x.s = ser_load(x.f.path, x.f.dl);
    assert_non_null(x.s);
    if (diag_error_count(x.f.dl) == 0)
        ser_resolve(x.s, x.db, dirs, 1, x.f.dl);
    x.inv = inv_load(x.s->years[0].inventory, x.f.dl, NULL);
    if (x.inv && diag_error_count(x.f.dl) == 0)
        x.r = eng_run(x.inv, x.db, dirs, 1, x.f.dl, NULL);
    if (!x.r) {
        char *m = th_messages(x.f.dl);
        fail_msg("did not compute: %s", m);
    }
    assert_true(int_inv_from(x.r, &x.ii));
    assert_true(ser_derive_year(x.s, 0, x.r, x.f.dl));
    x.res = int_compute(x.s, &x.ii, x.f.dl);
    assert_non_null(x.res);
    int_check_co2_per_tce(x.res, x.f.dl);
    return x;
}

static void se_done(se_fx *x)
{
    int_free(x->res);
    int_inv_clear(&x->ii);
    eng_free(x->r);
    inv_free(x->inv);
    ser_free(x->s);
    fdb_free(x->db);
    th_folder_free(&x->f);
}

/* The item of year 0 with this fuel, kind and unit, or NULL. */
static const ser_energy *se_item(const se_fx *x, const char *fuel, ser_kind kind, const char *unit, ser_basis b)
{
    const ser_year *y = &x->s->years[0];
    for (size_t i = 0; i < y->nenergy; i++) {
        const ser_energy *e = &y->energy[i];
        if (strcmp(e->fuel, fuel) == 0 && e->kind == kind && strcmp(e->unit_text, unit) == 0 && e->basis == b)
            return e;
    }
    return NULL;
}

/* 1 kgce = 29.3076 MJ (GB/T 2589-2020); 1 tce = 29.3076 GJ. */
#define GJ_PER_TCE 29.3076

/* Every derived item by hand: fuel, kind, unit, basis, amount, tce
 * (calorific) and the fossil CO2 of its records (NAN for electricity and heat). */
static void test_derived_items(void **state)
{
    (void)state;
    static const struct {
        const char *fuel;
        ser_kind kind;
        const char *unit;
        ser_basis basis;
        double amount, tce, co2_t;
    } rows[] = {
        /* raw_coal 100 + 原煤 20 (the alias) = 120 x 10^4 t x 0.7 kgce/kg = 840,000 tce; CO2 (ipcc_fuel
         * other_bituminous_coal): 1.2e6 t x 20 GJ/t = 24,000 TJ x 100 t/TJ = 2,400,000 t */
        {"raw_coal", SER_FOSSIL, "10^4 t", SER_BASIS_COEFFICIENT, 120, 840000, 2400000},
        /* other_bituminous_coal maps to raw_coal but counts at its NCV: 1e5 t x 25 GJ/t / 29.3076 GJ/tce;
         * CO2 2,500 TJ x 100 = 250,000 t */
        {"raw_coal", SER_FOSSIL, "10^4 t", SER_BASIS_NCV, 10, 1e5 * 25 / GJ_PER_TCE, 250000},
        /* the record's own NCV (22 GJ/t) is its own item: 1e5 x 22 / 29.3076; CO2 2,200 TJ x 100 */
        {"raw_coal", SER_FOSSIL, "10^4 t", SER_BASIS_NCV, 10, 1e5 * 22 / GJ_PER_TCE, 220000},
        /* gas_diesel_oil -> diesel at the ip NCV: 1e5 t x 43 GJ/t / 29.3076; CO2 4,300 TJ x 74 = 318,200 t */
        {"diesel", SER_FOSSIL, "10^4 t", SER_BASIS_NCV, 10, 1e5 * 43 / GJ_PER_TCE, 318200},
        /* natural gas in tonnes: the coefficient is per m3, so the engine's NCV 48 TJ/Gg: 5e4 x 48 / 29.3076;
         * CO2 2,400 TJ x 56 = 134,400 t */
        {"natural_gas", SER_FOSSIL, "10^4 t", SER_BASIS_NCV, 5, 5e4 * 48 / GJ_PER_TCE, 134400},
        /* natural gas in m3: 1e8 m3 x 1.3 kgce/m3 = 130,000 tce; CO2 1e8 x 38 MJ = 3,800 TJ x 56 = 212,800 t */
        {"natural_gas", SER_FOSSIL, "10^8 m3", SER_BASIS_COEFFICIENT, 1, 130000, 212800},
        /* natural gas as an energy: 100 TJ = 1e5 GJ / 29.3076; CO2 100 x 56 = 5,600 t */
        {"natural_gas", SER_FOSSIL, "TJ", SER_BASIS_ENERGY, 100, 1e5 / GJ_PER_TCE, 5600},
        /* economy: 2 x 10^8 kWh x 0.1229 kgce/kWh = 24,580 tce */
        {"electricity", SER_PRIMARY_ELECTRICITY, "10^8 kWh", SER_BASIS_COEFFICIENT, 2, 24580, NAN},
        /* the net-import view only (the consumption record is not taken): -1 x 10^8 kWh x 0.1229 */
        {"electricity", SER_NET_IMPORT_ELECTRICITY, "10^8 kWh", SER_BASIS_COEFFICIENT, -1, -12290, NAN},
        /* heat: 1000 GJ = 10^6 MJ x 0.0341 kgce/MJ = 34.1 tce */
        {"heat", SER_HEAT, "GJ", SER_BASIS_COEFFICIENT, 1000, 34.1, NAN},
    };
    se_fx x = se_load(SERIES_HEAD, "");
    const ser_year *y = &x.s->years[0];
    assert_int_equal(y->nenergy, sizeof rows / sizeof *rows); /* firewood and the consumption view left out */
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const ser_energy *e = NULL;
        /* the two NCV items of raw coal differ by their coefficient: pick by amount x NCV */
        for (size_t k = 0; k < y->nenergy && !e; k++) {
            const ser_energy *c = &y->energy[k];
            if (strcmp(c->fuel, rows[i].fuel) == 0 && c->kind == rows[i].kind && c->basis == rows[i].basis &&
                strcmp(c->unit_text, rows[i].unit) == 0 &&
                fabs(int_item_tce(c, SER_CALORIFIC, 300) / rows[i].tce - 1) < 1e-9)
                e = c;
        }
        if (!e)
            fail_msg("row %zu: no item %s/%s in %s, %g tce", i, rows[i].fuel, ser_kind_name(rows[i].kind),
                     rows[i].unit, rows[i].tce);
        assert_true(e->derived);
        assert_close_what(e->amount, rows[i].amount, REL, rows[i].fuel);
        if (isnan(rows[i].co2_t))
            assert_true(isnan(e->co2_t));
        else
            assert_close_what(e->co2_t, rows[i].co2_t, REL, rows[i].fuel);
    }
    /* coal: raw coal only; electricity by the coal rate: 2 x 10^8 kWh x 300 gce/kWh = 60,000 tce */
    assert_true(se_item(&x, "raw_coal", SER_FOSSIL, "10^4 t", SER_BASIS_COEFFICIENT)->coal);
    assert_false(se_item(&x, "diesel", SER_FOSSIL, "10^4 t", SER_BASIS_NCV)->coal);
    assert_close(x.res->years[0].mix_tce[SER_COAL_RATE][INT_MIX_PRIMARY_ELEC], 60000, REL);
    /* the note on other_bituminous_coal: 25 GJ/t = 0.8530 tce/t, +21.9 % from 0.7 tce/t, at the record's fuel */
    th_need_message(x.f.dl, x.f.dir,
                    "DIR/inv.yaml:9:31: note: 'other_bituminous_coal' counts as 'raw_coal' at the NCV the inventory "
                    "uses (25 TJ/Gg: 0.8530 tce/t), +22 % from the GB/T 2589 coefficient of 'raw_coal'");
    se_done(&x);
}

/* The CO2 per tce of the sets' fuels, NCV x EF / sce, and the ranges. */
static void test_bounds(void **state)
{
    (void)state;
    se_fx x = se_load(SERIES_HEAD, "");
    const ser_bound *b = x.s->bound;
    /* raw_coal: 20 GJ/t x 100 kg/GJ (ipcc_fuel) / 0.7 tce/t = 2.857142857 t CO2/tce, the only coal */
    assert_close(b[SER_GROUP_COAL].lo, 20 * 0.1 / 0.7, REL);
    assert_close(b[SER_GROUP_COAL].hi, 20 * 0.1 / 0.7, REL);
    /* natural gas 0.038 GJ/m3 x 0.056 t/GJ / 0.0013 tce/m3 = 1.636923; diesel 42 x 0.074 / 1.4 = 2.22 */
    assert_close(b[SER_GROUP_OTHER].lo, 0.038 * 0.056 / 0.0013, REL);
    assert_string_equal(b[SER_GROUP_OTHER].lo_fuel, "natural_gas");
    assert_close(b[SER_GROUP_OTHER].hi, 42 * 0.074 / 1.4, REL);
    assert_string_equal(b[SER_GROUP_OTHER].hi_fuel, "diesel");
    assert_close(b[SER_GROUP_FOSSIL].lo, 0.038 * 0.056 / 0.0013, REL);
    assert_close(b[SER_GROUP_FOSSIL].hi, 20 * 0.1 / 0.7, REL);
    se_done(&x);
}

/* The range is inclusive at its ends widened by 2 %; no range fits anything. */
static void test_fits(void **state)
{
    (void)state;
    static const struct {
        double ratio;
        bool fits;
    } rows[] = {
        {2.5 * (1 - INT_CO2_TCE_MARGIN), true},         /* 2.45: the lower end, widened by 2 % */
        {2.5 * (1 - INT_CO2_TCE_MARGIN) - 1e-9, false}, /* just below */
        {3.0 * (1 + INT_CO2_TCE_MARGIN), true},         /* 3.06: the upper end, widened */
        {3.0 * (1 + INT_CO2_TCE_MARGIN) + 1e-9, false}, /* just above */
        {2.7, true},
    };
    const ser_bound b = {2.5, 3.0, "a", "b"}, none = {INFINITY, -INFINITY, NULL, NULL};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        assert_int_equal(int_co2_tce_fits(rows[i].ratio, &b), rows[i].fits);
        assert_true(int_co2_tce_fits(rows[i].ratio, &none));
    }
}

/* A consistent year has no warning: CO2 2,400,000 + 250,000 + 220,000 + 318,200 + 134,400 + 212,800 +
 * 5,600 = 3,541,000 t over fossil 840,000 + 85,302.11 + 75,065.85 + 146,719.62 + 81,890.02 + 130,000 +
 * 3,412.08 = 1,362,389.69 tce: 2.599, within 1.6369 x 0.98 - 2.8571 x 1.02 = 1.604-2.914. */
static void test_consistent_year(void **state)
{
    (void)state;
    se_fx x = se_load(SERIES_HEAD, "");
    const int_year *o = &x.res->years[0];
    double fossil = o->mix_tce[SER_CALORIFIC][INT_MIX_COAL] + o->mix_tce[SER_CALORIFIC][INT_MIX_OTHER_FOSSIL];
    double want = 840000 + 1e5 * 25 / GJ_PER_TCE + 1e5 * 22 / GJ_PER_TCE + 1e5 * 43 / GJ_PER_TCE +
                  5e4 * 48 / GJ_PER_TCE + 130000 + 1e5 / GJ_PER_TCE;
    assert_close(fossil, want, 1e-12);
    assert_close(o->co2_t, 3541000, 1e-12);
    char *m = th_messages(x.f.dl);
    assert_null(strstr(m, "warning"));
    free(m);
    se_done(&x);
}

/* Warnings: blast furnace gas's CO2 without its energy (overall), and a
 * written raw coal amount that does not fit the inventory's coal (by fuel). */
static void test_inconsistent(void **state)
{
    (void)state;
    /* BFG: 1e6 t x 2.5 GJ/t = 2,500 TJ x 260 t/TJ = 650,000 t more CO2, no energy:
     * (3,541,000 + 650,000) / 1,362,389.69 = 3.0762, above 2.914 */
    se_fx x = se_load(SERIES_HEAD, BFG_RECORD);
    th_need_message(x.f.dl, x.f.dir,
                    "DIR/series.yaml:8:16: warning: the inventory of 2020 emits 3.08 t CO2 from fuel combustion (1.A) "
                    "per tce of fossil energy in the series (4191000 t over 1362390 tce), outside 1.60-2.91 t "
                    "CO2/tce, the range of the fossil fuels of the factor sets (natural_gas 1.64 to raw_coal 2.86");
    se_done(&x);
    /* Written: 原煤 130 x 10^4 t x 0.7 = 910,000 tce replaces the three derived raw-coal items, whose CO2 is
     * 2,400,000 + 250,000 + 220,000 = 2,870,000 t: 3.154 t CO2/tce, above 2.857 x 1.02 = 2.914 */
    x = se_load(SERIES_HEAD "    energy:\n      - {fuel: 原煤, amount: 130, unit: 10^4 t}\n", "");
    assert_null(se_item(&x, "raw_coal", SER_FOSSIL, "10^4 t", SER_BASIS_NCV));
    const ser_energy *w = se_item(&x, "raw_coal", SER_FOSSIL, "10^4 t", SER_BASIS_COEFFICIENT);
    assert_non_null(w);
    assert_false(w->derived);
    assert_close(w->co2_t, 2870000, REL);
    th_need_message(x.f.dl, x.f.dir,
                    "DIR/series.yaml:12:9: warning: 'raw_coal' of 2020: 3.15 t CO2 per tce (2870000 t CO2 of the "
                    "inventory's records of this fuel over 910000 tce written here), outside 2.80-2.91 t CO2/tce, "
                    "the range of the coal fuels of the factor sets (raw_coal 2.86 to raw_coal 2.86");
    se_done(&x);
}

/* derive_energy: false takes nothing from the inventory, but its CO2 still checks the written items. */
static void test_no_derive(void **state)
{
    (void)state;
    se_fx x = se_load("derive_energy: false\n" SERIES_HEAD
                      "    energy:\n      - {fuel: other_bituminous_coal, amount: 140, unit: 10^4 t}\n",
                      "");
    const ser_year *y = &x.s->years[0];
    assert_int_equal(y->nenergy, 1);
    /* other_bituminous_coal becomes raw_coal at its coefficient: 1.4e6 t x 0.7 = 980,000 tce; CO2 2,870,000:
     * 2.929 t CO2/tce, above 2.914 */
    assert_string_equal(y->energy[0].fuel, "raw_coal");
    assert_close(int_item_tce(&y->energy[0], SER_CALORIFIC, 300), 980000, REL);
    th_need_message(x.f.dl, x.f.dir, "DIR/series.yaml:13:9: warning: 'raw_coal' of 2020: 2.93 t CO2 per tce");
    se_done(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_derived_items),   cmocka_unit_test(test_bounds),       cmocka_unit_test(test_fits),
        cmocka_unit_test(test_consistent_year), cmocka_unit_test(test_inconsistent), cmocka_unit_test(test_no_derive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
