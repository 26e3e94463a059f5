/* prj_plan.c - binding each scenario to the lines: drivers, the entry that governs each line, mix groups, measures,
 * energy items. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "pool.h"
#include "prj_bind.h"

static const char *const pp_builtin[3] = {"gdp", "population", "coal_rate"};

/* n zeroed elements of `size` from the model's pool; sets *ok false when out of memory. */
static void *pp_alloc(prj_model *m, size_t n, size_t size, bool *ok)
{
    void *p = pool_alloc(m->mem, (n ? n : 1) * size);
    if (!p)
        *ok = false;
    return p;
}

/* ---------------------------------------------------------------- drivers */

/* The base values of GDP, population and coal rate: the series' base year,
 * else the inventory's economy block, else 1 (an index) and 0 for the rate. */
static void pp_builtin_bases(const prj_model *m, double base[3])
{
    const inventory *inv = eng_inventory(m->in.base);
    const ser_year *y = m->series_base;
    units_t to;
    double f;
    base[0] = base[1] = 1;
    base[2] = 0;
    if (y) {
        base[0] = int_real_gdp_1e4_yuan(y);
        base[1] = y->population.value * y->population_factor;
        base[2] = y->coal_rate.value * y->coal_rate_factor;
        return;
    }
    if (inv->gdp.given && units_parse("10^4 yuan", &to, NULL, 0) == UNITS_OK && units_factor(&inv->gdp.unit, &to, &f))
        base[0] = inv->gdp.value * f;
    if (inv->population.given && units_parse("person", &to, NULL, 0) == UNITS_OK &&
        units_factor(&inv->population.unit, &to, &f))
        base[1] = inv->population.value * f;
}

/* gdp, population, coal_rate (the scenario's or NULL), then the scenario's own drivers. */
static bool pp_drivers(prj_model *m, prj_plan *p)
{
    const prj_scenario *sc = p->sc;
    bool ok = true;
    p->driver = pp_alloc(m, 3 + sc->ndrivers, sizeof *p->driver, &ok);
    p->driver_base = pp_alloc(m, 3 + sc->ndrivers, sizeof *p->driver_base, &ok);
    if (!ok)
        return false;
    pp_builtin_bases(m, p->driver_base);
    p->ndrivers = 3;
    for (size_t i = 0; i < sc->ndrivers; i++) {
        const prj_driver *d = sc->drivers[i];
        size_t k = 3;
        for (size_t b = 0; b < 3; b++)
            if (strcmp(d->name, pp_builtin[b]) == 0)
                k = b;
        if (k == 3) {
            k = p->ndrivers++;
            p->driver_base[k] = 1;
        }
        p->driver[k] = d;
    }
    return true;
}

/* The index of driver `name` in the plan (it exists: the loader checked). */
static size_t pp_driver_at(const prj_plan *p, const char *name)
{
    for (size_t k = 0; k < 3; k++)
        if (strcmp(name, pp_builtin[k]) == 0)
            return k;
    for (size_t k = 3; k < p->ndrivers; k++)
        if (strcmp(name, p->driver[k]->name) == 0)
            return k;
    return 0;
}

/* ---------------------------------------------------------------- governing entries */

/* Whether an entry of kind `k` may act on line `l`. */
static bool pp_eligible(prj_entry_kind k, const prj_line *l)
{
    if (k == PRJ_E_EF)
        return true; /* emission factors act on project lines too */
    if (l->project != PRJ_NONE)
        return false;
    if (k == PRJ_E_EFFICIENCY)
        return l->kind == PRJ_L_COMBUSTION || l->kind == PRJ_L_INDIRECT;
    return k == PRJ_E_ACTIVITY;
}

/* The entry of kind `k` (for ef: of gas `g`) that governs line `li`: the
 * most specific that selects it, the later on a tie; PRJ_NONE when none. */
