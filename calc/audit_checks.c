/* audit_checks.c - plausibility and method rules: guideline ranges, bases, defaults, months, lab timing, meters. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audit_int.h"
#include "textutil.h"

#define AC_SECONDS_PER_DAY 86400.0

typedef enum { AC_NCV, AC_CARBON } ac_param;

/* The first row of `r` for this enterprise and fuel, or NULL. */
static const aud_row *ac_row_for_fuel(const aud_ctx *c, const aud_rule *r, const char *fuel)
{
    for (size_t i = 0; i < r->nrows; i++)
        if (aud_row_for(&r->rows[i], c->rep) && aud_row_fuel(&r->rows[i], fuel))
            return &r->rows[i];
    return NULL;
}

/* Emits `r` when `v` (in `from`) lies outside row `w`'s [low, high]. */
static void ac_range(aud_ctx *c, const aud_rule *r, const aud_row *w, const aud_num *v, const units_t *from,
                     const char *subject, const char *param)
{
    double x = aud_convert(v->v, from, &w->unit);
    if (!v->given || isnan(x) || ((isnan(w->low) || x >= w->low) && (isnan(w->high) || x <= w->high)))
        return;
    aud_fact f = aud_fact_at(v->at, subject, param, w->unit_text);
    f.declared = x;
    f.low = w->low;
    f.high = w->high;
    f.detail = w->source;
    aud_emit(c, r, &f);
}

/* Every NCV or carbon content of the fuels a row applies to (each month's,
 * and the year's) against the row's range. */
static void ac_each_value(aud_ctx *c, const aud_rule *r, ac_param which)
{
    char s[200];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            const aud_row *w = ac_row_for_fuel(c, r, f->fuel);
            if (!w || !w->nfuels)
                continue;
            const units_t *unit = which == AC_NCV ? &f->ncv_unit : &f->carbon_unit;
            const char *param = which == AC_NCV ? "NCV (C)" : "carbon content (B)";
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            ac_range(c, r, w, which == AC_NCV ? &f->ncv : &f->carbon, unit, s, param);
            for (size_t m = 0; m < f->nmonths; m++) {
                const aud_month *mo = &f->months[m];
                char sm[220];
                snprintf(sm, sizeof sm, "%.190s, month %d", s, mo->month);
                ac_range(c, r, w, which == AC_NCV ? &mo->ncv : &mo->carbon, unit, sm, param);
            }
        }
}

/* range.gas_carbon and range.gas_ncv (CETS-VG Tables 11, 12), range.solid_ncv
 * (gangue and slurry, Table 3): the empirical ranges of the rule's rows. */
void aud_chk_gas_carbon(aud_ctx *c, const aud_rule *r) { ac_each_value(c, r, AC_CARBON); }
void aud_chk_gas_ncv(aud_ctx *c, const aud_rule *r) { ac_each_value(c, r, AC_NCV); }
void aud_chk_solid_ncv(aud_ctx *c, const aud_rule *r) { ac_each_value(c, r, AC_NCV); }

/* Whether any carbon content of `f` was measured. */
static bool ac_carbon_measured(const aud_fuel *f)
{
    for (size_t m = 0; m < f->nmonths; m++)
        if (f->months[m].carbon.given && f->months[m].carbon_how != AUD_NOT_MEASURED)
            return true;
    return !f->nmonths && f->carbon.given && f->carbon_how != AUD_NOT_MEASURED;
}

/* range.coal_carbon_per_heat: the measured carbon per unit heat of a coal
 * (B/C over the year) off the guideline's reference value for its rank by
 * more than the threshold (CETS-VG Table 8). */
void aud_chk_coal_cph(aud_ctx *c, const aud_rule *r)
{
    char s[200];
    units_t tcgj;
    units_parse("tC/GJ", &tcgj, NULL, 0);
    for (size_t u = 0; c->e->recomputed && u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            const aud_row *w = ac_row_for_fuel(c, r, f->fuel);
            if (!w || !w->nfuels || isnan(w->value) || !ac_carbon_measured(f))
                continue;
            double x = aud_convert(f->calc.carbon_per_heat, &tcgj, &w->unit);
            if (isnan(x) || aud_rel_diff(x, w->value) <= r->threshold)
                continue;
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            aud_fact fa = aud_fact_at(f->fuel_at, s, "carbon per unit heat (B/C)", w->unit_text);
            fa.declared = x;
            fa.verified = w->value;
            fa.low = w->value * (1 - r->threshold);
            fa.high = w->value * (1 + r->threshold);
            aud_emit(c, r, &fa);
        }
}

