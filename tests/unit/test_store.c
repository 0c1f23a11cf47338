/* SPDX-License-Identifier: MIT */
/* The record store (src/core/base/store.c): the SQL it builds from a field table, a round
 * trip of every field type, how each type is bound (read with typeof() from a table whose
 * columns have no type, so a value is stored exactly as it was bound), empty flags and
 * amounts, not found, updates of some fields, bulk runs, a store made at run time (opened,
 * closed, made again); and the one-row step helpers. */
#include "testutil.h"
#include "base/store.h"

enum { T_NAME, T_BORN, T_FLAG, T_KIND, T_AMOUNT, T_COUNT, T_MONTH, T_CODES, T_PHONE, T_OWNER,
       T_N };
static const char *const kinds[] = { "one", "two", NULL };
static const struct field fields[T_N] = {
    [T_NAME]   = { .key = "name", .type = FT_TEXT },
    [T_BORN]   = { .key = "born", .type = FT_DATE },
    [T_FLAG]   = { .key = "flag", .type = FT_FLAG },
    [T_KIND]   = { .key = "kind", .type = FT_CHOICE, .choices = kinds },
    [T_AMOUNT] = { .key = "amount", .type = FT_MONEY },
    [T_COUNT]  = { .key = "count", .type = FT_INT },
    [T_MONTH]  = { .key = "month", .type = FT_MONTH },
    [T_CODES]  = { .key = "codes", .type = FT_CODES, .choices = kinds },
    [T_PHONE]  = { .key = "phone", .type = FT_PHONE },
    [T_OWNER]  = { .key = "owner", .type = FT_TEXT },   /* read through the join */
};
static const char *const cols[T_N] = {
    "name", "born", "flag", "kind", "amount", "count", "month", "codes", "phone", NULL,
};
static const char *const reads[T_N] = { [T_OWNER] = "o.name" };
static const struct field refs[1] = { { .key = "owner_id", .type = FT_INT } };
static const char *const finds[] = { " WHERE t.owner_id = ?1 ORDER BY t.id", NULL };

static struct store thing = {
    .table = "thing", .fields = fields, .n = T_N, .col = cols, .read = reads,
    .join = " LEFT JOIN owner o ON o.id = t.owner_id", .refs = refs, .nrefs = 1,
    .finds = finds, .run = 2, .once = PTHREAD_ONCE_INIT,
};

/* Columns without a type: typeof() shows how each value was bound. */
static struct db *open_things(void)
{
    struct db *db = tu_db(tu_tmpdir(), "store.db");
    struct dpf_err err;
    assert_int_equal(db_exec(db, "DROP TABLE IF EXISTS thing; DROP TABLE IF EXISTS owner; "
                                 "CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT); "
                                 "INSERT INTO owner VALUES (7, 'Ann'); "
                                 "CREATE TABLE thing (id INTEGER PRIMARY KEY, name, born, flag, "
                                 "kind, amount, count, month, codes, phone, owner_id)", &err),
                     DPF_OK);
    return db;
}

