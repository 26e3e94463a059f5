/* cmd_template.c - `ghgcalc template inventory|series|report -o T.xlsx`: an input workbook with drop-down lists. */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reports/template.h"
#include "category.h"
#include "cli.h"
#include "factors.h"
#include "pool.h"

typedef struct {
    cli_base base;
    cli_out out;
    cli_list factors;
} tpl_cmd_opts;

static const char *const tpl_cmd_langs[] = {"en", "zh", NULL};

static const cli_opt tpl_cmd_out_opts[] = {
    {"--output", "-o", CLI_TEXT, offsetof(cli_out, path), "T.xlsx", "the template workbook to write", NULL, NULL},
    {"--lang", NULL, CLI_CHOICE, offsetof(cli_out, lang), "en|zh", "language of the sheets, headers and names",
     tpl_cmd_langs, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

static const cli_opt tpl_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(tpl_cmd_opts, out), NULL, NULL, NULL, tpl_cmd_out_opts},
    {"", NULL, CLI_GROUP, offsetof(tpl_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* What the writer needs: the kind and the lists. */
typedef struct {
    const tpl_kind *kind;
    tpl_data data;
} tpl_cmd_result;

/* The lists being gathered, with the memory their texts live in. */
typedef struct {
    pool *mem;
    tpl_item *cats, *keys;
    size_t nkeys, capkeys;
    const char **sets, **grids;
    size_t nsets, ngrids, capsets, capgrids;
} tpl_cmd_lists;

/* Appends `s` to a growing array of texts unless it is there already; false when out of memory. */
static bool tpl_cmd_add_text(const char ***v, size_t *n, size_t *cap, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i], s) == 0)
            return true;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        const char **w = realloc(*v, c * sizeof *w);
        if (!w)
            return false;
        *v = w;
        *cap = c;
    }
    (*v)[(*n)++] = s;
    return true;
}

/* Adds the key of entry `e` of set `s` (or the set's id to it, when the key is there already). */
static bool tpl_cmd_add_key(tpl_cmd_lists *L, const fset *s, const fset_entry *e)
{
    for (size_t i = 0; i < L->nkeys; i++) {
        if (strcmp(L->keys[i].key, e->key) != 0)
            continue;
        if (strstr(L->keys[i].sets, s->id))
            return true;
        size_t len = strlen(L->keys[i].sets) + strlen(s->id) + 3;
        char *joined = pool_alloc(L->mem, len);
        if (joined)
            snprintf(joined, len, "%s, %s", L->keys[i].sets, s->id);
        L->keys[i].sets = joined;
        return joined != NULL;
    }
    if (L->nkeys == L->capkeys) {
        size_t c = L->capkeys ? L->capkeys * 2 : 256;
        tpl_item *w = realloc(L->keys, c * sizeof *w);
        if (!w)
            return false;
        L->keys = w;
        L->capkeys = c;
    }
    char en[256], zh[256];
    fset_entry_names(e, en, sizeof en, zh, sizeof zh);
    tpl_item it = {e->key, pool_strdup(L->mem, en), pool_strdup(L->mem, zh), s->id};
    L->keys[L->nkeys++] = it;
    return it.en && it.zh;
}

/* Adds the keys, grids and id of set `s`. Landfill entries (4.A) are the
 * FOD model's, not keys of records, and are left out. */
static bool tpl_cmd_add_set(tpl_cmd_lists *L, const fset *s)
{
    bool ok = tpl_cmd_add_text(&L->sets, &L->nsets, &L->capsets, s->id);
    for (size_t i = 0; ok && i < s->n; i++) {
        const fset_entry *e = &s->entries[i];
        if (e->category && cat_under(e->category, "4.A"))
            continue;
        ok = tpl_cmd_add_key(L, s, e);
        if (ok && e->grid)
            ok = tpl_cmd_add_text(&L->grids, &L->ngrids, &L->capgrids, e->grid);
    }
    return ok;
}

/* Loads every factor set (*.yaml but gwp.yaml) of folder `dir` not loaded
 * from an earlier folder; returns false when out of memory. */
static bool tpl_cmd_scan(tpl_cmd_lists *L, fset_db *db, const char *dir, diag_list *dl)
{
    DIR *d = opendir(dir);
    if (!d)
        return true; /* a folder of the search order that does not exist */
    bool ok = true;
    struct dirent *ent;
    while (ok && (ent = readdir(d))) {
        size_t len = strlen(ent->d_name);
        if (len < 6 || strcmp(ent->d_name + len - 5, ".yaml") != 0 || strcmp(ent->d_name, "gwp.yaml") == 0)
            continue;
        bool seen = false;
        for (size_t i = 0; i < L->nsets && !seen; i++)
            seen = strlen(L->sets[i]) == len - 5 && strncmp(L->sets[i], ent->d_name, len - 5) == 0;
        char *path = seen ? NULL : pool_alloc(L->mem, strlen(dir) + len + 2);
        if (seen)
            continue;
        if (!path)
            return closedir(d), false;
        sprintf(path, "%s/%s", dir, ent->d_name);
        const fset *s = fdb_load_set(db, path, NULL, 0, (src_loc){path, 0, 0}, dl);
        if (s)
            ok = tpl_cmd_add_set(L, s);
    }
    closedir(d);
    return ok;
}

