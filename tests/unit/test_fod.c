/* test_fod.c - unit tests for the first-order-decay landfill methane model and its YAML section (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fod_testutil.h"
#include "nsum.h"

/* ---- (1) constant deposits against the closed form --------------------- */

/* Constant deposits W every year from year 0, one waste type:
 *   D = W x DOC x DOCf x MCF       (DDOCm deposited each year, Eq. 3.2)
 *   a = e^-k                        (share left after a whole year)
 *   b = e^(-k (13-M)/12), M = delay + 7  (share left unreacted at the end
 *                                         of the deposit year)
 * Each year's deposit leaves b D at the end of its year and decays by a every
 * later year, so at the end of year T (T = 0, 1, ...):
 *   DDOCma(T) = b D (1 + a + ... + a^T) = b D (1 - a^(T+1)) / (1 - a).
 * What decomposes in year T is the deposit-year part plus the decay of the
 * stock at the end of year T-1:
 *   decomp(T) = (1 - b) D + DDOCma(T-1) (1 - a)
 *             = (1 - b) D + b D (1 - a^T) = D (1 - b a^T),
 * which also holds at T = 0 (DDOCma(-1) = 0). Mass balance: (T+1) D =
 * DDOCma(T) + sum of decomp(0..T). With the default delay of 6 months b = 1:
 * nothing decomposes in the deposit year and decomp(T) = D (1 - a^T).
 * Written with expm1 so that the closed form is accurate to the last bits. */
static void check_closed_form(double k, double delay, size_t n)
{
    pool *mem = pool_new();
    diag_list *dl = diag_new();
    const double w = 123.456, doc = 0.15, docf = 0.5, mcf = 0.8, f = 0.5;
    double *ws = malloc(n * sizeof *ws);
    for (size_t i = 0; i < n; i++)
        ws[i] = w;
    fod_waste type = FOD_FOOD;
    fod_site s = mk_site(mem, 1, &type, &doc, &k, mcf, docf, f, 0.0, delay, 1990, n, ws);
    fod_result r;
    assert_true(fod_compute(&s, 1990 + (int)n - 1, mem, dl, &r));
    assert_int_equal(diag_count(dl), 0);
    const double d = w * doc * docf * mcf;
    const double x = k * (6.0 - delay) / 12.0; /* k (13 - M)/12 */
    const double b = exp(-x);
    nsum cum = {0, 0};
    for (size_t t = 0; t < n; t++) {
        const fod_cell *c = fod_cell_at(&r, t, 0);
        double ddocma = b * d * expm1(-k * (double)(t + 1)) / expm1(-k);
        double decomp = -d * expm1(-k * (double)t - x); /* D (1 - b a^T) */
        assert_close(c->ddocmd_gg, d, REL);
        assert_close(c->ddocma_gg, ddocma, REL);
        assert_close(c->ddocm_decomp_gg, decomp, REL);
        assert_close(c->ch4_gen_gg, decomp * f * CH4_PER_C, REL);
        assert_close(r.ch4_emitted_gg[t], decomp * f * CH4_PER_C, REL);
        nsum_add(&cum, c->ddocm_decomp_gg);
        assert_close(c->ddocma_gg + nsum_value(&cum), d * (double)(t + 1), REL);
    }
    free(ws);
    diag_free(dl);
    pool_free(mem);
}

/* The closed form's cases: k (1/yr), delay (months) and years computed. */
typedef struct {
    double k;
    double delay_months;
    size_t years;
} closed_form_case;

