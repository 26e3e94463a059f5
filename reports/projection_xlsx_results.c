/* projection_xlsx_results.c - the projection workbook's LMDI (effects and bar chart), Targets (statuses and targets by
 * year, formulas over Trajectories) and Monte Carlo (summary, peak-year distribution, fan chart) sheets. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "projection_xlsx.h"

/* ---------------------------------------------------------------- LMDI */

/* LMDI: a table's columns (sector, the effects, their sum, the change). */
enum { LM_SECTOR, LM_EFF0, LM_SUM = LM_EFF0 + LMDI_NFACTORS, LM_CHANGE, LM_NCOLS };
#define LM_CHART_COL 11 /* the chart data: effect names, then one column per decomposition */

/* One decomposition's table; returns the row of its total. */
static lxw_row_t lm_table(pw *w, lxw_worksheet *ws, const prj_lmdi *l, lxw_row_t *row)
{
    size_t ns = w->f->nsectors;
    char buf[128];
    rpt_fmt(buf, sizeof buf, "%ld - %ld", l->from, l->to);
    rpt_xl_str(&w->xl, ws, *row, 0, pw_label(w, PWL_FROM_TO), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, (*row)++, 1, buf, RPT_F_BOLD);
    pw_tall(w, ws, *row);
    rpt_xl_str(&w->xl, ws, *row, LM_SECTOR, pw_label(w, PWL_SECTOR), RPT_F_HEADER);
    for (int k = 0; k < LMDI_NFACTORS; k++)
        rpt_xl_str(&w->xl, ws, *row, (lxw_col_t)(LM_EFF0 + k), pw_label(w, PWL_FACTOR0 + (rpt_label_id)k), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, *row, LM_SUM, pw_label(w, PWL_SUM_EFFECTS), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, (*row)++, LM_CHANGE, pw_label(w, PWL_CHANGE), RPT_F_HEADER);
    lxw_row_t r0 = *row;
    for (size_t i = 0; i < ns; i++, (*row)++) {
        double sum = 0;
        rpt_xl_str(&w->xl, ws, *row, LM_SECTOR, pw_sector_name(w, i), RPT_F_NONE);
        for (int k = 0; k < LMDI_NFACTORS; k++) {
            rpt_xl_num(&w->xl, ws, *row, (lxw_col_t)(LM_EFF0 + k), l->effects[i * LMDI_NFACTORS + (size_t)k], RPT_F_T);
            sum += l->effects[i * LMDI_NFACTORS + (size_t)k];
        }
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "SUM(%s)", rpt_xl_range(NULL, *row, LM_EFF0, *row, LM_EFF0 + LMDI_NFACTORS - 1, false).s);
        pw_fb_write(w, ws, *row, LM_SUM, &fb, sum, RPT_F_T);
        rpt_xl_num(&w->xl, ws, *row, LM_CHANGE, l->change[i], RPT_F_T);
    }
    lxw_row_t total = *row;
    rpt_xl_str(&w->xl, ws, total, LM_SECTOR, pw_label(w, PWL_TOTAL), RPT_F_BOLD);
    for (lxw_col_t c = LM_EFF0; c < LM_NCOLS; c++) {
        double v = 0;
        for (size_t i = 0; i < ns; i++)
            v += c == LM_CHANGE ? l->change[i]
                 : c == LM_SUM  ? 0
                                : l->effects[i * LMDI_NFACTORS + (size_t)(c - LM_EFF0)];
        for (size_t i = 0; c == LM_SUM && i < ns; i++)
            for (int k = 0; k < LMDI_NFACTORS; k++)
                v += l->effects[i * LMDI_NFACTORS + (size_t)k];
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "SUM(%s)", rpt_xl_range(NULL, r0, c, total - 1, c, false).s);
        pw_fb_write(w, ws, total, c, &fb, v, RPT_F_T_BOLD);
    }
    (*row)++;
    rpt_xl_str(&w->xl, ws, *row, LM_SECTOR, pw_label(w, PWL_REST), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, (*row)++, LM_CHANGE, l->rest, RPT_F_T);
    (*row)++;
    return total;
}

