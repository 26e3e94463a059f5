/* test_engine.c - unit tests for factor resolution and the fuel-combustion method (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine.h"
#include "inventory.h"
#include "test_fixture.h"

#define REL 1e-12
#define C_TO_CO2 (44.0 / 12.0)

/* A small factor set with round numbers, so expected values are easy to
 * write by hand. "country" extends "base". */
static const char base_set_ok[] =
    "factor_set: base\ntitle: Base test set\nsource: hand-written test values\nfactors:\n"
    "  - fuel: coal\n    ncv: {value: 20, unit: TJ/Gg, ref: t1}\n    co2: {value: 90000, unit: kg/TJ, ref: t2}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: t3}\n    n2o: {value: 1.5, unit: kg/TJ, ref: t4}\n"
    "  - fuel: coal\n    category: \"1.A.4\"\n    ch4: {value: 300, unit: kg/TJ, ref: t5}\n"
    "  - fuel: coal\n    category: \"1.A.4.b\"\n    n2o: {value: 2, unit: kg/TJ, ref: t6}\n"
    "  - fuel: gas\n    ncv: {value: 48, unit: TJ/Gg, ref: t7}\n"
    "    co2: {value: 56100, unit: kg/TJ, ref: t8}\n    ch4: {value: 1, unit: kg/TJ, ref: t9}\n"
    "    n2o: {value: 0.1, unit: kg/TJ, ref: t10}\n"
    "  - fuel: gas\n    ncv: {value: 38.931, unit: MJ/m3, ref: t11}\n"
    "  - fuel: wood\n    biogenic: true\n    ncv: {value: 15.6, unit: TJ/Gg, ref: t12}\n"
    "    co2: {value: 112000, unit: kg/TJ, ref: t13}\n    ch4: {value: 300, unit: kg/TJ, ref: t14}\n"
    "    n2o: {value: 4, unit: kg/TJ, ref: t15}\n";

static const char country_set[] =
    "factor_set: country\ntitle: Country test set\nsource: hand-written test values\nextends: base\nfactors:\n"
    "  - fuel: coal\n    carbon_content: {value: 26.18, unit: tC/TJ, ref: c1}\n"
    "    oxidation: {value: 93, unit: \"%\", ref: c2}\n"
    "  - fuel: gas\n    co2: {value: 55000, unit: kg/TJ, ref: c3}\n";

static const th_file engine_files[] = {
    {"base.yaml", base_set_ok}, {"country.yaml", country_set}, {"gwp.yaml", th_gwp_yaml}, {NULL, NULL}};

/* Computes the inventory with factor sets `sets` and the activity
 * `records` (each "  - {...}\n"); the result may be NULL. */
static th_run run_records(const char *sets, const char *records)
{
    char body[2048];
    snprintf(body, sizeof body, "activities:\n%s", records);
    return th_run_sets(engine_files, sets, body);
}

#define L(member) TH_FIELD(eng_line, member)
#define T(member) TH_FIELD(eng_cat_total, member)

static void test_mass_fuel_sectoral(void **state)
{
    (void)state;
    /* 10 Gg coal in 1.A.1.a with base: E = 10 Gg x 20 TJ/Gg = 200 TJ. */
    static const th_line_want lines[] = {
        {0, GAS_CO2, L(energy_tj), 200.0, REL},
        {0, GAS_CO2, L(emission_t), 200.0 * 90000 / 1000, REL}, /* 18,000 t CO2 */
        {0, GAS_CH4, L(emission_t), 200.0 * 1 / 1000, REL},     /* 0.2 t CH4: category-free entry */
        {0, GAS_N2O, L(emission_t), 200.0 * 1.5 / 1000, REL},   /* 0.3 t N2O */
    };
    static const th_total_want totals[] = {{"", T(t_co2e), 18000 + 0.2 * 28 + 0.3 * 265, REL}};
    eng_line l[GAS_COUNT];
    th_run t = run_records("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 10, unit: Gg}\n");
    th_need_ok(&t);
    assert_int_equal(eng_lines(t.r, 0, l), 3);
    th_check_lines(&t, TH_ROWS(lines));
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
}

