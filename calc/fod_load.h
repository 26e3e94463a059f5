/* fod_load.h - reads an inventory's `solid_waste:` section into the landfill model's sites. */
#ifndef GHG_FOD_LOAD_H
#define GHG_FOD_LOAD_H

#include <stdbool.h>

#include "diag.h"
#include "fod.h"
#include "pool.h"
#include "yreader.h"

/* Reads the value of the inventory's `solid_waste:` key (a list of sites)
 * into *out, with strings and arrays from `mem` (they outlive the reader).
 * Every problem goes to `dl` as file:line:col; returns false when there was
 * any error. */
bool fod_parse(const ynode *section, pool *mem, diag_list *dl, fod_input *out);

#endif
