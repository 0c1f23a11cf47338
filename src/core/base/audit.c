/* SPDX-License-Identifier: MIT */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "dpf/audit.h"
#include "strbuf.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/entity.h"
#include "db_struct.h"

static const char insert_sql[] =
    "INSERT INTO audit (at, user, entity, entity_id, action, before, after) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";

/* A bulk load writes its audit rows this many to a statement (see person_insert_run). */
enum { RUN_ROWS = 16 };

/* RUN_ROWS rows sharing ?1 time, ?2 user, ?3 entity and ?4 action; row r has its entity
 * id in ?(5 + 2r) and its after in ?(6 + 2r). */
static char run_sql_text[200 + RUN_ROWS * 40];
static pthread_once_t run_sql_once = PTHREAD_ONCE_INIT;

static void build_run_sql(void)
{
    size_t len = (size_t)snprintf(run_sql_text, sizeof run_sql_text,
                                  "INSERT INTO audit (at, user, entity, entity_id, action, "
                                  "before, after) VALUES ");
    for (int r = 0; r < RUN_ROWS; r++)
        len += (size_t)snprintf(run_sql_text + len, sizeof run_sql_text - len,
                                "%s(?1, ?2, ?3, ?%d, ?4, NULL, ?%d)", r ? ", " : "", 5 + 2 * r,
                                6 + 2 * r);
}

/* Built once (pthread_once: the bulk import runs two threads). */
static const char *run_sql(void)
{
    pthread_once(&run_sql_once, build_run_sql);
    return run_sql_text;
}

static const char history_sql[] =
    "SELECT id, at, user, entity, entity_id, action, before, after FROM audit "
    "WHERE entity = ? AND entity_id = ? AND action <> 'disclose' ORDER BY id";

int audit_record(struct db *db, const char *entity, int64_t entity_id, const char *action,
                 const char *before, const char *after, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, insert_sql, err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, entity, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, entity_id);
    sqlite3_bind_text(st, 5, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, before, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, after, -1, SQLITE_STATIC);
    return db_step_done(db, st, err);
}

