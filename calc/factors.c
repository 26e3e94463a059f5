/* factors.c - loading and validating factor sets (the GWP file: gwp_load.c). */
#include "fset_load.h"
#include "factors.h"
#include "fdb_internal.h"
#include "unc_load.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "pool.h"
#include "textutil.h"
#include "unc_spec.h"
#include "yfields.h"
#include "yreader.h"

/* What a parameter's unit must measure. */
typedef enum {
    DIMS_NCV,      /* energy per mass or per volume */
    DIMS_SCE,      /* like an NCV, or energy/energy for electricity and heat */
    DIMS_CARBON,   /* mass of carbon per energy */
    DIMS_FRACTION, /* dimensionless, in (0, 1] */
    DIMS_SHARE,    /* dimensionless, in [0, 1] */
    DIMS_ANY       /* any: the product method checks the whole product */
} fset_dims;

typedef struct {
    fset_param_info info;
    fset_dims dims;
    const char *species; /* allowed substance tags besides none ("CO2,C"), or NULL */
} fset_param_rule;

/* The parameters a factor entry or record override may carry, product
 * terms in the order they multiply, then the gases' emission factors.
 * Emission factors accept any unit here: fuel combustion checks for mass per
 * energy, the product method for a product that is a mass. */
static const fset_param_rule fset_rules[] = {
    {{"ncv", "net calorific value", "energy/mass or energy/volume", FSET_TERM_NONE}, DIMS_NCV, NULL},
    {{"sce", "standard coal equivalent coefficient", "energy/mass, energy/volume or energy/energy",
      FSET_TERM_NONE}, DIMS_SCE, NULL},
    {{"carbon_content", "carbon content per unit of energy", "mass/energy", FSET_TERM_NONE}, DIMS_CARBON, "C"},
    /* first-order-decay landfill parameters (IPCC 2006 Vol.5 Ch.2-3), read by the FOD model */
    {{"doc", "degradable organic carbon fraction", "fraction", FSET_TERM_NONE}, DIMS_SHARE, NULL},
    {{"docf", "fraction of DOC that decomposes", "fraction", FSET_TERM_NONE}, DIMS_SHARE, NULL},
    {{"k", "methane generation rate constant", "1/time", FSET_TERM_NONE}, DIMS_ANY, NULL},
    {{"f", "fraction of CH4 in landfill gas", "fraction", FSET_TERM_NONE}, DIMS_SHARE, NULL},
    {{"ox", "oxidation factor of the cover", "fraction", FSET_TERM_NONE}, DIMS_SHARE, NULL},
    {{"nitrogen", "nitrogen per unit of activity", "any", FSET_TERM_MUL}, DIMS_ANY, "N"},
    {{"days", "period of the activity", "time", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"density", "basic wood density", "mass/volume", FSET_TERM_MUL}, DIMS_ANY, "DM"},
    {{"bef", "biomass expansion factor", "1", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"dry_matter", "dry matter fraction", "fraction", FSET_TERM_MUL}, DIMS_SHARE, "DM"},
    {{"carbon_fraction", "carbon fraction of dry matter", "fraction", FSET_TERM_MUL}, DIMS_SHARE, "C"},
    {{"fossil_fraction", "fossil carbon fraction", "fraction", FSET_TERM_MUL}, DIMS_SHARE, NULL},
    {{"fraction", "share of the activity", "fraction", FSET_TERM_MUL}, DIMS_SHARE, NULL},
    /* the parts of IPCC 2006 Vol.3 Ch.2 Eq. 2.5 on the cement kiln dust's own record */
    {{"carbonate_fraction", "fraction of original carbonate in the CKD (Cd)", "fraction", FSET_TERM_MUL},
     DIMS_SHARE, NULL},
    {{"calcination", "fraction of that carbonate calcined (Fd)", "fraction", FSET_TERM_MUL}, DIMS_SHARE, NULL},
    {{"mcf", "methane correction factor", "fraction", FSET_TERM_MUL}, DIMS_SHARE, NULL},
    {{"correction", "correction factor", "1", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"scaling", "scaling factor", "1", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"scaling_water", "scaling factor for water regime", "1", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"scaling_preseason", "scaling factor for pre-season water regime", "1", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"scaling_organic", "scaling factor for organic amendment", "1", FSET_TERM_MUL}, DIMS_ANY, NULL},
    {{"root_shoot", "root-to-shoot ratio", "1", FSET_TERM_ONE_PLUS}, DIMS_ANY, NULL},
    {{"abatement", "abatement fraction", "fraction", FSET_TERM_ONE_MINUS}, DIMS_SHARE, NULL},
    {{"recovery", "recovered fraction", "fraction", FSET_TERM_ONE_MINUS}, DIMS_SHARE, NULL},
    {{"cullet", "cullet ratio", "fraction", FSET_TERM_ONE_MINUS}, DIMS_SHARE, NULL},
    {{"oxidation", "oxidation factor", "fraction", FSET_TERM_MUL}, DIMS_FRACTION, NULL},
    {{"co2", "CO2 emission factor", "mass of CO2 (or C) per unit of activity", FSET_TERM_EF}, DIMS_ANY, "CO2,C"},
    {{"ch4", "CH4 emission factor", "mass of CH4 per unit of activity", FSET_TERM_EF}, DIMS_ANY, "CH4,CH4-C"},
    {{"n2o", "N2O emission factor", "mass of N2O per unit of activity", FSET_TERM_EF}, DIMS_ANY, "N2O,N2O-N"},
    {{"sf6", "SF6 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"nf3", "NF3 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"hfc23", "HFC-23 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"hfc32", "HFC-32 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"hfc125", "HFC-125 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"hfc134a", "HFC-134a emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"hfc143a", "HFC-143a emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"hfc152a", "HFC-152a emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"cf4", "CF4 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
    {{"c2f6", "C2F6 emission factor", "mass per unit of activity", FSET_TERM_EF}, DIMS_ANY, NULL},
};
#define FSET_NRULES (sizeof fset_rules / sizeof *fset_rules)

const fset_param_info *fset_param_at(size_t i) { return i < FSET_NRULES ? &fset_rules[i].info : NULL; }
size_t fset_param_count(void) { return FSET_NRULES; }

/* Whether tag `sp` is in the comma-separated list `allowed`. */
static bool fset_species_ok(const char *allowed, const char *sp)
{
    size_t n = strlen(sp);
    for (const char *p = allowed; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, sp, n) == 0)
            return true;
        p = comma ? comma + 1 : NULL;
    }
    return false;
}

