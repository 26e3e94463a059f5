/* audit_csv.c - the audit's findings as CSV: one row per finding, enterprises in risk order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "audit_report.h"
#include "rpt_out.h"

/* The CSV columns (docs/audit.md, "CSV"). */
static const char *const ac_cols[] = {"number",     "report", "path",    "industry",  "year",   "status",   "severity",
                                      "category",   "rule",   "subject", "parameter", "unit",   "declared", "verified",
                                      "difference", "file",   "line",    "col",       "message"};

/* Writes one CSV row: finding `f` of enterprise `e` as number `no`. */
static void ac_row(FILE *out, size_t no, const aud_enterprise *e, const aud_finding *f)
{
    const aud_report *r = e->rep;
    fprintf(out, "%zu,", no);
    rpt_csv_field(out, r ? r->id : NULL, false);
    rpt_csv_field(out, e->path, false);
    rpt_csv_field(out, r ? aud_industry_name(r->industry) : NULL, false);
    rpt_csv_num(out, r ? (double)r->year : NAN, false);
    rpt_csv_field(out, aud_status_name(aud_status_of(e)), false);
    rpt_csv_field(out, aud_severity_name(f->severity), false);
    rpt_csv_field(out, f->category, false);
    rpt_csv_field(out, f->rule_id, false);
    rpt_csv_field(out, f->subject, false);
    rpt_csv_field(out, f->parameter, false);
    rpt_csv_field(out, f->unit, false);
    rpt_csv_num(out, f->declared, false);
    rpt_csv_num(out, f->verified, false);
    rpt_csv_num(out, isfinite(f->declared) && isfinite(f->verified) ? f->diff : NAN, false);
    rpt_csv_field(out, f->at.file, false);
    rpt_csv_num(out, f->at.line ? (double)f->at.line : NAN, false);
    rpt_csv_num(out, f->at.col ? (double)f->at.col : NAN, false);
    rpt_csv_field(out, f->message, true);
}

int rpt_audit_csv(const aud_batch *b, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    FILE *out = rpt_csv_fopen(path, m, err, errlen);
    if (!out)
        return -1;
    size_t ncols = sizeof ac_cols / sizeof *ac_cols, no = 0;
    for (size_t c = 0; c < ncols; c++)
        rpt_csv_field(out, ac_cols[c], c + 1 == ncols);
    for (size_t k = 0; k < b->n; k++) {
        const aud_enterprise *e = b->ent[b->order[k]];
        size_t *idx = malloc((e->nfind ? e->nfind : 1) * sizeof *idx);
        if (!idx) {
            fclose(out);
            snprintf(err, errlen, "writing '%s': out of memory", path);
            return -1;
        }
        aud_finding_order(e, idx);
        for (size_t i = 0; i < e->nfind; i++)
            ac_row(out, ++no, e, &e->find[idx[i]]);
        free(idx);
    }
    return rpt_fclose(out, path, err, errlen);
}
