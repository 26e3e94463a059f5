/* yreader.c - libyaml event loop that builds bounded, mark-carrying node trees. */
#include "yreader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "pool.h"
#include "sha256.h"
#include "textutil.h"

struct yreader {
    const char *path;
    FILE *file;
    yaml_parser_t parser;
    bool parser_ready;
    yaml_event_t ev;       /* lookahead event, valid when have_ev */
    bool have_ev;
    bool failed;
    bool top_done;         /* top-level mapping ended */
    bool in_seq;           /* streaming a sequence */
    diag_list *dl;
    yr_limits lim;
    pool *doc;             /* keys and whole values: live until yr_close */
    pool *scratch;         /* streamed sequence items: reset per item */
    const ynode **keys;    /* top-level keys seen, for duplicate checks */
    const ynode *last_key; /* the key yr_next_key returned last */
    bool key_pushed_back;  /* yr_unread_key: return last_key again */
    size_t nkeys, capkeys;
    size_t nodes;          /* nodes in the tree being built */
    size_t bytes_read;     /* bytes handed to libyaml so far */
    size_t bytes_at_event; /* bytes_read when the last event was delivered */
    yaml_mark_t last_end;  /* end of the last event delivered */
    bool runaway;          /* the read handler refused: no event for too long */
    bool too_big;          /* the read handler refused: over max_file_bytes (a pipe, a growing file) */
    sha256_ctx digest;     /* of the bytes handed to libyaml */
};

/* libyaml builds a whole scalar (or skips a whole comment) before it emits
 * the event that yr_scalar checks, so a scalar limit checked there bounds
 * neither memory nor time. The read handler below therefore refuses to read
 * on once this many bytes have gone by without an event: far above any
 * valid scalar (4 bytes a character at most, plus libyaml's read-ahead of
 * 16 KiB), far below what a hostile file could make it hold. */
static size_t yr_event_window_bytes(const yr_limits *lim)
{
    return 4 * lim->max_scalar_bytes + ((size_t)1 << 20);
}

yr_limits yr_default_limits(void)
{
    return (yr_limits){
        .max_file_bytes = (size_t)1 << 30,
        .max_scalar_bytes = 64u * 1024u,
        .max_depth = 32,
        .max_nodes = 100000,
        .max_map_keys = 1000,
    };
}

/* libyaml marks count from 0; editors and our messages from 1. */
static src_loc yr_loc(const yreader *r, yaml_mark_t m)
{
    return (src_loc){r->path, (unsigned)m.line + 1, (unsigned)m.column + 1};
}

/* Whether libyaml stopped on a tab: the character at the scanner's
 * position in its own decoded buffer (the bytes already read; reading the
 * file again would block on a pipe, and libyaml's marks count characters,
 * not bytes, so no file offset would do after a BOM or any non-ASCII text). */
static bool yr_stopped_on_tab(const yaml_parser_t *p)
{
    return p->buffer.pointer && p->buffer.pointer < p->buffer.last && *p->buffer.pointer == '\t';
}

/* Reports libyaml's syntax error, with a fix for the common slips: a tab
 * used for indentation, an unclosed quote, a misaligned key. */
static void yr_syntax_error(yreader *r, const yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "syntax error";
    src_loc at = yr_loc(r, p->problem_mark);
    if ((strstr(problem, "cannot start any token") && yr_stopped_on_tab(p)) || strstr(problem, "tab character")) {
        diag_error(r->dl, at, "invalid YAML: a tab character here: YAML indents with spaces only (replace the tab)");
    } else if (p->context && strstr(p->context, "quoted scalar")) {
        diag_error(r->dl, yr_loc(r, p->context_mark), "invalid YAML: this quoted text is never closed (add the "
                   "closing quote)");
    } else if (strstr(problem, "mapping values are not allowed")) {
        diag_error(r->dl, at, "invalid YAML: a 'key: value' where none can start: check the indentation of this "
                   "line, or quote a value that contains ': '");
    } else if (strstr(problem, "did not find expected key") || strstr(problem, "did not find expected '-'")) {
        diag_error(r->dl, at, "invalid YAML: %s %s: check that this line is indented like its siblings", problem,
                   p->context ? p->context : "");
    } else if (p->context) {
        diag_error(r->dl, at, "invalid YAML: %s %s (started at line %u)", problem, p->context,
                   (unsigned)p->context_mark.line + 1);
    } else {
        diag_error(r->dl, at, "invalid YAML: %s", problem);
    }
}

