/* cmd_audit.c - `ghgcalc audit REPORT.yaml... | DIR -o OUT.xlsx`: verifies enterprise emission reports in batch. */
#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../reports/audit_report.h"
#include "audit.h"
#include "cli.h"
#include "yreader.h"

#ifndef GHGCALC_DATADIR
#define GHGCALC_DATADIR "/usr/local/share/ghgcalc"
#endif

#define AUD_CMD_RULES_FILE "verification-default.yaml" /* the shipped rules, in a rules/ folder */
#define AUD_CMD_LARGE_ROWS 200000 /* workbook rows from which libxlsxwriter writes row by row (flat memory) */
#define AUD_CMD_MAX_THREADS 8     /* reports audited side by side, at most (one per core) */
#define AUD_CMD_PER_THREAD 16     /* reports a thread should have, at least, to be worth starting */

typedef struct {
    cli_base base;
    cli_out out;
    cli_list factors;
    const char *rules;     /* --rules FILE */
    const char *tolerance; /* --tolerance 0.5% */
    int fail_on;           /* index into aud_cmd_fail_on */
} aud_cmd_opts;

/* --fail-on values and the severity each stands for (the default first). */
static const char *const aud_cmd_fail_on[] = {"error", "warning", NULL};
static const aud_severity aud_cmd_fail_sev[] = {AUD_ERROR, AUD_WARNING};

