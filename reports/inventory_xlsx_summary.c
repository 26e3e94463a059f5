/* inventory_xlsx_summary.c - the Summary sheet: totals, indirect emissions, the economy block, sectors, charts, names. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/nsum.h"
#include "inventory_checks.h"
#include "inventory_xlsx.h"

/* Rows of the Summary sheet (0-based) before the gas rows; the rest follow
 * from the number of gases shown. */
enum {
    SUM_ROW_TITLE = 0,
    SUM_ROW_INVENTORY = 1, /* inventory, region, year, GWP set on rows 1..4 */
    SUM_ROW_GAS_HEADING = 6,
    SUM_ROW_GAS_HEADER = 7,
    SUM_ROW_GAS0 = 8 /* one row per gas shown */
};

/* Columns of the Summary's gas rows and the totals below them: the label
 * (gas or total), tonnes of gas and t CO2e; the economy block's value and
 * unit are in the last two. */
enum { SG_LABEL, SG_T, SG_CO2E, SG_UNIT };

/* Columns of the Summary's sector table. */
enum { SS_CODE, SS_NAME, SS_CO2E, SS_SHARE };

/* The economy block: which figures the inventory gives and their factors
 * to 10^4 yuan and to persons (0 when not given or not convertible). */
typedef struct {
    double gdp_factor, pop_factor;
    size_t nrows; /* rows of the block, its heading included; 0 without GDP and population */
} xw_econ;

/* Works out the economy block from the inventory's `economy:`. */
static xw_econ xw_econ_of(const inventory *inv)
{
    xw_econ e = {0, 0, 0};
    units_t yuan, person;
    units_parse("10^4 yuan", &yuan, NULL, 0);
    units_parse("person", &person, NULL, 0);
    if (inv->gdp.given && !units_factor(&inv->gdp.unit, &yuan, &e.gdp_factor))
        e.gdp_factor = 0;
    if (inv->population.given && !units_factor(&inv->population.unit, &person, &e.pop_factor))
        e.pop_factor = 0;
    if (e.gdp_factor != 0) /* as given, price base, in 10^4 yuan, two per-GDP totals, fuel CO2 and per GDP */
        e.nrows += 6 + (inv->gdp.price_base != 0);
    if (e.pop_factor != 0) /* as given, persons, two per-capita totals */
        e.nrows += 4;
    if (e.nrows)
        e.nrows++; /* the heading */
    return e;
}

static xw_sum_rows xw_sum_layout(size_t ngas, bool indirect, const xw_econ *e)
{
    xw_sum_rows s;
    s.excl = SUM_ROW_GAS0 + (lxw_row_t)ngas;
    s.lulucf = s.excl + 1;
    s.total = s.excl + 2;
    s.memo = s.excl + 3;
    s.indirect = indirect ? s.memo + 1 : 0;
    lxw_row_t next = s.memo + (indirect ? 4 : 2);
    s.economy = e->nrows ? next : 0;
    s.sector_heading = next + (e->nrows ? (lxw_row_t)e->nrows + 1 : 0);
    return s;
}

/* Defines `prefix` + the gas's name + `suffix` ("CH4_t", "HFC_134a_CO2e")
 * for a cell of the Summary: characters a name cannot hold become '_'. */
