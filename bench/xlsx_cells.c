/* xlsx_cells.c - the workbook half of the benchmark's "limit": a bare
 * libxlsxwriter program writing as many cells as ghgcalc's Calculation sheet
 * for N records (3 rows a record, one per gas; 25 columns), in the same
 * column order and mix: per row 3 formulas with cached values (energy,
 * emission, CO2e), 8 numbers (the uncertainty column is empty, as in the
 * benchmark inventories), 13 short strings from small pools (input file:line,
 * category, sector, fuel, gas, units, sources). Like ghgcalc it uses
 * constant_memory and ZIP64 from 200,000 rows on (CLI_LARGE_ROWS) or with
 * --constant-memory, and starts a new sheet every 1,048,575 rows. With
 * --factor-refs the NCV, EF and GWP cells are formulas that refer to a
 * Factors sheet ("=Factors!$D$12", cached), as ghgcalc's rows do since they
 * refer to their factors: 6 formulas and 5 numbers a row.
 *
 * With --profile FILE (bench/cell_profile.py's count of a ghgcalc workbook)
 * it writes instead every sheet of that workbook as the bare library would:
 * as many rows, numbers, strings and formulas per sheet, strings and
 * formulas of the same mean length, as many distinct shared strings, and
 * constant_memory exactly when ghgcalc's workbook has no shared strings.
 *
 * With --replay FILE (bench/cell_dump.py's dump of a ghgcalc workbook) it
 * writes every cell of that workbook again: the same sheets, numbers, texts,
 * formulas with their cached results, and a distinct format wherever ghgcalc
 * had a style, with constant_memory exactly when ghgcalc used it, reading the
 * dump mapped in memory. That is the bare library doing the cells of the
 * workbook's whole job; charts, merged
 * ranges, column widths, validations and colour rules (a few per sheet) are
 * left out.
 * usage: xlsx_cells N OUT.xlsx [--constant-memory] [--factor-refs]
 *        xlsx_cells --profile FILE OUT.xlsx
 *        xlsx_cells --replay FILE OUT.xlsx */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define NCOLS 25
#define LARGE_ROWS 200000
#define SHEET_ROWS 1048575L

static const char *const cats[] = {"1.A.1.a", "1.A.2.c", "1.A.2.f", "1.A.3.b.iii", "1.A.4.b", "1.A.4.c", "1.A.2.a"};
static const char *const sectors[] = {"1.A.1", "1.A.2", "1.A.2", "1.A.3", "1.A.4", "1.A.4", "1.A.2"};
static const char *const fuels[] = {"natural_gas", "other_bituminous_coal", "gas_diesel_oil", "lpg", "coking_coal"};
static const char *const units[] = {"t", "10^4 t", "万吨", "Gg", "TJ"};
static const char *const gases[] = {"CO2", "CH4", "N2O"};
static const char *const head[NCOLS] = {
    "Record no.", "Input", "Category", "Sector", "Fuel", "Gas", "Amount", "Unit", "Unit factor", "NCV",
    "NCV unit", "Energy (TJ)", "EF", "EF unit", "EF factor", "Oxidation", "Emission (t gas)", "GWP",
    "Emission (t CO2e)", "Memo (biogenic CO2)", "NCV source", "EF source", "Oxidation source", "Uncertainty (%)",
    "Data source"};

static lxw_worksheet *new_sheet(lxw_workbook *wb, int k, lxw_format *bold)
{
    char name[32];
    snprintf(name, sizeof name, k ? "Calculation %d" : "Calculation", k + 1);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    for (int c = 0; c < NCOLS; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], bold);
    return ws;
}

/* A new workbook at `path`, in constant_memory mode with ZIP64 when `cm`
 * (as ghgcalc opens a large one); NULL when it cannot be created. */
static lxw_workbook *open_wb(const char *path, int cm)
{
    lxw_workbook_options opt = {.constant_memory = cm ? LXW_TRUE : LXW_FALSE, .tmpdir = NULL,
                                .use_zip64 = cm ? LXW_TRUE : LXW_FALSE};
    return workbook_new_opt(path, &opt);
}

