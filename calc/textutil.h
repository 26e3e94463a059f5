/* textutil.h - small text helpers shared by the loaders: suggestions and number parsing. */
#ifndef GHG_TEXTUTIL_H
#define GHG_TEXTUTIL_H

#include <limits.h> /* UINT_MAX, for txt_distance_n's exact distance */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Whether two NUL-terminated strings are equal. The first bytes are compared
 * inline: in the key and fuel lookups of the loaders and the engine most
 * candidates differ there, which saves a strcmp call for each of them. */
static inline bool txt_eq(const char *a, const char *b) { return a[0] == b[0] && strcmp(a, b) == 0; }

/* Words longer than this many bytes are never "close" to another. */
#define TXT_MAX_LEN 64

/* Optimal-string-alignment edit distance (Levenshtein plus the transposition
 * of two neighbours) between the bytes a[0..la) and b[0..lb), capped at `cap`
 * (a result of `cap` means "at least cap"; UINT_MAX for the exact distance).
 * With `fold_case`, ASCII letters compare case-blind (a transposition must
 * match exactly). A word longer than TXT_MAX_LEN bytes gives `cap`. */
unsigned txt_distance_n(const char *a, size_t la, const char *b, size_t lb, bool fold_case, unsigned cap);

/* txt_distance_n of two NUL-terminated strings, case-blind. */
unsigned txt_distance(const char *a, const char *b, unsigned cap);

/* The candidate closest to `word` within edit distance 2 (1 for words of up
 * to 3 bytes); NULL when none is close. Used for "did you mean" hints. */
const char *txt_suggest(const char *word, const char *const *cands, size_t n);

/* Parses a YAML decimal number strictly: optional sign, digits with an
 * optional fraction and exponent; no hex, no ".inf", no ".nan", no spaces.
 * Fails on overflow to infinity. Returns true and sets *out on success. */
bool txt_number(const char *s, double *out);

/* Copies `s` into out[len] with the full-width forms that Chinese input
 * methods type (U+FF01-U+FF5E: "５", "％", "．", "，") and the ideographic
 * space (U+3000) as their ASCII letters; the other bytes as they are.
 * Returns the length, or 0 when it does not fit. */
size_t txt_ascii_fold(const char *s, char *out, size_t len);

/* Parses a percentage written "5%", "5 %", "５％" (full-width) or a bare
 * number (taken as percent): sets *pct to 5. */
bool txt_percent(const char *s, double *pct);

/* Like txt_percent, but the % sign is required (an `uncertainty:` of 0.05
 * could be a fraction or 0.05 %): false without one, and *bare is then
 * true when the text is a number all the same (for the message). */
bool txt_percent_signed(const char *s, double *pct, bool *bare);

/* When `s` is a number written with thousands separators ("1,200",
 * "1 200") or full-width digits ("１２００"), writes it as YAML reads a
 * number ("1200") into out[len], sets *why to what was changed, and returns
 * true; false otherwise. For messages. */
bool txt_number_fix(const char *s, char *out, size_t len, const char **why);

/* The length of the number that `s` starts with ("2020" of "2020年"), 0 if none. */
size_t txt_number_prefix(const char *s);

#endif
