/* projection_xlsx_peak.c - the projection workbook's Peak sheet (peak year and value as formulas, the paths chart) and
 * Wedges sheet (what each measure avoids, the stacked wedge chart, each measure left out). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "projection_xlsx.h"

/* Peak: the settings' rows (value in column B). */
enum { PK_ROW_METRIC = 2, PK_ROW_BY, PK_ROW_PLATEAU, PK_ROW_HORIZON, PK_ROW_HEAD = 7 };

/* Peak: the summary table's columns. */
enum { PK_SCEN, PK_TITLE, PK_YEAR, PK_VALUE, PK_BY, PK_FROM, PK_TO, PK_HIGHEST, PK_THRESH, PK_PMC, PK_NCOLS };

/* Peak: the chart data's columns: year, history, then per scenario its
 * metric from CD_SCEN0 and, after all of them, its two plateau run columns. */
enum { CD_YEAR, CD_HIST, CD_SCEN0 };

/* Colours of the scenarios' lines, in file order (then repeated). */
static const lxw_color_t pw_colors[] = {0xC00000, 0x1F4E79, 0x548235, 0x7030A0, 0xBF8F00, 0x2E75B6, 0x808080};
#define PW_NCOLORS (sizeof pw_colors / sizeof *pw_colors)

/* The Peak sheet's layout, worked out once. */
typedef struct {
    lxw_row_t data0, proj0, proj1; /* chart data: first row (history), first and last projected year */
    size_t nh;
} pk_layout;

/* Column of scenario s's metric, and of its plateau runs (down, up). */
static lxw_col_t pk_col(size_t s) { return (lxw_col_t)(CD_SCEN0 + s); }
static lxw_col_t pk_run(const pw *w, size_t s, int up) { return (lxw_col_t)(CD_SCEN0 + w->r->nscen + 2 * s + (size_t)up); }

/* The settings the formulas read: metric, peak by, plateau band, horizon. */
static void pk_settings(pw *w, lxw_worksheet *ws)
{
    const prj_file *f = w->f;
    char buf[256];
    rpt_fmt(buf, sizeof buf, "%s: %s", prj_metric_name(f->metric), pw_label(w, PWL_METRIC0 + f->metric));
    rpt_xl_str(&w->xl, ws, PK_ROW_METRIC, 0, pw_label(w, PWL_METRIC), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, PK_ROW_METRIC, 1, buf, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, PK_ROW_BY, 0, pw_label(w, PWL_PEAK_BY), RPT_F_BOLD);
    rpt_xl_num(&w->xl, ws, PK_ROW_BY, 1, (double)f->peak_by, RPT_F_HILITE_INT);
    rpt_xl_str(&w->xl, ws, PK_ROW_PLATEAU, 0, pw_label(w, PWL_PLATEAU), RPT_F_BOLD);
    rpt_xl_num(&w->xl, ws, PK_ROW_PLATEAU, 1, f->plateau_pct, RPT_F_HILITE);
    rpt_xl_str(&w->xl, ws, PK_ROW_HORIZON, 0, pw_label(w, PWL_HORIZON), RPT_F_BOLD);
    rpt_xl_num(&w->xl, ws, PK_ROW_HORIZON, 1, (double)f->horizon, RPT_F_INT);
}

/* The chart data: history (as computed) then each scenario's projection
 * (formulas over Trajectories), with the plateau runs around the peak. */
