/* projection_csv.c - the project command's CSV: one row per scenario, year and sector, then a total row per year. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "projection_report.h"
#include "rpt_out.h"

/* The columns after the gases' (each the total rows' only, empty on sector rows). */
static const char *const pc_totals[] = {
    "co2_energy_t",      "co2_t",           "co2e_t", "co2e_net_t", "purchased_co2_consumption_t",
    "purchased_co2_net_import_t", "biogenic_co2_t", "electricity_added_tj", "gdp_1e4_yuan", "population_persons",
};
#define PC_NTOTALS (sizeof pc_totals / sizeof *pc_totals)

/* The gases that occur in the lines, as a bit mask. */
static unsigned pc_gases(const prj_model *m)
{
    unsigned used = 0;
    for (size_t li = 0; li < m->nlines; li++)
        used |= m->lines[li].gases & ~m->lines[li].memo;
    return used | (1u << GAS_CO2);
}

/* The header: scenario, year, kind, sector, t_<gas>..., t_co2e,
 * peak_metric_t, the totals, then energy_tj_<fuel>. */
static void pc_header(FILE *f, const prj_model *m, unsigned gases)
{
    char buf[96];
    rpt_csv_field(f, "scenario", false);
    rpt_csv_field(f, "year", false);
    rpt_csv_field(f, "kind", false);
    rpt_csv_field(f, "sector", false);
    for (int g = 0; g < GAS_COUNT; g++)
        if (gases & (1u << g)) {
            snprintf(buf, sizeof buf, "gas_%s_t", gas_param((gas_id)g));
            rpt_csv_field(f, buf, false);
        }
    rpt_csv_field(f, "co2e_t_sector", false);
    rpt_csv_field(f, "peak_metric_t", false);
    for (size_t i = 0; i < PC_NTOTALS; i++)
        rpt_csv_field(f, pc_totals[i], false);
    for (size_t k = 0; k < m->nfuels; k++) {
        snprintf(buf, sizeof buf, "energy_tj_%s", m->fuels[k]);
        rpt_csv_field(f, buf, false);
    }
    rpt_csv_field(f, "note", true);
}

/* `n` empty fields. */
static void pc_empty(FILE *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rpt_csv_field(f, NULL, false);
}

/* The history rows: one per year before the base year, its four metrics. */
static void pc_history(FILE *f, const prj_model *m, unsigned gases)
{
    size_t ng = (size_t)__builtin_popcount(gases);
    for (size_t i = 0; i < m->in.nhist; i++) {
        const prj_hist *h = &m->in.hist[i];
        char y[16];
        snprintf(y, sizeof y, "%ld", h->year);
        rpt_csv_field(f, "", false);
        rpt_csv_field(f, y, false);
        rpt_csv_field(f, "history", false);
        rpt_csv_field(f, "total", false);
        pc_empty(f, ng + 1);
        rpt_csv_num(f, h->metric[m->f->metric], false);
        for (int k = 0; k < PRJ_NMETRICS; k++)
            rpt_csv_num(f, h->metric[k], false);
        pc_empty(f, PC_NTOTALS - PRJ_NMETRICS + m->nfuels);
        rpt_csv_field(f, h->inv.path, true);
    }
}

/* Scenario sr's rows of year index t: one per sector, then the total. */
static void pc_year(FILE *f, const prj_model *m, const prj_scen_result *sr, size_t t, unsigned gases)
{
    size_t ns = m->f->nsectors, ny = m->nyears;
    const prj_run *r = &sr->run;
    char y[16];
    double gas_total[GAS_COUNT] = {0}, co2e_total = 0;
    snprintf(y, sizeof y, "%ld", m->base_year + (long)t);
    for (size_t i = 0; i <= ns; i++) {
        rpt_csv_field(f, sr->sc->id, false);
        rpt_csv_field(f, y, false);
        rpt_csv_field(f, "projection", false);
        rpt_csv_field(f, i < ns ? m->f->sectors[i].id : "total", false);
        for (int g = 0; g < GAS_COUNT; g++) {
            if (!(gases & (1u << g)))
                continue;
            double v = i < ns ? sr->sector_t[(t * ns + i) * GAS_COUNT + (size_t)g] : gas_total[g];
            gas_total[g] += i < ns ? v : 0;
            rpt_csv_num(f, v, false);
        }
        double co2e = i < ns ? sr->sector_co2e[t * ns + i] : co2e_total;
        co2e_total += i < ns ? co2e : 0;
        rpt_csv_num(f, co2e, false);
        rpt_csv_num(f, i < ns ? sr->sector_metric[i * ny + t] : prj_metric_path(r, m->f->metric)[t], false);
        if (i < ns) {
            pc_empty(f, PC_NTOTALS + m->nfuels);
            rpt_csv_field(f, NULL, true);
            continue;
        }
        for (int k = 0; k < PRJ_NMETRICS; k++)
            rpt_csv_num(f, prj_metric_path(r, (prj_metric)k)[t], false);
        rpt_csv_num(f, sr->indirect_t[t], false);
        rpt_csv_num(f, sr->indirect_t[ny + t], false);
        rpt_csv_num(f, sr->memo_t[t], false);
        rpt_csv_num(f, r->elec_tj[t], false);
        rpt_csv_num(f, r->driver[0 * ny + t], false);
        rpt_csv_num(f, r->driver[1 * ny + t], false);
        for (size_t k = 0; k < m->nfuels; k++)
            rpt_csv_num(f, sr->fuel_tj[t * m->nfuels + k], false);
        rpt_csv_field(f, NULL, true);
    }
}

int rpt_projection_csv(const prj_report *p, const char *path, const rpt_meta *meta, char *err, size_t errlen)
{
    const prj_result *r = p->r;
    const prj_model *m = r->m;
    FILE *f = rpt_csv_fopen(path, meta, err, errlen);
    if (!f)
        return -1;
    unsigned gases = pc_gases(m);
    pc_header(f, m, gases);
    pc_history(f, m, gases);
    for (size_t s = 0; s < r->nscen; s++)
        for (size_t t = 0; t < m->nyears; t++)
            pc_year(f, m, &r->scen[s], t, gases);
    return rpt_fclose(f, path, err, errlen);
}
