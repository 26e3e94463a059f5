/* inventory.c - loading an inventory YAML file: its top-level fields, the activity list streamed record by record. */
#include "fod_load.h"
#include "fset_load.h"
#include "inv_load.h"
#include "inventory.h"
#include "unc_load.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"
#include "yreader.h"

/* Records are compared for duplicates through a hash of their identity. */
typedef struct {
    uint32_t *slot; /* record index + 1, 0 = empty; hashes are recomputed (4 bytes a slot) */
    size_t cap;     /* power of two */
    size_t n;
} inv_dupset;

typedef struct {
    inventory *inv;
    diag_list *dl;
    const inv_progress *progress;
    inv_dupset dups;
    size_t max_records;
    bool stop;           /* over max_records or DIAG_MAX_ERRORS: read no further */
    inv_seen seen;       /* categories already checked */
} inv_loader;

static const char *const inv_top_keys[] = {"inventory", "title", "region", "year", "gwp", "factor_sets",
                                           "factor_dirs", "economy", "notes", "activities", "solid_waste",
                                           "indirect", "notation_keys", "reference_approach", "base_inventory",
                                           "factor_uncertainty"};
#define INV_MAX_RECORDS 50000000u /* 5x10^7 records: about 6 GB of records; beyond, split the inventory */

/* A pool copy of scalar text, or NULL after an error. */
static const char *inv_text(inventory *inv, const ynode *n, const char *key, diag_list *dl)
{
    const char *t = yf_text(n, key, dl);
    return t ? pool_strdup(inv->mem, t) : NULL;
}

/* What a quantity of the economy block measures. */
typedef enum { INV_Q_MONEY, INV_Q_COUNT, INV_Q_ENERGY } inv_qkind;

/* Whether unit `u` fits quantity kind `k`. */
static bool inv_qkind_fits(const units_t *u, inv_qkind k)
{
    return k == INV_Q_MONEY   ? units_is(u, UNITS_DIM_MONEY)
           : k == INV_Q_COUNT ? units_is(u, UNITS_DIM_COUNT) || units_is_dimensionless(u)
                              : units_is(u, UNITS_DIM_ENERGY);
}

/* Reads one quantity of `economy:` ({value, unit, source}, and price_base
 * for the GDP) into `q`, checking its unit against kind `k`. */
static void inv_quantity_parse(inventory *inv, const ynode *n, const char *key, inv_qkind k, inv_quantity *q,
                               diag_list *dl)
{
    static const char *const gdp_keys[] = {"value", "unit", "source", "price_base"};
    static const char *const want[] = {"money, such as 10^8 yuan or 亿元", "people, such as person or 10^4 person",
                                       "energy, such as 10^8 kWh or 亿千瓦时"};
    bool is_gdp = k == INV_Q_MONEY;
    q->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "'%s' must be a mapping like {value: 1452.5, unit: 10^8 yuan%s}", key,
                   is_gdp ? ", price_base: 2020" : "");
        return;
    }
    yf_check_keys(n, gdp_keys, is_gdp ? 4 : 3, key, dl);
    const ynode *v = yf_need(n, "value", key, dl), *u = yf_need(n, "unit", key, dl);
    bool ok = v && yf_number(v, "value", &q->value, dl);
    if (ok && !(q->value > 0)) {
        diag_error(dl, v->at, "'%s' must be positive, got %s", key, v->text);
        ok = false;
    }
    if (u && (q->unit_text = inv_text(inv, u, "unit", dl))) {
        char msg[200];
        if (units_parse(q->unit_text, &q->unit, msg, sizeof msg) != UNITS_OK) {
            diag_error(dl, u->at, "%s", msg);
            ok = false;
        } else if (!inv_qkind_fits(&q->unit, k)) {
            char dim[64];
            units_dim_name(&q->unit, dim, sizeof dim);
            diag_error(dl, u->at, "unit '%s' of '%s' measures %s; use %s", q->unit_text, key, dim, want[k]);
            ok = false;
        }
    } else
        ok = false;
    const ynode *pb = yn_get(n, "price_base");
    if (pb && !yf_int(pb, "price_base", 1949, 2200, &q->price_base, dl))
        ok = false;
    const ynode *src = yn_get(n, "source");
    q->source = src ? inv_text(inv, src, "source", dl) : NULL;
    q->given = ok;
}

