/* audit_recalc.c - turning a report's sources into engine records and reading the recomputed figures back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_int.h"
#include "nsum.h"
#include "pool.h"

#define RC_C_TO_CO2 (44.0 / 12.0) /* molar mass ratio CO2/C, as the guidelines write it (e.g. CETS-AG-03.01 Eq. 1) */
#define RC_KG_PER_T 1e3           /* kg / t */
#define RC_J_PER_TJ 1e12          /* J / TJ */
#define RC_J_PER_GJ 1e9           /* J / GJ */

/* The IPCC category a fuel of an industry is burnt in (IPCC 2006 Vol.2 Ch.2 Table 2.1). */
static const char *const rc_fuel_cat[AUD_NINDUSTRY] = {"1.A.1.a", "1.A.2.f", "1.A.2.a", "1.A.2.c", "1.A.2.m"};

/* Where each engine record came from. */
typedef struct {
    aud_row_kind kind;
    size_t unit, src;
    int month;
} rc_origin;

typedef struct {
    aud_enterprise *e;
    aud_report *rep;
    inventory *inv;
    rc_origin *orig;
    size_t cap;
    units_t tc_gj, one, t_co2_t, tc_t; /* "tC/GJ", "1", "t CO2/t", "tC/t", parsed once a report */
} rc_builder;

static const char *rc_intern(inventory *inv, const char *s) { return s ? pool_intern(inv->mem, s, strlen(s)) : NULL; }

/* A record-level override `name` = value [unit], citing the report. `u` is
 * `unit` parsed (NULL: parsed here); the report's units are parsed once,
 * when it is loaded, and "tC/GJ" once a report: a month record has three
 * overrides, and parsing their units was a fifth of the recomputation. */
static void rc_ovr(fset_param *p, uint8_t *n, const char *name, double v, const char *unit, const units_t *u,
                   src_loc at, const char *ref)
{
    fset_param *q = &p[(*n)++];
    q->name = name;
    memset(&q->v, 0, sizeof q->v);
    q->v.value = v;
    q->v.lower = q->v.upper = q->v.uncertainty_pct = NAN;
    q->v.unit_text = unit; /* the report's text (outlives the inventory) or a literal */
    if (u)
        q->v.unit = *u;
    else
        units_parse(unit, &q->v.unit, NULL, 0);
    q->v.ref = ref;
    q->v.at = at;
}

/* A new record for `o` (its unit `unit`, parsed as `u`), its origin noted; NULL when out of memory. */
static inv_record *rc_record(rc_builder *b, rc_origin o, const char *cat, const char *key, src_loc key_at,
                             const char *unit, const units_t *u, double amount, src_loc at)
{
    if (b->inv->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        rc_origin *q = realloc(b->orig, cap * sizeof *q);
        if (!q)
            return NULL;
        b->orig = q;
        b->cap = cap;
    }
    inv_record *r = inv_add(b->inv);
    if (!r)
        return NULL;
    b->orig[b->inv->n - 1] = o;
    r->category = rc_intern(b->inv, cat);
    r->key = rc_intern(b->inv, key);
    r->unit_text = rc_intern(b->inv, unit);
    if (!r->unit_text || !inv_unit_keep(b->inv, r->unit_text, u)) /* parsed when the report was loaded */
        return NULL;
    r->amount = amount;
    r->at = (inv_pos){at.line, at.col};
    if (!inv_set_field(b->inv, r, INV_AT_UNIT, r->at) || !inv_set_field(b->inv, r, INV_AT_AMOUNT, r->at) ||
        !inv_set_field(b->inv, r, INV_AT_KEY, (inv_pos){key_at.line, key_at.col}))
        return NULL;
    return r;
}

/* The NCV a month is computed with: the month's, else the year's declared
 * one; NULL (the factor set's default) when neither is given or the month
 * says not measured. */
