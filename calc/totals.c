/* totals.c - per-category accumulators (found through a hash of the category code) and sums over categories. */
#include "totals.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"

typedef struct {
    const char *category;
    nsum t[GAS_COUNT], co2e, memo, energy;
    size_t records;
} tot_acc;

struct tot_table {
    tot_acc *acc;           /* in first-use order */
    size_t nacc, capacc;
    size_t *slot;           /* open addressing: acc index + 1, 0 = empty; power-of-two size */
    size_t cap;
    nsum gas_co2e[GAS_COUNT];
    tot_cat *cats;          /* tot_finish's sorted totals */
    double abs_t[GAS_COUNT], abs_co2e, abs_memo, abs_energy; /* sums of magnitudes, over every category */
    const char *overflow;   /* tot_overflow */
};

/* Adds |x| to the sum of magnitudes *abs; names `what` as overflowed when
 * the sum passes NSUM_LIMIT or x is not finite. */
static void tot_watch(tot_table *t, double *abs, double x, const char *what)
{
    *abs += fabs(x);
    if (!t->overflow && !nsum_fits(*abs))
        t->overflow = what;
}

const char *tot_overflow(const tot_table *t) { return t->overflow; }

tot_table *tot_new(void) { return calloc(1, sizeof(tot_table)); }

void tot_free(tot_table *t)
{
    if (!t)
        return;
    free(t->acc);
    free(t->slot);
    free(t->cats);
    free(t);
}

static size_t tot_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* Doubles the slot table (or makes the first one). */
static bool tot_grow(tot_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    size_t *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return false;
    for (size_t i = 0; i < t->nacc; i++) {
        size_t j = tot_hash(t->acc[i].category) & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = i + 1;
    }
    free(t->slot);
    t->slot = slot;
    t->cap = cap;
    return true;
}

/* The accumulator of category `cat`, added on first use; NULL when out of memory. */
static tot_acc *tot_acc_for(tot_table *t, const char *cat)
{
    if ((t->nacc + 1) * 2 > t->cap && !tot_grow(t))
        return NULL;
    size_t j = tot_hash(cat) & (t->cap - 1);
    for (; t->slot[j]; j = (j + 1) & (t->cap - 1)) {
        tot_acc *a = &t->acc[t->slot[j] - 1];
        if (a->category == cat || strcmp(a->category, cat) == 0)
            return a;
    }
    if (t->nacc == t->capacc) {
        size_t cap = t->capacc ? t->capacc * 2 : 32;
        tot_acc *a = realloc(t->acc, cap * sizeof *a);
        if (!a)
            return NULL;
        t->acc = a;
        t->capacc = cap;
    }
    tot_acc *a = &t->acc[t->nacc++];
    memset(a, 0, sizeof *a);
    a->category = cat;
    t->slot[j] = t->nacc;
    return a;
}

bool tot_add(tot_table *t, const char *cat, gas_id g, double emission_t, double emission_t_co2e, bool memo)
{
    tot_acc *a = tot_acc_for(t, cat);
    if (!a)
        return false;
    if (memo) {
        tot_watch(t, &t->abs_memo, emission_t, "biogenic CO2");
        nsum_add(&a->memo, emission_t);
        return true;
    }
    tot_watch(t, &t->abs_t[g], emission_t, gas_name(g));
    tot_watch(t, &t->abs_co2e, emission_t_co2e, "CO2e");
    nsum_add(&a->t[g], emission_t);
    nsum_add(&a->co2e, emission_t_co2e);
    nsum_add(&t->gas_co2e[g], emission_t_co2e);
    return true;
}

bool tot_add_record(tot_table *t, const char *cat, double energy_tj)
{
    tot_acc *a = tot_acc_for(t, cat);
    if (!a)
        return false;
    a->records++;
    tot_watch(t, &t->abs_energy, energy_tj, "energy");
    nsum_add(&a->energy, energy_tj);
    return true;
}

static int tot_cat_cmp(const void *pa, const void *pb)
{
    const tot_cat *a = pa, *b = pb;
    return strcmp(a->category, b->category);
}

const tot_cat *tot_finish(tot_table *t, size_t *n)
{
    free(t->cats);
    t->cats = calloc(t->nacc ? t->nacc : 1, sizeof *t->cats);
    if (!t->cats)
        return NULL;
    for (size_t i = 0; i < t->nacc; i++) {
        tot_cat *c = &t->cats[i];
        const tot_acc *a = &t->acc[i];
        c->category = a->category;
        for (int g = 0; g < GAS_COUNT; g++)
            c->t[g] = nsum_value(&a->t[g]);
        c->t_co2e = nsum_value(&a->co2e);
        c->memo_bio_co2_t = nsum_value(&a->memo);
        c->energy_tj = nsum_value(&a->energy);
        c->records = a->records;
    }
    qsort(t->cats, t->nacc, sizeof *t->cats, tot_cat_cmp);
    *n = t->nacc;
    return t->cats;
}

void tot_gas_co2e(const tot_table *t, double out_t_co2e[GAS_COUNT])
{
    for (int g = 0; g < GAS_COUNT; g++)
        out_t_co2e[g] = nsum_value(&t->gas_co2e[g]);
}

/* Adds category totals `c` into the sums. */
typedef struct {
    nsum t[GAS_COUNT], co2e, memo, energy;
    size_t records;
} tot_sums;

static void tot_sums_add(tot_sums *s, const tot_cat *c)
{
    for (int g = 0; g < GAS_COUNT; g++)
        nsum_add(&s->t[g], c->t[g]);
    nsum_add(&s->co2e, c->t_co2e);
    nsum_add(&s->memo, c->memo_bio_co2_t);
    nsum_add(&s->energy, c->energy_tj);
    s->records += c->records;
}

static tot_cat tot_sums_value(const tot_sums *s, const char *label)
{
    tot_cat t = {.category = label, .records = s->records};
    for (int g = 0; g < GAS_COUNT; g++)
        t.t[g] = nsum_value(&s->t[g]);
    t.t_co2e = nsum_value(&s->co2e);
    t.memo_bio_co2_t = nsum_value(&s->memo);
    t.energy_tj = nsum_value(&s->energy);
    return t;
}

tot_cat tot_sum(const tot_cat *cats, size_t n, const char *prefix, bool under)
{
    tot_sums s = {0};
    for (size_t i = 0; i < n; i++)
        if ((!*prefix || cat_under(cats[i].category, prefix)) == under)
            tot_sums_add(&s, &cats[i]);
    return tot_sums_value(&s, under ? prefix : "");
}

tot_cat tot_range(const tot_cat *cats, size_t first, size_t end, const char *code)
{
    tot_sums s = {0};
    for (size_t i = first; i < end; i++)
        tot_sums_add(&s, &cats[i]);
    return tot_sums_value(&s, code);
}
