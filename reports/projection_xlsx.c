/* projection_xlsx.c - the projection workbook: its labels, shared helpers, the About sheet and the writer. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "projection_xlsx.h"
#include "rpt_about.h"

/* English and Chinese text of each of the workbook's labels. */
static const rpt_text pw_texts[PWL_END] = {
    [PWL_DOC_TITLE] = {"Peak-carbon scenarios", "碳达峰情景"},
    [PWL_ABOUT_TITLE] = {"ghgcalc project", "ghgcalc 碳达峰情景预测"},
    [PWL_PROJECTION] = {"Scenario file", "情景文件"},
    [PWL_BASE_YEAR] = {"Base year", "基准年"},
    [PWL_HORIZON] = {"Horizon", "预测终年"},
    [PWL_METRIC] = {"Peak metric", "达峰指标"},
    [PWL_METRIC0 + PRJ_MET_CO2_ENERGY] = {"CO2 of fuel combustion (t)", "能源活动CO2 (t)"},
    [PWL_METRIC0 + PRJ_MET_CO2] = {"Fossil CO2 without the sink (t)", "化石CO2，不含碳汇 (t)"},
    [PWL_METRIC0 + PRJ_MET_CO2E] = {"All gases without the sink (t CO2e)", "全部温室气体，不含碳汇 (t CO2当量)"},
    [PWL_METRIC0 + PRJ_MET_CO2E_NET] = {"All gases with the sink (t CO2e)", "全部温室气体，含碳汇 (t CO2当量)"},
    [PWL_PEAK_BY] = {"Peak by", "达峰年限"},
    [PWL_PLATEAU] = {"Plateau band (% under the peak)", "平台期范围（低于峰值的百分比）"},
    [PWL_SCENARIO] = {"Scenario", "情景"},
    [PWL_SECTOR] = {"Sector", "部门"},
    [PWL_YES] = {"yes", "是"},
    [PWL_NO] = {"no", "否"},
    [PWL_HISTORY] = {"History", "历史"},
    [PWL_SHEET_PEAK] = {"Peak", "达峰"},
    [PWL_SHEET_ASSUMPTIONS] = {"Assumptions", "假设"},
    [PWL_SHEET_TRAJ] = {"Trajectories", "预测路径"},
    [PWL_SHEET_WEDGES] = {"Wedges", "减排楔形"},
    [PWL_SHEET_LMDI] = {"LMDI", "LMDI分解"},
    [PWL_SHEET_TARGETS] = {"Targets", "目标"},
    [PWL_SHEET_MC] = {"Monte Carlo", "蒙特卡洛"},
    [PWL_SHEET_BASE] = {"Base", "基准年"},
    [PWL_AS_TITLE] = {"Assumptions: every number of the scenario file", "假设：情景文件中的全部数值"},
    [PWL_AS_NOTE] = {"The values in column D are input cells: change one and Trajectories, Peak, Wedges and Targets "
                     "follow (years and measure start years are structure, not inputs). Rates and shares are "
                     "fractions (5 % = 0.05). LMDI, the measures left out and Monte Carlo keep the values ghgcalc "
                     "computed.",
                     "D列为输入单元格：修改后“预测路径”“达峰”“减排楔形”“目标”随之更新（年份和措施起始年为结构，"
                     "不是输入）。增长率和比重为小数（5% = 0.05）。LMDI、措施单独剔除结果和蒙特卡洛为ghgcalc计算值，不随之更新。"},
    [PWL_CERTAIN] = {"fixed", "确定值"},
    [PWL_BASE_TITLE] = {"Base year: the lines of the base inventory and the projects", "基准年：基准清单和项目的排放源"},
    [PWL_BASE_NOTE] = {"As ghgcalc computed the inventories (amount M0, energy E0 in TJ, emissions e0 in t and the "
                       "factor of each gas). Trajectories multiplies these by the indices of each year.",
                       "为ghgcalc计算的清单值（活动量M0、能量E0（TJ）、各气体排放量e0（t）及因子）。"
                       "“预测路径”以各年指数乘以这些值。"},
    [PWL_BASE_DRIVERS] = {"Base-year drivers (model units)", "基准年驱动因素（模型单位）"},
    [PWL_GDP] = {"GDP, real (10^4 yuan)", "地区生产总值，可比价（万元）"},
    [PWL_POPULATION] = {"Population (persons)", "人口（人）"},
    [PWL_COAL_RATE] = {"Generation coal rate (gce/kWh)", "发电煤耗（克标准煤/千瓦时）"},
    [PWL_ENERGY_ITEMS] = {"Energy items of the series' base year", "序列基准年能源消费项目"},
    [PWL_LINES] = {"Lines", "排放源"},
    [PWL_KIND0 + PRJ_L_COMBUSTION] = {"combustion", "燃料燃烧"},
    [PWL_KIND0 + PRJ_L_PRODUCT] = {"product", "产品法"},
    [PWL_KIND0 + PRJ_L_LANDFILL] = {"landfill", "填埋场"},
    [PWL_KIND0 + PRJ_L_INDIRECT] = {"purchased energy", "外购能源"},
    [PWL_OTHER_SECTOR] = {"Other", "其他"},
    [PWL_PURCHASED] = {"purchased", "外购"},
    [PWL_TR_NOTE] = {"Every figure is a formula over Assumptions and Base, in the order ghgcalc computes it "
                     "(docs/projection.md#formulas). The helper columns right of the years tell the totals which "
                     "rows count: code, the measures the row holds from/to, and its weight in each metric.",
                     "每个数值都是基于“假设”和“基准年”的公式，计算顺序与ghgcalc相同（docs/projection.md#formulas）。"
                     "年份右侧的辅助列供合计使用：代码、该行适用的措施阶段（起止）及其在各指标中的权重。"},
    [PWL_Q_DRIVER] = {"driver", "驱动因素"},
    [PWL_Q_PATH] = {"path", "路径"},
    [PWL_Q_ACTIVITY] = {"activity index A", "活动指数A"},
    [PWL_Q_EFFICIENCY] = {"efficiency index eta", "能效指数η"},
    [PWL_Q_MIXSHARE] = {"share path", "比重路径"},
    [PWL_Q_EFINDEX] = {"emission-factor index F", "排放因子指数F"},
    [PWL_Q_EFPATH] = {"emission factor", "排放因子"},
    [PWL_Q_GROUP_E] = {"group energy before the mix (TJ)", "调整前组能量 (TJ)"},
    [PWL_Q_NAMED_E] = {"named fuels' energy (TJ)", "指定燃料能量 (TJ)"},
    [PWL_Q_P1] = {"share before the mix P'", "调整前比重P'"},
    [PWL_Q_PSTAR] = {"share after the mix P*", "调整后比重P*"},
    [PWL_Q_SNAMED] = {"mix factor S, named fuels", "结构系数S（指定燃料）"},
    [PWL_Q_SOTHER] = {"mix factor S, other fuels", "结构系数S（其他燃料）"},
    [PWL_Q_PRE] = {"activity before the mix a'", "结构调整前活动指数a'"},
    [PWL_Q_INDEX] = {"activity index a", "活动指数a"},
    [PWL_Q_ENERGY] = {"energy (TJ)", "能量 (TJ)"},
    [PWL_Q_AMOUNT] = {"amount", "活动量"},
    [PWL_Q_EMISSION] = {"emissions (t)", "排放量 (t)"},
    [PWL_Q_RAMP] = {"ramp", "实施进度"},
    [PWL_Q_SHARE] = {"share removed", "替代比重"},
    [PWL_Q_QUANTITY] = {"quantity before the measure", "措施前数量"},
    [PWL_Q_REMOVED] = {"removed", "削减量"},
    [PWL_Q_KEPT] = {"share kept", "保留比重"},
    [PWL_Q_ADDED] = {"supplied by the new fuel (TJ)", "替代燃料供应量 (TJ)"},
    [PWL_Q_CO2_BEFORE] = {"CO2 before the measure (t)", "措施前CO2 (t)"},
    [PWL_Q_CAPTURED] = {"captured (t CO2)", "捕集量 (t CO2)"},
    [PWL_Q_GROWTH] = {"growth index", "增长指数"},
    [PWL_Q_METRIC_AFTER] = {"peak metric after the measure", "实施该措施后的达峰指标"},
    [PWL_Q_METRIC] = {"total", "合计"},
    [PWL_Q_WEDGE] = {"wedge (avoided)", "减排楔形（避免排放）"},
    [PWL_Q_SECTOR] = {"peak metric by sector", "分部门达峰指标"},
    [PWL_Q_FUEL] = {"energy by fuel (TJ)", "分燃料能量 (TJ)"},
    [PWL_Q_INDIRECT0] = {"purchased energy CO2, consumption view (t)", "外购能源CO2，消费口径 (t)"},
    [PWL_Q_INDIRECT0 + 1] = {"purchased energy CO2, net-import view (t)", "外购能源CO2，净调入口径 (t)"},
    [PWL_Q_ELEC_ADDED] = {"electricity added by measures (TJ)", "措施新增电力 (TJ)"},
    [PWL_Q_ITEM] = {"energy item", "能源消费项目"},
    [PWL_Q_ITEM_PATH] = {"energy item path", "能源项目路径"},
    [PWL_Q_ITEM_TCE] = {"energy item (tce)", "能源消费项目（吨标准煤）"},
    [PWL_Q_MIX0 + INT_MIX_COAL] = {"coal (tce)", "煤炭（吨标准煤）"},
    [PWL_Q_MIX0 + INT_MIX_OTHER_FOSSIL] = {"oil, gas, other fossil (tce)", "油气及其他（吨标准煤）"},
    [PWL_Q_MIX0 + INT_MIX_HEAT] = {"heat received (tce)", "调入热力（吨标准煤）"},
    [PWL_Q_MIX0 + INT_MIX_PRIMARY_ELEC] = {"primary electricity (tce)", "一次电力（吨标准煤）"},
    [PWL_Q_MIX0 + INT_MIX_NET_IMPORT_ELEC] = {"net imported electricity (tce)", "净调入电力（吨标准煤）"},
    [PWL_Q_ENERGY_TOTAL] = {"energy consumption (tce)", "能源消费总量（吨标准煤）"},
    [PWL_Q_GDP] = {"GDP, real (10^4 yuan)", "地区生产总值，可比价（万元）"},
    [PWL_Q_POP] = {"population (persons)", "人口（人）"},
    [PWL_Q_IND0 + SER_IND_CO2_PER_GDP] = {"CO2 per GDP (t / 10^4 yuan)", "单位GDP二氧化碳排放（吨/万元）"},
    [PWL_Q_IND0 + SER_IND_ENERGY_PER_GDP] = {"energy per GDP (tce / 10^4 yuan)", "单位GDP能耗（吨标准煤/万元）"},
    [PWL_Q_IND0 + SER_IND_CO2E_PER_GDP] = {"CO2e per GDP (t / 10^4 yuan)", "单位GDP温室气体排放（吨CO2当量/万元）"},
    [PWL_Q_IND0 + SER_IND_COAL_SHARE] = {"coal share", "煤炭消费比重"},
    [PWL_Q_IND0 + SER_IND_NON_FOSSIL_SHARE] = {"non-fossil share", "非化石能源比重"},
    [PWL_Q_IND0 + SER_IND_ELECTRICITY_SHARE] = {"electricity share", "电力比重"},
    [PWL_Q_BEFORE_MEASURES] = {"before the measures", "措施前"},
    [PWL_Q_AFTER] = {"after", "实施后"},
    [PWL_PEAK_TITLE] = {"Peak: when each scenario peaks", "达峰：各情景的达峰时间"},
    [PWL_PEAK_YEAR] = {"Peak year", "峰值年"},
    [PWL_PEAK_VALUE] = {"Peak value", "峰值"},
    [PWL_PEAKS_BY] = {"Peaks by", "按期达峰"},
    [PWL_PLATEAU_FROM] = {"Plateau from", "平台期起"},
    [PWL_PLATEAU_TO] = {"Plateau to", "平台期止"},
    [PWL_HIGHEST_ALL] = {"Highest of history and projection", "历史与预测最高值"},
    [PWL_PEAK_NOTE] = {"Formulas over the chart data below (MAX, then INDEX/MATCH for the first year of it): the peak "
                       "is the largest value from the base year to the horizon; a path whose largest value is in its "
                       "last year has not peaked. The plateau is the run of years around the peak within the band.",
                       "公式基于下方图表数据（MAX，再以INDEX/MATCH取首次出现的年份）：峰值为基准年至预测终年的最大值；"
                       "最大值出现在最后一年的路径未达峰。平台期为峰值前后连续处于范围内的年份。"},
    [PWL_CHART_PATHS] = {"Emission paths by scenario, history included", "各情景排放路径（含历史）"},
    [PWL_CHART_AXIS] = {"t", "t"},
    [PWL_PEAK_MARK] = {"peak", "峰值"},
    [PWL_SECTOR_PEAKS] = {"Peak by sector (the peak metric of each sector's lines; formulas over Trajectories)", "分部门达峰（各部门的达峰指标；基于“预测路径”的公式）"},
    [PWL_HAS_PEAKED] = {"Has history peaked? (C40 criteria, docs/projection.md#peak)", "历史是否已达峰？（C40标准）"},
    [PWL_HAS_PEAKED_C0] = {"at least three data points", "至少三个数据点"},
    [PWL_HAS_PEAKED_C0 + 1] = {"peak more than five years before the latest point", "峰值早于最近数据点五年以上"},
    [PWL_HAS_PEAKED_C0 + 2] = {"latest point no more than five years old", "最近数据点不超过五年"},
    [PWL_HAS_PEAKED_C0 + 3] = {"peak more than 10 % above the latest point", "峰值比最近数据点高10%以上"},
    [PWL_STATUS] = {"Status", "状态"},
    [PWL_HIST_ST0 + PEAK_UNKNOWN] = {"unknown", "无法判断"},
    [PWL_HIST_ST0 + PEAK_PEAKED] = {"peaked", "已达峰"},
    [PWL_HIST_ST0 + PEAK_NOT_PEAKED] = {"not peaked", "未达峰"},
    [PWL_RUN_DOWN] = {"years in band up to here", "截至本年连续在范围内年数"},
    [PWL_RUN_UP] = {"years in band from here", "自本年起连续在范围内年数"},
    [PWL_CHART_DATA] = {"Chart data: the peak metric by year (history as computed, projection from Trajectories)",
                        "图表数据：各年达峰指标（历史为计算值，预测取自“预测路径”）"},
    [PWL_WEDGES_TITLE] = {"Wedges: what each measure avoids", "楔形：各措施的减排量"},
    [PWL_WEDGES_NOTE] = {"Wedge of measure j = the peak metric after the measures before it minus after it; measures "
                         "act in the listed order, so an interaction goes to the later measure and the wedges add up "
                         "to the path without measures minus the path with all. A project's wedge is negative: it "
                         "adds emissions.",
                         "措施j的楔形 = 实施其之前各措施后的达峰指标减去实施其后的指标；措施按所列顺序实施，交互作用计入后实施的"
                         "措施，各楔形之和等于无措施路径减去全部措施路径。项目的楔形为负值：增加排放。"},
    [PWL_WITHOUT_MEASURES] = {"without measures", "无措施"},
    [PWL_WITH_MEASURES] = {"with all measures", "实施全部措施"},
    [PWL_REMAINING] = {"remaining, without the projects' additions", "剩余排放（不含项目新增）"},
    [PWL_ADDED_BY] = {"added by", "新增："},
    [PWL_AVOIDED_BY] = {"avoided by", "减排："},
    [PWL_LEFT_OUT] = {"Each measure left out (the scenario with every other measure)", "单独剔除各措施（保留其他措施）"},
    [PWL_LEFT_OUT_NOTE] = {"Values as ghgcalc computed them by running the scenario again without the measure: the "
                           "effect of the measure on its own, as a project's carbon assessment needs; they do not follow "
                           "edits of Assumptions.",
                           "为ghgcalc剔除该措施后重新计算的值：即该措施的单独影响（项目碳评价所需）；不随“假设”修改而更新。"},
    [PWL_CUMULATIVE] = {"Cumulative after the base year", "基准年后累计"},
    [PWL_MEASURE] = {"Measure", "措施"},
    [PWL_TYPE] = {"Type", "类型"},
    [PWL_CHART_WEDGES] = {"Wedges", "减排楔形"},
    [PWL_LMDI_TITLE] = {"LMDI: what drove the change (additive LMDI-I)", "LMDI：变化的驱动因素（加和LMDI-I）"},
    [PWL_LMDI_NOTE] = {"C = P x (G/P) x (E_i/G) x (E_ij/E_i) x (C_ij/E_ij) by sector i and fuel j (Ang 2004, 2005; "
                       "zero values by Ang and Liu 2007). The effects of a sector add up to its change; the change "
                       "outside fuel combustion is shown apart. Values as ghgcalc computed them (not formulas).",
                       "C = P x (G/P) x (E_i/G) x (E_ij/E_i) x (C_ij/E_ij)，i为部门，j为燃料（Ang 2004，2005；零值按Ang和Liu "
                       "2007处理）。各部门效应之和等于其变化量；燃料燃烧以外的变化单列。为ghgcalc计算值（非公式）。"},
    [PWL_FACTOR0 + LMDI_POP] = {"population", "人口"},
    [PWL_FACTOR0 + LMDI_GDP_PC] = {"GDP per capita", "人均GDP"},
    [PWL_FACTOR0 + LMDI_INTENSITY] = {"energy intensity", "能源强度"},
    [PWL_FACTOR0 + LMDI_MIX] = {"energy mix", "能源结构"},
    [PWL_FACTOR0 + LMDI_EF] = {"emission factor", "排放因子"},
    [PWL_SUM_EFFECTS] = {"sum of effects", "效应合计"},
    [PWL_CHANGE] = {"change", "变化量"},
    [PWL_REST] = {"outside fuel combustion (not decomposed)", "燃料燃烧以外（未分解）"},
    [PWL_TOTAL] = {"Total", "合计"},
    [PWL_FROM_TO] = {"from / to", "起止年"},
    [PWL_CHART_LMDI] = {"LMDI effects", "LMDI效应"},
    [PWL_LMDI_NONE] = {"not decomposed: no years to compare, or a year without population or GDP",
                       "未分解：无可比较年份，或某年缺少人口或GDP"},
    [PWL_TARGETS_TITLE] = {"Targets: where each scenario stands", "目标：各情景的达标情况"},
    [PWL_TARGETS_NOTE] = {"Indicators as `ghgcalc intensity` computes them (docs/intensity.md), over history and the "
                          "projected years; projected values are formulas over Trajectories, history values as "
                          "computed. Status in the target year: met or missed; before it: on track or off track "
                          "against the target's path.",
                          "指标算法与`ghgcalc intensity`相同（docs/intensity.md），覆盖历史和预测年；预测值为基于"
                          "“预测路径”的公式，历史值为计算值。目标年：达标或未达标；之前：进度符合或滞后于目标路径。"},
    [PWL_TARGET] = {"Target", "目标"},
    [PWL_INDICATOR] = {"Indicator", "指标"},
    [PWL_TG_KIND] = {"Kind", "类型"},
    [PWL_TARGET_YEAR] = {"Target year", "目标年"},
    [PWL_TG_VALUE] = {"Target value (%)", "目标值 (%)"},
    [PWL_BASE_VALUE] = {"Base-year value", "基准年值"},
    [PWL_LEVEL] = {"Level asked", "目标水平"},
    [PWL_VALUE_IN] = {"Value in the target year", "目标年值"},
    [PWL_MARGIN] = {"Margin (good side +)", "余量（正为有利）"},
    [PWL_ST0 + INT_MET] = {"met", "已达标"},
    [PWL_ST0 + INT_ON_TRACK] = {"on track", "进度符合"},
    [PWL_ST0 + INT_OFF_TRACK] = {"off track", "进度滞后"},
    [PWL_ST0 + INT_MISSED] = {"missed", "未达标"},
    [PWL_BY_YEAR] = {"Targets by year", "分年目标进展"},
    [PWL_VALUE] = {"value", "值"},
    [PWL_PATH] = {"target path", "目标路径"},
    [PWL_NO_TARGETS] = {"No targets: the scenario file names no series with targets (base: series:, targets:).",
                        "无目标：情景文件未指定带目标的序列（base: series:, targets:）。"},
    [PWL_MC_TITLE] = {"Monte Carlo: how likely the peak is", "蒙特卡洛：达峰的可能性"},
    [PWL_MC_NOTE] = {"Every uncertain number of Assumptions drawn once per iteration (Philox4x32-10 counter-based "
                     "draws of the seed, the number and the iteration), every scenario on the same draws. The figures "
                     "depend on the file, the seed and the iterations only, never on the number of threads. Percentiles "
                     "as PERCENTILE.INC; a path not peaked by the horizon counts as the year after it. Values, not "
                     "formulas.",
                     "“假设”中每个不确定数值每次迭代抽样一次（Philox4x32-10，由种子、数值序号和迭代序号确定），各情景"
                     "使用相同抽样。结果仅取决于文件、种子和迭代次数，与线程数无关。百分位数同PERCENTILE.INC；至预测终年"
                     "未达峰计为终年后一年。为计算值，非公式。"},
    [PWL_ITERATIONS] = {"Iterations", "迭代次数"},
    [PWL_SEED] = {"Seed", "随机种子"},
    [PWL_UNCERTAIN] = {"Uncertain numbers", "不确定数值个数"},
    [PWL_P_PEAK_BY] = {"Probability of peaking by", "按期达峰概率："},
    [PWL_PEAK_VALUE_PCT0] = {"Peak value 5 %", "峰值 5%"},
    [PWL_PEAK_VALUE_PCT0 + 1] = {"Peak value 50 %", "峰值 50%"},
    [PWL_PEAK_VALUE_PCT0 + 2] = {"Peak value 95 %", "峰值 95%"},
    [PWL_PEAK_YEAR_PCT0] = {"Peak year 5 %", "峰值年 5%"},
    [PWL_PEAK_YEAR_PCT0 + 1] = {"Peak year 50 %", "峰值年 50%"},
    [PWL_PEAK_YEAR_PCT0 + 2] = {"Peak year 95 %", "峰值年 95%"},
    [PWL_PATH_PCT0] = {"5 %", "5%"},
    [PWL_PATH_PCT0 + 1] = {"50 %", "50%"},
    [PWL_PATH_PCT0 + 2] = {"95 %", "95%"},
    [PWL_MEAN] = {"mean", "均值"},
    [PWL_DETERMINISTIC] = {"as given", "确定性"},
    [PWL_BAND0] = {"chart: up to 5 %", "图层：5%以下"},
    [PWL_BAND0 + 1] = {"chart: 5-50 %", "图层：5-50%"},
    [PWL_BAND0 + 2] = {"chart: 50-95 %", "图层：50-95%"},
    [PWL_PEAK_YEAR_DIST] = {"Peak year: iterations peaking in each year", "峰值年分布：各年达峰的迭代次数"},
    [PWL_NOT_BY_HORIZON] = {"not by the horizon", "预测期内未达峰"},
    [PWL_CHART_FAN] = {"Fan: 5 / 50 / 95 % paths", "扇形图：5/50/95%路径"},
    [PWL_FAN_DATA] = {"Paths by year: each year's percentiles on their own", "各年路径百分位数（逐年独立计算）"},
    [PWL_GWP] = {"GWP set", "全球增温潜势"},
    [PWL_SINK] = {"Sink categories", "碳汇类别"},
    [PWL_SERIES] = {"Series (history)", "序列（历史）"},
    [PWL_TARGETS_FILE] = {"Targets", "目标"},
    [PWL_NOTES_TEXT] = {"Projection model and formulas: docs/projection.md. Every assumption is on Assumptions with "
                        "its source; every figure of Trajectories is a formula over it. Illustrative example data are "
                        "labelled so in their sources.",
                        "预测模型和公式见docs/projection.md。每项假设及其来源列于“假设”；“预测路径”中每个数值均为"
                        "基于假设的公式。示例数据在来源中标注为示意。"},
};

