/* test_sheet_in.c - the xlsx and CSV readers: cell types, formats, sparse rows, encodings, quoting, and bad files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zip.h>

#include "csv_in.h"
#include "grid.h"
#include "test_helpers.h"
#include "xlsx_in.h"

/* ------------------------------------------------------------------ building test workbooks */

/* One part of a zip archive: its name and its text. */
typedef struct {
    const char *name;
    const char *text;
} part;

/* Writes the parts into a zip file at `path` (minizip's zip.h, deflated as Excel does). */
static void write_zip(const char *path, const part *parts, size_t n)
{
    zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(
            zipOpenNewFileInZip64(z, parts[i].name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0),
            ZIP_OK);
        assert_int_equal(zipWriteInFileInZip(z, parts[i].text, (unsigned)strlen(parts[i].text)), ZIP_OK);
        assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
    }
    assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

#define NS                                                                                                             \
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "                                             \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_WS "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"

static const char wb_xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                             "<workbook " NS "><workbookPr/><sheets>"
                             "<sheet name=\"Activities\" sheetId=\"1\" r:id=\"rId1\"/>"
                             "<sheet name=\"Lists\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
                             "</sheets></workbook>";

static const char rels_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId2\" Type=\"" REL_WS "\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"" REL_WS "\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

/* Shared strings: a plain one, a rich one with a phonetic run, one with an escaped carriage return, UTF-8. */
static const char sst_xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<sst " NS " count=\"4\" uniqueCount=\"4\">"
                              "<si><t>category</t></si>"
                              "<si><r><rPr><b/></rPr><t>amo</t></r><r><t xml:space=\"preserve\">unt </t></r><rPh "
                              "sb=\"0\" eb=\"1\"><t>X</t></rPh></si>"
                              "<si><t>line one_x000D_</t></si>"
                              "<si><t>原煤 &amp; 万吨</t></si>"
                              "</sst>";

/* Styles: 0 General, 1 a date (built-in 14), 2 percent (built-in 9), 3 a custom percent, 4 a custom date. */
static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<styleSheet " NS "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"9\"/></cellStyleXfs>"
    "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"9\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"165\"/></cellXfs></styleSheet>";

/* The sheet: every kind of cell, a sparse row, cells and rows without r. */
static const char sheet1_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<worksheet " NS "><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>fuel</t></is></c>"
    "<c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>780</v></c><c r=\"B2\" t=\"n\"><v>0.45000000000000001</v></c>"
    "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"E2\" s=\"1\"><v>43831</v></c>"
    "<c r=\"F2\" s=\"2\"><v>0.05</v></c><c r=\"G2\" s=\"3\"><v>0.1</v></c><c r=\"H2\"><f>A2*2</f><v>1560</v></c>"
    "<c r=\"I2\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c><c r=\"J2\" s=\"4\"><v>45000.5</v></c>"
    "<c r=\"K2\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c><v>2</v></c><c r=\"C5\" s=\"1\"/><c r=\"AB5\"><v>-3e-2</v></c></row>"
    "<row><c r=\"A6\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c>"
    "<c r=\"B6\" t=\"s\"><v>1</v></c><c r=\"C6\" t=\"inlineStr\"><is><t></t></is></c></row>"
    "</sheetData></worksheet>";

static const char sheet2_xml[] =
    "<?xml version=\"1.0\"?><worksheet " NS "><sheetData><row r=\"2\">"
    "<c r=\"A2\" t=\"inlineStr\"><is><t>1.A.1.a</t></is></c></row></sheetData></worksheet>";

/* Writes the test workbook, with `sheet1` in place of the good first sheet when not NULL. */
static void write_book(const char *path, const char *sheet1, const char *sst)
{
    part parts[] = {{"xl/workbook.xml", wb_xml},
                    {"xl/_rels/workbook.xml.rels", rels_xml},
                    {"xl/styles.xml", styles_xml},
                    {"xl/sharedStrings.xml", sst ? sst : sst_xml},
                    {"xl/worksheets/sheet1.xml", sheet1 ? sheet1 : sheet1_xml},
                    {"xl/worksheets/sheet2.xml", sheet2_xml}};
    write_zip(path, parts, sizeof parts / sizeof *parts);
}

/* ------------------------------------------------------------------ xlsx: cells */

/* What one cell must read as. */
typedef struct {
    const char *sheet, *ref;
    grid_kind kind;
    double num;       /* GRID_NUM, GRID_BOOL */
    const char *text; /* GRID_TEXT, GRID_ERROR */
    unsigned fmt;
    bool formula;
} cell_case;