static void xw_define_gas(xw *w, gas_id g, const char *suffix, lxw_row_t row, lxw_col_t col)
{
    char name[64];
    snprintf(name, sizeof name, "%s%s", gas_name(g), suffix);
    for (char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            *p = '_';
    rpt_xl_define(&w->xl, name, xw_sheet(w, IL_SHEET_SUMMARY), row, col);
}

/* Indirect emissions (purchased electricity and heat) below the direct
 * totals, outside them: SUMIFS over the Indirect sheet by view. */
static void xw_summary_indirect(xw *w, lxw_worksheet *ws, const xw_sum_rows *sr)
{
    static const rpt_label_id label[2] = {IL_INDIRECT_CONSUMPTION, IL_INDIRECT_NET_IMPORT};
    static const char *const names[2] = {"Indirect_consumption_CO2", "Indirect_net_import_CO2"};
    if (!sr->indirect)
        return;
    const char *sheet = xw_sheet(w, IL_SHEET_INDIRECT);
    for (int v = 0; v < 2; v++) {
        char f[RPT_XL_FORMULA_MAX];
        lxw_row_t row = sr->indirect + (lxw_row_t)v;
        snprintf(f, sizeof f, "=SUMIFS(%s,%s,\"%s\")", rpt_xl_column(sheet, IND_T).s, rpt_xl_column(sheet, IND_VIEW).s,
                 rpt_indirect_view(v, w->zh));
        rpt_xl_str(&w->xl, ws, row, SG_LABEL, il_label(label[v], w->zh), RPT_F_NONE);
        xw_mass_formula(w, ws, row, SG_CO2E, f, eng_indirect_total_t(w->r, v == 1), RPT_F_T, NULL); /* t or 10^4 t */
        rpt_xl_define(&w->xl, names[v], xw_sheet(w, IL_SHEET_SUMMARY), row, SG_CO2E);
    }
}

/* Writes the Summary's title and the inventory's identity (rows 0..4). */
static void xw_summary_head(xw *w, lxw_worksheet *ws)
{
    const inventory *inv = eng_inventory(w->r);
    const gwp_set *gwp = eng_gwp(w->r);
    const char *name = inv->title ? inv->title : inv->id;
    char buf[1024];
    rpt_fmt(buf, sizeof buf, "%s%s%s", il_label(IL_TITLE, w->zh), il_label(IL_TITLE_SEP, w->zh), name ? name : "");
    rpt_xl_str(&w->xl, ws, SUM_ROW_TITLE, 0, buf, RPT_F_TITLE);
    rpt_xl_pair(&w->xl, ws, SUM_ROW_INVENTORY, il_label(IL_INVENTORY, w->zh), inv->id);
    rpt_xl_pair(&w->xl, ws, SUM_ROW_INVENTORY + 1, il_label(RPT_L_REGION, w->zh), inv->region);
    rpt_xl_str(&w->xl, ws, SUM_ROW_INVENTORY + 2, 0, il_label(RPT_L_YEAR, w->zh), RPT_F_BOLD);
    if (inv->year)
        rpt_xl_num(&w->xl, ws, SUM_ROW_INVENTORY + 2, 1, (double)inv->year, RPT_F_INT);
    rpt_fmt(buf, sizeof buf, "%s%s%s", gwp->id, gwp->title ? ": " : "", gwp->title ? gwp->title : "");
    rpt_xl_pair(&w->xl, ws, SUM_ROW_INVENTORY + 3, il_label(IL_GWP_SET, w->zh), buf);
}

/* Writes the totals without LULUCF, of LULUCF, with it, and the memo item. */
static void xw_summary_totals(xw *w, lxw_worksheet *ws, const xw_sum_rows *sr)
{
    const char *no = rpt_memo_text(false, w->zh), *sheet = xw_sheet(w, IL_SHEET_SUMMARY);
    eng_cat_total all = eng_total_under(w->r, "");
    eng_cat_total excl = eng_total_except(w->r, RPT_LULUCF);
    eng_cat_total lulucf = eng_total_under(w->r, RPT_LULUCF);
    xw_crit c_excl[] = {{XK_MEMO, no}, {XK_SECTOR, "<>" RPT_LULUCF}};
    xw_crit c_lulucf[] = {{XK_MEMO, no}, {XK_SECTOR, RPT_LULUCF}};
    xw_crit memo[] = {{XK_GAS, gas_name(GAS_CO2)}, {XK_MEMO, rpt_memo_text(true, w->zh)}};
    rpt_xl_str(&w->xl, ws, sr->excl, SG_LABEL, il_label(IL_TOTAL_EXCL_LULUCF, w->zh), RPT_F_BOLD);
    xw_sumifs_cell(w, ws, sr->excl, SG_CO2E, XK_CO2E, c_excl, 2, excl.t_co2e, RPT_F_T_BOLD, NULL);
    rpt_xl_str(&w->xl, ws, sr->lulucf, SG_LABEL, il_label(IL_LULUCF, w->zh), RPT_F_NONE);
    xw_sumifs_cell(w, ws, sr->lulucf, SG_CO2E, XK_CO2E, c_lulucf, 2, lulucf.t_co2e, RPT_F_T, NULL);
    rpt_xl_str(&w->xl, ws, sr->total, SG_LABEL, il_label(IL_TOTAL_INCL_LULUCF, w->zh), RPT_F_BOLD);
    xw_sumifs_cell(w, ws, sr->total, SG_CO2E, XK_CO2E, c_excl, 1, all.t_co2e, RPT_F_T_BOLD, NULL);
    rpt_xl_str(&w->xl, ws, sr->memo, SG_LABEL, il_label(IL_MEMO_BIO, w->zh), RPT_F_NONE);
    xw_sumifs_cell(w, ws, sr->memo, SG_T, XK_EMISSION, memo, 2, all.memo_bio_co2_t, RPT_F_T, NULL);
    rpt_xl_define(&w->xl, "Total_excl_LULUCF", sheet, sr->excl, SG_CO2E);
    rpt_xl_define(&w->xl, "LULUCF_CO2e", sheet, sr->lulucf, SG_CO2E);
    rpt_xl_define(&w->xl, "Total_CO2e", sheet, sr->total, SG_CO2E);
    rpt_xl_define(&w->xl, "Memo_biogenic_CO2", sheet, sr->memo, SG_T);
}

/* Writes totals by gas (t and t CO2e), then the totals (xw_summary_totals),
 * each a SUMIFS over every source cached with the engine's compensated
 * sums; names each gas's cells ("CH4_t", "CH4_CO2e"). */
static void xw_summary_gases(xw *w, lxw_worksheet *ws, const gas_id *gases, size_t ngas, const xw_sum_rows *sr)
{
    static const rpt_label_id hdr[] = {IL_GAS, IL_EMISSION_T, IL_EMISSION_T_CO2E};
    eng_cat_total all = eng_total_under(w->r, "");
    double co2e[GAS_COUNT];
    eng_gas_co2e(w->r, co2e);
    rpt_xl_str(&w->xl, ws, SUM_ROW_GAS_HEADING, 0, il_label(IL_BY_GAS, w->zh), RPT_F_BOLD);
    for (lxw_col_t c = 0; c < 3; c++) /* the mass units of --unit */
        rpt_xl_str(&w->xl, ws, SUM_ROW_GAS_HEADER, c, xw_mass_label(w, hdr[c]), RPT_F_HEADER);
    for (size_t i = 0; i < ngas; i++) {
        gas_id g = gases[i];
        lxw_row_t row = SUM_ROW_GAS0 + (lxw_row_t)i;
        xw_crit c[] = {{XK_GAS, gas_name(g)}, {XK_MEMO, rpt_memo_text(false, w->zh)}};
        rpt_xl_str(&w->xl, ws, row, SG_LABEL, gas_name(g), RPT_F_NONE);
        xw_sumifs_cell(w, ws, row, SG_T, XK_EMISSION, c, 2, all.t[g], xw_t_fmt(g, false), NULL);
        xw_sumifs_cell(w, ws, row, SG_CO2E, XK_CO2E, c, 2, co2e[g], RPT_F_T, NULL);
        xw_define_gas(w, g, "_t", row, SG_T);
        xw_define_gas(w, g, "_CO2e", row, SG_CO2E);
    }
    xw_summary_totals(w, ws, sr);
}

/* One row of the economy block: label, a formula (or, with NULL, the
 * number `value`) in the value column, the unit, a defined name. */
static void xw_econ_row(xw *w, lxw_worksheet *ws, lxw_row_t row, rpt_label_id label, const char *formula,
                        double value, rpt_fmt_id f, const char *unit, const char *name)
{
    rpt_xl_str(&w->xl, ws, row, SG_LABEL, il_label(label, w->zh), RPT_F_NONE);
    if (formula)
        rpt_xl_formula(&w->xl, ws, row, SG_CO2E, formula, value, f);
    else
        rpt_xl_num(&w->xl, ws, row, SG_CO2E, value, f);
    rpt_xl_str(&w->xl, ws, row, SG_UNIT, unit, RPT_F_UNIT);
    if (name)
        rpt_xl_define(&w->xl, name, xw_sheet(w, IL_SHEET_SUMMARY), row, SG_CO2E);
}

/* `=num/den` of two value cells with num/den cached, on `row`; a mass of
 * the Summary shown in 10^4 t (--unit 10kt) is taken back to t. */
static void xw_econ_ratio(xw *w, lxw_worksheet *ws, lxw_row_t row, rpt_label_id label, lxw_row_t num, double n,
                          lxw_row_t den, double d, rpt_label_id unit, const char *name)
{
    char f[RPT_XL_FORMULA_MAX];
    snprintf(f, sizeof f, "=%s%s/%s", rpt_xl_cell(num, SG_CO2E).s, w->mass_10kt ? "*10000" : "",
             rpt_xl_cell(den, SG_CO2E).s);
    xw_econ_row(w, ws, row, label, f, n / d, RPT_F_DEC4, il_label(unit, w->zh), name);
}

/* Writes GDP as given, its price base and GDP in 10^4 yuan = as given x
 * factor, then the totals and the fuel combustion CO2 per GDP, from `row`;
 * returns the next row. */
static lxw_row_t xw_econ_gdp(xw *w, lxw_worksheet *ws, lxw_row_t row, const xw_econ *e, const xw_sum_rows *sr)
{
    const inventory *inv = eng_inventory(w->r);
    char f[RPT_XL_FORMULA_MAX], num[40];
    double gdp = inv->gdp.value * e->gdp_factor;
    lxw_row_t given = row;
    xw_econ_row(w, ws, row++, IL_GDP_GIVEN, NULL, inv->gdp.value, RPT_F_GENERAL,
                rpt_unit_name(inv->gdp.unit_text, w->zh), NULL);
    if (inv->gdp.price_base)
        xw_econ_row(w, ws, row++, IL_GDP_PRICE_BASE, NULL, (double)inv->gdp.price_base, RPT_F_INT, "", NULL);
    rpt_num_text(e->gdp_factor, num, sizeof num);
    snprintf(f, sizeof f, "=%s*%s", rpt_xl_cell(given, SG_CO2E).s, num);
    lxw_row_t g = row;
    xw_econ_row(w, ws, row++, IL_GDP_1E4_YUAN, f, gdp, RPT_F_T, il_label(IL_U_1E4_YUAN, w->zh), "GDP_1e4_yuan");
    if (gdp == 0)
        return row + 4; /* no ratios to a GDP of 0: the rows stay empty */
    double excl = eng_total_except(w->r, RPT_LULUCF).t_co2e, all = eng_total_under(w->r, "").t_co2e;
    double co2 = eng_total_under(w->r, "1.A").t[GAS_CO2];
    xw_econ_ratio(w, ws, row++, IL_PER_GDP_EXCL, sr->excl, excl, g, gdp, IL_U_T_CO2E_1E4_YUAN,
                  "CO2e_per_GDP_excl_LULUCF");
    xw_econ_ratio(w, ws, row++, IL_PER_GDP_INCL, sr->total, all, g, gdp, IL_U_T_CO2E_1E4_YUAN, "CO2e_per_GDP");
    char *fuel = xw_sectoral_co2_formula(w);
    if (!fuel)
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "building the fuel combustion CO2 formula");
    else
        xw_econ_row(w, ws, row, IL_FUEL_CO2, fuel, xw_mass_shown(w, co2), RPT_F_T, xw_mass_label(w, IL_U_T_CO2),
                    "Fuel_CO2_t"); /* a SUMIFS of the Calculation rows: t or 10^4 t */
    free(fuel);
    row++;
    xw_econ_ratio(w, ws, row, IL_FUEL_CO2_PER_GDP, row - 1, co2, g, gdp, IL_U_T_CO2_1E4_YUAN, "Fuel_CO2_per_GDP");
    return row + 1;
}