static const rpt_labels pw_labels = {pw_texts, PWL_END};

/* ------------------------------------------------------------- helpers */

const char *pw_label(const pw *w, rpt_label_id id) { return rpt_xl_label(&w->xl, id); }

const char *pw_sheet(const pw *w, rpt_label_id id) { return pw_label(w, id); }

void pw_fb_start(pw_fb *fb)
{
    fb->s[0] = '=';
    fb->s[1] = '\0';
    fb->n = 1;
    fb->over = false;
}

void pw_fb_add(pw_fb *fb, const char *fmt, ...)
{
    if (fb->over)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(fb->s + fb->n, sizeof fb->s - fb->n, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= sizeof fb->s - fb->n)
        fb->over = true;
    else
        fb->n += (size_t)k;
}

void pw_fb_num(pw_fb *fb, double v)
{
    char buf[40];
    rpt_num_text(v, buf, sizeof buf);
    pw_fb_add(fb, v < 0 ? "(%s)" : "%s", buf);
}

void pw_fb_write(pw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const pw_fb *fb, double cached,
                 rpt_fmt_id f)
{
    if (fb->over)
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a formula (too long)");
    else
        rpt_xl_formula(&w->xl, ws, row, col, fb->s, cached, f);
}

rpt_ref pw_param_ref(const pw *w, size_t i)
{
    return rpt_xl_ref(pw_sheet(w, PWL_SHEET_ASSUMPTIONS), (lxw_row_t)(PW_AS_ROW0 + i), AS_VALUE, true);
}

