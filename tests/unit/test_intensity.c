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
    char *dir;
    char *path;
    diag_list *dl;
    fset_db *db;
    ser_series *s;
    bool resolved;
} fx_t;

/* Writes the factor set, empty inventories inv.yaml and inv2.yaml, the
 * targets (when not NULL) and the series; loads and resolves it. */
static fx_t fx_load(const char *series, const char *targets)
{
    fx_t t = {0};
    t.dir = th_tmpdir();
    assert_non_null(t.dir);
    free(th_write(t.dir, "sce.yaml", sce_set));
    free(th_write(t.dir, "inv.yaml", "inventory: x\n"));
    free(th_write(t.dir, "inv2.yaml", "inventory: y\n"));
    if (targets)
        free(th_write(t.dir, "targets.yaml", targets));
    t.path = th_write(t.dir, "series.yaml", series);
    t.dl = diag_new();
    t.db = fdb_new();
    t.s = ser_load(t.path, t.dl);
    const char *dirs[] = {t.dir};
    if (t.s && diag_error_count(t.dl) == 0)
        t.resolved = ser_resolve(t.s, t.db, dirs, 1, t.dl);
    return t;
}


/* Fails the test with the messages unless the series loaded cleanly. */
static void fx_need_ok(const fx_t *t)
{
    if (t->s && t->resolved && diag_error_count(t->dl) == 0)
        return;
    char *m = th_messages(t->dl);
    fail_msg("series failed to load: %s", m);
    free(m);
}

/* Checks that the messages contain `want`, in which every "DIR" stands
 * for the temporary folder. */
static void fx_need_message(const fx_t *t, const char *want)
{
    char *m = th_messages(t->dl);
    char full[2048];
    size_t used = 0;
    for (const char *p = want; *p && used + strlen(t->dir) + 2 < sizeof full;) {
        if (strncmp(p, "DIR", 3) == 0) {
            used += (size_t)snprintf(full + used, sizeof full - used, "%s", t->dir);
            p += 3;
        } else
            full[used++] = *p++;
    }
    full[used] = '\0';
    if (!strstr(m, full))
        fail_msg("expected message\n  %s\nin\n%s", full, m);
    free(m);
}

