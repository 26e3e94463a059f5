/* inventory_xlsx.c - the inventory workbook: Summary, Sectoral table, line sheets, Landfill (FOD), Factors, About. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/nsum.h"
#include "inventory_checks.h"
#include "inventory_xlsx.h"
#include "rpt_about.h"
#include "report.h"

#define XW_FORMULA_MAX 8192 /* bytes of one SUMIFS formula over every source (Excel's limit: 8,192 characters) */

/* One SUMIFS criterion: the source's `key` column equals `value` (or, with
 * a leading "<>", differs from it). */
typedef struct {
    xw_key key;
    const char *value;
} xw_crit;

/* Appends printf-style text to buf at *used; false when it does not fit. */
static bool xw_append(char *buf, size_t len, size_t *used, const char *fmt, ...) GHG_PRINTF(4, 5);
static bool xw_append(char *buf, size_t len, size_t *used, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = *used < len ? vsnprintf(buf + *used, len - *used, fmt, ap) : -1;
    va_end(ap);
    if (n < 0 || (size_t)n >= len - *used)
        return false;
    *used += (size_t)n;
    return true;
}

/* Appends `value` as a formula string literal, doubling any '"'. */
static bool xw_append_literal(char *buf, size_t len, size_t *used, const char *value)
{
    if (!xw_append(buf, len, used, "\""))
        return false;
    for (const char *p = value; *p; p++) {
        bool ok = *p == '"' ? xw_append(buf, len, used, "\"\"") : xw_append(buf, len, used, "%c", *p);
        if (!ok)
            return false;
    }
    return xw_append(buf, len, used, "\"");
}

void xw_add_source(xw *w, const char *sheet, const int col[XK_COUNT], bool bounded, lxw_row_t first, lxw_row_t last)
{
    if (w->nsrc == XW_MAX_SOURCES) {
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "adding a sheet to the totals (too many sheets)");
        return;
    }
    xw_source *s = &w->src[w->nsrc++];
    snprintf(s->sheet, sizeof s->sheet, "%s", sheet);
    memcpy(s->col, col, sizeof s->col);
    s->bounded = bounded;
    s->first = first;
    s->last = last;
}

/* Appends the range of column `col` of source s: whole column ($Q:$Q) or
 * its bounded rows ($D$6:$D$8). */
static bool xw_append_range(char *buf, size_t len, size_t *used, const xw_source *s, int col)
{
    lxw_col_t c = (lxw_col_t)col;
    if (s->bounded)
        return xw_append(buf, len, used, "%s", rpt_xl_range(s->sheet, s->first, c, s->last, c, true).s);
    return xw_append(buf, len, used, "%s", rpt_xl_column(s->sheet, c).s);
}

/* Writes into buf the sum of column `sum` over every source, one SUMIFS per
 * source joined by '+'. A criterion on a column a source lacks drops the
 * criterion when it asks for memo "no" (a sheet without a memo column has
 * no memo rows) and skips the source otherwise; with `strict` it always
 * skips the source. A source left with no criterion is a SUM. "=0" when no
 * source applies. False when it does not fit. */
static bool xw_sumifs(const xw *w, char *buf, size_t len, xw_key sum, const xw_crit *crit, size_t ncrit, bool strict)
{
    size_t used = 0;
    unsigned terms = 0;
    for (size_t k = 0; k < w->nsrc; k++) {
        const xw_source *s = &w->src[k];
        bool skip = s->col[sum] == XW_NO_COL;
        size_t nuse = 0;
        for (size_t c = 0; c < ncrit && !skip; c++) {
            if (s->col[crit[c].key] != XW_NO_COL)
                nuse++;
            else if (strict || !(crit[c].key == XK_MEMO && strcmp(crit[c].value, RPT_MEMO_NO) == 0))
                skip = true;
        }
        if (skip)
            continue;
        if (!xw_append(buf, len, &used, "%s%s(", terms ? "+" : "=", nuse ? "SUMIFS" : "SUM") ||
            !xw_append_range(buf, len, &used, s, s->col[sum]))
            return false;
        for (size_t c = 0; c < ncrit; c++) {
            if (s->col[crit[c].key] == XW_NO_COL)
                continue;
            if (!xw_append(buf, len, &used, ",") || !xw_append_range(buf, len, &used, s, s->col[crit[c].key]) ||
                !xw_append(buf, len, &used, ",") || !xw_append_literal(buf, len, &used, crit[c].value))
                return false;
        }
        if (!xw_append(buf, len, &used, ")"))
            return false;
        terms++;
    }
    return terms || xw_append(buf, len, &used, "=0");
}

