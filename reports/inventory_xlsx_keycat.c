/* inventory_xlsx_keycat.c - the Key categories sheet (2006 IPCC Vol.1 Ch.4 Tables 4.2 and 4.3) and the Sectoral table's key column. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/nsum.h"
#include "inventory_xlsx.h"

/* Columns of an assessment block. A trend block has E0 before Et; an
 * Approach 2 block has U and the weighted value after X. Built per block
 * (xk_cols), so that formulas follow whichever columns the block has. */
typedef struct {
    int e0, et, x, u, wv, share, cum, key, n; /* -1: the block has no such column */
} xk_cols;

static xk_cols xk_cols_of(kc_kind k)
{
    bool trend = k == KC_TREND || k == KC_TREND2, a2 = k == KC_LEVEL2 || k == KC_TREND2;
    xk_cols c = {-1, -1, -1, -1, -1, -1, -1, -1, 2};
    if (trend)
        c.e0 = c.n++;
    c.et = c.n++;
    c.x = c.n++;
    if (a2) {
        c.u = c.n++;
        c.wv = c.n++;
    }
    c.share = c.n++;
    c.cum = c.n++;
    c.key = c.n++;
    return c;
}

static const rpt_text xk_title = {"Key categories (2006 IPCC Guidelines Vol.1 Ch.4)", "关键类别（《2006年IPCC指南》第1卷第4章）"};
static const rpt_text xk_note = {
    "Approach 1: level (Eq. 4.1, Table 4.2) and trend (Eq. 4.2, Table 4.3); a category is key while the categories "
    "ranked above it add up to less than 95 %. Approach 2 (Eq. 4.3, 4.4) weighs each category by its uncertainty "
    "(the Uncertainty sheet's column G, live) with a 90 % cut. LULUCF = 3.B, entered with absolute values. Rows are "
    "ranked by ghgcalc: after editing an uncertainty, the shares follow but the order does not.",
    "方法1：水平评估（式4.1，表4.2）与趋势评估（式4.2，表4.3）；按贡献排序，累计贡献达到95%之前（含跨越95%的一项）"
    "的类别为关键类别。方法2（式4.3、4.4）以不确定性（不确定性表G列，联动）加权，阈值90%。LULUCF = 3.B，取绝对值。"
    "排序由ghgcalc给出：修改不确定性后份额随之更新，排序不变。"};
static const rpt_text xk_summary = {"Summary (Table 4.4): the key categories and the assessments that identify them",
                                    "汇总（表4.4）：关键类别及识别依据"};
static const rpt_text xk_legend = {"L1, T1: Approach 1 level, trend; L2, T2: Approach 2 level, trend",
                                   "L1、T1：方法1水平、趋势评估；L2、T2：方法2水平、趋势评估"};
static const rpt_text xk_none = {"(no key category)", "（无关键类别）"};
static const rpt_text xk_criteria = {"Identified by", "识别依据"};
static const rpt_text xk_t_total = {"Total", "合计"};
static const rpt_text xk_trend_total = {"Trend of the total", "总排放趋势"};
static const rpt_text xk_key_word = {"key", "关键"};
static const rpt_text xk_head_cat = {"IPCC category", "IPCC类别"};
static const rpt_text xk_head_gas = {"Gas", "气体"};
static const rpt_text xk_head_e0 = {"Base year estimate E0 (t CO2e)", "基准年排放 E0（t CO2e）"};
static const rpt_text xk_head_et = {"Latest year estimate Et (t CO2e)", "最新年排放 Et（t CO2e）"};
static const rpt_text xk_head_e0_10kt = {"Base year estimate E0 (10^4 t CO2e)", "基准年排放 E0（万吨CO2当量）"};
static const rpt_text xk_head_et_10kt = {"Latest year estimate Et (10^4 t CO2e)", "最新年排放 Et（万吨CO2当量）"};
static const rpt_text xk_head_abs = {"|Et|", "|Et|"};
static const rpt_text xk_head_abs_10kt = {"|Et| (10^4 t CO2e)", "|Et|（万吨CO2当量）"};
static const rpt_text xk_head_t = {"Trend assessment Tx", "趋势评估 Tx"};
static const rpt_text xk_head_u = {"Uncertainty U (%)", "不确定性 U（%）"};
static const rpt_text xk_head_lu = {"Lx x U", "Lx × U"};
static const rpt_text xk_head_tu = {"Tx x U", "Tx × U"};
static const rpt_text xk_head_level = {"Level assessment Lx", "水平评估 Lx"};
static const rpt_text xk_head_share = {"Contribution to trend", "对趋势的贡献"};
static const rpt_text xk_head_cum = {"Cumulative total", "累计"};
static const rpt_text xk_head_key = {"Key", "关键"};
static const rpt_text xk_head_key_sectoral = {"Key category (L1 T1 L2 T2)", "关键类别（L1 T1 L2 T2）"};

