/* SPDX-License-Identifier: MIT */
/* Approving a month: the review is run again inside the transaction that stores its roster
 * and ledger and locks the month, so what is stored is what was reviewed at that moment.
 * Also confirming the stops a review found. Reading an approved month back:
 * review_approved.c. */
#include <stdio.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "review_internal.h"
#include "base/db_struct.h"

static void bind_str(sqlite3_stmt *st, int i, const struct review *rv, uint32_t off)
{
    if (off)
        sqlite3_bind_text(st, i, review_text(rv, off), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* One roster line and its ledger rows. */
static int store_line(struct db *db, const struct review *rv, const struct review_line *l,
                      const char *month, struct dpf_err *err)
{
    static const char line_sql[] =
        "INSERT INTO roster_line (month, programme_id, enrolment_id, person_id, name, id_no, "
        "  township, village, bank_account, amount, back, from_month, to_month, reason, note, "
        "  first) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static const char pay_sql[] =
        "INSERT INTO payment (enrolment_id, for_month, roster_line_id, amount) VALUES (?, ?, ?, ?)";
    int sign = l->kind == RK_RECOVER ? -1 : 1;
    sqlite3_stmt *st = db_stmt(db, line_sql, err);
    char from[MONTH_TEXT], to[MONTH_TEXT], m[MONTH_TEXT];
    int64_t line;
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, rv->progs.p[l->prog].id);
    sqlite3_bind_int64(st, 3, l->enrolment_id);
    sqlite3_bind_int64(st, 4, l->person_id);
    bind_str(st, 5, rv, l->name);
    bind_str(st, 6, rv, l->id_no);
    bind_str(st, 7, rv, l->township);
    bind_str(st, 8, rv, l->village);
    bind_str(st, 9, rv, l->bank);
    sqlite3_bind_int64(st, 10, sign * l->amount);
    sqlite3_bind_int64(st, 11, l->back);
    sqlite3_bind_text(st, 12, month_format(l->from, from), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, month_format(l->to, to), -1, SQLITE_STATIC);
    if (l->kind == RK_RECOVER && l->reason)
        sqlite3_bind_int(st, 14, l->reason);
    if (l->date[0])
        sqlite3_bind_text(st, 15, l->date, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 16, l->first);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    line = sqlite3_last_insert_rowid(db->h);
    for (uint32_t i = 0; i < l->nitems; i++) {
        const struct review_item *it = &rv->items[l->item + i];
        if (!(st = db_stmt(db, pay_sql, err)))
            return DPF_EDB;
        sqlite3_bind_int64(st, 1, l->enrolment_id);
        sqlite3_bind_text(st, 2, month_format(it->month, m), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, line);
        sqlite3_bind_int64(st, 4, sign * it->amount);
        if ((rc = db_step_done(db, st, err)) != DPF_OK)
            return rc;
    }
    return DPF_OK;
}

/* Months are approved in order, up to the current one. */
static int may_approve(struct db *db, int month, struct dpf_err *err)
{
    char m[MONTH_TEXT], last_m[MONTH_TEXT];
    int last, rc;

    if ((rc = review_last_approved(db, &last, err)) != DPF_OK)
        return rc;
    if (month > month_of_date(db->today))
        return dpf_err_set(err, DPF_EINVAL, "month", _("%s has not begun yet"),
                           month_format(month, m));
    if (month <= last)
        return dpf_err_set(err, DPF_EINVAL, "month",
                           _("%s is locked: months up to %s are approved. Corrections go "
                             "into a later month as back pay or recovery."),
                           month_format(month, m), month_format(last, last_m));
    if (last >= 0 && month != last + 1)
        return dpf_err_set(err, DPF_EINVAL, "month", _("Approve %s first: months are "
                                                       "approved in order"),
                           month_format(last + 1, m));
    return DPF_OK;
}

static int store_roster(struct db *db, const struct review *rv, struct review_approval *a,
                        struct dpf_err *err)
{
    static const char month_sql[] =
        "INSERT INTO subsidy_month (month, approved_at, approved_by, source, persons, amount) "
        "VALUES (?, ?, ?, 1, ?, ?)";
    sqlite3_stmt *st = db_stmt(db, month_sql, err);
    char m[MONTH_TEXT], after[400];
    long n;
    int rc = DPF_OK;

    if (!st)
        return DPF_EDB;
    month_format(rv->month, m);
    sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, rv->total.persons);
    sqlite3_bind_int64(st, 5, rv->total.amount);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    for (int k = RK_PAY; k <= RK_RECOVER && rc == DPF_OK; k++) {
        const struct review_line *l = review_lines(rv, k, &n);
        if (k == RK_PAY || k == RK_RECOVER)
            for (long i = 0; i < n && rc == DPF_OK; i++, a->lines++)
                rc = store_line(db, rv, &l[i], m, err);
    }
    if (rc != DPF_OK)
        return rc;
    a->persons = rv->total.persons;
    a->amount = rv->total.amount;
    a->recover = rv->recover;
    a->held = rv->count[RK_HOLD];
    a->stops = rv->count[RK_STOP];
    snprintf(after, sizeof after,
             "{\"month\":\"%s\",\"persons\":%ld,\"amount\":%lld,\"recover\":%lld,"
             "\"held\":%ld,\"stops\":%ld}", m, a->persons, (long long)a->amount,
             (long long)a->recover, a->held, a->stops);
    return audit_record(db, "subsidy_month", month_year(rv->month) * 100 + month_number(rv->month),
                        "approve", NULL, after, err);
}

int review_approve(struct db *db, int month, struct review_approval *a, struct dpf_err *err)
{
    struct review rv;
    int rc;

    memset(a, 0, sizeof *a);
    if ((rc = may_approve(db, month, err)) == DPF_OK &&
        (rc = review_run(db, month, NULL, &rv, err)) == DPF_OK) {
        rc = store_roster(db, &rv, a, err);
        review_free(&rv);
    }
    return rc;
}

int review_confirm_stop(struct db *db, const struct review *rv, const struct review_line *l,
                        struct dpf_err *err)
{
    char note[64];
    if (l->kind != RK_STOP || rv->approved)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("Only a stop that the review found can be "
                                                    "confirmed"));
    snprintf(note, sizeof note, "%s%s%s", _("monthly review"), l->date[0] ? " " : "", l->date);
    return enrol_stop(db, l->enrolment_id, l->reason, l->stop_month, note, err);
}
