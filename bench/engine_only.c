/* engine_only.c - ghgcalc's loader and engine without the writers: times
 * inv_load and eng_run separately and prints the total CO2e with %.17g, so a
 * benchmark can tell where ghgcalc's time goes (parse, compute, write).
 * usage: engine_only FILE.yaml [FACTORS_DIR] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "engine.h"
#include "factors.h"
#include "inventory.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: engine_only FILE.yaml [FACTORS_DIR]\n");
        return 2;
    }
    const char *dirs[1] = {argc > 2 ? argv[2] : "factors"};
    diag_list *dl = diag_new();
    double t0 = now();
    inventory *inv = inv_load(argv[1], dl, NULL);
    double t1 = now();
    if (!inv || diag_error_count(dl)) {
        diag_print(dl, stderr, false, 20);
        return 2;
    }
    fset_db *db = fdb_new();
    eng_result *r = eng_run(inv, db, dirs, 1, dl, NULL);
    double t2 = now();
    if (!r) {
        diag_print(dl, stderr, false, 20);
        return 2;
    }
    /* What a writer does per row: every calculation line once. */
    eng_line lines[GAS_COUNT];
    double s = 0;
    size_t nl = 0;
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(r, i, lines);
        nl += n;
        for (size_t k = 0; k < n; k++)
            s += lines[k].emission_t;
    }
    double t3 = now();
    eng_cat_total t = eng_total_under(r, "");
    printf("records %zu lines %zu t_co2e %.17g load_s %.3f engine_s %.3f lines_s %.3f (check %g)\n", inv->n, nl,
           t.t_co2e, t1 - t0, t2 - t1, t3 - t2, s);
    eng_free(r);
    fdb_free(db);
    inv_free(inv);
    diag_free(dl);
    return 0;
}
