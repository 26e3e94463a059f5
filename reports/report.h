/* report.h - writers for the inventory's outputs: the workbook, and CSV and JSON for machines. */
#ifndef GHG_REPORT_H
#define GHG_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "../calc/engine.h"
#include "../calc/unc_analysis.h"
#include "rpt_meta.h"

/* What `ghgcalc inventory` hands its writers: the computed inventory and,
 * when it has records, its uncertainty and key categories. */
typedef struct {
    const eng_result *r;
    const unc_analysis *unc;    /* NULL: no Uncertainty, Key categories or Monte Carlo sheets */
    const char *base_path;      /* the base-year inventory as given, or NULL */
    bool mass_10kt;             /* --unit 10kt: every mass of the workbook in 10^4 t (CSV, JSON: t) */
} rpt_inventory;

/* Writes the inventory workbook to `path` (the caller renames it into
 * place): with `unc`, also the sheets Uncertainty, Key categories and
 * (after a Monte Carlo run) Monte Carlo (docs/uncertainty.md). Returns 0,
 * or -1 with a message in err. */
int rpt_inventory_xlsx(const rpt_inventory *inv, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes one CSV row per record and gas (the Calculation sheet's columns,
 * RFC 4180 quoting, UTF-8, '.' decimals, full precision %.17g), then one
 * row per landfill site. After the Calculation columns: Method
 * ("combustion", "product" or "fod"), Terms ("name=value unit; ..." and
 * "name=(1-value)" / "name=(1+value)"), Term sources and Conversion note
 * (docs/workbook.md). A product row leaves unit factor, NCV, energy and
 * oxidation empty; its EF factor is the conversion. */
int rpt_inventory_csv(const eng_result *r, const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Writes totals by gas, by sector, by category and overall (net, without
 * LULUCF and LULUCF alone), and the run's metadata, as JSON (numbers with
 * %.17g, so a reader gets the engine's doubles back); with `unc`, the
 * "uncertainty" object (docs/uncertainty.md). */
int rpt_inventory_json(const rpt_inventory *inv, const char *path, const rpt_meta *m, char *err, size_t errlen);

#endif
