/* prj_load_entries.c - reading a scenario's entries (activity, efficiency, mix, ef, energy), measures and drivers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

#include "pool.h"
#include "prj_loader.h"
#include "textutil.h"
#include "yfields.h"

/* The keys each kind of entry may have, in prj_entry_kind order. */
static const char *const pl_entry_keys[PRJ_NENTRY][12] = {
    {"id", "category", "fuel", "activity", "indirect", "driver", "elasticity", "values", "rate", "interpolate", "unit",
     "source"},
    {"id", "category", "fuel", "activity", "indirect", "values", "rate", "interpolate", "source"},
    {"id", "category", "fuel", "share", "limit", "interpolate", "source"},
    {"id", "category", "fuel", "activity", "indirect", "gas", "values", "rate", "interpolate", "unit", "source"},
    {"id", "fuel", "kind", "values", "rate", "interpolate", "unit", "source"},
};
static const char *const pl_entry_what[PRJ_NENTRY] = {"an activity entry", "an efficiency entry", "a mix entry",
                                                      "an ef entry", "an energy entry"};

/* The keys of each measure type, in prj_mtype order. */
static const char *const pl_measure_keys[PRJ_NMTYPES][12] = {
    {"id", "title", "type", "category", "fuel", "activity", "share", "amount", "start", "full", "to", "source"},
    {"id", "title", "type", "category", "fuel", "activity", "share", "amount", "start", "full", "source"},
    {"id", "title", "type", "category", "fuel", "activity", "amount", "availability", "start", "full", "source"},
    {"id", "title", "type", "inventory", "start", "full", "growth", "source"},
};
static const char *const pl_mtype_names[PRJ_NMTYPES] = {"switch", "retire", "capture", "project"};
static const char *const pl_limit_names[] = {"exact", "at_most", "at_least"};
static const char *const pl_kind_names[SER_NKINDS] = {"fossil", "primary_electricity", "net_import_electricity",
                                                      "heat"};
static const char *const pl_driver_keys[] = {"base", "values", "rate", "interpolate", "unit", "source"};

/* The drivers with a unit of their own, and the model unit each is converted into. */
static const struct {
    const char *name, *unit, *what;
} pl_builtin[] = {
    {"gdp", "10^4 yuan", "money, such as 10^8 yuan or 亿元"},
    {"population", "person", "people, such as 10^4 person or 万人"},
    {"coal_rate", "gce/kWh", "standard coal per electricity, such as gce/kWh"},
};

/* Number of names in a NULL-padded row of a key table. */
static size_t pl_nkeys(const char *const *row, size_t max)
{
    size_t n = 0;
    while (n < max && row[n])
        n++;
    return n;
}

/* The required `source:` of an item. */
static const char *pl_source(prj_loader *L, const ynode *n, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, "%s (where the assumption comes from; write \"illustrative\" for a stand-in)", what);
    const ynode *s = yf_need(n, "source", msg, L->dl);
    return s ? pl_text(L, s, "source") : NULL;
}

/* `unit:` of an entry: parsed; only with `values:` (absolute values). */
static bool pl_unit(prj_loader *L, const ynode *n, const char **text, units_t *u)
{
    const ynode *un = yn_get(n, "unit");
    if (!un)
        return true;
    if (!yn_get(n, "values")) {
        diag_error(L->dl, un->at, "'unit' applies to 'values:' (absolute values); a rate or an index has no unit");
        return false;
    }
    char msg[200];
    *text = pl_text(L, un, "unit");
    if (*text && units_parse(*text, u, msg, sizeof msg) != UNITS_OK) {
        diag_error(L->dl, un->at, "%s", msg);
        return false;
    }
    return *text != NULL;
}

