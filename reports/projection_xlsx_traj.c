/* projection_xlsx_traj.c - Trajectories, part 1: the row helpers, drivers, entry paths, mix groups and the lines before
 * the measures, each cell a formula over Assumptions and Base in the order projection.c computes it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/units.h"
#include "projection_xlsx.h"

#define PW_HEADER_ROW PW_TR_HEADER_ROW

/* ---------------------------------------------------------------- row helpers */

lxw_row_t pw_tb_row(pw_tb *b, rpt_label_id what, const char *item, const prj_line *l, int gas, const char *unit)
{
    pw *w = b->w;
    lxw_worksheet *ws = w->traj;
    lxw_row_t row = w->row++;
    rpt_xl_str(&w->xl, ws, row, TR_SCEN, b->p->sc->id, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TR_WHAT, pw_label(w, what), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TR_ITEM, item, RPT_F_NONE);
    if (l) {
        rpt_xl_str(&w->xl, ws, row, TR_CAT, l->kind == PRJ_L_INDIRECT ? pw_label(w, PWL_PURCHASED) : l->category,
                   RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, TR_KEY, l->key, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, TR_SECTOR, l->sector != PRJ_NONE ? w->f->sectors[l->sector].id : "", RPT_F_NONE);
    }
    if (gas >= 0)
        rpt_xl_str(&w->xl, ws, row, TR_GAS, gas_name((gas_id)gas), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TR_UNIT, unit, RPT_F_NONE);
    return row;
}

void pw_tb_code(pw_tb *b, lxw_row_t row, const char *code)
{
    rpt_xl_str(&b->w->xl, b->w->traj, row, pw_hcol(b->w, TRH_CODE), code, RPT_F_NONE);
}

void pw_tb_replace(pw_tb *b, lxw_row_t *cur, lxw_row_t row)
{
    pw *w = b->w;
    if (*cur && b->stage > 0)
        rpt_xl_num(&w->xl, w->traj, *cur, pw_hcol(w, TRH_TO), (double)(b->stage - 1), RPT_F_INT);
    *cur = row;
    rpt_xl_num(&w->xl, w->traj, row, pw_hcol(w, TRH_FROM), (double)b->stage, RPT_F_INT);
}

void pw_tb_weights(pw_tb *b, lxw_row_t row, size_t li, int g)
{
    pw *w = b->w;
    const prj_line *l = &w->m->lines[li];
    bool memo = l->memo & (1u << g), co2 = g == GAS_CO2;
    if (l->kind == PRJ_L_INDIRECT) {
        pw_tb_code(b, row, l->net_import ? "tn" : "tc");
        return;
    }
    pw_tb_code(b, row, memo ? "memo" : "t");
    if (memo)
        return;
    double wt[PRJ_NMETRICS] = {[PRJ_MET_CO2_ENERGY] = co2 && l->energy_use ? 1 : 0,
                               [PRJ_MET_CO2] = co2 && !l->sink ? 1 : 0,
                               [PRJ_MET_CO2E] = l->sink ? 0 : prj_gwp(w->m, l, g),
                               [PRJ_MET_CO2E_NET] = prj_gwp(w->m, l, g)};
    for (int k = 0; k < PRJ_NMETRICS; k++)
        rpt_xl_num(&w->xl, w->traj, row, pw_hcol(w, TRH_W0 + k), wt[k], RPT_F_GENERAL);
}

void pw_tb_cell(pw_tb *b, lxw_row_t row, size_t t, const pw_fb *fb, double cached, rpt_fmt_id f)
{
    pw_fb_write(b->w, b->w->traj, row, pw_ycol(t), fb, cached, f);
}

rpt_ref pw_tb_at(lxw_row_t row, size_t t) { return rpt_xl_cell(row, pw_ycol(t)); }

void pw_fb_param(const pw *w, pw_fb *fb, size_t i, double scale)
{
    pw_fb_add(fb, "%s", pw_param_ref(w, i).s);
    if (scale != 1) {
        pw_fb_add(fb, "*");
        pw_fb_num(fb, scale);
    }
}

