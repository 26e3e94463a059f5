/* intensity_xlsx.c - the intensity workbook: its labels, shared helpers, the About sheet and the writer. */
#include <stdio.h>
#include <string.h>

#include "intensity_xlsx.h"
#include "rpt_about.h"

/* English and Chinese text of each of the workbook's labels. */
static const rpt_text iw_texts[IWL_END] = {
    [IWL_HEADLINE] = {" [headline]", "【主口径】"},
    [IWL_UNIT_CO2_GDP] = {"t CO2 / 10^4 yuan", "吨CO2/万元"},
    [IWL_UNIT_ENERGY_GDP] = {"tce / 10^4 yuan", "吨标准煤/万元"},
    [IWL_UNIT_CO2E_GDP] = {"t CO2e / 10^4 yuan", "吨CO2当量/万元"},
    [IWL_UNIT_SHARE] = {"share", "比重"},
    [IWL_MET] = {"met", "已达标"},
    [IWL_ON_TRACK] = {"on track", "进度符合"},
    [IWL_OFF_TRACK] = {"off track", "进度滞后"},
    [IWL_MISSED] = {"missed", "未达标"},
    [IWL_EXP_MET] = {"expected met", "预计达标"},
    [IWL_EXP_ON_TRACK] = {"expected on track", "预计进度符合"},
    [IWL_EXP_OFF_TRACK] = {"expected off track", "预计进度滞后"},
    [IWL_EXP_MISSED] = {"expected missed", "预计未达标"},
    [IWL_ILLUSTRATIVE] = {"ILLUSTRATIVE", "示意值"},
    [IWL_PATHS] = {"Intensity and target paths (chart data)", "强度与目标路径（图表数据）"},
    [IWL_CO2_GDP] = {"CO2 per GDP", "单位GDP二氧化碳排放"},
    [IWL_ENERGY_GDP] = {"Energy per GDP", "单位GDP能耗"},
    [IWL_PATH] = {"Path", "目标路径"},
    [IWL_TOTAL_CO2E] = {"Total (t CO2e)", "合计 (t CO2当量)"},
    [IWL_CHART_PATHS] = {"Intensity against the target path", "强度与目标路径"},
    [IWL_CHART_PATHS_AXIS] = {"t CO2 or tce per 10^4 yuan", "吨CO2或吨标准煤/万元"},
    [IWL_MIX0 + INT_MIX_COAL] = {"Coal", "煤炭"},
    [IWL_MIX0 + INT_MIX_OTHER_FOSSIL] = {"Oil, gas, other fossil", "油气及其他"},
    [IWL_MIX0 + INT_MIX_HEAT] = {"Heat received", "调入热力"},
    [IWL_MIX0 + INT_MIX_PRIMARY_ELEC] = {"Primary electricity", "一次电力"},
    [IWL_MIX0 + INT_MIX_NET_IMPORT_ELEC] = {"Net imported electricity", "净调入电力"},
    [IWL_ENERGY_MIX] = {"Energy mix", "能源消费结构"},
    [IWL_BY_SECTOR] = {"Emissions by sector", "按部门分排放量"},
    [IWL_ABOUT_TITLE] = {"ghgcalc intensity", "ghgcalc 强度指标"},
    [IWL_SERIES] = {"Series", "序列"},
    [IWL_BASE_YEAR] = {"Base year", "基准年"},
    [IWL_PRICE_BASE] = {"Price base", "价格基期"},
    [IWL_PRICE_BASE_NOTE] = {"GDP at constant prices of this year; real = nominal x 100 / deflator",
                             "可比价GDP的价格基期；可比价 = 现价 x 100 / 平减指数"},
    [IWL_HEADLINE_METHOD] = {"Headline electricity method (targets use it)", "主口径电力折算方法（用于目标评估）"},
    [IWL_CALORIFIC_NOTE] = {": calorific equivalent (GB/T 2589 当量值), electricity at its standard-coal coefficient",
                            "：当量值（GB/T 2589），电力按折标准煤系数"},
    [IWL_COAL_RATE_NOTE] = {": coal-consumption method (发电煤耗法), electricity at the year's generation coal rate",
                            "：发电煤耗法，电力按当年发电煤耗折算"},
    [IWL_BOTH_METHODS] = {"Both methods", "两种方法"},
    [IWL_BOTH_METHODS_NOTE] =
        {"the Indicators sheet shows energy, energy intensity and shares by both methods; only "
         "electricity (primary and net imported) differs between them",
         "指标表同时给出两种方法的能耗、能耗强度和比重；两者仅电力（一次电力和净调入电力）折算不同"},
    [IWL_SCE_SETS] = {"Standard-coal coefficients from", "折标准煤系数来源"},
    [IWL_NONE] = {"(none)", "（无）"},
    [IWL_TARGETS] = {"Targets", "目标"},
    [IWL_TARGETS_SOURCE] = {"Targets source", "目标来源"},
    [IWL_CONSISTENCY] = {"Consistency", "口径一致性"},
    [IWL_INCONSISTENT] = {"WARNING: the inventories are not computed alike:", "警告：各年清单计算口径不一致："},
    [IWL_CONSISTENT] = {"every inventory uses the same factor sets and GWP set:",
                        "各年清单使用相同的排放因子集和全球增温潜势值："},
    [IWL_NOTES_TEXT] =
        {"CO2 = energy-related fossil CO2 (IPCC 1.A, biogenic CO2 excluded); CO2e = all direct GHG of "
         "the inventory. Per GDP = per 10^4 yuan at constant prices. Energy = sum of amount x "
         "standard-coal coefficient. Coal share = coal and coal products / energy; non-fossil share "
         "= primary electricity / energy. See docs/intensity.md.",
         "CO2为能源活动化石燃料CO2（IPCC 1.A，不含生物质CO2）；CO2当量为清单全部直接温室气体。单位GDP指"
         "每万元可比价GDP。能耗 = 实物量 x 折标准煤系数之和。煤炭比重 = 煤炭及制品 / 能耗；非化石能源比重 "
         "= 一次电力 / 能耗。详见 docs/intensity.md。"},
    [IWL_SERIES_NOTES] = {"Series notes", "序列说明"},
    [IWL_DOC_TITLE] = {"Intensity indicators", "强度指标"},
    [IWL_SHEET_INDICATORS] = {"Indicators", "指标"},
    [IWL_SHEET_TARGETS] = {"Targets", "目标"},
    [IWL_SHEET_CHARTS] = {"Charts", "图表"},
    [IWL_SHEET_ENERGY] = {"Energy", "能源消费"},
    [IWL_SHEET_INPUTS] = {"Inputs", "输入数据"},
    [IWL_SHEET_SECTORS] = {"Sectors", "部门排放"},
    [IWL_KIND0 + SER_FOSSIL] = {NULL, "化石能源"},
    [IWL_KIND0 + SER_PRIMARY_ELECTRICITY] = {NULL, "一次电力"},
    [IWL_KIND0 + SER_NET_IMPORT_ELECTRICITY] = {NULL, "净调入电力"},
    [IWL_KIND0 + SER_HEAT] = {NULL, "热力"},
    [IWL_METHOD0 + SER_CALORIFIC] = {NULL, "当量值"},
    [IWL_METHOD0 + SER_COAL_RATE] = {NULL, "发电煤耗法"},
    [IWL_IND0 + SER_IND_CO2_PER_GDP] = {NULL, "单位GDP二氧化碳排放"},
    [IWL_IND0 + SER_IND_ENERGY_PER_GDP] = {NULL, "单位GDP能耗"},
    [IWL_IND0 + SER_IND_CO2E_PER_GDP] = {NULL, "单位GDP温室气体排放"},
    [IWL_IND0 + SER_IND_COAL_SHARE] = {NULL, "煤炭消费比重"},
    [IWL_IND0 + SER_IND_NON_FOSSIL_SHARE] = {NULL, "非化石能源比重"},
    [IWL_IND0 + SER_IND_ELECTRICITY_SHARE] = {NULL, "电能占终端能源消费比重"},
    [IWL_TKIND0 + SER_REDUCTION] = {NULL, "下降"},
    [IWL_TKIND0 + SER_CEILING] = {NULL, "上限"},
    [IWL_TKIND0 + SER_FLOOR] = {NULL, "下限"},
    [IWL_PRICES_CONSTANT] = {"constant", "可比价"},
    [IWL_PRICES_CURRENT] = {"current", "现价"},
    [IWL_CHART_CO2_PATH] = {"CO2 per GDP against the target paths", "单位GDP二氧化碳排放与目标路径"},
    [IWL_CHART_ENERGY_PATH] = {"Energy per GDP against the target paths", "单位GDP能耗与目标路径"},
    [IWL_T_CO2E] = {"t CO2e", "吨CO2当量"},
    [IWL_TCE] = {"tce", "吨标准煤"},
};

