/* audit_rules.c - the rule table and the rules on arithmetic: recomputation, sums, unit slips, basic data,
 * completeness. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audit_int.h"

#define AR_KG_PER_T 1e3 /* kg / t */

/* What a rule compares: a declared figure and the figure it should equal. */
typedef enum { AR_SOURCE, AR_TOTAL, AR_AMOUNT } ar_level;

typedef struct {
    ar_level level;
    src_loc at;
    char subject[160];
    const char *parameter, *unit;
    double declared, verified;
} ar_pair;

typedef void (*ar_fn)(aud_ctx *c, const aud_rule *r, const ar_pair *p);

static void ar_call(aud_ctx *c, const aud_rule *r, ar_fn fn, ar_level lv, const aud_num *d, double v,
                    const char *subject, const char *param, const char *unit)
{
    if (!d->given || isnan(v))
        return;
    ar_pair p = {lv, d->at, "", param, unit, d->v, v};
    snprintf(p.subject, sizeof p.subject, "%s", subject);
    fn(c, r, &p);
}

/* Amount x factor in t CO2 (the units decide the conversion); NAN when they
 * do not multiply to a mass. */
static double ar_times_factor(double amount, const units_t *unit, double factor, const units_t *funit)
{
    units_t prod = units_mul(unit, funit);
    return units_is(&prod, UNITS_DIM_MASS) ? amount * factor * prod.scale / AR_KG_PER_T : NAN;
}

/* Every declared emission figure with its recomputed value: fuels (C.3 F),
 * units (C.4 Q), process sources, purchased and exported energy, totals. */
static void ar_each_recomputed(aud_ctx *c, const aud_rule *r, ar_fn fn)
{
    const aud_report *rep = c->rep;
    char s[160];
    if (!c->e->recomputed)
        return;
    for (size_t u = 0; u < rep->nunits; u++) {
        const aud_unit *un = &rep->units[u];
        for (size_t f = 0; f < un->nfuels; f++) {
            aud_fuel_subject(un, &un->fuels[f], s, sizeof s);
            ar_call(c, r, fn, AR_SOURCE, &un->fuels[f].emissions, un->fuels[f].calc.emission_t, s, "emissions (F)",
                    "t CO2");
        }
        snprintf(s, sizeof s, "unit %s", un->id ? un->id : "?");
        ar_call(c, r, fn, AR_SOURCE, &un->emissions, un->calc.emission_t, s, "unit emissions (Q)", "t CO2");
    }
    for (size_t p = 0; p < rep->nproc; p++) {
        const aud_process *pr = &rep->proc[p];
        snprintf(s, sizeof s, "process %s (%s)", pr->id ? pr->id : pr->material, pr->kind);
        aud_num d = pr->emissions;
        d.v = fabs(d.v);
        ar_call(c, r, fn, AR_SOURCE, &d, fabs(pr->calc.emission_t), s, "process emissions", "t CO2");
    }
    for (size_t i = 0; i < rep->nenergy; i++) {
        const aud_energy *en = &rep->energy[i];
        double v = en->factor.given ? ar_times_factor(en->amount.v, &en->unit, en->factor.v, &en->factor_unit)
                                    : fabs(en->calc.emission_t);
        snprintf(s, sizeof s, "%s %s", en->exported ? "exported" : "purchased", en->kind ? en->kind : "?");
        ar_call(c, r, fn, AR_SOURCE, &en->emissions, v, s, "indirect emissions", "t CO2");
    }
    double comb = 0, proc = 0, ind = 0;
    for (size_t u = 0; u < rep->nunits; u++)
        comb += rep->units[u].calc.emission_t;
    for (size_t p = 0; p < rep->nproc; p++)
        proc += rep->proc[p].calc.emission_t;
    for (size_t i = 0; i < rep->nenergy; i++)
        ind += rep->energy[i].calc.emission_t;
    ar_call(c, r, fn, AR_TOTAL, &rep->total_combustion, comb, "totals", "combustion emissions", "t CO2");
    ar_call(c, r, fn, AR_TOTAL, &rep->total_process, proc, "totals", "process emissions", "t CO2");
    ar_call(c, r, fn, AR_TOTAL, &rep->total_indirect, ind, "totals", "indirect emissions", "t CO2");
    ar_call(c, r, fn, AR_TOTAL, &rep->total, c->e->recomputed_t, "totals", "total emissions", "t CO2");
}

