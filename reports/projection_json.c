/* projection_json.c - the project command's JSON: every scenario's paths, peak, measures, LMDI and targets, history and
 * the Monte Carlo summary (docs/projection.md#json). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "projection_report.h"
#include "rpt_out.h"

static const char *const pj_pct[PRJ_MC_NPCT] = {"5", "50", "95"};

/* An array of n numbers: [1, 2, 3]. */
static void pj_nums(FILE *f, const double *v, size_t n, size_t stride)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", f);
        rpt_json_num(f, v[i * stride]);
    }
    fputc(']', f);
}

/* `"key": ` after ", " unless first. */
static void pj_key(FILE *f, const char *key, bool first)
{
    fprintf(f, "%s\"%s\": ", first ? "" : ", ", key);
}

/* A peak: {"year", "value", "in_horizon", "by_ok", "plateau": [first, last]}. */
static void pj_peak(FILE *f, const peak_info *p, const long *years)
{
    fprintf(f, "{\"year\": %ld", p->year);
    rpt_json_kv(f, "value", p->value, false);
    fprintf(f, ", \"in_horizon\": %s, \"by_ok\": %s, \"plateau\": [%ld, %ld]}", p->in_horizon ? "true" : "false",
            p->by_ok ? "true" : "false", years[p->plateau_first], years[p->plateau_last]);
}

/* The file's settings and the history with the has-peaked test. */
static void pj_settings(FILE *f, const prj_result *r)
{
    const prj_model *m = r->m;
    const prj_file *f0 = m->f;
    const peak_history *h = &r->history;
    fprintf(f, ", \"base_year\": %ld, \"horizon\": %ld, \"metric\": ", m->base_year, f0->horizon);
    rpt_json_str(f, prj_metric_name(f0->metric));
    fprintf(f, ", \"peak_by\": %ld", f0->peak_by);
    rpt_json_kv(f, "plateau_pct", f0->plateau_pct, false);
    fputs(",\n    \"history\": {\"years\": [", f);
    for (size_t i = 0; i < m->in.nhist; i++)
        fprintf(f, "%s%ld", i ? ", " : "", m->in.hist[i].year);
    fputs("], \"metric\": [", f);
    for (size_t i = 0; i < m->in.nhist; i++) {
        fputs(i ? ", " : "", f);
        rpt_json_num(f, m->in.hist[i].metric[f0->metric]);
    }
    fputs("], \"has_peaked\": ", f);
    rpt_json_str(f, peak_status_name(h->status));
    fprintf(f, ", \"criteria\": [%s, %s, %s, %s]", h->c[0] ? "true" : "false", h->c[1] ? "true" : "false",
            h->c[2] ? "true" : "false", h->c[3] ? "true" : "false");
    fprintf(f, ", \"peak_year\": %ld, \"latest_year\": %ld}", h->peak_year, h->latest_year);
}

/* The paths of scenario sr: drivers, the four metrics, the path without
 * measures, sectors with their peaks, energy by fuel, purchased and biogenic CO2. */