void pw_fb_ramp(pw_fb *fb, const pw_tb *b, const prj_measure *me, size_t t)
{
    (void)b;
    pw_fb_add(fb, "MIN(1,MAX(0,(%s-%ld+1)/(%ld-%ld+1)))", rpt_xl_ref(NULL, PW_HEADER_ROW, pw_ycol(t), false).s,
              me->start, me->full, me->start);
}

void pw_tb_eval(pw_tb *b, size_t stage)
{
    b->stage = stage;
    b->st.stop = stage;
    prj_eval(b->w->m, b->s, b->pv, PRJ_NONE, &b->st);
}

/* ---------------------------------------------------------------- paths */

/* The formula of path `p` in year index t > 0 of `row`: a point, the
 * interpolation between two points (from the row's base-year cell), the
 * last point held, or the previous year times (1 + the rate in effect). */
static void pw_path_expr(const pw *w, pw_fb *fb, const prj_path *p, double scale, lxw_row_t row, long by, size_t t)
{
    long y = by + (long)t;
    size_t k = 0;
    if (p->kind == PRJ_PATH_RATE) {
        while (k + 1 < p->n && p->year[k + 1] <= y)
            k++;
        pw_fb_add(fb, "%s*(1+%s)", pw_tb_at(row, t - 1).s, pw_param_ref(w, p->param[k]).s);
        return;
    }
    while (k < p->n && p->year[k] < y)
        k++;
    if (k == p->n || p->year[k] == y) {
        pw_fb_param(w, fb, p->param[k == p->n ? p->n - 1 : k], scale);
        return;
    }
    long a = k ? p->year[k - 1] : by;
    pw_fb va, vb;
    pw_fb_start(&va);
    pw_fb_start(&vb);
    if (k)
        pw_fb_param(w, &va, p->param[k - 1], scale);
    else
        pw_fb_add(&va, "%s", rpt_xl_ref(NULL, row, TR_Y0, true).s);
    pw_fb_param(w, &vb, p->param[k], scale);
    if (p->geometric)
        pw_fb_add(fb, "%s*(%s/%s)^((%ld-%ld)/(%ld-%ld))", va.s + 1, vb.s + 1, va.s + 1, y, a, p->year[k], a);
    else
        pw_fb_add(fb, "%s+(%s-%s)*((%ld-%ld)/(%ld-%ld))", va.s + 1, vb.s + 1, va.s + 1, y, a, p->year[k], a);
}

lxw_row_t pw_tb_path(pw_tb *b, lxw_row_t row, const prj_path *p, double scale, const char *base_expr, double base,
                     rpt_fmt_id f)
{
    pw *w = b->w;
    double *vals = malloc(w->ny * sizeof *vals);
    if (!vals) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "evaluating a path");
        return row;
    }
    prj_path_eval(p, b->pv, base, scale, w->m->base_year, w->ny, vals);
    pw_fb fb;
    pw_fb_start(&fb);
    if (base_expr) {
        pw_fb_add(&fb, "%s", base_expr);
        pw_tb_cell(b, row, 0, &fb, vals[0], f);
    } else
        rpt_xl_num(&w->xl, w->traj, row, pw_ycol(0), vals[0], f);
    for (size_t t = 1; t < w->ny; t++) {
        pw_fb_start(&fb);
        if (p->kind == PRJ_PATH_NONE)
            pw_fb_add(&fb, "%s", rpt_xl_ref(NULL, row, TR_Y0, true).s);
        else
            pw_path_expr(w, &fb, p, scale, row, w->m->base_year, t);
        pw_tb_cell(b, row, t, &fb, vals[t], f);
    }
    free(vals);
    return row;
}

/* ---------------------------------------------------------------- drivers */