static const cell_case xlsx_cells[] = {
    {"Activities", "A1", GRID_TEXT, 0, "category", 0, false},    /* shared string */
    {"Activities", "B1", GRID_TEXT, 0, "fuel", 0, false},        /* inline string */
    {"Activities", "C1", GRID_TEXT, 0, "amount ", 0, false},     /* rich text runs joined, phonetic run left out */
    {"Activities", "D1", GRID_TEXT, 0, "原煤 & 万吨", 0, false}, /* UTF-8 and an entity */
    {"Activities", "A2", GRID_NUM, 780, NULL, 0, false},         /* number without t */
    {"Activities", "B2", GRID_NUM, 0.45, NULL, 0, false},        /* 17 digits read back as the double 0.45 */
    {"Activities", "C2", GRID_BOOL, 1, NULL, 0, false},          /* boolean */
    {"Activities", "D2", GRID_ERROR, 0, "#DIV/0!", 0, false},    /* error value */
    {"Activities", "E2", GRID_NUM, 43831, NULL, GRID_FMT_DATE, false},   /* 2020-01-01 as Excel's day number */
    {"Activities", "F2", GRID_NUM, 0.05, NULL, GRID_FMT_PERCENT, false}, /* 5 % typed into a percent cell */
    {"Activities", "G2", GRID_NUM, 0.1, NULL, GRID_FMT_PERCENT, false},  /* custom format 0.0% */
    {"Activities", "H2", GRID_NUM, 1560, NULL, 0, true},                 /* formula's cached value: 780 x 2 */
    {"Activities", "I2", GRID_TEXT, 0, "ab", 0, true},                   /* formula with a text result */
    {"Activities", "J2", GRID_NUM, 45000.5, NULL, GRID_FMT_DATE, false}, /* custom date format yyyy-mm-dd */
    {"Activities", "K2", GRID_TEXT, 0, "line one\r", 0, false},          /* _x000D_ is a carriage return */
    {"Activities", "A5", GRID_NUM, 1, NULL, 0, false},                   /* rows 3 and 4 are absent */
    {"Activities", "B5", GRID_NUM, 2, NULL, 0, false},                   /* a cell without r follows A5 */
    {"Activities", "AB5", GRID_NUM, -0.03, NULL, 0, false},              /* column 28, exponent notation */
    {"Activities", "A6", GRID_TEXT, 0, "inline", 0, false},              /* a row without r follows row 5 */
    {"Activities", "B6", GRID_TEXT, 0, "amount ", 0, false},
    {"Lists", "A2", GRID_TEXT, 0, "1.A.1.a", 0, false}, /* second sheet, through an absolute relationship target */
};

static void test_xlsx_cells(void **state)
{
    (void)state;
    char path[] = "/tmp/ghgcalc-xin-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_book(path, NULL, NULL);
    grid_log *log = grid_log_new();
    grid_book *b = xin_read(path, log);
    assert_non_null(b);
    assert_int_equal(grid_log_errors(log), 0);
    assert_int_equal(b->n, 2);
    assert_false(b->sheets[0].hidden);
    assert_true(b->sheets[1].hidden);
    for (size_t i = 0; i < sizeof xlsx_cells / sizeof *xlsx_cells; i++) {
        const cell_case *k = &xlsx_cells[i];
        uint32_t row, col;
        assert_true(grid_parse_ref(k->ref, &row, &col));
        const grid_sheet *s = grid_sheet_named(b, k->sheet);
        assert_non_null(s);
        const grid_cell *c = grid_at(s, row, col);
        if (!c)
            fail_msg("%s!%s: no cell", k->sheet, k->ref);
        if (c->kind != k->kind || c->fmt != k->fmt || c->formula != k->formula)
            fail_msg("%s!%s: kind %d fmt %u formula %d", k->sheet, k->ref, c->kind, c->fmt, c->formula);
        if (k->text)
            assert_string_equal(c->text, k->text);
        else
            assert_close_what(c->num, k->num, 0, k->ref);
    }
    /* Only the cells above: C5 is styled but empty, C6 holds "" and rows 3-4 do not exist. */
    assert_int_equal(b->sheets[0].n, sizeof xlsx_cells / sizeof *xlsx_cells - 1);
    assert_null(grid_at(&b->sheets[0], 4, 2));
    assert_null(grid_at(&b->sheets[0], 2, 0));
    grid_free(b);
    grid_log_free(log);
    unlink(path);
}

/* ------------------------------------------------------------------ xlsx: bad files */

/* A bad workbook: the bytes or parts, and the start of the message it must give. */
typedef struct {
    const char *what;
    const char *bytes;   /* raw file content, or NULL to build a zip */
    const char *sheet1;  /* the first sheet's XML when building a zip */
    const char *sst;     /* the shared strings when building a zip */
    const char *message; /* the printed line must contain this */
} bad_case;

