/* SPDX-License-Identifier: MIT */
/* The checks of a claim as a whole: the policy and the roster on the accident date, each
 * item against its cap and the person's other claims, the allowance's arithmetic, the order
 * of the amounts, the documents before payment and the order of the steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "dpf/person.h"
#include "insurance_internal.h"
#include "base/db_struct.h"

const char *claim_item_key(int what, int i)
{
    static const char *const keys[4][COVER_MAX] = {
        { "days1", "days2", "days3", "days4", "days5", "days6", "days7", "days8" },
        { "claimed1", "claimed2", "claimed3", "claimed4", "claimed5", "claimed6", "claimed7", "claimed8" },
        { "approved1", "approved2", "approved3", "approved4", "approved5", "approved6", "approved7", "approved8" },
        { "paid1", "paid2", "paid3", "paid4", "paid5", "paid6", "paid7", "paid8" },
    };
    if (what < CL_DAYS || what > CL_PAID || i < 0 || i >= COVER_MAX)
        return "item";
    return keys[what - CL_DAYS][i];
}

static const char *yuan(int64_t fen, char *buf, size_t cap)
{
    return money_format(fen, 1, buf, cap);
}

static int read_policy(sqlite3_stmt *st, void *ctx)
{
    struct claim_refs *r = ctx;
    r->policy_id = sqlite3_column_int64(st, 0);
    r->year = sqlite3_column_int(st, 1);
    return DPF_OK;
}

struct outside {
    const char *date;
    struct dpf_err *err;
};

static int say_outside(sqlite3_stmt *st, void *ctx)
{
    struct outside *o = ctx;
    return dpf_err_set(o->err, DPF_EINVAL, "accident_on",
                       _("The accident (%s) is outside the policy period: the %d policy runs "
                         "from %s to %s"), o->date, sqlite3_column_int(st, 0),
                       (const char *)sqlite3_column_text(st, 1),
                       (const char *)sqlite3_column_text(st, 2));
}

/* The policy whose period holds the accident date. */
static int find_policy(struct db *db, const char *date, struct claim_refs *r,
                       struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id, year FROM policy WHERE starts_on <= ?1 "
                                   "AND ends_on >= ?1", err);
    struct outside o = { date, err };
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    if ((rc = db_step_one(db, st, read_policy, r, err)) == DPF_OK)
        return cover_list(db, r->policy_id, r->covers, &r->ncovers, err);
    if (rc != DPF_ENOTFOUND)
        return rc;
    /* Name the nearest policy's period, which is what the clerk will look at. */
    st = db_stmt(db, "SELECT year, starts_on, ends_on FROM policy "
                     "ORDER BY abs(julianday(starts_on) - julianday(?1)) LIMIT 1", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    if (db_step_one(db, st, say_outside, &o, err) != DPF_EINVAL)
        dpf_err_set(err, DPF_EINVAL, "accident_on",
                    _("The accident (%s) is outside the policy period: there is no policy"),
                    date);
    return DPF_EINVAL;
}

static const struct cover *cover_of(const struct claim_refs *r, struct claim_item *it)
{
    for (int k = 0; k < r->ncovers; k++)
        if (r->covers[k].id == it->cover_id ||
            (it->cover_id == 0 && strcmp(r->covers[k].item, it->item) == 0)) {
            it->cover_id = r->covers[k].id;
            snprintf(it->item, sizeof it->item, "%s", r->covers[k].item);
            return &r->covers[k];
        }
    return NULL;
}

struct used {
    int64_t *amount;
    long *days;
};

static int read_used(sqlite3_stmt *st, void *ctx)
{
    struct used *u = ctx;
    *u->amount = sqlite3_column_int64(st, 0);
    *u->days = sqlite3_column_int(st, 1);
    return DPF_OK;
}

/* What the person's other live claims under the policy took of an item: approved amounts
 * (claimed ones while not yet approved) and days. */
