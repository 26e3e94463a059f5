/* inv_record.c - reading one item of an inventory's `activities:` into a record: its fields, checked. */
#include "fset_load.h"
#include "inv_load.h"
#include "inventory.h"
#include "unc_load.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"

static inv_pos inv_pos_of(const ynode *n) { return (inv_pos){n->at.line, n->at.col}; }

static const char *inv_intern(inventory *inv, const char *s) { return s ? pool_intern(inv->mem, s, strlen(s)) : NULL; }

/* Whether interned text `s` was already found valid (then its check is
 * skipped: the same category or unit is not looked up a million times). */
static bool inv_seen_has(const inv_seen *seen, const char *s)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->text[i] == s)
            return true;
    return false;
}

/* Remembers interned text `s` as valid (while there is room). */
static void inv_seen_add(inv_seen *seen, const char *s)
{
    if (s && seen->n < INV_SEEN)
        seen->text[seen->n++] = s;
}

/* Record keys besides the factor parameters (fset_param_at), which a record
 * may also give as overrides. */
static const char *const inv_rec_keys[] = {"category", "fuel",  "activity", "amount",       "unit",
                                           "uncertainty", "source", "id", "note", "not_estimated",
                                           "feedstock_excluded", "distance", "fuel_economy", "fuel_density",
                                           "stock_start", "stock_end", "removal", "ch4_origin"};
#define INV_NREC_KEYS (sizeof inv_rec_keys / sizeof *inv_rec_keys)
#define INV_MAX_KEYS 64

/* Keeps a record's uncertainty percentage in inv->unc_pct. */
static void inv_unc_pct(inventory *inv, const ynode *n, double pct, inv_record *rec, diag_list *dl)
{
    if (inv->nunc_pct == inv->capunc_pct) {
        size_t cap = inv->capunc_pct ? inv->capunc_pct * 2 : 16;
        double *u = cap < INV_UNC_PCT ? realloc(inv->unc_pct, cap * sizeof *u) : NULL;
        if (!u) {
            diag_error(dl, n->at, "out of memory reading 'uncertainty'");
            return;
        }
        inv->unc_pct = u;
        inv->capunc_pct = cap;
    }
    inv->unc_pct[inv->nunc_pct++] = pct;
    rec->unc_ix = INV_UNC_PCT | (unsigned)inv->nunc_pct;
}

/* Reads a record's `uncertainty:`: a percentage, kept in inv->unc_pct, or
 * a mapping, kept in inv->unc (docs/uncertainty.md). */
static void inv_uncertainty(inventory *inv, const ynode *n, inv_record *rec, diag_list *dl)
{
    unc_spec spec;
    double pct = NAN;
    if (!unc_parse_record(n, inv->mem, &spec, &pct, dl)) {
        if (!isnan(pct)) /* a percentage, read */
            inv_unc_pct(inv, n, pct, rec, dl);
        return;
    }
    if (inv->nunc == inv->capunc) {
        size_t cap = inv->capunc ? inv->capunc * 2 : 16;
        unc_spec *u = cap <= UINT_MAX ? realloc(inv->unc, cap * sizeof *u) : NULL;
        if (!u) {
            diag_error(dl, n->at, "out of memory reading 'uncertainty'");
            return;
        }
        inv->unc = u;
        inv->capunc = cap;
    }
    inv->unc[inv->nunc++] = spec;
    rec->unc_ix = (unsigned)inv->nunc;
}

/* `not_estimated: [ch4, n2o]`: gases deliberately left out of this record. */
static void inv_not_estimated(const ynode *n, inv_record *r, diag_list *dl)
{
    if (n->kind != YN_SEQ) {
        diag_error(dl, n->at, "'not_estimated' must be a list of gases such as [ch4, n2o]");
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        const char *t = yf_text(n->items[i], "not_estimated", dl);
        gas_id g = t ? gas_lookup(t) : GAS_COUNT;
        if (t && g == GAS_COUNT)
            diag_error(dl, n->items[i]->at, "unknown gas '%s' in 'not_estimated' (use co2, ch4 or n2o)", t);
        else if (t)
            r->not_estimated |= 1u << g;
    }
}