static void test_category_specificity(void **state)
{
    (void)state;
    /* 1.A.4.b: CH4 from the 1.A.4 entry (300), N2O from the 1.A.4.b entry (2). */
    static const th_line_want in_1a4b[] = {
        {0, GAS_CH4, L(ef), 300, REL},
        {0, GAS_CH4, L(emission_t), 20.0 * 300 / 1000, REL},
        {0, GAS_N2O, L(ef), 2, REL},
    };
    /* 1.A.4.a: CH4 300 from 1.A.4, N2O 1.5 from the category-free entry. */
    static const th_line_want in_1a4a[] = {
        {0, GAS_CH4, L(ef), 300, REL},
        {0, GAS_N2O, L(ef), 1.5, REL},
    };
    th_run t = run_records("base", "  - {category: \"1.A.4.b\", fuel: coal, amount: 1, unit: Gg}\n");
    th_check_lines(&t, TH_ROWS(in_1a4b));
    th_run_free(&t);
    t = run_records("base", "  - {category: \"1.A.4.a\", fuel: coal, amount: 1, unit: Gg}\n");
    th_check_lines(&t, TH_ROWS(in_1a4a));
    th_run_free(&t);
}

static void test_extends_and_carbon_content(void **state)
{
    (void)state;
    /* country gives carbon content 26.18 tC/TJ and oxidation 93 %; NCV and CH4/N2O come from base. */
    static const th_line_want country[] = {
        {0, GAS_CO2, L(energy_tj), 20.0, REL},     /* 1 Gg x 20 TJ/Gg */
        {0, GAS_CO2, L(ef_factor), C_TO_CO2, REL}, /* t C per TJ -> t CO2 */
        {0, GAS_CO2, L(oxidation), 0.93, REL},
        {0, GAS_CO2, L(emission_t), 20.0 * 26.18 * C_TO_CO2 * 0.93, 1e-12}, /* 1785.4760 t CO2 */
    };
    /* The first set listed wins: [base, country] takes base's CO2 EF and no oxidation (1). */
    static const th_line_want base_first[] = {
        {0, GAS_CO2, L(ef), 90000, REL},
        {0, GAS_CO2, L(oxidation), 1.0, REL},
    };
    const char *coal = "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: kt}\n";
    th_run t = run_records("country", coal);
    th_check_lines(&t, TH_ROWS(country));
    eng_line co2 = th_line(&t, 0, GAS_CO2);
    assert_string_equal(fs_hit_set(&co2.res->ef[GAS_CO2]), "country");
    assert_string_equal(fs_hit_set(&co2.res->ncv), "base");
    assert_string_equal(fs_hit_set(&th_line(&t, 0, GAS_CH4).res->ef[GAS_CH4]), "base");
    th_run_free(&t);
    t = run_records("base, country", coal);
    th_check_lines(&t, TH_ROWS(base_first));
    th_run_free(&t);
}

