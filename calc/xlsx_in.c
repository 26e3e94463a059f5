/* xlsx_in.c - the xlsx reader: minizip opens the zip in memory, libxml2's xmlTextReader streams each XML part into the
 * grid. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <unzip.h>

#include "pool.h"
#include "xlsx_in.h"

/* ------------------------------------------------------------------ the zip in memory */

/* A zip archive held in memory, read through minizip's I/O callbacks. */
typedef struct {
    const unsigned char *data;
    size_t len, pos;
} xin_mem;

static voidpf ZCALLBACK xin_zopen(voidpf opaque, const void *name, int mode)
{
    (void)name;
    (void)mode;
    xin_mem *m = opaque;
    m->pos = 0;
    return m;
}

static uLong ZCALLBACK xin_zread(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    xin_mem *m = stream;
    size_t n = m->len - m->pos < size ? m->len - m->pos : size;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (uLong)n;
}

static uLong ZCALLBACK xin_zwrite(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK xin_ztell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((xin_mem *)stream)->pos;
}

static long ZCALLBACK xin_zseek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    xin_mem *m = stream;
    ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : origin == ZLIB_FILEFUNC_SEEK_END ? m->len : 0;
    if (offset > m->len - base)
        return -1;
    m->pos = (size_t)(base + offset);
    return 0;
}

static int ZCALLBACK xin_zclose(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static int ZCALLBACK xin_zerror(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

/* ------------------------------------------------------------------ reading one part */

/* The state of one read: the archive, the book being filled, the styles
 * and shared strings read so far, and the first error. */
typedef struct {
    unzFile zip;
    const char *path;
    grid_log *log;
    grid_book *book;
    size_t unpacked;          /* bytes unpacked so far, over every part */
    const char *part;         /* the part being read, for messages */
    char xml_err[256];        /* libxml2's first message on this part */
    unsigned char *style_fmt; /* GRID_FMT_* of each cellXfs index */
    size_t nstyles;
    const char **strings; /* shared strings */
    size_t nstrings, capstrings;
    bool failed;
} xin_ctx;

/* Reports a problem of the workbook as a whole. */
GHG_PRINTF(2, 3) static void xin_fail(xin_ctx *x, const char *fmt, ...)
{
    if (x->failed)
        return;
    x->failed = true;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    grid_log_file(x->log, DIAG_ERROR, x->path, "%s", msg);
}

/* libxml2's read callback: the next bytes of the current zip entry. */
static int xin_xml_read(void *ctx, char *buf, int len)
{
    xin_ctx *x = ctx;
    int n = unzReadCurrentFile(x->zip, buf, (unsigned)len);
    if (n < 0)
        return -1;
    x->unpacked += (size_t)n;
    if (x->unpacked > XIN_MAX_UNPACKED) {
        snprintf(x->xml_err, sizeof x->xml_err, "the workbook unpacks to more than %u bytes", XIN_MAX_UNPACKED);
        return -1;
    }
    return n;
}

static int xin_xml_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* libxml2's error callback: keeps the first message of a part. */
static void xin_xml_error(void *ctx, xmlErrorPtr e)
{
    xin_ctx *x = ctx;
    if (!x->xml_err[0] && e && e->level >= XML_ERR_ERROR) {
        snprintf(x->xml_err, sizeof x->xml_err, "line %d: %s", e->line, e->message ? e->message : "bad XML");
        size_t n = strlen(x->xml_err);
        while (n && (x->xml_err[n - 1] == '\n' || x->xml_err[n - 1] == ' '))
            x->xml_err[--n] = '\0';
    }
}

/* Opens zip entry `name` and an XML reader on it; NULL when the entry is
 * absent (with `required`, that is an error). */
static xmlTextReaderPtr xin_open_part(xin_ctx *x, const char *name, bool required)
{
    x->part = name;
    x->xml_err[0] = '\0';
    if (unzLocateFile(x->zip, name, 2) != UNZ_OK || unzOpenCurrentFile(x->zip) != UNZ_OK) {
        if (required)
            xin_fail(x, "the workbook has no part '%s': save it again from Excel or LibreOffice as .xlsx", name);
        return NULL;
    }
    xmlTextReaderPtr r = xmlReaderForIO(xin_xml_read, xin_xml_close, x, name, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r) {
        unzCloseCurrentFile(x->zip);
        xin_fail(x, "out of memory reading '%s'", name);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r, xin_xml_error, x);
    return r;
}

/* Closes the part's reader; a read that ended with an error is reported. */
static void xin_close_part(xin_ctx *x, xmlTextReaderPtr r, int last)
{
    xmlFreeTextReader(r);
    int crc = unzCloseCurrentFile(x->zip);
    if (last < 0 || x->xml_err[0])
        xin_fail(x, "cannot read part '%s' of the workbook: %s: save it again as .xlsx", x->part,
                 x->xml_err[0] ? x->xml_err : "damaged XML");
    else if (crc == UNZ_CRCERROR)
        xin_fail(x, "part '%s' of the workbook is damaged (CRC error): save it again as .xlsx", x->part);
}

/* The local name of the reader's node, "" when none. */
static const char *xin_name(xmlTextReaderPtr r)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r);
    return n ? (const char *)n : "";
}