static size_t pp_govern(const prj_model *m, const prj_plan *p, prj_entry_kind k, size_t li, gas_id g)
{
    const prj_line *l = &m->lines[li];
    size_t best = PRJ_NONE, score = 0;
    if (!pp_eligible(k, l))
        return PRJ_NONE;
    for (size_t i = 0; i < p->sc->nentry[k]; i++) {
        const prj_entry *e = p->sc->entry[k][i];
        if (!pb_matches(&e->sel, l) || (k == PRJ_E_EF && e->gas != GAS_COUNT && e->gas != g))
            continue;
        size_t s = 2 * pb_specificity(&e->sel) + (e->gas != GAS_COUNT);
        if (best == PRJ_NONE || s >= score) {
            best = i;
            score = s;
        }
    }
    return best;
}

/* Reports (once) every entry of kind `k` that selects no eligible line. */
static void pp_check_selects(pb_ctx *c, const prj_plan *p, prj_entry_kind k)
{
    const prj_model *m = c->m;
    for (size_t i = 0; i < p->sc->nentry[k]; i++) {
        const prj_entry *e = p->sc->entry[k][i];
        bool any = false;
        for (size_t li = 0; li < m->nlines && !any; li++)
            any = pb_matches(&e->sel, &m->lines[li]) &&
                  (k == PRJ_E_MIX ? m->lines[li].kind == PRJ_L_COMBUSTION && m->lines[li].project == PRJ_NONE
                                  : pp_eligible(k, &m->lines[li]));
        if (!any && pb_first_use(c, e))
            diag_error(c->dl, e->at,
                       "%s entry '%s' selects no line of the base inventory%s: check its category and "
                       "fuel",
                       prj_entry_kind_name(k), e->id,
                       k == PRJ_E_EFFICIENCY ? " that burns fuel or buys energy"
                       : k == PRJ_E_MIX      ? " that burns fuel"
                                             : "");
    }
}

/* The governing activity, efficiency and ef entries of every line. */
static bool pp_governance(pb_ctx *c, prj_plan *p)
{
    prj_model *m = c->m;
    bool ok = true;
    p->act = pp_alloc(m, m->nlines, sizeof *p->act, &ok);
    p->eff = pp_alloc(m, m->nlines, sizeof *p->eff, &ok);
    p->ef = pp_alloc(m, m->nlines * GAS_COUNT, sizeof *p->ef, &ok);
    if (!ok)
        return false;
    for (size_t li = 0; li < m->nlines; li++) {
        p->act[li] = pp_govern(m, p, PRJ_E_ACTIVITY, li, GAS_COUNT);
        p->eff[li] = pp_govern(m, p, PRJ_E_EFFICIENCY, li, GAS_COUNT);
        for (int g = 0; g < GAS_COUNT; g++)
            p->ef[li * GAS_COUNT + g] = pp_govern(m, p, PRJ_E_EF, li, (gas_id)g);
    }
    pp_check_selects(c, p, PRJ_E_ACTIVITY);
    pp_check_selects(c, p, PRJ_E_EFFICIENCY);
    pp_check_selects(c, p, PRJ_E_EF);
    return true;
}

/* Each activity entry's drivers, and for absolute paths the base amount of
 * the lines it governs in its unit. */
static bool pp_activity(pb_ctx *c, prj_plan *p)
{
    prj_model *m = c->m;
    size_t ne = p->sc->nentry[PRJ_E_ACTIVITY];
    bool ok = true;
    p->act_drivers = pp_alloc(m, ne, sizeof *p->act_drivers, &ok);
    p->act_base = pp_alloc(m, ne, sizeof *p->act_base, &ok);
    for (size_t i = 0; ok && i < ne; i++) {
        const prj_entry *e = p->sc->entry[PRJ_E_ACTIVITY][i];
        p->act_drivers[i] = pp_alloc(m, e->ndrivers, sizeof **p->act_drivers, &ok);
        for (size_t k = 0; ok && k < e->ndrivers; k++)
            p->act_drivers[i][k] = pp_driver_at(p, e->drivers[k]);
        for (size_t li = 0; ok && e->unit_text && li < m->nlines; li++) {
            double f;
            if (p->act[li] != i)
                continue;
            if (units_factor(&m->lines[li].unit, &e->unit, &f))
                p->act_base[i] += m->lines[li].amount0 * f;
            else if (pb_first_use(c, &e->unit))
                diag_error(c->dl, e->at,
                           "activity entry '%s' gives amounts in '%s', but the record at line %u is in "
                           "'%s': give the path in a unit both convert to, or as an index (no unit)",
                           e->id, e->unit_text, m->lines[li].at.line, m->lines[li].unit_text);
        }
        if (ok && e->unit_text && !(p->act_base[i] > 0) && pb_first_use(c, &e->unit))
            diag_error(c->dl, e->at,
                       "activity entry '%s' gives amounts, but the lines it governs have no base "
                       "amount above 0 to start from: give the path as an index (no unit)",
                       e->id);
    }
    return ok;
}

