/* inv_sections.c - the inventory's indirect, notation_keys and reference_approach sections, and a record's ch4_origin. */
#include <math.h>
#include <string.h>

#include "fset_load.h"
#include "inv_load.h"
#include "category.h"
#include "inventory.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"
#include "yreader.h"

/* A pool copy of the text of `key` in map `n`, or NULL when absent. */
static const char *sec_text(inventory *inv, const ynode *n, const char *key, diag_list *dl)
{
    const ynode *v = yn_get(n, key);
    const char *t = v ? yf_text(v, key, dl) : NULL;
    return t ? pool_strdup(inv->mem, t) : NULL;
}

/* Checks that `unit` parses and measures energy (indirect) or anything a
 * fuel can be (reference approach); reports at the unit's node. */
static const char *sec_unit(inventory *inv, const ynode *n, bool energy_only, diag_list *dl)
{
    const ynode *u = yf_need(n, "unit", energy_only ? "an indirect record" : "a reference-approach fuel", dl);
    const char *t = u ? yf_text(u, "unit", dl) : NULL;
    if (!t)
        return NULL;
    units_t parsed;
    char msg[200];
    if (units_parse(t, &parsed, msg, sizeof msg) != UNITS_OK) {
        diag_error(dl, u->at, "%s", msg);
        return NULL;
    }
    if (energy_only && !units_is(&parsed, UNITS_DIM_ENERGY)) {
        diag_error(dl, u->at, "unit '%s' of purchased electricity or heat must be an energy (MWh, 10^4 kWh, GJ)", t);
        return NULL;
    }
    const char *kept = pool_intern(inv->mem, t, strlen(t));
    if (kept && !inv_unit_keep(inv, kept, &parsed))
        return NULL;
    return kept;
}

/* Reads one `indirect:` record. */
static void sec_indirect_one(inventory *inv, const ynode *n, inv_indirect *d, diag_list *dl)
{
    static const char *const keys[] = {"kind", "amount", "unit", "grid", "factor_year", "view", "source", "co2"};
    yf_check_keys(n, keys, sizeof keys / sizeof *keys, "an indirect record", dl);
    d->at = n->at;
    const char *kind = sec_text(inv, n, "kind", dl);
    if (!kind)
        diag_error(dl, n->at, "missing 'kind' in an indirect record: electricity or heat");
    else if (strcmp(kind, "electricity") != 0 && strcmp(kind, "heat") != 0)
        diag_error(dl, yn_get(n, "kind")->at, "'kind' is '%s': use electricity or heat", kind);
    d->kind = kind;
    d->grid = sec_text(inv, n, "grid", dl);
    const ynode *fy = yn_get(n, "factor_year");
    if (fy)
        yf_int(fy, "factor_year", 1990, 2200, &d->factor_year, dl);
    const char *view = sec_text(inv, n, "view", dl);
    if (view && strcmp(view, "consumption") != 0 && strcmp(view, "net_import") != 0)
        diag_error(dl, yn_get(n, "view")->at, "'view' is '%s': use consumption or net_import", view);
    d->net_import = view && strcmp(view, "net_import") == 0;
    const ynode *a = yf_need(n, "amount", "an indirect record", dl);
    if (a && yf_number(a, "amount", &d->amount, dl) && d->amount < 0 && !d->net_import)
        diag_error(dl, a->at, "'amount' is negative: purchased energy is zero or more (net exports: view: net_import)");
    if (a)
        d->amount_at = a->at;
    d->unit_text = sec_unit(inv, n, true, dl);
    d->source = sec_text(inv, n, "source", dl);
    const ynode *co2 = yn_get(n, "co2");
    if (co2) {
        fset_param *p = pool_alloc(inv->mem, sizeof *p);
        if (p && fset_parse_value(co2, "co2", true, inv->mem, &p->v, dl)) {
            p->name = "co2";
            d->ovr = p;
            d->novr = 1;
        }
    }
}

void inv_parse_indirect(inventory *inv, const ynode *n, diag_list *dl)
{
    if (n->kind != YN_SEQ) {
        diag_error(dl, n->at, "'indirect' must be a list of records such as {kind: electricity, amount: 85, unit: "
                   "10^8 kWh, grid: northeast}");
        return;
    }
    inv->ind = pool_alloc(inv->mem, (n->n ? n->n : 1) * sizeof *inv->ind);
    for (size_t i = 0; inv->ind && i < n->n; i++) {
        if (n->items[i]->kind != YN_MAP) {
            diag_error(dl, n->items[i]->at, "each indirect record must be a mapping");
            continue;
        }
        sec_indirect_one(inv, n->items[i], &inv->ind[inv->nind++], dl);
    }
}