/* Attribute `name` (without prefix, any namespace) of the current element,
 * copied into buf; false when absent. */
static bool xin_attr(xmlTextReaderPtr r, const char *name, char *buf, size_t len)
{
    bool found = false;
    if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
        do {
            if (strcmp(xin_name(r), name) == 0) {
                const xmlChar *v = xmlTextReaderConstValue(r);
                snprintf(buf, len, "%s", v ? (const char *)v : "");
                found = true;
                break;
            }
        } while (xmlTextReaderMoveToNextAttribute(r) == 1);
        xmlTextReaderMoveToElement(r);
    }
    return found;
}

/* ------------------------------------------------------------------ text */

/* A growing text buffer for a cell or shared string, capped at GRID_MAX_TEXT. */
typedef struct {
    char *s;
    size_t n, cap;
    bool over;
} xin_text;

static bool xin_text_add(xin_text *t, const char *s)
{
    size_t len = strlen(s);
    if (t->n + len > GRID_MAX_TEXT) {
        t->over = true;
        return true;
    }
    if (t->n + len + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->n + len + 1)
            cap *= 2;
        char *v = realloc(t->s, cap);
        if (!v)
            return false;
        t->s = v;
        t->cap = cap;
    }
    memcpy(t->s + t->n, s, len + 1);
    t->n += len;
    return true;
}

/* Decodes OOXML's escapes of control characters in place: "_x000D_" is a
 * carriage return ("_x005F_" an underscore). */
static void xin_unescape(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        unsigned v = 0;
        if (p[0] == '_' && p[1] == 'x' && sscanf(p + 2, "%4x", &v) == 1 &&
            strspn(p + 2, "0123456789abcdefABCDEF") >= 4 && p[6] == '_' && v < 0x80 && v > 0) {
            *o++ = (char)v;
            p += 7;
        } else
            *o++ = *p++;
    }
    *o = '\0';
}

/* Whether the reader is on text content. */
static bool xin_is_text(xmlTextReaderPtr r)
{
    int t = xmlTextReaderNodeType(r);
    return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_CDATA ||
           t == XML_READER_TYPE_WHITESPACE;
}

/* ------------------------------------------------------------------ shared strings and styles */

/* Adds the text in `t` as the next shared string. */
static bool xin_push_string(xin_ctx *x, xin_text *t)
{
    if (x->nstrings == x->capstrings) {
        size_t cap = x->capstrings ? x->capstrings * 2 : 256;
        const char **v = realloc(x->strings, cap * sizeof *v);
        if (!v)
            return false;
        x->strings = v;
        x->capstrings = cap;
    }
    if (t->s)
        xin_unescape(t->s);
    /* A string over the limit is kept empty here; a cell that uses it is refused (xin_cell_text). */
    const char *s = t->over ? NULL : pool_strdup(x->book->mem, t->s ? t->s : "");
    if (!t->over && !s)
        return false;
    x->strings[x->nstrings++] = s;
    t->n = 0;
    t->over = false;
    if (t->s)
        t->s[0] = '\0';
    return true;
}

