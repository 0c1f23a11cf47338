/* SPDX-License-Identifier: MIT */
/* The monthly review: every stop and hold reason, back pay for a late approval, recovery
 * after a death reported late, a rule changed mid-year, the lock of an approved month, a
 * quarterly programme, candidates, and the change from the last roster. Money is checked
 * to the fen and every total against the sum of its lines. */
#include "subsidy_fixture.h"

#define BANK(n) "62170000000000" #n

/* Totals equal the sum of the lines, by programme, by township and overall. */
static void assert_totals_add_up(const struct review *rv)
{
    long n;
    const struct review_line *l = review_lines(rv, RK_PAY, &n);
    int64_t all = 0, towns = 0, progs = 0;
    for (long i = 0; i < n; i++) {
        int64_t items = 0;
        for (uint32_t k = 0; k < l[i].nitems; k++)
            items += rv->items[l[i].item + k].amount;
        if (!rv->approved)
            assert_int_equal(items, l[i].amount);
        all += l[i].amount;
    }
    for (int i = 0; i < rv->progs.n; i++)
        progs += rv->by_prog[i].amount;
    for (int i = 0; i < rv->ntowns; i++)
        if (rv->towns[i].prog < 0)
            towns += rv->towns[i].sum.amount;
    assert_int_equal(all, rv->total.amount);
    assert_int_equal(progs, rv->total.amount);
    assert_int_equal(towns, rv->total.amount);
}

