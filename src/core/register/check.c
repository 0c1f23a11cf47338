/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include "dpf/check.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/money.h"
#include "dpf/person.h"
#include "person_internal.h"
#include "base/strbuf.h"
#include "base/db_struct.h"

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

/* The ledger adds up: an approved month's total is its roster lines', and a roster line's
 * amount is its payments' (what approval and the import of payments write together). */
static int ledger_checks(struct db *db, check_problem_fn fn, void *ctx, long *problems,
                         struct dpf_err *err)
{
    static const char months_sql[] =
        "SELECT s.month, s.amount, coalesce(sum(r.amount), 0) FROM subsidy_month s "
        "LEFT JOIN roster_line r ON r.month = s.month AND r.amount > 0 "
        "GROUP BY s.month HAVING s.amount <> coalesce(sum(r.amount), 0)";
    static const char lines_sql[] =
        "SELECT r.month, r.name, r.amount, coalesce(p.paid, 0) FROM roster_line r "
        "LEFT JOIN (SELECT roster_line_id, sum(amount) AS paid FROM payment GROUP BY 1) p "
        "  ON p.roster_line_id = r.id WHERE coalesce(p.paid, 0) <> r.amount";
    const char *const queries[] = { months_sql, lines_sql };
    char what[160], msg[200], a[32], b[32];
    sqlite3_stmt *st;
    int rc = SQLITE_DONE;

    for (int q = 0; q < 2 && rc == SQLITE_DONE; q++) {
        if (sqlite3_prepare_v2(db->h, queries[q], -1, &st, NULL) != SQLITE_OK)
            return db_fail(db, err);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int n = sqlite3_column_count(st);
            snprintf(what, sizeof what, q ? "%s %s" : "%s", sqlite3_column_text(st, 0),
                     q ? (const char *)sqlite3_column_text(st, 1) : "");
            money_format(sqlite3_column_int64(st, n - 2), 1, a, sizeof a);
            money_format(sqlite3_column_int64(st, n - 1), 1, b, sizeof b);
            snprintf(msg, sizeof msg, q ? _("the roster line says %s yuan, its payments add up "
                                            "to %s")
                                        : _("the approved month says %s yuan, its roster adds "
                                            "up to %s"), a, b);
            fn(what, msg, ctx);
            (*problems)++;
        }
        sqlite3_finalize(st);
    }
    return rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}

int check_database(struct db *db, check_problem_fn fn, void *ctx, long *problems,
                   struct dpf_err *err)
{
    int rc;
    long schema = 0;

    *problems = 0;
    if ((rc = schema_verify(db->h, fn, ctx, &schema, err)) != DPF_OK)
        return rc;
    *problems += schema;
    if ((rc = sqlite_checks(db, fn, ctx, problems, err)) != DPF_OK ||
        (rc = ledger_checks(db, fn, ctx, problems, err)) != DPF_OK)
        return rc;
    return person_checks(db, fn, ctx, problems, err);
}
