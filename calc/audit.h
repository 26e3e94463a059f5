/* audit.h - enterprise emission reports, the verification rules that check them, and the findings. */
#ifndef GHG_AUDIT_H
#define GHG_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "engine.h"
#include "factors.h"
#include "inventory.h"
#include "units.h"

/* ------------------------------------------------------------ the report */

/* The industries with an enterprise accounting guideline of their own. */
typedef enum { AUD_POWER, AUD_CEMENT, AUD_STEEL, AUD_CHEMICALS, AUD_OTHER, AUD_NINDUSTRY } aud_industry;

/* Moisture basis of a coal analysis (收到基, 空干基, 干燥基). */
typedef enum { AUD_BASIS_NONE, AUD_AS_RECEIVED, AUD_AIR_DRIED, AUD_DRY } aud_basis;

/* Where a fuel was weighed or sampled: as fired (入炉) or as delivered (入厂). */
typedef enum { AUD_STATE_NONE, AUD_AS_FIRED, AUD_AS_DELIVERED } aud_state;

/* How a monthly NCV or carbon content was determined (annex C.5): self-tested
 * (自行检测), commissioned (委托检测), from the supplier, not measured (未实测). */
typedef enum { AUD_HOW_NONE, AUD_SELF_TESTED, AUD_COMMISSIONED, AUD_SUPPLIER, AUD_NOT_MEASURED } aud_how;

/* Calibration of a meter (CETS-VG-01.01-V02-2026 3.4.1.1 and 3.4.1.4). */
typedef enum { AUD_CAL_UNKNOWN, AUD_CAL_OK, AUD_CAL_NEVER, AUD_CAL_LATE } aud_cal;

/* A declared number and where it was written; `given` is false when absent. */
typedef struct {
    double v;
    bool given;
    src_loc at;
} aud_num;

/* The meter behind an activity or production figure. */
typedef struct {
    aud_cal status;     /* AUD_CAL_UNKNOWN when the report says nothing */
    double required;    /* required accuracy, a fraction (0.005 for 0.5 %) */
    double actual;      /* accuracy found, a fraction; NAN when not given */
    unsigned uncovered; /* late calibration: bit (1 << m) for month m not covered */
    src_loc at;
} aud_meter;

/* What the recomputation found for one source: the verifier's figures. */
typedef struct {
    bool ok;                /* recomputed (the engine resolved every factor) */
    double emission_t;      /* t CO2 (negative for a carbon output) */
    double energy_gj;       /* fuel heat input, GJ (fuels only) */
    double amount;          /* sum of the months (or the annual amount), in the source's unit */
    double ncv, carbon;     /* consumption-weighted annual means, in the source's units; NAN when none */
    double carbon_per_heat; /* t C/GJ: carbon / NCV, or the factor set's default */
    double oxidation;       /* fraction used */
    double ef;              /* process: t CO2 per t (per unit when not a mass); energy: the published factor */
    double conservative_amount, conservative_t; /* after the meter adjustment */
    size_t first_row, nrows;                    /* calculation rows in aud_enterprise.rows */
} aud_calc;

/* One month of a fuel (annex C.3 monthly columns and C.5). */
typedef struct {
    int month;                                  /* 1-12 */
    aud_num amount, ncv, carbon, moisture, ash; /* moisture and ash: fractions, on the carbon's basis */
    aud_how ncv_how, carbon_how;
    long sampled, reported; /* days since 1970-01-01; 0 when not given */
    src_loc at, reported_at;
} aud_month;

/* One fossil fuel of a unit (annex C.3 items A-F). */
typedef struct {
    const char *id;   /* "1#/bituminous_coal" unless the report names it */
    const char *fuel; /* factor-set fuel key */
    const char *unit_text, *ncv_unit_text, *carbon_unit_text;
    units_t unit, ncv_unit, carbon_unit;
    aud_state state, sample_state;
    aud_basis ncv_basis, carbon_basis;
    aud_how ncv_how, carbon_how; /* for the whole year, when there are no months */
    aud_num amount, ncv, carbon, carbon_per_heat, oxidation, emissions; /* A C B D E F as declared */
    aud_num moisture, ash;
    aud_month *months;
    size_t nmonths;
    aud_meter meter;
    src_loc at, fuel_at;
    aud_calc calc;
} aud_fuel;

