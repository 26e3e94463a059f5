/* intensity_xlsx.c - the intensity workbook: Indicators, Targets, Charts, Energy, Inputs, Sectors and About sheets. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../calc/category.h"
#include "intensity_report.h"
#include "rpt_about.h"
#include "rpt_xl.h"

#define IW_F_MAX 512 /* bytes of one formula */

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

/* A column header in English and Chinese; `method` is the electricity
 * method the column belongs to, or -1. */
typedef struct {
    const char *en, *zh;
    int method;
} iw_head;

/* The writer's state. */
typedef struct {
    rpt_xl xl;
    const int_result *r;
    const rpt_meta *m;
    bool zh;
    lxw_row_t path_row0;              /* first data row of the paths block on Targets */
} iw;

#define IW_T(w, en, zh_text) ((w)->zh ? (zh_text) : (en))

static const char *const iw_status_zh[INT_NSTATUS] = {"已达标", "进度符合", "进度滞后", "未达标"};
/* The format of each status: green, light green, amber, red. */
static const rpt_fmt_id iw_status_fmt[INT_NSTATUS] = {RPT_F_GOOD, RPT_F_FAIR, RPT_F_WARN, RPT_F_BAD};

/* Line colours of the intensity chart: an indicator and its path share one. */
#define IW_CO2_COLOR 0x1F4E79
#define IW_ENERGY_COLOR 0xC00000
#define IW_OTHER_COLOR 0x7F7F7F

/* ------------------------------------------------------------- helpers */

/* Writes "G2", or "Inputs!G2" with a sheet, "$G$2" when absolute. */
static void iw_ref(char *buf, size_t len, const char *sheet, lxw_col_t col, lxw_row_t row, bool abs)
{
    char name[16];
    lxw_col_to_name(name, col, abs ? LXW_TRUE : LXW_FALSE);
    rpt_fmt(buf, len, "%s%s%s%s%u", sheet ? sheet : "", sheet ? "!" : "", name, abs ? "$" : "", (unsigned)row + 1);
}

/* Writes a header row; a column of the headline method gets a mark. */
static void iw_header(iw *w, lxw_worksheet *ws, lxw_row_t row, const iw_head *h, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char buf[256];
        bool headline = h[i].method >= 0 && (ser_method)h[i].method == w->r->s->method;
        snprintf(buf, sizeof buf, "%s%s", IW_T(w, h[i].en, h[i].zh),
                 headline ? IW_T(w, " [headline]", "【主口径】") : "");
        rpt_xl_str(&w->xl, ws, row, (lxw_col_t)i, buf, RPT_F_HEADER);
    }
}

/* Sets column widths: `first` for column 0, `rest` for the others. */
static void iw_widths(iw *w, lxw_worksheet *ws, size_t n, double first, double rest)
{
    rpt_xl_check(&w->xl, worksheet_set_column(ws, 0, 0, first, NULL), "setting a column width");
    if (n > 1)
        rpt_xl_check(&w->xl, worksheet_set_column(ws, 1, (lxw_col_t)(n - 1), rest, NULL), "setting a column width");
}

/* The Indicators column of indicator `ind` by method `m`. */
static lxw_col_t iw_ind_col(ser_indicator ind, ser_method m)
{
    switch (ind) {
    case SER_IND_CO2_PER_GDP:
        return ID_CO2_GDP;
    case SER_IND_ENERGY_PER_GDP:
        return (lxw_col_t)(ID_EN_GDP + m);
    case SER_IND_CO2E_PER_GDP:
        return ID_CO2E_GDP;
    case SER_IND_COAL_SHARE:
        return (lxw_col_t)(ID_COAL + m);
    case SER_IND_NON_FOSSIL_SHARE:
        return (lxw_col_t)(ID_NONFOSSIL + m);
    default:
        return ID_ELEC;
    }
}

/* The unit an indicator is measured in. */
static const char *iw_ind_unit(const iw *w, ser_indicator ind)
{
    switch (ind) {
    case SER_IND_CO2_PER_GDP:
        return IW_T(w, "t CO2 / 10^4 yuan", "吨CO2/万元");
    case SER_IND_ENERGY_PER_GDP:
        return IW_T(w, "tce / 10^4 yuan", "吨标准煤/万元");
    case SER_IND_CO2E_PER_GDP:
        return IW_T(w, "t CO2e / 10^4 yuan", "吨CO2当量/万元");
    default:
        return IW_T(w, "share", "比重");
    }
}

/* -------------------------------------------------------------- Inputs */

/* Writes a quantity as given in four adjacent columns from `col`: the value,
 * its unit, the factor to the sheet's unit and the converted figure as the
 * formula value * factor, with `cached` (the engine's value x factor). */
static void iw_scaled(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ser_qty *q, double factor,
                      double cached, rpt_fmt_id fmt)
{
    char f[IW_F_MAX], v[24], k[24];
    rpt_xl_num(&w->xl, ws, row, col, q->value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, col + 1, q->unit_text, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, col + 2, factor, RPT_F_GENERAL);
    iw_ref(v, sizeof v, NULL, col, row, false);
    iw_ref(k, sizeof k, NULL, col + 2, row, false);
    snprintf(f, sizeof f, "=%s*%s", v, k);
    rpt_xl_formula(&w->xl, ws, row, col + 3, f, cached, fmt);
}

/* Writes the GDP and population cells of year i (columns A..K). */
static void iw_inputs_economy(iw *w, lxw_worksheet *ws, size_t i)
{
    const ser_year *y = &w->r->s->years[i];
    const int_year *iy = &w->r->years[i];
    lxw_row_t row = (lxw_row_t)i + 1;
    char f[IW_F_MAX], b[24], d[24], fl[24];
    rpt_xl_num(&w->xl, ws, row, IN_YEAR, (double)y->year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, IN_GDP, y->gdp.value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, IN_GDP_UNIT, y->gdp.unit_text, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, IN_GDP_FACTOR, y->gdp_factor, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, IN_PRICES, y->gdp_current ? "current" : "constant", RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, IN_DEFLATOR, y->deflator, RPT_F_GENERAL);
    iw_ref(b, sizeof b, NULL, IN_GDP, row, false);
    iw_ref(d, sizeof d, NULL, IN_GDP_FACTOR, row, false);
    iw_ref(fl, sizeof fl, NULL, IN_DEFLATOR, row, false);
    snprintf(f, sizeof f, "=%s*%s*100/%s", b, d, fl);
    rpt_xl_formula(&w->xl, ws, row, IN_GDP_REAL, f, iy->gdp_real_1e4_yuan, RPT_F_T);
    iw_scaled(w, ws, row, IN_POP, &y->population, y->population_factor, iy->population_persons, RPT_F_INT);
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
    if (y->has_final) {
        char f[IW_F_MAX], o[24], q[24], rr[24];
        rpt_xl_num(&w->xl, ws, row, IN_FIN_ELEC, y->final_electricity.value, RPT_F_GENERAL);
        rpt_xl_str(&w->xl, ws, row, IN_FIN_ELEC_UNIT, y->final_electricity.unit_text, RPT_F_NONE);
        rpt_xl_num(&w->xl, ws, row, IN_FIN_SCE, y->final_elec_sce->value, RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, IN_FIN_FACTOR, y->final_elec_sce_factor, RPT_F_GENERAL);
        iw_ref(o, sizeof o, NULL, IN_FIN_ELEC, row, false);
        iw_ref(q, sizeof q, NULL, IN_FIN_SCE, row, false);
        iw_ref(rr, sizeof rr, NULL, IN_FIN_FACTOR, row, false);
        snprintf(f, sizeof f, "=%s*%s*%s", o, q, rr);
        rpt_xl_formula(&w->xl, ws, row, IN_FIN_ELEC_TCE, f, iy->final_elec_tce, RPT_F_T);
        iw_scaled(w, ws, row, IN_FIN_TOTAL, &y->final_total, y->final_total_factor, iy->final_total_tce, RPT_F_T);
        rpt_xl_str(&w->xl, ws, row, IN_FIN_SRC, y->final_source, RPT_F_NONE);
    }
    rpt_xl_str(&w->xl, ws, row, IN_INVENTORY, inv->path, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_GWP, inv->gwp_id, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_SETS, inv->sets, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_GDP_SRC, y->gdp.source, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_POP_SRC, y->population.source, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_RATE_SRC, y->coal_rate.source, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, IN_NOTE, y->note, RPT_F_NONE);
}