static const fset_param_rule *fset_rule(const char *name)
{
    for (size_t i = 0; i < FSET_NRULES; i++)
        if (strcmp(fset_rules[i].info.name, name) == 0)
            return &fset_rules[i];
    return NULL;
}

const fset_param_info *fset_param_lookup(const char *name)
{
    const fset_param_rule *r = fset_rule(name);
    return r ? &r->info : NULL;
}

fset_db *fdb_new(void)
{
    fset_db *db = calloc(1, sizeof *db);
    if (db && !(db->mem = pool_new())) {
        free(db);
        return NULL;
    }
    return db;
}

void fdb_free(fset_db *db)
{
    if (!db)
        return;
    pool_free(db->mem);
    free(db->sets);
    free(db->files);
    free(db->file_paths);
    free(db->file_shas);
    free(db);
}

/* Records a file read, with its digest for the About sheet: taken by the
 * reader `r` as libyaml read the file, so call it at the end of the file. */
void fdb_note_file(fset_db *db, const char *path, yreader *r, char sha[65])
{
    if (!yr_sha256(r, sha))
        strcpy(sha, "unreadable");
    if (db->nfiles == db->capfiles) {
        size_t cap = db->capfiles ? db->capfiles * 2 : 8;
        fdb_file *f = realloc(db->files, cap * sizeof *f);
        if (!f)
            return;
        db->files = f;
        db->capfiles = cap;
    }
    db->files[db->nfiles].path = path;
    memcpy(db->files[db->nfiles].sha256, sha, 65);
    db->nfiles++;
}

size_t fdb_files(const fset_db *db, const char ***paths, const char ***sha256)
{
    fset_db *m = (fset_db *)db; /* the views are a cache */
    free(m->file_paths);
    free(m->file_shas);
    m->file_paths = calloc(db->nfiles + 1, sizeof *m->file_paths);
    m->file_shas = calloc(db->nfiles + 1, sizeof *m->file_shas);
    if (!m->file_paths || !m->file_shas)
        return 0;
    for (size_t i = 0; i < db->nfiles; i++) {
        m->file_paths[i] = db->files[i].path;
        m->file_shas[i] = db->files[i].sha256;
    }
    *paths = m->file_paths;
    *sha256 = m->file_shas;
    return db->nfiles;
}

