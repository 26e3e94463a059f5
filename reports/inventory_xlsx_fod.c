/* inventory_xlsx_fod.c - the "Landfill (FOD)" sheet: per site the first-order-decay model year by year, as formulas. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inventory_xlsx.h"

/* Rows (0-based) of the sheet's head and of the FOD results block, which the
 * Summary and the Sectoral table sum over (bounded rows, fixed columns). */
enum {
    FOD_ROW_TITLE = 0,
    FOD_ROW_NOTE = 1,
    FOD_ROW_RES_HEADING = 3,
    FOD_ROW_RES_HEADER = 4,
    FOD_ROW_RES0 = 5 /* one row per site */
};

/* Chinese names of the waste types, site types and climate zones (the
 * English ones are fod.c's). */
static const char *const fod_waste_zh[FOD_NWASTE] = {
    "食品垃圾", "园林和公园废弃物", "纸和纸板", "木材和秸秆", "纺织品", "一次性尿布", "橡胶和皮革", "混合城市固体废弃物",
};
static const char *const fod_site_zh[FOD_NSITE_TYPE] = {
    "管理型厌氧", "管理型半好氧", "非管理型深埋（≥5米）", "非管理型浅埋（<5米）", "未分类",
};
static const char *const fod_climate_zh[FOD_NCLIMATE] = {"", "温带干燥", "温带湿润", "热带干燥", "热带湿润"};

/* The label of waste type t: "Food waste (food)", "食品垃圾 (food)". */
static void fod_type_text(const xw *w, fod_waste t, char *buf, size_t len)
{
    const char *label = w->zh && (int)t >= 0 && t < FOD_NWASTE ? fod_waste_zh[t] : fod_waste_label(t);
    rpt_fmt(buf, len, "%s (%s)", label ? label : "", fod_waste_name(t) ? fod_waste_name(t) : "");
}

/* The name of site type t in the workbook's language. */
static const char *fod_site_text(const xw *w, fod_site_type t)
{
    return w->zh && (int)t >= 0 && t < FOD_NSITE_TYPE ? fod_site_zh[t] : fod_site_type_name(t);
}

/* The name of climate zone c in the workbook's language ("" for none). */
static const char *fod_climate_text(const xw *w, fod_climate c)
{
    if (c == FOD_CLIMATE_NONE)
        return "";
    return w->zh && (int)c >= 0 && c < FOD_NCLIMATE ? fod_climate_zh[c] : fod_climate_name(c);
}

/* Columns of the FOD results block. */
enum { FR_CATEGORY, FR_SECTOR, FR_GAS, FR_EMISSION, FR_CO2E, FR_GWP, FR_SITE, FR_COUNT };

/* Rows of a site block, relative to its first row. */
enum {
    FB_TITLE = 0,
    FB_SITE_TYPE,
    FB_CATEGORY,
    FB_CLIMATE,
    FB_UNIT,
    FB_UNIT_TO_GG, /* B: the deposit unit in Gg, used by every W formula */
    FB_DEPOSIT_SOURCE,
    FB_SITE_SOURCE,
    FB_PARAM_HEADER = FB_SITE_SOURCE + 2,
    FB_MCF,
    FB_DOCF,
    FB_F,
    FB_OX,
    FB_DELAY,
    FB_M,
    FB_TYPE_HEADER = FB_M + 2,
    FB_TYPE0 /* one row per waste type, then a blank row, then the tables */
};

/* Columns of the site's identity and parameter rows: label, value and
 * source (rpt_xl_pair writes the first two). */
enum { FP_LABEL, FP_VALUE, FP_SOURCE };

/* Columns of the per-type parameter rows. */
enum { FT_LABEL, FT_DOC, FT_DOC_SRC, FT_K, FT_K_SRC, FT_EXP_K, FT_OMEXP_K, FT_EXP_DEP, FT_OMEXP_DEP, FT_COUNT };

/* Columns of a waste type's table (the MCF of the deposit year last, so
 * that the model's columns keep their places). */
enum {
    FY_YEAR,
    FY_DEPOSIT,
    FY_W,
    FY_DDOCMD,
    FY_UNREACTED,
    FY_DEP_DECOMP,
    FY_DDOCMA,
    FY_DECOMP,
    FY_CH4,
    FY_MCF,
    FY_COUNT
};

/* Where the parts of one site block are. */
typedef struct {
    lxw_row_t start;   /* FB_TITLE */
    lxw_row_t mcf0;    /* first row of the MCF-by-period block (when the site has periods or MCFs by type) */
    lxw_row_t table0;  /* heading row of the first waste type's table */
    lxw_row_t summary; /* heading row of the site summary */
    lxw_row_t end;     /* first row after the block */
} fod_layout;

/* A waste type's table: heading, header, one row per year, a blank row. */
static lxw_row_t fod_table_rows(const fod_result *f) { return (lxw_row_t)f->nyears + 3; }

