/* test_audit_load.c - the audit's report and rules loaders, its recomputation rows, and batches (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>

#include "audit.h"
#include "audit_int.h"
#include "test_helpers.h"

#define REL 1e-12
#define C_TO_CO2 (44.0 / 12.0)

typedef struct {
    aud_rules *rules;
    fset_db *db;
    char *dir;
} suite;

static int suite_setup(void **state)
{
    suite *s = calloc(1, sizeof *s);
    diag_list *dl = diag_new();
    s->rules = aud_rules_load("rules/verification-default.yaml", dl);
    s->db = fdb_new();
    s->dir = th_tmpdir();
    bool ok = s->rules && diag_error_count(dl) == 0 && s->dir;
    diag_free(dl);
    *state = s;
    return ok ? 0 : -1;
}

static int suite_teardown(void **state)
{
    suite *s = *state;
    aud_rules_free(s->rules);
    fdb_free(s->db);
    th_rmdir(s->dir);
    free(s->dir);
    free(s);
    return 0;
}

/* A small valid report with two months of coal: the first measured, the
 * second taking the factor set's defaults (china-energy bituminous_coal:
 * NCV 23.204 GJ/t, 0.02618 tC/GJ). Hand arithmetic:
 *   month 1: 100,000 t x 20.000 GJ/t = 2,000,000 GJ; 100,000 x 0.5240 x 44/12 x 0.99 = 190,212.00 t CO2
 *   month 2: 50,000 t x 23.204 = 1,160,200 GJ; x 0.02618 x 44/12 x 0.99 = 110,257.75 t CO2
 *   the year: 150,000 t; NCV 3,160,200 / 150,000 = 21.068 GJ/t;
 *   carbon (52,400 + 30,374.036) / 150,000 = 0.551827 tC/t; D = 82,774.036 / 3,160,200 = 0.0261927 tC/GJ */
static const char two_months[] =
    "report: t\n"
    "enterprise: {name: T, credit_code: \"91220201MA00000018\", industry: power}\n"
    "year: 2023\n"
    "factor_sets: [china-energy, ipcc2006-energy, china-grid]\n"
    "units:\n"
    "  - id: \"1#\"\n"
    "    fuels:\n"
    "      - fuel: bituminous_coal\n"
    "        unit: t\n"
    "        oxidation: 99%\n"
    "        months:\n"
    "          - {month: 1, amount: 100000, ncv: 20.000, ncv_how: self_tested, carbon: 0.5240, carbon_how: "
    "commissioned}\n"
    "          - {month: 2, amount: 50000, ncv_how: not_measured, carbon_how: not_measured}\n"
    "process:\n"
    "  - {id: clinker, kind: clinker, unit: 10^4 t, amount: 150, cao: 65%, mgo: 2%}\n"
    "purchased:\n"
    "  - {kind: electricity, amount: 100, unit: 10^4 kWh, grid: northeast}\n"
    "totals: {combustion: 300469.75, process: 797933.80, indirect: 512.20}\n";

/* The engine rows of a report: each month of a fuel is a record whose CO2
 * line shows the amount, NCV, energy, carbon factor and oxidation used. */
