/* unc_agg.c - aggregated inputs: the amounts of many records that sum exactly into one uncertain input. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nsum.h"
#include "unc_internal.h"

/* Words of a key: per line its gas and factor count, then each factor. */
#define UCL_MAX_WORDS (GAS_COUNT * (1 + UNC_MAX_HITS))

/* What records must share to be summed into one input: the year, the IPCC
 * category and the fuel or activity (so the Approach 1 rows), where their
 * uncertainty comes from, the sign of their emissions, and line by line the
 * gas and the factor values of the sets (with the way each enters). The
 * records' own factors, which must be exact to be summed, only scale their
 * emissions and are not part of it. */
typedef struct {
    const char *category, *key; /* the loader's interned category, eng_rec_key(): compared by address */
    unsigned year;
    unc_origin origin;
    int sign;                   /* +1: no line below 0; -1: no line above 0 */
    size_t nw;
    uint64_t w[UCL_MAX_WORDS];  /* per line: gas | factor count << 8, then each value's address | kind */
    uint64_t hash;
} ucl_key;

/* What one record brings to its cluster. */
typedef struct {
    double u;                   /* its amount's uncertainty, % (as the model resolves it) */
    const char *note;
    size_t nl;
    double t[GAS_COUNT];        /* its lines' emissions, t CO2e */
} ucl_rec;

/* A cluster: the records of one key, with the sums an aggregated input needs. */
typedef struct {
    uint64_t hash;
    const char *category, *key;
    unsigned year;
    unc_origin origin;
    int sign;
    uint32_t w0, nw;            /* its key words in cl->words */
    uint32_t count;             /* records */
    size_t first;               /* its first record */
    const char *note;           /* the first record's note */
    bool notes_differ;
    uint32_t nl;                /* lines of each record */
    size_t acc;                 /* in cl->acc: nl sums of t, then nl x nl sums of U^2 t_r t_s (r <= s) */
    bool used;
} ucl_slot;

struct unc_clusters {
    ucl_slot *map;              /* open addressing on the key's hash */
    size_t cap, n;
    uint64_t *words;
    size_t nwords, capwords;
    nsum *acc;
    size_t nacc, capacc;
};

/* --------------------------------------------------------------- keys */

/* Whether factor value `fv` enters exactly (no range, or a zero one). */
static bool ucl_exact(const fset_value *fv)
{
    double mi, pl;
    return fv->value == 0 || !unc_factor_range(fv, &mi, &pl) || !(mi > 0 || pl > 0);
}

/* The amount of record `rec` as the model would resolve it: false unless it
 * is normal (or exact) and in no correlation group; else its U in x->u. */
static bool ucl_amount(unc_model *m, const inventory *inv, const inv_record *rec, ucl_key *k, ucl_rec *x)
{
    unc_amount a;
    unc_amount_spec(m, inv, rec, &a);
    unc_dist d = a.dist;
    if (d == UNC_DIST_AUTO) /* unc_resolve's rule: a symmetric range is normal */
        d = fabs(a.minus - a.plus) > 1e-9 * fmax(a.minus, a.plus) ? UNC_DIST_LOGNORMAL : UNC_DIST_NORMAL;
    if (a.group || d != UNC_DIST_NORMAL)
        return false;
    unc_input tmp = {.beta = 1.0, .nominal = rec->amount}; /* f = r, as an amount's input */
    unc_resolve(m, &tmp, a.minus, a.plus, UNC_DIST_NORMAL, a.at);
    x->u = fmax(tmp.minus_pct, tmp.plus_pct);
    x->note = a.note;
    k->origin = a.origin;
    return true;
}

/* FNV-1a over the key's words, names and flags. */
static uint64_t ucl_hash(const ucl_key *k)
{
    uint64_t h = 1469598103934665603ull, v[5] = {(uint64_t)(uintptr_t)k->category, (uint64_t)(uintptr_t)k->key,
                                                 k->year, (uint64_t)k->origin, (uint64_t)(k->sign + 1)};
    for (size_t i = 0; i < 5 + k->nw; i++) {
        uint64_t x = i < 5 ? v[i] : k->w[i - 5];
        for (int b = 0; b < 64; b += 16)
            h = (h ^ ((x >> b) & 0xffffu)) * 1099511628211ull;
    }
    return h ^ (h >> 29);
}

/* The key of record i (its lines l[0..n)) and what it brings; false when it
 * cannot be summed with others: an amount that is not normal or is in a
 * group, a factor of its own with a range, lines of both signs, or no line. */
