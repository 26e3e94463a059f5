/* fod_load_years.c - the parts of a landfill site that change by year: the MCF by period (and by waste type), recovery by year. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fod_loader.h"
#include "textutil.h"
#include "yfields.h"

/* ---------------------------------------------------------------- MCF */

static const char *const period_keys[] = {"from", "value", "source", "note"};

/* The `from` of a single MCF (no period list): it applies to every year. */
#define FOD_MCF_EVERY_YEAR 0

/* One MCF period {from: 1990, value: 0.4, source: "..."} into *out. */
static bool fod_mcf_period_read(const ynode *n, const char *what, fod_loader *L, fod_mcf_period *out)
{
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "an MCF period must be a mapping {from: 1990, value: 0.4, source: \"...\"}, not %s",
                   yn_kind_name(n));
        return false;
    }
    if (!yf_check_keys(n, period_keys, NKEYS(period_keys), "an MCF period", L->dl))
        return false;
    const ynode *from = yf_need(n, "from", "an MCF period (the first deposit year it applies to)", L->dl);
    const ynode *v = yf_need(n, "value", "an MCF period", L->dl);
    long year;
    double x;
    if (!from || !v || !yf_int(from, "from", FOD_YEAR_MIN, FOD_YEAR_MAX, &year, L->dl) ||
        !fod_number_in(v, what, 0, 1, false, &x, L->dl))
        return false;
    const ynode *src = yn_get(n, "source");
    const char *t = src ? fod_copy_text(src, "source", L->mem, L->dl) : "input";
    if (!t || (yn_get(n, "note") && !yf_text(yn_get(n, "note"), "note", L->dl)))
        return false;
    *out = (fod_mcf_period){(int)year, {x, t, v->at}};
    return true;
}

/* A list of MCF periods in ascending years into *out. */
static bool fod_mcf_periods(const ynode *n, const char *what, fod_loader *L, fod_mcf_series *out)
{
    if (n->n == 0) {
        diag_error(L->dl, n->at, "'%s' lists no period: give [{from: YEAR, value: MCF}, ...] or one value", what);
        return false;
    }
    out->p = pool_alloc(L->mem, n->n * sizeof *out->p);
    if (!out->p)
        return false;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        if (!fod_mcf_period_read(n->items[i], what, L, &out->p[out->n])) {
            ok = false;
            continue;
        }
        const fod_mcf_period *p = &out->p[out->n];
        if (out->n && p->from <= out->p[out->n - 1].from) {
            diag_error(L->dl, n->items[i]->at, "the MCF period from %d %s the one from %d: list the periods in "
                       "ascending years, each once", p->from, p->from == out->p[out->n - 1].from ? "repeats" :
                       "comes after", out->p[out->n - 1].from);
            ok = false;
            continue;
        }
        out->n++;
    }
    return ok;
}

/* `mcf: {sludge: 1.0, food: [{from: 1990, value: 0.4}, ...]}`: an MCF (or
 * periods) by waste type into L->mcf_by_type. */
static bool fod_mcf_by_type(const ynode *m, fod_loader *L)
{
    bool ok = true;
    for (size_t i = 0; i < m->n; i++) {
        const ynode *kn = m->items[2 * i], *vn = m->items[2 * i + 1];
        int w = fod_lookup(kn, "mcf", "waste type", fod_waste_name_i, 0, FOD_NWASTE, L->dl);
        if (w < 0) {
            ok = false;
            continue;
        }
        char what[48];
        snprintf(what, sizeof what, "mcf of %s", kn->text);
        fod_mcf_series *out = &L->mcf_by_type[w];
        if (vn->kind == YN_SEQ) {
            ok &= fod_mcf_periods(vn, what, L, out);
            continue;
        }
        out->p = pool_alloc(L->mem, sizeof *out->p);
        if (!out->p || !fod_param_read(vn, what, 0, 1, false, L->mem, L->dl, &out->p[0].mcf)) {
            ok = false;
            continue;
        }
        out->p[0].from = FOD_MCF_EVERY_YEAR;
        out->n = 1;
    }
    return ok;
}

bool fod_mcf_read(fod_param def, fod_loader *L)
{
    const ynode *n = L->mcf_node;
    L->s->mcf = def;
    if (!n)
        return true;
    if (n->kind == YN_SEQ)
        return fod_mcf_periods(n, "mcf", L, &L->s->mcf_periods);
    if (n->kind == YN_MAP && !yn_get(n, "value") && !yn_get(n, "source") && !yn_get(n, "note"))
        return fod_mcf_by_type(n, L);
    return fod_param_read(n, "mcf", 0, 1, false, L->mem, L->dl, &L->s->mcf);
}

/* Checks that periods `m` start at or before the first deposit year. */
static bool fod_mcf_starts(const fod_mcf_series *m, const fod_site *s, diag_list *dl)
{
    if (!m->n || m->p[0].from <= s->first_year)
        return true;
    diag_error(dl, m->p[0].mcf.at, "site '%s': the first MCF period starts in %d, after the first deposit year %d: "
               "give the MCF of the years before (a period from %d)", s->name, m->p[0].from, s->first_year,
               s->first_year);
    return false;
}

