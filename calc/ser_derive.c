/* ser_derive.c - a series year's energy list derived from its computed inventory, merged with the items the series writes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "engine.h"
#include "fsearch.h"
#include "pool.h"
#include "ser_internal.h"
#include "series.h"

/* How far (a fraction) the NCV of a fuel counted at the inventory's NCV may
 * lie from the coefficient of its China row before a note says so: the
 * margin of the CO2-per-tce check (INT_CO2_TCE_MARGIN in intensity.h). */
#define SER_NCV_NOTE_REL 0.02

/* The items being derived, grown with realloc, and for each what it came
 * from: the coefficient it was matched by (before its copy), the key of its
 * first record as the inventory writes it, and how many records. */
typedef struct {
    ser_energy *v;
    const fset_value **orig;
    const char **from;
    size_t *nrec;
    size_t n, cap;
    bool oom;
    fset_value one; /* coefficient 1 (unit "1"), for the records whose amount is an energy already */
    struct {
        const char *key;         /* a record key as interned by the inventory */
        const fset_entry *ent;   /* its coefficient's entry, or NULL */
        bool skip;               /* a gas made from counted coal */
    } seen[64];                  /* the keys met so far, so each is looked up once */
    size_t nseen;
} ser_drv;

/* A pool copy of `v` (its unit text and reference copied too), or NULL. */
static fset_value *ser_value_copy(ser_series *s, const fset_value *v)
{
    fset_value *c = pool_alloc(s->mem, sizeof *c);
    if (!c)
        return NULL;
    *c = *v;
    c->unit_text = pool_strdup(s->mem, v->unit_text ? v->unit_text : "");
    c->ref = v->ref ? pool_strdup(s->mem, v->ref) : NULL;
    c->note = NULL;
    c->unc = NULL;
    return c->unit_text ? c : NULL;
}

/* Room for one more item in `d`; false when out of memory. */
static bool ser_drv_grow(ser_drv *d)
{
    if (d->n < d->cap)
        return true;
    size_t cap = d->cap ? 2 * d->cap : 16;
    ser_energy *v = realloc(d->v, cap * sizeof *v);
    d->v = v ? v : d->v;
    const fset_value **o = v ? realloc(d->orig, cap * sizeof *o) : NULL;
    d->orig = o ? o : d->orig;
    const char **f = o ? realloc(d->from, cap * sizeof *f) : NULL;
    d->from = f ? f : d->from;
    size_t *k = f ? realloc(d->nrec, cap * sizeof *k) : NULL;
    d->nrec = k ? k : d->nrec;
    if (k)
        d->cap = cap;
    return k != NULL;
}

/* The item of `d` with this fuel, kind, unit and coefficient (`orig`, as
 * the sets or the record give it), else a new one with copies of the texts
 * and of the coefficient; NULL when out of memory. */
static ser_energy *ser_drv_slot(ser_series *s, ser_drv *d, const char *fuel, ser_kind kind, const char *unit,
                                const fset_value *orig, const char *from)
{
    for (size_t i = 0; i < d->n; i++) {
        ser_energy *e = &d->v[i];
        if (e->kind == kind && d->orig[i] == orig && strcmp(e->fuel, fuel) == 0 && strcmp(e->unit_text, unit) == 0)
            return e;
    }
    if (!ser_drv_grow(d))
        return NULL;
    ser_energy e = {.kind = kind, .derived = true};
    e.fuel = pool_strdup(s->mem, fuel);
    e.unit_text = pool_strdup(s->mem, unit);
    e.sce_override = orig ? ser_value_copy(s, orig) : NULL;
    if (!e.fuel || !e.unit_text || (orig && !e.sce_override))
        return NULL;
    d->orig[d->n] = orig;
    d->from[d->n] = from;
    d->nrec[d->n] = 0;
    d->v[d->n] = e;
    return &d->v[d->n++];
}

/* Whether `amount` x `per` is an energy. */
static bool ser_fits(const units_t *amount, const units_t *per)
{
    units_t e = units_mul(amount, per);
    return units_is(&e, UNITS_DIM_ENERGY);
}

