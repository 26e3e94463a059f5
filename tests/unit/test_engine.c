/* test_engine.c - unit tests for factor resolution and the fuel-combustion method (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine.h"
#include "inventory.h"
#include "test_helpers.h"

#define REL 1e-12
#define C_TO_CO2 (44.0 / 12.0)

/* One loaded and computed inventory, with the diagnostics it produced. */
typedef struct {
    char *dir;
    char *path;
    diag_list *dl;
    inventory *inv;
    fset_db *db;
    eng_result *r;
} run_t;

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

static const char gwp_file[] =
    "gwp_sets:\n  - id: ar5\n    title: AR5\n    default: true\n    values:\n"
    "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 28, ref: g2}\n"
    "      - {gas: N2O, value: 265, ref: g3}\n"
    "  - id: sar\n    title: SAR\n    values:\n"
    "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 21, ref: g2}\n"
    "      - {gas: N2O, value: 310, ref: g3}\n";

/* Writes the test sets and `inventory_yaml`, loads and computes it. */
static run_t run(const char *inventory_yaml)
{
    run_t t = {0};
    t.dir = th_tmpdir();
    assert_non_null(t.dir);
    free(th_write(t.dir, "base.yaml", base_set_ok));
    free(th_write(t.dir, "country.yaml", country_set));
    free(th_write(t.dir, "gwp.yaml", gwp_file));
    t.path = th_write(t.dir, "inv.yaml", inventory_yaml);
    t.dl = diag_new();
    t.db = fdb_new();
    t.inv = inv_load(t.path, t.dl, NULL);
    const char *dirs[] = {t.dir};
    if (t.inv && diag_error_count(t.dl) == 0)
        t.r = eng_run(t.inv, t.db, dirs, 1, t.dl, NULL);
    return t;
}


static void done(run_t *t)
{
    eng_free(t->r);
    inv_free(t->inv);
    fdb_free(t->db);
    diag_free(t->dl);
    assert_int_equal(th_rmdir(t->dir), 0);
    free(t->path);
    free(t->dir);
}

#define HEAD "inventory: t\nyear: 2020\nfactor_sets: [%s]\nactivities:\n"

static char *inv_text(const char *sets, const char *records)
{
    size_t len = strlen(HEAD) + strlen(sets) + strlen(records) + 1;
    char *s = malloc(len);
    snprintf(s, len, HEAD "%s", sets, records);
    return s;
}

/* Computes one record and returns its lines. */
static size_t one(const char *sets, const char *record, run_t *t, eng_line out[GAS_COUNT])
{
    char *text = inv_text(sets, record);
    *t = run(text);
    free(text);
    if (!t->r) {
        char *m = th_messages(t->dl);
        fail_msg("inventory failed: %s", m);
        free(m);
    }
    return eng_lines(t->r, 0, out);
}

static void test_mass_fuel_sectoral(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    /* 10 Gg coal in 1.A.1.a with base: E = 10 Gg x 20 TJ/Gg = 200 TJ. */
    size_t n = one("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 10, unit: Gg}\n", &t, l);
    assert_int_equal(n, 3);
    assert_close(l[0].energy_tj, 200.0, REL);
    assert_close(l[0].emission_t, 200.0 * 90000 / 1000, REL); /* 18,000 t CO2 */
    assert_close(l[1].emission_t, 200.0 * 1 / 1000, REL);     /* 0.2 t CH4: category-free entry */
    assert_close(l[2].emission_t, 200.0 * 1.5 / 1000, REL);   /* 0.3 t N2O */
    eng_cat_total tot = eng_total_under(t.r, "");
    assert_close(tot.t_co2e, 18000 + 0.2 * 28 + 0.3 * 265, REL);
    done(&t);
}

static void test_category_specificity(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    /* 1.A.4.b: CH4 from the 1.A.4 entry (300), N2O from the 1.A.4.b entry (2). */
    one("base", "  - {category: \"1.A.4.b\", fuel: coal, amount: 1, unit: Gg}\n", &t, l);
    assert_close(l[1].ef, 300, REL);
    assert_close(l[1].emission_t, 20.0 * 300 / 1000, REL);
    assert_close(l[2].ef, 2, REL);
    done(&t);
    /* 1.A.4.a: CH4 300 from 1.A.4, N2O 1.5 from the category-free entry. */
    one("base", "  - {category: \"1.A.4.a\", fuel: coal, amount: 1, unit: Gg}\n", &t, l);
    assert_close(l[1].ef, 300, REL);
    assert_close(l[2].ef, 1.5, REL);
    done(&t);
}

