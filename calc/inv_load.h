/* inv_load.h - private to the inventory loader: reading one activity record, the other sections' parsers, a record field's. */
#ifndef GHG_INV_LOAD_H
#define GHG_INV_LOAD_H

#include "diag.h"
#include "inventory.h"
#include "yreader.h"

#define INV_SEEN 64 /* interned category and unit texts already checked, remembered by pointer */

/* Interned texts already found valid, so that the same category is not
 * looked up a million times: a million records have a few dozen. */
typedef struct {
    const char *text[INV_SEEN];
    size_t n;
} inv_seen;

/* Reads one item `n` of `activities:` into `*r` (inv_record.c), checking
 * every field; false when it reported an error to `dl` (then `*r` is not
 * to be kept). */
bool inv_record_read(inventory *inv, inv_seen *seen, const ynode *n, inv_record *r, diag_list *dl);

/* Each reads its section of the inventory at node `n` into `inv`
 * (inv_sections.c), reporting problems to `dl`. */
void inv_parse_indirect(inventory *inv, const ynode *n, diag_list *dl);
void inv_parse_notation(inventory *inv, const ynode *n, diag_list *dl);
void inv_parse_reference(inventory *inv, const ynode *n, diag_list *dl);

/* A record's `ch4_origin: fossil` or `non_fossil` (the origin of its
 * methane for a GWP set that splits CH4, in place of the engine's rule);
 * GWP_ORIGIN_ANY with an error for anything else. */
gwp_origin inv_ch4_origin(const ynode *n, diag_list *dl);

#endif