/* Closes (writes) `wb`: 0, or 3 with the library's reason on stderr. */
static int close_wb(lxw_workbook *wb)
{
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        fprintf(stderr, "xlsx_cells: %s\n", lxw_strerror(e));
        return 3;
    }
    return 0;
}

/* One sheet of a profile: its rows and cells by kind, and the bytes of
 * their inline strings and formulas. */
typedef struct {
    long rows, num, str, fml, str_bytes, fml_bytes;
} prof_sheet;

/* Text of mean length `len` (at least the id's digits), distinct per id. */
static void pad_text(char *buf, size_t cap, const char *fmt, long id, long len)
{
    int n = snprintf(buf, cap, fmt, id);
    while (n < len && (size_t)n + 2 < cap) {
        buf[n++] = fmt[0] == 'A' ? '+' : 'x';
        if (fmt[0] == 'A')
            buf[n++] = '0';
    }
    buf[n] = '\0';
}

/* Writes one profiled sheet: its cells row by row, the kinds interleaved in
 * their proportions; strings cycle over `unique` distinct texts of mean
 * length `slen` (unique 0: every one distinct). Returns the cells written. */
static long prof_write(lxw_workbook *wb, int k, const prof_sheet *p, long unique, long slen, long *sid)
{
    char name[32], buf[8192];
    snprintf(name, sizeof name, "S%d", k + 1);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    long cells = p->num + p->str + p->fml, rows = p->rows > 0 ? p->rows : 1;
    long cols = (cells + rows - 1) / rows, flen = p->fml ? p->fml_bytes / p->fml : 0;
    long done[3] = {0, 0, 0}, want[3] = {p->num, p->str, p->fml};
    for (long i = 0; i < cells && ws; i++) {
        int t = 0;
        double best = -1e300;
        for (int j = 0; j < 3; j++) { /* the kind furthest behind its share */
            double lag = (double)want[j] * (double)(i + 1) / (double)cells - (double)done[j];
            if (want[j] > done[j] && lag > best) {
                best = lag;
                t = j;
            }
        }
        done[t]++;
        lxw_row_t r = (lxw_row_t)(i / cols);
        lxw_col_t c = (lxw_col_t)(i % cols);
        if (t == 0) {
            worksheet_write_number(ws, r, c, 1.0 + (double)(i % 997) * 1.37, NULL);
        } else if (t == 1) {
            long id = unique ? (*sid)++ % unique : (*sid)++;
            pad_text(buf, sizeof buf, "s%ld", id, slen);
            worksheet_write_string(ws, r, c, buf, NULL);
        } else {
            pad_text(buf, sizeof buf, "A%ld*B1", (long)r + 1, flen);
            worksheet_write_formula_num(ws, r, c, buf, NULL, 2.0);
        }
    }
    return cells;
}

/* The --profile mode: every sheet of the profile in FILE; 0, or 2/3 on a
 * bad profile or a failed write. */
static int prof_main(const char *file, const char *out)
{
    FILE *f = fopen(file, "r");
    prof_sheet sh[256];
    int n = 0;
    long count = 0, unique = 0, sst_bytes = 0, str_bytes = 0, strs = 0;
    char kind[16];
    while (f && n < 256 && fscanf(f, "%15s", kind) == 1) {
        prof_sheet *p = &sh[n];
        if (strcmp(kind, "sheet") == 0 && fscanf(f, "%ld %ld %ld %ld %ld %ld", &p->rows, &p->num, &p->str, &p->fml,
                                                 &p->str_bytes, &p->fml_bytes) == 6) {
            str_bytes += p->str_bytes;
            strs += p->str;
            n++;
        } else if (strcmp(kind, "shared") != 0 || fscanf(f, "%ld %ld %ld", &count, &unique, &sst_bytes) != 3) {
            fprintf(stderr, "xlsx_cells: %s: not a cell_profile.py profile\n", file);
            fclose(f);
            return 2;
        }
    }
    if (!f || !n)
        return 2;
    fclose(f);
    int cm = count == 0; /* ghgcalc wrote strings inline: it used constant_memory */
    lxw_workbook *wb = open_wb(out, cm);
    if (!wb)
        return 3;
    long slen = cm ? (strs ? str_bytes / strs : 8) : (unique ? sst_bytes / unique : 8), sid = 0, cells = 0;
    for (int k = 0; k < n; k++)
        cells += prof_write(wb, k, &sh[k], cm ? 0 : unique, slen, &sid);
    if (close_wb(wb))
        return 3;
    printf("%d sheets, %ld cells%s\n", n, cells, cm ? " (constant_memory, zip64)" : "");
    return 0;
}

