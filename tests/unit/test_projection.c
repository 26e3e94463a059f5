/* test_projection.c - unit tests for the scenario file, the projection model, its measures, intensity hookup and Monte
 * Carlo (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "inventory.h"
#include "projection.h"
#include "test_helpers.h"

#define REL 1e-12

/* Round test factors. Base inventory, by hand:
 *   1.A.1.a coal 10 Gg x 20 TJ/Gg = 200 TJ; CO2 200 x 90000 kg/TJ = 18000 t; CH4 0.2 t; N2O 0.3 t
 *   1.A.1.a gas   2 Gg x 50 TJ/Gg = 100 TJ; CO2 100 x 56000 = 5600 t; CH4 0.1 t; N2O 0.01 t
 *   1.A.4.b coal  1 Gg = 20 TJ; CO2 1800 t; CH4 0.02 t; N2O 0.03 t
 *   1.A.4.b wood  1 Gg x 15 = 15 TJ; CO2 1500 t (biogenic memo); CH4 15 x 300 kg = 4.5 t; N2O 0.06 t
 *   2.A.1 clinker 10000 t x 0.5 t CO2/t = 5000 t
 *   3.B.1.a growth 1000 t DM x 0.5 t C/t x 44/12, a removal: -1833.33 t CO2
 *   purchased electricity 10 GWh x 0.6 kg/kWh = 6000 t (indirect)
 * CO2 of 1.A = 18000 + 5600 + 1800 = 25400 t; fossil CO2 without the sink = 25400 + 5000 = 30400 t. */
static const char set_t[] =
    "factor_set: t\ntitle: test\nsource: hand-written test values\nfactors:\n"
    "  - fuel: coal\n    name_zh: 煤\n    ncv: {value: 20, unit: TJ/Gg, ref: a}\n"
    "    co2: {value: 90000, unit: kg/TJ, ref: b}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: c}\n    n2o: {value: 1.5, unit: kg/TJ, ref: d}\n"
    "  - fuel: gas\n    ncv: {value: 50, unit: TJ/Gg, ref: e}\n    co2: {value: 56000, unit: kg/TJ, ref: f}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: g}\n    n2o: {value: 0.1, unit: kg/TJ, ref: h}\n"
    "  - fuel: wood\n    biogenic: true\n    ncv: {value: 15, unit: TJ/Gg, ref: i}\n"
    "    co2: {value: 100000, unit: kg/TJ, ref: j}\n    ch4: {value: 300, unit: kg/TJ, ref: k}\n"
    "    n2o: {value: 4, unit: kg/TJ, ref: l}\n"
    "  - activity: clinker\n    category: \"2.A.1\"\n    co2: {value: 0.5, unit: t CO2/t, ref: m}\n"
    "  - activity: growth\n    category: \"3.B.1.a\"\n    removal: true\n    co2: {value: 0.5, unit: t C/t, ref: n}\n"
    "  - activity: electricity\n    grid: northeast\n    year: 2020\n    co2: {value: 0.6, unit: kg CO2/kWh, ref: o}\n";

static const char gwp_file[] = "gwp_sets:\n  - id: ar5\n    title: AR5\n    default: true\n    values:\n"
                               "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 28, ref: g2}\n"
                               "      - {gas: N2O, value: 265, ref: g3}\n";

/* The base inventory, with its 1.A.1.a coal written as COAL: by key (base_inv) or by set t's Chinese name
 * (zh_inv). */
#define BASE_INV(COAL)                                                                                         \
    "inventory: base\nyear: 2020\ngwp: ar5\nfactor_sets: [t]\n"                                                    \
    "economy:\n  gdp: {value: 1000, unit: 10^4 yuan, price_base: 2020}\n  population: {value: 100, unit: person}\n" \
    "activities:\n"                                                                                              \
    "  - {category: \"1.A.1.a\", fuel: " COAL ", amount: 10, unit: Gg}\n"                                         \
    "  - {category: \"1.A.1.a\", fuel: gas, amount: 2, unit: Gg}\n"                                               \
    "  - {category: \"1.A.4.b\", fuel: coal, amount: 1, unit: Gg}\n"                                              \
    "  - {category: \"1.A.4.b\", fuel: wood, amount: 1, unit: Gg}\n"                                              \
    "  - {category: \"2.A.1\", activity: clinker, amount: 10000, unit: t}\n"                                      \
    "  - {category: \"3.B.1.a\", activity: growth, amount: 1000, unit: t}\n"                                      \
    "indirect:\n  - {kind: electricity, amount: 10, unit: GWh, grid: northeast}\n"
static const char base_inv[] = BASE_INV("coal");
static const char zh_inv[] = BASE_INV("煤");

/* A project: 1 Gg gas in 1.A.2.c = 50 TJ, CO2 2800 t. */
static const char proj_inv[] = "inventory: p\nyear: 2020\ngwp: ar5\nfactor_sets: [t]\nactivities:\n"
                               "  - {category: \"1.A.2.c\", fuel: gas, amount: 1, unit: Gg}\n";

/* A series for the intensity hookup: history 2019 (coal 11 Gg in 1.A.1.a: 19800 t CO2) and the base year
 * 2020, whose energy list is the base inventory's coal (10 + 1 Gg) and gas (2 Gg as 2.5 10^6 m3, a stand-in
 * volume), plus 10 GWh of primary electricity. Calorific standard coal: coal 11 Gg x 0.7143 kgce/kg = 7857.3
 * tce; gas 2.5e6 m3 x 1.33 = 3325 tce; electricity 1e7 kWh x 0.1229 = 1229 tce. Coal is matched to the
 * inventory's `coal` lines through its ipcc_fuel. */
