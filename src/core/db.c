/* SPDX-License-Identifier: MIT */
/* Opening the database file, the statement cache, transactions and the clock. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/migrate.h"
#include "dpf/outfile.h"

/* What can go wrong with the file rather than the SQL, each told in its own words: a clerk
 * who reads "disk I/O error" cannot tell a full disk from a missing permission. */
enum trouble { TR_NONE, TR_FULL, TR_DENIED, TR_READONLY, TR_ROFS, TR_MISSING, TR_IO };

/* The trouble an errno names, or TR_NONE. */
static int errno_trouble(int sys)
{
    switch (sys) {
    case ENOSPC:
    case EDQUOT:
        return TR_FULL;
    case EACCES:
    case EPERM:
        return TR_DENIED;
    case EROFS:
        return TR_ROFS;
    case ENOENT:
    case ENOTDIR:
        return TR_MISSING;
    default:
        return TR_NONE;
    }
}

/* The trouble of SQLite's last error on h. The OS error is read only for the result codes
 * that come from a system call, as it is not cleared between calls. */
static int sqlite_trouble(sqlite3 *h, int *sys)
{
    int ext = sqlite3_extended_errcode(h), t;

    *sys = 0;
    switch (ext & 0xff) {
    case SQLITE_FULL:
        return TR_FULL;
    case SQLITE_PERM:
        return TR_DENIED;
    case SQLITE_READONLY:
        *sys = sqlite3_system_errno(h);
        return *sys == EROFS ? TR_ROFS : TR_READONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        *sys = sqlite3_system_errno(h);
        t = errno_trouble(*sys);
        /* A file missing while SQLite works on it is a failed read or write. */
        return t == TR_NONE || (t == TR_MISSING && (ext & 0xff) == SQLITE_IOERR) ? TR_IO : t;
    default:
        return TR_NONE;
    }
}

/* Sets err for trouble t with the file at path; detail is the OS's or SQLite's words. */
static int trouble_err(struct dpf_err *err, int t, const char *path, const char *user,
                       const char *detail)
{
    switch (t) {
    case TR_FULL:
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s: the disk is full (free some space and try again)"), path);
    case TR_DENIED:
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s: permission denied (user %s may not open it)"), path, user);
    case TR_READONLY:
        return dpf_err_set(err, DPF_EIO, NULL,
                           _("%s: permission denied (user %s may not write to it or to its "
                             "folder)"), path, user);
    case TR_ROFS:
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: the file system is read-only"), path);
    case TR_MISSING:
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: its folder does not exist"), path);
    default:
        return dpf_err_set(err, DPF_EIO, NULL, _("%s: the disk could not be read or written "
                                                 "(%s)"), path, detail);
    }
}

/* Whether the folder of path exists. */
static int folder_exists(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    struct stat sb;

    if (!slash)
        return 1;
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) + (slash == path), path);
    return stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The SQLite error on h in clear words if it is about the file; DPF_OK if it is not. */
static int file_fail(sqlite3 *h, const char *path, const char *user, struct dpf_err *err)
{
    int sys, t = sqlite_trouble(h, &sys);
    if (t == TR_NONE)
        return DPF_OK;
    /* SQLite retries a file it may not create read-only, which then is not found. */
    if (t == TR_MISSING && folder_exists(path))
        t = TR_READONLY;
    return trouble_err(err, t, path, user, sys ? strerror(sys) : sqlite3_errmsg(h));
}

int db_file_fail(sqlite3 *h, struct dpf_err *err)
{
    struct passwd *pw = getpwuid(geteuid());
    const char *path = sqlite3_db_filename(h, "main");
    return file_fail(h, path && *path ? path : "?", pw ? pw->pw_name : "?", err);
}

int db_fail(struct db *db, struct dpf_err *err)
{
    if (file_fail(db->h, db->path, db->user, err) != DPF_OK)
        return DPF_EDB;
    return dpf_err_set(err, DPF_EDB, NULL, _("Database error: %s"), sqlite3_errmsg(db->h));
}

#define STAMP_FORMAT "%Y-%m-%d %H:%M:%S"

#ifdef DPF_TEST_CLOCK
/* Whole seconds since the clock was anchored, by the monotonic clock: it crosses midnight
 * as a real day does, and a change of the system's time does not move it. */
static time_t since_anchor(const struct db_clock *c)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ts.tv_sec - c->anchor.tv_sec) - (ts.tv_nsec < c->anchor.tv_nsec);
}

/* Anchors the clock at start ("YYYY-MM-DD HH:MM:SS"); 0 if start is not such a time. */
static int anchor(struct db_clock *c, const char *start)
{
    struct tm tm = { 0 };
    const char *end = strlen(start) == 19 ? strptime(start, STAMP_FORMAT, &tm) : NULL;

    c->start[0] = '\0';
    if (!end || *end)
        return 0;
    memcpy(c->start, start, sizeof c->start);
    c->base = timegm(&tm);
    clock_gettime(CLOCK_MONOTONIC, &c->anchor);
    return 1;
}

