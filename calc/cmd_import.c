/* cmd_import.c - `ghgcalc import T.xlsx|T.csv... -o OUT.yaml`: a filled-in template into YAML, checked by the loader
 * before it is kept. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "afile.h"
#include "audit.h"
#include "cli.h"
#include "cli_compute.h"
#include "csv_in.h"
#include "engine.h"
#include "import.h"
#include "series.h"
#include "xlsx_in.h"

#ifndef GHGCALC_VERSION
#define GHGCALC_VERSION "0.1.0"
#endif

typedef struct {
    cli_base base;
    const char *out;
    int kind;     /* 0 auto, then the index of a tpl kind + 1 */
    int encoding; /* index into imp_cmd_encodings */
    cli_list factors;
} imp_cmd_opts;

static const char *const imp_cmd_kinds[] = {"auto", "inventory", "series", "report", NULL};
static const char *const imp_cmd_encodings[] = {"auto", "utf-8", "gb18030", NULL};

static const cli_opt imp_cmd_opts_table[] = {
    {"--output", "-o", CLI_TEXT, offsetof(imp_cmd_opts, out), "OUT.yaml", "the YAML file to write", NULL, NULL},
    {"--kind", NULL, CLI_CHOICE, offsetof(imp_cmd_opts, kind), "inventory|series|report",
     "what the workbook holds (default: told by its sheets)", imp_cmd_kinds, NULL},
    {"--encoding", NULL, CLI_CHOICE, offsetof(imp_cmd_opts, encoding), "auto|utf-8|gb18030",
     "encoding of CSV files (default: UTF-8 if valid, else GB18030)", imp_cmd_encodings, NULL},
    {"", NULL, CLI_GROUP, offsetof(imp_cmd_opts, factors), NULL, NULL, NULL, cli_factors_opt},
    {NULL, NULL, 0, 0, NULL, NULL, NULL, NULL},
};

/* Whether `path` names a CSV (or text) file rather than a workbook. */
static bool imp_cmd_is_csv(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".tsv") == 0);
}

/* Reads every input file into books[]; returns how many were read (all, or 0 after an error). */
static size_t imp_cmd_read(const imp_cmd_opts *o, grid_book **books, grid_log *log)
{
    static const cin_encoding enc[] = {CIN_AUTO, CIN_UTF8, CIN_GB18030};
    size_t n = 0;
    for (size_t i = 0; i < o->base.files.n; i++) {
        const char *p = o->base.files.v[i];
        grid_book *b = imp_cmd_is_csv(p) ? cin_read(p, enc[o->encoding], log) : xin_read(p, log);
        if (b)
            books[n++] = b;
    }
    if (n < o->base.files.n) {
        for (size_t i = 0; i < n; i++)
            grid_free(books[i]);
        return 0;
    }
    return n;
}

/* Replaces every `from` in `text` by `to` into buf (the temporary file's
 * name in a loader's message becomes the output's). */
static void imp_cmd_replace(const char *text, const char *from, const char *to, char *buf, size_t len)
{
    size_t o = 0, fl = strlen(from);
    while (*text && o + 1 < len) {
        if (fl && strncmp(text, from, fl) == 0) {
            o += (size_t)snprintf(buf + o, len - o, "%s", to);
            text += fl;
        } else
            buf[o++] = *text++;
    }
    buf[o < len ? o : len - 1] = '\0';
}

/* Moves the loader's messages about the written YAML into the log, each at
 * the cell its line came from (a message on another file keeps its place). */
static void imp_cmd_map(const diag_list *dl, const imp_doc *doc, const char *tmp, const char *out, grid_log *log,
                        const char *input)
{
    for (size_t i = 0; i < diag_count(dl); i++) {
        diag_level lv;
        src_loc at;
        const char *text = diag_get(dl, i, &lv, &at);
        char msg[1200];
        imp_cmd_replace(text, tmp, out, msg, sizeof msg);
        imp_cell cell;
        if (at.file && strcmp(at.file, tmp) == 0 && imp_line_cell(doc, at.line, &cell))
            grid_log_cell(log, lv, cell.book, cell.sheet, cell.row, cell.col, "%s", msg);
        else if (at.file && strcmp(at.file, tmp) == 0)
            grid_log_file(log, lv, input, "%s", msg);
        else if (at.file && at.line) {
            char where[1024];
            snprintf(where, sizeof where, "%s:%u:%u", at.file, at.line, at.col);
            grid_log_file(log, lv, where, "%s", msg);
        } else
            grid_log_file(log, lv, at.file ? at.file : input, "%s", msg);
    }
}

