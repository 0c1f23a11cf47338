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
#include "base/store.h"
#include "rehab_internal.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

/* What a kind's store does not say: whether its rows belong to a person (person_id, year
 * and institution_id are then written from the resolved references), the field naming its
 * institution, and the stem of its audit actions ("assessment" -> assessment_add). */
struct kind {
    int has_person;
    int inst_field;
    const char *audit;
};

static const struct kind kinds[RK_COUNT] = {
    [RK_INSTITUTION] = { 0, -1, "institution" },
    [RK_ASSESSMENT]  = { 1, AS_INSTITUTION, "assessment" },
    [RK_AGREEMENT]   = { 1, AG_INSTITUTION, "agreement" },
    [RK_SERVICE]     = { 1, SV_INSTITUTION, "service" },
    [RK_RESCUE]      = { 1, RS_INSTITUTION, "rescue" },
    [RK_PROJECT]     = { 0, -1, "project" },
};

/* Per field: the SQL reading it (NULL: its own column) and the column written (NULL: none,
 * the value is the person's or the institution's, read through a join). */
static const char *const as_read[ASSESSMENT_NFIELDS] = { "p.cert_no", "p.name", [AS_INSTITUTION] = "i.name" };
static const char *const as_col[ASSESSMENT_NFIELDS] = {
    NULL, NULL, "assessed_on", "method", "assessor", NULL, "needs", "devices", "note" };
static const char *const ag_read[AGREEMENT_NFIELDS] = { "p.cert_no", "p.name", [AG_INSTITUTION] = "i.name" };
static const char *const ag_col[AGREEMENT_NFIELDS] = {
    NULL, NULL, "signed_on", NULL, "planned", "plan_from", "plan_to", "note" };
static const char *const sv_read[SERVICE_NFIELDS] = { "p.cert_no", "p.name", [SV_INSTITUTION] = "i.name" };
static const char *const sv_col[SERVICE_NFIELDS] = {
    NULL, NULL, "served_on", NULL, "kind", "item", "cost", "funding", "note" };
static const char *const rs_read[RESCUE_NFIELDS] = { "p.cert_no", "p.name", [RS_INSTITUTION] = "i.name" };
static const char *const rs_col[RESCUE_NFIELDS] = {
    NULL, NULL, "started_on", "kind", "funding", NULL, "cost", "ended_on", "note" };

enum { REF_PERSON, REF_YEAR, REF_INSTITUTION, NREFS };
static const struct field person_refs[NREFS] = {
    [REF_PERSON]      = { .key = "person_id", .type = FT_INT },
    [REF_YEAR]        = { .key = "year", .type = FT_INT },
    [REF_INSTITUTION] = { .key = "institution_id", .type = FT_INT },
};

/* The list of a kind: one person's (?1, 0 for all) and one year's (?2, 0 for all). */
#define PERSON_YEAR " WHERE (?1 = 0 OR t.person_id = ?1) AND (?2 = 0 OR t.year = ?2) ORDER BY "
static const char *const inst_finds[] = { " WHERE ?1 = ?1 AND ?2 = ?2 ORDER BY t.township, t.name", NULL };
static const char *const as_finds[] = { PERSON_YEAR "t.assessed_on, t.id", NULL };
static const char *const ag_finds[] = { PERSON_YEAR "t.signed_on, t.id", NULL };
static const char *const sv_finds[] = { PERSON_YEAR "t.served_on, t.id", NULL };
static const char *const rs_finds[] = { PERSON_YEAR "t.started_on, t.id", NULL };
static const char *const pj_finds[] = { " WHERE ?1 = ?1 AND (?2 = 0 OR t.year = ?2) ORDER BY t.year, t.id", NULL };

#define JOINS " JOIN person p ON p.id = t.person_id LEFT JOIN institution i ON i.id = t.institution_id"
#define PERSON_KIND(tbl, f, count, pre) { .table = tbl, .fields = f, .n = count, .col = pre##_col, \
    .read = pre##_read, .join = JOINS, .refs = person_refs, .nrefs = NREFS, \
    .finds = pre##_finds, .once = PTHREAD_ONCE_INIT }

static struct store stores[RK_COUNT] = {
    [RK_INSTITUTION] = { .table = "institution", .fields = institution_fields,
                         .n = INSTITUTION_NFIELDS, .finds = inst_finds, .once = PTHREAD_ONCE_INIT },
    [RK_ASSESSMENT]  = PERSON_KIND("assessment", assessment_fields, ASSESSMENT_NFIELDS, as),
    [RK_AGREEMENT]   = PERSON_KIND("agreement", agreement_fields, AGREEMENT_NFIELDS, ag),
    [RK_SERVICE]     = PERSON_KIND("service", service_fields, SERVICE_NFIELDS, sv),
    [RK_RESCUE]      = PERSON_KIND("rescue", rescue_fields, RESCUE_NFIELDS, rs),
    [RK_PROJECT]     = { .table = "project", .fields = project_fields, .n = PROJECT_NFIELDS,
                         .finds = pj_finds, .once = PTHREAD_ONCE_INIT },
};