/* Rows of the MCF block: the site's periods, then each column's own. */
static lxw_row_t fod_mcf_rows(const fod_site *s)
{
    size_t n = s->mcf_periods.n;
    for (size_t j = 0; j < s->ntypes; j++)
        n += s->mcf_type[j].n;
    return (lxw_row_t)n;
}

static fod_layout fod_layout_of(const fod_site *s, const fod_result *f, lxw_row_t start)
{
    fod_layout l;
    lxw_row_t nmcf = fod_mcf_rows(s);
    l.start = start;
    l.mcf0 = start + FB_TYPE0 + (lxw_row_t)f->ntypes + 2; /* after a blank row and the block's header */
    l.table0 = start + FB_TYPE0 + (lxw_row_t)f->ntypes + 1 + (nmcf ? nmcf + 2 : 0);
    l.summary = l.table0 + (lxw_row_t)f->ntypes * fod_table_rows(f);
    l.end = l.summary + 2 + (lxw_row_t)f->nyears + 2;
    return l;
}

/* The row whose value cell holds the MCF of column j's deposits of `year`:
 * the column's own period, else the site's period, else the site's MCF. */
static lxw_row_t fod_mcf_cell_row(const fod_site *s, const fod_layout *l, size_t j, int year)
{
    if (s->mcf_type[j].n) {
        lxw_row_t r = l->mcf0 + (lxw_row_t)s->mcf_periods.n;
        for (size_t i = 0; i < j; i++)
            r += (lxw_row_t)s->mcf_type[i].n;
        return r + (lxw_row_t)fod_mcf_period_at(&s->mcf_type[j], year);
    }
    if (s->mcf_periods.n)
        return l->mcf0 + (lxw_row_t)fod_mcf_period_at(&s->mcf_periods, year);
    return l->start + FB_MCF;
}

/* First row of the first site block. */
static lxw_row_t fod_first_block(size_t nsites) { return FOD_ROW_RES0 + (lxw_row_t)nsites + 1; }

/* Columns of the site summary: year, CH4 generated per type, then these. */
enum { FS_TOTAL, FS_R, FS_NET, FS_OX, FS_OXIDISED, FS_EMITTED, FS_EMITTED_T, FS_COUNT };

static lxw_col_t fod_scol(const fod_result *f, int which) { return (lxw_col_t)(1 + f->ntypes + (size_t)which); }

void xw_fod_plan(xw *w)
{
    const fod_result *fod;
    size_t n = eng_fod(w->r, &fod);
    if (!n)
        return;
    int col[XK_COUNT] = {[XK_CATEGORY] = FR_CATEGORY, [XK_SECTOR] = FR_SECTOR, [XK_GAS] = FR_GAS,
                         [XK_EMISSION] = FR_EMISSION, [XK_CO2E] = FR_CO2E,     [XK_MEMO] = XW_NO_COL};
    xw_add_source(w, xw_sheet(w, IL_SHEET_FOD), col, true, FOD_ROW_RES0, FOD_ROW_RES0 + (lxw_row_t)n - 1);
    const inventory *inv = eng_inventory(w->r);
    xw_gwp_use(w, GAS_CH4, gwp_effective_origin(eng_gwp(w->r), GAS_CH4, ENG_FOD_ORIGIN));
    for (size_t i = 0; i < n && w->cinfo; i++) {
        size_t ci = xw_cat_index(w, inv->fod.sites[i].category);
        if (ci != (size_t)-1)
            w->cinfo[ci].gases |= 1u << GAS_CH4;
    }
}

/* The absolute reference of the value of site-block row `row`: "$B$12". */
static rpt_ref fod_value(lxw_row_t row) { return rpt_xl_ref(NULL, row, FP_VALUE, true); }

/* Source text of a model parameter: the built-in default's reference, or
 * the input's source with its place in the file. */
static void fod_param_src(const xw *w, const fod_param *p, char *buf, size_t len)
{
    const char *src = p->source ? p->source : "";
    if (!p->at.line)
        rpt_fmt(buf, len, "%s: %s", il_label(IL_BUILTIN, w->zh), src);
    else
        rpt_fmt(buf, len, "%s (%s:%u)", src, p->at.file ? p->at.file : eng_inventory(w->r)->path, p->at.line);
}

/* Writes a parameter row: label, value, source. */
static void fod_param_row(xw *w, lxw_worksheet *ws, lxw_row_t row, rpt_label_id label, const fod_param *p)
{
    char src[1024];
    fod_param_src(w, p, src, sizeof src);
    rpt_xl_str(&w->xl, ws, row, FP_LABEL, il_label(label, w->zh), RPT_F_NONE);
    rpt_xl_num(&w->xl, ws, row, FP_VALUE, p->value, RPT_F_GENERAL);
    rpt_xl_str(&w->xl, ws, row, FP_SOURCE, src, RPT_F_NONE);
}

