/* fod_testutil.h - what the landfill model's unit tests share: sites built in code, the solid_waste section read from YAML text, parse-error rows. */
#ifndef GHG_FOD_TESTUTIL_H
#define GHG_FOD_TESTUTIL_H

#include "diag.h"
#include "fod.h"
#include "fod_load.h"
#include "pool.h"
#include "test_helpers.h"
#include "yreader.h"

#define REL 1e-12
#define CH4_PER_C (16.0 / 12.0)

/* A site built in code (no YAML): `ntypes` columns of the given types with
 * their DOC and k, MCF, DOCf, F, OX and the delay, and `nyears` rows of
 * deposits `w_gg` (row-major) from `first_year`. */
static inline fod_site mk_site(pool *mem, size_t ntypes, const fod_waste *types, const double *doc, const double *k,
                        double mcf, double docf, double f, double ox, double delay, int first_year, size_t nyears,
                        const double *w_gg)
{
    fod_site s;
    memset(&s, 0, sizeof s);
    s.name = "test site";
    s.category = "4.A.1";
    s.mcf.value = mcf;
    s.docf.value = docf;
    s.f.value = f;
    s.ox.value = ox;
    s.delay_months.value = delay;
    s.ntypes = ntypes;
    for (size_t j = 0; j < ntypes; j++) {
        s.type[j] = types[j];
        s.doc[j].value = doc[j];
        s.k[j].value = k[j];
    }
    s.first_year = first_year;
    s.nyears = nyears;
    s.w_gg = pool_alloc(mem, nyears * ntypes * sizeof(double));
    s.row_at = pool_alloc(mem, nyears * sizeof(src_loc));
    memcpy(s.w_gg, w_gg, nyears * ntypes * sizeof(double));
    return s;
}

/* One inventory file read up to its `solid_waste:` section and parsed. */
typedef struct {
    th_folder f; /* inv.yaml and the diagnostics */
    pool *mem;
    yreader *yr;
    fod_input in;
    bool ok;
} load_t;

/* Writes "inventory: t\nyear: 2020\nsolid_waste:\n" + `body` to inv.yaml and
 * parses the section. The section starts at line 3, so the body's first
 * line is line 4 of the file. */
static inline load_t load(const char *body)
{
    load_t t;
    memset(&t, 0, sizeof t);
    static const char head[] = "inventory: t\nyear: 2020\nsolid_waste:\n";
    size_t len = strlen(head) + strlen(body) + 1;
    char *text = malloc(len);
    snprintf(text, len, "%s%s", head, body);
    t.f = th_folder_new(NULL, "inv.yaml", text);
    free(text);
    t.mem = pool_new();
    t.yr = yr_open(t.f.path, t.f.dl, NULL);
    assert_non_null(t.yr);
    const ynode *k;
    while ((k = yr_next_key(t.yr))) {
        const ynode *v = yr_value(t.yr);
        if (!v)
            break;
        if (strcmp(k->text, "solid_waste") == 0)
            t.ok = fod_parse(v, t.mem, t.f.dl, &t.in);
    }
    return t;
}

/* Fails the test, showing the messages, unless the section parsed. */
static inline void need_parsed(const load_t *t)
{
    if (t->ok)
        return;
    char *m = th_messages(t->f.dl);
    fail_msg("parse failed: %s", m);
}

static inline void done(load_t *t)
{
    yr_close(t->yr);
    pool_free(t->mem);
    th_folder_free(&t->f);
}

/* A site section that must fail to parse, and a message it must give (e.g.
 * "inv.yaml:9:11: error: unknown waste type"). */
typedef struct {
    const char *body;
    const char *want;
} parse_error_case;

/* Parses each row's body and checks that it fails with its message. */
static inline void check_parse_errors(const parse_error_case *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        load_t t = load(rows[i].body);
        assert_false(t.ok);
        th_need_message(t.f.dl, NULL, rows[i].want);
        done(&t);
    }
}

#endif