/* Checks that unit `u` measures what parameter rule `r` needs. */
static bool fset_dims_ok(const fset_param_rule *r, const units_t *u)
{
    units_t e = *u;
    switch (r->dims) {
    case DIMS_NCV:
        return e.dim[UNITS_DIM_ENERGY] == 1 &&
               ((e.dim[UNITS_DIM_MASS] == -1 && e.dim[UNITS_DIM_LENGTH] == 0) ||
                (e.dim[UNITS_DIM_MASS] == 0 && e.dim[UNITS_DIM_LENGTH] == -3)) &&
               !e.dim[UNITS_DIM_MONEY] && !e.dim[UNITS_DIM_COUNT] && !e.dim[UNITS_DIM_TIME];
    case DIMS_SCE:
        /* kgce/kg like an NCV; kgce/kWh (electricity, heat) is energy/energy */
        return units_is_dimensionless(&e) || fset_dims_ok(&fset_rules[0], u);
    case DIMS_CARBON:
        e.dim[UNITS_DIM_MASS]--;
        e.dim[UNITS_DIM_ENERGY]++;
        return units_is_dimensionless(&e);
    case DIMS_FRACTION:
    case DIMS_SHARE:
        return units_is_dimensionless(&e);
    case DIMS_ANY:
        return true;
    }
    return false;
}

/* Reads `gas: n2o` or `gas: [ch4, n2o]` on a product term into a mask. */
_Static_assert(GAS_COUNT <= 16, "fset_value.gas_mask holds one bit per gas");

static void fset_parse_gas_scope(const ynode *n, const char *param, const fset_param_rule *rule, uint16_t *mask,
                                 diag_list *dl)
{
    if (rule && rule->info.term != FSET_TERM_MUL && rule->info.term != FSET_TERM_ONE_MINUS &&
        rule->info.term != FSET_TERM_ONE_PLUS) {
        diag_error(dl, n->at, "'gas' only scopes a product term, and '%s' is none", param);
        return;
    }
    size_t count = n->kind == YN_SEQ ? n->n : 1;
    for (size_t i = 0; i < count; i++) {
        const ynode *item = n->kind == YN_SEQ ? n->items[i] : n;
        const char *t = yf_text(item, "gas", dl);
        gas_id g = t ? gas_lookup(t) : GAS_COUNT;
        if (t && g == GAS_COUNT)
            diag_error(dl, item->at, "unknown gas '%s' in 'gas' (use co2, ch4, n2o, sf6, hfc134a, ...)", t);
        else if (t)
            *mask = (uint16_t)(*mask | 1u << g); /* GAS_COUNT <= 16: gases.h */
    }
}

/* Reports a fraction out of its range: "'abatement' is 50, outside [0, 1]:
 * an abatement fraction is a fraction such as 0.3 (for 50 %, write unit:
 * "%")". The unit is named only when it says more than "1" or "fraction". */
static void fset_fraction_error(const fset_param_rule *rule, const char *param, const ynode *v, const fset_value *out,
                                diag_list *dl)
{
    bool plain = strcmp(out->unit_text, "1") == 0 || strcmp(out->unit_text, "fraction") == 0;
    bool share = rule->dims == DIMS_SHARE;
    const char *m = rule->info.meaning;
    bool vowel = strchr("aeiou", m[0]) != NULL;
    char hint[96] = "";
    if (plain && out->value >= 10 && out->value <= 100) /* 98 or 50 meant as a percentage */
        snprintf(hint, sizeof hint, " (for %s %%, write unit: \"%%\")", v->text);
    if (!hint[0])
        snprintf(hint, sizeof hint, ", or %s with unit \"%%\"", share ? "30" : "98");
    diag_error(dl, v->at, "'%s' is %s%s%s, outside %s: %s %s is a fraction such as %s%s", param, v->text,
               plain ? "" : " ", plain ? "" : out->unit_text, share ? "[0, 1]" : "(0, 1]", vowel ? "an" : "a", m,
               share ? "0.3" : "0.98", hint);
}

