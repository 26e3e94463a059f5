/* fsearch.c - the factor search order and its lookups, with an index of the entries by fuel or activity key. */
#include "fsearch.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "textutil.h"

/* The entries of one key: ents[first .. first + n), in search order. */
typedef struct {
    const char *key;
    size_t first, n;
} fs_slot;

struct fs_order {
    const fset **sets; /* the order */
    size_t nsets, capsets;
    const fset_entry **ents; /* every entry, grouped by key, each group in search order */
    size_t nents;
    fs_slot *slot; /* open addressing over the keys, power-of-two size */
    size_t cap;
    const char **keys; /* distinct keys in first-seen order (suggestions) */
    size_t nkeys;
};

fs_order *fs_new(void) { return calloc(1, sizeof(fs_order)); }

void fs_free(fs_order *o)
{
    if (!o)
        return;
    free(o->sets);
    free(o->ents);
    free(o->slot);
    free(o->keys);
    free(o);
}

void fs_drop_index(fs_order *o)
{
    free(o->slot);
    free(o->ents);
    free(o->keys);
    *o = (fs_order){o->sets, o->nsets, o->capsets, NULL, 0, NULL, 0, NULL, 0};
}

size_t fs_count(const fs_order *o) { return o->nsets; }
const fset *const *fs_sets(const fs_order *o) { return o->sets; }

/* FNV-1a of a key's bytes. */
static size_t fs_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 29));
}

/* The slot of `key`: its own, or the empty one where it would go. */
static fs_slot *fs_slot_of(const fs_order *o, const char *key)
{
    size_t j = fs_hash(key) & (o->cap - 1);
    while (o->slot[j].key && !txt_eq(o->slot[j].key, key))
        j = (j + 1) & (o->cap - 1);
    return &o->slot[j];
}

/* The Chinese name of the entries in slot `sl`: the first in search order
 * that has one, or NULL. */
static const char *fs_slot_zh(const fs_order *o, const fs_slot *sl)
{
    for (size_t i = 0; i < sl->n; i++)
        if (o->ents[sl->first + i]->label_zh)
            return o->ents[sl->first + i]->label_zh;
    return NULL;
}

/* Adds the Chinese name of each key (`name_zh:`, "原煤" for raw_coal) as a
 * second slot over the same entries, so an input may write either. The
 * first entry in search order that has a name gives it; a name that is a
 * key, or an earlier key's name, stays with that one (keys in first-seen
 * order: the first set in the order wins, as for factors). */
static void fs_index_aliases(fs_order *o)
{
    for (size_t k = 0, nkeys = o->nkeys; k < nkeys; k++) {
        const fs_slot *sl = fs_slot_of(o, o->keys[k]);
        const char *zh = fs_slot_zh(o, sl);
        fs_slot *al = zh ? fs_slot_of(o, zh) : NULL;
        if (al && !al->key)
            *al = (fs_slot){zh, sl->first, sl->n};
    }
}

/* Rebuilds the key index over every entry of every set, in search order:
 * counts each key's entries, then places them. */
static bool fs_reindex(fs_order *o)
{
    size_t total = 0;
    for (size_t s = 0; s < o->nsets; s++)
        total += o->sets[s]->n;
    size_t cap = 16;
    while (cap < 4 * total + 4) /* each key and its Chinese name: under half full */
        cap *= 2;
    fs_slot *slot = calloc(cap, sizeof *slot);
    const fset_entry **ents = malloc((total ? total : 1) * sizeof *ents);
    const char **keys = malloc((total ? total : 1) * sizeof *keys);
    if (!slot || !ents || !keys) {
        free(slot);
        free(ents);
        free(keys);
        return false;
    }
    free(o->slot);
    free(o->ents);
    free(o->keys);
    *o = (fs_order){o->sets, o->nsets, o->capsets, ents, total, slot, cap, keys, 0};
    for (size_t s = 0; s < o->nsets; s++)
        for (size_t i = 0; i < o->sets[s]->n; i++) {
            const char *key = o->sets[s]->entries[i].key;
            fs_slot *sl = key ? fs_slot_of(o, key) : NULL;
            if (sl && !sl->key) {
                sl->key = key;
                o->keys[o->nkeys++] = key;
            }
            if (sl)
                sl->n++;
        }
    size_t at = 0;
    for (size_t k = 0; k < o->nkeys; k++) {
        fs_slot *sl = fs_slot_of(o, o->keys[k]);
        sl->first = at;
        at += sl->n;
        sl->n = 0;
    }
    for (size_t s = 0; s < o->nsets; s++)
        for (size_t i = 0; i < o->sets[s]->n; i++) {
            const fset_entry *e = &o->sets[s]->entries[i];
            if (e->key) {
                fs_slot *sl = fs_slot_of(o, e->key);
                o->ents[sl->first + sl->n++] = e;
            }
        }
    fs_index_aliases(o);
    return true;
}

