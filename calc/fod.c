/* fod.c - the first-order-decay model of Vol.5 Ch.3 (Eqs. 3.1-3.6) with its built-in IPCC 2006 defaults.
 *
 * Every default below is a value of /work/shared/reference/waste.csv (the
 * IPCC Emission Factor Database transcription of the 2006 Guidelines); the
 * comment beside it names that file's row. One exception: the sewage sludge
 * DOC (0.05, confidence B), which that file lacks; its comment names its source. The lead may move the table into
 * factors/ipcc2006-fod.yaml later; the sources travel with the values.
 * The module keeps no state between calls; all memory comes from the caller's
 * pool.
 */
#include "fod.h"

#include <math.h>
#include <string.h>

#include "nsum.h"

/* Molecular weight ratio CH4/C (Eq. 3.6): 16/12. */
#define FOD_CH4_PER_C (16.0 / 12.0)

/* Months from the start of the deposit year to the month that follows the
 * average deposit date (1 July): M = delay + 7 (IPCC Waste Model). */
#define FOD_MONTH_OFFSET 7.0

/* Longest run computed: far beyond any landfill's history, it only bounds
 * the memory a mistyped inventory year could ask for. */
#define FOD_MAX_YEARS 1000

/* ---- names ------------------------------------------------------------- */

static const char *const waste_names[FOD_NWASTE] = {
    "food", "garden", "paper", "wood", "textiles", "nappies", "rubber_leather", "bulk", "sludge", "industrial",
};

static const char *const waste_labels[FOD_NWASTE] = {
    "Food waste", "Garden and park waste", "Paper and cardboard", "Wood and straw", "Textiles",
    "Disposable nappies", "Rubber and leather", "Bulk MSW", "Sewage sludge", "Industrial waste",
};

static const char *const site_names[FOD_NSITE_TYPE] = {
    "managed_anaerobic", "managed_semi_aerobic", "unmanaged_deep", "unmanaged_shallow", "uncategorised",
};

/* IPCC 2006 Vol.5 Ch.3 Sec. 3.1 category split: managed sites 4.A.1,
 * unmanaged 4.A.2, uncategorised 4.A.3. */
static const char *const site_categories[FOD_NSITE_TYPE] = {"4.A.1", "4.A.1", "4.A.2", "4.A.2", "4.A.3"};

static const char *const climate_names[FOD_NCLIMATE] = {
    "none", "temperate_dry", "temperate_wet", "tropical_dry", "tropical_wet",
};

/* Returns name `i` of table `t` (n entries), or NULL out of range. */
static const char *fod_name(const char *const *t, size_t n, int i) { return i >= 0 && (size_t)i < n ? t[i] : NULL; }

const char *fod_waste_name(fod_waste w) { return fod_name(waste_names, FOD_NWASTE, (int)w); }
const char *fod_waste_label(fod_waste w) { return fod_name(waste_labels, FOD_NWASTE, (int)w); }
const char *fod_site_type_name(fod_site_type t) { return fod_name(site_names, FOD_NSITE_TYPE, (int)t); }
const char *fod_site_category(fod_site_type t) { return fod_name(site_categories, FOD_NSITE_TYPE, (int)t); }
const char *fod_climate_name(fod_climate c) { return fod_name(climate_names, FOD_NCLIMATE, (int)c); }

/* ---- default tables ---------------------------------------------------- */

/* A default with its reference; has = false where the table has no value. */
typedef struct {
    bool has;
    double value, lower, upper;
    const char *source;
} fod_default;

/* DOC, fraction of wet weight: IPCC 2006 Vol.5 Ch.2 Table 2.4 (default
 * column), as in waste.csv "DOC content (wet weight) - ..." rows. */
