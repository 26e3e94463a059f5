/* prj_mc.c - Monte Carlo runs of the scenarios: counter-based draws per iteration, threads over iteration ranges,
 * percentiles. */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "projection.h"

static const double mc_pct[PRJ_MC_NPCT] = {0.05, 0.50, 0.95};

/* What one thread computes: iterations [from, to) into the shared arrays,
 * each iteration into its own slots, so the results do not depend on the
 * split. */
typedef struct {
    const prj_model *m;
    prj_mc *mc;
    size_t from, to;
    double *paths;     /* nscen x iterations x nyears: the metric's projection */
    unsigned char *ok; /* nscen x iterations: peaked within the horizon and by f->peak_by */
    const prj_live *live;           /* per scenario: what an iteration recomputes */
    atomic_size_t *done;            /* iterations done by every thread */
    const prj_progress *progress;   /* the first job reports it, or NULL */
    bool failed;
} mc_job;

double prj_percentile(const double *sorted, size_t n, double p)
{
    if (n == 0)
        return NAN;
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);
    if (lo + 1 >= n)
        return sorted[n - 1];
    return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

/* The parameter values of iteration `it`: every uncertain parameter drawn
 * from its distribution at rng_uniform(seed, its index, it). */
static void mc_draw(const prj_file *f, uint64_t seed, size_t it, double *pv)
{
    for (size_t i = 0; i < f->nparams; i++) {
        const prj_param *p = &f->params[i];
        pv[i] = p->dist.kind == RNG_FIXED ? p->value : rng_quantile(&p->dist, rng_uniform(seed, i, it));
    }
}

/* One thread's iterations. */
static void *mc_thread(void *arg)
{
    mc_job *job = arg;
    const prj_model *m = job->m;
    prj_mc *mc = job->mc;
    size_t n = m->in.nhist + m->nyears, N = mc->iterations;
    prj_run run;
    double *pv = malloc((m->f->nparams ? m->f->nparams : 1) * sizeof *pv), *line = malloc(n * sizeof *line);
    long *years = malloc(n * sizeof *years);
    if (!pv || !line || !years || !prj_run_init(m, &run)) {
        job->failed = true;
        free(pv), free(line), free(years);
        return NULL;
    }
    run.final_only = true;
    for (size_t it = job->from; it < job->to; it++) {
        mc_draw(m->f, mc->seed, it, pv);
        for (size_t s = 0; s < mc->nscen; s++) {
            run.live = job->live ? &job->live[s] : NULL;
            prj_eval(m, s, pv, PRJ_NONE, &run);
            prj_history_line(m, &run, years, line);
            peak_info pk =
                peak_find(&years[m->in.nhist], &line[m->in.nhist], m->nyears, m->f->peak_by, m->f->plateau_pct);
            mc->peak_value[s * N + it] = pk.value;
            mc->peak_year[s * N + it] = pk.in_horizon ? pk.year : m->f->horizon + 1;
            job->ok[s * N + it] = pk.by_ok;
            memcpy(&job->paths[(s * N + it) * m->nyears], &line[m->in.nhist], m->nyears * sizeof *line);
        }
        size_t done = atomic_fetch_add(job->done, 1) + 1, step = N / 100 > 64 ? N / 100 : 64; /* about 1 % */
        if (job->progress && job->progress->fn && (it - job->from) % step == step - 1)
            job->progress->fn(job->progress->ctx, done, N);
    }
    prj_run_clear(&run);
    free(pv), free(line), free(years);
    return NULL;
}

/* Runs the jobs on `threads` threads (the first on the calling thread; a
 * thread that cannot be started runs its job here too). */
static bool mc_run_threads(mc_job *jobs, unsigned threads)
{
    pthread_t tid[64];
    bool started[64] = {false};
    for (unsigned k = 1; k < threads; k++)
        started[k] = pthread_create(&tid[k], NULL, mc_thread, &jobs[k]) == 0;
    mc_thread(&jobs[0]);
    for (unsigned k = 1; k < threads; k++)
        if (!started[k])
            mc_thread(&jobs[k]);
    bool ok = !jobs[0].failed;
    for (unsigned k = 1; k < threads; k++) {
        if (started[k])
            pthread_join(tid[k], NULL);
        ok = ok && !jobs[k].failed;
    }
    return ok;
}

/* Rearranges x[0..n) so that x[k] is the value a sort would put there,
 * with nothing larger before it and nothing smaller after (Hoare's
 * selection, middle pivot). The value is the k-th order statistic, exactly
 * what sorting gives. */
