/* engine.c - factor resolution, the fuel-combustion method and compensated totals. */
#include "engine.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "fsearch.h"
#include "nsum.h"
#include "totals.h"
#include "pool.h"
#include "ptrmap.h"
#include "textutil.h"

#define ENG_C_TO_CO2 (44.0 / 12.0) /* molar mass ratio CO2/C, IPCC 2006 Vol.2 Ch.1 Eq. 1.2 note */
#define ENG_J_PER_TJ 1e12          /* J / TJ */
#define ENG_KG_PER_T 1e3           /* kg / t */

typedef struct {
    const void *cat, *key, *unit; /* interned pointers: identity of a resolution */
    eng_res *res;
} eng_slot;

struct eng_result {
    const inventory *inv;
    const gwp_set *gwp;
    fs_order *fs;             /* the factor sets searched */
    const eng_res **rec_res;  /* per record */
    eng_slot *cache;          /* open addressing, power-of-two size */
    size_t cache_cap, cache_n;
    tot_table *tot;           /* totals by category and gas */
    const eng_cat_total *cats; /* the finished totals, sorted (owned by tot) */
    size_t ncats;
    eng_hit *used;            /* distinct factors used, in first-use order */
    size_t nused, capused;
    ptrmap used_set;          /* which values are in `used` */
    struct pool *mem;         /* resolutions, their chains, the FOD model tables */
    fod_result *fod;          /* one per landfill site */
    double *fod_t, *fod_t_co2e; /* each site's CH4 of the inventory year, t and t CO2e */
    size_t nfod;
    eng_indirect_line *ind;   /* purchased electricity and heat */
    double ind_t[2];          /* totals: consumption view, net-import view */
    eng_ref_line *ref;        /* reference approach */
    eng_res *ref_res;         /* its resolutions, one per fuel */
    eng_ref_summary ref_sum;
    eng_complete *complete;   /* completeness by category */
    size_t ncomplete;
};

const inventory *eng_inventory(const eng_result *r) { return r->inv; }
const gwp_set *eng_gwp(const eng_result *r) { return r->gwp; }
eng_order eng_search_order(const eng_result *r) { return (eng_order){fs_sets(r->fs), fs_count(r->fs)}; }
const fs_order *eng_factor_order(const eng_result *r) { return r->fs; }

/* Records a factor as used, once (found by the value's identity). */
static void eng_note_used(eng_result *r, const eng_hit *h)
{
    size_t at;
    bool added;
    if (!h->v || !pm_put(&r->used_set, h->v, &at, &added) || !added)
        return;
    if (r->nused == r->capused) {
        size_t cap = r->capused ? r->capused * 2 : 64;
        eng_hit *u = realloc(r->used, cap * sizeof *u);
        if (!u)
            return;
        r->used = u;
        r->capused = cap;
    }
    r->used[r->nused++] = *h;
}

/* Whether `amount_unit` x `ncv_unit` is an energy. */
static bool eng_ncv_fits(const units_t *amount_unit, const units_t *ncv_unit)
{
    units_t e = units_mul(amount_unit, ncv_unit);
    return units_is(&e, UNITS_DIM_ENERGY);
}

/* A record-level override of `param`, or an empty hit. */
static eng_hit eng_override(const inv_record *rec, const char *param)
{
    for (unsigned i = 0; i < rec->novr; i++)
        if (strcmp(rec->ovr[i].name, param) == 0)
            return (eng_hit){&rec->ovr[i].v, "record", NULL, rec->ovr[i].name};
    return (eng_hit){NULL, NULL, NULL, param};
}

/* Resolves the NCV and the unit factor of `res` for `rec`. */
static bool eng_resolve_energy(const eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    units_t u, tj = units_tj();
    char msg[200], sets[256];
    if (units_parse(rec->unit_text, &u, msg, sizeof msg) != UNITS_OK)
        return false; /* reported by the loader */
    if (units_is(&u, UNITS_DIM_ENERGY)) {
        res->energy_input = true;
        res->unit_factor = u.scale / tj.scale;
        return true;
    }
    src_loc at = inv_loc(r->inv, rec->unit_at);
    units_t m3;
    units_parse("m3", &m3, NULL, 0);
    if (!units_is(&u, UNITS_DIM_MASS) && !units_same_dim(&u, &m3)) {
        char dim[64];
        units_dim_name(&u, dim, sizeof dim);
        diag_error(dl, at, "unit '%s' measures %s: a fuel amount must be a mass, a volume or an energy",
                   rec->unit_text, dim);
        return false;
    }
    eng_hit h = eng_override(rec, "ncv");
    if (h.v && !eng_ncv_fits(&u, &h.v->unit)) {
        diag_error(dl, h.v->at, "the record's ncv is in '%s', which does not turn '%s' into energy: give the NCV "
                   "per %s", h.v->unit_text, rec->unit_text, units_is(&u, UNITS_DIM_MASS) ? "mass" : "volume");
        return false;
    }
    if (!h.v)
        h = fs_find(r->fs, rec->key, rec->category, "ncv", &u, NULL);
    if (!h.v) {
        eng_hit any = fs_find(r->fs, rec->key, rec->category, "ncv", NULL, NULL);
        fs_text(r->fs, sets, sizeof sets);
        if (any.v)
            diag_error(dl, at, "amount of '%s' is in '%s' (%s) but its NCV in set %s is in '%s': give the amount "
                       "in %s, or an 'ncv:' on the record in energy per %s", rec->key, rec->unit_text,
                       units_is(&u, UNITS_DIM_MASS) ? "mass" : "volume", any.set_id, any.v->unit_text,
                       units_is(&u, UNITS_DIM_MASS) ? "volume" : "mass",
                       units_is(&u, UNITS_DIM_MASS) ? "mass" : "volume");
        else
            diag_error(dl, at, "no NCV for fuel '%s' to convert '%s' into energy (searched: %s): add 'ncv:' to "
                       "the record or give the amount in an energy unit such as TJ", rec->key, rec->unit_text,
                       sets);
        return false;
    }
    res->ncv = h;
    units_t prod = units_mul(&u, &h.v->unit);
    res->unit_factor = prod.scale / tj.scale;
    return true;
}

