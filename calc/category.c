/* category.c - the IPCC 2006 category tree (Vol.1 Ch.8 Table 8.2; Vol.2 Ch.2 Table 2.1 for energy). */
#include "category.h"

#include <stdio.h>
#include <string.h>

#include "textutil.h"

/* Chinese names follow the terms of China's provincial inventory guideline. */
static const cat_info cat_table[] = {
    {"1", "Energy", "能源活动"},
    {"1.A", "Fuel combustion activities", "化石燃料燃烧"},
    {"1.A.1", "Energy industries", "能源工业"},
    {"1.A.1.a", "Main activity electricity and heat production", "电力和热力生产"},
    {"1.A.1.a.i", "Electricity generation", "发电"},
    {"1.A.1.a.ii", "Combined heat and power generation", "热电联产"},
    {"1.A.1.a.iii", "Heat plants", "供热"},
    {"1.A.1.b", "Petroleum refining", "石油炼制"},
    {"1.A.1.c", "Manufacture of solid fuels and other energy industries", "固体燃料制造和其他能源工业"},
    {"1.A.2", "Manufacturing industries and construction", "制造业和建筑业"},
    {"1.A.2.a", "Iron and steel", "钢铁"},
    {"1.A.2.b", "Non-ferrous metals", "有色金属"},
    {"1.A.2.c", "Chemicals", "化工"},
    {"1.A.2.d", "Pulp, paper and print", "造纸和印刷"},
    {"1.A.2.e", "Food processing, beverages and tobacco", "食品、饮料和烟草"},
    {"1.A.2.f", "Non-metallic minerals", "非金属矿物制品"},
    {"1.A.2.g", "Transport equipment", "交通运输设备"},
    {"1.A.2.h", "Machinery", "机械"},
    {"1.A.2.i", "Mining (excluding fuels) and quarrying", "采矿(燃料除外)"},
    {"1.A.2.j", "Wood and wood products", "木材及木制品"},
    {"1.A.2.k", "Construction", "建筑业"},
    {"1.A.2.l", "Textile and leather", "纺织和皮革"},
    {"1.A.2.m", "Non-specified industry", "其他工业"},
    {"1.A.3", "Transport", "交通运输"},
    {"1.A.3.a", "Civil aviation", "民用航空"},
    {"1.A.3.a.ii", "Domestic aviation", "国内航空"},
    {"1.A.3.b", "Road transportation", "道路运输"},
    {"1.A.3.b.i", "Cars", "轿车"},
    {"1.A.3.b.ii", "Light-duty trucks", "轻型货车"},
    {"1.A.3.b.iii", "Heavy-duty trucks and buses", "重型货车和客车"},
    {"1.A.3.b.iv", "Motorcycles", "摩托车"},
    {"1.A.3.c", "Railways", "铁路运输"},
    {"1.A.3.d", "Water-borne navigation", "水运"},
    {"1.A.3.d.ii", "Domestic water-borne navigation", "国内水运"},
    {"1.A.3.e", "Other transportation", "其他交通运输"},
    {"1.A.3.e.i", "Pipeline transport", "管道运输"},
    {"1.A.3.e.ii", "Off-road", "非道路交通"},
    {"1.A.4", "Other sectors", "其他部门"},
    {"1.A.4.a", "Commercial/institutional", "商业和公共机构"},
    {"1.A.4.b", "Residential", "居民生活"},
    {"1.A.4.c", "Agriculture/forestry/fishing/fish farms", "农业、林业和渔业"},
    {"1.A.4.c.i", "Stationary", "固定源"},
    {"1.A.4.c.ii", "Off-road vehicles and other machinery", "非道路车辆和其他机械"},
    {"1.A.4.c.iii", "Fishing (mobile combustion)", "渔业(移动源燃烧)"},
    {"1.A.5", "Non-specified", "其他未列明"},
    /* 1.B: fugitive emissions from fuels (IPCC 2006 Vol.2 Ch.4; Vol.1 Ch.8 Table 8.2) */
    {"1.B", "Fugitive emissions from fuels", "燃料逃逸排放"},
    {"1.B.1", "Solid fuels", "固体燃料"},
    {"1.B.1.a", "Coal mining and handling", "煤炭开采和矿后活动"},
    {"1.B.1.a.i", "Underground mines", "井工开采"},
    {"1.B.1.a.i.1", "Underground mines: mining", "井工开采:开采"},
    {"1.B.1.a.i.2", "Underground mines: post-mining seam gas emissions", "井工开采:矿后活动"},
    {"1.B.1.a.i.3", "Abandoned underground mines", "废弃井工矿"},
    {"1.B.1.a.i.4", "Flaring of drained methane or conversion of methane to CO2", "抽放瓦斯火炬燃烧或转化为CO2"},
    {"1.B.1.a.ii", "Surface mines", "露天开采"},
    {"1.B.1.a.ii.1", "Surface mines: mining", "露天开采:开采"},
    {"1.B.1.a.ii.2", "Surface mines: post-mining seam gas emissions", "露天开采:矿后活动"},
    {"1.B.2", "Oil and natural gas", "石油和天然气系统"},
    {"1.B.2.a", "Oil", "石油"},
    {"1.B.2.a.i", "Oil: venting", "石油:放空"},
    {"1.B.2.a.ii", "Oil: flaring", "石油:火炬燃烧"},
    {"1.B.2.a.iii", "Oil: all other", "石油:其他"},
    {"1.B.2.a.iii.1", "Oil: exploration", "石油:勘探"},
    {"1.B.2.a.iii.2", "Oil: production and upgrading", "石油:开采和改质"},
    {"1.B.2.a.iii.3", "Oil: transport", "石油:输送"},
    {"1.B.2.a.iii.4", "Oil: refining", "石油:炼制"},
    {"1.B.2.b", "Natural gas", "天然气"},
    {"1.B.2.b.i", "Natural gas: venting", "天然气:放空"},
    {"1.B.2.b.ii", "Natural gas: flaring", "天然气:火炬燃烧"},
    {"1.B.2.b.iii", "Natural gas: all other", "天然气:其他"},
    {"1.B.2.b.iii.2", "Natural gas: production", "天然气:开采"},
    {"1.B.2.b.iii.3", "Natural gas: processing", "天然气:处理"},
    {"1.B.2.b.iii.4", "Natural gas: transmission and storage", "天然气:输送和储存"},
    {"1.B.2.b.iii.5", "Natural gas: distribution", "天然气:分配"},
    {"2", "Industrial processes and product use", "工业生产过程和产品使用"},
    {"2.A", "Mineral industry", "非金属矿物生产"},
    {"2.A.1", "Cement production", "水泥生产"},
    {"2.A.2", "Lime production", "石灰生产"},
    {"2.A.3", "Glass production", "玻璃生产"},
    {"2.A.4", "Other process uses of carbonates", "其他碳酸盐使用"},
    {"2.B", "Chemical industry", "化学工业"},
    {"2.B.1", "Ammonia production", "合成氨生产"},
    {"2.B.2", "Nitric acid production", "硝酸生产"},
    {"2.B.3", "Adipic acid production", "己二酸生产"},
    {"2.B.5", "Carbide production", "电石生产"},
    {"2.B.8", "Petrochemical and carbon black production", "石油化工和炭黑生产"},
    {"2.B.8.a", "Methanol", "甲醇"},
    {"2.B.8.b", "Ethylene", "乙烯"},
    {"2.B.8.f", "Carbon black", "炭黑"},
    {"2.C", "Metal industry", "金属冶炼"},
    {"2.C.1", "Iron and steel production", "钢铁生产"},
    {"2.C.2", "Ferroalloys production", "铁合金生产"},
    {"2.C.3", "Aluminium production", "铝生产"},
    {"2.F", "Product uses as substitutes for ozone depleting substances", "消耗臭氧层物质替代品使用"},
    {"2.F.1", "Refrigeration and air conditioning", "制冷和空调"},
    {"2.G", "Other product manufacture and use", "其他产品制造和使用"},
    {"2.G.1", "Electrical equipment", "电气设备"},
    {"3", "Agriculture, forestry and other land use", "农业、林业和其他土地利用"},
    {"3.A", "Livestock", "畜牧业"},
    {"3.A.1", "Enteric fermentation", "动物肠道发酵"},
    {"3.A.2", "Manure management", "动物粪便管理"},
    {"3.B", "Land", "土地利用"},
    {"3.B.1", "Forest land", "林地"},
    {"3.B.1.a", "Forest land remaining forest land", "保持林地的林地"},
    {"3.C", "Aggregate sources and non-CO2 emissions sources on land", "土地上的累计源和非CO2排放源"},
    {"3.C.1", "Emissions from biomass burning", "生物质燃烧排放"},
    {"3.C.1.b", "Biomass burning in cropland", "农田生物质燃烧"},
    {"3.C.2", "Liming", "石灰施用"},
    {"3.C.3", "Urea application", "尿素施用"},
    {"3.C.4", "Direct N2O emissions from managed soils", "管理土壤直接N2O排放"},
    {"3.C.5", "Indirect N2O emissions from managed soils", "管理土壤间接N2O排放"},
    {"3.C.6", "Indirect N2O emissions from manure management", "粪便管理间接N2O排放"},
    {"3.C.7", "Rice cultivation", "水稻种植"},
    {"4", "Waste", "废弃物处理"},
    {"4.A", "Solid waste disposal", "固体废弃物处置"},
    {"4.A.1", "Managed waste disposal sites", "管理型填埋场"},
    {"4.A.2", "Unmanaged waste disposal sites", "非管理型填埋场"},
    {"4.A.3", "Uncategorised waste disposal sites", "未分类填埋场"},
    {"4.B", "Biological treatment of solid waste", "固体废弃物生物处理"},
    {"4.C", "Incineration and open burning of waste", "废弃物焚烧和露天燃烧"},
    {"4.C.1", "Waste incineration", "废弃物焚烧"},
    {"4.C.2", "Open burning of waste", "废弃物露天燃烧"},
    {"4.D", "Wastewater treatment and discharge", "废水处理和排放"},
    {"4.D.1", "Domestic wastewater treatment and discharge", "生活污水处理和排放"},
    {"4.D.2", "Industrial wastewater treatment and discharge", "工业废水处理和排放"},
};
#define CAT_N (sizeof cat_table / sizeof *cat_table)

