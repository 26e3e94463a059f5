/* test_scaling.c - the engine's cost per record does not grow with the records: lookups counted, not timed (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine.h"
#include "inventory.h"
#include "test_helpers.h"

static const char set_yaml[] =
    "factor_set: s\ntitle: s\nsource: test\nfactors:\n"
    "  - fuel: coal\n    ncv: {value: 20, unit: TJ/Gg, ref: t1}\n    co2: {value: 90000, unit: kg/TJ, ref: t2}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: t3}\n    n2o: {value: 1.5, unit: kg/TJ, ref: t4}\n";
static const char gwp_yaml[] = "gwp_sets:\n  - id: ar5\n    title: AR5\n    default: true\n    values:\n"
                               "      - {gas: CO2, value: 1, ref: g}\n      - {gas: CH4, value: 28, ref: g}\n"
                               "      - {gas: N2O, value: 265, ref: g}\n";

/* Computes an inventory of n records, each with its own Tier 2 NCV and CO2
 * factor (as plant measurements are), and returns the engine's lookup
 * probes; *used gets the number of distinct factors used. */
static size_t probes_for(const char *dir, size_t n, size_t *used)
{
    char path[512];
    snprintf(path, sizeof path, "%s/inv-%zu.yaml", dir, n);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "inventory: t\nyear: 2020\nfactor_sets: [s]\nactivities:\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  - {category: \"1.A.2.a\", fuel: coal, amount: %zu, unit: t, source: plant %zu,\n"
                   "     ncv: {value: %.4f, unit: GJ/t, source: lab}, co2: {value: %.1f, unit: kg/TJ, source: lab}}\n",
                i + 1, i, 20 + (double)i / n, 90000 + (double)i);
    fclose(f);
    diag_list *dl = diag_new();
    inventory *inv = inv_load(path, dl, NULL);
    fset_db *db = fdb_new();
    const char *dirs[] = {dir};
    eng_result *r = eng_run(inv, db, dirs, 1, dl, NULL);
    assert_int_equal(diag_error_count(dl), 0);
    assert_non_null(r);
    const eng_hit *h;
    *used = eng_factors_used(r, &h);
    size_t probes = eng_lookup_probes(r);
    /* The Factors row of each factor of each row, in first-use order: record
     * 0 notes its own NCV (0) and CO2 factor (1), then the set's CH4 (2) and
     * N2O (3); record i > 0 its own two at 2i + 2 and 2i + 3. The default
     * oxidation of 1 is no factor used: no row. */
    for (size_t i = 0; i < n; i++) {
        eng_line l[GAS_COUNT];
        assert_int_equal(eng_lines(r, i, l), 3);
        const eng_res *res = l[0].res;
        size_t own = i ? 2 * i + 2 : 0;
        assert_int_equal(eng_factor_index(r, res, &res->ncv), own);
        assert_int_equal(eng_factor_index(r, res, &res->ef[GAS_CO2]), own + 1);
        assert_int_equal(eng_factor_index(r, res, &res->ef[GAS_CH4]), 2);
        assert_int_equal(eng_factor_index(r, res, &res->ef[GAS_N2O]), 3);
        assert_true(eng_factor_index(r, res, &res->oxid) == (size_t)-1);
        assert_ptr_equal(h[own].v, res->ncv.v);
    }
    eng_free(r);
    fdb_free(db);
    inv_free(inv);
    diag_free(dl);
    return probes;
}

/* 10x the override records cost about 10x the lookups (and every factor's
 * row on Factors is found, eng_factor_index): each record uses
 * 2 factors of its own and the set's CH4 and N2O (4 lookups a record), so
 * 10^3 records use 2 x 10^3 + 2 distinct factors and 10^4 use 2 x 10^4 + 2.
 * A scan of the used list would make the ratio about 100. */
static void lookups_linear_in_overrides(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    free(th_write(dir, "s.yaml", set_yaml));
    free(th_write(dir, "gwp.yaml", gwp_yaml));
    size_t used3, used4;
    size_t p3 = probes_for(dir, 1000, &used3), p4 = probes_for(dir, 10000, &used4);
    assert_int_equal(used3, 2 * 1000 + 2);
    assert_int_equal(used4, 2 * 10000 + 2);
    /* The slots a probe looks at depend on the addresses hashed (they differ
     * between runs), so the ratio p4/p3 is only about 10. What makes the cost
     * linear is a bound per lookup that holds at both sizes: 4 lookups a
     * record, at most 3 slots looked at on average each (the table is at most
     * half full). A scan of the used list would look at about n/2 slots a
     * lookup: 4 x 10^4 x 10^4 / 2 = 2 x 10^8 at 10^4 records. */
    if (p3 > 3 * 4 * 1000 || p4 > 3 * 4 * 10000)
        fail_msg("lookups: %zu at 10^3 records, %zu at 10^4: more than 3 slots a lookup", p3, p4);
    print_message("lookups: %zu at 10^3 records, %zu at 10^4 (ratio %.2f)\n", p3, p4, (double)p4 / (double)p3);
    assert_int_equal(th_rmdir(dir), 0);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(lookups_linear_in_overrides)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
