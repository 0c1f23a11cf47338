/* SPDX-License-Identifier: MIT */
/* The register's files in and out, in files that call downward only: import_person.c (the
 * persons entity: imported row by row, or by the bulk loader when the register is empty),
 * import_bulk.c (the two-thread loader), import_check.c (one row's checks, which both use)
 * person_export.c (the register to CSV or .xlsx) and import_yearly.c (the yearly update). */
#ifndef DPF_PERSON_IO_H
#define DPF_PERSON_IO_H

#include "base/import_internal.h"
#include "dpf/entity.h"
#include "dpf/person.h"

/* Parses and checks one record into row: the fields, the same ID twice in the file, and
 * (unless loading in bulk) the person already registered, whose fields the file's columns
 * overwrite. *ok is 0 when the row was rejected (written to the rejects file and counted).
 * Never touches the database in bulk mode, so it may run off the database's thread. */
int import_check(struct importer *im, const struct csv_record *rec, struct person *row,
                 int *ok, struct dpf_err *err);

/* Loads an empty register: the checks above on a second thread while this one inserts. */
int import_bulk(struct importer *im, struct recsrc *src, struct dpf_err *err);

/* The yearly updates entity (import_yearly.c), registered after the persons. */
extern const struct entity yearly_entity;

/* The persons entity's export hook (dpf/entity.h). */
int person_export(struct db *db, const struct entity *e, const struct entity_export *x,
                  long *rows, struct dpf_err *err);

#endif