static void pk_data(pw *w, lxw_worksheet *ws, const pk_layout *L)
{
    const prj_model *m = w->m;
    size_t ns = w->r->nscen;
    char buf[256];
    rpt_xl_str(&w->xl, ws, L->data0 - 2, 0, pw_label(w, PWL_CHART_DATA), RPT_F_BOLD);
    pw_tall(w, ws, L->data0 - 1);
    rpt_xl_str(&w->xl, ws, L->data0 - 1, CD_YEAR, pw_label(w, RPT_L_YEAR), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, L->data0 - 1, CD_HIST, pw_label(w, PWL_HISTORY), RPT_F_HEADER);
    for (size_t s = 0; s < ns; s++) {
        rpt_xl_str(&w->xl, ws, L->data0 - 1, pk_col(s), w->f->scen[s].id, RPT_F_HEADER);
        rpt_fmt(buf, sizeof buf, "%s: %s", w->f->scen[s].id, pw_label(w, PWL_RUN_DOWN));
        rpt_xl_str(&w->xl, ws, L->data0 - 1, pk_run(w, s, 0), buf, RPT_F_HEADER);
        rpt_fmt(buf, sizeof buf, "%s: %s", w->f->scen[s].id, pw_label(w, PWL_RUN_UP));
        rpt_xl_str(&w->xl, ws, L->data0 - 1, pk_run(w, s, 1), buf, RPT_F_HEADER);
    }
    for (size_t i = 0; i < L->nh; i++) {
        rpt_xl_num(&w->xl, ws, (lxw_row_t)(L->data0 + i), CD_YEAR, (double)m->in.hist[i].year, RPT_F_INT);
        rpt_xl_num(&w->xl, ws, (lxw_row_t)(L->data0 + i), CD_HIST, m->in.hist[i].metric[w->f->metric], RPT_F_T);
    }
    for (size_t t = 0; t < w->ny; t++) {
        lxw_row_t row = (lxw_row_t)(L->proj0 + t);
        rpt_xl_num(&w->xl, ws, row, CD_YEAR, (double)(m->base_year + (long)t), RPT_F_INT);
        for (size_t s = 0; s < ns; s++) {
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s", pw_traj_ref(w, w->sc[s].metric[w->f->metric], t, false).s);
            pw_fb_write(w, ws, row, pk_col(s), &fb, prj_metric_path(&w->r->scen[s].run, w->f->metric)[t], RPT_F_T);
        }
    }
    if (L->nh && ns) { /* history ends in the base year, where the scenarios start */
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "%s", rpt_xl_cell(L->proj0, pk_col(0)).s);
        pw_fb_write(w, ws, L->proj0, CD_HIST, &fb, prj_metric_path(&w->r->scen[0].run, w->f->metric)[0], RPT_F_T);
    }
}

/* Scenario s's plateau runs: years within the band up to each year (down)
 * and from each year (up); the plateau is the run through the peak. */
static void pk_runs(pw *w, lxw_worksheet *ws, const pk_layout *L, size_t s, lxw_row_t srow)
{
    const double *v = prj_metric_path(&w->r->scen[s].run, w->f->metric);
    const peak_info *pk = &w->r->scen[s].peak;
    double floor_ = pk->value - fabs(pk->value) * w->f->plateau_pct / 100;
    size_t ny = w->ny;
    rpt_ref thr = rpt_xl_ref(NULL, srow, PK_THRESH, true);
    double *down = calloc(ny, sizeof *down), *up = calloc(ny, sizeof *up);
    if (!down || !up) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "the plateau runs");
        free(down), free(up);
        return;
    }
    for (size_t t = 0; t < ny; t++)
        down[t] = v[t] >= floor_ ? (t ? down[t - 1] : 0) + 1 : 0;
    for (size_t t = ny; t-- > 0;)
        up[t] = v[t] >= floor_ ? (t + 1 < ny ? up[t + 1] : 0) + 1 : 0;
    for (size_t t = 0; t < ny; t++) {
        lxw_row_t row = (lxw_row_t)(L->proj0 + t);
        pw_fb fb;
        pw_fb_start(&fb);
        pw_fb_add(&fb, "IF(%s>=%s,%s+1,0)", rpt_xl_cell(row, pk_col(s)).s, thr.s,
                  t ? rpt_xl_cell(row - 1, pk_run(w, s, 0)).s : "0");
        pw_fb_write(w, ws, row, pk_run(w, s, 0), &fb, down[t], RPT_F_INT);
        pw_fb_start(&fb);
        pw_fb_add(&fb, "IF(%s>=%s,%s+1,0)", rpt_xl_cell(row, pk_col(s)).s, thr.s,
                  t + 1 < ny ? rpt_xl_cell(row + 1, pk_run(w, s, 1)).s : "0");
        pw_fb_write(w, ws, row, pk_run(w, s, 1), &fb, up[t], RPT_F_INT);
    }
    free(down);
    free(up);
}

