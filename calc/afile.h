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
