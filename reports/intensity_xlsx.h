/* intensity_xlsx.h - private to the intensity workbook writer: its state, sheet columns, labels and sheet writers. */
#ifndef GHG_INTENSITY_XLSX_H
#define GHG_INTENSITY_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "intensity_report.h"
#include "rpt_xl.h"


/* Columns of the Inputs sheet: one row per year, the figures every
 * indicator formula starts from. */
enum {
    IN_YEAR,
    IN_GDP,
    IN_GDP_UNIT,
    IN_GDP_FACTOR,
    IN_PRICES,
    IN_DEFLATOR,
    IN_GDP_REAL,
    IN_POP,
    IN_POP_UNIT,
    IN_POP_FACTOR,
    IN_POP_PERSONS,
    IN_CO2,
    IN_CO2E,
    IN_RATE,
    IN_FIN_ELEC,
    IN_FIN_ELEC_UNIT,
    IN_FIN_SCE,
    IN_FIN_FACTOR,
    IN_FIN_ELEC_TCE,
    IN_FIN_TOTAL,
    IN_FIN_TOTAL_UNIT,
    IN_FIN_TOTAL_FACTOR,
    IN_FIN_TOTAL_TCE,
    IN_INVENTORY,
    IN_GWP,
    IN_SETS,
    IN_GDP_SRC,
    IN_POP_SRC,
    IN_RATE_SRC,
    IN_FIN_SRC,
    IN_NOTE,
    IN_NCOLS
};

/* Columns of the Energy sheet: one row per year and energy item. */
enum {
    EN_YEAR,
    EN_FUEL,
    EN_KIND,
    EN_GROUP,
    EN_AMOUNT,
    EN_UNIT,
    EN_SCE,
    EN_SCE_UNIT,
    EN_SCE_FACTOR,
    EN_TCE_CAL,
    EN_RATE,
    EN_RATE_FACTOR,
    EN_TCE_RATE,
    EN_SCE_SRC,
    EN_SOURCE,
    EN_INPUT,
    EN_NCOLS
};

/* Columns of the Indicators sheet; a "+ m" column exists once per
 * electricity method (calorific, then coal rate). */
enum {
    ID_YEAR,
    ID_GDP,
    ID_POP,
    ID_CO2,
    ID_CO2E,
    ID_MIX0, /* the INT_NMIX groups by the calorific method */
    ID_TOTAL_CAL = ID_MIX0 + INT_NMIX,
    ID_PRIM_RATE,
    ID_NET_RATE,
    ID_TOTAL_RATE,
    ID_CO2_GDP,
    ID_CO2E_GDP,
    ID_EN_GDP, /* + m */
    ID_CO2_PC = ID_EN_GDP + SER_NMETHODS,
    ID_CO2E_PC,
    ID_EN_PC,                              /* + m */
    ID_COAL = ID_EN_PC + SER_NMETHODS,     /* + m */
    ID_NONFOSSIL = ID_COAL + SER_NMETHODS, /* + m */
    ID_ELEC = ID_NONFOSSIL + SER_NMETHODS,
    ID_NCOLS
};

/* Columns of the Targets sheet. */
enum {
    TG_ID,
    TG_TITLE,
    TG_INDICATOR,
    TG_UNIT,
    TG_KIND,
    TG_BASE_YEAR,
    TG_TARGET_YEAR,
    TG_VALUE,
    TG_EVAL_YEAR,
    TG_BASE_VALUE,
    TG_LATEST,
    TG_CHANGE,
    TG_AVG_RATE,
    TG_LEVEL,
    TG_REFERENCE,
    TG_REQUIRED,
    TG_MARGIN,
    TG_MARGIN_REL,
    TG_STATUS,
    TG_METHOD,
    TG_ILLUSTRATIVE,
    TG_SOURCE,
    TG_NOTE,
    TG_NCOLS
};

/* Columns of the paths block below the targets on Targets (the line
 * chart's data): year, the two headline intensities, then one path per
 * reduction target from PT_PATH0. */
enum { PT_YEAR, PT_CO2_GDP, PT_ENERGY_GDP, PT_PATH0 };

/* Columns of the Sectors sheet: the year, one per sector from SE_SECTOR0,
 * then the total. */
enum { SE_YEAR, SE_SECTOR0 };