static void pj_paths(FILE *f, const prj_model *m, const prj_scen_result *sr)
{
    const prj_run *r = &sr->run;
    size_t ny = m->nyears;
    const prj_plan *p = &m->plans[sr->sc - m->f->scen];
    static const char *const builtin[3] = {"gdp_1e4_yuan", "population_persons", "coal_rate_gce_per_kwh"};
    fputs(",\n      \"years\": [", f);
    for (size_t t = 0; t < ny; t++)
        fprintf(f, "%s%ld", t ? ", " : "", m->base_year + (long)t);
    fputs("],\n      \"drivers\": {", f);
    for (size_t k = 0; k < p->ndrivers; k++) {
        pj_key(f, k < 3 ? builtin[k] : p->driver[k]->name, k == 0);
        pj_nums(f, &r->driver[k * ny], ny, 1);
    }
    fputs("},\n      \"metrics_t\": {", f);
    for (int k = 0; k < PRJ_NMETRICS; k++) {
        pj_key(f, prj_metric_name((prj_metric)k), k == 0);
        pj_nums(f, prj_metric_path(r, (prj_metric)k), ny, 1);
    }
    fputs("},\n      \"without_measures_t\": ", f);
    pj_nums(f, &r->metric[(size_t)m->f->metric * ny], ny, 1);
    fputs(",\n      \"sectors\": [", f);
    for (size_t i = 0; i < m->f->nsectors; i++) {
        fputs(i ? ",\n        {\"id\": " : "\n        {\"id\": ", f);
        rpt_json_str(f, m->f->sectors[i].id);
        fputs(", \"metric_t\": ", f);
        pj_nums(f, &sr->sector_metric[i * ny], ny, 1);
        fputs(", \"co2e_t\": ", f);
        pj_nums(f, &sr->sector_co2e[i], ny, m->f->nsectors);
        fputs(", \"peak\": ", f);
        pj_peak(f, &sr->sector_peak[i], &sr->years[m->in.nhist]);
        fputc('}', f);
    }
    fputs("],\n      \"energy_tj_by_fuel\": {", f);
    for (size_t k = 0; k < m->nfuels; k++) {
        pj_key(f, m->fuels[k], k == 0);
        pj_nums(f, &sr->fuel_tj[k], ny, m->nfuels);
    }
    fputs("},\n      \"purchased_co2_t\": {\"consumption\": ", f);
    pj_nums(f, sr->indirect_t, ny, 1);
    fputs(", \"net_import\": ", f);
    pj_nums(f, &sr->indirect_t[ny], ny, 1);
    fputs("},\n      \"biogenic_co2_t\": ", f);
    pj_nums(f, sr->memo_t, ny, 1);
    fputs(",\n      \"electricity_added_tj\": ", f);
    pj_nums(f, r->elec_tj, ny, 1);
}

/* Each measure: its wedge, what it removed, and the scenario without it. */
static void pj_measures(FILE *f, const prj_model *m, const prj_scen_result *sr)
{
    const prj_run *r = &sr->run;
    size_t ny = m->nyears, k = sr->sc->nmeasures, met = (size_t)m->f->metric;
    fputs(",\n      \"measures\": [", f);
    for (size_t j = 0; j < k; j++) {
        const prj_measure *me = sr->sc->measures[j];
        fputs(j ? ",\n        {\"id\": " : "\n        {\"id\": ", f);
        rpt_json_str(f, me->id);
        fputs(", \"type\": ", f);
        rpt_json_str(f, prj_mtype_name(me->type));
        fputs(", \"title\": ", f);
        rpt_json_str(f, me->title);
        fputs(", \"wedge_t\": [", f);
        for (size_t t = 0; t < ny; t++) {
            fputs(t ? ", " : "", f);
            rpt_json_num(f, r->metric[(j * PRJ_NMETRICS + met) * ny + t] - r->metric[((j + 1) * PRJ_NMETRICS + met) * ny + t]);
        }
        fputs("], \"removed\": ", f);
        pj_nums(f, &r->removed[j * ny], ny, 1);
        fputs(",\n         \"left_out\": {\"peak\": ", f);
        pj_peak(f, &sr->effect[j].peak, &sr->years[m->in.nhist]);
        rpt_json_kv(f, "cumulative_t", sr->effect[j].cumulative, false);
        fputs(", \"targets\": {", f);
        for (size_t i = 0; sr->ind && i < sr->ind->ntargets; i++) {
            pj_key(f, sr->ind->targets[i].t->id, i == 0);
            rpt_json_str(f, int_status_name(sr->effect[j].status[i]));
        }
        fputs("}}}", f);
    }
    fputc(']', f);
}

