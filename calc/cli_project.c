/* cli_project.c - loading a scenario file with every inventory it names and binding it, with the messages printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_compute.h"
#include "cli_project.h"
#include "yreader.h"

/* Prints `dl` and frees it; returns the exit status it stands for. */
static int cli_project_report(diag_list *dl)
{
    int st = dl ? cli_report(dl) : CLI_IO;
    diag_free(dl);
    return st;
}

/* Loads the scenario file (from `yr` when it is already open); its
 * messages are printed. */
static int cli_project_file(const char *path, struct yreader *yr, cli_project_ctx *c)
{
    diag_list *dl = diag_new();
    c->f = !dl ? NULL : yr ? prj_load_from(yr, dl) : prj_load(path, dl);
    if (!dl && yr)
        yr_close(yr);
    int st = cli_project_report(dl);
    return c->f || st ? st : CLI_IO;
}

/* Loads and resolves the series, and the targets file when one is named. */
static int cli_project_series(const cli_list *factors, cli_project_ctx *c)
{
    diag_list *dl = diag_new();
    if (!dl)
        return CLI_IO;
    if (c->f->series && (c->series = ser_load(c->f->series, dl)) && diag_error_count(dl) == 0) {
        cli_dirs d;
        if (cli_dirs_make(&d, factors, NULL, c->series->path))
            ser_resolve(c->series, c->db, d.dirs.v, d.dirs.n, dl);
        cli_dirs_free(&d);
    }
    if (c->f->targets)
        c->targets = ser_load_targets(c->f->targets, dl);
    return cli_project_report(dl);
}

/* Derives the energy of the series' base year from the inventory the
 * series names for it (computed here), as `intensity` does; the history
 * years' were derived with their inventories. Returns an exit status. */
static int cli_project_base_energy(const cli_list *factors, bool quiet, cli_project_ctx *c, diag_list *dl)
{
    ser_series *s = c->series;
    long b = s ? ser_year_index(s, eng_inventory(c->base)->year) : -1;
    int st = CLI_OK;
    if (b < 0)
        return CLI_OK; /* no series, or no base year in it: prj_bind says so */
    c->sres = cli_compute_inventory(s->years[b].inventory, factors, quiet, c->db, &c->sinv, &st);
    if (c->sres && !ser_derive_year(s, (size_t)b, c->sres, dl) && diag_error_count(dl) == 0)
        st = CLI_IO;
    return st;
}

/* Computes the history years' inventories (the series' years before the
 * base year) as `intensity` does and derives their energy; returns the
 * worst exit status. */
static int cli_project_history(const cli_list *factors, bool quiet, cli_project_ctx *c)
{
    ser_series *s = c->series;
    long base_year = eng_inventory(c->base)->year;
    int worst = CLI_OK;
    size_t n = 0;
    while (s && n < s->nyears && s->years[n].year < base_year)
        n++;
    c->hinv = calloc(n + 1, sizeof *c->hinv);
    c->hres = calloc(n + 1, sizeof *c->hres);
    c->hist = calloc(n + 1, sizeof *c->hist);
    if (!c->hinv || !c->hres || !c->hist)
        return CLI_IO;
    c->nhcap = n;
    diag_list *dl = diag_new();
    for (size_t i = 0; dl && i < n; i++) {
        const ser_year *y = &s->years[i];
        int st;
        c->hres[i] = cli_compute_inventory(y->inventory, factors, quiet, c->db, &c->hinv[i], &st);
        if (c->hres[i] && c->hinv[i]->year != y->year)
            diag_error(dl, y->inventory_at,
                       "inventory '%s' is of year %ld, but the series lists it under %ld: name the inventory of %ld",
                       y->inventory, c->hinv[i]->year, y->year, y->year);
        else if (c->hres[i] && (!prj_hist_from(c->hres[i], c->f, &c->hist[c->nhist++]) ||
                                (!ser_derive_year(s, i, c->hres[i], dl) && diag_error_count(dl) == 0)))
            st = CLI_IO;
        worst = st > worst ? st : worst;
    }
    if (dl && worst == CLI_OK) {
        int sb = cli_project_base_energy(factors, quiet, c, dl);
        worst = sb > worst ? sb : worst;
    }
    int st = cli_project_report(dl);
    return st > worst ? st : worst;
}