/* The chart data (effects and the rest, per decomposition) and the bar chart. */
static void lm_chart(pw *w, lxw_worksheet *ws, size_t s, lxw_row_t at, const lxw_row_t total[2], const lxw_row_t rest[2])
{
    const prj_scen_result *sr = &w->r->scen[s];
    char buf[256];
    for (int k = 0; k <= LMDI_NFACTORS; k++)
        rpt_xl_str(&w->xl, ws, (lxw_row_t)(at + 1 + k), LM_CHART_COL,
                   pw_label(w, k < LMDI_NFACTORS ? PWL_FACTOR0 + (rpt_label_id)k : PWL_REST), RPT_F_NONE);
    rpt_fmt(buf, sizeof buf, "%s: %s", pw_label(w, PWL_CHART_LMDI), sr->sc->id);
    lxw_chart *ch = rpt_xl_chart(&w->xl, LXW_CHART_COLUMN, buf);
    for (int d = 0; ch && d < 2; d++) {
        const prj_lmdi *l = &sr->lmdi[d];
        if (!total[d])
            continue;
        lxw_col_t col = (lxw_col_t)(LM_CHART_COL + 1 + d);
        rpt_fmt(buf, sizeof buf, "%ld-%ld", l->from, l->to);
        rpt_xl_str(&w->xl, ws, at, col, buf, RPT_F_HEADER);
        for (int k = 0; k <= LMDI_NFACTORS; k++) {
            pw_fb fb;
            double v = l->rest;
            pw_fb_start(&fb);
            if (k < LMDI_NFACTORS) {
                v = 0;
                for (size_t i = 0; i < w->f->nsectors; i++)
                    v += l->effects[i * LMDI_NFACTORS + (size_t)k];
                pw_fb_add(&fb, "%s", rpt_xl_cell(total[d], (lxw_col_t)(LM_EFF0 + k)).s);
            } else
                pw_fb_add(&fb, "%s", rpt_xl_cell(rest[d], LM_CHANGE).s);
            pw_fb_write(w, ws, (lxw_row_t)(at + 1 + k), col, &fb, v, RPT_F_T);
        }
        rpt_xl_series(&w->xl, ch, pw_sheet(w, PWL_SHEET_LMDI), LM_CHART_COL, col, at + 1, at + 1 + LMDI_NFACTORS,
                      buf);
    }
    if (!ch)
        return;
    chart_axis_set_num_format(ch->y_axis, "#,##0.0,,");
    chart_axis_set_name(ch->y_axis, pw_axis_name(w));
    chart_axis_set_label_position(ch->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {.x_scale = 1.5, .y_scale = 1.3};
    if (!w->xl.err)
        rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, at, LM_CHART_COL + 4, ch, &opt), "inserting a chart");
}

void pw_lmdi(pw *w)
{
    lxw_worksheet *ws = w->ws_lmdi;
    lxw_row_t row = 3;
    if (!ws)
        return;
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 0, 0, 24, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 1, LM_CHART_COL + 2, 14, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, LM_CHART_COL, LM_CHART_COL, 28, NULL), "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_LMDI_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_LMDI_NOTE), RPT_F_NONE);
    for (size_t s = 0; s < w->r->nscen; s++) {
        const prj_scen_result *sr = &w->r->scen[s];
        char buf[512];
        lxw_row_t total[2] = {0, 0}, rest[2] = {0, 0}, at = row;
        rpt_fmt(buf, sizeof buf, "%s: %s", sr->sc->id, sr->sc->title ? sr->sc->title : "");
        rpt_xl_str(&w->xl, ws, row++, 0, buf, RPT_F_BOLD);
        for (int d = 0; d < 2; d++)
            if (sr->lmdi[d].ok) {
                total[d] = lm_table(w, ws, &sr->lmdi[d], &row);
                rest[d] = total[d] + 1;
            }
        if (!total[0] && !total[1])
            rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_LMDI_NONE), RPT_F_NONE);
        else
            lm_chart(w, ws, s, at, total, rest);
        row = row < at + 22 ? at + 22 : row + 1;
    }
}

/* ---------------------------------------------------------------- Targets */

