/* rpt_xl.c - the workbook, its cell formats and the checked helpers every sheet writer uses. */
#include "rpt_xl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How each format looks: bold, font size (0 = default), bottom border,
 * wrap, number format (NULL = General). */
typedef struct {
    bool bold;
    double font_size_pt;
    bool bottom_border;
    bool wrap;
    const char *num_format;
    lxw_color_t fill; /* solid background of this colour; 0 = none */
} rpt_fmt_spec;

static const rpt_fmt_spec rpt_fmt_specs[RPT_F_COUNT] = {
    [RPT_F_TITLE] = {true, 14, false, false, NULL, false},
    [RPT_F_HEADER] = {true, 0, true, true, NULL, false},
    [RPT_F_BOLD] = {true, 0, false, false, NULL, false},
    [RPT_F_WRAP] = {false, 0, false, true, NULL, false},
    [RPT_F_T] = {false, 0, false, false, "#,##0.00", false},
    [RPT_F_T_BOLD] = {true, 0, false, false, "#,##0.00", false},
    [RPT_F_T_SMALL] = {false, 0, false, false, "#,##0.0000", false},
    [RPT_F_T_SMALL_BOLD] = {true, 0, false, false, "#,##0.0000", false},
    [RPT_F_TJ] = {false, 0, false, false, "#,##0.00", false},
    [RPT_F_FACTOR] = {false, 0, false, false, "#,##0.000", false},
    [RPT_F_GENERAL] = {false, 0, false, false, "General", false},
    [RPT_F_INT] = {false, 0, false, false, "0", false},
    [RPT_F_PCT] = {false, 0, false, false, "0.0%", false},
    [RPT_F_PCT_BOLD] = {true, 0, false, false, "0.0%", false},
    [RPT_F_UNC] = {false, 0, false, false, "0.0", false},
    [RPT_F_HILITE] = {false, 0, false, false, "General", LXW_COLOR_YELLOW},
    [RPT_F_HILITE_INT] = {true, 0, false, false, "0", LXW_COLOR_YELLOW},
    [RPT_F_DEC4] = {false, 0, false, false, "#,##0.0000", 0},
    [RPT_F_PCT2] = {false, 0, false, false, "0.00%", 0},
    [RPT_F_GOOD] = {true, 0, false, false, NULL, 0xC6EFCE},
    [RPT_F_FAIR] = {true, 0, false, false, NULL, 0xE2EFDA},
    [RPT_F_WARN] = {true, 0, false, false, NULL, 0xFFEB9C},
    [RPT_F_BAD] = {true, 0, false, false, NULL, 0xFFC7CE},
};

/* Creates the formats of rpt_fmt_specs in the workbook; false when out of
 * memory. RPT_F_NONE stays NULL (the default format). */
static bool rpt_xl_formats(rpt_xl *x)
{
    x->f[RPT_F_NONE] = NULL;
    for (int i = RPT_F_NONE + 1; i < RPT_F_COUNT; i++) {
        const rpt_fmt_spec *s = &rpt_fmt_specs[i];
        lxw_format *f = workbook_add_format(x->wb);
        if (!f)
            return false;
        if (s->bold)
            format_set_bold(f);
        if (s->font_size_pt > 0)
            format_set_font_size(f, s->font_size_pt);
        if (s->bottom_border)
            format_set_bottom(f, LXW_BORDER_THIN);
        if (s->wrap) {
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        if (s->num_format)
            format_set_num_format(f, s->num_format);
        if (s->fill) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, s->fill);
        }
        x->f[i] = f;
    }
    return true;
}

/* Opens the workbook; see rpt_xl.h. Large inventories use
 * constant_memory (rows streamed to temp files in `m->tmpdir`) and ZIP64. */