static void every_stop_and_hold_reason(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "s.db");
    struct review rv;
    struct dpf_err err;
    const struct review_line *l;
    int64_t id, e11, p[16];
    (void)state;

    /* Everyone is enrolled in January and qualifies then. */
    for (int i = 1; i <= 13; i++) {
        struct sf_person sp = { 2 * i + 1, 4, 1, i % 2 ? "新安镇" : "苏埠镇", NULL, 0, 0, NULL,
                                NULL, NULL };
        char bank[32];
        snprintf(bank, sizeof bank, "62170000000000%02d", i);
        sp.bank = i == 8 ? NULL : bank;
        if (i == 10)
            sp.bank = "6217000000000009";           /* the same account as person 9 */
        if (i == 6 || i == 7) {                     /* living subsidy: poor, level 3 */
            sp.level = 3;
            sp.dibao = 1;
        }
        if (i == 12)
            sp.issued = "2016-03-10";               /* expires 2026-03-10 */
        p[i] = sf_add(db, &sp);
        sf_enrol(db, i == 6 || i == 7 ? LIVING : NURSING, p[i], "2026-01-05", "2026-01-10");
    }
    /* Person 11 enrolled twice (as an old spreadsheet import might leave it). */
    assert_int_equal(sqlite3_exec(db->h, "INSERT INTO enrolment (programme_id, person_id, step, "
                                         "applied_on, applied_by, start_month, approved_on) "
                                         "SELECT 2, 11, 4, '2026-02-01', 'x', '2026-02', "
                                         "'2026-02-02'", NULL, NULL, NULL), SQLITE_OK);
    e11 = tu_int(db, "SELECT min(id) FROM enrolment WHERE person_id = 11");
    /* What happened since. */
    assert_int_equal(person_set_status(db, p[1], PS_DECEASED, "2026-05-10", "病故", &err), DPF_OK);
    assert_int_equal(person_set_status(db, p[2], PS_DECEASED, "2026-06-10", "病故", &err), DPF_OK);
    assert_int_equal(person_set_status(db, p[3], PS_MOVED, "2026-04-01", "迁往外省", &err), DPF_OK);
    assert_int_equal(person_set_status(db, p[4], PS_CANCELLED, "2026-05-20", NULL, &err), DPF_OK);
    {   /* level reassessed: a new certificate with level 3 */
        char cert[24];
        struct person q;
        person_init(&q);
        assert_int_equal(person_load(db, p[5], &q, &err), DPF_OK);
        snprintf(cert, sizeof cert, "%.18s43", person_get(&q, PF_CERT_NO));
        person_set(&q, PF_CERT_NO, cert);
        person_set(&q, PF_LEVEL, "3");
        assert_int_equal(person_validate(&q, TU_TODAY, &err), DPF_OK);
        assert_int_equal(person_update(db, &q, NULL, &err), DPF_OK);
        person_clear(&q);
    }
    sf_set(db, p[6], PF_DIBAO, "0");
    sf_set(db, p[7], PF_TEKUN, "1");
    /* Person 14 qualifies for nursing but is not enrolled; 15 has applied. */
    p[14] = sf_add(db, &(struct sf_person){ 41, 1, 2, "新安镇", "候选", 0, 0, BANK(41), NULL, NULL });
    p[15] = sf_add(db, &(struct sf_person){ 43, 1, 2, "新安镇", "在办", 0, 0, BANK(43), NULL, NULL });
    assert_int_equal(enrol_apply(db, NURSING, p[15], "2026-06-20", NULL, &id, &err), DPF_OK);

    sf_review(db, "2026-06", &rv);
    assert_int_equal(rv.approved, 0);
    struct { int who, kind, reason, stop; const char *date; int paid_too; } want[] = {
        { 1, RK_STOP, ER_DECEASED, month_parse("2026-06"), "2026-05-10", 0 },
        { 2, RK_STOP, ER_DECEASED, month_parse("2026-07"), "2026-06-10", 1 },
        { 3, RK_STOP, ER_MOVED, month_parse("2026-05"), "2026-04-01", 0 },
        { 4, RK_STOP, ER_CANCELLED, month_parse("2026-06"), "2026-05-20", 0 },
        { 5, RK_STOP, ER_CATEGORY_LEVEL, month_parse("2026-06"), "", 0 },
        { 6, RK_STOP, ER_POVERTY, month_parse("2026-06"), "", 0 },
        { 7, RK_STOP, ER_TEKUN, month_parse("2026-06"), "", 0 },
        { 8, RK_HOLD, ER_NO_ACCOUNT, 0, "", 0 },
        { 9, RK_HOLD, ER_SHARED_ACCOUNT, 0, "", 0 },
        { 10, RK_HOLD, ER_SHARED_ACCOUNT, 0, "", 0 },
        { 12, RK_STOP, ER_EXPIRED, month_parse("2026-04"), "2026-03-10", 0 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int prog = want[i].who == 6 || want[i].who == 7 ? LIVING : NURSING;
        l = sf_line(&rv, want[i].kind, p[want[i].who], prog);
        if (!l)
            fail_msg("person %d: no line of kind %d", want[i].who, want[i].kind);
        assert_int_equal(l->reason, want[i].reason);
        if (want[i].kind == RK_STOP) {
            assert_int_equal(l->stop_month, want[i].stop);
            assert_string_equal(l->date, want[i].date);
            assert_int_equal(l->paid_too, want[i].paid_too);
        }
        /* Only person 2, who died in June, is also paid for June. */
        assert_true((sf_line(&rv, RK_PAY, p[want[i].who], prog) != NULL) == want[i].paid_too);
    }
    assert_int_equal(sf_line(&rv, RK_HOLD, p[9], NURSING)->other, p[10]);
    /* Enrolled twice: the first enrolment is paid, the second held. */
    l = sf_line(&rv, RK_HOLD, p[11], NURSING);
    assert_non_null(l);
    assert_int_equal(l->reason, ER_DUPLICATE);
    assert_int_equal(l->other, e11);
    assert_int_equal(sf_line(&rv, RK_PAY, p[11], NURSING)->enrolment_id, e11);
    assert_int_equal(rv.count[RK_STOP], 8);
    assert_int_equal(rv.count[RK_HOLD], 4);
    /* Paid: person 2 (dies this month), 11 and 13; June only, nothing before the ledger. */
    assert_int_equal(rv.count[RK_PAY], 3);
    assert_int_equal(rv.total.amount, 3 * 6000);
    assert_int_equal(sf_line(&rv, RK_PAY, p[13], NURSING)->from, month_parse("2026-06"));
    assert_non_null(sf_line(&rv, RK_CANDIDATE, p[14], NURSING));
    assert_null(sf_line(&rv, RK_CANDIDATE, p[15], NURSING));
    assert_non_null(sf_line(&rv, RK_PENDING, p[15], NURSING));
    assert_null(sf_line(&rv, RK_CANDIDATE, p[13], NURSING));
    assert_totals_add_up(&rv);

    /* Staff confirm every stop; the next review no longer shows them. */
    {
        long n;
        const struct review_line *s = review_lines(&rv, RK_STOP, &n);
        for (long i = 0; i < n; i++)
            assert_int_equal(review_confirm_stop(db, &rv, &s[i], &err), DPF_OK);
        assert_int_equal(review_confirm_stop(db, &rv, sf_line(&rv, RK_PAY, p[13], NURSING), &err),
                         DPF_EINVAL);
    }
    review_free(&rv);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM enrolment WHERE step = 6"), 8);
    assert_int_equal(tu_int(db, "SELECT stop_month = '2026-07' AND reason = 1 FROM enrolment "
                                "WHERE person_id = 2"), 1);
    sf_review(db, "2026-06", &rv);
    assert_int_equal(rv.count[RK_STOP], 0);
    assert_non_null(sf_line(&rv, RK_PAY, p[2], NURSING));   /* June is still paid */
    review_free(&rv);
    db_close(db);
    tu_rmdir(dir);
}

