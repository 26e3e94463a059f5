/* rpt_common.c - the label table, the texts of a Calculation row, and sector totals shared by every report. */
#include "rpt_common.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/nsum.h"

/* English and Chinese text of each label, indexed by rpt_label_id. */
static const char *const rpt_labels_table[RPT_L_COUNT][2] = {
    [RPT_L_TITLE] = {"Greenhouse gas inventory", "温室气体清单"},
    [RPT_L_INVENTORY] = {"Inventory", "清单"},
    [RPT_L_REGION] = {"Region", "地区"},
    [RPT_L_YEAR] = {"Year", "年份"},
    [RPT_L_GWP_SET] = {"GWP set", "全球增温潜势值"},
    [RPT_L_BY_GAS] = {"Emissions by gas", "按气体分排放量"},
    [RPT_L_BY_SECTOR] = {"Emissions by sector", "按部门分排放量"},
    [RPT_L_GAS] = {"Gas", "气体"},
    [RPT_L_EMISSION_T] = {"Emission (t)", "排放量 (t)"},
    [RPT_L_EMISSION_T_CO2E] = {"Emission (t CO2e)", "排放量 (t CO2当量)"},
    [RPT_L_TOTAL] = {"Total", "合计"},
    [RPT_L_MEMO_BIO] = {"Memo: biogenic CO2 (not in totals)", "信息项：生物质燃烧CO2（不计入合计）"},
    [RPT_L_SECTOR] = {"Sector", "部门"},
    [RPT_L_NAME] = {"Name", "名称"},
    [RPT_L_SHARE] = {"Share", "占比"},
    [RPT_L_CHART_SECTOR] = {"Emissions by sector (t CO2e)", "按部门分排放量 (t CO2当量)"},
    [RPT_L_CHART_GAS] = {"Emissions by gas (t CO2e)", "按气体分排放量 (t CO2当量)"},
    [RPT_L_CATEGORY] = {"Category", "类别"},
    [RPT_L_CO2_T] = {"CO2 (t)", "CO2 (t)"},
    [RPT_L_CH4_T] = {"CH4 (t)", "CH4 (t)"},
    [RPT_L_N2O_T] = {"N2O (t)", "N2O (t)"},
    [RPT_L_CO2E_T] = {"CO2e (t)", "CO2当量 (t)"},
    [RPT_L_MEMO_BIO_T] = {"Memo: biogenic CO2 (t)", "信息项：生物质CO2 (t)"},
    [RPT_L_RECORD_NO] = {"Record no.", "记录序号"},
    [RPT_L_INPUT] = {"Input", "输入位置"},
    [RPT_L_FUEL] = {"Fuel", "燃料"},
    [RPT_L_AMOUNT] = {"Amount", "活动水平"},
    [RPT_L_UNIT] = {"Unit", "单位"},
    [RPT_L_UNIT_FACTOR] = {"Unit factor", "单位换算系数"},
    [RPT_L_NCV] = {"NCV", "低位发热量"},
    [RPT_L_NCV_UNIT] = {"NCV unit", "低位发热量单位"},
    [RPT_L_ENERGY_TJ] = {"Energy (TJ)", "能量 (TJ)"},
    [RPT_L_EF] = {"EF", "排放因子"},
    [RPT_L_EF_UNIT] = {"EF unit", "排放因子单位"},
    [RPT_L_EF_FACTOR] = {"EF factor", "排放因子换算系数"},
    [RPT_L_OXIDATION] = {"Oxidation", "氧化率"},
    [RPT_L_EMISSION_T_GAS] = {"Emission (t gas)", "排放量 (t)"},
    [RPT_L_GWP] = {"GWP", "全球增温潜势"},
    [RPT_L_MEMO] = {"Memo (biogenic CO2)", "信息项（生物质CO2）"},
    [RPT_L_NCV_SOURCE] = {"NCV source", "低位发热量来源"},
    [RPT_L_EF_SOURCE] = {"EF source", "排放因子来源"},
    [RPT_L_OX_SOURCE] = {"Oxidation source", "氧化率来源"},
    [RPT_L_UNCERTAINTY] = {"Uncertainty (%)", "不确定性 (%)"},
    [RPT_L_DATA_SOURCE] = {"Data source", "数据来源"},
    [RPT_L_PARAMETER] = {"Parameter", "参数"},
    [RPT_L_VALUE] = {"Value", "数值"},
    [RPT_L_LOWER] = {"Lower", "下限"},
    [RPT_L_UPPER] = {"Upper", "上限"},
    [RPT_L_CONFIDENCE] = {"Confidence", "可信度"},
    [RPT_L_TIER] = {"Tier", "方法层级"},
    [RPT_L_SET] = {"Set", "因子集"},
    [RPT_L_REFERENCE] = {"Reference", "来源"},
    [RPT_L_NOTE] = {"Note", "备注"},
    [RPT_L_DEFINED_AT] = {"Defined at", "定义位置"},
    [RPT_L_ALL] = {"all", "全部"},
    [RPT_L_RECORD_OVERRIDE] = {"(record override)", "（记录自带）"},
    [RPT_L_TOOL] = {"Tool", "工具"},
    [RPT_L_VERSION] = {"Version", "版本"},
    [RPT_L_COMMAND] = {"Command line", "命令行"},
    [RPT_L_INV_TITLE] = {"Title", "标题"},
    [RPT_L_GWP_TITLE] = {"GWP set title", "全球增温潜势值说明"},
    [RPT_L_FACTOR_SETS] = {"Factor sets, in search order", "排放因子集（按检索顺序）"},
    [RPT_L_ID] = {"Id", "标识"},
    [RPT_L_SOURCE] = {"Source", "来源"},
    [RPT_L_INPUT_FILES] = {"Input files", "输入文件"},
    [RPT_L_PATH] = {"Path", "路径"},
    [RPT_L_SHA256] = {"SHA-256", "SHA-256"},
    [RPT_L_LANGUAGE] = {"Language", "语言"},
    [RPT_L_LANGUAGE_NAME] = {"English", "中文"},
    [RPT_L_NOTES] = {"Notes", "说明"},
    [RPT_L_METHOD_NOTE] =
        {"Emissions per gas = activity x unit factor x NCV x EF x EF factor x oxidation; CO2e = emission x GWP "
         "(IPCC 2006 Vol.2 Ch.1-2 sectoral approach). Biogenic CO2 is reported as a memo item and excluded from "
         "totals. Totals use compensated (Neumaier) summation.",
         "各气体排放量 = 活动水平 × 单位换算系数 × 低位发热量 × 排放因子 × 排放因子换算系数 × 氧化率；"
         "CO2当量 = 排放量 × 全球增温潜势（IPCC 2006 第2卷第1-2章 部门方法）。生物质燃烧产生的CO2作为信息项"
         "报告，不计入合计。合计采用补偿求和（Neumaier）。"},
    [RPT_L_INV_NOTES] = {"Inventory notes", "清单备注"},
    [RPT_L_ENERGY_INPUT] = {"(energy input)", "（能量输入）"},
    [RPT_L_OX_DEFAULT] = {"default: complete oxidation (IPCC 2006 Vol.2 Ch.1)",
                          "默认：完全氧化（IPCC 2006 第2卷第1章）"},
    [RPT_L_ACTIVITY] = {"Activity", "活动"},
    [RPT_L_TERM] = {"Term", "参数"},
    [RPT_L_TERM_NAME] = {": name [unit]", "：名称 [单位]"},
    [RPT_L_TERM_SOURCE] = {": source", "：来源"},
    [RPT_L_TERM_MUL] = {"x value", "× 数值"},
    [RPT_L_TERM_ONE_MINUS] = {"enters as (1 - value)", "以 (1 - 数值) 计入"},
    [RPT_L_TERM_ONE_PLUS] = {"enters as (1 + value)", "以 (1 + 数值) 计入"},
    [RPT_L_TERM_EF] = {"emission factor", "排放因子"},
    [RPT_L_ENTERS_AS] = {"Enters as", "计入方式"},
    [RPT_L_CONVERSION] = {"Conversion (to t of gas)", "换算系数（至 t 气体）"},
    [RPT_L_CONVERSION_NOTE] = {"Conversion note", "换算说明"},
    [RPT_L_FUEL_ACTIVITY] = {"Fuel / activity", "燃料/活动"},
    [RPT_L_TOTAL_EXCL_LULUCF] = {"Total excluding LULUCF (3.B)", "合计（不含土地利用、土地利用变化和林业 3.B）"},
    [RPT_L_LULUCF] = {"LULUCF (3.B), net", "土地利用、土地利用变化和林业（3.B）净排放"},
    [RPT_L_TOTAL_INCL_LULUCF] = {"Total including LULUCF (net)", "合计（含土地利用、土地利用变化和林业，净排放）"},
    [RPT_L_REMOVALS] = {"Net removals by sector (negative; not in the pie chart)",
                        "按部门分净吸收量（负值；不计入饼图）"},
    [RPT_L_PIE_NOTE] =
        {"The pie chart shows the sectors with net emissions, as shares of their sum. Sectors with net removals "
         "(such as 3.B forest land) cannot be pie slices: they are listed under net removals and shown in the "
         "chart of totals with and without LULUCF.",
         "饼图显示净排放部门及其占净排放部门合计的比例。净吸收部门（如 3.B 林地）不能作为饼图扇区，"
         "单独列于净吸收量表中，并显示在含与不含土地利用、土地利用变化和林业的合计图中。"},
    [RPT_L_CHART_TOTALS] = {"Totals with and without LULUCF (t CO2e)",
                            "含与不含土地利用、土地利用变化和林业的合计 (t CO2当量)"},
    [RPT_L_SECTOR_NOTE] =
        {"Sectors: fuel combustion is grouped at 1.A.1-1.A.5 (third level), every other sector at its second "
         "level (2.A, 2.B, 2.C, 3.A, 3.B, 3.C, 4.A, 4.B, 4.C, 4.D). Records outside 1.A use the product method "
         "(amount x terms x EF x conversion, one sheet per sector); solid waste disposal (4.A) uses the IPCC "
         "first-order-decay model (sheet Landfill (FOD)). LULUCF is 3.B: totals are given with and without it.",
         "部门划分：化石燃料燃烧按第三级（1.A.1-1.A.5）汇总，其他部门按第二级（2.A、2.B、2.C、3.A、3.B、3.C、"
         "4.A、4.B、4.C、4.D）汇总。1.A 以外的记录采用连乘法（活动水平 × 各参数 × 排放因子 × "
         "换算系数，每个部门一张表）；"
         "固体废弃物处置（4.A）采用 IPCC 一阶衰减模型（Landfill (FOD) 表）。土地利用、土地利用变化和林业为 3.B，"
         "合计分别给出含与不含该部门的数值。"},
    [RPT_L_SHARE_GROSS] = {"Share of the sectors with net emissions", "占净排放部门合计的比例"},
    [RPT_L_FOD_TITLE] = {"Solid waste disposal (4.A): first-order decay (IPCC 2006 Vol.5 Ch.3)",
                         "固体废弃物处置（4.A）：一阶衰减模型（IPCC 2006 第5卷第3章）"},
    [RPT_L_FOD_NOTE] =
        {"Per site: the parameters, one table per waste type (Gg) and the summary by year. The inventory-year "
         "row of the summary (highlighted) is the site's CH4 emission; it enters the FOD results below, and from "
         "there the Summary and the Sectoral table.",
         "每个填埋场：参数、每种废弃物一张表（Gg）和逐年汇总。汇总表中清单年份一行（高亮）为该填埋场的CH4排放量，"
         "计入下方的一阶衰减结果，并由此计入汇总表和部门报告表。"},
    [RPT_L_FOD_RESULTS] = {"FOD results (enter the Summary and the Sectoral table)",
                           "一阶衰减结果（计入汇总表和部门报告表）"},
    [RPT_L_SITE] = {"Site", "填埋场"},
    [RPT_L_SITE_TYPE] = {"Site type", "填埋场类型"},
    [RPT_L_CLIMATE] = {"Climate zone", "气候区"},
    [RPT_L_DEPOSIT_UNIT] = {"Deposits in", "填埋量单位"},
    [RPT_L_UNIT_TO_GG] = {"Unit factor to Gg", "换算至 Gg 的系数"},
    [RPT_L_DEPOSIT_SOURCE] = {"Deposits source", "填埋量来源"},
    [RPT_L_SITE_SOURCE] = {"Site source", "填埋场数据来源"},
    [RPT_L_MCF] = {"MCF (methane correction factor)", "MCF（甲烷修正因子）"},
    [RPT_L_DOCF] = {"DOCf (fraction of DOC that decomposes)", "DOCf（可分解的DOC比例）"},
    [RPT_L_F] = {"F (fraction of CH4 in landfill gas)", "F（填埋气中CH4的比例）"},
    [RPT_L_OX] = {"OX (oxidation factor)", "OX（氧化因子）"},
    [RPT_L_DELAY] = {"Delay (months)", "延迟时间（月）"},
    [RPT_L_MONTH_START] = {"M = delay + 7 (month the reaction starts)", "M = 延迟 + 7（反应开始月份）"},
    [RPT_L_WASTE_TYPE] = {"Waste type", "废弃物类型"},
    [RPT_L_DOC] = {"DOC (fraction of wet weight)", "DOC（湿重比例）"},
    [RPT_L_DOC_SOURCE] = {"DOC source", "DOC来源"},
    [RPT_L_K] = {"k (1/yr)", "k (1/年)"},
    [RPT_L_K_SOURCE] = {"k source", "k来源"},
    [RPT_L_EXP_K] = {"e^-k", "e^-k"},
    [RPT_L_ONE_MINUS_EXP_K] = {"1 - e^-k", "1 - e^-k"},
    [RPT_L_EXP_DEP] = {"e^(-k(13-M)/12)", "e^(-k(13-M)/12)"},
    [RPT_L_ONE_MINUS_EXP_DEP] = {"1 - e^(-k(13-M)/12)", "1 - e^(-k(13-M)/12)"},
    [RPT_L_DEPOSIT] = {"Deposited (input unit)", "填埋量（输入单位）"},
    [RPT_L_W_GG] = {"W (Gg)", "W (Gg)"},
    [RPT_L_DDOCMD] = {"DDOCmd = W x DOC x DOCf x MCF", "DDOCmd = W × DOC × DOCf × MCF"},
    [RPT_L_DDOCM_UNREACTED] = {"DDOCm not reacted in the deposit year = DDOCmd x e^(-k(13-M)/12)",
                               "当年未反应的DDOCm = DDOCmd × e^(-k(13-M)/12)"},
    [RPT_L_DDOCM_DEP_DECOMP] = {"DDOCm decomposed in the deposit year = DDOCmd x (1 - e^(-k(13-M)/12))",
                                "当年分解的DDOCm = DDOCmd × (1 - e^(-k(13-M)/12))"},
    [RPT_L_DDOCMA] = {"DDOCma = not reacted + DDOCma(prev) x e^-k", "DDOCma = 未反应量 + 上年DDOCma × e^-k"},
    [RPT_L_DDOCM_DECOMP] = {"DDOCm decomposed = deposit-year part + DDOCma(prev) x (1 - e^-k)",
                            "分解的DDOCm = 当年分解量 + 上年DDOCma × (1 - e^-k)"},
    [RPT_L_CH4_GEN] = {"CH4 generated = decomposed x F x 16/12", "CH4产生量 = 分解量 × F × 16/12"},
    [RPT_L_FOD_TABLE] = {"DDOCm and CH4 by year (Gg)", "逐年DDOCm与CH4 (Gg)"},
    [RPT_L_SITE_SUMMARY] = {"Site summary by year (Gg CH4 unless stated)", "填埋场逐年汇总（除注明外单位为 Gg CH4）"},
    [RPT_L_CH4_GEN_TOTAL] = {"Total CH4 generated", "CH4产生总量"},
    [RPT_L_CH4_GEN_TYPE] = {"CH4 generated", "CH4产生量"},
    [RPT_L_RECOVERY] = {"R: CH4 recovered", "R：CH4回收量"},
    [RPT_L_NET] = {"Generated - R", "产生量 - R"},
    [RPT_L_CH4_OXIDISED] = {"CH4 oxidised = (generated - R) x OX", "CH4氧化量 = (产生量 - R) × OX"},
    [RPT_L_CH4_EMITTED_GG] = {"CH4 emitted = (generated - R) x (1 - OX)", "CH4排放量 = (产生量 - R) × (1 - OX)"},
    [RPT_L_CH4_EMITTED_T] = {"CH4 emitted (t)", "CH4排放量 (t)"},
    [RPT_L_BUILTIN] = {"built-in default", "内置默认值"},
    [RPT_L_INPUT_VALUE] = {"input", "输入"},
    [RPT_L_FOD_MODEL] = {"first-order decay (4.A)", "一阶衰减模型（4.A）"},
};

