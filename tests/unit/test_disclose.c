/* SPDX-License-Identifier: MIT */
/* Issue 16, who sees full IDs: every disclosure leaves its audit row before the data leaves
 * (and a file whose row fails is removed), the audit log's values are masked, CSV text cells
 * are guarded against formula injection and come back unchanged, and text from the database
 * is made safe for a terminal. */
#include "testutil.h"
#include <sys/stat.h>
#include "dpf/audit.h"
#include "dpf/csv.h"
#include "dpf/export.h"
#include "dpf/import.h"
#include "dpf/text.h"

static const char *at(const char *name)
{
    return tu_at(tu_dir, name);
}

static int exists(const char *name)
{
    struct stat st;
    return lstat(at(name), &st) == 0;
}

/* A person whose free text begins the way a formula does. */
static int64_t add_hostile(struct db *db)
{
    struct person p;
    struct dpf_err err;
    char id[19];
    int64_t pid;

    tu_id(id, "341503", "19650312", 7);
    tu_person(&p, id, 1, 1, "张伟", "苏埠镇");
    person_set(&p, PF_ADDRESS, "=HYPERLINK(\"http://x.test\",\"点\")");
    person_set(&p, PF_NOTE, "-1+1");
    person_set(&p, PF_GUARDIAN, "@SUM(A1)");
    person_set(&p, PF_VILLAGE, "'+已有引号");
    person_set(&p, PF_BANK_ACCOUNT, "6228480000000000123");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(person_insert(db, &p, &err), DPF_OK);
    assert_int_equal(db_commit(db, &err), DPF_OK);
    pid = p.id;
    person_clear(&p);
    return pid;
}

static void text_safe_replaces_controls(void **state)
{
    char buf[64];
    const char *plain = "张伟 ok";
    (void)state;
    assert_ptr_equal(text_safe(plain, buf, sizeof buf), plain);   /* nothing copied */
    assert_string_equal(text_safe("a\x1b[2Kb", buf, sizeof buf), "a\xEF\xBF\xBD[2Kb");
    assert_string_equal(text_safe("1\n2\t3\r", buf, sizeof buf),
                        "1\xEF\xBF\xBD" "2\xEF\xBF\xBD" "3\xEF\xBF\xBD");
    assert_string_equal(text_safe("x\x7f", buf, sizeof buf), "x\xEF\xBF\xBD");
    /* C1 CSI as UTF-8 (U+009B), and as a lone byte 0x9B that some terminals obey */
    assert_string_equal(text_safe("\xC2\x9B" "1m", buf, sizeof buf), "\xEF\xBF\xBD" "1m");
    assert_string_equal(text_safe("\x9B" "1m", buf, sizeof buf), "\xEF\xBF\xBD" "1m");
    /* U+00A0 and Chinese are characters, kept whole */
    assert_string_equal(text_safe("\xC2\xA0镇\x1b", buf, sizeof buf), "\xC2\xA0镇\xEF\xBF\xBD");
    /* clipped at a character boundary, never inside one */
    assert_string_equal(text_safe("\x1b镇镇", buf, 8), "\xEF\xBF\xBD镇");
}

static char *write_cells(const char *const *cells, int n, int text)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc('|', f);
        (text ? csv_write_text : csv_write_field)(f, cells[i]);
    }
    fclose(f);
    return out;
}

static void formula_marked_and_unmarked(void **state)
{
    static const char *const in[] = { "=1+2", "+1", "-x", "@A1", "\tx", "\rx", "'=x", "''-y",
                                      "'plain", "plain", "a=b", "" };
    char *s;
    (void)state;
    s = write_cells(in, 12, 1);
    assert_string_equal(s, "'=1+2|'+1|'-x|'@A1|'\tx|\"'\rx\"|''=x|'''-y|'plain|plain|a=b|");
    free(s);
    /* amounts and dates are not text: -33.33 stays a number */
    s = write_cells((const char *const[]){ "-33.33", "2026-06-30" }, 2, 0);
    assert_string_equal(s, "-33.33|2026-06-30");
    free(s);
    for (int i = 0; i < 11; i++) {            /* "" is no record to read back */
        char buf[32];
        char *w = write_cells(&in[i], 1, 1);
        struct csv_reader r;
        struct csv_record rec;
        struct dpf_err err;
        csv_reader_init(&r, w, strlen(w));
        assert_int_equal(csv_next(&r, &rec, &err), 1);
        snprintf(buf, sizeof buf, "%s", csv_unmark(rec.fields[0]));
        assert_string_equal(buf, in[i]);        /* what was written comes back */
        csv_reader_free(&r);
        free(w);
    }
}

