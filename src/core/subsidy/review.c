/* SPDX-License-Identifier: MIT */
/* The monthly review's passes. (1) Every approved or stopped enrolment with its person, read
 * beside the ledger (both in enrolment order, so one pass each): the rule's verdict, the
 * months due and not paid, the months paid and not due. (2) Applications in progress.
 * (3) The register, for persons who qualify and have no open enrolment. Each programme's
 * rule is judged in C (rule.c) so the review and the approval steps agree. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "review_internal.h"
#include "base/db_struct.h"

/* Enrolments in rowid order (NOT INDEXED: the step index would need a sort), each with the
 * person as the rules see them. */
static const char enrolled_sql[] =
    "SELECT e.id, e.programme_id, e.person_id, e.step, e.start_month, e.stop_month, "
    "  e.reason, e.approved_on, p.name, p.id_no, p.township, p.village, p.bank_account, "
    "  p.status, p.status_date, p.category, p.level, p.poor_reg, p.dibao, p.tekun, "
    "  p.birth_date, p.cert_issue_date "
    "FROM enrolment e NOT INDEXED JOIN person p ON p.id = e.person_id "
    "WHERE e.step IN (4, 6) ORDER BY e.id";
/* The ledger in the same order: its primary key is (enrolment_id, for_month, line), so
 * this is one pass over the table; payments of one month are added up as they come. */
static const char ledger_sql[] =
    "SELECT enrolment_id, for_month, amount FROM payment ORDER BY enrolment_id, for_month";
static const char pending_sql[] =
    "SELECT e.id, e.programme_id, e.person_id, e.step, e.applied_on, p.name, p.id_no, "
    "  p.township, p.village "
    "FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.step <= 3 ORDER BY e.id";
static const char register_sql[] =
    "SELECT id, name, id_no, township, village, status, status_date, category, level, "
    "  poor_reg, dibao, tekun, birth_date, cert_issue_date FROM person NOT INDEXED";
/* Persons enrolled twice: every approved enrolment after the first of a person and
 * programme, with that first one. */
static const char twice_sql[] =
    "WITH d AS (SELECT person_id, programme_id, min(id) AS first "
    "  FROM enrolment INDEXED BY enrolment_person WHERE step = 4 "
    "  GROUP BY person_id, programme_id HAVING count(*) > 1) "
    "SELECT e.id, d.first FROM d JOIN enrolment e ON e.person_id = d.person_id AND "
    "  e.programme_id = d.programme_id AND e.step = 4 AND e.id > d.first ORDER BY e.id";

struct paid {
    int month;
    int64_t amount;
};

struct pass {
    struct db *db;
    struct review *rv;
    int ledger_from;                /* the first month the ledger holds */
    unsigned char **open;           /* [prog]: bit per person with an open enrolment */
    int64_t max_person;
    int64_t *twice;                 /* pairs (enrolment, the first one), by enrolment */
    long ntwice;
    struct paid *paid;              /* the ledger of the enrolment being judged */
    int npaid, cap_paid;
};

/* What pass 1 reads of one enrolment. */
struct enrolled {
    int64_t id, person_id;
    int prog, step, start, stop, reason, approved;
    const char *name, *id_no, *township, *village, *bank;
    struct rule_person rp;
};

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* rule_person from the 9 person columns starting at i (status .. cert_issue_date). */
static void read_rule_person(sqlite3_stmt *st, int i, struct rule_person *rp)
{
    rp->status = sqlite3_column_int(st, i);
    rp->status_date = col(st, i + 1);
    rp->category = sqlite3_column_int(st, i + 2);
    rp->level = sqlite3_column_int(st, i + 3);
    rp->poor_reg = sqlite3_column_int(st, i + 4);
    rp->dibao = sqlite3_column_int(st, i + 5);
    rp->tekun = sqlite3_column_int(st, i + 6);
    rp->birth_date = col(st, i + 7);
    rp->cert_issue_date = col(st, i + 8);
}

static void mark_open(struct pass *ps, int prog, int64_t person)
{
    if (prog >= 0 && person >= 0 && person <= ps->max_person)
        ps->open[prog][person >> 3] |= (unsigned char)(1u << (person & 7));
}

