/* tpl_names.c - Chinese names of the IPCC fuel and activity keys, for the templates' name columns. */
#include <stdio.h>
#include <string.h>

#include "tpl_spec.h"

/* The terms of the Chinese edition of the 2006 IPCC Guidelines (Vol.2 Table 1.1 fuels) and of China's
 * provincial inventory guideline, for the keys of the shipped ipcc2006-* sets. Sets whose `name:` already
 * holds the Chinese name in parentheses (china-energy, cn-steel-2024) do not need this table. */
static const struct {
    const char *key, *zh;
} tpl_zh[] = {
    /* energy: Vol.2 Table 1.1 */
    {"anthracite", "无烟煤"},
    {"aviation_gasoline", "航空汽油"},
    {"biodiesels", "生物柴油"},
    {"biogasoline", "生物汽油"},
    {"bitumen", "沥青"},
    {"blast_furnace_gas", "高炉煤气"},
    {"brown_coal_briquettes", "褐煤型煤"},
    {"charcoal", "木炭"},
    {"coal_tar", "煤焦油"},
    {"coke_oven_coke", "焦炭"},
    {"coke_oven_gas", "焦炉煤气"},
    {"coking_coal", "炼焦煤"},
    {"crude_oil", "原油"},
    {"ethane", "乙烷"},
    {"gas_coke", "煤气焦"},
    {"gas_diesel_oil", "柴油"},
    {"gas_diesel_oil_offroad", "柴油(非道路)"},
    {"gas_works_gas", "煤气厂煤气"},
    {"jet_gasoline", "航空汽油型喷气燃料"},
    {"jet_kerosene", "航空煤油"},
    {"landfill_gas", "填埋气"},
    {"lignite", "褐煤"},
    {"lpg", "液化石油气"},
    {"lubricants", "润滑油"},
    {"motor_gasoline", "车用汽油"},
    {"motor_gasoline_4stroke_offroad", "车用汽油(非道路四冲程)"},
    {"motor_gasoline_ldv1995", "车用汽油(1995 年后轻型车)"},
    {"motor_gasoline_oxcat", "车用汽油(氧化催化)"},
    {"municipal_wastes_biomass", "城市垃圾(生物质部分)"},
    {"municipal_wastes_non_biomass", "城市垃圾(非生物质部分)"},
    {"naphtha", "石脑油"},
    {"natural_gas", "天然气"},
    {"natural_gas_liquids", "天然气凝析液"},
    {"oil_shale_tar_sands", "油页岩和油砂"},
    {"orimulsion", "奥里乳化油"},
    {"other_biogas", "其他沼气"},
    {"other_bituminous_coal", "其他烟煤"},
    {"other_kerosene", "其他煤油"},
    {"other_liquid_biofuels", "其他液体生物燃料"},
    {"other_petroleum_products", "其他石油制品"},
    {"other_primary_solid_biomass", "其他一次固体生物质"},
    {"oxygen_steel_furnace_gas", "转炉煤气"},
    {"paraffin_waxes", "石蜡"},
    {"patent_fuel", "型煤"},
    {"peat", "泥炭"},
    {"petroleum_coke", "石油焦"},
    {"refinery_feedstocks", "炼厂原料"},
    {"refinery_gas", "炼厂干气"},
    {"residual_fuel_oil", "燃料油"},
    {"shale_oil", "页岩油"},
    {"sludge_gas", "污泥气"},
    {"sub_bituminous_coal", "次烟煤"},
    {"sulphite_lyes", "亚硫酸盐废液"},
    {"waste_oils", "废油"},
    {"white_spirit_sbp", "溶剂油"},
    {"wood_wood_waste", "木材和木材废弃物"},
    {"electricity", "电力"},
    /* fugitive */
    {"surface_coal_mining", "露天开采"},
    {"surface_coal_post_mining", "露天矿后活动"},
    {"underground_coal_mining", "井工开采"},
    {"underground_coal_post_mining", "井工矿后活动"},
    /* industrial processes */
    {"aluminium_cwpb", "电解铝(中心加料预焙槽)"},
    {"aluminium_hss", "电解铝(水平棒自焙槽)"},
    {"aluminium_swpb", "电解铝(边部加料预焙槽)"},
    {"aluminium_vss", "电解铝(垂直棒自焙槽)"},
    {"ammonia", "合成氨"},
    {"carbonate_calcite", "碳酸盐:方解石"},
    {"carbonate_dolomite", "碳酸盐:白云石"},
    {"carbonate_magnesite", "碳酸盐:菱镁矿"},
    {"carbonate_soda_ash", "碳酸盐:纯碱"},
    {"clinker", "水泥熟料"},
    {"clinker_tier2", "水泥熟料(方法 2)"},
    {"dri", "直接还原铁"},
    {"glass", "玻璃"},
    {"lime", "石灰"},
    {"lime_dolomitic_developed", "白云石灰(发达国家)"},
    {"lime_dolomitic_developing", "白云石灰(发展中国家)"},
    {"lime_high_calcium", "高钙石灰"},
    {"lime_hydraulic", "水硬石灰"},
    {"metallurgical_coke", "冶金焦"},
    {"nitric_acid", "硝酸"},
    {"pellet", "球团矿"},
    {"pig_iron", "生铁"},
    {"sinter", "烧结矿"},
    {"steel_average", "钢(平均)"},
    {"steel_bof", "转炉钢"},
    {"steel_eaf", "电炉钢"},
    {"steel_ohf", "平炉钢"},
    /* agriculture and forest */
    {"buffalo", "水牛"},
    {"camels", "骆驼"},
    {"crop_residue_n", "作物秸秆还田氮"},
    {"dairy_cattle", "奶牛"},
    {"dolomite", "白云石"},
    {"flooded_rice_n", "淹水稻田氮输入"},
    {"goats", "山羊"},
    {"horses", "马"},
    {"limestone", "石灰石"},
    {"manure_n", "粪肥氮"},
    {"manure_n_excreted", "排泄氮"},
    {"mineralised_n", "矿化氮"},
    {"mules_asses", "驴和骡"},
    {"n_leaching", "氮淋溶径流"},
    {"n_volatilisation", "氮挥发(化肥)"},
    {"n_volatilisation_organic", "氮挥发(有机肥)"},
    {"other_cattle", "非奶牛"},
    {"poultry", "家禽"},
    {"prp_n", "放牧粪尿氮"},
    {"rice", "水稻"},
    {"sheep_developed", "绵羊(发达国家)"},
    {"sheep_developing", "绵羊(发展中国家)"},
    {"swine_developed", "猪(发达国家)"},
    {"swine_developing", "猪(发展中国家)"},
    {"synthetic_n", "化肥氮"},
    {"urea", "尿素"},
    {"forest_stock_growth", "森林蓄积量增长"},
    /* waste */
    {"advanced_wwtp", "先进污水处理厂"},
    {"domestic_wastewater", "生活污水"},
    {"incineration_co2", "焚烧(CO2)"},
    {"industrial_waste_incineration", "工业废物焚烧"},
    {"industrial_wastewater", "工业废水"},
    {"msw_incineration", "城市生活垃圾焚烧"},
    {"msw_open_burning", "城市生活垃圾露天焚烧"},
    {"open_burning_co2", "露天焚烧(CO2)"},
    {"sludge_incineration", "污泥焚烧"},
    {"wastewater_effluent_n", "污水排放氮"},
};

