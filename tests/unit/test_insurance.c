/* SPDX-License-Identifier: MIT */
/* Accident insurance: the roster built from the register as it stood on the policy's start
 * date (deaths, certificates and poverty read back through the audit log), dated additions
 * and removals after confirmation, every check of a claim and of its steps, the year's
 * figures by township, the claims import (rejects, re-import, documents) and the audit
 * rows in the person's history.
 *
 * The last tests of each group guard bugs found while writing them (named in each). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/outfile.h"
#include "dpf/audit.h"
#include "dpf/import.h"
#include "dpf/insurance.h"
#include "subsidy_fixture.h"

/* The 2026 policy: 4000 fen (40 yuan) a person, from 2026-03-30 to 2027-03-29. */
#define STARTS "2026-03-30"
#define ENDS "2027-03-29"
#define PREMIUM 4000
#define NONE (-1)               /* an amount not known yet */
#define ALL_DOCS "1234567"      /* what every item of the standard covers needs */

/* Who is who on the register, and what the build must make of each on the start date. */
enum {
    P_POOR,             /* 建档立卡, 在册: insured */
    P_POOR_B,           /* the same in the other township: insured */
    P_NOT_POOR,         /* never poor: not insured */
    P_DEAD_BEFORE,      /* died 2026-03-01: not insured */
    P_DEAD_AFTER,       /* died 2026-05-01, after the start: insured */
    P_CERT_LATE,        /* certified 2026-04-15: not insured */
    P_CERT_ON_START,    /* certified on the start date itself: insured */
    P_NEW_POOR,         /* became poor in June: not insured by the build */
    P_WAS_POOR,         /* poor on the start date, poverty removed in June: insured */
    P_EARLY_POOR,       /* became poor on 2026-03-10, before the start: insured */
    NP
};
static const int built_insured[NP] = {
    [P_POOR] = 1, [P_POOR_B] = 1, [P_DEAD_AFTER] = 1, [P_CERT_ON_START] = 1,
    [P_WAS_POOR] = 1, [P_EARLY_POOR] = 1,
};
enum { NBUILT = 6 };

#define JIANG "江家店镇"
#define SU "苏埠镇"

struct fx {
    const char *dir;
    struct db *db;
    int64_t policy;
    int64_t id[NP];
    char cert[NP][24];
    struct cover covers[COVER_MAX];     /* the policy's items: 0 身故/伤残, 1 医疗, 2 津贴 */
    int ncovers;
};

/* The two assertions of every call below, as macros so a failure names the test's line. */
#define must(rc, err) must_at((rc), (err), __FILE__, __LINE__)
#define refused(rc, code, field, err) refused_at((rc), (code), (field), (err), __FILE__, __LINE__)

/* Asserts success. */
static void must_at(int rc, const struct dpf_err *err, const char *file, int line)
{
    if (rc != DPF_OK) {
        print_error("%s:%d: refused (%d, %s): %s\n", file, line, rc,
                    err->field ? err->field : "", err->msg);
        _fail(file, line);
    }
}

/* Asserts a refusal: its code and the field it names (NULL: any field). */
static void refused_at(int rc, int code, const char *field, const struct dpf_err *err,
                       const char *file, int line)
{
    if (rc != code) {
        print_error("%s:%d: expected code %d naming \"%s\", got %d (%s: %s)\n", file, line,
                    code, field ? field : "", rc, rc && err->field ? err->field : "",
                    rc ? err->msg : "accepted");
        _fail(file, line);
    }
    if (field && (!err->field || strcmp(err->field, field) != 0)) {
        print_error("%s:%d: expected the field \"%s\", got \"%s\" (%s)\n", file, line, field,
                    err->field ? err->field : "(none)", err->msg);
        _fail(file, line);
    }
}

/* Moves the clock: what audit rows and steps are dated with. */
static void clock_at(struct db *db, const char *now)
{
    setenv("DPF_NOW", now, 1);
    db_set_now(db);
}

/* ---- writers, each in its own transaction as the front ends run them: a refused call
 * leaves nothing behind ---- */

#define TX(db, err, call) \
    (db_begin((db), (err)) != DPF_OK ? DPF_EDB : db_end((db), (call), (err)))

static int policy_add(struct db *db, const char *year, const char *starts, const char *ends,
                      int64_t *id, struct dpf_err *err)
{
    char premium[16];
    const char *v[POLICY_NFIELDS] = {
        [PO_YEAR] = year, [PO_INSURER] = "中国人寿财险六安市中心支公司",
        [PO_NUMBER] = "PZAE2026341503000012", [PO_PREMIUM] = premium, [PO_STARTS] = starts,
        [PO_ENDS] = ends, [PO_RULE_POOR] = "1",
    };
    snprintf(premium, sizeof premium, "%d", PREMIUM);
    return TX(db, err, policy_save(db, 0, (char *const *)v, id, err));
}

static long build(struct fx *f, int64_t policy)
{
    struct dpf_err err;
    long n = -1;
    must(TX(f->db, &err, insured_build(f->db, policy, &n, &err)), &err);
    return n;
}

static int covered(struct fx *f, int who, const char *date)
{
    struct dpf_err err;
    int c = -1;
    must(insured_covers(f->db, f->policy, f->id[who], date, &c, &err), &err);
    return c;
}

/* ---- claims ---- */

/* A new claim of person who: the accident at home on accident, reported on reported. */
static void claim_new(struct claim *c, struct fx *f, int who, const char *accident,
                      const char *reported)
{
    claim_init(c);
    claim_set(c, CL_CERT_NO, f->cert[who]);
    claim_set(c, CL_ACCIDENT, accident);
    claim_set(c, CL_REPORTED, reported);
    claim_set(c, CL_PLACE, "家中");
}

/* Adds an item by its name (cover_id 0); amounts in fen, NONE while unknown. */
static void item(struct claim *c, const char *name, int days, int64_t claimed,
                 int64_t approved, int64_t paid)
{
    struct claim_item *it = &c->items[c->nitems++];
    memset(it, 0, sizeof *it);
    snprintf(it->item, sizeof it->item, "%s", name);
    it->days = days;
    it->claimed = claimed;
    it->approved = approved;
    it->paid = paid;
}

/* A claim with a status of its own is recorded as an import does (claim_record); one
 * without is saved as a form edits it (claim_save), keeping its status. */
static int store(struct fx *f, struct claim *c, struct dpf_err *err)
{
    return c->v[CL_STATUS] && !c->id ? claim_record(f->db, c, err) : claim_save(f->db, c, err);
}

static int save(struct fx *f, struct claim *c, struct dpf_err *err)
{
    return TX(f->db, err, store(f, c, err));
}

/* Only the checks: saved and rolled back, so a claim tried takes nothing from a cap. */
static int probe(struct fx *f, struct claim *c, struct dpf_err *err)
{
    int64_t id = c->id;
    int rc = db_begin(f->db, err);
    if (rc == DPF_OK) {
        rc = store(f, c, err);
        db_rollback(f->db);
    }
    c->id = id;
    return rc;
}

/* Builds a one-item claim and probes it; the claim is freed. */
static int probe1(struct fx *f, int who, const char *name, int days, int64_t claimed,
                  int64_t approved, int64_t paid, struct dpf_err *err)
{
    struct claim c;
    int rc;
    claim_new(&c, f, who, "2026-05-01", "2026-05-02");
    item(&c, name, days, claimed, approved, paid);
    rc = probe(f, &c, err);
    claim_clear(&c);
    return rc;
}

static int move(struct fx *f, int64_t id, int to, const char *date, const char *reason,
                struct dpf_err *err)
{
    return TX(f->db, err, claim_move(f->db, id, to, date, reason, err));
}

/* Stores a one-item claim directly at a status (as an import records one under way). */
static int64_t claim_at(struct fx *f, int who, const char *accident, const char *name,
                        int days, int64_t claimed, int64_t approved, int64_t paid,
                        const char *status, const char *status_on, const char *reason)
{
    struct claim c;
    struct dpf_err err;
    int64_t id;
    claim_new(&c, f, who, accident, accident);
    item(&c, name, days, claimed, approved, paid);
    claim_set(&c, CL_DOCS, ALL_DOCS);
    claim_set(&c, CL_STATUS, status);
    claim_set(&c, CL_STATUS_ON, status_on);
    claim_set(&c, CL_REASON, reason);
    must(save(f, &c, &err), &err);
    id = c.id;
    claim_clear(&c);
    return id;
}