/* Fetches the next event into r->ev unless one is waiting. False after a
 * syntax error, which is reported once. */
static bool yr_fetch(yreader *r)
{
    if (r->have_ev)
        return true;
    if (r->failed)
        return false;
    if (!yaml_parser_parse(&r->parser, &r->ev)) {
        yaml_parser_t *p = &r->parser;
        src_loc at = yr_loc(r, p->problem_mark);
        if (r->too_big)
            diag_error(r->dl, (src_loc){r->path, 0, 0}, "file is larger than the limit of %zu bytes",
                       r->lim.max_file_bytes);
        else if (r->runaway)
            diag_error(r->dl, yr_loc(r, r->last_end),
                       "the text after this point runs on for more than %zu bytes without ending a value: a "
                       "value is limited to %zu bytes (is a closing quote missing?)",
                       yr_event_window_bytes(&r->lim), r->lim.max_scalar_bytes);
        else if (p->error == YAML_MEMORY_ERROR)
            diag_error(r->dl, at, "out of memory while reading YAML");
        else if (p->error == YAML_READER_ERROR)
            diag_error(r->dl, (src_loc){r->path, 0, 0}, "cannot read the file as YAML: %s (save it as UTF-8 text)",
                       p->problem ? p->problem : "unknown problem");
        else
            yr_syntax_error(r, p);
        r->failed = true;
        return false;
    }
    r->have_ev = true;
    r->bytes_at_event = r->bytes_read;
    r->last_end = r->ev.end_mark;
    return true;
}

/* libyaml's input: the file, refused once the window since the last event
 * is used up (see yr_event_window_bytes). */
static int yr_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
    yreader *r = data;
    size_t window = yr_event_window_bytes(&r->lim);
    if (r->bytes_read - r->bytes_at_event > window) {
        r->runaway = true;
        return 0;
    }
    /* yr_open checked the size of a regular file; a pipe or a file still
     * growing is held to the same limit here. */
    if (r->bytes_read > r->lim.max_file_bytes) {
        r->too_big = true;
        return 0;
    }
    *size_read = fread(buffer, 1, size, r->file);
    r->bytes_read += *size_read;
    sha256_update(&r->digest, buffer, *size_read);
    return !ferror(r->file);
}

/* Marks the waiting event as used. */
static void yr_consume(yreader *r)
{
    if (r->have_ev) {
        yaml_event_delete(&r->ev);
        r->have_ev = false;
    }
}

static void yr_fail(yreader *r, src_loc at, const char *msg)
{
    if (!r->failed)
        diag_error(r->dl, at, "%s", msg);
    r->failed = true;
}

