/* test_fsearch.c - unit tests for the factor search order: set precedence, category depth, ipcc_fuel, grids (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fsearch.h"
#include "test_helpers.h"

/* "country" extends "base"; the values are labels, not real factors: each
 * test row below names which entry must win. */
static const char base_set[] =
    "factor_set: base\ntitle: base\nsource: test\nfactors:\n"
    "  - fuel: coal\n    name_zh: 煤\n    ncv: {value: 20, unit: TJ/Gg, ref: b-ncv}\n    ch4: {value: 1, unit: kg/TJ, ref: b-ch4}\n"
    "  - fuel: coal\n    category: \"1.A.4\"\n    ch4: {value: 300, unit: kg/TJ, ref: b-ch4-14}\n"
    "  - fuel: coal\n    category: \"1.A.4.b\"\n    ch4: {value: 301, unit: kg/TJ, ref: b-ch4-14b}\n"
    "  - fuel: gas\n    name_zh: 燃气\n    ncv: {value: 48, unit: TJ/Gg, ref: b-ncv-mass}\n"
    "  - fuel: gas\n    ncv: {value: 38.931, unit: MJ/m3, ref: b-ncv-vol}\n    n2o: {value: 0.1, unit: kg/TJ, ref: b-n2o}\n"
    "  - fuel: wood\n    name_zh: 原煤\n    biogenic: true\n    ch4: {value: 30, unit: kg/TJ, ref: b-wood}\n"
    "  - fuel: electricity\n    name_zh: coal\n    grid: national\n    year: 2019\n"
    "    co2: {value: 0.6, unit: t/MWh, ref: g2019}\n"
    "  - fuel: electricity\n    grid: national\n    year: 2021\n    co2: {value: 0.55, unit: t/MWh, ref: g2021}\n"
    "  - fuel: electricity\n    grid: northeast\n    year: 2022\n    co2: {value: 0.56, unit: t/MWh, ref: g-ne}\n";

static const char country_set[] =
    "factor_set: country\ntitle: country\nsource: test\nextends: base\nfactors:\n"
    "  - fuel: coal\n    ch4: {value: 2, unit: kg/TJ, ref: c-ch4}\n"
    "  - fuel: raw_coal\n    name: \"Raw coal (原煤)\"\n    ipcc_fuel: coal\n    ncv: {value: 20.9, unit: GJ/t, ref: c-raw-ncv}\n"
    "    oxidation: {value: 98, unit: \"%\", ref: c-raw-ox}\n";

typedef struct {
    char *dir;
    fset_db *db;
    fs_order *o;
    diag_list *dl;
} fs_fix;

static int setup(void **state)
{
    fs_fix *f = calloc(1, sizeof *f);
    f->dir = th_tmpdir();
    free(th_write(f->dir, "base.yaml", base_set));
    free(th_write(f->dir, "country.yaml", country_set));
    f->db = fdb_new();
    f->o = fs_new();
    f->dl = diag_new();
    const char *names[] = {"country"};
    const src_loc at[] = {{"inv.yaml", 3, 15}};
    const char *dirs[] = {f->dir};
    assert_true(fs_load(f->o, f->db, names, at, 1, "inv.yaml", dirs, 1, f->dl));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fs_fix *f = *state;
    fs_free(f->o);
    fdb_free(f->db);
    diag_free(f->dl);
    assert_int_equal(th_rmdir(f->dir), 0);
    free(f->dir);
    free(f);
    return 0;
}

/* The order is the named set, then what it extends. */
static void order_and_text(void **state)
{
    fs_fix *f = *state;
    char buf[64];
    assert_int_equal(fs_count(f->o), 2);
    fs_text(f->o, buf, sizeof buf);
    assert_string_equal(buf, "country, base");
    assert_int_equal(fs_rank(f->o, fs_sets(f->o)[1]->id), 1);
}

