/* inventory_xlsx_sectoral.c - the Sectoral table: IPCC levels 1-5 with subtotals, sectors, categories, notation keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "inventory_xlsx.h"

/* The IPCC levels the table always shows, each a subtotal of its rows. */
static const char *const sr_levels[] = {"1", "1.A", "2", "3", "4", "5"};
#define SR_NLEVELS (sizeof sr_levels / sizeof *sr_levels)

/* A category the table lists: one with records, or one the inventory's
 * notation_keys name and no record reaches. */
typedef struct {
    const char *code;
    size_t cat;      /* index in eng_categories(); (size_t)-1 for a notation key only */
    const char *key; /* the inventory's key, for a category without records */
} sr_leaf;

/* A row of the table. */
typedef enum { SR_LEVEL, SR_SECTOR, SR_CAT } sr_kind;

typedef struct {
    char code[64];
    sr_kind kind;
    int parent;          /* the level row this row is summed into; -1 for 1-5 */
    bool exact;          /* a level with records of its own code (summed by SUMIFS besides its rows) */
    eng_cat_total t;     /* the cached totals */
    lxw_row_t row;
} sr_row;

/* The table being built: its leaves and rows. */
typedef struct {
    sr_leaf *leaf;
    size_t nleaf;
    sr_row *row;
    size_t nrow;
} sr_table;

static int sr_leaf_cmp(const void *a, const void *b)
{
    return strcmp(((const sr_leaf *)a)->code, ((const sr_leaf *)b)->code);
}

/* Whether some category with records is under `code` or above it. */
static bool sr_has_data(const eng_cat_total *cats, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (cat_under(cats[i].category, code) || cat_under(code, cats[i].category))
            return true;
    return false;
}

/* The leaves, sorted by code: the categories with records, then each
 * notation key whose category no record reaches. False when out of memory. */
static bool sr_leaves(const xw *w, sr_table *t)
{
    const eng_cat_total *cats;
    const inventory *inv = eng_inventory(w->r);
    size_t n = eng_categories(w->r, &cats);
    t->leaf = calloc(n + inv->nnotation + 1, sizeof *t->leaf);
    if (!t->leaf)
        return false;
    for (size_t i = 0; i < n; i++)
        t->leaf[t->nleaf++] = (sr_leaf){cats[i].category, i, NULL};
    for (size_t k = 0; k < inv->nnotation; k++) {
        const inv_notation *nk = &inv->notation[k];
        bool dup = false;
        for (size_t j = n; j < t->nleaf && !dup; j++)
            dup = strcmp(t->leaf[j].code, nk->category) == 0;
        if (nk->category && nk->key && !dup && !sr_has_data(cats, n, nk->category))
            t->leaf[t->nleaf++] = (sr_leaf){nk->category, (size_t)-1, nk->key};
    }
    qsort(t->leaf, t->nleaf, sizeof *t->leaf, sr_leaf_cmp);
    return true;
}

/* Appends a row; its totals are the engine's over every category under
 * `code`: what its SUMIFS over the Sector column, or its SUM of rows,
 * adds up. */
static int sr_add(const xw *w, sr_table *t, const char *code, sr_kind kind, int parent)
{
    sr_row *r = &t->row[t->nrow];
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", code);
    r->kind = kind;
    r->parent = parent;
    r->t = eng_total_under(w->r, code);
    return (int)t->nrow++;
}

/* Appends the row of leaf l: a category's own totals (its SUMIFS matches
 * the Category column exactly, not the categories under it), zeros for a
 * notation key. */
static void sr_add_leaf(const xw *w, sr_table *t, const sr_leaf *l)
{
    const eng_cat_total *cats;
    eng_categories(w->r, &cats);
    sr_row *r = &t->row[sr_add(w, t, l->code, SR_CAT, -1)];
    if (l->cat != (size_t)-1)
        r->t = cats[l->cat];
    else
        memset(&r->t, 0, sizeof r->t);
}