/* Targets: the statuses table's columns. */
enum {
    TG_SCEN, TG_ID, TG_IND, TG_KIND, TG_BASE_YEAR, TG_TARGET_YEAR, TG_VALUE, TG_BASE, TG_LEVEL, TG_EVAL, TG_LATEST,
    TG_REF, TG_MARGIN, TG_STATUS, TG_NCOLS
};

/* The indicator `ind` of scenario s in `year`: a formula reference to
 * Trajectories for a projected year, or the history value; *v gets the
 * value. Writes "" and returns false when the year is neither. */
static bool tg_ind(const pw *w, size_t s, ser_indicator ind, long year, char *ref, size_t len, double *v)
{
    const prj_scen_result *sr = &w->r->scen[s];
    ser_method meth = w->m->in.series->method;
    long i = ser_year_index(&sr->syn, year);
    ref[0] = '\0';
    if (i < 0)
        return false;
    *v = int_indicator(&sr->ind->years[i], ind, meth);
    if (year >= w->m->base_year && w->sc[s].ind[ind])
        rpt_fmt(ref, len, "%s", pw_traj_ref(w, w->sc[s].ind[ind], (size_t)(year - w->m->base_year), true).s);
    else
        rpt_num_text(*v, ref, len);
    return true;
}

/* The formula of a target's path in `year`, as int_path: geometric for a
 * reduction, linear and never stricter than the level for a share. */
static void tg_path(pw_fb *fb, const ser_target *t, const char *base, const char *level, long year)
{
    if (t->kind == SER_REDUCTION)
        pw_fb_add(fb, "IF(%s>0,%s*(%s/%s)^((%ld-%ld)/(%ld-%ld)),%s)", base, base, level, base, year, t->base_year,
                  t->target_year, t->base_year, level);
    else
        pw_fb_add(fb, "%s(%s,%s+(%s-%s)*(%ld-%ld)/(%ld-%ld))", t->kind == SER_CEILING ? "MAX" : "MIN", level, base,
                  level, base, year, t->base_year, t->target_year, t->base_year);
}

/* The status formula: met/missed in the target year, on/off track before. */
static void tg_status(pw_fb *fb, const pw *w, const ser_target *t, bool final, const char *v, const char *ref)
{
    bool floor_ = t->kind == SER_FLOOR;
    pw_fb_add(fb, "IF(%s%s%s*(1%s1E-09),\"%s\",\"%s\")", v, floor_ ? ">=" : "<=", ref, floor_ ? "-" : "+",
              pw_label(w, PWL_ST0 + (final ? INT_MET : INT_ON_TRACK)),
              pw_label(w, PWL_ST0 + (final ? INT_MISSED : INT_OFF_TRACK)));
}

