/* SPDX-License-Identifier: MIT */
/* Subsidy building blocks: money in fen and months, the new field types, each reason a rule
 * can give, and the enrolment steps with their refusals. */
#include <limits.h>
#include "subsidy_fixture.h"
#include "dpf/money.h"

static void money_and_months(void **state)
{
    char buf[32];
    int64_t fen, sum = 0;
    (void)state;
    assert_int_equal(money_parse("60", &fen), 0);
    assert_int_equal(fen, 6000);
    assert_int_equal(money_parse("60.5", &fen), 0);
    assert_int_equal(fen, 6050);
    assert_int_equal(money_parse("1,500.05元", &fen), 0);
    assert_int_equal(fen, 150005);
    assert_int_equal(money_parse("0.01", &fen), 0);
    assert_int_equal(fen, 1);
    const char *bad[] = { "", "-5", "1.234", "1,50", "12,3456", "abc", "1.", ".5", "1e3",
                          "60 元", "999999999999", NULL };
    for (int i = 0; bad[i]; i++)
        assert_int_equal(money_parse(bad[i], &fen), -1);
    assert_string_equal(money_format(123456789, 1, buf, sizeof buf), "1,234,567.89");
    assert_string_equal(money_format(-6000, 0, buf, sizeof buf), "-60.00");
    assert_string_equal(money_format(5, 1, buf, sizeof buf), "0.05");
    /* A yearly amount paid monthly adds up to the year, to the fen. */
    for (int m = 1; m <= 12; m++)
        sum += money_month_share(80000, m);
    assert_int_equal(sum, 80000);
    assert_int_equal(money_month_share(80000, 1), 6667);
    assert_int_equal(money_month_share(80000, 2), 6666);
    sum = 0;
    for (int m = 1; m <= 12; m++)
        sum += money_month_share(40001, m);
    assert_int_equal(sum, 40001);

    assert_int_equal(month_parse("2017-11"), 2017 * 12 + 10);
    assert_int_equal(month_parse("2017/1"), 2017 * 12);
    assert_int_equal(month_parse("201712"), 2017 * 12 + 11);
    assert_int_equal(month_parse("2017年3月"), 2017 * 12 + 2);
    assert_int_equal(month_parse("2017-13"), -1);
    assert_int_equal(month_parse("17-01"), -1);
    assert_int_equal(month_parse("2017-01-05"), -1);
    assert_string_equal(month_format(month_parse("2017/3"), buf), "2017-03");
    assert_int_equal(month_of_date("2017-12-31"), 2017 * 12 + 11);
}

