/* SPDX-License-Identifier: MIT */
/* Who may do what. Users are OS login names mapped to roles in the database; a command or
 * screen names the capability it needs and asks access_check before acting. The first user
 * to open a database that has none becomes its admin. */
#ifndef DPF_ACCESS_H
#define DPF_ACCESS_H

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

/* The role code of a name (录入员 or clerk, ...), or -1. */
int role_parse(const char *s);
/* The current user's role (0 if they are not a user of this database). Makes the first
 * user of a database without users its admin (audited). */
int access_role(struct db *db, int *role, struct dpf_err *err);
/* DPF_OK, or an error saying who is not allowed and which roles are. */
int access_check(struct db *db, enum cap cap, struct dpf_err *err);

/* Adds a user or changes their role; removes one. Audited. The last admin is kept. */
int user_set(struct db *db, const char *login, int role, struct dpf_err *err);
int user_remove(struct db *db, const char *login, struct dpf_err *err);
typedef int (*user_fn)(const char *login, int role, const char *added_on, const char *added_by,
                       void *ctx);
int user_list(struct db *db, user_fn fn, void *ctx, struct dpf_err *err);

#endif
