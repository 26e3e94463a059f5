/* inventory_csv.c - the Calculation rows as RFC 4180 CSV: values, not formulas, in full precision. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "inventory_common.h"
#include "rpt_out.h"

/* Writes a "set: reference" source field; false when out of memory. */
static bool csv_src(FILE *f, const rpt_src *s)
{
    char stack[1024];
    char *text = rpt_src_join(s, stack, sizeof stack);
    if (!text)
        return false;
    rpt_csv_field(f, text, false);
    if (text != stack)
        free(text);
    return true;
}

/* Columns after the Calculation ones: how the row was computed, the
 * product terms, their sources and the conversion's note. */
static const char *const csv_extra[] = {"Method", "Terms", "Term sources", "Conversion note"};
#define CSV_NEXTRA (sizeof csv_extra / sizeof *csv_extra)

/* Writes the header: the Calculation labels, always in English so that
 * scripts can rely on them, then the extra columns. */
static void csv_header(FILE *f)
{
    for (int c = 0; c < RPT_C_COUNT; c++)
        rpt_csv_field(f, il_label(rpt_calc_labels[c], false), false);
    for (size_t c = 0; c < CSV_NEXTRA; c++)
        rpt_csv_field(f, csv_extra[c], c + 1 == CSV_NEXTRA);
}

/* A growing text buffer for the Terms columns; `ok` false once out of
 * memory. */
typedef struct {
    char *s;
    size_t len, cap;
    bool ok;
} csv_buf;

static void csv_buf_add(csv_buf *b, const char *text)
{
    size_t n = strlen(text);
    if (!b->ok)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->ok = false;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

/* Writes the Terms and Term sources fields of a product-method line:
 *   Terms:        "name=value unit; ..." for a x value term (value and unit
 *                 as written), "name=(1-value)" / "name=(1+value)" for the
 *                 others (value as the plain fraction that enters);
 *   Term sources: "name: set: reference; ..." in the same order.
 * Values in the fewest digits (15-17) that read back as the same double. */
static bool csv_terms(FILE *f, const eng_line *l)
{
    csv_buf terms = {NULL, 0, 0, true}, srcs = {NULL, 0, 0, true};
    csv_buf_add(&terms, "");
    csv_buf_add(&srcs, "");
    for (unsigned k = 0; k < l->chain->nterms; k++) {
        const eng_hit *h = &l->chain->term[k];
        char num[40], part[512], stack[1024];
        rpt_num_text(l->term[k], num, sizeof num);
        if (l->chain->kind[k] == FSET_TERM_MUL)
            rpt_fmt(part, sizeof part, "%s%s=%s %s", k ? "; " : "", fs_hit_param(h), num, h->v->unit_text);
        else
            rpt_fmt(part, sizeof part, "%s%s=(1%c%s)", k ? "; " : "", fs_hit_param(h),
                    l->chain->kind[k] == FSET_TERM_ONE_MINUS ? '-' : '+', num);
        csv_buf_add(&terms, part);
        rpt_src src = rpt_hit_src(h);
        char *text = rpt_src_join(&src, stack, sizeof stack);
        if (!text) {
            srcs.ok = false;
            break;
        }
        rpt_fmt(part, sizeof part, "%s%s: ", k ? "; " : "", fs_hit_param(h));
        csv_buf_add(&srcs, part);
        csv_buf_add(&srcs, text);
        if (text != stack)
            free(text);
    }
    bool ok = terms.ok && srcs.ok;
    if (ok) {
        rpt_csv_field(f, terms.s, false);
        rpt_csv_field(f, srcs.s, false);
    }
    free(terms.s);
    free(srcs.s);
    return ok;
}

/* Writes one record x gas row in Calculation column order, with the
 * computed energy, emission and CO2e where the sheet has formulas, then the
 * extra columns. A product-method row leaves the unit factor, NCV, energy,
 * oxidation and their sources empty; its EF factor is the conversion.
 * Returns false when out of memory. */
static bool csv_row(FILE *f, const eng_result *r, const eng_line *l, const rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(r), l->rec);
    bool prod = l->chain != NULL;
    fprintf(f, "%zu,", l->rec + 1);
    rpt_csv_field(f, t->input, false);
    rpt_csv_field(f, rec->category, false);
    rpt_csv_field(f, t->sector, false);
    rpt_csv_field(f, eng_rec_key(r, l->rec), false);
    rpt_csv_field(f, gas_name(l->gas), false);
    rpt_csv_num(f, l->amount, false);
    rpt_csv_field(f, rec->unit_text, false);
    rpt_csv_num(f, prod ? NAN : l->unit_factor, false);
    rpt_csv_num(f, prod ? NAN : l->ncv, false);
    rpt_csv_field(f, t->ncv_unit, false);
    rpt_csv_num(f, prod ? NAN : l->energy_tj, false);
    rpt_csv_num(f, l->ef, false);
    rpt_csv_field(f, t->ef_unit, false);
    rpt_csv_num(f, l->ef_factor, false);
    rpt_csv_num(f, prod ? NAN : l->oxidation, false);
    rpt_csv_num(f, l->emission_t, false);
    rpt_csv_num(f, l->gwp, false);
    rpt_csv_num(f, l->emission_t_co2e, false);
    rpt_csv_field(f, t->memo, false);
    if (!csv_src(f, &t->ncv_src) || !csv_src(f, &t->ef_src) || !csv_src(f, &t->ox_src))
        return false;
    rpt_csv_num(f, inv_rec_unc_pct(eng_inventory(r), rec), false);
    rpt_csv_field(f, rec->source, false);
    rpt_csv_field(f, prod ? "product" : "combustion", false);
    if (!prod) {
        rpt_csv_field(f, NULL, false);
        rpt_csv_field(f, NULL, false);
    } else if (!csv_terms(f, l)) {
        return false;
    }
    rpt_csv_field(f, prod ? l->chain->conversion_note : NULL, true);
    return true;
}

