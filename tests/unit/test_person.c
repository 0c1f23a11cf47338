/* SPDX-License-Identifier: MIT */
/* The person record through the core: derivation and whole-record validation, insert with the
 * duplicate-ID refusal, lookups, updates and status changes with their audit rows, and
 * keyset paging. */
#include "testutil.h"
#include "dpf/audit.h"
#include "dpf/export.h"
#include "base/pinyin.h"

static void derives_from_certificate(void **state)
{
    struct person p;
    struct dpf_err err;
    char id[19];
    (void)state;
    tu_id(id, "341503", "19780720", 202);
    tu_person(&p, id, 2, 3, "李秀英", "苏埠镇");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_string_equal(person_get(&p, PF_GENDER), "2");
    assert_string_equal(person_get(&p, PF_BIRTH_DATE), "1978-07-20");
    assert_string_equal(person_get(&p, PF_CATEGORY), "2");
    assert_string_equal(person_get(&p, PF_LEVEL), "3");
    assert_string_equal(person_get(&p, PF_STATUS), "1");
    person_clear(&p);
}

static void refuses_disagreement(void **state)
{
    struct person p;
    struct dpf_err err;
    char id[19];
    (void)state;
    tu_id(id, "341503", "19780720", 202);
    tu_person(&p, id, 2, 3, "李秀英", "苏埠镇");
    person_set(&p, PF_GENDER, "1");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_string_equal(err.field, "gender");
    person_set(&p, PF_GENDER, NULL);
    person_set(&p, PF_BIRTH_DATE, "1978-07-21");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_string_equal(err.field, "birth_date");
    person_set(&p, PF_BIRTH_DATE, NULL);
    /* Category and level must be the certificate's digits; the message names both. */
    person_set(&p, PF_CATEGORY, "1");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_string_equal(err.field, "cert_no");
    assert_non_null(strstr(err.msg, "Category"));
    assert_non_null(strstr(err.msg, "听力"));
    assert_non_null(strstr(err.msg, "视力"));
    person_set(&p, PF_CATEGORY, NULL);
    person_set(&p, PF_LEVEL, "2");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_string_equal(err.field, "cert_no");
    assert_non_null(strstr(err.msg, "Level"));
    person_set(&p, PF_LEVEL, NULL);
    person_set(&p, PF_STATUS, "2");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_string_equal(err.field, "status_date");
    person_set(&p, PF_STATUS_DATE, "2026-07-01");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "future"));
    person_set(&p, PF_STATUS_DATE, "1970-01-01");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "before the date of birth"));
    person_set(&p, PF_STATUS_DATE, "2026-05-20");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    person_set(&p, PF_TOWNSHIP, NULL);
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_EINVAL);
    assert_string_equal(err.field, "township");
    person_clear(&p);
}

static int64_t add(struct db *db, const char *birth8, int seq, int cat, int lvl,
                   const char *name, const char *township)
{
    struct person p;
    char id[19];
    tu_id(id, "341503", birth8, seq);
    tu_person(&p, id, cat, lvl, name, township);
    return tu_insert(db, &p);
}

static void insert_find_and_duplicate(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "p.db");
    struct person p, q;
    struct dpf_err err;
    char id[19], cert[32];
    (void)state;
    add(db, "19491231", 9, 4, 1, "张伟", "江家店镇");     /* ID ends in X */
    tu_id(id, "341503", "19491231", 9);
    assert_int_equal(id[17], 'X');
    person_init(&q);
    assert_int_equal(person_find(db, id, &q, &err), DPF_OK);
    assert_string_equal(person_get(&q, PF_NAME), "张伟");
    id[17] = 'x';
    assert_int_equal(person_find(db, id, &q, &err), DPF_OK);
    snprintf(cert, sizeof cert, "%.17sx41", id);
    assert_int_equal(person_find(db, cert, &q, &err), DPF_OK);
    snprintf(cert, sizeof cert, "%.17sX42", id);
    assert_int_equal(person_find(db, cert, &q, &err), DPF_ENOTFOUND);
    /* A second person with the same ID (another certificate) is refused, naming the holder. */
    tu_id(id, "341503", "19491231", 9);
    tu_person(&p, id, 4, 2, "张伟伟", "苏埠镇");
    assert_int_equal(person_validate(&p, TU_TODAY, &err), DPF_OK);
    assert_int_equal(person_insert(db, &p, &err), DPF_EDUP);
    assert_non_null(strstr(err.msg, "张伟"));
    assert_non_null(strstr(err.msg, "41"));
    assert_int_equal(tu_int(db, "SELECT count(*) FROM person"), 1);
    person_clear(&p);
    person_clear(&q);
    db_close(db);
    tu_rmdir(dir);
}