/* The level row a sector is summed into: 1.A's row under 1.A, else its
 * top level's. */
static int sr_level_of(const char *code, const int *level_row)
{
    if (cat_under(code, "1.A"))
        return level_row[1];
    for (size_t i = 0; i < SR_NLEVELS; i++)
        if (cat_depth(sr_levels[i]) == 1 && cat_under(code, sr_levels[i]))
            return level_row[i];
    return -1;
}

/* Adds the sector rows and category rows under level row `lv` (level i):
 * every sector of its leaves (1.B at least under 1), each followed by its
 * categories. A leaf whose code is the level's own is summed by the level
 * row itself. */
static void sr_add_sectors(const xw *w, sr_table *t, size_t i, const int *level_row)
{
    const char *lv = sr_levels[i];
    char sec[64], prev[64] = "";
    bool b_seen = false;
    for (size_t k = 0; k < t->nleaf; k++) {
        const char *code = t->leaf[k].code;
        bool mine = strcmp(lv, "1") == 0 ? cat_under(code, "1") && !cat_under(code, "1.A") : cat_under(code, lv);
        if (!mine)
            continue;
        rpt_sector_of(code, sec, sizeof sec);
        if (strcmp(code, lv) == 0 || strcmp(sec, lv) == 0) {
            t->row[level_row[i]].exact = t->row[level_row[i]].exact || t->leaf[k].cat != (size_t)-1;
            continue;
        }
        if (strcmp(lv, "1") == 0 && !b_seen && strcmp(sec, "1.B") > 0) { /* 1.B always has its row */
            sr_add(w, t, "1.B", SR_SECTOR, level_row[i]);
            b_seen = true;
        }
        if (strcmp(sec, prev) != 0) {
            sr_add(w, t, sec, SR_SECTOR, sr_level_of(sec, level_row));
            snprintf(prev, sizeof prev, "%s", sec);
            b_seen = b_seen || strcmp(sec, "1.B") == 0;
        }
        if (strcmp(code, sec) != 0)
            sr_add_leaf(w, t, &t->leaf[k]);
    }
    if (strcmp(lv, "1") == 0 && !b_seen)
        sr_add(w, t, "1.B", SR_SECTOR, level_row[i]);
}

/* Builds the rows in table order: each level 1-5 (with 1.A after 1), its
 * sectors and their categories. False when out of memory. */
static bool sr_build(const xw *w, sr_table *t)
{
    if (!sr_leaves(w, t))
        return false;
    t->row = calloc(2 * t->nleaf + SR_NLEVELS + 2, sizeof *t->row);
    if (!t->row)
        return false;
    int level_row[SR_NLEVELS] = {-1, -1, -1, -1, -1, -1};
    for (size_t i = 0; i < SR_NLEVELS; i++) {
        level_row[i] = sr_add(w, t, sr_levels[i], SR_LEVEL, i == 1 ? level_row[0] : -1);
        if (i != 0) /* 1's sectors come after 1.A's */
            sr_add_sectors(w, t, i, level_row);
        if (i == 1)
            sr_add_sectors(w, t, 0, level_row);
    }
    return true;
}

/* ------------------------------------------------------- notation keys */

/* Rank of a key when rows are summed: the one most worth seeing wins. */
static int sr_rank(const char *key)
{
    static const char *const order[] = {"NA", "NO", "IE", "C", "NE"};
    for (int i = 0; i < 5; i++)
        if (strcmp(key, order[i]) == 0)
            return i + 1;
    return 0;
}

/* What a zero shows in column `what` (a gas, GAS_COUNT for CO2e, GAS_COUNT
 * + 1 for the memo) of a leaf: the inventory's key; for a category with
 * records NO when it has rows of the gas, NE when a record marks the gas
 * not estimated, NA otherwise; NE for a category without records. */