yreader *yr_open(const char *path, diag_list *dl, const yr_limits *lim)
{
    yreader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->path = path;
    r->dl = dl;
    r->lim = lim ? *lim : yr_default_limits();
    src_loc whole = {path, 0, 0};
    struct stat st;
    r->file = fopen(path, "rb");
    if (!r->file) {
        diag_error(dl, whole, "cannot open: %s", strerror(errno));
        goto fail;
    }
    if (fstat(fileno(r->file), &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_error(dl, whole, "is a folder, not a YAML file");
        goto fail;
    }
    if (fstat(fileno(r->file), &st) == 0 && (unsigned long long)st.st_size > r->lim.max_file_bytes) {
        diag_error(dl, whole, "file is %llu bytes, over the limit of %zu bytes", (unsigned long long)st.st_size,
                   r->lim.max_file_bytes);
        goto fail;
    }
    r->doc = pool_new();
    r->scratch = pool_new();
    if (!r->doc || !r->scratch || !yaml_parser_initialize(&r->parser)) {
        diag_error(dl, whole, "out of memory");
        goto fail;
    }
    r->parser_ready = true;
    sha256_init(&r->digest);
    yaml_parser_set_input(&r->parser, yr_read, r);
    /* STREAM-START, DOCUMENT-START, MAPPING-START */
    if (!yr_fetch(r))
        goto fail;
    yr_consume(r);
    if (!yr_fetch(r))
        goto fail;
    if (r->ev.type == YAML_STREAM_END_EVENT) {
        diag_error(dl, whole, "file is empty: expected a YAML mapping");
        goto fail;
    }
    yr_consume(r);
    if (!yr_fetch(r))
        goto fail;
    if (r->ev.type != YAML_MAPPING_START_EVENT) {
        diag_error(dl, yr_loc(r, r->ev.start_mark), "the top level must be a mapping of 'key: value' lines");
        goto fail;
    }
    yr_consume(r);
    return r;
fail:
    yr_close(r);
    return NULL;
}

void yr_close(yreader *r)
{
    if (!r)
        return;
    yr_consume(r);
    if (r->parser_ready)
        yaml_parser_delete(&r->parser);
    if (r->file)
        fclose(r->file);
    pool_free(r->doc);
    pool_free(r->scratch);
    free(r->keys);
    free(r);
}

bool yr_failed(const yreader *r) { return r->failed; }

bool yr_sha256(yreader *r, char hex[65])
{
    if (r->failed || ferror(r->file))
        return false;
    /* libyaml stops at the end of the document: hash whatever follows it. */
    unsigned char buf[16384];
    size_t got;
    while (r->bytes_read <= r->lim.max_file_bytes && (got = fread(buf, 1, sizeof buf, r->file)) > 0) {
        r->bytes_read += got;
        sha256_update(&r->digest, buf, got);
    }
    if (ferror(r->file) || r->bytes_read > r->lim.max_file_bytes)
        return false;
    sha256_final_hex(&r->digest, hex);
    return true;
}

static ynode *yr_build(yreader *r, pool *mem, unsigned depth);

/* The first character of s[0..len) that XML 1.0 forbids and so no workbook
 * (and no text a workbook quotes) can hold: U+0001-U+0008, U+000B, U+000C,
 * U+000E-U+001F, U+FFFE and U+FFFF (NUL is refused apart). libyaml already
 * refuses these written raw; in double quotes they can still be written as
 * escapes ("\x01", "\u000B"). 0 when there is none. */
static unsigned yr_forbidden_char(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != 0)
            return p[i];
        if (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
            return p[i + 2] == 0xBE ? 0xFFFEu : 0xFFFFu; /* EF BF BE, EF BF BF */
    }
    return 0;
}

/* Builds a scalar node from the waiting SCALAR event. */
static ynode *yr_scalar(yreader *r, pool *mem)
{
    yaml_event_t *e = &r->ev;
    src_loc at = yr_loc(r, e->start_mark);
    size_t len = e->data.scalar.length;
    if (len > r->lim.max_scalar_bytes) {
        char msg[128];
        snprintf(msg, sizeof msg, "value is %zu bytes, longer than the limit of %zu", len, r->lim.max_scalar_bytes);
        yr_fail(r, at, msg);
        return NULL;
    }
    if (memchr(e->data.scalar.value, '\0', len)) {
        yr_fail(r, at, "value contains a NUL character");
        return NULL;
    }
    unsigned bad = yr_forbidden_char((const char *)e->data.scalar.value, len);
    if (bad)
        diag_error(r->dl, at, "text contains the %s U+%04X, which a workbook cannot hold: remove it (in double "
                   "quotes it is written as the escape \"\\u%04X\"%s)",
                   bad < 0x20 ? "control character" : "noncharacter", bad, bad, bad < 0x20 ? " or \"\\x..\"" : "");
    ynode *n = pool_alloc(mem, sizeof *n);
    char *text = n ? pool_strndup(mem, (const char *)e->data.scalar.value, len) : NULL;
    if (!text) {
        yr_fail(r, at, "out of memory");
        return NULL;
    }
    const char *tag = (const char *)e->data.scalar.tag;
    n->kind = YN_SCALAR;
    n->quoted = e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
                (tag && strcmp(tag, YAML_STR_TAG) == 0);
    n->text = text;
    n->len = len;
    n->at = at;
    yr_consume(r);
    return n;
}

/* Builds a mapping or sequence from the waiting START event, recursively. */
/* Whether node `c`, read as the next key of mapping `n` (which holds `used`
 * items), may be one: a plain word, within the limit of keys, not a repeat.
 * False after reporting it at `cat`. */
