/* rpt_xl.h - every workbook writer's toolkit: the workbook, cell formats, checked cells, formula references. */
#ifndef GHG_RPT_XL_H
#define GHG_RPT_XL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <xlsxwriter.h>

#include "rpt_meta.h"
#include "rpt_text.h"

/* Fixed creation time written into every workbook (2000-01-01T00:00:00Z):
 * with it the same inputs give the same bytes. libxlsxwriter would otherwise
 * stamp the current time into docProps/core.xml. */
#define RPT_XL_CREATED ((time_t)946684800)

/* The cell formats of the workbook; RPT_F_NONE is the default (NULL). */
typedef enum {
    RPT_F_NONE,
    RPT_F_TITLE,  /* bold, larger */
    RPT_F_HEADER, /* bold, bottom border, wrapped */
    RPT_F_BOLD,
    RPT_F_WRAP, /* long text, wrapped, top-aligned */
    RPT_F_T,    /* tonnes: #,##0.00 */
    RPT_F_T_BOLD,
    RPT_F_T_SMALL, /* tonnes of CH4/N2O: #,##0.0000 */
    RPT_F_T_SMALL_BOLD,
    RPT_F_TJ,      /* energy: #,##0.00 */
    RPT_F_FACTOR,  /* NCV, EF, oxidation: #,##0.000 */
    RPT_F_GENERAL, /* amounts, unit factors: General */
    RPT_F_INT,     /* record numbers, years, GWPs: 0 */
    RPT_F_PCT,     /* shares: 0.0% */
    RPT_F_PCT_BOLD,
    RPT_F_UNC,        /* uncertainty percent: 0.0 */
    RPT_F_HILITE,     /* highlighted row (the FOD inventory year): General on yellow */
    RPT_F_HILITE_INT, /* highlighted year: 0 on yellow */
    RPT_F_DEC4,       /* intensities: #,##0.0000 */
    RPT_F_PCT2,       /* rates of change: 0.00% */
    RPT_F_GOOD,       /* a status: bold on green (met) */
    RPT_F_FAIR,       /* bold on light green (on track) */
    RPT_F_WARN,       /* bold on amber (off track) */
    RPT_F_BAD,        /* bold on red (missed) */
    RPT_F_THOUSANDS,  /* persons: #,##0 */
    RPT_F_UNIT,       /* a unit beside a number: indented one step */
    RPT_F_LABEL,      /* bold, at the top of a tall row (a label beside wrapped text) */
    RPT_F_FLAG,       /* a short code right of numbers ("L1 T2"): bold, indented one step */
    RPT_F_T_TINY,     /* 10^4 t of CH4/N2O in a row (--unit 10kt): #,##0.000000, to 0.01 t */
    RPT_F_COUNT
} rpt_fmt_id;

/* Columns whose widths the toolkit remembers for the sheet being written,
 * to size its wrapped header rows (columns further right: Excel's default). */
#define RPT_XL_WIDTHS 256

/* Formats that show a zero as a text (a notation key such as "NO"), made
 * on first use: a base format and the text. */
#define RPT_XL_ZERO_FMTS 48

typedef struct {
    rpt_fmt_id base;
    char text[8];
    lxw_format *f;
} rpt_xl_zero_fmt;

/* An open workbook and the first error met while writing it. Helpers do
 * nothing once `err` is set, so a writer can check once at the end. */
typedef struct {
    lxw_workbook *wb;
    lxw_format *f[RPT_F_COUNT];
    bool zh;                   /* labels in Chinese */
    const char *tool_version;  /* for the document properties */
    const rpt_labels *labels;  /* the writer's own labels, or NULL */
    char footer[LXW_HEADER_FOOTER_MAX + 1]; /* every sheet's printed footer (rpt_xl_footer) */
    lxw_worksheet *width_ws;            /* the sheet whose widths `width` holds */
    double width[RPT_XL_WIDTHS];        /* its column widths, in characters */
    rpt_xl_zero_fmt zero[RPT_XL_ZERO_FMTS];
    size_t nzero;
    lxw_error err;  /* LXW_NO_ERROR while all went well */
    char what[160]; /* what failed, for the message */
} rpt_xl;

/* Creates the workbook at `path` (libxlsxwriter writes it at close) with
 * the formats, the options and the language of `m`; `labels` are the
 * writer's own labels (NULL: generic ones only). Returns false with a
 * message in err. */
