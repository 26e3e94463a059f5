/* ser_resolve.c - a series' standard-coal coefficients: its factor sets searched for every energy item. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fsearch.h"
#include "ser_internal.h"
#include "series.h"

/* Loads the named sets (china-energy when none are named) into the search
 * order, each followed by the sets it extends. */
static bool ser_load_sets(ser_series *s, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    static const char *const def[] = {"china-energy"};
    const src_loc def_at[] = {{s->path, 0, 0}};
    s->fs = fs_new();
    if (!s->fs)
        return false;
    if (s->nsets)
        fs_load(s->fs, db, s->set_names, s->set_at, s->nsets, s->path, dirs, ndirs, dl);
    else
        fs_load(s->fs, db, def, def_at, 1, s->path, dirs, ndirs, dl);
    s->order = fs_sets(s->fs);
    s->norder = fs_count(s->fs);
    return s->norder > 0;
}

/* The entry that gives `key` (a key or its Chinese name) its standard-coal
 * coefficient: the key's own `sce`, else the first entry in search order
 * that names the key as its `ipcc_fuel` and has one (other_bituminous_coal
 * -> raw_coal, gas_diesel_oil -> diesel). NULL when there is none. */
const fset_entry *ser_sce_entry(const ser_series *s, const char *key)
{
    const char *k = fs_canonical(s->fs, key);
    const fset_entry *own = fs_first(s->fs, k, "sce");
    for (size_t i = 0; !own && i < s->norder; i++)
        for (size_t j = 0; !own && j < s->order[i]->n; j++) {
            const fset_entry *e = &s->order[i]->entries[j];
            if (e->same_as && strcmp(e->same_as, k) == 0 && fset_entry_param(e, "sce"))
                own = e;
        }
    return own;
}

/* Finds the standard-coal coefficient of item `e` and the factor that turns
 * amount x coefficient into tce; the item takes the key of the entry that
 * gives it (a Chinese name or an IPCC key becomes the series key). */
static void ser_resolve_sce(ser_series *s, ser_energy *e, diag_list *dl)
{
    const fset_entry *ent = e->sce_override ? NULL : ser_sce_entry(s, e->fuel);
    e->sce = e->sce_override ? e->sce_override : ent ? fset_entry_param(ent, "sce") : NULL;
    e->sce_set = e->sce_override ? "record" : ent ? ent->set->id : NULL;
    e->fuel = ent ? ent->key : fs_canonical(s->fs, e->fuel);
    if (!e->sce) {
        char sets[512];
        fs_text(s->fs, sets, sizeof sets);
        diag_error(dl, e->fuel_at,
                   "no standard-coal coefficient (sce) for '%s' in the factor sets searched (%s): "
                   "use a fuel key that has one (ghgcalc factors show KEY --set %s), or give the item "
                   "'sce: {value, unit, source}'",
                   e->fuel, sets, s->norder ? s->order[0]->id : "china-energy");
        return;
    }
    units_t tce, prod = units_mul(&e->unit, &e->sce->unit);
    units_parse("tce", &tce, NULL, 0);
    if (!units_factor(&prod, &tce, &e->sce_factor))
        diag_error(dl, e->unit_at,
                   "an amount in '%s' times the standard-coal coefficient of '%s' (%g %s) is not "
                   "an energy: give the amount in what the coefficient is per (t for kgce/kg, m3 for kgce/m3, kWh "
                   "for kgce/kWh)",
                   e->unit_text, e->fuel, e->sce->value, e->sce->unit_text);
}

/* For electricity: the factor that turns amount x coal rate (gce/kWh) into
 * tce; the amount must be an energy. */
static void ser_resolve_rate(ser_energy *e, diag_list *dl)
{
    units_t rate, tce, prod;
    units_parse("gce/kWh", &rate, NULL, 0);
    units_parse("tce", &tce, NULL, 0);
    prod = units_mul(&e->unit, &rate);
    if (!units_factor(&prod, &tce, &e->rate_factor))
        diag_error(dl, e->unit_at,
                   "electricity must be given as an energy, such as 10^8 kWh, 10^4 kWh or GWh, "
                   "not '%s'",
                   e->unit_text);
}

