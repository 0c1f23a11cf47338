/* SPDX-License-Identifier: MIT */
/* Helpers for the subsidy tests: persons with the flags the rules read, enrolment through
 * every approval step, approval of a month, and finding a review's line. */
#ifndef DPF_SUBSIDY_FIXTURE_H
#define DPF_SUBSIDY_FIXTURE_H

#include "testutil.h"
#include "dpf/enrol.h"
#include "dpf/month.h"
#include "dpf/programme.h"
#include "dpf/review.h"

enum { LIVING = 1, NURSING = 2, MENTAL = 3, EDU_HIGH = 4 };

struct sf_person {
    int seq, category, level;
    const char *township, *name;
    int dibao, poor;
    const char *bank;           /* NULL: none */
    const char *issued;         /* certificate issue date, or NULL */
    const char *birth8;         /* NULL: 19600101 */
};

static inline int64_t sf_add(struct db *db, const struct sf_person *sp)
{
    struct person p;
    struct dpf_err err;
    char id[19];
    int64_t rowid;

    tu_id(id, "341503", sp->birth8 ? sp->birth8 : "19600101", sp->seq);
    tu_person(&p, id, sp->category, sp->level, sp->name ? sp->name : "测试", sp->township);
    person_set(&p, PF_DIBAO, sp->dibao ? "1" : "0");
    person_set(&p, PF_POOR_REG, sp->poor ? "1" : "0");
    if (sp->bank)
        person_set(&p, PF_BANK_ACCOUNT, sp->bank);
    if (sp->issued)
        person_set(&p, PF_CERT_ISSUE_DATE, sp->issued);
    if (person_validate(&p, TU_TODAY, &err) != DPF_OK || person_insert(db, &p, &err) != DPF_OK)
        fail_msg("person %d: %s", sp->seq, err.msg);
    rowid = p.id;
    person_clear(&p);
    return rowid;
}

/* Applies on `applied` and takes the application through 初审 and 审核 the same day and
 * 审定 on `approved`. */
static inline int64_t sf_enrol(struct db *db, int prog, int64_t person, const char *applied,
                               const char *approved)
{
    struct dpf_err err;
    int64_t id = 0;
    if (enrol_apply(db, prog, person, applied, NULL, &id, &err) != DPF_OK ||
        enrol_advance(db, id, applied, &err) != DPF_OK ||
        enrol_advance(db, id, applied, &err) != DPF_OK ||
        enrol_advance(db, id, approved, &err) != DPF_OK)
        fail_msg("enrol person %lld in %d: %s", (long long)person, prog, err.msg);
    return id;
}

static inline void sf_approve(struct db *db, const char *month)
{
    struct review_approval a;
    struct dpf_err err;
    if (db_begin(db, &err) != DPF_OK ||
        db_end(db, review_approve(db, month_parse(month), &a, &err), &err) != DPF_OK)
        fail_msg("approve %s: %s", month, err.msg);
}

static inline void sf_review(struct db *db, const char *month, struct review *rv)
{
    struct dpf_err err;
    if (review_run(db, month_parse(month), NULL, rv, &err) != DPF_OK)
        fail_msg("review %s: %s", month, err.msg);
}

/* The line of kind for person in programme id prog, or NULL. */
static inline const struct review_line *sf_line(const struct review *rv, int kind,
                                                int64_t person, int prog)
{
    long n;
    const struct review_line *l = review_lines(rv, kind, &n);
    for (long i = 0; i < n; i++)
        if (l[i].person_id == person && rv->progs.p[l[i].prog].id == prog)
            return &l[i];
    return NULL;
}

/* Two nursing-subsidy cases: 甲 (level 1) paid since December 2025, and 乙 (level 2) who
 * applied on b_applied and waits for approval; January to March are approved. Returns 乙's
 * application. */
static inline int64_t sf_two_cases(struct db *db, int64_t *a, int64_t *b, const char *b_applied)
{
    struct dpf_err err;
    int64_t id = 0;
    *a = sf_add(db, &(struct sf_person){ 1, 4, 1, "新安镇", "甲", 0, 0, "6217000000000001", NULL, NULL });
    *b = sf_add(db, &(struct sf_person){ 3, 4, 2, "新安镇", "乙", 0, 0, "6217000000000003", NULL, NULL });
    sf_enrol(db, NURSING, *a, "2025-12-01", "2025-12-05");
    if (enrol_apply(db, NURSING, *b, b_applied, NULL, &id, &err) != DPF_OK)
        fail_msg("apply: %s", err.msg);
    sf_approve(db, "2026-01");
    sf_approve(db, "2026-02");
    sf_approve(db, "2026-03");
    return id;
}

/* Sets a person's field and saves it (audited). */
static inline void sf_set(struct db *db, int64_t id, int field, const char *value)
{
    struct person p;
    struct dpf_err err;
    person_init(&p);
    assert_int_equal(person_load(db, id, &p, &err), DPF_OK);
    person_set(&p, field, value);
    if (person_validate(&p, TU_TODAY, &err) != DPF_OK || person_update(db, &p, NULL, &err) != DPF_OK)
        fail_msg("set %s: %s", person_fields[field].key, err.msg);
    person_clear(&p);
}

#endif
