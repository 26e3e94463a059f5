/* test_intensity.c - unit tests for the series loader and the intensity indicators and target status (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "intensity.h"
#include "series.h"
#include "test_helpers.h"

#define REL 1e-12

/* Round standard-coal coefficients (GB/T 2589 values where the real set has
 * them). "mycoal" is coal only through its ipcc_fuel. */
static const char sce_set[] =
    "factor_set: sce\ntitle: test coefficients\nsource: hand-written test values\nfactors:\n"
    "  - fuel: raw_coal\n    sce: {value: 0.7143, unit: kgce/kg, ref: r1}\n"
    "  - fuel: mycoal\n    ipcc_fuel: other_bituminous_coal\n    sce: {value: 0.5, unit: kgce/kg, ref: r2}\n"
    "  - fuel: natural_gas\n    sce: {value: 1.33, unit: kgce/m3, ref: r3}\n"
    "  - activity: electricity\n    sce: {value: 0.1229, unit: kgce/kWh, ref: r4}\n"
    "  - activity: heat\n    sce: {value: 0.0341, unit: kgce/MJ, ref: r5}\n";

/* A loaded series in a temporary folder, with its diagnostics. */
typedef struct {
    th_folder f; /* series.yaml, the factor set, inventories, targets and the diagnostics */
    fset_db *db;
    ser_series *s;
    bool resolved;
} fx_t;

/* Writes the factor set, empty inventories inv.yaml and inv2.yaml, the
 * targets (when not NULL) and the series; loads and resolves it. */
static fx_t fx_load(const char *series, const char *targets)
{
    const th_file files[] = {{"sce.yaml", sce_set},
                             {"inv.yaml", "inventory: x\n"},
                             {"inv2.yaml", "inventory: y\n"},
                             {targets ? "targets.yaml" : NULL, targets},
                             {NULL, NULL}};
    fx_t t = {0};
    t.f = th_folder_new(files, "series.yaml", series);
    t.db = fdb_new();
    t.s = ser_load(t.f.path, t.f.dl);
    const char *dirs[] = {t.f.dir};
    if (t.s && diag_error_count(t.f.dl) == 0)
        t.resolved = ser_resolve(t.s, t.db, dirs, 1, t.f.dl);
    return t;
}

/* Fails the test with the messages unless the series loaded cleanly. */
static void fx_need_ok(const fx_t *t)
{
    if (t->s && t->resolved && diag_error_count(t->f.dl) == 0)
        return;
    char *m = th_messages(t->f.dl);
    fail_msg("series failed to load: %s", m);
    free(m);
}

/* Frees the series and removes the temporary folder. */
static void fx_done(fx_t *t)
{
    ser_free(t->s);
    fdb_free(t->db);
    th_folder_free(&t->f);
}

/* The inventory totals the engine would give, by hand. */
static void fx_inv(int_inv *inv, size_t n, const double *co2_t)
{
    for (size_t i = 0; i < n; i++) {
        memset(&inv[i], 0, sizeof inv[i]);
        inv[i].path = "inv.yaml";
        inv[i].gwp_id = "ar5";
        strcpy(inv[i].sets, "ipcc2006-energy");
        inv[i].co2_t = co2_t[i];
        inv[i].co2e_t = co2_t[i] * 1.01;
    }
}

/* The start of every test series: coal rate 300 gce/kWh, headline coal_rate. */
#define SER_HEAD                                                                                                       \
    "series: t\nbase_year: 2020\nprice_base: 2020\nfactor_sets: [sce]\n"                                               \
    "electricity: {method: coal_rate, coal_rate: {value: 300, unit: gce/kWh, source: s}}\n"

/* One year with GDP `gdp` (10^8 yuan, constant) and a given energy list. */
#define SER_YEAR(year, inv, gdp, energy)                                                                               \
    "  - year: " year "\n    inventory: " inv "\n    gdp: {value: " gdp ", unit: 10^8 yuan, prices: constant}\n"       \
    "    population: {value: 100, unit: 10^4 person}\n    energy:\n" energy