/* Writes the economy block: GDP (xw_econ_gdp), population as given and in
 * persons, the totals per capita; every ratio a formula over the totals
 * cells above. */
static void xw_summary_economy(xw *w, lxw_worksheet *ws, const xw_sum_rows *sr, const xw_econ *e)
{
    const inventory *inv = eng_inventory(w->r);
    if (!sr->economy)
        return;
    lxw_row_t row = sr->economy;
    rpt_xl_str(&w->xl, ws, row++, 0, il_label(IL_ECONOMY, w->zh), RPT_F_BOLD);
    if (e->gdp_factor != 0)
        row = xw_econ_gdp(w, ws, row, e, sr);
    if (e->pop_factor == 0)
        return;
    char f[RPT_XL_FORMULA_MAX], num[40];
    double pop = inv->population.value * e->pop_factor;
    xw_econ_row(w, ws, row, IL_POP_GIVEN, NULL, inv->population.value, RPT_F_GENERAL,
                rpt_unit_name(inv->population.unit_text, w->zh), NULL);
    rpt_num_text(e->pop_factor, num, sizeof num);
    snprintf(f, sizeof f, "=%s*%s", rpt_xl_cell(row, SG_CO2E).s, num);
    lxw_row_t p = ++row;
    xw_econ_row(w, ws, row++, IL_POP_PERSONS, f, pop, RPT_F_THOUSANDS, il_label(IL_U_PERSON, w->zh),
                "Population_persons");
    if (pop == 0)
        return;
    double excl = eng_total_except(w->r, RPT_LULUCF).t_co2e, all = eng_total_under(w->r, "").t_co2e;
    xw_econ_ratio(w, ws, row++, IL_PER_CAPITA_EXCL, sr->excl, excl, p, pop, IL_U_T_CO2E_PERSON,
                  "CO2e_per_capita_excl_LULUCF");
    xw_econ_ratio(w, ws, row, IL_PER_CAPITA_INCL, sr->total, all, p, pop, IL_U_T_CO2E_PERSON, "CO2e_per_capita");
}