static const rpt_labels iw_labels = {iw_texts, IWL_END};

/* ------------------------------------------------------------- helpers */

const char *iw_label(const iw *w, rpt_label_id id) { return rpt_xl_label(&w->xl, id); }

const char *iw_sheet(const iw *w, rpt_label_id id) { return iw_label(w, id); }

/* In English the engine's names (the YAML's and the JSON's words); in
 * Chinese the labels. */
const char *iw_kind_text(const iw *w, ser_kind k)
{
    return w->zh && (unsigned)k < SER_NKINDS ? iw_label(w, IWL_KIND0 + (rpt_label_id)k) : ser_kind_name(k);
}

const char *iw_method_text(const iw *w, ser_method m)
{
    return w->zh && (unsigned)m < SER_NMETHODS ? iw_label(w, IWL_METHOD0 + (rpt_label_id)m) : ser_method_name(m);
}

const char *iw_indicator_text(const iw *w, ser_indicator i)
{
    return w->zh && (unsigned)i < SER_NIND ? iw_label(w, IWL_IND0 + (rpt_label_id)i) : ser_indicator_name(i);
}

const char *iw_tkind_text(const iw *w, ser_target_kind k)
{
    return w->zh && (unsigned)k <= SER_FLOOR ? iw_label(w, IWL_TKIND0 + (rpt_label_id)k) : ser_target_kind_name(k);
}

