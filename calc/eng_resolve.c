/* eng_resolve.c - which factors apply to a record: the combustion method's NCV, EFs and oxidation, the product method's terms. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "eng_internal.h"
#include "textutil.h"

/* Records a factor as used, once (found by the value's identity). A
 * record's own value (no set entry) is used by that record alone: it is
 * looked for only among the values noted since r->own_from, not hashed, so
 * 10^6 records with their own factors do not fill the set of used values. */
void eng_note_used(eng_result *r, const eng_hit *h)
{
    size_t at;
    bool added = true;
    if (!h->v)
        return;
    for (size_t i = r->own_from; !h->entry && i < r->nused; i++)
        if (r->used[i].v == h->v)
            return;
    if (r->nused == r->capused) {
        size_t cap = r->capused ? r->capused * 2 : 64;
        eng_hit *u = realloc(r->used, cap * sizeof *u);
        if (!u)
            return;
        r->used = u;
        r->capused = cap;
    }
    if (h->entry && (!pm_put_as(&r->used_set, h->v, r->nused, &at, &added) || !added))
        return;
    r->used[r->nused++] = *h;
}

size_t eng_used_index(const eng_result *r, const eng_hit *h, size_t from, size_t n)
{
    if (!h->v)
        return (size_t)-1;
    if (h->entry)
        return pm_get(&r->used_set, h->v);
    for (size_t i = from; i < from + n && i < r->nused; i++)
        if (r->used[i].v == h->v)
            return i;
    return (size_t)-1;
}

size_t eng_factor_index(const eng_result *r, const eng_res *res, const eng_hit *h)
{
    return eng_used_index(r, h, res->noted_from, res->noted_n);
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
            return (eng_hit){&rec->ovr[i].v, NULL};
    return (eng_hit){NULL, NULL};
}

