/* cli_compute.h - the step every command that starts from an inventory takes: load it, compute it, print its messages. */
#ifndef GHG_CLI_COMPUTE_H
#define GHG_CLI_COMPUTE_H

#include <stdbool.h>

#include "cli.h"
#include "engine.h"
#include "factors.h"
#include "inventory.h"

/* Loads the inventory from the open reader `yr` (closed here; NULL when it
 * could not be opened) and computes it, as cli_compute_inventory does, but
 * leaves the messages in `dl` unprinted. Returns the result, or NULL when
 * `dl` holds an error. */
struct yreader;
eng_result *cli_compute_from(struct yreader *yr, diag_list *dl, const cli_list *given, bool quiet, fset_db *db,
                             inventory **inv);

/* Loads the inventory at `path` and computes it with the factor sets found
 * in the folders `given` (--factors) and the default ones (cli_dirs_make),
 * loading them into `db`. Every problem is printed; *status is the exit
 * status. Returns the result, or NULL when there was any error. *inv gets
 * the inventory (NULL when unreadable), which the caller frees after the
 * result. Progress goes to stderr unless `quiet`. */
eng_result *cli_compute_inventory(const char *path, const cli_list *given, bool quiet, fset_db *db, inventory **inv,
                          int *status);

/* Adds the inventory and every factor and GWP file read into `db` to `in`,
 * in About-sheet order; false when out of memory. */
bool cli_compute_inputs(const inventory *inv, const fset_db *db, cli_inputs *in);

/* The inventory's total as the console says it, into buf[0..n): which
 * total it is. With LULUCF records (3.B) both the total without them and
 * the net total with them, as the Summary gives them; else the one total. */
void cli_total_text(const eng_result *r, char *buf, size_t n);

#endif
