/* ptrmap.c - pointer-to-index map with linear probing and a multiplicative hash of the address. */
#include "ptrmap.h"

#include <stdint.h>
#include <stdlib.h>

/* Fibonacci hashing of the address (Knuth, TAOCP 6.4): the low bits of a
 * pointer are mostly alignment zeros, so take the product's high bits. */
static size_t pm_hash(const void *p, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 32) & (cap - 1);
}

static bool pm_grow(ptrmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    const void **key = calloc(cap, sizeof *key);
    size_t *index = malloc(cap * sizeof *index);
    if (!key || !index) {
        free(key);
        free(index);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->key[i])
            continue;
        size_t j = pm_hash(m->key[i], cap);
        while (key[j])
            j = (j + 1) & (cap - 1);
        key[j] = m->key[i];
        index[j] = m->index[i];
    }
    free(m->key);
    free(m->index);
    m->key = key;
    m->index = index;
    m->cap = cap;
    return true;
}

bool pm_put(ptrmap *m, const void *p, size_t *index, bool *added) { return pm_put_as(m, p, m->n, index, added); }

bool pm_put_as(ptrmap *m, const void *p, size_t value, size_t *index, bool *added)
{
    *added = false;
    if (!p)
        return true;
    if ((m->n + 1) * 2 > m->cap && !pm_grow(m))
        return false;
    size_t j = pm_hash(p, m->cap);
    for (m->probes++; m->key[j]; m->probes++) {
        if (m->key[j] == p) {
            *index = m->index[j];
            return true;
        }
        j = (j + 1) & (m->cap - 1);
    }
    m->key[j] = p;
    m->index[j] = *index = value;
    m->n++;
    *added = true;
    return true;
}

size_t pm_get(const ptrmap *m, const void *p)
{
    if (!m->cap || !p)
        return (size_t)-1;
    for (size_t j = pm_hash(p, m->cap); m->key[j]; j = (j + 1) & (m->cap - 1))
        if (m->key[j] == p)
            return m->index[j];
    return (size_t)-1;
}

void pm_free(ptrmap *m)
{
    free(m->key);
    free(m->index);
    *m = (ptrmap){0};
}