static bool yr_key_ok(yreader *r, const ynode *n, size_t used, const ynode *c, src_loc cat)
{
    char msg[256];
    if (c->kind != YN_SCALAR) {
        yr_fail(r, cat, "a mapping key must be a plain word, not a list or mapping");
        return false;
    }
    if (used / 2 >= r->lim.max_map_keys) {
        snprintf(msg, sizeof msg, "mapping has more keys than the limit of %zu", r->lim.max_map_keys);
        yr_fail(r, cat, msg);
        return false;
    }
    for (size_t i = 0; i < used; i += 2) {
        if (strcmp(n->items[i]->text, c->text) == 0) {
            snprintf(msg, sizeof msg, "duplicate key '%.80s' (first given at line %u): remove one", c->text,
                     n->items[i]->at.line);
            yr_fail(r, cat, msg);
            return false;
        }
    }
    return true;
}

/* Appends child `c` to the `used` items of `n`, growing them (capacity
 * *cap) in `mem`; false after reporting running out of memory at `cat`. */
static bool yr_push_item(yreader *r, pool *mem, ynode *n, size_t *cap, size_t used, ynode *c, src_loc cat)
{
    if (used == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        ynode **items = pool_alloc(mem, ncap * sizeof *items);
        if (!items) {
            yr_fail(r, cat, "out of memory");
            return false;
        }
        if (used)
            memcpy(items, n->items, used * sizeof *items);
        n->items = items;
        *cap = ncap;
    }
    n->items[used] = c;
    return true;
}

static ynode *yr_collection(yreader *r, pool *mem, unsigned depth)
{
    bool is_map = r->ev.type == YAML_MAPPING_START_EVENT;
    src_loc at = yr_loc(r, r->ev.start_mark);
    if (depth >= r->lim.max_depth) {
        char msg[128];
        snprintf(msg, sizeof msg, "nesting is deeper than the limit of %u levels", r->lim.max_depth);
        yr_fail(r, at, msg);
        return NULL;
    }
    yr_consume(r);
    ynode *n = pool_alloc(mem, sizeof *n);
    if (!n) {
        yr_fail(r, at, "out of memory");
        return NULL;
    }
    n->kind = is_map ? YN_MAP : YN_SEQ;
    n->at = at;
    size_t cap = 0, used = 0;
    yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    for (;;) {
        if (!yr_fetch(r))
            return NULL;
        if (r->ev.type == end) {
            yr_consume(r);
            break;
        }
        src_loc cat = yr_loc(r, r->ev.start_mark);
        ynode *c = yr_build(r, mem, depth + 1);
        if (!c || (is_map && used % 2 == 0 && !yr_key_ok(r, n, used, c, cat)) ||
            !yr_push_item(r, mem, n, &cap, used, c, cat))
            return NULL;
        used++;
    }
    n->n = is_map ? used / 2 : used;
    return n;
}

/* Builds the node that starts with the waiting event. */
static ynode *yr_build(yreader *r, pool *mem, unsigned depth)
{
    if (!yr_fetch(r))
        return NULL;
    src_loc at = yr_loc(r, r->ev.start_mark);
    if (++r->nodes > r->lim.max_nodes) {
        char msg[128];
        snprintf(msg, sizeof msg, "value has more nodes than the limit of %zu: split the input", r->lim.max_nodes);
        yr_fail(r, at, msg);
        return NULL;
    }
    switch (r->ev.type) {
    case YAML_SCALAR_EVENT:
        return yr_scalar(r, mem);
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT:
        return yr_collection(r, mem, depth);
    case YAML_ALIAS_EVENT:
        yr_fail(r, at, "YAML aliases (*name) are not supported: write the value out in full");
        return NULL;
    default:
        yr_fail(r, at, "unexpected YAML structure here");
        return NULL;
    }
}