/* The factor that turns TJ x (value in `v`'s unit) into tonnes of gas. */
static double eng_ef_factor(const fset_value *v, bool carbon)
{
    double f = ENG_J_PER_TJ * v->unit.scale / ENG_KG_PER_T;
    return carbon ? f * ENG_C_TO_CO2 : f;
}

/* Resolves the CO2 factor: an EF or a carbon content with its oxidation. */
static bool eng_resolve_co2(const eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    eng_hit ef = eng_override(rec, "co2"), cc = eng_override(rec, "carbon_content");
    if (ef.v && cc.v) {
        diag_error(dl, cc.v->at, "the record gives both 'co2' and 'carbon_content': keep one");
        return false;
    }
    if (!ef.v && !cc.v) {
        ef = fs_find(r->fs, rec->key, rec->category, "co2", NULL, NULL);
        cc = fs_find(r->fs, rec->key, rec->category, "carbon_content", NULL, NULL);
        /* The earlier set wins; in one set the more specific category, then the EF. */
        if (ef.v && cc.v) {
            size_t se = fs_rank(r->fs, ef.set_id), sc = fs_rank(r->fs, cc.set_id);
            unsigned de = ef.entry->category ? cat_depth(ef.entry->category) : 0;
            unsigned dc = cc.entry->category ? cat_depth(cc.entry->category) : 0;
            if (sc < se || (sc == se && dc > de))
                ef.v = NULL;
            else
                cc.v = NULL;
        }
    }
    bool carbon = cc.v != NULL;
    res->ef[GAS_CO2] = carbon ? cc : ef;
    if (!res->ef[GAS_CO2].v)
        return true; /* reported by the caller with the other gases */
    res->ef_factor[GAS_CO2] = eng_ef_factor(res->ef[GAS_CO2].v, carbon);
    /* Oxidation: a record override, else the set that gave the CO2 factor,
     * else 1 (IPCC 2006 Vol.2 Ch.1 1.4.2.1: default EFs assume full oxidation). */
    eng_hit ox = eng_override(rec, "oxidation");
    if (!ox.v && res->ef[GAS_CO2].entry) {
        ox = fs_find(r->fs, rec->key, rec->category, "oxidation", NULL, res->ef[GAS_CO2].entry->set);
    }
    res->oxid = ox;
    res->oxidation = ox.v ? ox.v->value * ox.v->unit.scale : 1.0;
    return true;
}

static bool eng_resolve_chain(eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl);

/* Fills `res` for record `rec`; reports what is missing. */
static bool eng_resolve(eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    size_t errs = diag_error_count(dl);
    if (!fs_known(r->fs, rec->key) && rec->novr == 0) {
        fs_unknown(r->fs, rec->key, "fuel", inv_loc(r->inv, rec->key_at), dl);
        return false;
    }
    if (!cat_under(rec->category, "1.A")) {
        res->ok = eng_resolve_chain(r, rec, res, dl) && diag_error_count(dl) == errs;
        return res->ok;
    }
    if (!eng_resolve_energy(r, rec, res, dl))
        return false;
    bool co2_ok = eng_resolve_co2(r, rec, res, dl);
    for (int g = GAS_CH4; g < GAS_MAIN; g++) {
        eng_hit h = eng_override(rec, gas_param((gas_id)g));
        if (!h.v)
            h = fs_find(r->fs, rec->key, rec->category, gas_param((gas_id)g), NULL, NULL);
        res->ef[g] = h;
        if (h.v)
            res->ef_factor[g] = eng_ef_factor(h.v, false);
    }
    for (int g = 0; g < GAS_MAIN; g++) {
        if (rec->not_estimated & (1u << g)) {
            res->ef[g].v = NULL;
            continue;
        }
        if (res->ef[g].v || (g == GAS_CO2 && !co2_ok))
            continue;
        char sets[256];
        fs_text(r->fs, sets, sizeof sets);
        diag_error(dl, inv_loc(r->inv, rec->key_at),
                   "no %s emission factor for fuel '%s' in category %s (searched: %s): add '%s:' to the record, "
                   "or list it under 'not_estimated'", gas_name((gas_id)g), rec->key, rec->category, sets,
                   gas_param((gas_id)g));
    }
    /* Biogenic: the first entry for the fuel that says so, in search order. */
    res->biogenic = fs_biogenic(r->fs, rec->key) == 1;
    res->ok = diag_error_count(dl) == errs;
    if (res->ok) {
        eng_note_used(r, &res->ncv);
        for (int g = 0; g < GAS_MAIN; g++)
            eng_note_used(r, &res->ef[g]);
        eng_note_used(r, &res->oxid);
    }
    return res->ok;
}

