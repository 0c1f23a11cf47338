/* SPDX-License-Identifier: MIT */
/* Shared by the insurance sources: small readers of statement columns and the audit row
 * of a change to a person's insurance. */
#ifndef DPF_INSURANCE_INTERNAL_H
#define DPF_INSURANCE_INTERNAL_H

#include <sqlite3.h>
#include "dpf/db.h"
#include "dpf/insurance.h"
#include "base/db_struct.h"

struct entity;

/* Additions to and removals from a roster as an importable kind (import_insured.c). */
extern const struct entity insured_entity;

/* Column i copied into out (empty for NULL). */
void ins_copy(sqlite3_stmt *st, int i, char *out, size_t cap);
/* An audit row under the person: action (claim_add, insured_add, ...) with JSON objects. */
int ins_audit(struct db *db, int64_t person_id, const char *action, const char *before,
              const char *after, struct dpf_err *err);
/* Whether two canonical values (NULL for empty) are the same. */
int ins_same(const char *a, const char *b);
/* A money value (canonical fen text) as an integer; -1 when empty. */
int64_t ins_fen(const char *v);

#endif

/* What a claim's checks found out and its writer needs. */
struct claim_refs {
    int64_t policy_id;
    int year;
    int status;                 /* the status the claim is saved at */
    const char *status_on;      /* points into the claim's values */
    int old_status;             /* 0 for a new claim */
    struct cover covers[COVER_MAX];
    int ncovers;
};

/* How a claim is being saved: edited (its status stays), moved on a step (one way: 已赔付
 * and 拒赔 only from 已报保险公司), or recorded as a file states it (an import: at any later
 * step, and a closed claim restated at its status, e.g. its second item). */
enum claim_mode { CM_EDIT, CM_MOVE, CM_RECORD };

/* Checks claim c (c->id 0 for a new one) as a whole, as it is to be stored: resolves its
 * person, policy and items' coverage, and fills r. */
int claim_check(struct db *db, struct claim *c, enum claim_mode mode, struct claim_refs *r,
                struct dpf_err *err);
