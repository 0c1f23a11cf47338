/* SPDX-License-Identifier: MIT */
/* The .xlsx reader's state, shared by its files: xlsx_read.c opens the zip and reads
 * what is held in memory (the workbook's sheets and relationships, the shared strings, the
 * styles' date formats); xlsx_sheet.c streams the one worksheet through expat straight from
 * zip_fread, a row at a time, so a sheet of any size needs only a chunk and a row; xlsx_xml.c
 * has the XML helpers both use. Only book.c uses the reader. */
#ifndef DPF_XLSX_READ_H
#define DPF_XLSX_READ_H

#include <expat.h>
#include <zip.h>
#include "dpf/err.h"
#include "book.h"
#include "strbuf.h"

/* Held in memory: the strings are the sheet's text, and a sheet's shared strings larger
 * than this are not an office list. */
enum { XLSX_MAX_SHARED = 256 << 20, XLSX_MAX_CELL = 1 << 20, XLSX_CHUNK = 1 << 16 };

struct xlsx {
    zip_t *zip;
    char *name;                 /* the file, for messages */
    /* shared strings: each NUL-terminated in text, found by index */
    char *ss_text;
    size_t ss_len, ss_cap;
    size_t *ss_at;
    long ss_n, ss_at_cap;
    /* styles: which cell formats (xf index) show dates */
    unsigned char *xf_date;
    int nxf;
    int date1904;
    /* the worksheet being streamed */
    zip_file_t *zf;
    XML_Parser p;
    int final;                  /* the last chunk was given to expat */
    int suspended;              /* expat stopped after a row */
    int row_ready;
    int failed;                 /* a handler stopped the parser: err holds why */
    struct dpf_err err;
    struct book_row *row;       /* the caller's, during a next */
    long line, last_line;       /* the row being read, the one before */
    int in_data, in_row, in_cell, in_text, in_phonetic;
    int col, last_col;          /* the cell being read (0-based), the one before */
    int type;                   /* enum xlsx_type (xlsx_sheet.c) */
    int style;
    struct strbuf raw;          /* the cell's <v> or inline <t> text */
    char chunk[XLSX_CHUNK];
};

/* A name without its namespace prefix: "x:row" → "row". */
const char *xlsx_local(const char *name);
/* The attribute with this local name, or NULL. */
const char *xlsx_attr(const char **atts, const char *local);
/* Fails the parse from inside a handler: err says why. */
void xlsx_fail(struct xlsx *x, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A new expat parser for x, refusing any DTD (an .xlsx has none; entities are a risk). */
XML_Parser xlsx_parser(struct xlsx *x);
/* In place, Excel's _xHHHH_ escapes (a control character or "_x" itself) as UTF-8. */
void xlsx_unescape(char *s);

/* xlsx_xml.c above; xlsx_sheet.c: starts streaming the worksheet at entry; its ops' next reads it. */
int xlsx_sheet_open(struct xlsx *x, const char *entry, struct dpf_err *err);
int xlsx_sheet_next(void *reader, struct book_row *row, long *line, struct dpf_err *err);
void xlsx_sheet_close(struct xlsx *x);

#endif
