/* projection.c - evaluating one scenario year by year: drivers, activity, efficiency, mix, emission factors, measures,
 * totals. */
#include "projection.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- paths */

/* Linear or geometric interpolation between (a, va) and (b, vb) at y, in
 * the order the workbook formula computes it (docs/projection.md#paths). */
static double pe_interp(bool geometric, long a, double va, long b, double vb, long y)
{
    double frac = (double)(y - a) / (double)(b - a);
    return geometric ? va * pow(vb / va, frac) : va + (vb - va) * frac;
}

/* Values at given years: the point's own value in its year, interpolated
 * between points (from the base value in the base year), held after the last. */
static void pe_values(const prj_path *p, const double *pv, double base, double scale, long by, size_t ny, double *out)
{
    size_t k = 0;
    for (size_t t = 0; t < ny; t++) {
        long y = by + (long)t;
        while (k < p->n && p->year[k] < y)
            k++;
        if (t == 0)
            out[t] = base;
        else if (k == p->n)
            out[t] = pv[p->param[p->n - 1]] * scale;
        else if (p->year[k] == y)
            out[t] = pv[p->param[k]] * scale;
        else {
            long a = k ? p->year[k - 1] : by;
            double va = k ? pv[p->param[k - 1]] * scale : base;
            out[t] = pe_interp(p->geometric, a, va, p->year[k], pv[p->param[k]] * scale, y);
        }
    }
}

/* Annual rates: P(y) = P(y-1) x (1 + the rate in effect in y). */
static void pe_rates(const prj_path *p, const double *pv, double base, long by, size_t ny, double *out)
{
    size_t k = 0;
    out[0] = base;
    for (size_t t = 1; t < ny; t++) {
        long y = by + (long)t;
        while (k + 1 < p->n && p->year[k + 1] <= y)
            k++;
        out[t] = out[t - 1] * (1 + pv[p->param[k]]);
    }
}

void prj_path_eval(const prj_path *p, const double *pv, double base, double scale, long base_year, size_t nyears,
                   double *out)
{
    if (p->kind == PRJ_PATH_VALUES)
        pe_values(p, pv, base, scale, base_year, nyears, out);
    else if (p->kind == PRJ_PATH_RATE)
        pe_rates(p, pv, base, base_year, nyears, out);
    else
        for (size_t t = 0; t < nyears; t++)
            out[t] = base;
}

/* ---------------------------------------------------------------- run memory */

/* Scratch years needed by plan `p`: one path per entry and two per measure. */
static size_t pe_scratch_paths(const prj_plan *p)
{
    size_t n = 2 * p->nmeas + 1;
    for (int k = 0; k < PRJ_NENTRY; k++)
        n += p->sc->nentry[k];
    return n;
}

bool prj_run_init(const prj_model *m, prj_run *r)
{
    memset(r, 0, sizeof *r);
    size_t ny = m->nyears, nl = m->nlines ? m->nlines : 1, nd = 3, nm = 0, ns = 1, nx = 1;
    for (size_t s = 0; s < m->f->nscen; s++) {
        const prj_plan *p = &m->plans[s];
        nd = p->ndrivers > nd ? p->ndrivers : nd;
        nm = p->nmeas > nm ? p->nmeas : nm;
        nx = p->sc->nentry[PRJ_E_MIX] > nx ? p->sc->nentry[PRJ_E_MIX] : nx;
        ns = pe_scratch_paths(p) > ns ? pe_scratch_paths(p) : ns;
    }
    r->nyears = ny;
    r->nlines = m->nlines;
    r->nscratch = ns * ny;
    r->driver = calloc(nd * ny, sizeof *r->driver);
    r->index = calloc(nl * ny, sizeof *r->index);
    r->ef = calloc(nl * ny * GAS_COUNT, sizeof *r->ef);
    r->energy = calloc(nl * ny, sizeof *r->energy);
    r->amount = calloc(nl * ny, sizeof *r->amount);
    r->t = calloc(nl * ny * GAS_COUNT, sizeof *r->t);
    r->metric = calloc((nm + 1) * PRJ_NMETRICS * ny, sizeof *r->metric);
    r->elec_tj = calloc(ny, sizeof *r->elec_tj);
    r->removed = calloc((nm ? nm : 1) * ny, sizeof *r->removed);
    r->scratch = calloc(r->nscratch, sizeof *r->scratch);
    r->stop = PRJ_NONE;
    r->live = NULL;
    r->pre = calloc(nl * ny, sizeof *r->pre);
    r->mixv = calloc(nx * PRJ_MIX_NV * ny, sizeof *r->mixv);
    r->msig = calloc((nm ? nm : 1) * ny, sizeof *r->msig);
    r->mq = calloc((nm ? nm : 1) * ny, sizeof *r->mq);
    r->mk = calloc((nm ? nm : 1) * ny, sizeof *r->mk);
    if (r->driver && r->index && r->ef && r->energy && r->amount && r->t && r->metric && r->elec_tj && r->removed &&
        r->scratch && r->pre && r->mixv && r->msig && r->mq && r->mk)
        return true;
    prj_run_clear(r);
    return false;
}