/* Computes the inventory of every project measure; the worst exit status. */
static int cli_project_projects(const cli_list *factors, bool quiet, cli_project_ctx *c)
{
    size_t n = c->f->nprojects;
    int worst = CLI_OK;
    c->pinv = calloc(n + 1, sizeof *c->pinv);
    c->pres = calloc(n + 1, sizeof *c->pres);
    /* A project's inventory is searched for factor sets where the base inventory is too: after --factors, the
     * factors folder beside the base inventory's (a project kept in a subfolder has none beside its own). */
    const char *slash = strrchr(c->f->inventory, '/');
    int dir = slash ? (int)(slash - c->f->inventory) : 0;
    size_t len = (size_t)dir + sizeof "/../factors";
    char *beside = malloc(len);
    cli_list dirs = {0};
    bool ok = c->pinv && c->pres && beside;
    for (size_t i = 0; ok && factors && i < factors->n; i++)
        ok = cli_list_add(&dirs, factors->v[i]);
    if (ok) {
        snprintf(beside, len, "%.*s%s../factors", dir, c->f->inventory, slash ? "/" : "");
        ok = cli_list_add(&dirs, beside);
    }
    for (size_t i = 0; ok && i < n; i++) {
        int st;
        c->pres[i] = cli_compute_inventory(c->f->projects[i]->inventory, &dirs, quiet, c->db, &c->pinv[i], &st);
        worst = st > worst ? st : worst;
    }
    cli_list_free(&dirs);
    free(beside);
    return ok ? worst : CLI_IO;
}

/* Binds the file to what was computed; binding errors are printed. */
static int cli_project_bind(cli_project_ctx *c)
{
    diag_list *dl = diag_new();
    prj_inputs in = {c->base, c->series, c->hist, c->nhist, c->targets, (const eng_result *const *)c->pres};
    c->m = dl ? prj_bind(c->f, &in, dl) : NULL;
    int st = cli_project_report(dl);
    return st ? st : c->m ? CLI_OK : CLI_IO;
}

int cli_project_prepare(const char *path, const cli_list *factors, bool quiet, cli_project_ctx *c)
{
    return cli_project_prepare_from(path, NULL, factors, quiet, c);
}

int cli_project_prepare_from(const char *path, struct yreader *yr, const cli_list *factors, bool quiet,
                             cli_project_ctx *c)
{
    int st = (c->db = fdb_new()) ? cli_project_file(path, yr, c) : CLI_IO;
    if (!c->db && yr)
        yr_close(yr);
    if (st)
        return st;
    c->base = cli_compute_inventory(c->f->inventory, factors, quiet, c->db, &c->inv, &st);
    int s2 = cli_project_series(factors, c);
    int s3 = cli_project_projects(factors, quiet, c);
    st = st > s2 ? st : s2;
    st = st > s3 ? st : s3;
    if (st == CLI_OK)
        st = cli_project_history(factors, quiet, c);
    return st ? st : cli_project_bind(c);
}

void cli_project_free(cli_project_ctx *c)
{
    prj_model_free(c->m);
    for (size_t i = 0; c->pres && i < (c->f ? c->f->nprojects : 0); i++) {
        eng_free(c->pres[i]);
        inv_free(c->pinv[i]);
    }
    for (size_t i = 0; c->hist && i < c->nhist; i++)
        prj_hist_clear(&c->hist[i]);
    for (size_t i = 0; i < c->nhcap; i++) {
        eng_free(c->hres[i]);
        inv_free(c->hinv[i]);
    }
    eng_free(c->sres);
    inv_free(c->sinv);
    free(c->pinv), free(c->pres), free(c->hinv), free(c->hres), free(c->hist);
    ser_free(c->targets);
    ser_free(c->series);
    eng_free(c->base);
    inv_free(c->inv);
    prj_file_free(c->f);
    fdb_free(c->db);
}

