/* SPDX-License-Identifier: MIT */
/* Accident insurance (意外伤害保险) for registered-poor disabled persons: the yearly group
 * policy and its coverage items (caps are data), the insured roster built from the register
 * on the policy's start date, and claims with their items, documents and steps.
 *
 * Policies, coverage items and claims are described by field tables (records are arrays of
 * canonical values, dpf/field.h) read by the forms, the import, its template and the
 * exports. Writers run in the caller's transaction; changes to a person's insurance leave an
 * audit row in the person's history. */
#ifndef DPF_INSURANCE_H
#define DPF_INSURANCE_H

#include <stdint.h>
#include "dpf/err.h"
#include "dpf/field.h"

struct db;

/* Code lists. */
extern const char *const claim_statuses[];  /* 报案 材料收集 已报保险公司 已赔付 拒赔 撤销 */
enum claim_status { CS_REPORTED = 1, CS_DOCUMENTS, CS_SUBMITTED, CS_PAID, CS_REJECTED,
                    CS_WITHDRAWN };
extern const char *const claim_docs[];      /* 理赔申请书 身份证明 ... 户口注销证明 */
#define CLAIM_DEATH_DOCS "89"               /* required besides the items' for a death */

/* ---- policies ---- */

enum policy_field {
    PO_YEAR, PO_INSURER, PO_NUMBER, PO_PREMIUM, PO_STARTS, PO_ENDS, PO_RULE_POOR, PO_NOTE,
    POLICY_NFIELDS
};
extern const struct field policy_fields[POLICY_NFIELDS];

enum cover_field { CV_ITEM, CV_CAP, CV_DAILY, CV_MAX_DAYS, CV_DOCS, COVER_NFIELDS };
extern const struct field cover_fields[COVER_NFIELDS];

/* Adds (id 0) or changes a policy from canonical values. A new policy takes the office's
 * standard coverage items. Periods may not overlap; once the roster is confirmed the dates
 * and the rule are fixed. */
int policy_save(struct db *db, int64_t id, char *const *v, int64_t *out_id,
                struct dpf_err *err);
/* The policy's canonical values (malloc'd, free with record_free, dpf/field.h). */
int policy_load(struct db *db, int64_t id, char **v, struct dpf_err *err);
/* The policy of a year; DPF_ENOTFOUND (naming "year") if there is none. */
int policy_of_year(struct db *db, int year, int64_t *id, struct dpf_err *err);

struct policy_summary {
    int64_t id;
    int year;
    char insurer[128], number[64], starts[11], ends[11], confirmed[11];
    int64_t premium;            /* fen a person */
    long insured;               /* persons ever on the roster */
    long current;               /* insured today: 0 outside the policy's period; the
                                 * dead, moved and cancelled not counted */
    long added, removed;        /* dated changes after confirmation */
    int64_t premium_total;      /* insured * premium */
};
typedef int (*policy_fn)(const struct policy_summary *p, void *ctx);
/* Policies, newest year first. */
int policy_list(struct db *db, policy_fn fn, void *ctx, struct dpf_err *err);
int policy_summary(struct db *db, int64_t id, struct policy_summary *out, struct dpf_err *err);

/* Coverage items: adds or changes the item named v[CV_ITEM] of a policy. An allowance item
 * (daily rate given) has its cap set to daily * max_days. */
int cover_save(struct db *db, int64_t policy_id, char *const *v, struct dpf_err *err);

enum { COVER_MAX = 8 };
struct cover {
    int64_t id;
    char item[64];
    int64_t cap, daily;         /* fen; daily 0 for a lump-sum item */
    int max_days;
    char docs[16];              /* required document codes */
};
int cover_list(struct db *db, int64_t policy_id, struct cover *out, int *n,
               struct dpf_err *err);

/* ---- the insured roster ---- */

/* Builds the roster from the register as it stood on the policy's start date: persons
 * certified by then and not dead, moved or cancelled by then, and (when the rule asks)
 * registered poor on that date, read back through the audit log of later changes.
 * Replaces an earlier build; refused once confirmed. *n is the persons insured. */
int insured_build(struct db *db, int64_t policy_id, long *n, struct dpf_err *err);
/* Freezes the roster. */
int insured_confirm(struct db *db, int64_t policy_id, struct dpf_err *err);
/* Dated changes to a confirmed roster. An added person must be on the register and meet
 * the rule now; a removal needs a reason and ends cover on that date. */
int insured_add(struct db *db, int64_t policy_id, const char *cert, const char *date,
               const char *reason, struct dpf_err *err);
int insured_remove(struct db *db, int64_t policy_id, const char *cert, const char *date,
                  const char *reason, struct dpf_err *err);
/* The roster's own columns (the export adds them to the register's) and the keys of its
 * audit rows. */
enum roster_field { RO_YEAR, RO_FROM, RO_TO, RO_ADDED, RO_REASON, ROSTER_NFIELDS };
extern const struct field roster_fields[ROSTER_NFIELDS];
/* The label (translated) of a key of an insurance audit row, NULL if it is not one. */
const char *insurance_label(const char *key);

/* Whether the person was insured under the policy on date (1/0). */
int insured_covers(struct db *db, int64_t policy_id, int64_t person_id, const char *date,
                  int *covered, struct dpf_err *err);
/* The policies a person is (or was) insured under, newest first. */
struct insured_period {
    int year;
    char from[11], to[11];      /* to empty: to the policy's end */
};
typedef int (*insured_fn)(const struct insured_period *p, void *ctx);
int insured_periods(struct db *db, int64_t person_id, insured_fn fn, void *ctx,
                    struct dpf_err *err);
