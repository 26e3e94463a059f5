/* test_audit.c - every verification rule of rules/verification-default.yaml on a report it fires on and one it does not
 * (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "audit.h"
#include "audit_fixture.h"
#include "test_helpers.h"

#define REL 1e-9

/* ------------------------------------------------------------------ templates
 * POWER: one 500 MW coal unit, twelve equal months (hand arithmetic):
 *   a month: 100,000 t x 0.5240 tC/t x 44/12 x 0.99 = 190,212.00 t CO2
 *   the year: 12 x 190,212.00 = 2,282,544.00 t CO2; 1,200,000 t; 1,200,000 x 20.000 = 24,000,000 GJ
 *   D = 0.5240 / 20.000 = 0.02620 tC/GJ (bituminous reference 26.18 tC/TJ: +0.08 %)
 *   generation 500 MW x 7000 h x 76 % = 2,660,000 MWh; x 3.6 / 24,000,000 GJ = 0.399 (< 0.46)
 *   intensity 2,282,544 / 2,660,000 = 0.85810 t CO2/MWh (band 0.74-1.14); utilisation 2,660,000 / 500 = 5320 h
 *   dry ash-free carbon 0.5240 / (1 - 10 % - 20 %) = 0.74857 (bituminous 0.74-0.92)
 *   2022: 2,200,000 t CO2 (+3.75 %), 2,600,000 MWh: 0.84615 -> 0.85810 t CO2/MWh (+1.41 %) */
static const char power_tmpl[] =
    "report: t-power\n"
    "enterprise: {name: \"Test Power\", credit_code: \"{{CODE}}\", industry: {{INDUSTRY}}}\n"
    "year: 2023\n"
    "factor_sets: [{{SETS}}]\n"
    "units:\n"
    "  - id: \"1#\"\n"
    "    class: {{CLASS}}\n"
    "    product: {{PRODUCT}}\n"
    "    capacity: {{CAP}}\n"
    "    generation: {{GEN}}\n"
    "    running_hours: {{HOURS}}\n"
    "    load_factor: {{LF}}\n"
    "    {{UNITX}}\n"
    "    emissions: {{Q}}\n"
    "    fuels:\n"
    "      - fuel: {{FUEL}}\n"
    "        unit: {{UNIT}}\n"
    "        state: as_fired\n"
    "        sample_state: {{SSTATE}}\n"
    "        ncv_basis: {{NCVB}}\n"
    "        carbon_basis: {{CB}}\n"
    "        oxidation: {{OX}}\n"
    "        {{FUELX}}\n"
    "        amount: {{AMT}}\n"
    "        ncv: {{NCVA}}\n"
    "        carbon: {{CA}}\n"
    "        carbon_per_heat: {{D}}\n"
    "        emissions: {{F}}\n"
    "        months:\n"
    "{{MONTHS}}"
    "production: {generation: {{PROD}}}\n"
    "totals: {combustion: {{COMB}}, emissions: {{TOTAL}}}\n"
    "previous: {year: 2022, emissions: {{PREVT}}, production: {generation: {{PREVG}}}}\n";

static const char power_month[] =
    "          - {month: {{M}}, amount: {{M_AMT}}, ncv: {{M_NCV}}, ncv_how: self_tested, {{M_CARB}}, "
    "moisture: {{M_MOIST}}, ash: {{M_ASH}}, sampled: 2023-{{MM}}-20, reported: {{M_REP}}}\n";

static const char power_base[] =
    "CODE=91220201MA00000018\nINDUSTRY=power\nSETS=china-energy, ipcc2006-energy\nCLASS=coal_ge400\n"
    "PRODUCT=condensing\nCAP=500\nGEN=2660000\nHOURS=7000\nLF=76%\nUNITX=boiler: pulverised\nQ=2282544.00\n"
    "FUEL=bituminous_coal\nUNIT=t\nSSTATE=as_fired\nNCVB=as_received\nCB=as_received\nOX=99%\n"
    "FUELX=source: \"belt scale\"\nAMT=1200000\nNCVA=20.000\nCA=0.5240\nD=0.02620\nF=2282544.00\n"
    "M_AMT=100000\nM_NCV=20.000\nM_CARB=carbon: {{M_C}}, carbon_how: commissioned\nM_C=0.5240\nM_MOIST=10%\n"
    "M_ASH=20%\nM_REP=2023-{{MM}}-28\nPROD=2660000\nCOMB=2282544.00\nTOTAL=2282544.00\nPREVT=2200000\n"
    "PREVG=2600000\n";

