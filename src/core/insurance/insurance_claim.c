/* SPDX-License-Identifier: MIT */
/* Claims: storing one with its items and steps, moving it on, reading and listing them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "base/export_internal.h"
#include "insurance_internal.h"
#include "base/record.h"
#include "base/store.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

void claim_init(struct claim *c)
{
    memset(c, 0, sizeof *c);
}

void claim_clear(struct claim *c)
{
    record_free(c->v, CLAIM_OWN_FIELDS);
    claim_init(c);
}

int claim_set(struct claim *c, int field, const char *canonical)
{
    char *copy = canonical ? strdup(canonical) : NULL;
    if (field < 0 || field >= CLAIM_OWN_FIELDS || (canonical && !copy)) {
        free(copy);
        return DPF_ENOMEM;
    }
    free(c->v[field]);
    c->v[field] = copy;
    return DPF_OK;
}

/* A claim's own fields: the certificate and name are the person's, read through the join;
 * the status and its date sit in columns of their own names. */
static const char *const claim_cols[CLAIM_OWN_FIELDS] = {
    NULL, NULL, "accident_on", "reported_on", "place", "description", "death", "docs",
    "status", "status_on", "reason", "note",
};
static const char *const claim_reads[CLAIM_OWN_FIELDS] = { "p.cert_no", "p.name" };
enum { REF_POLICY, REF_PERSON, NREFS };
static const struct field claim_refs[NREFS] = {
    [REF_POLICY] = { .key = "policy_id", .type = FT_INT },
    [REF_PERSON] = { .key = "person_id", .type = FT_INT },
};
static struct store claim_store = {
    .table = "claim", .fields = claim_fields, .n = CLAIM_OWN_FIELDS, .col = claim_cols,
    .read = claim_reads, .join = " JOIN person p ON p.id = t.person_id", .refs = claim_refs,
    .nrefs = NREFS, .once = PTHREAD_ONCE_INIT,
};