static const char sce_set[] =
    "factor_set: sce\ntitle: t\nsource: hand-written test values\nfactors:\n"
    "  - fuel: raw_coal\n    ipcc_fuel: coal\n    sce: {value: 0.7143, unit: kgce/kg, ref: r1}\n"
    "  - fuel: natural_gas\n    ipcc_fuel: gas\n    sce: {value: 1.33, unit: kgce/m3, ref: r2}\n"
    "  - activity: electricity\n    sce: {value: 0.1229, unit: kgce/kWh, ref: r3}\n";
static const char hist_inv[] = "inventory: h\nyear: 2019\ngwp: ar5\nfactor_sets: [t]\nactivities:\n"
                               "  - {category: \"1.A.1.a\", fuel: coal, amount: 11, unit: Gg}\n";
#define SER_YEAR(y, inv, gdp)                                                                                          \
    "  - year: " y "\n    inventory: " inv "\n    gdp: {value: " gdp ", unit: 10^4 yuan, prices: constant}\n"          \
    "    population: {value: 100, unit: person}\n    energy:\n      - {fuel: raw_coal, amount: 11, unit: Gg}\n"
static const char series_file[] =
    "series: s\nbase_year: 2020\nprice_base: 2020\nfactor_sets: [sce]\ntargets: tg.yaml\n"
    "electricity: {method: calorific, coal_rate: {value: 300, unit: gce/kWh}}\nyears:\n" SER_YEAR("2019", "h2019.yaml",
                                                                                                  "900")
        SER_YEAR("2020", "base.yaml", "1000") "      - {fuel: natural_gas, amount: 2.5, unit: 10^6 m3}\n"
                                              "      - {fuel: electricity, kind: primary_electricity, amount: 10, "
                                              "unit: GWh}\n";
static const char targets_file[] = "targets: tg\nitems:\n  - {id: co2, indicator: co2_per_gdp, kind: reduction, "
                                   "base_year: 2020, target_year: 2025, value: 10, source: s}\n";

/* Everything one test run loads and computes. */
typedef struct {
    char *dir, *path;
    diag_list *dl;
    fset_db *db;
    inventory *inv[4];
    eng_result *res[4];
    ser_series *s;
    prj_hist hist[1];
    size_t nh;
    prj_file *f;
    prj_model *m;
    prj_result *r;
} fx_t;

/* Loads and computes inventory `name` of the fixture folder into slot k. */
static eng_result *fx_inventory(fx_t *x, size_t k, const char *path)
{
    const char *dirs[] = {x->dir};
    x->inv[k] = inv_load(path, x->dl, NULL);
    if (!x->inv[k] || diag_error_count(x->dl))
        return NULL;
    return x->res[k] = eng_run(x->inv[k], x->db, dirs, 1, x->dl, NULL);
}

/* Loads and resolves the series and computes its history year (2019). */
static bool fx_series(fx_t *x)
{
    const char *dirs[] = {x->dir};
    x->s = ser_load(x->f->series, x->dl);
    if (!x->s || diag_error_count(x->dl) || !ser_resolve(x->s, x->db, dirs, 1, x->dl))
        return false;
    eng_result *h = fx_inventory(x, 3, x->s->years[0].inventory);
    return h && prj_hist_from(h, x->f, &x->hist[x->nh++]);
}

/* Writes the fixtures and scenario text `sc` (after a common head naming
 * base.yaml), loads, binds and computes it. */
static fx_t fx_run(const char *sc)
{
    fx_t x = {0};
    x.dir = th_tmpdir();
    assert_non_null(x.dir);
    free(th_write(x.dir, "t.yaml", set_t));
    free(th_write(x.dir, "gwp.yaml", gwp_file));
    free(th_write(x.dir, "base.yaml", base_inv));
    free(th_write(x.dir, "zh.yaml", zh_inv));
    free(th_write(x.dir, "proj.yaml", proj_inv));
    free(th_write(x.dir, "sce.yaml", sce_set));
    free(th_write(x.dir, "h2019.yaml", hist_inv));
    free(th_write(x.dir, "series.yaml", series_file));
    free(th_write(x.dir, "tg.yaml", targets_file));
    x.path = th_write(x.dir, "sc.yaml", sc);
    x.dl = diag_new();
    x.db = fdb_new();
    x.f = prj_load(x.path, x.dl);
    if (!x.f || diag_error_count(x.dl))
        return x;
    eng_result *base = fx_inventory(&x, 0, x.f->inventory), *proj[2] = {NULL, NULL};
    for (size_t i = 0; i < x.f->nprojects && i < 2; i++)
        proj[i] = fx_inventory(&x, 1 + i, x.f->projects[i]->inventory);
    if (!base || diag_error_count(x.dl) || (x.f->series && !fx_series(&x)))
        return x;
    prj_inputs in = {base, x.s, x.hist, x.nh, NULL, (const eng_result *const *)proj};
    x.m = prj_bind(x.f, &in, x.dl);
    x.r = x.m ? prj_compute(x.m, x.dl) : NULL;
    return x;
}