/* ----------------------------------------------------------- product method */

/* Mass ratio that turns an amount of `species` into the gas `g`, or 0 when
 * it cannot: C -> CO2 44/12, N2O-N -> N2O 44/28, CH4-C -> CH4 16/12
 * (IPCC 2006 Vol.4 Ch.10-11 and Vol.5 Ch.3 use these ratios). */
static double eng_species_ratio(const char *species, gas_id g, const char **note)
{
    *note = NULL;
    if (!species[0] || strcmp(species, gas_name(g)) == 0)
        return 1.0;
    if (g == GAS_CO2 && strcmp(species, "C") == 0) {
        *note = "44/12 (C to CO2)";
        return 44.0 / 12.0;
    }
    if (g == GAS_N2O && strcmp(species, "N2O-N") == 0) {
        *note = "44/28 (N2O-N to N2O)";
        return 44.0 / 28.0;
    }
    if (g == GAS_CH4 && strcmp(species, "CH4-C") == 0) {
        *note = "16/12 (CH4-C to CH4)";
        return 16.0 / 12.0;
    }
    return 0.0;
}

/* Whether the `gas:` scope of term value `v` includes gas `g`. */
static bool eng_term_applies(const fset_value *v, gas_id g) { return !v->gas_mask || (v->gas_mask & (1u << g)); }

/* Resolves the terms and conversion of gas `g` for record `rec` into `c`.
 * False (reported) when the units do not multiply to a mass of the gas. */
static bool eng_resolve_chain_gas(const eng_result *r, const inv_record *rec, const units_t *amount_unit, gas_id g,
                                  eng_chain *c, diag_list *dl)
{
    units_t prod = *amount_unit;
    for (size_t i = 0; i < fset_param_count(); i++) {
        const fset_param_info *info = fset_param_at(i);
        if (info->term == FSET_TERM_NONE || info->term == FSET_TERM_EF)
            continue;
        eng_hit h = eng_override(rec, info->name);
        if (!h.v)
            h = fs_find(r->fs, rec->key, rec->category, info->name, NULL, NULL);
        if (!h.v || !eng_term_applies(h.v, g))
            continue;
        if (c->nterms == ENG_MAX_TERMS) {
            diag_error(dl, inv_loc(r->inv, rec->key_at), "more than %d factors multiply '%s'", ENG_MAX_TERMS,
                       rec->key);
            return false;
        }
        if (info->term != FSET_TERM_MUL && !units_is_dimensionless(&h.v->unit)) {
            diag_error(dl, h.v->at, "'%s' enters as (1 %c value) and must be a plain fraction, not '%s'", info->name,
                       info->term == FSET_TERM_ONE_MINUS ? '-' : '+', h.v->unit_text);
            return false;
        }
        c->term[c->nterms] = h;
        c->kind[c->nterms++] = info->term;
        if (info->term == FSET_TERM_MUL)
            prod = units_mul(&prod, &h.v->unit);
    }
    prod = units_mul(&prod, &c->ef.v->unit);
    double period = 1.0;
    if (prod.dim[UNITS_DIM_TIME] == -1) { /* a rate per year over the one-year inventory period */
        units_t yr;
        units_parse("yr", &yr, NULL, 0);
        prod = units_mul(&prod, &yr);
        period = 1.0;
    }
    src_loc at = inv_loc(r->inv, rec->unit_at);
    if (!units_is(&prod, UNITS_DIM_MASS)) {
        char dim[96];
        units_dim_name(&prod, dim, sizeof dim);
        diag_error(dl, at, "'%s' in '%s' times its factors for %s gives %s, not a mass: check the units of the "
                   "amount and of the factors (see the Factors sheet)", rec->key, rec->unit_text,
                   gas_name(g), dim);
        return false;
    }
    const char *note = NULL;
    const char *species = c->ef.v->unit.species[0] ? c->ef.v->unit.species : "";
    for (unsigned k = 0; !species[0] && k < c->nterms; k++)
        if (strcmp(c->term[k].v->unit.species, "C") == 0)
            species = "C"; /* a carbon fraction makes the product a mass of carbon */
    double ratio = eng_species_ratio(species, g, &note);
    if (ratio == 0.0) {
        diag_error(dl, c->ef.v->at, "the %s factor of '%s' is in %s, which does not convert to %s: give it in "
                   "mass of %s", gas_name(g), rec->key, species, gas_name(g), gas_name(g));
        return false;
    }
    const fset_entry *e = c->ef.entry;
    bool removal = rec->removal >= 0 ? rec->removal == 1 : (e && e->removal);
    double sign = removal ? -1.0 : 1.0;
    c->conversion = prod.scale / ENG_KG_PER_T * ratio * period * sign;
    c->conversion_note = sign < 0 ? (note ? "44/12 (C to CO2), x -1 (removal)" : "x -1 (removal)") : note;
    return true;
}