/* Writes one row per landfill site: no record number; Input is the site's
 * place, Fuel the site's name, CH4 of the inventory year with its GWP and
 * CO2e; Method "fod", Terms the site's MCF, DOCf, F and OX. */
static void csv_fod_row(FILE *f, const eng_result *r, const fod_site *s, size_t site)
{
    const inventory *inv = eng_inventory(r);
    char where[4200], sector[64], terms[256], a[40], b[40], c[40], d[40];
    double gwp = gwp_value(eng_gwp(r), GAS_CH4, ENG_FOD_ORIGIN, NULL, NULL), t, t_co2e;
    eng_fod_emission(r, site, &t, &t_co2e);
    rpt_fmt(where, sizeof where, "%s:%u", s->at.file ? s->at.file : inv->path, s->at.line);
    rpt_sector_of(s->category, sector, sizeof sector);
    rpt_num_text(s->mcf.value, a, sizeof a);
    rpt_num_text(s->docf.value, b, sizeof b);
    rpt_num_text(s->f.value, c, sizeof c);
    rpt_num_text(s->ox.value, d, sizeof d);
    rpt_fmt(terms, sizeof terms, "MCF=%s; DOCf=%s; F=%s; OX=%s", a, b, c, d);
    fputc(',', f);
    rpt_csv_field(f, where, false);
    rpt_csv_field(f, s->category, false);
    rpt_csv_field(f, sector, false);
    rpt_csv_field(f, s->name, false);
    rpt_csv_field(f, gas_name(GAS_CH4), false);
    for (int k = RPT_C_AMOUNT; k < RPT_C_EMISSION; k++)
        fputc(',', f); /* amount .. oxidation: see the Landfill (FOD) sheet */
    rpt_csv_num(f, t, false);
    rpt_csv_num(f, gwp, false);
    rpt_csv_num(f, t_co2e, false);
    rpt_csv_field(f, RPT_MEMO_NO, false);
    for (int k = RPT_C_NCV_SRC; k < RPT_C_DATA_SOURCE; k++)
        fputc(',', f);
    rpt_csv_field(f, s->source, false);
    rpt_csv_field(f, "fod", false);
    rpt_csv_field(f, terms, false);
    rpt_csv_field(f, NULL, false);
    rpt_csv_field(f, NULL, true);
}

/* Writes the header, every record's rows, then one row per landfill site;
 * false when out of memory. */
static bool csv_rows(FILE *f, const eng_result *r)
{
    const inventory *inv = eng_inventory(r);
    eng_line lines[GAS_COUNT];
    rpt_line_text t;
    csv_header(f);
    for (size_t i = 0; i < inv->n && !ferror(f); i++) {
        size_t n = eng_lines(r, i, lines);
        for (size_t k = 0; k < n; k++) {
            rpt_line_text_fill(r, &lines[k], false, &t);
            if (!csv_row(f, r, &lines[k], &t))
                return false;
        }
    }
    const fod_result *fod;
    size_t nfod = eng_fod(r, &fod);
    for (size_t i = 0; i < nfod; i++)
        csv_fod_row(f, r, &inv->fod.sites[i], i);
    return true;
}

/* Writes the CSV; see report.h. The texts are English whatever m->zh says:
 * the CSV is for machines. Returns 0, or -1 with the error in err. */
int rpt_inventory_csv(const eng_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    FILE *f = rpt_csv_fopen(path, m, err, errlen);
    if (!f)
        return -1;
    if (!csv_rows(f, r)) {
        fclose(f);
        snprintf(err, errlen, "writing '%s': out of memory", path);
        return -1;
    }
    return rpt_fclose(f, path, err, errlen);
}
