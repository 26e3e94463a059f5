/* inventory_xlsx_unc.c - the Uncertainty sheet: IPCC Approach 1 (2006 Vol.1 Ch.3 Table 3.2) as live formulas. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_xlsx.h"
#include "../calc/nsum.h"

/* Above this many inputs and parts the sheet holds the table's figures as
 * values (a note says so): the live layout would be too slow to open. */
#define XU_LIVE_MAX 300000u

/* The table's first row (0-based): title, note, base year, gap, header. */
#define XU_T0 6

/* Bytes of a buffer holding one cell reference (rpt_ref) and a few characters around it. */
#define XU_REF (sizeof(rpt_ref) + 16)

/* Columns of the table: A..Q as in 2006 IPCC Vol.1 Ch.3 Table 3.2
 * (N..Q: ghgcalc's, for asymmetric ranges), R where the figures come from. */
enum { TA, TB, TC, TD, TE, TF, TG, TH, TI, TJ, TK, TL, TM, TN, TO, TP, TQ, TR, T_COUNT };

static const rpt_text xu_cols[T_COUNT] = {
    [TA] = {"A: IPCC category", "A：IPCC类别"},
    [TB] = {"B: Gas", "B：气体"},
    [TC] = {"C: Base year emissions (t CO2e)", "C：基准年排放（t CO2e）"},
    [TD] = {"D: Year t emissions (t CO2e)", "D：第t年排放（t CO2e）"},
    [TE] = {"E: Activity data uncertainty (%)", "E：活动水平数据不确定性（%）"},
    [TF] = {"F: Emission factor / parameter uncertainty (%)", "F：排放因子/参数不确定性（%）"},
    [TG] = {"G: Combined uncertainty (%)", "G：合成不确定性（%）"},
    [TH] = {"H: Contribution to variance in year t", "H：对第t年总排放方差的贡献"},
    [TI] = {"I: Type A sensitivity (%)", "I：A类敏感度（%）"},
    [TJ] = {"J: Type B sensitivity (%)", "J：B类敏感度（%）"},
    [TK] = {"K: Trend uncertainty from the emission factor (%)", "K：排放因子引入的趋势不确定性（%）"},
    [TL] = {"L: Trend uncertainty from the activity data (%)", "L：活动水平数据引入的趋势不确定性（%）"},
    [TM] = {"M: Uncertainty introduced into the trend (%²)", "M：引入趋势的不确定性（%²）"},
    [TN] = {"N: Combined uncertainty below (%)", "N：合成不确定性下限（%）"},
    [TO] = {"O: Combined uncertainty above (%)", "O：合成不确定性上限（%）"},
    [TP] = {"P: Contribution to variance below", "P：对下限方差的贡献"},
    [TQ] = {"Q: Contribution to variance above", "Q：对上限方差的贡献"},
    [TR] = {"Where the uncertainties come from", "不确定性来源"},
};

/* The table's mass columns with --unit 10kt. */
static const rpt_text xu_cols_10kt[T_COUNT] = {
    [TC] = {"C: Base year emissions (10^4 t CO2e)", "C：基准年排放（万吨CO2当量）"},
    [TD] = {"D: Year t emissions (10^4 t CO2e)", "D：第t年排放（万吨CO2当量）"},
};

static const double xu_widths[T_COUNT] = {44, 8, 16, 16, 13, 13, 13, 13, 12, 12, 13, 13, 13, 13, 13, 13, 13, 30};

/* Columns of the Inputs block (the cells a reviewer edits: minus, plus, distribution). */
enum { IN_WHAT, IN_NO, IN_ROLE, IN_NOMINAL, IN_UNIT, IN_DIST, IN_MINUS, IN_PLUS, IN_ALPHA, IN_BETA, IN_QLO, IN_QHI,
       IN_UMINUS, IN_UPLUS, IN_U, IN_ORIGIN, IN_NOTE, IN_RECORDS, IN_COUNT };

static const rpt_text xu_in_cols[IN_COUNT] = {
    [IN_WHAT] = {"Input", "输入"},
    [IN_NO] = {"No.", "编号"},
    [IN_ROLE] = {"Role", "类型"},
    [IN_NOMINAL] = {"Value", "数值"},
    [IN_UNIT] = {"Unit", "单位"},
    [IN_DIST] = {"Distribution (edit)", "分布（可改）"},
    [IN_MINUS] = {"Minus % (edit)", "下偏差 %（可改）"},
    [IN_PLUS] = {"Plus % (edit)", "上偏差 %（可改）"},
    [IN_ALPHA] = {"alpha", "alpha"},
    [IN_BETA] = {"beta", "beta"},
    [IN_QLO] = {"2.5 % point of value/nominal", "2.5%分位（相对值）"},
    [IN_QHI] = {"97.5 % point of value/nominal", "97.5%分位（相对值）"},
    [IN_UMINUS] = {"U- of the emission (%)", "排放下偏差 U-（%）"},
    [IN_UPLUS] = {"U+ of the emission (%)", "排放上偏差 U+（%）"},
    [IN_U] = {"U = max (%)", "U = 较大者（%）"},
    [IN_ORIGIN] = {"Origin", "来源类别"},
    [IN_NOTE] = {"Where the figure comes from", "数据出处"},
    [IN_RECORDS] = {"Records it stands for", "代表的记录数"},
};

/* Columns of the Parts block: one line per (row, input); a line that opens
 * a group of one stream (the same draw) carries the group's sums. */
