/* fuzz_series.c - libFuzzer harness: the input is an intensity series (or a
 * targets file). ser_load reads it (and the targets file it names: the
 * input's own folder holds only the input, so `targets: fuzz.yaml` makes it
 * its own targets file); when it loads, ser_resolve finds the standard-coal
 * coefficients in the factors folder. The input is also read with
 * ser_load_targets, as `ghgcalc check` does for a targets file. Years may
 * name `inventory: inv.yaml`, a small inventory written beside the input. Diagnostics
 * are printed as the CLI does; everything is freed. */
#include <stddef.h>
#include <stdint.h>

#include "factors.h"
#include "fuzz_common.h"
#include "series.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Years name their inventory by path; the seeds use this one. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char inv[] = "inventory: inv\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
                              "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 100, unit: TJ}\n";
    char path[600];
    (void)argc;
    (void)argv;
    fz_write("inv.yaml", (const uint8_t *)inv, sizeof inv - 1, path, sizeof path);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    fz_write("fuzz.yaml", data, size, path, sizeof path);
    const char *dirs[2] = {fz_dir(), fz_factors()};
    volatile double sink = 0;
    diag_list *dl = diag_new();
    fset_db *db = fdb_new();
    ser_series *s = dl ? ser_load(path, dl) : NULL;
    if (s && db && diag_error_count(dl) == 0 && ser_resolve(s, db, dirs, 2, dl)) {
        for (size_t y = 0; y < s->nyears; y++) {
            sink += s->years[y].gdp.value * s->years[y].gdp_factor + (double)ser_year_index(s, s->years[y].year);
            for (size_t e = 0; e < s->years[y].nenergy; e++)
                sink += s->years[y].energy[e].amount * s->years[y].energy[e].sce_factor;
        }
        for (size_t t = 0; t < s->ntargets; t++)
            sink += s->targets[t].value_pct + (double)strlen(ser_indicator_name(s->targets[t].indicator));
    }
    fz_print(dl); /* before freeing: messages point at paths the series owns */
    ser_free(s);
    fdb_free(db);
    diag_free(dl);
    diag_list *d2 = diag_new();
    ser_series *t = d2 ? ser_load_targets(path, d2) : NULL;
    if (t && diag_error_count(d2) == 0)
        for (size_t i = 0; i < t->ntargets; i++)
            sink += t->targets[i].value_pct;
    fz_print(d2);
    ser_free(t);
    diag_free(d2);
    (void)sink;
    return 0;
}