/* Resolves a product-method record: a chain for every gas with an emission
 * factor, kept in the result's memory. */
static bool eng_resolve_chain(eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    units_t u;
    if (units_parse(rec->unit_text, &u, NULL, 0) != UNITS_OK)
        return false;
    eng_chain tmp[GAS_COUNT];
    unsigned n = 0;
    bool ok = true;
    for (int g = 0; g < GAS_COUNT; g++) {
        eng_chain *c = &tmp[n];
        memset(c, 0, sizeof *c);
        c->gas = (gas_id)g;
        c->ef = eng_override(rec, gas_param((gas_id)g));
        if (!c->ef.v)
            c->ef = fs_find(r->fs, rec->key, rec->category, gas_param((gas_id)g), NULL, NULL);
        if (!c->ef.v || (rec->not_estimated & (1u << g)))
            continue;
        n++;
        ok = eng_resolve_chain_gas(r, rec, &u, (gas_id)g, c, dl) && ok;
        eng_note_used(r, &c->ef);
        for (unsigned k = 0; k < c->nterms; k++)
            eng_note_used(r, &c->term[k]);
    }
    if (!n && !(rec->not_estimated)) {
        char sets[256];
        fs_text(r->fs, sets, sizeof sets);
        diag_error(dl, inv_loc(r->inv, rec->key_at), "no emission factor for activity '%s' in category %s "
                   "(searched: %s): add one to a factor set, or give e.g. 'co2:' on the record", rec->key,
                   rec->category, sets);
        return false;
    }
    res->chain = pool_alloc(r->mem, (n ? n : 1) * sizeof *res->chain);
    if (!res->chain)
        return false;
    memcpy(res->chain, tmp, n * sizeof *tmp);
    res->nchain = n;
    return ok;
}

/* A new zeroed resolution in the result's memory. */
static eng_res *eng_new_res(eng_result *r) { return pool_alloc(r->mem, sizeof(eng_res)); }

static size_t eng_hash3(const void *a, const void *b, const void *c)
{
    uint64_t h = 1469598103934665603ULL;
    h = (h ^ (uintptr_t)a) * 1099511628211ULL;
    h = (h ^ (uintptr_t)b) * 1099511628211ULL;
    h = (h ^ (uintptr_t)c) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 29));
}

/* The shared resolution for `rec` (computed on first use), or its own when
 * the record overrides a factor. NULL when it failed. */
static const eng_res *eng_res_for(eng_result *r, const inv_record *rec, diag_list *dl)
{
    if (rec->novr || rec->not_estimated || rec->removal >= 0) {
        eng_res *res = eng_new_res(r);
        return res && eng_resolve(r, rec, res, dl) ? res : NULL;
    }
    if ((r->cache_n + 1) * 2 > r->cache_cap) {
        size_t cap = r->cache_cap ? r->cache_cap * 2 : 256;
        eng_slot *c = calloc(cap, sizeof *c);
        if (!c)
            return NULL;
        for (size_t i = 0; i < r->cache_cap; i++) {
            if (!r->cache[i].res)
                continue;
            size_t j = eng_hash3(r->cache[i].cat, r->cache[i].key, r->cache[i].unit) & (cap - 1);
            while (c[j].res)
                j = (j + 1) & (cap - 1);
            c[j] = r->cache[i];
        }
        free(r->cache);
        r->cache = c;
        r->cache_cap = cap;
    }
    size_t j = eng_hash3(rec->category, rec->key, rec->unit_text) & (r->cache_cap - 1);
    while (r->cache[j].res) {
        eng_slot *s = &r->cache[j];
        if (s->cat == rec->category && s->key == rec->key && s->unit == rec->unit_text)
            return s->res->ok ? s->res : NULL;
        j = (j + 1) & (r->cache_cap - 1);
    }
    eng_res *res = eng_new_res(r);
    if (!res)
        return NULL;
    r->cache[j] = (eng_slot){rec->category, rec->key, rec->unit_text, res};
    r->cache_n++;
    return eng_resolve(r, rec, res, dl) ? res : NULL;
}

