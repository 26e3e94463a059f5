/* inventory_common.h - what the inventory's workbook, CSV and JSON share: labels, row texts, sectors, totals. */
#ifndef GHG_INVENTORY_COMMON_H
#define GHG_INVENTORY_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "../calc/engine.h"
#include "rpt_text.h"

/* The inventory's own label ids, numbered after the generic RPT_L_* ones;
 * il_label() gives the text of either kind. */
enum {
    IL_TITLE = RPT_L_COUNT,
    IL_INVENTORY,
    IL_GWP_SET,
    IL_BY_GAS,
    IL_BY_SECTOR,
    IL_GAS,
    IL_EMISSION_T,
    IL_EMISSION_T_CO2E,
    IL_MEMO_BIO,
    IL_SECTOR,
    IL_NAME,
    IL_CHART_SECTOR,
    IL_CHART_GAS,
    IL_CATEGORY,
    IL_CO2E_T,
    IL_MEMO_BIO_T,
    IL_RECORD_NO,
    IL_INPUT,
    IL_FUEL,
    IL_AMOUNT,
    IL_UNIT,
    IL_UNIT_FACTOR,
    IL_NCV,
    IL_NCV_UNIT,
    IL_ENERGY_TJ,
    IL_EF,
    IL_EF_UNIT,
    IL_EF_FACTOR,
    IL_OXIDATION,
    IL_EMISSION_T_GAS,
    IL_GWP,
    IL_MEMO,
    IL_NCV_SOURCE,
    IL_EF_SOURCE,
    IL_OX_SOURCE,
    IL_UNCERTAINTY,
    IL_DATA_SOURCE,
    IL_PARAMETER,
    IL_VALUE,
    IL_LOWER,
    IL_UPPER,
    IL_CONFIDENCE,
    IL_TIER,
    IL_SET,
    IL_REFERENCE,
    IL_NOTE,
    IL_DEFINED_AT,
    IL_ALL,
    IL_RECORD_OVERRIDE,
    IL_GWP_TITLE,
    IL_GWP_FOSSIL,
    IL_GWP_NON_FOSSIL,
    IL_GWP_ENTERS,
    IL_METHOD_NOTE,
    IL_INV_NOTES,
    IL_ENERGY_INPUT,
    IL_OX_DEFAULT,
    /* the product method (sector sheets, CSV) */
    IL_ACTIVITY,
    IL_TERM,
    IL_TERM_NAME,
    IL_TERM_SOURCE,
    IL_TERM_MUL,
    IL_TERM_ONE_MINUS,
    IL_TERM_ONE_PLUS,
    IL_TERM_EF,
    IL_ENTERS_AS,
    IL_CONVERSION,
    IL_CONVERSION_NOTE,
    IL_FUEL_ACTIVITY,
    /* totals with and without LULUCF */
    IL_TOTAL_EXCL_LULUCF,
    IL_LULUCF,
    IL_TOTAL_INCL_LULUCF,
    IL_REMOVALS,
    IL_PIE_NOTE,
    IL_CHART_TOTALS,
    IL_SECTOR_NOTE,
    IL_SHARE_GROSS,
    /* the landfill (first-order decay) sheet */
    IL_FOD_TITLE,
    IL_FOD_NOTE,
    IL_FOD_RESULTS,
    IL_SITE,
    IL_SITE_TYPE,
    IL_CLIMATE,
    IL_DEPOSIT_UNIT,
    IL_UNIT_TO_GG,
    IL_DEPOSIT_SOURCE,
    IL_SITE_SOURCE,
    IL_MCF,
    IL_MCF_PERIODS,
    IL_MCF_ALL_TYPES,
    IL_MCF_FROM,
    IL_MCF_EVERY_YEAR,
    IL_MCF_OF_YEAR,
    IL_DOCF,
    IL_F,
    IL_OX,
    IL_DELAY,
    IL_MONTH_START,
    IL_WASTE_TYPE,
    IL_DOC,
    IL_DOC_SOURCE,
    IL_K,
    IL_K_SOURCE,
    IL_EXP_K,
    IL_ONE_MINUS_EXP_K,
    IL_EXP_DEP,
    IL_ONE_MINUS_EXP_DEP,
    IL_DEPOSIT,
    IL_W_GG,
    IL_DDOCMD,
    IL_DDOCM_UNREACTED,
    IL_DDOCM_DEP_DECOMP,
    IL_DDOCMA,
    IL_DDOCM_DECOMP,
    IL_CH4_GEN,
    IL_FOD_TABLE,
    IL_SITE_SUMMARY,
    IL_CH4_GEN_TOTAL,
    IL_CH4_GEN_TYPE,
    IL_RECOVERY,
    IL_NET,
    IL_CH4_OXIDISED,
    IL_CH4_EMITTED_GG,
    IL_CH4_EMITTED_T,
    IL_BUILTIN,
    IL_INPUT_VALUE,
    IL_FOD_MODEL,
    /* purchased electricity and heat, the Checks sheet */
    IL_INDIRECT_CONSUMPTION,
    IL_INDIRECT_NET_IMPORT,
    IL_INDIRECT_TITLE,
    IL_INDIRECT_TOTAL_CONSUMPTION,
    IL_INDIRECT_TOTAL_NET_IMPORT,
    IL_CHECKS,
    IL_RA_TITLE,
    IL_RA_TOTAL,
    IL_RA_SECTORAL,
    IL_RA_DIFFERENCE,
    IL_RA_THRESHOLD,
    IL_RA_CHECK,
    IL_COMPLETENESS,
    IL_STATUS,
    IL_EXPLANATION,
    /* sheet names (the formulas quote them) */
    IL_SHEET_SUMMARY,
    IL_SHEET_SECTORAL,
    IL_SHEET_CALC,
    IL_SHEET_FUGITIVE,
    IL_SHEET_INDUSTRY,
    IL_SHEET_AGRICULTURE,
    IL_SHEET_FOREST,
    IL_SHEET_WASTE,
    IL_SHEET_OTHER,
    IL_SHEET_FOD,
    IL_SHEET_INDIRECT,
    IL_SHEET_CHECKS,
    IL_SHEET_UNC,
    IL_SHEET_KEYCAT,
    IL_SHEET_MC,
    IL_SHEET_FACTORS,
    /* words in data cells that formulas match or that read as status */
    IL_MEMO_YES,
    IL_MEMO_NO,
    IL_ESTIMATED,
    IL_NOT_REPORTED,
    IL_VIEW_CONSUMPTION,
    IL_VIEW_NET_IMPORT,
    IL_GRID_NATIONAL,
    IL_KIND_ELECTRICITY,
    IL_KIND_HEAT,
    IL_FACTOR_YEAR,
    IL_INVENTORY_YEAR,
    IL_YEAR_SUFFIX,
    IL_OTHER_YEAR_NOTE,
    IL_RA_EXPLAIN,
    IL_RA_OK,
    IL_BIOMASS_EXCLUDED,
    /* the Summary's economy block, charts and notes */
    IL_ECONOMY,
    IL_GDP_GIVEN,
    IL_GDP_PRICE_BASE,
    IL_GDP_1E4_YUAN,
    IL_POP_GIVEN,
    IL_POP_PERSONS,
    IL_PER_CAPITA_EXCL,
    IL_PER_CAPITA_INCL,
    IL_PER_GDP_EXCL,
    IL_PER_GDP_INCL,
    IL_FUEL_CO2,
    IL_FUEL_CO2_PER_GDP,
    IL_U_1E4_YUAN,
    IL_U_PERSON,
    IL_U_T_CO2E_PERSON,
    IL_U_T_CO2E_1E4_YUAN,
    IL_U_T_CO2,
    IL_U_T_CO2_1E4_YUAN,
    IL_U_T_CO2E,
    IL_U_GWP,
    IL_BAR_NOTE,
    IL_OTHER_5, /* the name of IPCC sector 5, which the category list lacks */
    IL_KEYS_NOTE,
    IL_NOTE_COL,
    /* punctuation that differs between the languages */
    IL_TITLE_SEP, /* between "Greenhouse gas inventory" and the inventory's name */
    IL_TERM_SEP,  /* between "Term" and its number */
    IL_END
};

