/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the .xlsx reader over any bytes. An input that begins "PK" is taken
 * whole as a zip from memory (zip_source_buffer): damaged zips, parts missing or cut. Any
 * other input is the parts themselves, the worksheet, the shared strings and the styles
 * separated by NUL bytes, stored into a zip made here: a zip's CRCs would otherwise refuse
 * nearly every change the fuzzer makes to the XML (shared string indexes out of range, cell
 * references past Excel's columns, rows out of order, dates out of range, nesting gone
 * wrong). The reader must end, fail cleanly, or give rows within Excel's limits. Seeds:
 * fuzz/xlsx_seeds.py. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "base/book.h"

static const char WORKBOOK[] =
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
    "</workbook>";
static const char RELS[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";

static int add(zip_t *z, const char *name, const void *data, size_t len)
{
    zip_source_t *s = zip_source_buffer(z, data, len, 0);
    zip_int64_t i;

    if (!s || (i = zip_file_add(z, name, s, 0)) < 0) {
        zip_source_free(s);
        return -1;
    }
    return zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* A zip of the workbook's fixed parts and the input's (sheet \0 strings \0 styles). */
static zip_t *made_zip(const uint8_t *data, size_t size)
{
    const char *names[3] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml" };
    const uint8_t *p = data, *end = data + size;
    zip_error_t ze;
    zip_source_t *src;
    zip_t *z, *r = NULL;

    zip_error_init(&ze);
    if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)))
        goto out;
    zip_source_keep(src);
    if (!(z = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
        zip_source_free(src);
        goto free_src;
    }
    add(z, "xl/workbook.xml", WORKBOOK, sizeof WORKBOOK - 1);
    add(z, "xl/_rels/workbook.xml.rels", RELS, sizeof RELS - 1);
    for (int i = 0; i < 3 && p <= end; i++) {
        const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
        size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);
        add(z, names[i], p, n);
        p += n + 1;
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        goto free_src;
    }
    if ((r = zip_open_from_source(src, ZIP_RDONLY, &ze)) != NULL)
        goto out;
free_src:
    zip_source_free(src);
out:
    zip_error_fini(&ze);
    return r;
}

/* The input as a zip from memory. */
static zip_t *given_zip(const uint8_t *data, size_t size)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *zip = NULL;

    zip_error_init(&ze);
    if ((src = zip_source_buffer_create(data, size, 0, &ze)) != NULL &&
        !(zip = zip_open_from_source(src, ZIP_RDONLY, &ze)))
        zip_source_free(src);
    zip_error_fini(&ze);
    return zip;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zip_t *zip = size >= 2 && data[0] == 'P' && data[1] == 'K' ? given_zip(data, size)
                                                               : made_zip(data, size);
    struct book *b;
    struct csv_record rec;
    struct dpf_err err;
    int r, rows = 0;

    if (!zip || book_open_zip(&b, zip, "fuzz.xlsx", NULL, &err) != DPF_OK)
        return 0;
    while ((r = book_next(b, &rec, &err)) > 0 && rows++ < 1000000) {
        if (rec.nfields <= 0 || rec.line < 1 || rec.line > BOOK_MAX_ROWS)
            abort();
        for (int i = 0; i < rec.nfields; i++)
            if (!rec.fields[i])
                abort();
    }
    if (r < 0 && r != -2)
        abort();
    book_free(b);
    return 0;
}