/* Whether `key` is one of the record's own keys (not a factor override):
 * the common case, answered before the longer list of factor names. */
static bool inv_fixed_key(const char *key)
{
    for (size_t i = 0; i < INV_NREC_KEYS; i++)
        if (txt_eq(key, inv_rec_keys[i]))
            return true;
    return false;
}

/* Reads the record-level factor overrides of `n` into `r`. */
static void inv_overrides(inventory *inv, const ynode *n, inv_record *r, diag_list *dl)
{
    size_t np = 0;
    for (size_t i = 0; i < n->n; i++)
        np += !inv_fixed_key(n->items[2 * i]->text) && fset_param_lookup(n->items[2 * i]->text) != NULL;
    if (!np)
        return;
    fset_param *p = pool_alloc(inv->mem, np * sizeof *p);
    if (!p)
        return;
    for (size_t i = 0; i < n->n; i++) {
        const fset_param_info *info = fset_param_lookup(n->items[2 * i]->text);
        if (!info)
            continue;
        p[r->novr].name = info->name;
        if (fset_parse_value(n->items[2 * i + 1], info->name, true, inv->mem, &p[r->novr].v, dl)) {
            p[r->novr].v.at.file = inv->path;
            r->novr++;
        }
    }
    r->ovr = p;
}

/* Reads one `{value, unit}` factor of a distance-based record into *v and
 * the unit text into *unit; false (reported) when it is malformed. */
static bool inv_dist_part(const ynode *n, const char *key, double *v, const char **unit, diag_list *dl)
{
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "'%s' must be a mapping {value: ..., unit: ..., source: ...}", key);
        return false;
    }
    const ynode *val = yf_need(n, "value", key, dl), *u = yf_need(n, "unit", key, dl);
    *unit = u ? yf_text(u, "unit", dl) : NULL;
    units_t parsed;
    char msg[200];
    if (*unit && units_parse(*unit, &parsed, msg, sizeof msg) != UNITS_OK) {
        diag_error(dl, u->at, "%s", msg);
        return false;
    }
    return val && yf_number(val, "value", v, dl) && *unit && *v >= 0;
}

/* The distance-based road transport alternative (IPCC 2006 Vol.2 Ch.3
 * 3.2.1.2): amount = vehicle-km x fuel economy (x density when the economy is
 * a volume), with the unit written as that product ("km * L/100km * kg/L")
 * so the unit factor and the NCV apply as for any fuel amount. */
static void inv_distance(inventory *inv, const ynode *n, inv_record *r, diag_list *dl)
{
    const ynode *d = yf_need(n, "distance", "a distance-based record", dl);
    const ynode *fe = yf_need(n, "fuel_economy", "a distance-based record", dl);
    const ynode *rho = yn_get(n, "fuel_density");
    if (yn_get(n, "amount") || yn_get(n, "unit"))
        diag_error(dl, n->at, "a distance-based record gives distance and fuel_economy instead of amount and unit");
    double dv, fv, rv = 1.0;
    const char *du, *fu, *ru = NULL;
    if (!d || !fe || !inv_dist_part(d, "distance", &dv, &du, dl) || !inv_dist_part(fe, "fuel_economy", &fv, &fu, dl) ||
        (rho && !inv_dist_part(rho, "fuel_density", &rv, &ru, dl)))
        return;
    char unit[256];
    snprintf(unit, sizeof unit, "%s * %s%s%s", du, fu, ru ? " * " : "", ru ? ru : "");
    r->amount = dv * fv * rv;
    r->unit_text = inv_intern(inv, unit);
    inv_set_field(inv, r, INV_AT_AMOUNT, inv_pos_of(d));
    inv_set_field(inv, r, INV_AT_UNIT, inv_pos_of(d));
    units_t u;
    char msg[200];
    if (units_parse(unit, &u, msg, sizeof msg) != UNITS_OK)
        diag_error(dl, fe->at, "distance x fuel economy gives the unit '%s', which cannot be used: %s", unit, msg);
    else if (r->unit_text && !inv_unit_keep(inv, r->unit_text, &u))
        diag_error(dl, fe->at, "out of memory");
}

