/* csv_in.h - reading a CSV file (RFC 4180; UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK) into a grid. */
#ifndef GHG_CSV_IN_H
#define GHG_CSV_IN_H

#include <stddef.h>

#include "grid.h"

/* Largest CSV read. */
#define CIN_MAX_FILE (256u << 20)

/* The encoding of a CSV: CIN_AUTO takes UTF-8 when the bytes are valid UTF-8
 * (a BOM decides first), else GB18030, which Excel on Chinese Windows writes
 * for "CSV (comma delimited)" (GBK is a subset of it). */
typedef enum { CIN_AUTO, CIN_UTF8, CIN_GB18030 } cin_encoding;

/* Reads the CSV at `path` into a book of one sheet (named after the file):
 * one text cell per non-empty field, rows counted as records (a quoted field
 * may hold line breaks), the delimiter (comma, semicolon or tab) taken from
 * the first record. Problems go to `log`; the result is then NULL. */
grid_book *cin_read(const char *path, cin_encoding enc, grid_log *log);

/* The same from the `len` bytes at `data`; `path` names them (not copied). */
grid_book *cin_read_mem(const char *path, const void *data, size_t len, cin_encoding enc, grid_log *log);

/* The encoding named `name` ("utf-8", "utf8", "gb18030", "gbk", "auto", any
 * case); false when unknown. */
bool cin_encoding_named(const char *name, cin_encoding *enc);

#endif
