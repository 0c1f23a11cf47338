/* SPDX-License-Identifier: MIT */
/* The one SQLite file: open (WAL, foreign keys, busy timeout), migrate, transactions, a
 * cache of prepared statements, and who/when for the audit log. */
#ifndef DPF_DB_H
#define DPF_DB_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "dpf/err.h"

#define DB_APPLICATION_ID 0x44504631 /* "DPF1": marks a file as a dpf database */

enum db_open_flags {
    DB_CREATE = 1 << 0,     /* create the file if it does not exist */
};

/* A connection: opaque to the front ends, which read what they need through the calls
 * below (the core's files see its fields in src/core/base/db_struct.h). */
struct db;

/* Opens (or with DB_CREATE creates) path and brings its schema up to date in one
 * transaction. Refuses a database made by a newer dpf and a file that is not dpf's. */
int db_open(const char *path, unsigned flags, struct db **out, struct dpf_err *err);
void db_close(struct db *db);

/* Schema version of the open database, and the newest this program knows. */
int db_schema_version(struct db *db);
int db_schema_latest(void);

/* The prepared statement for sql, reset and with bindings cleared; owned by db, which
 * prepares each distinct text once. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct dpf_err *err);

/* The one-row step: steps st, lets fn (if not NULL) read the row, and resets st, so that no
 * statement is left holding a read open. Returns DPF_OK, fn's status if not DPF_OK,
 * DPF_ENOTFOUND when there is no row (err untouched: the caller says what was not found)
 * or db_fail's DPF_EDB. */
typedef int (*db_row_fn)(sqlite3_stmt *st, void *ctx);
int db_step_one(struct db *db, sqlite3_stmt *st, db_row_fn fn, void *ctx, struct dpf_err *err);
/* db_step_one reading column 0 as an integer into *out (0 when there is no row). */
int db_step_int64(struct db *db, sqlite3_stmt *st, int64_t *out, struct dpf_err *err);
/* db_step_one copying column 0 as text into out (cap bytes; "" for NULL). Without a row,
 * out is left as it was: a caller's default (today, the date given) stands. */
int db_step_text(struct db *db, sqlite3_stmt *st, char *out, size_t cap, struct dpf_err *err);
/* Steps a statement that returns no row (an insert, update or delete) and resets it:
 * DPF_OK or db_fail's DPF_EDB. */
int db_step_done(struct db *db, sqlite3_stmt *st, struct dpf_err *err);

/* BEGIN IMMEDIATE, then re-reads the clock: every write of the transaction has its time. */
int db_begin(struct db *db, struct dpf_err *err);
/* Ends the transaction by the result of the work done in it: commits when rc is DPF_OK,
 * else rolls back. Returns the final status. */
int db_end(struct db *db, int rc, struct dpf_err *err);
int db_commit(struct db *db, struct dpf_err *err);
void db_rollback(struct db *db);
int db_exec(struct db *db, const char *sql, struct dpf_err *err);

/* Bulk loading: drops a table's indexes (keeping their SQL in *saved) and builds them again.
 * Both run inside the caller's transaction, so a rollback restores the indexes too. */
struct db_index_set {
    char **sql, **name;
    int n;
};
int db_indexes_drop(struct db *db, const char *table, struct db_index_set *saved,
                    struct dpf_err *err);
int db_indexes_restore(struct db *db, struct db_index_set *saved, struct dpf_err *err);
void db_index_set_free(struct db_index_set *saved);

/* Settings for loading a large amount of data into an empty table, outside a transaction:
 * db_bulk_begin before BEGIN, db_bulk_end after COMMIT or ROLLBACK. */
int db_bulk_begin(struct db *db, struct dpf_err *err);
/* Back to the page cache of everyday work (after a bulk load's small one). */
int db_cache_default(struct db *db, struct dpf_err *err);
void db_bulk_end(struct db *db);

/* 1 if table has no rows, 0 if it has, -1 on error (err set). */
int db_table_empty(struct db *db, const char *table, struct dpf_err *err);

/* Fills err from the connection's last SQLite error; returns DPF_EDB. An error of the file
 * rather than the SQL (a full disk, a permission refused, a failed read or write) is said
 * in those words. */
int db_fail(struct db *db, struct dpf_err *err);
/* The same for a bare handle, when the last error was about the file: fills err and
 * returns DPF_EIO; otherwise DPF_OK and err untouched. */
int db_file_fail(sqlite3 *h, struct dpf_err *err);

/* An office setting (district_name, district_code) into out; "" if unset. */
void db_setting(struct db *db, const char *key, char *out, size_t cap);

/* The connection's clock and who is at work: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" and the
 * OS login name; valid while db is open. */
const char *db_today(const struct db *db);
const char *db_now(const struct db *db);
const char *db_user(const struct db *db);
/* The command or screen at work ("person show"), named by the audit rows of disclosures;
 * origin must outlive db. */
void db_set_origin(struct db *db, const char *origin);

/* Re-reads the clock into now and today. In a test build DPF_NOW="YYYY-MM-DD HH:MM:SS"
 * starts it (again whenever the value changes); it then advances with elapsed time. */
void db_set_now(struct db *db);

#endif
