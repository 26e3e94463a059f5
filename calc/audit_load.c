/* audit_load.c - loading an enterprise emission report (docs/audit.md) with every value's position. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_int.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"
#include "yreader.h"

typedef struct {
    aud_report *r;
    diag_list *dl;
} aud_loader;

/* The keys each mapping allows (kept dense: they are data). */
/* clang-format off */
static const char *const al_top_keys[] = {"report", "title", "enterprise", "year", "factor_sets", "factor_dirs",
                                          "units", "process", "purchased", "exported", "production", "totals",
                                          "previous", "notes"};
static const char *const al_ent_keys[] = {"name", "credit_code", "industry", "sub_sector", "address", "route", "changes"};
static const char *const al_unit_keys[] = {"id", "name", "class", "product", "capacity", "boiler", "fuels",
                                           "generation", "heat_supplied", "running_hours", "load_factor",
                                           "utilisation_hours", "emissions", "notes"};
static const char *const al_fuel_keys[] = {"id", "fuel", "unit", "ncv_unit", "carbon_unit", "state", "sample_state",
                                           "basis", "ncv_basis", "carbon_basis", "ncv_how", "carbon_how", "amount",
                                           "ncv", "carbon", "carbon_per_heat", "oxidation", "emissions", "moisture",
                                           "ash", "months", "meter", "source"};
static const char *const al_month_keys[] = {"month", "amount", "ncv", "ncv_how", "carbon", "carbon_how", "moisture",
                                            "ash", "sampled", "reported"};
static const char *const al_meter_keys[] = {"calibration", "required_accuracy", "accuracy", "uncovered_months"};
static const char *const al_proc_keys[] = {"id", "kind", "material", "unit", "amount", "ef", "ef_unit", "cao", "mgo",
                                           "cao_non_carbonate", "mgo_non_carbonate", "toc", "purity", "emissions",
                                           "meter", "source"};
static const char *const al_energy_keys[] = {"kind", "amount", "unit", "grid", "factor", "factor_unit", "emissions",
                                             "source"};
static const char *const al_qty_keys[] = {"value", "unit", "meter", "source"};
static const char *const al_total_keys[] = {"combustion", "process", "indirect", "emissions"};
static const char *const al_prev_keys[] = {"year", "emissions", "production"};
/* clang-format on */

static const char *const al_industries[AUD_NINDUSTRY] = {"power", "cement", "steel", "chemicals", "other"};
static const char *const al_bases[] = {"", "as_received", "air_dried", "dry"};
static const char *const al_states[] = {"", "as_fired", "as_delivered"};
static const char *const al_hows[] = {"", "self_tested", "commissioned", "supplier", "not_measured"};
static const char *const al_cals[] = {"", "ok", "never", "late"};
static const char *const al_products[] = {"condensing", "chp"};

/* Process kinds, the IPCC category of each (al_finish moves a carbonate of
 * steel or cement into the industry's own category), and which are carbon
 * outputs whose CO2 is subtracted. */
static const char *const al_kind_names[] = {"clinker",         "raw_meal",  "carbonate",
                                            "desulfurisation", "electrode", "carbon_input",
                                            "carbon_product",  "feedstock", "co2_recovered"};
static const char *const al_kind_cats[] = {"2.A.1", "2.A.1", "2.A.4", "2.A.4", "2.C.1",
                                           "2.C.1", "2.C.1", "2.B.1", "2.B.1"};
#define AL_NKINDS (sizeof al_kind_names / sizeof *al_kind_names)

/* Production keys and the unit each is kept in. */
static const char *const al_prod_keys[] = {"generation", "heat_supplied", "clinker", "cement",  "crude_steel",
                                           "pig_iron",   "ammonia",       "urea",    "methanol"};
static const char *const al_prod_units[] = {"MWh", "GJ", "t", "t", "t", "t", "t", "t", "t"};
#define AL_NPROD (sizeof al_prod_keys / sizeof *al_prod_keys)

const char *aud_industry_name(aud_industry i) { return (unsigned)i < AUD_NINDUSTRY ? al_industries[i] : "?"; }

