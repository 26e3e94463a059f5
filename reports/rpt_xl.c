/* rpt_xl.c - the workbook, its cell formats and the checked helpers every sheet writer uses. */
#include "rpt_xl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t rpt_xl_a1(char *out, lxw_row_t row, lxw_col_t col, bool abs);

/* How each format looks: bold, font size (0 = default), bottom border,
 * wrap, number format (NULL = General). */
typedef struct {
    bool bold;
    double font_size_pt;
    bool bottom_border;
    bool wrap;
    const char *num_format;
    lxw_color_t fill; /* solid background of this colour; 0 = none */
    uint8_t indent;   /* left indent, in Excel's steps */
    bool top;         /* aligned to the top of a tall row */
} rpt_fmt_spec;

static const rpt_fmt_spec rpt_fmt_specs[RPT_F_COUNT] = {
    /* bold, size, border, wrap, number format, fill, indent, top */
    [RPT_F_TITLE] = {true, 14, false, false, NULL, 0, 0, false},
    [RPT_F_HEADER] = {true, 0, true, true, NULL, 0, 0, false},
    [RPT_F_BOLD] = {true, 0, false, false, NULL, 0, 0, false},
    [RPT_F_WRAP] = {false, 0, false, true, NULL, 0, 0, false},
    [RPT_F_T] = {false, 0, false, false, "#,##0.00", 0, 0, false},
    [RPT_F_T_BOLD] = {true, 0, false, false, "#,##0.00", 0, 0, false},
    [RPT_F_T_SMALL] = {false, 0, false, false, "#,##0.0000", 0, 0, false},
    [RPT_F_T_SMALL_BOLD] = {true, 0, false, false, "#,##0.0000", 0, 0, false},
    [RPT_F_TJ] = {false, 0, false, false, "#,##0.00", 0, 0, false},
    [RPT_F_FACTOR] = {false, 0, false, false, "#,##0.000", 0, 0, false},
    [RPT_F_GENERAL] = {false, 0, false, false, "General", 0, 0, false},
    [RPT_F_INT] = {false, 0, false, false, "0", 0, 0, false},
    [RPT_F_PCT] = {false, 0, false, false, "0.0%", 0, 0, false},
    [RPT_F_PCT_BOLD] = {true, 0, false, false, "0.0%", 0, 0, false},
    [RPT_F_UNC] = {false, 0, false, false, "0.0", 0, 0, false},
    [RPT_F_HILITE] = {false, 0, false, false, "General", LXW_COLOR_YELLOW, 0, false},
    [RPT_F_HILITE_INT] = {true, 0, false, false, "0", LXW_COLOR_YELLOW, 0, false},
    [RPT_F_DEC4] = {false, 0, false, false, "#,##0.0000", 0, 0, false},
    [RPT_F_PCT2] = {false, 0, false, false, "0.00%", 0, 0, false},
    [RPT_F_GOOD] = {true, 0, false, false, NULL, 0xC6EFCE, 0, false},
    [RPT_F_FAIR] = {true, 0, false, false, NULL, 0xE2EFDA, 0, false},
    [RPT_F_WARN] = {true, 0, false, false, NULL, 0xFFEB9C, 0, false},
    [RPT_F_BAD] = {true, 0, false, false, NULL, 0xFFC7CE, 0, false},
    [RPT_F_THOUSANDS] = {false, 0, false, false, "#,##0", 0, 0, false},
    [RPT_F_UNIT] = {false, 0, false, false, NULL, 0, 1, false},
    [RPT_F_LABEL] = {true, 0, false, false, NULL, 0, 0, true},
    [RPT_F_FLAG] = {true, 0, false, false, NULL, 0, 1, false},
    [RPT_F_T_TINY] = {false, 0, false, false, "#,##0.000000", 0, 0, false},
};

/* A new format of spec `s` with number format `num_format` (NULL: General);
 * NULL when out of memory. */
static lxw_format *rpt_xl_make(rpt_xl *x, const rpt_fmt_spec *s, const char *num_format)
{
    lxw_format *f = workbook_add_format(x->wb);
    if (!f)
        return NULL;
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
    if (num_format)
        format_set_num_format(f, num_format);
    if (s->fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, s->fill);
    }
    if (s->indent)
        format_set_indent(f, s->indent);
    if (s->top)
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/* Creates the formats of rpt_fmt_specs in the workbook; false when out of
 * memory. RPT_F_NONE stays NULL (the default format). */