const char *iw_group_text(const iw *w, int_mix g)
{
    return w->zh && (unsigned)g < INT_NMIX ? iw_label(w, IWL_MIX0 + (rpt_label_id)g) : int_mix_name(g);
}

void iw_header(iw *w, lxw_worksheet *ws, lxw_row_t row, const iw_head *h, size_t n)
{
    char buf[64][256];
    const char *texts[64];
    n = n < 64 ? n : 64;
    for (size_t i = 0; i < n; i++) {
        bool headline = h[i].method >= 0 && (ser_method)h[i].method == w->r->s->method;
        rpt_fmt(buf[i], sizeof buf[i], "%s%s", rpt_tr(&h[i].text, w->zh), headline ? iw_label(w, IWL_HEADLINE) : "");
        texts[i] = buf[i];
    }
    rpt_xl_header_strs(&w->xl, ws, row, 0, texts, n);
}

void iw_widths(iw *w, lxw_worksheet *ws, size_t n, double first, double rest)
{
    rpt_xl_width(&w->xl, ws, 0, 0, first);
    if (n > 1)
        rpt_xl_width(&w->xl, ws, 1, (lxw_col_t)(n - 1), rest);
}

lxw_worksheet *iw_table_sheet(iw *w, const char *name, const iw_head *h, size_t n, double first, double rest,
                              lxw_col_t freeze_cols)
{
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, name);
    if (!ws)
        return NULL;
    iw_widths(w, ws, n, first, rest);
    iw_header(w, ws, 0, h, n);
    rpt_xl_freeze(&w->xl, ws, 1, freeze_cols);
    return ws;
}

lxw_col_t iw_ind_col(ser_indicator ind, ser_method m)
{
    switch (ind) {
    case SER_IND_CO2_PER_GDP:
        return ID_CO2_GDP;
    case SER_IND_ENERGY_PER_GDP:
        return (lxw_col_t)(ID_EN_GDP + m);
    case SER_IND_CO2E_PER_GDP:
        return ID_CO2E_GDP;
    case SER_IND_COAL_SHARE:
        return (lxw_col_t)(ID_COAL + m);
    case SER_IND_NON_FOSSIL_SHARE:
        return (lxw_col_t)(ID_NONFOSSIL + m);
    default:
        return ID_ELEC;
    }
}

/* --------------------------------------------------------------- About */

