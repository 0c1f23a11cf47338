/* SPDX-License-Identifier: MIT */
/* Shared by import.c (header mapping, checks, the row-by-row loader) and import_bulk.c (the
 * two-thread loader for an empty register); not for front ends. */
#ifndef DPF_IMPORT_INTERNAL_H
#define DPF_IMPORT_INTERNAL_H

#include "dpf/csv.h"
#include "dpf/db.h"
#include "dpf/import.h"
#include "dpf/person.h"
#include "idset.h"

struct importer {
    struct db *db;
    const struct import_opts *opts;
    struct import_result *res;
    int col_field[PERSON_NFIELDS];  /* file column -> field index */
    int ncols;
    const char *headers[PERSON_NFIELDS];
    struct idset seen;
    FILE *rejects;
    const char *path;
    int bulk;                       /* the register was empty: no lookups, indexes rebuilt */
    struct db_index_set indexes;
};

/* Reads the next record that is not blank, counting it in res->rows; a record with a CSV
 * syntax error is rejected here. Returns 1, 0 at the end, or -1 when the rejects file
 * cannot be written (err says so). */
int import_next(struct importer *im, struct csv_reader *rd, struct csv_record *rec,
                struct dpf_err *err);

/* Parses and checks one record into row: the fields, the same ID twice in the file, and
 * (unless loading in bulk) the person already registered, whose fields the file's columns
 * overwrite. *ok is 0 when the row was rejected (written to the rejects file and counted).
 * Never touches the database in bulk mode, so it may run off the database's thread. */
int import_check(struct importer *im, const struct csv_record *rec, struct person *row,
                 int *ok, struct dpf_err *err);

/* Loads an empty register: the checks above on a second thread while this one inserts. */
int import_bulk(struct importer *im, struct csv_reader *rd, struct dpf_err *err);

#endif