/* One row of the statuses table: scenario s, target k. */
static void tg_row(pw *w, lxw_worksheet *ws, lxw_row_t row, size_t s, size_t k)
{
    const int_target *tr = &w->r->scen[s].ind->targets[k];
    const ser_target *t = tr->t;
    char base[80], latest[80];
    double bv, lv;
    pw_fb fb;
    rpt_xl_str(&w->xl, ws, row, TG_SCEN, w->f->scen[s].id, RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, TG_ID, t->id, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_IND, ser_indicator_name(t->indicator), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_KIND, ser_target_kind_name(t->kind), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, TG_BASE_YEAR, (double)t->base_year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, TG_TARGET_YEAR, (double)t->target_year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, TG_VALUE, t->value_pct, RPT_F_HILITE);
    rpt_xl_num(&w->xl, ws, row, TG_EVAL, (double)tr->eval_year, RPT_F_INT);
    rpt_fmt_id f = ser_indicator_is_share(t->indicator) ? RPT_F_PCT2 : RPT_F_DEC4;
    tg_ind(w, s, t->indicator, t->base_year, base, sizeof base, &bv);
    tg_ind(w, s, t->indicator, tr->eval_year, latest, sizeof latest, &lv);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "%s", base);
    pw_fb_write(w, ws, row, TG_BASE, &fb, tr->base_value, f);
    rpt_ref vcell = rpt_xl_cell(row, TG_VALUE), bcell = rpt_xl_cell(row, TG_BASE), lcell = rpt_xl_cell(row, TG_LEVEL);
    rpt_ref latcell = rpt_xl_cell(row, TG_LATEST), refcell = rpt_xl_cell(row, TG_REF);
    pw_fb_start(&fb);
    if (t->kind == SER_REDUCTION)
        pw_fb_add(&fb, "%s*(1-%s/100)", bcell.s, vcell.s);
    else
        pw_fb_add(&fb, "%s/100", vcell.s);
    pw_fb_write(w, ws, row, TG_LEVEL, &fb, tr->level, f);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "%s", latest);
    pw_fb_write(w, ws, row, TG_LATEST, &fb, tr->latest_value, f);
    pw_fb_start(&fb);
    if (tr->final)
        pw_fb_add(&fb, "%s", lcell.s);
    else
        tg_path(&fb, t, bcell.s, lcell.s, tr->eval_year);
    pw_fb_write(w, ws, row, TG_REF, &fb, tr->reference, f);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "%s-%s", t->kind == SER_FLOOR ? latcell.s : refcell.s, t->kind == SER_FLOOR ? refcell.s : latcell.s);
    pw_fb_write(w, ws, row, TG_MARGIN, &fb, tr->margin, f);
    pw_fb_start(&fb);
    tg_status(&fb, w, t, tr->final, latcell.s, refcell.s);
    rpt_xl_formula_str(&w->xl, ws, row, TG_STATUS, fb.s, pw_label(w, PWL_ST0 + tr->status), RPT_F_BOLD);
}

/* Targets by year: per scenario and target, the indicator (formulas over
 * Trajectories), the path, and the status, from the target's base year
 * to its target year; returns the next row. */
static lxw_row_t tg_by_year(pw *w, lxw_worksheet *ws, lxw_row_t row, lxw_row_t stat0)
{
    long y0 = 0, y1 = 0;
    size_t n = 0;
    for (size_t s = 0; s < w->r->nscen; s++)
        for (size_t k = 0; w->r->scen[s].ind && k < w->r->scen[s].ind->ntargets; k++, n++) {
            const ser_target *t = w->r->scen[s].ind->targets[k].t;
            y0 = !n || t->base_year < y0 ? t->base_year : y0;
            y1 = !n || t->target_year > y1 ? t->target_year : y1;
        }
    if (!n)
        return row;
    y1 = y1 > w->f->horizon ? w->f->horizon : y1;
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_BY_YEAR), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, TG_SCEN, pw_label(w, PWL_SCENARIO), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, TG_ID, pw_label(w, PWL_TARGET), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, TG_IND, pw_label(w, PWL_INDICATOR), RPT_F_HEADER);
    pw_years_header(w, ws, row++, TG_KIND, y0, (size_t)(y1 - y0 + 1));
    lxw_row_t first = row;
    size_t i = 0;
    for (size_t s = 0; s < w->r->nscen; s++)
        for (size_t k = 0; w->r->scen[s].ind && k < w->r->scen[s].ind->ntargets; k++, i++) {
            const int_target *tr = &w->r->scen[s].ind->targets[k];
            const ser_target *t = tr->t;
            rpt_fmt_id f = ser_indicator_is_share(t->indicator) ? RPT_F_PCT2 : RPT_F_DEC4;
            lxw_row_t srow = (lxw_row_t)(stat0 + i);
            rpt_ref bcell = rpt_xl_ref(NULL, srow, TG_BASE, true), lcell = rpt_xl_ref(NULL, srow, TG_LEVEL, true);
            for (int r = 0; r < 3; r++) {
                rpt_xl_str(&w->xl, ws, row + (lxw_row_t)r, TG_SCEN, w->f->scen[s].id, RPT_F_NONE);
                rpt_xl_str(&w->xl, ws, row + (lxw_row_t)r, TG_ID, t->id, RPT_F_NONE);
                rpt_xl_str(&w->xl, ws, row + (lxw_row_t)r, TG_IND,
                           pw_label(w, r == 0 ? PWL_VALUE : r == 1 ? PWL_PATH : PWL_STATUS), RPT_F_NONE);
            }
            for (long y = t->base_year; y <= t->target_year && y <= y1; y++) {
                lxw_col_t c = (lxw_col_t)(TG_KIND + (y - y0));
                char ref[80];
                double v = 0;
                pw_fb fb;
                if (!tg_ind(w, s, t->indicator, y, ref, sizeof ref, &v))
                    continue;
                pw_fb_start(&fb);
                pw_fb_add(&fb, "%s", ref);
                pw_fb_write(w, ws, row, c, &fb, v, f);
                double path = y == t->target_year ? tr->level
                                                  : int_path(t->kind, tr->base_value, tr->level, t->base_year,
                                                             t->target_year, y);
                pw_fb_start(&fb);
                if (y == t->target_year)
                    pw_fb_add(&fb, "%s", lcell.s);
                else
                    tg_path(&fb, t, bcell.s, lcell.s, y);
                pw_fb_write(w, ws, row + 1, c, &fb, path, f);
                bool final = y == t->target_year;
                int_status st = int_judge(t->kind, final, v, path);
                pw_fb_start(&fb);
                tg_status(&fb, w, t, final, rpt_xl_cell(row, c).s, rpt_xl_cell(row + 1, c).s);
                rpt_xl_formula_str(&w->xl, ws, row + 2, c, fb.s, pw_label(w, PWL_ST0 + st), RPT_F_BOLD);
            }
            row += 3;
        }
    pw_status_colors(w, ws, first, TG_KIND, row, (lxw_col_t)(TG_KIND + (y1 - y0)));
    return row + 1;
}