static void test_ncv_by_dimension(void **state)
{
    (void)state;
    /* Gas by volume picks the MJ/m3 NCV: 10^4 m3 x 38.931 MJ/m3 = 389,310 MJ = 0.38931 TJ. */
    static const th_line_want by_volume[] = {
        {0, GAS_CO2, L(energy_tj), 0.38931, REL},
        {0, GAS_CO2, L(emission_t), 0.38931 * 56100 / 1000, REL},
    };
    /* By mass it picks TJ/Gg: 1 t x 48 TJ/Gg = 0.048 TJ. */
    static const th_line_want by_mass[] = {{0, GAS_CO2, L(energy_tj), 0.048, REL}};
    /* Energy input needs no NCV: 1 tce = 29.3076 GJ = 0.0293076 TJ. */
    static const th_line_want by_energy[] = {{0, GAS_CO2, L(energy_tj), 1000 * 0.0293076, REL}};
    th_run t = run_records("base", "  - {category: \"1.A.4.b\", fuel: gas, amount: 1, unit: 10^4 m3}\n");
    th_check_lines(&t, TH_ROWS(by_volume));
    th_run_free(&t);
    t = run_records("base", "  - {category: \"1.A.4.b\", fuel: gas, amount: 1, unit: t}\n");
    th_check_lines(&t, TH_ROWS(by_mass));
    th_run_free(&t);
    t = run_records("base", "  - {category: \"1.A.4.b\", fuel: gas, amount: 1000, unit: tce}\n");
    th_check_lines(&t, TH_ROWS(by_energy));
    assert_true(th_line(&t, 0, GAS_CO2).res->energy_input);
    th_run_free(&t);
}

static void test_record_override(void **state)
{
    (void)state;
    /* 2 x 10^4 t x 21.5 GJ/t = 430,000 GJ = 430 TJ. */
    static const th_line_want lines[] = {{0, GAS_CO2, L(energy_tj), 430.0, REL}};
    th_run t = run_records("base", "  - category: \"1.A.1.a\"\n    fuel: coal\n    amount: 2\n    unit: 10^4 t\n"
                                   "    ncv: {value: 21.5, unit: GJ/t, tier: 2, source: plant lab}\n");
    th_check_lines(&t, TH_ROWS(lines));
    eng_line co2 = th_line(&t, 0, GAS_CO2);
    assert_string_equal(fs_hit_set(&co2.res->ncv), "record");
    assert_string_equal(co2.res->ncv.v->ref, "plant lab");
    th_run_free(&t);
}

static void test_biogenic_memo(void **state)
{
    (void)state;
    /* 15.6 TJ: CO2 1747.2 t memo only; CH4 4.68 t x 28, N2O 0.0624 t x 265 in the total. */
    static const th_total_want totals[] = {
        {"", T(memo_bio_co2_t), 15.6 * 112000 / 1000, REL},
        {"", T(t[GAS_CO2]), 0.0, REL},
        {"", T(t_co2e), 15.6 * 300 / 1000 * 28 + 15.6 * 4 / 1000 * 265, REL},
    };
    th_run t = run_records("base", "  - {category: \"1.A.4.b\", fuel: wood, amount: 1, unit: Gg}\n");
    th_need_ok(&t);
    assert_true(th_line(&t, 0, GAS_CO2).memo);
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
}

static void test_gwp_choice(void **state)
{
    (void)state;
    /* SAR: 18,000 t CO2 + 0.2 t CH4 x 21 + 0.3 t N2O x 310. */
    static const th_total_want totals[] = {{"", T(t_co2e), 18000 + 0.2 * 21 + 0.3 * 310, REL}};
    th_run t = th_run_sets(engine_files, "base",
                           "gwp: sar\nactivities:\n  - {category: \"1.A.1.a\", fuel: coal, amount: 10, unit: Gg}\n");
    assert_non_null(t.r);
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
}

/* ---- AR6 methane by origin (docs/input-format.md, "Methane: fossil or non-fossil") ---- */

/* GWP sets as in factors/gwp.yaml: AR5 with its one CH4 value (28; its
 * CH4_fossil 30 alone does not split CH4) and AR6 with the generic 27.9 and
 * the split of WG1 Table 7.15, fossil 29.8 and non-fossil 27.0. */
static const char ar6_gwp[] = "gwp_sets:\n  - id: ar5\n    title: AR5\n    default: true\n    values:\n"
                              "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 28, ref: g2}\n"
                              "      - {gas: N2O, value: 265, ref: g3}\n      - {gas: CH4_fossil, value: 30, ref: g4}\n"
                              "  - id: ar6\n    title: AR6\n    values:\n"
                              "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 27.9, ref: g5}\n"
                              "      - {gas: N2O, value: 273, ref: g3}\n      - {gas: CH4_fossil, value: 29.8, ref: g6}\n"
                              "      - {gas: CH4_non_fossil, value: 27.0, ref: g7}\n";

