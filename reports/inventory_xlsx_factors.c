/* inventory_xlsx_factors.c - the Factors sheet (factors used, GWPs, landfill parameters) and the references to it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "inventory_xlsx.h"

/* Plans the rows: the factors used from row 1 in first-use order, then
 * one row per GWP the rows use (gas order, then methane origin order);
 * the landfill parameters follow. A factor's row is found from its index
 * (eng_factor_index): no map of its own. */
void xw_frefs_plan(xw *w)
{
    xw_frefs *f = &w->fr;
    const eng_hit *used;
    size_t n = eng_factors_used(w->r, &used);
    char col[16];
    lxw_col_to_name(col, FC_VALUE, LXW_TRUE);
    rpt_ref pre = rpt_xl_ref(xw_sheet(w, IL_SHEET_FACTORS), 0, 0, false); /* "Factors!A1": keep "Factors!" */
    *strrchr(pre.s, '!') = '\0';
    rpt_fmt(f->prefix, sizeof f->prefix, "%s!%s$", pre.s, col);
    f->row0 = 1;
    lxw_row_t row = f->row0 + (lxw_row_t)n;
    for (int g = 0; g < GAS_COUNT; g++)
        for (int o = 0; o < GWP_NORIGINS; o++)
            if ((f->gwp_used[o] >> g) & 1u)
                f->gwp_row[o][g] = row++;
}

void xw_gwp_use(xw *w, gas_id g, gwp_origin o)
{
    if (g < GAS_COUNT && o < GWP_NORIGINS)
        w->fr.gwp_used[o] |= 1u << g;
}

rpt_ref xw_gwp_ref(const xw *w, gas_id g, gwp_origin o)
{
    return rpt_xl_ref(xw_sheet(w, IL_SHEET_FACTORS), w->fr.gwp_row[o][g], FC_VALUE, true);
}

/* "=Factors!$D$12", with "*scale" unless the scale is 1, in the fewest
 * digits that read back as the same double (so Excel multiplies what the
 * engine multiplied). */
static void xw_ref_formula(const xw_frefs *f, lxw_row_t row, double scale, char *buf, size_t len)
{
    char num[40] = "";
    if (scale != 1.0)
        rpt_num_text(scale, num, sizeof num);
    snprintf(buf, len, "=%s%u%s%s", f->prefix, (unsigned)row + 1, scale != 1.0 ? "*" : "", num);
}

void xw_factor_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t i, double scale, double value,
                    rpt_fmt_id fmt)
{
    if (i == (size_t)-1) {
        rpt_xl_num(&w->xl, ws, row, col, value, fmt);
        return;
    }
    char buf[sizeof w->fr.prefix + 64];
    xw_ref_formula(&w->fr, w->fr.row0 + (lxw_row_t)i, scale, buf, sizeof buf);
    rpt_xl_formula(&w->xl, ws, row, col, buf, value, fmt);
}

void xw_gwp_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, gas_id g, gwp_origin o, double value)
{
    lxw_row_t at = g < GAS_COUNT && o < GWP_NORIGINS ? w->fr.gwp_row[o][g] : 0;
    if (!at) {
        rpt_xl_num(&w->xl, ws, row, col, value, RPT_F_GENERAL);
        return;
    }
    char buf[sizeof w->fr.prefix + 64];
    xw_ref_formula(&w->fr, at, 1.0, buf, sizeof buf);
    rpt_xl_formula(&w->xl, ws, row, col, buf, value, RPT_F_GENERAL);
}

/* Writes one used factor: what, for which fuel and category, its value,
 * range, quality tags and where it was defined. */
static void xw_factor_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const eng_hit *h)
{
    const fset_value *v = h->v;
    rpt_xl *x = &w->xl;
    char buf[4200];
    rpt_xl_str(x, ws, row, FC_PARAM, fs_hit_param(h), RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_WHAT, h->entry ? h->entry->key : il_label(IL_RECORD_OVERRIDE, w->zh), RPT_F_NONE);
    if (h->entry)
        rpt_xl_str(x, ws, row, FC_CATEGORY, h->entry->category ? h->entry->category : il_label(IL_ALL, w->zh),
                   RPT_F_NONE);
    rpt_xl_num(x, ws, row, FC_VALUE, v->value, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, FC_UNIT, v->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, FC_LOWER, v->lower, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, FC_UPPER, v->upper, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, FC_UNCERTAINTY, v->uncertainty_pct, RPT_F_UNC);
    snprintf(buf, sizeof buf, "%c", v->confidence);
    rpt_xl_str(x, ws, row, FC_CONFIDENCE, buf, RPT_F_NONE);
    if (v->tier)
        rpt_xl_num(x, ws, row, FC_TIER, v->tier, RPT_F_INT);
    rpt_xl_str(x, ws, row, FC_SET, fs_hit_set(h), RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_REFERENCE, v->ref, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_NOTE, v->note, RPT_F_NONE);
    buf[0] = '\0';
    if (v->at.file)
        rpt_fmt(buf, sizeof buf, "%s:%u", v->at.file, v->at.line);
    rpt_xl_str(x, ws, row, FC_DEFINED_AT, buf, RPT_F_NONE);
    const fset_param_info *info = fset_param_lookup(fs_hit_param(h));
    if (info)
        rpt_xl_str(x, ws, row, FC_ENTERS_AS, rpt_term_kind_text(info->term, w->zh), RPT_F_NONE);
}

