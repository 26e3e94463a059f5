/* units.c - unit strings to dimension vectors and scales; see units.h.
 *
 * Base units: kg (mass), m (length), J (energy), yuan (money), one item
 * (count) and s (time). Each atom in the table of units_table.c maps one word to a
 * scale in these base units and to one base dimension with an exponent
 * (m2 is LENGTH^2, m3 is LENGTH^3, "%" has exponent 0).
 *
 * A unit string is a chain of terms joined by '/', '*' or '·'; each term is
 * [factor] atom [species]. Terms are combined left to right: '/' divides by
 * the next term only, so "kg/head/yr" is kg head^-1 yr^-1.
 *
 * Numbers are read with strtod and so follow the C locale's decimal point;
 * the program must not switch LC_NUMERIC to a locale with a decimal comma.
 * The module keeps no state between calls and allocates nothing.
 */
#include "units.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textutil.h"
#include "units_table.h"

/* ---- limits of the parser ---------------------------------------------- */

/* Exponents beyond this are rejected: no real unit comes near it, and it
 * keeps sums far from the range of signed char. */
#define UNITS_EXP_LIMIT 24
/* Words longer than this (in bytes) get no "did you mean" suggestion. */
#define UNITS_WORD_MAX 32
/* Longest stretch of user text quoted in a message, in bytes. */
#define UNITS_QUOTE_MAX 64

/* ---- parsing state ---------------------------------------------------- */

/* Where error messages go; msg may be NULL. */
typedef struct {
    char *msg;
    size_t msg_len;
} units_err;

/* One parsed term: its scale and exponents, and what messages need. */
typedef struct {
    double scale;
    int dim[UNITS_NDIM];
    const char *species;  /* canonical species, or NULL */
    const char *name;     /* atom word as written, for messages */
    size_t name_len;
    bool is_mass;         /* atom is a plain mass (kg^1) */
} units_term;

/* ---- characters and words --------------------------------------------- */

/* Byte length of the white-space character at p: ASCII blanks, U+00A0
 * (no-break space) and U+3000 (ideographic space); 0 when p is not at one. */
static size_t space_len(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r' || *u == '\v' ||
        *u == '\f')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
        return 3;
    return 0;
}

/* Byte length of the operator at p: 1 for '/' and '*', 2 for '·' (U+00B7);
 * 0 when p is not at an operator. */
static size_t op_len(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (*u == '/' || *u == '*')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xB7)
        return 2;
    return 0;
}

/* Returns the first byte at or after p that is not white space. */
static const char *skip_space(const char *p)
{
    size_t n;
    while ((n = space_len(p)) > 0)
        p += n;
    return p;
}

/* Returns the end of the word that starts at p: the first white space,
 * operator or NUL. */
static const char *word_end(const char *p)
{
    while (*p && !space_len(p) && !op_len(p))
        p++;
    return p;
}

/* True for an ASCII capital, the first letter of every species. */
static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* True for a byte that may start a number: digit, sign or decimal point. */
static bool starts_number(char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
}

/* ---- messages --------------------------------------------------------- */

/* Number of bytes of [w, w+n) to quote in a message: at most
 * UNITS_QUOTE_MAX, cut back so that no UTF-8 character is split. */
static int quote_len(const char *w, size_t n)
{
    if (n > UNITS_QUOTE_MAX) {
        n = UNITS_QUOTE_MAX;
        while (n > 0 && ((unsigned char)w[n] & 0xC0) == 0x80)
            n--;
    }
    return (int)n;
}

/* Cuts a message that snprintf truncated back to whole UTF-8 characters, so
 * a quoted Chinese word never ends in half a character. */
