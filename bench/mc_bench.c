/* mc_bench.c - times ghgcalc's Monte Carlo (umc_run) alone on an inventory and its base year, and exports the
 * model for bench/python_mc.py, so that both run the same model in the same go.
 * usage: mc_bench FILE.yaml ITERATIONS THREADS [FACTORS_DIR] [--export MODEL.json]
 * prints: one line of key=value pairs (inputs, draws per iteration, lines, wall and CPU seconds, samples per
 * second per core, the total's mean and 95 % interval). A sample is one input value drawn in one iteration
 * (umc_result.draws), per second of CPU time summed over the threads. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unc_mc.h"
#include "uncertainty.h"

/* Loads and computes `path` into db; NULL (messages printed) on error. */
static eng_result *load(const char *path, const char *dir, fset_db *db, inventory **inv)
{
    diag_list *dl = diag_new();
    const char *dirs[1] = {dir};
    *inv = inv_load(path, dl, NULL);
    eng_result *r = *inv && !diag_error_count(dl) ? eng_run(*inv, db, dirs, 1, dl, NULL) : NULL;
    if (!r || diag_error_count(dl))
        diag_print(dl, stderr, false, 20);
    diag_free(dl);
    return r;
}

/* Writes the model as JSON: every input's distribution of r and f = alpha + beta r, every line's nominal
 * t CO2e, row, year and inputs. */
static void export_model(const unc_model *m, const umc_result *res, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return;
    }
    const unc_input *in;
    const unc_line *lines;
    size_t nin = unc_model_inputs(m, &in), nl = unc_model_lines(m, &lines);
    const uint32_t *lin = unc_model_line_inputs(m);
    const unc_row_key *keys;
    size_t nrows = unc_model_rows(m, &keys);
    static const char *const kind[] = {"fixed", "normal", "lognormal", "triangular", "uniform"};
    fprintf(f, "{\"draws_per_iteration\": %.17g, \"rows\": %zu, \"inputs\": [", (double)res->draws / (double)res->iterations,
            nrows);
    for (size_t i = 0; i < nin; i++) {
        const rng_dist *d = &in[i].r;
        const char *k = (size_t)d->kind < sizeof kind / sizeof *kind ? kind[d->kind] : "fixed";
        fprintf(f, "%s\n {\"kind\": \"%s\", \"a\": %.17g, \"b\": %.17g, \"c\": %.17g, \"alpha\": %.17g, "
                "\"beta\": %.17g, \"stream\": %u}", i ? "," : "", k, d->a, d->b, d->c, in[i].alpha, in[i].beta,
                in[i].stream);
    }
    fputs("],\n\"lines\": [", f);
    for (size_t i = 0; i < nl; i++) {
        fprintf(f, "%s\n {\"t\": %.17g, \"row\": %u, \"base\": %s, \"in\": [", i ? "," : "", lines[i].t_co2e,
                lines[i].row, lines[i].year == UNC_BASE ? "true" : "false");
        for (uint32_t k = 0; k < lines[i].n; k++)
            fprintf(f, "%s%u", k ? ", " : "", lin[lines[i].first + k]);
        fputs("]}", f);
    }
    fprintf(f, "],\n\"c_mean\": %.17g, \"c_p025\": %.17g, \"c_p975\": %.17g}\n", res->total.mean, res->total.p025,
            res->total.p975);
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mc_bench FILE.yaml ITERATIONS THREADS [FACTORS_DIR] [--export MODEL.json]\n");
        return 2;
    }
    const char *dir = argc > 4 && strcmp(argv[4], "--export") != 0 ? argv[4] : "factors", *exp = NULL;
    for (int i = 4; i + 1 < argc; i++)
        if (strcmp(argv[i], "--export") == 0)
            exp = argv[i + 1];
    fset_db *db = fdb_new();
    inventory *inv = NULL, *binv = NULL;
    eng_result *r = load(argv[1], dir, db, &inv), *b = NULL;
    if (!r)
        return 2;
    if (inv->base_path) { /* relative to the inventory's folder */
        char path[4096];
        const char *slash = strrchr(inv->path, '/');
        snprintf(path, sizeof path, "%.*s%s", slash ? (int)(slash - inv->path + 1) : 0, inv->path, inv->base_path);
        if (!(b = load(path, dir, db, &binv)))
            return 2;
    }
    unc_model *m = unc_model_new(r, b, NULL, NULL);
    umc_opts o = {.seed = 20060101u, .iterations = strtoull(argv[2], NULL, 10), .threads = (unsigned)atoi(argv[3])};
    umc_result res;
    if (!m || !umc_run(m, &o, &res))
        return 3;
    const unc_input *in;
    const unc_line *lines;
    size_t nin = unc_model_inputs(m, &in), nl = unc_model_lines(m, &lines);
    printf("records %zu base_records %zu inputs %zu draws_per_iter %.0f lines %zu iterations %llu threads %u "
           "wall_s %.4f cpu_s %.4f samples_per_s_per_core %.4g mean %.17g p025 %.17g p975 %.17g\n",
           inv->n, binv ? binv->n : 0, nin, (double)res.draws / (double)res.iterations, nl,
           (unsigned long long)res.iterations, res.threads, res.wall_seconds, res.cpu_seconds,
           (double)res.draws / res.cpu_seconds, res.total.mean, res.total.p025, res.total.p975);
    if (exp)
        export_model(m, &res, exp);
    umc_result_free(&res);
    unc_model_free(m);
    eng_free(b);
    eng_free(r);
    inv_free(binv);
    inv_free(inv);
    fdb_free(db);
    return 0;
}
