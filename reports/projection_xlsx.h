/* projection_xlsx.h - private to the projection workbook writer: its state, sheet columns, labels and sheet writers. */
#ifndef GHG_PROJECTION_XLSX_H
#define GHG_PROJECTION_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "projection_report.h"
#include "rpt_xl.h"


/* Columns of Assumptions: one row per number of the scenario file, its value the input cell. */
enum { AS_NO, AS_SCEN, AS_WHAT, AS_VALUE, AS_TEXT, AS_DIST, AS_LOW, AS_HIGH, AS_SOURCE, AS_AT, AS_NCOLS };
#define PW_AS_ROW0 3 /* the row of parameter 0 */

/* Columns of the lines table on Base; each gas that occurs has two columns
 * from BL_GAS0: e0 (t) and the factor ef0 in its unit. */
enum { BL_NO, BL_KIND, BL_CAT, BL_KEY, BL_SECTOR, BL_PROJECT, BL_AT, BL_UNIT, BL_M0, BL_E0, BL_GAS0 };

/* Columns of the energy items table on Base (with a series). */
enum { BI_FUEL, BI_KIND, BI_GROUP, BI_AMOUNT, BI_UNIT, BI_SCE, BI_SCE_FACTOR, BI_RATE_FACTOR, BI_BASE_TJ, BI_NCOLS };

/* Columns of Trajectories: labels, then one per year from TR_Y0, then the
 * helper columns the totals' SUMPRODUCTs read (TR_Y0 + nyears + TRH_*). */
enum { TR_SCEN, TR_WHAT, TR_ITEM, TR_CAT, TR_KEY, TR_SECTOR, TR_GAS, TR_UNIT, TR_Y0 };
enum { TRH_CODE, TRH_FROM, TRH_TO, TRH_W0, TRH_NCOLS = TRH_W0 + PRJ_NMETRICS };
#define PW_TR_HEADER_ROW 2 /* Trajectories' row of the years */