/* Reads `economy: {gdp: {...}, population: {...}, primary_electricity: {...}}`. */
static void inv_economy(inventory *inv, const ynode *n, diag_list *dl)
{
    static const char *const keys[] = {"gdp", "population", "primary_electricity"};
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "'economy' must be a mapping with gdp, population and primary_electricity");
        return;
    }
    yf_check_keys(n, keys, 3, "economy", dl);
    const ynode *g = yn_get(n, "gdp"), *p = yn_get(n, "population"), *e = yn_get(n, "primary_electricity");
    if (g)
        inv_quantity_parse(inv, g, "gdp", INV_Q_MONEY, &inv->gdp, dl);
    if (p)
        inv_quantity_parse(inv, p, "population", INV_Q_COUNT, &inv->population, dl);
    if (e)
        inv_quantity_parse(inv, e, "primary_electricity", INV_Q_ENERGY, &inv->primary_electricity, dl);
}

/* A list of texts: `[a, b]`; NULL after an error. */
static const char **inv_text_list(inventory *inv, const ynode *n, const char *key, src_loc **at, size_t *count,
                                  diag_list *dl)
{
    if (n->kind != YN_SEQ) {
        diag_error(dl, n->at, "'%s' must be a list such as [china-energy, ipcc2006-energy]", key);
        return NULL;
    }
    const char **out = pool_alloc(inv->mem, (n->n + 1) * sizeof *out);
    src_loc *locs = pool_alloc(inv->mem, (n->n + 1) * sizeof *locs);
    if (!out || !locs)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n->n; i++) {
        const char *t = inv_text(inv, n->items[i], key, dl);
        if (!t)
            continue;
        locs[k] = n->items[i]->at;
        out[k++] = t;
    }
    *count = k;
    if (at)
        *at = locs;
    return out;
}

/* Folders in `factor_dirs` are relative to the inventory file's folder. */
static void inv_factor_dirs(inventory *inv, const ynode *n, diag_list *dl)
{
    size_t count = 0;
    const char **dirs = inv_text_list(inv, n, "factor_dirs", NULL, &count, dl);
    if (!dirs)
        return;
    const char *slash = strrchr(inv->path, '/');
    size_t base = slash ? (size_t)(slash - inv->path) : 0;
    for (size_t i = 0; i < count; i++) {
        if (dirs[i][0] == '/' || !slash)
            continue;
        size_t len = base + 1 + strlen(dirs[i]) + 1;
        char *p = pool_alloc(inv->mem, len);
        if (p)
            snprintf(p, len, "%.*s/%s", (int)base, inv->path, dirs[i]);
        dirs[i] = p;
    }
    inv->factor_dirs = dirs;
    inv->ndirs = count;
}

/* Hash of what makes two records the same: an explicit id (its text: ids
 * are unique, so they are not interned), or every field (interned: equal
 * text, equal pointer). */
static uint64_t inv_rec_hash(const inv_record *r)
{
    uint64_t h = 1469598103934665603ULL;
    if (r->id) {
        for (const unsigned char *c = (const unsigned char *)r->id; *c; c++)
            h = (h ^ *c) * 1099511628211ULL;
        return h ? h : 1;
    }
    const void *parts[] = {r->category, r->key, r->unit_text, r->source};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        h = (h ^ (uint64_t)(uintptr_t)parts[i]) * 1099511628211ULL;
    uint64_t bits;
    memcpy(&bits, &r->amount, sizeof bits);
    h = (h ^ bits) * 1099511628211ULL;
    return h ? h : 1;
}

static bool inv_rec_same(const inv_record *a, const inv_record *b)
{
    if (a->id || b->id)
        return a->id && b->id && strcmp(a->id, b->id) == 0;
    return a->category == b->category && a->key == b->key && a->unit_text == b->unit_text &&
           a->source == b->source && a->amount == b->amount && a->novr == 0 && b->novr == 0;
}

/* Returns the index of an earlier identical record, or SIZE_MAX after
 * adding record `i` to the set. */
static size_t inv_dup_check(inv_loader *L, size_t i)
{
    inv_dupset *d = &L->dups;
    if ((d->n + 1) * 2 > d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 1024;
        uint32_t *slot = calloc(cap, sizeof *slot);
        if (!slot)
            return SIZE_MAX; /* without memory the check is skipped, not the record */
        for (size_t s = 0; s < d->cap; s++) {
            if (!d->slot[s])
                continue;
            size_t k = inv_rec_hash(inv_rec(L->inv, d->slot[s] - 1)) & (cap - 1);
            while (slot[k])
                k = (k + 1) & (cap - 1);
            slot[k] = d->slot[s];
        }
        free(d->slot);
        d->slot = slot;
        d->cap = cap;
    }
    const inv_record *r = inv_rec(L->inv, i);
    size_t k = inv_rec_hash(r) & (d->cap - 1);
    while (d->slot[k]) {
        if (inv_rec_same(inv_rec(L->inv, d->slot[k] - 1), r))
            return d->slot[k] - 1;
        k = (k + 1) & (d->cap - 1);
    }
    d->slot[k] = (uint32_t)(i + 1);
    d->n++;
    return SIZE_MAX;
}