void prj_run_clear(prj_run *r)
{
    free(r->driver);
    free(r->index);
    free(r->ef);
    free(r->energy);
    free(r->amount);
    free(r->t);
    free(r->metric);
    free(r->elec_tj);
    free(r->removed);
    free(r->scratch);
    free(r->pre);
    free(r->mixv);
    free(r->msig);
    free(r->mq);
    free(r->mk);
    memset(r, 0, sizeof *r);
}

void prj_values(const prj_file *f, double *pv)
{
    for (size_t i = 0; i < f->nparams; i++)
        pv[i] = f->params[i].value;
}

const double *prj_metric_path(const prj_run *r, prj_metric k)
{
    return &r->metric[(r->nmeasures * PRJ_NMETRICS + k) * r->nyears];
}

/* ---------------------------------------------------------------- drivers and entries */

/* Every driver's path; a driver the scenario does not give stays at its base. */
static void pe_drivers(const prj_model *m, const prj_plan *p, const double *pv, prj_run *r)
{
    size_t ny = m->nyears;
    for (size_t k = 0; k < p->ndrivers; k++) {
        const prj_driver *d = p->driver[k];
        double base = d && d->base != PRJ_NONE ? pv[d->base] * d->scale : p->driver_base[k];
        if (d)
            prj_path_eval(&d->path, pv, base, d->scale, m->base_year, ny, &r->driver[k * ny]);
        else
            for (size_t t = 0; t < ny; t++)
                r->driver[k * ny + t] = base;
    }
}

/* The activity index of entry i: ((D1(y)/D1(b)) x (D2(y)/D2(b)) ...) ^ elasticity,
 * or P(y) / P(b). */
static void pe_activity(const prj_model *m, const prj_plan *p, const double *pv, size_t i, const prj_run *r,
                        double *out)
{
    const prj_entry *e = p->sc->entry[PRJ_E_ACTIVITY][i];
    size_t ny = m->nyears;
    if (!e->ndrivers) {
        double base = e->unit_text ? p->act_base[i] : 1;
        prj_path_eval(&e->path, pv, base, 1, m->base_year, ny, out);
        for (size_t t = 0; t < ny && e->unit_text; t++)
            out[t] = out[t] / base;
        return;
    }
    double el = e->elasticity != PRJ_NONE ? pv[e->elasticity] : 1;
    for (size_t t = 0; t < ny; t++) {
        const double *d0 = &r->driver[p->act_drivers[i][0] * ny];
        double x = d0[t] / d0[0];
        for (size_t k = 1; k < e->ndrivers; k++) {
            const double *dk = &r->driver[p->act_drivers[i][k] * ny];
            x *= dk[t] / dk[0];
        }
        out[t] = el == 1 ? x : pow(x, el); /* pow(x, 1) is x exactly */
    }
}

/* The paths of the scenario's activity, efficiency, mix and index-ef
 * entries into the scratch, entry by entry (`at[k]` is where kind k starts). */
