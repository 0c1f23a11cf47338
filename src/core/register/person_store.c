/* SPDX-License-Identifier: MIT */
/* Storing persons: insert, update and status change, each with its audit row, and lookups.
 * SQL column lists are built from person_fields so the table is described once. Callers
 * own the transaction (a single edit or a whole import). */
#include <pthread.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/person.h"
#include "person_internal.h"
#include "base/record.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

/* A bulk load inserts this many persons per statement: a statement's set-up and tear-down
 * cost as much as inserting a row. */
enum { RUN_ROWS = 16 };

struct person_sql {
    char columns[600];      /* "cert_no, name, ..." in field order */
    char insert[900];       /* id (NULL = the next free one), fields, id_no */
    char insert_run[900 + RUN_ROWS * 120];  /* RUN_ROWS rows of insert */
    char update[900];
    char by_id[900];
    char by_idno[900];
    char by_cert[900];
};

static struct person_sql texts;     /* the SQL texts, built from the field table once */
static pthread_once_t person_sql_once = PTHREAD_ONCE_INIT;

static void build_sql(void)
{
    char marks[200] = "", sets[700] = "";

    for (int i = 0; i < PERSON_NFIELDS; i++) {
        const char *sep = i ? ", " : "";
        size_t n = strlen(texts.columns);
        snprintf(texts.columns + n, sizeof texts.columns - n, "%s%s", sep, person_fields[i].key);
        snprintf(marks + strlen(marks), sizeof marks - strlen(marks), "%s?", sep);
        snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%s%s = ?", sep,
                 person_fields[i].key);
    }
    snprintf(texts.insert, sizeof texts.insert,
             "INSERT INTO person (id, %s, id_no) VALUES (?, %s, ?)", texts.columns, marks);
    snprintf(texts.insert_run, sizeof texts.insert_run, "%s", texts.insert);
    for (int r = 1; r < RUN_ROWS; r++) {
        size_t n = strlen(texts.insert_run);
        snprintf(texts.insert_run + n, sizeof texts.insert_run - n, ", (?, %s, ?)", marks);
    }
    snprintf(texts.update, sizeof texts.update, "UPDATE person SET %s, id_no = ? WHERE id = ?",
             sets);
    snprintf(texts.by_id, sizeof texts.by_id, "SELECT id, %s FROM person WHERE id = ?",
             texts.columns);
    snprintf(texts.by_idno, sizeof texts.by_idno, "SELECT id, %s FROM person WHERE id_no = ?",
             texts.columns);
    snprintf(texts.by_cert, sizeof texts.by_cert,
             "SELECT id, %s FROM person WHERE id_no = substr(?1, 1, 18) AND cert_no = ?1",
             texts.columns);
}

/* The SQL texts built from the field table, once (pthread_once: the bulk import runs two
 * threads). */
static const struct person_sql *sql(void)
{
    pthread_once(&person_sql_once, build_sql);
    return &texts;
}

/* Binds the fields to ?at+1..?at+N and the resident ID to ?at+N+1. Values are bound
 * without a copy: p and id must outlive the statement's step. */
static void bind_fields(sqlite3_stmt *st, int at, const struct person *p,
                        char id[IDCARD_LEN + 1])
{
    for (int i = 0; i < PERSON_NFIELDS; i++) {
        const struct field *f = &person_fields[i];
        if (f->type == FT_FLAG || f->type == FT_CHOICE)
            sqlite3_bind_int(st, at + i + 1, person_int(p, i));
        else if (p->v[i])
            sqlite3_bind_text(st, at + i + 1, p->v[i], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, at + i + 1);
    }
    person_id_no(p, id);
    sqlite3_bind_text(st, at + PERSON_NFIELDS + 1, id, -1, SQLITE_STATIC);
}

/* Reads column 0 (id) and 1..N (fields) of the current row into out. */
int person_from_row(sqlite3_stmt *st, struct person *out)
{
    person_clear(out);
    out->id = sqlite3_column_int64(st, 0);
    for (int i = 0; i < PERSON_NFIELDS; i++) {
        const char *v = (const char *)sqlite3_column_text(st, i + 1);
        if (v && person_set(out, i, v) != DPF_OK)
            return DPF_ENOMEM;
    }
    return DPF_OK;
}

static int holder_error(struct db *db, const char *id_no, struct dpf_err *err)
{
    struct person other;
    person_init(&other);
    if (person_find(db, id_no, &other, NULL) == DPF_OK) {
        dpf_err_set(err, DPF_EDUP, "cert_no",
                    _("Resident ID %s is already registered to %s (certificate %s)"), id_no,
                    other.v[PF_NAME], other.v[PF_CERT_NO]);
        person_clear(&other);
        return DPF_EDUP;
    }
    return db_fail(db, err);
}

