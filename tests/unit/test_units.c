/* test_units.c - unit tests for calc/units.c (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test_helpers.h"
#include "units.h"

#define REL 1e-12

enum { M = UNITS_DIM_MASS, L = UNITS_DIM_LENGTH, E = UNITS_DIM_ENERGY,
       Y = UNITS_DIM_MONEY, N = UNITS_DIM_COUNT, T = UNITS_DIM_TIME };

typedef struct {
    const char *text;
    double scale;                  /* base units (kg, m, J, yuan, 1, s) */
    signed char dim[UNITS_NDIM];   /* expected exponents */
    const char *species;           /* expected species, "" for none */
} parse_case;

static const parse_case parse_cases[] = {
    /* mass */
    {"kg", 1.0, {[M] = 1}, ""},
    /* a substance below the line is what the amount is per; the unit's
     * species is the one above: kg N2O-N per kg N is 1 (dimensionless) */
    {"kg N2O-N/kg N", 1.0, {0}, "N2O-N"},
    {"kg CH4/kg BOD", 1.0, {0}, "CH4"},
    {"t C/t DM", 1.0, {0}, "C"},
    {"g", 1e-3, {[M] = 1}, ""},
    {"t", 1e3, {[M] = 1}, ""},
    {"tonne", 1e3, {[M] = 1}, ""},
    {"kt", 1e6, {[M] = 1}, ""},
    {"Mt", 1e9, {[M] = 1}, ""},
    {"Gt", 1e12, {[M] = 1}, ""},
    {"Mg", 1e3, {[M] = 1}, ""},             /* megagram = t */
    {"Gg", 1e6, {[M] = 1}, ""},             /* gigagram = kt */
    {"Tg", 1e9, {[M] = 1}, ""},             /* teragram = Mt */
    {"吨", 1e3, {[M] = 1}, ""},
    {"千克", 1.0, {[M] = 1}, ""},
    {"公斤", 1.0, {[M] = 1}, ""},
    {"10^4 t", 1e7, {[M] = 1}, ""},         /* 10^4 * 1000 kg */
    {"10^4t", 1e7, {[M] = 1}, ""},          /* glued: same */
    {"1e4 t", 1e7, {[M] = 1}, ""},          /* 1e4 * 1000 kg */
    {"10^-3 t", 1.0, {[M] = 1}, ""},        /* 10^-3 * 1000 kg */
    {"10kt", 1e7, {[M] = 1}, ""},           /* 10 * 10^6 kg */
    {"2.5 t", 2.5e3, {[M] = 1}, ""},        /* 2.5 * 1000 kg */
    {"万吨", 1e7, {[M] = 1}, ""},           /* 10^4 * 1000 kg */
    {"万t", 1e7, {[M] = 1}, ""},            /* 万 * t = 10^4 * 1000 kg */
    {"亿t", 1e11, {[M] = 1}, ""},           /* 10^8 * 1000 kg */
    {"10万吨", 1e8, {[M] = 1}, ""},         /* 10 * 10^7 kg */

    /* energy */
    {"J", 1.0, {[E] = 1}, ""},
    {"kJ", 1e3, {[E] = 1}, ""},
    {"MJ", 1e6, {[E] = 1}, ""},
    {"GJ", 1e9, {[E] = 1}, ""},
    {"TJ", 1e12, {[E] = 1}, ""},
    {"PJ", 1e15, {[E] = 1}, ""},
    {"Wh", 3600.0, {[E] = 1}, ""},          /* 1 W * 3600 s */
    {"kWh", 3.6e6, {[E] = 1}, ""},          /* 1000 * 3600 J */
    {"MWh", 3.6e9, {[E] = 1}, ""},
    {"GWh", 3.6e12, {[E] = 1}, ""},
    {"TWh", 3.6e15, {[E] = 1}, ""},
    {"cal", 4.1868, {[E] = 1}, ""},         /* IT calorie */
    {"kcal", 4186.8, {[E] = 1}, ""},        /* 1000 * 4.1868 J */
    {"Mcal", 4.1868e6, {[E] = 1}, ""},
    {"Gcal", 4.1868e9, {[E] = 1}, ""},
    {"kgce", 29.3076e6, {[E] = 1}, ""},     /* GB/T 2589: 29 307.6 kJ/kg */
    {"gce", 29307.6, {[E] = 1}, ""},        /* 29.3076e6 / 1000 J */
    {"tce", 29.3076e9, {[E] = 1}, ""},      /* 1000 * 29.3076e6 J */
    {"10^4 tce", 2.93076e14, {[E] = 1}, ""},/* 10^4 * 29.3076e9 J */
    {"toe", 41.868e9, {[E] = 1}, ""},       /* IEA: 10^7 kcal */
    {"Mtoe", 41.868e15, {[E] = 1}, ""},     /* 10^6 * 41.868e9 J */
    {"吨标准煤", 29.3076e9, {[E] = 1}, ""}, /* = tce */
    {"千克标准煤", 29.3076e6, {[E] = 1}, ""},/* = kgce */
    {"万吨标准煤", 2.93076e14, {[E] = 1}, ""},/* 10^4 * 29.3076e9 J */
    {"千克标煤", 29.3076e6, {[E] = 1}, ""},   /* the short forms: = kgce */
    {"吨标煤", 29.3076e9, {[E] = 1}, ""},     /* = tce */
    {"万吨标煤", 2.93076e14, {[E] = 1}, ""},  /* = 10^4 tce */
    {"千瓦时", 3.6e6, {[E] = 1}, ""},       /* = kWh */
    {"度", 3.6e6, {[E] = 1}, ""},           /* = kWh */
    {"万千瓦时", 3.6e10, {[E] = 1}, ""},    /* 10^4 * 3.6e6 J */
    {"亿千瓦时", 3.6e14, {[E] = 1}, ""},    /* 10^8 * 3.6e6 J */
    {"万kWh", 3.6e10, {[E] = 1}, ""},       /* 万 * kWh = 10^4 * 3.6e6 J */

    /* volume */
    {"m3", 1.0, {[L] = 3}, ""},
    {"Nm3", 1.0, {[L] = 3}, ""},
    {"L", 1e-3, {[L] = 3}, ""},
    {"kL", 1.0, {[L] = 3}, ""},
    {"ML", 1e3, {[L] = 3}, ""},
    {"立方米", 1.0, {[L] = 3}, ""},
    {"万立方米", 1e4, {[L] = 3}, ""},
    {"亿立方米", 1e8, {[L] = 3}, ""},
    {"10^4 Nm3", 1e4, {[L] = 3}, ""},

    /* money */
    {"yuan", 1.0, {[Y] = 1}, ""},
    {"CNY", 1.0, {[Y] = 1}, ""},
    {"RMB", 1.0, {[Y] = 1}, ""},
    {"元", 1.0, {[Y] = 1}, ""},
    {"万元", 1e4, {[Y] = 1}, ""},
    {"亿元", 1e8, {[Y] = 1}, ""},

    /* count */
    {"head", 1.0, {[N] = 1}, ""},
    {"person", 1.0, {[N] = 1}, ""},
    {"persons", 1.0, {[N] = 1}, ""},
    {"item", 1.0, {[N] = 1}, ""},
    {"头", 1.0, {[N] = 1}, ""},
    {"人", 1.0, {[N] = 1}, ""},
    {"万人", 1e4, {[N] = 1}, ""},

    /* area and length */
    {"m2", 1.0, {[L] = 2}, ""},
    {"km2", 1e6, {[L] = 2}, ""},
    {"ha", 1e4, {[L] = 2}, ""},
    {"mu", 1e4 / 15.0, {[L] = 2}, ""},      /* 1/15 ha = 666.67 m2 */
    {"亩", 1e4 / 15.0, {[L] = 2}, ""},
    {"m", 1.0, {[L] = 1}, ""},
    {"km", 1e3, {[L] = 1}, ""},
    {"千米", 1e3, {[L] = 1}, ""},
    {"公里", 1e3, {[L] = 1}, ""},

    /* time */
    {"s", 1.0, {[T] = 1}, ""},
    {"h", 3600.0, {[T] = 1}, ""},
    {"d", 86400.0, {[T] = 1}, ""},          /* 24 * 3600 s */
    {"day", 86400.0, {[T] = 1}, ""},
    {"yr", 31536000.0, {[T] = 1}, ""},      /* 365 * 86400 s */
    {"year", 31536000.0, {[T] = 1}, ""},
    {"a", 31536000.0, {[T] = 1}, ""},

    /* dimensionless */
    {"%", 0.01, {0}, ""},
    {"1", 1.0, {0}, ""},
    {"fraction", 1.0, {0}, ""},
    {"ratio", 1.0, {0}, ""},
    {"10%", 0.1, {0}, ""},                  /* 10 * 0.01 */
    {"m3/m3", 1.0, {0}, ""},

    /* species */
    {"t CO2", 1e3, {[M] = 1}, "CO2"},
    {"tCO2", 1e3, {[M] = 1}, "CO2"},
    {"tC", 1e3, {[M] = 1}, "C"},
    {"kg CH4", 1.0, {[M] = 1}, "CH4"},
    {"kgN2O-N", 1.0, {[M] = 1}, "N2O-N"},
    {"kg N2O", 1.0, {[M] = 1}, "N2O"},
    {"kg N", 1.0, {[M] = 1}, "N"},
    {"kg CH4-C", 1.0, {[M] = 1}, "CH4-C"},
    {"t CO2e", 1e3, {[M] = 1}, "CO2e"},
    {"kg CO2-eq", 1.0, {[M] = 1}, "CO2e"},  /* alias of CO2e */
    {"GgCO2", 1e6, {[M] = 1}, "CO2"},
    {"万吨CO2", 1e7, {[M] = 1}, "CO2"},
    {"10^4 t CO2", 1e7, {[M] = 1}, "CO2"},
    {"t\xe3\x80\x80" "CO2", 1e3, {[M] = 1}, "CO2"}, /* U+3000 space */

    /* compound */
    {"GJ/10^4 Nm3", 1e5, {[E] = 1, [L] = -3}, ""},    /* 1e9 / 1e4 J/m3 */
    {"kg/TJ", 1e-12, {[M] = 1, [E] = -1}, ""},        /* 1 / 1e12 kg/J */
    {"  kg / TJ  ", 1e-12, {[M] = 1, [E] = -1}, ""},
    {"tC/TJ", 1e-9, {[M] = 1, [E] = -1}, "C"},        /* 1e3 / 1e12 */
    {"t C / TJ", 1e-9, {[M] = 1, [E] = -1}, "C"},
    {"t CO2/MWh", 1e3 / 3.6e9, {[M] = 1, [E] = -1}, "CO2"},
    {"tCO2/MWh", 1e3 / 3.6e9, {[M] = 1, [E] = -1}, "CO2"},
    {"kgCO2/kWh", 1.0 / 3.6e6, {[M] = 1, [E] = -1}, "CO2"},
    {"GJ/t", 1e6, {[E] = 1, [M] = -1}, ""},           /* 1e9 / 1e3 J/kg */
    {"TJ/万吨", 1e5, {[E] = 1, [M] = -1}, ""},        /* 1e12 / 1e7 J/kg */
    {"kg CO2/万立方米", 1e-4, {[M] = 1, [L] = -3}, "CO2"},
    {"t CH4/万元", 1e-1, {[M] = 1, [Y] = -1}, "CH4"}, /* 1e3 / 1e4 */
    {"kg/head/yr", 1.0 / 31536000.0, {[M] = 1, [N] = -1, [T] = -1}, ""},
    {"kg/head/d", 1.0 / 86400.0, {[M] = 1, [N] = -1, [T] = -1}, ""},
    {"t*km", 1e6, {[M] = 1, [L] = 1}, ""},            /* 1e3 * 1e3 */
    {"t·km", 1e6, {[M] = 1, [L] = 1}, ""},
    {"kg/t*km", 1.0, {[L] = 1}, ""},                  /* (1/1e3) * 1e3 */
    {"1/h", 1.0 / 3600.0, {[T] = -1}, ""},
    {"1000/h", 1000.0 / 3600.0, {[T] = -1}, ""},      /* bare number */
    {"%/yr", 0.01 / 31536000.0, {[T] = -1}, ""},
};

