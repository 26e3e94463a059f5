/* audit_consist.c - consistency rules: energy balances, generation and hours, unit class, intensity, year on year. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audit_int.h"

#define AC_GJ_PER_MWH 3.6 /* 1 MWh = 3.6 GJ (1 kWh = 3.6 MJ), as CETS-VG Table 15 writes "发电量x3.6" */

/* "unit 1#" in *buf. */
static void cs_unit_subject(const aud_unit *u, char *buf, size_t len)
{
    snprintf(buf, len, "unit %s", u->id ? u->id : "?");
}

/* The first row of `r` for this enterprise and unit class, or NULL. */
static const aud_row *cs_row_for_unit(const aud_ctx *c, const aud_rule *r, const aud_unit *u)
{
    for (size_t i = 0; i < r->nrows; i++)
        if (aud_row_for(&r->rows[i], c->rep) && aud_row_unit_class(&r->rows[i], u->cls))
            return &r->rows[i];
    return NULL;
}

/* (generation x 3.6 [+ heat supplied]) / fuel heat input of a unit, from
 * the recomputed fuel heat; NAN when it cannot be formed. */
static double cs_efficiency(const aud_ctx *c, const aud_unit *u, bool with_heat)
{
    if (!c->e->recomputed || !u->generation_mwh.given || !(u->calc.energy_gj > 0))
        return NAN;
    double out = u->generation_mwh.v * AC_GJ_PER_MWH + (with_heat && u->heat_gj.given ? u->heat_gj.v : 0);
    return out / u->calc.energy_gj;
}

/* Emits `r` for an efficiency `eff` of unit `u` at or above `limit`. */
static void cs_eff_emit(aud_ctx *c, const aud_rule *r, const aud_unit *u, double eff, double limit, const char *param)
{
    char s[160], detail[120];
    if (isnan(eff) || isnan(limit) || eff < limit)
        return;
    cs_unit_subject(u, s, sizeof s);
    snprintf(detail, sizeof detail, "fuel heat input %.0f GJ", u->calc.energy_gj);
    aud_fact f = aud_fact_at(u->generation_mwh.at, s, param, "ratio");
    f.declared = eff;
    f.high = limit;
    f.detail = detail;
    aud_emit(c, r, &f);
}

/* consistency.chp_efficiency: a CHP unit whose (generation x 3.6 + heat
 * supplied) / sum(fuel x NCV) is not below the threshold, 1 (CETS-VG Table 15). */
void aud_chk_chp(aud_ctx *c, const aud_rule *r)
{
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        if (un->product && strcmp(un->product, "chp") == 0)
            cs_eff_emit(c, r, un, cs_efficiency(c, un, true), r->threshold, "(generation x 3.6 + heat) / fuel heat");
    }
}

/* consistency.condensing_efficiency: a pure condensing unit of the row's
 * classes whose generation x 3.6 / sum(fuel x NCV) is not below the row's
 * high, 46 % (CETS-VG Table 15). */
void aud_chk_condensing(aud_ctx *c, const aud_rule *r)
{
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        const aud_row *w = cs_row_for_unit(c, r, un);
        if (w && un->product && strcmp(un->product, "condensing") == 0)
            cs_eff_emit(c, r, un, cs_efficiency(c, un, false), w->high, "generation x 3.6 / fuel heat");
    }
}

/* consistency.generation: generation other than capacity x running hours x
 * load factor beyond the threshold (CETS-VG Table 14). */
void aud_chk_generation(aud_ctx *c, const aud_rule *r)
{
    char s[160];
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        if (!un->generation_mwh.given || !un->capacity_mw.given || !un->running_h.given || !un->load_factor.given)
            continue;
        double expect = un->capacity_mw.v * un->running_h.v * un->load_factor.v; /* MW x h = MWh */
        if (aud_rel_diff(un->generation_mwh.v, expect) <= r->threshold)
            continue;
        cs_unit_subject(un, s, sizeof s);
        aud_fact f = aud_fact_at(un->generation_mwh.at, s, "generation (M) = capacity x hours (O) x load (P)", "MWh");
        f.declared = un->generation_mwh.v;
        f.verified = expect;
        aud_emit(c, r, &f);
    }
}

/* consistency.utilisation_hours: utilisation hours (declared, else
 * generation / capacity) not below the running hours (CETS-VG Table 16). */