static int used_before(struct db *db, const struct claim *c, const struct claim_refs *r,
                       int64_t cover_id, int64_t *amount, long *days, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db,
        "SELECT coalesce(sum(coalesce(i.approved, i.claimed)), 0), coalesce(sum(i.days), 0) "
        "FROM claim c JOIN claim_item i ON i.claim_id = c.id WHERE c.person_id = ?1 "
        "AND c.policy_id = ?2 AND c.id <> ?3 AND c.status NOT IN (5, 6) AND i.cover_id = ?4",
        err);
    struct used u = { amount, days };

    *amount = 0;
    *days = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, c->person_id);
    sqlite3_bind_int64(st, 2, r->policy_id);
    sqlite3_bind_int64(st, 3, c->id);
    sqlite3_bind_int64(st, 4, cover_id);
    return db_step_one(db, st, read_used, &u, err);  /* sums: always a row */
}

/* One item: its coverage, the allowance's arithmetic, the amounts' order and the cap. */
static int check_item(struct db *db, struct claim *c, int i, const struct claim_refs *r,
                      struct dpf_err *err)
{
    struct claim_item *it = &c->items[i];
    const struct cover *cv = cover_of(r, it);
    char a[32], b[32], d[32];
    int64_t used, mine;
    long used_days;
    int rc;

    if (!cv)
        return dpf_err_set(err, DPF_EINVAL, "item",
                           _("The %d policy does not cover \"%s\""), r->year, it->item);
    for (int j = 0; j < i; j++)
        if (c->items[j].cover_id == it->cover_id)
            return dpf_err_set(err, DPF_EINVAL, "item", _("%s is claimed twice"), it->item);
    if (it->claimed <= 0)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_CLAIMED, i),
                           _("%s: the amount claimed is required"), it->item);
    if (cv->daily > 0) {
        if (it->days <= 0)
            return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_DAYS, i),
                               _("%s: the days in hospital are required"), it->item);
        if (it->days > cv->max_days)
            return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_DAYS, i),
                               _("%s: %d days is more than the %d days covered"), it->item,
                               it->days, cv->max_days);
        if (it->claimed != cv->daily * it->days)
            return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_CLAIMED, i),
                               _("%s: %d days at %s a day is %s, not %s"), it->item, it->days,
                               yuan(cv->daily, a, sizeof a),
                               yuan(cv->daily * it->days, b, sizeof b),
                               yuan(it->claimed, d, sizeof d));
    } else if (it->days > 0) {
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_DAYS, i),
                           _("%s is not paid by the day"), it->item);
    }
    if (it->claimed > cv->cap)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_CLAIMED, i),
                           _("%s: %s is above the cap of %s"), it->item,
                           yuan(it->claimed, a, sizeof a), yuan(cv->cap, b, sizeof b));
    if (it->approved > it->claimed)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_APPROVED, i),
                           _("%s: approved %s is more than claimed %s"), it->item,
                           yuan(it->approved, a, sizeof a), yuan(it->claimed, b, sizeof b));
    if (it->paid >= 0 && it->approved < 0)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_APPROVED, i),
                           _("%s: a payment needs the approved amount"), it->item);
    if (it->paid > it->approved)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_PAID, i),
                           _("%s: paid %s is more than approved %s"), it->item,
                           yuan(it->paid, a, sizeof a), yuan(it->approved, b, sizeof b));
    if (r->status == CS_REJECTED || r->status == CS_WITHDRAWN)
        return DPF_OK;          /* takes nothing from the cap */
    if ((rc = used_before(db, c, r, it->cover_id, &used, &used_days, err)) != DPF_OK)
        return rc;
    mine = it->approved >= 0 ? it->approved : it->claimed;
    if (cv->daily > 0 && used_days + it->days > cv->max_days)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_DAYS, i),
                           _("%s: the person's other claims this policy year took %ld of "
                             "the %d days"), it->item, used_days, cv->max_days);
    if (used + mine > cv->cap)
        return dpf_err_set(err, DPF_EINVAL,
                           it->approved >= 0 ? claim_item_key(CL_APPROVED, i)
                                                  : claim_item_key(CL_CLAIMED, i),
                           _("%s: the person's other claims this policy year took %s of the "
                             "cap of %s; %s remains"), it->item, yuan(used, a, sizeof a),
                           yuan(cv->cap, b, sizeof b),
                           yuan(used < cv->cap ? cv->cap - used : 0, d, sizeof d));
    return DPF_OK;
}

