/* fod_load.c - reads the inventory's `solid_waste:` section into fod_site structs, with file:line:col diagnostics. */
#include "fod_load.h"
#include "fod.h"
#include "fod_loader.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"
#include "units.h"
#include "yfields.h"

/* Largest k accepted (1/yr): Table 3.3 tops out at 0.4; a value above 1 is
 * almost always a half-life typed as k. */
#define FOD_K_MAX 1.0

/* Largest delay time in months: beyond 6 the reaction would start after the
 * year following deposition, which the IPCC Waste Model's convention does not
 * cover (M = delay + 7 <= 13). */
#define FOD_DELAY_MAX 6.0

static const char *const site_keys[] = {
    "site",         "category", "site_type", "climate", "mcf", "docf",   "f",      "ox",
    "delay_months", "deposits", "recovery",  "doc",     "k",   "source", "note", "decay_start",
};
static const char *const deposit_keys[] = {"unit", "types", "rows", "source"};
static const char *const value_keys[] = {"value", "source", "note"};

/* The names of table `name_of` for i in [first, n), for suggestions and
 * messages. Returns how many were written to `out`. */
static size_t fod_names(const char *(*name_of)(int), int first, int n, const char **out)
{
    size_t m = 0;
    for (int i = first; i < n; i++)
        out[m++] = name_of(i);
    return m;
}

const char *fod_waste_name_i(int i) { return fod_waste_name((fod_waste)i); }
static const char *site_name_i(int i) { return fod_site_type_name((fod_site_type)i); }
static const char *climate_name_i(int i) { return fod_climate_name((fod_climate)i); }

