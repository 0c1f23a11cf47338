/* SPDX-License-Identifier: MIT */
/* Storing persons: insert, update and status change, each with its audit row, and lookups.
 * SQL column lists are built from person_fields so the table is described once. Callers
 * own the transaction (a single edit or a whole import). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/idcard.h"
#include "dpf/person.h"
#include "dpf/place.h"
#include "person_internal.h"
#include "base/pinyin.h"
#include "base/record.h"
#include "base/store.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

/* A bulk load inserts this many persons per statement: a statement's set-up and tear-down
 * cost as much as inserting a row. */
enum { RUN_ROWS = 16 };

/* A person's row: the fields in the columns of their keys, and the resident ID (id_no, the
 * certificate's first 18 characters) by which the register is searched and kept unique. */
enum { REF_ID_NO, REF_KEY, REF_SPELL, REF_INITIALS, REF_SPELL_ALT, REF_INITIALS_ALT, NREFS };
static const struct field person_refs[NREFS] = {
    [REF_ID_NO] = { .key = "id_no", .type = FT_TEXT },
    /* The name by sound (base/pinyin.h): what lists sort by and searches find. */
    [REF_KEY] = { .key = "name_key", .type = FT_TEXT },
    [REF_SPELL] = { .key = "name_spell", .type = FT_TEXT },
    [REF_INITIALS] = { .key = "name_initials", .type = FT_TEXT },
    [REF_SPELL_ALT] = { .key = "name_spell_alt", .type = FT_TEXT },
    [REF_INITIALS_ALT] = { .key = "name_initials_alt", .type = FT_TEXT },
};

/* A person's references: the resident ID and the name's keys, pointing into the buffers. */
struct person_refs {
    char id[IDCARD_LEN + 1];
    struct pinyin_name py;
    char *v[NREFS];
};

static char *const *refs_of(const struct person *p, struct person_refs *r)
{
    person_id_no(p, r->id);
    pinyin_name(person_get(p, PF_NAME), &r->py);
    r->v[REF_ID_NO] = r->id;
    r->v[REF_KEY] = r->py.key;
    r->v[REF_SPELL] = r->py.spell;
    r->v[REF_INITIALS] = r->py.initials;
    r->v[REF_SPELL_ALT] = r->py.spell_alt[0] ? r->py.spell_alt : NULL;
    r->v[REF_INITIALS_ALT] = r->py.initials_alt[0] ? r->py.initials_alt : NULL;
    return r->v;
}
enum { FIND_IDNO, FIND_CERT };
static const char *const person_finds[] = {
    [FIND_IDNO] = " WHERE t.id_no = ?1",
    [FIND_CERT] = " WHERE t.id_no = substr(?1, 1, 18) AND t.cert_no = ?1",
    NULL,
};
static struct store person_store = {
    .table = "person", .fields = person_fields, .n = PERSON_NFIELDS, .refs = person_refs,
    .nrefs = NREFS, .finds = person_finds, .run = RUN_ROWS, .once = PTHREAD_ONCE_INIT,
};

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

/* A write refused by the table: the resident ID is another person's (or, if it is not,
 * the database's own words). */
static int refused(struct db *db, int rc, const char *id_no, struct dpf_err *err)
{
    if (rc == DPF_EDB && sqlite3_errcode(db->h) == SQLITE_CONSTRAINT)
        return holder_error(db, id_no, err);
    return rc;
}

static int person_insert_row(struct db *db, struct person *p, struct dpf_err *err)
{
    struct person_refs r;
    char *const *refs = refs_of(p, &r);

    return refused(db, store_insert(db, &person_store, 0, p->v, refs, &p->id, err), r.id, err);
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
    struct person_refs rr[RUN_ROWS];
    char *const *v[RUN_ROWS], *const *refs[RUN_ROWS];
    int rc;

    for (int r = 0; r < k; r++) {
        v[r] = rows[r].v;
        refs[r] = refs_of(&rows[r], &rr[r]);
    }
    if (k == 1)
        rc = store_insert(db, &person_store, first_id, v[0], refs[0], NULL, err);
    else
        rc = store_insert_run(db, &person_store, first_id, v, refs, err);
    if (rc != DPF_OK)
        return rc;
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

    /* Once the office keeps a list of places, a person is registered at one of them. */
    if ((rc = place_check(db, p->v[PF_TOWNSHIP], p->v[PF_VILLAGE], err)) != DPF_OK)
        return rc;
    sb_init(&after);
    person_insert_json(&after, p);
    rc = after.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                   : person_insert_audited(db, p, sb_str(&after), err);
    sb_free(&after);
    return rc;
}

static int same(const char *a, const char *b)
{
    return (a ? a : "")[0] == (b ? b : "")[0] && strcmp(a ? a : "", b ? b : "") == 0;
}

