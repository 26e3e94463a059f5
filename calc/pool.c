/* pool.c - bump allocator in growing blocks, with an open-addressing intern table. */
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define POOL_BLOCK_MIN (64u * 1024u) /* bytes per block, unless one request is larger */
#define POOL_ALIGN 16u               /* covers double, pointers and long double */

typedef struct pool_block {
    struct pool_block *next;
    size_t used, cap;
    unsigned char *data; /* follows the header in the same allocation */
} pool_block;

struct pool {
    pool_block *head;
    size_t bytes;
    const char **slots; /* intern table, NULL = empty */
    size_t nslots;      /* power of two */
    size_t nstrings;
};

pool *pool_new(void) { return calloc(1, sizeof(pool)); }

void pool_free(pool *p)
{
    if (!p)
        return;
    for (pool_block *b = p->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(p->slots);
    free(p);
}

/* `size` zeroed bytes at an `align`-byte boundary (a power of two, at most
 * POOL_ALIGN) of the newest block, or of a new one. Texts take align 1, so
 * a million short ids cost their bytes, not a 16-byte slot each. */
static void *pool_take(pool *p, size_t size, size_t align)
{
    pool_block *b = p->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < size) {
        size_t cap = size > POOL_BLOCK_MIN ? size : POOL_BLOCK_MIN;
        size_t hdr = (sizeof(pool_block) + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
        b = malloc(hdr + cap);
        if (!b)
            return NULL;
        b->data = (unsigned char *)b + hdr;
        b->used = 0;
        b->cap = cap;
        b->next = p->head;
        p->head = b;
        at = 0;
    }
    void *out = b->data + at;
    b->used = at + size;
    p->bytes += size;
    memset(out, 0, size);
    return out;
}

void *pool_alloc(pool *p, size_t size) { return pool_take(p, size ? size : 1, POOL_ALIGN); }

char *pool_strndup(pool *p, const char *s, size_t len)
{
    char *out = pool_take(p, len + 1, 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

char *pool_strdup(pool *p, const char *s) { return pool_strndup(p, s, strlen(s)); }

/* FNV-1a, 64-bit: short keys, good spread, no state. */
static uint64_t pool_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Doubles the intern table; returns 0 on success. */
static int pool_grow(pool *p)
{
    size_t n = p->nslots ? p->nslots * 2 : 256;
    const char **slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < p->nslots; i++) {
        const char *s = p->slots[i];
        if (!s)
            continue;
        size_t j = pool_hash(s, strlen(s)) & (n - 1);
        while (slots[j])
            j = (j + 1) & (n - 1);
        slots[j] = s;
    }
    free(p->slots);
    p->slots = slots;
    p->nslots = n;
    return 0;
}

const char *pool_intern(pool *p, const char *s, size_t len)
{
    if ((p->nstrings + 1) * 2 > p->nslots && pool_grow(p) != 0)
        return NULL;
    size_t j = pool_hash(s, len) & (p->nslots - 1);
    while (p->slots[j]) {
        const char *t = p->slots[j];
        if (strncmp(t, s, len) == 0 && t[len] == '\0')
            return t;
        j = (j + 1) & (p->nslots - 1);
    }
    char *copy = pool_strndup(p, s, len);
    if (!copy)
        return NULL;
    p->slots[j] = copy;
    p->nstrings++;
    return copy;
}

void pool_reset(pool *p)
{
    pool_block *keep = NULL;
    for (pool_block *b = p->head, *next; b; b = next) {
        next = b->next;
        if (!keep && b->cap == POOL_BLOCK_MIN)
            keep = b;
        else
            free(b);
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    p->head = keep;
    p->bytes = 0;
    if (p->slots)
        memset(p->slots, 0, p->nslots * sizeof *p->slots);
    p->nstrings = 0;
}

size_t pool_bytes(const pool *p) { return p->bytes; }