/* Resolves the NCV and the unit factor of `res` for `rec`. */
static bool eng_resolve_energy(const eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    units_t u, tj = units_tj();
    char sets[256];
    if (!inv_unit(r->inv, rec->unit_text, &u))
        return false; /* reported by the loader */
    if (units_is(&u, UNITS_DIM_ENERGY)) {
        res->energy_input = true;
        res->unit_factor = u.scale / tj.scale;
        return true;
    }
    src_loc at = inv_field_loc(r->inv, rec, INV_AT_UNIT);
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
                       units_is(&u, UNITS_DIM_MASS) ? "mass" : "volume", fs_hit_set(&any), any.v->unit_text,
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
            size_t se = fs_rank(r->fs, fs_hit_set(&ef)), sc = fs_rank(r->fs, fs_hit_set(&cc));
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

/* Whether emission factor `v` of gas `g` fits fuel combustion: a mass of
 * the gas per unit of energy (IPCC 2006 Vol.2 Ch.2 Eq. 2.1: kg gas/TJ). A
 * unit of another dimension (kg/t, kg, kg/m3, TJ/kg, kg/yr, "1") would only
 * contribute its scale to TJ x EF and give a wrong figure; a CO2 factor in
 * carbon is a carbon_content. Reported at the value's unit, once per value. */
static bool eng_combustion_ef_fits(eng_result *r, const fset_value *v, gas_id g, diag_list *dl)
{
    units_t u = v->unit;
    u.dim[UNITS_DIM_MASS]--;
    u.dim[UNITS_DIM_ENERGY]++;
    bool dims = units_is_dimensionless(&u);
    const char *sp = v->unit.species;
    bool species = !sp[0] || strcmp(sp, gas_name(g)) == 0;
    if (dims && species)
        return true;
    size_t at;
    bool added = true;
    pm_put(&r->reported, v, &at, &added);
    if (!added)
        return false;
    char dim[80] = "is a plain ratio";
    if (!units_is_dimensionless(&v->unit)) {
        memcpy(dim, "measures ", 9);
        units_dim_name(&v->unit, dim + 9, sizeof dim - 9);
    }
    src_loc where = fset_unit_loc(v);
    if (!dims)
        diag_error(dl, where, "unit '%s' of '%s' %s, but fuel combustion (1.A) needs an emission factor in mass of "
                   "%s per energy, such as kg/TJ: give it per energy", v->unit_text, gas_param(g), dim, gas_name(g));
    else
        diag_error(dl, where, "unit '%s' of '%s' is in %s, but fuel combustion (1.A) needs mass of %s per energy%s",
                   v->unit_text, gas_param(g), sp, gas_name(g),
                   g == GAS_CO2 && strcmp(sp, "C") == 0 ? ": give carbon per energy as 'carbon_content'" : "");
    return false;
}

/* Whether record `rec` gives on its own every factor its method needs, so
 * that a fuel or activity no factor set knows is one of the user's own:
 * fuel combustion needs an energy (an energy unit or `ncv:`) and a factor
 * for each gas not marked not estimated (co2 or carbon_content, ch4, n2o);
 * the product method an emission factor of some gas. */
static bool eng_record_complete(const eng_result *r, const inv_record *rec)
{
    if (!cat_under(rec->category, "1.A")) {
        for (int g = 0; g < GAS_COUNT; g++)
            if (eng_override(rec, gas_param((gas_id)g)).v)
                return true;
        return false;
    }
    units_t u;
    bool energy = (inv_unit(r->inv, rec->unit_text, &u) && units_is(&u, UNITS_DIM_ENERGY)) ||
                  eng_override(rec, "ncv").v;
    for (int g = 0; energy && g < GAS_MAIN; g++)
        energy = (rec->not_estimated & (1u << g)) || eng_override(rec, gas_param((gas_id)g)).v ||
                 (g == GAS_CO2 && eng_override(rec, "carbon_content").v);
    return energy;
}

/* A key of the wrong kind for the record's category (a fuel outside 1.A,
 * an activity in 1.A) is an error. A fuel or activity no set searched
 * knows: an error ("unknown fuel, did you mean") unless the record gives every factor itself, and then a
 * warning when its name is close to a known one. A record with some factors
 * of its own gets the unknown fuel first and then what else it lacks; one
 * with none, the unknown fuel only (false: nothing more to resolve). */
static bool eng_check_key(const eng_result *r, const inv_record *rec, diag_list *dl)
{
    size_t fuels, acts;
    const fset_entry *act;
    fs_key_kinds(r->fs, rec->key, &fuels, &acts, &act);
    src_loc at = inv_field_loc(r->inv, rec, INV_AT_KEY);
    /* A key of the other kind: say so, rather than the unit or NCV error
     * its factors would give under this category's method. */
    bool combustion = cat_under(rec->category, "1.A");
    if (combustion && fuels == 0 && acts > 0) {
        diag_error(dl, at, "'%s' is an activity of the product method (category %s in set %s), not a fuel: 1.A "
                   "records burn fuels; give it under its own category", rec->key, act->category ? act->category : "?",
                   act->set->id);
        return false;
    }
    if (!combustion && acts == 0 && fuels > 0) {
        diag_error(dl, at, "'%s' is a fuel, burnt under 1.A (fuel combustion), not an activity of category %s: "
                   "'ghgcalc factors keys --category %s' lists the keys it takes", rec->key, rec->category,
                   rec->category);
        return false;
    }
    if (fuels + acts > 0)
        return true;
    if (!eng_record_complete(r, rec)) {
        fs_unknown(r->fs, rec->key, "fuel", at, dl);
        return rec->novr > 0;
    }
    const char *hint = fs_suggest(r->fs, rec->key);
    if (hint)
        diag_add(dl, DIAG_WARNING, at, "fuel '%s' is in no factor set searched (did you mean '%s'?): every factor of "
                 "this record is its own", rec->key, hint);
    return true;
}

/* The origin of the methane of record `rec` (docs/input-format.md,
 * "Methane: fossil or non-fossil"), for GWP sets that split CH4 by origin
 * (AR6 WG1 Table 7.15): the record's `ch4_origin:`; else non-fossil for a
 * fuel or activity its factor set marks biogenic (wood, biogas, ...); else
 * by the IPCC sector: energy (1: fossil fuel combustion, fugitive emissions)
 * and industrial processes (2) fossil, agriculture and land use (3) and
 * waste (4) non-fossil; any other category fossil. */
static gwp_origin eng_ch4_origin(const eng_result *r, const inv_record *rec)
{
    if (rec->ch4_origin != GWP_ORIGIN_ANY)
        return (gwp_origin)rec->ch4_origin;
    if (fs_biogenic(r->fs, rec->key) == 1)
        return GWP_ORIGIN_NON_FOSSIL;
    if (cat_under(rec->category, "3") || cat_under(rec->category, "4"))
        return GWP_ORIGIN_NON_FOSSIL;
    return GWP_ORIGIN_FOSSIL;
}

/* Keeps in `res` where in `used` the values noted since r->own_from are,
 * for eng_factor_index (at most a few: a record's parameters and terms). */
static void eng_noted(const eng_result *r, eng_res *res)
{
    size_t n = r->nused - r->own_from;
    res->noted_from = r->own_from <= UINT32_MAX ? (uint32_t)r->own_from : 0;
    res->noted_n = r->own_from <= UINT32_MAX && n <= UINT16_MAX ? (uint16_t)n : 0;
}

/* Fills `res` for record `rec`; reports what is missing. */
bool eng_resolve(eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    size_t errs = diag_error_count(dl);
    r->own_from = r->nused;
    res->ch4_origin = eng_ch4_origin(r, rec);
    if (!eng_check_key(r, rec, dl))
        return false;
    res->key = fs_canonical(r->fs, rec->key);
    if (!cat_under(rec->category, "1.A")) {
        res->ok = eng_resolve_chain(r, rec, res, dl) && diag_error_count(dl) == errs;
        eng_noted(r, res);
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
        bool carbon = g == GAS_CO2 && res->ef[g].v && strcmp(fs_hit_param(&res->ef[g]), "carbon_content") == 0;
        if (res->ef[g].v && !carbon)
            eng_combustion_ef_fits(r, res->ef[g].v, (gas_id)g, dl);
        if (res->ef[g].v || (g == GAS_CO2 && !co2_ok))
            continue;
        char sets[256];
        fs_text(r->fs, sets, sizeof sets);
        if (!fs_known(r->fs, rec->key)) /* the unknown fuel was said first */
            diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_KEY), "no %s emission factor for fuel '%s', which no factor set "
                       "knows: correct the fuel key, or for a fuel of your own give '%s:' on the record",
                       gas_name((gas_id)g), rec->key, gas_param((gas_id)g));
        else
            diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_KEY),
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
    eng_noted(r, res);
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
            diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_KEY), "more than %d factors multiply '%s'", ENG_MAX_TERMS,
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
    src_loc at = inv_field_loc(r->inv, rec, INV_AT_UNIT);
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

