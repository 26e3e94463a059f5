/* peak.c - finding the peak year, value and plateau of a path, and C40's "has peaked" criteria on history. */
#include "peak.h"

#include <math.h>

static const char *const peak_status_names[] = {"unknown", "peaked", "not peaked"};

/* The name from the table above; "?" out of range. */
const char *peak_status_name(peak_status s) { return (unsigned)s <= PEAK_NOT_PEAKED ? peak_status_names[s] : "?"; }

/* The first index of the largest value; a NaN never wins. */
static size_t peak_argmax(const double *v, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (v[i] > v[best] || (isnan(v[best]) && !isnan(v[i])))
            best = i;
    return best;
}

/* Largest value first; then the plateau grows out from the peak while the
 * neighbours stay within the band. */
peak_info peak_find(const long *years, const double *values, size_t n, long by, double plateau_pct)
{
    peak_info p = {0};
    if (n == 0)
        return p;
    p.found = true;
    p.at = peak_argmax(values, n);
    p.year = years[p.at];
    p.value = values[p.at];
    p.in_horizon = p.at + 1 < n;
    p.by_ok = p.in_horizon && p.year <= by;
    double floor_ = p.value - fabs(p.value) * plateau_pct / 100;
    p.plateau_first = p.plateau_last = p.at;
    while (p.plateau_first > 0 && values[p.plateau_first - 1] >= floor_)
        p.plateau_first--;
    while (p.plateau_last + 1 < n && values[p.plateau_last + 1] >= floor_)
        p.plateau_last++;
    return p;
}

/* The four criteria, then the decision table of the C40 method. */
peak_history peak_has_peaked(const long *years, const double *values, size_t n, long as_of)
{
    peak_history h = {{false, false, false, false}, PEAK_UNKNOWN, 0, 0, NAN, NAN};
    if (n == 0)
        return h;
    size_t at = peak_argmax(values, n);
    h.peak_year = years[at];
    h.peak_value = values[at];
    h.latest_year = years[n - 1];
    h.latest_value = values[n - 1];
    h.c[0] = n >= PEAK_MIN_POINTS;
    h.c[1] = h.latest_year - h.peak_year > PEAK_MIN_YEARS;
    h.c[2] = as_of - h.latest_year <= PEAK_MIN_YEARS;
    h.c[3] = h.peak_value - h.latest_value > PEAK_MIN_DROP * fabs(h.latest_value);
    if (h.c[0] && h.c[1] && h.c[2] && h.c[3])
        h.status = PEAK_PEAKED;
    else if (h.c[0] && h.c[2] && !h.c[1] && !h.c[3])
        h.status = PEAK_NOT_PEAKED;
    return h;
}
