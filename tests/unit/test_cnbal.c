/* test_cnbal.c - unit tests for China's reporting groups: IPCC 1.A categories to balance sectors, fuel keys to
 * coal/oil/gas (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "cnbal.h"

/* One row per category: the balance sector docs/cn-reporting.md gives it. */
static void sector_of_category(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        cnb_sector want;
    } rows[] = {
        {"1.A.1", CNB_INDUSTRY},   /* energy industries count as industry */
        {"1.A.1.a", CNB_INDUSTRY}, /* power and heat: under 1.A.1 */
        {"1.A.2", CNB_INDUSTRY},
        {"1.A.2.c", CNB_INDUSTRY},     /* chemicals */
        {"1.A.2.k", CNB_CONSTRUCTION}, /* the longer prefix wins over 1.A.2 */
        {"1.A.3", CNB_TRANSPORT},
        {"1.A.3.b", CNB_TRANSPORT},
        {"1.A.4.a", CNB_OTHER_SERVICES}, /* commercial/institutional: not split */
        {"1.A.4.b", CNB_HOUSEHOLDS},
        {"1.A.4.c", CNB_AGRICULTURE},
        {"1.A.4.c.ii", CNB_AGRICULTURE},
        {"1.A.4", CNB_OTHER_SERVICES}, /* no subcategory given */
        {"1.A.5", CNB_OTHER_SERVICES},
        {"1.A", CNB_NONE},    /* too coarse to place */
        {"1.A.10", CNB_NONE}, /* a prefix of characters is not a parent */
        {"1.B.1", CNB_NONE},  /* fugitive: not consumption */
        {"2.A.1", CNB_NONE},
        {NULL, CNB_NONE},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        cnb_sector got = cnb_sector_of(rows[i].code);
        if (got != rows[i].want)
            fail_msg("row %zu (%s): sector %d, want %d", i, rows[i].code ? rows[i].code : "NULL", (int)got,
                     (int)rows[i].want);
    }
}

/* One row per fuel key: its group and whether the table lists it. */
static void group_of_fuel(void **state)
{
    (void)state;
    static const struct {
        const char *key;
        cnb_group want;
        bool known;
    } rows[] = {
        {"raw_coal", CNB_COAL, true},
        {"other_bituminous_coal", CNB_COAL, true},
        {"coke_oven_gas", CNB_COAL, true}, /* a coal product in the balance's columns */
        {"blast_furnace_gas", CNB_COAL, true},
        {"diesel", CNB_OIL, true},
        {"gas_diesel_oil", CNB_OIL, true},
        {"lpg", CNB_OIL, true},
        {"refinery_gas", CNB_OIL, true}, /* a petroleum product */
        {"natural_gas", CNB_GAS, true},
        {"peat", CNB_OTHER_FUEL, false},
        {"wood_wood_waste", CNB_OTHER_FUEL, false},
        {"no_such_fuel", CNB_OTHER_FUEL, false},
        {NULL, CNB_OTHER_FUEL, false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const char *k = rows[i].key ? rows[i].key : "NULL";
        if (cnb_group_of(rows[i].key) != rows[i].want)
            fail_msg("row %zu (%s): group %d, want %d", i, k, (int)cnb_group_of(rows[i].key), (int)rows[i].want);
        if (cnb_group_known(rows[i].key) != rows[i].known)
            fail_msg("row %zu (%s): known %d", i, k, (int)cnb_group_known(rows[i].key));
    }
}

/* Every sector and group has a name in both languages; out of range gives "". */
static void names(void **state)
{
    (void)state;
    for (int s = 0; s < CNB_NSECTORS; s++) {
        assert_true(strlen(cnb_sector_name((cnb_sector)s, false)) > 0);
        assert_true((unsigned char)cnb_sector_name((cnb_sector)s, true)[0] >=
                    0x80); /* starts with a Chinese character */
    }
    for (int g = 0; g < CNB_NGROUPS; g++) {
        assert_true(strlen(cnb_group_name((cnb_group)g, false)) > 0);
        assert_true((unsigned char)cnb_group_name((cnb_group)g, true)[0] >= 0x80);
    }
    assert_string_equal(cnb_sector_name(CNB_NONE, true), "");
    assert_string_equal(cnb_group_name(CNB_NGROUPS, false), "");
    assert_string_equal(cnb_sector_name(CNB_HOUSEHOLDS, true), "居民生活");
    assert_string_equal(cnb_group_name(CNB_COAL, true), "煤炭");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sector_of_category),
        cmocka_unit_test(group_of_fuel),
        cmocka_unit_test(names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
