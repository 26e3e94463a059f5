/* series.c - loading and checking an intensity series YAML file (its targets: ser_targets.c; its coefficients: ser_resolve.c). */
#include "fset_load.h"
#include "ser_internal.h"
#include "series.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsearch.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"
#include "yreader.h"

#define SER_MAX_YEARS 500 /* more years than any statistical series has */
#define SER_REL_TOL 1e-9  /* the deflator of the price-base year is 100 within this */

static const char *const ser_top_keys[] = {"series",      "title",         "region",            "base_year",
                                           "price_base",  "targets",       "factor_sets",       "electricity",
                                           "notes",       "derive_energy", "latest_statistics", "years"};
static const char *const ser_year_keys[] = {"year",      "inventory",    "note",   "gdp",     "population",
                                            "coal_rate", "final_energy", "energy", "estimate"};
static const char *const ser_energy_keys[] = {"fuel", "amount", "unit", "kind", "source", "sce"};
static const char *const ser_gdp_keys[] = {"value", "unit", "source", "prices", "deflator"};

static const char *const ser_kind_names[SER_NKINDS] = {"fossil", "primary_electricity", "net_import_electricity",
                                                       "heat"};
static const char *const ser_method_names[SER_NMETHODS] = {"calorific", "coal_rate"};
static const char *const ser_price_names[] = {"constant", "current"};

/* Coal and coal products, counted in the coal share. The China energy
 * balance rows of factors/china-energy.yaml (原煤, 洗精煤, 其他洗煤, 型煤,
 * 焦炭, the coal ranks) and the "coal and coal products" of the 2006 IPCC
 * Guidelines, Vol.2 Ch.1 Table 1.1, including the derived gases (gas works,
 * coke oven, blast furnace and oxygen steel furnace gas), which the energy
 * balance also lists under coal. A fuel whose factor entry names one of these
 * as its `ipcc_fuel` counts too. */
static const char *const ser_coal_keys[] = {
    "raw_coal",
    "cleaned_coal",
    "other_washed_coal",
    "briquettes",
    "coke",
    "bituminous_coal",
    "coal_gangue",
    "other_coking_products",
    "anthracite",
    "coking_coal",
    "other_bituminous_coal",
    "sub_bituminous_coal",
    "lignite",
    "brown_coal_briquettes",
    "patent_fuel",
    "coke_oven_coke",
    "gas_coke",
    "coal_tar",
    "gas_works_gas",
    "coke_oven_gas",
    "blast_furnace_gas",
    "oxygen_steel_furnace_gas",
    "other_gas",
};

/* Gases made from coal in the region, whose coal is counted already (the
 * energy balance counts the coke and coal of the blast furnace, the coke
 * oven and the gas works, not the gases they give off): 2006 IPCC Vol.2
 * Ch.1 Table 1.1 derived gases and the China energy-balance row 其他煤气.
 * ser_derive leaves them out; a series may add them as items. */
static const char *const ser_derived_gas_keys[] = {"blast_furnace_gas", "coke_oven_gas", "oxygen_steel_furnace_gas",
                                                   "gas_works_gas", "other_gas"};

static const char *const ser_basis_names[] = {"coefficient", "NCV", "energy"};

/* Target units of the quantities a series gives, and what they must measure. */
typedef enum { SD_MONEY, SD_COUNT, SD_RATE, SD_ENERGY } ser_dims;
static const struct {
    const char *to;   /* unit the value is converted into */
    const char *what; /* for the message */
} ser_dims_info[] = {
    [SD_MONEY] = {"10^4 yuan", "money, such as 10^8 yuan or 亿元"},
    [SD_COUNT] = {"person", "people, such as 10^4 person or 万人"},
    [SD_RATE] = {"gce/kWh", "standard coal per electricity, such as 300 gce/kWh"},
    [SD_ENERGY] = {"tce", "energy, such as 10^4 tce, TJ or 10^8 kWh"},
};


