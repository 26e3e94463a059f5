/* prj_result.c - a projection's results: totals by sector and fuel, peaks, measures left out, intensity and targets,
 * LMDI. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "projection.h"

/* ---------------------------------------------------------------- intensity over history and projection */

/* The amount of energy item x in year t of run r. */
static double pr_item_amount(const prj_model *m, const prj_item *x, const prj_run *r, const double *pv, size_t t,
                             double *path)
{
    size_t ny = m->nyears;
    double a0 = x->item->amount, v = a0;
    if (x->path) {
        prj_path_eval(&x->path->path, pv, x->path->unit_text ? a0 : 1, x->path_scale, m->base_year, ny, path);
        v = x->path->unit_text ? path[t] : a0 * path[t];
    } else if (x->nlines && x->base_tj > 0) {
        double e = 0;
        for (size_t i = 0; i < x->nlines; i++)
            e += r->energy[x->lines[i] * ny + t];
        for (size_t i = 0; i < x->nplines; i++)
            e += r->energy[x->plines[i] * ny + t];
        v = a0 * (e / x->base_tj);
    }
    if (x->item->kind == SER_NET_IMPORT_ELECTRICITY)
        v += r->elec_tj[t] * x->tj_to_amount;
    return v;
}

/* Projected year t (> 0) as a series year: GDP, population and coal rate
 * from the drivers (model units: factors 1), the energy items scaled. */
static bool pr_year(const prj_model *m, const prj_plan *p, const prj_run *r, const double *pv, size_t t, ser_year *y,
                    double *path)
{
    size_t ny = m->nyears;
    const ser_year *b = m->series_base;
    *y = *b;
    y->year = m->base_year + (long)t;
    y->note = "projected";
    y->gdp.value = r->driver[0 * ny + t];
    y->gdp_factor = 1;
    y->gdp_current = false;
    y->deflator = 100;
    y->population.value = r->driver[1 * ny + t];
    y->population_factor = 1;
    y->coal_rate.value = r->driver[2 * ny + t];
    y->coal_rate_factor = 1;
    y->has_final = false;
    y->energy = malloc((p->nitems ? p->nitems : 1) * sizeof *y->energy);
    if (!y->energy)
        return false;
    for (size_t k = 0; k < p->nitems; k++) {
        y->energy[k] = *p->items[k].item;
        y->energy[k].amount = pr_item_amount(m, &p->items[k], r, pv, t, path);
    }
    return true;
}

/* The synthetic series of a run: history years as they are, the base year
 * as the series has it, projected years built by pr_year; one int_inv each. */
static bool pr_syn(const prj_model *m, const prj_plan *p, const prj_run *r, const double *pv, const int_inv *base,
                   ser_series *syn, int_inv **inv)
{
    const ser_series *s = m->in.series;
    size_t nh = m->in.nhist, ny = m->nyears, n = nh + ny;
    ser_year *years = calloc(n, sizeof *years);
    ser_target *tg = calloc(m->ntargets ? m->ntargets : 1, sizeof *tg);
    double *path = malloc(ny * sizeof *path);
    *inv = calloc(n, sizeof **inv);
    *syn = *s;
    syn->years = years;
    syn->nyears = 0;
    syn->targets = tg;
    syn->ntargets = m->ntargets;
    bool ok = years && tg && path && *inv;
    for (size_t k = 0; ok && k < m->ntargets; k++)
        tg[k] = *m->targets[k];
    for (size_t i = 0; ok && i < n; i++, syn->nyears++) {
        int_inv *x = &(*inv)[i];
        if (i < nh) {
            years[i] = s->years[i];
            *x = m->in.hist[i].inv;
            continue;
        }
        size_t t = i - nh;
        if (t == 0)
            years[i] = *m->series_base;
        else if (!(ok = pr_year(m, p, r, pv, t, &years[i], path)))
            break;
        *x = *base;
        x->year = m->base_year + (long)t;
        x->co2_t = r->metric[(r->nmeasures * PRJ_NMETRICS + PRJ_MET_CO2_ENERGY) * ny + t];
        x->co2e_t = r->metric[(r->nmeasures * PRJ_NMETRICS + PRJ_MET_CO2E_NET) * ny + t];
        x->sectors = NULL;
        x->nsectors = 0;
    }
    free(path);
    return ok;
}