/* Writes the site's identity and its parameters (rows FB_TITLE..FB_M). */
static void fod_site_head(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, lxw_row_t b)
{
    static const rpt_label_id hdr[] = {IL_PARAMETER, IL_VALUE, RPT_L_SOURCE};
    rpt_xl *x = &w->xl;
    char buf[1024];
    rpt_fmt(buf, sizeof buf, "%s: %s", il_label(IL_SITE, w->zh), s->name ? s->name : "");
    rpt_xl_str(x, ws, b + FB_TITLE, 0, buf, RPT_F_TITLE);
    rpt_xl_pair(x, ws, b + FB_SITE_TYPE, il_label(IL_SITE_TYPE, w->zh), fod_site_text(w, s->site_type));
    rpt_xl_pair(x, ws, b + FB_CATEGORY, il_label(IL_CATEGORY, w->zh), s->category);
    rpt_xl_pair(x, ws, b + FB_CLIMATE, il_label(IL_CLIMATE, w->zh), fod_climate_text(w, s->climate));
    rpt_xl_pair(x, ws, b + FB_UNIT, il_label(IL_DEPOSIT_UNIT, w->zh), s->deposit_unit);
    rpt_xl_str(x, ws, b + FB_UNIT_TO_GG, FP_LABEL, il_label(IL_UNIT_TO_GG, w->zh), RPT_F_BOLD);
    rpt_xl_num(x, ws, b + FB_UNIT_TO_GG, FP_VALUE, s->deposit_unit_to_gg, RPT_F_GENERAL);
    rpt_xl_pair(x, ws, b + FB_DEPOSIT_SOURCE, il_label(IL_DEPOSIT_SOURCE, w->zh), s->deposit_source);
    rpt_xl_pair(x, ws, b + FB_SITE_SOURCE, il_label(IL_SITE_SOURCE, w->zh), s->source);
    rpt_xl_header(x, ws, b + FB_PARAM_HEADER, hdr, 3);
    fod_param_row(w, ws, b + FB_MCF, IL_MCF, &s->mcf);
    fod_param_row(w, ws, b + FB_DOCF, IL_DOCF, &s->docf);
    fod_param_row(w, ws, b + FB_F, IL_F, &s->f);
    fod_param_row(w, ws, b + FB_OX, IL_OX, &s->ox);
    fod_param_row(w, ws, b + FB_DELAY, IL_DELAY, &s->delay_months);
    rpt_xl_str(x, ws, b + FB_M, FP_LABEL, il_label(IL_MONTH_START, w->zh), RPT_F_NONE);
    snprintf(buf, sizeof buf, "=%s+7", fod_value(b + FB_DELAY).s);
    rpt_xl_formula(x, ws, b + FB_M, FP_VALUE, buf, f->month_start, RPT_F_GENERAL);
}

/* Writes one row per waste type: DOC and k with their sources, and the
 * decay factors as formulas of k and M (1 - e^-x is -expm1(-x) in the
 * engine, within ~1e-15 of the formula). */
static void fod_type_rows(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, lxw_row_t b)
{
    static const rpt_label_id hdr[FT_COUNT] = {
        IL_WASTE_TYPE,      IL_DOC,     IL_DOC_SOURCE,       IL_K, IL_K_SOURCE, IL_EXP_K,
        IL_ONE_MINUS_EXP_K, IL_EXP_DEP, IL_ONE_MINUS_EXP_DEP};
    rpt_xl *x = &w->xl;
    char buf[1024];
    rpt_ref m = fod_value(b + FB_M);
    rpt_xl_header(x, ws, b + FB_TYPE_HEADER, hdr, FT_COUNT);
    for (size_t j = 0; j < f->ntypes; j++) {
        lxw_row_t row = b + FB_TYPE0 + (lxw_row_t)j;
        fod_type_text(w, s->type[j], buf, sizeof buf);
        rpt_xl_str(x, ws, row, FT_LABEL, buf, RPT_F_NONE);
        rpt_xl_num(x, ws, row, FT_DOC, s->doc[j].value, RPT_F_GENERAL);
        fod_param_src(w, &s->doc[j], buf, sizeof buf);
        rpt_xl_str(x, ws, row, FT_DOC_SRC, buf, RPT_F_NONE);
        rpt_xl_num(x, ws, row, FT_K, s->k[j].value, RPT_F_GENERAL);
        fod_param_src(w, &s->k[j], buf, sizeof buf);
        rpt_xl_str(x, ws, row, FT_K_SRC, buf, RPT_F_NONE);
        rpt_ref k = rpt_xl_cell(row, FT_K);
        snprintf(buf, sizeof buf, "=EXP(-%s)", k.s);
        rpt_xl_formula(x, ws, row, FT_EXP_K, buf, f->exp_k[j], RPT_F_GENERAL);
        snprintf(buf, sizeof buf, "=1-EXP(-%s)", k.s);
        rpt_xl_formula(x, ws, row, FT_OMEXP_K, buf, f->one_minus_exp_k[j], RPT_F_GENERAL);
        snprintf(buf, sizeof buf, "=EXP(-%s*((13-%s)/12))", k.s, m.s);
        rpt_xl_formula(x, ws, row, FT_EXP_DEP, buf, f->exp_dep[j], RPT_F_GENERAL);
        snprintf(buf, sizeof buf, "=1-EXP(-%s*((13-%s)/12))", k.s, m.s);
        rpt_xl_formula(x, ws, row, FT_OMEXP_DEP, buf, f->one_minus_exp_dep[j], RPT_F_GENERAL);
    }
}