static void trim_utf8(char *s)
{
    size_t len = strlen(s), j = len;
    while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    if (j == 0 || ((unsigned char)s[j - 1] & 0x80) == 0)
        return;
    unsigned char lead = (unsigned char)s[j - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (len - (j - 1) < need)
        s[j - 1] = '\0';
}

/* Writes a printf-style message into err->msg when it is not NULL and has
 * room for at least the terminator; never writes past msg_len. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void set_msg(const units_err *err, const char *fmt, ...)
{
    if (!err->msg || err->msg_len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(err->msg, err->msg_len, fmt, ap);
    va_end(ap);
    if (n < 0)
        err->msg[0] = '\0';
    else if ((size_t)n >= err->msg_len)
        trim_utf8(err->msg);
}

/* ---- suggestions ------------------------------------------------------ */

/* Best suggestion so far: the name and its case-blind and exact distance. */
typedef struct {
    const char *name;
    unsigned ci, cs;
} units_guess;

/* Offers `cand` as a suggestion for word [w, w+n): it is taken when its
 * case-blind distance is at most 2 and below the word's length (so "x" does
 * not suggest "t") and beats the best so far (ties: exact-case distance,
 * then earlier candidate). */
static void consider(const char *w, size_t n, const char *cand, units_guess *g)
{
    size_t cn = strlen(cand);
    if (n > UNITS_WORD_MAX || cn > UNITS_WORD_MAX)
        return;
    /* The distance is at least the difference in length: skip the table
     * walk for names that cannot come within 2. */
    if ((n > cn ? n - cn : cn - n) > 2)
        return;
    unsigned ci = txt_distance_n(w, n, cand, cn, true, 3);
    if (ci > 2 || ci >= n)
        return;
    unsigned cs = txt_distance_n(w, n, cand, cn, false, UINT_MAX);
    if (!g->name || ci < g->ci || (ci == g->ci && cs < g->cs)) {
        g->name = cand;
        g->ci = ci;
        g->cs = cs;
    }
}

/* The atom name closest to word [w, w+n), or NULL when none is close. */
static const char *suggest_atom(const char *w, size_t n)
{
    units_guess g = {NULL, 0, 0};
    for (size_t i = 0; i < units_natoms; i++)
        consider(w, n, units_atoms[i].name, &g);
    return g.name;
}

/* The species name closest to word [w, w+n), or NULL when none is close. */
static const char *suggest_species(const char *w, size_t n)
{
    units_guess g = {NULL, 0, 0};
    for (size_t i = 0; i < units_nspecies; i++)
        consider(w, n, units_species_table[i].text, &g);
    return g.name;
}

/* ---- lookups ---------------------------------------------------------- */

/* Canonical species for the exact text [s, s+n) ("CO2-eq" gives "CO2e"), or
 * NULL when it is no species. */
static const char *find_species(const char *s, size_t n)
{
    for (size_t i = 0; i < units_nspecies; i++) {
        if (strlen(units_species_table[i].text) == n &&
            memcmp(units_species_table[i].text, s, n) == 0)
            return units_species_table[i].canon;
    }
    return NULL;
}

/* True when word [w, w+n) was probably meant as a species: it starts with
 * a capital, as every species does, or is one in the wrong case ("co2"). */
static bool species_like(const char *w, size_t n)
{
    if (n > 0 && is_upper(*w))
        return true;
    for (size_t i = 0; i < units_nspecies; i++) {
        const char *s = units_species_table[i].text;
        if (strlen(s) == n && n <= UNITS_WORD_MAX && txt_distance_n(w, n, s, n, true, 1) == 0)
            return true;
    }
    return false;
}

/* Finds the longest atom that starts word [w, w+n) and is followed by
 * nothing or by a glued species ("tCO2", "kgN2O-N"); "kgce" thus wins over
 * "kg", and "万吨" is found before 万 is tried as a multiplier. Sets
 * *species to the canonical species or NULL. Returns NULL when none fits. */
static const units_atom *match_atom(const char *w, size_t n,
                                    const char **species)
{
    const units_atom *best = NULL;
    size_t best_len = 0;
    *species = NULL;
    for (size_t i = 0; i < units_natoms; i++) {
        size_t len = strlen(units_atoms[i].name);
        if (len > n || len <= best_len || memcmp(w, units_atoms[i].name, len) != 0)
            continue;
        const char *sp = len == n ? NULL : find_species(w + len, n - len);
        if (len == n || sp) {
            best = &units_atoms[i];
            best_len = len;
            *species = sp;
        }
    }
    return best;
}

/* Factor of the Chinese multiplier (万, 亿) that word [w, w+n) starts with,
 * setting *skip to its byte length; 0 when it starts with none. */
static double match_multiplier(const char *w, size_t n, size_t *skip)
{
    for (size_t i = 0; i < units_nmultipliers; i++) {
        size_t len = strlen(units_multipliers[i].text);
        if (len <= n && memcmp(w, units_multipliers[i].text, len) == 0) {
            *skip = len;
            return units_multipliers[i].factor;
        }
    }
    return 0.0;
}

/* True when word [w, we) could start a term: an atom, a number or a
 * multiplier with an atom. Used to tell "kg/head yr" (missing operator)
 * from a stray word. */
static bool looks_like_term(const char *w, const char *we)
{
    size_t n = (size_t)(we - w), skip = 0;
    const char *sp;
    if (match_atom(w, n, &sp) || starts_number(*w))
        return true;
    return match_multiplier(w, n, &skip) > 0 && skip < n &&
           match_atom(w + skip, n - skip, &sp) != NULL;
}

/* ---- terms ------------------------------------------------------------ */

/* Reads the number that starts word [w, we): strtod syntax ("10", "1e4",
 * "2.5"), optionally raised to an integer power with '^' ("10^4",
 * "10^-3"). Sets *value and *end on success and returns 1. Returns 0 when
 * the word is no number; a word starting with a letter counts as a number
 * only when strtod reads all of it ("nan", "inf"), so "information" is an
 * unknown unit. Returns -1 with a message for "10^", "0x10", "-5", "nan",
 * "1e999" or anything else not positive and finite. */
static int read_number(const char *w, const char *we, double *value,
                       const char **end, const units_err *err)
{
    char *e;
    double v = strtod(w, &e);
    if (e == w || e > we || (!starts_number(*w) && e != we))
        return 0;
    for (const char *q = w; q < e; q++) {
        if (*q == 'x' || *q == 'X') {
            set_msg(err, "malformed number '%.*s' (hexadecimal is not allowed)",
                    quote_len(w, (size_t)(we - w)), w);
            return -1;
        }
    }
    if (*e == '^') {
        char *xe;
        const char *x = e + 1;
        bool digit = (*x >= '0' && *x <= '9') ||
                     ((*x == '-' || *x == '+') && x[1] >= '0' && x[1] <= '9');
        if (!digit) {
            set_msg(err, "missing exponent after '^' in '%.*s'",
                    quote_len(w, (size_t)(x - w)), w);
            return -1;
        }
        long p = strtol(x, &xe, 10);
        if (*xe == '.' || *xe == 'e' || *xe == 'E') {
            set_msg(err, "exponent after '^' must be a whole number in '%.*s'",
                    quote_len(w, (size_t)(we - w)), w);
            return -1;
        }
        if (isfinite(v) && v > 0)
            v = pow(v, (double)p);
        e = xe;
    }
    if (!(isfinite(v) && v > 0)) {
        set_msg(err, "factor must be a positive finite number, not '%.*s'",
                quote_len(w, (size_t)(e - w)), w);
        return -1;
    }
    *value = v;
    *end = e;
    return 1;
}

/* Explains why word [w, w+n) is no atom: a species with no mass unit before
 * it (UNITS_ERR_SPECIES), an unknown species glued to a mass unit ("tCO3")
 * or an unknown unit, with a suggestion when one is close
 * (UNITS_ERR_UNKNOWN). */
static units_status explain_word(const char *w, size_t n, const units_err *err)
{
    int q = quote_len(w, n);
    if (find_species(w, n)) {
        set_msg(err, "species '%.*s' needs a mass unit before it", q, w);
        return UNITS_ERR_SPECIES;
    }
    const units_atom *mass = NULL;
    for (size_t i = 0; i < units_natoms; i++) {
        size_t len = strlen(units_atoms[i].name);
        if (units_atoms[i].dim == UNITS_DIM_MASS && units_atoms[i].exp == 1 && len < n &&
            memcmp(w, units_atoms[i].name, len) == 0 &&
            species_like(w + len, n - len) &&
            (!mass || len > strlen(mass->name)))
            mass = &units_atoms[i];
    }
    if (mass) {
        size_t len = strlen(mass->name);
        const char *s = suggest_species(w + len, n - len);
        set_msg(err, "unknown species '%.*s' after '%s'%s%s%s",
                quote_len(w + len, n - len), w + len, mass->name,
                s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        return UNITS_ERR_UNKNOWN;
    }
    const char *s = suggest_atom(w, n);
    set_msg(err, "unknown unit '%.*s'%s%s%s", q, w,
            s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    return UNITS_ERR_UNKNOWN;
}

/* Reads the atom part of a term from word [w, we): an atom with an optional
 * glued species, or 万/亿 glued before one ("万t"). Multiplies t->scale by
 * the scale found and fills in the rest of *t. A species on a non-mass atom
 * is UNITS_ERR_SPECIES; anything unknown is explained by explain_word. */
static units_status read_atom(const char *w, const char *we, units_term *t,
                              const units_err *err)
{
    size_t n = (size_t)(we - w), skip = 0;
    const char *sp;
    const units_atom *a = match_atom(w, n, &sp);
    if (!a) {
        double m = match_multiplier(w, n, &skip);
        if (m > 0 && skip == n) {
            set_msg(err, "multiplier '%.*s' needs a unit right after it",
                    (int)n, w);
            return UNITS_ERR_SYNTAX;
        }
        if (m > 0)
            a = match_atom(w + skip, n - skip, &sp);
        if (!a)
            return explain_word(w, n, err);
        t->scale *= m;
    }
    t->scale *= a->scale;
    if (a->exp != 0)
        t->dim[a->dim] += a->exp;
    t->is_mass = a->dim == UNITS_DIM_MASS && a->exp == 1;
    t->name = w;
    t->name_len = n;
    if (sp && !t->is_mass) {
        set_msg(err, "species '%s' on non-mass unit '%s'", sp, a->name);
        return UNITS_ERR_SPECIES;
    }
    t->species = sp;
    return UNITS_OK;
}

/* Handles what follows a term that ends at p: species standing apart
 * ("t CO2"), then an operator or the end of the text. Sets *next to that
 * operator or end. Errors: a second species or one after a non-mass unit
 * (UNITS_ERR_SPECIES), an unknown species after a mass unit
 * (UNITS_ERR_UNKNOWN), two units with no operator between them
 * (UNITS_ERR_SYNTAX) or another stray word (UNITS_ERR_UNKNOWN). */
static units_status read_tail(const char *p, units_term *t, const char **next,
                              const units_err *err)
{
    int tq = quote_len(t->name, t->name_len);
    const char *w, *we, *sp, *s;
    for (w = skip_space(p); *w && !op_len(w); w = skip_space(we)) {
        we = word_end(w);
        size_t n = (size_t)(we - w);
        int q = quote_len(w, n);
        if ((sp = find_species(w, n)) != NULL && t->species) {
            set_msg(err, "two species in one unit: '%s' and '%s'", t->species, sp);
            return UNITS_ERR_SPECIES;
        }
        if (sp && !t->is_mass) {
            set_msg(err, "species '%s' on non-mass unit '%.*s'", sp, tq, t->name);
            return UNITS_ERR_SPECIES;
        }
        if (sp) {
            t->species = sp;
            continue;
        }
        if (looks_like_term(w, we)) {
            set_msg(err, "missing operator between '%.*s' and '%.*s'", tq,
                    t->name, q, w);
            return UNITS_ERR_SYNTAX;
        }
        bool species_slot = t->is_mass && !t->species && species_like(w, n);
        s = species_slot ? suggest_species(w, n) : suggest_atom(w, n);
        set_msg(err, "%s '%.*s' after '%.*s'%s%s%s",
                species_slot ? "unknown species" : "unexpected word", q, w, tq,
                t->name, s ? " (did you mean '" : "", s ? s : "",
                s ? "'?)" : "");
        return UNITS_ERR_UNKNOWN;
    }
    *next = w;
    return UNITS_OK;
}

/* Reads one term at p (not at white space, an operator or the end):
 * [factor] atom [species]. The factor may be glued to the atom ("10kt",
 * "万t") or stand apart ("10^4 t"); a number followed by an operator or the
 * end is a dimensionless term ("1/h"). Sets *next to the operator or end
 * after the term. */
static units_status read_term(const char *p, units_term *t, const char **next,
                              const units_err *err)
{
    const char *we = word_end(p), *sp, *e;
    double v;
    units_status st;
    *t = (units_term){.scale = 1.0, .name = p, .name_len = (size_t)(we - p)};
    if (match_atom(p, (size_t)(we - p), &sp))
        st = read_atom(p, we, t, err);
    else {
        int r = read_number(p, we, &v, &e, err);
        if (r < 0)
            return UNITS_ERR_SYNTAX;
        if (r == 0)
            st = read_atom(p, we, t, err);
        else {
            t->scale = v;
            if (e < we)
                st = read_atom(e, we, t, err);
            else {
                const char *w = skip_space(we);
                if (!*w || op_len(w)) {
                    *next = w;
                    return UNITS_OK;
                }
                we = word_end(w);
                st = read_atom(w, we, t, err);
            }
        }
    }
    if (st != UNITS_OK)
        return st;
    return read_tail(we, t, next, err);
}

/* ---- the whole unit --------------------------------------------------- */

/* Reports a missing term at p: before the first operator, after the last,
 * or between two (`op` is the operator before p, or NULL). */
static units_status missing_term(const char *p, const char *op, size_t op_n,
                                 const units_err *err)
{
    if (!op)
        set_msg(err, "missing unit before '%.*s'", (int)op_len(p), p);
    else if (!*p)
        set_msg(err, "missing unit after '%.*s'", (int)op_n, op);
    else
        set_msg(err, "missing unit between '%.*s' and '%.*s'", (int)op_n, op,
                (int)op_len(p), p);
    return UNITS_ERR_SYNTAX;
}

/* Multiplies (sign 1) or divides (sign -1) the running unit by term t.
 * Returns UNITS_ERR_SYNTAX when an exponent leaves +-UNITS_EXP_LIMIT. */
static units_status combine(int dim[], double *scale, const units_term *t,
                            int sign, const char *text, const units_err *err)
{
    *scale = sign > 0 ? *scale * t->scale : *scale / t->scale;
    for (int i = 0; i < UNITS_NDIM; i++) {
        dim[i] += sign * t->dim[i];
        if (dim[i] > UNITS_EXP_LIMIT || dim[i] < -UNITS_EXP_LIMIT) {
            set_msg(err, "exponent out of range in '%.*s'",
                    quote_len(text, strlen(text)), text);
            return UNITS_ERR_SYNTAX;
        }
    }
    return UNITS_OK;
}

/* Parses `text` as described in units.h. `out` is written only on success
 * (it may be NULL to just validate); msg, when not NULL, is set to "" on
 * success and to a message on error. Parentheses are rejected: write
 * "kg/head/yr", not "kg/(head*yr)". */
units_status units_parse(const char *text, units_t *out, char *msg, size_t msg_len)
{
    const units_err err = {msg, msg_len};
    set_msg(&err, "%s", "");
    if (!text || !*skip_space(text)) {
        set_msg(&err, "empty unit");
        return UNITS_ERR_EMPTY;
    }
    if (strpbrk(text, "()")) {
        set_msg(&err, "parentheses are not supported in '%.*s' (write "
                "'kg/head/yr', not 'kg/(head*yr)')",
                quote_len(text, strlen(text)), text);
        return UNITS_ERR_SYNTAX;
    }
    int dim[UNITS_NDIM] = {0}, sign = 1;
    double scale = 1.0;
    const char *species = NULL, *p = text, *op = NULL;
    size_t op_n = 0;
    for (;;) {
        units_term t;
        units_status st;
        p = skip_space(p);
        if (!*p || op_len(p))
            return missing_term(p, op, op_n, &err);
        if ((st = read_term(p, &t, &p, &err)) != UNITS_OK ||
            (st = combine(dim, &scale, &t, sign, text, &err)) != UNITS_OK)
            return st;
        /* A substance below the line says what the amount is per ("kg
         * N2O-N/kg N"): it is checked but the unit's species is the one above. */
        if (t.species && species && sign > 0) {
            set_msg(&err, "two species in one unit: '%s' and '%s'", species,
                    t.species);
            return UNITS_ERR_SPECIES;
        }
        if (t.species && sign > 0)
            species = t.species;
        if (!*p)
            break;
        op = p;
        op_n = op_len(p);
        sign = *p == '/' ? -1 : 1;
        p += op_n;
    }
    if (!(isfinite(scale) && scale > 0)) {
        set_msg(&err, "unit scale out of range in '%.*s'",
                quote_len(text, strlen(text)), text);
        return UNITS_ERR_SYNTAX;
    }
    if (out) {
        *out = (units_t){.scale = scale};
        for (int i = 0; i < UNITS_NDIM; i++)
            out->dim[i] = (signed char)dim[i];
        if (species)
            memcpy(out->species, species, strlen(species) + 1);
    }
    return UNITS_OK;
}