/* Resolves the final-energy electricity of year `y` at the sce of
 * `electricity`. */
static void ser_resolve_final(ser_series *s, ser_year *y, diag_list *dl)
{
    const fset_entry *ent = fs_first(s->fs, "electricity", "sce");
    y->final_elec_sce = ent ? fset_entry_param(ent, "sce") : NULL;
    if (!y->final_elec_sce) {
        diag_error(dl, y->final_electricity.at,
                   "final_energy needs the standard-coal coefficient of "
                   "'electricity', which none of the series' factor_sets gives: add china-energy to factor_sets");
        return;
    }
    units_t tce, prod = units_mul(&y->final_electricity.unit, &y->final_elec_sce->unit);
    units_parse("tce", &tce, NULL, 0);
    if (!units_factor(&prod, &tce, &y->final_elec_sce_factor))
        diag_error(dl, y->final_electricity.unit_at, "final electricity in '%s' times %s does not give an energy",
                   y->final_electricity.unit_text, y->final_elec_sce->unit_text);
}

/* Resolves item `e`: for electricity the coal-rate factor, then its
 * coefficient (its key made the series key), and whether it is coal. */
void ser_resolve_item(ser_series *s, ser_energy *e, diag_list *dl)
{
    bool elec = e->kind == SER_PRIMARY_ELECTRICITY || e->kind == SER_NET_IMPORT_ELECTRICITY;
    size_t before = diag_error_count(dl);
    if (elec)
        ser_resolve_rate(e, dl);
    if (diag_error_count(dl) == before)
        ser_resolve_sce(s, e, dl); /* after the more specific message for electricity */
    if (!elec && strcmp(e->fuel, "electricity") == 0)
        diag_error(dl, e->at,
                   "electricity cannot be of kind '%s': use primary_electricity or "
                   "net_import_electricity",
                   ser_kind_name(e->kind));
    const fset_entry *m = fs_first(s->fs, e->fuel, NULL);
    e->coal = e->kind == SER_FOSSIL && (ser_is_coal_key(e->fuel) || (m && ser_is_coal_key(m->same_as)));
    e->co2_t = NAN;
}

/* Resolves every item of every year, then each year's final electricity,
 * and the CO2 per tce of the sets' fuels. */
bool ser_resolve(ser_series *s, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    size_t errs = diag_error_count(dl);
    if (!ser_load_sets(s, db, dirs, ndirs, dl))
        return false;
    for (size_t i = 0; i < s->nyears && !diag_stop(dl, s->years[i].at, ""); i++) {
        ser_year *y = &s->years[i];
        for (size_t k = 0; k < y->nenergy && !diag_stop(dl, y->energy[k].at, ""); k++)
            if (y->energy[k].fuel && y->energy[k].unit_text)
                ser_resolve_item(s, &y->energy[k], dl);
        if (y->has_final)
            ser_resolve_final(s, y, dl);
    }
    ser_bounds(s);
    return diag_error_count(dl) == errs;
}

/* Tonnes of CO2 per TJ of fuel `key` burnt in 1.A, as the engine takes it
 * from the series' sets: the `co2` factor or the `carbon_content` x 44/12
 * (the earlier set wins, the factor on a tie) x the `oxidation` of the same
 * set (1 without one, IPCC 2006 Vol.2 Ch.1 1.4.2.1). NAN when the sets give
 * none, or one not in mass per energy. */
