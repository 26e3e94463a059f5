/* afile.c - temporary files beside their targets, renamed into place together or not at all. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "afile.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NAME_MAX
#define NAME_MAX 255 /* bytes in one file name on Linux file systems */
#endif

/* The length of the folder part of `path`, its '/' included (0 for a bare name). */
static size_t afile_dirlen(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

/* "DIR/.NAME.TAG-PID-N": a hidden file beside `path`, in the same folder so
 * that a rename is atomic. NAME is cut (at a character boundary) so that the
 * whole name stays within NAME_MAX bytes: a target name of the longest legal
 * length still gets a temporary name. malloc'd; NULL when out of memory. */
static char *afile_sibling(const char *path, const char *tag, size_t n)
{
    size_t dirlen = afile_dirlen(path);
    const char *name = path + dirlen;
    char suffix[64];
    int slen = snprintf(suffix, sizeof suffix, ".%s-%ld-%zu", tag, (long)getpid(), n);
    size_t keep = strlen(name), room = NAME_MAX - 1 - (size_t)slen; /* 1 for the leading '.' */
    if (keep > room) {
        keep = room;
        while (keep > 0 && ((unsigned char)name[keep] & 0xC0) == 0x80)
            keep--; /* not inside a UTF-8 sequence */
    }
    size_t len = dirlen + 1 + keep + (size_t)slen + 1;
    char *s = malloc(len);
    if (s)
        snprintf(s, len, "%.*s.%.*s%s", (int)dirlen, path, (int)keep, name, suffix);
    return s;
}

const char *afile_add(afile_group *g, const char *path)
{
    if (g->n == AFILE_MAX)
        return NULL;
    char *tmp = afile_sibling(path, "tmp", g->n);
    char *fin = strdup(path);
    if (!tmp || !fin) {
        free(tmp);
        free(fin);
        return NULL;
    }
    g->final[g->n] = fin;
    g->temp[g->n] = tmp;
    g->backup[g->n] = NULL;
    g->n++;
    return tmp;
}

/* ------------------------------------------------------------------ the commit */

/* The output folders of a commit, locked with flock in a fixed order (by
 * canonical path), so that two runs writing to the same outputs commit one
 * after the other: each ends with one run's whole set, never a mix. The
 * lock is advisory: only other ghgcalc runs heed it. */
typedef struct {
    int fd[AFILE_MAX];
    size_t n;
} afile_locks;

static int afile_cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Locks the folder of every target of `g`; a folder that cannot be opened
 * or locked (a file system without flock) is committed to unlocked. */
static void afile_lock(const afile_group *g, afile_locks *L)
{
    char *dirs[AFILE_MAX];
    size_t nd = 0;
    L->n = 0;
    for (size_t i = 0; i < g->n; i++) {
        char *d = afile_canonical_dir(g->final[i]);
        if (d)
            dirs[nd++] = d;
    }
    qsort(dirs, nd, sizeof *dirs, afile_cmp_str);
    for (size_t i = 0; i < nd; i++) {
        if (i == 0 || strcmp(dirs[i], dirs[i - 1]) != 0) {
            int fd = open(dirs[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            int rc;
            while (fd >= 0 && (rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
                ;
            if (fd >= 0)
                L->fd[L->n++] = fd;
        }
    }
    for (size_t i = 0; i < nd; i++)
        free(dirs[i]);
}

static void afile_unlock(afile_locks *L)
{
    for (size_t i = 0; i < L->n; i++)
        close(L->fd[i]); /* closing the last descriptor releases the lock */
    L->n = 0;
}

/* Puts the earlier file of target i back from its backup; says where it is
 * kept when even that fails (nothing is lost: the backup stays). */
static void afile_put_back(afile_group *g, size_t i)
{
    if (!g->backup[i])
        return;
    if (rename(g->backup[i], g->final[i]) != 0)
        fprintf(stderr, "%s: error: cannot put the earlier file back (%s): it is kept as '%s'\n", g->final[i],
                strerror(errno), g->backup[i]);
    free(g->backup[i]);
    g->backup[i] = NULL;
}

/* Moves every existing target aside to a backup beside it: this is where a
 * target that cannot be replaced (immutable, another user's in a sticky
 * folder) shows, before any target has changed. On a failure puts back what
 * was moved; returns the index that failed, or g->n. */
static size_t afile_set_aside(afile_group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        struct stat st;
        if (lstat(g->final[i], &st) != 0)
            continue; /* a new file: nothing to keep */
        g->backup[i] = afile_sibling(g->final[i], "old", i);
        if (g->backup[i] && rename(g->final[i], g->backup[i]) == 0)
            continue;
        int e = g->backup[i] ? errno : ENOMEM;
        free(g->backup[i]);
        g->backup[i] = NULL;
        for (size_t j = 0; j < i; j++)
            afile_put_back(g, j);
        errno = e;
        return i;
    }
    return g->n;
}

/* Renames the temporary files into place; on a failure removes the new
 * files already moved, puts every earlier file back and returns the index
 * that failed, else g->n. */
static size_t afile_move_in(afile_group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        if (rename(g->temp[i], g->final[i]) == 0)
            continue;
        int e = errno;
        for (size_t j = 0; j < g->n; j++) {
            if (j < i && !g->backup[j])
                unlink(g->final[j]); /* new, with no earlier file */
            afile_put_back(g, j);
        }
        errno = e;
        return i;
    }
    return g->n;
}

int afile_commit(afile_group *g, const char **failed)
{
    afile_locks L;
    afile_lock(g, &L);
    size_t bad = afile_set_aside(g);
    if (bad == g->n)
        bad = afile_move_in(g);
    int e = errno;
    if (bad < g->n) {
        *failed = g->final[bad];
        afile_abort(g);
    } else {
        for (size_t i = 0; i < g->n; i++) {
            if (g->backup[i])
                unlink(g->backup[i]);
            free(g->backup[i]);
            g->backup[i] = NULL;
        }
    }
    afile_unlock(&L);
    errno = e;
    return bad < g->n ? -1 : 0;
}

void afile_abort(afile_group *g)
{
    for (size_t i = 0; i < g->n; i++)
        unlink(g->temp[i]);
}

void afile_free(afile_group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        free(g->final[i]);
        free(g->temp[i]);
        free(g->backup[i]);
    }
    g->n = 0;
}

/* ------------------------------------------------------------------ paths */

/* `path` made absolute against the current folder and normalised: "." and
 * empty parts dropped, ".." taking off the part before. malloc'd. */
static char *afile_normalise(const char *path)
{
    char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
    if (path[0] != '/' && !cwd)
        return NULL;
    size_t len = (cwd ? strlen(cwd) : 0) + 1 + strlen(path) + 2;
    char *in = malloc(len), *out = malloc(len);
    if (in)
        snprintf(in, len, "%s/%s", cwd ? cwd : "", path);
    free(cwd);
    if (!in || !out) {
        free(in);
        free(out);
        return NULL;
    }
    size_t o = 0;
    char *save = NULL;
    for (char *part = strtok_r(in, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            while (o > 0 && out[--o] != '/')
                ;
            continue;
        }
        o += (size_t)snprintf(out + o, len - o, "/%s", part);
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
    free(in);
    return out;
}

char *afile_canonical_dir(const char *path)
{
    size_t dirlen = afile_dirlen(path);
    char *dir = dirlen ? strndup(path, dirlen) : strdup(".");
    if (!dir)
        return NULL;
    char *real = realpath(dir, NULL);
    if (!real)
        real = afile_normalise(dir);
    free(dir);
    return real;
}

char *afile_canonical(const char *path)
{
    char *dir = afile_canonical_dir(path);
    const char *name = path + afile_dirlen(path);
    if (!dir)
        return NULL;
    size_t len = strlen(dir) + 1 + strlen(name) + 1;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", name);
    free(dir);
    if (p && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || !*name)) {
        char *n = afile_normalise(p); /* "dir/.." and the like */
        free(p);
        p = n;
    }
    return p;
}

bool afile_same(const char *a, const char *b)
{
    struct stat sa, sb;
    bool ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
    if (ea && eb)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea != eb)
        return false; /* one exists, the other does not */
    char *ca = afile_canonical(a), *cb = afile_canonical(b);
    bool same = ca && cb ? strcmp(ca, cb) == 0 : strcmp(a, b) == 0;
    free(ca);
    free(cb);
    return same;
}

int afile_check_dir(const char *path)
{
    struct stat target;
    if (stat(path, &target) == 0 && !S_ISREG(target.st_mode)) {
        errno = S_ISDIR(target.st_mode) ? EISDIR : EEXIST;
        return -1; /* a folder or device of that name would refuse the rename */
    }
    size_t dirlen = afile_dirlen(path);
    char *dir = dirlen > 1 ? strndup(path, dirlen - 1) : strdup(dirlen ? "/" : ".");
    if (!dir)
        return -1;
    struct stat st;
    int rc = stat(dir, &st);
    if (rc == 0 && !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        rc = -1;
    }
    if (rc == 0)
        rc = access(dir, W_OK);
    int e = errno;
    free(dir);
    errno = e;
    return rc;
}

/* ------------------------------------------------------------------ the guard */

struct afile_guard {
    afile_group *g;
    pthread_t thread;
    pthread_mutex_t lock; /* held by a commit, and by the guard before it removes files */
    sigset_t set, old;    /* the signals taken, and the mask before */
};

/* The guard's thread: waits for one of the signals, then removes the
 * temporary files (not during a commit) and ends the program. */
static void *afile_guard_main(void *arg)
{
    afile_guard *gd = arg;
    int sig = 0;
    if (sigwait(&gd->set, &sig) != 0)
        return NULL;
    pthread_mutex_lock(&gd->lock);
    for (size_t i = 0; i < gd->g->n; i++)
        unlink(gd->g->temp[i]);
    _exit(128 + sig);
}

afile_guard *afile_guard_start(afile_group *g)
{
    afile_guard *gd = calloc(1, sizeof *gd);
    if (!gd)
        return NULL;
    gd->g = g;
    sigemptyset(&gd->set);
    sigaddset(&gd->set, SIGINT);
    sigaddset(&gd->set, SIGTERM);
    sigaddset(&gd->set, SIGHUP);
    if (pthread_mutex_init(&gd->lock, NULL) != 0) {
        free(gd);
        return NULL;
    }
    if (pthread_sigmask(SIG_BLOCK, &gd->set, &gd->old) != 0 ||
        pthread_create(&gd->thread, NULL, afile_guard_main, gd) != 0) {
        pthread_sigmask(SIG_SETMASK, &gd->old, NULL);
        pthread_mutex_destroy(&gd->lock);
        free(gd);
        return NULL;
    }
    return gd;
}

int afile_guard_commit(afile_guard *gd, afile_group *g, const char **failed)
{
    if (gd)
        pthread_mutex_lock(&gd->lock);
    int rc = afile_commit(g, failed);
    int e = errno;
    if (gd)
        pthread_mutex_unlock(&gd->lock);
    errno = e;
    return rc;
}

void afile_guard_stop(afile_guard *gd)
{
    if (!gd)
        return;
    pthread_cancel(gd->thread); /* sigwait is a cancellation point */
    pthread_join(gd->thread, NULL);
    /* A signal that came after the guard stopped is still pending: with the
     * old mask back it acts as it would have without the guard. */
    pthread_sigmask(SIG_SETMASK, &gd->old, NULL);
    pthread_mutex_destroy(&gd->lock);
    free(gd);
}
