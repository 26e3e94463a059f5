/* umc_run.c - runs the Monte Carlo batches on every core in rounds, and turns the draws into statistics. */
#include "unc_mc.h"

#include <math.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nsum.h"
#include "umc_plan.h"

/* What the threads of one round share. Batches are taken in order from
 * `next`; their stream moments are added to the run's in batch order
 * (`fold`), so the sums, like everything else, do not depend on which
 * thread ran which batch. */
typedef struct {
    const umc_plan *p;
    uint64_t seed;
    uint64_t it_begin, it_end;  /* this round's iterations */
    double *tot, *base;         /* by iteration */
    float *rows;                /* nrows x stride */
    uint64_t stride;
    double *mom;                /* nstreams x 4, the run's */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    uint64_t next, fold;        /* batch numbers within the round */
    double cpu;
    bool oom;
} umc_round;

static double umc_now(clockid_t c)
{
    struct timespec t;
    clock_gettime(c, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Waits for batch k's turn and adds its moments to the run's. */
static void umc_fold(umc_round *r, umc_work *w, uint64_t k)
{
    size_t n = 4 * (size_t)r->p->nstreams;
    pthread_mutex_lock(&r->mu);
    while (r->fold != k)
        pthread_cond_wait(&r->cv, &r->mu);
    for (size_t i = 0; i < n; i++)
        r->mom[i] += w->mom[i];
    r->fold++;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
    memset(w->mom, 0, n * sizeof *w->mom);
}

/* One thread of a round: takes batches until there are none left. */
static void *umc_worker(void *arg)
{
    umc_round *r = arg;
    umc_work w = {0};
    double t0 = umc_now(CLOCK_THREAD_CPUTIME_ID);
    bool ok = umc_work_new(r->p, &w);
    uint64_t nbatch = (r->it_end - r->it_begin + UMC_BATCH - 1) / UMC_BATCH;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        uint64_t k = r->next++;
        if (!ok)
            r->oom = true;
        pthread_mutex_unlock(&r->mu);
        if (k >= nbatch)
            break;
        uint64_t it0 = r->it_begin + k * UMC_BATCH;
        size_t nb = (size_t)(r->it_end - it0 < UMC_BATCH ? r->it_end - it0 : UMC_BATCH);
        if (ok)
            umc_batch(r->p, &w, r->seed, it0, nb, r->tot + it0, r->base ? r->base + it0 : NULL, r->rows, r->stride);
        umc_fold(r, &w, k); /* even without buffers, so that the others do not wait for ever */
    }
    umc_work_free(&w);
    double t = umc_now(CLOCK_THREAD_CPUTIME_ID) - t0;
    pthread_mutex_lock(&r->mu);
    r->cpu += t;
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Runs iterations [it_begin, it_end) on `threads` threads. */
static bool umc_run_round(umc_round *r, unsigned threads)
{
    pthread_t tid[64];
    unsigned started = 0;
    r->next = r->fold = 0;
    for (unsigned i = 1; i < threads && i < 64; i++)
        if (pthread_create(&tid[started], NULL, umc_worker, r) == 0)
            started++;
    umc_worker(r); /* the calling thread works too */
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    return !r->oom;
}

/* ------------------------------------------------------------ statistics */

/* Puts the k-th smallest of x[0..n) at x[k], with no larger one before it
 * and no smaller one after it (Wirth's selection, "Algorithms + Data
 * Structures = Programs" 2.3.4; no randomness, so runs repeat exactly). */
static void umc_select(double *x, size_t n, size_t k)
{
    ptrdiff_t l = 0, r = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;
    while (l < r) {
        double piv = x[kk];
        ptrdiff_t i = l, j = r;
        do {
            while (x[i] < piv)
                i++;
            while (piv < x[j])
                j--;
            if (i <= j) {
                double t = x[i];
                x[i++] = x[j];
                x[j--] = t;
            }
        } while (i <= j);
        if (j < kk)
            l = i;
        if (kk < i)
            r = j;
    }
}

/* Bins of the quantile search: a histogram of the values finds the few
 * bins that hold the order statistics wanted; only those are selected. */
#define UMC_QBINS 4096u

/* The order statistics of ranks k[0..nk) (ascending) of x[0..n) into
 * v[0..nk), exactly (the same values a sort would give), in three passes:
 * the range, a histogram, and a gather of the values in the bins the ranks
 * fall in, selected there (umc_select). `tmp` holds n doubles. */
static void umc_ranks(const double *x, size_t n, const size_t *k, size_t nk, double *v, double *tmp)
{
    double lo = x[0], hi = x[0];
    for (size_t i = 1; i < n; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    if (!(hi > lo)) { /* every value equal */
        for (size_t j = 0; j < nk; j++)
            v[j] = lo;
        return;
    }
    uint32_t cnt[UMC_QBINS] = {0};
    double scale = (double)UMC_QBINS / (hi - lo);
#define UMC_BIN(xv) (((xv) - lo) * scale >= UMC_QBINS ? UMC_QBINS - 1 : (size_t)(((xv) - lo) * scale))
    for (size_t i = 0; i < n; i++)
        cnt[UMC_BIN(x[i])]++;
    /* the bin of each rank, and where the values of each such bin go in tmp */
    size_t bin[8] = {0}, start[8] = {0};
    int32_t slot[UMC_QBINS];
    size_t nb = 0, used = 0, below = 0, b = 0;
    for (size_t j = 0; j < nk; j++) {
        while (below + cnt[b] <= k[j])
            below += cnt[b++];
        if (!nb || bin[nb - 1] != b) {
            bin[nb] = b, start[nb] = used;
            used += cnt[b];
            nb++;
        }
    }
    for (size_t i = 0; i < UMC_QBINS; i++)
        slot[i] = -1;
    for (size_t j = 0; j < nb; j++)
        slot[bin[j]] = (int32_t)j;
    size_t fill[8] = {0};
    memcpy(fill, start, nb * sizeof *fill);
    for (size_t i = 0; i < n; i++) { /* one pass gathers every bin needed */
        int32_t sl = slot[UMC_BIN(x[i])];
        if (sl >= 0)
            tmp[fill[sl]++] = x[i];
    }
    below = 0, b = 0;
    for (size_t j = 0, t = 0; j < nk; j++) {
        while (below + cnt[b] <= k[j])
            below += cnt[b++];
        while (bin[t] != b)
            t++;
        umc_select(tmp + start[t], cnt[b], k[j] - below);
        v[j] = tmp[start[t] + k[j] - below];
    }
#undef UMC_BIN
}

/* The p-quantiles of x[0..n) for ps[0..np) (ascending), x(h) with
 * h = (n - 1) p interpolated between the neighbouring order statistics, as
 * numpy's default. */
static void umc_quantiles(const double *x, size_t n, const double *ps, size_t np, double *out, double *tmp)
{
    size_t k[8] = {0}, nk = 0;
    double v[8] = {0};
    for (size_t q = 0; q < np && q < 4; q++) {
        size_t lo = (size_t)((double)(n - 1) * ps[q]);
        for (size_t r = lo; r <= lo + 1 && r < n; r++)
            if (!nk || k[nk - 1] != r)
                k[nk++] = r;
    }
    umc_ranks(x, n, k, nk, v, tmp);
    for (size_t q = 0; q < np && q < 4; q++) {
        double h = (double)(n - 1) * ps[q];
        size_t lo = (size_t)h, j = 0;
        while (k[j] != lo)
            j++;
        out[q] = lo + 1 >= n || h == (double)lo ? v[j] : v[j] + (h - (double)lo) * (v[j + 1] - v[j]);
    }
}

/* Statistics of x[0..n); `tmp` (n doubles) is scratch. */
static umc_stats umc_stats_of(const double *x, size_t n, double *tmp)
{
    nsum s = {0}, q = {0};
    for (size_t i = 0; i < n; i++)
        nsum_add(&s, x[i]);
    double mean = nsum_value(&s) / (double)n;
    for (size_t i = 0; i < n; i++)
        nsum_add(&q, (x[i] - mean) * (x[i] - mean));
    umc_stats st = {mean, n > 1 ? sqrt(nsum_value(&q) / (double)(n - 1)) : 0, 0, 0, 0};
    static const double ps[3] = {0.025, 0.5, 0.975};
    double qv[3];
    umc_quantiles(x, n, ps, 3, qv, tmp);
    st.p025 = qv[0], st.median = qv[1], st.p975 = qv[2];
    return st;
}

/* Each stream's correlation with the total and its share of the variance,
 * from the moments summed over the run. */
static bool umc_contributions(const umc_plan *p, const unc_model *m, const double *mom, double var_t, umc_result *res)
{
    const unc_input *in;
    size_t nin = unc_model_inputs(m, &in);
    res->contrib = calloc(p->nstreams ? p->nstreams : 1, sizeof *res->contrib);
    if (!res->contrib)
        return false;
    double n = (double)res->iterations, sum = 0;
    for (size_t i = 0; i < nin; i++) { /* one line per stream, named by its first uncertain input */
        uint32_t s = in[i].stream;
        const double *mo = mom + 4 * (size_t)s;
        if (in[i].r.kind == RNG_FIXED || mo[1] <= 0 || var_t <= 0)
            continue;
        bool seen = false;
        for (size_t k = 0; k < res->ncontrib && !seen; k++)
            seen = res->contrib[k].stream == s;
        if (seen)
            continue;
        double mx = mo[0] / n, vx = mo[1] / n - mx * mx, cov = mo[2] / n - mx * (mo[3] / n);
        double c = vx > 0 ? cov / sqrt(vx * var_t) : 0;
        res->contrib[res->ncontrib++] = (umc_contrib){s, (uint32_t)i, c, c * c};
        sum += c * c;
    }
    for (size_t k = 0; k < res->ncontrib; k++)
        res->contrib[k].share = sum > 0 ? res->contrib[k].share / sum : 0;
    return true;
}

static int umc_contrib_cmp(const void *pa, const void *pb)
{
    const umc_contrib *a = pa, *b = pb;
    if (a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return a->stream < b->stream ? -1 : a->stream > b->stream;
}

/* The histogram of the totals: `bins` equal bins from the least to the largest. */
static bool umc_histogram(const double *tot, size_t n, unsigned bins, umc_result *res)
{
    res->bins = bins ? bins : UMC_DEFAULT_BINS;
    res->hist = calloc(res->bins, sizeof *res->hist);
    if (!res->hist)
        return false;
    double lo = tot[0], hi = tot[0];
    for (size_t i = 1; i < n; i++) {
        lo = tot[i] < lo ? tot[i] : lo;
        hi = tot[i] > hi ? tot[i] : hi;
    }
    res->hist_lo = lo;
    res->hist_width = hi > lo ? (hi - lo) / res->bins : 1.0;
    for (size_t i = 0; i < n; i++) {
        double k = floor((tot[i] - lo) / res->hist_width);
        res->hist[k >= res->bins ? res->bins - 1 : (size_t)k]++;
    }
    return true;
}

/* ------------------------------------------------------------------ run */

/* The 2.5 and 97.5 % points of the first n totals. */
static void umc_bounds(const double *tot, size_t n, double *tmp, double *lo, double *hi)
{
    static const double ps[2] = {0.025, 0.975};
    double q[2];
    umc_quantiles(tot, n, ps, 2, q, tmp);
    *lo = q[0], *hi = q[1];
}

/* Runs round after round until the iterations are done or, with a stop
 * rule, until both bounds of the total's 95 % interval moved by less than
 * stop_pct % of themselves in the last round. */
static bool umc_rounds(umc_round *r, const umc_opts *o, unsigned threads, double *tmp, umc_result *res)
{
    uint64_t n = res->iterations, done = 0;
    uint64_t round = o->stop_pct > 0 ? (o->round ? o->round : UMC_DEFAULT_ROUND) : n;
    round = (round + UMC_GROUP - 1) / UMC_GROUP * UMC_GROUP;
    size_t maxr = (size_t)((n + round - 1) / round);
    res->round_p025 = calloc(maxr ? maxr : 1, sizeof *res->round_p025);
    res->round_p975 = calloc(maxr ? maxr : 1, sizeof *res->round_p975);
    if (!res->round_p025 || !res->round_p975)
        return false;
    while (done < n) {
        r->it_begin = done;
        r->it_end = done + round < n ? done + round : n;
        if (!umc_run_round(r, threads))
            return false;
        done = r->it_end;
        double lo, hi;
        umc_bounds(r->tot, (size_t)done, tmp, &lo, &hi);
        unsigned k = res->rounds++;
        res->round_p025[k] = lo;
        res->round_p975[k] = hi;
        if (o->stop_pct > 0 && k > 0 && fabs(lo - res->round_p025[k - 1]) <= o->stop_pct / 100 * fabs(lo) &&
            fabs(hi - res->round_p975[k - 1]) <= o->stop_pct / 100 * fabs(hi)) {
            res->converged = true;
            break;
        }
    }
    res->iterations = done;
    return true;
}

/* The rows' statistics, computed by several threads: each takes the next
 * row (the figures do not depend on which thread computes a row). */
typedef struct {
    const umc_round *r;
    umc_result *res;
    size_t n;
    pthread_mutex_t mu;
    size_t next;
    bool oom;
} umc_rowjob;

static void *umc_row_worker(void *arg)
{
    umc_rowjob *j = arg;
    double *col = malloc(j->n * sizeof *col), *tmp = malloc(j->n * sizeof *tmp);
    for (;;) {
        pthread_mutex_lock(&j->mu);
        size_t i = j->next++;
        if (!col || !tmp)
            j->oom = true;
        pthread_mutex_unlock(&j->mu);
        if (i >= j->res->nrows || !col || !tmp)
            break;
        const float *src = j->r->rows + i * j->r->stride;
        for (size_t k = 0; k < j->n; k++)
            col[k] = src[k];
        j->res->rows[i] = umc_stats_of(col, j->n, tmp);
    }
    free(col);
    free(tmp);
    return NULL;
}

/* Fills res->rows on `threads` threads; false when out of memory. */
static bool umc_row_stats(const umc_round *r, umc_result *res, size_t n, unsigned threads)
{
    umc_rowjob j = {.r = r, .res = res, .n = n};
    pthread_mutex_init(&j.mu, NULL);
    pthread_t tid[64];
    unsigned started = 0;
    for (unsigned i = 1; i < threads && i < 64 && i < res->nrows; i++)
        if (pthread_create(&tid[started], NULL, umc_row_worker, &j) == 0)
            started++;
    umc_row_worker(&j);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    pthread_mutex_destroy(&j.mu);
    return !j.oom;
}

/* Fills the statistics of the result from the stored draws. */
static bool umc_summarise(const umc_plan *p, const unc_model *m, const umc_round *r, double *tmp, umc_result *res)
{
    size_t n = (size_t)res->iterations;
    res->total = umc_stats_of(r->tot, n, tmp);
    res->rows = calloc(p->nrows ? p->nrows : 1, sizeof *res->rows);
    double *col = malloc(n * sizeof *col);
    if (!res->rows || !col) {
        free(col);
        return false;
    }
    res->nrows = p->nrows;
    if (!umc_row_stats(r, res, n, res->threads)) {
        free(col);
        return false;
    }
    if (r->base) {
        res->base_total = umc_stats_of(r->base, n, tmp);
        for (size_t k = 0; k < n; k++)
            col[k] = (r->tot[k] - r->base[k]) / r->base[k] * 100.0;
        res->trend_pct = umc_stats_of(col, n, tmp);
    }
    free(col);
    double var_t = res->total.sd * res->total.sd * (double)(n - 1) / (double)n;
    if (!umc_contributions(p, m, r->mom, var_t, res) || !umc_histogram(r->tot, n, res->bins, res))
        return false;
    qsort(res->contrib, res->ncontrib, sizeof *res->contrib, umc_contrib_cmp);
    return true;
}

/* The threads to use: asked, else one per core; at most 64. */
static unsigned umc_threads(unsigned asked)
{
    long n = asked ? (long)asked : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > 64 ? 64u : (unsigned)n;
}

/* Allocates the stored draws of n iterations. */
static bool umc_store(umc_round *r, const umc_plan *p, uint64_t n, double **tmp)
{
    r->tot = malloc(n * sizeof *r->tot);
    r->base = p->has_base ? malloc(n * sizeof *r->base) : NULL;
    r->rows = malloc((p->nrows ? p->nrows : 1) * n * sizeof *r->rows);
    r->mom = calloc((p->nstreams ? p->nstreams : 1) * 4, sizeof *r->mom);
    *tmp = malloc(n * sizeof **tmp);
    r->stride = n;
    return r->tot && (r->base || !p->has_base) && r->rows && r->mom && *tmp;
}

bool umc_run(const unc_model *m, const umc_opts *opts, umc_result *out)
{
    umc_opts o = opts ? *opts : (umc_opts){0};
    memset(out, 0, sizeof *out);
    uint64_t n = o.iterations ? o.iterations : UMC_DEFAULT_ITERATIONS;
    n = (n + UMC_GROUP - 1) / UMC_GROUP * UMC_GROUP;
    *out = (umc_result){.seed = o.seed, .iterations = n, .stop_pct = o.stop_pct, .bins = o.bins,
                        .threads = umc_threads(o.threads), .has_base = unc_model_has_base(m)};
    umc_plan p;
    if (!umc_plan_build(m, &p))
        return false;
    umc_round r = {.p = &p, .seed = o.seed};
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv, NULL);
    double *tmp = NULL, t0 = umc_now(CLOCK_MONOTONIC);
    bool ok = umc_store(&r, &p, n, &tmp) && umc_rounds(&r, &o, out->threads, tmp, out) &&
              umc_summarise(&p, m, &r, tmp, out);
    out->wall_seconds = umc_now(CLOCK_MONOTONIC) - t0;
    out->cpu_seconds = r.cpu;
    out->draws = p.draws_per_iter * out->iterations;
    out->line_evals = (uint64_t)p.nlines * out->iterations;
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.cv);
    for (size_t i = 1; ok && out->iterations < r.stride && i < p.nrows; i++) /* stopped early: close the gaps */
        memmove(r.rows + i * out->iterations, r.rows + i * r.stride, out->iterations * sizeof *r.rows);
    out->total_it = r.tot; /* the draws stay with the result */
    out->base_it = r.base;
    out->rows_it = r.rows;
    free(r.mom);
    free(tmp);
    umc_plan_free(&p);
    if (!ok)
        umc_result_free(out);
    return ok;
}

void umc_result_free(umc_result *r)
{
    free(r->total_it);
    free(r->base_it);
    free(r->rows_it);
    free(r->rows);
    free(r->contrib);
    free(r->hist);
    free(r->round_p025);
    free(r->round_p975);
    memset(r, 0, sizeof *r);
}

bool umc_sum_stats(const umc_result *r, const bool *pick, umc_stats *out)
{
    size_t n = (size_t)r->iterations;
    double *sum = calloc(n ? n : 1, sizeof *sum), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!sum || !tmp || !n) {
        free(sum);
        free(tmp);
        return false;
    }
    for (size_t i = 0; i < r->nrows; i++)
        if (pick[i])
            for (size_t k = 0; k < n; k++)
                sum[k] += r->rows_it[i * n + k];
    *out = umc_stats_of(sum, n, tmp);
    free(sum);
    free(tmp);
    return true;
}
