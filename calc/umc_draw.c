/* umc_draw.c - Philox4x32-10 draws of one random stream over a run of iterations, mapped to normal or uniform values. */
#include "umc_draw.h"

#include "rng.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define UMC_X86 1
#include <immintrin.h>
#endif

#define UMC_FBITS (32 - UMC_TBITS)            /* bits of the word below the table index */
#define UMC_FSCALE (1.0 / (1u << UMC_FBITS))  /* those bits as a fraction of one step */
#define UMC_U32 (1.0 / 4294967296.0)          /* 2^-32 */

#define UMC_TAILBITS (UMC_FBITS - 7)          /* bits below the tail table's index: 13 */

void umc_table_init(umc_table *t)
{
    t->z[0] = t->z[UMC_TN] = t->tz[0] = 0;
    for (unsigned i = 1; i < UMC_TN; i++)
        t->z[i] = rng_normal_quantile((double)i / UMC_TN);
    for (unsigned i = 1; i <= UMC_TN; i++)
        t->tz[i] = rng_normal_quantile((double)i / (UMC_TN * 128.0)); /* steps of 2^-19 up to 2^-7 */
    for (unsigned i = 0; i < UMC_TN; i++) {
        t->dz[i] = t->z[i + 1] - t->z[i];
        t->tdz[i] = t->tz[i + 1] - t->tz[i];
    }
}

/* The standard normal quantile of a word of the lower band (w < 2^25):
 * from the fine table, exact below 2^-14. */
static double umc_low_band(const umc_table *t, uint32_t w)
{
    uint32_t i = w >> UMC_TAILBITS;
    if (i < UMC_TEDGE)
        return rng_normal_quantile(((double)w + 0.5) * UMC_U32);
    double f = (double)(int32_t)(w & ((1u << UMC_TAILBITS) - 1)) * (1.0 / (1u << UMC_TAILBITS));
    return t->tz[i] + t->tdz[i] * f;
}

/* The standard normal quantile of a word in either tail band: the upper
 * band mirrors the lower one (~w is the word of 1 - p). */
static double umc_exact(const umc_table *t, uint32_t w)
{
    return w >> 31 ? -umc_low_band(t, ~w) : umc_low_band(t, w);
}

/* Whether word w falls in a tail band that the table does not serve. */
static inline bool umc_in_tail(uint32_t w)
{
    uint32_t i = w >> UMC_FBITS;
    return i < UMC_TEDGE || i >= UMC_TN - UMC_TEDGE;
}

/* The draw of word w: table interpolation z[i] + dz[i] x f in the body. */
static inline double umc_value(const umc_table *t, uint32_t w, umc_mode mode)
{
    if (mode == UMC_UNIFORM)
        return ((double)w + 0.5) * UMC_U32;
    if (umc_in_tail(w))
        return umc_exact(t, w);
    uint32_t i = w >> UMC_FBITS;
    double f = (double)(int32_t)(w & ((1u << UMC_FBITS) - 1)) * UMC_FSCALE;
    return t->z[i] + t->dz[i] * f;
}

void umc_fill_scalar(const umc_table *t, uint64_t seed, uint64_t stream, uint64_t it0, size_t n, umc_mode mode,
                     double a, double b, double *out)
{
    for (size_t g = 0; g < n; g += UMC_GROUP) {
        uint64_t blk0 = (it0 + g) / UMC_GROUP * 8;
        for (unsigned lane = 0; lane < 8; lane++) {
            uint64_t blk = blk0 + lane;
            const uint32_t ctr[4] = {(uint32_t)blk, (uint32_t)(blk >> 32), (uint32_t)stream, (uint32_t)(stream >> 32)};
            rng_block k = rng_philox(ctr, (uint32_t)seed, (uint32_t)(seed >> 32));
            for (unsigned w = 0; w < 4; w++)
                out[g + 8 * w + lane] = a + b * umc_value(t, k.w[w], mode);
        }
    }
}