/* The heading of assessment (kind, with). */
static void xk_heading(kc_kind k, bool with, bool zh, char *buf, size_t len)
{
    static const rpt_text names[KC_KINDS] = {
        {"Table 4.2: Approach 1 level assessment", "表4.2：方法1水平评估"},
        {"Table 4.3: Approach 1 trend assessment", "表4.3：方法1趋势评估"},
        {"Approach 2 level assessment (Eq. 4.3)", "方法2水平评估（式4.3）"},
        {"Approach 2 trend assessment (Eq. 4.4)", "方法2趋势评估（式4.4）"}};
    static const rpt_text lulucf[2] = {{"without LULUCF", "不含LULUCF"}, {"with LULUCF", "含LULUCF"}};
    rpt_fmt(buf, len, "%s, %s (%s %.0f %%)", rpt_tr(&names[k], zh), rpt_tr(&lulucf[with], zh), zh ? "阈值" : "cut",
            k == KC_LEVEL || k == KC_TREND ? 95.0 : 90.0);
}

/* Column A of an item: "1.A.1.a.i  Electricity generation". */
static void xk_label(const kc_item *x, bool zh, char *buf, size_t len)
{
    rpt_fmt(buf, len, "%s%s%s  %s", x->category, x->key ? " " : "", x->key ? x->key : "", cat_name(x->category, zh));
}

/* Writes the header row of a block. */
static void xk_header(xw *w, lxw_worksheet *ws, lxw_row_t row, kc_kind k, const xk_cols *c)
{
    bool trend = k == KC_TREND || k == KC_TREND2, a2 = k == KC_LEVEL2 || k == KC_TREND2;
    const rpt_text *h[12] = {&xk_head_cat, &xk_head_gas};
    if (c->e0 >= 0)
        h[c->e0] = w->mass_10kt ? &xk_head_e0_10kt : &xk_head_e0;
    h[c->et] = w->mass_10kt ? &xk_head_et_10kt : &xk_head_et;
    h[c->x] = trend ? &xk_head_t : w->mass_10kt ? &xk_head_abs_10kt : &xk_head_abs;
    if (a2) {
        h[c->u] = &xk_head_u;
        h[c->wv] = trend ? &xk_head_tu : &xk_head_lu;
    }
    h[c->share] = trend ? &xk_head_share : &xk_head_level;
    h[c->cum] = &xk_head_cum;
    h[c->key] = &xk_head_key;
    for (int i = 0; i < c->n; i++)
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)i, rpt_tr(h[i], w->zh), RPT_F_HEADER);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, XW_STATS_HEAD_PT(w), NULL), "setting a row height");
}

/* The sums a trend block's formulas use: sum E0, sum Et, sum |E0| over the
 * block's lines (in t: the Total rows show them with xw_mass_shown). */
static void xk_trend_sums(const unc_analysis *u, const kc_table *t, double s[3])
{
    nsum a = {0}, b = {0}, c = {0};
    for (size_t i = 0; i < t->n; i++) {
        const kc_item *x = &u->items[t->lines[i].item];
        nsum_add(&a, x->e0);
        nsum_add(&b, x->et);
        nsum_add(&c, fabs(x->e0));
    }
    s[0] = nsum_value(&a), s[1] = nsum_value(&b), s[2] = nsum_value(&c);
}

