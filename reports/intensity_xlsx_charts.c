/* intensity_xlsx_charts.c - the intensity workbook's Charts: CO2 and energy intensity with their target paths, energy mix, sectors. */
#include "../calc/category.h"
#include "intensity_xlsx.h"

/* Line colours of the intensity charts: an indicator and its paths share one. */
#define IW_CO2_COLOR 0x1F4E79
#define IW_ENERGY_COLOR 0xC00000
#define IW_OTHER_COLOR 0x7F7F7F

/* A new chart of `type` with a title, the years on the x axis and `y_name`
 * on the y axis with thousands separators (`y_format`), the legend below;
 * NULL after an error. */
static lxw_chart *iw_chart(iw *w, uint8_t type, const char *title, const char *y_name, const char *y_format)
{
    lxw_chart *ch = rpt_xl_chart(&w->xl, type, title);
    if (!ch)
        return NULL;
    rpt_xl_axis_name(&w->xl, ch->x_axis, iw_label(w, RPT_L_YEAR), false);
    rpt_xl_axis_name(&w->xl, ch->y_axis, y_name, true);
    chart_axis_set_num_format(ch->y_axis, y_format);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    return ch;
}

/* The colour of an indicator's line and paths. */
static lxw_color_t iw_color(ser_indicator ind)
{
    return ind == SER_IND_ENERGY_PER_GDP ? IW_ENERGY_COLOR : ind == SER_IND_CO2_PER_GDP ? IW_CO2_COLOR : IW_OTHER_COLOR;
}

/* Adds the path of every reduction target on an indicator that `energy`
 * selects (energy per GDP; else the emission intensities): dashed, thin,
 * without markers, in the colour of its indicator, from the paths block's
 * columns (PT_PATH0 on, one per reduction target). */
static void iw_chart_target_paths(iw *w, lxw_chart *ch, lxw_row_t r0, lxw_row_t r1, bool energy)
{
    const int_result *r = w->r;
    char name[256];
    lxw_col_t col = PT_PATH0;
    for (size_t k = 0; k < r->ntargets; k++) {
        ser_indicator ind = r->targets[k].t->indicator;
        if (r->targets[k].t->kind != SER_REDUCTION)
            continue;
        lxw_col_t c = col++;
        if ((ind == SER_IND_ENERGY_PER_GDP) != energy)
            continue;
        rpt_fmt(name, sizeof name, "%s: %s", iw_label(w, IWL_PATH), r->targets[k].t->id);
        lxw_chart_line dash = {.dash_type = LXW_CHART_LINE_DASH_DASH, .width = 1.75, .color = iw_color(ind)};
        lxw_chart_series *s = rpt_xl_series(&w->xl, ch, iw_sheet(w, IWL_SHEET_TARGETS), PT_YEAR, c, r0, r1, name);
        if (s) {
            chart_series_set_line(s, &dash);
            chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
        }
    }
}

/* A line chart of one intensity (the paths block's column `col`: CO2 or
 * energy per GDP) as a solid line with round markers, and the dashed paths
 * of its reduction targets: each intensity on its own axis. */
static lxw_chart *iw_chart_intensity(iw *w, bool energy)
{
    const int_result *r = w->r;
    lxw_row_t r0 = w->path_row0, r1 = w->path_row0 + (lxw_row_t)r->nyears - 1;
    char name[256];
    lxw_chart *ch = iw_chart(w, LXW_CHART_LINE, iw_label(w, energy ? IWL_CHART_ENERGY_PATH : IWL_CHART_CO2_PATH),
                             iw_label(w, energy ? IWL_UNIT_ENERGY_GDP : IWL_UNIT_CO2_GDP), "#,##0.00");
    if (!ch)
        return NULL;
    lxw_color_t color = energy ? IW_ENERGY_COLOR : IW_CO2_COLOR;
    lxw_chart_line line = {.color = color, .width = 2.5};
    lxw_chart_fill fill = {.color = color};
    if (energy)
        rpt_fmt(name, sizeof name, "%s (%s)", iw_label(w, IWL_ENERGY_GDP), iw_method_text(w, r->s->method));
    else
        rpt_fmt(name, sizeof name, "%s", iw_label(w, IWL_CO2_GDP));
    lxw_chart_series *s = rpt_xl_series(&w->xl, ch, iw_sheet(w, IWL_SHEET_TARGETS), PT_YEAR,
                                        energy ? PT_ENERGY_GDP : PT_CO2_GDP, r0, r1, name);
    if (s) {
        chart_series_set_line(s, &line);
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
        chart_series_set_marker_size(s, 6);
        chart_series_set_marker_fill(s, &fill);
        chart_series_set_marker_line(s, &line);
    }
    iw_chart_target_paths(w, ch, r0, r1, energy);
    return ch;
}

