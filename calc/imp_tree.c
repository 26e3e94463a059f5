/* imp_tree.c - the import's YAML document: a small tree with a cell per value, written one value per line. */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "pool.h"

typedef enum { IMP_MAP, IMP_LIST, IMP_SCALAR } imp_kind;

struct imp_node {
    const char *key; /* NULL for a list item */
    imp_kind kind;
    const char *yaml; /* IMP_SCALAR: the YAML text of the value */
    imp_cell at;
    imp_node *first, *last, *next;
};

struct imp_doc {
    pool *mem;
    imp_node root;
    imp_cell *lines; /* the cell of each written line */
    size_t nlines, caplines;
};

imp_doc *imp_doc_new(void)
{
    imp_doc *d = calloc(1, sizeof *d);
    if (d && !(d->mem = pool_new())) {
        free(d);
        return NULL;
    }
    if (d)
        d->root.kind = IMP_MAP;
    return d;
}

void imp_free(imp_doc *d)
{
    if (!d)
        return;
    pool_free(d->mem);
    free(d->lines);
    free(d);
}

imp_node *imp_root(imp_doc *d) { return &d->root; }
imp_node *imp_first(const imp_node *l) { return l ? l->first : NULL; }
imp_node *imp_next(const imp_node *n) { return n ? n->next : NULL; }

/* The child of `m` named key[0..len), or NULL. */
static imp_node *imp_child(const imp_node *m, const char *key, size_t len)
{
    for (imp_node *c = m->first; c; c = c->next)
        if (c->key && strlen(c->key) == len && strncmp(c->key, key, len) == 0)
            return c;
    return NULL;
}

/* Appends a new node to `parent`. */
static imp_node *imp_add(imp_doc *d, imp_node *parent, const char *key, size_t len, imp_kind kind)
{
    imp_node *n = pool_alloc(d->mem, sizeof *n);
    if (!n || (key && !(n->key = pool_strndup(d->mem, key, len))))
        return NULL;
    n->kind = kind;
    if (parent->last)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
    return n;
}

imp_node *imp_map_at(imp_doc *d, imp_node *m, const char *path)
{
    while (m && *path) {
        const char *dot = strchr(path, '.');
        size_t len = dot ? (size_t)(dot - path) : strlen(path);
        imp_node *c = imp_child(m, path, len);
        if (!c)
            c = imp_add(d, m, path, len, IMP_MAP);
        else if (c->kind != IMP_MAP)
            return NULL;
        m = c;
        path += len + (dot ? 1 : 0);
    }
    return m;
}

imp_node *imp_list_at(imp_doc *d, imp_node *m, const char *key)
{
    imp_node *c = imp_child(m, key, strlen(key));
    if (!c)
        return imp_add(d, m, key, strlen(key), IMP_LIST);
    return c->kind == IMP_LIST ? c : NULL;
}

bool imp_set(imp_doc *d, imp_node *m, const char *key, const char *yaml, imp_cell at)
{
    imp_node *c = imp_child(m, key, strlen(key));
    if (!c && !(c = imp_add(d, m, key, strlen(key), IMP_SCALAR)))
        return false;
    c->kind = IMP_SCALAR;
    c->first = c->last = NULL;
    c->yaml = pool_strdup(d->mem, yaml);
    c->at = at;
    return c->yaml != NULL;
}

imp_node *imp_append(imp_doc *d, imp_node *l, const char *yaml, imp_cell at)
{
    imp_node *n = imp_add(d, l, NULL, 0, yaml ? IMP_SCALAR : IMP_MAP);
    if (n) {
        n->at = at;
        if (yaml && !(n->yaml = pool_strdup(d->mem, yaml)))
            return NULL;
    }
    return n;
}

const char *imp_scalar(const imp_node *m, const char *key)
{
    const imp_node *c = m ? imp_child(m, key, strlen(key)) : NULL;
    return c && c->kind == IMP_SCALAR ? c->yaml : NULL;
}