/* One scenario's summary row: peak value = MAX, peak year = its first
 * year (INDEX/MATCH), by the year, the plateau, the highest with history. */
static void pk_summary_row(pw *w, lxw_worksheet *ws, const pk_layout *L, size_t s)
{
    const prj_scen_result *sr = &w->r->scen[s];
    const peak_info *pk = &sr->peak;
    lxw_row_t row = (lxw_row_t)(PK_ROW_HEAD + 1 + s);
    rpt_ref vals = rpt_xl_range(NULL, L->proj0, pk_col(s), L->proj1, pk_col(s), true);
    rpt_ref years = rpt_xl_range(NULL, L->proj0, CD_YEAR, L->proj1, CD_YEAR, true);
    rpt_ref y = rpt_xl_cell(row, PK_YEAR), v = rpt_xl_cell(row, PK_VALUE);
    rpt_ref by = rpt_xl_ref(NULL, PK_ROW_BY, 1, true), hz = rpt_xl_ref(NULL, PK_ROW_HORIZON, 1, true);
    pw_fb fb;
    long first = sr->years[w->m->in.nhist + pk->plateau_first], last = sr->years[w->m->in.nhist + pk->plateau_last];
    rpt_xl_str(&w->xl, ws, row, PK_SCEN, sr->sc->id, RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, PK_TITLE, sr->sc->title, RPT_F_NONE);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "INDEX(%s,MATCH(%s,%s,0))", years.s, v.s, vals.s);
    pw_fb_write(w, ws, row, PK_YEAR, &fb, (double)pk->year, RPT_F_INT);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "MAX(%s)", vals.s);
    pw_fb_write(w, ws, row, PK_VALUE, &fb, pk->value, RPT_F_T);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "IF(AND(%s<%s,%s<=%s),\"%s\",\"%s\")", y.s, hz.s, y.s, by.s, pw_label(w, PWL_YES), pw_label(w, PWL_NO));
    rpt_xl_formula_str(&w->xl, ws, row, PK_BY, fb.s, pw_label(w, pk->by_ok ? PWL_YES : PWL_NO), RPT_F_BOLD);
    for (int k = 0; k < 2; k++) {
        pw_fb_start(&fb);
        pw_fb_add(&fb, "%s%sINDEX(%s,MATCH(%s,%s,0))%s", y.s, k ? "+" : "-",
                  rpt_xl_range(NULL, L->proj0, pk_run(w, s, k), L->proj1, pk_run(w, s, k), true).s, v.s, vals.s,
                  k ? "-1" : "+1");
        pw_fb_write(w, ws, row, k ? PK_TO : PK_FROM, &fb, (double)(k ? last : first), RPT_F_INT);
    }
    pw_fb_start(&fb);
    if (L->nh)
        pw_fb_add(&fb, "MAX(%s,%s)", rpt_xl_range(NULL, L->data0, CD_HIST, L->proj0, CD_HIST, true).s, vals.s);
    else
        pw_fb_add(&fb, "MAX(%s)", vals.s);
    pw_fb_write(w, ws, row, PK_HIGHEST, &fb, sr->peak_all.value, RPT_F_T);
    pw_fb_start(&fb);
    pw_fb_add(&fb, "%s-ABS(%s)*%s/100", v.s, v.s, rpt_xl_ref(NULL, PK_ROW_PLATEAU, 1, true).s);
    pw_fb_write(w, ws, row, PK_THRESH, &fb, pk->value - fabs(pk->value) * w->f->plateau_pct / 100, RPT_F_T);
    if (w->rep->mc)
        rpt_xl_num(&w->xl, ws, row, PK_PMC, w->rep->mc->p_peak_by[s], RPT_F_PCT);
    pk_runs(w, ws, L, s, row);
}

/* Peak year and value of each sector (formulas over Trajectories' sector
 * rows); returns the next row. */