static void field_types(void **state)
{
    struct dpf_err err;
    char *v = NULL, buf[64];
    (void)state;
    assert_int_equal(field_parse(&rule_fields[RF_LEVELS], "一级、二级", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "12");
    assert_string_equal(field_format(&rule_fields[RF_LEVELS], v, 0, buf, sizeof buf), "一级、二级");
    free(v);
    assert_int_equal(field_parse(&rule_fields[RF_LEVELS], "3,1", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "13");
    free(v);
    assert_int_equal(field_parse(&rule_fields[RF_CATEGORIES], "全部", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "1234567");
    assert_string_equal(field_format(&rule_fields[RF_CATEGORIES], v, 0, buf, sizeof buf), "全部");
    free(v);
    assert_int_equal(field_parse(&rule_fields[RF_LEVELS], "五级", NULL, &v, &err), DPF_EINVAL);
    assert_int_equal(field_parse(&rule_fields[RF_LEVELS], "5", NULL, &v, &err), DPF_EINVAL);
    assert_int_equal(field_parse(&rule_fields[RF_AMOUNT1], "1,500", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "150000");
    assert_string_equal(field_format(&rule_fields[RF_AMOUNT1], v, 0, buf, sizeof buf), "1,500.00");
    free(v);
    assert_int_equal(field_parse(&rule_fields[RF_AMOUNT1], "六十", NULL, &v, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "六十"));
    assert_int_equal(field_parse(&rule_fields[RF_VALID_FROM], "2017年7月", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "2017-07");
    free(v);
    assert_int_equal(field_parse(&rule_fields[RF_MAX_AGE], "6", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "6");
    free(v);
    assert_int_equal(field_parse(&rule_fields[RF_MAX_AGE], "-6", NULL, &v, &err), DPF_EINVAL);
    /* A choice with more than nine names takes its two-digit code too. */
    assert_int_equal(field_parse(&enrol_fields[EF_REASON], "13", NULL, &v, &err), DPF_OK);
    assert_string_equal(v, "13");
    free(v);
    assert_int_equal(field_parse(&enrol_fields[EF_REASON], "18", NULL, &v, &err), DPF_EINVAL);
}

/* The nursing rule of the seeds: levels 1-2, optionally level 3 intellectual/mental. */
static void rule_reasons(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "r.db");
    struct programme_set ps;
    struct dpf_err err;
    struct rule_verdict v;
    const struct rule *nursing, *living;
    int june = month_parse("2026-06");
    (void)state;

    assert_int_equal(programme_load_all(db, &ps, &err), DPF_OK);
    assert_int_equal(ps.cert_valid_years, 10);
    nursing = programme_rule_at(programme_find(&ps, "nursing"), june);
    living = programme_rule_at(programme_find(&ps, "困难残疾人生活补贴"), june);
    assert_non_null(nursing);
    assert_non_null(living);
    assert_null(programme_rule_at(programme_find(&ps, "nursing"), month_parse("2016-12")));

    struct rule_person ok = { 1, 4, 1, 0, 0, 0, NULL, "1960-01-01", "2020-01-01" };
    struct rule_person p = ok;
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, 0);
    assert_int_equal(v.last_month, INT_MAX);

    /* Death: paid for the month of death, stopped from the next. */
    p.status = PS_DECEASED;
    p.status_date = "2026-04-15";
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_DECEASED);
    assert_int_equal(v.last_month, month_parse("2026-04"));
    assert_string_equal(v.date, "2026-04-15");
    p.status_date = "2026-06-15";       /* in the month judged: still entitled in it */
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_DECEASED);
    assert_int_equal(v.last_month, june);
    p.status = PS_MOVED;
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_MOVED);
    p.status = PS_CANCELLED;
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_CANCELLED);

    /* The certificate expires ten years after issue. */
    p = ok;
    p.cert_issue_date = "2016-03-10";
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_EXPIRED);
    assert_int_equal(v.last_month, month_parse("2026-03"));
    assert_string_equal(v.date, "2026-03-10");
    rule_check(nursing, &p, june, 0, &v);   /* no expiry set */
    assert_int_equal(v.reason, 0);

    /* Level 3 mental: only with the switch. Reasons without a date stop from the month. */
    p = ok;
    p.category = 6;
    p.level = 3;
    rule_check(nursing, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_CATEGORY_LEVEL);
    assert_int_equal(v.last_month, june - 1);
    {
        struct rule sw = *nursing;
        sw.im_levels = 1u << 3;
        rule_check(&sw, &p, june, 10, &v);
        assert_int_equal(v.reason, 0);
        p.category = 4;                 /* physical level 3: the switch does not apply */
        rule_check(&sw, &p, june, 10, &v);
        assert_int_equal(v.reason, ER_CATEGORY_LEVEL);
    }

    /* The living subsidy: 低保 or 建档立卡, not in 特困 support. */
    p = ok;
    rule_check(living, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_POVERTY);
    p.dibao = 1;
    rule_check(living, &p, june, 10, &v);
    assert_int_equal(v.reason, 0);
    p.dibao = 0;
    p.poor_reg = 1;
    rule_check(living, &p, june, 10, &v);
    assert_int_equal(v.reason, 0);
    p.tekun = 1;
    rule_check(living, &p, june, 10, &v);
    assert_int_equal(v.reason, ER_TEKUN);
    rule_check(nursing, &p, june, 10, &v);  /* 特困 does not matter for nursing */
    assert_int_equal(v.reason, 0);

    /* Age limits: a children's programme for ages 0-6. */
    {
        struct rule kids = *nursing;
        kids.min_age = 0;
        kids.max_age = 6;
        p = ok;
        p.birth_date = "2019-03-01";    /* 7 on 2026-03-01: paid through March */
        rule_check(&kids, &p, june, 10, &v);
        assert_int_equal(v.reason, ER_AGE);
        assert_int_equal(v.last_month, month_parse("2026-03"));
        p.birth_date = "2020-01-01";
        rule_check(&kids, &p, june, 10, &v);
        assert_int_equal(v.reason, 0);
        kids.min_age = 18;
        rule_check(&kids, &p, june, 10, &v);
        assert_int_equal(v.reason, ER_AGE);
        assert_int_equal(v.last_month, june - 1);
    }
    assert_int_equal(rule_month_amount(living, 1, month_parse("2026-01")), 6667);
    assert_int_equal(rule_month_amount(living, 3, month_parse("2026-01")), 3333);
    assert_int_equal(rule_month_amount(nursing, 2, june), 6000);
    programme_set_free(&ps);
    db_close(db);
    tu_rmdir(dir);
}

