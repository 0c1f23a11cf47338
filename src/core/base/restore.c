/* SPDX-License-Identifier: MIT */
/* Restoring a backup. The file is checked first (integrity, dpf's application id, a schema
 * no newer than this program and whose objects are what the migrations make). It is then
 * copied into a private temporary file and brought to this program's schema there, so
 * the restored file is never seen unmigrated. The audit rows the restore would erase (those
 * of the live log that the backup's lacks) are carried into audit_rolled_back, beside the
 * restore's own audit row naming the file and its SHA-256. The result replaces the live
 * database's content in one write transaction of SQLite's backup API: a kill at any moment
 * leaves the old content or the new, whole. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/backup.h"
#include "dpf/check.h"
#include "dpf/datadir.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/migrate.h"
#include "dpf/outfile.h"
#include "dpf/priv.h"
#include "backup_internal.h"
#include "sha256.h"
#include "strbuf.h"
#include "db_struct.h"

static void first_problem(const char *what, const char *problem, void *ctx)
{
    char *out = ctx;
    if (!out[0])
        snprintf(out, 256, "%s: %s", what, problem);
}

/* The file (read from copy, named path in messages) is a sound dpf database this program
 * can open, with the schema objects its version should have (a dropped audit trigger is a
 * reason to refuse it). */
static int check_file(const char *copy, const char *path, struct dpf_err *err)
{
    sqlite3 *h = NULL;
    int app = 0, version = 0, rc = DPF_OK;
    char result[64] = "", problem[256] = "";
    long problems = 0;

    if (sqlite3_open_v2(copy, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(h);
        return dpf_err_set(err, DPF_EIO, NULL, _("%s is not a dpf database"), path);
    }
    backup_file_facts(h, result, &app, &version);
    if (strcmp(result, "ok") == 0 && app == DB_APPLICATION_ID && version <= db_schema_latest())
        rc = schema_verify(h, first_problem, problem, &problems, err);
    sqlite3_close(h);
    if (strcmp(result, "ok") != 0)
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
    if (rc != DPF_OK)
        return rc;
    if (problems)
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s does not have the schema its version should have (%s); "
                             "nothing was restored"), path, problem);
    return DPF_OK;
}