/* ------------------------------------------------------------ indicators */

/* GDP at current prices becomes constant prices: nominal x 100 / deflator. */
static void test_deflator(void **state)
{
    (void)state;
    fx_t t = fx_load(SER_HEAD "years:\n"
                              "  - year: 2020\n    inventory: inv.yaml\n"
                              "    gdp: {value: 1100, unit: 亿元, prices: current, deflator: 110}\n"
                              "    population: {value: 3623713, unit: person}\n"
                              "    energy:\n      - {fuel: raw_coal, amount: 1, unit: t}\n",
                     NULL);
    fx_need_ok(&t);
    const ser_year *y = &t.s->years[0];
    /* 1100 x 10^8 yuan = 1.1 x 10^7 (10^4 yuan); x 100 / 110 = 10^7 (10^4 yuan) at 2020 prices. */
    assert_close(y->gdp_factor, 1e4, REL);
    assert_close(int_real_gdp_1e4_yuan(y), 1e7, REL);
    assert_true(y->gdp_current);
    assert_close(y->population.value * y->population_factor, 3623713, REL);
    /* The same by hand on a bare year: 250 x 10^4 yuan at deflator 125 -> 200. */
    ser_year bare = {.gdp = {.value = 250}, .gdp_factor = 1, .deflator = 125};
    assert_close(int_real_gdp_1e4_yuan(&bare), 200, REL);
    fx_done(&t);
}

/* Electricity both ways: 10^8 kWh x 0.1229 kgce/kWh = 12,290 tce (calorific);
 * 10^8 kWh x 300 gce/kWh = 3 x 10^10 gce = 30,000 tce (coal rate). */
static void test_electricity_methods(void **state)
{
    (void)state;
    fx_t t = fx_load(SER_HEAD "years:\n" SER_YEAR("2020", "inv.yaml", "1000",
                                                  "      - {fuel: electricity, kind: primary_electricity, amount: 1, "
                                                  "unit: 10^8 kWh}\n"
                                                  "      - {fuel: electricity, kind: net_import_electricity, amount: "
                                                  "-2, unit: 亿千瓦时}\n"
                                                  "      - {fuel: heat, amount: 1000, unit: GJ}\n"),
                     NULL);
    /* int_item_tce at a coal rate of 300 gce/kWh: item, method, tce by hand, tolerance. */
    static const struct {
        size_t item;
        ser_method method;
        double want_tce;
        double tol;
    } rows[] = {
        {0, SER_CALORIFIC, 12290, REL},  /* 10^8 kWh x 0.1229 kgce/kWh */
        {0, SER_COAL_RATE, 30000, REL},  /* 10^8 kWh x 300 gce/kWh */
        {1, SER_CALORIFIC, -24580, REL}, /* -2 x 10^8 kWh x 0.1229 kgce/kWh */
        {1, SER_COAL_RATE, -60000, REL}, /* -2 x 10^8 kWh x 300 gce/kWh */
        /* Heat is not electricity: 1000 GJ = 10^6 MJ x 0.0341 kgce/MJ = 34.1 tce by both methods. */
        {2, SER_CALORIFIC, 34.1, REL},
        {2, SER_COAL_RATE, 34.1, REL},
    };
    fx_need_ok(&t);
    const ser_year *y = &t.s->years[0];
    assert_int_equal(y->energy[2].kind, SER_HEAT);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "row %zu: item %zu, method %d", i, rows[i].item, (int)rows[i].method);
        assert_close_what(int_item_tce(&y->energy[rows[i].item], rows[i].method, 300), rows[i].want_tce, rows[i].tol,
                          what);
    }
    assert_int_equal(int_item_mix(&y->energy[0]), INT_MIX_PRIMARY_ELEC);
    assert_int_equal(int_item_mix(&y->energy[1]), INT_MIX_NET_IMPORT_ELEC);
    fx_done(&t);
}

