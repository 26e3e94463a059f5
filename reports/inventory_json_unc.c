/* inventory_json_unc.c - the inventory JSON's "uncertainty" object: Approach 1, key categories, Monte Carlo. */
#include "inventory_json_unc.h"

#include <math.h>
#include <string.h>

#include "rpt_out.h"

/* Writes the key of a row or item: "category", "key" (or null), "gas". */
static void ju_key(FILE *f, const char *category, const char *key, gas_id gas)
{
    fputs("{\"category\": ", f);
    rpt_json_str(f, category);
    fputs(", \"key\": ", f);
    rpt_json_str(f, key);
    fputs(", \"gas\": ", f);
    rpt_json_str(f, gas_name(gas));
}

/* Writes the origins of a row's uncertainty as a list of names. */
static void ju_origins(FILE *f, unsigned origins)
{
    fputs(", \"origins\": [", f);
    bool first = true;
    for (int o = 0; o < UNC_FROM_COUNT; o++)
        if (origins & (1u << o)) {
            fputs(first ? "" : ", ", f);
            rpt_json_str(f, unc_origin_name((unc_origin)o));
            first = false;
        }
    fputc(']', f);
}

/* Writes the Approach 1 table: its total and every row (columns C..Q). */
static void ju_approach1(FILE *f, const unc_a1 *a)
{
    const unc_total *t = &a->total;
    fputs("    \"approach1\": {", f);
    rpt_json_kv(f, "t_co2e", t->t_co2e, true);
    rpt_json_kv(f, "base_t_co2e", t->has_base ? t->base_t_co2e : NAN, false);
    rpt_json_kv(f, "total_pct", t->total_pct, false);
    rpt_json_kv(f, "total_lower_pct", t->total_lower_pct, false);
    rpt_json_kv(f, "total_upper_pct", t->total_upper_pct, false);
    rpt_json_kv(f, "total_pct_shared", t->total_pct_shared, false);
    rpt_json_kv(f, "trend_pct", t->trend_pct, false);
    rpt_json_kv(f, "trend_unc_pct", t->trend_unc_pct, false);
    fputs(", \"rows\": [", f);
    for (size_t i = 0; i < a->nrows; i++) {
        const unc_row *r = &a->rows[i];
        fputs(i ? ",\n      " : "\n      ", f);
        ju_key(f, r->key.category, r->key.key, r->key.gas);
        rpt_json_kv(f, "base_t_co2e", t->has_base ? r->base_t_co2e : NAN, false);
        rpt_json_kv(f, "t_co2e", r->t_co2e, false);
        rpt_json_kv(f, "ad_pct", r->ad_pct, false);
        rpt_json_kv(f, "ef_pct", r->ef_pct, false);
        rpt_json_kv(f, "combined_pct", r->combined_pct, false);
        rpt_json_kv(f, "var_contrib", r->var_contrib, false);
        if (t->has_base) {
            rpt_json_kv(f, "type_a", r->type_a, false);
            rpt_json_kv(f, "type_b", r->type_b, false);
            rpt_json_kv(f, "trend_ef_pct", r->trend_ef_pct, false);
            rpt_json_kv(f, "trend_ad_pct", r->trend_ad_pct, false);
            rpt_json_kv(f, "trend_var", r->trend_var, false);
        }
        rpt_json_kv(f, "lower_pct", r->lower_pct, false);
        rpt_json_kv(f, "upper_pct", r->upper_pct, false);
        ju_origins(f, r->origins);
        fputc('}', f);
    }
    fputs(a->nrows ? "\n    ]},\n" : "]},\n", f);
}