/* Joins `names` with ", " into buf for a message. */
static void fod_join(const char *const *names, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < len; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", names[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* Index (>= first) of the text of scalar `n` among the names of `name_of`,
 * or -1 with an error naming `what`, a did-you-mean and the choices. */
int fod_lookup(const ynode *n, const char *key, const char *what, const char *(*name_of)(int), int first,
                      int count, diag_list *dl)
{
    const char *t = yf_text(n, key, dl);
    if (!t)
        return -1;
    for (int i = first; i < count; i++)
        if (strcmp(t, name_of(i)) == 0)
            return i;
    const char *names[16];
    size_t m = fod_names(name_of, first, count, names);
    const char *hint = txt_suggest(t, names, m);
    char list[256];
    fod_join(names, m, list, sizeof list);
    if (hint)
        diag_error(dl, n->at, "unknown %s '%s' (did you mean '%s'?)", what, t, hint);
    else
        diag_error(dl, n->at, "unknown %s '%s': use one of %s", what, t, list);
    return -1;
}

/* A pool copy of the text of `n` (NULL when absent or not text). */
const char *fod_copy_text(const ynode *n, const char *key, pool *mem, diag_list *dl)
{
    if (!n)
        return NULL;
    const char *t = yf_text(n, key, dl);
    return t ? pool_strdup(mem, t) : NULL;
}

/* A number in [lo, hi] (lo excluded when `lo_open`), with an error naming
 * `key` otherwise. */
bool fod_number_in(const ynode *n, const char *key, double lo, double hi, bool lo_open, double *out,
                          diag_list *dl)
{
    double v;
    if (!yf_number(n, key, &v, dl))
        return false;
    if (v < lo || v > hi || (lo_open && v == lo)) {
        diag_error(dl, n->at, "'%s' must be %s %g and at most %g, got %s", key, lo_open ? "above" : "at least", lo, hi,
                   n->text);
        return false;
    }
    *out = v;
    return true;
}

/* A parameter written as a plain number, or as {value: x, source: "...",
 * note: "..."}; its source is the given text or "input". */
bool fod_param_read(const ynode *n, const char *key, double lo, double hi, bool lo_open, pool *mem,
                           diag_list *dl, fod_param *out)
{
    const ynode *v = n;
    const char *src = "input";
    if (n->kind == YN_MAP) {
        if (!yf_check_keys(n, value_keys, NKEYS(value_keys), "a parameter value", dl))
            return false;
        v = yf_need(n, "value", key, dl);
        if (!v)
            return false;
        const ynode *s = yn_get(n, "source");
        if (s && !(src = fod_copy_text(s, "source", mem, dl)))
            return false;
        if (yn_get(n, "note") && !yf_text(yn_get(n, "note"), "note", dl))
            return false;
    }
    double x;
    if (!fod_number_in(v, key, lo, hi, lo_open, &x, dl))
        return false;
    out->value = x;
    out->source = src;
    out->at = v->at;
    return true;
}

/* An optional site parameter: the input's value when given, else `def`. */
static bool fod_param_opt(const ynode *site, const char *key, double lo, double hi, bool lo_open, fod_param def,
                          fod_loader *L, fod_param *out)
{
    const ynode *n = yn_get(site, key);
    *out = def;
    return !n || fod_param_read(n, key, lo, hi, lo_open, L->mem, L->dl, out);
}

/* A mass unit (optionally tagged `species`, "" for none) and its factor to
 * Gg, or false with an error at the unit. */
bool fod_mass_unit(const ynode *n, const char *key, const char *species, double *to_gg, diag_list *dl)
{
    const char *t = yf_text(n, key, dl);
    if (!t)
        return false;
    units_t u, gg;
    char msg[200];
    if (units_parse(t, &u, msg, sizeof msg) != UNITS_OK) {
        diag_error(dl, n->at, "'%s': %s", key, msg);
        return false;
    }
    if (!units_is(&u, UNITS_DIM_MASS)) {
        char dim[64];
        units_dim_name(&u, dim, sizeof dim);
        diag_error(dl, n->at, "'%s' is '%s', which measures %s: give a mass (t, 10^4 t, Gg)", key, t, dim);
        return false;
    }
    if (u.species[0] && strcmp(u.species, species) != 0) {
        diag_error(dl, n->at, "'%s' is '%s', a mass of %s: give %s%s (t, Gg)", key, t, u.species,
                   species[0] ? "a mass of " : "a plain mass", species);
        return false;
    }
    if (units_parse("Gg", &gg, NULL, 0) != UNITS_OK || !units_factor(&u, &gg, to_gg))
        return false;
    return true;
}

/* The `types:` list of the deposits: known waste types, each once. */
static bool fod_types(const ynode *n, fod_loader *L)
{
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at, "'types' must be a list of waste types, e.g. [food, garden, paper, wood, textiles]");
        return false;
    }
    if (n->n > FOD_NWASTE) {
        diag_error(L->dl, n->at, "'types' lists %zu types but there are only %d waste types: remove the repeats", n->n,
                   FOD_NWASTE);
        return false;
    }
    bool ok = true, seen[FOD_NWASTE] = {false};
    for (size_t j = 0; j < n->n; j++) {
        int w = fod_lookup(n->items[j], "types", "waste type", fod_waste_name_i, 0, FOD_NWASTE, L->dl);
        L->type_node[j] = n->items[j];
        if (w < 0) {
            ok = false;
            continue;
        }
        if (seen[w]) {
            diag_error(L->dl, n->items[j]->at, "waste type '%s' is listed twice in 'types': merge the columns",
                       n->items[j]->text);
            ok = false;
        }
        seen[w] = true;
        L->s->type[j] = (fod_waste)w;
    }
    L->s->ntypes = n->n;
    return ok;
}

/* Checks that `year` follows the previous row's: one more (no gaps, no
 * repeats, ascending). */
static bool fod_year_order(const ynode *n, long prev, long year, diag_list *dl)
{
    if (year == prev + 1)
        return true;
    if (year == prev)
        diag_error(dl, n->at, "year %ld is given twice in 'rows': merge the two rows", year);
    else if (year < prev)
        diag_error(dl, n->at, "year %ld comes after %ld: list the rows in ascending years", year, prev);
    else
        diag_error(dl, n->at,
                   "years %ld-%ld are missing between %ld and %ld: add a row for each year (zeros "
                   "if nothing was deposited)",
                   prev + 1, year - 1, prev, year);
    return false;
}

