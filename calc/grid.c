/* grid.c - the in-memory spreadsheet that the xlsx and CSV readers fill and the import reads. */
#include "grid.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <errno.h>
#include <sys/stat.h>

#include "pool.h"

char *grid_slurp(const char *path, size_t max, size_t *len, grid_log *log)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f) {
        grid_log_file(log, DIAG_ERROR, path, "cannot open: %s: check the file name", strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        grid_log_file(log, DIAG_ERROR, path, "not a regular file: give a workbook (.xlsx) or a CSV file");
        fclose(f);
        return NULL;
    }
    if ((unsigned long long)st.st_size > max) {
        grid_log_file(log, DIAG_ERROR, path, "file is %lld bytes, over the limit of %zu bytes", (long long)st.st_size,
                      max);
        fclose(f);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    if (!buf || ferror(f)) {
        grid_log_file(log, DIAG_ERROR, path, "cannot read: %s", buf ? strerror(errno) : "out of memory");
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

grid_book *grid_new(const char *path, bool csv)
{
    grid_book *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->path = path;
    b->csv = csv;
    b->mem = pool_new();
    if (!b->mem) {
        free(b);
        return NULL;
    }
    return b;
}

void grid_free(grid_book *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        free(b->sheets[i].cells);
    free(b->sheets);
    pool_free(b->mem);
    free(b);
}

grid_sheet *grid_add_sheet(grid_book *b, const char *name)
{
    if (b->n >= GRID_MAX_SHEETS)
        return NULL;
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        grid_sheet *v = realloc(b->sheets, cap * sizeof *v);
        if (!v)
            return NULL;
        b->sheets = v;
        b->cap = cap;
    }
    grid_sheet *s = &b->sheets[b->n];
    *s = (grid_sheet){0};
    s->name = pool_strdup(b->mem, name);
    if (!s->name)
        return NULL;
    b->n++;
    return s;
}

/* The number of cells of every sheet of `b`. */
static size_t grid_total(const grid_book *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++)
        n += b->sheets[i].n;
    return n;
}

bool grid_add(grid_book *b, grid_sheet *s, const grid_cell *c)
{
    if (grid_total(b) >= GRID_MAX_CELLS || c->row >= GRID_MAX_ROWS || c->col >= GRID_MAX_COLS)
        return false;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        grid_cell *v = realloc(s->cells, cap * sizeof *v);
        if (!v)
            return false;
        s->cells = v;
        s->cap = cap;
    }
    grid_cell copy = *c;
    if (c->text && !(copy.text = pool_strdup(b->mem, c->text)))
        return false;
    s->cells[s->n++] = copy;
    return true;
}

/* Orders cells by row, then column, then the order they were added in (the
 * position in the array before sorting, kept by a stable merge). */
static int grid_cmp(const grid_cell *a, const grid_cell *b)
{
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

/* A stable merge sort of v[0..n) with scratch space tmp. */
static void grid_sort(grid_cell *v, grid_cell *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    grid_sort(v, tmp, h);
    grid_sort(v + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = grid_cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* Sorts one sheet and keeps the last of cells at the same place. */
static void grid_finish_sheet(grid_sheet *s)
{
    bool sorted = true;
    for (size_t i = 1; i < s->n && sorted; i++)
        sorted = grid_cmp(&s->cells[i - 1], &s->cells[i]) < 0;
    if (sorted)
        return;
    grid_cell *tmp = malloc(s->n * sizeof *tmp);
    if (!tmp) { /* out of memory: an insertion sort needs no scratch space */
        for (size_t i = 1; i < s->n; i++)
            for (size_t j = i; j > 0 && grid_cmp(&s->cells[j], &s->cells[j - 1]) < 0; j--) {
                grid_cell t = s->cells[j];
                s->cells[j] = s->cells[j - 1];
                s->cells[j - 1] = t;
            }
    } else
        grid_sort(s->cells, tmp, s->n);
    free(tmp);
    size_t out = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (out && grid_cmp(&s->cells[out - 1], &s->cells[i]) == 0)
            s->cells[out - 1] = s->cells[i];
        else
            s->cells[out++] = s->cells[i];
    }
    s->n = out;
}

void grid_finish(grid_book *b)
{
    for (size_t i = 0; i < b->n; i++)
        grid_finish_sheet(&b->sheets[i]);
}

const grid_sheet *grid_sheet_named(const grid_book *b, const char *name)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcasecmp(b->sheets[i].name, name) == 0)
            return &b->sheets[i];
    return NULL;
}

size_t grid_row_start(const grid_sheet *s, uint32_t row)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->cells[mid].row < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const grid_cell *grid_at(const grid_sheet *s, uint32_t row, uint32_t col)
{
    for (size_t i = grid_row_start(s, row); i < s->n && s->cells[i].row == row; i++)
        if (s->cells[i].col == col)
            return &s->cells[i];
    return NULL;
}

