/* fdb_internal.h - private to the factor database's files (factors.c, gwp_load.c): its layout and shared steps. */
#ifndef GHG_FDB_INTERNAL_H
#define GHG_FDB_INTERNAL_H

#include "factors.h"
#include "pool.h"
#include "yreader.h"

typedef struct {
    fset *set;
    bool loading; /* on the extends chain being loaded: a repeat is a cycle */
} fdb_slot;

typedef struct {
    const char *path;
    char sha256[65];
} fdb_file;

struct fset_db {
    pool *mem;
    fdb_slot *sets;
    size_t nsets, capsets;
    fdb_file *files;
    size_t nfiles, capfiles;
    gwp_set *gwps;
    size_t ngwps;
    bool gwp_loaded;
    const char **file_paths; /* views for fdb_files */
    const char **file_shas;
};

/* Records a file read, with its digest for the About sheet: taken by the
 * reader `r` as libyaml read the file, so call it at the end of the file. */
void fdb_note_file(fset_db *db, const char *path, yreader *r, char sha[65]);

/* Finds `name` as a file: a path when it names one, else `file_name` in
 * `dirs`; the path is in the database's memory. NULL when not found. */
char *fdb_find_file(fset_db *db, const char *name, const char *file_name, const char *const *dirs, size_t ndirs);

/* Reports that `what` ("factor set", "GWP file") `name` was not found in any of `dirs`. */
void fdb_not_found(const char *what, const char *name, const char *const *dirs, size_t ndirs, src_loc at,
                   diag_list *dl);

#endif