/* Product-method activities of each IPCC sector, with round CH4 factors. */
static const char proc_set[] =
    "factor_set: proc\ntitle: Product-method test set\nsource: hand-written test values\nfactors:\n"
    "  - activity: mine\n    category: \"1.B\"\n    ch4: {value: 10, unit: kg/t, ref: p1}\n"
    "  - activity: petrochem\n    category: \"2.B\"\n    ch4: {value: 3, unit: kg/t, ref: p2}\n"
    "  - activity: cattle\n    category: \"3.A\"\n    ch4: {value: 50, unit: kg/head, ref: p3}\n"
    "  - activity: wastewater\n    category: \"4.D\"\n    mcf: {value: 0.5, unit: \"1\", ref: p4}\n"
    "    ch4: {value: 0.6, unit: kg CH4/kg BOD, ref: p5}\n";

static const th_file ar6_files[] = {
    {"base.yaml", base_set_ok}, {"proc.yaml", proc_set}, {"gwp.yaml", ar6_gwp}, {NULL, NULL}};

/* One record per row of the origin rule, in this order. */
static const char ar6_records[] =
    "activities:\n"
    "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: Gg}\n"                  /* 0 fossil fuel */
    "  - {category: \"1.A.4.b\", fuel: wood, amount: 1, unit: Gg}\n"                  /* 1 biogenic fuel */
    "  - {category: \"1.B.1.a.i.1\", activity: mine, amount: 1000, unit: t}\n"         /* 2 fugitive */
    "  - {category: \"2.B.8\", activity: petrochem, amount: 1000, unit: t}\n"          /* 3 IPPU */
    "  - {category: \"3.A.1\", activity: cattle, amount: 100, unit: head}\n"          /* 4 enteric */
    "  - {category: \"4.D.1\", activity: wastewater, amount: 1000, unit: t BOD}\n"    /* 5 wastewater */
    "  - {category: \"4.D.1\", activity: wastewater, amount: 10, unit: t BOD, ch4_origin: fossil}\n"
    "  - {category: \"1.A.4.b\", fuel: gas, amount: 1, unit: Gg, ch4_origin: non_fossil}\n";

/* Each record's CH4 with AR6 and AR5: the GWP its origin gives, and the
 * CO2e of the hand-computed emission. */
static void test_ar6_methane_by_origin(void **state)
{
    (void)state;
    /* t CH4 by hand: 0: 20 TJ x 1 kg/TJ = 0.02; 1: 15.6 TJ x 300 kg/TJ = 4.68; 2: 1000 t x 10 kg/t = 10;
     * 3: 1000 t x 3 kg/t = 3; 4: 100 head x 50 kg = 5; 5: 1000 t BOD x 0.5 x 0.6 = 300;
     * 6: 10 t BOD x 0.5 x 0.6 = 3; 7: 48 TJ x 1 kg/TJ = 0.048 */
    static const double ch4_t[] = {0.02, 4.68, 10, 3, 5, 300, 3, 0.048};
    static const double fossil = 29.8, non_fossil = 27.0; /* AR6 WG1 Table 7.15 */
    static const double ar6[] = {fossil, non_fossil, fossil, fossil, non_fossil, non_fossil, fossil, non_fossil};
    static const char *const gwps[] = {"ar6", "ar5"};
    for (size_t gi = 0; gi < 2; gi++) {
        char body[2048];
        snprintf(body, sizeof body, "gwp: %s\n%s", gwps[gi], ar6_records);
        th_run t = th_run_sets(ar6_files, "base, proc", body);
        th_need_ok(&t);
        for (size_t i = 0; i < sizeof ch4_t / sizeof *ch4_t; i++) {
            eng_line l = th_line(&t, i, GAS_CH4);
            double gwp = gi == 0 ? ar6[i] : 28.0; /* AR5: one CH4 value for every origin */
            assert_close_what(l.gwp, gwp, 0, gwps[gi]);
            assert_close_what(l.emission_t_co2e, ch4_t[i] * gwp, REL, gwps[gi]);
            assert_int_equal(l.gwp_origin, gi == 1 ? GWP_ORIGIN_ANY
                                           : ar6[i] == fossil ? GWP_ORIGIN_FOSSIL : GWP_ORIGIN_NON_FOSSIL);
        }
        /* N2O and CO2 keep the set's one value: coal's N2O 20 TJ x 1.5 kg/TJ = 0.03 t x 273 (AR6) or 265 */
        assert_close(th_line(&t, 0, GAS_N2O).emission_t_co2e, 0.03 * (gi == 0 ? 273 : 265), REL);
        th_run_free(&t);
    }
}

