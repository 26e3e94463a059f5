/* inv_load.h - private to the inventory loader: the parsers of its sections besides the activity records. */
#ifndef GHG_INV_LOAD_H
#define GHG_INV_LOAD_H

#include "diag.h"
#include "inventory.h"
#include "yreader.h"

/* Each reads its section of the inventory at node `n` into `inv`
 * (inv_sections.c), reporting problems to `dl`. */
void inv_parse_indirect(inventory *inv, const ynode *n, diag_list *dl);
void inv_parse_notation(inventory *inv, const ynode *n, diag_list *dl);
void inv_parse_reference(inventory *inv, const ynode *n, diag_list *dl);

#endif