/* `driver: gdp` or `driver: [gdp, industry_va]`, with `elasticity`. */
static bool pl_activity_drivers(prj_loader *L, const ynode *n, const char *what, prj_entry *e)
{
    const ynode *d = yn_get(n, "driver"), *el = yn_get(n, "elasticity");
    if (yn_get(n, "values") || yn_get(n, "rate")) {
        diag_error(L->dl, d->at, "give 'driver:' or a path ('values:' or 'rate:'), not both");
        return false;
    }
    size_t nd = d->kind == YN_SEQ ? d->n : 1;
    e->drivers = pool_alloc(L->f->mem, (nd ? nd : 1) * sizeof *e->drivers);
    if (!e->drivers || d->kind == YN_MAP || nd == 0) {
        diag_error(L->dl, d->at, "'driver' must be a driver's name such as gdp, or a list of names");
        return false;
    }
    for (size_t i = 0; i < nd; i++)
        if (!(e->drivers[e->ndrivers++] = pl_text(L, d->kind == YN_SEQ ? d->items[i] : d, "driver")))
            return false;
    if (el) {
        char w[256];
        snprintf(w, sizeof w, "%s elasticity", what);
        e->elasticity = pl_param(L, el, w, e->source);
    }
    return !el || e->elasticity != PRJ_NONE;
}

/* activity: a driver form or a path (absolute with `unit`). */
static bool pl_activity(prj_loader *L, const ynode *n, const char *what, prj_entry *e)
{
    if (yn_get(n, "driver"))
        return pl_activity_drivers(L, n, what, e);
    if (yn_get(n, "elasticity"))
        diag_error(L->dl, yn_get(n, "elasticity")->at, "'elasticity' needs 'driver:'");
    return pl_path(L, n, what, e->source, true, true, &e->path) && pl_unit(L, n, &e->unit_text, &e->unit);
}

/* mix: named fuels, a share path and a limit. */
static bool pl_mix(prj_loader *L, const ynode *n, const char *what, prj_entry *e)
{
    const ynode *sh = yf_need(n, "share", "a mix entry (the share of the named fuels by year)", L->dl);
    const ynode *lim = yn_get(n, "limit"), *ip = yn_get(n, "interpolate");
    if (!e->sel.nkeys && !e->sel.coal) {
        diag_error(L->dl, n->at, "a mix entry needs 'fuel:': the fuels whose share it gives (or 'fuel: coal')");
        return false;
    }
    int k = lim ? pl_pick(L, lim, "limit", pl_limit_names, 3) : 0;
    e->limit = k > 0 ? (prj_limit)k : PRJ_LIMIT_EXACT;
    char w[256];
    snprintf(w, sizeof w, "%s share", what);
    if (!sh || !pl_year_path(L, sh, w, e->source, &e->path) || k < 0)
        return false;
    if (ip) {
        static const char *const names[] = {"linear", "geometric"};
        int g = pl_pick(L, ip, "interpolate", names, 2);
        e->path.geometric = g == 1;
        return g >= 0;
    }
    return true;
}

/* ef: a gas (or all) and a path, absolute with `unit`. */
static bool pl_ef(prj_loader *L, const ynode *n, const char *what, prj_entry *e)
{
    const ynode *g = yn_get(n, "gas");
    if (g) {
        const char *t = pl_text(L, g, "gas");
        e->gas = t ? gas_lookup(t) : GAS_COUNT;
        if (t && e->gas == GAS_COUNT) {
            diag_error(L->dl, g->at, "unknown gas '%s': use co2, ch4, n2o or another gas of the GWP sets", t);
            return false;
        }
    }
    return pl_path(L, n, what, e->source, true, true, &e->path) && pl_unit(L, n, &e->unit_text, &e->unit);
}

/* energy: the series item (fuel, kind) and its path. */
static bool pl_energy(prj_loader *L, const ynode *n, const char *what, prj_entry *e)
{
    return pl_path(L, n, what, e->source, true, true, &e->path) && pl_unit(L, n, &e->unit_text, &e->unit);
}