/* One deposit amount: a number >= 0, turned into Gg. */
static bool fod_amount(const ynode *n, double to_gg, double *out_gg, diag_list *dl)
{
    double v;
    if (!yf_number(n, "deposit", &v, dl))
        return false;
    if (v < 0) {
        diag_error(dl, n->at, "deposit %s is negative: give the mass deposited (0 or more)", n->text);
        return false;
    }
    if (v * to_gg > FOD_MAX_GG) {
        diag_error(dl, n->at, "deposit %s is more than 10^12 t in one year: check the value and the unit", n->text);
        return false;
    }
    *out_gg = v * to_gg;
    return true;
}

/* One row [year, amount per type...] into row iy. */
static bool fod_row(const ynode *row, size_t iy, double to_gg, long *prev, fod_loader *L)
{
    fod_site *s = L->s;
    size_t want = s->ntypes + 1;
    s->row_at[iy] = row->at;
    if (row->kind != YN_SEQ || row->n != want) {
        diag_error(L->dl, row->at,
                   "a deposit row must be a list of %zu values (the year, then one amount for each "
                   "of the %zu types), got %s%zu",
                   want, s->ntypes, row->kind == YN_SEQ ? "" : "no list: ", row->kind == YN_SEQ ? row->n : (size_t)0);
        return false;
    }
    long year;
    if (!yf_int(row->items[0], "year", FOD_YEAR_MIN, FOD_YEAR_MAX, &year, L->dl))
        return false;
    bool ok = iy == 0 || fod_year_order(row->items[0], *prev, year, L->dl);
    *prev = year;
    if (iy == 0)
        s->first_year = (int)year;
    for (size_t j = 0; j < s->ntypes; j++)
        ok &= fod_amount(row->items[j + 1], to_gg, &s->w_gg[iy * s->ntypes + j], L->dl);
    return ok;
}

/* The `rows:` list; needs the types read first. */
static bool fod_rows(const ynode *n, double to_gg, fod_loader *L)
{
    fod_site *s = L->s;
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(L->dl, n->at, "'rows' must be a list of rows [year, amount, ...], one a year");
        return false;
    }
    s->w_gg = pool_alloc(L->mem, n->n * s->ntypes * sizeof *s->w_gg);
    s->row_at = pool_alloc(L->mem, n->n * sizeof *s->row_at);
    if (!s->w_gg || !s->row_at) {
        diag_error(L->dl, n->at, "out of memory");
        return false;
    }
    bool ok = true;
    long prev = 0;
    for (size_t iy = 0; iy < n->n; iy++) {
        bool row_ok = fod_row(n->items[iy], iy, to_gg, &prev, L);
        if (!row_ok && iy == 0)
            return false; /* no first year to check the others against */
        ok &= row_ok;
    }
    s->nyears = n->n;
    return ok;
}

/* The `deposits:` mapping: unit, types, rows and an optional source. */
static bool fod_deposits(const ynode *d, fod_loader *L)
{
    if (d->kind != YN_MAP) {
        diag_error(L->dl, d->at, "'deposits' must be a mapping with unit, types and rows");
        return false;
    }
    bool ok = yf_check_keys(d, deposit_keys, NKEYS(deposit_keys), "'deposits'", L->dl);
    const ynode *unit = yf_need(d, "unit", "'deposits' (the mass unit of the rows)", L->dl);
    const ynode *types = yf_need(d, "types", "'deposits' (the waste type of each column)", L->dl);
    const ynode *rows = yf_need(d, "rows", "'deposits' (one row [year, amounts...] a year)", L->dl);
    if (yn_get(d, "source"))
        ok &= (L->s->deposit_source = fod_copy_text(yn_get(d, "source"), "source", L->mem, L->dl)) != NULL;
    double to_gg = 0;
    bool unit_ok = unit && fod_mass_unit(unit, "unit", "", &to_gg, L->dl);
    if (unit_ok) {
        L->s->deposit_unit = pool_strdup(L->mem, unit->text);
        L->s->deposit_unit_to_gg = to_gg;
    }
    L->types_ok = types && fod_types(types, L);
    if (!unit_ok || !L->types_ok || !rows)
        return false;
    return fod_rows(rows, to_gg, L) && ok;
}

