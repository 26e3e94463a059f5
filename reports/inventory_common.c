/* inventory_common.c - the inventory writers' labels, the texts of a Calculation row, sector walking and totals. */
#include "inventory_common.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"

/* English and Chinese text of each label, indexed by its IL_* id. */
static const rpt_text il_texts[IL_END] = {
    [IL_TITLE] = {"Greenhouse gas inventory", "温室气体清单"},
    [IL_INVENTORY] = {"Inventory", "清单"},
    [IL_GWP_SET] = {"GWP set", "全球增温潜势值"},
    [IL_BY_GAS] = {"Emissions by gas", "按气体分排放量"},
    [IL_BY_SECTOR] = {"Emissions by sector", "按部门分排放量"},
    [IL_GAS] = {"Gas", "气体"},
    [IL_EMISSION_T] = {"Emission (t)", "排放量 (t)"},
    [IL_EMISSION_T_CO2E] = {"Emission (t CO2e)", "排放量 (t CO2当量)"},
    [IL_MEMO_BIO] = {"Memo: biogenic CO2 (not in totals)", "信息项：生物质燃烧CO2（不计入合计）"},
    [IL_SECTOR] = {"Sector", "部门"},
    [IL_NAME] = {"Name", "名称"},
    [IL_CHART_SECTOR] = {"Emissions by sector (t CO2e)", "按部门分排放量 (t CO2当量)"},
    [IL_CHART_GAS] = {"Emissions by gas (t CO2e)", "按气体分排放量 (t CO2当量)"},
    [IL_CATEGORY] = {"Category", "类别"},
    [IL_CO2E_T] = {"CO2e (t)", "CO2当量 (t)"},
    [IL_MEMO_BIO_T] = {"Memo: biogenic CO2 (t)", "信息项：生物质CO2 (t)"},
    [IL_RECORD_NO] = {"Record no.", "记录序号"},
    [IL_INPUT] = {"Input", "输入位置"},
    [IL_FUEL] = {"Fuel", "燃料"},
    [IL_AMOUNT] = {"Amount", "活动水平"},
    [IL_UNIT] = {"Unit", "单位"},
    [IL_UNIT_FACTOR] = {"Unit factor", "单位换算系数"},
    [IL_NCV] = {"NCV", "低位发热量"},
    [IL_NCV_UNIT] = {"NCV unit", "低位发热量单位"},
    [IL_ENERGY_TJ] = {"Energy (TJ)", "能量 (TJ)"},
    [IL_EF] = {"EF", "排放因子"},
    [IL_EF_UNIT] = {"EF unit", "排放因子单位"},
    [IL_EF_FACTOR] = {"EF factor", "排放因子换算系数"},
    [IL_OXIDATION] = {"Oxidation", "氧化率"},
    [IL_EMISSION_T_GAS] = {"Emission (t gas)", "排放量 (t)"},
    [IL_GWP] = {"GWP", "全球增温潜势"},
    [IL_MEMO] = {"Memo (biogenic CO2)", "信息项（生物质CO2）"},
    [IL_NCV_SOURCE] = {"NCV source", "低位发热量来源"},
    [IL_EF_SOURCE] = {"EF source", "排放因子来源"},
    [IL_OX_SOURCE] = {"Oxidation source", "氧化率来源"},
    [IL_UNCERTAINTY] = {"Uncertainty (%)", "不确定性 (%)"},
    [IL_DATA_SOURCE] = {"Data source", "数据来源"},
    [IL_PARAMETER] = {"Parameter", "参数"},
    [IL_VALUE] = {"Value", "数值"},
    [IL_LOWER] = {"Lower", "下限"},
    [IL_UPPER] = {"Upper", "上限"},
    [IL_CONFIDENCE] = {"Confidence", "可信度"},
    [IL_TIER] = {"Tier", "方法层级"},
    [IL_SET] = {"Set", "因子集"},
    [IL_REFERENCE] = {"Reference", "来源"},
    [IL_NOTE] = {"Note", "备注"},
    [IL_DEFINED_AT] = {"Defined at", "定义位置"},
    [IL_ALL] = {"all", "全部"},
    [IL_RECORD_OVERRIDE] = {"(record override)", "（记录自带）"},
    [IL_GWP_TITLE] = {"GWP set title", "全球增温潜势值说明"},
    [IL_GWP_FOSSIL] = {"fossil methane: fuel combustion, fugitive emissions, industrial processes (AR6 WG1 Table "
                       "7.15; docs/input-format.md)",
                       "化石源甲烷：化石燃料燃烧、逸散排放、工业生产过程（AR6 第一工作组表7.15）"},
    [IL_GWP_NON_FOSSIL] = {"non-fossil methane: agriculture, land use, waste, biomass fuels (AR6 WG1 Table 7.15; "
                           "docs/input-format.md)",
                           "非化石源甲烷：农业、土地利用、废弃物、生物质燃料（AR6 第一工作组表7.15）"},
    [IL_GWP_ENTERS] = {"CO2e = emission x GWP", "CO2当量 = 排放量 × 全球增温潜势"},
    [IL_METHOD_NOTE] =
        {"Emissions per gas = activity x unit factor x NCV x EF x EF factor x oxidation; CO2e = emission x GWP "
         "(IPCC 2006 Vol.2 Ch.1-2 sectoral approach). Biogenic CO2 is reported as a memo item and excluded from "
         "totals. Totals use compensated (Neumaier) summation.",
         "各气体排放量 = 活动水平 × 单位换算系数 × 低位发热量 × 排放因子 × 排放因子换算系数 × 氧化率；"
         "CO2当量 = 排放量 × 全球增温潜势（IPCC 2006 第2卷第1-2章 部门方法）。生物质燃烧产生的CO2作为信息项"
         "报告，不计入合计。合计采用补偿求和（Neumaier）。"},
    [IL_INV_NOTES] = {"Inventory notes", "清单备注"},
    [IL_ENERGY_INPUT] = {"(energy input)", "（能量输入）"},
    [IL_OX_DEFAULT] = {"default: complete oxidation (IPCC 2006 Vol.2 Ch.1)",
                          "默认：完全氧化（IPCC 2006 第2卷第1章）"},
    [IL_ACTIVITY] = {"Activity", "活动"},
    [IL_TERM] = {"Term", "参数"},
    [IL_TERM_NAME] = {": name [unit]", "：名称 [单位]"},
    [IL_TERM_SOURCE] = {": source", "：来源"},
    [IL_TERM_MUL] = {"x value", "× 数值"},
    [IL_TERM_ONE_MINUS] = {"enters as (1 - value)", "以 (1 - 数值) 计入"},
    [IL_TERM_ONE_PLUS] = {"enters as (1 + value)", "以 (1 + 数值) 计入"},
    [IL_TERM_EF] = {"emission factor", "排放因子"},
    [IL_ENTERS_AS] = {"Enters as", "计入方式"},
    [IL_CONVERSION] = {"Conversion (to t of gas)", "换算系数（至 t 气体）"},
    [IL_CONVERSION_NOTE] = {"Conversion note", "换算说明"},
    [IL_FUEL_ACTIVITY] = {"Fuel / activity", "燃料/活动"},
    [IL_TOTAL_EXCL_LULUCF] = {"Total excluding LULUCF (3.B)", "合计（不含土地利用、土地利用变化和林业 3.B）"},
    [IL_LULUCF] = {"LULUCF (3.B), net", "土地利用、土地利用变化和林业（3.B）净排放"},
    [IL_TOTAL_INCL_LULUCF] = {"Total including LULUCF (net)", "合计（含土地利用、土地利用变化和林业，净排放）"},
    [IL_REMOVALS] = {"Net removals by sector (negative; not in the pie chart)",
                        "按部门分净吸收量（负值；不计入饼图）"},
    [IL_PIE_NOTE] =
        {"The pie chart shows the sectors with net emissions, as shares of their sum. Sectors with net removals "
         "(such as 3.B forest land) cannot be pie slices: they are listed under net removals and shown in the "
         "chart of totals with and without LULUCF.",
         "饼图显示净排放部门及其占净排放部门合计的比例。净吸收部门（如 3.B 林地）不能作为饼图扇区，"
         "单独列于净吸收量表中，并显示在含与不含土地利用、土地利用变化和林业的合计图中。"},
    [IL_CHART_TOTALS] = {"Totals with and without LULUCF (t CO2e)",
                            "含与不含土地利用、土地利用变化和林业的合计 (t CO2当量)"},
    [IL_SECTOR_NOTE] =
        {"Sectors: fuel combustion is grouped at 1.A.1-1.A.5 (third level), every other sector at its second "
         "level (2.A, 2.B, 2.C, 3.A, 3.B, 3.C, 4.A, 4.B, 4.C, 4.D). Records outside 1.A use the product method "
         "(amount x terms x EF x conversion, one sheet per sector); solid waste disposal (4.A) uses the IPCC "
         "first-order-decay model (sheet Landfill (FOD)). LULUCF is 3.B: totals are given with and without it.",
         "部门划分：化石燃料燃烧按第三级（1.A.1-1.A.5）汇总，其他部门按第二级（2.A、2.B、2.C、3.A、3.B、3.C、"
         "4.A、4.B、4.C、4.D）汇总。1.A 以外的记录采用连乘法（活动水平 × 各参数 × 排放因子 × "
         "换算系数，每个部门一张表）；"
         "固体废弃物处置（4.A）采用 IPCC 一阶衰减模型（Landfill (FOD) 表）。土地利用、土地利用变化和林业为 3.B，"
         "合计分别给出含与不含该部门的数值。"},
    [IL_SHARE_GROSS] = {"Share of the sectors with net emissions", "占净排放部门合计的比例"},
    [IL_FOD_TITLE] = {"Solid waste disposal (4.A): first-order decay (IPCC 2006 Vol.5 Ch.3)",
                         "固体废弃物处置（4.A）：一阶衰减模型（IPCC 2006 第5卷第3章）"},
    [IL_FOD_NOTE] =
        {"Per site: the parameters, one table per waste type (Gg) and the summary by year. The inventory-year "
         "row of the summary (highlighted) is the site's CH4 emission; it enters the FOD results below, and from "
         "there the Summary and the Sectoral table.",
         "每个填埋场：参数、每种废弃物一张表（Gg）和逐年汇总。汇总表中清单年份一行（高亮）为该填埋场的CH4排放量，"
         "计入下方的一阶衰减结果，并由此计入汇总表和部门报告表。"},
    [IL_FOD_RESULTS] = {"FOD results (enter the Summary and the Sectoral table)",
                           "一阶衰减结果（计入汇总表和部门报告表）"},
    [IL_SITE] = {"Site", "填埋场"},
    [IL_SITE_TYPE] = {"Site type", "填埋场类型"},
    [IL_CLIMATE] = {"Climate zone", "气候区"},
    [IL_DEPOSIT_UNIT] = {"Deposits in", "填埋量单位"},
    [IL_UNIT_TO_GG] = {"Unit factor to Gg", "换算至 Gg 的系数"},
    [IL_DEPOSIT_SOURCE] = {"Deposits source", "填埋量来源"},
    [IL_SITE_SOURCE] = {"Site source", "填埋场数据来源"},
    [IL_MCF] = {"MCF (methane correction factor)", "MCF（甲烷修正因子）"},
    [IL_MCF_PERIODS] = {"MCF by deposit year (site management by period, or by waste type)",
                        "按填埋年份的MCF（分时期的场地管理或分废弃物类型）"},
    [IL_MCF_ALL_TYPES] = {"every waste type", "所有废弃物类型"},
    [IL_MCF_FROM] = {"from", "自"},
    [IL_MCF_EVERY_YEAR] = {"every year", "各年"},
    [IL_MCF_OF_YEAR] = {"MCF of the deposit year", "填埋当年的MCF"},
    [IL_DOCF] = {"DOCf (fraction of DOC that decomposes)", "DOCf（可分解的DOC比例）"},
    [IL_F] = {"F (fraction of CH4 in landfill gas)", "F（填埋气中CH4的比例）"},
    [IL_OX] = {"OX (oxidation factor)", "OX（氧化因子）"},
    [IL_DELAY] = {"Delay (months)", "延迟时间（月）"},
    [IL_MONTH_START] = {"M = delay + 7 (month the reaction starts)", "M = 延迟 + 7（反应开始月份）"},
    [IL_WASTE_TYPE] = {"Waste type", "废弃物类型"},
    [IL_DOC] = {"DOC (fraction of wet weight)", "DOC（湿重比例）"},
    [IL_DOC_SOURCE] = {"DOC source", "DOC来源"},
    [IL_K] = {"k (1/yr)", "k (1/年)"},
    [IL_K_SOURCE] = {"k source", "k来源"},
    [IL_EXP_K] = {"e^-k", "e^-k"},
    [IL_ONE_MINUS_EXP_K] = {"1 - e^-k", "1 - e^-k"},
    [IL_EXP_DEP] = {"e^(-k(13-M)/12)", "e^(-k(13-M)/12)"},
    [IL_ONE_MINUS_EXP_DEP] = {"1 - e^(-k(13-M)/12)", "1 - e^(-k(13-M)/12)"},
    [IL_DEPOSIT] = {"Deposited (input unit)", "填埋量（输入单位）"},
    [IL_W_GG] = {"W (Gg)", "W (Gg)"},
    [IL_DDOCMD] = {"DDOCmd = W x DOC x DOCf x MCF", "DDOCmd = W × DOC × DOCf × MCF"},
    [IL_DDOCM_UNREACTED] = {"DDOCm not reacted in the deposit year = DDOCmd x e^(-k(13-M)/12)",
                               "当年未反应的DDOCm = DDOCmd × e^(-k(13-M)/12)"},
    [IL_DDOCM_DEP_DECOMP] = {"DDOCm decomposed in the deposit year = DDOCmd x (1 - e^(-k(13-M)/12))",
                                "当年分解的DDOCm = DDOCmd × (1 - e^(-k(13-M)/12))"},
    [IL_DDOCMA] = {"DDOCma = not reacted + DDOCma(prev) x e^-k", "DDOCma = 未反应量 + 上年DDOCma × e^-k"},
    [IL_DDOCM_DECOMP] = {"DDOCm decomposed = deposit-year part + DDOCma(prev) x (1 - e^-k)",
                            "分解的DDOCm = 当年分解量 + 上年DDOCma × (1 - e^-k)"},
    [IL_CH4_GEN] = {"CH4 generated = decomposed x F x 16/12", "CH4产生量 = 分解量 × F × 16/12"},
    [IL_FOD_TABLE] = {"DDOCm and CH4 by year (Gg)", "逐年DDOCm与CH4 (Gg)"},
    [IL_SITE_SUMMARY] = {"Site summary by year (Gg CH4 unless stated)", "填埋场逐年汇总（除注明外单位为 Gg CH4）"},
    [IL_CH4_GEN_TOTAL] = {"Total CH4 generated", "CH4产生总量"},
    [IL_CH4_GEN_TYPE] = {"CH4 generated", "CH4产生量"},
    [IL_RECOVERY] = {"R: CH4 recovered", "R：CH4回收量"},
    [IL_NET] = {"Generated - R", "产生量 - R"},
    [IL_CH4_OXIDISED] = {"CH4 oxidised = (generated - R) x OX", "CH4氧化量 = (产生量 - R) × OX"},
    [IL_CH4_EMITTED_GG] = {"CH4 emitted = (generated - R) x (1 - OX)", "CH4排放量 = (产生量 - R) × (1 - OX)"},
    [IL_CH4_EMITTED_T] = {"CH4 emitted (t)", "CH4排放量 (t)"},
    [IL_BUILTIN] = {"built-in default", "内置默认值"},
    [IL_INPUT_VALUE] = {"input", "输入"},
    [IL_FOD_MODEL] = {"first-order decay (4.A)", "一阶衰减模型（4.A）"},
    [IL_INDIRECT_CONSUMPTION] = {"Indirect, purchased electricity and heat (not in totals)",
                                 "间接排放(外购电力和热力,不计入总量)"},
    [IL_INDIRECT_NET_IMPORT] = {"Indirect, net imports view (not in totals)", "间接排放(净调入电力口径,不计入总量)"},
    [IL_INDIRECT_TITLE] = {"Indirect emissions from purchased electricity and heat (not in the direct totals)",
                           "外购电力和热力间接排放(不计入直接排放总量)"},
    [IL_INDIRECT_TOTAL_CONSUMPTION] = {"Total, consumption view", "合计(消费口径)"},
    [IL_INDIRECT_TOTAL_NET_IMPORT] = {"Total, net imports view", "合计(净调入口径)"},
    [IL_CHECKS] = {"Checks", "核查"},
    [IL_RA_TITLE] = {"Reference approach (IPCC 2006 Vol.2 Ch.6) against the sectoral approach",
                     "参考方法(IPCC 2006第2卷第6章)与部门方法比较"},
    [IL_RA_TOTAL] = {"Reference approach, t CO2", "参考方法 t CO2"},
    [IL_RA_SECTORAL] = {"Sectoral approach (1.A fossil CO2), t", "部门方法(1.A化石CO2) t"},
    [IL_RA_DIFFERENCE] = {"Difference", "差异"},
    [IL_RA_THRESHOLD] = {"Threshold", "阈值"},
    [IL_RA_CHECK] = {"Check", "检查结果"},
    [IL_COMPLETENESS] = {"Completeness and notation keys", "完整性和注释键"},
    [IL_STATUS] = {"Status", "状态"},
    [IL_EXPLANATION] = {"Explanation", "说明"},
    [IL_SHEET_SUMMARY] = {"Summary", "汇总"},
    [IL_SHEET_SECTORAL] = {"Sectoral table", "部门报告表"},
    [IL_SHEET_CALC] = {"Calculation", "化石燃料燃烧"},
    [IL_SHEET_FUGITIVE] = {"Fugitive", "逸散排放"},
    [IL_SHEET_INDUSTRY] = {"Industry", "工业生产过程"},
    [IL_SHEET_AGRICULTURE] = {"Agriculture", "农业"},
    [IL_SHEET_FOREST] = {"Forest", "林业"},
    [IL_SHEET_WASTE] = {"Waste", "废弃物处理"},
    [IL_SHEET_OTHER] = {"Other sectors", "其他部门"},
    [IL_SHEET_FOD] = {"Landfill (FOD)", "填埋一阶衰减"},
    [IL_SHEET_INDIRECT] = {"Indirect", "间接排放"},
    [IL_SHEET_CHECKS] = {"Checks", "核查"},
    [IL_SHEET_UNC] = {"Uncertainty", "不确定性"},
    [IL_SHEET_KEYCAT] = {"Key categories", "关键类别"},
    [IL_SHEET_MC] = {"Monte Carlo", "蒙特卡洛"},
    [IL_SHEET_FACTORS] = {"Factors", "排放因子"},
    [IL_MEMO_YES] = {"yes", "是"},
    [IL_MEMO_NO] = {"no", "否"},
    [IL_ESTIMATED] = {"estimated", "已估算"},
    [IL_NOT_REPORTED] = {"not reported", "未报告"},
    [IL_VIEW_CONSUMPTION] = {"consumption", "消费口径"},
    [IL_VIEW_NET_IMPORT] = {"net_import", "净调入口径"},
    [IL_GRID_NATIONAL] = {"national", "全国"},
    [IL_KIND_ELECTRICITY] = {"electricity", "电力"},
    [IL_KIND_HEAT] = {"heat", "热力"},
    [IL_FACTOR_YEAR] = {"factor of ", "采用"},
    [IL_INVENTORY_YEAR] = {" used for the inventory year ", "年因子，清单年份为"},
    [IL_YEAR_SUFFIX] = {"", "年"},
    [IL_OTHER_YEAR_NOTE] = {"Factor year differs from the inventory year on the rows marked in column F and "
                            "explained in the Note column.",
                            "F列标出的行所用因子年份与清单年份不同，见备注列。"},
    [IL_RA_EXPLAIN] = {"explain", "需说明"},
    [IL_RA_OK] = {"ok", "通过"},
    [IL_BIOMASS_EXCLUDED] = {"biomass: excluded", "生物质：不计入"},
    [IL_ECONOMY] = {"Economy and emission intensity", "经济与排放强度"},
    [IL_GDP_GIVEN] = {"GDP, as given", "地区生产总值（原值）"},
    [IL_GDP_PRICE_BASE] = {"GDP price base (year)", "地区生产总值价格基期（年）"},
    [IL_GDP_1E4_YUAN] = {"GDP", "地区生产总值"},
    [IL_POP_GIVEN] = {"Population, as given", "常住人口（原值）"},
    [IL_POP_PERSONS] = {"Population", "常住人口"},
    [IL_PER_CAPITA_EXCL] = {"Per capita, total excluding LULUCF", "人均排放（不含土地利用、土地利用变化和林业）"},
    [IL_PER_CAPITA_INCL] = {"Per capita, total including LULUCF", "人均排放（含土地利用、土地利用变化和林业）"},
    [IL_PER_GDP_EXCL] = {"Per GDP, total excluding LULUCF", "单位地区生产总值排放（不含土地利用、土地利用变化和林业）"},
    [IL_PER_GDP_INCL] = {"Per GDP, total including LULUCF", "单位地区生产总值排放（含土地利用、土地利用变化和林业）"},
    [IL_FUEL_CO2] = {"Fuel combustion CO2 (1.A, fossil)", "化石燃料燃烧CO2（1.A，不含生物质）"},
    [IL_FUEL_CO2_PER_GDP] = {"Fuel combustion CO2 per GDP", "单位地区生产总值化石燃料燃烧CO2"},
    [IL_U_1E4_YUAN] = {"10^4 yuan", "万元"},
    [IL_U_PERSON] = {"persons", "人"},
    [IL_U_T_CO2E_PERSON] = {"t CO2e / person", "吨CO2当量/人"},
    [IL_U_T_CO2E_1E4_YUAN] = {"t CO2e / 10^4 yuan", "吨CO2当量/万元"},
    [IL_U_T_CO2] = {"t CO2", "吨CO2"},
    [IL_U_T_CO2_1E4_YUAN] = {"t CO2 / 10^4 yuan", "吨CO2/万元"},
    [IL_U_T_CO2E] = {"t CO2e", "吨CO2当量"},
    [IL_U_GWP] = {"t CO2e / t", "吨CO2当量/吨"},
    [IL_BAR_NOTE] =
        {"The bar chart shows every sector, largest first. A sector with net removals (such as 3.B forest land) is a "
         "negative bar; the shares are of the sum of the sectors with net emissions.",
         "条形图按排放量从大到小列出全部部门。净吸收部门（如 3.B 林地）为负值条；比例为占净排放部门合计的比例。"},
    [IL_OTHER_5] = {"Other", "其他"},
    [IL_KEYS_NOTE] =
        {"Notation keys (IPCC 2006 Vol.1 Ch.8): NO not occurring, NE not estimated, NA not applicable, IE included "
         "elsewhere, C confidential. A cell whose value is 0 shows a key: the inventory's notation_keys where it "
         "gives one; otherwise NE for a category without records and NO for a gas computed as 0, NA for a gas the "
         "method does not give and NE for a gas marked not_estimated. The cells keep their formulas.",
         "注释键（IPCC 2006 第1卷第8章）：NO 未发生，NE 未估算，NA 不适用，IE 已计入其他类别，C 保密。数值为0的单元格"
         "显示注释键：清单 notation_keys 给出的注释键；未给出时，无记录的类别为 NE，计算结果为0的气体为 NO，"
         "方法不产生的气体为 NA，标为 not_estimated 的气体为 NE。单元格仍为公式。"},
    [IL_NOTE_COL] = {"Note", "备注"},
    [IL_TITLE_SEP] = {": ", "："},
    [IL_TERM_SEP] = {" ", ""},
};