/* A unit (机组) or a facility (工序, kiln line) with its fuels and production (C.2, C.4). */
typedef struct {
    const char *id, *name, *cls, *product, *boiler; /* product: "condensing" or "chp" (power) */
    aud_num capacity_mw, generation_mwh, heat_gj, running_h, load_factor, utilisation_h, emissions;
    aud_meter generation_meter, heat_meter;
    aud_fuel *fuels;
    size_t nfuels;
    src_loc at, class_at, product_at;
    struct {
        bool ok;
        double emission_t, energy_gj, conservative_t;
        double generation_mwh, heat_gj; /* after the production meters' adjustment */
    } calc;
} aud_unit;

/* A process source: carbonate decomposition, clinker, raw meal, electrodes,
 * carbon inputs and outputs, ammonia feedstock, recovered CO2. */
typedef struct {
    const char *id, *kind, *material, *category, *unit_text, *ef_unit_text;
    units_t unit, ef_unit;
    aud_num amount, ef, emissions;
    aud_num cao, mgo, cao_nc, mgo_nc, toc, purity; /* fractions */
    bool output;                                   /* a carbon output: its CO2 is subtracted */
    aud_meter meter;
    src_loc at, kind_at;
    aud_calc calc;
} aud_process;

/* Purchased or exported electricity or heat. */
typedef struct {
    const char *kind; /* "electricity" or "heat" */
    const char *grid; /* NULL: national */
    const char *unit_text, *factor_unit_text;
    units_t unit, factor_unit;
    bool exported;
    aud_num amount, factor, emissions;
    src_loc at;
    aud_calc calc;
} aud_energy;

/* A production figure (clinker, crude steel, generation ...) in its canonical unit. */
typedef struct {
    const char *key;
    aud_num q;        /* value in the canonical unit (t, MWh or GJ) */
    const char *unit; /* the canonical unit */
} aud_product;

typedef struct aud_report {
    const char *path, *id, *title;
    const char *name, *credit_code, *sub_sector, *address, *route;
    aud_industry industry;
    long year;
    src_loc id_at, credit_at, industry_at, route_at, year_at;
    const char **set_names; /* factor sets, searched in order */
    src_loc *set_at;
    size_t nsets;
    const char **factor_dirs; /* relative to the report's folder */
    size_t ndirs;
    aud_unit *units;
    size_t nunits;
    aud_process *proc;
    size_t nproc;
    aud_energy *energy;
    size_t nenergy;
    aud_product *products;
    size_t nproducts;
    aud_num total_combustion, total_process, total_indirect, total; /* declared totals */
    long prev_year;                                                 /* 0 when the report gives no previous year */
    aud_num prev_total;
    aud_product *prev_products;
    size_t nprev;
    char sha256[65]; /* of the file as read; "unreadable" after a syntax error */
    struct pool *mem;
} aud_report;

/* Loads and validates report `path` (which must outlive the report: every
 * position points at it). Every problem goes to `dl` as file:line:col; the
 * result is NULL only when nothing could be read (then `dl` says why).
 * Check diag_error_count before using it. */
aud_report *aud_load(const char *path, diag_list *dl);

/* aud_load from a reader already open on the report (`check` reads the
 * first key to tell the file's kind, then pushes it back); the reader is
 * closed. The reader's path must outlive the report. */
struct yreader;
aud_report *aud_load_from(struct yreader *yr, diag_list *dl);
void aud_report_free(aud_report *r);

const char *aud_industry_name(aud_industry i);

/* ------------------------------------------------------------ the rules */

typedef enum { AUD_INFO, AUD_WARNING, AUD_ERROR, AUD_NSEVERITY } aud_severity;

/* One row of a rule's table: the ranges, bands and requirements a rule
 * applies, each with the conditions it applies under. */