/* The label of MCF period `p` of `what` ("every waste type", "sludge"):
 * "every waste type, from 1990" or "sludge, every year". */
static void fod_mcf_label(const xw *w, const char *what, const fod_mcf_period *p, char *buf, size_t len)
{
    if (p->from > 0)
        rpt_fmt(buf, len, "%s: %s, %s %d", il_label(IL_MCF, w->zh), what, il_label(IL_MCF_FROM, w->zh), p->from);
    else
        rpt_fmt(buf, len, "%s: %s, %s", il_label(IL_MCF, w->zh), what, il_label(IL_MCF_EVERY_YEAR, w->zh));
}

/* Writes the MCF block when the site has MCF periods or MCFs by waste
 * type: a header, then one row per period (label, value, source), the
 * site's first, then each column's own, in column order. */
static void fod_mcf_block(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_layout *l)
{
    static const rpt_label_id hdr[] = {IL_MCF_PERIODS, IL_VALUE, RPT_L_SOURCE};
    if (!fod_mcf_rows(s))
        return;
    rpt_xl_header(&w->xl, ws, l->mcf0 - 1, hdr, 3);
    lxw_row_t row = l->mcf0;
    char label[256], src[1024];
    for (size_t j = 0; j <= s->ntypes; j++) {
        const fod_mcf_series *m = j == 0 ? &s->mcf_periods : &s->mcf_type[j - 1];
        const char *what = j == 0 ? il_label(IL_MCF_ALL_TYPES, w->zh) : fod_waste_name(s->type[j - 1]);
        for (size_t i = 0; i < m->n; i++, row++) {
            fod_mcf_label(w, what, &m->p[i], label, sizeof label);
            fod_param_src(w, &m->p[i].mcf, src, sizeof src);
            rpt_xl_str(&w->xl, ws, row, FP_LABEL, label, RPT_F_NONE);
            rpt_xl_num(&w->xl, ws, row, FP_VALUE, m->p[i].mcf.value, RPT_F_GENERAL);
            rpt_xl_str(&w->xl, ws, row, FP_SOURCE, src, RPT_F_NONE);
        }
    }
}

/* The deposit of a cell in the input unit: W (Gg) / the unit factor in the
 * fewest digits (15 to 17) whose product with the factor is W again, so a
 * 10^4 t row shows the figure as typed and W = deposit x factor is exact. */
static double fod_deposit_in_unit(const fod_site *s, double w_gg)
{
    double uf = s->deposit_unit_to_gg, q = uf != 0 ? w_gg / uf : w_gg;
    char buf[40];
    for (int digits = 15; uf != 0 && digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, q);
        double typed = strtod(buf, NULL);
        if (typed * uf == w_gg)
            return typed;
    }
    return q;
}

/* The absolute references a waste type's table multiplies by: the site's
 * unit factor, DOCf and F, and the type's DOC and decay factors (the MCF
 * is the row's own, FY_MCF). */
typedef struct {
    rpt_ref uf, doc, docf, f, exp_k, omexp_k, exp_dep, omexp_dep;
} fod_refs;

/* The references of waste type j of the site block at row b. */
static fod_refs fod_refs_of(lxw_row_t b, size_t j)
{
    lxw_row_t p = b + FB_TYPE0 + (lxw_row_t)j;
    fod_refs r;
    r.uf = fod_value(b + FB_UNIT_TO_GG);
    r.doc = rpt_xl_ref(NULL, p, FT_DOC, true);
    r.docf = fod_value(b + FB_DOCF);
    r.f = fod_value(b + FB_F);
    r.exp_k = rpt_xl_ref(NULL, p, FT_EXP_K, true);
    r.omexp_k = rpt_xl_ref(NULL, p, FT_OMEXP_K, true);
    r.exp_dep = rpt_xl_ref(NULL, p, FT_EXP_DEP, true);
    r.omexp_dep = rpt_xl_ref(NULL, p, FT_OMEXP_DEP, true);
    return r;
}

/* Writes year iy of waste type j at `row`: each cell a formula of this
 * row, the row above and the site's parameter cells, in the engine's order:
 *   MCF = the deposit year's (the site's, its period's or the type's cell);
 *   W = deposit x unit factor; DDOCmd = ((W x DOC) x DOCf) x MCF;
 *   not reacted = DDOCmd x e^(-k(13-M)/12); decomposed then = DDOCmd x (1 - ...);
 *   DDOCma = not reacted + DDOCma(prev) x e^-k;
 *   decomposed = deposit-year part + DDOCma(prev) x (1 - e^-k);
 *   CH4 = (decomposed x F) x (16/12). */