static int load_items(struct db *db, struct claim *c, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT i.cover_id, v.item, coalesce(i.days, 0), "
                                   "i.claimed, coalesce(i.approved, -1), coalesce(i.paid, -1) "
                                   "FROM claim_item i JOIN cover v ON v.id = i.cover_id "
                                   "WHERE i.claim_id = ?1 ORDER BY v.seq, v.id", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, c->id);
    c->nitems = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->nitems < COVER_MAX) {
        struct claim_item *it = &c->items[c->nitems++];
        it->cover_id = sqlite3_column_int64(st, 0);
        ins_copy(st, 1, it->item, sizeof it->item);
        it->days = sqlite3_column_int(st, 2);
        it->claimed = sqlite3_column_int64(st, 3);
        it->approved = sqlite3_column_int64(st, 4);
        it->paid = sqlite3_column_int64(st, 5);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int claim_load(struct db *db, int64_t id, struct claim *c, struct dpf_err *err)
{
    char *refs[NREFS] = { NULL };
    int rc;

    claim_clear(c);
    rc = store_load(db, &claim_store, id, c->v, refs, err);
    if (rc == DPF_ENOTFOUND)
        return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No claim with id %lld"), (long long)id);
    if (rc != DPF_OK)
        return rc;
    c->id = id;
    c->policy_id = strtoll(refs[REF_POLICY], NULL, 10);
    c->person_id = strtoll(refs[REF_PERSON], NULL, 10);
    record_free(refs, NREFS);
    return load_items(db, c, err);
}

/* ---- the audit row: display values, the items in a line ---- */

static void items_text(const struct claim *c, struct strbuf *sb)
{
    char a[32];
    for (int i = 0; i < c->nitems; i++) {
        const struct claim_item *it = &c->items[i];
        sb_printf(sb, "%s%s", i ? "；" : "", it->item);
        if (it->days > 0)
            sb_printf(sb, _(" %d days"), it->days);
        sb_printf(sb, _(" claimed %s"), money_format(it->claimed, 1, a, sizeof a));
        if (it->approved >= 0)
            sb_printf(sb, _(", approved %s"), money_format(it->approved, 1, a, sizeof a));
        if (it->paid >= 0)
            sb_printf(sb, _(", paid %s"), money_format(it->paid, 1, a, sizeof a));
    }
}

/* The claim's own fields as displayed (the certificate and name belong to the history's
 * person already), and "items"; with other, only what differs from it. */
static void audit_json(const struct claim *c, const struct claim *other, struct strbuf *sb)
{
    char buf[256], obuf[256];
    struct strbuf items, oitems;
    int first = 1;

    sb_init(&items);
    sb_init(&oitems);
    sb_add(sb, "{");
    for (int i = CL_ACCIDENT; i < CLAIM_OWN_FIELDS; i++) {
        const char *d = field_format(&claim_fields[i], c->v[i], 0, buf, sizeof buf);
        if (other && strcmp(d, field_format(&claim_fields[i], other->v[i], 0, obuf,
                                            sizeof obuf)) == 0)
            continue;
        if (!c->v[i] && !other)
            continue;
        sb_printf(sb, "%s\"%s\":", first ? "" : ",", claim_fields[i].key);
        sb_json_str(sb, d);
        first = 0;
    }
    items_text(c, &items);
    if (other)
        items_text(other, &oitems);
    if (!other || strcmp(sb_str(&items), sb_str(&oitems)) != 0) {
        sb_printf(sb, "%s\"items\":", first ? "" : ",");
        sb_json_str(sb, sb_str(&items));
    }
    sb_free(&items);
    sb_free(&oitems);
    sb_add(sb, "}");
}

static int claim_audit(struct db *db, const struct claim *before, const struct claim *after,
                       const char *action, struct dpf_err *err)
{
    struct strbuf b, a;
    int rc;

    sb_init(&b);
    sb_init(&a);
    if (before)
        audit_json(before, after, &b);
    audit_json(after, before, &a);
    rc = b.oom || a.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                        : ins_audit(db, after->person_id, action, before ? sb_str(&b) : NULL,
                                    sb_str(&a), err);
    sb_free(&b);
    sb_free(&a);
    return rc;
}

/* ---- writing ---- */

static void bind_opt(sqlite3_stmt *st, int i, int64_t v)
{
    if (v < 0)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}

static int write_items(struct db *db, const struct claim *c, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "DELETE FROM claim_item WHERE claim_id = ?1", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, c->id);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    if (!(st = db_stmt(db, "INSERT INTO claim_item (claim_id, cover_id, days, claimed, approved, "
                           "paid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err)))
        return DPF_EDB;
    for (int i = 0; rc == DPF_OK && i < c->nitems; i++) {
        const struct claim_item *it = &c->items[i];
        sqlite3_bind_int64(st, 1, c->id);
        sqlite3_bind_int64(st, 2, it->cover_id);
        bind_opt(st, 3, it->days > 0 ? it->days : -1);
        sqlite3_bind_int64(st, 4, it->claimed);
        bind_opt(st, 5, it->approved);
        bind_opt(st, 6, it->paid);
        rc = db_step_done(db, st, err);
    }
    return rc;
}

static int write_step(struct db *db, int64_t claim_id, int status, const char *on,
                      const char *note, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "INSERT INTO claim_step (claim_id, status, step_on, user, at, "
                                   "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, claim_id);
    sqlite3_bind_int(st, 2, status);
    sqlite3_bind_text(st, 3, on, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, note, -1, SQLITE_STATIC);
    return db_step_done(db, st, err);
}

/* Writes the claim at the status r gives; its status date changes only with its status
 * (before: the stored claim, NULL for a new one). */
static int write_claim(struct db *db, struct claim *c, const struct claim_refs *r,
                       const struct claim *before, struct dpf_err *err)
{
    char status[16], policy[24], person[24], *w[CLAIM_OWN_FIELDS];
    char *refs[NREFS] = { [REF_POLICY] = policy, [REF_PERSON] = person };
    int rc;

    memcpy(w, c->v, sizeof w);
    snprintf(status, sizeof status, "%d", r->status);
    w[CL_STATUS] = status;
    w[CL_STATUS_ON] = (char *)r->status_on;
    if (before && (r->status == r->old_status || !r->status_on))
        w[CL_STATUS_ON] = before->v[CL_STATUS_ON];
    snprintf(policy, sizeof policy, "%lld", (long long)r->policy_id);
    snprintf(person, sizeof person, "%lld", (long long)c->person_id);
    if (c->id)
        rc = store_update(db, &claim_store, c->id, w, refs, err);
    else
        rc = store_insert(db, &claim_store, 0, w, refs, &c->id, err);
    return rc == DPF_OK ? write_items(db, c, err) : rc;
}

/* Checks and writes c; a new claim's first step is 报案 on its report date, and a change of
 * status is a step of its own. */
static int save(struct db *db, struct claim *c, enum claim_mode mode, const char *action,
                struct dpf_err *err)
{
    struct claim before;
    struct claim_refs r;
    int rc, is_new = c->id == 0;

    claim_init(&before);
    rc = claim_check(db, c, mode, &r, err);
    if (rc == DPF_OK && !is_new)
        rc = claim_load(db, c->id, &before, err);
    if (rc == DPF_OK)
        rc = write_claim(db, c, &r, is_new ? NULL : &before, err);
    if (rc == DPF_OK && is_new)
        rc = write_step(db, c->id, CS_REPORTED, c->v[CL_REPORTED], NULL, err);
    if (rc == DPF_OK && r.status != (is_new ? CS_REPORTED : r.old_status))
        rc = write_step(db, c->id, r.status, r.status_on, c->v[CL_REASON], err);
    if (rc == DPF_OK) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", r.status);
        if ((rc = claim_set(c, CL_STATUS, buf)) == DPF_OK && r.status_on)
            rc = claim_set(c, CL_STATUS_ON, r.status_on);
    }
    if (rc == DPF_OK)
        rc = claim_audit(db, is_new ? NULL : &before, c, action, err);
    claim_clear(&before);
    return rc;
}

int claim_save(struct db *db, struct claim *c, struct dpf_err *err)
{
    return save(db, c, CM_EDIT, c->id ? "claim_edit" : "claim_add", err);
}

/* Whether two readings of a claim differ in any field or item. */
static int claims_differ(const struct claim *a, const struct claim *b)
{
    if (a->nitems != b->nitems)
        return 1;
    for (int i = 0; i < CLAIM_OWN_FIELDS; i++)
        if (!ins_same(a->v[i], b->v[i]))
            return 1;
    for (int i = 0; i < a->nitems; i++) {
        const struct claim_item *x = &a->items[i], *y = &b->items[i];
        if (x->cover_id != y->cover_id || x->days != y->days || x->claimed != y->claimed ||
            x->approved != y->approved || x->paid != y->paid)
            return 1;
    }
    return 0;
}

int claim_save_from(struct db *db, struct claim *c, const struct claim *opened,
                    struct dpf_err *err)
{
    struct claim now;
    int rc, differ;

    if (!c->id || !opened)
        return claim_save(db, c, err);
    claim_init(&now);
    if ((rc = claim_load(db, c->id, &now, err)) != DPF_OK)
        return rc;
    differ = claims_differ(&now, opened);
    claim_clear(&now);
    if (differ)
        return dpf_err_set(err, DPF_ECONFLICT, NULL,
                           _("Someone else changed this claim after you opened it: your "
                             "changes were not saved. Open it again to see theirs."));
    return claim_save(db, c, err);
}

int claim_record(struct db *db, struct claim *c, struct dpf_err *err)
{
    return save(db, c, CM_RECORD, c->id ? "claim_edit" : "claim_add", err);
}

int claim_move(struct db *db, int64_t id, int to, const char *date, const char *reason,
               struct dpf_err *err)
{
    struct claim c;
    char buf[16];
    int rc;

    claim_init(&c);
    rc = claim_load(db, id, &c, err);
    snprintf(buf, sizeof buf, "%d", to);
    if (rc == DPF_OK && (to < CS_DOCUMENTS || to > CS_WITHDRAWN))
        rc = dpf_err_set(err, DPF_EINVAL, "claim_status", _("Unknown claim status"));
    if (rc == DPF_OK && atoi(c.v[CL_STATUS]) >= CS_PAID)
        rc = dpf_err_set(err, DPF_EINVAL, "claim_status", _("The claim is closed (%s)"),
                         claim_statuses[atoi(c.v[CL_STATUS]) - 1]);
    if (rc == DPF_OK && to <= atoi(c.v[CL_STATUS]))
        rc = dpf_err_set(err, DPF_EINVAL, "claim_status",
                         _("The claim is already at %s; it cannot go back to %s"),
                         claim_statuses[atoi(c.v[CL_STATUS]) - 1], claim_statuses[to - 1]);
    if (rc == DPF_OK && (rc = claim_set(&c, CL_STATUS, buf)) == DPF_OK &&
        (rc = claim_set(&c, CL_STATUS_ON, date)) == DPF_OK && reason)
        rc = claim_set(&c, CL_REASON, reason);
    if (rc == DPF_OK)
        rc = save(db, &c, CM_MOVE, "claim_step", err);
    claim_clear(&c);
    return rc;
}

/* ---- reading ---- */

static const char list_sql[] =
    "SELECT c.id, c.person_id, po.year, c.status, p.cert_no, p.name, p.township, "
    "c.accident_on, c.reported_on, c.status_on, "
    "CAST(julianday(CASE WHEN c.status <= 3 THEN ?4 ELSE c.status_on END) "
    "     - julianday(c.reported_on) AS INTEGER), "
    "coalesce(sum(i.claimed), 0), coalesce(sum(i.approved), 0), coalesce(sum(i.paid), 0) "
    "FROM claim c JOIN person p ON p.id = c.person_id JOIN policy po ON po.id = c.policy_id "
    "LEFT JOIN claim_item i ON i.claim_id = c.id "
    "WHERE (?1 = 0 OR po.year = ?1) AND (?2 = 0 OR c.status = ?2 OR (?2 = -1 AND c.status <= 3)) "
    "AND (?3 = 0 OR c.person_id = ?3) "
    "GROUP BY c.id ORDER BY c.reported_on DESC, c.id DESC";

int claim_list(struct db *db, const struct claim_filter *f, claim_fn fn, void *ctx,
               struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, list_sql, err);
    struct claim_summary s;
    int rc, stop = 0;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int(st, 1, f->year);
    sqlite3_bind_int(st, 2, f->status);
    sqlite3_bind_int64(st, 3, f->person_id);
    sqlite3_bind_text(st, 4, db->today, -1, SQLITE_STATIC);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&s, 0, sizeof s);
        s.id = sqlite3_column_int64(st, 0);
        s.person_id = sqlite3_column_int64(st, 1);
        s.year = sqlite3_column_int(st, 2);
        s.status = sqlite3_column_int(st, 3);
        ins_copy(st, 4, s.cert, sizeof s.cert);
        ins_copy(st, 5, s.name, sizeof s.name);
        ins_copy(st, 6, s.township, sizeof s.township);
        ins_copy(st, 7, s.accident, sizeof s.accident);
        ins_copy(st, 8, s.reported, sizeof s.reported);
        ins_copy(st, 9, s.status_on, sizeof s.status_on);
        s.days_open = sqlite3_column_int(st, 10);
        s.claimed = sqlite3_column_int64(st, 11);
        s.approved = sqlite3_column_int64(st, 12);
        s.paid = sqlite3_column_int64(st, 13);
        stop = fn(&s, ctx);
    }
    sqlite3_reset(st);
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int claim_steps(struct db *db, int64_t id, claim_step_fn fn, void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT status, step_on, user, at, note FROM claim_step "
                                   "WHERE claim_id = ?1 ORDER BY id", err);
    struct claim_step s;
    int rc, stop = 0;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        s.status = sqlite3_column_int(st, 0);
        ins_copy(st, 1, s.on, sizeof s.on);
        ins_copy(st, 2, s.user, sizeof s.user);
        ins_copy(st, 3, s.at, sizeof s.at);
        ins_copy(st, 4, s.note, sizeof s.note);
        stop = fn(&s, ctx);
    }
    sqlite3_reset(st);
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* ---- export: the import template's rows, one per item ---- */

