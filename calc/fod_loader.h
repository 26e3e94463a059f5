/* fod_loader.h - private to the solid_waste loader's files (fod_load.c, fod_load_years.c): one site's state and shared reads. */
#ifndef GHG_FOD_LOADER_H
#define GHG_FOD_LOADER_H

#include <stdbool.h>

#include "diag.h"
#include "fod.h"
#include "pool.h"
#include "yreader.h"

#define NKEYS(a) (sizeof(a) / sizeof((a)[0]))

/* Years a deposit row, a recovery entry or an MCF period may carry. */
#define FOD_YEAR_MIN 1900
#define FOD_YEAR_MAX 2100

/* Largest deposit or recovery in one year, in Gg (10^12 t): far above any
 * real site, it catches unit mistakes and keeps every sum finite. */
#define FOD_MAX_GG 1e9

/* What the loader of one site needs at hand. */
typedef struct {
    pool *mem;
    diag_list *dl;
    fod_site *s;
    const ynode *type_node[FOD_NWASTE]; /* the `types:` entry of each column */
    bool has_doc[FOD_NWASTE], has_k[FOD_NWASTE];
    fod_param doc[FOD_NWASTE], k[FOD_NWASTE]; /* overrides, by waste type */
    fod_mcf_series mcf_by_type[FOD_NWASTE];   /* `mcf: {sludge: ...}`, by waste type (n == 0: none) */
    const ynode *mcf_node;                    /* the `mcf:` value, or NULL */
    bool types_ok;
} fod_loader;

/* ---- fod_load.c ---- */

/* The name of waste type i (for fod_lookup). */
const char *fod_waste_name_i(int i);

/* Index (>= first) of the text of scalar `n` among the names of `name_of`,
 * or -1 with an error naming `what`, a did-you-mean and the choices. */
int fod_lookup(const ynode *n, const char *key, const char *what, const char *(*name_of)(int), int first, int count,
               diag_list *dl);

/* A pool copy of the text of `n` (NULL when absent or not text). */
const char *fod_copy_text(const ynode *n, const char *key, pool *mem, diag_list *dl);

/* A number in [lo, hi] (lo excluded when `lo_open`), with an error naming
 * `key` otherwise. */
bool fod_number_in(const ynode *n, const char *key, double lo, double hi, bool lo_open, double *out, diag_list *dl);

/* A parameter written as a plain number, or as {value: x, source: "...",
 * note: "..."}; its source is the given text or "input". */
bool fod_param_read(const ynode *n, const char *key, double lo, double hi, bool lo_open, pool *mem, diag_list *dl,
                    fod_param *out);

/* A mass unit (optionally tagged `species`, "" for none) and its factor to
 * Gg, or false with an error at the unit. */
bool fod_mass_unit(const ynode *n, const char *key, const char *species, double *to_gg, diag_list *dl);

/* ---- fod_load_years.c: what changes by year ---- */

/* The `mcf:` of a site (L->mcf_node): a number or {value, source} for
 * every year (into s->mcf, `def` when absent), a list of periods, or a
 * mapping of waste type to either. Read before the deposits. */
bool fod_mcf_read(fod_param def, fod_loader *L);

/* After the types and rows: each column's own MCF periods from the
 * by-type ones, and every period list checked to start by the first
 * deposit year. */
bool fod_mcf_resolve(fod_loader *L);

/* The `recovery:` mapping {unit: t, source: ..., 2015: 500, ...}. */
bool fod_recovery_read(const ynode *m, fod_loader *L);

#endif
