/* proj_load.c - loading a scenario file: top-level keys, base, sectors, peak settings, and scenarios with inheritance.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "prj_loader.h"
#include "textutil.h"
#include "yfields.h"

#define PL_MAX_SCENARIOS 100
#define PL_MAX_ITERATIONS 1000000 /* 10^6 draws: the paths kept for the percentiles take nscen x years x 8 bytes each  \
                                   */
#define PL_MAX_SEED 9007199254740992.0 /* 2^53: every seed a YAML number holds exactly */

static const char *const pl_top_keys[] = {"projection", "title", "region", "notes",       "base",     "horizon",
                                          "sectors",    "sink",  "peak",   "monte_carlo", "scenarios"};
static const char *const pl_scen_keys[] = {"id",  "title", "inherits", "drivers",  "activity", "efficiency",
                                           "mix", "ef",    "energy",   "measures", "drop"};
static const char *const pl_metric_names[PRJ_NMETRICS] = {"co2_energy", "co2", "co2e", "co2e_net"};
static const char *const pl_mtype_names[PRJ_NMTYPES] = {"switch", "retire", "capture", "project"};
static const char *const pl_kind_names[PRJ_NENTRY] = {"activity", "efficiency", "mix", "ef", "energy"};

/* The default sectors (docs/projection.md#sectors); "other" is appended to every list. */
static const struct {
    const char *id, *title, *title_zh;
    const char *prefixes[4];
} pl_default_sectors[] = {
    {"energy", "Energy supply", "能源供应", {"1.A.1", "1.B", NULL}},
    {"industry", "Industry", "工业", {"1.A.2", "2", NULL}},
    {"transport", "Transport", "交通", {"1.A.3", NULL}},
    {"buildings", "Buildings", "建筑", {"1.A.4.a", "1.A.4.b", "1.A.5", NULL}},
    {"agriculture", "Agriculture", "农业", {"1.A.4.c", "3.A", "3.C", NULL}},
    {"land", "Land use and forest", "土地利用和林业", {"3.B", "3.D", NULL}},
    {"waste", "Waste", "废弃物", {"4", NULL}},
};

const char *prj_metric_name(prj_metric m) { return (unsigned)m < PRJ_NMETRICS ? pl_metric_names[m] : "?"; }
const char *prj_mtype_name(prj_mtype t) { return (unsigned)t < PRJ_NMTYPES ? pl_mtype_names[t] : "?"; }
const char *prj_entry_kind_name(prj_entry_kind k) { return (unsigned)k < PRJ_NENTRY ? pl_kind_names[k] : "?"; }

/* ---------------------------------------------------------------- base, sectors, peak, Monte Carlo */

/* A path given under `base:`: relative to the scenario file, readable now. */
static const char *pl_base_file(prj_loader *L, const ynode *n, const char *key, src_loc *at)
{
    const char *t = yf_text(n, key, L->dl);
    const char *p = t ? pl_path_rel(L, t) : NULL;
    *at = n->at;
    if (p && access(p, R_OK) != 0)
        diag_error(L->dl, n->at, "cannot read %s '%s' (%s): check the path, which is relative to the scenario file",
                   key, p, strerror(errno));
    return p;
}

/* `base: {inventory, series, targets}`. */
static void pl_base(prj_loader *L, const ynode *n)
{
    static const char *const keys[] = {"inventory", "series", "targets"};
    prj_file *f = L->f;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "'base' must be a mapping such as {inventory: jilin-2020.yaml, series: "
                   "jilin-series.yaml}");
        return;
    }
    pl_check_keys(L, n, keys, 3, "'base'");
    const ynode *inv = yf_need(n, "inventory", "'base' (the base-year inventory file)", L->dl);
    const ynode *ser = yn_get(n, "series"), *tgt = yn_get(n, "targets");
    if (inv)
        f->inventory = pl_base_file(L, inv, "inventory", &f->inventory_at);
    if (ser)
        f->series = pl_base_file(L, ser, "series", &f->series_at);
    if (tgt)
        f->targets = pl_base_file(L, tgt, "targets", &f->targets_at);
}