/* Which entry's reference each lookup must return. */
static void lookups(void **state)
{
    fs_fix *f = *state;
    units_t t, m3;
    assert_int_equal(units_parse("t", &t, NULL, 0), UNITS_OK);
    assert_int_equal(units_parse("m3", &m3, NULL, 0), UNITS_OK);
    const struct {
        const char *key, *cat, *param;
        const units_t *unit;
        const char *ref; /* NULL: nothing applies */
    } rows[] = {
        {"coal", "1.A.1.a", "ch4", NULL, "c-ch4"},   /* the first set with a value wins over base's deeper ones */
        {"coal", "1.A.4.b", "ch4", NULL, "c-ch4"},   /* ... even where base has a more specific category */
        {"coal", "1.A.1", "ncv", NULL, "b-ncv"},     /* country has no NCV for coal: base's */
        {"gas", "1.A.1", "ncv", &t, "b-ncv-mass"},   /* an amount in t takes the NCV per mass */
        {"gas", "1.A.1", "ncv", &m3, "b-ncv-vol"},   /* an amount in m3 the NCV per volume */
        {"raw_coal", "1.A.4.b", "ch4", NULL, "c-ch4"}, /* no ch4 of its own: its ipcc_fuel coal's */
        {"raw_coal", "1.A.1", "ncv", NULL, "c-raw-ncv"},
        {"wood", "1.A.4", "co2", NULL, NULL},
        {"diesel", "1.A.4", "ch4", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        fs_hit h = fs_find(f->o, rows[i].key, rows[i].cat, rows[i].param, rows[i].unit, NULL);
        if (!rows[i].ref)
            assert_null(h.v);
        else {
            assert_non_null(h.v);
            assert_string_equal(h.v->ref, rows[i].ref);
        }
    }
}

/* Within one set the deeper category wins: only base is searched here. */
static void only_one_set(void **state)
{
    fs_fix *f = *state;
    const fset *base = fs_sets(f->o)[1];
    fs_hit h = fs_find(f->o, "coal", "1.A.4.b", "ch4", NULL, base);
    assert_string_equal(h.v->ref, "b-ch4-14b");
    h = fs_find(f->o, "coal", "1.A.4.c", "ch4", NULL, base);
    assert_string_equal(h.v->ref, "b-ch4-14");
    h = fs_find(f->o, "raw_coal", "1.A.1", "oxidation", NULL, base);
    assert_null(h.v); /* raw_coal's oxidation is in country, not base */
}

static void keys_and_flags(void **state)
{
    fs_fix *f = *state;
    assert_true(fs_known(f->o, "raw_coal"));
    assert_false(fs_known(f->o, "natual_gas"));
    assert_string_equal(fs_same_as(f->o, "raw_coal"), "coal");
    assert_int_equal(fs_biogenic(f->o, "wood"), 1);
    assert_int_equal(fs_biogenic(f->o, "coal"), -1);
    assert_string_equal(fs_first(f->o, "raw_coal", NULL)->set->id, "country");
    assert_null(fs_first(f->o, "gas", "co2"));
}

/* The grid factor of the year, else the latest earlier, else the earliest later. */
static void grid_years(void **state)
{
    fs_fix *f = *state;
    const struct {
        const char *grid;
        long year, used;
        const char *ref;
    } rows[] = {
        {NULL, 2021, 2021, "g2021"}, {NULL, 2020, 2019, "g2019"}, {NULL, 2025, 2021, "g2021"},
        {NULL, 2010, 2019, "g2019"}, {"northeast", 2020, 2022, "g-ne"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        long used = 0;
        fs_hit h = fs_find_grid(f->o, "electricity", rows[i].grid, rows[i].year, &used);
        assert_non_null(h.v);
        assert_string_equal(h.v->ref, rows[i].ref);
        assert_int_equal(used, rows[i].used);
    }
    long used = 0;
    assert_null(fs_find_grid(f->o, "electricity", "south", 2020, &used).v);
}

/* A key's Chinese name (name_zh:, or the Chinese part of name:) finds the
 * key's entries; the first set in the order wins a name two keys share, and
 * a key wins over a name spelled like it. */
static void chinese_names(void **state)
{
    fs_fix *f = *state;
    const struct {
        const char *written, *key;
    } rows[] = {
        {"原煤", "raw_coal"}, /* country's "Raw coal (原煤)" before base's wood, name_zh 原煤 */
        {"煤", "coal"},       /* base's name_zh */
        {"燃气", "gas"},
        {"coal", "coal"},     /* the key, not electricity's name_zh "coal" */
        {"raw_coal", "raw_coal"},
        {"泥炭", "泥炭"},     /* no set knows it: returned as written */
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        assert_string_equal(fs_canonical(f->o, rows[i].written), rows[i].key);
    /* every lookup takes the name as the key: NCV of raw coal, its ipcc_fuel, coal's CH4 in country */
    assert_string_equal(fs_find(f->o, "原煤", "1.A.1", "ncv", NULL, NULL).v->ref, "c-raw-ncv");
    assert_string_equal(fs_find(f->o, "原煤", "1.A.4.b", "ch4", NULL, NULL).v->ref, "c-ch4");
    assert_string_equal(fs_same_as(f->o, "原煤"), "coal");
    assert_true(fs_known(f->o, "燃气"));
    assert_false(fs_known(f->o, "泥炭"));
    const char *const *keys;
    assert_int_equal(fs_keys(f->o, &keys), 5); /* coal, raw_coal, gas, wood, electricity: names are no keys */
}

static void unknown_key_suggests(void **state)
{
    fs_fix *f = *state;
    fs_unknown(f->o, "raw_cool", "fuel", (src_loc){"inv.yaml", 9, 11}, f->dl);
    char *m = th_messages(f->dl);
    assert_string_equal(m, "inv.yaml:9:11: error: unknown fuel 'raw_cool' (did you mean 'raw_coal'?) in factor sets "
                           "country, base\n");
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(order_and_text, setup, teardown),
        cmocka_unit_test_setup_teardown(lookups, setup, teardown),
        cmocka_unit_test_setup_teardown(only_one_set, setup, teardown),
        cmocka_unit_test_setup_teardown(keys_and_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(grid_years, setup, teardown),
        cmocka_unit_test_setup_teardown(chinese_names, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_key_suggests, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
