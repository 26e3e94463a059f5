/* audit_ruleset.c - loading a verification rules file: each rule's severity, message, threshold, table and source. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_int.h"
#include "pool.h"
#include "textutil.h"
#include "yfields.h"
#include "yreader.h"

#define RS_N(a) (sizeof(a) / sizeof *(a))
#define RS_MAX_CLASSES 32

static const char *const rs_top_keys[] = {"rule_set", "title", "source", "tolerance", "fuel_classes", "rules", "notes"};
static const char *const rs_rule_keys[] = {"id",        "severity", "category", "message", "source",
                                           "threshold", "rows",     "enabled",  "note"};
static const char *const rs_row_keys[] = {"industry", "route",    "fuels",     "fuel_class", "unit_classes", "product",
                                          "kind",     "material", "parameter", "must",       "low",          "high",
                                          "value",    "unit",     "source",    "note"};
static const char *const rs_thr_keys[] = {"value", "unit", "source", "note"};
static const char *const rs_severities[AUD_NSEVERITY] = {"info", "warning", "error"};
/* Non-conformity categories of the verifier's list (CETS-VG-01.01-V02-2026, annex 3 note). */
static const char *const rs_categories[] = {"basic_information", "boundary",          "method",  "data",
                                            "qa_archiving",      "data_quality_plan", "on_site", "other"};

/* The fuel classes of the file: a name and its fuel keys. */
typedef struct {
    const char *name;
    const char **fuels;
    size_t n;
} rs_class;

typedef struct {
    aud_rules *rs;
    diag_list *dl;
    rs_class cls[RS_MAX_CLASSES];
    size_t ncls;
} rs_loader;

const char *aud_severity_name(aud_severity s) { return (unsigned)s < AUD_NSEVERITY ? rs_severities[s] : "?"; }

/* A pool copy of the scalar at `n`, or NULL after an error. */
static const char *rs_text(rs_loader *L, const ynode *n, const char *key)
{
    const char *t = yf_text(n, key, L->dl);
    return t ? pool_strdup(L->rs->mem, t) : NULL;
}

/* Which of `names` the scalar at `n` is; -1 after an error listing them. */
static int rs_pick(rs_loader *L, const ynode *n, const char *key, const char *const *names, size_t count)
{
    return yf_pick(n, key, names, count, L->dl);
}

/* A list of texts at `n` (pool memory); NULL after an error. */
static const char **rs_texts(rs_loader *L, const ynode *n, const char *key, size_t *count)
{
    *count = 0;
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'%s' must be a list such as [natural_gas]", key);
        return NULL;
    }
    const char **out = pool_alloc(L->rs->mem, (n->n + 1) * sizeof *out);
    for (size_t i = 0; out && i < n->n; i++)
        if ((out[*count] = rs_text(L, n->items[i], key)))
            (*count)++;
    return out;
}

/* A value with a unit `{value: 0.5, unit: "%"}`: *base = value x the unit's
 * scale (a fraction for %, seconds for d); the text as written in *text. */
static bool rs_value_unit(rs_loader *L, const ynode *n, const char *key, double *base, const char **text)
{
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'%s' must be a mapping such as {value: 0.5, unit: \"%%\", source: \"...\"}", key);
        return false;
    }
    yf_check_keys(n, rs_thr_keys, RS_N(rs_thr_keys), key, L->dl);
    const ynode *v = yf_need(n, "value", key, L->dl), *u = yn_get(n, "unit");
    double x;
    if (!v || !yf_number(v, "value", &x, L->dl))
        return false;
    units_t unit;
    char msg[200];
    const char *ut = u ? yf_text(u, "unit", L->dl) : "1";
    if (!ut || units_parse(ut, &unit, msg, sizeof msg) != UNITS_OK) {
        if (ut)
            diag_error(L->dl, u->at, "%s", msg);
        return false;
    }
    *base = x * unit.scale;
    char buf[96];
    snprintf(buf, sizeof buf, "%g%s%s", x, strcmp(ut, "1") ? " " : "", strcmp(ut, "1") ? ut : "");
    *text = pool_strdup(L->rs->mem, buf);
    return true;
}

/* The fuels of fuel class `name`; false (reported) when it is not defined. */
static bool rs_class_fuels(rs_loader *L, const ynode *n, aud_row *w)
{
    const char *name = yf_text(n, "fuel_class", L->dl);
    for (size_t i = 0; name && i < L->ncls; i++)
        if (strcmp(L->cls[i].name, name) == 0) {
            w->fuels = L->cls[i].fuels;
            w->nfuels = L->cls[i].n;
            return true;
        }
    if (name)
        diag_error(L->dl, n->at, "fuel class '%s' is not defined under 'fuel_classes:'", name);
    return false;
}

