/* tpl_spec.c - the sheets and columns of the input templates (docs/excel.md), in English and Chinese. */
#include "tpl_spec.h"

#include <string.h>

/* The tables below are laid out by hand, a column or row per entry: clang-format would break them apart. */
/* clang-format off */

/* Shorthands for the column tables: T text, W word, N number, I integer, P percent. */
#define COL(key, en, zh, type, list, req, width) {key, en, zh, NULL, NULL, type, list, req, width, -1, NULL}
#define COLH(key, en, zh, hen, hzh, type, list, req, width) {key, en, zh, hen, hzh, type, list, req, width, -1, NULL}
#define NAMECOL(of, en, zh) {NULL, en, zh, NULL, NULL, TPL_NAME, TPL_L_NONE, false, 34, of, NULL}
#define ROW(key, en, zh, hen, hzh, type, list, req, def) {key, en, zh, hen, hzh, type, list, req, 0, -1, def}
#define N(a) (sizeof(a) / sizeof *(a))

/* A factor override: value, unit and source of parameter P. */
#define OVR(p, P, PZ)                                                                                                  \
    COL(p ".value", P " value", PZ "值", TPL_NUM, TPL_L_NONE, false, 10),                                              \
        COL(p ".unit", P " unit", PZ "单位", TPL_WORD, TPL_L_UNIT, false, 12),                                         \
        COL(p ".source", P " source", PZ "来源", TPL_TEXT, TPL_L_NONE, false, 24)

/* Parameter slot K: its name from the list, value, unit, source. */
#define SLOT(k)                                                                                                        \
    COLH("$" k, "Other parameter " k, "其他参数" k, "A factor or term this record overrides (abatement, days, "       \
         "density, bef, root_shoot, oxidation, ...)", "本条记录替换的因子或参数(abatement, days, density, ...)",         \
         TPL_WORD, TPL_L_PARAM, false, 14),                                                                            \
        COL("$" k ".value", "Parameter " k " value", "参数" k "值", TPL_NUM, TPL_L_NONE, false, 10),                   \
        COL("$" k ".unit", "Parameter " k " unit", "参数" k "单位", TPL_WORD, TPL_L_UNIT, false, 12),                  \
        COL("$" k ".source", "Parameter " k " source", "参数" k "来源", TPL_TEXT, TPL_L_NONE, false, 24)

/* ------------------------------------------------------------------ inventory */

