/* SPDX-License-Identifier: MIT */
/* The entity registry: the modules' kinds in their order with their capabilities and
 * labels, and a kind a database defines (schema 009) taken through template, import (field
 * checks by type, rejects with line, column and reason, audit rows) and export, stored as
 * the record store binds by type; unsound definitions are left out. */
#include "testutil.h"
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/import.h"

/* A ledger's table, declared as its migration would, and its definition. */
static const char ledger_sql[] =
    "CREATE TABLE ledger (id INTEGER PRIMARY KEY, entry_on TEXT NOT NULL, amount INTEGER, "
    "account TEXT, note TEXT);"
    "INSERT INTO entity_def VALUES ('ledger', 'ledger entries', 'ledger', 3);"
    "INSERT INTO entity_field (entity, pos, key, header, label, type, maxlen, required, "
    "sensitive) VALUES "
    "('ledger', 1, 'entry_on', '日期', 'Date', 'date', 10, 1, 0),"
    "('ledger', 2, 'amount', '金额', 'Amount', 'money', 16, 1, 0),"
    "('ledger', 3, 'account', '银行账号', 'Account', 'digits', 32, 0, 1),"
    "('ledger', 4, 'note', '备注', 'Note', 'text', 5, 0, 0);";

static void exec(struct db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
}

