/* projection_xlsx_meas.c - Trajectories, part 2: the measures' rows, the totals (wedges, sectors, fuels) and the energy
 * items and indicators, each cell a formula in the order projection.c and intensity.c compute it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "projection_xlsx.h"

/* ---------------------------------------------------------------- line updates */

/* What a measure does to one line: keep the share in row `k` (0: not
 * selected) and add what row `add` supplies times weight `wt` (0: nothing). */
typedef struct {
    lxw_row_t k, add;
    double wt;
    bool to_elec;
} pw_upd;

/* Appends "prev", "*k" and the supplied part of one quantity of line li:
 * add x wt x `per` (a Base ratio, "" for none) x F. */
static void pw_fb_upd(pw_fb *fb, const pw_upd *u, lxw_row_t prev, size_t t, const char *per, lxw_row_t F)
{
    pw_fb_add(fb, "%s", pw_tb_at(prev, t).s);
    if (u->k)
        pw_fb_add(fb, "*%s", pw_tb_at(u->k, t).s);
    if (!u->add)
        return;
    pw_fb_add(fb, "+%s*", pw_tb_at(u->add, t).s);
    pw_fb_num(fb, u->wt);
    pw_fb_add(fb, "%s", per);
    if (F)
        pw_fb_add(fb, "*%s", pw_tb_at(F, t).s);
}

/* Writes the new energy, amount and emission rows of line li after a
 * switch or retire (selected lines keep k; receiving lines get the new fuel). */
static void pw_tb_update(pw_tb *b, size_t li, const pw_upd *u, const char *mid)
{
    pw *w = b->w;
    const prj_line *l = &w->m->lines[li];
    const prj_run *r = &b->st;
    size_t ny = w->ny;
    char per[2 * sizeof(rpt_ref) + 8];
    for (int k = 0; k < 2; k++) {
        lxw_row_t *cur = k ? &b->M[li] : &b->E[li];
        if (!*cur || (k && !b->track_M[li]))
            continue;
        bool ratio = k ? !u->to_elec : u->to_elec; /* dE = d x E0/M0 to electricity; dM = d x M0/E0 to a fuel */
        if (ratio)
            snprintf(per, sizeof per, "*(%s/%s)", pw_base_ref(w, li, k ? BL_M0 : BL_E0).s,
                     pw_base_ref(w, li, k ? BL_E0 : BL_M0).s);
        else
            per[0] = '\0';
        lxw_row_t prev = *cur, row = pw_tb_row(b, k ? PWL_Q_AMOUNT : PWL_Q_ENERGY, mid, l, -1, k ? l->unit_text : "TJ");
        pw_tb_replace(b, cur, row);
        if (!k && l->kind == PRJ_L_COMBUSTION)
            pw_tb_code(b, row, "E");
        for (size_t t = 0; t < ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_upd(&fb, u, prev, t, per, 0);
            pw_tb_cell(b, row, t, &fb, k ? r->amount[li * ny + t] : r->energy[li * ny + t], RPT_F_TJ);
        }
    }
    for (unsigned gm = l->gases; gm; gm &= gm - 1) {
        int g = __builtin_ctz(gm);
        lxw_row_t *cur = &b->t[li * GAS_COUNT + g];
        if (!*cur)
            continue;
        snprintf(per, sizeof per, "*(%s/%s)", pw_base_ref(w, li, w->base_gas[g]).s,
                 pw_base_ref(w, li, u->to_elec ? BL_M0 : BL_E0).s);
        lxw_row_t prev = *cur, row = pw_tb_row(b, PWL_Q_EMISSION, mid, l, g, "t");
        pw_tb_replace(b, cur, row);
        pw_tb_weights(b, row, li, g);
        for (size_t t = 0; t < ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_upd(&fb, u, prev, t, per, b->F[li * GAS_COUNT + g]);
            pw_tb_cell(b, row, t, &fb, r->t[prj_cell(r, li, g, t)], RPT_F_T);
        }
    }
}

/* ---------------------------------------------------------------- measure rows */

/* The ramp row of measure j. */
static lxw_row_t pw_tb_ramp(pw_tb *b, const prj_measure *me)
{
    lxw_row_t row = pw_tb_row(b, PWL_Q_RAMP, me->id, NULL, -1, "");
    for (size_t t = 0; t < b->w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_ramp(&fb, b, me, t);
        pw_tb_cell(b, row, t, &fb, prj_ramp(me, b->w->m->base_year + (long)t), RPT_F_PCT2);
    }
    return row;
}

