/* SPDX-License-Identifier: MIT */
/* The schema a file should have is the one the embedded migrations make at the file's
 * user_version: they run on an in-memory database, and every table, index, trigger and view
 * of the two is compared by name and by its SQL (whitespace aside). A dropped audit trigger,
 * an index rebuilt differently or an object nobody's migration made is named. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/check.h"
#include "dpf/i18n.h"
#include "dpf/migrate.h"

static const char objects_sql[] =
    "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'";

/* The SQL with each run of white space made one space and none at the ends. */
static char *normalise(const char *sql)
{
    char *out = malloc(strlen(sql ? sql : "") + 1), *o = out;

    if (!out)
        return NULL;
    for (const char *s = sql ? sql : ""; *s; s++) {
        if (isspace((unsigned char)*s)) {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = *s;
        }
    }
    if (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    return out;
}

/* Copies from's schema objects into cmp's table `side` (normalised). */
static int load(sqlite3 *cmp, const char *side, sqlite3 *from)
{
    char q[96];
    sqlite3_stmt *rd, *wr;
    int rc;

    snprintf(q, sizeof q, "INSERT INTO %s VALUES (?1, ?2, ?3)", side);
    if (sqlite3_prepare_v2(from, objects_sql, -1, &rd, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    if (sqlite3_prepare_v2(cmp, q, -1, &wr, NULL) != SQLITE_OK) {
        sqlite3_finalize(rd);
        return SQLITE_ERROR;
    }
    while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
        char *sql = normalise((const char *)sqlite3_column_text(rd, 2));
        if (!sql) {
            rc = SQLITE_NOMEM;
            break;
        }
        sqlite3_bind_text(wr, 1, (const char *)sqlite3_column_text(rd, 0), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(wr, 2, (const char *)sqlite3_column_text(rd, 1), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(wr, 3, sql, -1, free);
        rc = sqlite3_step(wr);
        sqlite3_reset(wr);
        if (rc != SQLITE_DONE)
            break;
    }
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Reports each difference between the tables want and have of cmp. */
static int compare(sqlite3 *cmp, int version, check_problem_fn fn, void *ctx, long *problems)
{
    static const char diff_sql[] =
        "SELECT w.type, w.name, 1 FROM want w LEFT JOIN have h USING (type, name) "
        "WHERE h.name IS NULL UNION ALL "
        "SELECT w.type, w.name, 2 FROM want w JOIN have h USING (type, name) "
        "WHERE w.sql IS NOT h.sql UNION ALL "
        "SELECT h.type, h.name, 3 FROM have h LEFT JOIN want w USING (type, name) "
        "WHERE w.name IS NULL ORDER BY 3, 1, 2";
    sqlite3_stmt *st;
    char msg[300];
    int rc;

    if (sqlite3_prepare_v2(cmp, diff_sql, -1, &st, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0),
                   *name = (const char *)sqlite3_column_text(st, 1);
        int kind = sqlite3_column_int(st, 2);
        snprintf(msg, sizeof msg,
                 kind == 1 ? _("%s %s is missing (schema version %d has it)")
                 : kind == 2 ? _("%s %s differs from what schema version %d defines")
                             : _("%s %s is not part of schema version %d"),
                 type, name, version);
        fn(_("schema"), msg, ctx);
        (*problems)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int schema_verify(sqlite3 *h, check_problem_fn fn, void *ctx, long *problems,
                  struct dpf_err *err)
{
    sqlite3 *want = NULL;
    int version = migrate_user_version(h), n = 0, rc;

    dpf_err_clear(err);
    *problems = 0;
    /* By the newest file's number, not the count of files: numbers may leave a gap while
     * two branches each add one (010, 011), and every step goes by its version. */
    if (version < 0 || version > (migration_count ? migrations[migration_count - 1].version : 0))
        return dpf_err_set(err, DPF_EVERSION, NULL, _("Cannot read the schema version: %s"),
                           sqlite3_errmsg(h));
    while (n < migration_count && migrations[n].version <= version)
        n++;
    if (sqlite3_open(":memory:", &want) != SQLITE_OK) {
        sqlite3_close(want);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    rc = n > 0 && migrate_run(want, migrations, n, err) != DPF_OK ? SQLITE_ERROR : SQLITE_OK;
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(want, "CREATE TEMP TABLE want (type, name, sql); "
                                "CREATE TEMP TABLE have (type, name, sql)", NULL, NULL, NULL);
    if (rc == SQLITE_OK && (rc = load(want, "want", want)) == SQLITE_OK &&
        (rc = load(want, "have", h)) == SQLITE_OK)
        rc = compare(want, version, fn, ctx, problems);
    if (rc != SQLITE_OK && err->code == DPF_OK)
        dpf_err_set(err, DPF_EDB, NULL, _("Database error: %s"), sqlite3_errmsg(want));
    sqlite3_close(want);
    return rc == SQLITE_OK ? DPF_OK : err->code;
}