/* The roster for the insurer (.xlsx or CSV by the file name): one row a person with the
 * dates covered. IDs are masked unless full; oflags as outfile.h. */
int insured_export(struct db *db, int64_t policy_id, const char *path, unsigned oflags, int full,
                   long *rows, struct dpf_err *err);

/* ---- claims ---- */

/* A claim's own fields, then the columns of one claimed item: the import has a row per item
 * (rows of one person and accident date make one claim); the form shows the items of the
 * policy as lines of their own. */
enum claim_field {
    CL_CERT_NO, CL_NAME, CL_ACCIDENT, CL_REPORTED, CL_PLACE, CL_DESCRIPTION, CL_DEATH,
    CL_DOCS, CL_STATUS, CL_STATUS_ON, CL_REASON, CL_NOTE,
    CL_ITEM, CL_DAYS, CL_CLAIMED, CL_APPROVED, CL_PAID, CLAIM_NFIELDS
};
enum { CLAIM_OWN_FIELDS = CL_ITEM };
extern const struct field claim_fields[CLAIM_NFIELDS];

/* The key naming an item line of a claim in errors and forms ("claimed2"): what is CL_DAYS,
 * CL_CLAIMED, CL_APPROVED or CL_PAID, i the item's index in the claim. A static string. */
const char *claim_item_key(int what, int i);

struct claim_item {
    int64_t cover_id;
    char item[64];
    int days;                   /* an allowance item's days, else 0 */
    int64_t claimed, approved, paid;   /* fen; approved and paid -1 while unknown */
};
struct claim {
    int64_t id, policy_id, person_id;
    char *v[CLAIM_OWN_FIELDS];  /* canonical values of the claim's own fields */
    struct claim_item items[COVER_MAX];
    int nitems;
};
void claim_init(struct claim *c);
void claim_clear(struct claim *c);
int claim_set(struct claim *c, int field, const char *canonical);   /* copies */

/* Adds (c->id 0, as 报案 on its report date) or changes an open claim, whose status stays
 * (v[CL_STATUS] empty or as stored), after every check: the accident
 * inside a policy's period and the person insured on that date, each item within its cap
 * (over all the person's claims of the policy), an allowance equal to days times the daily
 * rate with days within the limit, paid <= approved <= claimed, and documents received
 * before a claim is paid. Errors name the field (an item's errors name its amount line,
 * "claimed:<cover id>"). Sets c->id and c->policy_id. */
int claim_save(struct db *db, struct claim *c, struct dpf_err *err);
/* claim_save for a form that opened the claim as opened: if it has changed since (another
 * clerk saved it or moved it on), nothing is written and DPF_ECONFLICT says so. */
int claim_save_from(struct db *db, struct claim *c, const struct claim *opened,
                    struct dpf_err *err);
/* claim_save for a claim as a file states it (the import): v[CL_STATUS] and
 * v[CL_STATUS_ON] may record it at any later step, and a closed claim may be restated at its
 * status (the second item of a paid claim). The same checks apply. */
int claim_record(struct db *db, struct claim *c, struct dpf_err *err);
/* Moves an open claim on: forward only, 已赔付/拒赔 only after 已报保险公司 and 撤销 from
 * any open step. 拒赔 and 撤销 need a reason; 已赔付 needs paid amounts and the documents.
 * date is the step's date (not before the last step, not in the future). */
int claim_move(struct db *db, int64_t id, int to, const char *date, const char *reason,
               struct dpf_err *err);
int claim_load(struct db *db, int64_t id, struct claim *c, struct dpf_err *err);
/* The documents a claim needs before payment (codes), from its items and its death flag. */
void claim_docs_required(struct db *db, const struct claim *c, char out[16]);

struct claim_summary {
    int64_t id, person_id;
    int year, status;
    char cert[32], name[64], township[64], accident[11], reported[11], status_on[11];
    int days_open;              /* report to today, or to the closing step */
    int64_t claimed, approved, paid;
};
struct claim_filter {
    int year;                   /* the policy's year; 0 all */
    int status;                 /* 0 all; -1 the open ones (报案 .. 已报保险公司) */
    int64_t person_id;          /* 0 all */
};
typedef int (*claim_fn)(const struct claim_summary *c, void *ctx);
/* Claims in report order (newest first). */
int claim_list(struct db *db, const struct claim_filter *f, claim_fn fn, void *ctx,
               struct dpf_err *err);

struct claim_step {
    int status;
    char on[11], user[64], at[20], note[256];
};
typedef int (*claim_step_fn)(const struct claim_step *s, void *ctx);
int claim_steps(struct db *db, int64_t id, claim_step_fn fn, void *ctx, struct dpf_err *err);

/* Claims as rows of the import template (one row per item), CSV or .xlsx. */
int claim_export(struct db *db, int year, const char *path, unsigned oflags, int full, long *rows,
                 struct dpf_err *err);

/* ---- the year's figures ---- */

struct insurance_counts {
    long insured;
    int64_t premium;            /* fen */
    long reported, paid, rejected, withdrawn, open;
    int64_t total_paid, largest;
};
struct insurance_town {
    char name[64];
    struct insurance_counts c;
};
struct insurance_figures {
    int year;
    struct insurance_counts all;
    struct insurance_town *town;    /* by township (the person's current one), name order */
    int ntown;
};
int insurance_figures(struct db *db, int year, struct insurance_figures *out,
                      struct dpf_err *err);
void insurance_figures_free(struct insurance_figures *f);
/* How each figure is counted, one msgid a line. */
extern const char *const insurance_notes[];

/* Hands the module's entities (claims) to the registry (dpf/entity.h); modules_init. */
void insurance_register_entities(void);

#endif