/* Parses one table row and compares scale, every exponent and species. */
static void check_parse_case(const parse_case *c)
{
    units_t u;
    char msg[128] = "x";
    units_status st = units_parse(c->text, &u, msg, sizeof msg);
    if (st != UNITS_OK)
        fail_msg("'%s': status %d, message '%s'", c->text, (int)st, msg);
    assert_string_equal(msg, "");
    assert_close_what(u.scale, c->scale, REL, c->text);
    for (int i = 0; i < UNITS_NDIM; i++) {
        if (u.dim[i] != c->dim[i])
            fail_msg("'%s': exponent %d is %d, expected %d", c->text, i,
                     u.dim[i], c->dim[i]);
    }
    if (strcmp(u.species, c->species) != 0)
        fail_msg("'%s': species '%s', expected '%s'", c->text, u.species,
                 c->species);
}

/* Every row of parse_cases parses to the expected unit. */
static void test_parse_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++)
        check_parse_case(&parse_cases[i]);
}

typedef struct {
    const char *text;
    units_status status;
    const char *needle;  /* must occur in the message */
} error_case;

static const error_case error_cases[] = {
    {"", UNITS_ERR_EMPTY, "empty unit"},
    {"  ", UNITS_ERR_EMPTY, "empty unit"},
    {"\t\n", UNITS_ERR_EMPTY, "empty unit"},
    {"tonn", UNITS_ERR_UNKNOWN, "unknown unit 'tonn' (did you mean 'tonne'?)"},
    {"kwh", UNITS_ERR_UNKNOWN, "unknown unit 'kwh' (did you mean 'kWh'?)"},
    {"MWH/t", UNITS_ERR_UNKNOWN, "unknown unit 'MWH' (did you mean 'MWh'?)"},
    {"t/yrs", UNITS_ERR_UNKNOWN, "unknown unit 'yrs' (did you mean 'yr'?)"},
    {"kg/TJJ", UNITS_ERR_UNKNOWN, "(did you mean 'TJ'?)"},
    {"吨吨", UNITS_ERR_UNKNOWN, "unknown unit '吨吨'"},
    {"x", UNITS_ERR_UNKNOWN, "unknown unit 'x'"},
    {"information", UNITS_ERR_UNKNOWN, "unknown unit 'information'"},
    {"10 tonn", UNITS_ERR_UNKNOWN, "unknown unit 'tonn'"},
    {"tCO3", UNITS_ERR_UNKNOWN,
     "unknown species 'CO3' after 't' (did you mean 'CO2'?)"},
    {"t COO2", UNITS_ERR_UNKNOWN,
     "unknown species 'COO2' after 't' (did you mean 'CO2'?)"},
    {"tco2", UNITS_ERR_UNKNOWN,
     "unknown species 'co2' after 't' (did you mean 'CO2'?)"},
    {"t co2", UNITS_ERR_UNKNOWN,
     "unknown species 'co2' after 't' (did you mean 'CO2'?)"},
    {"MWh foo", UNITS_ERR_UNKNOWN, "unexpected word 'foo' after 'MWh'"},
    {"kWh CO2", UNITS_ERR_SPECIES, "species 'CO2' on non-mass unit 'kWh'"},
    {"MWhCO2", UNITS_ERR_SPECIES, "species 'CO2' on non-mass unit 'MWh'"},
    {"TJ C/t", UNITS_ERR_SPECIES, "species 'C' on non-mass unit 'TJ'"},
    {"tCO2 CH4", UNITS_ERR_SPECIES, "two species in one unit: 'CO2' and 'CH4'"},
    {"t CO2 CH4", UNITS_ERR_SPECIES, "two species in one unit: 'CO2' and 'CH4'"},
    {"tC*tCO2", UNITS_ERR_SPECIES, "two species in one unit: 'C' and 'CO2'"},
    /* below the line a substance says what the amount is per: kept out of species */
    {"CO2/t", UNITS_ERR_SPECIES, "species 'CO2' needs a mass unit before it"},
    {"10^ t", UNITS_ERR_SYNTAX, "missing exponent after '^' in '10^'"},
    {"10^x t", UNITS_ERR_SYNTAX, "missing exponent after '^'"},
    {"10^4.5 t", UNITS_ERR_SYNTAX, "exponent after '^' must be a whole number"},
    {"t/", UNITS_ERR_SYNTAX, "missing unit after '/'"},
    {"t·", UNITS_ERR_SYNTAX, "missing unit after '·'"},
    {"//", UNITS_ERR_SYNTAX, "missing unit before '/'"},
    {"/t", UNITS_ERR_SYNTAX, "missing unit before '/'"},
    {"t//h", UNITS_ERR_SYNTAX, "missing unit between '/' and '/'"},
    {"-5 t", UNITS_ERR_SYNTAX, "factor must be a positive finite number, not '-5'"},
    {"nan t", UNITS_ERR_SYNTAX, "factor must be a positive finite number, not 'nan'"},
    {"inf t", UNITS_ERR_SYNTAX, "factor must be a positive finite number"},
    {"0 t", UNITS_ERR_SYNTAX, "factor must be a positive finite number, not '0'"},
    {"1e999 t", UNITS_ERR_SYNTAX, "factor must be a positive finite number"},
    {"10^-999 t", UNITS_ERR_SYNTAX, "factor must be a positive finite number"},
    {"-10^2 t", UNITS_ERR_SYNTAX, "factor must be a positive finite number"},
    {"0x10 t", UNITS_ERR_SYNTAX, "malformed number '0x10'"},
    {"kg/head yr", UNITS_ERR_SYNTAX, "missing operator between 'head' and 'yr'"},
    {"t 10", UNITS_ERR_SYNTAX, "missing operator between 't' and '10'"},
    {"kg/(head*yr)", UNITS_ERR_SYNTAX, "parentheses are not supported"},
    {"万", UNITS_ERR_SYNTAX, "multiplier '万' needs a unit right after it"},
    {"1e300 t*1e300 t", UNITS_ERR_SYNTAX, "unit scale out of range"},
    {"m3*m3*m3*m3*m3*m3*m3*m3*m3", UNITS_ERR_SYNTAX, "exponent out of range"},
};