static void export_guards_formulas_and_round_trips(void **state)
{
    struct db *db = tu_db(tu_dir, "a.db"), *db2;
    struct import_opts o = { .encoding = TE_AUTO, .new_places = 1 };
    struct import_result res;
    struct dpf_err err;
    long rows;
    char *csv, *again;          /* copies: tu_slurp's buffer is reused */
    (void)state;
    add_hostile(db);
    assert_int_equal(export_persons(db, at("full.csv"), 0, 1, &rows, &err), DPF_OK);
    csv = strdup(tu_slurp(at("full.csv")));
    assert_non_null(strstr(csv, ",\"'=HYPERLINK("));
    assert_non_null(strstr(csv, ",'-1+1"));
    assert_non_null(strstr(csv, ",'@SUM(A1)"));
    assert_non_null(strstr(csv, ",''+已有引号"));
    assert_null(strstr(csv, ",="));
    assert_null(strstr(csv, ",@"));
    db2 = tu_db(tu_dir, "b.db");
    assert_int_equal(import_file(db2, "persons", at("full.csv"), &o, &res, &err), DPF_OK);
    assert_int_equal(res.added, 1);
    assert_int_equal(tu_int(db2, "SELECT count(*) FROM person WHERE address = "
                                 "'=HYPERLINK(\"http://x.test\",\"点\")' AND note = '-1+1' AND "
                                 "guardian = '@SUM(A1)' AND village = '''+已有引号'"), 1);
    assert_int_equal(export_persons(db2, at("again.csv"), 0, 1, &rows, &err), DPF_OK);
    again = tu_slurp(at("again.csv"));
    assert_string_equal(again, csv);            /* export, import, export: unchanged */
    free(csv);
    db_close(db2);
    db_close(db);
}

static void refuse_disclose(struct db *db)
{
    struct dpf_err err;
    assert_int_equal(db_exec(db, "CREATE TEMP TRIGGER no_disclose BEFORE INSERT ON main.audit "
                                 "WHEN NEW.action = 'disclose' BEGIN SELECT RAISE(ABORT, "
                                 "'refused'); END", &err), DPF_OK);
}

