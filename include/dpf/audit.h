/* SPDX-License-Identifier: MIT */
/* The audit log: who changed what, when, with the values before and after. Writers call
 * audit_record inside their own transaction, so the change and its audit row land together. */
#ifndef DPF_AUDIT_H
#define DPF_AUDIT_H

#include <stdint.h>
#include "dpf/err.h"

struct db;

/* before/after are JSON objects (or NULL); user and time come from db. */
int audit_record(struct db *db, const char *entity, int64_t entity_id, const char *action,
                 const char *before, const char *after, struct dpf_err *err);

/* The same action on n consecutive entities first_id.. with no before and after[i]: the
 * insert records of a bulk load, several to a statement. */
int audit_record_run(struct db *db, const char *entity, int64_t first_id, const char *action,
                     const char *const *after, int n, struct dpf_err *err);

struct audit_row {
    int64_t id;
    const char *at, *user, *entity, *action, *before, *after;
    int64_t entity_id;
    int rolled_back;        /* audit_list: a row a restore took out of the log (id: its id
                             * there), kept in audit_rolled_back */
};
typedef int (*audit_row_fn)(const struct audit_row *row, void *ctx);

/* Calls fn for each audit row of one entity, oldest first. */
int audit_history(struct db *db, const char *entity, int64_t entity_id, audit_row_fn fn,
                  void *ctx, struct dpf_err *err);

/* Records that a list left the program: what, the file, how many rows, and whether IDs were
 * written in full (personal information law: every export is logged). */
int audit_export(struct db *db, const char *what, const char *path, long rows, int full,
                 struct dpf_err *err);

/* Records, before the data leaves, that full resident IDs, certificate numbers or bank
 * accounts are about to be shown or written (action `disclose`): what, the person shown
 * (their id; the row is then under the person) or the file and its rows (person_id 0; rows
 * -1 when there is no file), and the command (db->origin). Committed on return when no
 * transaction is open, so a failure means nothing may be shown or the file kept. */
int audit_disclose(struct db *db, const char *what, int64_t person_id, const char *file,
                   long rows, struct dpf_err *err);

/* json (an audit row's before or after, keyed by field keys) with the values of sensitive
 * fields (certificate numbers, bank accounts) masked as every listing masks them: malloc'd,
 * or NULL for NULL json or no memory. */
char *audit_mask(struct db *db, const char *json, struct dpf_err *err);

/* Rows of the whole log, newest first, with the rows restores rolled back (marked, each
 * below its restore), matching the filter (NULL or 0: any): a user, one
 * person (their id), a date range (YYYY-MM-DD, inclusive), at most limit rows (0: all). */
struct audit_filter {
    const char *user, *from, *to;
    int64_t person_id;
    long limit;
};
int audit_list(struct db *db, const struct audit_filter *f, audit_row_fn fn, void *ctx,
               struct dpf_err *err);

/* The action as the clerk reads it (登记, 修改, ...), translated. */
const char *audit_action_label(const char *action);

#endif