/* One Summary sector: its code and CO2e. */
typedef struct {
    char code[64];
    eng_cat_total t;
} xw_sector;

/* Larger CO2e first; equal ones by code (a stable, total order). */
static int xw_sector_cmp(const void *a, const void *b)
{
    const xw_sector *x = a, *y = b;
    if (x->t.t_co2e != y->t.t_co2e)
        return x->t.t_co2e > y->t.t_co2e ? -1 : 1;
    return strcmp(x->code, y->code);
}

/* Every sector into a new array sorted by CO2e, largest first; NULL when
 * out of memory (and *n = 0 when there are none). */
static xw_sector *xw_sector_list(const xw *w, size_t *n)
{
    const eng_cat_total *cats;
    size_t ncat = eng_categories(w->r, &cats), i = 0, first;
    xw_sector *out = calloc(ncat ? ncat : 1, sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    while (rpt_sector_next(cats, ncat, &i, &first, out[*n].code, sizeof out[*n].code)) {
        out[*n].t = tot_range(cats, first, i, out[*n].code);
        (*n)++;
    }
    qsort(out, *n, sizeof *out, xw_sector_cmp);
    return out;
}

/* Writes every sector, largest CO2e first, from `heading`: code, name,
 * CO2e (a SUMIFS over its non-memo rows) and, for the sectors with net
 * emissions (CO2e >= 0, the first rows), their share of those sectors'
 * sum; then a note. Returns the number of sectors; *lo and *hi get the
 * smallest and largest CO2e. */
static size_t xw_summary_sectors(xw *w, lxw_worksheet *ws, lxw_row_t heading, double *lo, double *hi)
{
    static const rpt_label_id hdr[] = {IL_SECTOR, IL_NAME, IL_EMISSION_T_CO2E, IL_SHARE_GROSS};
    size_t n, npos = 0;
    xw_sector *sec = xw_sector_list(w, &n);
    if (!sec) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "listing the sectors");
        return 0;
    }
    nsum gross = {0, 0};
    for (; npos < n && sec[npos].t.t_co2e >= 0; npos++)
        nsum_add(&gross, sec[npos].t.t_co2e);
    *hi = n ? sec[0].t.t_co2e : 0;
    *lo = n ? sec[n - 1].t.t_co2e : 0;
    double sum = nsum_value(&gross);
    lxw_row_t first = heading + 2;
    rpt_xl_str(&w->xl, ws, heading, 0, il_label(IL_BY_SECTOR, w->zh), RPT_F_BOLD);
    for (lxw_col_t c = 0; c < 4; c++) /* the mass units of --unit */
        rpt_xl_str(&w->xl, ws, heading + 1, c, xw_mass_label(w, hdr[c]), RPT_F_HEADER);
    char share[RPT_XL_FORMULA_MAX];
    rpt_ref pos = rpt_xl_range(NULL, first, SS_CO2E, first + (lxw_row_t)(npos ? npos - 1 : 0), SS_CO2E, true);
    for (size_t i = 0; i < n; i++) {
        lxw_row_t row = first + (lxw_row_t)i;
        xw_crit c[] = {{XK_SECTOR, sec[i].code}, {XK_MEMO, rpt_memo_text(false, w->zh)}};
        rpt_xl_str(&w->xl, ws, row, SS_CODE, sec[i].code, RPT_F_NONE);
        rpt_xl_str(&w->xl, ws, row, SS_NAME, cat_name(sec[i].code, w->zh), RPT_F_NONE);
        xw_sumifs_cell(w, ws, row, SS_CO2E, XK_CO2E, c, 2, sec[i].t.t_co2e, RPT_F_T, NULL);
        if (i >= npos)
            continue;
        snprintf(share, sizeof share, "=IF(SUM(%s)=0,0,%s/SUM(%s))", pos.s, rpt_xl_cell(row, SS_CO2E).s, pos.s);
        rpt_xl_formula(&w->xl, ws, row, SS_SHARE, share, sum == 0 ? 0 : sec[i].t.t_co2e / sum, RPT_F_PCT);
    }
    rpt_xl_note(&w->xl, ws, first + (lxw_row_t)n + 1, 0, SS_SHARE, il_label(IL_BAR_NOTE, w->zh));
    free(sec);
    return n;
}