/* Every indicator of one year, computed by hand. */
static void test_year_by_hand(void **state)
{
    (void)state;
    fx_t t = fx_load(SER_HEAD "years:\n" SER_YEAR("2020", "inv.yaml", "1000",
                                                  "      - {fuel: raw_coal, amount: 100, unit: 10^4 t}\n"
                                                  "      - {fuel: mycoal, amount: 2, unit: 10^4 t}\n"
                                                  "      - {fuel: natural_gas, amount: 1, unit: 10^8 m3}\n"
                                                  "      - {fuel: electricity, kind: primary_electricity, amount: 1, "
                                                  "unit: 10^8 kWh}\n"),
                     NULL);
    fx_need_ok(&t);
    int_inv inv[1];
    double co2[] = {2e7};
    fx_inv(inv, 1, co2);
    diag_list *dl = diag_new();
    int_result *r = int_compute(t.s, inv, dl);
    assert_non_null(r);
    const int_year *y = &r->years[0];
    /* coal: 10^6 t x 0.7143 kgce/kg = 714,300 tce; mycoal (coal via ipcc_fuel): 2 x 10^4 t x 0.5 = 10,000 tce */
    const double coal = 714300 + 10000, gas = 1e8 * 1.33 / 1000; /* gas: 10^8 m3 x 1.33 kgce/m3 = 133,000 tce */
    const double cal = coal + gas + 12290, rate = coal + gas + 30000;
    /* The year's indicators: member, value by hand, tolerance. */
    const struct {
        th_field field;
        double want;
        double tol;
    } rows[] = {
        {TH_FIELD(int_year, mix_tce[SER_CALORIFIC][INT_MIX_COAL]), coal, REL},
        {TH_FIELD(int_year, mix_tce[SER_CALORIFIC][INT_MIX_OTHER_FOSSIL]), gas, REL},
        {TH_FIELD(int_year, energy_tce[SER_CALORIFIC]), cal, REL},  /* 869,590 tce */
        {TH_FIELD(int_year, energy_tce[SER_COAL_RATE]), rate, REL}, /* 887,300 tce */
        /* GDP 1000 x 10^8 yuan = 10^7 (10^4 yuan); population 10^6 persons; CO2 2 x 10^7 t. */
        {TH_FIELD(int_year, gdp_real_1e4_yuan), 1e7, REL},
        {TH_FIELD(int_year, co2_per_gdp), 2.0, REL},
        {TH_FIELD(int_year, co2e_per_gdp), 2.02, REL},
        {TH_FIELD(int_year, energy_per_gdp[SER_CALORIFIC]), 0.086959, REL},
        {TH_FIELD(int_year, energy_per_gdp[SER_COAL_RATE]), 0.08873, REL},
        {TH_FIELD(int_year, co2_per_capita), 20, REL},
        {TH_FIELD(int_year, energy_per_capita[SER_COAL_RATE]), 0.8873, REL},
        {TH_FIELD(int_year, coal_share[SER_COAL_RATE]), 724300.0 / 887300.0, REL},
        {TH_FIELD(int_year, non_fossil_share[SER_CALORIFIC]), 12290.0 / 869590.0, REL},
        {TH_FIELD(int_year, non_fossil_share[SER_COAL_RATE]), 30000.0 / 887300.0, REL},
    };
    assert_true(t.s->years[0].energy[1].coal);
    assert_false(t.s->years[0].energy[2].coal);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        assert_close_what(th_value(y, rows[i].field), rows[i].want, rows[i].tol, rows[i].field.name);
    assert_true(isnan(y->electricity_share));
    assert_string_equal(r->consistency, "");
    int_free(r);
    diag_free(dl);
    fx_done(&t);
}

/* Final energy gives the electricity share: 10 x 10^8 kWh at 0.1229 kgce/kWh
 * = 122,900 tce over 100 x 10^4 tce = 12.29 %. */