const rpt_label_id rpt_calc_labels[RPT_C_COUNT] = {
    RPT_L_RECORD_NO,  RPT_L_INPUT,          RPT_L_CATEGORY,  RPT_L_SECTOR,          RPT_L_FUEL,
    RPT_L_GAS,        RPT_L_AMOUNT,         RPT_L_UNIT,      RPT_L_UNIT_FACTOR,     RPT_L_NCV,
    RPT_L_NCV_UNIT,   RPT_L_ENERGY_TJ,      RPT_L_EF,        RPT_L_EF_UNIT,         RPT_L_EF_FACTOR,
    RPT_L_OXIDATION,  RPT_L_EMISSION_T_GAS, RPT_L_GWP,       RPT_L_EMISSION_T_CO2E, RPT_L_MEMO,
    RPT_L_NCV_SOURCE, RPT_L_EF_SOURCE,      RPT_L_OX_SOURCE, RPT_L_UNCERTAINTY,     RPT_L_DATA_SOURCE,
};

/* Looks up label `id`; an id outside the table (or a missing entry) gives
 * "", so a report never prints NULL. */
const char *rpt_label(rpt_label_id id, bool zh)
{
    if ((unsigned)id >= RPT_L_COUNT)
        return "";
    const char *s = rpt_labels_table[id][zh ? 1 : 0];
    return s ? s : "";
}

