/* cmd_inventory.c - `ghgcalc inventory FILE.yaml -o OUT.xlsx`: computes an inventory into a workbook, CSV and JSON. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../reports/report.h"
#include "cli.h"
#include "cli_compute.h"
#include "textutil.h"
#include "unc_analysis.h"
#include "yreader.h"

/* From this many calculation rows on, the workbook is written in
 * libxlsxwriter's constant-memory mode (row by row, flat memory). */
#define INV_CMD_LARGE_ROWS 200000

typedef struct {
    cli_base base;
    cli_out out;
    cli_list factors;
    const char *base_file;      /* --base FILE: the base year of the trend (wins over base_inventory:) */
    unsigned long mc;           /* --monte-carlo N: iterations; 0 = no Monte Carlo */
    const char *seed;           /* --seed S */
    const char *mc_stop;        /* --mc-stop PCT */
    unsigned long threads;      /* --threads N; 0 = one per core */
    bool no_unc;                /* --no-uncertainty */
    int unit;                   /* --unit: 0 t; 1 10kt (10^4 t), 2 its Chinese name 万吨 */
} inv_cmd_opts;

static const char *const inv_cmd_units[] = {"t", "10kt", "万吨", NULL};

static const cli_opt inv_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(inv_cmd_opts, out), NULL, NULL, NULL, cli_out_opts},
    {"", NULL, CLI_GROUP, offsetof(inv_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {"--base", NULL, CLI_TEXT, offsetof(inv_cmd_opts, base_file), "FILE",
     "the base-year inventory of the uncertainty trend and the trend key categories (default: base_inventory:)",
     NULL, NULL},
    {"--monte-carlo", NULL, CLI_COUNT, offsetof(inv_cmd_opts, mc), "N",
     "also run the Monte Carlo simulation (Approach 2) with N iterations (at most, with --mc-stop)", NULL, NULL},
    {"--seed", NULL, CLI_TEXT, offsetof(inv_cmd_opts, seed), "S",
     "the Monte Carlo seed, a whole number (default 20060101): same seed, same figures", NULL, NULL},
    {"--mc-stop", NULL, CLI_TEXT, offsetof(inv_cmd_opts, mc_stop), "PCT",
     "stop when the bounds of the total's 95 % interval move by less than PCT % in a round of 8192 iterations",
     NULL, NULL},
    {"--threads", NULL, CLI_COUNT, offsetof(inv_cmd_opts, threads), "N",
     "Monte Carlo threads (default: one per core); the figures do not depend on it", NULL, NULL},
    {"--unit", NULL, CLI_CHOICE, offsetof(inv_cmd_opts, unit), "t|10kt",
     "unit of the masses on every sheet of the workbook: t, or 10kt (also 万吨) for 10^4 t; activity amounts, "
     "factors, energy and intensities keep theirs, the CSV and JSON stay in t",
     inv_cmd_units, NULL},
    {"--no-uncertainty", NULL, CLI_FLAG, offsetof(inv_cmd_opts, no_unc), NULL,
     "leave out the uncertainty and key category sheets (about 10 MB of memory at 10^6 records)", NULL,
     NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* The inventory writers, typed for the output step. */
static int inv_cmd_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_xlsx(r, p, m, e, n);
}
static int inv_cmd_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_csv(((const rpt_inventory *)r)->r, p, m, e, n);
}
static int inv_cmd_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_json(r, p, m, e, n);
}

/* Writes the workbook, CSV and JSON of `ri`; the base-year inventory, when
 * there is one, is listed among the inputs. Returns an exit status. */
static int inv_cmd_write(const inv_cmd_opts *o, const rpt_inventory *ri, const inventory *binv, const fset_db *db)
{
    static const cli_writers w = {inv_cmd_xlsx, inv_cmd_csv, inv_cmd_json};
    cli_inputs in = {0};
    int status = CLI_IO;
    const inventory *inv = eng_inventory(ri->r);
    if (cli_compute_inputs(inv, db, &in) && (!binv || cli_inputs_add(&in, binv->path, binv->sha256))) {
        rpt_meta m = cli_meta(&o->base, &o->out, &in);
        m.constant_memory = inv->n * GAS_MAIN >= INV_CMD_LARGE_ROWS;
        status = cli_write(&o->out, &in, &m, ri, &w);
    }
    cli_inputs_free(&in);
    return status;
}