/* The basis of fuel record `res` of fuel `key` and the value that is its
 * coefficient in the item: the coefficient of `ent` (NULL) when the entry
 * is the fuel's own and fits the unit; `one` for an amount in energy units;
 * else the NCV the inventory used (the record's own, the set's for a fuel
 * the coefficient belongs to by `ipcc_fuel` only, or where the unit does
 * not fit the coefficient). */
static ser_basis ser_record_basis(const eng_res *res, const char *key, const fset_entry *ent, const units_t *u,
                                  const fset_value *one, const fset_value **v)
{
    *v = NULL;
    if (res->energy_input) {
        *v = one;
        return SER_BASIS_ENERGY;
    }
    bool own = res->ncv.v && !res->ncv.entry; /* the record's own NCV */
    if (!own && ent && strcmp(ent->key, key) == 0 && ser_fits(u, &fset_entry_param(ent, "sce")->unit))
        return SER_BASIS_COEFFICIENT;
    *v = res->ncv.v;
    return SER_BASIS_NCV;
}

/* Energy per unit of `v` (an NCV or a coefficient per mass or volume) in
 * tce per tonne or cubic metre, the one of the two it fits; NAN when none. */
static double ser_tce_per_unit(const fset_value *v)
{
    static const char *const per[] = {"t", "m3"};
    units_t amount, tce, e;
    double f;
    units_parse("tce", &tce, NULL, 0);
    for (size_t i = 0; i < 2; i++) {
        units_parse(per[i], &amount, NULL, 0);
        e = units_mul(&amount, &v->unit);
        if (units_is(&e, UNITS_DIM_ENERGY) && units_factor(&e, &tce, &f))
            return v->value * f;
    }
    return NAN;
}

/* A note, once per fuel key and series, where a fuel counted at the NCV of
 * the inventory because its key reaches the China row `ent` only through
 * `ipcc_fuel` differs by more than INT_CO2_TCE_MARGIN from the row's GB/T
 * 2589 coefficient: the same tonne would count differently as that row. */
static void ser_note_ncv(ser_series *s, const char *key, const fset_entry *ent, const fset_value *ncv, src_loc at,
                         diag_list *dl)
{
    const fset_value *sce = fset_entry_param(ent, "sce");
    double a = ser_tce_per_unit(ncv), b = ser_tce_per_unit(sce);
    if (!(fabs(a / b - 1) > SER_NCV_NOTE_REL) || s->nnoted >= sizeof s->noted / sizeof *s->noted)
        return;
    for (size_t i = 0; i < s->nnoted; i++)
        if (strcmp(s->noted[i], key) == 0)
            return;
    if (!(s->noted[s->nnoted] = pool_strdup(s->mem, key)))
        return;
    s->nnoted++;
    diag_add(dl, DIAG_NOTE, at,
             "'%s' counts as '%s' at the NCV the inventory uses (%g %s: %.4f tce/t), %+.0f %% from the GB/T 2589 "
             "coefficient of '%s' (%g %s): if the fuel is the energy balance's %s, write '%s' in the inventory "
             "(factor set %s)",
             key, ent->key, ncv->value, ncv->unit_text, a, (a / b - 1) * 100, ent->key, sce->value, sce->unit_text,
             ent->label ? ent->label : ent->key, ent->key, ent->set->id);
}

/* Where the coefficient of a derived item comes from, for the Energy sheet. */
static const char *ser_basis_set(ser_basis b, const eng_res *res)
{
    if (b == SER_BASIS_COEFFICIENT)
        return NULL; /* the set's, found again by ser_resolve_item */
    if (b == SER_BASIS_ENERGY)
        return "record (energy)";
    return !res->ncv.entry ? "record (NCV)" : fs_hit_set(&res->ncv);
}

/* For record key `written` (canonical `key` in the inventory's order
 * `io`): its coefficient's entry in *ent, and whether it is a gas made from
 * counted coal (true: leave the record out). Remembered by the interned
 * pointer, so that a large inventory looks each key up once. */
