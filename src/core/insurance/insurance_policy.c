/* SPDX-License-Identifier: MIT */
/* Insurance policies and their coverage items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "insurance_internal.h"
#include "base/record.h"
#include "base/store.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

void ins_copy(sqlite3_stmt *st, int i, char *out, size_t cap)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    snprintf(out, cap, "%s", s ? s : "");
}

int ins_audit(struct db *db, int64_t person_id, const char *action, const char *before,
              const char *after, struct dpf_err *err)
{
    return audit_record(db, "person", person_id, action, before, after, err);
}

int64_t ins_fen(const char *v)
{
    return v && *v ? strtoll(v, NULL, 10) : -1;
}

/* A policy's row is its field table: each field in the column of its key. */
static struct store policy_store = {
    .table = "policy", .fields = policy_fields, .n = POLICY_NFIELDS, .once = PTHREAD_ONCE_INIT,
};

static int no_policy(int rc, int64_t id, struct dpf_err *err)
{
    if (rc != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No policy with id %lld"), (long long)id);
}

int policy_load(struct db *db, int64_t id, char **v, struct dpf_err *err)
{
    return no_policy(store_load(db, &policy_store, id, v, NULL, err), id, err);
}

int policy_of_year(struct db *db, int year, int64_t *id, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id FROM policy WHERE year = ?1", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int(st, 1, year);
    if ((rc = db_step_int64(db, st, id, err)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, "year", _("There is no insurance policy for %d"),
                       year);
}

static int is_confirmed(struct db *db, int64_t id, int64_t *confirmed, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT confirmed_on IS NOT NULL FROM policy WHERE id = ?1",
                               err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    return no_policy(db_step_int64(db, st, confirmed, err), id, err);
}

int ins_same(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

/* The whole-record rules of a policy: its year, its period against the others', and no
 * change to what the confirmed roster was built on. old is the stored policy (NULL: new). */
static int policy_check(struct db *db, int64_t id, char *const *v, char *const *old,
                        struct dpf_err *err)
{
    sqlite3_stmt *st;
    int64_t overlap;
    int rc;

    for (int i = 0; i < POLICY_NFIELDS; i++)
        if ((policy_fields[i].flags & FF_REQUIRED) && !v[i])
            return dpf_err_set(err, DPF_EINVAL, policy_fields[i].key, _("%s is required"),
                               _(policy_fields[i].label));
    if (strncmp(v[PO_YEAR], v[PO_STARTS], 4) != 0 || strlen(v[PO_YEAR]) != 4)
        return dpf_err_set(err, DPF_EINVAL, "starts_on",
                           _("The %s policy must start in %s (not on %s)"), v[PO_YEAR],
                           v[PO_YEAR], v[PO_STARTS]);
    if (strcmp(v[PO_ENDS], v[PO_STARTS]) < 0)
        return dpf_err_set(err, DPF_EINVAL, "ends_on",
                           _("The cover ends (%s) before it starts (%s)"), v[PO_ENDS],
                           v[PO_STARTS]);
    st = db_stmt(db, "SELECT year FROM policy WHERE id <> ?1 AND starts_on <= ?3 "
                     "AND ends_on >= ?2", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, v[PO_STARTS], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, v[PO_ENDS], -1, SQLITE_STATIC);
    if ((rc = db_step_int64(db, st, &overlap, err)) != DPF_OK && rc != DPF_ENOTFOUND)
        return rc;
    if (overlap)
        return dpf_err_set(err, DPF_EINVAL, "starts_on",
                           _("The period overlaps the %d policy"), (int)overlap);
    if (old) {
        int64_t confirmed;
        int fixed;
        if ((rc = is_confirmed(db, id, &confirmed, err)) != DPF_OK)
            return rc;
        fixed = ins_same(old[PO_STARTS], v[PO_STARTS]) && ins_same(old[PO_ENDS], v[PO_ENDS]) &&
                ins_same(old[PO_RULE_POOR], v[PO_RULE_POOR]) &&
                ins_same(old[PO_YEAR], v[PO_YEAR]);
        if (confirmed && !fixed)
            return dpf_err_set(err, DPF_EINVAL, "starts_on",
                               _("The roster is confirmed: the year, dates and rule are fixed"));
    }
    return DPF_OK;
}

static int policy_write(struct db *db, int64_t id, char *const *v, int64_t *out_id,
                        struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    *out_id = id;
    if (id)
        return no_policy(store_update(db, &policy_store, id, v, NULL, err), id, err);
    if ((rc = store_insert(db, &policy_store, 0, v, NULL, out_id, err)) != DPF_OK)
        return rc;
    st = db_stmt(db, "INSERT INTO cover (policy_id, seq, item, cap, daily, max_days, docs) "
                     "SELECT ?1, seq, item, cap, daily, max_days, docs FROM cover "
                     "WHERE policy_id IS NULL", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, *out_id);
    return db_step_done(db, st, err);
}

int policy_save(struct db *db, int64_t id, char *const *v, int64_t *out_id,
                struct dpf_err *err)
{
    char *old[POLICY_NFIELDS] = { NULL };
    struct strbuf before, after;
    int64_t pid = 0;
    int rc = id ? policy_load(db, id, old, err) : DPF_OK;

    if (rc == DPF_OK)
        rc = policy_check(db, id, v, id ? old : NULL, err);
    if (rc == DPF_OK)
        rc = policy_write(db, id, v, &pid, err);
    if (rc == DPF_OK) {
        sb_init(&before);
        sb_init(&after);
        if (id) {
            record_json_diff(&before, policy_fields, POLICY_NFIELDS, old, v, 0);
            record_json_diff(&after, policy_fields, POLICY_NFIELDS, old, v, 1);
        } else {
            record_json(&after, policy_fields, POLICY_NFIELDS, v);
        }
        rc = audit_record(db, "policy", pid, id ? "policy_edit" : "policy_add",
                          id ? sb_str(&before) : NULL, sb_str(&after), err);
        sb_free(&before);
        sb_free(&after);
    }
    record_free(old, POLICY_NFIELDS);
    if (rc == DPF_OK && out_id)
        *out_id = pid;
    return rc;
}

#define SUMMARY_SQL \
    "SELECT p.id, p.year, p.insurer, p.policy_no, p.starts_on, p.ends_on, " \
    "coalesce(p.confirmed_on, ''), p.premium, " \
    "(SELECT count(*) FROM insured i WHERE i.policy_id = p.id), " \
    "(SELECT count(*) FROM insured i JOIN person r ON r.id = i.person_id " \
    "  WHERE i.policy_id = p.id AND p.starts_on <= ?1 AND p.ends_on >= ?1 " \
    "  AND i.from_on <= ?1 AND (i.to_on IS NULL OR i.to_on >= ?1) " \
    "  AND (r.status = 1 OR r.status_date > ?1)), " \
    "(SELECT count(*) FROM insured i WHERE i.policy_id = p.id AND i.added = 1), " \
    "(SELECT count(*) FROM insured i WHERE i.policy_id = p.id AND i.to_on IS NOT NULL) " \
    "FROM policy p "

static int summary_row(sqlite3_stmt *st, void *ctx)
{
    struct policy_summary *p = ctx;

    memset(p, 0, sizeof *p);
    p->id = sqlite3_column_int64(st, 0);
    p->year = sqlite3_column_int(st, 1);
    ins_copy(st, 2, p->insurer, sizeof p->insurer);
    ins_copy(st, 3, p->number, sizeof p->number);
    ins_copy(st, 4, p->starts, sizeof p->starts);
    ins_copy(st, 5, p->ends, sizeof p->ends);
    ins_copy(st, 6, p->confirmed, sizeof p->confirmed);
    p->premium = sqlite3_column_int64(st, 7);
    p->insured = sqlite3_column_int(st, 8);
    p->current = sqlite3_column_int(st, 9);
    p->added = sqlite3_column_int(st, 10);
    p->removed = sqlite3_column_int(st, 11);
    p->premium_total = p->premium * p->insured;
    return DPF_OK;
}

/* "current" counts the persons insured today: today within the policy's period and the
 * person's roster dates, and the person still on the register today (a death, move or
 * cancellation ends the cover from its date, removed from the roster or not). */
static void bind_today(struct db *db, sqlite3_stmt *st)
{
    sqlite3_bind_text(st, 1, db->today, -1, SQLITE_TRANSIENT);
}

int policy_list(struct db *db, policy_fn fn, void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, SUMMARY_SQL "ORDER BY p.year DESC", err);
    struct policy_summary p;
    int rc, stop = 0;

    if (!st)
        return DPF_EDB;
    bind_today(db, st);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        summary_row(st, &p);
        stop = fn(&p, ctx);
    }
    sqlite3_reset(st);
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int policy_summary(struct db *db, int64_t id, struct policy_summary *out,
                   struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, SUMMARY_SQL "WHERE p.id = ?2", err);

    if (!st)
        return DPF_EDB;
    bind_today(db, st);
    sqlite3_bind_int64(st, 2, id);
    return no_policy(db_step_one(db, st, summary_row, out, err), id, err);
}

int cover_list(struct db *db, int64_t policy_id, struct cover *out, int *n,
               struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id, item, cap, coalesce(daily, 0), "
                                   "coalesce(max_days, 0), docs FROM cover "
                                   "WHERE policy_id = ?1 ORDER BY seq, id", err);
    int rc;

    *n = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < COVER_MAX) {
        struct cover *c = &out[(*n)++];
        c->id = sqlite3_column_int64(st, 0);
        ins_copy(st, 1, c->item, sizeof c->item);
        c->cap = sqlite3_column_int64(st, 2);
        c->daily = sqlite3_column_int64(st, 3);
        c->max_days = sqlite3_column_int(st, 4);
        ins_copy(st, 5, c->docs, sizeof c->docs);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* Checks an item's values and fills in the cap of an allowance item. */
static int cover_check(char *const *v, int64_t *cap, struct dpf_err *err)
{
    int64_t daily = ins_fen(v[CV_DAILY]);
    long days = v[CV_MAX_DAYS] ? atol(v[CV_MAX_DAYS]) : 0;

    if (!v[CV_ITEM])
        return dpf_err_set(err, DPF_EINVAL, "item", _("%s is required"), _("Coverage item"));
    if ((daily > 0) != (days > 0))
        return dpf_err_set(err, DPF_EINVAL, daily > 0 ? "max_days" : "daily",
                           _("An allowance item needs both a daily rate and a number of days"));
    *cap = daily > 0 ? daily * days : ins_fen(v[CV_CAP]);
    if (*cap <= 0)
        return dpf_err_set(err, DPF_EINVAL, "cap", _("%s is required"), _("Cap"));
    if (daily > 0 && v[CV_CAP] && ins_fen(v[CV_CAP]) != *cap)
        return dpf_err_set(err, DPF_EINVAL, "cap",
                           _("An allowance's cap is the daily rate times the days"));
    return DPF_OK;
}

int cover_save(struct db *db, int64_t policy_id, char *const *v, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int64_t cap = 0, daily = ins_fen(v[CV_DAILY]);
    int rc = cover_check(v, &cap, err);
    char buf[32];

    if (rc != DPF_OK)
        return rc;
    st = db_stmt(db, "INSERT INTO cover (policy_id, seq, item, cap, daily, max_days, docs) "
                     "VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM cover "
                     "WHERE policy_id = ?1), ?2, ?3, ?4, ?5, coalesce(?6, '')) "
                     "ON CONFLICT (coalesce(policy_id, 0), item) DO UPDATE SET cap = ?3, "
                     "daily = ?4, max_days = ?5, docs = coalesce(?6, '')", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    sqlite3_bind_text(st, 2, v[CV_ITEM], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, cap);
    if (daily > 0) {
        sqlite3_bind_int64(st, 4, daily);
        sqlite3_bind_int(st, 5, atoi(v[CV_MAX_DAYS]));
    } else {
        sqlite3_bind_null(st, 4);
        sqlite3_bind_null(st, 5);
    }
    sqlite3_bind_text(st, 6, v[CV_DOCS], -1, SQLITE_STATIC);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    {
        struct strbuf after;
        char *w[COVER_NFIELDS];
        memcpy(w, v, sizeof w);
        snprintf(buf, sizeof buf, "%lld", (long long)cap);
        w[CV_CAP] = buf;
        sb_init(&after);
        record_json(&after, cover_fields, COVER_NFIELDS, w);
        rc = audit_record(db, "policy", policy_id, "cover_save", NULL, sb_str(&after), err);
        sb_free(&after);
    }
    return rc;
}
