/* SPDX-License-Identifier: MIT */
/* The workbook readers (issue 21): an .xlsx whose parts the test writes with libzip (every
 * kind of cell, skipped columns, dates by built-in and custom formats in both date systems,
 * sheets by name, damage), an .xlsx and an .xls that openpyxl and xlwt make from a CSV, each
 * read row by row as the import reads a CSV. */
#include <zip.h>
#include "testutil.h"
#include "base/book.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", tu_tmpdir());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmdir(dir);
    return 0;
}

static const char *path(const char *name)
{
    return tu_at(dir, name);
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define WORKBOOK(pr) "<?xml version=\"1.0\"?><workbook " NS ">" pr "<sheets>"                  \
    "<sheet name=\"说明\" sheetId=\"1\" r:id=\"rId2\"/>"                                         \
    "<sheet name=\"名册\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/" \
    "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"x/worksheet\" "            \
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"x/worksheet\" "       \
    "Target=\"/xl/worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" "                         \
    "Type=\"x/sharedStrings\" Target=\"strings.xml\"/></Relationships>"
#define STYLES "<styleSheet " NS "><numFmts><numFmt numFmtId=\"164\" "                          \
    "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/><numFmt numFmtId=\"165\" " \
    "formatCode=\"&quot;day&quot;0.00\"/></numFmts><cellStyleXfs><xf numFmtId=\"14\"/>"        \
    "</cellStyleXfs><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"  \
    "<xf numFmtId=\"165\"/><xf numFmtId=\"49\"/></cellXfs></styleSheet>"
#define STRINGS "<sst " NS "><si><t>证号</t></si><si><t>姓名</t></si><si><t>日期</t></si>"      \
    "<si><r><t>张</t></r><r><rPr/><t xml:space=\"preserve\">伟</t></r><rPh><t>ZW</t></rPh></si>" \
    "<si><t>a_x000D_b</t></si><si><t>备注</t></si></sst>"

/* The rows of the data sheet (sheet1.xml, "名册"). */
#define DATA "<worksheet " NS "><sheetData>"                                                     \
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"            \
    "<c r=\"C2\" t=\"s\"><v>2</v></c><c r=\"D2\" t=\"s\"><v>5</v></c><c r=\"F2\" s=\"4\"/></row>" \
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>341503199001011234</t></is></c>"          \
    "<c r=\"B3\" t=\"s\"><v>3</v></c><c r=\"C3\" s=\"1\"><v>36526</v></c></row>"               \
    "<row r=\"5\"><c r=\"A5\"><v>3.41503199001011E+17</v></c><c r=\"C5\" s=\"2\"><v>60.5</v></c>" \
    "<c r=\"D5\" t=\"str\"><f>A1</f><v>x</v></c></row>"                                         \
    "<row r=\"6\"><c><v>12.0</v></c><c t=\"b\"><v>1</v></c><c s=\"2\"><v>59</v></c>"           \
    "<c t=\"e\"><v>#N/A</v></c></row>"                                                          \
    "<row r=\"7\"><c r=\"A7\" s=\"3\"><v>61</v></c><c r=\"B7\" t=\"s\"><v>4</v></c>"           \
    "<c r=\"C7\" s=\"4\"><v>45000</v></c></row>"                                                \
    "<row r=\"8\"><c r=\"B8\" t=\"inlineStr\"><is><t></t></is></c></row>"                      \
    "<row r=\"9\"><c r=\"A9\"><v>341503199001011234</v></c><c r=\"E9\" t=\"inlineStr\">"       \
    "<is><t>多</t></is></c></row></sheetData></worksheet>"
#define OTHER "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"   \
    "这一页不是名册</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>1</v></c></row>"      \
    "</sheetData></worksheet>"

/* Writes an .xlsx of the given parts (name, text, ...; NULL ends). */
static void write_xlsx(const char *name, ...)
{
    va_list ap;
    int ze;
    zip_t *z = zip_open(path(name), ZIP_CREATE | ZIP_TRUNCATE, &ze);
    const char *part;

    assert_non_null(z);
    va_start(ap, name);
    while ((part = va_arg(ap, const char *)) != NULL) {
        const char *text = va_arg(ap, const char *);
        zip_source_t *s = zip_source_buffer(z, text, strlen(text), 0);
        assert_non_null(s);
        assert_true(zip_file_add(z, part, s, ZIP_FL_OVERWRITE) >= 0);
    }
    va_end(ap);
    assert_int_equal(zip_close(z), 0);
}

/* The book's rows as "line:a|b|c" lines, one after another. */
static int read_all(const char *name, const char *sheet, char *out, size_t n,
                    struct dpf_err *err)
{
    struct book *b;
    struct csv_record rec;
    size_t len = 0;
    int r;

    out[0] = '\0';
    if ((r = book_open(&b, path(name), book_kind_of(path(name)), sheet, err)) != DPF_OK)
        return r;
    while ((r = book_next(b, &rec, err)) > 0) {
        len += (size_t)snprintf(out + len, n - len, "%ld:", rec.line);
        for (int i = 0; i < rec.nfields; i++)
            len += (size_t)snprintf(out + len, n - len, "%s%s", i ? "|" : "", rec.fields[i]);
        len += (size_t)snprintf(out + len, n - len, "\n");
    }
    book_free(b);
    return r == 0 ? DPF_OK : -2;
}

static void test_cells(void **state)
{
    struct dpf_err err;
    char out[4096];
    (void)state;

    write_xlsx("a.xlsx", "xl/workbook.xml", WORKBOOK(""), "xl/_rels/workbook.xml.rels", RELS,
               "xl/styles.xml", STYLES, "xl/strings.xml", STRINGS,
               "xl/worksheets/sheet1.xml", DATA, "xl/worksheets/sheet2.xml", OTHER, (const char *)NULL);
    assert_int_equal(book_kind_of(path("a.xlsx")), BOOK_XLSX);
    assert_int_equal(read_all("a.xlsx", "名册", out, sizeof out, &err), DPF_OK);
    /* The header's width is 4 (F2 is empty); short rows are padded, a wider one stays wide;
     * row 8 has no text and is left out. */
    assert_string_equal(out,
                        "2:证号|姓名|日期|备注\n"
                        "3:341503199001011234|张伟|2000-01-01|\n"
                        "5:3.41503199001011E+17||1900-02-29|x\n"
                        "6:12|TRUE|1900-02-28|#N/A\n"
                        "7:61|a\rb|45000|\n"
                        "9:341503199001011234||||多\n");
    /* The first sheet by default, by its place in the workbook, not its part's name. */
    assert_int_equal(read_all("a.xlsx", NULL, out, sizeof out, &err), DPF_OK);
    assert_string_equal(out, "1:这一页不是名册\n2:1900-01-01\n");
    assert_int_equal(read_all("a.xlsx", "花名册", out, sizeof out, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "a.xlsx: no sheet named \"花名册\"; its sheets are "
                                    "\"说明\", \"名册\""));
}

static void test_date1904(void **state)
{
    struct dpf_err err;
    char out[256];
    (void)state;

    write_xlsx("b.xlsx", "xl/workbook.xml", WORKBOOK("<workbookPr date1904=\"1\"/>"),
               "xl/_rels/workbook.xml.rels", RELS, "xl/styles.xml", STYLES,
               "xl/worksheets/sheet2.xml", OTHER, (const char *)NULL);
    assert_int_equal(read_all("b.xlsx", NULL, out, sizeof out, &err), DPF_OK);
    assert_string_equal(out, "1:这一页不是名册\n2:1904-01-02\n");
}

static void test_serial_and_formats(void **state)
{
    char d[11];
    (void)state;

    assert_true(book_serial_date(d, 1, 0));
    assert_string_equal(d, "1900-01-01");
    assert_true(book_serial_date(d, 43890.75, 0));
    assert_string_equal(d, "2020-02-29");
    assert_true(book_serial_date(d, 0, 1));
    assert_string_equal(d, "1904-01-01");
    assert_false(book_serial_date(d, -1, 0));
    assert_false(book_serial_date(d, 3e6, 0));
    assert_true(book_format_is_date("yyyy/m/d"));
    assert_true(book_format_is_date("[$-804]yyyy\"年\"m\"月\"d\"日\";@"));
    assert_true(book_format_is_date("h:mm"));
    assert_false(book_format_is_date("General"));
    assert_false(book_format_is_date("0.00_);[Red](0.00)"));
    assert_false(book_format_is_date("\"day\"0"));
    assert_false(book_format_is_date("\\d0"));
}

static void test_damage(void **state)
{
    struct dpf_err err;
    char out[256];
    FILE *f;
    (void)state;

    /* A zip that is no workbook; a workbook whose sheet is gone; a sheet with a DTD; bad XML
     * part way through a sheet (the rows before it are read, then the failure). */
    write_xlsx("c.xlsx", "hello.txt", "hi", (const char *)NULL);
    assert_int_equal(read_all("c.xlsx", NULL, out, sizeof out, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "c.xlsx: not an Excel workbook"));
    write_xlsx("d.xlsx", "xl/workbook.xml", WORKBOOK(""), "xl/_rels/workbook.xml.rels", RELS,
               (const char *)NULL);
    assert_int_equal(read_all("d.xlsx", NULL, out, sizeof out, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "d.xlsx: the workbook is damaged"));
    write_xlsx("e.xlsx", "xl/workbook.xml", WORKBOOK(""), "xl/_rels/workbook.xml.rels", RELS,
               "xl/worksheets/sheet2.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>", (const char *)NULL);
    assert_int_equal(read_all("e.xlsx", NULL, out, sizeof out, &err), -2);
    assert_non_null(strstr(err.msg, "e.xlsx: the workbook is damaged"));
    write_xlsx("f.xlsx", "xl/workbook.xml", WORKBOOK(""), "xl/_rels/workbook.xml.rels", RELS,
               "xl/worksheets/sheet2.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is>"
               "<t>ok</t></is></c></row><row><c><v>1</c></row></sheetData></worksheet>", (const char *)NULL);
    assert_int_equal(read_all("f.xlsx", NULL, out, sizeof out, &err), -2);
    assert_string_equal(out, "1:ok\n");
    assert_non_null(strstr(err.msg, "f.xlsx: the workbook is damaged (the sheet, line 1"));
    write_xlsx("g.xlsx", "xl/workbook.xml", WORKBOOK(""), "xl/_rels/workbook.xml.rels", RELS,
               "xl/worksheets/sheet2.xml", "<worksheet><sheetData><row r=\"1048577\"><c><v>1"
               "</v></c></row></sheetData></worksheet>", (const char *)NULL);
    assert_int_equal(read_all("g.xlsx", NULL, out, sizeof out, &err), -2);
    assert_non_null(strstr(err.msg, "g.xlsx: the sheet is too large"));
    /* A zip cut short: its central directory is gone. */
    f = fopen(path("h.xlsx"), "wb");
    assert_non_null(f);
    fputs("PK\3\4 not really a zip", f);
    fclose(f);
    assert_int_equal(read_all("h.xlsx", NULL, out, sizeof out, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "h.xlsx: the workbook is damaged"));
    /* An OLE2 file that is no .xls (as an encrypted .xlsx is). */
    f = fopen(path("i.xls"), "wb");
    assert_non_null(f);
    fputs("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and nothing else", f);
    fclose(f);
    assert_int_equal(book_kind_of(path("i.xls")), BOOK_XLS);
    assert_int_equal(read_all("i.xls", NULL, out, sizeof out, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "i.xls: cannot read this .xls workbook"));
}

/* Runs the fixture maker (tests/tools/workbook_fixture.py) on a CSV the test writes. */
static void make_fixture(const char *out, const char *opts)
{
    char cmd[1024];
    FILE *f = fopen(path("in.csv"), "w");

    assert_non_null(f);
    fputs("证号,姓名,出生日期,电话,备注\n"
          "341503199001011234,张伟,1990-01-01,13805641234,\n"
          "341503199001011234,李秀英,1978/7/20,,听力\n"
          ",王,2015-01-01,0564,x\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/tools/workbook_fixture.py %s %s %s",
             path("in.csv"), path(out), opts);
    assert_int_equal(system(cmd), 0);
}

static void test_made_by_openpyxl_and_xlwt(void **state)
{
    const char *want = "1:证号|姓名|出生日期|电话|备注\n"
                       "2:341503199001011234|张伟|1990-01-01|13805641234|\n"
                       "3:341503199001011234|李秀英|1978/7/20||听力\n"
                       "4:|王|2015-01-01|564|x\n";
    struct dpf_err err;
    char out[1024];
    (void)state;

    make_fixture("m.xlsx", "--dates 出生日期 --numbers 电话 --shared --sheet 名册 --before 说明");
    assert_int_equal(read_all("m.xlsx", "名册", out, sizeof out, &err), DPF_OK);
    assert_string_equal(out, want);
    make_fixture("m.xls", "--dates 出生日期 --numbers 电话 --sheet 名册 --before 说明");
    assert_int_equal(read_all("m.xls", "名册", out, sizeof out, &err), DPF_OK);
    assert_string_equal(out, want);
    /* An 18-digit number is given as the cell holds it (openpyxl, as Python, writes the
     * float's repr), for the import's checks to catch. */
    make_fixture("n.xlsx", "--numbers 证号");
    assert_int_equal(read_all("n.xlsx", NULL, out, sizeof out, &err), DPF_OK);
    assert_non_null(strstr(out, "2:3.415031990010113e+17|张伟"));
    make_fixture("n.xls", "--numbers 证号");
    assert_int_equal(read_all("n.xls", NULL, out, sizeof out, &err), DPF_OK);
    assert_non_null(strstr(out, "2:3.41503199001011E+17|张伟"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cells, setup, teardown),
        cmocka_unit_test_setup_teardown(test_date1904, setup, teardown),
        cmocka_unit_test(test_serial_and_formats),
        cmocka_unit_test_setup_teardown(test_damage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_made_by_openpyxl_and_xlwt, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
