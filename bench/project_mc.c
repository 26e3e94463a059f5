/* project_mc.c - the projection Monte Carlo on its own: loads and binds a scenario file as `ghgcalc project` does,
 * times prj_mc_run on 1 and on 2 threads, and writes the bound model, every iteration's parameter draws and the
 * summary, so that bench/python_project.py can run the same model with numpy on the same draws and check it.
 * usage: project_mc SCENARIOS.yaml OUTDIR ITERATIONS [SEED] [REPEAT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_project.h"
#include "projection.h"

/* Wall and process CPU seconds. */
static double wall_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}
static double cpu_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* A path as JSON: {"kind", "geometric", "years", "params"}, or null. */
static void dump_path(FILE *f, const prj_path *p)
{
    if (p->kind == PRJ_PATH_NONE) {
        fputs("null", f);
        return;
    }
    fprintf(f, "{\"kind\": %d, \"geometric\": %d, \"years\": [", (int)p->kind, p->geometric);
    for (size_t i = 0; i < p->n; i++)
        fprintf(f, "%s%ld", i ? ", " : "", p->year[i]);
    fputs("], \"params\": [", f);
    for (size_t i = 0; i < p->n; i++)
        fprintf(f, "%s%zu", i ? ", " : "", p->param[i]);
    fputs("]}", f);
}

/* An index or PRJ_NONE as -1. */
static long idx(size_t i) { return i == PRJ_NONE ? -1 : (long)i; }

/* n indices as a JSON array. */
static void dump_idx(FILE *f, const size_t *v, size_t n)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%ld", i ? ", " : "", idx(v[i]));
    fputc(']', f);
}

/* n doubles as a JSON array. */
static void dump_num(FILE *f, const double *v, size_t n)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%.17g", i ? ", " : "", v[i]);
    fputc(']', f);
}

static void dump_lines(FILE *f, const prj_model *m)
{
    fputs(",\n\"lines\": [", f);
    for (size_t li = 0; li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        fprintf(f, "%s\n {\"kind\": %d, \"E0\": %.17g, \"M0\": %.17g, \"gases\": %u, \"memo\": %u, \"sink\": %d, "
                   "\"energy_use\": %d, \"project\": %ld, \"net_import\": %d, \"e0\": ",
                li ? "," : "", (int)l->kind, l->energy0_tj, l->amount0, l->gases, l->memo, l->sink, l->energy_use,
                idx(l->project), l->net_import);
        dump_num(f, l->e0, GAS_COUNT);
        fputs(", \"ef0\": ", f);
        dump_num(f, l->ef0, GAS_COUNT);
        fputc('}', f);
    }
    fputc(']', f);
}

static void dump_entries(FILE *f, const prj_plan *p)
{
    static const char *const names[PRJ_NENTRY] = {"activity", "efficiency", "mix", "ef", "energy"};
    for (int k = 0; k < PRJ_NENTRY; k++) {
        fprintf(f, ", \"%s\": [", names[k]);
        for (size_t i = 0; i < p->sc->nentry[k]; i++) {
            const prj_entry *e = p->sc->entry[k][i];
            fprintf(f, "%s{\"path\": ", i ? ", " : "");
            dump_path(f, &e->path);
            fprintf(f, ", \"unit\": %d, \"elasticity\": %ld, \"limit\": %d", e->unit_text != NULL, idx(e->elasticity),
                    (int)e->limit);
            if (k == PRJ_E_ACTIVITY) {
                fputs(", \"drivers\": ", f);
                dump_idx(f, p->act_drivers[i], e->ndrivers);
                fprintf(f, ", \"act_base\": %.17g", p->act_base[i]);
            }
            if (k == PRJ_E_MIX)
                fprintf(f, ", \"p0\": %.17g", p->mix_p0[i]);
            fputc('}', f);
        }
        fputc(']', f);
    }
}

