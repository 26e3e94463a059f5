/* cmd_project.c - `ghgcalc project SCENARIOS.yaml -o OUT.xlsx`: peak-carbon scenarios from a base inventory. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../reports/projection_report.h"
#include "cli.h"
#include "cli_project.h"
#include "yreader.h"
#include "projection.h"
#include "series.h"

#define PRJ_CMD_MAX_THREADS 64 /* as prj_mc_run allows */

typedef struct {
    cli_base base;
    cli_out out;
    cli_list factors;
    const char *iterations; /* --iterations N (0: no Monte Carlo) */
    const char *seed;       /* --seed S */
    unsigned long threads;  /* --threads N; 0: one per core */
} prj_cmd_opts;

static const cli_opt prj_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(prj_cmd_opts, out), NULL, NULL, NULL, cli_out_opts},
    {"", NULL, CLI_GROUP, offsetof(prj_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {"--iterations", NULL, CLI_TEXT, offsetof(prj_cmd_opts, iterations), "N",
     "Monte Carlo iterations over the uncertain numbers (default: the file's monte_carlo:, else none; 0: none)", NULL,
     NULL},
    {"--seed", NULL, CLI_TEXT, offsetof(prj_cmd_opts, seed), "S",
     "the Monte Carlo seed, a whole number (default: the file's, else 1): same seed, same figures", NULL, NULL},
    {"--threads", NULL, CLI_COUNT, offsetof(prj_cmd_opts, threads), "N",
     "Monte Carlo threads (default: one per core); the figures do not depend on it", NULL, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* The Monte Carlo settings of a run. */
typedef struct {
    size_t iterations; /* 0: none */
    uint64_t seed;
    unsigned threads;
} prj_cmd_mc;

/* ---------------------------------------------------------------- Monte Carlo */

/* The Monte Carlo settings: the command line over the file; an exit status. */
static int prj_cmd_mc_opts(const prj_cmd_opts *o, prj_cmd_mc *mc)
{
    *mc = (prj_cmd_mc){0, 1, (unsigned)(o->threads > PRJ_CMD_MAX_THREADS ? PRJ_CMD_MAX_THREADS : o->threads)};
    const char *const texts[2] = {o->iterations, o->seed};
    unsigned long long v[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        char *end;
        errno = 0;
        if (!texts[i])
            continue;
        v[i] = strtoull(texts[i], &end, 10);
        if (errno || *end || end == texts[i] || texts[i][0] == '-' || (i == 0 && v[i] > 1000000))
            return cli_usage_error("project", "%s takes a whole number from 0%s, not '%s'",
                                   i ? "--seed" : "--iterations", i ? "" : " to 1000000", texts[i]);
    }
    mc->iterations = (size_t)v[0];
    mc->seed = v[1];
    if (mc->threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        mc->threads = n < 1 ? 1 : n > PRJ_CMD_MAX_THREADS ? PRJ_CMD_MAX_THREADS : (unsigned)n;
    }
    return CLI_OK;
}

/* Progress of the Monte Carlo run on stderr. */
static void prj_cmd_progress(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    fprintf(stderr, "\rghgcalc: Monte Carlo %zu/%zu iterations...", done, total);
    fflush(stderr);
}

/* Runs the Monte Carlo when the file or the command line asks for it and
 * the file has uncertain numbers; *mc_out is NULL otherwise. */
static int prj_cmd_monte_carlo(const prj_cmd_opts *o, const prj_model *m, prj_mc **mc_out)
{
    const prj_file *f = m->f;
    prj_cmd_mc s;
    int st = prj_cmd_mc_opts(o, &s);
    size_t uncertain = 0;
    *mc_out = NULL;
    if (st)
        return st;
    s.iterations = o->iterations ? s.iterations : f->mc_given ? f->mc_iterations : 0;
    s.seed = o->seed ? s.seed : f->mc_seed;
    for (size_t i = 0; i < f->nparams; i++)
        uncertain += f->params[i].dist.kind != RNG_FIXED;
    if (s.iterations && !uncertain) {
        fprintf(stderr, "%s: warning: no number of the file is uncertain (range:, uncertainty: or dist:), so the "
                "Monte Carlo run is skipped: every iteration would be the deterministic run\n", f->path);
        return CLI_OK;
    }
    if (!s.iterations)
        return CLI_OK;
    inv_progress shown = cli_progress(o->base.quiet);
    prj_progress p = {shown.fn ? prj_cmd_progress : NULL, NULL};
    *mc_out = prj_mc_run(m, s.iterations, s.seed, s.threads, &p);
    if (p.fn)
        fputs("\r\033[K", stderr);
    if (!*mc_out) {
        fprintf(stderr, "ghgcalc: error: out of memory for %zu Monte Carlo iterations\n", s.iterations);
        return CLI_IO;
    }
    return CLI_OK;
}

/* ---------------------------------------------------------------- the summary */

/* The unit the metric is in, for the console. */
static const char *prj_cmd_unit(prj_metric k) { return k == PRJ_MET_CO2E || k == PRJ_MET_CO2E_NET ? "Mt CO2e" : "Mt CO2"; }

/* Prints the status line of target `tr`. */
static void prj_cmd_print_target(const int_target *tr)
{
    const ser_target *t = tr->t;
    bool share = ser_indicator_is_share(t->indicator);
    static const char *const units[SER_NIND] = {" t CO2/10^4 yuan", " tce/10^4 yuan", " t CO2e/10^4 yuan", " %", " %",
                                                 " %"};
    printf("    %-9s  %s: %s %ld = %.*f%s", int_status_name(tr->status), t->id, ser_indicator_name(t->indicator),
           tr->eval_year, share ? 2 : 4, tr->latest_value * (share ? 100 : 1), units[t->indicator]);
    if (t->kind == SER_REDUCTION && isfinite(tr->change))
        printf(" (%+.2f %% since %ld; target -%g %% by %ld)", tr->change * 100, t->base_year, t->value_pct,
               t->target_year);
    else if (t->kind != SER_REDUCTION)
        printf(" (target %s %g %% by %ld)", t->kind == SER_CEILING ? "<=" : ">=", t->value_pct, t->target_year);
    printf("%s\n", t->illustrative ? " [illustrative target]" : "");
}

/* Prints scenario s: its peak, whether it peaks by the year, the Monte
 * Carlo probability and every target's status. */
static void prj_cmd_print_scenario(const prj_result *r, const prj_mc *mc, size_t s)
{
    const prj_file *f = r->m->f;
    const prj_scen_result *sr = &r->scen[s];
    const peak_info *pk = &sr->peak;
    const char *u = prj_cmd_unit(f->metric);
    printf("%s%s%s\n", sr->sc->id, sr->sc->title ? ": " : "", sr->sc->title ? sr->sc->title : "");
    if (pk->in_horizon)
        printf("  peak %ld at %.2f %s (%s); peaks by %ld: %s; plateau %ld-%ld (within %g %% of the peak)\n", pk->year,
               pk->value / 1e6, u, prj_metric_name(f->metric), f->peak_by, pk->by_ok ? "yes" : "no",
               sr->years[r->m->in.nhist + pk->plateau_first], sr->years[r->m->in.nhist + pk->plateau_last],
               f->plateau_pct);
    else
        printf("  no peak by %ld: still highest in its last year, %.2f %s (%s); peaks by %ld: no\n", f->horizon,
               pk->value / 1e6, u, prj_metric_name(f->metric), f->peak_by);
    if (mc) {
        printf("  Monte Carlo (%zu iterations, seed %llu): P(peak by %ld) = %.3f; peak year 5/50/95 %%:", mc->iterations,
               (unsigned long long)mc->seed, f->peak_by, mc->p_peak_by[s]);
        for (int k = 0; k < PRJ_MC_NPCT; k++) {
            double y = mc->peak_year_pct[s * PRJ_MC_NPCT + k];
            if (y > (double)f->horizon)
                printf(" after %ld", f->horizon);
            else
                printf(" %g", y);
        }
        printf("\n");
    }
    for (size_t k = 0; sr->ind && k < sr->ind->ntargets; k++)
        prj_cmd_print_target(&sr->ind->targets[k]);
}

/* Prints every scenario and the closing line; returns the exit status:
 * 1 when a scenario misses a target or is off track towards one. */
static int prj_cmd_print(const prj_cmd_opts *o, const prj_result *r, const prj_mc *mc)
{
    size_t count[INT_NSTATUS] = {0}, n = 0;
    for (size_t s = 0; s < r->nscen; s++) {
        for (size_t k = 0; r->scen[s].ind && k < r->scen[s].ind->ntargets; k++, n++)
            count[r->scen[s].ind->targets[k].status]++;
        if (!o->base.quiet)
            prj_cmd_print_scenario(r, mc, s);
    }
    if (!o->base.quiet) {
        const peak_history *h = &r->history;
        if (r->m->in.nhist)
            printf("history %ld-%ld: %s (C40 criteria on %s)\n", r->scen[0].years[0], r->m->base_year,
                   peak_status_name(h->status), prj_metric_name(r->m->f->metric));
        printf("%s: %zu scenario%s to %ld, %zu target checks: %zu met, %zu on track, %zu off track, %zu missed; "
               "wrote %s\n",
               r->m->f->id, r->nscen, r->nscen == 1 ? "" : "s", r->m->f->horizon, n, count[INT_MET],
               count[INT_ON_TRACK], count[INT_OFF_TRACK], count[INT_MISSED], o->out.path);
    }
    return count[INT_OFF_TRACK] + count[INT_MISSED] ? CLI_FINDINGS : CLI_OK;
}

/* ---------------------------------------------------------------- the run */

/* The input files for the About sheet: the scenario file, the base
 * inventory, the series and targets, history and project inventories,
 * then every factor file read. */
static bool prj_cmd_inputs(const cli_project_ctx *c, cli_inputs *in)
{
    const char **p, **h;
    size_t n = fdb_files(c->db, &p, &h);
    bool ok = cli_inputs_add(in, c->f->path, c->f->sha256) && cli_inputs_add(in, c->inv->path, c->inv->sha256);
    if (c->series) {
        ok = ok && cli_inputs_add(in, c->series->path, c->series->sha256);
        if (c->series->targets_path && !c->targets)
            ok = ok && cli_inputs_add(in, c->series->targets_path, c->series->targets_sha256);
    }
    if (c->targets)
        ok = ok && cli_inputs_add(in, c->targets->targets_path ? c->targets->targets_path : c->f->targets,
                                  c->targets->targets_sha256);
    for (size_t i = 0; i < c->nhist; i++)
        ok = ok && cli_inputs_add(in, c->hinv[i]->path, c->hinv[i]->sha256);
    for (size_t i = 0; i < c->f->nprojects; i++)
        ok = ok && cli_inputs_add(in, c->pinv[i]->path, c->pinv[i]->sha256);
    for (size_t i = 0; i < n; i++)
        ok = ok && cli_inputs_add(in, p[i], h[i]);
    return ok;
}

/* The projection writers, typed for the output step. */
static int prj_cmd_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_projection_xlsx(r, p, m, e, n);
}
static int prj_cmd_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_projection_csv(r, p, m, e, n);
}
static int prj_cmd_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_projection_json(r, p, m, e, n);
}

