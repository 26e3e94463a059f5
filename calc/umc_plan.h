/* umc_plan.h - the Monte Carlo model flattened for the inner loop, and one batch of iterations over it (private to unc_mc). */
#ifndef GHG_UMC_PLAN_H
#define GHG_UMC_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "umc_draw.h"
#include "uncertainty.h"

#define UMC_BATCH 256u /* iterations evaluated together: every buffer is this long */

/* How one input is drawn: f = a + b x draw, then for a lognormal
 * f = alpha + beta exp(f), for a triangular f = alpha + beta F^-1(f). */
typedef enum { UMC_POST_NONE, UMC_POST_EXP, UMC_POST_TRI } umc_post;

typedef struct {
    uint32_t stream;
    umc_mode mode;
    umc_post post;
    double a, b;
    double alpha, beta;
    rng_dist r;
} umc_drawspec;

/* One emission line: coef x (its record's amount factor) x its shared inputs. */
typedef struct {
    uint32_t row;
    bool base;
    double coef;                /* nominal t CO2e */
    uint32_t first, n;          /* shared input slots: plan.lsh[first .. first + n) */
} umc_pline;

/* The lines of one record (or landfill site) of one year, with the input
 * they share: its amount (or modelled emission). */
typedef struct {
    uint32_t first, n;          /* lines */
    bool local;                 /* the amount is uncertain: drawn per iteration */
    umc_drawspec d;
    int32_t gslot;              /* the buffer of its correlation group, or -1: moments of its own */
} umc_unit;

/* A stream drawn by shared inputs, with the slot that stands for it. */
typedef struct {
    uint32_t stream;
    uint32_t slot;
} umc_smom;

/* A correlation group of amounts: the lines of its records sum into one
 * buffer, to be set against the group's own z for its moments. */
typedef struct {
    uint32_t stream;
} umc_gslot;

typedef struct {
    umc_table tab;
    umc_drawspec *sh;           /* shared inputs with an uncertainty, one buffer each */
    size_t nsh;
    umc_smom *smom;             /* one per stream among the shared inputs */
    size_t nsmom;
    umc_gslot *gs;              /* groups made of amounts only */
    size_t ngs;
    umc_pline *lines;
    size_t nlines;
    uint32_t *lsh;
    umc_unit *units;
    size_t nunits;
    size_t nrows;
    bool has_base;
    bool avx2;                  /* the line loops run the AVX2 build */
    uint32_t nstreams;
    uint64_t draws_per_iter;
} umc_plan;

/* Per-thread buffers for one batch. */
typedef struct {
    double *s;                  /* nsh x UMC_BATCH: shared draws */
    double *z;                  /* ngs x UMC_BATCH: the groups' z draws */
    double *d;                  /* ngs x UMC_BATCH: the lines of each group's records */
    double *row;                /* nrows x UMC_BATCH */
    double *base;               /* UMC_BATCH */
    double *f, *r, *tmp, *tot; /* UMC_BATCH each: a unit's amount factor, its lines' sum, one line, the total */
    double *ones;               /* UMC_BATCH ones: the amount factor of an exact amount */
    double *mom;                /* nstreams x 4: sum x-1, (x-1)^2, (x-1) d, d over the batch */
} umc_work;

bool umc_plan_build(const unc_model *m, umc_plan *p);
void umc_plan_free(umc_plan *p);
bool umc_work_new(const umc_plan *p, umc_work *w);
void umc_work_free(umc_work *w);

/* Evaluates iterations it0 .. it0 + nb - 1 (nb <= UMC_BATCH, a multiple of
 * 32): the totals of year t and the base year into tot[] and base[] (from
 * index 0), the rows into rows[r x stride + it0 + k] (floats), the batch's
 * stream moments into w->mom. Every loop runs over the whole UMC_BATCH (the
 * draws past nb are valid iterations, left unused), so that it vectorises. */
void umc_batch(const umc_plan *p, umc_work *w, uint64_t seed, uint64_t it0, size_t nb, double *tot, double *base,
               float *rows, uint64_t stride);

#endif
