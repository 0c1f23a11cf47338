/* SPDX-License-Identifier: MIT */
/* `dpf check`: the schema against the migrations, SQLite's own integrity and foreign-key
 * checks, the subsidy ledger's sums, then the register's rules re-applied to every stored
 * person. */
#ifndef DPF_CHECK_H
#define DPF_CHECK_H

#include <sqlite3.h>
#include "dpf/err.h"

struct db;

/* Called once per problem found; what names the record (or the file). */
typedef void (*check_problem_fn)(const char *what, const char *problem, void *ctx);

/* Returns DPF_OK when the checks ran (problems are counted in *problems). */
int check_database(struct db *db, check_problem_fn fn, void *ctx, long *problems,
                   struct dpf_err *err);

/* Compares the schema objects of h (tables, indexes, triggers, views) with what the embedded
 * migrations make at h's user_version; each one missing, changed or unknown is a problem
 * (counted in *problems). */
int schema_verify(sqlite3 *h, check_problem_fn fn, void *ctx, long *problems,
                  struct dpf_err *err);

#endif