/* The texts of the IL_* ids, for rpt_xl_open() and rpt_label(). */
extern const rpt_labels il_labels;

/* The text of label `id` (generic or IL_*) in Chinese when `zh`, else English. */
const char *il_label(rpt_label_id id, bool zh);

/* The Calculation columns A..Y, in sheet order; the workbook's formulas and
 * the CSV header depend on this order. */
typedef enum {
    RPT_C_RECORD,
    RPT_C_INPUT,
    RPT_C_CATEGORY,
    RPT_C_SECTOR,
    RPT_C_FUEL,
    RPT_C_GAS,
    RPT_C_AMOUNT,
    RPT_C_UNIT,
    RPT_C_UNIT_FACTOR,
    RPT_C_NCV,
    RPT_C_NCV_UNIT,
    RPT_C_ENERGY,
    RPT_C_EF,
    RPT_C_EF_UNIT,
    RPT_C_EF_FACTOR,
    RPT_C_OXIDATION,
    RPT_C_EMISSION,
    RPT_C_GWP,
    RPT_C_CO2E,
    RPT_C_MEMO,
    RPT_C_NCV_SRC,
    RPT_C_EF_SRC,
    RPT_C_OX_SRC,
    RPT_C_UNCERTAINTY,
    RPT_C_DATA_SOURCE,
    RPT_C_COUNT
} rpt_calc_col;

