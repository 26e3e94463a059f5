/* gases.c - names of the gases in gas_id order. */
#include "gases.h"

#include <strings.h>

static const char *const gas_names[GAS_COUNT] = {"CO2", "CH4", "N2O"};
static const char *const gas_params[GAS_COUNT] = {"co2", "ch4", "n2o"};

const char *gas_name(gas_id g) { return g < GAS_COUNT ? gas_names[g] : "?"; }
const char *gas_param(gas_id g) { return g < GAS_COUNT ? gas_params[g] : "?"; }

gas_id gas_lookup(const char *name)
{
    for (int g = 0; g < GAS_COUNT; g++)
        if (strcasecmp(name, gas_names[g]) == 0)
            return (gas_id)g;
    return GAS_COUNT;
}