bool rpt_xl_open(rpt_xl *x, const char *path, const rpt_meta *m, const rpt_labels *labels, char *err, size_t errlen)
{
    memset(x, 0, sizeof *x);
    x->zh = m->zh;
    x->tool_version = m->tool_version;
    x->labels = labels;
    lxw_workbook_options opt = {
        .constant_memory = m->constant_memory ? LXW_TRUE : LXW_FALSE,
        .tmpdir = (char *)m->tmpdir,
        .use_zip64 = m->constant_memory ? LXW_TRUE : LXW_FALSE,
    };
    x->wb = workbook_new_opt(path, &opt);
    if (!x->wb) {
        snprintf(err, errlen, "cannot start workbook '%s' (out of memory or no temporary folder)", path);
        return false;
    }
    if (!rpt_xl_formats(x)) {
        snprintf(err, errlen, "cannot create the cell formats of workbook '%s': out of memory", path);
        workbook_close(x->wb);
        x->wb = NULL;
        return false;
    }
    return true;
}

/* Sets title, subject, author, comments and the fixed creation time. The
 * strings are copied by libxlsxwriter. */
void rpt_xl_properties(rpt_xl *x, const char *title, const char *subject)
{
    char comments[128];
    rpt_fmt(comments, sizeof comments, "ghgcalc %s", x->tool_version ? x->tool_version : "");
    lxw_doc_properties p = {
        .title = (char *)title,
        .subject = (char *)subject,
        .author = "ghgcalc",
        .comments = (char *)comments,
        .created = RPT_XL_CREATED,
    };
    rpt_xl_check(x, workbook_set_properties(x->wb, &p), "setting the document properties");
}

/* Adds sheet `name`; libxlsxwriter returns NULL for a bad or duplicate
 * name, or when it cannot create the sheet's temporary file. */
lxw_worksheet *rpt_xl_sheet(rpt_xl *x, const char *name)
{
    if (x->err)
        return NULL;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws) {
        x->err = LXW_ERROR_CREATING_TMPFILE;
        snprintf(x->what, sizeof x->what, "adding sheet '%s'", name);
    }
    return ws;
}

/* Keeps the first error and what caused it. */
bool rpt_xl_check(rpt_xl *x, lxw_error e, const char *what)
{
    if (e == LXW_NO_ERROR)
        return true;
    if (!x->err) {
        x->err = e;
        snprintf(x->what, sizeof x->what, "%s", what);
    }
    return false;
}

#define RPT_XL_CELL_CHARS_MAX 32767 /* Excel's limit on the characters of one cell */

/* Byte length of the first RPT_XL_CELL_CHARS_MAX characters of UTF-8 text `s`
 * (Excel's cell limit), or strlen(s) when it is shorter. */
static size_t rpt_xl_fit(const char *s)
{
    size_t chars = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue; /* continuation byte */
        if (chars++ == RPT_XL_CELL_CHARS_MAX)
            break;
    }
    return i;
}

/* Writes a string cell, or nothing for NULL / "". Text longer than Excel's
 * 32,767 characters is cut there rather than failing the workbook. */
void rpt_xl_str(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, rpt_fmt_id f)
{
    if (x->err || !s || !*s)
        return;
    char what[64];
    size_t len = rpt_xl_fit(s);
    char *cut = s[len] ? strndup(s, len) : NULL;
    lxw_error e =
        s[len] && !cut ? LXW_ERROR_MEMORY_MALLOC_FAILED : worksheet_write_string(ws, row, col, cut ? cut : s, x->f[f]);
    free(cut);
    if (e) {
        snprintf(what, sizeof what, "writing text at row %u, column %u", (unsigned)row + 1, (unsigned)col + 1);
        rpt_xl_check(x, e, what);
    }
}

/* Joins the source on the stack, or in the heap when it is long. */
void rpt_xl_src(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const rpt_src *s)
{
    char stack[1024];
    char *text = rpt_src_join(s, stack, sizeof stack);
    if (!text) {
        rpt_xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "joining a source text");
        return;
    }
    rpt_xl_str(x, ws, row, col, text, RPT_F_NONE);
    if (text != stack)
        free(text);
}

