/* SPDX-License-Identifier: MIT */
/* Opening the database file, the statement cache and transactions. The clock is in
 * db_clock.c; file errors in clear words in db_trouble.c. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/migrate.h"
#include "dpf/outfile.h"
#include "dpf/priv.h"
#include "db_internal.h"
#include "db_struct.h"

int db_fail(struct db *db, struct dpf_err *err)
{
    if (db_file_trouble(db->h, db->path, db->user, err) != DPF_OK)
        return DPF_EDB;
    return dpf_err_set(err, DPF_EDB, NULL, _("Database error: %s"), sqlite3_errmsg(db->h));
}

static void set_user(struct db *db)
{
    struct passwd *pw = getpwuid(geteuid());
    const char *name = pw ? pw->pw_name : priv_getenv("USER");
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

    if ((app < 0 || tables < 0) && (rc = db_file_trouble(db->h, db->path, db->user, err)) != DPF_OK)
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
    t = db_errno_trouble(errno);
    if (t == TR_MISSING)
        dpf_err_set(err, DPF_EIO, NULL,
                    _("Database %s does not exist (create it with `dpf init` or `dpf demo`)"),
                    db->path);
    else
        db_trouble_err(err, t, db->path, db->user, strerror(errno));
    return 1;
}

/* The page cache of everyday work: 256 MB keeps a million-person register's indexes in memory. */
#define CACHE_PRAGMA "PRAGMA cache_size = -262144"

int db_cache_default(struct db *db, struct dpf_err *err)
{
    return db_exec(db, CACHE_PRAGMA, err);
}

/* The schema of a new file at h: 16 KB pages (a million-person register loads about 15%
 * faster, and its indexes are shallower, than with the 4 KB default), the migrations, and
 * dpf's application id. */
static int build_schema(sqlite3 *h, struct dpf_err *err)
{
    char sql[64];

    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
    if (sqlite3_exec(h, "PRAGMA page_size = 16384", NULL, NULL, NULL) != SQLITE_OK)
        return DPF_EDB;
    if (migrate_run(h, migrations, migration_count, err) != DPF_OK)
        return err ? err->code : DPF_EDB;
    return sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK ? DPF_OK : DPF_EDB;
}

/* A new database is written like every other file (outfile.h): built whole under a
 * temporary name, fsynced, given its mode and renamed into place without replacing
 * anything. So a failure (a full disk) leaves no half-made file to block the next `dpf
 * init`, and it is 0600, the register being personal data; installed (setgid) 0660 with the
 * data's group, as the clerks reach it only through dpf with the group's rights (the 2770
 * data folder keeps everyone else out). SQLite gives its -wal and -shm the database's mode.
 * A file that exists (or appears meanwhile) is left as it is, to be opened. */