/* A death reported after two months were paid, and an application approved three months
 * after it was made. */
static void recovery_and_back_pay(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "b.db");
    struct review rv;
    struct dpf_err err;
    const struct review_line *l;
    int64_t a, b, id = sf_two_cases(db, &a, &b, "2026-01-15");
    (void)state;

    assert_int_equal(tu_int(db, "SELECT sum(amount) FROM payment p JOIN enrolment e ON "
                                "e.id = p.enrolment_id WHERE e.person_id = 1"), 18000);
    assert_int_equal(person_set_status(db, a, PS_DECEASED, "2026-02-10", "病故", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-04-01", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-04-02", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-04-03", &err), DPF_OK);

    sf_review(db, "2026-04", &rv);
    l = sf_line(&rv, RK_STOP, a, NURSING);
    assert_non_null(l);
    assert_int_equal(l->stop_month, month_parse("2026-03"));
    l = sf_line(&rv, RK_RECOVER, a, NURSING);
    assert_non_null(l);
    assert_int_equal(l->amount, 6000);                 /* March, paid after the death */
    assert_int_equal(l->from, month_parse("2026-03"));
    assert_int_equal(l->to, month_parse("2026-03"));
    l = sf_line(&rv, RK_PAY, b, NURSING);
    assert_non_null(l);
    assert_int_equal(l->amount, 4 * 6000);             /* January to April */
    assert_int_equal(l->back, 3 * 6000);
    assert_int_equal(l->from, month_parse("2026-01"));
    assert_int_equal(l->nitems, 4);
    assert_int_equal(rv.back, 18000);
    assert_int_equal(rv.recover, 6000);
    /* The change from March: 乙 is new, 甲 is out because of the death. */
    assert_int_equal(rv.compared[review_prog_index(&rv, NURSING)], month_parse("2026-03"));
    assert_int_equal(rv.nchanges, 2);
    for (long i = 0; i < rv.nchanges; i++) {
        const struct review_change *c = &rv.changes[i];
        assert_int_equal(c->in, c->person_id == b);
        assert_int_equal(c->why, c->in ? RC_NEW : ER_DECEASED);
        assert_int_equal(c->amount, c->in ? 24000 : 6000);
    }
    assert_totals_add_up(&rv);
    assert_int_equal(review_confirm_stop(db, &rv, sf_line(&rv, RK_STOP, a, NURSING), &err), DPF_OK);
    review_free(&rv);

    sf_approve(db, "2026-04");
    assert_int_equal(tu_int(db, "SELECT amount FROM roster_line WHERE month = '2026-04' AND "
                                "person_id = 1"), -6000);
    assert_int_equal(tu_int(db, "SELECT reason FROM roster_line WHERE month = '2026-04' AND "
                                "person_id = 1"), ER_DECEASED);
    assert_int_equal(tu_int(db, "SELECT amount FROM roster_line WHERE month = '2026-04' AND "
                                "person_id = 2"), 24000);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM payment WHERE roster_line_id = (SELECT id "
                                "FROM roster_line WHERE month = '2026-04' AND person_id = 2)"), 4);
    /* Recovered once: May shows nothing more for 甲, and 乙 gets May alone. */
    sf_review(db, "2026-05", &rv);
    assert_null(sf_line(&rv, RK_RECOVER, a, NURSING));
    assert_int_equal(sf_line(&rv, RK_PAY, b, NURSING)->amount, 6000);
    assert_int_equal(sf_line(&rv, RK_PAY, b, NURSING)->back, 0);
    assert_int_equal(rv.nchanges, 0);
    review_free(&rv);
    db_close(db);
    tu_rmdir(dir);
}