/* A new zeroed record at the end of the inventory, or NULL. */
static inv_record *inv_push(inventory *inv)
{
    if (inv->n % INV_CHUNK == 0) {
        size_t c = inv->n / INV_CHUNK;
        if (c == inv->nchunks) {
            size_t ncap = inv->nchunks ? inv->nchunks * 2 : 16;
            inv_record **ch = realloc(inv->chunks, ncap * sizeof *ch);
            if (!ch)
                return NULL;
            memset(ch + inv->nchunks, 0, (ncap - inv->nchunks) * sizeof *ch);
            inv->chunks = ch;
            inv->nchunks = ncap;
        }
        if (!inv->chunks[c] && !(inv->chunks[c] = calloc(INV_CHUNK, sizeof(inv_record))))
            return NULL;
    }
    inv_record *r = &inv->chunks[inv->n / INV_CHUNK][inv->n % INV_CHUNK];
    memset(r, 0, sizeof *r);
    inv->n++;
    return r;
}

/* Parses one item of `activities:` and keeps it unless it has errors or
 * repeats an earlier record. */
static void inv_record_parse(inv_loader *L, const ynode *n)
{
    inventory *inv = L->inv;
    diag_list *dl = L->dl;
    inv_record tmp;
    if (!inv_record_read(inv, &L->seen, n, &tmp, dl))
        return;
    if (inv->n >= L->max_records) {
        diag_error(dl, n->at, "more than %zu activity records: split the inventory into several files",
                   L->max_records);
        L->stop = true;
        return;
    }
    inv_record *r = inv_push(inv);
    if (!r) {
        diag_error(dl, n->at, "out of memory after %zu records", inv->n);
        return;
    }
    *r = tmp;
    size_t first = inv_dup_check(L, inv->n - 1);
    if (first != SIZE_MAX) {
        const inv_record *f = inv_rec(inv, first);
        if (r->id)
            diag_error(dl, n->at, "duplicate record id '%s' (also used by the record at line %u): give each record "
                       "its own id", r->id, f->at.line);
        else
            diag_error(dl, n->at, "duplicate record: same category, fuel, amount, unit and source as the record at "
                       "line %u (remove one, or give each an 'id' or 'source')", f->at.line);
        inv->n--;
    }
}

/* Streams `activities:` one record at a time. */
static void inv_activities(inv_loader *L, yreader *yr)
{
    if (yr_peek_kind(yr) != YN_SEQ) {
        const ynode *v = yr_value(yr);
        if (v)
            diag_error(L->dl, v->at, "'activities' must be a list of records (lines starting with '- ')");
        return;
    }
    yr_seq_begin(yr);
    const ynode *item;
    size_t seen = 0;
    while ((item = yr_seq_next(yr))) {
        if (diag_stop(L->dl, item->at, "reading ")) {
            L->stop = true;
            return;
        }
        inv_record_parse(L, item);
        if (L->stop)
            return;
        if (L->progress && (++seen & 0xFFFF) == 0)
            L->progress->fn(L->progress->ctx, "reading", seen, 0);
    }
}

/* Reads one top-level scalar field into `*dst`. */
static void inv_top_text(inventory *inv, const ynode *k, const ynode *v, diag_list *dl)
{
    const char *key = k->text;
    const char **dst = strcmp(key, "inventory") == 0 ? &inv->id
                       : strcmp(key, "title") == 0   ? &inv->title
                       : strcmp(key, "region") == 0  ? &inv->region
                       : strcmp(key, "notes") == 0   ? &inv->notes
                       : strcmp(key, "gwp") == 0     ? &inv->gwp_id
                                                     : NULL;
    if (dst) {
        *dst = inv_text(inv, v, key, dl);
        if (dst == &inv->gwp_id)
            inv->gwp_at = v->at;
        return;
    }
    if (strcmp(key, "year") == 0) {
        yf_int(v, "year", 1900, 2200, &inv->year, dl);
        return;
    }
    const char *hint = txt_suggest(key, inv_top_keys, sizeof inv_top_keys / sizeof *inv_top_keys);
    diag_error(dl, k->at, "unknown key '%s' in an inventory%s%s%s", key, hint ? " (did you mean '" : "",
               hint ? hint : "", hint ? "'?)" : "");
}

