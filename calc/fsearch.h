/* fsearch.h - the factor search order: which set's value applies to a fuel or activity in a category. */
#ifndef GHG_FSEARCH_H
#define GHG_FSEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "factors.h"
#include "units.h"

/* Where one factor came from: the value and the set entry that gives it
 * (NULL for a record's own value). 16 bytes: a resolution holds several and
 * a record with overrides has its own resolution. Every value a hit points
 * at stands in an fset_param (a set entry's or a record's), so its set and
 * parameter name are found from it (fs_hit_set, fs_hit_param). */
typedef struct {
    const fset_value *v;
    const fset_entry *entry;
} fs_hit;

/* The set a hit's value is from: its entry's set id, or "record" for a
 * record's own value; NULL when the hit has no value. */
static inline const char *fs_hit_set(const fs_hit *h) { return !h->v ? NULL : h->entry ? h->entry->set->id : "record"; }

/* The parameter a hit's value gives: "ncv", "co2", "carbon_content", ...;
 * NULL when the hit has no value. */
static inline const char *fs_hit_param(const fs_hit *h)
{
    return h->v ? ((const fset_param *)(const void *)((const char *)h->v - offsetof(fset_param, v)))->name : NULL;
}

/* The sets an input names, each followed by the sets it extends, without
 * repeats: the first set with a value wins. Every command that resolves
 * factors (inventory, intensity, projection, audit) searches through one. */
typedef struct fs_order fs_order;

/* Frees the index of the entries by key; the sets stay in order. Lookups
 * afterwards find nothing. For an order kept only to be read back (an audit
 * keeps the results of thousands of reports until it writes them). */
void fs_drop_index(fs_order *o);

/* A new empty order; NULL when out of memory. */
fs_order *fs_new(void);
void fs_free(fs_order *o);

/* Loads each of the n sets `names` (written at at[i]; a name with a '/' is
 * a path relative to the folder of `referrer`) from the folders `dirs`,
 * and appends it and the sets it extends. Returns false when a set could
 * not be loaded (reported) or memory ran out. */
bool fs_load(fs_order *o, fset_db *db, const char *const *names, const src_loc *at, size_t n, const char *referrer,
             const char *const *dirs, size_t ndirs, diag_list *dl);

/* Loads every factor set of the folders `dirs` (each *.yaml but gwp.yaml,
 * by file name; a file name found in an earlier folder is not loaded again)
 * and appends it with the sets it extends. False when a set could not be
 * loaded (reported) or memory ran out; the others are still in the order. */
bool fs_load_all(fs_order *o, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl);

/* The distinct keys of the order, in first-seen order (Chinese names not
 * among them). */
size_t fs_keys(const fs_order *o, const char *const **keys);

/* Appends set `s` and the sets it extends, skipping repeats. */
bool fs_add(fs_order *o, const fset *s);

/* The sets in search order. */
size_t fs_count(const fs_order *o);
const fset *const *fs_sets(const fs_order *o);

/* "china-energy, ipcc2006-energy": the order, for messages. */
void fs_text(const fs_order *o, char *buf, size_t len);

/* The value of parameter `param` for fuel or activity `key` in category
 * `cat`: the first set with a match wins; within a set the entry with the
 * longest matching category prefix. With `amount_unit`, only NCVs that turn
 * that unit into an energy count. When nothing is found, the search is
 * repeated under the IPCC fuel that an entry maps `key` to (`ipcc_fuel:`).
 * With `only`, just that set is searched. v is NULL when nothing applies. */
fs_hit fs_find(const fs_order *o, const char *key, const char *cat, const char *param, const units_t *amount_unit,
               const fset *only);

/* The `ipcc_fuel` that the first entry for `key` names, or NULL. */
const char *fs_same_as(const fs_order *o, const char *key);

/* The key that `key` names: itself, or the key whose Chinese name
 * (`name_zh:`) it is ("原煤" -> raw_coal); `key` when no set knows it.
 * Every lookup here takes either. */
const char *fs_canonical(const fs_order *o, const char *key);

/* Whether any set in the order has entries for `key`. */
bool fs_known(const fs_order *o, const char *key);

/* How the sets give `key` (or its Chinese name): the number of its fuel
 * entries (fuel combustion) and of its activity entries (product method),
 * and the first activity entry, or NULL; for messages about a key used
 * under the wrong kind of category. */
void fs_key_kinds(const fs_order *o, const char *key, size_t *fuels, size_t *activities,
                  const fset_entry **activity);

/* The `biogenic:` of the first entry for `key`, in search order, that
 * states it: 1 yes, 0 no, -1 not stated anywhere. */
int fs_biogenic(const fs_order *o, const char *key);

/* The first parameter that an entry for `key` applying to category `cat`
 * lists under `needs:` and that has(name) says the record lacks; NULL
 * when the record gives every one. *entry is that entry. */
const char *fs_missing_need(const fs_order *o, const char *key, const char *cat, bool (*has)(const void *ctx,
                            const char *name), const void *ctx, const fset_entry **entry);

/* The position of the set `set_id` in the order (fs_count() if absent). */
size_t fs_rank(const fs_order *o, const char *set_id);

/* The first entry for `key` in search order that carries `param` (any
 * category), or with `param` NULL the first that names an `ipcc_fuel`. */
const fset_entry *fs_first(const fs_order *o, const char *key, const char *param);

/* The `co2` of purchased `key` ("electricity", "heat") for grid `grid`
 * (NULL: the national grid) and `year`: the same year if a set has it,
 * else the latest earlier year, else the earliest later one, whose year
 * goes to *used_year. */
fs_hit fs_find_grid(const fs_order *o, const char *key, const char *grid, long year, long *used_year);

/* The key of the sets closest to `key` (a "did you mean"), else the closest
 * Chinese name of a key (`fuel: 天燃气` -> 天然气), or NULL. */
const char *fs_suggest(const fs_order *o, const char *key);

/* Reports `key` unknown at `at` ("unknown fuel 'x' (did you mean 'y'?) in
 * factor sets a, b"); `what` is "fuel" or "activity". */
void fs_unknown(const fs_order *o, const char *key, const char *what, src_loc at, diag_list *dl);

#endif