/* A row of measure j, one formula per year from `make`. */
typedef void (*pw_make)(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx);

static lxw_row_t pw_tb_mrow(pw_tb *b, rpt_label_id what, const prj_measure *me, const char *unit, const double *v,
                            rpt_fmt_id f, pw_make make, const lxw_row_t *rows, const void *ctx)
{
    lxw_row_t row = pw_tb_row(b, what, me->id, NULL, -1, unit);
    for (size_t t = 0; t < b->w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        make(&fb, rows, t, ctx);
        pw_tb_cell(b, row, t, &fb, v[t], f);
    }
    return row;
}

/* What the row makers of a measure read. */
typedef struct {
    const pw_tb *b;
    const prj_bmeasure *bm;
    bool co2; /* the sum is of CO2 (capture), else of energy or amounts */
} pw_mctx;

/* sigma = share x ramp. */
static void pw_mk_sigma(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx)
{
    const pw_mctx *c = ctx;
    pw_fb_add(fb, "%s*%s", pw_param_ref(c->b->w, c->bm->m->share).s, pw_tb_at(rows[0], t).s);
}

/* The quantity the measure acts on: the selected lines' current energy,
 * amounts (times their conversion) or CO2, in line order. */
static void pw_mk_q(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx)
{
    const pw_mctx *c = ctx;
    bool any = false;
    (void)rows;
    for (size_t i = 0; i < c->bm->nlines; i++) {
        size_t li = c->bm->lines[i];
        lxw_row_t cur = c->co2 ? c->b->t[li * GAS_COUNT + GAS_CO2] : c->bm->by_energy ? c->b->E[li] : c->b->M[li];
        if (!cur)
            continue;
        pw_fb_add(fb, "%s%s", any ? "+" : "", pw_tb_at(cur, t).s);
        if (!c->co2 && c->bm->qconv[i] != 1) {
            pw_fb_add(fb, "*");
            pw_fb_num(fb, c->bm->qconv[i]);
        }
        any = true;
    }
    if (!any)
        pw_fb_add(fb, "0");
}

/* R: sigma x q by share; MIN(amount x scale x sigma, q) by amount. */
static void pw_mk_removed(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx)
{
    const pw_mctx *c = ctx;
    if (c->bm->m->amount == PRJ_NONE) {
        pw_fb_add(fb, "%s*%s", pw_tb_at(rows[0], t).s, pw_tb_at(rows[1], t).s);
        return;
    }
    pw_fb_add(fb, "MIN(");
    pw_fb_param(c->b->w, fb, c->bm->m->amount, c->bm->amount_scale);
    pw_fb_add(fb, "*%s,%s)", pw_tb_at(rows[0], t).s, pw_tb_at(rows[1], t).s);
}

/* The share kept: 1 - sigma, or 1 - R/q. */
static void pw_mk_kept(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx)
{
    const pw_mctx *c = ctx;
    if (c->bm->m->amount == PRJ_NONE && c->bm->m->type != PRJ_M_CAPTURE)
        pw_fb_add(fb, "1-%s", pw_tb_at(rows[0], t).s);
    else
        pw_fb_add(fb, "1-IF(%s=0,0,%s/%s)", pw_tb_at(rows[1], t).s, pw_tb_at(rows[2], t).s, pw_tb_at(rows[1], t).s);
}

/* The new fuel supplied: ratio x R. */
static void pw_mk_added(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx)
{
    const pw_mctx *c = ctx;
    pw_fb_add(fb, "%s*%s", pw_param_ref(c->b->w, c->bm->m->ratio).s, pw_tb_at(rows[2], t).s);
}

/* The CO2 captured: MIN(amount x scale x availability x ramp, CO2 before). */
static void pw_mk_captured(pw_fb *fb, const lxw_row_t *rows, size_t t, const void *ctx)
{
    const pw_mctx *c = ctx;
    pw_fb_add(fb, "MIN(");
    pw_fb_param(c->b->w, fb, c->bm->m->amount, c->bm->amount_scale);
    if (c->bm->m->availability != PRJ_NONE)
        pw_fb_add(fb, "*%s", pw_param_ref(c->b->w, c->bm->m->availability).s);
    pw_fb_add(fb, "*%s,%s)", pw_tb_at(rows[0], t).s, pw_tb_at(rows[1], t).s);
}

/* The sigma row of a switch or retire: a share path (0 before `start`),
 * share x ramp, or the ramp alone for an amount. */
