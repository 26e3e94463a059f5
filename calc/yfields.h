/* yfields.h - typed reads of yreader nodes with file:line:col diagnostics. */
#ifndef GHG_YFIELDS_H
#define GHG_YFIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "yreader.h"

/* Reports every key of mapping `map` that is not in `allowed` (n names), with
 * a did-you-mean; `what` names the mapping in the message ("an activity
 * record"). Returns false when any key was unknown. */
bool yf_check_keys(const ynode *map, const char *const *allowed, size_t n, const char *what, diag_list *dl);

/* The text of scalar `n`, or NULL with an error naming `key` when `n` is no
 * scalar or is empty (an empty value is only allowed where `may_be_empty`). */
const char *yf_text(const ynode *n, const char *key, diag_list *dl);

/* A finite number at scalar `n`, written plainly (not in quotes). */
bool yf_number(const ynode *n, const char *key, double *out, diag_list *dl);

/* A percentage of 0 or more written with its % sign ("5%", "5 %", the
 * full-width "５％"), as `uncertainty:` is: a bare 0.05 could mean 5 % or
 * 0.05 %, so it is refused with both readings named. Sets *pct to 5. */
bool yf_percent(const ynode *n, const char *key, double *pct, diag_list *dl);

/* A whole number in [lo, hi]. */
bool yf_int(const ynode *n, const char *key, long lo, long hi, long *out, diag_list *dl);

/* true/false (also yes/no). */
bool yf_bool(const ynode *n, const char *key, bool *out, diag_list *dl);

/* Requires `key` in `map`: returns its node, or NULL with an error at the
 * mapping's start naming the missing key and what it is for. */
const ynode *yf_need(const ynode *map, const char *key, const char *what, diag_list *dl);

/* Which of `names` (count of them) the scalar at `n` is: its index, or -1
 * after an error listing the choices and the closest one. A name "" (no
 * value) is never matched nor listed. */
int yf_pick(const ynode *n, const char *key, const char *const *names, size_t count, diag_list *dl);

#endif