static const fod_default doc_defaults[FOD_NWASTE] = {
    /* waste.csv row "DOC content (wet weight) - Food waste": 15 % */
    [FOD_FOOD] = {true, 0.15, 0, 0, "IPCC 2006 Vol.5 Ch.2 Table 2.4, food waste, wet weight (EFDB 614624)"},
    /* waste.csv row "DOC content (wet weight) - Garden and park waste": 20 % */
    [FOD_GARDEN] = {true, 0.20, 0, 0,
                    "IPCC 2006 Vol.5 Ch.2 Table 2.4, garden and park waste, wet weight (EFDB 614626)"},
    /* waste.csv row "DOC content (wet weight) - Paper/cardboard": 40 % */
    [FOD_PAPER] = {true, 0.40, 0, 0, "IPCC 2006 Vol.5 Ch.2 Table 2.4, paper/cardboard, wet weight (EFDB 614622)"},
    /* waste.csv row "DOC content (wet weight) - Wood": 43 % */
    [FOD_WOOD] = {true, 0.43, 0, 0, "IPCC 2006 Vol.5 Ch.2 Table 2.4, wood, wet weight (EFDB 614625)"},
    /* waste.csv row "DOC content (wet weight) - Textiles": 24 % */
    [FOD_TEXTILES] = {true, 0.24, 0, 0, "IPCC 2006 Vol.5 Ch.2 Table 2.4, textiles, wet weight (EFDB 614623)"},
    /* waste.csv row "DOC content (wet weight) - Nappies": 24 % */
    [FOD_NAPPIES] = {true, 0.24, 0, 0, "IPCC 2006 Vol.5 Ch.2 Table 2.4, nappies, wet weight (EFDB 614627)"},
    /* waste.csv row "DOC content (wet weight) - Rubber and leather": 39 % */
    [FOD_RUBBER_LEATHER] = {true, 0.39, 0, 0,
                            "IPCC 2006 Vol.5 Ch.2 Table 2.4, rubber and leather, wet weight (EFDB 614628)"},
    /* bulk MSW: DOC depends on the region's composition; no default here */
    [FOD_BULK] = {false, 0, 0, 0, NULL},
    /* sewage sludge, wet weight: not in waste.csv. 0.05 is the "DOC (sewage sludge)" of US EPA 40 CFR 98
     * Table HH-1, whose waste composition option reproduces the IPCC 2006 defaults (its food, garden, paper,
     * wood, textiles and nappies are the Table 2.4 values above); the Guidelines' own text (Vol.5 Ch.2
     * Sec. 2.3.2) was not read: confidence B, one source */
    [FOD_SLUDGE] = {true, 0.05, 0, 0,
                    "IPCC 2006 Vol.5 Ch.2 Sec. 2.3.2 sludge default as reproduced in US EPA 40 CFR 98 Table HH-1, "
                    "DOC (sewage sludge) 0.05 wet basis (confidence B: one source)"},
    /* industrial waste: DOC depends on the industry (Vol.5 Ch.2 Table 2.5, not transcribed): NE */
    [FOD_INDUSTRIAL] = {false, 0, 0, 0, NULL},
};

/* k (1/yr) with its range: IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal and
 * temperate zones (MAT <= 20 C), as in the waste.csv "FOD methane generation
 * rate k - boreal & temperate ..." rows. Textiles share the paper row, as in
 * the table ("paper/textiles"). Tropical columns are not in waste.csv. */