/* Each fuel's declared annual amount (C.3 A) against the sum of its months. */
static void ar_each_month_sum(aud_ctx *c, const aud_rule *r, ar_fn fn)
{
    char s[160];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t f = 0; f < c->rep->units[u].nfuels; f++) {
            const aud_fuel *fu = &c->rep->units[u].fuels[f];
            double sum = 0;
            for (size_t m = 0; m < fu->nmonths; m++)
                sum += fu->months[m].amount.given ? fu->months[m].amount.v : 0;
            aud_fuel_subject(&c->rep->units[u], fu, s, sizeof s);
            if (fu->nmonths)
                ar_call(c, r, fn, AR_AMOUNT, &fu->amount, sum, s, "consumption (A)", fu->unit_text);
        }
}

/* The power of ten (3, 4, -3, -4) by which `d` is `v` slipped, or 0. */
static int ar_slip_power(double d, double v, double tol)
{
    static const int powers[] = {3, 4, -3, -4}; /* x1000 (t vs kg), x10^4 (10^4 t, 10^4 Nm3) */
    if (d == 0 || v == 0 || isnan(d) || isnan(v) || isnan(tol))
        return 0;
    for (size_t i = 0; i < sizeof powers / sizeof *powers; i++)
        if (aud_rel_diff(d / pow(10, powers[i]), v) <= tol)
            return powers[i];
    return 0;
}

/* The unit-slip tolerance: the data.unit_slip rule's threshold; NAN (no
 * figure counts as a slip) when the rules file has no such rule. */
static double ar_slip_tol(const aud_ctx *c)
{
    const aud_rule *s = aud_rule_find(c->rs, "data.unit_slip");
    return s ? s->threshold : NAN;
}

/* The tolerance of a rule: its threshold, else the run's. */
static double ar_tol(const aud_ctx *c, const aud_rule *r) { return !isnan(r->threshold) ? r->threshold : c->tol; }

/* recompute.source and recompute.total: a declared figure off its
 * recomputed value by more than the tolerance (and not by a unit slip). */
static void ar_recompute_pair(aud_ctx *c, const aud_rule *r, const ar_pair *p)
{
    bool total = strcmp(r->id, "recompute.total") == 0;
    if ((p->level == AR_TOTAL) != total || aud_rel_diff(p->declared, p->verified) <= ar_tol(c, r) ||
        ar_slip_power(p->declared, p->verified, ar_slip_tol(c)))
        return;
    aud_fact f = aud_fact_at(p->at, p->subject, p->parameter, p->unit);
    f.declared = p->declared;
    f.verified = p->verified;
    aud_emit(c, r, &f);
}

static void ar_recompute(aud_ctx *c, const aud_rule *r) { ar_each_recomputed(c, r, ar_recompute_pair); }

/* data.unit_slip: a declared figure that is its recomputed or summed value
 * times 1000 or 10^4 (or divided by them). */
static void ar_slip_pair(aud_ctx *c, const aud_rule *r, const ar_pair *p)
{
    int k = ar_slip_power(p->declared, p->verified, ar_slip_tol(c));
    if (!k)
        return;
    char detail[64];
    snprintf(detail, sizeof detail, "10^%d", k);
    aud_fact f = aud_fact_at(p->at, p->subject, p->parameter, p->unit);
    f.declared = p->declared;
    f.verified = p->verified;
    f.detail = detail;
    aud_emit(c, r, &f);
}

static void ar_slip(aud_ctx *c, const aud_rule *r)
{
    ar_each_recomputed(c, r, ar_slip_pair);
    ar_each_month_sum(c, r, ar_slip_pair);
}

/* sum.months: a fuel's annual amount that is not the sum of its months. */
static void ar_months_pair(aud_ctx *c, const aud_rule *r, const ar_pair *p)
{
    if (aud_rel_diff(p->declared, p->verified) <= ar_tol(c, r) ||
        ar_slip_power(p->declared, p->verified, ar_slip_tol(c)))
        return;
    aud_fact f = aud_fact_at(p->at, p->subject, p->parameter, p->unit);
    f.declared = p->declared;
    f.verified = p->verified;
    aud_emit(c, r, &f);
}

static void ar_month_sums(aud_ctx *c, const aud_rule *r) { ar_each_month_sum(c, r, ar_months_pair); }

/* Fires rule `r` when declared total `d` is not `sum` of the declared parts. */
static void ar_sum_check(aud_ctx *c, const aud_rule *r, const aud_num *d, double sum, bool complete,
                         const char *subject, const char *param)
{
    if (!d->given || !complete || aud_rel_diff(d->v, sum) <= ar_tol(c, r) || ar_slip_power(d->v, sum, ar_slip_tol(c)))
        return;
    aud_fact f = aud_fact_at(d->at, subject, param, "t CO2");
    f.declared = d->v;
    f.verified = sum;
    aud_emit(c, r, &f);
}

/* sum.total: declared totals that are not the sum of their declared parts
 * (unit Q = sum of its fuels' F; totals = sum of units, sources, items). */
