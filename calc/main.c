/* main.c - the ghgcalc command line: a command table, options, exit codes and output handling. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../reports/intensity_report.h"
#include "../reports/report.h"
#include "afile.h"
#include "category.h"
#include "diag.h"
#include "engine.h"
#include "factors.h"
#include "intensity.h"
#include "inventory.h"
#include "series.h"
#include "yreader.h"

#ifndef GHGCALC_VERSION
#define GHGCALC_VERSION "0.1.0"
#endif
#ifndef GHGCALC_DATADIR
#define GHGCALC_DATADIR "/usr/local/share/ghgcalc"
#endif

/* Exit statuses, as README and the man page list them. */
typedef enum {
    GHG_EXIT_OK = 0,       /* success */
    GHG_EXIT_FINDINGS = 1, /* the command found what it looks for (audit findings, missed targets) */
    GHG_EXIT_INPUT = 2,    /* bad input or usage */
    GHG_EXIT_IO = 3        /* an output could not be written */
} ghg_exit;

#define CLI_MAX_DIRS 32
#define CLI_MAX_FILES 256
#define CLI_LARGE_ROWS 200000 /* from this many calculation rows on, write in constant-memory mode */
#define CLI_MAX_SHOWN_ERRORS 100

/* Options shared by the commands. */
typedef struct {
    const char *out;                   /* -o */
    const char *csv, *json;            /* --csv, --json; default beside -o */
    bool zh;                           /* --lang zh */
    bool quiet;                        /* --quiet */
    bool no_machine;                   /* --no-csv-json */
    const char *dirs[CLI_MAX_DIRS];    /* --factors DIR, in order */
    size_t ndirs;
    const char *files[CLI_MAX_FILES];  /* positional arguments */
    size_t nfiles;
    const char *category;              /* factors show --category */
    const char *sets[CLI_MAX_DIRS];    /* factors show --set */
    size_t nsets;
    char command_line[4096];
} cli_opts;

typedef struct {
    const char *name;
    int (*run)(cli_opts *o);
    const char *usage;
} cli_command;

/* Progress on stderr, only when it is a terminal and not --quiet. */
static void cli_progress(void *ctx, const char *stage, size_t done, size_t total)
{
    (void)ctx;
    if (total)
        fprintf(stderr, "\rghgcalc: %s %zu/%zu records...", stage, done, total);
    else
        fprintf(stderr, "\rghgcalc: %s %zu records...", stage, done);
    fflush(stderr);
}

static inv_progress cli_progress_for(const cli_opts *o)
{
    if (o->quiet || !isatty(STDERR_FILENO))
        return (inv_progress){NULL, NULL};
    return (inv_progress){cli_progress, NULL};
}

static void cli_progress_done(const inv_progress *p)
{
    if (p->fn)
        fputs("\r\033[K", stderr);
}

/* Prints the collected messages; returns GHG_EXIT_INPUT if any was an error. */
static int cli_report(diag_list *dl)
{
    diag_print(dl, stderr, isatty(STDERR_FILENO) || getenv("GHGCALC_SHOW_SOURCE"), CLI_MAX_SHOWN_ERRORS);
    return diag_error_count(dl) ? GHG_EXIT_INPUT : GHG_EXIT_OK;
}

/* Appends the default factor folders after those the user gave: the
 * inventory's factor_dirs, $GHGCALC_FACTORS (':'-separated), the factors
 * folder beside the inventory's folder, ./factors and the installed data. */
static size_t cli_dirs(const cli_opts *o, const inventory *inv, const char **dirs, char *buf, size_t buflen)
{
    size_t n = 0, used = 0;
    for (size_t i = 0; i < o->ndirs && n < CLI_MAX_DIRS; i++)
        dirs[n++] = o->dirs[i];
    for (size_t i = 0; inv && i < inv->ndirs && n < CLI_MAX_DIRS; i++)
        dirs[n++] = inv->factor_dirs[i];
    const char *env = getenv("GHGCALC_FACTORS");
    if (env && *env && strlen(env) < buflen / 2) {
        char *copy = buf;
        strcpy(copy, env);
        used = strlen(env) + 1;
        for (char *tok = strtok(copy, ":"); tok && n < CLI_MAX_DIRS; tok = strtok(NULL, ":"))
            dirs[n++] = tok;
    }
    if (inv && n < CLI_MAX_DIRS) {
        const char *slash = strrchr(inv->path, '/');
        char *d = buf + used;
        snprintf(d, buflen - used, "%.*s%s../factors", slash ? (int)(slash - inv->path) : 0, inv->path,
                 slash ? "/" : "");
        dirs[n++] = d;
    }
    if (n < CLI_MAX_DIRS)
        dirs[n++] = "factors";
    if (n < CLI_MAX_DIRS)
        dirs[n++] = GHGCALC_DATADIR "/factors";
    return n;
}