#define AL_N(a) (sizeof(a) / sizeof *(a))

/* A pool copy of the scalar at `n`, or NULL after an error (reported). */
static const char *al_text(aud_loader *L, const ynode *n, const char *key)
{
    const char *t = yf_text(n, key, L->dl);
    return t ? pool_strdup(L->r->mem, t) : NULL;
}

/* The text of optional key `key` of `map`, or NULL. */
static const char *al_opt(aud_loader *L, const ynode *map, const char *key)
{
    const ynode *n = yn_get(map, key);
    return n ? al_text(L, n, key) : NULL;
}

/* Which of `names` the scalar at `n` is (-1 after an error naming the
 * choices and the closest one). Index 0 may be "" (no value), never matched. */
static int al_pick(aud_loader *L, const ynode *n, const char *key, const char *const *names, size_t count)
{
    return yf_pick(n, key, names, count, L->dl);
}

/* Optional enumerated key: its index, or `dflt` when absent or wrong. */
static int al_enum(aud_loader *L, const ynode *map, const char *key, const char *const *names, size_t count, int dflt)
{
    const ynode *n = yn_get(map, key);
    int v = n ? al_pick(L, n, key, names, count) : -1;
    return v < 0 ? dflt : v;
}

/* A plain number at `n` into *out; a list of numbers gives their
 * arithmetic mean (several measurements in a month, CETS-VG Table 11). */
static void al_value(aud_loader *L, const ynode *n, const char *key, aud_num *out)
{
    out->at = n->at;
    if (n->kind != YN_SEQ) {
        out->given = yf_number(n, key, &out->v, L->dl);
        return;
    }
    double sum = 0, v;
    size_t k = 0;
    for (size_t i = 0; i < n->n; i++)
        if (yf_number(n->items[i], key, &v, L->dl)) {
            sum += v;
            k++;
        }
    if (k != n->n || k == 0) {
        if (k == 0 && n->n == 0)
            diag_error(L->dl, n->at, "'%s' is an empty list: give one number or a list of measurements", key);
        return;
    }
    out->v = sum / (double)k;
    out->given = true;
}

/* Optional number `key` of `map`. */
static void al_num(aud_loader *L, const ynode *map, const char *key, aud_num *out)
{
    const ynode *n = yn_get(map, key);
    if (n)
        al_value(L, n, key, out);
}

/* Optional fraction `key`: "99%" or 0.99 (a bare number is taken as it is,
 * so that 99 without '%' shows up as 9900 % in the checks). */
static void al_frac(aud_loader *L, const ynode *map, const char *key, aud_num *out)
{
    const ynode *n = yn_get(map, key);
    if (!n)
        return;
    out->at = n->at;
    size_t len = n->kind == YN_SCALAR ? strlen(n->text) : 0;
    if (len && n->text[len - 1] == '%') {
        if (txt_percent(n->text, &out->v)) {
            out->v /= 100.0;
            out->given = true;
        } else
            diag_error(L->dl, n->at, "'%s' must be a percentage such as 99%% or a fraction such as 0.99, got '%s'", key,
                       n->text);
        return;
    }
    out->given = yf_number(n, key, &out->v, L->dl);
}

/* Parses unit text at `n` into *text and *u; false after an error. */
static bool al_unit(aud_loader *L, const ynode *n, const char *key, const char **text, units_t *u)
{
    char msg[200];
    if (!(*text = al_text(L, n, key)))
        return false;
    if (units_parse(*text, u, msg, sizeof msg) != UNITS_OK) {
        diag_error(L->dl, n->at, "%s", msg);
        return false;
    }
    return true;
}

/* Optional unit `key` of `map`, else `dflt`. */
static void al_unit_or(aud_loader *L, const ynode *map, const char *key, const char *dflt, const char **text,
                       units_t *u)
{
    const ynode *n = yn_get(map, key);
    if (n && al_unit(L, n, key, text, u))
        return;
    *text = dflt;
    units_parse(dflt, u, NULL, 0);
}