/* Every row of error_cases fails with its status and message text, and
 * leaves the output untouched. */
static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const error_case *c = &error_cases[i];
        units_t u = {{7, 7, 7, 7, 7, 7}, 42.0, "keep"};
        char msg[160] = "";
        units_status st = units_parse(c->text, &u, msg, sizeof msg);
        if (st != c->status)
            fail_msg("'%s': status %d, expected %d ('%s')", c->text, (int)st,
                     (int)c->status, msg);
        if (!strstr(msg, c->needle))
            fail_msg("'%s': message '%s' lacks '%s'", c->text, msg, c->needle);
        assert_true(u.scale == 42.0);
        assert_int_equal(u.dim[0], 7);
        assert_string_equal(u.species, "keep");
    }
}

/* No suggestion is offered when nothing is close ("x" is not "t"). */
static void test_no_far_suggestion(void **state)
{
    (void)state;
    char msg[128];
    assert_int_equal(units_parse("x", NULL, msg, sizeof msg), UNITS_ERR_UNKNOWN);
    assert_null(strstr(msg, "did you mean"));
    assert_int_equal(units_parse("wibble", NULL, msg, sizeof msg),
                     UNITS_ERR_UNKNOWN);
    assert_string_equal(msg, "unknown unit 'wibble'");
}