/* A `doc:` or `k:` mapping of waste type to value into has[]/val[]. */
static bool fod_overrides(const ynode *m, const char *key, double lo, double hi, bool lo_open, bool *has,
                          fod_param *val, fod_loader *L)
{
    if (m->kind != YN_MAP) {
        diag_error(L->dl, m->at, "'%s' must be a mapping of waste type to value, e.g. %s: {food: %s}", key, key,
                   strcmp(key, "k") == 0 ? "0.185" : "0.15");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < m->n; i++) {
        const ynode *kn = m->items[2 * i], *vn = m->items[2 * i + 1];
        int w = fod_lookup(kn, key, "waste type", fod_waste_name_i, 0, FOD_NWASTE, L->dl);
        if (w < 0) {
            ok = false;
            continue;
        }
        char what[48];
        snprintf(what, sizeof what, "%s of %s", key, kn->text);
        if (!fod_param_read(vn, what, lo, hi, lo_open, L->mem, L->dl, &val[w])) {
            ok = false;
            continue;
        }
        has[w] = true;
    }
    return ok;
}

/* Warns about overrides (has[]/val[] of mapping `m`) for waste types with no
 * deposit column. */
static void fod_unused_overrides(const ynode *m, const bool *has, const fod_param *val, const char *key, fod_loader *L)
{
    for (int w = 0; m && w < FOD_NWASTE; w++) {
        bool used = false;
        for (size_t j = 0; j < L->s->ntypes; j++)
            used |= L->s->type[j] == (fod_waste)w;
        if (has[w] && !used)
            diag_add(L->dl, DIAG_WARNING, val[w].at, "'%s' gives %s, which has no deposit column: it is not used", key,
                     fod_waste_name((fod_waste)w));
    }
}

/* DOC of column j: the override, else the default, else an error. */
static bool fod_resolve_doc(size_t j, fod_loader *L)
{
    fod_waste w = L->s->type[j];
    if (L->has_doc[w]) {
        L->s->doc[j] = L->doc[w];
        return true;
    }
    if (fod_default_doc(w, &L->s->doc[j]))
        return true;
    diag_error(L->dl, L->type_node[j]->at,
               "no default DOC for '%s' (it depends on the waste's composition): give "
               "doc: {%s: ...}",
               fod_waste_name(w), fod_waste_name(w));
    return false;
}

/* k of column j: the override, else the climate's default, else an error. */
static bool fod_resolve_k(size_t j, fod_loader *L)
{
    fod_waste w = L->s->type[j];
    fod_climate c = L->s->climate;
    if (L->has_k[w]) {
        L->s->k[j] = L->k[w];
        return true;
    }
    if (fod_default_k(c, w, &L->s->k[j], NULL, NULL))
        return true;
    if (c == FOD_CLIMATE_NONE)
        diag_error(L->dl, L->type_node[j]->at,
                   "no k for '%s': give the site's climate (temperate_dry or "
                   "temperate_wet) or k: {%s: ...}",
                   fod_waste_name(w), fod_waste_name(w));
    else
        diag_error(L->dl, L->type_node[j]->at,
                   "no default k for '%s' in climate '%s' (IPCC 2006 Vol.5 Ch.3 "
                   "Table 3.3 as built in has none): give k: {%s: ...}",
                   fod_waste_name(w), fod_climate_name(c), fod_waste_name(w));
    return false;
}