/* Frees what pr_syn allocated (the projected years' energy lists too). */
static void pr_syn_free(const prj_model *m, ser_series *syn, int_inv *inv)
{
    for (size_t i = m->in.nhist + 1; syn->years && i < syn->nyears; i++)
        free(syn->years[i].energy);
    free(syn->years);
    free((void *)syn->targets);
    free(inv);
    syn->years = NULL;
    syn->targets = NULL;
}

/* The intensity indicators and target statuses of run r, by int_compute
 * (the `intensity` command's code) over history and projection. */
static int_result *pr_intensity(const prj_model *m, const prj_plan *p, const prj_run *r, const double *pv,
                                const int_inv *base, ser_series *syn, int_inv **inv)
{
    diag_list *scratch = diag_new(); /* consistency warnings belong to `intensity`; the note stays in the result */
    int_result *ir = NULL;
    if (scratch && pr_syn(m, p, r, pv, base, syn, inv))
        ir = int_compute(syn, *inv, scratch);
    diag_free(scratch);
    return ir;
}

/* ---------------------------------------------------------------- totals by sector and fuel */

/* Sector x gas tonnes, sector CO2e, the metric by sector, energy by fuel,
 * purchased-energy CO2 and biogenic CO2 of every year. */
static void pr_aggregate(const prj_model *m, prj_scen_result *sr)
{
    const prj_run *r = &sr->run;
    size_t ny = m->nyears, ns = m->f->nsectors;
    prj_metric k = m->f->metric;
    for (size_t li = 0; li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        for (size_t t = 0; t < ny; t++) {
            if (l->kind == PRJ_L_INDIRECT) {
                sr->indirect_t[l->net_import * ny + t] += r->t[prj_cell(r, li, GAS_CO2, t)];
                continue;
            }
            double co2e = 0;
            for (int g = 0; g < GAS_COUNT; g++) {
                bool memo = l->memo & (1u << g);
                double e = r->t[prj_cell(r, li, g, t)];
                sr->memo_t[t] += memo ? e : 0;
                sr->sector_t[(t * ns + l->sector) * GAS_COUNT + g] += memo ? 0 : e;
                co2e += memo ? 0 : e * prj_gwp(m, l, g);
            }
            double co2 = (l->memo & (1u << GAS_CO2)) ? 0 : r->t[prj_cell(r, li, GAS_CO2, t)];
            sr->sector_co2e[t * ns + l->sector] += co2e;
            sr->sector_metric[l->sector * ny + t] += k == PRJ_MET_CO2_ENERGY ? (l->energy_use ? co2 : 0)
                                                     : k == PRJ_MET_CO2      ? (l->sink ? 0 : co2)
                                                     : k == PRJ_MET_CO2E     ? (l->sink ? 0 : co2e)
                                                                             : co2e;
            if (m->line_fuel[li] != PRJ_NONE)
                sr->fuel_tj[t * m->nfuels + m->line_fuel[li]] += r->energy[li * ny + t];
        }
    }
}

/* History then projection of the chosen metric, from run r, into years/line. */
void prj_history_line(const prj_model *m, const prj_run *r, long *years, double *line)
{
    size_t nh = m->in.nhist;
    const double *p = prj_metric_path(r, m->f->metric);
    for (size_t i = 0; i < nh; i++) {
        years[i] = m->in.hist[i].year;
        line[i] = m->in.hist[i].metric[m->f->metric];
    }
    for (size_t t = 0; t < m->nyears; t++) {
        years[nh + t] = m->base_year + (long)t;
        line[nh + t] = p[t];
    }
}

