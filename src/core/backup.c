/* SPDX-License-Identifier: MIT */
/* Backup and restore through SQLite's online backup API: a backup copies pages while other
 * clerks keep working (it restarts if they write, and finishes between their writes); a
 * restore checks the file before it replaces anything. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dpf/audit.h"
#include "dpf/backup.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "strbuf.h"

/* Copies all pages of from's main database into to's, a few hundred at a time, waiting for
 * others' locks rather than failing. */
static int copy(sqlite3 *to, sqlite3 *from)
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

int backup_write(struct db *db, const char *path, struct dpf_err *err)
{
    sqlite3 *to = NULL;
    int rc;

    if (access(path, F_OK) == 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("%s already exists: choose a new file name"),
                           path);
    if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sqlite3_close(to);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    }
    rc = copy(to, db->h);
    sqlite3_close(to);
    if (rc != SQLITE_OK) {
        remove(path);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: %s"), path,
                           sqlite3_errstr(rc));
    }
    return audit_record(db, "database", 0, "backup", NULL, "{}", err) == DPF_OK
               ? DPF_OK : err->code;
}

int backup_daily(struct db *db, const char *dir, int keep, int *made, struct dpf_err *err)
{
    char path[4096], oldest[32];
    struct dirent *e;
    DIR *d;
    int rc = DPF_OK;
    sqlite3_stmt *st;

    *made = 0;
    snprintf(path, sizeof path, "%s/dpf-%s.db", dir, db->today);
    if (access(path, F_OK) != 0) {
        if ((rc = backup_write(db, path, err)) != DPF_OK)
            return rc;
        *made = 1;
    }
    /* The first day kept: keep days back from today (SQLite's date arithmetic). */
    snprintf(oldest, sizeof oldest, "%s", db->today);
    if (sqlite3_prepare_v2(db->h, "SELECT date(?1, ?2 || ' days')", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, db->today, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, -(keep > 0 ? keep - 1 : 0));
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(oldest, sizeof oldest, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    if (!(d = opendir(dir)))
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), dir);
    while ((e = readdir(d))) {
        /* Only our own names: dpf-YYYY-MM-DD.db */
        if (strlen(e->d_name) == 17 && strncmp(e->d_name, "dpf-", 4) == 0 &&
            strcmp(e->d_name + 14, ".db") == 0 && strncmp(e->d_name + 4, oldest, 10) < 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            remove(path);
        }
    }
    closedir(d);
    return rc;
}

int backup_auto_set(struct db *db, const char *dir, int keep, struct dpf_err *err)
{
    sqlite3_stmt *st;
    struct strbuf after;
    int rc;

    if (dir && access(dir, W_OK) != 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), dir);
    if (!(st = db_stmt(db, dir ? "INSERT INTO setting (key, value) VALUES ('backup_dir', ?1), "
                                 "('backup_keep', ?2) ON CONFLICT (key) DO UPDATE SET "
                                 "value = excluded.value"
                               : "DELETE FROM setting WHERE key IN ('backup_dir', 'backup_keep')",
                       err)))
        return DPF_EDB;
    if (dir) {
        sqlite3_bind_text(st, 1, dir, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, keep > 0 ? keep : 7);
    }
    rc = sqlite3_step(st) == SQLITE_DONE ? DPF_OK : db_fail(db, err);
    sqlite3_reset(st);
    if (rc != DPF_OK)
        return rc;
    sb_init(&after);            /* a folder's name may hold anything JSON must escape */
    sb_add(&after, "{\"backup_dir\":");
    sb_json_str(&after, dir ? dir : "");
    sb_printf(&after, ",\"backup_keep\":%d}", dir ? keep : 0);
    rc = after.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                   : audit_record(db, "database", 0, "backup_auto", NULL, sb_str(&after), err);
    sb_free(&after);
    return rc;
}

int backup_auto(struct db *db, int *made, struct dpf_err *err)
{
    char dir[400], keep[16], path[512];

    *made = 0;
    db_setting(db, "backup_dir", dir, sizeof dir);
    if (!dir[0])
        return DPF_OK;
    snprintf(path, sizeof path, "%s/dpf-%s.db", dir, db->today);
    if (access(path, F_OK) == 0)
        return DPF_OK;          /* today's is written: the usual case, one stat */
    db_setting(db, "backup_keep", keep, sizeof keep);
    if (backup_daily(db, dir, keep[0] ? atoi(keep) : 7, made, err) != DPF_OK &&
        access(path, F_OK) != 0)
        return err->code;       /* (another clerk's dpf writing it at the same moment is fine) */
    return DPF_OK;
}

/* The file is a sound dpf database this program can open. */
static int check_file(const char *path, struct dpf_err *err)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st;
    int ok = 0, app = 0, version = 0;
    char result[64] = "";

    if (access(path, R_OK) != 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), path);
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(h);
        return dpf_err_set(err, DPF_EIO, NULL, _("%s is not a dpf database"), path);
    }
    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(result, sizeof result, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        ok = strcmp(result, "ok") == 0;
    }
    if (ok && sqlite3_prepare_v2(h, "SELECT * FROM pragma_application_id, pragma_user_version",
                                 -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            app = sqlite3_column_int(st, 0);
            version = sqlite3_column_int(st, 1);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    if (!ok)
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s is damaged or not a database (integrity check: %s); nothing "
                             "was restored"), path, result[0] ? result : _("not a database"));
    if (app != DB_APPLICATION_ID)
        return dpf_err_set(err, DPF_EIO, NULL, _("%s is not a dpf database; nothing was restored"),
                           path);
    if (version > db_schema_latest())
        return dpf_err_set(err, DPF_EVERSION, NULL,
                           _("%s was made by a newer dpf (schema %d); nothing was restored"),
                           path, version);
    return DPF_OK;
}

int backup_restore(struct db *db, const char *path, struct dpf_err *err)
{
    sqlite3 *from = NULL;
    int rc = check_file(path, err);

    if (rc != DPF_OK)
        return rc;
    if (sqlite3_open_v2(path, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(from);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), path);
    }
    rc = copy(db->h, from);
    sqlite3_close(from);
    if (rc != SQLITE_OK)
        return dpf_err_set(err, DPF_EIO, NULL, _("The restore failed: %s"), sqlite3_errstr(rc));
    return audit_record(db, "database", 0, "restore", NULL, "{}", err);
}