/* "out.xlsx" -> "out.csv": replaces the extension, or appends. */
static char *cli_beside(const char *out, const char *ext)
{
    const char *dot = strrchr(out, '.'), *slash = strrchr(out, '/');
    size_t base = dot && (!slash || dot > slash) ? (size_t)(dot - out) : strlen(out);
    char *p = malloc(base + strlen(ext) + 1);
    if (p) {
        memcpy(p, out, base);
        strcpy(p + base, ext);
    }
    return p;
}

/* Input files in About-sheet order: the inventory, then each factor file. */
typedef struct {
    const char *paths[CLI_MAX_FILES];
    const char *sha[CLI_MAX_FILES];
    size_t n;
} cli_inputs;

static void cli_collect_inputs(const inventory *inv, const fset_db *db, cli_inputs *in)
{
    const char **p, **s;
    size_t n = fdb_files(db, &p, &s);
    in->paths[0] = inv->path;
    in->sha[0] = inv->sha256;
    in->n = 1;
    for (size_t i = 0; i < n && in->n < CLI_MAX_FILES; i++, in->n++) {
        in->paths[in->n] = p[i];
        in->sha[in->n] = s[i];
    }
}

/* Refuses an output that would overwrite one of the inputs. */
static bool cli_output_clashes(const char *out, const cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        if (afile_same(out, in->paths[i])) {
            fprintf(stderr, "%s: error: output would overwrite the input file '%s': choose another output path\n",
                    out, in->paths[i]);
            return true;
        }
    }
    return false;
}

/* The three writers of one command's outputs. Each takes the command's
 * result, the temporary path and the run's metadata. */
typedef struct {
    int (*xlsx)(const void *result, const char *path, const rpt_meta *m, char *err, size_t errlen);
    int (*csv)(const void *result, const char *path, const rpt_meta *m, char *err, size_t errlen);
    int (*json)(const void *result, const char *path, const rpt_meta *m, char *err, size_t errlen);
} cli_writers;

/* Refuses outputs that would overwrite an input or cannot be written;
 * returns an exit status. */
static int cli_check_targets(const char *const targets[3], const cli_inputs *in)
{
    for (size_t i = 0; i < 3; i++) {
        if (!targets[i])
            continue;
        if (cli_output_clashes(targets[i], in))
            return GHG_EXIT_INPUT;
        if (afile_check_dir(targets[i]) != 0) {
            fprintf(stderr, "%s: error: cannot write here: %s (%s)\n", targets[i], strerror(errno),
                    errno == EISDIR ? "give a file name, not a folder" : "check that the folder exists and is writable");
            return GHG_EXIT_IO;
        }
    }
    return GHG_EXIT_OK;
}

/* The CSV and the JSON, written on a second thread while the workbook is
 * written on the first: both only read the result, and on two cores the
 * machine outputs then cost no wall time beside the workbook. */
typedef struct {
    const cli_writers *w;
    const void *result;
    const rpt_meta *m;
    const char *csv, *json; /* final paths, for messages */
    const char *tc, *tj;    /* temporary paths */
    const char *failed;     /* set on failure: the final path that failed */
    char err[512];
} cli_machine_job;

static void *cli_machine_write(void *arg)
{
    cli_machine_job *j = arg;
    if (!j->tc || j->w->csv(j->result, j->tc, j->m, j->err, sizeof j->err) != 0)
        j->failed = j->csv;
    else if (!j->tj || j->w->json(j->result, j->tj, j->m, j->err, sizeof j->err) != 0)
        j->failed = j->json;
    return NULL;
}

/* Writes the workbook and the machine outputs (CSV and JSON beside it, or
 * where --csv/--json say) into temporary files, then renames them into place
 * together: all of them or none. */
