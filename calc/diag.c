/* diag.c - collecting, ordering and printing input diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    diag_level level;
    src_loc at;
    size_t seq;   /* insertion order, keeps the sort stable */
    char *text;
} diag_msg;

struct diag_list {
    diag_msg *msgs;
    size_t n, cap;
    size_t errors;
    bool stopped; /* diag_stop said so: later messages are counted, not kept */
    size_t stop_seq; /* the stop message (printed last, always) */
    size_t dropped; /* messages counted but not kept */
};

diag_list *diag_new(void) { return calloc(1, sizeof(diag_list)); }

void diag_free(diag_list *dl)
{
    if (!dl)
        return;
    for (size_t i = 0; i < dl->n; i++)
        free(dl->msgs[i].text);
    free(dl->msgs);
    free(dl);
}

/* Appends a formatted message; on allocation failure the message is dropped
 * but still counted, so a run never reports success after an error. */
GHG_PRINTF(4, 0) static void diag_vadd(diag_list *dl, diag_level level, src_loc at, const char *fmt, va_list ap)
{
    if (level == DIAG_ERROR)
        dl->errors++;
    if (dl->stopped) {
        dl->dropped++;
        return;
    }
    if (dl->n == dl->cap) {
        size_t cap = dl->cap ? dl->cap * 2 : 16;
        diag_msg *m = realloc(dl->msgs, cap * sizeof *m);
        if (!m)
            return;
        dl->msgs = m;
        dl->cap = cap;
    }
    va_list ap2;
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (len < 0)
        return;
    char *text = malloc((size_t)len + 1);
    if (!text)
        return;
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    dl->msgs[dl->n] = (diag_msg){level, at, dl->n, text};
    dl->n++;
}

void diag_add(diag_list *dl, diag_level level, src_loc at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(dl, level, at, fmt, ap);
    va_end(ap);
}

void diag_error(diag_list *dl, src_loc at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(dl, DIAG_ERROR, at, fmt, ap);
    va_end(ap);
}

size_t diag_error_count(const diag_list *dl) { return dl->errors; }

bool diag_full(const diag_list *dl) { return dl->errors >= DIAG_MAX_ERRORS; }

bool diag_stop(diag_list *dl, src_loc at, const char *doing)
{
    if (!diag_full(dl))
        return false;
    if (!dl->stopped) {
        diag_error(dl, at, "more than %d errors: stopped %shere; fix these first", DIAG_MAX_ERRORS, doing);
        dl->stop_seq = dl->n - 1;
        dl->stopped = true;
    }
    return true;
}
size_t diag_count(const diag_list *dl) { return dl->n; }

const char *diag_get(const diag_list *dl, size_t i, diag_level *level, src_loc *at)
{
    if (i >= dl->n)
        return NULL;
    *level = dl->msgs[i].level;
    *at = dl->msgs[i].at;
    return dl->msgs[i].text;
}

/* Orders by file name, then line, column and insertion order. */
static int diag_cmp(const void *pa, const void *pb)
{
    const diag_msg *a = pa, *b = pb;
    const char *fa = a->at.file ? a->at.file : "", *fb = b->at.file ? b->at.file : "";
    int c = strcmp(fa, fb);
    if (c)
        return c;
    if (a->at.line != b->at.line)
        return a->at.line < b->at.line ? -1 : 1;
    if (a->at.col != b->at.col)
        return a->at.col < b->at.col ? -1 : 1;
    return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/* Prints line `lineno` of `path` and a caret under column `col`. Reads the
 * file again: diagnostics are rare, and this keeps loaders from holding text.
 * Only a regular file is read again: a pipe or FIFO was read once and is
 * gone (opening a FIFO again would wait for a writer forever). */
static void diag_show_line(FILE *out, const char *path, unsigned lineno, unsigned col)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char buf[512];
    unsigned cur = 1;
    bool found = false;
    while (fgets(buf, sizeof buf, f)) {
        size_t len = strlen(buf);
        bool whole = len > 0 && buf[len - 1] == '\n';
        if (cur == lineno) {
            found = true;
            break;
        }
        if (whole)
            cur++;
    }
    fclose(f);
    if (!found)
        return;
    buf[strcspn(buf, "\r\n")] = '\0';
    fprintf(out, " %5u | %s\n       | ", lineno, buf);
    /* Column counts characters; tabs are kept so the caret lines up. */
    unsigned chars = 0;
    for (const unsigned char *p = (const unsigned char *)buf; *p && chars + 1 < col; p++) {
        if ((*p & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte: same character */
        fputc(*p == '\t' ? '\t' : ' ', out);
        chars++;
    }
    fputs("^\n", out);
}

/* Prints one message (and its source line). */
static void diag_print_one(const diag_msg *m, FILE *out, bool show_source)
{
    static const char *const names[] = {"error", "warning", "note"};
    if (m->at.file && m->at.line && m->at.col)
        fprintf(out, "%s:%u:%u: ", m->at.file, m->at.line, m->at.col);
    else if (m->at.file && m->at.line)
        fprintf(out, "%s:%u: ", m->at.file, m->at.line);
    else if (m->at.file)
        fprintf(out, "%s: ", m->at.file);
    else
        fputs("ghgcalc: ", out);
    fprintf(out, "%s: %s\n", names[m->level], m->text);
    if (show_source && m->at.file && m->at.line)
        diag_show_line(out, m->at.file, m->at.line, m->at.col ? m->at.col : 1);
}

void diag_print(const diag_list *dl, FILE *out, bool show_source, size_t max)
{
    diag_msg *sorted = malloc((dl->n ? dl->n : 1) * sizeof *sorted);
    if (!sorted)
        return;
    if (dl->n)
        memcpy(sorted, dl->msgs, dl->n * sizeof *sorted);
    qsort(sorted, dl->n, sizeof *sorted, diag_cmp);
    /* The stop message stands far down the file, past the messages shown:
     * it is said last, above the count of the others. */
    size_t shown = 0, room = max ? max - (dl->stopped && max > 1 ? 1 : 0) : 0;
    const diag_msg *stop = NULL;
    for (size_t i = 0; i < dl->n; i++) {
        if (dl->stopped && sorted[i].seq == dl->stop_seq)
            stop = &sorted[i];
        else if (!room || shown < room) {
            diag_print_one(&sorted[i], out, show_source);
            shown++;
        }
    }
    if (stop) {
        diag_print_one(stop, out, show_source);
        shown++;
    }
    if (dl->n - shown + dl->dropped)
        fprintf(out, "ghgcalc: %zu more message(s) not shown\n", dl->n - shown + dl->dropped);
    free(sorted);
}
