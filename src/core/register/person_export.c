/* SPDX-License-Identifier: MIT */
/* The register exported, with the import template's headers, so that an export with full
 * values imports back unchanged; IDs and bank accounts masked unless full values are asked
 * for. Through the export engine (base/export_internal.h). */
#include <sqlite3.h>
#include "dpf/export.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "base/export_internal.h"
#include "base/strbuf.h"
#include "base/db_struct.h"
#include "person_internal.h"
#include "person_io.h"

int export_persons(struct db *db, const char *path, unsigned oflags, int full, long *rows,
                   struct dpf_err *err)
{
    struct strbuf q;
    struct export_sink sink;
    struct person p;
    sqlite3_stmt *st = NULL;
    int rc, step = SQLITE_DONE;

    *rows = 0;
    if ((rc = export_open(&sink, path, oflags, "残疾人", person_fields, PERSON_NFIELDS, err)) != DPF_OK)
        return export_close(&sink, 0, err), rc;
    sb_init(&q);
    sb_printf(&q, "SELECT id, %s FROM person ORDER BY id", person_columns());
    if (sqlite3_prepare_v2(db->h, sb_str(&q), -1, &st, NULL) != SQLITE_OK)
        rc = db_fail(db, err);
    sb_free(&q);
    person_init(&p);
    while (rc == DPF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (person_from_row(st, &p) != DPF_OK) {
            rc = dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
            break;
        }
        rc = export_values(&sink, (const char *const *)p.v, !full, err);
    }
    if (rc == DPF_OK && step != SQLITE_DONE)
        rc = db_fail(db, err);
    person_clear(&p);
    sqlite3_finalize(st);
    *rows = sink.rows;
    return export_finish(&sink, db, "persons", full, rc == DPF_OK, err);
}

/* A page of the filtered list into the sink. */
struct filtered {
    struct export_sink *sink;
    int full, rc;
    struct dpf_err *err;
};

static int export_one(const struct person *p, void *ctx)
{
    struct filtered *f = ctx;
    f->rc = export_values(f->sink, (const char *const *)p->v, !f->full, f->err);
    return f->rc != DPF_OK;
}

int export_persons_filtered(struct db *db, const struct person_filter *flt, const char *path,
                            unsigned oflags, int full, long *rows, struct dpf_err *err)
{
    struct export_sink sink;
    struct person_cursor cur = { 0 };
    struct filtered f = { &sink, full, DPF_OK, err };
    int rc, n;

    if (!flt || !person_filter_any(flt))
        return export_persons(db, path, oflags, full, rows, err);
    *rows = 0;
    if ((rc = export_open(&sink, path, oflags, "残疾人", person_fields, PERSON_NFIELDS, err)) != DPF_OK)
        return export_close(&sink, 0, err), rc;
    /* The list's own pages, in its order: what the screen shows is what is written. */
    do
        rc = person_page(db, flt, &cur, 1000, export_one, &f, &n, err);
    while (rc == DPF_OK && f.rc == DPF_OK && n == 1000);
    person_cursor_free(&cur);
    if (rc == DPF_OK)
        rc = f.rc;
    *rows = sink.rows;
    return export_finish(&sink, db, "persons", full, rc == DPF_OK, err);
}

int person_export(struct db *db, const struct entity *e, const struct entity_export *x,
                  long *rows, struct dpf_err *err)
{
    (void)e;
    return export_persons(db, x->path, x->oflags, x->full, rows, err);
}