/* The source of a factor hit: its set and reference; empty without a
 * value. */
rpt_src rpt_hit_src(const eng_hit *h)
{
    if (!h->v)
        return (rpt_src){NULL, NULL};
    return (rpt_src){h->set_id ? h->set_id : "", h->v->ref && *h->v->ref ? h->v->ref : NULL};
}

/* Joins set and ref with ": "; see rpt_common.h. */
char *rpt_src_join(const rpt_src *s, char *stack, size_t stack_len)
{
    if (!s->set) {
        stack[0] = '\0';
        return stack;
    }
    size_t need = strlen(s->set) + (s->ref ? 2 + strlen(s->ref) : 0) + 1;
    char *buf = need <= stack_len ? stack : malloc(need);
    if (buf)
        snprintf(buf, need, "%s%s%s", s->set, s->ref ? ": " : "", s->ref ? s->ref : "");
    return buf;
}

/* Fills the text cells of line `l`: the input position, sector, units,
 * memo flag and the three sources. The oxidation source is given for CO2
 * only; without an oxidation factor it names the default of 1. */
void rpt_line_text_fill(const eng_result *r, const eng_line *l, bool zh, rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(r), l->rec);
    const eng_res *res = l->res;
    rpt_record_where(r, l->rec, t->input, sizeof t->input);
    rpt_sector_of(rec->category, t->sector, sizeof t->sector);
    if (l->chain) { /* product method: no NCV, no oxidation column */
        t->ncv_unit = "";
        t->ef_unit = l->chain->ef.v ? l->chain->ef.v->unit_text : "";
        t->memo = RPT_MEMO_NO;
        t->ncv_src = (rpt_src){NULL, NULL};
        t->ef_src = rpt_hit_src(&l->chain->ef);
        t->ox_src = (rpt_src){NULL, NULL};
        return;
    }
    t->ncv_unit = res->energy_input || !res->ncv.v ? rpt_label(RPT_L_ENERGY_INPUT, zh) : res->ncv.v->unit_text;
    t->ef_unit = res->ef[l->gas].v ? res->ef[l->gas].v->unit_text : "";
    t->memo = l->memo ? RPT_MEMO_YES : RPT_MEMO_NO;
    t->ncv_src = rpt_hit_src(&res->ncv);
    t->ef_src = rpt_hit_src(&res->ef[l->gas]);
    t->ox_src = (rpt_src){NULL, NULL};
    if (l->gas == GAS_CO2 && res->oxid.v)
        t->ox_src = rpt_hit_src(&res->oxid);
    else if (l->gas == GAS_CO2)
        t->ox_src = (rpt_src){rpt_label(RPT_L_OX_DEFAULT, zh), NULL};
}

