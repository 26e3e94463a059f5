/* mem_parts.c - where ghgcalc's memory goes on one inventory: the loader's and the engine's structures,
 * counted from their sizes and numbers, beside the heap in use (mallinfo2) and the peak RSS.
 * usage: mem_parts FILE.yaml [FACTORS_DIR]   (prints "name value" lines; sizes in bytes) */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "engine.h"
#include "factors.h"
#include "inventory.h"
#include "pool.h"

#define POOL_ALIGN 16u   /* calc/pool.c: every pool allocation is rounded up to 16 bytes */
#define MALLOC_HDR 16u   /* glibc: a chunk is the request + 8, rounded up to 16 (minimum 32) */

/* Bytes a pool allocation of `n` takes. */
static size_t pooled(size_t n) { return (n + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1); }

/* Bytes a malloc of `n` takes in glibc (header and rounding). */
static size_t malloced(size_t n)
{
    size_t c = (n + 8 + 15) & ~(size_t)15;
    return c < 32 ? 32 : c;
}

static size_t heap_in_use(void)
{
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}

static long peak_rss_kb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/* Distinct pointers among `n`, by sorting a copy. */
static int ptr_cmp(const void *a, const void *b)
{
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

static size_t distinct(const void **p, size_t n)
{
    qsort(p, n, sizeof *p, ptr_cmp);
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += i == 0 || p[i] != p[i - 1];
    return d;
}

/* The record-level parts: records, overrides and their texts, ids. */
static void record_parts(const inventory *inv)
{
    size_t novr = 0, with_ovr = 0, ne = 0, ovr_bytes = 0, id_bytes = 0;
    for (size_t i = 0; i < inv->n; i++) {
        const inv_record *r = inv_rec(inv, i);
        with_ovr += r->novr > 0;
        ne += r->not_estimated != 0;
        novr += r->novr;
        if (r->novr)
            ovr_bytes += pooled(r->novr * sizeof(fset_param));
        for (unsigned k = 0; k < r->novr; k++) {
            const fset_value *v = &r->ovr[k].v;
            ovr_bytes += pooled(strlen(v->unit_text) + 1) + (v->ref ? pooled(strlen(v->ref) + 1) : 0) +
                         (v->note ? pooled(strlen(v->note) + 1) : 0);
        }
        id_bytes += r->id ? pooled(strlen(r->id) + 1) : 0;
    }
    size_t chunks = (inv->n + INV_CHUNK - 1) / INV_CHUNK;
    printf("records %zu\nrecords_with_overrides %zu\noverrides %zu\nrecords_not_estimated %zu\n", inv->n, with_ovr,
           novr, ne);
    printf("sizeof_inv_record %zu\nsizeof_fset_param %zu\n", sizeof(inv_record), sizeof(fset_param));
    printf("record_chunks_bytes %zu\n", chunks * malloced(INV_CHUNK * sizeof(inv_record)));
    printf("pool_bytes %zu\noverride_pool_bytes %zu\nid_pool_bytes %zu\n", pool_bytes(inv->mem), ovr_bytes,
           id_bytes);
}

/* The engine's parts: per-record resolutions, distinct resolutions, factors used. */
static void engine_parts(const inventory *inv, const eng_result *r)
{
    const void **res = malloc((inv->n ? inv->n : 1) * sizeof *res);
    eng_line lines[GAS_COUNT];
    size_t n = 0, nl = 0;
    for (size_t i = 0; res && i < inv->n; i++) {
        size_t k = eng_lines(r, i, lines);
        nl += k;
        if (k)
            res[n++] = lines[0].res;
    }
    size_t nres = res ? distinct(res, n) : 0;
    free(res);
    const eng_hit *used;
    size_t nused = eng_factors_used(r, &used);
    size_t cap = 64;
    while (cap < nused)
        cap *= 2;
    printf("lines %zu\nsizeof_eng_res %zu\nsizeof_eng_hit %zu\n", nl, sizeof(eng_res), sizeof(eng_hit));
    printf("eng_res_count %zu\neng_res_bytes %zu\n", nres, nres * (malloced(sizeof(eng_res)) + sizeof(void *)));
    printf("rec_res_bytes %zu\n", inv->n * sizeof(void *));
    printf("factors_used %zu\nfactors_used_bytes %zu\n", nused, cap * sizeof(eng_hit));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: mem_parts FILE.yaml [FACTORS_DIR]\n");
        return 2;
    }
    const char *dirs[1] = {argc > 2 ? argv[2] : "factors"};
    diag_list *dl = diag_new();
    inventory *inv = inv_load(argv[1], dl, NULL);
    if (!inv || diag_error_count(dl)) {
        diag_print(dl, stderr, false, 20);
        return 2;
    }
    size_t heap_load = heap_in_use();
    long rss_load = peak_rss_kb();
    fset_db *db = fdb_new();
    eng_result *r = eng_run(inv, db, dirs, 1, dl, NULL);
    if (!r) {
        diag_print(dl, stderr, false, 20);
        return 2;
    }
    size_t heap_engine = heap_in_use();
    record_parts(inv);
    engine_parts(inv, r);
    printf("heap_after_load %zu\nheap_after_engine %zu\npeak_rss_after_load_kb %ld\npeak_rss_kb %ld\n", heap_load,
           heap_engine, rss_load, peak_rss_kb());
    eng_free(r);
    fdb_free(db);
    inv_free(inv);
    diag_free(dl);
    return 0;
}
