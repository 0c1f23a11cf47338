/* SPDX-License-Identifier: MIT */
/* Opening the database file, the statement cache, transactions and the clock. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/migrate.h"

int db_fail(struct db *db, struct dpf_err *err)
{
    return dpf_err_set(err, DPF_EDB, NULL, _("Database error: %s"), sqlite3_errmsg(db->h));
}

void db_set_now(struct db *db)
{
    const char *fixed = getenv("DPF_NOW");
    time_t t = time(NULL);
    struct tm tm;

    if (fixed && strlen(fixed) == 19) {
        memcpy(db->now, fixed, 20);
    } else {
        localtime_r(&t, &tm);
        strftime(db->now, sizeof db->now, "%Y-%m-%d %H:%M:%S", &tm);
    }
    memcpy(db->today, db->now, 10);
    db->today[10] = '\0';
}

static void set_user(struct db *db)
{
    struct passwd *pw = getpwuid(geteuid());
    const char *name = pw ? pw->pw_name : getenv("USER");
    snprintf(db->user, sizeof db->user, "%s", name && *name ? name : "unknown");
}

static int pragma_int(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* A file is dpf's if it carries our application_id, or is brand new (no tables yet). */
static int check_ours(struct db *db, struct dpf_err *err)
{
    int app = pragma_int(db->h, "PRAGMA application_id");
    int tables = pragma_int(db->h, "SELECT count(*) FROM sqlite_schema");

    if (app < 0 || tables < 0)
        return dpf_err_set(err, DPF_EDB, NULL, _("%s is not a dpf database: %s"), db->path,
                           sqlite3_errmsg(db->h));
    if (app == DB_APPLICATION_ID || (app == 0 && tables == 0))
        return DPF_OK;
    return dpf_err_set(err, DPF_EDB, NULL, _("%s is not a dpf database"), db->path);
}

int db_open(const char *path, unsigned flags, struct db **out, struct dpf_err *err)
{
    struct db *db = calloc(1, sizeof *db);
    int oflags = SQLITE_OPEN_READWRITE | ((flags & DB_CREATE) ? SQLITE_OPEN_CREATE : 0);
    char sql[64];

    *out = NULL;
    if (!db || !(db->path = strdup(path))) {
        free(db);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    set_user(db);
    db_set_now(db);
    if (!(flags & DB_CREATE) && access(path, F_OK) != 0) {
        dpf_err_set(err, DPF_EIO, NULL,
                    _("Database %s does not exist (create it with `dpf init` or `dpf demo`)"),
                    path);
        goto fail;
    }
    if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
        dpf_err_set(err, DPF_EIO, NULL, _("Cannot open database %s: %s"), path,
                    db->h ? sqlite3_errmsg(db->h) : "");
        goto fail;
    }
    sqlite3_busy_timeout(db->h, 5000);
    if (check_ours(db, err) != DPF_OK)
        goto fail;
    if (db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                    "PRAGMA synchronous = NORMAL", err) != DPF_OK)
        goto fail;
    if (migrate_run(db->h, migrations, migration_count, err) != DPF_OK)
        goto fail;
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
    if (pragma_int(db->h, "PRAGMA application_id") != DB_APPLICATION_ID &&
        db_exec(db, sql, err) != DPF_OK)
        goto fail;
    *out = db;
    return DPF_OK;
fail:
    db_close(db);
    return err ? err->code : DPF_EDB;
}

void db_close(struct db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db->nstmts; i++) {
        sqlite3_finalize(db->stmts[i].stmt);
        free(db->stmts[i].sql);
    }
    sqlite3_close(db->h);
    free(db->path);
    free(db);
}

int db_schema_version(struct db *db)
{
    return pragma_int(db->h, "PRAGMA user_version");
}

int db_schema_latest(void)
{
    return migration_count > 0 ? migrations[migration_count - 1].version : 0;
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct dpf_err *err)
{
    sqlite3_stmt *st;
    char *key;

    for (int i = 0; i < db->nstmts; i++) {
        if (db->stmts[i].sql == sql || strcmp(db->stmts[i].sql, sql) == 0) {
            st = db->stmts[i].stmt;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return st;
        }
    }
    if (db->nstmts == (int)(sizeof db->stmts / sizeof db->stmts[0])) {
        dpf_err_set(err, DPF_EDB, NULL, "statement cache full (%d)", db->nstmts);
        return NULL;
    }
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        db_fail(db, err);
        return NULL;
    }
    if (!(key = strdup(sql))) {
        sqlite3_finalize(st);
        dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
        return NULL;
    }
    db->stmts[db->nstmts].sql = key;
    db->stmts[db->nstmts].stmt = st;
    db->nstmts++;
    return st;
}

int db_exec(struct db *db, const char *sql, struct dpf_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) == SQLITE_OK)
        return DPF_OK;
    dpf_err_set(err, DPF_EDB, NULL, _("Database error: %s"), msg ? msg : sqlite3_errmsg(db->h));
    sqlite3_free(msg);
    return DPF_EDB;
}

int db_begin(struct db *db, struct dpf_err *err)
{
    return db_exec(db, "BEGIN IMMEDIATE", err);
}

int db_commit(struct db *db, struct dpf_err *err)
{
    return db_exec(db, "COMMIT", err);
}

void db_rollback(struct db *db)
{
    if (!sqlite3_get_autocommit(db->h))
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

void db_setting(struct db *db, const char *key, char *out, size_t cap)
{
    static const char q[] = "SELECT value FROM setting WHERE key = ?";
    sqlite3_stmt *st = db_stmt(db, q, NULL);
    out[0] = '\0';
    if (!st)
        return;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
}