#ifdef UMC_X86

/* Philox's multiply of 8 lanes by M: the high halves, and the low halves in *lo. */
__attribute__((target("avx2"))) static inline __m256i umc_mulhilo(__m256i x, uint32_t m, __m256i *lo)
{
    __m256i mm = _mm256_set1_epi32((int)m);
    __m256i even = _mm256_mul_epu32(x, mm);                      /* lanes 0, 2, 4, 6 as 64-bit products */
    __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), mm); /* lanes 1, 3, 5, 7 */
    *lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
    return _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

/* The starting counters of eight Philox blocks blk0 + 0..7 (blk0 a
 * multiple of 8, so the low word never carries). */
__attribute__((target("avx2"))) static inline void umc_ctr8(uint64_t blk0, uint64_t stream, __m256i c[4])
{
    c[0] = _mm256_add_epi32(_mm256_set1_epi32((int)(uint32_t)blk0), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    c[1] = _mm256_set1_epi32((int)(uint32_t)(blk0 >> 32));
    c[2] = _mm256_set1_epi32((int)(uint32_t)stream);
    c[3] = _mm256_set1_epi32((int)(uint32_t)(stream >> 32));
}

/* One Philox round on eight blocks with round keys k0, k1. */
__attribute__((target("avx2"))) static inline void umc_round8(__m256i c[4], __m256i k0, __m256i k1)
{
    __m256i lo0, lo2, hi0 = umc_mulhilo(c[0], 0xD2511F53u, &lo0), hi2 = umc_mulhilo(c[2], 0xCD9E8D57u, &lo2);
    c[0] = _mm256_xor_si256(_mm256_xor_si256(hi2, c[1]), k0);
    c[1] = lo2;
    c[2] = _mm256_xor_si256(_mm256_xor_si256(hi0, c[3]), k1);
    c[3] = lo0;
}

/* Sixteen Philox4x32-10 blocks: counters blk0 + 0..7 into c, blk0 + 8..15
 * into d, the ten rounds of rng_philox run on both sets side by side (two
 * independent chains keep the multipliers busy). */
__attribute__((target("avx2"))) static void umc_philox16(uint64_t blk0, uint64_t stream, uint64_t seed, __m256i c[4],
                                                         __m256i d[4])
{
    umc_ctr8(blk0, stream, c);
    umc_ctr8(blk0 + 8, stream, d);
    uint32_t k0 = (uint32_t)seed, k1 = (uint32_t)(seed >> 32);
    for (int r = 0; r < 10; r++) {
        if (r > 0) {
            k0 += 0x9E3779B9u; /* the Weyl increments of rng.c */
            k1 += 0xBB67AE85u;
        }
        __m256i v0 = _mm256_set1_epi32((int)k0), v1 = _mm256_set1_epi32((int)k1);
        umc_round8(c, v0, v1);
        umc_round8(d, v0, v1);
    }
}

/* Four normal draws from the words in `w4` (a 128-bit half): z[i] + dz[i] x f. */
__attribute__((target("avx2"))) static inline __m256d umc_normal4(const umc_table *t, __m128i w4)
{
    __m128i idx = _mm_srli_epi32(w4, UMC_FBITS);
    __m128i fr = _mm_and_si128(w4, _mm_set1_epi32((1 << UMC_FBITS) - 1));
    __m256d z = _mm256_i32gather_pd(t->z, idx, 8), dz = _mm256_i32gather_pd(t->dz, idx, 8);
    __m256d f = _mm256_mul_pd(_mm256_cvtepi32_pd(fr), _mm256_set1_pd(UMC_FSCALE));
    return _mm256_add_pd(z, _mm256_mul_pd(dz, f));
}

/* Four uniform draws (w + 0.5) / 2^32 from the words in `w4`. */
__attribute__((target("avx2"))) static inline __m256d umc_uniform4(__m128i w4)
{
    __m128i s = _mm_xor_si128(w4, _mm_set1_epi32((int)0x80000000u)); /* w - 2^31 as a signed number */
    __m256d x = _mm256_add_pd(_mm256_cvtepi32_pd(s), _mm256_set1_pd(2147483648.0 + 0.5));
    return _mm256_mul_pd(x, _mm256_set1_pd(UMC_U32));
}

/* Lanes of the 8 words in `w` that fall in a tail band (a bit mask). */
__attribute__((target("avx2"))) static inline int umc_tail_mask(__m256i w)
{
    __m256i i = _mm256_srli_epi32(w, UMC_FBITS);
    __m256i lo = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)UMC_TEDGE), i);
    __m256i hi = _mm256_cmpgt_epi32(i, _mm256_set1_epi32((int)(UMC_TN - UMC_TEDGE - 1)));
    return _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_or_si256(lo, hi)));
}