/* Orders items by key. */
static int tpl_cmd_item_cmp(const void *a, const void *b)
{
    return strcmp(((const tpl_item *)a)->key, ((const tpl_item *)b)->key);
}

/* Orders texts. */
static int tpl_cmd_text_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fills r->data from category.c and the factor folders; returns an exit status. */
static int tpl_cmd_gather(const tpl_cmd_opts *o, tpl_cmd_lists *L, fset_db *db, tpl_cmd_result *r)
{
    static const char *const gwps[] = {"ar5", "ar6", "ar4", "sar"}; /* the ids of factors/gwp.yaml */
    cli_dirs d;
    diag_list *dl = diag_new();
    bool ok = dl && cli_dirs_make(&d, &o->factors, NULL, NULL);
    for (size_t i = 0; ok && i < d.dirs.n; i++)
        ok = tpl_cmd_scan(L, db, d.dirs.v[i], dl);
    if (dl)
        cli_dirs_free(&d);
    L->cats = ok ? calloc(cat_count(), sizeof *L->cats) : NULL;
    for (size_t i = 0; L->cats && i < cat_count(); i++)
        L->cats[i] = (tpl_item){cat_at(i)->code, cat_at(i)->en, cat_at(i)->zh, NULL};
    int status = !dl || !L->cats ? CLI_IO : cli_report(dl);
    if (status == CLI_IO)
        fprintf(stderr, "ghgcalc: error: out of memory\n");
    else if (status == CLI_OK && L->nsets == 0) {
        fprintf(stderr, "ghgcalc template: error: no factor sets found in the factor folders: give --factors DIR "
                        "(the folder with ipcc2006-energy.yaml)\n");
        status = CLI_INPUT;
    }
    diag_free(dl);
    if (L->nkeys)
        qsort(L->keys, L->nkeys, sizeof *L->keys, tpl_cmd_item_cmp);
    if (L->ngrids)
        qsort(L->grids, L->ngrids, sizeof *L->grids, tpl_cmd_text_cmp);
    r->data = (tpl_data){L->cats,  cat_count(), L->keys,   L->nkeys, L->sets,
                         L->nsets, L->grids,    L->ngrids, gwps,     sizeof gwps / sizeof *gwps};
    return status;
}

/* The writer, typed for the output step. */
static int tpl_cmd_xlsx(const void *res, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    const tpl_cmd_result *r = res;
    return rpt_template_xlsx(r->kind, &r->data, path, m, err, errlen);
}

static int tpl_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    tpl_cmd_opts *o = opts;
    const tpl_kind *k = o->base.files.n == 1 ? tpl_kind_named(o->base.files.v[0]) : NULL;
    int status;
    if (!k || !o->out.path)
        status = cli_usage_error("template", "give the kind (inventory, series or report) and -o T.xlsx");
    else {
        tpl_cmd_lists L = {.mem = pool_new()};
        fset_db *db = L.mem ? fdb_new() : NULL;
        tpl_cmd_result r = {.kind = k};
        status = db ? tpl_cmd_gather(o, &L, db, &r) : CLI_IO;
        if (status == CLI_OK) {
            static const cli_writers w = {tpl_cmd_xlsx, NULL, NULL};
            cli_inputs in = {0};
            const char **p, **s;
            size_t n = fdb_files(db, &p, &s);
            bool ok = true;
            for (size_t i = 0; i < n && ok; i++)
                ok = cli_inputs_add(&in, p[i], s[i]);
            cli_out out = o->out;
            out.no_machine = true;
            rpt_meta m = cli_meta(&o->base, &out, &in);
            status = ok ? cli_write(&out, &in, &m, &r, &w) : CLI_IO;
            cli_inputs_free(&in);
        }
        if (status == CLI_OK && !o->base.quiet)
            printf("%s template: %zu categories, %zu fuel and activity keys from %zu factor sets; wrote %s\n", k->id,
                   r.data.ncategories, r.data.nkeys, r.data.nsets, o->out.path);
        free(L.cats);
        free(L.keys);
        free(L.sets);
        free(L.grids);
        fdb_free(db);
        pool_free(L.mem);
    }
    cli_list_free(&o->factors);
    return status;
}

const cli_command cmd_template = {
    "template",
    "write an Excel input workbook to fill in (then 'ghgcalc import')",
    "usage: ghgcalc template inventory|series|report -o T.xlsx [--lang en|zh] [--factors DIR]... [--quiet]\n"
    "Writes an input workbook with one sheet per section of the YAML format (docs/excel.md): headers, drop-down\n"
    "lists of categories, fuel and activity keys (from the factor sets found), units and gases, the names beside\n"
    "the keys, and an Instructions sheet. Fill it in and turn it into YAML with 'ghgcalc import'.\n",
    tpl_cmd_opts_table,
    sizeof(tpl_cmd_opts),
    tpl_cmd_run,
    NULL,
};