/* Computes the scenarios and the Monte Carlo, writes the outputs and
 * prints the summary; returns the exit status. */
static int prj_cmd_compute(const prj_cmd_opts *o, const cli_project_ctx *c)
{
    static const cli_writers w = {prj_cmd_xlsx, prj_cmd_csv, prj_cmd_json};
    diag_list *dl = diag_new();
    prj_result *r = dl ? prj_compute(c->m, dl) : NULL;
    if (dl)
        cli_report(dl);
    diag_free(dl);
    prj_mc *mc = NULL;
    int status = r ? prj_cmd_monte_carlo(o, c->m, &mc) : CLI_IO;
    cli_inputs in = {0};
    if (!r)
        fprintf(stderr, "ghgcalc: error: out of memory\n");
    else if (status == CLI_OK && !prj_cmd_inputs(c, &in)) {
        fprintf(stderr, "ghgcalc: error: out of memory\n");
        status = CLI_IO;
    } else if (status == CLI_OK) {
        rpt_meta m = cli_meta(&o->base, &o->out, &in);
        prj_report rep = {r, mc};
        status = cli_write(&o->out, &in, &m, &rep, &w);
    }
    if (status == CLI_OK)
        status = prj_cmd_print(o, r, mc);
    cli_inputs_free(&in);
    prj_mc_free(mc);
    prj_result_free(r);
    return status;
}