/* The dump, mapped into memory: the replay reads it as the library's caller
 * holds its data, without a read call per field (which would add its own
 * cost to the limit). */
typedef struct {
    const unsigned char *p, *end;
} dump_in;

/* Copies `n` bytes of the dump into `out` (NULL: skips them): 1, or 0 at
 * its end. */
static int rd(dump_in *d, void *out, size_t n)
{
    if ((size_t)(d->end - d->p) < n)
        return 0;
    if (out)
        memcpy(out, d->p, n);
    d->p += n;
    return 1;
}

/* A u32 length and that many bytes, as a C string in `buf` (capacity
 * `cap`): 1, or 0 when the dump is short or the text too long. */
static int rd_text(dump_in *d, char *buf, size_t cap)
{
    uint32_t len;
    if (!rd(d, &len, sizeof len) || len >= cap || !rd(d, buf, len))
        return 0;
    buf[len] = '\0';
    return 1;
}

/* Writes the cell of the record of kind `kind` at d->p: 1, or 0 when the
 * record is bad or the library refuses it. */
static int replay_cell(dump_in *d, int kind, lxw_worksheet *ws, lxw_format *const *fmt, unsigned top, char *text,
                       char *fml, size_t cap)
{
    uint32_t row;
    uint16_t col, style;
    double v = 0;
    if (!ws || !rd(d, &row, sizeof row) || !rd(d, &col, sizeof col) || !rd(d, &style, sizeof style) || style > top)
        return 0;
    lxw_format *x = fmt[style];
    switch (kind) {
    case 'N':
        return rd(d, &v, sizeof v) && worksheet_write_number(ws, row, col, v, x) == LXW_NO_ERROR;
    case 'T':
        return rd_text(d, text, cap) && worksheet_write_string(ws, row, col, text, x) == LXW_NO_ERROR;
    case 'F':
        return rd_text(d, fml, cap) && rd(d, &v, sizeof v) &&
               worksheet_write_formula_num(ws, row, col, fml, x, v) == LXW_NO_ERROR;
    case 'G':
        return rd_text(d, fml, cap) && rd_text(d, text, cap) &&
               worksheet_write_formula_str(ws, row, col, fml, x, text) == LXW_NO_ERROR;
    case 'B':
        return worksheet_write_blank(ws, row, col, x) == LXW_NO_ERROR;
    default:
        return 0;
    }
}

/* The --replay mode: every cell of the dump in FILE; 0, or 2/3 on a bad dump
 * or a failed write. */