static int cli_write_outputs(const cli_opts *o, const cli_inputs *in, const rpt_meta *m, const void *result,
                             const cli_writers *w)
{
    char *csv = o->csv ? strdup(o->csv) : cli_beside(o->out, ".csv");
    char *json = o->json ? strdup(o->json) : cli_beside(o->out, ".json");
    const char *targets[3] = {o->out, o->no_machine ? NULL : csv, o->no_machine ? NULL : json};
    int status = csv && json ? cli_check_targets(targets, in) : GHG_EXIT_IO;
    afile_group g = {0};
    if (status == GHG_EXIT_OK) {
        const char *tx = afile_add(&g, o->out);
        cli_machine_job job = {.w = w, .result = result, .m = m, .csv = csv, .json = json};
        pthread_t thread;
        bool threaded = false;
        if (!o->no_machine) {
            job.tc = afile_add(&g, csv);
            job.tj = afile_add(&g, json);
        }
        /* Ctrl-C or kill from here on removes the temporary files (before the writer thread exists:
         * it inherits the blocked signals). */
        afile_guard *guard = afile_guard_start(&g);
        if (!o->no_machine)
            threaded = pthread_create(&thread, NULL, cli_machine_write, &job) == 0;
        char err[512] = "";
        const char *failed = NULL;
        if (!tx || w->xlsx(result, tx, m, err, sizeof err) != 0)
            failed = o->out;
        if (threaded)
            pthread_join(thread, NULL);
        else if (!o->no_machine)
            cli_machine_write(&job);
        if (!failed && job.failed) {
            failed = job.failed;
            memcpy(err, job.err, sizeof err);
        }
        if (failed) {
            fprintf(stderr, "%s: error: cannot write: %s\n", failed, err[0] ? err : "out of memory");
            afile_abort(&g);
            status = GHG_EXIT_IO;
        } else if (afile_guard_commit(guard, &g, &failed) != 0) {
            fprintf(stderr, "%s: error: cannot move the finished file into place: %s\n", failed, strerror(errno));
            status = GHG_EXIT_IO;
        }
        afile_guard_stop(guard);
    }
    afile_free(&g);
    free(csv);
    free(json);
    return status;
}

/* Adapters from the inventory writers' typed results to cli_writers. */
static int cli_inv_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_xlsx(r, p, m, e, n);
}
static int cli_inv_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_csv(r, p, m, e, n);
}
static int cli_inv_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_inventory_json(r, p, m, e, n);
}

/* Writes the inventory workbook, CSV and JSON; large inventories use
 * libxlsxwriter's constant-memory mode. */
static int cli_write_inventory(const cli_opts *o, const eng_result *r, const cli_inputs *in)
{
    static const cli_writers w = {cli_inv_xlsx, cli_inv_csv, cli_inv_json};
    size_t rows = eng_inventory(r)->n * GAS_MAIN;
    rpt_meta m = {.zh = o->zh,
                  .tool_version = GHGCALC_VERSION,
                  .command_line = o->command_line,
                  .input_paths = in->paths,
                  .input_sha256 = in->sha,
                  .ninputs = in->n,
                  .constant_memory = rows >= CLI_LARGE_ROWS};
    return cli_write_outputs(o, in, &m, r, &w);
}

/* Loads an inventory and computes it; NULL (errors printed) on failure. */
static eng_result *cli_compute(const cli_opts *o, const char *path, fset_db *db, inventory **inv_out, int *status)
{
    diag_list *dl = diag_new();
    inv_progress prog = cli_progress_for(o);
    inventory *inv = dl ? inv_load(path, dl, prog.fn ? &prog : NULL) : NULL;
    eng_result *r = NULL;
    if (inv && diag_error_count(dl) == 0) {
        const char *dirs[CLI_MAX_DIRS];
        char buf[8192];
        size_t nd = cli_dirs(o, inv, dirs, buf, sizeof buf);
        r = eng_run(inv, db, dirs, nd, dl, prog.fn ? &prog : NULL);
    }
    cli_progress_done(&prog);
    *status = dl ? cli_report(dl) : GHG_EXIT_INPUT;
    if (!r && *status == GHG_EXIT_OK)
        *status = GHG_EXIT_INPUT;
    diag_free(dl);
    *inv_out = inv;
    return r;
}

