/* audit_xlsx_recalc.c - the audit workbook's recalculation blocks: every engine row of a report as live formulas. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_xlsx.h"

/* Header of the fuel table, by column. */
static const rpt_text aw_fuel_cols[RC_NCOLS] = {
    [RC_SUBJECT] = {"Unit / fuel", "机组 / 燃料"},
    [RC_MONTH] = {"Month", "月份"},
    [RC_INPUT] = {"Input (file:line:col)", "输入位置（文件:行:列）"},
    [RC_AMOUNT] = {"Amount (A)", "消耗量 (A)"},
    [RC_UNIT] = {"Unit", "单位"},
    [RC_UNIT_FACTOR] = {"Unit factor", "单位换算系数"},
    [RC_NCV] = {"NCV (C)", "低位发热量 (C)"},
    [RC_NCV_UNIT] = {"NCV unit", "低位发热量单位"},
    [RC_ENERGY] = {"Energy (TJ) = A x unit factor x C", "能量 (TJ) = A × 单位换算系数 × C"},
    [RC_CARBON] = {"Carbon content (B)", "元素碳含量 (B)"},
    [RC_CARBON_UNIT] = {"B unit", "B 单位"},
    [RC_EF] = {"Carbon per unit heat (D = B/C when B is measured)", "单位热值含碳量（实测 B 时 D = B/C）"},
    [RC_EF_UNIT] = {"D unit", "D 单位"},
    [RC_EF_FACTOR] = {"EF factor (units, 44/12)", "换算系数（单位、44/12）"},
    [RC_OXIDATION] = {"Oxidation (E)", "碳氧化率 (E)"},
    [RC_EMISSION] = {"Emission (t CO2) = energy x D x EF factor x E", "排放量 (t CO2) = 能量 × D × 换算系数 × E"},
    [RC_ADJUST] = {"Meter adjustment", "计量器具调整系数"},
    [RC_VERIFIED] = {"Verified (t CO2) = emission x adjustment", "核查值 (t CO2) = 排放量 × 调整系数"},
    [RC_NCV_SRC] = {"NCV source", "低位发热量来源"},
    [RC_EF_SRC] = {"D source", "D 来源"},
    [RC_OX_SRC] = {"Oxidation source", "氧化率来源"},
};

/* Header texts of the process table's fixed columns and the energy table. */
static const rpt_text aw_proc_head[] = {{"Process source", "过程排放源"},
                                        {"Category", "类别"},
                                        {"Input (file:line:col)", "输入位置（文件:行:列）"},
                                        {"Amount", "活动水平"},
                                        {"Unit", "单位"}};
static const rpt_text aw_proc_tail[] = {
    {"EF", "排放因子"},
    {"EF unit", "排放因子单位"},
    {"Conversion", "换算系数"},
    {"Conversion note", "换算说明"},
    {"Emission (t CO2) = amount x terms x EF x conversion", "排放量 (t CO2) = 活动水平 × 各参数 × 排放因子 × 换算系数"},
    {"Meter adjustment", "计量器具调整系数"},
    {"Verified (t CO2) = emission x adjustment", "核查值 (t CO2) = 排放量 × 调整系数"},
    {"EF source", "排放因子来源"}};
static const rpt_text aw_energy_head[] = {{"Electricity or heat", "电力或热力"},
                                          {"Grid", "电网"},
                                          {"Input (file:line:col)", "输入位置（文件:行:列）"},
                                          {"Amount", "数量"},
                                          {"Unit", "单位"},
                                          {"Factor", "排放因子"},
                                          {"Factor unit", "排放因子单位"},
                                          {"Factor year", "因子年份"},
                                          {"Conversion", "换算系数"},
                                          {"Sign (exported: -1)", "符号（输出：-1）"}};

/* The rows of one block, worked out the same way for the plan and the writing. */
typedef struct {
    lxw_row_t fuel_hdr, proc_hdr, energy_hdr; /* header rows (0: no such table) */
    lxw_row_t totals;                         /* the first totals row */
    lxw_row_t end;                            /* first row after the block */
    size_t nfuel_rows, nproc_rows, nenergy;   /* data rows (fuel rows include the year sums) */
} aw_layout;

/* Whether calculation row i of `e` starts a new fuel (or is the first). */
static bool aw_new_fuel(const aud_enterprise *e, size_t i)
{
    return i == 0 || e->rows[i - 1].kind != e->rows[i].kind || e->rows[i - 1].unit != e->rows[i].unit ||
           e->rows[i - 1].src != e->rows[i].src;
}

/* The purchased and exported energy rows the engine computed for `e`. */
static size_t aw_energy_count(const aud_enterprise *e)
{
    const eng_indirect_line *ind;
    return e->eng ? eng_indirect(e->eng, &ind) : 0;
}

