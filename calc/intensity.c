/* intensity.c - computing per-GDP and per-capita indicators, energy mix, target paths and target status. */
#include "intensity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "nsum.h"

#define INT_SECTOR_DEPTH 3u /* "1.A.1": the sectors of the emissions chart */

static const char *const int_status_names[INT_NSTATUS] = {"met", "on track", "off track", "missed"};
static const char *const int_status_expected[INT_NSTATUS] = {"expected met", "expected on track",
                                                             "expected off track", "expected missed"};
static const char *const int_mix_names[INT_NMIX] = {"coal", "other_fossil", "heat", "primary_electricity",
                                                    "net_import_electricity"};

/* Names from the tables above; "?" out of range. */
const char *int_status_name(int_status st) { return (unsigned)st < INT_NSTATUS ? int_status_names[st] : "?"; }
const char *int_mix_name(int_mix m) { return (unsigned)m < INT_NMIX ? int_mix_names[m] : "?"; }

/* The plain name, or its "expected" form for a status judged on an estimate. */
const char *int_status_text(int_status st, bool estimate)
{
    if ((unsigned)st >= INT_NSTATUS)
        return "?";
    return estimate ? int_status_expected[st] : int_status_names[st];
}

/* Sorts sectors by code. */
static int int_sector_cmp(const void *a, const void *b)
{
    return strcmp(((const int_sector *)a)->code, ((const int_sector *)b)->code);
}

/* Appends sector `code` with `t_co2e` to `x`. */
static bool int_sector_add(int_inv *x, const char *code, double t_co2e)
{
    int_sector *s = realloc(x->sectors, (x->nsectors + 1) * sizeof *s);
    if (!s)
        return false;
    x->sectors = s;
    snprintf(s[x->nsectors].code, sizeof s->code, "%s", code);
    s[x->nsectors++].t_co2e = t_co2e;
    return true;
}

/* Totals, sectors and the factor sets of one computed inventory. */
bool int_inv_from(const eng_result *r, int_inv *out)
{
    const inventory *inv = eng_inventory(r);
    const eng_cat_total *cats;
    size_t n = eng_categories(r, &cats);
    memset(out, 0, sizeof *out);
    out->path = inv->path;
    memcpy(out->sha256, inv->sha256, sizeof out->sha256);
    out->year = inv->year;
    out->gwp_id = eng_gwp(r)->id;
    out->co2_t = eng_total_under(r, "1.A").t[GAS_CO2];
    out->co2e_t = eng_total_under(r, "").t_co2e;
    fs_text(eng_factor_order(r), out->sets, sizeof out->sets);
    /* The categories are sorted by code, so each sector's are adjacent. */
    for (size_t i = 0, end; i < n; i = end) {
        char code[64], next[64];
        cat_ancestor(cats[i].category, INT_SECTOR_DEPTH, code, sizeof code);
        for (end = i + 1; end < n; end++) {
            cat_ancestor(cats[end].category, INT_SECTOR_DEPTH, next, sizeof next);
            if (strcmp(next, code) != 0)
                break;
        }
        if (!int_sector_add(out, code, tot_range(cats, i, end, code).t_co2e))
            return false;
    }
    if (out->nsectors)
        qsort(out->sectors, out->nsectors, sizeof *out->sectors, int_sector_cmp);
    return true;
}

/* Frees the sectors of one inventory's totals. */
void int_inv_clear(int_inv *x)
{
    free(x->sectors);
    x->sectors = NULL;
    x->nsectors = 0;
}

/* Nominal to constant prices, in the workbook's order: value x factor x 100 / deflator. */
double int_real_gdp_1e4_yuan(const ser_year *y) { return y->gdp.value * y->gdp_factor * 100 / y->deflator; }

/* amount x coal rate x factor for electricity by the coal-rate method,
 * amount x sce x factor otherwise. */
double int_item_tce(const ser_energy *e, ser_method m, double rate_gce_kwh)
{
    bool elec = e->kind == SER_PRIMARY_ELECTRICITY || e->kind == SER_NET_IMPORT_ELECTRICITY;
    if (m == SER_COAL_RATE && elec)
        return e->amount * rate_gce_kwh * e->rate_factor;
    return e->amount * e->sce->value * e->sce_factor;
}