/* The sectoral approach's 1.A fossil CO2 as a formula: the CO2 rows that are
 * not memo items, over the sources with a memo column (strictly), which are
 * the Calculation sheets, the only sheets with 1.A rows. NULL when out of
 * memory or too long. */
static char *xw_sectoral_co2_formula(const xw *w)
{
    const xw_crit crit[] = {{XK_GAS, gas_name(GAS_CO2)}, {XK_MEMO, RPT_MEMO_NO}};
    char *formula = malloc(XW_FORMULA_MAX);
    if (formula && !xw_sumifs(w, formula, XW_FORMULA_MAX, XK_EMISSION, crit, 2, true)) {
        free(formula);
        formula = NULL;
    }
    return formula;
}

/* Writes a SUMIFS total (tonnes: every key it sums is a mass) with its
 * cached value; an over-long formula is an error (it cannot happen below
 * ~40 sheets of rows). */
static void xw_sumifs_cell(xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, xw_key sum, const xw_crit *crit,
                           size_t ncrit, double cached, rpt_fmt_id f)
{
    char *formula = malloc(XW_FORMULA_MAX);
    if (!formula) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "building a SUMIFS formula");
        return;
    }
    if (!xw_sumifs(w, formula, XW_FORMULA_MAX, sum, crit, ncrit, false))
        rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a SUMIFS formula (too long)");
    else
        xw_mass_formula(w, ws, row, col, formula, cached, f); /* t, or 10^4 t with --unit 10kt (inventory_xlsx_cn.c) */
    free(formula);
}

/* The format for tonnes of gas g: more decimals for everything but CO2. */
rpt_fmt_id xw_t_fmt(gas_id g, bool bold)
{
    if (g == GAS_CO2)
        return bold ? RPT_F_T_BOLD : RPT_F_T;
    return bold ? RPT_F_T_SMALL_BOLD : RPT_F_T_SMALL;
}

/* The gases the workbook shows, in gas order: CO2, CH4, N2O and any other
 * gas the inventory emits. Returns how many. */
static size_t xw_gases(const xw *w, gas_id out[GAS_COUNT])
{
    size_t n = 0;
    for (int g = 0; g < GAS_COUNT; g++)
        if (rpt_gas_shown(w->r, (gas_id)g))
            out[n++] = (gas_id)g;
    return n;
}

/* ---------------------------------------------------------------- Summary */

/* Rows of the Summary sheet (0-based) before the gas rows; the rest follow
 * from the number of gases shown. */
enum {
    SUM_ROW_TITLE = 0,
    SUM_ROW_INVENTORY = 1, /* inventory, region, year, GWP set on rows 1..4 */
    SUM_ROW_GAS_HEADING = 6,
    SUM_ROW_GAS_HEADER = 7,
    SUM_ROW_GAS0 = 8 /* one row per gas shown */
};

#define XW_SUMMARY_SHEET "Summary"

/* Columns of the Summary's gas rows and the totals below them: the label
 * (gas or total), tonnes of gas and t CO2e. */
enum { SG_LABEL, SG_T, SG_CO2E };

/* Columns of the Summary's sector tables. */
enum { SS_CODE, SS_NAME, SS_CO2E, SS_SHARE };

/* The Summary's rows after the gas rows. */
typedef struct {
    lxw_row_t excl, lulucf, total, memo; /* total without LULUCF, LULUCF, total with it, memo */
    lxw_row_t indirect;                  /* first of two indirect rows, 0 when there are none */
    lxw_row_t sector_heading;
} xw_sum_rows;

static xw_sum_rows xw_sum_layout(size_t ngas, bool indirect)
{
    xw_sum_rows s;
    s.excl = SUM_ROW_GAS0 + (lxw_row_t)ngas;
    s.lulucf = s.excl + 1;
    s.total = s.excl + 2;
    s.memo = s.excl + 3;
    s.indirect = indirect ? s.memo + 1 : 0;
    s.sector_heading = s.memo + (indirect ? 4 : 2);
    return s;
}

/* Indirect emissions (purchased electricity and heat) below the direct
 * totals, outside them: SUMIFS over the Indirect sheet by view. */
