/* cmd_intensity.c - `ghgcalc intensity SERIES.yaml -o OUT.xlsx`: per-GDP indicators of a series against targets. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reports/intensity_report.h"
#include "cli.h"
#include "cli_compute.h"
#include "intensity.h"
#include "series.h"
#include "yreader.h"

typedef struct {
    cli_base base;
    cli_out out;
    cli_list factors;
} int_cmd_opts;

static const cli_opt int_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(int_cmd_opts, out), NULL, NULL, NULL, cli_out_opts},
    {"", NULL, CLI_GROUP, offsetof(int_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* Finds the standard-coal coefficients of series `s` (loaded without
 * errors) in its factor sets, then checks the figures the series gives on
 * its own (GDP, population, energy in standard coal). */
static void int_cmd_resolve(ser_series *s, const cli_list *factors, fset_db *db, diag_list *dl)
{
    if (!s || diag_error_count(dl) != 0)
        return;
    cli_dirs d;
    if (cli_dirs_make(&d, factors, NULL, s->path) && ser_resolve(s, db, d.dirs.v, d.dirs.n, dl))
        int_check_series(s, dl);
    cli_dirs_free(&d);
}

/* Loads the series at `path` and its targets and finds the standard-coal
 * coefficients; NULL (errors printed, *status set) on failure. */
static ser_series *int_cmd_load(const char *path, const cli_list *factors, fset_db *db, int *status)
{
    diag_list *dl = diag_new();
    ser_series *s = dl && db ? ser_load(path, dl) : NULL;
    if (dl)
        int_cmd_resolve(s, factors, db, dl);
    *status = cli_finish(dl, s != NULL);
    diag_free(dl);
    if (*status == CLI_OK)
        return s;
    ser_free(s);
    return NULL;
}

/* Computes the inventory of every year into inv[i], checks that it is of
 * the year the series says and derives the year's energy from it. The
 * messages of every year go to one list, so the 1,000-error stop holds
 * over the whole series. Returns the exit status. */
static int int_cmd_inventories(const int_cmd_opts *o, ser_series *s, fset_db *db, int_inv *inv)
{
    diag_list *dl = diag_new();
    bool oom = !dl;
    for (size_t i = 0; i < s->nyears && dl && !diag_stop(dl, s->years[i].inventory_at, ""); i++) {
        const ser_year *y = &s->years[i];
        inventory *in = NULL;
        yreader *yr = yr_open(y->inventory, dl, NULL);
        eng_result *r = yr ? cli_compute_from(yr, dl, &o->factors, o->base.quiet, db, &in) : NULL;
        if (r && in->year != y->year)
            diag_error(dl, y->inventory_at, "inventory '%s' is of year %ld, but the series lists it under %ld: name "
                       "the inventory of %ld", y->inventory, in->year, y->year, y->year);
        else if (r && (!int_inv_from(r, &inv[i]) || !ser_derive_year(s, i, r, dl)))
            oom = oom || diag_error_count(dl) == 0;
        eng_free(r);
        inv_free(in);
    }
    if (oom)
        fprintf(stderr, "ghgcalc: error: out of memory\n");
    int st = cli_finish(dl, true);
    diag_free(dl);
    return oom ? CLI_IO : st;
}

/* The input files for the About sheet: series, targets, inventories, then
 * every factor file read. */
static bool int_cmd_inputs(const ser_series *s, const int_inv *inv, const fset_db *db, cli_inputs *in)
{
    const char **p, **h;
    size_t n = fdb_files(db, &p, &h);
    bool ok = cli_inputs_add(in, s->path, s->sha256);
    if (s->targets_path)
        ok = ok && cli_inputs_add(in, s->targets_path, s->targets_sha256);
    for (size_t i = 0; i < s->nyears; i++)
        ok = ok && cli_inputs_add(in, inv[i].path, inv[i].sha256);
    for (size_t i = 0; i < n; i++)
        ok = ok && cli_inputs_add(in, p[i], h[i]);
    return ok;
}

/* The intensity writers, typed for the output step. */
static int int_cmd_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_intensity_xlsx(r, p, m, e, n);
}
static int int_cmd_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_intensity_csv(r, p, m, e, n);
}
static int int_cmd_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_intensity_json(r, p, m, e, n);
}