static const aud_num *rc_month_ncv(const aud_fuel *f, const aud_month *m)
{
    if (m && m->ncv.given)
        return &m->ncv;
    if ((m && m->ncv_how == AUD_NOT_MEASURED) || (!m && f->ncv_how == AUD_NOT_MEASURED))
        return NULL;
    return f->ncv.given ? &f->ncv : NULL;
}

/* The carbon content of a month (the month's, or the year's when the fuel
 * has no months); NULL when not measured. */
static const aud_num *rc_month_carbon(const aud_fuel *f, const aud_month *m)
{
    if (m)
        return m->carbon.given && m->carbon_how != AUD_NOT_MEASURED ? &m->carbon : NULL;
    return f->carbon.given && f->carbon_how != AUD_NOT_MEASURED ? &f->carbon : NULL;
}

/* Adds the record of fuel `f` for month `m` (NULL: the whole year). The
 * carbon per unit heat is the carbon content over the NCV (annex C.3 D = B/C),
 * else the declared D, else the factor set's default. */
static bool rc_fuel_record(rc_builder *b, size_t ui, size_t fi, const aud_month *m, diag_list *dl)
{
    const aud_fuel *f = &b->rep->units[ui].fuels[fi];
    const aud_num *amt = m ? &m->amount : &f->amount, *ncv = rc_month_ncv(f, m), *c = rc_month_carbon(f, m);
    rc_origin o = {AUD_ROW_FUEL, ui, fi, m ? m->month : 0};
    inv_record *r = rc_record(b, o, rc_fuel_cat[b->rep->industry], f->fuel, f->fuel_at, f->unit_text, &f->unit,
                              amt->given ? amt->v : 0, amt->given ? amt->at : (m ? m->at : f->at));
    fset_param *p = pool_alloc(b->inv->mem, 3 * sizeof *p);
    if (!r || !p)
        return false;
    r->ovr = p;
    r->not_estimated = (1u << GAS_CH4) | (1u << GAS_N2O); /* the enterprise guidelines count CO2 only */
    r->feedstock_excluded = true;                         /* reports give combustion apart from feedstock */
    if (ncv)
        rc_ovr(p, &r->novr, "ncv", ncv->v, f->ncv_unit_text, &f->ncv_unit, ncv->at, "report: NCV (C)");
    if (c && !ncv) {
        diag_error(dl, c->at,
                   "the carbon content of '%s' is given without an NCV: give the NCV of the month or "
                   "of the year ('ncv'), so that the carbon per unit heat (D = B/C) can be formed",
                   f->id);
        return false;
    }
    if (c) {
        double d = c->v * f->carbon_unit.scale / (ncv->v * f->ncv_unit.scale) / b->tc_gj.scale;
        rc_ovr(p, &r->novr, "carbon_content", d, "tC/GJ", &b->tc_gj, c->at, "report: carbon content / NCV (B/C)");
    } else if (f->carbon_per_heat.given)
        rc_ovr(p, &r->novr, "carbon_content", f->carbon_per_heat.v, "tC/GJ", &b->tc_gj, f->carbon_per_heat.at,
               "report: carbon per unit heat (D)");
    if (f->oxidation.given)
        rc_ovr(p, &r->novr, "oxidation", f->oxidation.v, "1", &b->one, f->oxidation.at, "report: oxidation (E)");
    return true;
}

/* The CO2 factor of a clinker source from its CaO and MgO contents
 * (IPCC 2006 Vol.3 Ch.2 Eq. 2.4, with MgO likewise), t CO2/t clinker. */
static double rc_clinker_ef(const aud_process *p)
{
    double cao = p->cao.v - (p->cao_nc.given ? p->cao_nc.v : 0);
    double mgo = p->mgo.given ? p->mgo.v - (p->mgo_nc.given ? p->mgo_nc.v : 0) : 0;
    return cao * (AUD_M_CO2 / AUD_M_CAO) + mgo * (AUD_M_CO2 / AUD_M_MGO);
}