bool rpt_xl_open(rpt_xl *x, const char *path, const rpt_meta *m, const rpt_labels *labels, char *err, size_t errlen);

/* The text of label `id` (generic or the writer's) in the workbook's language. */
const char *rpt_xl_label(const rpt_xl *x, rpt_label_id id);

/* Sets the document properties: title, subject, author "ghgcalc",
 * comments "ghgcalc <version>" and the fixed creation time. */
void rpt_xl_properties(rpt_xl *x, const char *title, const char *subject);

/* Sets the text printed at the left of every sheet's footer (the
 * inventory's or series' name); the right shows "Page N of M". Call it
 * before adding the sheets. */
void rpt_xl_footer(rpt_xl *x, const char *name);

/* Adds a worksheet, set up for printing: landscape A4, fitted to one page
 * wide, narrow margins, the footer of rpt_xl_footer(). NULL (with x->err
 * set) on failure. */
lxw_worksheet *rpt_xl_sheet(rpt_xl *x, const char *name);

/* Freezes the first `rows` rows and `cols` columns (the header and the key
 * columns of a table) and prints the frozen rows on every page. */
void rpt_xl_freeze(rpt_xl *x, lxw_worksheet *ws, lxw_row_t rows, lxw_col_t cols);

/* Defines the workbook name `name` ("Total_CO2e") for the cell (row, col)
 * of `sheet`. */
void rpt_xl_define(rpt_xl *x, const char *name, const char *sheet, lxw_row_t row, lxw_col_t col);

/* Records lxw_error `e` from the call described by `what`, if it is the
 * first. Returns true when e is LXW_NO_ERROR. */
bool rpt_xl_check(rpt_xl *x, lxw_error e, const char *what);

/* Writes text; NULL or "" leaves the cell empty. */
void rpt_xl_str(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, rpt_fmt_id f);

/* Writes a source cell: "set: ref" (rpt_src_join); empty when s->set is NULL. */
void rpt_xl_src(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const rpt_src *s);

/* Writes a number; NaN and infinities (which Excel cannot store) leave the
 * cell blank, so optional values such as a missing bound stay empty. */
void rpt_xl_num(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v, rpt_fmt_id f);

/* Writes a formula with its cached result. A result that is not finite is
 * an error: Excel cannot store it and the cached value would lie. */
void rpt_xl_formula(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula, double cached,
                    rpt_fmt_id f);

/* Like rpt_xl_formula, in format f except that a result of exactly 0 shows
 * as `zero` (a notation key: "NO", "NE", "NA", "IE", "C"; at most 7
 * characters); the cell's value stays the number. zero NULL: format f. */
void rpt_xl_formula_zero(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                         double cached, rpt_fmt_id f, const char *zero);

/* Writes the number 0 shown as `zero` (see rpt_xl_formula_zero). */
void rpt_xl_zero(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, rpt_fmt_id f, const char *zero);

/* Writes the product of cells of the same row, "=G5*I5*J5" for columns
 * cols[0..n) (in that order: Excel multiplies left to right, as the
 * engine does), with its cached result. */
void rpt_xl_product(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const lxw_col_t *cols, size_t n,
                    double cached, rpt_fmt_id f);

/* Writes a formula whose result is text, with that text cached. */
void rpt_xl_formula_str(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                        const char *cached, rpt_fmt_id f);

/* Writes `texts` (n of them, NULL or "" for an empty cell) as a header
 * row from column `col0`: bold, wrapped, a border below, and the row tall
 * enough for the longest wrapped text at the widths set so far (set the
 * widths first). */
void rpt_xl_header_strs(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col0, const char *const *texts,
                        size_t n);

/* Makes `row` tall enough for each of `texts` wrapped in its column
 * cols[i] at the widths set so far (bold: header text). Call it before
 * writing the row (libxlsxwriter's constant-memory mode needs a row's
 * height first). */
void rpt_xl_fit_row(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const lxw_col_t *cols, const char *const *texts, size_t n,
                bool bold);

/* Writes the labels of `ids` (n of them) from column 0 as a header row
 * (rpt_xl_header_strs). */
void rpt_xl_header(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const rpt_label_id *ids, size_t n);

/* Writes the texts of `cols` (a sheet's column table, n of them) from
 * column 0 as a header row (rpt_xl_header_strs). */
void rpt_xl_header_texts(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const rpt_text *cols, size_t n);

/* The number of lines `text` takes when wrapped in a column `width_chars`
 * wide (bold: a header), by Excel's rules: at spaces, between CJK
 * characters, and within a word longer than the line. */
