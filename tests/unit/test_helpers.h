/* test_helpers.h - shared helpers for the cmocka unit tests: tolerance checks and temporary YAML files. */
#ifndef GHG_TEST_HELPERS_H
#define GHG_TEST_HELPERS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

/* cmocka 1.1.5 has no assert_double_equal: |a-b| <= rel * max(|a|,|b|). */
#ifndef assert_close
#define assert_close(a, b, rel)                                                                                   \
    do {                                                                                                          \
        double a_ = (a), b_ = (b);                                                                                \
        double m_ = fmax(fabs(a_), fabs(b_));                                                                     \
        if (!(fabs(a_ - b_) <= (rel)*m_))                                                                         \
            fail_msg("%s = %.17g, %s = %.17g (rel tol %g)", #a, a_, #b, b_, (double)(rel));                      \
    } while (0)
#endif

/* Writes `text` to a new file in folder `dir` named `name` and returns its
 * path in a static-free buffer the caller frees. */
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

#endif