bool fset_parse_value(const ynode *node, const char *param, bool is_override, pool *mem, fset_value *out,
                      diag_list *dl)
{
    static const char *const keys[] = {"value", "unit", "lower", "upper", "uncertainty", "ref", "source",
                                       "confidence", "note", "tier", "gas", "distribution", "group"};
    const fset_param_rule *rule = fset_rule(param);
    memset(out, 0, sizeof *out);
    out->lower = out->upper = out->uncertainty_pct = NAN;
    out->at = node->at;
    if (node->kind != YN_MAP) {
        diag_error(dl, node->at, "'%s' must be a mapping like {value: 48.0, unit: TJ/Gg, %s: \"...\"}, not %s", param,
                   is_override ? "source" : "ref", yn_kind_name(node));
        return false;
    }
    size_t errs = diag_error_count(dl);
    yf_check_keys(node, keys, sizeof keys / sizeof *keys, param, dl);
    const ynode *v = yf_need(node, "value", param, dl);
    const ynode *u = yf_need(node, "unit", param, dl);
    if (v)
        yf_number(v, "value", &out->value, dl);
    if (u && (out->unit_text = yf_text(u, "unit", dl))) {
        char msg[200];
        out->unit_line = u->at.line;
        out->unit_col = u->at.col;
        if (units_parse(out->unit_text, &out->unit, msg, sizeof msg) != UNITS_OK)
            diag_error(dl, u->at, "%s", msg);
        else if (rule && !fset_dims_ok(rule, &out->unit)) {
            char dim[64];
            units_dim_name(&out->unit, dim, sizeof dim);
            diag_error(dl, u->at, "unit '%s' of '%s' measures %s, but a %s must be %s", out->unit_text, param, dim,
                       rule->info.meaning, rule->info.dims);
        } else if (rule && out->unit.species[0] && !fset_species_ok(rule->species, out->unit.species)) {
            char allowed[64] = "";
            for (size_t i = 0, j = 0; rule->species && rule->species[i] && j + 5 < sizeof allowed; i++) {
                if (rule->species[i] == ',') {
                    memcpy(allowed + j, " or ", 4);
                    j += 4;
                } else
                    allowed[j++] = rule->species[i];
                allowed[j] = '\0';
            }
            diag_error(dl, u->at, "unit '%s' of '%s' is of %s; a %s must be %s%s", out->unit_text, param,
                       out->unit.species, rule->info.meaning, rule->species ? "of " : "without a substance",
                       allowed);
        }
        out->unit_text = pool_intern(mem, out->unit_text, strlen(out->unit_text)); /* shared: few distinct units */
    }
    const ynode *lo = yn_get(node, "lower"), *hi = yn_get(node, "upper"), *unc = yn_get(node, "uncertainty");
    if (lo)
        yf_number(lo, "lower", &out->lower, dl);
    if (hi)
        yf_number(hi, "upper", &out->upper, dl);
    if ((lo != NULL) != (hi != NULL))
        diag_error(dl, node->at, "'%s' gives %s without %s: give both bounds of the 95%% range, or neither", param,
                   lo ? "lower" : "upper", lo ? "upper" : "lower");
    if (unc)
        yf_percent(unc, "uncertainty", &out->uncertainty_pct, dl);
    out->unc = unc_parse_factor(yn_get(node, "distribution"), yn_get(node, "group"), mem, dl);
    const ynode *ref = yn_get(node, "ref"), *src = yn_get(node, "source");
    if (ref && src)
        diag_error(dl, src->at, "'%s' gives both 'ref' and 'source': keep one", param);
    else if (ref || src) {
        const char *t = yf_text(ref ? ref : src, ref ? "ref" : "source", dl);
        out->ref = t ? pool_intern(mem, t, strlen(t)) : NULL; /* a record's sources repeat */
    } else
        diag_error(dl, node->at, "'%s' has no '%s': every value must say where it comes from", param,
                   is_override ? "source" : "ref");
    const ynode *conf = yn_get(node, "confidence");
    if (conf) {
        const char *t = yf_text(conf, "confidence", dl);
        if (t && (strlen(t) != 1 || !strchr("ABC", t[0])))
            diag_error(dl, conf->at, "'confidence' must be A, B or C, got '%s'", t);
        else if (t)
            out->confidence = t[0];
    }
    const ynode *note = yn_get(node, "note");
    if (note) {
        const char *t = yf_text(note, "note", dl);
        out->note = t ? pool_strdup(mem, t) : NULL;
    }
    const ynode *gas = yn_get(node, "gas");
    if (gas)
        fset_parse_gas_scope(gas, param, rule, &out->gas_mask, dl);
    const ynode *tier = yn_get(node, "tier");
    long tv;
    if (tier && yf_int(tier, "tier", 1, 3, &tv, dl))
        out->tier = (int)tv;
    if (diag_error_count(dl) != errs)
        return false;
    /* Checks on meaning, once the pieces parsed. */
    double scaled = out->value * out->unit.scale;
    if (rule && (rule->dims == DIMS_FRACTION || rule->dims == DIMS_SHARE) &&
        !(scaled >= 0 && scaled <= 1.0 + 1e-12 && (scaled > 0 || rule->dims == DIMS_SHARE)))
        fset_fraction_error(rule, param, v, out, dl);
    else if (rule && (rule->dims == DIMS_NCV || rule->dims == DIMS_SCE) && !(out->value > 0))
        diag_error(dl, v->at, "'%s' must be positive, got %s", param, v->text);
    else if (!(out->value >= 0))
        diag_error(dl, v->at, "'%s' must not be negative, got %s", param, v->text);
    if (!isnan(out->lower) && !(out->lower <= out->value && out->value <= out->upper))
        diag_error(dl, node->at, "'%s' value %g is outside its range [%g, %g]: check lower and upper", param,
                   out->value, out->lower, out->upper);
    else if (out->unc && out->unc->dist && isnan(out->lower) && isnan(out->uncertainty_pct))
        diag_error(dl, out->unc->at, "'%s' gives a distribution but no range: add lower and upper, or "
                   "uncertainty", param);
    else if (out->unc && out->unc->dist == UNC_DIST_LOGNORMAL && !isnan(out->lower) && !(out->lower > 0))
        diag_error(dl, node->at, "'%s' is lognormal, so its lower bound must be above zero, not %g", param,
                   out->lower);
    return diag_error_count(dl) == errs;
}

