/* ptrmap.h - a map from pointers to small indices (which factor values were used, in first-use order). */
#ifndef GHG_PTRMAP_H
#define GHG_PTRMAP_H

#include <stdbool.h>
#include <stddef.h>

/* Open addressing over pointer identity; grows to keep half its slots free. */
typedef struct {
    const void **key;
    size_t *index;
    size_t cap, n;
    size_t probes; /* slots looked at so far: the cost of the lookups, for tests */
} ptrmap;

/* The index of `p`, adding it as the next index (n) when new: *added says
 * which. Returns false when out of memory. A NULL pointer is not stored. */
bool pm_put(ptrmap *m, const void *p, size_t *index, bool *added);

/* pm_put with the index `value` given for a new `p` (*index: the one `p`
 * has), for a map into another array (the engine's used factors). */
bool pm_put_as(ptrmap *m, const void *p, size_t value, size_t *index, bool *added);

/* The index of `p`, or (size_t)-1 when absent. */
size_t pm_get(const ptrmap *m, const void *p);

void pm_free(ptrmap *m);

#endif
