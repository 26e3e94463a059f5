/* rpt_text.h - report texts: en/zh labels in one scheme for every writer, cut-safe formatting, numbers and sources. */
#ifndef GHG_RPT_TEXT_H
#define GHG_RPT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "../calc/diag.h"

/* A text in English and in Chinese. Every label a report prints is one of
 * these, kept in a table: either a label table (indexed by a label id, see
 * rpt_labels) or a sheet's column table (indexed by its column enum). */
typedef struct {
    const char *en;
    const char *zh; /* NULL: the English text serves */
} rpt_text;

/* The text of `t` in Chinese when `zh`, else in English; "" for NULL. */
const char *rpt_tr(const rpt_text *t, bool zh);

/* A label id. The ids below RPT_L_COUNT are the generic labels below; a
 * writer numbers its own labels from RPT_L_COUNT on (`enum { XX_L_FOO =
 * RPT_L_COUNT, ... }`), so one header row can mix both kinds. */
typedef unsigned rpt_label_id;

/* The generic labels: what every workbook's About sheet and run block say,
 * and words every report uses. */
enum {
    RPT_L_TOOL,
    RPT_L_VERSION,
    RPT_L_COMMAND,
    RPT_L_TITLE, /* "Title" */
    RPT_L_REGION,
    RPT_L_YEAR,
    RPT_L_LANGUAGE,
    RPT_L_LANGUAGE_NAME, /* "English" / "中文": the language itself */
    RPT_L_NOTES,
    RPT_L_FACTOR_SETS,
    RPT_L_ID,
    RPT_L_SOURCE,
    RPT_L_INPUT_FILES,
    RPT_L_PATH,
    RPT_L_SHA256,
    RPT_L_PAGE,        /* the printed footer's "Page &P of &N" */
    RPT_L_ABOUT_SHEET, /* the About sheet's name */
    RPT_L_COUNT
};

/* A writer's own labels: its texts indexed by its ids (`[XX_L_FOO] =
 * {"Foo", "..."}`), n = its last id + 1; the entries below RPT_L_COUNT are
 * not used (those ids are the generic labels). */
typedef struct {
    const rpt_text *text;
    size_t n;
} rpt_labels;

/* The text of label `id` in the language: a generic label, or one of `own`
 * (NULL: the writer has none). "" for an id that neither table holds, so a
 * report never prints NULL. */
const char *rpt_label(const rpt_labels *own, rpt_label_id id, bool zh);

/* Unit text `u` as written in an input, shown in the workbook's language:
 * with zh the Chinese name of a common unit of the economy block and the
 * energy data (10^8 yuan 亿元, 10^4 person 万人, 10^4 tce 万吨标准煤,
 * 10^8 kWh 亿千瓦时, ...), else, and for any other unit, as written. */
const char *rpt_unit_name(const char *u, bool zh);

/* snprintf that never leaves half a UTF-8 character at the end when the
 * text is cut to fit `len` (a workbook must be valid UTF-8). */
void rpt_fmt(char *buf, size_t len, const char *fmt, ...) GHG_PRINTF(3, 4);

/* A number in the fewest of 15, 16 or 17 significant digits that reads
 * back as the same double: 25.8, not 25.800000000000001. */
void rpt_num_text(double v, char *buf, size_t len);

/* Where a value came from: "set: ref" ("ipcc2006-energy: Vol.2 Ch.1 Table
 * 1.2"), `set` alone when ref is NULL, empty when set is NULL. */
typedef struct {
    const char *set;
    const char *ref;
} rpt_src;

/* Joins `s` into one string: into `stack` (stack_len >= 1) when it fits,
 * else into a malloc'd buffer that the caller frees when the result is not
 * `stack`. An empty source gives "" in `stack`; NULL means out of memory. */
char *rpt_src_join(const rpt_src *s, char *stack, size_t stack_len);

#endif
