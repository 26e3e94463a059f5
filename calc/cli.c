/* cli.c - the command line: the command table's dispatch, option parsing, messages, progress and the output step. */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "afile.h"

#ifndef GHGCALC_VERSION
#define GHGCALC_VERSION "0.1.0"
#endif
#ifndef GHGCALC_DATADIR
#define GHGCALC_DATADIR "/usr/local/share/ghgcalc"
#endif

#define CLI_MAX_SHOWN_ERRORS 100 /* messages printed; the rest are counted */

bool cli_list_add(cli_list *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return false;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return true;
}

void cli_list_free(cli_list *l)
{
    free(l->v);
    *l = (cli_list){0};
}

static const char *const cli_langs[] = {"en", "zh", NULL};

const cli_opt cli_out_opts[] = {
    {"--output", "-o", CLI_TEXT, offsetof(cli_out, path), "OUT.xlsx", "the workbook to write", NULL, NULL},
    {"--lang", NULL, CLI_CHOICE, offsetof(cli_out, lang), "en|zh", "language of the workbook's labels", cli_langs,
     NULL},
    {"--csv", NULL, CLI_TEXT, offsetof(cli_out, csv), "F", "the CSV to write (default: beside -o)", NULL, NULL},
    {"--json", NULL, CLI_TEXT, offsetof(cli_out, json), "F", "the JSON to write (default: beside -o)", NULL, NULL},
    {"--no-csv-json", NULL, CLI_FLAG, offsetof(cli_out, no_machine), NULL, "write the workbook only", NULL, NULL},
    {"--csv-bom", NULL, CLI_FLAG, offsetof(cli_out, csv_bom), NULL,
     "start the CSV with a UTF-8 byte order mark (Excel on Chinese Windows then reads it as UTF-8)", NULL, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* The --factors option keeps its folders in a cli_list (the offset is
 * relative to it). */
const cli_opt cli_factors_opt[] = {
    {"--factors", NULL, CLI_LIST, 0, "DIR", "a folder of factor sets, searched first (repeatable)", NULL, NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

static const cli_opt cli_base_opts[] = {
    {"--quiet", "-q", CLI_FLAG, offsetof(cli_base, quiet), NULL, "no progress and no summary on the console", NULL,
     NULL},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ messages */

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ghgcalc%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nUse 'ghgcalc%s%s --help'.\n", cmd ? " " : "", cmd ? cmd : "");
    return CLI_INPUT;
}

int cli_report(const diag_list *dl)
{
    diag_print(dl, stderr, isatty(STDERR_FILENO) || getenv("GHGCALC_SHOW_SOURCE"), CLI_MAX_SHOWN_ERRORS);
    return diag_error_count(dl) ? CLI_INPUT : CLI_OK;
}

int cli_finish(const diag_list *dl, bool ok)
{
    int status = dl ? cli_report(dl) : CLI_INPUT;
    return status == CLI_OK && !ok ? CLI_INPUT : status;
}

/* Progress on stderr: "ghgcalc: reading 65536 records...". */
static void cli_progress_print(void *ctx, const char *stage, size_t done, size_t total)
{
    (void)ctx;
    if (total)
        fprintf(stderr, "\rghgcalc: %s %zu/%zu records...", stage, done, total);
    else
        fprintf(stderr, "\rghgcalc: %s %zu records...", stage, done);
    fflush(stderr);
}

inv_progress cli_progress(bool quiet)
{
    if (quiet || !isatty(STDERR_FILENO))
        return (inv_progress){NULL, NULL};
    return (inv_progress){cli_progress_print, NULL};
}

void cli_progress_done(const inv_progress *p)
{
    if (p->fn)
        fputs("\r\033[K", stderr);
}

/* ------------------------------------------------------------------ options */

/* Finds option `name` in `opts` (groups included); *base gets the offset
 * of the struct its offset is relative to. */
static const cli_opt *cli_find_opt(const cli_opt *opts, const char *name, size_t *base)
{
    for (const cli_opt *o = opts; o && o->name; o++) {
        if (o->kind == CLI_GROUP) {
            size_t inner = 0;
            const cli_opt *hit = cli_find_opt(o->group, name, &inner);
            if (hit) {
                *base = o->offset + inner;
                return hit;
            }
        } else if (strcmp(o->name, name) == 0 || (o->alias && strcmp(o->alias, name) == 0)) {
            *base = 0;
            return o;
        }
    }
    return NULL;
}

/* The commands that have option `name`, as "ghgcalc inventory, intensity and
 * audit", into buf; false when none has. */
static bool cli_owners(const cli_command *const *all, size_t nall, const char *name, char *buf, size_t len)
{
    const char *own[64];
    size_t n = 0, used = 0;
    for (size_t i = 0; i < nall && n < sizeof own / sizeof *own; i++) {
        size_t base;
        if (cli_find_opt(all[i]->opts, name, &base))
            own[n++] = all[i]->name;
    }
    buf[0] = '\0';
    for (size_t k = 0; k < n && used < len; k++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", k == 0 ? "ghgcalc " : k + 1 == n ? " and " : ", ",
                                 own[k]);
    return n > 0;
}

/* Stores `value` for option `o` at `field`; returns an exit status. */
static int cli_store(const char *cmd, const cli_opt *o, const char *shown, void *field, const char *value)
{
    switch (o->kind) {
    case CLI_FLAG:
        *(bool *)field = true;
        return CLI_OK;
    case CLI_TEXT:
        if (*(const char **)field)
            return cli_usage_error(cmd, "option '%s' is given twice: give it once", shown);
        *(const char **)field = value;
        return CLI_OK;
    case CLI_LIST:
        return cli_list_add(field, value) ? CLI_OK : CLI_IO;
    case CLI_CHOICE: {
        char all[128] = "";
        size_t used = 0;
        for (int i = 0; o->choices[i]; i++) {
            if (strcmp(o->choices[i], value) == 0) {
                *(int *)field = i;
                return CLI_OK;
            }
            used += (size_t)snprintf(all + used, sizeof all - used, "%s%s", i == 0 ? "" : o->choices[i + 1] ? ", " : " or ",
                                     o->choices[i]);
            if (used >= sizeof all)
                used = sizeof all - 1;
        }
        return cli_usage_error(cmd, "%s takes %s, not '%s'", shown, all, value);
    }
    case CLI_COUNT: {
        char *end;
        errno = 0;
        unsigned long v = strtoul(value, &end, 10);
        if (errno || *end || end == value || value[0] == '-' || v == 0)
            return cli_usage_error(cmd, "%s takes a whole number from 1, not '%s'", shown, value);
        *(unsigned long *)field = v;
        return CLI_OK;
    }
    case CLI_GROUP:
        break;
    }
    return CLI_INPUT;
}

/* Parses argv[2..] into `opts` by the command's table; returns an exit
 * status, or -1 after printing the help. */
static int cli_parse(int argc, char **argv, const cli_command *cmd, void *opts, const cli_command *const *all,
                     size_t nall)
{
    cli_base *b = opts;
    bool only_files = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            if (!cli_list_add(&b->files, a))
                return CLI_IO;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            return -1;
        char name[64];
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
        snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
        size_t base = 0;
        const cli_opt *o = cli_find_opt(cmd->opts, name, &base);
        if (!o)
            o = cli_find_opt(cli_base_opts, name, &base);
        if (!o) {
            char owners[256];
            if (cli_owners(all, nall, name, owners, sizeof owners))
                return cli_usage_error(cmd->name, "option '%s' is for %s, not for '%s'", name, owners, cmd->name);
            return cli_usage_error(cmd->name, "unknown option '%s'", name);
        }
        const char *value = NULL;
        if (o->kind != CLI_FLAG) {
            value = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
            if (!value)
                return cli_usage_error(cmd->name, "option '%s' needs a value", name);
        } else if (eq)
            return cli_usage_error(cmd->name, "option '%s' takes no value", name);
        int st = cli_store(cmd->name, o, name, (char *)opts + base + o->offset, value);
        if (st != CLI_OK)
            return st;
    }
    return CLI_OK;
}

/* Prints the option lines of `opts` (groups expanded) for a command's help. */
static void cli_print_opts(const cli_opt *opts)
{
    for (const cli_opt *o = opts; o && o->name; o++) {
        if (o->kind == CLI_GROUP) {
            cli_print_opts(o->group);
            continue;
        }
        char left[64];
        snprintf(left, sizeof left, "%s%s%s%s%s", o->alias ? o->alias : "", o->alias ? ", " : "", o->name,
                 o->arg && o->kind != CLI_FLAG ? " " : "", o->arg && o->kind != CLI_FLAG ? o->arg : "");
        printf("  %-26s %s\n", left, o->help);
    }
}

const cli_kind cli_kinds_every[] = {{NULL, NULL}};

/* Lists the file kinds of every command, by the top-level key that tells
 * each: the help of `check`, made from the command table. */
static void cli_print_kinds(const cli_command *const *all, size_t nall)
{
    const char *fallback = NULL;
    puts("\nfile kinds, told by the first top-level key:");
    for (size_t c = 0; c < nall; c++)
        for (const cli_kind *k = all[c]->kinds; k && k->first_key; k++) {
            if (k->first_key[0])
                printf("  %-26s as 'ghgcalc %s' reads it\n", k->first_key, all[c]->name);
            else if (!fallback)
                fallback = all[c]->name;
        }
    if (fallback)
        printf("  %-26s as 'ghgcalc %s' reads it\n", "(any other)", fallback);
}

static void cli_command_help(const cli_command *cmd, const cli_command *const *all, size_t nall)
{
    fputs(cmd->usage, stdout);
    if (cmd->kinds == cli_kinds_every)
        cli_print_kinds(all, nall);
    puts("\noptions:");
    cli_print_opts(cmd->opts);
    cli_print_opts(cli_base_opts);
    printf("  %-26s %s\n", "-h, --help", "this help");
}

static void cli_help(FILE *out, const cli_command *const *all, size_t nall)
{
    fputs("ghgcalc " GHGCALC_VERSION " - greenhouse-gas inventory calculator\n\n"
          "usage: ghgcalc COMMAND [options]\n\ncommands:\n",
          out);
    for (size_t i = 0; i < nall; i++)
        fprintf(out, "  %-11s %s\n", all[i]->name, all[i]->summary);
    fputs("\noptions: --help, --version; 'ghgcalc COMMAND --help' for a command's options.\n"
          "exit status: 0 ok, 1 findings, 2 input or usage error, 3 output error.\n",
          out);
}

/* "ghgcalc inventory a.yaml -o x.xlsx": the command line as typed. */
static char *cli_command_line(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(i ? argv[i] : "ghgcalc") + 1;
    char *s = malloc(len);
    if (!s)
        return NULL;
    size_t used = 0;
    for (int i = 0; i < argc; i++)
        used += (size_t)snprintf(s + used, len - used, "%s%s", i ? " " : "", i ? argv[i] : "ghgcalc");
    return s;
}

/* Frees the CLI_LIST options of table `t` in `opts` (groups included): what
 * the command's run function would have freed, when it does not run. */
static void cli_free_lists(const cli_opt *t, void *opts)
{
    for (; t && t->name; t++) {
        if (t->kind == CLI_LIST)
            cli_list_free((cli_list *)((char *)opts + t->offset));
        else if (t->kind == CLI_GROUP)
            cli_free_lists(t->group, (char *)opts + t->offset);
    }
}

/* Parses the options of command `cmd` and runs it. */
static int cli_run(int argc, char **argv, const cli_command *cmd, const cli_command *const *all, size_t nall)
{
    void *opts = calloc(1, cmd->opts_size);
    char *line = cli_command_line(argc, argv);
    int status = CLI_IO;
    if (opts && line) {
        cli_base *b = opts;
        b->command = cmd->name;
        b->command_line = line;
        status = cli_parse(argc, argv, cmd, opts, all, nall);
        if (status < 0) {
            cli_command_help(cmd, all, nall);
            cli_free_lists(cmd->opts, opts);
            status = CLI_OK;
        } else if (status == CLI_OK)
            status = cmd->run(opts, all, nall);
        else
            cli_free_lists(cmd->opts, opts); /* a usage error: the run, which frees them, did not happen */
        cli_list_free(&b->files);
    }
    /* Lists inside the command's options (--factors, ...) are the command's to free. */
    free(line);
    free(opts);
    return status;
}

int cli_main(int argc, char **argv, const cli_command *const *all, size_t nall)
{
    /* A file-size limit (ulimit -f) must not kill the run with SIGXFSZ in the
     * middle of a write: ignored, the write fails with EFBIG, the output
     * step says so, removes its temporary files and exits 3. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        cli_help(stderr, all, nall);
        return CLI_INPUT;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        cli_help(stdout, all, nall);
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("ghgcalc %s\n", GHGCALC_VERSION);
        return CLI_OK;
    }
    for (size_t c = 0; c < nall; c++)
        if (strcmp(argv[1], all[c]->name) == 0)
            return cli_run(argc, argv, all[c], all, nall);
    fprintf(stderr, "ghgcalc: unknown command '%s'\nUse 'ghgcalc --help'.\n", argv[1]);
    return CLI_INPUT;
}

/* ------------------------------------------------------------------ factor folders */

/* Keeps a malloc'd copy of `s` in d->owned and adds it to d->dirs. */
static bool cli_dirs_own(cli_dirs *d, char *s)
{
    if (!s || !cli_list_add(&d->owned, s)) {
        free(s);
        return false;
    }
    return cli_list_add(&d->dirs, s);
}

/* "FOLDER/../factors" for the folder of `path` ("../factors" for a bare name). */
static char *cli_beside_factors(const char *path)
{
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path) : 0;
    size_t len = (size_t)dir + sizeof "/../factors";
    char *s = malloc(len);
    if (s)
        snprintf(s, len, "%.*s%s../factors", dir, path, slash ? "/" : "");
    return s;
}

bool cli_dirs_make(cli_dirs *d, const cli_list *given, const inventory *inv, const char *near)
{
    *d = (cli_dirs){0};
    bool ok = true;
    for (size_t i = 0; given && i < given->n; i++)
        ok = ok && cli_list_add(&d->dirs, given->v[i]);
    for (size_t i = 0; inv && i < inv->ndirs; i++)
        ok = ok && cli_list_add(&d->dirs, inv->factor_dirs[i]);
    const char *env = getenv("GHGCALC_FACTORS");
    for (const char *p = env; ok && p && *p;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        if (len)
            ok = cli_dirs_own(d, strndup(p, len));
        p = colon ? colon + 1 : p + len;
    }
    if (ok && near)
        ok = cli_dirs_own(d, cli_beside_factors(near));
    ok = ok && cli_list_add(&d->dirs, "factors") && cli_list_add(&d->dirs, GHGCALC_DATADIR "/factors");
    return ok;
}

void cli_dirs_free(cli_dirs *d)
{
    for (size_t i = 0; i < d->owned.n; i++)
        free((char *)d->owned.v[i]);
    cli_list_free(&d->owned);
    cli_list_free(&d->dirs);
}

/* ------------------------------------------------------------------ outputs */

bool cli_inputs_add(cli_inputs *in, const char *path, const char *sha256)
{
    return cli_list_add(&in->paths, path) && cli_list_add(&in->sha256, sha256);
}

void cli_inputs_free(cli_inputs *in)
{
    cli_list_free(&in->paths);
    cli_list_free(&in->sha256);
}

rpt_meta cli_meta(const cli_base *b, const cli_out *o, const cli_inputs *in)
{
    return (rpt_meta){.zh = o->lang == 1,
                      .csv_bom = o->csv_bom,
                      .tool_version = GHGCALC_VERSION,
                      .command_line = b->command_line,
                      .input_paths = in->paths.v,
                      .input_sha256 = in->sha256.v,
                      .ninputs = in->paths.n};
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

/* The three outputs of `o`: the workbook, and unless --no-csv-json the CSV
 * and the JSON (given, or beside the workbook); malloc'd into out[1..2]
 * (NULL when not written). False when out of memory. */
static bool cli_out_paths(const cli_out *o, char *out[3])
{
    out[0] = (char *)o->path;
    out[1] = out[2] = NULL;
    if (o->no_machine)
        return true;
    out[1] = o->csv ? strdup(o->csv) : cli_beside(o->path, ".csv");
    out[2] = o->json ? strdup(o->json) : cli_beside(o->path, ".json");
    return out[1] && out[2];
}

/* Whether `path` ends in `ext`, ASCII case aside. */
static bool cli_has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0 && path[n - e - 1] != '/';
}

/* Refuses output `target` when it is the input file `in`; an exit status. */
static int cli_not_input(const char *target, const char *in)
{
    if (!afile_same(target, in))
        return CLI_OK;
    fprintf(stderr, "%s: error: output would overwrite the input file '%s': choose another output path\n", target,
            in);
    return CLI_INPUT;
}

/* The names of the three outputs, for messages. */
static const char *const cli_out_names[3] = {"workbook (-o)", "CSV (--csv)", "JSON (--json)"};

/* Checks the output paths of `o` against the inputs named on the command
 * line and against each other; an exit status. */
static int cli_out_check_paths(const cli_base *b, const cli_out *o, char *const out[3])
{
    int status = CLI_OK;
    for (size_t i = 0; i < 3 && status == CLI_OK; i++)
        for (size_t k = 0; out[i] && k < b->files.n && status == CLI_OK; k++)
            status = cli_not_input(out[i], b->files.v[k]);
    if (status == CLI_OK && !cli_has_ext(o->path, ".xlsx")) {
        size_t n = strlen(o->path);
        char *fix = n && o->path[n - 1] == '/' ? NULL : cli_beside(o->path, ".xlsx");
        status = cli_usage_error(b->command, "-o '%s' does not end in .xlsx: -o names the workbook (the CSV and JSON "
                                 "are written beside it, or where --csv and --json say): give -o %s",
                                 o->path, fix ? fix : "FOLDER/OUT.xlsx");
        free(fix);
    }
    for (size_t i = 0; i < 3 && status == CLI_OK; i++)
        for (size_t k = i + 1; out[i] && k < 3 && status == CLI_OK; k++)
            if (out[k] && afile_same(out[i], out[k]))
                status = cli_usage_error(b->command, "the %s and the %s would both be written to '%s': give each "
                                         "output its own file", cli_out_names[i], cli_out_names[k], out[k]);
    return status;
}

int cli_out_check(const cli_base *b, const cli_out *o)
{
    if (!o->path || !*o->path)
        return cli_usage_error(b->command, "%s: give the workbook to write, such as -o out.xlsx",
                               o->path ? "-o is empty" : "-o is missing");
    if ((o->csv && !*o->csv) || (o->json && !*o->json))
        return cli_usage_error(b->command, "%s is empty: give a file name, or leave the option out",
                               o->csv && !*o->csv ? "--csv" : "--json");
    char *out[3];
    int status = cli_out_paths(o, out) ? cli_out_check_paths(b, o, out) : CLI_IO;
    free(out[1]);
    free(out[2]);
    return status;
}

/* Refuses outputs that would overwrite an input or cannot be written;
 * returns an exit status. */
static int cli_check_targets(char *const targets[3], const cli_inputs *in)
{
    for (size_t i = 0; i < 3; i++) {
        if (!targets[i])
            continue;
        for (size_t k = 0; k < in->paths.n; k++)
            if (cli_not_input(targets[i], in->paths.v[k]) != CLI_OK)
                return CLI_INPUT;
        int status = cli_check_output(targets[i]);
        if (status != CLI_OK)
            return status;
    }
    return CLI_OK;
}

int cli_check_output(const char *path)
{
    if (afile_check_dir(path) == 0)
        return CLI_OK;
    fprintf(stderr, "%s: error: cannot write here: %s (%s)\n", path, strerror(errno),
            errno == EISDIR ? "give a file name, not a folder" : "check that the folder exists and is writable");
    return CLI_IO;
}

/* The cause of a failed write, from the errno its writer left: the
 * libraries' own messages ("Zip generic error ZIP_ERRNO ...") do not say it.
 * Only the errnos a failed write can mean count (a library may leave an
 * unrelated errno from a call that did not matter); NULL otherwise. */
static const char *cli_write_cause(int e)
{
    switch (e) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case EIO:
    case EROFS:
    case EACCES:
    case EPERM:
    case ENAMETOOLONG:
    case EMFILE:
    case ENFILE:
    case ENOMEM:
        return strerror(e);
    default:
        return NULL;
    }
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
    int cause;              /* errno after the failure */
    char err[512];
} cli_machine_job;

static void *cli_machine_write(void *arg)
{
    cli_machine_job *j = arg;
    errno = 0;
    if (!j->tc || j->w->csv(j->result, j->tc, j->m, j->err, sizeof j->err) != 0)
        j->failed = j->csv;
    else if (!j->tj || j->w->json(j->result, j->tj, j->m, j->err, sizeof j->err) != 0)
        j->failed = j->json;
    j->cause = j->failed ? errno : 0;
    return NULL;
}

/* Prints that `failed` could not be written: the writer's message `err`,
 * then the cause when the message does not already give it. */
static void cli_write_failed(const char *failed, const char *err, int e)
{
    const char *cause = cli_write_cause(e);
    if (cause && strstr(err, cause))
        cause = NULL;
    int len = (int)strlen(err);
    if (len > 0 && err[len - 1] == '.')
        len--; /* the library's full stop: the cause follows */
    fprintf(stderr, "%s: error: cannot write: %.*s%s%s%s\n", failed, len, len ? err : "out of memory",
            cause ? " (" : "", cause ? cause : "", cause ? ")" : "");
}

/* Writes every file of group `g` (the workbook here, the machine outputs on
 * a second thread) and commits them together; returns an exit status. */
static int cli_write_group(afile_group *g, const cli_out *o, const char *csv, const char *json, const rpt_meta *m,
                           const void *result, const cli_writers *w)
{
    const char *tx = afile_add(g, o->path);
    cli_machine_job job = {.w = w, .result = result, .m = m, .csv = csv, .json = json};
    pthread_t thread;
    bool threaded = false;
    if (!o->no_machine) {
        job.tc = afile_add(g, csv);
        job.tj = afile_add(g, json);
    }
    /* Ctrl-C or kill from here on removes the temporary files (before the writer thread exists: it inherits
     * the blocked signals). */
    afile_guard *guard = afile_guard_start(g);
    if (!o->no_machine)
        threaded = pthread_create(&thread, NULL, cli_machine_write, &job) == 0;
    char err[512] = "";
    const char *failed = NULL;
    errno = 0;
    if (!tx || w->xlsx(result, tx, m, err, sizeof err) != 0)
        failed = o->path;
    int cause = failed ? errno : 0;
    if (threaded)
        pthread_join(thread, NULL);
    else if (!o->no_machine)
        cli_machine_write(&job);
    if (!failed && job.failed) {
        failed = job.failed;
        cause = job.cause;
        memcpy(err, job.err, sizeof err);
    }
    int status = CLI_OK;
    if (failed) {
        cli_write_failed(failed, err, cause);
        afile_abort(g);
        status = CLI_IO;
    } else if (afile_guard_commit(guard, g, &failed) != 0) {
        int e = errno;
        fprintf(stderr, "%s: error: cannot put the new file in place: %s (no output was changed)%s\n", failed,
                strerror(e), e == EPERM || e == EACCES ? ": check that the file is yours and not immutable (lsattr)"
                                                       : "");
        status = CLI_IO;
    }
    afile_guard_stop(guard);
    return status;
}

int cli_write(const cli_out *o, const cli_inputs *in, const rpt_meta *m, const void *result, const cli_writers *w)
{
    char *out[3];
    int status = cli_out_paths(o, out) ? cli_check_targets(out, in) : CLI_IO;
    afile_group g = {0};
    if (status == CLI_OK)
        status = cli_write_group(&g, o, out[1], out[2], m, result, w);
    afile_free(&g);
    free(out[1]);
    free(out[2]);
    return status;
}