static int page_size(sqlite3 *h)
{
    sqlite3_stmt *st;
    int v = 0;
    if (sqlite3_prepare_v2(h, "PRAGMA page_size", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* SQLite copies into a WAL database only pages of its own size: a backup made with another
 * page size (an older dpf's 4 KB) is rewritten with the live file's first. */
static int match_page_size(sqlite3 *img, int size, struct dpf_err *err)
{
    char sql[64];

    if (page_size(img) == size)
        return DPF_OK;
    snprintf(sql, sizeof sql, "PRAGMA page_size = %d; VACUUM", size);
    if (sqlite3_exec(img, sql, NULL, NULL, NULL) != SQLITE_OK)
        return dpf_err_set(err, DPF_EDB, NULL, _("The restore failed: %s"), sqlite3_errmsg(img));
    return DPF_OK;
}

#define IMAGE_NAME "dpf-restore"
#define IMAGE_PREFIX "." IMAGE_NAME "-"     /* outfile_scratch's folder name */

/* The folder the data's files live in when installed keeps its group; elsewhere the user's. */
static unsigned data_flags(void)
{
    return priv_setgid() ? OUT_GROUP : 0;
}

/* A private (0700) folder beside the database for the image (outfile_scratch): as well kept
 * as the database itself, and on its file system (SQLite's own temporary files cannot change
 * page size). The restore holds a lock on it (*lock) for as long as it lives, which tells a
 * folder in use from one a killed restore left. */
static int image_dir(struct db *db, char **dir, int *lock, struct dpf_err *err)
{
    int rc = outfile_scratch(db->path, IMAGE_NAME, data_flags(), dir, err);

    if (rc == DPF_OK && (*lock = open(*dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
        flock(*lock, LOCK_EX);
    return rc;
}

/* Empties and removes a killed restore's folder, through descriptors (nothing in it is
 * followed): every file in it is the restore's work. */
static void image_clear(int dirfd, const char *name, int fd)
{
    DIR *d = fdopendir(dup(fd));
    struct dirent *e;

    while (d && (e = readdir(d)))
        if (e->d_type != DT_DIR)
            unlinkat(fd, e->d_name, 0);
    if (d)
        closedir(d);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

static void image_remove(char *dir, int lock)
{
    outfile_scratch_remove(dir);
    free(dir);
    if (lock >= 0)
        close(lock);            /* and with it the lock */
}

void restore_sweep(const char *db_path)
{
    char *copy = strdup(db_path);
    DIR *d = copy ? opendir(dirname(copy)) : NULL;
    struct dirent *e;
    struct stat st;
    int fd;

    while (d && (e = readdir(d))) {
        if (strncmp(e->d_name, IMAGE_PREFIX, strlen(IMAGE_PREFIX)) != 0 ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 07777) != 0700)
            continue;
        fd = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        /* Locked: a restore is running there. Not locked: its restore was killed. */
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            image_clear(dirfd(d), e->d_name, fd);
        close(fd);
    }
    if (d)
        closedir(d);
    free(copy);
}

/* The backup copied into a private temporary database, migrated to this program's schema,
 * with the live file's page size. */
static int load_image(struct db *db, const char *copy, const char *path, const char *dir,
                      sqlite3 **img, struct dpf_err *err)
{
    sqlite3 *from = NULL;
    char name[4200];
    int rc;

    *img = NULL;
    snprintf(name, sizeof name, "%s/image.db", dir);
    if (sqlite3_open_v2(copy, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_open_v2(name, img, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
            SQLITE_OK) {
        sqlite3_close(from);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), path);
    }
    rc = backup_copy(*img, from);
    sqlite3_close(from);
    if (rc != SQLITE_OK)
        return dpf_err_set(err, DPF_EIO, NULL, _("The restore failed: %s"), sqlite3_errstr(rc));
    if ((rc = migrate_run(*img, migrations, migration_count, err)) != DPF_OK)
        return rc;
    return match_page_size(*img, page_size(db->h), err);
}

static int img_fail(sqlite3 *img, struct dpf_err *err)
{
    return dpf_err_set(err, DPF_EDB, NULL, _("The restore failed: %s"), sqlite3_errmsg(img));
}

/* Rows of the live log (cur) that the restored one (main) lacks: every row the backup
 * predates, and, should the backup come from another line of history (an older restore in
 * between), any row that differs from the backup's row of the same id; after the rows the
 * live file had rolled back already (which are older). Kept in temp.carried in that order. */
static const char carried_sql[] =
    "CREATE TEMP TABLE carried AS SELECT audit_id, at, user, entity, entity_id, action, "
    "before, after FROM ("
    "SELECT 0 AS part, r.id AS k, r.audit_id, r.at, r.user, r.entity, r.entity_id, r.action, "
    "r.before, r.after FROM cur.audit_rolled_back r WHERE NOT EXISTS (SELECT 1 FROM "
    "  main.audit_rolled_back b WHERE b.audit_id = r.audit_id AND b.at = r.at "
    "  AND b.user = r.user AND b.action = r.action AND b.entity_id = r.entity_id) "
    "UNION ALL SELECT 1, c.id, c.id, c.at, c.user, c.entity, c.entity_id, c.action, c.before, "
    "c.after FROM cur.audit c WHERE NOT EXISTS (SELECT 1 FROM main.audit b WHERE b.id = c.id "
    "  AND b.at = c.at AND b.user = c.user AND b.entity = c.entity AND b.entity_id = "
    "  c.entity_id AND b.action = c.action AND b.before IS c.before AND b.after IS c.after)) "
    "ORDER BY part, k";

/* Person ids go on after the highest the live file ever gave, so an id named in a
 * rolled-back row is never given to someone else. */
static const char sequence_sql[] =
    "UPDATE main.sqlite_sequence SET seq = max(seq, "
    "  coalesce((SELECT seq FROM cur.sqlite_sequence WHERE name = 'person'), 0), "
    "  coalesce((SELECT max(entity_id) FROM cur.audit WHERE entity = 'person'), 0)) "
    "WHERE name = 'person'";

static int restore_row(struct db *db, sqlite3 *img, const char *path, const char *sha,
                       struct dpf_err *err)
{
    sqlite3_stmt *st;
    struct strbuf after;
    int rc = SQLITE_NOMEM;

    sb_init(&after);
    sb_add(&after, "{\"file\":");
    sb_json_str(&after, path);
    sb_printf(&after, ",\"sha256\":\"%s\",\"rolled_back\":", sha);
    if (!after.oom && sqlite3_prepare_v2(img, "INSERT INTO main.audit (at, user, entity, "
                                              "entity_id, action, before, after) VALUES (?1, ?2, "
                                              "'database', 0, 'restore', NULL, ?3 || (SELECT "
                                              "count(*) FROM carried) || '}')", -1, &st, NULL) ==
                          SQLITE_OK) {
        sqlite3_bind_text(st, 1, db->now, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, sb_str(&after), -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
    }
    sb_free(&after);
    return rc == SQLITE_DONE ? DPF_OK : img_fail(img, err);
}

/* In the image: the carried rows under the restore's audit row, and the person sequence. */
static int carry(struct db *db, sqlite3 *img, const char *path, const char *sha,
                 struct dpf_err *err)
{
    char sql[400];
    int rc;

    if (sqlite3_exec(img, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(img, carried_sql, NULL, NULL, NULL) != SQLITE_OK)
        return img_fail(img, err);
    rc = restore_row(db, img, path, sha, err);
    snprintf(sql, sizeof sql,
             "INSERT INTO main.audit_rolled_back (restore_id, audit_id, at, user, entity, "
             "entity_id, action, before, after) SELECT %lld, * FROM carried ORDER BY rowid; "
             "DROP TABLE carried", (long long)sqlite3_last_insert_rowid(img));
    if (rc == DPF_OK && (sqlite3_exec(img, sql, NULL, NULL, NULL) != SQLITE_OK ||
                         sqlite3_exec(img, sequence_sql, NULL, NULL, NULL) != SQLITE_OK ||
                         sqlite3_exec(img, "COMMIT", NULL, NULL, NULL) != SQLITE_OK))
        rc = img_fail(img, err);
    if (rc != DPF_OK)
        sqlite3_exec(img, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Replaces the live content with the image. The copy's first step takes the live file's
 * write lock and keeps it to the end; the rows to carry are read only then, so no clerk's
 * change can fall between reading the log and replacing it. (Changes the image's own
 * connection makes during the copy are carried into it by SQLite.) */
static int replace(struct db *db, sqlite3 *img, const char *path, const char *sha,
                   struct dpf_err *err)
{
    sqlite3_backup *b = sqlite3_backup_init(db->h, "main", img, "main");
    int rc;

    if (!b)
        return db_fail(db, err);
    while ((rc = sqlite3_backup_step(b, 1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep(20);
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
        if (carry(db, img, path, sha, err) != DPF_OK) {
            sqlite3_backup_finish(b);
            return err->code;
        }
        while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
               rc == SQLITE_LOCKED)
            ;
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return dpf_err_set(err, DPF_EIO, NULL, _("The restore failed: %s"), sqlite3_errstr(rc));
    return DPF_OK;
}

/* Whether a backup row (live or rolled back) recorded a file with this SHA-256. */
static int sha_recorded(struct db *db, const char *sha)
{
    sqlite3_stmt *st;
    int found = 0;

    if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM audit WHERE action = 'backup' AND "
                                  "json_extract(after, '$.sha256') = ?1 UNION ALL "
                                  "SELECT 1 FROM audit_rolled_back WHERE action = 'backup' AND "
                                  "json_extract(after, '$.sha256') = ?1 LIMIT 1",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
        found = db_step_one(db, st, NULL, NULL, NULL) == DPF_OK;
    }
    sqlite3_finalize(st);
    return found;
}

/* Installed (setgid), a restore brings back only what dpf or root put in the data folder
 * (datadir_check has refused anything outside it):
 * a backup whose SHA-256 a backup row recorded, or a file root placed in DATADIR/restore.
 * Otherwise any file the group may read could become the register. */
static int installed_may_restore(struct db *db, const char *path, const char *sha,
                                 struct dpf_err *err)
{
    if (!priv_setgid() || datadir_holds("restore", path) || sha_recorded(db, sha))
        return DPF_OK;
    return dpf_err_set(err, DPF_EIO, NULL,
                       _("%s is not a backup dpf made: to restore another file, root places "
                         "it in %s/restore"), path, datadir_path());
}

/* Opens the backup to restore. Not installed, with the user's own identity (priv.h), as
 * every input. Installed (setgid), a restore reads only inside the data folder
 * (datadir_check), whose files only the data's group may read: there the group's rights
 * are the point, and installed_may_restore limits them to dpf's own backups and what root
 * placed in DATADIR/restore. */
static int open_source(const char *path, int *fd, struct dpf_err *err)
{
    struct stat st;
    int e;

    *fd = priv_setgid() ? open(path, O_RDONLY | O_CLOEXEC)
                        : priv_user_open(path, O_RDONLY | O_CLOEXEC, 0);
    if (*fd < 0) {
        e = errno;
        if (e == ENOENT)
            return dpf_err_set(err, DPF_EIO, NULL, _("%s does not exist"), path);
        if (e == EACCES)
            return dpf_err_set(err, DPF_EIO, NULL, _("%s may not be read (permission denied)"),
                               path);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot open %s: %s"), path, strerror(e));
    }
    if (fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(*fd);
        *fd = -1;
        return dpf_err_set(err, DPF_EIO, NULL, _("%s is not a regular file"), path);
    }
    return DPF_OK;
}

/* SQLite opens files only by name, and a name is looked up again with the group's rights.
 * So SQLite never sees the user's name: the bytes read through the user's own descriptor
 * (in) are copied into the private image folder (dir/source.db), hashed on the way, and
 * everything after reads that copy. */
static int copy_source(int in, const char *path, const char *dir, char *copy, size_t cap,
                       char sha[65], struct dpf_err *err)
{
    struct outfile out;
    int rc;

    snprintf(copy, cap, "%s/source.db", dir);
    if ((rc = outfile_open(&out, copy, OUT_PRIVATE | data_flags(), err)) != DPF_OK)
        return rc;
    if (sha256_copy(in, fileno(out.fp), sha) != 0) {    /* unbuffered: straight to its fd */
        outfile_abort(&out);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot read %s"), path);
    }
    return outfile_commit(&out, err);
}

int backup_restore(struct db *db, const char *path, struct dpf_err *err)
{
    sqlite3 *img = NULL;
    sqlite3_stmt *st;
    char sha[65], *dir = NULL, copy[4200];
    int rc = datadir_check(path, _("The file to restore"), err), in, lock = -1;

    /* Refused before any folder is made: a file outside the data folder (installed), or one
     * the user may not read. */
    if (rc != DPF_OK || (rc = open_source(path, &in, err)) != DPF_OK)
        return rc;
    restore_sweep(db->path);    /* what a killed restore left: a copy of personal data */
    if ((rc = image_dir(db, &dir, &lock, err)) != DPF_OK) {
        close(in);
        return rc;
    }
    rc = copy_source(in, path, dir, copy, sizeof copy, sha, err);
    close(in);
    if (rc == DPF_OK &&
        (rc = installed_may_restore(db, path, sha, err)) == DPF_OK &&
        (rc = check_file(copy, path, err)) == DPF_OK &&
        (rc = load_image(db, copy, path, dir, &img, err)) == DPF_OK) {
        if (sqlite3_prepare_v2(img, "ATTACH ?1 AS cur", -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, db->path, -1, SQLITE_STATIC);
            rc = sqlite3_step(st) == SQLITE_DONE ? DPF_OK : img_fail(img, err);
            sqlite3_finalize(st);
        } else {
            rc = img_fail(img, err);
        }
    }
    if (rc == DPF_OK)
        rc = replace(db, img, path, sha, err);
    sqlite3_close(img);
    image_remove(dir, lock);
    return rc;
}
