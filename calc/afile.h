/* afile.h - all-or-nothing output: write to temporary files beside the targets, then rename them into place together. */
#ifndef GHG_AFILE_H
#define GHG_AFILE_H

#include <stdbool.h>
#include <stddef.h>

#define AFILE_MAX 8

/* A group of outputs that appear together or not at all. */
typedef struct {
    char *final[AFILE_MAX]; /* target paths */
    char *temp[AFILE_MAX];  /* "DIR/.NAME.tmp-PID-N" in the target's folder */
    char *backup[AFILE_MAX]; /* during a commit: "DIR/.NAME.old-PID-N", the earlier target */
    size_t n;
} afile_group;

/* Adds `path` to the group and returns its temporary path (in the same
 * folder, so the rename is atomic; NAME is shortened when the whole name
 * would pass 255 bytes), or NULL when the group is full or out of memory. */
const char *afile_add(afile_group *g, const char *path);

/* Puts every temporary file in place, all or nothing. Under an advisory
 * lock (flock) on each target folder, taken in a fixed order: first every
 * existing target is renamed to a backup beside it (a target that cannot
 * be replaced fails here, before any has changed; what was moved is put
 * back), then every temporary file is renamed to its target (on a failure
 * the new files are removed and the backups put back), then the backups
 * are removed. On failure the temporary files are removed too, and -1 is
 * returned with errno and the failing path in *failed; 0 on success. */
int afile_commit(afile_group *g, const char **failed);

/* While a group is written, SIGINT, SIGTERM and SIGHUP (Ctrl-C, kill, a
 * closed terminal) remove its temporary files and end the program with
 * status 128 + the signal, so an interrupted run leaves nothing behind. The
 * signals are taken by a thread of the guard's own (sigwait), not by a
 * handler: no global state. Start the guard before creating any other
 * thread (they inherit the blocked signals); commit or abort through it, so
 * that a signal waits for a commit under way to finish. */
typedef struct afile_guard afile_guard;

/* Starts guarding `g` (which must outlive the guard); NULL when a thread
 * cannot be made, and the group is then simply not guarded. */
afile_guard *afile_guard_start(afile_group *g);

/* afile_commit, with a signal held off until it is done. */
int afile_guard_commit(afile_guard *gd, afile_group *g, const char **failed);

/* Stops the guard and restores the signal mask; NULL is allowed. */
void afile_guard_stop(afile_guard *gd);

/* Removes every temporary file (after an error) and frees the group. */
void afile_abort(afile_group *g);

/* Frees the group's paths. */
void afile_free(afile_group *g);

/* True when `a` and `b` name the same file: the same device and inode when
 * both exist; else (neither exists) the same canonical path. */
bool afile_same(const char *a, const char *b);

/* The canonical absolute path of `path`: its folder resolved (realpath when
 * the folder exists, else made absolute and normalised) and its name.
 * afile_canonical_dir gives the folder only. malloc'd; NULL when out of
 * memory. */
char *afile_canonical(const char *path);
char *afile_canonical_dir(const char *path);

/* Checks that the folder of `path` exists and is writable, and that `path`
 * itself is absent or a regular file; returns 0, or -1 with errno set. */
int afile_check_dir(const char *path);

#endif
