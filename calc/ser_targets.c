/* ser_targets.c - the targets file a series names: loading, checking each target, and checking it against the series. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pool.h"
#include "ser_internal.h"
#include "series.h"
#include "textutil.h"
#include "yfields.h"

static const char *const ser_tgt_top_keys[] = {"targets", "title", "source", "items"};
static const char *const ser_tgt_keys[] = {"id",          "title", "indicator", "kind",         "base_year",
                                           "target_year", "value", "source",    "illustrative", "note"};
static const char *const ser_ind_names[SER_NIND] = {"co2_per_gdp", "energy_per_gdp",   "co2e_per_gdp",
                                                    "coal_share",  "non_fossil_share", "electricity_share"};
static const char *const ser_tkind_names[] = {"reduction", "ceiling", "floor"};

/* The names the files use, from the tables above; "?" out of range. */
const char *ser_indicator_name(ser_indicator i) { return (unsigned)i < SER_NIND ? ser_ind_names[i] : "?"; }
const char *ser_target_kind_name(ser_target_kind k) { return (unsigned)k <= SER_FLOOR ? ser_tkind_names[k] : "?"; }

/* Shares are judged by ceiling or floor, intensities by reduction. */
bool ser_indicator_is_share(ser_indicator i)
{
    return i == SER_IND_COAL_SHARE || i == SER_IND_NON_FOSSIL_SHARE || i == SER_IND_ELECTRICITY_SHARE;
}

/* Checks that indicator and kind fit together and the value is sensible. */
static void ser_target_value(ser_loader *L, const ynode *n, ser_target *t, const ynode *v)
{
    bool share = ser_indicator_is_share(t->indicator);
    if (t->kind == SER_REDUCTION && share)
        diag_error(L->dl, n->at, "'%s' is a share: give it 'kind: ceiling' (at most) or 'kind: floor' (at least)",
                   ser_indicator_name(t->indicator));
    else if (t->kind != SER_REDUCTION && !share)
        diag_error(L->dl, n->at,
                   "'%s' is an intensity: its target is 'kind: reduction' (a %% fall from the base "
                   "year)",
                   ser_indicator_name(t->indicator));
    else if (t->kind == SER_REDUCTION && !(t->value_pct > 0 && t->value_pct < 100))
        diag_error(L->dl, v->at,
                   "a reduction is written as a positive percentage below 100 (14.5 for -14.5 %%), "
                   "got %s",
                   v->text);
    else if (t->kind != SER_REDUCTION && !(t->value_pct >= 0 && t->value_pct <= 100))
        diag_error(L->dl, v->at, "a share target is a percentage from 0 to 100, got %s", v->text);
}

/* Reads the keys of one target item that hold its meaning. */
static void ser_target_fields(ser_loader *L, const ynode *n, ser_target *t)
{
    size_t errs = diag_error_count(L->dl);
    const ynode *ind = yf_need(n, "indicator", "a target", L->dl), *kind = yf_need(n, "kind", "a target", L->dl);
    const ynode *by = yf_need(n, "base_year", "a target", L->dl), *ty = yf_need(n, "target_year", "a target", L->dl);
    const ynode *v = yf_need(n, "value", "a target (the reduction in %, or the share in %)", L->dl);
    const ynode *ill = yn_get(n, "illustrative");
    int i = ind ? ser_pick(L, ind, "indicator", ser_ind_names, SER_NIND) : -1;
    int k = kind ? ser_pick(L, kind, "kind", ser_tkind_names, 3) : -1;
    if (by && yf_int(by, "base_year", 1900, 2200, &t->base_year, L->dl))
        t->base_at = by->at;
    if (ty && yf_int(ty, "target_year", 1900, 2200, &t->target_year, L->dl))
        t->target_at = ty->at;
    if (v)
        yf_number(v, "value", &t->value_pct, L->dl);
    if (ill)
        yf_bool(ill, "illustrative", &t->illustrative, L->dl);
    if (diag_error_count(L->dl) != errs)
        return;
    t->indicator = (ser_indicator)i;
    t->kind = (ser_target_kind)k;
    t->indicator_at = ind->at;
    ser_target_value(L, n, t, v);
    if (t->target_year <= t->base_year)
        diag_error(L->dl, ty->at, "target_year %ld must come after base_year %ld", t->target_year, t->base_year);
}

/* Reads one target item; without an `id` it is named indicator-kind-year. */
static void ser_target_parse(ser_loader *L, const ynode *n, ser_target *t)
{
    t->at = n->at;
    if (n->kind != YN_MAP) {
        diag_error(L->dl, n->at,
                   "each target must be a mapping with indicator, kind, base_year, target_year, "
                   "value and source, not %s",
                   yn_kind_name(n));
        return;
    }
    yf_check_keys(n, ser_tgt_keys, sizeof ser_tgt_keys / sizeof *ser_tgt_keys, "a target", L->dl);
    ser_target_fields(L, n, t);
    const ynode *src = yf_need(n, "source", "a target (where the target is stated)", L->dl);
    t->source = src ? ser_text(L, src, "source") : NULL;
    t->id = ser_opt_text(L, n, "id");
    t->title = ser_opt_text(L, n, "title");
    t->note = ser_opt_text(L, n, "note");
    if (!t->id && t->target_year) {
        char buf[96];
        snprintf(buf, sizeof buf, "%s-%s-%ld", ser_indicator_name(t->indicator), ser_target_kind_name(t->kind),
                 t->target_year);
        t->id = pool_strdup(L->s->mem, buf);
    }
}