/* Each sector's peak on the projection. */
static void pr_sector_peaks(const prj_model *m, prj_scen_result *sr)
{
    for (size_t i = 0; i < m->f->nsectors; i++)
        sr->sector_peak[i] = peak_find(&sr->years[m->in.nhist], &sr->sector_metric[i * m->nyears], m->nyears,
                                       m->f->peak_by, m->f->plateau_pct);
}

/* ---------------------------------------------------------------- measures left out */

/* Scenario s without measure j: its peak, cumulative metric and statuses. */
static bool pr_effect(const prj_model *m, size_t s, const double *pv, const int_inv *base, prj_run *tmp, size_t j,
                      prj_scen_result *sr)
{
    prj_effect *e = &sr->effect[j];
    size_t n = m->in.nhist + m->nyears;
    long *years = malloc(n * sizeof *years);
    double *line = malloc(n * sizeof *line);
    bool ok = years && line;
    if (ok) {
        prj_eval(m, s, pv, j, tmp);
        prj_history_line(m, tmp, years, line);
        e->peak = peak_find(&years[m->in.nhist], &line[m->in.nhist], m->nyears, m->f->peak_by, m->f->plateau_pct);
        for (size_t t = 1; t < m->nyears; t++)
            e->cumulative += line[m->in.nhist + t];
    }
    if (ok && m->in.series) {
        ser_series syn;
        int_inv *inv = NULL;
        memset(&syn, 0, sizeof syn);
        int_result *ir = pr_intensity(m, &m->plans[s], tmp, pv, base, &syn, &inv);
        e->status = ir ? calloc(ir->ntargets ? ir->ntargets : 1, sizeof *e->status) : NULL;
        for (size_t k = 0; e->status && k < ir->ntargets; k++)
            e->status[k] = ir->targets[k].status;
        ok = e->status != NULL;
        int_free(ir);
        pr_syn_free(m, &syn, inv);
    }
    free(years);
    free(line);
    return ok;
}

/* ---------------------------------------------------------------- LMDI */

/* Energy and emissions of the combustion lines by sector and fuel in year t. */
static void pr_lmdi_cells(const prj_model *m, const prj_run *r, size_t t, double *energy, double *emission)
{
    size_t ny = m->nyears, nf = m->nfuels;
    bool co2e = m->f->metric == PRJ_MET_CO2E || m->f->metric == PRJ_MET_CO2E_NET;
    for (size_t li = 0; li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        if (l->kind != PRJ_L_COMBUSTION || m->line_fuel[li] == PRJ_NONE)
            continue;
        double c = 0;
        for (int g = 0; g < GAS_COUNT; g++)
            if (!(l->memo & (1u << g)) && (co2e || g == GAS_CO2))
                c += co2e ? r->t[prj_cell(r, li, g, t)] * prj_gwp(m, l, g) : r->t[prj_cell(r, li, g, t)];
        energy[l->sector * nf + m->line_fuel[li]] += r->energy[li * ny + t];
        emission[l->sector * nf + m->line_fuel[li]] += c;
    }
}

bool prj_lmdi_between(const prj_model *m, const prj_scen_result *sr, long y0, long y1, prj_lmdi *out)
{
    size_t ny = m->nyears, ns = m->f->nsectors, nf = m->nfuels, cells = ns * (nf ? nf : 1);
    memset(out, 0, sizeof *out);
    out->from = y0;
    out->to = y1;
    if (y0 < m->base_year || y1 < m->base_year || y0 > m->f->horizon || y1 > m->f->horizon)
        return false;
    size_t t0 = (size_t)(y0 - m->base_year), t1 = (size_t)(y1 - m->base_year);
    double *buf = calloc(4 * cells, sizeof *buf);
    out->effects = calloc(ns * LMDI_NFACTORS, sizeof *out->effects);
    out->change = calloc(ns, sizeof *out->change);
    if (!buf || !out->effects || !out->change) {
        free(buf);
        return false;
    }
    pr_lmdi_cells(m, &sr->run, t0, buf, buf + cells);
    pr_lmdi_cells(m, &sr->run, t1, buf + 2 * cells, buf + 3 * cells);
    const double *d = sr->run.driver;
    lmdi_year a = {d[1 * ny + t0], d[0 * ny + t0], ns, nf, buf, buf + cells};
    lmdi_year b = {d[1 * ny + t1], d[0 * ny + t1], ns, nf, buf + 2 * cells, buf + 3 * cells};
    out->ok = lmdi_kaya(&a, &b, out->effects, out->change);
    const double *p = prj_metric_path(&sr->run, m->f->metric);
    double part = 0;
    for (size_t i = 0; out->ok && i < ns; i++)
        part += out->change[i];
    out->rest = (p[t1] - p[t0]) - part;
    free(buf);
    return out->ok;
}