/* Fails with the messages unless the run computed. */
static void fx_need_ok(const fx_t *x)
{
    if (x->r)
        return;
    char *msg = th_messages(x->dl);
    fail_msg("projection failed: %s", msg);
    free(msg);
}

/* Checks that the messages contain `want` ("DIR" stands for the folder). */
static void fx_need_message(const fx_t *x, const char *want)
{
    char *msg = th_messages(x->dl), full[1024];
    size_t used = 0;
    for (const char *p = want; *p && used + strlen(x->dir) + 2 < sizeof full;) {
        if (strncmp(p, "DIR", 3) == 0) {
            used += (size_t)snprintf(full + used, sizeof full - used, "%s", x->dir);
            p += 3;
        } else
            full[used++] = *p++;
    }
    full[used] = '\0';
    if (!strstr(msg, full))
        fail_msg("expected message\n  %s\nin\n%s", full, msg);
    free(msg);
}

static void fx_done(fx_t *x)
{
    prj_result_free(x->r);
    prj_model_free(x->m);
    for (int k = 0; k < 4; k++) {
        eng_free(x->res[k]);
        inv_free(x->inv[k]);
    }
    for (size_t i = 0; i < x->nh; i++)
        prj_hist_clear(&x->hist[i]);
    ser_free(x->s);
    prj_file_free(x->f);
    fdb_free(x->db);
    diag_free(x->dl);
    assert_int_equal(th_rmdir(x->dir), 0);
    free(x->path);
    free(x->dir);
}

/* The metric k of scenario s in year y after all measures. */
static double fx_metric(const fx_t *x, size_t s, prj_metric k, long y)
{
    return prj_metric_path(&x->r->scen[s].run, k)[y - x->m->base_year];
}

/* Tonnes of gas g of line li in year y of scenario s. */
static double fx_t_line(const fx_t *x, size_t s, size_t li, long y, gas_id g)
{
    const prj_run *r = &x->r->scen[s].run;
    return r->t[prj_cell(r, li, g, (size_t)(y - x->m->base_year))];
}

#define HEAD "projection: t\nbase: {inventory: base.yaml}\nhorizon: 2030\nscenarios:\n"
#define SRC ", source: s"

/* ---------------------------------------------------------------- closed forms */

/* No drivers, entries or measures: every line of every year is the base inventory's, exactly, and the
 * totals are the engine's: CO2 of 1.A 25400 t, all CO2e with the sink as eng_total_under("") gives. */
static void test_no_change_reproduces_base(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - {id: frozen}\n");
    fx_need_ok(&x);
    for (size_t li = 0; li < x.m->nlines; li++)
        for (long y = 2020; y <= 2030; y++)
            for (int g = 0; g < GAS_COUNT; g++)
                if (fx_t_line(&x, 0, li, y, (gas_id)g) != x.m->lines[li].e0[g])
                    fail_msg("line %zu gas %d year %ld differs from the base", li, g, y);
    eng_cat_total all = eng_total_under(x.res[0], ""), energy = eng_total_under(x.res[0], "1.A");
    for (long y = 2020; y <= 2030; y++) {
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, y), energy.t[GAS_CO2], REL);
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, y), 25400, REL); /* 18000 + 5600 + 1800 */
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2, y), 30400, REL);        /* + 5000 clinker, sink out */
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2E_NET, y), all.t_co2e, REL);
    }
    assert_close(x.r->scen[0].indirect_t[0], 6000, REL); /* 10 GWh x 0.6 kg/kWh, consumption view */
    /* Flat: every year ties; the first (the base year) is the peak, and the plateau runs to the horizon. */
    assert_int_equal(x.r->scen[0].peak.year, 2020);
    assert_true(x.r->scen[0].peak.in_horizon);
    assert_int_equal(x.r->scen[0].peak.plateau_last, 10);
    fx_done(&x);
}

/* GDP growing 5 % a year drives 1.A with elasticity 1: CO2 of 1.A = 25400 x 1.05^t, a geometric path.
 * 2030: 25400 x 1.05^10 = 41373.92352014703. */
static void test_constant_growth_geometric(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - id: g\n    drivers: {gdp: {rate: 5%" SRC "}}\n"
                         "    activity: [{category: \"1.A\", driver: gdp" SRC "}]\n");
    fx_need_ok(&x);
    for (long y = 2020; y <= 2030; y++)
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, y), 25400 * pow(1.05, (double)(y - 2020)), 1e-13);
    assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, 2030), 41373.92352014703, REL);
    /* The GDP driver starts at the inventory's 1000 (10^4 yuan): 1000 x 1.05^10 in 2030. */
    assert_close(x.r->scen[0].run.driver[10], 1000 * pow(1.05, 10), 1e-13);
    /* Monotone rise: the maximum is the horizon, so no peak by 2030. */
    assert_int_equal(x.r->scen[0].peak.year, 2030);
    assert_false(x.r->scen[0].peak.by_ok);
    fx_done(&x);
}

/* One row: interpolation, the driver's 2030 value (base 100), the clinker CO2 expected in 2025. */
typedef struct {
    const char *interp;
    double want_2025;
} interp_case;

/* A driver of one's own, base 100 and 400 in 2030, drives clinker (5000 t in 2020) with elasticity 1:
 * geometric 2025 = 100 x (400/100)^(5/10) = 200 -> 5000 x 2 = 10000 t;
 * linear 2025 = 100 + 300 x 5/10 = 250 -> 5000 x 2.5 = 12500 t; both 20000 t in 2030. */