static inventory *inv_load_reader_max(yreader *yr, diag_list *dl, const inv_progress *progress,
                                      size_t max_records);

/* Reports the required top-level keys that were not given (a key given
 * with a bad value has had its own message). */
static void inv_check_required(const char *path, bool id, bool year, bool sets, bool acts, diag_list *dl)
{
    src_loc top = {path, 1, 1};
    if (!id)
        diag_error(dl, top, "missing 'inventory:' (an id for this inventory, e.g. jilin-2020)");
    if (!year)
        diag_error(dl, top, "missing 'year:' (the inventory year)");
    if (!sets)
        diag_error(dl, top, "missing 'factor_sets:' (the factor sets to search, e.g. [ipcc2006-energy])");
    if (!acts)
        diag_error(dl, top, "missing 'activities:' (the list of activity records)");
}

inventory *inv_load(const char *path, diag_list *dl, const inv_progress *progress)
{
    return inv_load_max(path, dl, progress, INV_MAX_RECORDS);
}

inventory *inv_load_max(const char *path, diag_list *dl, const inv_progress *progress, size_t max_records)
{
    yreader *yr = yr_open(path, dl, NULL);
    return yr ? inv_load_reader_max(yr, dl, progress, max_records) : NULL;
}

inventory *inv_load_from(struct yreader *yr, diag_list *dl, const inv_progress *progress)
{
    return inv_load_reader_max(yr, dl, progress, INV_MAX_RECORDS);
}

/* Reads the top-level key `k` with value `v` (any but `activities`, which
 * is streamed) into its place in `inv`. */
static void inv_top_section(inventory *inv, const ynode *k, const ynode *v, diag_list *dl)
{
    if (strcmp(k->text, "factor_sets") == 0)
        inv->set_names = inv_text_list(inv, v, "factor_sets", &inv->set_at, &inv->nsets, dl);
    else if (strcmp(k->text, "factor_dirs") == 0)
        inv_factor_dirs(inv, v, dl);
    else if (strcmp(k->text, "economy") == 0)
        inv_economy(inv, v, dl);
    else if (strcmp(k->text, "base_inventory") == 0) {
        inv->base_path = inv_text(inv, v, "base_inventory", dl);
        inv->base_at = v->at;
    } else if (strcmp(k->text, "factor_uncertainty") == 0)
        inv->unc_rules = unc_parse_factor_rules(v, inv->mem, &inv->nunc_rules, dl);
    else if (strcmp(k->text, "solid_waste") == 0)
        fod_parse(v, inv->mem, dl, &inv->fod);
    else if (strcmp(k->text, "indirect") == 0)
        inv_parse_indirect(inv, v, dl);
    else if (strcmp(k->text, "notation_keys") == 0)
        inv_parse_notation(inv, v, dl);
    else if (strcmp(k->text, "reference_approach") == 0)
        inv_parse_reference(inv, v, dl);
    else
        inv_top_text(inv, k, v, dl);
}

/* Gives back the unused end of the uncertainty percentages (grown by
 * doubling: up to half of it unused, 2 MB at 10^6 records). */
static void inv_trim(inventory *inv)
{
    double *u = inv->nunc_pct ? realloc(inv->unc_pct, inv->nunc_pct * sizeof *u) : NULL;
    if (u) {
        inv->unc_pct = u;
        inv->capunc_pct = inv->nunc_pct;
    }
}