rpt_ref pw_base_ref(const pw *w, size_t li, lxw_col_t col)
{
    return pw_base_cell(w, (lxw_row_t)(w->base_line0 + li), col);
}

rpt_ref pw_traj_ref(const pw *w, lxw_row_t row, size_t t, bool abs)
{
    return rpt_xl_ref(pw_sheet(w, PWL_SHEET_TRAJ), row, pw_ycol(t), abs);
}

rpt_ref pw_traj_years(const pw *w, lxw_row_t row)
{
    return rpt_xl_range(pw_sheet(w, PWL_SHEET_TRAJ), row, pw_ycol(0), row, pw_ycol(w->ny - 1), true);
}

rpt_ref pw_base_cell(const pw *w, lxw_row_t row, lxw_col_t col)
{
    return rpt_xl_ref(pw_sheet(w, PWL_SHEET_BASE), row, col, true);
}

void pw_area_min(lxw_chart *ch, double lowest)
{
    /* libxlsxwriter 1.1.4 leaves is_value unset on an area chart's value axis, and then refuses its minimum. */
    ch->y_axis->is_value = LXW_TRUE;
    chart_axis_set_min(ch->y_axis, pw_axis_floor(lowest));
}

double pw_axis_floor(double lowest)
{
    if (!(lowest > 0))
        return 0;
    double step = pow(10, floor(log10(lowest))) / 2; /* 5, 50, 500 ... under the value's order of magnitude */
    return floor(0.8 * lowest / step) * step;
}

