/* cli_compute.c - loading and computing one inventory with its messages printed, for every command that needs one. */
#include "cli_compute.h"

#include <stdlib.h>

eng_result *cli_compute_inventory(const char *path, const cli_list *given, bool quiet, fset_db *db, inventory **inv_out,
                          int *status)
{
    diag_list *dl = diag_new();
    inv_progress prog = cli_progress(quiet);
    inventory *inv = dl ? inv_load(path, dl, prog.fn ? &prog : NULL) : NULL;
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
    *status = dl ? cli_report(dl) : CLI_INPUT;
    if (r && *status != CLI_OK) {
        eng_free(r);
        r = NULL;
    }
    if (!r && *status == CLI_OK)
        *status = CLI_INPUT;
    diag_free(dl);
    *inv_out = inv;
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