struct steps { int n; char programme[64]; int step; };

static int count_enrolments(const struct enrolment *e, void *ctx)
{
    struct steps *s = ctx;
    if (s->n++ == 0)
        s->step = e->step;
    return 0;
}

static void enrolment_steps(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "e.db");
    struct dpf_err err;
    struct enrolment e;
    struct steps s = { 0 };
    int64_t id, other;
    int64_t a = sf_add(db, &(struct sf_person){ 1, 4, 1, "新安镇", "甲", 0, 0, "6217000000000001", NULL, NULL });
    int64_t b = sf_add(db, &(struct sf_person){ 3, 4, 3, "新安镇", "乙", 0, 0, "6217000000000003", NULL, NULL });
    (void)state;

    assert_int_equal(enrol_apply(db, NURSING, a, "2026-02-03", "本人申请", &id, &err), DPF_OK);
    assert_int_equal(enrol_load(db, id, &e, &err), DPF_OK);
    assert_int_equal(e.step, ES_APPLIED);
    assert_int_equal(e.start_month, month_parse("2026-02"));
    /* One open application per programme. */
    assert_int_equal(enrol_apply(db, NURSING, a, "2026-02-04", NULL, &other, &err), DPF_EDUP);
    assert_non_null(strstr(err.msg, "甲"));
    /* A step cannot be dated before the one before it, nor in the future. */
    assert_int_equal(enrol_advance(db, id, "2026-02-01", &err), DPF_EINVAL);
    assert_int_equal(enrol_advance(db, id, "2026-07-01", &err), DPF_EINVAL);
    assert_int_equal(enrol_advance(db, id, "2026-02-10", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-02-20", &err), DPF_OK);
    assert_int_equal(enrol_stop(db, id, ER_WITHDRAWN, month_parse("2026-05"), NULL, &err),
                     DPF_EINVAL);      /* not approved yet */
    assert_int_equal(enrol_advance(db, id, "2026-03-01", &err), DPF_OK);
    assert_int_equal(enrol_load(db, id, &e, &err), DPF_OK);
    assert_int_equal(e.step, ES_APPROVED);
    assert_string_equal(e.checked_on, "2026-02-10");
    assert_string_equal(e.reviewed_on, "2026-02-20");
    assert_string_equal(e.approved_on, "2026-03-01");
    assert_string_equal(e.approved_by, db->user);
    assert_int_equal(enrol_advance(db, id, "2026-03-02", &err), DPF_EINVAL);
    assert_int_equal(enrol_refuse(db, id, "2026-03-02", "不符合", &err), DPF_EINVAL);
    /* A stop cannot start before payment did. */
    assert_int_equal(enrol_stop(db, id, ER_WITHDRAWN, month_parse("2026-01"), NULL, &err),
                     DPF_EINVAL);
    assert_int_equal(enrol_stop(db, id, 99, month_parse("2026-05"), NULL, &err), DPF_EINVAL);
    assert_int_equal(enrol_stop(db, id, ER_WITHDRAWN, month_parse("2026-05"), "本人书面申请",
                                &err), DPF_OK);
    assert_int_equal(enrol_load(db, id, &e, &err), DPF_OK);
    assert_int_equal(e.step, ES_STOPPED);
    assert_int_equal(e.stop_month, month_parse("2026-05"));
    assert_int_equal(e.reason, ER_WITHDRAWN);
    /* Stopped, the person may apply again. */
    assert_int_equal(enrol_apply(db, NURSING, a, "2026-06-01", NULL, &other, &err), DPF_OK);

    /* Approval checks the rule: level 3 physical does not qualify for nursing. */
    assert_int_equal(enrol_apply(db, NURSING, b, "2026-02-03", NULL, &id, &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-02-03", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-02-03", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-02-04", &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "类别或等级不符"));
    assert_int_equal(enrol_refuse(db, id, "2026-02-04", "", &err), DPF_EINVAL);
    assert_int_equal(enrol_refuse(db, id, "2026-02-04", "残疾等级不符合", &err), DPF_OK);
    assert_int_equal(enrol_load(db, id, &e, &err), DPF_OK);
    assert_int_equal(e.step, ES_REFUSED);
    assert_string_equal(e.reason_note, "残疾等级不符合");
    assert_int_equal(enrol_of_person(db, a, count_enrolments, &s, &err), DPF_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.step, ES_APPLIED);       /* newest first */
    /* A deceased person cannot apply; every step is in the person's history. */
    assert_int_equal(person_set_status(db, b, PS_DECEASED, "2026-03-01", "病故", &err), DPF_OK);
    assert_int_equal(enrol_apply(db, LIVING, b, "2026-03-05", NULL, &id, &err), DPF_EINVAL);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE entity = 'person' AND "
                                "entity_id = 1 AND action LIKE 'subsidy_%'"), 6);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE action = 'subsidy_stop' AND "
                                "after LIKE '%本人申请退出%' AND after LIKE '%2026-05%'"), 1);
    db_close(db);
    tu_rmdir(dir);
}

