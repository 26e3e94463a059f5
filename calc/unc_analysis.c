/* unc_analysis.c - runs the uncertainty model, Approach 1, the key category assessments and the Monte Carlo together. */
#include "unc_analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"

/* Whether any item is a LULUCF category (KC_LULUCF). */
static bool ua_any_lulucf(const kc_item *it, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cat_under(it[i].category, KC_LULUCF))
            return true;
    return false;
}

/* Whether any item has an uncertainty (Approach 2 has something to weigh). */
static bool ua_any_unc(const kc_item *it, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (it[i].unc_pct > 0)
            return true;
    return false;
}

/* Runs every assessment that applies and merges their flags. */
static bool ua_keycat(unc_analysis *a)
{
    a->items = kc_items_from_a1(&a->a1, &a->nitems);
    if (!a->items)
        return false;
    a->has_lulucf = ua_any_lulucf(a->items, a->nitems);
    bool unc = ua_any_unc(a->items, a->nitems);
    kc_table run[2 * KC_KINDS];
    size_t nrun = 0;
    for (int k = 0; k < KC_KINDS; k++) {
        bool trend = k == KC_TREND || k == KC_TREND2, a2 = k == KC_LEVEL2 || k == KC_TREND2;
        if ((trend && !a->base) || (a2 && !unc))
            continue;
        for (int w = 1; w >= 0; w--) {
            if (!w && !a->has_lulucf)
                continue;
            if (!kc_assess(a->items, a->nitems, (kc_kind)k, w, &a->kc[k][w]))
                return false;
            a->ran[k][w] = true;
            run[nrun++] = a->kc[k][w];
        }
    }
    a->flags = kc_flags(a->nitems, run, nrun);
    return a->flags != NULL;
}

bool ua_run(unc_analysis *a, const eng_result *latest, const eng_result *base, const ua_opts *o, diag_list *dl)
{
    memset(a, 0, sizeof *a);
    a->latest = latest;
    a->base = base;
    a->model = unc_model_new(latest, base, &o->model, dl);
    bool ok = a->model && unc_approach1(a->model, &a->a1) && ua_keycat(a);
    if (ok && o->monte_carlo) {
        ok = umc_run(a->model, &o->mc, &a->mc);
        a->has_mc = ok;
    }
    if (!ok)
        ua_free(a);
    return ok;
}

void ua_free(unc_analysis *a)
{
    for (int k = 0; k < KC_KINDS; k++)
        for (int w = 0; w < 2; w++)
            if (a->ran[k][w])
                kc_table_free(&a->kc[k][w]);
    if (a->has_mc)
        umc_result_free(&a->mc);
    free(a->flags);
    free(a->items);
    unc_a1_free(&a->a1);
    unc_model_free(a->model);
    memset(a, 0, sizeof *a);
}

unsigned ua_category_flags(const unc_analysis *a, const char *category)
{
    unsigned f = 0;
    for (size_t i = 0; a && a->flags && i < a->nitems; i++)
        if (strcmp(a->items[i].category, category) == 0)
            f |= a->flags[i];
    return f;
}

void ua_flags_text(unsigned flags, char *buf, size_t len)
{
    static const char *const names[KC_KINDS] = {"L1", "T1", "L2", "T2"};
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < KC_KINDS; k++) {
        if (!(flags & (3u << (2 * k))))
            continue;
        int n = snprintf(buf + used, used < len ? len - used : 0, "%s%s", used ? " " : "", names[k]);
        if (n < 0 || (size_t)n >= len - used)
            return;
        used += (size_t)n;
    }
}

void ua_input_text(const unc_analysis *a, const unc_input *x, char *buf, size_t len)
{
    const eng_result *r = x->year == UNC_BASE && a->base ? a->base : a->latest;
    const inventory *inv = eng_inventory(r);
    const char *yr = x->year == UNC_BASE ? " (base year)" : "";
    if (x->role == UNC_ROLE_AD && x->rec < inv->n && x->count > 1) {
        const inv_record *rec = inv_rec(inv, x->rec);
        snprintf(buf, len, "amounts: %s %s, %u records from record %zu%s", rec->category, eng_rec_key(r, x->rec),
                 x->count, x->rec + 1, yr);
    } else if (x->role == UNC_ROLE_AD && x->rec < inv->n) {
        const inv_record *rec = inv_rec(inv, x->rec);
        snprintf(buf, len, "amount: %s %s (record %zu)%s", rec->category, eng_rec_key(r, x->rec), x->rec + 1, yr);
    } else if (x->role == UNC_ROLE_EMISSION && x->rec < inv->fod.nsites)
        snprintf(buf, len, "landfill CH4: %s%s", inv->fod.sites[x->rec].name, yr);
    else if (x->role == UNC_ROLE_GWP)
        snprintf(buf, len, "gwp: %s", gas_name(x->gas));
    else if (x->entry) {
        const char *cat = x->entry->category;
        snprintf(buf, len, "%s: %s%s%s (%s)", x->name, x->entry->key, cat ? ", " : "", cat ? cat : "",
                 x->set_id ? x->set_id : "");
    } else
        snprintf(buf, len, "%s: record override at line %u", x->name, x->fv ? x->fv->at.line : 0);
}