/* Column of the Summary where its charts stand. */
#define XW_CHART_COL 5

/* Pixels of a default row: where a chart of a given height ends. */
#define XW_ROW_PX 20

/* Adds a chart of `type` with one series, categories in column `cat_col`
 * and values in column `val_col` of the Summary's rows r0..r1, `height_px`
 * tall, at `row` in column XW_CHART_COL; returns the first row below it.
 * The value axis is in t CO2e with thousands separators, from `value_min`
 * in steps of `major_unit` when it is negative (else Excel's choice); no
 * legend. A bar chart lists
 * the first row at the top and labels each bar. */
static lxw_row_t xw_chart(xw *w, lxw_worksheet *ws, uint8_t type, lxw_col_t cat_col, lxw_col_t val_col, lxw_row_t r0,
                          lxw_row_t r1, rpt_label_id title, lxw_row_t row, double height_px, double value_min,
                          double major_unit)
{
    lxw_chart *ch = rpt_xl_chart(&w->xl, type, xw_mass_label(w, title));
    lxw_chart_series *s =
        rpt_xl_series(&w->xl, ch, xw_sheet(w, IL_SHEET_SUMMARY), cat_col, val_col, r0, r1, NULL);
    if (!s)
        return row;
    bool bar = type == LXW_CHART_BAR;
    lxw_chart_axis *value = bar ? ch->x_axis : ch->y_axis, *cats = bar ? ch->y_axis : ch->x_axis;
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    rpt_xl_axis_name(&w->xl, value, xw_mass_label(w, IL_U_T_CO2E), !bar);
    chart_axis_set_num_format(value, "#,##0");
    if (bar) {
        chart_axis_set_reverse(cats);
        chart_axis_set_crossing_max(cats); /* the value axis at the bottom, below the last bar */
        chart_axis_set_label_position(cats, LXW_CHART_AXIS_LABEL_POSITION_LOW);
        chart_series_set_labels(s);
        chart_series_set_labels_num_format(s, "#,##0");
    }
    if (value_min < 0) {
        chart_axis_set_min(value, value_min);
        chart_axis_set_major_unit(value, major_unit);
    }
    lxw_chart_options opt = {.x_scale = bar ? 1.5 : 1.2, .y_scale = height_px / 288.0};
    rpt_xl_check(&w->xl, worksheet_insert_chart_opt(ws, row, XW_CHART_COL, ch, &opt), "inserting a chart");
    return row + (lxw_row_t)(height_px / XW_ROW_PX) + 2;
}

