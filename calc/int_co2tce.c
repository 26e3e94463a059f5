/* int_co2tce.c - the consistency of a series' energy with its inventories' CO2: CO2 per tce by fuel and overall. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "intensity.h"

static const char *const int_group_names[SER_NGROUPS] = {"coal", "oil and gas", "fossil"};

/* Whether `ratio` lies in bound `b` widened by INT_CO2_TCE_MARGIN each
 * way; true when the sets give no range (nothing to compare with). */
bool int_co2_tce_fits(double ratio, const ser_bound *b)
{
    if (!(b->lo <= b->hi))
        return true;
    return ratio >= b->lo * (1 - INT_CO2_TCE_MARGIN) && ratio <= b->hi * (1 + INT_CO2_TCE_MARGIN);
}

/* "outside 2.48-2.99 t CO2/tce, the range of the coal fuels of the factor
 * sets (cleaned_coal 2.54 to coke 2.93, widened by 2 %)" into buf. */
static void int_bound_text(const ser_bound *b, ser_group g, char *buf, size_t len)
{
    snprintf(buf, len,
             "outside %.2f-%.2f t CO2/tce, the range of the %s fuels of the factor sets (%s %.2f to %s %.2f, "
             "widened by %g %%)",
             b->lo * (1 - INT_CO2_TCE_MARGIN), b->hi * (1 + INT_CO2_TCE_MARGIN), int_group_names[g], b->lo_fuel,
             b->lo, b->hi_fuel, b->hi, INT_CO2_TCE_MARGIN * 100);
}

/* Checks item `e` (derived on the coefficient, CO2 of its own records),
 * or the written items of its fuel together (from the first of them). */
static void int_check_item(const ser_series *s, const ser_year *y, size_t k, double rate, diag_list *dl)
{
    const ser_energy *e = &y->energy[k];
    if (e->kind != SER_FOSSIL || e->basis != SER_BASIS_COEFFICIENT || !(e->co2_t > 0))
        return;
    double tce = 0;
    for (size_t j = 0; j < y->nenergy; j++) {
        const ser_energy *w = &y->energy[j];
        bool group = !e->derived && !w->derived && w->kind == SER_FOSSIL && strcmp(w->fuel, e->fuel) == 0;
        if (group && j < k)
            return; /* checked with the first written item of the fuel */
        if (group || j == k)
            tce += int_item_tce(w, SER_CALORIFIC, rate);
    }
    ser_group g = e->coal ? SER_GROUP_COAL : SER_GROUP_OTHER;
    double ratio = e->co2_t / tce;
    if (!(tce > 0) || int_co2_tce_fits(ratio, &s->bound[g]))
        return;
    char range[300];
    int_bound_text(&s->bound[g], g, range, sizeof range);
    if (e->derived)
        diag_add(dl, DIAG_WARNING, e->at,
                 "'%s' of %ld (%s): %.2f t CO2 per tce (%.0f t CO2 over %.0f tce), %s: the records' NCV or CO2 "
                 "factor does not fit the GB/T 2589 coefficient of '%s'; give them the key of the fuel they are, "
                 "or their measured 'ncv:'",
                 e->fuel, y->year, e->source, ratio, e->co2_t, tce, range, e->fuel);
    else
        diag_add(dl, DIAG_WARNING, e->at,
                 "'%s' of %ld: %.2f t CO2 per tce (%.0f t CO2 of the inventory's records of this fuel over %.0f tce "
                 "written here), %s: the amount here and the inventory's records of the fuel do not agree; check "
                 "the amount and unit, or leave the item out so that the series derives it from the inventory",
                 e->fuel, y->year, ratio, e->co2_t, tce, range);
}

/* The year's fuel-combustion CO2 over its fossil energy. */
static void int_check_year(const ser_series *s, const ser_year *y, const int_year *o, diag_list *dl)
{
    const ser_bound *b = &s->bound[SER_GROUP_FOSSIL];
    double tce = o->mix_tce[SER_CALORIFIC][INT_MIX_COAL] + o->mix_tce[SER_CALORIFIC][INT_MIX_OTHER_FOSSIL];
    if (!(o->co2_t > 0) || !(b->lo <= b->hi))
        return;
    if (!(tce > 0)) {
        diag_add(dl, DIAG_WARNING, y->inventory_at,
                 "the inventory of %ld emits %.0f t CO2 from fuel combustion (1.A), but the year has no fossil "
                 "energy: give the fuels in 'energy:' or in the inventory",
                 y->year, o->co2_t);
        return;
    }
    double ratio = o->co2_t / tce;
    if (int_co2_tce_fits(ratio, b))
        return;
    char range[300];
    int_bound_text(b, SER_GROUP_FOSSIL, range, sizeof range);
    diag_add(dl, DIAG_WARNING, y->inventory_at,
             "the inventory of %ld emits %.2f t CO2 from fuel combustion (1.A) per tce of fossil energy in the "
             "series (%.0f t over %.0f tce), %s: a fuel is missing from the energy list, counted twice or in the "
             "wrong unit, or the inventory burns fuels the list leaves out",
             y->year, ratio, o->co2_t, tce, range);
}

void int_check_co2_per_tce(const int_result *r, diag_list *dl)
{
    const ser_series *s = r->s;
    for (size_t i = 0; i < s->nyears && !diag_full(dl); i++) {
        const ser_year *y = &s->years[i];
        for (size_t k = 0; k < y->nenergy; k++)
            int_check_item(s, y, k, r->years[i].coal_rate_gce_kwh, dl);
        int_check_year(s, y, &r->years[i], dl);
    }
}
