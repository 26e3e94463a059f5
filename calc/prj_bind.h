/* prj_bind.h - what the binding of a scenario file (prj_bind.c) and the scenario plans (prj_plan.c) share. */
#ifndef GHG_PRJ_BIND_H
#define GHG_PRJ_BIND_H

#include <stdbool.h>
#include <stddef.h>

#include "projection.h"

/* The state of one binding. */
typedef struct {
    prj_model *m;
    diag_list *dl;
    size_t cap;        /* capacity of m->lines */
    const void **seen; /* items already checked in this pass (pb_first_use) */
    size_t nseen, capseen;
} pb_ctx;

/* The IPCC key of fuel `key` in search order `o` (its `ipcc_fuel`), or `key`. */
const char *pb_ipcc_key(eng_order o, const char *key);

/* Whether selection `s` selects line `l`. */
bool pb_matches(const prj_select *s, const prj_line *l);

/* How specific a selection is: the deeper category wins, then one with keys. */
size_t pb_specificity(const prj_select *s);

/* True the first time `p` is passed since the last pb_reset_seen. */
bool pb_first_use(pb_ctx *c, const void *p);
void pb_reset_seen(pb_ctx *c);

/* Builds the plan of every scenario (prj_plan.c); false on errors (in c->dl) or out of memory. */
bool pb_plans(pb_ctx *c);

#endif
