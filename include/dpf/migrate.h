/* SPDX-License-Identifier: MIT */
/* Numbered schema migrations, embedded from the schema directory at build time. */
#ifndef DPF_MIGRATE_H
#define DPF_MIGRATE_H

#include <sqlite3.h>
#include "dpf/err.h"

struct migration {
    int version;
    const char *name;
    const char *sql;
};

extern const struct migration migrations[];
extern const int migration_count;

/* The file's PRAGMA user_version, or -1 if it cannot be read. */
int migrate_user_version(sqlite3 *h);

/* Applies list[i] for every version above PRAGMA user_version, all in one transaction,
 * and records the new version. Refuses a database newer than the list. */
int migrate_run(sqlite3 *h, const struct migration *list, int count, struct dpf_err *err);

#endif
