/* keycat.h - key category analysis (2006 IPCC Vol.1 Ch.4): Approach 1 level and trend, Approach 2 weighted by uncertainty. */
#ifndef GHG_KEYCAT_H
#define GHG_KEYCAT_H

#include <stdbool.h>
#include <stddef.h>

#include "gases.h"
#include "uncertainty.h"

/* LULUCF categories (land: 3.B), entered with absolute values and left out
 * of the assessments "without LULUCF" (Vol.1 Ch.4 4.3.1). */
#define KC_LULUCF "3.B"

/* One category of the analysis (a row of Tables 4.2 and 4.3): an IPCC
 * category, optionally a fuel or activity, and a gas. */
typedef struct {
    const char *category;       /* column A: IPCC category code */
    const char *key;            /* fuel or activity, or NULL */
    gas_id gas;                 /* column C: greenhouse gas */
    double e0;                  /* base year estimate E_x,0 (t CO2e) */
    double et;                  /* latest year estimate E_x,t (t CO2e) */
    double unc_pct;             /* U_x,t: its combined uncertainty, % (Table 3.3 column G); NAN when unknown */
} kc_item;

typedef enum {
    KC_LEVEL,  /* Approach 1 level, Eq. 4.1, 95 % */
    KC_TREND,  /* Approach 1 trend, Eq. 4.2, 95 % */
    KC_LEVEL2, /* Approach 2 level, Eq. 4.3, 90 % */
    KC_TREND2, /* Approach 2 trend, Eq. 4.4, 90 % */
    KC_KINDS
} kc_kind;

/* One line of an assessment, in the table's sorted order. */
typedef struct {
    size_t item;                /* the kc_item it assesses */
    double value;               /* level: |E_x,t|; trend: T_x,t; Approach 2: L x U or T x U */
    double share;               /* level: L_x,t (Table 4.2 F); trend: contribution to trend (Table 4.3 G); fraction */
    double cumulative;          /* running total of share, this line included (Table 4.2 G, 4.3 H); fraction */
    bool key;                   /* within the threshold: lines before it add up to less than it */
} kc_line;

/* One assessment: Table 4.2 (level) or 4.3 (trend), with or without LULUCF. */
typedef struct {
    kc_kind kind;
    bool with_lulucf;
    double threshold;           /* 0.95 (Approach 1) or 0.90 (Approach 2) */
    double total;               /* sum of value over the lines (level: sum |E_y,t|) */
    double total_trend;         /* trend: (sum E_y,t - sum E_y,0) / |sum E_y,0|; NAN otherwise */
    kc_line *lines;             /* sorted by share, largest first; ties by category, key, gas */
    size_t n;
} kc_table;

/* Runs assessment `kind` over items[0..n). Items under KC_LULUCF are left
 * out unless `with_lulucf`. Approach 2 needs unc_pct: items without it are
 * left out. False when out of memory. */
bool kc_assess(const kc_item *items, size_t n, kc_kind kind, bool with_lulucf, kc_table *out);
void kc_table_free(kc_table *t);

/* Trend assessment of one item, Eq. 4.2:
 * T = |E_x,0| / sum|E_y,0| x |(E_x,t - E_x,0)/|E_x,0| - (sum E_y,t - sum E_y,0)/|sum E_y,0||,
 * computed as |(E_x,t - E_x,0) - |E_x,0| x trend| / sum|E_y,0| so that a
 * category absent in the base year gets |E_x,t| / sum|E_y,0|. */
double kc_trend_value(double e0, double et, double sum_abs_e0, double total_trend);

/* The items of an Approach 1 uncertainty table (C, D and G of each row). */
kc_item *kc_items_from_a1(const unc_a1 *a, size_t *n);

/* Key flags of every item over the assessments given (tables[i] for each
 * kind and with/without LULUCF): bit (1 << (2 * kind + with_lulucf)) when
 * the item is key in that one. Caller frees. */
unsigned *kc_flags(size_t nitems, const kc_table *tables, size_t ntables);

/* The name of an assessment for sheets: "level", "trend", "level (Approach 2)", ... */
const char *kc_kind_name(kc_kind k);

#endif
