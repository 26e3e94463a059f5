/* audit_only.c - ghgcalc's audit without the writers: loads the rules, audits every report named (all kept in
 * memory, as the command keeps them for its outputs) and prints the time, the findings by severity and the
 * peak memory, so a benchmark can tell the audit's share of `ghgcalc audit` from the workbook's.
 * usage: audit_only RULES.yaml FACTORS_DIR REPORT.yaml... */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "audit.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: audit_only RULES.yaml FACTORS_DIR REPORT.yaml...\n");
        return 2;
    }
    diag_list *dl = diag_new();
    aud_rules *rs = aud_rules_load(argv[1], dl);
    if (!rs || diag_error_count(dl)) {
        diag_print(dl, stderr, false, 20);
        return 2;
    }
    const char *dirs[1] = {argv[2]};
    fset_db *db = fdb_new();
    size_t n = (size_t)argc - 3, count[AUD_NSEVERITY] = {0};
    aud_enterprise **e = calloc(n, sizeof *e);
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        e[i] = aud_check(argv[3 + i], rs, db, dirs, 1, NAN);
        for (int s = 0; s < AUD_NSEVERITY; s++)
            count[s] += e[i]->count[s];
    }
    double t1 = now();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("reports %zu audit_s %.3f ms_per_report %.4f errors %zu warnings %zu info %zu peak_rss_mb %.1f\n", n, t1 - t0,
           (t1 - t0) * 1e3 / (double)n, count[AUD_ERROR], count[AUD_WARNING], count[AUD_INFO],
           (double)ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < n; i++)
        aud_enterprise_free(e[i]);
    free(e);
    fdb_free(db);
    aud_rules_free(rs);
    diag_free(dl);
    return 0;
}