/* Appends `s` and the sets it extends that the order does not have yet;
 * the index is rebuilt by the caller. */
static bool fs_append(fs_order *o, const fset *s)
{
    for (; s; s = s->extends) {
        bool seen = false;
        for (size_t i = 0; i < o->nsets && !seen; i++)
            seen = o->sets[i] == s;
        if (seen)
            continue;
        if (o->nsets == o->capsets) {
            size_t cap = o->capsets ? o->capsets * 2 : 8;
            const fset **v = realloc(o->sets, cap * sizeof *v);
            if (!v)
                return false;
            o->sets = v;
            o->capsets = cap;
        }
        o->sets[o->nsets++] = s;
    }
    return true;
}

bool fs_add(fs_order *o, const fset *s) { return fs_append(o, s) && fs_reindex(o); }

bool fs_load(fs_order *o, fset_db *db, const char *const *names, const src_loc *at, size_t n, const char *referrer,
             const char *const *dirs, size_t ndirs, diag_list *dl)
{
    size_t errs = diag_error_count(dl);
    const char *slash = referrer ? strrchr(referrer, '/') : NULL;
    for (size_t i = 0; i < n; i++) {
        /* A name with a '/' is a path relative to the file that names it. */
        const char *name = names[i];
        char *joined = NULL;
        if (strchr(name, '/') && name[0] != '/' && slash) {
            size_t len = (size_t)(slash - referrer) + 1 + strlen(name) + 1;
            if (!(joined = malloc(len)))
                return false;
            snprintf(joined, len, "%.*s/%s", (int)(slash - referrer), referrer, name);
            name = joined;
        }
        const fset *s = fdb_load_set(db, name, dirs, ndirs, at[i], dl);
        free(joined); /* the database keeps its own copy of the path */
        if (s && !fs_append(o, s))
            return false;
    }
    /* One index over every set, built once (not once per set added). */
    return fs_reindex(o) && diag_error_count(dl) == errs;
}

size_t fs_keys(const fs_order *o, const char *const **keys)
{
    *keys = o->keys;
    return o->nkeys;
}

/* Sorts file names. */
static int fs_name_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names of the factor-set files of folder `dir` (*.yaml but gwp.yaml),
 * sorted, malloc'd (the names too); *n of them. NULL with *n 0 when the
 * folder cannot be read or memory ran out (*oom set). */
static char **fs_dir_files(const char *dir, size_t *n, bool *oom)
{
    DIR *d = opendir(dir);
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    for (struct dirent *ent; d && (ent = readdir(d));) {
        size_t len = strlen(ent->d_name);
        if (len < 6 || strcmp(ent->d_name + len - 5, ".yaml") != 0 || strcmp(ent->d_name, "gwp.yaml") == 0)
            continue;
        char **w = *n < cap ? v : realloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
        char *name = w ? strdup(ent->d_name) : NULL;
        if (!w || !name) {
            free(name);
            *oom = true;
            v = w ? w : v;
            break;
        }
        v = w;
        v[(*n)++] = name;
    }
    if (d)
        closedir(d);
    if (*n)
        qsort(v, *n, sizeof *v, fs_name_cmp);
    return v;
}

/* Whether file name `name` is among the first n of `seen`. */
static bool fs_seen(char *const *seen, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(seen[i], name) == 0)
            return true;
    return false;
}

