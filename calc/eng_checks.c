/* eng_checks.c - what the engine computes besides the records: indirect emissions, the reference approach, completeness, the feedstock guard. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "eng_internal.h"
#include "nsum.h"

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
 * records must say `feedstock_excluded: true`. The process records are
 * gathered first, so the records are read twice, not once per process. */
void eng_check_feedstock(const eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    size_t *proc = NULL, nproc = 0, cap = 0;
    for (size_t i = 0; i < inv->n; i++) {
        if (!eng_feedstock_of(r->rec_res[i]))
            continue;
        if (nproc == cap) {
            size_t *p = realloc(proc, (cap = cap ? 2 * cap : 8) * sizeof *p);
            if (!p)
                break;
            proc = p;
        }
        proc[nproc++] = i;
    }
    for (size_t j = 0; nproc && j < inv->n; j++) {
        const inv_record *c = inv_rec(inv, j);
        if (diag_stop(dl, inv_loc(inv, c->at), ""))
            break;
        if (!cat_under(c->category, "1.A.2") || c->feedstock_excluded)
            continue;
        const char *alt = fs_same_as(r->fs, c->key);
        for (size_t k = 0; k < nproc; k++) {
            const char *fuel = eng_feedstock_of(r->rec_res[proc[k]]);
            const inv_record *p = inv_rec(inv, proc[k]);
            if (strcmp(c->key, fuel) != 0 && !(alt && strcmp(alt, fuel) == 0))
                continue;
            diag_error(dl, inv_field_loc(inv, c, INV_AT_KEY), "%s burnt in %s may include the feedstock of '%s' (line %u), "
                       "whose process factor already counts it: take the feedstock out of this amount and mark the "
                       "record 'feedstock_excluded: true'", c->key, c->category, p->key, p->at.line);
        }
    }
    free(proc);
}

/* ---------------------------------------------- indirect (scope 2) */

/* Notes an indirect line's factor as used and keeps its index in `used`. */
static void eng_note_indirect(eng_result *r, eng_indirect_line *l)
{
    size_t from = r->own_from = r->nused;
    eng_note_used(r, &l->ef);
    l->ef_index = eng_used_index(r, &l->ef, from, r->nused - from);
}

/* Computes every indirect record; false (reported) when a factor is missing
 * or its unit does not turn the amount into a mass. */
