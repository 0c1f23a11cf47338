/* SPDX-License-Identifier: MIT */
/* The clock of a test build: every transaction reads it (db_begin), DPF_NOW starts it and a
 * new DPF_NOW starts it again, and it runs on with elapsed time, across midnight. */
#include <time.h>
#include "testutil.h"

/* Seconds on the monotonic clock, which the test clock runs by. */
static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A stamp "YYYY-MM-DD HH:MM:SS" as seconds, by the calendar (as the test clock counts). */
static long long stamp_seconds(const char *stamp)
{
    struct tm tm = { 0 };
    const char *end = strptime(stamp, "%Y-%m-%d %H:%M:%S", &tm);
    assert_non_null(end);
    assert_int_equal(*end, '\0');
    return (long long)timegm(&tm);
}

/* The time of the person's audit row with this action. */
static void audit_at(struct db *db, int64_t id, const char *action, char out[20])
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT at FROM audit WHERE entity_id = ? "
                                        "AND action = ?", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, 20, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* A person inserted in a transaction of its own, as the front ends do. */
static int64_t add_person(struct db *db)
{
    struct person p;
    struct dpf_err err;
    char id[19];
    int64_t rowid;
    tu_id(id, "341503", "19520301", 11);
    tu_person(&p, id, 4, 2, "周玉兰", "新安镇");
    assert_int_equal(person_validate(&p, db->today, &err), DPF_OK);
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, person_insert(db, &p, &err), &err), DPF_OK);
    rowid = p.id;
    person_clear(&p);
    return rowid;
}

/* The death, dated day, recorded in a transaction of its own. */
static int record_death(struct db *db, int64_t id, const char *day)
{
    struct dpf_err err;
    assert_int_equal(db_begin(db, &err), DPF_OK);
    return db_end(db, person_set_status(db, id, PS_DECEASED, day, "病故", &err), &err);
}

/* Two transactions on one connection, the clock moved between them: each audit row has the
 * time of its own transaction, and the second one's today is the new day. */
static void each_transaction_reads_the_clock(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "c.db");
    char at[20];
    int64_t id = add_person(db);
    (void)state;
    setenv("DPF_NOW", "2026-07-01 08:30:00", 1);
    assert_int_equal(record_death(db, id, "2026-07-01"), DPF_OK);
    audit_at(db, id, "insert", at);
    assert_string_equal(at, TU_NOW);
    audit_at(db, id, "status", at);
    assert_string_equal(at, "2026-07-01 08:30:00");
    assert_string_equal(db->today, "2026-07-01");
    db_close(db);
    tu_rmdir(dir);
    setenv("DPF_NOW", TU_NOW, 1);
}

/* Started a second before midnight, the clock runs on: after a little over a second a
 * transaction is on the next day, by exactly the whole seconds elapsed since the start. */
static void clock_runs_on_across_midnight(void **state)
{
    const char *dir = tu_tmpdir();
    const char *start = "2026-06-30 23:59:59";
    const struct timespec pause = { 1, 100000000 };
    struct db *db;
    struct dpf_err err;
    char path[256], at[20];
    double t0, t1;
    long long ran;
    int64_t id;
    (void)state;
    snprintf(path, sizeof path, "%s/c.db", dir);
    setenv("DPF_NOW", start, 1);
    t0 = mono();
    assert_int_equal(db_open(path, DB_CREATE, &db, &err), DPF_OK);
    id = add_person(db);
    nanosleep(&pause, NULL);
    assert_int_equal(record_death(db, id, "2026-07-01"), DPF_OK);
    t1 = mono();
    audit_at(db, id, "status", at);
    /* Anchored after t0 and read after the pause, before t1. */
    ran = stamp_seconds(at) - stamp_seconds(start);
    assert_in_range(ran, 1, (long long)(t1 - t0));
    assert_memory_equal(at, "2026-07-01 ", 11);
    assert_string_equal(db->today, "2026-07-01");
    db_close(db);
    tu_rmdir(dir);
    setenv("DPF_NOW", TU_NOW, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_transaction_reads_the_clock),
        cmocka_unit_test(clock_runs_on_across_midnight),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