static int claim_status(struct fx *f, int64_t id)
{
    char q[96];
    snprintf(q, sizeof q, "SELECT status FROM claim WHERE id = %lld", (long long)id);
    return (int)tu_int(f->db, q);
}

/* ---- fixtures ---- */

/* The register of the enum above. Persons are registered on 2026-03-01, before the start;
 * the later changes are made with the clock in June, so their audit rows come after it. */
static int setup(void **state)
{
    static const struct sf_person ps[NP] = {
        [P_POOR]          = { 11, 4, 1, JIANG, "甲", 0, 1, NULL, NULL, NULL },
        [P_POOR_B]        = { 13, 2, 2, SU, "乙", 0, 1, NULL, NULL, NULL },
        [P_NOT_POOR]      = { 15, 1, 3, JIANG, "丙", 0, 0, NULL, NULL, NULL },
        [P_DEAD_BEFORE]   = { 17, 4, 2, JIANG, "丁", 0, 1, NULL, NULL, NULL },
        [P_DEAD_AFTER]    = { 19, 4, 2, JIANG, "戊", 0, 1, NULL, NULL, NULL },
        [P_CERT_LATE]     = { 21, 3, 1, SU, "己", 0, 1, NULL, "2026-04-15", NULL },
        [P_CERT_ON_START] = { 23, 3, 2, SU, "庚", 0, 1, NULL, STARTS, NULL },
        [P_NEW_POOR]      = { 25, 5, 3, JIANG, "辛", 0, 0, NULL, NULL, NULL },
        [P_WAS_POOR]      = { 27, 6, 4, SU, "壬", 0, 1, NULL, NULL, NULL },
        [P_EARLY_POOR]    = { 29, 7, 1, SU, "癸", 0, 0, NULL, NULL, NULL },
    };
    struct fx *f = calloc(1, sizeof *f);
    struct dpf_err err;
    char id[19];

    f->dir = strdup(tu_tmpdir());
    f->db = tu_db(f->dir, "t.db");
    clock_at(f->db, "2026-03-01 09:00:00");
    for (int i = 0; i < NP; i++) {
        f->id[i] = sf_add(f->db, &ps[i]);
        tu_id(id, "341503", "19600101", ps[i].seq);
        snprintf(f->cert[i], sizeof f->cert[i], "%s%d%d", id, ps[i].category, ps[i].level);
    }
    /* Before the start: one death, one person found poor. */
    clock_at(f->db, "2026-03-10 09:00:00");
    must(TX(f->db, &err, person_set_status(f->db, f->id[P_DEAD_BEFORE], PS_DECEASED,
                                           "2026-03-01", "病故", &err)), &err);
    sf_set(f->db, f->id[P_EARLY_POOR], PF_POOR_REG, "1");
    /* After the start (the roster is built in June from what the register knew then). */
    clock_at(f->db, TU_NOW);
    must(TX(f->db, &err, person_set_status(f->db, f->id[P_DEAD_AFTER], PS_DECEASED,
                                           "2026-05-01", "病故", &err)), &err);
    sf_set(f->db, f->id[P_NEW_POOR], PF_POOR_REG, "1");
    sf_set(f->db, f->id[P_WAS_POOR], PF_POOR_REG, "0");
    must(policy_add(f->db, "2026", STARTS, ENDS, &f->policy, &err), &err);
    must(cover_list(f->db, f->policy, f->covers, &f->ncovers, &err), &err);
    assert_int_equal(f->ncovers, 3);
    assert_string_equal(f->covers[1].item, "意外医疗");
    assert_string_equal(f->covers[2].item, "住院津贴");
    *state = f;
    return 0;
}

/* The same, with the roster built and confirmed: what every claim needs. */
static int setup_confirmed(void **state)
{
    struct fx *f;
    struct dpf_err err;

    setup(state);
    f = *state;
    assert_int_equal(build(f, f->policy), NBUILT);
    must(TX(f->db, &err, insured_confirm(f->db, f->policy, &err)), &err);
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    db_close(f->db);
    tu_rmdir(f->dir);
    free((char *)f->dir);
    free(f);
    setenv("DPF_NOW", TU_NOW, 1);
    return 0;
}

/* ---- 1. the roster ---- */

static void test_roster_built_on_start_date(void **state)
{
    struct fx *f = *state;
    struct policy_summary s;
    struct dpf_err err;

    char q[256];

    /* what the build has to see through: 辛's change to poor came after the start */
    snprintf(q, sizeof q, "SELECT count(*) FROM audit WHERE entity = 'person' AND "
             "entity_id = %lld AND at > '" STARTS " 23:59:59' AND "
             "json_extract(before, '$.poor_reg') = '0'", (long long)f->id[P_NEW_POOR]);
    assert_int_equal(tu_int(f->db, q), 1);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM person WHERE poor_reg = 1"), NP - 2);

    assert_int_equal(build(f, f->policy), NBUILT);
    for (int i = 0; i < NP; i++) {
        if (covered(f, i, STARTS) != built_insured[i])
            fail_msg("person %d: insured %d on the start date, expected %d", i,
                     covered(f, i, STARTS), built_insured[i]);
        /* cover runs to the policy's end, not before its start */
        assert_int_equal(covered(f, i, ENDS), built_insured[i]);
        assert_int_equal(covered(f, i, "2026-03-29"), 0);
    }
    /* A second build before confirmation replaces the first. */
    assert_int_equal(build(f, f->policy), NBUILT);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM insured"), NBUILT);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM insured WHERE added = 1"), 0);

    /* Premium total: insured persons times the premium a person. */
    must(policy_summary(f->db, f->policy, &s, &err), &err);
    assert_int_equal(s.insured, NBUILT);
    assert_int_equal(s.premium, PREMIUM);
    assert_int_equal(s.premium_total, NBUILT * PREMIUM);
    assert_string_equal(s.confirmed, "");
    /* Not confirmed: no dated changes yet. */
    refused(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-15",
                                        "新认定建档立卡", &err)), DPF_EINVAL, NULL, &err);
}

/* Without the poverty rule, everyone certified and alive on the start date is insured. */
static void test_roster_without_poverty_rule(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    char *v[POLICY_NFIELDS] = { NULL };
    int64_t id;

    must(policy_load(f->db, f->policy, v, &err), &err);
    free(v[PO_RULE_POOR]);
    v[PO_RULE_POOR] = strdup("0");
    must(TX(f->db, &err, policy_save(f->db, f->policy, v, &id, &err)), &err);
    record_free(v, POLICY_NFIELDS);
    /* all but the one dead before the start and the one certified after it */
    assert_int_equal(build(f, f->policy), NP - 2);
    assert_int_equal(covered(f, P_NOT_POOR, STARTS), 1);
    assert_int_equal(covered(f, P_NEW_POOR, STARTS), 1);
    assert_int_equal(covered(f, P_DEAD_BEFORE, STARTS), 0);
    assert_int_equal(covered(f, P_CERT_LATE, STARTS), 0);
}