/* For absolute ef paths: the factor from the path's unit to each governed
 * line's factor unit. */
static bool pp_ef_scale(pb_ctx *c, prj_plan *p)
{
    prj_model *m = c->m;
    bool ok = true;
    p->ef_scale = pp_alloc(m, m->nlines * GAS_COUNT, sizeof *p->ef_scale, &ok);
    for (size_t li = 0; ok && li < m->nlines; li++)
        for (int g = 0; g < GAS_COUNT; g++) {
            size_t k = p->ef[li * GAS_COUNT + g];
            const prj_line *l = &m->lines[li];
            if (k == PRJ_NONE || !(l->gases & (1u << g)) || !p->sc->entry[PRJ_E_EF][k]->unit_text)
                continue;
            const prj_entry *e = p->sc->entry[PRJ_E_EF][k];
            if (!units_factor(&e->unit, &l->ef_unit[g], &p->ef_scale[li * GAS_COUNT + g]) && pb_first_use(c, &e->unit))
                diag_error(c->dl, e->at,
                           "ef entry '%s' gives factors in '%s', which does not convert into the unit "
                           "of the %s factor of the record at line %u",
                           e->id, e->unit_text, gas_name((gas_id)g), l->at.line);
        }
    return ok;
}

/* ---------------------------------------------------------------- mix groups */

/* Base energy of the group of mix entry `e` and of its named fuels. */
static void pp_mix_energy(const prj_model *m, const prj_entry *e, double *group, double *named)
{
    *group = *named = 0;
    for (size_t li = 0; li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        if (l->kind != PRJ_L_COMBUSTION || l->project != PRJ_NONE || !cat_under(l->category, e->sel.category))
            continue;
        *group += l->energy0_tj;
        if (pb_matches(&e->sel, l))
            *named += l->energy0_tj;
    }
}

/* Every mix entry's group (combustion lines under its category), its named
 * fuels and their base share; groups must not overlap. */
static bool pp_mix(pb_ctx *c, prj_plan *p)
{
    prj_model *m = c->m;
    size_t ne = p->sc->nentry[PRJ_E_MIX];
    bool ok = true;
    p->mix = pp_alloc(m, m->nlines, sizeof *p->mix, &ok);
    p->mix_named = pp_alloc(m, m->nlines, sizeof *p->mix_named, &ok);
    p->mix_p0 = pp_alloc(m, ne, sizeof *p->mix_p0, &ok);
    for (size_t li = 0; ok && li < m->nlines; li++)
        p->mix[li] = PRJ_NONE;
    for (size_t i = 0; ok && i < ne; i++) {
        const prj_entry *e = p->sc->entry[PRJ_E_MIX][i];
        double group, named;
        pp_mix_energy(m, e, &group, &named);
        p->mix_p0[i] = group > 0 ? named / group : 0;
        if ((group > 0 && (named == 0 || named == group)) && pb_first_use(c, &e->path))
            diag_error(c->dl, e->at, "mix entry '%s': %s in the base year, so no share can move between them", e->id,
                       named == 0 ? "the named fuels have no energy" : "no other fuel of the group has energy");
        for (size_t li = 0; li < m->nlines; li++) {
            const prj_line *l = &m->lines[li];
            if (l->kind != PRJ_L_COMBUSTION || l->project != PRJ_NONE || !cat_under(l->category, e->sel.category))
                continue;
            if (p->mix[li] != PRJ_NONE && pb_first_use(c, &e->limit))
                diag_error(c->dl, e->at,
                           "mix entry '%s' overlaps mix entry '%s' (both hold the record at line %u): "
                           "mix groups must not overlap",
                           e->id, p->sc->entry[PRJ_E_MIX][p->mix[li]]->id, l->at.line);
            p->mix[li] = i;
            p->mix_named[li] = pb_matches(&e->sel, l);
        }
    }
    p->mix_first = pp_alloc(m, ne + 1, sizeof *p->mix_first, &ok);
    p->mix_line = pp_alloc(m, m->nlines, sizeof *p->mix_line, &ok);
    for (size_t i = 0, n = 0; ok && i < ne; i++) {
        p->mix_first[i] = n;
        for (size_t li = 0; li < m->nlines; li++)
            if (p->mix[li] == i)
                p->mix_line[n++] = li;
        p->mix_first[i + 1] = n;
    }
    if (ok)
        pp_check_selects(c, p, PRJ_E_MIX);
    return ok;
}

