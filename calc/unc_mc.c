/* unc_mc.c - the Monte Carlo plan: the model flattened into draws and lines, and the inner loop over one batch. */
#include "umc_plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define UMC_NONE UINT32_MAX

/* How input `x` is drawn (see umc_drawspec). */
static umc_drawspec umc_spec_of(const unc_input *x)
{
    umc_drawspec d = {x->stream, UMC_NORMAL, UMC_POST_NONE, 0, 1, x->alpha, x->beta, x->r};
    switch (x->r.kind) {
    case RNG_NORMAL: /* f = alpha + beta (1 + sd z) */
        d.a = x->alpha + x->beta * x->r.a;
        d.b = x->beta * x->r.b;
        break;
    case RNG_LOGNORMAL: /* f = alpha + beta exp(mu + sigma z) */
        d.a = x->r.a, d.b = x->r.b, d.post = UMC_POST_EXP;
        break;
    case RNG_UNIFORM: /* f = alpha + beta (lo + (hi - lo) u) */
        d.mode = UMC_UNIFORM;
        d.a = x->alpha + x->beta * x->r.a;
        d.b = x->beta * (x->r.b - x->r.a);
        break;
    case RNG_TRIANGULAR:
        d.mode = UMC_UNIFORM, d.post = UMC_POST_TRI;
        break;
    case RNG_FIXED:
    default:
        d.a = x->alpha + x->beta * x->r.a, d.b = 0;
        break;
    }
    return d;
}

/* out[k] = alpha + beta exp(out[k]) over n values, without libm's exp (a
 * call per value, the cost of every lognormal draw): x = k ln 2 + r with
 * |r| <= ln 2 / 2 (Cody and Waite's two-part ln 2), exp(r) by its Taylor
 * series to r^13 / 13! (relative error below 2e-16 there), times 2^k built
 * in the exponent bits. Branch-free, so that it vectorises; |x| must stay
 * below 700 (umc_draw checks the input's range first). */
#define UMC_INLINE static inline __attribute__((always_inline))
UMC_INLINE void umc_exp_body(double *restrict out, size_t n, double alpha, double beta)
{
    const double log2e = 1.4426950408889634, ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double shifter = 6755399441055744.0; /* 1.5 x 2^52: adding it rounds to an integer, k in the low bits */
    const uint64_t shifter_bits = 0x4338000000000000u;
    for (size_t i = 0; i < n; i++) {
        double x = out[i];
        double t = x * log2e + shifter, k = t - shifter;
        uint64_t tb;
        memcpy(&tb, &t, sizeof tb);
        double r = (x - k * ln2_hi) - k * ln2_lo;
        double p = 1.0 / 6227020800.0; /* 1/13! */
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        uint64_t bits = (tb - shifter_bits + 1023u) << 52; /* k + 1023 in the exponent (integer lanes only) */
        double scale;
        memcpy(&scale, &bits, sizeof scale);
        out[i] = alpha + beta * (p * scale);
    }
}

static void umc_exp_plain(double *out, size_t n, double alpha, double beta) { umc_exp_body(out, n, alpha, beta); }

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2"))) static void umc_exp_avx2(double *out, size_t n, double alpha, double beta)
{
    umc_exp_body(out, n, alpha, beta);
}
#else
#define umc_exp_avx2 umc_exp_plain
#endif

/* The largest |z| a normal draw gives: the quantile of 2^-33, 6.36 (umc_draw.c's table ends there). */
#define UMC_ZMAX 6.5

/* Draws n values of spec d for iterations from it0 into out. */
static void umc_draw(const umc_table *t, const umc_drawspec *d, uint64_t seed, uint64_t it0, size_t n, double *out,
                     bool avx2)
{
    umc_fill(t, seed, d->stream, it0, n, d->mode, d->a, d->b, out);
    if (d->post == UMC_POST_EXP) {
        if (!(fabs(d->a) + UMC_ZMAX * fabs(d->b) < 700.0)) /* exp would leave the fast path's range */
            for (size_t k = 0; k < n; k++)
                out[k] = d->alpha + d->beta * exp(out[k]);
        else if (avx2)
            umc_exp_avx2(out, n, d->alpha, d->beta);
        else
            umc_exp_plain(out, n, d->alpha, d->beta);
    } else if (d->post == UMC_POST_TRI)
        for (size_t k = 0; k < n; k++)
            out[k] = d->alpha + d->beta * rng_quantile(&d->r, out[k]);
}

static bool umc_uncertain(const unc_input *x) { return x->r.kind != RNG_FIXED && x->beta != 0; }

