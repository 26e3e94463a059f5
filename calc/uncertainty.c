/* uncertainty.c - IPCC Approach 1 error propagation over the model: Table 3.2/3.3 columns A..Q and the trend. */
#include "uncertainty.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nsum.h"

/* ------------------------------------------------------------- parts */

/* Parts compare by row, then activity data before the rest, then stream,
 * then input. */
static int unc_part_cmp(const void *pa, const void *pb)
{
    const unc_part *a = pa, *b = pb;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->ad != b->ad)
        return a->ad ? -1 : 1;
    if (a->stream != b->stream)
        return a->stream < b->stream ? -1 : 1;
    return a->input < b->input ? -1 : a->input > b->input;
}

/* Which year's lines describe each row: year t where the row has lines in
 * it, else the base year (a category that has since disappeared). */
static unsigned *unc_row_years(const unc_model *m, size_t nrows)
{
    const unc_line *lines;
    size_t nl = unc_model_lines(m, &lines);
    unsigned *y = malloc((nrows ? nrows : 1) * sizeof *y);
    if (!y)
        return NULL;
    for (size_t i = 0; i < nrows; i++)
        y[i] = UNC_BASE;
    for (size_t i = 0; i < nl; i++)
        if (lines[i].year == UNC_LATEST)
            y[lines[i].row] = UNC_LATEST;
    return y;
}

/* Collects one part per (row, input) of the lines of each row's year, with
 * the row emission each input multiplies. */
static bool unc_collect_parts(const unc_model *m, const unsigned *ryear, unc_a1 *a)
{
    const unc_line *lines;
    const unc_input *in;
    size_t nl = unc_model_lines(m, &lines), cap = 0;
    unc_model_inputs(m, &in);
    const uint32_t *lin = unc_model_line_inputs(m);
    for (size_t i = 0; i < nl; i++)
        if (lines[i].year == ryear[lines[i].row])
            cap += lines[i].n;
    a->parts = malloc((cap ? cap : 1) * sizeof *a->parts);
    if (!a->parts)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < nl; i++) {
        const unc_line *l = &lines[i];
        if (l->year != ryear[l->row])
            continue;
        for (uint32_t k = 0; k < l->n; k++) {
            const unc_input *x = &in[lin[l->first + k]];
            a->parts[n++] = (unc_part){l->row, lin[l->first + k], x->stream, x->role == UNC_ROLE_AD, l->t_co2e};
        }
    }
    qsort(a->parts, n, sizeof *a->parts, unc_part_cmp);
    size_t w = 0; /* merge the parts of one row and one input */
    for (size_t i = 0; i < n; i++) {
        if (w && a->parts[w - 1].row == a->parts[i].row && a->parts[w - 1].input == a->parts[i].input)
            a->parts[w - 1].t_co2e += a->parts[i].t_co2e;
        else
            a->parts[w++] = a->parts[i];
    }
    a->nparts = w;
    return true;
}

/* ------------------------------------------------------------- rows */

/* Sums of one stream within a row: U x t for the symmetric columns, and the
 * deviations below and above the estimate. */
typedef struct {
    double sym, lo, hi;
} unc_ssum;

/* Adds part p's contribution to stream sum s. A part of a removal (t < 0)
 * lowers the total when its input rises, so its upper deviation counts
 * below the estimate. */
static void unc_ssum_add(unc_ssum *s, const unc_input *x, double t)
{
    double u = fmax(x->minus_pct, x->plus_pct);
    s->sym += u * t;
    s->lo += (t >= 0 ? x->minus_pct : x->plus_pct) * fabs(t);
    s->hi += (t >= 0 ? x->plus_pct : x->minus_pct) * fabs(t);
}

/* Columns E, F and the lower/upper parts of row `r` from its parts: streams
 * add in quadrature, parts within a stream linearly. `d` is the emission the
 * percentages refer to. */