enum { P_ROW, P_INPUT, P_STREAM, P_KIND, P_T, P_UT, P_LO, P_HI, P_GS, P_GLO, P_GHI, P_E, P_COUNT };

static const rpt_text xu_p_cols[P_COUNT] = {
    [P_ROW] = {"Table row", "表行"},
    [P_INPUT] = {"Input", "输入"},
    [P_STREAM] = {"Random stream", "随机流"},
    [P_KIND] = {"Column", "列"},
    [P_T] = {"Emission it multiplies (t CO2e)", "所乘排放（t CO2e）"},
    [P_UT] = {"U x t", "U × t"},
    [P_LO] = {"U below x |t|", "下偏差 × |t|"},
    [P_HI] = {"U above x |t|", "上偏差 × |t|"},
    [P_GS] = {"Stream sum U x t", "同一随机流之和 U × t"},
    [P_GLO] = {"Stream sum below", "同一随机流之和（下）"},
    [P_GHI] = {"Stream sum above", "同一随机流之和（上）"},
    [P_E] = {"Aggregated input: emission its U applies to, √Σ(U_i t_i)² / U (t CO2e)",
             "合并输入：U所作用的排放 √Σ(U_i t_i)² / U（t CO2e）"},
};

/* The Parts block's mass columns with --unit 10kt (U x t and its sums follow t's unit). */
static const rpt_text xu_p_cols_10kt[P_COUNT] = {
    [P_T] = {"Emission it multiplies (10^4 t CO2e)", "所乘排放（万吨CO2当量）"},
    [P_UT] = {"U x t (% x 10^4 t CO2e)", "U × t（% × 万吨CO2当量）"},
    [P_LO] = {"U below x |t| (% x 10^4 t CO2e)", "下偏差 × |t|（% × 万吨CO2当量）"},
    [P_HI] = {"U above x |t| (% x 10^4 t CO2e)", "上偏差 × |t|（% × 万吨CO2当量）"},
    [P_GS] = {"Stream sum U x t (% x 10^4 t CO2e)", "同一随机流之和 U × t（% × 万吨CO2当量）"},
    [P_GLO] = {"Stream sum below (% x 10^4 t CO2e)", "同一随机流之和（下）（% × 万吨CO2当量）"},
    [P_GHI] = {"Stream sum above (% x 10^4 t CO2e)", "同一随机流之和（上）（% × 万吨CO2当量）"},
    [P_E] = {"Aggregated input: emission its U applies to, √Σ(U_i t_i)² / U (10^4 t CO2e)",
             "合并输入：U所作用的排放 √Σ(U_i t_i)² / U（万吨CO2当量）"},
};

static const rpt_text xu_title = {"Uncertainty: IPCC Approach 1, error propagation (2006 IPCC Guidelines Vol.1 Ch.3, "
                                  "Table 3.2)",
                                  "不确定性：IPCC方法1，误差传递（《2006年IPCC国家温室气体清单指南》第1卷第3章表3.2）"};
static const rpt_text xu_t_note = {
    "Every figure of the table is a formula over the Inputs block below: change an input's Minus %, Plus % or "
    "Distribution (normal, lognormal, triangular, uniform) and the table and the total follow. Percentages are "
    "of the row's emission at 95 % confidence. N..Q carry asymmetric ranges (ghgcalc's columns).",
    "表中各数均为对下方“输入”区的公式：修改某一输入的下偏差、上偏差或分布（normal、lognormal、triangular、"
    "uniform），表格与总不确定性随之更新。百分比为该行排放的95%置信区间。N–Q列为非对称区间（ghgcalc扩展）。"};
static const rpt_text xu_values_note = {
    "This inventory has too many inputs for live formulas: the table holds ghgcalc's figures as values.",
    "本清单输入过多，表中为ghgcalc计算值（非公式）。"};
static const rpt_text xu_base_none = {"Base year: none (give base_inventory: or --base FILE for the trend columns "
                                      "C and I..M)",
                                      "基准年：无（在清单中给出 base_inventory: 或使用 --base FILE 以得到趋势列C和I–M）"};
static const rpt_text xu_base = {"Base year", "基准年"};
static const rpt_text xu_total = {"Total", "合计"};
static const rpt_text xu_pct_total = {"Percentage uncertainty in total inventory: H = √ΣH, M = √ΣM (trend, percentage "
                                      "points), P and Q = below and above",
                                      "清单总不确定性：H = √ΣH，M = √ΣM（趋势，百分点），P、Q = 下限与上限"};
static const rpt_text xu_trend = {"Trend of the total, year t against the base year (%)", "总排放趋势（第t年相对基准年，%）"};
static const rpt_text xu_shared = {"Uncertainty of the total with each shared input counted once (first order, %; "
                                   "value computed by ghgcalc: the Monte Carlo agrees with this one)",
                                   "共享输入只计一次时的总不确定性（一阶，%；ghgcalc计算值，与蒙特卡洛结果可比）"};
static const rpt_text xu_t_inputs = {"Inputs: every uncertain quantity once (a factor shared by many records and by both "
                                   "years is one input). Edit Distribution, Minus % and Plus %.",
                                   "输入：每个不确定量只列一次（多条记录或两个年份共用的因子为同一输入）。"
                                   "可修改分布、下偏差和上偏差。"};
