/* prj_load_items.c - reading the parts of a scenario file: numbers and distributions, paths, selections, entries,
 * measures, drivers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "prj_loader.h"
#include "textutil.h"
#include "yfields.h"

#define PL_YEAR_MIN 1900

static const char *const pl_dist_keys[] = {"value", "range", "uncertainty", "dist", "sd",
                                           "low",   "high",  "source",      "unit"};
static const char *const pl_dist_names[] = {"normal", "lognormal", "triangular", "uniform"};
static const char *const pl_interp_names[] = {"linear", "geometric"};
static const char *const pl_indirect_names[] = {"electricity", "heat"};

const char *pl_text(prj_loader *L, const ynode *n, const char *key)
{
    const char *t = yf_text(n, key, L->dl);
    return t ? pool_strdup(L->f->mem, t) : NULL;
}

const char *pl_opt_text(prj_loader *L, const ynode *map, const char *key)
{
    const ynode *n = yn_get(map, key);
    return n ? pl_text(L, n, key) : NULL;
}

void pl_unknown(prj_loader *L, const ynode *k, const char *what, const char *const *keys, size_t n)
{
    const char *hint = txt_suggest(k->text, keys, n);
    char list[512];
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; i < n && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", keys[i]);
    if (hint)
        diag_error(L->dl, k->at, "unknown key '%s' in %s (did you mean '%s'?)", k->text, what, hint);
    else
        diag_error(L->dl, k->at, "unknown key '%s' in %s (allowed: %s; see docs/projection.md)", k->text, what, list);
}

bool pl_check_keys(prj_loader *L, const ynode *map, const char *const *keys, size_t n, const char *what)
{
    bool ok = true;
    for (size_t i = 0; map && map->kind == YN_MAP && i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        bool known = false;
        for (size_t j = 0; j < n && !known; j++)
            known = txt_eq(k->text, keys[j]);
        if (!known) {
            pl_unknown(L, k, what, keys, n);
            ok = false;
        }
    }
    return ok;
}

/* "6%" and "6 %" are 0.06; anything else goes through yf_number. */
bool pl_number(prj_loader *L, const ynode *n, const char *key, double *out)
{
    if (n && n->kind == YN_SCALAR && n->len > 1 && n->len < 64 && n->text[n->len - 1] == '%') {
        char buf[64];
        size_t len = n->len - 1;
        while (len > 0 && n->text[len - 1] == ' ')
            len--;
        memcpy(buf, n->text, len);
        buf[len] = '\0';
        double v;
        if (txt_number(buf, &v)) {
            *out = v / 100;
            return true;
        }
        diag_error(L->dl, n->at, "'%s' must be a number or a percentage such as 6%%, got '%s'", key, n->text);
        return false;
    }
    return yf_number(n, key, out, L->dl);
}

int pl_pick(prj_loader *L, const ynode *node, const char *key, const char *const *names, size_t n)
{
    return yf_pick(node, key, names, n, L->dl);
}

const char *pl_path_rel(prj_loader *L, const char *rel)
{
    const char *slash = strrchr(L->f->path, '/');
    if (rel[0] == '/' || !slash)
        return pool_strdup(L->f->mem, rel);
    size_t base = (size_t)(slash - L->f->path), len = base + 1 + strlen(rel) + 1;
    char *p = pool_alloc(L->f->mem, len);
    if (p)
        snprintf(p, len, "%.*s/%s", (int)base, L->f->path, rel);
    return p;
}

/* ---------------------------------------------------------------- numbers and distributions */

/* Appends `p` to the file's parameters; its index, or PRJ_NONE when out of memory. */
static size_t pl_push(prj_loader *L, const prj_param *p)
{
    prj_file *f = L->f;
    if (f->nparams == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 64;
        prj_param *a = realloc(f->params, cap * sizeof *a);
        if (!a) {
            L->oom = true;
            return PRJ_NONE;
        }
        f->params = a;
        L->cap = cap;
    }
    f->params[f->nparams] = *p;
    return f->nparams++;
}

/* Reads `key` of distribution mapping `n` as a number into *out; false
 * (with an error naming the distribution) when it is missing or bad. */
static bool pl_dist_num(prj_loader *L, const ynode *n, const char *key, const char *dist, double *out)
{
    char what[96];
    snprintf(what, sizeof what, "a %s distribution", dist);
    const ynode *v = yf_need(n, key, what, L->dl);
    return v && pl_number(L, v, key, out);
}