static char *text_of(struct db *db, const char *sql)
{
    static char out[256];
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

static void sql_from_the_field_table(void **state)
{
    struct db *db = open_things();
    struct dpf_err err;
    sqlite3_stmt *st;
    (void)state;
    assert_string_equal(store_columns(&thing),
                        "name, born, flag, kind, amount, count, month, codes, phone");
    st = store_find(db, &thing, 0, &err);
    assert_non_null(st);
    assert_string_equal(sqlite3_sql(st),
                        "SELECT t.id, t.name, t.born, t.flag, t.kind, t.amount, t.count, "
                        "t.month, t.codes, t.phone, o.name, t.owner_id FROM thing t "
                        "LEFT JOIN owner o ON o.id = t.owner_id WHERE t.owner_id = ?1 "
                        "ORDER BY t.id");
    db_close(db);
}

static void every_type_round_trips(void **state)
{
    struct db *db = open_things();
    struct dpf_err err;
    char *v[T_N] = { "Li Na", "2001-02-03", "1", "2", "-3333", "120000", "2026-05", "12",
                     "0564-3312345", NULL };
    char *ref[1] = { "7" }, *got[T_N] = { NULL }, *gref[1] = { NULL };
    int64_t id = 0;
    (void)state;
    assert_int_equal(store_insert(db, &thing, 0, v, ref, &id, &err), DPF_OK);
    assert_true(id > 0);
    assert_string_equal(text_of(db, "SELECT typeof(name) || typeof(born) || typeof(flag) || "
                                    "typeof(kind) || typeof(amount) || typeof(count) || "
                                    "typeof(month) || typeof(codes) || typeof(phone) || "
                                    "typeof(owner_id) FROM thing"),
                        "texttextintegerintegerintegerintegertexttexttextinteger");
    /* "12" is a set of codes (text), "0564..." a phone: neither may become a number. */
    assert_string_equal(text_of(db, "SELECT codes || '|' || phone FROM thing"), "12|0564-3312345");
    assert_int_equal(store_load(db, &thing, id, got, gref, &err), DPF_OK);
    for (int i = 0; i < T_OWNER; i++)
        assert_string_equal(got[i], v[i]);
    assert_string_equal(got[T_OWNER], "Ann");
    assert_string_equal(gref[0], "7");
    record_free(got, T_N);
    record_free(gref, 1);
    assert_null(got[0]);
    db_close(db);
}

static void empty_values(void **state)
{
    struct db *db = open_things();
    struct dpf_err err;
    char *v[T_N] = { NULL }, *got[T_N] = { NULL };
    int64_t id = 0;
    (void)state;
    assert_int_equal(store_insert(db, &thing, 0, v, NULL, &id, &err), DPF_OK);
    /* An empty flag is no and an empty amount nothing (integers 0); the rest NULL. */
    assert_string_equal(text_of(db, "SELECT typeof(flag) || flag || typeof(amount) || amount "
                                    "|| typeof(kind) || typeof(count) || typeof(name) || "
                                    "typeof(owner_id) FROM thing"),
                        "integer0integer0nullnullnullnull");
    assert_int_equal(store_load(db, &thing, id, got, NULL, &err), DPF_OK);
    assert_string_equal(got[T_FLAG], "0");
    assert_string_equal(got[T_AMOUNT], "0");
    assert_null(got[T_KIND]);
    assert_null(got[T_NAME]);
    record_free(got, T_N);
    db_close(db);
}

static void not_found(void **state)
{
    struct db *db = open_things();
    struct dpf_err err = { 0 };
    char *v[T_N] = { NULL };
    (void)state;
    assert_int_equal(store_load(db, &thing, 42, v, NULL, &err), DPF_ENOTFOUND);
    assert_int_equal(err.code, DPF_OK);     /* the caller names what was not found */
    assert_int_equal(store_update(db, &thing, 42, v, NULL, &err), DPF_ENOTFOUND);
    assert_int_equal(store_delete(db, &thing, 42, &err), DPF_ENOTFOUND);
    db_close(db);
}

static void update_all_or_some(void **state)
{
    struct db *db = open_things();
    struct dpf_err err;
    char *v[T_N] = { "Li Na", "2001-02-03", "1", "2", "500", "3", NULL, NULL, NULL, NULL };
    char *w[T_N] = { "Wang", "1999-09-09", "0", "1", "700", "4", NULL, NULL, NULL, NULL };
    char *ref[1] = { "7" }, *got[T_N] = { NULL };
    int64_t id = 0;
    (void)state;
    assert_int_equal(store_insert(db, &thing, 0, v, ref, &id, &err), DPF_OK);
    /* Only the name and the amount. */
    assert_int_equal(store_update_only(db, &thing, id, 1u << T_NAME | 1u << T_AMOUNT, w, NULL,
                                       &err), DPF_OK);
    assert_int_equal(store_load(db, &thing, id, got, NULL, &err), DPF_OK);
    assert_string_equal(got[T_NAME], "Wang");
    assert_string_equal(got[T_AMOUNT], "700");
    assert_string_equal(got[T_BORN], "2001-02-03");
    assert_string_equal(got[T_FLAG], "1");
    assert_string_equal(got[T_OWNER], "Ann");
    assert_string_equal(text_of(db, "SELECT typeof(amount) FROM thing"), "integer");
    record_free(got, T_N);
    /* Everything, the reference too (none: NULL). */
    assert_int_equal(store_update(db, &thing, id, w, NULL, &err), DPF_OK);
    assert_int_equal(store_load(db, &thing, id, got, NULL, &err), DPF_OK);
    for (int i = 0; i < T_MONTH; i++)
        assert_string_equal(got[i], w[i]);
    assert_null(got[T_OWNER]);
    record_free(got, T_N);
    assert_int_equal(store_delete(db, &thing, id, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM thing"), 0);
    db_close(db);
}

/* A store described at run time, as a kind a database defines is: its texts built by
 * store_open and freed by store_close, its rows keyed by rowid. Made again with the same
 * description it finds its statements in the cache, which keeps its own copy of each text. */
static void made_at_run_time(void **state)
{
    static const char *const by_rowid[] = { " ORDER BY t.rowid", NULL };
    struct db *db = tu_db(tu_tmpdir(), "store_rt.db");
    struct dpf_err err;
    char *v[3] = { "5", NULL, "x" }, *got[3];
    sqlite3_stmt *st;
    int64_t id = 0;
    (void)state;
    assert_int_equal(db_exec(db, "DROP TABLE IF EXISTS tally; CREATE TABLE tally (n, done, note)",
                             &err), DPF_OK);
    for (int round = 0; round < 2; round++) {
        struct field *f = calloc(3, sizeof *f);
        struct store *s = calloc(1, sizeof *s);
        assert_non_null(f);
        assert_non_null(s);
        f[0] = (struct field){ .key = "n", .type = FT_INT };
        f[1] = (struct field){ .key = "done", .type = FT_FLAG };
        f[2] = (struct field){ .key = "note", .type = FT_TEXT };
        *s = (struct store){ .table = "tally", .key = "rowid", .fields = f, .n = 3,
                             .finds = by_rowid };
        assert_int_equal(store_open(s, &err), DPF_OK);
        assert_string_equal(store_columns(s), "n, done, note");
        assert_int_equal(store_insert(db, s, 0, v, NULL, &id, &err), DPF_OK);
        assert_int_equal(id, round + 1);
        assert_non_null(st = store_find(db, s, 0, &err));
        assert_string_equal(sqlite3_sql(st), "SELECT t.rowid, t.n, t.done, t.note FROM tally t "
                                             "ORDER BY t.rowid");
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(store_row(st, s, &id, got, NULL), DPF_OK);
        sqlite3_reset(st);
        assert_int_equal(id, 1);
        assert_string_equal(got[0], "5");
        assert_string_equal(got[1], "0");
        assert_string_equal(got[2], "x");
        record_free(got, 3);
        assert_int_equal(store_load(db, s, round + 1, got, NULL, &err), DPF_OK);
        record_free(got, 3);
        store_close(s);
        assert_null(s->sql);
        free(s);
        free(f);
    }
    assert_string_equal(text_of(db, "SELECT group_concat(typeof(n) || typeof(done) || done, ',') "
                                    "FROM tally"), "integerinteger0,integerinteger0");
    db_close(db);
}

static int count_row(sqlite3_stmt *st, void *ctx)
{
    (void)st;
    ++*(int *)ctx;
    return DPF_OK;
}

static void runs_and_the_step_helpers(void **state)
{
    struct db *db = open_things();
    struct dpf_err err;
    char *a[T_N] = { "A", NULL, "1" }, *b[T_N] = { "B", NULL, NULL, NULL, "9" };
    char *const *rows[2] = { a, b };
    char *ref[1] = { "7" };
    char *const *rrefs[2] = { ref, ref };
    sqlite3_stmt *st;
    int64_t n = -1;
    int seen = 0;
    (void)state;
    assert_int_equal(store_insert_run(db, &thing, 100, rows, rrefs, &err), DPF_OK);
    assert_string_equal(text_of(db, "SELECT group_concat(id || name || flag || amount, ',') "
                                    "FROM thing"), "100A10,101B09");
    st = db_stmt(db, "SELECT count(*) FROM thing WHERE owner_id = ?1", &err);
    sqlite3_bind_int(st, 1, 7);
    assert_int_equal(db_step_int64(db, st, &n, &err), DPF_OK);
    assert_int_equal(n, 2);
    st = db_stmt(db, "SELECT id FROM thing WHERE id = 5", &err);
    assert_int_equal(db_step_int64(db, st, &n, &err), DPF_ENOTFOUND);
    assert_int_equal(n, 0);
    st = db_stmt(db, "SELECT id FROM thing ORDER BY id", &err);
    assert_int_equal(db_step_one(db, st, count_row, &seen, &err), DPF_OK);
    assert_int_equal(seen, 1);
    /* Reset: the statement holds no read open, so another connection can write. */
    assert_int_equal(sqlite3_stmt_busy(st), 0);
    st = db_stmt(db, "INSERT INTO thing (id, name) VALUES (100, 'dup')", &err);
    assert_int_equal(db_step_done(db, st, &err), DPF_EDB);
    assert_int_equal(sqlite3_errcode(db->h), SQLITE_CONSTRAINT);
    db_close(db);
}

/* db_step_text: the column's text, "" for NULL, and the caller's default kept without a
 * row (a daily backup keeps today as the oldest day kept when the date cannot be read). */
static void step_text(void **state)
{
    struct db *db = open_things();
    struct dpf_err err;
    char out[8];
    sqlite3_stmt *st;
    (void)state;
    st = db_stmt(db, "SELECT 'abcdefghij'", &err);
    assert_int_equal(db_step_text(db, st, out, sizeof out, &err), DPF_OK);
    assert_string_equal(out, "abcdefg");            /* cut to the buffer */
    st = db_stmt(db, "SELECT NULL", &err);
    assert_int_equal(db_step_text(db, st, out, sizeof out, &err), DPF_OK);
    assert_string_equal(out, "");
    snprintf(out, sizeof out, "keep");
    st = db_stmt(db, "SELECT name FROM thing WHERE id = -1", &err);
    assert_int_equal(db_step_text(db, st, out, sizeof out, &err), DPF_ENOTFOUND);
    assert_string_equal(out, "keep");
    assert_int_equal(sqlite3_stmt_busy(st), 0);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sql_from_the_field_table),
        cmocka_unit_test(every_type_round_trips),
        cmocka_unit_test(empty_values),
        cmocka_unit_test(not_found),
        cmocka_unit_test(update_all_or_some),
        cmocka_unit_test(made_at_run_time),
        cmocka_unit_test(runs_and_the_step_helpers),
        cmocka_unit_test(step_text),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
