/* fset_load.h - reads one cited value from a YAML node: shared by the factor-set, inventory and series loaders. */
#ifndef GHG_FSET_LOAD_H
#define GHG_FSET_LOAD_H

#include <stdbool.h>

#include "diag.h"
#include "factors.h"
#include "pool.h"
#include "yreader.h"

/* Parses one cited value `{value: 48.0, unit: TJ/Gg, ref: ..., ...}` at
 * `node` (a yreader node) into `out`, reporting problems to `dl`; `mem` is
 * the memory for its strings. Shared by the factor and inventory loaders.
 * `is_override` allows `source` and `tier` in place of `ref`. */
bool fset_parse_value(const ynode *node, const char *param, bool is_override, pool *mem,
                      fset_value *out, diag_list *dl);

#endif
