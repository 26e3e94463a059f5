/* test_yreader.c - the reader's limits where a file's size cannot be known
 * in advance (a pipe), and its one-pass digest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "yreader.h"


/* 30 lines of "kNN: 1\n" (7 bytes each, 210 bytes) written into a pipe and
 * closed; returns the "/dev/fd/N" path of the read end in `path`. */
static int pipe_with_keys(char path[32])
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    for (int i = 0; i < 30; i++) {
        char line[16];
        int n = snprintf(line, sizeof line, "k%02d: 1\n", i);
        assert_int_equal(write(fds[1], line, (size_t)n), n);
    }
    close(fds[1]);
    snprintf(path, 32, "/dev/fd/%d", fds[0]);
    return fds[0];
}

/* Reads every top-level key; returns how many. */
static size_t read_all(yreader *r)
{
    size_t n = 0;
    while (yr_next_key(r)) {
        if (!yr_value(r))
            break;
        n++;
    }
    return n;
}

/* A pipe has no size to check before reading: 210 bytes against a limit of
 * 100 stop with "file is larger than the limit" instead of being read. */
static void test_pipe_over_file_limit(void **state)
{
    (void)state;
    char path[32];
    int fd = pipe_with_keys(path);
    diag_list *dl = diag_new();
    yr_limits lim = yr_default_limits();
    lim.max_file_bytes = 100;
    yreader *r = yr_open(path, dl, &lim);
    if (r) {
        read_all(r);
        assert_true(yr_failed(r));
        char hex[65];
        assert_false(yr_sha256(r, hex));
        yr_close(r);
    }
    th_need_message(dl, NULL, "error: file is larger than the limit of 100 bytes");
    diag_free(dl);
    close(fd);
}

/* The same pipe under the default limit reads whole, and its digest is that
 * of the 210 bytes: printf 'k%02d: 1\n' $(seq 0 29) | sha256sum. */
static void test_pipe_within_limit_and_digest(void **state)
{
    (void)state;
    char path[32];
    int fd = pipe_with_keys(path);
    diag_list *dl = diag_new();
    yreader *r = yr_open(path, dl, NULL);
    assert_non_null(r);
    assert_int_equal(read_all(r), 30);
    assert_false(yr_failed(r));
    char hex[65];
    assert_true(yr_sha256(r, hex));
    assert_string_equal(hex, "b9b761ed765407bc261a40e903071e027819f880bb3881976291cd5f5fd8ed3c");
    yr_close(r);
    assert_int_equal(diag_error_count(dl), 0);
    diag_free(dl);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_over_file_limit),
        cmocka_unit_test(test_pipe_within_limit_and_digest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