static bool ser_key_lookup(const ser_series *s, ser_drv *d, const fs_order *io, const char *written, const char *key,
                           const fset_entry **ent)
{
    for (size_t i = 0; i < d->nseen; i++)
        if (d->seen[i].key == written) {
            *ent = d->seen[i].ent;
            return d->seen[i].skip;
        }
    bool skip = ser_is_derived_gas(key) || ser_is_derived_gas(fs_same_as(io, key));
    *ent = skip ? NULL : ser_sce_entry(s, key);
    if (d->nseen < sizeof d->seen / sizeof *d->seen) {
        d->seen[d->nseen].key = written;
        d->seen[d->nseen].ent = *ent;
        d->seen[d->nseen++].skip = skip;
    }
    return skip;
}

/* Adds fuel record i of `r` to `d` under the series key its fuel maps to,
 * with its fossil CO2; biomass, gases made from counted coal and records
 * outside fuel combustion are left out. */
static void ser_derive_record(ser_series *s, ser_drv *d, const eng_result *r, size_t i, const char *file,
                              diag_list *dl)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, i);
    eng_line lines[GAS_COUNT];
    size_t nl = eng_lines(r, i, lines);
    if (nl == 0 || lines[0].chain || !lines[0].res || lines[0].res->biogenic || !cat_under(rec->category, "1.A"))
        return;
    const char *key = fs_canonical(eng_factor_order(r), rec->key);
    const fset_entry *ent;
    units_t u;
    if (ser_key_lookup(s, d, eng_factor_order(r), rec->key, key, &ent) || !inv_unit(inv, rec->unit_text, &u))
        return;
    const fset_value *coef;
    ser_basis basis = ser_record_basis(lines[0].res, key, ent, &u, &d->one, &coef);
    if (basis == SER_BASIS_NCV && ent && coef && lines[0].res->ncv.entry &&
        strcmp(ent->key, key) != 0)
        ser_note_ncv(s, key, ent, coef, inv_field_loc(inv, rec, INV_AT_KEY), dl);
    ser_energy *e = ser_drv_slot(s, d, ent ? ent->key : key, SER_FOSSIL, rec->unit_text, coef, rec->key);
    if (!e) {
        d->oom = true;
        return;
    }
    e->basis = basis;
    e->unit = u;
    e->amount += rec->amount;
    if (d->nrec[e - d->v]++ == 0) {
        e->at = e->fuel_at = e->unit_at = (src_loc){file, rec->at.line, rec->at.col};
        e->sce_set = ser_basis_set(basis, lines[0].res);
        e->co2_t = 0;
    }
    for (size_t k = 0; k < nl; k++)
        if (lines[k].gas == GAS_CO2 && !lines[k].memo)
            e->co2_t += lines[k].emission_t;
}

/* Adds quantity `q` of the inventory (a value in an energy unit) as an item
 * of fuel `fuel` and kind `kind`, at line and column of `at` in `file`. */
static void ser_derive_qty(ser_series *s, ser_drv *d, const char *fuel, ser_kind kind, double value,
                           const char *unit_text, src_loc at, const char *file, const char *from)
{
    units_t u;
    char msg[160];
    ser_energy *e = units_parse(unit_text, &u, msg, sizeof msg) == UNITS_OK
                        ? ser_drv_slot(s, d, fuel, kind, unit_text, NULL, from)
                        : NULL;
    if (!e) {
        d->oom = d->oom || units_parse(unit_text, &u, msg, sizeof msg) == UNITS_OK;
        return;
    }
    e->basis = SER_BASIS_COEFFICIENT;
    e->unit = u;
    e->amount += value;
    if (d->nrec[e - d->v]++ == 0)
        e->at = e->fuel_at = e->unit_at = (src_loc){file, at.line, at.col};
    e->co2_t = NAN;
}

/* The inventory's primary electricity (economy) and its net imports of
 * electricity and heat (indirect records with view: net_import). */
static void ser_derive_electricity(ser_series *s, ser_drv *d, const eng_result *r, const char *file)
{
    const inventory *inv = eng_inventory(r);
    const inv_quantity *pe = &inv->primary_electricity;
    if (pe->given)
        ser_derive_qty(s, d, "electricity", SER_PRIMARY_ELECTRICITY, pe->value, pe->unit_text, pe->at, file,
                       "economy: primary_electricity");
    for (size_t i = 0; i < inv->nind; i++) {
        const inv_indirect *x = &inv->ind[i];
        bool heat = strcmp(x->kind, "heat") == 0;
        if (x->net_import)
            ser_derive_qty(s, d, heat ? "heat" : "electricity", heat ? SER_HEAT : SER_NET_IMPORT_ELECTRICITY,
                           x->amount, x->unit_text, x->at, file, "indirect: view net_import");
    }
}