/* Writes a finite number; leaves the cell empty for NaN or infinity. */
void rpt_xl_num(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v, rpt_fmt_id f)
{
    if (x->err || !isfinite(v))
        return;
    char what[64];
    lxw_error e = worksheet_write_number(ws, row, col, v, x->f[f]);
    if (e) {
        snprintf(what, sizeof what, "writing a number at row %u, column %u", (unsigned)row + 1, (unsigned)col + 1);
        rpt_xl_check(x, e, what);
    }
}

/* Writes a formula and its cached value; a non-finite value fails. */
void rpt_xl_formula(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached,
                    rpt_fmt_id f)
{
    if (x->err)
        return;
    lxw_error e = isfinite(cached) ? worksheet_write_formula_num(ws, row, col, formula, x->f[f], cached)
                                   : LXW_ERROR_PARAMETER_VALIDATION;
    if (e) {
        char what[160];
        snprintf(what, sizeof what, "writing formula %.60s at row %u, column %u%s", formula, (unsigned)row + 1,
                 (unsigned)col + 1, isfinite(cached) ? "" : " (its value is not a finite number)");
        rpt_xl_check(x, e, what);
    }
}

const char *rpt_xl_label(const rpt_xl *x, rpt_label_id id) { return rpt_label(x->labels, id, x->zh); }

/* Joins the references with '*' after '='. */
void rpt_xl_product(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const lxw_col_t *cols, size_t n,
                    double cached, rpt_fmt_id f)
{
    char formula[RPT_XL_FORMULA_MAX];
    size_t used = 0;
    for (size_t i = 0; i < n && used < sizeof formula; i++)
        used += (size_t)snprintf(formula + used, sizeof formula - used, "%s%s", i ? "*" : "=",
                                 rpt_xl_cell(row, cols[i]).s);
    if (used >= sizeof formula)
        rpt_xl_check(x, LXW_ERROR_PARAMETER_VALIDATION, "building a product formula (too many cells)");
    else
        rpt_xl_formula(x, ws, row, col, formula, cached, f);
}

/* Writes a text formula and its cached text. */
void rpt_xl_formula_str(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                        const char *cached, rpt_fmt_id f)
{
    if (x->err)
        return;
    lxw_error e = worksheet_write_formula_str(ws, row, col, formula, x->f[f], cached);
    if (e) {
        char what[160];
        snprintf(what, sizeof what, "writing formula %.60s at row %u, column %u", formula, (unsigned)row + 1,
                 (unsigned)col + 1);
        rpt_xl_check(x, e, what);
    }
}

/* Writes a row of header labels with the header format. */
void rpt_xl_header(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const rpt_label_id *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rpt_xl_str(x, ws, row, (lxw_col_t)i, rpt_xl_label(x, ids[i]), RPT_F_HEADER);
}

/* Writes a row of header texts with the header format. */
void rpt_xl_header_texts(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const rpt_text *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rpt_xl_str(x, ws, row, (lxw_col_t)i, rpt_tr(&cols[i], x->zh), RPT_F_HEADER);
}

/* Sets each column's width; formats are given per cell instead. */
void rpt_xl_widths(rpt_xl *x, lxw_worksheet *ws, const double *width_chars, size_t n)
{
    for (size_t i = 0; i < n && !x->err; i++)
        rpt_xl_check(x, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width_chars[i], NULL),
                     "setting a column width");
}

/* Writes a bold label and its value on one row. */
void rpt_xl_pair(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const char *label, const char *value)
{
    rpt_xl_str(x, ws, row, 0, label, RPT_F_BOLD);
    rpt_xl_str(x, ws, row, 1, value, RPT_F_WRAP);
}

/* Whether a sheet name can stand bare in a formula: letters, digits and
 * '_' only, not starting with a digit ("Calculation", "Inputs"). */