static void fod_type_row(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, size_t j, size_t iy,
                         lxw_row_t row, const fod_refs *p, lxw_row_t mcf_row)
{
    rpt_xl *x = &w->xl;
    const fod_cell *c = fod_cell_at(f, iy, j);
    rpt_ref prev = rpt_xl_cell(row - 1, FY_DDOCMA); /* used from the second year on */
    char buf[RPT_XL_FORMULA_MAX];
    rpt_xl_num(x, ws, row, FY_YEAR, (double)(f->first_year + (int)iy), RPT_F_INT);
    rpt_xl_num(x, ws, row, FY_DEPOSIT, fod_deposit_in_unit(s, c->w_gg), RPT_F_GENERAL);
    snprintf(buf, sizeof buf, "=%s", fod_value(mcf_row).s);
    rpt_xl_formula(x, ws, row, FY_MCF, buf, c->mcf, RPT_F_GENERAL);
    snprintf(buf, sizeof buf, "=%s*%s", rpt_xl_cell(row, FY_DEPOSIT).s, p->uf.s);
    rpt_xl_formula(x, ws, row, FY_W, buf, c->w_gg, RPT_F_GENERAL);
    snprintf(buf, sizeof buf, "=%s*%s*%s*%s", rpt_xl_cell(row, FY_W).s, p->doc.s, p->docf.s,
             rpt_xl_cell(row, FY_MCF).s);
    rpt_xl_formula(x, ws, row, FY_DDOCMD, buf, c->ddocmd_gg, RPT_F_GENERAL);
    snprintf(buf, sizeof buf, "=%s*%s", rpt_xl_cell(row, FY_DDOCMD).s, p->exp_dep.s);
    rpt_xl_formula(x, ws, row, FY_UNREACTED, buf, c->ddocm_unreacted_gg, RPT_F_GENERAL);
    snprintf(buf, sizeof buf, "=%s*%s", rpt_xl_cell(row, FY_DDOCMD).s, p->omexp_dep.s);
    rpt_xl_formula(x, ws, row, FY_DEP_DECOMP, buf, c->ddocm_dep_decomp_gg, RPT_F_GENERAL);
    if (iy == 0)
        snprintf(buf, sizeof buf, "=%s", rpt_xl_cell(row, FY_UNREACTED).s);
    else
        snprintf(buf, sizeof buf, "=%s+%s*%s", rpt_xl_cell(row, FY_UNREACTED).s, prev.s, p->exp_k.s);
    rpt_xl_formula(x, ws, row, FY_DDOCMA, buf, c->ddocma_gg, RPT_F_GENERAL);
    if (iy == 0)
        snprintf(buf, sizeof buf, "=%s", rpt_xl_cell(row, FY_DEP_DECOMP).s);
    else
        snprintf(buf, sizeof buf, "=%s+%s*%s", rpt_xl_cell(row, FY_DEP_DECOMP).s, prev.s, p->omexp_k.s);
    rpt_xl_formula(x, ws, row, FY_DECOMP, buf, c->ddocm_decomp_gg, RPT_F_GENERAL);
    snprintf(buf, sizeof buf, "=%s*%s*(16/12)", rpt_xl_cell(row, FY_DECOMP).s, p->f.s);
    rpt_xl_formula(x, ws, row, FY_CH4, buf, c->ch4_gen_gg, RPT_F_GENERAL);
}

/* Writes the table of waste type j: a heading, the header and one row per
 * year (fod_type_row). */
static void fod_type_table(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, const fod_layout *l,
                           size_t j)
{
    static const rpt_label_id hdr[FY_COUNT] = {RPT_L_YEAR,   IL_DEPOSIT,         IL_W_GG,
                                               IL_DDOCMD,    IL_DDOCM_UNREACTED, IL_DDOCM_DEP_DECOMP,
                                               IL_DDOCMA,    IL_DDOCM_DECOMP,    IL_CH4_GEN,
                                               IL_MCF_OF_YEAR};
    lxw_row_t t0 = l->table0 + (lxw_row_t)j * fod_table_rows(f);
    fod_refs p = fod_refs_of(l->start, j);
    char buf[512], type[256];
    fod_type_text(w, s->type[j], type, sizeof type);
    rpt_fmt(buf, sizeof buf, "%s%s%s", type, il_label(IL_TITLE_SEP, w->zh), il_label(IL_FOD_TABLE, w->zh));
    rpt_xl_str(&w->xl, ws, t0, 0, buf, RPT_F_BOLD);
    rpt_xl_header(&w->xl, ws, t0 + 1, hdr, FY_COUNT);
    for (size_t iy = 0; iy < f->nyears && !w->xl.err; iy++)
        fod_type_row(w, ws, s, f, j, iy, t0 + 2 + (lxw_row_t)iy, &p,
                     fod_mcf_cell_row(s, l, j, f->first_year + (int)iy));
}