void grid_col_name(uint32_t col, char *buf, size_t len)
{
    char rev[8];
    size_t n = 0;
    uint32_t c = col + 1;
    while (c && n < sizeof rev) {
        rev[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    size_t k = 0;
    while (n && k + 1 < len)
        buf[k++] = rev[--n];
    if (len)
        buf[k] = '\0';
}

void grid_place(const grid_book *b, const grid_sheet *s, uint32_t row, uint32_t col, char *buf, size_t len)
{
    if (row == GRID_NO_CELL) {
        snprintf(buf, len, "%s", b->csv || !s ? "" : s->name);
        return;
    }
    char letters[8];
    grid_col_name(col, letters, sizeof letters);
    if (b->csv || !s)
        snprintf(buf, len, "%s%u", letters, row + 1);
    else
        snprintf(buf, len, "%s!%s%u", s->name, letters, row + 1);
}

bool grid_parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
    const char *p = ref;
    uint32_t c = 0, r = 0;
    if (*p == '$')
        p++;
    if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
        return false;
    for (int n = 0; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++, n++) {
        if (n == 3)
            return false;
        c = c * 26 + (uint32_t)((*p | 0x20) - 'a' + 1);
    }
    if (*p == '$')
        p++;
    if (*p < '1' || *p > '9')
        return false;
    for (int n = 0; *p >= '0' && *p <= '9'; p++, n++) {
        if (n == 7)
            return false;
        r = r * 10 + (uint32_t)(*p - '0');
    }
    if (*p || c > GRID_MAX_COLS || r > GRID_MAX_ROWS)
        return false;
    *row = r - 1;
    *col = c - 1;
    return true;
}

void grid_value_text(const grid_cell *c, char *buf, size_t len)
{
    switch (c->kind) {
    case GRID_TEXT:
    case GRID_ERROR:
        snprintf(buf, len, "%s", c->text ? c->text : "");
        return;
    case GRID_BOOL:
        snprintf(buf, len, "%s", c->num != 0 ? "TRUE" : "FALSE");
        return;
    case GRID_NUM:
        break;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, len, "%.*g", digits, c->num);
        if (strtod(buf, NULL) == c->num)
            return;
    }
}

/* ------------------------------------------------------------------ messages */

typedef struct {
    diag_level level;
    size_t file;       /* index into files[] (order of first use) */
    size_t sheet;      /* sheet index + 1; 0 = the whole file */
    uint32_t row, col; /* GRID_NO_CELL: the whole sheet */
    size_t seq;
    char *where; /* "Sheet!B7", "B7" or "" */
    char *text;
} grid_msg;

struct grid_log {
    grid_msg *v;
    size_t n, cap, errors;
    char **files;
    size_t nfiles, capfiles;
};

grid_log *grid_log_new(void) { return calloc(1, sizeof(grid_log)); }

void grid_log_free(grid_log *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        free(g->v[i].where);
        free(g->v[i].text);
    }
    for (size_t i = 0; i < g->nfiles; i++)
        free(g->files[i]);
    free(g->v);
    free(g->files);
    free(g);
}

/* The index of `path` among the log's files, added when new; SIZE_MAX when out of memory. */
static size_t grid_log_file_ix(grid_log *g, const char *path)
{
    for (size_t i = 0; i < g->nfiles; i++)
        if (strcmp(g->files[i], path) == 0)
            return i;
    if (g->nfiles == g->capfiles) {
        size_t cap = g->capfiles ? g->capfiles * 2 : 4;
        char **v = realloc(g->files, cap * sizeof *v);
        if (!v)
            return SIZE_MAX;
        g->files = v;
        g->capfiles = cap;
    }
    if (!(g->files[g->nfiles] = strdup(path)))
        return SIZE_MAX;
    return g->nfiles++;
}

/* Appends one message; on allocation failure it is dropped but an error is still counted. */
GHG_PRINTF(8, 0)
static void grid_log_vadd(grid_log *g, diag_level level, const char *path, size_t sheet, uint32_t row, uint32_t col,
                          const char *where, const char *fmt, va_list ap)
{
    if (level == DIAG_ERROR)
        g->errors++;
    size_t file = grid_log_file_ix(g, path);
    if (file == SIZE_MAX)
        return;
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        grid_msg *v = realloc(g->v, cap * sizeof *v);
        if (!v)
            return;
        g->v = v;
        g->cap = cap;
    }
    char text[1024];
    vsnprintf(text, sizeof text, fmt, ap);
    grid_msg m = {level, file, sheet, row, col, g->n, strdup(where), strdup(text)};
    if (!m.where || !m.text) {
        free(m.where);
        free(m.text);
        return;
    }
    g->v[g->n++] = m;
}

void grid_log_cell(grid_log *g, diag_level level, const grid_book *b, const grid_sheet *s, uint32_t row, uint32_t col,
                   const char *fmt, ...)
{
    char where[160] = "";
    if (s)
        grid_place(b, s, row, col, where, sizeof where);
    size_t sheet = s ? (size_t)(s - b->sheets) + 1 : 0;
    va_list ap;
    va_start(ap, fmt);
    grid_log_vadd(g, level, b->path, sheet, s ? row : GRID_NO_CELL, col, where, fmt, ap);
    va_end(ap);
}

void grid_log_file(grid_log *g, diag_level level, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    grid_log_vadd(g, level, path, 0, GRID_NO_CELL, 0, "", fmt, ap);
    va_end(ap);
}

size_t grid_log_errors(const grid_log *g) { return g->errors; }

/* Orders messages by file, sheet, row, column, then the order they came in. */
static int grid_msg_cmp(const void *pa, const void *pb)
{
    const grid_msg *a = pa, *b = pb;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    if (a->sheet != b->sheet)
        return a->sheet < b->sheet ? -1 : 1;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void grid_log_print(const grid_log *g, FILE *out, size_t max)
{
    static const char *const names[] = {"error", "warning", "note"};
    grid_msg *v = g->n ? malloc(g->n * sizeof *v) : NULL;
    if (v) {
        memcpy(v, g->v, g->n * sizeof *v);
        qsort(v, g->n, sizeof *v, grid_msg_cmp);
    }
    const grid_msg *m = v ? v : g->v;
    for (size_t i = 0; i < g->n; i++) {
        if (max && i == max) {
            fprintf(out, "ghgcalc: %zu more message(s) not shown\n", g->n - i);
            break;
        }
        fprintf(out, "%s%s%s: %s: %s\n", g->files[m[i].file], m[i].where[0] ? ":" : "", m[i].where, names[m[i].level],
                m[i].text);
    }
    free(v);
}