static lxw_row_t pw_tb_sigma(pw_tb *b, const pw_mctx *c)
{
    pw *w = b->w;
    const prj_measure *me = c->bm->m;
    const double *sig = &b->st.msig[(size_t)(c->bm - b->p->meas) * w->ny];
    if (me->share_path.kind != PRJ_PATH_NONE) {
        lxw_row_t row = pw_tb_path(b, pw_tb_row(b, PWL_Q_SHARE, me->id, NULL, -1, ""), &me->share_path, 1, NULL, 0,
                                   RPT_F_PCT2);
        for (size_t t = 0; t < w->ny && me->start; t++)
            if (w->m->base_year + (long)t < me->start)
                rpt_xl_num(&w->xl, w->traj, row, pw_ycol(t), 0, RPT_F_PCT2);
        return row;
    }
    lxw_row_t ramp = pw_tb_ramp(b, me);
    if (me->share == PRJ_NONE)
        return ramp;
    return pw_tb_mrow(b, PWL_Q_SHARE, me, "", sig, RPT_F_PCT2, pw_mk_sigma, &ramp, c);
}

/* A switch or retire: sigma, the quantity before, what is removed, the
 * share kept, what the new fuel supplies; then the lines' new rows. */
static void pw_tb_switch(pw_tb *b, size_t j)
{
    pw *w = b->w;
    const prj_bmeasure *bm = &b->p->meas[j];
    const prj_measure *me = bm->m;
    pw_mctx c = {b, bm, false};
    size_t ny = w->ny;
    lxw_row_t rows[4];
    rows[0] = pw_tb_sigma(b, &c);
    rows[1] = pw_tb_mrow(b, PWL_Q_QUANTITY, me, bm->by_energy ? "TJ" : me->amount_unit_text, &b->st.mq[j * ny],
                         RPT_F_TJ, pw_mk_q, rows, &c);
    rows[2] = pw_tb_mrow(b, PWL_Q_REMOVED, me, bm->by_energy ? "TJ" : me->amount_unit_text, &b->st.removed[j * ny],
                         RPT_F_TJ, pw_mk_removed, rows, &c);
    rows[3] = pw_tb_mrow(b, PWL_Q_KEPT, me, "", &b->st.mk[j * ny], RPT_F_PCT2, pw_mk_kept, rows, &c);
    lxw_row_t add = 0;
    if (me->to_fuel) {
        double *v = malloc(ny * sizeof *v);
        for (size_t t = 0; v && t < ny; t++)
            v[t] = b->pv[me->ratio] * b->st.removed[j * ny + t];
        if (v)
            add = pw_tb_mrow(b, PWL_Q_ADDED, me, "TJ", v, RPT_F_TJ, pw_mk_added, rows, &c);
        free(v);
        if (bm->to_elec && add)
            b->elec[b->nelec++] = add;
    }
    for (size_t li = 0; li < w->m->nlines; li++) {
        pw_upd u = {0, 0, 0, bm->to_elec};
        for (size_t i = 0; i < bm->nlines; i++)
            u.k = bm->lines[i] == li ? rows[3] : u.k;
        for (size_t i = 0; add && i < bm->nto; i++)
            if (bm->to[i] == li) {
                u.add = add;
                u.wt = bm->to_w[i];
            }
        if (u.k || u.add)
            pw_tb_update(b, li, &u, me->id);
    }
}

/* A capture: the ramp, the selected lines' CO2, what is captured, the
 * share kept; then each line's new CO2 row. */
static void pw_tb_capture(pw_tb *b, size_t j)
{
    pw *w = b->w;
    const prj_bmeasure *bm = &b->p->meas[j];
    const prj_measure *me = bm->m;
    pw_mctx c = {b, bm, true};
    size_t ny = w->ny;
    lxw_row_t rows[3];
    rows[0] = pw_tb_ramp(b, me);
    rows[1] = pw_tb_mrow(b, PWL_Q_CO2_BEFORE, me, "t", &b->st.mq[j * ny], RPT_F_T, pw_mk_q, rows, &c);
    rows[2] = pw_tb_mrow(b, PWL_Q_CAPTURED, me, "t", &b->st.removed[j * ny], RPT_F_T, pw_mk_captured, rows, &c);
    lxw_row_t k = pw_tb_mrow(b, PWL_Q_KEPT, me, "", &b->st.mk[j * ny], RPT_F_PCT2, pw_mk_kept, rows, &c);
    for (size_t i = 0; i < bm->nlines; i++) {
        size_t li = bm->lines[i];
        lxw_row_t *cur = &b->t[li * GAS_COUNT + GAS_CO2], prev = *cur;
        if (!prev)
            continue;
        lxw_row_t row = pw_tb_row(b, PWL_Q_EMISSION, me->id, &w->m->lines[li], GAS_CO2, "t");
        pw_tb_replace(b, cur, row);
        pw_tb_weights(b, row, li, GAS_CO2);
        for (size_t t = 0; t < ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s*%s", pw_tb_at(prev, t).s, pw_tb_at(k, t).s);
            pw_tb_cell(b, row, t, &fb, b->st.t[prj_cell(&b->st, li, GAS_CO2, t)], RPT_F_T);
        }
    }
}

