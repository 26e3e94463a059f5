/* units.h - a small unit system: unit strings to dimension vectors and scales. */
#ifndef GHG_UNITS_H
#define GHG_UNITS_H

#include <stdbool.h>
#include <stddef.h>

/* Base dimensions. Energy is kept as a base dimension of its own (not
 * M L^2 T^-2) because inventories never mix mechanical and thermal units and
 * an error that says "energy" reads better than one that says "kg m2 s-2". */
typedef enum {
    UNITS_DIM_MASS,   /* kg */
    UNITS_DIM_LENGTH, /* m (area = L^2, volume = L^3) */
    UNITS_DIM_ENERGY, /* J */
    UNITS_DIM_MONEY,  /* yuan (CNY) */
    UNITS_DIM_COUNT,  /* head, person, item */
    UNITS_DIM_TIME,   /* s */
    UNITS_NDIM
} units_dim;

/* Longest substance tag kept from a unit such as "t CO2" or "tC". */
#define UNITS_SPECIES_MAX 8

/* A parsed unit: amount_in_base = amount * scale, with the dimension given by
 * the exponent vector. `species` records an optional substance tag written
 * after a mass unit ("t CO2/MWh", "tC/TJ", "kg N2O-N"); it does not change
 * the dimension but lets a method check that a carbon content is a carbon
 * content. */
typedef struct {
    signed char dim[UNITS_NDIM];        /* exponent of each base dimension */
    double scale;                       /* base units per one of this unit */
    char species[UNITS_SPECIES_MAX];    /* "" or C, CO2, CH4, N2O, CO2e, N2O-N, N, CH4-C */
} units_t;

typedef enum {
    UNITS_OK = 0,
    UNITS_ERR_EMPTY,    /* empty or blank text */
    UNITS_ERR_UNKNOWN,  /* a word that is no known unit */
    UNITS_ERR_SYNTAX,   /* malformed number, exponent or operator */
    UNITS_ERR_SPECIES   /* more than one substance tag, or one on a non-mass term */
} units_status;

/* Parses `text` into `out`. Grammar (white space between tokens is optional):
 *     unit   := term { ('/' | '*' | '·') term }
 *     term   := [factor] atom [species]     factor: "10^4", "1e4", "10", "万", "亿"
 * Atoms are listed in units.c (kg, t, kt, Gg, Mt, TJ, GJ, kWh, MWh, tce, kgce,
 * m3, Nm3, L, yuan, head, ha, km, ... and the Chinese statistical units
 * 万吨, 万立方米, 万千瓦时, 万元, 亿元, 吨标准煤, ...). "%" is 0.01 and
 * dimensionless; "1" or "fraction" is 1. On error returns a status and, when
 * `msg` is not NULL, writes a message naming the offending word and, where one
 * is close, a suggestion: "unknown unit 'tonn' (did you mean 't'?)". */
units_status units_parse(const char *text, units_t *out, char *msg, size_t msg_len);

/* True when `a` and `b` have the same dimension vector. */
bool units_same_dim(const units_t *a, const units_t *b);

/* True when `u` has exactly the dimension of `base` (e.g. UNITS_DIM_ENERGY
 * with exponent 1 and all others 0). */
bool units_is(const units_t *u, units_dim base);

/* True when every exponent is 0. */
bool units_is_dimensionless(const units_t *u);

/* Product a*b (exponents add, scales multiply); species is taken from the
 * operand that has one, preferring `a`. */
units_t units_mul(const units_t *a, const units_t *b);

/* Factor that turns an amount in `from` into the same amount in `to`;
 * returns false (and leaves *factor alone) when the dimensions differ. */
bool units_factor(const units_t *from, const units_t *to, double *factor);

/* Writes a readable dimension such as "mass", "energy/mass", "volume",
 * "mass/energy" or "dimensionless" into buf. */
void units_dim_name(const units_t *u, char *buf, size_t len);

/* The units the engine computes in, parsed once: TJ, t, kg. */
units_t units_tj(void);
units_t units_tonne(void);

#endif