static void test_roster_changes_after_confirm(void **state)
{
    struct fx *f = *state;
    struct policy_summary s;
    struct dpf_err err;
    char *v[POLICY_NFIELDS] = { NULL };
    int64_t id;
    long n = 0;

    /* setup_confirmed built and confirmed it: frozen now. */
    refused(TX(f->db, &err, insured_build(f->db, f->policy, &n, &err)), DPF_EINVAL, NULL, &err);
    refused(TX(f->db, &err, insured_confirm(f->db, f->policy, &err)), DPF_EINVAL, NULL, &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM insured"), NBUILT);
    must(policy_summary(f->db, f->policy, &s, &err), &err);
    assert_string_equal(s.confirmed, TU_TODAY);
    /* ... and so are the policy's dates (the insurer's name is not). */
    must(policy_load(f->db, f->policy, v, &err), &err);
    free(v[PO_ENDS]);
    v[PO_ENDS] = strdup("2027-03-30");
    refused(TX(f->db, &err, policy_save(f->db, f->policy, v, &id, &err)), DPF_EINVAL,
            "starts_on", &err);
    free(v[PO_ENDS]);
    v[PO_ENDS] = strdup(ENDS);
    free(v[PO_INSURER]);
    v[PO_INSURER] = strdup("人保财险六安市分公司");
    must(TX(f->db, &err, policy_save(f->db, f->policy, v, &id, &err)), &err);
    record_free(v, POLICY_NFIELDS);

    /* The person who became poor in June is added from a date: covered from then on. */
    must(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-15",
                                     "新认定建档立卡", &err)), &err);
    assert_int_equal(covered(f, P_NEW_POOR, "2026-06-14"), 0);
    assert_int_equal(covered(f, P_NEW_POOR, "2026-06-15"), 1);
    assert_int_equal(covered(f, P_NEW_POOR, ENDS), 1);
    /* twice: a duplicate */
    refused(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-20",
                                        "重复", &err)), DPF_EDUP, "cert_no", &err);
    refused(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_POOR], "2026-06-20",
                                        "重复", &err)), DPF_EDUP, "cert_no", &err);
    /* not poor, which the policy requires; dead; a date outside the period */
    refused(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_NOT_POOR], "2026-06-15",
                                        "补录", &err)), DPF_EINVAL, "cert_no", &err);
    refused(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_DEAD_BEFORE], "2026-06-15",
                                        "补录", &err)), DPF_EINVAL, "cert_no", &err);
    refused(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_CERT_LATE], "2027-03-30",
                                        "新发证", &err)), DPF_EINVAL, "date", &err);
    assert_int_equal(covered(f, P_NOT_POOR, "2026-06-15"), 0);

    /* A removal needs a reason and ends cover on its date: covered that day, not after. */
    refused(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_WAS_POOR], "2026-06-20",
                                           NULL, &err)), DPF_EINVAL, "reason", &err);
    refused(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_WAS_POOR], "2026-06-20",
                                           "", &err)), DPF_EINVAL, "reason", &err);
    assert_int_equal(covered(f, P_WAS_POOR, "2026-06-21"), 1);
    must(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_WAS_POOR], "2026-06-20",
                                        "脱贫", &err)), &err);
    assert_int_equal(covered(f, P_WAS_POOR, "2026-06-20"), 1);
    assert_int_equal(covered(f, P_WAS_POOR, "2026-06-21"), 0);
    assert_int_equal(covered(f, P_WAS_POOR, STARTS), 1);
    refused(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_WAS_POOR], "2026-08-31",
                                           "脱贫", &err)), DPF_EINVAL, "cert_no", &err);
    refused(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_NOT_POOR], "2026-08-31",
                                           "脱贫", &err)), DPF_ENOTFOUND, "cert_no", &err);
    /* not before the person's cover began */
    refused(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-01",
                                           "误增", &err)), DPF_EINVAL, "date", &err);

    /* Everyone ever on the roster pays the premium: 7 × 40 yuan. */
    must(policy_summary(f->db, f->policy, &s, &err), &err);
    assert_int_equal(s.insured, NBUILT + 1);
    assert_int_equal(s.added, 1);
    assert_int_equal(s.removed, 1);
    /* today, 2026-06-30: one added, one removed, and 戊 dead since 2026-05-01 */
    assert_int_equal(s.current, NBUILT - 1);
    assert_int_equal(s.premium_total, (NBUILT + 1) * PREMIUM);
    assert_int_equal(s.premium_total, 28000);
}

/* A second policy may not overlap the first. */
static void test_policy_periods(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    int64_t id = 0;

    refused(policy_add(f->db, "2027", "2027-03-29", "2028-03-28", &id, &err), DPF_EINVAL,
            "starts_on", &err);
    refused(policy_add(f->db, "2027", "2026-04-01", "2027-03-31", &id, &err), DPF_EINVAL,
            "starts_on", &err);
    must(policy_add(f->db, "2027", "2027-03-30", "2028-03-29", &id, &err), &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM policy"), 2);
    /* each new policy takes the standard items */
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM cover WHERE policy_id IS NOT NULL"), 6);
}

/* How many are insured on the date now (the policy summary's "today"). */
static long insured_on(struct fx *f, const char *now)
{
    struct policy_summary s;
    struct dpf_err err;
    clock_at(f->db, now);
    must(policy_summary(f->db, f->policy, &s, &err), &err);
    clock_at(f->db, TU_NOW);
    return s.current;
}

/* "Insured today" is today within the policy's period and the person's cover, and the
 * person alive and on the register: an ended policy has no one insured, the dead are not
 * counted (issue 15: 8,760 "today" for a policy ended two years before). */
static void test_policy_insured_today(void **state)
{
    struct fx *f = *state;

    assert_int_equal(insured_on(f, "2026-03-29 12:00:00"), 0);      /* not started */
    assert_int_equal(insured_on(f, STARTS " 08:00:00"), NBUILT);
    assert_int_equal(insured_on(f, "2026-04-30 12:00:00"), NBUILT);  /* 戊 alive */
    assert_int_equal(insured_on(f, "2026-05-01 12:00:00"), NBUILT - 1);  /* 戊 died */
    assert_int_equal(insured_on(f, ENDS " 18:00:00"), NBUILT - 1);
    assert_int_equal(insured_on(f, "2027-03-30 08:00:00"), 0);      /* ended */
    assert_int_equal(insured_on(f, "2028-06-30 08:00:00"), 0);
}

/* ---- 2. the checks of a claim ---- */

static void test_claim_person_and_dates(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;

    /* not on the roster: never poor, or dead before the start */
    refused(probe1(f, P_NOT_POOR, "意外医疗", 0, 100000, NONE, NONE, &err), DPF_EINVAL,
            "cert_no", &err);
    refused(probe1(f, P_DEAD_BEFORE, "意外医疗", 0, 100000, NONE, NONE, &err), DPF_EINVAL,
            "cert_no", &err);
    /* an unknown certificate */
    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    claim_set(&c, CL_CERT_NO, "34150319600101999X41");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    refused(probe(f, &c, &err), DPF_ENOTFOUND, "cert_no", &err);
    claim_clear(&c);

    /* Added on 2026-06-15: an accident before that is not covered, one after is. */
    must(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-15",
                                     "新认定建档立卡", &err)), &err);
    claim_new(&c, f, P_NEW_POOR, "2026-06-14", "2026-06-16");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    refused(probe(f, &c, &err), DPF_EINVAL, "cert_no", &err);
    claim_set(&c, CL_ACCIDENT, "2026-06-15");
    must(probe(f, &c, &err), &err);
    claim_clear(&c);
    /* Removed on 2026-06-01: covered that day, not the next. */
    must(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_WAS_POOR], "2026-06-01",
                                        "脱贫", &err)), &err);
    claim_new(&c, f, P_WAS_POOR, "2026-06-01", "2026-06-03");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    must(probe(f, &c, &err), &err);
    claim_set(&c, CL_ACCIDENT, "2026-06-02");
    refused(probe(f, &c, &err), DPF_EINVAL, "cert_no", &err);
    claim_clear(&c);

    /* the accident outside the policy period, on either side */
    claim_new(&c, f, P_POOR, "2026-03-29", "2026-04-01");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    refused(probe(f, &c, &err), DPF_EINVAL, "accident_on", &err);
    assert_non_null(strstr(err.msg, STARTS));
    claim_set(&c, CL_ACCIDENT, STARTS);
    must(probe(f, &c, &err), &err);
    claim_clear(&c);
    /* reported before the accident */
    claim_new(&c, f, P_POOR, "2026-05-01", "2026-04-30");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    refused(probe(f, &c, &err), DPF_EINVAL, "reported_on", &err);
    /* reported in the future (today is 2026-06-30): refused as the first step's date */
    claim_set(&c, CL_REPORTED, "2026-07-01");
    refused(probe(f, &c, &err), DPF_EINVAL, NULL, &err);
    claim_clear(&c);
    /* the place is required; a name that is not the register's */
    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    claim_set(&c, CL_PLACE, NULL);
    refused(probe(f, &c, &err), DPF_EINVAL, "place", &err);
    claim_set(&c, CL_PLACE, "家中");
    claim_set(&c, CL_NAME, "乙");
    refused(probe(f, &c, &err), DPF_EINVAL, "name", &err);
    claim_set(&c, CL_NAME, "甲");
    must(probe(f, &c, &err), &err);
    claim_clear(&c);
    /* nothing was stored by any of it */
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_step"), 0);
}