/* Adds the record of process source `pi` (product method). */
static bool rc_process_record(rc_builder *b, size_t pi)
{
    const aud_process *p = &b->rep->proc[pi];
    rc_origin o = {AUD_ROW_PROCESS, 0, pi, 0};
    inv_record *r =
        rc_record(b, o, p->category, p->material, p->kind_at, p->unit_text, &p->unit, p->amount.v, p->amount.at);
    fset_param *q = pool_alloc(b->inv->mem, 2 * sizeof *q);
    if (!r || !q)
        return false;
    r->ovr = q;
    r->removal = p->output ? 1 : 0;
    if (!strcmp(p->kind, "clinker") && p->cao.given)
        rc_ovr(q, &r->novr, "co2", rc_clinker_ef(p), "t CO2/t", &b->t_co2_t, p->cao.at,
               "report: CaO and MgO of clinker");
    else if (!strcmp(p->kind, "raw_meal") && p->toc.given)
        rc_ovr(q, &r->novr, "co2", p->toc.v, "tC/t", &b->tc_t, p->toc.at, "report: organic carbon of raw meal");
    else if (!strcmp(p->kind, "co2_recovered"))
        rc_ovr(q, &r->novr, "co2", 1.0, "t CO2/t", &b->t_co2_t, p->at, "recovered CO2 is CO2");
    else if (p->ef.given)
        rc_ovr(q, &r->novr, "co2", p->ef.v, p->ef_unit_text, &p->ef_unit, p->ef.at, "report: emission factor");
    if (p->purity.given)
        rc_ovr(q, &r->novr, "fraction", p->purity.v, "1", &b->one, p->purity.at, "report: purity");
    return true;
}

/* The purchased and exported energy as the engine's indirect records: the
 * factor sets give the factor of the reporting year (a heat item without
 * a set entry takes the report's factor). */
static bool rc_indirect(rc_builder *b)
{
    const aud_report *rep = b->rep;
    if (!rep->nenergy)
        return true;
    inventory *inv = b->inv;
    inv->ind = pool_alloc(inv->mem, rep->nenergy * sizeof *inv->ind);
    if (!inv->ind)
        return false;
    for (size_t i = 0; i < rep->nenergy; i++) {
        const aud_energy *a = &rep->energy[i];
        inv_indirect *d = &inv->ind[inv->nind++];
        d->kind = a->kind ? a->kind : "electricity";
        d->grid = a->grid;
        d->amount = a->amount.v;
        d->unit_text = rc_intern(inv, a->unit_text);
        d->at = a->at;
        d->amount_at = a->amount.at;
        if (strcmp(d->kind, "heat") == 0 && a->factor.given) {
            fset_param *p = pool_alloc(inv->mem, sizeof *p);
            if (!p)
                return false;
            uint8_t n = 0;
            rc_ovr(p, &n, "co2", a->factor.v, a->factor_unit_text, &a->factor_unit, a->factor.at,
                   "report: heat factor");
            d->ovr = p;
            d->novr = n;
        }
    }
    return true;
}

/* The inventory a report becomes. */
static bool rc_build(rc_builder *b, diag_list *dl)
{
    aud_report *rep = b->rep;
    inventory *inv = b->inv;
    inv->id = rep->id;
    inv->year = rep->year;
    inv->set_names = rep->set_names;
    inv->set_at = rep->set_at;
    inv->nsets = rep->nsets;
    bool ok = true;
    for (size_t u = 0; u < rep->nunits; u++)
        for (size_t f = 0; f < rep->units[u].nfuels; f++) {
            const aud_fuel *fu = &rep->units[u].fuels[f];
            if (!fu->nmonths)
                ok = rc_fuel_record(b, u, f, NULL, dl) && ok;
            for (size_t m = 0; m < fu->nmonths; m++)
                ok = rc_fuel_record(b, u, f, &fu->months[m], dl) && ok;
        }
    for (size_t p = 0; p < rep->nproc; p++)
        ok = rc_process_record(b, p) && ok;
    return rc_indirect(b) && ok;
}

