/* intensity_xlsx_indicators.c - the intensity workbook's Indicators (formulas over Inputs, Energy) and Sectors. */
#include <stdio.h>

#include "../calc/category.h"
#include "intensity_xlsx.h"

/* ---------------------------------------------------------- Indicators */

/* Header of the Indicators sheet, by column. */
static const iw_head iw_indicator_cols[ID_NCOLS] = {
    [ID_YEAR] = {{"Year", "年份"}, -1},
    [ID_GDP] = {{"GDP, constant prices (10^4 yuan)", "可比价GDP（万元）"}, -1},
    [ID_POP] = {{"Population (10^4 persons)", "常住人口（万人）"}, -1},
    [ID_CO2] = {{"Energy-related fossil CO2 (t)", "能源活动CO2 (t)"}, -1},
    [ID_CO2E] = {{"All GHG (t CO2e)", "温室气体总量 (t CO2当量)"}, -1},
    [ID_MIX0 + INT_MIX_COAL] = {{"Coal (tce)", "煤炭 (tce)"}, -1},
    [ID_MIX0 + INT_MIX_OTHER_FOSSIL] = {{"Oil, gas, other fossil (tce)", "油气及其他化石能源 (tce)"}, -1},
    [ID_MIX0 + INT_MIX_HEAT] = {{"Heat received (tce)", "调入热力 (tce)"}, -1},
    [ID_MIX0 + INT_MIX_PRIMARY_ELEC] = {{"Primary electricity, calorific (tce)", "一次电力，当量值 (tce)"},
                                       SER_CALORIFIC},
    [ID_MIX0 + INT_MIX_NET_IMPORT_ELEC] = {{"Net imported electricity, calorific (tce)", "净调入电力，当量值 (tce)"},
                                          SER_CALORIFIC},
    [ID_TOTAL_CAL] = {{"Energy consumption, calorific (tce)", "能源消费总量，当量值 (tce)"}, SER_CALORIFIC},
    [ID_PRIM_RATE] = {{"Primary electricity, coal rate (tce)", "一次电力，发电煤耗法 (tce)"}, SER_COAL_RATE},
    [ID_NET_RATE] = {{"Net imported electricity, coal rate (tce)", "净调入电力，发电煤耗法 (tce)"}, SER_COAL_RATE},
    [ID_TOTAL_RATE] = {{"Energy consumption, coal rate (tce)", "能源消费总量，发电煤耗法 (tce)"}, SER_COAL_RATE},
    [ID_CO2_GDP] = {{"CO2 per GDP (t / 10^4 yuan)", "单位GDP二氧化碳排放（吨/万元）"}, -1},
    [ID_CO2E_GDP] = {{"CO2e per GDP (t / 10^4 yuan)", "单位GDP温室气体排放（吨CO2当量/万元）"}, -1},
    [ID_EN_GDP + SER_CALORIFIC] = {{"Energy per GDP, calorific (tce / 10^4 yuan)",
                                    "单位GDP能耗，当量值（吨标准煤/万元）"},
                                   SER_CALORIFIC},
    [ID_EN_GDP + SER_COAL_RATE] = {{"Energy per GDP, coal rate (tce / 10^4 yuan)",
                                    "单位GDP能耗，发电煤耗法（吨标准煤/万元）"},
                                   SER_COAL_RATE},
    [ID_CO2_PC] = {{"CO2 per capita (t)", "人均CO2 (t)"}, -1},
    [ID_CO2E_PC] = {{"CO2e per capita (t)", "人均温室气体 (t CO2当量)"}, -1},
    [ID_EN_PC + SER_CALORIFIC] = {{"Energy per capita, calorific (tce)", "人均能耗，当量值 (tce)"}, SER_CALORIFIC},
    [ID_EN_PC + SER_COAL_RATE] = {{"Energy per capita, coal rate (tce)", "人均能耗，发电煤耗法 (tce)"}, SER_COAL_RATE},
    [ID_COAL + SER_CALORIFIC] = {{"Coal share, calorific", "煤炭消费比重，当量值"}, SER_CALORIFIC},
    [ID_COAL + SER_COAL_RATE] = {{"Coal share, coal rate", "煤炭消费比重，发电煤耗法"}, SER_COAL_RATE},
    [ID_NONFOSSIL + SER_CALORIFIC] = {{"Non-fossil share, calorific", "非化石能源比重，当量值"}, SER_CALORIFIC},
    [ID_NONFOSSIL + SER_COAL_RATE] = {{"Non-fossil share, coal rate", "非化石能源比重，发电煤耗法"}, SER_COAL_RATE},
    [ID_ELEC] = {{"Electricity share of final energy", "电能占终端能源消费比重"}, -1},
};

/* Writes `=ref` (or `=ref/10000` for the population in 10^4 persons) of
 * column `from` of the same row on Inputs into column `col`. */
static void iw_ind_copy(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_col_t from, const char *scale,
                        double cached)
{
    char f[RPT_XL_FORMULA_MAX];
    snprintf(f, sizeof f, "=%s%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INPUTS), row, from, false).s, scale);
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, RPT_F_T);
}

