/* fuzz_audit.c - libFuzzer harness: the input is an enterprise emission report
 * (docs/audit.md). aud_check loads it, recomputes it with the engine against
 * the factors folder (the report's own folder first, so its factor_dirs and
 * `factor_sets: [fuzz]` work) and applies every rule of the shipped rules
 * file; then the results table, the finding order, the status and deviation
 * and the risk order of a batch of one are read back, as the writers do, and
 * the load's diagnostics printed as `ghgcalc check` prints them. Everything
 * is freed: LeakSanitizer reports any leak. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "audit.h"
#include "factors.h"
#include "fuzz_common.h"

#ifndef GHG_FUZZ_RULES
#define GHG_FUZZ_RULES "rules/verification-default.yaml"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The rules, loaded once for every input (they are not what is fuzzed). */
static aud_rules *fz_rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    diag_list *dl = diag_new();
    fz_rules = dl ? aud_rules_load(GHG_FUZZ_RULES, dl) : NULL;
    if (!fz_rules || diag_error_count(dl)) {
        if (dl)
            diag_print(dl, stderr, false, 20);
        abort(); /* the harness cannot run without them */
    }
    diag_free(dl);
    return 0;
}

/* What the writers read of an audited report: every finding, every item, the order. */
static double fz_read_back(aud_enterprise *e)
{
    double sink = aud_deviation(e) + (double)aud_status_of(e) + (double)aud_count_at_least(e, AUD_WARNING);
    size_t *idx = malloc((e->nfind ? e->nfind : 1) * sizeof *idx);
    if (idx) {
        aud_finding_order(e, idx);
        for (size_t i = 0; i < e->nfind; i++)
            sink += (double)idx[i] + (isfinite(e->find[idx[i]].diff) ? e->find[idx[i]].diff : 0) +
                    (double)strlen(e->find[idx[i]].message ? e->find[idx[i]].message : "");
        free(idx);
    }
    aud_item *items = NULL;
    size_t n = aud_items(e, fz_rules->tolerance, &items);
    for (size_t i = 0; i < n; i++)
        sink += (double)items[i].consistent + (isfinite(items[i].verified) ? items[i].verified : 0);
    free(items);
    for (size_t i = 0; i < e->nrows; i++)
        sink += e->rows[i].line.emission_t;
    aud_enterprise *one[1] = {e};
    size_t order[1];
    aud_batch b = {fz_rules, one, 1, order, fz_rules->tolerance, AUD_ERROR};
    aud_batch_sort(&b);
    return sink + (double)aud_batch_count_at_least(&b, AUD_INFO);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    fz_write("fuzz.yaml", data, size, path, sizeof path);
    const char *dirs[2] = {fz_dir(), fz_factors()};
    fset_db *db = fdb_new();
    aud_enterprise *e = db ? aud_check(path, fz_rules, db, dirs, 2, NAN) : NULL;
    if (e) {
        volatile double sink = fz_read_back(e);
        (void)sink;
    }
    /* `check` prints a report's problems: load it again with a diagnostic list. */
    diag_list *dl = diag_new();
    aud_report *r = dl ? aud_load(path, dl) : NULL;
    fz_print(dl);
    aud_report_free(r);
    diag_free(dl);
    aud_enterprise_free(e);
    fdb_free(db);
    return 0;
}
