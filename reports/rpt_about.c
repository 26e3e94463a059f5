/* rpt_about.c - the About sheet's blocks, written the same way by every workbook. */
#include "rpt_about.h"

#include <math.h>

void rpt_about_start(rpt_about *a, rpt_xl *x, const char *sheet, const double *width_chars, size_t n,
                     const char *title)
{
    a->x = x;
    a->row = 0;
    a->ncols = n;
    a->ws = rpt_xl_sheet(x, sheet ? sheet : rpt_xl_label(x, RPT_L_ABOUT_SHEET));
    if (!a->ws)
        return;
    rpt_xl_widths(x, a->ws, width_chars, n);
    rpt_xl_str(x, a->ws, a->row++, 0, title, RPT_F_TITLE);
}

void rpt_about_pair(rpt_about *a, const char *label, const char *value)
{
    if (a->ws)
        rpt_xl_pair(a->x, a->ws, a->row, label, value);
    a->row++;
}

void rpt_about_year(rpt_about *a, const char *label, long year)
{
    if (a->ws) {
        rpt_xl_str(a->x, a->ws, a->row, 0, label, RPT_F_BOLD);
        rpt_xl_num(a->x, a->ws, a->row, 1, year ? (double)year : NAN, RPT_F_INT);
    }
    a->row++;
}

void rpt_about_run(rpt_about *a, const rpt_meta *m)
{
    rpt_about_pair(a, rpt_xl_label(a->x, RPT_L_VERSION), m->tool_version);
    rpt_about_pair(a, rpt_xl_label(a->x, RPT_L_COMMAND), m->command_line);
}

void rpt_about_language(rpt_about *a)
{
    rpt_about_pair(a, rpt_xl_label(a->x, RPT_L_LANGUAGE), rpt_xl_label(a->x, RPT_L_LANGUAGE_NAME));
}

void rpt_about_gap(rpt_about *a) { a->row++; }

/* Titles and sources are long: wrapped. */
void rpt_about_sets(rpt_about *a, const fset *const *sets, size_t n)
{
    static const rpt_label_id hdr[] = {RPT_L_ID, RPT_L_TITLE, RPT_L_VERSION, RPT_L_SOURCE};
    if (!a->ws)
        return;
    rpt_xl_str(a->x, a->ws, a->row++, 0, rpt_xl_label(a->x, RPT_L_FACTOR_SETS), RPT_F_BOLD);
    rpt_xl_header(a->x, a->ws, a->row++, hdr, 4);
    for (size_t i = 0; i < n; i++, a->row++) {
        static const lxw_col_t cols[] = {1, 3};
        const char *texts[] = {sets[i]->title, sets[i]->source};
        rpt_xl_fit_row(a->x, a->ws, a->row, cols, texts, 2, false);
        rpt_xl_str(a->x, a->ws, a->row, 0, sets[i]->id, RPT_F_NONE);
        rpt_xl_str(a->x, a->ws, a->row, 1, sets[i]->title, RPT_F_WRAP);
        rpt_xl_str(a->x, a->ws, a->row, 2, sets[i]->version, RPT_F_NONE);
        rpt_xl_str(a->x, a->ws, a->row, 3, sets[i]->source, RPT_F_WRAP);
    }
}

void rpt_about_inputs(rpt_about *a, const rpt_meta *m)
{
    static const rpt_label_id hdr[] = {RPT_L_PATH, RPT_L_SHA256};
    if (!a->ws)
        return;
    rpt_xl_str(a->x, a->ws, a->row++, 0, rpt_xl_label(a->x, RPT_L_INPUT_FILES), RPT_F_BOLD);
    rpt_xl_header(a->x, a->ws, a->row++, hdr, 2);
    for (size_t i = 0; i < m->ninputs; i++, a->row++) {
        rpt_xl_str(a->x, a->ws, a->row, 0, m->input_paths[i], RPT_F_NONE);
        rpt_xl_str(a->x, a->ws, a->row, 1, m->input_sha256 ? m->input_sha256[i] : NULL, RPT_F_NONE);
    }
}

void rpt_about_end(rpt_about *a)
{
    if (a->ws && a->row)
        rpt_xl_print_area(a->x, a->ws, a->row - 1, (lxw_col_t)(a->ncols ? a->ncols - 1 : 0));
}
