/* SPDX-License-Identifier: MIT */
/* The office's places in the database (dpf/place.h): the list in code order, adding and
 * editing (audited, the manager's), finding by name or code, and the check a person's
 * record passes. The in-memory set the import reads is place_set.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/place.h"
#include "place_set.h"
#include "base/db_struct.h"
#include "base/record.h"
#include "base/strbuf.h"

const struct field place_fields[PLACE_NFIELDS] = {
    [PL_TOWNSHIP] = { "township", "乡镇街道", N_("Township"), FT_TEXT, NULL, 12, PLACE_NAME_MAX, FF_REQUIRED },
    [PL_VILLAGE]  = { "village", "村社区", N_("Village"), FT_TEXT, NULL, 12, PLACE_NAME_MAX, 0 },
    [PL_CODE]     = { "code", "行政区划代码", N_("Place code"), FT_DIGITS, NULL, 12, 12, 0 },
};

#define CODE_ORDER " ORDER BY code IS NULL, code, name"

struct walk {
    int (*fn)(const char *name, const char *code, void *ctx);
    void *ctx;
};

int place_names(struct db *db, const char *township,
                int (*fn)(const char *name, const char *code, void *ctx), void *ctx,
                struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, township
        ? "SELECT name, coalesce(code, '') FROM place WHERE parent = "
          "(SELECT id FROM place WHERE parent IS NULL AND name = ?1)" CODE_ORDER
        : "SELECT name, coalesce(code, '') FROM place WHERE parent IS NULL" CODE_ORDER, err);
    int rc;

    if (!st)
        return DPF_EDB;
    if (township)
        sqlite3_bind_text(st, 1, township, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn((const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1), ctx))
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int place_count(struct db *db, long *n, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM place", err);
    int64_t v = 0;
    int rc = st ? db_step_int64(db, st, &v, err) : DPF_EDB;

    *n = (long)v;
    return rc;
}

/* The id of a township (township NULL) or of a village of township; 0 if there is none. */
static int place_id(struct db *db, const char *township, const char *name, int64_t *id,
                    struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, township
        ? "SELECT id FROM place WHERE parent = (SELECT id FROM place WHERE parent IS NULL "
          "AND name = ?1) AND name = ?2"
        : "SELECT id FROM place WHERE parent IS NULL AND name = ?2", err);
    int rc;

    *id = 0;
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, township, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    rc = db_step_int64(db, st, id, err);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;
}

/* The code a place of this kind may have: 9 digits for a township, 12 for a village,
 * beginning with its township's code (tcode, "" when it has none). */
static int code_ok(const char *township, const char *code, const char *tcode,
                   struct dpf_err *err)
{
    size_t want = township ? PLACE_VILLAGE_CODE : PLACE_TOWNSHIP_CODE;

    if (!code || !*code)
        return DPF_OK;
    if (strlen(code) != want || code[strspn(code, "0123456789")])
        return dpf_err_set(err, DPF_EINVAL, "code", township
                           ? _("a village's code is 12 digits, not %s")
                           : _("a township's code is 9 digits, not %s"), code);
    if (township && *tcode && strncmp(code, tcode, PLACE_TOWNSHIP_CODE) != 0)
        return dpf_err_set(err, DPF_EINVAL, "code",
                           _("the code %s does not begin with %s's code %s"), code, township,
                           tcode);
    return DPF_OK;
}

static int code_of(struct db *db, int64_t id, char out[16], struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(code, '') FROM place WHERE id = ?1", err);
    if (!st)
        return DPF_EDB;
    out[0] = '\0';
    sqlite3_bind_int64(st, 1, id);
    return db_step_text(db, st, out, 16, err);
}

static int audit(struct db *db, int64_t id, const char *action, const char *township,
                 const char *name, const char *before_name, const char *before_code,
                 const char *code, struct dpf_err *err)
{
    char *a[PLACE_NFIELDS] = { (char *)(township ? township : name),
                               (char *)(township ? name : NULL), (char *)code };
    char *b[PLACE_NFIELDS] = { (char *)(township ? township : before_name),
                               (char *)(township ? before_name : NULL), (char *)before_code };
    struct strbuf after, before;
    int rc;

    sb_init(&after);
    sb_init(&before);
    record_json(&after, place_fields, PLACE_NFIELDS, a);
    if (before_name)
        record_json(&before, place_fields, PLACE_NFIELDS, b);
    rc = after.oom || before.oom
        ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
        : audit_record(db, "place", id, action, before_name ? sb_str(&before) : NULL,
                       sb_str(&after), err);
    sb_free(&after);
    sb_free(&before);
    return rc;
}