static int cmd_inventory(cli_opts *o)
{
    if (o->nfiles != 1 || !o->out) {
        fprintf(stderr, "ghgcalc inventory: give one inventory file and -o OUT.xlsx\nUse 'ghgcalc inventory --help'.\n");
        return GHG_EXIT_INPUT;
    }
    fset_db *db = fdb_new();
    inventory *inv = NULL;
    int status;
    eng_result *r = cli_compute(o, o->files[0], db, &inv, &status);
    if (r) {
        cli_inputs in;
        cli_collect_inputs(inv, db, &in);
        status = cli_write_inventory(o, r, &in);
        if (status == GHG_EXIT_OK && !o->quiet) {
            eng_cat_total t = eng_total_under(r, "");
            printf("%s: %zu records, %.1f t CO2e (%s); wrote %s\n", inv->id, inv->n, t.t_co2e, eng_gwp(r)->id,
                   o->out);
        }
    }
    eng_free(r);
    inv_free(inv);
    fdb_free(db);
    return status;
}

/* The first top-level key of a YAML file, to tell its kind; NULL if none. */
static char *cli_first_key(const char *path, diag_list *dl)
{
    yreader *r = yr_open(path, dl, NULL);
    if (!r)
        return NULL;
    const ynode *k = yr_next_key(r);
    char *key = k ? strdup(k->text) : NULL;
    yr_close(r);
    return key;
}

static ser_series *cli_series_load(const cli_opts *o, fset_db *db, int *status);

/* Validates a series file (with its targets and factor sets) or a targets
 * file on its own; returns an exit status. */
static int cli_check_series(const cli_opts *o, const char *path, const char *kind, diag_list *dl)
{
    int status;
    if (strcmp(kind, "targets") == 0) {
        ser_series *t = ser_load_targets(path, dl);
        status = cli_report(dl);
        if (t && !status && !o->quiet)
            printf("%s: ok: targets '%s', %zu items\n", path, t->targets_id, t->ntargets);
        ser_free(t);
        return status;
    }
    fset_db *db = fdb_new();
    cli_opts one = *o;
    one.files[0] = path;
    one.nfiles = 1;
    ser_series *s = cli_series_load(&one, db, &status);
    if (s && !o->quiet)
        printf("%s: ok: series '%s', %zu years\n", path, s->id, s->nyears);
    ser_free(s);
    fdb_free(db);
    return status;
}

/* Validates one file of any kind; prints a line when it is fine. */
static int cli_check_one(const cli_opts *o, const char *path)
{
    diag_list *dl = diag_new();
    char *kind = dl ? cli_first_key(path, dl) : NULL;
    int status = GHG_EXIT_OK;
    if (kind && strcmp(kind, "factor_set") == 0) {
        fset_db *db = fdb_new();
        const char *none[1];
        const fset *s = fdb_load_set(db, path, none, 0, (src_loc){path, 0, 0}, dl);
        status = cli_report(dl);
        if (s && !status && !o->quiet)
            printf("%s: ok: factor set '%s', %zu entries\n", path, s->id, s->n);
        fdb_free(db);
    } else if (kind && strcmp(kind, "gwp_sets") == 0) {
        fset_db *db = fdb_new();
        char dir[4096];
        const char *slash = strrchr(path, '/');
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
        const char *dirs[1] = {dir};
        const gwp_set *g = fdb_gwp(db, NULL, dirs, 1, (src_loc){path, 0, 0}, dl);
        status = cli_report(dl);
        if (g && !status && !o->quiet)
            printf("%s: ok: GWP sets, default '%s'\n", path, g->id);
        fdb_free(db);
    } else if (kind && (strcmp(kind, "series") == 0 || strcmp(kind, "targets") == 0)) {
        status = cli_check_series(o, path, kind, dl);
    } else if (kind) {
        fset_db *db = fdb_new();
        inventory *inv = NULL;
        diag_free(dl);
        dl = NULL;
        eng_result *r = cli_compute(o, path, db, &inv, &status);
        if (r && !o->quiet)
            printf("%s: ok: inventory '%s', %zu records, %.1f t CO2e\n", path, inv->id, inv->n,
                   eng_total_under(r, "").t_co2e);
        eng_free(r);
        inv_free(inv);
        fdb_free(db);
    } else {
        status = dl ? cli_report(dl) : GHG_EXIT_INPUT;
        if (!status)
            status = GHG_EXIT_INPUT;
    }
    free(kind);
    diag_free(dl);
    return status;
}

