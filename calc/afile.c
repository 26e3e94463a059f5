/* afile.c - temporary files beside their targets, renamed into place together. */
#include "afile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
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