const char *pw_axis_name(const pw *w)
{
    bool e = w->f->metric == PRJ_MET_CO2E || w->f->metric == PRJ_MET_CO2E_NET;
    if (w->zh)
        return e ? "百万吨CO2当量" : "百万吨CO2";
    return e ? "Mt CO2e" : "Mt CO2";
}

const char *pw_sector_name(const pw *w, size_t i)
{
    const prj_sector *s = &w->f->sectors[i];
    if (i + 1 == w->f->nsectors && !s->title)
        return pw_label(w, PWL_OTHER_SECTOR);
    return w->zh && s->title_zh ? s->title_zh : s->title ? s->title : s->id;
}

void pw_tall(pw *w, lxw_worksheet *ws, lxw_row_t row)
{
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, 42, NULL), "setting a row height");
}

void pw_status_colors(pw *w, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1)
{
    static const struct {
        rpt_label_id text;
        rpt_fmt_id fmt;
    } map[] = {{PWL_ST0 + INT_MET, RPT_F_GOOD},     {PWL_ST0 + INT_ON_TRACK, RPT_F_FAIR}, {PWL_ST0 + INT_OFF_TRACK, RPT_F_WARN},
               {PWL_ST0 + INT_MISSED, RPT_F_BAD},   {PWL_YES, RPT_F_GOOD},                {PWL_NO, RPT_F_BAD}};
    for (size_t i = 0; i < sizeof map / sizeof *map && !w->xl.err; i++) {
        char value[128];
        rpt_fmt(value, sizeof value, "\"%s\"", pw_label(w, map[i].text));
        lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_CELL,
                                     .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
                                     .value_string = value,
                                     .format = w->xl.f[map[i].fmt]};
        rpt_xl_check(&w->xl, worksheet_conditional_format_range(ws, r0, c0, r1, c1, &cf), "a conditional format");
    }
}

