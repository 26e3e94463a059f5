/* fuzz_inventory.c - libFuzzer harness: the input is an inventory file.
 * Loads it with inv_load and, when it loads cleanly, computes it with eng_run
 * against the repository's factors folder, reads every calculation line and
 * total back, and prints the diagnostics as the CLI would. The input's own
 * folder is searched first, so `factor_sets: [fuzz]` makes the input its own
 * factor set. Everything is freed: LeakSanitizer reports any leak. */
#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "factors.h"
#include "fuzz_common.h"
#include "inventory.h"

#define FZ_MAX_DIRS 40

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    fz_write("fuzz.yaml", data, size, path, sizeof path);
    diag_list *dl = diag_new();
    if (!dl)
        return 0;
    inventory *inv = inv_load(path, dl, NULL);
    fset_db *db = NULL;
    if (inv && diag_error_count(dl) == 0) {
        /* The CLI's order: the inventory's factor_dirs, then fixed folders. */
        const char *dirs[FZ_MAX_DIRS];
        size_t nd = 0;
        for (size_t i = 0; i < inv->ndirs && nd < FZ_MAX_DIRS - 2; i++)
            dirs[nd++] = inv->factor_dirs[i];
        dirs[nd++] = fz_dir();
        dirs[nd++] = fz_factors();
        db = fdb_new();
        eng_result *r = db ? eng_run(inv, db, dirs, nd, dl, NULL) : NULL;
        if (r) {
            volatile double sink = 0;
            eng_line lines[GAS_COUNT];
            for (size_t i = 0; i < inv->n; i++) {
                size_t n = eng_lines(r, i, lines);
                for (size_t k = 0; k < n; k++)
                    sink += lines[k].emission_t_co2e + lines[k].energy_tj;
            }
            const eng_cat_total *cats;
            size_t nc = eng_categories(r, &cats);
            for (size_t i = 0; i < nc; i++)
                sink += eng_total_under(r, cats[i].category).t_co2e;
            sink += eng_total_under(r, "").t_co2e + eng_total_under(r, "1.A.1").t_co2e;
            const eng_hit *used;
            size_t nu = eng_factors_used(r, &used);
            for (size_t i = 0; i < nu; i++)
                sink += used[i].v->value;
            const char **paths, **shas;
            size_t nf = fdb_files(db, &paths, &shas);
            for (size_t i = 0; i < nf; i++)
                sink += (double)strlen(paths[i]) + (double)strlen(shas[i]);
            eng_order o = eng_search_order(r);
            sink += (double)o.n + eng_gwp(r)->gwp[GAS_CH4];
            (void)sink;
        }
        eng_free(r);
    }
    /* Messages point at paths the database and inventory own: print first. */
    fz_print(dl);
    fdb_free(db);
    inv_free(inv);
    diag_free(dl);
    return 0;
}