/* The test clock: from DPF_NOW on, anchored again when the value changes (unit tests move
 * it with setenv). 0 without a usable DPF_NOW: the real clock then. */
static int test_clock(struct db_clock *c, char now[20])
{
    const char *start = getenv("DPF_NOW");
    struct tm tm;
    time_t t;

    if (!start || (strcmp(start, c->start) != 0 && !anchor(c, start))) {
        c->start[0] = '\0';
        return 0;
    }
    t = c->base + since_anchor(c);
    gmtime_r(&t, &tm);
    strftime(now, 20, STAMP_FORMAT, &tm);
    return 1;
}
#else
/* The normal build never reads DPF_NOW: nobody can set the times of the audit log, and the
 * automatic backup's pruning goes by the real date. */
static int test_clock(struct db_clock *c, char now[20])
{
    (void)c;
    (void)now;
    return 0;
}
#endif

void db_set_now(struct db *db)
{
    if (!test_clock(&db->clock, db->now)) {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(db->now, sizeof db->now, STAMP_FORMAT, &tm);
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
    int tables = pragma_int(db->h, "SELECT count(*) FROM sqlite_schema"), rc;

    if ((app < 0 || tables < 0) && (rc = file_fail(db->h, db->path, db->user, err)) != DPF_OK)
        return rc;
    if (app < 0 || tables < 0)
        return dpf_err_set(err, DPF_EDB, NULL, _("%s is not a dpf database: %s"), db->path,
                           sqlite3_errmsg(db->h));
    if (app == DB_APPLICATION_ID || (app == 0 && tables == 0))
        return DPF_OK;
    return dpf_err_set(err, DPF_EDB, NULL, _("%s is not a dpf database"), db->path);
}

/* Whether the database file cannot be found, with err saying why: not there at all, or in
 * a folder the user may not enter (which is not the same thing). */
static int missing(struct db *db, struct dpf_err *err)
{
    struct stat sb;
    int t;

    if (stat(db->path, &sb) == 0)
        return 0;
    t = errno_trouble(errno);
    if (t == TR_MISSING)
        dpf_err_set(err, DPF_EIO, NULL,
                    _("Database %s does not exist (create it with `dpf init` or `dpf demo`)"),
                    db->path);
    else
        trouble_err(err, t, db->path, db->user, strerror(errno));
    return 1;
}

/* The page cache of everyday work: 256 MB keeps a million-person register's indexes in memory. */
#define CACHE_PRAGMA "PRAGMA cache_size = -262144"

int db_cache_default(struct db *db, struct dpf_err *err)
{
    return db_exec(db, CACHE_PRAGMA, err);
}

/* A new database is created 0600 before SQLite sees it (SQLite would make it 0644 less the
 * umask, and gives its -wal and -shm files the database's mode): the register is personal
 * data. An existing file is left as it is; *created says which. */
static int create_private(const char *path, const char *user, int *created,
                          struct dpf_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600), t;

    *created = fd >= 0;
    if (fd >= 0)
        return close(fd), DPF_OK;
    if (errno == EEXIST)
        return DPF_OK;
    t = errno_trouble(errno);
    return trouble_err(err, t == TR_NONE ? TR_IO : t, path, user, strerror(errno));
}

/* A file this call created but could not make a database (a full disk, say) is removed with
 * its journals: left behind, it would make the next `dpf init` say the file exists. */
static void remove_new(const char *path)
{
    static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
    char p[4200];

    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
        unlink(p);
    }
    unlink(path);
}

int db_open(const char *path, unsigned flags, struct db **out, struct dpf_err *err)
{
    struct db *db = calloc(1, sizeof *db);
    /* One connection per thread: SQLite's own mutexes would only cost time. */
    int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                 ((flags & DB_CREATE) ? SQLITE_OPEN_CREATE : 0);
    char sql[64];
    int created = 0;

    /* No allocation statistics: they take a global mutex on every allocation, and a bulk
     * import makes tens of millions. Refused (harmlessly) once SQLite is initialised. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    *out = NULL;
    if (!db || !(db->path = strdup(path))) {
        free(db);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    set_user(db);
    outfile_protect(path);      /* no output may ever be written over it */
    if ((flags & DB_CREATE) && create_private(path, db->user, &created, err) != DPF_OK)
        goto fail;
    if (!(flags & DB_CREATE) && missing(db, err))
        goto fail;
    if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
        if (!db->h || file_fail(db->h, path, db->user, err) == DPF_OK)
            dpf_err_set(err, DPF_EIO, NULL, _("Cannot open database %s: %s"), path,
                        db->h ? sqlite3_errmsg(db->h) : "");
        goto fail;
    }
    sqlite3_busy_timeout(db->h, 5000);
    if (check_ours(db, err) != DPF_OK)
        goto fail;
    /* 16 KB pages for a new file: a million-person register loads about 15% faster and its
     * indexes are shallower than with the 4 KB default. Ignored for an existing file. */
    if (db_exec(db, "PRAGMA page_size = 16384", err) != DPF_OK)
        goto fail;
    if (db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                    "PRAGMA synchronous = NORMAL; " CACHE_PRAGMA, err) != DPF_OK)
        goto fail;
    if (migrate_run(db->h, migrations, migration_count, err) != DPF_OK)
        goto fail;
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
    if (pragma_int(db->h, "PRAGMA application_id") != DB_APPLICATION_ID &&
        db_exec(db, sql, err) != DPF_OK)
        goto fail;
    /* Read (and a test clock anchored) once the file is ready, so that a short command's
     * first stamp is the very time it was started with. */
    db_set_now(db);
    *out = db;
    return DPF_OK;
