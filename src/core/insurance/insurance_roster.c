/* SPDX-License-Identifier: MIT */
/* The insured roster: built from the register as it stood on the policy's start date,
 * confirmed (frozen), then changed only by dated additions and removals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "base/export_internal.h"
#include "insurance_internal.h"
#include "base/record.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

struct policy_state {
    int year, rule_poor, confirmed;
    char starts[11], ends[11];
};

static int read_state(sqlite3_stmt *st, void *ctx)
{
    struct policy_state *p = ctx;
    p->year = sqlite3_column_int(st, 0);
    p->rule_poor = sqlite3_column_int(st, 1);
    p->confirmed = sqlite3_column_int(st, 2);
    ins_copy(st, 3, p->starts, sizeof p->starts);
    ins_copy(st, 4, p->ends, sizeof p->ends);
    return DPF_OK;
}

static int policy_state(struct db *db, int64_t id, struct policy_state *p, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT year, rule_poor, confirmed_on IS NOT NULL, "
                                   "starts_on, ends_on FROM policy WHERE id = ?1", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    if ((rc = db_step_one(db, st, read_state, p, err)) != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No policy with id %lld"), (long long)id);
}

/* The register on the start date ?2: certified by then; not dead, moved or cancelled by
 * then; and, under the rule ?3, registered poor then. Whether a person was poor on the date
 * is the value before the first later change the audit log holds, else the current one: the
 * register's knowledge of that day, even when the roster is built weeks later. */
static const char build_sql[] =
    "INSERT INTO insured (policy_id, person_id, from_on, added) "
    "SELECT ?1, p.id, ?2, 0 FROM person p "
    "WHERE (p.cert_issue_date IS NULL OR p.cert_issue_date <= ?2) "
    "AND (p.status = 1 OR p.status_date > ?2) "
    "AND (?3 = 0 OR coalesce((SELECT CAST(json_extract(a.before, '$.poor_reg') AS INTEGER) "
    "    FROM audit a WHERE a.entity = 'person' AND a.entity_id = p.id "
    "    AND a.at > ?2 || ' 23:59:59' AND json_extract(a.before, '$.poor_reg') IS NOT NULL "
    "    ORDER BY a.id LIMIT 1), p.poor_reg) = 1)";

