/* fuzz_factor_set.c - libFuzzer harness: the input is a factor set file.
 * Loads it with fdb_load_set (which follows `extends:` into the repository's
 * factors folder) and, when it loads, computes a few fixed one-record
 * inventories against it (mass, volume and energy amounts, biomass, record
 * overrides, not_estimated, every GWP set), so the values the loader
 * accepted go through factor resolution and the method. The fixed
 * inventories are loaded once, at start; everything else is freed each run. */
#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "factors.h"
#include "fuzz_common.h"
#include "inventory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* One record each, searched only in the fuzzed set ("./fuzz.yaml" is a path
 * relative to the inventory, so the engine finds the set already loaded). */
static const char *const fz_fixed[] = {
    "inventory: f0\nyear: 2020\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 100, unit: TJ}\n",
    "inventory: f1\nyear: 2020\ngwp: ar6\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.2.a\", fuel: other_bituminous_coal, amount: 12.5, unit: 10^4 t}\n",
    "inventory: f2\nyear: 2020\ngwp: sar\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.3.b\", fuel: gas_diesel_oil, amount: 3000, unit: t}\n",
    "inventory: f3\nyear: 2020\ngwp: ar4\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.4.b\", fuel: natural_gas, amount: 2.5, unit: 10^8 m3}\n",
    "inventory: f4\nyear: 2020\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.4.c\", fuel: wood_wood_waste, amount: 40, unit: Gg}\n",
    "inventory: f5\nyear: 2020\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.1.b\", fuel: crude_oil, amount: 7, unit: 万吨, not_estimated: [n2o],\n"
    "     ncv: {value: 42, unit: GJ/t, source: lab}, oxidation: {value: 98, unit: \"%\", source: lab}}\n",
    "inventory: f6\nyear: 2020\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.2.c\", fuel: coke_oven_coke, amount: 1.5, unit: Mt}\n",
    "inventory: f7\nyear: 2020\nfactor_sets: [./fuzz.yaml]\nactivities:\n"
    "  - {category: \"1.A.4.a\", fuel: lpg, amount: 120, unit: tce}\n",
};
#define FZ_NFIXED (sizeof fz_fixed / sizeof *fz_fixed)
static char fz_fixed_path[FZ_NFIXED][600];
/* The fixed inventories never change: loaded once, so that each run spends
 * its time on the fuzzed set (eng_run takes them read-only). */
static inventory *fz_fixed_inv[FZ_NFIXED];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    for (size_t i = 0; i < FZ_NFIXED; i++) {
        char name[32];
        snprintf(name, sizeof name, "fixed-%zu.yaml", i);
        fz_write(name, (const uint8_t *)fz_fixed[i], strlen(fz_fixed[i]), fz_fixed_path[i], sizeof fz_fixed_path[i]);
        diag_list *dl = diag_new();
        fz_fixed_inv[i] = dl ? inv_load(fz_fixed_path[i], dl, NULL) : NULL;
        if (!fz_fixed_inv[i] || diag_error_count(dl) != 0)
            abort(); /* the harness itself is broken */
        diag_free(dl);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    fz_write("fuzz.yaml", data, size, path, sizeof path);
    /* The spelling the engine derives from the fixed inventories' folder. */
    char asked[700];
    snprintf(asked, sizeof asked, "%s/./fuzz.yaml", fz_dir());
    const char *dirs[2] = {fz_dir(), fz_factors()};
    diag_list *dl = diag_new();
    fset_db *db = fdb_new();
    if (!dl || !db) {
        diag_free(dl);
        fdb_free(db);
        return 0;
    }
    const fset *s = fdb_load_set(db, asked, dirs, 2, (src_loc){asked, 0, 0}, dl);
    fz_print(dl);
    if (s && diag_error_count(dl) == 0) {
        volatile double sink = 0;
        for (const fset *p = s; p; p = p->extends)
            for (size_t i = 0; i < p->n; i++)
                for (size_t k = 0; k < p->entries[i].nparams; k++)
                    sink += p->entries[i].params[k].v.value;
        for (size_t f = 0; f < FZ_NFIXED; f++) {
            diag_list *d2 = diag_new();
            const inventory *inv = fz_fixed_inv[f];
            if (d2) {
                eng_result *r = eng_run(inv, db, dirs, 2, d2, NULL);
                if (r) {
                    eng_line lines[GAS_COUNT];
                    for (size_t i = 0; i < inv->n; i++) {
                        size_t n = eng_lines(r, i, lines);
                        for (size_t k = 0; k < n; k++)
                            sink += lines[k].emission_t_co2e;
                    }
                    sink += eng_total_under(r, "").t_co2e;
                    const eng_hit *used;
                    size_t nu = eng_factors_used(r, &used);
                    for (size_t i = 0; i < nu; i++)
                        sink += used[i].v->value;
                }
                eng_free(r);
            }
            fz_print(d2);
            diag_free(d2);
        }
        (void)sink;
    }
    fdb_free(db);
    diag_free(dl);
    return 0;
}