static void ar_sums(aud_ctx *c, const aud_rule *r)
{
    const aud_report *rep = c->rep;
    double comb = 0, proc = 0, ind = 0;
    bool comb_ok = rep->nunits > 0, proc_ok = true, ind_ok = true;
    char s[160];
    for (size_t u = 0; u < rep->nunits; u++) {
        const aud_unit *un = &rep->units[u];
        double q = 0;
        bool ok = un->nfuels > 0;
        for (size_t f = 0; f < un->nfuels; f++) {
            ok = ok && un->fuels[f].emissions.given;
            q += un->fuels[f].emissions.v;
        }
        snprintf(s, sizeof s, "unit %s", un->id ? un->id : "?");
        ar_sum_check(c, r, &un->emissions, q, ok, s, "unit emissions (Q) = sum of F");
        comb_ok = comb_ok && (un->emissions.given || ok);
        comb += un->emissions.given ? un->emissions.v : q;
    }
    for (size_t p = 0; p < rep->nproc; p++) {
        proc_ok = proc_ok && rep->proc[p].emissions.given;
        proc += fabs(rep->proc[p].emissions.v) * (rep->proc[p].output ? -1 : 1);
    }
    for (size_t i = 0; i < rep->nenergy; i++) {
        ind_ok = ind_ok && rep->energy[i].emissions.given;
        ind += fabs(rep->energy[i].emissions.v) * (rep->energy[i].exported ? -1 : 1);
    }
    ar_sum_check(c, r, &rep->total_combustion, comb, comb_ok, "totals", "combustion = sum of units");
    ar_sum_check(c, r, &rep->total_process, proc, proc_ok && rep->nproc, "totals", "process = sum of sources");
    ar_sum_check(c, r, &rep->total_indirect, ind, ind_ok && rep->nenergy, "totals", "indirect = purchased - exported");
    const aud_num *parts[] = {&rep->total_combustion, &rep->total_process, &rep->total_indirect};
    double all = 0;
    bool any = false;
    for (size_t i = 0; i < 3; i++)
        if (parts[i]->given) {
            all += parts[i]->v;
            any = true;
        }
    ar_sum_check(c, r, &rep->total, all, any, "totals", "total = combustion + process (+ indirect)");
}

/* Emits `r` for a declared parameter off its recomputed value. */
static void ar_param(aud_ctx *c, const aud_rule *r, const aud_num *d, double v, const char *subject, const char *param,
                     const char *unit)
{
    if (!d->given || isnan(v) || aud_rel_diff(d->v, v) <= ar_tol(c, r))
        return;
    aud_fact f = aud_fact_at(d->at, subject, param, unit);
    f.declared = d->v;
    f.verified = v;
    aud_emit(c, r, &f);
}

/* recompute.parameter: annual NCV and carbon content that are not the
 * consumption-weighted means of the months (CETS-AG-03.01 6.2.2.3; CETS-VG
 * Table 9 "验算年度平均低位发热量"), carbon per unit heat D that is not B/C,
 * and clinker factors that do not follow from CaO and MgO. */
static void ar_parameters(aud_ctx *c, const aud_rule *r)
{
    const aud_report *rep = c->rep;
    char s[160];
    if (!c->e->recomputed)
        return;
    for (size_t u = 0; u < rep->nunits; u++)
        for (size_t f = 0; f < rep->units[u].nfuels; f++) {
            const aud_fuel *fu = &rep->units[u].fuels[f];
            aud_fuel_subject(&rep->units[u], fu, s, sizeof s);
            if (fu->nmonths) {
                ar_param(c, r, &fu->ncv, fu->calc.ncv, s, "NCV (C), weighted mean of months", fu->ncv_unit_text);
                ar_param(c, r, &fu->carbon, fu->calc.carbon, s, "carbon content (B), weighted mean",
                         fu->carbon_unit_text);
            }
            ar_param(c, r, &fu->carbon_per_heat, fu->calc.carbon_per_heat, s, "carbon per unit heat (D) = B/C",
                     "tC/GJ");
        }
    for (size_t p = 0; p < rep->nproc; p++) {
        const aud_process *pr = &rep->proc[p];
        if (strcmp(pr->kind, "clinker") != 0 || !pr->cao.given || !pr->ef.given)
            continue;
        aud_num d = pr->ef;
        d.v = ar_times_factor(1, &pr->unit, pr->ef.v, &pr->ef_unit) / (pr->unit.scale / AR_KG_PER_T);
        snprintf(s, sizeof s, "process %s (clinker)", pr->id ? pr->id : pr->material);
        ar_param(c, r, &d, pr->calc.ef, s, "emission factor from CaO and MgO", "t CO2/t");
    }
}

/* basic.credit_code: the unified social credit code's form and check
 * character (GB 32100-2015: 18 characters from 0-9 and A-Y without I, O, S,
 * V, Z; weights 3^i mod 31; check = (31 - sum mod 31) mod 31). */