/* Sums the CO2 lines of fuel `f` into its aud_calc (with the meter's
 * conservative adjustment per month) and adds a calculation row for each. */
static void rc_read_line(rc_builder *b, size_t i, const eng_line *l)
{
    const rc_origin *o = &b->orig[i];
    aud_enterprise *e = b->e;
    aud_calc *c;
    const aud_meter *m;
    if (o->kind == AUD_ROW_FUEL) {
        aud_fuel *f = &b->rep->units[o->unit].fuels[o->src];
        c = &f->calc;
        m = &f->meter;
        c->energy_gj += l->energy_tj * (RC_J_PER_TJ / RC_J_PER_GJ);
        c->oxidation = l->oxidation;
    } else {
        c = &b->rep->proc[o->src].calc;
        m = &b->rep->proc[o->src].meter;
    }
    double adj = aud_meter_factor(m, o->month, false);
    if (!c->nrows)
        c->first_row = e->nrows;
    c->nrows++;
    c->ok = true;
    c->amount += l->amount;
    c->emission_t += l->emission_t;
    c->conservative_amount += l->amount * adj;
    c->conservative_t += l->emission_t * adj;
    e->rows[e->nrows++] = (aud_calc_row){o->kind, o->unit, o->src, o->month, i, *l};
}

/* The year's consumption-weighted NCV, carbon content and carbon per unit
 * heat of a fuel, from the energy and CO2 the engine computed. */
static void rc_fuel_means(aud_fuel *f)
{
    aud_calc *c = &f->calc;
    c->ncv = c->carbon = c->carbon_per_heat = NAN;
    if (!(c->amount > 0))
        return;
    double base_amount = c->amount * f->unit.scale; /* kg or m3 */
    double carbon_kg = c->emission_t / RC_C_TO_CO2 / (c->oxidation > 0 ? c->oxidation : 1) * RC_KG_PER_T;
    c->ncv = c->energy_gj * RC_J_PER_GJ / base_amount / f->ncv_unit.scale;
    c->carbon = carbon_kg / base_amount / f->carbon_unit.scale;
    if (c->energy_gj > 0)
        c->carbon_per_heat = carbon_kg / RC_KG_PER_T / c->energy_gj; /* t C/GJ */
}

/* The unit totals, the production after the meters' adjustment, the process
 * factors and the purchased energy, once the lines are read. */
static void rc_totals(rc_builder *b, const eng_result *r)
{
    aud_report *rep = b->rep;
    for (size_t u = 0; u < rep->nunits; u++) {
        aud_unit *un = &rep->units[u];
        un->calc.ok = true;
        for (size_t f = 0; f < un->nfuels; f++) {
            aud_fuel *fu = &un->fuels[f];
            rc_fuel_means(fu);
            un->calc.ok = un->calc.ok && fu->calc.ok;
            un->calc.emission_t += fu->calc.emission_t;
            un->calc.energy_gj += fu->calc.energy_gj;
            un->calc.conservative_t += fu->calc.conservative_t;
        }
        un->calc.generation_mwh = un->generation_mwh.v * aud_meter_factor(&un->generation_meter, 0, true);
        un->calc.heat_gj = un->heat_gj.v * aud_meter_factor(&un->heat_meter, 0, true);
    }
    for (size_t p = 0; p < rep->nproc; p++) { /* t CO2 per t of a mass, else per unit of the amount */
        aud_calc *c = &rep->proc[p].calc;
        double per = units_is(&rep->proc[p].unit, UNITS_DIM_MASS) ? rep->proc[p].unit.scale / RC_KG_PER_T : 1;
        c->ef = c->amount != 0 ? fabs(c->emission_t) / (c->amount * per) : NAN;
    }
    const eng_indirect_line *ind;
    size_t n = eng_indirect(r, &ind);
    for (size_t i = 0; i < n && i < rep->nenergy; i++) {
        aud_calc *c = &rep->energy[i].calc;
        double sign = rep->energy[i].exported ? -1.0 : 1.0;
        c->ok = true;
        c->amount = ind[i].amount;
        c->ef = aud_convert(ind[i].ef_value, &ind[i].ef.v->unit, &rep->energy[i].factor_unit);
        c->emission_t = sign * ind[i].emission_t;
        c->conservative_t = c->emission_t;
    }
}