static void test_claim_item_checks(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;

    /* 意外医疗: cap 12,000 yuan */
    refused(probe1(f, P_POOR, "意外医疗", 0, 1300000, NONE, NONE, &err), DPF_EINVAL,
            "claimed1", &err);
    must(probe1(f, P_POOR, "意外医疗", 0, 1200000, NONE, NONE, &err), &err);
    /* a lump-sum item is not paid by the day; an unknown item; no amount */
    refused(probe1(f, P_POOR, "意外医疗", 3, 100000, NONE, NONE, &err), DPF_EINVAL, "days1",
            &err);
    refused(probe1(f, P_POOR, "误工费", 0, 100000, NONE, NONE, &err), DPF_EINVAL, "item", &err);
    refused(probe1(f, P_POOR, "意外医疗", 0, 0, NONE, NONE, &err), DPF_EINVAL, "claimed1", &err);

    /* 住院津贴: 70 yuan a day for at most 180 days; the amount is days × the rate. Second
     * item of the claim, so its lines are "…2". */
    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    item(&c, "住院津贴", 10, 69999, NONE, NONE);
    refused(probe(f, &c, &err), DPF_EINVAL, "claimed2", &err);
    c.items[1].claimed = 70000;
    must(probe(f, &c, &err), &err);
    c.items[1].days = 181;
    c.items[1].claimed = 181 * 7000;
    refused(probe(f, &c, &err), DPF_EINVAL, "days2", &err);
    c.items[1].days = 180;
    c.items[1].claimed = 180 * 7000;
    must(probe(f, &c, &err), &err);
    c.items[1].days = 0;
    c.items[1].claimed = 7000;
    refused(probe(f, &c, &err), DPF_EINVAL, "days2", &err);
    /* the same item twice (by name: the checks filled in the cover id of the line) */
    c.items[1].cover_id = 0;
    snprintf(c.items[1].item, sizeof c.items[1].item, "意外医疗");
    c.items[1].claimed = 100;
    refused(probe(f, &c, &err), DPF_EINVAL, "item", &err);
    claim_clear(&c);
    /* no item at all */
    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    refused(probe(f, &c, &err), DPF_EINVAL, "claimed1", &err);
    claim_clear(&c);

    /* paid <= approved <= claimed, and nothing paid before it is approved */
    refused(probe1(f, P_POOR, "意外医疗", 0, 100000, 100001, NONE, &err), DPF_EINVAL,
            "approved1", &err);
    must(probe1(f, P_POOR, "意外医疗", 0, 100000, 100000, 100000, &err), &err);
    refused(probe1(f, P_POOR, "意外医疗", 0, 100000, 80000, 90000, &err), DPF_EINVAL, "paid1",
            &err);
    refused(probe1(f, P_POOR, "意外医疗", 0, 100000, NONE, 50000, &err), DPF_EINVAL,
            "approved1", &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 0);
}

/* Items may name their cover by id instead of by name; the stored claim has both. */
static void test_claim_item_by_cover_id(void **state)
{
    struct fx *f = *state;
    struct claim c, back;
    struct dpf_err err;

    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "", 5, 35000, NONE, NONE);
    c.items[0].cover_id = f->covers[2].id;
    must(save(f, &c, &err), &err);
    assert_true(c.id > 0);
    assert_int_equal(c.policy_id, f->policy);
    claim_init(&back);
    must(claim_load(f->db, c.id, &back, &err), &err);
    assert_int_equal(back.nitems, 1);
    assert_int_equal(back.items[0].cover_id, f->covers[2].id);
    assert_string_equal(back.items[0].item, "住院津贴");
    assert_int_equal(back.items[0].days, 5);
    assert_int_equal(back.items[0].claimed, 35000);
    assert_int_equal(back.items[0].approved, NONE);
    assert_int_equal(back.items[0].paid, NONE);
    assert_string_equal(back.v[CL_STATUS], "1");
    assert_string_equal(back.v[CL_STATUS_ON], "2026-05-02");
    assert_string_equal(back.v[CL_DEATH], "0");
    claim_clear(&back);
    claim_clear(&c);
    /* a cover id of no item of the policy */
    claim_new(&c, f, P_POOR, "2026-06-01", "2026-06-02");
    item(&c, "", 0, 1000, NONE, NONE);
    c.items[0].cover_id = 9999;
    refused(probe(f, &c, &err), DPF_EINVAL, "item", &err);
    claim_clear(&c);
}

/* A cap holds over all the person's claims under the policy, not claim by claim. */
static void test_claim_cap_across_claims(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;
    int64_t first;

    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 900000, 800000, NONE);
    must(save(f, &c, &err), &err);
    first = c.id;
    claim_clear(&c);

    /* 8,000 approved before; 5,000 more is over the 12,000 cap */
    claim_new(&c, f, P_POOR, "2026-06-01", "2026-06-02");
    item(&c, "意外医疗", 0, 600000, 500000, NONE);
    refused(probe(f, &c, &err), DPF_EINVAL, "approved1", &err);
    assert_non_null(strstr(err.msg, "4,000.00"));       /* what remains */
    c.items[0].approved = 400000;                       /* exactly up to the cap */
    must(probe(f, &c, &err), &err);
    /* not yet approved: the amount claimed counts */
    c.items[0].approved = NONE;
    c.items[0].claimed = 500000;
    refused(probe(f, &c, &err), DPF_EINVAL, "claimed1", &err);
    /* another person's cap is their own */
    claim_set(&c, CL_CERT_NO, f->cert[P_POOR_B]);
    must(probe(f, &c, &err), &err);
    claim_set(&c, CL_CERT_NO, f->cert[P_POOR]);
    /* ... and their claim not yet approved takes what it claims */
    {
        struct claim b;
        claim_new(&b, f, P_POOR_B, "2026-04-01", "2026-04-02");
        item(&b, "意外医疗", 0, 1000000, NONE, NONE);
        must(save(f, &b, &err), &err);
        claim_clear(&b);
        claim_new(&b, f, P_POOR_B, "2026-06-01", "2026-06-02");
        item(&b, "意外医疗", 0, 200001, NONE, NONE);
        refused(probe(f, &b, &err), DPF_EINVAL, "claimed1", &err);
        b.items[0].claimed = 200000;
        must(probe(f, &b, &err), &err);
        claim_clear(&b);
    }
    /* a withdrawn claim takes nothing from the cap */
    must(move(f, first, CS_WITHDRAWN, "2026-06-05", "本人撤回", &err), &err);
    c.items[0].approved = 500000;
    must(save(f, &c, &err), &err);
    claim_clear(&c);

    /* the allowance's days too: 100 + 81 > 180 */
    claim_new(&c, f, P_POOR_B, "2026-04-01", "2026-04-02");
    item(&c, "住院津贴", 100, 700000, NONE, NONE);
    must(save(f, &c, &err), &err);
    claim_clear(&c);
    claim_new(&c, f, P_POOR_B, "2026-06-01", "2026-06-02");
    item(&c, "住院津贴", 81, 81 * 7000, NONE, NONE);
    refused(probe(f, &c, &err), DPF_EINVAL, "days1", &err);
    c.items[0].days = 80;
    c.items[0].claimed = 80 * 7000;
    must(probe(f, &c, &err), &err);
    claim_clear(&c);
}

/* Sends claim id to the insurer: 材料收集 then 已报保险公司. */
static void to_insurer(struct fx *f, int64_t id)
{
    struct dpf_err err;
    must(move(f, id, CS_DOCUMENTS, "2026-05-10", NULL, &err), &err);
    must(move(f, id, CS_SUBMITTED, "2026-05-20", NULL, &err), &err);
}

/* Loads claim id, sets its documents and the first item's approved and paid amounts, saves. */
static int settle(struct fx *f, int64_t id, const char *docs, int64_t approved, int64_t paid,
                  struct dpf_err *err)
{
    struct claim c;
    int rc;
    claim_init(&c);
    must(claim_load(f->db, id, &c, err), err);
    claim_set(&c, CL_DOCS, docs);
    c.items[0].approved = approved;
    c.items[0].paid = paid;
    rc = save(f, &c, err);
    claim_clear(&c);
    return rc;
}