/* Depth 3 under 1.A (1.A.1 .. 1.A.5), depth 2 elsewhere (2.A, 3.B, ...). */
unsigned rpt_sector_depth(const char *code)
{
    return cat_under(code, "1.A") ? RPT_SECTOR_DEPTH : RPT_SECTOR_DEPTH_OTHER;
}

void rpt_sector_of(const char *code, char *buf, size_t len) { cat_ancestor(code, rpt_sector_depth(code), buf, len); }

/* Steps over one sector's categories; see rpt_common.h. Sorted codes keep a
 * sector together: every code under "1.A.1" starts with "1.A.1." and no
 * valid code sorts between "1.A.1" and those. */
bool rpt_sector_next(const eng_cat_total *cats, size_t n, size_t *i, size_t *first, char *code, size_t len)
{
    if (*i >= n)
        return false;
    char other[64];
    *first = *i;
    rpt_sector_of(cats[*i].category, code, len);
    for ((*i)++; *i < n; (*i)++) {
        rpt_sector_of(cats[*i].category, other, sizeof other);
        if (strcmp(other, code) != 0)
            break;
    }
    return true;
}

/* Adds up cats[first..end) with compensated sums, category by category in
 * order, exactly as eng_total_under() does. */
eng_cat_total rpt_group_total(const eng_cat_total *cats, size_t first, size_t end, const char *code)
{
    eng_cat_total t = {.category = code};
    nsum s[GAS_COUNT] = {{0}}, co2e = {0}, memo = {0}, energy = {0};
    for (size_t i = first; i < end; i++) {
        for (int g = 0; g < GAS_COUNT; g++)
            nsum_add(&s[g], cats[i].t[g]);
        nsum_add(&co2e, cats[i].t_co2e);
        nsum_add(&memo, cats[i].memo_bio_co2_t);
        nsum_add(&energy, cats[i].energy_tj);
        t.records += cats[i].records;
    }
    for (int g = 0; g < GAS_COUNT; g++)
        t.t[g] = nsum_value(&s[g]);
    t.t_co2e = nsum_value(&co2e);
    t.memo_bio_co2_t = nsum_value(&memo);
    t.energy_tj = nsum_value(&energy);
    return t;
}

