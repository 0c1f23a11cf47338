/* SPDX-License-Identifier: MIT */
/* Applies numbered migrations in one transaction: a failure leaves the file as it was. */
#include <stddef.h>
#include <stdio.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/migrate.h"
#include "db_struct.h"
#include "pinyin.h"

int migrate_user_version(sqlite3 *h)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int exec(sqlite3 *h, const char *sql, const char *what, struct dpf_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) == SQLITE_OK)
        return DPF_OK;
    if (db_file_fail(h, err) == DPF_OK)     /* a full disk is said as such */
        dpf_err_set(err, DPF_EDB, NULL, _("Schema update %s failed: %s"), what,
                    msg ? msg : sqlite3_errmsg(h));
    sqlite3_free(msg);
    return DPF_EDB;
}

/* A migration that rebuilds a table (SQLite's way to change a column's definition) drops the
 * old one: with foreign keys on, that would delete or refuse the rows that refer to it. So
 * they are off while migrating (the pragma is a no-op inside a transaction, hence here), and
 * the references are checked as a whole before the commit instead. */
static int foreign_keys_intact(sqlite3 *h, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
        return exec(h, "PRAGMA foreign_key_check", "foreign_key_check", err);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        dpf_err_set(err, DPF_EDB, NULL, _("Schema update failed: row %lld of %s refers to a "
                                          "missing %s"), sqlite3_column_int64(st, 1),
                    sqlite3_column_text(st, 0), sqlite3_column_text(st, 2));
    else if (rc != SQLITE_DONE)
        dpf_err_set(err, DPF_EDB, NULL, _("Schema update %s failed: %s"), "foreign_key_check",
                    sqlite3_errmsg(h));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? DPF_OK : DPF_EDB;
}

static int migrate_steps(sqlite3 *h, const struct migration *list, int count, int cur,
                         struct dpf_err *err)
{
    int latest = list[count - 1].version;
    char sql[64];

    if (exec(h, "BEGIN IMMEDIATE", "BEGIN", err) != DPF_OK)
        return DPF_EDB;
    for (int i = 0; i < count; i++) {
        if (list[i].version <= cur)
            continue;
        if (exec(h, list[i].sql, list[i].name, err) != DPF_OK)
            goto fail;
    }
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest);
    if (exec(h, sql, "user_version", err) != DPF_OK || foreign_keys_intact(h, err) != DPF_OK ||
        exec(h, "COMMIT", "COMMIT", err) != DPF_OK)
        goto fail;
    return DPF_OK;
fail:
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    return DPF_EDB;
}

int migrate_run(sqlite3 *h, const struct migration *list, int count, struct dpf_err *err)
{
    int cur = migrate_user_version(h), latest = count > 0 ? list[count - 1].version : 0, fk = 0, rc;

    if (cur < 0)
        return dpf_err_set(err, DPF_EDB, NULL, _("Cannot read the schema version: %s"),
                           sqlite3_errmsg(h));
    if (cur > latest)
        return dpf_err_set(err, DPF_EVERSION, NULL,
                           _("This database was made by a newer dpf (schema version %d; this "
                             "program knows up to %d). Use a newer dpf; the file was not "
                             "changed."), cur, latest);
    if (cur == latest)
        return DPF_OK;
    /* The functions a migration's SQL may call to fill a new column (012: the pinyin keys). */
    if (pinyin_sql_register(h) != SQLITE_OK)
        return dpf_err_set(err, DPF_EDB, NULL, _("Schema update %s failed: %s"), "dpf_pinyin",
                           sqlite3_errmsg(h));
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_FKEY, -1, &fk);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_FKEY, 0, NULL);
    rc = migrate_steps(h, list, count, cur, err);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_FKEY, fk, NULL);
    return rc;
}
