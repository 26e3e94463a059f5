/* cli_project.h - loading a scenario file with every inventory it names and binding it: the step `project`,
 * `check` and the projection benchmark share. */
#ifndef GHG_CLI_PROJECT_H
#define GHG_CLI_PROJECT_H

#include <stdbool.h>

#include "cli.h"
#include "projection.h"
#include "series.h"

/* Everything a projection is computed from, loaded and computed (the caller's, freed by cli_project_free). */
typedef struct {
    fset_db *db;
    prj_file *f;
    inventory *inv; /* the base inventory */
    eng_result *base;
    ser_series *series;  /* base.series, or NULL */
    ser_series *targets; /* base.targets loaded on its own, or NULL */
    inventory **hinv;    /* the history years' inventories */
    eng_result **hres;
    prj_hist *hist;
    size_t nhist, nhcap; /* history years computed; inventories allocated */
    inventory *sinv;     /* the inventory the series names for the base year (its energy is derived from it) */
    eng_result *sres;
    inventory **pinv; /* one per project measure */
    eng_result **pres;
    prj_model *m;
} cli_project_ctx;

/* Loads the scenario file at `path` and computes every inventory it needs
 * (the base year, the series' history years, each project) with the factor
 * sets of `factors` (--factors) and the default folders, then binds the
 * model into c->m. Every problem of a step is printed before the next step
 * is refused. Returns an exit status (cli_exit). */
int cli_project_prepare(const char *path, const cli_list *factors, bool quiet, cli_project_ctx *c);

/* cli_project_prepare of the file `yr` is open on (NULL: open `path`); the
 * reader is closed. */
struct yreader;
int cli_project_prepare_from(const char *path, struct yreader *yr, const cli_list *factors, bool quiet,
                             cli_project_ctx *c);

/* Frees what cli_project_prepare made (c may be partly filled). */
void cli_project_free(cli_project_ctx *c);

#endif