/* Frees the series and removes the temporary folder. */
static void fx_done(fx_t *t)
{
    ser_free(t->s);
    fdb_free(t->db);
    diag_free(t->dl);
    assert_int_equal(th_rmdir(t->dir), 0);
    free(t->path);
    free(t->dir);
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
    fx_need_ok(&t);
    const ser_year *y = &t.s->years[0];
    assert_close(int_item_tce(&y->energy[0], SER_CALORIFIC, 300), 12290, REL);
    assert_close(int_item_tce(&y->energy[0], SER_COAL_RATE, 300), 30000, REL);
    assert_close(int_item_tce(&y->energy[1], SER_CALORIFIC, 300), -24580, REL);
    assert_close(int_item_tce(&y->energy[1], SER_COAL_RATE, 300), -60000, REL);
    /* Heat is not electricity: 1000 GJ = 10^6 MJ x 0.0341 kgce/MJ = 34.1 tce by both methods. */
    assert_int_equal(y->energy[2].kind, SER_HEAT);
    assert_close(int_item_tce(&y->energy[2], SER_CALORIFIC, 300), 34.1, REL);
    assert_close(int_item_tce(&y->energy[2], SER_COAL_RATE, 300), 34.1, REL);
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
    double coal = 714300 + 10000, gas = 1e8 * 1.33 / 1000; /* gas: 10^8 m3 x 1.33 kgce/m3 = 133,000 tce */
    double cal = coal + gas + 12290, rate = coal + gas + 30000;
    assert_true(t.s->years[0].energy[1].coal);
    assert_false(t.s->years[0].energy[2].coal);
    assert_close(y->mix_tce[SER_CALORIFIC][INT_MIX_COAL], coal, REL);
    assert_close(y->mix_tce[SER_CALORIFIC][INT_MIX_OTHER_FOSSIL], gas, REL);
    assert_close(y->energy_tce[SER_CALORIFIC], cal, REL);  /* 869,590 tce */
    assert_close(y->energy_tce[SER_COAL_RATE], rate, REL); /* 887,300 tce */
    /* GDP 1000 x 10^8 yuan = 10^7 (10^4 yuan); population 10^6 persons; CO2 2 x 10^7 t. */
    assert_close(y->gdp_real_1e4_yuan, 1e7, REL);
    assert_close(y->co2_per_gdp, 2.0, REL);
    assert_close(y->co2e_per_gdp, 2.02, REL);
    assert_close(y->energy_per_gdp[SER_CALORIFIC], 0.086959, REL);
    assert_close(y->energy_per_gdp[SER_COAL_RATE], 0.08873, REL);
    assert_close(y->co2_per_capita, 20, REL);
    assert_close(y->energy_per_capita[SER_COAL_RATE], 0.8873, REL);
    assert_close(y->coal_share[SER_COAL_RATE], 724300.0 / 887300.0, REL);
    assert_close(y->non_fossil_share[SER_CALORIFIC], 12290.0 / 869590.0, REL);
    assert_close(y->non_fossil_share[SER_COAL_RATE], 30000.0 / 887300.0, REL);
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
    /* 2.0 -> 1.6: change -20 %, average rate 0.8^(1/5) - 1 = -4.3648 %/yr; level 2.0 x 0.82 = 1.64. */
    assert_close(a->base_value, 2.0, REL);
    assert_close(a->latest_value, 1.6, REL);
    assert_close(a->change, -0.2, 1e-9);
    assert_close(a->avg_rate, pow(0.8, 0.2) - 1, REL);
    assert_close(a->avg_rate, -0.043647500209, 1e-9);
    assert_close(a->level, 1.64, REL);
    assert_true(a->final);
    assert_int_equal(a->status, INT_MET);
    assert_close(a->margin, 0.04, 1e-9);            /* 1.64 - 1.6 */
    assert_close(a->margin_rel, 0.04 / 1.64, 1e-9); /* 2.44 % of the target */
    assert_true(isnan(a->required_rate));
    /* -25 % by 2030: level 1.5; path in 2025 = 2.0 x 0.75^(5/10) = 1.7320508; 1.6 is below: on track.
     * Still required: (1.5 / 1.6)^(1/5) - 1 = -1.2824 %/yr. */
    assert_int_equal(b->eval_year, 2025);
    assert_false(b->final);
    assert_close(b->reference, 2.0 * sqrt(0.75), REL);
    assert_close(b->reference, 1.7320508075688772, 1e-12);
    assert_int_equal(b->status, INT_ON_TRACK);
    assert_close(b->required_rate, pow(1.5 / 1.6, 0.2) - 1, REL);
    assert_close(b->required_rate, -0.012824757, 1e-7);
    /* Energy unchanged: change 0, level 0.855 x base, missed by 14.5 % of the base. */
    assert_close(c->change + 1, 1, REL);
    assert_int_equal(c->status, INT_MISSED);
    assert_close(c->margin, -0.145 * c->base_value, 1e-9);
    assert_close(c->base_value, (714300 + 30000) / 1e7, REL); /* the headline (coal-rate) energy */
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
    const double co2[] = {1e7, 1.0000001e7, 1e7 * (1 + 1e-12)};
    const int_status want_final[] = {INT_MET, INT_MISSED, INT_MET};
    const int_status want_path[] = {INT_ON_TRACK, INT_OFF_TRACK, INT_ON_TRACK};
    for (size_t i = 0; i < 3; i++) {
        fx_t t;
        int_inv inv[2];
        diag_list *dl;
        /* 2.0 -> co2[i] / 10^7: level 2.0 x 0.5 = 1.0; path 2.0 x 0.25^(5/10) = 1.0 exactly. */
        int_result *r = two_year_result(&t, targets, co2[i], inv, &dl);
        assert_close(r->targets[0].level, 1.0, 0);
        assert_close(r->targets[1].reference, 1.0, 0);
        assert_int_equal(r->targets[0].status, want_final[i]);
        assert_int_equal(r->targets[1].status, want_path[i]);
        int_free(r);
        diag_free(dl);
        fx_done(&t);
    }
}