/* One word vector (8 iterations) mapped and stored at out[0..8). */
__attribute__((target("avx2"))) static void umc_store8(const umc_table *t, __m256i w, umc_mode mode, double a,
                                                       double b, double *out)
{
    __m128i w0 = _mm256_castsi256_si128(w), w1 = _mm256_extracti128_si256(w, 1);
    __m256d x0 = mode == UMC_NORMAL ? umc_normal4(t, w0) : umc_uniform4(w0);
    __m256d x1 = mode == UMC_NORMAL ? umc_normal4(t, w1) : umc_uniform4(w1);
    __m256d va = _mm256_set1_pd(a), vb = _mm256_set1_pd(b);
    _mm256_storeu_pd(out, _mm256_add_pd(va, _mm256_mul_pd(vb, x0)));
    _mm256_storeu_pd(out + 4, _mm256_add_pd(va, _mm256_mul_pd(vb, x1)));
    int tail = mode == UMC_NORMAL ? umc_tail_mask(w) : 0;
    if (__builtin_expect(tail != 0, 0)) {
        uint32_t ws[8];
        _mm256_storeu_si256((__m256i *)ws, w);
        for (int l = 0; l < 8; l++)
            if (tail & (1 << l))
                out[l] = a + b * umc_exact(t, ws[l]);
    }
}

__attribute__((target("avx2"))) static void umc_fill_avx2(const umc_table *t, uint64_t seed, uint64_t stream,
                                                          uint64_t it0, size_t n, umc_mode mode, double a, double b,
                                                          double *out)
{
    __m256i c[4], d[4];
    for (size_t g = 0; g < n; g += 2 * UMC_GROUP) {
        umc_philox16((it0 + g) / UMC_GROUP * 8, stream, seed, c, d); /* the second set may run past n: unused */
        for (unsigned w = 0; w < 4; w++)
            umc_store8(t, c[w], mode, a, b, out + g + 8 * w);
        for (unsigned w = 0; w < 4 && g + UMC_GROUP < n; w++)
            umc_store8(t, d[w], mode, a, b, out + g + UMC_GROUP + 8 * w);
    }
}

bool umc_has_avx2(void) { return __builtin_cpu_supports("avx2"); }

void umc_fill(const umc_table *t, uint64_t seed, uint64_t stream, uint64_t it0, size_t n, umc_mode mode, double a,
              double b, double *out)
{
    if (__builtin_cpu_supports("avx2"))
        umc_fill_avx2(t, seed, stream, it0, n, mode, a, b, out);
    else
        umc_fill_scalar(t, seed, stream, it0, n, mode, a, b, out);
}

#else

bool umc_has_avx2(void) { return false; }

void umc_fill(const umc_table *t, uint64_t seed, uint64_t stream, uint64_t it0, size_t n, umc_mode mode, double a,
              double b, double *out)
{
    umc_fill_scalar(t, seed, stream, it0, n, mode, a, b, out);
}

#endif