static int cmd_check(cli_opts *o)
{
    if (o->nfiles == 0) {
        fprintf(stderr, "ghgcalc check: give one or more YAML files\nUse 'ghgcalc check --help'.\n");
        return GHG_EXIT_INPUT;
    }
    int worst = GHG_EXIT_OK;
    for (size_t i = 0; i < o->nfiles; i++) {
        int s = cli_check_one(o, o->files[i]);
        if (s > worst)
            worst = s;
    }
    return worst;
}

/* Prints one factor value as a line of `factors show`. */
static void cli_print_value(const fset *s, const fset_entry *e, const fset_param *p)
{
    printf("%-18s %-26s %-9s %-15s %-12.8g %-10s %s%c%s  %s  (%s:%u)\n", s->id, e->key,
           e->category ? e->category : "all", p->name, p->v.value, p->v.unit_text, p->v.confidence ? "[" : "",
           p->v.confidence ? p->v.confidence : ' ', p->v.confidence ? "]" : "", p->v.ref ? p->v.ref : "",
           p->v.at.file, p->v.at.line);
}

static int cmd_factors(cli_opts *o)
{
    bool list = o->nfiles >= 1 && strcmp(o->files[0], "list") == 0;
    bool show = o->nfiles == 2 && strcmp(o->files[0], "show") == 0;
    if (!list && !show) {
        fprintf(stderr, "ghgcalc factors: use 'factors list' or 'factors show KEY'\nUse 'ghgcalc factors --help'.\n");
        return GHG_EXIT_INPUT;
    }
    const char *dirs[CLI_MAX_DIRS];
    char buf[8192];
    size_t nd = cli_dirs(o, NULL, dirs, buf, sizeof buf);
    const char *defaults[] = {"ipcc2006-energy"};
    const char *const *names = o->nsets ? o->sets : defaults;
    size_t nnames = o->nsets ? o->nsets : sizeof defaults / sizeof *defaults;
    fset_db *db = fdb_new();
    diag_list *dl = diag_new();
    int status = GHG_EXIT_OK;
    size_t shown = 0;
    for (size_t i = 0; i < nnames && db && dl; i++) {
        const fset *s = fdb_load_set(db, names[i], dirs, nd, (src_loc){NULL, 0, 0}, dl);
        for (; s; s = s->extends) {
            if (list) {
                printf("%-20s %s%s%s%s\n", s->id, s->title, s->extends_id ? "  (extends " : "",
                       s->extends_id ? s->extends_id : "", s->extends_id ? ")" : "");
                continue;
            }
            for (size_t k = 0; k < s->n; k++) {
                const fset_entry *e = &s->entries[k];
                if (strcmp(e->key, o->files[1]) != 0)
                    continue;
                if (o->category && e->category && !cat_under(o->category, e->category))
                    continue;
                for (size_t p = 0; p < e->nparams; p++, shown++)
                    cli_print_value(s, e, &e->params[p]);
            }
        }
    }
    status = dl ? cli_report(dl) : GHG_EXIT_INPUT;
    if (show && status == GHG_EXIT_OK && shown == 0) {
        fprintf(stderr, "ghgcalc: error: no factors for '%s' in the sets searched\n", o->files[1]);
        status = GHG_EXIT_INPUT;
    }
    diag_free(dl);
    fdb_free(db);
    return status;
}

/* ---------------------------------------- intensity: per-GDP indicators of a series of years against targets */

/* The folders searched for the series' own factor sets: those of cli_dirs,
 * with the factors folder beside the series' folder before ./factors. */
static size_t cli_series_dirs(const cli_opts *o, const char *path, const char **dirs, char *buf, size_t buflen,
                              char *own, size_t ownlen)
{
    size_t n = cli_dirs(o, NULL, dirs, buf, buflen);
    const char *slash = strrchr(path, '/');
    snprintf(own, ownlen, "%.*s%s../factors", slash ? (int)(slash - path) : 0, path, slash ? "/" : "");
    if (n >= 2 && n < CLI_MAX_DIRS) {
        dirs[n] = dirs[n - 1];
        dirs[n - 1] = dirs[n - 2];
        dirs[n - 2] = own;
        n++;
    }
    return n;
}

/* Loads the series and its targets and finds the standard-coal
 * coefficients; NULL (errors printed, *status set) on failure. */
