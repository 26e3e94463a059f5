/* test_sha256.c - SHA-256 against the FIPS 180-2 Appendix B examples, by
 * both compression paths (portable and, where the CPU has them, the x86 SHA
 * extensions), whole and in uneven pieces; and the two paths against each
 * other on every length from 0 to 300 bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

/* Digest of data[0..len) fed in pieces of `piece` bytes (0: all at once),
 * with the accelerated path on (accel = 1, when the CPU has it) or off. */
static void digest(const void *data, size_t len, int accel, size_t piece, char hex[65])
{
    sha256_ctx c;
    sha256_init(&c);
    c.accel = c.accel && accel;
    const unsigned char *p = data;
    if (piece == 0)
        piece = len ? len : 1;
    for (size_t off = 0; off < len; off += piece)
        sha256_update(&c, p + off, len - off < piece ? len - off : piece);
    sha256_final_hex(&c, hex);
}

/* The examples of FIPS 180-2, Appendix B.1-B.3 (also in the NIST CSRC
 * example values): "abc", the 448-bit two-block message and one million 'a'
 * (15,625 blocks); plus the empty message (`printf '' | sha256sum`). */
static void test_fips_examples(void **state)
{
    (void)state;
    static const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    size_t million = 1000000;
    char *a = malloc(million);
    assert_non_null(a);
    memset(a, 'a', million);
    const struct {
        const void *data;
        size_t len;
        const char *hex;
    } ex[] = {
        {"", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {two_blocks, sizeof two_blocks - 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {a, million, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    };
    /* pieces: whole, byte by byte (not for the million), 63 and 65 bytes
     * (never block-aligned), 16 KiB (libyaml's read size) */
    const size_t pieces[] = {0, 1, 63, 65, 16384};
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
        for (int accel = 0; accel <= 1; accel++)
            for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
                if (pieces[k] == 1 && ex[i].len > 1000)
                    continue;
                char hex[65];
                digest(ex[i].data, ex[i].len, accel, pieces[k], hex);
                assert_string_equal(hex, ex[i].hex);
            }
    free(a);
}

/* The accelerated path against the portable one: every length 0..300
 * (every padding case: 55, 56 and 64 bytes, and several blocks) of bytes
 * from a fixed linear congruential sequence, fed whole and in 7-byte pieces,
 * and from an odd address (the blocks are read straight from the caller's
 * buffer, which need not be aligned). */
static void test_paths_agree(void **state)
{
    (void)state;
    sha256_ctx probe;
    sha256_init(&probe);
    if (!probe.accel) {
        print_message("      (no SHA extensions on this CPU or under this tool: only the portable path runs)\n");
        return;
    }
    unsigned char buf[301];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    for (size_t len = 0; len < sizeof buf; len++) {
        char want[65], got[65], got7[65], odd[65], odd_portable[65];
        digest(buf, len, 0, 0, want);
        digest(buf, len, 1, 0, got);
        digest(buf, len, 1, 7, got7);
        assert_string_equal(got, want);
        assert_string_equal(got7, want);
        digest(buf + 1, len, 0, 0, odd_portable);
        digest(buf + 1, len, 1, 0, odd);
        assert_string_equal(odd, odd_portable);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fips_examples),
        cmocka_unit_test(test_paths_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