/* One quantity of a project line: Base value x ramp x growth (x F). */
static void pw_tb_project_row(pw_tb *b, lxw_row_t row, size_t li, lxw_col_t col, lxw_row_t ramp, lxw_row_t growth,
                              lxw_row_t F, const double *v, rpt_fmt_id f)
{
    for (size_t t = 0; t < b->w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "%s*%s", pw_base_ref(b->w, li, col).s, pw_tb_at(ramp, t).s);
        if (growth)
            pw_fb_add(&fb, "*%s", pw_tb_at(growth, t).s);
        if (F)
            pw_fb_add(&fb, "*%s", pw_tb_at(F, t).s);
        pw_tb_cell(b, row, t, &fb, v[t], f);
    }
}

/* A new construction project: its lines from its start year at ramp x
 * growth of their base amounts; its purchased electricity adds to imports. */
static void pw_tb_project(pw_tb *b, size_t j)
{
    pw *w = b->w;
    const prj_bmeasure *bm = &b->p->meas[j];
    const prj_measure *me = bm->m;
    const prj_run *r = &b->st;
    size_t ny = w->ny;
    lxw_row_t ramp = pw_tb_ramp(b, me), growth = 0;
    if (me->growth.kind != PRJ_PATH_NONE)
        growth = pw_tb_path(b, pw_tb_row(b, PWL_Q_GROWTH, me->id, NULL, -1, ""), &me->growth, 1, NULL, 1, RPT_F_DEC4);
    for (size_t i = 0; i < bm->nlines; i++) {
        size_t li = bm->lines[i];
        const prj_line *l = &w->m->lines[li];
        for (int k = 0; k < 2; k++) {
            if (k ? !b->track_M[li] : l->energy0_tj == 0)
                continue;
            lxw_row_t row = pw_tb_row(b, k ? PWL_Q_AMOUNT : PWL_Q_ENERGY, me->id, l, -1, k ? l->unit_text : "TJ");
            pw_tb_replace(b, k ? &b->M[li] : &b->E[li], row);
            if (!k && l->kind == PRJ_L_COMBUSTION)
                pw_tb_code(b, row, "E");
            pw_tb_project_row(b, row, li, k ? BL_M0 : BL_E0, ramp, growth, 0, k ? &r->amount[li * ny] : &r->energy[li * ny],
                              RPT_F_TJ);
            if (!k && l->kind == PRJ_L_INDIRECT && !l->net_import && strcmp(l->key, "electricity") == 0)
                b->elec[b->nelec++] = row;
        }
        for (unsigned gm = l->gases; gm; gm &= gm - 1) {
            int g = __builtin_ctz(gm);
            lxw_row_t row = pw_tb_row(b, PWL_Q_EMISSION, me->id, l, g, "t");
            pw_tb_replace(b, &b->t[li * GAS_COUNT + g], row);
            pw_tb_weights(b, row, li, g);
            pw_tb_project_row(b, row, li, w->base_gas[g], ramp, growth, b->F[li * GAS_COUNT + g],
                              &r->t[prj_cell(r, li, g, 0)], RPT_F_T);
        }
    }
}

void pw_tb_measures(pw_tb *b)
{
    for (size_t j = 0; j < b->p->nmeas; j++) {
        pw_tb_eval(b, j + 1);
        switch (b->p->meas[j].m->type) {
        case PRJ_M_CAPTURE:
            pw_tb_capture(b, j);
            break;
        case PRJ_M_PROJECT:
            pw_tb_project(b, j);
            break;
        default:
            pw_tb_switch(b, j);
        }
    }
}

/* ---------------------------------------------------------------- totals */