static void test_closed_form_default_delay(void **state)
{
    (void)state;
    static const closed_form_case rows[] = {
        {0.185, 6.0, 40}, /* food, temperate wet; M = 13: b = 1 */
        {0.02, 6.0, 60},  /* wood, temperate dry: slow decay */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_closed_form(rows[i].k, rows[i].delay_months, rows[i].years);
}

static void test_closed_form_other_delays(void **state)
{
    (void)state;
    static const closed_form_case rows[] = {
        {0.185, 0.0, 30}, /* no delay: M = 7, half a year of decay in the deposit year */
        {0.06, 3.0, 25},  /* M = 10: a quarter of a year */
        {0.4, 0.0, 50},   /* fastest Table 3.3 rate (tropical wet food) */
        {0.185, FOD_DELAY_DEPOSIT_YEAR, 30}, /* decay_start: deposit_year, M = 1: b = e^-k, decomp(T) = D (1 - a^(T+1)) */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_closed_form(rows[i].k, rows[i].delay_months, rows[i].years);
}

/* ---- (2) against an independent year-by-year computation --------------- */

/* Deposits of 25 years and 5 types that vary from year to year. */
static double varying_deposit(size_t year, size_t type)
{
    return 50.0 + 40.0 * sin(0.7 * (double)year + 1.3 * (double)type) + (double)((year * 7 + type * 3) % 11);
}

/* Each year's deposit is followed on its own: D_t = W_t DOC DOCf MCF
 * deposited in year t leaves b D_t at the end of year t, and b D_t e^{-k(T-t)}
 * at the end of year T > t; in year T > t it loses
 *   b D_t (e^{-k(T-t-1)} - e^{-k(T-t)}),
 * and in its own year (1 - b) D_t. Summing over deposit years t <= T gives the
 * stock and the decomposition of year T without the recursion of Eq. 3.4. */
static void check_independent(double delay, double ox)
{
    enum { NY = 25, NT = 5 };
    const fod_waste types[NT] = {FOD_FOOD, FOD_GARDEN, FOD_PAPER, FOD_WOOD, FOD_TEXTILES};
    const double doc[NT] = {0.15, 0.20, 0.40, 0.43, 0.24};
    const double k[NT] = {0.185, 0.10, 0.06, 0.03, 0.06};
    const double mcf = 0.8, docf = 0.5, f = 0.5;
    double w[NY * NT];
    for (size_t y = 0; y < NY; y++)
        for (size_t j = 0; j < NT; j++)
            w[y * NT + j] = varying_deposit(y, j);
    pool *mem = pool_new();
    diag_list *dl = diag_new();
    fod_site s = mk_site(mem, NT, types, doc, k, mcf, docf, f, ox, delay, 1996, NY, w);
    fod_result r;
    assert_true(fod_compute(&s, 1996 + NY - 1, mem, dl, &r));
    for (size_t T = 0; T < NY; T++) {
        nsum gen_all = {0, 0};
        for (size_t j = 0; j < NT; j++) {
            double b = exp(-k[j] * (6.0 - delay) / 12.0);
            nsum stock = {0, 0}, decomp = {0, 0};
            for (size_t t = 0; t <= T; t++) {
                double d = w[t * NT + j] * doc[j] * docf * mcf;
                double age = (double)(T - t);
                nsum_add(&stock, b * d * exp(-k[j] * age));
                if (t == T)
                    nsum_add(&decomp, (1.0 - b) * d);
                else
                    nsum_add(&decomp, b * d * (exp(-k[j] * (age - 1.0)) - exp(-k[j] * age)));
            }
            const fod_cell *c = fod_cell_at(&r, T, j);
            assert_close(c->ddocma_gg, nsum_value(&stock), REL);
            assert_close(c->ddocm_decomp_gg, nsum_value(&decomp), REL);
            double gen = nsum_value(&decomp) * f * CH4_PER_C;
            assert_close(c->ch4_gen_gg, gen, REL);
            nsum_add(&gen_all, gen);
        }
        assert_close(r.ch4_gen_gg[T], nsum_value(&gen_all), REL);
        assert_close(r.ch4_emitted_gg[T], nsum_value(&gen_all) * (1.0 - ox), REL);
    }
    double e;
    assert_true(fod_emission_gg(&r, 2020, &e));
    assert_close(e, r.ch4_emitted_gg[24], 0);
    assert_false(fod_emission_gg(&r, 2021, &e));
    assert_false(fod_emission_gg(&r, 1995, &e));
    diag_free(dl);
    pool_free(mem);
}

static void test_independent_default_delay(void **state)
{
    (void)state;
    check_independent(6.0, 0.0);
}

static void test_independent_short_delay(void **state)
{
    (void)state;
    check_independent(2.0, 0.1);
}

/* Years after the last row have no deposits (a warning says so); the stock
 * only decays: DDOCma(T+1) = DDOCma(T) e^-k. */
static void test_closed_site(void **state)
{
    (void)state;
    pool *mem = pool_new();
    diag_list *dl = diag_new();
    const fod_waste type = FOD_PAPER;
    const double doc = 0.4, k = 0.06, w[3] = {10, 20, 30};
    fod_site s = mk_site(mem, 1, &type, &doc, &k, 1.0, 0.5, 0.5, 0.0, 6.0, 2010, 3, w);
    fod_result r;
    assert_true(fod_compute(&s, 2020, mem, dl, &r));
    assert_int_equal(diag_error_count(dl), 0);
    assert_int_equal(diag_count(dl), 1);
    th_need_message(dl, NULL, "no deposit rows after 2012, so 2013-2020 are computed with no deposits");
    assert_int_equal(r.nyears, 11);
    for (size_t t = 3; t < 11; t++) {
        assert_close(fod_cell_at(&r, t, 0)->w_gg, 0.0, 0);
        assert_close(fod_cell_at(&r, t, 0)->ddocma_gg, fod_cell_at(&r, t - 1, 0)->ddocma_gg * exp(-k), REL);
    }
    /* an inventory year before the first deposit is an error */
    assert_false(fod_compute(&s, 2009, mem, dl, &r));
    th_need_message(dl, NULL, "first deposit year 2010 is after the inventory year 2009");
    diag_free(dl);
    pool_free(mem);
}

/* ---- (3) recovery and oxidation ----------------------------------------- */

/* Eq. 3.1: emitted = (generated - R) x (1 - OX), oxidised = (generated - R)
 * x OX. Site: 100 Gg paper in 2000 only, DOC 0.4, DOCf 0.5, MCF 1, F 0.5,
 * k 0.06, delay 6: DDOCmd = 20 Gg; in 2001 decomp = 20 (1 - e^-0.06) =
 * 1.164709328315026 Gg and CH4 generated = 1.164709... x 0.5 x 16/12 =
 * 0.7764728855433506 Gg. R(2001) = 500 t = 0.5 Gg, OX = 0.1:
 * emitted = 0.2764728855433506 x 0.9 = 0.24882559698901554 Gg. */
static void test_recovery_oxidation(void **state)
{
    (void)state;
    load_t t = load("  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n    ox: 0.1\n"
                    "    deposits:\n      unit: Gg\n      types: [paper]\n      rows:\n"
                    "        - [2000, 100]\n        - [2001, 0]\n        - [2002, 0]\n"
                    "    recovery: {2001: 500, unit: t CH4}\n");
    assert_true(t.ok);
    fod_result r;
    assert_true(fod_compute(&t.in.sites[0], 2002, t.mem, t.f.dl, &r));
    double gen = 20.0 * -expm1(-0.06) * 0.5 * CH4_PER_C;
    assert_close(gen, 0.7764728855433506, REL);
    assert_close(r.ch4_gen_gg[1], gen, REL);
    assert_close(r.recovery_gg[1], 0.5, REL);
    assert_close(r.ch4_emitted_gg[1], (gen - 0.5) * 0.9, REL);
    assert_close(r.ch4_emitted_gg[1], 0.24882559698901554, 1e-11);
    assert_close(r.ch4_oxidised_gg[1], (gen - 0.5) * 0.1, REL);
    assert_close(r.recovery_gg[2], 0.0, 0);
    assert_close(r.ch4_emitted_gg[2], r.ch4_gen_gg[2] * 0.9, REL);
    done(&t);
}

/* Recovery above generation is an error (not clamped): it means the
 * recovery figure or the site's parameters are wrong, and a clamp would hide
 * it. In 2000 nothing is generated (delay 6 months), so any recovery there
 * is too much; in 2001 0.7765 Gg is generated and 800 t recovered is more. */
static void test_recovery_above_generation(void **state)
{
    (void)state;
    load_t t = load("  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n"
                    "    deposits:\n      unit: Gg\n      types: [paper]\n      rows:\n"
                    "        - [2000, 100]\n        - [2001, 0]\n"
                    "    recovery:\n      unit: t\n      2000: 1\n      2001: 800\n");
    assert_true(t.ok);
    fod_result r;
    assert_false(fod_compute(&t.in.sites[0], 2001, t.mem, t.f.dl, &r));
    th_need_message(t.f.dl, NULL,
                    "inv.yaml:15:13: error: site 'A': CH4 recovered in 2000 (1 t) is more than the model "
                    "generates that year (0 t)");
    th_need_message(t.f.dl, NULL,
                    "inv.yaml:16:13: error: site 'A': CH4 recovered in 2001 (800 t) is more than the model "
                    "generates that year (776.473 t)");
    done(&t);
    /* equal to generation is fine: emitted 0 */
    load_t u = load("  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n"
                    "    deposits:\n      unit: Gg\n      types: [paper]\n      rows:\n"
                    "        - [2000, 0]\n    recovery: {2000: 0, unit: t}\n");
    assert_true(u.ok);
    assert_true(fod_compute(&u.in.sites[0], 2000, u.mem, u.f.dl, &r));
    assert_close(r.ch4_emitted_gg[0], 0.0, 0);
    done(&u);
}

/* ---- (5) a hand-computed 3-year example through the YAML --------------- */

/* Site: managed anaerobic (MCF 1.0, Table 3.1), temperate wet (k food 0.185,
 * paper 0.06, Table 3.3), DOC food 0.15 and paper 0.40 (Table 2.4), DOCf 0.5,
 * F 0.5, OX 0.1, delay 6 months (M = 13: nothing decomposes in the deposit
 * year). Deposits in 10^4 t (= 10 Gg):
 *   2000: food 10 (100 Gg), paper 5 (50 Gg); 2001: food 20 (200 Gg); 2002: none.
 * DDOCmd = W x DOC x 0.5 x 1.0:
 *   food 2000 = 100 x 0.15 x 0.5 = 7.5 Gg, food 2001 = 15 Gg, paper 2000 = 50 x 0.4 x 0.5 = 10 Gg.
 * e^-0.185 = 0.8311042838521256 (1 - it = 0.16889571614787435),
 * e^-0.06  = 0.9417645335842487 (1 - it = 0.05823546641575129).
 * 2000: decomp 0; DDOCma food 7.5, paper 10; CH4 0; emitted 0.
 * 2001: decomp food = 7.5 x 0.16889571614787435 = 1.2667178711090576,
 *       decomp paper = 10 x 0.05823546641575129 = 0.5823546641575129;
 *       DDOCma food = 15 + 7.5 x 0.8311042838521256 = 21.23328212889094,
 *       DDOCma paper = 10 x 0.9417645335842487 = 9.417645335842487;
 *       CH4 gen = (1.2667178711090576 + 0.5823546641575129) x 0.5 x 16/12 = 1.2327150235110471;
 *       emitted = 1.2327150235110471 x (1 - 0.1) = 1.1094435211599425 Gg.
 * 2002: decomp food = 21.23328212889094 x 0.16889571614787435 = 3.5862103913288976,
 *       decomp paper = 9.417645335842487 x 0.05823546641575129 = 0.5484409686709119;
 *       DDOCma food = 21.23328212889094 x 0.8311042838521256 = 17.647071737562044,
 *       DDOCma paper = 9.417645335842487 x 0.9417645335842487 = 8.869204367171575;
 *       CH4 gen = (3.5862103913288976 + 0.5484409686709119) x 2/3 = 2.756434239999873;
 *       R = 1000 t = 1 Gg; emitted = (2.756434239999873 - 1) x 0.9 = 1.5807908159998856 Gg,
 *       oxidised = 1.756434239999873 x 0.1 = 0.1756434239999873 Gg. */
static void test_hand_example(void **state)
{
    (void)state;
    load_t t = load("  - site: \"Municipal landfill A\"\n"
                    "    category: \"4.A.1\"\n"
                    "    site_type: managed_anaerobic\n"
                    "    climate: temperate_wet\n"
                    "    docf: 0.5\n    f: 0.5\n    ox: {value: 0.1, source: \"cover soil survey 2015\"}\n"
                    "    delay_months: 6\n"
                    "    deposits:\n      unit: 10^4 t\n      types: [food, paper]\n      rows:\n"
                    "        - [2000, 10, 5]\n        - [2001, 20, 0]\n        - [2002, 0, 0]\n"
                    "    recovery: {2002: 1000, unit: t}\n");
    need_parsed(&t);
    const fod_site *s = &t.in.sites[0];
    assert_string_equal(s->name, "Municipal landfill A");
    assert_string_equal(s->category, "4.A.1");
    assert_close(s->mcf.value, 1.0, 0);
    assert_non_null(strstr(s->mcf.source, "Table 3.1"));
    assert_string_equal(s->ox.source, "cover soil survey 2015");
    assert_int_equal(s->ox.at.line, 10);
    assert_close(s->k[0].value, 0.185, 0);
    assert_close(s->k[1].value, 0.06, 0);
    assert_close(s->doc[1].value, 0.40, 0);
    assert_close(s->deposit_unit_to_gg, 10.0, REL);
    fod_result r;
    assert_true(fod_compute(s, 2002, t.mem, t.f.dl, &r));
    assert_int_equal(diag_count(t.f.dl), 0);
    assert_close(r.month_start, 13.0, 0);
#define C(member) TH_FIELD(fod_cell, member)
    /* The cells: year index (0 = 2000), type (0 food, 1 paper), member, value from the comment above, tolerance. */
    static const struct {
        size_t year, type;
        th_field field;
        double want;
        double tol;
    } cells[] = {
        /* 2000 */
        {0, 0, C(ddocmd_gg), 7.5, REL},
        {0, 1, C(ddocmd_gg), 10.0, REL},
        {0, 0, C(ddocm_dep_decomp_gg), 0.0, 0},
        {0, 0, C(ddocma_gg), 7.5, REL},
        /* 2001 */
        {1, 0, C(ddocm_decomp_gg), 1.2667178711090576, REL},
        {1, 1, C(ddocm_decomp_gg), 0.5823546641575129, REL},
        {1, 0, C(ddocma_gg), 21.23328212889094, REL},
        {1, 1, C(ddocma_gg), 9.417645335842487, REL},
        /* 2002 */
        {2, 0, C(ddocm_decomp_gg), 3.5862103913288976, REL},
        {2, 1, C(ddocm_decomp_gg), 0.5484409686709119, REL},
        {2, 0, C(ddocma_gg), 17.647071737562044, REL},
        {2, 1, C(ddocma_gg), 8.869204367171575, REL},
    };
#undef C
#define Y(series) #series, r.series
    /* The site's yearly series: its name and array, year index, value from the comment above, tolerance. */
    const struct {
        const char *name;
        const double *series;
        size_t year;
        double want;
        double tol;
    } years[] = {
        {Y(ch4_emitted_gg), 0, 0.0, 0},              /* 2000 */
        {Y(ch4_gen_gg), 1, 1.2327150235110471, REL}, /* 2001 */
        {Y(ch4_emitted_gg), 1, 1.1094435211599425, REL},
        {Y(ch4_gen_gg), 2, 2.756434239999873, REL}, /* 2002 */
        {Y(recovery_gg), 2, 1.0, REL},
        {Y(ch4_emitted_gg), 2, 1.5807908159998856, REL},
        {Y(ch4_oxidised_gg), 2, 0.1756434239999873, REL},
    };
#undef Y
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "cell %zu/%zu %s", cells[i].year, cells[i].type, cells[i].field.name);
        assert_close_what(th_value(fod_cell_at(&r, cells[i].year, cells[i].type), cells[i].field), cells[i].want,
                          cells[i].tol, what);
    }
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "%s[%zu]", years[i].name, years[i].year);
        assert_close_what(years[i].series[years[i].year], years[i].want, years[i].tol, what);
    }
    double e;
    assert_true(fod_emission_gg(&r, 2002, &e));
    assert_close(e * 1000.0, 1580.7908159998856, REL); /* t CH4 into 4.A.1 */
    done(&t);
}

