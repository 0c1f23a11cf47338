/* SPDX-License-Identifier: MIT */
/* CSV import end to end through the core: good files in any column order, BOM, CRLF and GBK,
 * all-or-nothing versus --partial, --dry-run, rejects with line and column, duplicates in one
 * file, updates with their audit rows, the bulk path and the template. */
#include <iconv.h>
#include "testutil.h"
#include "dpf/import.h"

#define HEADER "残疾人证号,姓名,性别,出生日期,民族,残疾类别,残疾等级,乡镇街道,村社区," \
               "详细地址,联系电话,监护人,监护人电话,建档立卡,低保,特困,因病致贫,发证日期," \
               "状态,状态日期,状态原因,银行账号,备注"

static const char *path(const char *name)
{
    static char p[4][160];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", tu_dir, name);
    return p[k];
}

static void write_file(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(path(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Appends a valid line with the full template's columns to buf; seq makes the ID unique. */
static void add_row(char *buf, size_t cap, int seq, const char *name, const char *phone)
{
    char id[19];
    size_t used = strlen(buf);
    tu_id(id, "341503", "19650312", seq);
    snprintf(buf + used, cap - used,
             "%s41,%s,,,汉族,肢体,一级,江家店镇,永兴村,,%s,,,是,否,否,否,2012-05-08,在册,,,,\n",
             id, name, phone);
}

static char *slurp(const char *name)
{
    return tu_slurp(path(name));
}

static int import(struct db *db, const char *name, int partial, int dry, enum text_encoding enc,
                  struct import_result *res, struct dpf_err *err)
{
    struct import_opts o = { .encoding = enc, .partial = partial, .dry_run = dry,
                             .new_places = 1 };
    return import_file(db, "persons", path(name), &o, res, err);
}

static void good_file_any_order_bom_crlf(void **state)
{
    struct db *db = tu_db(tu_dir, "a.db");
    struct import_result res;
    struct dpf_err err;
    char buf[2048], id[19];
    (void)state;
    tu_id(id, "341503", "19780720", 202);
    /* Columns in another order, a subset, BOM and CRLF, a quoted field with a comma. */
    snprintf(buf, sizeof buf, "\xEF\xBB\xBF姓名,乡镇街道,残疾人证号,详细地址\r\n"
             "李秀英,苏埠镇,%s22,\"黄墩村, 5组\"\r\n", id);
    write_file("a.csv", buf, strlen(buf));
    assert_int_equal(import(db, "a.csv", 0, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.added, 1);
    assert_int_equal(res.rejected, 0);
    assert_true(res.committed);
    assert_int_equal(res.encoding, TE_UTF8);
    assert_string_equal(res.rejects, "");
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person WHERE address = '黄墩村, 5组' "
                                "AND gender = 2 AND birth_date = '1978-07-20' AND category = 2"), 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'insert'"), 1);
    db_close(db);
}

static void gbk_detected_and_named(void **state)
{
    struct db *db = tu_db(tu_dir, "g.db");
    struct import_result res;
    struct dpf_err err;
    char utf8[2048], gbk[2048], *in = utf8, *out = gbk;
    size_t inleft, outleft = sizeof gbk;
    iconv_t cd = iconv_open("GBK", "UTF-8");
    (void)state;
    snprintf(utf8, sizeof utf8, HEADER "\r\n");
    add_row(utf8, sizeof utf8, 101, "张伟", "13805641234");
    inleft = strlen(utf8);
    assert_true(cd != (iconv_t)-1);
    assert_int_not_equal(iconv(cd, &in, &inleft, &out, &outleft), (size_t)-1);
    iconv_close(cd);
    write_file("g.csv", gbk, sizeof gbk - outleft);
    assert_int_equal(import(db, "g.csv", 0, 1, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.encoding, TE_GBK);
    assert_int_equal(res.added, 1);
    assert_int_equal(import(db, "g.csv", 0, 0, TE_GBK, &res, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person WHERE name = '张伟' "
                                "AND township = '江家店镇'"), 1);
    /* Declared UTF-8, it is refused with the line. */
    assert_int_equal(import(db, "g.csv", 0, 0, TE_UTF8, &res, &err), DPF_EENCODING);
    assert_non_null(strstr(err.msg, "line 1"));
    db_close(db);
}

static void bad_row_writes_nothing_unless_partial(void **state)
{
    struct db *db = tu_db(tu_dir, "b.db");
    struct import_result res;
    struct dpf_err err;
    char buf[4096] = HEADER "\n", *rejects;
    (void)state;
    add_row(buf, sizeof buf, 101, "张伟", "13805641234");
    add_row(buf, sizeof buf, 103, "王芳", "12345");          /* bad phone: line 3 */
    add_row(buf, sizeof buf, 105, "李强", "13905647777");
    write_file("b.csv", buf, strlen(buf));

    assert_int_equal(import(db, "b.csv", 0, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.rows, 3);
    assert_int_equal(res.rejected, 1);
    assert_false(res.committed);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 0);
    /* nothing but the rejects file's own row (it keeps full IDs): issue 16 */
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action <> 'disclose'"), 0);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'disclose' AND "
                                "json_extract(after, '$.what') = 'rejects' AND "
                                "json_extract(after, '$.rows') = 1 AND "
                                "json_extract(after, '$.file') LIKE '%b.rejects.csv'"), 1);
    assert_string_equal(res.rejects, path("b.rejects.csv"));
    rejects = slurp("b.rejects.csv");
    assert_non_null(rejects);
    assert_non_null(strstr(rejects, "行号,列,原因"));
    assert_non_null(strstr(rejects, "\n3,联系电话,"));
    assert_non_null(strstr(rejects, "王芳"));
    /* The indexes dropped for the bulk load came back with the rollback (the resident ID's,
     * the phone's, and the name's by sound: key, township + key, spellings, initials). */
    assert_int_equal(tu_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                "AND tbl_name = 'person' AND sql IS NOT NULL"), 8);

    assert_int_equal(import(db, "b.csv", 0, 1, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 0);

    assert_int_equal(import(db, "b.csv", 1, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_true(res.committed);
    assert_int_equal(res.added, 2);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 2);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'insert'"), 2);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                "AND tbl_name = 'person' AND sql IS NOT NULL"), 8);
    db_close(db);
}

static void dry_run_writes_nothing(void **state)
{
    struct db *db = tu_db(tu_dir, "d.db");
    struct import_result res;
    struct dpf_err err;
    char buf[2048] = HEADER "\n";
    (void)state;
    add_row(buf, sizeof buf, 101, "张伟", "13805641234");
    write_file("d.csv", buf, strlen(buf));
    assert_int_equal(import(db, "d.csv", 0, 1, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.added, 1);
    assert_false(res.committed);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 0);
    db_close(db);
}

static void duplicate_id_in_file_names_both_lines(void **state)
{
    struct db *db = tu_db(tu_dir, "u.db");
    struct import_result res;
    struct dpf_err err;
    char buf[4096] = HEADER "\n", *rejects;
    (void)state;
    add_row(buf, sizeof buf, 101, "张伟", "13805641234");
    add_row(buf, sizeof buf, 103, "王芳", "13805641235");
    add_row(buf, sizeof buf, 101, "张伟伟", "13805641236");
    write_file("u.csv", buf, strlen(buf));
    assert_int_equal(import(db, "u.csv", 0, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.rejected, 1);
    rejects = slurp("u.rejects.csv");
    assert_non_null(strstr(rejects, "\n4,残疾人证号,"));
    assert_non_null(strstr(rejects, "line 2"));
    db_close(db);
}

/* Enough rows for the bulk loader's batches to go round its queue several times, with bad
 * rows at the start, in the middle and at the end. */
enum { MANY_ROWS = 6000 };

static void write_many(const char *name)
{
    FILE *f = fopen(path(name), "wb");
    char id[19], birth[16];
    assert_non_null(f);
    fputs(HEADER "\n", f);
    for (int i = 1; i <= MANY_ROWS; i++) {
        int k = i == 3000 ? 10 : i;             /* line 3001 repeats line 11's ID */
        snprintf(birth, sizeof birth, "19%02d0312", 40 + k / 900);
        tu_id(id, "341503", birth, k % 900);
        fprintf(f, "%s%d2,人员%d,,,汉族,%s,二级,江家店镇,永兴村,,%s,,,否,是,否,否,,在册,,,,\n",
                id, i == MANY_ROWS ? 9 : 4, i, i == MANY_ROWS ? "九" : "肢体",
                i == 1 ? "12345" : "13805640000");
    }
    fclose(f);
}

static void bulk_load_matches_row_by_row(void **state)
{
    struct db *bulk = tu_db(tu_dir, "bulk.db"), *rows = tu_db(tu_dir, "rows.db");
    struct import_result res;
    struct dpf_err err;
    struct person p;
    char id[19], *rejects, attach[300];
    (void)state;
    write_many("many.csv");

    /* All or nothing: three bad rows, reported in file order, and nothing written. */
    assert_int_equal(import(bulk, "many.csv", 0, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.rows, MANY_ROWS);
    assert_int_equal(res.rejected, 3);
    assert_false(res.committed);
    assert_int_equal(tu_int(bulk, "SELECT count(*) FROM person"), 0);
    rejects = slurp("many.rejects.csv");
    assert_non_null(rejects);
    assert_true(strstr(rejects, "\n2,联系电话,") < strstr(rejects, "\n3001,残疾人证号,"));
    assert_true(strstr(rejects, "\n3001,残疾人证号,") < strstr(rejects, "\n6001,残疾类别,"));
    assert_non_null(strstr(rejects, "line 11"));

    /* --partial into an empty register (the bulk loader) and into one that already holds a
     * person (row by row) stores the same persons with the same audit records. */
    assert_int_equal(import(bulk, "many.csv", 1, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.added, MANY_ROWS - 3);
    assert_int_equal(res.rejected, 3);
    tu_id(id, "341503", "19300101", 1);
    tu_person(&p, id, 1, 1, "先登记", "苏埠镇");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_int_equal(person_insert(rows, &p, &err), DPF_OK);
    person_clear(&p);
    assert_int_equal(import(rows, "many.csv", 1, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.added, MANY_ROWS - 3);

    assert_int_equal(tu_int(bulk, "SELECT count(*) FROM person"), MANY_ROWS - 3);
    assert_int_equal(tu_int(bulk, "SELECT count(*) FROM audit a JOIN person p "
                                  "ON p.id = a.entity_id AND a.entity = 'person' "
                                  "AND json_extract(a.after, '$.cert_no') = p.cert_no "
                                  "AND json_extract(a.after, '$.name') = p.name"),
                     MANY_ROWS - 3);
    snprintf(attach, sizeof attach, "ATTACH '%s' AS r", path("rows.db"));
    tu_int(bulk, attach);
    /* the rejects files' rows name different files (many.rejects.csv, -2.csv) */
    assert_int_equal(tu_int(bulk, "SELECT count(*) FROM (SELECT after FROM audit WHERE action "
                                  "<> 'disclose' EXCEPT SELECT after FROM r.audit)"), 0);
    assert_int_equal(tu_int(bulk, "SELECT (SELECT json_extract(after, '$.rows') FROM audit WHERE "
                                  "action = 'disclose') = (SELECT json_extract(after, '$.rows') "
                                  "FROM r.audit WHERE action = 'disclose')"), 1);
    assert_int_equal(tu_int(bulk, "SELECT count(*) FROM (SELECT name, id_no, category, level, "
                                  "gender, birth_date, phone, dibao FROM person EXCEPT "
                                  "SELECT name, id_no, category, level, gender, birth_date, "
                                  "phone, dibao FROM r.person)"), 0);
    assert_int_equal(tu_int(bulk, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                  "AND tbl_name = 'person' AND sql IS NOT NULL"), 8);
    db_close(bulk);
    db_close(rows);
}

static void update_keeps_missing_columns_and_audits(void **state)
{
    struct db *db = tu_db(tu_dir, "up.db");
    struct import_result res;
    struct dpf_err err;
    char buf[4096] = HEADER "\n", id[19];
    (void)state;
    add_row(buf, sizeof buf, 101, "张伟", "13805641234");
    add_row(buf, sizeof buf, 103, "王芳", "13805641235");
    write_file("u1.csv", buf, strlen(buf));
    assert_int_equal(import(db, "u1.csv", 0, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.added, 2);

    /* Only three columns: the name changes, the phone (absent) is kept. The register is no
     * longer empty, so this is the row-by-row path with lookups. */
    tu_id(id, "341503", "19650312", 101);
    snprintf(buf, sizeof buf, "残疾人证号,姓名,乡镇街道\n%s41,张卫,江家店镇\n%s41,张卫,江家店镇\n",
             id, id);
    write_file("u2.csv", buf, strlen(buf));
    assert_int_equal(import(db, "u2.csv", 1, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.updated, 1);
    assert_int_equal(res.rejected, 1);      /* the same ID twice */
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person WHERE name = '张卫' "
                                "AND phone = '13805641234'"), 1);
    assert_int_equal(tu_int(db, "SELECT json_extract(before, '$.name') = '张伟' AND "
                                "json_extract(after, '$.name') = '张卫' AND "
                                "json_extract(after, '$.phone') IS NULL FROM audit "
                                "WHERE action = 'update'"), 1);

    /* Importing the same again changes nothing. */
    snprintf(buf, sizeof buf, "残疾人证号,姓名,乡镇街道\n%s41,张卫,江家店镇\n", id);
    write_file("u3.csv", buf, strlen(buf));
    assert_int_equal(import(db, "u3.csv", 0, 0, TE_AUTO, &res, &err), DPF_OK);
    assert_int_equal(res.unchanged, 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'update'"), 1);
    db_close(db);
}

static void whole_file_errors(void **state)
{
    struct db *db = tu_db(tu_dir, "w.db");
    struct import_result res;
    struct dpf_err err;
    (void)state;
    write_file("h.csv", "残疾人证号,姓名,乡镇,备注\n", strlen("残疾人证号,姓名,乡镇,备注\n"));
    assert_int_equal(import(db, "h.csv", 0, 0, TE_AUTO, &res, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "乡镇"));
    write_file("r.csv", "姓名,乡镇街道\n张伟,苏埠镇\n", strlen("姓名,乡镇街道\n张伟,苏埠镇\n"));
    assert_int_equal(import(db, "r.csv", 0, 0, TE_AUTO, &res, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "残疾人证号"));
    write_file("e.csv", "", 0);
    assert_int_equal(import(db, "e.csv", 0, 0, TE_AUTO, &res, &err), DPF_EINVAL);
    write_file("n.csv", "a\0b", 3);
    assert_int_equal(import(db, "n.csv", 0, 0, TE_AUTO, &res, &err), DPF_EENCODING);
    assert_int_equal(import(db, "missing.csv", 0, 0, TE_AUTO, &res, &err), DPF_EIO);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 0);
    db_close(db);
}

static void template_is_the_header_row(void **state)
{
    struct dpf_err err;
    (void)state;
    assert_int_equal(import_template(NULL, "persons", path("t.csv"), 0, &err), DPF_OK);
    assert_string_equal(slurp("t.csv"), "\xEF\xBB\xBF" HEADER "\r\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_file_any_order_bom_crlf),
        cmocka_unit_test(gbk_detected_and_named),
        cmocka_unit_test(bad_row_writes_nothing_unless_partial),
        cmocka_unit_test(dry_run_writes_nothing),
        cmocka_unit_test(duplicate_id_in_file_names_both_lines),
        cmocka_unit_test(bulk_load_matches_row_by_row),
        cmocka_unit_test(update_keeps_missing_columns_and_audits),
        cmocka_unit_test(whole_file_errors),
        cmocka_unit_test(template_is_the_header_row),
    };
    return cmocka_run_group_tests_name("import", tests, tu_dir_setup, tu_dir_teardown);
}
