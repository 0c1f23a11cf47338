/* SPDX-License-Identifier: MIT */
/* The one way dpf writes a file: the database and its companions refused by name and by
 * inode, an existing file kept unless forced, a planted symlink replaced and never written
 * through, a target that appears during the write kept, modes under any umask, and nothing
 * left behind by a failure, an abort or a library that writes by name. */
#include <dirent.h>
#include <sys/stat.h>
#include "setgid_fixture.h"
#include "dpf/outfile.h"

struct fx {
    char dir[64];
    char db[128];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    FILE *fp;

    snprintf(f->dir, sizeof f->dir, "%s", tu_tmpdir());
    snprintf(f->db, sizeof f->db, "%s/dpf.db", f->dir);
    fp = fopen(f->db, "w");
    fputs("precious", fp);
    fclose(fp);
    outfile_protect(f->db);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tu_rmdir(f->dir);
    free(f);
    return 0;
}

static const char *in(const struct fx *f, const char *name)
{
    return tu_at(f->dir, name);
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}


/* The names in the folder other than those listed (NULL-terminated), as one string. */
static const char *others(const struct fx *f, const char *const *keep)
{
    static char out[512];
    DIR *d = opendir(f->dir);
    struct dirent *e;

    out[0] = '\0';
    while ((e = readdir(d))) {
        int known = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
        for (int i = 0; keep[i] && !known; i++)
            known = strcmp(e->d_name, keep[i]) == 0;
        if (!known)
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s ", e->d_name);
    }
    closedir(d);
    return out;
}

static int write_one(const char *path, unsigned flags, const char *text, struct dpf_err *err)
{
    struct outfile o;
    int rc = outfile_open(&o, path, flags, err);
    if (rc != DPF_OK)
        return rc;
    fputs(text, o.fp);
    return outfile_commit(&o, err);
}

static void database_and_companions_refused(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    char other[300];
    const char *names[] = { "dpf.db", "dpf.db-wal", "dpf.db-shm", "dpf.db-journal" };

    for (int i = 0; i < 4; i++) {
        assert_int_equal(write_one(in(f, names[i]), OUT_FORCE, "x", &err), DPF_EINVAL);
        assert_non_null(strstr(err.msg, names[i]));
    }
    /* another spelling of the same path, a hard link and a symlink: the same file */
    snprintf(other, sizeof other, "%s/../%s/dpf.db", f->dir, strrchr(f->dir, '/') + 1);
    assert_int_equal(write_one(other, OUT_FORCE, "x", &err), DPF_EINVAL);
    assert_int_equal(link(f->db, in(f, "hard.csv")), 0);
    assert_int_equal(write_one(in(f, "hard.csv"), OUT_FORCE, "x", &err), DPF_EINVAL);
    assert_int_equal(symlink(f->db, in(f, "soft.csv")), 0);
    assert_int_equal(outfile_check(in(f, "soft.csv"), OUT_FORCE, &err), DPF_EINVAL);
    assert_string_equal(tu_slurp(f->db), "precious");
    assert_int_equal(access(in(f, "dpf.db-wal"), F_OK), -1);
    assert_int_equal(access(in(f, "dpf.db-journal"), F_OK), -1);
    assert_string_equal(others(f, (const char *[]){ "dpf.db", "hard.csv", "soft.csv", NULL }),
                        "");
}

static void existing_kept_unless_forced(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;

    write_text(in(f, "a.csv"), "old");
    assert_int_equal(write_one(in(f, "a.csv"), 0, "new", &err), DPF_EEXIST);
    assert_non_null(strstr(err.msg, "--force"));
    assert_string_equal(tu_slurp(in(f, "a.csv")), "old");
    assert_int_equal(write_one(in(f, "a.csv"), OUT_FORCE, "new", &err), DPF_OK);
    assert_string_equal(tu_slurp(in(f, "a.csv")), "new");
    assert_int_equal(write_one(in(f, "b.csv"), 0, "fresh", &err), DPF_OK);
    assert_string_equal(tu_slurp(in(f, "b.csv")), "fresh");
    assert_string_equal(others(f, (const char *[]){ "dpf.db", "a.csv", "b.csv", NULL }), "");
}

