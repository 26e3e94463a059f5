/* intensity_csv.c - the intensity command's machine outputs: indicators per year as CSV, and everything as JSON. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "intensity_report.h"
#include "rpt_out.h"

/* The CSV columns, in order; names carry their units. */
static const char *const ic_cols[] = {
    "year",
    "gdp_real_1e4_yuan",
    "population_persons",
    "co2_t",
    "co2e_t",
    "coal_tce",
    "other_fossil_tce",
    "heat_tce",
    "primary_electricity_tce_calorific",
    "net_import_electricity_tce_calorific",
    "energy_tce_calorific",
    "primary_electricity_tce_coal_rate",
    "net_import_electricity_tce_coal_rate",
    "energy_tce_coal_rate",
    "co2_t_per_1e4_yuan",
    "co2e_t_per_1e4_yuan",
    "energy_tce_per_1e4_yuan_calorific",
    "energy_tce_per_1e4_yuan_coal_rate",
    "co2_t_per_person",
    "co2e_t_per_person",
    "energy_tce_per_person_calorific",
    "energy_tce_per_person_coal_rate",
    "coal_share_calorific",
    "coal_share_coal_rate",
    "non_fossil_share_calorific",
    "non_fossil_share_coal_rate",
    "electricity_share_final",
    "coal_rate_gce_per_kwh",
    "estimate",
};
#define IC_NCOLS (sizeof ic_cols / sizeof *ic_cols)

/* The values of one CSV row, in ic_cols order. */
static void ic_values(const int_year *y, double v[IC_NCOLS])
{
    const double *cal = y->mix_tce[SER_CALORIFIC], *rate = y->mix_tce[SER_COAL_RATE];
    const double row[] = {
        (double)y->year,
        y->gdp_real_1e4_yuan,
        y->population_persons,
        y->co2_t,
        y->co2e_t,
        cal[INT_MIX_COAL],
        cal[INT_MIX_OTHER_FOSSIL],
        cal[INT_MIX_HEAT],
        cal[INT_MIX_PRIMARY_ELEC],
        cal[INT_MIX_NET_IMPORT_ELEC],
        y->energy_tce[SER_CALORIFIC],
        rate[INT_MIX_PRIMARY_ELEC],
        rate[INT_MIX_NET_IMPORT_ELEC],
        y->energy_tce[SER_COAL_RATE],
        y->co2_per_gdp,
        y->co2e_per_gdp,
        y->energy_per_gdp[SER_CALORIFIC],
        y->energy_per_gdp[SER_COAL_RATE],
        y->co2_per_capita,
        y->co2e_per_capita,
        y->energy_per_capita[SER_CALORIFIC],
        y->energy_per_capita[SER_COAL_RATE],
        y->coal_share[SER_CALORIFIC],
        y->coal_share[SER_COAL_RATE],
        y->non_fossil_share[SER_CALORIFIC],
        y->non_fossil_share[SER_COAL_RATE],
        y->electricity_share,
        y->coal_rate_gce_kwh,
        y->estimate ? 1 : 0, /* 1: a plan estimate, not statistics */
    };
    _Static_assert(sizeof row / sizeof *row == IC_NCOLS, "one value per CSV column");
    memcpy(v, row, sizeof row);
}

/* Writes the CSV; see intensity_report.h. */
int rpt_intensity_csv(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    FILE *f = rpt_csv_fopen(path, m, err, errlen);
    if (!f)
        return -1;
    for (size_t c = 0; c < IC_NCOLS; c++)
        rpt_csv_field(f, ic_cols[c], c + 1 == IC_NCOLS);
    for (size_t i = 0; i < r->nyears; i++) {
        double v[IC_NCOLS];
        ic_values(&r->years[i], v);
        for (size_t c = 0; c < IC_NCOLS; c++)
            rpt_csv_num(f, v[c], c + 1 == IC_NCOLS);
    }
    return rpt_fclose(f, path, err, errlen);
}

/* ---------------------------------------------------------------- JSON */

/* Writes `"key": {"calorific": a, "coal_rate": b}`. */
static void ij_methods(FILE *f, const char *key, const double v[SER_NMETHODS])
{
    fprintf(f, ", \"%s\": {", key);
    for (int m = 0; m < SER_NMETHODS; m++)
        rpt_json_kv(f, ser_method_name((ser_method)m), v[m], m == 0);
    fputc('}', f);
}

/* Writes the tool, the series and its settings. */
static void ij_head(FILE *f, const int_result *r, const rpt_meta *m)
{
    const ser_series *s = r->s;
    rpt_json_head(f, m);
    rpt_json_subject(f, "series", s->id, s->title, s->region);
    fprintf(f, ", \"base_year\": %ld, \"price_base\": %ld},\n  \"electricity_method\": ", s->base_year, s->price_base);
    rpt_json_str(f, ser_method_name(s->method));
    fputs(",\n  \"sce_factor_sets\": ", f);
    rpt_json_set_ids(f, s->order, s->norder);
    fputs(",\n  \"consistency\": ", f);
    rpt_json_str(f, r->consistency[0] ? r->consistency : NULL);
    fputs(",\n", f);
}

/* Writes the energy mix of one year by method and group. */
static void ij_mix(FILE *f, const int_year *y)
{
    fputs(", \"mix_tce\": {", f);
    for (int m = 0; m < SER_NMETHODS; m++) {
        fprintf(f, "%s\"%s\": {", m ? ", " : "", ser_method_name((ser_method)m));
        for (int g = 0; g < INT_NMIX; g++)
            rpt_json_kv(f, int_mix_name((int_mix)g), y->mix_tce[m][g], g == 0);
        fputc('}', f);
    }
    fputc('}', f);
}