/* GAS: the POWER template burning natural gas in a combined cycle:
 *   a month: 5,000 x 10^4 Nm3 x 5.600 tC/10^4 Nm3 x 44/12 x 0.99 = 101,640.00 t CO2; the year 1,219,680.00
 *   60,000 x 360.0 = 21,600,000 GJ; 600 MW x 6875 h x 80 % = 3,300,000 MWh (x 3.6 / 21.6e6 = 0.55)
 *   intensity 1,219,680 / 3,300,000 = 0.36960 t CO2/MWh (band 0.33-0.67) */
static const char gas_defaults[] =
    "CODE=91220201MA0000003E\nCLASS=ccpp\nCAP=600\nGEN=3300000\nHOURS=6875\nLF=80%\nQ=1219680.00\n"
    "FUEL=natural_gas\nUNIT=10^4 Nm3\nM_AMT=5000\nM_NCV=360.0\nM_C=5.600\nAMT=60000\nNCVA=360.0\nCA=5.600\n"
    "D=0.015556\nF=1219680.00\nCOMB=1219680.00\nTOTAL=1219680.00\nPROD=3300000\nPREVT=1200000\nPREVG=3250000\n"
    "M_MOIST=0%\nM_ASH=0%\n";

/* CEMENT: a kiln line (annual figures):
 *   coal 200,000 t x 22.500 GJ/t = 4,500,000 GJ x 0.02618 tC/GJ (china-energy default, carbon not measured)
 *     x 44/12 x 0.93 (china-energy's oxidation) = 401,732.10 t CO2
 *   clinker 1,500,000 t: CaO 65 %, MgO 2 %: 0.65 x 44.009/56.077 + 0.02 x 44.009/40.304 = 0.531956 t CO2/t
 *     -> 797,933.80 t CO2 (declared 0.5320: 798,000.00, -0.008 %)
 *   raw meal 2,300,000 t x 0.1 % x 44/12 = 8,433.33; electricity 100,000 MWh x 0.5306 (national 2023) = 53,060.00
 *   total 401,732.10 + 806,433.33 + 53,060.00 = 1,261,225.43; direct 1,208,165.43 / 1,500,000 = 0.80544 t/t */
static const char cement_tmpl[] =
    "report: t-cement\n"
    "enterprise: {name: \"Test Cement\", credit_code: \"91220201MA0000004H\", industry: cement}\n"
    "year: 2023\n"
    "factor_sets: [china-energy, ipcc2006-energy, ipcc2006-ippu, china-grid]\n"
    "units:\n"
    "  - id: kiln\n"
    "    emissions: 401732.10\n"
    "    fuels:\n"
    "      - {fuel: bituminous_coal, unit: t, amount: 200000, ncv: 22.500, ncv_how: self_tested, "
    "carbon_how: not_measured, emissions: 401732.10}\n"
    "process:\n"
    "  - {id: clinker, kind: {{KIND}}, unit: t, amount: 1500000, cao: 65%, mgo: 2%, ef: {{EF}}, emissions: {{EC}}}\n"
    "  - {id: raw-meal, kind: raw_meal, unit: t, amount: 2300000, toc: 0.1%, emissions: 8433.33}\n"
    "purchased:\n"
    "  - {kind: electricity, amount: 100000, unit: MWh, grid: national, factor: {{GF}}, emissions: {{EE}}}\n"
    "production: {clinker: {{CLK}}}\n"
    "totals: {combustion: 401732.10, process: {{PT}}, indirect: {{IT}}, emissions: {{TOTAL}}}\n";

static const char cement_defaults[] =
    "KIND=clinker\nEF=0.5320\nEC=798000.00\nGF=0.5306\nEE=53060.00\nCLK=1500000\nPT=806433.33\nIT=53060.00\n"
    "TOTAL=1261225.43\n";

/* STEEL (route bf_bof, enterprise level, CETS-AG-03 Eq. 1, no oxidation):
 *   coke, a month: 150,000 t x 28.435 GJ/t x 0.02942 tC/GJ (annex A.1 defaults) x 44/12 = 460,106.74 t CO2;
 *     the year 5,521,280.82
 *   limestone 1,000,000 t x 0.440 = 440,000.00; crude steel 4,000,000 t x 0.037 = 148,000.00 deducted
 *   total 5,521,280.82 + 440,000.00 - 148,000.00 = 5,813,280.82; per t of crude steel 1.4533 (band 1.40-2.60) */