/* The source text of derived item i: the inventory file, how many records
 * of which key, and the basis when it is not the coefficient. */
static const char *ser_derived_source(ser_series *s, const ser_drv *d, size_t i, const char *file)
{
    static const char *const how[] = {"", ", at the NCV the inventory used", ", the amount in energy units"};
    const ser_energy *e = &d->v[i];
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    char buf[512];
    if (e->kind != SER_FOSSIL)
        snprintf(buf, sizeof buf, "derived from %s (%s)", base, d->from[i]);
    else
        snprintf(buf, sizeof buf, "derived from %s: %zu record%s of %s%s", base, d->nrec[i], d->nrec[i] == 1 ? "" : "s",
                 d->from[i], how[e->basis]);
    return pool_strdup(s->mem, buf);
}

/* Whether item `e` has the fuel and kind of one of the n items `w`. */
static bool ser_same_item(const ser_energy *e, const ser_energy *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].fuel && w[i].kind == e->kind && strcmp(w[i].fuel, e->fuel) == 0)
            return true;
    return false;
}

/* The written items of year `y` take the CO2 of the derived fossil items of
 * their fuel; the year's list becomes the derived items no written item
 * replaces (when the series derives), then the written ones. */
static bool ser_merge(ser_series *s, ser_year *y, const ser_drv *d)
{
    size_t nw = y->nwritten, keep = 0;
    for (size_t k = 0; k < nw; k++) {
        ser_energy *w = &y->energy[k];
        w->co2_t = NAN;
        for (size_t i = 0; w->fuel && i < d->n; i++)
            if (d->v[i].kind == SER_FOSSIL && w->kind == SER_FOSSIL && strcmp(d->v[i].fuel, w->fuel) == 0)
                w->co2_t = (isnan(w->co2_t) ? 0 : w->co2_t) + d->v[i].co2_t;
    }
    if (!s->derive_energy)
        return true;
    for (size_t i = 0; i < d->n; i++)
        keep += !ser_same_item(&d->v[i], y->energy, nw);
    ser_energy *all = pool_alloc(s->mem, (keep + nw ? keep + nw : 1) * sizeof *all);
    if (!all)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (!ser_same_item(&d->v[i], y->energy, nw))
            all[n++] = d->v[i];
    if (nw)
        memcpy(all + n, y->energy, nw * sizeof *all);
    y->energy = all;
    y->nenergy = n + nw;
    return true;
}

bool ser_derive_year(ser_series *s, size_t yi, const eng_result *r, diag_list *dl)
{
    ser_year *y = &s->years[yi];
    const char *file = y->inventory;
    size_t errs = diag_error_count(dl);
    ser_drv d = {.one = {.value = 1, .unit_text = "1", .ref = "the amount is an energy"}};
    units_parse("1", &d.one.unit, NULL, 0);
    const inventory *inv = eng_inventory(r);
    for (size_t i = 0; i < inv->n && !d.oom; i++)
        ser_derive_record(s, &d, r, i, file, dl);
    if (!d.oom)
        ser_derive_electricity(s, &d, r, file);
    for (size_t i = 0; i < d.n && !d.oom; i++) {
        ser_energy *e = &d.v[i];
        const char *set = e->sce_set;
        double co2_t = e->co2_t;
        ser_resolve_item(s, e, dl);
        e->co2_t = co2_t; /* ser_resolve_item clears it, for the written items */
        e->sce_set = set ? set : e->sce_set;
        e->source = ser_derived_source(s, &d, i, file);
        d.oom = !e->source;
    }
    bool ok = !d.oom && ser_merge(s, y, &d);
    free(d.v);
    free(d.orig);
    free(d.from);
    free(d.nrec);
    if (!ok)
        diag_error(dl, y->inventory_at, "out of memory while deriving the energy of %ld from its inventory", y->year);
    return ok && diag_error_count(dl) == errs;
}
