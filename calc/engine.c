/* engine.c - runs the inventory: loads its factor sets, resolves and computes every record, keeps the totals. */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "eng_internal.h"

const inventory *eng_inventory(const eng_result *r) { return r->inv; }

const char *eng_rec_key(const eng_result *r, size_t i)
{
    const eng_res *res = r->rec_res[i];
    return res && res->key ? res->key : inv_rec(r->inv, i)->key;
}
const gwp_set *eng_gwp(const eng_result *r) { return r->gwp; }
eng_order eng_search_order(const eng_result *r) { return (eng_order){fs_sets(r->fs), fs_count(r->fs)}; }
const fs_order *eng_factor_order(const eng_result *r) { return r->fs; }

/* Sets the GWP of line `l` (its gas; for methane the origin `res` says,
 * in a set that splits CH4) and its CO2e. */
static void eng_line_gwp(const eng_result *r, const eng_res *res, eng_line *l)
{
    l->gwp_origin = gwp_effective_origin(r->gwp, l->gas, res->ch4_origin);
    l->gwp = gwp_value(r->gwp, l->gas, l->gwp_origin, NULL, NULL);
    l->emission_t_co2e = l->emission_t * l->gwp;
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
        eng_line_gwp(r, res, l);
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
    for (int g = 0; g < GAS_MAIN; g++)
        if (res->ef[g].v)
            eng_combustion_line(r, res, i, rec->amount, (gas_id)g, &out[n++]);
    return n;
}

void eng_combustion_line(const eng_result *r, const eng_res *res, size_t rec, double amount, gas_id g, eng_line *l)
{
    memset(l, 0, sizeof *l); /* chain and term[] stay empty: a combustion row */
    l->rec = rec;
    l->gas = g;
    l->res = res;
    l->amount = amount;
    l->unit_factor = res->unit_factor;
    l->ncv = res->ncv.v ? res->ncv.v->value : 1.0;
    l->energy_tj = l->amount * l->unit_factor * l->ncv;
    l->ef = res->ef[g].v->value;
    l->ef_factor = res->ef_factor[g];
    l->oxidation = g == GAS_CO2 ? res->oxidation : 1.0;
    l->emission_t = l->energy_tj * l->ef * l->ef_factor * l->oxidation;
    eng_line_gwp(r, res, l);
    l->memo = g == GAS_CO2 && res->biogenic;
}

void eng_gwp_missing(eng_result *r, gas_id g, src_loc at, const char *what, diag_list *dl)
{
    if (r->gwp_missing & (1u << g))
        return;
    r->gwp_missing |= 1u << g;
    const src_loc *s = &r->gwp->set_at;
    diag_error(dl, at, "GWP set '%s' (%s:%u) has no value for %s, which this %s emits: add %s to that set's values, "
               "or name another set with 'gwp:'", r->gwp->id, s->file ? s->file : "gwp.yaml", s->line, gas_name(g),
               what, gas_name(g));
}

/* Checks the figures of one line: a GWP for its gas, and every figure
 * finite and within NSUM_LIMIT. False (reported) otherwise. */
static bool eng_line_fits(eng_result *r, const inv_record *rec, const eng_line *l, diag_list *dl)
{
    if (isnan(l->gwp)) {
        eng_gwp_missing(r, l->gas, inv_field_loc(r->inv, rec, INV_AT_KEY), "record", dl);
        return false;
    }
    if (nsum_fits(l->energy_tj) && nsum_fits(l->emission_t) && nsum_fits(l->emission_t_co2e))
        return true;
    char what[64];
    snprintf(what, sizeof what, nsum_fits(l->energy_tj) ? "%s emission" : "energy", gas_name(l->gas));
    diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_AMOUNT), "the %s of this record (%g x %s%s) is larger than %g, the most a "
               "figure may be (a double holds about 1.8e308): check the amount and its unit", what, rec->amount,
               rec->unit_text, l->chain ? " x its factors" : "", NSUM_LIMIT);
    return false;
}

/* Adds record i's lines to its category. False (reported) when a figure or
 * a total would not fit. */
static bool eng_accumulate(eng_result *r, size_t i, diag_list *dl)
{
    const inv_record *rec = inv_rec(r->inv, i);
    eng_line lines[GAS_COUNT];
    size_t n = eng_lines(r, i, lines);
    for (size_t k = 0; k < n; k++)
        if (!eng_line_fits(r, rec, &lines[k], dl))
            return false;
    if (!tot_add_record(r->tot, rec->category, n ? lines[0].energy_tj : 0.0))
        return false;
    for (size_t k = 0; k < n; k++) {
        const eng_line *l = &lines[k];
        if (!tot_add(r->tot, rec->category, l->gas, l->emission_t, l->emission_t_co2e, l->memo))
            return false;
    }
    const char *what = tot_overflow(r->tot);
    if (what)
        diag_error(dl, inv_field_loc(r->inv, rec, INV_AT_AMOUNT), "with this record (%g %s) the inventory's total %s passes "
                   "%g, the most a total may be (a double holds about 1.8e308): check the amount and its unit",
                   rec->amount, rec->unit_text, what, NSUM_LIMIT);
    return !what;
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

eng_cat_total eng_total_except(const eng_result *r, const char *prefix)
{
    return tot_sum(r->cats, r->ncats, prefix, false);
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
    for (size_t i = 0; i < in->nsites && !diag_stop(dl, in->sites[i].at, ""); i++, r->nfod++) {
        const fod_site *site = &in->sites[i];
        double ch4_gg;
        if (!fod_compute(site, (int)r->inv->year, r->mem, dl, &r->fod[i]) ||
            !fod_emission_gg(&r->fod[i], (int)r->inv->year, &ch4_gg))
            return false;
        r->fod_t[i] = ch4_gg * 1000.0; /* Gg -> t */
        double gwp = gwp_value(r->gwp, GAS_CH4, ENG_FOD_ORIGIN, NULL, NULL);
        r->fod_t_co2e[i] = r->fod_t[i] * gwp;
        if (isnan(gwp)) {
            eng_gwp_missing(r, GAS_CH4, site->at, "landfill", dl);
            return true; /* reported: not an out-of-memory */
        }
        if (!tot_add(r->tot, site->category, GAS_CH4, r->fod_t[i], r->fod_t_co2e[i], false))
            return false;
        if (tot_overflow(r->tot)) {
            diag_error(dl, site->at, "with this landfill's CH4 (%g t) the inventory's total %s passes %g, the most "
                       "a total may be: check the deposits and their units", r->fod_t[i], tot_overflow(r->tot),
                       NSUM_LIMIT);
            return true;
        }
    }
    return true;
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
        if (diag_stop(dl, inv_loc(inv, rec->at), ""))
            break; /* 10^6 records of unknown fuels: 1,000 messages, not 10^6 suggestions */
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
    eng_check_unc_rules(r, dl);
    if (diag_error_count(dl) != errs || !eng_finish(r, dl) || !eng_run_reference(r, dl) ||
        !eng_run_completeness(r)) {
        eng_free(r);
        return NULL;
    }
    return r;
}

void eng_release(eng_result *r)
{
    if (r)
        fs_drop_index(r->fs);
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
    pm_free(&r->reported);
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