/* The LMDI decompositions: totals of each effect and by sector. */
static void pj_lmdi(FILE *f, const prj_model *m, const prj_scen_result *sr)
{
    bool first = true;
    fputs(",\n      \"lmdi\": [", f);
    for (int d = 0; d < 2; d++) {
        const prj_lmdi *l = &sr->lmdi[d];
        if (!l->ok)
            continue;
        fprintf(f, "%s{\"from\": %ld, \"to\": %ld, \"effects_t\": {", first ? "\n        " : ",\n        ", l->from, l->to);
        first = false;
        for (int k = 0; k < LMDI_NFACTORS; k++) {
            double v = 0;
            for (size_t i = 0; i < m->f->nsectors; i++)
                v += l->effects[i * LMDI_NFACTORS + (size_t)k];
            rpt_json_kv(f, lmdi_factor_name((lmdi_factor)k), v, k == 0);
        }
        fputc('}', f);
        rpt_json_kv(f, "rest_t", l->rest, false);
        fputs(", \"by_sector\": [", f);
        for (size_t i = 0; i < m->f->nsectors; i++) {
            fputs(i ? ", {\"id\": " : "{\"id\": ", f);
            rpt_json_str(f, m->f->sectors[i].id);
            rpt_json_kv(f, "change_t", l->change[i], false);
            for (int k = 0; k < LMDI_NFACTORS; k++)
                rpt_json_kv(f, lmdi_factor_name((lmdi_factor)k), l->effects[i * LMDI_NFACTORS + (size_t)k], false);
            fputc('}', f);
        }
        fputs("]}", f);
    }
    fputc(']', f);
}

/* The targets' statuses and the indicators over history and projection. */
static void pj_targets(FILE *f, const prj_model *m, const prj_scen_result *sr)
{
    const int_result *ir = sr->ind;
    if (!ir)
        return;
    ser_method meth = m->in.series->method;
    fputs(",\n      \"targets\": [", f);
    for (size_t k = 0; k < ir->ntargets; k++) {
        const int_target *t = &ir->targets[k];
        fputs(k ? ",\n        {\"id\": " : "\n        {\"id\": ", f);
        rpt_json_str(f, t->t->id);
        fputs(", \"indicator\": ", f);
        rpt_json_str(f, ser_indicator_name(t->t->indicator));
        fputs(", \"kind\": ", f);
        rpt_json_str(f, ser_target_kind_name(t->t->kind));
        fprintf(f, ", \"base_year\": %ld, \"target_year\": %ld, \"eval_year\": %ld", t->t->base_year, t->t->target_year,
                t->eval_year);
        rpt_json_kv(f, "value_pct", t->t->value_pct, false);
        rpt_json_kv(f, "base_value", t->base_value, false);
        rpt_json_kv(f, "latest_value", t->latest_value, false);
        rpt_json_kv(f, "level", t->level, false);
        rpt_json_kv(f, "reference", t->reference, false);
        rpt_json_kv(f, "margin", t->margin, false);
        fputs(", \"status\": ", f);
        rpt_json_str(f, int_status_name(t->status));
        fputc('}', f);
    }
    fputs("],\n      \"indicators\": {\"years\": [", f);
    for (size_t i = 0; i < ir->nyears; i++)
        fprintf(f, "%s%ld", i ? ", " : "", ir->years[i].year);
    fputc(']', f);
    for (int ind = 0; ind < SER_NIND; ind++) {
        if (ind == SER_IND_ELECTRICITY_SHARE)
            continue;
        fprintf(f, ", \"%s\": [", ser_indicator_name((ser_indicator)ind));
        for (size_t i = 0; i < ir->nyears; i++) {
            fputs(i ? ", " : "", f);
            rpt_json_num(f, int_indicator(&ir->years[i], (ser_indicator)ind, meth));
        }
        fputc(']', f);
    }
    fputc('}', f);
}