static void pe_entries(const prj_model *m, const prj_plan *p, const double *pv, prj_run *r, size_t at[PRJ_NENTRY])
{
    size_t ny = m->nyears, pos = 0;
    for (int k = 0; k < PRJ_NENTRY; k++) {
        at[k] = pos;
        for (size_t i = 0; i < p->sc->nentry[k]; i++, pos += ny) {
            const prj_entry *e = p->sc->entry[k][i];
            double *out = &r->scratch[pos];
            if (r->live && !r->live->entry[pos / ny]) {
                memcpy(out, &r->live->base.scratch[pos], ny * sizeof *out);
                continue;
            }
            if (k == PRJ_E_ACTIVITY)
                pe_activity(m, p, pv, i, r, out);
            else if (k == PRJ_E_MIX)
                prj_path_eval(&e->path, pv, p->mix_p0[i], 1, m->base_year, ny, out);
            else if (k != PRJ_E_ENERGY)
                prj_path_eval(&e->path, pv, 1, 1, m->base_year, ny, out);
        }
    }
}

/* ---------------------------------------------------------------- lines */

/* a' = A x eta for every line (the mix comes next). */
static void pe_pre_mix(const prj_model *m, const prj_plan *p, prj_run *r, const size_t at[PRJ_NENTRY])
{
    size_t ny = m->nyears;
    for (size_t li = 0; li < m->nlines; li++) {
        if (r->live && !r->live->line[li])
            continue;
        const double *A = p->act[li] != PRJ_NONE ? &r->scratch[at[PRJ_E_ACTIVITY] + p->act[li] * ny] : NULL;
        const double *eta = p->eff[li] != PRJ_NONE ? &r->scratch[at[PRJ_E_EFFICIENCY] + p->eff[li] * ny] : NULL;
        double *a = &r->index[li * ny];
        for (size_t t = 0; t < ny; t++)
            a[t] = (A ? A[t] : 1) * (eta ? eta[t] : 1);
        if (!r->final_only)
            memcpy(&r->pre[li * ny], a, ny * sizeof *a);
    }
}

/* The mix of group i in year t: P' from the lines' energy before the mix,
 * P* from the share path and the limit, then S on every line of the group. */
static void pe_mix_year(const prj_model *m, const prj_plan *p, prj_run *r, size_t i, const double *share, size_t t)
{
    size_t ny = m->nyears;
    double group = 0, named = 0;
    for (size_t k = p->mix_first[i]; k < p->mix_first[i + 1]; k++) {
        size_t li = p->mix_line[k];
        double e = m->lines[li].energy0_tj * r->index[li * ny + t];
        group += e;
        named += p->mix_named[li] ? e : 0;
    }
    double p1 = group == 0 ? 0 : named / group, ps = share[t];
    prj_limit lim = p->sc->entry[PRJ_E_MIX][i]->limit;
    if (lim == PRJ_LIMIT_AT_MOST)
        ps = fmin(ps, p1);
    else if (lim == PRJ_LIMIT_AT_LEAST)
        ps = fmax(ps, p1);
    double s_named = p1 == 0 ? 1 : ps / p1, s_other = p1 == 1 ? 1 : (1 - ps) / (1 - p1);
    if (!r->final_only) {
        double *v = &r->mixv[i * PRJ_MIX_NV * ny + t];
        v[PRJ_MIX_GROUP * ny] = group;
        v[PRJ_MIX_NAMED * ny] = named;
        v[PRJ_MIX_P1 * ny] = p1;
        v[PRJ_MIX_PSTAR * ny] = ps;
        v[PRJ_MIX_SNAMED * ny] = s_named;
        v[PRJ_MIX_SOTHER * ny] = s_other;
    }
    for (size_t k = p->mix_first[i]; k < p->mix_first[i + 1]; k++)
        r->index[p->mix_line[k] * ny + t] *= p->mix_named[p->mix_line[k]] ? s_named : s_other;
}

/* The emission-factor index of every line and gas that has an ef entry:
 * an index path, or an absolute path per line over its own base factor.
 * Elsewhere F is 1; it is written only when the run keeps every array (the
 * Monte Carlo's final_only runs read it through pe_factor). */