void inv_parse_notation(inventory *inv, const ynode *n, diag_list *dl)
{
    static const char *const keys[] = {"category", "key", "note"};
    static const char *const valid[] = {"NO", "NE", "NA", "IE", "C"};
    if (n->kind != YN_SEQ) {
        diag_error(dl, n->at, "'notation_keys' must be a list such as [{category: \"2.B.3\", key: NO, note: ...}]");
        return;
    }
    inv->notation = pool_alloc(inv->mem, (n->n ? n->n : 1) * sizeof *inv->notation);
    for (size_t i = 0; inv->notation && i < n->n; i++) {
        const ynode *e = n->items[i];
        if (e->kind != YN_MAP) {
            diag_error(dl, e->at, "each notation key must be a mapping {category, key, note}");
            continue;
        }
        yf_check_keys(e, keys, 3, "a notation key", dl);
        inv_notation *k = &inv->notation[inv->nnotation++];
        k->at = e->at;
        k->category = sec_text(inv, e, "category", dl);
        k->key = sec_text(inv, e, "key", dl);
        k->note = sec_text(inv, e, "note", dl);
        if (!k->category || !k->key)
            diag_error(dl, e->at, "a notation key needs 'category' and 'key' (NO, NE, NA, IE or C)");
        else if (!cat_lookup(k->category))
            diag_error(dl, yn_get(e, "category")->at, "unknown IPCC category '%s'", k->category);
        bool ok = false;
        for (size_t j = 0; k->key && j < 5; j++)
            ok = ok || strcmp(k->key, valid[j]) == 0;
        if (k->key && !ok)
            diag_error(dl, yn_get(e, "key")->at, "notation key '%s' is none of NO, NE, NA, IE, C", k->key);
    }
}

/* Reads one fuel of the reference approach. */
static void sec_ref_fuel(inventory *inv, const ynode *e, inv_ref_fuel *f, diag_list *dl)
{
    static const char *const keys[] = {"fuel", "unit", "production", "imports", "exports", "bunkers",
                                       "stock_change", "non_energy_use", "source"};
    double *dst[] = {&f->production, &f->imports, &f->exports, &f->bunkers, &f->stock_change, &f->non_energy};
    yf_check_keys(e, keys, sizeof keys / sizeof *keys, "a reference-approach fuel", dl);
    f->at = e->at;
    f->fuel = sec_text(inv, e, "fuel", dl);
    if (!f->fuel)
        diag_error(dl, e->at, "missing 'fuel' in a reference-approach fuel");
    f->unit_text = sec_unit(inv, e, false, dl);
    f->source = sec_text(inv, e, "source", dl);
    for (size_t k = 0; k < sizeof dst / sizeof *dst; k++) {
        const ynode *v = yn_get(e, keys[k + 2]);
        if (v && yf_number(v, keys[k + 2], dst[k], dl) && *dst[k] < 0 && dst[k] != &f->stock_change)
            diag_error(dl, v->at, "'%s' is negative: give it as zero or more", keys[k + 2]);
    }
}

void inv_parse_reference(inventory *inv, const ynode *n, diag_list *dl)
{
    static const char *const keys[] = {"threshold", "fuels"};
    inv->ref_threshold_pct = 5.0; /* see README: differences above 5 % are flagged for explanation */
    inv->ref_at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "'reference_approach' must be a mapping with 'fuels:' (and optionally 'threshold:')");
        return;
    }
    yf_check_keys(n, keys, 2, "reference_approach", dl);
    const ynode *th = yn_get(n, "threshold");
    const char *t = th ? yf_text(th, "threshold", dl) : NULL;
    if (t && (!txt_percent(t, &inv->ref_threshold_pct) || inv->ref_threshold_pct < 0))
        diag_error(dl, th->at, "'threshold' must be a percentage such as 5%%, got '%s'", t);
    const ynode *fuels = yf_need(n, "fuels", "reference_approach", dl);
    if (!fuels)
        return;
    if (fuels->kind != YN_SEQ) {
        diag_error(dl, fuels->at, "'fuels' must be a list of {fuel, unit, production, imports, exports, ...}");
        return;
    }
    inv->ref = pool_alloc(inv->mem, (fuels->n ? fuels->n : 1) * sizeof *inv->ref);
    for (size_t i = 0; inv->ref && i < fuels->n; i++) {
        if (fuels->items[i]->kind != YN_MAP) {
            diag_error(dl, fuels->items[i]->at, "each reference-approach fuel must be a mapping");
            continue;
        }
        sec_ref_fuel(inv, fuels->items[i], &inv->ref[inv->nref++], dl);
    }
}

/* `ch4_origin: fossil` or `non_fossil`: the origin of the record's methane
 * for a GWP set that splits CH4 (AR6), in place of the engine's rule.
 * GWP_ORIGIN_ANY (with an error) for anything else. */
gwp_origin inv_ch4_origin(const ynode *n, diag_list *dl)
{
    const char *t = yf_text(n, "ch4_origin", dl);
    if (t && strcmp(t, "fossil") == 0)
        return GWP_ORIGIN_FOSSIL;
    if (t && strcmp(t, "non_fossil") == 0)
        return GWP_ORIGIN_NON_FOSSIL;
    if (t)
        diag_error(dl, n->at, "'ch4_origin' is '%s': use fossil or non_fossil%s", t,
                   strcmp(t, "biogenic") == 0 || strcmp(t, "non-fossil") == 0 ? " (biogenic methane is non_fossil)" : "");
    return GWP_ORIGIN_ANY;
}