/* The judge and the path on their own, including floors and ceilings. */
static void test_judge_and_path(void **state)
{
    (void)state;
    assert_int_equal(int_judge(SER_REDUCTION, true, 1.64, 1.64), INT_MET);
    assert_int_equal(int_judge(SER_REDUCTION, true, 1.64 * (1 + 1e-8), 1.64), INT_MISSED);
    assert_int_equal(int_judge(SER_CEILING, true, 0.49, 0.49), INT_MET);
    assert_int_equal(int_judge(SER_CEILING, false, 0.4901, 0.49), INT_OFF_TRACK);
    assert_int_equal(int_judge(SER_FLOOR, true, 0.15, 0.15), INT_MET);
    assert_int_equal(int_judge(SER_FLOOR, true, 0.1499, 0.15), INT_MISSED);
    assert_int_equal(int_judge(SER_FLOOR, false, 0.151, 0.15), INT_ON_TRACK);
    /* Ceiling 40 % by 2030 from 60 % in 2020: linear path 60 -> 40, 50 % in 2025. */
    assert_close(int_path(SER_CEILING, 0.6, 0.4, 2020, 2030, 2025), 0.5, REL);
    assert_int_equal(int_judge(SER_CEILING, false, 0.5, int_path(SER_CEILING, 0.6, 0.4, 2020, 2030, 2025)),
                     INT_ON_TRACK);
    /* A ceiling already met in the base year stays at the ceiling, a floor likewise. */
    assert_close(int_path(SER_CEILING, 0.3, 0.4, 2020, 2030, 2022), 0.4, REL);
    assert_close(int_path(SER_FLOOR, 0.2, 0.15, 2020, 2030, 2022), 0.15, REL);
    assert_close(int_path(SER_FLOOR, 0.05, 0.15, 2020, 2025, 2023), 0.11, 1e-12);
    /* Reduction: geometric, 2 -> 1 over 10 years is 2 x 0.5^(3/10) in year 3. */
    assert_close(int_path(SER_REDUCTION, 2, 1, 2020, 2030, 2023), 2 * pow(0.5, 0.3), REL);
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

/* Loads a broken series or targets file and checks one message. */
static void bad(const char *series, const char *targets, const char *want)
{
    fx_t t = fx_load(series, targets);
    assert_true(diag_error_count(t.dl) > 0);
    fx_need_message(&t, want);
    fx_done(&t);
}

/* A misspelt indicator, with a suggestion. */
static void test_bad_unknown_indicator(void **state)
{
    (void)state;
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("co2_per_gpd", "reduction", "2020", "2025", "18"),
        "DIR/targets.yaml:3:17: error: unknown indicator 'co2_per_gpd': use one of co2_per_gdp, energy_per_gdp, "
        "co2e_per_gdp, coal_share, non_fossil_share, electricity_share (did you mean 'co2_per_gdp'?)");
}

/* A target's base year, or the series' own, not among the years. */
static void test_bad_year_missing(void **state)
{
    (void)state;
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("co2_per_gdp", "reduction", "2019", "2025", "18"),
        "DIR/targets.yaml:3:58: error: base_year 2019 of target 'co2_per_gdp-reduction-2025' is not among the "
        "series' years: add the year to the series");
    /* The series' own base year must be one of its years too. */
    bad("series: t\nbase_year: 2015\nprice_base: 2020\nfactor_sets: [sce]\n"
        "electricity: {coal_rate: {value: 300, unit: gce/kWh}}\nyears:\n"
        "  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP ", population: {value: 1, unit: person}, energy: "
        "[" GOOD_ITEM "]}\n",
        NULL, "DIR/series.yaml:2:12: error: base_year 2015 is not among the series' years: add it to 'years'");
}