/* Defaults by site type and climate, and their categories. */
static void test_defaults(void **state)
{
    (void)state;
    load_t t = load("  - site: B\n    site_type: unmanaged_shallow\n    climate: temperate_dry\n"
                    "    deposits:\n      unit: t\n      types: [wood, garden, textiles, nappies]\n      rows:\n"
                    "        - [2019, 1000, 2000, 3000, 4000]\n    k: {nappies: 0.04}\n"
                    "  - site: C\n    site_type: uncategorised\n    mcf: 0.7\n"
                    "    deposits:\n      unit: Gg\n      types: [bulk]\n      rows:\n        - [2019, 1]\n"
                    "    doc: {bulk: {value: 0.17, source: \"city composition survey\"}}\n    k: {bulk: 0.09}\n");
    need_parsed(&t);
    const fod_site *b = &t.in.sites[0], *c = &t.in.sites[1];
    assert_string_equal(b->category, "4.A.2");
    assert_close(b->mcf.value, 0.4, 0);
    assert_close(b->docf.value, 0.5, 0);
    assert_close(b->f.value, 0.5, 0);
    assert_close(b->ox.value, 0.0, 0);
    assert_close(b->delay_months.value, 6.0, 0);
    assert_close(b->k[0].value, 0.02, 0); /* wood, dry */
    assert_close(b->k[1].value, 0.05, 0); /* garden, dry */
    assert_close(b->k[2].value, 0.04, 0); /* textiles share the paper row */
    assert_close(b->k[3].value, 0.04, 0); /* given */
    assert_string_equal(b->k[3].source, "input");
    assert_close(b->doc[0].value, 0.43, 0);
    assert_close(b->doc[3].value, 0.24, 0);
    assert_close(b->w_gg[0], 1.0, REL); /* 1000 t = 1 Gg */
    assert_string_equal(c->category, "4.A.3");
    assert_close(c->mcf.value, 0.7, 0);
    assert_string_equal(c->mcf.source, "input");
    assert_string_equal(c->doc[0].source, "city composition survey");
    assert_int_equal(c->climate, FOD_CLIMATE_NONE);
    double lo, hi;
    fod_param p;
    assert_true(fod_default_k(FOD_TEMPERATE_WET, FOD_FOOD, &p, &lo, &hi));
    assert_close(p.value, 0.185, 0);
    assert_close(lo, 0.1, 0);
    assert_close(hi, 0.2, 0);
    assert_false(fod_default_k(FOD_TROPICAL_WET, FOD_FOOD, &p, NULL, NULL));
    assert_false(fod_default_doc(FOD_BULK, &p));
    assert_string_equal(fod_site_category(FOD_MANAGED_SEMI_AEROBIC), "4.A.1");
    assert_string_equal(fod_site_category(FOD_UNMANAGED_DEEP), "4.A.2");
    done(&t);
}

