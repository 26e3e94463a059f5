/* afile.h - all-or-nothing output: write to temporary files beside the targets, then rename them into place. */
#ifndef GHG_AFILE_H
#define GHG_AFILE_H

#include <stdbool.h>
#include <stddef.h>

#define AFILE_MAX 8

/* A group of outputs that appear together or not at all. */
typedef struct {
    char *final[AFILE_MAX]; /* target paths */
    char *temp[AFILE_MAX];  /* "DIR/.NAME.tmp-PID-N" in the target's folder */
    size_t n;
} afile_group;

/* Adds `path` to the group and returns its temporary path (in the same
 * folder, so the rename is atomic), or NULL when the group is full or out of
 * memory. */
const char *afile_add(afile_group *g, const char *path);

/* Renames every temporary file into place; on the first failure removes the
 * remaining temporary files and returns -1 with the failing path in *failed.
 * Returns 0 on success. */
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

/* True when `out` names the same file as `in` (same device and inode when
 * both exist, or the same absolute path). */
bool afile_same(const char *out, const char *in);

/* Checks that the folder of `path` exists and is writable, and that `path`
 * itself is absent or a regular file; returns 0, or -1 with errno set. */
int afile_check_dir(const char *path);

#endif