/* Checks one target against the series: its years are in it (the target
 * year once the series reaches it), and an electricity share has final
 * energy data; ids are unique. */
void ser_target_check(ser_loader *L, size_t i)
{
    ser_series *s = L->s;
    ser_target *t = &s->targets[i];
    if (!t->base_year || !t->target_year || !s->nyears)
        return;
    long last = s->years[s->nyears - 1].year, b = ser_year_index(s, t->base_year);
    if (b < 0)
        diag_error(L->dl, t->base_at,
                   "base_year %ld of target '%s' is not among the series' years: add the year "
                   "to the series",
                   t->base_year, t->id);
    if (last >= t->target_year && ser_year_index(s, t->target_year) < 0)
        diag_error(L->dl, t->target_at,
                   "target_year %ld of target '%s' is not among the series' years, which "
                   "reach %ld: add the year to the series",
                   t->target_year, t->id, last);
    long e = ser_year_index(s, last < t->target_year ? last : t->target_year);
    if (t->indicator == SER_IND_ELECTRICITY_SHARE && b >= 0 && e >= 0 &&
        !(s->years[b].has_final && s->years[e].has_final))
        diag_error(L->dl, t->indicator_at,
                   "electricity_share needs 'final_energy:' in years %ld and %ld of the "
                   "series",
                   t->base_year, s->years[e].year);
    for (size_t j = 0; j < i; j++)
        if (t->id && s->targets[j].id && strcmp(t->id, s->targets[j].id) == 0)
            diag_error(L->dl, t->at,
                       "target id '%s' is used twice (also at line %u): give each target its own "
                       "'id:'",
                       t->id, s->targets[j].at.line);
}

/* Reads `items:` of the targets file. */
static void ser_target_items(ser_loader *L, const ynode *n)
{
    ser_series *s = L->s;
    if (n->kind != YN_SEQ) {
        diag_error(L->dl, n->at, "'items' must be a list of targets (lines starting with '- indicator: ...')");
        return;
    }
    s->targets = pool_alloc(s->mem, (n->n ? n->n : 1) * sizeof *s->targets);
    if (!s->targets)
        return;
    for (size_t i = 0; i < n->n && !diag_stop(L->dl, n->items[i]->at, "reading "); i++)
        ser_target_parse(L, n->items[i], &s->targets[s->ntargets++]);
}

/* Reads the targets file from the open reader `yr` (closed here). */
static void ser_targets_read(ser_loader *L, yreader *yr)
{
    ser_series *s = L->s;
    const ynode *k;
    bool seen_items = false;
    while ((k = yr_next_key(yr))) {
        const ynode *v = yr_value(yr);
        if (!v)
            break;
        if (strcmp(k->text, "items") == 0) {
            seen_items = true;
            ser_target_items(L, v);
        } else if (strcmp(k->text, "targets") == 0)
            s->targets_id = ser_text(L, v, "targets");
        else if (strcmp(k->text, "title") == 0)
            s->targets_title = ser_text(L, v, "title");
        else if (strcmp(k->text, "source") == 0)
            s->targets_source = ser_text(L, v, "source");
        else {
            const char *hint = txt_suggest(k->text, ser_tgt_top_keys, 4);
            diag_error(L->dl, k->at, "unknown key '%s' in a targets file%s%s%s", k->text,
                       hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
        }
    }
    bool failed = yr_failed(yr);
    if (!failed && !yr_sha256(yr, s->targets_sha256))
        strcpy(s->targets_sha256, "unreadable");
    yr_close(yr);
    if (!failed && !s->targets_id)
        diag_error(L->dl, (src_loc){s->targets_path, 1, 1}, "missing 'targets:' (an id for this list of targets)");
    if (!failed && !seen_items)
        diag_error(L->dl, (src_loc){s->targets_path, 1, 1}, "missing 'items:' (the list of targets)");
}

/* Loads the targets file named by `targets:`. */
void ser_targets_load(ser_loader *L)
{
    ser_series *s = L->s;
    struct stat st;
    if (stat(s->targets_path, &st) != 0) {
        diag_error(L->dl, s->targets_at,
                   "cannot read targets file '%s' (%s): check the path, which is relative "
                   "to the series file",
                   s->targets_path, strerror(errno));
        return;
    }
    yreader *yr = yr_open(s->targets_path, L->dl, NULL);
    if (yr)
        ser_targets_read(L, yr);
}

ser_series *ser_load_targets_from(yreader *yr, diag_list *dl)
{
    ser_series *s = ser_new(yr_path(yr));
    if (!s) {
        yr_close(yr);
        return NULL;
    }
    s->targets_path = s->path;
    s->targets_at = (src_loc){s->path, 0, 0};
    ser_loader L = {.s = s, .dl = dl};
    ser_targets_read(&L, yr);
    return s;
}

ser_series *ser_load_targets(const char *path, diag_list *dl)
{
    ser_series *s = ser_new(path);
    if (!s)
        return NULL;
    s->targets_path = s->path;
    s->targets_at = (src_loc){s->path, 0, 0};
    ser_loader L = {.s = s, .dl = dl};
    ser_targets_load(&L);
    return s;
}