/* The names the files use, from the tables above; "?" out of range. */
const char *ser_kind_name(ser_kind k) { return (unsigned)k < SER_NKINDS ? ser_kind_names[k] : "?"; }
const char *ser_method_name(ser_method m) { return (unsigned)m < SER_NMETHODS ? ser_method_names[m] : "?"; }

/* Looks `key` up in the static coal list. */
bool ser_is_coal_key(const char *key)
{
    for (size_t i = 0; key && i < sizeof ser_coal_keys / sizeof *ser_coal_keys; i++)
        if (strcmp(key, ser_coal_keys[i]) == 0)
            return true;
    return false;
}

/* Looks `key` up in the static list of derived gases. */
bool ser_is_derived_gas(const char *key)
{
    for (size_t i = 0; key && i < sizeof ser_derived_gas_keys / sizeof *ser_derived_gas_keys; i++)
        if (strcmp(key, ser_derived_gas_keys[i]) == 0)
            return true;
    return false;
}

const char *ser_basis_name(ser_basis b) { return (unsigned)b <= SER_BASIS_ENERGY ? ser_basis_names[b] : "?"; }

/* A linear search: a series has a few dozen years at most. */
long ser_year_index(const ser_series *s, long year)
{
    for (size_t i = 0; i < s->nyears; i++)
        if (s->years[i].year == year)
            return (long)i;
    return -1;
}

/* A pool copy of scalar text, or NULL after an error (reported). */
const char *ser_text(ser_loader *L, const ynode *n, const char *key)
{
    const char *t = yf_text(n, key, L->dl);
    return t ? pool_strdup(L->s->mem, t) : NULL;
}

/* The text of optional key `key` of mapping `map`, copied; NULL when absent. */
const char *ser_opt_text(ser_loader *L, const ynode *map, const char *key)
{
    const ynode *n = yn_get(map, key);
    return n ? ser_text(L, n, key) : NULL;
}

/* Which of `names` (n of them) the scalar at `node` is; -1 with an error
 * listing the choices (and the closest one) when it is none. */
int ser_pick(ser_loader *L, const ynode *node, const char *key, const char *const *names, size_t n)
{
    return yf_pick(node, key, names, n, L->dl);
}

/* `rel` made relative to the folder of the series file (an absolute path
 * stays as it is), in pool memory. */
static const char *ser_path_rel(ser_loader *L, const char *rel)
{
    const char *slash = strrchr(L->s->path, '/');
    if (rel[0] == '/' || !slash)
        return pool_strdup(L->s->mem, rel);
    size_t base = (size_t)(slash - L->s->path), len = base + 1 + strlen(rel) + 1;
    char *p = pool_alloc(L->s->mem, len);
    if (p)
        snprintf(p, len, "%.*s/%s", (int)base, L->s->path, rel);
    return p;
}

/* Parses `{value, unit, source}` (plus the keys in `allowed`) at `n` into
 * `q`, checking that the unit measures `dims`; *factor converts the value
 * into ser_dims_info[dims].to. False after an error. */
static bool ser_qty_parse(ser_loader *L, const ynode *n, const char *key, ser_dims dims, const char *const *allowed,
                          size_t nallowed, ser_qty *q, double *factor)
{
    static const char *const plain[] = {"value", "unit", "source"};
    size_t errs = diag_error_count(L->dl);
    q->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'%s' must be a mapping like {value: 1452.5, unit: %s, source: \"...\"}, not %s", key,
                   ser_dims_info[dims].to, yn_kind_name(n));
        return false;
    }
    yf_check_keys(n, allowed ? allowed : plain, allowed ? nallowed : 3, key, L->dl);
    const ynode *v = yf_need(n, "value", key, L->dl), *u = yf_need(n, "unit", key, L->dl);
    if (v)
        yf_number(v, "value", &q->value, L->dl);
    if (u && (q->unit_text = ser_text(L, u, "unit"))) {
        char msg[200];
        units_t to;
        q->unit_at = u->at;
        units_parse(ser_dims_info[dims].to, &to, NULL, 0);
        if (units_parse(q->unit_text, &q->unit, msg, sizeof msg) != UNITS_OK)
            diag_error(L->dl, u->at, "%s", msg);
        else if (!units_factor(&q->unit, &to, factor)) {
            char dim[64];
            units_dim_name(&q->unit, dim, sizeof dim);
            diag_error(L->dl, u->at, "unit '%s' of '%s' measures %s; use %s", q->unit_text, key, dim,
                       ser_dims_info[dims].what);
        }
    }
    q->source = ser_opt_text(L, n, "source");
    q->given = diag_error_count(L->dl) == errs;
    return q->given;
}

