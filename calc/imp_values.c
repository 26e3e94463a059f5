/* imp_values.c - one cell of a filled-in template into the YAML text of its value, or the reason it cannot be. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "imp_internal.h"
#include "textutil.h"

/* ------------------------------------------------------------------ texts */

/* Copies `s` trimmed of white space (ASCII, and the ideographic space U+3000) and of a trailing
 * required-marker "*" into buf. */
void imp_trim(const char *s, char *buf, size_t len)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || strncmp(s, "\xE3\x80\x80", 3) == 0)
        s += *s == '\xE3' ? 3 : 1;
    snprintf(buf, len, "%s", s);
    size_t n = strlen(buf);
    for (;;) {
        if (n && strchr(" \t\r\n*", buf[n - 1]))
            buf[--n] = '\0';
        else if (n >= 3 && strcmp(buf + n - 3, "\xE3\x80\x80") == 0)
            buf[n -= 3] = '\0';
        else
            break;
    }
}

/* Whether cell text `s` names column or row `c`: its English or Chinese
 * header, or its YAML key (case and a trailing " *" ignored). */
bool imp_names(const tpl_col *c, const char *s)
{
    char t[256];
    imp_trim(s, t, sizeof t);
    if (!t[0])
        return false;
    return strcasecmp(t, c->en) == 0 || strcmp(t, c->zh) == 0 || (c->key && strcasecmp(t, c->key) == 0);
}

/* The text of a cell for matching (numbers as text); "" for none. */
const char *imp_cell_text(const grid_cell *c, char *buf, size_t len)
{
    if (!c)
        return "";
    grid_value_text(c, buf, len);
    return buf;
}

/* ------------------------------------------------------------------ values */

/* Text `t` for a message: at most 80 bytes, cut at a character boundary
 * (never inside a UTF-8 sequence), "..." when cut. */
static const char *imp_clip(const char *t, char *buf, size_t len)
{
    size_t n = strlen(t);
    if (n <= 80 || len < 84) {
        snprintf(buf, len, "%s", t);
        return buf;
    }
    n = 80;
    while (n && ((unsigned char)t[n] & 0xC0) == 0x80)
        n--;
    snprintf(buf, len, "%.*s...", (int)n, t);
    return buf;
}

/* A cell's text for a message (imp_clip). */
static const char *imp_shown(const grid_cell *c, char *buf, size_t len)
{
    char full[1024];
    return imp_clip(imp_cell_text(c, full, sizeof full), buf, len);
}

/* Writes `s` as a double-quoted YAML string into buf: backslash, quote and
 * control characters escaped. */
static void imp_quote(const char *s, char *buf, size_t len)
{
    size_t o = 0;
    if (len < 3)
        return;
    buf[o++] = '"';
    for (; *s && o + 6 < len; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            o += (size_t)snprintf(buf + o, len - o, "\\%c", c);
        else if (c == '\n')
            o += (size_t)snprintf(buf + o, len - o, "\\n");
        else if (c == '\t')
            o += (size_t)snprintf(buf + o, len - o, "\\t");
        else if (c == '\r')
            o += (size_t)snprintf(buf + o, len - o, "\\r");
        else if (c < 0x20 || c == 0x7F)
            o += (size_t)snprintf(buf + o, len - o, "\\x%02x", c);
        else
            buf[o++] = (char)c;
    }
    buf[o++] = '"';
    buf[o] = '\0';
}

/* A number in the fewest of 15-17 significant digits that reads back as the same double. */
static void imp_num_text(double v, char *buf, size_t len)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, len, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* Parses a number typed as text: "1250", " 1.5e3 ", "1,250.5" (thousands
 * grouped by commas). False when it is not one. */
static bool imp_text_number(const char *s, double *v)
{
    char t[128], plain[128];
    imp_trim(s, t, sizeof t);
    size_t o = 0;
    const char *p = t;
    for (; *p && o + 1 < sizeof plain; p++) {
        if (*p == ',') {
            /* a comma must stand between digits and be followed by exactly three digits */
            if (p == t || !isdigit((unsigned char)p[-1]) || strspn(p + 1, "0123456789") != 3 ||
                (p[4] && p[4] != ',' && p[4] != '.'))
                return false;
            continue;
        }
        plain[o++] = *p;
    }
    plain[o] = '\0';
    return txt_number(plain, v) && isfinite(*v);
}