static const rpt_text xu_t_agg = {
    " An input that stands for several records (Records > 1) is their amounts summed: records of one category, "
    "fuel or activity, set of factor values and origin, whose amounts are normal and independent; its Minus % and "
    "Plus % are the combined uncertainty of their sum, sqrt(Σ(U_i x t_i)²) / |Σ t_i| (2006 IPCC Vol.1 Ch.3 Eq. 3.1), "
    "and its parts apply it to the column 'emission its U applies to'.",
    "代表多条记录（记录数>1）的输入为这些记录活动量之和：同一类别、燃料或活动、同一组排放因子及同一来源类别、"
    "活动量为正态且相互独立的记录；其下偏差与上偏差为总和的合成不确定性 sqrt(Σ(U_i × t_i)²) / |Σ t_i|"
    "（《2006年IPCC指南》第1卷第3章式3.1），各分项按“U所作用的排放”一列计算。"};
static const rpt_text xu_t_parts = {"Parts: the emission of each table row that each input multiplies; inputs on one "
                                  "random stream add linearly, streams in quadrature (Eq. 3.1, 3.2)",
                                  "分项：各输入在表中各行所乘的排放；同一随机流内线性相加，不同随机流平方和开方（式3.1、3.2）"};

const char *xu_role_text(unc_role r, bool zh)
{
    static const rpt_text names[UNC_ROLE_COUNT] = {
        {"activity data", "活动水平数据"}, {"NCV", "低位发热量"},     {"emission factor", "排放因子"},
        {"oxidation", "氧化率"},          {"parameter", "参数"},       {"modelled emission", "模型排放"},
        {"GWP", "全球增温潜势"}};
    return r < UNC_ROLE_COUNT ? rpt_tr(&names[r], zh) : "?";
}

/* The origin of an input's uncertainty in the workbook's language. */
static const char *xu_origin_text(unc_origin o, bool zh)
{
    static const rpt_text names[UNC_FROM_COUNT] = {{"none", "无"}, {"stated", "给定"}, {"default", "默认值"},
                                                   {"option", "运行选项"}};
    return o < UNC_FROM_COUNT ? rpt_tr(&names[o], zh) : "?";
}

/* The row's column A: "1.A.1.a.i  Electricity generation" (and the key with by_key). */
static void xu_row_label(const unc_row_key *k, bool zh, char *buf, size_t len)
{
    rpt_fmt(buf, len, "%s%s%s  %s", k->category, k->key ? " " : "", k->key ? k->key : "", cat_name(k->category, zh));
}

/* The origins of a row's figures as text: "stated", "stated, default", "none (exact)". */
static void xu_origins(unsigned o, bool zh, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = UNC_FROM_STATED; i < UNC_FROM_COUNT; i++)
        if (o & (1u << i)) {
            rpt_fmt(buf + used, len - used, "%s%s", used ? ", " : "", xu_origin_text((unc_origin)i, zh));
            used = strlen(buf);
        }
    if (!used)
        rpt_fmt(buf, len, "%s", zh ? "无（视为精确）" : "none (counted as exact)");
}

/* ------------------------------------------------------------ layout */

/* Where the sheet's parts stand (0-based rows). */
typedef struct {
    size_t nrows, nin;
    bool has_base;
    bool live;                  /* formulas over the Inputs and Parts blocks (else values) */
    bool *latest;               /* by table row: described by year t's lines (else the base year's) */
    lxw_row_t *in_row;          /* by input: its sheet row in the Inputs block, 0 when no row uses it */
    lxw_row_t t0, total;        /* first table row, the Total row */
    lxw_row_t in_head, p_head, p0;
} xu_layout_t;

static void xu_layout_free(xu_layout_t *L)
{
    free(L->in_row);
    free(L->latest);
}

/* Sums of columns H, M, P and Q over the rows (the Total row's cached values). */
typedef struct {
    double h, m, p, q;
} xu_sums;

static xu_sums xu_col_sums(const unc_row *r, size_t n)
{
    nsum h = {0}, m = {0}, p = {0}, q = {0};
    for (size_t i = 0; i < n; i++) {
        nsum_add(&h, r[i].var_contrib);
        nsum_add(&m, r[i].trend_var);
        nsum_add(&p, r[i].var_lower);
        nsum_add(&q, r[i].var_upper);
    }
    return (xu_sums){nsum_value(&h), nsum_value(&m), nsum_value(&p), nsum_value(&q)};
}

/* Where everything stands: the table's rows, the foot, the Inputs and the
 * Parts, and which year's lines describe each row. */
static bool xu_layout(const xw *w, xu_layout_t *L)
{
    const unc_analysis *u = w->u;
    const unc_input *in;
    const unc_line *lines;
    L->nin = unc_model_inputs(u->model, &in);
    size_t nl = unc_model_lines(u->model, &lines);
    L->nrows = u->a1.nrows;
    L->has_base = u->a1.total.has_base;
    L->live = L->nin + u->a1.nparts <= XU_LIVE_MAX;
    L->in_row = calloc(L->nin ? L->nin : 1, sizeof *L->in_row);
    L->latest = calloc(L->nrows ? L->nrows : 1, sizeof *L->latest);
    if (!L->in_row || !L->latest)
        return false;
    for (size_t i = 0; i < nl; i++)
        if (lines[i].year == UNC_LATEST)
            L->latest[lines[i].row] = true;
    L->t0 = XU_T0;
    L->total = L->t0 + (lxw_row_t)L->nrows;
    L->in_head = L->total + 6;
    lxw_row_t r = L->in_head + 2;
    for (size_t k = 0; k < u->a1.nparts; k++) /* inputs in model order, those some row uses */
        L->in_row[u->a1.parts[k].input] = 1;
    for (size_t i = 0; i < L->nin; i++)
        if (L->in_row[i])
            L->in_row[i] = r++;
    L->p_head = r + 1;
    L->p0 = L->p_head + 2;
    return true;
}

