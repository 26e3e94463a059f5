/* prj_loader.h - what the two halves of the scenario-file loader (proj_load.c, prj_load_items.c) share. */
#ifndef GHG_PRJ_LOADER_H
#define GHG_PRJ_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "projection.h"
#include "yreader.h"

/* The state of one load: the file being filled, where messages go, and the
 * scenario being read (its id prefixes the parameters' labels). */
typedef struct {
    prj_file *f;
    diag_list *dl;
    size_t scen; /* index of the scenario being read, or PRJ_NONE */
    size_t cap;  /* capacity of f->params */
    bool oom;    /* out of memory: stop */
} prj_loader;

/* A pool copy of scalar `n`'s text (error naming `key` when it is none). */
const char *pl_text(prj_loader *L, const ynode *n, const char *key);

/* The text of optional key `key` of `map`, copied; NULL when absent. */
const char *pl_opt_text(prj_loader *L, const ynode *map, const char *key);

/* A number written plainly or as a percentage ("6%" is 0.06). */
bool pl_number(prj_loader *L, const ynode *n, const char *key, double *out);

/* Which of `names` (n) the scalar `node` is; -1 with an error listing them. */
int pl_pick(prj_loader *L, const ynode *node, const char *key, const char *const *names, size_t n);

/* `rel` made relative to the folder of the scenario file, in pool memory. */
const char *pl_path_rel(prj_loader *L, const char *rel);

/* A new parameter from the number or uncertain number at `n`; its label is
 * "SCENARIO: what" and its source `source` unless it gives its own. Returns
 * its index, or PRJ_NONE after an error (reported). */
size_t pl_param(prj_loader *L, const ynode *n, const char *what, const char *source);

/* Reads the path of item `item` (its `values:` or `rate:` and `interpolate:`)
 * into `out`. `need` reports a missing path; `rate_ok` allows `rate:`.
 * False after an error or when there is no path. */
bool pl_path(prj_loader *L, const ynode *item, const char *what, const char *source, bool need, bool rate_ok,
             prj_path *out);

/* Reads a path written as a mapping of years to numbers (a mix share, a
 * measure's share) at `n`, linear unless `interpolate` says otherwise. */
bool pl_year_path(prj_loader *L, const ynode *n, const char *what, const char *source, prj_path *out);

/* True when `n` is a mapping whose keys are all whole numbers (years). */
bool pl_is_year_map(const ynode *n);

/* Reads the selection of `n` (category with optional fuel/activity keys, or,
 * where `indirect_ok`, indirect: KIND) into `s`. */
bool pl_select(prj_loader *L, const ynode *n, bool indirect_ok, prj_select *s);

/* The id of an entry without one: category[/keys] or indirect/KIND. */
const char *pl_default_id(prj_loader *L, const prj_select *s);

/* A parameter from `n` that may be a mapping with `unit:` besides the
 * distribution keys (an amount). */
size_t pl_param_unit(prj_loader *L, const ynode *n, const char *what, const char *source);

/* Reads one entry of activity, efficiency, mix, ef or energy. */
bool pl_entry(prj_loader *L, const ynode *n, prj_entry_kind kind, prj_entry *e);

/* Reads one measure. */
bool pl_measure(prj_loader *L, const ynode *n, prj_measure *m);

/* Reads one driver named `name`. */
bool pl_driver(prj_loader *L, const ynode *name, const ynode *n, prj_driver *d);

/* Reports an unknown key with a did-you-mean among `keys`, or the list of them. */
void pl_unknown(prj_loader *L, const ynode *k, const char *what, const char *const *keys, size_t n);

/* Reports every key of mapping `map` that is not one of `keys` (pl_unknown); false when there was one. */
bool pl_check_keys(prj_loader *L, const ynode *map, const char *const *keys, size_t n, const char *what);

#endif