static void xw_summary_indirect(xw *w, lxw_worksheet *ws, const xw_sum_rows *sr)
{
    static const rpt_label_id label[2] = {IL_INDIRECT_CONSUMPTION, IL_INDIRECT_NET_IMPORT};
    if (!sr->indirect)
        return;
    for (int v = 0; v < 2; v++) {
        char f[RPT_XL_FORMULA_MAX];
        snprintf(f, sizeof f, "=SUMIFS(%s,%s,\"%s\")", rpt_xl_column(RPT_INDIRECT_SHEET, IND_T).s,
                 rpt_xl_column(RPT_INDIRECT_SHEET, IND_VIEW).s, rpt_indirect_view[v]);
        rpt_xl_str(&w->xl, ws, sr->indirect + (lxw_row_t)v, SG_LABEL, il_label(label[v], w->zh), RPT_F_NONE);
        xw_mass_formula(w, ws, sr->indirect + (lxw_row_t)v, SG_CO2E, f, eng_indirect_total_t(w->r, v == 1), RPT_F_T);
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

/* Writes totals by gas (t and t CO2e), the totals without LULUCF, of
 * LULUCF and with it, and the biogenic CO2 memo item, each a SUMIFS over
 * every source cached with the engine's compensated sums. */
static void xw_summary_gases(xw *w, lxw_worksheet *ws, const gas_id *gases, size_t ngas, const xw_sum_rows *sr)
{
    static const rpt_label_id hdr[] = {IL_GAS, IL_EMISSION_T, IL_EMISSION_T_CO2E};
    eng_cat_total all = eng_total_under(w->r, "");
    eng_cat_total excl = eng_total_except(w->r, RPT_LULUCF);
    eng_cat_total lulucf = eng_total_under(w->r, RPT_LULUCF);
    double co2e[GAS_COUNT];
    eng_gas_co2e(w->r, co2e);
    rpt_xl_str(&w->xl, ws, SUM_ROW_GAS_HEADING, 0, il_label(IL_BY_GAS, w->zh), RPT_F_BOLD);
    for (lxw_col_t c = 0; c < 3; c++)
        rpt_xl_str(&w->xl, ws, SUM_ROW_GAS_HEADER, c, xw_mass_label(w, hdr[c]), RPT_F_HEADER);
    for (size_t i = 0; i < ngas; i++) {
        gas_id g = gases[i];
        lxw_row_t row = SUM_ROW_GAS0 + (lxw_row_t)i;
        xw_crit c[] = {{XK_GAS, gas_name(g)}, {XK_MEMO, RPT_MEMO_NO}};
        rpt_xl_str(&w->xl, ws, row, SG_LABEL, gas_name(g), RPT_F_NONE);
        xw_sumifs_cell(w, ws, row, SG_T, XK_EMISSION, c, 2, all.t[g], xw_t_fmt(g, false));
        xw_sumifs_cell(w, ws, row, SG_CO2E, XK_CO2E, c, 2, co2e[g], RPT_F_T);
    }
    xw_crit c_excl[] = {{XK_MEMO, RPT_MEMO_NO}, {XK_SECTOR, "<>" RPT_LULUCF}};
    xw_crit c_lulucf[] = {{XK_MEMO, RPT_MEMO_NO}, {XK_SECTOR, RPT_LULUCF}};
    rpt_xl_str(&w->xl, ws, sr->excl, SG_LABEL, il_label(IL_TOTAL_EXCL_LULUCF, w->zh), RPT_F_BOLD);
    xw_sumifs_cell(w, ws, sr->excl, SG_CO2E, XK_CO2E, c_excl, 2, excl.t_co2e, RPT_F_T_BOLD);
    rpt_xl_str(&w->xl, ws, sr->lulucf, SG_LABEL, il_label(IL_LULUCF, w->zh), RPT_F_NONE);
    xw_sumifs_cell(w, ws, sr->lulucf, SG_CO2E, XK_CO2E, c_lulucf, 2, lulucf.t_co2e, RPT_F_T);
    rpt_xl_str(&w->xl, ws, sr->total, SG_LABEL, il_label(IL_TOTAL_INCL_LULUCF, w->zh), RPT_F_BOLD);
    xw_sumifs_cell(w, ws, sr->total, SG_CO2E, XK_CO2E, c_excl, 1, all.t_co2e, RPT_F_T_BOLD);
    xw_crit memo[] = {{XK_GAS, gas_name(GAS_CO2)}, {XK_MEMO, RPT_MEMO_YES}};
    rpt_xl_str(&w->xl, ws, sr->memo, SG_LABEL, il_label(IL_MEMO_BIO, w->zh), RPT_F_NONE);
    xw_sumifs_cell(w, ws, sr->memo, SG_T, XK_EMISSION, memo, 2, all.memo_bio_co2_t, RPT_F_T);
}

/* One Summary sector: its code and CO2e. */
typedef struct {
    char code[64];
    eng_cat_total t;
} xw_sector;

/* Every sector (rpt_sector_next order) into a new array; NULL when out of
 * memory (and *n = 0 when there are none). */
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
    return out;
}

/* Writes sector s's code, name and CO2e (a SUMIFS over its non-memo rows)
 * on `row`. */
static void xw_sector_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const xw_sector *s)
{
    xw_crit c[] = {{XK_SECTOR, s->code}, {XK_MEMO, RPT_MEMO_NO}};
    rpt_xl_str(&w->xl, ws, row, SS_CODE, s->code, RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, SS_NAME, cat_name(s->code, w->zh), RPT_F_NONE);
    xw_sumifs_cell(w, ws, row, SS_CO2E, XK_CO2E, c, 2, s->t.t_co2e, RPT_F_T);
}

