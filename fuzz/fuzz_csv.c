/* fuzz_csv.c - libFuzzer harness for the CSV reader (encodings, RFC 4180 quoting) and the import over
 * what it reads: the input is read with each encoding choice; what is read is built into an inventory,
 * series and report document, written as YAML to /dev/null, and every message is printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csv_in.h"
#include "grid.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const cin_encoding encs[] = {CIN_AUTO, CIN_UTF8, CIN_GB18030};
    static const char *const names[] = {"Activities.csv", "清单.csv", "x.csv"};
    if (size > (1u << 20))
        return 0;
    for (size_t e = 0; e < sizeof encs / sizeof *encs; e++) {
        grid_log *log = grid_log_new();
        if (!log)
            return 0;
        grid_book *b = cin_read_mem(names[e], data, size, encs[e], log);
        if (b) {
            grid_book *books[1] = {b};
            for (size_t k = 0; k < tpl_kind_count(); k++) {
                imp_doc *d = imp_build(tpl_kind_at(k), books, 1, log);
                FILE *f = d ? fopen("/dev/null", "w") : NULL;
                if (f) {
                    imp_write(d, f, NULL);
                    fclose(f);
                }
                imp_free(d);
            }
        }
        FILE *null = fopen("/dev/null", "w");
        if (null) {
            grid_log_print(log, null, 0);
            fclose(null);
        }
        grid_free(b);
        grid_log_free(log);
    }
    return 0;
}