static void test_extends_and_carbon_content(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    /* country gives carbon content 26.18 tC/TJ and oxidation 93 %; NCV and CH4/N2O come from base. */
    one("country", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: kt}\n", &t, l);
    assert_close(l[0].energy_tj, 20.0, REL);                         /* 1 Gg x 20 TJ/Gg */
    assert_close(l[0].ef_factor, C_TO_CO2, REL);                     /* t C per TJ -> t CO2 */
    assert_close(l[0].oxidation, 0.93, REL);
    assert_close(l[0].emission_t, 20.0 * 26.18 * C_TO_CO2 * 0.93, 1e-12); /* 1785.4760 t CO2 */
    assert_string_equal(l[0].res->ef[GAS_CO2].set_id, "country");
    assert_string_equal(l[0].res->ncv.set_id, "base");
    assert_string_equal(l[1].res->ef[GAS_CH4].set_id, "base");
    done(&t);
    /* The first set listed wins: [base, country] takes base's CO2 EF and no oxidation (1). */
    one("base, country", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: kt}\n", &t, l);
    assert_close(l[0].ef, 90000, REL);
    assert_close(l[0].oxidation, 1.0, REL);
    done(&t);
}

static void test_ncv_by_dimension(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    /* Gas by volume picks the MJ/m3 NCV: 10^4 m3 x 38.931 MJ/m3 = 389,310 MJ = 0.38931 TJ. */
    one("base", "  - {category: \"1.A.4.b\", fuel: gas, amount: 1, unit: 10^4 m3}\n", &t, l);
    assert_close(l[0].energy_tj, 0.38931, REL);
    assert_close(l[0].emission_t, 0.38931 * 56100 / 1000, REL);
    done(&t);
    /* By mass it picks TJ/Gg: 1 t x 48 TJ/Gg = 0.048 TJ. */
    one("base", "  - {category: \"1.A.4.b\", fuel: gas, amount: 1, unit: t}\n", &t, l);
    assert_close(l[0].energy_tj, 0.048, REL);
    done(&t);
    /* Energy input needs no NCV: 1 tce = 29.3076 GJ = 0.0293076 TJ. */
    one("base", "  - {category: \"1.A.4.b\", fuel: gas, amount: 1000, unit: tce}\n", &t, l);
    assert_true(l[0].res->energy_input);
    assert_close(l[0].energy_tj, 1000 * 0.0293076, REL);
    done(&t);
}

static void test_record_override(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    one("base",
        "  - category: \"1.A.1.a\"\n    fuel: coal\n    amount: 2\n    unit: 10^4 t\n"
        "    ncv: {value: 21.5, unit: GJ/t, tier: 2, source: plant lab}\n",
        &t, l);
    /* 2 x 10^4 t x 21.5 GJ/t = 430,000 GJ = 430 TJ. */
    assert_close(l[0].energy_tj, 430.0, REL);
    assert_string_equal(l[0].res->ncv.set_id, "record");
    assert_string_equal(l[0].res->ncv.v->ref, "plant lab");
    done(&t);
}

static void test_biogenic_memo(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    one("base", "  - {category: \"1.A.4.b\", fuel: wood, amount: 1, unit: Gg}\n", &t, l);
    assert_true(l[0].memo);
    eng_cat_total tot = eng_total_under(t.r, "");
    /* 15.6 TJ: CO2 1747.2 t memo only; CH4 4.68 t x 28, N2O 0.0624 t x 265 in the total. */
    assert_close(tot.memo_bio_co2_t, 15.6 * 112000 / 1000, REL);
    assert_close(tot.t[GAS_CO2], 0.0, REL);
    assert_close(tot.t_co2e, 15.6 * 300 / 1000 * 28 + 15.6 * 4 / 1000 * 265, REL);
    done(&t);
}

static void test_gwp_choice(void **state)
{
    (void)state;
    run_t t = run("inventory: t\nyear: 2020\ngwp: sar\nfactor_sets: [base]\nactivities:\n"
                  "  - {category: \"1.A.1.a\", fuel: coal, amount: 10, unit: Gg}\n");
    assert_non_null(t.r);
    eng_cat_total tot = eng_total_under(t.r, "");
    assert_close(tot.t_co2e, 18000 + 0.2 * 21 + 0.3 * 310, REL);
    done(&t);
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
    run_t t1 = run(fwd), t2 = run(bwd);
    assert_non_null(t1.r);
    assert_non_null(t2.r);
    eng_cat_total a = eng_total_under(t1.r, ""), c = eng_total_under(t2.r, "");
    assert_memory_equal(&a.t_co2e, &c.t_co2e, sizeof(double));
    assert_memory_equal(&a.t[GAS_CO2], &c.t[GAS_CO2], sizeof(double));
    done(&t1);
    done(&t2);
    free(fwd);
    free(bwd);
}

