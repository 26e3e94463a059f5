/* afile.c - temporary files beside their targets, renamed into place together. */
#include "afile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *afile_add(afile_group *g, const char *path)
{
    if (g->n == AFILE_MAX)
        return NULL;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    size_t len = strlen(path) + 64;
    char *tmp = malloc(len);
    char *fin = malloc(strlen(path) + 1);
    if (!tmp || !fin) {
        free(tmp);
        free(fin);
        return NULL;
    }
    snprintf(tmp, len, "%.*s.%s.tmp-%ld-%zu", (int)dirlen, path, path + dirlen, (long)getpid(), g->n);
    strcpy(fin, path);
    g->final[g->n] = fin;
    g->temp[g->n] = tmp;
    g->n++;
    return tmp;
}

int afile_commit(afile_group *g, const char **failed)
{
    for (size_t i = 0; i < g->n; i++) {
        if (rename(g->temp[i], g->final[i]) != 0) {
            int e = errno;
            *failed = g->final[i];
            for (size_t j = i; j < g->n; j++)
                remove(g->temp[j]);
            errno = e;
            return -1;
        }
    }
    return 0;
}

void afile_abort(afile_group *g)
{
    for (size_t i = 0; i < g->n; i++)
        remove(g->temp[i]);
}

void afile_free(afile_group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        free(g->final[i]);
        free(g->temp[i]);
    }
    g->n = 0;
}

bool afile_same(const char *out, const char *in)
{
    struct stat a, b;
    if (stat(out, &a) == 0 && stat(in, &b) == 0)
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    return strcmp(out, in) == 0;
}

int afile_check_dir(const char *path)
{
    struct stat target;
    if (stat(path, &target) == 0 && !S_ISREG(target.st_mode)) {
        errno = S_ISDIR(target.st_mode) ? EISDIR : EEXIST;
        return -1; /* a folder or device of that name would refuse the rename */
    }
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (!slash)
        strcpy(dir, ".");
    else if (slash == path)
        strcpy(dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    struct stat st;
    if (stat(dir, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return access(dir, W_OK);
}
