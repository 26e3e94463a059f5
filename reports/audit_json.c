/* audit_json.c - the audit as JSON: the run, each enterprise in risk order with its totals and findings, the inputs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "audit_report.h"
#include "rpt_out.h"

/* Writes `"key": "text"` after ", " unless `first`. */
static void aj_str(FILE *f, const char *key, const char *s, bool first)
{
    fprintf(f, "%s\"%s\": ", first ? "" : ", ", key);
    rpt_json_str(f, s);
}

/* Writes one finding as a JSON object. */
static void aj_finding(FILE *out, const aud_finding *f)
{
    aj_str(out, "rule", f->rule_id, true);
    aj_str(out, "severity", aud_severity_name(f->severity), false);
    aj_str(out, "category", f->category, false);
    aj_str(out, "subject", f->subject, false);
    aj_str(out, "parameter", f->parameter, false);
    aj_str(out, "unit", f->unit, false);
    rpt_json_kv(out, "declared", f->declared, false);
    rpt_json_kv(out, "verified", f->verified, false);
    rpt_json_kv(out, "difference", isfinite(f->declared) && isfinite(f->verified) ? f->diff : NAN, false);
    aj_str(out, "file", f->at.file, false);
    rpt_json_kv(out, "line", f->at.line ? (double)f->at.line : NAN, false);
    rpt_json_kv(out, "col", f->at.col ? (double)f->at.col : NAN, false);
    aj_str(out, "message", f->message, false);
}

/* Writes enterprise `e`, ranked `rank` (from 1), with its findings. */
static bool aj_enterprise(FILE *out, size_t rank, const aud_enterprise *e)
{
    const aud_report *r = e->rep;
    size_t *idx = malloc((e->nfind ? e->nfind : 1) * sizeof *idx);
    if (!idx)
        return false;
    fprintf(out, "    {\"rank\": %zu", rank);
    aj_str(out, "path", e->path, false);
    aj_str(out, "report", r ? r->id : NULL, false);
    aj_str(out, "name", r ? r->name : NULL, false);
    aj_str(out, "industry", r ? aud_industry_name(r->industry) : NULL, false);
    rpt_json_kv(out, "year", r ? (double)r->year : NAN, false);
    aj_str(out, "status", aud_status_name(aud_status_of(e)), false);
    rpt_json_kv(out, "declared_t", e->declared_t, false);
    rpt_json_kv(out, "recomputed_t", e->recomputed ? e->recomputed_t : NAN, false);
    rpt_json_kv(out, "verified_t", e->recomputed ? e->conservative_t : NAN, false);
    rpt_json_kv(out, "deviation_t", e->recomputed ? e->declared_t - e->conservative_t : NAN, false);
    rpt_json_kv(out, "deviation", aud_deviation(e), false);
    fprintf(out, ", \"counts\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu},\n     \"findings\": [",
            e->count[AUD_ERROR], e->count[AUD_WARNING], e->count[AUD_INFO]);
    aud_finding_order(e, idx);
    for (size_t i = 0; i < e->nfind; i++) {
        fputs(i ? ",\n      {" : "\n      {", out);
        aj_finding(out, &e->find[idx[i]]);
        fputc('}', out);
    }
    fputs(e->nfind ? "\n     ]}" : "]}", out);
    free(idx);
    return true;
}

/* Writes the run: the rules, the tolerance, the --fail-on level, the counts. */
static void aj_run(FILE *out, const aud_batch *b)
{
    size_t by[AUD_NSTATUS] = {0}, fail = 0;
    for (size_t i = 0; i < b->n; i++) {
        by[aud_status_of(b->ent[i])]++;
        fail += aud_count_at_least(b->ent[i], b->fail_on) > 0;
    }
    fputs(",\n  \"audit\": {", out);
    aj_str(out, "rule_set", b->rules->id, true);
    aj_str(out, "rules_file", b->rules->path, false);
    rpt_json_kv(out, "tolerance", b->tolerance, false);
    aj_str(out, "fail_on", aud_severity_name(b->fail_on), false);
    fprintf(out, ", \"reports\": %zu, \"failing_reports\": %zu,\n    \"status_counts\": {", b->n, fail);
    for (int s = 0; s < AUD_NSTATUS; s++)
        fprintf(out, "%s\"%s\": %zu", s ? ", " : "", aud_status_name((aud_status)s), by[s]);
    fprintf(out, "}, \"findings\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu}},\n",
            aud_batch_count_at_least(b, AUD_ERROR),
            aud_batch_count_at_least(b, AUD_WARNING) - aud_batch_count_at_least(b, AUD_ERROR),
            aud_batch_count_at_least(b, AUD_INFO) - aud_batch_count_at_least(b, AUD_WARNING));
}

int rpt_audit_json(const aud_batch *b, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    FILE *out = rpt_fopen(path, err, errlen);
    if (!out)
        return -1;
    rpt_json_head(out, m);
    aj_run(out, b);
    fputs("  \"enterprises\": [", out);
    for (size_t k = 0; k < b->n; k++) {
        fputs(k ? ",\n" : "\n", out);
        if (!aj_enterprise(out, k + 1, b->ent[b->order[k]])) {
            fclose(out);
            snprintf(err, errlen, "writing '%s': out of memory", path);
            return -1;
        }
    }
    fputs(b->n ? "\n  ],\n" : "],\n", out);
    rpt_json_inputs(out, m);
    return rpt_fclose(out, path, err, errlen);
}