/* The dry ash-free carbon content C / (1 - M - A) of one analysis against
 * the row's range (CETS-VG Table 8: lignite 60-77 %, bituminous 74-92 %,
 * anthracite 90-98 %). */
static void ac_daf(aud_ctx *c, const aud_rule *r, const aud_row *w, const aud_fuel *f, const aud_num *carbon,
                   const aud_num *moist, const aud_num *ash, const char *subject)
{
    units_t one;
    units_parse("1", &one, NULL, 0);
    double cf = aud_convert(carbon->v, &f->carbon_unit, &one);
    if (!carbon->given || !moist->given || !ash->given || isnan(cf) || !(1 - moist->v - ash->v > 0))
        return;
    aud_num daf = {cf / (1 - moist->v - ash->v), true, carbon->at};
    ac_range(c, r, w, &daf, &one, subject, "dry ash-free carbon content");
}

void aud_chk_coal_daf(aud_ctx *c, const aud_rule *r)
{
    char s[200], sm[220];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            const aud_row *w = ac_row_for_fuel(c, r, f->fuel);
            if (!w || !w->nfuels)
                continue;
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            ac_daf(c, r, w, f, &f->carbon, &f->moisture, &f->ash, s);
            for (size_t m = 0; m < f->nmonths; m++) {
                const aud_month *mo = &f->months[m];
                snprintf(sm, sizeof sm, "%.190s, month %d", s, mo->month);
                ac_daf(c, r, w, f, &mo->carbon, &mo->moisture, &mo->ash, sm);
            }
        }
}

/* range.oxidation: a declared oxidation rate other than the value the
 * industry's guideline prescribes for the fuel (the row's value), beyond the
 * threshold (an absolute tolerance). */
void aud_chk_oxidation(aud_ctx *c, const aud_rule *r)
{
    char s[200];
    double tol = isnan(r->threshold) ? 0 : r->threshold;
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            const aud_row *w = ac_row_for_fuel(c, r, f->fuel);
            if (!w || isnan(w->value) || !f->oxidation.given || fabs(f->oxidation.v - w->value) <= tol + 1e-12)
                continue;
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            aud_fact fa = aud_fact_at(f->oxidation.at, s, "oxidation rate (E)", "fraction");
            fa.declared = f->oxidation.v;
            fa.verified = w->value;
            fa.detail = w->source;
            aud_emit(c, r, &fa);
        }
}

/* Emits data.fraction when fraction `v` lies outside 0-1. */
static void ac_frac(aud_ctx *c, const aud_rule *r, const aud_num *v, const char *subject, const char *param)
{
    if (!v->given || (v->v >= 0 && v->v <= 1))
        return;
    aud_fact f = aud_fact_at(v->at, subject, param, "fraction");
    f.declared = v->v;
    f.low = 0;
    f.high = 1;
    aud_emit(c, r, &f);
}

/* data.fraction: oxidation rates, moisture, ash, load factors, CaO, MgO,
 * organic carbon and purity outside 0-100 % (a load factor 0-1: CETS-VG
 * Table 17; the others are shares of a whole). */
void aud_chk_fraction(aud_ctx *c, const aud_rule *r)
{
    char s[200];
    for (size_t u = 0; u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        snprintf(s, sizeof s, "unit %s", un->id ? un->id : "?");
        ac_frac(c, r, &un->load_factor, s, "load factor (P)");
        for (size_t k = 0; k < un->nfuels; k++) {
            const aud_fuel *f = &un->fuels[k];
            aud_fuel_subject(un, f, s, sizeof s);
            ac_frac(c, r, &f->oxidation, s, "oxidation rate (E)");
            ac_frac(c, r, &f->moisture, s, "moisture");
            ac_frac(c, r, &f->ash, s, "ash");
            for (size_t m = 0; m < f->nmonths; m++) {
                ac_frac(c, r, &f->months[m].moisture, s, "moisture");
                ac_frac(c, r, &f->months[m].ash, s, "ash");
            }
        }
    }
    for (size_t p = 0; p < c->rep->nproc; p++) {
        const aud_process *pr = &c->rep->proc[p];
        snprintf(s, sizeof s, "process %s (%s)", pr->id ? pr->id : pr->material, pr->kind);
        const aud_num *v[] = {&pr->cao, &pr->mgo, &pr->cao_nc, &pr->mgo_nc, &pr->toc, &pr->purity};
        const char *n[] = {"CaO", "MgO", "non-carbonate CaO", "non-carbonate MgO", "organic carbon", "purity"};
        for (size_t i = 0; i < sizeof v / sizeof *v; i++)
            ac_frac(c, r, v[i], s, n[i]);
    }
}

