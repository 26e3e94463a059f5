/* inventory_csv.c - the Calculation rows as RFC 4180 CSV: values, not formulas, in full precision. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "rpt_common.h"

/* Writes one field, quoted (with '"' doubled) when it holds a comma, a quote
 * or a line break; NULL is an empty field. */
static void csv_field(FILE *f, const char *s, bool last)
{
    if (s && s[strcspn(s, ",\"\r\n")]) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else if (s) {
        fputs(s, f);
    }
    fputs(last ? "\r\n" : ",", f);
}

/* Writes a number with %.17g (round-trips a double); NaN and infinities
 * give an empty field. */
static void csv_num(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, "%.17g", v);
    fputc(',', f);
}

/* Writes a "set: reference" source field; false when out of memory. */
static bool csv_src(FILE *f, const rpt_src *s)
{
    char stack[1024];
    char *text = rpt_src_join(s, stack, sizeof stack);
    if (!text)
        return false;
    csv_field(f, text, false);
    if (text != stack)
        free(text);
    return true;
}

/* Writes the header: the Calculation labels, always in English so that
 * scripts can rely on them. */
static void csv_header(FILE *f)
{
    for (int c = 0; c < RPT_C_COUNT; c++)
        csv_field(f, rpt_label(rpt_calc_labels[c], false), c == RPT_C_COUNT - 1);
}

/* Writes one record x gas row in Calculation column order, with the
 * computed energy, emission and CO2e where the sheet has formulas. Returns
 * false when out of memory. */
static bool csv_row(FILE *f, const eng_result *r, const eng_line *l, const rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(r), l->rec);
    fprintf(f, "%zu,", l->rec + 1);
    csv_field(f, t->input, false);
    csv_field(f, rec->category, false);
    csv_field(f, t->sector, false);
    csv_field(f, rec->key, false);
    csv_field(f, gas_name(l->gas), false);
    csv_num(f, l->amount);
    csv_field(f, rec->unit_text, false);
    csv_num(f, l->unit_factor);
    csv_num(f, l->ncv);
    csv_field(f, t->ncv_unit, false);
    csv_num(f, l->energy_tj);
    csv_num(f, l->ef);
    csv_field(f, t->ef_unit, false);
    csv_num(f, l->ef_factor);
    csv_num(f, l->oxidation);
    csv_num(f, l->emission_t);
    csv_num(f, l->gwp);
    csv_num(f, l->emission_t_co2e);
    csv_field(f, t->memo, false);
    if (!csv_src(f, &t->ncv_src) || !csv_src(f, &t->ef_src) || !csv_src(f, &t->ox_src))
        return false;
    csv_num(f, rec->uncertainty_pct);
    csv_field(f, rec->source, true);
    return true;
}

/* Writes the header and every record's rows; false when out of memory. */
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
    return true;
}

/* Writes the CSV; see report.h. The texts are English whatever m->zh says:
 * the CSV is for machines. Returns 0, or -1 with the error in err. */
int rpt_inventory_csv(const eng_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    (void)m;
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errlen, "cannot create '%s': %s", path, strerror(errno));
        return -1;
    }
    if (!csv_rows(f, r)) {
        fclose(f);
        snprintf(err, errlen, "writing '%s': out of memory", path);
        return -1;
    }
    return rpt_fclose(f, path, err, errlen);
}