static void ar_credit_code(aud_ctx *c, const aud_rule *r)
{
    static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const char *code = c->rep->credit_code;
    if (!code)
        return;
    bool ok = strlen(code) == 18;
    long sum = 0, w = 1;
    for (size_t i = 0; ok && i < 17; i++, w = w * 3 % 31) {
        const char *p = code[i] ? strchr(chars, code[i]) : NULL;
        ok = p != NULL;
        sum += p ? (long)(p - chars) * w : 0;
    }
    ok = ok && code[17] == chars[(31 - sum % 31) % 31];
    if (ok)
        return;
    aud_fact f = aud_fact_at(c->rep->credit_at, "enterprise", "unified social credit code", NULL);
    f.detail = code;
    aud_emit(c, r, &f);
}

/* Whether the report has a source of `kind` ("combustion" = any fuel) and,
 * when `material` is given, of that material. */
static bool ar_has_kind(const aud_report *rep, const char *kind, const char *material)
{
    if (strcmp(kind, "combustion") == 0) {
        for (size_t u = 0; u < rep->nunits; u++)
            if (rep->units[u].nfuels)
                return true;
        return false;
    }
    for (size_t p = 0; p < rep->nproc; p++)
        if (rep->proc[p].kind && strcmp(rep->proc[p].kind, kind) == 0 &&
            (!material || strcmp(rep->proc[p].material, material) == 0))
            return true;
    return false;
}

/* completeness.required_source: a source the industry's guideline requires
 * (a row's `kind`) that the report does not have. */
void aud_chk_required(aud_ctx *c, const aud_rule *r)
{
    for (size_t i = 0; i < r->nrows; i++) {
        const aud_row *w = &r->rows[i];
        if (!w->kind || !aud_row_for(w, c->rep) || ar_has_kind(c->rep, w->kind, w->material))
            continue;
        char what[120];
        snprintf(what, sizeof what, "%s%s%s", w->kind, w->material ? ": " : "", w->material ? w->material : "");
        aud_fact f = aud_fact_at(c->rep->industry_at, "enterprise", what, NULL);
        f.detail = w->source ? w->source : r->source;
        aud_emit(c, r, &f);
    }
}

/* The rules this program checks, by id, in the order the Rules sheet lists them. */
static const struct {
    const char *id;
    aud_check_fn fn;
} ar_table[] = {
    {"recompute.source", ar_recompute},
    {"recompute.total", ar_recompute},
    {"recompute.parameter", ar_parameters},
    {"sum.total", ar_sums},
    {"sum.months", ar_month_sums},
    {"data.unit_slip", ar_slip},
    {"data.fraction", aud_chk_fraction},
    {"basic.credit_code", ar_credit_code},
    {"basic.unit_class", aud_chk_unit_class},
    {"range.gas_carbon", aud_chk_gas_carbon},
    {"range.gas_ncv", aud_chk_gas_ncv},
    {"range.solid_ncv", aud_chk_solid_ncv},
    {"range.coal_carbon_per_heat", aud_chk_coal_cph},
    {"range.coal_daf_carbon", aud_chk_coal_daf},
    {"range.oxidation", aud_chk_oxidation},
    {"range.grid_factor", aud_chk_grid},
    {"method.basis_mismatch", aud_chk_basis},
    {"method.state_mismatch", aud_chk_state},
    {"method.default_where_measured", aud_chk_must_measure},
    {"method.measured_where_default", aud_chk_must_default},
    {"method.months_missing", aud_chk_months},
    {"method.lab_late", aud_chk_lab_late},
    {"method.meter_uncalibrated", aud_chk_meter},
    {"consistency.chp_efficiency", aud_chk_chp},
    {"consistency.condensing_efficiency", aud_chk_condensing},
    {"consistency.generation", aud_chk_generation},
    {"consistency.utilisation_hours", aud_chk_utilisation},
    {"consistency.running_hours", aud_chk_running},
    {"consistency.chp_class", aud_chk_chp_class},
    {"consistency.intensity", aud_chk_intensity},
    {"consistency.yoy", aud_chk_yoy},
    {"consistency.yoy_intensity", aud_chk_yoy_intensity},
    {"completeness.required_source", aud_chk_required},
};
#define AR_NTABLE (sizeof ar_table / sizeof *ar_table)

aud_check_fn aud_checker(const char *id)
{
    for (size_t i = 0; id && i < AR_NTABLE; i++)
        if (strcmp(ar_table[i].id, id) == 0)
            return ar_table[i].fn;
    return NULL;
}

const char *aud_rule_id_at(size_t i) { return i < AR_NTABLE ? ar_table[i].id : NULL; }