/* The fuel and kind of an energy entry, before its id is known. */
static bool pl_energy_item(prj_loader *L, const ynode *n, prj_entry *e)
{
    const ynode *f = yf_need(n, "fuel", "an energy entry (the fuel of a series energy item)", L->dl);
    const ynode *k = yn_get(n, "kind");
    e->fuel = f ? pl_text(L, f, "fuel") : NULL;
    int kind = k ? pl_pick(L, k, "kind", pl_kind_names, SER_NKINDS) : -1;
    if (!k && e->fuel && strcmp(e->fuel, "electricity") == 0) {
        diag_error(L->dl, n->at, "electricity needs 'kind: primary_electricity' or 'kind: net_import_electricity'");
        return false;
    }
    e->energy_kind = kind >= 0 ? (ser_kind)kind : e->fuel && strcmp(e->fuel, "heat") == 0 ? SER_HEAT : SER_FOSSIL;
    return e->fuel && (!k || kind >= 0);
}

bool pl_entry(prj_loader *L, const ynode *n, prj_entry_kind kind, prj_entry *e)
{
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->at = n->at;
    e->elasticity = PRJ_NONE;
    e->gas = GAS_COUNT;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "%s must be a mapping with 'category:', a path and 'source:', not %s",
                   pl_entry_what[kind], yn_kind_name(n));
        return false;
    }
    size_t errs = diag_error_count(L->dl);
    pl_check_keys(L, n, pl_entry_keys[kind], pl_nkeys(pl_entry_keys[kind], 12), pl_entry_what[kind]);
    e->source = pl_source(L, n, pl_entry_what[kind]);
    bool sel = kind == PRJ_E_ENERGY ? pl_energy_item(L, n, e) : pl_select(L, n, kind != PRJ_E_MIX, &e->sel);
    char idbuf[160];
    if (kind == PRJ_E_ENERGY && e->fuel)
        snprintf(idbuf, sizeof idbuf, "%s/%s", e->fuel, pl_kind_names[e->energy_kind]);
    e->id = yn_get(n, "id")        ? pl_opt_text(L, n, "id")
            : kind == PRJ_E_ENERGY ? (e->fuel ? pool_strdup(L->f->mem, idbuf) : NULL)
            : sel                  ? pl_default_id(L, &e->sel)
                                   : NULL;
    if (!sel || !e->id)
        return false;
    char what[200];
    snprintf(what, sizeof what, "%s[%s]", prj_entry_kind_name(kind), e->id);
    bool ok = kind == PRJ_E_ACTIVITY     ? pl_activity(L, n, what, e)
              : kind == PRJ_E_EFFICIENCY ? pl_path(L, n, what, e->source, true, true, &e->path)
              : kind == PRJ_E_MIX        ? pl_mix(L, n, what, e)
              : kind == PRJ_E_EF         ? pl_ef(L, n, what, e)
                                         : pl_energy(L, n, what, e);
    return ok && diag_error_count(L->dl) == errs;
}

/* ---------------------------------------------------------------- measures */

/* `start:` and `full:` (full at or after start). */
static bool pl_years(prj_loader *L, const ynode *n, bool need_start, prj_measure *m)
{
    const ynode *s =
        need_start ? yf_need(n, "start", "this measure (the first year with an effect)", L->dl) : yn_get(n, "start");
    const ynode *f = yn_get(n, "full");
    if ((need_start && !s) || (s && !yf_int(s, "start", 1900, PRJ_MAX_YEAR, &m->start, L->dl)) ||
        (f && !yf_int(f, "full", 1900, PRJ_MAX_YEAR, &m->full, L->dl)))
        return false;
    if (f && !s) {
        diag_error(L->dl, f->at, "'full' needs 'start:' (the ramp runs from start to full)");
        return false;
    }
    if (f && m->full < m->start) {
        diag_error(L->dl, f->at, "'full' (%ld) must not come before 'start' (%ld)", m->full, m->start);
        return false;
    }
    if (!f)
        m->full = m->start;
    return true;
}

/* A share from 0 to 1: the value, and every draw of its distribution
 * (bounded: uniform or triangular within 0..1). */
