/* pool.h - an arena for values that live as long as a loaded input, and string interning. */
#ifndef GHG_POOL_H
#define GHG_POOL_H

#include <stddef.h>

typedef struct pool pool;

/* A new empty pool; NULL when out of memory. */
pool *pool_new(void);

/* Frees every block the pool handed out. NULL is accepted. */
void pool_free(pool *p);

/* `size` zeroed bytes aligned for any type, valid until pool_free; NULL when
 * out of memory. */
void *pool_alloc(pool *p, size_t size);

/* A copy of the `len` bytes at `s`, NUL-terminated. */
char *pool_strndup(pool *p, const char *s, size_t len);
char *pool_strdup(pool *p, const char *s);

/* The one shared copy of `s`: equal strings give the same pointer, so the
 * millions of records of a large inventory share their few category, fuel and
 * unit strings. NULL when out of memory. */
const char *pool_intern(pool *p, const char *s, size_t len);

/* Forgets everything allocated and interned but keeps one block for reuse,
 * so a loader can build one record's tree at a time in flat memory. */
void pool_reset(pool *p);

/* Bytes handed out so far (for the benchmark's memory accounting). */
size_t pool_bytes(const pool *p);

#endif