const cat_info *cat_lookup(const char *code)
{
    for (size_t i = 0; i < CAT_N; i++)
        if (strcmp(cat_table[i].code, code) == 0)
            return &cat_table[i];
    return NULL;
}

size_t cat_count(void) { return CAT_N; }
const cat_info *cat_at(size_t i) { return i < CAT_N ? &cat_table[i] : NULL; }

const char *cat_suggest(const char *code)
{
    const char *codes[CAT_N];
    for (size_t i = 0; i < CAT_N; i++)
        codes[i] = cat_table[i].code;
    return txt_suggest(code, codes, CAT_N);
}

bool cat_under(const char *code, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(code, prefix, n) == 0 && (code[n] == '\0' || code[n] == '.');
}

unsigned cat_depth(const char *code)
{
    unsigned d = *code ? 1 : 0;
    for (const char *p = code; *p; p++)
        d += *p == '.';
    return d;
}

void cat_ancestor(const char *code, unsigned depth, char *buf, size_t len)
{
    size_t end = 0;
    unsigned d = 1;
    while (code[end] && !(code[end] == '.' && d == depth)) {
        d += code[end] == '.';
        end++;
    }
    snprintf(buf, len, "%.*s", (int)end, code);
}

const char *cat_name(const char *code, bool zh)
{
    const cat_info *c = cat_lookup(code);
    return c ? (zh ? c->zh : c->en) : code;
}