void pw_targets(pw *w)
{
    static const rpt_text cols[TG_NCOLS] = {
        [TG_SCEN] = {"Scenario", "情景"},
        [TG_ID] = {"Target", "目标"},
        [TG_IND] = {"Indicator", "指标"},
        [TG_KIND] = {"Kind", "类型"},
        [TG_BASE_YEAR] = {"Base year", "基准年"},
        [TG_TARGET_YEAR] = {"Target year", "目标年"},
        [TG_VALUE] = {"Target value (%, input)", "目标值（%，输入）"},
        [TG_BASE] = {"Base-year value", "基准年值"},
        [TG_LEVEL] = {"Level asked", "目标水平"},
        [TG_EVAL] = {"Judged in", "评估年"},
        [TG_LATEST] = {"Value then", "评估年值"},
        [TG_REF] = {"Reference (level, or path)", "参照值（目标水平或路径）"},
        [TG_MARGIN] = {"Margin (+ good)", "余量（正为有利）"},
        [TG_STATUS] = {"Status", "状态"},
    };
    lxw_worksheet *ws = w->ws_targets;
    lxw_row_t row = 3;
    size_t n = 0;
    if (!ws)
        return;
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 0, 0, 12, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 1, 2, 26, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 3, 40, 12, NULL), "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_TARGETS_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_TARGETS_NOTE), RPT_F_NONE);
    for (size_t s = 0; s < w->r->nscen; s++)
        n += w->r->scen[s].ind ? w->r->scen[s].ind->ntargets : 0;
    if (!n) {
        rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, PWL_NO_TARGETS), RPT_F_NONE);
        return;
    }
    pw_tall(w, ws, row);
    rpt_xl_header_texts(&w->xl, ws, row++, cols, TG_NCOLS);
    lxw_row_t stat0 = row;
    for (size_t s = 0; s < w->r->nscen; s++)
        for (size_t k = 0; w->r->scen[s].ind && k < w->r->scen[s].ind->ntargets; k++)
            tg_row(w, ws, row++, s, k);
    pw_status_colors(w, ws, stat0, TG_STATUS, row - 1, TG_STATUS);
    worksheet_freeze_panes(ws, stat0, 2);
    tg_by_year(w, ws, row + 1, stat0);
}

/* ---------------------------------------------------------------- Monte Carlo */

/* The summary: settings, then per scenario P(peak by) and the percentiles
 * of the peak value and year; returns the next row. */
