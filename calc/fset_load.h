/* fset_load.h - the factor loaders' reader-level entry points, and one cited value read from a YAML node (shared by the factor-set, inventory and series loaders). */
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

/* fdb_load_set for the file a reader is already open on (see
 * inv_load_from); the reader is closed here. A file named *.yaml must
 * declare its own name as its id. `dirs` are searched for the sets it
 * extends, after its own folder. */
const fset *fdb_load_set_from(fset_db *db, yreader *r, const char *const *dirs, size_t ndirs, diag_list *dl);

/* Loads the GWP file a reader is already open on (closed here) as the
 * database's GWP sets, in place of gwp.yaml from the factor folders. */
void fdb_load_gwp_from(fset_db *db, yreader *r, diag_list *dl);

#endif
