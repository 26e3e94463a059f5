/* cmd_inventory.c - `ghgcalc inventory FILE.yaml -o OUT.xlsx`: computes an inventory into a workbook, CSV and JSON. */
#include <stddef.h>
#include <stdio.h>

#include "../reports/report.h"
#include "cli.h"
#include "cli_compute.h"
#include "yreader.h"

/* From this many calculation rows on, the workbook is written in
 * libxlsxwriter's constant-memory mode (row by row, flat memory). */
#define INV_CMD_LARGE_ROWS 200000

typedef struct {
    cli_base base;
    cli_out out;
    cli_list factors;
} inv_cmd_opts;

static const cli_opt inv_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(inv_cmd_opts, out), NULL, NULL, NULL, cli_out_opts},
    {"", NULL, CLI_GROUP, offsetof(inv_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* The inventory writers, typed for the output step. */
static int inv_cmd_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_xlsx(r, p, m, e, n);
}
static int inv_cmd_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_csv(r, p, m, e, n);
}
static int inv_cmd_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_json(r, p, m, e, n);
}

/* Writes the workbook, CSV and JSON of `r`; returns an exit status. */
static int inv_cmd_write(const inv_cmd_opts *o, const eng_result *r, const fset_db *db)
{
    static const cli_writers w = {inv_cmd_xlsx, inv_cmd_csv, inv_cmd_json};
    cli_inputs in = {0};
    int status = CLI_IO;
    if (cli_compute_inputs(eng_inventory(r), db, &in)) {
        rpt_meta m = cli_meta(&o->base, &o->out, &in);
        m.constant_memory = eng_inventory(r)->n * GAS_MAIN >= INV_CMD_LARGE_ROWS;
        status = cli_write(&o->out, &in, &m, r, &w);
    }
    cli_inputs_free(&in);
    return status;
}

static int inv_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    inv_cmd_opts *o = opts;
    int status;
    if (o->base.files.n != 1 || !o->out.path)
        status = cli_usage_error("inventory", "give one inventory file and -o OUT.xlsx");
    else if ((status = cli_out_check(&o->base, &o->out)) != CLI_OK)
        ;
    else {
        fset_db *db = fdb_new();
        inventory *inv = NULL;
        eng_result *r = db ? cli_compute_inventory(o->base.files.v[0], &o->factors, o->base.quiet, db, &inv, &status) : NULL;
        if (r)
            status = inv_cmd_write(o, r, db);
        if (r && status == CLI_OK && !o->base.quiet)
            printf("%s: %zu records, %.1f t CO2e (%s); wrote %s\n", inv->id, inv->n, eng_total_under(r, "").t_co2e,
                   eng_gwp(r)->id, o->out.path);
        eng_free(r);
        inv_free(inv);
        fdb_free(db);
    }
    cli_list_free(&o->factors);
    return status;
}

/* `check` on an inventory: loads and computes it from the open reader,
 * prints a line when fine. */
static int inv_cmd_check(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    fset_db *db = fdb_new();
    inventory *inv = NULL;
    eng_result *r = db ? cli_compute_from(yr, dl, factor_dirs, quiet, db, &inv) : NULL;
    if (!db)
        yr_close(yr);
    int status = cli_finish(dl, r != NULL);
    if (r && status == CLI_OK && !quiet)
        printf("%s: ok: inventory '%s', %zu records, %.1f t CO2e\n", inv->path, inv->id, inv->n,
               eng_total_under(r, "").t_co2e);
    eng_free(r);
    inv_free(inv);
    fdb_free(db);
    return status;
}

/* An inventory starts with any key the other kinds do not claim ("" is that fallback). */
static const cli_kind inv_cmd_kinds[] = {{"inventory", inv_cmd_check}, {"", inv_cmd_check}, {NULL, NULL}};

const cli_command cmd_inventory = {
    "inventory",
    "compute an inventory YAML file into an Excel workbook (+ CSV, JSON)",
    "usage: ghgcalc inventory FILE.yaml -o OUT.xlsx [--lang en|zh] [--factors DIR]... [--csv F] [--json F]\n"
    "                         [--no-csv-json] [--quiet]\n"
    "Computes the inventory and writes the workbook, with OUT.csv (line items) and OUT.json (totals) beside it.\n",
    inv_cmd_opts_table,
    sizeof(inv_cmd_opts),
    inv_cmd_run,
    inv_cmd_kinds,
};