static bool ucl_key_of(unc_model *m, const eng_result *r, unsigned year, size_t i, const eng_line *l, size_t n,
                       ucl_key *k, ucl_rec *x)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, i);
    if (!ucl_amount(m, inv, rec, k, x))
        return false;
    k->category = rec->category, k->key = eng_rec_key(r, i), k->year = year, k->nw = 0; /* not the whole w[]: 1.5 KB */
    bool pos = false, neg = false;
    x->nl = 0;
    for (size_t j = 0; j < n; j++) {
        if (l[j].memo)
            continue;
        unc_hit h[UNC_MAX_HITS];
        size_t nh = unc_line_hits(&l[j], h), head = k->nw++;
        uint64_t shared = 0;
        for (size_t q = 0; q < nh; q++) {
            if (!h[q].h->entry) { /* the record's own value: it only scales the record, when exact */
                if (!ucl_exact(h[q].h->v))
                    return false;
                continue;
            }
            uint64_t kind = h[q].kind == FSET_TERM_ONE_MINUS ? 1 : h[q].kind == FSET_TERM_ONE_PLUS ? 2 : 0;
            k->w[k->nw++] = (uint64_t)(uintptr_t)h[q].h->v | kind; /* values are 8-aligned */
            shared++;
        }
        k->w[head] = (uint64_t)l[j].gas | shared << 8;
        double t = l[j].emission_t_co2e;
        pos |= t > 0;
        neg |= t < 0;
        x->t[x->nl++] = t;
    }
    if (!x->nl || (pos && neg))
        return false;
    k->sign = neg ? -1 : 1;
    k->hash = ucl_hash(k);
    return true;
}

/* ------------------------------------------------------------ clusters */

/* Whether slot c holds key k. */
static bool ucl_same(const struct unc_clusters *cl, const ucl_slot *c, const ucl_key *k)
{
    return c->hash == k->hash && c->category == k->category && c->key == k->key && c->year == k->year &&
           c->origin == k->origin && c->sign == k->sign && c->nw == k->nw &&
           memcmp(cl->words + c->w0, k->w, k->nw * sizeof *k->w) == 0;
}

/* Doubles the map (or makes its first one). */
static bool ucl_rehash(struct unc_clusters *cl)
{
    size_t cap = cl->cap ? cl->cap * 2 : 256;
    ucl_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < cl->cap; i++) {
        if (!cl->map[i].used)
            continue;
        size_t j = cl->map[i].hash & (cap - 1);
        while (t[j].used)
            j = (j + 1) & (cap - 1);
        t[j] = cl->map[i];
    }
    free(cl->map);
    cl->map = t;
    cl->cap = cap;
    return true;
}

/* Room for `more` words and `nacc` accumulators at the ends of their arrays. */
static bool ucl_reserve(struct unc_clusters *cl, size_t more, size_t nacc)
{
    while (cl->nwords + more > cl->capwords) {
        size_t c = cl->capwords ? cl->capwords * 2 : 1024;
        uint64_t *p = realloc(cl->words, c * sizeof *p);
        if (!p)
            return false;
        cl->words = p, cl->capwords = c;
    }
    while (cl->nacc + nacc > cl->capacc) {
        size_t c = cl->capacc ? cl->capacc * 2 : 1024;
        nsum *p = realloc(cl->acc, c * sizeof *p);
        if (!p)
            return false;
        cl->acc = p, cl->capacc = c;
    }
    return true;
}

/* The cluster of key k; a new one (first record `first`) when `add` and
 * there is none. NULL when absent, or out of memory. */
static ucl_slot *ucl_find(struct unc_clusters *cl, const ucl_key *k, const ucl_rec *x, size_t first, bool add)
{
    if (add && (cl->n + 1) * 2 > cl->cap && !ucl_rehash(cl))
        return NULL;
    if (!cl->cap)
        return NULL;
    size_t j = k->hash & (cl->cap - 1);
    for (; cl->map[j].used; j = (j + 1) & (cl->cap - 1))
        if (ucl_same(cl, &cl->map[j], k))
            return &cl->map[j];
    size_t nacc = x->nl + x->nl * x->nl;
    if (!add || !ucl_reserve(cl, k->nw, nacc))
        return NULL;
    ucl_slot *c = &cl->map[j];
    *c = (ucl_slot){k->hash, k->category, k->key, k->year, k->origin, k->sign, (uint32_t)cl->nwords,
                    (uint32_t)k->nw, 0, first, x->note, false, (uint32_t)x->nl, cl->nacc, true};
    memcpy(cl->words + cl->nwords, k->w, k->nw * sizeof *k->w);
    memset(cl->acc + cl->nacc, 0, nacc * sizeof *cl->acc);
    cl->nwords += k->nw;
    cl->nacc += nacc;
    cl->n++;
    return c;
}

/* Adds one record to its cluster: its emissions, and its amount's variance
 * U^2 t_r t_s (the records are independent, so these add up). */
static void ucl_add(struct unc_clusters *cl, ucl_slot *c, const ucl_rec *x)
{
    c->count++;
    if (x->note != c->note && (!x->note || !c->note || strcmp(x->note, c->note)))
        c->notes_differ = true;
    nsum *t = cl->acc + c->acc, *v = t + c->nl;
    double u2 = x->u * x->u;
    for (size_t r = 0; r < c->nl; r++) {
        nsum_add(&t[r], x->t[r]);
        for (size_t s = r; s < c->nl; s++)
            nsum_add(&v[r * c->nl + s], u2 * x->t[r] * x->t[s]);
    }
}