/* Reports a quantity that must be positive. */
static void ser_need_positive(ser_loader *L, const ser_qty *q, const char *key)
{
    if (q->given && !(q->value > 0))
        diag_error(L->dl, q->at, "'%s' must be positive, got %g", key, q->value);
}

/* Reads `electricity: {method: calorific|coal_rate, coal_rate: {...}}`. */
static void ser_electricity(ser_loader *L, const ynode *n)
{
    static const char *const keys[] = {"method", "coal_rate"};
    ser_series *s = L->s;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "'electricity' must be a mapping like {method: calorific, coal_rate: {value: 300, "
                   "unit: gce/kWh, source: \"...\"}}");
        return;
    }
    yf_check_keys(n, keys, 2, "electricity", L->dl);
    const ynode *m = yn_get(n, "method"), *r = yn_get(n, "coal_rate");
    if (m) {
        int k = ser_pick(L, m, "method", ser_method_names, SER_NMETHODS);
        s->method = k < 0 ? SER_CALORIFIC : (ser_method)k;
        s->method_at = m->at;
    }
    double f;
    if (r && ser_qty_parse(L, r, "coal_rate", SD_RATE, NULL, 0, &s->coal_rate, &f))
        ser_need_positive(L, &s->coal_rate, "coal_rate");
}

/* A list of texts such as `factor_sets: [china-energy]`. */
static void ser_set_names(ser_loader *L, const ynode *n)
{
    ser_series *s = L->s;
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at, "'factor_sets' must be a list such as [china-energy]");
        return;
    }
    s->set_names = pool_alloc(s->mem, n->n * sizeof *s->set_names);
    s->set_at = pool_alloc(s->mem, n->n * sizeof *s->set_at);
    if (!s->set_names || !s->set_at)
        return;
    for (size_t i = 0; i < n->n; i++) {
        const char *t = ser_text(L, n->items[i], "factor_sets");
        if (t) {
            s->set_at[s->nsets] = n->items[i]->at;
            s->set_names[s->nsets++] = t;
        }
    }
}

/* Reads `gdp: {value, unit, prices, deflator, source}` of year `y`. */
static void ser_gdp(ser_loader *L, const ynode *n, ser_year *y)
{
    y->deflator = 100;
    if (!ser_qty_parse(L, n, "gdp", SD_MONEY, ser_gdp_keys, 5, &y->gdp, &y->gdp_factor))
        return;
    ser_need_positive(L, &y->gdp, "gdp");
    const ynode *p = yf_need(n, "prices", "gdp (constant or current prices)", L->dl);
    const ynode *d = yn_get(n, "deflator");
    int k = p ? ser_pick(L, p, "prices", ser_price_names, 2) : -1;
    y->gdp_current = k == 1;
    if (k == 1 && !d)
        diag_error(L->dl, n->at,
                   "GDP at current prices needs 'deflator:' (the GDP deflator with the series' "
                   "price_base year = 100), or give the GDP at constant prices");
    else if (k == 0 && d)
        diag_error(L->dl, d->at,
                   "a deflator applies only to GDP at current prices: remove it, or write "
                   "'prices: current'");
    else if (k == 1 && yf_number(d, "deflator", &y->deflator, L->dl) && !(y->deflator > 0))
        diag_error(L->dl, d->at, "'deflator' must be positive (an index with the price-base year = 100), got %s",
                   d->text);
}

