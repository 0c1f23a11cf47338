/* SPDX-License-Identifier: MIT */
/* A review's sums, once its lines are in reading order: how many lines of each kind, the
 * totals by programme and township, and the change from the last roster of each programme
 * (who is new, who is out and why). It runs no pass and sorts nothing: review_run does
 * those and then asks for the sums. */
#include <stdlib.h>
#include <string.h>
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "review_internal.h"

const char *review_change_text(int why)
{
    switch (why) {
    case RC_NEW:
        return _("newly approved");
    case RC_BACK:
        return _("paid again, with back pay");
    case RC_RESUMED:
        return _("paid again");
    case RC_NOTHING_DUE:
        return _("nothing due this month");
    default:
        return enrol_reason_name(why);
    }
}

/* Pay lines ordered by township then person, for the all-programme totals. */
static int by_town_person(const void *a, const void *b, void *ctx)
{
    const struct review *rv = ctx;
    const struct review_line *x = *(struct review_line *const *)a;
    const struct review_line *y = *(struct review_line *const *)b;
    int c = review_cmp_text(rv, x->township, y->township);
    return c ? c : (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

static struct review_town *add_town(struct review *rv, int prog, uint32_t name)
{
    struct review_town *t = realloc(rv->towns, (size_t)(rv->ntowns + 1) * sizeof *t);
    if (!t) {
        rv->oom = 1;
        return NULL;
    }
    rv->towns = t;
    t = memset(&t[rv->ntowns++], 0, sizeof *t);
    t->prog = prog;
    t->name = name;
    return t;
}

static int totals(struct review *rv, struct dpf_err *err)
{
    long n;
    const struct review_line *pay = review_lines(rv, RK_PAY, &n);
    const struct review_line **all = malloc((size_t)(n + 1) * sizeof *all);
    struct review_town *t = NULL;

    if (!all)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    for (long i = 0; i < rv->nlines; i++) {
        const struct review_line *l = &rv->lines[i];
        struct review_prog_sum *ps = &rv->by_prog[l->prog];
        ps->count[l->kind]++;
        if (l->kind == RK_RECOVER) {
            ps->recover += l->amount;
            rv->recover += l->amount;
        }
    }
    for (long i = 0; i < n; i++) {
        const struct review_line *l = &pay[i];
        rv->by_prog[l->prog].persons++;
        rv->by_prog[l->prog].amount += l->amount;
        rv->by_prog[l->prog].back += l->back;
        rv->total.amount += l->amount;
        rv->back += l->back;
        /* Lines are in programme, township order: one entry per run. */
        if (!t || t->prog != l->prog || review_cmp_text(rv, t->name, l->township) != 0)
            if (!(t = add_town(rv, l->prog, l->township)))
                break;
        t->sum.persons++;
        t->sum.amount += l->amount;
        all[i] = l;
    }
    qsort_r(all, (size_t)n, sizeof *all, by_town_person, rv);
    t = NULL;
    for (long i = 0; i < n && !rv->oom; i++) {
        int new_person = i == 0 || all[i]->person_id != all[i - 1]->person_id;
        if (!t || review_cmp_text(rv, t->name, all[i]->township) != 0)
            if (!(t = add_town(rv, -1, all[i]->township)))
                break;
        t->sum.persons += new_person;
        t->sum.amount += all[i]->amount;
        rv->total.persons += new_person;
    }
    free(all);
    return rv->oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")) : DPF_OK;
}

struct prev_line {
    int64_t person_id, amount, line;
};

/* The roster of programme prog in month (amount > 0), by person. *n = -1 if the month was
 * never approved. */
static int load_prev(struct db *db, struct review *rv, int prog, int month,
                     struct prev_line **out, long *n, struct dpf_err *err)
{
    /* Read from the (month, programme, person, amount) index alone: the names are fetched
     * only for the few who are out. */
    static const char q[] =
        "SELECT person_id, amount, roster_line.id, "
        "  EXISTS (SELECT 1 FROM subsidy_month WHERE month = ?1) "
        "FROM (SELECT 1) LEFT JOIN roster_line ON month = ?1 AND programme_id = ?2 AND "
        "  amount > 0 ORDER BY person_id";
    sqlite3_stmt *st = db_stmt(db, q, err);
    char m[MONTH_TEXT];
    long cap = 0;
    int rc;

    *out = NULL;
    *n = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, month_format(month, m), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, rv->progs.p[prog].id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!sqlite3_column_int(st, 3)) {
            *n = -1;
            continue;
        }
        if (sqlite3_column_type(st, 0) == SQLITE_NULL)
            continue;
        if (review_grow((void **)out, &cap, *n + 1, sizeof **out)) {
            rv->oom = 1;
            break;
        }
        (*out)[*n].person_id = sqlite3_column_int64(st, 0);
        (*out)[*n].amount = sqlite3_column_int64(st, 1);
        (*out)[*n].line = sqlite3_column_int64(st, 2);
        (*n)++;
    }
    sqlite3_reset(st);
    if (rv->oom)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

static struct review_change *add_change(struct review *rv, int prog, int in, int64_t person,
                                        uint32_t name, uint32_t township, int why,
                                        int64_t amount)
{
    struct review_change *c;
    if (review_grow((void **)&rv->changes, &rv->caps[2], rv->nchanges + 1, sizeof *c)) {
        rv->oom = 1;
        return NULL;
    }
    c = &rv->changes[rv->nchanges++];
    c->prog = prog;
    c->in = in;
    c->person_id = person;
    c->name = name;
    c->township = township;
    c->why = why;
    c->amount = amount;
    return c;
}

struct line_names {
    struct review *rv;
    struct review_change *c;
};

static int read_names(sqlite3_stmt *st, void *ctx)
{
    struct line_names *n = ctx;
    n->c->name = review_keep(n->rv, (const char *)sqlite3_column_text(st, 0));
    n->c->township = review_keep_shared(n->rv, (const char *)sqlite3_column_text(st, 1));
    return DPF_OK;
}

/* The name and township on a stored roster line, for a change. */
static void name_from_line(struct db *db, struct review *rv, int64_t line,
                           struct review_change *c)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT name, township FROM roster_line WHERE id = ?", NULL);
    if (!st || !c)
        return;
    sqlite3_bind_int64(st, 1, line);
    db_step_one(db, st, read_names, &(struct line_names){ rv, c }, NULL);
}

