/* import.c - reading the sheets of a filled-in template into the YAML tree: headers, typed cells, every bad cell
 * reported. */
#include "import.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "imp_internal.h"

/* Rows searched for a table's header row or a form's labels. */
#define IMP_HEAD_SCAN 20u

/* The state of one import: the kind, the log, the document. */
typedef struct {
    const tpl_kind *k;
    grid_log *log;
    imp_doc *doc;
    size_t errors0;
    bool oom;
} imp_run;

/* ------------------------------------------------------------------ finding the sheets */

/* How many of the headers (table) or labels (form) of sheet `t` appear in
 * the first rows of grid sheet `s`. */
static size_t imp_score(const tpl_sheet *t, const grid_sheet *s)
{
    size_t score = 0;
    char buf[256];
    for (size_t i = 0; i < s->n && s->cells[i].row < IMP_HEAD_SCAN + (t->yaml ? 0 : 60); i++) {
        const char *text = imp_cell_text(&s->cells[i], buf, sizeof buf);
        for (size_t c = 0; c < t->ncols; c++)
            if (t->cols[c].type != TPL_NAME && imp_names(&t->cols[c], text)) {
                score++;
                break;
            }
    }
    return score;
}

/* The grid sheet that holds template sheet `t`: a sheet of that name (in
 * English or Chinese), else a CSV whose first rows have at least three of
 * its headers or labels (the best). */
static const grid_sheet *imp_find(const tpl_sheet *t, grid_book *const *books, size_t n, const grid_book **in)
{
    for (size_t b = 0; b < n; b++)
        for (size_t i = 0; i < books[b]->n; i++) {
            const grid_sheet *s = &books[b]->sheets[i];
            if (strcasecmp(s->name, t->en) == 0 || strcmp(s->name, t->zh) == 0) {
                *in = books[b];
                return s;
            }
        }
    const grid_sheet *best = NULL;
    size_t best_score = 2;
    for (size_t b = 0; b < n; b++) {
        if (!books[b]->csv)
            continue;
        size_t sc = imp_score(t, &books[b]->sheets[0]);
        if (sc > best_score) {
            best_score = sc;
            best = &books[b]->sheets[0];
            *in = books[b];
        }
    }
    return best;
}

const tpl_kind *imp_detect(grid_book *const *books, size_t n)
{
    const tpl_kind *best = NULL;
    size_t best_n = 0;
    for (size_t k = 0; k < tpl_kind_count(); k++) {
        const tpl_kind *kind = tpl_kind_at(k);
        size_t found = 0;
        const grid_book *in;
        for (size_t s = 0; s < kind->nsheets; s++)
            found += imp_find(&kind->sheets[s], books, n, &in) != NULL;
        if (found > best_n) {
            best_n = found;
            best = kind;
        }
    }
    return best;
}

/* ------------------------------------------------------------------ forms */

/* Stores the YAML text `yaml` at the dotted path `key` of mapping `m`
 * ("economy.gdp.value"; "factor_sets[]" appends to a list). */
static void imp_put(imp_run *r, imp_node *m, const char *key, const char *yaml, imp_cell at)
{
    char path[128];
    snprintf(path, sizeof path, "%s", key);
    size_t len = strlen(path);
    if (len > 2 && strcmp(path + len - 2, "[]") == 0) {
        path[len - 2] = '\0';
        imp_node *l = imp_list_at(r->doc, m, path);
        if (!l || !imp_append(r->doc, l, yaml, at))
            r->oom = true;
        return;
    }
    char *dot = strrchr(path, '.');
    if (dot)
        *dot = '\0';
    imp_node *parent = dot ? imp_map_at(r->doc, m, path) : m;
    if (!parent || !imp_set(r->doc, parent, dot ? dot + 1 : path, yaml, at))
        r->oom = true;
}