/* Lays out the block of `e` from row `row0`. */
static void aw_layout_of(const aud_enterprise *e, lxw_row_t row0, aw_layout *L)
{
    memset(L, 0, sizeof *L);
    lxw_row_t r = row0 + 2; /* title, note */
    if (!e->recomputed) {
        L->end = r + 1;
        return;
    }
    for (size_t i = 0; i < e->nrows; i++) {
        if (e->rows[i].kind != AUD_ROW_FUEL) {
            L->nproc_rows++;
            continue;
        }
        L->nfuel_rows++;
        const aud_fuel *f = &e->rep->units[e->rows[i].unit].fuels[e->rows[i].src];
        if (aw_new_fuel(e, i) && f->calc.nrows > 1)
            L->nfuel_rows++; /* its year row */
    }
    L->nenergy = aw_energy_count(e);
    r++;
    if (L->nfuel_rows) {
        L->fuel_hdr = r + 1;
        r += 2 + (lxw_row_t)L->nfuel_rows + 1;
    }
    if (L->nproc_rows) {
        L->proc_hdr = r + 1;
        r += 2 + (lxw_row_t)L->nproc_rows + 1;
    }
    if (L->nenergy) {
        L->energy_hdr = r + 1;
        r += 2 + (lxw_row_t)L->nenergy + 1;
    }
    L->totals = r;
    r += (L->nfuel_rows > 0) + (L->nproc_rows > 0) + (L->nenergy > 0) + 1;
    L->end = r;
}

/* The sheet name of the enterprise ranked k (0-based) in its own sheet:
 * "k+1 id" ("重算k+1 id"), characters Excel refuses replaced, cut at
 * Excel's 31 characters. The rank, unique in the batch, comes before the
 * cut: the names stay unique. */
static void aw_sheet_name(const aw *w, const aud_enterprise *e, size_t k, char *buf, size_t len)
{
    const char *id = e->rep && e->rep->id ? e->rep->id : e->path;
    const char *slash = e->rep ? NULL : strrchr(id, '/');
    rpt_fmt(buf, len, "%s%zu %s", aw_sheet(w, AWL_SHEET_ENTERPRISE), k + 1, slash ? slash + 1 : id);
    size_t units = 0, i = 0;
    for (; buf[i]; i++) {
        unsigned char c = (unsigned char)buf[i];
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte */
        units += c >= 0xF0 ? 2 : 1; /* Excel counts UTF-16 units */
        if (units > LXW_SHEETNAME_MAX)
            break;
    }
    buf[i] = '\0';
    for (char *p = buf; *p; p++)
        if (strchr("[]:*?/\\'", *p))
            *p = '_';
}

/* The most product terms of any process row of the batch (at least 2). */
static unsigned aw_max_terms(const aud_batch *b)
{
    unsigned n = 2;
    for (size_t i = 0; i < b->n; i++)
        for (size_t k = 0; k < b->ent[i]->nrows; k++) {
            const eng_chain *c = b->ent[i]->rows[k].line.chain;
            if (c && c->nterms > n)
                n = c->nterms;
        }
    return n;
}

bool aw_recalc_plan(aw *w)
{
    const aud_batch *b = w->b;
    w->place = calloc(b->n ? b->n : 1, sizeof *w->place);
    if (!w->place)
        return false;
    w->stacked = b->n > AW_MAX_SHEETS;
    w->nterms = aw_max_terms(b);
    w->proc_ef = (lxw_col_t)(RC_TERM0 + 2 * w->nterms);
    w->proc_emission = w->proc_ef + 4 > RC_EMISSION ? w->proc_ef + 4 : RC_EMISSION;
    units_parse("tC/GJ", &w->tc_gj, NULL, 0);
    lxw_row_t row = 0;
    unsigned sheet = 0;
    for (size_t k = 0; k < b->n; k++) {
        const aud_enterprise *e = b->ent[b->order[k]];
        aw_place *p = &w->place[b->order[k]];
        aw_layout L;
        aw_layout_of(e, 0, &L);
        if (w->stacked && aud_status_of(e) == AUD_ST_CLEAN)
            continue; /* a large batch: blocks for the reports with findings only */
        if (!w->stacked)
            aw_sheet_name(w, e, k, p->sheet, sizeof p->sheet);
        else {
            if (row > 0 && row + L.end > AW_STACK_ROWS) {
                sheet++;
                row = 0;
            }
            if (sheet)
                snprintf(p->sheet, sizeof p->sheet, "%s %u", aw_sheet(w, AWL_SHEET_STACKED), sheet + 1);
            else
                snprintf(p->sheet, sizeof p->sheet, "%s", aw_sheet(w, AWL_SHEET_STACKED));
        }
        p->row0 = w->stacked ? row : 0;
        aw_layout_of(e, p->row0, &L);
        p->has_total = e->recomputed;
        p->total_row = L.end - 1;
        p->end = L.end;
        row = L.end + 1;
    }
    return true;
}

