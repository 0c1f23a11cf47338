/* SPDX-License-Identifier: MIT */
/* Backups that never lie and restores that lose no history (issue 15): a backup is named
 * only once whole, 0600 whatever the umask, and leftovers of killed ones never count; a
 * restored older file is migrated and makes no admin; the audit rows a restore would erase
 * are kept, marked, beside a restore row naming the file's SHA-256; person ids are never
 * given twice; the schema objects are checked against the migrations. */
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include "testutil.h"
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/backup.h"
#include "dpf/check.h"
#include "dpf/import.h"
#include "dpf/migrate.h"
#include "base/backup_internal.h"
#include "base/sha256.h"

static const char *dir;

static int setup(void **state)
{
    dir = tu_tmpdir();
    *state = tu_db(dir, "a.db");
    snprintf(((struct db *)*state)->user, sizeof ((struct db *)*state)->user, "admin");
    return 0;
}

static int teardown(void **state)
{
    db_close(*state);
    tu_rmdir(dir);
    return 0;
}

static const char *at(const char *name)
{
    return tu_at(dir, name);
}

static int64_t add_person(struct db *db, int seq)
{
    struct person p;
    struct dpf_err err;
    char id[19];
    int64_t got;

    tu_id(id, "341503", "19800101", seq);
    tu_person(&p, id, 4, 2, "张一", "新安镇");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_int_equal(db_begin(db, &err), DPF_OK);
    if (db_end(db, person_insert(db, &p, &err), &err) != DPF_OK)
        fail_msg("insert: %s", err.msg);
    got = p.id;
    person_clear(&p);
    return got;
}