static bool pl_share_ok(prj_loader *L, size_t p)
{
    const prj_param *q = &L->f->params[p];
    rng_kind k = q->dist.kind;
    double hi = k == RNG_UNIFORM ? q->dist.b : q->dist.c;
    if (!(q->value >= 0 && q->value <= 1)) {
        diag_error(L->dl, q->at, "a share must be from 0 to 100 %%, got %s", q->text ? q->text : "?");
        return false;
    }
    if (k == RNG_FIXED || ((k == RNG_UNIFORM || k == RNG_TRIANGULAR) && q->dist.a >= 0 && hi <= 1))
        return true;
    diag_error(L->dl, q->at,
               "a share must stay from 0 to 100 %% in every draw: give it a range, or a uniform or "
               "triangular distribution within 0 and 100 %%");
    return false;
}

/* switch/retire: `share:` as a number (with the ramp) or as a path. */
static bool pl_share(prj_loader *L, const ynode *n, const ynode *sh, const char *what, prj_measure *m)
{
    char w[256];
    snprintf(w, sizeof w, "%s share", what);
    if (!pl_is_year_map(sh)) {
        m->share = pl_param(L, sh, w, m->source);
        return m->share != PRJ_NONE && pl_share_ok(L, m->share);
    }
    if (!pl_year_path(L, sh, w, m->source, &m->share_path))
        return false;
    for (size_t i = 0; i < m->share_path.n; i++)
        if (!pl_share_ok(L, m->share_path.param[i]))
            return false;
    if (yn_get(n, "full")) {
        diag_error(L->dl, yn_get(n, "full")->at, "'full' does not apply to a share path (the path is the ramp)");
        return false;
    }
    return true;
}

/* `amount: {value, unit}`: a mass for capture, an energy or an amount for switch. */
static bool pl_amount(prj_loader *L, const ynode *n, const char *what, prj_measure *m)
{
    const ynode *am = yf_need(n, "amount", "this measure (an amount a year)", L->dl);
    if (!am)
        return false;
    const ynode *u = am->kind == YN_MAP ? yn_get(am, "unit") : NULL;
    if (!u) {
        diag_error(L->dl, am->at, "'amount' must be a mapping with a unit, such as {value: 1, unit: Mt}");
        return false;
    }
    char w[256], msg[200];
    snprintf(w, sizeof w, "%s amount", what);
    m->amount = pl_param_unit(L, am, w, m->source);
    m->amount_unit_text = pl_text(L, u, "unit");
    if (!m->amount_unit_text || units_parse(m->amount_unit_text, &m->amount_unit, msg, sizeof msg) != UNITS_OK) {
        if (m->amount_unit_text)
            diag_error(L->dl, u->at, "%s", msg);
        return false;
    }
    if (m->type == PRJ_M_CAPTURE && !units_is(&m->amount_unit, UNITS_DIM_MASS)) {
        diag_error(L->dl, u->at, "the amount captured must be a mass of CO2 a year, such as Mt or 10^4 t, not '%s'",
                   m->amount_unit_text);
        return false;
    }
    return m->amount != PRJ_NONE;
}

/* `to: {fuel, ratio}` of a switch. */
static bool pl_to(prj_loader *L, const ynode *n, const char *what, prj_measure *m)
{
    static const char *const keys[] = {"fuel", "ratio"};
    const ynode *to = yn_get(n, "to");
    if (!to)
        return true;
    if (to->kind != YN_MAP) {
        diag_error(L->dl, to->at, "'to' must be a mapping such as {fuel: electricity, ratio: 0.4}");
        return false;
    }
    pl_check_keys(L, to, keys, 2, "'to'");
    const ynode *f = yf_need(to, "fuel", "'to' (the fuel that supplies what is removed)", L->dl);
    const ynode *r = yf_need(to, "ratio", "'to' (TJ of the new fuel per TJ removed)", L->dl);
    char w[256];
    snprintf(w, sizeof w, "%s ratio", what);
    m->to_fuel = f ? pl_text(L, f, "fuel") : NULL;
    m->ratio = r ? pl_param(L, r, w, m->source) : PRJ_NONE;
    return m->to_fuel && m->ratio != PRJ_NONE;
}