/* Writes the Inputs sheet. */
static void iw_inputs(iw *w)
{
    static const iw_head hdr[IN_NCOLS] = {
        {"Year", "年份", -1},
        {"GDP (as given)", "地区生产总值（原值）", -1},
        {"GDP unit", "单位", -1},
        {"Factor to 10^4 yuan", "折万元系数", -1},
        {"Prices", "价格", -1},
        {"Deflator (price base = 100)", "平减指数（基期=100）", -1},
        {"GDP, constant prices (10^4 yuan)", "可比价地区生产总值（万元）", -1},
        {"Population (as given)", "常住人口（原值）", -1},
        {"Population unit", "单位", -1},
        {"Factor to persons", "折人系数", -1},
        {"Population (persons)", "常住人口（人）", -1},
        {"Energy-related fossil CO2 (t)", "能源活动化石燃料CO2 (t)", -1},
        {"All GHG (t CO2e)", "温室气体总量 (t CO2当量)", -1},
        {"Generation coal rate (gce/kWh)", "发电煤耗 (gce/kWh)", -1},
        {"Final electricity (as given)", "终端电力消费（原值）", -1},
        {"Unit", "单位", -1},
        {"Electricity sce", "电力折标系数", -1},
        {"Factor to tce", "折吨标准煤系数", -1},
        {"Final electricity (tce)", "终端电力消费 (tce)", -1},
        {"Final energy (as given)", "终端能源消费（原值）", -1},
        {"Unit", "单位", -1},
        {"Factor to tce", "折吨标准煤系数", -1},
        {"Final energy consumption (tce)", "终端能源消费 (tce)", -1},
        {"Inventory", "清单文件", -1},
        {"GWP set", "全球增温潜势值", -1},
        {"Factor sets", "排放因子集", -1},
        {"GDP source", "GDP来源", -1},
        {"Population source", "人口来源", -1},
        {"Coal rate source", "煤耗来源", -1},
        {"Final energy source", "终端能源来源", -1},
        {"Note", "备注", -1},
    };
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Inputs");
    if (!ws)
        return;
    iw_widths(w, ws, IN_NCOLS, 8, 16);
    iw_header(w, ws, 0, hdr, IN_NCOLS);
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t i = 0; i < w->r->nyears; i++) {
        iw_inputs_economy(w, ws, i);
        iw_inputs_rest(w, ws, i);
    }
}

/* -------------------------------------------------------------- Energy */

/* Writes the amount, coefficients and the two tce formulas of one item. */
static void iw_energy_calc(iw *w, lxw_worksheet *ws, lxw_row_t row, size_t yi, const ser_energy *e)
{
    const int_year *iy = &w->r->years[yi];
    char f[IW_F_MAX], a[24], b[24], c[24];
    rpt_xl_num(&w->xl, ws, row, EN_AMOUNT, e->amount, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, EN_UNIT, e->unit_text, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, EN_SCE, e->sce->value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, EN_SCE_UNIT, e->sce->unit_text, RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, EN_SCE_FACTOR, e->sce_factor, RPT_F_GENERAL);
    iw_ref(a, sizeof a, NULL, EN_AMOUNT, row, false);
    iw_ref(b, sizeof b, NULL, EN_SCE, row, false);
    iw_ref(c, sizeof c, NULL, EN_SCE_FACTOR, row, false);
    snprintf(f, sizeof f, "=%s*%s*%s", a, b, c);
    rpt_xl_formula(&w->xl, ws, row, EN_TCE_CAL, f, int_item_tce(e, SER_CALORIFIC, iy->coal_rate_gce_kwh), RPT_F_T);
    if (e->kind == SER_PRIMARY_ELECTRICITY || e->kind == SER_NET_IMPORT_ELECTRICITY) {
        iw_ref(b, sizeof b, "Inputs", IN_RATE, (lxw_row_t)yi + 1, true);
        snprintf(f, sizeof f, "=%s", b);
        rpt_xl_formula(&w->xl, ws, row, EN_RATE, f, iy->coal_rate_gce_kwh, RPT_F_GENERAL);
        rpt_xl_num(&w->xl, ws, row, EN_RATE_FACTOR, e->rate_factor, RPT_F_GENERAL);
        iw_ref(b, sizeof b, NULL, EN_RATE, row, false);
        iw_ref(c, sizeof c, NULL, EN_RATE_FACTOR, row, false);
        snprintf(f, sizeof f, "=%s*%s*%s", a, b, c);
    } else {
        iw_ref(b, sizeof b, NULL, EN_TCE_CAL, row, false);
        snprintf(f, sizeof f, "=%s", b);
    }
    rpt_xl_formula(&w->xl, ws, row, EN_TCE_RATE, f, int_item_tce(e, SER_COAL_RATE, iy->coal_rate_gce_kwh), RPT_F_T);
}

/* Writes one Energy row: the item, its group, the calculation, sources. */
static void iw_energy_row(iw *w, lxw_worksheet *ws, lxw_row_t row, size_t yi, const ser_energy *e)
{
    char buf[4200];
    rpt_xl_num(&w->xl, ws, row, EN_YEAR, (double)w->r->s->years[yi].year, RPT_F_INT);
    rpt_xl_str(&w->xl, ws, row, EN_FUEL, e->fuel, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, EN_KIND, ser_kind_name(e->kind), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, EN_GROUP, int_mix_name(int_item_mix(e)), RPT_F_NONE);
    iw_energy_calc(w, ws, row, yi, e);
    rpt_fmt(buf, sizeof buf, "%s%s%s", e->sce_set, e->sce->ref ? ": " : "", e->sce->ref ? e->sce->ref : "");
    rpt_xl_str(&w->xl, ws, row, EN_SCE_SRC, buf, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, EN_SOURCE, e->source, RPT_F_NONE);
    rpt_fmt(buf, sizeof buf, "%s:%u", e->at.file ? e->at.file : "", e->at.line);
    rpt_xl_str(&w->xl, ws, row, EN_INPUT, buf, RPT_F_NONE);
}

