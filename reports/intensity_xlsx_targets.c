/* intensity_xlsx_targets.c - the intensity workbook's Targets: rates, reference, margin, status, paths. */
#include <math.h>
#include <stdio.h>

#include "intensity_xlsx.h"

/* Header of the Targets sheet, by column. */
static const iw_head iw_target_cols[TG_NCOLS] = {
    [TG_ID] = {{"Target", "目标"}, -1},
    [TG_TITLE] = {{"Title", "说明"}, -1},
    [TG_INDICATOR] = {{"Indicator", "指标"}, -1},
    [TG_UNIT] = {{"Unit", "单位"}, -1},
    [TG_KIND] = {{"Kind", "类型"}, -1},
    [TG_BASE_YEAR] = {{"Base year", "基准年"}, -1},
    [TG_TARGET_YEAR] = {{"Target year", "目标年"}, -1},
    [TG_VALUE] = {{"Target value (%)", "目标值 (%)"}, -1},
    [TG_EVAL_YEAR] = {{"Latest year", "最新年份"}, -1},
    [TG_BASE_VALUE] = {{"Base-year value", "基准年值"}, -1},
    [TG_LATEST] = {{"Latest value", "最新值"}, -1},
    [TG_CHANGE] = {{"Change since base year", "较基准年变化"}, -1},
    [TG_AVG_RATE] = {{"Average annual rate", "年均变化率"}, -1},
    [TG_LEVEL] = {{"Target level", "目标水平"}, -1},
    [TG_REFERENCE] = {{"Reference (path or target)", "参照值（路径或目标）"}, -1},
    [TG_REQUIRED] = {{"Annual rate still required", "尚需年均变化率"}, -1},
    [TG_MARGIN] = {{"Margin", "余量"}, -1},
    [TG_MARGIN_REL] = {{"Margin (% of reference)", "余量（占参照值）"}, -1},
    [TG_STATUS] = {{"Status", "状态"}, -1},
    [TG_METHOD] = {{"Electricity method", "电力折算方法"}, -1},
    [TG_ILLUSTRATIVE] = {{"Illustrative", "示意"}, -1},
    [TG_SOURCE] = {{"Source", "来源"}, -1},
    [TG_NOTE] = {{"Note", "备注"}, -1},
};

/* The format of each status: green, light green, amber, red. */
static const rpt_fmt_id iw_status_fmt[INT_NSTATUS] = {RPT_F_GOOD, RPT_F_FAIR, RPT_F_WARN, RPT_F_BAD};

/* The status text of `st`: the engine's (the JSON's) in English, its
 * translation in Chinese; the "expected" form when judged on an estimate. */
static const char *iw_status_text(const iw *w, int_status st, bool estimate)
{
    if (w->zh)
        return iw_label(w, (estimate ? IWL_EXP_MET : IWL_MET) + (rpt_label_id)st);
    return int_status_text(st, estimate);
}

/* The unit an indicator is measured in. */
static const char *iw_ind_unit(const iw *w, ser_indicator ind)
{
    switch (ind) {
    case SER_IND_CO2_PER_GDP:
        return iw_label(w, IWL_UNIT_CO2_GDP);
    case SER_IND_ENERGY_PER_GDP:
        return iw_label(w, IWL_UNIT_ENERGY_GDP);
    case SER_IND_CO2E_PER_GDP:
        return iw_label(w, IWL_UNIT_CO2E_GDP);
    default:
        return iw_label(w, IWL_UNIT_SHARE);
    }
}

/* Writes the identity columns of target row `row`: id, title, indicator,
 * unit, kind, years, value, method, flags, source and note. */