static void test_values_interpolation(void **state)
{
    (void)state;
    static const interp_case cases[] = {{"geometric", 10000}, {"linear", 12500}};
    for (size_t c = 0; c < 2; c++) {
        char sc[512];
        snprintf(sc, sizeof sc,
                 HEAD "  - id: v\n    drivers: {own: {base: 100, values: {2030: 400}, interpolate: %s" SRC "}}\n"
                      "    activity: [{category: \"2.A.1\", driver: own" SRC "}]\n",
                 cases[c].interp);
        fx_t x = fx_run(sc);
        fx_need_ok(&x);
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2, 2025) - 25400, cases[c].want_2025, REL);
        assert_close(fx_metric(&x, 0, PRJ_MET_CO2, 2030) - 25400, 20000, REL);
        fx_done(&x);
    }
}

/* The mix: coal's share of the 1.A.1.a group is 200 / 300 = 2/3 in 2020 and 50 % in 2030. 2030: coal
 * 18000 x (0.5 / (2/3)) = 13500 t, gas 5600 x (0.5 / (1/3)) = 8400 t; 2025 (linear): share 7/12, coal
 * 18000 x (7/12) / (2/3) = 15750 t. The group's energy stays 300 TJ. */
static void test_mix_share(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - id: mix\n    mix: [{category: \"1.A.1.a\", fuel: coal, share: {2030: 50%}" SRC "}]\n");
    fx_need_ok(&x);
    assert_close(fx_t_line(&x, 0, 0, 2030, GAS_CO2), 13500, REL);
    assert_close(fx_t_line(&x, 0, 1, 2030, GAS_CO2), 8400, REL);
    assert_close(fx_t_line(&x, 0, 0, 2025, GAS_CO2), 15750, REL);
    const prj_run *r = &x.r->scen[0].run;
    assert_close(r->energy[0 * r->nyears + 10] + r->energy[1 * r->nyears + 10], 300, REL);
    fx_done(&x);
}

/* The same mix when the base inventory writes the coal by its Chinese name, and the scenario names it by
 * its key or by that name: the line is coal's (its key), and a selector of either spelling takes it. */
static void test_mix_share_chinese_name(void **state)
{
    (void)state;
    static const char *const sel[] = {"coal", "煤"};
    for (size_t k = 0; k < 2; k++) {
        char sc[512];
        snprintf(sc, sizeof sc,
                 "projection: t\nbase: {inventory: zh.yaml}\nhorizon: 2030\nscenarios:\n"
                 "  - id: mix\n    mix: [{category: \"1.A.1.a\", fuel: %s, share: {2030: 50%%}" SRC "}]\n",
                 sel[k]);
        fx_t x = fx_run(sc);
        fx_need_ok(&x);
        assert_string_equal(x.m->lines[0].key, "coal");
        assert_string_equal(x.m->lines[0].written, "煤");
        /* as test_mix_share: 10 Gg x 20 TJ/Gg x 90 t/TJ = 18000 t at 2/3 of the sector's energy, 50 % by 2030 */
        assert_close(fx_t_line(&x, 0, 0, 2030, GAS_CO2), 13500, REL);
        assert_close(fx_t_line(&x, 0, 1, 2030, GAS_CO2), 8400, REL);
        assert_close(fx_t_line(&x, 0, 0, 2025, GAS_CO2), 15750, REL);
        fx_done(&x);
    }
}

/* ---------------------------------------------------------------- measures */

#define MEASURES                                                                                                       \
    "    measures:\n"                                                                                                  \
    "      - {id: hp, type: switch, category: \"1.A.4.b\", fuel: coal, share: 50%, start: 2021, full: 2022,"           \
    " to: {fuel: electricity, ratio: 0.5}" SRC "}\n"                                                                   \
    "      - {id: ccs, type: capture, category: \"1.A.1.a\", amount: {value: 2000, unit: t}, availability: 50%,"       \
    " start: 2021" SRC "}\n"                                                                                           \
    "      - {id: kiln, type: retire, category: \"2.A.1\", amount: {value: 2000, unit: t}, start: 2022" SRC "}\n"      \
    "      - {id: plant, type: project, inventory: proj.yaml, start: 2023, full: 2024" SRC "}\n"

/* By hand. 2021: the heat pumps remove 50 % x 1/2 (ramp 2021..2022) = 25 % of the 1.A.4.b coal: 1800 x 0.75
 * = 1350 t; 20 TJ x 0.25 = 5 TJ removed, 5 x 0.5 = 2.5 TJ of electricity = 694444 kWh x 0.6 kg = 416.67 t
 * more indirect CO2. CCS captures min(2000 x 0.5, 23600) = 1000 t of 1.A.1.a: coal 18000 x (1 - 1000/23600)
 * = 17237.29 t. CO2 of 1.A 2021 = 25400 - 450 - 1000 = 23950. 2022: the kiln loses 2000 of 10000 t: 4000 t
 * CO2. 2023: the plant at ramp 1/2: 2800 x 0.5 = 1400 t; 2024 on: 2800 t; 1.A then 25400 - 900 - 1000 +
 * 2800 = 26300. Wedges 2024 (CO2 of 1.A): 900 + 1000 + 0 - 2800 = -900 = 25400 - 26300. */
static void test_measures_by_hand(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - id: m\n" MEASURES "peak: {metric: co2_energy}\n");
    fx_need_ok(&x);
    assert_close(fx_t_line(&x, 0, 2, 2021, GAS_CO2), 1350, REL);
    assert_close(fx_t_line(&x, 0, 0, 2021, GAS_CO2), 17237.28813559322, REL);
    assert_close(fx_t_line(&x, 0, 1, 2021, GAS_CO2), 5362.71186440678, REL);
    assert_close(x.r->scen[0].indirect_t[1], 6000 + 416.6666666666667, REL);
    assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, 2021), 23950, REL);
    assert_close(fx_metric(&x, 0, PRJ_MET_CO2, 2022) - fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, 2022), 4000, REL);
    assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, 2023), 25400 - 900 - 1000 + 1400, REL);
    assert_close(fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, 2024), 26300, REL);
    const prj_run *r = &x.r->scen[0].run;
    size_t ny = r->nyears, t = 4; /* 2024 */
    double w[4], sum = 0;
    for (size_t j = 0; j < 4; j++)
        sum += w[j] = r->metric[(j * PRJ_NMETRICS + PRJ_MET_CO2_ENERGY) * ny + t] -
                      r->metric[((j + 1) * PRJ_NMETRICS + PRJ_MET_CO2_ENERGY) * ny + t];
    assert_close(w[0], 900, REL);
    assert_close(w[1], 1000, REL);
    assert_true(w[2] == 0);
    assert_close(w[3], -2800, REL);
    assert_close(sum, 25400 - 26300, REL);
    /* Peak of CO2 of 1.A: 26300 first reached in 2024 (the plant at full output), within the horizon. */
    assert_int_equal(x.r->scen[0].peak.year, 2024);
    /* The plant left out: 23950 in 2021, then 25400 - 900 - 1000 = 23500 each year to 2030:
     * cumulative 23950 + 9 x 23500 = 235450; its peak is the base year 2020 (25400). */
    assert_close(x.r->scen[0].effect[3].cumulative, 235450, REL);
    assert_int_equal(x.r->scen[0].effect[3].peak.year, 2020);
    fx_done(&x);
}