static int name_ok(const char *name, struct dpf_err *err)
{
    if (!name || !*name || utf8_chars(name) > PLACE_NAME_MAX || strstr(name, "\x1F"))
        return dpf_err_set(err, DPF_EINVAL, "name", _("a place's name is 1 to %d characters"),
                           PLACE_NAME_MAX);
    return DPF_OK;
}

/* Runs a statement that writes a place: a code that is already another place's is said so. */
static int step_place(struct db *db, sqlite3_stmt *st, const char *code, struct dpf_err *err)
{
    int rc = db_step_done(db, st, err);
    if (rc != DPF_OK && sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE)
        return dpf_err_set(err, DPF_EDUP, "code", _("the code %s is another place's"), code);
    return rc;
}

int place_add(struct db *db, const char *township, const char *name, const char *code,
              struct dpf_err *err)
{
    sqlite3_stmt *st;
    int64_t parent = 0, id;
    char tcode[16] = "";
    int rc;

    if ((rc = name_ok(name, err)) != DPF_OK)
        return rc;
    if (township) {
        if ((rc = place_id(db, NULL, township, &parent, err)) != DPF_OK)
            return rc;
        if (!parent)
            return place_find(db, NULL, township, NULL, NULL, NULL, err);
        if ((rc = code_of(db, parent, tcode, err)) != DPF_OK)
            return rc;
    }
    if ((rc = code_ok(township, code, tcode, err)) != DPF_OK ||
        (rc = place_id(db, township, name, &id, err)) != DPF_OK)
        return rc;
    if (id)
        return dpf_err_set(err, DPF_EDUP, "name", township
                           ? _("%s already has a village %s") : _("the township %s is already "
                                                                  "on the list"),
                           township ? township : name, name);
    if (!(st = db_stmt(db, "INSERT INTO place (code, name, parent) VALUES (nullif(?1, ''), ?2, "
                           "nullif(?3, 0))", err)))
        return DPF_EDB;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, parent);
    if ((rc = step_place(db, st, code, err)) != DPF_OK)
        return rc;
    id = sqlite3_last_insert_rowid(db->h);
    return audit(db, id, "place_add", township, name, NULL, NULL, code && *code ? code : NULL, err);
}

/* How many persons are registered at a township (village NULL) or a village of it. */
static int persons_at(struct db *db, const char *township, const char *village, int64_t *n,
                      struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, village
        ? "SELECT count(*) FROM person WHERE township = ?1 AND village = ?2"
        : "SELECT count(*) FROM person WHERE township = ?1", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, township, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, village, -1, SQLITE_STATIC);
    return db_step_int64(db, st, n, err);
}

/* A township's new code must still begin its villages' codes. */
static int villages_follow(struct db *db, int64_t id, const char *name, const char *code,
                           struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM place WHERE parent = ?1 AND code IS "
                                   "NOT NULL AND substr(code, 1, 9) <> ?2", err);
    int64_t n = 0;
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    if ((rc = db_step_int64(db, st, &n, err)) != DPF_OK)
        return rc;
    return n ? dpf_err_set(err, DPF_EINVAL, "code", _("%ld villages of %s have codes that do "
                                                      "not begin with %s"), (long)n, name, code)
             : DPF_OK;
}

static int rename_ok(struct db *db, const char *township, const char *name,
                     const char *new_name, struct dpf_err *err)
{
    int64_t n = 0, other;
    int rc;

    if ((rc = name_ok(new_name, err)) != DPF_OK ||
        (rc = persons_at(db, township ? township : name, township ? name : NULL, &n, err)) != DPF_OK ||
        (rc = place_id(db, township, new_name, &other, err)) != DPF_OK)
        return rc;
    if (n)
        return dpf_err_set(err, DPF_EINVAL, "name", _("%ld persons are registered at %s: it "
                                                      "keeps its name"), (long)n, name);
    if (other)
        return dpf_err_set(err, DPF_EDUP, "name", _("%s is already on the list"), new_name);
    return DPF_OK;
}