static bool rpt_xl_formats(rpt_xl *x)
{
    x->f[RPT_F_NONE] = NULL;
    for (int i = RPT_F_NONE + 1; i < RPT_F_COUNT; i++)
        if (!(x->f[i] = rpt_xl_make(x, &rpt_fmt_specs[i], rpt_fmt_specs[i].num_format)))
            return false;
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

/* The footer: the name at the left, "Page N of M" at the right, small.
 * '&' starts a code in a footer, so the name's own '&' is doubled; a long
 * name is cut to leave room for the rest. */
void rpt_xl_footer(rpt_xl *x, const char *name)
{
    char esc[2 * 120 + 1];
    size_t n = 0;
    for (const char *p = name ? name : ""; *p && n + 2 < sizeof esc; p++) {
        if (*p == '&')
            esc[n++] = '&';
        esc[n++] = *p;
    }
    esc[n] = '\0';
    rpt_fmt(x->footer, 160, "&L&8%s", esc); /* cut within a character, never inside one */
    size_t used = strlen(x->footer);
    rpt_fmt(x->footer + used, sizeof x->footer - used, "&R&8%s", rpt_xl_label(x, RPT_L_PAGE));
}

/* Adds sheet `name`; libxlsxwriter returns NULL for a bad or duplicate
 * name, or when it cannot create the sheet's temporary file. The page
 * setup: landscape A4 (paper 9), one page wide and as many long as it
 * takes, margins of 0.4 inch at the sides and 0.6 at top and bottom. */
lxw_worksheet *rpt_xl_sheet(rpt_xl *x, const char *name)
{
    if (x->err)
        return NULL;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws) {
        x->err = LXW_ERROR_CREATING_TMPFILE;
        snprintf(x->what, sizeof x->what, "adding sheet '%s'", name);
        return NULL;
    }
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    if (x->footer[0])
        rpt_xl_check(x, worksheet_set_footer(ws, x->footer), "setting the printed footer");
    x->width_ws = ws;
    for (size_t i = 0; i < RPT_XL_WIDTHS; i++)
        x->width[i] = LXW_DEF_COL_WIDTH;
    return ws;
}

/* Frozen panes for the screen, repeated rows for the printer. */
void rpt_xl_freeze(rpt_xl *x, lxw_worksheet *ws, lxw_row_t rows, lxw_col_t cols)
{
    if (x->err || !ws)
        return;
    worksheet_freeze_panes(ws, rows, cols);
    if (rows)
        rpt_xl_check(x, worksheet_repeat_rows(ws, 0, rows - 1), "setting the rows printed on every page");
}

/* The name refers to an absolute cell: "=Summary!$C$12". */
void rpt_xl_define(rpt_xl *x, const char *name, const char *sheet, lxw_row_t row, lxw_col_t col)
{
    char formula[160], what[96];
    if (x->err)
        return;
    snprintf(formula, sizeof formula, "=%s", rpt_xl_ref(sheet, row, col, true).s);
    snprintf(what, sizeof what, "defining the name '%.60s'", name);
    rpt_xl_check(x, workbook_define_name(x->wb, name, formula), what);
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

/* The format `f` with zeros shown as `zero`: "#,##0.00;-#,##0.00;\"NO\"",
 * made once per (f, zero). NULL (with x->err set) when out of room. */
static lxw_format *rpt_xl_zero_format(rpt_xl *x, rpt_fmt_id f, const char *zero)
{
    for (size_t i = 0; i < x->nzero; i++)
        if (x->zero[i].base == f && strcmp(x->zero[i].text, zero) == 0)
            return x->zero[i].f;
    if (x->nzero == RPT_XL_ZERO_FMTS || strlen(zero) >= sizeof x->zero[0].text) {
        rpt_xl_check(x, LXW_ERROR_PARAMETER_VALIDATION, "making a format for a notation key (too many)");
        return NULL;
    }
    const char *base = rpt_fmt_specs[f].num_format ? rpt_fmt_specs[f].num_format : "General";
    char num[96];
    snprintf(num, sizeof num, "%s;-%s;\"%s\"", base, base, zero);
    rpt_xl_zero_fmt *z = &x->zero[x->nzero];
    if (!(z->f = rpt_xl_make(x, &rpt_fmt_specs[f], num))) {
        rpt_xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "making a format for a notation key");
        return NULL;
    }
    z->base = f;
    snprintf(z->text, sizeof z->text, "%s", zero);
    x->nzero++;
    return z->f;
}

