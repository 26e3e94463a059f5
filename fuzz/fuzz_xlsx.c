/* fuzz_xlsx.c - libFuzzer harness for the xlsx reader (the zip, the XML parts, shared strings, styles,
 * cells) and the import over what it reads: the input is a workbook in memory; every kind of template
 * is built from it and written as YAML to /dev/null, and every message is printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "grid.h"
#include "import.h"
#include "xlsx_in.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    grid_log *log = grid_log_new();
    if (!log)
        return 0;
    grid_book *b = xin_read_mem("fuzz.xlsx", data, size, log);
    if (b) {
        grid_book *books[1] = {b};
        for (size_t k = 0; k < tpl_kind_count(); k++) {
            imp_doc *d = imp_build(tpl_kind_at(k), books, 1, log);
            FILE *f = d ? fopen("/dev/null", "w") : NULL;
            if (f) {
                imp_write(d, f, "# fuzz\n");
                imp_cell at;
                for (unsigned line = 0; line < 64; line++)
                    (void)imp_line_cell(d, line, &at);
                fclose(f);
            }
            imp_free(d);
        }
        (void)imp_detect(books, 1);
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        grid_log_print(log, null, 0);
        fclose(null);
    }
    grid_free(b);
    grid_log_free(log);
    return 0;
}