static lxw_row_t pk_sectors(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    size_t ns = w->f->nsectors;
    rpt_ref years = pw_traj_years(w, PW_TR_HEADER_ROW);
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_SECTOR_PEAKS), RPT_F_BOLD);
    for (size_t i = 0; i < ns; i++) {
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(1 + 2 * i), pw_sector_name(w, i), RPT_F_BOLD);
        rpt_xl_str(&w->xl, ws, row + 1, (lxw_col_t)(1 + 2 * i), pw_label(w, PWL_PEAK_YEAR), RPT_F_HEADER);
        rpt_xl_str(&w->xl, ws, row + 1, (lxw_col_t)(2 + 2 * i), pw_label(w, PWL_PEAK_VALUE), RPT_F_HEADER);
    }
    rpt_xl_str(&w->xl, ws, row + 1, 0, pw_label(w, PWL_SCENARIO), RPT_F_HEADER);
    row += 2;
    for (size_t s = 0; s < w->r->nscen; s++, row++) {
        rpt_xl_str(&w->xl, ws, row, 0, w->f->scen[s].id, RPT_F_BOLD);
        for (size_t i = 0; i < ns; i++) {
            lxw_row_t tr = (lxw_row_t)(w->sc[s].sector0 + i);
            rpt_ref vals = pw_traj_years(w, tr);
            const peak_info *pk = &w->r->scen[s].sector_peak[i];
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "MAX(%s)", vals.s);
            pw_fb_write(w, ws, row, (lxw_col_t)(2 + 2 * i), &fb, pk->value, RPT_F_T);
            pw_fb_start(&fb);
            pw_fb_add(&fb, "INDEX(%s,MATCH(%s,%s,0))", years.s, rpt_xl_cell(row, (lxw_col_t)(2 + 2 * i)).s, vals.s);
            pw_fb_write(w, ws, row, (lxw_col_t)(1 + 2 * i), &fb, (double)pk->year, RPT_F_INT);
        }
    }
    return row + 1;
}

/* C40's has-peaked test on history (values); returns the next row. */
static lxw_row_t pk_history(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const peak_history *h = &w->r->history;
    if (!w->m->in.nhist)
        return row;
    char buf[128];
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_HAS_PEAKED), RPT_F_BOLD);
    for (int k = 0; k < 4; k++, row++) {
        rpt_fmt(buf, sizeof buf, "(%d)", k + 1);
        rpt_xl_str(&w->xl, ws, row, 0, buf, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 1, pw_label(w, PWL_HAS_PEAKED_C0 + (rpt_label_id)k), RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 2, pw_label(w, h->c[k] ? PWL_YES : PWL_NO), RPT_F_NONE);
    }
    rpt_xl_str(&w->xl, ws, row, 1, pw_label(w, PWL_STATUS), RPT_F_BOLD);
    rpt_fmt(buf, sizeof buf, "%s (%ld: %.0f; %ld: %.0f)", pw_label(w, PWL_HIST_ST0 + (rpt_label_id)h->status),
            h->peak_year, h->peak_value, h->latest_year, h->latest_value);
    rpt_xl_str(&w->xl, ws, row++, 2, buf, RPT_F_BOLD);
    return row + 1;
}

/* The paths chart: history, each scenario, and a marker on each peak
 * within the horizon; the years on a numeric axis, values in millions. */