/* The issue's cases against an external reference that uses the AR6
 * split: a septic system and a lagoon came out 3.3 % high with the generic
 * 27.9, and fugitive coal-mine methane 6.4 % low. */
static void test_ar6_issue_cases(void **state)
{
    (void)state;
    th_run t = th_run_sets(ar6_files, "base, proc",
                           "gwp: ar6\nactivities:\n"
                           "  - {category: \"4.D.1\", activity: wastewater, amount: 200, unit: t BOD}\n"
                           "  - {category: \"4.D.1\", activity: wastewater, amount: 50, unit: t BOD}\n"
                           "  - {category: \"1.B.1.a.i.1\", activity: mine, amount: 5000, unit: t}\n");
    /* wastewater: (200 + 50) t BOD x 0.5 x 0.6 kg CH4/kg BOD = 75 t CH4 x 27.0 = 2025 t CO2e;
     * the generic 27.9 gave 2092.5, 2092.5 / 2025 - 1 = 3.33 % high */
    static const th_total_want totals[] = {
        {"4.D", T(t_co2e), 75 * 27.0, REL},
        /* mine: 5000 t x 10 kg/t = 50 t CH4 x 29.8 = 1490 t CO2e; 27.9 gave 1395, 1 - 1395/1490 = 6.38 % low */
        {"1.B", T(t_co2e), 50 * 29.8, REL},
    };
    th_check_totals(&t, TH_ROWS(totals));
    assert_close(75 * 27.9 / (75 * 27.0) - 1, 0.0333, 1e-2);
    assert_close(1 - 50 * 27.9 / (50 * 29.8), 0.0638, 1e-2);
    th_run_free(&t);
}

/* `ch4_origin:` takes fossil or non_fossil only. */
static void test_ch4_origin_refused(void **state)
{
    (void)state;
    th_run t = th_run_sets(ar6_files, "base, proc",
                           "gwp: ar6\nactivities:\n"
                           "  - {category: \"4.D.1\", activity: wastewater, amount: 1, unit: t BOD, ch4_origin: biogenic}\n");
    th_need_refused(&t, "inv.yaml:6:83: error: 'ch4_origin' is 'biogenic': use fossil or non_fossil (biogenic methane "
                        "is non_fossil)");
    th_run_free(&t);
}

/* `needs:` on a factor entry: the record must give those parameters (a
 * plant's own data); an unknown name or an empty list is refused. */