/* `needs: [carbonate_fraction, calcination]`: the parameters a record of
 * the entry's key must give itself, where no set has a default (a plant's
 * own data), so that a record without them is refused, not computed
 * without a term. */
static void fset_parse_needs(fset_db *db, const ynode *n, fset_entry *e, diag_list *dl)
{
    if (n->kind != YN_SEQ || n->n == 0) {
        diag_error(dl, n->at, "'needs' must be a list of parameters the record gives, e.g. [co2]");
        return;
    }
    e->needs = pool_alloc(db->mem, n->n * sizeof *e->needs);
    for (size_t i = 0; i < n->n && e->needs; i++) {
        const char *t = yf_text(n->items[i], "needs", dl);
        const fset_param_rule *r = t ? fset_rule(t) : NULL;
        if (t && !r)
            diag_error(dl, n->items[i]->at, "unknown parameter '%s' in 'needs' (a factor parameter such as co2 or "
                       "fraction)", t);
        else if (r)
            e->needs[e->nneeds++] = r->info.name;
    }
}

/* The interned text of the optional key `key` of `n`, or NULL when it is
 * not given (or not text: reported). */
static const char *fset_opt_text(fset_db *db, const ynode *n, const char *key, diag_list *dl)
{
    const ynode *v = yn_get(n, key);
    const char *t = v ? yf_text(v, key, dl) : NULL;
    return t ? pool_intern(db->mem, t, strlen(t)) : NULL;
}

/* The entry's descriptive fields: its key (fuel or activity), names, IPCC
 * fuel, grid, year, category, feedstock and the removal and biogenic flags. */
static void fset_entry_fields(fset_db *db, const ynode *n, fset_entry *e, diag_list *dl)
{
    const ynode *fuel = yn_get(n, "fuel"), *act = yn_get(n, "activity");
    if (fuel && act)
        diag_error(dl, act->at, "an entry has either 'fuel' or 'activity', not both");
    else if (!fuel && !act)
        diag_error(dl, n->at, "missing 'fuel' (or 'activity') in a factor entry");
    const char *key = yf_text(fuel ? fuel : act, fuel ? "fuel" : "activity", dl);
    e->key = key ? pool_intern(db->mem, key, strlen(key)) : NULL;
    e->activity = act && !fuel;
    const ynode *lab = yn_get(n, "name");
    const char *t = lab ? yf_text(lab, "name", dl) : NULL;
    e->label = t ? pool_strdup(db->mem, t) : NULL;
    e->label_zh = fset_opt_text(db, n, "name_zh", dl);
    if (!e->label_zh)
        e->label_zh = fset_label_zh(e->label, db->mem);
    e->same_as = fset_opt_text(db, n, "ipcc_fuel", dl);
    e->grid = fset_opt_text(db, n, "grid", dl);
    const ynode *year = yn_get(n, "year");
    if (year)
        yf_int(year, "year", 1900, 2200, &e->year, dl);
    e->category = fset_opt_text(db, n, "category", dl);
    e->feedstock = fset_opt_text(db, n, "feedstock", dl);
    const ynode *rem = yn_get(n, "removal");
    bool rm;
    if (rem && yf_bool(rem, "removal", &rm, dl))
        e->removal = rm;
    const ynode *bio = yn_get(n, "biogenic");
    bool b;
    if (bio && yf_bool(bio, "biogenic", &b, dl))
        e->biogenic = b;
}