static const cli_opt aud_cmd_opts_table[] = {
    {"", NULL, CLI_GROUP, offsetof(aud_cmd_opts, out), NULL, NULL, NULL, cli_out_opts},
    {"", NULL, CLI_GROUP, offsetof(aud_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {"--rules", NULL, CLI_TEXT, offsetof(aud_cmd_opts, rules), "FILE",
     "the rules file (default: rules/" AUD_CMD_RULES_FILE ")", NULL, NULL},
    {"--tolerance", NULL, CLI_TEXT, offsetof(aud_cmd_opts, tolerance), "PCT",
     "recomputation tolerance, e.g. 0.5% (default: the rules file's)", NULL, NULL},
    {"--fail-on", NULL, CLI_CHOICE, offsetof(aud_cmd_opts, fail_on), "error|warning",
     "exit 1 when a finding reaches this severity (default: error)", aud_cmd_fail_on, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* What one run holds: the report paths (owned), the rules, the factor sets
 * and the audited reports. */
typedef struct {
    cli_list paths; /* every report, in order */
    cli_list owned; /* the paths allocated here */
    char *rules_path;
    aud_rules *rules;
    fset_db *db[AUD_CMD_MAX_THREADS]; /* one per thread: the factor sets it loaded */
    size_t nthreads;
    cli_dirs dirs;
    aud_batch b;
} aud_cmd_run_state;

/* ------------------------------------------------------------ arguments */

/* The tolerance "0.5%" as a fraction in *out; false for anything else (a
 * plain number would be ambiguous: 0.5 or 0.5 %?). */
static bool aud_cmd_tolerance(const char *text, double *out)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || strcmp(end, "%") != 0 || !isfinite(v) || v < 0 || v >= 100)
        return false;
    *out = v / 100;
    return true;
}

/* qsort order of path strings. */
static int aud_cmd_strcmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Whether `name` ends in ".yaml". */
static bool aud_cmd_is_yaml(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* Adds every *.yaml file of folder `dir` to s->paths, sorted by name;
 * returns an exit status (a usage error when the folder has none). */
static int aud_cmd_folder(aud_cmd_run_state *s, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return cli_usage_error("audit", "cannot read folder '%s'", dir);
    cli_list found = {0};
    bool ok = true;
    size_t dl = strlen(dir);
    const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
    for (struct dirent *de; ok && (de = readdir(d));) {
        if (de->d_name[0] == '.' || !aud_cmd_is_yaml(de->d_name))
            continue;
        size_t len = dl + strlen(de->d_name) + 2;
        char *p = malloc(len);
        struct stat st;
        if (p)
            snprintf(p, len, "%s%s%s", dir, sep, de->d_name);
        ok = p && cli_list_add(&s->owned, p);
        if (!ok)
            free(p);
        else if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
            ok = cli_list_add(&found, p);
    }
    closedir(d);
    if (ok && found.n)
        qsort(found.v, found.n, sizeof *found.v, aud_cmd_strcmp);
    for (size_t i = 0; ok && i < found.n; i++)
        ok = cli_list_add(&s->paths, found.v[i]);
    int st = !ok ? CLI_IO : found.n ? CLI_OK : cli_usage_error("audit", "folder '%s' holds no *.yaml report", dir);
    cli_list_free(&found);
    return st;
}

/* The reports named on the command line: files as given, folders
 * expanded. A path that does not exist stays a file (an unreadable report). */
static int aud_cmd_expand(aud_cmd_run_state *s, const cli_list *files)
{
    for (size_t i = 0; i < files->n; i++) {
        struct stat st;
        int status = CLI_OK;
        if (stat(files->v[i], &st) == 0 && S_ISDIR(st.st_mode))
            status = aud_cmd_folder(s, files->v[i]);
        else if (!cli_list_add(&s->paths, files->v[i]))
            status = CLI_IO;
        if (status != CLI_OK)
            return status;
    }
    return CLI_OK;
}

/* "FOLDER/../rules/NAME" beside report `near`, "rules/NAME", then the
 * installed GHGCALC_DATADIR/rules/NAME: the first that exists (malloc'd),
 * as the factor folders are searched (cli_dirs_make). NULL when none does;
 * `tried` lists them. */
static char *aud_cmd_find_rules(const char *near, char *tried, size_t len)
{
    const char *slash = near ? strrchr(near, '/') : NULL;
    int dir = slash ? (int)(slash - near) : 0;
    char cand[3][4096];
    snprintf(cand[0], sizeof cand[0], "%.*s%s../rules/%s", dir, near ? near : "", slash ? "/" : "", AUD_CMD_RULES_FILE);
    snprintf(cand[1], sizeof cand[1], "rules/%s", AUD_CMD_RULES_FILE);
    snprintf(cand[2], sizeof cand[2], "%s/rules/%s", GHGCALC_DATADIR, AUD_CMD_RULES_FILE);
    snprintf(tried, len, "%s, %s, %s", cand[0], cand[1], cand[2]);
    for (int i = 0; i < 3; i++)
        if (access(cand[i], R_OK) == 0)
            return strdup(cand[i]);
    return NULL;
}

/* Loads the rules file (--rules, else the default); returns an exit status. */
static int aud_cmd_load_rules(aud_cmd_run_state *s, const char *given, const char *near)
{
    char tried[12800];
    s->rules_path = given ? strdup(given) : aud_cmd_find_rules(near, tried, sizeof tried);
    if (!s->rules_path && !given)
        return cli_usage_error("audit", "no rules file found (looked for %s): give --rules FILE", tried);
    diag_list *dl = s->rules_path ? diag_new() : NULL;
    s->rules = dl ? aud_rules_load(s->rules_path, dl) : NULL;
    int status = dl ? cli_report(dl) : CLI_IO;
    diag_free(dl);
    return status == CLI_OK && !s->rules ? CLI_INPUT : status;
}

/* ------------------------------------------------------------ the run */

/* Progress on a terminal: "ghgcalc: auditing 120/10000 reports...", when
 * the percentage changes (or on every call when `always`). */
static void aud_cmd_progress(const inv_progress *p, size_t done, size_t n, bool always)
{
    if (!p->fn || (!always && done > 0 && done < n && done * 100 / n == (done - 1) * 100 / n))
        return;
    fprintf(stderr, "\rghgcalc: auditing %zu/%zu reports...", done, n);
    fflush(stderr);
}

/* One auditing thread: reports k, k + n, k + 2n, ... of the run (a fixed
 * share, so that which factor files each thread's database read does not
 * depend on timing), with its own factor-set database; the others only read
 * the rules, the folders and the paths, and write their own slots of ent. */
typedef struct {
    aud_cmd_run_state *s;
    size_t k;
    double tol;
    atomic_size_t *done;      /* reports audited by every thread */
    atomic_size_t *finished;  /* threads done */
    const inv_progress *prog; /* worker 0 prints the progress */
    bool failed;              /* out of memory */
} aud_cmd_worker;

static void *aud_cmd_work(void *arg)
{
    aud_cmd_worker *w = arg;
    aud_cmd_run_state *s = w->s;
    const cli_list *d = &s->dirs.dirs;
    for (size_t i = w->k; i < s->paths.n && !w->failed; i += s->nthreads) {
        s->b.ent[i] = aud_check(s->paths.v[i], s->rules, s->db[w->k], d->v, d->n, w->tol);
        w->failed = !s->b.ent[i];
        size_t done = atomic_fetch_add_explicit(w->done, 1, memory_order_relaxed) + 1;
        if (w->prog)
            aud_cmd_progress(w->prog, done, s->paths.n, false);
    }
    atomic_fetch_add(w->finished, 1);
    return NULL;
}

/* How many threads audit: one per core, at most AUD_CMD_MAX_THREADS, each
 * with AUD_CMD_PER_THREAD reports or more. */
static size_t aud_cmd_threads(size_t n)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t t = cores > 0 ? (size_t)cores : 1;
    t = t < AUD_CMD_MAX_THREADS ? t : AUD_CMD_MAX_THREADS;
    while (t > 1 && n / t < AUD_CMD_PER_THREAD)
        t--;
    return t;
}

/* Runs the workers (this thread is worker 0, and prints the progress until
 * the others are done); false when out of memory. */
static bool aud_cmd_run_workers(aud_cmd_run_state *s, const aud_cmd_opts *o, double tol)
{
    atomic_size_t done = 0, finished = 0;
    aud_cmd_worker w[AUD_CMD_MAX_THREADS];
    pthread_t th[AUD_CMD_MAX_THREADS];
    bool started[AUD_CMD_MAX_THREADS] = {false}, ok = true;
    inv_progress prog = cli_progress(o->base.quiet);
    for (size_t k = 0; k < s->nthreads; k++) {
        w[k] = (aud_cmd_worker){s, k, tol, &done, &finished, k == 0 && prog.fn ? &prog : NULL, false};
        ok = ok && (s->db[k] = fdb_new()) != NULL;
    }
    for (size_t k = 1; ok && k < s->nthreads; k++)
        started[k] = pthread_create(&th[k], NULL, aud_cmd_work, &w[k]) == 0;
    for (size_t k = 0; ok && k < s->nthreads; k++)
        if (k == 0 || !started[k]) /* a thread that did not start: this one does its share */
            aud_cmd_work(&w[k]);
    const struct timespec tick = {0, 100000000}; /* 0.1 s */
    while (ok && prog.fn && atomic_load(&finished) < s->nthreads) {
        aud_cmd_progress(&prog, atomic_load(&done), s->paths.n, true);
        nanosleep(&tick, NULL);
    }
    for (size_t k = 1; k < s->nthreads; k++)
        if (started[k])
            pthread_join(th[k], NULL);
    cli_progress_done(&prog);
    for (size_t k = 0; k < s->nthreads; k++)
        ok = ok && !w[k].failed;
    return ok;
}

/* Audits every report into s->b (input order) and sorts the risk order;
 * false when out of memory. */
static bool aud_cmd_audit_all(aud_cmd_run_state *s, const aud_cmd_opts *o, double tol)
{
    size_t n = s->paths.n;
    s->b = (aud_batch){.rules = s->rules,
                       .tolerance = isnan(tol) ? s->rules->tolerance : tol,
                       .fail_on = aud_cmd_fail_sev[o->fail_on]};
    s->b.ent = calloc(n, sizeof *s->b.ent);
    s->b.order = calloc(n, sizeof *s->b.order);
    if (!s->b.ent || !s->b.order || !cli_dirs_make(&s->dirs, &o->factors, NULL, s->paths.v[0]))
        return false;
    s->nthreads = aud_cmd_threads(n);
    bool ok = aud_cmd_run_workers(s, o, tol);
    s->b.n = n;
    for (size_t i = 0; i < n; i++)
        ok = ok && s->b.ent[i];
    if (ok)
        aud_batch_sort(&s->b);
    return ok;
}

/* qsort order of (path, sha256) pairs by path. */
static int aud_cmd_pair_cmp(const void *a, const void *b)
{
    return strcmp(((const char *const *)a)[0], ((const char *const *)b)[0]);
}

/* The factor and GWP files every thread's database read, each once, sorted
 * by path (the same list whichever thread read a file), into `in`. */
static bool aud_cmd_factor_inputs(const aud_cmd_run_state *s, cli_inputs *in)
{
    size_t total = 0, n = 0;
    for (size_t k = 0; k < s->nthreads; k++) {
        const char **p, **h;
        total += fdb_files(s->db[k], &p, &h);
    }
    const char *(*pairs)[2] = malloc((total ? total : 1) * sizeof *pairs);
    if (!pairs)
        return false;
    for (size_t k = 0; k < s->nthreads; k++) {
        const char **p, **h;
        size_t m = fdb_files(s->db[k], &p, &h);
        for (size_t i = 0; i < m; i++) {
            size_t j = 0;
            while (j < n && strcmp(pairs[j][0], p[i]) != 0)
                j++;
            if (j == n) {
                pairs[n][0] = p[i];
                pairs[n++][1] = h[i];
            }
        }
    }
    qsort(pairs, n, sizeof *pairs, aud_cmd_pair_cmp);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = cli_inputs_add(in, pairs[i][0], pairs[i][1]);
    free(pairs);
    return ok;
}

/* The input files for the About sheet: every report, the rules file, then
 * every factor and GWP file read. */
static bool aud_cmd_inputs(const aud_cmd_run_state *s, cli_inputs *in)
{
    bool ok = true;
    for (size_t i = 0; ok && i < s->b.n; i++) {
        const aud_enterprise *e = s->b.ent[i];
        ok = cli_inputs_add(in, e->path, e->rep ? e->rep->sha256 : "unreadable");
    }
    ok = ok && cli_inputs_add(in, s->rules->path, s->rules->sha256);
    return ok && aud_cmd_factor_inputs(s, in);
}

/* The audit writers, typed for the output step. */
static int aud_cmd_xlsx(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_audit_xlsx(r, p, m, e, n);
}
static int aud_cmd_csv(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_audit_csv(r, p, m, e, n);
}
static int aud_cmd_json(const void *r, const char *p, const rpt_meta *m, char *e, size_t n)
{
    return rpt_audit_json(r, p, m, e, n);
}

/* Writes the workbook, CSV and JSON; returns an exit status. */
static int aud_cmd_write(const aud_cmd_opts *o, const aud_cmd_run_state *s)
{
    static const cli_writers w = {aud_cmd_xlsx, aud_cmd_csv, aud_cmd_json};
    cli_inputs in = {0};
    int status = CLI_IO;
    size_t rows = 0;
    for (size_t i = 0; i < s->b.n; i++)
        rows += s->b.ent[i]->nrows + s->b.ent[i]->nfind;
    if (aud_cmd_inputs(s, &in)) {
        rpt_meta m = cli_meta(&o->base, &o->out, &in);
        m.constant_memory = rows >= AUD_CMD_LARGE_ROWS;
        status = cli_write(&o->out, &in, &m, &s->b, &w);
    } else
        fprintf(stderr, "ghgcalc: error: out of memory\n");
    cli_inputs_free(&in);
    return status;
}

/* ------------------------------------------------------------ the console */

/* One line for enterprise `e`: status, the report, declared and verified
 * totals with the deviation, and the counts by severity; for a report that
 * cannot be read, its first problem. */
static void aud_cmd_print_one(const aud_enterprise *e)
{
    aud_status st = aud_status_of(e);
    printf("%-16s %s", aud_status_name(st), e->path);
    if (st == AUD_ST_UNREADABLE) {
        const aud_finding *f = e->nfind ? &e->find[0] : NULL;
        printf(": %zu problem(s), the first at %u:%u: %s\n", e->count[AUD_ERROR], f ? f->at.line : 0, f ? f->at.col : 0,
               f && f->message ? f->message : "?");
        return;
    }
    printf(" (%s): declared %.2f t CO2", e->rep->id, e->declared_t);
    double pct = aud_deviation(e) * 100;
    if (e->recomputed) /* a deviation that rounds to 0.00 prints as +0.00, not -0.00 */
        printf(", verified %.2f t CO2 (%+.2f %%)", e->conservative_t, fabs(pct) < 0.005 ? 0.0 : pct);
    printf("; %zu error(s), %zu warning(s), %zu info\n", e->count[AUD_ERROR], e->count[AUD_WARNING],
           e->count[AUD_INFO]);
}

/* The summary line: reports by status, findings by severity, how many
 * reports fail at the --fail-on level, and the workbook written. */
static void aud_cmd_print_summary(const aud_batch *b, const char *out)
{
    size_t by[AUD_NSTATUS] = {0}, fail = 0, sev[AUD_NSEVERITY] = {0};
    for (size_t i = 0; i < b->n; i++) {
        by[aud_status_of(b->ent[i])]++;
        fail += aud_count_at_least(b->ent[i], b->fail_on) > 0;
        for (int k = 0; k < AUD_NSEVERITY; k++)
            sev[k] += b->ent[i]->count[k];
    }
    printf("audit: %zu report(s): %zu clean, %zu with warnings, %zu with errors, %zu unreadable, %zu not "
           "recomputable; %zu error(s), %zu warning(s), %zu info; %zu fail at --fail-on %s; wrote %s\n",
           b->n, by[AUD_ST_CLEAN], by[AUD_ST_WARNINGS], by[AUD_ST_ERRORS], by[AUD_ST_UNREADABLE],
           by[AUD_ST_NOT_RECOMPUTABLE], sev[AUD_ERROR], sev[AUD_WARNING], sev[AUD_INFO], fail,
           aud_severity_name(b->fail_on), out);
}

static void aud_cmd_state_free(aud_cmd_run_state *s)
{
    for (size_t i = 0; i < s->b.n; i++)
        aud_enterprise_free(s->b.ent[i]);
    free(s->b.ent);
    free(s->b.order);
    cli_dirs_free(&s->dirs);
    for (size_t k = 0; k < AUD_CMD_MAX_THREADS; k++)
        fdb_free(s->db[k]);
    aud_rules_free(s->rules);
    free(s->rules_path);
    for (size_t i = 0; i < s->owned.n; i++)
        free((char *)s->owned.v[i]);
    cli_list_free(&s->owned);
    cli_list_free(&s->paths);
}

/* Audits, writes and prints; returns the exit status. */
static int aud_cmd_go(const aud_cmd_opts *o, aud_cmd_run_state *s, double tol)
{
    int status = aud_cmd_expand(s, &o->base.files);
    if (status == CLI_OK)
        status = aud_cmd_load_rules(s, o->rules, s->paths.v[0]);
    if (status != CLI_OK)
        return status;
    if (!aud_cmd_audit_all(s, o, tol)) {
        fprintf(stderr, "ghgcalc: error: out of memory\n");
        return CLI_IO;
    }
    status = aud_cmd_write(o, s);
    if (status != CLI_OK)
        return status;
    for (size_t i = 0; !o->base.quiet && i < s->b.n; i++)
        aud_cmd_print_one(s->b.ent[i]);
    if (!o->base.quiet)
        aud_cmd_print_summary(&s->b, o->out.path);
    return aud_batch_count_at_least(&s->b, s->b.fail_on) ? CLI_FINDINGS : CLI_OK;
}

static int aud_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    aud_cmd_opts *o = opts;
    aud_cmd_run_state s = {0};
    double tol = NAN;
    int status;
    if (o->base.files.n == 0 || !o->out.path)
        status = cli_usage_error("audit", "give one or more reports (or a folder of them) and -o OUT.xlsx");
    else if (o->tolerance && !aud_cmd_tolerance(o->tolerance, &tol))
        status = cli_usage_error("audit", "--tolerance takes a percentage from 0 to 100 such as '0.5%%', not '%s'",
                                 o->tolerance);
    else
        status = aud_cmd_go(o, &s, tol);
    aud_cmd_state_free(&s);
    cli_list_free(&o->factors);
    return status;
}

/* ------------------------------------------------------------ check */

/* `check` on a report: loads it and recomputes it (no rules applied); its
 * problems print as file:line:col errors. */
static int aud_cmd_check_report(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    const char *path = yr_path(yr);
    aud_rules none = {.path = "", .tolerance = NAN};
    fset_db *db = fdb_new();
    cli_dirs d = {0};
    aud_enterprise *e = NULL;
    if (db && cli_dirs_make(&d, factor_dirs, NULL, path))
        e = aud_check_from(yr, &none, db, d.dirs.v, d.dirs.n, NAN);
    else
        yr_close(yr);
    for (size_t i = 0; e && i < e->nfind; i++)
        diag_error(dl, e->find[i].at, "%s", e->find[i].message ? e->find[i].message : "?");
    int status = cli_finish(dl, e != NULL);
    if (status == CLI_OK && !quiet)
        printf("%s: ok: report '%s' (%s, %ld), %zu calculation rows, recomputed %.2f t CO2\n", path, e->rep->id,
               aud_industry_name(e->rep->industry), e->rep->year, e->nrows, e->recomputed_t);
    aud_enterprise_free(e);
    cli_dirs_free(&d);
    fdb_free(db);
    return status;
}

/* `check` on a rules file. */
static int aud_cmd_check_rules(struct yreader *yr, diag_list *dl, const cli_list *factor_dirs, bool quiet)
{
    (void)factor_dirs;
    const char *path = yr_path(yr);
    aud_rules *rs = aud_rules_load_from(yr, dl);
    int status = cli_finish(dl, rs != NULL);
    size_t on = 0;
    for (size_t i = 0; rs && i < rs->n; i++)
        on += rs->rules[i].enabled;
    if (rs && status == CLI_OK && !quiet)
        printf("%s: ok: rules '%s', %zu rules (%zu enabled), tolerance %s\n", path, rs->id, rs->n, on,
               rs->tolerance_text ? rs->tolerance_text : "?");
    aud_rules_free(rs);
    return status;
}

static const cli_kind aud_cmd_kinds[] = {
    {"report", aud_cmd_check_report}, {"rule_set", aud_cmd_check_rules}, {NULL, NULL}};

const cli_command cmd_audit = {
    "audit",
    "verify enterprise emission reports in batch: findings workbook (+ CSV, JSON)",
    "usage: ghgcalc audit REPORT.yaml... | DIR -o OUT.xlsx [--rules FILE] [--tolerance 0.5%] [--fail-on "
    "error|warning]\n"
    "                     [--lang en|zh] [--factors DIR]... [--csv F] [--json F] [--no-csv-json] [--quiet]\n"
    "Recomputes each enterprise emission report (a folder: every *.yaml in it) with the inventory engine, applies\n"
    "the verification rules (docs/audit.md) and writes the findings workbook with OUT.csv (one row per finding)\n"
    "and OUT.json beside it; prints one line per report and a summary. A report that cannot be read is itself a\n"
    "finding; the others are still checked. Exit 0 when no finding reaches --fail-on, 1 when one does.\n",
    aud_cmd_opts_table,
    sizeof(aud_cmd_opts),
    aud_cmd_run,
    aud_cmd_kinds,
};