/* The group by kind; fossil items split into coal and the rest. */
int_mix int_item_mix(const ser_energy *e)
{
    switch (e->kind) {
    case SER_PRIMARY_ELECTRICITY:
        return INT_MIX_PRIMARY_ELEC;
    case SER_NET_IMPORT_ELECTRICITY:
        return INT_MIX_NET_IMPORT_ELEC;
    case SER_HEAT:
        return INT_MIX_HEAT;
    default:
        return e->coal ? INT_MIX_COAL : INT_MIX_OTHER_FOSSIL;
    }
}

/* The geometric mean annual rate of change. */
double int_rate(double from, double to, double years) { return pow(to / from, 1.0 / years) - 1; }

/* Geometric for a reduction; linear, capped at the level, for a share. */
double int_path(ser_target_kind kind, double base, double level, long base_year, long target_year, long year)
{
    double frac = (double)(year - base_year) / (double)(target_year - base_year);
    if (kind == SER_REDUCTION)
        return base > 0 ? base * pow(level / base, frac) : level;
    double linear = base + (level - base) * (double)(year - base_year) / (double)(target_year - base_year);
    return kind == SER_CEILING ? fmax(level, linear) : fmin(level, linear);
}

/* Inclusive at the boundary, within INT_REL_TOL. */
int_status int_judge(ser_target_kind kind, bool final, double value, double reference)
{
    bool good = kind == SER_FLOOR ? value >= reference * (1 - INT_REL_TOL) : value <= reference * (1 + INT_REL_TOL);
    if (final)
        return good ? INT_MET : INT_MISSED;
    return good ? INT_ON_TRACK : INT_OFF_TRACK;
}

/* Energy-based indicators by method `m`; the others have one value. */
double int_indicator(const int_year *y, ser_indicator ind, ser_method m)
{
    switch (ind) {
    case SER_IND_CO2_PER_GDP:
        return y->co2_per_gdp;
    case SER_IND_ENERGY_PER_GDP:
        return y->energy_per_gdp[m];
    case SER_IND_CO2E_PER_GDP:
        return y->co2e_per_gdp;
    case SER_IND_COAL_SHARE:
        return y->coal_share[m];
    case SER_IND_NON_FOSSIL_SHARE:
        return y->non_fossil_share[m];
    case SER_IND_ELECTRICITY_SHARE:
        return y->electricity_share;
    default:
        return NAN;
    }
}

/* The energy mix of year `y` by both methods, summed in item order (the
 * order of the workbook's Energy rows). */
static void int_year_mix(const ser_year *y, int_year *out)
{
    for (size_t i = 0; i < y->nenergy; i++) {
        const ser_energy *e = &y->energy[i];
        int_mix g = int_item_mix(e);
        for (int m = 0; m < SER_NMETHODS; m++)
            out->mix_tce[m][g] += int_item_tce(e, (ser_method)m, out->coal_rate_gce_kwh);
    }
    for (int m = 0; m < SER_NMETHODS; m++) {
        const double *t = out->mix_tce[m];
        out->energy_tce[m] = t[INT_MIX_COAL] + t[INT_MIX_OTHER_FOSSIL] + t[INT_MIX_HEAT] + t[INT_MIX_PRIMARY_ELEC] +
                             t[INT_MIX_NET_IMPORT_ELEC];
    }
}

/* Every indicator of year `y`, in the same arithmetic order as the
 * workbook's formulas, so a recalculation reproduces the cached values. */