/* ---- (4) parse errors, each with file:line:col ------------------------- */

/* The body lines of a valid site; tests replace one part. Line numbers in
 * the file: 4 "- site", 5 site_type, 6 climate, 7 deposits, 8 unit, 9 types,
 * 10 rows, 11.. the rows. */
#define SITE_HEAD "  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n    deposits:\n"

static void test_error_unknown_type(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        {SITE_HEAD "      unit: t\n      types: [food, fod]\n      rows:\n        - [2000, 1, 2]\n",
         "inv.yaml:9:21: error: unknown waste type 'fod' (did you mean 'food'?)"},
        {SITE_HEAD "      unit: t\n      types: [food, plastics]\n      rows:\n        - [2000, 1, 2]\n",
         "inv.yaml:9:21: error: unknown waste type 'plastics': use one of food, garden, paper, wood, "
         "textiles, nappies, rubber_leather, bulk"},
        {SITE_HEAD "      unit: t\n      types: [food, food]\n      rows:\n        - [2000, 1, 2]\n",
         "inv.yaml:9:21: error: waste type 'food' is listed twice"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "    k: {foood: 0.1}\n",
         "inv.yaml:12:9: error: unknown waste type 'foood' (did you mean 'food'?)"},
    };
    check_parse_errors(TH_ROWS(rows));
}

