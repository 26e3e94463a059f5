/* units_table.h - private to the unit parser: the words it knows (units_table.c). */
#ifndef GHG_UNITS_TABLE_H
#define GHG_UNITS_TABLE_H

#include <stddef.h>

#include "units.h"

typedef struct {
    const char *name;  /* the word as written */
    units_dim dim;     /* its base dimension; ignored when exp is 0 */
    signed char exp;   /* exponent of that dimension: 1, 2, 3, or 0 */
    double scale;      /* base units per one of this atom */
} units_atom;

typedef struct {
    const char *text;   /* as written after a mass unit */
    const char *canon;  /* as stored in units_t.species */
} units_species;

typedef struct {
    const char *text;
    double factor;
} units_multiplier;

extern const units_atom units_atoms[];
extern const size_t units_natoms;
extern const units_species units_species_table[];
extern const size_t units_nspecies;
extern const units_multiplier units_multipliers[];
extern const size_t units_nmultipliers;

#endif