/* Prints "(change since base; target)" of target line `tr`. */
static void int_cmd_print_goal(const int_target *tr)
{
    const ser_target *t = tr->t;
    if (t->kind == SER_REDUCTION && isfinite(tr->change))
        printf(" (%+.2f %% since %ld; target -%g %% by %ld)", tr->change * 100, t->base_year, t->value_pct,
               t->target_year);
    else if (t->kind == SER_REDUCTION) /* a base value of 0 has no relative change (blank in the outputs) */
        printf(" (the %ld value is 0: no relative change; target -%g %% by %ld)", t->base_year, t->value_pct,
               t->target_year);
    else
        printf(" (target %s %g %% by %ld)", t->kind == SER_CEILING ? "<=" : ">=", t->value_pct, t->target_year);
}

/* Prints one line for target `tr`: status (padded to `width`), value,
 * reference, margin. */
static void int_cmd_print_target(const int_target *tr, int width)
{
    const ser_target *t = tr->t;
    bool share = ser_indicator_is_share(t->indicator);
    int dec = share ? 2 : 4;
    double k = share ? 100 : 1;
    static const char *const units[SER_NIND] = {" t CO2/10^4 yuan", " tce/10^4 yuan", " t CO2e/10^4 yuan", " %", " %",
                                                 " %"};
    printf("%-*s  %s: %s %ld%s = %.*f%s", width, int_status_text(tr->status, tr->estimate), t->id,
           ser_indicator_name(t->indicator), tr->eval_year, tr->estimate ? " (estimate)" : "", dec,
           tr->latest_value * k, units[t->indicator]);
    int_cmd_print_goal(tr);
    /* A margin that rounds to zero at the printed precision prints as +0, not -0 (a tie is met). */
    double margin = tr->margin * k;
    if (fabs(margin) < 0.5 * pow(10.0, -dec))
        margin = 0.0;
    printf("; %s %.*f, margin %+.*f%s", tr->final ? "target" : "path", dec, tr->reference * k, dec, margin,
           share ? " points" : "");
    /* The rate that takes the latest value to the target level: a requirement
     * while the value is on the wrong side of the level, else the room left. */
    bool floor = t->kind == SER_FLOOR;
    bool ahead = floor ? tr->latest_value >= tr->level : tr->latest_value <= tr->level;
    if (!tr->final && isfinite(tr->required_rate) && !ahead)
        printf("; needs %+.2f %%/yr", tr->required_rate * 100);
    else if (!tr->final && isfinite(tr->required_rate))
        printf("; already within the target level: stays within if it changes by at %s %+.2f %%/yr",
               floor ? "least" : "most", tr->required_rate * 100);
    printf("%s\n", t->illustrative ? " [illustrative target]" : "");
}

/* Computes the indicators, writes the outputs and prints the status lines;
 * returns 1 when a target is off track or missed. */
static int int_cmd_compute(const int_cmd_opts *o, const ser_series *s, const fset_db *db, const int_inv *inv)
{
    static const cli_writers w = {int_cmd_xlsx, int_cmd_csv, int_cmd_json};
    diag_list *dl = diag_new();
    int_result *r = dl ? int_compute(s, inv, dl) : NULL;
    if (r && diag_error_count(dl) == 0)
        int_check_co2_per_tce(r, dl);
    int status = dl ? cli_report(dl) : CLI_IO;
    diag_free(dl);
    cli_inputs in = {0};
    if (status != CLI_OK)
        ; /* a figure that does not fit: reported, nothing written */
    else if (!r || !int_cmd_inputs(s, inv, db, &in)) {
        fprintf(stderr, "ghgcalc: error: out of memory\n");
        status = CLI_IO;
    } else {
        rpt_meta m = cli_meta(&o->base, &o->out, &in);
        status = cli_write(&o->out, &in, &m, r, &w);
    }
    int width = 9; /* "off track": the statuses line up */
    for (size_t k = 0; status == CLI_OK && k < r->ntargets; k++)
        if ((int)strlen(int_status_text(r->targets[k].status, r->targets[k].estimate)) > width)
            width = (int)strlen(int_status_text(r->targets[k].status, r->targets[k].estimate));
    for (size_t k = 0; status == CLI_OK && !o->base.quiet && k < r->ntargets; k++)
        int_cmd_print_target(&r->targets[k], width);
    char est[96] = "";
    if (r && r->nestimate)
        snprintf(est, sizeof est, " (%zu of them expected: judged on plan estimates)", r->nestimate);
    if (status == CLI_OK && !o->base.quiet)
        printf("%s: %zu years, %zu targets: %zu met, %zu on track, %zu off track, %zu missed%s; wrote %s\n", s->id,
               s->nyears, r->ntargets, r->count[INT_MET], r->count[INT_ON_TRACK], r->count[INT_OFF_TRACK],
               r->count[INT_MISSED], est, o->out.path);
    if (status == CLI_OK && r->count[INT_OFF_TRACK] + r->count[INT_MISSED] > 0)
        status = CLI_FINDINGS;
    cli_inputs_free(&in);
    int_free(r);
    return status;
}