static const char steel_tmpl[] =
    "report: t-steel\n"
    "enterprise: {name: \"Test Steel\", credit_code: \"91220201MA0000005L\", industry: steel, route: bf_bof}\n"
    "year: 2023\n"
    "factor_sets: [cn-steel-2024, china-energy, ipcc2006-energy]\n"
    "units:\n"
    "  - id: works\n"
    "    emissions: 5521280.82\n"
    "    fuels:\n"
    "      - fuel: coke\n"
    "        unit: t\n"
    "        oxidation: {{OX}}\n"
    "        amount: 1800000\n"
    "        carbon_per_heat: {{D}}\n"
    "        emissions: 5521280.82\n"
    "        months:\n"
    "{{MONTHS}}"
    "process:\n"
    "  - {id: limestone, kind: carbonate, material: limestone, unit: t, amount: 1000000, ef: 0.440, emissions: "
    "440000}\n"
    "  - {{STEELX}}\n"
    "production: {crude_steel: 4000000}\n"
    "totals: {combustion: 5521280.82, process: {{PT}}, emissions: {{TOTAL}}}\n";

static const char steel_month[] = "          - {month: {{M}}, amount: 150000, {{M_NCVX}}}\n";

static const char steel_defaults[] =
    "OX=100%\nD=0.02942\nM_NCVX=ncv_how: not_measured\nPT=292000.00\nTOTAL=5813280.82\n"
    "STEELX={id: crude-steel, kind: carbon_product, material: crude_steel, unit: t, amount: 4000000, ef: 0.037, "
    "emissions: 148000}\n";

/* AMMONIA (chemicals, natural-gas feedstock):
 *   feedstock 25,000 x 10^4 Nm3 x 5.8 tC/10^4 Nm3 x 44/12 = 531,666.67; urea CO2 180,000.00 deducted
 *   boiler gas 2,000 x 10^4 Nm3 x 5.8 x 44/12 x 0.99 = 42,108.00
 *   direct 42,108.00 + 351,666.67 = 393,774.67; per t of ammonia (250,000 t) 1.5751 (band 1.40-2.60) */
static const char ammonia_tmpl[] =
    "report: t-ammonia\n"
    "enterprise: {name: \"Test Chemicals\", credit_code: \"91220201MA0000006P\", industry: chemicals, route: gas}\n"
    "year: 2023\n"
    "factor_sets: [china-energy, ipcc2006-energy]\n"
    "units:\n"
    "  - id: boiler\n"
    "    emissions: 42108.00\n"
    "    fuels:\n"
    "      - {fuel: natural_gas, unit: 10^4 Nm3, amount: 2000, ncv: 380.0, ncv_how: supplier, carbon: 5.8, "
    "carbon_how: supplier, oxidation: 99%, emissions: 42108.00}\n"
    "process:\n"
    "  - {{FEED}}\n"
    "  - {id: urea, kind: co2_recovered, unit: t, amount: 180000, emissions: 180000}\n"
    "production: {ammonia: 250000}\n"
    "totals: {combustion: 42108.00, process: {{PT}}, emissions: {{TOTAL}}}\n";

static const char ammonia_defaults[] =
    "FEED={id: feed, kind: feedstock, material: natural_gas_feedstock, unit: 10^4 Nm3, amount: {{FA}}, ef: 5.8, "
    "ef_unit: tC/10^4 Nm3, emissions: 531666.67}\nFA=25000\nPT=351666.67\nTOTAL=393774.67\n";

typedef enum { T_POWER, T_GAS, T_CEMENT, T_STEEL, T_AMMONIA } tmpl_id;

/* The report text of template `t` with `over` (caller frees). */
static char *report_text(tmpl_id t, const char *over)
{
    switch (t) {
    case T_POWER:
        return af_fill(power_tmpl, power_month, power_base, NULL, over);
    case T_GAS:
        return af_fill(power_tmpl, power_month, power_base, gas_defaults, over);
    case T_CEMENT:
        return af_fill(cement_tmpl, "", "", cement_defaults, over);
    case T_STEEL:
        return af_fill(steel_tmpl, steel_month, "", steel_defaults, over);
    default:
        return af_fill(ammonia_tmpl, "", "", ammonia_defaults, over);
    }
}

/* The rules and factor sets every test shares. */
typedef struct {
    aud_rules *rules;
    fset_db *db;
    char *dir;
    diag_list *dl;
} suite;