void claim_docs_required(struct db *db, const struct claim *c, char out[16])
{
    struct cover covers[COVER_MAX];
    int n = 0, have[10] = { 0 }, k = 0;
    struct dpf_err err;

    if (cover_list(db, c->policy_id, covers, &n, &err) != DPF_OK)
        n = 0;
    for (int i = 0; i < c->nitems; i++)
        for (int j = 0; j < n; j++)
            if (covers[j].id == c->items[i].cover_id)
                for (const char *d = covers[j].docs; *d; d++)
                    if (*d >= '1' && *d <= '9')
                        have[*d - '0'] = 1;
    if (c->v[CL_DEATH] && strcmp(c->v[CL_DEATH], "1") == 0)
        for (const char *d = CLAIM_DEATH_DOCS; *d; d++)
            have[*d - '0'] = 1;
    for (int d = 1; d <= 9; d++)
        if (have[d])
            out[k++] = (char)('0' + d);
    out[k] = '\0';
}

/* Before payment: the documents, and the amounts paid. */
static int check_payable(struct db *db, struct claim *c, struct dpf_err *err)
{
    char need[16], missing[256] = "";
    const char *got = c->v[CL_DOCS] ? c->v[CL_DOCS] : "";
    int64_t paid = 0;
    size_t len = 0;

    claim_docs_required(db, c, need);
    for (const char *d = need; *d; d++)
        if (!strchr(got, *d))
            len += (size_t)snprintf(missing + len, sizeof missing - len, "%s%s",
                                    len ? "、" : "", claim_docs[*d - '1']);
    if (len)
        return dpf_err_set(err, DPF_EINVAL, "docs",
                           _("The claim cannot be paid before these documents are received: %s"),
                           missing);
    for (int i = 0; i < c->nitems; i++) {
        if (c->items[i].paid < 0)
            return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_PAID, i),
                               _("%s: enter the amount paid (0 if nothing)"), c->items[i].item);
        paid += c->items[i].paid;
    }
    if (paid <= 0)
        return dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_PAID, 0),
                           _("A paid claim needs an amount paid"));
    return DPF_OK;
}

/* The step the claim is saved at: forward only, one step at a time when moved, dated in
 * order; a closed claim only restated by a record of it. */
static int check_step(struct db *db, struct claim *c, enum claim_mode mode, const char *old_on,
                      struct claim_refs *r, struct dpf_err *err)
{
    int to = r->status, from = r->old_status, strict = mode == CM_MOVE;

    if (from >= CS_PAID && (to != from || mode != CM_RECORD))
        return dpf_err_set(err, DPF_EINVAL, "claim_status", _("The claim is closed (%s)"),
                           claim_statuses[from - 1]);
    if (mode == CM_EDIT && to != (from ? from : CS_REPORTED))
        return dpf_err_set(err, DPF_EINVAL, "claim_status",
                           _("A claim's status changes only by moving it on a step"));
    if (from && to < from)
        return dpf_err_set(err, DPF_EINVAL, "claim_status",
                           _("The claim is already at %s; it cannot go back to %s"),
                           claim_statuses[from - 1], claim_statuses[to - 1]);
    if (strict && (to == CS_PAID || to == CS_REJECTED) && from != CS_SUBMITTED)
        return dpf_err_set(err, DPF_EINVAL, "claim_status",
                           _("A claim is paid or rejected only after it is sent to the "
                             "insurer (已报保险公司)"));
    if (to != from) {
        if (!r->status_on)
            return dpf_err_set(err, DPF_EINVAL, "claim_status_on", _("%s is required"),
                               _("Status date"));
        if (strcmp(r->status_on, c->v[CL_REPORTED]) < 0 || (old_on && strcmp(r->status_on, old_on) < 0))
            return dpf_err_set(err, DPF_EINVAL, "claim_status_on",
                               _("The step's date (%s) is before the claim's last step (%s)"),
                               r->status_on, old_on ? old_on : c->v[CL_REPORTED]);
        if (strcmp(r->status_on, db->today) > 0)
            return dpf_err_set(err, DPF_EINVAL, "claim_status_on",
                               _("The step's date (%s) is in the future"), r->status_on);
    }
    if ((to == CS_REJECTED || to == CS_WITHDRAWN) && (!c->v[CL_REASON] || !*c->v[CL_REASON]))
        return dpf_err_set(err, DPF_EINVAL, "reason", _("%s needs a reason"),
                           claim_statuses[to - 1]);
    return to == CS_PAID ? check_payable(db, c, err) : DPF_OK;
}

