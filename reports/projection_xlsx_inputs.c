/* projection_xlsx_inputs.c - the projection workbook's input sheets: Assumptions (the scenario file's numbers) and Base. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "projection_xlsx.h"

/* --------------------------------------------------------- Assumptions */

/* The header of Assumptions. */
static const rpt_text pw_as_cols[AS_NCOLS] = {
    [AS_NO] = {"#", "序号"},
    [AS_SCEN] = {"Scenario", "情景"},
    [AS_WHAT] = {"What", "内容"},
    [AS_VALUE] = {"Value (input)", "取值（输入）"},
    [AS_TEXT] = {"As written", "原文"},
    [AS_DIST] = {"Distribution (Monte Carlo)", "分布（蒙特卡洛）"},
    [AS_LOW] = {"Low (bound, or 2.5 %)", "下限（或2.5%分位）"},
    [AS_HIGH] = {"High (bound, or 97.5 %)", "上限（或97.5%分位）"},
    [AS_SOURCE] = {"Source", "来源"},
    [AS_AT] = {"Where in the file", "文件位置"},
};

/* "normal, sd 0.005" and the like, for distribution `d`. */
static void pw_dist_text(const pw *w, const rng_dist *d, char *buf, size_t len)
{
    char a[40], b[40], c[40];
    rpt_num_text(d->a, a, sizeof a);
    rpt_num_text(d->b, b, sizeof b);
    rpt_num_text(d->c, c, sizeof c);
    switch (d->kind) {
    case RNG_NORMAL:
        rpt_fmt(buf, len, "normal: mean %s, sd %s", a, b);
        break;
    case RNG_LOGNORMAL:
        rpt_fmt(buf, len, "lognormal: ln mean %s, ln sd %s", a, b);
        break;
    case RNG_TRIANGULAR:
        rpt_fmt(buf, len, "triangular: %s, mode %s, %s", a, b, c);
        break;
    case RNG_UNIFORM:
        rpt_fmt(buf, len, "uniform: %s to %s", a, b);
        break;
    default:
        rpt_fmt(buf, len, "%s", pw_label(w, PWL_CERTAIN));
    }
}

/* One parameter's row. */
static void pw_param_row(pw *w, lxw_worksheet *ws, size_t i)
{
    const prj_param *p = &w->f->params[i];
    lxw_row_t row = (lxw_row_t)(PW_AS_ROW0 + i);
    char buf[256];
    bool pct = p->text && strchr(p->text, '%');
    rpt_xl_num(&w->xl, ws, row, AS_NO, (double)(i + 1), RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row, AS_SCEN, p->scenario != PRJ_NONE ? w->f->scen[p->scenario].id : "", RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, AS_WHAT, p->label, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, AS_VALUE, p->value, RPT_F_HILITE);
    rpt_xl_str(&w->xl, ws, row, AS_TEXT, p->text, RPT_F_NONE);
    pw_dist_text(w, &p->dist, buf, sizeof buf);
    rpt_xl_str(&w->xl, ws, row, AS_DIST, buf, RPT_F_NONE);
    if (p->dist.kind == RNG_UNIFORM || p->dist.kind == RNG_TRIANGULAR) {
        rpt_xl_num(&w->xl, ws, row, AS_LOW, p->dist.a, pct ? RPT_F_PCT2 : RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, AS_HIGH, p->dist.kind == RNG_UNIFORM ? p->dist.b : p->dist.c,
                   pct ? RPT_F_PCT2 : RPT_F_GENERAL);
    } else if (p->dist.kind != RNG_FIXED) {
        rpt_xl_num(&w->xl, ws, row, AS_LOW, rng_quantile(&p->dist, 0.025), pct ? RPT_F_PCT2 : RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, AS_HIGH, rng_quantile(&p->dist, 0.975), pct ? RPT_F_PCT2 : RPT_F_GENERAL);
    }
    rpt_xl_str(&w->xl, ws, row, AS_SOURCE, p->source, RPT_F_NONE);
    rpt_fmt(buf, sizeof buf, "%s:%u:%u", p->at.file ? p->at.file : "", p->at.line, p->at.col);
    rpt_xl_str(&w->xl, ws, row, AS_AT, buf, RPT_F_NONE);
}