static void test_electricity_share(void **state)
{
    (void)state;
    fx_t t = fx_load(SER_HEAD "years:\n  - year: 2020\n    inventory: inv.yaml\n"
                              "    gdp: {value: 1000, unit: 10^8 yuan, prices: constant}\n"
                              "    population: {value: 100, unit: 10^4 person}\n"
                              "    final_energy: {total: {value: 100, unit: 10^4 tce}, electricity: {value: 10, unit: "
                              "10^8 kWh}}\n"
                              "    energy:\n      - {fuel: raw_coal, amount: 1, unit: t}\n",
                     NULL);
    fx_need_ok(&t);
    int_inv inv[1];
    double co2[] = {1};
    fx_inv(inv, 1, co2);
    diag_list *dl = diag_new();
    int_result *r = int_compute(t.s, inv, dl);
    assert_close(r->years[0].final_elec_tce, 122900, REL);
    assert_close(r->years[0].electricity_share, 0.1229, REL);
    int_free(r);
    diag_free(dl);
    fx_done(&t);
}

/* ---------------------------------------------------------------- targets */

/* Two years, 2020 and 2025, same GDP (10^7 x 10^4 yuan) and energy: CO2
 * falls from 2 x 10^7 t to 1.6 x 10^7 t, so CO2 per GDP goes 2.0 -> 1.6. */
static const char two_years[] =
    SER_HEAD "targets: targets.yaml\nyears:\n" SER_YEAR("2020", "inv.yaml", "1000",
                                                        "      - {fuel: raw_coal, amount: 100, unit: 10^4 t}\n"
                                                        "      - {fuel: electricity, kind: primary_electricity, "
                                                        "amount: 1, unit: 10^8 kWh}\n")
        SER_YEAR("2025", "inv2.yaml", "1000",
                 "      - {fuel: raw_coal, amount: 100, unit: 10^4 t}\n"
                 "      - {fuel: electricity, kind: primary_electricity, amount: 1, unit: 10^8 kWh}\n");

#define TGT_HEAD "targets: t\nitems:\n"
#define TGT(ind, kind, by, ty, v)                                                                                      \
    "  - {indicator: " ind ", kind: " kind ", base_year: " by ", target_year: " ty ", value: " v ", source: s}\n"

/* Computes the two-year series with CO2 `co2_2025` in 2025. */
static int_result *two_year_result(fx_t *t, const char *targets, double co2_2025, int_inv inv[2], diag_list **dl)
{
    *t = fx_load(two_years, targets);
    fx_need_ok(t);
    double co2[] = {2e7, co2_2025};
    fx_inv(inv, 2, co2);
    *dl = diag_new();
    int_result *r = int_compute(t->s, inv, *dl);
    assert_non_null(r);
    return r;
}