static void update_audits_only_changes(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "p.db");
    struct person p;
    struct dpf_err err;
    int changed;
    int64_t id = add(db, "19780720", 202, 2, 2, "李秀英", "苏埠镇");
    (void)state;
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'insert'"), 1);
    assert_int_equal(tu_int(db, "SELECT json_extract(after, '$.name') = '李秀英' FROM audit"), 1);
    person_init(&p);
    assert_int_equal(person_load(db, id, &p, &err), DPF_OK);
    person_set(&p, PF_PHONE, "13712345678");
    person_set(&p, PF_DIBAO, "1");
    assert_int_equal(person_update(db, &p, &changed, &err), DPF_OK);
    assert_int_equal(changed, 1);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'update'"), 1);
    assert_int_equal(tu_int(db, "SELECT (SELECT count(*) FROM json_each(after)) FROM audit "
                                "WHERE action = 'update'"), 2);
    assert_int_equal(tu_int(db, "SELECT json_extract(before, '$.phone') IS NULL AND "
                                "json_extract(after, '$.phone') = '13712345678' AND "
                                "json_extract(before, '$.dibao') = '0' AND user <> '' AND "
                                "at = '" TU_NOW "' FROM audit WHERE action = 'update'"), 1);
    /* Saving the same values again changes nothing and writes no audit row. */
    assert_int_equal(person_update(db, &p, &changed, &err), DPF_OK);
    assert_int_equal(changed, 0);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit"), 2);
    person_clear(&p);
    db_close(db);
    tu_rmdir(dir);
}

struct seen { int n; char actions[8][16]; };

static int collect(const struct audit_row *r, void *ctx)
{
    struct seen *s = ctx;
    snprintf(s->actions[s->n++], 16, "%s", r->action);
    return 0;
}

static void status_change_and_history(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "p.db");
    struct person p;
    struct dpf_err err;
    struct seen s = { 0 };
    int64_t id = add(db, "19400815", 404, 1, 4, "赵桂英", "城南镇");
    (void)state;
    assert_int_equal(person_set_status(db, id, PS_DECEASED, NULL, "病故", &err), DPF_EINVAL);
    assert_string_equal(err.field, "status_date");
    assert_int_equal(person_set_status(db, id, PS_DECEASED, "2026-03-02", "病故", &err), DPF_OK);
    person_init(&p);
    assert_int_equal(person_load(db, id, &p, &err), DPF_OK);
    assert_string_equal(person_get(&p, PF_STATUS), "2");
    assert_string_equal(person_get(&p, PF_STATUS_DATE), "2026-03-02");
    assert_int_equal(person_set_status(db, id, PS_ACTIVE, "2026-04-01", "误报", &err), DPF_OK);
    assert_int_equal(audit_history(db, "person", id, collect, &s, &err), DPF_OK);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.actions[0], "insert");
    assert_string_equal(s.actions[1], "status");
    assert_string_equal(s.actions[2], "status");
    assert_int_equal(tu_int(db, "SELECT json_extract(before, '$.status') = '1' AND "
                                "json_extract(after, '$.status') = '2' FROM audit "
                                "WHERE action = 'status' ORDER BY id LIMIT 1"), 1);
    assert_int_equal(person_set_status(db, 999, PS_DECEASED, "2026-03-02", NULL, &err),
                     DPF_ENOTFOUND);
    person_clear(&p);
    db_close(db);
    tu_rmdir(dir);
}

struct page_seen { int n; char last[PINYIN_KEY_CAP]; int64_t last_id; int ordered; };

/* Pages come in the order of the names' pinyin keys (base/pinyin.h), then ids. */
static int check_order(const struct person *p, void *ctx)
{
    struct page_seen *s = ctx;
    struct pinyin_name k;
    int c;

    pinyin_name(person_get(p, PF_NAME), &k);
    c = strcmp(s->last, k.key);
    if (s->n && (c > 0 || (c == 0 && p->id <= s->last_id)))
        s->ordered = 0;
    snprintf(s->last, sizeof s->last, "%s", k.key);
    s->last_id = p->id;
    s->n++;
    return 0;
}

static void keyset_paging(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "p.db");
    static const char *const names[] = { "王芳", "王伟", "李强", "张伟", "王芳" };
    struct person_cursor cur = { 0 };
    struct page_seen s = { .ordered = 1 };
    struct dpf_err err;
    int rows, pages = 0;
    (void)state;
    for (int i = 0; i < 30; i++)
        add(db, "19800101", 2 * i + 1, 4, 1 + i % 4, names[i % 5], i % 3 ? "苏埠镇" : "新安镇");
    struct person_filter all = { 0 };
    do {
        assert_int_equal(person_page(db, &all, &cur, 7, check_order, &s, &rows, &err), DPF_OK);
        pages++;
    } while (rows == 7);
    assert_int_equal(s.n, 30);
    assert_int_equal(pages, 5);
    assert_true(s.ordered);
    person_cursor_free(&cur);

    struct person_filter wang = { .query = "王" };
    memset(&s, 0, sizeof s);
    s.ordered = 1;
    assert_int_equal(person_page(db, &wang, &cur, 100, check_order, &s, &rows, &err), DPF_OK);
    assert_int_equal(rows, 18);
    person_cursor_free(&cur);

    struct person_filter town = { .query = "王芳", .township = "新安镇" };
    memset(&s, 0, sizeof s);
    assert_int_equal(person_page(db, &town, &cur, 100, check_order, &s, &rows, &err), DPF_OK);
    assert_int_equal(rows, (int)tu_int(db, "SELECT count(*) FROM person WHERE name = '王芳' "
                                           "AND township = '新安镇'"));
    assert_true(rows > 0);
    person_cursor_free(&cur);

    struct person_filter lvl = { .category = 4, .level = 2 };
    assert_int_equal(person_page(db, &lvl, &cur, 100, NULL, NULL, &rows, &err), DPF_OK);
    assert_int_equal(rows, tu_int(db, "SELECT count(*) FROM person WHERE level = 2"));
    person_cursor_free(&cur);
    db_close(db);
    tu_rmdir(dir);
}