static int update_audited(struct db *db, const struct person *p, const char *action,
                          int *changed, struct dpf_err *err)
{
    struct person old;
    struct strbuf before, after;
    struct person_refs r;
    int rc;

    if (changed)
        *changed = 0;
    person_init(&old);
    if ((rc = person_load(db, p->id, &old, err)) != DPF_OK)
        return rc;
    /* A place is checked when it changes: a record kept at a place no longer on the list
     * can still have its other fields corrected. */
    if (!same(old.v[PF_TOWNSHIP], p->v[PF_TOWNSHIP]) || !same(old.v[PF_VILLAGE], p->v[PF_VILLAGE]))
        if ((rc = place_check(db, p->v[PF_TOWNSHIP], p->v[PF_VILLAGE], err)) != DPF_OK) {
            person_clear(&old);
            return rc;
        }
    sb_init(&before);
    sb_init(&after);
    record_json_diff(&before, person_fields, PERSON_NFIELDS, old.v, p->v, 0);
    record_json_diff(&after, person_fields, PERSON_NFIELDS, old.v, p->v, 1);
    if (strcmp(sb_str(&after), "{}") == 0) {
        rc = DPF_OK;
        goto out;
    }
    rc = refused(db, store_update(db, &person_store, p->id, p->v, refs_of(p, &r), err), r.id,
                 err);
    if (rc == DPF_OK)
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
    return update_audited(db, p, "update", changed, err);
}

int person_version(struct db *db, int64_t id, int64_t *version, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(max(id), 0) FROM audit WHERE entity = 'person' "
                                   "AND entity_id = ?1 AND action IN ('insert', 'update', 'status')",
                               err);
    *version = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    return db_step_int64(db, st, version, err);     /* max(): always a row */
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

struct change {
    struct db *db;
    struct conflict_text c;
    char at[20], user[64];
    struct dpf_err *err;
};

static int read_change(sqlite3_stmt *st, void *ctx)
{
    struct change *ch = ctx;
    snprintf(ch->at, sizeof ch->at, "%s", (const char *)sqlite3_column_text(st, 0));
    snprintf(ch->user, sizeof ch->user, "%s", (const char *)sqlite3_column_text(st, 1));
    person_audit_changes(ch->db, (const char *)sqlite3_column_text(st, 2),
                         (const char *)sqlite3_column_text(st, 3), 1, add_change, &ch->c,
                         ch->err);
    return DPF_OK;
}

/* Who changed the record after version, and what their last change was. */
static int conflict(struct db *db, int64_t id, int64_t version, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT at, user, before, after FROM audit WHERE entity = "
                                   "'person' AND entity_id = ?1 AND id > ?2 AND action IN "
                                   "('insert', 'update', 'status') ORDER BY id DESC LIMIT 1", err);
    struct change ch = { db, { "", 0 }, "", "", err };

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, version);
    db_step_one(db, st, read_change, &ch, err);
    return dpf_err_set(err, DPF_ECONFLICT, NULL,
                       _("%s changed this record at %s, after you opened it (%s). Your changes "
                         "were not saved: open the record again to see theirs."), ch.user, ch.at,
                       ch.c.text);
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
    return update_audited(db, p, "update", changed, err);
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
        rc = update_audited(db, &p, "status", NULL, err);
    person_clear(&p);
    return rc;
}

static int no_person(int rc, const char *what, struct dpf_err *err)
{
    if (rc == DPF_ENOMEM)
        return dpf_err_set(err, rc, NULL, _("Out of memory"));
    if (rc == DPF_ENOTFOUND)
        return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No person with %s"), what);
    return rc;
}

static int read_person(sqlite3_stmt *st, void *ctx)
{
    return person_from_row(st, ctx);
}

int person_load(struct db *db, int64_t id, struct person *out, struct dpf_err *err)
{
    char what[32], *v[PERSON_NFIELDS] = { NULL };
    int rc;

    if ((rc = store_load(db, &person_store, id, v, NULL, err)) == DPF_OK) {
        person_clear(out);
        memcpy(out->v, v, sizeof v);
        out->id = id;
    }
    snprintf(what, sizeof what, "#%lld", (long long)id);
    return no_person(rc, what, err);
}

int person_find(struct db *db, const char *cert_or_id, struct person *out,
                struct dpf_err *err)
{
    size_t len = strlen(cert_or_id);
    sqlite3_stmt *st = store_find(db, &person_store, len == IDCARD_LEN ? FIND_IDNO : FIND_CERT,
                                  err);
    char key[CERT_MAX_LEN + 1];

    if (!st)
        return DPF_EDB;
    snprintf(key, sizeof key, "%s", cert_or_id);
    for (char *c = key; *c; c++)
        *c = (char)toupper((unsigned char)*c);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    return no_person(db_step_one(db, st, read_person, out, err), cert_or_id, err);
}

const char *person_columns(void)
{
    return store_columns(&person_store);
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