/* GDP in a unit that is no money; current prices without a deflator. */
static void test_bad_gdp_unit(void **state)
{
    (void)state;
    bad(BAD_SERIES("inv.yaml", "{value: 1000, unit: 10^4 t, prices: constant}", GOOD_ITEM), GOOD_TGT,
        "DIR/series.yaml:10:30: error: unit '10^4 t' of 'gdp' measures mass; use money, such as 10^8 yuan or 亿元");
    bad(BAD_SERIES("inv.yaml", "{value: 1000, unit: 10^8 yuan, prices: current}", GOOD_ITEM), GOOD_TGT,
        "DIR/series.yaml:10:10: error: GDP at current prices needs 'deflator:'");
}

/* An inventory path that does not exist, found before anything is computed. */
static void test_bad_inventory_missing(void **state)
{
    (void)state;
    bad(BAD_SERIES("nope.yaml", GOOD_GDP, GOOD_ITEM), GOOD_TGT,
        "DIR/series.yaml:9:16: error: cannot read inventory 'DIR/nope.yaml' (No such file or directory): check the "
        "path, which is relative to the series file");
}

/* Energy items: no coefficient, units that do not give an energy, no kind, a negative amount. */
static void test_bad_energy(void **state)
{
    (void)state;
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: peat, amount: 1, unit: t}"), GOOD_TGT,
        "DIR/series.yaml:13:16: error: no standard-coal coefficient (sce) for 'peat' in the factor sets searched "
        "(sce)");
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: natural_gas, amount: 1, unit: 10^4 t}"), GOOD_TGT,
        "DIR/series.yaml:13:46: error: an amount in '10^4 t' times the standard-coal coefficient of 'natural_gas' "
        "(1.33 kgce/m3) is not an energy");
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: electricity, amount: 1, unit: 10^8 kWh}"), GOOD_TGT,
        "DIR/series.yaml:13:9: error: electricity needs 'kind: primary_electricity'");
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: electricity, kind: primary_electricity, amount: 1, unit: t}"),
        GOOD_TGT, "DIR/series.yaml:13:73: error: electricity must be given as an energy, such as 10^8 kWh");
    bad("series: t\nbase_year: 2020\nprice_base: 2020\nyears:\n  - {year: 2020, inventory: inv.yaml, gdp: " GOOD_GDP
        ", population: {value: 1, unit: person}, energy: [" GOOD_ITEM "]}\n",
        NULL, "DIR/series.yaml:5:5: error: year 2020 has no generation coal rate");
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, "{fuel: raw_coal, amount: -1, unit: t}"), GOOD_TGT,
        "DIR/series.yaml:13:34: error: 'amount' must not be negative, got -1");
}

/* A negative reduction, a share with a reduction, a target year not after the base year. */
static void test_bad_targets(void **state)
{
    (void)state;
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("co2_per_gdp", "reduction", "2020", "2025", "-18"),
        "DIR/targets.yaml:3:90: error: a reduction is written as a positive percentage below 100 (14.5 for -14.5 %), "
        "got -18");
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("coal_share", "reduction", "2020", "2025", "10"),
        "DIR/targets.yaml:3:5: error: 'coal_share' is a share: give it 'kind: ceiling' (at most) or 'kind: floor'");
    bad(BAD_SERIES("inv.yaml", GOOD_GDP, GOOD_ITEM), TGT_HEAD TGT("coal_share", "ceiling", "2020", "2020", "10"),
        "DIR/targets.yaml:3:74: error: target_year 2020 must come after base_year 2020");
}

/* Years out of order. */
static void test_bad_years_order(void **state)
{
    (void)state;
    bad(SER_HEAD "years:\n" SER_YEAR("2021", "inv.yaml", "1", "      - " GOOD_ITEM "\n")
            SER_YEAR("2020", "inv2.yaml", "1", "      - " GOOD_ITEM "\n"),
        NULL,
        "DIR/series.yaml:13:5: error: year 2020 comes after a later year: list each year once, in ascending order");
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