/* Optional number `key` of `map` into *out (NAN when absent). */
static void rs_num(rs_loader *L, const ynode *map, const char *key, double *out)
{
    const ynode *n = yn_get(map, key);
    *out = NAN;
    if (n && !yf_number(n, key, out, L->dl))
        *out = NAN;
}

/* One row of a rule's table. */
static void rs_row(rs_loader *L, const ynode *n, aud_row *w)
{
    w->at = n->at;
    yf_check_keys(n, rs_row_keys, RS_N(rs_row_keys), "a rule row", L->dl);
    const char **texts[] = {&w->industry, &w->route,     &w->product, &w->kind,
                            &w->material, &w->parameter, &w->must,    &w->source};
    const char *keys[] = {"industry", "route", "product", "kind", "material", "parameter", "must", "source"};
    for (size_t i = 0; i < RS_N(keys); i++) {
        const ynode *t = yn_get(n, keys[i]);
        *texts[i] = t ? rs_text(L, t, keys[i]) : NULL;
    }
    const ynode *fu = yn_get(n, "fuels"), *fc = yn_get(n, "fuel_class"), *uc = yn_get(n, "unit_classes");
    if (fu && fc)
        diag_error(L->dl, fc->at, "a row gives 'fuels' or 'fuel_class', not both");
    else if (fu)
        w->fuels = rs_texts(L, fu, "fuels", &w->nfuels);
    else if (fc)
        rs_class_fuels(L, fc, w);
    if (uc)
        w->unit_classes = rs_texts(L, uc, "unit_classes", &w->nunit_classes);
    rs_num(L, n, "low", &w->low);
    rs_num(L, n, "high", &w->high);
    rs_num(L, n, "value", &w->value);
    const ynode *u = yn_get(n, "unit");
    if (u && (w->unit_text = rs_text(L, u, "unit"))) {
        char msg[200];
        if (units_parse(w->unit_text, &w->unit, msg, sizeof msg) != UNITS_OK)
            diag_error(L->dl, u->at, "%s", msg);
    } else
        units_parse("1", &w->unit, NULL, 0);
    if (!isnan(w->low) && !isnan(w->high) && w->low > w->high)
        diag_error(L->dl, n->at, "the row's low %g is above its high %g", w->low, w->high);
}

/* One rule. */
static void rs_rule(rs_loader *L, const ynode *n, aud_rule *r)
{
    r->at = n->at;
    r->threshold = NAN;
    r->enabled = true;
    yf_check_keys(n, rs_rule_keys, RS_N(rs_rule_keys), "a rule", L->dl);
    const ynode *id = yf_need(n, "id", "a rule", L->dl), *sev = yf_need(n, "severity", "a rule", L->dl);
    const ynode *cat = yf_need(n, "category", "a rule", L->dl), *msg = yf_need(n, "message", "a rule", L->dl);
    const ynode *src = yf_need(n, "source", "a rule", L->dl), *thr = yn_get(n, "threshold");
    const ynode *rows = yn_get(n, "rows"), *en = yn_get(n, "enabled");
    if (id && (r->id = rs_text(L, id, "id")) && !aud_checker(r->id)) {
        const char *ids[64];
        size_t k = 0;
        while (k < 64 && (ids[k] = aud_rule_id_at(k)))
            k++;
        const char *hint = txt_suggest(r->id, ids, k);
        diag_error(L->dl, id->at, "unknown rule '%s'%s%s%s: the program checks the rules listed in docs/audit.md",
                   r->id, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    }
    int s = sev ? rs_pick(L, sev, "severity", rs_severities, AUD_NSEVERITY) : -1;
    r->severity = s >= 0 ? (aud_severity)s : AUD_WARNING;
    int c = cat ? rs_pick(L, cat, "category", rs_categories, RS_N(rs_categories)) : -1;
    r->category = c >= 0 ? rs_categories[c] : "other";
    r->message = msg ? rs_text(L, msg, "message") : NULL;
    r->source = src ? rs_text(L, src, "source") : NULL;
    if (thr)
        rs_value_unit(L, thr, "threshold", &r->threshold, &r->threshold_text);
    if (en)
        yf_bool(en, "enabled", &r->enabled, L->dl);
    if (rows && rows->kind != YN_SEQ)
        diag_error(L->dl, rows->at, "'rows' must be a list of mappings");
    else if (rows && (r->rows = pool_alloc(L->rs->mem, (rows->n + 1) * sizeof *r->rows))) {
        for (size_t i = 0; i < rows->n; i++) {
            if (rows->items[i]->kind == YN_MAP)
                rs_row(L, rows->items[i], &r->rows[r->nrows++]);
            else
                diag_error(L->dl, rows->items[i]->at, "each row must be a mapping");
        }
    }
}

/* `fuel_classes: {coal: [anthracite, ...], gas: [...]}`. */
static void rs_classes(rs_loader *L, const ynode *n)
{
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at, "'fuel_classes' must be a mapping such as {gas: [natural_gas]}");
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        if (L->ncls == RS_MAX_CLASSES) {
            diag_error(L->dl, n->items[2 * i]->at, "more than %d fuel classes", RS_MAX_CLASSES);
            return;
        }
        rs_class *c = &L->cls[L->ncls];
        c->name = pool_strdup(L->rs->mem, n->items[2 * i]->text);
        if ((c->fuels = rs_texts(L, n->items[2 * i + 1], c->name, &c->n)))
            L->ncls++;
    }
}

