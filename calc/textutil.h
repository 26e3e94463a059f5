/* textutil.h - small text helpers shared by the loaders: suggestions and number parsing. */
#ifndef GHG_TEXTUTIL_H
#define GHG_TEXTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Whether two NUL-terminated strings are equal. The first bytes are compared
 * inline: in the key and fuel lookups of the loaders and the engine most
 * candidates differ there, which saves a strcmp call for each of them. */
static inline bool txt_eq(const char *a, const char *b) { return a[0] == b[0] && strcmp(a, b) == 0; }

/* Optimal-string-alignment edit distance between two byte strings, capped at
 * `cap` (a result of `cap` means "at least cap"). */
unsigned txt_distance(const char *a, const char *b, unsigned cap);

/* The candidate closest to `word` within edit distance 2 (1 for words of up
 * to 3 bytes); NULL when none is close. Used for "did you mean" hints. */
const char *txt_suggest(const char *word, const char *const *cands, size_t n);

/* Parses a YAML decimal number strictly: optional sign, digits with an
 * optional fraction and exponent; no hex, no ".inf", no ".nan", no spaces.
 * Fails on overflow to infinity. Returns true and sets *out on success. */
bool txt_number(const char *s, double *out);

/* Parses a percentage written "5%" or "5 %" or a bare number (taken as
 * percent): sets *pct to 5. */
bool txt_percent(const char *s, double *pct);

#endif