/* The Monte Carlo options from the command line; an exit status. */
static int inv_cmd_mc_opts(const inv_cmd_opts *o, ua_opts *u)
{
    u->monte_carlo = o->mc > 0;
    u->mc.iterations = o->mc;
    u->mc.threads = (unsigned)(o->threads > 64 ? 64 : o->threads);
    u->mc.seed = UA_DEFAULT_SEED;
    if (o->seed) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(o->seed, &end, 10);
        if (errno || *end || end == o->seed || o->seed[0] == '-')
            return cli_usage_error("inventory", "--seed takes a whole number from 0, not '%s'", o->seed);
        u->mc.seed = v;
    }
    if (o->mc_stop) {
        double pct;
        if (!txt_percent(o->mc_stop, &pct) || !(pct > 0) || pct >= 100)
            return cli_usage_error("inventory", "--mc-stop takes a percentage above 0 and below 100 such as 0.5%%, "
                                   "not '%s'", o->mc_stop);
        u->mc.stop_pct = pct;
    }
    if ((o->seed || o->mc_stop || o->threads) && !o->mc)
        return cli_usage_error("inventory", "--seed, --mc-stop and --threads are for the Monte Carlo run: give "
                               "--monte-carlo N too");
    if (o->no_unc && (o->mc || o->base_file))
        return cli_usage_error("inventory", "--no-uncertainty leaves out what --monte-carlo and --base are for: "
                               "give one or the other");
    return CLI_OK;
}

/* The path of the base-year inventory: --base as typed, or base_inventory:
 * relative to the inventory's folder; NULL when there is none or the file
 * cannot be read (then *status says why, printed). Caller frees. */
static char *inv_cmd_base_path(const inv_cmd_opts *o, const inventory *inv, int *status)
{
    const char *rel = o->base_file ? o->base_file : inv->base_path;
    if (!rel)
        return NULL;
    const char *slash = strrchr(inv->path, '/');
    size_t dir = !o->base_file && rel[0] != '/' && slash ? (size_t)(slash - inv->path) + 1 : 0;
    char *p = malloc(dir + strlen(rel) + 1);
    if (!p) {
        *status = CLI_IO;
        return NULL;
    }
    memcpy(p, inv->path, dir);
    strcpy(p + dir, rel);
    if (access(p, R_OK) != 0) {
        if (o->base_file)
            fprintf(stderr, "%s: error: cannot read the base-year inventory: %s\n", p, strerror(errno));
        else
            fprintf(stderr, "%s:%u:%u: error: cannot read base_inventory '%s' (%s): the path is relative to the "
                    "inventory's folder\n", inv->path, inv->base_at.line, inv->base_at.col, p, strerror(errno));
        *status = CLI_INPUT;
        free(p);
        return NULL;
    }
    return p;
}

/* Checks that the base year can stand beside year t: an earlier year, the
 * same GWP set. Prints the error; an exit status. */
static int inv_cmd_base_check(const eng_result *r, const eng_result *b)
{
    const inventory *inv = eng_inventory(r), *binv = eng_inventory(b);
    if (binv->year >= inv->year) {
        fprintf(stderr, "%s: error: the base-year inventory is of year %ld, not before %ld (the year of '%s'): give "
                "an earlier year's inventory\n", binv->path, binv->year, inv->year, inv->path);
        return CLI_INPUT;
    }
    if (strcmp(eng_gwp(b)->id, eng_gwp(r)->id) != 0) {
        fprintf(stderr, "%s: error: the base-year inventory uses GWP set '%s', '%s' uses '%s': a trend needs the "
                "same GWPs in both years\n", binv->path, eng_gwp(b)->id, inv->path, eng_gwp(r)->id);
        return CLI_INPUT;
    }
    return CLI_OK;
}