/* Change, average rate, level, margin and the rate still required, by hand. */
static void test_rates_by_hand(void **state)
{
    (void)state;
    fx_t t;
    int_inv inv[2];
    diag_list *dl;
    int_result *r = two_year_result(&t,
                                    TGT_HEAD TGT("co2_per_gdp", "reduction", "2020", "2025", "18")
                                        TGT("co2_per_gdp", "reduction", "2020", "2030", "25")
                                            TGT("energy_per_gdp", "reduction", "2020", "2025", "14.5"),
                                    1.6e7, inv, &dl);
    const int_target *a = &r->targets[0], *b = &r->targets[1], *c = &r->targets[2];
#define TG(member) TH_FIELD(int_target, member)
    /* The targets' figures: target, member, value by hand, tolerance. */
    const struct {
        size_t target;
        th_field field;
        double want;
        double tol;
    } rows[] = {
        /* 2.0 -> 1.6: change -20 %, average rate 0.8^(1/5) - 1 = -4.3648 %/yr; level 2.0 x 0.82 = 1.64. */
        {0, TG(base_value), 2.0, REL},
        {0, TG(latest_value), 1.6, REL},
        {0, TG(change), -0.2, 1e-9},
        {0, TG(avg_rate), pow(0.8, 0.2) - 1, REL},
        {0, TG(avg_rate), -0.043647500209, 1e-9},
        {0, TG(level), 1.64, REL},
        {0, TG(margin), 0.04, 1e-9},            /* 1.64 - 1.6 */
        {0, TG(margin_rel), 0.04 / 1.64, 1e-9}, /* 2.44 % of the target */
        /* -25 % by 2030: level 1.5; path in 2025 = 2.0 x 0.75^(5/10) = 1.7320508; 1.6 is below: on track.
         * Still required: (1.5 / 1.6)^(1/5) - 1 = -1.2824 %/yr. */
        {1, TG(reference), 2.0 * sqrt(0.75), REL},
        {1, TG(reference), 1.7320508075688772, 1e-12},
        {1, TG(required_rate), pow(1.5 / 1.6, 0.2) - 1, REL},
        {1, TG(required_rate), -0.012824757, 1e-7},
        /* Energy unchanged: change 0, level 0.855 x base, missed by 14.5 % of the base. */
        {2, TG(margin), -0.145 * c->base_value, 1e-9},
        {2, TG(base_value), (714300 + 30000) / 1e7, REL}, /* the headline (coal-rate) energy */
    };
#undef TG
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "row %zu: target %zu %s", i, rows[i].target, rows[i].field.name);
        assert_close_what(th_value(&r->targets[rows[i].target], rows[i].field), rows[i].want, rows[i].tol, what);
    }
    assert_true(a->final);
    assert_int_equal(a->status, INT_MET);
    assert_true(isnan(a->required_rate));
    assert_int_equal(b->eval_year, 2025);
    assert_false(b->final);
    assert_int_equal(b->status, INT_ON_TRACK);
    assert_close(c->change + 1, 1, REL); /* change 0, to the last bits of 1 */
    assert_int_equal(c->status, INT_MISSED);
    assert_int_equal(r->count[INT_MET], 1);
    assert_int_equal(r->count[INT_ON_TRACK], 1);
    assert_int_equal(r->count[INT_MISSED], 1);
    int_free(r);
    diag_free(dl);
    fx_done(&t);
}

/* Target status at its boundaries, through the whole computation: exactly
 * at the target is met, 10^-7 above is missed; exactly on the path is on
 * track, above it off track. */
static void test_status_boundaries(void **state)
{
    (void)state;
    static const char targets[] = TGT_HEAD TGT("co2_per_gdp", "reduction", "2020", "2025", "50")
        TGT("co2_per_gdp", "reduction", "2020", "2030", "75");
    /* CO2 in 2025, the status of the 2025 target (final) and of the 2030 one (on its path). */
    static const struct {
        double co2_2025_t;
        int_status want_final;
        int_status want_path;
    } rows[] = {
        {1e7, INT_MET, INT_ON_TRACK},               /* exactly at the target and on the path */
        {1.0000001e7, INT_MISSED, INT_OFF_TRACK},   /* 10^-7 above both */
        {1e7 * (1 + 1e-12), INT_MET, INT_ON_TRACK}, /* within the judge's tolerance */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fx_t t;
        int_inv inv[2];
        diag_list *dl;
        /* 2.0 -> co2 / 10^7: level 2.0 x 0.5 = 1.0; path 2.0 x 0.25^(5/10) = 1.0 exactly. */
        int_result *r = two_year_result(&t, targets, rows[i].co2_2025_t, inv, &dl);
        assert_close(r->targets[0].level, 1.0, 0);
        assert_close(r->targets[1].reference, 1.0, 0);
        assert_int_equal(r->targets[0].status, rows[i].want_final);
        assert_int_equal(r->targets[1].status, rows[i].want_path);
        int_free(r);
        diag_free(dl);
        fx_done(&t);
    }
}

