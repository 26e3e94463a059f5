/* inventory.h - an inventory YAML file: metadata, economy and activity records. */
#ifndef GHG_INVENTORY_H
#define GHG_INVENTORY_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "factors.h"
#include "fod.h"
#include "ptrmap.h"
#include "unc_spec.h"
#include "units.h"

/* A compact position inside the inventory file (the path is the inventory's). */
typedef struct {
    unsigned line, col;
} inv_pos;

/* The fields of a record whose place a message may name besides its start. */
typedef enum { INV_AT_KEY, INV_AT_UNIT, INV_AT_AMOUNT, INV_NAT } inv_at;

/* Where a field stands, in 4 bytes: lines below the record's start and the
 * column. A place that does not fit (65,536 lines below, or a column past
 * 65,535: hostile files) is kept whole in the inventory's far table. */
typedef struct {
    uint16_t dline, col;
} inv_near;

/* inv_record.unc_ix of a percentage (`uncertainty: 5%`): the bit set, the
 * rest 1 + its index in inventory.unc_pct (kept beside the records, so a
 * record without one does not pay 8 bytes for it). */
#define INV_UNC_PCT 0x80000000u

/* One activity record: an amount of a fuel burnt in an IPCC category. A
 * million of them are held at once, so the layout is kept tight (88 bytes). */
typedef struct {
    const char *category;      /* "1.A.1.a" (interned) */
    const char *key;           /* fuel or activity key (interned) */
    const char *unit_text;     /* unit as written (interned) */
    const char *source;        /* free-text data source (interned) or NULL */
    const char *id;            /* optional record id (a copy, not interned: ids are unique) or NULL */
    const fset_param *ovr;     /* record-level factor overrides */
    double amount;             /* in unit_text */
    inv_pos at;                /* where the record starts */
    inv_near near[INV_NAT];    /* key, unit, amount (inv_field_loc); near[0] the far index when `far` */
    unsigned unc_ix;           /* uncertainty: 0 none; a mapping: 1 + its index in inventory.unc; a percentage:
                                  INV_UNC_PCT | 1 + its index in inventory.unc_pct (inv_rec_unc, inv_rec_unc_pct) */
    uint16_t not_estimated;    /* bit (1 << gas) for gases marked not estimated */
    uint8_t novr;              /* overrides in ovr (at most the parameters a record may give) */
    bool feedstock_excluded;   /* 1.A: the amount has had feedstock and non-energy use taken out */
    signed char removal;       /* product method: 1 subtract (a sink, a carbon output), 0 add, -1 as the entry says */
    bool far;                  /* the fields' places are in inventory.far */
    unsigned char ch4_origin;  /* gwp_origin of `ch4_origin:`; GWP_ORIGIN_ANY = by the engine's rule */
} inv_record;

/* A quantity of the economy block: GDP, population, primary electricity. */
typedef struct {
    bool given;
    double value;
    const char *unit_text;
    units_t unit;
    long price_base;    /* GDP: price base year, 0 when not given */
    const char *source; /* NULL when not given */
    src_loc at;
} inv_quantity;

/* Purchased electricity or heat (scope 2): indirect, never in direct totals. */
typedef struct {
    const char *kind; /* "electricity" or "heat": the factor key */
    const char *grid; /* grid of the emission factor, or NULL */
    long factor_year; /* year of the factor; 0 = the inventory year */
    bool net_import;  /* provincial-guideline view: net imports, may be negative */
    double amount;
    const char *unit_text;
    const char *source;
    const fset_param *ovr; /* a record-level `co2:` factor */
    unsigned novr;
    src_loc at, amount_at;
} inv_indirect;

/* A notation key for a category not estimated: NO, NE, NA, IE or C. */
typedef struct {
    const char *category;
    const char *key;
    const char *note;
    src_loc at;
} inv_notation;

/* One primary fuel of the reference approach (IPCC 2006 Vol.2 Ch.6). */
typedef struct {
    const char *fuel;
    const char *unit_text;
    double production, imports, exports, bunkers, stock_change; /* stock_change: increase is positive */
    double non_energy;                                          /* feedstock and non-energy use, excluded carbon */
    const char *source;
    src_loc at;
} inv_ref_fuel;

typedef struct inventory {
    const char *path;
    char sha256[65];
    const char *id, *title, *region, *notes;
    long year;
    const char *gwp_id; /* NULL = the default set */
    src_loc gwp_at;
    const char **set_names; /* factor sets, searched in order */
    src_loc *set_at;
    size_t nsets;
    const char **factor_dirs; /* extra folders, relative paths made relative to the file */
    size_t ndirs;
    inv_quantity gdp, population;
    inv_quantity primary_electricity; /* non-fossil electricity generated in the region (intensity series) */
    fod_input fod;     /* solid_waste: landfill sites for the first-order-decay model */
    inv_indirect *ind; /* indirect: purchased electricity and heat */
    size_t nind;
    inv_notation *notation; /* notation_keys: categories not estimated */
    size_t nnotation;
    inv_ref_fuel *ref; /* reference_approach: fuels */
    size_t nref;
    double ref_threshold_pct; /* flag the difference from the sectoral approach above this */
    src_loc ref_at;
    bool partial;   /* reading stopped before the end (a syntax error, a limit, too many errors) */
    ptrmap unit_ix; /* interned unit text -> its parsed unit in units[] */
    inv_pos (*far)[INV_NAT];   /* the places of records' fields that do not fit inv_near */
    size_t nfar, capfar;
    units_t *units;
    size_t nunits, capunits;
    unc_spec *unc;             /* the records' uncertainty mappings (inv_record.unc_ix) */
    size_t nunc, capunc;
    double *unc_pct;           /* the records' uncertainty percentages (inv_record.unc_ix with INV_UNC_PCT) */
    size_t nunc_pct, capunc_pct;
    const char *base_path;     /* base_inventory: the base-year inventory for the trend, relative to this file's folder */
    src_loc base_at;
    const unc_factor_rule *unc_rules; /* factor_uncertainty: ranges for factor values of the sets */
    size_t nunc_rules;
    size_t n;                  /* records */
    inv_record **chunks;       /* records in fixed-size chunks: no big realloc at 10^6 */
    size_t nchunks;
    struct pool *mem;
} inventory;

