/* inventory_xlsx_mc.c - the Monte Carlo sheet: statistics per row, per category and in total, contributions to variance, histogram. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_xlsx.h"

#define XM_MAX_CONTRIB 40 /* inputs listed by their share of the variance; the rest summed in one line */

/* Columns of the statistics blocks. */
enum { S_WHAT, S_GAS, S_POINT, S_MEAN, S_SD, S_MEDIAN, S_P025, S_P975, S_BELOW, S_ABOVE, S_A1, S_COUNT };

static const rpt_text xm_cols[S_COUNT] = {
    [S_WHAT] = {"", ""},
    [S_GAS] = {"Gas", "气体"},
    [S_POINT] = {"Inventory estimate (t CO2e)", "清单估计值（t CO2e）"},
    [S_MEAN] = {"Mean", "均值"},
    [S_SD] = {"Standard deviation", "标准差"},
    [S_MEDIAN] = {"Median", "中位数"},
    [S_P025] = {"2.5 percentile", "2.5百分位"},
    [S_P975] = {"97.5 percentile", "97.5百分位"},
    [S_BELOW] = {"Below the mean (%)", "低于均值（%）"},
    [S_ABOVE] = {"Above the mean (%)", "高于均值（%）"},
    [S_A1] = {"Approach 1 (+/- %)", "方法1（±%）"},
};

/* The statistics blocks' columns with --unit 10kt: the estimate, mean, SD, median and percentiles in 10^4 t
 * (the trend's line, in %, says so in its label). */
static const rpt_text xm_cols_10kt[S_COUNT] = {
    [S_POINT] = {"Inventory estimate (10^4 t CO2e)", "清单估计值（万吨CO2当量）"},
    [S_MEAN] = {"Mean (10^4 t CO2e)", "均值（万吨CO2当量）"},
    [S_SD] = {"Standard deviation (10^4 t CO2e)", "标准差（万吨CO2当量）"},
    [S_MEDIAN] = {"Median (10^4 t CO2e)", "中位数（万吨CO2当量）"},
    [S_P025] = {"2.5 percentile (10^4 t CO2e)", "2.5百分位（万吨CO2当量）"},
    [S_P975] = {"97.5 percentile (10^4 t CO2e)", "97.5百分位（万吨CO2当量）"},
};

static const double xm_widths[S_COUNT] = {50, 8, 18, 16, 14, 16, 16, 16, 12, 12, 12};

static const rpt_text xm_title = {"Monte Carlo: IPCC Approach 2 (2006 IPCC Guidelines Vol.1 Ch.3 3.2.3)",
                                  "蒙特卡洛模拟：IPCC方法2（《2006年IPCC指南》第1卷第3章3.2.3）"};
static const rpt_text xm_what = {
    "Every uncertain input of the Uncertainty sheet's Inputs block is drawn once per iteration from its distribution "
    "(a factor shared by many records and by both years is one draw; inputs of one correlation group share their "
    "random numbers); every emission is recomputed and summed. Random numbers: Philox4x32-10, counter-based, so the "
    "same seed and iteration count give the same figures on any number of threads.",
    "每次迭代从各不确定输入的分布中抽样一次（多条记录及两个年份共用的因子只抽一次；同一相关组的输入共用随机数），"
    "重新计算并汇总各项排放。随机数为基于计数器的Philox4x32-10：相同的种子和迭代次数在任意线程数下结果相同。"};
static const rpt_text xm_seed = {"Seed", "随机种子"};
static const rpt_text xm_iter = {"Iterations", "迭代次数"};
static const rpt_text xm_stop = {"Stop rule", "停止规则"};
static const rpt_text xm_stop_none = {"none: the iterations given were run", "无：运行全部给定迭代次数"};
static const rpt_text xm_totals = {"Totals", "总量"};
static const rpt_text xm_total_t = {"Total, year t", "第t年总排放"};
static const rpt_text xm_total_0 = {"Total, base year", "基准年总排放"};
static const rpt_text xm_trend = {"Trend, year t against the base year (%)", "趋势（第t年相对基准年，%）"};
static const rpt_text xm_rows = {"By category and gas (the Uncertainty sheet's rows)", "按类别和气体（不确定性表各行）"};
static const rpt_text xm_cats = {"By category, all gases", "按类别（全部气体）"};
static const rpt_text xm_contrib = {"Contribution of each input to the variance of the year-t total (squared "
                                    "correlation with the total, normalised)",
                                    "各输入对第t年总排放方差的贡献（与总量相关系数的平方，归一化）"};
