/* rpt_common.h - what all reports share: en/zh labels, the Calculation columns and texts, sector totals. */
#ifndef GHG_RPT_COMMON_H
#define GHG_RPT_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../calc/engine.h"

/* Every label a report prints; rpt_label() gives its English or Chinese text. */
typedef enum {
    RPT_L_TITLE,
    RPT_L_INVENTORY,
    RPT_L_REGION,
    RPT_L_YEAR,
    RPT_L_GWP_SET,
    RPT_L_BY_GAS,
    RPT_L_BY_SECTOR,
    RPT_L_GAS,
    RPT_L_EMISSION_T,
    RPT_L_EMISSION_T_CO2E,
    RPT_L_TOTAL,
    RPT_L_MEMO_BIO,
    RPT_L_SECTOR,
    RPT_L_NAME,
    RPT_L_SHARE,
    RPT_L_CHART_SECTOR,
    RPT_L_CHART_GAS,
    RPT_L_CATEGORY,
    RPT_L_CO2_T,
    RPT_L_CH4_T,
    RPT_L_N2O_T,
    RPT_L_CO2E_T,
    RPT_L_MEMO_BIO_T,
    RPT_L_RECORD_NO,
    RPT_L_INPUT,
    RPT_L_FUEL,
    RPT_L_AMOUNT,
    RPT_L_UNIT,
    RPT_L_UNIT_FACTOR,
    RPT_L_NCV,
    RPT_L_NCV_UNIT,
    RPT_L_ENERGY_TJ,
    RPT_L_EF,
    RPT_L_EF_UNIT,
    RPT_L_EF_FACTOR,
    RPT_L_OXIDATION,
    RPT_L_EMISSION_T_GAS,
    RPT_L_GWP,
    RPT_L_MEMO,
    RPT_L_NCV_SOURCE,
    RPT_L_EF_SOURCE,
    RPT_L_OX_SOURCE,
    RPT_L_UNCERTAINTY,
    RPT_L_DATA_SOURCE,
    RPT_L_PARAMETER,
    RPT_L_VALUE,
    RPT_L_LOWER,
    RPT_L_UPPER,
    RPT_L_CONFIDENCE,
    RPT_L_TIER,
    RPT_L_SET,
    RPT_L_REFERENCE,
    RPT_L_NOTE,
    RPT_L_DEFINED_AT,
    RPT_L_ALL,
    RPT_L_RECORD_OVERRIDE,
    RPT_L_TOOL,
    RPT_L_VERSION,
    RPT_L_COMMAND,
    RPT_L_INV_TITLE,
    RPT_L_GWP_TITLE,
    RPT_L_FACTOR_SETS,
    RPT_L_ID,
    RPT_L_SOURCE,
    RPT_L_INPUT_FILES,
    RPT_L_PATH,
    RPT_L_SHA256,
    RPT_L_LANGUAGE,
    RPT_L_LANGUAGE_NAME,
    RPT_L_NOTES,
    RPT_L_METHOD_NOTE,
    RPT_L_INV_NOTES,
    RPT_L_ENERGY_INPUT,
    RPT_L_OX_DEFAULT,
    /* the product method (sector sheets, CSV) */
    RPT_L_ACTIVITY,
    RPT_L_TERM,
    RPT_L_TERM_NAME,
    RPT_L_TERM_SOURCE,
    RPT_L_TERM_MUL,
    RPT_L_TERM_ONE_MINUS,
    RPT_L_TERM_ONE_PLUS,
    RPT_L_TERM_EF,
    RPT_L_ENTERS_AS,
    RPT_L_CONVERSION,
    RPT_L_CONVERSION_NOTE,
    RPT_L_FUEL_ACTIVITY,
    /* totals with and without LULUCF */
    RPT_L_TOTAL_EXCL_LULUCF,
    RPT_L_LULUCF,
    RPT_L_TOTAL_INCL_LULUCF,
    RPT_L_REMOVALS,
    RPT_L_PIE_NOTE,
    RPT_L_CHART_TOTALS,
    RPT_L_SECTOR_NOTE,
    RPT_L_SHARE_GROSS,
    /* the landfill (first-order decay) sheet */
    RPT_L_FOD_TITLE,
    RPT_L_FOD_NOTE,
    RPT_L_FOD_RESULTS,
    RPT_L_SITE,
    RPT_L_SITE_TYPE,
    RPT_L_CLIMATE,
    RPT_L_DEPOSIT_UNIT,
    RPT_L_UNIT_TO_GG,
    RPT_L_DEPOSIT_SOURCE,
    RPT_L_SITE_SOURCE,
    RPT_L_MCF,
    RPT_L_DOCF,
    RPT_L_F,
    RPT_L_OX,
    RPT_L_DELAY,
    RPT_L_MONTH_START,
    RPT_L_WASTE_TYPE,
    RPT_L_DOC,
    RPT_L_DOC_SOURCE,
    RPT_L_K,
    RPT_L_K_SOURCE,
    RPT_L_EXP_K,
    RPT_L_ONE_MINUS_EXP_K,
    RPT_L_EXP_DEP,
    RPT_L_ONE_MINUS_EXP_DEP,
    RPT_L_DEPOSIT,
    RPT_L_W_GG,
    RPT_L_DDOCMD,
    RPT_L_DDOCM_UNREACTED,
    RPT_L_DDOCM_DEP_DECOMP,
    RPT_L_DDOCMA,
    RPT_L_DDOCM_DECOMP,
    RPT_L_CH4_GEN,
    RPT_L_FOD_TABLE,
    RPT_L_SITE_SUMMARY,
    RPT_L_CH4_GEN_TOTAL,
    RPT_L_CH4_GEN_TYPE,
    RPT_L_RECOVERY,
    RPT_L_NET,
    RPT_L_CH4_OXIDISED,
    RPT_L_CH4_EMITTED_GG,
    RPT_L_CH4_EMITTED_T,
    RPT_L_BUILTIN,
    RPT_L_INPUT_VALUE,
    RPT_L_FOD_MODEL,
    RPT_L_COUNT
} rpt_label_id;