/* LMDI between the base year and 2030 of a growing scenario with a fuel switch: in each sector the
 * five effects add up to the change of 1.A CO2, and with the part outside 1.A to the metric's change. */
static void test_lmdi_in_projection(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - id: g\n    drivers: {gdp: {rate: 5%" SRC "}, population: {rate: -1%" SRC "}}\n"
                         "    activity: [{category: \"1.A\", driver: gdp, elasticity: 0.8" SRC "}]\n"
                         "    mix: [{category: \"1.A.1.a\", fuel: coal, share: {2030: 40%}" SRC "}]\n" MEASURES);
    fx_need_ok(&x);
    prj_lmdi l;
    assert_true(prj_lmdi_between(x.m, &x.r->scen[0], 2020, 2030, &l));
    double total = 0;
    for (size_t i = 0; i < x.f->nsectors; i++) {
        double s = 0;
        for (int k = 0; k < LMDI_NFACTORS; k++)
            s += l.effects[i * LMDI_NFACTORS + k];
        assert_close(s, l.change[i], 1e-9);
        total += s;
    }
    double want = fx_metric(&x, 0, PRJ_MET_CO2, 2030) - fx_metric(&x, 0, PRJ_MET_CO2, 2020);
    assert_close(total + l.rest, want, 1e-9);
    prj_lmdi_clear(&l);
    fx_done(&x);
}

/* The intensity indicators continue the series: GDP 5 %/yr from 1000 drives 1.A.1 (elasticity 1), so in 2025
 * (g = 1.05^5 = 1.2762815625) CO2 of 1.A = 23600 g + 1800 and GDP = 1000 g: CO2 per GDP = 23.6 + 1.8 / g =
 * 25.01035...; the target (CO2 per GDP -10 % from 25400 / 1000 = 25.4, level 22.86) is missed. Coal follows its
 * lines: 7857.3 tce x (200 g + 20) / 220; primary electricity follows its path, 20 GWh = 2458 tce. */
static void test_intensity_continues_series(void **state)
{
    (void)state;
    fx_t x =
        fx_run("projection: t\nbase: {inventory: base.yaml, series: series.yaml}\nhorizon: 2030\nscenarios:\n"
               "  - id: g\n    drivers: {gdp: {rate: 5%" SRC "}}\n"
               "    activity: [{category: \"1.A.1\", driver: gdp" SRC "}]\n"
               "    energy: [{fuel: electricity, kind: primary_electricity, values: {2025: 20}, unit: GWh" SRC "}]\n");
    fx_need_ok(&x);
    const int_result *ir = x.r->scen[0].ind;
    double g = pow(1.05, 5);
    assert_non_null(ir);
    assert_int_equal(ir->nyears, 12); /* 2019, then 2020 .. 2030 */
    assert_close(ir->years[0].co2_t, 19800, REL);
    const int_year *y = &ir->years[6]; /* 2025 */
    assert_int_equal(y->year, 2025);
    assert_close(y->co2_per_gdp, (23600 * g + 1800) / (1000 * g), 1e-12);
    assert_close(y->mix_tce[SER_CALORIFIC][INT_MIX_COAL], 7857.3 * (200 * g + 20) / 220, 1e-12);
    assert_close(y->mix_tce[SER_CALORIFIC][INT_MIX_PRIMARY_ELEC], 2458, 1e-12);
    assert_int_equal(ir->ntargets, 1);
    assert_int_equal(ir->targets[0].status, INT_MISSED);
    assert_close(ir->targets[0].level, 22.86, 1e-12);
    fx_done(&x);
}