/* A date written 2023-01-31 at optional key `key`; 0 when absent or wrong. */
static long al_date(aud_loader *L, const ynode *map, const char *key, src_loc *at)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const ynode *n = yn_get(map, key);
    const char *t = n ? yf_text(n, key, L->dl) : NULL;
    if (!t)
        return 0;
    int y, m, d, used = 0;
    bool ok = sscanf(t, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && t[used] == '\0' && y >= 1900 && y <= 2200 &&
              m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
              !(m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)));
    if (!ok) {
        diag_error(L->dl, n->at, "'%s' must be a date written YYYY-MM-DD, such as 2023-01-31, got '%s'", key, t);
        return 0;
    }
    if (at)
        *at = n->at;
    return aud_days(y, m, d);
}

/* `meter: {calibration, required_accuracy, accuracy, uncovered_months}`. */
static void al_meter(aud_loader *L, const ynode *map, aud_meter *m)
{
    const ynode *n = yn_get(map, "meter");
    m->actual = NAN;
    if (!n)
        return;
    m->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'meter' must be a mapping such as {calibration: never, required_accuracy: 0.5%%}");
        return;
    }
    yf_check_keys(n, al_meter_keys, AL_N(al_meter_keys), "a meter", L->dl);
    const ynode *s = yf_need(n, "calibration", "a meter", L->dl);
    int st = s ? al_pick(L, s, "calibration", al_cals, AL_N(al_cals)) : -1;
    aud_num req = {0}, act = {0};
    al_frac(L, n, "required_accuracy", &req);
    al_frac(L, n, "accuracy", &act);
    if (st > 0 && st != AUD_CAL_OK && !req.given)
        diag_error(L->dl, n->at,
                   "a meter that was not calibrated as planned needs 'required_accuracy' (e.g. 0.5%%), "
                   "from which the conservative adjustment is computed");
    m->status = st > 0 ? (aud_cal)st : AUD_CAL_UNKNOWN;
    m->required = req.given ? req.v : 0;
    m->actual = act.given ? act.v : NAN;
    const ynode *u = yn_get(n, "uncovered_months");
    for (size_t i = 0; u && u->kind == YN_SEQ && i < u->n; i++) {
        long mo;
        if (yf_int(u->items[i], "uncovered_months", 1, 12, &mo, L->dl))
            m->uncovered |= 1u << mo;
    }
    if (u && u->kind != YN_SEQ)
        diag_error(L->dl, u->at, "'uncovered_months' must be a list of months such as [9, 10, 11, 12]");
    if (m->status == AUD_CAL_LATE && !m->uncovered)
        diag_error(L->dl, n->at, "a late calibration needs 'uncovered_months': the months it does not cover");
}

/* A quantity: a plain number in `canon`, or {value, unit, meter, source}
 * converted into `canon`. */
static void al_qty(aud_loader *L, const ynode *map, const char *key, const char *canon, aud_num *out, aud_meter *meter)
{
    const ynode *n = yn_get(map, key);
    if (meter)
        meter->actual = NAN;
    if (!n)
        return;
    if (n->kind != YN_MAP) {
        al_value(L, n, key, out);
        return;
    }
    yf_check_keys(n, al_qty_keys, AL_N(al_qty_keys), key, L->dl);
    const ynode *v = yf_need(n, "value", key, L->dl), *u = yn_get(n, "unit");
    if (v)
        al_value(L, v, key, out);
    const char *ut;
    units_t from, to;
    double f = 1;
    units_parse(canon, &to, NULL, 0);
    if (u && al_unit(L, u, "unit", &ut, &from) && !units_factor(&from, &to, &f))
        diag_error(L->dl, u->at, "unit '%s' of '%s' does not measure what %s does", ut, key, canon);
    out->v *= f;
    if (meter)
        al_meter(L, n, meter);
}

/* A list of mappings at `n` (key `key`): allocates `count` items of `size`
 * bytes and calls `fn` on each mapping; NULL after an error. */