/* Reads xl/sharedStrings.xml (optional): each <si>'s <t> texts joined,
 * phonetic runs (<rPh>) left out. */
static void xin_read_strings(xin_ctx *x)
{
    xmlTextReaderPtr r = xin_open_part(x, "xl/sharedStrings.xml", false);
    if (!r)
        return;
    xin_text t = {0};
    bool in_si = false, in_t = false, ok = true;
    int depth_rph = -1, st;
    while (ok && (st = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *n = xin_name(r);
        bool start = type == XML_READER_TYPE_ELEMENT, end = type == XML_READER_TYPE_END_ELEMENT;
        bool empty = start && xmlTextReaderIsEmptyElement(r);
        if (start && strcmp(n, "si") == 0) {
            in_si = !empty;
            if (empty)
                ok = xin_push_string(x, &t);
        } else if (start && strcmp(n, "rPh") == 0 && !empty)
            depth_rph = xmlTextReaderDepth(r);
        else if (start && strcmp(n, "t") == 0)
            in_t = !empty;
        else if (end && strcmp(n, "t") == 0)
            in_t = false;
        else if (end && strcmp(n, "rPh") == 0)
            depth_rph = -1;
        else if (end && strcmp(n, "si") == 0 && in_si) {
            in_si = false;
            ok = xin_push_string(x, &t);
        } else if (in_si && in_t && depth_rph < 0 && xin_is_text(r)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            ok = xin_text_add(&t, v ? (const char *)v : "");
        }
    }
    free(t.s);
    if (!ok)
        xin_fail(x, "out of memory reading '%s'", x->part);
    xin_close_part(x, r, ok ? st : 0);
}

/* Whether a number format code shows a date or time: y, d, h or s outside
 * quotes and brackets ("m" alone may be minutes or months, so it needs one of them). */
static unsigned char xin_code_fmt(const char *code)
{
    unsigned char f = 0;
    bool quoted = false;
    int bracket = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (*p == '\\' && p[1])
            p++;
        else if (*p == '[')
            bracket++;
        else if (*p == ']' && bracket)
            bracket--;
        else if (bracket)
            continue;
        else if (*p == '%')
            f |= GRID_FMT_PERCENT;
        else if (strchr("yYdDhHsS", *p) && strncmp(p, "General", 7) != 0)
            f |= GRID_FMT_DATE;
    }
    return f;
}

/* The format flags of a built-in number format id (ECMA-376 Part 1, 18.8.30). */
static unsigned char xin_builtin_fmt(long id)
{
    if (id == 9 || id == 10)
        return GRID_FMT_PERCENT;
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return GRID_FMT_DATE;
    return 0;
}

/* A custom number format read from <numFmts>. */
typedef struct {
    long id;
    unsigned char fmt;
} xin_numfmt;