/* Reads `final_energy: {total: {value, unit}, electricity: {value, unit}, source}`. */
static void ser_final(ser_loader *L, const ynode *n, ser_year *y)
{
    static const char *const keys[] = {"total", "electricity", "source"};
    static const char *const vu[] = {"value", "unit"};
    double f;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "'final_energy' must be a mapping like {total: {value: 900, unit: 10^4 tce}, "
                   "electricity: {value: 120, unit: 10^8 kWh}, source: \"...\"}");
        return;
    }
    size_t errs = diag_error_count(L->dl);
    yf_check_keys(n, keys, 3, "final_energy", L->dl);
    const ynode *t = yf_need(n, "total", "final_energy", L->dl);
    const ynode *e = yf_need(n, "electricity", "final_energy", L->dl);
    if (t && ser_qty_parse(L, t, "total", SD_ENERGY, vu, 2, &y->final_total, &y->final_total_factor))
        ser_need_positive(L, &y->final_total, "total");
    if (e && ser_qty_parse(L, e, "electricity", SD_ENERGY, vu, 2, &y->final_electricity, &f) &&
        y->final_electricity.value < 0)
        diag_error(L->dl, e->at, "final electricity must not be negative, got %g", y->final_electricity.value);
    y->final_source = ser_opt_text(L, n, "source");
    y->has_final = diag_error_count(L->dl) == errs;
}

/* Reads one item of a year's `energy:` list. */
static void ser_energy_item(ser_loader *L, const ynode *n, ser_energy *e)
{
    e->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "each energy item must be a mapping like {fuel: raw_coal, amount: 1500, unit: "
                   "10^4 t, source: \"...\"}, not %s",
                   yn_kind_name(n));
        return;
    }
    yf_check_keys(n, ser_energy_keys, sizeof ser_energy_keys / sizeof *ser_energy_keys, "an energy item", L->dl);
    const ynode *f = yf_need(n, "fuel", "an energy item", L->dl), *a = yf_need(n, "amount", "an energy item", L->dl);
    const ynode *u = yf_need(n, "unit", "an energy item", L->dl), *k = yn_get(n, "kind");
    if (f && (e->fuel = ser_text(L, f, "fuel")))
        e->fuel_at = f->at;
    if (u && (e->unit_text = ser_text(L, u, "unit"))) {
        char msg[200];
        e->unit_at = u->at;
        if (units_parse(e->unit_text, &e->unit, msg, sizeof msg) != UNITS_OK)
            diag_error(L->dl, u->at, "%s", msg);
    }
    int kind = k ? ser_pick(L, k, "kind", ser_kind_names, SER_NKINDS) : -1;
    e->kind = kind >= 0 ? (ser_kind)kind : e->fuel && strcmp(e->fuel, "heat") == 0 ? SER_HEAT : SER_FOSSIL;
    if (!k && e->fuel && strcmp(e->fuel, "electricity") == 0)
        diag_error(L->dl, n->at,
                   "electricity needs 'kind: primary_electricity' (hydro, wind, solar, nuclear "
                   "generated in the region) or 'kind: net_import_electricity'");
    if (a && yf_number(a, "amount", &e->amount, L->dl) && e->amount < 0 && e->kind != SER_NET_IMPORT_ELECTRICITY)
        diag_error(L->dl, a->at,
                   "'amount' must not be negative, got %s (only net_import_electricity may be, for a "
                   "net exporter)",
                   a->text);
    e->source = ser_opt_text(L, n, "source");
    const ynode *sce = yn_get(n, "sce");
    fset_value *v = sce ? pool_alloc(L->s->mem, sizeof *v) : NULL;
    if (v && fset_parse_value(sce, "sce", true, L->s->mem, v, L->dl))
        e->sce_override = v;
}

