/* import.h - turning a filled-in template (an xlsx workbook, or CSV files of its sheets) into the documented YAML. */
#ifndef GHG_IMPORT_H
#define GHG_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "grid.h"
#include "tpl_spec.h"

/* Where a value came from: a cell of a sheet of one of the books read. */
typedef struct {
    const grid_book *book; /* NULL: nowhere (a line that opens a mapping) */
    const grid_sheet *sheet;
    uint32_t row, col;
} imp_cell;

/* The YAML document being built: a tree of mappings, lists and scalars,
 * each scalar with its cell. */
typedef struct imp_doc imp_doc;

/* The kind the books hold, from their sheet names (or, for a CSV, its
 * header row or labels): the kind whose sheets match most; NULL when none does. */
const tpl_kind *imp_detect(grid_book *const *books, size_t n);

/* Reads every sheet of kind `k` found in the books into a document. Every
 * bad cell is reported to `log` ("file:Sheet!B7: error: ..."); the result
 * is NULL when there was any error. */
imp_doc *imp_build(const tpl_kind *k, grid_book *const *books, size_t n, grid_log *log);

/* How many items the document's list at top-level path `yaml` has
 * ("activities"); 0 when none. */
size_t imp_count(const imp_doc *d, const char *yaml);

/* Writes the document as YAML to `f`, after `header` (comment lines, may be
 * NULL): one value per line with its cell in a comment ("# Activities!B7").
 * Returns false on a write error. */
bool imp_write(imp_doc *d, FILE *f, const char *header);

/* The cell that line `line` (1-based) of the written YAML came from; false
 * when the line has none. */
bool imp_line_cell(const imp_doc *d, unsigned line, imp_cell *at);

void imp_free(imp_doc *d);

/* ---- shared by import.c and imp_tree.c ---- */

typedef struct imp_node imp_node;

/* A new empty document; NULL when out of memory. */
imp_doc *imp_doc_new(void);

/* The document's top-level mapping. */
imp_node *imp_root(imp_doc *d);

/* The child of mapping `m` at dotted `path` ("economy.gdp"), created (as
 * mappings) when absent; NULL when out of memory or when a scalar is in the way. */
imp_node *imp_map_at(imp_doc *d, imp_node *m, const char *path);

/* The list under key `key` of mapping `m`, created when absent. */
imp_node *imp_list_at(imp_doc *d, imp_node *m, const char *key);

/* Sets scalar `key` (one level, no dots) of mapping `m` to the YAML text
 * `yaml`; replaces an earlier value. False when out of memory. */
bool imp_set(imp_doc *d, imp_node *m, const char *key, const char *yaml, imp_cell at);

/* Appends a new mapping to list `l` (an item of rows), or a scalar when
 * `yaml` is not NULL; returns the item. */
imp_node *imp_append(imp_doc *d, imp_node *l, const char *yaml, imp_cell at);

/* The items of list `l` and the scalar text of `key` in mapping `m` (NULL when absent). */
imp_node *imp_first(const imp_node *l);
imp_node *imp_next(const imp_node *n);
const char *imp_scalar(const imp_node *m, const char *key);

#endif