static void symlink_replaced_not_followed(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    struct stat st;

    write_text(in(f, "victim"), "victim's");
    assert_int_equal(symlink(in(f, "victim"), in(f, "roster.csv")), 0);
    assert_int_equal(write_one(in(f, "roster.csv"), 0, "bank", &err), DPF_EEXIST);
    assert_int_equal(write_one(in(f, "roster.csv"), OUT_FORCE, "bank", &err), DPF_OK);
    assert_string_equal(tu_slurp(in(f, "victim")), "victim's");
    assert_int_equal(lstat(in(f, "roster.csv"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_string_equal(tu_slurp(in(f, "roster.csv")), "bank");
    /* a dangling link counts as existing too: nothing is created where it points */
    assert_int_equal(symlink(in(f, "nowhere"), in(f, "d.csv")), 0);
    assert_int_equal(write_one(in(f, "d.csv"), 0, "x", &err), DPF_EEXIST);
    assert_int_equal(access(in(f, "nowhere"), F_OK), -1);
}

/* A file created at the target while dpf was writing is kept: the rename does not replace. */
static void target_appearing_meanwhile_kept(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    struct outfile o;

    assert_int_equal(outfile_open(&o, in(f, "race.csv"), OUT_PRIVATE, &err), DPF_OK);
    fputs("dpf's", o.fp);
    write_text(in(f, "race.csv"), "someone else's");
    assert_int_equal(outfile_commit(&o, &err), DPF_EEXIST);
    assert_string_equal(tu_slurp(in(f, "race.csv")), "someone else's");
    assert_string_equal(others(f, (const char *[]){ "dpf.db", "race.csv", NULL }), "");
}

static void modes_whatever_the_umask(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    struct stat st;
    mode_t old = umask(0);

    assert_int_equal(write_one(in(f, "p.csv"), OUT_PRIVATE, "x", &err), DPF_OK);
    assert_int_equal(stat(in(f, "p.csv"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(write_one(in(f, "t.csv"), 0, "x", &err), DPF_OK);
    assert_int_equal(stat(in(f, "t.csv"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666);
    umask(027);
    assert_int_equal(write_one(in(f, "u.csv"), 0, "x", &err), DPF_OK);
    assert_int_equal(stat(in(f, "u.csv"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    umask(old);
}

/* A library that writes by name gets a file in a private folder; the folder goes away. */
static void by_name_and_abort_leave_nothing(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    struct outfile o;
    struct stat st;
    char stray[300];

    assert_int_equal(outfile_open(&o, in(f, "book.xlsx"), OUT_BYNAME | OUT_PRIVATE, &err),
                     DPF_OK);
    assert_null(o.fp);
    assert_int_equal(stat(o.tmpdir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_non_null(strstr(o.tmp, "book.xlsx"));
    write_text(o.tmp, "workbook");
    snprintf(stray, sizeof stray, "%s/stray.tmp", o.tmpdir);
    write_text(stray, "");              /* a library's stray file goes with the folder */
    assert_int_equal(outfile_commit(&o, &err), DPF_OK);
    assert_string_equal(tu_slurp(in(f, "book.xlsx")), "workbook");
    assert_int_equal(stat(in(f, "book.xlsx"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    assert_int_equal(outfile_open(&o, in(f, "gone.csv"), 0, &err), DPF_OK);
    fputs("half", o.fp);
    outfile_abort(&o);
    assert_int_equal(outfile_open(&o, in(f, "gone.xlsx"), OUT_BYNAME, &err), DPF_OK);
    write_text(o.tmp, "half");
    outfile_abort(&o);
    /* the library never wrote its file: the commit fails and cleans up */
    assert_int_equal(outfile_open(&o, in(f, "never.xlsx"), OUT_BYNAME, &err), DPF_OK);
    assert_int_equal(outfile_commit(&o, &err), DPF_EIO);
    assert_string_equal(others(f, (const char *[]){ "dpf.db", "book.xlsx", NULL }),
                        "");
}

static void folders_and_names(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    struct outfile o;
    char longest[400];

    assert_int_equal(write_one(in(f, "no/such/x.csv"), 0, "x", &err), DPF_EIO);
    assert_non_null(strstr(err.msg, "no/such/x.csv"));
    assert_int_equal(mkdir(in(f, "sub"), 0700), 0);
    assert_int_equal(write_one(in(f, "sub"), OUT_FORCE, "x", &err), DPF_EINVAL);
    assert_int_equal(outfile_check("", 0, &err), DPF_EINVAL);
    assert_int_equal(outfile_exists(in(f, "sub")), 1);
    assert_int_equal(outfile_exists(in(f, "none")), 0);
    /* A name the file system takes, whose temporary name (".NAME.XXXXXX") it does not: the
     * failure is an error, by file and by name (once freed a double free). */
    snprintf(longest, sizeof longest, "%s/%0250d.xlsx", f->dir, 0);
    assert_int_equal(outfile_open(&o, longest, OUT_BYNAME, &err), DPF_EIO);
    assert_int_equal(outfile_open(&o, longest, 0, &err), DPF_EIO);
    assert_string_equal(others(f, (const char *[]){ "dpf.db", "sub", NULL }), "");
}

/* In the child of user_files_get_the_real_group: the group of a written file, or -1. */
static int group_of(const char *path, unsigned flags, int by_name)
{
    struct dpf_err err;
    struct outfile o;
    struct stat st;
    FILE *fp;

    if (outfile_open(&o, path, flags, &err) != DPF_OK)
        return -1;
    if (by_name) {
        if (!(fp = fopen(o.tmp, "w")))  /* as a library does: by name, with the egid */
            return outfile_abort(&o), -1;
        fputs("x", fp);
        fclose(fp);
    } else {
        fputs("x", o.fp);
    }
    if (outfile_commit(&o, &err) != DPF_OK || stat(path, &st) != 0)
        return -1;
    return (int)st.st_gid;
}

/* Each check's number as the exit status, 0 when all hold. */
static int groups_as_setgid(void *arg)
{
    const struct fx *f = arg;
    gid_t user = getgid();

    if (group_of(in(f, "export.csv"), OUT_PRIVATE, 0) != (int)user)
        return 1;
    if (group_of(in(f, "report.xlsx"), OUT_BYNAME, 1) != (int)user)
        return 2;
    if (group_of(in(f, "backup.db"), OUT_BYNAME | OUT_PRIVATE | OUT_GROUP, 1) != TU_DATA_GID)
        return 3;
    if (getegid() != TU_DATA_GID)       /* the group taken back after each call */
        return 4;
    return 0;
}

/* Installed setgid, the user's outputs get the user's own (real) group, never the data's;
 * a backup (OUT_GROUP) keeps the data's. */
static void user_files_get_the_real_group(void **state)
{
    if (geteuid() != 0) {
        printf("skipped: needs root (sets its effective group as a setgid dpf would)\n");
        return;
    }
    assert_int_equal(tu_as_setgid(groups_as_setgid, *state, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(database_and_companions_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(existing_kept_unless_forced, setup, teardown),
        cmocka_unit_test_setup_teardown(symlink_replaced_not_followed, setup, teardown),
        cmocka_unit_test_setup_teardown(target_appearing_meanwhile_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(modes_whatever_the_umask, setup, teardown),
        cmocka_unit_test_setup_teardown(by_name_and_abort_leave_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(folders_and_names, setup, teardown),
        cmocka_unit_test_setup_teardown(user_files_get_the_real_group, setup, teardown),
    };
    return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