static void iw_target_ident(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr)
{
    const ser_target *t = tr->t;
    char title[512];
    if (t->title)
        rpt_fmt(title, sizeof title, "%s", t->title);
    else
        rpt_fmt(title, sizeof title, "%s %s %g%% %ld-%ld", iw_indicator_text(w, t->indicator),
                iw_tkind_text(w, t->kind), t->value_pct, t->base_year, t->target_year);
    static const lxw_col_t wrapped[] = {TG_TITLE, TG_SOURCE, TG_NOTE};
    const char *texts[] = {title, t->source, t->note};
    rpt_xl_fit_row(&w->xl, ws, row, wrapped, texts, 3, false);
    rpt_xl_str(&w->xl, ws, row, TG_ID, t->id, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_TITLE, title, RPT_F_WRAP);
    rpt_xl_str(&w->xl, ws, row, TG_INDICATOR, iw_indicator_text(w, t->indicator), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_UNIT, iw_ind_unit(w, t->indicator), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_KIND, iw_tkind_text(w, t->kind), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, TG_BASE_YEAR, (double)t->base_year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, TG_TARGET_YEAR, (double)t->target_year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, TG_VALUE, t->value_pct, RPT_F_GENERAL);
    rpt_xl_num(&w->xl, ws, row, TG_EVAL_YEAR, (double)tr->eval_year, RPT_F_INT);
    bool energy = t->indicator != SER_IND_CO2_PER_GDP && t->indicator != SER_IND_CO2E_PER_GDP &&
                  t->indicator != SER_IND_ELECTRICITY_SHARE;
    rpt_xl_str(&w->xl, ws, row, TG_METHOD, energy ? iw_method_text(w, w->r->s->method) : "", RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_ILLUSTRATIVE, t->illustrative ? iw_label(w, IWL_ILLUSTRATIVE) : "", RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, TG_SOURCE, t->source, RPT_F_WRAP);
    rpt_xl_str(&w->xl, ws, row, TG_NOTE, t->note, RPT_F_WRAP);
}

/* The cells of target row `row` by column (absolute when `abs`). */
static void iw_target_refs(lxw_row_t row, bool abs, rpt_ref c[TG_NCOLS])
{
    for (int k = 0; k < TG_NCOLS; k++)
        c[k] = rpt_xl_ref(NULL, row, (lxw_col_t)k, abs);
}

/* Writes base and latest values (from Indicators), change, average rate
 * and the target level of target row `row`. */
