/* SPDX-License-Identifier: MIT */
/* A dated event (death, moving out, cancellation) ends entitlement after the month it
 * happened in, whatever the person's status is today: before the month judged it stops
 * payment with its reason and date, in that month the month is still paid, after it the
 * month is paid as if nothing had happened (issue 15, "Money"). Judged by rule_check
 * alone, then through the monthly review, the approval and the report's by-month table. */
#include <limits.h>
#include "subsidy_fixture.h"
#include "dpf/roster.h"

static const struct { int status, reason; } kinds[] = {
    { PS_DECEASED, ER_DECEASED }, { PS_MOVED, ER_MOVED }, { PS_CANCELLED, ER_CANCELLED },
};

/* Each kind dated before, in and after May 2026, judged for May under the nursing rule. */
static void rule_check_by_event_date(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "r.db");
    struct programme_set ps;
    struct dpf_err err;
    const struct rule *r;
    int may = month_parse("2026-05");
    struct { const char *date; int reason_expected, last; } when[] = {
        { "2026-04-15", 1, month_parse("2026-04") },   /* before: stopped from May */
        { "2026-05-15", 1, month_parse("2026-05") },   /* in: May is the last month paid */
        { "2026-06-02", 0, INT_MAX },                   /* after: May is paid, no stop */
        { "2027-01-31", 0, INT_MAX },
    };
    (void)state;

    assert_int_equal(programme_load_all(db, &ps, &err), DPF_OK);
    r = programme_rule_at(programme_find(&ps, "nursing"), may);
    assert_non_null(r);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t w = 0; w < sizeof when / sizeof when[0]; w++) {
            struct rule_person p = { kinds[k].status, 4, 1, 0, 0, 0, when[w].date,
                                     "1960-01-01", NULL };
            struct rule_verdict v;
            rule_check(r, &p, may, 10, &v);
            if (v.reason != (when[w].reason_expected ? kinds[k].reason : 0))
                fail_msg("status %d dated %s: reason %d", kinds[k].status, when[w].date,
                         v.reason);
            assert_int_equal(v.last_month, when[w].last);
            assert_string_equal(v.date, when[w].reason_expected ? when[w].date : "");
        }
    /* A reason without a date still stops from the month judged. */
    {
        struct rule_person p = { PS_ACTIVE, 4, 3, 0, 0, 0, NULL, "1960-01-01", NULL };
        struct rule_verdict v;
        rule_check(r, &p, may, 10, &v);
        assert_int_equal(v.reason, ER_CATEGORY_LEVEL);
        assert_int_equal(v.last_month, may - 1);
    }
    programme_set_free(&ps);
    db_close(db);
    tu_rmdir(dir);
}

struct by_month {
    int64_t prog;
    long persons[13];           /* [month of 2026] */
};

static int count_month(const struct roster_total *t, void *ctx)
{
    struct by_month *b = ctx;
    if (t->programme_id == b->prog)
        b->persons[month_number(month_parse(t->key))] = t->persons;
    return 0;
}

static int ignore(const struct roster_total *t, void *ctx)
{
    (void)t;
    (void)ctx;
    return 0;
}

/* Persons paid per month of 2026 in programme prog, as the report's by-month table has it. */
static void report_months(struct db *db, int64_t prog, long out[13])
{
    struct by_month b = { prog, { 0 } };
    roster_total_fn fn[3] = { ignore, count_month, ignore };
    void *ctx[3] = { NULL, &b, NULL };
    struct dpf_err err;
    if (roster_period_all(db, month_parse("2026-01"), month_parse("2026-12"), fn, ctx, &err) !=
        DPF_OK)
        fail_msg("totals: %s", err.msg);
    memcpy(out, b.persons, sizeof b.persons);
}

/* Two living-subsidy recipients, one of whom dies after the month reviewed (the issue's
 * reproduction); nursing recipients who move or whose certificate is cancelled after it;
 * and one of each kind dated April, before it. Statuses are recorded in June, before the
 * months are approved. */