/* Writes the key category assessments that were run. */
static void ju_keycat(FILE *f, const unc_analysis *a)
{
    fputs("    \"key_categories\": [", f);
    bool first = true;
    for (int k = 0; k < KC_KINDS; k++)
        for (int w = 1; w >= 0; w--) {
            if (!a->ran[k][w])
                continue;
            const kc_table *t = &a->kc[k][w];
            fputs(first ? "\n      {\"assessment\": " : ",\n      {\"assessment\": ", f);
            first = false;
            rpt_json_str(f, k == KC_LEVEL || k == KC_LEVEL2 ? "level" : "trend");
            fprintf(f, ", \"approach\": %d, \"with_lulucf\": %s", k >= KC_LEVEL2 ? 2 : 1, w ? "true" : "false");
            rpt_json_kv(f, "threshold", t->threshold, false);
            fputs(", \"lines\": [", f);
            for (size_t i = 0; i < t->n; i++) {
                const kc_line *l = &t->lines[i];
                const kc_item *x = &a->items[l->item];
                fputs(i ? ",\n        " : "\n        ", f);
                ju_key(f, x->category, x->key, x->gas);
                rpt_json_kv(f, "value", l->value, false);
                rpt_json_kv(f, "share", l->share, false);
                rpt_json_kv(f, "cumulative", l->cumulative, false);
                fprintf(f, ", \"key\": %s}", l->key ? "true" : "false");
            }
            fputs(t->n ? "\n      ]}" : "]}", f);
        }
    fputs(first ? "]" : "\n    ]", f);
}

/* Writes `"name": {mean, sd, median, p025, p975}` after ", ". */
static void ju_stats(FILE *f, const char *name, const umc_stats *s)
{
    fprintf(f, ", \"%s\": {", name);
    rpt_json_kv(f, "mean", s->mean, true);
    rpt_json_kv(f, "sd", s->sd, false);
    rpt_json_kv(f, "median", s->median, false);
    rpt_json_kv(f, "p025", s->p025, false);
    rpt_json_kv(f, "p975", s->p975, false);
    fputc('}', f);
}

/* Writes the Monte Carlo run: its settings, the total, the rows, each
 * stream's contribution to the variance and the histogram. */
static void ju_mc(FILE *f, const unc_analysis *a)
{
    const umc_result *m = &a->mc;
    const unc_input *in;
    const unc_row_key *keys;
    unc_model_inputs(a->model, &in);
    unc_model_rows(a->model, &keys);
    fprintf(f, ",\n    \"monte_carlo\": {\"seed\": %llu, \"iterations\": %llu, \"rounds\": %u, "
            "\"converged\": %s", (unsigned long long)m->seed, (unsigned long long)m->iterations, m->rounds,
            m->converged ? "true" : "false");
    rpt_json_kv(f, "stop_pct", m->stop_pct > 0 ? m->stop_pct : NAN, false);
    ju_stats(f, "total_t_co2e", &m->total);
    if (m->has_base) {
        ju_stats(f, "base_total_t_co2e", &m->base_total);
        ju_stats(f, "trend_pct", &m->trend_pct);
    }
    fputs(", \"rows\": [", f);
    for (size_t i = 0; i < m->nrows; i++) {
        fputs(i ? ",\n      " : "\n      ", f);
        ju_key(f, keys[i].category, keys[i].key, keys[i].gas);
        ju_stats(f, "t_co2e", &m->rows[i]);
        fputc('}', f);
    }
    fputs("],\n      \"contributions\": [", f);
    for (size_t i = 0; i < m->ncontrib; i++) {
        char what[512];
        ua_input_text(a, &in[m->contrib[i].input], what, sizeof what);
        fputs(i ? ",\n      {\"input\": " : "\n      {\"input\": ", f);
        rpt_json_str(f, what);
        fputs(", \"role\": ", f);
        rpt_json_str(f, unc_role_name(in[m->contrib[i].input].role));
        rpt_json_kv(f, "correlation", m->contrib[i].corr, false);
        rpt_json_kv(f, "share", m->contrib[i].share, false);
        fputc('}', f);
    }
    fputs("],\n      \"histogram\": {", f);
    rpt_json_kv(f, "lo_t_co2e", m->hist_lo, true);
    rpt_json_kv(f, "width_t_co2e", m->hist_width, false);
    fputs(", \"counts\": [", f);
    for (unsigned b = 0; b < m->bins; b++)
        fprintf(f, "%s%llu", b ? ", " : "", (unsigned long long)m->hist[b]);
    fputs("]}}", f);
}

void js_uncertainty(FILE *f, const unc_analysis *a, const char *base_path)
{
    fputs("  \"uncertainty\": {\"base_inventory\": ", f);
    rpt_json_str(f, base_path);
    fputs(", \"base_year\": ", f);
    if (a->base)
        fprintf(f, "%ld", eng_inventory(a->base)->year);
    else
        fputs("null", f);
    fputs(",\n", f);
    ju_approach1(f, &a->a1);
    ju_keycat(f, a);
    if (a->has_mc)
        ju_mc(f, a);
    fputs("},\n", f);
}