static lxw_chart *pk_chart(pw *w, const pk_layout *L)
{
    char name[256];
    lxw_chart *ch = rpt_xl_chart(&w->xl, LXW_CHART_SCATTER_STRAIGHT, pw_label(w, PWL_CHART_PATHS));
    if (!ch)
        return NULL;
    chart_axis_set_name(ch->x_axis, pw_label(w, RPT_L_YEAR));
    chart_axis_set_name(ch->y_axis, pw_axis_name(w));
    chart_axis_set_num_format(ch->y_axis, "#,##0,,");
    chart_axis_set_min(ch->x_axis, (double)(L->nh ? w->m->in.hist[0].year : w->m->base_year));
    chart_axis_set_max(ch->x_axis, (double)w->f->horizon);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    double lowest = INFINITY;
    for (size_t i = 0; i < L->nh; i++)
        lowest = fmin(lowest, w->m->in.hist[i].metric[w->f->metric]);
    for (size_t s = 0; s < w->r->nscen; s++)
        for (size_t t = 0; t < w->ny; t++)
            lowest = fmin(lowest, prj_metric_path(&w->r->scen[s].run, w->f->metric)[t]);
    chart_axis_set_min(ch->y_axis, pw_axis_floor(lowest));
    const char *sheet = pw_sheet(w, PWL_SHEET_PEAK);
    if (L->nh) {
        lxw_chart_line line = {.color = LXW_COLOR_BLACK, .width = 2.5};
        lxw_chart_series *s = rpt_xl_series(&w->xl, ch, sheet, CD_YEAR, CD_HIST, L->data0, L->proj0,
                                            pw_label(w, PWL_HISTORY));
        if (s)
            chart_series_set_line(s, &line);
    }
    for (size_t s = 0; s < w->r->nscen; s++) {
        lxw_chart_line line = {.color = pw_colors[s % PW_NCOLORS], .width = 2};
        lxw_chart_series *se = rpt_xl_series(&w->xl, ch, sheet, CD_YEAR, pk_col(s), L->proj0, L->proj1,
                                             w->f->scen[s].id);
        if (se)
            chart_series_set_line(se, &line);
    }
    for (size_t s = 0; s < w->r->nscen; s++) {
        if (!w->r->scen[s].peak.in_horizon)
            continue; /* no marker at the end of a path that is still rising */
        lxw_row_t row = (lxw_row_t)(PK_ROW_HEAD + 1 + s);
        rpt_fmt(name, sizeof name, "%s: %s %ld", w->f->scen[s].id, pw_label(w, PWL_PEAK_MARK), w->r->scen[s].peak.year);
        lxw_chart_series *se = rpt_xl_series(&w->xl, ch, sheet, PK_YEAR, PK_VALUE, row, row, name);
        lxw_chart_line none = {.none = LXW_TRUE};
        lxw_chart_fill fill = {.color = pw_colors[s % PW_NCOLORS]};
        if (!se)
            continue;
        chart_series_set_line(se, &none);
        chart_series_set_marker_type(se, LXW_CHART_MARKER_DIAMOND);
        chart_series_set_marker_size(se, 10);
        chart_series_set_marker_fill(se, &fill);
    }
    return ch;
}

void pw_peak(pw *w)
{
    static const rpt_text cols[PK_NCOLS] = {
        [PK_SCEN] = {"Scenario", "情景"},           [PK_TITLE] = {"Title", "名称"},
        [PK_YEAR] = {"Peak year", "峰值年"},        [PK_VALUE] = {"Peak value", "峰值"},
        [PK_BY] = {"Peaks by the year", "按期达峰"}, [PK_FROM] = {"Plateau from", "平台期起"},
        [PK_TO] = {"Plateau to", "平台期止"},       [PK_HIGHEST] = {"Highest, history included", "最高值（含历史）"},
        [PK_THRESH] = {"Plateau threshold", "平台期下限"}, [PK_PMC] = {"Monte Carlo: P(peak by the year)", "蒙特卡洛：按期达峰概率"},
    };
    static const double widths[PK_NCOLS] = {30, 44, 16, 16, 16, 16, 16, 18, 16, 16};
    lxw_worksheet *ws = w->ws_peak;
    size_t ns = w->r->nscen;
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, PK_NCOLS);
    size_t last = 2 + 2 * w->f->nsectors > CD_SCEN0 + 3 * ns ? 2 + 2 * w->f->nsectors : CD_SCEN0 + 3 * ns;
    if (last >= PK_NCOLS)
        rpt_xl_check(&w->xl, worksheet_set_column(ws, PK_NCOLS, (lxw_col_t)last, 16, NULL), "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_PEAK_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_PEAK_NOTE), RPT_F_NONE);
    pk_settings(w, ws);
    rpt_xl_header_texts(&w->xl, ws, PK_ROW_HEAD, cols, w->rep->mc ? PK_NCOLS : PK_PMC);
    pw_tall(w, ws, PK_ROW_HEAD);
    lxw_row_t chart_at = (lxw_row_t)(PK_ROW_HEAD + 1 + ns + 1);
    lxw_row_t row = pk_sectors(w, ws, chart_at + 26);
    row = pk_history(w, ws, row);
    pk_layout L = {.nh = w->m->in.nhist};
    L.data0 = row + 2;
    L.proj0 = (lxw_row_t)(L.data0 + L.nh);
    L.proj1 = (lxw_row_t)(L.proj0 + w->ny - 1);
    w->peak_data0 = L.data0;
    pk_data(w, ws, &L);
    for (size_t s = 0; s < ns; s++)
        pk_summary_row(w, ws, &L, s);
    if (ns)
        pw_status_colors(w, ws, PK_ROW_HEAD + 1, PK_BY, (lxw_row_t)(PK_ROW_HEAD + ns), PK_BY);
    lxw_chart *ch = pk_chart(w, &L);
    lxw_chart_options opt = {.x_scale = 2.4, .y_scale = 1.7};
    if (ch && !w->xl.err)
        rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, chart_at, 0, ch, &opt), "inserting a chart");
}