static bool rpt_xl_bare_name(const char *name)
{
    if (!*name || (*name >= '0' && *name <= '9'))
        return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return false;
    return true;
}

/* Writes "Sheet!" or "'Sheet name'!" into buf (our names have no "'"); ""
 * for NULL. */
static void rpt_xl_sheet_prefix(const char *sheet, char *buf, size_t len)
{
    if (!sheet)
        snprintf(buf, len, "%s", "");
    else if (rpt_xl_bare_name(sheet))
        snprintf(buf, len, "%s!", sheet);
    else
        snprintf(buf, len, "'%s'!", sheet);
}

rpt_ref rpt_xl_cell(lxw_row_t row, lxw_col_t col) { return rpt_xl_ref(NULL, row, col, false); }

/* lxw_col_to_name gives the letters ("$G" when absolute); the row follows. */
rpt_ref rpt_xl_ref(const char *sheet, lxw_row_t row, lxw_col_t col, bool abs)
{
    rpt_ref r;
    char pre[40], name[16];
    rpt_xl_sheet_prefix(sheet, pre, sizeof pre);
    lxw_col_to_name(name, col, abs ? LXW_TRUE : LXW_FALSE);
    snprintf(r.s, sizeof r.s, "%s%s%s%u", pre, name, abs ? "$" : "", (unsigned)row + 1);
    return r;
}

rpt_ref rpt_xl_range(const char *sheet, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1, bool abs)
{
    rpt_ref r, a = rpt_xl_ref(sheet, r0, c0, abs), b = rpt_xl_ref(NULL, r1, c1, abs);
    rpt_fmt(r.s, sizeof r.s, "%s:%s", a.s, b.s); /* fits: see rpt_ref */
    return r;
}

rpt_ref rpt_xl_column(const char *sheet, lxw_col_t col)
{
    rpt_ref r;
    char pre[40], name[16];
    rpt_xl_sheet_prefix(sheet, pre, sizeof pre);
    lxw_col_to_name(name, col, LXW_TRUE);
    rpt_fmt(r.s, sizeof r.s, "%s%s:%s", pre, name, name);
    return r;
}

lxw_chart *rpt_xl_chart(rpt_xl *x, uint8_t type, const char *title)
{
    lxw_chart *ch = x->err ? NULL : workbook_add_chart(x->wb, type);
    if (!ch) {
        rpt_xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart");
        return NULL;
    }
    chart_title_set_name(ch, title);
    return ch;
}

/* The ranges are formulas: "=Sheet!$A$2:$A$9". */
lxw_chart_series *rpt_xl_series(rpt_xl *x, lxw_chart *ch, const char *sheet, lxw_col_t cat_col, lxw_col_t val_col,
                                lxw_row_t r0, lxw_row_t r1, const char *name)
{
    char cats[80], vals[80];
    if (!ch || x->err)
        return NULL;
    snprintf(cats, sizeof cats, "=%s", rpt_xl_range(sheet, r0, cat_col, r1, cat_col, true).s);
    snprintf(vals, sizeof vals, "=%s", rpt_xl_range(sheet, r0, val_col, r1, val_col, true).s);
    lxw_chart_series *s = chart_add_series(ch, cats, vals);
    if (!s) {
        rpt_xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart series");
        return NULL;
    }
    if (name)
        chart_series_set_name(s, name);
    return s;
}

/* Closes the workbook, which writes the file and frees the workbook even
 * after an earlier error; reports the first error of either. */
int rpt_xl_close(rpt_xl *x, const char *path, char *err, size_t errlen)
{
    if (!x->wb)
        return -1;
    lxw_error e = workbook_close(x->wb);
    x->wb = NULL;
    if (x->err) {
        snprintf(err, errlen, "writing workbook '%s': %s: %s", path, x->what, lxw_strerror(x->err));
        return -1;
    }
    if (e) {
        snprintf(err, errlen, "writing workbook '%s': %s", path, lxw_strerror(e));
        return -1;
    }
    return 0;
}