int audit_record_run(struct db *db, const char *entity, int64_t first_id, const char *action,
                     const char *const *after, int n, struct dpf_err *err)
{
    int done = 0, rc;

    for (; n - done >= RUN_ROWS; done += RUN_ROWS) {
        sqlite3_stmt *st = db_stmt(db, run_sql(), err);
        if (!st)
            return DPF_EDB;
        sqlite3_bind_text(st, 1, db->now, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, entity, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
        for (int r = 0; r < RUN_ROWS; r++) {
            sqlite3_bind_int64(st, 5 + 2 * r, first_id + done + r);
            sqlite3_bind_text(st, 6 + 2 * r, after[done + r], -1, SQLITE_STATIC);
        }
        if ((rc = db_step_done(db, st, err)) != DPF_OK)
            return rc;
    }
    for (; done < n; done++)
        if ((rc = audit_record(db, entity, first_id + done, action, NULL, after[done], err)) !=
            DPF_OK)
            return rc;
    return DPF_OK;
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* A row of "SELECT id, at, user, entity, entity_id, action, before, after FROM audit". */
static void read_row(sqlite3_stmt *st, struct audit_row *r)
{
    r->id = sqlite3_column_int64(st, 0);
    r->at = col(st, 1);
    r->user = col(st, 2);
    r->entity = col(st, 3);
    r->entity_id = sqlite3_column_int64(st, 4);
    r->action = col(st, 5);
    r->before = col(st, 6);
    r->after = col(st, 7);
    r->rolled_back = 0;
}

int audit_history(struct db *db, const char *entity, int64_t entity_id, audit_row_fn fn,
                  void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, history_sql, err);
    struct audit_row r;
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, entity_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_row(st, &r);
        if (fn(&r, ctx) != 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int audit_disclose(struct db *db, const char *what, int64_t person_id, const char *file,
                   long rows, struct dpf_err *err)
{
    struct strbuf sb;
    int rc;

    sb_init(&sb);
    sb_add(&sb, "{\"what\":");
    sb_json_str(&sb, what);
    if (file) {
        sb_add(&sb, ",\"file\":");
        sb_json_str(&sb, file);
        sb_printf(&sb, ",\"rows\":%ld", rows);
    }
    sb_add(&sb, ",\"command\":");
    sb_json_str(&sb, db->origin ? db->origin : "");
    sb_add(&sb, "}");
    rc = sb.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                : audit_record(db, person_id ? "person" : "export", person_id, "disclose", NULL,
                               sb_str(&sb), err);
    sb_free(&sb);
    return rc;
}

int audit_export(struct db *db, const char *what, const char *path, long rows, int full,
                 struct dpf_err *err)
{
    struct strbuf sb;
    int rc;

    if (full)
        return audit_disclose(db, what, 0, path, rows, err);
    sb_init(&sb);
    sb_add(&sb, "{\"what\":");
    sb_json_str(&sb, what);
    sb_add(&sb, ",\"file\":");
    sb_json_str(&sb, path);
    sb_printf(&sb, ",\"rows\":%ld,\"full_ids\":%s}", rows, full ? "true" : "false");
    rc = sb.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                : audit_record(db, "export", 0, full ? "export_full" : "export", NULL,
                               sb_str(&sb), err);
    sb_free(&sb);
    return rc;
}

/* The value of key in json when json is an object, else NULL (a NULL or malformed json
 * is left alone rather than refused: the log is read as it is). */
static const char extract_sql[] =
    "SELECT CASE WHEN json_valid(?1) AND json_type(?1) = 'object' THEN json_extract(?1, ?2) END";

static int read_json(sqlite3_stmt *st, void *json)
{
    char *out = strdup(col(st, 0));

    if (!out)
        return DPF_ENOMEM;
    free(*(char **)json);
    *(char **)json = out;
    return DPF_OK;
}

/* Replaces the value at path in *json by value; *json is malloc'd and replaced. */
static int replace_value(struct db *db, char **json, const char *path, const char *value,
                         struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT json_replace(?1, ?2, ?3)", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, *json, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
    rc = db_step_one(db, st, read_json, json, err);
    if (rc == DPF_ENOMEM)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == DPF_ENOTFOUND ? db_fail(db, err) : rc;     /* a select: always a row */
}

struct masked {
    const struct field *f;
    char *buf;
    size_t cap;
    int yes;
};

/* Formats the value masked into buf; yes if that changed it. */
static int read_masked(sqlite3_stmt *st, void *ctx)
{
    struct masked *m = ctx;
    const char *v = col(st, 0);

    m->yes = v && field_format(m->f, v, 1, m->buf, m->cap) == m->buf;
    return DPF_OK;
}

/* Masks the value of f's key in *out (a JSON object), if it has one. */
static int mask_key(struct db *db, char **out, const struct field *f, char *path, size_t pathcap,
                    char *buf, size_t bufcap, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, extract_sql, err);
    struct masked m = { f, buf, bufcap, 0 };
    int rc;

    if (!st)
        return DPF_EDB;
    snprintf(path, pathcap, "$.%s", f->key);
    sqlite3_bind_text(st, 1, *out, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    if ((rc = db_step_one(db, st, read_masked, &m, err)) == DPF_ENOTFOUND)
        rc = db_fail(db, err);                              /* a select: always a row */
    if (rc == DPF_OK && m.yes)      /* buf holds the masked text; *out is not replaced yet */
        rc = replace_value(db, out, path, buf, err);
    return rc;
}

/* Every audit writer keys its JSON by field keys, and the sensitive fields of every table
 * share the register's keys (cert_no, bank_account): each sensitive key is masked as the
 * first entity of the registry that has it (the register's) masks it. */
char *audit_mask(struct db *db, const char *json, struct dpf_err *err)
{
    const struct entity *e;
    char *out, path[64], buf[64];
    int rc = DPF_OK;

    if (!json)
        return NULL;
    if (!(out = strdup(json)))
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory")), NULL;
    for (int k = 0; (e = entity_at(db, k)) != NULL && rc == DPF_OK; k++) {
        for (int i = 0; i < e->nfields && rc == DPF_OK; i++) {
            const struct field *f = &e->fields[i];
            if ((f->flags & FF_SENSITIVE) && entity_field_of(db, f->key) == f)
                rc = mask_key(db, &out, f, path, sizeof path, buf, sizeof buf, err);
        }
    }
    if (rc != DPF_OK) {
        free(out);
        return NULL;
    }
    return out;
}

/* The log and the rows restores rolled back, newest first: a rolled-back row sorts just
 * below the restore that rolled it back (restore_id), in the order it was written. */
static const char list_sql[] =
    "SELECT id, at, user, entity, entity_id, action, before, after, 0, id AS k1, 1 AS k2, "
    "0 AS k3 FROM audit WHERE (?1 IS NULL OR user = ?1) AND (?2 = 0 OR (entity = 'person' "
    "AND entity_id = ?2)) AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < date(?4, "
    "'+1 day')) "
    "UNION ALL SELECT audit_id, at, user, entity, entity_id, action, before, after, 1, "
    "restore_id, 0, id FROM audit_rolled_back WHERE (?1 IS NULL OR user = ?1) AND (?2 = 0 OR "
    "(entity = 'person' AND entity_id = ?2)) AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR "
    "at < date(?4, '+1 day')) ORDER BY k1 DESC, k2 DESC, k3 DESC LIMIT ?5";

int audit_list(struct db *db, const struct audit_filter *f, audit_row_fn fn, void *ctx,
               struct dpf_err *err)
{
    sqlite3_stmt *st;
    struct audit_row r;
    int rc, stop = 0;

    /* Its own statement: the filters make one text, and the log is read rarely. */
    if (sqlite3_prepare_v2(db->h, list_sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_text(st, 1, f->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, f->person_id);
    sqlite3_bind_text(st, 3, f->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f->to, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, f->limit > 0 ? f->limit : -1);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_row(st, &r);
        r.rolled_back = sqlite3_column_int(st, 8);
        stop = fn(&r, ctx);
    }
    sqlite3_finalize(st);
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

const char *audit_action_label(const char *action)
{
    static const struct { const char *action, *label; } subsidy[] = {
        { "subsidy_apply", N_("subsidy application") },
        { "subsidy_step", N_("subsidy approval step") },
        { "subsidy_refuse", N_("subsidy application refused") },
        { "subsidy_stop", N_("subsidy stopped") },
        { "subsidy_import", N_("subsidy enrolment imported") },
        { "subsidy_payment_import", N_("subsidy payment imported") },
        { "assessment_add", N_("needs assessment recorded") },
        { "assessment_edit", N_("needs assessment changed") },
        { "assessment_delete", N_("needs assessment deleted") },
        { "agreement_add", N_("service agreement recorded") },
        { "agreement_edit", N_("service agreement changed") },
        { "agreement_delete", N_("service agreement deleted") },
        { "service_add", N_("rehabilitation service recorded") },
        { "service_edit", N_("rehabilitation service changed") },
        { "service_delete", N_("rehabilitation service deleted") },
        { "rescue_add", N_("children's rescue recorded") },
        { "rescue_edit", N_("children's rescue changed") },
        { "rescue_delete", N_("children's rescue deleted") },
        { "place_add", N_("place added") },
        { "place_edit", N_("place changed") },
        { "insured_add", N_("added to the insured roster") },
        { "insured_remove", N_("removed from the insured roster") },
        { "claim_add", N_("insurance claim reported") },
        { "claim_edit", N_("insurance claim changed") },
        { "claim_step", N_("insurance claim moved on") },
        { "user_first_admin", N_("first user, made admin") },
        { "user_set", N_("user added or role changed") },
        { "user_remove", N_("user removed") },
        { "user_name", N_("user's name set") },
        { "backup", N_("database backed up") },
        { "backup_auto", N_("automatic backup turned on or off") },
        { "restore", N_("database restored from a backup") },
        { "export", N_("list exported (IDs masked)") },
        { "export_full", N_("list exported with full IDs") },
        { "disclose", N_("full IDs or bank accounts shown or written") },
        { "roster_build", N_("insured roster built") },
        { "roster_confirm", N_("insured roster confirmed") },
        { "policy_add", N_("insurance policy recorded") },
        { "policy_edit", N_("insurance policy changed") },
        { "cover_save", N_("coverage item saved") },
    };
    for (size_t i = 0; i < sizeof subsidy / sizeof subsidy[0]; i++)
        if (strcmp(action, subsidy[i].action) == 0)
            return _(subsidy[i].label);
    if (strcmp(action, "insert") == 0)
        return _("registered");
    if (strcmp(action, "update") == 0)
        return _("changed");
    if (strcmp(action, "status") == 0)
        return _("status changed");
    if (strcmp(action, "yearly_update") == 0)
        return _("yearly update");
    return action;
}
