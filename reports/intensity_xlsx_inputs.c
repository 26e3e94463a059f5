/* intensity_xlsx_inputs.c - the intensity workbook's Inputs and Energy sheets, where every indicator starts. */
#include <stdio.h>

#include "intensity_xlsx.h"

/* -------------------------------------------------------------- Inputs */

/* Header of the Inputs sheet, by column. */
static const iw_head iw_inputs_cols[IN_NCOLS] = {
    [IN_YEAR] = {{"Year", "年份"}, -1},
    [IN_GDP] = {{"GDP (as given)", "地区生产总值（原值）"}, -1},
    [IN_GDP_UNIT] = {{"GDP unit", "单位"}, -1},
    [IN_GDP_FACTOR] = {{"Factor to 10^4 yuan", "折万元系数"}, -1},
    [IN_PRICES] = {{"Prices", "价格"}, -1},
    [IN_DEFLATOR] = {{"Deflator (price base = 100)", "平减指数（基期=100）"}, -1},
    [IN_GDP_REAL] = {{"GDP, constant prices (10^4 yuan)", "可比价地区生产总值（万元）"}, -1},
    [IN_POP] = {{"Population (as given)", "常住人口（原值）"}, -1},
    [IN_POP_UNIT] = {{"Population unit", "单位"}, -1},
    [IN_POP_FACTOR] = {{"Factor to persons", "折人系数"}, -1},
    [IN_POP_PERSONS] = {{"Population (persons)", "常住人口（人）"}, -1},
    [IN_CO2] = {{"Energy-related fossil CO2 (t)", "能源活动化石燃料CO2 (t)"}, -1},
    [IN_CO2E] = {{"All GHG (t CO2e)", "温室气体总量 (t CO2当量)"}, -1},
    [IN_RATE] = {{"Generation coal rate (gce/kWh)", "发电煤耗 (gce/kWh)"}, -1},
    [IN_FIN_ELEC] = {{"Final electricity (as given)", "终端电力消费（原值）"}, -1},
    [IN_FIN_ELEC_UNIT] = {{"Unit", "单位"}, -1},
    [IN_FIN_SCE] = {{"Electricity sce", "电力折标系数"}, -1},
    [IN_FIN_FACTOR] = {{"Factor to tce", "折吨标准煤系数"}, -1},
    [IN_FIN_ELEC_TCE] = {{"Final electricity (tce)", "终端电力消费 (tce)"}, -1},
    [IN_FIN_TOTAL] = {{"Final energy (as given)", "终端能源消费（原值）"}, -1},
    [IN_FIN_TOTAL_UNIT] = {{"Unit", "单位"}, -1},
    [IN_FIN_TOTAL_FACTOR] = {{"Factor to tce", "折吨标准煤系数"}, -1},
    [IN_FIN_TOTAL_TCE] = {{"Final energy consumption (tce)", "终端能源消费 (tce)"}, -1},
    [IN_INVENTORY] = {{"Inventory", "清单文件"}, -1},
    [IN_GWP] = {{"GWP set", "全球增温潜势值"}, -1},
    [IN_SETS] = {{"Factor sets", "排放因子集"}, -1},
    [IN_GDP_SRC] = {{"GDP source", "GDP来源"}, -1},
    [IN_POP_SRC] = {{"Population source", "人口来源"}, -1},
    [IN_RATE_SRC] = {{"Coal rate source", "煤耗来源"}, -1},
    [IN_FIN_SRC] = {{"Final energy source", "终端能源来源"}, -1},
    [IN_NOTE] = {{"Note", "备注"}, -1},
};

/* Writes a quantity as given in four adjacent columns from `col`: the value,
 * its unit, the factor to the sheet's unit and the converted figure as the
 * formula value * factor, with `cached` (the engine's value x factor). */
static void iw_scaled(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ser_qty *q, double factor,
                      double cached, rpt_fmt_id fmt)
{
    const lxw_col_t product[] = {col, col + 2};
    rpt_xl_num(&w->xl, ws, row, col, q->value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, col + 1, rpt_unit_name(q->unit_text, w->zh), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, col + 2, factor, RPT_F_GENERAL);
    rpt_xl_product(&w->xl, ws, row, col + 3, product, 2, cached, fmt);
}