/* Reads a year's `energy:` list. */
static void ser_energy_list(ser_loader *L, const ynode *n, ser_year *y)
{
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at,
                   "'energy' must be a list of items such as - {fuel: raw_coal, amount: 1500, unit: "
                   "10^4 t}");
        return;
    }
    y->energy = pool_alloc(L->s->mem, n->n * sizeof *y->energy);
    if (!y->energy)
        return;
    for (size_t i = 0; i < n->n && !diag_stop(L->dl, n->items[i]->at, "reading "); i++)
        ser_energy_item(L, n->items[i], &y->energy[y->nenergy++]);
}

/* Reads `inventory:` of year `y`: the path, relative to the series file,
 * which must be readable now (before anything is computed). */
static void ser_inventory_path(ser_loader *L, const ynode *n, ser_year *y)
{
    const char *t = yf_text(n, "inventory", L->dl);
    if (!t)
        return;
    y->inventory = ser_path_rel(L, t);
    y->inventory_at = n->at;
    if (y->inventory && access(y->inventory, R_OK) != 0)
        diag_error(L->dl, n->at,
                   "cannot read inventory '%s' (%s): check the path, which is relative to the "
                   "series file",
                   y->inventory, strerror(errno));
}

/* Reads one item of `years:`. */
static void ser_year_parse(ser_loader *L, const ynode *n, ser_year *y)
{
    y->at = n->at;
    y->coal_rate_factor = 1;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "each item of 'years' must be a mapping with year, inventory, gdp, population "
                   "and energy, not %s",
                   yn_kind_name(n));
        return;
    }
    yf_check_keys(n, ser_year_keys, sizeof ser_year_keys / sizeof *ser_year_keys, "a year of the series", L->dl);
    const ynode *yr = yf_need(n, "year", "a year of the series", L->dl);
    const ynode *inv = yf_need(n, "inventory", "a year of the series (the inventory file of that year)", L->dl);
    const ynode *gdp = yf_need(n, "gdp", "a year of the series", L->dl);
    const ynode *pop = yf_need(n, "population", "a year of the series", L->dl);
    const ynode *en = yn_get(n, "energy"), *est = yn_get(n, "estimate");
    const ynode *rate = yn_get(n, "coal_rate"), *fin = yn_get(n, "final_energy");
    if (yr)
        yf_int(yr, "year", 1900, 2200, &y->year, L->dl);
    if (inv)
        ser_inventory_path(L, inv, y);
    if (gdp)
        ser_gdp(L, gdp, y);
    if (pop && ser_qty_parse(L, pop, "population", SD_COUNT, NULL, 0, &y->population, &y->population_factor))
        ser_need_positive(L, &y->population, "population");
    if (rate && ser_qty_parse(L, rate, "coal_rate", SD_RATE, NULL, 0, &y->coal_rate, &y->coal_rate_factor))
        ser_need_positive(L, &y->coal_rate, "coal_rate");
    if (fin)
        ser_final(L, fin, y);
    if (en)
        ser_energy_list(L, en, y);
    y->nwritten = y->nenergy;
    y->energy_given = en != NULL;
    y->estimate_at = est ? est->at : n->at;
    if (est && yf_bool(est, "estimate", &y->estimate, L->dl))
        y->estimate_given = true;
    y->note = ser_opt_text(L, n, "note");
}

/* Reads `years:`. */
static void ser_years(ser_loader *L, const ynode *n)
{
    ser_series *s = L->s;
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at, "'years' must be a list of years (lines starting with '- year: ...')");
        return;
    }
    if (n->n > SER_MAX_YEARS) {
        diag_error(L->dl, n->at, "more than %d years: split the series", SER_MAX_YEARS);
        return;
    }
    s->years = pool_alloc(s->mem, n->n * sizeof *s->years);
    if (!s->years)
        return;
    for (size_t i = 0; i < n->n && !diag_stop(L->dl, n->items[i]->at, "reading "); i++)
        ser_year_parse(L, n->items[i], &s->years[s->nyears++]);
}