/* Reads the inventory from the open reader `yr` (closed here). */
static inventory *inv_load_reader_max(yreader *yr, diag_list *dl, const inv_progress *progress, size_t max_records)
{
    const char *path = yr_path(yr);
    inventory *inv = calloc(1, sizeof *inv);
    if (!inv || !(inv->mem = pool_new())) {
        free(inv);
        yr_close(yr);
        return NULL;
    }
    inv->path = path;
    inv_loader L = {.inv = inv, .dl = dl, .progress = progress, .max_records = max_records};
    const ynode *k;
    bool seen_acts = false, seen_id = false, seen_year = false, seen_sets = false;
    while ((k = yr_next_key(yr))) {
        /* A key given with a bad value gets that value's error, not "missing". */
        seen_id |= strcmp(k->text, "inventory") == 0;
        seen_year |= strcmp(k->text, "year") == 0;
        seen_sets |= strcmp(k->text, "factor_sets") == 0;
        if (strcmp(k->text, "activities") == 0) {
            seen_acts = true;
            inv_activities(&L, yr);
            if (L.stop)
                break;
            continue;
        }
        const ynode *v = yr_value(yr);
        if (!v)
            break;
        inv_top_section(inv, k, v, dl);
    }
    bool failed = yr_failed(yr);
    inv->partial = failed || L.stop;
    /* Hashed as it was parsed: one pass over the file, and nothing hashed
     * past an error (a huge or endless file is refused first). */
    if (!failed && !yr_sha256(yr, inv->sha256))
        strcpy(inv->sha256, "unreadable");
    yr_close(yr);
    free(L.dups.slot);
    inv_trim(inv);
    if (!failed)
        inv_check_required(path, seen_id, seen_year, seen_sets, seen_acts, dl);
    return inv;
}

/* Keeps the parsed unit of interned text `text`; false when out of memory. */
bool inv_unit_keep(inventory *inv, const char *text, const units_t *u)
{
    size_t at;
    bool added;
    if (!pm_put(&inv->unit_ix, text, &at, &added))
        return false;
    if (!added)
        return true;
    if (inv->nunits == inv->capunits) {
        size_t cap = inv->capunits ? inv->capunits * 2 : 16;
        units_t *v = realloc(inv->units, cap * sizeof *v);
        if (!v)
            return false;
        inv->units = v;
        inv->capunits = cap;
    }
    inv->units[inv->nunits++] = *u;
    return true;
}

bool inv_unit(const inventory *inv, const char *unit_text, units_t *out)
{
    size_t at = pm_get(&inv->unit_ix, unit_text);
    if (at != (size_t)-1) {
        *out = inv->units[at];
        return true;
    }
    return unit_text && units_parse(unit_text, out, NULL, 0) == UNITS_OK;
}

/* Moves the places of r's fields into the far table (once a place does not
 * fit 4 bytes); false when out of memory. */
static bool inv_go_far(inventory *inv, inv_record *r)
{
    if (inv->nfar == inv->capfar) {
        size_t cap = inv->capfar ? inv->capfar * 2 : 16;
        inv_pos(*v)[INV_NAT] = cap < ((size_t)1 << 32) ? realloc(inv->far, cap * sizeof *v) : NULL;
        if (!v)
            return false;
        inv->far = v;
        inv->capfar = cap;
    }
    for (int k = 0; k < INV_NAT; k++)
        inv->far[inv->nfar][k] = (inv_pos){r->at.line + r->near[k].dline, r->near[k].col};
    r->near[0] = (inv_near){(uint16_t)(inv->nfar >> 16), (uint16_t)(inv->nfar & 0xFFFF)};
    r->far = true;
    inv->nfar++;
    return true;
}

bool inv_set_field(inventory *inv, inv_record *r, inv_at which, inv_pos p)
{
    if (!r->far && p.line >= r->at.line && p.line - r->at.line <= UINT16_MAX && p.col <= UINT16_MAX) {
        r->near[which] = (inv_near){(uint16_t)(p.line - r->at.line), (uint16_t)p.col};
        return true;
    }
    if (!r->far && !inv_go_far(inv, r))
        return false;
    inv->far[(size_t)r->near[0].dline << 16 | r->near[0].col][which] = p;
    return true;
}

bool inv_computable(const inventory *inv) { return inv && !inv->partial && inv->year && inv->set_names && inv->nsets; }

inventory *inv_new(const char *path)
{
    inventory *inv = calloc(1, sizeof *inv);
    if (!inv || !(inv->mem = pool_new())) {
        free(inv);
        return NULL;
    }
    inv->path = path;
    strcpy(inv->sha256, "in memory");
    return inv;
}

inv_record *inv_add(inventory *inv)
{
    inv_record *r = inv_push(inv);
    if (r) {
        r->removal = -1;
    }
    return r;
}

void inv_free(inventory *inv)
{
    if (!inv)
        return;
    for (size_t i = 0; i < inv->nchunks; i++)
        free(inv->chunks[i]);
    free(inv->chunks);
    free(inv->unc);
    free(inv->unc_pct);
    pool_free(inv->mem);
    pm_free(&inv->unit_ix);
    free(inv->far);
    free(inv->units);
    free(inv);
}