static void full_export_audited_before_it_is_in_place(void **state)
{
    struct db *db = tu_db(tu_dir, "a.db");
    struct dpf_err err;
    long rows;
    (void)state;
    add_hostile(db);
    db->origin = "export persons";
    assert_int_equal(export_persons(db, at("full.xlsx"), 0, 1, &rows, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'disclose' AND "
                                "entity = 'export' AND json_extract(after, '$.what') = 'persons' "
                                "AND json_extract(after, '$.rows') = 1 AND json_extract(after, "
                                "'$.command') = 'export persons' AND json_extract(after, "
                                "'$.file') LIKE '%/full.xlsx'"), 1);
    /* a masked export is an export, not a disclosure */
    assert_int_equal(export_persons(db, at("masked.csv"), 0, 0, &rows, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'export'"), 1);
    /* no audit row, no file: neither format leaves one, nor a temporary one */
    refuse_disclose(db);
    assert_int_not_equal(export_persons(db, at("f2.csv"), 0, 1, &rows, &err), DPF_OK);
    assert_int_not_equal(export_persons(db, at("f2.xlsx"), 0, 1, &rows, &err), DPF_OK);
    assert_false(exists("f2.csv"));
    assert_false(exists("f2.xlsx"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'disclose'"), 1);
    assert_int_equal(export_persons(db, at("masked2.csv"), 0, 0, &rows, &err), DPF_OK);
    db_close(db);
}

static void rejects_file_audited_or_removed(void **state)
{
    struct db *db = tu_db(tu_dir, "a.db");
    struct import_opts o = { .encoding = TE_AUTO, .partial = 1, .new_places = 1 };
    struct import_result res;
    struct dpf_err err;
    FILE *f = fopen(at("in.csv"), "w");
    (void)state;
    fputs("残疾人证号,姓名,乡镇街道\n123,=cmd|' /C calc'!A0,苏埠镇\n456,李强,苏埠镇\n", f);
    fclose(f);
    assert_int_equal(import_file(db, "persons", at("in.csv"), &o, &res, &err), DPF_OK);
    assert_int_equal(res.rejected, 2);
    assert_true(exists("in.rejects.csv"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'disclose' AND "
                                "json_extract(after, '$.what') = 'rejects' AND "
                                "json_extract(after, '$.rows') = 2 AND "
                                "json_extract(after, '$.file') LIKE '%/in.rejects.csv'"), 1);
    {
        const char *rej = tu_slurp(at("in.rejects.csv"));
        assert_non_null(strstr(rej, ",'=cmd|' /C calc'!A0,"));   /* guarded */
    }
    refuse_disclose(db);
    assert_int_not_equal(import_file(db, "persons", at("in.csv"), &o, &res, &err), DPF_OK);
    assert_false(exists("in.rejects-2.csv"));
    assert_string_equal(res.rejects, "");
    db_close(db);
}

static void audit_values_masked(void **state)
{
    struct db *db = tu_db(tu_dir, "a.db");
    struct dpf_err err;
    char *m;
    (void)state;
    m = audit_mask(db, "{\"cert_no\":\"34150319650312007X11\",\"name\":\"张伟\","
                       "\"bank_account\":\"6228480000000000123\",\"note\":\"34150319650312007X\"}",
                   &err);
    assert_non_null(m);
    assert_null(strstr(m, "34150319650312007X11"));
    assert_null(strstr(m, "6228480000000000123"));
    assert_non_null(strstr(m, "\"name\":\"张伟\""));
    assert_non_null(strstr(m, "\"cert_no\":\"341503********"));
    free(m);
    m = audit_mask(db, "not json", &err);       /* the log is shown as it is */
    assert_string_equal(m, "not json");
    free(m);
    assert_null(audit_mask(db, NULL, &err));
    db_close(db);
}

static int count_rows(const struct audit_row *r, void *ctx)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static void person_disclosure_in_log_not_in_history(void **state)
{
    struct db *db = tu_db(tu_dir, "a.db");
    struct dpf_err err;
    int64_t id = add_hostile(db);
    int n = 0;
    (void)state;
    db->origin = "person show";
    assert_int_equal(audit_disclose(db, "person", id, NULL, -1, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'disclose' AND "
                                "entity = 'person' AND json_extract(after, '$.command') = "
                                "'person show' AND json_extract(after, '$.file') IS NULL"), 1);
    assert_int_equal(audit_history(db, "person", id, count_rows, &n, &err), DPF_OK);
    assert_int_equal(n, 1);                     /* the insert: history is the changes */
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_safe_replaces_controls),
        cmocka_unit_test(formula_marked_and_unmarked),
        cmocka_unit_test_setup_teardown(export_guards_formulas_and_round_trips, tu_dir_setup,
                                        tu_dir_teardown),
        cmocka_unit_test_setup_teardown(full_export_audited_before_it_is_in_place, tu_dir_setup,
                                        tu_dir_teardown),
        cmocka_unit_test_setup_teardown(rejects_file_audited_or_removed, tu_dir_setup,
                                        tu_dir_teardown),
        cmocka_unit_test_setup_teardown(audit_values_masked, tu_dir_setup, tu_dir_teardown),
        cmocka_unit_test_setup_teardown(person_disclosure_in_log_not_in_history, tu_dir_setup,
                                        tu_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
