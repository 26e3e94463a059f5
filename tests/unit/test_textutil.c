/* test_textutil.c - unit tests for percentages with their sign, full-width text and number fixes in messages (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "textutil.h"

/* One row per text: accepted with the sign?, the value, and a bare number? */
static void percent_with_sign(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool ok;
        double pct;
        bool bare;
    } rows[] = {
        {"5%", true, 5, false},
        {"5 %", true, 5, false},
        {"5\xef\xbc\x85", true, 5, false},                       /* 5％ (U+FF05) */
        {"\xef\xbc\x95\xef\xbc\x85", true, 5, false},           /* ５％ */
        {"\xef\xbc\x92\xef\xbc\x8e\xef\xbc\x95\xef\xbc\x85", true, 2.5, false}, /* ２．５％ */
        {"5\xe3\x80\x80%", true, 5, false},                     /* ideographic space */
        {"0.05", false, 0.05, true},                            /* a fraction or 0.05 %? refused */
        {"5", false, 5, true},
        {"%", false, 0, false},
        {"x%", false, 0, false},
        {"", false, 0, false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        double v = -1;
        bool bare = false;
        bool ok = txt_percent_signed(rows[i].text, &v, &bare);
        if (ok != rows[i].ok || bare != rows[i].bare || ((ok || bare) && fabs(v - rows[i].pct) > 1e-12))
            fail_msg("row %zu '%s': ok %d bare %d value %g", i, rows[i].text, ok, bare, v);
    }
    /* txt_percent (thresholds) still takes a bare number as percent, full-width too. */
    double v;
    assert_true(txt_percent("5", &v) && v == 5);
    assert_true(txt_percent("\xef\xbc\x95", &v) && v == 5);
}

/* What a message suggests for a number written the way people write it. */
static void number_fixes(void **state)
{
    (void)state;
    static const struct {
        const char *text, *fix, *why;
    } rows[] = {
        {"1,200", "1200", "no thousands separators"},
        {"1 200 000", "1200000", "no thousands separators"},
        {"1_200.5", "1200.5", "no thousands separators"},
        {"\xef\xbc\x91\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90", "1200", "ASCII digits"}, /* １２００ */
        {"\xef\xbc\x91\xef\xbc\x8c\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90", "1200",
         "ASCII digits, no thousands separators"}, /* １，２００ */
        {"1200", NULL, NULL},                      /* already a number: nothing to fix */
        {"abc", NULL, NULL},
        {",12", NULL, NULL},                       /* a comma not between digits */
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char out[64];
        const char *why = NULL;
        bool ok = txt_number_fix(rows[i].text, out, sizeof out, &why);
        if (ok != (rows[i].fix != NULL) || (ok && (strcmp(out, rows[i].fix) != 0 || strcmp(why, rows[i].why) != 0)))
            fail_msg("row %zu '%s': %d '%s' (%s)", i, rows[i].text, ok, ok ? out : "", ok ? why : "");
    }
    assert_int_equal(txt_number_prefix("2020\xe5\xb9\xb4"), 4); /* 2020年 */
    assert_int_equal(txt_number_prefix("-1.5t"), 4);
    assert_int_equal(txt_number_prefix("abc"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(percent_with_sign),
        cmocka_unit_test(number_fixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