struct status_out {
    int *status;
    char *on;
    size_t cap;
};

static int read_status(sqlite3_stmt *st, void *ctx)
{
    struct status_out *o = ctx;
    *o->status = sqlite3_column_int(st, 0);
    ins_copy(st, 1, o->on, o->cap);
    return DPF_OK;
}

static int stored_status(struct db *db, int64_t id, int *status, char *on, size_t cap,
                         struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT status, status_on FROM claim WHERE id = ?1", err);
    struct status_out o = { status, on, cap };
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    if ((rc = db_step_one(db, st, read_status, &o, err)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No claim with id %lld"), (long long)id);
}

int claim_check(struct db *db, struct claim *c, enum claim_mode mode, struct claim_refs *r,
                struct dpf_err *err)
{
    struct person who;
    char old_on[11] = "";
    int rc, covered;

    memset(r, 0, sizeof *r);
    for (int i = 0; i < CLAIM_OWN_FIELDS; i++)
        if ((claim_fields[i].flags & FF_REQUIRED) && !c->v[i])
            return dpf_err_set(err, DPF_EINVAL, claim_fields[i].key, _("%s is required"),
                               _(claim_fields[i].label));
    if (c->id && (rc = stored_status(db, c->id, &r->old_status, old_on, sizeof old_on, err)))
        return rc;
    r->status = c->v[CL_STATUS] ? atoi(c->v[CL_STATUS]) : r->old_status ? r->old_status
                                                                         : CS_REPORTED;
    r->status_on = c->v[CL_STATUS_ON] ? c->v[CL_STATUS_ON] : !c->id ? c->v[CL_REPORTED] : NULL;
    if (r->status < CS_REPORTED || r->status > CS_WITHDRAWN)
        return dpf_err_set(err, DPF_EINVAL, "claim_status", _("Unknown claim status"));
    person_init(&who);
    rc = person_find_named(db, c->v[CL_CERT_NO], c->v[CL_NAME], "cert_no", &who, err);
    c->person_id = who.id;
    if (rc == DPF_OK && strcmp(c->v[CL_REPORTED], c->v[CL_ACCIDENT]) < 0)
        rc = dpf_err_set(err, DPF_EINVAL, "reported_on",
                         _("The report (%s) is dated before the accident (%s)"),
                         c->v[CL_REPORTED], c->v[CL_ACCIDENT]);
    if (rc == DPF_OK)
        rc = find_policy(db, c->v[CL_ACCIDENT], r, err);
    c->policy_id = r->policy_id;
    if (rc == DPF_OK)
        rc = insured_covers(db, r->policy_id, who.id, c->v[CL_ACCIDENT], &covered, err);
    if (rc == DPF_OK && !covered)
        rc = dpf_err_set(err, DPF_EINVAL, "cert_no",
                         _("%s was not on the %d insured roster on the accident date (%s)"),
                         person_get(&who, PF_NAME), r->year, c->v[CL_ACCIDENT]);
    person_clear(&who);
    if (rc == DPF_OK && c->nitems == 0)
        rc = dpf_err_set(err, DPF_EINVAL, claim_item_key(CL_CLAIMED, 0),
                         _("A claim needs at least one item claimed"));
    for (int i = 0; rc == DPF_OK && i < c->nitems; i++)
        rc = check_item(db, c, i, r, err);
    if (rc == DPF_OK)
        rc = check_step(db, c, mode, c->id ? old_on : NULL, r, err);
    return rc;
}