/* The workbook's own labels, numbered after the generic RPT_L_* ones. */
enum {
    IWL_HEADLINE = RPT_L_COUNT, /* the mark of a column of the headline method */
    IWL_UNIT_CO2_GDP,
    IWL_UNIT_ENERGY_GDP,
    IWL_UNIT_CO2E_GDP,
    IWL_UNIT_SHARE,
    IWL_MET, /* the statuses, in int_status order */
    IWL_ON_TRACK,
    IWL_OFF_TRACK,
    IWL_MISSED,
    IWL_EXP_MET, /* the same judged on a plan estimate, in int_status order */
    IWL_EXP_ON_TRACK,
    IWL_EXP_OFF_TRACK,
    IWL_EXP_MISSED,
    IWL_ILLUSTRATIVE,
    IWL_PATHS,
    IWL_CO2_GDP,
    IWL_ENERGY_GDP,
    IWL_PATH,
    IWL_TOTAL_CO2E,
    IWL_CHART_PATHS,
    IWL_CHART_PATHS_AXIS,
    IWL_MIX0, /* the INT_NMIX groups of the energy mix, in int_mix order */
    IWL_ENERGY_MIX = IWL_MIX0 + INT_NMIX,
    IWL_BY_SECTOR,
    IWL_ABOUT_TITLE,
    IWL_SERIES,
    IWL_BASE_YEAR,
    IWL_PRICE_BASE,
    IWL_PRICE_BASE_NOTE,
    IWL_HEADLINE_METHOD,
    IWL_CALORIFIC_NOTE,
    IWL_COAL_RATE_NOTE,
    IWL_BOTH_METHODS,
    IWL_BOTH_METHODS_NOTE,
    IWL_SCE_SETS,
    IWL_NONE,
    IWL_TARGETS,
    IWL_TARGETS_SOURCE,
    IWL_CONSISTENCY,
    IWL_INCONSISTENT,
    IWL_CONSISTENT,
    IWL_NOTES_TEXT,
    IWL_SERIES_NOTES,
    IWL_DOC_TITLE,
    /* sheet names (formulas and charts refer to them) */
    IWL_SHEET_INDICATORS,
    IWL_SHEET_TARGETS,
    IWL_SHEET_CHARTS,
    IWL_SHEET_ENERGY,
    IWL_SHEET_INPUTS,
    IWL_SHEET_SECTORS,
    /* the series' words in data cells: kinds, methods, indicators, target kinds, prices */
    IWL_KIND0,
    IWL_METHOD0 = IWL_KIND0 + SER_NKINDS,
    IWL_IND0 = IWL_METHOD0 + SER_NMETHODS,
    IWL_TKIND0 = IWL_IND0 + SER_NIND,
    IWL_PRICES_CONSTANT = IWL_TKIND0 + 3,
    IWL_PRICES_CURRENT,
    /* the charts */
    IWL_CHART_CO2_PATH,
    IWL_CHART_ENERGY_PATH,
    IWL_T_CO2E,
    IWL_TCE,
    IWL_END
};

/* A column of a sheet's header: its text, and the electricity method it
 * belongs to (-1: none); a column of the headline method gets a mark. */
typedef struct {
    rpt_text text;
    int method;
} iw_head;

/* The writer's state. */
typedef struct {
    rpt_xl xl;
    const int_result *r;
    const rpt_meta *m;
    bool zh;
    lxw_row_t path_row0; /* first data row of the paths block on Targets (the line chart's data) */
} iw;

/* ---- shared helpers (intensity_xlsx.c) ---- */

/* The text of label `id` (generic or IWL_*) in the workbook's language. */
const char *iw_label(const iw *w, rpt_label_id id);

/* The name of sheet `id` (IWL_SHEET_*) in the workbook's language. */
const char *iw_sheet(const iw *w, rpt_label_id id);

/* A word of the series in the workbook's language: the name of energy
 * kind k, electricity method m, indicator i, target kind k; the Energy
 * sheet's group g, which the Indicators' SUMIFS match. */
const char *iw_kind_text(const iw *w, ser_kind k);
const char *iw_method_text(const iw *w, ser_method m);
const char *iw_indicator_text(const iw *w, ser_indicator i);
const char *iw_tkind_text(const iw *w, ser_target_kind k);
const char *iw_group_text(const iw *w, int_mix g);

/* Writes a header row of n columns; a column of the headline method gets a mark. */
void iw_header(iw *w, lxw_worksheet *ws, lxw_row_t row, const iw_head *h, size_t n);

/* Sets column widths of n columns: `first` for column 0, `rest` for the others
 * (set before the header, whose height follows them). */
void iw_widths(iw *w, lxw_worksheet *ws, size_t n, double first, double rest);

/* Adds sheet `name` as a table of n columns: widths `first` and `rest`
 * (iw_widths), the header `h` on row 0, frozen with `freeze_cols` columns.
 * NULL after an error. */
lxw_worksheet *iw_table_sheet(iw *w, const char *name, const iw_head *h, size_t n, double first, double rest,
                              lxw_col_t freeze_cols);

/* The Indicators column of indicator `ind` by method `m`. */
lxw_col_t iw_ind_col(ser_indicator ind, ser_method m);

/* ---- the sheets, in workbook order ---- */

/* Indicators: one row per year, every cell a formula over Inputs and Energy (intensity_xlsx_indicators.c). */
void iw_indicators(iw *w);

/* Targets: one row per target, then the paths block (intensity_xlsx_targets.c). */
void iw_targets(iw *w);

/* Charts: the intensity paths, the energy mix and emissions by sector (intensity_xlsx_charts.c). */
void iw_charts(iw *w);

/* Energy: every year's energy items with their tce by both methods (intensity_xlsx_inputs.c). */
void iw_energy(iw *w);

/* Inputs: the figures of each year every indicator starts from (intensity_xlsx_inputs.c). */
void iw_inputs(iw *w);

/* Sectors: CO2e by sector and year (intensity_xlsx_indicators.c). */
void iw_sectors(iw *w);

#endif
