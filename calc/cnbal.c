/* cnbal.c - the mapping tables of China's reporting groups: IPCC 1.A categories to energy balance sectors, fuel keys to
 * coal/oil/gas. */
#include "cnbal.h"

#include <stddef.h>
#include <string.h>

#include "category.h"

/* IPCC 1.A categories to the energy balance's consuming sectors; the
 * longest prefix that matches wins. Source and reasons: docs/cn-reporting.md
 * (IPCC 2006 Vol.2 Ch.2 Table 2.1 for the category contents; the energy
 * balance table of the China Energy Statistical Yearbook for the sectors). */
static const struct {
    const char *prefix;
    cnb_sector sector;
} cnb_sector_map[] = {
    {"1.A.1", CNB_INDUSTRY},         /* energy industries: power, heat, refining, coal processing */
    {"1.A.2", CNB_INDUSTRY},         /* manufacturing industries */
    {"1.A.2.k", CNB_CONSTRUCTION},   /* construction (IPCC 2006 places it under 1.A.2) */
    {"1.A.3", CNB_TRANSPORT},        /* transport */
    {"1.A.4.a", CNB_OTHER_SERVICES}, /* commercial/institutional: trade and hotels cannot be told apart; see the docs */
    {"1.A.4.b", CNB_HOUSEHOLDS},     /* residential */
    {"1.A.4.c", CNB_AGRICULTURE},    /* agriculture, forestry, fishing */
    {"1.A.4", CNB_OTHER_SERVICES},   /* 1.A.4 given without a subcategory */
    {"1.A.5", CNB_OTHER_SERVICES},   /* non-specified, military */
};

static const char *const cnb_sector_names[CNB_NSECTORS][2] = {
    [CNB_AGRICULTURE] = {"Agriculture, forestry, animal husbandry and fishery", "农、林、牧、渔业"},
    [CNB_INDUSTRY] = {"Industry", "工业"},
    [CNB_CONSTRUCTION] = {"Construction", "建筑业"},
    [CNB_TRANSPORT] = {"Transport, storage and post", "交通运输、仓储和邮政业"},
    [CNB_TRADE] = {"Wholesale, retail trade, hotels and catering", "批发和零售业、住宿和餐饮业"},
    [CNB_OTHER_SERVICES] = {"Other services", "其他行业"},
    [CNB_HOUSEHOLDS] = {"Households", "居民生活"},
};

cnb_sector cnb_sector_of(const char *code)
{
    cnb_sector best = CNB_NONE;
    size_t best_len = 0;
    for (size_t i = 0; code && i < sizeof cnb_sector_map / sizeof *cnb_sector_map; i++) {
        size_t len = strlen(cnb_sector_map[i].prefix);
        if (len > best_len && cat_under(code, cnb_sector_map[i].prefix)) {
            best = cnb_sector_map[i].sector;
            best_len = len;
        }
    }
    return best;
}

const char *cnb_sector_name(cnb_sector s, bool zh)
{
    return (unsigned)s < CNB_NSECTORS ? cnb_sector_names[s][zh ? 1 : 0] : "";
}

/* Fuel keys to groups, following the fuel columns of China's energy balance
 * table (煤炭: coal and its products including coke oven, blast furnace and
 * converter gas; 石油: crude oil and petroleum products including refinery
 * gas and LPG; 天然气: natural gas and LNG). Keys of factors/china-energy.yaml
 * and factors/ipcc2006-energy.yaml; peat, wastes and biomass are "other". */
typedef struct {
    const char *key;
    cnb_group group;
} cnb_fuel;

static const cnb_fuel cnb_fuel_map[] = {
    /* coal and coal products */
    {"raw_coal", CNB_COAL},
    {"cleaned_coal", CNB_COAL},
    {"other_washed_coal", CNB_COAL},
    {"briquettes", CNB_COAL},
    {"coal_gangue", CNB_COAL},
    {"coke", CNB_COAL},
    {"other_coking_products", CNB_COAL},
    {"anthracite", CNB_COAL},
    {"coking_coal", CNB_COAL},
    {"bituminous_coal", CNB_COAL},
    {"other_bituminous_coal", CNB_COAL},
    {"sub_bituminous_coal", CNB_COAL},
    {"lignite", CNB_COAL},
    {"brown_coal_briquettes", CNB_COAL},
    {"patent_fuel", CNB_COAL},
    {"coke_oven_coke", CNB_COAL},
    {"gas_coke", CNB_COAL},
    {"coal_tar", CNB_COAL},
    {"coke_oven_gas", CNB_COAL},
    {"blast_furnace_gas", CNB_COAL},
    {"oxygen_steel_furnace_gas", CNB_COAL},
    {"gas_works_gas", CNB_COAL},
    /* crude oil and petroleum products */
    {"crude_oil", CNB_OIL},
    {"gasoline", CNB_OIL},
    {"motor_gasoline", CNB_OIL},
    {"motor_gasoline_oxcat", CNB_OIL},
    {"motor_gasoline_ldv1995", CNB_OIL},
    {"motor_gasoline_4stroke_offroad", CNB_OIL},
    {"aviation_gasoline", CNB_OIL},
    {"jet_gasoline", CNB_OIL},
    {"kerosene", CNB_OIL},
    {"jet_kerosene", CNB_OIL},
    {"other_kerosene", CNB_OIL},
    {"diesel", CNB_OIL},
    {"gas_diesel_oil", CNB_OIL},
    {"gas_diesel_oil_offroad", CNB_OIL},
    {"fuel_oil", CNB_OIL},
    {"residual_fuel_oil", CNB_OIL},
    {"lpg", CNB_OIL},
    {"refinery_gas", CNB_OIL},
    {"naphtha", CNB_OIL},
    {"petroleum_coke", CNB_OIL},
    {"natural_gas_liquids", CNB_OIL},
    {"orimulsion", CNB_OIL},
    {"shale_oil", CNB_OIL},
    {"oil_shale_tar_sands", CNB_OIL},
    {"refinery_feedstocks", CNB_OIL},
    {"bitumen", CNB_OIL},
    {"lubricants", CNB_OIL},
    {"paraffin_waxes", CNB_OIL},
    {"white_spirit_sbp", CNB_OIL},
    {"other_petroleum_products", CNB_OIL},
    {"ethane", CNB_OIL},
    {"waste_oils", CNB_OIL},
    /* natural gas */
    {"natural_gas", CNB_GAS},
    {"lng", CNB_GAS},
};

static const char *const cnb_group_names[CNB_NGROUPS][2] = {
    [CNB_COAL] = {"Coal", "煤炭"},
    [CNB_OIL] = {"Oil", "石油"},
    [CNB_GAS] = {"Natural gas", "天然气"},
    [CNB_OTHER_FUEL] = {"Other fuels", "其他燃料"},
};

/* The table's row for `key`, or NULL. */
static const cnb_fuel *cnb_fuel_row(const char *key)
{
    for (size_t i = 0; key && i < sizeof cnb_fuel_map / sizeof *cnb_fuel_map; i++)
        if (strcmp(key, cnb_fuel_map[i].key) == 0)
            return &cnb_fuel_map[i];
    return NULL;
}

cnb_group cnb_group_of(const char *key)
{
    const cnb_fuel *row = cnb_fuel_row(key);
    return row ? row->group : CNB_OTHER_FUEL;
}

bool cnb_group_known(const char *key) { return cnb_fuel_row(key) != NULL; }

const char *cnb_group_name(cnb_group g, bool zh)
{
    return (unsigned)g < CNB_NGROUPS ? cnb_group_names[g][zh ? 1 : 0] : "";
}
