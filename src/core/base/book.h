/* SPDX-License-Identifier: MIT */
/* Workbooks as an import's record source: an .xlsx (xlsx_read.c, xlsx_sheet.c) or an .xls
 * (xls_read.c) read one row at a time into the csv_record the CSV reader gives, so that the
 * import engine, its rejects and everything after it are the same for all three. A record's
 * line is the sheet's row number; a row's cells are the sheet's columns from A, an empty or
 * skipped cell an empty field at its place; rows with no text at all are left out, and every
 * row is as wide as the first (the header), so that a row Excel stored without its empty
 * trailing cells is not short. Only the record source (recsrc.c) uses this. */
#ifndef DPF_BOOK_H
#define DPF_BOOK_H

#include <stddef.h>
#include "dpf/csv.h"

enum book_kind { BOOK_CSV, BOOK_XLSX, BOOK_XLS };

/* Excel's own limits: a sheet with more is not one Excel made, and is refused. */
enum { BOOK_MAX_COLS = 16384, BOOK_MAX_ROWS = 1048576 };

/* What path holds, by its first bytes: a zip (PK\3\4) is an .xlsx, an OLE2 compound file
 * (D0 CF 11 E0) an .xls, anything else (or an unreadable file) CSV. */
enum book_kind book_kind_of(const char *path);

struct book;

/* Opens the sheet named sheet (NULL: the first) of the workbook at path. Every failure (not
 * a workbook, damaged, encrypted, no such sheet: the sheets are listed, too large) is an
 * error naming the file; on failure *out is NULL. */
int book_open(struct book **out, const char *path, enum book_kind kind, const char *sheet,
              struct dpf_err *err);
/* An .xlsx from a libzip archive already open (zip_t *; the fuzzer's, from memory), which
 * becomes the book's; name is for messages. */
int book_open_zip(struct book **out, void *zip, const char *name, const char *sheet,
                  struct dpf_err *err);
/* As csv_next: 1 a row, 0 the end; a workbook that turns out damaged part way is -2 with
 * err saying so (nothing of it may be kept). rec's fields live until the next call. */
int book_next(struct book *b, struct csv_record *rec, struct dpf_err *err);
void book_free(struct book *b);

/* ---- for the readers ---- */

/* The row being read: each cell's text (NUL-terminated) in one buffer, found by column. */
struct book_row {
    char *text;
    size_t len, cap;
    size_t *at;             /* at[c]: the offset of column c's text, 0 (the empty text) if none */
    int ncols, cols_cap;    /* columns seen in this row: 1 + the highest */
    char **fields;
    int fields_cap;
    int width;              /* the first row's width, once known */
    int oom;
};

struct book_ops {
    /* 1: a row was completed into row (and *line set), 0: the end, -2: failed (err). */
    int (*next)(void *reader, struct book_row *row, long *line, struct dpf_err *err);
    void (*free)(void *reader);
};

void book_row_start(struct book_row *r);
/* Column c's text (n bytes); a later text for the same column replaces it. -1 when out of
 * memory (r->oom is set), 0 otherwise. */
int book_row_set(struct book_row *r, int c, const char *s, size_t n);

/* A number as the cell holds it: "12.0" → "12", anything else as written. Into out (n). */
void book_number(char *out, size_t n, const char *raw);
/* An Excel serial day (1900 system with its 1900-02-29, or the 1904 system) as YYYY-MM-DD
 * into out (at least 11 bytes); 0 if the serial is no date (negative, past 9999). */
int book_serial_date(char *out, double serial, int date1904);
/* Whether a number format's code shows a date or time: y, m, d or h outside quotes,
 * brackets and escapes. */
int book_format_is_date(const char *code);

/* The readers: each gives its ops and its state. */
int xlsx_open(void **reader, const struct book_ops **ops, const char *path, const char *sheet,
              struct dpf_err *err);
/* The same over a zip already open (zip_t *), which becomes the reader's. */
int xlsx_open_zip(void **reader, const struct book_ops **ops, void *zip, const char *name,
                  const char *sheet, struct dpf_err *err);
int xls_open(void **reader, const struct book_ops **ops, const char *path, const char *sheet,
             struct dpf_err *err);

#endif