/* ---------------------------------------------------------------- inheritance */

/* c inherits p and names gdp, activity b and measure m2; d inherits c and drops m1 and a. Each takes
 * the rest as it is (the same items), and neither changes its parent's lists. */
static void test_inheritance(void **state)
{
    (void)state;
    fx_t x =
        fx_run(HEAD "  - id: p\n    drivers: {gdp: {rate: 5%" SRC "}, population: {rate: -1%" SRC "}}\n"
                    "    activity:\n      - {id: a, category: \"1.A.1\", driver: gdp" SRC "}\n"
                    "      - {id: b, category: \"2.A.1\", rate: 1%" SRC "}\n"
                    "    measures: [{id: m1, type: retire, category: \"2.A.1\", share: 10%, start: 2025" SRC "}]\n"
                    "  - id: c\n    inherits: p\n    drivers: {gdp: {rate: 3%" SRC "}}\n"
                    "    activity: [{id: b, category: \"2.A.1\", rate: 2%" SRC "}]\n"
                    "    measures: [{id: m2, type: retire, category: \"1.A.4.b\", share: 10%, start: 2025" SRC "}]\n"
                    "  - id: d\n    inherits: c\n    drop: [m1, a]\n");
    fx_need_ok(&x);
    const prj_scenario *p = &x.f->scen[0], *c = &x.f->scen[1], *d = &x.f->scen[2];
    assert_int_equal(c->parent, 0);
    assert_int_equal(c->ndrivers, 2);
    assert_true(c->drivers[0] != p->drivers[0] && strcmp(c->drivers[0]->name, "gdp") == 0); /* replaced */
    assert_true(c->drivers[1] == p->drivers[1]);                                            /* population kept */
    assert_int_equal(c->nentry[PRJ_E_ACTIVITY], 2);
    assert_true(c->entry[PRJ_E_ACTIVITY][0] == p->entry[PRJ_E_ACTIVITY][0]); /* a kept, in its place */
    assert_true(c->entry[PRJ_E_ACTIVITY][1] != p->entry[PRJ_E_ACTIVITY][1]); /* b replaced, in its place */
    assert_string_equal(c->entry[PRJ_E_ACTIVITY][1]->id, "b");
    assert_int_equal(c->nmeasures, 2);
    assert_true(c->measures[0] == p->measures[0]); /* m1 inherited first, m2 appended */
    assert_string_equal(c->measures[1]->id, "m2");
    assert_int_equal(d->nentry[PRJ_E_ACTIVITY], 1);
    assert_true(d->entry[PRJ_E_ACTIVITY][0] == c->entry[PRJ_E_ACTIVITY][1]);
    assert_int_equal(d->nmeasures, 1);
    assert_string_equal(d->measures[0]->id, "m2");
    assert_int_equal(p->nentry[PRJ_E_ACTIVITY], 2); /* the parents' lists are untouched */
    assert_int_equal(c->nmeasures, 2);
    /* The inherited 1.A.1 entry follows each scenario's own GDP: 23600 x 1.05^10 in p, x 1.03^10 in c. */
    double pe = fx_t_line(&x, 0, 0, 2030, GAS_CO2) + fx_t_line(&x, 0, 1, 2030, GAS_CO2);
    double ce = fx_t_line(&x, 1, 0, 2030, GAS_CO2) + fx_t_line(&x, 1, 1, 2030, GAS_CO2);
    assert_close(pe, 23600 * pow(1.05, 10), 1e-12);
    assert_close(ce, 23600 * pow(1.03, 10), 1e-12);
    fx_done(&x);
}

/* ---------------------------------------------------------------- errors */

/* One bad file (after HEAD, whose 4 lines put the first scenario on line 5) and a message it must give. */
typedef struct {
    const char *name, *text, *want;
} bad_case;