/* Column X of an item: |Et| (level) or Tx (trend, Eq. 4.2). */
static double xk_xval(const kc_table *t, const kc_item *x, const double s[3])
{
    if (t->kind == KC_TREND || t->kind == KC_TREND2)
        return kc_trend_value(x->e0, x->et, s[2], t->total_trend);
    return fabs(x->et);
}

/* Cell references a block's line formulas share: the Total row's cells. */
typedef struct {
    char trend[sizeof(rpt_ref)], sabs0[sizeof(rpt_ref)], sx[sizeof(rpt_ref)], swv[sizeof(rpt_ref)], sabst[sizeof(rpt_ref)];
} xk_refs;

/* Writes line i of block t at sheet row `row`: E0, Et and a level's |Et|
 * in t, or 10^4 t with --unit 10kt; Tx, the shares and the cumulative
 * total are ratios of them, the same in either unit. */
static void xk_line(xw *w, lxw_worksheet *ws, lxw_row_t row, const kc_table *t, size_t i, const xk_cols *c,
                    const xk_refs *R, const double s[3])
{
    const kc_line *l = &t->lines[i];
    const kc_item *x = &w->u->items[l->item];
    bool trend = t->kind == KC_TREND || t->kind == KC_TREND2, a2 = t->kind == KC_LEVEL2 || t->kind == KC_TREND2;
    rpt_xl *xl = &w->xl;
    char f[RPT_XL_FORMULA_MAX], buf[300];
    xk_label(x, w->zh, buf, sizeof buf);
    rpt_xl_str(xl, ws, row, 0, buf, RPT_F_NONE);
    rpt_xl_str(xl, ws, row, 1, gas_name(x->gas), RPT_F_NONE);
    if (c->e0 >= 0)
        rpt_xl_num(xl, ws, row, (lxw_col_t)c->e0, xw_mass_shown(w, x->e0), RPT_F_T);
    rpt_xl_num(xl, ws, row, (lxw_col_t)c->et, xw_mass_shown(w, x->et), RPT_F_T);
    rpt_ref et = rpt_xl_cell(row, (lxw_col_t)c->et), xc = rpt_xl_cell(row, (lxw_col_t)c->x);
    double xv = trend ? xk_xval(t, x, s) : xw_mass_shown(w, xk_xval(t, x, s));
    if (trend) {
        rpt_ref e0 = rpt_xl_cell(row, (lxw_col_t)c->e0);
        snprintf(f, sizeof f, "=IF(%s=0,0,ABS((%s-%s)-ABS(%s)*%s)/%s)", R->sabs0, et.s, e0.s, e0.s, R->trend, R->sabs0);
    } else
        snprintf(f, sizeof f, "=ABS(%s)", et.s);
    rpt_xl_formula(xl, ws, row, (lxw_col_t)c->x, f, xv, trend ? RPT_F_DEC4 : RPT_F_T);
    int vcol = c->x;
    if (a2) {
        size_t ti = l->item; /* the item's Approach 1 row: G is its combined uncertainty */
        snprintf(f, sizeof f, "=%s", xu_combined_ref(w, ti).s);
        rpt_xl_formula(xl, ws, row, (lxw_col_t)c->u, f, x->unc_pct, RPT_F_T);
        rpt_ref uc = rpt_xl_cell(row, (lxw_col_t)c->u);
        if (trend)
            snprintf(f, sizeof f, "=%s*%s", xc.s, uc.s);
        else
            snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s*%s)", R->sabst, xc.s, R->sabst, uc.s);
        rpt_xl_formula(xl, ws, row, (lxw_col_t)c->wv, f, l->value, RPT_F_DEC4);
        vcol = c->wv;
    }
    rpt_ref v = rpt_xl_cell(row, (lxw_col_t)vcol);
    snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", a2 ? R->swv : R->sx, v.s, a2 ? R->swv : R->sx);
    rpt_xl_formula(xl, ws, row, (lxw_col_t)c->share, f, l->share, RPT_F_PCT2);
    rpt_ref sh = rpt_xl_cell(row, (lxw_col_t)c->share);
    if (i == 0)
        snprintf(f, sizeof f, "=%s", sh.s);
    else
        snprintf(f, sizeof f, "=%s+%s", rpt_xl_cell(row - 1, (lxw_col_t)c->cum).s, sh.s);
    rpt_xl_formula(xl, ws, row, (lxw_col_t)c->cum, f, l->cumulative, RPT_F_PCT2);
    const char *kw = rpt_tr(&xk_key_word, w->zh);
    if (i == 0)
        snprintf(f, sizeof f, "=IF(%s>0,\"%s\",\"\")", v.s, kw);
    else
        snprintf(f, sizeof f, "=IF(AND(%s<%g,%s>0),\"%s\",\"\")", rpt_xl_cell(row - 1, (lxw_col_t)c->cum).s,
                 t->threshold, v.s, kw);
    rpt_xl_formula_str(xl, ws, row, (lxw_col_t)c->key, f, l->key ? kw : "", l->key ? RPT_F_BOLD : RPT_F_NONE);
}