/* The drivers: GDP, population, coal rate, then the scenario's own. */
static void pw_tb_drivers(pw_tb *b)
{
    static const char *const names[3] = {"gdp", "population", "coal_rate"};
    static const char *const units[3] = {"10^4 yuan", "person", "gce/kWh"};
    pw *w = b->w;
    const prj_plan *p = b->p;
    for (size_t k = 0; k < p->ndrivers; k++) {
        const prj_driver *d = p->driver[k];
        pw_fb expr;
        expr.n = 0;
        expr.s[0] = '\0';
        double base = d && d->base != PRJ_NONE ? b->pv[d->base] * d->scale : p->driver_base[k];
        lxw_row_t row = pw_tb_row(b, PWL_Q_DRIVER, k < 3 ? names[k] : d->name, NULL, -1, k < 3 ? units[k] : "");
        if (d && d->base != PRJ_NONE) {
            pw_fb_start(&expr);
            pw_fb_param(w, &expr, d->base, d->scale);
        } else if (k < 3) {
            pw_fb_start(&expr);
            pw_fb_add(&expr, "%s", pw_base_cell(w, (lxw_row_t)(w->base_drv + k), 1).s);
        }
        static const prj_path none = {PRJ_PATH_NONE, false, 0, NULL, NULL, {NULL, 0, 0}};
        pw_tb_path(b, row, d ? &d->path : &none, d ? d->scale : 1, expr.n ? expr.s + 1 : NULL, base,
                   k == 2 || k >= 3 ? RPT_F_DEC4 : RPT_F_T);
        b->drv[k] = row;
        if (k == 0)
            w->sc[b->s].driver0 = row;
    }
}

/* ---------------------------------------------------------------- entries */

/* The base amount of an absolute activity entry: its governed lines'
 * amounts in the entry's unit, summed in line order as prj_plan does. */
static void pw_act_base(pw_tb *b, size_t i, const prj_entry *e, pw_fb *fb)
{
    const prj_model *m = b->w->m;
    bool first = true;
    for (size_t li = 0; li < m->nlines; li++) {
        double f;
        if (b->p->act[li] != i || !units_factor(&m->lines[li].unit, &e->unit, &f))
            continue;
        pw_fb_add(fb, "%s%s", first ? "" : "+", pw_base_ref(b->w, li, BL_M0).s);
        if (f != 1) {
            pw_fb_add(fb, "*");
            pw_fb_num(fb, f);
        }
        first = false;
    }
    if (first)
        pw_fb_add(fb, "0");
}

/* An activity entry's index row: the drivers' ratios to an elasticity, or
 * its path (an absolute path in its own row, divided by its base value). */
static void pw_tb_activity(pw_tb *b, size_t i)
{
    pw *w = b->w;
    const prj_entry *e = b->p->sc->entry[PRJ_E_ACTIVITY][i];
    const double *A = &b->st.scratch[i * w->ny];
    if (!e->ndrivers && e->unit_text) {
        pw_fb fb;
        pw_fb_start(&fb);
        pw_act_base(b, i, e, &fb);
        lxw_row_t prow = pw_tb_row(b, PWL_Q_PATH, e->id, NULL, -1, e->unit_text);
        pw_tb_path(b, prow, &e->path, 1, fb.s + 1, b->p->act_base[i], RPT_F_GENERAL);
        lxw_row_t row = pw_tb_row(b, PWL_Q_ACTIVITY, e->id, NULL, -1, "");
        for (size_t t = 0; t < w->ny; t++) {
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s/%s", pw_tb_at(prow, t).s, rpt_xl_ref(NULL, prow, TR_Y0, true).s);
            pw_tb_cell(b, row, t, &fb, A[t], RPT_F_DEC4);
        }
        b->entry[PRJ_E_ACTIVITY][i] = row;
        return;
    }
    lxw_row_t row = pw_tb_row(b, PWL_Q_ACTIVITY, e->id, NULL, -1, "");
    b->entry[PRJ_E_ACTIVITY][i] = row;
    if (!e->ndrivers) {
        pw_tb_path(b, row, &e->path, 1, NULL, 1, RPT_F_DEC4);
        return;
    }
    for (size_t t = 0; t < w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "%s", e->elasticity != PRJ_NONE || e->ndrivers > 1 ? "(" : "");
        for (size_t k = 0; k < e->ndrivers; k++) {
            lxw_row_t d = b->drv[b->p->act_drivers[i][k]];
            pw_fb_add(&fb, "%s(%s/%s)", k ? "*" : "", pw_tb_at(d, t).s, rpt_xl_ref(NULL, d, TR_Y0, true).s);
        }
        pw_fb_add(&fb, "%s", e->elasticity != PRJ_NONE || e->ndrivers > 1 ? ")" : "");
        if (e->elasticity != PRJ_NONE)
            pw_fb_add(&fb, "^%s", pw_param_ref(b->w, e->elasticity).s);
        pw_tb_cell(b, row, t, &fb, A[t], RPT_F_DEC4);
    }
}