/* Ends every current row at the last stage. */
static void pw_tb_close_rows(pw_tb *b)
{
    pw *w = b->w;
    double k = (double)b->p->nmeas;
    for (size_t i = 0; i < w->m->nlines * GAS_COUNT; i++)
        if (b->t[i])
            rpt_xl_num(&w->xl, w->traj, b->t[i], pw_hcol(w, TRH_TO), k, RPT_F_INT);
    for (size_t li = 0; li < w->m->nlines; li++) {
        if (b->E[li])
            rpt_xl_num(&w->xl, w->traj, b->E[li], pw_hcol(w, TRH_TO), k, RPT_F_INT);
        if (b->M[li])
            rpt_xl_num(&w->xl, w->traj, b->M[li], pw_hcol(w, TRH_TO), k, RPT_F_INT);
    }
}

/* Appends SUMPRODUCT over the scenario's rows in year t: the rows current
 * at `stage`, with code `code` (NULL: any), column `col` equal to `eq`
 * (NULL: any), times weight column `wk` (-1: 1). */
static void pw_fb_sumproduct(pw_fb *fb, const pw_tb *b, size_t t, size_t stage, const char *code, lxw_col_t col,
                             const char *eq, int wk)
{
    const pw *w = b->w;
    lxw_row_t r0 = w->sc[b->s].r0, r1 = b->lines_end;
    pw_fb_add(fb, "SUMPRODUCT((%s<=%zu)*(%s>=%zu)", rpt_xl_range(NULL, r0, pw_hcol(w, TRH_FROM), r1, pw_hcol(w, TRH_FROM), true).s,
              stage, rpt_xl_range(NULL, r0, pw_hcol(w, TRH_TO), r1, pw_hcol(w, TRH_TO), true).s, stage);
    if (code)
        pw_fb_add(fb, "*(%s=\"%s\")", rpt_xl_range(NULL, r0, pw_hcol(w, TRH_CODE), r1, pw_hcol(w, TRH_CODE), true).s,
                  code);
    if (eq)
        pw_fb_add(fb, "*(%s=\"%s\")", rpt_xl_range(NULL, r0, col, r1, col, true).s, eq);
    if (wk >= 0)
        pw_fb_add(fb, "*%s", rpt_xl_range(NULL, r0, pw_hcol(w, TRH_W0 + wk), r1, pw_hcol(w, TRH_W0 + wk), true).s);
    pw_fb_add(fb, ",%s)", rpt_xl_range(NULL, r0, pw_ycol(t), r1, pw_ycol(t), false).s);
}

/* One SUMPRODUCT row with the values `v`. */
static lxw_row_t pw_tb_sum_row(pw_tb *b, rpt_label_id what, const char *item, const char *unit, size_t stage,
                               const char *code, lxw_col_t col, const char *eq, int wk, const double *v, size_t stride)
{
    lxw_row_t row = pw_tb_row(b, what, item, NULL, -1, unit);
    for (size_t t = 0; t < b->w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_sumproduct(&fb, b, t, stage, code, col, eq, wk);
        pw_tb_cell(b, row, t, &fb, v[t * stride], code && !strcmp(code, "E") ? RPT_F_TJ : RPT_F_T);
    }
    return row;
}

/* The peak metric after each measure and the wedges between them. */
static void pw_tb_stages(pw_tb *b)
{
    pw *w = b->w;
    pw_scen *sc = &w->sc[b->s];
    const prj_run *r = &b->sr->run;
    size_t ny = w->ny, k = b->p->nmeas;
    int met = (int)w->f->metric;
    for (size_t j = 0; j <= k; j++)
        sc->stage[j] = pw_tb_sum_row(b, j ? PWL_Q_METRIC_AFTER : PWL_Q_BEFORE_MEASURES,
                                     j ? b->p->meas[j - 1].m->id : prj_metric_name(w->f->metric), "t", j, "t", 0, NULL,
                                     met, &r->metric[(j * PRJ_NMETRICS + (size_t)met) * ny], 1);
    for (size_t j = 0; j < k; j++) {
        sc->wedge[j] = pw_tb_row(b, PWL_Q_WEDGE, b->p->meas[j].m->id, NULL, -1, "t");
        for (size_t t = 0; t < ny; t++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s-%s", pw_tb_at(sc->stage[j], t).s, pw_tb_at(sc->stage[j + 1], t).s);
            double v = r->metric[(j * PRJ_NMETRICS + (size_t)met) * ny + t] -
                       r->metric[((j + 1) * PRJ_NMETRICS + (size_t)met) * ny + t];
            pw_tb_cell(b, sc->wedge[j], t, &fb, v, RPT_F_T);
        }
    }
}