bool unc_agg_scan(unc_model *m, const eng_result *r, unsigned year)
{
    if (!m->cl && !(m->cl = calloc(1, sizeof *m->cl)))
        return false;
    const inventory *inv = eng_inventory(r);
    eng_line lines[GAS_COUNT];
    ucl_key k;
    ucl_rec x;
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(r, i, lines);
        if (!ucl_key_of(m, r, year, i, lines, n, &k, &x))
            continue;
        ucl_slot *c = ucl_find(m->cl, &k, &x, i, true);
        if (!c)
            return false;
        ucl_add(m->cl, c, &x);
    }
    return true;
}

/* ------------------------------------------------------------- inputs */

/* The covariances of cluster c as a full nl x nl matrix (caller frees),
 * and the sums the input needs: *sum_t (sum of its lines' t) and *var (the
 * sum of every covariance: the variance of the records' total). */
static double *ucl_cov(const struct unc_clusters *cl, const ucl_slot *c, double *sum_t, double *var)
{
    size_t R = c->nl;
    double *cov = malloc(R * R * sizeof *cov);
    if (!cov)
        return NULL;
    const nsum *t = cl->acc + c->acc, *v = t + R;
    nsum st = {0}, sv = {0};
    for (size_t r = 0; r < R; r++) {
        nsum_add(&st, nsum_value(&t[r]));
        for (size_t s = r; s < R; s++) {
            cov[r * R + s] = cov[s * R + r] = nsum_value(&v[r * R + s]);
            nsum_add(&sv, (s == r ? 1.0 : 2.0) * cov[r * R + s]);
        }
    }
    *sum_t = nsum_value(&st);
    *var = nsum_value(&sv);
    return cov;
}

/* Adds the aggregated input of cluster c and its lines (one per line of its
 * records: t the records' sum, e = sqrt(cov) / U). The input is normal with
 * U = sqrt(var) / |sum t|, the combined uncertainty of the records' total. */
static bool ucl_materialize(unc_model *m, const eng_result *r, const ucl_slot *c, const eng_line *l, size_t n)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, c->first);
    double sum_t, var, *cov = ucl_cov(m->cl, c, &sum_t, &var);
    unc_input *in = cov && unc_grow((void **)&m->aggs, &m->capaggs, m->naggs, sizeof *m->aggs)
                        ? unc_new_input(m, UNC_ROLE_AD, "amount") : NULL;
    if (!in) {
        free(cov);
        return false;
    }
    uint32_t ix[ENG_MAX_TERMS + 4] = {(uint32_t)(m->nin - 1)};
    m->aggs[m->naggs] = (unc_agg){ix[0], (uint32_t)m->nlines, c->nl, cov};
    in->agg = (uint32_t)m->naggs++;
    in->rec = c->first;
    in->year = c->year;
    in->count = c->count;
    in->origin = c->origin;
    in->note = c->notes_differ ? "stated on the records (their sources differ)" : c->note;
    in->nominal = sum_t;
    double u = sum_t != 0 ? sqrt(fmax(var, 0)) / fabs(sum_t) : 0;
    unc_resolve(m, in, u, u, UNC_DIST_NORMAL, inv_loc(inv, rec->at));
    double ures = fmax(in->minus_pct, in->plus_pct);
    if (!unc_set_stream(m, in, UNC_NONE))
        return false;
    const nsum *t = m->cl->acc + c->acc;
    for (size_t j = 0, q = 0; j < n; j++) {
        if (l[j].memo)
            continue;
        size_t nf = unc_line_factors(m, r, &l[j], true, ix + 1);
        double tq = nsum_value(&t[q]), e = ures > 0 ? copysign(sqrt(cov[q * c->nl + q]) / ures, tq) : tq;
        if (nf == SIZE_MAX ||
            !unc_add_line(m, unc_row_for(m, rec->category, c->key, l[j].gas), c->year, c->first, tq, e, ix, 1 + nf))
            return false;
        q++;
    }
    return true;
}

bool unc_agg_take(unc_model *m, const eng_result *r, unsigned year, size_t i, const eng_line *l, size_t n, bool *err)
{
    ucl_key k;
    ucl_rec x;
    if (!ucl_key_of(m, r, year, i, l, n, &k, &x))
        return false;
    const ucl_slot *c = ucl_find(m->cl, &k, &x, i, false);
    if (!c || c->count < 2)
        return false;
    if (c->first == i && !ucl_materialize(m, r, c, l, n)) {
        *err = true;
        return false;
    }
    return true;
}

void unc_agg_done(unc_model *m)
{
    if (!m->cl)
        return;
    free(m->cl->map);
    free(m->cl->words);
    free(m->cl->acc);
    free(m->cl);
    m->cl = NULL;
}