#define INV_CHUNK 4096u

/* Record i (0 <= i < inv->n). */
static inline const inv_record *inv_rec(const inventory *inv, size_t i)
{
    return &inv->chunks[i / INV_CHUNK][i % INV_CHUNK];
}

/* The mapping-form uncertainty of record `r`, or NULL (then only a
 * percentage, inv_rec_unc_pct, or nothing was given). */
static inline const unc_spec *inv_rec_unc(const inventory *inv, const inv_record *r)
{
    return r->unc_ix && !(r->unc_ix & INV_UNC_PCT) ? &inv->unc[r->unc_ix - 1] : NULL;
}

/* The uncertainty of record `r` as one +/- % at 95 %: its percentage, the
 * larger side of its mapping, or NAN when it gave none. */
static inline double inv_rec_unc_pct(const inventory *inv, const inv_record *r)
{
    if (!r->unc_ix)
        return NAN;
    if (r->unc_ix & INV_UNC_PCT)
        return inv->unc_pct[(r->unc_ix & ~INV_UNC_PCT) - 1];
    return fmax(inv->unc[r->unc_ix - 1].minus_pct, inv->unc[r->unc_ix - 1].plus_pct);
}

/* Location of a record position, for messages. */
static inline src_loc inv_loc(const inventory *inv, inv_pos p) { return (src_loc){inv->path, p.line, p.col}; }

/* Where field `which` of record `r` stands, for messages. */
static inline src_loc inv_field_loc(const inventory *inv, const inv_record *r, inv_at which)
{
    if (r->far) {
        const inv_pos *p = inv->far[(size_t)r->near[0].dline << 16 | r->near[0].col] + which;
        return (src_loc){inv->path, p->line, p->col};
    }
    return (src_loc){inv->path, r->at.line + r->near[which].dline, r->near[which].col};
}

/* Records that field `which` of `r` (whose `at` is set) stands at `p`.
 * False when out of memory. */
bool inv_set_field(inventory *inv, inv_record *r, inv_at which, inv_pos p);

/* Progress callback: stage name, items done, items expected (0 = unknown). */
typedef struct {
    void (*fn)(void *ctx, const char *stage, size_t done, size_t total);
    void *ctx;
} inv_progress;

/* Loads and validates `path`. Every problem found goes to `dl`; the result is
 * NULL only when the file could not be read at all. Check
 * diag_error_count(dl) before using it. */
inventory *inv_load(const char *path, diag_list *dl, const inv_progress *progress);

/* inv_load from a reader already open on the file (its first key may have
 * been read and pushed back: yr_unread_key), which is closed here; the
 * inventory's path is the reader's. So a file is read once even when its
 * kind was told first (`check`, a pipe, a FIFO). */
struct yreader;
inventory *inv_load_from(struct yreader *yr, diag_list *dl, const inv_progress *progress);

/* The parsed unit of an interned unit text of this inventory (a record's
 * unit_text, an indirect or reference-approach unit), parsed once when it
 * was loaded. False when the text is not one of them or does not parse. */
bool inv_unit(const inventory *inv, const char *unit_text, units_t *out);

/* Whether an inventory that had loading errors can still be computed, so
 * that problems only the engine finds (an unknown fuel, a missing factor)
 * are reported in the same run: read to its end, with a year and factor
 * sets. Its records with errors were left out, so they cause no more. */
bool inv_computable(const inventory *inv);

/* inv_load with another record limit than its 5x10^7 (for tests of the
 * limit): record max_records + 1 is an error and reading stops there. */
inventory *inv_load_max(const char *path, diag_list *dl, const inv_progress *progress, size_t max_records);

void inv_free(inventory *inv);

/* An empty inventory built in memory (the audit command turns enterprise
 * reports into records): `path` names the file its positions refer to and
 * must outlive it. The caller fills the fields and interns its strings in
 * inv->mem (pool_intern), so that equal texts share a pointer as the loader's
 * do. NULL when out of memory. */
inventory *inv_new(const char *path);

/* A new zeroed record at the end of `inv` (NULL when out of memory); its
 * uncertainty is NAN and its `removal` -1 (as the factor entry says). */
inv_record *inv_add(inventory *inv);

/* Keeps the parsed unit of interned unit text `text` for inv_unit(), so that
 * the engine does not parse it again for every record; false when out of
 * memory. */
bool inv_unit_keep(inventory *inv, const char *text, const units_t *u);

#endif