static void unc_row_from_parts(unc_row *r, const unc_part *p, size_t n, const unc_input *in, double d)
{
    double ad[3] = {0}, ef[3] = {0};
    for (size_t i = 0; i < n;) {
        unc_ssum s = {0};
        size_t j = i;
        for (; j < n && p[j].stream == p[i].stream && p[j].ad == p[i].ad; j++) {
            unc_ssum_add(&s, &in[p[j].input], p[j].t_co2e);
            if (in[p[j].input].minus_pct > 0 || in[p[j].input].plus_pct > 0)
                r->origins |= 1u << in[p[j].input].origin;
        }
        double *acc = p[i].ad ? ad : ef;
        acc[0] += s.sym * s.sym;
        acc[1] += s.lo * s.lo;
        acc[2] += s.hi * s.hi;
        i = j;
    }
    double ad_abs = fabs(d);
    r->ad_pct = ad_abs > 0 ? sqrt(ad[0]) / ad_abs : 0;
    r->ef_pct = ad_abs > 0 ? sqrt(ef[0]) / ad_abs : 0;
    r->ad_lower_pct = ad_abs > 0 ? sqrt(ad[1]) / ad_abs : 0;
    r->ad_upper_pct = ad_abs > 0 ? sqrt(ad[2]) / ad_abs : 0;
    r->ef_lower_pct = ad_abs > 0 ? sqrt(ef[1]) / ad_abs : 0;
    r->ef_upper_pct = ad_abs > 0 ? sqrt(ef[2]) / ad_abs : 0;
}

/* The first-order uncertainty of the year-t total (%) with every stream
 * counted once across rows: an input shared by several rows (one NCV of
 * coal for 1.A.1 and 1.A.2) adds linearly there, which the row-wise
 * Eq. 3.2 of Table 3.2 treats as independent. */
static double unc_shared_total(const unc_a1 *a, const unsigned *ryear, const unc_input *in, uint32_t nstreams,
                               double total)
{
    double *s = calloc(nstreams ? nstreams : 1, sizeof *s);
    if (!s)
        return NAN;
    for (size_t i = 0; i < a->nparts; i++) {
        const unc_part *p = &a->parts[i];
        if (ryear[p->row] == UNC_LATEST)
            s[p->stream] += fmax(in[p->input].minus_pct, in[p->input].plus_pct) * p->t_co2e;
    }
    nsum v = {0};
    for (uint32_t i = 0; i < nstreams; i++)
        nsum_add(&v, s[i] * s[i]);
    free(s);
    return total != 0 ? sqrt(nsum_value(&v)) / fabs(total) : 0;
}

/* ----------------------------------------------------------- columns */

/* Type A sensitivity (2006 Vol.1 Ch.3 3.7.1): the change in the trend, in
 * percentage points, when the row's emissions rise by 1 % in both years. */
static double unc_type_a(double c, double d, double sum_c, double sum_d)
{
    double den = 0.01 * c + sum_c;
    if (den == 0 || sum_c == 0)
        return 0;
    return fabs((0.01 * d + sum_d - (0.01 * c + sum_c)) / den * 100.0 - (sum_d - sum_c) / sum_c * 100.0);
}

