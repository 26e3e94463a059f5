/* cmd_check.c - `ghgcalc check FILE...`: validates input files of every kind the commands read. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "yreader.h"

typedef struct {
    cli_base base;
    cli_list factors;
} chk_cmd_opts;

static const cli_opt chk_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(chk_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* The kind of the commands in `all` whose first key is `key`, or the
 * fallback kind (first key "") when none is. */
static const cli_kind *chk_kind(const char *key, const cli_command *const *all, size_t nall)
{
    const cli_kind *fallback = NULL;
    for (size_t c = 0; c < nall; c++)
        for (const cli_kind *k = all[c]->kinds; k && k->first_key; k++) {
            if (strcmp(k->first_key, key) == 0)
                return k;
            if (!k->first_key[0] && !fallback)
                fallback = k;
        }
    return fallback;
}

/* Validates one file of any kind: opens it, tells its kind by its first
 * key, pushes the key back and hands the open reader to the kind's check,
 * so the file is read once (a pipe or FIFO works); the kind's check prints
 * a line when it is fine. */
static int chk_one(const chk_cmd_opts *o, const char *path, const cli_command *const *all, size_t nall)
{
    diag_list *dl = diag_new();
    yreader *r = dl ? yr_open(path, dl, NULL) : NULL;
    const ynode *key = r ? yr_next_key(r) : NULL;
    const cli_kind *kind = key ? chk_kind(key->text, all, nall) : NULL;
    int status;
    if (kind) {
        yr_unread_key(r);
        status = kind->check(r, dl, &o->factors, o->base.quiet);
    } else {
        if (r && !yr_failed(r))
            diag_error(dl, (src_loc){path, 1, 1}, "the top-level mapping is empty: nothing to check");
        yr_close(r);
        status = cli_finish(dl, false);
    }
    diag_free(dl);
    return status;
}

static int chk_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    chk_cmd_opts *o = opts;
    int worst = CLI_OK;
    if (o->base.files.n == 0)
        worst = cli_usage_error("check", "give one or more YAML files");
    for (size_t i = 0; i < o->base.files.n; i++) {
        int s = chk_one(o, o->base.files.v[i], all, nall);
        if (s > worst)
            worst = s;
    }
    cli_list_free(&o->factors);
    return worst;
}

const cli_command cmd_check = {
    "check",
    "validate input files",
    "usage: ghgcalc check FILE.yaml... [--factors DIR]... [--quiet]\n"
    "Validates each file as the command that reads it would (its kind below); prints file:line:col: error: ...\n"
    "for each problem and FILE: ok: ... for a good file.\n",
    chk_cmd_opts_table,
    sizeof(chk_cmd_opts),
    chk_cmd_run,
    cli_kinds_every,
};