static void pe_ef(const prj_model *m, const prj_plan *p, const double *pv, prj_run *r, const size_t at[PRJ_NENTRY])
{
    size_t ny = m->nyears;
    for (size_t li = 0; li < m->nlines; li++)
        for (unsigned gm = r->live && !r->live->line[li] ? 0 : m->lines[li].gases; gm; gm &= gm - 1) {
            int g = __builtin_ctz(gm);
            size_t k = p->ef[li * GAS_COUNT + g];
            double *F = &r->ef[prj_cell(r, li, g, 0)];
            const prj_entry *e = k != PRJ_NONE ? p->sc->entry[PRJ_E_EF][k] : NULL;
            const prj_line *l = &m->lines[li];
            if (e && e->unit_text && l->ef0[g] != 0) {
                double *P = &r->scratch[r->nscratch - ny]; /* the last scratch path: free for this */
                prj_path_eval(&e->path, pv, l->ef0[g], p->ef_scale[li * GAS_COUNT + g], m->base_year, ny, P);
                for (size_t t = 0; t < ny; t++)
                    F[t] = P[t] / l->ef0[g];
            } else if (e && !e->unit_text)
                for (size_t t = 0; t < ny; t++)
                    F[t] = r->scratch[at[PRJ_E_EF] + k * ny + t];
            else if (!r->final_only || e)
                for (size_t t = 0; t < ny; t++)
                    F[t] = 1;
        }
}

/* F of line li, gas g, year t: 1 where the plan has no ef entry for it. */
static double pe_factor(const prj_model *m, const prj_plan *p, const prj_run *r, size_t li, size_t t, int g)
{
    (void)m;
    return p->ef[li * GAS_COUNT + g] == PRJ_NONE ? 1 : r->ef[prj_cell(r, li, g, t)];
}

/* Energy, amount and emissions of every line before the measures:
 * E = E0 x a, M = M0 x a, e_g = e0_g x a x F_g (x 1 is left out: exact);
 * project lines are 0 until their measure adds them. */
static void pe_lines(const prj_model *m, const prj_plan *p, prj_run *r)
{
    size_t ny = m->nyears;
    for (size_t li = 0; li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        const double *a = &r->index[li * ny];
        double *E = &r->energy[li * ny], *M = &r->amount[li * ny];
        if (r->live && !r->live->line[li])
            continue;
        bool on = l->project == PRJ_NONE;
        for (size_t t = 0; t < ny && (!r->live || r->live->energy[li]); t++) {
            E[t] = on ? l->energy0_tj * a[t] : 0;
            M[t] = on ? l->amount0 * a[t] : 0;
        }
        for (unsigned gm = l->gases; gm; gm &= gm - 1) {
            int g = __builtin_ctz(gm);
            const double *F = &r->ef[prj_cell(r, li, g, 0)];
            double *e = &r->t[prj_cell(r, li, g, 0)], e0 = l->e0[g];
            if (!on)
                memset(e, 0, ny * sizeof *e);
            else if (p->ef[li * GAS_COUNT + g] != PRJ_NONE)
                for (size_t t = 0; t < ny; t++)
                    e[t] = e0 * a[t] * F[t];
            else
                for (size_t t = 0; t < ny; t++)
                    e[t] = e0 * a[t];
        }
    }
}

/* ---------------------------------------------------------------- measures */

double prj_ramp(const prj_measure *me, long y)
{
    double x = (double)(y - me->start + 1) / (double)(me->full - me->start + 1);
    return fmin(1, fmax(0, x));
}

/* sigma(y) of a switch or retire: share x ramp, or the share path (0 before
 * `start`); for an amount, the ramp alone. */
static void pe_share(const prj_model *m, const prj_measure *me, const double *pv, double *out)
{
    size_t ny = m->nyears;
    if (me->share_path.kind != PRJ_PATH_NONE) {
        prj_path_eval(&me->share_path, pv, 0, 1, m->base_year, ny, out);
        for (size_t t = 0; t < ny && me->start; t++)
            if (m->base_year + (long)t < me->start)
                out[t] = 0;
        return;
    }
    for (size_t t = 0; t < ny; t++) {
        double rho = prj_ramp(me, m->base_year + (long)t);
        out[t] = me->share != PRJ_NONE ? pv[me->share] * rho : rho;
    }
}

/* Multiplies line li's energy, amount and emissions of year t by k. */
static void pe_scale_line(const prj_model *m, prj_run *r, size_t li, size_t t, double k)
{
    size_t ny = m->nyears;
    r->energy[li * ny + t] *= k;
    r->amount[li * ny + t] *= k;
    for (unsigned gm = m->lines[li].gases; gm; gm &= gm - 1)
        r->t[prj_cell(r, li, __builtin_ctz(gm), t)] *= k;
}