/* The judge and the path on their own, including floors and ceilings. */
static void test_judge_and_path(void **state)
{
    (void)state;
    /* int_judge: kind, final, value, reference, the status. */
    static const struct {
        ser_target_kind kind;
        bool final;
        double value;
        double reference;
        int_status want;
    } judge_rows[] = {
        {SER_REDUCTION, true, 1.64, 1.64, INT_MET},                 /* at the level: met */
        {SER_REDUCTION, true, 1.64 * (1 + 1e-8), 1.64, INT_MISSED}, /* 10^-8 above, past INT_REL_TOL */
        {SER_CEILING, true, 0.49, 0.49, INT_MET},                   /* at the ceiling */
        {SER_CEILING, false, 0.4901, 0.49, INT_OFF_TRACK},          /* above the ceiling's path */
        {SER_FLOOR, true, 0.15, 0.15, INT_MET},                     /* at the floor */
        {SER_FLOOR, true, 0.1499, 0.15, INT_MISSED},                /* below the floor */
        {SER_FLOOR, false, 0.151, 0.15, INT_ON_TRACK},              /* above the floor's path */
    };
    /* int_path: kind, base value, target level, base and target year, the year asked, value by hand, tolerance. */
    const struct {
        ser_target_kind kind;
        double base, level;
        long base_year, target_year, year;
        double want;
        double tol;
    } path_rows[] = {
        /* Ceiling 40 % by 2030 from 60 % in 2020: linear path 60 -> 40, 50 % in 2025. */
        {SER_CEILING, 0.6, 0.4, 2020, 2030, 2025, 0.5, REL},
        /* A ceiling already met in the base year stays at the ceiling, a floor likewise. */
        {SER_CEILING, 0.3, 0.4, 2020, 2030, 2022, 0.4, REL},
        {SER_FLOOR, 0.2, 0.15, 2020, 2030, 2022, 0.15, REL},
        {SER_FLOOR, 0.05, 0.15, 2020, 2025, 2023, 0.11, 1e-12}, /* 0.05 + 0.10 x 3/5 */
        /* Reduction: geometric, 2 -> 1 over 10 years is 2 x 0.5^(3/10) in year 3. */
        {SER_REDUCTION, 2, 1, 2020, 2030, 2023, 2 * pow(0.5, 0.3), REL},
    };
    for (size_t i = 0; i < sizeof judge_rows / sizeof judge_rows[0]; i++)
        assert_int_equal(
            int_judge(judge_rows[i].kind, judge_rows[i].final, judge_rows[i].value, judge_rows[i].reference),
            judge_rows[i].want);
    for (size_t i = 0; i < sizeof path_rows / sizeof path_rows[0]; i++) {
        char what[32];
        snprintf(what, sizeof what, "path_rows[%zu]", i);
        assert_close_what(int_path(path_rows[i].kind, path_rows[i].base, path_rows[i].level, path_rows[i].base_year,
                                   path_rows[i].target_year, path_rows[i].year),
                          path_rows[i].want, path_rows[i].tol, what);
    }
    /* The 2025 value of 50 % is on that ceiling's path. */
    assert_int_equal(int_judge(SER_CEILING, false, 0.5, int_path(SER_CEILING, 0.6, 0.4, 2020, 2030, 2025)),
                     INT_ON_TRACK);
    assert_close(int_rate(2, 1, 10), pow(0.5, 0.1) - 1, REL);
}

/* Inventories computed with other factor sets or GWP are stated. */
static void test_consistency_warning(void **state)
{
    (void)state;
    fx_t t = fx_load(two_years, "targets: t\nitems: []\n");
    fx_need_ok(&t);
    int_inv inv[2];
    double co2[] = {2e7, 1.6e7};
    fx_inv(inv, 2, co2);
    inv[1].gwp_id = "ar4";
    diag_list *dl = diag_new();
    int_result *r = int_compute(t.s, inv, dl);
    assert_int_equal(diag_error_count(dl), 0);
    assert_int_equal(diag_count(dl), 1);
    assert_non_null(strstr(r->consistency, "2025: factor sets [ipcc2006-energy], GWP ar4"));
    int_free(r);
    diag_free(dl);
    fx_done(&t);
}

/* -------------------------------------------------------------- bad input */

/* One year 2020, written so that each test can break one line. Line
 * numbers: 8 year, 9 inventory, 10 gdp, 11 population, 13 the first item. */
#define BAD_SERIES(inv, gdp, item)                                                                                     \
    SER_HEAD "targets: targets.yaml\nyears:\n  - year: 2020\n    inventory: " inv "\n    gdp: " gdp "\n"               \
             "    population: {value: 100, unit: 10^4 person}\n    energy:\n      - " item "\n"