/* Writes the columns copied from Inputs: year, GDP, population, CO2, CO2e. */
static void iw_ind_inputs(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_year *y)
{
    rpt_xl_num(&w->xl, ws, row, ID_YEAR, (double)y->year, RPT_F_INT);
    iw_ind_copy(w, ws, row, ID_GDP, IN_GDP_REAL, "", y->gdp_real_1e4_yuan);
    iw_ind_copy(w, ws, row, ID_POP, IN_POP_PERSONS, "/10000", y->population_persons / 10000);
    iw_ind_copy(w, ws, row, ID_CO2, IN_CO2, "", y->co2_t);
    iw_ind_copy(w, ws, row, ID_CO2E, IN_CO2E, "", y->co2e_t);
}

/* Writes a SUMIFS of Energy column `sum` for this row's year and group `g`. */
static void iw_ind_sumifs(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_col_t sum, int_mix g,
                          double cached)
{
    char f[RPT_XL_FORMULA_MAX];
    snprintf(f, sizeof f, "=SUMIFS(%s,%s,%s,%s,\"%s\")", rpt_xl_column(iw_sheet(w, IWL_SHEET_ENERGY), sum).s,
             rpt_xl_column(iw_sheet(w, IWL_SHEET_ENERGY), EN_YEAR).s, rpt_xl_cell(row, ID_YEAR).s, rpt_xl_column(iw_sheet(w, IWL_SHEET_ENERGY), EN_GROUP).s,
             iw_group_text(w, g));
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, RPT_F_T);
}

/* Writes the energy mix by both methods and the two totals (F..N). */
static void iw_ind_mix(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_year *y)
{
    char f[RPT_XL_FORMULA_MAX];
    rpt_ref c[INT_NMIX];
    for (int g = 0; g < INT_NMIX; g++) {
        iw_ind_sumifs(w, ws, row, (lxw_col_t)(ID_MIX0 + g), EN_TCE_CAL, (int_mix)g, y->mix_tce[SER_CALORIFIC][g]);
        c[g] = rpt_xl_cell(row, (lxw_col_t)(ID_MIX0 + g));
    }
    snprintf(f, sizeof f, "=%s+%s+%s+%s+%s", c[0].s, c[1].s, c[2].s, c[3].s, c[4].s);
    rpt_xl_formula(&w->xl, ws, row, ID_TOTAL_CAL, f, y->energy_tce[SER_CALORIFIC], RPT_F_T);
    iw_ind_sumifs(w, ws, row, ID_PRIM_RATE, EN_TCE_RATE, INT_MIX_PRIMARY_ELEC,
                  y->mix_tce[SER_COAL_RATE][INT_MIX_PRIMARY_ELEC]);
    iw_ind_sumifs(w, ws, row, ID_NET_RATE, EN_TCE_RATE, INT_MIX_NET_IMPORT_ELEC,
                  y->mix_tce[SER_COAL_RATE][INT_MIX_NET_IMPORT_ELEC]);
    snprintf(f, sizeof f, "=%s+%s+%s+%s+%s", c[INT_MIX_COAL].s, c[INT_MIX_OTHER_FOSSIL].s, c[INT_MIX_HEAT].s,
             rpt_xl_cell(row, ID_PRIM_RATE).s, rpt_xl_cell(row, ID_NET_RATE).s);
    rpt_xl_formula(&w->xl, ws, row, ID_TOTAL_RATE, f, y->energy_tce[SER_COAL_RATE], RPT_F_T);
}

/* Writes `=num/den` (or `=IF(den=0,0,num/den)` when guarded). */
static void iw_ratio(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const rpt_ref *num, const rpt_ref *den,
                     bool guard, double cached, rpt_fmt_id fmt)
{
    char f[RPT_XL_FORMULA_MAX];
    if (guard)
        snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", den->s, num->s, den->s);
    else
        snprintf(f, sizeof f, "=%s/%s", num->s, den->s);
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, fmt);
}

