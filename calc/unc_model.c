/* unc_model.c - turns a computed inventory (and its base year) into uncertain inputs and emission lines. */
#include "uncertainty.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "fod.h"
#include "unc_internal.h"

/* ------------------------------------------------------------ defaults */

/* Default uncertainties of activity data by category prefix, used when a
 * record states none. Only what a guideline states as a default is here. */
static const struct {
    const char *prefix;
    double pct;
    const char *note;
} unc_ad_defaults[] = {
    /* 2006 IPCC Guidelines, Vol.2 (Energy), activity data uncertainties: "if no further data are available, the
     * recommended default uncertainty range for fossil fuel combustion data should be assumed to be plus or
     * minus 5 percent" (text read at climate-policy-watcher.org/emission-factors/activity-data-uncertainties). */
    {"1.A", 5.0, "default +/-5 % for fuel combustion statistics (2006 IPCC Guidelines Vol.2, activity data "
                 "uncertainties)"},
};

double unc_default_ad_pct(const char *cat, const char **note)
{
    for (size_t i = 0; i < sizeof unc_ad_defaults / sizeof *unc_ad_defaults; i++)
        if (cat_under(cat, unc_ad_defaults[i].prefix)) {
            if (note)
                *note = unc_ad_defaults[i].note;
            return unc_ad_defaults[i].pct;
        }
    if (note)
        *note = NULL;
    return NAN;
}

/* ---------------------------------------------------------- small growth */

/* Grows *arr (elements of `size` bytes) so that one more fits. */
bool unc_grow(void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, c * size);
    if (!p)
        return false;
    *arr = p;
    *cap = c;
    return true;
}

static size_t unc_hash_ptr(const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 31));
}

static size_t unc_hash_str(const char *s, size_t h)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* ------------------------------------------------------ distributions */

/* Sets the distribution of in->r from a range of minus/plus % (the 2.5 and
 * 97.5 percentiles, or the limits of a triangular or uniform one), and the
 * 2.5/97.5 % points of f = alpha + beta r. */
void unc_resolve(unc_model *m, unc_input *in, double minus, double plus, unc_dist dist, src_loc at)
{
    in->stated_minus_pct = minus;
    in->stated_plus_pct = plus;
    in->r = (rng_dist){RNG_FIXED, 1.0, 0, 0};
    bool asym = fabs(minus - plus) > 1e-9 * fmax(minus, plus);
    if (dist == UNC_DIST_AUTO)
        dist = asym ? UNC_DIST_LOGNORMAL : UNC_DIST_NORMAL;
    in->dist = dist;
    double lo = 1.0 - minus / 100.0, hi = 1.0 + plus / 100.0, qlo = 1.0, qhi = 1.0;
    if (!(minus > 0 || plus > 0) || in->nominal == 0.0) {
        in->minus_pct = in->plus_pct = 0;
        return;
    }
    if (dist == UNC_DIST_LOGNORMAL && !rng_lognormal_95(lo, hi, &in->r)) {
        diag_add(m->dl, DIAG_WARNING, at, "a lognormal range cannot reach %g%% below the value: taken as normal", minus);
        dist = in->dist = UNC_DIST_NORMAL;
    }
    if (dist == UNC_DIST_NORMAL) {
        double u = fmax(minus, plus) / 100.0; /* a symmetric normal: the larger deviation */
        in->r = (rng_dist){RNG_NORMAL, 1.0, u / UNC_Z975, 0};
        qlo = 1.0 - u;
        qhi = 1.0 + u;
    } else if (dist == UNC_DIST_LOGNORMAL) {
        qlo = lo;
        qhi = hi;
    } else {
        in->r = dist == UNC_DIST_TRIANGULAR ? (rng_dist){RNG_TRIANGULAR, lo, 1.0, hi}
                                            : (rng_dist){RNG_UNIFORM, lo, hi, 0};
        qlo = rng_quantile(&in->r, 0.025);
        qhi = rng_quantile(&in->r, 0.975);
    }
    double f1 = in->alpha + in->beta * qlo, f2 = in->alpha + in->beta * qhi;
    in->minus_pct = (1.0 - fmin(f1, f2)) * 100.0;
    in->plus_pct = (fmax(f1, f2) - 1.0) * 100.0;
}