void pw_assumptions(pw *w)
{
    static const double widths[AS_NCOLS] = {5, 11, 46, 12, 12, 30, 12, 12, 60, 34};
    lxw_worksheet *ws = w->ws_as;
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, AS_NCOLS);
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_AS_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_AS_NOTE), RPT_F_NONE);
    rpt_xl_header_texts(&w->xl, ws, PW_AS_ROW0 - 1, pw_as_cols, AS_NCOLS);
    pw_tall(w, ws, PW_AS_ROW0 - 1);
    worksheet_freeze_panes(ws, PW_AS_ROW0, AS_VALUE);
    for (size_t i = 0; i < w->f->nparams; i++)
        pw_param_row(w, ws, i);
}

/* ---------------------------------------------------------------- Base */

/* The base-year drivers (GDP, population, coal rate): the values every
 * scenario starts from when it gives no `base:`. Returns the next row. */
static lxw_row_t pw_base_drivers(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    static const rpt_label_id names[3] = {PWL_GDP, PWL_POPULATION, PWL_COAL_RATE};
    const prj_plan *p = &w->m->plans[0];
    const char *src = w->m->series_base ? w->m->in.series->path : eng_inventory(w->m->in.base)->path;
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_BASE_DRIVERS), RPT_F_BOLD);
    w->base_drv = w->series_row = row;
    for (int k = 0; k < 3; k++, row++) {
        rpt_xl_str(&w->xl, ws, row, 0, pw_label(w, names[k]), RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, 1, w->r->nscen ? p->driver_base[k] : NAN, RPT_F_GENERAL);
        rpt_xl_str(&w->xl, ws, row, 2, src, RPT_F_NONE);
    }
    return row + 1;
}

/* The header of the energy items table. */
static const rpt_text pw_item_cols[BI_NCOLS] = {
    [BI_FUEL] = {"Fuel", "燃料"},
    [BI_KIND] = {"Kind", "类型"},
    [BI_GROUP] = {"Group", "分组"},
    [BI_AMOUNT] = {"Amount", "实物量"},
    [BI_UNIT] = {"Unit", "单位"},
    [BI_SCE] = {"Standard-coal coefficient", "折标准煤系数"},
    [BI_SCE_FACTOR] = {"x factor = tce", "换算系数（得吨标准煤）"},
    [BI_RATE_FACTOR] = {"Coal-rate factor", "发电煤耗换算系数"},
    [BI_BASE_TJ] = {"Energy of the lines burning it (TJ)", "相应排放源能量 (TJ)"},
};

/* The series' base-year energy items, with the base energy of the lines
 * that drive each. Returns the next row. */
static lxw_row_t pw_base_items(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const prj_plan *p = &w->m->plans[0];
    if (!w->m->series_base || !w->r->nscen)
        return row;
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_ENERGY_ITEMS), RPT_F_BOLD);
    pw_tall(w, ws, row);
    rpt_xl_header_texts(&w->xl, ws, row++, pw_item_cols, BI_NCOLS);
    w->base_item0 = row;
    for (size_t k = 0; k < p->nitems; k++, row++) {
        const prj_item *x = &p->items[k];
        const ser_energy *e = x->item;
        rpt_xl_str(&w->xl, ws, row, BI_FUEL, e->fuel, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, BI_KIND, ser_kind_name(e->kind), RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, BI_GROUP, int_mix_name(int_item_mix(e)), RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, BI_AMOUNT, e->amount, RPT_F_GENERAL);
        rpt_xl_str(&w->xl, ws, row, BI_UNIT, e->unit_text, RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, BI_SCE, e->sce ? e->sce->value : NAN, RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, BI_SCE_FACTOR, e->sce_factor, RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, BI_RATE_FACTOR, e->rate_factor, RPT_F_GENERAL);
        if (!x->nlines)
            continue;
        pw_fb fb;
        pw_fb_start(&fb);
        for (size_t i = 0; i < x->nlines; i++)
            pw_fb_add(&fb, "%s%s", i ? "+" : "", rpt_xl_ref(NULL, (lxw_row_t)(w->base_line0 + x->lines[i]), BL_E0, true).s);
        pw_fb_write(w, ws, row, BI_BASE_TJ, &fb, x->base_tj, RPT_F_TJ);
    }
    return row + 1;
}

