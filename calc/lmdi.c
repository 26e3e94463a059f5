/* lmdi.c - additive LMDI-I: the logarithmic mean, one cell with Ang and Liu's zero-value limits, the Kaya factors by
 * sector. */
#include "lmdi.h"

#include <math.h>
#include <stdlib.h>

static const char *const lmdi_names[LMDI_NFACTORS] = {"population", "gdp_per_capita", "energy_intensity", "energy_mix",
                                                      "emission_factor"};

/* The name from the table above; "?" out of range. */
const char *lmdi_factor_name(lmdi_factor k) { return (unsigned)k < LMDI_NFACTORS ? lmdi_names[k] : "?"; }

/* (a - b) / ln(a / b), with ln(a / b) = log1p((a - b) / b): when a and b are
 * close, a - b is exact and log1p keeps the relative precision that
 * log(a) - log(b) would lose to cancellation. */
double lmdi_logmean(double a, double b)
{
    if (a == b)
        return a;
    if (a <= 0 || b <= 0)
        return 0;
    return (a - b) / log1p((a - b) / b);
}

/* The first k with x[k] == 0, or nf. */
static size_t lmdi_zero_at(size_t nf, const double *x)
{
    for (size_t k = 0; k < nf; k++)
        if (x[k] == 0)
            return k;
    return nf;
}

/* The ordinary case, then the three zero cases of Ang and Liu (2007). */
bool lmdi_cell(size_t nf, const double *x0, const double *x1, double v0, double v1, double *eff)
{
    if (!(v0 >= 0) || !(v1 >= 0) || !isfinite(v0) || !isfinite(v1))
        return false;
    if (v0 == 0 && v1 == 0)
        return true;
    if (v0 == 0 || v1 == 0) {
        size_t k = lmdi_zero_at(nf, v0 == 0 ? x0 : x1);
        if (k == nf)
            return false;
        eff[k] += v0 == 0 ? v1 : -v0;
        return true;
    }
    double w = lmdi_logmean(v1, v0);
    for (size_t k = 0; k < nf; k++) {
        if (!(x0[k] > 0) || !(x1[k] > 0))
            return false;
        eff[k] += w * log(x1[k] / x0[k]);
    }
    return true;
}

/* Sector energy totals E_i of one year (caller's array of nsectors). */
static bool lmdi_sector_energy(const lmdi_year *y, double *e_i)
{
    for (size_t i = 0; i < y->nsectors; i++) {
        e_i[i] = 0;
        for (size_t j = 0; j < y->nfuels; j++) {
            double e = y->energy[i * y->nfuels + j], c = y->emission[i * y->nfuels + j];
            if (!(e >= 0) || !(c >= 0) || (e == 0 && c > 0))
                return false;
            e_i[i] += e;
        }
    }
    return true;
}

/* The five factors of cell (i, j) in both years. A factor undefined in one
 * year (0/0: no energy in the sector, or none of the fuel) takes its value
 * in the other year; undefined in both, it is 1 (the cell is 0 in both). */
static void lmdi_factors(const lmdi_year *a, const lmdi_year *b, double ea, double eb, size_t i, size_t j,
                         double xa[LMDI_NFACTORS], double xb[LMDI_NFACTORS])
{
    size_t c = i * a->nfuels + j;
    double eija = a->energy[c], eijb = b->energy[c];
    xa[LMDI_POP] = a->pop;
    xb[LMDI_POP] = b->pop;
    xa[LMDI_GDP_PC] = a->gdp / a->pop;
    xb[LMDI_GDP_PC] = b->gdp / b->pop;
    xa[LMDI_INTENSITY] = ea / a->gdp;
    xb[LMDI_INTENSITY] = eb / b->gdp;
    xa[LMDI_MIX] = ea > 0 ? eija / ea : NAN;
    xb[LMDI_MIX] = eb > 0 ? eijb / eb : NAN;
    xa[LMDI_EF] = eija > 0 ? a->emission[c] / eija : NAN;
    xb[LMDI_EF] = eijb > 0 ? b->emission[c] / eijb : NAN;
    for (int k = LMDI_MIX; k <= LMDI_EF; k++) {
        if (isnan(xa[k]))
            xa[k] = isnan(xb[k]) ? 1 : xb[k];
        if (isnan(xb[k]))
            xb[k] = xa[k];
    }
}

/* Sector by sector, fuel by fuel, adding each cell's effects. */
bool lmdi_kaya(const lmdi_year *y0, const lmdi_year *y1, double *effects, double *change)
{
    size_t ns = y0->nsectors, nf = y0->nfuels;
    if (ns != y1->nsectors || nf != y1->nfuels || !(y0->pop > 0) || !(y1->pop > 0) || !(y0->gdp > 0) || !(y1->gdp > 0))
        return false;
    double *e0 = malloc((ns ? ns : 1) * 2 * sizeof *e0);
    if (!e0)
        return false;
    double *e1 = e0 + (ns ? ns : 1);
    bool ok = lmdi_sector_energy(y0, e0) && lmdi_sector_energy(y1, e1);
    for (size_t i = 0; ok && i < ns; i++) {
        double *eff = &effects[i * LMDI_NFACTORS];
        for (int k = 0; k < LMDI_NFACTORS; k++)
            eff[k] = 0;
        change[i] = 0;
        for (size_t j = 0; ok && j < nf; j++) {
            double xa[LMDI_NFACTORS], xb[LMDI_NFACTORS];
            double ca = y0->emission[i * nf + j], cb = y1->emission[i * nf + j];
            lmdi_factors(y0, y1, e0[i], e1[i], i, j, xa, xb);
            ok = lmdi_cell(LMDI_NFACTORS, xa, xb, ca, cb, eff);
            change[i] += cb - ca;
        }
    }
    free(e0);
    return ok;
}