/* A mix entry's share path, from the named fuels' base share. */
static void pw_tb_mix_share(pw_tb *b, size_t i)
{
    const prj_model *m = b->w->m;
    const prj_entry *e = b->p->sc->entry[PRJ_E_MIX][i];
    pw_fb named, group;
    pw_fb_start(&named);
    pw_fb_start(&group);
    for (size_t li = 0; li < m->nlines; li++) {
        if (b->p->mix[li] != i)
            continue;
        pw_fb_add(&group, "%s%s", group.n > 1 ? "+" : "", pw_base_ref(b->w, li, BL_E0).s);
        if (b->p->mix_named[li])
            pw_fb_add(&named, "%s%s", named.n > 1 ? "+" : "", pw_base_ref(b->w, li, BL_E0).s);
    }
    pw_fb expr;
    pw_fb_start(&expr);
    pw_fb_add(&expr, "IF((%s)>0,(%s)/(%s),0)", group.n > 1 ? group.s + 1 : "0", named.n > 1 ? named.s + 1 : "0",
              group.n > 1 ? group.s + 1 : "1");
    lxw_row_t row = pw_tb_row(b, PWL_Q_MIXSHARE, e->id, NULL, -1, "");
    pw_tb_path(b, row, &e->path, 1, expr.s + 1, b->p->mix_p0[i], RPT_F_PCT2);
    b->entry[PRJ_E_MIX][i] = row;
}

/* Every entry's path: activity, efficiency, mix shares and index-ef paths
 * (absolute ef paths are per line; energy paths come with the items). */
static void pw_tb_entries(pw_tb *b)
{
    const prj_scenario *sc = b->p->sc;
    for (size_t i = 0; i < sc->nentry[PRJ_E_ACTIVITY]; i++)
        pw_tb_activity(b, i);
    for (size_t i = 0; i < sc->nentry[PRJ_E_EFFICIENCY]; i++) {
        const prj_entry *e = sc->entry[PRJ_E_EFFICIENCY][i];
        b->entry[PRJ_E_EFFICIENCY][i] = pw_tb_path(b, pw_tb_row(b, PWL_Q_EFFICIENCY, e->id, NULL, -1, ""), &e->path,
                                                   1, NULL, 1, RPT_F_DEC4);
    }
    for (size_t i = 0; i < sc->nentry[PRJ_E_MIX]; i++)
        pw_tb_mix_share(b, i);
    for (size_t i = 0; i < sc->nentry[PRJ_E_EF]; i++) {
        const prj_entry *e = sc->entry[PRJ_E_EF][i];
        if (!e->unit_text)
            b->entry[PRJ_E_EF][i] = pw_tb_path(b, pw_tb_row(b, PWL_Q_EFINDEX, e->id, NULL, -1, ""), &e->path, 1,
                                               NULL, 1, RPT_F_DEC4);
    }
}

/* ---------------------------------------------------------------- mix */

/* a' = A x eta: the product of the governing entries' rows (1 when none). */
static void pw_fb_pre(pw_fb *fb, const pw_tb *b, size_t li, size_t t)
{
    size_t a = b->p->act[li], e = b->p->eff[li];
    if (a != PRJ_NONE)
        pw_fb_add(fb, "%s", pw_tb_at(b->entry[PRJ_E_ACTIVITY][a], t).s);
    if (a != PRJ_NONE && e != PRJ_NONE)
        pw_fb_add(fb, "*");
    if (e != PRJ_NONE)
        pw_fb_add(fb, "%s", pw_tb_at(b->entry[PRJ_E_EFFICIENCY][e], t).s);
    if (a == PRJ_NONE && e == PRJ_NONE)
        pw_fb_add(fb, "1");
}

