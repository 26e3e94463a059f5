/* gases.h - the greenhouse gases the engine knows, in a fixed order used for columns and totals. */
#ifndef GHG_GASES_H
#define GHG_GASES_H

#include <stddef.h>

typedef enum {
    GAS_CO2,
    GAS_CH4,
    GAS_N2O,
    GAS_SF6,
    GAS_NF3,
    GAS_HFC23,
    GAS_HFC32,
    GAS_HFC125,
    GAS_HFC134A,
    GAS_HFC143A,
    GAS_HFC152A,
    GAS_CF4,
    GAS_C2F6,
    GAS_COUNT /* at most 16: a factor's gas scope is a 16-bit mask (fset_value.gas_mask) */
} gas_id;

/* The three gases every combustion record reports; the others come from
 * industrial processes and product use. */
#define GAS_MAIN 3

/* "CO2", "CH4", "HFC-134a": the name reports print and GWP sets use; the
 * factor parameter is its lower-case form without punctuation (co2, hfc134a). */
const char *gas_name(gas_id g);
const char *gas_param(gas_id g);

/* The gas named `name` (case-insensitive), or GAS_COUNT when unknown. */
gas_id gas_lookup(const char *name);

#endif