static ser_series *cli_series_load(const cli_opts *o, fset_db *db, int *status)
{
    diag_list *dl = diag_new();
    ser_series *s = dl && db ? ser_load(o->files[0], dl) : NULL;
    if (s && diag_error_count(dl) == 0) {
        const char *dirs[CLI_MAX_DIRS];
        char buf[8192], own[4096];
        size_t nd = cli_series_dirs(o, s->path, dirs, buf, sizeof buf, own, sizeof own);
        ser_resolve(s, db, dirs, nd, dl);
    }
    *status = dl ? cli_report(dl) : GHG_EXIT_INPUT;
    diag_free(dl);
    if (*status == GHG_EXIT_OK && s)
        return s;
    if (*status == GHG_EXIT_OK)
        *status = GHG_EXIT_INPUT;
    ser_free(s);
    return NULL;
}

/* Computes the inventory of every year into inv[i] (each inventory prints
 * its own errors) and checks that it is of the year the series says.
 * Returns the worst exit status. */
static int cli_series_inventories(const cli_opts *o, const ser_series *s, fset_db *db, int_inv *inv)
{
    diag_list *dl = diag_new();
    int worst = dl ? GHG_EXIT_OK : GHG_EXIT_INPUT;
    for (size_t i = 0; i < s->nyears && dl; i++) {
        const ser_year *y = &s->years[i];
        inventory *in = NULL;
        int st;
        eng_result *r = cli_compute(o, y->inventory, db, &in, &st);
        if (r && in->year != y->year)
            diag_error(dl, y->inventory_at, "inventory '%s' is of year %ld, but the series lists it under %ld: name "
                       "the inventory of %ld", y->inventory, in->year, y->year, y->year);
        else if (r && !int_inv_from(r, &inv[i])) {
            fprintf(stderr, "ghgcalc: error: out of memory\n");
            st = GHG_EXIT_IO;
        }
        worst = st > worst ? st : worst;
        eng_free(r);
        inv_free(in);
    }
    int st = dl ? cli_report(dl) : GHG_EXIT_OK;
    diag_free(dl);
    return st > worst ? st : worst;
}

/* The input files for the About sheet: series, targets, inventories, then
 * every factor file read. */
static void cli_series_inputs(const ser_series *s, const int_inv *inv, const fset_db *db, cli_inputs *in)
{
    const char **p, **h;
    size_t n = fdb_files(db, &p, &h);
    in->n = 0;
    in->paths[in->n] = s->path;
    in->sha[in->n++] = s->sha256;
    if (s->targets_path) {
        in->paths[in->n] = s->targets_path;
        in->sha[in->n++] = s->targets_sha256;
    }
    for (size_t i = 0; i < s->nyears && in->n < CLI_MAX_FILES; i++, in->n++) {
        in->paths[in->n] = inv[i].path;
        in->sha[in->n] = inv[i].sha256;
    }
    for (size_t i = 0; i < n && in->n < CLI_MAX_FILES; i++, in->n++) {
        in->paths[in->n] = p[i];
        in->sha[in->n] = h[i];
    }
}

/* Adapters from the intensity writers' typed results to cli_writers. */
static int cli_int_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_intensity_xlsx(r, p, m, e, n);
}
static int cli_int_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_intensity_csv(r, p, m, e, n);
}
static int cli_int_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_intensity_json(r, p, m, e, n);
}

/* Writes the intensity workbook, CSV and JSON together, or none of them. */
static int cli_write_intensity(const cli_opts *o, const int_result *r, const cli_inputs *in)
{
    static const cli_writers w = {cli_int_xlsx, cli_int_csv, cli_int_json};
    rpt_meta m = {.zh = o->zh, .tool_version = GHGCALC_VERSION, .command_line = o->command_line,
                  .input_paths = in->paths, .input_sha256 = in->sha, .ninputs = in->n};
    return cli_write_outputs(o, in, &m, r, &w);
}