/* A list of category prefixes such as ["1.A.1", "1.B"]. */
static bool pl_prefixes(prj_loader *L, const ynode *n, const char *key, const char ***out, size_t *nout)
{
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at, "'%s' must be a list of category prefixes such as [\"1.A.1\", \"1.B\"]", key);
        return false;
    }
    *out = pool_alloc(L->f->mem, n->n * sizeof **out);
    if (!*out)
        return false;
    *nout = 0;
    for (size_t i = 0; i < n->n; i++) {
        const char *t = pl_text(L, n->items[i], key);
        if (t)
            (*out)[(*nout)++] = t;
    }
    return *nout == n->n;
}

/* One item of `sectors:`. */
static void pl_sector(prj_loader *L, const ynode *n, prj_sector *s)
{
    static const char *const keys[] = {"id", "title", "title_zh", "categories"};
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "each sector must be a mapping such as {id: energy, categories: [\"1.A.1\"]}");
        return;
    }
    pl_check_keys(L, n, keys, 4, "a sector");
    const ynode *id = yf_need(n, "id", "a sector", L->dl), *c = yf_need(n, "categories", "a sector", L->dl);
    s->id = id ? pl_text(L, id, "id") : NULL;
    s->title = pl_opt_text(L, n, "title");
    s->title_zh = pl_opt_text(L, n, "title_zh");
    if (c)
        pl_prefixes(L, c, "categories", &s->prefixes, &s->nprefixes);
    if (!s->title)
        s->title = s->id;
}

/* `sectors:` as given, or the default list; "other" last either way. */
static void pl_sectors(prj_loader *L, const ynode *n)
{
    prj_file *f = L->f;
    size_t nd = sizeof pl_default_sectors / sizeof *pl_default_sectors, ns = n ? n->n : nd;
    if (n && (n->kind != YN_SEQ || n->n == 0)) {
        diag_error(L->dl, n->at, "'sectors' must be a list of {id, title, categories}");
        return;
    }
    f->sectors = pool_alloc(f->mem, (ns + 1) * sizeof *f->sectors);
    if (!f->sectors)
        return;
    for (size_t i = 0; i < ns; i++) {
        prj_sector *s = &f->sectors[i];
        if (n) {
            pl_sector(L, n->items[i], s);
            continue;
        }
        *s = (prj_sector){pl_default_sectors[i].id, pl_default_sectors[i].title, pl_default_sectors[i].title_zh,
                          (const char **)pl_default_sectors[i].prefixes, 0};
        while (s->prefixes[s->nprefixes])
            s->nprefixes++;
    }
    f->sectors[ns] = (prj_sector){"other", "Other", "其他", NULL, 0};
    f->nsectors = ns + 1;
    for (size_t i = 0; n && i < ns; i++)
        for (size_t j = 0; j < i; j++)
            if (f->sectors[i].id && f->sectors[j].id && strcmp(f->sectors[i].id, f->sectors[j].id) == 0)
                diag_error(L->dl, n->items[i]->at, "sector id '%s' is used twice", f->sectors[i].id);
}

/* `peak: {metric, by, plateau, as_of}`. */
static void pl_peak(prj_loader *L, const ynode *n)
{
    static const char *const keys[] = {"metric", "by", "plateau", "as_of"};
    prj_file *f = L->f;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'peak' must be a mapping such as {metric: co2, by: 2030, plateau: 2%%}");
        return;
    }
    pl_check_keys(L, n, keys, 4, "'peak'");
    const ynode *m = yn_get(n, "metric"), *by = yn_get(n, "by"), *pl = yn_get(n, "plateau"), *as = yn_get(n, "as_of");
    int k = m ? pl_pick(L, m, "metric", pl_metric_names, PRJ_NMETRICS) : -1;
    if (k >= 0)
        f->metric = (prj_metric)k;
    if (by)
        yf_int(by, "by", 1900, PRJ_MAX_YEAR, &f->peak_by, L->dl);
    if (as)
        yf_int(as, "as_of", 1900, PRJ_MAX_YEAR, &f->as_of, L->dl);
    double v;
    if (pl && pl_number(L, pl, "plateau", &v)) {
        if (v >= 0 && v < 1)
            f->plateau_pct = v * 100;
        else
            diag_error(L->dl, pl->at, "'plateau' must be a percentage from 0 to below 100, such as 2%%");
    }
}