static void *al_list(aud_loader *L, const ynode *n, const char *key, size_t size, size_t *count,
                     void (*fn)(aud_loader *, const ynode *, void *))
{
    *count = 0;
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'%s' must be a list (lines starting with '- ')", key);
        return NULL;
    }
    char *items = pool_alloc(L->r->mem, (n->n ? n->n : 1) * size);
    if (!items)
        return NULL;
    for (size_t i = 0; i < n->n; i++) {
        if (n->items[i]->kind != YN_MAP) {
            diag_error(L->dl, n->items[i]->at, "each item of '%s' must be a mapping, not %s", key,
                       yn_kind_name(n->items[i]));
            continue;
        }
        fn(L, n->items[i], items + *count * size);
        (*count)++;
    }
    return items;
}

/* One month of a fuel. */
static void al_month(aud_loader *L, const ynode *n, void *out)
{
    aud_month *m = out;
    long mo = 0;
    m->at = n->at;
    yf_check_keys(n, al_month_keys, AL_N(al_month_keys), "a month", L->dl);
    const ynode *k = yf_need(n, "month", "a month", L->dl);
    if (k && yf_int(k, "month", 1, 12, &mo, L->dl))
        m->month = (int)mo;
    al_num(L, n, "amount", &m->amount);
    al_num(L, n, "ncv", &m->ncv);
    al_num(L, n, "carbon", &m->carbon);
    al_frac(L, n, "moisture", &m->moisture);
    al_frac(L, n, "ash", &m->ash);
    m->ncv_how = (aud_how)al_enum(L, n, "ncv_how", al_hows, AL_N(al_hows), AUD_HOW_NONE);
    m->carbon_how = (aud_how)al_enum(L, n, "carbon_how", al_hows, AL_N(al_hows), AUD_HOW_NONE);
    m->sampled = al_date(L, n, "sampled", NULL);
    m->reported = al_date(L, n, "reported", &m->reported_at);
}

/* The units of a fuel: the amount's (a mass or a volume), and the NCV's and
 * carbon content's, by default per tonne or per 10^4 Nm3 as the guidelines write. */
static void al_fuel_units(aud_loader *L, const ynode *n, aud_fuel *f)
{
    const ynode *u = yf_need(n, "unit", "a fuel", L->dl);
    bool vol = false;
    if (u && al_unit(L, u, "unit", &f->unit_text, &f->unit)) {
        units_t m3;
        units_parse("m3", &m3, NULL, 0);
        vol = units_same_dim(&f->unit, &m3);
        if (!vol && !units_is(&f->unit, UNITS_DIM_MASS))
            diag_error(L->dl, u->at, "the amount of a fuel is a mass (t) or a volume (10^4 Nm3), not '%s'",
                       f->unit_text);
    }
    al_unit_or(L, n, "ncv_unit", vol ? "GJ/10^4 Nm3" : "GJ/t", &f->ncv_unit_text, &f->ncv_unit);
    al_unit_or(L, n, "carbon_unit", vol ? "tC/10^4 Nm3" : "tC/t", &f->carbon_unit_text, &f->carbon_unit);
}

/* One fuel of a unit (annex C.3, C.5). */
static void al_fuel(aud_loader *L, const ynode *n, void *out)
{
    aud_fuel *f = out;
    f->at = n->at;
    yf_check_keys(n, al_fuel_keys, AL_N(al_fuel_keys), "a fuel", L->dl);
    const ynode *k = yf_need(n, "fuel", "a fuel", L->dl);
    if (k && (f->fuel = al_text(L, k, "fuel")))
        f->fuel_at = k->at;
    f->id = al_opt(L, n, "id");
    al_fuel_units(L, n, f);
    f->state = (aud_state)al_enum(L, n, "state", al_states, AL_N(al_states), AUD_STATE_NONE);
    f->sample_state = (aud_state)al_enum(L, n, "sample_state", al_states, AL_N(al_states), f->state);
    int basis = al_enum(L, n, "basis", al_bases, AL_N(al_bases), AUD_BASIS_NONE);
    f->ncv_basis = (aud_basis)al_enum(L, n, "ncv_basis", al_bases, AL_N(al_bases), basis);
    f->carbon_basis = (aud_basis)al_enum(L, n, "carbon_basis", al_bases, AL_N(al_bases), basis);
    f->ncv_how = (aud_how)al_enum(L, n, "ncv_how", al_hows, AL_N(al_hows), AUD_HOW_NONE);
    f->carbon_how = (aud_how)al_enum(L, n, "carbon_how", al_hows, AL_N(al_hows), AUD_HOW_NONE);
    al_num(L, n, "amount", &f->amount);
    al_num(L, n, "ncv", &f->ncv);
    al_num(L, n, "carbon", &f->carbon);
    al_num(L, n, "carbon_per_heat", &f->carbon_per_heat);
    al_frac(L, n, "oxidation", &f->oxidation);
    al_num(L, n, "emissions", &f->emissions);
    al_frac(L, n, "moisture", &f->moisture);
    al_frac(L, n, "ash", &f->ash);
    al_meter(L, n, &f->meter);
    const ynode *ms = yn_get(n, "months");
    if (ms)
        f->months = al_list(L, ms, "months", sizeof *f->months, &f->nmonths, al_month);
    if (!ms && !f->amount.given)
        diag_error(L->dl, n->at, "a fuel needs 'amount' (the year's consumption) or 'months'");
}