/* Adds `add` TJ of the new fuel to the receiving lines of switch b in year
 * t, at their base emissions per TJ (or per amount, for electricity) times
 * their emission-factor index. */
static void pe_supply(const prj_model *m, const prj_plan *p, const prj_bmeasure *b, prj_run *r, size_t t, double add)
{
    size_t ny = m->nyears;
    if (b->to_elec)
        r->elec_tj[t] += add;
    for (size_t i = 0; i < b->nto; i++) {
        size_t li = b->to[i];
        const prj_line *l = &m->lines[li];
        double d = add * b->to_w[i]; /* TJ (a fuel) or the line's amount (electricity) */
        double dE = b->to_elec ? d * (l->energy0_tj / l->amount0) : d;
        double dM = b->to_elec ? d : d * (l->amount0 / l->energy0_tj);
        double per = b->to_elec ? l->amount0 : l->energy0_tj;
        r->energy[li * ny + t] += dE;
        r->amount[li * ny + t] += dM;
        for (unsigned gm = l->gases; gm; gm &= gm - 1) {
            int g = __builtin_ctz(gm);
            r->t[prj_cell(r, li, g, t)] += d * (l->e0[g] / per) * pe_factor(m, p, r, li, t, g);
        }
    }
}

/* A switch or retire: by share, each selected line keeps (1 - sigma); by
 * amount, each keeps (1 - R/Q) with R = min(amount x ramp, Q); what is
 * removed is supplied by the `to` fuel at `ratio`. */
static void pe_switch(const prj_model *m, const prj_plan *p, const prj_bmeasure *b, const double *pv, prj_run *r,
                      size_t j, const double *sig)
{
    size_t ny = m->nyears;
    const prj_measure *me = b->m;
    for (size_t t = 0; t < ny; t++) {
        double q = 0, R = 0, k;
        for (size_t i = 0; i < b->nlines; i++) {
            size_t li = b->lines[i];
            q += (b->by_energy ? r->energy[li * ny + t] : r->amount[li * ny + t]) * b->qconv[i];
        }
        if (me->amount == PRJ_NONE) {
            R = sig[t] * q;
            k = 1 - sig[t];
        } else {
            R = fmin(pv[me->amount] * b->amount_scale * sig[t], q);
            k = 1 - (q == 0 ? 0 : R / q);
        }
        for (size_t i = 0; i < b->nlines; i++)
            pe_scale_line(m, r, b->lines[i], t, k);
        r->removed[j * ny + t] = R;
        r->msig[j * ny + t] = sig[t];
        r->mq[j * ny + t] = q;
        r->mk[j * ny + t] = k;
        if (me->to_fuel && R > 0)
            pe_supply(m, p, b, r, t, pv[me->ratio] * R);
    }
}

/* CCUS: C = min(amount x availability x ramp, the lines' CO2), taken from
 * each line in proportion to its CO2. */
static void pe_capture(const prj_model *m, const prj_bmeasure *b, const double *pv, prj_run *r, size_t j)
{
    size_t ny = m->nyears;
    const prj_measure *me = b->m;
    double avail = me->availability != PRJ_NONE ? pv[me->availability] : 1;
    for (size_t t = 0; t < ny; t++) {
        double s = 0;
        for (size_t i = 0; i < b->nlines; i++)
            s += r->t[prj_cell(r, b->lines[i], GAS_CO2, t)];
        double rho = prj_ramp(me, m->base_year + (long)t);
        double c = fmin(pv[me->amount] * b->amount_scale * avail * rho, s);
        double k = 1 - (s == 0 ? 0 : c / s);
        for (size_t i = 0; i < b->nlines; i++)
            r->t[prj_cell(r, b->lines[i], GAS_CO2, t)] *= k;
        r->removed[j * ny + t] = c;
        r->msig[j * ny + t] = rho;
        r->mq[j * ny + t] = s;
        r->mk[j * ny + t] = k;
    }
}

/* A project: its lines at ramp x growth of their base amounts; its
 * purchased electricity (consumption view) adds to the electricity added. */