static const fod_default k_defaults[FOD_NCLIMATE][FOD_NWASTE] = {
    [FOD_TEMPERATE_DRY] =
        {
            /* row "... dry (MAP/PET < 1) - Food waste / sewage sludge": 0.06 (0.05-0.08) */
            [FOD_FOOD] = {true, 0.06, 0.05, 0.08,
                          "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, food waste (EFDB 615071)"},
            /* row "... dry - Other organic putrescible / garden & park": 0.05 (0.04-0.06) */
            [FOD_GARDEN] = {true, 0.05, 0.04, 0.06,
                            "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, garden and park (EFDB 615070)"},
            /* row "... dry - Paper/textiles": 0.04 (0.03-0.05) */
            [FOD_PAPER] = {true, 0.04, 0.03, 0.05,
                           "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, paper/textiles (EFDB 615068)"},
            /* row "... dry - Wood/straw": 0.02 (0.01-0.03) */
            [FOD_WOOD] = {true, 0.02, 0.01, 0.03,
                          "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, wood/straw (EFDB 615069)"},
            /* row "... dry - Paper/textiles": 0.04 (0.03-0.05) */
            [FOD_TEXTILES] = {true, 0.04, 0.03, 0.05,
                              "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, paper/textiles (EFDB 615068)"},
            /* row "... dry - Bulk waste": 0.05 (0.04-0.06) */
            [FOD_BULK] = {true, 0.05, 0.04, 0.06,
                          "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, bulk waste (EFDB 615072)"},
            /* row "... dry (MAP/PET < 1) - Food waste / sewage sludge": 0.06 (0.05-0.08); also USEPA-LFG */
            [FOD_SLUDGE] = {true, 0.06, 0.05, 0.08,
                            "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate dry, food waste/sewage sludge "
                            "(EFDB 615071)"},
        },
    [FOD_TEMPERATE_WET] =
        {
            /* row "... wet (MAP/PET > 1) - Food waste / sewage sludge": 0.185 (0.1-0.2) */
            [FOD_FOOD] = {true, 0.185, 0.1, 0.2,
                          "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, food waste (EFDB 615076)"},
            /* row "... wet - Other organic putrescible / garden & park": 0.1 (0.06-0.1) */
            [FOD_GARDEN] = {true, 0.10, 0.06, 0.10,
                            "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, garden and park (EFDB 615075)"},
            /* row "... wet - Paper/textiles": 0.06 (0.05-0.07) */
            [FOD_PAPER] = {true, 0.06, 0.05, 0.07,
                           "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, paper/textiles (EFDB 615073)"},
            /* row "... wet - Wood/straw": 0.03 (0.02-0.04) */
            [FOD_WOOD] = {true, 0.03, 0.02, 0.04,
                          "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, wood/straw (EFDB 615074)"},
            /* row "... wet - Paper/textiles": 0.06 (0.05-0.07) */
            [FOD_TEXTILES] = {true, 0.06, 0.05, 0.07,
                              "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, paper/textiles (EFDB 615073)"},
            /* row "... wet - Bulk waste": 0.09 (0.08-0.1) */
            [FOD_BULK] = {true, 0.09, 0.08, 0.10,
                          "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, bulk waste (EFDB 615077)"},
            /* row "... wet (MAP/PET > 1) - Food waste / sewage sludge": 0.185 (0.1-0.2); also USEPA-LFG */
            [FOD_SLUDGE] = {true, 0.185, 0.1, 0.2,
                            "IPCC 2006 Vol.5 Ch.3 Table 3.3, boreal/temperate wet, food waste/sewage sludge "
                            "(EFDB 615076)"},
        },
};

/* MCF: IPCC 2006 Vol.5 Ch.3 Table 3.1, as in the waste.csv "MCF ..." rows. */
static const fod_default mcf_defaults[FOD_NSITE_TYPE] = {
    /* row "MCF managed anaerobic SWDS": 1.0 */
    [FOD_MANAGED_ANAEROBIC] = {true, 1.0, 0, 0, "IPCC 2006 Vol.5 Ch.3 Table 3.1, managed anaerobic (EFDB 62738)"},
    /* row "MCF managed semi-aerobic SWDS": 0.5 */
    [FOD_MANAGED_SEMI_AEROBIC] = {true, 0.5, 0, 0,
                                  "IPCC 2006 Vol.5 Ch.3 Table 3.1, managed semi-aerobic (EFDB 615066)"},
    /* row "MCF unmanaged deep SWDS (>=5 m)": 0.8 */
    [FOD_UNMANAGED_DEEP] = {true, 0.8, 0, 0, "IPCC 2006 Vol.5 Ch.3 Table 3.1, unmanaged deep >= 5 m (EFDB 62739)"},
    /* row "MCF unmanaged shallow SWDS (<5 m)": 0.4 */
    [FOD_UNMANAGED_SHALLOW] = {true, 0.4, 0, 0, "IPCC 2006 Vol.5 Ch.3 Table 3.1, unmanaged shallow < 5 m (EFDB 62740)"},
    /* row "MCF uncategorised SWDS": 0.6 */
    [FOD_UNCATEGORISED] = {true, 0.6, 0, 0, "IPCC 2006 Vol.5 Ch.3 Table 3.1, uncategorised (EFDB 62741)"},
};