/* Adds up the categories not under `prefix`, category by category in
 * order, as eng_total_under() does for the ones under it. */
eng_cat_total rpt_total_except(const eng_result *r, const char *prefix)
{
    const eng_cat_total *cats;
    size_t n = eng_categories(r, &cats);
    eng_cat_total t = {.category = ""};
    nsum s[GAS_COUNT] = {{0}}, co2e = {0}, memo = {0}, energy = {0};
    for (size_t i = 0; i < n; i++) {
        if (cat_under(cats[i].category, prefix))
            continue;
        for (int g = 0; g < GAS_COUNT; g++)
            nsum_add(&s[g], cats[i].t[g]);
        nsum_add(&co2e, cats[i].t_co2e);
        nsum_add(&memo, cats[i].memo_bio_co2_t);
        nsum_add(&energy, cats[i].energy_tj);
        t.records += cats[i].records;
    }
    for (int g = 0; g < GAS_COUNT; g++)
        t.t[g] = nsum_value(&s[g]);
    t.t_co2e = nsum_value(&co2e);
    t.memo_bio_co2_t = nsum_value(&memo);
    t.energy_tj = nsum_value(&energy);
    return t;
}

/* t CH4 of the inventory year: Gg x 1000, as eng_run_fod() adds it. */
double rpt_fod_emission_t(const eng_result *r, const fod_result *f)
{
    double gg;
    if (!fod_emission_gg(f, (int)eng_inventory(r)->year, &gg))
        return 0.0;
    return gg * 1000.0;
}

