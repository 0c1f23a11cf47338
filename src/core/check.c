/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include "dpf/check.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "person_internal.h"
#include "strbuf.h"

static int sqlite_checks(struct db *db, check_problem_fn fn, void *ctx, long *problems,
                         struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    if (sqlite3_prepare_v2(db->h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *msg = (const char *)sqlite3_column_text(st, 0);
        if (strcmp(msg, "ok") != 0) {
            fn(db->path, msg, ctx);
            (*problems)++;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, err);
    if (sqlite3_prepare_v2(db->h, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, err);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char msg[200];
        snprintf(msg, sizeof msg, _("row %lld of %s refers to a missing %s"),
                 sqlite3_column_int64(st, 1), sqlite3_column_text(st, 0),
                 sqlite3_column_text(st, 2));
        fn(db->path, msg, ctx);
        (*problems)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

/* Every stored person must still pass today's rules. (That id_no begins the certificate
 * number is a CHECK constraint, which PRAGMA integrity_check already verifies.) */
static int person_checks(struct db *db, check_problem_fn fn, void *ctx, long *problems,
                         struct dpf_err *err)
{
    struct strbuf q;
    struct person p;
    struct dpf_err ve;
    sqlite3_stmt *st;
    char what[128], masked[32];
    int rc;

    sb_init(&q);
    sb_printf(&q, "SELECT id, %s FROM person ORDER BY id", person_columns());
    rc = sqlite3_prepare_v2(db->h, sb_str(&q), -1, &st, NULL);
    sb_free(&q);
    if (rc != SQLITE_OK)
        return db_fail(db, err);
    person_init(&p);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (person_from_row(st, &p) != DPF_OK) {
            rc = SQLITE_NOMEM;
            break;
        }
        if (person_validate(&p, db->today, &ve) == DPF_OK)
            continue;
        snprintf(what, sizeof what, "%s %s",
                 field_format(&person_fields[PF_CERT_NO], p.v[PF_CERT_NO], 1, masked,
                              sizeof masked), p.v[PF_NAME]);
        fn(what, ve.msg, ctx);
        (*problems)++;
    }
    person_clear(&p);
    sqlite3_finalize(st);
    if (rc == SQLITE_NOMEM)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int check_database(struct db *db, check_problem_fn fn, void *ctx, long *problems,
                   struct dpf_err *err)
{
    int rc;
    *problems = 0;
    if ((rc = sqlite_checks(db, fn, ctx, problems, err)) != DPF_OK)
        return rc;
    return person_checks(db, fn, ctx, problems, err);
}
