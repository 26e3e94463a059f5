/* gases.h - the greenhouse gases the engine knows, in a fixed order used for columns and totals. */
#ifndef GHG_GASES_H
#define GHG_GASES_H

#include <stddef.h>

typedef enum {
    GAS_CO2,
    GAS_CH4,
    GAS_N2O,
    GAS_COUNT
} gas_id;

/* "CO2", "CH4", "N2O": the formula as reports print it and as GWP sets and
 * factor parameters name it (lower case for parameters: co2, ch4, n2o). */
const char *gas_name(gas_id g);
const char *gas_param(gas_id g);

/* The gas named `name` (case-insensitive), or GAS_COUNT when unknown. */
gas_id gas_lookup(const char *name);

#endif
