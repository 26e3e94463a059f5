/* unc_analysis.h - everything an inventory states about its uncertainty: Approach 1, key categories, Monte Carlo. */
#ifndef GHG_UNC_ANALYSIS_H
#define GHG_UNC_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keycat.h"
#include "unc_mc.h"
#include "uncertainty.h"

/* The seed of a Monte Carlo run when none is given (`--seed`): a fixed
 * number, so that two runs of one inventory give the same figures. */
#define UA_DEFAULT_SEED 20060101u

/* What to run besides Approach 1 and the key categories. */
typedef struct {
    unc_opts model;             /* rows by key, defaults, GWP uncertainty */
    bool monte_carlo;           /* run Approach 2 (--monte-carlo N) */
    umc_opts mc;                /* its seed, iterations, stop rule, threads */
} ua_opts;

/* The results. Assessment kc[kind][with_lulucf] was run when ran[kind][w]:
 * the trend ones need a base year, Approach 2 an uncertainty on some row,
 * and "without LULUCF" is only run when the inventory has LULUCF rows
 * (otherwise it equals "with"). */
typedef struct {
    unc_model *model;
    unc_a1 a1;
    kc_item *items;             /* one per Approach 1 row, same order */
    size_t nitems;
    kc_table kc[KC_KINDS][2];
    bool ran[KC_KINDS][2];
    unsigned *flags;            /* per item: kc_flags over the assessments run */
    bool has_lulucf;
    bool has_mc;
    umc_result mc;
    const eng_result *latest;   /* year t */
    const eng_result *base;     /* the base year, or NULL */
} unc_analysis;

/* Runs the analysis of `latest` (and `base`, computed with the same
 * fset_db, or NULL). Warnings go to `dl`. False when out of memory (then
 * *a is freed). */
bool ua_run(unc_analysis *a, const eng_result *latest, const eng_result *base, const ua_opts *o, diag_list *dl);
void ua_free(unc_analysis *a);

/* The key flags (kc_flags bits) of every row of IPCC category `category`
 * exactly, over its gases: for the Sectoral table's key column. */
unsigned ua_category_flags(const unc_analysis *a, const char *category);

/* A short text of flags: "L1 T1 L2 T2" for the assessments that find the
 * item key (with or without LULUCF); "" when none. */
void ua_flags_text(unsigned flags, char *buf, size_t len);

/* What input `x` is, for sheets and messages: "amount: 1.A.1.a.i
 * other_bituminous_coal (record 1)", "co2: natural_gas, 1.A.1
 * (ipcc2006-energy)", "gwp: CH4". Base-year amounts say "(base year)". */
void ua_input_text(const unc_analysis *a, const unc_input *x, char *buf, size_t len);

#endif
