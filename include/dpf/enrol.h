/* SPDX-License-Identifier: MIT */
/* Enrolment of a person in a subsidy programme: application (申请), township check (初审),
 * federation review (审核), approval (审定), refusal with a reason, and the stop of payment
 * with a reason and the first month not paid. Every step is dated, names its user and is
 * audited in the person's history. */
#ifndef DPF_ENROL_H
#define DPF_ENROL_H

#include <stdint.h>
#include "dpf/err.h"
#include "dpf/field.h"

struct db;

enum enrol_step {
    ES_APPLIED = 1, ES_CHECKED, ES_REVIEWED, ES_APPROVED, ES_REFUSED, ES_STOPPED
};
extern const char *const enrol_steps[];     /* 申请 初审 审核 审定 不予通过 停发 */

/* Why payment stops, or why the monthly review holds a payment: 1..8 are the rule's
 * verdicts (dpf/programme.h), 9..11 what stops the bank paying, the rest a clerk's reasons. */
enum enrol_reason {
    ER_DECEASED = 1, ER_MOVED, ER_CANCELLED, ER_EXPIRED, ER_CATEGORY_LEVEL, ER_POVERTY,
    ER_TEKUN, ER_AGE, ER_NO_ACCOUNT, ER_SHARED_ACCOUNT, ER_DUPLICATE, ER_FAILED_REVIEW,
    ER_WITHDRAWN, ER_MISSING, ER_PRISON, ER_FRAUD, ER_OTHER, ER_COUNT = ER_OTHER
};
extern const char *const enrol_reasons[];
/* The reason's name, or "" for a code that is not one. */
const char *enrol_reason_name(int reason);

enum enrol_field {
    EF_CERT_NO, EF_NAME, EF_PROGRAMME, EF_APPLIED_ON, EF_STEP, EF_START_MONTH,
    EF_APPROVED_ON, EF_STOP_MONTH, EF_REASON, EF_REASON_NOTE, EF_NOTE, ENROL_NFIELDS
};
/* The fields of an enrolment as the import template and the screens show them. */
extern const struct field enrol_fields[ENROL_NFIELDS];

/* A payment as the import of past payments reads it (and the audit record names it). */
enum payment_field {
    PY_MONTH, PY_PROGRAMME, PY_CERT_NO, PY_NAME, PY_AMOUNT, PY_FOR_MONTH, PY_BANK, PY_NOTE,
    PAYMENT_NFIELDS
};
extern const struct field payment_fields[PAYMENT_NFIELDS];

struct enrolment {
    int64_t id, programme_id, person_id;
    int step, start_month, stop_month, reason;   /* stop_month 0 when not stopped */
    char applied_on[11], checked_on[11], reviewed_on[11], approved_on[11], closed_on[11];
    char applied_by[64], checked_by[64], reviewed_by[64], approved_by[64], closed_by[64];
    char reason_note[256], note[256];
};

/* Applies for a person (step 申请) on date; payment would count from that month. Refuses a
 * person who already has an open application or payment in the programme. *id is set. */
int enrol_apply(struct db *db, int64_t programme_id, int64_t person_id, const char *date,
                const char *note, int64_t *id, struct dpf_err *err);
/* Moves an application to the next step (初审, 审核, then 审定) on date. Approval checks that
 * the person qualifies under the programme's rule in the month of approval. */
int enrol_advance(struct db *db, int64_t id, const char *date, struct dpf_err *err);
/* Refuses an open application (steps 申请..审核) with a reason. */
int enrol_refuse(struct db *db, int64_t id, const char *date, const char *why,
                 struct dpf_err *err);
/* Stops payment of an approved enrolment from stop_month (the first month not paid). */
int enrol_stop(struct db *db, int64_t id, int reason, int stop_month, const char *note,
               struct dpf_err *err);

int enrol_load(struct db *db, int64_t id, struct enrolment *out, struct dpf_err *err);
/* The person's open enrolment (申请..审定) in the programme; DPF_ENOTFOUND if none. */
int enrol_open(struct db *db, int64_t programme_id, int64_t person_id, struct enrolment *out,
               struct dpf_err *err);
typedef int (*enrol_fn)(const struct enrolment *e, void *ctx);
/* A person's enrolments, newest first. */
int enrol_of_person(struct db *db, int64_t person_id, enrol_fn fn, void *ctx,
                    struct dpf_err *err);

/* Stores an enrolment as it stands (for the import of existing enrolments): *e must be
 * complete; dates and users of steps not given are those of the application. Audited. */
int enrol_insert(struct db *db, struct enrolment *e, struct dpf_err *err);

/* Hands the module's entities (enrolments, payments, rules) to the registry (dpf/entity.h); modules_init. */
void subsidy_register_entities(void);

#endif