/* Loads the YAML just written at `tmp` with ghgcalc's own loader for kind
 * `k` (an inventory is also computed), so that an import never leaves a
 * file `check` would refuse. Messages go to `dl`; *summary gets a line. */
static void imp_cmd_check(const imp_cmd_opts *o, const tpl_kind *k, const char *tmp, diag_list *dl, char *summary,
                          size_t len)
{
    fset_db *db = fdb_new();
    cli_dirs d;
    if (!db) {
        diag_error(dl, (src_loc){tmp, 0, 0}, "out of memory");
        return;
    }
    if (strcmp(k->id, "inventory") == 0) {
        inventory *inv = inv_load(tmp, dl, NULL);
        if (inv && (diag_error_count(dl) == 0 || inv_computable(inv)) && cli_dirs_make(&d, &o->factors, inv, tmp)) {
            eng_result *r = eng_run(inv, db, d.dirs.v, d.dirs.n, dl, NULL);
            if (r && diag_error_count(dl) == 0)
            {
                char total[160];
                cli_total_text(r, total, sizeof total);
                snprintf(summary, len, "%zu records, %s", inv->n, total);
            }
            eng_free(r);
            cli_dirs_free(&d);
        }
        inv_free(inv);
    } else if (strcmp(k->id, "series") == 0) {
        ser_series *s = ser_load(tmp, dl);
        if (s && diag_error_count(dl) == 0 && cli_dirs_make(&d, &o->factors, NULL, tmp)) {
            if (ser_resolve(s, db, d.dirs.v, d.dirs.n, dl))
                snprintf(summary, len, "%zu years", s->nyears);
            cli_dirs_free(&d);
        }
        ser_free(s);
    } else {
        aud_report *r = aud_load(tmp, dl);
        if (r && diag_error_count(dl) == 0)
            snprintf(summary, len, "enterprise report");
        aud_report_free(r);
    }
    fdb_free(db);
}

/* The comment at the top of the YAML written. */
static void imp_cmd_header(const imp_cmd_opts *o, char *buf, size_t len)
{
    size_t used = (size_t)snprintf(buf, len, "# Written by ghgcalc %s from", GHGCALC_VERSION);
    for (size_t i = 0; i < o->base.files.n && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, " %s", o->base.files.v[i]);
    if (used < len)
        snprintf(buf + used, len - used,
                 "\n# (%s).\n# The comment after each value names the cell it came from. Fix a value in the workbook "
                 "and import\n# again, or edit this file (it is the documented format, docs/input-format.md).\n",
                 o->base.command_line);
}

/* Writes the document to a temporary file beside `out`, checks it with the
 * loader and renames it into place only when every check passed; returns
 * an exit status. */
static int imp_cmd_write(const imp_cmd_opts *o, const tpl_kind *k, imp_doc *doc, grid_log *log, char *summary,
                         size_t len)
{
    if (cli_check_output(o->out) != CLI_OK)
        return CLI_IO;
    afile_group g = {0};
    const char *tmp = afile_add(&g, o->out);
    afile_guard *guard = afile_guard_start(&g);
    FILE *f = tmp ? fopen(tmp, "w") : NULL;
    char header[2048];
    imp_cmd_header(o, header, sizeof header);
    bool written = f && imp_write(doc, f, header);
    if (f && fclose(f) != 0)
        written = false;
    int status = CLI_OK;
    if (!written) {
        fprintf(stderr, "%s: error: cannot write: %s\n", o->out, tmp ? "disk full or no permission" : "out of memory");
        status = CLI_IO;
    } else {
        diag_list *dl = diag_new();
        if (dl)
            imp_cmd_check(o, k, tmp, dl, summary, len);
        if (dl)
            imp_cmd_map(dl, doc, tmp, o->out, log, o->base.files.v[0]);
        status = !dl || diag_error_count(dl) ? CLI_INPUT : CLI_OK;
        diag_free(dl);
    }
    const char *failed = NULL;
    if (status != CLI_OK)
        afile_abort(&g);
    else if (afile_guard_commit(guard, &g, &failed) != 0) {
        fprintf(stderr, "%s: error: cannot move the finished file into place\n", failed);
        status = CLI_IO;
    }
    afile_guard_stop(guard);
    afile_free(&g);
    return status;
}