/* ------------------------------------------------------------- plan */

#define UMC_OWN (-1)  /* umc_unit.gslot: the amount's moments against its own lines */
#define UMC_NOMOM (-2) /* no moments of its own (a base-year amount, or a group with a factor in it) */

/* Slot maps built with the plan. */
typedef struct {
    uint32_t *in_slot;          /* by input: its shared slot */
    int32_t *stream_slot;       /* by stream: the shared slot that stands for it, or -1 */
    int32_t *stream_g;          /* by stream: its group buffer (amounts only), or -1 */
} umc_maps;

/* Gives every uncertain shared input (not an amount or a site) a slot; the
 * first slot of each stream stands for the stream in the moments. */
static bool umc_plan_shared(umc_plan *p, const unc_input *in, size_t nin, umc_maps *mp)
{
    p->sh = malloc((nin ? nin : 1) * sizeof *p->sh);
    p->smom = malloc((nin ? nin : 1) * sizeof *p->smom);
    if (!p->sh || !p->smom)
        return false;
    for (size_t i = 0; i < nin; i++) {
        const unc_input *x = &in[i];
        if (!umc_uncertain(x) || x->role == UNC_ROLE_AD || x->role == UNC_ROLE_EMISSION)
            continue;
        mp->in_slot[i] = (uint32_t)p->nsh;
        if (mp->stream_slot[x->stream] < 0) {
            mp->stream_slot[x->stream] = (int32_t)p->nsh;
            p->smom[p->nsmom++] = (umc_smom){x->stream, (uint32_t)p->nsh};
        }
        p->sh[p->nsh++] = umc_spec_of(x);
    }
    p->draws_per_iter += p->nsh;
    return true;
}

/* Gives every correlation group made of amounts only a buffer. */
static bool umc_plan_groups(umc_plan *p, const unc_input *in, size_t nin, umc_maps *mp)
{
    p->gs = malloc((nin ? nin : 1) * sizeof *p->gs);
    if (!p->gs)
        return false;
    for (size_t i = 0; i < nin; i++) {
        const unc_input *x = &in[i];
        bool local = x->role == UNC_ROLE_AD || x->role == UNC_ROLE_EMISSION;
        if (!local || !x->group || !umc_uncertain(x) || mp->stream_slot[x->stream] >= 0 ||
            mp->stream_g[x->stream] >= 0)
            continue;
        mp->stream_g[x->stream] = (int32_t)p->ngs;
        p->gs[p->ngs++] = (umc_gslot){x->stream};
    }
    p->draws_per_iter += p->ngs; /* each group's z, for its moments */
    return true;
}

/* Adds line l of the model to the plan with its shared slots. */
static void umc_plan_line(umc_plan *p, const unc_line *l, const uint32_t *lin, const umc_maps *mp, size_t *nlsh)
{
    umc_pline *q = &p->lines[p->nlines++];
    *q = (umc_pline){l->row, l->year == UNC_BASE, l->t_co2e, (uint32_t)*nlsh, 0};
    for (uint32_t k = 1; k < l->n; k++) { /* input 0 is the unit's amount */
        uint32_t slot = mp->in_slot[lin[l->first + k]];
        if (slot != UMC_NONE) {
            p->lsh[(*nlsh)++] = slot;
            q->n++;
        }
    }
}

/* A new unit for the lines of amount input x (NULL: none) of one year. */
static void umc_plan_unit(umc_plan *p, const unc_input *x, bool base, const umc_maps *mp)
{
    umc_unit *u = &p->units[p->nunits++];
    *u = (umc_unit){(uint32_t)p->nlines, 0, x && umc_uncertain(x), {0}, UMC_NOMOM};
    if (!u->local)
        return;
    u->d = umc_spec_of(x);
    p->draws_per_iter++;
    if (base || mp->stream_slot[x->stream] >= 0)
        return; /* a base-year amount does not move the year-t total; a factor stands for its group */
    u->gslot = x->group ? mp->stream_g[x->stream] : UMC_OWN;
}