/* NULL text is empty; NULL msg and NULL out are allowed. */
static void test_null_arguments(void **state)
{
    (void)state;
    char msg[64];
    assert_int_equal(units_parse(NULL, NULL, msg, sizeof msg), UNITS_ERR_EMPTY);
    assert_int_equal(units_parse("tonn", NULL, NULL, 0), UNITS_ERR_UNKNOWN);
    assert_int_equal(units_parse("tonn", NULL, NULL, 99), UNITS_ERR_UNKNOWN);
    assert_int_equal(units_parse("kg/TJ", NULL, NULL, 0), UNITS_OK);
}

/* Messages never run past msg_len, and a cut never splits a UTF-8
 * character. */
static void test_message_bounds(void **state)
{
    (void)state;
    char buf[32];

    memset(buf, '#', sizeof buf);
    assert_int_equal(units_parse("tonn", NULL, buf, 0), UNITS_ERR_UNKNOWN);
    for (size_t i = 0; i < sizeof buf; i++)
        assert_int_equal(buf[i], '#');

    memset(buf, '#', sizeof buf);
    assert_int_equal(units_parse("tonn", NULL, buf, 8), UNITS_ERR_UNKNOWN);
    assert_string_equal(buf, "unknown");          /* 7 bytes + NUL */
    for (size_t i = 8; i < sizeof buf; i++)
        assert_int_equal(buf[i], '#');

    memset(buf, '#', sizeof buf);
    assert_int_equal(units_parse("tonn", NULL, buf, 1), UNITS_ERR_UNKNOWN);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(buf[1], '#');

    /* "unknown unit '" is 14 bytes; 16 more would cut 吨 after 2 of its
     * 3 bytes, so the message stops before it. */
    memset(buf, '#', sizeof buf);
    assert_int_equal(units_parse("吨吨", NULL, buf, 17), UNITS_ERR_UNKNOWN);
    assert_string_equal(buf, "unknown unit '");
    for (size_t i = 17; i < sizeof buf; i++)
        assert_int_equal(buf[i], '#');
}