/* The product-method rows of record i, in gas order. */
static size_t eng_chain_lines(const eng_result *r, size_t i, const inv_record *rec, const eng_res *res,
                              eng_line out[GAS_COUNT])
{
    size_t n = 0;
    for (unsigned ci = 0; ci < res->nchain; ci++) {
        const eng_chain *c = &res->chain[ci];
        gas_id g = c->gas;
        eng_line *l = &out[n++];
        memset(l, 0, sizeof *l);
        l->rec = i;
        l->gas = g;
        l->res = res;
        l->chain = c;
        l->amount = rec->amount;
        l->unit_factor = l->ncv = l->oxidation = 1.0;
        double e = rec->amount; /* the workbook formula multiplies in this order */
        for (unsigned k = 0; k < c->nterms; k++) {
            /* (1 - v) and (1 + v) need v as a plain fraction: 80 % is 0.8 */
            double v = c->term[k].v->value * (c->kind[k] == FSET_TERM_MUL ? 1.0 : c->term[k].v->unit.scale);
            l->term[k] = v;
            e *= c->kind[k] == FSET_TERM_ONE_MINUS ? 1.0 - v : c->kind[k] == FSET_TERM_ONE_PLUS ? 1.0 + v : v;
        }
        l->ef = c->ef.v->value;
        l->ef_factor = c->conversion;
        l->emission_t = e * l->ef * l->ef_factor;
        l->gwp = r->gwp->gwp[g];
        l->emission_t_co2e = l->emission_t * l->gwp;
    }
    return n;
}

size_t eng_lines(const eng_result *r, size_t i, eng_line out[GAS_COUNT])
{
    const inv_record *rec = inv_rec(r->inv, i);
    const eng_res *res = r->rec_res[i];
    size_t n = 0;
    if (!res)
        return 0;
    if (res->chain)
        return eng_chain_lines(r, i, rec, res, out);
    for (int g = 0; g < GAS_MAIN; g++) {
        if (!res->ef[g].v)
            continue;
        eng_line *l = &out[n++];
        memset(l, 0, sizeof *l); /* chain and term[] stay empty: a combustion row */
        l->rec = i;
        l->gas = (gas_id)g;
        l->res = res;
        l->amount = rec->amount;
        l->unit_factor = res->unit_factor;
        l->ncv = res->ncv.v ? res->ncv.v->value : 1.0;
        l->energy_tj = l->amount * l->unit_factor * l->ncv;
        l->ef = res->ef[g].v->value;
        l->ef_factor = res->ef_factor[g];
        l->oxidation = g == GAS_CO2 ? res->oxidation : 1.0;
        l->emission_t = l->energy_tj * l->ef * l->ef_factor * l->oxidation;
        l->gwp = r->gwp->gwp[g];
        l->emission_t_co2e = l->emission_t * l->gwp;
        l->memo = g == GAS_CO2 && res->biogenic;
    }
    return n;
}

/* Adds record i's lines to its category. False when a figure overflows. */
static bool eng_accumulate(eng_result *r, size_t i, diag_list *dl)
{
    const inv_record *rec = inv_rec(r->inv, i);
    eng_line lines[GAS_COUNT];
    size_t n = eng_lines(r, i, lines);
    if (!tot_add_record(r->tot, rec->category, n ? lines[0].energy_tj : 0.0))
        return false;
    for (size_t k = 0; k < n; k++) {
        const eng_line *l = &lines[k];
        if (!isfinite(l->emission_t_co2e) || !isfinite(l->energy_tj)) {
            diag_error(dl, inv_loc(r->inv, rec->amount_at), "the %s emission of this record overflows a double "
                       "(%g x %s): check the amount and its unit", gas_name(l->gas), rec->amount, rec->unit_text);
            return false;
        }
        if (!tot_add(r->tot, rec->category, l->gas, l->emission_t, l->emission_t_co2e, l->memo))
            return false;
    }
    return true;
}

/* Turns the accumulators into sorted totals; false when one overflowed. */
static bool eng_finish(eng_result *r, diag_list *dl)
{
    r->cats = tot_finish(r->tot, &r->ncats);
    if (!r->cats)
        return false;
    for (size_t i = 0; i < r->ncats; i++) {
        const eng_cat_total *c = &r->cats[i];
        if (!isfinite(c->t_co2e) || !isfinite(c->energy_tj)) {
            diag_error(dl, (src_loc){r->inv->path, 0, 0}, "the total of category %s overflows a double: check the "
                       "amounts and units", c->category);
            return false;
        }
    }
    return true;
}

size_t eng_categories(const eng_result *r, const eng_cat_total **out)
{
    *out = r->cats;
    return r->ncats;
}

eng_cat_total eng_total_under(const eng_result *r, const char *prefix)
{
    return tot_sum(r->cats, r->ncats, prefix, true);
}