/* The header of the lines table, with the two columns of each gas used. */
static void pw_base_lines_header(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    static const rpt_text cols[BL_GAS0] = {
        [BL_NO] = {"#", "序号"},           [BL_KIND] = {"Kind", "类型"},
        [BL_CAT] = {"Category", "类别"},   [BL_KEY] = {"Fuel or activity", "燃料或活动"},
        [BL_SECTOR] = {"Sector", "部门"},  [BL_PROJECT] = {"Project", "项目"},
        [BL_AT] = {"Record", "记录位置"},  [BL_UNIT] = {"Unit", "单位"},
        [BL_M0] = {"Amount M0", "活动量M0"}, [BL_E0] = {"Energy E0 (TJ)", "能量E0 (TJ)"},
    };
    char buf[64];
    rpt_xl_header_texts(&w->xl, ws, row, cols, BL_GAS0);
    for (int g = 0; g < GAS_COUNT; g++) {
        if (!w->base_gas[g])
            continue;
        rpt_fmt(buf, sizeof buf, "e0 %s (t)", gas_name((gas_id)g));
        rpt_xl_str(&w->xl, ws, row, w->base_gas[g], buf, RPT_F_HEADER);
        rpt_fmt(buf, sizeof buf, "%s %s", w->zh ? "因子" : "factor", gas_name((gas_id)g));
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)(w->base_gas[g] + 1), buf, RPT_F_HEADER);
    }
}

/* One line's row on Base. */
static void pw_base_line(pw *w, lxw_worksheet *ws, size_t li)
{
    const prj_line *l = &w->m->lines[li];
    lxw_row_t row = (lxw_row_t)(w->base_line0 + li);
    char buf[512];
    rpt_xl_num(&w->xl, ws, row, BL_NO, (double)(li + 1), RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row, BL_KIND, pw_label(w, PWL_KIND0 + l->kind), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, BL_CAT, l->kind == PRJ_L_INDIRECT ? pw_label(w, PWL_PURCHASED) : l->category,
               RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, BL_KEY, l->key, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, BL_SECTOR, l->sector != PRJ_NONE ? w->f->sectors[l->sector].id : "", RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, BL_PROJECT, l->project != PRJ_NONE ? w->f->projects[l->project]->id : "",
               RPT_F_NONE);
    rpt_fmt(buf, sizeof buf, "%s:%u", l->at.file ? l->at.file : "", l->at.line);
    rpt_xl_str(&w->xl, ws, row, BL_AT, buf, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, BL_UNIT, l->unit_text, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, BL_M0, l->amount0, RPT_F_GENERAL);
    rpt_xl_num(&w->xl, ws, row, BL_E0, l->energy0_tj, RPT_F_GENERAL);
    for (unsigned gm = l->gases; gm; gm &= gm - 1) {
        int g = __builtin_ctz(gm);
        rpt_xl_num(&w->xl, ws, row, w->base_gas[g], l->e0[g], RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(w->base_gas[g] + 1), l->ef0[g], RPT_F_GENERAL);
    }
}

/* The columns of the gases that occur. */
static void pw_base_gases(pw *w)
{
    unsigned used = 0;
    lxw_col_t col = BL_GAS0;
    for (size_t li = 0; li < w->m->nlines; li++)
        used |= w->m->lines[li].gases;
    for (int g = 0; g < GAS_COUNT; g++)
        if (used & (1u << g)) {
            w->base_gas[g] = col;
            col += 2;
        }
    w->base_ncols = col;
}

void pw_base(pw *w)
{
    lxw_worksheet *ws = w->ws_base;
    lxw_row_t row = 3;
    pw_base_gases(w);
    if (!ws)
        return;
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 0, 0, 30, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 1, (lxw_col_t)(w->base_ncols - 1), 14, NULL),
                 "setting a column width");
    rpt_xl_str(&w->xl, ws, 0, 0, pw_label(w, PWL_BASE_TITLE), RPT_F_TITLE);
    rpt_xl_str(&w->xl, ws, 1, 0, pw_label(w, PWL_BASE_NOTE), RPT_F_NONE);
    row = pw_base_drivers(w, ws, row);
    /* The lines' rows must be known before the items' energy sums refer to them. */
    lxw_row_t items = row, nitems = w->m->series_base && w->r->nscen ? (lxw_row_t)w->m->plans[0].nitems + 3 : 0;
    row = items + nitems;
    rpt_xl_str(&w->xl, ws, row++, 0, pw_label(w, PWL_LINES), RPT_F_BOLD);
    pw_tall(w, ws, row);
    pw_base_lines_header(w, ws, row++);
    w->base_line0 = row;
    pw_base_items(w, ws, items);
    for (size_t li = 0; li < w->m->nlines; li++)
        pw_base_line(w, ws, li);
}