/* Writes the formula in the zero-showing variant of f. */
void rpt_xl_formula_zero(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                         double cached, rpt_fmt_id f, const char *zero)
{
    lxw_format *zf = zero && !x->err ? rpt_xl_zero_format(x, f, zero) : NULL;
    if (!zf || x->err) {
        rpt_xl_formula(x, ws, row, col, formula, cached, f);
        return;
    }
    lxw_error e = isfinite(cached) ? worksheet_write_formula_num(ws, row, col, formula, zf, cached)
                                   : LXW_ERROR_PARAMETER_VALIDATION;
    if (e) {
        char what[160];
        snprintf(what, sizeof what, "writing formula %.60s at row %u, column %u", formula, (unsigned)row + 1,
                 (unsigned)col + 1);
        rpt_xl_check(x, e, what);
    }
}

void rpt_xl_zero(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, rpt_fmt_id f, const char *zero)
{
    lxw_format *zf = !x->err ? rpt_xl_zero_format(x, f, zero) : NULL;
    if (zf)
        rpt_xl_check(x, worksheet_write_number(ws, row, col, 0.0, zf), "writing a notation key");
}

const char *rpt_xl_label(const rpt_xl *x, rpt_label_id id) { return rpt_label(x->labels, id, x->zh); }

/* Joins the references with '*' after '='; each takes at most 16 bytes. */
bool rpt_xl_product_text(char formula[RPT_XL_FORMULA_MAX], lxw_row_t row, const lxw_col_t *cols, size_t n)
{
    size_t used = 0;
    if (n * 16 + 1 >= RPT_XL_FORMULA_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        formula[used++] = i ? '*' : '=';
        used += rpt_xl_a1(formula + used, row, cols[i], false);
    }
    formula[used] = '\0';
    return true;
}

void rpt_xl_product(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const lxw_col_t *cols, size_t n,
                    double cached, rpt_fmt_id f)
{
    char formula[RPT_XL_FORMULA_MAX];
    if (!rpt_xl_product_text(formula, row, cols, n)) {
        rpt_xl_check(x, LXW_ERROR_PARAMETER_VALIDATION, "building a product formula (too many cells)");
        return;
    }
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

/* The code point of the UTF-8 character at s, and its length in *len. */
static unsigned rpt_xl_code_point(const char *s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
    unsigned cp = n == 1 ? u[0] : u[0] & (0x3Fu >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            n = i;
            break;
        }
        cp = (cp << 6) | (u[i] & 0x3Fu);
    }
    *len = n;
    return cp;
}

/* A character as wide as two digits: Hangul, CJK and the full-width forms. */
static bool rpt_xl_wide(unsigned cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
}

/* Whether text holds a wide (CJK) character: its line is taller. */
static bool rpt_xl_has_wide(const char *text)
{
    for (const char *p = text ? text : ""; *p;) {
        size_t len;
        if (rpt_xl_wide(rpt_xl_code_point(p, &len)))
            return true;
        p += len;
    }
    return false;
}

/* The width of column c of the sheet being written. */
static double rpt_xl_col_w(const rpt_xl *x, lxw_worksheet *ws, size_t c)
{
    return ws == x->width_ws && c < RPT_XL_WIDTHS ? x->width[c] : LXW_DEF_COL_WIDTH;
}

/* Width of narrow character c in units of the default font's digit
 * (Calibri 11, and Carlito, which has its metrics): thin letters and
 * punctuation about half, wide capitals one and a half, most lower-case
 * letters a little under one. */
static double rpt_xl_narrow_w(unsigned c)
{
    if (strchr("iIjl.,:;'!|", (int)c))
        return 0.5;
    if (strchr("frt()[]{}/-\" ", (int)c))
        return 0.65;
    if (strchr("mwMW@%", (int)c))
        return 1.5;
    if (c >= 'A' && c <= 'Z')
        return 1.15;
    if (c >= 'a' && c <= 'z')
        return 0.95;
    return 1.0;
}

/* Greedy wrapping in units of the default font's digit width: narrow
 * characters by rpt_xl_narrow_w (bold 6 % wider), a wide one 2 (2.12); a
 * word is a run of narrow characters; a wide character is a word of its
 * own (a line may break on either side). */
