/* SPDX-License-Identifier: MIT */
/* Clear words (issue 15): a full disk is reported as a full disk, a file the user may not
 * open as permission denied (not as missing), a missing file as missing, and a real date
 * before 1880 as out of range rather than as no date. The permission tests run the check
 * as `nobody` when run as root (root ignores file modes); the real full disk needs root to
 * mount a small tmpfs and is skipped, with one line saying so, otherwise. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "subsidy_fixture.h"
#include "dpf/field.h"
#include "dpf/import.h"

/* ---- dates ---- */

static void date_out_of_range(void **state)
{
    const struct field *f = &person_fields[PF_CERT_ISSUE_DATE];
    struct dpf_err err;
    char *v = NULL;
    (void)state;

    assert_int_equal(field_parse(f, "1800-01-01", TU_TODAY, &v, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "out of range"));
    assert_non_null(strstr(err.msg, "1880-01-01"));
    assert_null(strstr(err.msg, "not a date"));
    assert_string_equal(err.field, "cert_issue_date");
    assert_int_equal(field_parse(f, "18791231", TU_TODAY, &v, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "out of range"));
    /* the first day of the range is a date */
    assert_int_equal(field_parse(f, "1880-01-01", TU_TODAY, &v, &err), DPF_OK);
    assert_string_equal(v, "1880-01-01");
    free(v);
    /* no date at all, or a day no calendar has, is still "not a date" */
    assert_int_equal(field_parse(f, "1800-02-30", TU_TODAY, &v, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "not a date"));
    assert_int_equal(field_parse(f, "junk", TU_TODAY, &v, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "not a date"));
}

/* A subsidy step's date: before 1900 out of range, a day no calendar has refused. */
static void step_date_out_of_range(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "e.db");
    struct dpf_err err;
    int64_t id = 0, p = sf_add(db, &(struct sf_person){ 1, 4, 1, "新安镇", "甲", 0, 0,
                                                        "6217000000000001", NULL, NULL });
    (void)state;

    assert_int_equal(enrol_apply(db, NURSING, p, "1800-01-01", NULL, &id, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "out of range"));
    assert_int_equal(enrol_apply(db, NURSING, p, "2026-02-30", NULL, &id, &err), DPF_EINVAL);
    assert_null(strstr(err.msg, "out of range"));
    assert_int_equal(enrol_apply(db, NURSING, p, "1800-02-30", NULL, &id, &err), DPF_EINVAL);
    assert_null(strstr(err.msg, "out of range"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM enrolment"), 0);
    assert_int_equal(enrol_apply(db, NURSING, p, "2026-02-28", NULL, &id, &err), DPF_OK);
    db_close(db);
    tu_rmdir(dir);
}

/* ---- the full disk ---- */

/* SQLITE_FULL provoked by a page limit: every way a write fails says the disk is full. */
static void full_by_page_limit(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "f.db");
    struct dpf_err err;
    char sql[64];
    sqlite3_stmt *st;
    (void)state;

    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld",
             tu_int(db, "PRAGMA page_count") + 1);
    assert_int_equal(db_exec(db, sql, &err), DPF_OK);
    /* the table takes the one page left; its row cannot be written */
    assert_int_equal(db_exec(db, "CREATE TABLE big (x); INSERT INTO big "
                                 "SELECT randomblob(100000)", &err), DPF_EDB);
    assert_non_null(strstr(err.msg, "the disk is full"));
    assert_non_null(strstr(err.msg, "f.db"));
    st = db_stmt(db, "INSERT INTO big VALUES (randomblob(100000))", &err);
    assert_non_null(st);
    assert_int_not_equal(sqlite3_step(st), SQLITE_DONE);
    assert_int_equal(db_fail(db, &err), DPF_EDB);
    assert_non_null(strstr(err.msg, "the disk is full"));
    sqlite3_reset(st);
    db_close(db);
    tu_rmdir(dir);
}

/* Opens (or creates) path; returns the status, err filled. */
static int try_open(const char *path, unsigned flags, struct dpf_err *err)
{
    struct db *db = NULL;
    int rc = db_open(path, flags, &db, err);
    db_close(db);
    return rc;
}

/* A real full file system: a 4 MB tmpfs with a database on it and the rest filled. Opening
 * the database (it needs room for its WAL index) and creating another say the disk is
 * full, where dpf once said "not a dpf database: disk I/O error"; the file that could not
 * be made a database is not left behind to block the next try. */
static void full_disk_for_real(void **state)
{
    char dir[] = "/tmp/dpf-full-XXXXXX", path[64], opened[512];
    struct dpf_err err;
    int rc_a, rc_b, b_left;
    FILE *f;
    (void)state;

    if (geteuid() != 0) {
        printf("skipped: needs root (mounts a 4 MB tmpfs to fill it)\n");
        skip();
    }
    assert_non_null(mkdtemp(dir));
    if (mount("tmpfs", dir, "tmpfs", 0, "size=4m") != 0) {
        printf("skipped: cannot mount a tmpfs here (%s)\n", strerror(errno));
        rmdir(dir);
        skip();
    }
    snprintf(path, sizeof path, "%s/a.db", dir);
    setenv("DPF_NOW", TU_NOW, 1);
    assert_int_equal(try_open(path, DB_CREATE, &err), DPF_OK);
    snprintf(path, sizeof path, "%s/fill", dir);
    assert_non_null(f = fopen(path, "wb"));
    while (fputc(0, f) != EOF)
        ;
    fclose(f);

    snprintf(path, sizeof path, "%s/a.db", dir);
    rc_a = try_open(path, 0, &err);
    snprintf(opened, sizeof opened, "%s", err.msg);
    snprintf(path, sizeof path, "%s/b.db", dir);
    rc_b = try_open(path, DB_CREATE, &err);
    b_left = access(path, F_OK) == 0;   /* a failed creation leaves no empty file behind */
    /* unmounted before anything is asserted: a failure leaves no mount behind */
    assert_int_equal(umount(dir), 0);
    assert_int_equal(rmdir(dir), 0);
    assert_int_not_equal(rc_a, DPF_OK);
    assert_non_null(strstr(opened, "the disk is full"));
    assert_null(strstr(opened, "not a dpf database"));
    assert_int_not_equal(rc_b, DPF_OK);
    assert_non_null(strstr(err.msg, "the disk is full"));
    assert_false(b_left);
}

