/* unc_input.c - reads the uncertainty of records and factor values from their YAML nodes (a loader helper). */
#include "unc_load.h"
#include "unc_spec.h"

#include <math.h>
#include <string.h>

#include "factors.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"

static const char *const unc_dist_names[UNC_DIST_COUNT] = {"auto", "normal", "lognormal", "triangular", "uniform"};

const char *unc_dist_name(unc_dist d) { return d < UNC_DIST_COUNT ? unc_dist_names[d] : "?"; }

/* Reads `distribution: NAME` into *out; false (reported) when unknown. */
static bool unc_parse_dist(const ynode *n, unc_dist *out, diag_list *dl)
{
    const char *t = yf_text(n, "distribution", dl);
    if (!t)
        return false;
    for (int d = UNC_DIST_NORMAL; d < UNC_DIST_COUNT; d++)
        if (strcmp(t, unc_dist_names[d]) == 0) {
            *out = (unc_dist)d;
            return true;
        }
    const char *hint = txt_suggest(t, unc_dist_names + 1, UNC_DIST_COUNT - 1);
    diag_error(dl, n->at, "unknown distribution '%s'%s%s%s", t, hint ? " (did you mean '" : "",
               hint ? hint : " (use normal, lognormal, triangular or uniform)", hint ? "'?)" : "");
    return false;
}

/* Reads one percentage key (`pct`, `minus`, `plus`) into *out: a size, so
 * zero or more. False (reported) otherwise. */
static bool unc_parse_pct(const ynode *n, const char *key, double *out, diag_list *dl)
{
    const char *t = n->kind == YN_SCALAR ? n->text : NULL;
    bool bare;
    if (t && txt_percent_signed(t, out, &bare) && *out < 0) {
        diag_error(dl, n->at, "'%s' is %s: write the size of the deviation without a sign, such as %g%%", key, t,
                   -*out);
        return false;
    }
    return yf_percent(n, key, out, dl); /* the % sign required, as for a record's `uncertainty: 5%` */
}

/* Reads the range of a record's mapping: `pct`, or `minus` with `plus`. */
static bool unc_parse_range(const ynode *n, unc_spec *out, diag_list *dl)
{
    const ynode *pct = yn_get(n, "pct"), *lo = yn_get(n, "minus"), *hi = yn_get(n, "plus");
    if (pct && (lo || hi)) {
        diag_error(dl, (lo ? lo : hi)->at, "'uncertainty' gives both 'pct' and '%s': give 'pct' for a symmetric "
                   "range, or 'minus' and 'plus'", lo ? "minus" : "plus");
        return false;
    }
    if (pct) {
        if (!unc_parse_pct(pct, "pct", &out->minus_pct, dl))
            return false;
        out->plus_pct = out->minus_pct;
        return true;
    }
    if (!lo || !hi) {
        diag_error(dl, n->at, "'uncertainty' needs 'pct' (such as 5%%) or both 'minus' and 'plus' (such as 10%% "
                   "and 30%%)");
        return false;
    }
    bool ok = unc_parse_pct(lo, "minus", &out->minus_pct, dl);
    return unc_parse_pct(hi, "plus", &out->plus_pct, dl) && ok; /* both read, both reported */
}

/* Checks what the distribution asks of the range: a lognormal's 2.5
 * percentile must stay above zero. */
static bool unc_check_range(const unc_spec *s, diag_list *dl)
{
    bool asym = fabs(s->minus_pct - s->plus_pct) > 1e-9 * fmax(s->minus_pct, s->plus_pct);
    bool logn = s->dist == UNC_DIST_LOGNORMAL || (s->dist == UNC_DIST_AUTO && asym);
    if (logn && !(s->minus_pct < 100.0)) {
        diag_error(dl, s->at, "a lognormal range cannot reach %g%% below the value: give 'minus' under 100%%, or "
                   "'distribution: normal'", s->minus_pct);
        return false;
    }
    return true;
}

bool unc_parse_record(const ynode *n, pool *mem, unc_spec *out, double *pct, diag_list *dl)
{
    static const char *const keys[] = {"pct", "minus", "plus", "distribution", "group", "source"};
    if (n->kind == YN_SCALAR) {
        yf_percent(n, "uncertainty", pct, dl); /* the % sign required: a bare 0.05 is refused */
        return false;
    }
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "'uncertainty' must be a percentage such as 5%% or a mapping such as {minus: 10%%, "
                   "plus: 30%%}, not %s", yn_kind_name(n));
        return false;
    }
    memset(out, 0, sizeof *out);
    out->minus_pct = out->plus_pct = NAN;
    out->at = n->at;
    if (!yf_check_keys(n, keys, sizeof keys / sizeof *keys, "'uncertainty'", dl) || !unc_parse_range(n, out, dl))
        return false;
    const ynode *d = yn_get(n, "distribution"), *g = yn_get(n, "group"), *s = yn_get(n, "source");
    if (d && !unc_parse_dist(d, &out->dist, dl))
        return false;
    const char *t;
    if (g && (t = yf_text(g, "group", dl)))
        out->group = pool_intern(mem, t, strlen(t));
    if (s && (t = yf_text(s, "source", dl)))
        out->source = pool_strdup(mem, t);
    return unc_check_range(out, dl);
}