/* The stream of correlation group `g` (added on first use). */
static uint32_t unc_group_stream(unc_model *m, const char *g)
{
    for (size_t i = 0; i < m->ngroups; i++)
        if (strcmp(m->gname[i], g) == 0)
            return m->gstream[i];
    size_t cap = m->capgroups;
    if (!unc_grow((void **)&m->gname, &cap, m->ngroups, sizeof *m->gname) ||
        !unc_grow((void **)&m->gstream, &m->capgroups, m->ngroups, sizeof *m->gstream))
        return UNC_NONE;
    m->gname[m->ngroups] = g;
    m->gstream[m->ngroups++] = m->nstreams;
    return m->nstreams++;
}

/* A new input (zeroed but for the defaults); NULL when out of memory. */
unc_input *unc_new_input(unc_model *m, unc_role role, const char *name)
{
    if (!unc_grow((void **)&m->in, &m->capin, m->nin, sizeof *m->in))
        return NULL;
    unc_input *in = &m->in[m->nin++];
    memset(in, 0, sizeof *in);
    in->role = role;
    in->name = name;
    in->rec = SIZE_MAX;
    in->gas = GAS_COUNT;
    in->beta = 1.0;
    in->stream = UNC_NONE;
    in->agg = UNC_NONE;
    in->r = (rng_dist){RNG_FIXED, 1.0, 0, 0};
    return in;
}

/* Gives `in` its stream: its group's, or `own` (a new one when UNC_NONE). */
bool unc_set_stream(unc_model *m, unc_input *in, uint32_t own)
{
    in->stream = in->group ? unc_group_stream(m, in->group) : own != UNC_NONE ? own : m->nstreams++;
    return in->stream != UNC_NONE;
}

/* ------------------------------------------------------------ inputs */

/* How the amount of record `rec` of `inv` states its uncertainty: its
 * mapping, its percentage, the default of its category, or nothing. */
void unc_amount_spec(const unc_model *m, const inventory *inv, const inv_record *rec, unc_amount *a)
{
    const unc_spec *s = inv_rec_unc(inv, rec);
    double pct = inv_rec_unc_pct(inv, rec);
    *a = (unc_amount){0, 0, UNC_DIST_AUTO, NULL, UNC_FROM_NONE, NULL, inv_loc(inv, rec->at)};
    if (s) {
        a->minus = s->minus_pct, a->plus = s->plus_pct, a->dist = s->dist, a->group = s->group, a->at = s->at;
        a->origin = UNC_FROM_STATED;
        a->note = s->source ? s->source : "stated on the record";
    } else if (!isnan(pct)) {
        a->minus = a->plus = pct;
        a->origin = UNC_FROM_STATED;
        a->note = "stated on the record";
    } else if (!m->opts.no_defaults && !isnan(a->minus = unc_default_ad_pct(rec->category, &a->note))) {
        a->plus = a->minus;
        a->origin = UNC_FROM_DEFAULT;
    } else {
        a->minus = 0;
        a->note = "no uncertainty stated: counted as exact";
    }
}

/* The input of record `i`'s amount in the inventory of `year`. */
static uint32_t unc_add_amount(unc_model *m, const inventory *inv, size_t i, unsigned year)
{
    const inv_record *rec = inv_rec(inv, i);
    unc_input *in = unc_new_input(m, UNC_ROLE_AD, "amount");
    if (!in)
        return UNC_NONE;
    in->rec = i;
    in->year = year;
    in->count = 1;
    in->nominal = rec->amount;
    unc_amount a;
    unc_amount_spec(m, inv, rec, &a);
    in->group = a.group;
    in->origin = a.origin;
    in->note = a.note;
    unc_resolve(m, in, a.minus, a.plus, a.dist, a.at);
    return unc_set_stream(m, in, UNC_NONE) ? (uint32_t)(m->nin - 1) : UNC_NONE;
}

/* The slot of factor value `fv` in the map (empty when new). */
static unc_fslot *unc_fslot_for(unc_model *m, const fset_value *fv)
{
    if ((m->fn + 1) * 2 > m->fcap) {
        size_t cap = m->fcap ? m->fcap * 2 : 256;
        unc_fslot *t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; i < m->fcap; i++) {
            if (!m->fmap[i].fv)
                continue;
            size_t j = unc_hash_ptr(m->fmap[i].fv) & (cap - 1);
            while (t[j].fv)
                j = (j + 1) & (cap - 1);
            t[j] = m->fmap[i];
        }
        free(m->fmap);
        m->fmap = t;
        m->fcap = cap;
    }
    size_t j = unc_hash_ptr(fv) & (m->fcap - 1);
    while (m->fmap[j].fv && m->fmap[j].fv != fv)
        j = (j + 1) & (m->fcap - 1);
    if (!m->fmap[j].fv) {
        m->fmap[j] = (unc_fslot){fv, UNC_NONE, {UNC_NONE, UNC_NONE, UNC_NONE}};
        m->fn++;
    }
    return &m->fmap[j];
}

