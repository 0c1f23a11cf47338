/* SPDX-License-Identifier: MIT */
/* RFC 4180 CSV over a UTF-8 buffer in memory: quoted fields, doubled quotes, CRLF or LF,
 * line breaks inside quotes. A malformed record is reported with its line and column and
 * the reader carries on at the next line, so one bad row does not hide the others. */
#ifndef DPF_CSV_H
#define DPF_CSV_H

#include <stddef.h>
#include <stdio.h>
#include "dpf/err.h"

struct csv_reader {
    const char *p, *end;
    long line;              /* physical line the reader is at, from 1 */
    char *scratch;          /* unescaped field text, NUL-separated */
    size_t scratch_cap;
    char **fields;
    int fields_cap;
};

struct csv_record {
    char **fields;          /* borrowed from the reader until the next call */
    int nfields;
    long line;              /* line the record starts on */
    int bad_column;         /* with a syntax error: the 1-based column */
};

void csv_reader_init(struct csv_reader *r, const char *data, size_t len);
void csv_reader_free(struct csv_reader *r);

/* 1: a record was read; 0: end of input; -1: a malformed record (rec->line, bad_column
 * and err say where and why; the next call continues after it). */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct dpf_err *err);

/* Writes one field, quoted when it holds a comma, quote, CR or LF, or leading spaces. */
void csv_write_field(FILE *f, const char *s);
/* Writes fields separated by commas and ended by CRLF (what Excel and WPS expect). */
void csv_write_row(FILE *f, const char *const *fields, int n);

/* Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that begins with
 * =, +, -, @, tab or CR as a formula. csv_write_text writes a text cell with a leading '
 * when it would begin so (after any ' already there, so that the import's csv_unmark gives
 * back exactly what was written); csv_write_field is for cells that are not text (amounts,
 * dates), which are left alone so that -33.33 stays a number. */
void csv_write_text(FILE *f, const char *s);
/* Removes the ' csv_write_text added: one leading ' followed (after any further ') by one
 * of those characters. In place; returns s. */
char *csv_unmark(char *s);

#endif
