/* keycat.c - key category analysis after 2006 IPCC Vol.1 Ch.4: level and trend, Approaches 1 and 2, with and without LULUCF. */
#include "keycat.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "nsum.h"

/* Approach 1 keeps the categories that make up 95 % of the total; Approach
 * 2 those that make up 90 % of the uncertainty-weighted total (Vol.1 Ch.4
 * 4.3.1 and 4.3.2). */
#define KC_THRESHOLD_A1 0.95
#define KC_THRESHOLD_A2 0.90

const char *kc_kind_name(kc_kind k)
{
    static const char *const names[KC_KINDS] = {"level", "trend", "level (Approach 2)", "trend (Approach 2)"};
    return k < KC_KINDS ? names[k] : "?";
}

double kc_trend_value(double e0, double et, double sum_abs_e0, double total_trend)
{
    if (sum_abs_e0 == 0)
        return 0;
    return fabs((et - e0) - fabs(e0) * total_trend) / sum_abs_e0;
}

/* Whether item x takes part in an assessment. */
static bool kc_included(const kc_item *x, kc_kind kind, bool with_lulucf)
{
    if (!with_lulucf && cat_under(x->category, KC_LULUCF))
        return false;
    if ((kind == KC_LEVEL2 || kind == KC_TREND2) && !(x->unc_pct >= 0))
        return false;
    return true;
}

/* Sorting needs the items to break ties; a line carries its share. */
typedef struct {
    kc_line line;
    const kc_item *x;
} kc_sortline;

static int kc_sort_cmp(const void *pa, const void *pb)
{
    const kc_sortline *a = pa, *b = pb;
    if (a->line.share != b->line.share)
        return a->line.share > b->line.share ? -1 : 1;
    int c = strcmp(a->x->category, b->x->category);
    if (c)
        return c;
    c = strcmp(a->x->key ? a->x->key : "", b->x->key ? b->x->key : "");
    return c ? c : (int)a->x->gas - (int)b->x->gas;
}

/* The sums over the included items: sum|E_y,t|, sum|E_y,0|, sum E_y,t, sum E_y,0. */
static void kc_sums(const kc_item *items, size_t n, kc_kind kind, bool with_lulucf, double s[4])
{
    nsum a = {0}, b = {0}, c = {0}, d = {0};
    for (size_t i = 0; i < n; i++) {
        if (!kc_included(&items[i], kind, with_lulucf))
            continue;
        nsum_add(&a, fabs(items[i].et));
        nsum_add(&b, fabs(items[i].e0));
        nsum_add(&c, items[i].et);
        nsum_add(&d, items[i].e0);
    }
    s[0] = nsum_value(&a), s[1] = nsum_value(&b), s[2] = nsum_value(&c), s[3] = nsum_value(&d);
}

/* The assessment value of item x: |E| (level), T (trend), times U for
 * Approach 2. */
static double kc_value(const kc_item *x, kc_kind kind, const double s[4], double trend)
{
    double v = kind == KC_LEVEL || kind == KC_LEVEL2 ? fabs(x->et) : kc_trend_value(x->e0, x->et, s[1], trend);
    if (kind == KC_LEVEL2)
        v = (s[0] != 0 ? v / s[0] : 0) * x->unc_pct; /* Eq. 4.3: L_x,t x U_x,t */
    else if (kind == KC_TREND2)
        v *= x->unc_pct; /* Eq. 4.4: T_x,t x U_x,t */
    return v;
}

/* Sorts the lines, adds the cumulative shares and marks the key ones: a
 * line is key while the lines before it add up to less than the threshold,
 * so the line that crosses it is key too. */
static void kc_rank(kc_sortline *s, size_t n, kc_table *t)
{
    qsort(s, n, sizeof *s, kc_sort_cmp);
    double cum = 0;
    for (size_t i = 0; i < n; i++) {
        t->lines[i] = s[i].line;
        t->lines[i].key = cum < t->threshold - 1e-12 && s[i].line.value > 0;
        cum += s[i].line.share;
        t->lines[i].cumulative = cum;
    }
}

bool kc_assess(const kc_item *items, size_t n, kc_kind kind, bool with_lulucf, kc_table *out)
{
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->with_lulucf = with_lulucf;
    out->threshold = kind == KC_LEVEL || kind == KC_TREND ? KC_THRESHOLD_A1 : KC_THRESHOLD_A2;
    double s[4];
    kc_sums(items, n, kind, with_lulucf, s);
    bool trend = kind == KC_TREND || kind == KC_TREND2;
    out->total_trend = trend ? (s[3] != 0 ? (s[2] - s[3]) / fabs(s[3]) : 0) : NAN;
    kc_sortline *sl = malloc((n ? n : 1) * sizeof *sl);
    out->lines = malloc((n ? n : 1) * sizeof *out->lines);
    if (!sl || !out->lines) {
        free(sl);
        kc_table_free(out);
        return false;
    }
    nsum tot = {0};
    for (size_t i = 0; i < n; i++) {
        if (!kc_included(&items[i], kind, with_lulucf))
            continue;
        double v = kc_value(&items[i], kind, s, out->total_trend);
        sl[out->n++] = (kc_sortline){{i, v, 0, 0, false}, &items[i]};
        nsum_add(&tot, v);
    }
    out->total = nsum_value(&tot);
    for (size_t i = 0; i < out->n; i++)
        sl[i].line.share = out->total > 0 ? sl[i].line.value / out->total : 0;
    kc_rank(sl, out->n, out);
    free(sl);
    return true;
}

void kc_table_free(kc_table *t)
{
    free(t->lines);
    t->lines = NULL;
    t->n = 0;
}

kc_item *kc_items_from_a1(const unc_a1 *a, size_t *n)
{
    kc_item *it = malloc((a->nrows ? a->nrows : 1) * sizeof *it);
    *n = 0;
    if (!it)
        return NULL;
    for (size_t i = 0; i < a->nrows; i++) {
        const unc_row *r = &a->rows[i];
        bool known = r->origins & ~(1u << UNC_FROM_NONE);
        it[i] = (kc_item){r->key.category, r->key.key, r->key.gas, r->base_t_co2e, r->t_co2e,
                          known ? r->combined_pct : NAN};
    }
    *n = a->nrows;
    return it;
}

unsigned *kc_flags(size_t nitems, const kc_table *tables, size_t ntables)
{
    unsigned *f = calloc(nitems ? nitems : 1, sizeof *f);
    if (!f)
        return NULL;
    for (size_t t = 0; t < ntables; t++)
        for (size_t i = 0; i < tables[t].n; i++)
            if (tables[t].lines[i].key && tables[t].lines[i].item < nitems)
                f[tables[t].lines[i].item] |= 1u << (2 * tables[t].kind + tables[t].with_lulucf);
    return f;
}