static void test_entry_needs(void **state)
{
    (void)state;
    static const char needs_set[] =
        "factor_set: nd\ntitle: t\nsource: s\nfactors:\n"
        "  - activity: ckd\n    needs: [fraction]\n    co2: {value: 0.5, unit: t CO2/t, ref: n1}\n"
        "  - activity: own\n    needs: [co2]\n";
    static const th_file files[] = {{"nd.yaml", needs_set}, {"gwp.yaml", th_gwp_yaml}, {NULL, NULL}};
    /* 10 t x 0.4 x 0.5 t CO2/t = 2 t CO2; 10 t x 0.3 t CO2/t (the record's own) = 3 t CO2 */
    th_run t = th_run_sets(files, "nd",
                           "activities:\n  - {category: \"2.A.1\", activity: ckd, amount: 10, unit: t, "
                           "fraction: {value: 0.4, unit: \"1\", source: lab}}\n"
                           "  - {category: \"2.A.1\", activity: own, amount: 10, unit: t, "
                           "co2: {value: 0.3, unit: t CO2/t, source: plant}}\n");
    static const th_total_want totals[] = {{"", T(t[GAS_CO2]), 2 + 3, REL}};
    th_check_totals(&t, TH_ROWS(totals));
    th_run_free(&t);
    t = th_run_sets(files, "nd", "activities:\n  - {category: \"2.A.1\", activity: ckd, amount: 10, unit: t}\n");
    th_need_refused(&t, "inv.yaml:5:35: error: 'ckd' needs 'fraction' on the record (share of the activity), which "
                        "set nd gives no default for");
    th_run_free(&t);
    static const char bad_set[] = "factor_set: bad\ntitle: t\nsource: s\nfactors:\n"
                                  "  - activity: a\n    needs: [fractoin]\n  - activity: b\n    needs: []\n";
    static const th_file bad_files[] = {{"bad.yaml", bad_set}, {"gwp.yaml", th_gwp_yaml}, {NULL, NULL}};
    t = th_run_sets(bad_files, "bad", "activities: []\n");
    th_need_refused(&t, "bad.yaml:6:13: error: unknown parameter 'fractoin' in 'needs'");
    th_need_refused(&t, "bad.yaml:8:12: error: 'needs' must be a list of parameters the record gives");
    th_run_free(&t);
}

/* Totals do not depend on record order: 997 records spanning 12 orders of
 * magnitude, forwards and backwards, give the same bits. */
static void test_order_independence(void **state)
{
    (void)state;
    char *fwd = NULL, *bwd = NULL;
    size_t lf = 0, lb = 0;
    FILE *f = open_memstream(&fwd, &lf), *b = open_memstream(&bwd, &lb);
    fputs("inventory: t\nyear: 2020\nfactor_sets: [base]\nactivities:\n", f);
    fputs("inventory: t\nyear: 2020\nfactor_sets: [base]\nactivities:\n", b);
    enum { N = 997 };
    char line[N][160];
    for (int i = 0; i < N; i++) {
        double amount = pow(10.0, (i * 7919) % 13 - 3) * (1.0 + i / 1000.0);
        snprintf(line[i], sizeof line[i], "  - {category: \"1.A.1.a\", fuel: coal, amount: %.17g, unit: t, id: r%d}\n",
                 amount, i);
    }
    for (int i = 0; i < N; i++) {
        fputs(line[i], f);
        fputs(line[N - 1 - i], b);
    }
    fclose(f);
    fclose(b);
    th_run t1 = th_run_yaml(engine_files, fwd), t2 = th_run_yaml(engine_files, bwd);
    assert_non_null(t1.r);
    assert_non_null(t2.r);
    eng_cat_total a = eng_total_under(t1.r, ""), c = eng_total_under(t2.r, "");
    assert_memory_equal(&a.t_co2e, &c.t_co2e, sizeof(double));
    assert_memory_equal(&a.t[GAS_CO2], &c.t[GAS_CO2], sizeof(double));
    th_run_free(&t1);
    th_run_free(&t2);
    free(fwd);
    free(bwd);
}

/* An inventory that must be refused: factor sets, records, and what the
 * messages must contain. */
typedef struct {
    const char *sets;
    const char *records;
    const char *want;
} error_case;