/* Reads a form: each row whose first filled cell is a label of `t`, its value in the next cell. */
static void imp_form(imp_run *r, const tpl_sheet *t, const grid_book *b, const grid_sheet *s)
{
    bool seen[64] = {false};
    char buf[256], yaml[2048], why[512];
    for (size_t i = 0; i < s->n; i++) {
        const grid_cell *lab = &s->cells[i];
        if (i && s->cells[i - 1].row == lab->row)
            continue; /* not the first cell of its row */
        size_t c = 0;
        const char *text = imp_cell_text(lab, buf, sizeof buf);
        char label[256];
        imp_trim(text, label, sizeof label);
        while (c < t->ncols && (seen[c] || !imp_names(&t->cols[c], text)))
            c++;
        const grid_cell *v = grid_at(s, lab->row, lab->col + 1);
        /* A sheet's title ("Inventory") may read as a YAML key: a key alone counts only with a value beside it. */
        if (c == t->ncols || (!v && strcasecmp(label, t->cols[c].en) != 0 && strcmp(label, t->cols[c].zh) != 0))
            continue;
        seen[c] = true;
        const tpl_col *col = &t->cols[c];
        imp_cell at = {b, s, lab->row, lab->col + 1};
        if (!v) {
            if (col->required)
                grid_log_cell(r->log, DIAG_ERROR, b, s, lab->row, lab->col + 1, "'%s' is empty: fill it in", col->en);
            continue;
        }
        if (imp_value(col, b, v, yaml, sizeof yaml, why, sizeof why))
            imp_put(r, imp_root(r->doc), col->key, yaml, at);
        else
            grid_log_cell(r->log, DIAG_ERROR, b, s, v->row, v->col, "%s", why);
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].required && !seen[c])
            grid_log_cell(r->log, DIAG_ERROR, b, s, GRID_NO_CELL, 0,
                          "no row '%s' (%s): add it back from a fresh template ('ghgcalc template %s')", t->cols[c].en,
                          t->cols[c].zh, r->k->id);
}

/* ------------------------------------------------------------------ tables */

/* A table's columns as found: for each template column, the sheet column it is in. */
typedef struct {
    uint32_t head; /* the header row */
    long *at;      /* at[c]: sheet column of template column c, -1 when absent */
    long *of;      /* of[sheet column]: template column, -1 when none (size ncols_sheet) */
    uint32_t ncols_sheet;
} imp_layout;

/* Finds the header row of table `t` in `s` (the first row with two or more
 * of its headers) and maps its columns; false when there is none. */
static bool imp_layout_find(imp_run *r, const tpl_sheet *t, const grid_book *b, const grid_sheet *s, imp_layout *L)
{
    char buf[256];
    for (size_t i = 0; i < s->n && s->cells[i].row < IMP_HEAD_SCAN; i = grid_row_start(s, s->cells[i].row + 1)) {
        uint32_t row = s->cells[i].row, n = 0;
        for (size_t j = i; j < s->n && s->cells[j].row == row; j++)
            for (size_t c = 0; c < t->ncols && n < 2; c++)
                n += imp_names(&t->cols[c], imp_cell_text(&s->cells[j], buf, sizeof buf));
        if (n < 2)
            continue;
        L->head = row;
        uint32_t last = 0;
        for (size_t j = i; j < s->n && s->cells[j].row == row; j++)
            last = s->cells[j].col;
        L->ncols_sheet = last + 1;
        L->at = malloc(t->ncols * sizeof *L->at);
        L->of = malloc(L->ncols_sheet * sizeof *L->of);
        if (!L->at || !L->of)
            return r->oom = true, false;
        for (size_t c = 0; c < t->ncols; c++)
            L->at[c] = -1;
        for (uint32_t c = 0; c < L->ncols_sheet; c++)
            L->of[c] = -1;
        for (size_t j = i; j < s->n && s->cells[j].row == row; j++) {
            const grid_cell *h = &s->cells[j];
            const char *text = imp_cell_text(h, buf, sizeof buf);
            size_t c = 0;
            while (c < t->ncols && (L->at[c] >= 0 || !imp_names(&t->cols[c], text)))
                c++;
            if (c < t->ncols) {
                L->at[c] = h->col;
                L->of[h->col] = (long)c;
            } else
                grid_log_cell(r->log, DIAG_WARNING, b, s, h->row, h->col,
                              "column '%s' is not a column of the template: it is not imported", text);
        }
        return true;
    }
    grid_log_cell(r->log, DIAG_ERROR, b, s, GRID_NO_CELL, 0,
                  "no header row with the template's column names in the first %u rows: copy the header row from a "
                  "fresh template ('ghgcalc template %s')",
                  IMP_HEAD_SCAN, r->k->id);
    return false;
}