void aud_chk_utilisation(aud_ctx *c, const aud_rule *r)
{
    char s[160];
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        bool derived = !un->utilisation_h.given;
        if (!un->running_h.given || (derived && !(un->generation_mwh.given && un->capacity_mw.v > 0)))
            continue;
        double util = derived ? un->generation_mwh.v / un->capacity_mw.v : un->utilisation_h.v;
        if (util < un->running_h.v)
            continue;
        cs_unit_subject(un, s, sizeof s);
        aud_fact f = aud_fact_at(derived ? un->generation_mwh.at : un->utilisation_h.at, s,
                                 derived ? "utilisation hours (generation / capacity)" : "utilisation hours", "h");
        f.declared = util;
        f.high = un->running_h.v;
        aud_emit(c, r, &f);
    }
}

/* consistency.running_hours: more running hours than the reporting year has. */
void aud_chk_running(aud_ctx *c, const aud_rule *r)
{
    char s[160];
    long y = c->rep->year;
    double hours = ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 8784 : 8760; /* 366 or 365 days x 24 h */
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        if (!un->running_h.given || un->running_h.v <= hours)
            continue;
        cs_unit_subject(un, s, sizeof s);
        aud_fact f = aud_fact_at(un->running_h.at, s, "running hours (O)", "h");
        f.declared = un->running_h.v;
        f.high = hours;
        aud_emit(c, r, &f);
    }
}

/* consistency.chp_class: a unit of the rows' classes registered as pure
 * condensing that supplied heat, which makes it a CHP unit (CETS-VG Table 3). */
void aud_chk_chp_class(aud_ctx *c, const aud_rule *r)
{
    char s[160];
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        if (!cs_row_for_unit(c, r, un) || !un->product || strcmp(un->product, "condensing") != 0 ||
            !un->heat_gj.given || !(un->heat_gj.v > 0))
            continue;
        cs_unit_subject(un, s, sizeof s);
        aud_fact f = aud_fact_at(un->product_at, s, "product class", "GJ");
        f.declared = un->heat_gj.v;
        aud_emit(c, r, &f);
    }
}

/* basic.unit_class: a coal unit class whose capacity is outside the row's
 * range (low inclusive, high exclusive): >= 400 MW for the 300 MW-and-above
 * class, below 400 MW for the other (CETS-VG Table 3). */
void aud_chk_unit_class(aud_ctx *c, const aud_rule *r)
{
    char s[160];
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        for (size_t i = 0; un->cls && un->capacity_mw.given && i < r->nrows; i++) {
            const aud_row *w = &r->rows[i];
            double x = un->capacity_mw.v;
            if (!w->nunit_classes || !aud_row_unit_class(w, un->cls) ||
                ((isnan(w->low) || x >= w->low) && (isnan(w->high) || x < w->high)))
                continue;
            char detail[120];
            cs_unit_subject(un, s, sizeof s);
            if (isnan(w->high))
                snprintf(detail, sizeof detail, "%s needs %g MW or more", un->cls, w->low);
            else if (isnan(w->low))
                snprintf(detail, sizeof detail, "%s needs less than %g MW", un->cls, w->high);
            else
                snprintf(detail, sizeof detail, "%s needs %g to less than %g MW", un->cls, w->low, w->high);
            aud_fact f = aud_fact_at(un->class_at, s, "unit class and capacity", "MW");
            f.declared = x;
            f.low = w->low;
            f.high = w->high;
            f.detail = detail;
            aud_emit(c, r, &f);
        }
    }
}

/* The enterprise's direct emissions (combustion + process): recomputed
 * when possible, else as declared. */
static double cs_direct(const aud_ctx *c)
{
    const aud_report *rep = c->rep;
    if (!c->e->recomputed)
        return (rep->total_combustion.given ? rep->total_combustion.v : 0) +
               (rep->total_process.given ? rep->total_process.v : 0);
    double t = 0;
    for (size_t u = 0; u < rep->nunits; u++)
        t += rep->units[u].calc.emission_t;
    for (size_t p = 0; p < rep->nproc; p++)
        t += rep->proc[p].calc.emission_t;
    return t;
}

/* The production figure `key` of a list, or NULL. */
static const aud_product *cs_product(const aud_product *list, size_t n, const char *key)
{
    for (size_t i = 0; key && i < n; i++)
        if (strcmp(list[i].key, key) == 0 && list[i].q.given)
            return &list[i];
    return NULL;
}

