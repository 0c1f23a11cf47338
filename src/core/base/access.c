/* SPDX-License-Identifier: MIT */
/* Users, roles and the capability check every command and screen makes before acting. */
#include <stdio.h>
#include <string.h>
#include "dpf/access.h"
#include "dpf/audit.h"
#include "dpf/db.h"
#include "dpf/field.h"
#include "dpf/i18n.h"
#include "db_struct.h"

const char *const role_names[] = { "录入员", "审核员", "领导", "管理员", NULL };
static const char *const role_keys[] = { "clerk", "reviewer", "manager", "admin", NULL };

/* The role that holds each capability besides the admin (CAP_READ: everyone). */
static const int cap_role[] = {
    [CAP_READ] = 0, [CAP_REGISTER] = ROLE_CLERK, [CAP_REVIEW] = ROLE_REVIEWER,
    [CAP_MANAGE] = ROLE_MANAGER, [CAP_ADMIN] = ROLE_ADMIN,
};

int role_parse(const char *s)
{
    int i = field_label_find(role_names, s);      /* 审核员, 審核員, Reviewer */
    if (i >= 0)
        return i + 1;
    for (i = 0; s && role_keys[i]; i++)
        if (strcmp(s, role_keys[i]) == 0)
            return i + 1;
    return -1;
}

const char *role_label(int role)
{
    return role >= ROLE_CLERK && role <= ROLE_ADMIN ? field_label(role_names[role - 1]) : "";
}

const char *roles_are(char *buf, size_t cap)
{
    snprintf(buf, cap, _("Roles are %s, %s, %s and %s"), role_label(ROLE_CLERK),
             role_label(ROLE_REVIEWER), role_label(ROLE_MANAGER), role_label(ROLE_ADMIN));
    return buf;
}

static int user_audit(struct db *db, const char *action, const char *login, int role,
                      struct dpf_err *err)
{
    char after[256];
    snprintf(after, sizeof after, "{\"login\":\"%s\",\"role\":\"%s\"}", login,
             role >= 1 && role <= 4 ? role_names[role - 1] : "");
    return audit_record(db, "user", 0, action, NULL, after, err);
}

/* A count(*) statement's one row as a long. */
static int count_of(struct db *db, sqlite3_stmt *st, long *n, struct dpf_err *err)
{
    int64_t v;
    int rc = db_step_int64(db, st, &v, err);

    *n = (long)v;
    return rc == DPF_ENOTFOUND ? db_fail(db, err) : rc;
}

static int count_users(struct db *db, long *n, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM app_user", err);
    if (!st)
        return DPF_EDB;
    return count_of(db, st, n, err);
}

static int add_admin(struct db *db, const char *login, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "INSERT INTO app_user (login, role, added_on, added_by) "
                                   "VALUES (?1, 4, ?2, ?3)", err);
    int rc;

    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, db->user, -1, SQLITE_STATIC);
    rc = db_step_done(db, st, err);
    return rc == DPF_OK ? user_audit(db, "user_first_admin", login, ROLE_ADMIN, err) : rc;
}

int access_creator_admin(struct db *db, struct dpf_err *err)
{
    int rc = db_begin(db, err);
    long n = 0;

    if (rc == DPF_OK)
        rc = count_users(db, &n, err);
    if (rc == DPF_OK && n == 0)
        rc = add_admin(db, db->user, err);
    return db_end(db, rc, err);
}

static int valid_login(const char *login, struct dpf_err *err)
{
    if (!login || !*login || strlen(login) > 64 || strpbrk(login, "\"\\ \t\n"))
        return dpf_err_set(err, DPF_EINVAL, "login", _("\"%s\" is not a login name"),
                           login ? login : "");
    return DPF_OK;
}

int user_first_admin(struct db *db, const char *login, unsigned real_uid, struct dpf_err *err)
{
    long n = 0;
    int rc = count_users(db, &n, err);

    if (rc != DPF_OK)
        return rc;
    if (n > 0)
        return dpf_err_set(err, DPF_EINVAL, "login",
                           _("This database has users already: its admin adds more with "
                             "dpf user add LOGIN --role ROLE"));
    if (real_uid != 0)
        return dpf_err_set(err, DPF_EINVAL, "login",
                           _("Only root may name the first admin of a database"));
    if ((rc = valid_login(login, err)) != DPF_OK)
        return rc;
    return add_admin(db, login, err);
}

static int read_role(sqlite3_stmt *st, void *role)
{
    *(int *)role = sqlite3_column_int(st, 0);
    return DPF_OK;
}