/* Writes the net sinks (CO2e < 0) of sec[0..n) as their own table from
 * `row`, after a blank row, and the note on why they are not in the pie. */
static void xw_summary_removals(xw *w, lxw_worksheet *ws, const xw_sector *sec, size_t n, lxw_row_t row)
{
    static const rpt_label_id hdr[] = {IL_SECTOR, IL_NAME, IL_EMISSION_T_CO2E};
    row++;
    rpt_xl_str(&w->xl, ws, row++, 0, il_label(IL_REMOVALS, w->zh), RPT_F_BOLD);
    for (lxw_col_t c = 0; c < 3; c++)
        rpt_xl_str(&w->xl, ws, row, c, xw_mass_label(w, hdr[c]), RPT_F_HEADER);
    row++;
    for (size_t i = 0; i < n; i++)
        if (sec[i].t.t_co2e < 0)
            xw_sector_row(w, ws, row++, &sec[i]);
    row++;
    rpt_xl_str(&w->xl, ws, row, 0, il_label(IL_PIE_NOTE, w->zh), RPT_F_NONE);
}

/* Writes the sectors with net emissions (CO2e >= 0) with their share of
 * those sectors' sum (the pie chart's slices) from `heading`; then, when
 * any sector is a net sink, its own table of net removals and a note.
 * Returns the number of emitting rows; *nneg gets the number of sinks. */
static unsigned xw_summary_sectors(xw *w, lxw_worksheet *ws, lxw_row_t heading, unsigned *nneg)
{
    static const rpt_label_id hdr[] = {IL_SECTOR, IL_NAME, IL_EMISSION_T_CO2E, IL_SHARE_GROSS};
    size_t n;
    xw_sector *sec = xw_sector_list(w, &n);
    if (!sec) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "listing the sectors");
        return 0;
    }
    nsum gross = {0, 0};
    unsigned npos = 0;
    for (size_t i = 0; i < n; i++) {
        if (sec[i].t.t_co2e >= 0) {
            nsum_add(&gross, sec[i].t.t_co2e);
            npos++;
        }
    }
    double sum = nsum_value(&gross);
    lxw_row_t first = heading + 2, last = first + (npos ? npos - 1 : 0), row = first;
    rpt_xl_str(&w->xl, ws, heading, 0, il_label(IL_BY_SECTOR, w->zh), RPT_F_BOLD);
    for (lxw_col_t c = 0; c < 4; c++)
        rpt_xl_str(&w->xl, ws, heading + 1, c, xw_mass_label(w, hdr[c]), RPT_F_HEADER);
    char share[RPT_XL_FORMULA_MAX];
    rpt_ref all = rpt_xl_range(NULL, first, SS_CO2E, last, SS_CO2E, true);
    for (size_t i = 0; i < n; i++) {
        if (sec[i].t.t_co2e < 0)
            continue;
        xw_sector_row(w, ws, row, &sec[i]);
        snprintf(share, sizeof share, "=IF(SUM(%s)=0,0,%s/SUM(%s))", all.s, rpt_xl_cell(row, SS_CO2E).s, all.s);
        rpt_xl_formula(&w->xl, ws, row, SS_SHARE, share, sum == 0 ? 0 : sec[i].t.t_co2e / sum, RPT_F_PCT);
        row++;
    }
    *nneg = (unsigned)(n - npos);
    if (*nneg)
        xw_summary_removals(w, ws, sec, n, row);
    free(sec);
    return npos;
}