static const char *sr_leaf_key(const xw *w, const sr_leaf *l, int what)
{
    if (l->key)
        return l->key;
    if (what == GAS_COUNT + 1) /* memo: biogenic CO2 of fuel combustion */
        return !cat_under(l->code, "1.A") ? "NA" : "NO";
    const xw_catinfo *c = w->cinfo ? &w->cinfo[l->cat] : NULL;
    if (!c)
        return "NO";
    if (what == GAS_COUNT)
        return c->gases ? "NO" : c->not_est ? "NE" : "NA";
    if ((c->gases >> what) & 1u)
        return "NO";
    return (c->not_est >> what) & 1u ? "NE" : "NA";
}

/* The key of a row's zero in column `what`: the highest ranked key of the
 * leaves under `code` (with `except`, those not under it); NE when none. */
static const char *sr_key(const xw *w, const sr_table *t, const char *code, const char *except, int what)
{
    const char *best = NULL;
    for (size_t k = 0; k < t->nleaf; k++) {
        const sr_leaf *l = &t->leaf[k];
        if (!cat_under(l->code, code) || (except && cat_under(l->code, except)))
            continue;
        const char *key = sr_leaf_key(w, l, what);
        if (!best || sr_rank(key) > sr_rank(best))
            best = key;
    }
    return best ? best : "NE";
}

/* ------------------------------------------------------------- writing */

/* The columns of the table: code, name, a gas each, CO2e, biogenic memo. */
typedef struct {
    gas_id gas[GAS_COUNT];
    size_t ngas;
} sr_cols;

/* The SUMIFS of column `what` (a gas, GAS_COUNT CO2e, GAS_COUNT + 1 memo)
 * over the rows matching `m`, into buf after '='; false when too long. */
static bool sr_sumifs(const xw *w, const xw_crit *m, int what, char *buf, size_t len)
{
    const char *no = rpt_memo_text(false, w->zh);
    xw_crit c[3] = {*m};
    if (what == GAS_COUNT + 1) {
        c[1] = (xw_crit){XK_GAS, gas_name(GAS_CO2)};
        c[2] = (xw_crit){XK_MEMO, rpt_memo_text(true, w->zh)};
        return xw_sumifs(w, buf, len, XK_EMISSION, c, 3, false);
    }
    if (what == GAS_COUNT) {
        c[1] = (xw_crit){XK_MEMO, no};
        return xw_sumifs(w, buf, len, XK_CO2E, c, 2, false);
    }
    c[1] = (xw_crit){XK_GAS, gas_name((gas_id)what)};
    c[2] = (xw_crit){XK_MEMO, no};
    return xw_sumifs(w, buf, len, XK_EMISSION, c, 3, false);
}

/* The cached value of column `what` of totals `t`. */
static double sr_value(const eng_cat_total *t, int what)
{
    return what == GAS_COUNT ? t->t_co2e : what == GAS_COUNT + 1 ? t->memo_bio_co2_t : t->t[what];
}

/* The format of column `what`. */
static rpt_fmt_id sr_fmt(int what, bool bold)
{
    return what < GAS_COUNT ? xw_t_fmt((gas_id)what, bold) : bold ? RPT_F_T_BOLD : RPT_F_T;
}

/* Writes into buf the formula of column `col` of row i: a SUMIFS on the
 * Sector (sector rows) or Category column (category rows); for a level,
 * the SUM of its rows' cells, plus a SUMIFS of the records of its own
 * code. False when it does not fit. */
static bool sr_formula(const xw *w, const sr_table *t, size_t i, lxw_col_t col, int what, char *buf, size_t len)
{
    const sr_row *r = &t->row[i];
    xw_crit m = {r->kind == SR_SECTOR ? XK_SECTOR : XK_CATEGORY, r->code};
    if (r->kind != SR_LEVEL)
        return sr_sumifs(w, &m, what, buf, len);
    size_t used = 0, n = 0;
    for (size_t k = 0; k < t->nrow && used < len; k++)
        if (t->row[k].parent == (int)i)
            used += (size_t)snprintf(buf + used, len - used, "%s%s", n++ ? "," : "=SUM(",
                                     rpt_xl_cell(t->row[k].row, col).s);
    if (n && used < len)
        used += (size_t)snprintf(buf + used, len - used, ")");
    if (!n || r->exact) { /* its own records, or a level with no rows: the SUMIFS of its code */
        char *own = malloc(XW_FORMULA_MAX);
        bool ok = own && sr_sumifs(w, &m, what, own, XW_FORMULA_MAX);
        if (ok && used < len) /* the rows' cells and the records' are both in the shown unit */
            used += (size_t)snprintf(buf + used, len - used, "%s%s", n ? "+" : "=", own + 1);
        free(own);
        if (!ok)
            return false;
    }
    return used < len;
}

