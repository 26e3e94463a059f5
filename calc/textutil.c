/* textutil.c - edit distance, suggestions and strict number parsing. */
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TXT_MAX_LEN 64 /* longer words are never "close" to a key */

unsigned txt_distance(const char *a, const char *b, unsigned cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > TXT_MAX_LEN || lb > TXT_MAX_LEN)
        return cap;
    /* The distance is at least the difference in length. */
    if ((la > lb ? la - lb : lb - la) >= cap)
        return cap;
    unsigned d[TXT_MAX_LEN + 1][TXT_MAX_LEN + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            unsigned cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            unsigned best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1; /* transposition */
            d[i][j] = best;
        }
    }
    return d[la][lb] < cap ? d[la][lb] : cap;
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

bool txt_percent(const char *s, double *pct)
{
    char buf[64];
    size_t len = strlen(s);
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len + 1);
    if (buf[len - 1] == '%') {
        buf[--len] = '\0';
        while (len && buf[len - 1] == ' ')
            buf[--len] = '\0';
    }
    return txt_number(buf, pct);
}
