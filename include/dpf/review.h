/* SPDX-License-Identifier: MIT */
/* The monthly review (每月审核) of the subsidies: for a month, every enrolled person who no
 * longer qualifies (with the reason and the month the stop takes effect), every payment the
 * bank cannot make (no account, an account shared by two persons, enrolled twice), money to
 * recover (paid for months after a death), back pay (approved late, or held and released),
 * persons who qualify but are not enrolled (应享未享), applications in progress, and the
 * resulting roster with totals by programme and township and the change from the last
 * roster. Approving the month stores its roster and locks it.
 *
 * What is due is worked out from a ledger: a person is owed every month from the month of
 * application to the month before the stop (or the month of a dated event such as death)
 * that has not been paid, and must repay any paid month outside that span. */
#ifndef DPF_REVIEW_H
#define DPF_REVIEW_H

#include <stdint.h>
#include "dpf/err.h"
#include "dpf/programme.h"

struct db;

enum review_kind {
    RK_PAY = 1,     /* on the roster */
    RK_STOP,        /* no longer qualifies: to be stopped */
    RK_HOLD,        /* qualifies, but the bank cannot pay (this month's money waits) */
    RK_RECOVER,     /* paid for months the person was not entitled to */
    RK_CANDIDATE,   /* qualifies, not enrolled (应享未享) */
    RK_PENDING,     /* an application not yet approved */
    RK_NKINDS
};

struct review_line {
    int kind;
    int prog;                   /* index into review.progs.p */
    int64_t person_id, enrolment_id;
    int64_t other;              /* ER_SHARED_ACCOUNT: the other person; ER_DUPLICATE: the
                                   enrolment that is paid */
    uint32_t other_name;        /* ER_SHARED_ACCOUNT: the other person's name */
    uint32_t name, id_no, township, village, bank;  /* review_text offsets */
    int reason;                 /* RK_STOP, RK_HOLD: enum enrol_reason; RK_PENDING: the step */
    char date[11];              /* RK_STOP: the event's date (if dated); RK_PENDING: applied on */
    int stop_month;             /* RK_STOP: the first month not to pay */
    int paid_too;               /* RK_STOP: the event is in this month, which is still paid */
    int64_t amount;             /* RK_PAY: fen paid; RK_RECOVER: fen to recover; RK_HOLD: held */
    int64_t back;               /* RK_PAY: of which back pay for earlier periods */
    int first;                  /* RK_PAY: the enrolment's first payment */
    int from, to;               /* the months amount is for */
    uint32_t item, nitems;      /* RK_PAY, RK_RECOVER: month by month, in review.items */
};

struct review_item {
    int month;
    int64_t amount;
};

struct review_sum {
    long persons;
    int64_t amount;
};

/* A programme's part of the review: the roster's persons and amount, its back pay and money
 * to recover, and how many lines of each kind. */
struct review_prog_sum {
    long persons;
    int64_t amount, back, recover;
    long count[RK_NKINDS];
};

struct review_town {
    int prog;                   /* -1: all programmes (persons counted once) */
    uint32_t name;
    struct review_sum sum;
};

/* Why a person is on this roster and not the last, or the other way round. */
enum review_change_why { RC_NEW = -1, RC_BACK = -2, RC_RESUMED = -3, RC_NOTHING_DUE = -4 };
struct review_change {
    int prog, in;               /* in: on this roster, not the last */
    int64_t person_id;
    uint32_t name, township;
    int why;                    /* enum review_change_why, or an enrol_reason */
    int64_t amount;             /* this roster's amount (in) or the last one's (out) */
};

struct review {
    int month;
    int only;                   /* -1, or the one programme reviewed */
    int approved;               /* locked: the roster is the stored one */
    char approved_at[20], approved_by[64];
    struct programme_set progs;
    int *pays;                  /* [progs.n]: the programme pays in this month */
    int *compared;              /* [progs.n]: month of the roster compared with, or -1 */
    struct review_line *lines;  /* sorted: kind, programme, township, village, name */
    long nlines, count[RK_NKINDS];
    struct review_item *items;
    long nitems;
    struct review_prog_sum *by_prog;    /* [progs.n] */
    struct review_sum total;    /* persons counted once */
    int64_t back, recover;      /* totals of back pay and of money to recover */
    struct review_town *towns;  /* by programme (in order), then all programmes; by name */
    int ntowns;
    struct review_change *changes;
    long nchanges;
    char *text;                 /* names and numbers, NUL-separated; offset 0 is "" */
    size_t textlen, textcap;
    uint32_t *shared;           /* hash set of the offsets of townships and villages, kept
                                   once each so that equal ones compare by offset */
    size_t nshared, capshared;
    long caps[3];               /* allocation sizes of lines, items, changes */
    int oom;                    /* an allocation failed while building */
};

/* Reviews month (all programmes, or only the one with code or name `programme`). An
 * approved month gives its stored roster and no findings. */
int review_run(struct db *db, int month, const char *programme, struct review *out,
               struct dpf_err *err);
void review_free(struct review *rv);
const char *review_text(const struct review *rv, uint32_t off);
/* The first line of a kind, and how many there are (lines are sorted by kind). */
const struct review_line *review_lines(const struct review *rv, int kind, long *n);
/* The index in rv->progs of the programme with this id, or -1. */
int review_prog_index(const struct review *rv, int64_t id);
/* "2026-05" or "2026-03—2026-06": the months a line is for (out[24]). */
const char *review_months(const struct review_line *l, char out[24]);
/* A change's reason, as the staff read it. */
const char *review_change_text(int why);

/* Stops the enrolment of an RK_STOP line as the review found: its reason, from its stop
 * month. The caller owns the transaction. */
int review_confirm_stop(struct db *db, const struct review *rv, const struct review_line *l,
                        struct dpf_err *err);

struct review_approval {
    long persons, lines, held, stops;   /* stops: findings left unconfirmed */
    int64_t amount, recover;
};
/* Approves month: reviews it again, stores the roster and the ledger, and locks the month.
 * Call it inside the caller's transaction (db_begin takes the write lock first, so nobody
 * changes what the review sees before it is stored). Months are approved in order; a month
 * not yet begun, or already approved, is refused. Audited. */
int review_approve(struct db *db, int month, struct review_approval *out, struct dpf_err *err);

/* The approved months: the first (approved or imported), the last, and the first approved
 * in dpf itself (not imported); -1 for each when there is none. Any pointer may be NULL. */
int review_approved_span(struct db *db, int *first, int *last, int *first_in_dpf,
                         struct dpf_err *err);
/* The last approved month, or -1. */
int review_last_approved(struct db *db, int *month, struct dpf_err *err);

#endif