static void dump_measure(FILE *f, const prj_bmeasure *b)
{
    const prj_measure *me = b->m;
    fprintf(f, "{\"type\": %d, \"to_elec\": %d, \"has_to\": %d, \"by_energy\": %d, \"amount_scale\": %.17g, "
               "\"share\": %ld, \"amount\": %ld, \"availability\": %ld, \"ratio\": %ld, \"start\": %ld, \"full\": %ld",
            (int)me->type, b->to_elec, me->to_fuel != NULL, b->by_energy, b->amount_scale, idx(me->share),
            idx(me->amount), idx(me->availability), idx(me->ratio), me->start, me->full);
    fputs(", \"share_path\": ", f);
    dump_path(f, &me->share_path);
    fputs(", \"growth\": ", f);
    dump_path(f, &me->growth);
    fputs(", \"lines\": ", f);
    dump_idx(f, b->lines, b->nlines);
    fputs(", \"qconv\": ", f);
    dump_num(f, b->qconv ? b->qconv : (const double[]){0}, b->qconv ? b->nlines : 0);
    fputs(", \"to\": ", f);
    dump_idx(f, b->to, b->nto);
    fputs(", \"to_w\": ", f);
    dump_num(f, b->to_w, b->nto);
    fputc('}', f);
}

static void dump_plan(FILE *f, const prj_model *m, const prj_plan *p)
{
    fputs("\n {\"drivers\": [", f);
    for (size_t k = 0; k < p->ndrivers; k++) {
        const prj_driver *d = p->driver[k];
        fprintf(f, "%s{\"base_param\": %ld, \"base\": %.17g, \"scale\": %.17g, \"path\": ", k ? ", " : "",
                d ? idx(d->base) : -1, p->driver_base[k], d ? d->scale : 1.0);
        if (d)
            dump_path(f, &d->path);
        else
            fputs("null", f);
        fputc('}', f);
    }
    fputc(']', f);
    dump_entries(f, p);
    fputs(",\n  \"act\": ", f);
    dump_idx(f, p->act, m->nlines);
    fputs(", \"eff\": ", f);
    dump_idx(f, p->eff, m->nlines);
    fputs(", \"mixg\": ", f);
    dump_idx(f, p->mix, m->nlines);
    fputs(", \"mix_named\": [", f);
    for (size_t li = 0; li < m->nlines; li++)
        fprintf(f, "%s%d", li ? ", " : "", p->mix_named[li]);
    fputs("],\n  \"ef_of\": ", f);
    dump_idx(f, p->ef, m->nlines * GAS_COUNT);
    fputs(",\n  \"ef_scale\": ", f);
    dump_num(f, p->ef_scale, m->nlines * GAS_COUNT);
    fputs(",\n  \"measures\": [", f);
    for (size_t j = 0; j < p->nmeas; j++) {
        fputs(j ? ",\n   " : "\n   ", f);
        dump_measure(f, &p->meas[j]);
    }
    fputs("]}", f);
}

/* The bound model as JSON. */
static void dump_model(FILE *f, const prj_model *m)
{
    const prj_file *pf = m->f;
    fprintf(f, "{\"base_year\": %ld, \"ny\": %zu, \"horizon\": %ld, \"peak_by\": %ld, \"metric\": %d, "
               "\"plateau_pct\": %.17g, \"nparams\": %zu, \"gas_count\": %d, \"gwp\": ",
            m->base_year, m->nyears, pf->horizon, pf->peak_by, (int)pf->metric, pf->plateau_pct, pf->nparams,
            GAS_COUNT);
    dump_num(f, m->gwp, GAS_COUNT);
    fputs(", \"values\": [", f);
    for (size_t i = 0; i < pf->nparams; i++)
        fprintf(f, "%s%.17g", i ? ", " : "", pf->params[i].value);
    fputs("]", f);
    dump_lines(f, m);
    fputs(",\n\"plans\": [", f);
    for (size_t s = 0; s < pf->nscen; s++) {
        fputs(s ? "," : "", f);
        dump_plan(f, m, &m->plans[s]);
    }
    fputs("]}\n", f);
}