static void int_year_compute(const ser_year *y, const int_inv *inv, int_year *out)
{
    memset(out, 0, sizeof *out);
    out->year = y->year;
    out->estimate = y->estimate;
    out->gdp_real_1e4_yuan = int_real_gdp_1e4_yuan(y);
    out->population_persons = y->population.value * y->population_factor;
    out->co2_t = inv->co2_t;
    out->co2e_t = inv->co2e_t;
    out->coal_rate_gce_kwh = y->coal_rate.value * y->coal_rate_factor;
    int_year_mix(y, out);
    out->co2_per_gdp = out->co2_t / out->gdp_real_1e4_yuan;
    out->co2e_per_gdp = out->co2e_t / out->gdp_real_1e4_yuan;
    out->co2_per_capita = out->co2_t / out->population_persons;
    out->co2e_per_capita = out->co2e_t / out->population_persons;
    for (int m = 0; m < SER_NMETHODS; m++) {
        double total = out->energy_tce[m];
        double nonfossil = out->mix_tce[m][INT_MIX_PRIMARY_ELEC];
        out->energy_per_gdp[m] = total / out->gdp_real_1e4_yuan;
        out->energy_per_capita[m] = total / out->population_persons;
        out->coal_share[m] = total == 0 ? 0 : out->mix_tce[m][INT_MIX_COAL] / total;
        out->non_fossil_share[m] = total == 0 ? 0 : nonfossil / total;
    }
    out->final_elec_tce = out->final_total_tce = out->electricity_share = NAN;
    if (y->has_final) {
        out->final_elec_tce = y->final_electricity.value * y->final_elec_sce->value * y->final_elec_sce_factor;
        out->final_total_tce = y->final_total.value * y->final_total_factor;
        out->electricity_share = out->final_elec_tce / out->final_total_tce;
    }
}

/* Reports figure `x` of year `y` at `at` when it is not finite or passes
 * NSUM_LIMIT (with `positive`, also when it is not above 0); true when fine. */
static bool int_fits(double x, bool positive, long year, const char *what, src_loc at, diag_list *dl)
{
    if (nsum_fits(x) && (!positive || x > 0))
        return true;
    if (!nsum_fits(x))
        diag_error(dl, at, "the %s of %ld (%g) is larger than %g, the most a figure may be (a double holds about "
                   "1.8e308): check the figures it comes from and their units", what, year, x, NSUM_LIMIT);
    else
        diag_error(dl, at, "the %s of %ld is %g, too small to divide by: check the figures it comes from and their "
                   "units", what, year, x);
    return false;
}

/* Checks the figures of year `y` that come from the series alone (GDP,
 * population, coal rate, energy by item and in all, final energy), as
 * computed into `o`; reported at the field. True when all fit. */
static bool int_year_check(const ser_year *y, const int_year *o, diag_list *dl)
{
    bool ok = int_fits(o->gdp_real_1e4_yuan, true, y->year, "GDP at constant prices (value x 100 / deflator)",
                       y->gdp.at, dl);
    ok &= int_fits(o->population_persons, true, y->year, "population", y->population.at, dl);
    ok &= int_fits(o->coal_rate_gce_kwh, false, y->year, "generation coal rate", y->coal_rate.at, dl);
    double mag[SER_NMETHODS] = {0, 0};
    bool energy_ok = true; /* one message for the energy of a year */
    for (size_t i = 0; energy_ok && i < y->nenergy; i++) {
        const ser_energy *e = &y->energy[i];
        for (int m = 0; energy_ok && m < SER_NMETHODS; m++) {
            double tce = int_item_tce(e, (ser_method)m, o->coal_rate_gce_kwh);
            mag[m] += fabs(tce);
            energy_ok = int_fits(tce, false, y->year, "standard coal of this energy item", e->at, dl) &&
                        int_fits(mag[m], false, y->year, "energy consumption, up to this item,", e->at, dl);
        }
    }
    ok &= energy_ok;
    if (y->has_final)
        ok &= int_fits(o->final_elec_tce, false, y->year, "final electricity in standard coal",
                      y->final_electricity.at, dl) &&
             int_fits(o->final_total_tce, true, y->year, "final energy in standard coal", y->final_total.at, dl);
    return ok;
}

/* Checks the indicators of year `y` (the series' figures with the
 * inventory's emissions); reported at the GDP or the population. */
static bool int_indicators_check(const ser_year *y, const int_year *o, diag_list *dl)
{
    const struct {
        double v;
        const char *what;
        src_loc at;
    } f[] = {
        {o->co2_per_gdp, "co2_per_gdp", y->gdp.at},
        {o->co2e_per_gdp, "co2e_per_gdp", y->gdp.at},
        {o->energy_per_gdp[0], "energy_per_gdp (calorific)", y->gdp.at},
        {o->energy_per_gdp[1], "energy_per_gdp (coal rate)", y->gdp.at},
        {o->co2_per_capita, "CO2 per capita", y->population.at},
        {o->co2e_per_capita, "CO2e per capita", y->population.at},
        {o->energy_per_capita[0], "energy per capita (calorific)", y->population.at},
        {o->energy_per_capita[1], "energy per capita (coal rate)", y->population.at},
        {o->coal_share[0], "coal share (calorific)", y->at},
        {o->coal_share[1], "coal share (coal rate)", y->at},
        {o->non_fossil_share[0], "non-fossil share (calorific)", y->at},
        {o->non_fossil_share[1], "non-fossil share (coal rate)", y->at},
        {y->has_final ? o->electricity_share : 0, "electricity share", y->final_total.at},
    };
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof f / sizeof *f; i++)
        ok = int_fits(f[i].v, false, y->year, f[i].what, f[i].at, dl);
    return ok;
}

