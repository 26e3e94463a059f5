/* nsum.h - Neumaier's compensated summation, so that totals do not depend on record order. */
#ifndef GHG_NSUM_H
#define GHG_NSUM_H

#include <math.h>

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

#endif