/* ------------------------------------------------------------ inputs */

/* The p-quantile of the relative value r of a distribution stated as m and
 * p (fractions below and above), as the Inputs' formulas compute it. */
static double xu_quantile(unc_dist d, double m, double p, double P)
{
    switch (d) {
    case UNC_DIST_LOGNORMAL:
        return P < 0.5 ? 1 - m : 1 + p;
    case UNC_DIST_UNIFORM:
        return 1 - m + P * (m + p);
    case UNC_DIST_TRIANGULAR:
        if (m + p == 0)
            return 1;
        return P < m / (m + p) ? 1 - m + sqrt(P * (m + p) * m) : 1 + p - sqrt((1 - P) * (m + p) * p);
    default:
        return P < 0.5 ? 1 - fmax(m, p) : 1 + fmax(m, p);
    }
}

/* The formula of the 2.5 % (lo) or 97.5 % point of r from the row's cells
 * (the distributions of docs/uncertainty.md; m and p as fractions). */
static void xu_q_formula(lxw_row_t row, bool lo, char *f, size_t len)
{
    char d[XU_REF], m[XU_REF], p[XU_REF];
    snprintf(d, sizeof d, "%s", rpt_xl_cell(row, IN_DIST).s);
    snprintf(m, sizeof m, "(%s/100)", rpt_xl_cell(row, IN_MINUS).s);
    snprintf(p, sizeof p, "(%s/100)", rpt_xl_cell(row, IN_PLUS).s);
    const char *P = lo ? "0.025" : "0.975", *Q = lo ? "0.975" : "0.025";
    char logn[XU_REF + 8], norm[2 * XU_REF + 16];
    snprintf(logn, sizeof logn, lo ? "1-%s" : "1+%s", lo ? m : p);
    snprintf(norm, sizeof norm, "%sMAX(%s,%s)", lo ? "1-" : "1+", m, p);
    rpt_fmt(f, len,
             "=IF(%s=\"lognormal\",%s,IF(%s=\"uniform\",1-%s+%s*(%s+%s),IF(%s=\"triangular\",IF(%s+%s=0,1,"
             "IF(%s<%s/(%s+%s),1-%s+SQRT(%s*(%s+%s)*%s),1+%s-SQRT(%s*(%s+%s)*%s))),%s)))",
             d, logn, d, m, P, m, p, d, m, p, P, m, m, p, m, P, m, p, m, p, Q, m, p, p, norm);
}

/* Writes the value of input x and its unit: a factor's or an amount's as
 * given; an aggregated input (t CO2e) and a landfill's modelled emission
 * (t CH4) are masses, in 10^4 t with --unit 10kt. */
static void xu_input_value(xw *w, lxw_worksheet *ws, lxw_row_t row, const unc_input *x)
{
    const eng_result *r = x->year == UNC_BASE && w->u->base ? w->u->base : w->r;
    const inventory *inv = eng_inventory(r);
    bool co2e = !x->fv && x->count > 1, ch4 = !x->fv && !co2e && x->role == UNC_ROLE_EMISSION;
    const char *unit = x->fv ? x->fv->unit_text : co2e ? "t CO2e"
                       : x->role == UNC_ROLE_AD && x->rec < inv->n ? inv_rec(inv, x->rec)->unit_text
                       : ch4 ? "t CH4" : "";
    if (w->mass_10kt && (co2e || ch4))
        unit = co2e ? (w->zh ? "万吨CO2当量" : "10^4 t CO2e") : (w->zh ? "万吨CH4" : "10^4 t CH4");
    rpt_xl_num(&w->xl, ws, row, IN_NOMINAL, co2e || ch4 ? xw_mass_shown(w, x->nominal) : x->nominal, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, IN_UNIT, unit, RPT_F_NONE);
}