static int replay_main(const char *file, const char *out)
{
    enum { TEXT_CAP = 1 << 20, MAX_STYLES = 4096 };
    int fd = open(file, O_RDONLY);
    struct stat st;
    void *map = fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0
                    ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)
                    : MAP_FAILED;
    if (fd >= 0)
        close(fd);
    dump_in d = {map, map == MAP_FAILED ? NULL : (const unsigned char *)map + st.st_size};
    uint8_t cm = 0;
    uint16_t top = 0;
    if (map == MAP_FAILED || (size_t)(d.end - d.p) < 9 || memcmp(d.p, "GHGCELLS1", 9) != 0 ||
        !rd(&d, NULL, 9) || !rd(&d, &cm, 1) || !rd(&d, &top, sizeof top) || top >= MAX_STYLES) {
        fprintf(stderr, "xlsx_cells: %s: not a cell_dump.py dump\n", file);
        if (map != MAP_FAILED)
            munmap(map, (size_t)st.st_size);
        return 2;
    }
    madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
    lxw_workbook *wb = open_wb(out, cm);
    char *text = malloc(TEXT_CAP), *fml = malloc(TEXT_CAP);
    lxw_format **fmt = calloc((size_t)top + 1, sizeof *fmt);
    if (!wb || !text || !fml || !fmt) {
        munmap(map, (size_t)st.st_size);
        return 3;
    }
    /* A distinct format per style index ghgcalc used: "0.0", "0.00", ... (Excel shows at most 30
     * decimals), then the same with a font 1 pt larger than the default 11 pt for each further 30. */
    enum { MAX_DECIMALS = 30, DEFAULT_FONT_PT = 11 };
    for (unsigned k = 1; k <= top; k++) {
        char nf[64];
        snprintf(nf, sizeof nf, "0.%0*d", (int)(k % MAX_DECIMALS) + 1, 0);
        fmt[k] = workbook_add_format(wb);
        format_set_num_format(fmt[k], nf);
        if (k >= MAX_DECIMALS)
            format_set_font_size(fmt[k], (double)(DEFAULT_FONT_PT + k / MAX_DECIMALS));
    }
    lxw_worksheet *ws = NULL;
    long cells = 0, sheets = 0;
    int ok = 1;
    while (ok && d.p < d.end) {
        int kind = *d.p++;
        if (kind == 'S') {
            uint16_t len;
            ok = rd(&d, &len, sizeof len) && rd(&d, text, len);
            text[ok ? len : 0] = '\0';
            ws = ok ? workbook_add_worksheet(wb, text) : NULL;
            ok = ws != NULL;
            sheets++;
        } else {
            ok = replay_cell(&d, kind, ws, fmt, top, text, fml, TEXT_CAP);
            cells++;
        }
    }
    munmap(map, (size_t)st.st_size);
    free(text);
    free(fml);
    free(fmt);
    if (!ok) {
        fprintf(stderr, "xlsx_cells: %s: a bad record after %ld cells\n", file, cells);
        workbook_close(wb);
        return 2;
    }
    if (close_wb(wb))
        return 3;
    printf("%ld sheets, %ld cells%s\n", sheets, cells, cm ? " (constant_memory, zip64)" : "");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--replay") == 0)
        return replay_main(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "--profile") == 0)
        return prof_main(argv[2], argv[3]);
    if (argc < 3) {
        fprintf(stderr, "usage: xlsx_cells N OUT.xlsx [--constant-memory] [--factor-refs]\n");
        return 2;
    }
    long n = atol(argv[1]);
    long rows = n * 3;
    int cm = rows >= LARGE_ROWS, refs = 0;
    for (int i = 3; i < argc; i++) {
        cm = cm || strcmp(argv[i], "--constant-memory") == 0;
        refs = refs || strcmp(argv[i], "--factor-refs") == 0;
    }
    lxw_workbook *wb = open_wb(argv[2], cm);
    if (!wb)
        return 3;
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *tfmt = workbook_add_format(wb);
    format_set_num_format(tfmt, "#,##0.000");
    lxw_format *ifmt = workbook_add_format(wb);
    format_set_num_format(ifmt, "0");
    lxw_worksheet *ws = NULL;
    char buf[96], f[96];
    long cells = 0;
    for (long k = 0; k < rows; k++) {
        if (k % SHEET_ROWS == 0)
            ws = new_sheet(wb, (int)(k / SHEET_ROWS), bold);
        long rec = k / 3;
        int g = (int)(k % 3);
        lxw_row_t row = (lxw_row_t)(k % SHEET_ROWS) + 1;
        unsigned r1 = (unsigned)row + 1;
        double amount = 1.0 + (double)(rec % 997) * 1.37, uf = 10.0, ncv = 25.8;
        double ef = g == 0 ? 94600 : g == 1 ? 1 : 1.5, gwp = g == 0 ? 1 : g == 1 ? 28 : 265;
        double energy = amount * uf * ncv, emis = energy * ef * 1e-3 * 1.0;
        worksheet_write_number(ws, row, 0, (double)rec + 1, ifmt);
        snprintf(buf, sizeof buf, "bench/out/inv.yaml:%ld", 9 + rec * 6);
        worksheet_write_string(ws, row, 1, buf, NULL);
        worksheet_write_string(ws, row, 2, cats[rec % 7], NULL);
        worksheet_write_string(ws, row, 3, sectors[rec % 7], NULL);
        worksheet_write_string(ws, row, 4, fuels[rec % 5], NULL);
        worksheet_write_string(ws, row, 5, gases[g], NULL);
        worksheet_write_number(ws, row, 6, amount, NULL);
        worksheet_write_string(ws, row, 7, units[rec % 5], NULL);
        worksheet_write_number(ws, row, 8, uf, NULL);
        if (refs) { /* the factor rows of a few fuels and the three GWPs, as on ghgcalc's Factors */
            snprintf(f, sizeof f, "=Factors!$D$%d", 2 + (int)(rec % 5) * 4);
            worksheet_write_formula_num(ws, row, 9, f, NULL, ncv);
        } else {
            worksheet_write_number(ws, row, 9, ncv, NULL);
        }
        worksheet_write_string(ws, row, 10, "TJ/Gg", NULL);
        snprintf(f, sizeof f, "=G%u*I%u*J%u", r1, r1, r1);
        worksheet_write_formula_num(ws, row, 11, f, tfmt, energy);
        if (refs) {
            snprintf(f, sizeof f, "=Factors!$D$%d", 3 + (int)(rec % 5) * 4 + g);
            worksheet_write_formula_num(ws, row, 12, f, NULL, ef);
        } else {
            worksheet_write_number(ws, row, 12, ef, NULL);
        }
        worksheet_write_string(ws, row, 13, "kg/TJ", NULL);
        worksheet_write_number(ws, row, 14, 1e-3, NULL);
        worksheet_write_number(ws, row, 15, 1.0, NULL);
        snprintf(f, sizeof f, "=L%u*M%u*O%u*P%u", r1, r1, r1, r1);
        worksheet_write_formula_num(ws, row, 16, f, tfmt, emis);
        if (refs) {
            snprintf(f, sizeof f, "=Factors!$D$%d", 30 + g);
            worksheet_write_formula_num(ws, row, 17, f, NULL, gwp);
        } else {
            worksheet_write_number(ws, row, 17, gwp, NULL);
        }
        snprintf(f, sizeof f, "=Q%u*R%u", r1, r1);
        worksheet_write_formula_num(ws, row, 18, f, tfmt, emis * gwp);
        worksheet_write_string(ws, row, 19, "no", NULL);
        worksheet_write_string(ws, row, 20, "ipcc2006-energy: Vol.2 Ch.1 Table 1.2; EFDB 117467", NULL);
        worksheet_write_string(ws, row, 21, "ipcc2006-energy: Vol.2 Ch.2 Table 2.3; EFDB 117844", NULL);
        worksheet_write_string(ws, row, 22, g == 0 ? "default: complete oxidation (IPCC 2006 Vol.2 Ch.1)" : "", NULL);
        worksheet_write_string(ws, row, 24, "enterprise report, plant 007", NULL);
        cells += g == 0 ? 24 : 23;
    }
    if (refs) { /* the sheet the references name: a value per row, as a factor list */
        lxw_worksheet *fs = workbook_add_worksheet(wb, "Factors");
        for (int r = 1; r < 33; r++)
            worksheet_write_number(fs, (lxw_row_t)r, 3, 1.0 + r, NULL);
    }
    if (close_wb(wb))
        return 3;
    printf("%ld rows, %ld cells%s\n", rows, cells, cm ? " (constant_memory, zip64)" : "");
    return 0;
}