static long count(struct db *db, const char *sql)
{
    sqlite3_stmt *st;
    long n = -1;
    assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void write_file(const char *name, const char *data)
{
    FILE *f = fopen(tu_at(tu_dir, name), "wb");
    assert_non_null(f);
    fputs(data, f);
    fclose(f);
}

static void modules_register_in_order(void **state)
{
    static const char *const names[] = { "persons", "updates", "enrolments", "payments", "rules",
                                         "institutions", "assessments", "agreements",
                                         "services", "rescues", "projects", "claims", "insured",
                                         "places",
                                         NULL };
    const struct entity *e;
    (void)state;
    for (int i = 0; names[i]; i++) {
        assert_non_null(e = entity_at(NULL, i));
        assert_string_equal(e->name, names[i]);
        assert_ptr_equal(entity_find(NULL, names[i]), e);
        assert_true(e->nfields > 0);
    }
    assert_null(entity_at(NULL, 14));
    /* the yearly update and the roster's changes are imported like every kind */
    assert_non_null(entity_find(NULL, "updates")->import);
    assert_non_null(entity_find(NULL, "insured")->import);
    assert_null(entity_find(NULL, "ledger"));
    assert_int_equal(entity_find(NULL, "persons")->cap, CAP_REGISTER);
    assert_int_equal(entity_find(NULL, "payments")->cap, CAP_REVIEW);
    assert_int_equal(entity_find(NULL, "institutions")->cap, CAP_MANAGE);
    assert_true(entity_find(NULL, "persons")->flags & EF_PERSONS);
    assert_null(entity_find(NULL, "rules")->export);
    assert_non_null(entity_find(NULL, "claims")->export);
    /* Audit keys read as the first kind that has them says. */
    assert_string_equal(entity_key_label(NULL, "cert_no"), _("Certificate number"));
    assert_string_equal(entity_key_label(NULL, "items"), _("Items claimed"));
    assert_string_equal(entity_key_label(NULL, "no_such_key"), "no_such_key");
    assert_ptr_equal(entity_field_of(NULL, "cert_no"), &entity_find(NULL, "persons")->fields[0]);
}

static struct db *ledger_db(const char *name)
{
    struct db *db = tu_db(tu_dir, name);
    struct dpf_err err;
    exec(db, ledger_sql);
    assert_int_equal(entity_db_load(db, &err), DPF_OK);
    return db;
}

static void defined_kind_template_import_export(void **state)
{
    struct db *db = ledger_db("l.db");
    const struct entity *e = entity_find(db, "ledger");
    struct import_opts o = { .encoding = TE_AUTO, .partial = 1 };
    struct import_result res;
    struct entity_export x = { 0 };
    struct dpf_err err;
    char out[256];
    long rows;
    char *s;
    (void)state;

    snprintf(out, sizeof out, "%s", tu_at(tu_dir, "out.csv"));
    x.path = out;

    assert_non_null(e);
    assert_int_equal(e->cap, CAP_MANAGE);
    assert_ptr_equal(entity_at(db, 14), e);
    assert_null(entity_find(NULL, "ledger"));      /* the database's, not every one's */
    assert_int_equal(import_template(db, "ledger", tu_at(tu_dir, "t.csv"), 0, &err), DPF_OK);
    assert_string_equal(tu_slurp(tu_at(tu_dir, "t.csv")),
                        "\xEF\xBB\xBF" "日期,金额,银行账号,备注\r\n");

    write_file("in.csv", "日期,金额,银行账号,备注\n"
                         "2026-05-01,12.50,6222021234567890,房租\n"
                         "2026-13-01,3,,\n"
                         "2026-05-02,,,\n"
                         "2026-05-03,1,12ab,太长了的备注\n");
    assert_int_equal(import_file(db, "ledger", tu_at(tu_dir, "in.csv"), &o, &res, &err), DPF_OK);
    assert_int_equal(res.rows, 4);
    assert_int_equal(res.added, 1);
    assert_int_equal(res.rejected, 3);
    assert_true(res.committed);
    assert_int_equal(count(db, "SELECT count(*) FROM ledger WHERE amount = 1250"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE entity = 'ledger' AND "
                               "action = 'insert' AND entity_id = (SELECT id FROM ledger)"), 1);
    s = tu_slurp(res.rejects);
    assert_non_null(strstr(s, "\n3,日期,"));
    assert_non_null(strstr(s, "\n4,金额,"));
    assert_non_null(strstr(s, "\n5,银行账号,"));
    assert_non_null(strstr(s, "\n5,备注,"));

    if (entity_export(db, e, &x, &rows, &err) != DPF_OK)
        fail_msg("export: %s", err.msg);
    assert_int_equal(rows, 1);
    s = tu_slurp(x.path);
    assert_non_null(strstr(s, "日期,金额,银行账号,备注\r\n2026-05-01,12.50,"));
    assert_null(strstr(s, "6222021234567890"));     /* sensitive: masked */
    assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action = 'export'"), 1);
    db_close(db);
}

/* A table whose columns have no type (typeof() shows how each value was bound), no id
 * column (rows are keyed by rowid), a keyword for a column, and a check of its own. */
static const char tally_sql[] =
    "CREATE TABLE tally (\"order\", paid, done, note, CHECK (\"order\" < 100));"
    "INSERT INTO entity_def VALUES ('tally', 'tallies', 'tally', 1);"
    "INSERT INTO entity_field (entity, pos, key, header, label, type, maxlen, required) VALUES "
    "('tally', 1, 'order', '序号', 'Order', 'int', 5, 1),"
    "('tally', 2, 'paid', '金额', 'Paid', 'money', 16, 0),"
    "('tally', 3, 'done', '完成', 'Done', 'flag', 1, 0),"
    "('tally', 4, 'note', '备注', 'Note', 'text', 30, 0);";

static void defined_kind_binds_by_type(void **state)
{
    struct db *db = ledger_db("t.db");
    struct import_opts o = { .encoding = TE_AUTO, .partial = 1 };
    struct import_result res;
    struct entity_export x = { 0 };
    struct dpf_err err;
    char out[256];
    long rows;
    (void)state;

    exec(db, tally_sql);
    assert_int_equal(entity_db_load(db, &err), DPF_OK);
    write_file("tally.csv", "序号,金额,完成,备注\n"
                            "3,12.50,是,a\n"
                            "4,,,\n"
                            "500,1,否,refused by the table's check\n");
    assert_int_equal(import_file(db, "tally", tu_at(tu_dir, "tally.csv"), &o, &res, &err),
                     DPF_OK);
    assert_int_equal(res.added, 2);
    assert_int_equal(res.rejected, 1);
    assert_non_null(strstr(tu_slurp(res.rejects), "CHECK constraint failed"));
    /* Integers, not text; an empty flag and an empty amount 0, an empty text NULL. */
    assert_int_equal(count(db, "SELECT count(*) FROM tally WHERE typeof(\"order\") = 'integer' "
                               "AND typeof(paid) = 'integer' AND typeof(done) = 'integer'"), 2);
    assert_int_equal(count(db, "SELECT count(*) FROM tally WHERE \"order\" = 3 AND paid = 1250 "
                               "AND done = 1 AND note = 'a'"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM tally WHERE \"order\" = 4 AND paid = 0 "
                               "AND done = 0 AND note IS NULL"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE entity = 'tally' AND "
                               "action = 'insert' AND entity_id IN (SELECT rowid FROM tally)"),
                     2);

    /* Read again (a definition added): a new store, the same statement texts. */
    assert_int_equal(entity_db_load(db, &err), DPF_OK);
    write_file("tally2.csv", "序号,金额,完成,备注\n5,2,1,b\n");
    assert_int_equal(import_file(db, "tally", tu_at(tu_dir, "tally2.csv"), &o, &res, &err),
                     DPF_OK);
    assert_int_equal(res.added, 1);
    assert_int_equal(count(db, "SELECT count(*) FROM tally WHERE typeof(\"order\") = 'integer' "
                               "AND \"order\" = 5 AND paid = 200 AND done = 1"), 1);

    snprintf(out, sizeof out, "%s", tu_at(tu_dir, "tally.out.csv"));
    x.path = out;
    if (entity_export(db, entity_find(db, "tally"), &x, &rows, &err) != DPF_OK)
        fail_msg("export: %s", err.msg);
    assert_int_equal(rows, 3);
    assert_string_equal(tu_slurp(x.path), "\xEF\xBB\xBF" "序号,金额,完成,备注\r\n"
                                          "3,12.50,是,a\r\n4,0.00,否,\r\n5,2.00,是,b\r\n");
    db_close(db);
}

static void unsound_definitions_are_left_out(void **state)
{
    struct db *db = ledger_db("u.db");
    struct dpf_err err;
    (void)state;
    exec(db, "INSERT INTO entity_def VALUES ('people', 'x', 'person', 1);"
             "INSERT INTO entity_field VALUES ('people', 1, 'name', '姓名', 'Name', 'text', 30, 1, 0);"
             "INSERT INTO entity_def VALUES ('ghost', 'x', 'ghost', 1);"
             "INSERT INTO entity_field VALUES ('ghost', 1, 'a', 'A', 'A', 'text', 30, 0, 0);"
             "INSERT INTO entity_def VALUES ('nocol', 'x', 'ledger', 1);"
             "INSERT INTO entity_field VALUES ('nocol', 1, 'missing', 'M', 'M', 'text', 30, 0, 0);"
             "INSERT INTO entity_def VALUES ('bad name', 'x', 'ledger', 1);"
             "INSERT INTO entity_field VALUES ('bad name', 1, 'note', 'N', 'N', 'text', 30, 0, 0);"
             "INSERT INTO entity_def VALUES ('claims', 'x', 'ledger', 1);"
             "INSERT INTO entity_field VALUES ('claims', 1, 'note', 'N', 'N', 'text', 30, 0, 0);"
             "INSERT INTO entity_def VALUES ('cfg', 'x', 'setting', 1);"
             "INSERT INTO entity_field VALUES ('cfg', 1, 'key', 'K', 'K', 'text', 30, 0, 0);"
             "INSERT INTO entity_def VALUES ('cover2', 'x', 'insured', 1);"
             "INSERT INTO entity_field VALUES ('cover2', 1, 'reason', 'R', 'R', 'text', 30, 0, 0);"
             "INSERT INTO entity_def VALUES ('inject', 'x', 'ledger', 1);"
             "INSERT INTO entity_field VALUES ('inject', 1, 'note\"); DROP TABLE person; --', "
             "'N', 'N', 'text', 30, 0, 0);");
    assert_int_equal(entity_db_load(db, &err), DPF_OK);
    assert_null(entity_find(db, "people"));     /* a module's table */
    assert_null(entity_find(db, "ghost"));      /* no such table */
    assert_null(entity_find(db, "nocol"));      /* no such column */
    assert_null(entity_find(db, "cfg"));        /* dpf's settings */
    assert_null(entity_find(db, "cover2"));     /* a policy's roster: a module's sub-rows */
    assert_null(entity_find(db, "bad name"));
    assert_null(entity_find(db, "inject"));
    assert_ptr_equal(entity_find(db, "claims"), entity_find(NULL, "claims"));
    assert_non_null(entity_find(db, "ledger"));
    assert_null(entity_at(db, 15));
    db_close(db);
}

static void defined_kind_loads_at_open(void **state)
{
    struct db *db = ledger_db("o.db");
    struct dpf_err err;
    (void)state;
    db_close(db);
    assert_int_equal(db_open(tu_at(tu_dir, "o.db"), 0, &db, &err), DPF_OK);
    assert_non_null(entity_find(db, "ledger"));
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(modules_register_in_order),
        cmocka_unit_test(defined_kind_template_import_export),
        cmocka_unit_test(defined_kind_binds_by_type),
        cmocka_unit_test(unsound_definitions_are_left_out),
        cmocka_unit_test(defined_kind_loads_at_open),
    };
    return cmocka_run_group_tests_name("entity", tests, tu_dir_setup, tu_dir_teardown);
}