static int is_open(const struct pass *ps, int prog, int64_t person)
{
    return person >= 0 && person <= ps->max_person &&
           (ps->open[prog][person >> 3] & (1u << (person & 7)));
}

static void set_person(struct review *rv, struct review_line *l, const struct enrolled *e)
{
    l->person_id = e->person_id;
    l->enrolment_id = e->id;
    l->name = review_keep(rv, e->name);
    l->id_no = review_keep(rv, e->id_no);
    l->township = review_keep_shared(rv, e->township);
    l->village = review_keep_shared(rv, e->village);
    l->bank = review_keep(rv, e->bank);
}

/* The net amount paid for month, from the enrolment's ledger. */
static int64_t paid_for(const struct pass *ps, int month)
{
    for (int i = 0; i < ps->npaid; i++)
        if (ps->paid[i].month == month)
            return ps->paid[i].amount;
    return 0;
}

/* The enrolment this one repeats (enrolled twice), or 0. */
static int64_t first_of_twice(const struct pass *ps, int64_t id)
{
    long lo = 0, hi = ps->ntwice;
    while (lo < hi) {
        long mid = (lo + hi) / 2;
        if (ps->twice[2 * mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ps->ntwice && ps->twice[2 * lo] == id ? ps->twice[2 * lo + 1] : 0;
}

/* Money paid for months outside [start, end]: to recover. */
static void recoveries(struct pass *ps, const struct enrolled *e, int end,
                       const struct rule_verdict *v)
{
    struct review *rv = ps->rv;
    struct review_line *l = NULL;

    for (int i = 0; i < ps->npaid; i++) {
        const struct paid *p = &ps->paid[i];
        if (p->amount <= 0 || (p->month >= e->start && p->month <= end))
            continue;
        if (!l) {
            if (!(l = review_add(rv, RK_RECOVER, e->prog)))
                return;
            set_person(rv, l, e);
            l->reason = v->reason ? v->reason : e->reason;
            memcpy(l->date, v->date, sizeof l->date);
            l->from = p->month;
        }
        review_add_item(rv, l, p->month, p->amount);
        l->amount += p->amount;
        l->to = p->month;
    }
}

/* The months due and not yet paid, as items of a new line of kind. */
static struct review_line *due(struct pass *ps, const struct enrolled *e, int kind, int end,
                               int once)
{
    struct review *rv = ps->rv;
    const struct programme *pg = &rv->progs.p[e->prog];
    struct review_line *l = NULL;
    int from = e->start, to = end < rv->month ? end : rv->month;

    /* Months before the ledger began were settled outside dpf, unless the enrolment was
     * approved since: then its first months are back pay. */
    if (e->approved < ps->ledger_from && ps->ledger_from > from)
        from = ps->ledger_from;
    if (once)
        to = from = e->start;
    for (int m = from; m <= to; m++) {
        const struct rule *r = programme_rule_at(pg, once ? e->start : m);
        int64_t a = r ? rule_month_amount(r, e->rp.level, m) : 0;
        if (a <= 0 || paid_for(ps, m) != 0)
            continue;
        if (!l) {
            if (!(l = review_add(rv, kind, e->prog)))
                return NULL;
            set_person(rv, l, e);
            l->from = m;
            l->first = ps->npaid == 0;
        }
        review_add_item(rv, l, m, a);
        l->amount += a;
        l->to = m;
        if (!once && m <= rv->month - pg->pay_every)
            l->back += a;
    }
    return l;
}

/* One enrolment: its verdict, what is due, what to recover. */
static void judge(struct pass *ps, const struct enrolled *e)
{
    struct review *rv = ps->rv;
    const struct programme *pg = &rv->progs.p[e->prog];
    int M = rv->month, once = programme_is_once(pg, e->start);
    int active = e->step == ES_APPROVED || (e->step == ES_STOPPED && e->stop > M);
    int end = e->step == ES_STOPPED ? e->stop - 1 : INT_MAX;
    const struct rule *r = programme_rule_at(pg, M);
    struct rule_verdict v = { 0, INT_MAX, "" };
    struct review_line *l;
    int64_t first;

    if (active)
        mark_open(ps, e->prog, e->person_id);
    if (!once && r) {
        rule_check(r, &e->rp, M, rv->progs.cert_valid_years, &v);
        if (v.reason && v.last_month < end)
            end = v.last_month;
        recoveries(ps, e, end, &v);
    }
    if (!active || e->start > M)
        return;
    if (!once && v.reason && e->step == ES_APPROVED) {
        if (!(l = review_add(rv, RK_STOP, e->prog)))
            return;
        set_person(rv, l, e);
        l->reason = v.reason;
        memcpy(l->date, v.date, sizeof l->date);
        /* An event before payment began stops it from its first month. */
        l->stop_month = v.last_month + 1 > e->start ? v.last_month + 1 : e->start;
        l->paid_too = v.last_month >= M;
        if (!l->paid_too)
            return;
    }
    if (!once && !rv->pays[e->prog])
        return;
    if ((first = first_of_twice(ps, e->id)) != 0) {
        if ((l = due(ps, e, RK_HOLD, end, once)) != NULL) {
            l->reason = ER_DUPLICATE;
            l->other = first;
        }
    } else if (!e->bank || !*e->bank) {
        if ((l = due(ps, e, RK_HOLD, end, once)) != NULL)
            l->reason = ER_NO_ACCOUNT;
    } else {
        due(ps, e, RK_PAY, end, once);
    }
}

/* Reads the ledger rows of enrolment id (the cursor is at or before them). */
static int read_ledger(struct pass *ps, sqlite3_stmt *led, int *rc, int64_t id)
{
    ps->npaid = 0;
    while (*rc == SQLITE_ROW && sqlite3_column_int64(led, 0) <= id) {
        if (sqlite3_column_int64(led, 0) == id) {
            if (ps->npaid == ps->cap_paid) {
                int cap = ps->cap_paid ? 2 * ps->cap_paid : 64;
                struct paid *grown = realloc(ps->paid, (size_t)cap * sizeof *grown);
                if (!grown)
                    return DPF_ENOMEM;
                ps->paid = grown;
                ps->cap_paid = cap;
            }
            int month = month_parse(col(led, 1));
            if (ps->npaid && ps->paid[ps->npaid - 1].month == month)
                ps->paid[ps->npaid - 1].amount += sqlite3_column_int64(led, 2);
            else {
                ps->paid[ps->npaid].month = month;
                ps->paid[ps->npaid++].amount = sqlite3_column_int64(led, 2);
            }
        }
        *rc = sqlite3_step(led);
    }
    return DPF_OK;
}

static int pass_enrolled(struct pass *ps, struct dpf_err *err)
{
    struct review *rv = ps->rv;
    sqlite3_stmt *st = NULL, *led = NULL;
    struct enrolled e;
    int rc = DPF_OK, erc, lrc;

    if (sqlite3_prepare_v2(ps->db->h, enrolled_sql, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(ps->db->h, ledger_sql, -1, &led, NULL) != SQLITE_OK) {
        rc = db_fail(ps->db, err);
        goto out;
    }
    lrc = sqlite3_step(led);
    while ((erc = sqlite3_step(st)) == SQLITE_ROW && !rv->oom) {
        const char *stop = col(st, 5), *approved = col(st, 7);
        e.id = sqlite3_column_int64(st, 0);
        if ((rc = read_ledger(ps, led, &lrc, e.id)) != DPF_OK) {
            rc = dpf_err_set(err, rc, NULL, _("Out of memory"));
            break;
        }
        e.prog = review_prog_index(rv, sqlite3_column_int64(st, 1));
        if (e.prog < 0 || (rv->only >= 0 && e.prog != rv->only))
            continue;
        e.person_id = sqlite3_column_int64(st, 2);
        e.step = sqlite3_column_int(st, 3);
        e.start = month_parse(col(st, 4));
        e.stop = stop ? month_parse(stop) : 0;
        e.reason = sqlite3_column_int(st, 6);
        e.approved = approved ? month_of_date(approved) : e.start;
        e.name = col(st, 8);
        e.id_no = col(st, 9);
        e.township = col(st, 10);
        e.village = col(st, 11);
        e.bank = col(st, 12);
        read_rule_person(st, 13, &e.rp);
        judge(ps, &e);
    }
    if (rc == DPF_OK && erc != SQLITE_DONE && !rv->oom)
        rc = db_fail(ps->db, err);
    if (rc == DPF_OK && lrc != SQLITE_DONE && lrc != SQLITE_ROW)
        rc = db_fail(ps->db, err);
out:
    sqlite3_finalize(st);
    sqlite3_finalize(led);
    return rc;
}

static int pass_pending(struct pass *ps, struct dpf_err *err)
{
    struct review *rv = ps->rv;
    sqlite3_stmt *st;
    int rc;

    if (sqlite3_prepare_v2(ps->db->h, pending_sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(ps->db, err);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !rv->oom) {
        int prog = review_prog_index(rv, sqlite3_column_int64(st, 1));
        struct review_line *l;
        if (prog < 0 || (rv->only >= 0 && prog != rv->only))
            continue;
        mark_open(ps, prog, sqlite3_column_int64(st, 2));
        if (!(l = review_add(rv, RK_PENDING, prog)))
            break;
        l->enrolment_id = sqlite3_column_int64(st, 0);
        l->person_id = sqlite3_column_int64(st, 2);
        l->reason = sqlite3_column_int(st, 3);
        snprintf(l->date, sizeof l->date, "%s", col(st, 4) ? col(st, 4) : "");
        l->name = review_keep(rv, col(st, 5));
        l->id_no = review_keep(rv, col(st, 6));
        l->township = review_keep_shared(rv, col(st, 7));
        l->village = review_keep_shared(rv, col(st, 8));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rv->oom ? DPF_OK : db_fail(ps->db, err);
}

/* Persons who qualify for a monthly or yearly programme and have no open enrolment in it. */
static int pass_candidates(struct pass *ps, struct dpf_err *err)
{
    struct review *rv = ps->rv;
    const struct rule **rules = calloc((size_t)rv->progs.n + 1, sizeof *rules);
    sqlite3_stmt *st;
    int rc, any = 0;

    if (!rules)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    for (int i = 0; i < rv->progs.n; i++) {
        const struct programme *pg = &rv->progs.p[i];
        if (pg->active && (rv->only < 0 || rv->only == i) && !programme_is_once(pg, rv->month))
            any |= (rules[i] = programme_rule_at(pg, rv->month)) != NULL;
    }
    if (!any || sqlite3_prepare_v2(ps->db->h, register_sql, -1, &st, NULL) != SQLITE_OK) {
        free(rules);
        return any ? db_fail(ps->db, err) : DPF_OK;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !rv->oom) {
        int64_t id = sqlite3_column_int64(st, 0);
        struct rule_person rp;
        read_rule_person(st, 5, &rp);
        for (int i = 0; i < rv->progs.n; i++) {
            struct rule_verdict v;
            struct review_line *l;
            /* A candidate must be able to apply now: one whose death or move is dated
             * after the month qualified then (rule_check), but is no candidate today. */
            if (!rules[i] || is_open(ps, i, id) || !(rules[i]->statuses & (1u << rp.status)))
                continue;
            rule_check(rules[i], &rp, rv->month, rv->progs.cert_valid_years, &v);
            if (v.reason || !(l = review_add(rv, RK_CANDIDATE, i)))
                continue;
            l->person_id = id;
            l->name = review_keep(rv, col(st, 1));
            l->id_no = review_keep(rv, col(st, 2));
            l->township = review_keep_shared(rv, col(st, 3));
            l->village = review_keep_shared(rv, col(st, 4));
        }
    }
    sqlite3_finalize(st);
    free(rules);
    return rc == SQLITE_DONE || rv->oom ? DPF_OK : db_fail(ps->db, err);
}

static int one_int(struct db *db, const char *sql, int64_t *out, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    rc = db_step_int64(db, st, out, err);
    sqlite3_finalize(st);
    return rc == DPF_ENOTFOUND ? db_fail(db, err) : rc;
}

static int load_twice(struct pass *ps, struct dpf_err *err)
{
    sqlite3_stmt *st;
    long cap = 0;
    int rc;

    if (sqlite3_prepare_v2(ps->db->h, twice_sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(ps->db, err);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (ps->ntwice == cap) {
            int64_t *grown = realloc(ps->twice, (size_t)(cap ? 4 * cap : 32) * sizeof *grown);
            if (!grown)
                break;
            ps->twice = grown;
            cap = cap ? 2 * cap : 16;
        }
        ps->twice[2 * ps->ntwice] = sqlite3_column_int64(st, 0);
        ps->twice[2 * ps->ntwice++ + 1] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(ps->db, err);
}

/* The slot of the account bank in the table of first lines (empty if none has it). */
static size_t account_slot(const struct review *rv, const long *slot, size_t mask,
                           const char *bank)
{
    size_t k = review_hash(bank) & mask;
    while (slot[k] && strcmp(review_text(rv, rv->lines[slot[k] - 1].bank), bank) != 0)
        k = (k + 1) & mask;
    return k;
}

/* Two persons paid into one account: hold both, for the staff to find out which is right.
 * A hash of the accounts on the roster finds them in one pass. */
static int hold_shared_accounts(struct review *rv, struct dpf_err *err)
{
    size_t cap = 1024, mask;
    long *slot;                         /* line index + 1 of the first with the account */

    while (cap < (size_t)rv->nlines * 2)
        cap *= 2;
    mask = cap - 1;
    if (!(slot = calloc(cap, sizeof *slot)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    for (long i = 0; i < rv->nlines; i++) {
        struct review_line *l = &rv->lines[i], *first;
        size_t k;
        if (l->kind != RK_PAY)
            continue;
        k = account_slot(rv, slot, mask, review_text(rv, l->bank));
        if (!slot[k]) {
            slot[k] = i + 1;
            continue;
        }
        first = &rv->lines[slot[k] - 1];
        if (first->person_id == l->person_id)
            continue;                   /* one person in two programmes */
        for (struct review_line *x = first;; x = l) {
            x->kind = RK_HOLD;
            x->reason = ER_SHARED_ACCOUNT;
            x->other = (x == first ? l : first)->person_id;
            x->other_name = (x == first ? l : first)->name;
            if (x == l)
                break;
        }
    }
    /* The first person's other lines (another programme, the same account) are held too. */
    for (long i = 0; i < rv->nlines; i++) {
        struct review_line *l = &rv->lines[i];
        const struct review_line *first;
        size_t k;
        if (l->kind != RK_PAY || !slot[k = account_slot(rv, slot, mask, review_text(rv, l->bank))])
            continue;
        first = &rv->lines[slot[k] - 1];
        if (first->kind == RK_HOLD && first->reason == ER_SHARED_ACCOUNT) {
            l->kind = RK_HOLD;
            l->reason = ER_SHARED_ACCOUNT;
            l->other = first->other;
            l->other_name = first->other_name;
        }
    }
    free(slot);
    return DPF_OK;
}

int review_compute(struct db *db, struct review *rv, struct dpf_err *err)
{
    struct pass ps = { .db = db, .rv = rv };
    int rc;

    if ((rc = one_int(db, "SELECT coalesce(max(id), 0) FROM person", &ps.max_person, err)))
        return rc;
    /* The ledger begins with the first approved (or imported) month, else this one. */
    if ((rc = review_approved_span(db, &ps.ledger_from, NULL, NULL, err)))
        return rc;
    if (ps.ledger_from < 0)
        ps.ledger_from = rv->month;
    if (!(ps.open = calloc((size_t)rv->progs.n + 1, sizeof *ps.open)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    for (int i = 0; i < rv->progs.n; i++)
        if (!(ps.open[i] = calloc((size_t)(ps.max_person / 8 + 1), 1)))
            rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (rc == DPF_OK)
        rc = load_twice(&ps, err);
    if (rc == DPF_OK)
        rc = pass_enrolled(&ps, err);
    if (rc == DPF_OK)
        rc = pass_pending(&ps, err);
    if (rc == DPF_OK)
        rc = pass_candidates(&ps, err);
    if (rc == DPF_OK && rv->oom)
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (rc == DPF_OK)
        rc = hold_shared_accounts(rv, err);
    for (int i = 0; i < rv->progs.n; i++)
        free(ps.open[i]);
    free(ps.open);
    free(ps.twice);
    free(ps.paid);
    return rc;
}
