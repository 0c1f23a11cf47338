/* SPDX-License-Identifier: MIT */
/* What the backup (backup.c) and the restore (restore.c) both do to a database file: copy
 * its pages with SQLite's online backup API, and read the facts that say whether it is a
 * sound dpf database. Below both, so that neither calls the other for them. */
#include <stdio.h>
#include <string.h>
#include "backup_internal.h"

/* A few hundred pages at a time, so others' writes wait only between steps. */
int backup_copy(sqlite3 *to, sqlite3 *from)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    int rc;
    if (!b)
        return sqlite3_errcode(to);
    do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void backup_file_facts(sqlite3 *h, char result[64], int *app, int *version)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(result, 64, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    if (strcmp(result, "ok") == 0 &&
        sqlite3_prepare_v2(h, "SELECT * FROM pragma_application_id, pragma_user_version",
                           -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            *app = sqlite3_column_int(st, 0);
            *version = sqlite3_column_int(st, 1);
        }
        sqlite3_finalize(st);
    }
}