/* The item of list `key` of `node` whose scalar `field` is `yaml`, for a row's link cell; NULL (reported) when none. */
static imp_node *imp_link(imp_run *r, imp_node *node, const char *level, const char *field, const char *yaml,
                          const grid_book *b, const grid_sheet *s, const grid_cell *g)
{
    imp_node *l = imp_list_at(r->doc, node, level);
    for (imp_node *it = imp_first(l); it; it = imp_next(it)) {
        const char *v = imp_scalar(it, field);
        if (v && strcmp(v, yaml) == 0)
            return it;
    }
    char t[256];
    grid_log_cell(r->log, DIAG_ERROR, b, s, g->row, g->col,
                  "no row with %s %s in '%s' for this row to belong to: add that row there, or correct this cell",
                  field, imp_cell_text(g, t, sizeof t), level);
    return NULL;
}

/* The mapping that row items of table `t` are appended under: the root, a
 * nested mapping, or (with link columns "@level.field") a parent row's item. */
static imp_node *imp_row_parent(imp_run *r, const tpl_sheet *t, const char **vals, const grid_cell **cells,
                                const grid_book *b, const grid_sheet *s, const char **last)
{
    char path[128];
    snprintf(path, sizeof path, "%s", t->yaml);
    imp_node *node = imp_root(r->doc);
    char *comp = path;
    for (char *dot; node && (dot = strchr(comp, '.')); comp = dot + 1) {
        *dot = '\0';
        size_t c = 0, len = strlen(comp);
        while (c < t->ncols && !(t->cols[c].key && t->cols[c].key[0] == '@' &&
                                 strncmp(t->cols[c].key + 1, comp, len) == 0 && t->cols[c].key[1 + len] == '.'))
            c++;
        if (c == t->ncols)
            node = imp_map_at(r->doc, node, comp);
        else if (!vals[c])
            return NULL; /* the link cell is empty: reported as a required cell */
        else
            node = imp_link(r, node, comp, t->cols[c].key + 2 + len, vals[c], b, s, cells[c]);
    }
    *last = t->yaml + (comp - path);
    return node;
}

/* The YAML key of column `c` in a row: "fuel|activity" becomes fuel (1.A, and where
 * there is no category) or activity; "$1.value" takes the slot's name. */
static const char *imp_row_key(const tpl_sheet *t, size_t c, const char **vals, char *buf, size_t len)
{
    const char *key = t->cols[c].key;
    if (strcmp(key, "fuel|activity") == 0) {
        const char *cat = vals[0] && t->cols[0].key && strcmp(t->cols[0].key, "category") == 0 ? vals[0] : NULL;
        return !cat || strncmp(cat, "\"1.A", 4) == 0 ? "fuel" : "activity";
    }
    if (key[0] != '$')
        return key;
    const char *dot = strchr(key, '.');
    size_t slot = 0;
    while (slot < t->ncols && !(strcmp(t->cols[slot].key ? t->cols[slot].key : "", "") != 0 &&
                                strncmp(t->cols[slot].key, key, dot ? (size_t)(dot - key) : strlen(key)) == 0 &&
                                strlen(t->cols[slot].key) == (dot ? (size_t)(dot - key) : strlen(key))))
        slot++;
    if (!dot || slot == t->ncols || !vals[slot])
        return NULL;
    char name[64];
    snprintf(name, sizeof name, "%s", vals[slot] + 1); /* the quoted name, without its quotes */
    name[strlen(name) ? strlen(name) - 1 : 0] = '\0';
    snprintf(buf, len, "%s%s", name, dot);
    return buf;
}

/* Adds one data row (its values vals[c] as YAML, from cells[c]) as an item of table `t`. */
static void imp_row(imp_run *r, const tpl_sheet *t, const char **vals, const grid_cell **cells, const grid_book *b,
                    const grid_sheet *s)
{
    const char *last;
    imp_node *parent = imp_row_parent(r, t, vals, cells, b, s, &last);
    if (!parent)
        return;
    imp_node *list = imp_list_at(r->doc, parent, last);
    size_t first = 0;
    while (first < t->ncols && (!vals[first] || t->cols[first].key[0] == '@'))
        first++;
    imp_node *item =
        list ? imp_append(r->doc, list, NULL, (imp_cell){b, s, cells[first]->row, cells[first]->col}) : NULL;
    for (size_t c = 0; item && c < t->ncols; c++) {
        if (!vals[c] || t->cols[c].key[0] == '@' || (t->cols[c].key[0] == '$' && !strchr(t->cols[c].key, '.')))
            continue;
        char buf[128];
        const char *key = imp_row_key(t, c, vals, buf, sizeof buf);
        if (!key)
            grid_log_cell(r->log, DIAG_ERROR, b, s, cells[c]->row, cells[c]->col,
                          "a parameter value without its name: pick the parameter in '%s'", t->cols[c].en);
        else
            imp_put(r, item, key, vals[c], (imp_cell){b, s, cells[c]->row, cells[c]->col});
    }
    if (!item)
        r->oom = true;
}