/* Writes one year: inputs, indicators, mix and sectors. */
static void ij_year(FILE *f, const int_result *r, size_t i)
{
    const int_year *y = &r->years[i];
    fprintf(f, "%s    {\"year\": %ld, \"estimate\": %s", i ? ",\n" : "\n", y->year, y->estimate ? "true" : "false");
    rpt_json_kv(f, "gdp_real_1e4_yuan", y->gdp_real_1e4_yuan, false);
    rpt_json_kv(f, "population_persons", y->population_persons, false);
    rpt_json_kv(f, "co2_t", y->co2_t, false);
    rpt_json_kv(f, "co2e_t", y->co2e_t, false);
    rpt_json_kv(f, "coal_rate_gce_per_kwh", y->coal_rate_gce_kwh, false);
    ij_methods(f, "energy_tce", y->energy_tce);
    ij_mix(f, y);
    rpt_json_kv(f, "co2_t_per_1e4_yuan", y->co2_per_gdp, false);
    rpt_json_kv(f, "co2e_t_per_1e4_yuan", y->co2e_per_gdp, false);
    ij_methods(f, "energy_tce_per_1e4_yuan", y->energy_per_gdp);
    rpt_json_kv(f, "co2_t_per_person", y->co2_per_capita, false);
    rpt_json_kv(f, "co2e_t_per_person", y->co2e_per_capita, false);
    ij_methods(f, "energy_tce_per_person", y->energy_per_capita);
    ij_methods(f, "coal_share", y->coal_share);
    ij_methods(f, "non_fossil_share", y->non_fossil_share);
    rpt_json_kv(f, "electricity_share_final", y->electricity_share, false);
    fputs(", \"sectors_t_co2e\": {", f);
    for (size_t j = 0; j < r->nsectors; j++) {
        fputs(j ? ", " : "", f);
        rpt_json_str(f, r->sectors[j].code);
        fputs(": ", f);
        rpt_json_num(f, r->sector_t_co2e[i * r->nsectors + j]);
    }
    fputs("}}", f);
}

/* Writes the texts of one target. */
static void ij_target_ident(FILE *f, const int_target *tr)
{
    const ser_target *t = tr->t;
    fputs("{\"id\": ", f);
    rpt_json_str(f, t->id);
    fputs(", \"title\": ", f);
    rpt_json_str(f, t->title);
    fputs(", \"indicator\": ", f);
    rpt_json_str(f, ser_indicator_name(t->indicator));
    fputs(", \"kind\": ", f);
    rpt_json_str(f, ser_target_kind_name(t->kind));
    fprintf(f, ", \"base_year\": %ld, \"target_year\": %ld", t->base_year, t->target_year);
    rpt_json_kv(f, "value_pct", t->value_pct, false);
    fprintf(f, ", \"illustrative\": %s, \"source\": ", t->illustrative ? "true" : "false");
    rpt_json_str(f, t->source);
    fputs(", \"note\": ", f);
    rpt_json_str(f, t->note);
}

/* Writes one target with where it stands. */
static void ij_target(FILE *f, const int_target *tr, bool first)
{
    fputs(first ? "\n      " : ",\n      ", f);
    ij_target_ident(f, tr);
    fprintf(f, ", \"evaluation_year\": %ld, \"final\": %s", tr->eval_year, tr->final ? "true" : "false");
    rpt_json_kv(f, "base_value", tr->base_value, false);
    rpt_json_kv(f, "latest_value", tr->latest_value, false);
    rpt_json_kv(f, "change", tr->change, false);
    rpt_json_kv(f, "avg_annual_rate", tr->avg_rate, false);
    rpt_json_kv(f, "target_level", tr->level, false);
    rpt_json_kv(f, "reference", tr->reference, false);
    rpt_json_kv(f, "required_annual_rate", tr->required_rate, false);
    rpt_json_kv(f, "margin", tr->margin, false);
    rpt_json_kv(f, "margin_rel", tr->margin_rel, false);
    fputs(", \"status\": ", f);
    rpt_json_str(f, int_status_text(tr->status, tr->estimate));
    fprintf(f, ", \"estimate\": %s}", tr->estimate ? "true" : "false");
}

/* Writes the targets block and the count per status. */
static void ij_targets(FILE *f, const int_result *r)
{
    fputs("  \"targets\": {\"id\": ", f);
    rpt_json_str(f, r->s->targets_id);
    fputs(", \"title\": ", f);
    rpt_json_str(f, r->s->targets_title);
    fputs(", \"source\": ", f);
    rpt_json_str(f, r->s->targets_source);
    fputs(", \"items\": [", f);
    for (size_t k = 0; k < r->ntargets; k++)
        ij_target(f, &r->targets[k], k == 0);
    fputs(r->ntargets ? "\n    ]},\n" : "]},\n", f);
    fputs("  \"status_counts\": {", f);
    for (int st = 0; st < INT_NSTATUS; st++)
        fprintf(f, "%s\"%s\": %zu", st ? ", " : "", int_status_name((int_status)st), r->count[st]);
    fprintf(f, ", \"expected\": %zu},\n", r->nestimate);
}

/* Writes the JSON; see intensity_report.h. */
int rpt_intensity_json(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    FILE *f = rpt_fopen(path, err, errlen);
    if (!f)
        return -1;
    ij_head(f, r, m);
    fputs("  \"years\": [", f);
    for (size_t i = 0; i < r->nyears; i++)
        ij_year(f, r, i);
    fputs(r->nyears ? "\n  ],\n" : "],\n", f);
    ij_targets(f, r);
    rpt_json_inputs(f, m);
    return rpt_fclose(f, path, err, errlen);
}