/* Computes the base year (when there is one) with the same factor database,
 * runs the uncertainty analysis and writes the outputs; an exit status. */
static int inv_cmd_analyse(const inv_cmd_opts *o, const eng_result *r, fset_db *db, const ua_opts *uo)
{
    int status = CLI_OK;
    inventory *binv = NULL;
    eng_result *b = NULL;
    char *bpath = o->no_unc ? NULL : inv_cmd_base_path(o, eng_inventory(r), &status);
    if (bpath) {
        b = cli_compute_inventory(bpath, &o->factors, o->base.quiet, db, &binv, &status);
        if (b)
            status = inv_cmd_base_check(r, b);
    }
    unc_analysis ua;
    bool have = false;
    if (status == CLI_OK && !o->no_unc && eng_inventory(r)->n + eng_inventory(r)->fod.nsites > 0) {
        diag_list *dl = diag_new();
        have = dl && ua_run(&ua, r, b, uo, dl);
        status = !dl ? CLI_IO : have ? cli_report(dl) : CLI_IO;
        if (!have && dl)
            fprintf(stderr, "%s: error: out of memory computing the uncertainty\n", eng_inventory(r)->path);
        diag_free(dl);
    }
    if (status == CLI_OK) {
        rpt_inventory ri = {r, have ? &ua : NULL, b ? bpath : NULL, o->unit != 0};
        status = inv_cmd_write(o, &ri, binv, db);
    }
    if (have && status == CLI_OK && !o->base.quiet && ua.has_mc)
        printf("Monte Carlo: %llu iterations, seed %llu: 95 %% interval %.1f .. %.1f t CO2e (%.1f s)\n",
               (unsigned long long)ua.mc.iterations, (unsigned long long)ua.mc.seed, ua.mc.total.p025,
               ua.mc.total.p975, ua.mc.wall_seconds);
    if (have)
        ua_free(&ua);
    eng_free(b);
    inv_free(binv);
    free(bpath);
    return status;
}

static int inv_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    inv_cmd_opts *o = opts;
    int status;
    ua_opts uo = {0};
    if (o->base.files.n != 1 || !o->out.path)
        status = cli_usage_error("inventory", "give one inventory file and -o OUT.xlsx");
    else if ((status = cli_out_check(&o->base, &o->out)) != CLI_OK)
        ;
    else if ((status = inv_cmd_mc_opts(o, &uo)) == CLI_OK) {
        fset_db *db = fdb_new();
        inventory *inv = NULL;
        eng_result *r = db ? cli_compute_inventory(o->base.files.v[0], &o->factors, o->base.quiet, db, &inv, &status) : NULL;
        if (r)
            status = inv_cmd_analyse(o, r, db, &uo);
        if (r && status == CLI_OK && !o->base.quiet)
        {
            char total[160];
            cli_total_text(r, total, sizeof total);
            printf("%s: %zu records, %s (%s); wrote %s\n", inv->id, inv->n, total, eng_gwp(r)->id, o->out.path);
        }
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
    if (r && status == CLI_OK && !quiet) {
        char total[160];
        cli_total_text(r, total, sizeof total);
        printf("%s: ok: inventory '%s', %zu records, %s\n", inv->path, inv->id, inv->n, total);
    }
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
    "                         [--no-csv-json] [--quiet] [--base FILE] [--no-uncertainty]\n"
    "                         [--monte-carlo N [--seed S] [--mc-stop PCT] [--threads N]]\n"
    "Computes the inventory and writes the workbook, with OUT.csv (line items) and OUT.json (totals) beside it.\n"
    "The workbook states the inventory's uncertainty (IPCC Approach 1, with the trend when a base year is given)\n"
    "and its key categories; --monte-carlo adds Approach 2 (docs/uncertainty.md).\n",
    inv_cmd_opts_table,
    sizeof(inv_cmd_opts),
    inv_cmd_run,
    inv_cmd_kinds,
};
