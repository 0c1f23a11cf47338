/* SPDX-License-Identifier: MIT */
/* Storing, reading, listing and exporting the rehabilitation records. One description per
 * kind says where each field's value is read from and written to; the SQL is built from it
 * once, so the six kinds share one writer, one reader and one export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "base/export_internal.h"
#include "base/record.h"
#include "rehab_internal.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

struct store {
    const char *table;
    const char *const *read;    /* per field: the SQL giving its canonical value */
    const char *const *col;     /* per field: the column it is written to, NULL if none */
    int has_person, has_year;   /* person_id and year are written from the resolved refs */
    int inst_field;             /* the field naming an institution (institution_id), or -1 */
    const char *order;
    const char *audit;          /* the audit action's stem: "assessment" -> assessment_add */
};

static const char *const inst_read[] = { "t.name", "t.kind", "t.township", "t.phone", "t.note" };
static const char *const inst_col[] = { "name", "kind", "township", "phone", "note" };
static const char *const as_read[] = {
    "p.cert_no", "p.name", "t.assessed_on", "t.method", "t.assessor", "i.name", "t.needs",
    "t.devices", "t.note" };
static const char *const as_col[] = {
    NULL, NULL, "assessed_on", "method", "assessor", NULL, "needs", "devices", "note" };
static const char *const ag_read[] = {
    "p.cert_no", "p.name", "t.signed_on", "i.name", "t.planned", "t.plan_from", "t.plan_to",
    "t.note" };
static const char *const ag_col[] = {
    NULL, NULL, "signed_on", NULL, "planned", "plan_from", "plan_to", "note" };
static const char *const sv_read[] = {
    "p.cert_no", "p.name", "t.served_on", "i.name", "t.kind", "t.item", "t.cost", "t.funding",
    "t.note" };
static const char *const sv_col[] = {
    NULL, NULL, "served_on", NULL, "kind", "item", "cost", "funding", "note" };
static const char *const rs_read[] = {
    "p.cert_no", "p.name", "t.started_on", "t.kind", "t.funding", "i.name", "t.cost",
    "t.ended_on", "t.note" };
static const char *const rs_col[] = {
    NULL, NULL, "started_on", "kind", "funding", NULL, "cost", "ended_on", "note" };
static const char *const pj_read[] = {
    "t.year", "t.name", "t.target", "t.source", "t.kinds", "t.funding", "t.programme", "t.count",
    "t.note" };
static const char *const pj_col[] = {
    "year", "name", "target", "source", "kinds", "funding", "programme", "count", "note" };

static const struct store stores[RK_COUNT] = {
    [RK_INSTITUTION] = { "institution", inst_read, inst_col, 0, 0, -1, "t.township, t.name", "institution" },
    [RK_ASSESSMENT]  = { "assessment", as_read, as_col, 1, 1, AS_INSTITUTION, "t.assessed_on, t.id", "assessment" },
    [RK_AGREEMENT]   = { "agreement", ag_read, ag_col, 1, 1, AG_INSTITUTION, "t.signed_on, t.id", "agreement" },
    [RK_SERVICE]     = { "service", sv_read, sv_col, 1, 1, SV_INSTITUTION, "t.served_on, t.id", "service" },
    [RK_RESCUE]      = { "rescue", rs_read, rs_col, 1, 1, RS_INSTITUTION, "t.started_on, t.id", "rescue" },
    [RK_PROJECT]     = { "project", pj_read, pj_col, 0, 0, -1, "t.year, t.id", "project" },
};

static int bad_kind(int kind, struct dpf_err *err)
{
    if (kind >= 0 && kind < RK_COUNT)
        return DPF_OK;
    dpf_err_set(err, DPF_EINVAL, NULL, _("No records of kind %d"), kind);
    return DPF_EINVAL;
}

/* SELECT t.id, <read...> FROM <table> t [JOIN person p] [LEFT JOIN institution i] */
static void select_sql(struct strbuf *sb, int kind)
{
    const struct store *s = &stores[kind];
    sb_add(sb, "SELECT t.id");
    for (int i = 0; i < rehab_entities[kind].n; i++)
        sb_printf(sb, ", %s", s->read[i]);
    sb_printf(sb, " FROM %s t", s->table);
    if (s->has_person)
        sb_add(sb, " JOIN person p ON p.id = t.person_id");
    if (s->inst_field >= 0)
        sb_add(sb, " LEFT JOIN institution i ON i.id = t.institution_id");
}

void rehab_values_free(char **v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i]);
        v[i] = NULL;
    }
}

typedef int (*row_fn)(sqlite3_stmt *st, int kind, void *ctx);

