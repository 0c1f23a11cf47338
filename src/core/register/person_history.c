/* SPDX-License-Identifier: MIT */
/* Reading the audit log back in the clerk's terms: field labels and display values instead
 * of column names and codes. SQLite's json_each does the JSON parsing. The register's own
 * fields come first; the other modules' records are labelled through the entity registry
 * (their values are stored as displayed). */
#include <string.h>
#include "dpf/db.h"
#include "dpf/entity.h"
#include "dpf/i18n.h"
#include "dpf/person.h"
#include "base/db_struct.h"

static const char changes_sql[] =
    "SELECT a.key, b.value, a.value FROM json_each(coalesce(?2, '{}')) a "
    "LEFT JOIN json_each(coalesce(?1, '{}')) b ON b.key = a.key "
    "UNION ALL "
    "SELECT b.key, b.value, NULL FROM json_each(coalesce(?1, '{}')) b "
    "WHERE b.key NOT IN (SELECT key FROM json_each(coalesce(?2, '{}')))";

int person_audit_changes(struct db *db, const char *before, const char *after, int mask,
                         person_change_fn fn, void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, changes_sql, err);
    char b1[64], b2[64];
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, after, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        const char *vb = (const char *)sqlite3_column_text(st, 1);
        const char *va = (const char *)sqlite3_column_text(st, 2);
        int f = field_by_key(person_fields, PERSON_NFIELDS, key);
        if (f >= 0) {
            vb = field_show(&person_fields[f], vb, mask, b1, sizeof b1);
            va = field_show(&person_fields[f], va, mask, b2, sizeof b2);
            key = _(person_fields[f].label);
        } else {
            key = entity_key_label(db, key);
        }
        if (fn(key, vb ? vb : "", va ? va : "", ctx) != 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}