/* A parameter from a table entry: a default has no place in the input. */
static fod_param fod_from_default(const fod_default *d)
{
    fod_param p = {d->value, d->source, {NULL, 0, 0}};
    return p;
}

bool fod_default_doc(fod_waste w, fod_param *out)
{
    if ((int)w < 0 || w >= FOD_NWASTE || !doc_defaults[w].has)
        return false;
    *out = fod_from_default(&doc_defaults[w]);
    return true;
}

bool fod_default_k(fod_climate c, fod_waste w, fod_param *out, double *lower, double *upper)
{
    if ((int)c < 0 || c >= FOD_NCLIMATE || (int)w < 0 || w >= FOD_NWASTE || !k_defaults[c][w].has)
        return false;
    *out = fod_from_default(&k_defaults[c][w]);
    if (lower)
        *lower = k_defaults[c][w].lower;
    if (upper)
        *upper = k_defaults[c][w].upper;
    return true;
}

fod_param fod_default_mcf(fod_site_type t)
{
    if ((int)t < 0 || t >= FOD_NSITE_TYPE)
        t = FOD_UNCATEGORISED;
    return fod_from_default(&mcf_defaults[t]);
}

fod_param fod_default_docf(void)
{
    /* waste.csv row "DOCf fraction of DOC that decomposes": 0.5 */
    static const fod_default d = {true, 0.5, 0, 0,
                                  "IPCC 2006 Vol.5 Ch.3 Sec. 3.2.3, DOCf default p.3.13 (EFDB 615067)"};
    return fod_from_default(&d);
}

fod_param fod_default_f(void)
{
    /* waste.csv row "F fraction of CH4 in landfill gas": 0.5 */
    static const fod_default d = {true, 0.5, 0, 0, "IPCC 2006 Vol.5 Ch.3 Sec. 3.2.3, F default (EFDB 66030)"};
    return fod_from_default(&d);
}

fod_param fod_default_ox(void)
{
    /* waste.csv row "OX oxidation factor - default (other sites)": 0 (0.1 only
     * for well-managed sites covered with CH4-oxidising material, EFDB 66029) */
    static const fod_default d = {true, 0.0, 0, 0, "IPCC 2006 Vol.5 Ch.3 Table 3.2, OX default (EFDB 66028)"};
    return fod_from_default(&d);
}

fod_param fod_default_delay(void)
{
    /* Not in waste.csv: the IPCC Waste Model's default delay time, six months,
     * so that reaction starts on 1 January of the year after deposition. */
    static const fod_default d = {true, 6.0, 0, 0,
                                  "IPCC 2006 Vol.5 Ch.3 (delay time) and IPCC Waste Model default: 6 months"};
    return fod_from_default(&d);
}

/* ---- the model --------------------------------------------------------- */

size_t fod_mcf_period_at(const fod_mcf_series *m, int year)
{
    size_t i = 0;
    while (i + 1 < m->n && m->p[i + 1].from <= year)
        i++;
    return i;
}

const fod_param *fod_mcf_at(const fod_site *s, size_t j, int year)
{
    const fod_mcf_series *m = j < FOD_NWASTE && s->mcf_type[j].n ? &s->mcf_type[j] : &s->mcf_periods;
    return m->n ? &m->p[fod_mcf_period_at(m, year)].mcf : &s->mcf;
}

/* Deposit of column j in year index iy: the row's value, or 0 after the last
 * row (a closed site). */
static double fod_deposit(const fod_site *s, size_t iy, size_t j)
{
    return iy < s->nyears ? s->w_gg[iy * s->ntypes + j] : 0.0;
}

/* The decay factors of every column: e^-k and 1 - e^-k for whole years, and
 * e^(-k (13-M)/12) for the part of the deposit year after the reaction
 * starts (month M = delay + 7). expm1 keeps 1 - e^-x exact to the last bit
 * for small x. */
