/* cli.h - what every command shares: its row in the command table, option specs, messages, progress and output. */
#ifndef GHG_CLI_H
#define GHG_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "../reports/report.h"
#include "diag.h"
#include "inventory.h"

/* Exit statuses, as README and the man page list them. */
typedef enum {
    CLI_OK = 0,       /* success */
    CLI_FINDINGS = 1, /* the command found what it looks for (missed targets, audit findings) */
    CLI_INPUT = 2,    /* bad input or usage */
    CLI_IO = 3        /* an output could not be written */
} cli_exit;

/* A growing list of texts (positional arguments, repeated options, paths). */
typedef struct {
    const char **v;
    size_t n, cap;
} cli_list;

/* Appends `s` (not copied); false when out of memory. */
bool cli_list_add(cli_list *l, const char *s);
void cli_list_free(cli_list *l);

/* How an option keeps what it is given. */
typedef enum {
    CLI_FLAG,   /* bool: given or not */
    CLI_TEXT,   /* const char *: the value (given twice is a usage error) */
    CLI_LIST,   /* cli_list: every value, in order */
    CLI_CHOICE, /* int: the index of the value in `choices` */
    CLI_COUNT,  /* unsigned long: a whole number from 1 */
    CLI_GROUP   /* the options of `group`, kept in a struct at `offset` */
} cli_opt_kind;

/* One option of a command: its names, what it takes and where the parsed
 * value goes (`offset` into the command's options struct). A table of
 * options ends with an entry whose name is NULL. */
typedef struct cli_opt {
    const char *name;             /* "--output" */
    const char *alias;            /* "-o", or NULL */
    cli_opt_kind kind;
    size_t offset;                /* offsetof(the command's options struct, field) */
    const char *arg;              /* what the value is, for the help: "FILE" */
    const char *help;             /* one line */
    const char *const *choices;   /* CLI_CHOICE: the accepted values, NULL-terminated */
    const struct cli_opt *group;  /* CLI_GROUP: the options it holds */
} cli_opt;

/* What every command's options struct starts with. */
typedef struct {
    cli_list files;       /* positional arguments */
    bool quiet;           /* --quiet: no progress, no console summary */
    const char *command;  /* the command's name */
    char *command_line;   /* as typed, for the About sheet */
} cli_base;

/* The output options that the commands writing a workbook share
 * (cli_out_opts; place a cli_out in the options struct and a CLI_GROUP
 * entry pointing at it). */
typedef struct {
    const char *path;     /* -o OUT.xlsx */
    const char *csv;      /* --csv F; default beside -o */
    const char *json;     /* --json F; default beside -o */
    bool no_machine;      /* --no-csv-json */
    int lang;             /* --lang: 0 en, 1 zh */
    bool csv_bom;         /* --csv-bom: a UTF-8 byte order mark first in every CSV */
} cli_out;

extern const cli_opt cli_out_opts[];

/* The folders searched for factor sets: --factors DIR, repeated. */
extern const cli_opt cli_factors_opt[];

struct cli_command;

/* A kind of input file that `check` validates: the top-level key that
 * tells it, and the function that loads and checks it from the reader
 * `check` opened and read the first key of (pushed back: yr_unread_key),
 * so that each file is read once. The function owns the reader, adds its
 * messages to `dl`, prints them and returns an exit status. */
struct yreader;
typedef struct {
    const char *first_key;
    int (*check)(struct yreader *r, diag_list *dl, const cli_list *factor_dirs, bool quiet);
} cli_kind;

/* A row of the command table. */
typedef struct cli_command {
    const char *name;
    const char *summary;        /* one line for `ghgcalc --help` */
    const char *usage;          /* synopsis and description for `COMMAND --help` */
    const cli_opt *opts;        /* NULL-name-terminated */
    size_t opts_size;           /* sizeof the options struct (it starts with cli_base) */
    int (*run)(void *opts, const struct cli_command *const *all, size_t nall);
    const cli_kind *kinds;      /* the files `check` validates for this command, NULL-first_key-terminated, or NULL */
} cli_command;

/* No kind of its own: the `kinds` of a command whose --help lists every
 * command's kinds (`check`, which validates them all). */
extern const cli_kind cli_kinds_every[];

/* Runs the program: `ghgcalc COMMAND [options]` over the table `all`. */
int cli_main(int argc, char **argv, const cli_command *const *all, size_t nall);

/* ---- messages and progress ---- */

/* Prints a usage error of command `cmd` ("ghgcalc CMD: what\nUse 'ghgcalc
 * CMD --help'.") and returns CLI_INPUT. */
int cli_usage_error(const char *cmd, const char *fmt, ...) GHG_PRINTF(2, 3);

/* Prints the collected messages; CLI_INPUT if any was an error, else CLI_OK. */
int cli_report(const diag_list *dl);

/* Prints the messages of `dl` and returns the exit status of a step that
 * had them: CLI_INPUT when any is an error or the step gave no result
 * (`ok` false), else CLI_OK. A NULL `dl` (out of memory) is CLI_INPUT. */
int cli_finish(const diag_list *dl, bool ok);

/* Progress on stderr for `quiet` off and stderr a terminal; {NULL} otherwise. */
inv_progress cli_progress(bool quiet);
void cli_progress_done(const inv_progress *p);

/* ---- factor folders ---- */

/* The folders searched for factor sets, in order: `given` (--factors), the
 * inventory's own factor_dirs (`inv`, may be NULL), $GHGCALC_FACTORS
 * (':'-separated), the factors folder beside `near` (the input file's
 * folder's ../factors; NULL for none), ./factors and the installed data.
 * The texts live in `mem` (freed with cli_dirs_free). */
typedef struct {
    cli_list dirs;
    cli_list owned; /* strings allocated here */
} cli_dirs;

bool cli_dirs_make(cli_dirs *d, const cli_list *given, const inventory *inv, const char *near);
void cli_dirs_free(cli_dirs *d);

/* ---- inputs and outputs ---- */

/* Every input file of a run, in About-sheet order, with its SHA-256. */
typedef struct {
    cli_list paths, sha256;
} cli_inputs;

bool cli_inputs_add(cli_inputs *in, const char *path, const char *sha256);
void cli_inputs_free(cli_inputs *in);

/* The writers of one command's outputs; each takes the command's result. */
typedef int (*cli_writer)(const void *result, const char *path, const rpt_meta *m, char *err, size_t errlen);
typedef struct {
    cli_writer xlsx, csv, json;
} cli_writers;

/* Fills the run's metadata for the writers. */
rpt_meta cli_meta(const cli_base *b, const cli_out *o, const cli_inputs *in);

/* Checks the output options before anything is computed: -o is given, not
 * empty and ends in .xlsx; --csv and --json are not empty; no output is an
 * input file named on the command line, and no two outputs are the same
 * file (compared canonically: same device and inode, else same absolute
 * normalised path). Returns an exit status; the error is printed. */
int cli_out_check(const cli_base *b, const cli_out *o);

/* Writes the workbook and (unless --no-csv-json) the CSV and JSON into
 * temporary files, then renames them into place together: all or none.
 * Refuses outputs that name an input. Returns an exit status. */
int cli_write(const cli_out *o, const cli_inputs *in, const rpt_meta *m, const void *result, const cli_writers *w);

/* Whether a file can be created at `path` (its folder exists and is
 * writable, and it is not a folder): CLI_OK, or CLI_IO after saying why on
 * stderr, as every command says it. */
int cli_check_output(const char *path);

#endif