/* Writes the Energy sheet: every year's items in order. */
static void iw_energy(iw *w)
{
    static const iw_head hdr[EN_NCOLS] = {
        {"Year", "年份", -1},
        {"Fuel", "能源品种", -1},
        {"Kind", "类别", -1},
        {"Group", "分组", -1},
        {"Amount", "实物量", -1},
        {"Unit", "单位", -1},
        {"Standard-coal coefficient", "折标准煤系数", -1},
        {"Coefficient unit", "系数单位", -1},
        {"Factor to tce", "折吨标准煤系数", -1},
        {"tce, calorific", "tce（当量值）", SER_CALORIFIC},
        {"Coal rate (gce/kWh)", "发电煤耗 (gce/kWh)", -1},
        {"Factor to tce (coal rate)", "折吨标准煤系数（煤耗）", -1},
        {"tce, coal rate", "tce（发电煤耗法）", SER_COAL_RATE},
        {"Coefficient source", "系数来源", -1},
        {"Data source", "数据来源", -1},
        {"Input", "输入位置", -1},
    };
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Energy");
    if (!ws)
        return;
    iw_widths(w, ws, EN_NCOLS, 8, 14);
    iw_header(w, ws, 0, hdr, EN_NCOLS);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (size_t i = 0; i < w->r->nyears; i++)
        for (size_t k = 0; k < w->r->s->years[i].nenergy; k++)
            iw_energy_row(w, ws, row++, i, &w->r->s->years[i].energy[k]);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, row - 1, EN_NCOLS - 1), "setting the autofilter");
}

/* ---------------------------------------------------------- Indicators */

/* Writes the columns copied from Inputs: year, GDP, population, CO2, CO2e. */
static void iw_ind_inputs(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_year *y)
{
    char f[IW_F_MAX], ref[32];
    rpt_xl_num(&w->xl, ws, row, ID_YEAR, (double)y->year, RPT_F_INT);
    iw_ref(ref, sizeof ref, "Inputs", IN_GDP_REAL, row, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, ID_GDP, f, y->gdp_real_1e4_yuan, RPT_F_T);
    iw_ref(ref, sizeof ref, "Inputs", IN_POP_PERSONS, row, false);
    snprintf(f, sizeof f, "=%s/10000", ref);
    rpt_xl_formula(&w->xl, ws, row, ID_POP, f, y->population_persons / 10000, RPT_F_T);
    iw_ref(ref, sizeof ref, "Inputs", IN_CO2, row, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, ID_CO2, f, y->co2_t, RPT_F_T);
    iw_ref(ref, sizeof ref, "Inputs", IN_CO2E, row, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, ID_CO2E, f, y->co2e_t, RPT_F_T);
}

/* Writes a SUMIFS of Energy column `sum` for this row's year and group `g`. */
static void iw_ind_sumifs(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_col_t sum, int_mix g,
                          double cached)
{
    char f[IW_F_MAX], s[8], a[8], d[8], year[24];
    lxw_col_to_name(s, sum, LXW_TRUE);
    lxw_col_to_name(a, EN_YEAR, LXW_TRUE);
    lxw_col_to_name(d, EN_GROUP, LXW_TRUE);
    iw_ref(year, sizeof year, NULL, ID_YEAR, row, false);
    snprintf(f, sizeof f, "=SUMIFS(Energy!%s:%s,Energy!%s:%s,%s,Energy!%s:%s,\"%s\")", s, s, a, a, year, d, d,
             int_mix_name(g));
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, RPT_F_T);
}

/* Writes the energy mix by both methods and the two totals (F..N). */
static void iw_ind_mix(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_year *y)
{
    char f[IW_F_MAX], c[INT_NMIX][24], l[24], m[24];
    for (int g = 0; g < INT_NMIX; g++) {
        iw_ind_sumifs(w, ws, row, (lxw_col_t)(ID_MIX0 + g), EN_TCE_CAL, (int_mix)g, y->mix_tce[SER_CALORIFIC][g]);
        iw_ref(c[g], sizeof c[g], NULL, (lxw_col_t)(ID_MIX0 + g), row, false);
    }
    snprintf(f, sizeof f, "=%s+%s+%s+%s+%s", c[0], c[1], c[2], c[3], c[4]);
    rpt_xl_formula(&w->xl, ws, row, ID_TOTAL_CAL, f, y->energy_tce[SER_CALORIFIC], RPT_F_T);
    iw_ind_sumifs(w, ws, row, ID_PRIM_RATE, EN_TCE_RATE, INT_MIX_PRIMARY_ELEC,
                  y->mix_tce[SER_COAL_RATE][INT_MIX_PRIMARY_ELEC]);
    iw_ind_sumifs(w, ws, row, ID_NET_RATE, EN_TCE_RATE, INT_MIX_NET_IMPORT_ELEC,
                  y->mix_tce[SER_COAL_RATE][INT_MIX_NET_IMPORT_ELEC]);
    iw_ref(l, sizeof l, NULL, ID_PRIM_RATE, row, false);
    iw_ref(m, sizeof m, NULL, ID_NET_RATE, row, false);
    snprintf(f, sizeof f, "=%s+%s+%s+%s+%s", c[INT_MIX_COAL], c[INT_MIX_OTHER_FOSSIL], c[INT_MIX_HEAT], l, m);
    rpt_xl_formula(&w->xl, ws, row, ID_TOTAL_RATE, f, y->energy_tce[SER_COAL_RATE], RPT_F_T);
}

/* Writes `=num/den` (or `=IF(den=0,0,num/den)` when guarded). */
static void iw_ratio(iw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *num, const char *den,
                     bool guard, double cached, rpt_fmt_id fmt)
{
    char f[IW_F_MAX];
    if (guard)
        snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", den, num, den);
    else
        snprintf(f, sizeof f, "=%s/%s", num, den);
    rpt_xl_formula(&w->xl, ws, row, col, f, cached, fmt);
}