/* Writes row i: code, name (cat_name; "Other" for 5), then each column as
 * a formula whose zero shows its notation key. Levels and sectors bold. */
static void sr_write_row(xw *w, lxw_worksheet *ws, const sr_table *t, size_t i, const sr_cols *c, char *buf)
{
    const sr_row *r = &t->row[i];
    bool bold = r->kind != SR_CAT;
    const char *name = strcmp(r->code, "5") == 0 ? il_label(IL_OTHER_5, w->zh) : cat_name(r->code, w->zh);
    rpt_xl_str(&w->xl, ws, r->row, 0, r->code, bold ? RPT_F_BOLD : RPT_F_NONE);
    rpt_xl_str(&w->xl, ws, r->row, 1, name, bold ? RPT_F_BOLD : RPT_F_NONE);
    for (size_t k = 0; k < c->ngas + 2; k++) {
        int what = k < c->ngas ? (int)c->gas[k] : (int)(GAS_COUNT + (k - c->ngas));
        lxw_col_t col = (lxw_col_t)(2 + k);
        if (!sr_formula(w, t, i, col, what, buf, XW_FORMULA_MAX)) {
            rpt_xl_check(&w->xl, LXW_ERROR_PARAMETER_VALIDATION, "building a Sectoral table formula (too long)");
            return;
        }
        const char *zero = sr_key(w, t, r->code, NULL, what);
        /* a SUM of rows or a SUMIFS of the line sheets, both in the shown unit: t or 10^4 t */
        xw_mass_formula(w, ws, r->row, col, buf, sr_value(&r->t, what), sr_fmt(what, bold), zero);
    }
    xu_sectoral_key(w, ws, r->row, (lxw_col_t)(4 + c->ngas), r->code); /* key categories (inventory_xlsx_keycat.c) */
}

/* Writes the two totals after the rows: without LULUCF (the levels' sum
 * less the 3.B row) and with it (the levels' sum). */
static void sr_write_totals(xw *w, lxw_worksheet *ws, const sr_table *t, const sr_cols *c, lxw_row_t row, char *buf)
{
    eng_cat_total tot[2] = {eng_total_except(w->r, RPT_LULUCF), eng_total_under(w->r, "")};
    static const rpt_label_id label[2] = {IL_TOTAL_EXCL_LULUCF, IL_TOTAL_INCL_LULUCF};
    int lulucf = -1;
    for (size_t i = 0; i < t->nrow; i++)
        if (strcmp(t->row[i].code, RPT_LULUCF) == 0)
            lulucf = (int)i;
    for (int v = 0; v < 2; v++, row++) {
        rpt_xl_str(&w->xl, ws, row, 0, il_label(label[v], w->zh), RPT_F_BOLD);
        for (size_t k = 0; k < c->ngas + 2; k++) {
            int what = k < c->ngas ? (int)c->gas[k] : (int)(GAS_COUNT + (k - c->ngas));
            lxw_col_t col = (lxw_col_t)(2 + k);
            size_t used = 0, n = 0; /* five levels: the formula is short */
            for (size_t i = 0; i < t->nrow && used < XW_FORMULA_MAX; i++)
                if (t->row[i].kind == SR_LEVEL && t->row[i].parent < 0)
                    used += (size_t)snprintf(buf + used, XW_FORMULA_MAX - used, "%s%s", n++ ? "," : "=SUM(",
                                             rpt_xl_cell(t->row[i].row, col).s);
            if (used < XW_FORMULA_MAX)
                snprintf(buf + used, XW_FORMULA_MAX - used, ")%s%s", v == 0 && lulucf >= 0 ? "-" : "",
                         v == 0 && lulucf >= 0 ? rpt_xl_cell(t->row[lulucf].row, col).s : "");
            rpt_xl_formula_zero(&w->xl, ws, row, col, buf, xw_mass_shown(w, sr_value(&tot[v], what)), sr_fmt(what, true),
                                sr_key(w, t, "", v == 0 ? RPT_LULUCF : NULL, what));
        }
    }
}