void pw_years_header(pw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col0, long y0, size_t n)
{
    for (size_t t = 0; t < n; t++)
        rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(col0 + t), (double)(y0 + (long)t), RPT_F_INT);
}

/* --------------------------------------------------------------- About */

/* The run, the file and its settings on About. */
static void pw_about_run(pw *w, rpt_about *a)
{
    const prj_file *f = w->f;
    const prj_model *m = w->m;
    char buf[1024];
    size_t used = 0;
    rpt_about_run(a, w->meta);
    rpt_about_pair(a, pw_label(w, PWL_PROJECTION), f->id);
    rpt_about_pair(a, pw_label(w, RPT_L_TITLE), f->title);
    rpt_about_pair(a, pw_label(w, RPT_L_REGION), f->region);
    rpt_about_year(a, pw_label(w, PWL_BASE_YEAR), m->base_year);
    rpt_about_year(a, pw_label(w, PWL_HORIZON), f->horizon);
    rpt_fmt(buf, sizeof buf, "%s: %s", prj_metric_name(f->metric), pw_label(w, PWL_METRIC0 + f->metric));
    rpt_about_pair(a, pw_label(w, PWL_METRIC), buf);
    rpt_about_year(a, pw_label(w, PWL_PEAK_BY), f->peak_by);
    rpt_fmt(buf, sizeof buf, "%g %%", f->plateau_pct);
    rpt_about_pair(a, pw_label(w, PWL_PLATEAU), buf);
    buf[0] = '\0';
    for (size_t i = 0; i < f->nsink && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "", f->sink[i]);
    rpt_about_pair(a, pw_label(w, PWL_SINK), buf);
    rpt_about_pair(a, pw_label(w, PWL_GWP), eng_gwp(m->in.base)->id);
    rpt_about_pair(a, pw_label(w, PWL_SERIES), m->in.series ? m->in.series->path : NULL);
    rpt_about_pair(a, pw_label(w, PWL_TARGETS_FILE), f->targets);
    rpt_about_language(a);
    rpt_about_pair(a, pw_label(w, RPT_L_NOTES), pw_label(w, PWL_NOTES_TEXT));
    rpt_about_pair(a, pw_label(w, RPT_L_NOTES), f->notes);
}