/* Writes the GDP and population cells of year i (columns A..K). */
static void iw_inputs_economy(iw *w, lxw_worksheet *ws, size_t i)
{
    const ser_year *y = &w->r->s->years[i];
    const int_year *iy = &w->r->years[i];
    lxw_row_t row = (lxw_row_t)i + 1;
    char f[RPT_XL_FORMULA_MAX];
    rpt_xl_num(&w->xl, ws, row, IN_YEAR, (double)y->year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, IN_GDP, y->gdp.value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, IN_GDP_UNIT, rpt_unit_name(y->gdp.unit_text, w->zh), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, IN_GDP_FACTOR, y->gdp_factor, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, IN_PRICES, iw_label(w, y->gdp_current ? IWL_PRICES_CURRENT : IWL_PRICES_CONSTANT), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, IN_DEFLATOR, y->deflator, RPT_F_GENERAL);
    snprintf(f, sizeof f, "=%s*%s*100/%s", rpt_xl_cell(row, IN_GDP).s, rpt_xl_cell(row, IN_GDP_FACTOR).s,
             rpt_xl_cell(row, IN_DEFLATOR).s);
    rpt_xl_formula(&w->xl, ws, row, IN_GDP_REAL, f, iy->gdp_real_1e4_yuan, RPT_F_T);
    iw_scaled(w, ws, row, IN_POP, &y->population, y->population_factor, iy->population_persons, RPT_F_INT);
}

/* Writes final electricity (as given, sce, factor, tce) and final energy
 * (as given, converted) of year i, which has them. */
static void iw_inputs_final(iw *w, lxw_worksheet *ws, size_t i)
{
    const ser_year *y = &w->r->s->years[i];
    const int_year *iy = &w->r->years[i];
    lxw_row_t row = (lxw_row_t)i + 1;
    static const lxw_col_t tce[] = {IN_FIN_ELEC, IN_FIN_SCE, IN_FIN_FACTOR};
    rpt_xl_num(&w->xl, ws, row, IN_FIN_ELEC, y->final_electricity.value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, IN_FIN_ELEC_UNIT, rpt_unit_name(y->final_electricity.unit_text, w->zh),
               RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, IN_FIN_SCE, y->final_elec_sce->value, RPT_F_GENERAL);
    rpt_xl_num(&w->xl, ws, row, IN_FIN_FACTOR, y->final_elec_sce_factor, RPT_F_GENERAL);
    rpt_xl_product(&w->xl, ws, row, IN_FIN_ELEC_TCE, tce, 3, iy->final_elec_tce, RPT_F_T);
    iw_scaled(w, ws, row, IN_FIN_TOTAL, &y->final_total, y->final_total_factor, iy->final_total_tce, RPT_F_T);
    rpt_xl_str(&w->xl, ws, row, IN_FIN_SRC, y->final_source, RPT_F_NONE);
}

/* Writes the emissions, coal rate, final energy and sources of year i. */
static void iw_inputs_rest(iw *w, lxw_worksheet *ws, size_t i)
{
    const ser_year *y = &w->r->s->years[i];
    const int_year *iy = &w->r->years[i];
    const int_inv *inv = &w->r->inv[i];
    lxw_row_t row = (lxw_row_t)i + 1;
    rpt_xl_num(&w->xl, ws, row, IN_CO2, iy->co2_t, RPT_F_T);
    rpt_xl_num(&w->xl, ws, row, IN_CO2E, iy->co2e_t, RPT_F_T);
    rpt_xl_num(&w->xl, ws, row, IN_RATE, iy->coal_rate_gce_kwh, RPT_F_GENERAL);
    if (y->has_final)
        iw_inputs_final(w, ws, i);
    rpt_xl_str(&w->xl, ws, row, IN_INVENTORY, inv->path, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_GWP, inv->gwp_id, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_SETS, inv->sets, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_GDP_SRC, y->gdp.source, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_POP_SRC, y->population.source, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_RATE_SRC, y->coal_rate.source, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_NOTE, y->note, RPT_F_NONE);
}

/* Writes the Inputs sheet: one row per year. */
void iw_inputs(iw *w)
{
    lxw_worksheet *ws = iw_table_sheet(w, iw_sheet(w, IWL_SHEET_INPUTS), iw_inputs_cols, IN_NCOLS, 8, 16, 1);
    if (!ws)
        return;
    for (size_t i = 0; i < w->r->nyears; i++) {
        iw_inputs_economy(w, ws, i);
        iw_inputs_rest(w, ws, i);
    }
    rpt_xl_print_area(&w->xl, ws, (lxw_row_t)w->r->nyears, IN_NCOLS - 1);
}

/* -------------------------------------------------------------- Energy */