static int create_new(const char *path, const char *user, struct dpf_err *err)
{
    unsigned flags = OUT_NEW_DATABASE | OUT_BYNAME | OUT_PRIVATE |
                     (priv_setgid() ? OUT_GROUP : 0);
    struct outfile o;
    sqlite3 *h = NULL;
    int rc;

    if (outfile_exists(path))
        return DPF_OK;
    if ((rc = outfile_open(&o, path, flags, err)) != DPF_OK)
        return rc;
    if (sqlite3_open_v2(o.tmp, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
            SQLITE_OK || build_schema(h, err) != DPF_OK) {
        if (!h || db_file_trouble(h, path, user, err) == DPF_OK)
            dpf_err_set(err, DPF_EIO, NULL, _("Cannot create database %s: %s"), path,
                        h ? sqlite3_errmsg(h) : strerror(ENOMEM));
        sqlite3_close(h);
        outfile_abort(&o);
        return err ? err->code : DPF_EIO;
    }
    if (sqlite3_close(h) != SQLITE_OK) {
        outfile_abort(&o);
        return dpf_err_set(err, DPF_EIO, NULL, _("Cannot create database %s: %s"), path,
                           strerror(EIO));
    }
    rc = outfile_commit(&o, err);
    return rc == DPF_EEXIST ? DPF_OK : rc;  /* another clerk's dpf made it first: open it */
}

/* What opening a connection also does once the file is ready, and closing it undoes: the
 * entity registry's reading of the kinds a database defines (entity_db.c). Called through
 * pointers, so that the registry's hooks (which write through the audit log) and db.c do
 * not call each other. */
static int (*open_hook)(struct db *db, struct dpf_err *err);
static void (*close_hook)(struct db *db);

void db_on_open(int (*on_open)(struct db *db, struct dpf_err *err), void (*on_close)(struct db *db))
{
    open_hook = on_open;
    close_hook = on_close;
}

int db_open(const char *path, unsigned flags, struct db **out, struct dpf_err *err)
{
    struct db *db = calloc(1, sizeof *db);
    /* One connection per thread: SQLite's own mutexes would only cost time. Never
     * SQLITE_OPEN_CREATE: a new file is made whole by create_new. */
    int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    char sql[64];

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
    if ((flags & DB_CREATE) && create_new(path, db->user, err) != DPF_OK)
        goto fail;
    if (missing(db, err))
        goto fail;
    if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
        if (!db->h || db_file_trouble(db->h, path, db->user, err) == DPF_OK)
            dpf_err_set(err, DPF_EIO, NULL, _("Cannot open database %s: %s"), path,
                        db->h ? sqlite3_errmsg(db->h) : "");
        goto fail;
    }
    sqlite3_busy_timeout(db->h, 5000);
    if (check_ours(db, err) != DPF_OK)
        goto fail;
    /* A file dpf creates already has 16 KB pages (build_schema); this gives them to an
     * empty file made outside dpf too. Ignored once a file has tables. */
    if (db_exec(db, "PRAGMA page_size = 16384", err) != DPF_OK)
        goto fail;
    if (db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                    "PRAGMA synchronous = NORMAL; " CACHE_PRAGMA, err) != DPF_OK)
        goto fail;
    if (migrate_run(db->h, migrations, migration_count, err) != DPF_OK)
        goto fail;
    if (open_hook && open_hook(db, err) != DPF_OK)
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
    free(db->stmts);
    if (close_hook)
        close_hook(db);
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
    if (db->nstmts == db->stmts_cap) {
        int cap = db->stmts_cap ? 2 * db->stmts_cap : 64;
        struct db_stmt_slot *grown = realloc(db->stmts, (size_t)cap * sizeof *grown);
        if (!grown) {
            dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
            return NULL;
        }
        db->stmts = grown;
        db->stmts_cap = cap;
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

int db_step_one(struct db *db, sqlite3_stmt *st, db_row_fn fn, void *ctx, struct dpf_err *err)
{
    int rc = sqlite3_step(st), read = DPF_OK;

    if (rc == SQLITE_ROW && fn)
        read = fn(st, ctx);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return read;
    return rc == SQLITE_DONE ? DPF_ENOTFOUND : db_fail(db, err);
}

static int read_int64(sqlite3_stmt *st, void *ctx)
{
    *(int64_t *)ctx = sqlite3_column_int64(st, 0);
    return DPF_OK;
}

int db_step_int64(struct db *db, sqlite3_stmt *st, int64_t *out, struct dpf_err *err)
{
    *out = 0;
    return db_step_one(db, st, read_int64, out, err);
}

struct text_out {
    char *out;
    size_t cap;
};

static int read_text(sqlite3_stmt *st, void *ctx)
{
    struct text_out *t = ctx;
    const char *s = (const char *)sqlite3_column_text(st, 0);
    snprintf(t->out, t->cap, "%s", s ? s : "");
    return DPF_OK;
}

int db_step_text(struct db *db, sqlite3_stmt *st, char *out, size_t cap, struct dpf_err *err)
{
    return db_step_one(db, st, read_text, &(struct text_out){ out, cap }, err);
}

int db_step_done(struct db *db, sqlite3_stmt *st, struct dpf_err *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int db_exec(struct db *db, const char *sql, struct dpf_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) == SQLITE_OK)
        return DPF_OK;
    if (db_file_trouble(db->h, db->path, db->user, err) == DPF_OK)
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
    db_step_text(db, st, out, cap, NULL);
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
    int64_t empty;
    int rc;

    snprintf(q, sizeof q, "SELECT NOT EXISTS (SELECT 1 FROM \"%s\")", table);
    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err), -1;
    rc = db_step_int64(db, st, &empty, err);
    sqlite3_finalize(st);
    return rc == DPF_OK ? (int)empty : -1;
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
     * MEMORY), so with a big cache a million keys are sorted on one thread. 4 MB rebuilt
     * the register's eight indexes in 2.7 s against 3.8 s with 16 MB and 9 s with 64 MB
     * (a million persons, docs/bench.md); the load itself is the same. */
    sqlite3_exec(db->h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    return db_exec(db, "PRAGMA cache_size = -4096; PRAGMA threads = 2", err);
}

void db_bulk_end(struct db *db)
{
    sqlite3_exec(db->h, "PRAGMA journal_mode = WAL; " CACHE_PRAGMA, NULL, NULL, NULL);
}

const char *db_today(const struct db *db)
{
    return db->today;
}

const char *db_now(const struct db *db)
{
    return db->now;
}

const char *db_user(const struct db *db)
{
    return db->user;
}

void db_set_origin(struct db *db, const char *origin)
{
    db->origin = origin;
}