static void iw_target_values(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr, rpt_fmt_id vf)
{
    const ser_target *t = tr->t;
    const ser_series *s = w->r->s;
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref c[TG_NCOLS];
    lxw_col_t col = iw_ind_col(t->indicator, s->method);
    lxw_row_t base = (lxw_row_t)ser_year_index(s, t->base_year) + 1; /* the years' rows on Indicators */
    lxw_row_t eval = (lxw_row_t)ser_year_index(s, tr->eval_year) + 1;
    iw_target_refs(row, false, c);
    snprintf(f, sizeof f, "=%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INDICATORS), base, col, false).s);
    rpt_xl_formula(&w->xl, ws, row, TG_BASE_VALUE, f, tr->base_value, vf);
    snprintf(f, sizeof f, "=%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INDICATORS), eval, col, false).s);
    rpt_xl_formula(&w->xl, ws, row, TG_LATEST, f, tr->latest_value, vf);
    if (isfinite(tr->change)) {
        snprintf(f, sizeof f, "=%s/%s-1", c[TG_LATEST].s, c[TG_BASE_VALUE].s);
        rpt_xl_formula(&w->xl, ws, row, TG_CHANGE, f, tr->change, RPT_F_PCT2);
    }
    if (isfinite(tr->avg_rate)) {
        snprintf(f, sizeof f, "=(%s/%s)^(1/(%s-%s))-1", c[TG_LATEST].s, c[TG_BASE_VALUE].s, c[TG_EVAL_YEAR].s,
                 c[TG_BASE_YEAR].s);
        rpt_xl_formula(&w->xl, ws, row, TG_AVG_RATE, f, tr->avg_rate, RPT_F_PCT2);
    }
    if (t->kind == SER_REDUCTION)
        snprintf(f, sizeof f, "=%s*(1-%s/100)", c[TG_BASE_VALUE].s, c[TG_VALUE].s);
    else
        snprintf(f, sizeof f, "=%s/100", c[TG_VALUE].s);
    rpt_xl_formula(&w->xl, ws, row, TG_LEVEL, f, tr->level, vf);
}

/* Writes the reference (target level, or the path at the evaluation
 * year) of target row `row`. */
static void iw_target_reference(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr, rpt_fmt_id vf)
{
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref c[TG_NCOLS];
    iw_target_refs(row, false, c);
    const char *lv = c[TG_LEVEL].s, *bv = c[TG_BASE_VALUE].s, *by = c[TG_BASE_YEAR].s;
    const char *ey = c[TG_EVAL_YEAR].s, *ty = c[TG_TARGET_YEAR].s;
    if (tr->final || (tr->t->kind == SER_REDUCTION && !(tr->base_value > 0)))
        snprintf(f, sizeof f, "=%s", lv);
    else if (tr->t->kind == SER_REDUCTION)
        snprintf(f, sizeof f, "=%s*(%s/%s)^((%s-%s)/(%s-%s))", bv, lv, bv, ey, by, ty, by);
    else
        snprintf(f, sizeof f, "=%s(%s,%s+(%s-%s)*(%s-%s)/(%s-%s))", tr->t->kind == SER_CEILING ? "MAX" : "MIN", lv, bv,
                 lv, bv, ey, by, ty, by);
    rpt_xl_formula(&w->xl, ws, row, TG_REFERENCE, f, tr->reference, vf);
}

/* Writes the required rate, the margin and the status formula (coloured
 * by the computed status) of target row `row`. */
static void iw_target_status(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr, rpt_fmt_id vf)
{
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref c[TG_NCOLS];
    bool floor_kind = tr->t->kind == SER_FLOOR;
    int_status good = tr->final ? INT_MET : INT_ON_TRACK, bad = tr->final ? INT_MISSED : INT_OFF_TRACK;
    iw_target_refs(row, false, c);
    if (isfinite(tr->required_rate)) {
        snprintf(f, sizeof f, "=(%s/%s)^(1/(%s-%s))-1", c[TG_LEVEL].s, c[TG_LATEST].s, c[TG_TARGET_YEAR].s,
                 c[TG_EVAL_YEAR].s);
        rpt_xl_formula(&w->xl, ws, row, TG_REQUIRED, f, tr->required_rate, RPT_F_PCT2);
    }
    snprintf(f, sizeof f, "=%s-%s", floor_kind ? c[TG_LATEST].s : c[TG_REFERENCE].s,
             floor_kind ? c[TG_REFERENCE].s : c[TG_LATEST].s);
    rpt_xl_formula(&w->xl, ws, row, TG_MARGIN, f, tr->margin, vf);
    if (isfinite(tr->margin_rel)) {
        snprintf(f, sizeof f, "=%s/%s", c[TG_MARGIN].s, c[TG_REFERENCE].s);
        rpt_xl_formula(&w->xl, ws, row, TG_MARGIN_REL, f, tr->margin_rel, RPT_F_PCT2);
    }
    snprintf(f, sizeof f, "=IF(%s%s%s*%.17g,\"%s\",\"%s\")", c[TG_LATEST].s, floor_kind ? ">=" : "<=",
             c[TG_REFERENCE].s, floor_kind ? 1 - INT_REL_TOL : 1 + INT_REL_TOL, iw_status_text(w, good, tr->estimate),
             iw_status_text(w, bad, tr->estimate));
    rpt_xl_formula_str(&w->xl, ws, row, TG_STATUS, f, iw_status_text(w, tr->status, tr->estimate),
                       iw_status_fmt[tr->status]);
}

/* ---------------------------------------------------------- the paths */

/* Writes the path of reduction target k (its row k + 1 above) in column
 * `col` of paths row `row` for year y, when y is within the target's
 * years: base x (level / base)^((y - base year) / (target year - base year)). */
static void iw_path_cell(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t k, long y)
{
    const int_target *tr = &w->r->targets[k];
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref c[TG_NCOLS];
    if (y < tr->t->base_year || y > tr->t->target_year || !(tr->base_value > 0))
        return;
    iw_target_refs((lxw_row_t)k + 1, true, c);
    snprintf(f, sizeof f, "=%s*(%s/%s)^((%s-%s)/(%s-%s))", c[TG_BASE_VALUE].s, c[TG_LEVEL].s, c[TG_BASE_VALUE].s,
             rpt_xl_cell(row, PT_YEAR).s, c[TG_BASE_YEAR].s, c[TG_TARGET_YEAR].s, c[TG_BASE_YEAR].s);
    rpt_xl_formula(&w->xl, ws, row, col, f,
                   int_path(SER_REDUCTION, tr->base_value, tr->level, tr->t->base_year, tr->t->target_year, y),
                   RPT_F_DEC4);
}

/* Writes one row of the paths block: year, actual intensities (from
 * Indicators) and the geometric path of every reduction target. */
static void iw_path_row(iw *w, lxw_worksheet *ws, size_t i)
{
    const int_result *r = w->r;
    lxw_row_t row = w->path_row0 + (lxw_row_t)i, irow = (lxw_row_t)i + 1;
    lxw_col_t en = iw_ind_col(SER_IND_ENERGY_PER_GDP, r->s->method);
    char f[RPT_XL_FORMULA_MAX];
    long y = r->years[i].year;
    snprintf(f, sizeof f, "=%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INDICATORS), irow, ID_YEAR, false).s);
    rpt_xl_formula(&w->xl, ws, row, PT_YEAR, f, (double)y, RPT_F_INT);
    snprintf(f, sizeof f, "=%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INDICATORS), irow, ID_CO2_GDP, false).s);
    rpt_xl_formula(&w->xl, ws, row, PT_CO2_GDP, f, r->years[i].co2_per_gdp, RPT_F_DEC4);
    snprintf(f, sizeof f, "=%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INDICATORS), irow, en, false).s);
    rpt_xl_formula(&w->xl, ws, row, PT_ENERGY_GDP, f, r->years[i].energy_per_gdp[r->s->method], RPT_F_DEC4);
    lxw_col_t col = PT_PATH0;
    for (size_t k = 0; k < r->ntargets; k++)
        if (r->targets[k].t->kind == SER_REDUCTION)
            iw_path_cell(w, ws, row, col++, k, y);
}

/* Writes the paths block below the targets (the line chart's data). */
static void iw_paths(iw *w, lxw_worksheet *ws, lxw_row_t heading)
{
    const int_result *r = w->r;
    char buf[256];
    rpt_xl_str(&w->xl, ws, heading, 0, iw_label(w, IWL_PATHS), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, heading + 1, PT_YEAR, iw_label(w, RPT_L_YEAR), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, heading + 1, PT_CO2_GDP, iw_label(w, IWL_CO2_GDP), RPT_F_HEADER);
    rpt_fmt(buf, sizeof buf, "%s (%s)", iw_label(w, IWL_ENERGY_GDP), iw_method_text(w, r->s->method));
    rpt_xl_str(&w->xl, ws, heading + 1, PT_ENERGY_GDP, buf, RPT_F_HEADER);
    lxw_col_t col = PT_PATH0;
    for (size_t k = 0; k < r->ntargets; k++)
        if (r->targets[k].t->kind == SER_REDUCTION) {
            rpt_fmt(buf, sizeof buf, "%s: %s", iw_label(w, IWL_PATH), r->targets[k].t->id);
            rpt_xl_str(&w->xl, ws, heading + 1, col++, buf, RPT_F_HEADER);
        }
    w->path_row0 = heading + 2;
    for (size_t i = 0; i < r->nyears; i++)
        iw_path_row(w, ws, i);
}

/* Writes the Targets sheet: one row per target with its rates, reference,
 * margin and status, then the paths block. */
void iw_targets(iw *w)
{
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, iw_sheet(w, IWL_SHEET_TARGETS));
    if (!ws)
        return;
    iw_widths(w, ws, TG_NCOLS, 24, 14);
    rpt_xl_width(&w->xl, ws, TG_TITLE, TG_TITLE, 36);
    rpt_xl_width(&w->xl, ws, TG_SOURCE, TG_NOTE, 60);
    iw_header(w, ws, 0, iw_target_cols, TG_NCOLS);
    rpt_xl_freeze(&w->xl, ws, 1, 1);
    for (size_t k = 0; k < w->r->ntargets; k++) {
        const int_target *tr = &w->r->targets[k];
        rpt_fmt_id vf = ser_indicator_is_share(tr->t->indicator) ? RPT_F_PCT : RPT_F_DEC4;
        lxw_row_t row = (lxw_row_t)k + 1;
        iw_target_ident(w, ws, row, tr);
        iw_target_values(w, ws, row, tr, vf);
        iw_target_reference(w, ws, row, tr, vf);
        iw_target_status(w, ws, row, tr, vf);
    }
    iw_paths(w, ws, (lxw_row_t)w->r->ntargets + 2);
    rpt_xl_print_area(&w->xl, ws, w->path_row0 + (lxw_row_t)w->r->nyears, TG_NCOLS - 1);
}