/* ---------------------------------------------------------------- measures */

/* The receiving lines of `to: {fuel: electricity}`: the base inventory's
 * purchased electricity, weighted within each view, per TJ added. */
static bool pp_to_elec(pb_ctx *c, prj_bmeasure *b)
{
    prj_model *m = c->m;
    double view[2] = {0, 0};
    bool ok = true;
    b->to = pp_alloc(m, m->nlines, sizeof *b->to, &ok);
    b->to_w = pp_alloc(m, m->nlines, sizeof *b->to_w, &ok);
    for (size_t li = 0; ok && li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        if (l->kind == PRJ_L_INDIRECT && l->project == PRJ_NONE && strcmp(l->key, "electricity") == 0 &&
            l->energy0_tj > 0) {
            b->to[b->nto++] = li;
            view[l->net_import] += l->amount0;
        }
    }
    for (size_t i = 0; ok && i < b->nto; i++) {
        const prj_line *l = &m->lines[b->to[i]];
        b->to_w[i] = l->amount0 / view[l->net_import] * (l->amount0 / l->energy0_tj);
    }
    if (ok && b->nto == 0)
        diag_error(c->dl, b->m->at,
                   "measure '%s' switches to electricity, which needs a purchased-electricity record "
                   "('indirect:' with an energy amount) in the base inventory: its grid factor prices the added "
                   "electricity",
                   b->m->id);
    return ok;
}

/* The receiving lines of `to: {fuel: F}`: base combustion lines of F under
 * the measure's category, weighted by base energy. */
static bool pp_to_fuel(pb_ctx *c, prj_bmeasure *b)
{
    prj_model *m = c->m;
    const prj_measure *me = b->m;
    double total = 0;
    bool ok = true;
    b->to = pp_alloc(m, m->nlines, sizeof *b->to, &ok);
    b->to_w = pp_alloc(m, m->nlines, sizeof *b->to_w, &ok);
    for (size_t li = 0; ok && li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        if (l->kind == PRJ_L_COMBUSTION && l->project == PRJ_NONE && cat_under(l->category, me->sel.category) &&
            (strcmp(l->key, me->to_fuel) == 0 || strcmp(l->ipcc_key, me->to_fuel) == 0) && l->energy0_tj > 0) {
            b->to[b->nto++] = li;
            total += l->energy0_tj;
        }
    }
    for (size_t i = 0; ok && i < b->nto; i++)
        b->to_w[i] = m->lines[b->to[i]].energy0_tj / total;
    if (ok && b->nto == 0)
        diag_error(c->dl, me->at,
                   "measure '%s' switches to '%s', but no record under %s burns it in the base year: "
                   "its emissions per TJ come from such a record",
                   me->id, me->to_fuel, me->sel.category);
    return ok;
}

/* The quantity an amount is taken from: energy (TJ per amount unit, from
 * the lines' base energy per amount) or the lines' own amounts. */