/* ---------------------------------------------------------------- Wedges */

/* Wedges: one block per scenario with measures; the columns of a block. */
enum { WG_YEAR, WG_WITHOUT, WG_WITH, WG_WEDGE0 };

/* The columns after the wedges: the chart's layers (remaining, then per
 * measure: added by a project or avoided by the others). */
static lxw_col_t wg_layer(size_t k, size_t j) { return (lxw_col_t)(WG_WEDGE0 + k + 1 + j); }

/* One scenario's block of the wedges table; returns its first data row. */
static lxw_row_t wg_table(pw *w, lxw_worksheet *ws, size_t s, lxw_row_t row)
{
    const prj_scen_result *sr = &w->r->scen[s];
    const prj_plan *p = &w->m->plans[s];
    size_t k = p->nmeas, ny = w->ny;
    const double *met = sr->run.metric;
    int mi = (int)w->f->metric;
    char buf[256];
    pw_tall(w, ws, row);
    rpt_xl_str(&w->xl, ws, row, WG_YEAR, pw_label(w, RPT_L_YEAR), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, WG_WITHOUT, pw_label(w, PWL_WITHOUT_MEASURES), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, WG_WITH, pw_label(w, PWL_WITH_MEASURES), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row, wg_layer(k, 0) - 1, pw_label(w, PWL_REMAINING), RPT_F_HEADER);
    for (size_t j = 0; j < k; j++) {
        const prj_measure *me = p->meas[j].m;
        rpt_fmt(buf, sizeof buf, "%s: %s", pw_label(w, PWL_Q_WEDGE), me->id);
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(WG_WEDGE0 + j), buf, RPT_F_HEADER);
        rpt_fmt(buf, sizeof buf, "%s %s", pw_label(w, me->type == PRJ_M_PROJECT ? PWL_ADDED_BY : PWL_AVOIDED_BY), me->id);
        rpt_xl_str(&w->xl, ws, row, wg_layer(k, j), buf, RPT_F_HEADER);
    }
    lxw_row_t r0 = row + 1;
    for (size_t t = 0; t < ny; t++) {
        lxw_row_t r = (lxw_row_t)(r0 + t);
        pw_fb fb;
        rpt_xl_num(&w->xl, ws, r, WG_YEAR, (double)(w->m->base_year + (long)t), RPT_F_INT);
        for (int c = 0; c < 2; c++) {
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s", pw_traj_ref(w, w->sc[s].stage[c ? k : 0], t, false).s);
            pw_fb_write(w, ws, r, c ? WG_WITH : WG_WITHOUT, &fb, met[((c ? k : 0) * PRJ_NMETRICS + (size_t)mi) * ny + t],
                        RPT_F_T);
        }
        double remaining = met[(k * PRJ_NMETRICS + (size_t)mi) * ny + t];
        pw_fb rem;
        pw_fb_start(&rem);
        pw_fb_add(&rem, "%s", rpt_xl_cell(r, WG_WITH).s);
        for (size_t j = 0; j < k; j++) {
            double wj = met[(j * PRJ_NMETRICS + (size_t)mi) * ny + t] - met[((j + 1) * PRJ_NMETRICS + (size_t)mi) * ny + t];
            bool project = p->meas[j].m->type == PRJ_M_PROJECT;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s", pw_traj_ref(w, w->sc[s].wedge[j], t, false).s);
            pw_fb_write(w, ws, r, (lxw_col_t)(WG_WEDGE0 + j), &fb, wj, RPT_F_T);
            pw_fb_start(&fb);
            pw_fb_add(&fb, "%s%s", project ? "-" : "", rpt_xl_cell(r, (lxw_col_t)(WG_WEDGE0 + j)).s);
            pw_fb_write(w, ws, r, wg_layer(k, j), &fb, project ? -wj : wj, RPT_F_T);
            if (project) {
                pw_fb_add(&rem, "+%s", rpt_xl_cell(r, (lxw_col_t)(WG_WEDGE0 + j)).s);
                remaining += wj;
            }
        }
        pw_fb_write(w, ws, r, wg_layer(k, 0) - 1, &rem, remaining, RPT_F_T);
    }
    return r0;
}