static void pe_project(const prj_model *m, const prj_plan *p, const prj_bmeasure *b, const double *pv, prj_run *r,
                       size_t j, double *growth)
{
    size_t ny = m->nyears;
    const prj_measure *me = b->m;
    prj_path_eval(&me->growth, pv, 1, 1, m->base_year, ny, growth);
    for (size_t t = 0; t < ny; t++) {
        double rho = prj_ramp(me, m->base_year + (long)t), co2e = 0;
        for (size_t i = 0; i < b->nlines; i++) {
            size_t li = b->lines[i];
            const prj_line *l = &m->lines[li];
            r->energy[li * ny + t] = l->energy0_tj * rho * growth[t];
            r->amount[li * ny + t] = l->amount0 * rho * growth[t];
            for (unsigned gm = l->gases; gm; gm &= gm - 1) {
                int g = __builtin_ctz(gm);
                double *e = &r->t[prj_cell(r, li, g, t)];
                *e = l->e0[g] * rho * growth[t] * pe_factor(m, p, r, li, t, g);
                co2e += l->kind != PRJ_L_INDIRECT && !(l->memo & (1u << g)) ? *e * prj_gwp(m, l, g) : 0;
            }
            if (l->kind == PRJ_L_INDIRECT && !l->net_import && strcmp(l->key, "electricity") == 0)
                r->elec_tj[t] += r->energy[li * ny + t];
        }
        r->removed[j * ny + t] = co2e;
        r->msig[j * ny + t] = rho;
        r->mq[j * ny + t] = growth[t];
        r->mk[j * ny + t] = 1;
    }
}

/* ---------------------------------------------------------------- totals */

/* Line li's CO2e of every year into co2e[0..nyears): its counted gases
 * (bits of `counted`) times their GWPs, summed in gas order. */
static void pe_line_co2e(const prj_model *m, const prj_run *r, size_t li, unsigned counted, double *co2e)
{
    const prj_line *l = &m->lines[li];
    size_t ny = m->nyears;
    memset(co2e, 0, ny * sizeof *co2e);
    for (unsigned gm = counted; gm; gm &= gm - 1) {
        int g = __builtin_ctz(gm);
        const double *e = &r->t[prj_cell(r, li, g, 0)];
        for (size_t t = 0; t < ny; t++)
            co2e[t] += e[t] * prj_gwp(m, l, g);
    }
}

/* The four metrics of every year into block j of r->metric, summed over
 * the lines in line order; a line's CO2e of a year sums its gases in gas
 * order (the last scratch path holds it). */
static void pe_totals(const prj_model *m, prj_run *r, size_t j)
{
    size_t ny = m->nyears;
    double *out = &r->metric[j * PRJ_NMETRICS * ny], *co2e = &r->scratch[r->nscratch - ny];
    memset(out, 0, PRJ_NMETRICS * ny * sizeof *out);
    for (size_t li = 0; li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        unsigned counted = l->gases & ~l->memo;
        if (l->kind == PRJ_L_INDIRECT)
            continue;
        pe_line_co2e(m, r, li, counted, co2e);
        const double *co2 = (counted & (1u << GAS_CO2)) ? &r->t[prj_cell(r, li, GAS_CO2, 0)] : NULL;
        for (size_t t = 0; co2 && l->energy_use && t < ny; t++)
            out[PRJ_MET_CO2_ENERGY * ny + t] += co2[t];
        for (size_t t = 0; co2 && !l->sink && t < ny; t++)
            out[PRJ_MET_CO2 * ny + t] += co2[t];
        for (size_t t = 0; !l->sink && t < ny; t++)
            out[PRJ_MET_CO2E * ny + t] += co2e[t];
        for (size_t t = 0; t < ny; t++)
            out[PRJ_MET_CO2E_NET * ny + t] += co2e[t];
    }
}

bool prj_line_metric(const prj_model *m, const prj_run *r, size_t li, prj_metric k, double *co2e, double *out)
{
    const prj_line *l = &m->lines[li];
    unsigned counted = l->gases & ~l->memo;
    size_t ny = m->nyears;
    if (l->kind == PRJ_L_INDIRECT)
        return false;
    if (k == PRJ_MET_CO2_ENERGY || k == PRJ_MET_CO2) {
        const double *co2 = (counted & (1u << GAS_CO2)) ? &r->t[prj_cell(r, li, GAS_CO2, 0)] : NULL;
        if (!co2 || (k == PRJ_MET_CO2_ENERGY ? !l->energy_use : l->sink))
            return false;
        for (size_t t = 0; t < ny; t++)
            out[t] += co2[t];
        return true;
    }
    if (k == PRJ_MET_CO2E && l->sink)
        return false;
    pe_line_co2e(m, r, li, counted, co2e);
    for (size_t t = 0; t < ny; t++)
        out[t] += co2e[t];
    return true;
}