/* The file name of `path`, without its folders (the block's title has the path). */
static const char *aw_base(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path;
}

/* "file.yaml:line:col" of `at`, the file without its folders. */
static void aw_short_where(src_loc at, char *buf, size_t len)
{
    at.file = aw_base(at.file);
    aw_where(&at, buf, len);
}

/* The input position of engine record `rec` of `e`. */
static void aw_record_where(const aud_enterprise *e, size_t rec, char *buf, size_t len)
{
    const inv_record *r = inv_rec(e->inv, rec);
    aw_short_where((src_loc){e->path, r->at.line, r->at.col}, buf, len);
}

/* "report: NCV (C)" for a value the report gave on the row's own line
 * (`line`: the Input column says where), "report: oxidation (E)
 * (file.yaml:48:20)" for one from another line, "set: ref" for one from a
 * factor set, into buf. */
static void aw_hit_text(const eng_hit *h, unsigned line, char *buf, size_t len)
{
    char where[512];
    if (!h->v) {
        buf[0] = '\0';
        return;
    }
    const char *ref = h->v->ref ? h->v->ref : "report";
    if (fs_hit_set(h) && strcmp(fs_hit_set(h), "record") == 0 && h->v->at.line != line) {
        aw_short_where(h->v->at, where, sizeof where);
        rpt_fmt(buf, len, "%s (%s)", ref, where);
    } else if (fs_hit_set(h) && strcmp(fs_hit_set(h), "record") == 0)
        rpt_fmt(buf, len, "%s", ref);
    else
        rpt_fmt(buf, len, "%s%s%s", fs_hit_set(h) ? fs_hit_set(h) : "", h->v->ref ? ": " : "", h->v->ref ? h->v->ref : "");
}

/* Makes header row `hdr` tall enough for its wrapped texts. */
static void aw_header_height(aw *w, lxw_worksheet *ws, lxw_row_t hdr)
{
    if (!w->xl.err)
        rpt_xl_check(&w->xl, worksheet_set_row(ws, hdr, AW_HEADER_HEIGHT, NULL), "setting a row height");
}

/* Writes the title and the note of a block. */
static void aw_block_title(aw *w, lxw_worksheet *ws, lxw_row_t row0, size_t rank, const aud_enterprise *e)
{
    char buf[1024];
    if (e->rep)
        rpt_fmt(buf, sizeof buf, "%zu. %s: %s - %s (%s)", rank + 1, e->rep->id, e->rep->name ? e->rep->name : "",
                aw_label(w, AWL_RECALC_TITLE), e->path);
    else
        rpt_fmt(buf, sizeof buf, "%zu. %s - %s", rank + 1, e->path, aw_label(w, AWL_RECALC_TITLE));
    rpt_xl_str(&w->xl, ws, row0, 0, buf, RPT_F_TITLE);
    rpt_label_id note = e->recomputed ? AWL_RECALC_NOTE : e->readable ? AWL_RECALC_NONE : AWL_RECALC_UNREADABLE;
    rpt_xl_str(&w->xl, ws, row0 + 1, 0, aw_label(w, note), RPT_F_NONE);
}

/* The carbon content B that row `cr` of fuel `f` was computed with (its
 * month's, or the year's for a fuel without months), or NULL when D did not
 * come from B / C (not measured: the declared D or the factor set's). */
static const aud_num *aw_row_carbon(const aud_fuel *f, const aud_calc_row *cr)
{
    const eng_hit *h = &cr->line.res->ef[GAS_CO2];
    if (!h->v || !fs_hit_set(h) || strcmp(fs_hit_set(h), "record") != 0 || !h->v->ref || !strstr(h->v->ref, "(B/C)"))
        return NULL;
    if (!cr->month)
        return f->carbon.given ? &f->carbon : NULL;
    for (size_t m = 0; m < f->nmonths; m++)
        if (f->months[m].month == cr->month)
            return f->months[m].carbon.given ? &f->months[m].carbon : NULL;
    return NULL;
}

/* Writes B and D of a fuel row: D = B / C as a formula (times the unit
 * conversion when B and C are not per the same amount unit in tC and GJ)
 * when B was measured, else D as the number it was. */