/* Dispatches one top-level key of the series file. */
static void ser_top(ser_loader *L, const ynode *k, const ynode *v)
{
    ser_series *s = L->s;
    const char *key = k->text;
    L->seen_id |= strcmp(key, "series") == 0;
    L->seen_base |= strcmp(key, "base_year") == 0;
    L->seen_price_base |= strcmp(key, "price_base") == 0;
    L->seen_years |= strcmp(key, "years") == 0;
    if (strcmp(key, "series") == 0)
        s->id = ser_text(L, v, key);
    else if (strcmp(key, "title") == 0)
        s->title = ser_text(L, v, key);
    else if (strcmp(key, "region") == 0)
        s->region = ser_text(L, v, key);
    else if (strcmp(key, "notes") == 0)
        s->notes = ser_text(L, v, key);
    else if (strcmp(key, "base_year") == 0) {
        s->base_at = v->at;
        yf_int(v, key, 1900, 2200, &s->base_year, L->dl);
    } else if (strcmp(key, "price_base") == 0)
        yf_int(v, key, 1900, 2200, &s->price_base, L->dl);
    else if (strcmp(key, "targets") == 0) {
        const char *t = yf_text(v, key, L->dl);
        s->targets_path = t ? ser_path_rel(L, t) : NULL;
        s->targets_at = v->at;
    } else if (strcmp(key, "factor_sets") == 0)
        ser_set_names(L, v);
    else if (strcmp(key, "electricity") == 0)
        ser_electricity(L, v);
    else if (strcmp(key, "years") == 0)
        ser_years(L, v);
    else if (strcmp(key, "derive_energy") == 0)
        yf_bool(v, key, &s->derive_energy, L->dl);
    else if (strcmp(key, "latest_statistics") == 0) {
        s->latest_at = v->at;
        yf_int(v, key, 1900, 2200, &s->latest_statistics, L->dl);
    }
    else {
        const char *hint = txt_suggest(key, ser_top_keys, sizeof ser_top_keys / sizeof *ser_top_keys);
        diag_error(L->dl, k->at, "unknown key '%s' in a series%s%s%s", key, hint ? " (did you mean '" : "",
                   hint ? hint : "", hint ? "'?)" : "");
    }
}

/* Checks the years: ascending and unique, the base year among them, a coal
 * rate for each, a deflator of 100 in the price-base year. */
static void ser_check_years(ser_loader *L)
{
    ser_series *s = L->s;
    for (size_t i = 0; i < s->nyears; i++) {
        ser_year *y = &s->years[i];
        if (i && y->year && y->year <= s->years[i - 1].year)
            diag_error(L->dl, y->at, "year %ld %s: list each year once, in ascending order", y->year,
                       y->year == s->years[i - 1].year ? "is listed twice" : "comes after a later year");
        if (!y->coal_rate.given && s->coal_rate.given) {
            y->coal_rate = s->coal_rate;
            units_t to;
            units_parse("gce/kWh", &to, NULL, 0);
            units_factor(&s->coal_rate.unit, &to, &y->coal_rate_factor);
        } else if (!y->coal_rate.given && y->year && !y->coal_rate.at.line && !s->coal_rate.at.line)
            diag_error(L->dl, y->at,
                       "year %ld has no generation coal rate: give 'electricity: {coal_rate: {value: "
                       "300, unit: gce/kWh, source: ...}}' for the series or 'coal_rate:' for the year (both "
                       "electricity methods are always computed)",
                       y->year);
        if (!y->estimate_given && s->latest_statistics && y->year > s->latest_statistics)
            y->estimate = true; /* a plan year after the latest statistics; `estimate: false` says otherwise */
        if (!s->derive_energy && !y->energy_given && y->year)
            diag_error(L->dl, y->at,
                       "year %ld has no 'energy:' list, and 'derive_energy: false' takes nothing from its "
                       "inventory: give the year's energy by fuel, or remove 'derive_energy: false'",
                       y->year);
        if (y->gdp_current && y->year == s->price_base && fabs(y->deflator - 100) > 100 * SER_REL_TOL)
            diag_add(L->dl, DIAG_WARNING, y->gdp.at,
                     "the deflator of the price-base year %ld is %g, not 100: "
                     "check the deflator series",
                     y->year, y->deflator);
    }
    if (s->base_year && s->nyears && ser_year_index(s, s->base_year) < 0)
        diag_error(L->dl, s->base_at, "base_year %ld is not among the series' years: add it to 'years'", s->base_year);
}