/* Sums every non-memo line's CO2e per gas over all records, then each
 * landfill site's CH4 x GWP (as the engine adds it to its category). */
void rpt_gas_co2e(const eng_result *r, double out_t_co2e[GAS_COUNT])
{
    nsum s[GAS_COUNT] = {{0}};
    eng_line lines[GAS_COUNT];
    const inventory *inv = eng_inventory(r);
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(r, i, lines);
        for (size_t k = 0; k < n; k++)
            if (!lines[k].memo)
                nsum_add(&s[lines[k].gas], lines[k].emission_t_co2e);
    }
    const fod_result *fod;
    size_t nfod = eng_fod(r, &fod);
    for (size_t i = 0; i < nfod; i++)
        nsum_add(&s[GAS_CH4], rpt_fod_emission_t(r, &fod[i]) * eng_gwp(r)->gwp[GAS_CH4]);
    for (int g = 0; g < GAS_COUNT; g++)
        out_t_co2e[g] = nsum_value(&s[g]);
}

bool rpt_gas_shown(const eng_result *r, gas_id g)
{
    if (g < GAS_MAIN)
        return true;
    return eng_total_under(r, "").t[g] != 0;
}

const char *rpt_term_kind_text(fset_term kind, bool zh)
{
    switch (kind) {
    case FSET_TERM_MUL:
        return rpt_label(RPT_L_TERM_MUL, zh);
    case FSET_TERM_ONE_MINUS:
        return rpt_label(RPT_L_TERM_ONE_MINUS, zh);
    case FSET_TERM_ONE_PLUS:
        return rpt_label(RPT_L_TERM_ONE_PLUS, zh);
    case FSET_TERM_EF:
        return rpt_label(RPT_L_TERM_EF, zh);
    default:
        return "";
    }
}

