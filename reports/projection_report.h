/* projection_report.h - writers for the project command: the workbook, and CSV and JSON for machines. */
#ifndef GHG_PROJECTION_REPORT_H
#define GHG_PROJECTION_REPORT_H

#include <stddef.h>

#include "../calc/projection.h"
#include "rpt_meta.h"

/* What the writers of a projection get: the computed scenarios, the Monte
 * Carlo run when there was one, and the history years' indicators. */
typedef struct {
    const prj_result *r;
    const prj_mc *mc; /* NULL: no Monte Carlo run */
} prj_report;

/* Writes the projection workbook (Peak, Assumptions, Trajectories, Wedges,
 * LMDI, Targets, Monte Carlo when run, Base, About) to `path`, the
 * Trajectories as formulas over Assumptions and Base (docs/projection.md#
 * formulas). Returns 0, or -1 with a message in err. */
int rpt_projection_xlsx(const prj_report *p, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes one CSV row per scenario, year and sector with every gas, the
 * metrics and energy (docs/projection.md#csv). */
int rpt_projection_csv(const prj_report *p, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes the scenarios' paths, peaks, wedges, LMDI, target statuses and the
 * Monte Carlo summary as JSON (docs/projection.md#json). */
int rpt_projection_json(const prj_report *p, const char *path, const rpt_meta *m, char *err, size_t errlen);

#endif