/* Writes the About sheet: the run and the file, the base inventory's
 * factor sets, then the input files. */
static void pw_about(pw *w)
{
    static const double widths[] = {36, 90, 12, 60};
    rpt_about a;
    eng_order o = eng_search_order(w->m->in.base);
    rpt_about_start(&a, &w->xl, NULL, widths, 4, pw_label(w, PWL_ABOUT_TITLE));
    pw_about_run(w, &a);
    rpt_about_gap(&a);
    rpt_about_sets(&a, o.sets, o.n);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, w->meta);
}

/* ---------------------------------------------------------- the writer */

/* The scenarios' row records; false when out of memory. */
static bool pw_alloc(pw *w)
{
    w->sc = calloc(w->r->nscen ? w->r->nscen : 1, sizeof *w->sc);
    for (size_t s = 0; w->sc && s < w->r->nscen; s++) {
        size_t k = w->m->plans[s].nmeas;
        w->sc[s].stage = calloc(k + 1, sizeof *w->sc[s].stage);
        w->sc[s].wedge = calloc(k + 1, sizeof *w->sc[s].wedge);
        if (!w->sc[s].stage || !w->sc[s].wedge)
            return false;
    }
    return w->sc != NULL;
}

/* Frees the row records. */
static void pw_free(pw *w)
{
    for (size_t s = 0; w->sc && s < w->r->nscen; s++) {
        free(w->sc[s].stage);
        free(w->sc[s].wedge);
    }
    free(w->sc);
}

