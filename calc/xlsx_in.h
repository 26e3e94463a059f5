/* xlsx_in.h - reading an Excel workbook (.xlsx: a zip of XML parts) into a grid, with libminizip and libxml2's
 * streaming reader. */
#ifndef GHG_XLSX_IN_H
#define GHG_XLSX_IN_H

#include <stddef.h>

#include "diag.h"
#include "grid.h"

/* Largest workbook read (compressed) and most bytes unpacked from it, so a
 * zip bomb stops early. */
#define XIN_MAX_FILE (256u << 20)
#define XIN_MAX_UNPACKED (1024u << 20)

/* Reads every worksheet of the workbook at `path` into a grid: numbers,
 * shared and inline strings, booleans, errors and formulas' cached values,
 * with the percent and date formats of their styles. Problems go to `log`
 * ("path: error: ...", or "path:Sheet!B7: error: ..." for a cell) and the
 * result is then NULL. */
grid_book *xin_read(const char *path, grid_log *log);

/* The same from the `len` bytes at `data`; `path` names them in messages
 * (not copied). For tests and the fuzzer. */
grid_book *xin_read_mem(const char *path, const void *data, size_t len, grid_log *log);

#endif
