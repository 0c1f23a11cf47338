/* SPDX-License-Identifier: MIT */
/* Shared between the person_*.c files of the core; not for front ends. */
#ifndef DPF_PERSON_INTERNAL_H
#define DPF_PERSON_INTERNAL_H

#include <sqlite3.h>
#include "dpf/person.h"
#include "base/strbuf.h"

/* "cert_no, name, ..." in field order, for SELECT id, <columns> FROM person. */
const char *person_columns(void);
/* Reads column 0 (id) and 1..N (the fields) of the current row into out. */
int person_from_row(sqlite3_stmt *st, struct person *out);

/* Appends the audit record of an insert (a JSON object of the non-empty fields) to sb. */
void person_insert_json(struct strbuf *sb, const struct person *p);
/* person_insert with the audit record already made by person_insert_json, which is pure
 * work on memory and so can be done on another thread. */
int person_insert_audited(struct db *db, struct person *p, const char *after,
                          struct dpf_err *err);
/* Inserts n checked persons with the ids first_id, first_id + 1, ..., which the caller
 * knows are free (a bulk load of an empty register), each with its audit record after[i].
 * A refusal is not traced to its row: the rows passed the same checks as the table. */
int person_insert_run(struct db *db, struct person *rows, const char *const *after, int n,
                      int64_t first_id, struct dpf_err *err);

#endif