/* One unit or facility (annex C.2, C.4). */
static void al_unit_item(aud_loader *L, const ynode *n, void *out)
{
    aud_unit *u = out;
    u->at = n->at;
    yf_check_keys(n, al_unit_keys, AL_N(al_unit_keys), "a unit", L->dl);
    const ynode *id = yf_need(n, "id", "a unit", L->dl);
    u->id = id ? al_text(L, id, "id") : NULL;
    u->name = al_opt(L, n, "name");
    const ynode *cls = yn_get(n, "class"), *prod = yn_get(n, "product");
    if (cls && (u->cls = al_text(L, cls, "class")))
        u->class_at = cls->at;
    if (prod && al_pick(L, prod, "product", al_products, AL_N(al_products)) >= 0) {
        u->product = al_text(L, prod, "product");
        u->product_at = prod->at;
    }
    u->boiler = al_opt(L, n, "boiler");
    al_num(L, n, "capacity", &u->capacity_mw);
    al_qty(L, n, "generation", "MWh", &u->generation_mwh, &u->generation_meter);
    al_qty(L, n, "heat_supplied", "GJ", &u->heat_gj, &u->heat_meter);
    al_qty(L, n, "running_hours", "h", &u->running_h, NULL);
    al_qty(L, n, "utilisation_hours", "h", &u->utilisation_h, NULL);
    al_frac(L, n, "load_factor", &u->load_factor);
    al_num(L, n, "emissions", &u->emissions);
    const ynode *fs = yn_get(n, "fuels");
    if (fs)
        u->fuels = al_list(L, fs, "fuels", sizeof *u->fuels, &u->nfuels, al_fuel);
}

/* The kind of a process source: sets its category and direction. */
static void al_proc_kind(aud_loader *L, const ynode *k, aud_process *p)
{
    int i = al_pick(L, k, "kind", al_kind_names, AL_NKINDS);
    if (i < 0)
        return;
    p->kind = al_kind_names[i];
    p->category = al_kind_cats[i];
    p->output = strcmp(p->kind, "carbon_product") == 0 || strcmp(p->kind, "co2_recovered") == 0;
    p->kind_at = k->at;
}

/* One process source. */
static void al_process(aud_loader *L, const ynode *n, void *out)
{
    aud_process *p = out;
    p->at = n->at;
    yf_check_keys(n, al_proc_keys, AL_N(al_proc_keys), "a process source", L->dl);
    const ynode *k = yf_need(n, "kind", "a process source", L->dl), *u = yf_need(n, "unit", "a process source", L->dl);
    if (k)
        al_proc_kind(L, k, p);
    p->id = al_opt(L, n, "id");
    p->material = al_opt(L, n, "material");
    if (!p->material)
        p->material = p->kind;
    if (u)
        al_unit(L, u, "unit", &p->unit_text, &p->unit);
    al_unit_or(L, n, "ef_unit", "t CO2/t", &p->ef_unit_text, &p->ef_unit);
    const ynode *a = yf_need(n, "amount", "a process source", L->dl);
    if (a)
        al_value(L, a, "amount", &p->amount);
    al_num(L, n, "ef", &p->ef);
    al_num(L, n, "emissions", &p->emissions);
    al_frac(L, n, "cao", &p->cao);
    al_frac(L, n, "mgo", &p->mgo);
    al_frac(L, n, "cao_non_carbonate", &p->cao_nc);
    al_frac(L, n, "mgo_non_carbonate", &p->mgo_nc);
    al_frac(L, n, "toc", &p->toc);
    al_frac(L, n, "purity", &p->purity);
    al_meter(L, n, &p->meter);
}