/* Writes the per-GDP and per-capita indicators and the shares (O..AA). */
static void iw_ind_ratios(iw *w, lxw_worksheet *ws, lxw_row_t row, size_t i, const int_year *y)
{
    char gdp[24], pop[24], co2[24], co2e[24], tot[24], part[24];
    iw_ref(gdp, sizeof gdp, NULL, ID_GDP, row, false);
    iw_ref(pop, sizeof pop, "Inputs", IN_POP_PERSONS, row, false);
    iw_ref(co2, sizeof co2, NULL, ID_CO2, row, false);
    iw_ref(co2e, sizeof co2e, NULL, ID_CO2E, row, false);
    iw_ratio(w, ws, row, ID_CO2_GDP, co2, gdp, false, y->co2_per_gdp, RPT_F_DEC4);
    iw_ratio(w, ws, row, ID_CO2E_GDP, co2e, gdp, false, y->co2e_per_gdp, RPT_F_DEC4);
    iw_ratio(w, ws, row, ID_CO2_PC, co2, pop, false, y->co2_per_capita, RPT_F_DEC4);
    iw_ratio(w, ws, row, ID_CO2E_PC, co2e, pop, false, y->co2e_per_capita, RPT_F_DEC4);
    for (int m = 0; m < SER_NMETHODS; m++) {
        iw_ref(tot, sizeof tot, NULL, m == SER_CALORIFIC ? ID_TOTAL_CAL : ID_TOTAL_RATE, row, false);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_EN_GDP + m), tot, gdp, false, y->energy_per_gdp[m], RPT_F_DEC4);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_EN_PC + m), tot, pop, false, y->energy_per_capita[m], RPT_F_DEC4);
        iw_ref(part, sizeof part, NULL, ID_MIX0 + INT_MIX_COAL, row, false);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_COAL + m), part, tot, true, y->coal_share[m], RPT_F_PCT);
        iw_ref(part, sizeof part, NULL, m == SER_CALORIFIC ? ID_MIX0 + INT_MIX_PRIMARY_ELEC : ID_PRIM_RATE, row, false);
        iw_ratio(w, ws, row, (lxw_col_t)(ID_NONFOSSIL + m), part, tot, true, y->non_fossil_share[m],
                 RPT_F_PCT);
    }
    if (w->r->s->years[i].has_final) {
        iw_ref(part, sizeof part, "Inputs", IN_FIN_ELEC_TCE, row, false);
        iw_ref(tot, sizeof tot, "Inputs", IN_FIN_TOTAL_TCE, row, false);
        iw_ratio(w, ws, row, ID_ELEC, part, tot, false, y->electricity_share, RPT_F_PCT);
    }
}

/* Writes the Indicators sheet: one row per year, every cell a formula over
 * Inputs and Energy. */
static void iw_indicators(iw *w)
{
    static const iw_head hdr[ID_NCOLS] = {
        {"Year", "年份", -1},
        {"GDP, constant prices (10^4 yuan)", "可比价GDP（万元）", -1},
        {"Population (10^4 persons)", "常住人口（万人）", -1},
        {"Energy-related fossil CO2 (t)", "能源活动CO2 (t)", -1},
        {"All GHG (t CO2e)", "温室气体总量 (t CO2当量)", -1},
        {"Coal (tce)", "煤炭 (tce)", -1},
        {"Oil, gas, other fossil (tce)", "油气及其他化石能源 (tce)", -1},
        {"Heat received (tce)", "调入热力 (tce)", -1},
        {"Primary electricity, calorific (tce)", "一次电力，当量值 (tce)", SER_CALORIFIC},
        {"Net imported electricity, calorific (tce)", "净调入电力，当量值 (tce)", SER_CALORIFIC},
        {"Energy consumption, calorific (tce)", "能源消费总量，当量值 (tce)", SER_CALORIFIC},
        {"Primary electricity, coal rate (tce)", "一次电力，发电煤耗法 (tce)", SER_COAL_RATE},
        {"Net imported electricity, coal rate (tce)", "净调入电力，发电煤耗法 (tce)", SER_COAL_RATE},
        {"Energy consumption, coal rate (tce)", "能源消费总量，发电煤耗法 (tce)", SER_COAL_RATE},
        {"CO2 per GDP (t / 10^4 yuan)", "单位GDP二氧化碳排放（吨/万元）", -1},
        {"CO2e per GDP (t / 10^4 yuan)", "单位GDP温室气体排放（吨CO2当量/万元）", -1},
        {"Energy per GDP, calorific (tce / 10^4 yuan)", "单位GDP能耗，当量值（吨标准煤/万元）", SER_CALORIFIC},
        {"Energy per GDP, coal rate (tce / 10^4 yuan)", "单位GDP能耗，发电煤耗法（吨标准煤/万元）", SER_COAL_RATE},
        {"CO2 per capita (t)", "人均CO2 (t)", -1},
        {"CO2e per capita (t)", "人均温室气体 (t CO2当量)", -1},
        {"Energy per capita, calorific (tce)", "人均能耗，当量值 (tce)", SER_CALORIFIC},
        {"Energy per capita, coal rate (tce)", "人均能耗，发电煤耗法 (tce)", SER_COAL_RATE},
        {"Coal share, calorific", "煤炭消费比重，当量值", SER_CALORIFIC},
        {"Coal share, coal rate", "煤炭消费比重，发电煤耗法", SER_COAL_RATE},
        {"Non-fossil share, calorific", "非化石能源比重，当量值", SER_CALORIFIC},
        {"Non-fossil share, coal rate", "非化石能源比重，发电煤耗法", SER_COAL_RATE},
        {"Electricity share of final energy", "电能占终端能源消费比重", -1},
    };
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Indicators");
    if (!ws)
        return;
    iw_widths(w, ws, ID_NCOLS, 8, 16);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, 0, 60, NULL), "setting the header height");
    iw_header(w, ws, 0, hdr, ID_NCOLS);
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t i = 0; i < w->r->nyears; i++) {
        lxw_row_t row = (lxw_row_t)i + 1;
        iw_ind_inputs(w, ws, row, &w->r->years[i]);
        iw_ind_mix(w, ws, row, &w->r->years[i]);
        iw_ind_ratios(w, ws, row, i, &w->r->years[i]);
    }
}

/* ------------------------------------------------------------- Targets */

/* The status text of `st` in the workbook's language. */
static const char *iw_status_text(const iw *w, int_status st) { return w->zh ? iw_status_zh[st] : int_status_name(st); }

/* Writes the identity columns of target row `row`: id, title, indicator,
 * unit, kind, years, value, method, flags, source and note. */