const unc_spec *unc_parse_factor(const ynode *dist, const ynode *group, pool *mem, diag_list *dl)
{
    if (!dist && !group)
        return NULL;
    unc_spec s = {.minus_pct = NAN, .plus_pct = NAN, .at = (dist ? dist : group)->at};
    if (dist && !unc_parse_dist(dist, &s.dist, dl))
        return NULL;
    const char *t;
    if (group && (t = yf_text(group, "group", dl)))
        s.group = pool_intern(mem, t, strlen(t));
    unc_spec *out = pool_alloc(mem, sizeof *out);
    if (out)
        *out = s;
    return out;
}

/* Reads one line of `factor_uncertainty:` into *r; false (reported) when
 * it is unusable. */
static bool unc_parse_rule(const ynode *e, pool *mem, unc_factor_rule *r, diag_list *dl)
{
    static const char *const keys[] = {"param", "fuel", "activity", "category", "uncertainty", "source"};
    if (e->kind != YN_MAP) {
        diag_error(dl, e->at, "each line of 'factor_uncertainty' must be a mapping such as {param: co2, fuel: "
                   "natural_gas, uncertainty: 3%%}");
        return false;
    }
    if (!yf_check_keys(e, keys, sizeof keys / sizeof *keys, "a line of 'factor_uncertainty'", dl))
        return false;
    const ynode *p = yn_get(e, "param"), *fu = yn_get(e, "fuel"), *ac = yn_get(e, "activity");
    const ynode *c = yn_get(e, "category"), *u = yn_get(e, "uncertainty"), *s = yn_get(e, "source");
    if (!p || !u) {
        diag_error(dl, e->at, "a line of 'factor_uncertainty' needs 'param' (such as co2 or ncv) and 'uncertainty' "
                   "(such as 5%% or {minus: 50%%, plus: 100%%})");
        return false;
    }
    if (fu && ac) {
        diag_error(dl, ac->at, "give 'fuel' or 'activity', not both");
        return false;
    }
    const char *t;
    memset(r, 0, sizeof *r);
    if (!(t = yf_text(p, "param", dl)))
        return false;
    if (!fset_param_lookup(t)) {
        diag_error(dl, p->at, "unknown factor parameter '%s' (such as ncv, co2, ch4, n2o, carbon_content)", t);
        return false;
    }
    r->param = pool_intern(mem, t, strlen(t));
    const ynode *k = fu ? fu : ac;
    if (k && (t = yf_text(k, fu ? "fuel" : "activity", dl)))
        r->key = pool_intern(mem, t, strlen(t));
    if (c && (t = yf_text(c, "category", dl)))
        r->category = pool_intern(mem, t, strlen(t));
    double pct = NAN;
    if (!unc_parse_record(u, mem, &r->spec, &pct, dl)) {
        if (isnan(pct) || pct < 0)
            return false; /* reported */
        r->spec = (unc_spec){.minus_pct = pct, .plus_pct = pct, .at = u->at};
    }
    if (s && (t = yf_text(s, "source", dl)))
        r->spec.source = pool_strdup(mem, t);
    return true;
}

const unc_factor_rule *unc_parse_factor_rules(const ynode *seq, pool *mem, size_t *n, diag_list *dl)
{
    *n = 0;
    if (seq->kind != YN_SEQ) {
        diag_error(dl, seq->at, "'factor_uncertainty' must be a list such as [{param: co2, fuel: natural_gas, "
                   "uncertainty: 3%%}]");
        return NULL;
    }
    unc_factor_rule *r = pool_alloc(mem, (seq->n ? seq->n : 1) * sizeof *r);
    for (size_t i = 0; r && i < seq->n; i++)
        if (unc_parse_rule(seq->items[i], mem, &r[*n], dl))
            (*n)++;
    return *n ? r : NULL;
}

const unc_factor_rule *unc_factor_rule_for(const unc_factor_rule *rules, size_t n, const char *param, const char *key,
                                           const char *category)
{
    for (size_t i = n; i-- > 0;) {
        const unc_factor_rule *r = &rules[i];
        if (strcmp(r->param, param) != 0 || (r->key && (!key || strcmp(r->key, key) != 0)))
            continue;
        if (r->category && (!category || strcmp(r->category, category) != 0))
            continue;
        return r;
    }
    return NULL;
}