#define GOOD_GDP "{value: 1000, unit: 10^8 yuan, prices: constant}"
#define GOOD_ITEM "{fuel: raw_coal, amount: 1, unit: t}"
#define GOOD_TGT TGT_HEAD TGT("co2_per_gdp", "reduction", "2020", "2025", "18")

/* A broken series or targets file (NULL: none) and one message it must
 * give, in which "DIR" stands for the temporary folder. */
typedef struct {
    const char *series;
    const char *targets;
    const char *want;
} bad_case;

/* Loads each row's files and checks its message. */
static void check_bad(const bad_case *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fx_t t = fx_load(rows[i].series, rows[i].targets);
        assert_true(diag_error_count(t.f.dl) > 0);
        th_need_message(t.f.dl, t.f.dir, rows[i].want);
        fx_done(&t);
    }
}

/* A misspelt indicator, with a suggestion. */
static void test_bad_unknown_indicator(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("co2_per_gpd", "reduction", "2020", "2025", "18"),
         "DIR/targets.yaml:3:17: error: unknown indicator 'co2_per_gpd': use one of co2_per_gdp, energy_per_gdp, "
         "co2e_per_gdp, coal_share, non_fossil_share, electricity_share (did you mean 'co2_per_gdp'?)"},
    };
    check_bad(TH_ROWS(rows));
}

/* A target's base year, or the series' own, not among the years. */
static void test_bad_year_missing(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("co2_per_gdp", "reduction", "2019", "2025", "18"),
         "DIR/targets.yaml:3:58: error: base_year 2019 of target 'co2_per_gdp-reduction-2025' is not among the "
         "series' years: add the year to the series"},
        /* The series' own base year must be one of its years too. */
        {"series: t\nbase_year: 2015\nprice_base: 2020\nfactor_sets: [sce]\n"
         "electricity: {coal_rate: {value: 300, unit: gce/kWh}}\nyears:\n"
         "  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP ", population: {value: 1, unit: person}, energy: "
         "[" GOOD_ITEM "]}\n",
         NULL, "DIR/series.yaml:2:12: error: base_year 2015 is not among the series' years: add it to 'years'"},
    };
    check_bad(TH_ROWS(rows));
}

/* GDP in a unit that is no money; current prices without a deflator. */
static void test_bad_gdp_unit(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {BAD_SERIES("inv.yaml", "{value: 1000, unit: 10^4 t, prices: constant}", GOOD_ITEM), GOOD_TGT,
         "DIR/series.yaml:10:30: error: unit '10^4 t' of 'gdp' measures mass; use money, such as 10^8 yuan or 亿元"},
        {BAD_SERIES("inv.yaml", "{value: 1000, unit: 10^8 yuan, prices: current}", GOOD_ITEM), GOOD_TGT,
         "DIR/series.yaml:10:10: error: GDP at current prices needs 'deflator:'"},
    };
    check_bad(TH_ROWS(rows));
}

/* An inventory path that does not exist, found before anything is computed. */
static void test_bad_inventory_missing(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {BAD_SERIES("nope.yaml", GOOD_GDP, GOOD_ITEM), GOOD_TGT,
         "DIR/series.yaml:9:16: error: cannot read inventory 'DIR/nope.yaml' (No such file or directory): check the "
         "path, which is relative to the series file"},
    };
    check_bad(TH_ROWS(rows));
}

