/* fuzz_units.c - libFuzzer harness for the unit parser, which every loader
 * reaches through `unit:` fields: the input (made NUL-terminated) is parsed,
 * and a parsed unit is combined with TJ, t and itself and named. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    units_t u;
    char msg[200], dim[64];
    volatile double sink = 0;
    if (units_parse(text, &u, msg, sizeof msg) == UNITS_OK) {
        units_t tj = units_tj(), t = units_tonne();
        units_t p = units_mul(&u, &tj), q = units_mul(&u, &u);
        double f;
        if (units_factor(&u, &t, &f))
            sink += f;
        if (units_factor(&p, &q, &f))
            sink += f;
        units_dim_name(&u, dim, sizeof dim);
        units_dim_name(&q, dim, sizeof dim);
        sink += units_is(&u, UNITS_DIM_ENERGY) + units_is_dimensionless(&u) + units_same_dim(&u, &t);
    } else {
        units_parse(text, &u, NULL, 0);
        units_parse(text, &u, msg, 8);
    }
    (void)sink;
    free(text);
    return 0;
}