bool fod_mcf_resolve(fod_loader *L)
{
    fod_site *s = L->s;
    bool ok = fod_mcf_starts(&s->mcf_periods, s, L->dl);
    for (int w = 0; w < FOD_NWASTE; w++) {
        bool used = false;
        for (size_t j = 0; j < s->ntypes; j++)
            if (s->type[j] == (fod_waste)w) {
                s->mcf_type[j] = L->mcf_by_type[w];
                used = true;
                ok &= fod_mcf_starts(&s->mcf_type[j], s, L->dl);
            }
        if (L->mcf_by_type[w].n && !used)
            diag_add(L->dl, DIAG_WARNING, L->mcf_by_type[w].p[0].mcf.at,
                     "'mcf' gives %s, which has no deposit column: it is not used", fod_waste_name((fod_waste)w));
    }
    return ok;
}

/* ---------------------------------------------------------------- recovery */

/* The year of a `recovery:` key, or an error (with a did-you-mean for a
 * misspelt `unit` or `source`). */
static bool fod_recovery_year(const ynode *kn, int *year, diag_list *dl)
{
    static const char *const words[] = {"unit", "source"};
    double y;
    if (txt_number(kn->text, &y) && y == floor(y) && y >= FOD_YEAR_MIN && y <= FOD_YEAR_MAX) {
        *year = (int)y;
        return true;
    }
    const char *hint = txt_suggest(kn->text, words, NKEYS(words));
    if (hint)
        diag_error(dl, kn->at, "unknown key '%s' in 'recovery' (did you mean '%s'?)", kn->text, hint);
    else
        diag_error(dl, kn->at,
                   "'%s' in 'recovery' is no year from %d to %d: write year: amount (2015: 500) "
                   "and unit",
                   kn->text, FOD_YEAR_MIN, FOD_YEAR_MAX);
    return false;
}

/* The amount of one `recovery:` entry, >= 0, in Gg. */
static bool fod_recovery_amount(const ynode *vn, double to_gg, double *out_gg, diag_list *dl)
{
    double v;
    if (!fod_number_in(vn, "recovery", 0, HUGE_VAL, false, &v, dl))
        return false;
    if (v * to_gg > FOD_MAX_GG) {
        diag_error(dl, vn->at, "recovery %s is more than 10^12 t in one year: check the value and the unit", vn->text);
        return false;
    }
    *out_gg = v * to_gg;
    return true;
}

/* Sorts the recovery entries by year (insertion sort: a few dozen at most)
 * and reports a year given twice. */
static bool fod_recovery_sort(fod_recovery *r, size_t n, diag_list *dl)
{
    for (size_t i = 1; i < n; i++) {
        fod_recovery x = r[i];
        size_t j = i;
        for (; j > 0 && r[j - 1].year > x.year; j--)
            r[j] = r[j - 1];
        r[j] = x;
    }
    bool ok = true;
    for (size_t i = 1; i < n; i++) {
        if (r[i].year == r[i - 1].year) {
            diag_error(dl, r[i].at, "recovery for %d is given twice: keep one", r[i].year);
            ok = false;
        }
    }
    return ok;
}

/* True for the keys of `recovery:` that are no years. */
static bool fod_recovery_word(const ynode *kn)
{
    return strcmp(kn->text, "unit") == 0 || strcmp(kn->text, "source") == 0;
}

/* The `recovery:` mapping {unit: t, source: ..., 2015: 500, ...}: the years
 * are checked first, so that a misspelt `unit` is named as such. */
bool fod_recovery_read(const ynode *m, fod_loader *L)
{
    if (m->kind != YN_MAP) {
        diag_error(L->dl, m->at, "'recovery' must be a mapping of year to CH4 recovered, e.g. {2015: 500, unit: t}");
        return false;
    }
    fod_site *s = L->s;
    s->recovery = pool_alloc(L->mem, (m->n ? m->n : 1) * sizeof *s->recovery);
    if (!s->recovery)
        return false;
    bool ok = true;
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++) {
        const ynode *kn = m->items[2 * i];
        if (fod_recovery_word(kn))
            continue;
        if (fod_recovery_year(kn, &s->recovery[n].year, L->dl))
            s->recovery[n++].at = m->items[2 * i + 1]->at;
        else
            ok = false;
    }
    const ynode *unit = yf_need(m, "unit", "'recovery' (the mass unit of CH4 recovered, e.g. t)", L->dl);
    double to_gg = 0;
    if (!ok || !unit || !fod_mass_unit(unit, "unit", "CH4", &to_gg, L->dl))
        return false;
    const ynode *src = yn_get(m, "source");
    if (src && !yf_text(src, "source", L->dl))
        return false;
    for (size_t i = 0, r = 0; i < m->n; i++) {
        if (fod_recovery_word(m->items[2 * i]))
            continue;
        ok &= fod_recovery_amount(m->items[2 * i + 1], to_gg, &s->recovery[r++].ch4_gg, L->dl);
    }
    s->nrecovery = n;
    return fod_recovery_sort(s->recovery, n, L->dl) && ok;
}