static void test_error_columns(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        {SITE_HEAD "      unit: t\n      types: [food, paper]\n      rows:\n        - [2000, 1, 2]\n"
                   "        - [2001, 1]\n",
         "inv.yaml:12:11: error: a deposit row must be a list of 3 values (the year, then one amount for "
         "each of the 2 types), got 2"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - 2000\n",
         "inv.yaml:11:11: error: a deposit row must be a list of 2 values"},
    };
    check_parse_errors(TH_ROWS(rows));
}

static void test_error_years(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "        - [2001, 1]\n        - [2001, 1]\n",
         "inv.yaml:13:12: error: year 2001 is given twice in 'rows': merge the two rows"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2001, 1]\n"
                   "        - [2000, 1]\n",
         "inv.yaml:12:12: error: year 2000 comes after 2001: list the rows in ascending years"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "        - [2003, 1]\n",
         "inv.yaml:12:12: error: years 2001-2002 are missing between 2000 and 2003"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000.5, 1]\n",
         "inv.yaml:11:12: error: 'year' must be a whole number from 1900 to 2100, got 2000.5"},
    };
    check_parse_errors(TH_ROWS(rows));
}

static void test_error_negative_deposit(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        {SITE_HEAD "      unit: t\n      types: [food, paper]\n      rows:\n        - [2000, 1, -2]\n",
         "inv.yaml:11:21: error: deposit -2 is negative: give the mass deposited (0 or more)"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, \"5\"]\n",
         "inv.yaml:11:18: error: 'deposit' must be a number, got the text \"5\" (remove the quotes)"},
        {SITE_HEAD "      unit: Gt\n      types: [food]\n      rows:\n        - [2000, 5000]\n",
         "inv.yaml:11:18: error: deposit 5000 is more than 10^12 t in one year"},
    };
    check_parse_errors(TH_ROWS(rows));
}

