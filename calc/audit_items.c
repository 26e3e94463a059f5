/* audit_items.c - the verifier's results table: every reported data item beside its verified value. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_int.h"

typedef struct {
    const aud_enterprise *e;
    double tol;
    aud_item *items;
    size_t n, cap;
} it_list;

/* The rule of the first finding at `at`, or NULL. */
static const char *it_reason(const aud_enterprise *e, src_loc at)
{
    for (size_t i = 0; at.line && i < e->nfind; i++)
        if (e->find[i].at.line == at.line && e->find[i].at.col == at.col)
            return e->find[i].rule_id;
    return NULL;
}

/* Adds one item: the reported value `d` (absent: NAN) and the verified `v`. */
static void it_add(it_list *L, const char *table, const char *code, const char *subject, const char *param,
                   const char *unit, const aud_num *d, double v)
{
    if (L->n == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 32;
        aud_item *q = realloc(L->items, cap * sizeof *q);
        if (!q)
            return;
        L->items = q;
        L->cap = cap;
    }
    aud_item *it = &L->items[L->n++];
    memset(it, 0, sizeof *it);
    it->table = table;
    it->code = code;
    snprintf(it->subject, sizeof it->subject, "%s", subject);
    it->parameter = param;
    it->unit = unit;
    it->reported = d->given ? d->v : NAN;
    it->verified = v;
    it->at = d->at;
    it->consistent = isnan(it->reported) || isnan(v) || aud_rel_diff(it->reported, v) <= L->tol;
    it->reason = it_reason(L->e, d->at);
}

/* The items of one fuel (annex C.3 A-F). */
static void it_fuel(it_list *L, const aud_unit *u, const aud_fuel *f)
{
    char s[96];
    const aud_calc *c = &f->calc;
    bool ok = L->e->recomputed && c->ok;
    aud_fuel_subject(u, f, s, sizeof s);
    it_add(L, "C.3", "A", s, "consumption", f->unit_text, &f->amount, ok ? c->conservative_amount : NAN);
    it_add(L, "C.3", "B", s, "carbon content", f->carbon_unit_text, &f->carbon, ok ? c->carbon : NAN);
    it_add(L, "C.3", "C", s, "NCV", f->ncv_unit_text, &f->ncv, ok ? c->ncv : NAN);
    it_add(L, "C.3", "D", s, "carbon per unit heat", "tC/GJ", &f->carbon_per_heat, ok ? c->carbon_per_heat : NAN);
    it_add(L, "C.3", "E", s, "oxidation rate", "fraction", &f->oxidation, ok ? c->oxidation : NAN);
    it_add(L, "C.3", "F", s, "fuel combustion emissions", "t CO2", &f->emissions, ok ? c->conservative_t : NAN);
}

/* The items of one unit (annex C.4 M-Q) after its fuels. */
static void it_unit(it_list *L, const aud_unit *u)
{
    char s[96];
    for (size_t f = 0; f < u->nfuels; f++)
        it_fuel(L, u, &u->fuels[f]);
    snprintf(s, sizeof s, "unit %s", u->id ? u->id : "?");
    bool ok = L->e->recomputed;
    double lf =
        u->capacity_mw.v > 0 && u->running_h.v > 0 ? u->calc.generation_mwh / (u->capacity_mw.v * u->running_h.v) : NAN;
    it_add(L, "C.4", "M", s, "generation", "MWh", &u->generation_mwh, ok ? u->calc.generation_mwh : NAN);
    it_add(L, "C.4", "N", s, "heat supplied", "GJ", &u->heat_gj, ok ? u->calc.heat_gj : NAN);
    it_add(L, "C.4", "O", s, "running hours", "h", &u->running_h, u->running_h.v);
    it_add(L, "C.4", "P", s, "load factor", "fraction", &u->load_factor, lf);
    it_add(L, "C.4", "Q", s, "unit emissions", "t CO2", &u->emissions, ok ? u->calc.conservative_t : NAN);
}

/* The process sources, purchased energy and totals. */
static void it_rest(it_list *L)
{
    const aud_report *rep = L->e->rep;
    bool ok = L->e->recomputed;
    char s[96];
    for (size_t p = 0; p < rep->nproc; p++) {
        const aud_process *pr = &rep->proc[p];
        aud_num em = pr->emissions;
        em.v = fabs(em.v);
        snprintf(s, sizeof s, "process %s (%s)", pr->id ? pr->id : pr->material, pr->kind);
        it_add(L, "process", "", s, "amount", pr->unit_text, &pr->amount, ok ? pr->calc.conservative_amount : NAN);
        it_add(L, "process", "", s, "emissions", "t CO2", &em, ok ? fabs(pr->calc.conservative_t) : NAN);
    }
    for (size_t i = 0; i < rep->nenergy; i++) {
        const aud_energy *en = &rep->energy[i];
        snprintf(s, sizeof s, "%s %s", en->exported ? "exported" : "purchased", en->kind ? en->kind : "?");
        it_add(L, "energy", "", s, "emission factor", en->factor_unit_text, &en->factor, ok ? en->calc.ef : NAN);
        it_add(L, "energy", "", s, "emissions", "t CO2", &en->emissions, ok ? fabs(en->calc.emission_t) : NAN);
    }
    double comb = 0, proc = 0, ind = 0;
    for (size_t u = 0; u < rep->nunits; u++)
        comb += rep->units[u].calc.conservative_t;
    for (size_t p = 0; p < rep->nproc; p++)
        proc += rep->proc[p].calc.conservative_t;
    for (size_t i = 0; i < rep->nenergy; i++)
        ind += rep->energy[i].calc.emission_t;
    it_add(L, "totals", "", "totals", "combustion emissions", "t CO2", &rep->total_combustion, ok ? comb : NAN);
    it_add(L, "totals", "", "totals", "process emissions", "t CO2", &rep->total_process, ok ? proc : NAN);
    it_add(L, "totals", "", "totals", "indirect emissions", "t CO2", &rep->total_indirect, ok ? ind : NAN);
    it_add(L, "totals", "", "totals", "total emissions", "t CO2", &rep->total, ok ? L->e->conservative_t : NAN);
}

size_t aud_items(const aud_enterprise *e, double tol, aud_item **out)
{
    it_list L = {e, tol, NULL, 0, 0};
    *out = NULL;
    if (!e->rep)
        return 0;
    for (size_t u = 0; u < e->rep->nunits; u++)
        it_unit(&L, &e->rep->units[u]);
    it_rest(&L);
    *out = L.items;
    return L.n;
}
