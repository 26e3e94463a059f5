/* gwp_load.c - the GWP file: its sets, checked against each other, and the set an inventory names. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "fdb_internal.h"
#include "fset_load.h"
#include "yfields.h"

/* Names of the CH4 values by origin in a GWP set (AR6 WG1 Table 7.15). */
static const char *const gwp_origin_gas[GWP_NORIGINS] = {NULL, "CH4_fossil", "CH4_non_fossil"};

/* A CH4 value by origin (`gas` CH4_fossil or CH4_non_fossil) into `g`:
 * true when `gas` is one of them (stored, or reported when given twice). */
static bool fdb_gwp_origin_value(fset_db *db, gwp_set *g, const char *gas, double val, const char *ref, src_loc at,
                                 diag_list *dl)
{
    for (int o = GWP_ORIGIN_FOSSIL; o < GWP_NORIGINS; o++) {
        if (strcasecmp(gas, gwp_origin_gas[o]) != 0)
            continue;
        if (!isnan(g->ch4[o]))
            diag_error(dl, at, "the GWP of %s is given twice in set '%s' (first at line %u): keep one",
                       gwp_origin_gas[o], g->id ? g->id : "?", g->ch4_at[o].line);
        else {
            g->ch4[o] = val;
            g->ch4_ref[o] = pool_strdup(db->mem, ref);
            g->ch4_at[o] = at;
        }
        return true;
    }
    return false;
}

bool gwp_splits_ch4(const gwp_set *g)
{
    return !isnan(g->ch4[GWP_ORIGIN_FOSSIL]) && !isnan(g->ch4[GWP_ORIGIN_NON_FOSSIL]);
}

gwp_origin gwp_effective_origin(const gwp_set *g, gas_id gas, gwp_origin o)
{
    return gas == GAS_CH4 && o != GWP_ORIGIN_ANY && gwp_splits_ch4(g) ? o : GWP_ORIGIN_ANY;
}

double gwp_value(const gwp_set *g, gas_id gas, gwp_origin o, const char **ref, src_loc *at)
{
    gwp_origin e = gwp_effective_origin(g, gas, o);
    if (ref)
        *ref = e ? g->ch4_ref[e] : g->ref[gas];
    if (at)
        *at = e ? g->ch4_at[e] : g->at[gas];
    return e ? g->ch4[e] : g->gwp[gas];
}

const char *gwp_gas_label(gas_id gas, gwp_origin o)
{
    if (gas == GAS_CH4 && o == GWP_ORIGIN_FOSSIL)
        return "CH4 (fossil)";
    if (gas == GAS_CH4 && o == GWP_ORIGIN_NON_FOSSIL)
        return "CH4 (non-fossil)";
    return gas_name(gas);
}

/* Reads one GWP set of gwp.yaml into `g`. */
static void fdb_parse_gwp(fset_db *db, const ynode *n, gwp_set *g, diag_list *dl)
{
    static const char *const keys[] = {"id", "title", "default", "values", "note"};
    static const char *const vkeys[] = {"gas", "value", "ref", "confidence", "note"};
    for (int i = 0; i < GAS_COUNT; i++)
        g->gwp[i] = NAN;
    for (int i = 0; i < GWP_NORIGINS; i++)
        g->ch4[i] = NAN;
    g->set_at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "each GWP set must be a mapping with id, title and values");
        return;
    }
    yf_check_keys(n, keys, sizeof keys / sizeof *keys, "a GWP set", dl);
    const char *t = yf_text(yf_need(n, "id", "a GWP set", dl), "id", dl);
    g->id = t ? pool_strdup(db->mem, t) : NULL;
    t = yf_text(yf_need(n, "title", "a GWP set", dl), "title", dl);
    g->title = t ? pool_strdup(db->mem, t) : NULL;
    const ynode *def = yn_get(n, "default");
    if (def)
        yf_bool(def, "default", &g->is_default, dl);
    const ynode *vals = yf_need(n, "values", "a GWP set", dl);
    if (!vals)
        return;
    if (vals->kind != YN_SEQ) {
        diag_error(dl, vals->at, "'values' must be a list of {gas, value, ref}");
        return;
    }
    if (vals->n == 0)
        diag_error(dl, vals->at, "GWP set '%s' has no values: give each gas's GWP as {gas: CH4, value: 28, ref: ...}",
                   g->id ? g->id : "?");
    for (size_t i = 0; i < vals->n; i++) {
        const ynode *v = vals->items[i];
        if (v->kind != YN_MAP) {
            diag_error(dl, v->at, "a GWP value must be a mapping {gas: CH4, value: 28, ref: \"...\"}");
            continue;
        }
        yf_check_keys(v, vkeys, sizeof vkeys / sizeof *vkeys, "a GWP value", dl);
        const char *gas = yf_text(yf_need(v, "gas", "a GWP value", dl), "gas", dl);
        const char *ref = yf_text(yf_need(v, "ref", "a GWP value", dl), "ref", dl);
        double val;
        const ynode *vn = yf_need(v, "value", "a GWP value", dl);
        if (!gas || !ref || !vn || !yf_number(vn, "value", &val, dl))
            continue;
        if (!(val > 0)) {
            diag_error(dl, vn->at, "a GWP must be positive, got %s", vn->text);
            continue;
        }
        if (fdb_gwp_origin_value(db, g, gas, val, ref, vn->at, dl))
            continue;
        gas_id gi = gas_lookup(gas);
        if (gi == GAS_COUNT)
            continue; /* a gas no method emits yet: kept in the file, unused */
        if (!isnan(g->gwp[gi])) {
            diag_error(dl, vn->at, "the GWP of %s is given twice in set '%s' (first at line %u): keep one",
                       gas_name(gi), g->id ? g->id : "?", g->at[gi].line);
            continue;
        }
        g->gwp[gi] = val;
        g->ref[gi] = pool_strdup(db->mem, ref);
        g->at[gi] = vn->at;
    }
}