static void iw_target_ident(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr)
{
    const ser_target *t = tr->t;
    char title[512];
    if (t->title)
        rpt_fmt(title, sizeof title, "%s", t->title);
    else
        rpt_fmt(title, sizeof title, "%s %s %g%% %ld-%ld", ser_indicator_name(t->indicator),
                ser_target_kind_name(t->kind), t->value_pct, t->base_year, t->target_year);
    rpt_xl_str(&w->xl, ws, row, TG_ID, t->id, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_TITLE, title, RPT_F_WRAP);
    rpt_xl_str(&w->xl, ws, row, TG_INDICATOR, ser_indicator_name(t->indicator), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_UNIT, iw_ind_unit(w, t->indicator), RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_KIND, ser_target_kind_name(t->kind), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, TG_BASE_YEAR, (double)t->base_year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, TG_TARGET_YEAR, (double)t->target_year, RPT_F_INT);
    rpt_xl_num(&w->xl, ws, row, TG_VALUE, t->value_pct, RPT_F_GENERAL);
    rpt_xl_num(&w->xl, ws, row, TG_EVAL_YEAR, (double)tr->eval_year, RPT_F_INT);
    bool energy = t->indicator != SER_IND_CO2_PER_GDP && t->indicator != SER_IND_CO2E_PER_GDP &&
                  t->indicator != SER_IND_ELECTRICITY_SHARE;
    rpt_xl_str(&w->xl, ws, row, TG_METHOD, energy ? ser_method_name(w->r->s->method) : "", RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, TG_ILLUSTRATIVE, t->illustrative ? IW_T(w, "ILLUSTRATIVE", "示意值") : "", RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, TG_SOURCE, t->source, RPT_F_WRAP);
    rpt_xl_str(&w->xl, ws, row, TG_NOTE, t->note, RPT_F_WRAP);
}

/* References "J5"-style cells of target row `row` into `c` by column. */
static void iw_target_refs(lxw_row_t row, char c[TG_NCOLS][16])
{
    for (int k = 0; k < TG_NCOLS; k++)
        iw_ref(c[k], sizeof c[k], NULL, (lxw_col_t)k, row, false);
}

/* Writes base and latest values (from Indicators), change, average rate
 * and the target level of target row `row`. */
static void iw_target_values(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr, rpt_fmt_id vf)
{
    const ser_target *t = tr->t;
    const ser_series *s = w->r->s;
    char f[IW_F_MAX], ref[32], c[TG_NCOLS][16];
    lxw_col_t col = iw_ind_col(t->indicator, s->method);
    iw_target_refs(row, c);
    iw_ref(ref, sizeof ref, "Indicators", col, (lxw_row_t)ser_year_index(s, t->base_year) + 1, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, TG_BASE_VALUE, f, tr->base_value, vf);
    iw_ref(ref, sizeof ref, "Indicators", col, (lxw_row_t)ser_year_index(s, tr->eval_year) + 1, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, TG_LATEST, f, tr->latest_value, vf);
    if (isfinite(tr->change)) {
        snprintf(f, sizeof f, "=%s/%s-1", c[TG_LATEST], c[TG_BASE_VALUE]);
        rpt_xl_formula(&w->xl, ws, row, TG_CHANGE, f, tr->change, RPT_F_PCT2);
    }
    if (isfinite(tr->avg_rate)) {
        snprintf(f, sizeof f, "=(%s/%s)^(1/(%s-%s))-1", c[TG_LATEST], c[TG_BASE_VALUE], c[TG_EVAL_YEAR],
                 c[TG_BASE_YEAR]);
        rpt_xl_formula(&w->xl, ws, row, TG_AVG_RATE, f, tr->avg_rate, RPT_F_PCT2);
    }
    if (t->kind == SER_REDUCTION)
        snprintf(f, sizeof f, "=%s*(1-%s/100)", c[TG_BASE_VALUE], c[TG_VALUE]);
    else
        snprintf(f, sizeof f, "=%s/100", c[TG_VALUE]);
    rpt_xl_formula(&w->xl, ws, row, TG_LEVEL, f, tr->level, vf);
}

/* Writes the reference (target level, or the path at the evaluation
 * year) of target row `row`. */
static void iw_target_reference(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr, rpt_fmt_id vf)
{
    char f[IW_F_MAX], c[TG_NCOLS][16];
    const char *lv = c[TG_LEVEL], *bv = c[TG_BASE_VALUE], *by = c[TG_BASE_YEAR];
    iw_target_refs(row, c);
    if (tr->final || (tr->t->kind == SER_REDUCTION && !(tr->base_value > 0)))
        snprintf(f, sizeof f, "=%s", lv);
    else if (tr->t->kind == SER_REDUCTION)
        snprintf(f, sizeof f, "=%s*(%s/%s)^((%s-%s)/(%s-%s))", bv, lv, bv, c[TG_EVAL_YEAR], by, c[TG_TARGET_YEAR], by);
    else
        snprintf(f, sizeof f, "=%s(%s,%s+(%s-%s)*(%s-%s)/(%s-%s))", tr->t->kind == SER_CEILING ? "MAX" : "MIN", lv, bv,
                 lv, bv, c[TG_EVAL_YEAR], by, c[TG_TARGET_YEAR], by);
    rpt_xl_formula(&w->xl, ws, row, TG_REFERENCE, f, tr->reference, vf);
}

/* Writes the required rate, the margin and the status formula (coloured
 * by the computed status) of target row `row`. */
static void iw_target_status(iw *w, lxw_worksheet *ws, lxw_row_t row, const int_target *tr, rpt_fmt_id vf)
{
    char f[IW_F_MAX], c[TG_NCOLS][16];
    bool floor_kind = tr->t->kind == SER_FLOOR;
    int_status good = tr->final ? INT_MET : INT_ON_TRACK, bad = tr->final ? INT_MISSED : INT_OFF_TRACK;
    iw_target_refs(row, c);
    if (isfinite(tr->required_rate)) {
        snprintf(f, sizeof f, "=(%s/%s)^(1/(%s-%s))-1", c[TG_LEVEL], c[TG_LATEST], c[TG_TARGET_YEAR], c[TG_EVAL_YEAR]);
        rpt_xl_formula(&w->xl, ws, row, TG_REQUIRED, f, tr->required_rate, RPT_F_PCT2);
    }
    snprintf(f, sizeof f, "=%s-%s", floor_kind ? c[TG_LATEST] : c[TG_REFERENCE],
             floor_kind ? c[TG_REFERENCE] : c[TG_LATEST]);
    rpt_xl_formula(&w->xl, ws, row, TG_MARGIN, f, tr->margin, vf);
    if (isfinite(tr->margin_rel)) {
        snprintf(f, sizeof f, "=%s/%s", c[TG_MARGIN], c[TG_REFERENCE]);
        rpt_xl_formula(&w->xl, ws, row, TG_MARGIN_REL, f, tr->margin_rel, RPT_F_PCT2);
    }
    snprintf(f, sizeof f, "=IF(%s%s%s*%.17g,\"%s\",\"%s\")", c[TG_LATEST], floor_kind ? ">=" : "<=", c[TG_REFERENCE],
             floor_kind ? 1 - INT_REL_TOL : 1 + INT_REL_TOL, iw_status_text(w, good), iw_status_text(w, bad));
    rpt_xl_formula_str(&w->xl, ws, row, TG_STATUS, f, iw_status_text(w, tr->status), iw_status_fmt[tr->status]);
}

/* Writes one row of the paths block: year, actual intensities and the
 * geometric path of every reduction target. */
