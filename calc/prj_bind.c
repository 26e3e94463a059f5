/* prj_bind.c - binding a scenario file to its computed base inventory: the lines, their sectors and fuels, and the
 * checks that need them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "nsum.h"
#include "pool.h"
#include "prj_bind.h"

#define PB_KG_PER_T 1000.0 /* Gg -> t for landfill CH4 is x 1000 as well */

/* The IPCC key of fuel `key` in the search order `o`: the `ipcc_fuel` of
 * its first entry that has one, else the key itself. */
const char *pb_ipcc_key(eng_order o, const char *key)
{
    for (size_t s = 0; s < o.n; s++)
        for (size_t i = 0; i < o.sets[s]->n; i++)
            if (o.sets[s]->entries[i].same_as && strcmp(o.sets[s]->entries[i].key, key) == 0)
                return o.sets[s]->entries[i].same_as;
    return key;
}

/* The sector of category `cat`: the longest prefix among the sectors (the
 * last sector, "other", has none). */
static size_t pb_sector_of(const prj_file *f, const char *cat)
{
    size_t best = f->nsectors - 1, depth = 0;
    for (size_t i = 0; i + 1 < f->nsectors; i++)
        for (size_t k = 0; k < f->sectors[i].nprefixes; k++) {
            const char *p = f->sectors[i].prefixes[k];
            if (cat_under(cat, p) && cat_depth(p) > depth) {
                best = i;
                depth = cat_depth(p);
            }
        }
    return best;
}

/* Whether `cat` is under one of the sink prefixes. */
static bool pb_is_sink(const prj_file *f, const char *cat)
{
    for (size_t i = 0; i < f->nsink; i++)
        if (cat_under(cat, f->sink[i]))
            return true;
    return false;
}

/* A new line at the end of m->lines (grown as needed); NULL when out of memory. */
static prj_line *pb_new_line(pb_ctx *c)
{
    prj_model *m = c->m;
    if (m->nlines == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        prj_line *a = realloc(m->lines, cap * sizeof *a);
        if (!a)
            return NULL;
        m->lines = a;
        c->cap = cap;
    }
    prj_line *l = &m->lines[m->nlines++];
    memset(l, 0, sizeof *l);
    return l;
}

/* Category, sector, sink and the flags every line needs. */
static void pb_place(const prj_file *f, prj_line *l, const char *cat, size_t project)
{
    l->category = cat;
    l->sector = pb_sector_of(f, cat);
    l->sink = pb_is_sink(f, cat);
    l->energy_use = cat_under(cat, "1.A");
    l->project = project;
}

/* One activity record of inventory `r` as a line, with the engine's rows. */
static bool pb_record_line(pb_ctx *c, const eng_result *r, size_t i, size_t project)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, i);
    eng_line rows[GAS_COUNT];
    size_t n = eng_lines(r, i, rows);
    if (n == 0)
        return true; /* nothing estimated for this record */
    prj_line *l = pb_new_line(c);
    if (!l)
        return false;
    l->kind = rows[0].chain ? PRJ_L_PRODUCT : PRJ_L_COMBUSTION;
    pb_place(c->m->f, l, rec->category, project);
    l->key = eng_rec_key(r, i);
    l->written = rec->key;
    l->ipcc_key = pb_ipcc_key(eng_search_order(r), l->key);
    l->unit_text = rec->unit_text;
    units_parse(rec->unit_text, &l->unit, NULL, 0);
    l->amount0 = rec->amount;
    l->energy0_tj = l->kind == PRJ_L_COMBUSTION ? rows[0].energy_tj : 0;
    l->at = inv_loc(inv, rec->at);
    for (size_t k = 0; k < n; k++) {
        gas_id g = rows[k].gas;
        const fset_value *v = rows[k].chain ? rows[k].chain->ef.v : rows[k].res->ef[g].v;
        l->gases |= 1u << g;
        l->memo |= rows[k].memo ? 1u << g : 0;
        l->e0[g] = rows[k].emission_t;
        if (g == GAS_CH4)
            l->ch4_origin = rows[k].gwp_origin;
        l->ef0[g] = rows[k].ef;
        l->ef_unit[g] = v->unit;
    }
    return true;
}