/* Energy items: no coefficient, units that do not give an energy, no kind, a negative amount. */
static void test_bad_energy(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: peat, amount: 1, unit: t}"), GOOD_TGT,
         "DIR/series.yaml:13:16: error: no standard-coal coefficient (sce) for 'peat' in the factor sets searched "
         "(sce)"},
        {BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: natural_gas, amount: 1, unit: 10^4 t}"), GOOD_TGT,
         "DIR/series.yaml:13:46: error: an amount in '10^4 t' times the standard-coal coefficient of 'natural_gas' "
         "(1.33 kgce/m3) is not an energy"},
        {BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: electricity, amount: 1, unit: 10^8 kWh}"), GOOD_TGT,
         "DIR/series.yaml:13:9: error: electricity needs 'kind: primary_electricity'"},
        {BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: electricity, kind: primary_electricity, amount: 1, unit: t}"),
         GOOD_TGT, "DIR/series.yaml:13:73: error: electricity must be given as an energy, such as 10^8 kWh"},
        {"series: t\nbase_year: 2020\nprice_base: 2020\nyears:\n  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP
         ", population: {value: 1, unit: person}, energy: [" GOOD_ITEM "]}\n",
         NULL, "DIR/series.yaml:5:5: error: year 2020 has no generation coal rate"},
        {BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: raw_coal, amount: -1, unit: t}"), GOOD_TGT,
         "DIR/series.yaml:13:34: error: 'amount' must not be negative, got -1"},
        /* derive_energy: false takes nothing from the inventory, so a year must write its energy */
        {"derive_energy: false\n" SER_HEAD "years:\n  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP
         ", population: {value: 1, unit: person}}\n",
         NULL, "DIR/series.yaml:8:5: error: year 2020 has no 'energy:' list, and 'derive_energy: false' takes nothing "
               "from its inventory"},
        {SER_HEAD "latest_statistics: twenty\nyears:\n  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP
         ", population: {value: 1, unit: person}}\n",
         NULL, "DIR/series.yaml:6:20: error: 'latest_statistics' must be a number, got 'twenty'"},
        {SER_HEAD "years:\n  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP
         ", population: {value: 1, unit: person}, estimate: maybe}\n",
         NULL, "DIR/series.yaml:7:142: error: 'estimate' must be true or false"},
    };
    check_bad(TH_ROWS(rows));
}

/* A negative reduction, a share with a reduction, a target year not after the base year. */
static void test_bad_targets(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("co2_per_gdp", "reduction", "2020", "2025", "-18"),
         "DIR/targets.yaml:3:90: error: a reduction is written as a positive percentage below 100 (14.5 for -14.5 %), "
         "got -18"},
        {BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("coal_share", "reduction", "2020", "2025", "10"),
         "DIR/targets.yaml:3:5: error: 'coal_share' is a share: give it 'kind: ceiling' (at most) or 'kind: floor'"},
        {BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("coal_share", "ceiling", "2020", "2020", "10"),
         "DIR/targets.yaml:3:74: error: target_year 2020 must come after base_year 2020"},
    };
    check_bad(TH_ROWS(rows));
}

/* Years out of order. */
static void test_bad_years_order(void **state)
{
    (void)state;
    static const bad_case rows[] = {
        {SER_HEAD "years:\n" SER_YEAR("2021", "inv.yaml", "1", "      - " GOOD_ITEM "\n")
             SER_YEAR("2020", "inv2.yaml", "1", "      - " GOOD_ITEM "\n"),
         NULL,
         "DIR/series.yaml:13:5: error: year 2020 comes after a later year: list each year once, in ascending order"},
    };
    check_bad(TH_ROWS(rows));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deflator),
        cmocka_unit_test(test_electricity_methods),
        cmocka_unit_test(test_year_by_hand),
        cmocka_unit_test(test_electricity_share),
        cmocka_unit_test(test_rates_by_hand),
        cmocka_unit_test(test_status_boundaries),
        cmocka_unit_test(test_judge_and_path),
        cmocka_unit_test(test_consistency_warning),
        cmocka_unit_test(test_bad_unknown_indicator),
        cmocka_unit_test(test_bad_year_missing),
        cmocka_unit_test(test_bad_gdp_unit),
        cmocka_unit_test(test_bad_inventory_missing),
        cmocka_unit_test(test_bad_energy),
        cmocka_unit_test(test_bad_targets),
        cmocka_unit_test(test_bad_years_order),
    };
    return cmocka_run_group_tests_name("intensity", tests, NULL, NULL);
}