/* One purchased (or exported) electricity or heat item. */
static void al_energy(aud_loader *L, const ynode *n, void *out)
{
    static const char *const kinds[] = {"electricity", "heat"};
    aud_energy *e = out;
    e->at = n->at;
    yf_check_keys(n, al_energy_keys, AL_N(al_energy_keys), "a purchased or exported item", L->dl);
    const ynode *k = yf_need(n, "kind", "a purchased or exported item", L->dl);
    int i = k ? al_pick(L, k, "kind", kinds, 2) : -1;
    e->kind = i >= 0 ? kinds[i] : NULL;
    e->grid = al_opt(L, n, "grid");
    const ynode *a = yf_need(n, "amount", "a purchased or exported item", L->dl);
    if (a)
        al_value(L, a, "amount", &e->amount);
    al_unit_or(L, n, "unit", i == 1 ? "GJ" : "MWh", &e->unit_text, &e->unit);
    al_unit_or(L, n, "factor_unit", i == 1 ? "t CO2/GJ" : "t CO2/MWh", &e->factor_unit_text, &e->factor_unit);
    al_num(L, n, "factor", &e->factor);
    al_num(L, n, "emissions", &e->emissions);
    if (!units_is(&e->unit, UNITS_DIM_ENERGY))
        diag_error(L->dl, n->at, "the amount of purchased or exported %s is an energy (MWh, GJ), not '%s'",
                   e->kind ? e->kind : "energy", e->unit_text);
}

/* `production: {clinker: 1500000, generation: {value: 190, unit: 10^4 MWh}}`. */
static aud_product *al_products_of(aud_loader *L, const ynode *n, size_t *count)
{
    *count = 0;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'production' must be a mapping such as {clinker: 1500000}");
        return NULL;
    }
    aud_product *p = pool_alloc(L->r->mem, (n->n ? n->n : 1) * sizeof *p);
    for (size_t i = 0; p && i < n->n; i++) {
        const ynode *k = n->items[2 * i];
        int j = al_pick(L, k, "product", al_prod_keys, AL_NPROD);
        if (j < 0)
            continue;
        p[*count] = (aud_product){.key = al_prod_keys[j], .unit = al_prod_units[j]};
        al_qty(L, n, k->text, al_prod_units[j], &p[*count].q, NULL);
        (*count)++;
    }
    return p;
}

/* `enterprise:` annex C.1. */
static void al_enterprise(aud_loader *L, const ynode *n)
{
    aud_report *r = L->r;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'enterprise' must be a mapping with name, credit_code and industry");
        return;
    }
    yf_check_keys(n, al_ent_keys, AL_N(al_ent_keys), "'enterprise'", L->dl);
    const ynode *nm = yf_need(n, "name", "'enterprise'", L->dl), *cc = yf_need(n, "credit_code", "'enterprise'", L->dl);
    const ynode *ind = yf_need(n, "industry", "'enterprise'", L->dl), *rt = yn_get(n, "route");
    r->name = nm ? al_text(L, nm, "name") : NULL;
    if (cc && (r->credit_code = al_text(L, cc, "credit_code")))
        r->credit_at = cc->at;
    int i = ind ? al_pick(L, ind, "industry", al_industries, AUD_NINDUSTRY) : -1;
    r->industry = i >= 0 ? (aud_industry)i : AUD_OTHER;
    if (ind)
        r->industry_at = ind->at;
    if (rt && (r->route = al_text(L, rt, "route")))
        r->route_at = rt->at;
    r->sub_sector = al_opt(L, n, "sub_sector");
    r->address = al_opt(L, n, "address");
}

