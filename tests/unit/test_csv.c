/* SPDX-License-Identifier: MIT */
/* The RFC 4180 reader and writer: quoting, doubled quotes, line breaks inside quotes, CRLF,
 * empty fields, and malformed records reported with line and column, then skipped. */
#include "testutil.h"
#include "dpf/csv.h"
#include "dpf/textfile.h"

static void read_all(const char *text, char out[][8][32], long *lines, int *counts, int *n)
{
    struct csv_reader r;
    struct csv_record rec;
    struct dpf_err err;
    int rc;
    *n = 0;
    csv_reader_init(&r, text, strlen(text));
    while ((rc = csv_next(&r, &rec, &err)) != 0) {
        assert_int_equal(rc, 1);
        lines[*n] = rec.line;
        counts[*n] = rec.nfields;
        for (int i = 0; i < rec.nfields && i < 8; i++)
            snprintf(out[*n][i], 32, "%s", rec.fields[i]);
        (*n)++;
    }
    csv_reader_free(&r);
}

static void plain_and_quoted(void **state)
{
    char f[8][8][32];
    long lines[8];
    int counts[8], n;
    (void)state;
    read_all("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\r\n\"two\nlines\",,z\nlast,row", f, lines,
             counts, &n);
    assert_int_equal(n, 4);
    assert_int_equal(counts[0], 3);
    assert_string_equal(f[1][0], "x,1");
    assert_string_equal(f[1][1], "say \"hi\"");
    assert_string_equal(f[1][2], "");
    assert_string_equal(f[2][0], "two\nlines");
    assert_string_equal(f[2][1], "");
    assert_int_equal(lines[2], 3);
    assert_int_equal(lines[3], 5);     /* the quoted line break moved the count on */
    assert_string_equal(f[3][1], "row");
    assert_string_equal(f[0][2], "c");
}

static void malformed_rows_are_reported_and_skipped(void **state)
{
    const char *text = "h1,h2\nok,1\nbad\"quote,2\n\"closed\"junk,3\nfine,4\n\"never closed,5\n";
    struct csv_reader r;
    struct csv_record rec;
    struct dpf_err err;
    (void)state;
    csv_reader_init(&r, text, strlen(text));
    assert_int_equal(csv_next(&r, &rec, &err), 1);
    assert_int_equal(csv_next(&r, &rec, &err), 1);
    assert_int_equal(csv_next(&r, &rec, &err), -1);
    assert_int_equal(rec.line, 3);
    assert_int_equal(rec.bad_column, 1);
    assert_non_null(strstr(err.msg, "quote"));
    assert_int_equal(csv_next(&r, &rec, &err), -1);
    assert_int_equal(rec.line, 4);
    assert_non_null(strstr(err.msg, "after the closing quote"));
    assert_int_equal(csv_next(&r, &rec, &err), 1);
    assert_int_equal(rec.line, 5);
    assert_string_equal(rec.fields[0], "fine");
    assert_int_equal(csv_next(&r, &rec, &err), -1);
    assert_int_equal(rec.line, 6);
    assert_non_null(strstr(err.msg, "not closed"));
    assert_int_equal(csv_next(&r, &rec, &err), 0);
    csv_reader_free(&r);
}

static void nul_byte_refused(void **state)
{
    const char text[] = "a,b\nc\0d,e\n";
    struct csv_reader r;
    struct csv_record rec;
    struct dpf_err err;
    (void)state;
    csv_reader_init(&r, text, sizeof text - 1);
    assert_int_equal(csv_next(&r, &rec, &err), 1);
    assert_int_equal(csv_next(&r, &rec, &err), -1);
    assert_int_equal(rec.line, 2);
    assert_non_null(strstr(err.msg, "NUL"));
    csv_reader_free(&r);
}

static void write_then_read(void **state)
{
    const char *row[] = { "plain", "with,comma", "with \"quote\"", "two\r\nlines", "", " lead" };
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct csv_reader r;
    struct csv_record rec;
    struct dpf_err err;
    (void)state;
    csv_write_row(f, row, 6);
    fclose(f);
    assert_string_equal(buf, "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\r\nlines\",,\" lead\"\r\n");
    csv_reader_init(&r, buf, len);
    assert_int_equal(csv_next(&r, &rec, &err), 1);
    assert_int_equal(rec.nfields, 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(rec.fields[i], row[i]);
    assert_int_equal(csv_next(&r, &rec, &err), 0);
    csv_reader_free(&r);
    free(buf);
}

/* Where the first bad byte is, after ASCII runs long and short (the checker skips ASCII
 * eight bytes at a time) and after Chinese text. */
static void utf8_checked_at_the_right_byte(void **state)
{
    static const struct {
        const char *s;
        size_t bad;     /* SIZE_MAX = valid */
    } cases[] = {
        { "341503196503120019,张伟,男", SIZE_MAX },
        { "12345678901234567\xff", 17 },             /* after two 8-byte runs and one byte */
        { "abc\xe5\xbc\xa0\xc3", 6 },                 /* 张 then a cut-off sequence */
        { "0123456789\xc0\x80", 10 },                 /* overlong NUL */
        { "01234567\xed\xa0\x80", 8 },               /* a surrogate */
        { "\xf4\x90\x80\x80", 0 },                    /* past U+10FFFF */
        { "\xf0\x9f\x98\x80 ok 12345678", SIZE_MAX },  /* a 4-byte character */
        { "", SIZE_MAX },
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].s);
        size_t want = cases[i].bad == SIZE_MAX ? len : cases[i].bad;
        assert_int_equal(utf8_invalid_at(cases[i].s, len), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_checked_at_the_right_byte),
        cmocka_unit_test(plain_and_quoted),
        cmocka_unit_test(malformed_rows_are_reported_and_skipped),
        cmocka_unit_test(nul_byte_refused),
        cmocka_unit_test(write_then_read),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