/* range.grid_factor: a declared electricity factor other than the factor
 * sets' factor for the reporting year and grid, beyond the threshold. */
void aud_chk_grid(aud_ctx *c, const aud_rule *r)
{
    char s[200], detail[120];
    for (size_t i = 0; c->e->recomputed && i < c->rep->nenergy; i++) {
        const aud_energy *en = &c->rep->energy[i];
        if (!en->factor.given || !en->kind || strcmp(en->kind, "electricity") != 0 || isnan(en->calc.ef) ||
            aud_rel_diff(en->factor.v, en->calc.ef) <= r->threshold)
            continue;
        snprintf(s, sizeof s, "%s electricity", en->exported ? "exported" : "purchased");
        snprintf(detail, sizeof detail, "grid %s, %ld", en->grid ? en->grid : "national", c->rep->year);
        aud_fact f = aud_fact_at(en->factor.at, s, "grid emission factor", en->factor_unit_text);
        f.declared = en->factor.v;
        f.verified = en->calc.ef;
        f.detail = detail;
        aud_emit(c, r, &f);
    }
}

static const char *const ac_basis_names[] = {"not given", "as received", "air dried", "dry"};
static const char *const ac_state_names[] = {"not given", "as fired", "as delivered"};

/* method.basis_mismatch: carbon content and NCV on different bases, or a
 * carbon content not on the as-received basis (CETS-VG Table 8: convert
 * air-dried or dry results to as-received). */
void aud_chk_basis(aud_ctx *c, const aud_rule *r)
{
    char s[200], detail[120];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            bool both = f->ncv_basis && f->carbon_basis;
            if (!ac_carbon_measured(f) || ((!both || f->ncv_basis == f->carbon_basis) &&
                                           (!f->carbon_basis || f->carbon_basis == AUD_AS_RECEIVED)))
                continue;
            snprintf(detail, sizeof detail, "carbon content %s, NCV %s", ac_basis_names[f->carbon_basis],
                     ac_basis_names[f->ncv_basis]);
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            aud_fact fa = aud_fact_at(f->at, s, "basis of carbon content and NCV", NULL);
            fa.detail = detail;
            aud_emit(c, r, &fa);
        }
}

/* method.state_mismatch: an amount weighed as fired but analysed as
 * delivered, or the reverse (CETS-VG Tables 8 and 9). */
void aud_chk_state(aud_ctx *c, const aud_rule *r)
{
    char s[200], detail[120];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            if (!f->state || !f->sample_state || f->state == f->sample_state)
                continue;
            snprintf(detail, sizeof detail, "amount %s, analysis %s", ac_state_names[f->state],
                     ac_state_names[f->sample_state]);
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            aud_fact fa = aud_fact_at(f->at, s, "state of amount and analysis", NULL);
            fa.detail = detail;
            aud_emit(c, r, &fa);
        }
}

/* "month 7" or "months 3, 7" for the bits (1 << m) of `mask`; "" when none. */
static void ac_months_text(unsigned mask, char *buf, size_t len)
{
    size_t used = 0, n = 0;
    buf[0] = '\0';
    for (int m = 1; m <= 12; m++)
        n += (mask >> m) & 1u;
    for (int m = 1; m <= 12 && used < len; m++)
        if ((mask >> m) & 1u)
            used += (size_t)snprintf(buf + used, len - used, "%s%d", used ? ", " : (n > 1 ? "months " : "month "), m);
}

/* method.default_where_measured: a fuel whose row says the parameter must be
 * measured (power coal carbon content every month: CETS-VG Table 8) with
 * months, or a year, not measured. */
void aud_chk_must_measure(aud_ctx *c, const aud_rule *r)
{
    char s[200], months[80];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            const aud_row *w = ac_row_for_fuel(c, r, f->fuel);
            if (!w || !w->nfuels || !w->parameter || !w->must || strcmp(w->must, "measured") != 0)
                continue;
            bool ncv = strcmp(w->parameter, "ncv") == 0;
            unsigned mask = 0;
            for (size_t m = 0; m < f->nmonths; m++) {
                const aud_month *mo = &f->months[m];
                aud_how how = ncv ? mo->ncv_how : mo->carbon_how;
                if (how == AUD_NOT_MEASURED || !(ncv ? mo->ncv.given : mo->carbon.given))
                    mask |= 1u << mo->month;
            }
            ac_months_text(mask, months, sizeof months);
            bool year = !f->nmonths && ((ncv ? f->ncv_how : f->carbon_how) == AUD_NOT_MEASURED ||
                                        !(ncv ? f->ncv.given : f->carbon.given));
            if (!months[0] && !year)
                continue;
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            aud_fact fa = aud_fact_at(f->fuel_at, s, ncv ? "NCV (C)" : "carbon content (B)", NULL);
            fa.detail = months[0] ? months : "the whole year";
            aud_emit(c, r, &fa);
        }
}

