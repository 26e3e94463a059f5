/* unc_internal.h - the uncertainty model's state and the helpers its two files share (private to unc_model, unc_agg). */
#ifndef GHG_UNC_INTERNAL_H
#define GHG_UNC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "uncertainty.h"

#define UNC_NONE UINT32_MAX

/* A factor value already in the model: its stream and its input for each
 * way it enters a product (x v, x (1 - v), x (1 + v)). */
typedef struct {
    const fset_value *fv;
    uint32_t stream;
    uint32_t ix[3];
} unc_fslot;

/* A row key being collected, with its first-seen id. */
typedef struct {
    const char *category, *key;
    gas_id gas;
    uint32_t id;
    bool used;
} unc_rslot;

struct unc_clusters;

struct unc_model {
    unc_opts opts;
    diag_list *dl;
    unc_input *in;
    size_t nin, capin;
    unc_line *lines;
    size_t nlines, caplines;
    uint32_t *lin;
    size_t nlin, caplin;
    unc_fslot *fmap;            /* open addressing on the factor value's address */
    size_t fcap, fn;
    unc_rslot *rmap;            /* open addressing on the row key */
    size_t rcap, rn;
    unc_row_key *rows;          /* by first-seen id until unc_sort_rows, then sorted */
    size_t nrows, caprows;
    const char **gname;         /* correlation groups and their streams */
    uint32_t *gstream;
    size_t ngroups, capgroups;
    uint32_t gwp_in[GAS_COUNT];
    uint32_t nstreams;
    bool has_base;
    const inventory *inv[2];    /* year t and the base year (NULL without one): their factor_uncertainty */
    unc_agg *aggs;              /* aggregated inputs (each cov its own allocation) */
    size_t naggs, capaggs;
    struct unc_clusters *cl;    /* while the model is built: the records' clusters (unc_agg.c) */
};

/* The most factors one emission line multiplies by: a product method's
 * terms and EF, or NCV, EF and oxidation. */
#define UNC_MAX_HITS (ENG_MAX_TERMS + 1)

/* How one factor of a line enters it. */
typedef struct {
    const eng_hit *h;
    unc_role role;
    fset_term kind;
} unc_hit;

/* How a record's amount states its uncertainty (unc_amount_spec). */
typedef struct {
    double minus, plus;         /* % below and above */
    unc_dist dist;              /* as stated (UNC_DIST_AUTO: the range decides) */
    const char *group;          /* correlation group, or NULL */
    unc_origin origin;
    const char *note;
    src_loc at;
} unc_amount;

void unc_amount_spec(const unc_model *m, const inventory *inv, const inv_record *rec, unc_amount *a);

/* Grows *arr (elements of `size` bytes) so that one more fits. */
bool unc_grow(void **arr, size_t *cap, size_t n, size_t size);

/* A new input (zeroed but for the defaults); NULL when out of memory. */
unc_input *unc_new_input(unc_model *m, unc_role role, const char *name);

/* Sets the distribution of in->r from a range of minus/plus % and the
 * 2.5/97.5 % points of f (in->minus_pct, in->plus_pct). */
void unc_resolve(unc_model *m, unc_input *in, double minus, double plus, unc_dist dist, src_loc at);

/* Gives `in` its stream: its group's, or `own` (a new one when UNC_NONE). */
bool unc_set_stream(unc_model *m, unc_input *in, uint32_t own);

/* The range of factor value `fv` as % below/above it; false when none. */
bool unc_factor_range(const fset_value *fv, double *minus, double *plus);

/* The factors engine line `l` multiplies by, in the model's order; returns how many. */
size_t unc_line_hits(const eng_line *l, unc_hit out[UNC_MAX_HITS]);

/* The inputs of engine line `l` after the amount (its factors, then the GWP
 * when it is uncertain) into ix[]; record-level factors are left out when
 * `skip_record`. Returns how many, or SIZE_MAX when out of memory. */
size_t unc_line_factors(unc_model *m, const eng_result *r, const eng_line *l, bool skip_record, uint32_t *ix);

/* The row id of (category, key, gas), added on first use; UNC_NONE when out of memory. */
uint32_t unc_row_for(unc_model *m, const char *cat, const char *key, gas_id g);

/* Adds a line and its inputs (n of them in ix[]; UNC_NONE entries skipped). */
bool unc_add_line(unc_model *m, uint32_t row, unsigned year, size_t rec, double t, double e, const uint32_t *ix,
                  size_t n);

/* ------------------------------------------------ aggregation (unc_agg.c) */

/* Pass 1 over the records of `r` (year `year`): sorts every record that can
 * be aggregated into its cluster and sums its emissions and variances
 * there. False when out of memory. */
bool unc_agg_scan(unc_model *m, const eng_result *r, unsigned year);

/* Pass 2, record by record in the model's order: true when record i (its
 * non-memo... lines l[0..n)) belongs to a cluster of two or more records,
 * whose input and lines the model then holds (added at its first record);
 * false when the record gets inputs of its own. *err is set when out of
 * memory. */
bool unc_agg_take(unc_model *m, const eng_result *r, unsigned year, size_t i, const eng_line *l, size_t n, bool *err);

/* Frees the clusters (after pass 2), keeping the aggregated inputs. */
void unc_agg_done(unc_model *m);

#endif