/* Column of the Summary where its charts stand. */
#define XW_CHART_COL 5

/* Adds a chart of `type` with one series, categories in column `cat_col`
 * and values in column `val_col` of the Summary's rows r0..r1, and inserts
 * it at `row` in column XW_CHART_COL. A column chart has no legend; a pie
 * shows each slice's percentage. */
static void xw_chart(xw *w, lxw_worksheet *ws, uint8_t type, lxw_col_t cat_col, lxw_col_t val_col, lxw_row_t r0,
                     lxw_row_t r1, rpt_label_id title, lxw_row_t row)
{
    lxw_chart *ch = rpt_xl_chart(&w->xl, type, xw_mass_label(w, title));
    lxw_chart_series *s = rpt_xl_series(&w->xl, ch, XW_SUMMARY_SHEET, cat_col, val_col, r0, r1, NULL);
    if (!s)
        return;
    if (type == LXW_CHART_COLUMN) {
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        chart_axis_set_name(ch->y_axis, w->mass_10kt ? "10^4 t CO2e" : "t CO2e");
    } else {
        chart_series_set_labels(s);
        chart_series_set_labels_options(s, LXW_FALSE, LXW_FALSE, LXW_FALSE);
        chart_series_set_labels_percentage(s);
    }
    rpt_xl_check(&w->xl, worksheet_insert_chart(ws, row, XW_CHART_COL, ch), "inserting a chart");
}

/* Writes the Summary sheet: identity, totals by gas, with and without
 * LULUCF, sectors; a pie of the emitting sectors, a column chart by gas and,
 * when there is a sink, a column chart of the totals with and without it. */
static void xw_summary(xw *w)
{
    static const double widths[] = {36, 44, 20, 12};
    gas_id gases[GAS_COUNT];
    size_t ngas = xw_gases(w, gases);
    const eng_indirect_line *ind;
    xw_sum_rows sr = xw_sum_layout(ngas, eng_indirect(w->r, &ind) > 0);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, XW_SUMMARY_SHEET);
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, sizeof widths / sizeof *widths);
    xw_summary_head(w, ws);
    xw_summary_gases(w, ws, gases, ngas, &sr);
    xw_summary_indirect(w, ws, &sr);
    unsigned nneg = 0;
    unsigned npos = xw_summary_sectors(w, ws, sr.sector_heading, &nneg);
    if (npos) {
        lxw_row_t first = sr.sector_heading + 2, last = first + npos - 1;
        xw_chart(w, ws, LXW_CHART_PIE, SS_NAME, SS_CO2E, first, last, IL_CHART_SECTOR, SUM_ROW_INVENTORY);
    }
    lxw_row_t last_gas = SUM_ROW_GAS0 + (lxw_row_t)ngas - 1;
    xw_chart(w, ws, LXW_CHART_COLUMN, SG_LABEL, SG_CO2E, SUM_ROW_GAS0, last_gas, IL_CHART_GAS, SUM_ROW_INVENTORY + 16);
    if (nneg || eng_total_under(w->r, RPT_LULUCF).t_co2e != 0)
        xw_chart(w, ws, LXW_CHART_COLUMN, SG_LABEL, SG_CO2E, sr.excl, sr.total, IL_CHART_TOTALS,
                 SUM_ROW_INVENTORY + 32);
}

/* -------------------------------------------------------- Sectoral table */

/* Writes one Sectoral row: code, name and SUMIFS totals over the rows that
 * match `m` (NULL for every row): tonnes of each gas shown, CO2e and the
 * biogenic CO2 memo item. */