/* The factor sets' value of `param` for fuel `key` in `unit` (the first set
 * in the search order whose entry has it in a unit that converts; then the
 * entry's ipcc_fuel), or NAN. */
static double ac_set_default(const aud_ctx *c, const char *key, const char *param, const units_t *unit)
{
    eng_order o = eng_search_order(c->e->eng);
    for (int pass = 0; pass < 2 && key; pass++) {
        const char *alt = NULL;
        for (size_t s = 0; s < o.n; s++)
            for (size_t i = 0; i < o.sets[s]->n; i++) {
                const fset_entry *en = &o.sets[s]->entries[i];
                if (!txt_eq(en->key, key))
                    continue;
                alt = alt ? alt : en->same_as;
                const fset_value *v = fset_entry_param(en, param);
                double x = v ? aud_convert(v->value, &v->unit, unit) : NAN;
                if (!isnan(x))
                    return x;
            }
        key = alt;
    }
    return NAN;
}

/* Emits method.measured_where_default for `f` when its value `d` (or a
 * measurement) departs from the default `dflt`. */
static void ac_not_default(aud_ctx *c, const aud_rule *r, const aud_unit *un, const aud_fuel *f, double d, double dflt,
                           bool measured, const char *param, const char *unit)
{
    char s[200], detail[120];
    if (isnan(dflt) || (!measured && (isnan(d) || aud_rel_diff(d, dflt) <= c->tol)))
        return;
    aud_fuel_subject(un, f, s, sizeof s);
    double effect = f->calc.ok && d > 0 ? f->calc.emission_t * (dflt / d - 1) : NAN;
    snprintf(detail, sizeof detail, "%s; emissions with the default: %+.2f t CO2", measured ? "measured" : "declared",
             effect);
    aud_fact fa = aud_fact_at(f->fuel_at, s, param, unit);
    fa.declared = d;
    fa.verified = dflt;
    fa.detail = detail;
    aud_emit(c, r, &fa);
}

/* method.measured_where_default: a fuel whose row says the parameter is the
 * guideline's default (steel: carbon per unit heat of every fuel, the NCV of
 * coke: CETS-AG-03.01 6.2.2.2, 6.2.3) measured, or declared other than the
 * default of the factor sets. */
void aud_chk_must_default(aud_ctx *c, const aud_rule *r)
{
    units_t tcgj;
    units_parse("tC/GJ", &tcgj, NULL, 0);
    for (size_t u = 0; c->e->recomputed && u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++)
            for (size_t i = 0; i < r->nrows; i++) {
                const aud_unit *un = &c->rep->units[u];
                const aud_fuel *f = &un->fuels[k];
                const aud_row *w = &r->rows[i];
                if (!aud_row_for(w, c->rep) || !aud_row_fuel(w, f->fuel) || !w->parameter || !w->must ||
                    strcmp(w->must, "default") != 0)
                    continue;
                if (strcmp(w->parameter, "ncv") == 0) {
                    bool measured = false;
                    for (size_t m = 0; m < f->nmonths; m++)
                        measured = measured || (f->months[m].ncv.given && f->months[m].ncv_how != AUD_NOT_MEASURED);
                    double dflt = ac_set_default(c, f->fuel, "ncv", &f->ncv_unit);
                    ac_not_default(c, r, un, f, f->calc.ncv, dflt, measured, "NCV (C)", f->ncv_unit_text);
                } else {
                    double dflt = ac_set_default(c, f->fuel, "carbon_content", &tcgj);
                    ac_not_default(c, r, un, f, f->calc.carbon_per_heat, dflt, ac_carbon_measured(f),
                                   "carbon per unit heat (D)", "tC/GJ");
                }
            }
}

/* method.months_missing: a fuel of an industry whose guideline asks for
 * monthly figures (a row's industry) with months missing. */