/* Each landfill site of `r` as a line of its CH4, driven by an index. */
static bool pb_landfill_lines(pb_ctx *c, const eng_result *r, size_t project)
{
    const inventory *inv = eng_inventory(r);
    const fod_result *fod;
    size_t n = eng_fod(r, &fod);
    for (size_t i = 0; i < n; i++) {
        const fod_site *site = &inv->fod.sites[i];
        double gg = 0;
        prj_line *l = pb_new_line(c);
        if (!l)
            return false;
        fod_emission_gg(&fod[i], (int)inv->year, &gg);
        l->kind = PRJ_L_LANDFILL;
        pb_place(c->m->f, l, site->category, project);
        l->key = l->written = l->ipcc_key = site->name;
        l->unit_text = "t CH4";
        units_parse("t", &l->unit, NULL, 0);
        l->e0[GAS_CH4] = l->amount0 = gg * PB_KG_PER_T; /* Gg -> t */
        l->ef0[GAS_CH4] = 1;
        l->ef_unit[GAS_CH4] = l->unit;
        l->gases = 1u << GAS_CH4;
        l->ch4_origin = gwp_effective_origin(eng_gwp(r), GAS_CH4, ENG_FOD_ORIGIN);
        l->at = site->at;
    }
    return true;
}

/* Each purchased-energy record of `r` as a line, outside the sectors. */
static bool pb_indirect_lines(pb_ctx *c, const eng_result *r, size_t project)
{
    const eng_indirect_line *ind;
    size_t n = eng_indirect(r, &ind);
    units_t tj = units_tj();
    for (size_t i = 0; i < n; i++) {
        prj_line *l = pb_new_line(c);
        if (!l)
            return false;
        double f = 0;
        l->kind = PRJ_L_INDIRECT;
        l->category = "";
        l->sector = PRJ_NONE;
        l->project = project;
        l->key = l->written = l->ipcc_key = ind[i].rec->kind;
        l->unit_text = ind[i].rec->unit_text;
        units_parse(l->unit_text, &l->unit, NULL, 0);
        l->amount0 = ind[i].amount;
        l->energy0_tj = units_factor(&l->unit, &tj, &f) ? l->amount0 * f : 0;
        l->net_import = ind[i].rec->net_import;
        l->e0[GAS_CO2] = ind[i].emission_t;
        l->ef0[GAS_CO2] = ind[i].ef_value;
        l->ef_unit[GAS_CO2] = ind[i].ef.v->unit;
        l->gases = 1u << GAS_CO2;
        l->at = ind[i].rec->at;
    }
    return true;
}

/* Every line of inventory `r` (project PRJ_NONE: the base inventory). */
static bool pb_inventory_lines(pb_ctx *c, const eng_result *r, size_t project)
{
    const inventory *inv = eng_inventory(r);
    for (size_t i = 0; i < inv->n; i++)
        if (!pb_record_line(c, r, i, project))
            return false;
    return pb_landfill_lines(c, r, project) && pb_indirect_lines(c, r, project);
}

/* Sorts fuel keys. */
static int pb_strcmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The combustion fuel keys (sorted, once each) and each line's column. */
static bool pb_fuels(prj_model *m)
{
    m->fuels = pool_alloc(m->mem, (m->nlines + 1) * sizeof *m->fuels);
    m->line_fuel = pool_alloc(m->mem, (m->nlines + 1) * sizeof *m->line_fuel);
    if (!m->fuels || !m->line_fuel)
        return false;
    for (size_t i = 0; i < m->nlines; i++) {
        const prj_line *l = &m->lines[i];
        bool seen = false;
        for (size_t k = 0; k < m->nfuels && !seen; k++)
            seen = strcmp(m->fuels[k], l->key) == 0;
        if (l->kind == PRJ_L_COMBUSTION && !seen)
            m->fuels[m->nfuels++] = l->key;
    }
    if (m->nfuels)
        qsort(m->fuels, m->nfuels, sizeof *m->fuels, pb_strcmp);
    for (size_t i = 0; i < m->nlines; i++) {
        m->line_fuel[i] = PRJ_NONE;
        for (size_t k = 0; k < m->nfuels && m->lines[i].kind == PRJ_L_COMBUSTION; k++)
            if (strcmp(m->fuels[k], m->lines[i].key) == 0)
                m->line_fuel[i] = k;
    }
    return true;
}

/* ---------------------------------------------------------------- selection */

/* Whether line `l` is coal (its key or its IPCC key is a coal key). */
static bool pb_is_coal(const prj_line *l) { return ser_is_coal_key(l->key) || ser_is_coal_key(l->ipcc_key); }

bool pb_matches(const prj_select *s, const prj_line *l)
{
    if (s->indirect)
        return l->kind == PRJ_L_INDIRECT && strcmp(l->key, s->indirect) == 0;
    if (l->kind == PRJ_L_INDIRECT || !cat_under(l->category, s->category))
        return false;
    if (!s->nkeys && !s->coal)
        return true;
    for (size_t i = 0; i < s->nkeys; i++)
        if (strcmp(s->keys[i], l->key) == 0 || strcmp(s->keys[i], l->ipcc_key) == 0 ||
            strcmp(s->keys[i], l->written) == 0) /* a Chinese name, as the record wrote it */
            return true;
    return s->coal && pb_is_coal(l);
}