/* site_type, and category when given (it must agree with the type). */
static bool fod_site_kind(const ynode *item, fod_loader *L)
{
    const ynode *t = yf_need(item, "site_type",
                             "a solid waste site (managed_anaerobic, managed_semi_aerobic, "
                             "unmanaged_deep, unmanaged_shallow or uncategorised)",
                             L->dl);
    int st = t ? fod_lookup(t, "site_type", "site type", site_name_i, 0, FOD_NSITE_TYPE, L->dl) : -1;
    if (st < 0)
        return false;
    L->s->site_type = (fod_site_type)st;
    L->s->category = fod_site_category(L->s->site_type);
    const ynode *c = yn_get(item, "category");
    if (!c)
        return true;
    const char *ct = yf_text(c, "category", L->dl);
    if (!ct)
        return false;
    if (strcmp(ct, L->s->category) != 0) {
        diag_error(L->dl, c->at,
                   "category '%s' does not match site_type '%s', which is reported in %s: fix one "
                   "or remove 'category'",
                   ct, t->text, L->s->category);
        return false;
    }
    return true;
}

/* `decay_start: deposit_year` (the CDM tool's convention: a deposit decays
 * a whole year in its deposit year) as the delay it stands for, -6 months;
 * `after_delay` (the default) keeps `delay_months`. */
static bool fod_decay_start(const ynode *item, fod_loader *L)
{
    const ynode *n = yn_get(item, "decay_start");
    const char *t = n ? yf_text(n, "decay_start", L->dl) : NULL;
    if (!n || (t && strcmp(t, "after_delay") == 0))
        return !n || t;
    if (!t || strcmp(t, "deposit_year") != 0) {
        if (t)
            diag_error(L->dl, n->at, "'decay_start' is '%s': use deposit_year (the CDM tool's convention) or "
                       "after_delay (IPCC, with delay_months)", t);
        return false;
    }
    if (yn_get(item, "delay_months")) {
        diag_error(L->dl, yn_get(item, "delay_months")->at, "'delay_months' and 'decay_start: deposit_year' both "
                   "set when decay starts: keep one");
        return false;
    }
    L->s->delay_months = (fod_param){FOD_DELAY_DEPOSIT_YEAR, "decay_start: deposit_year (CDM tool 'Emissions from "
                                     "solid waste disposal sites': a whole year of decay in the deposit year, M = 1)",
                                     n->at};
    return true;
}

/* The scalar parameters: MCF (by site type unless given; by period or by
 * waste type: fod_mcf_read), DOCf, F, OX and the delay time. */
static bool fod_site_params(const ynode *item, bool kind_ok, fod_loader *L)
{
    fod_site *s = L->s;
    bool ok = true;
    L->mcf_node = yn_get(item, "mcf");
    ok &= fod_mcf_read(fod_default_mcf(kind_ok ? s->site_type : FOD_UNCATEGORISED), L);
    ok &= fod_param_opt(item, "docf", 0, 1, false, fod_default_docf(), L, &s->docf);
    ok &= fod_param_opt(item, "f", 0, 1, true, fod_default_f(), L, &s->f);
    ok &= fod_param_opt(item, "ox", 0, 1, false, fod_default_ox(), L, &s->ox);
    ok &= fod_param_opt(item, "delay_months", 0, FOD_DELAY_MAX, false, fod_default_delay(), L, &s->delay_months);
    ok &= fod_decay_start(item, L);
    return ok;
}

/* The climate (optional) and the doc/k overrides, then DOC and k for every
 * deposit column. */
