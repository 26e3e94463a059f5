/* audit_int.h - what the audit modules share: the rule context, findings, and the recomputation. */
#ifndef GHG_AUDIT_INT_H
#define GHG_AUDIT_INT_H

#include <math.h>

#include "audit.h"

/* Molar masses, g/mol (IUPAC standard atomic weights: C 12.011, O 15.999,
 * Ca 40.078, Mg 40.305). CaO and MgO in clinker came from carbonates that
 * released CO2 in this mass ratio (IPCC 2006 Vol.3 Ch.2 Eq. 2.4 writes the
 * CaO ratio as 0.785). */
#define AUD_M_CO2 44.009
#define AUD_M_CAO 56.077
#define AUD_M_MGO 40.304

/* The facts a finding reports; NAN where a number does not apply. */
typedef struct {
    src_loc at;
    const char *subject, *parameter, *unit;
    double declared, verified;
    double low, high;   /* the range or band applied */
    const char *detail; /* free text for {detail} */
} aud_fact;

/* The state rules read: the report, its recomputation, the rules. */
typedef struct {
    aud_enterprise *e;
    const aud_report *rep;
    const aud_rules *rs;
    double tol; /* recomputation tolerance, a fraction */
} aud_ctx;

typedef void (*aud_check_fn)(aud_ctx *c, const aud_rule *r);

/* A fact with every number NAN, at `at`. */
aud_fact aud_fact_at(src_loc at, const char *subject, const char *parameter, const char *unit);

/* Adds a finding of rule `r` (its message template filled from `f`). */
void aud_emit(aud_ctx *c, const aud_rule *r, const aud_fact *f);

/* Adds a finding of a fixed rule that needs no rules file (report.*). */
void aud_emit_fixed(aud_enterprise *e, const char *rule_id, aud_severity sev, src_loc at, const char *message);

/* |a - b| / |b|, or 0 when both are 0 and INFINITY when only b is 0. */
double aud_rel_diff(double a, double b);

/* Whether row `w` applies to an enterprise of `rep` (industry, route). */
bool aud_row_for(const aud_row *w, const aud_report *rep);

/* Whether row `w` lists fuel `key` (or lists no fuels). */
bool aud_row_fuel(const aud_row *w, const char *key);

/* Whether row `w` lists unit class `cls` (or lists none). */
bool aud_row_unit_class(const aud_row *w, const char *cls);

/* `v` in unit `from` expressed in `to`; NAN when the dimensions differ. */
double aud_convert(double v, const units_t *from, const units_t *to);

/* Days since 1970-01-01 of year y, month m, day d (proleptic Gregorian). */
long aud_days(long y, long m, long d);

/* "unit 1# / bituminous_coal" in *buf. */
void aud_fuel_subject(const aud_unit *u, const aud_fuel *f, char *buf, size_t len);

/* Recomputes every source of e->rep with the engine. Engine problems go to
 * `dl`; false when nothing could be recomputed. */
bool aud_recompute(aud_enterprise *e, fset_db *db, const char *const *dirs, size_t ndirs, diag_list *dl);

/* The checkers, by rule id; NULL for an unknown id. */
aud_check_fn aud_checker(const char *id);

/* Rules in audit_checks.c (plausibility, method) and audit_consist.c (consistency, completeness). */
void aud_chk_gas_carbon(aud_ctx *c, const aud_rule *r);
void aud_chk_gas_ncv(aud_ctx *c, const aud_rule *r);
void aud_chk_solid_ncv(aud_ctx *c, const aud_rule *r);
void aud_chk_coal_cph(aud_ctx *c, const aud_rule *r);
void aud_chk_coal_daf(aud_ctx *c, const aud_rule *r);
void aud_chk_oxidation(aud_ctx *c, const aud_rule *r);
void aud_chk_fraction(aud_ctx *c, const aud_rule *r);
void aud_chk_grid(aud_ctx *c, const aud_rule *r);
void aud_chk_basis(aud_ctx *c, const aud_rule *r);
void aud_chk_state(aud_ctx *c, const aud_rule *r);
void aud_chk_must_measure(aud_ctx *c, const aud_rule *r);
void aud_chk_must_default(aud_ctx *c, const aud_rule *r);
void aud_chk_months(aud_ctx *c, const aud_rule *r);
void aud_chk_lab_late(aud_ctx *c, const aud_rule *r);
void aud_chk_meter(aud_ctx *c, const aud_rule *r);
void aud_chk_chp(aud_ctx *c, const aud_rule *r);
void aud_chk_condensing(aud_ctx *c, const aud_rule *r);
void aud_chk_generation(aud_ctx *c, const aud_rule *r);
void aud_chk_utilisation(aud_ctx *c, const aud_rule *r);
void aud_chk_running(aud_ctx *c, const aud_rule *r);
void aud_chk_chp_class(aud_ctx *c, const aud_rule *r);
void aud_chk_unit_class(aud_ctx *c, const aud_rule *r);
void aud_chk_intensity(aud_ctx *c, const aud_rule *r);
void aud_chk_yoy(aud_ctx *c, const aud_rule *r);
void aud_chk_yoy_intensity(aud_ctx *c, const aud_rule *r);
void aud_chk_required(aud_ctx *c, const aud_rule *r);

#endif
