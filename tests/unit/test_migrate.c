/* SPDX-License-Identifier: MIT */
/* Schema migrations: applied in order in one transaction, a failure leaves the file as it
 * was, a newer database is refused untouched; db_open's own checks on real files. */
#include "testutil.h"
#include "dpf/migrate.h"

static const struct migration two[] = {
    { 1, "001_t", "CREATE TABLE t (x INTEGER);" },
    { 2, "002_u", "CREATE TABLE u (y TEXT); INSERT INTO u VALUES ('seed');" },
};

static const struct migration broken[] = {
    { 1, "001_t", "CREATE TABLE t (x INTEGER);" },
    { 2, "002_bad", "CREATE TABLE u (y TEXT); INSERT INTO nowhere VALUES (1);" },
};

static sqlite3 *open_raw(const char *dir, const char *name)
{
    char p[160];
    sqlite3 *h;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    return h;
}

static long long q(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void empty_to_latest(void **state)
{
    const char *dir = tu_tmpdir();
    sqlite3 *h = open_raw(dir, "m.db");
    struct dpf_err err;
    (void)state;
    assert_int_equal(migrate_run(h, two, 2, &err), DPF_OK);
    assert_int_equal(q(h, "PRAGMA user_version"), 2);
    assert_int_equal(q(h, "SELECT count(*) FROM u"), 1);
    /* Running again is a no-op. */
    assert_int_equal(migrate_run(h, two, 2, &err), DPF_OK);
    assert_int_equal(q(h, "SELECT count(*) FROM u"), 1);
    sqlite3_close(h);
    tu_rmdir(dir);
}

static void old_database_upgraded_keeping_data(void **state)
{
    const char *dir = tu_tmpdir();
    sqlite3 *h = open_raw(dir, "m.db");
    struct dpf_err err;
    (void)state;
    assert_int_equal(migrate_run(h, two, 1, &err), DPF_OK);
    assert_int_equal(q(h, "PRAGMA user_version"), 1);
    assert_int_equal(sqlite3_exec(h, "INSERT INTO t VALUES (42)", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(migrate_run(h, two, 2, &err), DPF_OK);
    assert_int_equal(q(h, "PRAGMA user_version"), 2);
    assert_int_equal(q(h, "SELECT x FROM t"), 42);
    sqlite3_close(h);
    tu_rmdir(dir);
}

static void failed_migration_changes_nothing(void **state)
{
    const char *dir = tu_tmpdir();
    sqlite3 *h = open_raw(dir, "m.db");
    struct dpf_err err;
    (void)state;
    assert_int_equal(migrate_run(h, broken, 1, &err), DPF_OK);
    assert_int_equal(migrate_run(h, broken, 2, &err), DPF_EDB);
    assert_non_null(strstr(err.msg, "002_bad"));
    assert_int_equal(q(h, "PRAGMA user_version"), 1);
    assert_int_equal(q(h, "SELECT count(*) FROM sqlite_schema WHERE name = 'u'"), 0);
    sqlite3_close(h);
    tu_rmdir(dir);
}

static void newer_database_refused(void **state)
{
    const char *dir = tu_tmpdir();
    sqlite3 *h = open_raw(dir, "m.db");
    struct dpf_err err;
    (void)state;
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE t (x); PRAGMA user_version = 3", NULL, NULL,
                                  NULL), SQLITE_OK);
    assert_int_equal(migrate_run(h, two, 2, &err), DPF_EVERSION);
    assert_non_null(strstr(err.msg, "newer"));
    assert_int_equal(q(h, "PRAGMA user_version"), 3);
    assert_int_equal(q(h, "SELECT count(*) FROM sqlite_schema WHERE name = 'u'"), 0);
    sqlite3_close(h);
    tu_rmdir(dir);
}

static void db_open_on_real_files(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "new.db");
    struct dpf_err err;
    char p[160];
    sqlite3 *h;
    (void)state;
    assert_int_equal(db_schema_version(db), db_schema_latest());
    assert_true(db_schema_latest() >= 2);
    assert_int_equal(tu_int(db, "PRAGMA application_id"), DB_APPLICATION_ID);
    assert_int_equal(tu_int(db, "PRAGMA foreign_keys"), 1);
    db_close(db);

    /* A database from a newer dpf: refused, and left as it was. */
    h = open_raw(dir, "new.db");
    assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    snprintf(p, sizeof p, "%s/new.db", dir);
    assert_int_equal(db_open(p, 0, &db, &err), DPF_EVERSION);
    assert_null(db);
    h = open_raw(dir, "new.db");
    assert_int_equal(q(h, "PRAGMA user_version"), 99);
    sqlite3_close(h);

    /* Somebody else's SQLite file. */
    h = open_raw(dir, "other.db");
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE stuff (x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    snprintf(p, sizeof p, "%s/other.db", dir);
    assert_int_equal(db_open(p, DB_CREATE, &db, &err), DPF_EDB);
    assert_non_null(strstr(err.msg, "not a dpf database"));

    /* Not there, and not asked to create. */
    snprintf(p, sizeof p, "%s/absent.db", dir);
    assert_int_equal(db_open(p, 0, &db, &err), DPF_EIO);
    assert_int_equal(access(p, F_OK), -1);
    tu_rmdir(dir);
}

/* The statement cache grows with the statements a connection prepares: it never refuses one
 * (it had 128 slots and failed when full), and a text prepared again is the same statement. */
static void statement_cache_grows(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "s.db");
    sqlite3_stmt *first[300];
    struct dpf_err err;
    char sql[300][32];
    (void)state;

    for (int i = 0; i < 300; i++) {
        snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
        first[i] = db_stmt(db, sql[i], &err);
        assert_non_null(first[i]);
    }
    for (int i = 0; i < 300; i++) {
        char again[32];
        snprintf(again, sizeof again, "SELECT %d", i);
        assert_ptr_equal(db_stmt(db, again, &err), first[i]);
        assert_int_equal(sqlite3_step(first[i]), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(first[i], 0), i);
    }
    db_close(db);
    tu_rmdir(dir);
}

static void first_schema_upgraded_by_db_open(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db;
    struct dpf_err err;
    char p[160];
    sqlite3 *h = open_raw(dir, "v1.db");
    (void)state;
    /* A database made by the first release (schema 1 only) with a person in it. */
    assert_int_equal(migrate_run(h, migrations, 1, &err), DPF_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA application_id = 1146111537; "
                                     "INSERT INTO person (cert_no, id_no, name, gender, birth_date,"
                                     " category, level, township) VALUES ('11010519491231002X41',"
                                     " '11010519491231002X', '张伟', 2, '1949-12-31', 4, 1, 'x')",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    snprintf(p, sizeof p, "%s/v1.db", dir);
    assert_int_equal(db_open(p, 0, &db, &err), DPF_OK);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 1);
    /* district name and code, certificate validity, the rescue age limit */
    assert_int_equal(tu_int(db, "SELECT count(*) FROM setting"), 4);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM programme"), 7);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM institution"), 0);
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_to_latest),
        cmocka_unit_test(old_database_upgraded_keeping_data),
        cmocka_unit_test(failed_migration_changes_nothing),
        cmocka_unit_test(newer_database_refused),
        cmocka_unit_test(db_open_on_real_files),
        cmocka_unit_test(first_schema_upgraded_by_db_open),
        cmocka_unit_test(statement_cache_grows),
    };
    return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