static void aw_fuel_carbon(aw *w, lxw_worksheet *ws, lxw_row_t row, const aud_fuel *f, const aud_calc_row *cr)
{
    const aud_num *b = aw_row_carbon(f, cr);
    const eng_res *res = cr->line.res;
    rpt_xl_str(&w->xl, ws, row, RC_EF_UNIT, res->ef[GAS_CO2].v ? res->ef[GAS_CO2].v->unit_text : "", RPT_F_NONE);
    if (!b) {
        rpt_xl_num(&w->xl, ws, row, RC_EF, cr->line.ef, RPT_F_GENERAL);
        return;
    }
    char fm[RPT_XL_FORMULA_MAX], k[40];
    double scale = f->carbon_unit.scale / (f->ncv_unit.scale * w->tc_gj.scale); /* 1 for tC/t over GJ/t */
    rpt_num_text(scale, k, sizeof k);
    rpt_xl_num(&w->xl, ws, row, RC_CARBON, b->v, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, RC_CARBON_UNIT, f->carbon_unit_text, RPT_F_NONE);
    snprintf(fm, sizeof fm, "=%s/%s%s%s", rpt_xl_cell(row, RC_CARBON).s, rpt_xl_cell(row, RC_NCV).s,
             fabs(scale - 1) < 1e-15 ? "" : "*", fabs(scale - 1) < 1e-15 ? "" : k);
    rpt_xl_formula(&w->xl, ws, row, RC_EF, fm, cr->line.ef, RPT_F_GENERAL);
}

/* Writes one fuel row: A x unit factor x C = energy; energy x D x EF factor
 * x E = emission (the engine's order); emission x adjustment = verified. */
static void aw_fuel_row(aw *w, lxw_worksheet *ws, lxw_row_t row, const aud_enterprise *e, const aud_calc_row *cr)
{
    static const lxw_col_t energy[] = {RC_AMOUNT, RC_UNIT_FACTOR, RC_NCV};
    static const lxw_col_t emission[] = {RC_ENERGY, RC_EF, RC_EF_FACTOR, RC_OXIDATION};
    static const lxw_col_t verified[] = {RC_EMISSION, RC_ADJUST};
    const aud_unit *u = &e->rep->units[cr->unit];
    const aud_fuel *f = &u->fuels[cr->src];
    const eng_line *l = &cr->line;
    const eng_res *res = l->res;
    rpt_xl *x = &w->xl;
    char buf[1024];
    double adj = aud_meter_factor(&f->meter, cr->month, false);
    snprintf(buf, sizeof buf, "unit %s / %s", u->id ? u->id : "?", f->fuel ? f->fuel : "?");
    rpt_xl_str(x, ws, row, RC_SUBJECT, buf, RPT_F_NONE);
    if (cr->month)
        rpt_xl_num(x, ws, row, RC_MONTH, cr->month, RPT_F_INT);
    aw_record_where(e, l->rec, buf, sizeof buf);
    rpt_xl_str(x, ws, row, RC_INPUT, buf, RPT_F_NONE);
    rpt_xl_num(x, ws, row, RC_AMOUNT, l->amount, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RC_UNIT, f->unit_text, RPT_F_NONE);
    rpt_xl_num(x, ws, row, RC_UNIT_FACTOR, l->unit_factor, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RC_NCV, l->ncv, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RC_NCV_UNIT, res->ncv.v ? res->ncv.v->unit_text : "", RPT_F_NONE);
    rpt_xl_product(x, ws, row, RC_ENERGY, energy, 3, l->energy_tj, RPT_F_TJ);
    aw_fuel_carbon(w, ws, row, f, cr);
    rpt_xl_num(x, ws, row, RC_EF_FACTOR, l->ef_factor, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, RC_OXIDATION, l->oxidation, RPT_F_GENERAL);
    rpt_xl_product(x, ws, row, RC_EMISSION, emission, 4, l->emission_t, RPT_F_T);
    rpt_xl_num(x, ws, row, RC_ADJUST, adj, RPT_F_GENERAL);
    rpt_xl_product(x, ws, row, RC_VERIFIED, verified, 2, l->emission_t * adj, RPT_F_T);
    aw_hit_text(&res->ncv, inv_rec(e->inv, l->rec)->at.line, buf, sizeof buf);
    rpt_xl_str(x, ws, row, RC_NCV_SRC, buf, RPT_F_NONE);
    aw_hit_text(&res->ef[GAS_CO2], inv_rec(e->inv, l->rec)->at.line, buf, sizeof buf);
    rpt_xl_str(x, ws, row, RC_EF_SRC, buf, RPT_F_NONE);
    aw_hit_text(&res->oxid, inv_rec(e->inv, l->rec)->at.line, buf, sizeof buf);
    rpt_xl_str(x, ws, row, RC_OX_SRC, res->oxid.v ? buf : "1 (complete oxidation)", RPT_F_NONE);
}

/* Writes the year row of fuel `f` over its month rows first..last:
 * SUBTOTAL(9, ...) of amount, energy, emission and verified (so that the
 * combustion total, a SUBTOTAL over the whole table, counts each row once). */