typedef struct {
    const char *industry; /* NULL: any */
    const char *route;    /* NULL: any */
    const char **fuels;   /* fuel keys (a fuel_class expanded); NULL: any */
    size_t nfuels;
    const char **unit_classes;
    size_t nunit_classes;
    const char *product, *kind, *material, *parameter, *must;
    double low, high, value; /* in `unit`; NAN when absent */
    const char *unit_text;   /* NULL: plain number */
    units_t unit;
    const char *source;
    src_loc at;
} aud_row;

typedef struct aud_rule {
    const char *id;
    aud_severity severity;
    const char *category; /* non-conformity category (annex 3 of CETS-VG) */
    const char *message;  /* template with {subject}, {declared}, ... */
    const char *source;
    double threshold;           /* in base units (a fraction for %, seconds for d); NAN when none */
    const char *threshold_text; /* as written: "0.5 %" */
    aud_row *rows;
    size_t nrows;
    bool enabled;
    src_loc at;
} aud_rule;

typedef struct aud_rules {
    const char *path, *id, *title;
    double tolerance; /* default recomputation tolerance, a fraction */
    const char *tolerance_text;
    aud_rule *rules;
    size_t n;
    char sha256[65]; /* of the file as read; "unreadable" after a syntax error */
    struct pool *mem;
} aud_rules;

/* Loads a rules file; every problem goes to `dl` (whose messages name
 * `path`: it must outlive them). NULL when nothing could be read. Rules the
 * program knows but the file leaves out are not checked. */
aud_rules *aud_rules_load(const char *path, diag_list *dl);

/* aud_rules_load from a reader already open on the rules file; it is closed. */
aud_rules *aud_rules_load_from(struct yreader *yr, diag_list *dl);
void aud_rules_free(aud_rules *rs);

/* The rule `id` of `rs`, or NULL when the file has none (or it is disabled). */
const aud_rule *aud_rule_find(const aud_rules *rs, const char *id);

/* Every rule id the program can check, in order; NULL past the end. */
const char *aud_rule_id_at(size_t i);

const char *aud_severity_name(aud_severity s);

/* ------------------------------------------------------------ findings */

/* One finding: a line of the verifier's non-conformity list (annex 3). */
typedef struct {
    const aud_rule *rule; /* NULL for the fixed report.* findings */
    const char *rule_id;
    aud_severity severity;
    const char *category;
    char *message;
    char *subject;                   /* "unit 1# / bituminous_coal", "totals" */
    char *parameter;                 /* "emissions (F)", "NCV (C)" */
    char *unit;                      /* of declared and verified; NULL for counts */
    double declared, verified, diff; /* diff = verified - declared; NAN when not numeric */
    src_loc at;                      /* the value concerned */
} aud_finding;

typedef enum { AUD_ROW_FUEL, AUD_ROW_PROCESS } aud_row_kind;

/* One calculation row (the recalculation sheet): an engine record. */
typedef struct {
    aud_row_kind kind;
    size_t unit, src; /* unit and fuel index; or process index (unit unused) */
    int month;        /* 1-12, or 0 for an annual row */
    size_t rec;       /* engine record */
    eng_line line;    /* the CO2 line: amount, unit factor, NCV, energy, EF, EF factor, oxidation */
} aud_calc_row;

/* Everything known about one enterprise after the audit. */
typedef struct {
    const char *path;
    aud_report *rep; /* NULL when the report could not be read */
    inventory *inv;  /* the records the report became */
    eng_result *eng; /* NULL when it could not be recomputed */
    bool readable, recomputed;
    double declared_t, recomputed_t, conservative_t; /* totals, t CO2; NAN when unknown */
    aud_finding *find;
    size_t nfind, capfind;
    size_t count[AUD_NSEVERITY];
    aud_calc_row *rows;
    size_t nrows;
} aud_enterprise;

/* Loads report `path` (which must outlive the result), recomputes it with
 * the engine (factor sets looked up in the report's factor_dirs, then
 * `dirs`; `db` must outlive the result) and applies every rule of `rs`.
 * `tolerance` (a fraction) overrides the rules file's; NAN keeps it. A report
 * that cannot be read becomes findings of rule report.unreadable, one that
 * cannot be recomputed findings of report.not_recomputable (the other rules
 * still run). NULL only when out of memory. */