/* The value of a number cell: a number, or a text that is one. */
static bool imp_cell_number(const grid_cell *c, double *v)
{
    if (c->kind == GRID_NUM) {
        *v = c->num;
        return isfinite(*v);
    }
    return c->kind == GRID_TEXT && imp_text_number(c->text, v);
}

/* An Excel day number as YYYY-MM-DD (1900 system with its 29 Feb 1900, or 1904). */
static bool imp_date(double serial, bool date1904, char *buf, size_t len)
{
    if (!(serial >= 1 && serial < 2958466))
        return false;
    long days = (long)floor(serial) + (date1904 ? 1462 : 0);
    if (!date1904 && days > 59)
        days--; /* Excel counts a 29 February 1900 that never was */
    /* days since 1899-12-31; civil-from-days (H. Hinnant's algorithm) from 1970-01-01 */
    long z = days - 25568 + 719468 - 1;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
    snprintf(buf, len, "%04ld-%02ld-%02ld", y, m, d);
    return true;
}

/* Whether `s` is in the NULL-terminated list `v`. */
static bool imp_in_list(const char *const *v, const char *s)
{
    for (; v && *v; v++)
        if (strcmp(*v, s) == 0)
            return true;
    return false;
}

/* The quoted list of the values of a closed list, "'a', 'b' or 'c'". */
static void imp_list_text(const char *const *v, char *buf, size_t len)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; v[i] && o < len; i++)
        o += (size_t)snprintf(buf + o, len - o, "%s'%s'", i == 0 ? "" : v[i + 1] ? ", " : " or ", v[i]);
}

/* Converts text cell `t` of a WORD column: trimmed; a closed list's value must be in it. */
static bool imp_word(const tpl_col *c, const char *t, char *out, size_t len, char *why, size_t wlen)
{
    char w[GRID_MAX_TEXT < 1024 ? GRID_MAX_TEXT : 1024];
    imp_trim(t, w, sizeof w);
    const char *const *v = tpl_list_values(c->list);
    if (v && tpl_list_closed(c->list) && !imp_in_list(v, w)) {
        char all[512];
        imp_list_text(v, all, sizeof all);
        size_t n = 0;
        while (v[n])
            n++;
        const char *near = txt_suggest(w, v, n);
        char shown[96];
        snprintf(why, wlen, "'%s' is not one of %s%s%s%s: pick one from the list", imp_clip(w, shown, sizeof shown),
                 all, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
        return false;
    }
    imp_quote(w, out, len);
    return true;
}

/* Converts a yes/no cell. */
static bool imp_yesno(const grid_cell *g, char *out, size_t len, char *why, size_t wlen)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "是", "对", NULL};
    static const char *const no[] = {"no", "n", "false", "0", "否", "不", NULL};
    char t[64];
    if (g->kind == GRID_BOOL || g->kind == GRID_NUM) {
        snprintf(out, len, "%s", g->num != 0 ? "true" : "false");
        return true;
    }
    imp_trim(g->text, t, sizeof t);
    for (char *p = t; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (imp_in_list(yes, t) || imp_in_list(no, t)) {
        snprintf(out, len, "%s", imp_in_list(yes, t) ? "true" : "false");
        return true;
    }
    snprintf(why, wlen, "'%s' is not yes or no: write yes (是) or no (否)", t);
    return false;
}