static int bad_kind(int kind, struct dpf_err *err)
{
    if (kind >= 0 && kind < RK_COUNT)
        return DPF_OK;
    dpf_err_set(err, DPF_EINVAL, NULL, _("No records of kind %d"), kind);
    return DPF_EINVAL;
}

static int no_record(int rc, int64_t id, struct dpf_err *err)
{
    if (rc != DPF_ENOTFOUND)
        return rc;
    return dpf_err_set(err, DPF_ENOTFOUND, NULL, _("No record #%lld"), (long long)id);
}

int rehab_load(struct db *db, int kind, int64_t id, char **v, struct dpf_err *err)
{
    int rc = bad_kind(kind, err);

    if (rc != DPF_OK)
        return rc;
    memset(v, 0, sizeof *v * (size_t)rehab_entities[kind].n);
    return no_record(store_load(db, &stores[kind], id, v, NULL, err), id, err);
}

int rehab_list(struct db *db, int kind, int64_t person_id, int year, rehab_row_fn fn,
               void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st;
    char *v[16];
    int rc = bad_kind(kind, err), stop = 0;

    if (rc != DPF_OK)
        return rc;
    if (!(st = store_find(db, &stores[kind], 0, err)))
        return err ? err->code : DPF_EDB;
    sqlite3_bind_int64(st, 1, person_id);
    sqlite3_bind_int64(st, 2, year);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < rehab_entities[kind].n; i++)
            v[i] = (char *)sqlite3_column_text(st, i + 1);
        stop = fn(sqlite3_column_int64(st, 0), v, ctx);
    }
    sqlite3_reset(st);
    if (stop < 0)
        return err ? err->code : DPF_EIO;
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* ---- writing ---- */

/* Inserts (id 0) or replaces record id, with the references r resolved. */
static int write_row(struct db *db, int kind, int64_t id, char **v,
                     const struct rehab_refs *r, int64_t *out, struct dpf_err *err)
{
    char person[24], year[12], inst[24];
    char *refs[NREFS] = { person, year, r->institution_id ? inst : NULL };

    snprintf(person, sizeof person, "%lld", (long long)r->person_id);
    snprintf(year, sizeof year, "%d", r->year);
    snprintf(inst, sizeof inst, "%lld", (long long)r->institution_id);
    *out = id;
    if (id)
        return no_record(store_update(db, &stores[kind], id, v, refs, err), id, err);
    return store_insert(db, &stores[kind], 0, v, refs, out, err);
}

/* The record as the history shows it: display values; a person's own record leaves out
 * the certificate and name, which the history already belongs to. */
static void display_values(int kind, char **v, char bufs[][128], char **out)
{
    const struct field *f = rehab_entities[kind].fields;
    for (int i = 0; i < rehab_entities[kind].n; i++) {
        out[i] = NULL;
        if (!v || !v[i] || (kinds[kind].has_person && i <= 1))
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
    snprintf(action, sizeof action, "%s_%s", kinds[kind].audit, verb);
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
    record_free(now, n);
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
    record_free(before, rehab_entities[kind].n);
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
    int64_t n;
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_int64(st, 1, id);
    if ((rc = db_step_int64(db, st, &n, err)) != DPF_OK)     /* sums: always a row */
        return rc;
    return n ? dpf_err_set(err, DPF_EINVAL, NULL,
                           _("%lld records name this institution; it cannot be deleted"),
                           (long long)n)
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
    db_step_int64(db, st, &p, NULL);
    return p;
}

int rehab_delete(struct db *db, int kind, int64_t id, struct dpf_err *err)
{
    char *before[16] = { NULL };
    int64_t person = 0;
    int rc = bad_kind(kind, err);

    if (rc == DPF_OK)
        rc = rehab_load(db, kind, id, before, err);
    if (rc == DPF_OK && kind == RK_INSTITUTION)
        rc = institution_in_use(db, id, err);
    if (rc == DPF_OK && kinds[kind].has_person)
        person = person_of(db, kind, id);
    if (rc == DPF_OK)
        rc = store_delete(db, &stores[kind], id, err);
    if (rc == DPF_OK)
        rc = audit(db, kind, id, person, "delete", before, NULL, err);
    record_free(before, rehab_entities[kind].n);
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