/* Writes the per-GDP and per-capita indicators and the shares (O..AA). */
static void iw_ind_ratios(iw *w, lxw_worksheet *ws, lxw_row_t row, size_t i, const int_year *y)
{
    rpt_ref gdp = rpt_xl_cell(row, ID_GDP), pop = rpt_xl_ref(iw_sheet(w, IWL_SHEET_INPUTS), row, IN_POP_PERSONS, false);
    rpt_ref co2 = rpt_xl_cell(row, ID_CO2), co2e = rpt_xl_cell(row, ID_CO2E), tot, part;
    iw_ratio(w, ws, row, ID_CO2_GDP, &co2, &gdp, false, y->co2_per_gdp, RPT_F_DEC4);
    iw_ratio(w, ws, row, ID_CO2E_GDP, &co2e, &gdp, false, y->co2e_per_gdp, RPT_F_DEC4);
    iw_ratio(w, ws, row, ID_CO2_PC, &co2, &pop, false, y->co2_per_capita, RPT_F_DEC4);
    iw_ratio(w, ws, row, ID_CO2E_PC, &co2e, &pop, false, y->co2e_per_capita, RPT_F_DEC4);
    for (int m = 0; m < SER_NMETHODS; m++) {
        tot = rpt_xl_cell(row, m == SER_CALORIFIC ? ID_TOTAL_CAL : ID_TOTAL_RATE);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_EN_GDP + m), &tot, &gdp, false, y->energy_per_gdp[m], RPT_F_DEC4);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_EN_PC + m), &tot, &pop, false, y->energy_per_capita[m], RPT_F_DEC4);
        part = rpt_xl_cell(row, ID_MIX0 + INT_MIX_COAL);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_COAL + m), &part, &tot, true, y->coal_share[m], RPT_F_PCT);
        part = rpt_xl_cell(row, m == SER_CALORIFIC ? ID_MIX0 + INT_MIX_PRIMARY_ELEC : ID_PRIM_RATE);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_NONFOSSIL + m), &part, &tot, true, y->non_fossil_share[m], RPT_F_PCT);
    }
    if (w->r->s->years[i].has_final) {
        part = rpt_xl_ref(iw_sheet(w, IWL_SHEET_INPUTS), row, IN_FIN_ELEC_TCE, false);
        tot = rpt_xl_ref(iw_sheet(w, IWL_SHEET_INPUTS), row, IN_FIN_TOTAL_TCE, false);
        iw_ratio(w, ws, row, ID_ELEC, &part, &tot, false, y->electricity_share, RPT_F_PCT);
    }
}

/* Writes the Indicators sheet: one row per year (the row of the year on
 * Inputs), every cell a formula over Inputs and Energy. */
void iw_indicators(iw *w)
{
    lxw_worksheet *ws = iw_table_sheet(w, iw_sheet(w, IWL_SHEET_INDICATORS), iw_indicator_cols, ID_NCOLS, 8, 16, 1);
    if (!ws)
        return;
    for (size_t i = 0; i < w->r->nyears; i++) {
        lxw_row_t row = (lxw_row_t)i + 1;
        iw_ind_inputs(w, ws, row, &w->r->years[i]);
        iw_ind_mix(w, ws, row, &w->r->years[i]);
        iw_ind_ratios(w, ws, row, i, &w->r->years[i]);
    }
    rpt_xl_print_area(&w->xl, ws, (lxw_row_t)w->r->nyears, ID_NCOLS - 1);
}

/* ------------------------------------------------------------- Sectors */

/* Writes the header of the Sectors sheet: year, "code name (t CO2e)" per
 * sector, total. */
static void iw_sectors_header(iw *w, lxw_worksheet *ws)
{
    const int_result *r = w->r;
    char buf[256];
    rpt_xl_str(&w->xl, ws, 0, SE_YEAR, iw_label(w, RPT_L_YEAR), RPT_F_HEADER);
    for (size_t j = 0; j < r->nsectors; j++) {
        rpt_fmt(buf, sizeof buf, "%s %s (t CO2e)", r->sectors[j].code, cat_name(r->sectors[j].code, w->zh));
        rpt_xl_str(&w->xl, ws, 0, (lxw_col_t)(SE_SECTOR0 + j), buf, RPT_F_HEADER);
    }
    rpt_xl_str(&w->xl, ws, 0, (lxw_col_t)(SE_SECTOR0 + r->nsectors), iw_label(w, IWL_TOTAL_CO2E), RPT_F_HEADER);
}

/* Writes the Sectors sheet: CO2e by sector (IPCC category at depth 3) and
 * year, from each year's inventory, with a SUM total per year. */
void iw_sectors(iw *w)
{
    const int_result *r = w->r;
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, iw_sheet(w, IWL_SHEET_SECTORS));
    if (!ws)
        return;
    char f[RPT_XL_FORMULA_MAX];
    lxw_col_t tcol = (lxw_col_t)(SE_SECTOR0 + r->nsectors), last = tcol - 1;
    iw_widths(w, ws, r->nsectors + 2, 8, 22);
    iw_sectors_header(w, ws);
    rpt_xl_freeze(&w->xl, ws, 1, 1);
    for (size_t i = 0; i < r->nyears; i++) {
        lxw_row_t row = (lxw_row_t)i + 1;
        double total = 0;
        rpt_xl_num(&w->xl, ws, row, SE_YEAR, (double)r->years[i].year, RPT_F_INT);
        for (size_t j = 0; j < r->nsectors; j++) {
            double v = r->sector_t_co2e[i * r->nsectors + j];
            rpt_xl_num(&w->xl, ws, row, (lxw_col_t)(SE_SECTOR0 + j), v, RPT_F_T);
            total += v;
        }
        if (!r->nsectors)
            continue;
        snprintf(f, sizeof f, "=SUM(%s)", rpt_xl_range(NULL, row, SE_SECTOR0, row, last, false).s);
        rpt_xl_formula(&w->xl, ws, row, tcol, f, total, RPT_F_T_BOLD);
    }
}
