/* audit_fixture.h - small report templates for the audit tests: {{KEY}} tokens filled from defaults and overrides. */
#ifndef GHG_AUDIT_FIXTURE_H
#define GHG_AUDIT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of KEY in `list` ("KEY=value\n..." lines) for month `m`: a line
 * "KEY@m=" wins over "KEY="; NULL when the list has neither. The value is
 * copied into buf. */
static inline const char *af_lookup(const char *list, const char *key, int m, char *buf, size_t len)
{
    char want[128];
    if (strlen(key) > 60)
        return NULL;
    for (int pass = 0; pass < 2 && list; pass++) {
        if (pass == 0 && m == 0)
            continue;
        if (pass == 0)
            snprintf(want, sizeof want, "%.60s@%d=", key, m);
        else
            snprintf(want, sizeof want, "%.60s=", key);
        size_t wl = strlen(want);
        for (const char *p = list; *p;) {
            const char *end = strchr(p, '\n');
            size_t ll = end ? (size_t)(end - p) : strlen(p);
            if (ll >= wl && strncmp(p, want, wl) == 0) {
                snprintf(buf, len, "%.*s", (int)(ll - wl), p + wl);
                return buf;
            }
            p += ll + (end ? 1 : 0);
        }
    }
    return NULL;
}

/* KEY from the row's overrides, else the template's defaults, else the base defaults. */
static inline const char *af_value(const char *const lists[3], const char *key, int m, char *buf, size_t len)
{
    for (int i = 0; i < 3; i++)
        if (af_lookup(lists[i], key, m, buf, len))
            return buf;
    return NULL;
}

static void af_expand(FILE *out, const char *text, const char *const lists[3], const char *month_line, int m,
                      int depth);

/* Writes the twelve month lines (a month whose SKIP is 1 is left out). */
static inline void af_months(FILE *out, const char *const lists[3], const char *month_line, int depth)
{
    char buf[16];
    for (int m = 1; m <= 12; m++) {
        const char *skip = af_value(lists, "SKIP", m, buf, sizeof buf);
        if (skip && strcmp(skip, "1") == 0)
            continue;
        af_expand(out, month_line, lists, month_line, m, depth + 1);
    }
}

/* Copies `text` to `out`, replacing {{KEY}} by its value (itself expanded),
 * {{M}} and {{MM}} by the month, and {{MONTHS}} by the month lines. */
static void af_expand(FILE *out, const char *text, const char *const lists[3], const char *month_line, int m, int depth)
{
    for (const char *p = text; *p; p++) {
        const char *end = p[0] == '{' && p[1] == '{' ? strstr(p, "}}") : NULL;
        if (!end || depth > 4) {
            fputc(*p, out);
            continue;
        }
        char key[64], val[512];
        snprintf(key, sizeof key, "%.*s", (int)(end - p - 2), p + 2);
        if (strcmp(key, "MONTHS") == 0)
            af_months(out, lists, month_line, depth);
        else if (strcmp(key, "M") == 0)
            fprintf(out, "%d", m);
        else if (strcmp(key, "MM") == 0)
            fprintf(out, "%02d", m);
        else if (af_value(lists, key, m, val, sizeof val))
            af_expand(out, val, lists, month_line, m, depth + 1);
        else
            fprintf(out, "{{%s}}", key);
        p = end + 1;
    }
}

/* The filled template (malloc'd). */
static inline char *af_fill(const char *tmpl, const char *month_line, const char *base, const char *defaults,
                            const char *over)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    const char *const lists[3] = {over, defaults, base};
    af_expand(out, tmpl, lists, month_line, 0, 0);
    fclose(out);
    return text;
}

/* Line and column (1-based) where `needle` first occurs in `text`; 0 when absent. */
static inline unsigned af_line_of(const char *text, const char *needle, unsigned *col)
{
    const char *hit = strstr(text, needle);
    if (!hit)
        return 0;
    unsigned line = 1;
    const char *bol = text;
    for (const char *p = text; p < hit; p++)
        if (*p == '\n') {
            line++;
            bol = p + 1;
        }
    *col = (unsigned)(hit - bol) + 1;
    return line;
}

#endif