void aud_chk_months(aud_ctx *c, const aud_rule *r)
{
    char s[200], missing[80];
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            if (!ac_row_for_fuel(c, r, f->fuel))
                continue;
            unsigned seen = 0;
            for (size_t m = 0; m < f->nmonths; m++)
                seen |= f->months[m].amount.given ? 1u << f->months[m].month : 0;
            ac_months_text(~seen & 0x1FFEu, missing, sizeof missing);
            if (!missing[0])
                continue;
            aud_fuel_subject(&c->rep->units[u], f, s, sizeof s);
            aud_fact fa = aud_fact_at(f->nmonths ? f->months[0].at : f->at, s, "monthly data (C.3, C.5)", NULL);
            fa.detail = f->nmonths ? missing : "every month (the report gives only the year)";
            aud_emit(c, r, &fa);
        }
}

/* method.lab_late: an analysis reported more days after sampling than the
 * threshold (40 natural days: CETS-VG Table 8). */
void aud_chk_lab_late(aud_ctx *c, const aud_rule *r)
{
    char s[200];
    double limit = r->threshold / AC_SECONDS_PER_DAY;
    for (size_t u = 0; u < c->rep->nunits; u++)
        for (size_t k = 0; k < c->rep->units[u].nfuels; k++) {
            const aud_fuel *f = &c->rep->units[u].fuels[k];
            for (size_t m = 0; m < f->nmonths; m++) {
                const aud_month *mo = &f->months[m];
                if (!mo->sampled || !mo->reported || (double)(mo->reported - mo->sampled) <= limit)
                    continue;
                char sf[160];
                aud_fuel_subject(&c->rep->units[u], f, sf, sizeof sf);
                snprintf(s, sizeof s, "%.160s, month %d", sf, mo->month);
                aud_fact fa = aud_fact_at(mo->reported_at, s, "days from sampling to report", "d");
                fa.declared = (double)(mo->reported - mo->sampled);
                fa.high = limit;
                aud_emit(c, r, &fa);
            }
        }
}

/* Emits method.meter_uncalibrated for one figure and its adjusted value. */
static void ac_meter(aud_ctx *c, const aud_rule *r, const aud_meter *m, double value, double adjusted,
                     double emission_change, const char *subject, const char *param, const char *unit)
{
    static const char *const names[] = {"", "accuracy beyond the requirement", "never calibrated", "calibrated late"};
    if (m->status == AUD_CAL_UNKNOWN || value == adjusted || isnan(adjusted))
        return;
    char detail[160];
    if (isnan(emission_change))
        snprintf(detail, sizeof detail, "%s", names[m->status]);
    else
        snprintf(detail, sizeof detail, "%s; emissions %+.2f t CO2", names[m->status], emission_change);
    aud_fact f = aud_fact_at(m->at, subject, param, unit);
    f.declared = value;
    f.verified = adjusted;
    f.detail = detail;
    aud_emit(c, r, &f);
}

/* method.meter_uncalibrated: activity and production data from meters not
 * calibrated as planned, with the conservative value the guideline gives
 * (CETS-VG 3.4.1.1: activity x (1 + required accuracy) uncalibrated,
 * x [1 + (actual - required)] beyond the requirement, by month when late;
 * 3.4.1.4: production with 1 - ...). */
void aud_chk_meter(aud_ctx *c, const aud_rule *r)
{
    char s[200];
    for (size_t u = 0; c->e->recomputed && u < c->rep->nunits; u++) {
        const aud_unit *un = &c->rep->units[u];
        for (size_t k = 0; k < un->nfuels; k++) {
            const aud_fuel *f = &un->fuels[k];
            aud_fuel_subject(un, f, s, sizeof s);
            ac_meter(c, r, &f->meter, f->calc.amount, f->calc.conservative_amount,
                     f->calc.conservative_t - f->calc.emission_t, s, "consumption (A)", f->unit_text);
        }
        snprintf(s, sizeof s, "unit %s", un->id ? un->id : "?");
        ac_meter(c, r, &un->generation_meter, un->generation_mwh.v, un->calc.generation_mwh, NAN, s, "generation (M)",
                 "MWh");
        ac_meter(c, r, &un->heat_meter, un->heat_gj.v, un->calc.heat_gj, NAN, s, "heat supplied (N)", "GJ");
    }
    for (size_t p = 0; c->e->recomputed && p < c->rep->nproc; p++) {
        const aud_process *pr = &c->rep->proc[p];
        snprintf(s, sizeof s, "process %s (%s)", pr->id ? pr->id : pr->material, pr->kind);
        ac_meter(c, r, &pr->meter, pr->calc.amount, pr->calc.conservative_amount,
                 pr->calc.conservative_t - pr->calc.emission_t, s, "amount", pr->unit_text);
    }
}
