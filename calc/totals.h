/* totals.h - totals by category, sector and gas with compensated sums: the one place rows become totals. */
#ifndef GHG_TOTALS_H
#define GHG_TOTALS_H

#include <stdbool.h>
#include <stddef.h>

#include "gases.h"
#include "nsum.h"

/* Totals of one category (or of a group of categories): tonnes of each
 * gas, CO2e, the biogenic CO2 memo item, energy and the records counted. */
typedef struct {
    const char *category;
    double t[GAS_COUNT];
    double t_co2e;
    double memo_bio_co2_t;
    double energy_tj;
    size_t records;
} tot_cat;

/* Accumulates rows into per-category totals, and the CO2e of each gas over
 * all rows, in the order the rows are added (so the same rows in the same
 * order give the same bits). */
typedef struct tot_table tot_table;

tot_table *tot_new(void);
void tot_free(tot_table *t);

/* One row of category `cat` (an interned or long-lived string): `t` of gas
 * `g` and its CO2e, or with `memo` a biogenic CO2 memo item (outside the
 * gas and CO2e totals). False when out of memory. */
bool tot_add(tot_table *t, const char *cat, gas_id g, double emission_t, double emission_t_co2e, bool memo);

/* Energy of one record, and the record itself, counted in `cat`. */
bool tot_add_record(tot_table *t, const char *cat, double energy_tj);

/* NULL while every total can hold what was added; else the name of the
 * first quantity whose sum of magnitudes passed NSUM_LIMIT (or that was
 * given a figure that is not finite): "CO2", ..., "CO2e", "energy",
 * "biogenic CO2". It stays set. */
const char *tot_overflow(const tot_table *t);

/* The categories' totals, sorted by code (valid until tot_free); *n gets
 * how many. NULL when out of memory. */
const tot_cat *tot_finish(tot_table *t, size_t *n);

/* The CO2e of each gas over every row added, memo items excluded. */
void tot_gas_co2e(const tot_table *t, double out_t_co2e[GAS_COUNT]);

/* Compensated totals of the categories under `prefix` ("" = all) when
 * `under`, else of those not under it; category by category in order. */
tot_cat tot_sum(const tot_cat *cats, size_t n, const char *prefix, bool under);

/* Compensated totals of cats[first..end), labelled `code`. */
tot_cat tot_range(const tot_cat *cats, size_t first, size_t end, const char *code);

#endif