static void fod_factors(const fod_site *s, fod_result *r)
{
    r->month_start = s->delay_months.value + FOD_MONTH_OFFSET;
    double dep_years = (13.0 - r->month_start) / 12.0;
    for (size_t j = 0; j < s->ntypes; j++) {
        double k = s->k[j].value;
        r->exp_k[j] = exp(-k);
        r->one_minus_exp_k[j] = -expm1(-k);
        r->exp_dep[j] = exp(-k * dep_years);
        r->one_minus_exp_dep[j] = -expm1(-k * dep_years);
    }
}

/* One column's series (Eqs. 3.2, 3.4, 3.5, 3.6 with the deposit-year part):
 *   DDOCmd(T)      = ((W(T) x DOC) x DOCf) x MCF(T)   (MCF of the deposit year)
 *   unreacted(T)   = DDOCmd(T) x e^(-k (13-M)/12)
 *   dep_decomp(T)  = DDOCmd(T) x (1 - e^(-k (13-M)/12))
 *   DDOCma(T)      = unreacted(T) + DDOCma(T-1) x e^-k
 *   DDOCmdecomp(T) = dep_decomp(T) + DDOCma(T-1) x (1 - e^-k)
 *   CH4gen(T)      = (DDOCmdecomp(T) x F) x 16/12
 * with DDOCma before the first year 0. */
static void fod_column(const fod_site *s, fod_result *r, size_t j)
{
    double prev_a = 0.0;
    for (size_t iy = 0; iy < r->nyears; iy++) {
        fod_cell *c = &r->cell[iy * r->ntypes + j];
        c->w_gg = fod_deposit(s, iy, j);
        c->mcf = fod_mcf_at(s, j, r->first_year + (int)iy)->value;
        c->ddocmd_gg = ((c->w_gg * s->doc[j].value) * s->docf.value) * c->mcf;
        c->ddocm_unreacted_gg = c->ddocmd_gg * r->exp_dep[j];
        c->ddocm_dep_decomp_gg = c->ddocmd_gg * r->one_minus_exp_dep[j];
        c->ddocma_gg = c->ddocm_unreacted_gg + prev_a * r->exp_k[j];
        c->ddocm_decomp_gg = c->ddocm_dep_decomp_gg + prev_a * r->one_minus_exp_k[j];
        c->ch4_gen_gg = (c->ddocm_decomp_gg * s->f.value) * FOD_CH4_PER_C;
        prev_a = c->ddocma_gg;
    }
}

/* R(T) of `year` from the site's recovery list; 0 where none. */
static double fod_recovery_at(const fod_site *s, int year, const fod_recovery **which)
{
    for (size_t i = 0; i < s->nrecovery; i++) {
        if (s->recovery[i].year == year) {
            *which = &s->recovery[i];
            return s->recovery[i].ch4_gg;
        }
    }
    *which = NULL;
    return 0.0;
}

/* Eq. 3.1 for every year: generated = sum over types (compensated), then
 * emitted = (generated - R) x (1 - OX). Recovery above generation is an
 * error at the recovery entry. Returns false after any error. */
static bool fod_totals(const fod_site *s, fod_result *r, diag_list *dl)
{
    bool ok = true;
    for (size_t iy = 0; iy < r->nyears; iy++) {
        nsum gen = {0, 0};
        for (size_t j = 0; j < r->ntypes; j++)
            nsum_add(&gen, r->cell[iy * r->ntypes + j].ch4_gen_gg);
        int year = r->first_year + (int)iy;
        const fod_recovery *rec;
        double rgg = fod_recovery_at(s, year, &rec);
        r->ch4_gen_gg[iy] = nsum_value(&gen);
        r->recovery_gg[iy] = rgg;
        if (rgg > r->ch4_gen_gg[iy]) {
            diag_error(dl, rec->at,
                       "site '%s': CH4 recovered in %d (%.6g t) is more than the model generates that year "
                       "(%.6g t): check the recovery figure and the site's deposits, DOC, MCF and k",
                       s->name, year, rgg * 1e3, r->ch4_gen_gg[iy] * 1e3);
            ok = false;
            continue;
        }
        double net = r->ch4_gen_gg[iy] - rgg;
        r->ch4_oxidised_gg[iy] = net * s->ox.value;
        r->ch4_emitted_gg[iy] = net * (1.0 - s->ox.value);
    }
    return ok;
}