/* Writes input x on sheet row `row`. */
static void xu_input_row(xw *w, lxw_worksheet *ws, lxw_row_t row, size_t i, const unc_input *x)
{
    rpt_xl *xl = &w->xl;
    char buf[600], f[RPT_XL_FORMULA_MAX];
    rpt_xl_num(xl, ws, row, IN_NO, (double)(i + 1), RPT_F_INT);
    ua_input_text(w->u, x, buf, sizeof buf);
    rpt_xl_str(xl, ws, row, IN_WHAT, buf, RPT_F_NONE);
    rpt_xl_str(xl, ws, row, IN_ROLE, xu_role_text(x->role, w->zh), RPT_F_NONE);
    xu_input_value(w, ws, row, x);
    unc_dist d = x->dist == UNC_DIST_AUTO ? UNC_DIST_NORMAL : x->dist;
    rpt_xl_str(xl, ws, row, IN_DIST, unc_dist_name(d), RPT_F_NONE);
    double m = x->stated_minus_pct, p = x->stated_plus_pct;
    if (!(m >= 0))
        m = 0;
    if (!(p >= 0))
        p = 0;
    rpt_xl_num(xl, ws, row, IN_MINUS, m, RPT_F_GENERAL);
    rpt_xl_num(xl, ws, row, IN_PLUS, p, RPT_F_GENERAL);
    rpt_xl_num(xl, ws, row, IN_ALPHA, x->alpha, RPT_F_GENERAL);
    rpt_xl_num(xl, ws, row, IN_BETA, x->beta, RPT_F_GENERAL);
    double qlo = xu_quantile(d, m / 100, p / 100, 0.025), qhi = xu_quantile(d, m / 100, p / 100, 0.975);
    xu_q_formula(row, true, f, sizeof f);
    rpt_xl_formula(xl, ws, row, IN_QLO, f, qlo, RPT_F_FACTOR);
    xu_q_formula(row, false, f, sizeof f);
    rpt_xl_formula(xl, ws, row, IN_QHI, f, qhi, RPT_F_FACTOR);
    char a[XU_REF], b[XU_REF], lo[XU_REF], hi[XU_REF], nom[XU_REF];
    snprintf(a, sizeof a, "%s", rpt_xl_cell(row, IN_ALPHA).s);
    snprintf(b, sizeof b, "%s", rpt_xl_cell(row, IN_BETA).s);
    snprintf(lo, sizeof lo, "%s", rpt_xl_cell(row, IN_QLO).s);
    snprintf(hi, sizeof hi, "%s", rpt_xl_cell(row, IN_QHI).s);
    snprintf(nom, sizeof nom, "%s", rpt_xl_cell(row, IN_NOMINAL).s);
    snprintf(f, sizeof f, "=IF(%s=0,0,(1-MIN(%s+%s*%s,%s+%s*%s))*100)", nom, a, b, lo, a, b, hi);
    rpt_xl_formula(xl, ws, row, IN_UMINUS, f, x->minus_pct, RPT_F_T);
    snprintf(f, sizeof f, "=IF(%s=0,0,(MAX(%s+%s*%s,%s+%s*%s)-1)*100)", nom, a, b, lo, a, b, hi);
    rpt_xl_formula(xl, ws, row, IN_UPLUS, f, x->plus_pct, RPT_F_T);
    snprintf(f, sizeof f, "=MAX(%s,%s)", rpt_xl_cell(row, IN_UMINUS).s, rpt_xl_cell(row, IN_UPLUS).s);
    rpt_xl_formula(xl, ws, row, IN_U, f, fmax(x->minus_pct, x->plus_pct), RPT_F_T);
    rpt_xl_str(xl, ws, row, IN_ORIGIN, xu_origin_text(x->origin, w->zh), RPT_F_NONE);
    rpt_xl_str(xl, ws, row, IN_NOTE, x->note, RPT_F_NONE);
    if (x->count)
        rpt_xl_num(xl, ws, row, IN_RECORDS, (double)x->count, RPT_F_INT);
}

/* Writes the Inputs block: heading, header, one line per input some row uses. */
static void xu_inputs(xw *w, lxw_worksheet *ws, const xu_layout_t *L)
{
    const unc_input *in;
    unc_model_inputs(w->u->model, &in);
    const unc_agg *ag;
    char head[1600];
    rpt_fmt(head, sizeof head, "%s%s", rpt_tr(&xu_t_inputs, w->zh),
            unc_model_aggs(w->u->model, &ag) ? rpt_tr(&xu_t_agg, w->zh) : "");
    rpt_xl_str(&w->xl, ws, L->in_head, 0, head, RPT_F_BOLD);
    rpt_xl_header_texts(&w->xl, ws, L->in_head + 1, xu_in_cols, IN_COUNT);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, L->in_head + 1, 48, NULL), "setting a row height");
    for (size_t i = 0; i < L->nin; i++)
        if (L->in_row[i])
            xu_input_row(w, ws, L->in_row[i], i, &in[i]);
}

/* ------------------------------------------------------------- parts */

/* Writes part k (of table row `tr`) on sheet row `row`; `first` opens a
 * group of the same stream that ends at sheet row `gend`, with its sums
 * g[] (in the shown unit). The emissions are in t, or 10^4 t with --unit
 * 10kt; U x t follows them. */
