/* sha256.h - SHA-256 (FIPS 180-4) of a file, for the About sheet's input list.
 * On x86-64 processors with the SHA extensions the blocks are compressed with
 * them (about 10x fewer instructions); elsewhere, and under tools that do not
 * emulate them (valgrind), with the portable code. Both give the same digest. */
#ifndef GHG_SHA256_H
#define GHG_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t bits; /* message length so far */
    unsigned char buf[64];
    size_t nbuf;
    int accel; /* 1: use the SHA extensions; sha256_init sets it when the CPU has them. A caller may clear it
                  (the tests do, for the portable code), never set it: without them the CPU faults. */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Writes the digest as 64 lower-case hex digits and a NUL into hex[65]. */
void sha256_final_hex(sha256_ctx *c, char hex[65]);

/* Digest of the file at `path`; returns 0, or -1 when it cannot be read. */
int sha256_file(const char *path, char hex[65]);

#endif