static const rpt_text xm_rank = {"Rank", "排序"};
static const rpt_text xm_input = {"Input", "输入"};
static const rpt_text xm_role = {"Role", "类型"};
static const rpt_text xm_corr = {"Correlation with the total", "与总量的相关系数"};
static const rpt_text xm_share = {"Share of the variance", "方差贡献"};
static const rpt_text xm_others = {"all other inputs", "其余输入"};
static const rpt_text xm_hist = {"Histogram of the year-t total", "第t年总排放直方图"};
static const rpt_text xm_bin_lo = {"From (t CO2e)", "下界（t CO2e）"};
static const rpt_text xm_bin_hi = {"To (t CO2e)", "上界（t CO2e）"};
static const rpt_text xm_bin_mid = {"Middle (kt CO2e)", "中值（kt CO2e）"};
static const rpt_text xm_bin_lo_10kt = {"From (10^4 t CO2e)", "下界（万吨CO2当量）"};
static const rpt_text xm_bin_hi_10kt = {"To (10^4 t CO2e)", "上界（万吨CO2当量）"};
static const rpt_text xm_bin_mid_10kt = {"Middle (10^4 t CO2e)", "中值（万吨CO2当量）"};
static const rpt_text xm_count = {"Iterations", "迭代次数"};

/* The header of a statistics block. */
static void xm_header(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    xw_header_texts(w, ws, row, xm_cols, xm_cols_10kt, S_COUNT);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, XW_STATS_HEAD_PT(w), NULL), "setting a row height");
}

/* Statistics of tonnes `t` in the shown unit: / 10^4 with --unit 10kt. */
static umc_stats xm_shown(const xw *w, const umc_stats *t)
{
    umc_stats s = *t;
    if (w->mass_10kt) {
        s.mean /= XW_T_PER_10KT, s.sd /= XW_T_PER_10KT, s.median /= XW_T_PER_10KT;
        s.p025 /= XW_T_PER_10KT, s.p975 /= XW_T_PER_10KT;
    }
    return s;
}

/* Writes one statistics line: label, gas, the inventory's estimate, the
 * statistics, the interval relative to the mean as formulas, and the
 * Approach 1 figure (NAN: none) for comparison. A line of masses (format
 * tf not RPT_F_DEC4: every line but the trend's) is shown in t or 10^4 t. */
static void xm_stats_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const char *label, const char *gas, double point,
                         const umc_stats *st, double a1, rpt_fmt_id tf)
{
    rpt_xl *x = &w->xl;
    char f[RPT_XL_FORMULA_MAX];
    bool mass = tf != RPT_F_DEC4;
    umc_stats shown = mass ? xm_shown(w, st) : *st;
    const umc_stats *s = &shown;
    point = mass ? xw_mass_shown(w, point) : point;
    rpt_xl_str(x, ws, row, S_WHAT, label, RPT_F_NONE);
    rpt_xl_str(x, ws, row, S_GAS, gas, RPT_F_NONE);
    rpt_xl_num(x, ws, row, S_POINT, point, tf);
    rpt_xl_num(x, ws, row, S_MEAN, s->mean, tf);
    rpt_xl_num(x, ws, row, S_SD, s->sd, tf);
    rpt_xl_num(x, ws, row, S_MEDIAN, s->median, tf);
    rpt_xl_num(x, ws, row, S_P025, s->p025, tf);
    rpt_xl_num(x, ws, row, S_P975, s->p975, tf);
    rpt_ref m = rpt_xl_cell(row, S_MEAN), lo = rpt_xl_cell(row, S_P025), hi = rpt_xl_cell(row, S_P975);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s-%s)/ABS(%s)*100)", m.s, m.s, lo.s, m.s);
    rpt_xl_formula(x, ws, row, S_BELOW, f, s->mean == 0 ? 0 : (s->mean - s->p025) / fabs(s->mean) * 100, RPT_F_T);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s-%s)/ABS(%s)*100)", m.s, hi.s, m.s, m.s);
    rpt_xl_formula(x, ws, row, S_ABOVE, f, s->mean == 0 ? 0 : (s->p975 - s->mean) / fabs(s->mean) * 100, RPT_F_T);
    rpt_xl_num(x, ws, row, S_A1, a1, RPT_F_T);
}

