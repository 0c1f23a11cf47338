/* SPDX-License-Identifier: MIT */
/* The import engine's side of an entity (dpf/entity.h): import.c reads the file, maps the
 * header, writes the rejects and holds the transaction; each module's import_*.c gives its
 * entities the hooks below. Not for front ends. */
#ifndef DPF_IMPORT_INTERNAL_H
#define DPF_IMPORT_INTERNAL_H

#include "dpf/csv.h"
#include "dpf/db.h"
#include "dpf/import.h"
#include "dpf/outfile.h"
#include "dpf/entity.h"
#include "idset.h"
#include "recsrc.h"
#include "db_struct.h"

enum { IMPORT_MAX_COLS = 64 };

/* What a row of an entity other than persons came to. */
enum import_outcome { IO_ADDED, IO_UPDATED, IO_UNCHANGED };

struct importer;

/* How an entity's rows are written: row by row (row, then finish), or by a body of its own
 * (the register's, which loads an empty table in bulk). */
struct import_entity {
    /* Checks and writes one row: v is indexed like e->fields (NULL: empty or absent).
     * Returns DPF_OK with *outcome; DPF_EINVAL, DPF_EDUP or DPF_ENOTFOUND with rej naming
     * the field to reject the row; any other error stops the import. Each row runs inside
     * a savepoint, so a rejected row leaves nothing behind. */
    int (*row)(struct db *db, const struct entity *e, char **v, long line, int *outcome,
               struct dpf_err *rej);
    /* After the last row, inside the transaction; may be NULL. */
    int (*finish)(struct db *db, struct dpf_err *err);
    /* Instead of row: reads every record itself (import_next, import_parse_row ...). */
    int (*body)(struct importer *im, struct recsrc *src, struct dpf_err *err);
    /* With body: when this table is empty it is loaded in bulk (im->bulk set). */
    const char *bulk_table;
};

struct importer {
    struct db *db;
    const struct import_opts *opts;
    struct import_result *res;
    const struct field *fields;     /* the entity's field table */
    int nfields;
    const char *what;               /* the template's name, for messages: "persons" */
    const struct entity *entity;
    int col_field[IMPORT_MAX_COLS]; /* file column -> field index */
    int ncols;
    const char *headers[IMPORT_MAX_COLS];
    struct idset seen;
    FILE *rejects;                  /* rej.fp once the first row is rejected */
    /* The rejects file is opened before any row is read (and removed at the end if no row
     * was rejected): opening it makes a file with the user's group, a setegid that must not
     * happen while the bulk loader's second thread runs. Its failure is told only when a
     * row is rejected, as when it was opened then. */
    struct outfile rej;
    long rejects_lines;             /* lines written to it, for its audit row */
    int rej_rc;
    struct dpf_err rej_err;
    int src_failed;                 /* the record source failed: the rejects are dropped too */
    const char *path;
    int bulk;                       /* the register was empty: no lookups, indexes rebuilt */
    struct db_index_set indexes;
    void *ctx;                      /* the body's own state (the register's places) */
};

/* Reads the next record that is not blank, counting it in res->rows; a record with a CSV
 * syntax error is rejected here. Returns 1, 0 at the end, or -1 when the rejects file
 * cannot be written or the source failed (err says so). */
int import_next(struct importer *im, struct recsrc *src, struct csv_record *rec,
                struct dpf_err *err);
/* Writes one problem of a record to the rejects file: the column's header (or "") and why. */
int import_reject(struct importer *im, const struct csv_record *rec, const char *column,
                  const char *reason, struct dpf_err *err);
/* The header of the field with this key ("" if none), for a rejects line. */
const char *import_header_of(const struct importer *im, const char *key);
/* Parses the record's columns into v (indexed like im->fields; absent columns stay NULL).
 * Each bad field is rejected; *ok is 0 if any was. */
int import_parse_row(struct importer *im, const struct csv_record *rec, char **v, int *ok,
                     struct dpf_err *err);

#endif