/* Reads, builds and writes; returns an exit status. */
static int imp_cmd_import(const imp_cmd_opts *o, grid_log *log)
{
    grid_book **books = calloc(o->base.files.n, sizeof *books);
    size_t n = books ? imp_cmd_read(o, books, log) : 0;
    const tpl_kind *k = NULL;
    int status = CLI_INPUT;
    if (n) {
        k = o->kind ? tpl_kind_named(imp_cmd_kinds[o->kind]) : imp_detect(books, n);
        if (!k)
            grid_log_file(log, DIAG_ERROR, books[0]->path,
                          "none of the sheets of an inventory, series or report template: start from 'ghgcalc "
                          "template inventory -o T.xlsx', or give --kind");
    }
    imp_doc *doc = k ? imp_build(k, books, n, log) : NULL;
    char summary[256] = "";
    if (doc)
        status = imp_cmd_write(o, k, doc, log, summary, sizeof summary);
    grid_log_print(log, stderr, 100);
    if (status == CLI_OK && !o->base.quiet) {
        if (strcmp(k->id, "inventory") == 0)
            printf("%s: %zu activity rows, %zu indirect, %zu notation keys, %zu reference-approach fuels; "
                   "checked: %s; wrote %s\n",
                   o->base.files.v[0], imp_count(doc, "activities"), imp_count(doc, "indirect"),
                   imp_count(doc, "notation_keys"), imp_count(doc, "reference_approach.fuels"), summary, o->out);
        else
            printf("%s: %s imported; checked: %s; wrote %s\n", o->base.files.v[0], k->id, summary, o->out);
    }
    imp_free(doc);
    for (size_t i = 0; i < n; i++)
        grid_free(books[i]);
    free(books);
    return status;
}

static int imp_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)all;
    (void)nall;
    imp_cmd_opts *o = opts;
    int status;
    if (o->base.files.n == 0 || !o->out)
        status = cli_usage_error("import", "give the filled-in workbook (or its sheets as CSV files) and -o OUT.yaml");
    else {
        status = CLI_OK;
        for (size_t i = 0; i < o->base.files.n && status == CLI_OK; i++)
            if (afile_same(o->out, o->base.files.v[i])) {
                fprintf(stderr, "%s: error: output would overwrite the input file '%s': choose another output path\n",
                        o->out, o->base.files.v[i]);
                status = CLI_INPUT;
            }
        grid_log *log = status == CLI_OK ? grid_log_new() : NULL;
        if (log)
            status = imp_cmd_import(o, log);
        else if (status == CLI_OK)
            status = CLI_IO;
        grid_log_free(log);
    }
    cli_list_free(&o->factors);
    return status;
}

const cli_command cmd_import = {
    "import",
    "read a filled-in template (xlsx, or CSV of its sheets) into an input YAML file",
    "usage: ghgcalc import T.xlsx -o OUT.yaml [--kind inventory|series|report] [--factors DIR]... [--quiet]\n"
    "       ghgcalc import Inventory.csv Activities.csv... -o OUT.yaml [--encoding auto|utf-8|gb18030]\n"
    "Reads a workbook made by 'ghgcalc template' (or its sheets saved as CSV, one section each) into the YAML\n"
    "format of docs/input-format.md, each value with the cell it came from in a comment. Every bad cell is\n"
    "reported as FILE:Sheet!B7: error: ...; the YAML is then loaded with ghgcalc's own loader (an inventory is\n"
    "also computed) and written only when it passes: exit 0 written, 2 bad cells (nothing written), 3 not written.\n",
    imp_cmd_opts_table,
    sizeof(imp_cmd_opts),
    imp_cmd_run,
    NULL,
};