/* The range of factor value `fv` as % below/above it; false when none. */
bool unc_factor_range(const fset_value *fv, double *minus, double *plus)
{
    if (!isnan(fv->lower) && fv->value != 0) {
        *minus = (fv->value - fv->lower) / fv->value * 100.0;
        *plus = (fv->upper - fv->value) / fv->value * 100.0;
        return true;
    }
    if (!isnan(fv->uncertainty_pct)) {
        *minus = *plus = fv->uncertainty_pct;
        return true;
    }
    return false;
}

/* The inventory's factor_uncertainty line for hit `h` (a value of a factor
 * set without a range of its own, not a record's override), or NULL. Year t's lines are looked at
 * first: a factor shared with the base year is one input, stated once. */
static const unc_factor_rule *unc_rule_of(const unc_model *m, const eng_hit *h)
{
    if (!h->entry || !fs_hit_param(h))
        return NULL;
    for (int y = 0; y < 2; y++) {
        const inventory *inv = m->inv[y];
        const unc_factor_rule *r =
            inv ? unc_factor_rule_for(inv->unc_rules, inv->nunc_rules, fs_hit_param(h), h->entry->key, h->entry->category)
                : NULL;
        if (r)
            return r;
    }
    return NULL;
}

/* The input of factor `h` entering as `kind` (one per factor value and
 * kind; one stream per factor value: the IPCC's correlation rule that a
 * factor used by many records is one quantity). */
static uint32_t unc_add_factor(unc_model *m, const eng_hit *h, unc_role role, fset_term kind)
{
    int k = kind == FSET_TERM_ONE_MINUS ? 1 : kind == FSET_TERM_ONE_PLUS ? 2 : 0;
    unc_fslot *slot = unc_fslot_for(m, h->v);
    if (!slot)
        return UNC_NONE;
    if (slot->ix[k] != UNC_NONE)
        return slot->ix[k];
    uint32_t stream = slot->stream;
    unc_input *in = unc_new_input(m, role, fs_hit_param(h) ? fs_hit_param(h) : "factor");
    if (!in)
        return UNC_NONE;
    const fset_value *fv = h->v;
    in->fv = fv;
    in->set_id = fs_hit_set(h);
    in->entry = h->entry;
    in->nominal = fv->value;
    in->group = fv->unc ? fv->unc->group : NULL;
    if (k) {
        double v = fv->value * fv->unit.scale; /* (1 - v) and (1 + v) take v as a fraction */
        double d = k == 1 ? 1.0 - v : 1.0 + v;
        in->alpha = d != 0 ? 1.0 / d : 1.0;
        in->beta = d != 0 ? (k == 1 ? -v : v) / d : 0.0;
    }
    double minus = 0, plus = 0;
    unc_dist dist = fv->unc ? fv->unc->dist : UNC_DIST_AUTO;
    src_loc at = fv->at;
    const unc_factor_rule *rule;
    if (unc_factor_range(fv, &minus, &plus)) {
        in->origin = UNC_FROM_STATED;
        in->note = !isnan(fv->lower) ? "factor range (lower, upper)" : "factor uncertainty";
    } else if ((rule = unc_rule_of(m, h))) { /* the inventory's factor_uncertainty fills the set's gap */
        minus = rule->spec.minus_pct, plus = rule->spec.plus_pct, dist = rule->spec.dist, at = rule->spec.at;
        in->group = rule->spec.group ? rule->spec.group : in->group;
        in->origin = UNC_FROM_STATED;
        in->note = rule->spec.source ? rule->spec.source : "stated in the inventory (factor_uncertainty)";
    } else
        in->note = "no range stated: counted as exact";
    unc_resolve(m, in, minus, plus, dist, at);
    if (!unc_set_stream(m, in, stream))
        return UNC_NONE;
    slot = unc_fslot_for(m, fv); /* the map may have moved */
    slot->stream = in->stream;
    slot->ix[k] = (uint32_t)(m->nin - 1);
    return slot->ix[k];
}

