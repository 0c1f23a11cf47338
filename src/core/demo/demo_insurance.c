/* SPDX-License-Identifier: MIT */
/* The demo district's accident insurance: this policy year's policy (from 30 March, 40 yuan
 * a person, the standard items), its roster built and confirmed, and about one accident per
 * thousand insured, as in the seeds (10 in 9,463): half paid, the rest at each open step.
 * Everything goes through the same checks as a clerk's entries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "demo_internal.h"
#include "dpf/db.h"
#include "dpf/insurance.h"
#include "insurance/insurance_internal.h"
#include "base/db_struct.h"

static int make_policy(struct db *db, int year, int64_t *id, struct dpf_err *err)
{
    char y[16], starts[24], ends[24], no[48];
    char *v[POLICY_NFIELDS] = { y, "中国人民财产保险股份有限公司示范区支公司", no, "4000",
                                starts, ends, "1", NULL };
    long n;
    int rc;

    snprintf(y, sizeof y, "%d", year);
    snprintf(starts, sizeof starts, "%d-03-30", year);
    snprintf(ends, sizeof ends, "%d-03-29", year + 1);
    snprintf(no, sizeof no, "PZAD%d3415030000%d", year, 17);
    if ((rc = policy_save(db, 0, v, id, err)) != DPF_OK ||
        (rc = insured_build(db, *id, &n, err)) != DPF_OK)
        return rc;
    return n ? insured_confirm(db, *id, err) : DPF_OK;
}

/* The i-th insured person's certificate (in roster order). */
static int nth_insured(struct db *db, int64_t policy_id, int i, char *cert, size_t cap,
                       struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT p.cert_no FROM insured i JOIN person p "
                                   "ON p.id = i.person_id WHERE i.policy_id = ?1 "
                                   "ORDER BY i.id LIMIT 1 OFFSET ?2", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    sqlite3_bind_int(st, 2, i);
    if ((rc = db_step_text(db, st, cert, cap, err))
        == DPF_ENOTFOUND)
        return db_fail(db, err);
    return rc;
}

/* What happened: a place, a description, the item and its amounts. */
struct accident {
    const char *place, *what;
    int death;
    const char *item;
    int days;
    int64_t claimed, paid;      /* fen; paid applies when the claim is paid */
};
static const struct accident accidents[] = {
    { "自家院内", "雨天滑倒，股骨骨折", 0, "意外医疗", 0, 860000, 820000 },
    { "村道", "被电动车撞伤", 0, "意外医疗", 0, 1200000, 1200000 },
    { "农田", "农机侧翻身亡", 1, "意外身故/伤残", 0, 10000000, 10000000 },
    { "集镇街道", "摔倒致手腕骨折，住院", 0, "住院津贴", 12, 84000, 84000 },
    { "家中", "烫伤", 0, "意外医疗", 0, 350000, 330000 },
    { "河边", "溺水身亡", 1, "意外身故/伤残", 0, 10000000, 10000000 },
};
enum { NACC = sizeof accidents / sizeof accidents[0] };

static int file_claim(struct db *db, const char *cert, const char *accident_on,
                      const char *reported_on, const struct accident *a, int final,
                      const char *step_on, struct dpf_err *err)
{
    struct claim c;
    int rc;

    claim_init(&c);
    claim_set(&c, CL_CERT_NO, cert);
    claim_set(&c, CL_ACCIDENT, accident_on);
    claim_set(&c, CL_REPORTED, reported_on);
    claim_set(&c, CL_PLACE, a->place);
    claim_set(&c, CL_DESCRIPTION, a->what);
    claim_set(&c, CL_DEATH, a->death ? "1" : "0");
    c.nitems = 1;
    snprintf(c.items[0].item, sizeof c.items[0].item, "%s", a->item);
    c.items[0].days = a->days;
    c.items[0].claimed = a->claimed;
    c.items[0].approved = final == CS_PAID ? a->paid : -1;
    c.items[0].paid = final == CS_PAID ? a->paid : -1;
    if (final == CS_PAID)
        claim_set(&c, CL_DOCS, a->death ? "12389" : "1234567");
    if (final != CS_REPORTED) {
        char s[16];
        snprintf(s, sizeof s, "%d", final);
        claim_set(&c, CL_STATUS, s);
        claim_set(&c, CL_STATUS_ON, step_on);
    }
    rc = claim_record(db, &c, err);
    claim_clear(&c);
    return rc;
}

/* A date d days after from (YYYY-MM-DD), by SQLite's date arithmetic. */
static void date_after(struct db *db, const char *from, int d, char out[11])
{
    sqlite3_stmt *st = NULL;
    snprintf(out, 11, "%s", from);
    if (sqlite3_prepare_v2(db->h, "SELECT date(?1, ?2 || ' days')", -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, d);
    db_step_text(db, st, out, 11, NULL);
    sqlite3_finalize(st);
}

static int days_between(struct db *db, const char *from, const char *to)
{
    sqlite3_stmt *st = NULL;
    int64_t days = 0;
    if (sqlite3_prepare_v2(db->h, "SELECT CAST(julianday(?2) - julianday(?1) AS INTEGER)", -1,
                           &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
    db_step_int64(db, st, &days, NULL);
    sqlite3_finalize(st);
    return (int)days;
}

int demo_insurance(struct db *db, uint64_t seed, struct dpf_err *err)
{
    static const int finals[] = { CS_PAID, CS_DOCUMENTS, CS_PAID, CS_SUBMITTED, CS_PAID,
                                  CS_REPORTED };
    struct policy_summary ps;
    int year = atoi(db->today), rc, n, span;
    uint64_t rnd = seed * 7919 + 3;
    int64_t id;
    char starts[16];

    if (strcmp(db->today + 5, "03-30") < 0)
        year--;                 /* the policy year runs from 30 March */
    if ((rc = make_policy(db, year, &id, err)) != DPF_OK ||
        (rc = policy_summary(db, id, &ps, err)) != DPF_OK)
        return rc;
    snprintf(starts, sizeof starts, "%s", ps.starts);
    n = (int)(ps.insured / 1000) + 3;
    span = days_between(db, starts, db->today);
    for (int i = 0; rc == DPF_OK && i < n && ps.insured > 0 && span > 10; i++) {
        char cert[32], acc[11], rep[11], step[11];
        const struct accident *a = &accidents[i % NACC];
        int final = finals[i % 6], day = demo_rnd(&rnd, span - 10);
        if ((rc = nth_insured(db, id, demo_rnd(&rnd, (int)ps.insured), cert, sizeof cert,
                              err)) != DPF_OK)
            break;
        date_after(db, starts, day, acc);
        date_after(db, acc, 1 + demo_rnd(&rnd, 2), rep);
        date_after(db, rep, 3 + demo_rnd(&rnd, 4), step);
        if (strcmp(step, db->today) > 0)
            snprintf(step, sizeof step, "%s", db->today);
        rc = file_claim(db, cert, acc, rep, a, final, step, err);
        if (rc == DPF_EINVAL)
            rc = DPF_OK;        /* the same person twice over a cap: skip this accident */
    }
    return rc;
}