/* Reads the data rows of table `t` (below its header row) from `s`. */
static void imp_rows(imp_run *r, const tpl_sheet *t, const grid_book *b, const grid_sheet *s, const imp_layout *L)
{
    const char **vals = calloc(t->ncols, sizeof *vals);
    const grid_cell **cells = calloc(t->ncols, sizeof *cells);
    char *text = malloc(t->ncols * 2048), why[512];
    if (!vals || !cells || !text)
        r->oom = true;
    for (size_t i = grid_row_start(s, L->head + 1); !r->oom && i < s->n;) {
        uint32_t row = s->cells[i].row;
        bool any = false, bad = false;
        memset(vals, 0, t->ncols * sizeof *vals);
        memset(cells, 0, t->ncols * sizeof *cells);
        for (; i < s->n && s->cells[i].row == row; i++) {
            const grid_cell *g = &s->cells[i];
            long c = g->col < L->ncols_sheet ? L->of[g->col] : -1;
            if (c < 0 || t->cols[c].type == TPL_NAME)
                continue;
            any = true;
            cells[c] = g;
            if (imp_value(&t->cols[c], b, g, text + c * 2048, 2048, why, sizeof why))
                vals[c] = text + c * 2048;
            else {
                grid_log_cell(r->log, DIAG_ERROR, b, s, g->row, g->col, "%s", why);
                bad = true;
            }
        }
        for (size_t c = 0; any && c < t->ncols; c++)
            if (t->cols[c].required && !cells[c] && L->at[c] >= 0) {
                grid_log_cell(r->log, DIAG_ERROR, b, s, row, (uint32_t)L->at[c],
                              "'%s' is empty: every row with data needs it (or clear the whole row)", t->cols[c].en);
                bad = true;
            }
        if (any && !bad)
            imp_row(r, t, vals, cells, b, s);
    }
    free(vals);
    free(cells);
    free(text);
}

/* Reads table `t` from `s`. */
static void imp_table(imp_run *r, const tpl_sheet *t, const grid_book *b, const grid_sheet *s)
{
    imp_layout L = {0};
    if (imp_layout_find(r, t, b, s, &L)) {
        for (size_t c = 0; c < t->ncols; c++)
            if (t->cols[c].required && L.at[c] < 0)
                grid_log_cell(r->log, DIAG_ERROR, b, s, L.head, 0,
                              "no column '%s' (%s) in the header row: add it back from a fresh template", t->cols[c].en,
                              t->cols[c].zh);
        imp_rows(r, t, b, s, &L);
    }
    free(L.at);
    free(L.of);
}

imp_doc *imp_build(const tpl_kind *k, grid_book *const *books, size_t n, grid_log *log)
{
    imp_run r = {.k = k, .log = log, .doc = imp_doc_new(), .errors0 = grid_log_errors(log)};
    if (!r.doc) {
        grid_log_file(log, DIAG_ERROR, n ? books[0]->path : "ghgcalc", "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < k->nsheets && !r.oom; i++) {
        const tpl_sheet *t = &k->sheets[i];
        const grid_book *b = NULL;
        const grid_sheet *s = imp_find(t, books, n, &b);
        if (!s) {
            if (t->required)
                grid_log_file(log, DIAG_ERROR, books[0]->path, "no sheet '%s' (%s)%s: %s", t->en, t->zh,
                              books[0]->csv ? " among the CSV files" : "",
                              books[0]->csv ? "give that sheet saved as CSV too, e.g. ghgcalc import Inventory.csv "
                                              "Activities.csv -o OUT.yaml"
                                            : "add it back from a fresh template");
            continue;
        }
        if (t->yaml)
            imp_table(&r, t, b, s);
        else
            imp_form(&r, t, b, s);
    }
    if (r.oom)
        grid_log_file(log, DIAG_ERROR, books[0]->path, "out of memory");
    if (grid_log_errors(log) > r.errors0) {
        imp_free(r.doc);
        return NULL;
    }
    return r.doc;
}
