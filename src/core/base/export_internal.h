/* SPDX-License-Identifier: MIT */
/* The file a list is exported to: CSV (UTF-8 with BOM, CRLF) or .xlsx in constant_memory
 * mode, chosen by the file name, with a field table's headers as the first row. Shared by
 * the register's and the rehabilitation records' exports. */
#ifndef DPF_EXPORT_INTERNAL_H
#define DPF_EXPORT_INTERNAL_H

#include <stdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>
#include "dpf/field.h"
#include "dpf/outfile.h"

enum { EXPORT_MAX_COLS = 64 };

struct export_sink {
    FILE *csv;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_row_t next_row;
    int n;
    long rows;              /* data rows written */
    const char *path;
    const struct field *fields;     /* the columns' fields: which cells are text */
    struct outfile out;     /* the temporary file, renamed to path when closed well */
};

/* oflags: OUT_FORCE to replace an existing file; exports of persons are always private. */
int export_open(struct export_sink *s, const char *path, unsigned oflags, const char *sheet,
                const struct field *fields, int n, struct dpf_err *err);
/* Writes one row of n display values. */
int export_row(struct export_sink *s, const char *const *cells, struct dpf_err *err);
/* Writes one row of canonical values v (one per column, NULL = empty), each shown by its
 * column's field; sensitive ones masked when mask. (A record's char ** is passed with a
 * cast: C does not add the inner const itself.) */
int export_values(struct export_sink *s, const char *const *v, int mask, struct dpf_err *err);
/* Closes the file and puts it in place; when !ok (or closing fails) nothing is left. */
int export_close(struct export_sink *s, int ok, struct dpf_err *err);
/* export_close for a list leaving the program: when ok, the audit row (audit_export: what,
 * the file, its rows, full) is written before the file is put in place, and if it cannot be
 * written the file is removed. */
struct db;
int export_finish(struct export_sink *s, struct db *db, const char *what, int full, int ok,
                  struct dpf_err *err);

/* Writes every row of st, a statement prepared for this one export whose columns are the
 * sink's in order, with export_values (masked when mask), then finalizes st. DPF_OK, or the
 * first failure. */
int export_query(struct export_sink *s, struct db *db, sqlite3_stmt *st, int mask,
                 struct dpf_err *err);

#endif