/* Groups the model's lines into units (one record or site of one year). */
static bool umc_plan_lines(umc_plan *p, const unc_model *m, const umc_maps *mp)
{
    const unc_line *lines;
    const unc_input *in;
    size_t nl = unc_model_lines(m, &lines), nlsh = 0, cap = 0;
    unc_model_inputs(m, &in);
    const uint32_t *lin = unc_model_line_inputs(m);
    for (size_t i = 0; i < nl; i++)
        cap += lines[i].n;
    p->lines = malloc((nl ? nl : 1) * sizeof *p->lines);
    p->units = malloc((nl ? nl : 1) * sizeof *p->units);
    p->lsh = malloc((cap ? cap : 1) * sizeof *p->lsh);
    if (!p->lines || !p->units || !p->lsh)
        return false;
    for (size_t i = 0; i < nl; i++) {
        uint32_t first_in = lines[i].n ? lin[lines[i].first] : UMC_NONE;
        bool same = i > 0 && lines[i - 1].n && lin[lines[i - 1].first] == first_in && lines[i - 1].year == lines[i].year;
        if (!same)
            umc_plan_unit(p, first_in != UMC_NONE ? &in[first_in] : NULL, lines[i].year == UNC_BASE, mp);
        p->units[p->nunits - 1].n++;
        umc_plan_line(p, &lines[i], lin, mp, &nlsh);
    }
    return true;
}

bool umc_plan_build(const unc_model *m, umc_plan *p)
{
    memset(p, 0, sizeof *p);
    umc_table_init(&p->tab);
    p->avx2 = umc_has_avx2();
    const unc_input *in;
    const unc_row_key *keys;
    size_t nin = unc_model_inputs(m, &in);
    p->nrows = unc_model_rows(m, &keys);
    p->has_base = unc_model_has_base(m);
    p->nstreams = unc_model_streams(m);
    size_t ns = p->nstreams ? p->nstreams : 1;
    umc_maps mp = {malloc((nin ? nin : 1) * sizeof *mp.in_slot), malloc(ns * sizeof *mp.stream_slot),
                   malloc(ns * sizeof *mp.stream_g)};
    bool ok = mp.in_slot && mp.stream_slot && mp.stream_g;
    for (size_t i = 0; ok && i < nin; i++)
        mp.in_slot[i] = UMC_NONE;
    for (uint32_t s = 0; ok && s < p->nstreams; s++)
        mp.stream_slot[s] = mp.stream_g[s] = -1;
    ok = ok && umc_plan_shared(p, in, nin, &mp) && umc_plan_groups(p, in, nin, &mp) && umc_plan_lines(p, m, &mp);
    free(mp.in_slot);
    free(mp.stream_slot);
    free(mp.stream_g);
    if (!ok)
        umc_plan_free(p);
    return ok;
}

void umc_plan_free(umc_plan *p)
{
    free(p->sh);
    free(p->smom);
    free(p->gs);
    free(p->lines);
    free(p->lsh);
    free(p->units);
    memset(p, 0, sizeof *p);
}

bool umc_work_new(const umc_plan *p, umc_work *w)
{
    size_t b = UMC_BATCH;
    w->s = malloc((p->nsh ? p->nsh : 1) * b * sizeof *w->s);
    w->z = malloc((p->ngs ? p->ngs : 1) * b * sizeof *w->z);
    w->d = malloc((p->ngs ? p->ngs : 1) * b * sizeof *w->d);
    w->row = malloc((p->nrows ? p->nrows : 1) * b * sizeof *w->row);
    w->base = malloc(6 * b * sizeof *w->base);
    w->mom = calloc((p->nstreams ? p->nstreams : 1) * 4, sizeof *w->mom);
    if (!w->s || !w->z || !w->d || !w->row || !w->base || !w->mom) {
        umc_work_free(w);
        return false;
    }
    w->f = w->base + b, w->r = w->base + 2 * b, w->tmp = w->base + 3 * b, w->tot = w->base + 4 * b;
    w->ones = w->base + 5 * b;
    for (size_t k = 0; k < b; k++)
        w->ones[k] = 1.0;
    return true;
}

void umc_work_free(umc_work *w)
{
    free(w->s);
    free(w->z);
    free(w->d);
    free(w->row);
    free(w->base);
    free(w->mom);
    memset(w, 0, sizeof *w);
}

/* ------------------------------------------------------------ batch */

#define UMC_LANES 4 /* partial sums of the moments: iteration k goes to lane k mod 4 */

/* Adds sum (x - 1), (x - 1)^2, (x - 1) d and d over n iterations (a
 * multiple of 4) to mom[0..4). Four lanes of partial sums, added in a
 * fixed order at the end: the same figures from every build, and a loop
 * the compiler can run four at a time. */
