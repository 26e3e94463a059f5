/* inventory_json.c - totals by gas, sector and category with the run's metadata, as JSON for machines. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../calc/category.h"
#include "report.h"
#include "inventory_common.h"
#include "rpt_out.h"
#include "inventory_json_unc.h"

/* Writes {"CO2": t, "CH4": t, "N2O": t}. */
static void js_gases(FILE *f, const double t[GAS_COUNT])
{
    fputc('{', f);
    for (int g = 0; g < GAS_COUNT; g++) {
        if (g >= GAS_MAIN && t[g] == 0)
            continue; /* process gases only where some record emits them */
        fputs(g ? ", " : "", f);
        rpt_json_str(f, gas_name((gas_id)g));
        fputs(": ", f);
        rpt_json_num(f, t[g]);
    }
    fputc('}', f);
}

/* Writes the tool, inventory, GWP set and factor sets (search order). */
static void js_head(FILE *f, const eng_result *r, const rpt_meta *m)
{
    const inventory *inv = eng_inventory(r);
    eng_order o = eng_search_order(r);
    rpt_json_head(f, m);
    rpt_json_subject(f, "inventory", inv->id, inv->title, inv->region);
    fprintf(f, ", \"year\": %ld},\n  \"gwp_set\": ", inv->year);
    rpt_json_str(f, eng_gwp(r)->id);
    fputs(",\n  \"factor_sets\": ", f);
    rpt_json_set_ids(f, o.sets, o.n);
    fputs(",\n", f);
}

/* Writes the overall totals: CO2e (net, i.e. with LULUCF), CO2e without
 * LULUCF (3.B) and LULUCF's own net CO2e, by gas (t and t CO2e), memo,
 * energy. */
static void js_totals(FILE *f, const eng_result *r)
{
    eng_cat_total all = eng_total_under(r, "");
    double co2e[GAS_COUNT];
    eng_gas_co2e(r, co2e);
    fputs("  \"totals\": {\"t_co2e\": ", f);
    rpt_json_num(f, all.t_co2e);
    fputs(", \"t_co2e_without_lulucf\": ", f);
    rpt_json_num(f, eng_total_except(r, RPT_LULUCF).t_co2e);
    fputs(", \"lulucf_t_co2e\": ", f);
    rpt_json_num(f, eng_total_under(r, RPT_LULUCF).t_co2e);
    fputs(", \"by_gas_t\": ", f);
    js_gases(f, all.t);
    fputs(", \"by_gas_t_co2e\": ", f);
    js_gases(f, co2e);
    fputs(", \"memo_biogenic_co2_t\": ", f);
    rpt_json_num(f, all.memo_bio_co2_t);
    fputs(", \"energy_tj\": ", f);
    rpt_json_num(f, all.energy_tj);
    fprintf(f, ", \"records\": %zu},\n", all.records);
}

/* Writes the indirect emissions of purchased electricity and heat (scope 2),
 * outside the totals: consumption and the provincial net-import view. */
static void js_indirect(FILE *f, const eng_result *r)
{
    const eng_indirect_line *lines;
    size_t n = eng_indirect(r, &lines);
    fputs("  \"indirect\": {\"consumption_t_co2\": ", f);
    rpt_json_num(f, eng_indirect_total_t(r, false));
    fputs(", \"net_import_t_co2\": ", f);
    rpt_json_num(f, eng_indirect_total_t(r, true));
    fprintf(f, ", \"records\": %zu},\n", n);
}

/* Opens the object of category or sector `code` in a list (after ",\n"
 * unless `first`): its code and its names in English and Chinese. */
static void js_code(FILE *f, const char *code, bool first)
{
    fputs(first ? "\n    {\"code\": " : ",\n    {\"code\": ", f);
    rpt_json_str(f, code);
    fputs(", \"name\": ", f);
    rpt_json_str(f, cat_name(code, false));
    fputs(", \"name_zh\": ", f);
    rpt_json_str(f, cat_name(code, true));
}

/* Writes the sectors (rpt_sector_of(): 1.A.1 .. 1.A.5, then 2.A, 2.B, ...,
 * 4.D) with their CO2e. */
static void js_sectors(FILE *f, const eng_result *r)
{
    const eng_cat_total *cats;
    size_t n = eng_categories(r, &cats), i = 0, first;
    char code[64];
    fputs("  \"sectors\": [", f);
    for (bool any = false; rpt_sector_next(cats, n, &i, &first, code, sizeof code); any = true) {
        eng_cat_total t = tot_range(cats, first, i, code);
        js_code(f, code, !any);
        fputs(", \"t_co2e\": ", f);
        rpt_json_num(f, t.t_co2e);
        fputc('}', f);
    }
    fputs(n ? "\n  ],\n" : "],\n", f);
}

/* Writes every category present with its totals by gas. */
static void js_categories(FILE *f, const eng_result *r)
{
    const eng_cat_total *cats;
    size_t n = eng_categories(r, &cats);
    fputs("  \"categories\": [", f);
    for (size_t i = 0; i < n; i++) {
        const eng_cat_total *c = &cats[i];
        js_code(f, c->category, i == 0);
        fputs(", \"t\": ", f);
        js_gases(f, c->t);
        fputs(", \"t_co2e\": ", f);
        rpt_json_num(f, c->t_co2e);
        fputs(", \"memo_biogenic_co2_t\": ", f);
        rpt_json_num(f, c->memo_bio_co2_t);
        fputs(", \"energy_tj\": ", f);
        rpt_json_num(f, c->energy_tj);
        fprintf(f, ", \"records\": %zu}", c->records);
    }
    fputs(n ? "\n  ],\n" : "],\n", f);
}

/* Writes the JSON; see report.h. Names are given in English ("name") and
 * Chinese ("name_zh") whatever m->zh says. Returns 0, or -1 with err. */
int rpt_inventory_json(const rpt_inventory *inv, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    const eng_result *r = inv->r;
    FILE *f = rpt_fopen(path, err, errlen);
    if (!f)
        return -1;
    js_head(f, r, m);
    js_totals(f, r);
    js_indirect(f, r);
    js_sectors(f, r);
    js_categories(f, r);
    if (inv->unc)
        js_uncertainty(f, inv->unc, inv->base_path);
    rpt_json_inputs(f, m);
    return rpt_fclose(f, path, err, errlen);
}