const rpt_labels il_labels = {il_texts, IL_END};

const char *il_label(rpt_label_id id, bool zh) { return rpt_label(&il_labels, id, zh); }

const rpt_label_id rpt_calc_labels[RPT_C_COUNT] = {
    IL_RECORD_NO,  IL_INPUT,          IL_CATEGORY,  IL_SECTOR,          IL_FUEL,
    IL_GAS,        IL_AMOUNT,         IL_UNIT,      IL_UNIT_FACTOR,     IL_NCV,
    IL_NCV_UNIT,   IL_ENERGY_TJ,      IL_EF,        IL_EF_UNIT,         IL_EF_FACTOR,
    IL_OXIDATION,  IL_EMISSION_T_GAS, IL_GWP,       IL_EMISSION_T_CO2E, IL_MEMO,
    IL_NCV_SOURCE, IL_EF_SOURCE,      IL_OX_SOURCE, IL_UNCERTAINTY,     IL_DATA_SOURCE,
};

const char *rpt_memo_text(bool memo, bool zh) { return il_label(memo ? IL_MEMO_YES : IL_MEMO_NO, zh); }

/* The source of a factor hit: its set and reference; empty without a
 * value. */
rpt_src rpt_hit_src(const eng_hit *h)
{
    if (!h->v)
        return (rpt_src){NULL, NULL};
    return (rpt_src){fs_hit_set(h) ? fs_hit_set(h) : "", h->v->ref && *h->v->ref ? h->v->ref : NULL};
}

