/* prj_live.c - what a Monte Carlo run of a scenario must recompute: the parts that depend on an uncertain number. */
#include <stdlib.h>
#include <string.h>

#include "projection.h"

/* Whether parameter i is drawn (has a distribution). */
static bool lv_drawn(const prj_file *f, size_t i) { return i != PRJ_NONE && f->params[i].dist.kind != RNG_FIXED; }

/* Whether a point of path p is drawn. */
static bool lv_path(const prj_file *f, const prj_path *p)
{
    for (size_t k = 0; k < p->n; k++)
        if (lv_drawn(f, p->param[k]))
            return true;
    return false;
}

/* Whether driver k of plan p depends on a drawn number. */
static bool lv_driver(const prj_file *f, const prj_plan *p, size_t k)
{
    const prj_driver *d = p->driver[k];
    return d && (lv_drawn(f, d->base) || lv_path(f, &d->path));
}

/* Whether entry i of kind k depends on a drawn number (an activity entry
 * also through its drivers). */
static bool lv_entry(const prj_file *f, const prj_plan *p, int k, size_t i)
{
    const prj_entry *e = p->sc->entry[k][i];
    if (lv_path(f, &e->path) || (k == PRJ_E_ACTIVITY && lv_drawn(f, e->elasticity)))
        return true;
    for (size_t d = 0; k == PRJ_E_ACTIVITY && d < e->ndrivers; d++)
        if (lv_driver(f, p, p->act_drivers[i][d]))
            return true;
    return false;
}

/* Whether measure j's own numbers are drawn. */
static bool lv_measure(const prj_file *f, const prj_measure *me)
{
    return lv_drawn(f, me->share) || lv_path(f, &me->share_path) || lv_drawn(f, me->amount) ||
           lv_drawn(f, me->availability) || lv_drawn(f, me->ratio) || lv_path(f, &me->growth);
}

/* Marks the entries (in scratch order) and the lines their drawn entries govern. */
static void lv_entries(const prj_model *m, const prj_plan *p, prj_live *lv)
{
    size_t pos = 0, base[PRJ_NENTRY];
    for (int k = 0; k < PRJ_NENTRY; k++) {
        base[k] = pos;
        for (size_t i = 0; i < p->sc->nentry[k]; i++, pos++)
            lv->entry[pos] = lv_entry(m->f, p, k, i);
    }
    for (size_t li = 0; li < m->nlines; li++) {
        bool on = (p->act[li] != PRJ_NONE && lv->entry[base[PRJ_E_ACTIVITY] + p->act[li]]) ||
                  (p->eff[li] != PRJ_NONE && lv->entry[base[PRJ_E_EFFICIENCY] + p->eff[li]]);
        for (int g = 0; g < GAS_COUNT && !on; g++) {
            size_t e = p->ef[li * GAS_COUNT + g];
            on = e != PRJ_NONE && lv->entry[base[PRJ_E_EF] + e];
        }
        lv->line[li] = on;
    }
    for (size_t i = 0; i < p->sc->nentry[PRJ_E_MIX]; i++)
        lv->mix[i] = lv->entry[base[PRJ_E_MIX] + i];
}

/* Sets *x; true when it was not set. */
static bool lv_mark(unsigned char *x)
{
    bool was = *x;
    *x = 1;
    return !was;
}

/* Spreads "recomputed" through the mix groups and the measures until it
 * stops growing: a group with one recomputed line recomputes all of them;
 * a measure with a drawn number or a recomputed line it takes from or adds
 * to is applied, and recomputes all its lines. Returns whether it grew. */
static bool lv_spread(const prj_model *m, const prj_plan *p, prj_live *lv)
{
    bool grew = false;
    for (size_t i = 0; i < p->sc->nentry[PRJ_E_MIX]; i++) {
        for (size_t li = 0; li < m->nlines && !lv->mix[i]; li++)
            lv->mix[i] = p->mix[li] == i && lv->line[li];
        for (size_t li = 0; li < m->nlines; li++)
            if (lv->mix[i] && p->mix[li] == i)
                grew = lv_mark(&lv->line[li]) || grew;
    }
    for (size_t j = 0; j < p->nmeas; j++) {
        const prj_bmeasure *b = &p->meas[j];
        bool on = lv->meas[j] || lv_measure(m->f, b->m);
        for (size_t i = 0; i < b->nlines && !on; i++)
            on = lv->line[b->lines[i]];
        for (size_t i = 0; i < b->nto && !on; i++)
            on = lv->line[b->to[i]];
        if (!on)
            continue;
        grew = grew || !lv->meas[j];
        lv->meas[j] = true;
        for (size_t i = 0; i < b->nlines; i++)
            grew = lv_mark(&lv->line[b->lines[i]]) || grew;
        for (size_t i = 0; i < b->nto; i++)
            grew = lv_mark(&lv->line[b->to[i]]) || grew;
    }
    return grew;
}

bool prj_live_init(const prj_model *m, size_t s, prj_live *lv)
{
    const prj_plan *p = &m->plans[s];
    size_t ne = 0, nl = m->nlines ? m->nlines : 1, ny = m->nyears;
    for (int k = 0; k < PRJ_NENTRY; k++)
        ne += p->sc->nentry[k];
    memset(lv, 0, sizeof *lv);
    lv->line = calloc(nl, 1);
    lv->adds = calloc(nl, 1);
    lv->entry = calloc(ne + 1, 1);
    lv->mix = calloc(p->sc->nentry[PRJ_E_MIX] + 1, 1);
    lv->meas = calloc(p->nmeas + 1, 1);
    lv->energy = calloc(nl, 1);
    lv->contrib = calloc(nl * ny, sizeof *lv->contrib);
    double *pv = malloc((m->f->nparams ? m->f->nparams : 1) * sizeof *pv);
    if (!lv->line || !lv->adds || !lv->entry || !lv->mix || !lv->meas || !lv->energy || !lv->contrib || !pv ||
        !prj_run_init(m, &lv->base)) {
        free(pv);
        prj_live_clear(lv);
        return false;
    }
    lv_entries(m, p, lv);
    while (lv_spread(m, p, lv))
        ;
    for (size_t j = 0; j < p->nmeas; j++) {
        const prj_bmeasure *b = &p->meas[j];
        for (size_t i = 0; lv->meas[j] && i < b->nlines; i++)
            lv->energy[b->lines[i]] = 1;
        for (size_t i = 0; lv->meas[j] && i < b->nto; i++)
            lv->energy[b->to[i]] = 1;
    }
    prj_values(m->f, pv);
    prj_eval(m, s, pv, PRJ_NONE, &lv->base);
    for (size_t li = 0; li < m->nlines; li++) {
        lv->nlive += lv->line[li];
        lv->adds[li] = prj_line_metric(m, &lv->base, li, m->f->metric, &lv->base.scratch[lv->base.nscratch - ny],
                                       &lv->contrib[li * ny]);
    }
    free(pv);
    return true;
}

void prj_live_clear(prj_live *lv)
{
    free(lv->line);
    free(lv->adds);
    free(lv->entry);
    free(lv->mix);
    free(lv->meas);
    free(lv->energy);
    free(lv->contrib);
    prj_run_clear(&lv->base);
    memset(lv, 0, sizeof *lv);
}
