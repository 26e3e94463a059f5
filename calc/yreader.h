/* yreader.h - reads YAML through libyaml's event parser into small trees that keep each value's mark. */
#ifndef GHG_YREADER_H
#define GHG_YREADER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum { YN_SCALAR, YN_MAP, YN_SEQ } ynode_kind;

/* One YAML node. Scalars keep their text; a mapping keeps 2*n items
 * (key, value, key, value, ...), a sequence n items. `at` is where the node
 * starts, 1-based. */
typedef struct ynode {
    ynode_kind kind;
    bool quoted;          /* scalar written in quotes or tagged !!str: text, never a number */
    const char *text;     /* scalar text, NUL-terminated ("" for an empty value) */
    size_t len;           /* scalar length in bytes */
    src_loc at;           /* where the node starts */
    struct ynode **items; /* children (see above) */
    size_t n;             /* sequence items, or mapping pairs */
} ynode;

/* Limits that hold whatever the input says (fuzzing and hostile files). */
typedef struct {
    size_t max_file_bytes;   /* whole file */
    size_t max_scalar_bytes; /* one scalar */
    unsigned max_depth;      /* nesting of mappings and sequences */
    size_t max_nodes;        /* nodes in one value tree (one record, one top-level value) */
    size_t max_map_keys;     /* keys in one mapping */
} yr_limits;

/* The limits used unless a caller has reason to change them: 1 GiB files,
 * 64 KiB scalars, depth 32, 100,000 nodes a value, 1,000 keys a mapping. */
yr_limits yr_default_limits(void);

typedef struct yreader yreader;

/* Opens `path` and reads up to the start of its top-level mapping. On any
 * problem (missing file, not YAML, top level not a mapping, too large) the
 * error goes to `dl` and NULL is returned. `path` must outlive the reader;
 * the nodes' locations point at it. */
yreader *yr_open(const char *path, diag_list *dl, const yr_limits *lim);

/* Closes the file and frees every node the reader built. */
void yr_close(yreader *r);

/* The next key of the top-level mapping, or NULL at its end or after an
 * error. A key repeated at top level is reported here. */
const ynode *yr_next_key(yreader *r);

/* Pushes back the key yr_next_key returned last, before its value is
 * read: the next yr_next_key returns it again. One reader can so tell a
 * file's kind by its first key and be handed on to the loader of that kind,
 * which reads the file from its start: every input is read exactly once
 * (a pipe or a FIFO cannot be opened twice). */
void yr_unread_key(yreader *r);

/* The path the reader was opened on (messages point at it). */
const char *yr_path(const yreader *r);

/* The kind of the value that follows the key just read. */
ynode_kind yr_peek_kind(yreader *r);

/* Reads the whole value that follows the key just read into a tree that
 * lives until yr_close. NULL after an error (reported). */
const ynode *yr_value(yreader *r);

/* For a sequence value too large to hold: begins it, and returns where it
 * starts. Then call yr_seq_next until it returns NULL. */
src_loc yr_seq_begin(yreader *r);

/* The next item of the streamed sequence, built in scratch memory that the
 * following call reuses: copy out what must outlive it. NULL at the end of
 * the sequence or after an error (reported). */
const ynode *yr_seq_next(yreader *r);

/* True once a syntax or limit error was reported: stop reading. */
bool yr_failed(const yreader *r);

/* The SHA-256 of the whole file, hashed as libyaml read it (one pass), into
 * hex[65]. Call after the top-level mapping has ended; false after an error
 * or when the file cannot be read to its end. Call once. */
bool yr_sha256(yreader *r, char hex[65]);

/* Looks up `key` in mapping `map`; NULL when absent or `map` is no mapping. */
const ynode *yn_get(const ynode *map, const char *key);

/* Plain scalars that YAML reads as null: "", "~", "null", "Null", "NULL". */
bool yn_is_null(const ynode *n);

/* Human word for a node kind in messages: "a mapping", "a list", "a text". */
const char *yn_kind_name(const ynode *n);

#endif
