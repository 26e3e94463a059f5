/* audit_report.h - writers for the audit command: the findings workbook, and CSV and JSON for machines. */
#ifndef GHG_AUDIT_REPORT_H
#define GHG_AUDIT_REPORT_H

#include <stddef.h>

#include "../calc/audit.h"
#include "rpt_meta.h"

/* Writes the audit workbook (Summary, Findings, Results, a recalculation
 * sheet per enterprise or stacked ones for a large batch, Rules, About) to
 * `path`; docs/audit.md describes it. Returns 0, or -1 with a message in err. */
int rpt_audit_xlsx(const aud_batch *b, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes one CSV row per finding, enterprises in risk order (docs/audit.md,
 * "CSV"): RFC 4180, UTF-8, numbers in the fewest digits that read back. */
int rpt_audit_csv(const aud_batch *b, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes the run, each enterprise (declared, recomputed, verified,
 * deviation, counts, status) with its findings, and the inputs, as JSON
 * (docs/audit.md, "JSON"). */
int rpt_audit_json(const aud_batch *b, const char *path, const rpt_meta *m, char *err, size_t errlen);

#endif
