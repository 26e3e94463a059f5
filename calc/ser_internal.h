/* ser_internal.h - private to the series files (series.c, ser_targets.c, ser_resolve.c, ser_derive.c): the loader's state, shared reads and resolution. */
#ifndef GHG_SER_INTERNAL_H
#define GHG_SER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "series.h"
#include "yreader.h"

/* The state of one load: the series filled and where messages go. */
typedef struct {
    ser_series *s;
    diag_list *dl;
    bool seen_id, seen_base, seen_price_base, seen_years; /* given, good or bad: not "missing" */
} ser_loader;

/* A pool copy of scalar text, or NULL after an error (reported). */
const char *ser_text(ser_loader *L, const ynode *n, const char *key);

/* The text of optional key `key` of mapping `map`, copied; NULL when absent. */
const char *ser_opt_text(ser_loader *L, const ynode *map, const char *key);

/* Which of `names` (n of them) the scalar at `node` is; -1 with an error
 * listing the choices (and the closest one) when it is none. */
int ser_pick(ser_loader *L, const ynode *node, const char *key, const char *const *names, size_t n);

/* A new empty series whose path is a copy of `path`; NULL when out of memory. */
ser_series *ser_new(const char *path);

/* ser_targets.c: loads the targets file the series names (s->targets_path). */
void ser_targets_load(ser_loader *L);

/* ser_targets.c: checks target i against the series (its years, its data), and its id unique. */
void ser_target_check(ser_loader *L, size_t i);

/* ser_resolve.c: the entry that gives `key` its standard-coal coefficient
 * (its own sce, else an entry naming it as ipcc_fuel), or NULL. */
const fset_entry *ser_sce_entry(const ser_series *s, const char *key);

/* ser_resolve.c: resolves one energy item (coefficient, coal rate, coal). */
void ser_resolve_item(ser_series *s, ser_energy *e, diag_list *dl);

#endif
