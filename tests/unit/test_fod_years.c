/* test_fod_years.c - unit tests for the landfill model's sludge and industrial waste, MCF by period and by waste type, and decay from the deposit year (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fod_testutil.h"

/* ---- one deposit: the three conventions of the deposit year -------------- */

/* The start of decay: IPCC's default delay of 6 months (M = 13), no delay
 * (M = 7) and the CDM tool's decay in the deposit year (M = 1), with the
 * DDOCm decomposed in years 0..3 after one deposit worked out by hand. */
typedef struct {
    double delay_months;
    double decomp_gg[4];
} one_deposit_case;

/* One deposit D = W x DOC x DOCf x MCF = 10 Gg x 0.15 x 0.5 x 1.0 = 0.75 Gg of
 * food in year 0, k = 0.185 (Table 3.3, temperate wet): a = e^-k = 0.831104,
 * 1 - a = 0.168896; b = e^(-k (13 - M)/12) is the share left unreacted at
 * the end of the deposit year. Decomposed: year 0 D (1 - b); year t >= 1
 * D b a^(t-1) (1 - a). */
static void test_one_deposit_closed_form(void **state)
{
    (void)state;
    static const one_deposit_case rows[] = {
        /* M = 13, b = 1: 0, 0.75 x 0.168896 = 0.126672, x a = 0.105277, x a = 0.087497 */
        {6.0, {0.0, 0.12667178711090576, 0.10527746491107826, 0.08749655208068897}},
        /* M = 7, b = e^-0.0925 = 0.911650: 0.75 x 0.088350 = 0.066263, 0.75 x 0.911650 x 0.168896 = 0.115480, ... */
        {0.0, {0.06626309177665371, 0.11548023477111552, 0.0959761178185233, 0.07976616266647105}},
        /* M = 1, b = a: 0.75 x 0.168896 = 0.126672 in the deposit year, then x a every year (CDM: e^-k(y-x) (1 - e^-k)) */
        {FOD_DELAY_DEPOSIT_YEAR, {0.12667178711090576, 0.10527746491107826, 0.08749655208068897, 0.07271875925655123}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        pool *mem = pool_new();
        diag_list *dl = diag_new();
        static const double w[4] = {10, 0, 0, 0}, doc = 0.15, k = 0.185;
        fod_waste type = FOD_FOOD;
        fod_site s = mk_site(mem, 1, &type, &doc, &k, 1.0, 0.5, 0.5, 0.0, rows[i].delay_months, 2000, 4, w);
        fod_result r;
        assert_true(fod_compute(&s, 2003, mem, dl, &r));
        for (size_t t = 0; t < 4; t++) {
            assert_close(fod_cell_at(&r, t, 0)->ddocm_decomp_gg, rows[i].decomp_gg[t], REL);
            /* CH4 = decomposed x F x 16/12 (Eq. 3.6), OX 0 */
            assert_close(r.ch4_emitted_gg[t], rows[i].decomp_gg[t] * 0.5 * CH4_PER_C, REL);
        }
        diag_free(dl);
        pool_free(mem);
    }
}

/* `decay_start: deposit_year` reads as the delay -6 months, with its
 * convention as the source. */
static void test_decay_start_from_yaml(void **state)
{
    (void)state;
    load_t t = load("  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n"
                    "    decay_start: deposit_year\n    deposits:\n      unit: Gg\n      types: [food]\n"
                    "      rows:\n        - [2000, 10]\n");
    need_parsed(&t);
    const fod_site *s = &t.in.sites[0];
    assert_close(s->delay_months.value, -6.0, 0);
    assert_non_null(strstr(s->delay_months.source, "CDM tool"));
    fod_result r;
    assert_true(fod_compute(s, 2000, t.mem, t.f.dl, &r));
    assert_close(r.month_start, 1.0, 0); /* M = -6 + 7 */
    /* 0.75 Gg x (1 - e^-0.185) x 0.5 x 16/12 = 0.084448 Gg CH4 in the deposit year itself */
    assert_close(r.ch4_emitted_gg[0], 0.12667178711090576 * 0.5 * CH4_PER_C, REL);
    done(&t);
}

/* ---- MCF by period and by waste type ------------------------------------- */

/* A site that was an open dump (MCF 0.4) until 2004 and a managed landfill
 * (1.0) from 2005: each deposit keeps the MCF of its year. */
static void test_mcf_periods(void **state)
{
    (void)state;
    char body[1024];
    int used = snprintf(body, sizeof body, "  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n"
                        "    mcf: [{from: 1990, value: 0.4, source: dump}, {from: 2005, value: 1.0}]\n"
                        "    deposits:\n      unit: Gg\n      types: [food]\n      rows:\n");
    for (int y = 1990; y <= 2010; y++)
        used += snprintf(body + used, sizeof body - (size_t)used, "        - [%d, %d]\n", y,
                         y == 1990 || y == 2005 ? 10 : 0);
    load_t t = load(body);
    need_parsed(&t);
    const fod_site *s = &t.in.sites[0];
    assert_int_equal(s->mcf_periods.n, 2);
    assert_string_equal(s->mcf_periods.p[0].mcf.source, "dump");
    fod_result r;
    assert_true(fod_compute(s, 2010, t.mem, t.f.dl, &r));
    assert_close(fod_cell_at(&r, 14, 0)->mcf, 0.4, 0); /* 2004 */
    assert_close(fod_cell_at(&r, 15, 0)->mcf, 1.0, 0); /* 2005 */
    assert_close(fod_cell_at(&r, 0, 0)->ddocmd_gg, 10 * 0.15 * 0.5 * 0.4, REL);  /* 0.3 Gg */
    assert_close(fod_cell_at(&r, 15, 0)->ddocmd_gg, 10 * 0.15 * 0.5 * 1.0, REL); /* 0.75 Gg */
    /* 2010, delay 6 (decay from the next year): (0.3 a^19 + 0.75 a^4)(1 - a) = 0.0619442 Gg decomposed,
     * x 0.5 x 16/12 = 0.0412961 Gg CH4 */
    double a = exp(-0.185), want = (0.3 * pow(a, 19) + 0.75 * pow(a, 4)) * (1 - a) * 0.5 * CH4_PER_C;
    assert_close(want, 0.0412961035197724, 1e-12);
    assert_close(r.ch4_emitted_gg[20], want, REL);
    done(&t);
}

/* An MCF by waste type: a constant for food, periods for sludge, and the
 * site type's for paper (unmanaged deep, 0.8). */
static void test_mcf_by_type(void **state)
{
    (void)state;
    load_t t = load("  - site: A\n    site_type: unmanaged_deep\n    climate: temperate_dry\n"
                    "    mcf: {food: 0.7, sludge: [{from: 2000, value: 0.5}, {from: 2002, value: 1.0}]}\n"
                    "    deposits:\n      unit: Gg\n      types: [food, sludge, paper]\n      rows:\n"
                    "        - [2000, 1, 1, 1]\n        - [2001, 1, 1, 1]\n        - [2002, 1, 1, 1]\n");
    need_parsed(&t);
    const fod_site *s = &t.in.sites[0];
    fod_result r;
    assert_true(fod_compute(s, 2002, t.mem, t.f.dl, &r));
    static const double mcf[3][3] = {{0.7, 0.5, 0.8}, {0.7, 0.5, 0.8}, {0.7, 1.0, 0.8}}; /* [year][column] */
    static const double doc[3] = {0.15, 0.05, 0.40}; /* Table 2.4 food and paper; sludge 0.05 (EPA HH-1) */
    for (size_t iy = 0; iy < 3; iy++)
        for (size_t j = 0; j < 3; j++) {
            assert_close(fod_cell_at(&r, iy, j)->mcf, mcf[iy][j], 0);
            /* 1 Gg x DOC x 0.5 x MCF: sludge 2002 = 1 x 0.05 x 0.5 x 1.0 = 0.025 Gg */
            assert_close(fod_cell_at(&r, iy, j)->ddocmd_gg, 1 * doc[j] * 0.5 * mcf[iy][j], REL);
        }
    assert_close(s->mcf.value, 0.8, 0); /* the site's own: Table 3.1, unmanaged deep */
    done(&t);
}

/* ---- sludge and industrial waste ------------------------------------------ */

/* Sludge has a DOC default (0.05, EPA HH-1's transcription) and the k of
 * Table 3.3's food waste / sewage sludge row; industrial waste has neither
 * (NE): given, it computes. */
static void test_sludge_and_industrial(void **state)
{
    (void)state;
    fod_param p;
    double lo, hi;
    assert_true(fod_default_doc(FOD_SLUDGE, &p));
    assert_close(p.value, 0.05, 0);
    assert_true(fod_default_k(FOD_TEMPERATE_WET, FOD_SLUDGE, &p, &lo, &hi));
    assert_close(p.value, 0.185, 0); /* 0.1-0.2 */
    assert_close(lo, 0.1, 0);
    assert_close(hi, 0.2, 0);
    assert_true(fod_default_k(FOD_TEMPERATE_DRY, FOD_SLUDGE, &p, NULL, NULL));
    assert_close(p.value, 0.06, 0);
    assert_false(fod_default_doc(FOD_INDUSTRIAL, &p));
    assert_false(fod_default_k(FOD_TEMPERATE_WET, FOD_INDUSTRIAL, &p, NULL, NULL));
    assert_string_equal(fod_waste_name(FOD_INDUSTRIAL), "industrial");
    load_t t = load("  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n"
                    "    deposits:\n      unit: Gg\n      types: [industrial]\n      rows:\n        - [2000, 4]\n"
                    "    doc: {industrial: {value: 0.1, source: survey}}\n    k: {industrial: 0.05}\n");
    need_parsed(&t);
    fod_result r;
    assert_true(fod_compute(&t.in.sites[0], 2001, t.mem, t.f.dl, &r));
    /* 4 Gg x 0.1 x 0.5 x 1.0 = 0.2 Gg; 2001: 0.2 x (1 - e^-0.05) = 0.2 x 0.048771 = 0.0097541 Gg */
    assert_close(fod_cell_at(&r, 1, 0)->ddocm_decomp_gg, 0.2 * -expm1(-0.05), REL);
    done(&t);
}

/* ---- errors, each with file:line:col -------------------------------------- */

#define HEAD "  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n"
#define ROWS "    deposits:\n      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"

static void test_errors(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        {HEAD "    mcf: [{from: 2001, value: 0.4}]\n" ROWS,
         "inv.yaml:7:31: error: site 'A': the first MCF period starts in 2001, after the first deposit year 2000: give "
         "the MCF of the years before (a period from 2000)"},
        {HEAD "    mcf: [{from: 2000, value: 0.4}, {from: 1995, value: 1}]\n" ROWS,
         "inv.yaml:7:37: error: the MCF period from 1995 comes after the one from 2000: list the periods in "
         "ascending years, each once"},
        {HEAD "    mcf: [{from: 2000, value: 1.4}]\n" ROWS,
         "inv.yaml:7:31: error: 'mcf' must be at least 0 and at most 1, got 1.4"},
        {HEAD "    mcf: [{value: 0.4}]\n" ROWS, "inv.yaml:7:11: error: missing 'from' in an MCF period"},
        {HEAD "    mcf: []\n" ROWS, "inv.yaml:7:10: error: 'mcf' lists no period"},
        {HEAD "    mcf: {fod: 0.5}\n" ROWS, "inv.yaml:7:11: error: unknown waste type 'fod' (did you mean 'food'?)"},
        {HEAD "    decay_start: deposit_yr\n" ROWS,
         "inv.yaml:7:18: error: 'decay_start' is 'deposit_yr': use deposit_year (the CDM tool's convention) or "
         "after_delay (IPCC, with delay_months)"},
        {HEAD "    decay_start: deposit_year\n    delay_months: 3\n" ROWS,
         "inv.yaml:8:19: error: 'delay_months' and 'decay_start: deposit_year' both set when decay starts: keep one"},
        {HEAD "    deposits:\n      unit: t\n      types: [industrial]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:9:15: error: no default DOC for 'industrial'"},
        {HEAD "    deposits:\n      unit: t\n      types: [industrial]\n      rows:\n        - [2000, 1]\n"
              "    doc: {industrial: 0.1}\n",
         "inv.yaml:9:15: error: no default k for 'industrial' in climate 'temperate_wet'"},
    };
    check_parse_errors(rows, sizeof rows / sizeof *rows);
}

/* An MCF for a type with no deposit column is a warning, not an error. */
static void test_unused_type_mcf(void **state)
{
    (void)state;
    load_t t = load(HEAD "    mcf: {sludge: 0.5}\n" ROWS);
    need_parsed(&t);
    th_need_message(t.f.dl, NULL, "inv.yaml:7:19: warning: 'mcf' gives sludge, which has no deposit column: it is "
                                  "not used");
    done(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_deposit_closed_form), cmocka_unit_test(test_decay_start_from_yaml),
        cmocka_unit_test(test_mcf_periods),             cmocka_unit_test(test_mcf_by_type),
        cmocka_unit_test(test_sludge_and_industrial),   cmocka_unit_test(test_errors),
        cmocka_unit_test(test_unused_type_mcf),
    };
    return cmocka_run_group_tests_name("fod years", tests, NULL, NULL);
}