/* Writes the header: Category, Name, "<gas> (t)" for each gas shown,
 * CO2e (t), the memo, the key categories (when assessed). Returns the
 * last column. */
static lxw_col_t sr_header(xw *w, lxw_worksheet *ws, const sr_cols *c)
{
    char gas[GAS_COUNT][32];
    const char *texts[GAS_COUNT + 5];
    const char *key = xu_sectoral_key_head(w);
    size_t n = 0;
    rpt_xl_width(&w->xl, ws, 0, 0, 12);
    rpt_xl_width(&w->xl, ws, 1, 1, 62);
    rpt_xl_width(&w->xl, ws, 2, (lxw_col_t)(3 + c->ngas), 16);
    if (key)
        rpt_xl_width(&w->xl, ws, (lxw_col_t)(4 + c->ngas), (lxw_col_t)(4 + c->ngas), 14);
    texts[n++] = il_label(IL_CATEGORY, w->zh);
    texts[n++] = il_label(IL_NAME, w->zh);
    for (size_t i = 0; i < c->ngas; i++) {
        snprintf(gas[i], sizeof gas[i], "%s (%s)", gas_name(c->gas[i]), w->mass_10kt ? (w->zh ? "万吨" : "10^4 t") : "t");
        texts[n++] = gas[i];
    }
    texts[n++] = xw_mass_label(w, IL_CO2E_T); /* t, or 10^4 t with --unit 10kt */
    texts[n++] = xw_mass_label(w, IL_MEMO_BIO_T);
    if (key)
        texts[n++] = key;
    rpt_xl_header_strs(&w->xl, ws, 0, 0, texts, n);
    rpt_xl_freeze(&w->xl, ws, 1, 2);
    return (lxw_col_t)(n - 1);
}

/* Writes the Sectoral table: levels 1 (then 1.A), 2, 3, 4, 5, each the
 * SUM of its rows; after each level its sectors (SUMIFS over the Sector
 * column) and their categories (SUMIFS over the Category column),
 * including the categories the inventory gives a notation key for; then
 * the totals without LULUCF and with it, and a note on the keys. A zero
 * shows its notation key; every cell stays a formula. */
void xw_sectoral(xw *w)
{
    sr_cols c;
    sr_table t = {0};
    c.ngas = xw_gases(w, c.gas);
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, xw_sheet(w, IL_SHEET_SECTORAL));
    char *buf = malloc(XW_FORMULA_MAX);
    if (!ws || !buf || !sr_build(w, &t)) {
        rpt_xl_check(&w->xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "building the Sectoral table");
        goto done;
    }
    lxw_col_t last = sr_header(w, ws, &c);
    for (size_t i = 0; i < t.nrow; i++)
        t.row[i].row = (lxw_row_t)i + 1;
    for (size_t i = 0; i < t.nrow && !w->xl.err; i++)
        sr_write_row(w, ws, &t, i, &c, buf);
    lxw_row_t row = (lxw_row_t)t.nrow + 1;
    sr_write_totals(w, ws, &t, &c, row, buf);
    rpt_xl_note(&w->xl, ws, row + 3, 0, last, il_label(IL_KEYS_NOTE, w->zh));
    rpt_xl_print_area(&w->xl, ws, row + 3, last);
done:
    free(buf);
    free(t.leaf);
    free(t.row);
}