/* `monte_carlo: {iterations, seed}`. */
static void pl_mc(prj_loader *L, const ynode *n)
{
    static const char *const keys[] = {"iterations", "seed"};
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'monte_carlo' must be a mapping such as {iterations: 1000, seed: 1}");
        return;
    }
    L->f->mc_given = true;
    pl_check_keys(L, n, keys, 2, "'monte_carlo'");
    const ynode *it = yn_get(n, "iterations"), *sd = yn_get(n, "seed");
    long v;
    double s;
    if (it && yf_int(it, "iterations", 1, PL_MAX_ITERATIONS, &v, L->dl))
        L->f->mc_iterations = (size_t)v;
    if (sd && yf_number(sd, "seed", &s, L->dl)) {
        if (s >= 0 && s <= PL_MAX_SEED && s == (double)(uint64_t)s)
            L->f->mc_seed = (uint64_t)s;
        else
            diag_error(L->dl, sd->at, "'seed' must be a whole number from 0 to 2^53, got %s", sd->text);
    }
}

/* ---------------------------------------------------------------- scenarios */

/* The id of entry or measure `p` of list kind `k` (PRJ_NENTRY: measures). */
static const char *pl_item_id(const void *p, size_t k)
{
    return k == PRJ_NENTRY ? ((const prj_measure *)p)->id : ((const prj_entry *)p)->id;
}

/* Puts `item` into `list` (n items, the first `ninh` inherited): in the
 * place of the inherited item with its id, else at the end. */
static void pl_merge(const void **list, size_t *n, size_t ninh, const void *item, size_t k)
{
    const char *id = pl_item_id(item, k);
    for (size_t i = 0; i < ninh; i++)
        if (strcmp(pl_item_id(list[i], k), id) == 0) {
            list[i] = item;
            return;
        }
    list[(*n)++] = item;
}

/* Reports an id used twice among the `n` own items before `item`. */
static bool pl_unique(prj_loader *L, const void *const *own, size_t n, const void *item, size_t k, src_loc at)
{
    const char *id = pl_item_id(item, k);
    for (size_t i = 0; i < n; i++)
        if (own[i] && strcmp(pl_item_id(own[i], k), id) == 0) {
            diag_error(L->dl, at, "id '%s' is used twice in %s of scenario '%s': give each its own 'id:'", id,
                       k == PRJ_NENTRY ? "measures" : pl_kind_names[k], L->f->scen[L->scen].id);
            return false;
        }
    return true;
}

/* True when `name` is a built-in driver or one of the scenario's. */
static bool pl_has_driver(const prj_scenario *sc, const char *name)
{
    if (strcmp(name, "gdp") == 0 || strcmp(name, "population") == 0 || strcmp(name, "coal_rate") == 0)
        return true;
    for (size_t i = 0; i < sc->ndrivers; i++)
        if (strcmp(sc->drivers[i]->name, name) == 0)
            return true;
    return false;
}

/* Every driver an activity entry names is defined in the scenario. */
static bool pl_check_drivers(prj_loader *L, const prj_scenario *sc, const prj_entry *e)
{
    for (size_t i = 0; i < e->ndrivers; i++)
        if (!pl_has_driver(sc, e->drivers[i])) {
            diag_error(L->dl, e->at,
                       "driver '%s' of activity entry '%s' is not defined in scenario '%s': add it "
                       "under 'drivers:'",
                       e->drivers[i], e->id, sc->id);
            return false;
        }
    return true;
}

/* Registers a project measure (its index into f->projects). */
static void pl_project_add(prj_loader *L, prj_measure *m, const prj_measure ***proj, size_t *cap)
{
    prj_file *f = L->f;
    if (f->nprojects == *cap) {
        size_t c = *cap ? *cap * 2 : 4;
        const prj_measure **a = pool_alloc(f->mem, c * sizeof *a);
        if (!a) {
            L->oom = true;
            return;
        }
        if (f->nprojects)
            memcpy(a, *proj, f->nprojects * sizeof *a);
        *proj = a;
        *cap = c;
    }
    m->project = f->nprojects;
    (*proj)[f->nprojects++] = m;
    f->projects = *proj;
}