static const bad_case bad_cases[] = {
    {"unknown key", "horizn: 2030\n",
     "DIR/sc.yaml:6:1: error: unknown key 'horizn' in a scenario file (did you mean 'horizon'?)"},
    {"share over 100 %",
     "  - {id: a, measures: [{id: m, type: retire, category: \"2.A.1\", share: 130%, start: 2025" SRC "}]}\n",
     "DIR/sc.yaml:5:72: error: a share must be from 0 to 100 %, got 130%"},
    {"share drawn over 100 %",
     "  - {id: a, measures: [{id: m, type: retire, category: \"2.A.1\", share: {value: 90%,"
     " uncertainty: 20%}, start: 2025" SRC "}]}\n",
     "DIR/sc.yaml:5:72: error: a share must stay from 0 to 100 % in every draw"},
    {"no source", "  - {id: a, activity: [{category: \"1.A\", rate: 1%}]}\n",
     "DIR/sc.yaml:5:24: error: missing 'source' in an activity entry (where the assumption comes from; write "
     "\"illustrative\" for a stand-in)"},
    {"inherits later", "  - {id: a, inherits: b}\n  - {id: b}\n",
     "DIR/sc.yaml:5:23: error: scenario 'a' inherits 'b', which is not a scenario before it: define 'b' earlier "
     "in the list"},
    {"id twice",
     "  - {id: a, measures: [{id: m, type: retire, category: \"2.A\", share: 1%, start: 2025" SRC "},"
     " {id: m, type: retire, category: \"2.A\", share: 1%, start: 2025" SRC "}]}\n",
     "error: id 'm' is used twice in measures of scenario 'a': give each its own 'id:'"},
    {"no driver", "  - {id: a, activity: [{category: \"1.A\", driver: steel" SRC "}]}\n",
     "DIR/sc.yaml:5:24: error: driver 'steel' of activity entry '1.A' is not defined in scenario 'a': add it under "
     "'drivers:'"},
    {"geometric normal",
     "  - {id: a, drivers: {gdp: {values: {2030: {value: 2000, uncertainty: 10%}}, unit: 10^4 yuan,"
     " interpolate: geometric" SRC "}}}\n",
     "error: a geometric path needs values above 0 in every draw"},
    {"value outside range", "  - {id: a, drivers: {gdp: {rate: {value: 5%, range: [6%, 7%]}" SRC "}}}\n",
     "DIR/sc.yaml:5:54: error: the bounds 0.06 and 0.07 must be in ascending order with the value 0.05 between them"},
    {"years descending", "  - {id: a, activity: [{category: \"1.A\", values: {2030: 2, 2025: 1}" SRC "}]}\n",
     "DIR/sc.yaml:5:60: error: year 2025 comes after 2030: list the years once each, in ascending order"},
    {"type typo", "  - {id: a, measures: [{id: m, type: swich, category: \"2.A\", share: 1%" SRC "}]}\n",
     "DIR/sc.yaml:5:38: error: unknown type 'swich': use one of switch, retire, capture, project (did you mean "
     "'switch'?)"},
    {"selects nothing", "  - {id: a, activity: [{category: \"1.A.9\", rate: 1%" SRC "}]}\n",
     "DIR/sc.yaml:5:24: error: activity entry '1.A.9' selects no line of the base inventory: check its category"},
    {"first rate year", "  - {id: a, drivers: {gdp: {rate: {2022: 5%}" SRC "}}}\n",
     "DIR/sc.yaml:5:42: error: the first rate of gdp applies from 2022, the year after the base year 2020: write it "
     "as {2021: ...}"},
    {"starts in base year",
     "  - {id: a, measures: [{id: m, type: retire, category: \"2.A\", share: 1%, start: 2020" SRC "}]}\n",
     "error: measure 'm' starts in 2020, not after the base year 2020"},
    {"no gas to switch to",
     "  - {id: a, measures: [{id: m, type: switch, category: \"1.A.4.b\", fuel: coal, share: 1%,"
     " start: 2025, to: {fuel: gas, ratio: 1}" SRC "}]}\n",
     "error: measure 'm' switches to 'gas', but no record under 1.A.4.b burns it in the base year"},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof bad_cases / sizeof *bad_cases; c++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s",
                 c == 0 ? "projection: t\nbase: {inventory: base.yaml}\nhorizon: 2030\n"
                          "scenarios:\n  - {id: a}\n"
                        : HEAD,
                 bad_cases[c].text);
        fx_t x = fx_run(text);
        if (x.r)
            fail_msg("%s: no error", bad_cases[c].name);
        fx_need_message(&x, bad_cases[c].want);
        fx_done(&x);
    }
}

/* Every problem of the file at once: three errors in three places, no result. */
static void test_errors_all_at_once(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - {id: a, drivers: {gdp: {rate: 5%}}}\n"
                         "  - {id: b, activity: [{category: \"1.A\", rate: x" SRC "}]}\n"
                         "  - {id: c, inherits: z}\n");
    assert_null(x.r);
    assert_int_equal(diag_error_count(x.dl), 3);
    fx_done(&x);
}

/* ---------------------------------------------------------------- Monte Carlo */

#define UNCERTAIN                                                                                                      \
    "  - id: u\n    drivers: {gdp: {rate: {value: 5%, range: [3%, 7%]}" SRC "}}\n"                                     \
    "    activity: [{category: \"1.A\", driver: gdp, elasticity: {value: 0.8, dist: normal, sd: 0.1}" SRC "}]\n"       \
    "    measures: [{id: ccs, type: capture, category: \"1.A.1.a\", amount: {value: 5000, unit: t}, start: 2025,"      \
    " availability: {value: 90%, dist: triangular, low: 70%, high: 95%}" SRC "}]\n"