void eng_gas_co2e(const eng_result *r, double out_t_co2e[GAS_COUNT]) { tot_gas_co2e(r->tot, out_t_co2e); }

size_t eng_fod(const eng_result *r, const fod_result **out)
{
    *out = r->fod;
    return r->nfod;
}

void eng_fod_emission(const eng_result *r, size_t i, double *ch4_t, double *t_co2e)
{
    *ch4_t = r->fod_t[i];
    *t_co2e = r->fod_t_co2e[i];
}

/* Runs the first-order-decay model of every landfill site and adds each
 * site's CH4 of the inventory year to its category (IPCC 2006 Vol.5 Ch.3). */
static bool eng_run_fod(eng_result *r, diag_list *dl)
{
    const fod_input *in = &r->inv->fod;
    if (!in->nsites)
        return true;
    r->fod = calloc(in->nsites, sizeof *r->fod);
    r->fod_t = calloc(in->nsites, sizeof *r->fod_t);
    r->fod_t_co2e = calloc(in->nsites, sizeof *r->fod_t_co2e);
    if (!r->fod || !r->fod_t || !r->fod_t_co2e)
        return false;
    for (size_t i = 0; i < in->nsites; i++, r->nfod++) {
        const fod_site *site = &in->sites[i];
        double ch4_gg;
        if (!fod_compute(site, (int)r->inv->year, r->mem, dl, &r->fod[i]) ||
            !fod_emission_gg(&r->fod[i], (int)r->inv->year, &ch4_gg))
            return false;
        r->fod_t[i] = ch4_gg * 1000.0; /* Gg -> t */
        r->fod_t_co2e[i] = r->fod_t[i] * r->gwp->gwp[GAS_CH4];
        if (!tot_add(r->tot, site->category, GAS_CH4, r->fod_t[i], r->fod_t_co2e[i], false))
            return false;
    }
    return true;
}

/* ---------------------------------------------- feedstock guard */

/* The process record's feedstock fuel: the first emission-factor entry of its
 * product method that names one, or NULL. */
static const char *eng_feedstock_of(const eng_res *res)
{
    for (unsigned k = 0; res && k < res->nchain; k++)
        if (res->chain[k].ef.entry && res->chain[k].ef.entry->feedstock)
            return res->chain[k].ef.entry->feedstock;
    return NULL;
}

/* A process factor that covers a fuel's feedstock use (ammonia from natural
 * gas: IPCC 2006 Vol.3 Ch.3 3.2.2.2) counts that fuel once; a 1.A.2 record of
 * the same fuel that still includes the feedstock would count it twice. Such
 * records must say `feedstock_excluded: true`. */
static void eng_check_feedstock(const eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    for (size_t i = 0; i < inv->n; i++) {
        const char *fuel = eng_feedstock_of(r->rec_res[i]);
        if (!fuel)
            continue;
        const inv_record *proc = inv_rec(inv, i);
        for (size_t j = 0; j < inv->n; j++) {
            const inv_record *c = inv_rec(inv, j);
            if (!cat_under(c->category, "1.A.2") || c->feedstock_excluded)
                continue;
            const char *alt = fs_same_as(r->fs, c->key);
            if (strcmp(c->key, fuel) != 0 && !(alt && strcmp(alt, fuel) == 0))
                continue;
            diag_error(dl, inv_loc(inv, c->key_at), "%s burnt in %s may include the feedstock of '%s' (line %u), "
                       "whose process factor already counts it: take the feedstock out of this amount and mark the "
                       "record 'feedstock_excluded: true'", c->key, c->category, proc->key, proc->at.line);
        }
    }
}

/* ---------------------------------------------- indirect (scope 2) */

/* Computes every indirect record; false (reported) when a factor is missing
 * or its unit does not turn the amount into a mass. */