/* The GWP input of gas g, or UNC_NONE when the caller gave it no range. */
static uint32_t unc_add_gwp(unc_model *m, const gwp_set *gwp, gas_id g)
{
    if (!(m->opts.gwp_pct[g] > 0))
        return UNC_NONE;
    if (m->gwp_in[g] != UNC_NONE)
        return m->gwp_in[g];
    unc_input *in = unc_new_input(m, UNC_ROLE_GWP, "gwp");
    if (!in)
        return UNC_NONE;
    in->gas = g;
    in->nominal = gwp->gwp[g];
    in->origin = UNC_FROM_OPTION;
    in->note = "GWP uncertainty given for the run";
    unc_resolve(m, in, m->opts.gwp_pct[g], m->opts.gwp_pct[g], UNC_DIST_NORMAL, (src_loc){0});
    if (!unc_set_stream(m, in, UNC_NONE))
        return UNC_NONE;
    return m->gwp_in[g] = (uint32_t)(m->nin - 1);
}

/* ------------------------------------------------------------- rows */

/* The row id of (category, key, gas), added on first use. */
uint32_t unc_row_for(unc_model *m, const char *cat, const char *key, gas_id g)
{
    if (!m->opts.by_key)
        key = NULL;
    if ((m->rn + 1) * 2 > m->rcap) {
        size_t cap = m->rcap ? m->rcap * 2 : 128;
        unc_rslot *t = calloc(cap, sizeof *t);
        if (!t)
            return UNC_NONE;
        for (size_t i = 0; i < m->rcap; i++) {
            if (!m->rmap[i].used)
                continue;
            unc_rslot *s = &m->rmap[i];
            size_t j = unc_hash_str(s->key, unc_hash_str(s->category, 1469598103934665603ull + s->gas)) & (cap - 1);
            while (t[j].used)
                j = (j + 1) & (cap - 1);
            t[j] = *s;
        }
        free(m->rmap);
        m->rmap = t;
        m->rcap = cap;
    }
    size_t j = unc_hash_str(key, unc_hash_str(cat, 1469598103934665603ull + g)) & (m->rcap - 1);
    for (; m->rmap[j].used; j = (j + 1) & (m->rcap - 1)) {
        const unc_rslot *s = &m->rmap[j];
        if (s->gas == g && strcmp(s->category, cat) == 0 && (s->key == key || (s->key && key && !strcmp(s->key, key))))
            return s->id;
    }
    if (!unc_grow((void **)&m->rows, &m->caprows, m->nrows, sizeof *m->rows))
        return UNC_NONE;
    m->rows[m->nrows] = (unc_row_key){cat, key, g};
    m->rmap[j] = (unc_rslot){cat, key, g, (uint32_t)m->nrows, true};
    m->rn++;
    return (uint32_t)m->nrows++;
}

/* Adds a line and its inputs (n of them in ix[]). */
bool unc_add_line(unc_model *m, uint32_t row, unsigned year, size_t rec, double t, double e, const uint32_t *ix,
                  size_t n)
{
    if (row == UNC_NONE || !unc_grow((void **)&m->lines, &m->caplines, m->nlines, sizeof *m->lines))
        return false;
    unc_line *l = &m->lines[m->nlines++];
    *l = (unc_line){row, year, rec, t, e, (uint32_t)m->nlin, 0};
    for (size_t k = 0; k < n; k++) {
        if (ix[k] == UNC_NONE)
            continue;
        if (!unc_grow((void **)&m->lin, &m->caplin, m->nlin, sizeof *m->lin))
            return false;
        m->lin[m->nlin++] = ix[k];
        l->n++;
    }
    return true;
}

/* ------------------------------------------------------------- lines */

/* The factors of engine line `l` with the role and the way each enters:
 * the terms and EF of a product-method row, or NCV (unless the amount is
 * energy), EF and the oxidation of CO2 of a combustion row. */
size_t unc_line_hits(const eng_line *l, unc_hit out[UNC_MAX_HITS])
{
    size_t n = 0;
    if (l->chain) {
        for (unsigned k = 0; k < l->chain->nterms; k++)
            out[n++] = (unc_hit){&l->chain->term[k], UNC_ROLE_TERM, l->chain->kind[k]};
        out[n++] = (unc_hit){&l->chain->ef, UNC_ROLE_EF, FSET_TERM_MUL};
        return n;
    }
    const eng_res *res = l->res;
    if (res->ncv.v && !res->energy_input)
        out[n++] = (unc_hit){&res->ncv, UNC_ROLE_NCV, FSET_TERM_MUL};
    out[n++] = (unc_hit){&res->ef[l->gas], UNC_ROLE_EF, FSET_TERM_MUL};
    if (l->gas == GAS_CO2 && res->oxid.v)
        out[n++] = (unc_hit){&res->oxid, UNC_ROLE_OXID, FSET_TERM_MUL};
    return n;
}