/* Writes the run and the series' identity and settings on About. */
static void iw_about_run(iw *w, rpt_about *a)
{
    const ser_series *s = w->r->s;
    char buf[1024];
    rpt_about_run(a, w->m);
    rpt_about_pair(a, iw_label(w, IWL_SERIES), s->id);
    rpt_about_pair(a, iw_label(w, RPT_L_TITLE), s->title);
    rpt_about_pair(a, iw_label(w, RPT_L_REGION), s->region);
    snprintf(buf, sizeof buf, "%ld", s->base_year);
    rpt_about_pair(a, iw_label(w, IWL_BASE_YEAR), buf);
    snprintf(buf, sizeof buf, "%ld (%s)", s->price_base, iw_label(w, IWL_PRICE_BASE_NOTE));
    rpt_about_pair(a, iw_label(w, IWL_PRICE_BASE), buf);
    rpt_fmt(buf, sizeof buf, "%s%s", iw_method_text(w, s->method),
            iw_label(w, s->method == SER_CALORIFIC ? IWL_CALORIFIC_NOTE : IWL_COAL_RATE_NOTE));
    rpt_about_pair(a, iw_label(w, IWL_HEADLINE_METHOD), buf);
    rpt_about_pair(a, iw_label(w, IWL_BOTH_METHODS), iw_label(w, IWL_BOTH_METHODS_NOTE));
    rpt_about_language(a);
}

/* Writes the coefficient sets, the targets file, the consistency note and
 * the notes on About. */
static void iw_about_sets(iw *w, rpt_about *a)
{
    const ser_series *s = w->r->s;
    char buf[2048];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < s->norder && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "", s->order[i]->id);
    rpt_about_pair(a, iw_label(w, IWL_SCE_SETS), buf);
    rpt_fmt(buf, sizeof buf, "%s%s%s", s->targets_id ? s->targets_id : iw_label(w, IWL_NONE),
            s->targets_title ? ": " : "", s->targets_title ? s->targets_title : "");
    rpt_about_pair(a, iw_label(w, IWL_TARGETS), buf);
    rpt_about_pair(a, iw_label(w, IWL_TARGETS_SOURCE), s->targets_source);
    if (w->r->consistency[0])
        rpt_fmt(buf, sizeof buf, "%s %s", iw_label(w, IWL_INCONSISTENT), w->r->consistency);
    else
        rpt_fmt(buf, sizeof buf, "%s [%s], GWP %s", iw_label(w, IWL_CONSISTENT), w->r->inv[0].sets,
                w->r->inv[0].gwp_id);
    rpt_about_pair(a, iw_label(w, IWL_CONSISTENCY), buf);
    rpt_about_pair(a, iw_label(w, RPT_L_NOTES), iw_label(w, IWL_NOTES_TEXT));
    rpt_about_pair(a, iw_label(w, IWL_SERIES_NOTES), s->notes);
}

/* Writes the About sheet: the run and the series, the coefficient sets,
 * targets and notes, then the input files. */
static void iw_about(iw *w)
{
    static const double widths[] = {44, 100};
    rpt_about a;
    rpt_about_start(&a, &w->xl, NULL, widths, 2, iw_label(w, IWL_ABOUT_TITLE));
    iw_about_run(w, &a);
    rpt_about_gap(&a);
    iw_about_sets(w, &a);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, w->m);
    rpt_about_end(&a);
}

/* ---------------------------------------------------------- the writer */

/* Writes the workbook; sheets in the order Indicators, Targets, Charts,
 * Energy, Inputs, Sectors, About. */
int rpt_intensity_xlsx(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    iw w = {.r = r, .m = m, .zh = m->zh};
    char title[512];
    if (!rpt_xl_open(&w.xl, path, m, &iw_labels, err, errlen))
        return -1;
    rpt_xl_footer(&w.xl, r->s->title ? r->s->title : r->s->id);
    rpt_fmt(title, sizeof title, "%s %s", iw_label(&w, IWL_DOC_TITLE), r->s->id ? r->s->id : "");
    rpt_xl_properties(&w.xl, title, r->s->region ? r->s->region : "");
    iw_indicators(&w);
    iw_targets(&w);
    iw_charts(&w);
    iw_energy(&w);
    iw_inputs(&w);
    iw_sectors(&w);
    iw_about(&w);
    return rpt_xl_close(&w.xl, path, err, errlen);
}