/* One growing-stock measurement {value, unit, year}; false (reported) when
 * malformed. */
static bool inv_stock_part(const ynode *n, const char *key, double *v, const char **unit, long *year, diag_list *dl)
{
    if (!inv_dist_part(n, key, v, unit, dl))
        return false;
    const ynode *y = yf_need(n, "year", key, dl);
    return y && yf_int(y, "year", 1900, 2200, year, dl);
}

/* The stock-difference method for forest land (IPCC 2006 Vol.4 Ch.2 Eq.
 * 2.8): the annual change of growing stock, (V2 - V1) / (t2 - t1), is the
 * record's amount, in the stocks' unit; density, BEF, root-to-shoot ratio
 * and carbon fraction then apply as terms of the product method. */
static void inv_stock_difference(inventory *inv, const ynode *n, inv_record *r, diag_list *dl)
{
    const ynode *a = yf_need(n, "stock_start", "a stock-difference record", dl);
    const ynode *b = yf_need(n, "stock_end", "a stock-difference record", dl);
    if (yn_get(n, "amount") || yn_get(n, "unit"))
        diag_error(dl, n->at, "a stock-difference record gives stock_start and stock_end instead of amount and unit");
    double v1, v2;
    const char *u1, *u2;
    long y1, y2;
    if (!a || !b || !inv_stock_part(a, "stock_start", &v1, &u1, &y1, dl) ||
        !inv_stock_part(b, "stock_end", &v2, &u2, &y2, dl))
        return;
    if (strcmp(u1, u2) != 0) {
        diag_error(dl, b->at, "stock_end is in '%s' but stock_start in '%s': give both stocks in one unit", u2, u1);
        return;
    }
    if (y2 <= y1) {
        diag_error(dl, b->at, "stock_end's year %ld is not after stock_start's %ld", y2, y1);
        return;
    }
    r->amount = (v2 - v1) / (double)(y2 - y1);
    r->unit_text = inv_intern(inv, u1);
    inv_set_field(inv, r, INV_AT_AMOUNT, inv_pos_of(a));
    inv_set_field(inv, r, INV_AT_UNIT, inv_pos_of(a));
}

/* The record's category, checked against the IPCC codes (each distinct
 * text once: `seen` remembers the valid ones). */
static void inv_rec_category(inventory *inv, inv_seen *seen, const ynode *n, inv_record *r, diag_list *dl)
{
    const ynode *cat = yf_need(n, "category", "an activity record", dl);
    const char *t = cat ? yf_text(cat, "category", dl) : NULL;
    r->category = inv_intern(inv, t);
    if (!t || inv_seen_has(seen, r->category))
        return;
    if (!cat_lookup(t)) {
        const char *hint = cat_suggest(t);
        diag_error(dl, cat->at, "unknown IPCC category '%s'%s%s%s", t, hint ? " (did you mean '" : "",
                   hint ? hint : " (use a 2006 IPCC code such as 1.A.1.a)", hint ? "'?)" : "");
    } else
        inv_seen_add(seen, r->category);
}

/* The record's `fuel` or `activity` key (exactly one of them). */
static void inv_rec_key(inventory *inv, const ynode *n, inv_record *r, diag_list *dl)
{
    const ynode *fuel = yn_get(n, "fuel"), *act = yn_get(n, "activity");
    if (fuel && act)
        diag_error(dl, act->at, "a record has either 'fuel' or 'activity', not both");
    else if (!fuel && !act)
        diag_error(dl, n->at, "missing 'fuel' in an activity record (the fuel key, e.g. natural_gas)");
    const ynode *keyn = fuel ? fuel : act;
    if (keyn) {
        r->key = inv_intern(inv, yf_text(keyn, fuel ? "fuel" : "activity", dl));
        inv_set_field(inv, r, INV_AT_KEY, inv_pos_of(keyn));
    }
}

/* The record's amount and unit: given as such, or worked out from a
 * distance and fuel economy, or from two growing stocks. A unit is parsed
 * once per distinct text and kept (inv_unit_keep). */