/* Reports the required top-level keys that are missing. */
static void ser_check_required(ser_loader *L)
{
    ser_series *s = L->s;
    src_loc top = {s->path, 1, 1};
    if (!L->seen_id)
        diag_error(L->dl, top, "missing 'series:' (an id for this series, e.g. jilin-2015-2025)");
    if (!L->seen_base)
        diag_error(L->dl, top, "missing 'base_year:' (the year the indices and rates start from)");
    if (!L->seen_price_base)
        diag_error(L->dl, top, "missing 'price_base:' (the year whose prices the constant-price GDP is in)");
    if (!L->seen_years)
        diag_error(L->dl, top,
                   "missing 'years:' (the list of years with their inventory, GDP, population and "
                   "energy)");
}

/* A new empty series whose path is a copy of `path`; NULL when out of memory. */
ser_series *ser_new(const char *path)
{
    ser_series *s = calloc(1, sizeof *s);
    if (!s || !(s->mem = pool_new()) || !(s->path = pool_strdup(s->mem, path))) {
        if (s)
            pool_free(s->mem);
        free(s);
        return NULL;
    }
    s->derive_energy = true;
    return s;
}

/* Reads the series from the open reader `yr` (closed here) key by key, then
 * checks what needs the whole file (required keys, years, base year) and
 * loads and checks the targets. */
static ser_series *ser_read(ser_series *s, yreader *yr, diag_list *dl)
{
    ser_loader L = {.s = s, .dl = dl};
    const ynode *k, *v;
    while ((k = yr_next_key(yr)) && (v = yr_value(yr)))
        ser_top(&L, k, v);
    bool failed = yr_failed(yr);
    /* Hashed as it was parsed (a device or huge file is refused first). */
    if (!failed && !yr_sha256(yr, s->sha256))
        strcpy(s->sha256, "unreadable");
    yr_close(yr);
    if (failed)
        return s;
    ser_check_required(&L);
    ser_check_years(&L);
    if (s->targets_path)
        ser_targets_load(&L);
    for (size_t i = 0; i < s->ntargets; i++)
        ser_target_check(&L, i);
    return s;
}

ser_series *ser_load(const char *path, diag_list *dl)
{
    ser_series *s = ser_new(path);
    if (!s)
        return NULL;
    yreader *yr = yr_open(s->path, dl, NULL);
    if (!yr)
        return s; /* the error names s->path: freeing s here left it dangling (fuzz/regressions/fuzz_series) */
    return ser_read(s, yr, dl);
}

ser_series *ser_load_from(yreader *yr, diag_list *dl)
{
    ser_series *s = ser_new(yr_path(yr));
    if (!s) {
        yr_close(yr);
        return NULL;
    }
    return ser_read(s, yr, dl);
}

/* Frees the series, its search order and everything in its pool. */
void ser_free(ser_series *s)
{
    if (!s)
        return;
    fs_free(s->fs);
    pool_free(s->mem);
    free(s);
}