static const bad_case xlsx_bad[] = {
    {"text file", "category,fuel\n", NULL, NULL, ": error: not an xlsx workbook (no zip archive)"},
    {"old .xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", NULL, NULL, "Excel 97-2003 workbook (.xls)"},
    {"broken XML", NULL, "<worksheet><sheetData><row></sheetData>", NULL,
     "cannot read part 'xl/worksheets/sheet1.xml' of the workbook: line 1"},
    {"shared string out of range", NULL,
     "<worksheet><sheetData><row r=\"7\"><c r=\"B7\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>", NULL,
     ":Activities!B7: error: cell refers to a shared string the workbook does not have"},
    {"number that is no number", NULL,
     "<worksheet><sheetData><row r=\"3\"><c r=\"C3\"><v>12abc</v></c></row></sheetData></worksheet>", NULL,
     ":Activities!C3: error: cell holds a number Excel cannot have written"},
};

static void test_xlsx_bad(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof xlsx_bad / sizeof *xlsx_bad; i++) {
        const bad_case *k = &xlsx_bad[i];
        char path[] = "/tmp/ghgcalc-xin-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        if (k->bytes) {
            assert_int_equal(write(fd, k->bytes, strlen(k->bytes)), (ssize_t)strlen(k->bytes));
            close(fd);
        } else {
            close(fd);
            write_book(path, k->sheet1, k->sst);
        }
        grid_log *log = grid_log_new();
        grid_book *b = xin_read(path, log);
        char out[2048] = "";
        FILE *f = fmemopen(out, sizeof out, "w");
        grid_log_print(log, f, 0);
        fclose(f);
        if (b || !strstr(out, k->message))
            fail_msg("%s: got '%s', expected a message with '%s'", k->what, out, k->message);
        grid_log_free(log);
        unlink(path);
    }
}

/* ------------------------------------------------------------------ CSV */

/* A CSV and what it must read as: cells as "REF=text" joined by '|', in row order. */
typedef struct {
    const char *what;
    const char *bytes;
    size_t len; /* 0: strlen(bytes) */
    cin_encoding enc;
    const char *cells;
} csv_case;

static const csv_case csv_cases[] = {
    {"plain, LF, no final newline", "category,fuel,amount\n1.A.1.a,raw_coal,780", 0, CIN_AUTO,
     "A1=category|B1=fuel|C1=amount|A2=1.A.1.a|B2=raw_coal|C2=780"},
    {"CRLF and empty fields skipped", "a,,c\r\n,,\r\n,x,\r\n", 0, CIN_AUTO, "A1=a|C1=c|B3=x"},
    {"quotes, doubled quotes, embedded newline and comma", "\"plant \"\"A\"\", unit 1\",\"line 1\nline 2\",z\n", 0,
     CIN_AUTO, "A1=plant \"A\", unit 1|B1=line 1\nline 2|C1=z"},
    {"a record with a line break counts as one row", "\"a\r\nb\",1\nnext,2\n", 0, CIN_AUTO,
     "A1=a\r\nb|B1=1|A2=next|B2=2"},
    {"UTF-8 with BOM", "\xEF\xBB\xBF类别,数量\n原煤,780\n", 0, CIN_AUTO, "A1=类别|B1=数量|A2=原煤|B2=780"},
    {"UTF-8 without BOM", "单位\n万吨\n", 0, CIN_UTF8, "A1=单位|A2=万吨"},
    {"GB18030 (Chinese Excel's CSV), detected", /* 类别,燃料,数量,单位 / 1.A.1.a,原煤,780,万吨 / "电厂,""一号""",12 */
     "\xC0\xE0\xB1\xF0,\xC8\xBC\xC1\xCF,\xCA\xFD\xC1\xBF,\xB5\xA5\xCE\xBB\r\n"
     "1.A.1.a,\xD4\xAD\xC3\xBA,780,\xCD\xF2\xB6\xD6\r\n"
     "\"\xB5\xE7\xB3\xA7,\"\"\xD2\xBB\xBA\xC5\"\"\",12\r\n",
     0, CIN_AUTO, "A1=类别|B1=燃料|C1=数量|D1=单位|A2=1.A.1.a|B2=原煤|C2=780|D2=万吨|A3=电厂,\"一号\"|B3=12"},
    {"GB18030 given", "\xD4\xAD\xC3\xBA\n", 0, CIN_GB18030, "A1=原煤"},
    {"semicolon delimiter (European Excel)", "category;amount\n1.A.2;1,5\n", 0, CIN_AUTO,
     "A1=category|B1=amount|A2=1.A.2|B2=1,5"},
    {"tab delimiter", "a\tb\n1\t2\n", 0, CIN_AUTO, "A1=a|B1=b|A2=1|B2=2"},
    {"UTF-16LE with BOM (Excel's Unicode text)",
     "\xFF\xFE"
     "a\0,\0b\0\n\0",
     10, CIN_AUTO, "A1=a|B1=b"},
    {"empty file", "", 0, CIN_AUTO, ""},
};