static void inv_rec_amount(inventory *inv, const ynode *n, inv_record *r, diag_list *dl)
{
    if (yn_get(n, "distance") || yn_get(n, "fuel_economy")) {
        inv_distance(inv, n, r, dl);
        return;
    }
    if (yn_get(n, "stock_start") || yn_get(n, "stock_end")) {
        inv_stock_difference(inv, n, r, dl);
        return;
    }
    const ynode *amt = yf_need(n, "amount", "an activity record", dl);
    if (amt) {
        inv_set_field(inv, r, INV_AT_AMOUNT, inv_pos_of(amt));
        if (yf_number(amt, "amount", &r->amount, dl) && r->amount < 0)
            diag_error(dl, amt->at, "'amount' is negative (%s): activity data must be zero or more", amt->text);
    }
    const ynode *unit = yf_need(n, "unit", "an activity record", dl);
    const char *t;
    if (!unit || !(t = yf_text(unit, "unit", dl)))
        return;
    units_t u;
    char msg[200];
    inv_set_field(inv, r, INV_AT_UNIT, inv_pos_of(unit));
    r->unit_text = inv_intern(inv, t);
    if (r->unit_text && pm_get(&inv->unit_ix, r->unit_text) == (size_t)-1) {
        if (units_parse(t, &u, msg, sizeof msg) != UNITS_OK)
            diag_error(dl, unit->at, "%s", msg);
        else if (!inv_unit_keep(inv, r->unit_text, &u))
            diag_error(dl, unit->at, "out of memory");
    }
}

/* The record's optional fields: uncertainty, source, id, removal,
 * ch4_origin, feedstock_excluded, not_estimated, and factor overrides. */
static void inv_rec_options(inventory *inv, const ynode *n, inv_record *r, diag_list *dl)
{
    const ynode *unc = yn_get(n, "uncertainty");
    if (unc)
        inv_uncertainty(inv, unc, r, dl);
    const ynode *src = yn_get(n, "source");
    if (src)
        r->source = inv_intern(inv, yf_text(src, "source", dl));
    const ynode *id = yn_get(n, "id");
    const char *t;
    if (id && (t = yf_text(id, "id", dl)))
        r->id = pool_strdup(inv->mem, t);
    const ynode *rm = yn_get(n, "removal");
    bool rmv;
    if (rm && yf_bool(rm, "removal", &rmv, dl))
        r->removal = rmv ? 1 : 0;
    else
        r->removal = -1;
    const ynode *co = yn_get(n, "ch4_origin");
    if (co)
        r->ch4_origin = (unsigned char)inv_ch4_origin(co, dl);
    const ynode *fx = yn_get(n, "feedstock_excluded");
    bool fxv;
    if (fx && yf_bool(fx, "feedstock_excluded", &fxv, dl))
        r->feedstock_excluded = fxv;
    const ynode *ne = yn_get(n, "not_estimated");
    if (ne)
        inv_not_estimated(ne, r, dl);
    inv_overrides(inv, n, r, dl);
}

bool inv_record_read(inventory *inv, inv_seen *seen, const ynode *n, inv_record *r, diag_list *dl)
{
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "each activity must be a mapping with category, fuel, amount and unit, not %s",
                   yn_kind_name(n));
        return false;
    }
    size_t errs = diag_error_count(dl);
    const char *allowed[INV_MAX_KEYS];
    size_t na = 0;
    for (size_t i = 0; i < INV_NREC_KEYS; i++)
        allowed[na++] = inv_rec_keys[i];
    for (size_t i = 0; i < fset_param_count() && na < INV_MAX_KEYS; i++)
        allowed[na++] = fset_param_at(i)->name;
    yf_check_keys(n, allowed, na, "an activity record", dl);
    memset(r, 0, sizeof *r);
    r->at = inv_pos_of(n);
    inv_rec_category(inv, seen, n, r, dl);
    inv_rec_key(inv, n, r, dl);
    inv_rec_amount(inv, n, r, dl);
    inv_rec_options(inv, n, r, dl);
    return diag_error_count(dl) == errs;
}