/* Writes the site summary's heading and header: year, CH4 generated per
 * waste type, then the FS_* columns. */
static void fod_summary_head(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, const fod_layout *l)
{
    static const rpt_label_id tail[FS_COUNT] = {IL_CH4_GEN_TOTAL, IL_RECOVERY,       IL_NET,          IL_OX,
                                                IL_CH4_OXIDISED,  IL_CH4_EMITTED_GG, IL_CH4_EMITTED_T};
    rpt_xl *x = &w->xl;
    char types[FOD_NWASTE][256];
    const char *texts[1 + FOD_NWASTE + FS_COUNT];
    size_t n = 0;
    rpt_xl_str(x, ws, l->summary, 0, il_label(IL_SITE_SUMMARY, w->zh), RPT_F_BOLD);
    texts[n++] = il_label(RPT_L_YEAR, w->zh);
    for (size_t j = 0; j < f->ntypes && j < FOD_NWASTE; j++) {
        const char *name = w->zh ? fod_waste_zh[s->type[j]] : fod_waste_name(s->type[j]);
        rpt_fmt(types[j], sizeof types[j], "%s%s%s", il_label(IL_CH4_GEN_TYPE, w->zh), il_label(IL_TITLE_SEP, w->zh),
                name);
        texts[n++] = types[j];
    }
    for (int k = 0; k < FS_COUNT; k++)
        texts[n++] = xw_mass_label(w, tail[k]); /* CH4 emitted in t or 10^4 t; the model's columns in Gg */
    rpt_xl_header_strs(x, ws, l->summary + 1, 0, texts, n);
}

/* Writes year iy of the site summary at `row`: CH4 generated per type
 * (from its table's CH4 column), their sum, R, generated - R, OX (from the
 * parameter), oxidised, emitted (Gg, and t or with --unit 10kt 10^4 t);
 * the last year is highlighted. */
static void fod_summary_row(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, const fod_layout *l,
                            size_t iy, lxw_row_t row)
{
    rpt_xl *x = &w->xl;
    bool hi = iy + 1 == f->nyears; /* the inventory year */
    rpt_fmt_id num = hi ? RPT_F_HILITE : RPT_F_GENERAL;
    char buf[RPT_XL_FORMULA_MAX];
    rpt_xl_num(x, ws, row, 0, (double)(f->first_year + (int)iy), hi ? RPT_F_HILITE_INT : RPT_F_INT);
    for (size_t j = 0; j < f->ntypes; j++) {
        lxw_row_t src = l->table0 + (lxw_row_t)j * fod_table_rows(f) + 2 + (lxw_row_t)iy;
        snprintf(buf, sizeof buf, "=%s", rpt_xl_cell(src, FY_CH4).s);
        rpt_xl_formula(x, ws, row, (lxw_col_t)(1 + j), buf, fod_cell_at(f, iy, j)->ch4_gen_gg, num);
    }
    snprintf(buf, sizeof buf, "=SUM(%s)", rpt_xl_range(NULL, row, 1, row, (lxw_col_t)f->ntypes, false).s);
    rpt_xl_formula(x, ws, row, fod_scol(f, FS_TOTAL), buf, f->ch4_gen_gg[iy], num);
    rpt_xl_num(x, ws, row, fod_scol(f, FS_R), f->recovery_gg[iy], num);
    snprintf(buf, sizeof buf, "=%s-%s", rpt_xl_cell(row, fod_scol(f, FS_TOTAL)).s,
             rpt_xl_cell(row, fod_scol(f, FS_R)).s);
    rpt_xl_formula(x, ws, row, fod_scol(f, FS_NET), buf, f->ch4_gen_gg[iy] - f->recovery_gg[iy], num);
    snprintf(buf, sizeof buf, "=%s", fod_value(l->start + FB_OX).s);
    rpt_xl_formula(x, ws, row, fod_scol(f, FS_OX), buf, s->ox.value, num);
    rpt_ref net = rpt_xl_cell(row, fod_scol(f, FS_NET)), ox = rpt_xl_cell(row, fod_scol(f, FS_OX));
    snprintf(buf, sizeof buf, "=%s*%s", net.s, ox.s);
    rpt_xl_formula(x, ws, row, fod_scol(f, FS_OXIDISED), buf, f->ch4_oxidised_gg[iy], num);
    snprintf(buf, sizeof buf, "=%s*(1-%s)", net.s, ox.s);
    rpt_xl_formula(x, ws, row, fod_scol(f, FS_EMITTED), buf, f->ch4_emitted_gg[iy], num);
    snprintf(buf, sizeof buf, "=%s*1000", rpt_xl_cell(row, fod_scol(f, FS_EMITTED)).s); /* Gg -> t */
    xw_mass_calc(w, ws, row, fod_scol(f, FS_EMITTED_T), buf, f->ch4_emitted_gg[iy] * 1000.0,
                 hi ? RPT_F_HILITE : RPT_F_T);
}

