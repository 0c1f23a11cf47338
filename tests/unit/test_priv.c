/* SPDX-License-Identifier: MIT */
/* The privilege boundary's reading side (issue 16): a CSV parsed in a child gives the same
 * records, and the same line, column and reason for a malformed one, as one parsed in
 * process; a child that dies fails the import cleanly (nothing written, no rejects file, no
 * hang); the bulk loader's second thread never switches the effective group; and, run as a
 * setgid dpf would run, a file only the data's group may read is refused to an import and
 * to a restore. */
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include "setgid_fixture.h"
#include "dpf/backup.h"
#include "dpf/import.h"
#include "dpf/textfile.h"
#include "base/recsrc.h"

#define HEADER "残疾人证号,姓名,性别,出生日期,民族,残疾类别,残疾等级,乡镇街道,村社区," \
               "详细地址,联系电话,监护人,监护人电话,建档立卡,低保,特困,因病致贫,发证日期," \
               "状态,状态日期,状态原因,银行账号,备注\n"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", tu_tmpdir());
    unsetenv("DPF_TEST_PARSE_CHILD");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unsetenv("DPF_TEST_PARSE_CHILD");
    tu_rmdir(dir);
    return 0;
}

static const char *path(const char *name)
{
    return tu_at(dir, name);
}

static void write_file(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(path(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* A register file of n valid rows; every bad-th row (0: none) has a bad phone. */
static void write_register(const char *name, int n, int bad)
{
    FILE *f = fopen(path(name), "wb");
    char id[19], birth[16];

    assert_non_null(f);
    fputs(HEADER, f);
    for (int i = 0; i < n; i++) {
        snprintf(birth, sizeof birth, "19%02d0312", 40 + i / 1000);
        tu_id(id, "341503", birth, i % 1000);
        fprintf(f, "%s41,张%d,,,汉族,肢体,一级,江家店镇,永兴村,,%s,,,是,否,否,否,"
                   "2012-05-08,在册,,,,\n", id, i, bad && i % bad == 0 ? "12x" : "13800000000");
    }
    fclose(f);
}

/* Everything a source gives for name, one line per call, into out. */
static void trace(const char *name, enum text_encoding enc, char *out, size_t cap)
{
    struct recsrc s;
    struct csv_record rec;
    struct dpf_err err = { 0, NULL, "" };
    size_t used = 0;
    int r, rc = recsrc_open(&s, path(name), enc, NULL, &err);

    out[0] = '\0';
    if (rc != DPF_OK) {
        snprintf(out, cap, "open %d: %s\n", rc, err.msg);
        return;
    }
    used += (size_t)snprintf(out, cap, "encoding %d\n", s.found);
    while ((r = recsrc_next(&s, &rec, &err)) != 0 && used < cap) {
        used += (size_t)snprintf(out + used, cap - used, "%d line %ld col %d", r, rec.line,
                                 rec.bad_column);
        for (int i = 0; i < rec.nfields && used < cap; i++)
            used += (size_t)snprintf(out + used, cap - used, " [%s]", rec.fields[i]);
        if (r < 0 && used < cap)
            used += (size_t)snprintf(out + used, cap - used, " %d %s", err.code, err.msg);
        if (used < cap)
            used += (size_t)snprintf(out + used, cap - used, "\n");
        if (r == -2)
            break;
    }
    recsrc_close(&s);
}

/* The child gives what the reader in process gives, record for record and error for error. */
static void child_same_as_in_process(void **state)
{
    static const char *const files[] = {
        "a,b,c\n1,\"x, y\",3\r\n\n4,\"multi\nline\",6\n",
        "\xEF\xBB\xBFh1,h2\n\"ok\",2\nbad\"quote,1\n\"text\"after,2\n3,4\n\"open",
        "",
        "h\n\xD5\xC5\xC8\xFD\n",          /* GBK: 张三 */
        "h\nnul\0byte\n",
    };
    static char in_process[65536], in_child[65536];
    char name[32];

    (void)state;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(name, sizeof name, "f%zu.csv", i);
        write_file(name, files[i], strlen(files[i]) + (i == 4 ? 7 : 0));
        for (int enc = TE_AUTO; enc <= TE_GBK; enc++) {
            unsetenv("DPF_TEST_PARSE_CHILD");
            trace(name, (enum text_encoding)enc, in_process, sizeof in_process);
            setenv("DPF_TEST_PARSE_CHILD", "1", 1);
            trace(name, (enum text_encoding)enc, in_child, sizeof in_child);
            assert_string_equal(in_child, in_process);
        }
    }
    /* a malformed line keeps its line and column through the pipe */
    setenv("DPF_TEST_PARSE_CHILD", "1", 1);
    trace("f1.csv", TE_AUTO, in_child, sizeof in_child);
    assert_non_null(strstr(in_child, "-1 line 3 col 1"));
    assert_non_null(strstr(in_child, "-1 line 4 col 1"));
    trace("missing.csv", TE_AUTO, in_child, sizeof in_child);
    assert_non_null(strstr(in_child, "does not exist"));
}

/* A child killed mid-file: the source says so (-2, the signal), it does not hang. */
static void killed_child_is_a_clean_failure(void **state)
{
    struct recsrc s;
    struct csv_record rec;
    struct dpf_err err;
    int r;

    (void)state;
    write_register("big.csv", 30000, 0);     /* more than the pipe holds */
    setenv("DPF_TEST_PARSE_CHILD", "1", 1);
    assert_int_equal(recsrc_open(&s, path("big.csv"), TE_AUTO, NULL, &err), DPF_OK);
    assert_int_equal(recsrc_next(&s, &rec, &err), 1);
    assert_int_equal(kill(s.pid, SIGKILL), 0);
    while ((r = recsrc_next(&s, &rec, &err)) == 1)
        ;
    assert_int_equal(r, -2);
    assert_non_null(strstr(err.msg, "signal 9"));
    assert_int_equal(recsrc_next(&s, &rec, &err), -2);  /* and stays failed */
    recsrc_close(&s);
}

/* No file of the folder but these (a hidden rejects file or folder would show). */
static int only(const char *a, const char *b)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, a) &&
            strcmp(e->d_name, b) && strncmp(e->d_name, "r.db", 4))
            n++;
    closedir(d);
    return n == 0;
}

