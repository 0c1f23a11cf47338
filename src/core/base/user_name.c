/* SPDX-License-Identifier: MIT */
/* Users' display names: what rosters (制表人), reports and the history show instead of a
 * login name. Set by the admin, audited; a user without one is shown by their login. */
#include <stdio.h>
#include <string.h>
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/i18n.h"
#include "dpf/field.h"
#include "db_struct.h"
#include "strbuf.h"

/* Text of at most 32 characters, nothing that could break a line of a roster. */
static int valid_name(const char *name, struct dpf_err *err)
{
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        if (*c < 0x20 || *c == 0x7f)
            return dpf_err_set(err, DPF_EINVAL, "name", _("A name may not hold control characters"));
    if (utf8_chars(name) > 32)
        return dpf_err_set(err, DPF_EINVAL, "name", _("A name is at most 32 characters of text"));
    return DPF_OK;
}

int user_set_name(struct db *db, const char *login, const char *name, struct dpf_err *err)
{
    sqlite3_stmt *st;
    struct strbuf after;
    int rc;

    if (name && !*name)
        name = NULL;
    if (name && (rc = valid_name(name, err)) != DPF_OK)
        return rc;
    if (!(st = db_stmt(db, "UPDATE app_user SET name = ?2 WHERE login = ?1", err)))
        return DPF_EDB;
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    if ((rc = db_step_done(db, st, err)) != DPF_OK)
        return rc;
    if (sqlite3_changes(db->h) == 0)
        return dpf_err_set(err, DPF_ENOTFOUND, "login", _("%s is not a user"), login);
    sb_init(&after);
    sb_add(&after, "{\"login\":");
    sb_json_str(&after, login);
    sb_add(&after, ",\"name\":");
    sb_json_str(&after, name ? name : "");
    sb_add(&after, "}");
    rc = after.oom ? dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"))
                   : audit_record(db, "user", 0, "user_name", NULL, sb_str(&after), err);
    sb_free(&after);
    return rc;
}

static int read_name(sqlite3_stmt *st, void *ctx)
{
    const char *v = (const char *)sqlite3_column_text(st, 0);
    char **out = ctx;
    if (v && *v)
        snprintf(out[0], (size_t)(out[1] - out[0]), "%s", v);
    return DPF_OK;
}

const char *user_display(struct db *db, const char *login, char *out, size_t cap)
{
    sqlite3_stmt *st;
    char *span[2] = { out, out + cap };

    snprintf(out, cap, "%s", login ? login : "");
    if (!login || !cap || !(st = db_stmt(db, "SELECT name FROM app_user WHERE login = ?1", NULL)))
        return out;
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    db_step_one(db, st, read_name, span, NULL);     /* not a user: the login stays */
    return out;
}