struct export_ctx {
    struct db *db;
    struct export_sink sink;
    int full, rc;
    struct dpf_err *err;
};

static void amount(int64_t fen, char *buf, size_t cap)
{
    if (fen < 0)
        buf[0] = '\0';
    else
        snprintf(buf, cap, "%lld", (long long)fen);
}

static int export_claim(const struct claim_summary *s, void *ctx)
{
    struct export_ctx *x = ctx;
    struct claim c;
    char canon[4][32];
    int rc;

    claim_init(&c);
    rc = claim_load(x->db, s->id, &c, x->err);
    for (int i = 0; rc == DPF_OK && i < c.nitems; i++) {
        const struct claim_item *it = &c.items[i];
        const char *v[CLAIM_NFIELDS];
        for (int k = 0; k < CLAIM_OWN_FIELDS; k++)
            v[k] = c.v[k];
        v[CL_ITEM] = it->item;
        amount(it->days > 0 ? it->days : -1, canon[0], sizeof canon[0]);
        amount(it->claimed, canon[1], sizeof canon[1]);
        amount(it->approved, canon[2], sizeof canon[2]);
        amount(it->paid, canon[3], sizeof canon[3]);
        for (int k = 0; k < 4; k++)
            v[CL_DAYS + k] = canon[k][0] ? canon[k] : NULL;
        rc = export_values(&x->sink, v, !x->full, x->err);
    }
    claim_clear(&c);
    x->rc = rc;
    return rc != DPF_OK;
}

int claim_export(struct db *db, int year, const char *path, unsigned oflags, int full, long *rows,
                 struct dpf_err *err)
{
    struct claim_filter f = { year, 0, 0 };
    struct export_ctx x = { db, { 0 }, full, DPF_OK, err };
    int rc;

    *rows = 0;
    if ((rc = export_open(&x.sink, path, oflags, _("Claims"), claim_fields, CLAIM_NFIELDS,
                          err)) != DPF_OK)
        return export_close(&x.sink, 0, err), rc;
    rc = claim_list(db, &f, export_claim, &x, err);
    if (rc == DPF_OK)
        rc = x.rc;
    *rows = x.sink.rows;
    return export_finish(&x.sink, db, "claims", full, rc == DPF_OK, err);
}