static bool eng_run_indirect(eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    if (!inv->nind)
        return true;
    r->ind = calloc(inv->nind, sizeof *r->ind);
    if (!r->ind)
        return false;
    nsum tot[2] = {{0}};
    bool ok = true;
    for (size_t i = 0; i < inv->nind; i++) {
        const inv_indirect *d = &inv->ind[i];
        eng_indirect_line *l = &r->ind[i];
        l->rec = d;
        long want = d->factor_year ? d->factor_year : inv->year;
        l->ef = d->novr ? (eng_hit){&d->ovr[0].v, "record", NULL, "co2"} : fs_find_grid(r->fs, d->kind, d->grid, want,
                                                                                        &l->factor_year);
        if (!l->ef.v) {
            char sets[256];
            fs_text(r->fs, sets, sizeof sets);
            if (!fs_known(r->fs, d->kind))
                diag_error(dl, d->at, "no factor set searched (%s) has '%s' entries: give the record its own 'co2:' "
                           "{value, unit, source}%s", sets, d->kind,
                           strcmp(d->kind, "electricity") == 0 ? ", or add china-grid to factor_sets" : "");
            else
                diag_error(dl, d->at, "no CO2 factor for purchased %s on grid '%s' in the '%s' entries of %s: name "
                           "a grid they have, or give 'co2:'", d->kind, d->grid ? d->grid : "national", d->kind, sets);
            ok = false;
            continue;
        }
        units_t u;
        units_parse(d->unit_text, &u, NULL, 0);
        units_t prod = units_mul(&u, &l->ef.v->unit);
        if (!units_is(&prod, UNITS_DIM_MASS)) {
            diag_error(dl, l->ef.v->at, "the factor's unit '%s' does not turn '%s' into a mass of CO2",
                       l->ef.v->unit_text, d->unit_text);
            ok = false;
            continue;
        }
        l->amount = d->amount;
        l->ef_value = l->ef.v->value;
        l->conversion = prod.scale / ENG_KG_PER_T;
        l->emission_t = l->amount * l->ef_value * l->conversion;
        nsum_add(&tot[d->net_import], l->emission_t);
        eng_note_used(r, &l->ef);
    }
    r->ind_t[0] = nsum_value(&tot[0]);
    r->ind_t[1] = nsum_value(&tot[1]);
    return ok;
}

size_t eng_indirect(const eng_result *r, const eng_indirect_line **out)
{
    *out = r->ind;
    return r->ind ? r->inv->nind : 0;
}

double eng_indirect_total_t(const eng_result *r, bool net_import) { return r->ind_t[net_import]; }

/* ---------------------------------------------- reference approach */

/* Computes the reference approach (IPCC 2006 Vol.2 Ch.6, Eq. 6.1) with the
 * combustion method's factors, and compares it with the sectoral CO2. */
static bool eng_run_reference(eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    if (!inv->nref)
        return true;
    r->ref = calloc(inv->nref, sizeof *r->ref);
    r->ref_res = calloc(inv->nref, sizeof *r->ref_res);
    if (!r->ref || !r->ref_res)
        return false;
    nsum ra = {0};
    size_t errs = diag_error_count(dl);
    for (size_t i = 0; i < inv->nref; i++) {
        const inv_ref_fuel *f = &inv->ref[i];
        eng_ref_line *l = &r->ref[i];
        l->fuel = f;
        l->apparent = f->production + f->imports - f->exports - f->bunkers - f->stock_change;
        l->net = l->apparent - f->non_energy;
        inv_record rec = {.category = "1.A", .key = f->fuel, .unit_text = f->unit_text, .amount = l->net,
                          .at = {f->at.line, f->at.col}, .key_at = {f->at.line, f->at.col},
                          .unit_at = {f->at.line, f->at.col}, .amount_at = {f->at.line, f->at.col},
                          .not_estimated = (1u << GAS_CH4) | (1u << GAS_N2O)};
        eng_res *res = &r->ref_res[i];
        if (!eng_resolve(r, &rec, res, dl))
            continue;
        eng_line *ln = &l->line;
        ln->gas = GAS_CO2;
        ln->res = res;
        ln->amount = l->net;
        ln->unit_factor = res->unit_factor;
        ln->ncv = res->ncv.v ? res->ncv.v->value : 1.0;
        ln->energy_tj = ln->amount * ln->unit_factor * ln->ncv;
        ln->ef = res->ef[GAS_CO2].v->value;
        ln->ef_factor = res->ef_factor[GAS_CO2];
        ln->oxidation = res->oxidation;
        ln->emission_t = ln->energy_tj * ln->ef * ln->ef_factor * ln->oxidation;
        ln->gwp = 1.0;
        ln->emission_t_co2e = ln->emission_t;
        ln->memo = res->biogenic;
        if (!ln->memo)
            nsum_add(&ra, ln->emission_t);
    }
    eng_ref_summary *sum = &r->ref_sum;
    sum->ra_co2_t = nsum_value(&ra);
    sum->sa_co2_t = eng_total_under(r, "1.A").t[GAS_CO2];
    sum->diff_pct = sum->sa_co2_t != 0 ? (sum->ra_co2_t - sum->sa_co2_t) / sum->sa_co2_t * 100.0 : 0.0;
    sum->threshold_pct = inv->ref_threshold_pct;
    sum->flagged = fabs(sum->diff_pct) > sum->threshold_pct;
    return diag_error_count(dl) == errs;
}

size_t eng_reference(const eng_result *r, const eng_ref_line **out, eng_ref_summary *sum)
{
    *out = r->ref;
    *sum = r->ref_sum;
    return r->ref ? r->inv->nref : 0;
}

/* ---------------------------------------------- completeness */

/* Fills the completeness table over every depth-3 IPCC category: estimated
 * when some category under it has a total, else its (or a parent's)
 * notation key, else "not reported". */