static void test_claim_documents(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;
    char need[16];
    int64_t id;

    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 300000, NONE, NONE);
    must(save(f, &c, &err), &err);
    id = c.id;
    claim_docs_required(f->db, &c, need);
    assert_string_equal(need, ALL_DOCS);
    claim_clear(&c);
    to_insurer(f, id);

    /* approved and paid amounts entered, but only three documents in */
    must(settle(f, id, "123", 300000, 280000, &err), &err);
    assert_int_equal(claim_status(f, id), CS_SUBMITTED);
    refused(move(f, id, CS_PAID, "2026-06-20", NULL, &err), DPF_EINVAL, "docs", &err);
    assert_non_null(strstr(err.msg, "病历"));
    assert_non_null(strstr(err.msg, "医保结算单"));
    assert_null(strstr(err.msg, "理赔申请书"));
    assert_int_equal(claim_status(f, id), CS_SUBMITTED);
    /* all of them in: paid */
    must(settle(f, id, ALL_DOCS, 300000, 280000, &err), &err);
    must(move(f, id, CS_PAID, "2026-06-20", NULL, &err), &err);
    assert_int_equal(claim_status(f, id), CS_PAID);

    /* the documents in but no amount paid entered */
    claim_new(&c, f, P_POOR_B, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 300000, 300000, NONE);
    claim_set(&c, CL_DOCS, ALL_DOCS);
    must(save(f, &c, &err), &err);
    id = c.id;
    claim_clear(&c);
    to_insurer(f, id);
    refused(move(f, id, CS_PAID, "2026-06-20", NULL, &err), DPF_EINVAL, "paid1", &err);

    /* A death also needs the death certificate (8) and the household cancellation (9). */
    claim_new(&c, f, P_DEAD_AFTER, "2026-04-20", "2026-05-03");
    claim_set(&c, CL_DEATH, "1");
    item(&c, "意外身故/伤残", 0, 10000000, NONE, NONE);
    must(save(f, &c, &err), &err);
    id = c.id;
    claim_docs_required(f->db, &c, need);
    assert_string_equal(need, "12389");
    claim_clear(&c);
    to_insurer(f, id);
    must(settle(f, id, "123", 10000000, 10000000, &err), &err);
    refused(move(f, id, CS_PAID, "2026-06-20", NULL, &err), DPF_EINVAL, "docs", &err);
    assert_non_null(strstr(err.msg, "死亡证明"));
    assert_non_null(strstr(err.msg, "户口注销证明"));
    must(settle(f, id, "12389", 10000000, 10000000, &err), &err);
    must(move(f, id, CS_PAID, "2026-06-20", NULL, &err), &err);

    /* a claim recorded as paid outright (as an import does) is held to the same rule */
    claim_new(&c, f, P_WAS_POOR, "2026-04-01", "2026-04-02");
    item(&c, "意外医疗", 0, 100000, 100000, 100000);
    claim_set(&c, CL_STATUS, "4");
    claim_set(&c, CL_STATUS_ON, "2026-06-01");
    claim_set(&c, CL_DOCS, "1234");
    refused(probe(f, &c, &err), DPF_EINVAL, "docs", &err);
    claim_set(&c, CL_DOCS, ALL_DOCS);
    must(probe(f, &c, &err), &err);
    claim_clear(&c);
}

struct steps {
    int n;
    struct claim_step s[8];
};

static int keep_step(const struct claim_step *s, void *ctx)
{
    struct steps *g = ctx;
    if (g->n < 8)
        g->s[g->n] = *s;
    g->n++;
    return 0;
}

static void test_claim_moves_and_steps(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;
    struct steps g = { 0 };
    int64_t id, other;

    claim_new(&c, f, P_POOR_B, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 300000, NONE, NONE);
    must(save(f, &c, &err), &err);
    id = c.id;
    claim_clear(&c);

    /* 已赔付 and 拒赔 only after 已报保险公司 */
    refused(move(f, id, CS_PAID, "2026-05-10", NULL, &err), DPF_EINVAL, "claim_status", &err);
    refused(move(f, id, CS_REJECTED, "2026-05-10", "不符", &err), DPF_EINVAL, "claim_status",
            &err);
    /* the step's date: not before the report, not in the future */
    refused(move(f, id, CS_DOCUMENTS, "2026-05-01", NULL, &err), DPF_EINVAL, "claim_status_on",
            &err);
    refused(move(f, id, CS_DOCUMENTS, "2026-07-01", NULL, &err), DPF_EINVAL, "claim_status_on",
            &err);
    must(move(f, id, CS_DOCUMENTS, "2026-05-10", NULL, &err), &err);
    /* forward only */
    refused(move(f, id, CS_DOCUMENTS, "2026-05-11", NULL, &err), DPF_EINVAL, "claim_status",
            &err);
    refused(move(f, id, CS_REPORTED, "2026-05-11", NULL, &err), DPF_EINVAL, "claim_status",
            &err);
    refused(move(f, id, CS_PAID, "2026-05-11", NULL, &err), DPF_EINVAL, "claim_status", &err);
    /* nor back through a save */
    claim_init(&c);
    must(claim_load(f->db, id, &c, &err), &err);
    claim_set(&c, CL_STATUS, "1");
    claim_set(&c, CL_STATUS_ON, "2026-05-11");
    refused(save(f, &c, &err), DPF_EINVAL, "claim_status", &err);
    claim_clear(&c);
    /* not before the last step */
    refused(move(f, id, CS_SUBMITTED, "2026-05-09", NULL, &err), DPF_EINVAL, "claim_status_on",
            &err);
    must(move(f, id, CS_SUBMITTED, "2026-05-20", NULL, &err), &err);
    refused(move(f, id, CS_DOCUMENTS, "2026-05-21", NULL, &err), DPF_EINVAL, "claim_status",
            &err);
    /* 拒赔 needs a reason */
    refused(move(f, id, CS_REJECTED, "2026-06-01", NULL, &err), DPF_EINVAL, "reason", &err);
    assert_int_equal(claim_status(f, id), CS_SUBMITTED);
    must(move(f, id, CS_REJECTED, "2026-06-01", "非意外伤害所致", &err), &err);
    assert_int_equal(claim_status(f, id), CS_REJECTED);

    /* every step with its date, the user and the time it was recorded */
    must(claim_steps(f->db, id, keep_step, &g, &err), &err);
    assert_int_equal(g.n, 4);
    assert_int_equal(g.s[0].status, CS_REPORTED);
    assert_string_equal(g.s[0].on, "2026-05-02");
    assert_int_equal(g.s[1].status, CS_DOCUMENTS);
    assert_string_equal(g.s[1].on, "2026-05-10");
    assert_int_equal(g.s[2].status, CS_SUBMITTED);
    assert_string_equal(g.s[2].on, "2026-05-20");
    assert_int_equal(g.s[3].status, CS_REJECTED);
    assert_string_equal(g.s[3].on, "2026-06-01");
    assert_string_equal(g.s[3].note, "非意外伤害所致");
    for (int i = 0; i < 4; i++) {
        assert_string_equal(g.s[i].user, f->db->user);
        assert_string_equal(g.s[i].at, TU_NOW);
    }
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim c JOIN claim_step s "
                                   "ON s.claim_id = c.id WHERE c.status = 5 AND s.status = 5 "
                                   "AND c.status_on = '2026-06-01' AND c.reason = '非意外伤害所致'"),
                     1);
    /* closed: it moves no more */
    refused(move(f, id, CS_WITHDRAWN, "2026-06-02", "撤回", &err), DPF_EINVAL, "claim_status",
            &err);

    /* 撤销 from any open step, with a reason */
    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    must(save(f, &c, &err), &err);
    other = c.id;
    claim_clear(&c);
    refused(move(f, other, CS_WITHDRAWN, "2026-05-03", NULL, &err), DPF_EINVAL, "reason", &err);
    must(move(f, other, CS_WITHDRAWN, "2026-05-03", "已获其他赔偿", &err), &err);
    assert_int_equal(claim_status(f, other), CS_WITHDRAWN);
    refused(move(f, other, CS_SUBMITTED, "2026-05-04", NULL, &err), DPF_EINVAL, "claim_status",
            &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_step"), 4 + 2);
}

/* Once a bug: an empty reason passed for 拒赔 and 撤销 (check_step asked only for a non-NULL
 * value), while insured_remove refuses an empty one. */