/* Reads xl/styles.xml (optional): the format flags of each cell style. */
static void xin_read_styles(xin_ctx *x)
{
    xmlTextReaderPtr r = xin_open_part(x, "xl/styles.xml", false);
    if (!r)
        return;
    xin_numfmt custom[256];
    size_t ncustom = 0, cap = 0;
    bool in_xfs = false, ok = true;
    int st;
    char buf[512];
    while (ok && (st = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *n = xin_name(r);
        if (type == XML_READER_TYPE_END_ELEMENT && strcmp(n, "cellXfs") == 0)
            in_xfs = false;
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (strcmp(n, "cellXfs") == 0)
            in_xfs = !xmlTextReaderIsEmptyElement(r);
        else if (strcmp(n, "numFmt") == 0 && ncustom < sizeof custom / sizeof *custom &&
                 xin_attr(r, "numFmtId", buf, sizeof buf)) {
            custom[ncustom].id = strtol(buf, NULL, 10);
            custom[ncustom].fmt = xin_attr(r, "formatCode", buf, sizeof buf) ? xin_code_fmt(buf) : 0;
            ncustom++;
        } else if (strcmp(n, "xf") == 0 && in_xfs) {
            long id = xin_attr(r, "numFmtId", buf, sizeof buf) ? strtol(buf, NULL, 10) : 0;
            unsigned char f = xin_builtin_fmt(id);
            for (size_t i = 0; i < ncustom; i++)
                if (custom[i].id == id)
                    f = custom[i].fmt;
            if (x->nstyles == cap) {
                cap = cap ? cap * 2 : 64;
                unsigned char *v = realloc(x->style_fmt, cap);
                if (!(ok = v != NULL))
                    break;
                x->style_fmt = v;
            }
            x->style_fmt[x->nstyles++] = f;
        }
    }
    if (!ok)
        xin_fail(x, "out of memory reading '%s'", x->part);
    xin_close_part(x, r, ok ? st : 0);
}

/* ------------------------------------------------------------------ worksheets */

/* The cell being read: its place, type, style and value text. */
typedef struct {
    uint32_t row, col;
    char type[16];
    long style;
    bool has_value, formula, in_v, in_is, in_t;
    xin_text v;
} xin_c;

/* Reports a bad cell as "path:Sheet!B7: error: ...". */
static void xin_cell_error(xin_ctx *x, const grid_sheet *s, const xin_c *c, const char *what, const char *fix)
{
    grid_log_cell(x->log, DIAG_ERROR, x->book, s, c->row, c->col, "cell %s: %s", what, fix);
}

/* Turns the finished <c> element into a grid cell; false when out of memory. */
static bool xin_cell_done(xin_ctx *x, grid_sheet *s, xin_c *c)
{
    if (!c->has_value)
        return true;
    grid_cell g = {.row = c->row, .col = c->col, .kind = GRID_NUM, .formula = c->formula};
    if (c->style >= 0 && (size_t)c->style < x->nstyles)
        g.fmt = x->style_fmt[c->style];
    const char *v = c->v.s ? c->v.s : "";
    if (c->v.over) {
        xin_cell_error(x, s, c, "text is longer than the limit of 65536 bytes", "shorten it or split it over cells");
        return true;
    }
    if (strcmp(c->type, "s") == 0) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        if (*end || end == v || i >= x->nstrings) {
            xin_cell_error(x, s, c, "refers to a shared string the workbook does not have", "save the workbook again");
            return true;
        }
        if (!x->strings[i]) {
            xin_cell_error(x, s, c, "text is longer than the limit of 65536 bytes",
                           "shorten it or split it over cells");
            return true;
        }
        g.kind = GRID_TEXT;
        g.text = x->strings[i];
    } else if (strcmp(c->type, "inlineStr") == 0 || strcmp(c->type, "str") == 0 || strcmp(c->type, "d") == 0) {
        xin_unescape(c->v.s ? c->v.s : (char[]){""});
        g.kind = GRID_TEXT;
        g.text = v;
    } else if (strcmp(c->type, "b") == 0) {
        g.kind = GRID_BOOL;
        g.num = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
    } else if (strcmp(c->type, "e") == 0) {
        g.kind = GRID_ERROR;
        g.text = v;
    } else {
        char *end;
        if (!v[0])
            return true; /* <v></v>: a formula without a cached value (openpyxl writes them), or nothing */
        g.num = strtod(v, &end);
        if (end == v || *end) {
            xin_cell_error(x, s, c, "holds a number Excel cannot have written", "type the value again");
            return true;
        }
        g.text = v;
    }
    if (g.kind == GRID_TEXT && !g.text[0])
        return true; /* "" is an empty cell */
    return grid_add(x->book, s, &g);
}

/* Starts a <c> element: its place from r="B7" (or the next column), its type and style. */
static void xin_cell_start(xmlTextReaderPtr r, xin_c *c, uint32_t row, long *last_col)
{
    char buf[32];
    uint32_t rr, cc;
    c->row = row;
    c->col = (uint32_t)(*last_col + 1);
    if (xin_attr(r, "r", buf, sizeof buf) && grid_parse_ref(buf, &rr, &cc))
        c->col = cc;
    *last_col = c->col;
    if (!xin_attr(r, "t", c->type, sizeof c->type))
        strcpy(c->type, "n");
    c->style = xin_attr(r, "s", buf, sizeof buf) ? strtol(buf, NULL, 10) : -1;
    c->has_value = c->formula = c->in_v = c->in_is = c->in_t = false;
    c->v.n = 0;
    c->v.over = false;
    if (c->v.s)
        c->v.s[0] = '\0';
}

