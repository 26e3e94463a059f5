/* csv_in.c - the CSV reader: the bytes turned into UTF-8 (iconv), then RFC 4180 records into grid cells. */
#include "csv_in.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool cin_encoding_named(const char *name, cin_encoding *enc)
{
    static const struct {
        const char *name;
        cin_encoding enc;
    } names[] = {{"auto", CIN_AUTO},       {"utf-8", CIN_UTF8},  {"utf8", CIN_UTF8},
                 {"gb18030", CIN_GB18030}, {"gbk", CIN_GB18030}, {"cp936", CIN_GB18030}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *enc = names[i].enc;
            return true;
        }
    return false;
}

/* The length of the valid UTF-8 prefix of s[0..n) (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF). */
static size_t cin_utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || i + k > n || (k == 2 && c < 0xC2) || (k == 4 && c > 0xF4))
            return i;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return i;
        if ((k == 3 && c == 0xE0 && s[i + 1] < 0xA0) || (k == 3 && c == 0xED && s[i + 1] >= 0xA0) ||
            (k == 4 && c == 0xF0 && s[i + 1] < 0x90) || (k == 4 && c == 0xF4 && s[i + 1] >= 0x90))
            return i;
        i += k;
    }
    return n;
}

/* The line (1-based) of byte `off` in s. */
static unsigned long cin_line_of(const unsigned char *s, size_t off)
{
    unsigned long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

/* Converts s[0..n) from `from` to UTF-8 with iconv into a malloc'd,
 * NUL-terminated buffer; NULL with a message in `log` when a byte sequence
 * is not of that encoding. */
static char *cin_iconv(const char *path, const unsigned char *s, size_t n, const char *from, const char *hint,
                       size_t *out_len, grid_log *log)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        grid_log_file(log, DIAG_ERROR, path, "this system cannot convert from %s (iconv): save the CSV as UTF-8", from);
        return NULL;
    }
    size_t cap = n * 2 + 16, used = 0, left = n;
    char *out = malloc(cap), *in = (char *)s;
    bool bad = false;
    while (out && left && !bad) {
        char *o = out + used;
        size_t room = cap - used - 1;
        size_t r = iconv(cd, &in, &left, &o, &room);
        used = (size_t)(o - out);
        if (r != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            char *v = realloc(out, cap *= 2);
            if (!v)
                free(out);
            out = v;
        } else
            bad = true;
    }
    iconv_close(cd);
    if (bad) {
        size_t at = (size_t)((const unsigned char *)in - s);
        grid_log_file(log, DIAG_ERROR, path, "line %lu: bytes that are not %s (at byte %zu): %s", cin_line_of(s, at),
                      from, at, hint);
        free(out);
        return NULL;
    }
    if (!out) {
        grid_log_file(log, DIAG_ERROR, path, "out of memory");
        return NULL;
    }
    out[used] = '\0';
    *out_len = used;
    return out;
}

/* The bytes of the file as UTF-8 without BOM, malloc'd; NULL with a message. */
static char *cin_to_utf8(const char *path, const unsigned char *s, size_t n, cin_encoding enc, size_t *len,
                         grid_log *log)
{
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return cin_iconv(path, s + 2, n - 2, s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                         "save the file again as 'CSV UTF-8'", len, log);
    bool bom = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
    if (bom) {
        s += 3;
        n -= 3;
    }
    if (memchr(s, '\0', n)) {
        grid_log_file(log, DIAG_ERROR, path,
                      "the file holds NUL bytes, so it is not a CSV text file: save the sheet "
                      "as 'CSV UTF-8', or give the .xlsx workbook");
        return NULL;
    }
    size_t valid = cin_utf8_valid(s, n);
    if (bom || enc == CIN_UTF8 || (enc == CIN_AUTO && valid == n)) {
        if (valid != n) {
            grid_log_file(log, DIAG_ERROR, path,
                          "line %lu: bytes that are not UTF-8 (at byte %zu): save the CSV as "
                          "'CSV UTF-8', or give --encoding gb18030 for a CSV from Chinese Excel",
                          cin_line_of(s, valid), valid + (bom ? 3 : 0));
            return NULL;
        }
        char *out = malloc(n + 1);
        if (!out) {
            grid_log_file(log, DIAG_ERROR, path, "out of memory");
            return NULL;
        }
        memcpy(out, s, n);
        out[n] = '\0';
        *len = n;
        return out;
    }
    return cin_iconv(path, s, n, "GB18030",
                     "the file is neither UTF-8 nor GB18030/GBK: save it as 'CSV UTF-8', or give --encoding", len, log);
}

/* The delimiter of the first record: the most frequent of ',', ';' and
 * tab outside quotes (',' when none). */
static char cin_delimiter(const char *s)
{
    size_t count[3] = {0, 0, 0};
    bool quoted = false;
    for (; *s && (quoted || (*s != '\n' && *s != '\r')); s++) {
        if (*s == '"')
            quoted = !quoted;
        else if (!quoted)
            count[0] += *s == ',', count[1] += *s == ';', count[2] += *s == '\t';
    }
    return count[1] > count[0] && count[1] >= count[2] ? ';' : count[2] > count[0] ? '\t' : ',';
}

