/* test_audit_batch.c - a batch's statuses, deviations, risk order and the order of a report's findings
 * (calc/audit_batch.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "audit.h"
#include "test_helpers.h"

/* One enterprise as the batch functions see it: read, recomputed, totals, counts. */
typedef struct {
    const char *name;
    bool readable, recomputed;
    double declared_t, conservative_t;
    size_t errors, warnings;
} eb_case;

static aud_enterprise eb_make(const eb_case *c)
{
    aud_enterprise e = {.path = c->name,
                        .readable = c->readable,
                        .recomputed = c->recomputed,
                        .declared_t = c->declared_t,
                        .recomputed_t = c->conservative_t,
                        .conservative_t = c->conservative_t};
    e.count[AUD_ERROR] = c->errors;
    e.count[AUD_WARNING] = c->warnings;
    return e;
}

/* aud_deviation = (declared - verified) / |verified|, by hand; NAN without a verified total. */
static void deviation_cases(void **state)
{
    (void)state;
    static const struct {
        eb_case c;
        double want;
    } rows[] = {
        {{"3 % over", true, true, 103000, 100000, 0, 0}, 0.03},  /* (103,000 - 100,000) / 100,000 */
        {{"2 % under", true, true, 98000, 100000, 1, 0}, -0.02}, /* (98,000 - 100,000) / 100,000 */
        {{"removal", true, true, -90, -100, 0, 0}, 0.1},         /* (-90 - -100) / |-100| */
        {{"not recomputed", true, false, 100, NAN, 1, 0}, NAN},   {{"verified 0", true, true, 5, 0, 0, 0}, NAN},
        {{"no declared total", true, true, NAN, 100, 0, 0}, NAN},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        aud_enterprise e = eb_make(&rows[i].c);
        double got = aud_deviation(&e);
        if (isnan(rows[i].want))
            assert_true(isnan(got));
        else
            assert_close_what(got, rows[i].want, 1e-12, rows[i].c.name);
    }
}

/* The status of each kind of enterprise, worst first. */
static void status_cases(void **state)
{
    (void)state;
    static const struct {
        eb_case c;
        aud_status want;
    } rows[] = {
        {{"unreadable", false, false, NAN, NAN, 2, 0}, AUD_ST_UNREADABLE},
        {{"not recomputable", true, false, 100, NAN, 1, 3}, AUD_ST_NOT_RECOMPUTABLE},
        {{"errors", true, true, 100, 100, 1, 5}, AUD_ST_ERRORS},
        {{"warnings", true, true, 100, 100, 0, 2}, AUD_ST_WARNINGS},
        {{"clean", true, true, 100, 100, 0, 0}, AUD_ST_CLEAN},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        aud_enterprise e = eb_make(&rows[i].c);
        assert_int_equal(aud_status_of(&e), rows[i].want);
    }
    assert_string_equal(aud_status_name(AUD_ST_NOT_RECOMPUTABLE), "not_recomputable");
}

/* The risk order (docs/audit.md): status, then |deviation| down, then errors, warnings, input order. */
static void risk_order(void **state)
{
    (void)state;
    static const eb_case in[] = {
        /* 0 */ {"clean", true, true, 100, 100, 0, 0},
        /* 1 */ {"errors, 1 % off", true, true, 101, 100, 1, 0},  /* |101 - 100| / 100 = 0.01 */
        /* 2 */ {"warnings, 5 % off", true, true, 95, 100, 0, 1}, /* 0.05, but a warning only */
        /* 3 */ {"errors, 4 % off", true, true, 104, 100, 1, 0},  /* 0.04: before 1 */
        /* 4 */ {"unreadable", false, false, NAN, NAN, 2, 0},
        /* 5 */ {"errors, 1 % off, more errors", true, true, 99, 100, 3, 0}, /* 0.01 as 1: more errors first */
        /* 6 */ {"not recomputable", true, false, 100, NAN, 1, 0},
        /* 7 */ {"clean, equal to 0", true, true, 100, 100, 0, 0}, /* as 0: input order */
    };
    static const size_t want[] = {4, 6, 3, 5, 1, 2, 0, 7};
    enum { N = sizeof in / sizeof *in };
    aud_enterprise e[N], *p[N];
    size_t order[N];
    for (size_t i = 0; i < N; i++) {
        e[i] = eb_make(&in[i]);
        p[i] = &e[i];
    }
    aud_batch b = {NULL, p, N, order, 0.005, AUD_ERROR};
    aud_batch_sort(&b);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(order[i], want[i]);
    /* errors: 1 (#1) + 1 (#3) + 2 (#4) + 3 (#5) + 1 (#6) = 8; warnings: 1 (#2), so 9 at warning or above */
    assert_int_equal(aud_batch_count_at_least(&b, AUD_ERROR), 8);
    assert_int_equal(aud_batch_count_at_least(&b, AUD_WARNING), 9);
}

/* A report's findings: errors first, then warnings, then info; each by line and column, then as found. */
static void finding_order(void **state)
{
    (void)state;
    aud_finding f[] = {
        {.severity = AUD_WARNING, .at = {"r", 10, 5}}, /* 0 */
        {.severity = AUD_ERROR, .at = {"r", 30, 1}},   /* 1 */
        {.severity = AUD_INFO, .at = {"r", 1, 1}},     /* 2 */
        {.severity = AUD_ERROR, .at = {"r", 12, 9}},   /* 3 */
        {.severity = AUD_WARNING, .at = {"r", 10, 2}}, /* 4 */
        {.severity = AUD_ERROR, .at = {"r", 12, 9}},   /* 5: the same place as 3, found later */
    };
    static const size_t want[] = {3, 5, 1, 4, 0, 2};
    aud_enterprise e = {.find = f, .nfind = sizeof f / sizeof *f};
    size_t idx[sizeof f / sizeof *f];
    aud_finding_order(&e, idx);
    for (size_t i = 0; i < e.nfind; i++)
        assert_int_equal(idx[i], want[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(deviation_cases),
        cmocka_unit_test(status_cases),
        cmocka_unit_test(risk_order),
        cmocka_unit_test(finding_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
