/* test_helpers.h - shared helpers for the cmocka unit tests: tolerance checks, temporary folders of input files and the
 * checks on diagnostics. */
#ifndef GHG_TEST_HELPERS_H
#define GHG_TEST_HELPERS_H

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

/* The tolerance policy of the unit tests: |a - b| <= rel x max(|a|, |b|).
 * Each test states its rel; most use 1e-12, about 4,500 units in the last
 * place, because the hand computation in the test and the code may round in
 * a different order but never lose more than a few bits on these short
 * formulas. A tolerance of 0 asks for the same double; an expected 0 needs
 * an exact 0 whatever the tolerance (every zero in these tests is exact: a
 * gas not emitted, a year with no deposits). cmocka 1.1.5 has no
 * assert_double_equal. */
#ifndef assert_close
#define assert_close(a, b, rel)                                                                                        \
    do {                                                                                                               \
        double a_ = (a), b_ = (b);                                                                                     \
        double m_ = fmax(fabs(a_), fabs(b_));                                                                          \
        if (!(fabs(a_ - b_) <= (rel)*m_))                                                                              \
            fail_msg("%s = %.17g, %s = %.17g (rel tol %g)", #a, a_, #b, b_, (double)(rel));                            \
    } while (0)
#endif

/* assert_close for a row of a table: `what` (a string) names the row and
 * the value in the failure message, where the expression text would only
 * say "row->want". */
#ifndef assert_close_what
#define assert_close_what(got, want, rel, what)                                                                        \
    do {                                                                                                               \
        double g_ = (got), w_ = (want);                                                                                \
        double m_ = fmax(fabs(g_), fabs(w_));                                                                          \
        if (!(fabs(g_ - w_) <= (rel)*m_))                                                                              \
            fail_msg("%s: got %.17g, expected %.17g (rel tol %g)", (what), g_, w_, (double)(rel));                     \
    } while (0)
#endif

/* A double member of a struct, named for the failure messages of table
 * rows: TH_FIELD(eng_line, energy_tj) in a row's initialiser. */
typedef struct {
    size_t off;       /* offsetof the member */
    const char *name; /* its name */
} th_field;
/* clang-format off */
#define TH_FIELD(type, member) {offsetof(type, member), #member}
/* clang-format on */

/* A table and its number of rows, as the two arguments of a function
 * that checks every row: check_rows(TH_ROWS(rows)). */
#define TH_ROWS(table) (table), sizeof(table) / sizeof((table)[0])

/* The value of double member `f` of the struct at `obj`. */
static inline double th_value(const void *obj, th_field f)
{
    double v;
    memcpy(&v, (const char *)obj + f.off, sizeof v);
    return v;
}

/* Writes `text` to a new file in folder `dir` named `name` and returns its
 * path, which the caller frees; NULL when the file cannot be written. */
static inline char *th_write(const char *dir, const char *name, const char *text)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        return NULL;
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        free(path);
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    return path;
}

/* A new empty temporary folder; the caller frees the string. */
static inline char *th_tmpdir(void)
{
    char tmpl[] = "/tmp/ghgcalc-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

/* Everything the diagnostics say, as one string (caller frees). */
static inline char *th_messages(const diag_list *dl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    diag_print(dl, f, false, 0);
    fclose(f);
    return buf;
}

/* Removes folder `dir` (from th_tmpdir) and everything in it; 0 on success. */
static inline int th_rmdir(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Fails the test unless the diagnostics contain `want`, in which every
 * "DIR" stands for folder `dir` (when `dir` is not NULL), and shows what
 * they do say. */
static inline void th_need_message(const diag_list *dl, const char *dir, const char *want)
{
    char full[2048];
    size_t used = 0, dlen = dir ? strlen(dir) : 0;
    for (const char *p = want; *p && used + dlen + 2 < sizeof full;) {
        if (dir && strncmp(p, "DIR", 3) == 0) {
            memcpy(full + used, dir, dlen);
            used += dlen;
            p += 3;
        } else
            full[used++] = *p++;
    }
    full[used] = '\0';
    char *m = th_messages(dl);
    if (!m || !strstr(m, full)) {
        char shown[4096];
        snprintf(shown, sizeof shown, "%s", m ? m : "(no memory)");
        free(m);
        fail_msg("expected message\n  %s\nin\n%s", full, shown);
    }
    free(m);
}

/* One input file of a test: its name in the temporary folder and its text. */
typedef struct {
    const char *name;
    const char *text;
} th_file;

/* A temporary folder holding a test's input files, and the diagnostics the
 * code under test writes to. */
typedef struct {
    char *dir;     /* the folder, removed by th_folder_free */
    char *path;    /* the main input file, dir/name */
    diag_list *dl; /* empty until the test loads something */
} th_folder;

/* Makes a temporary folder, writes `files` (a list ended by {NULL, NULL};
 * NULL for none) and the main input `text` as `name` into it. */
static inline th_folder th_folder_new(const th_file *files, const char *name, const char *text)
{
    th_folder f = {0};
    f.dir = th_tmpdir();
    assert_non_null(f.dir);
    for (const th_file *x = files; x && x->name; x++)
        free(th_write(f.dir, x->name, x->text));
    f.path = th_write(f.dir, name, text);
    assert_non_null(f.path);
    f.dl = diag_new();
    return f;
}

/* Frees the diagnostics and removes the folder with everything in it. */
static inline void th_folder_free(th_folder *f)
{
    diag_free(f->dl);
    assert_int_equal(th_rmdir(f->dir), 0);
    free(f->path);
    free(f->dir);
}

#endif