size_t pb_specificity(const prj_select *s)
{
    if (s->indirect)
        return 1000;
    return 2 * cat_depth(s->category) + (s->nkeys || s->coal ? 1 : 0);
}

/* ---------------------------------------------------------------- checks */

/* The years of path `p`: after the base year (rates: the first is base + 1). */
static void pb_check_path(pb_ctx *c, const prj_path *p, const char *what)
{
    const prj_model *m = c->m;
    for (size_t i = 0; i < p->n; i++) {
        long y = p->year[i];
        src_loc at = m->f->params[p->param[i]].at;
        if (p->kind == PRJ_PATH_RATE && i == 0 && y != 0 && y != m->base_year + 1)
            diag_error(c->dl, at,
                       "the first rate of %s applies from %ld, the year after the base year %ld: write "
                       "it as {%ld: ...}",
                       what, y, m->base_year, m->base_year + 1);
        else if (y != 0 && y <= m->base_year)
            diag_error(c->dl, at,
                       "year %ld of %s is not after the base year %ld: the base-year value is the "
                       "inventory's; give later years only",
                       y, what, m->base_year);
    }
}

/* The years of every path and measure of every scenario, each item once. */
static void pb_check_years(pb_ctx *c)
{
    const prj_file *f = c->m->f;
    for (size_t s = 0; s < f->nscen; s++) {
        const prj_scenario *sc = &f->scen[s];
        for (size_t i = 0; i < sc->ndrivers; i++)
            if (pb_first_use(c, sc->drivers[i]))
                pb_check_path(c, &sc->drivers[i]->path, sc->drivers[i]->name);
        for (int k = 0; k < PRJ_NENTRY; k++)
            for (size_t i = 0; i < sc->nentry[k]; i++)
                if (pb_first_use(c, sc->entry[k][i]))
                    pb_check_path(c, &sc->entry[k][i]->path, sc->entry[k][i]->id);
        for (size_t i = 0; i < sc->nmeasures; i++) {
            const prj_measure *me = sc->measures[i];
            if (!pb_first_use(c, me))
                continue;
            pb_check_path(c, &me->share_path, me->id);
            pb_check_path(c, &me->growth, me->id);
            if (me->start && me->start <= c->m->base_year)
                diag_error(c->dl, me->at,
                           "measure '%s' starts in %ld, not after the base year %ld: the base year "
                           "is the inventory as it is",
                           me->id, me->start, c->m->base_year);
        }
    }
}

/* True the first time `p` is seen in this pass (inherited items are shared
 * by several scenarios: each is checked and reported once). */
bool pb_first_use(pb_ctx *c, const void *p)
{
    for (size_t i = 0; i < c->nseen; i++)
        if (c->seen[i] == p)
            return false;
    if (c->nseen == c->capseen) {
        size_t cap = c->capseen ? c->capseen * 2 : 64;
        const void **a = realloc(c->seen, cap * sizeof *a);
        if (!a)
            return true;
        c->seen = a;
        c->capseen = cap;
    }
    c->seen[c->nseen++] = p;
    return true;
}

/* Starts a new pass of pb_first_use. */
void pb_reset_seen(pb_ctx *c) { c->nseen = 0; }

/* ---------------------------------------------------------------- series, history, targets */

/* The series' base year and its history: one prj_hist per year before it. */
static void pb_series(pb_ctx *c)
{
    prj_model *m = c->m;
    const ser_series *s = m->in.series;
    size_t before = 0;
    if (!s)
        return;
    long b = ser_year_index(s, m->base_year);
    if (b < 0) {
        diag_error(c->dl, m->f->series_at,
                   "the series '%s' has no year %ld, the base inventory's year: add it to "
                   "the series or use the inventory of a year the series has",
                   s->path, m->base_year);
        return;
    }
    m->series_base = &s->years[b];
    for (size_t i = 0; i < s->nyears && s->years[i].year < m->base_year; i++)
        before++;
    if (m->in.nhist != before)
        diag_error(c->dl, m->f->series_at,
                   "the series has %zu years before %ld but %zu history inventories were "
                   "computed",
                   before, m->base_year, m->in.nhist);
    for (size_t i = 0; i < before && i < m->in.nhist; i++)
        if (m->in.hist[i].year != s->years[i].year)
            diag_error(c->dl, s->years[i].at, "history year %ld was computed as %ld", s->years[i].year,
                       m->in.hist[i].year);
}

/* Whether `year` is a history or projected year. */
static bool pb_has_year(const prj_model *m, long year)
{
    if (year >= m->base_year && year <= m->f->horizon)
        return true;
    for (size_t i = 0; i < m->in.nhist; i++)
        if (m->in.hist[i].year == year)
            return true;
    return false;
}