/* The text of label `id` in Chinese when `zh`, else English; "" for an
 * unknown id. */
const char *rpt_label(rpt_label_id id, bool zh);

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

/* A source cell: "set: ref" ("ipcc2006-energy: Vol.2 Ch.1 Table 1.2"),
 * `set` alone when ref is NULL, empty when set is NULL. */
typedef struct {
    const char *set;
    const char *ref;
} rpt_src;

/* The text cells of one Calculation or sector-sheet row. Product-method
 * lines have no NCV, oxidation or their sources (empty), and the EF's unit
 * and source come from the line's chain. Pointers refer to the engine's
 * strings, to static labels, or to the buffers inside the struct. */
typedef struct {
    char input[4200];     /* "inventories/jilin-2020.yaml:34" */
    char sector[64];      /* rpt_sector_of() the category */
    const char *ncv_unit; /* "TJ/Gg", or the "(energy input)" label */
    const char *ef_unit;
    const char *memo; /* "yes" / "no" (not translated: formulas match it) */
    rpt_src ncv_src;  /* empty for an energy input */
    rpt_src ef_src;
    rpt_src ox_src; /* CO2 only: the factor, or the default of 1 */
} rpt_line_text;

/* Joins `s` into one string: into `stack` (stack_len >= 1) when it fits,
 * else into a malloc'd buffer that the caller frees when the result is not
 * `stack`. An empty source gives "" in `stack`; NULL means out of memory. */
char *rpt_src_join(const rpt_src *s, char *stack, size_t stack_len);

/* The memo flag values the Summary's SUMIFS criteria match. */
#define RPT_MEMO_YES "yes"
#define RPT_MEMO_NO "no"