/* project: its inventory (readable now), ramp and growth path. */
static bool pl_project(prj_loader *L, const ynode *n, const char *what, prj_measure *m)
{
    const ynode *inv = yf_need(n, "inventory", "a project (its activity data: an inventory file)", L->dl);
    const ynode *g = yn_get(n, "growth");
    const char *t = inv ? yf_text(inv, "inventory", L->dl) : NULL;
    bool ok = pl_years(L, n, true, m);
    if (t) {
        m->inventory = pl_path_rel(L, t);
        m->inventory_at = inv->at;
        if (m->inventory && access(m->inventory, R_OK) != 0) {
            diag_error(L->dl, inv->at,
                       "cannot read inventory '%s' (%s): check the path, which is relative to the "
                       "scenario file",
                       m->inventory, strerror(errno));
            ok = false;
        }
    }
    char w[256];
    snprintf(w, sizeof w, "%s growth", what);
    if (g && g->kind != YN_MAP) {
        diag_error(L->dl, g->at, "'growth' must be a path such as {rate: 2%%} or {values: {2030: 1.5}}");
        return false;
    }
    return ok && t && (!g || pl_path(L, g, w, m->source, true, true, &m->growth));
}

/* The fields of each type. */
static bool pl_measure_body(prj_loader *L, const ynode *n, const char *what, prj_measure *m)
{
    switch (m->type) {
    case PRJ_M_SWITCH:
    case PRJ_M_RETIRE: {
        const ynode *sh = yn_get(n, "share"), *am = yn_get(n, "amount");
        bool sel = pl_select(L, n, false, &m->sel), ok;
        if ((sh != NULL) == (am != NULL)) {
            diag_error(L->dl, n->at,
                       "give the measure 'share:' (of the lines' energy) or 'amount:' (an amount a "
                       "year), one of the two");
            ok = false;
        } else
            ok = sh ? pl_share(L, n, sh, what, m) : pl_amount(L, n, what, m);
        bool path = m->share_path.kind != PRJ_PATH_NONE;
        bool years = path && yn_get(n, "full") ? false : pl_years(L, n, !path, m); /* full: reported by pl_share */
        bool to = m->type == PRJ_M_RETIRE || pl_to(L, n, what, m);
        return sel && ok && years && to;
    }
    case PRJ_M_CAPTURE: {
        bool sel = pl_select(L, n, false, &m->sel), amt = pl_amount(L, n, what, m), years = pl_years(L, n, true, m);
        const ynode *av = yn_get(n, "availability");
        char w[256];
        snprintf(w, sizeof w, "%s availability", what);
        m->availability = av ? pl_param(L, av, w, m->source) : PRJ_NONE;
        return sel && amt && years && (!av || (m->availability != PRJ_NONE && pl_share_ok(L, m->availability)));
    }
    default:
        return pl_project(L, n, what, m);
    }
}

bool pl_measure(prj_loader *L, const ynode *n, prj_measure *m)
{
    memset(m, 0, sizeof *m);
    m->share = m->amount = m->availability = m->ratio = m->project = PRJ_NONE;
    m->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "each measure must be a mapping with 'id:', 'type:' and 'source:', not %s",
                   yn_kind_name(n));
        return false;
    }
    size_t errs = diag_error_count(L->dl);
    const ynode *ty = yf_need(n, "type", "a measure (switch, retire, capture or project)", L->dl);
    const ynode *id = yf_need(n, "id", "a measure (the name its wedge carries)", L->dl);
    int t = ty ? pl_pick(L, ty, "type", pl_mtype_names, PRJ_NMTYPES) : -1;
    if (t >= 0)
        pl_check_keys(L, n, pl_measure_keys[t], pl_nkeys(pl_measure_keys[t], 12), "a measure of this type");
    m->type = t >= 0 ? (prj_mtype)t : PRJ_M_SWITCH;
    m->id = id ? pl_text(L, id, "id") : NULL;
    m->title = pl_opt_text(L, n, "title");
    m->source = pl_source(L, n, "a measure");
    if (t < 0 || !m->id)
        return false;
    char what[200];
    snprintf(what, sizeof what, "measures[%s]", m->id);
    return pl_measure_body(L, n, what, m) && diag_error_count(L->dl) == errs;
}