static int person_insert_row(struct db *db, struct person *p, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, sql()->insert, err);
    char id[IDCARD_LEN + 1];
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_null(st, 1);
    bind_fields(st, 1, p, id);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_CONSTRAINT)
        return holder_error(db, id, err);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    p->id = sqlite3_last_insert_rowid(db->h);
    return DPF_OK;
}

/* JSON object of the person's non-empty fields: the audit record of an insert. */
void person_insert_json(struct strbuf *sb, const struct person *p)
{
    record_json(sb, person_fields, PERSON_NFIELDS, p->v);
}

int person_insert_audited(struct db *db, struct person *p, const char *after,
                          struct dpf_err *err)
{
    int rc = person_insert_row(db, p, err);
    return rc == DPF_OK ? audit_record(db, "person", p->id, "insert", NULL, after, err) : rc;
}

/* Inserts rows[0..k) with the ids first_id.. in one statement (k is 1 or RUN_ROWS). */
static int insert_rows(struct db *db, struct person *rows, int k, int64_t first_id,
                       struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, k == 1 ? sql()->insert : sql()->insert_run, err);
    char ids[RUN_ROWS][IDCARD_LEN + 1];
    int rc;

    if (!st)
        return DPF_EDB;
    for (int r = 0; r < k; r++) {
        int at = r * (PERSON_NFIELDS + 2);
        sqlite3_bind_int64(st, at + 1, first_id + r);
        bind_fields(st, at + 1, &rows[r], ids[r]);
    }
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    for (int r = 0; r < k; r++)
        rows[r].id = first_id + r;
    return DPF_OK;
}

int person_insert_run(struct db *db, struct person *rows, const char *const *after, int n,
                      int64_t first_id, struct dpf_err *err)
{
    for (int done = 0, k; done < n; done += k) {
        int rc;
        k = n - done >= RUN_ROWS ? RUN_ROWS : 1;
        if ((rc = insert_rows(db, rows + done, k, first_id + done, err)) != DPF_OK)
            return rc;
    }
    return audit_record_run(db, "person", first_id, "insert", after, n, err);
}

int person_insert(struct db *db, struct person *p, struct dpf_err *err)
{
    struct strbuf after;
    int rc;

    sb_init(&after);
    person_insert_json(&after, p);
    rc = after.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                   : person_insert_audited(db, p, sb_str(&after), err);
    sb_free(&after);
    return rc;
}

static int store_update(struct db *db, const struct person *p, const char *action,
                        int *changed, struct dpf_err *err)
{
    struct person old;
    struct strbuf before, after;
    sqlite3_stmt *st;
    char id[IDCARD_LEN + 1];
    int rc;

    if (changed)
        *changed = 0;
    person_init(&old);
    if ((rc = person_load(db, p->id, &old, err)) != DPF_OK)
        return rc;
    sb_init(&before);
    sb_init(&after);
    record_json_diff(&before, person_fields, PERSON_NFIELDS, old.v, p->v, 0);
    record_json_diff(&after, person_fields, PERSON_NFIELDS, old.v, p->v, 1);
    if (strcmp(sb_str(&after), "{}") == 0) {
        rc = DPF_OK;
        goto out;
    }
    if (!(st = db_stmt(db, sql()->update, err))) {
        rc = DPF_EDB;
        goto out;
    }
    bind_fields(st, 0, p, id);
    sqlite3_bind_int64(st, PERSON_NFIELDS + 2, p->id);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_CONSTRAINT) {
        rc = holder_error(db, id, err);
        goto out;
    }
    if (rc != SQLITE_DONE) {
        rc = db_fail(db, err);
        goto out;
    }
    rc = audit_record(db, "person", p->id, action, sb_str(&before), sb_str(&after), err);
    if (rc == DPF_OK && changed)
        *changed = 1;
out:
    sb_free(&before);
    sb_free(&after);
    person_clear(&old);
    return rc;
}

int person_update(struct db *db, const struct person *p, int *changed, struct dpf_err *err)
{
    return store_update(db, p, "update", changed, err);
}

int person_version(struct db *db, int64_t id, int64_t *version, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(max(id), 0) FROM audit WHERE entity = 'person' "
                                   "AND entity_id = ?1 AND action IN ('insert', 'update', 'status')",
                               err);
    int rc;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? DPF_OK : db_fail(db, err);
}

