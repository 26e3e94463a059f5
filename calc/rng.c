/* rng.c - Philox4x32-10 counter-based random numbers and inverse-CDF sampling of the uncertainty distributions. */
#include "rng.h"

#include <math.h>

/* Philox4x32 multipliers and Weyl key increments (Salmon et al. 2011, and
 * the Random123 library's philox.h). */
#define RNG_M0 0xD2511F53u
#define RNG_M1 0xCD9E8D57u
#define RNG_W0 0x9E3779B9u /* golden ratio */
#define RNG_W1 0xBB67AE85u /* sqrt(3) - 1 */
#define RNG_ROUNDS 10

rng_block rng_philox(const uint32_t ctr[4], uint32_t key0, uint32_t key1)
{
    uint32_t c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
    for (int r = 0; r < RNG_ROUNDS; r++) {
        if (r > 0) {
            key0 += RNG_W0;
            key1 += RNG_W1;
        }
        uint64_t p0 = (uint64_t)RNG_M0 * c0, p1 = (uint64_t)RNG_M1 * c2;
        uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
        uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
        c0 = hi1 ^ c1 ^ key0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ key1;
        c3 = lo0;
    }
    return (rng_block){{c0, c1, c2, c3}};
}

/* 64 random bits -> a double in (0, 1): the top 53 bits, offset by half a
 * step, so neither 0 nor 1 can occur (the quantile functions need both
 * excluded). */
static double rng_open01(uint32_t hi, uint32_t lo)
{
    uint64_t bits = ((uint64_t)hi << 32 | lo) >> 11;
    return ((double)bits + 0.5) * (1.0 / 9007199254740992.0); /* 2^-53 */
}

void rng_uniform2(uint64_t seed, uint64_t what, uint64_t iteration, double out[2])
{
    const uint32_t ctr[4] = {(uint32_t)iteration, (uint32_t)(iteration >> 32), (uint32_t)what, (uint32_t)(what >> 32)};
    rng_block b = rng_philox(ctr, (uint32_t)seed, (uint32_t)(seed >> 32));
    out[0] = rng_open01(b.w[0], b.w[1]);
    out[1] = rng_open01(b.w[2], b.w[3]);
}

double rng_uniform(uint64_t seed, uint64_t what, uint64_t iteration)
{
    double u[2];
    rng_uniform2(seed, what, iteration, u);
    return u[0];
}

/* Evaluates the polynomial c[0] + c[1] x + ... + c[7] x^7 (Horner). */
static double rng_poly7(const double c[8], double x)
{
    double s = c[7];
    for (int i = 6; i >= 0; i--)
        s = s * x + c[i];
    return s;
}

double rng_normal_quantile(double p)
{
    /* AS 241 (Wichura 1988, Applied Statistics 37:477-484), PPND16. */
    static const double a[8] = {3.3871328727963666080e0,  1.3314166789178437745e+2, 1.9715909503065514427e+3,
                                1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                3.3430575583588128105e+4, 2.5090809287301226727e+3};
    static const double b[8] = {1.0,
                                4.2313330701600911252e+1,
                                6.8718700749205790830e+2,
                                5.3941960214247511077e+3,
                                2.1213794301586595867e+4,
                                3.9307895800092710610e+4,
                                2.8729085735721942674e+4,
                                5.2264952788528545610e+3};
    static const double c[8] = {1.42343711074968357734e0,  4.63033784615654529590e0, 5.76949722146069140550e0,
                                3.64784832476320460504e0,  1.27045825245236838258e0, 2.41780725177450611770e-1,
                                2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static const double d[8] = {1.0,
                                2.05319162663775882187e0,
                                1.67638483018380384940e0,
                                6.89767334985100004550e-1,
                                1.48103976427480074590e-1,
                                1.51986665636164571966e-2,
                                5.47593808499534494600e-4,
                                1.05075007164441684324e-9};
    static const double e[8] = {6.65790464350110377720e0,  5.46378491116411436990e0,  1.78482653991729133580e0,
                                2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static const double f[8] = {1.0,
                                5.99832206555887937690e-1,
                                1.36929880922735805310e-1,
                                1.48753612908506148525e-2,
                                7.86869131145613259100e-4,
                                1.84631831751005468180e-5,
                                1.42151175831644588870e-7,
                                2.04426310338993978564e-15};
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q * rng_poly7(a, r) / rng_poly7(b, r);
    }
    double r = sqrt(-log(q < 0 ? p : 1.0 - p));
    double x = r <= 5.0 ? rng_poly7(c, r - 1.6) / rng_poly7(d, r - 1.6) : rng_poly7(e, r - 5.0) / rng_poly7(f, r - 5.0);
    return q < 0 ? -x : x;
}

/* The triangular distribution's quantile (lower a, mode b, upper c). */
static double rng_triangular(double a, double b, double c, double u)
{
    double split = (c > a) ? (b - a) / (c - a) : 0.5;
    if (u < split)
        return a + sqrt(u * (c - a) * (b - a));
    return c - sqrt((1.0 - u) * (c - a) * (c - b));
}

double rng_quantile(const rng_dist *d, double u)
{
    switch (d->kind) {
    case RNG_NORMAL:
        return d->a + d->b * rng_normal_quantile(u);
    case RNG_LOGNORMAL:
        return exp(d->a + d->b * rng_normal_quantile(u));
    case RNG_TRIANGULAR:
        return rng_triangular(d->a, d->b, d->c, u);
    case RNG_UNIFORM:
        return d->a + (d->b - d->a) * u;
    case RNG_FIXED:
    default:
        return d->a;
    }
}

/* The 97.5 % point of the standard normal distribution (AS 241 gives
 * 1.959963984540054; IPCC 2006 Vol.1 Ch.3 rounds it to 1.96). */
#define RNG_Z975 1.959963984540054

rng_dist rng_normal_pct(double mean, double pct)
{
    return (rng_dist){RNG_NORMAL, mean, fabs(mean) * pct / 100.0 / RNG_Z975, 0};
}

bool rng_lognormal_95(double lower, double upper, rng_dist *out)
{
    if (!(lower > 0) || !(upper > lower) || !isfinite(upper))
        return false;
    double mu = 0.5 * (log(lower) + log(upper));
    double sigma = (log(upper) - log(lower)) / (2.0 * RNG_Z975);
    *out = (rng_dist){RNG_LOGNORMAL, mu, sigma, 0};
    return true;
}
