/* cnbal.h - China's reporting groups: the energy balance's consuming sectors of IPCC 1.A categories, coal/oil/gas of
 * fuel keys. */
#ifndef GHG_CNBAL_H
#define GHG_CNBAL_H

#include <stdbool.h>

/* The consuming sectors of China's energy balance table (能源平衡表, China
 * Energy Statistical Yearbook; GB/T 4754 sections), in the table's order.
 * docs/cn-reporting.md gives the mapping from the IPCC 1.A categories. */
typedef enum {
    CNB_AGRICULTURE,    /* 农、林、牧、渔业 */
    CNB_INDUSTRY,       /* 工业 */
    CNB_CONSTRUCTION,   /* 建筑业 */
    CNB_TRANSPORT,      /* 交通运输、仓储和邮政业 */
    CNB_TRADE,          /* 批发和零售业、住宿和餐饮业 */
    CNB_OTHER_SERVICES, /* 其他行业 */
    CNB_HOUSEHOLDS,     /* 居民生活 */
    CNB_NSECTORS,
    CNB_NONE = CNB_NSECTORS /* not fuel combustion (not under 1.A) */
} cnb_sector;

/* The balance sector of IPCC category `code` by the longest prefix in the
 * mapping table ("1.A.2.k" construction, "1.A.2.c" industry); CNB_NONE
 * outside 1.A and for NULL. */
cnb_sector cnb_sector_of(const char *code);

/* The balance sector's name in Chinese when `zh`, else in English; "" out of range. */
const char *cnb_sector_name(cnb_sector s, bool zh);

/* The fuel groups of the provincial guideline's energy tables (the energy
 * balance's fuel columns 煤炭, 石油, 天然气), and the rest. */
typedef enum { CNB_COAL, CNB_OIL, CNB_GAS, CNB_OTHER_FUEL, CNB_NGROUPS } cnb_group;

/* The group of fuel key `key` (a key of factors/ipcc2006-energy.yaml or
 * factors/china-energy.yaml); CNB_OTHER_FUEL for a key the table lacks and
 * for NULL. */
cnb_group cnb_group_of(const char *key);

/* Whether the table knows `key` (so a caller may try the key's ipcc_fuel). */
bool cnb_group_known(const char *key);

/* The group's name in Chinese when `zh`, else in English; "" out of range. */
const char *cnb_group_name(cnb_group g, bool zh);

#endif