static void xw_sectoral_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const char *code, const char *name,
                            const xw_crit *m, const gas_id *gases, size_t ngas, const eng_cat_total *t, bool bold)
{
    xw_crit c[3];
    size_t n = 0;
    if (m)
        c[n++] = *m;
    rpt_xl_str(&w->xl, ws, row, 0, code, bold ? RPT_F_BOLD : RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, row, 1, name, bold ? RPT_F_BOLD : RPT_F_NONE);
    for (size_t i = 0; i < ngas; i++) {
        c[n] = (xw_crit){XK_GAS, gas_name(gases[i])};
        c[n + 1] = (xw_crit){XK_MEMO, RPT_MEMO_NO};
        xw_sumifs_cell(w, ws, row, (lxw_col_t)(2 + i), XK_EMISSION, c, n + 2, t->t[gases[i]], xw_t_fmt(gases[i], bold));
    }
    c[n] = (xw_crit){XK_MEMO, RPT_MEMO_NO};
    xw_sumifs_cell(w, ws, row, (lxw_col_t)(2 + ngas), XK_CO2E, c, n + 1, t->t_co2e, bold ? RPT_F_T_BOLD : RPT_F_T);
    c[n] = (xw_crit){XK_GAS, gas_name(GAS_CO2)};
    c[n + 1] = (xw_crit){XK_MEMO, RPT_MEMO_YES};
    xw_sumifs_cell(w, ws, row, (lxw_col_t)(3 + ngas), XK_EMISSION, c, n + 2, t->memo_bio_co2_t,
                   bold ? RPT_F_T_BOLD : RPT_F_T);
    xu_sectoral_key(w, ws, row, (lxw_col_t)(4 + ngas), code); /* key categories (inventory_xlsx_keycat.c) */
}

/* Writes the Sectoral table: per sector a bold subtotal row (over the
 * Sector column) followed by its categories (exact match on Category), then
 * the totals without LULUCF and with it. A category shallower than its
 * sector level is its own row. Columns: code, name, t of each gas shown,
 * CO2e, biogenic CO2. */
static void xw_sectoral(xw *w)
{
    gas_id gases[GAS_COUNT];
    size_t ngas = xw_gases(w, gases);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Sectoral table");
    if (!ws)
        return;
    rpt_xl *x = &w->xl;
    rpt_xl_str(x, ws, 0, 0, il_label(IL_CATEGORY, w->zh), RPT_F_HEADER);
    rpt_xl_str(x, ws, 0, 1, il_label(IL_NAME, w->zh), RPT_F_HEADER);
    rpt_xl_check(x, worksheet_set_column(ws, 0, 0, 12, NULL), "setting a column width");
    rpt_xl_check(x, worksheet_set_column(ws, 1, 1, 48, NULL), "setting a column width");
    for (size_t i = 0; i < ngas; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s (%s)", gas_name(gases[i]), w->mass_10kt ? (w->zh ? "万吨" : "10^4 t") : "t");
        rpt_xl_str(x, ws, 0, (lxw_col_t)(2 + i), buf, RPT_F_HEADER);
    }
    rpt_xl_check(x, worksheet_set_column(ws, 2, (lxw_col_t)(3 + ngas), 16, NULL), "setting a column width");
    rpt_xl_str(x, ws, 0, (lxw_col_t)(2 + ngas), xw_mass_label(w, IL_CO2E_T), RPT_F_HEADER);
    rpt_xl_str(x, ws, 0, (lxw_col_t)(3 + ngas), xw_mass_label(w, IL_MEMO_BIO_T), RPT_F_HEADER);
    xu_sectoral_key_header(w, ws, 0, (lxw_col_t)(4 + ngas)); /* key categories (inventory_xlsx_keycat.c) */
    worksheet_freeze_panes(ws, 1, 0);
    const eng_cat_total *cats;
    size_t n = eng_categories(w->r, &cats), i = 0, first;
    lxw_row_t row = 1;
    char code[64];
    while (rpt_sector_next(cats, n, &i, &first, code, sizeof code)) {
        eng_cat_total t = tot_range(cats, first, i, code);
        bool group = cat_depth(code) == rpt_sector_depth(code);
        xw_crit sec = {XK_SECTOR, code};
        if (group)
            xw_sectoral_row(w, ws, row++, code, cat_name(code, w->zh), &sec, gases, ngas, &t, true);
        for (size_t k = first; k < i; k++) {
            xw_crit cat = {XK_CATEGORY, cats[k].category};
            if (strcmp(cats[k].category, code) != 0 || !group)
                xw_sectoral_row(w, ws, row++, cats[k].category, cat_name(cats[k].category, w->zh), &cat, gases, ngas,
                                &cats[k], false);
        }
    }
    eng_cat_total excl = eng_total_except(w->r, RPT_LULUCF);
    eng_cat_total all = eng_total_under(w->r, "");
    xw_crit not_lulucf = {XK_SECTOR, "<>" RPT_LULUCF};
    xw_sectoral_row(w, ws, row++, il_label(IL_TOTAL_EXCL_LULUCF, w->zh), "", &not_lulucf, gases, ngas, &excl, true);
    xw_sectoral_row(w, ws, row, il_label(IL_TOTAL_INCL_LULUCF, w->zh), "", NULL, gases, ngas, &all, true);
}