static int prj_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    prj_cmd_opts *o = opts;
    prj_cmd_mc mc;
    int status;
    if (o->base.files.n != 1 || !o->out.path)
        status = cli_usage_error("project", "give one scenario file and -o OUT.xlsx");
    else if ((status = prj_cmd_mc_opts(o, &mc)) == CLI_OK) {
        cli_project_ctx c = {0};
        status = cli_project_prepare(o->base.files.v[0], &o->factors, o->base.quiet, &c);
        if (status == CLI_OK)
            status = prj_cmd_compute(o, &c);
        cli_project_free(&c);
    }
    cli_list_free(&o->factors);
    return status;
}

/* `check` on a scenario file: loads it with every inventory it names and
 * binds it, which finds every problem `project` would. */
static int prj_cmd_check(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    const char *path = yr_path(yr);
    cli_project_ctx c = {0};
    int status = cli_project_prepare_from(path, yr, factor_dirs, quiet, &c); /* prints its own messages */
    int read = cli_finish(dl, true); /* and those of reading the first key, if any */
    status = read > status ? read : status;
    if (status == CLI_OK && !quiet)
        printf("%s: ok: projection '%s', %zu scenarios, %zu numbers (%zu lines of the base inventory) to %ld\n", path,
               c.f->id, c.f->nscen, c.f->nparams, c.m->nlines, c.f->horizon);
    cli_project_free(&c);
    return status;
}

static const cli_kind prj_cmd_kinds[] = {{"projection", prj_cmd_check}, {NULL, NULL}};

const cli_command cmd_project = {
    "project",
    "peak-carbon scenarios: paths to 2060, peak year, wedges, LMDI, targets, Monte Carlo",
    "usage: ghgcalc project SCENARIOS.yaml -o OUT.xlsx [--lang en|zh] [--iterations N [--seed S] [--threads N]]\n"
    "                       [--factors DIR]... [--csv F] [--json F] [--no-csv-json] [--quiet]\n"
    "Drives the base inventory of SCENARIOS.yaml forward under each scenario (docs/projection.md); writes the\n"
    "workbook, whose Trajectories are formulas over its Assumptions, with OUT.csv and OUT.json beside it, and\n"
    "prints each scenario's peak and target statuses. Exit 0 when every target is met or on track, 1 when a\n"
    "scenario misses one or is off track (a scenario that does not peak by the year does not change the status).\n",
    prj_cmd_opts_table,
    sizeof(prj_cmd_opts),
    prj_cmd_run,
    prj_cmd_kinds,
};