static void test_recompute_rows(void **state)
{
    const suite *s = *state;
    char *path = th_write(s->dir, "two.yaml", two_months);
    const char *dirs[] = {"factors"};
    aud_enterprise *e = aud_check(path, s->rules, s->db, dirs, 1, NAN);
    assert_true(e->readable && e->recomputed);
    assert_int_equal(e->nrows, 3); /* two months and the clinker */
    const eng_line *m1 = &e->rows[0].line, *m2 = &e->rows[1].line;
    assert_int_equal(e->rows[0].month, 1);
    assert_close(m1->energy_tj, 2000.0, REL); /* 100,000 t x 20 GJ/t = 2,000,000 GJ */
    assert_close(m1->ef, 0.5240 / 20.0, REL); /* D = B/C = 0.0262 tC/GJ */
    assert_close(m1->oxidation, 0.99, REL);
    assert_close(m1->emission_t, 100000 * 0.5240 * C_TO_CO2 * 0.99, 1e-9); /* 190,212.00 */
    assert_close(m2->ncv, 23.204, REL);                                    /* china-energy default */
    assert_close(m2->ef, 0.02618, REL);
    assert_close(m2->emission_t, 50000 * 23.204 * 0.02618 * C_TO_CO2 * 0.99, 1e-9); /* 110,257.75 */
    const aud_fuel *f = &e->rep->units[0].fuels[0];
    assert_close(f->calc.amount, 150000, REL);
    assert_close(f->calc.ncv, 3160200.0 / 150000, 1e-9); /* 21.068 GJ/t */
    assert_close(f->calc.carbon, (52400 + 1160200 * 0.02618) / 150000, 1e-9);
    assert_close(f->calc.carbon_per_heat, (52400 + 1160200 * 0.02618) / 3160200, 1e-9);
    /* clinker: 150 x 10^4 t x (0.65 x 44.009/56.077 + 0.02 x 44.009/40.304) = 797,933.80 t CO2 */
    double ef = 0.65 * 44.009 / 56.077 + 0.02 * 44.009 / 40.304;
    assert_close(e->rep->proc[0].calc.emission_t, 1500000 * ef, 1e-9);
    assert_close(e->rep->proc[0].calc.ef, ef, 1e-9); /* t CO2 per t */
    /* electricity: 100 x 10^4 kWh = 1000 MWh x 0.5122 t CO2/MWh (Northeast 2023) = 512.20 t CO2 */
    assert_close(e->rep->energy[0].calc.emission_t, 512.2, 1e-9);
    assert_close(e->rep->energy[0].calc.ef, 0.5122, 1e-12);
    /* the total with indirect (the report declares totals.indirect) */
    assert_close(e->recomputed_t, 190212.0 + 50000 * 23.204 * 0.02618 * C_TO_CO2 * 0.99 + 1500000 * ef + 512.2, 1e-9);
    aud_enterprise_free(e);
    free(path);
}

/* The results table (CETS-VG annex 1): each reported item beside its
 * verified value, with the rule of the finding at it. */
static void test_result_items(void **state)
{
    const suite *s = *state;
    char *path = th_write(s->dir, "items.yaml",
                          "report: t\nenterprise: {name: T, credit_code: \"91220201MA00000018\", industry: power}\n"
                          "year: 2023\nfactor_sets: [china-energy]\nunits:\n  - id: \"1#\"\n    emissions: 187500\n"
                          "    fuels:\n      - {fuel: bituminous_coal, unit: t, amount: 100000, ncv: 20.000, "
                          "carbon: 0.5240, oxidation: 99%, emissions: 187500}\n");
    const char *dirs[] = {"factors"};
    aud_enterprise *e = aud_check(path, s->rules, s->db, dirs, 1, NAN);
    aud_item *it;
    size_t n = aud_items(e, 0.005, &it);
    assert_int_equal(n, 6 + 5 + 4); /* C.3 A-F, C.4 M-Q, four totals */
    assert_string_equal(it[0].code, "A");
    assert_close(it[0].reported, 100000, REL);
    assert_close(it[0].verified, 100000, REL);
    assert_true(it[0].consistent);
    assert_string_equal(it[3].code, "D"); /* not declared: verified B/C = 0.5240 / 20.000 = 0.0262 */
    assert_true(isnan(it[3].reported));
    assert_close(it[3].verified, 0.0262, 1e-12);
    /* F: 187,500 declared; 100,000 x 0.5240 x 44/12 x 0.99 = 190,212.00 (1.43 % off) */
    assert_string_equal(it[5].code, "F");
    assert_close(it[5].verified, 190212.0, 1e-9);
    assert_false(it[5].consistent);
    assert_non_null(it[5].reason);
    assert_string_equal(it[5].reason, "recompute.source");
    assert_int_equal(it[5].at.line, 9);
    free(it);
    aud_enterprise_free(e);
    free(path);
}