static void aw_fuel_year(aw *w, lxw_worksheet *ws, lxw_row_t row, lxw_row_t first, const aud_unit *u, const aud_fuel *f)
{
    static const lxw_col_t cols[] = {RC_AMOUNT, RC_ENERGY, RC_EMISSION, RC_VERIFIED};
    const aud_calc *c = &f->calc;
    const double cached[] = {c->amount, c->energy_gj / 1000, c->emission_t, c->conservative_t}; /* GJ -> TJ */
    char buf[256], fm[RPT_XL_FORMULA_MAX];
    snprintf(buf, sizeof buf, "unit %s / %s", u->id ? u->id : "?", f->fuel ? f->fuel : "?");
    rpt_xl_str(&w->xl, ws, row, RC_SUBJECT, buf, RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, RC_MONTH, aw_label(w, AWL_YEAR_SUM), RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, RC_UNIT, f->unit_text, RPT_F_BOLD);
    for (size_t i = 0; i < 4; i++) {
        snprintf(fm, sizeof fm, "=SUBTOTAL(9,%s)", rpt_xl_range(NULL, first, cols[i], row - 1, cols[i], false).s);
        rpt_xl_formula(&w->xl, ws, row, cols[i], fm, cached[i], i ? RPT_F_T_BOLD : RPT_F_GENERAL);
    }
}

/* Writes the fuel table from header row `hdr`; returns the last data row. */
static lxw_row_t aw_fuels(aw *w, lxw_worksheet *ws, lxw_row_t hdr, const aud_enterprise *e)
{
    rpt_xl_str(&w->xl, ws, hdr - 1, 0, aw_label(w, AWL_FUELS), RPT_F_BOLD);
    aw_header_height(w, ws, hdr);
    rpt_xl_header_texts(&w->xl, ws, hdr, aw_fuel_cols, RC_NCOLS);
    lxw_row_t row = hdr + 1, first = row;
    for (size_t i = 0; i < e->nrows; i++) {
        const aud_calc_row *cr = &e->rows[i];
        if (cr->kind != AUD_ROW_FUEL)
            continue;
        if (aw_new_fuel(e, i))
            first = row;
        aw_fuel_row(w, ws, row++, e, cr);
        const aud_unit *u = &e->rep->units[cr->unit];
        bool last = i + 1 == e->nrows || aw_new_fuel(e, i + 1);
        if (last && u->fuels[cr->src].calc.nrows > 1)
            aw_fuel_year(w, ws, row++, first, u, &u->fuels[cr->src]);
    }
    return row - 1;
}

/* Writes the process table's header with w->nterms term pairs. */
static void aw_proc_header(aw *w, lxw_worksheet *ws, lxw_row_t hdr)
{
    char buf[128];
    for (lxw_col_t c = 0; c < RC_TERM0; c++)
        rpt_xl_str(&w->xl, ws, hdr, c, rpt_tr(&aw_proc_head[c], w->zh), RPT_F_HEADER);
    for (unsigned k = 0; k < w->nterms; k++) {
        rpt_fmt(buf, sizeof buf, "%s %u", aw_label(w, AWL_TERM), k + 1);
        rpt_xl_str(&w->xl, ws, hdr, (lxw_col_t)(RC_TERM0 + 2 * k), buf, RPT_F_HEADER);
        rpt_fmt(buf, sizeof buf, "%s %u: %s", aw_label(w, AWL_TERM), k + 1, aw_label(w, AWL_TERM_NAME));
        rpt_xl_str(&w->xl, ws, hdr, (lxw_col_t)(RC_TERM0 + 2 * k + 1), buf, RPT_F_HEADER);
    }
    for (lxw_col_t c = 0; c < 4; c++)
        rpt_xl_str(&w->xl, ws, hdr, w->proc_ef + c, rpt_tr(&aw_proc_tail[c], w->zh), RPT_F_HEADER);
    for (lxw_col_t c = 0; c < 4; c++)
        rpt_xl_str(&w->xl, ws, hdr, w->proc_emission + c, rpt_tr(&aw_proc_tail[4 + c], w->zh), RPT_F_HEADER);
}

/* Appends "*F7", "*(1-F7)" or "*(1+F7)" for the term in (row, col). */
static void aw_term_factor(char *f, size_t len, size_t *used, fset_term kind, lxw_row_t row, lxw_col_t col)
{
    rpt_ref c = rpt_xl_cell(row, col);
    int n = kind == FSET_TERM_ONE_MINUS  ? snprintf(f + *used, len - *used, "*(1-%s)", c.s)
            : kind == FSET_TERM_ONE_PLUS ? snprintf(f + *used, len - *used, "*(1+%s)", c.s)
                                         : snprintf(f + *used, len - *used, "*%s", c.s);
    if (n > 0 && (size_t)n < len - *used)
        *used += (size_t)n;
}

/* Writes one process row: amount x each term (as written, (1-x) or (1+x))
 * x EF x conversion in the engine's order; verified = emission x adjustment. */