bool fs_load_all(fs_order *o, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    size_t errs = diag_error_count(dl), nseen = 0, capseen = 0;
    char **seen = NULL; /* file names loaded from an earlier folder (borrowed from `files`) */
    char **all[64];     /* each folder's names, freed at the end */
    size_t nall[64], nfolders = 0;
    bool oom = false;
    for (size_t d = 0; d < ndirs && d < 64 && !oom; d++) {
        size_t n;
        char **files = fs_dir_files(dirs[d], &n, &oom);
        all[nfolders] = files;
        nall[nfolders++] = n;
        for (size_t i = 0; i < n && !oom; i++) {
            if (fs_seen(seen, nseen, files[i]))
                continue;
            char **w = nseen < capseen ? seen : realloc(seen, (capseen = capseen ? 2 * capseen : 16) * sizeof *w);
            size_t len = strlen(dirs[d]) + strlen(files[i]) + 2;
            char *path = w ? malloc(len) : NULL;
            if (!path) {
                seen = w ? w : seen;
                oom = true;
                break;
            }
            seen = w;
            seen[nseen++] = files[i];
            snprintf(path, len, "%s/%s", dirs[d], files[i]);
            const fset *s = fdb_load_set(db, path, dirs, ndirs, (src_loc){path, 0, 0}, dl);
            free(path); /* the database keeps its own copy */
            oom = s && !fs_append(o, s);
        }
    }
    for (size_t d = 0; d < nfolders; d++) {
        for (size_t i = 0; i < nall[d]; i++)
            free(all[d][i]);
        free(all[d]);
    }
    free(seen);
    return !oom && fs_reindex(o) && diag_error_count(dl) == errs;
}

void fs_text(const fs_order *o, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t s = 0; s < o->nsets && used < len; s++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", s ? ", " : "", o->sets[s]->id);
}

/* The entries of `key` in search order (*n of them), or NULL. */
static const fset_entry *const *fs_entries(const fs_order *o, const char *key, size_t *n)
{
    *n = 0;
    if (!o->cap || !key)
        return NULL;
    const fs_slot *sl = fs_slot_of(o, key);
    if (!sl->key)
        return NULL;
    *n = sl->n;
    return o->ents + sl->first;
}

/* Whether `amount_unit` x `ncv_unit` is an energy. */
static bool fs_ncv_fits(const units_t *amount_unit, const units_t *ncv_unit)
{
    units_t e = units_mul(amount_unit, ncv_unit);
    return units_is(&e, UNITS_DIM_ENERGY);
}

/* fs_find for `key` itself, without the ipcc_fuel fallback. */
static fs_hit fs_find_key(const fs_order *o, const char *key, const char *cat, const char *param,
                          const units_t *amount_unit, const fset *only)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    const fset_entry *best = NULL;
    const fset_value *bv = NULL;
    unsigned best_depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (best && e[i]->set != best->set)
            break; /* the first set with a match wins */
        if ((only && e[i]->set != only) || (e[i]->category && !cat_under(cat, e[i]->category)))
            continue;
        const fset_value *v = fset_entry_param(e[i], param);
        if (!v || (amount_unit && !fs_ncv_fits(amount_unit, &v->unit)))
            continue;
        unsigned depth = e[i]->category ? cat_depth(e[i]->category) : 0;
        if (!best || depth > best_depth) {
            best = e[i];
            bv = v;
            best_depth = depth;
        }
    }
    return best ? (fs_hit){bv, best} : (fs_hit){NULL, NULL};
}

/* The ipcc_fuel of the first entry of `key` that names one (in `only`, if given). */
static const char *fs_same_as_in(const fs_order *o, const char *key, const fset *only)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    for (size_t i = 0; i < n; i++)
        if (e[i]->same_as && (!only || e[i]->set == only))
            return e[i]->same_as;
    return NULL;
}

fs_hit fs_find(const fs_order *o, const char *key, const char *cat, const char *param, const units_t *amount_unit,
               const fset *only)
{
    fs_hit h = fs_find_key(o, key, cat, param, amount_unit, only);
    const char *alt = h.v ? NULL : fs_same_as_in(o, key, only);
    return alt && strcmp(alt, key) != 0 ? fs_find_key(o, alt, cat, param, amount_unit, only) : h;
}

const char *fs_same_as(const fs_order *o, const char *key) { return fs_same_as_in(o, key, NULL); }

