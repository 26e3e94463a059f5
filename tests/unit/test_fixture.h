/* test_fixture.h - the unit tests' shared inventory fixture: factor files and an inventory written from YAML text,
 * loaded and computed, and the lookups on its result. */
#ifndef GHG_TEST_FIXTURE_H
#define GHG_TEST_FIXTURE_H

#include "engine.h"
#include "inventory.h"
#include "test_helpers.h"

/* A GWP file for the tests: AR5 (the default) and SAR GWP-100 of CO2, CH4
 * and N2O, the values of factors/gwp.yaml (GHG Protocol GWP table 2016,
 * sources there); the refs g1..g3 are placeholders. */
static const char th_gwp_yaml[] = "gwp_sets:\n  - id: ar5\n    title: AR5\n    default: true\n    values:\n"
                                  "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 28, ref: g2}\n"
                                  "      - {gas: N2O, value: 265, ref: g3}\n"
                                  "  - id: sar\n    title: SAR\n    values:\n"
                                  "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 21, ref: g2}\n"
                                  "      - {gas: N2O, value: 310, ref: g3}\n";

/* The first three lines of every test inventory; `activities:` and the
 * records follow on line 4, so the first record is on line 5. */
#define TH_INV_HEAD "inventory: t\nyear: 2020\nfactor_sets: [%s]\n"

/* One inventory loaded and computed in a temporary folder. */
typedef struct {
    th_folder f;    /* inv.yaml, the factor files and the diagnostics */
    fset_db *db;    /* the factor sets read */
    inventory *inv; /* NULL when it did not load */
    eng_result *r;  /* NULL when loading or computing reported an error */
} th_run;

/* The inventory text TH_INV_HEAD with `sets`, then `body` (caller frees). */
static inline char *th_inventory_text(const char *sets, const char *body)
{
    size_t len = strlen(TH_INV_HEAD) + strlen(sets) + strlen(body) + 1;
    char *s = malloc(len);
    assert_non_null(s);
    snprintf(s, len, TH_INV_HEAD "%s", sets, body);
    return s;
}

/* Writes `files` (ended by {NULL, NULL}) and `inventory_yaml` as inv.yaml
 * into a new temporary folder, loads the inventory and, when it loaded
 * without an error, computes it with that folder as the only place for
 * factor sets and gwp.yaml. The result may be NULL: see th_need_ok. */
static inline th_run th_run_yaml(const th_file *files, const char *inventory_yaml)
{
    th_run t = {0};
    t.f = th_folder_new(files, "inv.yaml", inventory_yaml);
    t.db = fdb_new();
    t.inv = inv_load(t.f.path, t.f.dl, NULL);
    const char *dirs[] = {t.f.dir};
    if (t.inv && diag_error_count(t.f.dl) == 0)
        t.r = eng_run(t.inv, t.db, dirs, 1, t.f.dl, NULL);
    return t;
}

/* th_run_yaml on TH_INV_HEAD with `sets`, then `body`. */
static inline th_run th_run_sets(const th_file *files, const char *sets, const char *body)
{
    char *text = th_inventory_text(sets, body);
    th_run t = th_run_yaml(files, text);
    free(text);
    return t;
}

/* Fails the test, showing the messages, unless the inventory computed. */
static inline void th_need_ok(const th_run *t)
{
    if (t->r)
        return;
    char *m = th_messages(t->f.dl);
    char shown[4096];
    snprintf(shown, sizeof shown, "%s", m ? m : "(no memory)");
    free(m);
    fail_msg("inventory failed: %s", shown);
}

/* Fails the test unless the inventory was refused with a message that
 * contains `want`. */
static inline void th_need_refused(const th_run *t, const char *want)
{
    assert_null(t->r);
    th_need_message(t->f.dl, NULL, want);
}

/* The line of record `rec` for gas `g`; fails the test when there is none. */
static inline eng_line th_line(const th_run *t, size_t rec, gas_id g)
{
    eng_line l[GAS_COUNT];
    size_t n = eng_lines(t->r, rec, l);
    for (size_t i = 0; i < n; i++)
        if (l[i].gas == g)
            return l[i];
    fail_msg("record %zu has no line for gas %s", rec, gas_name(g));
    return l[0];
}

/* One expected value of a line: record `rec`'s line for `gas`, its member
 * `field`, the value worked out by hand and the tolerance (assert_close's). */
typedef struct {
    size_t rec;
    gas_id gas;
    th_field field;
    double want;
    double tol;
} th_line_want;

/* One expected value of the totals of the categories under `under` ("" for
 * all): the member of eng_cat_total, the value by hand and the tolerance. */
typedef struct {
    const char *under;
    th_field field;
    double want;
    double tol;
} th_total_want;

/* Checks every row of `rows` against the computed inventory. */
static inline void th_check_lines(const th_run *t, const th_line_want *rows, size_t n)
{
    th_need_ok(t);
    for (size_t i = 0; i < n; i++) {
        char what[96];
        snprintf(what, sizeof what, "row %zu: record %zu %s %s", i, rows[i].rec, gas_name(rows[i].gas),
                 rows[i].field.name);
        eng_line l = th_line(t, rows[i].rec, rows[i].gas);
        assert_close_what(th_value(&l, rows[i].field), rows[i].want, rows[i].tol, what);
    }
}

/* Checks every row of `rows` against eng_total_under. */
static inline void th_check_totals(const th_run *t, const th_total_want *rows, size_t n)
{
    th_need_ok(t);
    for (size_t i = 0; i < n; i++) {
        char what[96];
        snprintf(what, sizeof what, "row %zu: total under '%s' %s", i, rows[i].under, rows[i].field.name);
        eng_cat_total tot = eng_total_under(t->r, rows[i].under);
        assert_close_what(th_value(&tot, rows[i].field), rows[i].want, rows[i].tol, what);
    }
}

/* Frees everything and removes the folder. */
static inline void th_run_free(th_run *t)
{
    eng_free(t->r);
    inv_free(t->inv);
    fdb_free(t->db);
    th_folder_free(&t->f);
}

#endif