/* A x value term shows its unit as written; a (1 - x) / (1 + x) term holds
 * a plain fraction (80 % is 0.8), so it says how it enters instead. */
void rpt_term_name(const eng_line *l, unsigned k, bool zh, char *buf, size_t len)
{
    const eng_hit *h = &l->chain->term[k];
    if (l->chain->kind[k] == FSET_TERM_MUL)
        rpt_fmt(buf, len, "%s [%s]", h->param, h->v->unit_text ? h->v->unit_text : "");
    else
        rpt_fmt(buf, len, "%s: %s [1]", h->param, rpt_term_kind_text(l->chain->kind[k], zh));
}

void rpt_num_text(double v, char *buf, size_t len)
{
    /* Whole numbers (amounts, GWPs, many factors) need no digit search: below
     * 1e15 (under 2^53) a whole double is an exact integer and %lld prints it
     * in its fewest digits. */
    if (v == trunc(v) && fabs(v) < 1e15) {
        snprintf(buf, len, "%lld", (long long)v);
        if (v == 0 && signbit(v))
            snprintf(buf, len, "-0");
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, len, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* Counts the lines of every record. */
size_t rpt_line_count(const eng_result *r)
{
    eng_line lines[GAS_COUNT];
    const inventory *inv = eng_inventory(r);
    size_t total = 0;
    for (size_t i = 0; i < inv->n; i++)
        total += eng_lines(r, i, lines);
    return total;
}

/* Writes "path:line" of record i; the path alone when the line is unknown. */
void rpt_record_where(const eng_result *r, size_t i, char *buf, size_t len)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, i);
    const char *path = inv->path ? inv->path : "";
    if (rec->at.line)
        rpt_fmt(buf, len, "%s:%u", path, rec->at.line);
    else
        rpt_fmt(buf, len, "%s", path);
}

/* Formats into buf; when the text was cut, drops a trailing incomplete
 * UTF-8 sequence (a lead byte followed by fewer continuation bytes than it
 * announces). */
void rpt_fmt(char *buf, size_t len, const char *fmt, ...)
{
    if (len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n < len)
        return;
    size_t end = strlen(buf), lead = end;
    while (lead > 0 && end - lead < 4 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (end - (lead - 1) < need)
        buf[lead - 1] = '\0';
}

/* Closes f and turns a failed write or close into a message. */
int rpt_fclose(FILE *f, const char *path, char *err, size_t errlen)
{
    int bad = ferror(f);
    int saved = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad)
        return 0;
    snprintf(err, errlen, "writing '%s': %s", path, strerror(saved ? saved : EIO));
    return -1;
}

void rpt_json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

void rpt_print_num(FILE *f, double v)
{
    char buf[32];
    rpt_num_text(v, buf, sizeof buf);
    fputs(buf, f);
}

void rpt_json_num(FILE *f, double v)
{
    if (isfinite(v))
        rpt_print_num(f, v);
    else
        fputs("null", f);
}