/* One list (`activity:` ... `energy:`, or `measures:` when k is PRJ_NENTRY)
 * of scenario `sc`, merged into what it inherited. */
static void pl_list(prj_loader *L, const ynode *n, size_t k, prj_scenario *sc, const prj_measure ***proj, size_t *cap)
{
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'%s' must be a list (lines starting with '- ')",
                   k == PRJ_NENTRY ? "measures" : pl_kind_names[k]);
        return;
    }
    size_t ninh = k == PRJ_NENTRY ? sc->nmeasures : sc->nentry[k], cnt = ninh;
    size_t size = k == PRJ_NENTRY ? sizeof(prj_measure) : sizeof(prj_entry);
    const void **list = pool_alloc(L->f->mem, (ninh + n->n + 1) * sizeof *list);
    const void **own = pool_alloc(L->f->mem, (n->n + 1) * sizeof *own);
    char *items = pool_alloc(L->f->mem, (n->n + 1) * size);
    if (!list || !own || !items) {
        L->oom = true;
        return;
    }
    if (ninh)
        memcpy(list, k == PRJ_NENTRY ? (const void **)sc->measures : (const void **)sc->entry[k], ninh * sizeof *list);
    for (size_t i = 0; i < n->n; i++) {
        void *it = items + i * size;
        bool ok = k == PRJ_NENTRY ? pl_measure(L, n->items[i], it) : pl_entry(L, n->items[i], (prj_entry_kind)k, it);
        if (!ok || !pl_unique(L, own, i, it, k, n->items[i]->at) ||
            (k == PRJ_E_ACTIVITY && !pl_check_drivers(L, sc, it)))
            continue;
        own[i] = it;
        if (k == PRJ_NENTRY && ((prj_measure *)it)->type == PRJ_M_PROJECT)
            pl_project_add(L, it, proj, cap);
        pl_merge(list, &cnt, ninh, it, k);
    }
    if (k == PRJ_NENTRY) {
        sc->measures = (const prj_measure **)list;
        sc->nmeasures = cnt;
    } else {
        sc->entry[k] = (const prj_entry **)list;
        sc->nentry[k] = cnt;
    }
}

/* `drivers:` of scenario `sc`, replacing inherited drivers by name. */
static void pl_drivers(prj_loader *L, const ynode *n, prj_scenario *sc)
{
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "'drivers' must be a mapping of driver names to paths, such as "
                   "{gdp: {rate: 5%%, source: \"...\"}}");
        return;
    }
    const prj_driver **list = pool_alloc(L->f->mem, (sc->ndrivers + n->n + 1) * sizeof *list);
    prj_driver *own = pool_alloc(L->f->mem, (n->n + 1) * sizeof *own);
    if (!list || !own) {
        L->oom = true;
        return;
    }
    size_t ninh = sc->ndrivers, cnt = ninh;
    if (ninh)
        memcpy(list, sc->drivers, ninh * sizeof *list);
    for (size_t i = 0; i < n->n; i++) {
        if (!pl_driver(L, n->items[2 * i], n->items[2 * i + 1], &own[i]))
            continue;
        size_t at = cnt;
        for (size_t j = 0; j < cnt; j++)
            if (strcmp(list[j]->name, own[i].name) == 0)
                at = j;
        if (at < cnt && at >= ninh)
            diag_error(L->dl, n->items[2 * i]->at, "driver '%s' is given twice", own[i].name);
        list[at] = &own[i];
        cnt += at == cnt;
    }
    sc->drivers = list;
    sc->ndrivers = cnt;
}

/* Removes the items with id `id` from every list of `sc`, into new arrays
 * (the old ones may be the parent's); false when none has it. */
static bool pl_drop_id(prj_loader *L, prj_scenario *sc, const char *id)
{
    bool found = false;
    for (size_t k = 0; k <= PRJ_NENTRY; k++) {
        const void **list = k == PRJ_NENTRY ? (const void **)sc->measures : (const void **)sc->entry[k];
        size_t *n = k == PRJ_NENTRY ? &sc->nmeasures : &sc->nentry[k], w = 0;
        const void **copy = pool_alloc(L->f->mem, (*n + 1) * sizeof *copy);
        if (!copy) {
            L->oom = true;
            return true;
        }
        for (size_t i = 0; i < *n; i++) {
            if (strcmp(pl_item_id(list[i], k), id) == 0)
                found = true;
            else
                copy[w++] = list[i];
        }
        *n = w;
        if (k == PRJ_NENTRY)
            sc->measures = (const prj_measure **)copy;
        else
            sc->entry[k] = (const prj_entry **)copy;
    }
    return found;
}