/* The run's settings; returns the next row. */
static lxw_row_t xm_settings(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const umc_result *m = &w->u->mc;
    char buf[300];
    rpt_xl_num(&w->xl, ws, row, 1, (double)m->seed, RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_seed, w->zh), RPT_F_BOLD);
    rpt_xl_num(&w->xl, ws, row, 1, (double)m->iterations, RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_iter, w->zh), RPT_F_BOLD);
    if (m->stop_pct > 0)
        rpt_fmt(buf, sizeof buf,
                w->zh ? "每%u次迭代检查：95%%区间上下界变化小于%g%%时停止；%s（%u轮）"
                      : "checked every %u iterations: stop when both bounds of the 95 %% interval move by less than "
                        "%g %%; %s (%u rounds)",
                UMC_DEFAULT_ROUND, m->stop_pct,
                m->converged ? (w->zh ? "已收敛" : "met") : (w->zh ? "未收敛，运行至最大迭代次数" : "not met: ran the most iterations given"),
                m->rounds);
    else
        rpt_fmt(buf, sizeof buf, "%s", rpt_tr(&xm_stop_none, w->zh));
    rpt_xl_str(&w->xl, ws, row, 1, buf, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_stop, w->zh), RPT_F_BOLD);
    return row + 1;
}

/* The totals: year t, the base year and the trend; returns the next row. */
static lxw_row_t xm_totals_block(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const umc_result *m = &w->u->mc;
    const unc_total *t = &w->u->a1.total;
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_totals, w->zh), RPT_F_BOLD);
    xm_header(w, ws, row++);
    xm_stats_row(w, ws, row++, rpt_tr(&xm_total_t, w->zh), "CO2e", t->t_co2e, &m->total, t->total_pct, RPT_F_T_BOLD);
    if (m->has_base) {
        xm_stats_row(w, ws, row++, rpt_tr(&xm_total_0, w->zh), "CO2e", t->base_t_co2e, &m->base_total, NAN, RPT_F_T);
        xm_stats_row(w, ws, row++, rpt_tr(&xm_trend, w->zh), "", t->trend_pct, &m->trend_pct, t->trend_unc_pct,
                     RPT_F_DEC4);
    }
    return row + 1;
}

/* The rows of the Approach 1 table; returns the next row. */
static lxw_row_t xm_rows_block(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const umc_result *m = &w->u->mc;
    const unc_a1 *a = &w->u->a1;
    char buf[300];
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_rows, w->zh), RPT_F_BOLD);
    xm_header(w, ws, row++);
    for (size_t i = 0; i < m->nrows && i < a->nrows; i++) {
        const unc_row_key *k = &a->rows[i].key;
        rpt_fmt(buf, sizeof buf, "%s%s%s  %s", k->category, k->key ? " " : "", k->key ? k->key : "",
                cat_name(k->category, w->zh));
        xm_stats_row(w, ws, row++, buf, gas_name(k->gas), a->rows[i].t_co2e, &m->rows[i], a->rows[i].combined_pct,
                     RPT_F_T);
    }
    return row + 1;
}

/* The categories over their gases (umc_sum_stats); returns the next row. */
static lxw_row_t xm_cats_block(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const unc_a1 *a = &w->u->a1;
    bool *pick = calloc(a->nrows ? a->nrows : 1, sizeof *pick);
    if (!pick) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "summing the Monte Carlo rows");
        return row;
    }
    char buf[300];
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_cats, w->zh), RPT_F_BOLD);
    xm_header(w, ws, row++);
    for (size_t i = 0; i < a->nrows;) { /* rows are sorted by category: one run per category */
        size_t e = i;
        double point = 0;
        memset(pick, 0, a->nrows * sizeof *pick);
        for (; e < a->nrows && strcmp(a->rows[e].key.category, a->rows[i].key.category) == 0; e++) {
            pick[e] = true;
            point += a->rows[e].t_co2e;
        }
        umc_stats s;
        if (!umc_sum_stats(&w->u->mc, pick, &s)) {
            rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "summing the Monte Carlo rows");
            break;
        }
        rpt_fmt(buf, sizeof buf, "%s  %s", a->rows[i].key.category, cat_name(a->rows[i].key.category, w->zh));
        xm_stats_row(w, ws, row++, buf, "CO2e", point, &s, NAN, RPT_F_T);
        i = e;
    }
    free(pick);
    return row + 1;
}

/* The inputs by their share of the variance; returns the next row. */
static lxw_row_t xm_contrib_block(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const umc_result *m = &w->u->mc;
    const unc_input *in;
    unc_model_inputs(w->u->model, &in);
    const rpt_text *hdr[5] = {&xm_input, &xm_rank, &xm_role, &xm_corr, &xm_share};
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_contrib, w->zh), RPT_F_BOLD);
    for (int c = 0; c < 5; c++)
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)c, rpt_tr(hdr[c], w->zh), RPT_F_HEADER);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, 32, NULL), "setting a row height");
    row++;
    double rest = 0;
    char buf[600];
    for (size_t i = 0; i < m->ncontrib; i++) {
        const umc_contrib *c = &m->contrib[i];
        if (i >= XM_MAX_CONTRIB) {
            rest += c->share;
            continue;
        }
        ua_input_text(w->u, &in[c->input], buf, sizeof buf);
        rpt_xl_str(&w->xl, ws, row, 0, buf, RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, 1, (double)(i + 1), RPT_F_INT);
        rpt_xl_str(&w->xl, ws, row, 2, xu_role_text(in[c->input].role, w->zh), RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, 3, c->corr, RPT_F_DEC4);
        rpt_xl_num(&w->xl, ws, row++, 4, c->share, RPT_F_PCT2);
    }
    if (m->ncontrib > XM_MAX_CONTRIB) {
        rpt_xl_str(&w->xl, ws, row, 0, rpt_tr(&xm_others, w->zh), RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row++, 4, rest, RPT_F_PCT2);
    }
    return row + 1;
}