/* --------------------------------------------------------------- Factors */

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

void xw_gwp_use(xw *w, gas_id g, gwp_origin o)
{
    if (g < GAS_COUNT && o < GWP_NORIGINS)
        w->gwp_used[o] |= 1u << g;
}

/* The 0-based Factors row of the GWP of gas g of origin o: after the
 * factors used, one row per GWP used in gas order, then origin order. */
static lxw_row_t xw_gwp_row(const xw *w, gas_id g, gwp_origin o)
{
    const eng_hit *used;
    lxw_row_t row = (lxw_row_t)eng_factors_used(w->r, &used) + 1;
    for (int gi = 0; gi < (int)g; gi++)
        for (int oi = 0; oi < GWP_NORIGINS; oi++)
            row += (w->gwp_used[oi] >> gi) & 1u;
    for (int oi = 0; oi < (int)o; oi++)
        row += (w->gwp_used[oi] >> g) & 1u;
    return row;
}

rpt_ref xw_gwp_ref(const xw *w, gas_id g, gwp_origin o) { return rpt_xl_ref("Factors", xw_gwp_row(w, g, o), FC_VALUE, true); }

/* Writes the Factors row of the GWP of gas g of origin o: the gas (CH4
 * fossil or non-fossil where the set splits it), its value, the set, its
 * reference and where the set file gives it. */
static void xw_gwp_factor_row(xw *w, lxw_worksheet *ws, gas_id g, gwp_origin o)
{
    const gwp_set *set = eng_gwp(w->r);
    const char *ref = NULL;
    src_loc at;
    double v = gwp_value(set, g, o, &ref, &at);
    lxw_row_t row = xw_gwp_row(w, g, o);
    rpt_xl *x = &w->xl;
    char buf[600];
    rpt_xl_str(x, ws, row, FC_PARAM, "gwp", RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_WHAT, gwp_gas_label(g, o), RPT_F_NONE);
    rpt_xl_num(x, ws, row, FC_VALUE, v, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, FC_UNIT, "t CO2e/t", RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_SET, set->id, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_REFERENCE, ref, RPT_F_NONE);
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
 * with how it enters the product method, then the GWPs used, then the
 * landfill model's parameters of every site. */
static void xw_factors(xw *w)
{
    static const rpt_label_id hdr[FC_COUNT] = {
        [FC_PARAM] = IL_PARAMETER, [FC_WHAT] = IL_FUEL_ACTIVITY,     [FC_CATEGORY] = IL_CATEGORY,
        [FC_VALUE] = IL_VALUE,     [FC_UNIT] = IL_UNIT,              [FC_LOWER] = IL_LOWER,
        [FC_UPPER] = IL_UPPER,     [FC_UNCERTAINTY] = IL_UNCERTAINTY, [FC_CONFIDENCE] = IL_CONFIDENCE,
        [FC_TIER] = IL_TIER,       [FC_SET] = IL_SET,                [FC_REFERENCE] = IL_REFERENCE,
        [FC_NOTE] = IL_NOTE,       [FC_DEFINED_AT] = IL_DEFINED_AT,  [FC_ENTERS_AS] = IL_ENTERS_AS};
    static const double widths[FC_COUNT] = {14, 28, 10, 12, 10, 10, 10, 10, 10, 8, 18, 50, 40, 40, 22};
    const size_t ncols = FC_COUNT;
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, "Factors");
    if (!ws)
        return;
    rpt_xl_widths(&w->xl, ws, widths, ncols);
    rpt_xl_header(&w->xl, ws, 0, hdr, ncols);
    worksheet_freeze_panes(ws, 1, 0);
    const eng_hit *used;
    size_t n = eng_factors_used(w->r, &used);
    for (size_t i = 0; i < n; i++)
        xw_factor_row(w, ws, (lxw_row_t)i + 1, &used[i]);
    lxw_row_t row = (lxw_row_t)n + 1;
    for (int g = 0; g < GAS_COUNT; g++)
        for (int o = 0; o < GWP_NORIGINS; o++)
            if ((w->gwp_used[o] >> g) & 1u) {
                xw_gwp_factor_row(w, ws, (gas_id)g, (gwp_origin)o);
                row++;
            }
    xw_fod_factors(w, ws, &row);
    rpt_xl_check(&w->xl, worksheet_autofilter(ws, 0, 0, row - 1, (lxw_col_t)(ncols - 1)), "setting the autofilter");
}