static void fdb_read_gwp(fset_db *db, yreader *r, const char *path, diag_list *dl);
static void fdb_check_gwps(const fset_db *db, diag_list *dl);

/* Loads gwp.yaml once. */
static void fdb_load_gwp_file(fset_db *db, const char *const *dirs, size_t ndirs, src_loc asked_at, diag_list *dl)
{
    db->gwp_loaded = true;
    char *path = fdb_find_file(db, "gwp", "gwp.yaml", dirs, ndirs);
    if (!path) {
        fdb_not_found("GWP file", "gwp.yaml", dirs, ndirs, asked_at, dl);
        return;
    }
    yreader *r = yr_open(path, dl, NULL);
    if (r)
        fdb_read_gwp(db, r, path, dl);
}

void fdb_load_gwp_from(fset_db *db, yreader *r, diag_list *dl)
{
    db->gwp_loaded = true;
    char *path = pool_strdup(db->mem, yr_path(r));
    if (path)
        fdb_read_gwp(db, r, path, dl);
    else
        yr_close(r);
}

/* Reads the GWP file from the open reader `r` (closed here). */
static void fdb_read_gwp(fset_db *db, yreader *r, const char *path, diag_list *dl)
{
    const ynode *k;
    bool seen = false;
    while ((k = yr_next_key(r))) {
        const ynode *v = yr_value(r);
        if (!v)
            break;
        if (strcmp(k->text, "gwp_sets") != 0) {
            diag_error(dl, k->at, "unknown key '%s' in the GWP file (expected 'gwp_sets')", k->text);
            continue;
        }
        seen = true;
        if (v->kind != YN_SEQ) {
            diag_error(dl, v->at, "'gwp_sets' must be a list of GWP sets {id, title, values}");
            continue;
        }
        if (v->n == 0)
            diag_error(dl, v->at, "'gwp_sets' is empty: give at least one GWP set {id, title, default, values}");
        db->gwps = pool_alloc(db->mem, (v->n ? v->n : 1) * sizeof *db->gwps);
        for (size_t i = 0; i < v->n && db->gwps && !diag_stop(dl, v->items[i]->at, "reading "); i++)
            fdb_parse_gwp(db, v->items[i], &db->gwps[db->ngwps++], dl);
    }
    bool failed = yr_failed(r);
    char sha[65];
    fdb_note_file(db, path, r, sha);
    yr_close(r);
    if (!failed && !seen)
        diag_error(dl, (src_loc){path, 1, 1}, "missing 'gwp_sets:' (the list of GWP sets) in the GWP file");
    fdb_check_gwps(db, dl);
}

/* Checks the GWP sets against each other: ids unique (as looked up, case
 * aside), at most one marked default. */
static void fdb_check_gwps(const fset_db *db, diag_list *dl)
{
    const gwp_set *def = NULL;
    for (size_t i = 0; i < db->ngwps; i++) {
        const gwp_set *g = &db->gwps[i];
        for (size_t j = 0; g->id && j < i; j++)
            if (db->gwps[j].id && strcasecmp(db->gwps[j].id, g->id) == 0) {
                diag_error(dl, g->set_at, "GWP set id '%s' is given twice (first at line %u): give each set its own "
                           "id", g->id, db->gwps[j].set_at.line);
                break;
            }
        if (g->is_default && def)
            diag_error(dl, g->set_at, "GWP sets '%s' (line %u) and '%s' are both marked 'default: true': mark one",
                       def->id ? def->id : "?", def->set_at.line, g->id ? g->id : "?");
        else if (g->is_default)
            def = g;
    }
}

const gwp_set *fdb_gwp(fset_db *db, const char *id, const char *const *dirs, size_t ndirs, src_loc asked_at,
                       diag_list *dl)
{
    if (!db->gwp_loaded)
        fdb_load_gwp_file(db, dirs, ndirs, asked_at, dl);
    for (size_t i = 0; i < db->ngwps; i++) {
        const gwp_set *g = &db->gwps[i];
        if (g->id && (id ? strcasecmp(g->id, id) == 0 : g->is_default))
            return g;
    }
    if (!db->ngwps)
        return NULL;
    char list[256] = "";
    size_t used = 0;
    for (size_t i = 0; i < db->ngwps && used < sizeof list; i++)
        if (db->gwps[i].id)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", db->gwps[i].id);
    if (id)
        diag_error(dl, asked_at, "unknown GWP set '%s': use one of %s", id, list);
    else
        diag_error(dl, asked_at, "no GWP set is marked 'default: true': name one with 'gwp:' (%s)", list);
    return NULL;
}
