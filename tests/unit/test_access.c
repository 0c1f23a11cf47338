/* SPDX-License-Identifier: MIT */
/* Roles, the append-only audit log, backups and restores. The test acts as different users
 * by setting db->user, as the database sees the OS login name there. */
#include "testutil.h"
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/backup.h"

static const char *dir;

static int setup(void **state)
{
    dir = tu_tmpdir();
    *state = tu_db(dir, "a.db");
    return 0;
}

static int teardown(void **state)
{
    db_close(*state);
    tu_rmdir(dir);
    return 0;
}

static void as(struct db *db, const char *login)
{
    snprintf(db->user, sizeof db->user, "%s", login);
}

static int set(struct db *db, const char *login, int role)
{
    struct dpf_err err;
    int rc = db_begin(db, &err);
    return db_end(db, rc == DPF_OK ? user_set(db, login, role, &err) : rc, &err);
}

/* The creator of a new file is its admin (init and demo say so); nobody becomes admin by
 * opening a file that has no users. */
static void test_creator_is_admin(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    int role;

    as(db, "wang");
    assert_int_equal(access_role(db, &role, &err), DPF_OK);
    assert_int_equal(role, 0);
    assert_int_equal(access_check(db, CAP_READ, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "--first-admin"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM app_user"), 0);
    assert_int_equal(access_creator_admin(db, &err), DPF_OK);
    assert_int_equal(access_role(db, &role, &err), DPF_OK);
    assert_int_equal(role, ROLE_ADMIN);
    as(db, "li");                       /* the second login is no one until added */
    assert_int_equal(access_creator_admin(db, &err), DPF_OK);
    assert_int_equal(access_role(db, &role, &err), DPF_OK);
    assert_int_equal(role, 0);
    assert_int_equal(access_check(db, CAP_READ, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "li"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'user_first_admin'"), 1);
}

static void test_each_role(void **state)
{
    static const int allowed[5][5] = {
        /* READ REGISTER REVIEW MANAGE ADMIN, for: none, clerk, reviewer, manager, admin */
        { 0, 0, 0, 0, 0 }, { 1, 1, 0, 0, 0 }, { 1, 0, 1, 0, 0 }, { 1, 0, 0, 1, 0 },
        { 1, 1, 1, 1, 1 },
    };
    struct db *db = *state;
    struct dpf_err err;
    int role;

    as(db, "admin");
    assert_int_equal(access_creator_admin(db, &err), DPF_OK);
    assert_int_equal(access_role(db, &role, &err), DPF_OK);
    assert_int_equal(role, ROLE_ADMIN);
    assert_int_equal(set(db, "clerk", ROLE_CLERK), DPF_OK);
    assert_int_equal(set(db, "reviewer", ROLE_REVIEWER), DPF_OK);
    assert_int_equal(set(db, "manager", ROLE_MANAGER), DPF_OK);
    {
        const char *who[] = { "stranger", "clerk", "reviewer", "manager", "admin" };
        for (int r = 0; r < 5; r++)
            for (int cap = CAP_READ; cap <= CAP_ADMIN; cap++) {
                as(db, who[r]);
                if (access_check(db, cap, &err) != (allowed[r][cap] ? DPF_OK : DPF_EINVAL))
                    fail_msg("%s, capability %d: %s", who[r], cap, err.msg);
                if (!allowed[r][cap] && r > 0)     /* the role named in the UI language */
                    assert_non_null(strstr(err.msg, role_label(r)));
            }
    }
    assert_int_equal(role_parse("审核员"), ROLE_REVIEWER);
    assert_int_equal(role_parse("審核員"), ROLE_REVIEWER);     /* Traditional */
    assert_int_equal(role_parse("manager"), ROLE_MANAGER);
    assert_int_equal(role_parse(role_label(ROLE_ADMIN)), ROLE_ADMIN);
    assert_int_equal(role_parse("boss"), -1);
    assert_int_equal(role_parse(NULL), -1);
}

static void test_last_admin_kept(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    int role;

    as(db, "admin");
    assert_int_equal(access_creator_admin(db, &err), DPF_OK);
    assert_int_equal(access_role(db, &role, &err), DPF_OK);
    assert_int_equal(role, ROLE_ADMIN);
    assert_int_equal(set(db, "admin", ROLE_CLERK), DPF_EINVAL);
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(user_remove(db, "admin", &err), DPF_EINVAL);
    db_rollback(db);
    assert_int_equal(set(db, "second", ROLE_ADMIN), DPF_OK);
    assert_int_equal(set(db, "admin", ROLE_CLERK), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT role FROM app_user WHERE login = 'admin'"), ROLE_CLERK);
    assert_int_equal(set(db, "bad login", ROLE_CLERK), DPF_EINVAL);
}

static void test_audit_append_only(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    long long n;

    assert_int_equal(audit_record(db, "person", 1, "update", "{}", "{}", &err), DPF_OK);
    n = tu_int(db, "SELECT count(*) FROM audit");
    assert_int_equal(db_exec(db, "DELETE FROM audit", &err), DPF_EDB);
    assert_non_null(strstr(err.msg, "append-only"));
    assert_int_equal(db_exec(db, "UPDATE audit SET user = 'x'", &err), DPF_EDB);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit"), n);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE user = 'x'"), 0);
}

static void test_backup_and_restore(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    char path[256], junk[256], later[256];
    FILE *f;
    int made;

    snprintf(path, sizeof path, "%s/b.db", dir);
    assert_int_equal(db_exec(db, "INSERT INTO setting VALUES ('mark', 'before')", &err), DPF_OK);
    assert_int_equal(backup_write(db, path, &err), DPF_OK);
    assert_int_equal(backup_write(db, path, &err), DPF_EEXIST);   /* never over a file */
    assert_int_equal(db_exec(db, "UPDATE setting SET value = 'after' WHERE key = 'mark'", &err),
                     DPF_OK);
    snprintf(junk, sizeof junk, "%s/junk.db", dir);
    assert_non_null(f = fopen(junk, "w"));
    fputs("id,name\n1,x\n", f);
    fclose(f);
    assert_int_equal(backup_restore(db, junk, &err), DPF_EIO);
    assert_int_equal(tu_int(db, "SELECT value = 'after' FROM setting WHERE key = 'mark'"), 1);
    assert_int_equal(backup_restore(db, path, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT value = 'before' FROM setting WHERE key = 'mark'"), 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'restore'"), 1);
    /* the daily backup: one a day, older ones removed */
    snprintf(later, sizeof later, "%s/dpf-2026-06-01.db", dir);
    assert_non_null(f = fopen(later, "w"));
    fclose(f);
    assert_int_equal(backup_daily(db, dir, 7, &made, &err), DPF_OK);
    assert_int_equal(made, 1);
    assert_int_equal(backup_daily(db, dir, 7, &made, &err), DPF_OK);
    assert_int_equal(made, 0);
    assert_int_equal(access(later, F_OK), -1);
}

/* Two clerks open one record; the second to save is refused and told the first's change. */
static void test_no_lost_update(void **state)
{
    struct db *a = *state, *b = NULL;
    struct person pa, pb;
    struct dpf_err err;
    char path[256], id[19];
    int64_t version, id_a;
    int changed;

    tu_id(id, "341503", "19800101", 11);
    tu_person(&pa, id, 4, 2, "张一", "新安镇");
    assert_int_equal(person_validate(&pa, TU_TODAY, &err), DPF_OK);
    assert_int_equal(db_begin(a, &err), DPF_OK);
    assert_int_equal(db_end(a, person_insert(a, &pa, &err), &err), DPF_OK);
    id_a = pa.id;
    snprintf(path, sizeof path, "%s/a.db", dir);
    assert_int_equal(db_open(path, 0, &b, &err), DPF_OK);
    as(b, "li");
    /* both open the record */
    assert_int_equal(person_version(a, id_a, &version, &err), DPF_OK);
    person_init(&pb);
    assert_int_equal(person_load(b, id_a, &pb, &err), DPF_OK);
    {
        int64_t vb;
        assert_int_equal(person_version(b, id_a, &vb, &err), DPF_OK);
        person_set(&pb, PF_PHONE, "13800000001");
        assert_int_equal(db_begin(b, &err), DPF_OK);
        assert_int_equal(db_end(b, person_update_from(b, &pb, vb, &changed, &err), &err), DPF_OK);
    }
    person_set(&pa, PF_VILLAGE, "永兴村");
    assert_int_equal(db_begin(a, &err), DPF_OK);
    assert_int_equal(db_end(a, person_update_from(a, &pa, version, &changed, &err), &err),
                     DPF_ECONFLICT);
    assert_non_null(strstr(err.msg, "li"));
    assert_non_null(strstr(err.msg, "13800000001"));
    assert_int_equal(tu_int(a, "SELECT village IS NULL AND phone = '13800000001' FROM person"), 1);
    /* opened again, the save goes through */
    assert_int_equal(person_version(a, id_a, &version, &err), DPF_OK);
    assert_int_equal(db_begin(a, &err), DPF_OK);
    assert_int_equal(db_end(a, person_update_from(a, &pa, version, &changed, &err), &err), DPF_OK);
    person_clear(&pa);
    person_clear(&pb);
    db_close(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_creator_is_admin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_each_role, setup, teardown),
        cmocka_unit_test_setup_teardown(test_last_admin_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_append_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backup_and_restore, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_lost_update, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