/* `totals:` and `previous:`. */
static void al_totals(aud_loader *L, const ynode *n, bool previous)
{
    aud_report *r = L->r;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'%s' must be a mapping", previous ? "previous" : "totals");
        return;
    }
    if (!previous) {
        yf_check_keys(n, al_total_keys, AL_N(al_total_keys), "'totals'", L->dl);
        al_num(L, n, "combustion", &r->total_combustion);
        al_num(L, n, "process", &r->total_process);
        al_num(L, n, "indirect", &r->total_indirect);
        al_num(L, n, "emissions", &r->total);
        return;
    }
    yf_check_keys(n, al_prev_keys, AL_N(al_prev_keys), "'previous'", L->dl);
    const ynode *y = yf_need(n, "year", "'previous'", L->dl), *p = yn_get(n, "production");
    if (y)
        yf_int(y, "year", 1900, 2200, &r->prev_year, L->dl);
    al_num(L, n, "emissions", &r->prev_total);
    if (p)
        r->prev_products = al_products_of(L, p, &r->nprev);
}

/* A list of texts (`factor_sets`, `factor_dirs`); positions into *at. */
static const char **al_texts(aud_loader *L, const ynode *n, const char *key, src_loc **at, size_t *count)
{
    *count = 0;
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'%s' must be a list such as [china-energy, ipcc2006-energy]", key);
        return NULL;
    }
    const char **out = pool_alloc(L->r->mem, (n->n + 1) * sizeof *out);
    src_loc *locs = pool_alloc(L->r->mem, (n->n + 1) * sizeof *locs);
    for (size_t i = 0; out && locs && i < n->n; i++)
        if ((out[*count] = al_text(L, n->items[i], key)))
            locs[(*count)++] = n->items[i]->at;
    if (at)
        *at = locs;
    return out;
}

/* Appends the items of `purchased:` or `exported:` to the report's energy list. */
static void al_energy_list(aud_loader *L, const ynode *n, const char *key)
{
    aud_report *r = L->r;
    size_t count;
    aud_energy *items = al_list(L, n, key, sizeof *items, &count, al_energy);
    if (!items || !count)
        return;
    aud_energy *all = pool_alloc(r->mem, (r->nenergy + count) * sizeof *all);
    if (!all)
        return;
    if (r->nenergy)
        memcpy(all, r->energy, r->nenergy * sizeof *all);
    for (size_t i = 0; i < count; i++) {
        items[i].exported = strcmp(key, "exported") == 0;
        all[r->nenergy + i] = items[i];
    }
    r->energy = all;
    r->nenergy += count;
}

/* One top-level key and its value. */
static void al_top(aud_loader *L, const ynode *k, const ynode *v)
{
    aud_report *r = L->r;
    const char *key = k->text;
    if (!strcmp(key, "report")) {
        if ((r->id = al_text(L, v, key)))
            r->id_at = v->at;
    } else if (!strcmp(key, "title"))
        r->title = al_text(L, v, key);
    else if (!strcmp(key, "notes"))
        al_text(L, v, key);
    else if (!strcmp(key, "enterprise"))
        al_enterprise(L, v);
    else if (!strcmp(key, "year")) {
        if (yf_int(v, "year", 1900, 2200, &r->year, L->dl))
            r->year_at = v->at;
    } else if (!strcmp(key, "factor_sets"))
        r->set_names = al_texts(L, v, key, &r->set_at, &r->nsets);
    else if (!strcmp(key, "factor_dirs"))
        r->factor_dirs = al_texts(L, v, key, NULL, &r->ndirs);
    else if (!strcmp(key, "units"))
        r->units = al_list(L, v, key, sizeof *r->units, &r->nunits, al_unit_item);
    else if (!strcmp(key, "process"))
        r->proc = al_list(L, v, key, sizeof *r->proc, &r->nproc, al_process);
    else if (!strcmp(key, "purchased") || !strcmp(key, "exported"))
        al_energy_list(L, v, key);
    else if (!strcmp(key, "production"))
        r->products = al_products_of(L, v, &r->nproducts);
    else if (!strcmp(key, "totals") || !strcmp(key, "previous"))
        al_totals(L, v, strcmp(key, "previous") == 0);
}

