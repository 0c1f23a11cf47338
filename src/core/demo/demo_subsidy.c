/* SPDX-License-Identifier: MIT */
/* The demo district's subsidies, as an office that has run dpf for five months would have
 * them: most who qualify enrolled, some applying, a few refused; each past month reviewed,
 * its stops confirmed and approved; and the current month left to review with what a real
 * month brings: deaths reported late (money to recover), an application approved late (back
 * pay), a bank account missing, an account given for two persons. Everything goes through
 * the same core calls as the screens, so the demo is audited like real work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "demo_internal.h"
#include "dpf/db.h"
#include "dpf/enrol.h"
#include "dpf/i18n.h"
#include "dpf/month.h"
#include "dpf/person.h"
#include "dpf/programme.h"
#include "dpf/review.h"
#include "register/person_internal.h"
#include "base/db_struct.h"

enum { HISTORY_MONTHS = 5 };

struct dgen {
    uint64_t rng;
    struct db *db;
    struct programme_set ps;
    int now, first;             /* this month; the first month dpf paid */
};

static int rnd(struct dgen *g, int n)
{
    return demo_rnd(&g->rng, n);
}

/* A day of month m (1..28, so every month has it), not after today. */
static void date_in(struct dgen *g, int m, char out[11])
{
    int day = 1 + rnd(g, 28);
    month_first_day(m, out);
    out[8] = (char)('0' + day / 10);
    out[9] = (char)('0' + day % 10);
    if (strcmp(out, g->db->today) > 0)
        memcpy(out, g->db->today, 11);
}

static int enrol(struct dgen *g, int64_t prog, int64_t person, int step, int applied_month,
                 const char *why, struct dpf_err *err)
{
    struct enrolment e;

    memset(&e, 0, sizeof e);
    e.programme_id = prog;
    e.person_id = person;
    e.step = step;
    e.start_month = applied_month;
    date_in(g, applied_month, e.applied_on);
    if (step == ES_APPROVED)
        date_in(g, applied_month + 1 < g->first ? applied_month + 1 : applied_month,
                e.approved_on);
    if (why)
        snprintf(e.reason_note, sizeof e.reason_note, "%s", why);
    if (strcmp(e.approved_on, e.applied_on) < 0)
        memcpy(e.approved_on, e.applied_on, 11);
    return enrol_insert(g->db, &e, err);
}

/* The monthly and yearly programmes: most who qualify were enrolled before dpf began. */
static int enrol_person(struct dgen *g, const struct person *p, struct dpf_err *err)
{
    struct rule_person rp;
    int rc = DPF_OK, age = g->now / 12 - atoi(person_get(p, PF_BIRTH_DATE));

    rule_person_of(p, &rp);
    rp.status = PS_ACTIVE;                  /* as they were when they applied */
    for (int i = 0; i < g->ps.n && rc == DPF_OK; i++) {
        const struct programme *pg = &g->ps.p[i];
        const struct rule *r = programme_rule_at(pg, g->first);
        struct rule_verdict v;
        int dice = rnd(g, 1000), alive = person_int(p, PF_STATUS) == PS_ACTIVE;
        if (!r || r->period == RPER_ONCE)
            continue;
        rule_check(r, &rp, g->first, 0, &v);
        /* Hardly anyone is enrolled without a bank card to pay into. */
        if (v.reason || (!person_get(p, PF_BANK_ACCOUNT) && rnd(g, 10)))
            continue;
        if (dice < 860)
            rc = enrol(g, pg->id, p->id, ES_APPROVED, g->first - 1 - rnd(g, 36), NULL, err);
        else if (dice < 890 && alive)
            rc = enrol(g, pg->id, p->id, ES_APPLIED + rnd(g, 3), g->now - rnd(g, 2), NULL, err);
        else if (dice < 900)
            rc = enrol(g, pg->id, p->id, ES_REFUSED, g->first - 1 - rnd(g, 12),
                       "材料不全，逾期未补", err);
    }
    /* One-off grants paid since dpf began: school and college students, home renovation. */
    if (rc == DPF_OK && age >= 15 && age <= 22 && rnd(g, 1000) < 12)
        rc = enrol(g, programme_find(&g->ps, age < 19 ? "edu_high" : "edu_college")->id, p->id,
                   ES_APPROVED, g->first + rnd(g, HISTORY_MONTHS), NULL, err);
    if (rc == DPF_OK && person_int(p, PF_LEVEL) <= 2 && person_int(p, PF_POOR_REG) &&
        rnd(g, 1000) < 2)
        rc = enrol(g, programme_find(&g->ps, "barrier_free")->id, p->id, ES_APPROVED,
                   g->first + rnd(g, HISTORY_MONTHS), NULL, err);
    return rc;
}