/* The value axis of the sector bars, from `lo` to `hi` t CO2e: with a net
 * sink (lo < 0), a round major unit (1, 2 or 5 x 10^k, at least a
 * quarter of the larger extent) and a minimum that many units left of 0
 * that leaves room for the sink's bar and its label (about 0.3 of the
 * largest bar); *unit 0 without a sink (Excel's choice). */
static double xw_bar_min(double lo, double hi, double *unit)
{
    *unit = 0;
    if (!(lo < 0))
        return 0;
    double span = (hi > -lo ? hi : -lo) / 4, u = 1;
    while (u * 10 < span)
        u *= 10;
    u *= span <= u ? 1 : span <= 2 * u ? 2 : span <= 5 * u ? 5 : 10;
    *unit = u;
    return -u * ceil((-lo + 0.3 * (hi > 0 ? hi : 0)) / u);
}

/* Writes the Summary sheet: identity, totals by gas, with and without
 * LULUCF, indirect emissions, the economy block, sectors; a bar chart of
 * the sectors (largest first), a column chart by gas and, when there is a
 * sink, a bar chart of the totals with and without it. */
void xw_summary(xw *w)
{
    static const double widths[] = {44, 40, 20, 20};
    gas_id gases[GAS_COUNT];
    size_t ngas = xw_gases(w, gases);
    const eng_indirect_line *ind;
    xw_econ e = xw_econ_of(eng_inventory(w->r));
    xw_sum_rows sr = xw_sum_layout(ngas, eng_indirect(w->r, &ind) > 0, &e);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_SUMMARY));
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, sizeof widths / sizeof *widths);
    xw_summary_head(w, ws);
    xw_summary_gases(w, ws, gases, ngas, &sr);
    xw_summary_indirect(w, ws, &sr);
    xw_summary_economy(w, ws, &sr, &e);
    double lo = 0, hi = 0;
    size_t nsec = xw_summary_sectors(w, ws, sr.sector_heading, &lo, &hi);
    lxw_row_t row = SUM_ROW_INVENTORY;
    if (nsec) {
        lxw_row_t first = sr.sector_heading + 2;
        double h = 90.0 + 26.0 * (double)nsec, unit, min = xw_bar_min(xw_mass_shown(w, lo), xw_mass_shown(w, hi), &unit);
        row = xw_chart(w, ws, LXW_CHART_BAR, SS_NAME, SS_CO2E, first, first + (lxw_row_t)nsec - 1, IL_CHART_SECTOR, row,
                       h < 288 ? 288 : h, min, unit);
    }
    lxw_row_t last_gas = SUM_ROW_GAS0 + (lxw_row_t)ngas - 1;
    row = xw_chart(w, ws, LXW_CHART_COLUMN, SG_LABEL, SG_CO2E, SUM_ROW_GAS0, last_gas, IL_CHART_GAS, row, 288, 0, 0);
    double lulucf = eng_total_under(w->r, RPT_LULUCF).t_co2e;
    if (lo < 0 || lulucf != 0) { /* bars: the totals' long names stay readable beside them */
        double excl = eng_total_except(w->r, RPT_LULUCF).t_co2e, all = eng_total_under(w->r, "").t_co2e, unit;
        double min = xw_bar_min(xw_mass_shown(w, lulucf < 0 ? lulucf : 0), xw_mass_shown(w, excl > all ? excl : all), &unit);
        xw_chart(w, ws, LXW_CHART_BAR, SG_LABEL, SG_CO2E, sr.excl, sr.total, IL_CHART_TOTALS, row, 288, min, unit);
    }
}
