/* test_afile.c - unit tests for the all-or-nothing commit of a group of outputs: rollback, paths (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "afile.h"

/* A scratch folder per test. */
static int setup(void **state)
{
    char *dir = strdup("/tmp/ghgcalc-afile-XXXXXX");
    if (!dir || !mkdtemp(dir))
        return -1;
    *state = dir;
    return 0;
}

static int teardown(void **state)
{
    char *dir = *state, cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    int rc = system(cmd);
    free(dir);
    return rc == 0 ? 0 : -1;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The file's text, or "" when it does not exist. */
static const char *get(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    buf[0] = '\0';
    if (f) {
        size_t n = fread(buf, 1, len - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0);
    if (d)
        closedir(d);
    return n;
}

/* Three outputs, of which b and c existed; the last temporary file is gone
 * when the commit starts, so its rename fails after a and b were moved in:
 * a (new) must be removed, b put back, c kept; nothing else is left. */
static void rollback_after_a_failed_rename(void **state)
{
    const char *dir = *state;
    char a[256], b[256], c[256], buf[64];
    snprintf(a, sizeof a, "%s/out.xlsx", dir);
    snprintf(b, sizeof b, "%s/out.csv", dir);
    snprintf(c, sizeof c, "%s/out.json", dir);
    put(b, "old b");
    put(c, "old c");
    afile_group g = {0};
    put(afile_add(&g, a), "new a");
    put(afile_add(&g, b), "new b");
    const char *tc = afile_add(&g, c);
    put(tc, "new c");
    unlink(tc);
    const char *failed = NULL;
    assert_int_equal(afile_commit(&g, &failed), -1);
    assert_string_equal(failed, c);
    assert_string_equal(get(a, buf, sizeof buf), "");
    assert_string_equal(get(b, buf, sizeof buf), "old b");
    assert_string_equal(get(c, buf, sizeof buf), "old c");
    assert_int_equal(entries(dir), 2); /* out.csv, out.json: no temporary or backup file */
    afile_free(&g);
}

/* A whole commit replaces every earlier file and leaves no backup. */
static void commit_replaces_all(void **state)
{
    const char *dir = *state;
    char a[256], b[256], buf[64];
    snprintf(a, sizeof a, "%s/x.xlsx", dir);
    snprintf(b, sizeof b, "%s/x.csv", dir);
    put(a, "old a");
    afile_group g = {0};
    put(afile_add(&g, a), "new a");
    put(afile_add(&g, b), "new b");
    const char *failed = NULL;
    assert_int_equal(afile_commit(&g, &failed), 0);
    assert_string_equal(get(a, buf, sizeof buf), "new a");
    assert_string_equal(get(b, buf, sizeof buf), "new b");
    assert_int_equal(entries(dir), 2);
    afile_free(&g);
}

/* A temporary name stays within 255 bytes whatever the target's length. */
static void temporary_names_fit(void **state)
{
    const char *dir = *state;
    char path[600];
    int n = snprintf(path, sizeof path, "%s/", dir);
    memset(path + n, 'a', 250);
    strcpy(path + n + 250, ".xlsx"); /* a 255-byte name */
    afile_group g = {0};
    const char *t = afile_add(&g, path);
    assert_non_null(t);
    const char *base = strrchr(t, '/') + 1;
    assert_true(strlen(base) <= 255);
    assert_true(base[0] == '.');
    assert_memory_equal(t, path, (size_t)n); /* in the same folder */
    afile_free(&g);
}

/* Canonical comparison of paths that do not exist yet. */
static void same_paths(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        bool same;
    } rows[] = {
        {"x.csv", "./x.csv", true},
        {"x.csv", "sub/../x.csv", true},
        {"/tmp/no-such-dir-ghgcalc/x", "/tmp/no-such-dir-ghgcalc/./x", true},
        {"/tmp/no-such-dir-ghgcalc/a/../x", "/tmp/no-such-dir-ghgcalc/x", true},
        {"x.csv", "x.json", false},
        {"a/x.csv", "b/x.csv", false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        if (afile_same(rows[i].a, rows[i].b) != rows[i].same)
            fail_msg("row %zu: '%s' and '%s'", i, rows[i].a, rows[i].b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(rollback_after_a_failed_rename, setup, teardown),
        cmocka_unit_test_setup_teardown(commit_replaces_all, setup, teardown),
        cmocka_unit_test_setup_teardown(temporary_names_fit, setup, teardown),
        cmocka_unit_test(same_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