/* What can only be settled once the whole file is read: the categories of
 * carbonates (which depend on the industry), default fuel ids, and the
 * keys every report needs. */
static void al_finish(aud_loader *L)
{
    aud_report *r = L->r;
    src_loc top = {r->path, 1, 1};
    for (size_t i = 0; i < r->nproc; i++) {
        aud_process *p = &r->proc[i];
        bool carbonate = p->kind && strcmp(p->kind, "carbonate") == 0;
        if (carbonate && r->industry == AUD_STEEL)
            p->category = "2.C.1";
        else if (carbonate && r->industry == AUD_CEMENT)
            p->category = "2.A.1";
        else if (p->kind && strcmp(p->kind, "feedstock") == 0 && r->industry != AUD_CHEMICALS)
            p->category = "2.B.8";
    }
    for (size_t u = 0; u < r->nunits; u++)
        for (size_t f = 0; f < r->units[u].nfuels; f++) {
            aud_fuel *fu = &r->units[u].fuels[f];
            if (fu->id || !fu->fuel || !r->units[u].id)
                continue;
            size_t len = strlen(r->units[u].id) + strlen(fu->fuel) + 2;
            char *id = pool_alloc(r->mem, len);
            if (id)
                snprintf(id, len, "%s/%s", r->units[u].id, fu->fuel);
            fu->id = id;
        }
    if (!r->id)
        diag_error(L->dl, top, "missing 'report:' (an id for this report, e.g. jl-power-01-2023)");
    if (!r->name)
        diag_error(L->dl, top, "missing 'enterprise:' (name, credit_code and industry: annex C.1)");
    if (!r->year)
        diag_error(L->dl, top, "missing 'year:' (the reporting year)");
    if (!r->set_names)
        diag_error(L->dl, top,
                   "missing 'factor_sets:' (the factor sets to search, e.g. [china-energy, "
                   "ipcc2006-energy])");
    if (!r->nunits && !r->nproc)
        diag_error(L->dl, top, "the report has neither 'units:' (with their fuels) nor 'process:'");
}

aud_report *aud_load(const char *path, diag_list *dl)
{
    /* The caller's path: every position refers to it, so it must outlive the report. */
    yreader *yr = yr_open(path, dl, NULL);
    return yr ? aud_load_from(yr, dl) : NULL;
}

aud_report *aud_load_from(yreader *yr, diag_list *dl)
{
    aud_report *r = calloc(1, sizeof *r);
    if (!r || !(r->mem = pool_new())) {
        free(r);
        yr_close(yr);
        return NULL;
    }
    r->path = yr_path(yr);
    r->industry = AUD_OTHER;
    aud_loader L = {r, dl};
    const ynode *k;
    while ((k = yr_next_key(yr))) {
        size_t j = 0;
        while (j < AL_N(al_top_keys) && strcmp(k->text, al_top_keys[j]) != 0)
            j++;
        const ynode *v = yr_value(yr);
        if (!v)
            break;
        if (j < AL_N(al_top_keys)) {
            al_top(&L, k, v);
            continue;
        }
        const char *hint = txt_suggest(k->text, al_top_keys, AL_N(al_top_keys));
        diag_error(dl, k->at, "unknown key '%s' in a report%s%s%s", k->text, hint ? " (did you mean '" : "",
                   hint ? hint : "", hint ? "'?)" : "");
    }
    bool failed = yr_failed(yr);
    if (failed || !yr_sha256(yr, r->sha256)) /* hashed as it was parsed: one pass */
        strcpy(r->sha256, "unreadable");
    yr_close(yr);
    if (!failed)
        al_finish(&L);
    return r;
}

void aud_report_free(aud_report *r)
{
    if (!r)
        return;
    pool_free(r->mem);
    free(r);
}