/* Prints one line for target `tr`: status, value, reference, margin. */
static void cli_print_target(const int_target *tr)
{
    const ser_target *t = tr->t;
    bool share = ser_indicator_is_share(t->indicator);
    int dec = share ? 2 : 4;
    double k = share ? 100 : 1;
    static const char *const units[SER_NIND] = {" t CO2/10^4 yuan", " tce/10^4 yuan", " t CO2e/10^4 yuan", " %", " %",
                                                 " %"};
    printf("%-9s  %s: %s %ld = %.*f%s", int_status_name(tr->status), t->id, ser_indicator_name(t->indicator),
           tr->eval_year, dec, tr->latest_value * k, units[t->indicator]);
    if (t->kind == SER_REDUCTION && isfinite(tr->change))
        printf(" (%+.2f %% since %ld; target -%g %% by %ld)", tr->change * 100, t->base_year, t->value_pct,
               t->target_year);
    else if (t->kind == SER_REDUCTION) /* a base value of 0 has no relative change (blank in the outputs) */
        printf(" (the %ld value is 0: no relative change; target -%g %% by %ld)", t->base_year, t->value_pct,
               t->target_year);
    else
        printf(" (target %s %g %% by %ld)", t->kind == SER_CEILING ? "<=" : ">=", t->value_pct, t->target_year);
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
static int cli_intensity_run(const cli_opts *o, const ser_series *s, const fset_db *db, const int_inv *inv)
{
    diag_list *dl = diag_new();
    int_result *r = dl ? int_compute(s, inv, dl) : NULL;
    if (dl)
        cli_report(dl);
    diag_free(dl);
    if (!r) {
        fprintf(stderr, "ghgcalc: error: out of memory\n");
        return GHG_EXIT_IO;
    }
    cli_inputs in;
    cli_series_inputs(s, inv, db, &in);
    int status = cli_write_intensity(o, r, &in);
    for (size_t k = 0; status == GHG_EXIT_OK && !o->quiet && k < r->ntargets; k++)
        cli_print_target(&r->targets[k]);
    if (status == GHG_EXIT_OK && !o->quiet)
        printf("%s: %zu years, %zu targets: %zu met, %zu on track, %zu off track, %zu missed; wrote %s\n", s->id,
               s->nyears, r->ntargets, r->count[INT_MET], r->count[INT_ON_TRACK], r->count[INT_OFF_TRACK],
               r->count[INT_MISSED], o->out);
    if (status == GHG_EXIT_OK && r->count[INT_OFF_TRACK] + r->count[INT_MISSED] > 0)
        status = GHG_EXIT_FINDINGS;
    int_free(r);
    return status;
}

/* `ghgcalc intensity SERIES.yaml -o OUT.xlsx`: see docs/intensity.md. */
static int cmd_intensity(cli_opts *o)
{
    if (o->nfiles != 1 || !o->out) {
        fprintf(stderr, "ghgcalc intensity: give one series file and -o OUT.xlsx\nUse 'ghgcalc intensity --help'.\n");
        return GHG_EXIT_INPUT;
    }
    fset_db *db = fdb_new();
    int status;
    ser_series *s = cli_series_load(o, db, &status);
    int_inv *inv = s ? calloc(s->nyears, sizeof *inv) : NULL;
    if (s && !inv) {
        fprintf(stderr, "ghgcalc: error: out of memory\n");
        status = GHG_EXIT_IO;
    }
    if (inv)
        status = cli_series_inventories(o, s, db, inv);
    if (inv && status == GHG_EXIT_OK)
        status = cli_intensity_run(o, s, db, inv);
    for (size_t i = 0; inv && i < s->nyears; i++)
        int_inv_clear(&inv[i]);
    free(inv);
    ser_free(s);
    fdb_free(db);
    return status;
}

static const cli_command cli_commands[] = {
    {"inventory", cmd_inventory,
     "usage: ghgcalc inventory FILE.yaml -o OUT.xlsx [--lang en|zh] [--factors DIR]... [--csv F] [--json F]\n"
     "                         [--no-csv-json] [--quiet]\n"
     "Computes the inventory and writes the workbook, with OUT.csv (line items) and OUT.json (totals) beside it.\n"},
    {"check", cmd_check,
     "usage: ghgcalc check FILE.yaml... [--factors DIR]... [--quiet]\n"
     "Validates inventories, factor sets and GWP files; prints file:line:col: error: ... for each problem.\n"},
    {"factors", cmd_factors,
     "usage: ghgcalc factors list [--set ID]... [--factors DIR]...\n"
     "       ghgcalc factors show KEY [--set ID]... [--category CODE] [--factors DIR]...\n"
     "Lists factor sets, or shows every value given for a fuel key, with its unit, confidence and source.\n"},
    {"intensity", cmd_intensity,
     "usage: ghgcalc intensity SERIES.yaml -o OUT.xlsx [--lang en|zh] [--factors DIR]... [--csv F] [--json F]\n"
     "                         [--no-csv-json] [--quiet]\n"
     "Computes CO2, CO2e and energy per 10^4 yuan of GDP, per capita, the energy mix and each target's status for\n"
     "the years of SERIES.yaml (docs/intensity.md); writes the workbook with OUT.csv and OUT.json beside it and\n"
     "prints one line per target. Exit 0 when every target is met or on track, 1 when one is off track or missed.\n"},
};
#define CLI_NCOMMANDS (sizeof cli_commands / sizeof *cli_commands)

static void cli_help(FILE *out)
{
    fputs("ghgcalc " GHGCALC_VERSION " - greenhouse-gas inventory calculator\n\n"
          "usage: ghgcalc COMMAND [options]\n\ncommands:\n"
          "  inventory   compute an inventory YAML file into an Excel workbook (+ CSV, JSON)\n"
          "  intensity   per-GDP indicators of a series of years against the plan's targets\n"
          "  check       validate input files\n"
          "  factors     list factor sets, show a fuel's factors\n\n"
          "options: --help, --version; 'ghgcalc COMMAND --help' for a command's options.\n"
          "exit status: 0 ok, 1 findings, 2 input or usage error, 3 output error.\n",
          out);
}

/* Parses options after the command name; returns -1 on a usage error. */
static int cli_parse(int argc, char **argv, cli_opts *o, const cli_command *cmd)
{
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = !strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--lang") || !strcmp(a, "--factors") ||
                     !strcmp(a, "--csv") || !strcmp(a, "--json") || !strcmp(a, "--category") || !strcmp(a, "--set");
        if (takes && !next) {
            fprintf(stderr, "ghgcalc %s: option '%s' needs a value\nUse 'ghgcalc %s --help'.\n", cmd->name, a,
                    cmd->name);
            return -1;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd->usage, stdout);
            return 1;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            o->out = argv[++i];
        else if (!strcmp(a, "--lang")) {
            if (strcmp(next, "en") && strcmp(next, "zh")) {
                fprintf(stderr, "ghgcalc %s: --lang takes en or zh, not '%s'\nUse 'ghgcalc %s --help'.\n", cmd->name,
                        next, cmd->name);
                return -1;
            }
            o->zh = !strcmp(argv[++i], "zh");
        } else if (!strcmp(a, "--factors") && o->ndirs < CLI_MAX_DIRS)
            o->dirs[o->ndirs++] = argv[++i];
        else if (!strcmp(a, "--set") && o->nsets < CLI_MAX_DIRS)
            o->sets[o->nsets++] = argv[++i];
        else if (!strcmp(a, "--csv"))
            o->csv = argv[++i];
        else if (!strcmp(a, "--json"))
            o->json = argv[++i];
        else if (!strcmp(a, "--category"))
            o->category = argv[++i];
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            o->quiet = true;
        else if (!strcmp(a, "--no-csv-json"))
            o->no_machine = true;
        else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "ghgcalc %s: unknown option '%s'\nUse 'ghgcalc %s --help'.\n", cmd->name, a, cmd->name);
            return -1;
        } else if (o->nfiles < CLI_MAX_FILES)
            o->files[o->nfiles++] = a;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_help(stderr);
        return GHG_EXIT_INPUT;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        cli_help(stdout);
        return GHG_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("ghgcalc %s\n", GHGCALC_VERSION);
        return GHG_EXIT_OK;
    }
    for (size_t c = 0; c < CLI_NCOMMANDS; c++) {
        if (strcmp(argv[1], cli_commands[c].name) != 0)
            continue;
        cli_opts *o = calloc(1, sizeof *o);
        if (!o)
            return GHG_EXIT_IO;
        size_t used = 0;
        for (int i = 0; i < argc && used < sizeof o->command_line - 1; i++)
            used += (size_t)snprintf(o->command_line + used, sizeof o->command_line - used, "%s%s", i ? " " : "",
                                     i ? argv[i] : "ghgcalc");
        int p = cli_parse(argc, argv, o, &cli_commands[c]);
        int status = p < 0 ? GHG_EXIT_INPUT : p > 0 ? GHG_EXIT_OK : cli_commands[c].run(o);
        free(o);
        return status;
    }
    fprintf(stderr, "ghgcalc: unknown command '%s'\nUse 'ghgcalc --help'.\n", argv[1]);
    return GHG_EXIT_INPUT;
}
