/* peak.h - the peak of an emission path (year, value, plateau, by a given year) and the "has peaked" test on history.
 */
#ifndef GHG_PEAK_H
#define GHG_PEAK_H

#include <stdbool.h>
#include <stddef.h>

/* Where a path peaks. Indices are into the arrays given to peak_find. */
typedef struct {
    bool found;           /* the path has at least one point */
    size_t at;            /* index of the peak: the first index of the largest value */
    long year;            /* years[at] */
    double value;         /* values[at] */
    bool in_horizon;      /* the largest value is not in the last year: the path turns down within it */
    bool by_ok;           /* in_horizon and year <= the `by` year */
    size_t plateau_first; /* the run of years around the peak within the plateau band, without a gap */
    size_t plateau_last;
} peak_info;

/* The peak of `values` over `years` (n points, years ascending): the first
 * year of the largest value (a tie goes to the earlier year); whether it is
 * a peak within the path (not the last point) and at or before `by`; and the
 * plateau, the contiguous years around it whose value is at least
 * peak - |peak| x plateau_pct / 100. found is false when n is 0. */
peak_info peak_find(const long *years, const double *values, size_t n, long by, double plateau_pct);

/* The outcome of C40 Cities' peaking criteria. */
typedef enum { PEAK_UNKNOWN, PEAK_PEAKED, PEAK_NOT_PEAKED } peak_status;

/* The "has peaked" test on observed years (C40 Cities peaking analysis,
 * github.com/ojwills/City-Emissions-Peaking-Analysis, README section 3):
 * c[0] at least three data points; c[1] the peak more than five years before
 * the latest point; c[2] the latest point no more than five years before
 * `as_of`; c[3] the peak more than 10 % above the latest point. All four:
 * peaked; c[0] and c[2] but neither c[1] nor c[3]: not peaked; otherwise
 * unknown. */
typedef struct {
    bool c[4];
    peak_status status;
    long peak_year, latest_year;
    double peak_value, latest_value;
} peak_history;

#define PEAK_MIN_POINTS 3  /* criterion 1: points needed to see a direction (C40) */
#define PEAK_MIN_YEARS 5   /* criteria 2 and 3: years (C40) */
#define PEAK_MIN_DROP 0.10 /* criterion 4: the peak more than 10 % above the latest point (C40) */

/* Applies the four criteria to n points (years ascending). */
peak_history peak_has_peaked(const long *years, const double *values, size_t n, long as_of);

/* "peaked", "not peaked", "unknown". */
const char *peak_status_name(peak_status s);

#endif