/* Recovery given for years before the first deposit: nothing can be
 * recovered there. Returns false after any error. */
static bool fod_check_recovery(const fod_site *s, int last_year, diag_list *dl)
{
    bool ok = true;
    for (size_t i = 0; i < s->nrecovery; i++) {
        const fod_recovery *rec = &s->recovery[i];
        if (rec->year < s->first_year) {
            diag_error(dl, rec->at, "site '%s': recovery in %d is before the first deposit year %d: remove it", s->name,
                       rec->year, s->first_year);
            ok = false;
        } else if (rec->year > last_year) {
            diag_add(dl, DIAG_NOTE, rec->at,
                     "site '%s': recovery in %d is after the last year computed (%d) and "
                     "is not used",
                     s->name, rec->year, last_year);
        }
    }
    return ok;
}

/* The arrays of a run, zeroed, from `mem`. */
static bool fod_alloc(fod_result *r, pool *mem)
{
    size_t n = r->nyears;
    r->cell = pool_alloc(mem, n * r->ntypes * sizeof *r->cell);
    r->ch4_gen_gg = pool_alloc(mem, n * sizeof(double));
    r->recovery_gg = pool_alloc(mem, n * sizeof(double));
    r->ch4_oxidised_gg = pool_alloc(mem, n * sizeof(double));
    r->ch4_emitted_gg = pool_alloc(mem, n * sizeof(double));
    return r->cell && r->ch4_gen_gg && r->recovery_gg && r->ch4_oxidised_gg && r->ch4_emitted_gg;
}

bool fod_compute(const fod_site *site, int last_year, pool *mem, diag_list *dl, fod_result *out)
{
    memset(out, 0, sizeof *out);
    if (site->nyears == 0 || site->ntypes == 0) {
        diag_error(dl, site->at, "site '%s' has no deposits: add deposit rows", site->name);
        return false;
    }
    if (last_year < site->first_year) {
        diag_error(dl, site->at, "site '%s': its first deposit year %d is after the inventory year %d", site->name,
                   site->first_year, last_year);
        return false;
    }
    if ((long)last_year - site->first_year >= FOD_MAX_YEARS) {
        diag_error(dl, site->at, "site '%s': %d-%d is more than %d years: check the inventory year", site->name,
                   site->first_year, last_year, FOD_MAX_YEARS);
        return false;
    }
    int last_row = site->first_year + (int)site->nyears - 1;
    if (last_row < last_year)
        diag_add(dl, DIAG_WARNING, site->row_at[site->nyears - 1],
                 "site '%s': no deposit rows after %d, so %d-%d are computed with no deposits (a closed site); "
                 "add rows of zeros to say so",
                 site->name, last_row, last_row + 1, last_year);
    out->first_year = site->first_year;
    out->nyears = (size_t)(last_year - site->first_year) + 1;
    out->ntypes = site->ntypes;
    if (!fod_alloc(out, mem)) {
        diag_error(dl, site->at, "out of memory computing site '%s'", site->name);
        return false;
    }
    fod_factors(site, out);
    for (size_t j = 0; j < site->ntypes; j++)
        fod_column(site, out, j);
    bool ok = fod_check_recovery(site, last_year, dl);
    return fod_totals(site, out, dl) && ok;
}

const fod_cell *fod_cell_at(const fod_result *r, size_t iy, size_t j)
{
    if (!r->cell || iy >= r->nyears || j >= r->ntypes)
        return NULL;
    return &r->cell[iy * r->ntypes + j];
}

bool fod_emission_gg(const fod_result *r, int year, double *out)
{
    if (!r->ch4_emitted_gg || year < r->first_year || (size_t)(year - r->first_year) >= r->nyears)
        return false;
    *out = r->ch4_emitted_gg[year - r->first_year];
    return true;
}