static void xu_part_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const unc_part *p, const unc_input *x,
                        lxw_row_t in_row, bool first, lxw_row_t gend, const double g[3], bool zh)
{
    rpt_xl *xl = &w->xl;
    char f[RPT_XL_FORMULA_MAX], label[300];
    xu_row_label(&w->u->a1.rows[p->row].key, zh, label, sizeof label);
    rpt_fmt(label + strlen(label), sizeof label - strlen(label), ", %s", gas_name(w->u->a1.rows[p->row].key.gas));
    rpt_xl_str(xl, ws, row, P_ROW, label, RPT_F_NONE);
    rpt_xl_num(xl, ws, row, P_INPUT, (double)(p->input + 1), RPT_F_INT);
    rpt_xl_num(xl, ws, row, P_STREAM, (double)p->stream, RPT_F_INT);
    rpt_xl_str(xl, ws, row, P_KIND, p->ad ? "E" : "F", RPT_F_NONE);
    rpt_xl_num(xl, ws, row, P_T, xw_mass_shown(w, p->t_co2e), RPT_F_T);
    double t = xw_mass_shown(w, p->e_co2e), u = fmax(x->minus_pct, x->plus_pct);
    char tc[XU_REF], um[XU_REF], up[XU_REF], uu[XU_REF];
    bool agg = x->agg != UINT32_MAX; /* its U applies to the column P_E (unc_agg), else to t */
    if (agg)
        rpt_xl_num(xl, ws, row, P_E, t, RPT_F_T);
    snprintf(tc, sizeof tc, "%s", rpt_xl_cell(row, agg ? P_E : P_T).s);
    snprintf(um, sizeof um, "%s", rpt_xl_ref(NULL, in_row, IN_UMINUS, true).s);
    snprintf(up, sizeof up, "%s", rpt_xl_ref(NULL, in_row, IN_UPLUS, true).s);
    snprintf(uu, sizeof uu, "%s", rpt_xl_ref(NULL, in_row, IN_U, true).s);
    snprintf(f, sizeof f, "=%s*%s", uu, tc);
    rpt_xl_formula(xl, ws, row, P_UT, f, u * t, RPT_F_T);
    snprintf(f, sizeof f, "=IF(%s>=0,%s,%s)*ABS(%s)", tc, um, up, tc);
    rpt_xl_formula(xl, ws, row, P_LO, f, (t >= 0 ? x->minus_pct : x->plus_pct) * fabs(t), RPT_F_T);
    snprintf(f, sizeof f, "=IF(%s>=0,%s,%s)*ABS(%s)", tc, up, um, tc);
    rpt_xl_formula(xl, ws, row, P_HI, f, (t >= 0 ? x->plus_pct : x->minus_pct) * fabs(t), RPT_F_T);
    if (!first)
        return;
    static const lxw_col_t src[3] = {P_UT, P_LO, P_HI}, dst[3] = {P_GS, P_GLO, P_GHI};
    for (int k = 0; k < 3; k++) {
        snprintf(f, sizeof f, "=SUM(%s)", rpt_xl_range(NULL, row, src[k], gend, src[k], false).s);
        rpt_xl_formula(xl, ws, row, dst[k], f, g[k], RPT_F_T);
    }
}

/* Writes the Parts block; parts are sorted by row, column E before F,
 * stream, so a group of one stream is a run of lines. */
static void xu_parts(xw *w, lxw_worksheet *ws, const xu_layout_t *L)
{
    const unc_a1 *a = &w->u->a1;
    const unc_input *in;
    unc_model_inputs(w->u->model, &in);
    rpt_xl_str(&w->xl, ws, L->p_head, 0, rpt_tr(&xu_t_parts, w->zh), RPT_F_BOLD);
    xw_header_texts(w, ws, L->p_head + 1, xu_p_cols, xu_p_cols_10kt, P_COUNT);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, L->p_head + 1, w->mass_10kt ? 64 : 48, NULL), "setting a row height");
    for (size_t k = 0; k < a->nparts;) {
        size_t e = k;
        double g[3] = {0};
        for (; e < a->nparts && a->parts[e].row == a->parts[k].row && a->parts[e].ad == a->parts[k].ad &&
               a->parts[e].stream == a->parts[k].stream;
             e++) {
            const unc_input *x = &in[a->parts[e].input];
            double t = xw_mass_shown(w, a->parts[e].e_co2e);
            g[0] += fmax(x->minus_pct, x->plus_pct) * t;
            g[1] += (t >= 0 ? x->minus_pct : x->plus_pct) * fabs(t);
            g[2] += (t >= 0 ? x->plus_pct : x->minus_pct) * fabs(t);
        }
        for (size_t j = k; j < e; j++)
            xu_part_row(w, ws, L->p0 + (lxw_row_t)j, &a->parts[j], &in[a->parts[j].input],
                        L->in_row[a->parts[j].input], j == k, L->p0 + (lxw_row_t)(e - 1), g, w->zh);
        k = e;
    }
}

/* ------------------------------------------------------------- table */

/* The part lines of row r: AD parts [*a0, *a1), others [*a1, *e). */
static void xu_row_parts(const unc_row *r, const unc_part *parts, size_t *a0, size_t *a1, size_t *e)
{
    *a0 = r->first_part;
    *e = r->first_part + r->nparts;
    *a1 = *a0;
    while (*a1 < *e && parts[*a1].ad)
        (*a1)++;
}

/* Writes `=IF(ABS(d)=0,0,SQRT(SUMSQ(col over parts [p0, p1)))/ABS(d))`,
 * or the value when there is no such part. */
static void xu_sumsq_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const xu_layout_t *L, size_t p0,
                          size_t p1, lxw_col_t pcol, const char *d, double cached)
{
    char f[RPT_XL_FORMULA_MAX];
    if (p0 == p1 || !L->live) {
        rpt_xl_num(&w->xl, ws, row, col, cached, RPT_F_T);
        return;
    }
    snprintf(f, sizeof f, "=IF(ABS(%s)=0,0,SQRT(SUMSQ(%s))/ABS(%s))", d,
             rpt_xl_range(NULL, L->p0 + (lxw_row_t)p0, pcol, L->p0 + (lxw_row_t)p1 - 1, pcol, true).s, d);
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, RPT_F_T);
}

/* A formula cell, or its value when the sheet is not live. */
static void xu_cell(xw *w, lxw_worksheet *ws, const xu_layout_t *L, lxw_row_t row, lxw_col_t col, const char *f,
                    double v, rpt_fmt_id fmt)
{
    if (L->live)
        rpt_xl_formula(&w->xl, ws, row, col, f, v, fmt);
    else
        rpt_xl_num(&w->xl, ws, row, col, v, fmt);
}

