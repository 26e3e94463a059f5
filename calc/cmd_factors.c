/* cmd_factors.c - `ghgcalc factors list|keys|show KEY`: the factor sets, their keys with names, every value of a key. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "cli.h"
#include "factors.h"
#include "fsearch.h"
#include "fset_load.h"
#include "yreader.h"

typedef struct {
    cli_base base;
    cli_list factors;
    cli_list sets;        /* --set ID */
    const char *category; /* --category CODE */
} fac_cmd_opts;

static const cli_opt fac_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(fac_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {"--set", NULL, CLI_LIST, offsetof(fac_cmd_opts, sets), "ID",
     "a factor set to list or search, with the sets it extends (repeatable; default: every set found)", NULL, NULL},
    {"--category", NULL, CLI_TEXT, offsetof(fac_cmd_opts, category), "CODE",
     "only keys and values that apply in this IPCC category", NULL, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* Prints `s` padded with spaces to `width` terminal columns (a Chinese
 * character takes two: UTF-8 lead bytes of 3 or more bytes count 2). */
static void fac_cmd_pad(const char *s, int width)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        cols += (*p & 0xC0) == 0x80 ? 0 : *p >= 0xE0 ? 2 : 1;
    printf("%s%*s", s, width > cols ? width - cols : 1, "");
}

/* Whether an entry applies in category `code` (any, when NULL): its own
 * category is under it or above it; an entry without one applies in 1.A
 * for a fuel (fuel combustion), and for an activity wherever a record
 * names it, which no --category selects. */
static bool fac_cmd_applies(const fset_entry *e, const char *code)
{
    const char *c = e->category ? e->category : e->activity ? NULL : "1.A";
    return !code || (c && (cat_under(code, c) || cat_under(c, code)));
}

/* Prints one factor value as a line of `factors show`: set, key, category,
 * grid and year ("-" when the entry has none), parameter, value, unit,
 * confidence, reference and file:line. */
static void fac_cmd_print_value(const fset_entry *e, const fset_param *p)
{
    char year[16] = "-";
    if (e->year)
        snprintf(year, sizeof year, "%ld", e->year);
    printf("%-18s %-26s %-9s %-10s %-5s %-15s %-12.8g %-10s %s%c%s  %s  (%s:%u)\n", e->set->id, e->key,
           e->category ? e->category : "all", e->grid ? e->grid : "-", year, p->name, p->v.value, p->v.unit_text,
           p->v.confidence ? "[" : "", p->v.confidence ? p->v.confidence : ' ', p->v.confidence ? "]" : "",
           p->v.ref ? p->v.ref : "", p->v.at.file, p->v.at.line);
}

/* `factors list`: each set of the order with its title and what it extends. */
static void fac_cmd_list(const fs_order *o)
{
    const fset *const *s = fs_sets(o);
    for (size_t i = 0; i < fs_count(o); i++)
        printf("%-24s %s%s%s%s\n", s[i]->id, s[i]->title, s[i]->extends_id ? "  (extends " : "",
               s[i]->extends_id ? s[i]->extends_id : "", s[i]->extends_id ? ")" : "");
}

/* Appends `word` to the ", "-joined list in buf[len] unless it is there. */
static void fac_cmd_join(char *buf, size_t len, const char *word)
{
    size_t used = strlen(buf), n = strlen(word);
    for (const char *p = buf; (p = strstr(p, word)); p += n)
        if ((p == buf || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
            return;
    if (used + n + 3 < len)
        snprintf(buf + used, len - used, "%s%s", used ? ", " : "", word);
}

/* Sorts keys. */
static int fac_cmd_key_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* One line of `factors keys` for `key`: fuel or activity, Chinese name,
 * the categories it has factors for, the sets and the English name; nothing
 * when no entry applies in `code`. Returns whether a line was printed. */
static bool fac_cmd_key_line(const fs_order *o, const char *key, const char *code)
{
    char cats[512] = "", sets[256] = "", en[256] = "", zh[256] = "";
    const fset_entry *named = NULL, *any = NULL;
    const fset *const *s = fs_sets(o);
    for (size_t i = 0; i < fs_count(o); i++)
        for (size_t k = 0; k < s[i]->n; k++) {
            const fset_entry *e = &s[i]->entries[k];
            if (strcmp(e->key, key) != 0 || !fac_cmd_applies(e, code))
                continue;
            any = any ? any : e;
            named = named || !(e->label || e->label_zh) ? named : e;
            fac_cmd_join(cats, sizeof cats, e->category ? e->category : e->activity ? "any" : "1.A");
            fac_cmd_join(sets, sizeof sets, s[i]->id);
        }
    if (!any)
        return false;
    fset_entry_names(named ? named : any, en, sizeof en, zh, sizeof zh);
    fac_cmd_pad(key, 34);
    fac_cmd_pad(any->activity ? "activity" : "fuel", 9);
    fac_cmd_pad(strcmp(zh, en) ? zh : "-", 26);
    fac_cmd_pad(cats, 28);
    fac_cmd_pad(sets, 32);
    printf("%s\n", en);
    return true;
}

/* `factors keys`: every fuel and activity key of the order, sorted. */
static size_t fac_cmd_keys(const fs_order *o, const char *code)
{
    const char *const *k;
    size_t n = fs_keys(o, &k), shown = 0;
    const char **sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted)
        return 0;
    memcpy(sorted, k, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, fac_cmd_key_cmp);
    fac_cmd_pad("key", 34);
    fac_cmd_pad("kind", 9);
    fac_cmd_pad("zh", 26);
    fac_cmd_pad("categories", 28);
    fac_cmd_pad("sets", 32);
    printf("en\n");
    for (size_t i = 0; i < n; i++)
        shown += fac_cmd_key_line(o, sorted[i], code);
    free(sorted);
    return shown;
}

/* `factors show KEY`: every value of the key (or of the key whose Chinese
 * name KEY is) in every set of the order; a key no set has is an error with
 * the closest key of every set. */
static int fac_cmd_show(const fs_order *o, const char *key, const char *code)
{
    const char *canon = fs_canonical(o, key);
    size_t shown = 0;
    const fset *const *s = fs_sets(o);
    for (size_t i = 0; fs_known(o, key) && i < fs_count(o); i++)
        for (size_t k = 0; k < s[i]->n; k++) {
            const fset_entry *e = &s[i]->entries[k];
            if (strcmp(e->key, canon) != 0 || (code && e->category && !cat_under(code, e->category)))
                continue;
            for (size_t p = 0; p < e->nparams; p++, shown++)
                fac_cmd_print_value(e, &e->params[p]);
        }
    if (shown)
        return CLI_OK;
    char sets[512];
    const char *hint = fs_known(o, key) ? NULL : fs_suggest(o, key);
    fs_text(o, sets, sizeof sets);
    if (fs_known(o, key))
        fprintf(stderr, "ghgcalc: error: no factors for '%s' in category %s (sets searched: %s)\n", key, code, sets);
    else
        fprintf(stderr, "ghgcalc: error: no factor set has the key '%s'%s%s%s (sets searched: %s); 'ghgcalc factors "
                "keys' lists every key\n", key, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "",
                sets);
    return CLI_INPUT;
}

/* The sets to work on: those named with --set (each with what it extends),
 * else every set of the factor folders. False after an error (reported). */
static bool fac_cmd_order(const fac_cmd_opts *o, fs_order *ord, fset_db *db, const cli_dirs *d, diag_list *dl)
{
    if (!o->sets.n)
        return fs_load_all(ord, db, d->dirs.v, d->dirs.n, dl);
    src_loc *at = calloc(o->sets.n, sizeof *at);
    bool ok = at && fs_load(ord, db, o->sets.v, at, o->sets.n, NULL, d->dirs.v, d->dirs.n, dl);
    free(at);
    return ok;
}

static int fac_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    fac_cmd_opts *o = opts;
    const cli_list *f = &o->base.files;
    const char *what = f->n ? f->v[0] : "";
    bool list = f->n == 1 && strcmp(what, "list") == 0, keys = f->n == 1 && strcmp(what, "keys") == 0;
    bool show = f->n == 2 && strcmp(what, "show") == 0;
    int status = CLI_INPUT;
    if (!list && !keys && !show)
        status = cli_usage_error("factors", "use 'factors list', 'factors keys' or 'factors show KEY'");
    cli_dirs d;
    fset_db *db = list || keys || show ? fdb_new() : NULL;
    fs_order *ord = db ? fs_new() : NULL;
    diag_list *dl = ord ? diag_new() : NULL;
    if (dl && cli_dirs_make(&d, &o->factors, NULL, NULL)) {
        bool ok = fac_cmd_order(o, ord, db, &d, dl);
        status = cli_report(dl);
        if (ok && status == CLI_OK && list)
            fac_cmd_list(ord);
        else if (ok && status == CLI_OK && keys && fac_cmd_keys(ord, o->category) == 0) {
            fprintf(stderr, "ghgcalc: error: no key has factors in category %s\n", o->category);
            status = CLI_INPUT;
        } else if (ok && status == CLI_OK && show)
            status = fac_cmd_show(ord, f->v[1], o->category);
        else if (!ok && status == CLI_OK)
            status = CLI_INPUT;
        cli_dirs_free(&d);
    } else if (db) {
        fprintf(stderr, "ghgcalc: error: out of memory\n");
        status = CLI_IO;
    }
    diag_free(dl);
    fs_free(ord);
    fdb_free(db);
    cli_list_free(&o->factors);
    cli_list_free(&o->sets);
    return status;
}

/* `check` on a factor set: loads it from the open reader, and the sets it
 * extends from beside it. */
static int fac_cmd_check_set(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    (void)factor_dirs;
    fset_db *db = fdb_new();
    const fset *s = db ? fdb_load_set_from(db, yr, NULL, 0, dl) : NULL;
    if (!db)
        yr_close(yr);
    int status = cli_finish(dl, s != NULL);
    if (s && status == CLI_OK && !quiet)
        printf("%s: ok: factor set '%s', %zu entries\n", s->path, s->id, s->n);
    fdb_free(db);
    return status;
}

/* `check` on a GWP file: loads this very file (whatever its name) from the
 * open reader and finds its default set. */
static int fac_cmd_check_gwp(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    (void)factor_dirs;
    fset_db *db = fdb_new();
    const char *path = yr_path(yr);
    const gwp_set *g = NULL;
    if (db) {
        fdb_load_gwp_from(db, yr, dl);
        g = fdb_gwp(db, NULL, NULL, 0, (src_loc){path, 0, 0}, dl);
    } else
        yr_close(yr);
    int status = cli_finish(dl, g != NULL);
    if (g && status == CLI_OK && !quiet)
        printf("%s: ok: GWP sets, default '%s'\n", path, g->id);
    fdb_free(db);
    return status;
}

static const cli_kind fac_cmd_kinds[] = {
    {"factor_set", fac_cmd_check_set}, {"gwp_sets", fac_cmd_check_gwp}, {NULL, NULL}};

const cli_command cmd_factors = {
    "factors",
    "list factor sets, their keys with Chinese and English names, a key's factors",
    "usage: ghgcalc factors list [--set ID]... [--factors DIR]...\n"
    "       ghgcalc factors keys [--set ID]... [--category CODE] [--factors DIR]...\n"
    "       ghgcalc factors show KEY [--set ID]... [--category CODE] [--factors DIR]...\n"
    "Searches every factor set of the factor folders unless --set names some. 'list' prints each set with its\n"
    "title; 'keys' every fuel and activity key with its Chinese name, the categories it has factors for, its sets\n"
    "and its English name; 'show' every value given for KEY (a key or its Chinese name, such as 天然气), one line each:\n"
    "set, key, category, grid, year, parameter, value, unit, confidence, reference and file:line.\n",
    fac_cmd_opts_table,
    sizeof(fac_cmd_opts),
    fac_cmd_run,
    fac_cmd_kinds,
};