/* The entry's factor values (every key that names a parameter) and its
 * `needs:`; an entry with neither is an error. */
static void fset_entry_values(fset_db *db, const ynode *n, fset_entry *e, diag_list *dl)
{
    size_t np = 0;
    for (size_t i = 0; i < n->n; i++)
        np += fset_rule(n->items[2 * i]->text) != NULL;
    e->params = pool_alloc(db->mem, (np ? np : 1) * sizeof *e->params);
    for (size_t i = 0; i < n->n && e->params; i++) {
        const char *name = n->items[2 * i]->text;
        const fset_param_rule *r = fset_rule(name);
        if (!r)
            continue;
        fset_param *p = &e->params[e->nparams];
        p->name = r->info.name;
        if (fset_parse_value(n->items[2 * i + 1], name, false, db->mem, &p->v, dl))
            e->nparams++;
    }
    const ynode *needs = yn_get(n, "needs");
    if (needs)
        fset_parse_needs(db, needs, e, dl);
    if (np == 0 && e->nneeds == 0)
        diag_error(dl, n->at, "factor entry for '%s' has no values: give at least one factor such as ncv, co2, "
                   "ch4 or n2o, or say in 'needs' what the record gives (see docs/input-format.md)",
                   e->key ? e->key : "?");
}

/* Parses one entry of `factors:` into `e`. */
static void fset_parse_entry(fset_db *db, fset *set, const ynode *n, fset_entry *e, diag_list *dl)
{
    static const char *const fixed[] = {"fuel",      "activity", "name", "name_zh", "category", "biogenic", "note",
                                        "ipcc_fuel", "grid",     "year", "removal", "feedstock", "needs"};
    e->at = n->at;
    e->set = set;
    e->biogenic = -1;
    if (n->kind != YN_MAP) {
        diag_error(dl, n->at, "each factor entry must be a mapping with 'fuel:' and values, not %s",
                   yn_kind_name(n));
        return;
    }
    const char *allowed[sizeof fixed / sizeof *fixed + FSET_NRULES];
    size_t na = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        allowed[na++] = fixed[i];
    for (size_t i = 0; i < FSET_NRULES; i++)
        allowed[na++] = fset_rules[i].info.name;
    yf_check_keys(n, allowed, na, "a factor entry", dl);
    fset_entry_fields(db, n, e, dl);
    fset_entry_values(db, n, e, dl);
}

/* Whether `a` and `b` are both NULL or equal strings. */
static bool fset_same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

/* Reports two entries for the same fuel and category with the same parameter. */
static void fset_check_duplicates(const fset *set, diag_list *dl)
{
    for (size_t i = 0; i < set->n; i++) {
        const fset_entry *a = &set->entries[i];
        for (size_t j = i + 1; j < set->n; j++) {
            const fset_entry *b = &set->entries[j];
            if (a->key != b->key || !fset_same(a->category, b->category) || a->grid != b->grid ||
                a->year != b->year)
                continue;
            for (size_t p = 0; p < b->nparams; p++) {
                const fset_value *first = fset_entry_param(a, b->params[p].name);
                /* An NCV per mass and one per volume may stand side by side. */
                if (first && units_same_dim(&first->unit, &b->params[p].v.unit))
                    diag_error(dl, b->params[p].v.at,
                               "'%s' for '%s'%s%s is given twice in this set (first at line %u): keep one",
                               b->params[p].name, b->key, b->category ? " in category " : "",
                               b->category ? b->category : "", a->at.line);
            }
        }
    }
}

/* Finds `name` as a file: a path when it names one, else ID.yaml in `dirs`.
 * Whether a file is there is asked with access(), not by opening it: a FIFO
 * can be opened for reading only once. */
char *fdb_find_file(fset_db *db, const char *name, const char *file_name, const char *const *dirs, size_t ndirs)
{
    bool has_ext = strlen(name) > 5 && strcmp(name + strlen(name) - 5, ".yaml") == 0;
    if (strchr(name, '/') || has_ext) {
        /* A path; "dir/country" means dir/country.yaml. */
        size_t len = strlen(name) + 6;
        char *path = pool_alloc(db->mem, len);
        if (!path)
            return NULL;
        snprintf(path, len, "%s%s", name, has_ext ? "" : ".yaml");
        return access(path, R_OK) == 0 ? path : NULL;
    }
    for (size_t i = 0; i < ndirs; i++) {
        size_t len = strlen(dirs[i]) + strlen(file_name) + 2;
        char *path = pool_alloc(db->mem, len);
        if (!path)
            return NULL;
        snprintf(path, len, "%s/%s", dirs[i], file_name);
        if (access(path, R_OK) == 0)
            return path; /* found without opening it: the reader opens it once */
    }
    return NULL;
}