/* The workbook's own labels, numbered after the generic RPT_L_* ones. */
enum {
    PWL_DOC_TITLE = RPT_L_COUNT,
    PWL_ABOUT_TITLE,
    PWL_PROJECTION,
    PWL_BASE_YEAR,
    PWL_HORIZON,
    PWL_METRIC,
    PWL_METRIC0, /* the PRJ_NMETRICS metrics, in prj_metric order */
    PWL_PEAK_BY = PWL_METRIC0 + PRJ_NMETRICS,
    PWL_PLATEAU,
    PWL_SCENARIO,
    PWL_SECTOR,
    PWL_YES,
    PWL_NO,
    PWL_HISTORY,
    /* the sheet names (formulas, charts and notes refer to them; pw_sheet) */
    PWL_SHEET_PEAK,
    PWL_SHEET_ASSUMPTIONS,
    PWL_SHEET_TRAJ,
    PWL_SHEET_WEDGES,
    PWL_SHEET_LMDI,
    PWL_SHEET_TARGETS,
    PWL_SHEET_MC,
    PWL_SHEET_BASE,
    /* Assumptions */
    PWL_AS_TITLE,
    PWL_AS_NOTE,
    PWL_CERTAIN,
    /* Base */
    PWL_BASE_TITLE,
    PWL_BASE_NOTE,
    PWL_BASE_DRIVERS,
    PWL_GDP,
    PWL_POPULATION,
    PWL_COAL_RATE,
    PWL_ENERGY_ITEMS,
    PWL_LINES,
    PWL_KIND0, /* prj_line_kind */
    PWL_OTHER_SECTOR = PWL_KIND0 + 4,
    PWL_PURCHASED,
    /* Trajectories: the quantity of each row */
    PWL_TR_NOTE,
    PWL_Q_DRIVER,
    PWL_Q_PATH,
    PWL_Q_ACTIVITY,
    PWL_Q_EFFICIENCY,
    PWL_Q_MIXSHARE,
    PWL_Q_EFINDEX,
    PWL_Q_EFPATH,
    PWL_Q_GROUP_E,
    PWL_Q_NAMED_E,
    PWL_Q_P1,
    PWL_Q_PSTAR,
    PWL_Q_SNAMED,
    PWL_Q_SOTHER,
    PWL_Q_PRE,
    PWL_Q_INDEX,
    PWL_Q_ENERGY,
    PWL_Q_AMOUNT,
    PWL_Q_EMISSION,
    PWL_Q_RAMP,
    PWL_Q_SHARE,
    PWL_Q_QUANTITY,
    PWL_Q_REMOVED,
    PWL_Q_KEPT,
    PWL_Q_ADDED,
    PWL_Q_CO2_BEFORE,
    PWL_Q_CAPTURED,
    PWL_Q_GROWTH,
    PWL_Q_METRIC_AFTER,
    PWL_Q_METRIC,
    PWL_Q_WEDGE,
    PWL_Q_SECTOR,
    PWL_Q_FUEL,
    PWL_Q_INDIRECT0, /* consumption, net import */
    PWL_Q_ELEC_ADDED = PWL_Q_INDIRECT0 + 2,
    PWL_Q_ITEM,
    PWL_Q_ITEM_PATH,
    PWL_Q_ITEM_TCE,
    PWL_Q_MIX0, /* int_mix groups */
    PWL_Q_ENERGY_TOTAL = PWL_Q_MIX0 + INT_NMIX,
    PWL_Q_GDP,
    PWL_Q_POP,
    PWL_Q_IND0, /* ser_indicator */
    PWL_Q_BEFORE_MEASURES = PWL_Q_IND0 + SER_NIND,
    PWL_Q_AFTER,
    /* Peak */
    PWL_PEAK_TITLE,
    PWL_PEAK_YEAR,
    PWL_PEAK_VALUE,
    PWL_PEAKS_BY,
    PWL_PLATEAU_FROM,
    PWL_PLATEAU_TO,
    PWL_HIGHEST_ALL,
    PWL_PEAK_NOTE,
    PWL_CHART_PATHS,
    PWL_CHART_AXIS,
    PWL_PEAK_MARK,
    PWL_SECTOR_PEAKS,
    PWL_HAS_PEAKED,
    PWL_HAS_PEAKED_C0, /* the four criteria */
    PWL_STATUS = PWL_HAS_PEAKED_C0 + 4,
    PWL_HIST_ST0, /* peak_status: unknown, peaked, not peaked */
    PWL_RUN_DOWN = PWL_HIST_ST0 + 3,
    PWL_RUN_UP,
    PWL_CHART_DATA,
    /* Wedges */
    PWL_WEDGES_TITLE,
    PWL_WEDGES_NOTE,
    PWL_WITHOUT_MEASURES,
    PWL_WITH_MEASURES,
    PWL_REMAINING,
    PWL_ADDED_BY,
    PWL_AVOIDED_BY,
    PWL_LEFT_OUT,
    PWL_LEFT_OUT_NOTE,
    PWL_CUMULATIVE,
    PWL_MEASURE,
    PWL_TYPE,
    PWL_CHART_WEDGES,
    /* LMDI */
    PWL_LMDI_TITLE,
    PWL_LMDI_NOTE,
    PWL_FACTOR0, /* lmdi_factor */
    PWL_SUM_EFFECTS = PWL_FACTOR0 + LMDI_NFACTORS,
    PWL_CHANGE,
    PWL_REST,
    PWL_TOTAL,
    PWL_FROM_TO,
    PWL_CHART_LMDI,
    PWL_LMDI_NONE,
    /* Targets */
    PWL_TARGETS_TITLE,
    PWL_TARGETS_NOTE,
    PWL_TARGET,
    PWL_INDICATOR,
    PWL_TG_KIND,
    PWL_TARGET_YEAR,
    PWL_TG_VALUE,
    PWL_BASE_VALUE,
    PWL_LEVEL,
    PWL_VALUE_IN,
    PWL_MARGIN,
    PWL_ST0, /* int_status */
    PWL_BY_YEAR = PWL_ST0 + INT_NSTATUS,
    PWL_VALUE,
    PWL_PATH,
    PWL_NO_TARGETS,
    /* Monte Carlo */
    PWL_MC_TITLE,
    PWL_MC_NOTE,
    PWL_ITERATIONS,
    PWL_SEED,
    PWL_UNCERTAIN,
    PWL_P_PEAK_BY,
    PWL_PEAK_VALUE_PCT0, /* 5, 50, 95 % */
    PWL_PEAK_YEAR_PCT0 = PWL_PEAK_VALUE_PCT0 + PRJ_MC_NPCT,
    PWL_PATH_PCT0 = PWL_PEAK_YEAR_PCT0 + PRJ_MC_NPCT,
    PWL_MEAN = PWL_PATH_PCT0 + PRJ_MC_NPCT,
    PWL_DETERMINISTIC,
    PWL_BAND0, /* the fan chart's layers: 5 %, 5-50 %, 50-95 % */
    PWL_PEAK_YEAR_DIST = PWL_BAND0 + 3,
    PWL_NOT_BY_HORIZON,
    PWL_CHART_FAN,
    PWL_FAN_DATA,
    /* About */
    PWL_GWP,
    PWL_SINK,
    PWL_SERIES,
    PWL_TARGETS_FILE,
    PWL_NOTES_TEXT,
    PWL_END
};