/* A manager's rule change: from a month not yet approved, audited; never into a locked one. */
static void rule_edit_and_lock(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "g.db");
    struct programme_set ps;
    struct dpf_err err;
    char *v[RULE_NFIELDS] = { 0 };
    const struct programme *nursing;
    (void)state;

    assert_int_equal(programme_load_all(db, &ps, &err), DPF_OK);
    nursing = programme_find(&ps, "nursing");
    for (int i = 0; i < RULE_NFIELDS; i++)
        v[i] = nursing->rules[0].v[i];
    v[RF_VALID_FROM] = "2026-04";
    v[RF_IM_LEVELS] = "3";
    v[RF_AMOUNT1] = v[RF_AMOUNT2] = v[RF_AMOUNT3] = "8000";
    assert_int_equal(programme_rule_save(db, nursing->id, v, NULL, &err), DPF_OK);
    /* Saving the same values again changes nothing and writes no audit row. */
    assert_int_equal(programme_rule_save(db, nursing->id, v, NULL, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE entity = 'programme'"), 1);
    v[RF_NOTE] = "提标";
    assert_int_equal(programme_rule_save(db, nursing->id, v, NULL, &err), DPF_OK);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE entity = 'programme' AND "
                                "action = 'rule_update' AND after = '{\"note\":\"提标\"}'"), 1);
    v[RF_LEVELS] = NULL;
    assert_int_equal(programme_rule_save(db, nursing->id, v, NULL, &err), DPF_EINVAL);
    assert_string_equal(err.field, "levels");
    v[RF_LEVELS] = "12";
    v[RF_MIN_AGE] = "10";
    v[RF_MAX_AGE] = "6";
    assert_int_equal(programme_rule_save(db, nursing->id, v, NULL, &err), DPF_EINVAL);
    assert_string_equal(err.field, "max_age");
    v[RF_MIN_AGE] = v[RF_MAX_AGE] = NULL;

    sf_add(db, &(struct sf_person){ 1, 4, 1, "新安镇", "甲", 0, 0, "6217000000000001", NULL, NULL });
    sf_approve(db, "2026-01");
    sf_approve(db, "2026-02");
    /* January and February are locked: a rule from February is refused, March is fine. */
    v[RF_VALID_FROM] = "2026-02";
    assert_int_equal(programme_rule_save(db, NURSING, v, NULL, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "2026-03"));
    v[RF_VALID_FROM] = "2026-03";
    assert_int_equal(programme_rule_save(db, NURSING, v, NULL, &err), DPF_OK);
    programme_set_free(&ps);    /* v borrowed its values from ps */
    assert_int_equal(programme_load_all(db, &ps, &err), DPF_OK);
    nursing = programme_find(&ps, "nursing");
    assert_int_equal(nursing->nrules, 3);
    assert_int_equal(programme_rule_at(nursing, month_parse("2026-02"))->amount[1], 6000);
    assert_int_equal(programme_rule_at(nursing, month_parse("2026-03"))->amount[1], 8000);
    assert_int_equal(programme_rule_at(nursing, month_parse("2026-12"))->amount[3], 8000);
    programme_set_free(&ps);
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(money_and_months),
        cmocka_unit_test(field_types),
        cmocka_unit_test(rule_reasons),
        cmocka_unit_test(enrolment_steps),
        cmocka_unit_test(rule_edit_and_lock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