/* The stacked wedge chart of a block. */
static void wg_chart(pw *w, lxw_worksheet *ws, size_t s, lxw_row_t r0, lxw_row_t at)
{
    const prj_plan *p = &w->m->plans[s];
    size_t k = p->nmeas;
    char title[256];
    rpt_fmt(title, sizeof title, "%s: %s", pw_label(w, PWL_CHART_WEDGES), w->f->scen[s].id);
    lxw_chart *ch = rpt_xl_chart(&w->xl, LXW_CHART_AREA_STACKED, title);
    if (!ch)
        return;
    lxw_row_t r1 = (lxw_row_t)(r0 + w->ny - 1);
    chart_axis_set_num_format(ch->y_axis, "#,##0,,");
    chart_axis_set_name(ch->y_axis, pw_axis_name(w));
    chart_axis_set_interval_unit(ch->x_axis, 5);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    const double *met = w->r->scen[s].run.metric;
    size_t ny = w->ny, mi = (size_t)w->f->metric;
    double lowest = INFINITY;
    for (size_t t = 0; t < ny; t++) { /* the bottom layer: with every measure, without the projects' additions */
        double v = met[(k * PRJ_NMETRICS + mi) * ny + t];
        for (size_t j = 0; j < k; j++)
            if (p->meas[j].m->type == PRJ_M_PROJECT)
                v += met[(j * PRJ_NMETRICS + mi) * ny + t] - met[((j + 1) * PRJ_NMETRICS + mi) * ny + t];
        lowest = v < lowest ? v : lowest;
    }
    pw_area_min(ch, lowest);
    lxw_chart_fill grey = {.color = 0xBFBFBF};
    const char *sheet = pw_sheet(w, PWL_SHEET_WEDGES);
    lxw_chart_series *se = rpt_xl_series(&w->xl, ch, sheet, WG_YEAR, (lxw_col_t)(wg_layer(k, 0) - 1), r0, r1,
                                         pw_label(w, PWL_REMAINING));
    if (se)
        chart_series_set_fill(se, &grey);
    for (size_t j = 0; j < k; j++) {
        const prj_measure *me = p->meas[j].m;
        char name[256];
        rpt_fmt(name, sizeof name, "%s %s", pw_label(w, me->type == PRJ_M_PROJECT ? PWL_ADDED_BY : PWL_AVOIDED_BY),
                me->id);
        se = rpt_xl_series(&w->xl, ch, sheet, WG_YEAR, wg_layer(k, j), r0, r1, name);
        lxw_chart_fill fill = {.color = me->type == PRJ_M_PROJECT ? 0x7F7F7F : pw_colors[(j + 2) % PW_NCOLORS],
                               .transparency = me->type == PRJ_M_PROJECT ? 0 : 30};
        if (se)
            chart_series_set_fill(se, &fill);
    }
    lxw_chart_options opt = {.x_scale = 1.8, .y_scale = 1.4};
    if (!w->xl.err)
        rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, at, wg_layer(k, k) + 1, ch, &opt), "inserting a chart");
}