void pw_tb_totals(pw_tb *b)
{
    pw *w = b->w;
    pw_scen *sc = &w->sc[b->s];
    const prj_run *r = &b->sr->run;
    size_t ny = w->ny, k = b->p->nmeas, ns = w->f->nsectors;
    b->lines_end = w->row - 1;
    pw_tb_close_rows(b);
    pw_tb_stages(b);
    for (int m = 0; m < PRJ_NMETRICS; m++)
        sc->metric[m] = pw_tb_sum_row(b, PWL_Q_METRIC, prj_metric_name((prj_metric)m), "t", k, "t", 0, NULL, m,
                                      &r->metric[(k * PRJ_NMETRICS + (size_t)m) * ny], 1);
    for (size_t i = 0; i < ns; i++) {
        lxw_row_t row = pw_tb_sum_row(b, PWL_Q_SECTOR, w->f->sectors[i].id, "t", k, "t", TR_SECTOR,
                                      w->f->sectors[i].id, (int)w->f->metric, &b->sr->sector_metric[i * ny], 1);
        if (i == 0)
            sc->sector0 = row;
    }
    for (size_t i = 0; i < w->m->nfuels; i++)
        pw_tb_sum_row(b, PWL_Q_FUEL, w->m->fuels[i], "TJ", k, "E", TR_KEY, w->m->fuels[i], -1, &b->sr->fuel_tj[i],
                      w->m->nfuels);
    for (int v = 0; v < 2; v++)
        pw_tb_sum_row(b, PWL_Q_INDIRECT0 + (rpt_label_id)v, NULL, "t", k, v ? "tn" : "tc", 0, NULL, -1,
                      &b->sr->indirect_t[(size_t)v * ny], 1);
}

/* ---------------------------------------------------------------- energy and indicators */

/* The electricity the measures add (TJ): the sum of the rows that add it. */
static lxw_row_t pw_tb_elec(pw_tb *b)
{
    lxw_row_t row = pw_tb_row(b, PWL_Q_ELEC_ADDED, NULL, NULL, -1, "TJ");
    for (size_t t = 0; t < b->w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        for (size_t i = 0; i < b->nelec; i++)
            pw_fb_add(&fb, "%s%s", i ? "+" : "", pw_tb_at(b->elec[i], t).s);
        if (!b->nelec)
            pw_fb_add(&fb, "0");
        pw_tb_cell(b, row, t, &fb, b->sr->run.elec_tj[t], RPT_F_TJ);
    }
    return row;
}

/* The amount of energy item k in year t > 0: its path, the energy of the
 * lines burning it relative to the base year, or its base amount; net
 * imports plus the electricity added. */
static void pw_fb_item(pw_fb *fb, const pw_tb *b, const prj_item *x, lxw_row_t path, lxw_row_t elec, size_t k, size_t t)
{
    const pw *w = b->w;
    char a0[sizeof(rpt_ref)];
    snprintf(a0, sizeof a0, "%s", pw_base_cell(w, (lxw_row_t)(w->base_item0 + k), BI_AMOUNT).s);
    if (x->path && x->path->unit_text)
        pw_fb_add(fb, "%s", pw_tb_at(path, t).s);
    else if (x->path)
        pw_fb_add(fb, "%s*%s", a0, pw_tb_at(path, t).s);
    else if (x->nlines && x->base_tj > 0) {
        pw_fb_add(fb, "%s*((", a0);
        bool any = false;
        for (size_t i = 0; i < x->nlines + x->nplines; i++) {
            size_t li = i < x->nlines ? x->lines[i] : x->plines[i - x->nlines];
            if (b->E[li])
                pw_fb_add(fb, "%s%s", any ? "+" : "", pw_tb_at(b->E[li], t).s);
            any = any || b->E[li];
        }
        pw_fb_add(fb, "%s)/%s)", any ? "" : "0", pw_base_cell(w, (lxw_row_t)(w->base_item0 + k), BI_BASE_TJ).s);
    } else
        pw_fb_add(fb, "%s", a0);
    if (x->item->kind == SER_NET_IMPORT_ELECTRICITY) {
        pw_fb_add(fb, "+%s*", pw_tb_at(elec, t).s);
        pw_fb_num(fb, x->tj_to_amount);
    }
}