bool int_check_series(const ser_series *s, diag_list *dl)
{
    size_t errs = diag_error_count(dl);
    int_inv none = {0};
    for (size_t i = 0; i < s->nyears && !diag_full(dl); i++) {
        int_year o;
        int_year_compute(&s->years[i], &none, &o);
        int_year_check(&s->years[i], &o, dl);
    }
    return diag_error_count(dl) == errs;
}

/* The target level in the indicator's units: base x (1 - value/100) for a
 * reduction, value/100 for a share. */
static double int_level(const ser_target *t, double base)
{
    return t->kind == SER_REDUCTION ? base * (1 - t->value_pct / 100) : t->value_pct / 100;
}

/* Where target `t` stands, from the years' indicators. */
static int_target int_evaluate(const ser_series *s, const int_year *years, const ser_target *t)
{
    int_target r = {.t = t};
    long last = years[s->nyears - 1].year;
    const int_year *b = &years[ser_year_index(s, t->base_year)];
    r.eval_year = last < t->target_year ? last : t->target_year;
    r.final = r.eval_year == t->target_year;
    const int_year *e = &years[ser_year_index(s, r.eval_year)];
    ser_method m = s->method;
    r.base_value = int_indicator(b, t->indicator, m);
    r.latest_value = int_indicator(e, t->indicator, m);
    r.change = r.base_value > 0 ? r.latest_value / r.base_value - 1 : NAN;
    long done = r.eval_year - t->base_year, left = t->target_year - r.eval_year;
    r.avg_rate = done > 0 && r.base_value > 0 ? int_rate(r.base_value, r.latest_value, (double)done) : NAN;
    r.level = int_level(t, r.base_value);
    r.reference =
        r.final ? r.level : int_path(t->kind, r.base_value, r.level, t->base_year, t->target_year, r.eval_year);
    r.required_rate = left > 0 && r.latest_value > 0 ? int_rate(r.latest_value, r.level, (double)left) : NAN;
    r.margin = t->kind == SER_FLOOR ? r.latest_value - r.reference : r.reference - r.latest_value;
    r.margin_rel = r.reference != 0 ? r.margin / r.reference : NAN;
    r.status = int_judge(t->kind, r.final, r.latest_value, r.reference);
    r.estimate = e->estimate;
    return r;
}

/* Checks the figures of a target's line: NaN stands for "no value" (a base
 * of 0, the base year, a final year), but an infinity or a value past
 * NSUM_LIMIT is bad input; reported at the target. */
static void int_target_check(const int_target *tr, diag_list *dl)
{
    const double v[] = {tr->change, tr->avg_rate, tr->level, tr->reference, tr->required_rate, tr->margin,
                        tr->margin_rel};
    static const char *const names[] = {"change", "average rate", "target level", "reference",
                                        "rate still required", "margin", "relative margin"};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        if (isnan(v[i]) || nsum_fits(v[i]))
            continue;
        diag_error(dl, tr->t->at, "the %s of target '%s' (%g) is larger than %g, the most a figure may be: the "
                   "indicator is %g in %ld and %g in %ld; check the data of those years", names[i], tr->t->id, v[i],
                   NSUM_LIMIT, tr->base_value, tr->t->base_year, tr->latest_value, tr->eval_year);
        return;
    }
}

/* Whether `x` already lists sector `code`. */
static bool int_sector_has(const int_inv *x, const char *code)
{
    for (size_t j = 0; j < x->nsectors; j++)
        if (strcmp(x->sectors[j].code, code) == 0)
            return true;
    return false;
}

/* The union of the years' sectors (each once), sorted, and each year's
 * CO2e in each. */