/* The inputs of engine line `l` after the amount: NCV, EF and oxidation of
 * a combustion row, or the terms and EF of a product-method row (without
 * the record's own factors when `skip_record`); then the GWP when it is
 * uncertain. Returns how many were written to ix[], or SIZE_MAX when out of
 * memory. */
size_t unc_line_factors(unc_model *m, const eng_result *r, const eng_line *l, bool skip_record, uint32_t *ix)
{
    unc_hit h[UNC_MAX_HITS];
    size_t nh = unc_line_hits(l, h), n = 0;
    for (size_t k = 0; k < nh; k++) {
        if (skip_record && !h[k].h->entry)
            continue;
        if ((ix[n++] = unc_add_factor(m, h[k].h, h[k].role, h[k].kind)) == UNC_NONE)
            return SIZE_MAX;
    }
    if (m->opts.gwp_pct[l->gas] > 0 && (ix[n++] = unc_add_gwp(m, eng_gwp(r), l->gas)) == UNC_NONE)
        return SIZE_MAX;
    return n;
}

/* Adds the lines of every record of `r` (biogenic CO2, a memo item, left
 * out); a record of a cluster of several is the cluster's (unc_agg.c). */
static bool unc_add_records(unc_model *m, const eng_result *r, unsigned year)
{
    const inventory *inv = eng_inventory(r);
    eng_line lines[GAS_COUNT];
    uint32_t ix[ENG_MAX_TERMS + 4];
    bool err = false;
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(r, i, lines);
        if (m->cl && unc_agg_take(m, r, year, i, lines, n, &err))
            continue;
        if (err)
            return false;
        uint32_t ad = UNC_NONE;
        for (size_t k = 0; k < n; k++) {
            const eng_line *l = &lines[k];
            if (l->memo)
                continue;
            if (ad == UNC_NONE && (ad = unc_add_amount(m, inv, i, year)) == UNC_NONE)
                return false;
            ix[0] = ad;
            size_t nf = unc_line_factors(m, r, l, false, ix + 1);
            const inv_record *rec = inv_rec(inv, i);
            if (nf == SIZE_MAX || !unc_add_line(m, unc_row_for(m, rec->category, eng_rec_key(r, i), l->gas), year, i,
                                                l->emission_t_co2e, l->emission_t_co2e, ix, 1 + nf))
                return false;
        }
    }
    return true;
}

/* Adds one line per landfill site: its CH4 of the inventory year, with one
 * input for the modelled emission (no uncertainty unless stated: the site
 * format has no field for it yet). */
static bool unc_add_sites(unc_model *m, const eng_result *r, unsigned year)
{
    const inventory *inv = eng_inventory(r);
    const fod_result *fod;
    size_t n = eng_fod(r, &fod);
    for (size_t i = 0; i < n && i < inv->fod.nsites; i++) {
        double gg;
        if (!fod_emission_gg(&fod[i], (int)inv->year, &gg))
            continue;
        unc_input *in = unc_new_input(m, UNC_ROLE_EMISSION, "emission");
        if (!in)
            return false;
        in->rec = i;
        in->year = year;
        in->nominal = gg * 1000.0; /* Gg -> t CH4 */
        in->note = "landfill site: no uncertainty stated, counted as exact";
        unc_resolve(m, in, 0, 0, UNC_DIST_AUTO, inv->fod.sites[i].at);
        if (!unc_set_stream(m, in, UNC_NONE))
            return false;
        uint32_t ix[2] = {(uint32_t)(m->nin - 1), UNC_NONE};
        size_t ni = 1;
        if (m->opts.gwp_pct[GAS_CH4] > 0 && (ix[ni++] = unc_add_gwp(m, eng_gwp(r), GAS_CH4)) == UNC_NONE)
            return false;
        uint32_t row = unc_row_for(m, inv->fod.sites[i].category, "landfill", GAS_CH4);
        double t_ch4, t_co2e; /* t_ch4 is in->nominal; t_co2e at the landfill's (non-fossil) CH4 GWP */
        eng_fod_emission(r, i, &t_ch4, &t_co2e);
        if (!unc_add_line(m, row, year, i, t_co2e, t_co2e, ix, ni))
            return false;
    }
    return true;
}