/* The standard rises from April: January's roster stays at the old amount, and back pay for
 * each month uses the rule of that month. */
static void rule_changed_mid_year(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "m.db");
    struct programme_set ps;
    struct review rv;
    struct dpf_err err;
    char *v[RULE_NFIELDS];
    const struct review_line *l;
    int64_t a, b, id = sf_two_cases(db, &a, &b, "2026-02-15");
    (void)state;

    assert_int_equal(programme_load_all(db, &ps, &err), DPF_OK);
    memcpy(v, programme_find(&ps, "nursing")->rules[0].v, sizeof v);
    v[RF_VALID_FROM] = "2026-04";
    v[RF_AMOUNT1] = v[RF_AMOUNT2] = "8000";
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(programme_rule_save(db, NURSING, v, NULL, &err), DPF_OK);
    assert_int_equal(db_commit(db, &err), DPF_OK);
    v[RF_VALID_FROM] = "2026-01";                       /* January is locked */
    assert_int_equal(programme_rule_save(db, NURSING, v, NULL, &err), DPF_EINVAL);
    programme_set_free(&ps);
    sf_approve(db, "2026-04");
    assert_int_equal(enrol_advance(db, id, "2026-05-01", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-05-02", &err), DPF_OK);
    assert_int_equal(enrol_advance(db, id, "2026-05-03", &err), DPF_OK);

    sf_review(db, "2026-05", &rv);
    assert_int_equal(sf_line(&rv, RK_PAY, a, NURSING)->amount, 8000);
    l = sf_line(&rv, RK_PAY, b, NURSING);
    /* February and March at 60, April and May at 80. */
    assert_int_equal(l->amount, 6000 + 6000 + 8000 + 8000);
    assert_int_equal(l->back, 6000 + 6000 + 8000);
    assert_int_equal(rv.items[l->item].amount, 6000);
    assert_int_equal(rv.items[l->item + 3].amount, 8000);
    assert_totals_add_up(&rv);
    review_free(&rv);
    /* The locked months are as they were approved. */
    assert_int_equal(tu_int(db, "SELECT sum(amount) FROM roster_line WHERE person_id = 1 AND "
                                "month <= '2026-03'"), 18000);
    assert_int_equal(tu_int(db, "SELECT amount FROM roster_line WHERE person_id = 1 AND "
                                "month = '2026-04'"), 8000);
    db_close(db);
    tu_rmdir(dir);
}

/* An approved month is locked: approving it again or out of order is refused, its roster is
 * stored as it was (a later change of name does not touch it), and audited. */
static void approval_locks_the_month(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "l.db");
    struct review rv;
    struct review_approval a;
    struct dpf_err err;
    int64_t p = sf_add(db, &(struct sf_person){ 1, 4, 1, "新安镇", "甲", 0, 0, BANK(01), NULL, NULL });
    (void)state;

    sf_enrol(db, NURSING, p, "2026-01-05", "2026-01-10");
    assert_int_equal(review_approve(db, month_parse("2026-07"), &a, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "2026-07"));
    sf_approve(db, "2026-03");
    assert_int_equal(review_approve(db, month_parse("2026-03"), &a, &err), DPF_EINVAL);
    assert_int_equal(review_approve(db, month_parse("2026-02"), &a, &err), DPF_EINVAL);
    assert_int_equal(review_approve(db, month_parse("2026-05"), &a, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "2026-04"));
    assert_int_equal(db_begin(db, &err), DPF_OK);
    assert_int_equal(db_end(db, review_approve(db, month_parse("2026-04"), &a, &err), &err),
                     DPF_OK);
    assert_int_equal(a.persons, 1);
    assert_int_equal(a.amount, 6000);
    assert_int_equal(a.lines, 1);
    /* February was never approved and the months after it are: it can no longer be reviewed. */
    assert_int_equal(review_run(db, month_parse("2026-02"), NULL, &rv, &err), DPF_EINVAL);
    assert_non_null(strstr(err.msg, "2026-04"));
    sf_set(db, p, PF_NAME, "甲改名");
    sf_review(db, "2026-04", &rv);
    assert_int_equal(rv.approved, 1);
    assert_string_equal(rv.approved_by, db->user);
    assert_int_equal(rv.count[RK_PAY], 1);
    assert_string_equal(review_text(&rv, rv.lines[0].name), "甲");
    assert_int_equal(rv.total.amount, 6000);
    assert_int_equal(rv.count[RK_CANDIDATE] + rv.count[RK_STOP], 0);
    assert_int_equal(review_confirm_stop(db, &rv, &rv.lines[0], &err), DPF_EINVAL);
    assert_totals_add_up(&rv);
    review_free(&rv);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM audit WHERE entity = 'subsidy_month' "
                                "AND entity_id = 202604 AND after LIKE '%\"amount\":6000%'"), 1);
    assert_int_equal(tu_int(db, "SELECT persons FROM subsidy_month WHERE month = '2026-04'"), 1);
    db_close(db);
    tu_rmdir(dir);
}

