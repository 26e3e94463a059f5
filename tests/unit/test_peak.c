/* test_peak.c - unit tests for the peak of a path and the "has peaked" criteria (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "peak.h"
#include "test_helpers.h"

#define NMAX 16

/* One path: values for the years from 2020 on, the `by` year and plateau %,
 * and what peak_find must say. */
typedef struct {
    const char *name;
    size_t n;
    double v[NMAX];
    long by;
    double plateau_pct;
    long want_year;
    double want_value;
    bool want_in_horizon, want_by_ok;
    long want_plateau_from, want_plateau_to;
} peak_case;

static const peak_case peak_cases[] = {
    /* Monotone rise: the largest value is the last, so no peak within the path. */
    {"rise", 5, {1, 2, 3, 4, 5}, 2030, 2, 2024, 5, false, false, 2024, 2024},
    /* Monotone fall: the peak is the first year, which is by 2030. */
    {"fall", 5, {5, 4, 3, 2, 1}, 2030, 2, 2020, 5, true, true, 2020, 2020},
    /* Plateau: peak 10 in 2023; band 2 % -> at least 10 - 0.2 = 9.8: 9.9 (2022) and 9.85 (2024) are in,
     * 9.7 (2025) is out, and so is 3 (2021) before the run. */
    {"plateau", 7, {1, 3, 9.9, 10, 9.85, 9.7, 5}, 2030, 2, 2023, 10, true, true, 2022, 2024},
    /* A tie: 5 in 2021 and in 2023; the earlier year is the peak; the plateau stops at 3 (2022). */
    {"tie", 5, {1, 5, 3, 5, 2}, 2030, 2, 2021, 5, true, true, 2021, 2021},
    /* Peak in 2032 with by = 2030: a peak, but too late. Values 2020..2035 rising to 2032 and falling. */
    {"late", 16, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 12, 11, 10}, 2030, 0, 2032, 13, true, false, 2032, 2032},
    /* Peak exactly in the `by` year counts (inclusive). */
    {"at by", 12, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10}, 2030, 0, 2030, 11, true, true, 2030, 2030},
    /* One point: it is the last point, so not a peak within the path. */
    {"one", 1, {7}, 2030, 2, 2020, 7, false, false, 2020, 2020},
    /* Negative values (a net sink): the band is measured on |peak|: -10 - 10 x 10 % = -11 admits -10.5. */
    {"negative", 4, {-12, -10, -10.5, -20}, 2030, 10, 2021, -10, true, true, 2021, 2022},
};

static void test_peak_find_table(void **state)
{
    (void)state;
    long years[NMAX];
    for (size_t i = 0; i < NMAX; i++)
        years[i] = 2020 + (long)i;
    for (size_t c = 0; c < sizeof peak_cases / sizeof *peak_cases; c++) {
        const peak_case *t = &peak_cases[c];
        peak_info p = peak_find(years, t->v, t->n, t->by, t->plateau_pct);
        if (!p.found || p.year != t->want_year || p.value != t->want_value || p.in_horizon != t->want_in_horizon ||
            p.by_ok != t->want_by_ok || years[p.plateau_first] != t->want_plateau_from ||
            years[p.plateau_last] != t->want_plateau_to)
            fail_msg("%s: peak %ld %g in_horizon %d by_ok %d plateau %ld-%ld", t->name, p.year, p.value, p.in_horizon,
                     p.by_ok, years[p.plateau_first], years[p.plateau_last]);
    }
}

static void test_peak_empty(void **state)
{
    (void)state;
    peak_info p = peak_find(NULL, NULL, 0, 2030, 2);
    assert_false(p.found);
    assert_false(p.by_ok);
}

/* One history: years and values, the as_of year, the four criteria and the status. */
typedef struct {
    const char *name;
    size_t n;
    long y[NMAX];
    double v[NMAX];
    long as_of;
    bool c[4];
    peak_status want;
} hist_case;

static const hist_case hist_cases[] = {
    /* Peak 100 in 2010, latest 80 in 2020, as of 2022: 3 points; 2020 - 2010 = 10 > 5; 2022 - 2020 = 2 <= 5;
     * 100 - 80 = 20 > 10 % of 80 = 8: peaked. */
    {"peaked", 3, {2005, 2010, 2020}, {90, 100, 80}, 2022, {true, true, true, true}, PEAK_PEAKED},
    /* Still rising: the peak is the latest point (0 years before it, 0 % above it): not peaked. */
    {"rising",
     6,
     {2015, 2016, 2017, 2018, 2019, 2020},
     {1, 2, 3, 4, 5, 6},
     2020,
     {true, false, true, false},
     PEAK_NOT_PEAKED},
    /* Two points only: unknown whatever they say. */
    {"two points", 2, {2010, 2020}, {100, 50}, 2020, {false, true, true, true}, PEAK_UNKNOWN},
    /* Peak exactly 5 years before the latest point: "more than five" fails; the drop passes: unknown. */
    {"5 years", 3, {2009, 2010, 2015}, {90, 100, 80}, 2015, {true, false, true, true}, PEAK_UNKNOWN},
    /* Peak 110 over latest 100: exactly 10 % above, not more: c4 fails, c2 passes: unknown. */
    {"10 percent", 3, {2005, 2008, 2020}, {100, 110, 100}, 2020, {true, true, true, false}, PEAK_UNKNOWN},
    /* Latest point 2014, as of 2020: 6 years old > 5: unknown. */
    {"old data", 3, {2000, 2005, 2014}, {90, 100, 50}, 2020, {true, true, false, true}, PEAK_UNKNOWN},
    /* Latest point exactly 5 years old counts as recent. */
    {"5 years old", 3, {2000, 2005, 2015}, {90, 100, 50}, 2020, {true, true, true, true}, PEAK_PEAKED},
};

static void test_has_peaked_table(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof hist_cases / sizeof *hist_cases; c++) {
        const hist_case *t = &hist_cases[c];
        peak_history h = peak_has_peaked(t->y, t->v, t->n, t->as_of);
        for (int k = 0; k < 4; k++)
            if (h.c[k] != t->c[k])
                fail_msg("%s: criterion %d is %d, expected %d", t->name, k + 1, h.c[k], t->c[k]);
        if (h.status != t->want)
            fail_msg("%s: status %s, expected %s", t->name, peak_status_name(h.status), peak_status_name(t->want));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_peak_find_table),
        cmocka_unit_test(test_peak_empty),
        cmocka_unit_test(test_has_peaked_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