/* Emits consistency.intensity for `x` t CO2 per product unit against row `w`. */
static void cs_band(aud_ctx *c, const aud_rule *r, const aud_row *w, double x, src_loc at, const char *subject,
                    const char *unit)
{
    units_t from;
    units_parse(unit, &from, NULL, 0);
    double v = aud_convert(x, &from, &w->unit);
    if (isnan(v) || ((isnan(w->low) || v >= w->low) && (isnan(w->high) || v <= w->high)))
        return;
    aud_fact f = aud_fact_at(at, subject, w->product, w->unit_text);
    f.declared = v;
    f.low = w->low;
    f.high = w->high;
    f.detail = w->source;
    aud_emit(c, r, &f);
}

/* consistency.intensity: emissions per unit of product outside the row's
 * band: per MWh for each condensing unit of the row's classes, per tonne of
 * clinker, crude steel or ammonia for the enterprise. */
void aud_chk_intensity(aud_ctx *c, const aud_rule *r)
{
    char s[160];
    for (size_t i = 0; i < r->nrows; i++) {
        const aud_row *w = &r->rows[i];
        if (!w->product || !aud_row_for(w, c->rep))
            continue;
        if (strcmp(w->product, "generation") != 0) {
            const aud_product *p = cs_product(c->rep->products, c->rep->nproducts, w->product);
            if (p && p->q.v > 0)
                cs_band(c, r, w, cs_direct(c) / p->q.v, p->q.at, "enterprise", "t CO2/t");
            continue;
        }
        for (size_t u = 0; u < c->rep->nunits; u++) {
            const aud_unit *un = &c->rep->units[u];
            double t = c->e->recomputed ? un->calc.emission_t : un->emissions.v;
            if (!aud_row_unit_class(w, un->cls) || !un->product || strcmp(un->product, "condensing") != 0 ||
                !(un->generation_mwh.v > 0) || (!c->e->recomputed && !un->emissions.given))
                continue;
            cs_unit_subject(un, s, sizeof s);
            cs_band(c, r, w, t / un->generation_mwh.v, un->generation_mwh.at, s, "t CO2/MWh");
        }
    }
}

/* Emits a year-on-year finding: `cur` against `prev`, changed by more than
 * the threshold. */
static void cs_yoy(aud_ctx *c, const aud_rule *r, double cur, double prev, src_loc at, const char *param,
                   const char *unit)
{
    if (!(prev > 0) || isnan(cur) || aud_rel_diff(cur, prev) <= r->threshold)
        return;
    char detail[120];
    snprintf(detail, sizeof detail, "%+.2f %% from %ld", (cur - prev) / prev * 100, c->rep->prev_year);
    aud_fact f = aud_fact_at(at, "enterprise", param, unit);
    f.declared = cur;
    f.verified = prev;
    f.detail = detail;
    aud_emit(c, r, &f);
}

/* consistency.yoy: total emissions changed from the previous year by more
 * than the threshold (CETS-VG 3.4.1.3, report conclusion item 3). */
void aud_chk_yoy(aud_ctx *c, const aud_rule *r)
{
    const aud_report *rep = c->rep;
    if (!rep->prev_year || !rep->prev_total.given || !rep->total.given)
        return;
    cs_yoy(c, r, rep->total.v, rep->prev_total.v, rep->total.at, "total emissions", "t CO2");
}

/* consistency.yoy_intensity: emissions per unit of the first product both
 * years report changed by more than the threshold. */
void aud_chk_yoy_intensity(aud_ctx *c, const aud_rule *r)
{
    const aud_report *rep = c->rep;
    if (!rep->prev_year || !rep->prev_total.given || !rep->total.given)
        return;
    for (size_t i = 0; i < rep->nproducts; i++) {
        const aud_product *now = &rep->products[i];
        const aud_product *was = cs_product(rep->prev_products, rep->nprev, now->key);
        if (!was || !(now->q.v > 0) || !(was->q.v > 0))
            continue;
        char param[80], unit[40];
        snprintf(param, sizeof param, "emissions per unit of %s", now->key);
        snprintf(unit, sizeof unit, "t CO2/%s", now->unit);
        cs_yoy(c, r, rep->total.v / now->q.v, rep->prev_total.v / was->q.v, now->q.at, param, unit);
        return;
    }
}