/* The peak metric only, into block j of r->metric (the Monte Carlo's need):
 * each line in order adds its part as pe_totals does, a line the run did
 * not recompute its part of the deterministic run. */
static void pe_metric_only(const prj_model *m, prj_run *r, size_t j)
{
    size_t ny = m->nyears;
    prj_metric k = m->f->metric;
    double *out = &r->metric[(j * PRJ_NMETRICS + k) * ny], *co2e = &r->scratch[r->nscratch - ny];
    const prj_live *lv = r->live;
    memset(out, 0, ny * sizeof *out);
    for (size_t li = 0; li < m->nlines; li++) {
        if (!lv || lv->line[li])
            prj_line_metric(m, r, li, k, co2e, out);
        else if (lv->adds[li])
            for (size_t t = 0; t < ny; t++)
                out[t] += lv->contrib[li * ny + t];
    }
}

/* Applies measure j of plan p. */
static void pe_measure(const prj_model *m, const prj_plan *p, const double *pv, prj_run *r, size_t j, double *tmp)
{
    const prj_bmeasure *b = &p->meas[j];
    switch (b->m->type) {
    case PRJ_M_CAPTURE:
        pe_capture(m, b, pv, r, j);
        break;
    case PRJ_M_PROJECT:
        pe_project(m, p, b, pv, r, j, tmp);
        break;
    default:
        pe_share(m, b->m, pv, tmp);
        pe_switch(m, p, b, pv, r, j, tmp);
    }
}

void prj_eval(const prj_model *m, size_t s, const double *pv, size_t skip, prj_run *r)
{
    const prj_plan *p = &m->plans[s];
    size_t ny = m->nyears, at[PRJ_NENTRY], used = 0;
    r->ndrivers = p->ndrivers;
    r->nmeasures = p->nmeas;
    memset(r->elec_tj, 0, ny * sizeof *r->elec_tj);
    memset(r->removed, 0, (p->nmeas ? p->nmeas : 1) * ny * sizeof *r->removed);
    if (!r->final_only) {
        memset(r->msig, 0, (p->nmeas ? p->nmeas : 1) * ny * sizeof *r->msig);
        memset(r->mq, 0, (p->nmeas ? p->nmeas : 1) * ny * sizeof *r->mq);
        memset(r->mk, 0, (p->nmeas ? p->nmeas : 1) * ny * sizeof *r->mk);
    }
    pe_drivers(m, p, pv, r);
    pe_entries(m, p, pv, r, at);
    for (int k = 0; k < PRJ_NENTRY; k++)
        used += p->sc->nentry[k] * ny;
    pe_pre_mix(m, p, r, at);
    for (size_t i = 0; i < p->sc->nentry[PRJ_E_MIX]; i++)
        for (size_t t = 0; t < ny && (!r->live || r->live->mix[i]); t++)
            pe_mix_year(m, p, r, i, &r->scratch[at[PRJ_E_MIX] + i * ny], t);
    pe_ef(m, p, pv, r, at);
    pe_lines(m, p, r);
    if (!r->final_only)
        pe_totals(m, r, 0);
    for (size_t j = 0; j < p->nmeas; j++) {
        bool on = j != skip && (r->stop == PRJ_NONE || j < r->stop) && (!r->live || r->live->meas[j]);
        if (on)
            pe_measure(m, p, pv, r, j, &r->scratch[used]);
        if (r->final_only)
            continue;
        if (!on)
            memcpy(&r->metric[(j + 1) * PRJ_NMETRICS * ny], &r->metric[j * PRJ_NMETRICS * ny],
                   PRJ_NMETRICS * ny * sizeof *r->metric);
        else
            pe_totals(m, r, j + 1);
    }
    if (r->final_only)
        pe_metric_only(m, r, p->nmeas);
}