/* Where a scenario's rows are on Trajectories (0: none). */
typedef struct {
    lxw_row_t r0, r1;                 /* the block, first and last row */
    lxw_row_t metric[PRJ_NMETRICS];   /* the four metrics after all measures */
    lxw_row_t *stage;                 /* nmeasures + 1: the peak metric after measures 1..j */
    lxw_row_t *wedge;                 /* nmeasures */
    lxw_row_t sector0;                /* nsectors rows: the peak metric by sector */
    lxw_row_t driver0;                /* the drivers: gdp, population, coal_rate, own */
    lxw_row_t gdp, pop;               /* real GDP and population of the indicators (with a series) */
    lxw_row_t ind[SER_NIND];          /* the indicators (with a series) */
} pw_scen;

/* The writer's state. */
typedef struct {
    rpt_xl xl;
    const prj_report *rep;
    const prj_result *r;
    const prj_model *m;
    const prj_file *f;
    const rpt_meta *meta;
    bool zh;
    size_t ny;                        /* projected years, base year included */
    lxw_col_t base_gas[GAS_COUNT];    /* Base: the e0 column of each gas (ef0 is the next), 0: not used */
    lxw_col_t base_ncols;
    lxw_row_t base_line0;             /* Base: the row of line 0 */
    lxw_row_t base_drv;               /* Base: the row of the GDP base value (population, coal rate follow) */
    lxw_row_t base_item0;             /* Base: the row of energy item 0 (with a series) */
    lxw_row_t series_row;             /* Base: the row of the series' base-year GDP, population, coal rate */
    pw_scen *sc;                      /* one per scenario */
    lxw_worksheet *ws_peak, *ws_as, *traj, *ws_wedges, *ws_lmdi, *ws_targets, *ws_mc, *ws_base; /* NULL: not written */
    lxw_row_t row;                    /* the next row on Trajectories */
    lxw_row_t peak_row0;              /* Peak: the summary table's first row */
    lxw_row_t peak_data0;             /* Peak: the first row of the chart data (the first history year) */
} pw;

/* ---- shared helpers (projection_xlsx.c) ---- */

/* The text of label `id` (generic or PWL_*) in the workbook's language. */
const char *pw_label(const pw *w, rpt_label_id id);

/* The name of sheet `id` (PWL_SHEET_*) in the workbook's language, as
 * formulas and chart ranges refer to it. */
const char *pw_sheet(const pw *w, rpt_label_id id);

/* A formula being built, with room for long sums. */
typedef struct {
    char s[4096];
    size_t n;
    bool over; /* it did not fit */
} pw_fb;

/* Starts `fb` with "=". */
void pw_fb_start(pw_fb *fb);

/* Appends printf-style text. */
void pw_fb_add(pw_fb *fb, const char *fmt, ...) GHG_PRINTF(2, 3);

/* Appends a number that reads back as the same double. */
void pw_fb_num(pw_fb *fb, double v);

/* Writes `fb` as a formula with its cached value (an error when it did not fit). */
void pw_fb_write(pw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const pw_fb *fb, double cached,
                 rpt_fmt_id f);

/* The Assumptions cell of parameter `i`, absolute: "Assumptions!$D$7" ("假设!$D$7"). */
rpt_ref pw_param_ref(const pw *w, size_t i);

/* The Base cell of line `li`, column `col`, absolute. */
rpt_ref pw_base_ref(const pw *w, size_t li, lxw_col_t col);

/* The Base cell (row, col), absolute: "Base!$B$5" ("基准年!$B$5"). */
rpt_ref pw_base_cell(const pw *w, lxw_row_t row, lxw_col_t col);

/* Trajectories' column of year index t. */
static inline lxw_col_t pw_ycol(size_t t) { return (lxw_col_t)(TR_Y0 + t); }

/* Trajectories' cell (row, year index t) as another sheet refers to it. */
rpt_ref pw_traj_ref(const pw *w, lxw_row_t row, size_t t, bool abs);

/* Trajectories' `row` over every year, absolute, as another sheet refers to it. */
rpt_ref pw_traj_years(const pw *w, lxw_row_t row);

/* Trajectories' helper column h (TRH_*). */
static inline lxw_col_t pw_hcol(const pw *w, int h) { return (lxw_col_t)(TR_Y0 + w->ny + (size_t)h); }

/* The value axis' title of the charts: the metric in millions of tonnes ("Mt CO2", "百万吨CO2当量"). */
const char *pw_axis_name(const pw *w);

/* A round value under `lowest` (the smallest value a chart shows), for the
 * value axis' minimum, so that changes near the top are visible; 0 when
 * lowest is not above 0. */
double pw_axis_floor(double lowest);

/* Sets the value axis' minimum of area chart `ch` to pw_axis_floor(lowest). */
void pw_area_min(lxw_chart *ch, double lowest);