/* Runs a select of kind (with where and order appended) and calls fn per row. */
static int query(struct db *db, int kind, const char *tail, int64_t a, int64_t b, row_fn fn,
                 void *ctx, struct dpf_err *err)
{
    struct strbuf sb;
    sqlite3_stmt *st;
    int rc, stop = 0;

    sb_init(&sb);
    select_sql(&sb, kind);
    sb_add(&sb, tail);
    st = sb.oom ? NULL : db_stmt(db, sb_str(&sb), err);
    sb_free(&sb);
    if (!st)
        return err && err->code ? DPF_EDB : dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(st, kind, ctx);
    sqlite3_reset(st);
    if (stop < 0)
        return err ? err->code : DPF_EIO;
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

struct load_ctx {
    char **v;
    int found, oom;
};

static int load_row(sqlite3_stmt *st, int kind, void *ctx)
{
    struct load_ctx *lc = ctx;
    lc->found = 1;
    for (int i = 0; i < rehab_entities[kind].n; i++) {
        const char *t = (const char *)sqlite3_column_text(st, i + 1);
        if (t && !(lc->v[i] = strdup(t)))
            lc->oom = 1;
    }
    return 1;
}

int rehab_load(struct db *db, int kind, int64_t id, char **v, struct dpf_err *err)
{
    struct load_ctx lc = { v, 0, 0 };
    int rc = bad_kind(kind, err);

    if (rc != DPF_OK)
        return rc;
    memset(v, 0, sizeof *v * (size_t)rehab_entities[kind].n);
    if ((rc = query(db, kind, " WHERE t.id = ?1 AND ?2 = 0", id, 0, load_row, &lc, err)) != DPF_OK)
        return rc;
    if (lc.oom) {
        rehab_values_free(v, rehab_entities[kind].n);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    return lc.found ? DPF_OK
                    : dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No record #%lld"), (long long)id);
}

struct list_ctx {
    rehab_row_fn fn;
    void *ctx;
};

static int list_row(sqlite3_stmt *st, int kind, void *ctx)
{
    struct list_ctx *lc = ctx;
    char *v[16];
    for (int i = 0; i < rehab_entities[kind].n; i++)
        v[i] = (char *)sqlite3_column_text(st, i + 1);
    return lc->fn(sqlite3_column_int64(st, 0), v, lc->ctx);
}

int rehab_list(struct db *db, int kind, int64_t person_id, int year, rehab_row_fn fn,
               void *ctx, struct dpf_err *err)
{
    struct list_ctx lc = { fn, ctx };
    const struct store *s;
    char tail[256];
    int rc = bad_kind(kind, err);

    if (rc != DPF_OK)
        return rc;
    s = &stores[kind];
    snprintf(tail, sizeof tail, " WHERE %s AND %s ORDER BY %s",
             s->has_person ? "(?1 = 0 OR t.person_id = ?1)" : "?1 = ?1",
             kind != RK_INSTITUTION ? "(?2 = 0 OR t.year = ?2)" : "?2 = ?2", s->order);
    return query(db, kind, tail, person_id, year, list_row, &lc, err);
}

/* ---- writing ---- */

static void bind_value(sqlite3_stmt *st, int pos, const struct field *f, const char *v)
{
    if (!v && f->type == FT_MONEY)
        sqlite3_bind_int(st, pos, 0);           /* no cost given: nothing was paid */
    else if (!v)
        sqlite3_bind_null(st, pos);
    else if (f->type == FT_CHOICE || f->type == FT_INT || f->type == FT_MONEY)
        sqlite3_bind_int64(st, pos, atoll(v));
    else
        sqlite3_bind_text(st, pos, v, -1, SQLITE_TRANSIENT);
}

/* INSERT INTO t (cols..., refs...) VALUES (?...) or UPDATE t SET col = ?, ... WHERE id = ?,
 * with the values bound in the same order. */
static int write_row(struct db *db, int kind, int64_t id, char **v,
                     const struct rehab_refs *r, int64_t *out, struct dpf_err *err)
{
    const struct store *s = &stores[kind];
    const struct field *f = rehab_entities[kind].fields;
    const char *cols[24];
    struct strbuf sb;
    sqlite3_stmt *st;
    int n = 0, pos = 1, rc;

    for (int i = 0; i < rehab_entities[kind].n; i++)
        if (s->col[i])
            cols[n++] = s->col[i];
    if (s->has_person)
        cols[n++] = "person_id";
    if (s->has_year)
        cols[n++] = "year";
    if (s->inst_field >= 0)
        cols[n++] = "institution_id";
    sb_init(&sb);
    if (id) {
        sb_printf(&sb, "UPDATE %s SET ", s->table);
        for (int c = 0; c < n; c++)
            sb_printf(&sb, "%s%s = ?", c ? ", " : "", cols[c]);
        sb_add(&sb, " WHERE id = ?");
    } else {
        sb_printf(&sb, "INSERT INTO %s (", s->table);
        for (int c = 0; c < n; c++)
            sb_printf(&sb, "%s%s", c ? ", " : "", cols[c]);
        sb_add(&sb, ") VALUES (");
        for (int c = 0; c < n; c++)
            sb_add(&sb, c ? ", ?" : "?");
        sb_add(&sb, ")");
    }
    st = sb.oom ? NULL : db_stmt(db, sb_str(&sb), err);
    sb_free(&sb);
    if (!st)
        return DPF_EDB;
    for (int i = 0; i < rehab_entities[kind].n; i++)
        if (s->col[i])
            bind_value(st, pos++, &f[i], v[i]);
    if (s->has_person)
        sqlite3_bind_int64(st, pos++, r->person_id);
    if (s->has_year)
        sqlite3_bind_int(st, pos++, r->year);
    if (s->inst_field >= 0) {
        if (r->institution_id)
            sqlite3_bind_int64(st, pos, r->institution_id);
        pos++;
    }
    if (id)
        sqlite3_bind_int64(st, pos, id);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    if (id && sqlite3_changes(db->h) == 0)
        return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No record #%lld"), (long long)id);
    *out = id ? id : sqlite3_last_insert_rowid(db->h);
    return DPF_OK;
}

/* The record as the history shows it: display values; a person's own record leaves out
 * the certificate and name, which the history already belongs to. */
static void display_values(int kind, char **v, char bufs[][128], char **out)
{
    const struct field *f = rehab_entities[kind].fields;
    for (int i = 0; i < rehab_entities[kind].n; i++) {
        out[i] = NULL;
        if (!v || !v[i] || (stores[kind].has_person && i <= 1))
            continue;
        out[i] = (char *)field_format(&f[i], v[i], 0, bufs[i], sizeof bufs[0]);
    }
}

static int audit(struct db *db, int kind, int64_t id, int64_t person_id, const char *verb,
                 char **before, char **after, struct dpf_err *err)
{
    const struct field *f = rehab_entities[kind].fields;
    int n = rehab_entities[kind].n;
    char bb[16][128], ab[16][128], *b[16], *a[16], action[48];
    struct strbuf sb1, sb2;
    int rc;

    display_values(kind, before, bb, b);
    display_values(kind, after, ab, a);
    sb_init(&sb1);
    sb_init(&sb2);
    if (before && after) {
        record_json_diff(&sb1, f, n, b, a, 0);
        record_json_diff(&sb2, f, n, b, a, 1);
    } else if (before) {
        record_json(&sb1, f, n, b);
    } else {
        record_json(&sb2, f, n, a);
    }
    snprintf(action, sizeof action, "%s_%s", stores[kind].audit, verb);
    if (sb1.oom || sb2.oom)
        rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    else
        rc = audit_record(db, person_id ? "person" : stores[kind].table,
                          person_id ? person_id : id, action,
                          before ? sb_str(&sb1) : NULL, after ? sb_str(&sb2) : NULL, err);
    sb_free(&sb1);
    sb_free(&sb2);
    return rc;
}

int rehab_save_from(struct db *db, int kind, int64_t id, char *const *v, char *const *opened,
                    int64_t *out_id, struct dpf_err *err)
{
    char *now[16] = { NULL };
    int rc, n, i;

    if (!id || !opened)
        return rehab_save(db, kind, id, v, out_id, err);
    if ((rc = bad_kind(kind, err)) != DPF_OK || (rc = rehab_load(db, kind, id, now, err)) != DPF_OK)
        return rc;
    n = rehab_entities[kind].n;
    for (i = 0; i < n; i++)
        if ((now[i] == NULL) != (opened[i] == NULL) || (now[i] && strcmp(now[i], opened[i]) != 0))
            break;
    rehab_values_free(now, n);
    if (i < n)
        return dpf_err_set(err, DPF_ECONFLICT, rehab_entities[kind].fields[i].key,
                           _("Someone else changed this record after you opened it (%s): "
                             "your changes were not saved. Open it again to see theirs."),
                           _(rehab_entities[kind].fields[i].label));
    return rehab_save(db, kind, id, v, out_id, err);
}

int rehab_save(struct db *db, int kind, int64_t id, char *const *v, int64_t *out_id,
               struct dpf_err *err)
{
    struct rehab_refs r = { 0 };
    char *before[16] = { NULL }, *w[16];
    int64_t new_id = 0;
    int rc = bad_kind(kind, err);

    if (rc != DPF_OK)
        return rc;
    /* The check may put canonical values in place of the caller's: work on a copy. */
    memcpy(w, v, sizeof *w * (size_t)rehab_entities[kind].n);
    if (id)
        rc = rehab_load(db, kind, id, before, err);
    if (rc == DPF_OK)
        rc = rehab_check(db, kind, id, w, &r, err);
    if (rc == DPF_OK)
        rc = write_row(db, kind, id, w, &r, &new_id, err);
    if (rc == DPF_OK)
        rc = audit(db, kind, new_id, r.person_id, id ? "edit" : "add", id ? before : NULL, w,
                   err);
    if (rc == DPF_OK && out_id)
        *out_id = new_id;
    rehab_values_free(before, rehab_entities[kind].n);
    for (int i = 0; i < 16; i++)
        free(r.made[i]);
    return rc;
}

/* An institution named by any record stays: the records would lose where they were done. */
static int institution_in_use(struct db *db, int64_t id, struct dpf_err *err)
{
    static const char q[] =
        "SELECT (SELECT count(*) FROM assessment WHERE institution_id = ?1) + "
        "(SELECT count(*) FROM agreement WHERE institution_id = ?1) + "
        "(SELECT count(*) FROM service WHERE institution_id = ?1) + "
        "(SELECT count(*) FROM rescue WHERE institution_id = ?1)";
    sqlite3_stmt *st = db_stmt(db, q, err);
    long long n;
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return db_fail(db, err);
    return n ? dpf_err_set(err, DPF_EINVAL, NULL,
                           _("%lld records name this institution; it cannot be deleted"), n)
             : DPF_OK;
}

static int64_t person_of(struct db *db, int kind, int64_t id)
{
    char q[128];
    sqlite3_stmt *st;
    int64_t p = 0;

    snprintf(q, sizeof q, "SELECT person_id FROM %s WHERE id = ?", stores[kind].table);
    if (!(st = db_stmt(db, q, NULL)))
        return 0;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        p = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return p;
}

int rehab_delete(struct db *db, int kind, int64_t id, struct dpf_err *err)
{
    char *before[16] = { NULL }, q[96];
    int64_t person = 0;
    int rc = bad_kind(kind, err);

    if (rc == DPF_OK)
        rc = rehab_load(db, kind, id, before, err);
    if (rc == DPF_OK && kind == RK_INSTITUTION)
        rc = institution_in_use(db, id, err);
    if (rc == DPF_OK && stores[kind].has_person)
        person = person_of(db, kind, id);
    if (rc == DPF_OK) {
        snprintf(q, sizeof q, "DELETE FROM %s WHERE id = %lld", stores[kind].table, (long long)id);
        rc = db_exec(db, q, err);
    }
    if (rc == DPF_OK)
        rc = audit(db, kind, id, person, "delete", before, NULL, err);
    rehab_values_free(before, rehab_entities[kind].n);
    return rc;
}

/* ---- export ---- */

struct export_ctx {
    struct export_sink sink;
    const struct field *f;
    int n, full;
    struct dpf_err *err;
};

static int export_one(int64_t id, char *const *v, void *ctx)
{
    struct export_ctx *ec = ctx;
    char bufs[16][128];
    const char *cells[16];

    (void)id;
    for (int i = 0; i < ec->n; i++)
        cells[i] = v[i] ? field_format(&ec->f[i], v[i], !ec->full, bufs[i], sizeof bufs[i]) : "";
    return export_row(&ec->sink, cells, ec->err) == DPF_OK ? 0 : -1;
}

static const char *const sheets[RK_COUNT] = {
    "康复机构", "需求评估", "服务协议", "康复服务", "儿童康复救助", "康复项目",
};

int rehab_export(struct db *db, int kind, int year, const char *path, unsigned oflags, int full,
                 long *rows,
                 struct dpf_err *err)
{
    struct export_ctx ec;
    int rc = bad_kind(kind, err);

    *rows = 0;
    if (rc != DPF_OK)
        return rc;
    ec.f = rehab_entities[kind].fields;
    ec.n = rehab_entities[kind].n;
    ec.full = full;
    ec.err = err;
    if ((rc = export_open(&ec.sink, path, oflags, sheets[kind], ec.f, ec.n, err)) != DPF_OK)
        return export_close(&ec.sink, 0, err), rc;
    rc = rehab_list(db, kind, 0, kind == RK_INSTITUTION ? 0 : year, export_one, &ec, err);
    *rows = ec.sink.rows;
    return export_finish(&ec.sink, db, rehab_entities[kind].name, full, rc == DPF_OK, err);
}