UMC_INLINE void umc_moments_body(double *mom, const double *restrict x, const double *restrict d, size_t n)
{
    double sx[UMC_LANES] = {0}, sxx[UMC_LANES] = {0}, sxd[UMC_LANES] = {0}, sd[UMC_LANES] = {0};
    for (size_t k = 0; k < n; k += UMC_LANES)
        for (size_t j = 0; j < UMC_LANES; j++) {
            double c = x[k + j] - 1.0;
            sx[j] += c;
            sxx[j] += c * c;
            sxd[j] += c * d[k + j];
            sd[j] += d[k + j];
        }
    mom[0] += (sx[0] + sx[1]) + (sx[2] + sx[3]);
    mom[1] += (sxx[0] + sxx[1]) + (sxx[2] + sxx[3]);
    mom[2] += (sxd[0] + sxd[1]) + (sxd[2] + sxd[3]);
    mom[3] += (sd[0] + sd[1]) + (sd[2] + sd[3]);
}

static void umc_moments_plain(double *mom, const double *x, const double *d, size_t n)
{
    umc_moments_body(mom, x, d, n);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2"))) static void umc_moments_avx2(double *mom, const double *x, const double *d, size_t n)
{
    umc_moments_body(mom, x, d, n);
}
#else
#define umc_moments_avx2 umc_moments_plain
#endif

/* The moments through the build the processor runs. */
static void umc_moments(const umc_plan *p, double *mom, const double *x, const double *d, size_t n)
{
    if (p->avx2)
        umc_moments_avx2(mom, x, d, n);
    else
        umc_moments_plain(mom, x, d, n);
}

/* acc += v and r += v for v = c x f x s0 x ... over the batch, with n
 * (0 to 3) shared draws; one pass, element by element (restrict: the
 * buffers never overlap), so that every build vectorises it alike. */
UMC_INLINE void umc_line0(double *restrict acc, double *restrict r, const double *restrict f, double c)
{
    for (size_t k = 0; k < UMC_BATCH; k++) {
        double v = c * f[k];
        acc[k] += v;
        r[k] += v;
    }
}

UMC_INLINE void umc_line1(double *restrict acc, double *restrict r, const double *restrict f, double c,
                          const double *restrict s0)
{
    for (size_t k = 0; k < UMC_BATCH; k++) {
        double v = c * f[k] * s0[k];
        acc[k] += v;
        r[k] += v;
    }
}

UMC_INLINE void umc_line2(double *restrict acc, double *restrict r, const double *restrict f, double c,
                          const double *restrict s0, const double *restrict s1)
{
    for (size_t k = 0; k < UMC_BATCH; k++) {
        double v = c * f[k] * s0[k] * s1[k];
        acc[k] += v;
        r[k] += v;
    }
}

UMC_INLINE void umc_line3(double *restrict acc, double *restrict r, const double *restrict f, double c,
                          const double *restrict s0, const double *restrict s1, const double *restrict s2)
{
    for (size_t k = 0; k < UMC_BATCH; k++) {
        double v = c * f[k] * s0[k] * s1[k] * s2[k];
        acc[k] += v;
        r[k] += v;
    }
}

/* t = c x f x s0 x s1 x s2, for lines with more than three shared draws. */
UMC_INLINE void umc_line3t(double *restrict t, const double *restrict f, double c, const double *restrict s0,
                           const double *restrict s1, const double *restrict s2)
{
    for (size_t k = 0; k < UMC_BATCH; k++)
        t[k] = c * f[k] * s0[k] * s1[k] * s2[k];
}

UMC_INLINE void umc_mul(double *restrict t, const double *restrict s)
{
    for (size_t k = 0; k < UMC_BATCH; k++)
        t[k] *= s[k];
}

UMC_INLINE void umc_add2(double *restrict acc, double *restrict r, const double *restrict t)
{
    for (size_t k = 0; k < UMC_BATCH; k++) {
        acc[k] += t[k];
        r[k] += t[k];
    }
}

/* One line with n shared draws (slots q[0..n)). */
UMC_INLINE void umc_line(const umc_plan *p, const umc_work *w, double *acc, const double *f, const umc_pline *l)
{
    const uint32_t *q = p->lsh + l->first;
    const double *s = w->s;
    switch (l->n) {
    case 0:
        umc_line0(acc, w->r, f, l->coef);
        break;
    case 1:
        umc_line1(acc, w->r, f, l->coef, s + q[0] * UMC_BATCH);
        break;
    case 2:
        umc_line2(acc, w->r, f, l->coef, s + q[0] * UMC_BATCH, s + q[1] * UMC_BATCH);
        break;
    case 3:
        umc_line3(acc, w->r, f, l->coef, s + q[0] * UMC_BATCH, s + q[1] * UMC_BATCH, s + q[2] * UMC_BATCH);
        break;
    default:
        umc_line3t(w->tmp, f, l->coef, s + q[0] * UMC_BATCH, s + q[1] * UMC_BATCH, s + q[2] * UMC_BATCH);
        for (uint32_t j = 3; j < l->n; j++)
            umc_mul(w->tmp, s + (size_t)q[j] * UMC_BATCH);
        umc_add2(acc, w->r, w->tmp);
        break;
    }
}

/* The lines of unit u, each coef x f x its shared draws, added to its row
 * (or the base year's total) and to the unit's sum w->r. */
UMC_INLINE void umc_lines_body(const umc_plan *p, const umc_work *w, const umc_unit *u)
{
    memset(w->r, 0, UMC_BATCH * sizeof *w->r);
    const double *f = u->local ? w->f : w->ones;
    for (uint32_t li = u->first; li < u->first + u->n; li++) {
        const umc_pline *l = &p->lines[li];
        umc_line(p, w, l->base ? w->base : w->row + (size_t)l->row * UMC_BATCH, f, l);
    }
}

static void umc_lines_plain(const umc_plan *p, const umc_work *w, const umc_unit *u) { umc_lines_body(p, w, u); }

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2"))) static void umc_lines_avx2(const umc_plan *p, const umc_work *w, const umc_unit *u)
{
    umc_lines_body(p, w, u);
}
#else
#define umc_lines_avx2 umc_lines_plain
#endif

/* Draws the shared inputs and the groups' z for the batch; clears the sums. */
static void umc_batch_begin(const umc_plan *p, umc_work *w, uint64_t seed, uint64_t it0)
{
    for (size_t i = 0; i < p->nsh; i++)
        umc_draw(&p->tab, &p->sh[i], seed, it0, UMC_BATCH, w->s + i * UMC_BATCH, p->avx2);
    for (size_t i = 0; i < p->ngs; i++) {
        umc_fill(&p->tab, seed, p->gs[i].stream, it0, UMC_BATCH, UMC_NORMAL, 1.0, 1.0, w->z + i * UMC_BATCH);
        memset(w->d + i * UMC_BATCH, 0, UMC_BATCH * sizeof *w->d);
    }
    memset(w->base, 0, UMC_BATCH * sizeof *w->base);
    memset(w->row, 0, p->nrows * UMC_BATCH * sizeof *w->row);
}

/* The moments of the streams: an amount against its own lines, a group of
 * amounts against its records' lines, a shared input against the total. */
static void umc_unit_moments(const umc_plan *p, umc_work *w, const umc_unit *u, size_t nb)
{
    if (u->gslot == UMC_OWN)
        umc_moments(p, w->mom + 4 * (size_t)u->d.stream, w->f, w->r, nb);
    else if (u->gslot >= 0) {
        double *restrict d = w->d + (size_t)u->gslot * UMC_BATCH;
        const double *restrict r = w->r;
        for (size_t k = 0; k < UMC_BATCH; k++)
            d[k] += r[k];
    }
}

void umc_batch(const umc_plan *p, umc_work *w, uint64_t seed, uint64_t it0, size_t nb, double *tot, double *base,
               float *rows, uint64_t stride)
{
    umc_batch_begin(p, w, seed, it0);
    for (size_t i = 0; i < p->nunits; i++) {
        const umc_unit *u = &p->units[i];
        if (u->local)
            umc_draw(&p->tab, &u->d, seed, it0, UMC_BATCH, w->f, p->avx2);
        if (p->avx2)
            umc_lines_avx2(p, w, u);
        else
            umc_lines_plain(p, w, u);
        umc_unit_moments(p, w, u, nb);
    }
    for (size_t k = 0; k < UMC_BATCH; k++)
        w->tot[k] = 0;
    for (size_t r = 0; r < p->nrows; r++) {
        const double *v = w->row + r * UMC_BATCH;
        for (size_t k = 0; k < UMC_BATCH; k++)
            w->tot[k] += v[k];
        for (size_t k = 0; k < nb; k++)
            rows[r * stride + it0 + k] = (float)v[k];
    }
    for (size_t i = 0; i < p->nsmom; i++)
        umc_moments(p, w->mom + 4 * (size_t)p->smom[i].stream, w->s + (size_t)p->smom[i].slot * UMC_BATCH, w->tot, nb);
    for (size_t i = 0; i < p->ngs; i++)
        umc_moments(p, w->mom + 4 * (size_t)p->gs[i].stream, w->z + i * UMC_BATCH, w->d + i * UMC_BATCH, nb);
    memcpy(tot, w->tot, nb * sizeof *tot);
    if (base)
        memcpy(base, w->base, nb * sizeof *base);
}