/* One scenario. */
static void pj_scenario(FILE *f, const prj_model *m, const prj_scen_result *sr, bool first)
{
    fputs(first ? "\n    {\"id\": " : ",\n    {\"id\": ", f);
    rpt_json_str(f, sr->sc->id);
    fputs(", \"title\": ", f);
    rpt_json_str(f, sr->sc->title);
    fputs(", \"inherits\": ", f);
    rpt_json_str(f, sr->sc->parent != PRJ_NONE ? m->f->scen[sr->sc->parent].id : NULL);
    fputs(",\n      \"peak\": ", f);
    pj_peak(f, &sr->peak, &sr->years[m->in.nhist]);
    fputs(",\n      \"peak_with_history\": ", f);
    pj_peak(f, &sr->peak_all, sr->years);
    pj_paths(f, m, sr);
    pj_measures(f, m, sr);
    pj_lmdi(f, m, sr);
    pj_targets(f, m, sr);
    fputs("}", f);
}

/* The Monte Carlo summary, or nothing. */
static void pj_mc(FILE *f, const prj_model *m, const prj_mc *mc)
{
    size_t ny = m->nyears;
    if (!mc)
        return;
    fprintf(f, ",\n    \"monte_carlo\": {\"iterations\": %zu, \"seed\": %llu, \"uncertain_numbers\": %zu, \"scenarios\": [",
            mc->iterations, (unsigned long long)mc->seed, mc->nuncertain);
    for (size_t s = 0; s < mc->nscen; s++) {
        fputs(s ? ",\n      {\"id\": " : "\n      {\"id\": ", f);
        rpt_json_str(f, m->f->scen[s].id);
        rpt_json_kv(f, "p_peak_by", mc->p_peak_by[s], false);
        fputs(", \"peak_value_pct_t\": {", f);
        for (int k = 0; k < PRJ_MC_NPCT; k++)
            rpt_json_kv(f, pj_pct[k], mc->peak_value_pct[s * PRJ_MC_NPCT + (size_t)k], k == 0);
        fputs("}, \"peak_year_pct\": {", f);
        for (int k = 0; k < PRJ_MC_NPCT; k++)
            rpt_json_kv(f, pj_pct[k], mc->peak_year_pct[s * PRJ_MC_NPCT + (size_t)k], k == 0);
        fputs("}, \"peak_year_counts\": {", f);
        for (size_t t = 0; t <= ny; t++) {
            if (t < ny)
                fprintf(f, "%s\"%ld\": ", t ? ", " : "", m->base_year + (long)t);
            else
                fputs(", \"not_by_horizon\": ", f);
            fprintf(f, "%zu", mc->peak_year_count[s * (ny + 1) + t]);
        }
        fputs("},\n       \"path_pct_t\": {", f);
        for (int k = 0; k < PRJ_MC_NPCT; k++) {
            pj_key(f, pj_pct[k], k == 0);
            pj_nums(f, &mc->path_pct[(s * PRJ_MC_NPCT + (size_t)k) * ny], ny, 1);
        }
        fputs("}, \"path_mean_t\": ", f);
        pj_nums(f, &mc->path_mean[s * ny], ny, 1);
        fputc('}', f);
    }
    fputs("]}", f);
}

int rpt_projection_json(const prj_report *p, const char *path, const rpt_meta *meta, char *err, size_t errlen)
{
    const prj_result *r = p->r;
    const prj_model *m = r->m;
    FILE *f = rpt_fopen(path, err, errlen);
    if (!f)
        return -1;
    rpt_json_head(f, meta);
    rpt_json_subject(f, "projection", m->f->id, m->f->title, m->f->region);
    pj_settings(f, r);
    fputs(",\n    \"scenarios\": [", f);
    for (size_t s = 0; s < r->nscen; s++)
        pj_scenario(f, m, &r->scen[s], s == 0);
    fputs("]", f);
    pj_mc(f, m, p->mc);
    fputs("},\n", f);
    rpt_json_inputs(f, meta);
    return rpt_fclose(f, path, err, errlen);
}