static bool int_sectors(int_result *r)
{
    int_inv all = {0};
    for (size_t i = 0; i < r->nyears; i++)
        for (size_t k = 0; k < r->inv[i].nsectors; k++)
            if (!int_sector_has(&all, r->inv[i].sectors[k].code) &&
                !int_sector_add(&all, r->inv[i].sectors[k].code, 0)) {
                int_inv_clear(&all);
                return false;
            }
    if (all.nsectors)
        qsort(all.sectors, all.nsectors, sizeof *all.sectors, int_sector_cmp);
    r->sectors = all.sectors;
    r->nsectors = all.nsectors;
    r->sector_t_co2e = calloc(r->nyears * (all.nsectors ? all.nsectors : 1), sizeof *r->sector_t_co2e);
    if (!r->sector_t_co2e)
        return false;
    for (size_t i = 0; i < r->nyears; i++)
        for (size_t k = 0; k < r->inv[i].nsectors; k++)
            for (size_t j = 0; j < r->nsectors; j++)
                if (strcmp(r->sectors[j].code, r->inv[i].sectors[k].code) == 0)
                    r->sector_t_co2e[i * r->nsectors + j] = r->inv[i].sectors[k].t_co2e;
    return true;
}

/* States, as warnings and in r->consistency, every year whose inventory
 * uses other factor sets or another GWP set than the first year's. */
static void int_consistency(int_result *r, diag_list *dl)
{
    const int_inv *first = &r->inv[0];
    long y0 = r->s->years[0].year;
    size_t used = 0;
    for (size_t i = 1; i < r->nyears; i++) {
        const int_inv *x = &r->inv[i];
        long y = r->s->years[i].year;
        if (strcmp(x->sets, first->sets) == 0 && strcmp(x->gwp_id, first->gwp_id) == 0)
            continue;
        diag_add(dl, DIAG_WARNING, r->s->years[i].inventory_at,
                 "the inventory of %ld uses factor sets [%s] and GWP %s, the inventory of %ld [%s] and GWP %s: the "
                 "years are not computed alike, so their emissions are not fully comparable",
                 y, x->sets, x->gwp_id, y0, first->sets, first->gwp_id);
        if (used < sizeof r->consistency)
            used += (size_t)snprintf(r->consistency + used, sizeof r->consistency - used,
                                     "%s%ld: factor sets [%s], GWP %s", used ? "; " : "", y, x->sets, x->gwp_id);
    }
    if (used && used < sizeof r->consistency)
        snprintf(r->consistency + used, sizeof r->consistency - used, " (differ from %ld: factor sets [%s], GWP %s)",
                 y0, first->sets, first->gwp_id);
}

/* Years first, then the targets over them, then the consistency note. */
int_result *int_compute(const ser_series *s, const int_inv *inv, diag_list *dl)
{
    int_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->s = s;
    r->inv = inv;
    r->nyears = s->nyears;
    r->ntargets = s->ntargets;
    r->years = calloc(s->nyears ? s->nyears : 1, sizeof *r->years);
    r->targets = calloc(s->ntargets ? s->ntargets : 1, sizeof *r->targets);
    if (!r->years || !r->targets || !int_sectors(r)) {
        int_free(r);
        return NULL;
    }
    size_t errs = diag_error_count(dl);
    for (size_t i = 0; i < s->nyears && !diag_full(dl); i++) {
        int_year_compute(&s->years[i], &inv[i], &r->years[i]);
        if (int_year_check(&s->years[i], &r->years[i], dl))
            int_indicators_check(&s->years[i], &r->years[i], dl);
    }
    for (size_t i = 0; i < s->ntargets && diag_error_count(dl) == errs; i++) {
        r->targets[i] = int_evaluate(s, r->years, &s->targets[i]);
        int_target_check(&r->targets[i], dl);
        r->count[r->targets[i].status]++;
        r->nestimate += r->targets[i].estimate;
    }
    if (s->nyears)
        int_consistency(r, dl);
    return r;
}

/* Frees what int_compute allocated; the series and inventories are the caller's. */
void int_free(int_result *r)
{
    if (!r)
        return;
    free(r->years);
    free(r->targets);
    free(r->sectors);
    free(r->sector_t_co2e);
    free(r);
}