/* Success clears a message left from an earlier error. */
static void test_message_cleared(void **state)
{
    (void)state;
    char msg[64] = "stale";
    units_t u;
    assert_int_equal(units_parse("t", &u, msg, sizeof msg), UNITS_OK);
    assert_string_equal(msg, "");
}

/* Parses text that must be valid, failing the test with the message. */
static units_t parse_ok(const char *text)
{
    units_t u;
    char msg[128];
    units_status st = units_parse(text, &u, msg, sizeof msg);
    if (st != UNITS_OK)
        fail_msg("'%s': %s", text, msg);
    return u;
}

/* units_factor: from, to, whether they convert, the factor by hand and the
 * tolerance; a refused pair leaves the factor alone. */
typedef struct {
    const char *from, *to;
    bool converts;
    double want;
    double tol;
} factor_case;

static const factor_case factor_cases[] = {
    {"10^4 t", "Gg", true, 10.0, REL},                  /* 1e7 kg / 1e6 kg */
    {"万吨", "kt", true, 10.0, REL},                    /* 1e7 / 1e6 */
    {"kWh", "MJ", true, 3.6, REL},                      /* 3.6e6 / 1e6 */
    {"tce", "GJ", true, 29.3076, REL},                  /* 29.3076e9 / 1e9 */
    {"kgce", "J", true, 29.3076e6, REL},
    {"万千瓦时", "J", true, 3.6e10, REL},               /* 10^4 * 3.6e6 */
    {"kg/head/yr", "kg/head/d", true, 1.0 / 365.0, REL}, /* 86400 / 31536000 */
    {"亩", "ha", true, 1.0 / 15.0, REL},
    {"t", "TJ", false, 0, 0},                           /* mass to energy */
    {"m2", "m3", false, 0, 0},                          /* area to volume */
};