/* Writes the Total row of a block (and, for a trend, the trend's row);
 * fills R with its cells. The sums of masses (Et, E0, a level's |Et|) are
 * shown in t or 10^4 t. Returns the row after it. */
static lxw_row_t xk_total(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_row_t first, const kc_table *t, const xk_cols *c,
                          const double s[3])
{
    rpt_xl *xl = &w->xl;
    char f[RPT_XL_FORMULA_MAX];
    lxw_row_t last = first + (lxw_row_t)(t->n ? t->n - 1 : 0);
    rpt_xl_str(xl, ws, row, 0, rpt_tr(&xk_t_total, w->zh), RPT_F_BOLD);
    int sums[3] = {c->x, c->wv, c->et};
    for (int k = 0; k < 3; k++) {
        if (sums[k] < 0 || !t->n)
            continue;
        lxw_col_t col = (lxw_col_t)sums[k];
        snprintf(f, sizeof f, "=SUM(%s)", rpt_xl_range(NULL, first, col, last, col, false).s);
        double v = 0;
        bool mass = k == 2 || (k == 0 && (t->kind == KC_LEVEL || t->kind == KC_LEVEL2));
        for (size_t i = 0; i < t->n; i++) {
            const kc_item *x = &w->u->items[t->lines[i].item];
            v += k == 2 ? x->et : k == 1 ? t->lines[i].value : xk_xval(t, x, s);
        }
        rpt_xl_formula(xl, ws, row, col, f, mass ? xw_mass_shown(w, v) : v,
                       k == 2 || t->kind == KC_LEVEL || t->kind == KC_LEVEL2 ? RPT_F_T_BOLD : RPT_F_DEC4);
    }
    if (c->e0 < 0)
        return row + 1;
    /* trend: sum E0 beside sum Et, sum |E0| and the trend on the next row */
    lxw_col_t e0 = (lxw_col_t)c->e0;
    snprintf(f, sizeof f, "=SUM(%s)", rpt_xl_range(NULL, first, e0, last, e0, false).s);
    rpt_xl_formula(xl, ws, row, e0, f, xw_mass_shown(w, s[0]), RPT_F_T_BOLD);
    rpt_xl_str(xl, ws, row + 1, 0, rpt_tr(&xk_trend_total, w->zh), RPT_F_NONE);
    snprintf(f, sizeof f, "=SUMPRODUCT(ABS(%s))", rpt_xl_range(NULL, first, e0, last, e0, false).s);
    rpt_xl_formula(xl, ws, row + 1, e0, f, xw_mass_shown(w, s[2]), RPT_F_T);
    rpt_ref se0 = rpt_xl_cell(row, e0), set = rpt_xl_cell(row, (lxw_col_t)c->et);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s-%s)/ABS(%s))", se0.s, set.s, se0.s, se0.s);
    rpt_xl_formula(xl, ws, row + 1, (lxw_col_t)c->et, f, t->total_trend, RPT_F_PCT2);
    return row + 2;
}

/* Writes one assessment from `row`; returns the row after it. The Total
 * rows stand below the lines; the lines' formulas refer to them. */
