/* textutil.c - edit distance, suggestions and strict number parsing. */
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ASCII lower case of c; other bytes (UTF-8 included) are left alone. */
static unsigned char txt_fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c; }

unsigned txt_distance_n(const char *a, size_t la, const char *b, size_t lb, bool fold_case, unsigned cap)
{
    if (la > TXT_MAX_LEN || lb > TXT_MAX_LEN)
        return cap;
    /* The distance is at least the difference in length. */
    if ((la > lb ? la - lb : lb - la) >= cap)
        return cap;
    /* Three rows of the table: row i, i - 1 and i - 2 (for transpositions). */
    unsigned d[3][TXT_MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned *cur = d[i % 3], *up = d[(i - 1) % 3], *up2 = d[(i + 1) % 3];
        cur[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned char x = (unsigned char)a[i - 1], y = (unsigned char)b[j - 1];
            unsigned cost = fold_case ? txt_fold(x) != txt_fold(y) : x != y;
            unsigned best = up[j - 1] + cost;
            if (up[j] + 1 < best)
                best = up[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && up2[j - 2] + 1 < best)
                best = up2[j - 2] + 1; /* transposition */
            cur[j] = best;
        }
    }
    unsigned dist = d[la % 3][lb];
    return dist < cap ? dist : cap;
}

unsigned txt_distance(const char *a, const char *b, unsigned cap)
{
    return txt_distance_n(a, strlen(a), b, strlen(b), true, cap);
}

const char *txt_suggest(const char *word, const char *const *cands, size_t n)
{
    unsigned limit = strlen(word) <= 3 ? 1 : 2;
    const char *best = NULL;
    unsigned best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        unsigned d = txt_distance(word, cands[i], best_d);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    return best;
}

bool txt_number(const char *s, double *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    bool digits = false;
    while (isdigit((unsigned char)*p)) {
        p++;
        digits = true;
    }
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p)) {
            p++;
            digits = true;
        }
    }
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return false;
    errno = 0;
    double v = strtod(s, NULL);
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1.0))
        return false;
    *out = v;
    return true;
}

size_t txt_ascii_fold(const char *s, char *out, size_t len)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        char c = 0;
        size_t skip = 1;
        if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) {
            c = (char)(p[2] - 0x81 + '!'); /* U+FF01..U+FF3F: full-width '!'..'_' */
            skip = 3;
        } else if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E) {
            c = (char)(p[2] - 0x80 + '`'); /* U+FF40..U+FF5E: full-width '`'..'~' */
            skip = 3;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            c = ' '; /* U+3000 ideographic space */
            skip = 3;
        } else
            c = (char)p[0];
        if (o + 1 >= len)
            return 0;
        out[o++] = c;
        p += skip;
    }
    out[o] = '\0';
    return o;
}

/* Parses "5%", "5 %", "５％" (full-width) or, when `bare` is allowed, "5";
 * *signed_ says whether the % sign was there. */
static bool txt_percent_parse(const char *s, double *pct, bool *signed_)
{
    char buf[64];
    size_t len = txt_ascii_fold(s, buf, sizeof buf);
    while (len && buf[len - 1] == ' ')
        buf[--len] = '\0';
    *signed_ = len && buf[len - 1] == '%';
    if (*signed_) {
        buf[--len] = '\0';
        while (len && buf[len - 1] == ' ')
            buf[--len] = '\0';
    }
    return len && txt_number(buf, pct);
}

bool txt_percent(const char *s, double *pct)
{
    bool sign;
    return txt_percent_parse(s, pct, &sign);
}

bool txt_percent_signed(const char *s, double *pct, bool *bare)
{
    bool sign;
    bool ok = txt_percent_parse(s, pct, &sign);
    *bare = ok && !sign;
    return ok && sign;
}

bool txt_number_fix(const char *s, char *out, size_t len, const char **why)
{
    char buf[128];
    if (!txt_ascii_fold(s, buf, sizeof buf))
        return false;
    bool wide = strcmp(buf, s) != 0, seps = false;
    size_t o = 0;
    for (const char *p = buf; *p; p++) {
        bool between = p > buf && isdigit((unsigned char)p[-1]) && isdigit((unsigned char)p[1]);
        if ((*p == ',' || *p == '_' || *p == ' ' || *p == '\'') && between) {
            seps = true; /* 1,200 1_200 1 200 1'200 */
            continue;
        }
        if (o + 1 >= len)
            return false;
        out[o++] = *p;
    }
    out[o] = '\0';
    double v;
    if (!(wide || seps) || !txt_number(out, &v))
        return false;
    *why = wide && seps ? "ASCII digits, no thousands separators" : wide ? "ASCII digits" : "no thousands separators";
    return true;
}

size_t txt_number_prefix(const char *s)
{
    size_t n = 0;
    if (s[n] == '+' || s[n] == '-')
        n++;
    size_t digits = 0;
    while (isdigit((unsigned char)s[n]) || s[n] == '.') {
        digits += s[n] != '.';
        n++;
    }
    return digits ? n : 0;
}