struct numbers_seen { int field, n; char keys[40][24]; };

static int note_number(const struct person *p, void *ctx)
{
    struct numbers_seen *s = ctx;
    snprintf(s->keys[s->n++], sizeof s->keys[0], "%s", person_get(p, s->field));
    return 0;
}

/* Digits search resident IDs, certificate numbers and phones by prefix, in number order,
 * page after page. */
static void search_by_number(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "n.db");
    struct person_cursor cur = { 0 };
    struct numbers_seen s = { .field = PF_CERT_NO };
    struct dpf_err err;
    char cert[24];
    int rows;
    (void)state;
    for (int i = 0; i < 12; i++) {
        int64_t id = add(db, i < 6 ? "19800101" : "19810101", 2 * i + 1, 4, 2, "赵", "苏埠镇");
        char phone[16], sql[120];
        snprintf(phone, sizeof phone, "138056400%02d", 40 - i);
        snprintf(sql, sizeof sql, "UPDATE person SET phone = '%s' WHERE id = %lld", phone,
                 (long long)id);
        tu_int(db, sql);
    }
    struct person_filter born80 = { .query = "34150319800" };
    assert_int_equal(person_page(db, &born80, &cur, 4, note_number, &s, &rows, &err), DPF_OK);
    assert_int_equal(rows, 4);
    assert_int_equal(person_page(db, &born80, &cur, 4, note_number, &s, &rows, &err), DPF_OK);
    assert_int_equal(rows, 2);
    for (int i = 1; i < s.n; i++)
        assert_true(strcmp(s.keys[i - 1], s.keys[i]) < 0);
    person_cursor_free(&cur);

    /* A phone prefix: all twelve, sorted by phone (the reverse of insertion). */
    struct person_filter phone = { .query = "1380564" };
    memset(&s, 0, sizeof s);
    s.field = PF_PHONE;
    assert_int_equal(person_page(db, &phone, &cur, 20, note_number, &s, &rows, &err), DPF_OK);
    assert_int_equal(rows, 12);
    assert_string_equal(s.keys[0], "13805640029");
    person_cursor_free(&cur);

    /* A whole certificate number finds its one person (the 8th added: seq 15, born 1981). */
    char id[19];
    tu_id(id, "341503", "19810101", 15);
    snprintf(cert, sizeof cert, "%s42", id);
    struct person_filter one = { .query = cert };
    assert_int_equal(person_page(db, &one, &cur, 20, NULL, NULL, &rows, &err), DPF_OK);
    assert_int_equal(rows, 1);
    person_cursor_free(&cur);
    db_close(db);
    tu_rmdir(dir);
}

/* The counts a long export tells the screen, for each file format; none once unset. */
struct told {
    long rows[8];
    int n;
};

static void tell(void *ctx, long rows)
{
    struct told *t = ctx;
    if (t->n < 8)
        t->rows[t->n++] = rows;
}

static void export_tells_progress(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "p.db");
    static const char *const files[] = { "all.csv", "all.xlsx" };
    struct dpf_err err;
    char path[256];
    long rows;
    (void)state;
    for (int i = 0; i < 7; i++)
        add(db, "19800101", 2 * i + 1, 4, 1, "王芳", "苏埠镇");
    for (int f = 0; f < 2; f++) {
        struct told t = { .n = 0 };
        export_on_progress(tell, &t, 3);
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        assert_int_equal(export_persons(db, path, 0, 0, &rows, &err), DPF_OK);
        assert_int_equal(rows, 7);
        assert_int_equal(t.n, 2);               /* after 3 and 6 rows, not for the header */
        assert_int_equal(t.rows[0], 3);
        assert_int_equal(t.rows[1], 6);
    }
    {
        struct told t = { .n = 0 };
        export_on_progress(tell, &t, 3);
        export_on_progress(NULL, NULL, 0);
        snprintf(path, sizeof path, "%s/none.csv", dir);
        assert_int_equal(export_persons(db, path, 0, 0, &rows, &err), DPF_OK);
        assert_int_equal(t.n, 0);
    }
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(derives_from_certificate),
        cmocka_unit_test(refuses_disagreement),
        cmocka_unit_test(insert_find_and_duplicate),
        cmocka_unit_test(update_audits_only_changes),
        cmocka_unit_test(status_change_and_history),
        cmocka_unit_test(keyset_paging),
        cmocka_unit_test(search_by_number),
        cmocka_unit_test(export_tells_progress),
    };
    return cmocka_run_group_tests_name("person", tests, NULL, NULL);
}
