/* audit.c - one report through the audit: load, recompute with the engine, apply the rules, collect the findings. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_int.h"
#include "yreader.h"
#include "textutil.h"

#define AUD_MAX_LOAD_FINDINGS 50 /* an unreadable report's first problems; the rest add nothing */

aud_fact aud_fact_at(src_loc at, const char *subject, const char *parameter, const char *unit)
{
    return (aud_fact){at, subject, parameter, unit, NAN, NAN, NAN, NAN, NULL};
}

double aud_rel_diff(double a, double b)
{
    if (a == b)
        return 0;
    return b != 0 ? fabs(a - b) / fabs(b) : INFINITY;
}

double aud_convert(double v, const units_t *from, const units_t *to)
{
    double f;
    return units_factor(from, to, &f) ? v * f : NAN;
}

bool aud_row_for(const aud_row *w, const aud_report *rep)
{
    if (w->industry && strcmp(w->industry, aud_industry_name(rep->industry)) != 0)
        return false;
    return !w->route || (rep->route && strcmp(w->route, rep->route) == 0);
}

bool aud_row_fuel(const aud_row *w, const char *key)
{
    for (size_t i = 0; i < w->nfuels; i++)
        if (key && strcmp(w->fuels[i], key) == 0)
            return true;
    return w->nfuels == 0;
}

bool aud_row_unit_class(const aud_row *w, const char *cls)
{
    for (size_t i = 0; i < w->nunit_classes; i++)
        if (cls && strcmp(w->unit_classes[i], cls) == 0)
            return true;
    return w->nunit_classes == 0;
}

double aud_meter_factor(const aud_meter *m, int month, bool production)
{
    double sign = production ? -1.0 : 1.0;
    double beyond = !isnan(m->actual) && m->actual > m->required ? m->actual - m->required : 0;
    switch (m->status) {
    case AUD_CAL_NEVER:
        return 1 + sign * m->required;
    case AUD_CAL_OK:
        return 1 + sign * beyond;
    case AUD_CAL_LATE:
        if (month == 0) { /* a yearly figure: the uncovered months' share of the year */
            unsigned k = 0;
            for (int i = 1; i <= 12; i++)
                k += (m->uncovered >> i) & 1u;
            return 1 + sign * (m->required * k / 12.0 + beyond * (12 - k) / 12.0);
        }
        return 1 + sign * ((m->uncovered >> month) & 1u ? m->required : beyond);
    default:
        return 1;
    }
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant,
 * "chrono-compatible low-level date algorithms", days_from_civil): years
 * counted from March, so the leap day ends a year; 146097 days in a 400-year
 * era; 719468 days from 0000-03-01 to 1970-01-01. */