/* Reports that `what` was not found in any of `dirs`. */
void fdb_not_found(const char *what, const char *name, const char *const *dirs, size_t ndirs, src_loc at,
                   diag_list *dl)
{
    char searched[1024] = "";
    size_t len = 0;
    for (size_t i = 0; i < ndirs && len < sizeof searched - 1; i++)
        len += (size_t)snprintf(searched + len, sizeof searched - len, "%s%s", i ? ", " : "", dirs[i]);
    if (len >= sizeof searched)
        len = sizeof searched - 1;
    diag_error(dl, at, "%s '%s' not found (searched: %s): check the name, or add a folder with --factors DIR",
               what, name, ndirs ? searched : "no folders");
}

static fset *fdb_read_set(fset_db *db, yreader *r, const char *path, diag_list *dl);

/* Adds the parsed set `set` (read from `path`) to the database, checks that
 * its id is `want_id` (when not NULL) and loads the set it extends, from
 * the set's own folder and then `dirs`. */
static const fset *fdb_adopt(fset_db *db, fset *set, const char *want_id, const char *path,
                             const char *const *dirs, size_t ndirs, diag_list *dl)
{
    if (db->nsets == db->capsets) {
        size_t cap = db->capsets ? db->capsets * 2 : 8;
        fdb_slot *s = realloc(db->sets, cap * sizeof *s);
        if (!s)
            return NULL;
        db->sets = s;
        db->capsets = cap;
    }
    size_t slot = db->nsets++;
    db->sets[slot] = (fdb_slot){set, true};
    if (want_id && set->id && strcmp(set->id, want_id) != 0)
        diag_error(dl, set->id_at, "file declares factor_set '%s' but is named '%s.yaml': make them agree", set->id,
                   want_id);
    if (set->extends_id) {
        /* The parent is looked up beside the child, then in the same folders
         * (every one of them: no cap on --factors DIR); the child's folder
         * is not repeated, so a long chain in one folder adds it once. */
        const char **dirs2 = pool_alloc(db->mem, (ndirs + 1) * sizeof *dirs2);
        char *here = pool_strdup(db->mem, path);
        if (!dirs2 || !here) {
            db->sets[slot].loading = false;
            return NULL;
        }
        char *slash = strrchr(here, '/');
        if (slash)
            *slash = '\0';
        size_t n2 = 0;
        dirs2[n2++] = slash ? (slash == here ? "/" : here) : ".";
        for (size_t i = 0; i < ndirs; i++)
            if (strcmp(dirs[i], dirs2[0]) != 0)
                dirs2[n2++] = dirs[i];
        set->extends = fdb_load_set(db, set->extends_id, dirs2, n2, set->extends_at, dl);
    }
    db->sets[slot].loading = false;
    return set;
}

const fset *fdb_load_set(fset_db *db, const char *name, const char *const *dirs, size_t ndirs, src_loc asked_at,
                         diag_list *dl)
{
    size_t flen = strlen(name) + 6;
    char *file_name = pool_alloc(db->mem, flen);
    if (!file_name)
        return NULL;
    snprintf(file_name, flen, "%s.yaml", name);
    char *path = fdb_find_file(db, name, file_name, dirs, ndirs);
    if (!path) {
        fdb_not_found("factor set", name, dirs, ndirs, asked_at, dl);
        return NULL;
    }
    for (size_t i = 0; i < db->nsets; i++) {
        if (strcmp(db->sets[i].set->path, path) != 0)
            continue;
        if (db->sets[i].loading) {
            diag_error(dl, asked_at, "factor set '%s' extends itself through a cycle: break the 'extends' chain",
                       name);
            return NULL;
        }
        return db->sets[i].set;
    }
    yreader *r = yr_open(path, dl, NULL);
    fset *set = r ? fdb_read_set(db, r, path, dl) : NULL;
    if (!set)
        return NULL;
    bool is_path = strchr(name, '/') || strstr(name, ".yaml");
    return fdb_adopt(db, set, is_path ? NULL : name, path, dirs, ndirs, dl);
}