static void review_by_event_date(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "v.db");
    struct review rv;
    struct dpf_err err;
    const struct review_line *l;
    int64_t p[8], gone;
    long months[13];
    static const char *const dates[8] = { NULL, NULL, "2026-06-02", "2026-06-03",
                                          "2026-06-04", "2026-04-10", "2026-04-11",
                                          "2026-04-12" };
    (void)state;

    for (int i = 1; i <= 7; i++) {
        char bank[32];
        int living = i <= 2;
        snprintf(bank, sizeof bank, "62170000000001%02d", i);
        p[i] = sf_add(db, &(struct sf_person){ 2 * i + 1, 4, 1, "新安镇", NULL, living, 0,
                                               bank, NULL, NULL });
        sf_enrol(db, living ? LIVING : NURSING, p[i], "2026-01-05", "2026-01-10");
        if (dates[i])
            assert_int_equal(person_set_status(db, p[i], kinds[(i - 2) % 3].status, dates[i],
                                               "测试", &err), DPF_OK);
    }
    /* Qualified in May but died in June, never enrolled: no candidate, as no one can apply
     * for them now. */
    gone = sf_add(db, &(struct sf_person){ 41, 4, 1, "新安镇", NULL, 0, 0, "6217000000000141",
                                          NULL, NULL });
    assert_int_equal(person_set_status(db, gone, PS_DECEASED, "2026-06-05", "测试", &err), DPF_OK);
    for (int m = month_parse("2026-01"); m <= month_parse("2026-04"); m++) {
        char text[MONTH_TEXT];
        sf_approve(db, month_format(m, text));
    }

    sf_review(db, "2026-05", &rv);
    /* After May: paid for May, no stop. */
    for (int i = 1; i <= 4; i++) {
        int prog = i <= 2 ? LIVING : NURSING;
        assert_null(sf_line(&rv, RK_STOP, p[i], prog));
        l = sf_line(&rv, RK_PAY, p[i], prog);
        if (!l)
            fail_msg("person %d is not paid for May", i);
        assert_int_equal(l->from, month_parse("2026-05"));
        assert_int_equal(l->amount, prog == LIVING ? 6666 : 6000);
    }
    /* Before May: stopped from May with the event's reason and date, not paid. */
    for (int i = 5; i <= 7; i++) {
        l = sf_line(&rv, RK_STOP, p[i], NURSING);
        assert_non_null(l);
        assert_int_equal(l->reason, kinds[(i - 2) % 3].reason);
        assert_string_equal(l->date, dates[i]);
        assert_int_equal(l->stop_month, month_parse("2026-05"));
        assert_int_equal(l->paid_too, 0);
        assert_null(sf_line(&rv, RK_PAY, p[i], NURSING));
    }
    assert_int_equal(rv.count[RK_STOP], 3);
    assert_int_equal(rv.count[RK_RECOVER], 0);
    assert_null(sf_line(&rv, RK_CANDIDATE, gone, NURSING));
    assert_non_null(sf_line(&rv, RK_CANDIDATE, p[1], NURSING));     /* alive, level 1 */
    review_free(&rv);
    sf_approve(db, "2026-05");

    /* In June: stopped from July, and June still paid. */
    sf_review(db, "2026-06", &rv);
    for (int i = 2; i <= 4; i++) {
        int prog = i == 2 ? LIVING : NURSING;
        l = sf_line(&rv, RK_STOP, p[i], prog);
        assert_non_null(l);
        assert_int_equal(l->reason, kinds[(i - 2) % 3].reason);
        assert_string_equal(l->date, dates[i]);
        assert_int_equal(l->stop_month, month_parse("2026-07"));
        assert_int_equal(l->paid_too, 1);
        assert_non_null(sf_line(&rv, RK_PAY, p[i], prog));
    }
    assert_null(sf_line(&rv, RK_STOP, p[1], LIVING));
    review_free(&rv);
    sf_approve(db, "2026-06");

    /* The report's by-month table: every month up to each event is counted. */
    report_months(db, LIVING, months);
    for (int m = 1; m <= 6; m++)
        assert_int_equal(months[m], 2);
    report_months(db, NURSING, months);
    for (int m = 1; m <= 4; m++)
        assert_int_equal(months[m], 5);
    assert_int_equal(months[5], 2);
    assert_int_equal(months[6], 2);
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_check_by_event_date),
        cmocka_unit_test(review_by_event_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