/* Converts a list of gases, "ch4, n2o" (commas, semicolons, 、 or spaces), into a YAML flow list. */
static bool imp_gases(const char *t, char *out, size_t len, char *why, size_t wlen)
{
    char w[1024];
    snprintf(w, sizeof w, "%s", t);
    size_t o = (size_t)snprintf(out, len, "[");
    int n = 0;
    for (char *save = NULL, *tok = strtok_r(w, ",; \t\n", &save); tok; tok = strtok_r(NULL, ",; \t\n", &save)) {
        for (char *p = tok; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        for (char *sep; (sep = strstr(tok, "\xE3\x80\x81"));) /* 、 */
            memset(sep, ' ', 3);
        char q[64];
        imp_quote(tok, q, sizeof q);
        o += (size_t)snprintf(out + o, o < len ? len - o : 0, "%s%s", n++ ? ", " : "", q);
    }
    if (!n) {
        snprintf(why, wlen, "no gas named: write them separated by commas, e.g. ch4, n2o");
        return false;
    }
    snprintf(out + o, o < len ? len - o : 0, "]");
    return o + 1 < len;
}

/* Converts a percentage cell: a number (x 100 in a percent-formatted cell, where 5 % is 0.05) or a text "5" or "5%". */
static bool imp_pct(const grid_cell *g, char *out, size_t len, char *why, size_t wlen)
{
    char t[1024];
    double v;
    if (g->kind == GRID_NUM && (g->fmt & GRID_FMT_PERCENT))
        snprintf(out, len, "%.15g%%", g->num * 100); /* 15 digits: 0.07 x 100 is 7.000000000000001 */
    else if (g->kind == GRID_NUM)
        snprintf(out, len, "%.15g%%", g->num);
    else if (g->kind == GRID_TEXT && txt_percent(imp_cell_text(g, t, sizeof t), &v) && isfinite(v))
        snprintf(out, len, "%.15g%%", v);
    else {
        snprintf(why, wlen, "'%s' is not a percentage: type 5 or 5%% for +/- 5 %%", imp_shown(g, t, sizeof t));
        return false;
    }
    return true;
}

/* Converts a date cell: an Excel date (a day number) or a text YYYY-MM-DD. */
static bool imp_date_value(const grid_book *b, const grid_cell *g, char *out, size_t len, char *why, size_t wlen)
{
    char raw[1024], t[1024];
    if (g->kind == GRID_NUM && imp_date(g->num, b->date1904, out, len))
        return true;
    imp_trim(imp_cell_text(g, raw, sizeof raw), t, sizeof t);
    if (strlen(t) == 10 && t[4] == '-' && t[7] == '-' && strspn(t, "0123456789-") == 10) {
        snprintf(out, len, "%s", t);
        return true;
    }
    snprintf(why, wlen, "'%s' is not a date: type it as 2023-01-31 or as an Excel date", imp_shown(g, raw, sizeof raw));
    return false;
}

/* Converts cell `g` of column `c` into the YAML text of its value; false
 * with the reason (and what would fix it) in `why`. */
bool imp_value(const tpl_col *c, const grid_book *b, const grid_cell *g, char *out, size_t len, char *why, size_t wlen)
{
    char t[1024];
    double v;
    if (g->kind == GRID_ERROR) {
        snprintf(why, wlen, "cell shows the error '%.40s': fix its formula or type the value", g->text);
        return false;
    }
    switch (c->type) {
    case TPL_TEXT:
        grid_value_text(g, t, sizeof t);
        imp_quote(g->kind == GRID_TEXT ? g->text : t, out, len);
        return true;
    case TPL_WORD:
        return imp_word(c, imp_cell_text(g, t, sizeof t), out, len, why, wlen);
    case TPL_NUM:
    case TPL_INT:
        if (!imp_cell_number(g, &v) && c->type == TPL_INT) {
            snprintf(why, wlen, "'%s' is not a whole number: type a year or count such as 2020",
                     imp_shown(g, t, sizeof t));
            return false;
        }
        if (!imp_cell_number(g, &v)) {
            snprintf(why, wlen,
                     "'%s' is not a number: type the number alone, without its unit (which has a column "
                     "of its own) or words",
                     imp_shown(g, t, sizeof t));
            return false;
        }
        if (c->type == TPL_INT && (v != floor(v) || fabs(v) > 1e9)) {
            snprintf(why, wlen, "'%s' is not a whole number: type a year or count such as 2020",
                     imp_shown(g, t, sizeof t));
            return false;
        }
        imp_num_text(v, out, len);
        return true;
    case TPL_PCT:
        return imp_pct(g, out, len, why, wlen);
    case TPL_YESNO:
        return imp_yesno(g, out, len, why, wlen);
    case TPL_GASES:
        return imp_gases(imp_cell_text(g, t, sizeof t), out, len, why, wlen);
    case TPL_DATE:
        return imp_date_value(b, g, out, len, why, wlen);
    case TPL_NAME:
        break;
    }
    return false;
}
