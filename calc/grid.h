/* grid.h - a spreadsheet read into memory: sheets of typed cells, from an xlsx workbook (xlsx_in.c) or a CSV
 * (csv_in.c). */
#ifndef GHG_GRID_H
#define GHG_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

/* What a cell holds. A CSV gives text only; an xlsx cell has the type Excel stored. */
typedef enum {
    GRID_NUM,  /* a number (dates and times are numbers too, see GRID_FMT_DATE) */
    GRID_TEXT, /* a shared string, an inline string or a formula's text result */
    GRID_BOOL, /* TRUE/FALSE; num is 1 or 0 */
    GRID_ERROR /* "#DIV/0!", "#N/A", ...: text holds it */
} grid_kind;

/* Number-format flags of an xlsx cell (from styles.xml): how Excel shows the number. */
enum { GRID_FMT_PERCENT = 1, GRID_FMT_DATE = 2 };

/* One non-empty cell. Rows and columns count from 0 (B7 is row 6, col 1). */
typedef struct {
    uint32_t row, col;
    grid_kind kind;
    unsigned char fmt; /* GRID_FMT_* bits */
    bool formula;      /* the value is a formula's cached result */
    double num;        /* GRID_NUM, GRID_BOOL */
    const char *text;  /* GRID_TEXT, GRID_ERROR: UTF-8, owned by the book; GRID_NUM: the number as stored */
} grid_cell;

/* One sheet (a CSV is one sheet named after its file). Cells are sorted
 * by row, then column. */
typedef struct {
    const char *name;
    bool hidden;
    grid_cell *cells;
    size_t n, cap;
} grid_sheet;

/* A whole workbook or CSV. */
typedef struct {
    const char *path; /* as the user gave it */
    bool csv;         /* a CSV: cell references print as "file.csv:B7" */
    bool date1904;    /* the workbook counts dates from 1904 (old Mac Excel) */
    grid_sheet *sheets;
    size_t n, cap;
    struct pool *mem; /* every text of the book */
} grid_book;

/* Limits that hold whatever the file says (docs/excel.md lists them). */
#define GRID_MAX_CELLS 4000000u /* non-empty cells in one book */
#define GRID_MAX_ROWS 1048576u  /* Excel's own limits */
#define GRID_MAX_COLS 16384u
#define GRID_MAX_TEXT 65536u /* bytes of one cell's text, as for a YAML value */
#define GRID_MAX_SHEETS 256u

/* ---- messages about cells: "file:Sheet!B7: error: text" ---- */

/* The messages of an import, each about a cell, a sheet or a whole file;
 * printed ordered by file, sheet, row and column. */
typedef struct grid_log grid_log;

/* The place of a message that is about a whole file or sheet. */
#define GRID_NO_CELL UINT32_MAX

grid_log *grid_log_new(void);
void grid_log_free(grid_log *g);

/* Adds a message about cell (row, col) of sheet `s` of book `b` (row =
 * GRID_NO_CELL: the sheet; s = NULL: the file). Text as git writes it:
 * what is wrong, lower case, then what would fix it. */
void grid_log_cell(grid_log *g, diag_level level, const grid_book *b, const grid_sheet *s, uint32_t row, uint32_t col,
                   const char *fmt, ...) GHG_PRINTF(7, 8);

/* Adds a message about file `path` as a whole (copied). */
void grid_log_file(grid_log *g, diag_level level, const char *path, const char *fmt, ...) GHG_PRINTF(4, 5);

size_t grid_log_errors(const grid_log *g);

/* Prints every message, "path:Sheet!B7: error: text" ("path:B7" in a CSV),
 * at most `max` (0 = all), then how many more there were. */
void grid_log_print(const grid_log *g, FILE *out, size_t max);

/* Reads the whole regular file at `path` (at most `max` bytes) into a
 * malloc'd buffer with a NUL after its *len bytes; NULL with "path: error:
 * ..." in `dl` when it cannot be read, is not a regular file or is larger. */
char *grid_slurp(const char *path, size_t max, size_t *len, grid_log *log);

/* A new empty book for `path` (not copied); NULL when out of memory. */
grid_book *grid_new(const char *path, bool csv);
void grid_free(grid_book *b);

/* Adds a sheet named `name` (copied); NULL when out of memory or over the limit. */
grid_sheet *grid_add_sheet(grid_book *b, const char *name);

/* Adds a cell (its text copied into the book when not NULL); false when out
 * of memory or over GRID_MAX_CELLS. Cells may come in any order; call
 * grid_finish once all are in. */
bool grid_add(grid_book *b, grid_sheet *s, const grid_cell *c);

/* Sorts every sheet's cells by row and column; a later cell at the same
 * place replaces an earlier one. */
void grid_finish(grid_book *b);

/* The sheet named `name` (ASCII case ignored), or NULL. */
const grid_sheet *grid_sheet_named(const grid_book *b, const char *name);

/* The cell at (row, col), or NULL when it is empty. */
const grid_cell *grid_at(const grid_sheet *s, uint32_t row, uint32_t col);

/* The index of the first cell of `row` (or of the first row after it) in s->cells. */
size_t grid_row_start(const grid_sheet *s, uint32_t row);

/* Writes the column letters of `col` (0 -> "A", 27 -> "AB") into buf (>= 4 bytes). */
void grid_col_name(uint32_t col, char *buf, size_t len);

/* Writes a cell's place for messages: "Activities!B7" (xlsx) or "B7" (CSV);
 * row GRID_NO_CELL gives the sheet's name alone. */
void grid_place(const grid_book *b, const grid_sheet *s, uint32_t row, uint32_t col, char *buf, size_t len);

/* Parses "B7" into a 0-based row and column; false when it is not a cell reference. */
bool grid_parse_ref(const char *ref, uint32_t *row, uint32_t *col);

/* A cell's value as text: the text, or the number in the fewest digits that
 * read back as the same double, or TRUE/FALSE. */
void grid_value_text(const grid_cell *c, char *buf, size_t len);

#endif