/* Fills `t` with the texts of line `l` (labels in Chinese when `zh`). */
void rpt_line_text_fill(const eng_result *r, const eng_line *l, bool zh, rpt_line_text *t);

/* Walks the categories (sorted by code, so each sector's categories are
 * adjacent) one sector at a time: from index *i, writes the sector code
 * (rpt_sector_of(); a shallower code is its own sector) into `code`, stores
 * the index range [*first, *i) of its categories, and returns true; returns
 * false when *i == n. */
bool rpt_sector_next(const eng_cat_total *cats, size_t n, size_t *i, size_t *first, char *code, size_t len);

/* Compensated totals of the categories cats[first..end): the same sums, in
 * the same order, as eng_total_under() gives for the sector's prefix. */
eng_cat_total rpt_group_total(const eng_cat_total *cats, size_t first, size_t end, const char *code);

/* Compensated totals over every category NOT under `prefix` (the total
 * without LULUCF for RPT_LULUCF), summed as eng_total_under() sums. */
eng_cat_total rpt_total_except(const eng_result *r, const char *prefix);

/* Compensated CO2e of each gas over all records and landfill sites, memo
 * items excluded (the engine keeps per-gas tonnes but not per-gas CO2e). */
void rpt_gas_co2e(const eng_result *r, double out_t_co2e[GAS_COUNT]);

/* Whether reports show gas g: CO2, CH4 and N2O always, another gas when the
 * inventory emits any of it (the JSON's rule). */
bool rpt_gas_shown(const eng_result *r, gas_id g);

/* The CH4 (t) a landfill run emits in the inventory year (0 when the run
 * does not cover it), computed as the engine adds it to the site's category. */
double rpt_fod_emission_t(const eng_result *r, const fod_result *f);

/* How product term k of a line enters: "x value", "enters as (1 - value)", ... */
const char *rpt_term_kind_text(fset_term kind, bool zh);

/* The name cell of product term k of line `l`: "density [t DM/m3]", or for
 * a (1 - x) / (1 + x) term "abatement: enters as (1 - value) [fraction]". */
void rpt_term_name(const eng_line *l, unsigned k, bool zh, char *buf, size_t len);

/* The source of a factor hit: its set and reference; empty without a value. */
rpt_src rpt_hit_src(const eng_hit *h);

/* A number in the fewest of 15, 16 or 17 significant digits that reads
 * back as the same double (for texts such as the CSV's Terms column). */
void rpt_num_text(double v, char *buf, size_t len);

/* Number of calculation rows (record x gas) of the whole inventory. */
size_t rpt_line_count(const eng_result *r);

/* snprintf that never leaves half a UTF-8 character at the end when the
 * text is cut to fit `len` (a workbook must be valid UTF-8). */
void rpt_fmt(char *buf, size_t len, const char *fmt, ...) GHG_PRINTF(3, 4);

/* Closes `f`, which was written to `path`. Returns 0, or -1 with a message
 * in err when a write or the close failed (e.g. the disk is full). */
int rpt_fclose(FILE *f, const char *path, char *err, size_t errlen);

/* "path:line" of record `i`, written into buf. */
void rpt_record_where(const eng_result *r, size_t i, char *buf, size_t len);

/* Writes `s` as a JSON string: '"' and '\\' escaped, control characters as
 * \u00XX, other bytes (UTF-8) as they are; NULL is null. */
void rpt_json_str(FILE *f, const char *s);

/* Writes a number with rpt_print_num, so a reader gets the same double
 * back; a value that is not finite is null, as JSON has no NaN. */
void rpt_json_num(FILE *f, double v);

/* Writes the finite number v in the fewest significant digits (15, 16 or
 * 17) that read back as the same double: 25.8, not 25.800000000000001.
 * For CSV and JSON. */
void rpt_print_num(FILE *f, double v);

#endif