static void aw_proc_row(aw *w, lxw_worksheet *ws, lxw_row_t row, const aud_enterprise *e, const aud_calc_row *cr)
{
    const aud_process *p = &e->rep->proc[cr->src];
    const eng_line *l = &cr->line;
    const eng_chain *c = l->chain;
    rpt_xl *x = &w->xl;
    char buf[1024], fm[RPT_XL_FORMULA_MAX];
    size_t used = (size_t)snprintf(fm, sizeof fm, "=%s", rpt_xl_cell(row, RC_AMOUNT).s);
    double adj = aud_meter_factor(&p->meter, 0, false);
    rpt_fmt(buf, sizeof buf, "process %s (%s)", p->id ? p->id : p->material, p->kind);
    rpt_xl_str(x, ws, row, RC_SUBJECT, buf, RPT_F_NONE);
    rpt_xl_str(x, ws, row, RC_MONTH, p->category, RPT_F_NONE);
    aw_record_where(e, l->rec, buf, sizeof buf);
    rpt_xl_str(x, ws, row, RC_INPUT, buf, RPT_F_NONE);
    rpt_xl_num(x, ws, row, RC_AMOUNT, l->amount, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, RC_UNIT, p->unit_text, RPT_F_NONE);
    for (unsigned k = 0; c && k < c->nterms; k++) {
        lxw_col_t v = (lxw_col_t)(RC_TERM0 + 2 * k);
        const eng_hit *h = &c->term[k];
        rpt_xl_num(x, ws, row, v, l->term[k], RPT_F_GENERAL);
        rpt_fmt(buf, sizeof buf, "%s [%s]%s", fs_hit_param(h) ? fs_hit_param(h) : "?",
                h->v && h->v->unit_text ? h->v->unit_text : "1",
                c->kind[k] == FSET_TERM_ONE_MINUS  ? " (1 - x)"
                : c->kind[k] == FSET_TERM_ONE_PLUS ? " (1 + x)"
                                                   : "");
        rpt_xl_str(x, ws, row, v + 1, buf, RPT_F_NONE);
        aw_term_factor(fm, sizeof fm, &used, c->kind[k], row, v);
    }
    rpt_xl_num(x, ws, row, w->proc_ef, l->ef, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, w->proc_ef + 1, c && c->ef.v ? c->ef.v->unit_text : "", RPT_F_NONE);
    rpt_xl_num(x, ws, row, w->proc_ef + 2, l->ef_factor, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, w->proc_ef + 3, c ? c->conversion_note : "", RPT_F_NONE);
    aw_term_factor(fm, sizeof fm, &used, FSET_TERM_MUL, row, w->proc_ef);
    aw_term_factor(fm, sizeof fm, &used, FSET_TERM_MUL, row, w->proc_ef + 2);
    rpt_xl_formula(x, ws, row, w->proc_emission, fm, l->emission_t, RPT_F_T);
    rpt_xl_num(x, ws, row, w->proc_emission + 1, adj, RPT_F_GENERAL);
    const lxw_col_t ver[] = {w->proc_emission, w->proc_emission + 1};
    rpt_xl_product(x, ws, row, w->proc_emission + 2, ver, 2, l->emission_t * adj, RPT_F_T);
    if (c)
        aw_hit_text(&c->ef, inv_rec(e->inv, l->rec)->at.line, buf, sizeof buf);
    rpt_xl_str(x, ws, row, w->proc_emission + 3, c ? buf : "", RPT_F_NONE);
}

/* Writes the process table from header row `hdr`. */
static void aw_procs(aw *w, lxw_worksheet *ws, lxw_row_t hdr, const aud_enterprise *e)
{
    rpt_xl_str(&w->xl, ws, hdr - 1, 0, aw_label(w, AWL_PROCESS), RPT_F_BOLD);
    aw_header_height(w, ws, hdr);
    aw_proc_header(w, ws, hdr);
    lxw_row_t row = hdr + 1;
    for (size_t i = 0; i < e->nrows; i++)
        if (e->rows[i].kind == AUD_ROW_PROCESS)
            aw_proc_row(w, ws, row++, e, &e->rows[i]);
}

/* Writes the energy table from header row `hdr`: amount x factor x
 * conversion x sign (the engine's indirect row, negative when exported). */