int access_role(struct db *db, int *role, struct dpf_err *err)
{
    sqlite3_stmt *st;
    int rc;

    *role = 0;
    if (!(st = db_stmt(db, "SELECT role FROM app_user WHERE login = ?1", err)))
        return DPF_EDB;
    sqlite3_bind_text(st, 1, db->user, -1, SQLITE_STATIC);
    rc = db_step_one(db, st, read_role, role, err);
    return rc == DPF_ENOTFOUND ? DPF_OK : rc;          /* not a user: role 0 */
}

int access_check(struct db *db, enum cap cap, struct dpf_err *err)
{
    int role, rc = access_role(db, &role, err);
    long n = 0;

    if (rc == DPF_OK && !role)
        rc = count_users(db, &n, err);
    if (rc != DPF_OK)
        return rc;
    /* A file without users (one restored from before roles existed) names no admin by
     * itself: whoever ran the next command would become one. */
    if (!role && n == 0)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("This database has no users: root names its first admin with "
                             "dpf user add LOGIN --role 管理员 --first-admin"));
    if (!role)
        return dpf_err_set(err, DPF_EINVAL, NULL,
                           _("%s is not a user of this database: ask its admin to add you "
                             "(dpf user add %s --role 录入员)"), db->user, db->user);
    if (role == ROLE_ADMIN || cap == CAP_READ || cap_role[cap] == role)
        return DPF_OK;
    return dpf_err_set(err, DPF_EINVAL, NULL, _("Not allowed: %s is %s; this needs %s"),
                       db->user, role_label(role), role_label(cap_role[cap]));
}

static int admins_left(struct db *db, const char *except, long *n, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM app_user WHERE role = 4 "
                                   "AND login <> ?1", err);
    if (!st)
        return DPF_EDB;
    sqlite3_bind_text(st, 1, except, -1, SQLITE_STATIC);
    return count_of(db, st, n, err);
}

int user_set(struct db *db, const char *login, int role, struct dpf_err *err)
{
    sqlite3_stmt *st;
    long admins;
    int rc;

    if ((rc = valid_login(login, err)) != DPF_OK)
        return rc;
    if (role < ROLE_CLERK || role > ROLE_ADMIN)
    {
        char roles[160];
        return dpf_err_set(err, DPF_EINVAL, "role", "%s", roles_are(roles, sizeof roles));
    }
    if ((rc = admins_left(db, login, &admins, err)) != DPF_OK)
        return rc;
    if (role != ROLE_ADMIN && admins == 0)
        return dpf_err_set(err, DPF_EINVAL, "role",
                           _("%s is the last admin: make someone else admin first"), login);
    if (!(st = db_stmt(db, "INSERT INTO app_user (login, role, added_on, added_by) "
                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (login) DO UPDATE SET role = ?2",
                       err)))
        return DPF_EDB;
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, role);
    sqlite3_bind_text(st, 3, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, db->user, -1, SQLITE_STATIC);
    rc = db_step_done(db, st, err);
    return rc == DPF_OK ? user_audit(db, "user_set", login, role, err) : rc;
}

int user_remove(struct db *db, const char *login, struct dpf_err *err)
{
    sqlite3_stmt *st;
    long admins;
    int rc = admins_left(db, login, &admins, err);

    if (rc != DPF_OK)
        return rc;
    if (admins == 0)
        return dpf_err_set(err, DPF_EINVAL, "login",
                           _("%s is the last admin: make someone else admin first"), login);
    if (!(st = db_stmt(db, "DELETE FROM app_user WHERE login = ?1", err)))
        return DPF_EDB;
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    rc = db_step_done(db, st, err);
    if (rc == DPF_OK && sqlite3_changes(db->h) == 0)
        return dpf_err_set(err, DPF_ENOTFOUND, "login", _("%s is not a user"), login);
    return rc == DPF_OK ? user_audit(db, "user_remove", login, 0, err) : rc;
}

int user_list(struct db *db, user_fn fn, void *ctx, struct dpf_err *err)
{
    sqlite3_stmt *st = db_stmt(db, "SELECT login, role, added_on, added_by, name FROM app_user "
                                   "ORDER BY role DESC, login", err);
    int rc, stop = 0;
    if (!st)
        return DPF_EDB;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                  (const char *)sqlite3_column_text(st, 2),
                  (const char *)sqlite3_column_text(st, 3),
                  (const char *)sqlite3_column_text(st, 4), ctx);
    sqlite3_reset(st);
    return stop || rc == SQLITE_DONE ? DPF_OK : db_fail(db, err);
}