/* Writes the site summary: the heading, the header and one row per year;
 * the inventory year (the last row) is highlighted. */
static void fod_summary(xw *w, lxw_worksheet *ws, const fod_site *s, const fod_result *f, const fod_layout *l)
{
    fod_summary_head(w, ws, s, f, l);
    for (size_t iy = 0; iy < f->nyears && !w->xl.err; iy++)
        fod_summary_row(w, ws, s, f, l, iy, l->summary + 2 + (lxw_row_t)iy);
}

/* Writes the FOD results block: per site its category, sector, gas, the
 * CH4 (t, or 10^4 t with --unit 10kt) of the inventory year (from the site
 * summary's highlighted row, in the same unit) and CO2e = CH4 x GWP. */
static void fod_results(xw *w, lxw_worksheet *ws, const fod_result *fod, size_t n)
{
    static const rpt_label_id hdr[FR_COUNT] = {IL_CATEGORY,        IL_SECTOR, IL_GAS, IL_EMISSION_T,
                                               IL_EMISSION_T_CO2E, IL_GWP,    IL_SITE};
    const inventory *inv = eng_inventory(w->r);
    gwp_origin o = gwp_effective_origin(eng_gwp(w->r), GAS_CH4, ENG_FOD_ORIGIN);
    double gwp = gwp_value(eng_gwp(w->r), GAS_CH4, o, NULL, NULL);
    rpt_xl *x = &w->xl;
    rpt_xl_str(x, ws, FOD_ROW_RES_HEADING, 0, il_label(IL_FOD_RESULTS, w->zh), RPT_F_BOLD);
    xw_header_labels(w, ws, FOD_ROW_RES_HEADER, hdr, FR_COUNT);
    lxw_row_t start = fod_first_block(n);
    for (size_t i = 0; i < n; i++) {
        const fod_site *s = &inv->fod.sites[i];
        fod_layout l = fod_layout_of(s, &fod[i], start);
        lxw_row_t row = FOD_ROW_RES0 + (lxw_row_t)i, last = l.summary + 2 + (lxw_row_t)fod[i].nyears - 1;
        char sector[64], buf[RPT_XL_FORMULA_MAX];
        double t, t_co2e;
        eng_fod_emission(w->r, i, &t, &t_co2e);
        rpt_sector_of(s->category, sector, sizeof sector);
        rpt_xl_str(x, ws, row, FR_CATEGORY, s->category, RPT_F_NONE);
        rpt_xl_str(x, ws, row, FR_SECTOR, sector, RPT_F_NONE);
        rpt_xl_str(x, ws, row, FR_GAS, gas_name(GAS_CH4), RPT_F_NONE);
        snprintf(buf, sizeof buf, "=%s", rpt_xl_cell(last, fod_scol(&fod[i], FS_EMITTED_T)).s);
        xw_mass_formula(w, ws, row, FR_EMISSION, buf, t, RPT_F_T_SMALL, NULL);
        snprintf(buf, sizeof buf, "=%s*%s", rpt_xl_cell(row, FR_EMISSION).s, rpt_xl_cell(row, FR_GWP).s);
        xw_mass_formula(w, ws, row, FR_CO2E, buf, t_co2e, RPT_F_T, NULL);
        xw_gwp_cell(w, ws, row, FR_GWP, GAS_CH4, o, gwp);
        rpt_xl_str(x, ws, row, FR_SITE, s->name, RPT_F_NONE);
        start = l.end;
    }
}

/* Writes the sheet top to bottom (constant_memory safe): title, note, the
 * FOD results block, then per site its parameters, one table per waste
 * type and the summary by year. */
void xw_fod_sheet(xw *w)
{
    const fod_result *fod;
    size_t n = eng_fod(w->r, &fod);
    if (!n || w->xl.err)
        return;
    const inventory *inv = eng_inventory(w->r);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_FOD));
    if (!ws)
        return;
    size_t maxcols = FY_COUNT;
    for (size_t i = 0; i < n; i++)
        if (1 + fod[i].ntypes + FS_COUNT > maxcols)
            maxcols = 1 + fod[i].ntypes + FS_COUNT;
    rpt_xl_width(&w->xl, ws, 0, 0, 40);
    rpt_xl_width(&w->xl, ws, 1, (lxw_col_t)(maxcols - 1), 16);
    rpt_xl_freeze(&w->xl, ws, FOD_ROW_TITLE + 1, 1);
    rpt_xl_str(&w->xl, ws, FOD_ROW_TITLE, 0, il_label(IL_FOD_TITLE, w->zh), RPT_F_TITLE);
    rpt_xl_note(&w->xl, ws, FOD_ROW_NOTE, 0, (lxw_col_t)(maxcols - 1), il_label(IL_FOD_NOTE, w->zh));
    fod_results(w, ws, fod, n);
    lxw_row_t start = fod_first_block(n);
    for (size_t i = 0; i < n && !w->xl.err; i++) {
        const fod_site *s = &inv->fod.sites[i];
        fod_layout l = fod_layout_of(s, &fod[i], start);
        fod_site_head(w, ws, s, &fod[i], l.start);
        fod_type_rows(w, ws, s, &fod[i], l.start);
        fod_mcf_block(w, ws, s, &l);
        for (size_t j = 0; j < fod[i].ntypes; j++)
            fod_type_table(w, ws, s, &fod[i], &l, j);
        fod_summary(w, ws, s, &fod[i], &l);
        start = l.end;
    }
    rpt_xl_print_area(&w->xl, ws, start, (lxw_col_t)(maxcols - 1));
}