static void iw_path_row(iw *w, lxw_worksheet *ws, size_t i)
{
    const int_result *r = w->r;
    lxw_row_t row = w->path_row0 + (lxw_row_t)i, irow = (lxw_row_t)i + 1;
    char f[IW_F_MAX], a[24], ref[32], c[TG_NCOLS][16];
    long y = r->years[i].year;
    iw_ref(ref, sizeof ref, "Indicators", ID_YEAR, irow, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, 0, f, (double)y, RPT_F_INT);
    iw_ref(ref, sizeof ref, "Indicators", ID_CO2_GDP, irow, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, 1, f, r->years[i].co2_per_gdp, RPT_F_DEC4);
    iw_ref(ref, sizeof ref, "Indicators", iw_ind_col(SER_IND_ENERGY_PER_GDP, r->s->method), irow, false);
    snprintf(f, sizeof f, "=%s", ref);
    rpt_xl_formula(&w->xl, ws, row, 2, f, r->years[i].energy_per_gdp[r->s->method], RPT_F_DEC4);
    iw_ref(a, sizeof a, NULL, 0, row, false);
    lxw_col_t col = 3;
    for (size_t k = 0; k < r->ntargets; k++) {
        const int_target *tr = &r->targets[k];
        if (tr->t->kind != SER_REDUCTION)
            continue;
        if (y >= tr->t->base_year && y <= tr->t->target_year && tr->base_value > 0) {
            for (int j = 0; j < TG_NCOLS; j++)
                iw_ref(c[j], sizeof c[j], NULL, (lxw_col_t)j, (lxw_row_t)k + 1, true);
            snprintf(f, sizeof f, "=%s*(%s/%s)^((%s-%s)/(%s-%s))", c[TG_BASE_VALUE], c[TG_LEVEL], c[TG_BASE_VALUE], a,
                     c[TG_BASE_YEAR], c[TG_TARGET_YEAR], c[TG_BASE_YEAR]);
            rpt_xl_formula(&w->xl, ws, row, col, f,
                       int_path(SER_REDUCTION, tr->base_value, tr->level, tr->t->base_year, tr->t->target_year, y),
                       RPT_F_DEC4);
        }
        col++;
    }
}

/* Writes the paths block below the targets (the line chart's data). */
static void iw_paths(iw *w, lxw_worksheet *ws, lxw_row_t heading)
{
    const int_result *r = w->r;
    char buf[256];
    rpt_xl_str(&w->xl, ws, heading, 0, IW_T(w, "Intensity and target paths (chart data)", "强度与目标路径（图表数据）"),
               RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, heading + 1, 0, IW_T(w, "Year", "年份"), RPT_F_HEADER);
    rpt_xl_str(&w->xl, ws, heading + 1, 1, IW_T(w, "CO2 per GDP", "单位GDP二氧化碳排放"), RPT_F_HEADER);
    rpt_fmt(buf, sizeof buf, "%s (%s)", IW_T(w, "Energy per GDP", "单位GDP能耗"), ser_method_name(r->s->method));
    rpt_xl_str(&w->xl, ws, heading + 1, 2, buf, RPT_F_HEADER);
    lxw_col_t col = 3;
    for (size_t k = 0; k < r->ntargets; k++)
        if (r->targets[k].t->kind == SER_REDUCTION) {
            rpt_fmt(buf, sizeof buf, "%s: %s", IW_T(w, "Path", "目标路径"), r->targets[k].t->id);
            rpt_xl_str(&w->xl, ws, heading + 1, col++, buf, RPT_F_HEADER);
        }
    w->path_row0 = heading + 2;
    for (size_t i = 0; i < r->nyears; i++)
        iw_path_row(w, ws, i);
}

/* Writes the Targets sheet: one row per target with its rates, reference,
 * margin and status, then the paths block. */
static void iw_targets(iw *w)
{
    static const iw_head hdr[TG_NCOLS] = {
        {"Target", "目标", -1},
        {"Title", "说明", -1},
        {"Indicator", "指标", -1},
        {"Unit", "单位", -1},
        {"Kind", "类型", -1},
        {"Base year", "基准年", -1},
        {"Target year", "目标年", -1},
        {"Target value (%)", "目标值 (%)", -1},
        {"Latest year", "最新年份", -1},
        {"Base-year value", "基准年值", -1},
        {"Latest value", "最新值", -1},
        {"Change since base year", "较基准年变化", -1},
        {"Average annual rate", "年均变化率", -1},
        {"Target level", "目标水平", -1},
        {"Reference (path or target)", "参照值（路径或目标）", -1},
        {"Annual rate still required", "尚需年均变化率", -1},
        {"Margin", "余量", -1},
        {"Margin (% of reference)", "余量（占参照值）", -1},
        {"Status", "状态", -1},
        {"Electricity method", "电力折算方法", -1},
        {"Illustrative", "示意", -1},
        {"Source", "来源", -1},
        {"Note", "备注", -1},
    };
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Targets");
    if (!ws)
        return;
    iw_widths(w, ws, TG_NCOLS, 24, 14);
    rpt_xl_check(&w->xl, worksheet_set_column(ws, TG_TITLE, TG_TITLE, 36, NULL), "setting a column width");
    rpt_xl_check(&w->xl, worksheet_set_column(ws, TG_SOURCE, TG_NOTE, 60, NULL), "setting a column width");
    iw_header(w, ws, 0, hdr, TG_NCOLS);
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t k = 0; k < w->r->ntargets; k++) {
        const int_target *tr = &w->r->targets[k];
        rpt_fmt_id vf = ser_indicator_is_share(tr->t->indicator) ? RPT_F_PCT : RPT_F_DEC4;
        lxw_row_t row = (lxw_row_t)k + 1;
        iw_target_ident(w, ws, row, tr);
        iw_target_values(w, ws, row, tr, vf);
        iw_target_reference(w, ws, row, tr, vf);
        iw_target_status(w, ws, row, tr, vf);
    }
    iw_paths(w, ws, (lxw_row_t)w->r->ntargets + 2);
}

/* ------------------------------------------------------------- Sectors */

/* Writes the Sectors sheet: CO2e by sector (IPCC category at depth 3) and
 * year, from each year's inventory, with a SUM total per year. */