static void pp_amount_scale(pb_ctx *c, prj_bmeasure *b)
{
    prj_model *m = c->m;
    const prj_measure *me = b->m;
    units_t tj = units_tj();
    double e0 = 0, a0 = 0, f;
    if (b->by_energy && units_factor(&me->amount_unit, &tj, &b->amount_scale))
        return;
    b->amount_scale = 1;
    for (size_t i = 0; i < b->nlines; i++) {
        const prj_line *l = &m->lines[b->lines[i]];
        if (!units_factor(&l->unit, &me->amount_unit, &f)) {
            diag_error(c->dl, me->at,
                       "measure '%s' gives an amount in '%s', which the record at line %u (in '%s') "
                       "does not convert to",
                       me->id, me->amount_unit_text, l->at.line, l->unit_text);
            return;
        }
        b->qconv[i] = b->by_energy ? 1 : f;
        e0 += l->energy0_tj;
        a0 += l->amount0 * f;
    }
    if (b->by_energy)
        b->amount_scale = a0 > 0 ? e0 / a0 : 0;
}

/* The selected lines of a switch, retire or capture (capture: lines with fossil CO2). */
static bool pp_measure_lines(pb_ctx *c, prj_bmeasure *b)
{
    prj_model *m = c->m;
    const prj_measure *me = b->m;
    bool ok = true;
    b->lines = pp_alloc(m, m->nlines, sizeof *b->lines, &ok);
    b->qconv = pp_alloc(m, m->nlines, sizeof *b->qconv, &ok);
    b->by_energy = true;
    for (size_t li = 0; ok && li < m->nlines; li++) {
        const prj_line *l = &m->lines[li];
        bool co2 = (l->gases & (1u << GAS_CO2)) && !(l->memo & (1u << GAS_CO2));
        if (l->kind == PRJ_L_INDIRECT || !pb_matches(&me->sel, l) || (me->type == PRJ_M_CAPTURE && !co2))
            continue;
        b->qconv[b->nlines] = 1;
        b->lines[b->nlines++] = li;
        b->by_energy = b->by_energy && l->kind == PRJ_L_COMBUSTION;
    }
    if (ok && b->nlines == 0 && pb_first_use(c, me))
        diag_error(c->dl, me->at, "measure '%s' selects no line of the base inventory%s: check its category and fuel",
                   me->id, me->type == PRJ_M_CAPTURE ? " with fossil CO2" : "");
    return ok;
}

/* Binds measure j of plan `p`. */
static bool pp_measure(pb_ctx *c, prj_plan *p, size_t j)
{
    prj_model *m = c->m;
    prj_bmeasure *b = &p->meas[j];
    const prj_measure *me = p->sc->measures[j];
    bool ok = true;
    b->m = me;
    if (me->type == PRJ_M_PROJECT) {
        b->lines = pp_alloc(m, m->nlines, sizeof *b->lines, &ok);
        for (size_t li = 0; ok && li < m->nlines; li++)
            if (m->lines[li].project == me->project)
                b->lines[b->nlines++] = li;
        return ok;
    }
    if (!pp_measure_lines(c, b) || b->nlines == 0)
        return ok;
    if (me->type == PRJ_M_CAPTURE) {
        units_t t = units_tonne();
        units_factor(&me->amount_unit, &t, &b->amount_scale);
        return true;
    }
    if (me->amount != PRJ_NONE)
        pp_amount_scale(c, b);
    if (!me->to_fuel)
        return true;
    if (!b->by_energy) {
        diag_error(c->dl, me->at,
                   "measure '%s' switches to another fuel, so it must select fuel-combustion lines "
                   "only (category 1.A with a fuel)",
                   me->id);
        return true;
    }
    b->to_elec = strcmp(me->to_fuel, "electricity") == 0;
    return b->to_elec ? pp_to_elec(c, b) : pp_to_fuel(c, b);
}

/* ---------------------------------------------------------------- energy items */

/* The `energy` entry for item `it`, or NULL. */
static const prj_entry *pp_item_entry(const prj_plan *p, const ser_energy *it)
{
    for (size_t i = 0; i < p->sc->nentry[PRJ_E_ENERGY]; i++) {
        const prj_entry *e = p->sc->entry[PRJ_E_ENERGY][i];
        if (strcmp(e->fuel, it->fuel) == 0 && e->energy_kind == it->kind)
            return e;
    }
    return NULL;
}

/* Whether combustion line `l` burns the fuel of item `x`. */
static bool pp_burns(const prj_line *l, const prj_item *x)
{
    return l->kind == PRJ_L_COMBUSTION && (strcmp(l->key, x->item->fuel) == 0 || strcmp(l->key, x->ipcc_key) == 0 ||
                                           strcmp(l->ipcc_key, x->ipcc_key) == 0);
}

