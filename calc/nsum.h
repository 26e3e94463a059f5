/* nsum.h - Neumaier's compensated summation, so that totals do not depend on record order. */
#ifndef GHG_NSUM_H
#define GHG_NSUM_H

#include <math.h>
#include <stdbool.h>

/* A running sum and the low-order bits it lost (Neumaier 1974, "Rundungsfehleranalyse
 * einiger Verfahren zur Summation endlicher Summen", ZAMM 54). */
typedef struct {
    double sum;
    double comp;
} nsum;

static inline void nsum_add(nsum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x))
        s->comp += (s->sum - t) + x;
    else
        s->comp += (x - t) + s->sum;
    s->sum = t;
}

static inline double nsum_value(const nsum *s) { return s->sum + s->comp; }

/* The largest sum of magnitudes a total may have: 1e307, a little below
 * the largest double (about 1.8e308). While the magnitudes of its terms add
 * up to no more, every partial sum, in any order (the workbook's SUMIFS
 * too), with or without Neumaier's correction, stays finite. A figure or
 * total beyond it, or one that is not finite, is bad input (issue 11). */
#define NSUM_LIMIT 1e307

/* Whether `x` is finite and within NSUM_LIMIT in magnitude (NaN is not). */
static inline bool nsum_fits(double x) { return fabs(x) <= NSUM_LIMIT; }

#endif
