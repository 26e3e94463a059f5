/* imp_internal.h - what import.c and imp_values.c share: matching headers and converting cells. */
#ifndef GHG_IMP_INTERNAL_H
#define GHG_IMP_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "grid.h"
#include "tpl_spec.h"

/* Copies `s` trimmed of white space (ASCII and the ideographic space U+3000)
 * and of a trailing required-marker "*" into buf. */
void imp_trim(const char *s, char *buf, size_t len);

/* Whether cell text `s` names column or row `c`: its English or Chinese
 * header, or its YAML key (case and a trailing " *" ignored). */
bool imp_names(const tpl_col *c, const char *s);

/* The text of a cell for matching (numbers as text); "" for none. */
const char *imp_cell_text(const grid_cell *c, char *buf, size_t len);

/* Converts cell `g` (of book `b`) of column `c` into the YAML text of its
 * value; false with the reason, and what would fix it, in `why`. */
bool imp_value(const tpl_col *c, const grid_book *b, const grid_cell *g, char *out, size_t len, char *why, size_t wlen);

#endif