void unc_a1_columns(unc_row *rows, size_t n, bool has_base, unc_total *total)
{
    nsum sc = {0}, sd = {0}, sh = {0}, sp = {0}, sq = {0}, sm = {0};
    for (size_t i = 0; i < n; i++) {
        nsum_add(&sc, rows[i].base_t_co2e);
        nsum_add(&sd, rows[i].t_co2e);
    }
    double sum_c = nsum_value(&sc), sum_d = nsum_value(&sd), d2 = sum_d * sum_d;
    for (size_t i = 0; i < n; i++) {
        unc_row *r = &rows[i];
        r->combined_pct = sqrt(r->ad_pct * r->ad_pct + r->ef_pct * r->ef_pct);
        r->lower_pct = sqrt(r->ad_lower_pct * r->ad_lower_pct + r->ef_lower_pct * r->ef_lower_pct);
        r->upper_pct = sqrt(r->ad_upper_pct * r->ad_upper_pct + r->ef_upper_pct * r->ef_upper_pct);
        r->var_contrib = d2 > 0 ? pow(r->combined_pct * r->t_co2e, 2) / d2 : 0;
        r->var_lower = d2 > 0 ? pow(r->lower_pct * r->t_co2e, 2) / d2 : 0;
        r->var_upper = d2 > 0 ? pow(r->upper_pct * r->t_co2e, 2) / d2 : 0;
        if (has_base && sum_c != 0) {
            r->type_a = unc_type_a(r->base_t_co2e, r->t_co2e, sum_c, sum_d);
            r->type_b = fabs(r->t_co2e) / fabs(sum_c);
            r->trend_ef_pct = r->type_a * r->ef_pct;
            r->trend_ad_pct = r->type_b * r->ad_pct * sqrt(2.0);
            r->trend_var = r->trend_ef_pct * r->trend_ef_pct + r->trend_ad_pct * r->trend_ad_pct;
        }
        nsum_add(&sh, r->var_contrib);
        nsum_add(&sp, r->var_lower);
        nsum_add(&sq, r->var_upper);
        nsum_add(&sm, r->trend_var);
    }
    total->base_t_co2e = sum_c;
    total->t_co2e = sum_d;
    total->total_pct = sqrt(nsum_value(&sh));
    total->total_lower_pct = sqrt(nsum_value(&sp));
    total->total_upper_pct = sqrt(nsum_value(&sq));
    total->has_base = has_base;
    total->trend_pct = has_base && sum_c != 0 ? (sum_d - sum_c) / sum_c * 100.0 : NAN;
    total->trend_unc_pct = has_base ? sqrt(nsum_value(&sm)) : NAN;
}

/* Fills C and D of every row and the rows' percentages from their parts. */
static bool unc_fill_rows(const unc_model *m, const unsigned *ryear, unc_a1 *a)
{
    const unc_line *lines;
    const unc_input *in;
    size_t nl = unc_model_lines(m, &lines);
    unc_model_inputs(m, &in);
    nsum *c = calloc(a->nrows ? 2 * a->nrows : 1, sizeof *c);
    if (!c)
        return false;
    for (size_t i = 0; i < nl; i++)
        nsum_add(&c[2 * lines[i].row + (lines[i].year == UNC_BASE)], lines[i].t_co2e);
    for (size_t i = 0, p = 0; i < a->nrows; i++) {
        unc_row *r = &a->rows[i];
        r->t_co2e = nsum_value(&c[2 * i]);
        r->base_t_co2e = nsum_value(&c[2 * i + 1]);
        r->first_part = (uint32_t)p;
        while (p < a->nparts && a->parts[p].row == i)
            p++;
        r->nparts = (uint32_t)(p - r->first_part);
        double d = ryear[i] == UNC_LATEST ? r->t_co2e : r->base_t_co2e;
        unc_row_from_parts(r, a->parts + r->first_part, r->nparts, in, d);
    }
    free(c);
    return true;
}

bool unc_approach1(const unc_model *m, unc_a1 *out)
{
    memset(out, 0, sizeof *out);
    const unc_row_key *keys;
    const unc_input *in;
    out->nrows = unc_model_rows(m, &keys);
    unc_model_inputs(m, &in);
    out->rows = calloc(out->nrows ? out->nrows : 1, sizeof *out->rows);
    unsigned *ryear = unc_row_years(m, out->nrows);
    if (out->rows && ryear && unc_collect_parts(m, ryear, out)) {
        for (size_t i = 0; i < out->nrows; i++)
            out->rows[i].key = keys[i];
    }
    if (!out->rows || !ryear || !out->parts || !unc_fill_rows(m, ryear, out)) {
        free(ryear);
        unc_a1_free(out);
        return false;
    }
    unc_a1_columns(out->rows, out->nrows, unc_model_has_base(m), &out->total);
    out->total.total_pct_shared = unc_shared_total(out, ryear, in, unc_model_streams(m), out->total.t_co2e);
    free(ryear);
    return true;
}

void unc_a1_free(unc_a1 *a)
{
    free(a->rows);
    free(a->parts);
    memset(a, 0, sizeof *a);
}
