/* intensity_report.h - writers for the intensity command: the workbook, and CSV and JSON for machines. */
#ifndef GHG_INTENSITY_REPORT_H
#define GHG_INTENSITY_REPORT_H

#include <stddef.h>

#include "../calc/intensity.h"
#include "rpt_meta.h"

/* Writes the intensity workbook (Indicators, Targets, Charts, Energy,
 * Inputs, Sectors, About) to `path`. Returns 0, or -1 with a message in err. */
int rpt_intensity_xlsx(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes one CSV row per year with every indicator (both electricity
 * methods), full precision, empty cells for values not available. */
int rpt_intensity_csv(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes the indicators per year, the targets with their status and the
 * run's metadata as JSON (numbers %.17g, rates and shares as fractions). */
int rpt_intensity_json(const int_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen);

#endif