static void test_claim_reason_not_empty(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;
    int64_t id;

    claim_new(&c, f, P_POOR, "2026-05-01", "2026-05-02");
    item(&c, "意外医疗", 0, 100000, NONE, NONE);
    must(save(f, &c, &err), &err);
    id = c.id;
    claim_clear(&c);
    refused(move(f, id, CS_WITHDRAWN, "2026-05-03", "", &err), DPF_EINVAL, "reason", &err);
    assert_int_equal(claim_status(f, id), CS_REPORTED);
    to_insurer(f, id);
    refused(move(f, id, CS_REJECTED, "2026-06-01", "", &err), DPF_EINVAL, "reason", &err);
    assert_int_equal(claim_status(f, id), CS_SUBMITTED);
}

/* Moving a closed claim anywhere is refused.
 * Once a bug: a withdrawn claim could be "moved" to 撤销 again, overwriting the reason and
 * writing a claim_step audit row. */
static void test_closed_claim_moves(void **state)
{
    struct fx *f = *state;
    struct dpf_err err;
    int64_t paid, withdrawn;

    paid = claim_at(f, P_POOR, "2026-05-01", "意外医疗", 0, 300000, 300000, 300000, "4",
                    "2026-06-01", NULL);
    withdrawn = claim_at(f, P_POOR_B, "2026-05-01", "意外医疗", 0, 300000, NONE, NONE, "6",
                         "2026-05-05", "本人撤回");
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_step"), 4);
    refused(move(f, paid, CS_WITHDRAWN, "2026-06-02", "撤回", &err), DPF_EINVAL, "claim_status",
            &err);
    refused(move(f, paid, CS_REJECTED, "2026-06-02", "拒赔", &err), DPF_EINVAL, "claim_status",
            &err);
    refused(move(f, paid, CS_PAID, "2026-06-02", NULL, &err), DPF_EINVAL, "claim_status", &err);
    refused(move(f, withdrawn, CS_WITHDRAWN, "2026-06-02", "再次撤回", &err), DPF_EINVAL,
            "claim_status", &err);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim WHERE reason = '本人撤回'"), 1);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM audit WHERE action = 'claim_step'"), 0);
}

/* A paid claim's amounts are what the insurer paid: it is not edited any more.
 * Once a bug: claim_save accepted changes to a closed claim loaded with its status. Only
 * claim_record (an import restating the claim) may touch a closed claim. */
static void test_closed_claim_not_edited(void **state)
{
    struct fx *f = *state;
    struct claim c;
    struct dpf_err err;
    int64_t paid;
    int rc;

    paid = claim_at(f, P_POOR, "2026-05-01", "意外医疗", 0, 300000, 300000, 300000, "4",
                    "2026-06-01", NULL);
    claim_init(&c);
    must(claim_load(f->db, paid, &c, &err), &err);
    c.items[0].paid = 100000;
    claim_set(&c, CL_NOTE, "改过");
    rc = save(f, &c, &err);
    claim_clear(&c);            /* before asserting: a failure leaks nothing */
    refused(rc, DPF_EINVAL, "claim_status", &err);
    assert_int_equal(tu_int(f->db, "SELECT paid FROM claim_item"), 300000);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim WHERE note IS NULL"), 1);
}

/* ---- 3. the year's figures ---- */

static const struct insurance_town *town(const struct insurance_figures *g, const char *name)
{
    for (int i = 0; i < g->ntown; i++)
        if (strcmp(g->town[i].name, name) == 0)
            return &g->town[i];
    fail_msg("no township %s", name);
    return NULL;
}

static void test_figures(void **state)
{
    struct fx *f = *state;
    struct insurance_figures g;
    struct claim c;
    struct dpf_err err;
    const struct insurance_town *t;
    int64_t open2, last;

    /* 江家店镇 (甲, 戊 insured): one paid 5,000 yuan, one open.
     * 苏埠镇 (乙, 庚, 壬, 癸 insured): paid 700 + 1,500 on one claim, one rejected, one
     * withdrawn, one open. */
    claim_at(f, P_POOR, "2026-05-01", "意外医疗", 0, 500000, 500000, 500000, "4", "2026-06-01",
             NULL);
    claim_new(&c, f, P_POOR_B, "2026-04-10", "2026-04-11");
    item(&c, "意外医疗", 0, 300000, 200000, 150000);
    item(&c, "住院津贴", 10, 70000, 70000, 70000);
    claim_set(&c, CL_DOCS, ALL_DOCS);
    claim_set(&c, CL_STATUS, "4");
    claim_set(&c, CL_STATUS_ON, "2026-06-10");
    must(save(f, &c, &err), &err);
    claim_clear(&c);
    claim_at(f, P_WAS_POOR, "2026-05-05", "意外医疗", 0, 100000, NONE, NONE, "5", "2026-06-01",
             "非意外伤害所致");
    claim_at(f, P_EARLY_POOR, "2026-05-06", "意外医疗", 0, 100000, NONE, NONE, "6",
             "2026-05-08", "本人撤回");
    claim_at(f, P_CERT_ON_START, "2026-06-01", "意外医疗", 0, 100000, NONE, NONE, "1",
             "2026-06-01", NULL);
    open2 = claim_at(f, P_DEAD_AFTER, "2026-04-20", "意外身故/伤残", 0, 10000000, NONE, NONE,
                     "1", "2026-04-20", NULL);
    must(move(f, open2, CS_DOCUMENTS, "2026-05-01", NULL, &err), &err);

    /* The 2025 policy and a claim paid under it: not in 2026's figures. */
    {
        int64_t p25;
        must(policy_add(f->db, "2025", "2025-03-30", "2026-03-29", &p25, &err), &err);
        /* poor on 2025-03-30 as the audit log tells: not 辛 nor 癸 (poor only since 2026),
         * nor the two certified in 2026; 丁 was still alive */
        assert_int_equal(build(f, p25), 5);
        must(TX(f->db, &err, insured_confirm(f->db, p25, &err)), &err);
        last = claim_at(f, P_POOR, "2025-12-01", "意外医疗", 0, 900000, 900000, 900000, "4",
                        "2026-01-10", NULL);
        assert_int_equal(claim_status(f, last), CS_PAID);
    }

    must(insurance_figures(f->db, 2026, &g, &err), &err);
    assert_int_equal(g.year, 2026);
    assert_int_equal(g.all.insured, NBUILT);
    assert_int_equal(g.all.premium, NBUILT * PREMIUM);
    assert_int_equal(g.all.reported, 6);
    assert_int_equal(g.all.paid, 2);
    assert_int_equal(g.all.rejected, 1);
    assert_int_equal(g.all.withdrawn, 1);
    assert_int_equal(g.all.open, 2);
    assert_int_equal(g.all.total_paid, 500000 + 220000);
    assert_int_equal(g.all.largest, 500000);
    assert_int_equal(g.ntown, 2);
    assert_string_equal(g.town[0].name, JIANG);      /* name order */
    assert_string_equal(g.town[1].name, SU);
    t = town(&g, JIANG);
    assert_int_equal(t->c.insured, 2);
    assert_int_equal(t->c.premium, 2 * PREMIUM);
    assert_int_equal(t->c.reported, 2);
    assert_int_equal(t->c.paid, 1);
    assert_int_equal(t->c.open, 1);
    assert_int_equal(t->c.rejected + t->c.withdrawn, 0);
    assert_int_equal(t->c.total_paid, 500000);
    assert_int_equal(t->c.largest, 500000);
    t = town(&g, SU);
    assert_int_equal(t->c.insured, 4);
    assert_int_equal(t->c.premium, 4 * PREMIUM);
    assert_int_equal(t->c.reported, 4);
    assert_int_equal(t->c.paid, 1);
    assert_int_equal(t->c.rejected, 1);
    assert_int_equal(t->c.withdrawn, 1);
    assert_int_equal(t->c.open, 1);
    assert_int_equal(t->c.total_paid, 220000);       /* a claim's payment: its items' sum */
    assert_int_equal(t->c.largest, 220000);
    insurance_figures_free(&g);

    must(insurance_figures(f->db, 2025, &g, &err), &err);
    assert_int_equal(g.all.insured, 5);
    assert_int_equal(g.all.reported, 1);
    assert_int_equal(g.all.total_paid, 900000);
    insurance_figures_free(&g);
    refused(insurance_figures(f->db, 2024, &g, &err), DPF_ENOTFOUND, "year", &err);
}