/* Sum over the lines of mix group i (named only when `named`) of E0 x a'. */
static void pw_fb_group(pw_fb *fb, const pw_tb *b, size_t i, bool named, size_t t)
{
    const prj_model *m = b->w->m;
    bool first = true;
    for (size_t li = 0; li < m->nlines; li++)
        if (b->p->mix[li] == i && (!named || b->p->mix_named[li])) {
            pw_fb_add(fb, "%s%s*%s", first ? "" : "+", pw_base_ref(b->w, li, BL_E0).s, pw_tb_at(b->pre[li], t).s);
            first = false;
        }
    if (first)
        pw_fb_add(fb, "0");
}

/* One mix group's rows: group and named energy before the mix, P', P*, S. */
static void pw_tb_mix_group(pw_tb *b, size_t i, lxw_row_t rows[PRJ_MIX_NV])
{
    static const rpt_label_id what[PRJ_MIX_NV] = {PWL_Q_GROUP_E, PWL_Q_NAMED_E, PWL_Q_P1,
                                                 PWL_Q_PSTAR,   PWL_Q_SNAMED,  PWL_Q_SOTHER};
    pw *w = b->w;
    const prj_entry *e = b->p->sc->entry[PRJ_E_MIX][i];
    for (int k = 0; k < PRJ_MIX_NV; k++)
        rows[k] = pw_tb_row(b, what[k], e->id, NULL, -1, k < 2 ? "TJ" : "");
    for (size_t t = 0; t < w->ny; t++) {
        const double *v = &b->st.mixv[i * PRJ_MIX_NV * w->ny + t];
        rpt_ref rg = pw_tb_at(rows[PRJ_MIX_GROUP], t), rn = pw_tb_at(rows[PRJ_MIX_NAMED], t);
        rpt_ref rp1 = pw_tb_at(rows[PRJ_MIX_P1], t), rps = pw_tb_at(rows[PRJ_MIX_PSTAR], t);
        rpt_ref rshare = pw_tb_at(b->entry[PRJ_E_MIX][i], t);
        const char *g = rg.s, *n = rn.s, *p1 = rp1.s, *ps = rps.s, *share = rshare.s;
        pw_fb fb[PRJ_MIX_NV];
        for (int k = 0; k < PRJ_MIX_NV; k++)
            pw_fb_start(&fb[k]);
        pw_fb_group(&fb[PRJ_MIX_GROUP], b, i, false, t);
        pw_fb_group(&fb[PRJ_MIX_NAMED], b, i, true, t);
        pw_fb_add(&fb[PRJ_MIX_P1], "IF(%s=0,0,%s/%s)", g, n, g);
        if (e->limit == PRJ_LIMIT_EXACT)
            pw_fb_add(&fb[PRJ_MIX_PSTAR], "%s", share);
        else
            pw_fb_add(&fb[PRJ_MIX_PSTAR], "%s(%s,%s)", e->limit == PRJ_LIMIT_AT_MOST ? "MIN" : "MAX", share, p1);
        pw_fb_add(&fb[PRJ_MIX_SNAMED], "IF(%s=0,1,%s/%s)", p1, ps, p1);
        pw_fb_add(&fb[PRJ_MIX_SOTHER], "IF(%s=1,1,(1-%s)/(1-%s))", p1, ps, p1);
        for (int k = 0; k < PRJ_MIX_NV; k++)
            pw_tb_cell(b, rows[k], t, &fb[k], v[k * w->ny], k < 2 ? RPT_F_TJ : k < 4 ? RPT_F_PCT2 : RPT_F_DEC4);
    }
}

/* The rows of a' for the lines in mix groups, then each group's rows;
 * `srow` gets each group's S rows (named, other). */