/* `drop: [id, ...]`. */
static void pl_drop(prj_loader *L, const ynode *n, prj_scenario *sc)
{
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'drop' must be a list of ids, such as [heat-pumps]");
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        const char *id = yf_text(n->items[i], "drop", L->dl);
        if (id && !pl_drop_id(L, sc, id))
            diag_error(L->dl, n->items[i]->at, "scenario '%s' has no entry or measure '%s' to drop", sc->id, id);
    }
}

/* `inherits:`: copies the lists of an earlier scenario. */
static void pl_inherit(prj_loader *L, const ynode *n, size_t i, prj_scenario *sc)
{
    const char *pid = yf_text(n, "inherits", L->dl);
    for (size_t j = 0; pid && j < i; j++) {
        const prj_scenario *p = &L->f->scen[j];
        if (!p->id || strcmp(p->id, pid) != 0)
            continue;
        sc->parent = j;
        sc->drivers = p->drivers;
        sc->ndrivers = p->ndrivers;
        memcpy(sc->entry, p->entry, sizeof sc->entry);
        memcpy(sc->nentry, p->nentry, sizeof sc->nentry);
        sc->measures = p->measures;
        sc->nmeasures = p->nmeasures;
        return;
    }
    if (pid)
        diag_error(L->dl, n->at,
                   "scenario '%s' inherits '%s', which is not a scenario before it: define '%s' "
                   "earlier in the list",
                   sc->id ? sc->id : "?", pid, pid);
}

/* The list keys of a scenario in the order they are read: drivers first
 * (entries name them), measures after the entries, `drop` last. */
static const char *const pl_list_keys[PRJ_NENTRY + 1] = {"activity", "efficiency", "mix", "ef", "energy", "measures"};

/* One scenario: id, parent, then its lists in a fixed order. */
static void pl_scenario(prj_loader *L, const ynode *n, size_t i, const prj_measure ***proj, size_t *cap)
{
    prj_scenario *sc = &L->f->scen[i];
    sc->parent = PRJ_NONE;
    sc->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "each scenario must be a mapping with 'id:' and its drivers, entries and measures");
        return;
    }
    pl_check_keys(L, n, pl_scen_keys, sizeof pl_scen_keys / sizeof *pl_scen_keys, "a scenario");
    const ynode *id = yf_need(n, "id", "a scenario", L->dl), *inh = yn_get(n, "inherits");
    sc->id = id ? pl_text(L, id, "id") : NULL;
    sc->title = pl_opt_text(L, n, "title");
    for (size_t j = 0; sc->id && j < i; j++)
        if (L->f->scen[j].id && strcmp(L->f->scen[j].id, sc->id) == 0)
            diag_error(L->dl, id->at, "scenario id '%s' is used twice", sc->id);
    if (!sc->id)
        return;
    L->scen = i;
    if (inh)
        pl_inherit(L, inh, i, sc);
    if (yn_get(n, "drivers"))
        pl_drivers(L, yn_get(n, "drivers"), sc);
    for (size_t k = 0; k <= PRJ_NENTRY && !L->oom; k++)
        if (yn_get(n, pl_list_keys[k]))
            pl_list(L, yn_get(n, pl_list_keys[k]), k, sc, proj, cap);
    if (yn_get(n, "drop"))
        pl_drop(L, yn_get(n, "drop"), sc);
    L->scen = PRJ_NONE;
}

/* `scenarios:`. */
static void pl_scenarios(prj_loader *L, const ynode *n)
{
    prj_file *f = L->f;
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at, "'scenarios' must be a list of scenarios (lines starting with '- id: ...')");
        return;
    }
    if (n->n > PL_MAX_SCENARIOS) {
        diag_error(L->dl, n->at, "more than %d scenarios: split the file", PL_MAX_SCENARIOS);
        return;
    }
    f->scen = pool_alloc(f->mem, n->n * sizeof *f->scen);
    if (!f->scen) {
        L->oom = true;
        return;
    }
    f->nscen = n->n;
    const prj_measure **proj = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n->n && !L->oom; i++)
        pl_scenario(L, n->items[i], i, &proj, &cap);
}