static void mc_select(double *x, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = x[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                double t = x[i];
                x[i++] = x[j];
                x[j] = t;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* PERCENTILE.INC of the n values in x (reordered): the order statistics
 * floor(h) and floor(h) + 1 with h = (n - 1) p, interpolated. */
static double mc_percentile(double *x, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);
    mc_select(x, n, lo);
    if (lo + 1 >= n)
        return x[lo];
    double next = x[lo + 1];
    for (size_t i = lo + 2; i < n; i++)
        next = x[i] < next ? x[i] : next;
    return x[lo] + (h - (double)lo) * (next - x[lo]);
}

/* Per scenario: the share peaking by the year, the peak-year counts, the
 * percentiles of the peak value and year, and of each year's metric. */
static bool mc_summarise(const prj_model *m, prj_mc *mc, const double *paths, const unsigned char *ok)
{
    size_t N = mc->iterations, ny = m->nyears;
    double *col = malloc(N * sizeof *col);
    if (!col)
        return false;
    for (size_t s = 0; s < mc->nscen; s++) {
        size_t by = 0;
        for (size_t it = 0; it < N; it++) {
            long y = mc->peak_year[s * N + it];
            by += ok[s * N + it];
            if (y > m->f->horizon)
                mc->peak_year_count[s * (ny + 1) + ny]++;
            else
                mc->peak_year_count[s * (ny + 1) + (size_t)(y - m->base_year)]++;
        }
        mc->p_peak_by[s] = (double)by / (double)N;
        for (int w = 0; w < 2; w++) {
            for (size_t it = 0; it < N; it++)
                col[it] = w ? (double)mc->peak_year[s * N + it] : mc->peak_value[s * N + it];
            for (int k = 0; k < PRJ_MC_NPCT; k++)
                (w ? mc->peak_year_pct : mc->peak_value_pct)[s * PRJ_MC_NPCT + k] = mc_percentile(col, N, mc_pct[k]);
        }
        for (size_t t = 0; t < ny; t++) {
            double sum = 0;
            for (size_t it = 0; it < N; it++)
                sum += col[it] = paths[(s * N + it) * ny + t];
            mc->path_mean[s * ny + t] = sum / (double)N;
            for (int k = 0; k < PRJ_MC_NPCT; k++)
                mc->path_pct[(s * PRJ_MC_NPCT + k) * ny + t] = mc_percentile(col, N, mc_pct[k]);
        }
    }
    free(col);
    return true;
}

/* The result's arrays; false when out of memory. */
static bool mc_alloc(prj_mc *mc)
{
    size_t S = mc->nscen, N = mc->iterations, ny = mc->nyears;
    mc->p_peak_by = calloc(S, sizeof *mc->p_peak_by);
    mc->peak_year_count = calloc(S * (ny + 1), sizeof *mc->peak_year_count);
    mc->peak_value_pct = calloc(S * PRJ_MC_NPCT, sizeof *mc->peak_value_pct);
    mc->peak_year_pct = calloc(S * PRJ_MC_NPCT, sizeof *mc->peak_year_pct);
    mc->path_pct = calloc(S * PRJ_MC_NPCT * ny, sizeof *mc->path_pct);
    mc->path_mean = calloc(S * ny, sizeof *mc->path_mean);
    mc->peak_value = calloc(S * N, sizeof *mc->peak_value);
    mc->peak_year = calloc(S * N, sizeof *mc->peak_year);
    return mc->p_peak_by && mc->peak_year_count && mc->peak_value_pct && mc->peak_year_pct && mc->path_pct &&
           mc->path_mean && mc->peak_value && mc->peak_year;
}

prj_mc *prj_mc_run(const prj_model *m, size_t iterations, uint64_t seed, unsigned threads, const prj_progress *progress)
{
    prj_mc *mc = calloc(1, sizeof *mc);
    if (!mc || iterations == 0)
        return mc;
    threads = threads < 1 ? 1 : threads > 64 ? 64 : threads;
    threads = (size_t)threads > iterations ? (unsigned)iterations : threads;
    *mc =
        (prj_mc){.iterations = iterations, .seed = seed, .threads = threads, .nscen = m->f->nscen, .nyears = m->nyears};
    for (size_t i = 0; i < m->f->nparams; i++)
        mc->nuncertain += m->f->params[i].dist.kind != RNG_FIXED;
    double *paths = malloc(mc->nscen * iterations * m->nyears * sizeof *paths);
    unsigned char *ok = calloc(mc->nscen * iterations, 1);
    mc_job jobs[64];
    atomic_size_t count;
    atomic_init(&count, 0);
    prj_live *live = calloc(mc->nscen ? mc->nscen : 1, sizeof *live);
    bool done = paths && ok && live && mc_alloc(mc);
    for (size_t s = 0; done && s < mc->nscen; s++)
        done = prj_live_init(m, s, &live[s]);
    for (unsigned k = 0; done && k < threads; k++)
        jobs[k] = (mc_job){m, mc, iterations * k / threads, iterations * (k + 1) / threads, paths, ok, live, &count,
                           k ? NULL : progress, false};
    done = done && mc_run_threads(jobs, threads) && mc_summarise(m, mc, paths, ok);
    for (size_t s = 0; live && s < mc->nscen; s++)
        prj_live_clear(&live[s]);
    free(live);
    free(paths);
    free(ok);
    if (!done) {
        prj_mc_free(mc);
        return NULL;
    }
    return mc;
}

void prj_mc_free(prj_mc *mc)
{
    if (!mc)
        return;
    free(mc->p_peak_by);
    free(mc->peak_year_count);
    free(mc->peak_value_pct);
    free(mc->peak_year_pct);
    free(mc->path_pct);
    free(mc->path_mean);
    free(mc->peak_value);
    free(mc->peak_year);
    free(mc);
}