static const error_case error_cases[] = {
    {"base", "  - {category: \"1.A.1.a\", fuel: cole, amount: 1, unit: t}\n",
     "inv.yaml:5:33: error: unknown fuel 'cole' (did you mean 'coal'?)"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: -1, unit: t}\n", "'amount' is negative"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: \"5\", unit: t}\n", "remove the quotes"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: .nan, unit: t}\n", "NaN and infinity"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1e400, unit: t}\n", "'amount'"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: head}\n",
     "a fuel amount must be a mass, a volume or an energy"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: m3}\n",
     "give the amount in mass, or an 'ncv:' on the record in energy per volume"},
    {"base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t, colour: red}\n",
     "unknown key 'colour' in an activity record"},
    {"base", "  - {category: \"1.A.9\", fuel: coal, amount: 1, unit: t}\n", "unknown IPCC category '1.A.9'"},
    {"base",
     "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n"
     "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n",
     "inv.yaml:6:5: error: duplicate record"},
    {"nowhere", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n", "factor set 'nowhere' not found"},
    {"base", "  - &a {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n  - *a\n", "YAML aliases"},
    /* A gas without a factor: gas in 1.A.3.b has a CH4 EF in base, so use a fuel with none. */
    {"country",
     "  - {category: \"1.A.1.a\", fuel: gas, amount: 1, unit: t, ncv: {value: 1, unit: TJ/t, "
     "source: s}}\n  - {category: \"1.A.1.a\", fuel: nofuel, amount: 1, unit: TJ, "
     "co2: {value: 1, unit: kg/TJ, source: s}}\n",
     "no CH4 emission factor for fuel 'nofuel'"},
};

/* Every row of error_cases is refused with its message. */
static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        th_run t = run_records(error_cases[i].sets, error_cases[i].records);
        th_need_refused(&t, error_cases[i].want);
        th_run_free(&t);
    }
}

static void test_not_estimated(void **state)
{
    (void)state;
    /* CH4 and N2O not estimated: 1 TJ x 74,100 kg/TJ = 74.1 t CO2, alone. */
    static const th_line_want lines[] = {{0, GAS_CO2, L(emission_t), 74.1, REL}};
    eng_line l[GAS_COUNT];
    th_run t = run_records("base", "  - {category: \"1.A.3.c\", fuel: other, amount: 1, unit: TJ, "
                                   "not_estimated: [ch4, n2o], co2: {value: 74100, unit: kg/TJ, source: s}}\n");
    th_need_ok(&t);
    assert_int_equal(eng_lines(t.r, 0, l), 1);
    th_check_lines(&t, TH_ROWS(lines));
    th_run_free(&t);
}

/* Every error in a file is reported, not only the first. */
static void test_all_errors_reported(void **state)
{
    (void)state;
    th_run t = run_records("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: -1, unit: t}\n"
                                   "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: tonz}\n"
                                   "  - {category: \"1.A.1.a\", fuel: coal, amount: 2, unit: t, extra: 1}\n");
    assert_null(t.r);
    assert_int_equal(diag_error_count(t.f.dl), 3);
    th_run_free(&t);
}

/* Four records, then a comment after the document: the limit and the digest
 * tests load it directly. */
static const char four_records[] =
    "inventory: t\nyear: 2020\nfactor_sets: [base]\nactivities:\n"
    "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n"
    "  - {category: \"1.A.1.a\", fuel: coal, amount: 2, unit: t}\n"
    "  - {category: \"1.A.1.a\", fuel: coal, amount: 3, unit: t}\n"
    "  - {category: \"1.A.1.a\", fuel: coal, amount: 4, unit: t}\n"
    "# the end\n";

/* Record limit: at 4 the file loads; at 3 the fourth record (line 8) is one
 * error and reading stops there. */
