/* yfields.c - typed field reads with messages that name the key and the fix. */
#include "yfields.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textutil.h"

bool yf_check_keys(const ynode *map, const char *const *allowed, size_t n, const char *what, diag_list *dl)
{
    bool ok = true;
    for (size_t i = 0; map && map->kind == YN_MAP && i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        bool known = false;
        for (size_t j = 0; j < n && !known; j++)
            known = txt_eq(k->text, allowed[j]);
        if (known)
            continue;
        ok = false;
        const char *hint = txt_suggest(k->text, allowed, n);
        if (hint)
            diag_error(dl, k->at, "unknown key '%s' in %s (did you mean '%s'?)", k->text, what, hint);
        else
            diag_error(dl, k->at, "unknown key '%s' in %s (allowed: see docs/input-format.md)", k->text, what);
    }
    return ok;
}

const char *yf_text(const ynode *n, const char *key, diag_list *dl)
{
    if (!n)
        return NULL;
    if (n->kind != YN_SCALAR) {
        diag_error(dl, n->at, "'%s' must be a single value, not %s", key, yn_kind_name(n));
        return NULL;
    }
    if (yn_is_null(n)) {
        diag_error(dl, n->at, "'%s' is empty: give it a value", key);
        return NULL;
    }
    return n->text;
}

bool yf_number(const ynode *n, const char *key, double *out, diag_list *dl)
{
    if (!n)
        return false;
    if (n->kind != YN_SCALAR || yn_is_null(n)) {
        diag_error(dl, n->at, "'%s' must be a number, not %s", key, yn_kind_name(n));
        return false;
    }
    double v;
    if (!txt_number(n->text, &v)) {
        const char *t = n->text;
        char fix[128];
        const char *why;
        size_t pre = txt_number_prefix(t);
        if (strstr(t, "nan") || strstr(t, "NaN") || strstr(t, "inf") || strstr(t, "Inf"))
            diag_error(dl, n->at, "'%s' is '%s': NaN and infinity are not numbers an inventory can use", key, t);
        else if (!n->quoted && txt_number(t, &v) == false && strtod(t, NULL) != 0 && errno == ERANGE)
            diag_error(dl, n->at, "'%s' is '%s', beyond the largest number a double holds (about 1.8e308): check "
                       "the value and its unit", key, t);
        else if (txt_number_fix(t, fix, sizeof fix, &why))
            diag_error(dl, n->at, "'%s' must be a number, got '%s': write %s (%s%s)", key, t, fix,
                       n->quoted ? "no quotes, " : "", why);
        else if (pre && pre < strlen(t))
            diag_error(dl, n->at, "'%s' must be a number, got '%s': write the number alone, such as %.*s%s", key, t,
                       (int)pre, t, n->quoted ? " without quotes" : "");
        else
            diag_error(dl, n->at, "'%s' must be a number, got '%s'", key, t);
        return false;
    }
    if (n->quoted) {
        diag_error(dl, n->at, "'%s' must be a number, got the text \"%s\" (remove the quotes)", key, n->text);
        return false;
    }
    *out = v;
    return true;
}

bool yf_percent(const ynode *n, const char *key, double *pct, diag_list *dl)
{
    const char *t = yf_text(n, key, dl);
    if (!t)
        return false;
    bool bare = false;
    double v;
    if (txt_percent_signed(t, &v, &bare) && v >= 0) {
        *pct = v;
        return true;
    }
    if (bare && v >= 0 && v <= 1)
        diag_error(dl, n->at, "'%s' is %s without a %% sign: write %g%% if it is a fraction, or %s%% if it is "
                   "already a percentage", key, t, v * 100, t);
    else if (bare && v >= 0)
        diag_error(dl, n->at, "'%s' is %s without a %% sign: write it as a percentage, %s%%", key, t, t);
    else
        diag_error(dl, n->at, "'%s' must be a percentage of 0 or more such as 5%%, got '%s'", key, t);
    return false;
}

bool yf_int(const ynode *n, const char *key, long lo, long hi, long *out, diag_list *dl)
{
    double v;
    if (!yf_number(n, key, &v, dl))
        return false;
    if (v != floor(v) || v < (double)lo || v > (double)hi) {
        diag_error(dl, n->at, "'%s' must be a whole number from %ld to %ld, got %s", key, lo, hi, n->text);
        return false;
    }
    *out = (long)v;
    return true;
}

bool yf_bool(const ynode *n, const char *key, bool *out, diag_list *dl)
{
    if (!n)
        return false;
    if (n->kind == YN_SCALAR && !n->quoted) {
        static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes"};
        static const char *const no[] = {"false", "False", "FALSE", "no", "No"};
        for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
            if (strcmp(n->text, yes[i]) == 0) {
                *out = true;
                return true;
            }
            if (strcmp(n->text, no[i]) == 0) {
                *out = false;
                return true;
            }
        }
    }
    diag_error(dl, n->at, "'%s' must be true or false", key);
    return false;
}

const ynode *yf_need(const ynode *map, const char *key, const char *what, diag_list *dl)
{
    const ynode *v = yn_get(map, key);
    if (!v)
        diag_error(dl, map->at, "missing '%s' in %s: add '%s: ...' (see docs/input-format.md)", key, what, key);
    return v;
}

int yf_pick(const ynode *n, const char *key, const char *const *names, size_t count, diag_list *dl)
{
    const char *t = yf_text(n, key, dl);
    if (!t)
        return -1;
    for (size_t i = 0; i < count; i++)
        if (names[i][0] && strcmp(t, names[i]) == 0)
            return (int)i;
    char list[256] = "";
    for (size_t i = 0, used = 0; i < count && used < sizeof list; i++)
        if (names[i][0])
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", names[i]);
    const char *hint = txt_suggest(t, names, count);
    diag_error(dl, n->at, "unknown %s '%s': use one of %s%s%s%s", key, t, list, hint ? " (did you mean '" : "",
               hint ? hint : "", hint ? "'?)" : "");
    return -1;
}