static void test_error_units(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        {SITE_HEAD "      unit: 10^4 m3\n      types: [food]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:8:13: error: 'unit' is '10^4 m3', which measures volume: give a mass (t, 10^4 t, Gg)"},
        {SITE_HEAD "      unit: tonn\n      types: [food]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:8:13: error: 'unit': unknown unit 'tonn'"},
        {SITE_HEAD "      unit: t CO2\n      types: [food]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:8:13: error: 'unit' is 't CO2', a mass of CO2: give a plain mass (t, Gg)"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "    recovery: {2000: 1, unit: t CO2}\n",
         "inv.yaml:12:31: error: 'unit' is 't CO2', a mass of CO2: give a mass of CH4 (t, Gg)"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "    recovery: {2000: 1}\n",
         "inv.yaml:12:15: error: missing 'unit' in 'recovery'"},
    };
    check_parse_errors(TH_ROWS(rows));
}

static void test_error_site_fields(void **state)
{
    (void)state;
    static const parse_error_case rows[] = {
        /* unknown key with a suggestion */
        {"  - site: A\n    site_typ: managed_anaerobic\n",
         "inv.yaml:5:5: error: unknown key 'site_typ' in a solid waste site (did you mean 'site_type'?)"},
        /* unknown site type */
        {"  - site: A\n    site_type: managed_anerobic\n",
         "inv.yaml:5:16: error: unknown site type 'managed_anerobic' (did you mean 'managed_anaerobic'?)"},
        /* category that contradicts the site type */
        {"  - site: A\n    category: \"4.A.2\"\n    site_type: managed_anaerobic\n",
         "inv.yaml:5:15: error: category '4.A.2' does not match site_type 'managed_anaerobic', which is "
         "reported in 4.A.1"},
        /* a half-life typed as k */
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n    k: {food: 12}\n",
         "inv.yaml:12:15: error: 'k of food' must be above 0 and at most 1, got 12"},
        /* fractions out of range */
        {"  - site: A\n    site_type: managed_anaerobic\n    ox: 1.5\n",
         "inv.yaml:6:9: error: 'ox' must be at least 0 and at most 1, got 1.5"},
        {"  - site: A\n    site_type: managed_anaerobic\n    delay_months: 9\n",
         "inv.yaml:6:19: error: 'delay_months' must be at least 0 and at most 6, got 9"},
        /* no climate and no k */
        {"  - site: A\n    site_type: managed_anaerobic\n    deposits:\n"
         "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:8:15: error: no k for 'food': give the site's climate"},
        /* no default k for nappies */
        {SITE_HEAD "      unit: t\n      types: [nappies]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:9:15: error: no default k for 'nappies' in climate 'temperate_wet'"},
        /* bulk waste needs its DOC */
        {SITE_HEAD "      unit: t\n      types: [bulk]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:9:15: error: no default DOC for 'bulk'"},
        /* climate misspelt */
        {"  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wett\n",
         "inv.yaml:6:14: error: unknown climate 'temperate_wett' (did you mean 'temperate_wet'?)"},
        /* missing deposits */
        {"  - site: A\n    site_type: managed_anaerobic\n    climate: temperate_wet\n",
         "inv.yaml:4:5: error: missing 'deposits' in a solid waste site"},
        /* a recovery year that is no year */
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "    recovery: {unti: t, 2000: 1}\n",
         "inv.yaml:12:16: error: unknown key 'unti' in 'recovery' (did you mean 'unit'?)"},
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n"
                   "    recovery: {unit: t, 20o0: 1}\n",
         "inv.yaml:12:25: error: '20o0' in 'recovery' is no year from 1900 to 2100"},
        /* two sites of one name */
        {SITE_HEAD "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n" SITE_HEAD
                   "      unit: t\n      types: [food]\n      rows:\n        - [2000, 1]\n",
         "inv.yaml:12:5: error: site 'A' is given twice (first at line 4)"},
        /* not a list */
        {"  site: A\n", "inv.yaml:4:3: error: 'solid_waste' must be a list of sites"},
    };
    check_parse_errors(TH_ROWS(rows));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closed_form_default_delay),
        cmocka_unit_test(test_closed_form_other_delays),
        cmocka_unit_test(test_independent_default_delay),
        cmocka_unit_test(test_independent_short_delay),
        cmocka_unit_test(test_closed_site),
        cmocka_unit_test(test_recovery_oxidation),
        cmocka_unit_test(test_recovery_above_generation),
        cmocka_unit_test(test_hand_example),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_error_unknown_type),
        cmocka_unit_test(test_error_columns),
        cmocka_unit_test(test_error_years),
        cmocka_unit_test(test_error_negative_deposit),
        cmocka_unit_test(test_error_units),
        cmocka_unit_test(test_error_site_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