/* An import whose child dies writes nothing, keeps no rejects file, and says why: in bulk
 * (an empty register) and row by row (a register with someone on it). */
static void import_with_a_dying_child(void **state)
{
    struct import_opts o = { .encoding = TE_AUTO, .partial = 1, .new_places = 1 };
    struct import_result res;
    struct dpf_err err;
    struct db *db = tu_db(dir, "r.db");

    (void)state;
    write_register("in.csv", 3000, 7);
    setenv("DPF_TEST_PARSE_CHILD", "die:2000", 1);
    assert_int_equal(import_file(db, "persons", path("in.csv"), &o, &res, &err), DPF_EIO);
    assert_non_null(strstr(err.msg, "signal 9"));
    assert_int_equal(res.committed, 0);
    assert_string_equal(res.rejects, "");
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 0);
    assert_true(only("in.csv", "in.csv"));

    setenv("DPF_TEST_PARSE_CHILD", "1", 1);
    write_register("one.csv", 1, 0);
    assert_int_equal(import_file(db, "persons", path("one.csv"), &o, &res, &err), DPF_OK);
    setenv("DPF_TEST_PARSE_CHILD", "die:2000", 1);
    assert_int_equal(import_file(db, "persons", path("in.csv"), &o, &res, &err), DPF_EIO);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 1);
    assert_string_equal(res.rejects, "");
    assert_true(only("in.csv", "one.csv"));

    /* and the same file with a live child: the rows and rejects as in process */
    setenv("DPF_TEST_PARSE_CHILD", "1", 1);
    assert_int_equal(import_file(db, "persons", path("in.csv"), &o, &res, &err), DPF_OK);
    assert_int_equal(res.rejected, 429);
    assert_int_equal(res.added + res.updated + res.unchanged, 2571);
    db_close(db);
}

/* The bulk loader's reader thread writes the rejects, but never opens the file: that is a
 * switch of the effective group, which every thread would feel. */
static void rejects_opened_before_the_reader_thread(void **state)
{
    struct import_opts o = { .encoding = TE_AUTO, .partial = 1, .new_places = 1 };
    struct import_result res;
    struct dpf_err err;
    struct db *db = tu_db(dir, "r.db");

    (void)state;
    write_register("in.csv", 2000, 5);
    priv_test_reset();
    assert_int_equal(import_file(db, "persons", path("in.csv"), &o, &res, &err), DPF_OK);
    assert_int_equal(res.rejected, 400);
    assert_string_not_equal(res.rejects, "");
    assert_int_equal(priv_test_off_main_calls(), 0);
    db_close(db);
}

/* ---- as a setgid dpf runs: a file of the data's group alone ---- */

struct group_file {
    const char *csv;
    const char *backup;
    struct db *db;
};

static int refused_as_user(void *arg)
{
    const struct group_file *g = arg;
    struct textfile tf;
    struct dpf_err err;

    if (textfile_load(g->csv, TE_AUTO, &tf, &err) != DPF_EIO ||
        !strstr(err.msg, "may not be read (permission denied)"))
        return 1;
    /* Installed, a restore reads only inside the data folder (with the group's rights, as
     * nothing else could read its files): a group-only file anywhere else is refused. */
    if (backup_restore(g->db, g->backup, &err) == DPF_OK || !strstr(err.msg, "is outside"))
        return 2;
    return getegid() == TU_DATA_GID ? 0 : 3;
}

/* The effective group may read the files; the user's own may not: the import refuses to
 * read it, and the restore refuses a file outside the data folder. */
static void group_only_files_refused(void **state)
{
    struct group_file g;
    struct dpf_err err;

    (void)state;
    if (geteuid() != 0) {
        printf("skipped: needs root (runs as nobody with a setgid dpf's groups)\n");
        return;
    }
    g.db = tu_db(dir, "r.db");
    g.csv = path("secret.csv");
    write_register("secret.csv", 2, 0);
    g.backup = path("secret.db");
    assert_int_equal(backup_write(g.db, g.backup, &err), DPF_OK);
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(chown(g.csv, 0, TU_DATA_GID), 0);
    assert_int_equal(chmod(g.csv, 0640), 0);
    assert_int_equal(chown(g.backup, 0, TU_DATA_GID), 0);
    assert_int_equal(chmod(g.backup, 0640), 0);
    assert_int_equal(tu_as_setgid(refused_as_user, &g, 1), 0);
    db_close(g.db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(child_same_as_in_process, setup, teardown),
        cmocka_unit_test_setup_teardown(killed_child_is_a_clean_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(import_with_a_dying_child, setup, teardown),
        cmocka_unit_test_setup_teardown(rejects_opened_before_the_reader_thread, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(group_only_files_refused, setup, teardown),
    };
    return cmocka_run_group_tests_name("priv", tests, NULL, NULL);
}