static void aw_energies(aw *w, lxw_worksheet *ws, lxw_row_t hdr, const aud_enterprise *e)
{
    static const lxw_col_t em[] = {RC_AMOUNT, RE_FACTOR, RE_CONVERSION, RE_SIGN};
    static const lxw_col_t ver[] = {RC_EMISSION, RC_ADJUST};
    const eng_indirect_line *ind;
    size_t n = eng_indirect(e->eng, &ind);
    rpt_xl *x = &w->xl;
    char buf[1024];
    rpt_xl_str(x, ws, hdr - 1, 0, aw_label(w, AWL_ENERGY), RPT_F_BOLD);
    aw_header_height(w, ws, hdr);
    for (lxw_col_t c = 0; c < sizeof aw_energy_head / sizeof *aw_energy_head; c++)
        rpt_xl_str(x, ws, hdr, c, rpt_tr(&aw_energy_head[c], w->zh), RPT_F_HEADER);
    for (lxw_col_t c = 0; c < 3; c++)
        rpt_xl_str(x, ws, hdr, RC_EMISSION + c, rpt_tr(&aw_fuel_cols[RC_EMISSION + c], w->zh), RPT_F_HEADER);
    rpt_xl_str(x, ws, hdr, RC_EF_SRC, rpt_tr(&aw_proc_tail[7], w->zh), RPT_F_HEADER);
    for (size_t i = 0; i < n && i < e->rep->nenergy; i++) {
        const aud_energy *a = &e->rep->energy[i];
        lxw_row_t row = hdr + 1 + (lxw_row_t)i;
        rpt_fmt(buf, sizeof buf, "%s %s", aw_label(w, a->exported ? AWL_EXPORTED : AWL_PURCHASED), a->kind);
        rpt_xl_str(x, ws, row, RC_SUBJECT, buf, RPT_F_NONE);
        rpt_xl_str(x, ws, row, RC_MONTH, a->grid ? a->grid : "national", RPT_F_NONE);
        aw_short_where(a->at, buf, sizeof buf);
        rpt_xl_str(x, ws, row, RC_INPUT, buf, RPT_F_NONE);
        rpt_xl_num(x, ws, row, RC_AMOUNT, ind[i].amount, RPT_F_GENERAL);
        rpt_xl_str(x, ws, row, RC_UNIT, a->unit_text, RPT_F_NONE);
        rpt_xl_num(x, ws, row, RE_FACTOR, ind[i].ef_value, RPT_F_GENERAL);
        rpt_xl_str(x, ws, row, RE_FACTOR_UNIT, ind[i].ef.v ? ind[i].ef.v->unit_text : "", RPT_F_NONE);
        rpt_xl_num(x, ws, row, RE_YEAR, ind[i].factor_year ? (double)ind[i].factor_year : NAN, RPT_F_INT);
        rpt_xl_num(x, ws, row, RE_CONVERSION, ind[i].conversion, RPT_F_GENERAL);
        rpt_xl_num(x, ws, row, RE_SIGN, a->exported ? -1 : 1, RPT_F_INT);
        rpt_xl_product(x, ws, row, RC_EMISSION, em, 4, a->calc.emission_t, RPT_F_T);
        rpt_xl_num(x, ws, row, RC_ADJUST, 1, RPT_F_GENERAL);
        rpt_xl_product(x, ws, row, RC_VERIFIED, ver, 2, a->calc.emission_t, RPT_F_T);
        aw_hit_text(&ind[i].ef, a->at.line, buf, sizeof buf);
        rpt_xl_str(x, ws, row, RC_EF_SRC, buf, RPT_F_NONE);
    }
}

/* Writes one totals row: label in column A, `note` in B, and in the
 * emission and verified columns the formulas fe and fv with their values. */
static void aw_total_row(aw *w, lxw_worksheet *ws, lxw_row_t row, const char *label, const char *note, const char *fe,
                         double ve, const char *fv, double vv)
{
    rpt_xl_str(&w->xl, ws, row, RC_SUBJECT, label, RPT_F_BOLD);
    rpt_xl_str(&w->xl, ws, row, RC_MONTH, note, RPT_F_NONE);
    rpt_xl_formula(&w->xl, ws, row, RC_EMISSION, fe, ve, RPT_F_T_BOLD);
    rpt_xl_formula(&w->xl, ws, row, RC_VERIFIED, fv, vv, RPT_F_T_BOLD);
}

/* "=SUBTOTAL(9,N5:N30)" (fn "SUBTOTAL(9," or "SUM(") over column `col` rows r0..r1 into f. */
static void aw_sum_formula(char *f, size_t len, const char *fn, lxw_row_t r0, lxw_row_t r1, lxw_col_t col)
{
    snprintf(f, len, "=%s%s)", fn, rpt_xl_range(NULL, r0, col, r1, col, false).s);
}

/* Writes the totals rows of a block: combustion, process and energy (each
 * when present) and the enterprise total, which the Summary refers to. */