static void pw_tb_mix(pw_tb *b, lxw_row_t (*srow)[2])
{
    pw *w = b->w;
    const prj_model *m = w->m;
    for (size_t li = 0; li < m->nlines; li++) {
        if (b->p->mix[li] == PRJ_NONE)
            continue;
        b->pre[li] = pw_tb_row(b, PWL_Q_PRE, NULL, &m->lines[li], -1, "");
        for (size_t t = 0; t < w->ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_pre(&fb, b, li, t);
            pw_tb_cell(b, b->pre[li], t, &fb, b->st.pre[li * w->ny + t], RPT_F_DEC4);
        }
    }
    for (size_t i = 0; i < b->p->sc->nentry[PRJ_E_MIX]; i++) {
        lxw_row_t rows[PRJ_MIX_NV];
        pw_tb_mix_group(b, i, rows);
        srow[i][0] = rows[PRJ_MIX_SNAMED];
        srow[i][1] = rows[PRJ_MIX_SOTHER];
    }
}

/* ---------------------------------------------------------------- lines */

/* The emission-factor rows of line li: an absolute path per gas (in the
 * line's factor unit) and its index; an index path is the entry's row. */
static void pw_tb_line_ef(pw_tb *b, size_t li)
{
    pw *w = b->w;
    const prj_line *l = &w->m->lines[li];
    for (unsigned gm = l->gases; gm; gm &= gm - 1) {
        int g = __builtin_ctz(gm);
        size_t k = b->p->ef[li * GAS_COUNT + g];
        const prj_entry *e = k != PRJ_NONE ? b->p->sc->entry[PRJ_E_EF][k] : NULL;
        if (e && !e->unit_text)
            b->F[li * GAS_COUNT + g] = b->entry[PRJ_E_EF][k];
        if (!e || !e->unit_text || l->ef0[g] == 0)
            continue;
        char ef0[sizeof(rpt_ref)];
        snprintf(ef0, sizeof ef0, "%s", pw_base_ref(w, li, (lxw_col_t)(w->base_gas[g] + 1)).s);
        lxw_row_t prow = pw_tb_row(b, PWL_Q_EFPATH, e->id, l, g, NULL);
        pw_tb_path(b, prow, &e->path, b->p->ef_scale[li * GAS_COUNT + g], ef0, l->ef0[g], RPT_F_GENERAL);
        lxw_row_t row = pw_tb_row(b, PWL_Q_EFINDEX, e->id, l, g, "");
        for (size_t t = 0; t < w->ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s/%s", pw_tb_at(prow, t).s, ef0);
            pw_tb_cell(b, row, t, &fb, b->st.ef[prj_cell(&b->st, li, g, t)], RPT_F_DEC4);
        }
        b->F[li * GAS_COUNT + g] = row;
    }
}

/* Line li before the measures: a, E = E0 x a, M = M0 x a when an
 * amount-based measure needs it, e_g = e0_g x a x F_g. */