/* The enterprise totals: combustion + process (+ purchased - exported energy
 * when the report counts it in its total). */
static void rc_enterprise(aud_enterprise *e)
{
    const aud_report *rep = e->rep;
    nsum rec = {0}, cons = {0}, decl = {0};
    for (size_t u = 0; u < rep->nunits; u++) {
        nsum_add(&rec, rep->units[u].calc.emission_t);
        nsum_add(&cons, rep->units[u].calc.conservative_t);
    }
    for (size_t p = 0; p < rep->nproc; p++) {
        nsum_add(&rec, rep->proc[p].calc.emission_t);
        nsum_add(&cons, rep->proc[p].calc.conservative_t);
    }
    for (size_t i = 0; rep->total_indirect.given && i < rep->nenergy; i++) {
        nsum_add(&rec, rep->energy[i].calc.emission_t);
        nsum_add(&cons, rep->energy[i].calc.emission_t);
    }
    const aud_num *parts[] = {&rep->total_combustion, &rep->total_process, &rep->total_indirect};
    for (size_t i = 0; i < 3; i++)
        if (parts[i]->given)
            nsum_add(&decl, parts[i]->v);
    e->recomputed_t = nsum_value(&rec);
    e->conservative_t = nsum_value(&cons);
    e->declared_t = rep->total.given ? rep->total.v : nsum_value(&decl);
}

bool aud_recompute(aud_enterprise *e, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    rc_builder b = {.e = e, .rep = e->rep};
    units_parse("tC/GJ", &b.tc_gj, NULL, 0);
    units_parse("1", &b.one, NULL, 0);
    units_parse("t CO2/t", &b.t_co2_t, NULL, 0);
    units_parse("tC/t", &b.tc_t, NULL, 0);
    if (!(b.inv = e->inv = inv_new(e->rep->path)))
        return false;
    size_t errs = diag_error_count(dl);
    if (!rc_build(&b, dl) || diag_error_count(dl) != errs) {
        free(b.orig);
        return false;
    }
    const char *all[64];
    size_t n = 0;
    char buf[16][1024];
    const char *slash = strrchr(e->rep->path, '/');
    for (size_t i = 0; i < e->rep->ndirs && n < 16; i++, n++) {
        const char *d = e->rep->factor_dirs[i];
        if (d[0] != '/' && slash)
            snprintf(buf[n], sizeof buf[n], "%.*s/%s", (int)(slash - e->rep->path), e->rep->path, d);
        else
            snprintf(buf[n], sizeof buf[n], "%s", d);
        all[n] = buf[n];
    }
    for (size_t i = 0; i < ndirs && n < 64; i++)
        all[n++] = dirs[i];
    e->eng = eng_run(b.inv, db, all, n, dl, NULL);
    if (e->eng && (e->rows = calloc(b.inv->n ? b.inv->n : 1, sizeof *e->rows))) {
        for (size_t i = 0; i < b.inv->n; i++) {
            eng_line lines[GAS_COUNT];
            size_t k = eng_lines(e->eng, i, lines);
            for (size_t j = 0; j < k; j++)
                if (lines[j].gas == GAS_CO2)
                    rc_read_line(&b, i, &lines[j]);
        }
        rc_totals(&b, e->eng);
        rc_enterprise(e);
    }
    free(b.orig);
    return e->eng && e->rows;
}