static bool eng_run_completeness(eng_result *r)
{
    size_t n = cat_count();
    r->complete = calloc(n, sizeof *r->complete);
    if (!r->complete)
        return false;
    for (size_t i = 0; i < n; i++) {
        const cat_info *c = cat_at(i);
        if (cat_depth(c->code) != 3)
            continue;
        eng_complete *e = &r->complete[r->ncomplete++];
        e->category = c->code;
        e->status = "not reported";
        for (size_t k = 0; k < r->ncats; k++)
            if (cat_under(r->cats[k].category, c->code) || cat_under(c->code, r->cats[k].category))
                e->status = "estimated";
        for (size_t k = 0; k < r->inv->nnotation && strcmp(e->status, "estimated") != 0; k++) {
            const inv_notation *nk = &r->inv->notation[k];
            if (nk->category && nk->key && (cat_under(c->code, nk->category) || cat_under(nk->category, c->code))) {
                e->status = nk->key;
                e->note = nk->note;
            }
        }
    }
    return true;
}

size_t eng_completeness(const eng_result *r, const eng_complete **out)
{
    *out = r->complete;
    return r->ncomplete;
}

size_t eng_lookup_probes(const eng_result *r) { return r->used_set.probes; }

size_t eng_factors_used(const eng_result *r, const eng_hit **out)
{
    *out = r->used;
    return r->nused;
}

/* Checks that every record's category has a method in this version. */
static bool eng_method_known(const eng_result *r, const inv_record *rec, diag_list *dl)
{
    if (cat_under(rec->category, "1") && !cat_under(rec->category, "1.A") && !cat_under(rec->category, "1.B")) {
        diag_error(dl, (src_loc){r->inv->path, rec->at.line, rec->at.col},
                   "category %s has no calculation method: energy records are fuel combustion (1.A.*)",
                   rec->category);
        return false;
    }
    return true;
}

/* Loads the inventory's factor sets and GWP set; false on errors. */
static bool eng_load_sets(eng_result *r, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    const inventory *inv = r->inv;
    size_t errs = diag_error_count(dl);
    r->fs = fs_new();
    if (!r->fs)
        return false;
    fs_load(r->fs, db, inv->set_names, inv->set_at, inv->nsets, inv->path, dirs, ndirs, dl);
    /* Without a `gwp:` key a missing gwp.yaml is reported at the first factor
     * set: it is searched in the same folders. */
    src_loc gwp_at = inv->gwp_id ? inv->gwp_at : inv->nsets ? inv->set_at[0] : (src_loc){inv->path, 1, 1};
    r->gwp = fdb_gwp(db, inv->gwp_id, dirs, ndirs, gwp_at, dl);
    return diag_error_count(dl) == errs && r->gwp;
}

eng_result *eng_run(const inventory *inv, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl,
                    const inv_progress *progress)
{
    eng_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->inv = inv;
    if (!eng_load_sets(r, db, dirs, ndirs, dl)) {
        eng_free(r);
        return NULL;
    }
    r->rec_res = calloc(inv->n ? inv->n : 1, sizeof *r->rec_res);
    r->tot = tot_new();
    r->mem = pool_new();
    if (!r->rec_res || !r->tot || !r->mem) {
        diag_error(dl, (src_loc){inv->path, 0, 0}, "out of memory for %zu records", inv->n);
        eng_free(r);
        return NULL;
    }
    size_t errs = diag_error_count(dl);
    for (size_t i = 0; i < inv->n; i++) {
        const inv_record *rec = inv_rec(inv, i);
        if (eng_method_known(r, rec, dl))
            r->rec_res[i] = eng_res_for(r, rec, dl);
        if (progress && (i & 0xFFFF) == 0xFFFF)
            progress->fn(progress->ctx, "computing", i + 1, inv->n);
    }
    for (size_t i = 0; i < inv->n && diag_error_count(dl) == errs; i++)
        if (!eng_accumulate(r, i, dl))
            break;
    if (diag_error_count(dl) == errs && !eng_run_fod(r, dl) && diag_error_count(dl) == errs)
        diag_error(dl, (src_loc){inv->path, 0, 0}, "out of memory in the landfill model");
    if (diag_error_count(dl) == errs)
        eng_run_indirect(r, dl);
    if (diag_error_count(dl) == errs)
        eng_check_feedstock(r, dl);
    if (diag_error_count(dl) != errs || !eng_finish(r, dl) || !eng_run_reference(r, dl) ||
        !eng_run_completeness(r)) {
        eng_free(r);
        return NULL;
    }
    return r;
}

void eng_free(eng_result *r)
{
    if (!r)
        return;
    fs_free(r->fs);
    free(r->rec_res);
    free(r->cache);
    tot_free(r->tot);
    free(r->used);
    pm_free(&r->used_set);
    free(r->fod);
    free(r->fod_t);
    free(r->fod_t_co2e);
    pool_free(r->mem);
    free(r->ind);
    free(r->ref);
    free(r->ref_res);
    free(r->complete);
    free(r);
}
