/* unc_testutil.h - loads and computes small test inventories (year t and a base year) for the uncertainty tests. */
#ifndef GHG_UNC_TESTUTIL_H
#define GHG_UNC_TESTUTIL_H

#include "engine.h"
#include "inventory.h"
#include "test_helpers.h"
#include "uncertainty.h"

/* Round test factors. Product method (categories outside 1.A): an amount
 * in t times `co2` in t CO2/t. "x" and "y" have no range; "u10" has +/-10 %
 * (uncertainty), "u4" +/-4 %, "asym" 0.5 .. 3 around 1 (lognormal),
 * "rec50" and "rec20" a recovery of 0.5 +/-20 % and 0.2 +/-10 %, "tri" a
 * triangular range 0.8 .. 1.3, "g1"/"g2" two factors in one correlation
 * group (+/-10 % each), "v10" another +/-10 % factor, "uni" uniform on
 * 0.9 .. 1.1, "zlow" 0 .. 2.5 around 1 (too wide below for a lognormal). Fuel "fx" burns with NCV 10 TJ/Gg, 100 t CO2/TJ,
 * 1 kg CH4/TJ and 1 kg N2O/TJ, none with a range. */
static const char unc_test_set[] =
    "factor_set: uset\ntitle: uncertainty test set\nsource: hand-written test values\nfactors:\n"
    "  - activity: x\n    co2: {value: 1, unit: t CO2/t, ref: t1}\n"
    "  - activity: y\n    co2: {value: 1, unit: t CO2/t, ref: t2}\n"
    "  - activity: u10\n    co2: {value: 1, unit: t CO2/t, uncertainty: 10%, ref: t3}\n"
    "  - activity: u4\n    co2: {value: 1, unit: t CO2/t, uncertainty: 4%, ref: t4}\n"
    "  - activity: asym\n    co2: {value: 1, unit: t CO2/t, lower: 0.5, upper: 3, ref: t5}\n"
    "  - activity: rec50\n    co2: {value: 1, unit: t CO2/t, ref: t6}\n"
    "    recovery: {value: 0.5, unit: \"1\", lower: 0.4, upper: 0.6, ref: t7}\n"
    "  - activity: rec20\n    co2: {value: 1, unit: t CO2/t, ref: t8}\n"
    "    recovery: {value: 0.2, unit: \"1\", uncertainty: 10%, ref: t9}\n"
    "  - activity: tri\n    co2: {value: 1, unit: t CO2/t, lower: 0.8, upper: 1.3, distribution: triangular, "
    "ref: t10}\n"
    "  - activity: g1\n    co2: {value: 1, unit: t CO2/t, uncertainty: 10%, group: lab, ref: t11}\n"
    "  - activity: g2\n    co2: {value: 1, unit: t CO2/t, uncertainty: 10%, group: lab, ref: t12}\n"
    "  - activity: v10\n    co2: {value: 1, unit: t CO2/t, uncertainty: 10%, ref: t17}\n"
    "  - activity: uni\n    co2: {value: 1, unit: t CO2/t, lower: 0.9, upper: 1.1, distribution: uniform, ref: t18}\n"
    "  - activity: zlow\n    co2: {value: 1, unit: t CO2/t, lower: 0, upper: 2.5, ref: t19}\n"
    "  - fuel: fx\n    ncv: {value: 10, unit: TJ/Gg, ref: t13}\n    co2: {value: 100000, unit: kg/TJ, ref: t14}\n"
    "    ch4: {value: 1, unit: kg/TJ, ref: t15}\n    n2o: {value: 1, unit: kg/TJ, ref: t16}\n";

static const char unc_test_gwp[] = "gwp_sets:\n  - id: ar5\n    title: AR5\n    default: true\n    values:\n"
                                   "      - {gas: CO2, value: 1, ref: g1}\n      - {gas: CH4, value: 28, ref: g2}\n"
                                   "      - {gas: N2O, value: 265, ref: g3}\n";

/* A computed inventory of year t and, optionally, its base year. */
typedef struct {
    char *dir;
    char *path[2];              /* kept: the diagnostics point at them */
    diag_list *dl;
    fset_db *db;
    inventory *inv[2];
    eng_result *r[2];
} ut_run;

/* Loads `records` (lines of an `activities:` list) of year t and, when
 * `base_records` is not NULL, of a base year, both with the test set. */
static inline ut_run ut_load(const char *records, const char *base_records)
{
    ut_run t = {0};
    t.dir = th_tmpdir();
    assert_non_null(t.dir);
    free(th_write(t.dir, "uset.yaml", unc_test_set));
    free(th_write(t.dir, "gwp.yaml", unc_test_gwp));
    t.dl = diag_new();
    t.db = fdb_new();
    const char *recs[2] = {records, base_records};
    for (int y = 0; y < 2 && recs[y]; y++) {
        size_t len = strlen(recs[y]) + 200;
        char *text = malloc(len);
        snprintf(text, len, "inventory: t%d\nyear: %d\nfactor_sets: [uset]\nactivities:\n%s", y, 2020 - 15 * y,
                 recs[y]);
        t.path[y] = th_write(t.dir, y ? "base.yaml" : "inv.yaml", text);
        free(text);
        t.inv[y] = inv_load(t.path[y], t.dl, NULL);
        const char *dirs[] = {t.dir};
        if (t.inv[y] && diag_error_count(t.dl) == 0)
            t.r[y] = eng_run(t.inv[y], t.db, dirs, 1, t.dl, NULL);
        if (!t.r[y]) {
            char *m = th_messages(t.dl);
            fail_msg("test inventory failed: %s", m);
        }
    }
    return t;
}

static inline void ut_done(ut_run *t)
{
    for (int y = 0; y < 2; y++) {
        eng_free(t->r[y]);
        inv_free(t->inv[y]);
        free(t->path[y]);
    }
    fdb_free(t->db);
    diag_free(t->dl);
    assert_int_equal(th_rmdir(t->dir), 0);
    free(t->dir);
}

/* The model of a run (with its base year when it has one). */
static inline unc_model *ut_model(const ut_run *t, const unc_opts *o)
{
    unc_model *m = unc_model_new(t->r[0], t->r[1], o, t->dl);
    assert_non_null(m);
    return m;
}

#endif
