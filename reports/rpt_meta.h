/* rpt_meta.h - what every report says about the run (tool, command line, inputs with SHA-256, language). */
#ifndef GHG_RPT_META_H
#define GHG_RPT_META_H

#include <stdbool.h>
#include <stddef.h>

/* What the About sheet and the machine outputs say about the run. */
typedef struct {
    bool zh;                   /* labels in Chinese (--lang zh) */
    const char *tool_version;  /* "0.1.0" */
    const char *command_line;  /* as typed, arguments joined by spaces */
    const char *const *input_paths;   /* inventory first, then factor and GWP files */
    const char *const *input_sha256;  /* hex digests, same order */
    size_t ninputs;
    bool constant_memory;      /* large inventories: libxlsxwriter's row-by-row mode */
    const char *tmpdir;        /* folder for libxlsxwriter's temporary files, or NULL */
    bool csv_bom;              /* --csv-bom: every CSV starts with a UTF-8 byte order mark */
} rpt_meta;

#endif
