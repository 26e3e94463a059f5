/* rpt_out.c - files, CSV fields and JSON values for the machine outputs of every command. */
#include "rpt_out.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "rpt_text.h"

FILE *rpt_fopen(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        snprintf(err, errlen, "cannot create '%s': %s", path, strerror(errno));
    return f;
}

FILE *rpt_csv_fopen(const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    FILE *f = rpt_fopen(path, err, errlen);
    if (f && m && m->csv_bom)
        fputs("\xEF\xBB\xBF", f); /* U+FEFF in UTF-8; a failed write shows at rpt_fclose */
    return f;
}

/* Closes f and turns a failed write or close into a message. */
int rpt_fclose(FILE *f, const char *path, char *err, size_t errlen)
{
    int bad = ferror(f);
    int saved = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad)
        return 0;
    snprintf(err, errlen, "writing '%s': %s", path, strerror(saved ? saved : EIO));
    return -1;
}

void rpt_print_num(FILE *f, double v)
{
    char buf[32];
    rpt_num_text(v, buf, sizeof buf);
    fputs(buf, f);
}

/* Whether a spreadsheet would take text `s` for a formula: it starts with
 * =, +, -, @, a tab or a carriage return (OWASP, "CSV Injection"). */
static bool rpt_csv_formula_like(const char *s) { return s[0] && strchr("=+-@\t\r", s[0]); }

void rpt_csv_field(FILE *f, const char *s, bool last)
{
    bool formula = s && rpt_csv_formula_like(s);
    if (s && (formula || s[strcspn(s, ",\"\r\n")])) {
        fputc('"', f);
        if (formula)
            fputc('\'', f); /* a leading ' makes Excel and LibreOffice show the text, never run it */
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else if (s) {
        fputs(s, f);
    }
    fputs(last ? "\r\n" : ",", f);
}

void rpt_csv_num(FILE *f, double v, bool last)
{
    if (isfinite(v))
        rpt_print_num(f, v);
    fputs(last ? "\r\n" : ",", f);
}

void rpt_json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

void rpt_json_num(FILE *f, double v)
{
    if (isfinite(v))
        rpt_print_num(f, v);
    else
        fputs("null", f);
}

void rpt_json_kv(FILE *f, const char *key, double v, bool first)
{
    fprintf(f, "%s\"%s\": ", first ? "" : ", ", key);
    rpt_json_num(f, v);
}

void rpt_json_set_ids(FILE *f, const fset *const *sets, size_t n)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", f);
        rpt_json_str(f, sets[i]->id);
    }
    fputc(']', f);
}

void rpt_json_head(FILE *f, const rpt_meta *m)
{
    fputs("{\n  \"tool\": \"ghgcalc\",\n  \"version\": ", f);
    rpt_json_str(f, m->tool_version);
}

void rpt_json_subject(FILE *f, const char *key, const char *id, const char *title, const char *region)
{
    fprintf(f, ",\n  \"%s\": {\"id\": ", key);
    rpt_json_str(f, id);
    fputs(", \"title\": ", f);
    rpt_json_str(f, title);
    fputs(", \"region\": ", f);
    rpt_json_str(f, region);
}

/* One object per input file, one per line; "[]" when there are none. */
void rpt_json_inputs(FILE *f, const rpt_meta *m)
{
    fputs("  \"inputs\": [", f);
    for (size_t i = 0; i < m->ninputs; i++) {
        fputs(i ? ",\n    {\"path\": " : "\n    {\"path\": ", f);
        rpt_json_str(f, m->input_paths[i]);
        fputs(", \"sha256\": ", f);
        rpt_json_str(f, m->input_sha256 ? m->input_sha256[i] : NULL);
        fputc('}', f);
    }
    fputs(m->ninputs ? "\n  ]\n}\n" : "]\n}\n", f);
}
