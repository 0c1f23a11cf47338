/* SPDX-License-Identifier: MIT */
/* Who may do what. Users are OS login names mapped to roles in the database; a command or
 * screen names the capability it needs and asks access_check before acting. Nobody becomes
 * admin by opening a file: the creator of a new file is made admin by init and demo, and a
 * file without users (restored from before roles) gets one only from root. */
#ifndef DPF_ACCESS_H
#define DPF_ACCESS_H

#include <stddef.h>
#include "dpf/err.h"

struct db;

enum role { ROLE_CLERK = 1, ROLE_REVIEWER, ROLE_MANAGER, ROLE_ADMIN };
extern const char *const role_names[];     /* 录入员 审核员 领导 管理员, NULL-terminated */

/* What an action needs. Every user may read; the admin may do everything. */
enum cap {
    CAP_READ,       /* lists, records, figures, exports with masked IDs */
    CAP_REGISTER,   /* the register, rehabilitation records, claims, roster changes (clerk) */
    CAP_REVIEW,     /* subsidy applications, the monthly review and approval (reviewer) */
    CAP_MANAGE,     /* targets, rules, policies, institutions, reports (manager) */
    CAP_ADMIN,      /* users, backups, restores (admin) */
};

/* The role code of a name (录入员, 錄入員, Clerk in English, or the key clerk), or -1. */
int role_parse(const char *s);
/* A role's name in the UI language (录入员; Clerk in English); role_names keep the stored. */
const char *role_label(int role);
/* "Roles are 录入员, 审核员, 领导 and 管理员" in the UI language, into buf. */
const char *roles_are(char *buf, size_t cap);
/* The current user's role (0 if they are not a user of this database). */
int access_role(struct db *db, int *role, struct dpf_err *err);
/* DPF_OK, or an error saying who is not allowed and which roles are (on a database without
 * users: the command that names its first admin). */
int access_check(struct db *db, enum cap cap, struct dpf_err *err);

/* Adds a user or changes their role; removes one. Audited. The last admin is kept. */
/* dpf init and dpf demo on a new file: its creator (db->user) becomes its admin, in its own
 * transaction, audited. Nothing happens if the file has users. */
int access_creator_admin(struct db *db, struct dpf_err *err);
/* The first admin of a file without users, named by root (real_uid 0, which the front end
 * passes from getuid()), in the caller's transaction, audited. Refused if there are users. */
int user_first_admin(struct db *db, const char *login, unsigned real_uid, struct dpf_err *err);
int user_set(struct db *db, const char *login, int role, struct dpf_err *err);
int user_remove(struct db *db, const char *login, struct dpf_err *err);
/* A user's display name (张三; NULL or "" removes it), audited as user_name (user_name.c). */
int user_set_name(struct db *db, const char *login, const char *name, struct dpf_err *err);
/* The display name of login, or the login itself when it has none (or is no user): what
 * rosters (制表人), reports and the history show. Returns out. */
const char *user_display(struct db *db, const char *login, char *out, size_t cap);
/* name: the display name, or NULL. */
typedef int (*user_fn)(const char *login, int role, const char *added_on, const char *added_by,
                       const char *name, void *ctx);
int user_list(struct db *db, user_fn fn, void *ctx, struct dpf_err *err);

#endif
