/* SPDX-License-Identifier: MIT */
/* What approval has stored, read back: the span of approved months (the ledger begins
 * with the first; the last is the lock), whether a month is approved and by whom, and an
 * approved month's roster. Only reads, and below everything that asks: programmes (a rule
 * may not change an approved month), the passes, the run of a review and the approval. */
#include <stdio.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "review_internal.h"
#include "base/db_struct.h"

/* A month column that may be NULL, as a month number or -1. */
static int month_or_none(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? month_parse(t) : -1;
}

struct span {
    int *first, *last, *first_in_dpf;
};

static int read_span(sqlite3_stmt *st, void *ctx)
{
    struct span *s = ctx;
    if (s->first)
        *s->first = month_or_none(st, 0);
    if (s->last)
        *s->last = month_or_none(st, 1);
    if (s->first_in_dpf)
        *s->first_in_dpf = month_or_none(st, 2);
    return DPF_OK;
}

int review_approved_span(struct db *db, int *first, int *last, int *first_in_dpf,
                         struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT min(month), max(month), "
                                   "  min(CASE WHEN source = 1 THEN month END) "
                                   "FROM subsidy_month", err);
    int rc;
    if (!st)
        return DPF_EDB;
    if (first)
        *first = -1;
    if (last)
        *last = -1;
    if (first_in_dpf)
        *first_in_dpf = -1;
    rc = db_step_one(db, st, read_span, &(struct span){ first, last, first_in_dpf }, err);
    return rc == DPF_ENOTFOUND ? db_fail(db, err) : rc;     /* min(): always a row */
}

int review_last_approved(struct db *db, int *month, struct dpf_err *err)
{
    return review_approved_span(db, NULL, month, NULL, err);
}

static int read_approval(sqlite3_stmt *st, void *rv_)
{
    struct review *rv = rv_;
    rv->approved = 1;
    snprintf(rv->approved_at, sizeof rv->approved_at, "%s", sqlite3_column_text(st, 0));
    snprintf(rv->approved_by, sizeof rv->approved_by, "%s", sqlite3_column_text(st, 1));
    return DPF_OK;
}

int review_approval_of(struct db *db, struct review *rv, struct dpf_err *err)
{
    static const char q[] = "SELECT approved_at, approved_by FROM subsidy_month WHERE month = ?";
    sqlite3_stmt *st = db_stmt(db, q, err);
    char m[MONTH_TEXT];

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, month_format(rv->month, m), -1, SQLITE_TRANSIENT);
    db_step_one(db, st, read_approval, rv, NULL);   /* not approved (or unreadable): a review */
    return DPF_OK;
}

int review_load_approved(struct db *db, struct review *rv, struct dpf_err *err)
{
    static const char q[] =
        "SELECT programme_id, enrolment_id, person_id, name, id_no, township, village, "
        "  bank_account, amount, back, from_month, to_month, reason, note, first "
        "FROM roster_line WHERE month = ? ORDER BY id";
    sqlite3_stmt *st = db_stmt(db, q, err);
    char m[MONTH_TEXT];
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, month_format(rv->month, m), -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int prog = review_prog_index(rv, sqlite3_column_int64(st, 0));
        int64_t amount = sqlite3_column_int64(st, 8);
        const char *note = (const char *)sqlite3_column_text(st, 13);
        struct review_line *l;
        if (prog < 0 || (rv->only >= 0 && prog != rv->only))
            continue;
        if (!(l = review_add(rv, amount < 0 ? RK_RECOVER : RK_PAY, prog)))
            break;
        l->enrolment_id = sqlite3_column_int64(st, 1);
        l->person_id = sqlite3_column_int64(st, 2);
        l->name = review_keep(rv, (const char *)sqlite3_column_text(st, 3));
        l->id_no = review_keep(rv, (const char *)sqlite3_column_text(st, 4));
        l->township = review_keep_shared(rv, (const char *)sqlite3_column_text(st, 5));
        l->village = review_keep_shared(rv, (const char *)sqlite3_column_text(st, 6));
        l->bank = review_keep(rv, (const char *)sqlite3_column_text(st, 7));
        l->amount = amount < 0 ? -amount : amount;
        l->back = sqlite3_column_int64(st, 9);
        l->from = month_parse((const char *)sqlite3_column_text(st, 10));
        l->to = month_parse((const char *)sqlite3_column_text(st, 11));
        l->reason = sqlite3_column_int(st, 12);
        l->first = sqlite3_column_int(st, 14);
        snprintf(l->date, sizeof l->date, "%s", note ? note : "");
    }
    sqlite3_reset(st);
    if (rv->oom)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}
