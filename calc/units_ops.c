/* units_ops.c - operations on parsed units: comparing dimensions, products, conversion factors, names of dimensions. */
#include "units.h"

#include <stdio.h>
#include <string.h>

/* ---- operations on parsed units --------------------------------------- */

/* True when a and b have the same exponent vector; false if either is NULL. */
bool units_same_dim(const units_t *a, const units_t *b)
{
    if (!a || !b)
        return false;
    return memcmp(a->dim, b->dim, sizeof a->dim) == 0;
}

/* True when u is exactly base^1 (all other exponents 0); false for NULL. */
bool units_is(const units_t *u, units_dim base)
{
    if (!u || (int)base < 0 || base >= UNITS_NDIM)
        return false;
    for (int i = 0; i < UNITS_NDIM; i++) {
        if (u->dim[i] != (i == (int)base ? 1 : 0))
            return false;
    }
    return true;
}

/* True when every exponent of u is 0; false for NULL. */
bool units_is_dimensionless(const units_t *u)
{
    if (!u)
        return false;
    for (int i = 0; i < UNITS_NDIM; i++) {
        if (u->dim[i] != 0)
            return false;
    }
    return true;
}

/* Clamps an exponent sum into signed char range; parsed units stay far
 * inside it (UNITS_EXP_LIMIT), so this only guards long chains of mul. */
static signed char clamp_exp(int e)
{
    return (signed char)(e > 127 ? 127 : e < -127 ? -127 : e);
}

/* Product a*b: exponents add, scales multiply; the species is a's when it
 * has one, else b's. Both pointers must be valid. */
units_t units_mul(const units_t *a, const units_t *b)
{
    units_t r = {.scale = a->scale * b->scale};
    for (int i = 0; i < UNITS_NDIM; i++)
        r.dim[i] = clamp_exp(a->dim[i] + b->dim[i]);
    memcpy(r.species, a->species[0] ? a->species : b->species, sizeof r.species);
    r.species[UNITS_SPECIES_MAX - 1] = '\0';
    return r;
}

/* Sets *factor to from->scale / to->scale, the number that turns an amount
 * in `from` into one in `to`, and returns true; returns false and leaves
 * *factor alone when the dimensions differ or a pointer is NULL. Species
 * are not compared: t CO2 to t C is a chemistry question, not a unit one. */
bool units_factor(const units_t *from, const units_t *to, double *factor)
{
    if (!factor || !units_same_dim(from, to))
        return false;
    *factor = from->scale / to->scale;
    return true;
}

/* Appends s to buf (capacity len) at *pos, truncating and always leaving
 * buf terminated; *pos stops at len - 1 once full. */
static void append(char *buf, size_t len, size_t *pos, const char *s)
{
    while (*s && *pos + 1 < len)
        buf[(*pos)++] = *s++;
    buf[*pos] = '\0';
}

/* Word for base dimension i raised to the power e > 0: "mass", "time^2";
 * length^2 is "area" and length^3 "volume". Uses tmp (>= 24 bytes). */
static const char *dim_word(int i, int e, char *tmp, size_t tmp_len)
{
    static const char *const names[UNITS_NDIM] = {
        "mass", "length", "energy", "money", "count", "time"};
    if (i == UNITS_DIM_LENGTH && e == 2)
        return "area";
    if (i == UNITS_DIM_LENGTH && e == 3)
        return "volume";
    if (e == 1)
        return names[i];
    snprintf(tmp, tmp_len, "%s^%d", names[i], e);
    return tmp;
}

/* Writes the dimension of u into buf: numerator words joined by "*", then
 * each denominator word after a "/" ("mass/count/time"); "1/time" when
 * nothing is on top; "dimensionless" when all exponents are 0. Truncates to
 * len; does nothing when buf is NULL or len is 0. */
void units_dim_name(const units_t *u, char *buf, size_t len)
{
    char tmp[24];
    size_t pos = 0;
    bool top = false, any = false;
    if (!buf || len == 0)
        return;
    buf[0] = '\0';
    if (!u)
        return;
    for (int i = 0; i < UNITS_NDIM; i++) {
        if (u->dim[i] > 0) {
            append(buf, len, &pos, top ? "*" : "");
            append(buf, len, &pos, dim_word(i, u->dim[i], tmp, sizeof tmp));
            top = any = true;
        }
    }
    for (int i = 0; i < UNITS_NDIM; i++) {
        if (u->dim[i] < 0) {
            append(buf, len, &pos, top ? "/" : "1/");
            append(buf, len, &pos, dim_word(i, -u->dim[i], tmp, sizeof tmp));
            top = any = true;
        }
    }
    if (!any)
        append(buf, len, &pos, "dimensionless");
}

/* The engine's energy unit, TJ (scale 10^12 J). */
units_t units_tj(void)
{
    units_t u = {{0}, 0.0, ""};
    (void)units_parse("TJ", &u, NULL, 0);
    return u;
}

/* The engine's mass unit, the tonne (scale 10^3 kg). */
units_t units_tonne(void)
{
    units_t u = {{0}, 0.0, ""};
    (void)units_parse("t", &u, NULL, 0);
    return u;
}