/* Writes "path:line" of record i; the path alone when the line is unknown. */
static void rpt_record_where(const eng_result *r, size_t i, char *buf, size_t len)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, i);
    const char *path = inv->path ? inv->path : "";
    if (rec->at.line)
        rpt_fmt(buf, len, "%s:%u", path, rec->at.line);
    else
        rpt_fmt(buf, len, "%s", path);
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
        t->memo = rpt_memo_text(false, zh);
        t->ncv_src = (rpt_src){NULL, NULL};
        t->ef_src = rpt_hit_src(&l->chain->ef);
        t->ox_src = (rpt_src){NULL, NULL};
        return;
    }
    t->ncv_unit = res->energy_input || !res->ncv.v ? il_label(IL_ENERGY_INPUT, zh) : res->ncv.v->unit_text;
    t->ef_unit = res->ef[l->gas].v ? res->ef[l->gas].v->unit_text : "";
    t->memo = rpt_memo_text(l->memo, zh);
    t->ncv_src = rpt_hit_src(&res->ncv);
    t->ef_src = rpt_hit_src(&res->ef[l->gas]);
    t->ox_src = (rpt_src){NULL, NULL};
    if (l->gas == GAS_CO2 && res->oxid.v)
        t->ox_src = rpt_hit_src(&res->oxid);
    else if (l->gas == GAS_CO2)
        t->ox_src = (rpt_src){il_label(IL_OX_DEFAULT, zh), NULL};
}

/* Depth 3 under 1.A (1.A.1 .. 1.A.5), depth 2 elsewhere (2.A, 3.B, ...). */
unsigned rpt_sector_depth(const char *code)
{
    return cat_under(code, "1.A") ? RPT_SECTOR_DEPTH : RPT_SECTOR_DEPTH_OTHER;
}

void rpt_sector_of(const char *code, char *buf, size_t len) { cat_ancestor(code, rpt_sector_depth(code), buf, len); }

/* Steps over one sector's categories; see inventory_common.h. Sorted codes keep a
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
        return il_label(IL_TERM_MUL, zh);
    case FSET_TERM_ONE_MINUS:
        return il_label(IL_TERM_ONE_MINUS, zh);
    case FSET_TERM_ONE_PLUS:
        return il_label(IL_TERM_ONE_PLUS, zh);
    case FSET_TERM_EF:
        return il_label(IL_TERM_EF, zh);
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
        rpt_fmt(buf, len, "%s [%s]", fs_hit_param(h), h->v->unit_text ? h->v->unit_text : "");
    else
        rpt_fmt(buf, len, "%s: %s [1]", fs_hit_param(h), rpt_term_kind_text(l->chain->kind[k], zh));
}
