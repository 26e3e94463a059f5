/* intensity_xlsx_charts.c - the intensity workbook's Charts: intensity and target paths, energy mix, sectors. */
#include "../calc/category.h"
#include "intensity_xlsx.h"

/* Line colours of the intensity chart: an indicator and its path share one. */
#define IW_CO2_COLOR 0x1F4E79
#define IW_ENERGY_COLOR 0xC00000
#define IW_OTHER_COLOR 0x7F7F7F

/* A new chart of `type` with a title, the years on the x axis and `y_name`
 * on the y axis, the legend below; NULL after an error. */
static lxw_chart *iw_chart(iw *w, uint8_t type, const char *title, const char *y_name)
{
    lxw_chart *ch = rpt_xl_chart(&w->xl, type, title);
    if (!ch)
        return NULL;
    chart_axis_set_name(ch->x_axis, iw_label(w, RPT_L_YEAR));
    chart_axis_set_name(ch->y_axis, y_name);
    chart_axis_set_num_format(ch->y_axis, type == LXW_CHART_LINE ? "0.00" : "#,##0");
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    return ch;
}

/* Adds the dashed path of every reduction target (the paths block's
 * columns from PT_PATH0), in the colour of its indicator. */
static void iw_chart_target_paths(iw *w, lxw_chart *ch, lxw_row_t r0, lxw_row_t r1)
{
    const int_result *r = w->r;
    char name[256];
    lxw_col_t col = PT_PATH0;
    for (size_t k = 0; k < r->ntargets; k++) {
        ser_indicator ind = r->targets[k].t->indicator;
        if (r->targets[k].t->kind != SER_REDUCTION)
            continue;
        rpt_fmt(name, sizeof name, "%s: %s", iw_label(w, IWL_PATH), r->targets[k].t->id);
        lxw_chart_line dash = {.dash_type = LXW_CHART_LINE_DASH_DASH,
                               .width = 1.5,
                               .color = ind == SER_IND_ENERGY_PER_GDP ? IW_ENERGY_COLOR
                                        : ind == SER_IND_CO2_PER_GDP  ? IW_CO2_COLOR
                                                                      : IW_OTHER_COLOR};
        lxw_chart_series *s = rpt_xl_series(&w->xl, ch, IW_TARGETS, PT_YEAR, col++, r0, r1, name);
        if (s)
            chart_series_set_line(s, &dash);
    }
}

/* The line chart: CO2 and energy intensity, and each reduction target's
 * path, from the paths block on Targets. */
static lxw_chart *iw_chart_paths(iw *w)
{
    const int_result *r = w->r;
    lxw_row_t r0 = w->path_row0, r1 = w->path_row0 + (lxw_row_t)r->nyears - 1;
    char name[256];
    lxw_chart *ch =
        iw_chart(w, LXW_CHART_LINE, iw_label(w, IWL_CHART_PATHS), iw_label(w, IWL_CHART_PATHS_AXIS));
    if (!ch)
        return NULL;
    lxw_chart_line co2 = {.color = IW_CO2_COLOR, .width = 2.25}, energy = {.color = IW_ENERGY_COLOR, .width = 2.25};
    lxw_chart_series *s =
        rpt_xl_series(&w->xl, ch, IW_TARGETS, PT_YEAR, PT_CO2_GDP, r0, r1, iw_label(w, IWL_CO2_GDP));
    if (s)
        chart_series_set_line(s, &co2);
    rpt_fmt(name, sizeof name, "%s (%s)", iw_label(w, IWL_ENERGY_GDP), ser_method_name(r->s->method));
    if ((s = rpt_xl_series(&w->xl, ch, IW_TARGETS, PT_YEAR, PT_ENERGY_GDP, r0, r1, name)))
        chart_series_set_line(s, &energy);
    iw_chart_target_paths(w, ch, r0, r1);
    return ch;
}

/* The stacked columns of the energy mix (headline method) by year. */
static lxw_chart *iw_chart_mix(iw *w)
{
    const int_result *r = w->r;
    bool rate = r->s->method == SER_COAL_RATE;
    char title[256];
    rpt_fmt(title, sizeof title, "%s (%s)", iw_label(w, IWL_ENERGY_MIX), ser_method_name(r->s->method));
    lxw_chart *ch = iw_chart(w, LXW_CHART_COLUMN_STACKED, title, "tce");
    for (int g = 0; ch && g < INT_NMIX; g++) {
        lxw_col_t col = (lxw_col_t)(ID_MIX0 + g);
        if (rate && g == INT_MIX_PRIMARY_ELEC)
            col = ID_PRIM_RATE;
        else if (rate && g == INT_MIX_NET_IMPORT_ELEC)
            col = ID_NET_RATE;
        rpt_xl_series(&w->xl, ch, IW_INDICATORS, ID_YEAR, col, 1, (lxw_row_t)r->nyears,
                      iw_label(w, IWL_MIX0 + (rpt_label_id)g));
    }
    return ch;
}

/* The stacked columns of emissions by sector and year. */
static lxw_chart *iw_chart_sectors(iw *w)
{
    const int_result *r = w->r;
    char name[256];
    lxw_chart *ch = iw_chart(w, LXW_CHART_COLUMN_STACKED, iw_label(w, IWL_BY_SECTOR), "t CO2e");
    for (size_t j = 0; ch && j < r->nsectors; j++) {
        rpt_fmt(name, sizeof name, "%s %s", r->sectors[j].code, cat_name(r->sectors[j].code, w->zh));
        rpt_xl_series(&w->xl, ch, IW_SECTORS, SE_YEAR, (lxw_col_t)(SE_SECTOR0 + j), 1, (lxw_row_t)r->nyears, name);
    }
    return ch;
}

/* Writes the Charts sheet with the three charts one below the other. */
void iw_charts(iw *w)
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
