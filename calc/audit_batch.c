/* audit_batch.c - what a run says of its reports together: each one's status and deviation, and the risk order. */
#include <math.h>
#include <stdlib.h>

#include "audit.h"

static const char *const ab_status_names[AUD_NSTATUS] = {"unreadable", "not_recomputable", "errors", "warnings",
                                                         "clean"};

aud_status aud_status_of(const aud_enterprise *e)
{
    if (!e->readable)
        return AUD_ST_UNREADABLE;
    if (!e->recomputed)
        return AUD_ST_NOT_RECOMPUTABLE;
    if (e->count[AUD_ERROR])
        return AUD_ST_ERRORS;
    return e->count[AUD_WARNING] ? AUD_ST_WARNINGS : AUD_ST_CLEAN;
}

const char *aud_status_name(aud_status s) { return s < AUD_NSTATUS ? ab_status_names[s] : "?"; }

double aud_deviation(const aud_enterprise *e)
{
    if (!e->recomputed || isnan(e->declared_t) || isnan(e->conservative_t) || e->conservative_t == 0)
        return NAN;
    return (e->declared_t - e->conservative_t) / fabs(e->conservative_t);
}

/* The sort key of one enterprise. */
typedef struct {
    aud_status status;
    double dev; /* |deviation|, -1 when unknown (sorts last) */
    size_t errors, warnings, index;
} ab_key;

/* qsort order of ab_key: see aud_batch_sort. */
static int ab_key_cmp(const void *pa, const void *pb)
{
    const ab_key *a = pa, *b = pb;
    if (a->status != b->status)
        return a->status < b->status ? -1 : 1;
    if (a->dev != b->dev)
        return a->dev > b->dev ? -1 : 1;
    if (a->errors != b->errors)
        return a->errors > b->errors ? -1 : 1;
    if (a->warnings != b->warnings)
        return a->warnings > b->warnings ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

void aud_batch_sort(aud_batch *b)
{
    ab_key *k = malloc((b->n ? b->n : 1) * sizeof *k);
    if (!k) { /* out of memory: input order */
        for (size_t i = 0; i < b->n; i++)
            b->order[i] = i;
        return;
    }
    for (size_t i = 0; i < b->n; i++) {
        const aud_enterprise *e = b->ent[i];
        double d = aud_deviation(e);
        k[i] = (ab_key){aud_status_of(e), isnan(d) ? -1 : fabs(d), e->count[AUD_ERROR], e->count[AUD_WARNING], i};
    }
    qsort(k, b->n, sizeof *k, ab_key_cmp);
    for (size_t i = 0; i < b->n; i++)
        b->order[i] = k[i].index;
    free(k);
}

size_t aud_batch_count_at_least(const aud_batch *b, aud_severity min)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++)
        n += aud_count_at_least(b->ent[i], min);
    return n;
}

/* The sort key of one finding. */
typedef struct {
    aud_severity sev;
    unsigned line, col;
    size_t index;
} ab_fkey;

/* qsort order of ab_fkey: severity down, then position, then as found. */
static int ab_fkey_cmp(const void *pa, const void *pb)
{
    const ab_fkey *a = pa, *b = pb;
    if (a->sev != b->sev)
        return a->sev > b->sev ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

void aud_finding_order(const aud_enterprise *e, size_t *idx)
{
    ab_fkey *k = malloc((e->nfind ? e->nfind : 1) * sizeof *k);
    for (size_t i = 0; i < e->nfind; i++)
        idx[i] = i;
    if (!k)
        return;
    for (size_t i = 0; i < e->nfind; i++)
        k[i] = (ab_fkey){e->find[i].severity, e->find[i].at.line, e->find[i].at.col, i};
    qsort(k, e->nfind, sizeof *k, ab_fkey_cmp);
    for (size_t i = 0; i < e->nfind; i++)
        idx[i] = k[i].index;
    free(k);
}
