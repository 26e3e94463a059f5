/* cmd_factors.c - `ghgcalc factors list|show KEY`: the factor sets and every value given for a fuel, with sources. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "category.h"
#include "cli.h"
#include "factors.h"
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
    {"--set", NULL, CLI_LIST, offsetof(fac_cmd_opts, sets), "ID", "a factor set to list or search (repeatable)", NULL,
     NULL},
    {"--category", NULL, CLI_TEXT, offsetof(fac_cmd_opts, category), "CODE",
     "show only values that apply in this IPCC category", NULL, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* Prints one factor value as a line of `factors show`. */
static void fac_cmd_print_value(const fset *s, const fset_entry *e, const fset_param *p)
{
    printf("%-18s %-26s %-9s %-15s %-12.8g %-10s %s%c%s  %s  (%s:%u)\n", s->id, e->key,
           e->category ? e->category : "all", p->name, p->v.value, p->v.unit_text, p->v.confidence ? "[" : "",
           p->v.confidence ? p->v.confidence : ' ', p->v.confidence ? "]" : "", p->v.ref ? p->v.ref : "",
           p->v.at.file, p->v.at.line);
}

/* Prints set `s` and the sets it extends (list), or every value they give
 * for `key` (show); returns how many values were shown. */
static size_t fac_cmd_walk(const fac_cmd_opts *o, const fset *s, const char *key)
{
    size_t shown = 0;
    for (; s; s = s->extends) {
        if (!key) {
            printf("%-20s %s%s%s%s\n", s->id, s->title, s->extends_id ? "  (extends " : "",
                   s->extends_id ? s->extends_id : "", s->extends_id ? ")" : "");
            continue;
        }
        for (size_t k = 0; k < s->n; k++) {
            const fset_entry *e = &s->entries[k];
            if (strcmp(e->key, key) != 0)
                continue;
            if (o->category && e->category && !cat_under(o->category, e->category))
                continue;
            for (size_t p = 0; p < e->nparams; p++, shown++)
                fac_cmd_print_value(s, e, &e->params[p]);
        }
    }
    return shown;
}

static int fac_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    fac_cmd_opts *o = opts;
    const cli_list *f = &o->base.files;
    bool list = f->n >= 1 && strcmp(f->v[0], "list") == 0;
    bool show = f->n == 2 && strcmp(f->v[0], "show") == 0;
    int status = CLI_INPUT;
    if (!list && !show)
        status = cli_usage_error("factors", "use 'factors list' or 'factors show KEY'");
    static const char *const defaults[] = {"ipcc2006-energy"};
    const char *const *names = o->sets.n ? o->sets.v : defaults;
    size_t nnames = o->sets.n ? o->sets.n : 1, shown = 0;
    cli_dirs d;
    fset_db *db = list || show ? fdb_new() : NULL;
    diag_list *dl = db ? diag_new() : NULL;
    if (dl && cli_dirs_make(&d, &o->factors, NULL, NULL)) {
        for (size_t i = 0; i < nnames; i++)
            shown += fac_cmd_walk(o, fdb_load_set(db, names[i], d.dirs.v, d.dirs.n, (src_loc){NULL, 0, 0}, dl),
                                  show ? f->v[1] : NULL);
        status = cli_report(dl);
        if (show && status == CLI_OK && shown == 0) {
            fprintf(stderr, "ghgcalc: error: no factors for '%s' in the sets searched\n", f->v[1]);
            status = CLI_INPUT;
        }
    }
    if (dl)
        cli_dirs_free(&d);
    diag_free(dl);
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
    "list factor sets, show a fuel's factors",
    "usage: ghgcalc factors list [--set ID]... [--factors DIR]...\n"
    "       ghgcalc factors show KEY [--set ID]... [--category CODE] [--factors DIR]...\n"
    "Lists factor sets, or shows every value given for a fuel key, with its unit, confidence and source.\n",
    fac_cmd_opts_table,
    sizeof(fac_cmd_opts),
    fac_cmd_run,
    fac_cmd_kinds,
};
