/* ser_resolve.c - a series' standard-coal coefficients: its factor sets searched for every energy item. */
#include <stdio.h>
#include <string.h>

#include "fsearch.h"
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

/* Finds the standard-coal coefficient of item `e` and the factor that turns
 * amount x coefficient into tce. */
static void ser_resolve_sce(ser_series *s, ser_energy *e, diag_list *dl)
{
    const fset_entry *ent = e->sce_override ? NULL : fs_first(s->fs, e->fuel, "sce");
    e->sce = e->sce_override ? e->sce_override : ent ? fset_entry_param(ent, "sce") : NULL;
    e->sce_set = e->sce_override ? "record" : ent ? ent->set->id : NULL;
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

/* Resolves every item of every year, then each year's final electricity. */
bool ser_resolve(ser_series *s, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    size_t errs = diag_error_count(dl);
    if (!ser_load_sets(s, db, dirs, ndirs, dl))
        return false;
    for (size_t i = 0; i < s->nyears && !diag_stop(dl, s->years[i].at, ""); i++) {
        ser_year *y = &s->years[i];
        for (size_t k = 0; k < y->nenergy && !diag_stop(dl, y->energy[k].at, ""); k++) {
            ser_energy *e = &y->energy[k];
            if (!e->fuel || !e->unit_text)
                continue;
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
        }
        if (y->has_final)
            ser_resolve_final(s, y, dl);
    }
    return diag_error_count(dl) == errs;
}