/* ----------------------------------------------------------------- About */

/* Writes the About sheet: the run and the inventory's identity, the factor
 * sets in search order, the input files, and the notes. */
static void xw_about(xw *w)
{
    static const double widths[] = {30, 70, 10, 70};
    const inventory *inv = eng_inventory(w->r);
    const gwp_set *gwp = eng_gwp(w->r);
    eng_order o = eng_search_order(w->r);
    rpt_about a;
    rpt_about_start(&a, &w->xl, widths, 4, "ghgcalc");
    rpt_about_pair(&a, il_label(RPT_L_TOOL, w->zh), "ghgcalc");
    rpt_about_run(&a, w->m);
    rpt_about_pair(&a, il_label(IL_INVENTORY, w->zh), inv->id);
    rpt_about_pair(&a, il_label(RPT_L_TITLE, w->zh), inv->title);
    rpt_about_pair(&a, il_label(RPT_L_REGION, w->zh), inv->region);
    rpt_about_year(&a, il_label(RPT_L_YEAR, w->zh), inv->year);
    rpt_about_pair(&a, il_label(IL_GWP_SET, w->zh), gwp->id);
    rpt_about_pair(&a, il_label(IL_GWP_TITLE, w->zh), gwp->title);
    rpt_about_language(&a);
    rpt_about_gap(&a);
    rpt_about_sets(&a, o.sets, o.n);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, w->m);
    rpt_about_gap(&a);
    rpt_about_pair(&a, il_label(RPT_L_NOTES, w->zh), il_label(IL_METHOD_NOTE, w->zh));
    rpt_about_pair(&a, "", il_label(IL_SECTOR_NOTE, w->zh));
    if (inv->notes && *inv->notes)
        rpt_about_pair(&a, il_label(IL_INV_NOTES, w->zh), inv->notes);
}

/* ------------------------------------------------------------ the writer */

/* Sets the document properties from the inventory's identity. */
static void xw_properties(xw *w)
{
    const inventory *inv = eng_inventory(w->r);
    char title[512], subject[512];
    rpt_fmt(title, sizeof title, "%s %s", il_label(IL_TITLE, w->zh), inv->id ? inv->id : "");
    rpt_fmt(subject, sizeof subject, "%s %ld", inv->region ? inv->region : "", inv->year);
    rpt_xl_properties(&w->xl, title, subject);
}

/* Writes the workbook; sheets in the order Summary, Sectoral table,
 * Calculation (fuel combustion; more sheets past Excel's row limit), the
 * product-method sheets Industry, Agriculture, Forest, Waste (those with
 * rows), Landfill (FOD) (with landfill sites), Factors, About. The Summary
 * and Sectoral table sum over every line sheet and the FOD results block. */
int rpt_inventory_xlsx(const rpt_inventory *inv, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    const eng_result *r = inv->r;
    xw *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "writing workbook '%s': out of memory", path);
        return -1;
    }
    w->r = r;
    w->u = inv->unc;
    w->base_path = inv->base_path;
    w->m = m;
    w->zh = m->zh;
    w->mass_10kt = inv->mass_10kt;
    if (!rpt_xl_open(&w->xl, path, m, &il_labels, err, errlen)) {
        free(w);
        return -1;
    }
    if (!xw_lines_plan(w))
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "counting the calculation rows");
    xw_fod_plan(w);
    xw_properties(w);
    xw_summary(w);
    xw_sectoral(w);
    xc_sheet(w); /* Reporting tables (inventory_xlsx_cn.c) */
    xw_lines_write(w);
    xw_fod_sheet(w);
    rpt_xlsx_indirect(&w->xl, r);
    char *sectoral = xw_sectoral_co2_formula(w);
    rpt_xlsx_checks(&w->xl, r, sectoral);
    free(sectoral);
    xu_sheets(w); /* Uncertainty, Key categories, Monte Carlo (inventory_xlsx_unc*.c) */
    xw_factors(w);
    xw_about(w);
    xw_lines_free(w);
    int rc = rpt_xl_close(&w->xl, path, err, errlen);
    free(w);
    return rc;
}