/* Appends `key` to the top-level keys seen; reports a repeat. */
static bool yr_remember_key(yreader *r, const ynode *key)
{
    if (r->nkeys >= r->lim.max_map_keys) {
        char msg[128];
        snprintf(msg, sizeof msg, "the top level has more keys than the limit of %zu", r->lim.max_map_keys);
        yr_fail(r, key->at, msg);
        return false;
    }
    for (size_t i = 0; i < r->nkeys; i++) {
        if (strcmp(r->keys[i]->text, key->text) == 0) {
            char msg[256];
            snprintf(msg, sizeof msg, "duplicate key '%.80s' (first given at line %u): remove one", key->text,
                     r->keys[i]->at.line);
            yr_fail(r, key->at, msg);
            return false;
        }
    }
    if (r->nkeys == r->capkeys) {
        size_t cap = r->capkeys ? r->capkeys * 2 : 16;
        const ynode **k = realloc(r->keys, cap * sizeof *k);
        if (!k) {
            yr_fail(r, key->at, "out of memory");
            return false;
        }
        r->keys = k;
        r->capkeys = cap;
    }
    r->keys[r->nkeys++] = key;
    return true;
}

/* After the top-level mapping: only the end of the document may follow. */
static void yr_finish(yreader *r)
{
    r->top_done = true;
    if (!yr_fetch(r) || r->ev.type != YAML_DOCUMENT_END_EVENT)
        return;
    yr_consume(r);
    if (!yr_fetch(r))
        return;
    if (r->ev.type == YAML_DOCUMENT_START_EVENT)
        yr_fail(r, yr_loc(r, r->ev.start_mark), "a second YAML document ('---') follows: give one document a file");
    yr_consume(r);
}

const ynode *yr_next_key(yreader *r)
{
    if (r->key_pushed_back) {
        r->key_pushed_back = false;
        return r->last_key;
    }
    if (r->failed || r->top_done || !yr_fetch(r))
        return NULL;
    if (r->ev.type == YAML_MAPPING_END_EVENT) {
        yr_consume(r);
        yr_finish(r);
        return NULL;
    }
    src_loc at = yr_loc(r, r->ev.start_mark);
    if (r->ev.type != YAML_SCALAR_EVENT) {
        yr_fail(r, at, "a top-level key must be a plain word");
        return NULL;
    }
    r->nodes = 0;
    ynode *key = yr_scalar(r, r->doc);
    if (!key || !yr_remember_key(r, key))
        return NULL;
    r->last_key = key;
    return key;
}

void yr_unread_key(yreader *r)
{
    if (r->last_key)
        r->key_pushed_back = true;
}

const char *yr_path(const yreader *r) { return r->path; }

ynode_kind yr_peek_kind(yreader *r)
{
    if (!yr_fetch(r))
        return YN_SCALAR;
    if (r->ev.type == YAML_MAPPING_START_EVENT)
        return YN_MAP;
    if (r->ev.type == YAML_SEQUENCE_START_EVENT)
        return YN_SEQ;
    return YN_SCALAR;
}

const ynode *yr_value(yreader *r)
{
    r->nodes = 0;
    return yr_build(r, r->doc, 1);
}

src_loc yr_seq_begin(yreader *r)
{
    src_loc at = {r->path, 0, 0};
    if (!yr_fetch(r))
        return at;
    at = yr_loc(r, r->ev.start_mark);
    if (r->ev.type == YAML_SEQUENCE_START_EVENT) {
        yr_consume(r);
        r->in_seq = true;
    }
    return at;
}

const ynode *yr_seq_next(yreader *r)
{
    if (!r->in_seq || !yr_fetch(r))
        return NULL;
    if (r->ev.type == YAML_SEQUENCE_END_EVENT) {
        yr_consume(r);
        r->in_seq = false;
        return NULL;
    }
    pool_reset(r->scratch);
    r->nodes = 0;
    return yr_build(r, r->scratch, 2);
}

const ynode *yn_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (txt_eq(map->items[2 * i]->text, key))
            return map->items[2 * i + 1];
    return NULL;
}

bool yn_is_null(const ynode *n)
{
    if (!n || n->kind != YN_SCALAR || n->quoted)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

const char *yn_kind_name(const ynode *n)
{
    if (!n)
        return "nothing";
    switch (n->kind) {
    case YN_MAP:
        return "a mapping";
    case YN_SEQ:
        return "a list";
    default:
        return yn_is_null(n) ? "an empty value" : "a single value";
    }
}
