/* gases.c - names of the gases in gas_id order. */
#include "gases.h"

#include <string.h>
#include <strings.h>

static const char *const gas_names[GAS_COUNT] = {"CO2",     "CH4",     "N2O",      "SF6",      "NF3",
                                                 "HFC-23",  "HFC-32",  "HFC-125",  "HFC-134a", "HFC-143a",
                                                 "HFC-152a", "CF4",    "C2F6"};
static const char *const gas_params[GAS_COUNT] = {"co2",    "ch4",    "n2o",     "sf6",     "nf3",
                                                  "hfc23",  "hfc32",  "hfc125",  "hfc134a", "hfc143a",
                                                  "hfc152a", "cf4",   "c2f6"};

const char *gas_name(gas_id g) { return g < GAS_COUNT ? gas_names[g] : "?"; }
const char *gas_param(gas_id g) { return g < GAS_COUNT ? gas_params[g] : "?"; }

gas_id gas_lookup(const char *name)
{
    for (int g = 0; g < GAS_COUNT; g++)
        if (strcasecmp(name, gas_names[g]) == 0 || strcasecmp(name, gas_params[g]) == 0)
            return (gas_id)g;
    /* GWP tables write the PFCs with their trade names: "CF4 (PFC-14)". */
    for (int g = 0; g < GAS_COUNT; g++) {
        size_t n = strlen(gas_names[g]);
        if (strncasecmp(name, gas_names[g], n) == 0 && name[n] == ' ' && name[n + 1] == '(')
            return (gas_id)g;
    }
    return GAS_COUNT;
}