static void iw_sectors(iw *w)
{
    const int_result *r = w->r;
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Sectors");
    if (!ws)
        return;
    char buf[256], f[IW_F_MAX], first[16], last[16];
    iw_widths(w, ws, r->nsectors + 2, 8, 22);
    rpt_xl_str(&w->xl, ws, 0, 0, IW_T(w, "Year", "年份"), RPT_F_HEADER);
    for (size_t j = 0; j < r->nsectors; j++) {
        rpt_fmt(buf, sizeof buf, "%s %s (t CO2e)", r->sectors[j].code, cat_name(r->sectors[j].code, w->zh));
        rpt_xl_str(&w->xl, ws, 0, (lxw_col_t)j + 1, buf, RPT_F_HEADER);
    }
    lxw_col_t tcol = (lxw_col_t)r->nsectors + 1;
    rpt_xl_str(&w->xl, ws, 0, tcol, IW_T(w, "Total (t CO2e)", "合计 (t CO2当量)"), RPT_F_HEADER);
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t i = 0; i < r->nyears; i++) {
        lxw_row_t row = (lxw_row_t)i + 1;
        double total = 0;
        rpt_xl_num(&w->xl, ws, row, 0, (double)r->years[i].year, RPT_F_INT);
        for (size_t j = 0; j < r->nsectors; j++) {
            double v = r->sector_t_co2e[i * r->nsectors + j];
            rpt_xl_num(&w->xl, ws, row, (lxw_col_t)j + 1, v, RPT_F_T);
            total += v;
        }
        if (!r->nsectors)
            continue;
        iw_ref(first, sizeof first, NULL, 1, row, false);
        iw_ref(last, sizeof last, NULL, (lxw_col_t)r->nsectors, row, false);
        snprintf(f, sizeof f, "=SUM(%s:%s)", first, last);
        rpt_xl_formula(&w->xl, ws, row, tcol, f, total, RPT_F_T_BOLD);
    }
}

/* -------------------------------------------------------------- Charts */

/* Adds a series to `ch`: categories in column `cat_col` and values in
 * column `col` of `sheet`, rows r0..r1 (0-based); NULL after an error. */
static lxw_chart_series *iw_series(iw *w, lxw_chart *ch, const char *sheet, lxw_col_t cat_col, lxw_col_t col,
                                   lxw_row_t r0, lxw_row_t r1, const char *name)
{
    char cats[128], vals[128], a[24], b[24];
    iw_ref(a, sizeof a, NULL, cat_col, r0, true);
    iw_ref(b, sizeof b, NULL, cat_col, r1, true);
    snprintf(cats, sizeof cats, "=%s!%s:%s", sheet, a, b);
    iw_ref(a, sizeof a, NULL, col, r0, true);
    iw_ref(b, sizeof b, NULL, col, r1, true);
    snprintf(vals, sizeof vals, "=%s!%s:%s", sheet, a, b);
    lxw_chart_series *s = w->xl.err ? NULL : chart_add_series(ch, cats, vals);
    if (!s) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart series");
        return NULL;
    }
    chart_series_set_name(s, name);
    return s;
}

/* A new chart of `type` with a title and axis names; NULL after an error. */
static lxw_chart *iw_chart(iw *w, uint8_t type, const char *title, const char *y_name)
{
    lxw_chart *ch = w->xl.err ? NULL : workbook_add_chart(w->xl.wb, type);
    if (!ch) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart");
        return NULL;
    }
    chart_title_set_name(ch, title);
    chart_axis_set_name(ch->x_axis, IW_T(w, "Year", "年份"));
    chart_axis_set_name(ch->y_axis, y_name);
    chart_axis_set_num_format(ch->y_axis, type == LXW_CHART_LINE ? "0.00" : "#,##0");
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    return ch;
}

/* The line chart: CO2 and energy intensity, and each reduction target's
 * path, from the paths block on Targets. */
static lxw_chart *iw_chart_paths(iw *w)
{
    const int_result *r = w->r;
    lxw_row_t r0 = w->path_row0, r1 = w->path_row0 + (lxw_row_t)r->nyears - 1;
    char name[256];
    lxw_chart *ch = iw_chart(w, LXW_CHART_LINE, IW_T(w, "Intensity against the target path", "强度与目标路径"),
                             IW_T(w, "t CO2 or tce per 10^4 yuan", "吨CO2或吨标准煤/万元"));
    if (!ch)
        return NULL;
    lxw_chart_line co2 = {.color = IW_CO2_COLOR, .width = 2.25}, energy = {.color = IW_ENERGY_COLOR, .width = 2.25};
    lxw_chart_series *s = iw_series(w, ch, "Targets", 0, 1, r0, r1, IW_T(w, "CO2 per GDP", "单位GDP二氧化碳排放"));
    if (s)
        chart_series_set_line(s, &co2);
    rpt_fmt(name, sizeof name, "%s (%s)", IW_T(w, "Energy per GDP", "单位GDP能耗"), ser_method_name(r->s->method));
    if ((s = iw_series(w, ch, "Targets", 0, 2, r0, r1, name)))
        chart_series_set_line(s, &energy);
    lxw_col_t col = 3;
    for (size_t k = 0; k < r->ntargets; k++) {
        ser_indicator ind = r->targets[k].t->indicator;
        if (r->targets[k].t->kind != SER_REDUCTION)
            continue;
        rpt_fmt(name, sizeof name, "%s: %s", IW_T(w, "Path", "目标路径"), r->targets[k].t->id);
        lxw_chart_line dash = {.dash_type = LXW_CHART_LINE_DASH_DASH,
                               .width = 1.5,
                               .color = ind == SER_IND_ENERGY_PER_GDP ? IW_ENERGY_COLOR
                                        : ind == SER_IND_CO2_PER_GDP  ? IW_CO2_COLOR
                                                                      : IW_OTHER_COLOR};
        if ((s = iw_series(w, ch, "Targets", 0, col++, r0, r1, name)))
            chart_series_set_line(s, &dash);
    }
    return ch;
}

/* The stacked columns of the energy mix (headline method) by year. */
static lxw_chart *iw_chart_mix(iw *w)
{
    static const char *const names[INT_NMIX][2] = {{"Coal", "煤炭"},
                                                   {"Oil, gas, other fossil", "油气及其他"},
                                                   {"Heat received", "调入热力"},
                                                   {"Primary electricity", "一次电力"},
                                                   {"Net imported electricity", "净调入电力"}};
    const int_result *r = w->r;
    bool rate = r->s->method == SER_COAL_RATE;
    char title[256];
    rpt_fmt(title, sizeof title, "%s (%s)", IW_T(w, "Energy mix", "能源消费结构"), ser_method_name(r->s->method));
    lxw_chart *ch = iw_chart(w, LXW_CHART_COLUMN_STACKED, title, "tce");
    for (int g = 0; ch && g < INT_NMIX; g++) {
        lxw_col_t col = (lxw_col_t)(ID_MIX0 + g);
        if (rate && g == INT_MIX_PRIMARY_ELEC)
            col = ID_PRIM_RATE;
        else if (rate && g == INT_MIX_NET_IMPORT_ELEC)
            col = ID_NET_RATE;
        iw_series(w, ch, "Indicators", ID_YEAR, col, 1, (lxw_row_t)r->nyears, names[g][w->zh]);
    }
    return ch;
}

/* The stacked columns of emissions by sector and year. */
static lxw_chart *iw_chart_sectors(iw *w)
{
    const int_result *r = w->r;
    char name[256];
    lxw_chart *ch = iw_chart(w, LXW_CHART_COLUMN_STACKED, IW_T(w, "Emissions by sector", "按部门分排放量"), "t CO2e");
    for (size_t j = 0; ch && j < r->nsectors; j++) {
        rpt_fmt(name, sizeof name, "%s %s", r->sectors[j].code, cat_name(r->sectors[j].code, w->zh));
        iw_series(w, ch, "Sectors", 0, (lxw_col_t)j + 1, 1, (lxw_row_t)r->nyears, name);
    }
    return ch;
}