/* Columns I..M of a row: the trend's sensitivities and uncertainties. */
static void xu_trend_cells(xw *w, lxw_worksheet *ws, const xu_layout_t *L, lxw_row_t row, const unc_row *r, const char *ct,
                    const char *dt)
{
    char f[RPT_XL_FORMULA_MAX], c[XU_REF], d[XU_REF];
    snprintf(c, sizeof c, "%s", rpt_xl_cell(row, TC).s);
    snprintf(d, sizeof d, "%s", rpt_xl_cell(row, TD).s);
    snprintf(f, sizeof f, "=IF(%s=0,0,ABS((0.01*%s+%s-(0.01*%s+%s))/(0.01*%s+%s)*100-(%s-%s)/%s*100))", ct, d, dt, c,
             ct, c, ct, dt, ct, ct);
    xu_cell(w, ws, L, row, TI, f, r->type_a, RPT_F_DEC4);
    snprintf(f, sizeof f, "=IF(%s=0,0,ABS(%s)/ABS(%s))", ct, d, ct);
    xu_cell(w, ws, L, row, TJ, f, r->type_b, RPT_F_DEC4);
    snprintf(f, sizeof f, "=%s*%s", rpt_xl_cell(row, TI).s, rpt_xl_cell(row, TF).s);
    xu_cell(w, ws, L, row, TK, f, r->trend_ef_pct, RPT_F_DEC4);
    snprintf(f, sizeof f, "=%s*%s*SQRT(2)", rpt_xl_cell(row, TJ).s, rpt_xl_cell(row, TE).s);
    xu_cell(w, ws, L, row, TL, f, r->trend_ad_pct, RPT_F_DEC4);
    snprintf(f, sizeof f, "=%s^2+%s^2", rpt_xl_cell(row, TK).s, rpt_xl_cell(row, TL).s);
    xu_cell(w, ws, L, row, TM, f, r->trend_var, RPT_F_DEC4);
}

/* Writes table row i (columns A..R). */
static void xu_table_row(xw *w, lxw_worksheet *ws, const xu_layout_t *L, size_t i)
{
    const unc_row *r = &w->u->a1.rows[i];
    lxw_row_t row = L->t0 + (lxw_row_t)i;
    char f[RPT_XL_FORMULA_MAX], buf[300], d[XU_REF];
    xu_row_label(&r->key, w->zh, buf, sizeof buf);
    rpt_xl_str(&w->xl, ws, row, TA, buf, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TB, gas_name(r->key.gas), RPT_F_NONE);
    if (L->has_base) /* C and D in t, or 10^4 t with --unit 10kt: the percentages do not change */
        rpt_xl_num(&w->xl, ws, row, TC, xw_mass_shown(w, r->base_t_co2e), RPT_F_T);
    rpt_xl_num(&w->xl, ws, row, TD, xw_mass_shown(w, r->t_co2e), RPT_F_T);
    snprintf(d, sizeof d, "%s", rpt_xl_cell(row, L->latest[i] ? TD : TC).s);
    size_t a0, a1, e;
    xu_row_parts(r, w->u->a1.parts, &a0, &a1, &e);
    xu_sumsq_cell(w, ws, row, TE, L, a0, a1, P_GS, d, r->ad_pct);
    xu_sumsq_cell(w, ws, row, TF, L, a1, e, P_GS, d, r->ef_pct);
    snprintf(f, sizeof f, "=SQRT(%s^2+%s^2)", rpt_xl_cell(row, TE).s, rpt_xl_cell(row, TF).s);
    xu_cell(w, ws, L, row, TG, f, r->combined_pct, RPT_F_T);
    char dt[XU_REF], ct[XU_REF];
    snprintf(dt, sizeof dt, "%s", rpt_xl_ref(NULL, L->total, TD, true).s);
    snprintf(ct, sizeof ct, "%s", rpt_xl_ref(NULL, L->total, TC, true).s);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s*%s)^2/%s^2)", dt, rpt_xl_cell(row, TG).s, rpt_xl_cell(row, TD).s, dt);
    xu_cell(w, ws, L, row, TH, f, r->var_contrib, RPT_F_DEC4);
    if (L->has_base)
        xu_trend_cells(w, ws, L, row, r, ct, dt);
    xu_sumsq_cell(w, ws, row, TN, L, a0, e, P_GLO, d, r->lower_pct);
    xu_sumsq_cell(w, ws, row, TO, L, a0, e, P_GHI, d, r->upper_pct);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s*%s)^2/%s^2)", dt, rpt_xl_cell(row, TN).s, rpt_xl_cell(row, TD).s, dt);
    xu_cell(w, ws, L, row, TP, f, r->var_lower, RPT_F_DEC4);
    snprintf(f, sizeof f, "=IF(%s=0,0,(%s*%s)^2/%s^2)", dt, rpt_xl_cell(row, TO).s, rpt_xl_cell(row, TD).s, dt);
    xu_cell(w, ws, L, row, TQ, f, r->var_upper, RPT_F_DEC4);
    xu_origins(r->origins, w->zh, buf, sizeof buf);
    rpt_xl_str(&w->xl, ws, row, TR, buf, RPT_F_NONE);
}

/* The sum of column `col` over the table's rows, in the Total row. */
static void xu_sum(xw *w, lxw_worksheet *ws, const xu_layout_t *L, lxw_col_t col, double v, rpt_fmt_id fmt)
{
    char f[RPT_XL_FORMULA_MAX];
    if (!L->nrows) {
        rpt_xl_num(&w->xl, ws, L->total, col, 0, fmt);
        return;
    }
    snprintf(f, sizeof f, "=SUM(%s)", rpt_xl_range(NULL, L->t0, col, L->total - 1, col, false).s);
    xu_cell(w, ws, L, L->total, col, f, v, fmt);
}