long aud_days(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void aud_fuel_subject(const aud_unit *u, const aud_fuel *f, char *buf, size_t len)
{
    snprintf(buf, len, "unit %s / %s", u->id ? u->id : "?", f->fuel ? f->fuel : "?");
}

/* A copy of `s`, or NULL. */
static char *aud_dup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* A new finding slot of `e` (zeroed, numbers NAN); NULL when out of memory. */
static aud_finding *aud_new_finding(aud_enterprise *e)
{
    if (e->nfind == e->capfind) {
        size_t cap = e->capfind ? e->capfind * 2 : 16;
        aud_finding *f = realloc(e->find, cap * sizeof *f);
        if (!f)
            return NULL;
        e->find = f;
        e->capfind = cap;
    }
    aud_finding *f = &e->find[e->nfind++];
    memset(f, 0, sizeof *f);
    f->declared = f->verified = f->diff = NAN;
    return f;
}

/* A number as a message shows it: tonnes and other large figures to two
 * decimals (as the reporting tables round them, CETS-AG-03 annex C.3 note
 * *2), smaller ones to five significant digits. */
static void aud_fmt_num(char *buf, size_t len, double v)
{
    if (isnan(v))
        snprintf(buf, len, "-");
    else if (fabs(v) >= 1000)
        snprintf(buf, len, "%.2f", v);
    else
        snprintf(buf, len, "%.5g", v);
}

/* The value of placeholder `name` ("declared", "diff_pct", ...) for `f`. */
static void aud_placeholder(const aud_rule *r, const aud_fact *f, const char *name, char *buf, size_t len)
{
    double diff = f->verified - f->declared;
    const char *texts[][2] = {{"subject", f->subject},
                              {"parameter", f->parameter},
                              {"unit", f->unit},
                              {"detail", f->detail},
                              {"threshold", r->threshold_text}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (strcmp(name, texts[i][0]) == 0) {
            snprintf(buf, len, "%s", texts[i][1] ? texts[i][1] : "");
            return;
        }
    if (strcmp(name, "diff_pct") == 0) { /* how far the declared figure is off the verified one */
        double p = f->verified != 0 ? -diff / fabs(f->verified) * 100 : NAN;
        if (isnan(p))
            snprintf(buf, len, "-");
        else
            snprintf(buf, len, "%+.2f", p);
        return;
    }
    const struct {
        const char *n;
        double v;
    } nums[] = {
        {"declared", f->declared}, {"verified", f->verified}, {"diff", diff}, {"low", f->low}, {"high", f->high}};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
        if (strcmp(name, nums[i].n) == 0) {
            aud_fmt_num(buf, len, nums[i].v);
            return;
        }
    snprintf(buf, len, "{%s}", name);
}

/* The rule's message template with its placeholders filled (malloc'd). */
static char *aud_expand(const aud_rule *r, const aud_fact *f)
{
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    if (!m)
        return NULL;
    for (const char *p = r->message ? r->message : r->id; *p; p++) {
        const char *end = *p == '{' ? strchr(p, '}') : NULL;
        if (!end || end - p > 32) {
            fputc(*p, m);
            continue;
        }
        char name[40], val[256];
        snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
        aud_placeholder(r, f, name, val, sizeof val);
        fputs(val, m);
        p = end;
    }
    fclose(m);
    return out;
}

void aud_emit(aud_ctx *c, const aud_rule *r, const aud_fact *f)
{
    aud_finding *x = aud_new_finding(c->e);
    if (!x)
        return;
    x->rule = r;
    x->rule_id = r->id;
    x->severity = r->severity;
    x->category = r->category;
    x->message = aud_expand(r, f);
    x->subject = aud_dup(f->subject);
    x->parameter = aud_dup(f->parameter);
    x->unit = aud_dup(f->unit);
    x->declared = f->declared;
    x->verified = f->verified;
    x->diff = f->verified - f->declared;
    x->at = f->at;
    c->e->count[r->severity]++;
}

void aud_emit_fixed(aud_enterprise *e, const char *rule_id, aud_severity sev, src_loc at, const char *message)
{
    aud_finding *x = aud_new_finding(e);
    if (!x)
        return;
    x->rule_id = rule_id;
    x->severity = sev;
    x->category = "other";
    x->message = aud_dup(message);
    x->subject = aud_dup("report");
    x->at = at;
    e->count[sev]++;
}

/* Every error of `dl` as a finding of `rule_id` (at most AUD_MAX_LOAD_FINDINGS). */
static void aud_diag_findings(aud_enterprise *e, const diag_list *dl, const char *rule_id)
{
    size_t shown = 0;
    for (size_t i = 0; i < diag_count(dl) && shown < AUD_MAX_LOAD_FINDINGS; i++) {
        diag_level lv;
        src_loc at;
        const char *t = diag_get(dl, i, &lv, &at);
        if (lv != DIAG_ERROR)
            continue;
        aud_emit_fixed(e, rule_id, AUD_ERROR, at, t);
        shown++;
    }
    if (diag_error_count(dl) > shown)
        aud_emit_fixed(e, rule_id, AUD_ERROR, (src_loc){e->path, 0, 0}, "more problems follow: fix these first");
}

/* Applies every enabled rule of `rs` to `e`. */
static void aud_apply(aud_enterprise *e, const aud_rules *rs, double tolerance)
{
    aud_ctx c = {e, e->rep, rs, isnan(tolerance) ? rs->tolerance : tolerance};
    for (size_t i = 0; i < rs->n; i++) {
        const aud_rule *r = &rs->rules[i];
        aud_check_fn fn = r->id && r->enabled ? aud_checker(r->id) : NULL;
        if (fn)
            fn(&c, r);
    }
}

/* aud_check of the report at `path`, read from `yr` when it is already open. */
static aud_enterprise *aud_check_any(const char *path, struct yreader *yr, const aud_rules *rs, fset_db *db,
                                     const char *const *dirs, size_t ndirs, double tolerance)
{
    aud_enterprise *e = calloc(1, sizeof *e);
    diag_list *dl = diag_new();
    if (!e || !dl) {
        free(e);
        diag_free(dl);
        if (yr)
            yr_close(yr);
        return NULL;
    }
    e->path = path;
    e->declared_t = e->recomputed_t = e->conservative_t = NAN;
    e->rep = yr ? aud_load_from(yr, dl) : aud_load(path, dl);
    if (!e->rep || diag_error_count(dl)) {
        aud_diag_findings(e, dl, "report.unreadable");
        aud_report_free(e->rep);
        e->rep = NULL;
        diag_free(dl);
        return e;
    }
    e->readable = true;
    e->recomputed = aud_recompute(e, db, dirs, ndirs, dl);
    if (!e->recomputed)
        aud_diag_findings(e, dl, "report.not_recomputable");
    diag_free(dl);
    aud_apply(e, rs, tolerance);
    eng_release(e->eng); /* the results stay for the writers; the factor index is done with */
    return e;
}

aud_enterprise *aud_check(const char *path, const aud_rules *rs, fset_db *db, const char *const *dirs, size_t ndirs,
                          double tolerance)
{
    return aud_check_any(path, NULL, rs, db, dirs, ndirs, tolerance);
}

aud_enterprise *aud_check_from(struct yreader *yr, const aud_rules *rs, fset_db *db, const char *const *dirs,
                               size_t ndirs, double tolerance)
{
    return aud_check_any(yr_path(yr), yr, rs, db, dirs, ndirs, tolerance);
}

void aud_enterprise_free(aud_enterprise *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->nfind; i++) {
        free(e->find[i].message);
        free(e->find[i].subject);
        free(e->find[i].parameter);
        free(e->find[i].unit);
    }
    free(e->find);
    free(e->rows);
    eng_free(e->eng);
    inv_free(e->inv);
    aud_report_free(e->rep);
    free(e);
}

size_t aud_count_at_least(const aud_enterprise *e, aud_severity min)
{
    size_t n = 0;
    for (int s = min; s < AUD_NSEVERITY; s++)
        n += e->count[s];
    return n;
}
