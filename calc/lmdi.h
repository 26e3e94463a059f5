/* lmdi.h - additive LMDI-I decomposition of a change in emissions into its driving factors (Ang 2004, 2005). */
#ifndef GHG_LMDI_H
#define GHG_LMDI_H

#include <stdbool.h>
#include <stddef.h>

/* The logarithmic mean L(a, b) = (a - b) / (ln a - ln b), L(a, a) = a, for
 * a, b > 0 (Ang 2005, "The LMDI approach to decomposition analysis: a
 * practical guide", Energy Policy 33, 867-871, Eq. 2). Computed through
 * log1p so that nearly equal a and b keep their precision. 0 when either is
 * 0 (the limit). */
double lmdi_logmean(double a, double b);

/* Adds the additive LMDI-I effects of one cell V = x[0] x ... x x[nf-1]
 * from year 0 to year 1 into eff[0..nf): L(v1, v0) x ln(x1[k] / x0[k]).
 * Zero values take the analytical limits of Ang and Liu (2007, "Handling
 * zero values in the logarithmic mean Divisia index decomposition approach",
 * Energy Policy 35, 238-246): v0 = 0 < v1 gives v1 to the first factor that
 * is 0 in year 0; v1 = 0 < v0 gives -v0 to the first factor that is 0 in
 * year 1; both 0 give nothing. The caller passes factors whose products are
 * v0 and v1 (an undefined 0/0 factor taken as unchanged). False when a value
 * is negative or not finite, or a zero cell has no zero factor. */
bool lmdi_cell(size_t nf, const double *x0, const double *x1, double v0, double v1, double *eff);

/* The five factors of the Kaya identity by sector i and fuel j:
 * C_ij = P x (G/P) x (E_i/G) x (E_ij/E_i) x (C_ij/E_ij). */
typedef enum { LMDI_POP, LMDI_GDP_PC, LMDI_INTENSITY, LMDI_MIX, LMDI_EF, LMDI_NFACTORS } lmdi_factor;

/* One year's data: population, real GDP, and energy and emissions by sector
 * (rows) and fuel (columns), row-major nsectors x nfuels. */
typedef struct {
    double pop, gdp;
    size_t nsectors, nfuels;
    const double *energy;
    const double *emission;
} lmdi_year;

/* Decomposes the change of emissions from `y0` to `y1` (same shape) into
 * effects[i * LMDI_NFACTORS + k] for sector i and factor k, and change[i],
 * the sector's change (sum over fuels of C1 - C0). The effects of a sector
 * add up to its change. False (outputs unset) when population or GDP is not
 * positive, a value is negative, or a cell has emissions without energy. */
bool lmdi_kaya(const lmdi_year *y0, const lmdi_year *y1, double *effects, double *change);

/* "population", "gdp_per_capita", "energy_intensity", "energy_mix", "emission_factor". */
const char *lmdi_factor_name(lmdi_factor k);

#endif