/* Whether s[0..n) holds a byte of a multi-byte UTF-8 character (Chinese text). */
static bool tpl_has_cjk(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

void tpl_key_names(const char *key, const char *label, char *en, size_t enlen, char *zh, size_t zhlen)
{
    /* "Raw coal (原煤)": the parenthesised Chinese part is the Chinese name, the rest the English one. */
    const char *open = label ? strstr(label, " (") : NULL;
    const char *close = open ? strchr(open, ')') : NULL;
    if (open && close && tpl_has_cjk(open, (size_t)(close - open))) {
        snprintf(en, enlen, "%.*s%s", (int)(open - label), label, close + 1);
        snprintf(zh, zhlen, "%.*s", (int)(close - open - 2), open + 2);
        return;
    }
    snprintf(en, enlen, "%s", label ? label : key);
    const char *at = strchr(key, '@');
    size_t base = at ? (size_t)(at - key) : strlen(key);
    for (size_t i = 0; i < sizeof tpl_zh / sizeof *tpl_zh; i++)
        if (strlen(tpl_zh[i].key) == base && strncmp(tpl_zh[i].key, key, base) == 0) {
            snprintf(zh, zhlen, "%s%s%s%s", tpl_zh[i].zh, at ? "(" : "", at ? at + 1 : "", at ? ")" : "");
            return;
        }
    snprintf(zh, zhlen, "%s", en);
}