/* Checks value within [lo, hi] and lo < hi; reports at `n`. */
static bool pl_bounds(prj_loader *L, const ynode *n, double value, double lo, double hi)
{
    if (lo < hi && value >= lo && value <= hi)
        return true;
    diag_error(L->dl, n->at, "the bounds %g and %g must be in ascending order with the value %g between them", lo, hi,
               value);
    return false;
}

/* `dist: normal|lognormal|triangular|uniform` with its keys. */
static bool pl_named_dist(prj_loader *L, const ynode *n, const ynode *d, prj_param *p)
{
    int k = pl_pick(L, d, "dist", pl_dist_names, 4);
    double lo = 0, hi = 0, sd = 0;
    if (k == 0) {
        if (!pl_dist_num(L, n, "sd", "normal", &sd))
            return false;
        if (!(sd > 0)) {
            diag_error(L->dl, n->at, "'sd' of a normal distribution must be positive, got %g", sd);
            return false;
        }
        p->dist = (rng_dist){RNG_NORMAL, p->value, sd, 0};
        return true;
    }
    if (k < 0 || !pl_dist_num(L, n, "low", pl_dist_names[k], &lo) ||
        !pl_dist_num(L, n, "high", pl_dist_names[k], &hi) || !pl_bounds(L, n, p->value, lo, hi))
        return false;
    if (k == 2)
        p->dist = (rng_dist){RNG_TRIANGULAR, lo, p->value, hi};
    else if (k == 3)
        p->dist = (rng_dist){RNG_UNIFORM, lo, hi, 0};
    else if (!rng_lognormal_95(lo, hi, &p->dist)) {
        diag_error(L->dl, n->at, "a lognormal distribution needs 0 < low < high, got low %g and high %g", lo, hi);
        return false;
    }
    return true;
}

/* `range: [low, high]`: a uniform distribution. */
static bool pl_range(prj_loader *L, const ynode *r, prj_param *p)
{
    double lo, hi;
    if (r->kind != YN_SEQ || r->n != 2) {
        diag_error(L->dl, r->at, "'range' must be a list of two numbers such as [4%%, 6%%]");
        return false;
    }
    if (!pl_number(L, r->items[0], "range", &lo) || !pl_number(L, r->items[1], "range", &hi) ||
        !pl_bounds(L, r, p->value, lo, hi))
        return false;
    p->dist = (rng_dist){RNG_UNIFORM, lo, hi, 0};
    return true;
}

/* An uncertain number: {value, range | uncertainty | dist ...}. */
static bool pl_dist(prj_loader *L, const ynode *n, const char *what, bool with_unit, prj_param *p)
{
    size_t nk = sizeof pl_dist_keys / sizeof *pl_dist_keys - (with_unit ? 0 : 1);
    pl_check_keys(L, n, pl_dist_keys, nk, what);
    const ynode *v = yf_need(n, "value", what, L->dl), *r = yn_get(n, "range");
    const ynode *u = yn_get(n, "uncertainty"), *d = yn_get(n, "dist");
    if (!v || !pl_number(L, v, "value", &p->value))
        return false;
    p->text = pool_strdup(L->f->mem, v->text ? v->text : "");
    p->source = yn_get(n, "source") ? pl_opt_text(L, n, "source") : p->source;
    if ((r != NULL) + (u != NULL) + (d != NULL) > 1) {
        diag_error(L->dl, n->at, "give one of 'range', 'uncertainty' and 'dist', not several");
        return false;
    }
    double pct;
    if (r)
        return pl_range(L, r, p);
    if (d)
        return pl_named_dist(L, n, d, p);
    if (!u)
        return true;
    if (u->kind != YN_SCALAR || !txt_percent(u->text, &pct) || !(pct > 0)) {
        diag_error(L->dl, u->at, "'uncertainty' must be a positive percentage such as 20%%");
        return false;
    }
    p->dist = rng_normal_pct(p->value, pct);
    return true;
}

/* A parameter from a number, or from an uncertain number that may carry `unit:`. */
static size_t pl_param_ex(prj_loader *L, const ynode *n, const char *what, const char *source, bool with_unit)
{
    prj_param p = {.dist = {RNG_FIXED, 0, 0, 0}, .source = source, .scenario = L->scen, .at = n->at};
    if (n->kind == YN_MAP) {
        if (!pl_dist(L, n, what, with_unit, &p))
            return PRJ_NONE;
    } else {
        if (!pl_number(L, n, what, &p.value))
            return PRJ_NONE;
        p.text = pool_strdup(L->f->mem, n->text);
    }
    if (p.dist.kind == RNG_FIXED)
        p.dist.a = p.value;
    char label[256];
    const char *sid = L->scen != PRJ_NONE && L->f->scen[L->scen].id ? L->f->scen[L->scen].id : L->f->id;
    snprintf(label, sizeof label, "%s: %s", sid ? sid : "", what);
    p.label = pool_strdup(L->f->mem, label);
    return pl_push(L, &p);
}