/* Writes the Factors row of the GWP of gas g of origin o: the gas (CH4
 * fossil or non-fossil where the set splits it), its GWP-100 in t CO2e/t,
 * the set, its reference and where the set file gives it. */
static void xw_gwp_row(xw *w, lxw_worksheet *ws, gas_id g, gwp_origin o)
{
    const gwp_set *set = eng_gwp(w->r);
    const char *ref = NULL;
    src_loc at;
    double v = gwp_value(set, g, o, &ref, &at);
    lxw_row_t row = w->fr.gwp_row[o][g];
    rpt_xl *x = &w->xl;
    char buf[600];
    rpt_xl_str(x, ws, row, FC_PARAM, "gwp", RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_WHAT, gwp_gas_label(g, o), RPT_F_NONE);
    rpt_xl_num(x, ws, row, FC_VALUE, v, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, FC_UNIT, il_label(IL_U_GWP, w->zh), RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_SET, set->id, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_REFERENCE, ref ? ref : set->title, RPT_F_NONE);
    if (o != GWP_ORIGIN_ANY)
        rpt_xl_str(x, ws, row, FC_NOTE, il_label(o == GWP_ORIGIN_FOSSIL ? IL_GWP_FOSSIL : IL_GWP_NON_FOSSIL, w->zh),
                   RPT_F_NONE);
    buf[0] = '\0';
    if (at.file)
        rpt_fmt(buf, sizeof buf, "%s:%u", at.file, at.line);
    rpt_xl_str(x, ws, row, FC_DEFINED_AT, buf, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_ENTERS_AS, il_label(IL_GWP_ENTERS, w->zh), RPT_F_NONE);
}

/* Writes the Factors sheet: every factor value used, in first-use order,
 * with how it enters the product method, then the GWPs the rows use, then
 * the landfill model's parameters of every site. The calculation rows
 * refer to these Value cells. */
void xw_factors(xw *w)
{
    static const rpt_label_id hdr[FC_COUNT] = {
        [FC_PARAM] = IL_PARAMETER, [FC_WHAT] = IL_FUEL_ACTIVITY,     [FC_CATEGORY] = IL_CATEGORY,
        [FC_VALUE] = IL_VALUE,     [FC_UNIT] = IL_UNIT,              [FC_LOWER] = IL_LOWER,
        [FC_UPPER] = IL_UPPER,     [FC_UNCERTAINTY] = IL_UNCERTAINTY, [FC_CONFIDENCE] = IL_CONFIDENCE,
        [FC_TIER] = IL_TIER,       [FC_SET] = IL_SET,                [FC_REFERENCE] = IL_REFERENCE,
        [FC_NOTE] = IL_NOTE,       [FC_DEFINED_AT] = IL_DEFINED_AT,  [FC_ENTERS_AS] = IL_ENTERS_AS};
    static const double widths[FC_COUNT] = {14, 28, 10, 12, 10, 10, 10, 10, 10, 8, 18, 50, 40, 40, 22};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_FACTORS));
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, FC_COUNT);
    rpt_xl_header(&w->xl, ws, 0, hdr, FC_COUNT);
    rpt_xl_freeze(&w->xl, ws, 1, FC_CATEGORY);
    const eng_hit *used;
    size_t n = eng_factors_used(w->r, &used);
    for (size_t i = 0; i < n; i++)
        xw_factor_row(w, ws, w->fr.row0 + (lxw_row_t)i, &used[i]);
    lxw_row_t row = w->fr.row0 + (lxw_row_t)n;
    for (int g = 0; g < GAS_COUNT; g++)
        for (int o = 0; o < GWP_NORIGINS; o++)
            if (w->fr.gwp_row[o][g]) {
                xw_gwp_row(w, ws, (gas_id)g, (gwp_origin)o);
                row++;
            }
    xw_fod_factors(w, ws, &row);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, row - 1, FC_COUNT - 1), "setting the autofilter");
    rpt_xl_print_area(&w->xl, ws, row - 1, FC_COUNT - 1);
}
