/* rpt_about.h - the About sheet every workbook ends with: title, run block, pairs, factor sets, input files. */
#ifndef GHG_RPT_ABOUT_H
#define GHG_RPT_ABOUT_H

#include <stddef.h>

#include "../calc/factors.h"
#include "rpt_xl.h"

/* An About sheet being written top to bottom: label / value pairs in
 * columns A and B, tables from column A. */
typedef struct {
    rpt_xl *x;
    lxw_worksheet *ws; /* NULL after an error: the calls do nothing */
    lxw_row_t row;     /* the next row */
    size_t ncols;      /* columns given widths: the printed ones */
} rpt_about;

/* Adds the About sheet, named `sheet` (NULL: "About" in the workbook's
 * language, 关于 in Chinese), with the widths of its first n columns and
 * writes `title` on the first row. */
void rpt_about_start(rpt_about *a, rpt_xl *x, const char *sheet, const double *width_chars, size_t n,
                     const char *title);

/* Writes a bold label and its text on the next row. */
void rpt_about_pair(rpt_about *a, const char *label, const char *value);

/* Writes a bold label and a whole number (a year); the value is left
 * empty when it is 0 (not given). */
void rpt_about_year(rpt_about *a, const char *label, long year);

/* The run block: the tool's version and the command line as typed. */
void rpt_about_run(rpt_about *a, const rpt_meta *m);

/* The language the labels are in. */
void rpt_about_language(rpt_about *a);

/* Leaves the next row empty. */
void rpt_about_gap(rpt_about *a);

/* The factor sets in search order: a heading, Id / Title / Version /
 * Source, one row per set. */
void rpt_about_sets(rpt_about *a, const fset *const *sets, size_t n);

/* The input files: a heading, Path / SHA-256, one row per file. */
void rpt_about_inputs(rpt_about *a, const rpt_meta *m);

/* Ends the sheet: only its rows and the columns given widths are printed
 * (a long text would otherwise spill to the right and shrink the page). */
void rpt_about_end(rpt_about *a);

#endif