static lxw_row_t mc_summary(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const prj_mc *mc = w->rep->mc;
    char buf[128];
    rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, PWL_ITERATIONS), RPT_F_BOLD);
    rpt_xl_num(&w->xl, ws, row++, 1, (double)mc->iterations, RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, PWL_SEED), RPT_F_BOLD);
    rpt_fmt(buf, sizeof buf, "%llu", (unsigned long long)mc->seed);
    rpt_xl_str(&w->xl, ws, row++, 1, buf, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, PWL_UNCERTAIN), RPT_F_BOLD);
    rpt_xl_num(&w->xl, ws, row++, 1, (double)mc->nuncertain, RPT_F_INT);
    row++;
    pw_tall(w, ws, row);
    rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, PWL_SCENARIO), RPT_F_HEADER);
    rpt_fmt(buf, sizeof buf, "%s %ld", pw_label(w, PWL_P_PEAK_BY), w->f->peak_by);
    rpt_xl_str(&w->xl, ws, row, 1, buf, RPT_F_HEADER);
    for (int k = 0; k < PRJ_MC_NPCT; k++) {
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(2 + k), pw_label(w, PWL_PEAK_VALUE_PCT0 + (rpt_label_id)k), RPT_F_HEADER);
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(5 + k), pw_label(w, PWL_PEAK_YEAR_PCT0 + (rpt_label_id)k), RPT_F_HEADER);
    }
    row++;
    for (size_t s = 0; s < mc->nscen; s++, row++) {
        rpt_xl_str(&w->xl, ws, row, 0, w->f->scen[s].id, RPT_F_BOLD);
        rpt_xl_num(&w->xl, ws, row, 1, mc->p_peak_by[s], RPT_F_PCT);
        for (int k = 0; k < PRJ_MC_NPCT; k++) {
            rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(2 + k), mc->peak_value_pct[s * PRJ_MC_NPCT + (size_t)k], RPT_F_T);
            rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(5 + k), mc->peak_year_pct[s * PRJ_MC_NPCT + (size_t)k],
                       RPT_F_GENERAL);
        }
    }
    return row + 1;
}

/* The distribution of the peak year: iterations per year and scenario;
 * returns the next row. */
static lxw_row_t mc_years(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const prj_mc *mc = w->rep->mc;
    size_t ny = w->ny;
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_PEAK_YEAR_DIST), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, RPT_L_YEAR), RPT_F_HEADER);
    for (size_t s = 0; s < mc->nscen; s++)
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(1 + s), w->f->scen[s].id, RPT_F_HEADER);
    row++;
    for (size_t t = 0; t <= ny; t++, row++) {
        if (t < ny)
            rpt_xl_num(&w->xl, ws, row, 0, (double)(w->m->base_year + (long)t), RPT_F_INT);
        else
            rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, PWL_NOT_BY_HORIZON), RPT_F_NONE);
        for (size_t s = 0; s < mc->nscen; s++)
            rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(1 + s), (double)mc->peak_year_count[s * (ny + 1) + t], RPT_F_INT);
    }
    return row + 1;
}

/* Fan data columns per scenario: year, as given, 5, 50, 95 %, mean, then
 * the chart's layers (5 %, 50 - 5, 95 - 50). */
enum { FN_YEAR, FN_DET, FN_P0, FN_MEAN = FN_P0 + PRJ_MC_NPCT, FN_L0, FN_NCOLS = FN_L0 + 3 };