/* A finding of this review: the person not paid for a reason. */
struct finding {
    int64_t person;
    int reason;
};

static int by_finding(const void *a, const void *b)
{
    const struct finding *x = a, *y = b;
    return (x->person > y->person) - (x->person < y->person);
}

/* The programme's findings that keep a person off the roster, by person. */
static struct finding *findings(const struct review *rv, int prog, long *n)
{
    long nstop, nhold;
    const struct review_line *stop = review_lines(rv, RK_STOP, &nstop);
    const struct review_line *hold = review_lines(rv, RK_HOLD, &nhold);
    struct finding *f = malloc((size_t)(nstop + nhold + 1) * sizeof *f);

    *n = 0;
    for (long i = 0; f && i < nstop + nhold; i++) {
        const struct review_line *l = i < nstop ? &stop[i] : &hold[i - nstop];
        if (l->prog == prog && (l->kind == RK_HOLD || !l->paid_too))
            f[(*n)++] = (struct finding){ l->person_id, l->reason };
    }
    if (f)
        qsort(f, (size_t)*n, sizeof *f, by_finding);
    return f;
}

/* Why someone paid last time is not paid now: this review's finding, else the stop of the
 * enrolment, else nothing was due. */
static int why_out(struct db *db, const struct review *rv, int prog, int64_t person,
                   const struct finding *f, long nf)
{
    static const char q[] = "SELECT reason FROM enrolment WHERE person_id = ? AND "
                            "programme_id = ? AND step = 6 ORDER BY id DESC LIMIT 1";
    struct finding key = { person, 0 }, *hit;
    sqlite3_stmt *st;
    int64_t why;

    if (f && (hit = bsearch(&key, f, (size_t)nf, sizeof *f, by_finding)))
        return hit->reason;
    if (!(st = db_stmt(db, q, NULL)))
        return RC_NOTHING_DUE;
    sqlite3_bind_int64(st, 1, person);
    sqlite3_bind_int64(st, 2, rv->progs.p[prog].id);
    return db_step_int64(db, st, &why, NULL) == DPF_OK ? (int)why : RC_NOTHING_DUE;
}

static int by_person(const void *a, const void *b)
{
    const struct review_line *x = *(struct review_line *const *)a;
    const struct review_line *y = *(struct review_line *const *)b;
    return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

/* The change of one programme's roster from the last it paid. */
static int compare_prog(struct db *db, struct review *rv, int prog, struct dpf_err *err)
{
    const struct programme *pg = &rv->progs.p[prog];
    int last = rv->month - pg->pay_every;
    long n, nprev, npay = 0;
    const struct review_line *pay = review_lines(rv, RK_PAY, &n), **now;
    struct prev_line *prev;
    struct finding *f;
    long nf;
    int rc;

    rv->compared[prog] = -1;
    if ((rc = load_prev(db, rv, prog, last, &prev, &nprev, err)) != DPF_OK || nprev < 0) {
        free(prev);
        return rc;
    }
    rv->compared[prog] = last;
    if (!(now = malloc((size_t)(n + 1) * sizeof *now))) {
        free(prev);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    for (long i = 0; i < n; i++)
        if (pay[i].prog == prog)
            now[npay++] = &pay[i];
    qsort(now, (size_t)npay, sizeof *now, by_person);
    f = findings(rv, prog, &nf);
    for (long i = 0, j = 0; (i < npay || j < nprev) && !rv->oom;) {
        if (j == nprev || (i < npay && now[i]->person_id < prev[j].person_id)) {
            const struct review_line *l = now[i++];
            int why = l->first ? RC_NEW : l->back ? RC_BACK : RC_RESUMED;
            add_change(rv, prog, 1, l->person_id, l->name, l->township, why, l->amount);
        } else if (i == npay || prev[j].person_id < now[i]->person_id) {
            name_from_line(db, rv, prev[j].line,
                           add_change(rv, prog, 0, prev[j].person_id, 0, 0,
                                      why_out(db, rv, prog, prev[j].person_id, f, nf),
                                      prev[j].amount));
            j++;
        } else {
            i++;
            j++;
        }
    }
    free(f);
    free(now);
    free(prev);
    return rv->oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")) : DPF_OK;
}
int review_sum_up(struct db *db, struct review *rv, struct dpf_err *err)
{
    int rc;

    for (long i = 0; i < rv->nlines; i++)
        rv->count[rv->lines[i].kind]++;
    if ((rc = totals(rv, err)) != DPF_OK)
        return rc;
    for (int i = 0; i < rv->progs.n; i++)
        if (rv->pays[i] && (rv->only < 0 || rv->only == i) &&
            (rc = compare_prog(db, rv, i, err)) != DPF_OK)
            return rc;
    return DPF_OK;
}