bool eng_run_indirect(eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    if (!inv->nind)
        return true;
    r->ind = calloc(inv->nind, sizeof *r->ind);
    if (!r->ind)
        return false;
    nsum tot[2] = {{0}};
    double abs[2] = {0, 0}; /* sums of magnitudes, by view */
    bool ok = true;
    for (size_t i = 0; i < inv->nind && !diag_stop(dl, inv->ind[i].at, ""); i++) {
        const inv_indirect *d = &inv->ind[i];
        eng_indirect_line *l = &r->ind[i];
        l->rec = d;
        long want = d->factor_year ? d->factor_year : inv->year;
        l->ef = d->novr ? (eng_hit){&d->ovr[0].v, NULL} : fs_find_grid(r->fs, d->kind, d->grid, want,
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
        if (!d->novr && l->factor_year && l->factor_year != want)
            diag_add(dl, DIAG_NOTE, d->at,
                     "the %s factor of grid '%s' is of %ld (%s), not of %ld%s: the closest year the sets have; add "
                     "a factor of %ld, or write 'factor_year: %ld' to use this one on purpose",
                     d->kind, d->grid ? d->grid : "national", l->factor_year, fs_hit_set(&l->ef), want,
                     d->factor_year ? ", the factor_year asked for" : ", the inventory's year", want, l->factor_year);
        units_t u;
        inv_unit(inv, d->unit_text, &u);
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
        abs[d->net_import] += fabs(l->emission_t);
        if (!nsum_fits(l->emission_t) || !nsum_fits(abs[d->net_import])) {
            diag_error(dl, d->amount_at, "the CO2 of this purchase (%g %s x %g %s)%s is larger than %g, the most a "
                       "figure may be (a double holds about 1.8e308): check the amount and its unit", d->amount,
                       d->unit_text, l->ef_value, l->ef.v->unit_text,
                       nsum_fits(l->emission_t) ? ", added to the others," : "", NSUM_LIMIT);
            return false;
        }
        nsum_add(&tot[d->net_import], l->emission_t);
        eng_note_indirect(r, l);
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
/* Computes reference-approach fuel i into r->ref[i] (its apparent
 * consumption through the combustion method's CO2 factors); false
 * (reported) when it fails or a figure does not fit. *ra_abs sums the
 * magnitudes of the fossil CO2 so far. */
static bool eng_ref_fuel(eng_result *r, size_t i, double *ra_abs, diag_list *dl)
{
    const inv_ref_fuel *f = &r->inv->ref[i];
    eng_ref_line *l = &r->ref[i];
    l->fuel = f;
    double mag = f->production + f->imports + f->exports + f->bunkers + fabs(f->stock_change) + f->non_energy;
    if (!nsum_fits(mag)) {
        diag_error(dl, f->at, "the figures of '%s' add up to more than %g, the most a figure may be (a double holds "
                   "about 1.8e308): check them and their unit '%s' (apparent consumption = production + imports - "
                   "exports - bunkers - stock change)", f->fuel, NSUM_LIMIT, f->unit_text);
        return false;
    }
    l->apparent = f->production + f->imports - f->exports - f->bunkers - f->stock_change;
    l->net = l->apparent - f->non_energy;
    /* Every field of the fuel's record stands where the fuel does: near offsets 0 lines, its column. */
    inv_near here = {0, (uint16_t)(f->at.col <= UINT16_MAX ? f->at.col : 0)};
    inv_record rec = {.category = "1.A", .key = f->fuel, .unit_text = f->unit_text, .amount = l->net,
                      .at = {f->at.line, f->at.col}, .near = {here, here, here},
                      .not_estimated = (1u << GAS_CH4) | (1u << GAS_N2O)};
    eng_res *res = &r->ref_res[i];
    if (!eng_resolve(r, &rec, res, dl))
        return false;
    eng_line *ln = &l->line;
    eng_combustion_line(r, res, 0, l->net, GAS_CO2, ln);
    *ra_abs += ln->memo ? 0.0 : fabs(ln->emission_t);
    if (nsum_fits(ln->energy_tj) && nsum_fits(ln->emission_t) && nsum_fits(*ra_abs))
        return true;
    diag_error(dl, f->at, "the CO2 of '%s' by the reference approach (%g %s x its NCV and factor)%s is larger than %g, "
               "the most a figure may be: check the figures and their unit", f->fuel, l->net, f->unit_text,
               nsum_fits(ln->emission_t) ? ", added to the other fuels," : "", NSUM_LIMIT);
    return false;
}

bool eng_run_reference(eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    if (!inv->nref)
        return true;
    r->ref = calloc(inv->nref, sizeof *r->ref);
    r->ref_res = calloc(inv->nref, sizeof *r->ref_res);
    if (!r->ref || !r->ref_res)
        return false;
    nsum ra = {0};
    double ra_abs = 0; /* sum of magnitudes of the fossil CO2 */
    size_t errs = diag_error_count(dl);
    for (size_t i = 0; i < inv->nref && !diag_stop(dl, inv->ref[i].at, ""); i++)
        if (eng_ref_fuel(r, i, &ra_abs, dl) && !r->ref[i].line.memo)
            nsum_add(&ra, r->ref[i].line.emission_t);
    eng_ref_summary *sum = &r->ref_sum;
    sum->ra_co2_t = nsum_value(&ra);
    sum->sa_co2_t = eng_total_under(r, "1.A").t[GAS_CO2];
    sum->diff_pct = sum->sa_co2_t != 0 ? (sum->ra_co2_t - sum->sa_co2_t) / sum->sa_co2_t * 100.0 : 0.0;
    if (diag_error_count(dl) == errs && !nsum_fits(sum->diff_pct))
        diag_error(dl, inv->ref_at, "the reference approach's CO2 (%g t) differs from the sectoral approach's (%g t) "
                   "by more than a number can hold: check the reference-approach figures and their units",
                   sum->ra_co2_t, sum->sa_co2_t);
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

/* Whether category `code` has a row of its own in the completeness table:
 * every depth-3 category (1.A.1, 1.B.1, 2.A.1, ...), and the transport
 * modes 1.A.3.a-e, which the 2006 IPCC sectoral reporting table lists one
 * by one (civil aviation, road, railways, water-borne, other). */
static bool eng_completeness_row(const char *code)
{
    unsigned d = cat_depth(code);
    return d == 3 || (d == 4 && cat_under(code, "1.A.3"));
}

/* Fills the completeness table over the categories eng_completeness_row
 * names: estimated when some category under it has a total, else its (or
 * a parent's) notation key, else "not reported". */
bool eng_run_completeness(eng_result *r)
{
    size_t n = cat_count();
    r->complete = calloc(n, sizeof *r->complete);
    if (!r->complete)
        return false;
    for (size_t i = 0; i < n; i++) {
        const cat_info *c = cat_at(i);
        if (!eng_completeness_row(c->code))
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

void eng_check_unc_rules(eng_result *r, diag_list *dl)
{
    const inventory *inv = r->inv;
    for (size_t i = 0; i < inv->nunc_rules; i++) {
        const unc_factor_rule *u = &inv->unc_rules[i];
        if (u->key && !fs_known(r->fs, u->key))
            fs_unknown(r->fs, u->key, "fuel or activity", u->spec.at, dl);
    }
}