struct conflict_text {
    char text[400];
    size_t len;
};

static int add_change(const char *label, const char *before, const char *after, void *ctx)
{
    struct conflict_text *c = ctx;
    (void)before;
    if (c->len < sizeof c->text)
        c->len += (size_t)snprintf(c->text + c->len, sizeof c->text - c->len, "%s%s: %s",
                                   c->len ? "; " : "", label, *after ? after : _("(empty)"));
    return 0;
}

/* Who changed the record after version, and what their last change was. */
static int conflict(struct db *db, int64_t id, int64_t version, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT at, user, before, after FROM audit WHERE entity = "
                                   "'person' AND entity_id = ?1 AND id > ?2 AND action IN "
                                   "('insert', 'update', 'status') ORDER BY id DESC LIMIT 1", err);
    struct conflict_text c = { "", 0 };
    char at[20] = "", user[64] = "";
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, version);
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(at, sizeof at, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(user, sizeof user, "%s", (const char *)sqlite3_column_text(st, 1));
        person_audit_changes(db, (const char *)sqlite3_column_text(st, 2),
                             (const char *)sqlite3_column_text(st, 3), 1, add_change, &c, err);
    }
    sqlite3_reset(st);
    return dpf_err_set(err, DPF_ECONFLICT, NULL,
                       _("%s changed this record at %s, after you opened it (%s). Your changes "
                         "were not saved: open the record again to see theirs."), user, at,
                       c.text);
}

int person_update_from(struct db *db, const struct person *p, int64_t version, int *changed,
                       struct dpf_err *err)
{
    int64_t now;
    int rc = person_version(db, p->id, &now, err);
    if (rc != DPF_OK)
        return rc;
    if (now != version)
        return conflict(db, p->id, version, err);
    return store_update(db, p, "update", changed, err);
}

int person_set_status(struct db *db, int64_t id, int status, const char *date,
                      const char *reason, struct dpf_err *err)
{
    struct person p;
    char code[2] = { (char)('0' + status), '\0' };
    int rc;

    if (status < PS_ACTIVE || status > PS_CANCELLED)
        return dpf_err_set(err, DPF_EINVAL, "status", _("Unknown status %d"), status);
    person_init(&p);
    if ((rc = person_load(db, id, &p, err)) != DPF_OK)
        return rc;
    if (person_set(&p, PF_STATUS, code) || person_set(&p, PF_STATUS_DATE, date) ||
        person_set(&p, PF_STATUS_REASON, reason)) {
        person_clear(&p);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    rc = person_validate(&p, db->today, err);
    if (rc == DPF_OK)
        rc = store_update(db, &p, "status", NULL, err);
    person_clear(&p);
    return rc;
}

static int load_one(struct db *db, sqlite3_stmt *st, struct person *out, const char *what,
                    struct dpf_err *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        rc = person_from_row(st, out);
        sqlite3_reset(st);
        return rc == DPF_OK ? DPF_OK : dpf_err_set(err, rc, NULL, _("Out of memory"));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No person with %s"), what);
}

int person_load(struct db *db, int64_t id, struct person *out, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, sql()->by_id, err);
    char what[32];
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    snprintf(what, sizeof what, "#%lld", (long long)id);
    return load_one(db, st, out, what, err);
}

int person_find(struct db *db, const char *cert_or_id, struct person *out,
                struct dpf_err *err)
{
    size_t len = strlen(cert_or_id);
    const char *q = len == IDCARD_LEN ? sql()->by_idno : sql()->by_cert;
    sqlite3_stmt *st = db_stmt(db, q, err);
    char key[CERT_MAX_LEN + 1];

    if (!st)
        return DPF_EDB;
    snprintf(key, sizeof key, "%s", cert_or_id);
    for (char *c = key; *c; c++)
        *c = (char)toupper((unsigned char)*c);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    return load_one(db, st, out, cert_or_id, err);
}

const char *person_columns(void)
{
    return sql()->columns;
}

int person_find_named(struct db *db, const char *cert_or_id, const char *name,
                      const char *key_field, struct person *out, struct dpf_err *err)
{
    int rc = person_find(db, cert_or_id, out, err);
    if (rc == DPF_ENOTFOUND && err)
        err->field = key_field;
    if (rc == DPF_OK && name && strcmp(name, person_get(out, PF_NAME)) != 0)
        rc = dpf_err_set(err, DPF_EINVAL, "name", _("The name %s is not the register's (%s)"),
                         name, person_get(out, PF_NAME));
    return rc;
}
