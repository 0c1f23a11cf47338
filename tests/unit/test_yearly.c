/* SPDX-License-Identifier: MIT */
/* The yearly needs-and-services update: verification, write-off of the deceased (status and
 * audit), refusals, and the per-township counts; also dpf check and the display-width
 * helpers used by every table. */
#include <locale.h>
#include "testutil.h"
#include "dpf/check.h"
#include "dpf/text.h"
#include "dpf/yearly.h"

static int64_t add(struct db *db, int seq, const char *township)
{
    struct person p;
    char id[19];
    tu_id(id, "341503", "19600101", seq);
    tu_person(&p, id, 4, 2, "测试", township);
    person_set(&p, PF_CERT_ISSUE_DATE, "2015-01-01");
    return tu_insert(db, &p);
}

struct counts { struct yearly_count town[4], total; char names[4][32]; int n; };

static int keep(const struct yearly_count *c, void *ctx)
{
    struct counts *k = ctx;
    /* township is only valid during the call: keep a copy. */
    if (c->township) {
        snprintf(k->names[k->n], sizeof k->names[0], "%s", c->township);
        k->town[k->n++] = *c;
    } else
        k->total = *c;
    return 0;
}

static void record_write_off_and_count(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "y.db");
    struct dpf_err err;
    struct person p;
    struct counts k = { 0 };
    int64_t a = add(db, 1, "苏埠镇"), b = add(db, 3, "苏埠镇"), c = add(db, 5, "新安镇");
    (void)state;
    add(db, 7, "新安镇");  /* never contacted: pending */
    assert_int_equal(yearly_record(db, a, 2026, YC_HOME, YO_VERIFIED, "2026-03-05", NULL, &err),
                     DPF_OK);
    assert_int_equal(yearly_record(db, b, 2026, YC_PHONE, YO_VERIFIED, "2026-03-06", NULL, &err),
                     DPF_OK);
    /* Recording again corrects the year's row instead of adding one. */
    assert_int_equal(yearly_record(db, b, 2026, YC_FACE, YO_VERIFIED, "2026-03-07", "复核", &err),
                     DPF_OK);
    assert_int_equal(yearly_record(db, c, 2026, YC_LOST, YO_DECEASED, "2026-05-20", NULL, &err),
                     DPF_OK);
    person_init(&p);
    assert_int_equal(person_load(db, c, &p, &err), DPF_OK);
    assert_string_equal(person_get(&p, PF_STATUS), "2");
    assert_string_equal(person_get(&p, PF_STATUS_DATE), "2026-05-20");
    assert_string_equal(person_get(&p, PF_STATUS_REASON), "年度动态更新核销");
    person_clear(&p);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE entity_id = 3 AND "
                                "action IN ('status', 'yearly_update')"), 2);
    /* A person found deceased cannot be verified later that year. */
    assert_int_equal(yearly_record(db, c, 2026, YC_HOME, YO_VERIFIED, "2026-06-01", NULL, &err),
                     DPF_EINVAL);
    assert_int_equal(yearly_record(db, a, 2027, YC_HOME, YO_VERIFIED, "2027-01-01", NULL, &err),
                     DPF_EINVAL);
    assert_int_equal(yearly_record(db, a, 2026, YC_HOME, YO_VERIFIED, "2025-12-31", NULL, &err),
                     DPF_EINVAL);
    assert_int_equal(yearly_record(db, a, 2026, 9, YO_VERIFIED, "2026-03-05", NULL, &err),
                     DPF_EINVAL);
    assert_int_equal(yearly_record(db, 99, 2026, YC_HOME, YO_VERIFIED, "2026-03-05", NULL, &err),
                     DPF_ENOTFOUND);

    assert_int_equal(yearly_summary(db, 2026, keep, &k, &err), DPF_OK);
    assert_int_equal(k.n, 2);
    assert_string_equal(k.names[0], "新安镇");
    assert_int_equal(k.town[0].holders, 2);
    assert_int_equal(k.town[0].deceased, 1);
    assert_int_equal(k.town[0].pending, 1);
    assert_int_equal(k.town[1].holders, 2);
    assert_int_equal(k.town[1].verified, 2);
    assert_int_equal(k.total.holders, 4);
    assert_int_equal(k.total.by_contact[YC_FACE], 1);
    assert_int_equal(k.total.by_contact[YC_HOME], 1);
    assert_int_equal(k.total.by_contact[YC_PHONE], 0);
    assert_int_equal(k.total.by_contact[YC_LOST], 1);
    assert_int_equal(k.total.verified + k.total.deceased + k.total.pending, k.total.holders);
    /* Next year the deceased person is no longer a holder. */
    memset(&k, 0, sizeof k);
    setenv("DPF_NOW", "2027-02-01 09:00:00", 1);
    db_set_now(db);
    assert_int_equal(yearly_summary(db, 2027, keep, &k, &err), DPF_OK);
    assert_int_equal(k.total.holders, 3);
    assert_int_equal(yearly_contact_parse("面对面"), YC_FACE);
    assert_int_equal(yearly_contact_parse("4"), YC_LOST);
    assert_int_equal(yearly_contact_parse("上门"), -1);
    db_close(db);
    tu_rmdir(dir);
}

static void problem(const char *what, const char *msg, void *ctx)
{
    (void)what;
    (void)msg;
    (*(int *)ctx)++;
}

static void check_finds_damage(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "c.db");
    struct dpf_err err;
    long problems;
    int calls = 0;
    (void)state;
    add(db, 1, "苏埠镇");
    add(db, 3, "苏埠镇");
    assert_int_equal(check_database(db, problem, &calls, &problems, &err), DPF_OK);
    assert_int_equal(problems, 0);
    assert_int_equal(sqlite3_exec(db->h, "UPDATE person SET gender = 2 WHERE id = 1", NULL, NULL,
                                  NULL), SQLITE_OK);
    assert_int_equal(check_database(db, problem, &calls, &problems, &err), DPF_OK);
    assert_int_equal(problems, 1);
    assert_int_equal(calls, 1);
    db_close(db);
    tu_rmdir(dir);
}

static void text_width_and_fit(void **state)
{
    char buf[64];
    (void)state;
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("残疾人"), 6);
    assert_int_equal(text_width("A残"), 3);
    assert_string_equal(text_fit(buf, sizeof buf, "残疾人", 8, 0), "残疾人  ");
    assert_string_equal(text_fit(buf, sizeof buf, "残疾人", 8, 1), "  残疾人");
    /* Never cut a character in half: 5 cells hold two CJK characters and a space. */
    assert_string_equal(text_fit(buf, sizeof buf, "残疾人证", 5, 0), "残疾 ");
    assert_string_equal(text_fit(buf, 4, "abcdef", 6, 0), "abc");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(record_write_off_and_count),
        cmocka_unit_test(check_finds_damage),
        cmocka_unit_test(text_width_and_fit),
    };
    return cmocka_run_group_tests_name("yearly", tests, NULL, NULL);
}