/* The same seed gives bit-identical results on 1 and 2 threads; another seed other numbers. */
static void test_mc_reproducible(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD UNCERTAIN);
    fx_need_ok(&x);
    prj_mc *a = prj_mc_run(x.m, 301, 42, 1, NULL), *b = prj_mc_run(x.m, 301, 42, 2, NULL), *c = prj_mc_run(x.m, 301, 43, 2, NULL);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    size_t ny = x.m->nyears, N = 301;
    assert_int_equal(a->nuncertain, 3);
    assert_memory_equal(a->peak_value, b->peak_value, N * sizeof *a->peak_value);
    assert_memory_equal(a->peak_year, b->peak_year, N * sizeof *a->peak_year);
    assert_memory_equal(a->path_pct, b->path_pct, PRJ_MC_NPCT * ny * sizeof *a->path_pct);
    assert_memory_equal(a->path_mean, b->path_mean, ny * sizeof *a->path_mean);
    assert_memory_equal(a->p_peak_by, b->p_peak_by, sizeof *a->p_peak_by);
    assert_true(memcmp(a->peak_value, c->peak_value, N * sizeof *a->peak_value) != 0);
    /* The peak-value percentiles are PERCENTILE.INC of the raw peak values (sorted here by insertion). */
    double sorted[301];
    for (size_t i = 0; i < N; i++) {
        size_t k = i;
        for (; k > 0 && sorted[k - 1] > a->peak_value[i]; k--)
            sorted[k] = sorted[k - 1];
        sorted[k] = a->peak_value[i];
    }
    assert_true(a->peak_value_pct[0] == prj_percentile(sorted, N, 0.05)); /* h = 300 x 0.05 = 15: sorted[15] */
    assert_true(a->peak_value_pct[0] == sorted[15]);
    assert_true(a->peak_value_pct[1] == prj_percentile(sorted, N, 0.50));
    assert_true(a->peak_value_pct[2] == prj_percentile(sorted, N, 0.95));
    /* 5 % <= 50 % <= 95 % in every year. */
    for (size_t t = 0; t < ny; t++)
        assert_true(a->path_pct[t] <= a->path_pct[ny + t] && a->path_pct[ny + t] <= a->path_pct[2 * ny + t]);
    prj_mc_free(a);
    prj_mc_free(b);
    prj_mc_free(c);
    fx_done(&x);
}

/* A Monte Carlo iteration recomputes only what depends on a drawn number (prj_live) and still gives the peak
 * metric of a full evaluation bit for bit. Here 1.A follows the drawn GDP rate and elasticity, 1.A.1.a loses a
 * drawn capture; the clinker line (2.A.1) with its retired kiln (a fixed amount) and the forest are not drawn. */
static void test_mc_live_exact(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD UNCERTAIN "  - id: v\n    inherits: u\n    measures: [{id: kiln, type: retire, "
                    "category: \"2.A.1\", amount: {value: 2000, unit: t}, start: 2024" SRC "}]\n");
    fx_need_ok(&x);
    for (size_t s = 0; s < 2; s++) {
        prj_live lv;
        prj_run full, fast;
        double pv[64];
        assert_true(x.f->nparams <= 64);
        assert_true(prj_live_init(x.m, s, &lv));
        assert_true(prj_run_init(x.m, &full) && prj_run_init(x.m, &fast));
        assert_true(lv.nlive > 0 && lv.nlive < x.m->nlines); /* 2.A.1 and 3.B.1.a are taken as they are */
        fast.final_only = true;
        fast.live = &lv;
        for (size_t it = 0; it < 50; it++) {
            for (size_t i = 0; i < x.f->nparams; i++) {
                const prj_param *p = &x.f->params[i];
                pv[i] = p->dist.kind == RNG_FIXED ? p->value : rng_quantile(&p->dist, rng_uniform(9, i, it));
            }
            prj_eval(x.m, s, pv, PRJ_NONE, &full);
            prj_eval(x.m, s, pv, PRJ_NONE, &fast);
            assert_memory_equal(prj_metric_path(&full, x.f->metric), prj_metric_path(&fast, x.f->metric),
                                x.m->nyears * sizeof(double));
        }
        prj_run_clear(&full);
        prj_run_clear(&fast);
        prj_live_clear(&lv);
    }
    fx_done(&x);
}

/* A narrow symmetric input (rate 5 % +/- 0.01 %, uniform): the mean path converges to the deterministic
 * one, 25400 x 1.05^t for 1.A; with 2000 draws the 2030 mean is within 1e-4 of 41373.92. */
static void test_mc_mean_converges(void **state)
{
    (void)state;
    fx_t x = fx_run(HEAD "  - id: n\n    drivers: {gdp: {rate: {value: 5%, range: [4.99%, 5.01%]}" SRC "}}\n"
                         "    activity: [{category: \"1.A\", driver: gdp" SRC "}]\n"
                         "peak: {metric: co2_energy}\n");
    fx_need_ok(&x);
    prj_mc *mc = prj_mc_run(x.m, 2000, 1, 2, NULL);
    assert_non_null(mc);
    assert_close(mc->path_mean[10], 41373.92352014703, 1e-4);
    assert_close(mc->path_mean[10], fx_metric(&x, 0, PRJ_MET_CO2_ENERGY, 2030), 1e-4);
    assert_true(mc->path_pct[10] < 41373.92352014703 && 41373.92352014703 < mc->path_pct[2 * x.m->nyears + 10]);
    assert_true(mc->p_peak_by[0] == 0); /* still rising at the horizon in every draw */
    prj_mc_free(mc);
    fx_done(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_change_reproduces_base),
        cmocka_unit_test(test_constant_growth_geometric),
        cmocka_unit_test(test_values_interpolation),
        cmocka_unit_test(test_mix_share), cmocka_unit_test(test_mix_share_chinese_name),
        cmocka_unit_test(test_measures_by_hand),
        cmocka_unit_test(test_lmdi_in_projection),
        cmocka_unit_test(test_intensity_continues_series),
        cmocka_unit_test(test_inheritance),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_errors_all_at_once),
        cmocka_unit_test(test_mc_reproducible),
        cmocka_unit_test(test_mc_mean_converges),
        cmocka_unit_test(test_mc_live_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