fail:
    db_close(db);
    if (created)
        remove_new(path);
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
    if (file_fail(db->h, db->path, db->user, err) == DPF_OK)
        dpf_err_set(err, DPF_EDB, NULL, _("Database error: %s"),
                    msg ? msg : sqlite3_errmsg(db->h));
    sqlite3_free(msg);
    return DPF_EDB;
}

int db_begin(struct db *db, struct dpf_err *err)
{
    int rc = db_exec(db, "BEGIN IMMEDIATE", err);
    /* Read with the write lock held: the transaction's one time, and the log's times follow
     * the order in which writers commit. */
    if (rc == DPF_OK)
        db_set_now(db);
    return rc;
}

int db_commit(struct db *db, struct dpf_err *err)
{
    return db_exec(db, "COMMIT", err);
}

int db_end(struct db *db, int rc, struct dpf_err *err)
{
    if (rc == DPF_OK)
        rc = db_commit(db, err);
    if (rc != DPF_OK)
        db_rollback(db);
    return rc;
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

int db_indexes_drop(struct db *db, const char *table, struct db_index_set *saved,
                    struct dpf_err *err)
{
    static const char q[] =
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL";
    sqlite3_stmt *st;
    char **sql, **name, drop[200];
    int rc;

    memset(saved, 0, sizeof *saved);
    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sql = realloc(saved->sql, (size_t)(saved->n + 1) * sizeof *sql);
        if (sql)
            saved->sql = sql;
        name = realloc(saved->name, (size_t)(saved->n + 1) * sizeof *name);
        if (name)
            saved->name = name;
        if (!sql || !name)
            break;
        sql[saved->n] = strdup((const char *)sqlite3_column_text(st, 1));
        name[saved->n] = strdup((const char *)sqlite3_column_text(st, 0));
        saved->n++;
        if (!sql[saved->n - 1] || !name[saved->n - 1])
            break;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    /* Dropped only now: changing sqlite_schema while reading it is not allowed. */
    for (int i = 0; i < saved->n; i++) {
        snprintf(drop, sizeof drop, "DROP INDEX \"%s\"", saved->name[i]);
        if (db_exec(db, drop, err) != DPF_OK)
            return DPF_EDB;
    }
    return DPF_OK;
}

int db_indexes_restore(struct db *db, struct db_index_set *saved, struct dpf_err *err)
{
    for (int i = 0; i < saved->n; i++)
        if (db_exec(db, saved->sql[i], err) != DPF_OK)
            return DPF_EDB;
    return DPF_OK;
}

void db_index_set_free(struct db_index_set *saved)
{
    for (int i = 0; i < saved->n; i++) {
        free(saved->sql[i]);
        free(saved->name[i]);
    }
    free(saved->sql);
    free(saved->name);
    memset(saved, 0, sizeof *saved);
}

int db_table_empty(struct db *db, const char *table, struct dpf_err *err)
{
    char q[200];
    sqlite3_stmt *st;
    int empty;

    snprintf(q, sizeof q, "SELECT NOT EXISTS (SELECT 1 FROM \"%s\")", table);
    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err), -1;
    empty = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    if (empty < 0)
        db_fail(db, err);
    sqlite3_finalize(st);
    return empty;
}

int db_bulk_begin(struct db *db, struct dpf_err *err)
{
    /* Loading an empty register: a rollback journal writes each page once, where WAL writes
     * it to the log and again at the checkpoint. Best effort: while another connection has
     * the file open SQLite refuses to leave WAL, and the load simply runs in WAL.
     * A small page cache: new pages need no journal, so they are written out as the load
     * goes rather than held (a gigabyte for a million persons) until the commit. It is also
     * what lets the index rebuild sort on two threads: SQLite's sorter hands work to its
     * helper threads only in chunks the size of the cache (and never with temp_store =
     * MEMORY), so with a big cache a million keys are sorted on one thread. */
    sqlite3_exec(db->h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    return db_exec(db, "PRAGMA cache_size = -16384; PRAGMA threads = 2", err);
}

void db_bulk_end(struct db *db)
{
    sqlite3_exec(db->h, "PRAGMA journal_mode = WAL; " CACHE_PRAGMA, NULL, NULL, NULL);
}