static int enrol_register(struct dgen *g, struct dpf_err *err)
{
    char q[1024], first_day[11];
    struct person p;
    sqlite3_stmt *st;
    int rc = DPF_OK, step;

    month_first_day(g->first, first_day);
    snprintf(q, sizeof q, "SELECT id, %s FROM person WHERE status = 1 OR status_date >= ? "
                          "ORDER BY id", person_columns());
    if (sqlite3_prepare_v2(g->db->h, q, -1, &st, NULL) != SQLITE_OK)
        return db_fail(g->db, err);
    sqlite3_bind_text(st, 1, first_day, -1, SQLITE_STATIC);
    person_init(&p);
    while (rc == DPF_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        if ((rc = person_from_row(st, &p)) == DPF_OK)
            rc = enrol_person(g, &p, err);
    person_clear(&p);
    sqlite3_finalize(st);
    if (rc == DPF_ENOMEM)
        return dpf_err_set(err, rc, NULL, _("Out of memory"));
    return rc;
}

/* Each past month as the staff do it: review, confirm the stops found, approve. */
static int past_months(struct dgen *g, struct dpf_err *err)
{
    struct review_approval a;
    int rc = DPF_OK;

    for (int m = g->first; m < g->now && rc == DPF_OK; m++) {
        struct review rv;
        long n;
        const struct review_line *l;
        if ((rc = review_run(g->db, m, NULL, &rv, err)) != DPF_OK)
            break;
        l = review_lines(&rv, RK_STOP, &n);
        for (long i = 0; i < n && rc == DPF_OK; i++)
            rc = review_confirm_stop(g->db, &rv, &l[i], err);
        review_free(&rv);
        if (rc == DPF_OK)
            rc = review_approve(g->db, m, &a, err);
    }
    return rc;
}

/* The persons paid last month, by id, into *ids (malloc'd). */
static int paid_persons(struct dgen *g, int64_t **ids, long *n, struct dpf_err *err)
{
    char m[MONTH_TEXT];
    sqlite3_stmt *st;
    int64_t *grown;
    long cap = 0;
    int rc;

    *ids = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(g->db->h, "SELECT DISTINCT person_id FROM roster_line WHERE "
                                     "month = ? AND amount > 0 ORDER BY 1", -1, &st, NULL))
        return db_fail(g->db, err);
    sqlite3_bind_text(st, 1, month_format(g->now - 1, m), -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 1024;
            if (!(grown = realloc(*ids, (size_t)cap * sizeof **ids)))
                break;
            *ids = grown;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(g->db, err);
}

static int set_bank(struct db *db, int64_t id, const char *bank, struct dpf_err *err)
{
    struct person p;
    int rc;
    person_init(&p);
    if ((rc = person_load(db, id, &p, err)) == DPF_OK &&
        (rc = person_set(&p, PF_BANK_ACCOUNT, bank)) == DPF_OK)
        rc = person_update(db, &p, NULL, err);
    person_clear(&p);
    return rc;
}

/* Whether the rule takes p this month, as the review step of an enrolment will judge. */
static int qualifies_now(const struct dgen *g, const struct rule *r, const struct person *p)
{
    struct rule_person rp;
    struct rule_verdict v = { 0 };

    if (!r || person_int(p, PF_STATUS) != PS_ACTIVE)
        return 0;
    rule_person_of(p, &rp);
    rule_check(r, &rp, g->now, g->ps.cert_valid_years, &v);
    return !v.reason;
}

/* What the current month's review will find. */
static int this_month(struct dgen *g, struct dpf_err *err)
{
    struct person p;
    char date[11];
    long n;
    const struct programme *np = programme_find(&g->ps, "nursing");
    const struct rule *nursing_rule = programme_rule_at(np, g->now);
    int64_t *ids, id, nursing = np->id;
    int rc = paid_persons(g, &ids, &n, err);

    person_init(&p);
    for (long i = 0; i < n && rc == DPF_OK; i++) {
        int dice = rnd(g, 10000);
        if (dice < 30) {                    /* died two months ago, reported only now */
            date_in(g, g->now - 2, date);
            rc = person_set_status(g->db, ids[i], PS_DECEASED, date, "病故", err);
        } else if (dice < 40) {             /* the bank card was cancelled */
            rc = set_bank(g->db, ids[i], NULL, err);
        } else if (dice < 45 && i > 0 &&    /* a relative's account given by mistake */
                   (rc = person_load(g->db, ids[i - 1], &p, err)) == DPF_OK) {
            rc = set_bank(g->db, ids[i], person_get(&p, PF_BANK_ACCOUNT), err);
        }
    }
    /* Applied three months ago and approved only today: back pay. Only those the rule
     * takes today: a certificate that expired last month would be refused at review. */
    for (long i = 0, k = 0; i < n && k < 1 + n / 500 && rc == DPF_OK; i++) {
        struct enrolment e;
        if (enrol_open(g->db, nursing, ids[i], &e, NULL) != DPF_ENOTFOUND ||
            person_load(g->db, ids[i], &p, err) != DPF_OK || person_int(&p, PF_LEVEL) > 2 ||
            !qualifies_now(g, nursing_rule, &p))
            continue;
        date_in(g, g->now - 3, date);
        rc = enrol_apply(g->db, nursing, ids[i], date, NULL, &id, err);
        for (int s = 0; s < 3 && rc == DPF_OK; s++)
            rc = enrol_advance(g->db, id, g->db->today, err);
        k++;
    }
    person_clear(&p);
    free(ids);
    return rc;
}

int demo_subsidies(struct db *db, uint64_t seed, struct dpf_err *err)
{
    struct dgen g = { .rng = seed * 7919 + 1, .db = db };
    int rc;

    g.now = month_of_date(db->today);
    g.first = g.now - HISTORY_MONTHS;
    if ((rc = programme_load_all(db, &g.ps, err)) != DPF_OK)
        return rc;
    rc = enrol_register(&g, err);
    if (rc == DPF_OK)
        rc = past_months(&g, err);
    if (rc == DPF_OK)
        rc = this_month(&g, err);
    programme_set_free(&g.ps);
    return rc;
}