static void test_backup_private_and_named_when_whole(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    struct stat st;
    char old_left[300], young_left[300], part[320];
    struct utimbuf two_days_ago = { time(NULL) - 2 * 86400, time(NULL) - 2 * 86400 };
    mode_t saved = umask(0);
    int made;
    FILE *f;

    assert_int_equal(backup_write(db, at("b.db"), &err), DPF_OK);
    umask(saved);
    assert_int_equal(stat(at("b.db"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(backup_write(db, at("b.db"), &err), DPF_EEXIST);
    /* What a backup killed mid-copy leaves: its private folder holding a partial copy. */
    snprintf(old_left, sizeof old_left, "%s/.dpf-2026-06-29.db.Ab12Cd", dir);
    snprintf(young_left, sizeof young_left, "%s/.dpf-2026-06-30.db.Xy34Zw", dir);
    assert_int_equal(mkdir(old_left, 0700), 0);
    assert_int_equal(mkdir(young_left, 0700), 0);
    snprintf(part, sizeof part, "%s/dpf-2026-06-29.db", old_left);
    assert_non_null(f = fopen(part, "w"));
    fputs("half a database", f);
    fclose(f);
    assert_int_equal(utime(old_left, &two_days_ago), 0);
    assert_int_equal(backup_daily(db, dir, 7, &made, &err), DPF_OK);
    assert_int_equal(made, 1);          /* a leftover is no backup of today */
    assert_int_equal(stat(at("dpf-2026-06-30.db"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(access(old_left, F_OK), -1);       /* old and ours: removed */
    assert_int_equal(access(young_left, F_OK), 0);      /* maybe still being written */
    assert_int_equal(backup_daily(db, dir, 7, &made, &err), DPF_OK);
    assert_int_equal(made, 0);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'backup' AND "
                                "json_extract(after, '$.file') LIKE '%dpf-2026-06-30.db'"), 1);
}

/* A database at schema 6, before roles existed, with one person. */
static void make_pre_roles_backup(const char *path)
{
    sqlite3 *h;
    struct dpf_err err;
    char sql[64];

    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(migrate_run(h, migrations, 6, &err), DPF_OK);
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

static void test_restore_old_schema_makes_no_admin(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    int role;

    assert_int_equal(access_creator_admin(db, &err), DPF_OK);
    make_pre_roles_backup(at("old.db"));
    if (backup_restore(db, at("old.db"), &err) != DPF_OK)
        fail_msg("restore: %s", err.msg);
    /* migrated by the restore itself, before anyone uses it */
    assert_int_equal(db_schema_version(db), db_schema_latest());
    assert_int_equal(tu_int(db, "SELECT count(*) FROM app_user"), 0);
    assert_int_equal(access_check(db, CAP_READ, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "--first-admin"));
    snprintf(db->user, sizeof db->user, "clerk");
    assert_int_equal(access_check(db, CAP_REGISTER, &err), DPF_EINVAL);
    assert_int_equal(access_role(db, &role, &err), DPF_OK);
    assert_int_equal(role, 0);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM app_user"), 0);
    /* only root, and only while there are no users */
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(user_first_admin(db, "wang", 1000, &err), DPF_EINVAL);
    assert_int_equal(user_first_admin(db, "wang", 0, &err), DPF_OK);
    assert_int_equal(user_first_admin(db, "li", 0, &err), DPF_EINVAL);
    assert_int_equal(db_commit(db, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT role FROM app_user WHERE login = 'wang'"), ROLE_ADMIN);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM app_user"), 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'user_first_admin' "
                                "AND json_extract(after, '$.login') = 'wang'"), 1);
}

static int count_marked(const struct audit_row *r, void *ctx)
{
    if (r->rolled_back && strcmp(r->action, "disclose") == 0)
        ++*(int *)ctx;
    return 0;
}

static int count_rows(const struct audit_row *r, void *ctx)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static void test_restore_keeps_history(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    struct audit_filter f = { NULL, NULL, NULL, 0, 0 };
    char sha[65], q[300];
    int64_t kept, gone, next;
    int marked = 0, history = 0;

    kept = add_person(db, 11);
    assert_int_equal(backup_write(db, at("b.db"), &err), DPF_OK);
    assert_int_equal(sha256_file(at("b.db"), sha), 0);
    gone = add_person(db, 13);
    assert_int_equal(audit_export(db, "persons", "full.csv", 2, 1, &err), DPF_OK);
    assert_int_equal(backup_restore(db, at("b.db"), &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 1);
    /* the backup's own row, the person added and the export: gone from the log, kept here */
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit_rolled_back"), 3);
    /* a full export is a disclosure (issue 16) */
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'disclose'"), 0);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit_rolled_back WHERE action = "
                                "'disclose' AND restore_id = (SELECT max(id) FROM audit)"), 1);
    snprintf(q, sizeof q, "SELECT count(*) FROM audit WHERE action = 'restore' AND "
             "json_extract(after, '$.sha256') = '%s' AND json_extract(after, '$.rolled_back') "
             "= 3 AND json_extract(after, '$.file') LIKE '%%/b.db'", sha);
    assert_int_equal(tu_int(db, q), 1);
    assert_int_equal(audit_list(db, &f, count_marked, &marked, &err), DPF_OK);
    assert_int_equal(marked, 1);
    /* the rolled-back rows stay apart from anyone's history, and are append-only too */
    assert_int_equal(audit_history(db, "person", gone, count_rows, &history, &err), DPF_OK);
    assert_int_equal(history, 0);
    assert_int_equal(db_exec(db, "DELETE FROM audit_rolled_back", &err), DPF_EDB);
    assert_int_equal(db_exec(db, "UPDATE audit_rolled_back SET user = 'x'", &err), DPF_EDB);
    /* the id the rolled-back person had is never given again */
    next = add_person(db, 15);
    assert_true(next > gone);
    assert_true(kept < gone);
    assert_int_equal(tu_int(db, "PRAGMA foreign_key_check"), -1);
}

/* Restored twice: the rows of the first restore's line of history are kept by the second. */
static void test_second_restore_keeps_rolled_back_rows(void **state)
{
    struct db *db = *state;
    struct dpf_err err;

    assert_int_equal(backup_write(db, at("b1.db"), &err), DPF_OK);
    assert_int_equal(audit_export(db, "persons", "one.csv", 1, 1, &err), DPF_OK);
    assert_int_equal(backup_write(db, at("b2.db"), &err), DPF_OK);
    assert_int_equal(backup_restore(db, at("b1.db"), &err), DPF_OK);
    assert_int_equal(audit_export(db, "persons", "two.csv", 1, 1, &err), DPF_OK);
    /* b2 has one.csv's row, as the live log's own row of that id; two.csv's is newer than
     * the first restore, with an id b2 also has (but for another row) */
    assert_int_equal(backup_restore(db, at("b2.db"), &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE json_extract(after, "
                                "'$.file') = 'one.csv'"), 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit_rolled_back WHERE "
                                "json_extract(after, '$.file') = 'two.csv'"), 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit_rolled_back WHERE action = "
                                "'restore'"), 1);
}

static void note(const char *what, const char *problem, void *ctx)
{
    char *seen = ctx;
    size_t n = strlen(seen);
    snprintf(seen + n, 512 - n, "%s: %s\n", what, problem);
}

static void test_schema_objects_checked(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    sqlite3 *h;
    long problems;
    char seen[512] = "";

    assert_int_equal(backup_write(db, at("b.db"), &err), DPF_OK);
    assert_int_equal(sqlite3_open(at("b.db"), &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "DROP TRIGGER audit_no_delete", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    assert_int_equal(backup_restore(db, at("b.db"), &err), DPF_EIO);
    assert_non_null(strstr(err.msg, "audit_no_delete"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'restore'"), 0);
    assert_int_equal(check_database(db, note, seen, &problems, &err), DPF_OK);
    assert_int_equal(problems, 0);
    assert_int_equal(db_exec(db, "DROP TRIGGER audit_rolled_back_no_update; "
                                 "CREATE INDEX stray ON person (note)", &err), DPF_OK);
    assert_int_equal(check_database(db, note, seen, &problems, &err), DPF_OK);
    assert_int_equal(problems, 2);
    assert_non_null(strstr(seen, "audit_rolled_back_no_update"));
    assert_non_null(strstr(seen, "stray"));
}

static void write_persons_csv(const char *path)
{
    FILE *f = fopen(path, "w");
    char id[19];

    assert_non_null(f);
    fputs("残疾人证号,姓名,乡镇街道\n", f);
    for (int i = 1; i <= 2; i++) {
        tu_id(id, "341503", "19650312", 100 + i);
        fprintf(f, "%s41,人%d,江家店镇\n", id, i);
    }
    fclose(f);
}

/* A schema-7 file: person 3 with a yearly update, and the log naming person 9, since
 * removed. */
static void make_v7(const char *path)
{
    sqlite3 *h;
    struct dpf_err err;
    char id[19], sql[600];

    tu_id(id, "341503", "19800101", 11);
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(migrate_run(h, migrations, 7, &err), DPF_OK);
    snprintf(sql, sizeof sql,
             "INSERT INTO person (id, cert_no, id_no, name, gender, birth_date, category, "
             "level, township) VALUES (3, '%s42', '%s', '甲', 1, '1980-01-01', 4, 2, '新安镇');"
             "INSERT INTO yearly_update VALUES (3, 2026, 1, 1, '2026-06-01', 'u', NULL);"
             "INSERT INTO audit (at, user, entity, entity_id, action) VALUES "
             "('2026-01-01 00:00:00', 'u', 'person', 9, 'insert');", id, id);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

static void test_migration_keeps_rows_and_ids(void **state)
{
    struct db *v7 = NULL;
    struct dpf_err err;
    struct import_result res;
    struct import_opts o = { .new_places = 1 };
    long problems;
    char seen[512] = "";

    (void)state;
    make_v7(at("v7.db"));
    assert_int_equal(db_open(at("v7.db"), 0, &v7, &err), DPF_OK);
    assert_int_equal(tu_int(v7, "SELECT count(*) FROM person WHERE id = 3"), 1);
    assert_int_equal(tu_int(v7, "SELECT count(*) FROM yearly_update WHERE person_id = 3"), 1);
    assert_int_equal(tu_int(v7, "SELECT seq FROM sqlite_sequence WHERE name = 'person'"), 9);
    assert_int_equal(tu_int(v7, "PRAGMA foreign_keys"), 1);
    assert_int_equal(schema_verify(v7->h, note, seen, &problems, &err), DPF_OK);
    if (problems)
        fail_msg("%s", seen);
    /* the bulk import into an emptied register goes on after the sequence */
    assert_int_equal(db_exec(v7, "DELETE FROM yearly_update; DELETE FROM person", &err), DPF_OK);
    write_persons_csv(at("p.csv"));
    if (import_file(v7, "persons", at("p.csv"), &o, &res, &err) != DPF_OK)
        fail_msg("import: %s", err.msg);
    assert_int_equal(res.added, 2);
    assert_int_equal(tu_int(v7, "SELECT min(id) FROM person"), 10);
    assert_int_equal(tu_int(v7, "SELECT seq FROM sqlite_sequence WHERE name = 'person'"), 11);
    assert_int_equal(tu_int(v7, "SELECT count(*) FROM audit WHERE entity = 'person' AND "
                                "entity_id IN (10, 11) AND action = 'insert'"), 2);
    db_close(v7);
}

/* What a restore killed midway leaves beside the database (its private image folder, a copy
 * of personal data) is cleared by the next restore; a folder a running restore holds (its
 * lock) is not, nor one that is not ours. */
static void test_killed_restore_cleared(void **state)
{
    struct db *db = *state;
    struct dpf_err err;
    char killed[300], running[300], foreign[300], image[320];
    int lock;
    FILE *f;

    snprintf(killed, sizeof killed, "%s/.dpf-restore-Ab12Cd", dir);
    snprintf(running, sizeof running, "%s/.dpf-restore-Xy34Zw", dir);
    snprintf(foreign, sizeof foreign, "%s/.dpf-restore-Open00", dir);
    assert_int_equal(mkdir(killed, 0700), 0);
    assert_int_equal(mkdir(running, 0700), 0);
    assert_int_equal(mkdir(foreign, 0755), 0);      /* not a folder a restore made */
    snprintf(image, sizeof image, "%s/image.db", killed);
    assert_non_null(f = fopen(image, "w"));
    fputs("a copy of the register", f);
    fclose(f);
    assert_true((lock = open(running, O_RDONLY | O_DIRECTORY)) >= 0);
    assert_int_equal(flock(lock, LOCK_EX), 0);
    assert_int_equal(backup_write(db, at("b.db"), &err), DPF_OK);
    assert_int_equal(backup_restore(db, at("b.db"), &err), DPF_OK);
    assert_int_equal(access(killed, F_OK), -1);
    assert_int_equal(access(running, F_OK), 0);
    assert_int_equal(access(foreign, F_OK), 0);
    close(lock);
    restore_sweep(db->path);                        /* once it is no longer held */
    assert_int_equal(access(running, F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_backup_private_and_named_when_whole, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_restore_old_schema_makes_no_admin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restore_keeps_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_restore_keeps_rolled_back_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_schema_objects_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_killed_restore_cleared, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migration_keeps_rows_and_ids, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