static void pw_tb_line(pw_tb *b, size_t li, const lxw_row_t (*srow)[2])
{
    pw *w = b->w;
    const prj_line *l = &w->m->lines[li];
    const prj_run *r = &b->st;
    size_t ny = w->ny, mix = b->p->mix[li];
    b->idx[li] = pw_tb_row(b, PWL_Q_INDEX, NULL, l, -1, "");
    for (size_t t = 0; t < ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        if (mix != PRJ_NONE)
            pw_fb_add(&fb, "%s*%s", pw_tb_at(b->pre[li], t).s, pw_tb_at(srow[mix][b->p->mix_named[li] ? 0 : 1], t).s);
        else
            pw_fb_pre(&fb, b, li, t);
        if (mix == PRJ_NONE && b->p->act[li] == PRJ_NONE && b->p->eff[li] == PRJ_NONE)
            rpt_xl_num(&w->xl, w->traj, b->idx[li], pw_ycol(t), 1, RPT_F_DEC4);
        else
            pw_tb_cell(b, b->idx[li], t, &fb, r->index[li * ny + t], RPT_F_DEC4);
    }
    lxw_row_t rows[2] = {0, 0};
    if (l->energy0_tj != 0)
        rows[0] = pw_tb_row(b, PWL_Q_ENERGY, NULL, l, -1, "TJ");
    if (b->track_M[li])
        rows[1] = pw_tb_row(b, PWL_Q_AMOUNT, NULL, l, -1, l->unit_text);
    for (int k = 0; k < 2; k++) {
        if (!rows[k])
            continue;
        pw_tb_replace(b, k ? &b->M[li] : &b->E[li], rows[k]);
        if (!k && l->kind == PRJ_L_COMBUSTION)
            pw_tb_code(b, rows[k], "E");
        for (size_t t = 0; t < ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s*%s", pw_base_ref(w, li, k ? BL_M0 : BL_E0).s, pw_tb_at(b->idx[li], t).s);
            pw_tb_cell(b, rows[k], t, &fb, k ? r->amount[li * ny + t] : r->energy[li * ny + t], RPT_F_TJ);
        }
    }
    for (unsigned gm = l->gases; gm; gm &= gm - 1) {
        int g = __builtin_ctz(gm);
        lxw_row_t row = pw_tb_row(b, PWL_Q_EMISSION, NULL, l, g, "t");
        lxw_row_t F = b->F[li * GAS_COUNT + g];
        pw_tb_replace(b, &b->t[li * GAS_COUNT + g], row);
        pw_tb_weights(b, row, li, g);
        for (size_t t = 0; t < ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s*%s", pw_base_ref(w, li, (lxw_col_t)w->base_gas[g]).s, pw_tb_at(b->idx[li], t).s);
            if (F)
                pw_fb_add(&fb, "*%s", pw_tb_at(F, t).s);
            pw_tb_cell(b, row, t, &fb, r->t[prj_cell(r, li, g, t)], RPT_F_T);
        }
    }
}

/* ---------------------------------------------------------------- a scenario */

/* The lines an amount-based switch or retire acts on by their amounts. */
static void pw_tb_mark_amounts(pw_tb *b)
{
    for (size_t j = 0; j < b->p->nmeas; j++) {
        const prj_bmeasure *bm = &b->p->meas[j];
        if (bm->m->type == PRJ_M_SWITCH || bm->m->type == PRJ_M_RETIRE)
            for (size_t i = 0; !bm->by_energy && i < bm->nlines; i++)
                b->track_M[bm->lines[i]] = true;
    }
}

/* The row arrays of a scenario; false when out of memory. */
static bool pw_tb_alloc(pw_tb *b)
{
    const prj_model *m = b->w->m;
    size_t nl = m->nlines + 1, nm = b->p->nmeas;
    bool ok = prj_run_init(m, &b->st);
    b->drv = calloc(b->p->ndrivers + 1, sizeof *b->drv);
    for (int k = 0; k < PRJ_NENTRY; k++)
        ok = (b->entry[k] = calloc(b->p->sc->nentry[k] + 1, sizeof *b->entry[k])) && ok;
    b->pre = calloc(nl, sizeof *b->pre);
    b->idx = calloc(nl, sizeof *b->idx);
    b->E = calloc(nl, sizeof *b->E);
    b->M = calloc(nl, sizeof *b->M);
    b->t = calloc(nl * GAS_COUNT, sizeof *b->t);
    b->F = calloc(nl * GAS_COUNT, sizeof *b->F);
    b->track_M = calloc(nl, sizeof *b->track_M);
    b->elec = calloc(nm + nl + 1, sizeof *b->elec);
    return ok && b->drv && b->pre && b->idx && b->E && b->M && b->t && b->F && b->track_M && b->elec;
}

/* Frees the row arrays. */
static void pw_tb_free(pw_tb *b)
{
    prj_run_clear(&b->st);
    free(b->drv);
    for (int k = 0; k < PRJ_NENTRY; k++)
        free(b->entry[k]);
    free(b->pre), free(b->idx), free(b->E), free(b->M), free(b->t), free(b->F), free(b->track_M), free(b->elec);
}