/* ---- 4. the claims import ---- */

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* The rejects file's data lines, in one string. */
static void read_rejects(const char *path, char *out, size_t cap)
{
    FILE *fp = fopen(path, "r");
    size_t n;
    assert_non_null(fp);
    n = fread(out, 1, cap - 1, fp);
    out[n] = '\0';
    fclose(fp);
}

/* Everything the import writes, as one text: to see that a re-import changed nothing. */
static void snapshot(struct db *db, char *out, size_t cap)
{
    static const char q[] =
        "SELECT (SELECT group_concat(x, '|') FROM (SELECT id || ',' || policy_id || ',' || "
        "person_id || ',' || accident_on || ',' || reported_on || ',' || place || ',' || death "
        "|| ',' || coalesce(docs, '') || ',' || status || ',' || status_on || ',' || "
        "coalesce(reason, '') AS x FROM claim ORDER BY id)) || '#' || "
        "(SELECT group_concat(x, '|') FROM (SELECT claim_id || ',' || cover_id || ',' || "
        "coalesce(days, '') || ',' || claimed || ',' || coalesce(approved, '') || ',' || "
        "coalesce(paid, '') AS x FROM claim_item ORDER BY claim_id, cover_id)) || '#' || "
        "(SELECT count(*) FROM claim_step) || '#' || (SELECT count(*) FROM audit)";
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

#define CLAIM_HEADER \
    "残疾人证号,事故日期,报案日期,事故地点,身故,已收材料,理赔状态,状态日期,理赔项目,住院天数," \
    "申请金额,核定金额,赔付金额\n"

struct paths {
    char csv[256], rej[256];
};

static void paths(struct fx *f, struct paths *p, struct import_opts *o)
{
    snprintf(p->csv, sizeof p->csv, "%s/claims.csv", f->dir);
    snprintf(p->rej, sizeof p->rej, "%s/claims.rejects.csv", f->dir);
    memset(o, 0, sizeof *o);
    o->rejects = p->rej;
    o->rejects_flags = OUT_FORCE;   /* each import of a test replaces the last one's */
}

static void test_import_rejects(void **state)
{
    struct fx *f = *state;
    struct import_opts o;
    struct import_result res;
    struct dpf_err err;
    struct paths p = { "", "" };
    char csv[2048], text[4096];

    paths(f, &p, &o);
    /* lines 2 and 3: one claim of two items; line 4: a bad date; lines 5 and 6: a claim
     * whose second item, the allowance, is not 5 days × 70 yuan; line 7: someone not
     * insured */
    snprintf(csv, sizeof csv, CLAIM_HEADER
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,意外医疗,,3000,,\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,住院津贴,5,350,,\n"
             "%s,2026-13-01,2026-05-02,田间,否,,报案,,意外医疗,,800,,\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,意外医疗,,200,,\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,住院津贴,5,300,,\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,意外医疗,,100,,\n",
             f->cert[P_POOR], f->cert[P_POOR], f->cert[P_POOR_B], f->cert[P_POOR_B],
             f->cert[P_POOR_B], f->cert[P_NOT_POOR]);
    write_file(p.csv, csv);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.rows, 6);
    assert_int_equal(res.rejected, 3);
    assert_false(res.committed);
    assert_string_equal(res.rejects, p.rej);
    /* nothing written without partial */
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_item"), 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_step"), 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM audit WHERE action LIKE 'claim%'"), 0);
    read_rejects(p.rej, text, sizeof text);
    assert_non_null(strstr(text, "行号,列,原因"));
    assert_non_null(strstr(text, "\n4,事故日期,"));
    assert_non_null(strstr(text, "\n6,申请金额,"));  /* claimed2 named by its column */
    assert_non_null(strstr(text, "\n7,残疾人证号,"));
    assert_null(strstr(text, "\n2,"));
    assert_null(strstr(text, "\n3,"));
    assert_null(strstr(text, "\n5,"));

    /* with partial, the good rows are kept: two claims, one with two items */
    o.partial = 1;
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.rejected, 3);
    assert_int_equal(res.added, 2);
    assert_int_equal(res.updated, 1);
    assert_true(res.committed);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 2);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_item"), 3);
    assert_int_equal(tu_int(f->db, "SELECT sum(claimed) FROM claim_item"), 300000 + 35000 + 20000);
}

static void test_import_twice_unchanged(void **state)
{
    struct fx *f = *state;
    struct import_opts o;
    struct import_result res;
    struct dpf_err err;
    struct paths p = { "", "" };
    char csv[2048], before[4096], after[4096];

    paths(f, &p, &o);
    snprintf(csv, sizeof csv, CLAIM_HEADER
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,意外医疗,,3000,,\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,住院津贴,5,350,,\n"
             "%s,2026-04-10,2026-04-11,田间,否,理赔申请书、身份证明、残疾人证、病历、医疗费发票、"
             "费用清单、医保结算单,已赔付,2026-06-01,意外医疗,,2000,1800,1800\n"
             "%s,2026-04-10,2026-04-11,田间,否,理赔申请书、身份证明、残疾人证、病历、医疗费发票、"
             "费用清单、医保结算单,已赔付,2026-06-01,住院津贴,3,210,210,210\n",
             f->cert[P_POOR], f->cert[P_POOR], f->cert[P_POOR_B], f->cert[P_POOR_B]);
    write_file(p.csv, csv);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.rows, 4);
    assert_int_equal(res.added, 2);
    assert_int_equal(res.updated, 2);       /* a paid claim of two items comes in two rows */
    assert_int_equal(res.unchanged, 0);
    assert_int_equal(res.rejected, 0);
    assert_true(res.committed);
    assert_string_equal(res.rejects, "");
    /* the paid claim: steps 报案 on its report date, 已赔付 on its status date */
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim WHERE status = 4 "
                                   "AND status_on = '2026-06-01' AND docs = '1234567'"), 1);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_step WHERE "
                                   "(status = 1 AND step_on = '2026-04-11') OR "
                                   "(status = 4 AND step_on = '2026-06-01')"), 2);
    assert_int_equal(tu_int(f->db, "SELECT sum(paid) FROM claim_item"), 180000 + 21000);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 2);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_item"), 4);

    snapshot(f->db, before, sizeof before);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.rows, 4);
    assert_int_equal(res.added, 0);
    assert_int_equal(res.updated, 0);
    assert_int_equal(res.unchanged, 4);
    assert_int_equal(res.rejected, 0);
    snapshot(f->db, after, sizeof after);
    assert_string_equal(before, after);
}

/* A file that leaves the optional 身故 column empty: the claim is stored as not fatal, and
 * the same file again must still change nothing.
 * Once a bug: the import compared an empty death flag (NULL) with the stored "0", so every
 * re-imported row counted as updated and wrote a claim_edit audit row. */
static void test_import_twice_death_left_empty(void **state)
{
    struct fx *f = *state;
    struct import_opts o;
    struct import_result res;
    struct dpf_err err;
    struct paths p = { "", "" };
    char csv[1024], before[4096], after[4096];

    paths(f, &p, &o);
    snprintf(csv, sizeof csv, CLAIM_HEADER
             "%s,2026-05-01,2026-05-02,家中,,,,,意外医疗,,3000,,\n", f->cert[P_POOR]);
    write_file(p.csv, csv);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.added, 1);
    assert_int_equal(tu_int(f->db, "SELECT death FROM claim"), 0);
    snapshot(f->db, before, sizeof before);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.updated, 0);
    assert_int_equal(res.unchanged, 1);
    snapshot(f->db, after, sizeof after);
    assert_string_equal(before, after);
}

/* A resident ID ending in a lowercase x is the same person (the register finds them), so
 * its rows are the same claim.
 * Once a bug: the import compared the certificate as typed with the register's upper-case
 * one, so a small x split one claim in two and a re-import added the claims again. */