const fset *fdb_load_set_from(fset_db *db, yreader *r, const char *const *dirs, size_t ndirs, diag_list *dl)
{
    char *path = pool_strdup(db->mem, yr_path(r));
    if (!path) {
        yr_close(r);
        return NULL;
    }
    fset *set = fdb_read_set(db, r, path, dl);
    if (!set)
        return NULL;
    /* Looked up by id (factor_sets, extends), the set must be ID.yaml: a file
     * named *.yaml must carry its own name, so `check` says what a lookup
     * by that name would refuse. */
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len = strlen(base);
    char *want = len > 5 && strcmp(base + len - 5, ".yaml") == 0 ? pool_strndup(db->mem, base, len - 5) : NULL;
    return fdb_adopt(db, set, want, path, dirs, ndirs, dl);
}

/* Reads the `factors:` list `v` into the set's entries. */
static void fdb_read_entries(fset_db *db, fset *set, const ynode *v, diag_list *dl)
{
    if (v->kind != YN_SEQ) {
        diag_error(dl, v->at, "'factors' must be a list of entries (lines starting with '- ')");
        return;
    }
    set->entries = pool_alloc(db->mem, (v->n ? v->n : 1) * sizeof *set->entries);
    for (size_t i = 0; i < v->n && set->entries && !diag_stop(dl, v->items[i]->at, "reading "); i++)
        fset_parse_entry(db, set, v->items[i], &set->entries[set->n++], dl);
}

/* Reads one top-level text field of a factor set (key `k`, value `v`) into
 * its place in `set`; an unknown key is reported with a did-you-mean. */
static void fdb_read_set_field(fset_db *db, fset *set, const ynode *k, const ynode *v, diag_list *dl)
{
    static const char *const keys[] = {"factor_set", "title", "source", "version", "extends", "notes", "factors"};
    const char *key = k->text;
    const char **dst = strcmp(key, "factor_set") == 0 ? &set->id
                       : strcmp(key, "title") == 0    ? &set->title
                       : strcmp(key, "source") == 0   ? &set->source
                       : strcmp(key, "version") == 0  ? &set->version
                       : strcmp(key, "extends") == 0  ? &set->extends_id
                       : NULL;
    if (strcmp(key, "notes") == 0)
        return;
    if (!dst) {
        const char *hint = txt_suggest(key, keys, sizeof keys / sizeof *keys);
        diag_error(dl, k->at, "unknown key '%s' in a factor set%s%s%s", key, hint ? " (did you mean '" : "",
                   hint ? hint : "", hint ? "'?)" : "");
        return;
    }
    const char *t = yf_text(v, key, dl);
    *dst = t ? pool_strdup(db->mem, t) : NULL;
    if (dst == &set->id)
        set->id_at = v->at;
    else if (dst == &set->extends_id)
        set->extends_at = v->at;
}

/* Reads one factor set file from the open reader `r` (closed here). */
static fset *fdb_read_set(fset_db *db, yreader *r, const char *path, diag_list *dl)
{
    fset *set = pool_alloc(db->mem, sizeof *set);
    if (!set) {
        yr_close(r);
        return NULL;
    }
    set->path = path;
    size_t errs = diag_error_count(dl);
    const ynode *k;
    bool seen_factors = false;
    while ((k = yr_next_key(r))) {
        const ynode *v = yr_value(r);
        if (!v)
            break;
        if (strcmp(k->text, "factors") == 0) {
            seen_factors = true;
            fdb_read_entries(db, set, v, dl);
        } else
            fdb_read_set_field(db, set, k, v, dl);
    }
    bool failed = yr_failed(r);
    fdb_note_file(db, path, r, set->sha256);
    yr_close(r);
    src_loc top = {path, 1, 1};
    if (!failed) {
        if (!set->id)
            diag_error(dl, top, "missing 'factor_set:' (the set's id, equal to the file name without .yaml)");
        if (!set->title)
            diag_error(dl, top, "missing 'title:' in factor set");
        if (!set->source)
            diag_error(dl, top, "missing 'source:' in factor set: cite the publication the values come from");
        if (!seen_factors)
            diag_error(dl, top, "missing 'factors:' list in factor set");
        fset_check_duplicates(set, dl);
    }
    return diag_error_count(dl) == errs ? set : NULL;
}

const fset_value *fset_entry_param(const fset_entry *e, const char *name)
{
    for (size_t i = 0; i < e->nparams; i++)
        if (strcmp(e->params[i].name, name) == 0)
            return &e->params[i].v;
    return NULL;
}