/* Adds the sheets in workbook order (their contents come later: Peak and
 * Wedges need to know where Trajectories put each row). */
static void pw_sheets(pw *w)
{
    w->ws_peak = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_PEAK));
    w->ws_as = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_ASSUMPTIONS));
    w->traj = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_TRAJ));
    w->ws_wedges = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_WEDGES));
    w->ws_lmdi = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_LMDI));
    w->ws_targets = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_TARGETS));
    w->ws_mc = w->rep->mc ? rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_MC)) : NULL;
    w->ws_base = rpt_xl_sheet(&w->xl, pw_sheet(w, PWL_SHEET_BASE));
    lxw_worksheet *fit[] = {w->ws_peak, w->ws_as, w->ws_wedges, w->ws_lmdi, w->ws_targets, w->ws_mc, w->ws_base};
    for (size_t i = 0; i < sizeof fit / sizeof *fit; i++)
        if (fit[i]) { /* printed (and rendered) one page wide */
            worksheet_set_landscape(fit[i]);
            worksheet_fit_to_pages(fit[i], 1, 0);
        }
    if (w->traj)
        worksheet_set_landscape(w->traj);
}

int rpt_projection_xlsx(const prj_report *p, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    pw w = {.rep = p, .r = p->r, .m = p->r->m, .f = p->r->m->f, .meta = m, .zh = m->zh, .ny = p->r->m->nyears};
    char title[512];
    if (!rpt_xl_open(&w.xl, path, m, &pw_labels, err, errlen))
        return -1;
    rpt_fmt(title, sizeof title, "%s %s", pw_label(&w, PWL_DOC_TITLE), w.f->id ? w.f->id : "");
    rpt_xl_properties(&w.xl, title, w.f->region ? w.f->region : "");
    rpt_xl_footer(&w.xl, title); /* every sheet's printed footer: the title and "Page N of M" */
    if (!pw_alloc(&w))
        rpt_xl_check(&w.xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "allocating the workbook's row records");
    pw_sheets(&w);
    pw_assumptions(&w);
    pw_base(&w);
    pw_trajectories(&w);
    pw_peak(&w);
    pw_wedges(&w);
    pw_lmdi(&w);
    pw_targets(&w);
    pw_monte_carlo(&w);
    pw_about(&w);
    pw_free(&w);
    return rpt_xl_close(&w.xl, path, err, errlen);
}