/* The parser's state: where it is, the field being built. */
typedef struct {
    const char *path;
    grid_book *book;
    grid_sheet *sheet;
    grid_log *log;
    char delim;
    uint32_t row, col;
    char *field;
    size_t n, cap;
    bool over, failed;
} cin_state;

/* Appends byte `c` to the field; false when out of memory. */
static bool cin_put(cin_state *st, char c)
{
    if (st->n + 1 >= GRID_MAX_TEXT) {
        st->over = true;
        return true;
    }
    if (st->n + 2 > st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 256;
        char *v = realloc(st->field, cap);
        if (!v)
            return false;
        st->field = v;
        st->cap = cap;
    }
    st->field[st->n++] = c;
    return true;
}

/* Ends the current field: a non-empty one becomes a cell. */
static void cin_end_field(cin_state *st)
{
    if (st->over)
        grid_log_cell(st->log, DIAG_ERROR, st->book, st->sheet, st->row, st->col,
                      "field is longer than the limit of %u bytes: shorten it", GRID_MAX_TEXT);
    else if (st->n) {
        st->field[st->n] = '\0';
        grid_cell c = {.row = st->row, .col = st->col, .kind = GRID_TEXT, .text = st->field};
        if (st->col >= GRID_MAX_COLS || st->row >= GRID_MAX_ROWS) {
            grid_log_cell(st->log, DIAG_ERROR, st->book, st->sheet, st->row, 0,
                          "the CSV has more rows or fields than a sheet can (%u x %u): split it", GRID_MAX_ROWS,
                          GRID_MAX_COLS);
            st->failed = true;
        } else if (!grid_add(st->book, st->sheet, &c)) {
            grid_log_file(st->log, DIAG_ERROR, st->path, "out of memory or more than %u cells", GRID_MAX_CELLS);
            st->failed = true;
        }
    }
    st->n = 0;
    st->over = false;
    st->col++;
}

/* Reads a quoted field starting after its opening quote at s[*i]; false
 * when it never closes or has text after its closing quote. */
static bool cin_quoted(cin_state *st, const char *s, size_t len, size_t *i)
{
    uint32_t row0 = st->row;
    for (size_t k = *i; k < len; k++) {
        if (s[k] != '"') {
            if (!cin_put(st, s[k]))
                return false;
            continue;
        }
        if (k + 1 < len && s[k + 1] == '"') {
            if (!cin_put(st, '"'))
                return false;
            k++;
            continue;
        }
        char next = k + 1 < len ? s[k + 1] : '\n';
        if (next != st->delim && next != '\n' && next != '\r') {
            grid_log_cell(st->log, DIAG_ERROR, st->book, st->sheet, row0, st->col,
                          "text after the closing quote of a quoted field: double each quote inside quotes (\"\") "
                          "or remove the stray one");
            st->failed = true;
            return false;
        }
        *i = k + 1;
        return true;
    }
    grid_log_cell(st->log, DIAG_ERROR, st->book, st->sheet, row0, st->col,
                  "quoted field never closes: add the closing quote (\")");
    st->failed = true;
    return false;
}

/* Parses the UTF-8 text s[0..len) into the sheet. */
static void cin_parse(cin_state *st, const char *s, size_t len)
{
    size_t i = 0;
    bool at_start = true; /* at the start of a field */
    while (i < len && !st->failed) {
        char c = s[i];
        if (at_start && c == '"') {
            i++;
            if (!cin_quoted(st, s, len, &i))
                break;
            at_start = false;
            continue;
        }
        at_start = false;
        if (c == st->delim) {
            cin_end_field(st);
            at_start = true;
            i++;
        } else if (c == '\n' || c == '\r') {
            cin_end_field(st);
            st->row++;
            st->col = 0;
            at_start = true;
            i += c == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
        } else {
            if (!cin_put(st, c))
                st->failed = true;
            i++;
        }
    }
    if (!st->failed && !at_start)
        cin_end_field(st);
    else if (!st->failed && st->col > 0)
        cin_end_field(st); /* "a,b," : the last, empty field */
}

/* The sheet name of a CSV: its file name without folder and extension. */
static void cin_sheet_name(const char *path, char *buf, size_t len)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    snprintf(buf, len, "%.*s", dot && dot > base ? (int)(dot - base) : (int)strlen(base), base);
}

grid_book *cin_read_mem(const char *path, const void *data, size_t len, cin_encoding enc, grid_log *log)
{
    size_t n = 0;
    char *text = cin_to_utf8(path, data, len, enc, &n, log);
    if (!text)
        return NULL;
    char name[128];
    cin_sheet_name(path, name, sizeof name);
    grid_book *b = grid_new(path, true);
    cin_state st = {.path = path, .book = b, .log = log, .delim = cin_delimiter(text)};
    st.sheet = b ? grid_add_sheet(b, name) : NULL;
    if (!st.sheet)
        grid_log_file(log, DIAG_ERROR, path, "out of memory");
    else
        cin_parse(&st, text, n);
    free(st.field);
    free(text);
    if (!st.sheet || st.failed) {
        grid_free(b);
        return NULL;
    }
    grid_finish(b);
    return b;
}

grid_book *cin_read(const char *path, cin_encoding enc, grid_log *log)
{
    size_t len = 0;
    char *data = grid_slurp(path, CIN_MAX_FILE, &len, log);
    if (!data)
        return NULL;
    grid_book *b = cin_read_mem(path, data, len, enc, log);
    free(data);
    return b;
}