static lxw_row_t xk_block(xw *w, lxw_worksheet *ws, lxw_row_t row, const kc_table *t)
{
    char buf[300];
    xk_cols c = xk_cols_of(t->kind);
    xk_heading(t->kind, t->with_lulucf, w->zh, buf, sizeof buf);
    rpt_xl_str(&w->xl, ws, row, 0, buf, RPT_F_BOLD);
    xk_header(w, ws, row + 1, t->kind, &c);
    lxw_row_t first = row + 2, total = first + (lxw_row_t)t->n;
    double s[3];
    xk_trend_sums(w->u, t, s);
    /* the Total rows' references first (their cells are written after the lines) */
    xk_refs R = {0};
    snprintf(R.sx, sizeof R.sx, "%s", rpt_xl_ref(NULL, total, (lxw_col_t)c.x, true).s);
    snprintf(R.sabst, sizeof R.sabst, "%s", R.sx);
    if (c.wv >= 0)
        snprintf(R.swv, sizeof R.swv, "%s", rpt_xl_ref(NULL, total, (lxw_col_t)c.wv, true).s);
    if (c.e0 >= 0) {
        snprintf(R.sabs0, sizeof R.sabs0, "%s", rpt_xl_ref(NULL, total + 1, (lxw_col_t)c.e0, true).s);
        snprintf(R.trend, sizeof R.trend, "%s", rpt_xl_ref(NULL, total + 1, (lxw_col_t)c.et, true).s);
    }
    for (size_t i = 0; i < t->n; i++)
        xk_line(w, ws, first + (lxw_row_t)i, t, i, &c, &R, s);
    return xk_total(w, ws, total, first, t, &c, s) + 1;
}

/* Writes the summary: every item key in some assessment, with the
 * assessments' short names. Returns the row after it. */
static lxw_row_t xk_summary_block(xw *w, lxw_worksheet *ws, lxw_row_t row)
{
    const unc_analysis *u = w->u;
    char buf[300], fl[64];
    rpt_xl_str(&w->xl, ws, row, 0, rpt_tr(&xk_summary, w->zh), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row + 1, 0, rpt_tr(&xk_head_cat, w->zh), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row + 1, 1, rpt_tr(&xk_head_gas, w->zh), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, row + 1, 2, rpt_tr(&xk_criteria, w->zh), RPT_F_HEADER);
    row += 2;
    size_t n = 0;
    for (size_t i = 0; i < u->nitems; i++) {
        if (!u->flags[i])
            continue;
        xk_label(&u->items[i], w->zh, buf, sizeof buf);
        ua_flags_text(u->flags[i], fl, sizeof fl);
        rpt_xl_str(&w->xl, ws, row, 0, buf, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, 1, gas_name(u->items[i].gas), RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row++, 2, fl, RPT_F_NONE);
        n++;
    }
    if (!n)
        rpt_xl_str(&w->xl, ws, row++, 0, rpt_tr(&xk_none, w->zh), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, 0, rpt_tr(&xk_legend, w->zh), RPT_F_NONE);
    return row + 2;
}

void xk_sheet(xw *w)
{
    static const double widths[] = {44, 8, 18, 18, 16, 14, 14, 14, 14, 10};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_KEYCAT));
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, sizeof widths / sizeof *widths);
    rpt_xl_str(&w->xl, ws, 0, 0, rpt_tr(&xk_title, w->zh), RPT_F_TITLE);
    xu_note(w, ws, 1, 8, rpt_tr(&xk_note, w->zh), 4);
    lxw_row_t row = xk_summary_block(w, ws, 3);
    for (int k = 0; k < KC_KINDS; k++)
        for (int with = 1; with >= 0; with--)
            if (w->u->ran[k][with])
                row = xk_block(w, ws, row, &w->u->kc[k][with]);
}

/* ----------------------------------------------- the Sectoral table's column */

/* The Sectoral table's key-category header, when the categories were assessed. */
const char *xu_sectoral_key_head(const xw *w)
{
    return w->u ? rpt_tr(&xk_head_key_sectoral, w->zh) : NULL;
}

void xu_sectoral_key(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *category)
{
    if (!w->u)
        return;
    char buf[64];
    ua_flags_text(ua_category_flags(w->u, category), buf, sizeof buf);
    rpt_xl_str(&w->xl, ws, row, col, buf, RPT_F_FLAG);
}