static void test_import_lowercase_x(void **state)
{
    struct fx *f = *state;
    struct import_opts o;
    struct import_result res;
    struct dpf_err err;
    struct paths p = { "", "" };
    struct sf_person sp = { 0, 4, 1, JIANG, "子", 0, 1, NULL, NULL, NULL };
    char id[19], cert[24], csv[1024];

    /* the first sequence number whose check character is X */
    for (sp.seq = 31; sp.seq < 999; sp.seq += 2) {
        tu_id(id, "341503", "19600101", sp.seq);
        if (id[17] == 'X')
            break;
    }
    assert_int_equal(id[17], 'X');
    sf_add(f->db, &sp);
    snprintf(cert, sizeof cert, "%.17sx41", id);
    must(TX(f->db, &err, insured_add(f->db, f->policy, cert, STARTS, "补录", &err)), &err);

    paths(f, &p, &o);
    snprintf(csv, sizeof csv, CLAIM_HEADER
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,意外医疗,,3000,,\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,住院津贴,5,350,,\n", cert, cert);
    write_file(p.csv, csv);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.rejected, 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 1);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_item"), 2);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.unchanged, 2);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 1);
}

static void test_import_paid_needs_documents(void **state)
{
    struct fx *f = *state;
    struct import_opts o;
    struct import_result res;
    struct dpf_err err;
    struct paths p = { "", "" };
    char csv[2048], text[4096];

    paths(f, &p, &o);
    o.partial = 1;
    snprintf(csv, sizeof csv, CLAIM_HEADER
             "%s,2026-04-10,2026-04-11,田间,否,理赔申请书、身份证明,已赔付,2026-06-01,意外医疗,,"
             "2000,1800,1800\n"
             "%s,2026-05-01,2026-05-02,家中,否,,报案,,意外医疗,,3000,,\n",
             f->cert[P_POOR_B], f->cert[P_POOR]);
    write_file(p.csv, csv);
    must(import_file(f->db, "claims", p.csv, &o, &res, &err), &err);
    assert_int_equal(res.rejected, 1);
    assert_int_equal(res.added, 1);
    read_rejects(p.rej, text, sizeof text);
    assert_non_null(strstr(text, "\n2,已收材料,"));
    assert_non_null(strstr(text, "医保结算单"));
    assert_null(strstr(text, "\n3,"));
    /* only the good row's claim, and nothing of the paid one */
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim"), 1);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim WHERE status = 4"), 0);
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM claim_step"), 1);
}

/* ---- 5. the person's history ---- */

struct history {
    int n;
    char action[16][24];
    char before[16][512], after[16][512];
};

static int keep_row(const struct audit_row *r, void *ctx)
{
    struct history *h = ctx;
    if (h->n < 16) {
        snprintf(h->action[h->n], sizeof h->action[h->n], "%s", r->action);
        snprintf(h->before[h->n], sizeof h->before[h->n], "%s", r->before ? r->before : "");
        snprintf(h->after[h->n], sizeof h->after[h->n], "%s", r->after ? r->after : "");
        h->n++;
    }
    return 0;
}

/* The history row of action, -1 if none (the last one if several). */
static int row_of(const struct history *h, const char *action)
{
    int k = -1;
    for (int i = 0; i < h->n; i++)
        if (strcmp(h->action[i], action) == 0)
            k = i;
    return k;
}

struct labels {
    int n;
    char label[8][64], after[8][128];
};

static int keep_change(const char *label, const char *before, const char *after, void *ctx)
{
    struct labels *l = ctx;
    (void)before;
    if (l->n < 8) {
        snprintf(l->label[l->n], sizeof l->label[l->n], "%s", label);
        snprintf(l->after[l->n], sizeof l->after[l->n], "%s", after);
        l->n++;
    }
    return 0;
}

static void test_history(void **state)
{
    struct fx *f = *state;
    struct history h = { 0 };
    struct labels l = { 0 };
    struct claim c;
    struct dpf_err err;
    int k, found = 0;

    must(TX(f->db, &err, insured_add(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-15",
                                     "新认定建档立卡", &err)), &err);
    claim_new(&c, f, P_NEW_POOR, "2026-06-16", "2026-06-17");
    item(&c, "意外医疗", 0, 250000, NONE, NONE);
    must(save(f, &c, &err), &err);
    must(move(f, c.id, CS_DOCUMENTS, "2026-06-20", NULL, &err), &err);
    claim_clear(&c);
    must(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-30",
                                        "迁出本区", &err)), &err);
    /* a refused change leaves no row */
    refused(TX(f->db, &err, insured_remove(f->db, f->policy, f->cert[P_NEW_POOR], "2026-06-30",
                                           "迁出本区", &err)), DPF_EINVAL, "cert_no", &err);

    must(audit_history(f->db, "person", f->id[P_NEW_POOR], keep_row, &h, &err), &err);
    /* insert, update (poor_reg), then the four insurance rows, in order */
    assert_int_equal(h.n, 6);
    assert_string_equal(h.action[2], "insured_add");
    assert_string_equal(h.action[3], "claim_add");
    assert_string_equal(h.action[4], "claim_step");
    assert_string_equal(h.action[5], "insured_remove");
    for (int i = 2; i < 6; i++)
        assert_string_not_equal(audit_action_label(h.action[i]), h.action[i]);
    /* in display values: the item and its amount, the step from 报案 to 材料收集 */
    k = row_of(&h, "claim_add");
    assert_string_equal(h.before[k], "");
    assert_non_null(strstr(h.after[k], "意外医疗"));
    assert_non_null(strstr(h.after[k], "2,500.00"));
    k = row_of(&h, "claim_step");
    assert_non_null(strstr(h.before[k], "报案"));
    assert_non_null(strstr(h.after[k], "材料收集"));
    k = row_of(&h, "insured_add");
    assert_non_null(strstr(h.after[k], "2026-06-15"));
    assert_non_null(strstr(h.after[k], "新认定建档立卡"));
    /* the removal reads as labelled fields, not keys */
    k = row_of(&h, "insured_remove");
    must(person_audit_changes(f->db, NULL, h.after[k], 1, keep_change, &l, &err), &err);
    for (int i = 0; i < l.n; i++) {
        assert_string_not_equal(l.label[i], "insured_to");
        if (strcmp(l.label[i], insurance_label("insured_to")) == 0) {
            assert_string_equal(l.after[i], "2026-06-30");
            found = 1;
        }
    }
    assert_true(found);
    /* nothing about it under another person */
    assert_int_equal(tu_int(f->db, "SELECT count(*) FROM audit WHERE entity = 'person' AND "
                                   "action IN ('insured_add', 'insured_remove', 'claim_add', "
                                   "'claim_step')"), 4);
}

/* Two clerks open one claim: the second to save is refused, the first's change kept. */
static void test_claim_no_lost_update(void **state)
{
    struct fx *f = *state;
    struct claim a, b, opened;
    struct dpf_err err;
    int64_t id;

    claim_new(&a, f, P_WAS_POOR, "2026-05-01", "2026-05-02");
    item(&a, "意外医疗", 0, 300000, -1, -1);
    must(save(f, &a, &err), &err);
    id = a.id;
    claim_clear(&a);
    claim_init(&opened);
    claim_init(&a);
    claim_init(&b);
    must(claim_load(f->db, id, &opened, &err), &err);    /* clerk A opens it */
    must(claim_load(f->db, id, &b, &err), &err);         /* clerk B opens it */
    must(claim_load(f->db, id, &a, &err), &err);
    claim_set(&b, CL_PLACE, "村道");
    must(TX(f->db, &err, claim_save_from(f->db, &b, &opened, &err)), &err);   /* B first */
    claim_set(&a, CL_PLACE, "田间");
    /* A saves over what A opened, which B has changed: refused, B's place kept */
    assert_int_equal(TX(f->db, &err, claim_save_from(f->db, &a, &opened, &err)), DPF_ECONFLICT);
    assert_int_equal(tu_int(f->db, "SELECT place = '村道' FROM claim"), 1);
    claim_clear(&a);
    claim_clear(&b);
    claim_clear(&opened);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_roster_built_on_start_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_roster_without_poverty_rule, setup, teardown),
        cmocka_unit_test_setup_teardown(test_roster_changes_after_confirm, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_policy_periods, setup, teardown),
        cmocka_unit_test_setup_teardown(test_policy_insured_today, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_person_and_dates, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_item_checks, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_item_by_cover_id, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_cap_across_claims, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_documents, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_moves_and_steps, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_reason_not_empty, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_closed_claim_moves, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_closed_claim_not_edited, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_figures, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_import_rejects, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_import_twice_unchanged, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_import_twice_death_left_empty, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_import_lowercase_x, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_import_paid_needs_documents, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_history, setup_confirmed, teardown),
        cmocka_unit_test_setup_teardown(test_claim_no_lost_update, setup_confirmed, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