int insured_build(struct db *db, int64_t policy_id, long *n, struct dpf_err *err)
{
    struct policy_state p;
    sqlite3_stmt *st;
    char after[96];
    int rc = policy_state(db, policy_id, &p, err);

    *n = 0;
    if (rc != DPF_OK)
        return rc;
    if (p.confirmed)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("The %d roster is confirmed: add or remove persons instead"),
                           p.year);
    if (!(st = db_stmt(db, "DELETE FROM insured WHERE policy_id = ?1", err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    if (!(st = db_stmt(db, build_sql, err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    sqlite3_bind_text(st, 2, p.starts, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, p.rule_poor);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    *n = (long)sqlite3_changes(db->h);
    snprintf(after, sizeof after, "{\"insured\":%ld,\"starts_on\":\"%s\"}", *n, p.starts);
    return audit_record(db, "policy", policy_id, "insured_build", NULL, after, err);
}

int insured_confirm(struct db *db, int64_t policy_id, struct dpf_err *err)
{
    struct policy_state p;
    sqlite3_stmt *st;
    int64_t n = 0;
    int rc = policy_state(db, policy_id, &p, err);

    if (rc != DPF_OK)
        return rc;
    if (p.confirmed)
        return dpf_err_set(err, DPF_EINVAL, NULL, _("The %d roster is already confirmed"),
                           p.year);
    if (!(st = db_stmt(db, "SELECT count(*) FROM insured WHERE policy_id = ?1", err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    db_step_int64(db, st, &n, NULL);
    if (n == 0)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("The %d roster is empty: build it first"), p.year);
    if (!(st = db_stmt(db, "UPDATE policy SET confirmed_on = ?2, confirmed_by = ?3 "
                           "WHERE id = ?1", err)))
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    sqlite3_bind_text(st, 2, db->today, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, db->user, -1, SQLITE_STATIC);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    return audit_record(db, "policy", policy_id, "insured_confirm", NULL, "{}", err);
}

/* The person's roster row: its id (0 if none), dates covered. */
struct insured_row {
    int64_t id;
    char from[11], to[11];
};

static int read_insured(sqlite3_stmt *st, void *ctx)
{
    struct insured_row *r = ctx;
    r->id = sqlite3_column_int64(st, 0);
    ins_copy(st, 1, r->from, sizeof r->from);
    ins_copy(st, 2, r->to, sizeof r->to);
    return DPF_OK;
}

static int insured_row(struct db *db, int64_t policy_id, int64_t person_id,
                       struct insured_row *r, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT id, from_on, to_on FROM insured "
                                   "WHERE policy_id = ?1 AND person_id = ?2", err);
    int rc;

    memset(r, 0, sizeof *r);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, policy_id);
    sqlite3_bind_int64(st, 2, person_id);
    rc = db_step_one(db, st, read_insured, r, err);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;
}

/* What every dated change needs: a confirmed roster, the person, a date in the period. */
static int change_prepare(struct db *db, int64_t policy_id, const char *cert, const char *date,
                          struct policy_state *p, struct person *who, struct insured_row *r,
                          struct dpf_err *err)
{
    int rc = policy_state(db, policy_id, p, err);

    if (rc != DPF_OK)
        return rc;
    if (!p->confirmed)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("The %d roster is not confirmed yet: build it again instead"),
                           p->year);
    if (!date || strcmp(date, p->starts) < 0 || strcmp(date, p->ends) > 0)
        return dpf_err_set(err, DPF_EINVAL, "date",
                           _("The date must be within the policy period (%s to %s)"),
                           p->starts, p->ends);
    if ((rc = person_find(db, cert, who, err)) != DPF_OK)
        return rc;
    return insured_row(db, policy_id, who->id, r, err);
}

static int change_audit(struct db *db, int64_t person_id, const char *action, int year,
                        const char *from, const char *to, const char *reason,
                        struct dpf_err *err)
{
    char ybuf[16];
    char *v[ROSTER_NFIELDS] = { ybuf, (char *)from, (char *)to, NULL, (char *)reason };
    struct strbuf sb;
    int rc;

    snprintf(ybuf, sizeof ybuf, "%d", year);
    sb_init(&sb);
    record_json(&sb, roster_fields, ROSTER_NFIELDS, v);
    rc = sb.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                : ins_audit(db, person_id, action, NULL, sb_str(&sb), err);
    sb_free(&sb);
    return rc;
}

int insured_add(struct db *db, int64_t policy_id, const char *cert, const char *date,
               const char *reason, struct dpf_err *err)
{
    struct policy_state p;
    struct person who;
    struct insured_row r;
    sqlite3_stmt *st;
    int rc;

    person_init(&who);
    rc = change_prepare(db, policy_id, cert, date, &p, &who, &r, err);
    if (rc == DPF_OK && r.id && r.to[0])
        rc = dpf_err_set(err, DPF_EDUP, "cert_no", _("%s was insured from %s and removed on %s"),
                         person_get(&who, PF_NAME), r.from, r.to);
    else if (rc == DPF_OK && r.id)
        rc = dpf_err_set(err, DPF_EDUP, "cert_no", _("%s is already insured, from %s"),
                         person_get(&who, PF_NAME), r.from);
    else if (rc == DPF_OK && person_int(&who, PF_STATUS) != PS_ACTIVE)
        rc = dpf_err_set(err, DPF_EINVAL, "cert_no", _("%s is not on the register (%s)"),
                         person_get(&who, PF_NAME),
                         person_statuses[person_int(&who, PF_STATUS) - 1]);
    else if (rc == DPF_OK && p.rule_poor && person_int(&who, PF_POOR_REG) != 1)
        rc = dpf_err_set(err, DPF_EINVAL, "cert_no",
                         _("%s is not registered poor (建档立卡), which the policy requires"),
                         person_get(&who, PF_NAME));
    if (rc == DPF_OK && !(st = db_stmt(db, "INSERT INTO insured (policy_id, person_id, from_on, "
                                           "added, reason) VALUES (?1, ?2, ?3, 1, ?4)", err)))
        rc = DPF_EDB;
    if (rc == DPF_OK) {
        sqlite3_bind_int64(st, 1, policy_id);
        sqlite3_bind_int64(st, 2, who.id);
        sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
        rc = db_step_done(db, st, err);
    }
    if (rc == DPF_OK)
        rc = change_audit(db, who.id, "insured_add", p.year, date, NULL, reason, err);
    person_clear(&who);
    return rc;
}

int insured_remove(struct db *db, int64_t policy_id, const char *cert, const char *date,
                  const char *reason, struct dpf_err *err)
{
    struct policy_state p;
    struct person who;
    struct insured_row r;
    sqlite3_stmt *st;
    int rc;

    person_init(&who);
    rc = change_prepare(db, policy_id, cert, date, &p, &who, &r, err);
    if (rc == DPF_OK && !r.id)
        rc = dpf_err_set(err, DPF_ENOTFOUND, "cert_no", _("%s is not on the %d roster"),
                         person_get(&who, PF_NAME), p.year);
    else if (rc == DPF_OK && r.to[0])
        rc = dpf_err_set(err, DPF_EINVAL, "cert_no", _("%s was already removed on %s"),
                         person_get(&who, PF_NAME), r.to);
    else if (rc == DPF_OK && strcmp(date, r.from) < 0)
        rc = dpf_err_set(err, DPF_EINVAL, "date", _("%s is insured only from %s"),
                         person_get(&who, PF_NAME), r.from);
    else if (rc == DPF_OK && (!reason || !*reason))
        rc = dpf_err_set(err, DPF_EINVAL, "reason", _("A removal needs a reason"));
    if (rc == DPF_OK && !(st = db_stmt(db, "UPDATE insured SET to_on = ?2, reason = ?3 "
                                           "WHERE id = ?1", err)))
        rc = DPF_EDB;
    if (rc == DPF_OK) {
        sqlite3_bind_int64(st, 1, r.id);
        sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
        rc = db_step_done(db, st, err);
    }
    if (rc == DPF_OK)
        rc = change_audit(db, who.id, "insured_remove", p.year, r.from, date, reason, err);
    person_clear(&who);
    return rc;
}

int insured_covers(struct db *db, int64_t policy_id, int64_t person_id, const char *date,
                  int *covered, struct dpf_err *err)
{
    struct insured_row r;
    int rc = insured_row(db, policy_id, person_id, &r, err);

    *covered = rc == DPF_OK && r.id && strcmp(r.from, date) <= 0 &&
               (!r.to[0] || strcmp(date, r.to) <= 0);
    return rc;
}

int insured_periods(struct db *db, int64_t person_id, insured_fn fn, void *ctx,
                    struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT p.year, i.from_on, i.to_on FROM insured i "
                                   "JOIN policy p ON p.id = i.policy_id WHERE i.person_id = ?1 "
                                   "ORDER BY p.year DESC", err);
    struct insured_period ip;
    int rc, stop = 0;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, person_id);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        ip.year = sqlite3_column_int(st, 0);
        ins_copy(st, 1, ip.from, sizeof ip.from);
        ins_copy(st, 2, ip.to, sizeof ip.to);
        stop = fn(&ip, ctx);
    }
    sqlite3_reset(st);
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* The export's columns: the register's description of each person column, then the
 * roster's own. */
static const int person_cols[] = {
    PF_CERT_NO, PF_NAME, PF_GENDER, PF_BIRTH_DATE, PF_CATEGORY, PF_LEVEL, PF_TOWNSHIP,
    PF_VILLAGE, PF_PHONE,
};
enum { NPCOLS = sizeof person_cols / sizeof person_cols[0], NCOLS = NPCOLS + 4 };

int insured_export(struct db *db, int64_t policy_id, const char *path, unsigned oflags, int full,
                   long *rows,
                  struct dpf_err *err)
{
    struct field cols[NCOLS];
    struct export_sink sink;
    struct policy_state p;
    sqlite3_stmt *st = NULL;
    int rc = policy_state(db, policy_id, &p, err);

    *rows = 0;
    if (rc != DPF_OK)
        return rc;
    for (int i = 0; i < NPCOLS; i++)
        cols[i] = person_fields[person_cols[i]];
    for (int i = 0; i < 4; i++)
        cols[NPCOLS + i] = roster_fields[RO_FROM + i];
    /* Prepared outside the statement cache: run once per export. */
    if (sqlite3_prepare_v2(db->h,
            "SELECT p.cert_no, p.name, p.gender, p.birth_date, p.category, p.level, "
            "p.township, p.village, p.phone, i.from_on, i.to_on, i.added, i.reason "
            "FROM insured i JOIN person p ON p.id = i.person_id "
            "LEFT JOIN place t ON t.parent IS NULL AND t.name = p.township "
            "LEFT JOIN place v ON v.parent = t.id AND v.name = p.village "
            "WHERE i.policy_id = ?1 "
            /* the place list's code order (a place not on it after, by name), then names by
             * sound, as the register lists them */
            "ORDER BY t.code IS NULL, t.code, p.township, v.code IS NULL, v.code, p.village, "
            "p.name_key, p.id", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_int64(st, 1, policy_id);
    if ((rc = export_open(&sink, path, oflags, _("Insured roster"), cols, NCOLS, err)) == DPF_OK)
        rc = export_query(&sink, db, st, !full, err);
    else
        sqlite3_finalize(st);
    *rows = sink.rows;
    return export_finish(&sink, db, "insured roster", full, rc == DPF_OK, err);
}