/* ---- permissions ---- */

/* Runs what(path) in a child, as `nobody` when we are root, and returns its message. */
static void as_nobody(int (*what)(const char *, struct dpf_err *), const char *path,
                      char *msg, size_t cap)
{
    int fd[2], status;
    ssize_t n;
    pid_t pid;

    assert_int_equal(pipe(fd), 0);
    assert_true((pid = fork()) >= 0);
    if (pid == 0) {
        struct passwd *pw = getpwnam("nobody");
        struct dpf_err err = { 0, NULL, "" };
        close(fd[0]);
        if (geteuid() == 0 && (!pw || setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 ||
                               setuid(pw->pw_uid) != 0))
            _exit(3);
        what(path, &err);
        n = write(fd[1], err.msg, strlen(err.msg));
        _exit(n < 0);
    }
    close(fd[1]);
    n = read(fd[0], msg, cap - 1);
    msg[n > 0 ? n : 0] = '\0';
    close(fd[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static int open_existing(const char *path, struct dpf_err *err)
{
    return try_open(path, 0, err);
}

static int open_or_create(const char *path, struct dpf_err *err)
{
    return try_open(path, DB_CREATE, err);
}

static int import_it(const char *path, struct dpf_err *err)
{
    char db_path[128];
    struct db *db = NULL;
    struct import_opts o = { .new_places = 1 };
    struct import_result res;
    int rc;

    snprintf(db_path, sizeof db_path, "%.*s/own.db", (int)(strrchr(path, '/') - path), path);
    if ((rc = db_open(db_path, DB_CREATE, &db, err)) == DPF_OK)
        rc = import_file(db, "persons", path, &o, &res, err);
    db_close(db);
    return rc;
}

static void permission_denied_is_not_missing(void **state)
{
    const char *dir = tu_tmpdir();
    char path[128], msg[512];
    FILE *f;
    (void)state;

    setenv("DPF_NOW", TU_NOW, 1);
    /* nobody may enter the test's folder, but not open what it is refused */
    assert_int_equal(chmod(dir, 0777), 0);
    snprintf(path, sizeof path, "%s/a.db", dir);
    assert_int_equal(try_open(path, DB_CREATE, &(struct dpf_err){ 0 }), DPF_OK);
    assert_int_equal(chmod(path, 0), 0);
    as_nobody(open_existing, path, msg, sizeof msg);
    assert_non_null(strstr(msg, "permission denied"));
    assert_null(strstr(msg, "does not exist"));

    /* a folder the user may not enter */
    snprintf(path, sizeof path, "%s/closed", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/closed/b.db", dir);
    assert_int_equal(try_open(path, DB_CREATE, &(struct dpf_err){ 0 }), DPF_OK);
    snprintf(path, sizeof path, "%s/closed", dir);
    assert_int_equal(chmod(path, 0), 0);
    snprintf(path, sizeof path, "%s/closed/b.db", dir);
    as_nobody(open_existing, path, msg, sizeof msg);
    assert_non_null(strstr(msg, "permission denied"));
    assert_null(strstr(msg, "does not exist"));

    /* a new database in a folder the user may not write to */
    snprintf(path, sizeof path, "%s/ro", dir);
    assert_int_equal(mkdir(path, 0555), 0);
    snprintf(path, sizeof path, "%s/ro/c.db", dir);
    as_nobody(open_or_create, path, msg, sizeof msg);
    assert_non_null(strstr(msg, "permission denied"));
    assert_null(strstr(msg, "folder does not exist"));

    /* a file really missing is still missing */
    snprintf(path, sizeof path, "%s/none.db", dir);
    as_nobody(open_existing, path, msg, sizeof msg);
    assert_non_null(strstr(msg, "does not exist"));

    /* an import's input file that may not be read */
    snprintf(path, sizeof path, "%s/in.csv", dir);
    assert_non_null(f = fopen(path, "w"));
    fputs("残疾人证号,姓名\n", f);
    fclose(f);
    assert_int_equal(chmod(path, 0), 0);
    as_nobody(import_it, path, msg, sizeof msg);
    assert_non_null(strstr(msg, "permission denied"));
    assert_null(strstr(msg, "does not exist"));

    snprintf(path, sizeof path, "%s/closed", dir);
    assert_int_equal(chmod(path, 0700), 0);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(date_out_of_range),
        cmocka_unit_test(step_date_out_of_range),
        cmocka_unit_test(full_by_page_limit),
        cmocka_unit_test(full_disk_for_real),
        cmocka_unit_test(permission_denied_is_not_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