/* A row key with its first-seen id, for sorting. */
typedef struct {
    unc_row_key key;
    uint32_t id;
} unc_sortrow;

static int unc_sortrow_cmp(const void *pa, const void *pb)
{
    const unc_row_key *a = &((const unc_sortrow *)pa)->key, *b = &((const unc_sortrow *)pb)->key;
    int c = strcmp(a->category, b->category);
    if (c)
        return c;
    c = strcmp(a->key ? a->key : "", b->key ? b->key : "");
    return c ? c : (int)a->gas - (int)b->gas;
}

/* Sorts the rows by category, key and gas and renumbers the lines. */
static bool unc_sort_rows(unc_model *m)
{
    unc_sortrow *s = malloc((m->nrows ? m->nrows : 1) * sizeof *s);
    uint32_t *newid = malloc((m->nrows ? m->nrows : 1) * sizeof *newid);
    if (!s || !newid) {
        free(s);
        free(newid);
        return false;
    }
    for (size_t i = 0; i < m->nrows; i++)
        s[i] = (unc_sortrow){m->rows[i], (uint32_t)i};
    qsort(s, m->nrows, sizeof *s, unc_sortrow_cmp);
    for (size_t i = 0; i < m->nrows; i++) {
        m->rows[i] = s[i].key;
        newid[s[i].id] = (uint32_t)i;
    }
    for (size_t i = 0; i < m->nlines; i++)
        m->lines[i].row = newid[m->lines[i].row];
    free(s);
    free(newid);
    return true;
}

/* ------------------------------------------------------------- public */

unc_model *unc_model_new(const eng_result *latest, const eng_result *base, const unc_opts *opts, diag_list *dl)
{
    unc_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    if (opts)
        m->opts = *opts;
    m->dl = dl;
    m->has_base = base != NULL;
    m->inv[0] = eng_inventory(latest);
    m->inv[1] = base ? eng_inventory(base) : NULL;
    for (int g = 0; g < GAS_COUNT; g++)
        m->gwp_in[g] = UNC_NONE;
    bool ok = m->opts.per_record ||
              (unc_agg_scan(m, latest, UNC_LATEST) && (!base || unc_agg_scan(m, base, UNC_BASE)));
    ok = ok && unc_add_records(m, latest, UNC_LATEST) && unc_add_sites(m, latest, UNC_LATEST);
    if (ok && base)
        ok = unc_add_records(m, base, UNC_BASE) && unc_add_sites(m, base, UNC_BASE);
    unc_agg_done(m);
    if (!ok || !unc_sort_rows(m)) {
        unc_model_free(m);
        return NULL;
    }
    m->dl = NULL;
    return m;
}

void unc_model_free(unc_model *m)
{
    if (!m)
        return;
    free(m->in);
    free(m->lines);
    free(m->lin);
    free(m->fmap);
    free(m->rmap);
    free(m->rows);
    free(m->gname);
    free(m->gstream);
    unc_agg_done(m);
    for (size_t i = 0; i < m->naggs; i++)
        free((double *)m->aggs[i].cov);
    free(m->aggs);
    free(m);
}

size_t unc_model_inputs(const unc_model *m, const unc_input **out)
{
    *out = m->in;
    return m->nin;
}

size_t unc_model_lines(const unc_model *m, const unc_line **out)
{
    *out = m->lines;
    return m->nlines;
}

const uint32_t *unc_model_line_inputs(const unc_model *m) { return m->lin; }
uint32_t unc_model_streams(const unc_model *m) { return m->nstreams; }
bool unc_model_has_base(const unc_model *m) { return m->has_base; }

size_t unc_model_aggs(const unc_model *m, const unc_agg **out)
{
    *out = m->aggs;
    return m->naggs;
}

size_t unc_model_rows(const unc_model *m, const unc_row_key **out)
{
    *out = m->rows;
    return m->nrows;
}

const char *unc_role_name(unc_role r)
{
    static const char *const names[UNC_ROLE_COUNT] = {"activity data", "NCV", "emission factor", "oxidation",
                                                      "parameter", "modelled emission", "GWP"};
    return r < UNC_ROLE_COUNT ? names[r] : "?";
}

const char *unc_origin_name(unc_origin o)
{
    static const char *const names[UNC_FROM_COUNT] = {"none", "stated", "default", "option"};
    return o < UNC_FROM_COUNT ? names[o] : "?";
}