/* The header label of each Calculation column. */
extern const rpt_label_id rpt_calc_labels[RPT_C_COUNT];

/* Depth of the "sector" level of fuel combustion: "1.A.1" (energy
 * industries, ...), 1.A.1 to 1.A.5. */
#define RPT_SECTOR_DEPTH 3u

/* Depth of the "sector" level of every other category: 2.A, 2.B, 2.C,
 * 3.A, 3.B, 3.C, 4.A, 4.B, 4.C, 4.D (so 2.A.1 cement is under 2.A). */
#define RPT_SECTOR_DEPTH_OTHER 2u

/* The LULUCF sector: totals are reported with and without it. */
#define RPT_LULUCF "3.B"

/* The sector depth for `code`: RPT_SECTOR_DEPTH under 1.A, else
 * RPT_SECTOR_DEPTH_OTHER. */
unsigned rpt_sector_depth(const char *code);

/* The sector of category `code` (its ancestor at rpt_sector_depth(); the
 * code itself when shallower), written into buf. */
void rpt_sector_of(const char *code, char *buf, size_t len);

/* The text cells of one Calculation or sector-sheet row. Product-method
 * lines have no NCV, oxidation or their sources (empty), and the EF's unit
 * and source come from the line's chain. Pointers refer to the engine's
 * strings, to static labels, or to the buffers inside the struct. */
typedef struct {
    char input[4200];     /* "inventories/jilin-2020.yaml:34" */
    char sector[64];      /* rpt_sector_of() the category */
    const char *ncv_unit; /* "TJ/Gg", or the "(energy input)" label */
    const char *ef_unit;
    const char *memo; /* rpt_memo_text(): "yes" / "no", "是" / "否" */
    rpt_src ncv_src;  /* empty for an energy input */
    rpt_src ef_src;
    rpt_src ox_src; /* CO2 only: the factor, or the default of 1 */
} rpt_line_text;

/* The memo flag values the SUMIFS criteria match: "yes" and "no" in
 * English (the CSV always), "是" and "否" in Chinese. */
#define RPT_MEMO_YES "yes"
#define RPT_MEMO_NO "no"
const char *rpt_memo_text(bool memo, bool zh);

/* Fills `t` with the texts of line `l` (labels in Chinese when `zh`). */
void rpt_line_text_fill(const eng_result *r, const eng_line *l, bool zh, rpt_line_text *t);

/* Walks the categories (sorted by code, so each sector's categories are
 * adjacent) one sector at a time: from index *i, writes the sector code
 * (rpt_sector_of(); a shallower code is its own sector) into `code`, stores
 * the index range [*first, *i) of its categories, and returns true; returns
 * false when *i == n. */
bool rpt_sector_next(const eng_cat_total *cats, size_t n, size_t *i, size_t *first, char *code, size_t len);

/* Whether reports show gas g: CO2, CH4 and N2O always, another gas when the
 * inventory emits any of it (the JSON's rule). */
bool rpt_gas_shown(const eng_result *r, gas_id g);

/* How product term k of a line enters: "x value", "enters as (1 - value)", ... */
const char *rpt_term_kind_text(fset_term kind, bool zh);

/* The name cell of product term k of line `l`: "density [t DM/m3]", or for
 * a (1 - x) / (1 + x) term "abatement: enters as (1 - value) [fraction]". */
void rpt_term_name(const eng_line *l, unsigned k, bool zh, char *buf, size_t len);

/* The source of a factor hit: its set and reference; empty without a value. */
rpt_src rpt_hit_src(const eng_hit *h);

#endif