/* Whether record `ctx` gives parameter `name` itself (fs_missing_need). */
static bool eng_record_has(const void *ctx, const char *name) { return eng_override(ctx, name).v != NULL; }

/* Whether record `rec` gives every parameter its entries list under
 * `needs:` (factors no set can default, such as Eq. 2.5's CKD carbonate
 * fraction); reports the first one missing. */
static bool eng_check_needs(const eng_result *r, const inv_record *rec, diag_list *dl)
{
    const fset_entry *e = NULL;
    const char *need = fs_missing_need(r->fs, rec->key, rec->category, eng_record_has, rec, &e);
    if (!need)
        return true;
    const fset_param_info *info = fset_param_lookup(need);
    diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_KEY), "'%s' needs '%s' on the record (%s), which set %s gives no "
               "default for: add '%s: {value: ..., unit: ..., source: ...}'", rec->key, need,
               info ? info->meaning : need, e->set && e->set->id ? e->set->id : "?", need);
    return false;
}

/* Resolves a product-method record: a chain for every gas with an emission
 * factor, kept in the result's memory. */
static bool eng_resolve_chain(eng_result *r, const inv_record *rec, eng_res *res, diag_list *dl)
{
    units_t u;
    if (!inv_unit(r->inv, rec->unit_text, &u) || !eng_check_needs(r, rec, dl))
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
        diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_KEY), "no emission factor for activity '%s' in category %s "
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

/* FNV-1a over the slot's identity. */
static size_t eng_slot_hash(const eng_slot *s)
{
    uint64_t h = 1469598103934665603ULL;
    h = (h ^ (uintptr_t)s->cat) * 1099511628211ULL;
    h = (h ^ (uintptr_t)s->key) * 1099511628211ULL;
    h = (h ^ (uintptr_t)s->unit) * 1099511628211ULL;
    h = (h ^ ((uint64_t)s->not_estimated << 8 | (unsigned char)s->removal)) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 29));
}

static bool eng_slot_same(const eng_slot *a, const eng_slot *b)
{
    return a->cat == b->cat && a->key == b->key && a->unit == b->unit && a->not_estimated == b->not_estimated &&
           a->removal == b->removal;
}

/* The shared resolution for `rec` (computed on first use; records that
 * differ only in amount, source or id share one), or its own when the
 * record overrides a factor. NULL when it failed. */
const eng_res *eng_res_for(eng_result *r, const inv_record *rec, diag_list *dl)
{
    if (rec->novr || rec->ch4_origin != GWP_ORIGIN_ANY) { /* own factors, or a stated CH4 origin (rare) */
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
            size_t j = eng_slot_hash(&r->cache[i]) & (cap - 1);
            while (c[j].res)
                j = (j + 1) & (cap - 1);
            c[j] = r->cache[i];
        }
        free(r->cache);
        r->cache = c;
        r->cache_cap = cap;
    }
    eng_slot want = {rec->category, rec->key, rec->unit_text, rec->not_estimated, rec->removal, NULL};
    size_t j = eng_slot_hash(&want) & (r->cache_cap - 1);
    while (r->cache[j].res) {
        eng_slot *s = &r->cache[j];
        if (eng_slot_same(s, &want))
            return s->res->ok ? s->res : NULL;
        j = (j + 1) & (r->cache_cap - 1);
    }
    eng_res *res = eng_new_res(r);
    if (!res)
        return NULL;
    want.res = res;
    r->cache[j] = want;
    r->cache_n++;
    return eng_resolve(r, rec, res, dl) ? res : NULL;
}