/* A yearly amount paid monthly adds up to the year; paid quarterly, in the quarter's last
 * month only; a one-off grant once. */
static void periods(void **state)
{
    const char *dir = tu_tmpdir();
    struct db *db = tu_db(dir, "q.db");
    struct review rv;
    struct dpf_err err;
    int64_t total = 0;
    int64_t a = sf_add(db, &(struct sf_person){ 1, 4, 1, "新安镇", "甲", 1, 0, BANK(01), NULL, NULL });
    int64_t b = sf_add(db, &(struct sf_person){ 3, 6, 3, "新安镇", "乙", 0, 1, BANK(03), NULL, NULL });
    (void)state;

    setenv("DPF_NOW", "2026-12-31 10:00:00", 1);
    db_set_now(db);
    sf_enrol(db, LIVING, a, "2025-12-01", "2025-12-05");
    sf_enrol(db, EDU_HIGH, a, "2026-02-01", "2026-02-05");
    sf_enrol(db, MENTAL, b, "2025-12-01", "2025-12-05");
    assert_int_equal(sqlite3_exec(db->h, "UPDATE programme SET pay_period = 2 WHERE code = 'living'",
                                  NULL, NULL, NULL), SQLITE_OK);
    for (int m = 1; m <= 12; m++) {
        char month[MONTH_TEXT];
        month_format(2026 * 12 + m - 1, month);
        sf_review(db, month, &rv);
        /* Living: quarterly, 800 a year; mental: yearly, 1,000 in December. */
        assert_int_equal(sf_line(&rv, RK_PAY, a, LIVING) != NULL, m % 3 == 0);
        assert_int_equal(sf_line(&rv, RK_PAY, b, MENTAL) != NULL, m == 12);
        assert_int_equal(sf_line(&rv, RK_PAY, a, EDU_HIGH) != NULL, m == 2);
        if (m == 2)
            assert_int_equal(sf_line(&rv, RK_PAY, a, EDU_HIGH)->amount, 100000);
        if (m % 3 == 0)
            total += sf_line(&rv, RK_PAY, a, LIVING)->amount;
        if (m == 3)
            assert_int_equal(sf_line(&rv, RK_PAY, a, LIVING)->amount, 20000);
        if (m == 12)
            assert_int_equal(sf_line(&rv, RK_PAY, b, MENTAL)->amount, 100000);
        assert_totals_add_up(&rv);
        review_free(&rv);
        sf_approve(db, month);
    }
    assert_int_equal(total, 80000);
    assert_int_equal(tu_int(db, "SELECT sum(amount) FROM roster_line WHERE person_id = 1 AND "
                                "programme_id = 1"), 80000);
    assert_int_equal(tu_int(db, "SELECT count(*) FROM roster_line WHERE programme_id = 4"), 1);
    (void)err;
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_stop_and_hold_reason),
        cmocka_unit_test(recovery_and_back_pay),
        cmocka_unit_test(rule_changed_mid_year),
        cmocka_unit_test(approval_locks_the_month),
        cmocka_unit_test(periods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