static const tpl_col inv_head[] = {
    ROW("inventory", "Inventory id", "清单编号", "A short id without spaces, e.g. jilin-2020",
        "不含空格的简短编号,如 jilin-2020", TPL_WORD, TPL_L_NONE, true, NULL),
    ROW("title", "Title", "标题", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("region", "Region", "地区", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("year", "Year", "年份", "The inventory year, e.g. 2020", "清单年份,如 2020", TPL_INT, TPL_L_NONE, true, NULL),
    ROW("gwp", "GWP set", "GWP 值版本", "ar5 unless your guideline says otherwise", "如无特别规定用 ar5", TPL_WORD,
        TPL_L_GWP, false, "ar5"),
    ROW("factor_sets[]", "Factor set 1", "因子集 1", "Searched in order: the first set with a value wins",
        "按顺序查找:先找到的因子集优先", TPL_WORD, TPL_L_SET, true, "china-energy"),
    /* china-energy first: the fuel list offers its keys (raw_coal, coke, ...) and its NCVs per volume
     * (natural gas in 亿立方米); it extends ipcc2006-energy, whose keys and values it also finds. */
    ROW("factor_sets[]", "Factor set 2", "因子集 2", NULL, NULL, TPL_WORD, TPL_L_SET, false, "ipcc2006-ippu"),
    ROW("factor_sets[]", "Factor set 3", "因子集 3", NULL, NULL, TPL_WORD, TPL_L_SET, false, "ipcc2006-agriculture"),
    ROW("factor_sets[]", "Factor set 4", "因子集 4", NULL, NULL, TPL_WORD, TPL_L_SET, false, "ipcc2006-forest"),
    ROW("factor_sets[]", "Factor set 5", "因子集 5", NULL, NULL, TPL_WORD, TPL_L_SET, false, "ipcc2006-waste"),
    ROW("factor_sets[]", "Factor set 6", "因子集 6", NULL, NULL, TPL_WORD, TPL_L_SET, false, "china-grid"),
    ROW("factor_sets[]", "Factor set 7", "因子集 7", NULL, NULL, TPL_WORD, TPL_L_SET, false, "ipcc2006-fugitive"),
    ROW("factor_sets[]", "Factor set 8", "因子集 8", NULL, NULL, TPL_WORD, TPL_L_SET, false, NULL),
    ROW("economy.gdp.value", "GDP", "地区生产总值", "A number; its unit in the next row", "数值;单位填在下一行",
        TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("economy.gdp.unit", "GDP unit", "地区生产总值单位", "e.g. 10^8 yuan (亿元)", "如 亿元 (10^8 yuan)", TPL_WORD,
        TPL_L_UNIT, false, NULL),
    ROW("economy.gdp.price_base", "GDP price base year", "地区生产总值价格基年", NULL, NULL, TPL_INT, TPL_L_NONE,
        false, NULL),
    ROW("economy.gdp.source", "GDP source", "地区生产总值来源", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("economy.population.value", "Population", "人口", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("economy.population.unit", "Population unit", "人口单位", "e.g. 10^4 person (万人)", "如 万人", TPL_WORD,
        TPL_L_UNIT, false, NULL),
    ROW("economy.population.source", "Population source", "人口来源", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("notes", "Notes", "备注", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("reference_approach.threshold", "Reference approach: flag differences above (%)", "参考方法:差异超过此值时提示(%)",
        "Default 5 %", "默认 5%", TPL_PCT, TPL_L_NONE, false, NULL),
};

static const tpl_col inv_acts[] = {
    COLH("category", "Category", "类别代码", "IPCC 2006 category code: pick from the list",
         "IPCC 2006 类别代码:从列表中选择", TPL_WORD, TPL_L_CATEGORY, true, 12),
    NAMECOL(0, "Category name", "类别名称"),
    COLH("fuel|activity", "Fuel or activity", "燃料或活动", "A fuel or activity key of the factor sets: pick from the list",
         "因子集中的燃料或活动代码:从列表中选择", TPL_WORD, TPL_L_KEY, true, 26),
    NAMECOL(2, "Fuel or activity name", "燃料或活动名称"),
    COLH("amount", "Amount", "活动水平", "A number (>= 0) without its unit", "数值(不小于 0),不含单位", TPL_NUM,
         TPL_L_NONE, true, 11),
    COLH("unit", "Unit", "单位", "Any unit of docs/input-format.md: t, 10^4 t (万吨), TJ, 10^8 m3, 10^4 head, ...",
         "docs/input-format.md 中的任何单位:t、万吨、TJ、亿立方米、万头……", TPL_WORD, TPL_L_UNIT, true, 11),
    COLH("uncertainty", "Uncertainty (+/- %)", "不确定性(±%)", "+/- % at 95 % confidence, e.g. 5",
         "95% 置信区间的 ±%,如 5", TPL_PCT, TPL_L_NONE, false, 10),
    COL("source", "Source", "数据来源", TPL_TEXT, TPL_L_NONE, false, 34),
    COL("id", "Record id", "记录编号", TPL_WORD, TPL_L_NONE, false, 10),
    COL("note", "Note", "备注", TPL_TEXT, TPL_L_NONE, false, 20),
    COLH("not_estimated", "Gases not estimated", "未估算的气体", "Gases deliberately not estimated, e.g. ch4, n2o",
         "有意不估算的气体,如 ch4, n2o", TPL_GASES, TPL_L_GAS, false, 12),
    COLH("feedstock_excluded", "Feedstock excluded", "已扣除原料用量", "yes when the amount has had feedstock and "
         "non-energy use taken out", "活动水平已扣除原料和非能源用途时填 是", TPL_YESNO, TPL_L_YESNO, false, 10),
    OVR("ncv", "NCV", "低位发热量"),
    OVR("co2", "CO2 EF", "CO2 排放因子"),
    OVR("ch4", "CH4 EF", "CH4 排放因子"),
    OVR("n2o", "N2O EF", "N2O 排放因子"),
    SLOT("1"),
    SLOT("2"),
    SLOT("3"),
};

static const tpl_col inv_ind[] = {
    COLH("kind", "Kind", "类型", "electricity or heat", "电力或热力", TPL_WORD, TPL_L_IND_KIND, true, 12),
    COL("amount", "Amount", "数量", TPL_NUM, TPL_L_NONE, true, 11),
    COLH("unit", "Unit", "单位", "An energy: 10^8 kWh, MWh, GJ, ...", "能量单位:亿千瓦时、MWh、GJ……", TPL_WORD,
         TPL_L_UNIT, true, 11),
    COLH("grid", "Grid", "电网", "The grid of the factor; empty = national", "排放因子所属电网;空 = 全国", TPL_WORD,
         TPL_L_GRID, false, 12),
    COL("factor_year", "Factor year", "因子年份", TPL_INT, TPL_L_NONE, false, 10),
    COLH("view", "View", "口径", "consumption (default) or net_import (may be negative)",
         "consumption 消费量(默认)或 net_import 净调入(可为负)", TPL_WORD, TPL_L_VIEW, false, 12),
    COL("source", "Source", "数据来源", TPL_TEXT, TPL_L_NONE, false, 34),
    OVR("co2", "CO2 factor", "CO2 排放因子"),
};

static const tpl_col inv_nk[] = {
    COL("category", "Category", "类别代码", TPL_WORD, TPL_L_CATEGORY, true, 12),
    NAMECOL(0, "Category name", "类别名称"),
    COLH("key", "Notation key", "注释键", "NO not occurring, NE not estimated, NA not applicable, IE included "
         "elsewhere, C confidential", "NO 未发生,NE 未估算,NA 不适用,IE 已计入其他,C 保密", TPL_WORD, TPL_L_NOTATION,
         true, 10),
    COL("note", "Note", "说明", TPL_TEXT, TPL_L_NONE, false, 50),
};

static const tpl_col inv_ref[] = {
    COL("fuel", "Fuel", "燃料", TPL_WORD, TPL_L_KEY, true, 24),
    NAMECOL(0, "Fuel name", "燃料名称"),
    COL("unit", "Unit", "单位", TPL_WORD, TPL_L_UNIT, true, 10),
    COL("production", "Production", "生产量", TPL_NUM, TPL_L_NONE, false, 11),
    COL("imports", "Imports", "调入量", TPL_NUM, TPL_L_NONE, false, 11),
    COL("exports", "Exports", "调出量", TPL_NUM, TPL_L_NONE, false, 11),
    COL("bunkers", "Bunkers", "国际燃料舱", TPL_NUM, TPL_L_NONE, false, 11),
    COLH("stock_change", "Stock change", "库存变化", "An increase is positive", "库存增加为正", TPL_NUM, TPL_L_NONE,
         false, 11),
    COL("non_energy_use", "Non-energy use", "非能源利用", TPL_NUM, TPL_L_NONE, false, 11),
    COL("source", "Source", "数据来源", TPL_TEXT, TPL_L_NONE, false, 34),
};

static const tpl_sheet inv_sheets[] = {
    {"Inventory", "清单", "Inventory", "清单基本信息", "Fill in column B. Rows with * are required.",
     "填写 B 列。带 * 的行必填。", NULL, inv_head, N(inv_head), true},
    {"Activities", "活动数据", "Activity data: one row per fuel or activity and category",
     "活动数据:每种燃料或活动、每个类别一行", "Pick category, fuel or activity and unit from the lists; the name "
     "columns fill themselves. Columns with * are required.", "从下拉列表选择类别、燃料或活动和单位;名称列自动显示。带 * 的列必填。",
     "activities", inv_acts, N(inv_acts), true},
    {"Indirect", "外购电力热力", "Purchased electricity and heat (indirect, scope 2)", "外购电力和热力(间接排放)",
     "Reported in their own table, never added to the direct totals.", "单独报告,不计入直接排放总量。", "indirect",
     inv_ind, N(inv_ind), false},
    {"Notation keys", "注释键", "Notation keys for categories not estimated", "未估算类别的注释键",
     "NO, NE, NA, IE or C for a category with no records.", "没有记录的类别填 NO、NE、NA、IE 或 C。", "notation_keys",
     inv_nk, N(inv_nk), false},
    {"Reference approach", "参考方法", "Reference approach: apparent consumption of primary fuels",
     "参考方法:一次燃料表观消费量", "Apparent consumption = production + imports - exports - bunkers - stock change.",
     "表观消费量 = 生产量 + 调入量 - 调出量 - 国际燃料舱 - 库存变化。", "reference_approach.fuels", inv_ref, N(inv_ref),
     false},
};

/* ------------------------------------------------------------------ series */

static const tpl_col ser_head[] = {
    ROW("series", "Series id", "序列编号", "A short id without spaces", "不含空格的简短编号", TPL_WORD, TPL_L_NONE, true,
        NULL),
    ROW("title", "Title", "标题", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("region", "Region", "地区", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("base_year", "Base year", "基准年", "One of the years on the Years sheet", "年度表中的一个年份", TPL_INT,
        TPL_L_NONE, true, NULL),
    ROW("price_base", "Price base year", "价格基年", "The year whose prices constant-price GDP is in",
        "不变价 GDP 所用价格的年份", TPL_INT, TPL_L_NONE, true, NULL),
    ROW("targets", "Targets file", "目标文件", "A targets YAML file, relative to the series file",
        "目标 YAML 文件,相对于序列文件的路径", TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("factor_sets[]", "Factor set 1", "因子集 1", "Where the standard-coal coefficients come from",
        "折标准煤系数的来源", TPL_WORD, TPL_L_SET, false, "china-energy"),
    ROW("factor_sets[]", "Factor set 2", "因子集 2", NULL, NULL, TPL_WORD, TPL_L_SET, false, NULL),
    ROW("factor_sets[]", "Factor set 3", "因子集 3", NULL, NULL, TPL_WORD, TPL_L_SET, false, NULL),
    ROW("electricity.method", "Electricity method (headline)", "电力折标方法(主口径)",
        "calorific (当量值) or coal_rate (发电煤耗法)", "calorific 当量值 或 coal_rate 发电煤耗法", TPL_WORD, TPL_L_METHOD,
        false, NULL),
    ROW("electricity.coal_rate.value", "Default generation coal rate", "默认发电煤耗", NULL, NULL, TPL_NUM, TPL_L_NONE,
        false, NULL),
    ROW("electricity.coal_rate.unit", "Coal rate unit", "发电煤耗单位", "gce/kWh", "gce/kWh", TPL_WORD, TPL_L_UNIT,
        false, NULL),
    ROW("electricity.coal_rate.source", "Coal rate source", "发电煤耗来源", NULL, NULL, TPL_TEXT, TPL_L_NONE, false,
        NULL),
    ROW("latest_statistics", "Latest statistics year", "最新统计年份",
        "Later years are plan estimates: their targets read \"expected\"", "此后各年为规划估计值,其目标状态为\"预计\"",
        TPL_INT, TPL_L_NONE, false, NULL),
    ROW("derive_energy", "Energy from the inventories", "能源取自清单",
        "yes (default): each year's energy comes from its inventory; the Energy sheet adds or replaces items",
        "是(默认):各年能源消费取自其清单;能源消费表增补或替换品种", TPL_YESNO, TPL_L_YESNO, false, NULL),
    ROW("notes", "Notes", "备注", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
};

static const tpl_col ser_years[] = {
    COL("year", "Year", "年份", TPL_INT, TPL_L_NONE, true, 8),
    COLH("inventory", "Inventory file", "清单文件", "The inventory YAML of that year, relative to the series file",
         "该年的清单 YAML 文件,相对于序列文件的路径", TPL_TEXT, TPL_L_NONE, true, 20),
    COL("note", "Note", "备注", TPL_TEXT, TPL_L_NONE, false, 16),
    COLH("estimate", "Estimate", "估计值", "yes for a plan estimate, not statistics (default: after the latest "
         "statistics year)", "规划估计值填是(默认:最新统计年份之后)", TPL_YESNO, TPL_L_YESNO, false, 8),
    COL("gdp.value", "GDP", "地区生产总值", TPL_NUM, TPL_L_NONE, true, 10),
    COL("gdp.unit", "GDP unit", "单位", TPL_WORD, TPL_L_UNIT, true, 10),
    COLH("gdp.prices", "Prices", "价格口径", "constant (at the price base year's prices) or current (give the deflator)",
         "constant 不变价 或 current 现价(需填平减指数)", TPL_WORD, TPL_L_PRICES, true, 10),
    COLH("gdp.deflator", "GDP deflator", "GDP 平减指数", "Price base year = 100", "价格基年 = 100", TPL_NUM, TPL_L_NONE,
         false, 10),
    COL("gdp.source", "GDP source", "GDP 来源", TPL_TEXT, TPL_L_NONE, false, 20),
    COL("population.value", "Population", "人口", TPL_NUM, TPL_L_NONE, true, 10),
    COL("population.unit", "Population unit", "人口单位", TPL_WORD, TPL_L_UNIT, true, 12),
    COL("population.source", "Population source", "人口来源", TPL_TEXT, TPL_L_NONE, false, 20),
    COL("coal_rate.value", "Coal rate", "发电煤耗", TPL_NUM, TPL_L_NONE, false, 10),
    COL("coal_rate.unit", "Coal rate unit", "发电煤耗单位", TPL_WORD, TPL_L_UNIT, false, 10),
    COL("coal_rate.source", "Coal rate source", "发电煤耗来源", TPL_TEXT, TPL_L_NONE, false, 20),
    COL("final_energy.total.value", "Final energy", "终端能源消费量", TPL_NUM, TPL_L_NONE, false, 10),
    COL("final_energy.total.unit", "Final energy unit", "终端能源单位", TPL_WORD, TPL_L_UNIT, false, 10),
    COL("final_energy.electricity.value", "Final electricity", "终端电力消费量", TPL_NUM, TPL_L_NONE, false, 10),
    COL("final_energy.electricity.unit", "Final electricity unit", "终端电力单位", TPL_WORD, TPL_L_UNIT, false, 10),
    COL("final_energy.source", "Final energy source", "终端能源来源", TPL_TEXT, TPL_L_NONE, false, 20),
};

static const tpl_col ser_energy[] = {
    COLH("@years.year", "Year", "年份", "A year of the Years sheet", "年度表中的年份", TPL_INT, TPL_L_NONE, true, 8),
    COLH("fuel", "Fuel", "能源品种", "A fuel key with a standard-coal coefficient (china-energy)",
         "有折标准煤系数的能源代码(china-energy)", TPL_WORD, TPL_L_KEY, true, 22),
    NAMECOL(1, "Fuel name", "能源名称"),
    COLH("kind", "Kind", "类型", "fossil (default), primary_electricity, net_import_electricity or heat",
         "fossil 化石能源(默认)、primary_electricity 一次电力、net_import_electricity 净调入电力、heat 热力",
         TPL_WORD, TPL_L_ENERGY_KIND, false, 20),
    COL("amount", "Amount", "数量", TPL_NUM, TPL_L_NONE, true, 10),
    COL("unit", "Unit", "单位", TPL_WORD, TPL_L_UNIT, true, 10),
    COL("source", "Source", "数据来源", TPL_TEXT, TPL_L_NONE, false, 30),
    OVR("sce", "Standard-coal coefficient", "折标准煤系数"),
};

static const tpl_sheet ser_sheets[] = {
    {"Series", "序列", "Intensity series", "强度指标序列", "Fill in column B. Rows with * are required.",
     "填写 B 列。带 * 的行必填。", NULL, ser_head, N(ser_head), true},
    {"Years", "年度", "One row per year", "每年一行", "GDP, population and the inventory file of each year.",
     "每年的地区生产总值、人口和清单文件。", "years", ser_years, N(ser_years), true},
    {"Energy", "能源消费", "Energy consumption: one row per year and fuel", "能源消费:每年每个品种一行",
     "Adds to or replaces (same fuel and kind) what comes from the year's inventory; the year links each row to "
     "its row on the Years sheet.", "增补或替换(同品种同类型)取自该年清单的能源;年份把每行与年度表中的该年对应。",
     "years.energy",
     ser_energy, N(ser_energy), true},
};

/* ------------------------------------------------------------------ enterprise report (docs/audit.md) */

static const tpl_col rep_head[] = {
    ROW("report", "Report id", "报告编号", NULL, NULL, TPL_WORD, TPL_L_NONE, true, NULL),
    ROW("title", "Title", "标题", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("year", "Year", "年份", NULL, NULL, TPL_INT, TPL_L_NONE, true, NULL),
    ROW("factor_sets[]", "Factor set 1", "因子集 1", NULL, NULL, TPL_WORD, TPL_L_SET, true, "china-energy"),
    ROW("factor_sets[]", "Factor set 2", "因子集 2", NULL, NULL, TPL_WORD, TPL_L_SET, false, "ipcc2006-energy"),
    ROW("factor_sets[]", "Factor set 3", "因子集 3", NULL, NULL, TPL_WORD, TPL_L_SET, false, "china-grid"),
    ROW("enterprise.name", "Enterprise name (C.1)", "企业名称(C.1)", NULL, NULL, TPL_TEXT, TPL_L_NONE, true, NULL),
    ROW("enterprise.credit_code", "Unified social credit code", "统一社会信用代码", "18 characters (GB 32100-2015)",
        "18 位(GB 32100-2015)", TPL_WORD, TPL_L_NONE, true, NULL),
    ROW("enterprise.industry", "Industry", "行业", NULL, NULL, TPL_WORD, TPL_L_INDUSTRY, true, NULL),
    ROW("enterprise.route", "Route", "工艺路线", "steel: bf_bof or eaf; chemicals: gas or coal",
        "钢铁:bf_bof 或 eaf;化工:gas 或 coal", TPL_WORD, TPL_L_NONE, false, NULL),
    ROW("enterprise.sub_sector", "Sub-sector", "子行业", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("enterprise.address", "Address", "地址", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
    ROW("totals.combustion", "Declared combustion emissions (t CO2)", "申报燃烧排放(t CO2)", NULL, NULL, TPL_NUM,
        TPL_L_NONE, false, NULL),
    ROW("totals.process", "Declared process emissions (t CO2)", "申报过程排放(t CO2)", NULL, NULL, TPL_NUM,
        TPL_L_NONE, false, NULL),
    ROW("totals.indirect", "Declared indirect emissions (t CO2)", "申报间接排放(t CO2)", NULL, NULL, TPL_NUM,
        TPL_L_NONE, false, NULL),
    ROW("totals.emissions", "Declared total emissions (t CO2)", "申报排放总量(t CO2)", NULL, NULL, TPL_NUM, TPL_L_NONE,
        false, NULL),
    ROW("production.generation", "Generation (MWh)", "发电量(MWh)", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("production.heat_supplied", "Heat supplied (GJ)", "供热量(GJ)", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("production.clinker", "Clinker (t)", "熟料产量(t)", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("production.cement", "Cement (t)", "水泥产量(t)", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("production.crude_steel", "Crude steel (t)", "粗钢产量(t)", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("production.ammonia", "Ammonia (t)", "合成氨产量(t)", NULL, NULL, TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("previous.year", "Previous year", "上一年度", NULL, NULL, TPL_INT, TPL_L_NONE, false, NULL),
    ROW("previous.emissions", "Previous year's verified emissions (t CO2)", "上年核查排放量(t CO2)", NULL, NULL,
        TPL_NUM, TPL_L_NONE, false, NULL),
    ROW("notes", "Notes", "备注", NULL, NULL, TPL_TEXT, TPL_L_NONE, false, NULL),
};

static const tpl_col rep_units[] = {
    COL("id", "Unit id", "机组编号", TPL_WORD, TPL_L_NONE, true, 10),
    COL("name", "Name", "名称", TPL_TEXT, TPL_L_NONE, false, 16),
    COLH("class", "Class", "类别", "coal_ge400, coal_lt400, coal_unconventional, gas, oil, igcc, ccpp, other; other "
         "industries: kiln, integrated, boiler", "coal_ge400、coal_lt400、gas……;其他行业:kiln、integrated、boiler",
         TPL_WORD, TPL_L_NONE, false, 14),
    COL("product", "Product", "产品", TPL_WORD, TPL_L_PRODUCT, false, 11),
    COL("capacity", "Capacity (MW)", "装机容量(MW)", TPL_NUM, TPL_L_NONE, false, 10),
    COL("boiler", "Boiler", "锅炉", TPL_TEXT, TPL_L_NONE, false, 12),
    COL("generation", "Generation M (MWh)", "发电量 M(MWh)", TPL_NUM, TPL_L_NONE, false, 12),
    COL("heat_supplied", "Heat supplied N (GJ)", "供热量 N(GJ)", TPL_NUM, TPL_L_NONE, false, 12),
    COL("running_hours", "Running hours O (h)", "运行小时 O(h)", TPL_NUM, TPL_L_NONE, false, 10),
    COL("utilisation_hours", "Utilisation hours (h)", "利用小时(h)", TPL_NUM, TPL_L_NONE, false, 10),
    COL("load_factor", "Load factor P (%)", "负荷率 P(%)", TPL_PCT, TPL_L_NONE, false, 10),
    COL("emissions", "Emissions Q (t CO2)", "排放量 Q(t CO2)", TPL_NUM, TPL_L_NONE, false, 12),
};

static const tpl_col rep_fuels[] = {
    COLH("@units.id", "Unit id", "机组编号", "The unit on the Units sheet", "机组表中的机组编号", TPL_WORD, TPL_L_NONE,
         true, 10),
    COL("fuel", "Fuel", "燃料", TPL_WORD, TPL_L_KEY, true, 20),
    NAMECOL(1, "Fuel name", "燃料名称"),
    COLH("unit", "Unit", "单位", "t or 10^4 Nm3", "t 或 10^4 Nm3", TPL_WORD, TPL_L_UNIT, true, 10),
    COL("state", "State", "状态", TPL_WORD, TPL_L_STATE, false, 12),
    COL("basis", "Basis", "基准", TPL_WORD, TPL_L_BASIS, false, 12),
    COL("amount", "Amount A", "消耗量 A", TPL_NUM, TPL_L_NONE, false, 12),
    COL("carbon", "Carbon B (tC/t)", "元素碳含量 B(tC/t)", TPL_NUM, TPL_L_NONE, false, 10),
    COL("ncv", "NCV C (GJ/t)", "低位发热量 C(GJ/t)", TPL_NUM, TPL_L_NONE, false, 10),
    COL("carbon_per_heat", "Carbon per heat D (tC/GJ)", "单位热值含碳量 D(tC/GJ)", TPL_NUM, TPL_L_NONE, false, 10),
    COL("oxidation", "Oxidation E (%)", "碳氧化率 E(%)", TPL_PCT, TPL_L_NONE, false, 10),
    COL("emissions", "Emissions F (t CO2)", "排放量 F(t CO2)", TPL_NUM, TPL_L_NONE, false, 12),
    COL("ncv_how", "NCV determined", "低位发热量获取方式", TPL_WORD, TPL_L_HOW, false, 14),
    COL("carbon_how", "Carbon determined", "含碳量获取方式", TPL_WORD, TPL_L_HOW, false, 14),
    COL("source", "Source", "数据来源", TPL_TEXT, TPL_L_NONE, false, 20),
};

static const tpl_col rep_months[] = {
    COL("@units.id", "Unit id", "机组编号", TPL_WORD, TPL_L_NONE, true, 10),
    COL("@fuels.fuel", "Fuel", "燃料", TPL_WORD, TPL_L_KEY, true, 20),
    COL("month", "Month", "月份", TPL_INT, TPL_L_NONE, true, 7),
    COL("amount", "Amount", "消耗量", TPL_NUM, TPL_L_NONE, false, 12),
    COL("ncv", "NCV", "低位发热量", TPL_NUM, TPL_L_NONE, false, 10),
    COL("ncv_how", "NCV determined", "低位发热量获取方式", TPL_WORD, TPL_L_HOW, false, 14),
    COL("carbon", "Carbon", "元素碳含量", TPL_NUM, TPL_L_NONE, false, 10),
    COL("carbon_how", "Carbon determined", "含碳量获取方式", TPL_WORD, TPL_L_HOW, false, 14),
    COL("moisture", "Moisture (%)", "水分(%)", TPL_PCT, TPL_L_NONE, false, 9),
    COL("ash", "Ash (%)", "灰分(%)", TPL_PCT, TPL_L_NONE, false, 9),
    COL("sampled", "Sampled", "采样日期", TPL_DATE, TPL_L_NONE, false, 11),
    COL("reported", "Reported", "报告日期", TPL_DATE, TPL_L_NONE, false, 11),
};

static const tpl_col rep_process[] = {
    COL("kind", "Kind", "类型", TPL_WORD, TPL_L_PROCESS, true, 14),
    COL("id", "Id", "编号", TPL_WORD, TPL_L_NONE, false, 10),
    COL("material", "Material", "物料", TPL_WORD, TPL_L_KEY, false, 16),
    COL("unit", "Unit", "单位", TPL_WORD, TPL_L_UNIT, true, 10),
    COL("amount", "Amount", "数量", TPL_NUM, TPL_L_NONE, true, 12),
    COL("ef", "Factor", "排放因子", TPL_NUM, TPL_L_NONE, false, 10),
    COL("ef_unit", "Factor unit", "因子单位", TPL_WORD, TPL_L_UNIT, false, 12),
    COL("cao", "CaO", "CaO", TPL_NUM, TPL_L_NONE, false, 8),
    COL("mgo", "MgO", "MgO", TPL_NUM, TPL_L_NONE, false, 8),
    COL("toc", "TOC", "TOC", TPL_NUM, TPL_L_NONE, false, 8),
    COL("purity", "Purity", "纯度", TPL_NUM, TPL_L_NONE, false, 8),
    COL("emissions", "Emissions (t CO2)", "排放量(t CO2)", TPL_NUM, TPL_L_NONE, false, 12),
    COL("source", "Source", "数据来源", TPL_TEXT, TPL_L_NONE, false, 20),
};

static const tpl_col rep_energy[] = {
    COL("kind", "Kind", "类型", TPL_WORD, TPL_L_IND_KIND, true, 12),
    COL("amount", "Amount", "数量", TPL_NUM, TPL_L_NONE, true, 12),
    COL("unit", "Unit", "单位", TPL_WORD, TPL_L_UNIT, false, 10),
    COL("grid", "Grid", "电网", TPL_WORD, TPL_L_GRID, false, 12),
    COL("factor", "Factor", "排放因子", TPL_NUM, TPL_L_NONE, false, 10),
    COL("factor_unit", "Factor unit", "因子单位", TPL_WORD, TPL_L_UNIT, false, 12),
    COL("emissions", "Emissions (t CO2)", "排放量(t CO2)", TPL_NUM, TPL_L_NONE, false, 12),
};

static const tpl_sheet rep_sheets[] = {
    {"Report", "报告", "Enterprise emission report (annex C.1)", "企业温室气体排放报告(附表 C.1)",
     "Fill in column B. Rows with * are required.", "填写 B 列。带 * 的行必填。", NULL, rep_head, N(rep_head), true},
    {"Units", "机组", "Units and facilities (C.2, C.4)", "机组和设施(C.2、C.4)", "One row per unit.", "每个机组一行。",
     "units", rep_units, N(rep_units), false},
    {"Fuels", "燃料", "Fossil fuel combustion (C.3, codes A-F)", "化石燃料燃烧(C.3,代码 A-F)",
     "One row per unit and fuel; the unit id links it to the Units sheet.", "每个机组每种燃料一行;机组编号与机组表对应。",
     "units.fuels", rep_fuels, N(rep_fuels), false},
    {"Months", "月度数据", "Monthly data (C.3 monthly columns, C.5)", "月度数据(C.3 月度列、C.5)",
     "One row per unit, fuel and month.", "每个机组、每种燃料、每月一行。", "units.fuels.months", rep_months,
     N(rep_months), false},
    {"Process", "过程排放", "Process sources", "过程排放源", "One row per process source.", "每个过程排放源一行。",
     "process", rep_process, N(rep_process), false},
    {"Purchased", "购入电力热力", "Purchased electricity and heat", "购入电力和热力", "One row per item.", "每项一行。",
     "purchased", rep_energy, N(rep_energy), false},
    {"Exported", "输出电力热力", "Exported electricity and heat", "输出电力和热力", "One row per item.", "每项一行。",
     "exported", rep_energy, N(rep_energy), false},
};

static const tpl_kind tpl_kinds[] = {
    {"inventory", "inventory", inv_sheets, N(inv_sheets)},
    {"series", "series", ser_sheets, N(ser_sheets)},
    {"report", "report", rep_sheets, N(rep_sheets)},
};

/* clang-format on */

const tpl_kind *tpl_kind_named(const char *id)
{
    for (size_t i = 0; i < N(tpl_kinds); i++)
        if (strcmp(tpl_kinds[i].id, id) == 0)
            return &tpl_kinds[i];
    return NULL;
}

size_t tpl_kind_count(void) { return N(tpl_kinds); }
const tpl_kind *tpl_kind_at(size_t i) { return i < N(tpl_kinds) ? &tpl_kinds[i] : NULL; }

/* ------------------------------------------------------------------ lists */

static const char *const l_gas[] = {"co2",    "ch4",     "n2o",     "sf6",     "nf3", "hfc23", "hfc32",
                                    "hfc125", "hfc134a", "hfc143a", "hfc152a", "cf4", "c2f6",  NULL};
static const char *const l_notation[] = {"NO", "NE", "NA", "IE", "C", NULL};
static const char *const l_ind[] = {"electricity", "heat", NULL};
static const char *const l_view[] = {"consumption", "net_import", NULL};
static const char *const l_yesno[] = {"yes", "no", NULL};
/* Record-level parameters other than the four override columns (docs/input-format.md, product terms). */
static const char *const l_param[] = {"carbon_content",
                                      "oxidation",
                                      "correction",
                                      "fraction",
                                      "fossil_fraction",
                                      "dry_matter",
                                      "carbon_fraction",
                                      "mcf",
                                      "nitrogen",
                                      "days",
                                      "scaling",
                                      "scaling_water",
                                      "scaling_preseason",
                                      "scaling_organic",
                                      "density",
                                      "bef",
                                      "abatement",
                                      "recovery",
                                      "cullet",
                                      "root_shoot",
                                      NULL};
static const char *const l_prices[] = {"constant", "current", NULL};
static const char *const l_method[] = {"calorific", "coal_rate", NULL};
static const char *const l_ekind[] = {"fossil", "primary_electricity", "net_import_electricity", "heat", NULL};
static const char *const l_industry[] = {"power", "cement", "steel", "chemicals", "other", NULL};
static const char *const l_process[] = {"clinker",      "raw_meal",       "carbonate", "desulfurisation", "electrode",
                                        "carbon_input", "carbon_product", "feedstock", "co2_recovered",   NULL};
static const char *const l_state[] = {"as_fired", "as_delivered", NULL};
static const char *const l_basis[] = {"as_received", "air_dried", "dry", NULL};
static const char *const l_how[] = {"self_tested", "commissioned", "supplier", "not_measured", NULL};
static const char *const l_product[] = {"condensing", "chp", NULL};

/* Units the drop-down offers: the Chinese statistical ones and the common SI ones (units.c parses them all). */
static const char *const l_units[] = {
    "t",          "10^4 t",    "万吨",       "kt",          "Gg",        "kg",         "TJ",          "GJ",
    "MJ",         "GJ/t",      "TJ/Gg",      "GJ/10^4 Nm3", "m3",        "10^4 m3",    "10^8 m3",     "10^4 Nm3",
    "Nm3",        "万立方米",  "亿立方米",   "kWh",         "MWh",       "10^4 kWh",   "10^8 kWh",    "亿千瓦时",
    "tce",        "10^4 tce",  "万吨标准煤", "head",        "10^4 head", "万头",       "ha",          "10^4 ha",
    "10^4 t BOD", "10^8 yuan", "亿元",       "10^4 yuan",   "万元",      "person",     "10^4 person", "万人",
    "kg/TJ",      "t CO2/TJ",  "tC/TJ",      "t CO2/t",     "t CO2/MWh", "kg CO2/kWh", "kgce/kg",     "kgce/m3",
    "gce/kWh",    "d",         "%",          "1",           "t DM/m3",   NULL};

const char *const *tpl_list_values(tpl_list l)
{
    switch (l) {
    case TPL_L_GAS:
        return l_gas;
    case TPL_L_NOTATION:
        return l_notation;
    case TPL_L_IND_KIND:
        return l_ind;
    case TPL_L_VIEW:
        return l_view;
    case TPL_L_YESNO:
        return l_yesno;
    case TPL_L_PARAM:
        return l_param;
    case TPL_L_PRICES:
        return l_prices;
    case TPL_L_METHOD:
        return l_method;
    case TPL_L_ENERGY_KIND:
        return l_ekind;
    case TPL_L_INDUSTRY:
        return l_industry;
    case TPL_L_PROCESS:
        return l_process;
    case TPL_L_STATE:
        return l_state;
    case TPL_L_BASIS:
        return l_basis;
    case TPL_L_HOW:
        return l_how;
    case TPL_L_PRODUCT:
        return l_product;
    default:
        return NULL;
    }
}

const char *const *tpl_units(void) { return l_units; }

const char *tpl_list_name(tpl_list l)
{
    static const char *const names[TPL_L_COUNT] = {[TPL_L_NONE] = "",
                                                   [TPL_L_CATEGORY] = "Categories",
                                                   [TPL_L_KEY] = "Keys",
                                                   [TPL_L_UNIT] = "Units",
                                                   [TPL_L_GAS] = "Gases",
                                                   [TPL_L_SET] = "FactorSets",
                                                   [TPL_L_GWP] = "GWPSets",
                                                   [TPL_L_NOTATION] = "NotationKeys",
                                                   [TPL_L_IND_KIND] = "IndirectKinds",
                                                   [TPL_L_VIEW] = "Views",
                                                   [TPL_L_GRID] = "Grids",
                                                   [TPL_L_YESNO] = "YesNo",
                                                   [TPL_L_PARAM] = "Parameters",
                                                   [TPL_L_PRICES] = "Prices",
                                                   [TPL_L_METHOD] = "Methods",
                                                   [TPL_L_ENERGY_KIND] = "EnergyKinds",
                                                   [TPL_L_INDUSTRY] = "Industries",
                                                   [TPL_L_PROCESS] = "ProcessKinds",
                                                   [TPL_L_STATE] = "States",
                                                   [TPL_L_BASIS] = "Bases",
                                                   [TPL_L_HOW] = "Hows",
                                                   [TPL_L_PRODUCT] = "Products"};
    return (unsigned)l < TPL_L_COUNT ? names[l] : "";
}

bool tpl_list_closed(tpl_list l) { return tpl_list_values(l) != NULL && l != TPL_L_PARAM && l != TPL_L_GAS; }