/* Reads one worksheet part into sheet `s`. */
static void xin_read_sheet(xin_ctx *x, grid_sheet *s, const char *part)
{
    xmlTextReaderPtr r = xin_open_part(x, part, true);
    if (!r)
        return;
    xin_c c = {0};
    bool in_c = false, ok = true;
    uint32_t row = 0;
    long last_row = -1, last_col = -1;
    int st;
    char buf[32];
    while (ok && (st = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *n = xin_name(r);
        bool start = type == XML_READER_TYPE_ELEMENT, end = type == XML_READER_TYPE_END_ELEMENT;
        bool empty = start && xmlTextReaderIsEmptyElement(r);
        if (start && strcmp(n, "row") == 0) {
            long rn = xin_attr(r, "r", buf, sizeof buf) ? strtol(buf, NULL, 10) : last_row + 2;
            if (rn < 1 || rn > (long)GRID_MAX_ROWS)
                rn = last_row + 2;
            row = (uint32_t)(rn - 1);
            last_row = rn - 1;
            last_col = -1;
        } else if (start && strcmp(n, "c") == 0) {
            xin_cell_start(r, &c, row, &last_col);
            in_c = !empty;
        } else if (end && strcmp(n, "c") == 0 && in_c) {
            in_c = false;
            ok = xin_cell_done(x, s, &c);
        } else if (in_c && start && strcmp(n, "v") == 0) {
            c.in_v = !empty;
            c.has_value = true;
        } else if (in_c && end && strcmp(n, "v") == 0)
            c.in_v = false;
        else if (in_c && start && strcmp(n, "f") == 0)
            c.formula = true;
        else if (in_c && start && strcmp(n, "is") == 0)
            c.in_is = c.has_value = true;
        else if (in_c && end && strcmp(n, "is") == 0)
            c.in_is = false;
        else if (in_c && c.in_is && strcmp(n, "t") == 0 && (start || end))
            c.in_t = start && !empty;
        else if (in_c && (c.in_v || (c.in_is && c.in_t)) && xin_is_text(r)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            ok = xin_text_add(&c.v, v ? (const char *)v : "");
        }
    }
    free(c.v.s);
    if (!ok)
        xin_fail(x, "out of memory or more than %u cells reading '%s'", GRID_MAX_CELLS, part);
    xin_close_part(x, r, ok ? st : 0);
}

/* A sheet listed in xl/workbook.xml. */
typedef struct {
    char name[128], rid[64], part[300];
    bool hidden;
} xin_entry;

/* Reads xl/workbook.xml: the sheets in order (at most `max`), and the date system. */
static size_t xin_read_workbook(xin_ctx *x, xin_entry *e, size_t max)
{
    xmlTextReaderPtr r = xin_open_part(x, "xl/workbook.xml", true);
    size_t n = 0;
    int st = 0;
    char buf[32];
    while (r && (st = xmlTextReaderRead(r)) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *name = xin_name(r);
        if (strcmp(name, "workbookPr") == 0 && xin_attr(r, "date1904", buf, sizeof buf))
            x->book->date1904 = strcmp(buf, "1") == 0 || strcmp(buf, "true") == 0;
        else if (strcmp(name, "sheet") == 0 && n < max) {
            memset(&e[n], 0, sizeof e[n]);
            xin_attr(r, "name", e[n].name, sizeof e[n].name);
            xin_attr(r, "id", e[n].rid, sizeof e[n].rid);
            e[n].hidden = xin_attr(r, "state", buf, sizeof buf) && strcmp(buf, "visible") != 0;
            n++;
        }
    }
    if (r)
        xin_close_part(x, r, st);
    return n;
}

/* Reads xl/_rels/workbook.xml.rels: the part of each worksheet relationship. */
static void xin_read_rels(xin_ctx *x, xin_entry *e, size_t n)
{
    xmlTextReaderPtr r = xin_open_part(x, "xl/_rels/workbook.xml.rels", true);
    int st = 0;
    char id[64], target[256], type[256];
    while (r && (st = xmlTextReaderRead(r)) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || strcmp(xin_name(r), "Relationship") != 0)
            continue;
        if (!xin_attr(r, "Id", id, sizeof id) || !xin_attr(r, "Target", target, sizeof target) ||
            !xin_attr(r, "Type", type, sizeof type))
            continue;
        size_t tl = strlen(type);
        if (tl < 10 || strcmp(type + tl - 10, "/worksheet") != 0)
            continue;
        for (size_t i = 0; i < n; i++)
            if (strcmp(e[i].rid, id) == 0)
                snprintf(e[i].part, sizeof e[i].part, "%s%s", target[0] == '/' ? "" : "xl/",
                         target[0] == '/' ? target + 1 : target);
    }
    if (r)
        xin_close_part(x, r, st);
}