const char *fs_canonical(const fs_order *o, const char *key)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    return n ? e[0]->key : key;
}

void fs_key_kinds(const fs_order *o, const char *key, size_t *fuels, size_t *activities,
                  const fset_entry **activity)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    *fuels = *activities = 0;
    *activity = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!e[i]->activity) {
            (*fuels)++;
        } else {
            if (!*activity)
                *activity = e[i];
            (*activities)++;
        }
    }
}

bool fs_known(const fs_order *o, const char *key)
{
    size_t n;
    fs_entries(o, key, &n);
    return n > 0;
}

int fs_biogenic(const fs_order *o, const char *key)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    for (size_t i = 0; i < n; i++)
        if (e[i]->biogenic >= 0)
            return e[i]->biogenic;
    return -1;
}

const char *fs_missing_need(const fs_order *o, const char *key, const char *cat, bool (*has)(const void *ctx,
                            const char *name), const void *ctx, const fset_entry **entry)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    for (size_t i = 0; i < n; i++) {
        if (e[i]->category && !cat_under(cat, e[i]->category))
            continue;
        for (unsigned k = 0; k < e[i]->nneeds; k++)
            if (!has(ctx, e[i]->needs[k])) {
                *entry = e[i];
                return e[i]->needs[k];
            }
    }
    return NULL;
}

size_t fs_rank(const fs_order *o, const char *set_id)
{
    for (size_t s = 0; s < o->nsets; s++)
        if (o->sets[s]->id == set_id)
            return s;
    return o->nsets;
}

const fset_entry *fs_first(const fs_order *o, const char *key, const char *param)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    for (size_t i = 0; i < n; i++)
        if (param ? fset_entry_param(e[i], param) != NULL : e[i]->same_as != NULL)
            return e[i];
    return NULL;
}

/* Whether entry grid `eg` serves a record asking for grid `want` (NULL asks
 * for the national grid). */
static bool fs_grid_fits(const char *eg, const char *want)
{
    if (!want)
        return !eg || strcmp(eg, "national") == 0;
    return eg && strcmp(eg, want) == 0;
}

fs_hit fs_find_grid(const fs_order *o, const char *key, const char *grid, long year, long *used_year)
{
    size_t n;
    const fset_entry *const *e = fs_entries(o, key, &n);
    const fset_entry *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (best && e[i]->set != best->set)
            break;
        if (!fs_grid_fits(e[i]->grid, grid) || !fset_entry_param(e[i], "co2"))
            continue;
        bool better = !best || (e[i]->year <= year && (best->year > year || e[i]->year > best->year)) ||
                      (e[i]->year > year && best->year > year && e[i]->year < best->year);
        if (better)
            best = e[i];
    }
    if (!best)
        return (fs_hit){NULL, NULL};
    *used_year = best->year;
    return (fs_hit){fset_entry_param(best, "co2"), best};
}

const char *fs_suggest(const fs_order *o, const char *key)
{
    const char *hint = txt_suggest(key, o->keys, o->nkeys);
    const char **zh = hint || !o->nkeys ? NULL : malloc(o->nkeys * sizeof *zh);
    if (!zh)
        return hint;
    size_t n = 0; /* no key is close: the keys' Chinese names (天燃气 -> 天然气) */
    for (size_t k = 0; k < o->nkeys; k++)
        if ((zh[n] = fs_slot_zh(o, fs_slot_of(o, o->keys[k]))) != NULL)
            n++;
    hint = txt_suggest(key, zh, n);
    free(zh);
    return hint;
}

void fs_unknown(const fs_order *o, const char *key, const char *what, src_loc at, diag_list *dl)
{
    if (o->nsets == 0) {
        diag_error(dl, at, "unknown %s '%s': 'factor_sets' is empty, so no factor set is searched: name one, such "
                   "as factor_sets: [ipcc2006-energy]", what, key);
        return;
    }
    const char *hint = fs_suggest(o, key);
    char sets[256];
    fs_text(o, sets, sizeof sets);
    diag_error(dl, at, "unknown %s '%s'%s%s%s in factor sets %s", what, key, hint ? " (did you mean '" : "",
               hint ? hint : "", hint ? "'?)" : "", sets);
}