size_t pl_param(prj_loader *L, const ynode *n, const char *what, const char *source)
{
    return pl_param_ex(L, n, what, source, false);
}

size_t pl_param_unit(prj_loader *L, const ynode *n, const char *what, const char *source)
{
    return pl_param_ex(L, n, what, source, true);
}

/* ---------------------------------------------------------------- paths */

/* A whole number of 1..4 digits written plainly: a year key. */
static bool pl_is_year_text(const char *t)
{
    size_t n = strlen(t);
    if (n < 1 || n > 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return true;
}

bool pl_is_year_map(const ynode *n)
{
    if (!n || n->kind != YN_MAP || n->n == 0)
        return false;
    for (size_t i = 0; i < n->n; i++)
        if (n->items[2 * i]->kind != YN_SCALAR || !pl_is_year_text(n->items[2 * i]->text))
            return false;
    return true;
}

/* The points of year map `n` into `out`: years ascending, each value a parameter. */
static bool pl_points(prj_loader *L, const ynode *n, const char *what, const char *source, prj_path *out)
{
    long *years = pool_alloc(L->f->mem, n->n * sizeof *years);
    size_t *params = pool_alloc(L->f->mem, n->n * sizeof *params);
    bool ok = years && params;
    for (size_t i = 0; ok && i < n->n; i++) {
        const ynode *k = n->items[2 * i];
        if (!yf_int(k, "year", PL_YEAR_MIN, PRJ_MAX_YEAR, &years[i], L->dl)) {
            ok = false;
            continue;
        }
        if (i && years[i] <= years[i - 1]) {
            diag_error(L->dl, k->at, "year %ld comes after %ld: list the years once each, in ascending order", years[i],
                       years[i - 1]);
            ok = false;
        }
        char w[320];
        snprintf(w, sizeof w, "%s %ld", what, years[i]);
        params[i] = pl_param(L, n->items[2 * i + 1], w, source);
        ok = ok && params[i] != PRJ_NONE;
    }
    out->n = n->n;
    out->year = years;
    out->param = params;
    out->at = n->at;
    return ok;
}

/* A geometric path needs positive values, also in every draw. */
static bool pl_check_geometric(prj_loader *L, const prj_path *p)
{
    for (size_t i = 0; i < p->n; i++) {
        const prj_param *q = &L->f->params[p->param[i]];
        bool pos = q->value > 0 && (q->dist.kind == RNG_FIXED || q->dist.kind == RNG_LOGNORMAL ||
                                    ((q->dist.kind == RNG_UNIFORM || q->dist.kind == RNG_TRIANGULAR) && q->dist.a > 0));
        if (!pos) {
            diag_error(L->dl, q->at,
                       "a geometric path needs values above 0 in every draw: use a value above 0 and a "
                       "range, triangular, uniform or lognormal distribution above 0, or 'interpolate: linear'");
            return false;
        }
    }
    return true;
}

/* `rate:` as one number (from base + 1) or as a year map. */
static bool pl_rate(prj_loader *L, const ynode *r, const char *what, const char *source, prj_path *out)
{
    out->kind = PRJ_PATH_RATE;
    if (pl_is_year_map(r))
        return pl_points(L, r, what, source, out);
    long *y = pool_alloc(L->f->mem, sizeof *y);
    size_t *p = pool_alloc(L->f->mem, sizeof *p);
    if (!y || !p)
        return false;
    *y = 0;
    *p = pl_param(L, r, what, source);
    out->n = 1;
    out->year = y;
    out->param = p;
    out->at = r->at;
    return *p != PRJ_NONE;
}

bool pl_path(prj_loader *L, const ynode *item, const char *what, const char *source, bool need, bool rate_ok,
             prj_path *out)
{
    const ynode *v = yn_get(item, "values"), *r = rate_ok ? yn_get(item, "rate") : NULL;
    const ynode *ip = yn_get(item, "interpolate");
    memset(out, 0, sizeof *out);
    char w[320];
    if (v && r) {
        diag_error(L->dl, r->at, "give either 'values:' or 'rate:', not both");
        return false;
    }
    if (!v && !r) {
        if (need)
            diag_error(L->dl, item->at, "%s needs a path: 'values: {2030: ..., 2060: ...}'%s", what,
                       rate_ok ? " or 'rate: 2%' (a rate a year)" : "");
        return false;
    }
    if (ip && !v) {
        diag_error(L->dl, ip->at, "'interpolate' applies to 'values:' only");
        return false;
    }
    if (r) {
        snprintf(w, sizeof w, "%s rate", what);
        return pl_rate(L, r, w, source, out);
    }
    if (!pl_is_year_map(v)) {
        diag_error(L->dl, v->at, "'values' must map years to numbers, such as {2025: 1800, 2030: 2150}");
        return false;
    }
    int g = ip ? pl_pick(L, ip, "interpolate", pl_interp_names, 2) : 0;
    out->kind = PRJ_PATH_VALUES;
    out->geometric = g == 1;
    snprintf(w, sizeof w, "%s value", what);
    bool ok = pl_points(L, v, w, source, out) && g >= 0;
    return ok && (!out->geometric || pl_check_geometric(L, out));
}

bool pl_year_path(prj_loader *L, const ynode *n, const char *what, const char *source, prj_path *out)
{
    memset(out, 0, sizeof *out);
    out->kind = PRJ_PATH_VALUES;
    if (!pl_is_year_map(n)) {
        diag_error(L->dl, n->at, "'%s' must map years to numbers, such as {2025: 10%%, 2030: 30%%}", what);
        return false;
    }
    return pl_points(L, n, what, source, out);
}

/* ---------------------------------------------------------------- selections */

/* `fuel:` (or `activity:`): one key or a list; `coal` is the coal class. */
static bool pl_keys(prj_loader *L, const ynode *k, prj_select *s)
{
    size_t n = k->kind == YN_SEQ ? k->n : 1;
    if (k->kind == YN_MAP || n == 0) {
        diag_error(L->dl, k->at, "'fuel' must be a key such as natural_gas or a list of keys");
        return false;
    }
    s->keys = pool_alloc(L->f->mem, n * sizeof *s->keys);
    if (!s->keys)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *t = pl_text(L, k->kind == YN_SEQ ? k->items[i] : k, "fuel");
        if (!t)
            return false;
        s->coal = s->coal || strcmp(t, "coal") == 0; /* the coal class, and a key named coal if there is one */
        s->keys[s->nkeys++] = t;
    }
    return true;
}