static int suite_setup(void **state)
{
    suite *s = calloc(1, sizeof *s);
    s->dl = diag_new();
    s->rules = aud_rules_load("rules/verification-default.yaml", s->dl);
    s->db = fdb_new();
    s->dir = th_tmpdir();
    *state = s;
    return s->rules && diag_error_count(s->dl) == 0 && s->dir ? 0 : -1;
}

static int suite_teardown(void **state)
{
    suite *s = *state;
    aud_rules_free(s->rules);
    fdb_free(s->db);
    diag_free(s->dl);
    th_rmdir(s->dir);
    free(s->dir);
    free(s);
    return 0;
}

/* Writes `text` as a report and audits it; *path is the file (caller frees). */
static aud_enterprise *audit_text(const suite *s, const char *text, char **path)
{
    *path = th_write(s->dir, "report.yaml", text);
    const char *dirs[] = {"factors"};
    return aud_check(*path, s->rules, s->db, dirs, 1, NAN);
}

/* The first finding of `rule` in `e`, or NULL. */
static const aud_finding *finding_of(const aud_enterprise *e, const char *rule)
{
    for (size_t i = 0; i < e->nfind; i++)
        if (strcmp(e->find[i].rule_id, rule) == 0)
            return &e->find[i];
    return NULL;
}

/* Prints every finding (for a failing row). */
static void dump(const aud_enterprise *e)
{
    for (size_t i = 0; i < e->nfind; i++)
        print_message("    %u:%u [%s] %s\n", e->find[i].at.line, e->find[i].at.col, e->find[i].rule_id,
                      e->find[i].message);
}

#include "test_audit_cases.h"

/* Every row of rule_cases: the rule fires (with the declared and verified
 * values and the position the row expects) or does not. */
static void test_rules_table(void **state)
{
    const suite *s = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof rule_cases / sizeof *rule_cases; i++) {
        const rule_case *rc = &rule_cases[i];
        char *text = report_text(rc->tmpl, rc->over), *path;
        aud_enterprise *e = audit_text(s, text, &path);
        const aud_finding *f = finding_of(e, rc->rule);
        bool ok = e->readable && e->recomputed && (f != NULL) == rc->fires;
        if (ok && f && !isnan(rc->declared))
            ok = fabs(f->declared - rc->declared) <= 1e-6 * fmax(1, fabs(rc->declared));
        if (ok && f && !isnan(rc->verified))
            ok = fabs(f->verified - rc->verified) <= 1e-6 * fmax(1, fabs(rc->verified));
        unsigned col = 0, line = rc->at ? af_line_of(text, rc->at, &col) : 0;
        if (ok && f && rc->at)
            ok = f->at.line == line && f->at.col == col && strcmp(f->at.file, path) == 0;
        if (!ok) {
            print_error("row %zu (%s, %s): %s; got declared %.10g verified %.10g at %u:%u (want %u:%u)\n", i, rc->rule,
                        rc->fires ? "fires" : "does not fire", f ? "found" : "not found", f ? f->declared : NAN,
                        f ? f->verified : NAN, f ? f->at.line : 0, f ? f->at.col : 0, line, col);
            dump(e);
            failures++;
        }
        aud_enterprise_free(e);
        free(path);
        free(text);
    }
    assert_int_equal(failures, 0);
}

/* A clean report of each template gives no finding at warning level or
 * above, and its totals are recomputed as declared. */
static void test_clean_templates(void **state)
{
    const suite *s = *state;
    const struct {
        tmpl_id t;
        double total_t;
    } cases[] = {
        {T_POWER, 2282544.00},  /* 12 x 190,212.00 */
        {T_GAS, 1219680.00},    /* 12 x 101,640.00 */
        {T_CEMENT, 1261225.43}, /* 401,732.10 + 797,933.80 + 8,433.33 + 53,060.00 = 1,261,159.23 recomputed */
        {T_STEEL, 5813280.82},  /* 5,521,280.82 + 440,000 - 148,000 */
        {T_AMMONIA, 393774.67}, /* 42,108.00 + 531,666.67 - 180,000 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *text = report_text(cases[i].t, ""), *path;
        aud_enterprise *e = audit_text(s, text, &path);
        if (aud_count_at_least(e, AUD_WARNING) != 0) {
            dump(e);
            fail_msg("template %zu: %zu findings at warning level or above", i, aud_count_at_least(e, AUD_WARNING));
        }
        assert_true(e->recomputed);
        assert_close(e->declared_t, cases[i].total_t, REL);
        aud_enterprise_free(e);
        free(path);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_templates),
        cmocka_unit_test(test_rules_table),
    };
    return cmocka_run_group_tests(tests, suite_setup, suite_teardown);
}