/* Every iteration's parameter values, as prj_mc_run draws them: N x nparams doubles. */
static void dump_draws(const char *path, const prj_file *pf, size_t n, uint64_t seed)
{
    FILE *f = fopen(path, "wb");
    double *pv = malloc((pf->nparams ? pf->nparams : 1) * sizeof *pv);
    for (size_t it = 0; f && pv && it < n; it++) {
        for (size_t i = 0; i < pf->nparams; i++) {
            const prj_param *p = &pf->params[i];
            pv[i] = p->dist.kind == RNG_FIXED ? p->value : rng_quantile(&p->dist, rng_uniform(seed, i, it));
        }
        fwrite(pv, sizeof *pv, pf->nparams, f);
    }
    free(pv);
    if (f)
        fclose(f);
}

/* The summary ghgcalc computed, for the numpy side's check. */
static void dump_result(const char *path, const prj_mc *mc)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs("{\"scenarios\": [", f);
    for (size_t s = 0; s < mc->nscen; s++) {
        fprintf(f, "%s{\"p_peak_by\": %.17g, \"peak_value_pct\": ", s ? ", " : "", mc->p_peak_by[s]);
        dump_num(f, &mc->peak_value_pct[s * PRJ_MC_NPCT], PRJ_MC_NPCT);
        fputs(", \"peak_year_pct\": ", f);
        dump_num(f, &mc->peak_year_pct[s * PRJ_MC_NPCT], PRJ_MC_NPCT);
        fputs(", \"path_pct\": ", f);
        dump_num(f, &mc->path_pct[s * PRJ_MC_NPCT * mc->nyears], PRJ_MC_NPCT * mc->nyears);
        fputc('}', f);
    }
    fputs("]}\n", f);
    fclose(f);
}

/* Times prj_mc_run on `threads` threads: the fastest of `repeat` runs. */
static prj_mc *timed(const prj_model *m, size_t n, uint64_t seed, unsigned threads, int repeat, double *wall,
                     double *cpu)
{
    prj_mc *best = NULL;
    *wall = *cpu = 1e300;
    for (int k = 0; k < repeat; k++) {
        double w0 = wall_s(), c0 = cpu_s();
        prj_mc *mc = prj_mc_run(m, n, seed, threads, NULL);
        double w = wall_s() - w0, c = cpu_s() - c0;
        if (w < *wall) {
            *wall = w;
            *cpu = c;
        }
        prj_mc_free(best);
        best = mc;
    }
    return best;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: project_mc SCENARIOS.yaml OUTDIR ITERATIONS [SEED] [REPEAT]\n");
        return 2;
    }
    size_t n = strtoul(argv[3], NULL, 10);
    uint64_t seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
    int repeat = argc > 5 ? atoi(argv[5]) : 3;
    cli_project_ctx c = {0};
    cli_list factors = {0};
    int st = cli_project_prepare(argv[1], &factors, true, &c);
    if (st) {
        cli_project_free(&c);
        return st;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/model.json", argv[2]);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 3;
    }
    dump_model(f, c.m);
    fclose(f);
    snprintf(path, sizeof path, "%s/draws.bin", argv[2]);
    dump_draws(path, c.f, n, seed);
    double w1, c1, w2, c2;
    prj_mc *a = timed(c.m, n, seed, 1, repeat, &w1, &c1);
    prj_mc *b = timed(c.m, n, seed, 2, repeat, &w2, &c2);
    snprintf(path, sizeof path, "%s/c_result.json", argv[2]);
    dump_result(path, b);
    bool same = a && b && memcmp(a->path_pct, b->path_pct, c.f->nscen * PRJ_MC_NPCT * c.m->nyears * sizeof(double)) == 0;
    printf("scenarios %zu iterations %zu years %zu lines %zu params %zu\n", c.f->nscen, n, c.m->nyears, c.m->nlines,
           c.f->nparams);
    printf("c_1thread_wall %.4f c_1thread_cpu %.4f\nc_2threads_wall %.4f c_2threads_cpu %.4f\n", w1, c1, w2, c2);
    printf("threads_identical %s\n", same ? "yes" : "NO");
    printf("recomputed_lines");
    for (size_t s = 0; s < c.f->nscen; s++) {
        prj_live lv;
        if (prj_live_init(c.m, s, &lv))
            printf(" %zu", lv.nlive);
        prj_live_clear(&lv);
    }
    printf("\n");
    prj_mc_free(a);
    prj_mc_free(b);
    cli_project_free(&c);
    return same ? 0 : 1;
}