static int int_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    int_cmd_opts *o = opts;
    int status = CLI_IO;
    if (o->base.files.n != 1 || !o->out.path) {
        cli_list_free(&o->factors);
        return cli_usage_error("intensity", "give one series file and -o OUT.xlsx");
    }
    if ((status = cli_out_check(&o->base, &o->out)) != CLI_OK) {
        cli_list_free(&o->factors);
        return status;
    }
    fset_db *db = fdb_new();
    ser_series *s = db ? int_cmd_load(o->base.files.v[0], &o->factors, db, &status) : NULL;
    int_inv *inv = s ? calloc(s->nyears, sizeof *inv) : NULL;
    if (s && !inv)
        fprintf(stderr, "ghgcalc: error: out of memory\n");
    if (inv)
        status = int_cmd_inventories(o, s, db, inv);
    if (inv && status == CLI_OK)
        status = int_cmd_compute(o, s, db, inv);
    for (size_t i = 0; inv && i < s->nyears; i++)
        int_inv_clear(&inv[i]);
    free(inv);
    ser_free(s);
    fdb_free(db);
    cli_list_free(&o->factors);
    return status;
}

/* `check` on a series: loads it from the open reader with its targets and
 * factor sets. */
static int int_cmd_check_series(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    fset_db *db = fdb_new();
    ser_series *s = db ? ser_load_from(yr, dl) : NULL;
    if (!db)
        yr_close(yr);
    int_cmd_resolve(s, factor_dirs, db, dl);
    int status = cli_finish(dl, s != NULL);
    if (s && status == CLI_OK && !quiet)
        printf("%s: ok: series '%s', %zu years\n", s->path, s->id, s->nyears);
    ser_free(s);
    fdb_free(db);
    return status;
}

/* `check` on a targets file on its own. */
static int int_cmd_check_targets(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    (void)factor_dirs;
    ser_series *t = ser_load_targets_from(yr, dl);
    int status = cli_finish(dl, t != NULL);
    if (t && status == CLI_OK && !quiet)
        printf("%s: ok: targets '%s', %zu items\n", t->path, t->targets_id, t->ntargets);
    ser_free(t);
    return status;
}

static const cli_kind int_cmd_kinds[] = {
    {"series", int_cmd_check_series}, {"targets", int_cmd_check_targets}, {NULL, NULL}};

const cli_command cmd_intensity = {
    "intensity",
    "per-GDP indicators of a series of years against the plan's targets",
    "usage: ghgcalc intensity SERIES.yaml -o OUT.xlsx [--lang en|zh] [--factors DIR]... [--csv F] [--json F]\n"
    "                         [--no-csv-json] [--quiet]\n"
    "Computes CO2, CO2e and energy per 10^4 yuan of GDP, per capita, the energy mix and each target's status for\n"
    "the years of SERIES.yaml (docs/intensity.md); writes the workbook with OUT.csv and OUT.json beside it and\n"
    "prints one line per target. Exit 0 when every target is met or on track, 1 when one is off track or missed.\n",
    int_cmd_opts_table,
    sizeof(int_cmd_opts),
    int_cmd_run,
    int_cmd_kinds,
};