/* One scenario's fan table and chart; returns the next row. */
static lxw_row_t mc_fan(pw *w, lxw_worksheet *ws, size_t s, lxw_row_t row)
{
    static const rpt_label_id head[FN_NCOLS] = {RPT_L_YEAR, PWL_DETERMINISTIC, PWL_PATH_PCT0, PWL_PATH_PCT0 + 1,
                                                PWL_PATH_PCT0 + 2, PWL_MEAN, PWL_BAND0, PWL_BAND0 + 1, PWL_BAND0 + 2};
    const prj_mc *mc = w->rep->mc;
    size_t ny = w->ny;
    const double *pct = &mc->path_pct[s * PRJ_MC_NPCT * ny], *det = prj_metric_path(&w->r->scen[s].run, w->f->metric);
    char buf[256];
    rpt_fmt(buf, sizeof buf, "%s: %s", w->f->scen[s].id, pw_label(w, PWL_FAN_DATA));
    rpt_xl_str(&w->xl, ws, row++, 0, buf, RPT_F_BOLD);
    rpt_xl_header(&w->xl, ws, row++, head, FN_NCOLS);
    lxw_row_t r0 = row;
    for (size_t t = 0; t < ny; t++, row++) {
        rpt_xl_num(&w->xl, ws, row, FN_YEAR, (double)(w->m->base_year + (long)t), RPT_F_INT);
        rpt_xl_num(&w->xl, ws, row, FN_DET, det[t], RPT_F_T);
        for (int k = 0; k < PRJ_MC_NPCT; k++)
            rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(FN_P0 + k), pct[(size_t)k * ny + t], RPT_F_T);
        rpt_xl_num(&w->xl, ws, row, FN_MEAN, mc->path_mean[s * ny + t], RPT_F_T);
        for (int k = 0; k < 3; k++) {
            pw_fb fb;
            pw_fb_start(&fb);
            if (k == 0)
                pw_fb_add(&fb, "%s", rpt_xl_cell(row, FN_P0).s);
            else
                pw_fb_add(&fb, "%s-%s", rpt_xl_cell(row, (lxw_col_t)(FN_P0 + k)).s, rpt_xl_cell(row, (lxw_col_t)(FN_P0 + k - 1)).s);
            double v = k ? pct[(size_t)k * ny + t] - pct[(size_t)(k - 1) * ny + t] : pct[t];
            pw_fb_write(w, ws, row, (lxw_col_t)(FN_L0 + k), &fb, v, RPT_F_T);
        }
    }
    rpt_fmt(buf, sizeof buf, "%s: %s", pw_label(w, PWL_CHART_FAN), w->f->scen[s].id);
    lxw_chart *ch = rpt_xl_chart(&w->xl, LXW_CHART_AREA_STACKED, buf);
    static const lxw_color_t shade[3] = {0xFFFFFF, 0x9DC3E6, 0x2E75B6};
    for (int k = 0; ch && k < 3; k++) {
        char name[64]; /* the legend: "5 % - 50 %" */
        rpt_fmt(name, sizeof name, "%s - %s", pw_label(w, PWL_PATH_PCT0 + (rpt_label_id)(k ? k - 1 : 0)),
                pw_label(w, PWL_PATH_PCT0 + (rpt_label_id)k));
        lxw_chart_series *se =
            rpt_xl_series(&w->xl, ch, pw_sheet(w, PWL_SHEET_MC), FN_YEAR, (lxw_col_t)(FN_L0 + k), r0, row - 1, name);
        lxw_chart_fill fill = {.color = shade[k], .none = k == 0, .transparency = k ? 20 : 0};
        if (se)
            chart_series_set_fill(se, &fill);
    }
    if (ch) {
        chart_axis_set_num_format(ch->y_axis, "#,##0,,");
        chart_axis_set_name(ch->y_axis, pw_axis_name(w));
        chart_axis_set_interval_unit(ch->x_axis, 5);
        chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
        chart_legend_delete_series(ch, (int16_t[]){0, -1});
        double lowest = INFINITY;
        for (size_t t = 0; t < ny; t++)
            lowest = pct[t] < lowest ? pct[t] : lowest;
        pw_area_min(ch, lowest);
        lxw_chart_options opt = {.x_scale = 1.5, .y_scale = 1.3};
        if (!w->xl.err)
            rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, r0 - 2, FN_NCOLS + 1, ch, &opt), "inserting a chart");
    }
    return row + 1;
}

void pw_monte_carlo(pw *w)
{
    lxw_worksheet *ws = w->ws_mc;
    if (!ws || !w->rep->mc)
        return;
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 0, 0, 20, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 1, FN_NCOLS, 15, NULL), "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_MC_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_MC_NOTE), RPT_F_NONE);
    lxw_row_t row = mc_summary(w, ws, 3);
    row = mc_years(w, ws, row);
    for (size_t s = 0; s < w->rep->mc->nscen; s++)
        row = mc_fan(w, ws, s, row);
}