/* Writes bin b's bounds and its middle, =ROUND((lo+hi)/2000,1) in kt CO2e
 * (with --unit 10kt: the bounds in 10^4 t, =ROUND((lo+hi)/2,2) in 10^4 t,
 * the same 100 t steps), cached from the bounds as written. */
static void xm_bin(xw *w, lxw_worksheet *ws, lxw_row_t row, double lo_t, double hi_t)
{
    char f[RPT_XL_FORMULA_MAX];
    double lo = xw_mass_shown(w, lo_t), hi = xw_mass_shown(w, hi_t);
    rpt_xl_num(&w->xl, ws, row, 2, lo, RPT_F_T);
    rpt_xl_num(&w->xl, ws, row, 3, hi, RPT_F_T);
    if (w->mass_10kt)
        snprintf(f, sizeof f, "=ROUND((%s+%s)/2,2)", rpt_xl_cell(row, 2).s, rpt_xl_cell(row, 3).s);
    else
        snprintf(f, sizeof f, "=ROUND((%s+%s)/2000,1)", rpt_xl_cell(row, 2).s, rpt_xl_cell(row, 3).s);
    double mid = w->mass_10kt ? round((lo + hi) / 2 * 100) / 100 : round((lo + hi) / 2000 * 10) / 10;
    rpt_xl_formula(&w->xl, ws, row, 4, f, mid, RPT_F_GENERAL);
}

/* The histogram's bins and its column chart beside them. */
static void xm_histogram(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const umc_result *m = &w->u->mc;
    const rpt_text *hdr[4] = {&xm_bin_lo, &xm_bin_hi, &xm_bin_mid, &xm_count};
    if (w->mass_10kt)
        hdr[0] = &xm_bin_lo_10kt, hdr[1] = &xm_bin_hi_10kt, hdr[2] = &xm_bin_mid_10kt;
    rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xm_hist, w->zh), RPT_F_BOLD);
    for (int c = 0; c < 4; c++)
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(c + 2), rpt_tr(hdr[c], w->zh), RPT_F_HEADER);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, 32, NULL), "setting a row height");
    lxw_row_t first = ++row;
    for (unsigned b = 0; b < m->bins; b++, row++) {
        double lo = m->hist_lo + b * m->hist_width;
        xm_bin(w, ws, row, lo, lo + m->hist_width);
        rpt_xl_num(&w->xl, ws, row, 5, (double)m->hist[b], RPT_F_INT);
    }
    lxw_chart *ch = rpt_xl_chart(&w->xl, LXW_CHART_COLUMN, rpt_tr(&xm_hist, w->zh));
    lxw_chart_series *s = rpt_xl_series(&w->xl, ch, xw_sheet(w, IL_SHEET_MC), 4, 5, first, row - 1, NULL);
    if (!s)
        return;
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    chart_axis_set_name(ch->x_axis, w->mass_10kt ? xw_mass_label(w, IL_U_T_CO2E) : "kt CO2e");
    chart_axis_set_name(ch->y_axis, rpt_tr(&xm_count, w->zh));
    chart_set_series_gap(ch, 0);
    lxw_chart_options opt = {.x_offset = 10, .y_offset = 0, .x_scale = 1.4, .y_scale = 1.3};
    rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, first, 7, ch, &opt), "inserting a chart");
}

void xm_sheet(xw *w)
{
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_MC));
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, xm_widths, S_COUNT);
    rpt_xl_str(&w->xl, ws, 0, 0, rpt_tr(&xm_title, w->zh), RPT_F_TITLE);
    xu_note(w, ws, 1, S_A1, rpt_tr(&xm_what, w->zh), 3);
    lxw_row_t row = xm_settings(w, ws, 3);
    row = xm_totals_block(w, ws, row);
    xm_histogram(w, ws, row);
    row += (lxw_row_t)w->u->mc.bins + 3;
    row = xm_contrib_block(w, ws, row);
    row = xm_rows_block(w, ws, row);
    xm_cats_block(w, ws, row);
}