/* Item k's amount row (and its path row when it has an `energy` entry). */
static lxw_row_t pw_tb_item(pw_tb *b, size_t k, lxw_row_t elec)
{
    pw *w = b->w;
    const prj_item *x = &b->p->items[k];
    const prj_scen_result *sr = b->sr;
    size_t nh = w->m->in.nhist;
    char a0[sizeof(rpt_ref)];
    snprintf(a0, sizeof a0, "%s", pw_base_cell(w, (lxw_row_t)(w->base_item0 + k), BI_AMOUNT).s);
    lxw_row_t path = 0;
    if (x->path) {
        bool abs = x->path->unit_text != NULL;
        path = pw_tb_row(b, PWL_Q_ITEM_PATH, x->path->id, NULL, -1, abs ? x->item->unit_text : "");
        pw_tb_path(b, path, &x->path->path, x->path_scale, abs ? a0 : NULL, abs ? x->item->amount : 1,
                   abs ? RPT_F_GENERAL : RPT_F_DEC4);
    }
    lxw_row_t row = pw_tb_row(b, PWL_Q_ITEM, x->item->fuel, NULL, -1, x->item->unit_text);
    rpt_xl_str(&w->xl, w->traj, row, TR_KEY, ser_kind_name(x->item->kind), RPT_F_NONE);
    for (size_t t = 0; t < w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        if (t == 0)
            pw_fb_add(&fb, "%s", a0);
        else
            pw_fb_item(&fb, b, x, path, elec, k, t);
        pw_tb_cell(b, row, t, &fb, sr->syn.years[nh + t].energy[k].amount, RPT_F_GENERAL);
    }
    return row;
}

/* Item k in tce by the series' method: amount x sce x factor, or for
 * electricity by the coal-rate method amount x coal rate x factor. */
static lxw_row_t pw_tb_item_tce(pw_tb *b, size_t k, lxw_row_t amount)
{
    pw *w = b->w;
    const ser_energy *e = b->p->items[k].item;
    ser_method meth = w->m->in.series->method;
    size_t nh = w->m->in.nhist;
    bool rate = meth == SER_COAL_RATE && (e->kind == SER_PRIMARY_ELECTRICITY || e->kind == SER_NET_IMPORT_ELECTRICITY);
    lxw_row_t row = pw_tb_row(b, PWL_Q_ITEM_TCE, e->fuel, NULL, -1, "tce");
    rpt_xl_str(&w->xl, w->traj, row, TR_KEY, ser_kind_name(e->kind), RPT_F_NONE);
    for (size_t t = 0; t < w->ny; t++) {
        pw_fb fb;
        lxw_row_t item = (lxw_row_t)(w->base_item0 + k);
        pw_fb_start(&fb);
        if (rate)
            pw_fb_add(&fb, "%s*%s*%s", pw_tb_at(amount, t).s,
                      t ? pw_tb_at(b->drv[2], t).s : pw_base_cell(w, (lxw_row_t)(w->base_drv + 2), 1).s,
                      pw_base_cell(w, item, BI_RATE_FACTOR).s);
        else
            pw_fb_add(&fb, "%s*%s*%s", pw_tb_at(amount, t).s, pw_base_cell(w, item, BI_SCE).s,
                      pw_base_cell(w, item, BI_SCE_FACTOR).s);
        const int_year *y = &b->sr->ind->years[nh + t];
        pw_tb_cell(b, row, t, &fb, int_item_tce(&b->sr->syn.years[nh + t].energy[k], meth, y->coal_rate_gce_kwh),
                   RPT_F_T);
    }
    return row;
}

/* One indicator row: `num` over `den`, or a share with IF(den=0,0,...). */
static lxw_row_t pw_tb_ratio(pw_tb *b, rpt_label_id what, lxw_row_t num, lxw_row_t den, bool share, const double *v,
                             size_t stride, rpt_fmt_id f)
{
    lxw_row_t row = pw_tb_row(b, what, NULL, NULL, -1, "");
    for (size_t t = 0; t < b->w->ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        if (share)
            pw_fb_add(&fb, "IF(%s=0,0,%s/%s)", pw_tb_at(den, t).s, pw_tb_at(num, t).s, pw_tb_at(den, t).s);
        else
            pw_fb_add(&fb, "%s/%s", pw_tb_at(num, t).s, pw_tb_at(den, t).s);
        pw_tb_cell(b, row, t, &fb, v[t * stride], f);
    }
    return row;
}