/* Writes one model parameter as a Factors row (the Factors columns). */
static void fod_factor_row(xw *w, lxw_worksheet *ws, lxw_row_t row, const char *param, const char *what,
                           const fod_site *s, const fod_param *p, const char *unit, double lower, double upper)
{
    rpt_xl *x = &w->xl;
    char buf[1200];
    bool builtin = !p->at.line;
    rpt_xl_str(x, ws, row, FC_PARAM, param, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_WHAT, what, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_CATEGORY, s->category, RPT_F_NONE);
    rpt_xl_num(x, ws, row, FC_VALUE, p->value, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, FC_UNIT, unit, RPT_F_NONE);
    rpt_xl_num(x, ws, row, FC_LOWER, lower, RPT_F_GENERAL);
    rpt_xl_num(x, ws, row, FC_UPPER, upper, RPT_F_GENERAL);
    rpt_xl_str(x, ws, row, FC_SET, il_label(builtin ? IL_BUILTIN : IL_INPUT_VALUE, w->zh), RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_REFERENCE, p->source, RPT_F_NONE);
    buf[0] = '\0';
    if (!builtin)
        rpt_fmt(buf, sizeof buf, "%s:%u", p->at.file ? p->at.file : eng_inventory(w->r)->path, p->at.line);
    rpt_xl_str(x, ws, row, FC_DEFINED_AT, buf, RPT_F_NONE);
    rpt_xl_str(x, ws, row, FC_ENTERS_AS, il_label(IL_FOD_MODEL, w->zh), RPT_F_NONE);
}

/* Writes a Factors row for every MCF period of site `s` (its own, then
 * each column's), from *row. */
static void fod_mcf_factor_rows(xw *w, lxw_worksheet *ws, lxw_row_t *row, const fod_site *s)
{
    for (size_t j = 0; j <= s->ntypes; j++) {
        const fod_mcf_series *m = j == 0 ? &s->mcf_periods : &s->mcf_type[j - 1];
        const char *kind = j == 0 ? il_label(IL_MCF_ALL_TYPES, w->zh) : fod_waste_name(s->type[j - 1]);
        for (size_t i = 0; i < m->n; i++) {
            char label[256], what[600];
            fod_mcf_label(w, kind, &m->p[i], label, sizeof label);
            rpt_fmt(what, sizeof what, "%s: %s, %s", il_label(IL_SITE, w->zh), s->name ? s->name : "", label);
            fod_factor_row(w, ws, (*row)++, "mcf", what, s, &m->p[i].mcf, "1", NAN, NAN);
        }
    }
}

void xw_fod_factors(xw *w, lxw_worksheet *ws, lxw_row_t *row)
{
    const inventory *inv = eng_inventory(w->r);
    for (size_t i = 0; i < inv->fod.nsites; i++) {
        const fod_site *s = &inv->fod.sites[i];
        char what[512];
        rpt_fmt(what, sizeof what, "%s: %s", il_label(IL_SITE, w->zh), s->name ? s->name : "");
        fod_factor_row(w, ws, (*row)++, "mcf", what, s, &s->mcf, "1", NAN, NAN);
        fod_mcf_factor_rows(w, ws, row, s);
        fod_factor_row(w, ws, (*row)++, "docf", what, s, &s->docf, "1", NAN, NAN);
        fod_factor_row(w, ws, (*row)++, "f", what, s, &s->f, "1", NAN, NAN);
        fod_factor_row(w, ws, (*row)++, "ox", what, s, &s->ox, "1", NAN, NAN);
        fod_factor_row(w, ws, (*row)++, "delay_months", what, s, &s->delay_months, "months", NAN, NAN);
        for (size_t j = 0; j < s->ntypes; j++) {
            double lo = NAN, hi = NAN;
            fod_param def;
            if (!s->k[j].at.line && !fod_default_k(s->climate, s->type[j], &def, &lo, &hi))
                lo = hi = NAN;
            rpt_fmt(what, sizeof what, "%s: %s, %s", il_label(IL_SITE, w->zh), s->name ? s->name : "",
                    fod_waste_name(s->type[j]));
            fod_factor_row(w, ws, (*row)++, "doc", what, s, &s->doc[j], "1", NAN, NAN);
            fod_factor_row(w, ws, (*row)++, "k", what, s, &s->k[j], "1/yr", lo, hi);
        }
    }
}