/* Header of the Energy sheet, by column. */
static const iw_head iw_energy_cols[EN_NCOLS] = {
    [EN_YEAR] = {{"Year", "年份"}, -1},
    [EN_FUEL] = {{"Fuel", "能源品种"}, -1},
    [EN_KIND] = {{"Kind", "类别"}, -1},
    [EN_GROUP] = {{"Group", "分组"}, -1},
    [EN_AMOUNT] = {{"Amount", "实物量"}, -1},
    [EN_UNIT] = {{"Unit", "单位"}, -1},
    [EN_SCE] = {{"Standard-coal coefficient", "折标准煤系数"}, -1},
    [EN_SCE_UNIT] = {{"Coefficient unit", "系数单位"}, -1},
    [EN_SCE_FACTOR] = {{"Factor to tce", "折吨标准煤系数"}, -1},
    [EN_TCE_CAL] = {{"tce, calorific", "tce（当量值）"}, SER_CALORIFIC},
    [EN_RATE] = {{"Coal rate (gce/kWh)", "发电煤耗 (gce/kWh)"}, -1},
    [EN_RATE_FACTOR] = {{"Factor to tce (coal rate)", "折吨标准煤系数（煤耗）"}, -1},
    [EN_TCE_RATE] = {{"tce, coal rate", "tce（发电煤耗法）"}, SER_COAL_RATE},
    [EN_SCE_SRC] = {{"Coefficient source", "系数来源"}, -1},
    [EN_SOURCE] = {{"Data source", "数据来源"}, -1},
    [EN_INPUT] = {{"Input", "输入位置"}, -1},
};

/* Writes the amount, coefficients and the two tce formulas of one item:
 * calorific = amount x sce x factor; by the coal rate, electricity is
 * amount x the year's coal rate (from Inputs) x factor, the rest as
 * calorific. */
static void iw_energy_calc(iw *w, lxw_worksheet *ws, lxw_row_t row, size_t yi, const ser_energy *e)
{
    static const lxw_col_t cal[] = {EN_AMOUNT, EN_SCE, EN_SCE_FACTOR};
    static const lxw_col_t by_rate[] = {EN_AMOUNT, EN_RATE, EN_RATE_FACTOR}, as_cal[] = {EN_TCE_CAL};
    const int_year *iy = &w->r->years[yi];
    bool elec = e->kind == SER_PRIMARY_ELECTRICITY || e->kind == SER_NET_IMPORT_ELECTRICITY;
    char f[RPT_XL_FORMULA_MAX];
    rpt_xl_num(&w->xl, ws, row, EN_AMOUNT, e->amount, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, EN_UNIT, rpt_unit_name(e->unit_text, w->zh), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, EN_SCE, e->sce->value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, EN_SCE_UNIT, e->sce->unit_text, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, EN_SCE_FACTOR, e->sce_factor, RPT_F_GENERAL);
    rpt_xl_product(&w->xl, ws, row, EN_TCE_CAL, cal, 3, int_item_tce(e, SER_CALORIFIC, iy->coal_rate_gce_kwh),
                   RPT_F_T);
    if (elec) {
        snprintf(f, sizeof f, "=%s", rpt_xl_ref(iw_sheet(w, IWL_SHEET_INPUTS), (lxw_row_t)yi + 1, IN_RATE, true).s);
        rpt_xl_formula(&w->xl, ws, row, EN_RATE, f, iy->coal_rate_gce_kwh, RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, EN_RATE_FACTOR, e->rate_factor, RPT_F_GENERAL);
    }
    rpt_xl_product(&w->xl, ws, row, EN_TCE_RATE, elec ? by_rate : as_cal, elec ? 3 : 1,
                   int_item_tce(e, SER_COAL_RATE, iy->coal_rate_gce_kwh), RPT_F_T);
}

/* Writes one Energy row: the item, its group, the calculation, sources. */
static void iw_energy_row(iw *w, lxw_worksheet *ws, lxw_row_t row, size_t yi, const ser_energy *e)
{
    char buf[4200];
    rpt_src sce = {e->sce_set, e->sce->ref};
    rpt_xl_num(&w->xl, ws, row, EN_YEAR, (double)w->r->s->years[yi].year, RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row, EN_FUEL, e->fuel, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, EN_KIND, iw_kind_text(w, e->kind), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, EN_GROUP, iw_group_text(w, int_item_mix(e)), RPT_F_NONE);
    iw_energy_calc(w, ws, row, yi, e);
    rpt_xl_src(&w->xl, ws, row, EN_SCE_SRC, &sce);
    rpt_xl_str(&w->xl, ws, row, EN_SOURCE, e->source, RPT_F_NONE);
    rpt_fmt(buf, sizeof buf, "%s:%u", e->at.file ? e->at.file : "", e->at.line);
    rpt_xl_str(&w->xl, ws, row, EN_INPUT, buf, RPT_F_NONE);
}

/* Writes the Energy sheet: every year's items in order. */
void iw_energy(iw *w)
{
    lxw_worksheet *ws = iw_table_sheet(w, iw_sheet(w, IWL_SHEET_ENERGY), iw_energy_cols, EN_NCOLS, 8, 14, EN_KIND);
    if (!ws)
        return;
    lxw_row_t row = 1;
    for (size_t i = 0; i < w->r->nyears; i++)
        for (size_t k = 0; k < w->r->s->years[i].nenergy; k++)
            iw_energy_row(w, ws, row++, i, &w->r->s->years[i].energy[k]);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, row - 1, EN_NCOLS - 1), "setting the autofilter");
    rpt_xl_print_area(&w->xl, ws, row - 1, EN_NCOLS - 1);
}