void prj_lmdi_clear(prj_lmdi *l)
{
    free(l->effects);
    free(l->change);
    l->effects = l->change = NULL;
}

/* ---------------------------------------------------------------- compute */

/* The arrays of one scenario's result; false when out of memory. */
static bool pr_alloc(const prj_model *m, prj_scen_result *sr)
{
    size_t ny = m->nyears, ns = m->f->nsectors, n = m->in.nhist + ny;
    sr->sector_t = calloc(ny * ns * GAS_COUNT, sizeof *sr->sector_t);
    sr->sector_co2e = calloc(ny * ns, sizeof *sr->sector_co2e);
    sr->sector_metric = calloc(ns * ny, sizeof *sr->sector_metric);
    sr->fuel_tj = calloc(ny * (m->nfuels ? m->nfuels : 1), sizeof *sr->fuel_tj);
    sr->indirect_t = calloc(2 * ny, sizeof *sr->indirect_t);
    sr->memo_t = calloc(ny, sizeof *sr->memo_t);
    sr->years = calloc(n, sizeof *sr->years);
    sr->line = calloc(n, sizeof *sr->line);
    sr->sector_peak = calloc(ns, sizeof *sr->sector_peak);
    sr->effect = calloc(sr->sc->nmeasures ? sr->sc->nmeasures : 1, sizeof *sr->effect);
    sr->nline = n;
    return sr->sector_t && sr->sector_co2e && sr->sector_metric && sr->fuel_tj && sr->indirect_t && sr->memo_t &&
           sr->years && sr->line && sr->sector_peak && sr->effect;
}

/* The decompositions of a scenario: base year to the projected peak (when
 * it is after the base year) and the peak to the horizon (when it is before). */
static void pr_lmdi(const prj_model *m, prj_scen_result *sr)
{
    long b = m->base_year, h = m->f->horizon, p = sr->peak.year;
    if (p > b)
        prj_lmdi_between(m, sr, b, p, &sr->lmdi[0]);
    if (p < h)
        prj_lmdi_between(m, sr, p, h, &sr->lmdi[1]);
}

/* Everything of scenario s. */
static bool pr_scenario(const prj_model *m, size_t s, prj_result *r, prj_run *tmp, const int_inv *base)
{
    prj_scen_result *sr = &r->scen[s];
    sr->sc = &m->f->scen[s];
    if (!prj_run_init(m, &sr->run) || !pr_alloc(m, sr))
        return false;
    prj_eval(m, s, r->pv, PRJ_NONE, &sr->run);
    pr_aggregate(m, sr);
    prj_history_line(m, &sr->run, sr->years, sr->line);
    sr->peak = peak_find(&sr->years[m->in.nhist], &sr->line[m->in.nhist], m->nyears, m->f->peak_by, m->f->plateau_pct);
    sr->peak_all = peak_find(sr->years, sr->line, sr->nline, m->f->peak_by, m->f->plateau_pct);
    pr_sector_peaks(m, sr);
    for (size_t j = 0; j < sr->sc->nmeasures; j++)
        if (!pr_effect(m, s, r->pv, base, tmp, j, sr))
            return false;
    pr_lmdi(m, sr);
    if (m->in.series && !(sr->ind = pr_intensity(m, &m->plans[s], &sr->run, r->pv, base, &sr->syn, &sr->inv)))
        return false;
    return true;
}