unsigned rpt_xl_wrapped_lines(const char *text, double width_chars, bool bold)
{
    double k = bold ? 1.06 : 1.0, avail = width_chars - 0.3, cur = 0;
    unsigned lines = 1;
    bool space = false;
    if (avail < 1)
        avail = 1;
    for (const char *p = text ? text : ""; *p;) {
        size_t len;
        unsigned cp = rpt_xl_code_point(p, &len);
        if (cp == ' ' || cp == '\n') {
            if (cp == '\n') {
                lines++;
                cur = 0;
            }
            space = cur > 0;
            p += len;
            continue;
        }
        double w = 0;
        if (rpt_xl_wide(cp)) {
            w = 2 * k;
            p += len;
        } else { /* a word: up to the next space or wide character */
            while (*p && *p != ' ' && *p != '\n' && !rpt_xl_wide(cp = rpt_xl_code_point(p, &len))) {
                w += k * rpt_xl_narrow_w(cp);
                p += len;
            }
        }
        double sep = space ? k * rpt_xl_narrow_w(' ') : 0;
        space = false;
        if (cur > 0 && cur + sep + w <= avail) {
            cur += sep + w;
            continue;
        }
        if (cur > 0)
            lines++;
        for (cur = w; cur > avail; cur -= avail)
            lines++;
    }
    return lines;
}

/* A note across columns col0..col1 of `row`: merged, wrapped, the row as
 * tall as its lines at the widths set so far. A long text in one cell
 * would spill to the right and widen the printed page. */
void rpt_xl_note(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col0, lxw_col_t col1, const char *text)
{
    double width = 0;
    if (x->err || !text || !*text)
        return;
    for (size_t c = col0; c <= col1; c++)
        width += rpt_xl_col_w(x, ws, c);
    unsigned lines = rpt_xl_wrapped_lines(text, width, false);
    rpt_xl_check(x, worksheet_set_row(ws, row, lines * (rpt_xl_has_wide(text) ? 16.5 : LXW_DEF_ROW_HEIGHT), NULL),
                 "setting the height of a note");
    if (col1 > col0)
        rpt_xl_check(x, worksheet_merge_range(ws, row, col0, row, col1, text, x->f[RPT_F_WRAP]), "writing a note");
    else
        rpt_xl_str(x, ws, row, col0, text, RPT_F_WRAP);
}

/* Limits the printed area to the table: a long text in its last column
 * would otherwise spill to the right and shrink every printed page. */
void rpt_xl_print_area(rpt_xl *x, lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col)
{
    if (!x->err && ws)
        rpt_xl_check(x, worksheet_print_area(ws, 0, 0, last_row, last_col), "setting the printed area");
}

/* A line of text is 15 points (the default row), 16.5 when the row holds
 * Chinese, whose fonts are taller; the row is set only when it needs more
 * than one plain line. */
void rpt_xl_fit_row(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const lxw_col_t *cols, const char *const *texts, size_t n,
                bool bold)
{
    unsigned most = 1;
    bool wide = false;
    if (x->err)
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned lines = rpt_xl_wrapped_lines(texts[i], rpt_xl_col_w(x, ws, cols[i]), bold);
        if (lines > most)
            most = lines;
        wide = wide || rpt_xl_has_wide(texts[i]);
    }
    if (most > 1 || wide)
        rpt_xl_check(x, worksheet_set_row(ws, row, most * (wide ? 16.5 : LXW_DEF_ROW_HEIGHT), NULL),
                     "setting the height of a row");
}

/* Sizes the row for the most lines of any text, then writes the texts. */
void rpt_xl_header_strs(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col0, const char *const *texts,
                        size_t n)
{
    lxw_col_t cols[256] = {0};
    size_t m = n < 256 ? n : 256;
    for (size_t i = 0; i < m; i++)
        cols[i] = (lxw_col_t)(col0 + i);
    rpt_xl_fit_row(x, ws, row, cols, texts, m, true);
    for (size_t i = 0; i < m; i++)
        rpt_xl_str(x, ws, row, (lxw_col_t)(col0 + i), texts[i], RPT_F_HEADER);
}

