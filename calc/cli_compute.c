/* cli_compute.c - loading and computing one inventory with its messages printed, for every command that needs one. */
#include "cli_compute.h"

#include <stdio.h>
#include <stdlib.h>

#include "yreader.h"

eng_result *cli_compute_from(struct yreader *yr, diag_list *dl, const cli_list *given, bool quiet, fset_db *db,
                             inventory **inv_out)
{
    inv_progress prog = cli_progress(quiet);
    inventory *inv = yr ? inv_load_from(yr, dl, prog.fn ? &prog : NULL) : NULL;
    eng_result *r = NULL;
    /* After loading errors the engine still runs when it can, so that every
     * problem of the file is reported in one go. */
    if (inv && (diag_error_count(dl) == 0 || inv_computable(inv))) {
        cli_dirs d;
        if (cli_dirs_make(&d, given, inv, inv->path))
            r = eng_run(inv, db, d.dirs.v, d.dirs.n, dl, prog.fn ? &prog : NULL);
        cli_dirs_free(&d);
    }
    cli_progress_done(&prog);
    if (r && diag_error_count(dl)) {
        eng_free(r);
        r = NULL;
    }
    *inv_out = inv;
    return r;
}

eng_result *cli_compute_inventory(const char *path, const cli_list *given, bool quiet, fset_db *db, inventory **inv_out,
                                  int *status)
{
    diag_list *dl = diag_new();
    yreader *yr = dl ? yr_open(path, dl, NULL) : NULL;
    *inv_out = NULL;
    eng_result *r = yr ? cli_compute_from(yr, dl, given, quiet, db, inv_out) : NULL;
    *status = cli_finish(dl, r != NULL);
    diag_free(dl);
    return r;
}

bool cli_compute_inputs(const inventory *inv, const fset_db *db, cli_inputs *in)
{
    const char **p, **s;
    size_t n = fdb_files(db, &p, &s);
    bool ok = cli_inputs_add(in, inv->path, inv->sha256);
    for (size_t i = 0; ok && i < n; i++)
        ok = cli_inputs_add(in, p[i], s[i]);
    return ok;
}

void cli_total_text(const eng_result *r, char *buf, size_t n)
{
    eng_cat_total lulucf = eng_total_under(r, "3.B");
    if (lulucf.records == 0)
        snprintf(buf, n, "%.1f t CO2e", eng_total_under(r, "").t_co2e);
    else
        snprintf(buf, n, "%.1f t CO2e without LULUCF, %.1f t CO2e net with LULUCF (3.B)",
                 eng_total_except(r, "3.B").t_co2e, eng_total_under(r, "").t_co2e);
}