/* The name of sector i in the workbook's language. */
const char *pw_sector_name(const pw *w, size_t i);

/* Makes header row `row` tall enough for two lines of wrapped text (LibreOffice does not grow it). */
void pw_tall(pw *w, lxw_worksheet *ws, lxw_row_t row);

/* Colours the status texts (met, on track, off track, missed, yes, no) in
 * the range by conditional formats, so they follow a recalculation. */
void pw_status_colors(pw *w, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1);

/* A label of a year header: the year as a number. */
void pw_years_header(pw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col0, long y0, size_t n);

/* ---- Trajectories, one scenario at a time (projection_xlsx_traj.c, projection_xlsx_meas.c) ---- */

/* The rows of one scenario being written: where each quantity is, and the
 * row that holds each line's current energy, amount and emissions as the
 * measures replace them (0: none yet). */
typedef struct {
    pw *w;
    size_t s;
    const prj_plan *p;
    const prj_scen_result *sr;
    const double *pv;
    prj_run st;                   /* the scenario run stopped after `stage` measures: the cached values */
    size_t stage;                 /* 0: before the measures; j: after measure j (1-based) */
    lxw_row_t *drv;               /* per driver */
    lxw_row_t *entry[PRJ_NENTRY]; /* per entry: its path row (activity: the index row) */
    lxw_row_t *pre, *idx, *E, *M; /* per line: a', a, current energy and amount */
    lxw_row_t *t, *F;             /* per line x gas: current emissions; the factor index row (0: 1) */
    bool *track_M;                /* per line: an amount-based measure needs its amount */
    lxw_row_t *elec;              /* rows whose sum is the electricity the measures add (TJ) */
    size_t nelec;
    lxw_row_t lines_end;          /* the last row the totals sum over */
} pw_tb;

/* Starts a row: scenario, quantity, item, the line's category, key and
 * sector (l may be NULL), gas (-1: none) and unit. Returns its number. */
lxw_row_t pw_tb_row(pw_tb *b, rpt_label_id what, const char *item, const prj_line *l, int gas, const char *unit);

/* Writes the helper code of `row` (what the totals select on). */
void pw_tb_code(pw_tb *b, lxw_row_t row, const char *code);

/* Makes `row` the current row in *cur from this stage on (the row it
 * replaces ends at the stage before). */
void pw_tb_replace(pw_tb *b, lxw_row_t *cur, lxw_row_t row);

/* Writes the metric weights of line li's gas g emission row. */
void pw_tb_weights(pw_tb *b, lxw_row_t row, size_t li, int g);

/* Writes a formula in year column t of `row`. */
void pw_tb_cell(pw_tb *b, lxw_row_t row, size_t t, const pw_fb *fb, double cached, rpt_fmt_id f);

/* The reference of (row, year t) on Trajectories, relative. */
rpt_ref pw_tb_at(lxw_row_t row, size_t t);

/* Appends the reference of parameter i times `scale` (omitted when 1). */
void pw_fb_param(const pw *w, pw_fb *fb, size_t i, double scale);

/* The ramp formula of measure `me` in year t: MIN(1,MAX(0,(y-start+1)/(full-start+1))). */
void pw_fb_ramp(pw_fb *fb, const pw_tb *b, const prj_measure *me, size_t t);

/* Writes a path row: the base column from `base_expr` (a formula without
 * "=", or NULL for the number `base`), later years by the path's formula,
 * each point times `scale`; values from prj_path_eval. Returns the row. */
lxw_row_t pw_tb_path(pw_tb *b, lxw_row_t row, const prj_path *p, double scale, const char *base_expr, double base,
                     rpt_fmt_id f);

/* Evaluates the scenario stopped after `stage` measures into b->st. */
void pw_tb_eval(pw_tb *b, size_t stage);

/* Writes the measures, their rows per line, the totals, wedges, sectors,
 * fuels and the energy indicators (projection_xlsx_meas.c). */
void pw_tb_measures(pw_tb *b);
void pw_tb_totals(pw_tb *b);
void pw_tb_energy(pw_tb *b);

/* ---- the sheets, in workbook order ---- */

/* Assumptions and Base (projection_xlsx_inputs.c). */
void pw_assumptions(pw *w);
void pw_base(pw *w);

/* Trajectories (projection_xlsx_traj.c and projection_xlsx_meas.c). */
void pw_trajectories(pw *w);

/* Peak and Wedges (projection_xlsx_peak.c). */
void pw_peak(pw *w);
void pw_wedges(pw *w);

/* LMDI, Targets and Monte Carlo (projection_xlsx_results.c). */
void pw_lmdi(pw *w);
void pw_targets(pw *w);
void pw_monte_carlo(pw *w);

#endif