/* Writes the Charts sheet with the three charts one below the other. */
static void iw_charts(iw *w)
{
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Charts");
    if (!ws)
        return;
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_chart_options opt = {.x_scale = 1.8, .y_scale = 1.4};
    lxw_chart *charts[] = {iw_chart_paths(w), iw_chart_mix(w), iw_chart_sectors(w)};
    for (size_t i = 0; i < sizeof charts / sizeof *charts; i++)
        if (charts[i] && !w->xl.err)
            rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, (lxw_row_t)(1 + 23 * i), 1, charts[i], &opt),
                         "inserting a chart");
}

/* --------------------------------------------------------------- About */

/* Writes the run and the series' identity and settings on About. */
static void iw_about_run(iw *w, rpt_about *a)
{
    const ser_series *s = w->r->s;
    char buf[1024];
    rpt_about_run(a, w->m);
    rpt_about_pair(a, IW_T(w, "Series", "序列"), s->id);
    rpt_about_pair(a, rpt_xl_label(&w->xl, RPT_L_TITLE), s->title);
    rpt_about_pair(a, rpt_xl_label(&w->xl, RPT_L_REGION), s->region);
    snprintf(buf, sizeof buf, "%ld", s->base_year);
    rpt_about_pair(a, IW_T(w, "Base year", "基准年"), buf);
    snprintf(buf, sizeof buf, "%ld (%s)", s->price_base,
             IW_T(w, "GDP at constant prices of this year; real = nominal x 100 / deflator",
                  "可比价GDP的价格基期；可比价 = 现价 x 100 / 平减指数"));
    rpt_about_pair(a, IW_T(w, "Price base", "价格基期"), buf);
    rpt_fmt(buf, sizeof buf, "%s%s", ser_method_name(s->method),
            s->method == SER_CALORIFIC
                ? IW_T(w, ": calorific equivalent (GB/T 2589 当量值), electricity at its standard-coal coefficient",
                       "：当量值（GB/T 2589），电力按折标准煤系数")
                : IW_T(w, ": coal-consumption method (发电煤耗法), electricity at the year's generation coal rate",
                       "：发电煤耗法，电力按当年发电煤耗折算"));
    rpt_about_pair(a, IW_T(w, "Headline electricity method (targets use it)", "主口径电力折算方法（用于目标评估）"),
                   buf);
    rpt_about_pair(a, IW_T(w, "Both methods", "两种方法"),
                IW_T(w,
                     "the Indicators sheet shows energy, energy intensity and shares by both methods; only "
                     "electricity (primary and net imported) differs between them",
                     "指标表同时给出两种方法的能耗、能耗强度和比重；两者仅电力（一次电力和净调入电力）折算不同"));
    rpt_about_language(a);
}

/* Writes the coefficient sets, the targets file, the consistency note and
 * the notes on About. */
static void iw_about_sets(iw *w, rpt_about *a)
{
    const ser_series *s = w->r->s;
    char buf[2048];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < s->norder && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "", s->order[i]->id);
    rpt_about_pair(a, IW_T(w, "Standard-coal coefficients from", "折标准煤系数来源"), buf);
    rpt_fmt(buf, sizeof buf, "%s%s%s", s->targets_id ? s->targets_id : IW_T(w, "(none)", "（无）"),
            s->targets_title ? ": " : "", s->targets_title ? s->targets_title : "");
    rpt_about_pair(a, IW_T(w, "Targets", "目标"), buf);
    rpt_about_pair(a, IW_T(w, "Targets source", "目标来源"), s->targets_source);
    if (w->r->consistency[0])
        rpt_fmt(buf, sizeof buf, "%s %s",
                IW_T(w, "WARNING: the inventories are not computed alike:", "警告：各年清单计算口径不一致："),
                w->r->consistency);
    else
        rpt_fmt(buf, sizeof buf, "%s [%s], GWP %s",
                IW_T(w, "every inventory uses the same factor sets and GWP set:",
                     "各年清单使用相同的排放因子集和全球增温潜势值："),
                w->r->inv[0].sets, w->r->inv[0].gwp_id);
    rpt_about_pair(a, IW_T(w, "Consistency", "口径一致性"), buf);
    rpt_about_pair(a, rpt_xl_label(&w->xl, RPT_L_NOTES),
                IW_T(w,
                     "CO2 = energy-related fossil CO2 (IPCC 1.A, biogenic CO2 excluded); CO2e = all direct GHG of "
                     "the inventory. Per GDP = per 10^4 yuan at constant prices. Energy = sum of amount x "
                     "standard-coal coefficient. Coal share = coal and coal products / energy; non-fossil share "
                     "= primary electricity / energy. See docs/intensity.md.",
                     "CO2为能源活动化石燃料CO2（IPCC 1.A，不含生物质CO2）；CO2当量为清单全部直接温室气体。单位GDP指"
                     "每万元可比价GDP。能耗 = 实物量 x 折标准煤系数之和。煤炭比重 = 煤炭及制品 / 能耗；非化石能源比重 "
                     "= 一次电力 / 能耗。详见 docs/intensity.md。"));
    rpt_about_pair(a, IW_T(w, "Series notes", "序列说明"), s->notes);
}

/* Writes the About sheet: the run and the series, the coefficient sets,
 * targets and notes, then the input files. */
static void iw_about(iw *w)
{
    static const double widths[] = {44, 100};
    rpt_about a;
    rpt_about_start(&a, &w->xl, widths, 2, IW_T(w, "ghgcalc intensity", "ghgcalc 强度指标"));
    iw_about_run(w, &a);
    rpt_about_gap(&a);
    iw_about_sets(w, &a);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, w->m);
}

/* ---------------------------------------------------------- the writer */

/* Writes the workbook; sheets in the order Indicators, Targets, Charts,
 * Energy, Inputs, Sectors, About. */
int rpt_intensity_xlsx(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    iw w = {.r = r, .m = m, .zh = m->zh};
    char title[512], comments[128];
    if (!rpt_xl_open(&w.xl, path, m, NULL, err, errlen))
        return -1;
    rpt_fmt(title, sizeof title, "%s %s", IW_T(&w, "Intensity indicators", "强度指标"), r->s->id ? r->s->id : "");
    rpt_fmt(comments, sizeof comments, "ghgcalc %s", m->tool_version ? m->tool_version : "");
    rpt_xl_properties(&w.xl, title, r->s->region ? r->s->region : "", comments);
    iw_indicators(&w);
    iw_targets(&w);
    iw_charts(&w);
    iw_energy(&w);
    iw_inputs(&w);
    iw_sectors(&w);
    iw_about(&w);
    return rpt_xl_close(&w.xl, path, err, errlen);
}