/* Expects the inventory to fail with a message containing `want`. */
static void expect_error(const char *sets, const char *records, const char *want)
{
    char *text = inv_text(sets, records);
    run_t t = run(text);
    free(text);
    assert_null(t.r);
    char *m = th_messages(t.dl);
    if (!strstr(m, want))
        fail_msg("expected '%s' in:\n%s", want, m);
    free(m);
    done(&t);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: cole, amount: 1, unit: t}\n",
                 "inv.yaml:5:33: error: unknown fuel 'cole' (did you mean 'coal'?)");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: -1, unit: t}\n", "'amount' is negative");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: \"5\", unit: t}\n", "remove the quotes");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: .nan, unit: t}\n", "NaN and infinity");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1e400, unit: t}\n", "'amount'");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: head}\n",
                 "a fuel amount must be a mass, a volume or an energy");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: m3}\n",
                 "give the amount in mass, or an 'ncv:' on the record in energy per volume");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t, colour: red}\n",
                 "unknown key 'colour' in an activity record");
    expect_error("base", "  - {category: \"1.A.9\", fuel: coal, amount: 1, unit: t}\n", "unknown IPCC category '1.A.9'");
    expect_error("base", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n"
                         "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n",
                 "inv.yaml:6:5: error: duplicate record");
    expect_error("nowhere", "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n",
                 "factor set 'nowhere' not found");
    expect_error("base", "  - &a {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: t}\n  - *a\n",
                 "YAML aliases");
    /* A gas without a factor: gas in 1.A.3.b has a CH4 EF in base, so use a fuel with none. */
    expect_error("country", "  - {category: \"1.A.1.a\", fuel: gas, amount: 1, unit: t, ncv: {value: 1, unit: TJ/t, "
                            "source: s}}\n  - {category: \"1.A.1.a\", fuel: nofuel, amount: 1, unit: TJ, "
                            "co2: {value: 1, unit: kg/TJ, source: s}}\n",
                 "no CH4 emission factor for fuel 'nofuel'");
}

static void test_not_estimated(void **state)
{
    (void)state;
    run_t t;
    eng_line l[GAS_COUNT];
    size_t n = one("base",
                   "  - {category: \"1.A.3.c\", fuel: other, amount: 1, unit: TJ, not_estimated: [ch4, n2o], "
                   "co2: {value: 74100, unit: kg/TJ, source: s}}\n",
                   &t, l);
    assert_int_equal(n, 1);
    assert_close(l[0].emission_t, 74.1, REL);
    done(&t);
}

/* Every error in a file is reported, not only the first. */
static void test_all_errors_reported(void **state)
{
    (void)state;
    run_t t = run("inventory: t\nyear: 2020\nfactor_sets: [base]\nactivities:\n"
                  "  - {category: \"1.A.1.a\", fuel: coal, amount: -1, unit: t}\n"
                  "  - {category: \"1.A.1.a\", fuel: coal, amount: 1, unit: tonz}\n"
                  "  - {category: \"1.A.1.a\", fuel: coal, amount: 2, unit: t, extra: 1}\n");
    assert_null(t.r);
    assert_int_equal(diag_error_count(t.dl), 3);
    done(&t);
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
    char *dir = th_tmpdir();
    assert_non_null(dir);
    char *path = th_write(dir, "inv.yaml", four_records);
    diag_list *dl = diag_new();
    inventory *inv = inv_load_max(path, dl, NULL, 4);
    assert_non_null(inv);
    assert_int_equal(diag_error_count(dl), 0);
    assert_int_equal(inv->n, 4);
    inv_free(inv);
    diag_free(dl);

    dl = diag_new();
    inv = inv_load_max(path, dl, NULL, 3);
    char *buf = th_messages(dl);
    if (diag_error_count(dl) != 1)
        fail_msg("expected one error, got: %s", buf);
    if (!strstr(buf, "inv.yaml:8:5: error: more than 3 activity records"))
        fail_msg("unexpected messages: %s", buf);
    free(buf);
    inv_free(inv);
    diag_free(dl);
    assert_int_equal(th_rmdir(dir), 0);
    free(path);
    free(dir);
}

/* The About sheet's digest is taken while libyaml reads the file, including
 * what follows the document. Expected value from coreutils:
 * printf '<four_records>' | sha256sum. */
static void test_file_digest(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    assert_non_null(dir);
    char *path = th_write(dir, "inv.yaml", four_records);
    diag_list *dl = diag_new();
    inventory *inv = inv_load(path, dl, NULL);
    assert_non_null(inv);
    assert_int_equal(diag_error_count(dl), 0);
    assert_string_equal(inv->sha256, "b61187b08f258c49c9e934f275d748c2ccbe858bc86645bc20d6d7aa53c84d51");
    inv_free(inv);
    diag_free(dl);
    assert_int_equal(th_rmdir(dir), 0);
    free(path);
    free(dir);
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
        char *dir = th_tmpdir();
        assert_non_null(dir);
        char *path = th_write(dir, "inv.yaml", text);
        diag_list *dl = diag_new();
        inventory *inv = inv_load(path, dl, NULL);
        char *buf = th_messages(dl);
        const char *want = with_ids ? "inv.yaml:3005:5: error: duplicate record id 'r4' (also used by the record at line 9)"
                                    : "inv.yaml:3005:5: error: duplicate record: same category, fuel, amount, unit and "
                                      "source as the record at line 11";
        if (diag_error_count(dl) != 1 || !strstr(buf, want))
            fail_msg("expected one error '%s', got: %s", want, buf);
        assert_int_equal(inv->n, 3000);
        free(buf);
        inv_free(inv);
        diag_free(dl);
        assert_int_equal(th_rmdir(dir), 0);
        free(path);
        free(dir);
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
    };
    return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