/* units_factor converts between units of one dimension and refuses others. */
static void test_factor(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof factor_cases / sizeof factor_cases[0]; i++) {
        const factor_case *c = &factor_cases[i];
        units_t a = parse_ok(c->from), b = parse_ok(c->to);
        double f = 42.0;
        if (c->converts) {
            assert_true(units_factor(&a, &b, &f));
            assert_close_what(f, c->want, c->tol, c->from);
        } else {
            assert_false(units_factor(&a, &b, &f));
            assert_true(f == 42.0); /* left alone */
        }
    }
}

/* units_mul adds exponents, multiplies scales and carries the species. */
static void test_mul(void **state)
{
    (void)state;
    units_t tj = parse_ok("TJ"), ef = parse_ok("kg/TJ");
    units_t r = units_mul(&tj, &ef);
    assert_true(units_is(&r, UNITS_DIM_MASS));
    assert_close(r.scale, 1.0, REL);              /* 1e12 * 1e-12 kg */
    assert_string_equal(r.species, "");

    units_t cc = parse_ok("tC/TJ");
    r = units_mul(&tj, &cc);                      /* species from b */
    assert_true(units_is(&r, UNITS_DIM_MASS));
    assert_close(r.scale, 1e3, REL);              /* 1e12 * 1e-9 */
    assert_string_equal(r.species, "C");

    units_t co2 = parse_ok("t CO2");
    r = units_mul(&co2, &cc);                     /* a's species wins */
    assert_string_equal(r.species, "CO2");

    units_t gj = parse_ok("GJ"), per = parse_ok("GJ/10^4 Nm3");
    r = units_mul(&per, &gj);
    assert_int_equal(r.dim[UNITS_DIM_ENERGY], 2);
    assert_int_equal(r.dim[UNITS_DIM_LENGTH], -3);
    assert_close(r.scale, 1e14, REL);             /* 1e5 * 1e9 */
}