static void test_record_limit(void **state)
{
    (void)state;
    th_folder f = th_folder_new(NULL, "inv.yaml", four_records);
    inventory *inv = inv_load_max(f.path, f.dl, NULL, 4);
    assert_non_null(inv);
    assert_int_equal(diag_error_count(f.dl), 0);
    assert_int_equal(inv->n, 4);
    inv_free(inv);

    diag_list *dl = diag_new();
    inv = inv_load_max(f.path, dl, NULL, 3);
    assert_int_equal(diag_error_count(dl), 1);
    th_need_message(dl, NULL, "inv.yaml:8:5: error: more than 3 activity records");
    inv_free(inv);
    diag_free(dl);
    th_folder_free(&f);
}

/* The About sheet's digest is taken while libyaml reads the file, including
 * what follows the document. Expected value from coreutils:
 * printf '<four_records>' | sha256sum. */
static void test_file_digest(void **state)
{
    (void)state;
    th_folder f = th_folder_new(NULL, "inv.yaml", four_records);
    inventory *inv = inv_load(f.path, f.dl, NULL);
    assert_non_null(inv);
    assert_int_equal(diag_error_count(f.dl), 0);
    assert_string_equal(inv->sha256, "b61187b08f258c49c9e934f275d748c2ccbe858bc86645bc20d6d7aa53c84d51");
    inv_free(inv);
    th_folder_free(&f);
}

/* Duplicates found after the duplicate set has grown (from 1,024 slots, it
 * doubles at half full): 3,000 records with ids, the last repeating the id
 * of the fifth (line 5 + 4 = 9); and 3,000 without ids, the last repeating
 * the seventh whole (line 11). One error each, naming the first record. */
static void test_duplicates_after_growth(void **state)
{
    (void)state;
    for (int with_ids = 1; with_ids >= 0; with_ids--) {
        size_t cap = 4000 * 96, len = 0;
        char *text = malloc(cap);
        assert_non_null(text);
        len += (size_t)snprintf(text + len, cap - len, "inventory: t\nyear: 2020\nfactor_sets: [base]\nactivities:\n");
        for (int i = 0; i <= 3000; i++) {
            int n = i < 3000 ? i : (with_ids ? 4 : 6); /* the last repeats record 5 (ids) or 7 */
            if (with_ids)
                len += (size_t)snprintf(text + len, cap - len,
                                        "  - {id: r%d, category: \"1.A.1.a\", fuel: coal, amount: %d, unit: t}\n", n, i);
            else
                len += (size_t)snprintf(text + len, cap - len,
                                        "  - {category: \"1.A.1.a\", fuel: coal, amount: %d, unit: t}\n", n);
        }
        th_folder f = th_folder_new(NULL, "inv.yaml", text);
        inventory *inv = inv_load(f.path, f.dl, NULL);
        const char *want = with_ids ? "inv.yaml:3005:5: error: duplicate record id 'r4' (also used by the record at line 9)"
                                    : "inv.yaml:3005:5: error: duplicate record: same category, fuel, amount, unit and "
                                      "source as the record at line 11";
        assert_int_equal(diag_error_count(f.dl), 1);
        th_need_message(f.dl, NULL, want);
        assert_int_equal(inv->n, 3000);
        inv_free(inv);
        th_folder_free(&f);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mass_fuel_sectoral),  cmocka_unit_test(test_category_specificity),
        cmocka_unit_test(test_extends_and_carbon_content), cmocka_unit_test(test_ncv_by_dimension),
        cmocka_unit_test(test_record_override),     cmocka_unit_test(test_biogenic_memo),
        cmocka_unit_test(test_gwp_choice),          cmocka_unit_test(test_order_independence),
        cmocka_unit_test(test_errors),              cmocka_unit_test(test_not_estimated),
        cmocka_unit_test(test_all_errors_reported), cmocka_unit_test(test_record_limit),
        cmocka_unit_test(test_file_digest),         cmocka_unit_test(test_duplicates_after_growth),
        cmocka_unit_test(test_ar6_methane_by_origin), cmocka_unit_test(test_ar6_issue_cases),
        cmocka_unit_test(test_ch4_origin_refused),  cmocka_unit_test(test_entry_needs),
    };
    return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