/* The meter adjustments of CETS-VG 3.4.1.1 and 3.4.1.4, by row. */
static void test_meter_factor(void **state)
{
    (void)state;
    const unsigned q4 = (1u << 10) | (1u << 11) | (1u << 12);
    const struct {
        aud_meter m;
        int month;
        bool production;
        double want;
    } rows[] = {
        {{AUD_CAL_NEVER, 0.005, NAN, 0, {0}}, 0, false, 1.005}, /* x (1 + 0.5 %) */
        {{AUD_CAL_NEVER, 0.005, NAN, 0, {0}}, 0, true, 0.995},  /* production: x (1 - 0.5 %) */
        {{AUD_CAL_OK, 0.005, 0.015, 0, {0}}, 0, false, 1.010},  /* x [1 + (1.5 % - 0.5 %)] */
        {{AUD_CAL_OK, 0.005, 0.015, 0, {0}}, 0, true, 0.990},
        {{AUD_CAL_OK, 0.005, 0.003, 0, {0}}, 0, false, 1.0},      /* within the requirement */
        {{AUD_CAL_LATE, 0.005, NAN, q4, {0}}, 11, false, 1.005},  /* an uncovered month */
        {{AUD_CAL_LATE, 0.005, NAN, q4, {0}}, 3, false, 1.0},     /* a covered month */
        {{AUD_CAL_LATE, 0.005, NAN, q4, {0}}, 0, false, 1.00125}, /* the year: 1 + 0.5 % x 3/12 */
        {{AUD_CAL_UNKNOWN, 0.005, NAN, 0, {0}}, 0, false, 1.0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        assert_close(aud_meter_factor(&rows[i].m, rows[i].month, rows[i].production), rows[i].want, 1e-12);
}

/* Report loader errors: message and position. */
static void test_load_errors(void **state)
{
    const suite *s = *state;
    static const char head[] =
        "report: t\nenterprise: {name: T, credit_code: \"91220201MA00000018\", industry: power}\n"
        "year: 2023\nfactor_sets: [china-energy]\n";
    const struct {
        const char *tail, *message;
        unsigned line, col;
    } rows[] = {
        {"yaer: 2023\nunits: []\n", "unknown key 'yaer' in a report (did you mean 'year'?)", 5, 1},
        {"units:\n  - {id: a, product: chp2}\n", "unknown product 'chp2'", 6, 22},
        {"units:\n  - id: a\n    fuels:\n      - {fuel: coal, unit: GJ, amount: 1}\n",
         "the amount of a fuel is a mass (t) or a volume (10^4 Nm3), not 'GJ'", 8, 28},
        {"units:\n  - id: a\n    fuels:\n      - {fuel: coal, unit: t, months: [{month: 13, amount: 1}]}\n",
         "'month' must be a whole number from 1 to 12, got 13", 8, 48},
        {"units:\n  - id: a\n    fuels:\n      - {fuel: coal, unit: t, months: [{month: 2, amount: 1, "
         "sampled: 2023-02-30}]}\n",
         "'sampled' must be a date written YYYY-MM-DD, such as 2023-01-31, got '2023-02-30'", 8, 71},
        {"units:\n  - id: a\n    fuels:\n      - {fuel: coal, unit: t, amount: \"100\"}\n",
         "'amount' must be a number, got the text \"100\" (remove the quotes)", 8, 39},
        {"process:\n  - {kind: clincker, unit: t, amount: 1}\n", "(did you mean 'clinker'?)", 6, 12},
        {"units:\n  - id: a\n    fuels:\n      - {fuel: coal, unit: t, amount: 1, meter: {calibration: late, "
         "required_accuracy: 1%}}\n",
         "a late calibration needs 'uncovered_months'", 8, 49},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        size_t len = strlen(head) + strlen(rows[i].tail) + 1;
        char *text = malloc(len);
        snprintf(text, len, "%s%s", head, rows[i].tail);
        char *path = th_write(s->dir, "bad.yaml", text);
        diag_list *dl = diag_new();
        aud_report *r = aud_load(path, dl);
        char *msg = th_messages(dl), want[64];
        snprintf(want, sizeof want, "bad.yaml:%u:%u: error: ", rows[i].line, rows[i].col);
        if (!strstr(msg, rows[i].message) || !strstr(msg, want))
            fail_msg("row %zu: want '%s' at %s, got:\n%s", i, rows[i].message, want, msg);
        free(msg);
        aud_report_free(r);
        diag_free(dl);
        free(path);
        free(text);
    }
}

/* Rules file errors: message and position. */
static void test_rules_errors(void **state)
{
    const suite *s = *state;
    static const char head[] = "rule_set: t\ntolerance: {value: 0.5, unit: \"%\"}\n";
    const struct {
        const char *text, *message;
        unsigned line, col;
    } rows[] = {
        {"rules:\n  - {id: recompute.sources, severity: error, category: data, message: m, source: s}\n",
         "unknown rule 'recompute.sources' (did you mean 'recompute.source'?)", 4, 10},
        {"rules:\n  - {id: recompute.source, severity: fatal, category: data, message: m, source: s}\n",
         "unknown severity 'fatal': use one of info, warning, error", 4, 38},
        {"rules:\n  - {id: range.gas_ncv, severity: error, category: data, message: m, source: s, "
         "rows: [{fuel_class: gases, low: 1}]}\n",
         "fuel class 'gases' is not defined under 'fuel_classes:'", 4, 101},
        {"rules:\n  - {id: sum.total, severity: error, category: data, message: m, source: s}\n"
         "  - {id: sum.total, severity: error, category: data, message: m, source: s}\n",
         "rule 'sum.total' is given twice (also at line 4)", 5, 5},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        size_t len = strlen(head) + strlen(rows[i].text) + 1;
        char *text = malloc(len);
        snprintf(text, len, "%s%s", head, rows[i].text);
        char *path = th_write(s->dir, "rules.yaml", text);
        diag_list *dl = diag_new();
        aud_rules *rs = aud_rules_load(path, dl);
        char *msg = th_messages(dl), want[64];
        snprintf(want, sizeof want, "rules.yaml:%u:%u: error: ", rows[i].line, rows[i].col);
        if (!strstr(msg, rows[i].message) || !strstr(msg, want))
            fail_msg("row %zu: want '%s' at %s, got:\n%s", i, rows[i].message, want, msg);
        free(msg);
        aud_rules_free(rs);
        diag_free(dl);
        free(path);
        free(text);
    }
}

/* The number of findings of `rule` in `e`. */
static size_t count_rule(const aud_enterprise *e, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < e->nfind; i++)
        n += strcmp(e->find[i].rule_id, rule) == 0;
    return n;
}

/* The thresholds come from the rules file (or --tolerance): F declared
 * 1.43 % off its recomputed value fires under 0.5 %, not under 2 %; a
 * rule the file disables is not checked. */
static void test_thresholds_from_file(void **state)
{
    const suite *s = *state;
    char *rep = th_write(s->dir, "two.yaml", two_months);
    char *rules = th_write(s->dir, "r.yaml",
                           "rule_set: t\ntolerance: {value: 2, unit: \"%\"}\nrules:\n"
                           "  - {id: recompute.total, severity: error, category: data, message: m, source: s}\n"
                           "  - {id: basic.credit_code, severity: error, category: data, message: m, source: s, "
                           "enabled: false}\n");
    diag_list *dl = diag_new();
    aud_rules *rs = aud_rules_load(rules, dl);
    assert_int_equal(diag_error_count(dl), 0);
    const char *dirs[] = {"factors"};
    /* combustion declared 300,469.75 = 190,212.00 + 110,257.75: consistent; process 797,933.80 consistent;
     * indirect declared 512.20: consistent. Make the total 1.43 % off: */
    aud_enterprise *e = aud_check(rep, rs, s->db, dirs, 1, NAN);
    assert_int_equal(count_rule(e, "recompute.total"), 0);
    aud_enterprise_free(e);
    free(rep);
    rep = th_write(s->dir, "two.yaml",
                   "report: t\nenterprise: {name: T, credit_code: \"x\", industry: power}\n"
                   "year: 2023\nfactor_sets: [china-energy]\nunits:\n  - id: a\n    fuels:\n"
                   "      - {fuel: bituminous_coal, unit: t, amount: 100000, ncv: 20.000, "
                   "carbon: 0.5240, oxidation: 99%, emissions: 187500}\n"
                   "totals: {emissions: 187500}\n");
    /* 187,500 against 190,212.00: 1.43 % off */
    e = aud_check(rep, rs, s->db, dirs, 1, NAN); /* the file's 2 % */
    assert_int_equal(count_rule(e, "recompute.total"), 0);
    assert_int_equal(count_rule(e, "basic.credit_code"), 0); /* disabled: "x" is no credit code */
    aud_enterprise_free(e);
    e = aud_check(rep, rs, s->db, dirs, 1, 0.01); /* --tolerance 1% */
    assert_int_equal(count_rule(e, "recompute.total"), 1);
    assert_close(e->find[0].declared, 187500, REL);
    assert_close(e->find[0].verified, 100000 * 0.5240 * C_TO_CO2 * 0.99, 1e-9);
    aud_enterprise_free(e);
    aud_rules_free(rs);
    diag_free(dl);
    free(rep);
    free(rules);
}

/* A report the engine cannot recompute (a material no factor set knows,
 * without a factor of its own) is a finding at the source's position. */
static void test_not_recomputable(void **state)
{
    const suite *s = *state;
    char *rep = th_write(s->dir, "nr.yaml",
                         "report: t\nenterprise: {name: T, credit_code: \"91220201MA00000018\", industry: cement}\n"
                         "year: 2023\nfactor_sets: [china-energy]\n"
                         "process:\n  - {kind: carbonate, material: mystery_stone, unit: t, amount: 10}\n");
    const char *dirs[] = {"factors"};
    aud_enterprise *e = aud_check(rep, s->rules, s->db, dirs, 1, NAN);
    assert_true(e->readable);
    assert_false(e->recomputed);
    assert_int_equal(count_rule(e, "report.not_recomputable"), 1);
    const aud_finding *f = &e->find[0];
    assert_string_equal(f->rule_id, "report.not_recomputable");
    assert_non_null(strstr(f->message, "unknown fuel 'mystery_stone'"));
    assert_int_equal(f->at.line, 6);
    assert_int_equal(f->at.col, 12); /* the kind's value: the source the material belongs to */
    aud_enterprise_free(e);
    free(rep);
}

/* A batch with an unreadable report: that report becomes findings at its
 * file:line:col; the reports around it are still checked. */
static void test_batch_with_unreadable(void **state)
{
    const suite *s = *state;
    const char *paths[] = {"inventories/enterprises/coal-power-clean.yaml",
                           "inventories/enterprises/unreadable-faulty.yaml",
                           "inventories/enterprises/cement-faulty.yaml"};
    const char *dirs[] = {"factors"};
    aud_enterprise *e[3];
    for (size_t i = 0; i < 3; i++)
        e[i] = aud_check(paths[i], s->rules, s->db, dirs, 1, NAN);
    assert_true(e[0]->readable && e[0]->recomputed);
    assert_int_equal(aud_count_at_least(e[0], AUD_WARNING), 0);
    assert_false(e[1]->readable);
    assert_null(e[1]->rep);
    assert_int_equal(e[1]->nfind, 2);
    assert_string_equal(e[1]->find[0].rule_id, "report.unreadable");
    assert_string_equal(e[1]->find[0].at.file, paths[1]);
    assert_int_equal(e[1]->find[0].at.line, 16); /* yaer: 2023 */
    assert_int_equal(e[1]->find[0].at.col, 1);
    assert_int_equal(e[1]->find[1].at.line, 29); /* the unclosed flow mapping, where libyaml notices it */
    assert_true(e[2]->readable && e[2]->recomputed);
    assert_int_equal(count_rule(e[2], "range.grid_factor"), 1);
    for (size_t i = 0; i < 3; i++)
        aud_enterprise_free(e[i]);
}

/* The shipped examples: every clean report is clean at warning level, and
 * the faulty ones together fire every rule the program knows. */
static void test_shipped_examples(void **state)
{
    const suite *s = *state;
    const char *dir = "inventories/enterprises";
    DIR *d = opendir(dir);
    assert_non_null(d);
    bool fired[64] = {false}, unreadable = false;
    struct dirent *de;
    const char *dirs[] = {"factors"};
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        aud_enterprise *e = aud_check(path, s->rules, s->db, dirs, 1, NAN);
        if (strstr(de->d_name, "-clean.yaml") && aud_count_at_least(e, AUD_WARNING))
            fail_msg("%s: %zu findings at warning level: %s", path, aud_count_at_least(e, AUD_WARNING),
                     e->find[0].message);
        for (size_t i = 0; strstr(de->d_name, "-faulty.yaml") && i < e->nfind; i++) {
            unreadable = unreadable || strcmp(e->find[i].rule_id, "report.unreadable") == 0;
            for (size_t k = 0; aud_rule_id_at(k); k++)
                fired[k] = fired[k] || strcmp(e->find[i].rule_id, aud_rule_id_at(k)) == 0;
        }
        aud_enterprise_free(e);
    }
    closedir(d);
    assert_true(unreadable);
    for (size_t k = 0; aud_rule_id_at(k); k++)
        if (!fired[k])
            fail_msg("no faulty example fires %s", aud_rule_id_at(k));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recompute_rows),   cmocka_unit_test(test_result_items),
        cmocka_unit_test(test_meter_factor),     cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_rules_errors),     cmocka_unit_test(test_thresholds_from_file),
        cmocka_unit_test(test_not_recomputable), cmocka_unit_test(test_batch_with_unreadable),
        cmocka_unit_test(test_shipped_examples),
    };
    return cmocka_run_group_tests(tests, suite_setup, suite_teardown);
}