/* ---------------------------------------------------------------- drivers */

/* The built-in driver `name`, or -1. */
static int pl_builtin_at(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, pl_builtin[i].name) == 0)
            return i;
    return -1;
}

/* A driver's unit: parsed, and for GDP, population and the coal rate
 * converted into the model unit (d->scale). */
static bool pl_driver_unit(prj_loader *L, const ynode *n, int builtin, prj_driver *d)
{
    const ynode *u = yn_get(n, "unit");
    d->scale = 1;
    if (!u) {
        if (builtin >= 0 && (yn_get(n, "values") || yn_get(n, "base")))
            diag_error(L->dl, n->at, "driver '%s' given by values needs 'unit:' (%s)", d->name,
                       pl_builtin[builtin].what);
        return builtin < 0 || !(yn_get(n, "values") || yn_get(n, "base"));
    }
    char msg[200];
    d->unit_text = pl_text(L, u, "unit");
    if (!d->unit_text || units_parse(d->unit_text, &d->unit, msg, sizeof msg) != UNITS_OK) {
        if (d->unit_text)
            diag_error(L->dl, u->at, "%s", msg);
        return false;
    }
    units_t to;
    if (builtin >= 0 &&
        (units_parse(pl_builtin[builtin].unit, &to, NULL, 0) != UNITS_OK || !units_factor(&d->unit, &to, &d->scale))) {
        diag_error(L->dl, u->at, "unit '%s' of driver '%s' does not measure %s", d->unit_text, d->name,
                   pl_builtin[builtin].what);
        return false;
    }
    return true;
}

/* A driver's name: lower-case letters, digits and '_'. */
static bool pl_driver_name(prj_loader *L, const ynode *name, prj_driver *d)
{
    d->name = pl_text(L, name, "driver");
    if (!d->name)
        return false;
    for (const char *p = d->name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) {
            diag_error(L->dl, name->at, "driver name '%s' may hold only a-z, 0-9 and '_'", d->name);
            return false;
        }
    return true;
}

bool pl_driver(prj_loader *L, const ynode *name, const ynode *n, prj_driver *d)
{
    memset(d, 0, sizeof *d);
    d->base = PRJ_NONE;
    d->at = n->at;
    if (!pl_driver_name(L, name, d))
        return false;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "driver '%s' must be a mapping such as {rate: 5%%, source: \"...\"}", d->name);
        return false;
    }
    size_t errs = diag_error_count(L->dl);
    pl_check_keys(L, n, pl_driver_keys, sizeof pl_driver_keys / sizeof *pl_driver_keys, "a driver");
    d->source = pl_source(L, n, "a driver");
    int b = pl_builtin_at(d->name);
    bool unit = pl_driver_unit(L, n, b, d);
    char what[160];
    snprintf(what, sizeof what, "drivers.%s", d->name);
    const ynode *base = yn_get(n, "base");
    if (base) {
        char w[256];
        snprintf(w, sizeof w, "%s base", what);
        d->base = pl_param(L, base, w, d->source);
    }
    if (b < 0 && !base && yn_get(n, "values"))
        diag_error(L->dl, n->at, "driver '%s' is given by values, so it needs 'base:' (its base-year value)", d->name);
    bool path = pl_path(L, n, what, d->source, false, true, &d->path) || d->path.kind == PRJ_PATH_NONE;
    return unit && path && diag_error_count(L->dl) == errs;
}