/* category (+ fuel/activity) or indirect. */
bool pl_select(prj_loader *L, const ynode *n, bool indirect_ok, prj_select *s)
{
    const ynode *c = yn_get(n, "category"), *i = indirect_ok ? yn_get(n, "indirect") : NULL;
    const ynode *k = yn_get(n, "fuel") ? yn_get(n, "fuel") : yn_get(n, "activity");
    s->at = n->at;
    if ((c != NULL) == (i != NULL)) {
        diag_error(L->dl, n->at, "say which lines this applies to with 'category: \"1.A.1\"'%s",
                   indirect_ok ? " (and optionally 'fuel:') or 'indirect: electricity', one of the two"
                               : " and optionally 'fuel:'");
        return false;
    }
    if (yn_get(n, "fuel") && yn_get(n, "activity")) {
        diag_error(L->dl, n->at, "give 'fuel:' or 'activity:', not both (they are the same)");
        return false;
    }
    if (i) {
        int w = pl_pick(L, i, "indirect", pl_indirect_names, 2);
        s->indirect = w >= 0 ? pl_indirect_names[w] : NULL;
        if (k)
            diag_error(L->dl, k->at, "'fuel' does not apply with 'indirect:'");
        return w >= 0 && !k;
    }
    s->category = pl_text(L, c, "category");
    return s->category && (!k || pl_keys(L, k, s));
}

/* The id an entry gets when it has none: category[/keys] or indirect/KIND. */
const char *pl_default_id(prj_loader *L, const prj_select *s)
{
    char buf[256];
    size_t used = (size_t)snprintf(buf, sizeof buf, "%s%s", s->indirect ? "indirect/" : "",
                                   s->indirect   ? s->indirect
                                   : s->category ? s->category
                                                 : "");
    for (size_t i = 0; i < s->nkeys && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? "+" : "/", s->keys[i]);
    return pool_strdup(L->f->mem, buf);
}