/* The cells of sheet `s` as "REF=text|..." into buf. */
static void cells_text(const grid_book *b, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    const grid_sheet *s = &b->sheets[0];
    for (size_t i = 0; i < s->n && used < len; i++) {
        char ref[32];
        grid_place(b, s, s->cells[i].row, s->cells[i].col, ref, sizeof ref);
        used += (size_t)snprintf(buf + used, len - used, "%s%s=%s", i ? "|" : "", ref, s->cells[i].text);
    }
}

static void test_csv_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof csv_cases / sizeof *csv_cases; i++) {
        const csv_case *k = &csv_cases[i];
        grid_log *log = grid_log_new();
        grid_book *b = cin_read_mem("t.csv", k->bytes, k->len ? k->len : strlen(k->bytes), k->enc, log);
        if (!b)
            fail_msg("%s: not read", k->what);
        assert_true(b->csv);
        assert_string_equal(b->sheets[0].name, "t");
        char got[1024];
        cells_text(b, got, sizeof got);
        if (strcmp(got, k->cells) != 0)
            fail_msg("%s: got '%s', expected '%s'", k->what, got, k->cells);
        grid_free(b);
        grid_log_free(log);
    }
}

static const csv_case csv_bad[] = {
    {"quote never closes", "a,b\nc,\"open\n", 0, CIN_AUTO, "t.csv:B2: error: quoted field never closes"},
    {"text after a closing quote", "\"a\"b,c\n", 0, CIN_AUTO, "t.csv:A1: error: text after the closing quote"},
    {"GBK bytes read as UTF-8", "a\n\xCD\xF2\xB6\xD6\n", 0,
     CIN_UTF8, /* 万吨; 原煤 (D4 AD C3 BA) happens to be valid UTF-8 */
     "t.csv: error: line 2: bytes that are not UTF-8 (at byte 2)"},
    {"invalid in GB18030 too", "ok\n\x81\x20\n", 0, CIN_GB18030, "t.csv: error: line 2: bytes that are not GB18030"},
    {"a NUL byte", "a\0b\n", 4, CIN_AUTO, "t.csv: error: the file holds NUL bytes"},
};

static void test_csv_bad(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof csv_bad / sizeof *csv_bad; i++) {
        const csv_case *k = &csv_bad[i];
        grid_log *log = grid_log_new();
        grid_book *b = cin_read_mem("t.csv", k->bytes, k->len ? k->len : strlen(k->bytes), k->enc, log);
        char out[2048] = "";
        FILE *f = fmemopen(out, sizeof out, "w");
        grid_log_print(log, f, 0);
        fclose(f);
        if (b || !strstr(out, k->cells))
            fail_msg("%s: got '%s', expected '%s'", k->what, out, k->cells);
        grid_log_free(log);
    }
}

/* ------------------------------------------------------------------ grid helpers */

static void test_grid_refs(void **state)
{
    (void)state;
    static const struct {
        const char *ref;
        uint32_t row, col;
    } refs[] = {{"A1", 0, 0},
                {"B7", 6, 1},
                {"Z10", 9, 25},
                {"AA1", 0, 26},
                {"AB5", 4, 27},
                {"$C$3", 2, 2},
                {"XFD1048576", 1048575, 16383}};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
        uint32_t row, col;
        char back[16];
        assert_true(grid_parse_ref(refs[i].ref, &row, &col));
        assert_int_equal(row, refs[i].row);
        assert_int_equal(col, refs[i].col);
        grid_col_name(col, back, sizeof back);
        assert_int_equal(strncmp(back, refs[i].ref[0] == '$' ? refs[i].ref + 1 : refs[i].ref, strlen(back)), 0);
    }
    static const char *const bad[] = {"", "1A", "A0", "A", "ABCD1", "A1x", "XFE1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        uint32_t row, col;
        if (grid_parse_ref(bad[i], &row, &col))
            fail_msg("'%s' read as a cell reference", bad[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx_cells), cmocka_unit_test(test_xlsx_bad),  cmocka_unit_test(test_csv_cases),
        cmocka_unit_test(test_csv_bad),    cmocka_unit_test(test_grid_refs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