/* Header texts of generic and writer labels, at most 64 a row. */
void rpt_xl_header(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const rpt_label_id *ids, size_t n)
{
    const char *texts[64];
    for (size_t i = 0; i < n && i < 64; i++)
        texts[i] = rpt_xl_label(x, ids[i]);
    rpt_xl_header_strs(x, ws, row, 0, texts, n < 64 ? n : 64);
}

/* Header texts of a column table, at most 64 a row. */
void rpt_xl_header_texts(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const rpt_text *cols, size_t n)
{
    const char *texts[64];
    for (size_t i = 0; i < n && i < 64; i++)
        texts[i] = rpt_tr(&cols[i], x->zh);
    rpt_xl_header_strs(x, ws, row, 0, texts, n < 64 ? n : 64);
}

/* Sets the widths and remembers them for the header rows. */
void rpt_xl_width(rpt_xl *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last, double width_chars)
{
    if (x->err)
        return;
    rpt_xl_check(x, worksheet_set_column(ws, first, last, width_chars, NULL), "setting a column width");
    for (size_t c = first; ws == x->width_ws && c <= last && c < RPT_XL_WIDTHS; c++)
        x->width[c] = width_chars;
}

/* Sets each column's width; formats are given per cell instead. */
void rpt_xl_widths(rpt_xl *x, lxw_worksheet *ws, const double *width_chars, size_t n)
{
    for (size_t i = 0; i < n && !x->err; i++)
        rpt_xl_width(x, ws, (lxw_col_t)i, (lxw_col_t)i, width_chars[i]);
}

/* Writes a bold label and its value on one row, as tall as the value's
 * wrapped lines. */
void rpt_xl_pair(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const char *label, const char *value)
{
    static const lxw_col_t col[] = {1};
    const char *texts[] = {value};
    rpt_xl_fit_row(x, ws, row, col, texts, 1, false);
    rpt_xl_str(x, ws, row, 0, label, RPT_F_LABEL);
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

/* Writes the A1 reference of (row, col) at out ("G5", "$G$5"; at most 15
 * bytes with the NUL: "$XFD$1048576") and returns its length. Built by hand:
 * every calculation row builds a few, and snprintf would cost more than
 * libxlsxwriter's own work on the cell. */
static size_t rpt_xl_a1(char *out, lxw_row_t row, lxw_col_t col, bool abs)
{
    char letters[4], digits[12];
    size_t n = 0, nl = 0, nd = 0;
    for (unsigned c = (unsigned)col + 1; c > 0; c = (c - 1) / 26)
        letters[nl++] = (char)('A' + (c - 1) % 26);
    for (unsigned long r = (unsigned long)row + 1; r > 0; r /= 10)
        digits[nd++] = (char)('0' + r % 10);
    if (abs)
        out[n++] = '$';
    while (nl)
        out[n++] = letters[--nl];
    if (abs)
        out[n++] = '$';
    while (nd)
        out[n++] = digits[--nd];
    out[n] = '\0';
    return n;
}

rpt_ref rpt_xl_cell(lxw_row_t row, lxw_col_t col)
{
    rpt_ref r;
    rpt_xl_a1(r.s, row, col, false);
    return r;
}

/* The sheet's prefix, then the A1 reference. */
rpt_ref rpt_xl_ref(const char *sheet, lxw_row_t row, lxw_col_t col, bool abs)
{
    rpt_ref r;
    size_t n = 0;
    if (sheet) {
        rpt_xl_sheet_prefix(sheet, r.s, sizeof r.s - 16);
        n = strlen(r.s);
    }
    rpt_xl_a1(r.s + n, row, col, abs);
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

/* Chinese reads down a vertical axis as a column of upright characters
 * (Excel's "stacked" text, rotation 270); other text is turned. */
void rpt_xl_axis_name(rpt_xl *x, lxw_chart_axis *axis, const char *name, bool vertical)
{
    chart_axis_set_name(axis, name);
    if (vertical && x->zh) {
        lxw_chart_font font = {.rotation = 270, .bold = LXW_TRUE};
        chart_axis_set_name_font(axis, &font);
    }
}

/* The ranges are formulas: "=Sheet!$A$2:$A$9". */
lxw_chart_series *rpt_xl_series(rpt_xl *x, lxw_chart *ch, const char *sheet, lxw_col_t cat_col, lxw_col_t val_col,
                                lxw_row_t r0, lxw_row_t r1, const char *name)
{
    char cats[160], vals[160];
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