int place_edit(struct db *db, const char *township, const char *name, const char *new_name,
               const char *new_code, struct dpf_err *err)
{
    char old[16], tcode[16] = "";
    int64_t id, parent = 0;
    sqlite3_stmt *st;
    const char *code, *to;
    int rc;

    if ((rc = place_id(db, township, name, &id, err)) != DPF_OK)
        return rc;
    if (!id)
        return place_find(db, township, name, NULL, NULL, NULL, err);
    if ((rc = code_of(db, id, old, err)) != DPF_OK)
        return rc;
    if (township && ((rc = place_id(db, NULL, township, &parent, err)) != DPF_OK ||
                     (rc = code_of(db, parent, tcode, err)) != DPF_OK))
        return rc;
    code = new_code ? new_code : old;
    to = new_name && strcmp(new_name, name) != 0 ? new_name : name;
    if ((rc = code_ok(township, code, tcode, err)) != DPF_OK ||
        (!township && *code && (rc = villages_follow(db, id, name, code, err)) != DPF_OK) ||
        (to != name && (rc = rename_ok(db, township, name, to, err)) != DPF_OK))
        return rc;
    if (!(st = db_stmt(db, "UPDATE place SET code = nullif(?1, ''), name = ?2 WHERE id = ?3",
                       err)))
        return DPF_EDB;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, id);
    if ((rc = step_place(db, st, code, err)) != DPF_OK)
        return rc;
    return audit(db, id, "place_edit", township, to, name, *old ? old : NULL, *code ? code : NULL,
                 err);
}

int place_nearest(struct db *db, const char *township, const char *name, char *out,
                  size_t cap, struct dpf_err *err)
{
    struct place_set s;
    int rc = place_set_load(db, &s, err);

    out[0] = '\0';
    if (rc == DPF_OK)
        place_set_nearest(&s, township, name, out, cap);
    place_set_free(&s);
    return rc;
}

/* The refusal of an unknown place, with the nearest names. */
static int unknown(struct db *db, const char *township, const char *name, struct dpf_err *err)
{
    char near[400];
    int rc = place_nearest(db, township, name, near, sizeof near, err);
    return rc == DPF_OK ? place_refuse(err, township, name, near) : rc;
}

static int read_found(sqlite3_stmt *st, void *ctx)
{
    char **out = ctx;
    for (int i = 0; i < 3; i++)
        if (out[i])
            snprintf(out[i], i == 2 ? 13 : PLACE_NAME_MAX * 4 + 1, "%s",
                     (const char *)sqlite3_column_text(st, i));
    return DPF_OK;
}

int place_find(struct db *db, const char *township, const char *name_or_code,
               char *out_township, char *out_name, char *out_code, struct dpf_err *err)
{
    size_t len = strlen(name_or_code);
    int by_code = (len == PLACE_TOWNSHIP_CODE || len == PLACE_VILLAGE_CODE) &&
                  !name_or_code[strspn(name_or_code, "0123456789")];
    sqlite3_stmt *st = db_stmt(db, by_code
        ? "SELECT coalesce(t.name, p.name), CASE WHEN t.id IS NULL THEN '' ELSE p.name END, "
          "coalesce(p.code, '') FROM place p LEFT JOIN place t ON t.id = p.parent "
          "WHERE p.code = ?2"
        : "SELECT coalesce(t.name, p.name), CASE WHEN t.id IS NULL THEN '' ELSE p.name END, "
          "coalesce(p.code, '') FROM place p LEFT JOIN place t ON t.id = p.parent "
          "WHERE p.name = ?2 AND (CASE WHEN ?1 IS NULL THEN p.parent IS NULL "
          "ELSE t.name = ?1 END)", err);
    char *out[3] = { out_township, out_name, out_code };
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, township, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name_or_code, -1, SQLITE_STATIC);
    rc = db_step_one(db, st, read_found, out, err);
    if (rc != DPF_ENOTFOUND)
        return rc;
    if (by_code)
        return dpf_err_set(err, DPF_ENOTFOUND, "code", _("no place has the code %s"),
                           name_or_code);
    if ((rc = unknown(db, township, name_or_code, err)) == DPF_EINVAL)
        err->code = DPF_ENOTFOUND;
    return err->code;
}

int place_check(struct db *db, const char *township, const char *village,
                struct dpf_err *err)
{
    int64_t id;
    long n;
    int rc;

    if (!township || !*township)
        return DPF_OK;          /* required: person_validate says so */
    if ((rc = place_id(db, NULL, township, &id, err)) != DPF_OK)
        return rc;
    if (!id) {
        if ((rc = place_count(db, &n, err)) != DPF_OK)
            return rc;
        return n ? unknown(db, NULL, township, err) : DPF_OK;
    }
    if (!village || !*village)
        return DPF_OK;
    if ((rc = place_id(db, township, village, &id, err)) != DPF_OK)
        return rc;
    return id ? DPF_OK : unknown(db, township, village, err);
}