/* Writes the Total row and the foot: the total's uncertainty, the trend. */
static void xu_foot(xw *w, lxw_worksheet *ws, const xu_layout_t *L)
{
    const unc_total *t = &w->u->a1.total;
    xu_sums sh = xu_col_sums(w->u->a1.rows, w->u->a1.nrows);
    lxw_row_t r = L->total;
    char f[RPT_XL_FORMULA_MAX];
    rpt_xl_str(&w->xl, ws, r, TA, rpt_tr(&xu_total, w->zh), RPT_F_BOLD);
    if (L->has_base)
        xu_sum(w, ws, L, TC, xw_mass_shown(w, t->base_t_co2e), RPT_F_T_BOLD);
    xu_sum(w, ws, L, TD, xw_mass_shown(w, t->t_co2e), RPT_F_T_BOLD);
    xu_sum(w, ws, L, TH, sh.h, RPT_F_DEC4);
    if (L->has_base)
        xu_sum(w, ws, L, TM, sh.m, RPT_F_DEC4);
    xu_sum(w, ws, L, TP, sh.p, RPT_F_DEC4);
    xu_sum(w, ws, L, TQ, sh.q, RPT_F_DEC4);
    rpt_xl_str(&w->xl, ws, r + 1, TA, rpt_tr(&xu_pct_total, w->zh), RPT_F_BOLD);
    static const lxw_col_t cols[4] = {TH, TM, TP, TQ};
    double vals[4] = {t->total_pct, t->trend_unc_pct, t->total_lower_pct, t->total_upper_pct};
    for (int k = 0; k < 4; k++) {
        if (cols[k] == TM && !L->has_base)
            continue;
        snprintf(f, sizeof f, "=SQRT(%s)", rpt_xl_cell(r, cols[k]).s);
        xu_cell(w, ws, L, r + 1, cols[k], f, vals[k], RPT_F_T_BOLD);
    }
    if (L->has_base) {
        rpt_xl_str(&w->xl, ws, r + 2, TA, rpt_tr(&xu_trend, w->zh), RPT_F_NONE);
        snprintf(f, sizeof f, "=(%s-%s)/%s*100", rpt_xl_cell(r, TD).s, rpt_xl_cell(r, TC).s, rpt_xl_cell(r, TC).s);
        xu_cell(w, ws, L, r + 2, TD, f, t->trend_pct, RPT_F_T);
    }
    rpt_xl_str(&w->xl, ws, r + 3, TA, rpt_tr(&xu_shared, w->zh), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, r + 3, TH, t->total_pct_shared, RPT_F_T);
}

/* Writes the head of the sheet: title, note, base year, column letters, header. */
static void xu_head(xw *w, lxw_worksheet *ws, const xu_layout_t *L)
{
    rpt_xl *x = &w->xl;
    char buf[1200];
    rpt_xl_str(x, ws, 0, 0, rpt_tr(&xu_title, w->zh), RPT_F_TITLE);
    xu_note(w, ws, 1, TL, rpt_tr(L->live ? &xu_t_note : &xu_values_note, w->zh), 3);
    if (w->u->base)
        rpt_fmt(buf, sizeof buf, "%s: %ld (%s)", rpt_tr(&xu_base, w->zh), eng_inventory(w->u->base)->year,
                w->base_path ? w->base_path : "");
    else
        rpt_fmt(buf, sizeof buf, "%s", rpt_tr(&xu_base_none, w->zh));
    rpt_xl_str(x, ws, 2, 0, buf, RPT_F_NONE);
    xw_header_texts(w, ws, L->t0 - 1, xu_cols, xu_cols_10kt, T_COUNT);
    rpt_xl_check(x, worksheet_set_row(ws, L->t0 - 1, 78, NULL), "setting a row height");
}

/* Writes the Uncertainty sheet. */
static void xu_uncertainty(xw *w)
{
    xu_layout_t L = {0};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_UNC));
    if (!ws)
        return;
    if (!xu_layout(w, &L)) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "laying out the Uncertainty sheet");
        xu_layout_free(&L);
        return;
    }
    rpt_xl_widths(&w->xl, ws, xu_widths, T_COUNT);
    xu_head(w, ws, &L);
    worksheet_freeze_panes(ws, L.t0, 1);
    for (size_t i = 0; i < L.nrows; i++)
        xu_table_row(w, ws, &L, i);
    xu_foot(w, ws, &L);
    if (L.live) {
        xu_inputs(w, ws, &L);
        xu_parts(w, ws, &L);
    }
    xu_layout_free(&L);
}

void xu_note(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t last, const char *text, unsigned lines)
{
    if (w->xl.err)
        return;
    rpt_xl_check(&w->xl, worksheet_merge_range(ws, row, 0, row, last, text, w->xl.f[RPT_F_WRAP]), "merging a note");
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, 15.0 * lines, NULL), "setting a row height");
}

rpt_ref xu_combined_ref(const xw *w, size_t i)
{
    return rpt_xl_ref(xw_sheet(w, IL_SHEET_UNC), XU_T0 + (lxw_row_t)i, TG, true);
}

void xu_sheets(xw *w)
{
    if (!w->u)
        return;
    xu_uncertainty(w);
    xk_sheet(w);
    if (w->u->has_mc)
        xm_sheet(w);
}