/* The targets judged: the targets file's or the series', without
 * electricity_share (final energy is not projected). */
static bool pb_targets(pb_ctx *c)
{
    prj_model *m = c->m;
    const ser_series *t = m->in.targets ? m->in.targets : m->in.series;
    if (!m->in.series) {
        if (m->f->targets)
            diag_error(c->dl, m->f->targets_at,
                       "targets need 'series:' under 'base:' (the energy indicators "
                       "continue the series)");
        return true;
    }
    m->targets = pool_alloc(m->mem, ((t ? t->ntargets : 0) + 1) * sizeof *m->targets);
    if (!m->targets)
        return false;
    for (size_t i = 0; t && i < t->ntargets; i++) {
        const ser_target *x = &t->targets[i];
        if (x->indicator == SER_IND_ELECTRICITY_SHARE) {
            diag_add(c->dl, DIAG_WARNING, x->at,
                     "target '%s' on electricity_share is not projected: the projection "
                     "does not model final energy",
                     x->id);
            continue;
        }
        if (!pb_has_year(m, x->base_year))
            diag_error(c->dl, x->base_at,
                       "base_year %ld of target '%s' is neither a history year nor a projected "
                       "year (%ld-%ld)",
                       x->base_year, x->id, m->base_year, m->f->horizon);
        m->targets[m->ntargets++] = x;
    }
    return true;
}

/* ---------------------------------------------------------------- bind */

/* Base year, horizon, lines, fuels and the GWP of the base inventory. */
static bool pb_lines(pb_ctx *c)
{
    prj_model *m = c->m;
    const prj_file *f = m->f;
    m->base_year = eng_inventory(m->in.base)->year;
    if (f->horizon <= m->base_year) {
        diag_error(c->dl, f->horizon_at, "the horizon %ld must come after the base year %ld", f->horizon, m->base_year);
        return true;
    }
    m->nyears = (size_t)(f->horizon - m->base_year + 1);
    const gwp_set *g = eng_gwp(m->in.base);
    for (int k = 0; k < GAS_COUNT; k++)
        m->gwp[k] = isnan(g->gwp[k]) ? 0 : g->gwp[k];
    for (int o = 0; o < GWP_NORIGINS; o++) {
        double v = gwp_value(g, GAS_CH4, (gwp_origin)o, NULL, NULL);
        m->gwp_ch4[o] = isnan(v) ? 0 : v;
    }
    if (!pb_inventory_lines(c, m->in.base, PRJ_NONE))
        return false;
    for (size_t p = 0; p < f->nprojects; p++)
        if (!pb_inventory_lines(c, m->in.projects[p], p))
            return false;
    return pb_fuels(m);
}

prj_model *prj_bind(const prj_file *f, const prj_inputs *in, diag_list *dl)
{
    prj_model *m = calloc(1, sizeof *m);
    if (!m || !(m->mem = pool_new())) {
        free(m);
        return NULL;
    }
    m->f = f;
    m->in = *in;
    pb_ctx c = {m, dl, 0, NULL, 0, 0};
    size_t errs = diag_error_count(dl);
    bool ok = pb_lines(&c);
    if (ok && diag_error_count(dl) == errs) {
        pb_series(&c);
        pb_check_years(&c);
        ok = pb_targets(&c) && pb_plans(&c);
    }
    free(c.seen);
    if (!ok || diag_error_count(dl) != errs) {
        prj_model_free(m);
        return NULL;
    }
    return m;
}

void prj_model_free(prj_model *m)
{
    if (!m)
        return;
    free(m->lines);
    pool_free(m->mem);
    free(m);
}

/* ---------------------------------------------------------------- history */

bool prj_hist_from(const eng_result *r, const prj_file *f, prj_hist *out)
{
    memset(out, 0, sizeof *out);
    if (!int_inv_from(r, &out->inv))
        return false;
    out->year = out->inv.year;
    const eng_cat_total *cats;
    size_t n = eng_categories(r, &cats);
    nsum co2 = {0, 0}, co2e = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (cats[i].category[0] >= '1' && cats[i].category[0] <= '5')
            out->covers |= 1u << (cats[i].category[0] - '1');
        if (pb_is_sink(f, cats[i].category))
            continue;
        nsum_add(&co2, cats[i].t[GAS_CO2]);
        nsum_add(&co2e, cats[i].t_co2e);
    }
    out->metric[PRJ_MET_CO2_ENERGY] = out->inv.co2_t;
    out->metric[PRJ_MET_CO2] = nsum_value(&co2);
    out->metric[PRJ_MET_CO2E] = nsum_value(&co2e);
    out->metric[PRJ_MET_CO2E_NET] = out->inv.co2e_t;
    return true;
}

void prj_hist_clear(prj_hist *h) { int_inv_clear(&h->inv); }