/* Dispatches one top-level key. */
static void pl_top(prj_loader *L, const ynode *k, const ynode *v)
{
    prj_file *f = L->f;
    const char *key = k->text;
    if (strcmp(key, "projection") == 0)
        f->id = pl_text(L, v, key);
    else if (strcmp(key, "title") == 0)
        f->title = pl_text(L, v, key);
    else if (strcmp(key, "region") == 0)
        f->region = pl_text(L, v, key);
    else if (strcmp(key, "notes") == 0)
        f->notes = pl_text(L, v, key);
    else if (strcmp(key, "base") == 0)
        pl_base(L, v);
    else if (strcmp(key, "horizon") == 0) {
        f->horizon_at = v->at;
        yf_int(v, key, 1901, PRJ_MAX_YEAR, &f->horizon, L->dl);
    } else if (strcmp(key, "sectors") == 0)
        pl_sectors(L, v);
    else if (strcmp(key, "sink") == 0)
        pl_prefixes(L, v, "sink", &f->sink, &f->nsink);
    else if (strcmp(key, "peak") == 0)
        pl_peak(L, v);
    else if (strcmp(key, "monte_carlo") == 0)
        pl_mc(L, v);
    else if (strcmp(key, "scenarios") == 0)
        pl_scenarios(L, v);
    else
        pl_unknown(L, k, "a scenario file", pl_top_keys, sizeof pl_top_keys / sizeof *pl_top_keys);
}

/* Required keys, and the defaults of what was not given. */
static void pl_finish(prj_loader *L)
{
    static const char *const sink[] = {"3.B"};
    prj_file *f = L->f;
    src_loc top = {f->path, 1, 1};
    if (!f->id)
        diag_error(L->dl, top, "missing 'projection:' (an id for this file, e.g. jilin-peak)");
    if (!f->inventory && !f->inventory_at.line)
        diag_error(L->dl, top, "missing 'base:' with 'inventory:' (the base-year inventory)");
    if (!f->horizon)
        diag_error(L->dl, top, "missing 'horizon:' (the last year projected, e.g. 2060)");
    if (!f->scen)
        diag_error(L->dl, top, "missing 'scenarios:' (the list of scenarios)");
    if (!f->sectors)
        pl_sectors(L, NULL);
    if (!f->sink) {
        f->sink = (const char **)sink;
        f->nsink = 1;
    }
}

/* Reads the file key by key, then checks what needs the whole file. */
prj_file *prj_load(const char *path, diag_list *dl)
{
    yreader *yr = yr_open(path, dl, NULL); /* `path` outlives the messages: the caller's */
    return yr ? prj_load_from(yr, dl) : NULL;
}

prj_file *prj_load_from(yreader *yr, diag_list *dl)
{
    prj_file *f = calloc(1, sizeof *f);
    if (!f || !(f->mem = pool_new())) {
        free(f);
        yr_close(yr);
        return NULL;
    }
    f->path = pool_strdup(f->mem, yr_path(yr));
    f->metric = PRJ_MET_CO2;
    f->peak_by = 2030;  /* the city's "2030 年前碳达峰" (plan 第十章) */
    f->plateau_pct = 2; /* docs/projection.md#peak-settings */
    f->mc_iterations = 1000;
    f->mc_seed = 1;
    prj_loader L = {f, dl, PRJ_NONE, 0, false};
    const ynode *k, *v;
    while (!L.oom && (k = yr_next_key(yr)) && (v = yr_value(yr)))
        pl_top(&L, k, v);
    bool failed = yr_failed(yr);
    if (!failed && !yr_sha256(yr, f->sha256))
        strcpy(f->sha256, "unreadable");
    yr_close(yr);
    if (L.oom) {
        prj_file_free(f);
        return NULL;
    }
    if (!failed)
        pl_finish(&L);
    return f;
}

void prj_file_free(prj_file *f)
{
    if (!f)
        return;
    free(f->params);
    pool_free(f->mem);
    free(f);
}