static bool fod_site_decay(const ynode *item, fod_loader *L)
{
    bool ok = true;
    const ynode *c = yn_get(item, "climate");
    L->s->climate = FOD_CLIMATE_NONE;
    if (c) {
        int ci = fod_lookup(c, "climate", "climate", climate_name_i, 1, FOD_NCLIMATE, L->dl);
        ok &= ci > 0;
        L->s->climate = ci > 0 ? (fod_climate)ci : FOD_CLIMATE_NONE;
    }
    const ynode *dm = yn_get(item, "doc"), *km = yn_get(item, "k");
    if (dm)
        ok &= fod_overrides(dm, "doc", 0, 1, false, L->has_doc, L->doc, L);
    if (km)
        ok &= fod_overrides(km, "k", 0, FOD_K_MAX, true, L->has_k, L->k, L);
    if (!L->types_ok || !ok || (c && L->s->climate == FOD_CLIMATE_NONE))
        return false;
    fod_unused_overrides(dm, L->has_doc, L->doc, "doc", L);
    fod_unused_overrides(km, L->has_k, L->k, "k", L);
    for (size_t j = 0; j < L->s->ntypes; j++) {
        ok &= fod_resolve_doc(j, L);
        ok &= fod_resolve_k(j, L);
    }
    return ok;
}

/* One site of the list. Returns false after any error. */
static bool fod_site_read(const ynode *item, pool *mem, diag_list *dl, fod_site *s)
{
    fod_loader L = {.mem = mem, .dl = dl, .s = s};
    memset(s, 0, sizeof *s);
    s->at = item->at;
    s->name =
        "?"; /* a site that is no mapping has no name (fuzz/regressions/fuzz_inventory/fod-site-not-a-mapping.yaml) */
    if (item->kind != YN_MAP) {
        diag_error(dl, item->at,
                   "a solid waste site must be a mapping (site: ..., site_type: ..., deposits: ...), "
                   "not %s",
                   yn_kind_name(item));
        return false;
    }
    bool ok = yf_check_keys(item, site_keys, NKEYS(site_keys), "a solid waste site", dl);
    const ynode *name = yf_need(item, "site", "a solid waste site (its name)", dl);
    s->name = name ? fod_copy_text(name, "site", mem, dl) : NULL;
    ok &= s->name != NULL;
    if (!s->name)
        s->name = "?";
    if (yn_get(item, "source"))
        ok &= (s->source = fod_copy_text(yn_get(item, "source"), "source", mem, dl)) != NULL;
    if (yn_get(item, "note"))
        ok &= yf_text(yn_get(item, "note"), "note", dl) != NULL;
    bool kind_ok = fod_site_kind(item, &L);
    ok &= kind_ok;
    ok &= fod_site_params(item, kind_ok, &L);
    const ynode *dep = yf_need(item, "deposits", "a solid waste site (unit, types and rows)", dl);
    ok &= dep && fod_deposits(dep, &L);
    ok &= fod_site_decay(item, &L);
    if (ok)
        ok &= fod_mcf_resolve(&L);
    const ynode *rec = yn_get(item, "recovery");
    if (rec)
        ok &= fod_recovery_read(rec, &L);
    return ok;
}

/* Reports a site name used twice (the workbook keys its rows by it). */
static bool fod_unique_names(const fod_input *in, diag_list *dl)
{
    bool ok = true;
    for (size_t i = 0; i < in->nsites; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(in->sites[i].name, in->sites[j].name) == 0 && strcmp(in->sites[i].name, "?") != 0) {
                diag_error(dl, in->sites[i].at,
                           "site '%s' is given twice (first at line %u): give each site its "
                           "own name",
                           in->sites[i].name, in->sites[j].at.line);
                ok = false;
                break;
            }
        }
    }
    return ok;
}

bool fod_parse(const ynode *section, pool *mem, diag_list *dl, fod_input *out)
{
    memset(out, 0, sizeof *out);
    if (!section)
        return false;
    out->at = section->at;
    if (section->kind != YN_SEQ || section->n == 0) {
        diag_error(dl, section->at,
                   "'solid_waste' must be a list of sites (- site: ..., site_type: ..., "
                   "deposits: ...)");
        return false;
    }
    out->sites = pool_alloc(mem, section->n * sizeof *out->sites);
    if (!out->sites) {
        diag_error(dl, section->at, "out of memory");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < section->n; i++)
        ok &= fod_site_read(section->items[i], mem, dl, &out->sites[i]);
    out->nsites = section->n;
    return fod_unique_names(out, dl) && ok;
}