/* Every rule of `rules:`; a rule id given twice is an error. */
static void rs_rules(rs_loader *L, const ynode *n)
{
    aud_rules *rs = L->rs;
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'rules' must be a list of rules (lines starting with '- ')");
        return;
    }
    rs->rules = pool_alloc(rs->mem, (n->n + 1) * sizeof *rs->rules);
    for (size_t i = 0; rs->rules && i < n->n; i++) {
        if (n->items[i]->kind != YN_MAP) {
            diag_error(L->dl, n->items[i]->at, "each rule must be a mapping with id, severity, message and source");
            continue;
        }
        aud_rule *r = &rs->rules[rs->n];
        rs_rule(L, n->items[i], r);
        for (size_t k = 0; r->id && k < rs->n; k++)
            if (rs->rules[k].id && strcmp(rs->rules[k].id, r->id) == 0)
                diag_error(L->dl, r->at, "rule '%s' is given twice (also at line %u)", r->id, rs->rules[k].at.line);
        rs->n++;
    }
}

aud_rules *aud_rules_load(const char *path, diag_list *dl)
{
    /* Opened on the caller's `path`, which outlives the messages: a file that
     * cannot be opened is reported at it. */
    yreader *yr = yr_open(path, dl, NULL);
    return yr ? aud_rules_load_from(yr, dl) : NULL;
}

aud_rules *aud_rules_load_from(yreader *yr, diag_list *dl)
{
    aud_rules *rs = calloc(1, sizeof *rs);
    if (!rs || !(rs->mem = pool_new())) {
        free(rs);
        yr_close(yr);
        return NULL;
    }
    rs->path = pool_strdup(rs->mem, yr_path(yr));
    rs->tolerance = NAN;
    rs_loader L = {.rs = rs, .dl = dl};
    const ynode *k, *rules = NULL, *classes = NULL, *tol = NULL;
    while ((k = yr_next_key(yr))) {
        const ynode *v = yr_value(yr);
        if (!v)
            break;
        if (!strcmp(k->text, "rule_set"))
            rs->id = rs_text(&L, v, "rule_set");
        else if (!strcmp(k->text, "title"))
            rs->title = rs_text(&L, v, "title");
        else if (!strcmp(k->text, "rules"))
            rules = v;
        else if (!strcmp(k->text, "fuel_classes"))
            classes = v;
        else if (!strcmp(k->text, "tolerance"))
            tol = v;
        else if (strcmp(k->text, "source") && strcmp(k->text, "notes")) {
            const char *hint = txt_suggest(k->text, rs_top_keys, RS_N(rs_top_keys));
            diag_error(dl, k->at, "unknown key '%s' in a rules file%s%s%s", k->text, hint ? " (did you mean '" : "",
                       hint ? hint : "", hint ? "'?)" : "");
        }
    }
    if (!yr_failed(yr)) {
        if (classes)
            rs_classes(&L, classes);
        if (tol)
            rs_value_unit(&L, tol, "tolerance", &rs->tolerance, &rs->tolerance_text);
        if (rules)
            rs_rules(&L, rules);
        src_loc top = {rs->path, 1, 1};
        if (!rs->id)
            diag_error(dl, top, "missing 'rule_set:' (an id for these rules)");
        if (!rules)
            diag_error(dl, top, "missing 'rules:' (the list of rules)");
        if (!tol)
            diag_error(dl, top,
                       "missing 'tolerance:' (the default recomputation tolerance, e.g. {value: 0.5, "
                       "unit: \"%%\"})");
    }
    if (yr_failed(yr) || !yr_sha256(yr, rs->sha256))
        strcpy(rs->sha256, "unreadable");
    yr_close(yr);
    return rs;
}

void aud_rules_free(aud_rules *rs)
{
    if (!rs)
        return;
    pool_free(rs->mem);
    free(rs);
}

const aud_rule *aud_rule_find(const aud_rules *rs, const char *id)
{
    for (size_t i = 0; rs && i < rs->n; i++)
        if (rs->rules[i].id && rs->rules[i].enabled && strcmp(rs->rules[i].id, id) == 0)
            return &rs->rules[i];
    return NULL;
}