aud_enterprise *aud_check(const char *path, const aud_rules *rs, fset_db *db, const char *const *dirs, size_t ndirs,
                          double tolerance);

/* aud_check of the report `yr` is open on (the reader is closed). */
aud_enterprise *aud_check_from(struct yreader *yr, const aud_rules *rs, fset_db *db, const char *const *dirs,
                               size_t ndirs, double tolerance);
void aud_enterprise_free(aud_enterprise *e);

/* The enterprise's findings at `min` severity or above. */
size_t aud_count_at_least(const aud_enterprise *e, aud_severity min);

/* The meter adjustment of CETS-VG 3.4.1.1 (activity) and 3.4.1.4
 * (production, `production` true) for month `month` (0: the whole year):
 * 1 + (required) never calibrated, 1 + (actual - required) accuracy beyond
 * the requirement, as calibrated for covered months; with 1 - ... for
 * production. Returns 1 when no adjustment applies. */
double aud_meter_factor(const aud_meter *m, int month, bool production);

/* One data item of the verifier's results table (CETS-VG annex 1): the
 * report's value before verification and the verified one. */
typedef struct {
    const char *table;         /* "C.3", "C.4", "process", "energy", "totals" */
    const char *code;          /* the annex C data code ("A".."Q") or "" */
    char subject[96];          /* "unit 1# / bituminous_coal" */
    const char *parameter;     /* "consumption", "NCV", ... */
    const char *unit;          /* of both values */
    double reported, verified; /* NAN when the report or the recomputation has none */
    bool consistent;           /* within the tolerance */
    const char *reason;        /* the rule of the first finding at this value, or NULL */
    src_loc at;                /* where the reported value stands */
} aud_item;

/* The data items of `e` in report order (a malloc'd array in *out; NULL and
 * 0 for a report that could not be read). Verified values are the
 * recomputed ones after any meter's conservative adjustment; `tol` (a
 * fraction) decides `consistent`. */
size_t aud_items(const aud_enterprise *e, double tol, aud_item **out);

/* ------------------------------------------------------------ a batch */

/* What the Summary says of an enterprise, worst first: its report could not
 * be read; it was read but could not be recomputed; it has findings at
 * error level; at warning level; none at warning level or above. */
typedef enum {
    AUD_ST_UNREADABLE,
    AUD_ST_NOT_RECOMPUTABLE,
    AUD_ST_ERRORS,
    AUD_ST_WARNINGS,
    AUD_ST_CLEAN,
    AUD_NSTATUS
} aud_status;

aud_status aud_status_of(const aud_enterprise *e);

/* "unreadable", "not_recomputable", "errors", "warnings", "clean". */
const char *aud_status_name(aud_status s);

/* How far the declared total is off the verified one (the recomputation
 * after the meters' conservative adjustment), as a fraction of the verified
 * total: (declared - verified) / |verified|. NAN when either is unknown or
 * the verified total is 0. */
double aud_deviation(const aud_enterprise *e);

/* The reports of one run, in input order, and the order the outputs list
 * them in (risk order, aud_batch_sort). */
typedef struct {
    const aud_rules *rules;
    aud_enterprise **ent; /* input order */
    size_t n;
    size_t *order;        /* indices into ent, highest risk first */
    double tolerance;     /* the recomputation tolerance used, a fraction */
    aud_severity fail_on; /* the least severity that makes the run fail (exit 1) */
} aud_batch;

/* Sorts b->order (which must hold n indices) by risk, highest first:
 * 1. the status (aud_status order: unreadable, not recomputable, errors,
 *    warnings, clean): nothing is confirmed of a report that cannot be
 *    read or recomputed;
 * 2. within a status, the larger |aud_deviation| first (none last);
 * 3. more errors, then more warnings first;
 * 4. input order. */
void aud_batch_sort(aud_batch *b);

/* Findings of every enterprise at `min` severity or above. */
size_t aud_batch_count_at_least(const aud_batch *b, aud_severity min);

/* The order a report's findings are listed in: errors, then warnings, then
 * information; within a severity by position in the file, then as found.
 * Fills idx[0..e->nfind). */
void aud_finding_order(const aud_enterprise *e, size_t *idx);

#endif