/* The stacked columns of the energy mix (headline method) by year. */
static lxw_chart *iw_chart_mix(iw *w)
{
    const int_result *r = w->r;
    bool rate = r->s->method == SER_COAL_RATE;
    char title[256];
    rpt_fmt(title, sizeof title, "%s (%s)", iw_label(w, IWL_ENERGY_MIX), iw_method_text(w, r->s->method));
    lxw_chart *ch = iw_chart(w, LXW_CHART_COLUMN_STACKED, title, iw_label(w, IWL_TCE), "#,##0");
    for (int g = 0; ch && g < INT_NMIX; g++) {
        lxw_col_t col = (lxw_col_t)(ID_MIX0 + g);
        if (rate && g == INT_MIX_PRIMARY_ELEC)
            col = ID_PRIM_RATE;
        else if (rate && g == INT_MIX_NET_IMPORT_ELEC)
            col = ID_NET_RATE;
        rpt_xl_series(&w->xl, ch, iw_sheet(w, IWL_SHEET_INDICATORS), ID_YEAR, col, 1, (lxw_row_t)r->nyears,
                      iw_label(w, IWL_MIX0 + (rpt_label_id)g));
    }
    return ch;
}

/* The stacked columns of emissions by sector and year. */
static lxw_chart *iw_chart_sectors(iw *w)
{
    const int_result *r = w->r;
    char name[256];
    lxw_chart *ch = iw_chart(w, LXW_CHART_COLUMN_STACKED, iw_label(w, IWL_BY_SECTOR), iw_label(w, IWL_T_CO2E), "#,##0");
    for (size_t j = 0; ch && j < r->nsectors; j++) {
        rpt_fmt(name, sizeof name, "%s %s", r->sectors[j].code, cat_name(r->sectors[j].code, w->zh));
        rpt_xl_series(&w->xl, ch, iw_sheet(w, IWL_SHEET_SECTORS), SE_YEAR, (lxw_col_t)(SE_SECTOR0 + j), 1,
                      (lxw_row_t)r->nyears, name);
    }
    return ch;
}

/* Writes the Charts sheet with the four charts two by two, which print on
 * one page: CO2 intensity and energy intensity, each with its target
 * paths, above the energy mix and emissions by sector. */
void iw_charts(iw *w)
{
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, iw_sheet(w, IWL_SHEET_CHARTS));
    if (!ws)
        return;
    lxw_chart_options opt = {.x_scale = 1.5, .y_scale = 1.5}; /* 720 x 432 pixels: 12 columns, 22 rows */
    lxw_chart *charts[] = {iw_chart_intensity(w, false), iw_chart_intensity(w, true), iw_chart_mix(w),
                           iw_chart_sectors(w)};
    for (size_t i = 0; i < sizeof charts / sizeof *charts; i++)
        if (charts[i] && !w->xl.err)
            rpt_xl_check(&w->xl,
                         worksheet_insert_chart_opt(ws, (lxw_row_t)(1 + 23 * (i / 2)), (lxw_col_t)(1 + 12 * (i % 2)),
                                                    charts[i], &opt),
                         "inserting a chart");
}