/* Scenario s: drivers, entries, mix, lines, measures, totals, energy. */
static void pw_tb_scenario(pw *w, size_t s)
{
    pw_tb b = {.w = w, .s = s, .p = &w->m->plans[s], .sr = &w->r->scen[s], .pv = w->r->pv};
    lxw_row_t (*srow)[2] = calloc(b.p->sc->nentry[PRJ_E_MIX] + 1, sizeof *srow);
    if (!srow || !pw_tb_alloc(&b)) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "allocating a scenario's rows");
        free(srow);
        pw_tb_free(&b);
        return;
    }
    w->sc[s].r0 = w->row;
    rpt_xl_str(&w->xl, w->traj, w->row++, TR_SCEN, b.p->sc->title ? b.p->sc->title : b.p->sc->id, RPT_F_BOLD);
    pw_tb_mark_amounts(&b);
    pw_tb_eval(&b, 0);
    pw_tb_drivers(&b);
    pw_tb_entries(&b);
    pw_tb_mix(&b, srow);
    for (size_t li = 0; li < w->m->nlines; li++)
        pw_tb_line_ef(&b, li);
    for (size_t li = 0; li < w->m->nlines; li++)
        if (w->m->lines[li].project == PRJ_NONE)
            pw_tb_line(&b, li, (const lxw_row_t(*)[2])srow);
    pw_tb_measures(&b);
    pw_tb_totals(&b);
    pw_tb_energy(&b);
    w->sc[s].r1 = w->row - 1;
    w->row++;
    free(srow);
    pw_tb_free(&b);
}

void pw_trajectories(pw *w)
{
    lxw_worksheet *ws = w->traj;
    if (!ws)
        return;
    static const rpt_text cols[TR_Y0] = {
        [TR_SCEN] = {"Scenario", "情景"}, [TR_WHAT] = {"Quantity", "项目"},   [TR_ITEM] = {"Entry or measure", "条目或措施"},
        [TR_CAT] = {"Category", "类别"},  [TR_KEY] = {"Fuel or activity", "燃料或活动"}, [TR_SECTOR] = {"Sector", "部门"},
        [TR_GAS] = {"Gas", "气体"},       [TR_UNIT] = {"Unit", "单位"},
    };
    static const rpt_text helpers[TRH_NCOLS] = {
        [TRH_CODE] = {"code", "代码"}, [TRH_FROM] = {"from measure", "起始措施"}, [TRH_TO] = {"to measure", "终止措施"},
        [TRH_W0 + PRJ_MET_CO2_ENERGY] = {"w co2_energy", "权重 co2_energy"}, [TRH_W0 + PRJ_MET_CO2] = {"w co2", "权重 co2"},
        [TRH_W0 + PRJ_MET_CO2E] = {"w co2e", "权重 co2e"}, [TRH_W0 + PRJ_MET_CO2E_NET] = {"w co2e_net", "权重 co2e_net"},
    };
    rpt_xl_check(&w->xl, worksheet_set_column(ws, TR_SCEN, TR_SCEN, 10, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, TR_WHAT, TR_WHAT, 30, NULL), "setting a column width");
    static const double widths[TR_Y0 - TR_ITEM] = {16, 10, 22, 11, 7, 11}; /* item, category, key, sector, gas, unit */
    for (lxw_col_t c = TR_ITEM; c < TR_Y0; c++)
        rpt_xl_check(&w->xl, worksheet_set_column(ws, c, c, widths[c - TR_ITEM], NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, pw_ycol(0), pw_ycol(w->ny - 1), 13, NULL), "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_TR_NOTE), RPT_F_NONE);
    rpt_xl_header_texts(&w->xl, ws, PW_HEADER_ROW, cols, TR_Y0);
    pw_tall(w, ws, PW_HEADER_ROW);
    pw_years_header(w, ws, PW_HEADER_ROW, TR_Y0, w->m->base_year, w->ny);
    for (int h = 0; h < TRH_NCOLS; h++)
        rpt_xl_str(&w->xl, ws, PW_HEADER_ROW, pw_hcol(w, h), rpt_tr(&helpers[h], w->zh), RPT_F_HEADER);
    worksheet_freeze_panes(ws, PW_HEADER_ROW + 1, TR_Y0);
    w->row = PW_HEADER_ROW + 1;
    for (size_t s = 0; s < w->r->nscen && !w->xl.err; s++)
        pw_tb_scenario(w, s);
}