/* Reads the parts of an open archive into x->book. */
static void xin_read_parts(xin_ctx *x)
{
    static const size_t max = GRID_MAX_SHEETS;
    xin_entry *e = calloc(max, sizeof *e);
    if (!e) {
        xin_fail(x, "out of memory");
        return;
    }
    size_t n = xin_read_workbook(x, e, max);
    if (!x->failed)
        xin_read_rels(x, e, n);
    if (!x->failed)
        xin_read_styles(x);
    if (!x->failed)
        xin_read_strings(x);
    for (size_t i = 0; i < n && !x->failed; i++) {
        if (!e[i].part[0])
            continue; /* a chart sheet or a dialog sheet: no cells */
        grid_sheet *s = grid_add_sheet(x->book, e[i].name);
        if (!s) {
            xin_fail(x, "out of memory");
            break;
        }
        s->hidden = e[i].hidden;
        xin_read_sheet(x, s, e[i].part);
    }
    free(e);
}

grid_book *xin_read_mem(const char *path, const void *data, size_t len, grid_log *log)
{
    const unsigned char *d = data;
    if (len >= 8 && memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        grid_log_file(log, DIAG_ERROR, path,
                      "this is an Excel 97-2003 workbook (.xls) or one saved with a password: save it as "
                      "'Excel Workbook (*.xlsx)' without a password");
        return NULL;
    }
    if (len < 4 || memcmp(d, "PK\x03\x04", 4) != 0) {
        grid_log_file(log, DIAG_ERROR, path,
                      "not an xlsx workbook (no zip archive): save it as 'Excel Workbook (*.xlsx)', or give "
                      "a .csv file");
        return NULL;
    }
    size_t errors0 = grid_log_errors(log);
    xin_mem mem = {d, len, 0};
    zlib_filefunc64_def io = {xin_zopen, xin_zread, xin_zwrite, xin_ztell, xin_zseek, xin_zclose, xin_zerror, &mem};
    xin_ctx x = {.path = path, .log = log};
    x.zip = unzOpen2_64(path, &io);
    x.book = x.zip ? grid_new(path, false) : NULL;
    if (!x.zip)
        grid_log_file(log, DIAG_ERROR, path, "the zip archive of the workbook is damaged: save it again as .xlsx");
    else if (!x.book)
        grid_log_file(log, DIAG_ERROR, path, "out of memory");
    else
        xin_read_parts(&x);
    if (x.zip)
        unzClose(x.zip);
    free(x.style_fmt);
    free(x.strings);
    if (x.book && (x.failed || grid_log_errors(log) > errors0)) {
        grid_free(x.book);
        return NULL;
    }
    if (x.book)
        grid_finish(x.book);
    return x.book;
}

grid_book *xin_read(const char *path, grid_log *log)
{
    size_t len = 0;
    char *data = grid_slurp(path, XIN_MAX_FILE, &len, log);
    if (!data)
        return NULL;
    grid_book *b = xin_read_mem(path, data, len, log);
    free(data);
    return b;
}