/* units_is, units_same_dim and units_is_dimensionless. */
static void test_predicates(void **state)
{
    (void)state;
    units_t t = parse_ok("t"), kg = parse_ok("kg CO2"), tj = parse_ok("TJ");
    units_t m3 = parse_ok("m3"), pct = parse_ok("%"), ef = parse_ok("kg/TJ");
    units_t km = parse_ok("km");
    assert_true(units_same_dim(&t, &kg));
    assert_false(units_same_dim(&t, &tj));
    assert_false(units_same_dim(NULL, &tj));
    assert_true(units_is(&t, UNITS_DIM_MASS));
    assert_true(units_is(&tj, UNITS_DIM_ENERGY));
    assert_true(units_is(&km, UNITS_DIM_LENGTH));
    assert_false(units_is(&m3, UNITS_DIM_LENGTH));   /* L^3 is not L */
    assert_false(units_is(&ef, UNITS_DIM_MASS));
    assert_false(units_is(NULL, UNITS_DIM_MASS));
    assert_true(units_is_dimensionless(&pct));
    assert_false(units_is_dimensionless(&t));
    assert_false(units_is_dimensionless(NULL));
}

/* The engine units: TJ is 1e12 J and t is 1e3 kg. */
static void test_engine_units(void **state)
{
    (void)state;
    units_t tj = units_tj(), t = units_tonne();
    assert_true(units_is(&tj, UNITS_DIM_ENERGY));
    assert_close(tj.scale, 1e12, REL);
    assert_string_equal(tj.species, "");
    assert_true(units_is(&t, UNITS_DIM_MASS));
    assert_close(t.scale, 1e3, REL);
    assert_string_equal(t.species, "");
}

typedef struct {
    const char *text;
    const char *name;
} dim_case;

static const dim_case dim_cases[] = {
    {"t", "mass"},
    {"TJ", "energy"},
    {"TJ/t", "energy/mass"},
    {"kg/TJ", "mass/energy"},
    {"t CO2/MWh", "mass/energy"},
    {"m3", "volume"},
    {"ha", "area"},
    {"km", "length"},
    {"GJ/10^4 Nm3", "energy/volume"},
    {"t/km2", "mass/area"},
    {"kg/head/yr", "mass/count/time"},
    {"1/h", "1/time"},
    {"t*km", "mass*length"},
    {"m3*m", "length^4"},
    {"kg/h/h", "mass/time^2"},
    {"万元", "money"},
    {"%", "dimensionless"},
    {"GJ/GJ", "dimensionless"},
};

/* units_dim_name writes the expected words. */
static void test_dim_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dim_cases / sizeof dim_cases[0]; i++) {
        units_t u = parse_ok(dim_cases[i].text);
        char buf[64];
        units_dim_name(&u, buf, sizeof buf);
        if (strcmp(buf, dim_cases[i].name) != 0)
            fail_msg("'%s': '%s', expected '%s'", dim_cases[i].text, buf,
                     dim_cases[i].name);
    }
}

/* units_dim_name truncates to len and tolerates len 0 and NULL. */
static void test_dim_name_bounds(void **state)
{
    (void)state;
    units_t u = parse_ok("kg/head/yr");
    char buf[16];
    memset(buf, '#', sizeof buf);
    units_dim_name(&u, buf, 5);
    assert_string_equal(buf, "mass");
    assert_int_equal(buf[5], '#');
    memset(buf, '#', sizeof buf);
    units_dim_name(&u, buf, 0);
    assert_int_equal(buf[0], '#');
    units_dim_name(&u, NULL, 10);
    units_dim_name(NULL, buf, sizeof buf);
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_table),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_no_far_suggestion),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_message_bounds),
        cmocka_unit_test(test_message_cleared),
        cmocka_unit_test(test_factor),
        cmocka_unit_test(test_mul),
        cmocka_unit_test(test_predicates),
        cmocka_unit_test(test_engine_units),
        cmocka_unit_test(test_dim_name),
        cmocka_unit_test(test_dim_name_bounds),
    };
    return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
