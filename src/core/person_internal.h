/* SPDX-License-Identifier: MIT */
/* Shared between the person_*.c files of the core; not for front ends. */
#ifndef DPF_PERSON_INTERNAL_H
#define DPF_PERSON_INTERNAL_H

#include <sqlite3.h>
#include "dpf/person.h"

/* "cert_no, name, ..." in field order, for SELECT id, <columns> FROM person. */
const char *person_columns(void);
/* Reads column 0 (id) and 1..N (the fields) of the current row into out. */
int person_from_row(sqlite3_stmt *st, struct person *out);

#endif
