/* SPDX-License-Identifier: MIT */
/* Backups through SQLite's online backup API: a copy of the pages while other clerks keep
 * working (it restarts if they write, and finishes between their writes), checked before it
 * gets its name. The daily and automatic backups, and pruning. Restores: restore.c; the
 * page copy and the file's facts both use: backup_copy.c. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dpf/audit.h"
#include "dpf/backup.h"
#include "dpf/datadir.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/outfile.h"
#include "dpf/priv.h"
#include "backup_internal.h"
#include "sha256.h"
#include "strbuf.h"
#include "db_struct.h"

/* The copy is whole and ours: PRAGMA integrity_check says ok and the application id is
 * dpf's. Only then may it take a backup's name. */
static int verify_copy(const char *tmp, const char *target, struct dpf_err *err)
{
    sqlite3 *h = NULL;
    char result[64] = "";
    int app = 0, version = 0;

    if (sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        backup_file_facts(h, result, &app, &version);
    sqlite3_close(h);
    if (strcmp(result, "ok") != 0 || app != DB_APPLICATION_ID)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: the copy did not pass its "
                                                 "check (%s)"), target, result);
    return DPF_OK;
}

/* The copy is made in a private folder beside the target (OUT_BYNAME: SQLite writes to a
 * name), checked, made 0600, and only then renamed to path: an interrupted backup leaves at
 * most that hidden folder, never a file with a backup's name. A backup lives in the data
 * folder and keeps the data's group (OUT_GROUP), unlike the user's own outputs. */
static int write_checked(struct db *db, const char *path, struct dpf_err *err)
{
    struct outfile o;
    sqlite3 *to = NULL;
    int rc = outfile_open(&o, path, OUT_BYNAME | OUT_PRIVATE | (priv_setgid() ? OUT_GROUP : 0),
                          err);

    if (rc != DPF_OK)
        return rc;
    if (sqlite3_open_v2(o.tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        sqlite3_close(to);
        outfile_abort(&o);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s"), path);
    }
    rc = backup_copy(to, db->h);
    sqlite3_close(to);
    if (rc != SQLITE_OK) {
        outfile_abort(&o);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot write %s: %s"), path,
                           sqlite3_errstr(rc));
    }
    if ((rc = verify_copy(o.tmp, path, err)) != DPF_OK) {
        outfile_abort(&o);
        return rc;
    }
    return outfile_commit(&o, err);
}

/* The audit row names the file and its SHA-256, by which an installed dpf recognises its
 * own backup when asked to restore it. */
int backup_write(struct db *db, const char *path, struct dpf_err *err)
{
    struct strbuf after;
    char sha[65];
    int rc = datadir_check(path, _("The backup"), err);

    if (rc != DPF_OK || (rc = write_checked(db, path, err)) != DPF_OK)
        return rc;
    if (sha256_file(path, sha) != 0)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), path);
    sb_init(&after);
    sb_add(&after, "{\"file\":");
    sb_json_str(&after, path);
    sb_printf(&after, ",\"sha256\":\"%s\"}", sha);
    rc = after.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                   : audit_record(db, "database", 0, "backup", NULL, sb_str(&after), err);
    sb_free(&after);
    return rc;
}

/* A backup's final name: dpf-YYYY-MM-DD.db. Nothing else in the folder is a backup. */
static int backup_name(const char *name)
{
    return strlen(name) == 17 && strncmp(name, "dpf-", 4) == 0 &&
           strcmp(name + 14, ".db") == 0;
}

/* The hidden folder an interrupted backup left (outfile's ".dpf-YYYY-MM-DD.db.XXXXXX"),
 * removed when it is clearly ours and old: a real folder (not a link) of this user with
 * mode 0700, untouched for a day (a backup still running elsewhere is minutes old), holding
 * only regular files named after the backup. Anything else is left alone. */
static void sweep_leftover(int dirfd, const char *name)
{
    struct stat st;
    struct dirent *e;
    DIR *d;
    int fd, clean = 1;

    if (strlen(name) != 25 || name[0] != '.' || strncmp(name + 1, "dpf-", 4) != 0 ||
        strncmp(name + 15, ".db.", 4) != 0)
        return;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode) ||
        st.st_uid != geteuid() || (st.st_mode & 07777) != 0700 ||
        time(NULL) - st.st_mtime < 24 * 3600)
        return;
    if ((fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
        return;
    if (!(d = fdopendir(fd))) {
        close(fd);
        return;
    }
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (strncmp(e->d_name, name + 1, 17) != 0 ||
            fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            unlinkat(fd, e->d_name, 0) != 0)
            clean = 0;
    }
    closedir(d);
    if (clean)
        unlinkat(dirfd, name, AT_REMOVEDIR);
}

/* Removes the backups older than oldest (YYYY-MM-DD), and old leftovers of interrupted
 * ones. Only final names count: a leftover never pushes a backup out. */
static int prune(const char *dir, const char *oldest, struct dpf_err *err)
{
    struct dirent *e;
    DIR *d = opendir(dir);

    if (!d)
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), dir);
    while ((e = readdir(d))) {
        if (backup_name(e->d_name) && strncmp(e->d_name + 4, oldest, 10) < 0)
            unlinkat(dirfd(d), e->d_name, 0);
        else if (e->d_name[0] == '.')
            sweep_leftover(dirfd(d), e->d_name);
    }
    closedir(d);
    return DPF_OK;
}

int backup_daily(struct db *db, const char *dir, int keep, int *made, struct dpf_err *err)
{
    char path[4096], oldest[32];
    int rc;
    sqlite3_stmt *st;

    *made = 0;
    if ((rc = datadir_check(dir, _("The backup folder"), err)) != DPF_OK)
        return rc;
    snprintf(path, sizeof path, "%s/dpf-%s.db", dir, db->today);
    if (!outfile_exists(path)) {
        if ((rc = backup_write(db, path, err)) != DPF_OK)
            return rc;
        *made = 1;
    }
    /* The first day kept: keep days back from today (SQLite's date arithmetic). */
    snprintf(oldest, sizeof oldest, "%s", db->today);
    if (sqlite3_prepare_v2(db->h, "SELECT date(?1, ?2 || ' days')", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, db->today, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, -(keep > 0 ? keep - 1 : 0));
        db_step_text(db, st, oldest, sizeof oldest, NULL);
        sqlite3_finalize(st);
    }
    restore_sweep(db->path);    /* the daily run also clears what a killed restore left */
    return prune(dir, oldest, err);
}

int backup_auto_set(struct db *db, const char *dir, int keep, struct dpf_err *err)
{
    sqlite3_stmt *st;
    struct strbuf after;
    int rc;

    if (dir && (rc = datadir_check(dir, _("The backup folder"), err)) != DPF_OK)
        return rc;
    if (dir && priv_access(dir, W_OK) != 0)
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
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
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
    if (priv_access(path, F_OK) == 0)
        return DPF_OK;          /* today's is written: the usual case, one stat */
    db_setting(db, "backup_keep", keep, sizeof keep);
    if (backup_daily(db, dir, keep[0] ? atoi(keep) : 7, made, err) != DPF_OK &&
        priv_access(path, F_OK) != 0)
        return err->code;       /* (another clerk's dpf writing it at the same moment is fine) */
    return DPF_OK;
}