size_t imp_count(const imp_doc *d, const char *yaml)
{
    const imp_node *m = &d->root;
    while (m && *yaml) {
        const char *dot = strchr(yaml, '.');
        size_t len = dot ? (size_t)(dot - yaml) : strlen(yaml);
        m = imp_child(m, yaml, len);
        yaml += len + (dot ? 1 : 0);
    }
    size_t n = 0;
    for (const imp_node *c = m && m->kind == IMP_LIST ? m->first : NULL; c; c = c->next)
        n++;
    return n;
}

/* ------------------------------------------------------------------ writing */

/* The writer's state: the file and the line being written. */
typedef struct {
    imp_doc *d;
    FILE *f;
    bool ok;
} imp_out;

/* The first cell under node `n` (itself when it is a scalar). */
static imp_cell imp_first_cell(const imp_node *n)
{
    if (n->kind == IMP_SCALAR || n->at.book)
        return n->at;
    for (const imp_node *c = n->first; c; c = c->next) {
        imp_cell at = imp_first_cell(c);
        if (at.book)
            return at;
    }
    return (imp_cell){0};
}

/* Ends a line, with the comment naming `at` when `show`, and records the
 * line's cell (a line that opens a mapping or list keeps its first value's
 * cell for messages, without a comment). */
static void imp_end_line(imp_out *o, imp_cell at, bool show)
{
    if (at.book && show) {
        char where[160];
        grid_place(at.book, at.sheet, at.row, at.col, where, sizeof where);
        if (at.book->csv) {
            const char *base = strrchr(at.book->path, '/');
            fprintf(o->f, "   # %s:%s", base ? base + 1 : at.book->path, where);
        } else
            fprintf(o->f, "   # %s", where);
    }
    if (fputc('\n', o->f) == EOF)
        o->ok = false;
    imp_doc *d = o->d;
    if (d->nlines == d->caplines) {
        size_t cap = d->caplines ? d->caplines * 2 : 256;
        imp_cell *v = realloc(d->lines, cap * sizeof *v);
        if (!v) {
            o->ok = false;
            return;
        }
        d->lines = v;
        d->caplines = cap;
    }
    d->lines[d->nlines++] = at;
}

static void imp_write_map(imp_out *o, const imp_node *m, int indent, bool inline_first);

/* Writes the entries of list `l`, each item at `indent` after "- ". */
static void imp_write_list(imp_out *o, const imp_node *l, int indent)
{
    for (const imp_node *it = l->first; it; it = it->next) {
        fprintf(o->f, "%*s- ", indent, "");
        if (it->kind == IMP_SCALAR) {
            fputs(it->yaml, o->f);
            imp_end_line(o, it->at, true);
        } else
            imp_write_map(o, it, indent + 2, true);
    }
}

/* Writes the entries of mapping `m` at `indent`; with `inline_first` the
 * first entry continues the current line (after "- "). */
static void imp_write_map(imp_out *o, const imp_node *m, int indent, bool inline_first)
{
    bool first = true;
    for (const imp_node *c = m->first; c; c = c->next) {
        if (!(first && inline_first))
            fprintf(o->f, "%*s", indent, "");
        first = false;
        if (c->kind == IMP_SCALAR) {
            fprintf(o->f, "%s: %s", c->key, c->yaml);
            imp_end_line(o, c->at, true);
        } else {
            fprintf(o->f, "%s:", c->key);
            imp_end_line(o, imp_first_cell(c), false);
            if (c->kind == IMP_MAP)
                imp_write_map(o, c, indent + 2, false);
            else
                imp_write_list(o, c, indent + 2);
        }
    }
    if (first && inline_first) { /* an empty item */
        fputs("{}", o->f);
        imp_end_line(o, m->at, true);
    }
}

bool imp_write(imp_doc *d, FILE *f, const char *header)
{
    imp_out o = {d, f, true};
    d->nlines = 0;
    for (const char *p = header; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(f, "%.*s", (int)len, p);
        imp_end_line(&o, (imp_cell){0}, false);
        p += len + (nl ? 1 : 0);
    }
    imp_write_map(&o, &d->root, 0, false);
    return o.ok && !ferror(f);
}

bool imp_line_cell(const imp_doc *d, unsigned line, imp_cell *at)
{
    if (line == 0 || line > d->nlines || !d->lines[line - 1].book)
        return false;
    *at = d->lines[line - 1];
    return true;
}