/* Each measure left out: peak, cumulative and target statuses of the
 * scenario without it (values); returns the next row. */
static lxw_row_t wg_left_out(pw *w, lxw_worksheet *ws, size_t s, lxw_row_t row, lxw_row_t r0)
{
    const prj_scen_result *sr = &w->r->scen[s];
    const prj_plan *p = &w->m->plans[s];
    static const rpt_label_id hdr[] = {PWL_MEASURE, PWL_TYPE, PWL_PEAK_YEAR, PWL_PEAK_VALUE, PWL_PEAKS_BY,
                                       PWL_CUMULATIVE, PWL_STATUS};
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_LEFT_OUT), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_LEFT_OUT_NOTE), RPT_F_NONE);
    pw_tall(w, ws, row);
    rpt_xl_header(&w->xl, ws, row++, hdr, sizeof hdr / sizeof *hdr);
    for (size_t j = 0; j <= p->nmeas; j++, row++) {
        bool all = j == p->nmeas; /* the last row: the scenario with every measure */
        const peak_info *pk = all ? &sr->peak : &sr->effect[j].peak;
        char st[1024] = "";
        size_t used = 0;
        for (size_t k = 0; sr->ind && k < sr->ind->ntargets && used < sizeof st; k++) {
            int_status x = all ? sr->ind->targets[k].status : sr->effect[j].status[k];
            used += (size_t)snprintf(st + used, sizeof st - used, "%s%s: %s", k ? "; " : "", sr->ind->targets[k].t->id,
                                     pw_label(w, PWL_ST0 + x));
        }
        rpt_xl_str(&w->xl, ws, row, 0, all ? pw_label(w, PWL_WITH_MEASURES) : p->meas[j].m->id, RPT_F_BOLD);
        rpt_xl_str(&w->xl, ws, row, 1, all ? "" : prj_mtype_name(p->meas[j].m->type), RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, 2, (double)pk->year, RPT_F_INT);
        rpt_xl_num(&w->xl, ws, row, 3, pk->value, RPT_F_T);
        rpt_xl_str(&w->xl, ws, row, 4, pw_label(w, pk->by_ok ? PWL_YES : PWL_NO), RPT_F_NONE);
        if (all) {
            double cum = 0;
            for (size_t t = 1; t < w->ny; t++)
                cum += prj_metric_path(&sr->run, w->f->metric)[t];
            pw_fb fb;
            pw_fb_start(&fb);
            pw_fb_add(&fb, "SUM(%s)", rpt_xl_range(NULL, r0 + 1, WG_WITH, (lxw_row_t)(r0 + w->ny - 1), WG_WITH, false).s);
            pw_fb_write(w, ws, row, 5, &fb, cum, RPT_F_T);
        } else
            rpt_xl_num(&w->xl, ws, row, 5, sr->effect[j].cumulative, RPT_F_T);
        rpt_xl_str(&w->xl, ws, row, 6, st, RPT_F_NONE);
    }
    return row + 1;
}

void pw_wedges(pw *w)
{
    lxw_worksheet *ws = w->ws_wedges;
    lxw_row_t row = 3;
    if (!ws)
        return;
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 0, 0, 16, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 1, 20, 15, NULL), "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_WEDGES_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_WEDGES_NOTE), RPT_F_NONE);
    for (size_t s = 0; s < w->r->nscen; s++) {
        char buf[512];
        rpt_fmt(buf, sizeof buf, "%s: %s", w->f->scen[s].id, w->f->scen[s].title ? w->f->scen[s].title : "");
        rpt_xl_str(&w->xl, ws, row++, 0, buf, RPT_F_BOLD);
        if (!w->m->plans[s].nmeas) {
            rpt_xl_str(&w->xl, ws, row, 0, w->zh ? "无措施" : "no measures", RPT_F_NONE);
            row += 2;
            continue;
        }
        lxw_row_t head = row, r0 = wg_table(w, ws, s, row);
        wg_chart(w, ws, s, r0, head);
        row = wg_left_out(w, ws, s, (lxw_row_t)(r0 + w->ny + 1), r0);
        row++;
    }
}
