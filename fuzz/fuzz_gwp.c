/* fuzz_gwp.c - libFuzzer harness: the input is a gwp.yaml file. fdb_gwp finds
 * gwp.yaml in the scratch folder (it is read once per database) and is asked
 * for the default set and for each known id, and for one that does not exist.
 * Everything is freed. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "factors.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const ids[] = {NULL, "ar5", "ar6", "sar", "ar4", "ar7"};
    char path[600];
    fz_write("gwp.yaml", data, size, path, sizeof path);
    const char *dirs[1] = {fz_dir()};
    volatile double sink = 0;
    diag_list *dl = diag_new();
    fset_db *db = fdb_new();
    if (dl && db) {
        for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
            const gwp_set *g = fdb_gwp(db, ids[i], dirs, 1, (src_loc){path, 1, 1}, dl);
            if (g)
                for (int k = 0; k < GAS_COUNT; k++)
                    sink += isnan(g->gwp[k]) ? 0 : g->gwp[k] + (double)strlen(g->ref[k]);
        }
        const char **paths, **shas;
        size_t nf = fdb_files(db, &paths, &shas);
        for (size_t i = 0; i < nf; i++)
            sink += (double)strlen(paths[i]) + (double)strlen(shas[i]);
        fz_print(dl);
    }
    fdb_free(db);
    diag_free(dl);
    (void)sink;
    return 0;
}
