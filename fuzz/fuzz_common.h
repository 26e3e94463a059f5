/* fuzz_common.h - shared helpers for the libFuzzer harnesses: a per-process
 * scratch folder (the loaders take paths), the repository's factors folder,
 * and a sink for printed diagnostics. Header-only; each harness includes it
 * once. */
#ifndef GHG_FUZZ_COMMON_H
#define GHG_FUZZ_COMMON_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

#ifndef GHG_FUZZ_FACTORS
#define GHG_FUZZ_FACTORS "factors"
#endif

static char fz_dir_buf[256];     /* "/dev/shm/ghgcalc-fuzz-PID" */
static char fz_factors_buf[4096];
static FILE *fz_null;

static inline void fz_cleanup(void)
{
    /* Only this process's own folder, named by its pid. */
    if (fz_dir_buf[0]) {
        char path[600];
        static const char *const names[] = {"fuzz.yaml", "gwp.yaml", "fixed-0.yaml", "fixed-1.yaml", "fixed-2.yaml",
                                            "fixed-3.yaml", "fixed-4.yaml", "fixed-5.yaml", "fixed-6.yaml",
                                            "fixed-7.yaml", "inv.yaml"};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            snprintf(path, sizeof path, "%s/%s", fz_dir_buf, names[i]);
            unlink(path);
        }
        rmdir(fz_dir_buf);
    }
}

/* Creates the scratch folder once per process. */
static inline const char *fz_dir(void)
{
    if (!fz_dir_buf[0]) {
        struct stat st;
        const char *base = (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0)
                               ? "/dev/shm"
                               : "/tmp";
        snprintf(fz_dir_buf, sizeof fz_dir_buf, "%s/ghgcalc-fuzz-%ld", base, (long)getpid());
        mkdir(fz_dir_buf, 0700);
        atexit(fz_cleanup);
        const char *env = getenv("GHGCALC_FUZZ_FACTORS");
        snprintf(fz_factors_buf, sizeof fz_factors_buf, "%s", env && *env ? env : GHG_FUZZ_FACTORS);
        fz_null = fopen("/dev/null", "w");
    }
    return fz_dir_buf;
}

/* The repository's factors folder (absolute, fixed at build time). */
static inline const char *fz_factors(void)
{
    fz_dir();
    return fz_factors_buf;
}

/* Writes `size` bytes to DIR/NAME and returns the path (static buffer per name slot). */
static inline const char *fz_write(const char *name, const uint8_t *data, size_t size, char *path, size_t pathlen)
{
    snprintf(path, pathlen, "%s/%s", fz_dir(), name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        abort();
    size_t off = 0;
    while (off < size) {
        ssize_t w = write(fd, data + off, size - off);
        if (w <= 0)
            abort();
        off += (size_t)w;
    }
    close(fd);
    return path;
}

/* Prints the diagnostics as the CLI does (source lines included), into /dev/null. */
static inline void fz_print(const diag_list *dl)
{
    fz_dir();
    if (fz_null && dl)
        diag_print(dl, fz_null, true, 100);
}

#endif