unsigned rpt_xl_wrapped_lines(const char *text, double width_chars, bool bold);

/* Writes `text` as a note across columns col0..col1 of `row`: merged,
 * wrapped and as tall as its lines (a long text in one cell would spill
 * over the columns to its right and widen the printed page). */
void rpt_xl_note(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col0, lxw_col_t col1, const char *text);

/* Prints only rows 0..last_row and columns 0..last_col of the sheet. */
void rpt_xl_print_area(rpt_xl *x, lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col);

/* Sets the width of columns first..last, in characters. */
void rpt_xl_width(rpt_xl *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last, double width_chars);

/* Sets the widths of columns 0..n-1, in characters. */
void rpt_xl_widths(rpt_xl *x, lxw_worksheet *ws, const double *width_chars, size_t n);

/* Writes a label in column 0 and a text value in column 1 (wrapped, the
 * row as tall as it needs). */
void rpt_xl_pair(rpt_xl *x, lxw_worksheet *ws, lxw_row_t row, const char *label, const char *value);

/* A reference in a formula, built from row and column numbers (0-based)
 * and never typed as letters, so that a formula follows its column enums:
 *   rpt_xl_ref(NULL, 1, 6, false)        "G2"
 *   rpt_xl_ref(NULL, 1, 6, true)         "$G$2"
 *   rpt_xl_ref("Inputs", 1, 6, false)    "Inputs!G2"
 * A sheet name other than letters, digits and '_' is quoted:
 * 'Landfill (FOD)'!$D$6. Use `.s` in the same expression, e.g.
 *   snprintf(f, sizeof f, "=%s*%s", rpt_xl_cell(row, A).s, rpt_xl_cell(row, B).s); */
typedef struct {
    char s[128]; /* a quoted 31-character name (3 bytes a Chinese character), '!' and "$XFD$1048576:$XFD$1048576" */
} rpt_ref;

/* Bytes of a formula buffer: room for a dozen references and the text
 * around them (a SUMIFS over many sheets builds its own, longer one). */
#define RPT_XL_FORMULA_MAX 2048

/* The text of rpt_xl_product's formula, "=G5*I5*J5"; false when n cells
 * do not fit. */
bool rpt_xl_product_text(char formula[RPT_XL_FORMULA_MAX], lxw_row_t row, const lxw_col_t *cols, size_t n);

/* The cell (row, col), relative: "G2". */
rpt_ref rpt_xl_cell(lxw_row_t row, lxw_col_t col);

/* The cell (row, col) on `sheet` (NULL: this sheet), absolute when `abs`. */
rpt_ref rpt_xl_ref(const char *sheet, lxw_row_t row, lxw_col_t col, bool abs);

/* The range (r0, c0):(r1, c1) on `sheet` (NULL: this sheet), both ends
 * absolute when `abs`: "C6:C9", "Summary!$C$6:$C$9". */
rpt_ref rpt_xl_range(const char *sheet, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1, bool abs);

/* The whole column `col` on `sheet` (NULL: this sheet): "Indirect!$L:$L". */
rpt_ref rpt_xl_column(const char *sheet, lxw_col_t col);

/* Adds a chart of `type` (LXW_CHART_*) titled `title`; NULL (with x->err
 * set) when out of memory, and after an earlier error. */
lxw_chart *rpt_xl_chart(rpt_xl *x, uint8_t type, const char *title);

/* Names a chart axis; a vertical axis of a Chinese workbook gets its
 * characters one below the other, upright. */
void rpt_xl_axis_name(rpt_xl *x, lxw_chart_axis *axis, const char *name, bool vertical);

/* Adds a series to `ch`: categories in column `cat_col` and values in
 * column `val_col` of `sheet`, rows r0..r1 (0-based, absolute ranges),
 * named `name` unless NULL. NULL (with x->err set) on failure, and when
 * `ch` is NULL or after an earlier error. */
lxw_chart_series *rpt_xl_series(rpt_xl *x, lxw_chart *ch, const char *sheet, lxw_col_t cat_col, lxw_col_t val_col,
                                lxw_row_t r0, lxw_row_t r1, const char *name);

/* Closes (and so writes) the workbook. Returns 0, or -1 with the first
 * error in err; the caller removes the file on failure. */
int rpt_xl_close(rpt_xl *x, const char *path, char *err, size_t errlen);

#endif