/* The mix groups and the total from the items' tce rows, in item order. */
static void pw_tb_mix_rows(pw_tb *b, const lxw_row_t *tce, lxw_row_t mix[INT_NMIX + 1])
{
    pw *w = b->w;
    const int_year *y0 = &b->sr->ind->years[w->m->in.nhist];
    ser_method meth = w->m->in.series->method;
    for (int g = 0; g <= INT_NMIX; g++) {
        mix[g] = pw_tb_row(b, g < INT_NMIX ? PWL_Q_MIX0 + (rpt_label_id)g : PWL_Q_ENERGY_TOTAL, NULL, NULL, -1, "tce");
        for (size_t t = 0; t < w->ny; t++) {
            pw_fb fb;
            bool any = false;
            pw_fb_start(&fb);
            for (size_t k = 0; g < INT_NMIX && k < b->p->nitems; k++)
                if ((int)int_item_mix(b->p->items[k].item) == g) {
                    pw_fb_add(&fb, "%s%s", any ? "+" : "", pw_tb_at(tce[k], t).s);
                    any = true;
                }
            for (int h = 0; g == INT_NMIX && h < INT_NMIX; h++)
                pw_fb_add(&fb, "%s%s", h ? "+" : "", pw_tb_at(mix[h], t).s);
            if (g < INT_NMIX && !any)
                pw_fb_add(&fb, "0");
            const int_year *y = &y0[t];
            pw_tb_cell(b, mix[g], t, &fb, g < INT_NMIX ? y->mix_tce[meth][g] : y->energy_tce[meth], RPT_F_T);
        }
    }
}

void pw_tb_energy(pw_tb *b)
{
    pw *w = b->w;
    pw_scen *sc = &w->sc[b->s];
    lxw_row_t elec = pw_tb_elec(b);
    if (!b->sr->ind || !b->p->nitems)
        return;
    size_t nh = w->m->in.nhist, ny = w->ny, n = b->p->nitems;
    ser_method meth = w->m->in.series->method;
    lxw_row_t *tce = calloc(n, sizeof *tce), mix[INT_NMIX + 1];
    double *v = malloc(ny * SER_NIND * sizeof *v);
    if (!tce || !v) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "allocating the energy rows");
        free(tce), free(v);
        return;
    }
    for (size_t k = 0; k < n; k++)
        tce[k] = pw_tb_item_tce(b, k, pw_tb_item(b, k, elec));
    pw_tb_mix_rows(b, tce, mix);
    sc->gdp = pw_tb_row(b, PWL_Q_GDP, NULL, NULL, -1, "10^4 yuan");
    for (size_t t = 0; t < ny; t++) {
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "%s", t ? pw_tb_at(b->drv[0], t).s : pw_base_cell(w, w->base_drv, 1).s);
        pw_tb_cell(b, sc->gdp, t, &fb, b->sr->ind->years[nh + t].gdp_real_1e4_yuan, RPT_F_T);
    }
    for (size_t t = 0; t < ny; t++) {
        const int_year *y = &b->sr->ind->years[nh + t];
        for (int i = 0; i < SER_NIND; i++)
            v[(size_t)i * ny + t] = int_indicator(y, (ser_indicator)i, meth);
    }
    sc->ind[SER_IND_CO2_PER_GDP] = pw_tb_ratio(b, PWL_Q_IND0 + SER_IND_CO2_PER_GDP, sc->metric[PRJ_MET_CO2_ENERGY],
                                               sc->gdp, false, &v[SER_IND_CO2_PER_GDP * ny], 1, RPT_F_DEC4);
    sc->ind[SER_IND_CO2E_PER_GDP] = pw_tb_ratio(b, PWL_Q_IND0 + SER_IND_CO2E_PER_GDP, sc->metric[PRJ_MET_CO2E_NET],
                                                sc->gdp, false, &v[SER_IND_CO2E_PER_GDP * ny], 1, RPT_F_DEC4);
    sc->ind[SER_IND_ENERGY_PER_GDP] = pw_tb_ratio(b, PWL_Q_IND0 + SER_IND_ENERGY_PER_GDP, mix[INT_NMIX], sc->gdp,
                                                  false, &v[SER_IND_ENERGY_PER_GDP * ny], 1, RPT_F_DEC4);
    sc->ind[SER_IND_COAL_SHARE] = pw_tb_ratio(b, PWL_Q_IND0 + SER_IND_COAL_SHARE, mix[INT_MIX_COAL], mix[INT_NMIX],
                                              true, &v[SER_IND_COAL_SHARE * ny], 1, RPT_F_PCT2);
    sc->ind[SER_IND_NON_FOSSIL_SHARE] =
        pw_tb_ratio(b, PWL_Q_IND0 + SER_IND_NON_FOSSIL_SHARE, mix[INT_MIX_PRIMARY_ELEC], mix[INT_NMIX], true,
                    &v[SER_IND_NON_FOSSIL_SHARE * ny], 1, RPT_F_PCT2);
    free(tce);
    free(v);
}