static void aw_totals(aw *w, lxw_worksheet *ws, const aw_layout *L, const aud_enterprise *e, lxw_row_t fuel_last)
{
    const aud_report *rep = e->rep;
    char fe[RPT_XL_FORMULA_MAX], fv[RPT_XL_FORMULA_MAX], te[RPT_XL_FORMULA_MAX] = "=0", tv[RPT_XL_FORMULA_MAX] = "=0";
    double ve = 0, vv = 0;
    lxw_row_t row = L->totals;
    if (L->fuel_hdr) {
        for (size_t u = 0; u < rep->nunits; u++)
            ve += rep->units[u].calc.emission_t, vv += rep->units[u].calc.conservative_t;
        aw_sum_formula(fe, sizeof fe, "SUBTOTAL(9,", L->fuel_hdr + 1, fuel_last, RC_EMISSION);
        aw_sum_formula(fv, sizeof fv, "SUBTOTAL(9,", L->fuel_hdr + 1, fuel_last, RC_VERIFIED);
        aw_total_row(w, ws, row++, aw_label(w, AWL_COMBUSTION_TOTAL), NULL, fe, ve, fv, vv);
    }
    if (L->proc_hdr) {
        lxw_row_t r0 = L->proc_hdr + 1, r1 = L->proc_hdr + (lxw_row_t)L->nproc_rows;
        ve = vv = 0;
        for (size_t p = 0; p < rep->nproc; p++)
            ve += rep->proc[p].calc.emission_t, vv += rep->proc[p].calc.conservative_t;
        aw_sum_formula(fe, sizeof fe, "SUBTOTAL(9,", r0, r1, w->proc_emission);
        aw_sum_formula(fv, sizeof fv, "SUBTOTAL(9,", r0, r1, w->proc_emission + 2);
        aw_total_row(w, ws, row++, aw_label(w, AWL_PROCESS_TOTAL), NULL, fe, ve, fv, vv);
    }
    if (L->energy_hdr) {
        lxw_row_t r0 = L->energy_hdr + 1, r1 = L->energy_hdr + (lxw_row_t)L->nenergy;
        bool counted = rep->total_indirect.given;
        ve = 0;
        for (size_t i = 0; i < rep->nenergy; i++)
            ve += rep->energy[i].calc.emission_t;
        aw_sum_formula(fe, sizeof fe, "SUM(", r0, r1, RC_EMISSION);
        aw_sum_formula(fv, sizeof fv, "SUM(", r0, r1, RC_VERIFIED);
        aw_total_row(w, ws, row, aw_label(w, AWL_INDIRECT_TOTAL),
                     aw_label(w, counted ? AWL_INDIRECT_COUNTED : AWL_INDIRECT_NOT_COUNTED), fe, ve, fv, ve);
    }
    /* The rows the total adds: the energy row (at `row`) only when the report counts it. */
    lxw_row_t last = row + (L->energy_hdr && rep->total_indirect.given);
    size_t ue = 0, uv = 0;
    for (lxw_row_t r = L->totals; r < last; r++) {
        ue += (size_t)snprintf(te + ue, sizeof te - ue, "%s%s", ue ? "+" : "=", rpt_xl_cell(r, RC_EMISSION).s);
        uv += (size_t)snprintf(tv + uv, sizeof tv - uv, "%s%s", uv ? "+" : "=", rpt_xl_cell(r, RC_VERIFIED).s);
    }
    aw_total_row(w, ws, L->end - 1, aw_label(w, AWL_ENTERPRISE_TOTAL), NULL, te, e->recomputed_t, tv,
                 e->conservative_t);
}

/* Writes the block of the enterprise ranked `rank` on `ws` at its place. */
static void aw_block(aw *w, lxw_worksheet *ws, size_t rank, const aud_enterprise *e, const aw_place *p)
{
    aw_layout L;
    aw_layout_of(e, p->row0, &L);
    aw_block_title(w, ws, p->row0, rank, e);
    if (!e->recomputed)
        return;
    lxw_row_t fuel_last = 0;
    if (L.fuel_hdr)
        fuel_last = aw_fuels(w, ws, L.fuel_hdr, e);
    if (L.proc_hdr)
        aw_procs(w, ws, L.proc_hdr, e);
    if (L.energy_hdr)
        aw_energies(w, ws, L.energy_hdr, e);
    aw_totals(w, ws, &L, e, fuel_last);
}

/* Adds a recalculation sheet named `name` with the block columns' widths. */
static lxw_worksheet *aw_recalc_sheet(aw *w, const char *name)
{
    static const double widths[RC_NCOLS] = {30, 9,  30, 12, 10, 10, 10, 12, 16, 10, 12,
                                            14, 10, 12, 10, 18, 10, 18, 40, 40, 34};
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, name);
    if (ws) {
        rpt_xl_widths(&w->xl, ws, widths, RC_NCOLS);
        aw_print_setup(w, ws);
    }
    return ws;
}

void aw_recalc(aw *w)
{
    const aud_batch *b = w->b;
    lxw_worksheet *ws = NULL;
    const char *current = NULL;
    for (size_t k = 0; k < b->n && !w->xl.err; k++) {
        const aw_place *p = &w->place[b->order[k]];
        if (!p->sheet[0])
            continue;
        if (!current || strcmp(current, p->sheet) != 0) {
            ws = aw_recalc_sheet(w, p->sheet);
            current = p->sheet;
        }
        if (ws)
            aw_block(w, ws, k, b->ent[b->order[k]], p);
    }
}
