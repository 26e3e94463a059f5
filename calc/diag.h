/* diag.h - diagnostics collected while loading input: file:line:col: level: message. */
#ifndef GHG_DIAG_H
#define GHG_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__)
#define GHG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define GHG_PRINTF(fmt, args)
#endif

/* Where a value stood in its input file. `file` points at a path string that
 * outlives the diagnostics (the loaders keep their paths for the whole run);
 * line and col count from 1, as editors show them (libyaml counts from 0). */
typedef struct {
    const char *file; /* path as the user gave it, or NULL */
    unsigned line;    /* 1-based; 0 = whole file */
    unsigned col;     /* 1-based; 0 = whole line */
} src_loc;

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_level;

typedef struct diag_list diag_list;

/* A new empty list; NULL when out of memory. */
diag_list *diag_new(void);
void diag_free(diag_list *dl);

/* Adds one message. The text follows git's habit: what is wrong first, lower
 * case, no full stop, the subject quoted, then what would fix it. */
void diag_add(diag_list *dl, diag_level level, src_loc at, const char *fmt, ...) GHG_PRINTF(4, 5);

/* Shorthand for diag_add(dl, DIAG_ERROR, ...). */
void diag_error(diag_list *dl, src_loc at, const char *fmt, ...) GHG_PRINTF(3, 4);

size_t diag_error_count(const diag_list *dl);
size_t diag_count(const diag_list *dl);

/* Message i (0 <= i < diag_count, in insertion order): its text, with its
 * level and location in *level and *at; NULL when i is out of range. */
const char *diag_get(const diag_list *dl, size_t i, diag_level *level, src_loc *at);

/* Errors a run reports before it stops: a file this broken is not worth
 * reading (or computing) to the end, and the messages stay bounded. */
#define DIAG_MAX_ERRORS 1000

/* Whether the list holds DIAG_MAX_ERRORS errors or more. */
bool diag_full(const diag_list *dl);

/* The stop every phase (reading, computing, a series, its inventories)
 * takes between its items: when the list is full, adds once "more than 1000
 * errors: stopped <doing>here; fix these first" at `at` (`doing` is
 * "reading " or "") and returns true. Messages added after that are counted
 * (an error still fails the run) but not kept. */
bool diag_stop(diag_list *dl, src_loc at, const char *doing);

/* Prints every message ordered by file, line and column (stable for equal
 * positions), as `file:line:col: error: text`. With `show_source`, the input
 * line follows with a caret under the column, as jq and compilers do. At most
 * `max` messages are printed (0 = all), then a line saying how many more. */
void diag_print(const diag_list *dl, FILE *out, bool show_source, size_t max);

#endif