/* "1, 2, 3" for the IPCC sectors in mask `c`. */
static void pr_covers_text(unsigned c, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < 5 && used < len; k++)
        if (c & (1u << k))
            used += (size_t)snprintf(buf + used, len - used, "%s%d", used ? ", " : "", k + 1);
}

/* The has-peaked test on history and the base year, and a warning when the
 * history inventories cover other sectors than the base inventory. */
static void pr_history(const prj_model *m, prj_result *r, diag_list *dl)
{
    size_t nh = m->in.nhist;
    prj_hist base;
    if (!prj_hist_from(m->in.base, m->f, &base))
        return;
    long *years = malloc((nh + 1) * sizeof *years);
    double *v = malloc((nh + 1) * sizeof *v);
    for (size_t i = 0; years && v && i < nh; i++) {
        years[i] = m->in.hist[i].year;
        v[i] = m->in.hist[i].metric[m->f->metric];
        r->history_covers |= m->in.hist[i].covers;
    }
    if (years && v) {
        years[nh] = m->base_year;
        v[nh] = prj_metric_path(&r->scen[0].run, m->f->metric)[0];
        r->history = peak_has_peaked(years, v, nh + 1, m->f->as_of ? m->f->as_of : m->base_year);
    }
    if (nh && r->history_covers != base.covers && m->f->metric != PRJ_MET_CO2_ENERGY) {
        char h[32], b[32];
        pr_covers_text(r->history_covers, h, sizeof h);
        pr_covers_text(base.covers, b, sizeof b);
        diag_add(dl, DIAG_WARNING, m->f->series_at,
                 "the history inventories cover IPCC sectors %s, the base "
                 "inventory %s: metric '%s' jumps at the base year; use metric co2_energy or complete history "
                 "inventories",
                 h, b, prj_metric_name(m->f->metric));
    }
    prj_hist_clear(&base);
    free(years);
    free(v);
}

prj_result *prj_compute(const prj_model *m, diag_list *dl)
{
    prj_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->m = m;
    r->nscen = m->f->nscen;
    r->scen = calloc(r->nscen ? r->nscen : 1, sizeof *r->scen);
    r->pv = malloc((m->f->nparams ? m->f->nparams : 1) * sizeof *r->pv);
    int_inv base = {0};
    prj_run tmp;
    bool ok = r->scen && r->pv && prj_run_init(m, &tmp);
    if (ok) {
        prj_values(m->f, r->pv);
        ok = !m->in.series || int_inv_from(m->in.base, &base);
        for (size_t s = 0; ok && s < r->nscen; s++)
            ok = pr_scenario(m, s, r, &tmp, &base);
        prj_run_clear(&tmp);
    }
    int_inv_clear(&base);
    if (ok && r->nscen)
        pr_history(m, r, dl);
    if (!ok) {
        prj_result_free(r);
        return NULL;
    }
    return r;
}

/* Frees one scenario's result. */
static void pr_scen_free(const prj_model *m, prj_scen_result *sr)
{
    for (size_t j = 0; sr->effect && j < sr->sc->nmeasures; j++)
        free(sr->effect[j].status);
    free(sr->effect);
    prj_lmdi_clear(&sr->lmdi[0]);
    prj_lmdi_clear(&sr->lmdi[1]);
    int_free(sr->ind);
    if (sr->syn.years)
        pr_syn_free(m, &sr->syn, sr->inv);
    free(sr->sector_t);
    free(sr->sector_co2e);
    free(sr->sector_metric);
    free(sr->fuel_tj);
    free(sr->indirect_t);
    free(sr->memo_t);
    free(sr->years);
    free(sr->line);
    free(sr->sector_peak);
    prj_run_clear(&sr->run);
}

void prj_result_free(prj_result *r)
{
    if (!r)
        return;
    for (size_t s = 0; r->scen && s < r->nscen; s++)
        if (r->scen[s].sc)
            pr_scen_free(r->m, &r->scen[s]);
    free(r->scen);
    free(r->pv);
    free(r);
}