static double ser_co2_t_per_tj(const ser_series *s, const char *key)
{
    fs_hit ef = fs_find(s->fs, key, "1.A", "co2", NULL, NULL);
    fs_hit cc = fs_find(s->fs, key, "1.A", "carbon_content", NULL, NULL);
    if (ef.v && cc.v && fs_rank(s->fs, fs_hit_set(&cc)) >= fs_rank(s->fs, fs_hit_set(&ef)))
        cc.v = NULL;
    fs_hit h = cc.v ? cc : ef;
    if (!h.v)
        return NAN;
    units_t u = h.v->unit;
    u.dim[UNITS_DIM_MASS]--;
    u.dim[UNITS_DIM_ENERGY]++;
    if (!units_is_dimensionless(&u))
        return NAN;
    fs_hit ox = fs_find(s->fs, key, "1.A", "oxidation", NULL, h.entry->set);
    double oxidation = ox.v ? ox.v->value * ox.v->unit.scale : 1.0;
    /* kg/J (SI) x 10^12 J/TJ / 10^3 kg/t; carbon x 44/12 (molar masses of CO2 and C) */
    return h.v->value * h.v->unit.scale * 1e12 / 1e3 * (cc.v ? 44.0 / 12.0 : 1.0) * oxidation;
}

/* The CO2 per tce of fuel entry `e` (with an `sce` per mass or volume):
 * NCV x EF / sce, for a tonne or a cubic metre; NAN when the sets lack the
 * NCV or the EF in that basis. */
static double ser_co2_per_tce(const ser_series *s, const fset_entry *e)
{
    const fset_value *sce = fset_entry_param(e, "sce");
    units_t amount, tj, tce;
    units_parse("TJ", &tj, NULL, 0);
    units_parse("tce", &tce, NULL, 0);
    static const char *const per[] = {"t", "m3"};
    for (size_t i = 0; i < 2; i++) {
        units_parse(per[i], &amount, NULL, 0);
        units_t en = units_mul(&amount, &sce->unit);
        double to_tce, to_tj;
        if (!units_is(&en, UNITS_DIM_ENERGY) || !units_factor(&en, &tce, &to_tce))
            continue;
        fs_hit ncv = fs_find(s->fs, e->key, "1.A", "ncv", &amount, NULL);
        units_t ncv_en = ncv.v ? units_mul(&amount, &ncv.v->unit) : en;
        if (!ncv.v || !units_factor(&ncv_en, &tj, &to_tj))
            return NAN;
        return ncv.v->value * to_tj * ser_co2_t_per_tj(s, e->key) / (sce->value * to_tce);
    }
    return NAN;
}

/* Widens bound `b` to ratio `r` of fuel `key`. */
static void ser_bound_add(ser_bound *b, double r, const char *key)
{
    if (!(r < b->lo) && !(r > b->hi))
        return;
    if (r < b->lo) {
        b->lo = r;
        b->lo_fuel = key;
    }
    if (r > b->hi) {
        b->hi = r;
        b->hi_fuel = key;
    }
}

/* Every key of the order with an `sce` per mass or volume that is fossil
 * and no derived gas: its CO2 per tce widens its group (coal or other) and
 * the fossil range. */
void ser_bounds(ser_series *s)
{
    for (int g = 0; g < SER_NGROUPS; g++)
        s->bound[g] = (ser_bound){INFINITY, -INFINITY, NULL, NULL};
    const char *const *keys;
    size_t n = fs_keys(s->fs, &keys);
    for (size_t i = 0; i < n; i++) {
        const fset_entry *e = fs_first(s->fs, keys[i], "sce");
        const char *same = e ? fs_same_as(s->fs, e->key) : NULL;
        if (!e || fs_biogenic(s->fs, e->key) == 1 || ser_is_derived_gas(e->key) || ser_is_derived_gas(same))
            continue;
        double r = ser_co2_per_tce(s, e);
        if (!isfinite(r))
            continue;
        bool coal = ser_is_coal_key(e->key) || ser_is_coal_key(same);
        ser_bound_add(&s->bound[coal ? SER_GROUP_COAL : SER_GROUP_OTHER], r, e->key);
        ser_bound_add(&s->bound[SER_GROUP_FOSSIL], r, e->key);
    }
}
