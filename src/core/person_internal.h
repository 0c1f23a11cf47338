/* SPDX-License-Identifier: MIT */
/* Shared between the person_*.c files of the core; not for front ends. */
#ifndef DPF_PERSON_INTERNAL_H
#define DPF_PERSON_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>
#include "dpf/person.h"

/* "cert_no, name, ..." in field order, for SELECT id, <columns> FROM person. */
const char *person_columns(void);
/* Reads column 0 (id) and 1..N (the fields) of the current row into out. */
int person_from_row(sqlite3_stmt *st, struct person *out);

/* Bulk loading: the row alone, then one statement auditing rows first..last as inserts.
 * person_insert is the two together. */
int person_insert_row(struct db *db, struct person *p, struct dpf_err *err);
int person_audit_inserts(struct db *db, int64_t first, int64_t last, struct dpf_err *err);

#endif
