/* rpt_out.h - helpers of every CSV and JSON writer: files with messages, CSV fields, JSON values, head, inputs. */
#ifndef GHG_RPT_OUT_H
#define GHG_RPT_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../calc/factors.h"
#include "rpt_meta.h"

/* Creates `path` for writing (binary: "\r\n" stays as written). NULL with
 * "cannot create 'path': reason" in err. */
FILE *rpt_fopen(const char *path, char *err, size_t errlen);

/* Creates the CSV file `path` as rpt_fopen, and writes the UTF-8 byte
 * order mark EF BB BF first when m->csv_bom (--csv-bom): Excel on a
 * Chinese Windows reads a CSV without it as GBK and garbles the Chinese. */
FILE *rpt_csv_fopen(const char *path, const rpt_meta *m, char *err, size_t errlen);

/* Closes `f`, which was written to `path`. Returns 0, or -1 with a message
 * in err when a write or the close failed (e.g. the disk is full). */
int rpt_fclose(FILE *f, const char *path, char *err, size_t errlen);

/* Writes the finite number v in the fewest significant digits (15, 16 or
 * 17) that read back as the same double (rpt_num_text). */
void rpt_print_num(FILE *f, double v);

/* Writes one CSV field (RFC 4180), quoted with '"' doubled when it holds a
 * comma, a quote or a line break; NULL is an empty field. A text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) is quoted with a leading ' (OWASP's advice against CSV
 * injection). Then ',' or, for the `last` field of a row, "\r\n". */
void rpt_csv_field(FILE *f, const char *s, bool last);

/* Writes a number as a CSV field (rpt_print_num; NaN and infinities give
 * an empty field), then ',' or "\r\n" as rpt_csv_field. */
void rpt_csv_num(FILE *f, double v, bool last);

/* Writes `s` as a JSON string: '"' and '\\' escaped, control characters as
 * \u00XX, other bytes (UTF-8) as they are; NULL is null. */
void rpt_json_str(FILE *f, const char *s);

/* Writes a number with rpt_print_num, so a reader gets the same double
 * back; a value that is not finite is null, as JSON has no NaN. */
void rpt_json_num(FILE *f, double v);

/* Writes `"key": v` (rpt_json_num), after ", " unless `first`. */
void rpt_json_kv(FILE *f, const char *key, double v, bool first);

/* Writes the ids of `sets` as a JSON array: ["a", "b"]. */
void rpt_json_set_ids(FILE *f, const fset *const *sets, size_t n);

/* Opens the document and writes the tool and its version:
 * `{\n  "tool": "ghgcalc",\n  "version": "0.1.0"`; the writer goes on
 * with `,\n  "its key": ...`. */
void rpt_json_head(FILE *f, const rpt_meta *m);

/* Writes the member `key`, the subject of the run (an inventory, a series,
 * a scenario): `,\n  "key": {"id": ..., "title": ..., "region": ...`,
 * leaving the object open for the writer's own members and its "}". */
void rpt_json_subject(FILE *f, const char *key, const char *id, const char *title, const char *region);

/* Writes the last member, the input files with their SHA-256
 * (`  "inputs": [...]`), and closes the document. */
void rpt_json_inputs(FILE *f, const rpt_meta *m);

#endif