/* One item: its path or the lines that drive it. */
static bool pp_item(pb_ctx *c, prj_plan *p, prj_item *x, const ser_energy *it)
{
    prj_model *m = c->m;
    const ser_series *s = m->in.series;
    bool ok = true;
    x->item = it;
    x->ipcc_key = pb_ipcc_key((eng_order){s->order, s->norder}, it->fuel);
    x->path = pp_item_entry(p, it);
    x->path_scale = 1;
    if (x->path && x->path->unit_text && !units_factor(&x->path->unit, &it->unit, &x->path_scale) &&
        pb_first_use(c, &x->path->unit))
        diag_error(c->dl, x->path->at,
                   "energy entry '%s' is in '%s', which does not convert into '%s', the unit of "
                   "the series item",
                   x->path->id, x->path->unit_text, it->unit_text);
    units_t tj = units_tj();
    if (it->kind == SER_NET_IMPORT_ELECTRICITY)
        units_factor(&tj, &it->unit, &x->tj_to_amount);
    if (it->kind != SER_FOSSIL)
        return true;
    x->lines = pp_alloc(m, m->nlines, sizeof *x->lines, &ok);
    x->plines = pp_alloc(m, m->nlines, sizeof *x->plines, &ok);
    for (size_t li = 0; ok && li < m->nlines; li++) {
        if (!pp_burns(&m->lines[li], x))
            continue;
        if (m->lines[li].project == PRJ_NONE) {
            x->lines[x->nlines++] = li;
            x->base_tj += m->lines[li].energy0_tj;
        } else
            x->plines[x->nplines++] = li;
    }
    return ok;
}

/* The series' base-year energy items; energy entries must each name one. */
static bool pp_items(pb_ctx *c, prj_plan *p)
{
    prj_model *m = c->m;
    const ser_year *y = m->series_base;
    bool ok = true;
    for (size_t i = 0; i < p->sc->nentry[PRJ_E_ENERGY]; i++) {
        const prj_entry *e = p->sc->entry[PRJ_E_ENERGY][i];
        bool found = false;
        for (size_t k = 0; y && k < y->nenergy && !found; k++)
            found = strcmp(y->energy[k].fuel, e->fuel) == 0 && y->energy[k].kind == e->energy_kind;
        if (!found && pb_first_use(c, e))
            diag_error(c->dl, e->at,
                       y ? "energy entry '%s' names no item of the series' base year (fuel and kind)"
                         : "energy entry '%s' needs 'series:' under 'base:' (it drives a series item)",
                       e->id);
    }
    if (!y)
        return true;
    p->items = pp_alloc(m, y->nenergy, sizeof *p->items, &ok);
    for (size_t k = 0; ok && k < y->nenergy; k++)
        ok = pp_item(c, p, &p->items[k], &y->energy[k]);
    p->nitems = ok ? y->nenergy : 0;
    return ok;
}

/* ---------------------------------------------------------------- plans */

/* The whole plan of scenario `s`. */
static bool pp_plan(pb_ctx *c, size_t s)
{
    prj_model *m = c->m;
    prj_plan *p = &m->plans[s];
    bool ok = true;
    p->sc = &m->f->scen[s];
    p->meas = pp_alloc(m, p->sc->nmeasures, sizeof *p->meas, &ok);
    p->nmeas = p->sc->nmeasures;
    if (!ok || !pp_drivers(m, p) || !pp_governance(c, p) || !pp_activity(c, p) || !pp_ef_scale(c, p) || !pp_mix(c, p))
        return false;
    for (size_t j = 0; j < p->nmeas; j++)
        if (!pp_measure(c, p, j))
            return false;
    return pp_items(c, p);
}

bool pb_plans(pb_ctx *c)
{
    prj_model *m = c->m;
    pb_reset_seen(c);
    m->plans = pool_alloc(m->mem, (m->f->nscen ? m->f->nscen : 1) * sizeof *m->plans);
    if (!m->plans)
        return false;
    for (size_t s = 0; s < m->f->nscen; s++)
        if (!pp_plan(c, s))
            return false;
    return true;
}
